/* am-painter-svg.c — the painter backend that writes SVG with real text and groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "am-painter-private.h"

/* Why a writer of our own rather than cairo_svg_surface_create_for_stream: see
 * am-painter-private.h.  In short, cairo 1.16 draws text as glyph outlines and knows
 * nothing of groups, ids or titles. */

typedef struct
{
  AmPainter  parent;
  GString   *out;
  guint      depth;       /* open <g> elements, for indentation and balance checks */
} SvgPainter;

static void
append_num (GString *out,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  /* Locale-independent and short: "12.5", not "12,500000". */
  if (!isfinite (value))
    value = 0;
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    *--end = '\0';
  if (strcmp (buf, "-0") == 0 || buf[0] == '\0')
    strcpy (buf, "0");

  g_string_append (out, buf);
}

/* Character data and attribute values.  Characters XML 1.0 forbids (C0 controls other
 * than tab and newlines, U+FFFE, U+FFFF) are dropped: g_markup_escape_text() would write
 * them as &#x1; references, which are just as invalid. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (text == NULL)
    return;

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }

  end = text + length;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        case '\t':
        case '\n':
        case '\r':
          g_string_append_c (out, ' ');
          break;
        default:
          if (c < 0x20 || c == 0xfffe || c == 0xffff)
            break;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

static void
append_color_attr (GString       *out,
                   const char    *name,
                   const AmColor *color)
{
  if (color == NULL)
    {
      g_string_append_printf (out, " %s=\"none\"", name);
      return;
    }

  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name,
                          (guint) round (CLAMP (color->red, 0.0, 1.0) * 255),
                          (guint) round (CLAMP (color->green, 0.0, 1.0) * 255),
                          (guint) round (CLAMP (color->blue, 0.0, 1.0) * 255));

  if (color->alpha < 1.0)
    {
      g_string_append_printf (out, " %s-opacity=\"", name);
      append_num (out, CLAMP (color->alpha, 0.0, 1.0));
      g_string_append_c (out, '"');
    }
}

static void
append_paint (GString       *out,
              const AmColor *fill,
              const AmColor *stroke,
              double         line_width,
              double         dash)
{
  append_color_attr (out, "fill", fill);

  if (stroke != NULL && line_width > 0)
    {
      append_color_attr (out, "stroke", stroke);
      g_string_append (out, " stroke-width=\"");
      append_num (out, line_width);
      g_string_append_c (out, '"');
      if (dash > 0)
        {
          g_string_append (out, " stroke-dasharray=\"");
          append_num (out, dash);
          g_string_append_c (out, '"');
        }
    }
}

static void
append_attr_num (GString    *out,
                 const char *name,
                 double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_num (out, value);
  g_string_append_c (out, '"');
}

static void
indent (SvgPainter *self)
{
  for (guint i = 0; i <= self->depth; i++)
    g_string_append (self->out, "  ");
}

char *
_am_svg_make_id (const char *prefix,
                 const char *id)
{
  GString *out = g_string_new (prefix);

  for (const guchar *p = (const guchar *) (id ? id : ""); *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.')
        g_string_append_c (out, (char) *p);
      else
        g_string_append_printf (out, "_%02X", *p);
    }

  return g_string_free (out, FALSE);
}

static void
svg_painter_begin_group (AmPainter      *painter,
                         AmPainterGroup  group,
                         const char     *id,
                         const char     *kind_name,
                         const char     *title,
                         double          opacity)
{
  SvgPainter *self = (SvgPainter *) painter;
  g_autofree char *xml_id = NULL;

  indent (self);

  switch (group)
    {
    case AM_PAINTER_GROUP_NODE:
      {
        g_autofree char *kind_class = _am_svg_make_id ("kind-", kind_name);

        xml_id = _am_svg_make_id ("node-", id);
        g_string_append_printf (self->out, "<g id=\"%s\" class=\"node %s\"", xml_id, kind_class);
      }
      break;

    case AM_PAINTER_GROUP_EDGE:
      xml_id = _am_svg_make_id ("edge-", id);
      g_string_append_printf (self->out, "<g id=\"%s\" class=\"edge\"", xml_id);
      break;

    case AM_PAINTER_GROUP_EDGE_LABEL:
      xml_id = _am_svg_make_id ("label-", id);
      g_string_append_printf (self->out, "<g id=\"%s\" class=\"edge-label\"", xml_id);
      break;

    case AM_PAINTER_GROUP_CLUSTER:
      xml_id = _am_svg_make_id ("cluster-", id);
      g_string_append_printf (self->out, "<g id=\"%s\" class=\"cluster\"", xml_id);
      break;

    case AM_PAINTER_GROUP_OTHER:
    default:
      xml_id = _am_svg_make_id ("", id);
      g_string_append_printf (self->out, "<g id=\"%s\"", xml_id);
      break;
    }

  if (opacity < 1.0)
    append_attr_num (self->out, "opacity", CLAMP (opacity, 0.0, 1.0));
  g_string_append (self->out, ">\n");

  self->depth++;

  if (title != NULL)
    {
      indent (self);
      g_string_append (self->out, "<title>");
      append_escaped (self->out, title, -1);
      g_string_append (self->out, "</title>\n");
    }
}

static void
svg_painter_end_group (AmPainter *painter)
{
  SvgPainter *self = (SvgPainter *) painter;

  g_return_if_fail (self->depth > 0);

  self->depth--;
  indent (self);
  g_string_append (self->out, "</g>\n");
}

static void
svg_painter_push_transform (AmPainter *painter,
                            double     dx,
                            double     dy,
                            double     scale)
{
  SvgPainter *self = (SvgPainter *) painter;

  indent (self);
  g_string_append (self->out, "<g transform=\"translate(");
  append_num (self->out, dx);
  g_string_append_c (self->out, ' ');
  append_num (self->out, dy);
  g_string_append (self->out, ")");
  if (scale != 1.0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* Full precision here: two decimals would visibly misplace a large network. */
      g_string_append_printf (self->out, " scale(%s)", g_ascii_dtostr (buf, sizeof buf, scale));
    }
  g_string_append (self->out, "\">\n");
  self->depth++;
}

