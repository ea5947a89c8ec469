/* am-view.c — the canvas's view transform, fit and fly-to maths, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-geometry.h"
#include "am-text-metrics.h"
#include "am-viewport.h"

/* fly_to() zooms in to at least READABLE_ZOOM when node text would be smaller than this. */
#define READABLE_MIN_ZOOM    0.75
#define READABLE_ZOOM        1.0
/* The share of the widget a flown-to item may take at most. */
#define FLY_MAX_SHARE        0.8
/* The legend is left out while it would take more than this share of the canvas width,
 * or more than its height: on a narrow canvas the map matters more than its key. */
#define LEGEND_MAX_WIDTH_SHARE 0.25
/* On a map this small, text costs little, and names are what a person reads first: node
 * labels are drawn at fit down to LABEL_FLOOR_MIN_PPP device pixels per point, below the
 * renderer's usual cut-off (6 px, about 0.55 px per point for AM_NODE_FONT_SIZE). */
#define LABEL_FLOOR_MAX_NODES 120
#define LABEL_FLOOR_MIN_PPP   0.40
#define LABEL_FLOOR_PPP       (6.05 / AM_NODE_FONT_SIZE)
/* What the legend keeps clear of, around every item the scene draws: in scene points,
 * what the renderer draws outside the boxes (a label's padding, half a stroke, a
 * selection ring 3 + 2.5 points out), and in widget pixels, a gap to see between them. */
#define LEGEND_CLEAR_POINTS  6.0
#define LEGEND_CLEAR_PIXELS  4.0
/* How far a curve's polyline may stray from it when tested against the legend. */
#define LEGEND_CURVE_FLATNESS 0.25

/* Base margin on each side, as a fraction of the viewport, capped in widget pixels: the
 * distance a pan can go before the base is rendered again. */
#define BASE_MARGIN_FRACTION 0.25
#define BASE_MARGIN_MAX      320.0

double
am_view_clamp_zoom (double zoom)
{
  return CLAMP (zoom, AM_VIEW_MIN_ZOOM, AM_VIEW_MAX_ZOOM);
}

void
am_view_widget_to_scene (const AmViewport *view,
                         double        widget_x,
                         double        widget_y,
                         double       *scene_x,
                         double       *scene_y)
{
  *scene_x = view->center_x + (widget_x - view->width / 2.0) / view->zoom;
  *scene_y = view->center_y + (widget_y - view->height / 2.0) / view->zoom;
}

gboolean
am_view_scene_to_widget (const AmViewport *view,
                         double        scene_x,
                         double        scene_y,
                         double       *widget_x,
                         double       *widget_y)
{
  double x = (scene_x - view->center_x) * view->zoom + view->width / 2.0;
  double y = (scene_y - view->center_y) * view->zoom + view->height / 2.0;

  if (widget_x != NULL)
    *widget_x = x;
  if (widget_y != NULL)
    *widget_y = y;

  return x >= 0 && y >= 0 && x < view->width && y < view->height;
}

gboolean
am_view_place (AmViewport *view,
               double  zoom,
               double  scene_x,
               double  scene_y,
               double  widget_x,
               double  widget_y)
{
  if (!isfinite (zoom) || !isfinite (scene_x) || !isfinite (scene_y)
      || !isfinite (widget_x) || !isfinite (widget_y))
    return FALSE;

  zoom = am_view_clamp_zoom (zoom);
  view->center_x = scene_x - (widget_x - view->width / 2.0) / zoom;
  view->center_y = scene_y - (widget_y - view->height / 2.0) / zoom;
  view->zoom = zoom;

  return TRUE;
}

gboolean
am_view_zoom_about (AmViewport *view,
                    double  zoom,
                    double  widget_x,
                    double  widget_y)
{
  double anchor_x, anchor_y;

  am_view_widget_to_scene (view, widget_x, widget_y, &anchor_x, &anchor_y);
  return am_view_place (view, zoom, anchor_x, anchor_y, widget_x, widget_y);
}

gboolean
am_view_pan_by (AmViewport *view,
                double  dx,
                double  dy)
{
  if (!isfinite (dx) || !isfinite (dy))
    return FALSE;

  view->center_x += dx / view->zoom;
  view->center_y += dy / view->zoom;
  return TRUE;
}

