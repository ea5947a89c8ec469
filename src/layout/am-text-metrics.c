/* am-text-metrics.c — node sizes from Pango text metrics, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "am-layout-private.h"
#include "am-text-metrics.h"

/* Node names wrap at about 18 ems, and a name that still needs more lines than this is
 * cut with an ellipsis: the full name is in the panel, the graph needs a readable box. */
#define NODE_WRAP_EMS  18.0
#define NODE_MAX_LINES 4
/* How much wider than the text a diamond grows, relative to how much taller. */
#define DIAMOND_ASPECT 0.6

/**
 * am_node_shape_for_kind:
 * @kind: an entity kind
 *
 * Shapes follow the conventions of actor-network diagrams: states are hexagons (they
 * stand out as the main actors), organisations and media are rounded boxes (institutions;
 * the renderer tells them apart by colour), persons are ellipses, events are diamonds (as
 * in flow charts) and places are octagons.  Anything else is a box.
 *
 * Returns: the shape nodes of that kind are drawn with
 */
AmNodeShape
am_node_shape_for_kind (AmEntityKind kind)
{
  switch (kind)
    {
    case AM_ENTITY_KIND_STATE:
      return AM_NODE_SHAPE_HEXAGON;
    case AM_ENTITY_KIND_PERSON:
      return AM_NODE_SHAPE_ELLIPSE;
    case AM_ENTITY_KIND_EVENT:
      return AM_NODE_SHAPE_DIAMOND;
    case AM_ENTITY_KIND_PLACE:
      return AM_NODE_SHAPE_OCTAGON;
    case AM_ENTITY_KIND_ORGANIZATION:
    case AM_ENTITY_KIND_MEDIA:
    case AM_ENTITY_KIND_OTHER:
    default:
      return AM_NODE_SHAPE_BOX;
    }
}

static void
context_free (gpointer data)
{
  g_object_unref (data);
}

/* A PangoContext is not thread-safe, and the UI measures and draws on a worker thread
 * as well as on the main thread: each thread gets its own, freed when it exits. */
static GPrivate context_key = G_PRIVATE_INIT (context_free);

/**
 * am_text_metrics_get_context:
 *
 * The context uses a pangocairo font map of its own (no display needed) with metric
 * hinting off, so sizes do not depend on the zoom the text is later drawn at.  Fonts
 * should be given absolute sizes (user units = scene points).
 *
 * Returns: (transfer none): this thread's context
 */
PangoContext *
am_text_metrics_get_context (void)
{
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (font_map);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      /* 72 dpi: one point is one user unit, as in Graphviz. */
      pango_cairo_context_set_resolution (context, 72.0);

      g_private_set (&context_key, context);
    }

  return context;
}