static void
svg_painter_pop_transform (AmPainter *painter)
{
  svg_painter_end_group (painter);
}

static void
svg_painter_rect (AmPainter     *painter,
                  const AmRect  *rect,
                  double         radius,
                  const AmColor *fill,
                  const AmColor *stroke,
                  double         line_width)
{
  SvgPainter *self = (SvgPainter *) painter;

  radius = MIN (radius, MIN (rect->width, rect->height) / 2);

  indent (self);
  g_string_append (self->out, "<rect");
  append_attr_num (self->out, "x", rect->x);
  append_attr_num (self->out, "y", rect->y);
  append_attr_num (self->out, "width", MAX (rect->width, 0));
  append_attr_num (self->out, "height", MAX (rect->height, 0));
  if (radius > 0)
    {
      append_attr_num (self->out, "rx", radius);
      append_attr_num (self->out, "ry", radius);
    }
  append_paint (self->out, fill, stroke, line_width, self->parent.dash);
  g_string_append (self->out, "/>\n");
}

static void
svg_painter_ellipse (AmPainter     *painter,
                     const AmRect  *rect,
                     const AmColor *fill,
                     const AmColor *stroke,
                     double         line_width)
{
  SvgPainter *self = (SvgPainter *) painter;

  indent (self);
  g_string_append (self->out, "<ellipse");
  append_attr_num (self->out, "cx", rect->x + rect->width / 2);
  append_attr_num (self->out, "cy", rect->y + rect->height / 2);
  append_attr_num (self->out, "rx", MAX (rect->width / 2, 0));
  append_attr_num (self->out, "ry", MAX (rect->height / 2, 0));
  append_paint (self->out, fill, stroke, line_width, self->parent.dash);
  g_string_append (self->out, "/>\n");
}

static void
svg_painter_polygon (AmPainter     *painter,
                     const AmPoint *points,
                     guint          n_points,
                     const AmColor *fill,
                     const AmColor *stroke,
                     double         line_width)
{
  SvgPainter *self = (SvgPainter *) painter;

  if (n_points < 3)
    return;

  indent (self);
  g_string_append (self->out, "<polygon points=\"");
  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        g_string_append_c (self->out, ' ');
      append_num (self->out, points[i].x);
      g_string_append_c (self->out, ',');
      append_num (self->out, points[i].y);
    }
  g_string_append_c (self->out, '"');
  append_paint (self->out, fill, stroke, line_width, self->parent.dash);
  g_string_append (self->out, "/>\n");
}

static void
svg_painter_curve (AmPainter     *painter,
                   const AmPoint *points,
                   guint          n_points,
                   const AmColor *stroke,
                   double         line_width)
{
  SvgPainter *self = (SvgPainter *) painter;
  gboolean cubic = (n_points - 1) % 3 == 0;

  if (n_points < 2 || stroke == NULL || line_width <= 0)
    return;

  indent (self);
  g_string_append (self->out, "<path d=\"M");
  append_num (self->out, points[0].x);
  g_string_append_c (self->out, ' ');
  append_num (self->out, points[0].y);
  g_string_append (self->out, cubic ? " C" : " L");
  for (guint i = 1; i < n_points; i++)
    {
      g_string_append_c (self->out, ' ');
      append_num (self->out, points[i].x);
      g_string_append_c (self->out, ' ');
      append_num (self->out, points[i].y);
    }
  g_string_append_c (self->out, '"');
  append_paint (self->out, NULL, stroke, line_width, self->parent.dash);
  g_string_append (self->out, "/>\n");
}