double
am_view_fit_zoom (const AmRect *bounds,
                  double        width,
                  double        height)
{
  double zoom = AM_VIEW_FIT_MAX_ZOOM;

  if (bounds->width > 0)
    zoom = MIN (zoom, MAX (width - 2 * AM_VIEW_FIT_PADDING, 1.0) / bounds->width);
  if (bounds->height > 0)
    zoom = MIN (zoom, MAX (height - 2 * AM_VIEW_FIT_PADDING, 1.0) / bounds->height);

  return am_view_clamp_zoom (zoom);
}

gboolean
am_view_legend_fits (const AmViewport *view,
                     double        legend_width,
                     double        legend_height)
{
  return legend_width > 0 && legend_height > 0
         && legend_width + 2 * AM_VIEW_LEGEND_MARGIN <= view->width * LEGEND_MAX_WIDTH_SHARE
         && legend_height + 2 * AM_VIEW_LEGEND_MARGIN <= view->height;
}

void
am_view_legend_rect_at (const AmViewport *view,
                        AmViewCorner      corner,
                        double            legend_width,
                        double            legend_height,
                        AmRect           *rect)
{
  gboolean left = corner != AM_VIEW_CORNER_TOP_RIGHT;
  gboolean top = corner != AM_VIEW_CORNER_BOTTOM_LEFT;

  rect->x = left ? AM_VIEW_LEGEND_MARGIN : view->width - legend_width - AM_VIEW_LEGEND_MARGIN;
  rect->y = top ? AM_VIEW_LEGEND_MARGIN : view->height - legend_height - AM_VIEW_LEGEND_MARGIN;
  rect->width = legend_width;
  rect->height = legend_height;
}

void
am_view_legend_rect (const AmViewport *view,
                     double        legend_width,
                     double        legend_height,
                     AmRect       *rect)
{
  am_view_legend_rect_at (view, AM_VIEW_CORNER_BOTTOM_LEFT, legend_width, legend_height, rect);
}

void
am_view_legend_scene_rect (const AmViewport *view,
                           AmViewCorner      corner,
                           double            legend_width,
                           double            legend_height,
                           AmRect           *rect)
{
  AmRect widget;

  am_view_legend_rect_at (view, corner, legend_width, legend_height, &widget);
  am_view_widget_to_scene (view, widget.x, widget.y, &rect->x, &rect->y);
  rect->width = widget.width / view->zoom;
  rect->height = widget.height / view->zoom;
}

static AmRect
grow_rect (const AmRect *rect,
           double        by)
{
  return (AmRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

/* Liang–Barsky: whether the segment a–b has a point in the closed @rect. */
static gboolean
segment_meets_rect (const AmPoint *a,
                    const AmPoint *b,
                    const AmRect  *rect)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - rect->x, rect->x + rect->width - a->x,
                  a->y - rect->y, rect->y + rect->height - a->y };
  double t0 = 0.0, t1 = 1.0;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }

  return TRUE;
}

/* Whether the curve, an arrowhead or the label of @edge comes into @rect. */
static gboolean
edge_meets_rect (const AmSceneEdge *edge,
                 const AmRect      *rect)
{
  if (edge->has_label && am_rect_intersects (&edge->label_box, rect))
    return TRUE;

  if (edge->has_head)
    {
      AmRect grown = grow_rect (rect, am_arrow_half_width (&edge->points[edge->n_points - 1],
                                                           &edge->head));

      if (segment_meets_rect (&edge->points[edge->n_points - 1], &edge->head, &grown))
        return TRUE;
    }
  if (edge->has_tail)
    {
      AmRect grown = grow_rect (rect, am_arrow_half_width (&edge->points[0], &edge->tail));

      if (segment_meets_rect (&edge->points[0], &edge->tail, &grown))
        return TRUE;
    }

  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    {
      const AmPoint *p = &edge->points[k];
      guint n = am_bezier_pieces_for_flatness (p, LEGEND_CURVE_FLATNESS);
      AmRect grown = grow_rect (rect, am_bezier_flatness_for_pieces (p, n));
      AmPoint prev = p[0];

      for (guint j = 1; j <= n; j++)
        {
          AmPoint cur = am_bezier_point (p, (double) j / n);

          if (segment_meets_rect (&prev, &cur, &grown))
            return TRUE;
          prev = cur;
        }
    }

  return FALSE;
}

gboolean
am_view_scene_area_is_clear (const AmScene *scene,
                             const AmRect  *rect)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A group's box is drawn filled: the legend is not to sit on it either. */
  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    if (am_rect_intersects (&am_scene_get_cluster (scene, i)->box, rect))
      return FALSE;

  am_scene_query_rect (scene, rect, nodes, NULL);
  if (nodes->len > 0)
    return FALSE;

  /* The index finds the edges whose curve passes near; look at each closely. */
  am_scene_query_rect (scene, rect, NULL, edges);
  for (guint i = 0; i < edges->len; i++)
    if (edge_meets_rect (am_scene_get_edge (scene, g_array_index (edges, guint, i)), rect))
      return FALSE;

  return TRUE;
}