static PangoLayout *
new_layout (const char *text,
            double      size,
            double      wrap_width)
{
  PangoLayout *layout = pango_layout_new (am_text_metrics_get_context ());
  PangoFontDescription *desc = pango_font_description_new ();
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";
  else if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  pango_font_description_set_family_static (desc, AM_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) ceil (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  /* Plain text, never markup: names contain '&' and '<'. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  /* Round up to a hundredth of a point so the box is never a hair too small. */
  if (width != NULL)
    *width = ceil (logical.width / (double) PANGO_SCALE * 100) / 100;
  if (height != NULL)
    *height = ceil (logical.height / (double) PANGO_SCALE * 100) / 100;
}

static double
node_wrap_width (void)
{
  return NODE_WRAP_EMS * AM_NODE_FONT_SIZE;
}

/**
 * am_text_metrics_measure_node:
 * @text: (nullable): a node label
 * @width: (out) (optional): width in points
 * @height: (out) (optional): height in points
 *
 * The size of @text in the node font, wrapped at about 18 ems.
 */
void
am_text_metrics_measure_node (const char *text,
                              double     *width,
                              double     *height)
{
  g_autoptr(PangoLayout) layout = new_layout (text, AM_NODE_FONT_SIZE, node_wrap_width ());

  layout_size (layout, width, height);
}

/**
 * am_text_metrics_measure_label:
 * @text: (nullable): an edge label
 * @width: (out) (optional): width in points
 * @height: (out) (optional): height in points
 *
 * The size of @text in the edge-label font, on one line (labels are capped instead).
 */
void
am_text_metrics_measure_label (const char *text,
                               double     *width,
                               double     *height)
{
  g_autoptr(PangoLayout) layout = new_layout (text, AM_EDGE_FONT_SIZE, -1);

  layout_size (layout, width, height);
}

/* The text of each line of @layout, as Pango broke it, one per element. */
static GPtrArray *
layout_lines (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GSList *l;

  for (l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *piece = g_strndup (text + line->start_index, line->length);

      /* A hard break's newline is not part of the line; a soft break leaves the
       * space it broke at, which centring would count. */
      g_ptr_array_add (lines, g_strdup (g_strchomp (piece)));
    }

  return lines;
}

/*
 * _am_text_metrics_fit_node_label:
 * @name: an entity name (valid UTF-8)
 *
 * Breaks @name into lines where Pango would wrap it at the node width, and cuts it to
 * NODE_MAX_LINES lines with an ellipsis.  The result carries explicit newlines, so the
 * renderer shows exactly the lines measured here, whatever width it wraps at.
 *
 * Returns: (transfer full): the label to lay out and draw
 */
char *
_am_text_metrics_fit_node_label (const char *name)
{
  g_autoptr(PangoLayout) layout = new_layout (name, AM_NODE_FONT_SIZE, node_wrap_width ());
  g_autoptr(GPtrArray) lines = layout_lines (layout);
  GString *out = g_string_new (NULL);

  if (lines->len > NODE_MAX_LINES)
    {
      char *last = g_ptr_array_index (lines, NODE_MAX_LINES - 1);
      g_autofree char *cut = g_strdup (last);

      /* Drop characters from the end of the last kept line until it and the ellipsis
       * fit on one line again. */
      for (;;)
        {
          g_autofree char *attempt = g_strconcat (cut, "…", NULL);
          g_autoptr(PangoLayout) probe = new_layout (attempt, AM_NODE_FONT_SIZE,
                                                     node_wrap_width ());
          glong n_chars = g_utf8_strlen (cut, -1);

          if (pango_layout_get_line_count (probe) <= 1 || n_chars == 0)
            {
              g_ptr_array_index (lines, NODE_MAX_LINES - 1) = g_steal_pointer (&attempt);
              g_free (last);
              break;
            }

          *g_utf8_offset_to_pointer (cut, n_chars - 1) = '\0';
        }

      g_ptr_array_set_size (lines, NODE_MAX_LINES);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (lines, i));
    }

  return g_string_free (out, FALSE);
}

/*
 * _am_node_size_for_shape:
 *
 * The smallest box (in points) whose shape, as the renderer draws it, holds a text
 * block of @text_width × @text_height with the padding around it.  The geometry must
 * match src/render/am-renderer.c:
 *   - box: the padded text;
 *   - ellipse: the padded text scaled by √2 (an ellipse through the rectangle's corners);
 *   - diamond: the text corners on its sides (w/W + h/H ≤ 1), plus padding;
 *   - hexagon: points at mid-height, sides inset by min (0.2887 H, W / 4): widen by
 *     0.5774 × the text height so the text corners stay inside the slanted sides;
 *   - octagon: corners cut at 45° by 0.29 × min (W, H): grow until the cut clears the text.
 */
void
_am_node_size_for_shape (AmNodeShape  shape,
                         double       text_width,
                         double       text_height,
                         double      *width,
                         double      *height)
{
  double w = text_width, h = text_height;
  double px = AM_NODE_PADDING_X, py = AM_NODE_PADDING_Y;

  switch (shape)
    {
    case AM_NODE_SHAPE_ELLIPSE:
      *width = G_SQRT2 * (w + 2 * px);
      *height = G_SQRT2 * (h + 2 * py);
      break;

    case AM_NODE_SHAPE_DIAMOND:
      /* Any W = (1 + a) w, H = (1 + 1/a) h puts the text corners on the sides; a < 1
       * trades width (scarce: names are long) for height (text is one or two lines). */
      *width = (1 + DIAMOND_ASPECT) * w + 2 * px;
      *height = (1 + 1 / DIAMOND_ASPECT) * h + 2 * py;
      break;

    case AM_NODE_SHAPE_HEXAGON:
      *height = h + 2 * py;
      *width = w + 0.5774 * *height + 2 * px;
      break;

    case AM_NODE_SHAPE_OCTAGON:
      {
        double W = w + 2 * px, H = h + 2 * py;
        double need = 0.29 * MIN (W, H) - (px + py);

        /* Growing both sides by 2d clears the cut by 2d and deepens it by 0.58 d. */
        if (need > 0)
          {
            double d = need / (2 - 0.58);
            W += 2 * d;
            H += 2 * d;
          }
        *width = W;
        *height = H;
      }
      break;

    case AM_NODE_SHAPE_BOX:
    default:
      *width = w + 2 * px;
      *height = h + 2 * py;
      break;
    }
}