/* The font size in user units: Pango sizes are in points at the context's resolution
 * unless they are absolute. */
static double
layout_font_size (PangoLayout                *layout,
                  const PangoFontDescription *desc)
{
  double size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  double dpi;

  if (pango_font_description_get_size_is_absolute (desc))
    return size;

  dpi = pango_cairo_context_get_resolution (pango_layout_get_context (layout));
  if (dpi <= 0)
    dpi = 96.0;

  return size * dpi / 72.0;
}

static void
svg_painter_text (AmPainter     *painter,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const AmColor *color)
{
  SvgPainter *self = (SvgPainter *) painter;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  g_autoptr(PangoFontDescription) fallback = NULL;
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  gboolean any = FALSE;

  if (desc == NULL)
    desc = fallback = pango_font_description_from_string ("Sans 10");

  indent (self);
  g_string_append (self->out, "<text xml:space=\"preserve\" font-family=\"");
  append_escaped (self->out, pango_font_description_get_family (desc), -1);
  g_string_append_c (self->out, '"');
  append_attr_num (self->out, "font-size", layout_font_size (layout, desc));
  if (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_SEMIBOLD)
    g_string_append (self->out, " font-weight=\"bold\"");
  g_string_append (self->out, " text-anchor=\"middle\"");
  append_color_attr (self->out, "fill", color);
  g_string_append_c (self->out, '>');

  /* One <tspan> per Pango line, so the SVG breaks lines exactly where the screen, PNG
   * and PDF do.  Each is anchored at the middle of its visible text: the trailing space
   * a wrapped line ends with is dropped, and must not shift the centre. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int start = line->start_index;
      int length = line->length;
      int baseline = pango_layout_iter_get_baseline (iter);
      double centre;

      while (length > 0 && g_ascii_isspace (text[start + length - 1]))
        length--;
      if (length == 0)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);

      if (line->resolved_dir == PANGO_DIRECTION_LTR)
        {
          int x_end = 0;

          pango_layout_line_index_to_x (line, start + length, FALSE, &x_end);
          centre = (logical.x + x_end / 2.0) / PANGO_SCALE;
        }
      else
        {
          centre = (logical.x + logical.width / 2.0) / PANGO_SCALE;
        }

      g_string_append (self->out, "<tspan");
      append_attr_num (self->out, "x", x + centre);
      append_attr_num (self->out, "y", y + baseline / (double) PANGO_SCALE);
      g_string_append_c (self->out, '>');
      append_escaped (self->out, text + start, length);
      g_string_append (self->out, "</tspan>");
      any = TRUE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (!any)
    g_string_append (self->out, "<tspan/>");

  g_string_append (self->out, "</text>\n");
}

static void
svg_painter_free (AmPainter *painter)
{
  SvgPainter *self = (SvgPainter *) painter;

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_free (self);
}

static const AmPainterVTable svg_painter_vtable = {
  .begin_group = svg_painter_begin_group,
  .end_group = svg_painter_end_group,
  .push_transform = svg_painter_push_transform,
  .pop_transform = svg_painter_pop_transform,
  .rect = svg_painter_rect,
  .ellipse = svg_painter_ellipse,
  .polygon = svg_painter_polygon,
  .curve = svg_painter_curve,
  .text = svg_painter_text,
  .free = svg_painter_free,
};

/* Points are the user unit, and the page is sized in points, as a PDF of the same scene
 * is: both print at the same physical size. */
AmPainter *
_am_painter_new_svg (double width,
                     double height)
{
  SvgPainter *self = g_new0 (SvgPainter, 1);

  self->parent.vtable = &svg_painter_vtable;
  self->parent.structured = TRUE;
  self->out = g_string_sized_new (64 * 1024);

  g_string_append (self->out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  g_string_append (self->out, " width=\"");
  append_num (self->out, width);
  g_string_append (self->out, "pt\" height=\"");
  append_num (self->out, height);
  g_string_append (self->out, "pt\" viewBox=\"0 0 ");
  append_num (self->out, width);
  g_string_append_c (self->out, ' ');
  append_num (self->out, height);
  g_string_append (self->out, "\">\n");

  return &self->parent;
}

GBytes *
_am_painter_svg_finish (AmPainter *painter)
{
  SvgPainter *self = (SvgPainter *) painter;
  GString *out;

  g_return_val_if_fail (painter != NULL && painter->vtable == &svg_painter_vtable, NULL);

  /* Unbalanced groups would be a renderer bug; close them so the file still parses. */
  while (self->depth > 0)
    svg_painter_end_group (painter);

  g_string_append (self->out, "</svg>\n");

  out = g_steal_pointer (&self->out);
  svg_painter_free (painter);

  return g_string_free_to_bytes (out);
}