static gboolean
legend_is_clear (const AmViewport *view,
                 const AmScene    *scene,
                 AmViewCorner      corner,
                 double            legend_width,
                 double            legend_height)
{
  AmRect rect;

  am_view_legend_scene_rect (view, corner, legend_width, legend_height, &rect);
  rect = grow_rect (&rect, LEGEND_CLEAR_PIXELS / view->zoom + LEGEND_CLEAR_POINTS);
  return am_view_scene_area_is_clear (scene, &rect);
}

/* Moves a fitted map as far from @corner as the fit leaves room for: the slack between
 * the map and the padding, on the axis the map does not fill. */
static void
push_from_corner (AmViewport   *view,
                  const AmRect *bounds,
                  AmViewCorner  corner)
{
  double slack_x = MAX (view->width - 2 * AM_VIEW_FIT_PADDING - bounds->width * view->zoom, 0) / 2;
  double slack_y = MAX (view->height - 2 * AM_VIEW_FIT_PADDING - bounds->height * view->zoom, 0) / 2;

  /* The scene point at the centre moves the other way from the map. */
  view->center_x += (corner == AM_VIEW_CORNER_TOP_RIGHT ? slack_x : -slack_x) / view->zoom;
  view->center_y += (corner == AM_VIEW_CORNER_BOTTOM_LEFT ? slack_y : -slack_y) / view->zoom;
}

AmViewCorner
am_view_fit_scene (AmViewport    *view,
                   const AmScene *scene,
                   const AmRect  *bounds,
                   double         legend_width,
                   double         legend_height)
{
  static const AmViewCorner corners[] = {
    AM_VIEW_CORNER_BOTTOM_LEFT, AM_VIEW_CORNER_TOP_LEFT, AM_VIEW_CORNER_TOP_RIGHT,
  };
  AmViewport fitted = *view;

  am_view_fit (&fitted, bounds, 0, 0);
  if (legend_width <= 0 || legend_height <= 0)
    {
      *view = fitted;
      return AM_VIEW_CORNER_BOTTOM_LEFT;
    }

  /* The whole canvas for the map, the legend over an empty corner: centred first, as a
   * fit usually is, then moved within the slack.  The zoom is the same either way. */
  for (guint pushed = 0; pushed < 2; pushed++)
    for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
      {
        AmViewport candidate = fitted;

        if (pushed)
          push_from_corner (&candidate, bounds, corners[i]);
        if (legend_is_clear (&candidate, scene, corners[i], legend_width, legend_height))
          {
            *view = candidate;
            return corners[i];
          }
      }

  am_view_fit (view, bounds, legend_width, legend_height);
  return AM_VIEW_CORNER_BOTTOM_LEFT;
}

void
am_view_fit (AmViewport       *view,
             const AmRect *bounds,
             double        legend_width,
             double        legend_height)
{
  double zoom;
  double center_x = bounds->x + bounds->width / 2.0;
  double center_y = bounds->y + bounds->height / 2.0;

  if (legend_width > 0 && legend_height > 0)
    {
      /* The legend sits in the bottom-left corner: fit the map beside it or above it,
       * whichever shows it larger, so that no node starts out under the legend. */
      double beside = legend_width + AM_VIEW_LEGEND_MARGIN;
      double above = legend_height + AM_VIEW_LEGEND_MARGIN;
      double zoom_beside = am_view_fit_zoom (bounds, view->width - beside, view->height);
      double zoom_above = am_view_fit_zoom (bounds, view->width, view->height - above);

      if (zoom_beside >= zoom_above)
        {
          zoom = zoom_beside;
          center_x -= beside / 2.0 / zoom;
        }
      else
        {
          zoom = zoom_above;
          center_y += above / 2.0 / zoom;
        }
    }
  else
    zoom = am_view_fit_zoom (bounds, view->width, view->height);

  view->center_x = center_x;
  view->center_y = center_y;
  view->zoom = zoom;
}

double
am_view_text_pixels_per_point (guint  n_nodes,
                               double pixels_per_point)
{
  if (n_nodes <= LABEL_FLOOR_MAX_NODES && pixels_per_point >= LABEL_FLOOR_MIN_PPP)
    return MAX (pixels_per_point, LABEL_FLOOR_PPP);

  return pixels_per_point;
}

