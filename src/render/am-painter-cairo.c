/* am-painter-cairo.c — the painter backend for the screen, PNG and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "am-geometry.h"
#include "am-hairline-private.h"
#include "am-painter-private.h"

/* Items per batch.  Batching saves cairo's per-operation setup, but one path of many
 * long edges makes its scan converter juggle every edge that crosses a scanline.
 * Measured on cairo 1.16 (20 000 nodes, 40 000 edges, 1920 × 1080, CPU time of one
 * frame, best of three): short edges 272 ms unbatched, 348 ms in one batch per colour,
 * 255 ms in batches of 16; long edges 815, 998 and 794 ms. */
#define MAX_BATCH 16

/* Below this many device pixels, text on a raster target is filled as outlines.  Cairo
 * 1.16's image backend shows every glyph at a whole pixel, whatever the layout (metric
 * hinting is already off in the layout's context, am-text-metrics.c): at 5 px a word
 * space of 1.6 px can round away, and "Kim Jong Un" reads "KimJongUn".  Outlines keep
 * the layout's fractional positions; above this size the rounding no longer shows, and
 * cached glyphs are faster. */
#define OUTLINE_TEXT_PIXELS 10.0

/* How far a flattened curve may stray from the true one, in device pixels, when it is
 * drawn as a hairline. */
#define HAIRLINE_FLATNESS 0.25

typedef enum
{
  HAIRLINE_UNKNOWN,      /* not looked at since the last transform change */
  HAIRLINE_USABLE,
  HAIRLINE_UNUSABLE,
} HairlineUse;

typedef enum
{
  PENDING_NONE,
  PENDING_STROKE,
  PENDING_FILL,
} PendingKind;

typedef struct
{
  AmPainter   parent;
  cairo_t    *cr;
  /* Opacity of the enclosing groups, multiplied into every colour: a cairo group
   * (push_group/paint_with_alpha) per dimmed node would cost an offscreen surface each. */
  GArray     *alphas;
  double      alpha;
  /* Batching: the path in @cr holds items not yet stroked or filled, all of this
   * colour and width.  Anything else that draws flushes it first. */
  PendingKind pending;
  AmColor     pending_color;
  double      pending_width;
  double      pending_dash;
  guint       pending_count;
  /* Thin strokes on a plain image surface go straight into its pixels
   * (am-hairline.c): whether that is possible here, where, and with which transform
   * (user space to the image's pixels).  @direct: pixels were written since cairo last
   * drew, and cairo must be told before it draws again. */
  HairlineUse      hairline_use;
  AmHairlineTarget hairline;
  cairo_surface_t *hairline_surface;
  cairo_matrix_t   hairline_matrix;
  double           hairline_scale;
  gboolean         direct;
  GArray          *scratch;     /* AmPoint */
} CairoPainter;