void
am_view_fly_target (const AmViewport *view,
                    const AmRect *box,
                    AmViewport       *target)
{
  double zoom = view->zoom < READABLE_MIN_ZOOM ? READABLE_ZOOM : view->zoom;

  if (view->width > 0 && box->width > 0)
    zoom = MIN (zoom, FLY_MAX_SHARE * view->width / box->width);
  if (view->height > 0 && box->height > 0)
    zoom = MIN (zoom, FLY_MAX_SHARE * view->height / box->height);

  *target = *view;
  target->center_x = box->x + box->width / 2.0;
  target->center_y = box->y + box->height / 2.0;
  target->zoom = am_view_clamp_zoom (zoom);
}

void
am_view_fly_step (const AmViewport *from,
                  const AmViewport *to,
                  double        t,
                  AmViewport       *out)
{
  double e;

  t = CLAMP (t, 0.0, 1.0);
  e = 1.0 - pow (1.0 - t, 3.0);   /* ease-out cubic */

  *out = *to;
  out->center_x = from->center_x + (to->center_x - from->center_x) * e;
  out->center_y = from->center_y + (to->center_y - from->center_y) * e;
  /* Zoom moves evenly in log space, so zooming by 4 looks like two steps of 2. */
  out->zoom = t >= 1.0 ? to->zoom
                       : exp (log (from->zoom) + (log (to->zoom) - log (from->zoom)) * e);
}

void
am_view_base_picture (const AmViewport  *view,
                      int            scale,
                      AmViewPicture *picture)
{
  double margin_max = BASE_MARGIN_MAX / scale;
  double margin_x = ceil (MIN (view->width * BASE_MARGIN_FRACTION, margin_max));
  double margin_y = ceil (MIN (view->height * BASE_MARGIN_FRACTION, margin_max));

  picture->zoom = view->zoom;
  /* Whole device pixels. */
  picture->width = ceil ((view->width + 2 * margin_x) * scale) / scale;
  picture->height = ceil ((view->height + 2 * margin_y) * scale) / scale;
  picture->x = view->center_x - (view->width / 2.0 + margin_x) / view->zoom;
  picture->y = view->center_y - (view->height / 2.0 + margin_y) / view->zoom;
}

gboolean
am_view_picture_covers (const AmViewport        *view,
                        const AmViewPicture *picture)
{
  /* The viewport in scene points, against the picture's extent (with a hair of slack
   * for rounding). */
  double left = view->center_x - view->width / 2.0 / view->zoom;
  double top = view->center_y - view->height / 2.0 / view->zoom;
  double right = view->center_x + view->width / 2.0 / view->zoom;
  double bottom = view->center_y + view->height / 2.0 / view->zoom;

  return left >= picture->x - 0.01 / picture->zoom
         && top >= picture->y - 0.01 / picture->zoom
         && right <= picture->x + (picture->width + 0.01) / picture->zoom
         && bottom <= picture->y + (picture->height + 0.01) / picture->zoom;
}

gboolean
am_view_picture_is_settled (const AmViewport        *view,
                            const AmViewPicture *picture)
{
  double slack_x, slack_y, left, top;

  if (picture->zoom != view->zoom || !am_view_picture_covers (view, picture))
    return FALSE;

  /* Re-centre before the viewport runs into the edge of the picture. */
  slack_x = (picture->width - view->width) / 4.0;
  slack_y = (picture->height - view->height) / 4.0;
  left = (view->center_x - picture->x) * view->zoom - view->width / 2.0;
  top = (view->center_y - picture->y) * view->zoom - view->height / 2.0;

  return left >= slack_x && top >= slack_y
         && left + view->width <= picture->width - slack_x
         && top + view->height <= picture->height - slack_y;
}

void
am_view_picture_transform (const AmViewport        *view,
                           const AmViewPicture *picture,
                           int                  scale,
                           double              *offset_x,
                           double              *offset_y,
                           double              *factor)
{
  *factor = view->zoom / picture->zoom;
  *offset_x = (picture->x - view->center_x) * view->zoom + view->width / 2.0;
  *offset_y = (picture->y - view->center_y) * view->zoom + view->height / 2.0;

  if (*factor == 1.0)
    {
      /* Whole device pixels keep the image crisp. */
      *offset_x = round (*offset_x * scale) / scale;
      *offset_y = round (*offset_y * scale) / scale;
    }
}