static void
set_color (cairo_t       *cr,
           const AmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
set_source (CairoPainter  *self,
            const AmColor *color)
{
  cairo_set_source_rgba (self->cr, color->red, color->green, color->blue,
                         color->alpha * self->alpha);
}

static void
set_dash (cairo_t *cr,
          double   dash)
{
  if (dash > 0)
    cairo_set_dash (cr, &dash, 1, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

/* Whether @cr draws on a vector target (PDF and the like): text stays text there. */
static gboolean
is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The pending stroke, if it is thinner than a device pixel on a raster target: one
 * aliased pixel wide, as faint as it is thin (see AmPainter.thin_strokes).  FALSE,
 * with nothing drawn, otherwise. */
static gboolean
stroke_thin (CairoPainter *self)
{
  double dx = self->pending_width, dy = 0, ux = 1, uy = 0;
  double device_width;
  AmColor color = self->pending_color;
  cairo_antialias_t antialias;

  cairo_user_to_device_distance (self->cr, &dx, &dy);
  device_width = hypot (dx, dy);
  /* A recording is replayed at some other scale: it keeps the real width. */
  if (device_width >= 1.0 || device_width <= 0 || is_vector (self->cr) ||
      cairo_surface_get_type (cairo_get_target (self->cr)) == CAIRO_SURFACE_TYPE_RECORDING)
    return FALSE;

  cairo_device_to_user_distance (self->cr, &ux, &uy);
  color.alpha *= device_width;
  set_color (self->cr, &color);
  cairo_set_line_width (self->cr, hypot (ux, uy));
  set_dash (self->cr, self->pending_dash);
  antialias = cairo_get_antialias (self->cr);
  cairo_set_antialias (self->cr, CAIRO_ANTIALIAS_NONE);
  cairo_stroke (self->cr);
  cairo_set_antialias (self->cr, antialias);

  return TRUE;
}

/* Cairo draws next: hand it back the pixels written behind its back. */
static void
leave_direct (CairoPainter *self)
{
  if (self->direct)
    {
      cairo_surface_mark_dirty (self->hairline_surface);
      self->direct = FALSE;
    }
}

static void
flush (CairoPainter *self)
{
  leave_direct (self);

  switch (self->pending)
    {
    case PENDING_STROKE:
      if (self->parent.thin_strokes && stroke_thin (self))
        break;
      set_color (self->cr, &self->pending_color);
      cairo_set_line_width (self->cr, self->pending_width);
      set_dash (self->cr, self->pending_dash);
      cairo_stroke (self->cr);
      break;

    case PENDING_FILL:
      set_color (self->cr, &self->pending_color);
      cairo_fill (self->cr);
      break;

    case PENDING_NONE:
    default:
      break;
    }

  self->pending = PENDING_NONE;
}

static gboolean
same_color (const AmColor *a,
            const AmColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* Prepares @cr for one more batched item, flushing the batch first when it does not
 * match; the caller then appends its path.  The batch keeps the colour with the group
 * opacity already applied, so it may stay pending across group boundaries. */
static void
batch (CairoPainter  *self,
       PendingKind    kind,
       const AmColor *color,
       double         line_width)
{
  AmColor effective = *color;

  leave_direct (self);
  effective.alpha *= self->alpha;

  if (self->pending == kind &&
      self->pending_count < MAX_BATCH &&
      same_color (&self->pending_color, &effective) &&
      (kind == PENDING_FILL ||
       (self->pending_width == line_width && self->pending_dash == self->parent.dash)))
    {
      self->pending_count++;
      return;
    }

  flush (self);
  self->pending = kind;
  self->pending_count = 1;
  self->pending_color = effective;
  self->pending_width = line_width;
  self->pending_dash = self->parent.dash;
}

static void
fill_and_stroke (CairoPainter  *self,
                 const AmColor *fill,
                 const AmColor *stroke,
                 double         line_width)
{
  if (fill != NULL)
    {
      set_source (self, fill);
      if (stroke != NULL && line_width > 0)
        cairo_fill_preserve (self->cr);
      else
        cairo_fill (self->cr);
    }

  if (stroke != NULL && line_width > 0)
    {
      set_source (self, stroke);
      cairo_set_line_width (self->cr, line_width);
      set_dash (self->cr, self->parent.dash);
      cairo_stroke (self->cr);
    }

  cairo_new_path (self->cr);
}

static void
cairo_painter_begin_group (AmPainter      *painter,
                           AmPainterGroup  group,
                           const char     *id,
                           const char     *kind_name,
                           const char     *title,
                           double          opacity)
{
  CairoPainter *self = (CairoPainter *) painter;

  g_array_append_val (self->alphas, self->alpha);
  self->alpha *= CLAMP (opacity, 0.0, 1.0);
}

static void
cairo_painter_end_group (AmPainter *painter)
{
  CairoPainter *self = (CairoPainter *) painter;

  g_return_if_fail (self->alphas->len > 0);

  self->alpha = g_array_index (self->alphas, double, self->alphas->len - 1);
  g_array_set_size (self->alphas, self->alphas->len - 1);
}

static void
cairo_painter_push_transform (AmPainter *painter,
                              double     dx,
                              double     dy,
                              double     scale)
{
  CairoPainter *self = (CairoPainter *) painter;

  flush (self);
  cairo_save (self->cr);
  cairo_translate (self->cr, dx, dy);
  cairo_scale (self->cr, scale, scale);
  self->hairline_use = HAIRLINE_UNKNOWN;
}

static void
cairo_painter_pop_transform (AmPainter *painter)
{
  CairoPainter *self = (CairoPainter *) painter;

  flush (self);
  cairo_restore (self->cr);
  self->hairline_use = HAIRLINE_UNKNOWN;
}

static void
rounded_rect_path (cairo_t      *cr,
                   const AmRect *r,
                   double        radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);

  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
cairo_painter_rect (AmPainter     *painter,
                    const AmRect  *rect,
                    double         radius,
                    const AmColor *fill,
                    const AmColor *stroke,
                    double         line_width)
{
  CairoPainter *self = (CairoPainter *) painter;

  flush (self);
  rounded_rect_path (self->cr, rect, radius);
  fill_and_stroke (self, fill, stroke, line_width);
}

static void
cairo_painter_ellipse (AmPainter     *painter,
                       const AmRect  *rect,
                       const AmColor *fill,
                       const AmColor *stroke,
                       double         line_width)
{
  CairoPainter *self = (CairoPainter *) painter;

  flush (self);

  if (rect->width <= 0 || rect->height <= 0)
    return;

  /* Scale a unit circle, but stroke in the unscaled space so the line keeps its width. */
  cairo_save (self->cr);
  cairo_translate (self->cr, rect->x + rect->width / 2, rect->y + rect->height / 2);
  cairo_scale (self->cr, rect->width / 2, rect->height / 2);
  cairo_new_sub_path (self->cr);
  cairo_arc (self->cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_close_path (self->cr);
  cairo_restore (self->cr);
  fill_and_stroke (self, fill, stroke, line_width);
}

static void
cairo_painter_polygon (AmPainter     *painter,
                       const AmPoint *points,
                       guint          n_points,
                       const AmColor *fill,
                       const AmColor *stroke,
                       double         line_width)
{
  CairoPainter *self = (CairoPainter *) painter;
  gboolean batched = fill != NULL && stroke == NULL;

  if (n_points < 3)
    return;

  /* Arrowheads are filled and unstroked, one per edge: batch them. */
  if (batched)
    batch (self, PENDING_FILL, fill, 0);
  else
    flush (self);

  cairo_move_to (self->cr, points[0].x, points[0].y);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (self->cr, points[i].x, points[i].y);
  cairo_close_path (self->cr);

  if (!batched)
    fill_and_stroke (self, fill, stroke, line_width);
}

/* Whether thin strokes can be written straight into the target's pixels: an image in
 * a 32-bit format, drawn with OVER, no group pushed, an axis-aligned transform, no
 * device offset and a clip that is one rectangle.  Sets up self->hairline if so. */
static gboolean
hairline_usable (CairoPainter *self)
{
  cairo_t *cr = self->cr;
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clips;
  cairo_matrix_t m;
  double sx, sy, ox, oy;
  gboolean usable = FALSE;

  if (self->hairline_use != HAIRLINE_UNKNOWN)
    return self->hairline_use == HAIRLINE_USABLE;

  self->hairline_use = HAIRLINE_UNUSABLE;
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_group_target (cr) != target ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      (cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 &&
       cairo_image_surface_get_format (target) != CAIRO_FORMAT_RGB24) ||
      cairo_image_surface_get_data (target) == NULL)
    return FALSE;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  if (m.xy != 0 || m.yx != 0 || ox != 0 || oy != 0 || sx != sy)
    return FALSE;

  clips = cairo_copy_clip_rectangle_list (cr);
  if (clips->status == CAIRO_STATUS_SUCCESS && clips->num_rectangles == 1)
    {
      const cairo_rectangle_t *r = &clips->rectangles[0];
      double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;

      cairo_user_to_device (cr, &x0, &y0);
      cairo_user_to_device (cr, &x1, &y1);
      /* Pixels whose centre the clip covers, as cairo's aliased rasteriser draws. */
      self->hairline.x0 = MAX ((int) ceil (MIN (x0, x1) * sx - 0.5), 0);
      self->hairline.y0 = MAX ((int) ceil (MIN (y0, y1) * sy - 0.5), 0);
      self->hairline.x1 = MIN ((int) ceil (MAX (x0, x1) * sx - 0.5),
                               cairo_image_surface_get_width (target));
      self->hairline.y1 = MIN ((int) ceil (MAX (y0, y1) * sy - 0.5),
                               cairo_image_surface_get_height (target));
      self->hairline.data = cairo_image_surface_get_data (target);
      self->hairline.stride = cairo_image_surface_get_stride (target);
      cairo_matrix_init_scale (&self->hairline_matrix, sx, sy);
      cairo_matrix_multiply (&self->hairline_matrix, &m, &self->hairline_matrix);
      self->hairline_scale = sx;
      self->hairline_surface = target;
      usable = TRUE;
    }
  cairo_rectangle_list_destroy (clips);

  self->hairline_use = usable ? HAIRLINE_USABLE : HAIRLINE_UNUSABLE;
  return usable;
}

/* Draws the curve as a hairline (am-hairline.c) if it is thinner than a pixel of an
 * image target; FALSE, with nothing drawn, otherwise. */
static gboolean
hairline (CairoPainter  *self,
          const AmPoint *points,
          guint          n_points,
          const AmColor *stroke,
          double         line_width)
{
  const cairo_matrix_t *m = &self->hairline_matrix;
  double width;
  AmPoint p[4];

  if (!hairline_usable (self))
    return FALSE;

  width = line_width * hypot (m->xx, m->yx);
  if (width >= 1.0 || width <= 0)
    return FALSE;

  /* What cairo drew before comes first. */
  if (!self->direct)
    {
      flush (self);
      cairo_surface_flush (self->hairline_surface);
      self->direct = TRUE;
    }

  g_array_set_size (self->scratch, 0);
  if ((n_points - 1) % 3 == 0)
    {
      for (guint i = 0; i + 3 < n_points; i += 3)
        {
          double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
          guint pieces;

          for (guint k = 0; k < 4; k++)
            {
              p[k] = points[i + k];
              cairo_matrix_transform_point (m, &p[k].x, &p[k].y);
              x0 = MIN (x0, p[k].x);
              y0 = MIN (y0, p[k].y);
              x1 = MAX (x1, p[k].x);
              y1 = MAX (y1, p[k].y);
            }

          if (i == 0)
            g_array_append_val (self->scratch, p[0]);

          /* Outside the target (a curve stays inside its control points' hull): its
           * end will do, as the start of the next piece. */
          if (x1 < self->hairline.x0 || y1 < self->hairline.y0 ||
              x0 > self->hairline.x1 || y0 > self->hairline.y1)
            {
              g_array_append_val (self->scratch, p[3]);
              continue;
            }

          pieces = am_bezier_pieces_for_flatness (p, HAIRLINE_FLATNESS);
          for (guint j = 1; j < pieces; j++)
            {
              AmPoint q = am_bezier_point (p, (double) j / pieces);

              g_array_append_val (self->scratch, q);
            }
          g_array_append_val (self->scratch, p[3]);
        }
    }
  else
    {
      for (guint i = 0; i < n_points; i++)
        {
          AmPoint q = points[i];

          cairo_matrix_transform_point (m, &q.x, &q.y);
          g_array_append_val (self->scratch, q);
        }
    }

  _am_hairline_polyline (&self->hairline, (const AmPoint *) (void *) self->scratch->data,
                         self->scratch->len, stroke->red, stroke->green, stroke->blue,
                         stroke->alpha * self->alpha * width);
  return TRUE;
}

static void
cairo_painter_curve (AmPainter     *painter,
                     const AmPoint *points,
                     guint          n_points,
                     const AmColor *stroke,
                     double         line_width)
{
  CairoPainter *self = (CairoPainter *) painter;

  if (n_points < 2 || stroke == NULL || line_width <= 0)
    return;

  if (painter->thin_strokes && painter->dash <= 0 &&
      hairline (self, points, n_points, stroke, line_width))
    return;

  batch (self, PENDING_STROKE, stroke, line_width);

  cairo_move_to (self->cr, points[0].x, points[0].y);
  if ((n_points - 1) % 3 == 0)
    {
      for (guint i = 1; i + 2 < n_points; i += 3)
        cairo_curve_to (self->cr,
                        points[i].x, points[i].y,
                        points[i + 1].x, points[i + 1].y,
                        points[i + 2].x, points[i + 2].y);
    }
  else
    {
      for (guint i = 1; i < n_points; i++)
        cairo_line_to (self->cr, points[i].x, points[i].y);
    }
}

/* Whether @layout would be drawn small enough on @cr's raster target for glyph
 * positions to be rounded visibly.  Vector targets (PDF) keep real, selectable text. */
static gboolean
wants_outlines (cairo_t     *cr,
                PangoLayout *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  double dx = 1, dy = 0, ex = 0, ey = 1, scale, size;

  if (is_vector (cr))
    return FALSE;

  if (desc == NULL || pango_font_description_get_size (desc) <= 0)
    return FALSE;

  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_user_to_device_distance (cr, &ex, &ey);
  scale = sqrt (fabs (dx * ey - dy * ex));
  size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;

  return size * scale < OUTLINE_TEXT_PIXELS;
}

static void
cairo_painter_text (AmPainter     *painter,
                    PangoLayout   *layout,
                    double         x,
                    double         y,
                    const AmColor *color)
{
  CairoPainter *self = (CairoPainter *) painter;

  flush (self);
  set_source (self, color);
  cairo_move_to (self->cr, x, y);
  if (wants_outlines (self->cr, layout))
    {
      pango_cairo_layout_path (self->cr, layout);
      cairo_fill (self->cr);
    }
  else
    {
      pango_cairo_show_layout (self->cr, layout);
    }
  cairo_new_path (self->cr);
}

static void
cairo_painter_free (AmPainter *painter)
{
  CairoPainter *self = (CairoPainter *) painter;

  flush (self);
  cairo_restore (self->cr);
  g_clear_pointer (&self->alphas, g_array_unref);
  g_clear_pointer (&self->scratch, g_array_unref);
  cairo_destroy (self->cr);
  g_free (self);
}

static const AmPainterVTable cairo_painter_vtable = {
  .begin_group = cairo_painter_begin_group,
  .end_group = cairo_painter_end_group,
  .push_transform = cairo_painter_push_transform,
  .pop_transform = cairo_painter_pop_transform,
  .rect = cairo_painter_rect,
  .ellipse = cairo_painter_ellipse,
  .polygon = cairo_painter_polygon,
  .curve = cairo_painter_curve,
  .text = cairo_painter_text,
  .free = cairo_painter_free,
};

/* The painter draws on @cr and leaves its state (path, source, line width, transform)
 * as it found it once freed. */
AmPainter *
_am_painter_new_cairo (cairo_t *cr)
{
  CairoPainter *self;

  g_return_val_if_fail (cr != NULL, NULL);

  self = g_new0 (CairoPainter, 1);
  self->parent.vtable = &cairo_painter_vtable;
  self->parent.structured = FALSE;
  self->cr = cairo_reference (cr);
  self->alphas = g_array_new (FALSE, FALSE, sizeof (double));
  self->alpha = 1.0;
  self->pending = PENDING_NONE;
  self->scratch = g_array_new (FALSE, FALSE, sizeof (AmPoint));

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  return &self->parent;
}

void
_am_painter_free (AmPainter *self)
{
  if (self == NULL)
    return;

  self->vtable->free (self);
}
