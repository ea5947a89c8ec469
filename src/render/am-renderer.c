/* am-renderer.c — the one drawing routine: clusters, edges, nodes, labels, legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "am-renderer-private.h"
#include "am-geometry.h"
#include "am-text-metrics.h"

/* Below this many device pixels text is unreadable, and laying it out is most of the
 * cost of a frame (performance.md): it is skipped. */
#define MIN_TEXT_PIXELS      6.0

/* Level of detail, driven by the drawing scale like MIN_TEXT_PIXELS, and only below
 * LOD_MAX_PPP: exports draw at 1 pixel per point, and stay exactly as they were.
 *
 * A node whose box is lower than this many device pixels is a plain rectangle (no
 * rounded corners, no shape), filled and outlined in two colour-sorted batches: at
 * 20 000 actors, per-node shapes and per-node strokes are most of a frame that cannot
 * show them anyway. */
#define LOD_MAX_PPP          1.0
#define SIMPLE_NODE_PIXELS   6.0
/* An arrowhead shorter than this many device pixels is a smudge at the edge's end: not
 * drawn. */
#define MIN_ARROW_PIXELS     2.5
/* Below natural size (1 pixel per point), an edge label whose on-screen box comes closer
 * than this to a node or to a label drawn before it gives way (see plan_edge_labels()). */
#define LABEL_GIVE_WAY_PPP   LOD_MAX_PPP
#define LABEL_GIVE_WAY_GAP   2.0
/* Cell of the screen-space grid the give-way test uses, in device pixels. */
#define LABEL_GRID_CELL      64.0

#define NODE_LINE_WIDTH      1.2
#define EDGE_LINE_WIDTH      1.2
#define EMPHASIS_LINE_WIDTH  2.5
#define SELECTION_GAP        3.0
#define SELECTION_WIDTH      2.5
#define BOX_RADIUS           6.0
#define LABEL_RADIUS         3.0
/* Suggested items (not accepted yet): dashed outlines and strokes, a paler fill or line. */
#define SUGGESTED_DASH       4.0
#define SUGGESTED_FILL_ALPHA 0.4
#define SUGGESTED_EDGE_ALPHA 0.6
/* Room between an edge label's text and the edge of its background box. */
#define LABEL_PADDING_X      2.5
#define LABEL_PADDING_Y      1.0
#define LEADER_LINE_WIDTH    0.75
#define ARROW_HALF_WIDTH     0.35   /* of the arrow's length */

#define LEGEND_FONT_SIZE     9.0
#define LEGEND_PADDING       10.0
#define LEGEND_SWATCH_WIDTH  26.0
#define LEGEND_SWATCH_HEIGHT 14.0
#define LEGEND_GAP           6.0
#define LEGEND_ROW_GAP       4.0
#define LEGEND_SECTION_GAP   8.0
/* A hidden kind or type is listed this pale (times its colours' alpha). */
#define LEGEND_HIDDEN_ALPHA  0.35

/* ------------------------------------------------------------------------------------ */
/* Text layouts                                                                         */

/*
 * The screen path keeps built layouts, keyed by everything that shapes them, because
 * building a PangoLayout is the expensive part of drawing text (266 ms for 20 000 labels,
 * performance.md).  Two generations bound the memory: lookups hit "current", then
 * "previous" (and are promoted); when "current" fills up it becomes "previous" and the
 * old "previous" is dropped.  Labels drawn every frame therefore stay, labels scrolled
 * away age out, and no frame ever pays for more than one table clear.
 *
 * PangoLayouts and the metrics context are not thread-safe, so each thread has its own
 * cache, freed when the thread exits.
 */
#define LAYOUT_CACHE_GENERATION 8192

typedef struct
{
  GHashTable *current;    /* char* key → PangoLayout* */
  GHashTable *previous;
  GString    *key;        /* scratch, so lookups do not allocate */
} LayoutCache;

static void
layout_cache_free (gpointer data)
{
  LayoutCache *cache = data;

  g_clear_pointer (&cache->current, g_hash_table_unref);
  g_clear_pointer (&cache->previous, g_hash_table_unref);
  g_string_free (cache->key, TRUE);
  g_free (cache);
}

static GPrivate layout_cache_key = G_PRIVATE_INIT (layout_cache_free);

static LayoutCache *
layout_cache_get (void)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (LayoutCache, 1);
      cache->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      cache->previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      cache->key = g_string_new (NULL);
      g_private_set (&layout_cache_key, cache);
    }

  return cache;
}

static PangoFontDescription *
font_description (double   size,
                  gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, AM_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  return desc;
}

PangoLayout *
_am_renderer_new_layout (const char *text,
                         double      font_size,
                         gboolean    bold,
                         double      wrap_width)
{
  g_autoptr(PangoFontDescription) desc = font_description (font_size, bold);
  g_autofree char *valid = NULL;
  PangoLayout *layout;

  /* The scene validates its strings; this keeps a stray byte from becoming a Pango
   * warning, which tests treat as fatal. */
  if (text == NULL)
    text = "";
  else if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* The context layout measured node sizes with, so the text drawn fits the boxes. */
  layout = pango_layout_new (am_text_metrics_get_context ());
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) ceil (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* Plain text only: names contain '&' and '<' (robustness.md §4). */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_am_renderer_layout_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

/* (transfer full) */
static PangoLayout *
get_layout (AmPainter  *painter,
            const char *text,
            double      font_size,
            double      wrap_width)
{
  LayoutCache *cache;
  PangoLayout *layout;
  gpointer key;

  if (!painter->cache_layouts)
    return _am_renderer_new_layout (text, font_size, FALSE, wrap_width);

  cache = layout_cache_get ();
  g_string_printf (cache->key, "%d:%d:%s",
                   (int) round (font_size * 100), (int) round (wrap_width * 100), text);

  layout = g_hash_table_lookup (cache->current, cache->key->str);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (cache->current) >= LAYOUT_CACHE_GENERATION)
    {
      GHashTable *oldest = cache->previous;

      g_hash_table_remove_all (oldest);
      cache->previous = cache->current;
      cache->current = oldest;
    }

  if (g_hash_table_steal_extended (cache->previous, cache->key->str, &key, (gpointer *) &layout))
    {
      /* Promoted: still in use. */
    }
  else
    {
      key = g_strdup (cache->key->str);
      layout = _am_renderer_new_layout (text, font_size, FALSE, wrap_width);
    }

  g_hash_table_insert (cache->current, key, layout);

  return g_object_ref (layout);
}

/* Draws @text centred on (cx, cy). */
static void
paint_centred_layout (AmPainter     *painter,
                      PangoLayout   *layout,
                      double         cx,
                      double         cy,
                      const AmColor *color)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  _am_painter_text (painter, layout,
                    cx - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                    cy - (logical.y + logical.height / 2.0) / PANGO_SCALE,
                    color);
}

/* ------------------------------------------------------------------------------------ */
/* Shapes                                                                               */

static void
paint_shape (AmPainter     *painter,
             AmNodeShape    shape,
             const AmRect  *box,
             const AmColor *fill,
             const AmColor *stroke,
             double         line_width)
{
  double x = box->x, y = box->y, w = box->width, h = box->height;
  double cy = y + h / 2;

  switch (shape)
    {
    case AM_NODE_SHAPE_ELLIPSE:
      _am_painter_ellipse (painter, box, fill, stroke, line_width);
      break;

    case AM_NODE_SHAPE_HEXAGON:
      {
        /* 60° sides where the box allows, as Graphviz draws its hexagon. */
        double inset = MIN (h * 0.2887, w / 4);
        AmPoint p[6] = {
          { x, cy }, { x + inset, y }, { x + w - inset, y },
          { x + w, cy }, { x + w - inset, y + h }, { x + inset, y + h },
        };
        _am_painter_polygon (painter, p, G_N_ELEMENTS (p), fill, stroke, line_width);
      }
      break;

    case AM_NODE_SHAPE_DIAMOND:
      {
        AmPoint p[4] = {
          { x + w / 2, y }, { x + w, cy }, { x + w / 2, y + h }, { x, cy },
        };
        _am_painter_polygon (painter, p, G_N_ELEMENTS (p), fill, stroke, line_width);
      }
      break;

    case AM_NODE_SHAPE_OCTAGON:
      {
        double c = MIN (w, h) * 0.29;
        AmPoint p[8] = {
          { x + c, y }, { x + w - c, y }, { x + w, y + c }, { x + w, y + h - c },
          { x + w - c, y + h }, { x + c, y + h }, { x, y + h - c }, { x, y + c },
        };
        _am_painter_polygon (painter, p, G_N_ELEMENTS (p), fill, stroke, line_width);
      }
      break;

    case AM_NODE_SHAPE_BOX:
    default:
      _am_painter_rect (painter, box, MIN (BOX_RADIUS, h / 4), fill, stroke, line_width);
      break;
    }
}

static void
paint_arrowhead (AmPainter     *painter,
                 const AmPoint *base,
                 const AmPoint *tip,
                 const AmColor *color)
{
  double dx = tip->x - base->x;
  double dy = tip->y - base->y;
  double length = hypot (dx, dy);
  double nx, ny;
  AmPoint p[3];

  if (length < 1e-6)
    return;

  /* The base is as wide as the arrow is long times a constant, like Graphviz's. */
  nx = -dy * ARROW_HALF_WIDTH;
  ny = dx * ARROW_HALF_WIDTH;
  p[0] = *tip;
  p[1] = (AmPoint) { base->x + nx, base->y + ny };
  p[2] = (AmPoint) { base->x - nx, base->y - ny };
  _am_painter_polygon (painter, p, 3, color, NULL, 0);
}

/* ------------------------------------------------------------------------------------ */
/* The scene                                                                            */

typedef struct
{
  AmPainter           *painter;
  const AmScene       *scene;
  const AmTheme       *theme;
  const AmRenderState *state;
  double               ppp;         /* device pixels per point */
  gboolean             node_text;
  gboolean             edge_text;
  /* Edge labels that give way (plan_edge_labels()), one byte per scene edge; NULL when
   * every label is drawn. */
  guint8              *hidden_labels;
  /* The entity whose edges are emphasised: the selected one, else the hovered one. */
  const char          *focus_node;
} Frame;

typedef enum
{
  EDGE_PART_CURVE  = 1 << 0,
  EDGE_PART_ARROWS = 1 << 1,
  EDGE_PART_LABEL  = 1 << 2,
  EDGE_PART_ALL    = EDGE_PART_CURVE | EDGE_PART_ARROWS | EDGE_PART_LABEL,
} EdgePart;

typedef struct
{
  guint    index;
  guint32  key;        /* colour and opacity, for batching */
  AmColor  color;
  double   opacity;
  gboolean emphasised;
} EdgeItem;

static gboolean
is_dimmed (const Frame *frame,
           const char  *id)
{
  const AmRenderState *state = frame->state;

  if (state->highlighted == NULL)
    return FALSE;
  if (g_strcmp0 (id, state->selected_id) == 0 || g_strcmp0 (id, state->hovered_id) == 0)
    return FALSE;

  return !g_hash_table_contains (state->highlighted, id);
}

static gboolean
is_suggested (const Frame *frame,
              const char  *id)
{
  return frame->state->suggested != NULL && id != NULL &&
         g_hash_table_contains (frame->state->suggested, id);
}

static guint32
color_key (const AmColor *color,
           double         opacity)
{
  return ((guint32) round (color->red * 255) << 24) |
         ((guint32) round (color->green * 255) << 16) |
         ((guint32) round (color->blue * 255) << 8) |
         (guint32) round (opacity * 255);
}

static int
edge_item_compare (const void *a,
                   const void *b)
{
  const EdgeItem *ea = a, *eb = b;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static gboolean
edge_has_label (const Frame       *frame,
                const AmSceneEdge *edge)
{
  return frame->edge_text && edge->has_label && edge->label != NULL && edge->label[0] != '\0';
}

static gboolean
edge_shows_label (const Frame *frame,
                  guint        index)
{
  return edge_has_label (frame, am_scene_get_edge (frame->scene, index)) &&
         (frame->hidden_labels == NULL || !frame->hidden_labels[index]);
}

/* Whether @node is drawn as a plain rectangle at this scale. */
static gboolean
node_is_simple (const Frame       *frame,
                const AmSceneNode *node)
{
  return frame->ppp < LOD_MAX_PPP &&
         MIN (node->box.width, node->box.height) * frame->ppp < SIMPLE_NODE_PIXELS;
}

/* Whether the arrowhead from @base to @tip is big enough on screen to be drawn. */
static gboolean
arrow_is_visible (const Frame   *frame,
                  const AmPoint *base,
                  const AmPoint *tip)
{
  return frame->ppp >= LOD_MAX_PPP ||
         hypot (tip->x - base->x, tip->y - base->y) * frame->ppp >= MIN_ARROW_PIXELS;
}

static gboolean
is_label_only (const Frame       *frame,
               const AmSceneEdge *edge)
{
  return frame->state->labels_only != NULL &&
         g_hash_table_contains (frame->state->labels_only, edge->id);
}

static void
paint_edge (Frame          *frame,
            const EdgeItem *item,
            EdgePart        parts)
{
  const AmSceneEdge *edge = am_scene_get_edge (frame->scene, item->index);
  AmPainter *painter = frame->painter;
  const AmTheme *theme = frame->theme;
  double width = item->emphasised ? EMPHASIS_LINE_WIDTH : EDGE_LINE_WIDTH;

  if (is_label_only (frame, edge))
    parts &= EDGE_PART_LABEL;

  if (parts & EDGE_PART_CURVE)
    {
      if (g_strcmp0 (edge->id, frame->state->selected_id) == 0)
        {
          AmColor halo = theme->selection;

          halo.alpha *= 0.5;
          _am_painter_curve (painter, edge->points, edge->n_points, &halo, width + 2 * SELECTION_WIDTH);
        }

      if (g_strcmp0 (edge->id, frame->state->hovered_id) == 0)
        {
          AmColor halo = theme->hover;

          halo.alpha *= 0.4;
          _am_painter_curve (painter, edge->points, edge->n_points, &halo, width + SELECTION_WIDTH);
        }

      if (is_suggested (frame, edge->id))
        painter->dash = SUGGESTED_DASH;
      _am_painter_curve (painter, edge->points, edge->n_points, &item->color, width);
      painter->dash = 0;
    }

  if (parts & EDGE_PART_ARROWS)
    {
      if (edge->has_head && arrow_is_visible (frame, &edge->points[edge->n_points - 1], &edge->head))
        paint_arrowhead (painter, &edge->points[edge->n_points - 1], &edge->head, &item->color);
      if (edge->has_tail && arrow_is_visible (frame, &edge->points[0], &edge->tail))
        paint_arrowhead (painter, &edge->points[0], &edge->tail, &item->color);
    }

  if ((parts & EDGE_PART_LABEL) && edge_shows_label (frame, item->index))
    {
      g_autoptr(PangoLayout) layout = get_layout (painter, edge->label, AM_EDGE_FONT_SIZE, -1);
      const AmRect *label_box = &edge->label_box;
      double cx = label_box->x + label_box->width / 2;
      double cy = label_box->y + label_box->height / 2;
      double text_width, text_height;
      AmRect box;

      /* The engine's box is the text's size as Graphviz estimated it, sometimes a little
       * narrower than the text drawn: the background covers both, with some room. */
      _am_renderer_layout_size (layout, &text_width, &text_height);
      box.width = MAX (label_box->width, text_width) + 2 * LABEL_PADDING_X;
      box.height = MAX (label_box->height, text_height) + 2 * LABEL_PADDING_Y;
      box.x = cx - box.width / 2;
      box.y = cy - box.height / 2;

      /* A label moved off its curve (am-label-place.c) is joined back to it by a thin
       * straight line, under the label's background. */
      if (edge->has_leader)
        {
          const AmPoint *a = &edge->leader_from, *b = &edge->leader_to;
          AmPoint leader[4] = {
            *a,
            { a->x + (b->x - a->x) / 3, a->y + (b->y - a->y) / 3 },
            { a->x + 2 * (b->x - a->x) / 3, a->y + 2 * (b->y - a->y) / 3 },
            *b,
          };

          _am_painter_curve (painter, leader, G_N_ELEMENTS (leader), &item->color,
                             LEADER_LINE_WIDTH);
        }

      _am_painter_rect (painter, &box, LABEL_RADIUS, &theme->edge_label_background,
                        item->emphasised ? &item->color : NULL, 1.0);
      paint_centred_layout (painter, layout, cx, cy, &theme->edge_label);
    }
}

static char *
edge_title (const Frame       *frame,
            const AmSceneEdge *edge)
{
  gint s = am_scene_find_node (frame->scene, edge->source);
  gint t = am_scene_find_node (frame->scene, edge->target);
  const char *source = s >= 0 ? am_scene_get_node (frame->scene, s)->label : edge->source;
  const char *target = t >= 0 ? am_scene_get_node (frame->scene, t)->label : edge->target;
  const char *what = edge->label && *edge->label ? edge->label : edge->type;

  if (what != NULL && *what != '\0')
    return g_strdup_printf ("%s %s %s: %s", source, edge->directed ? "→" : "—", target, what);

  return g_strdup_printf ("%s %s %s", source, edge->directed ? "→" : "—", target);
}

static void
paint_edges (Frame        *frame,
             const GArray *indexes)
{
  const AmRenderState *state = frame->state;
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (EdgeItem), indexes->len);
  guint n_plain = 0;

  for (guint i = 0; i < indexes->len; i++)
    {
      guint index = g_array_index (indexes, guint, i);
      const AmSceneEdge *edge = am_scene_get_edge (frame->scene, index);
      EdgeItem item = { index, 0, };

      item.emphasised = g_strcmp0 (edge->id, state->selected_id) == 0 ||
                        g_strcmp0 (edge->id, state->hovered_id) == 0 ||
                        (frame->focus_node != NULL &&
                         (strcmp (edge->source, frame->focus_node) == 0 ||
                          strcmp (edge->target, frame->focus_node) == 0));
      item.opacity = !item.emphasised && is_dimmed (frame, edge->id) ? frame->theme->dim_alpha : 1.0;
      item.color = am_theme_color_for_relation_type (frame->theme, edge->type);
      if (is_suggested (frame, edge->id))
        item.color.alpha *= SUGGESTED_EDGE_ALPHA;
      item.key = color_key (&item.color, item.opacity);
      g_array_append_val (items, item);
      if (!item.emphasised)
        n_plain++;
    }

  if (frame->painter->structured)
    {
      /* Each edge in a group of its own, emphasised ones last so they stay on top; then
       * the labels, each in a group named after its edge, so that no stroke crosses a
       * label. */
      for (guint pass = 0; pass < 4; pass++)
        {
          gboolean labels = pass >= 2;

          for (guint i = 0; i < items->len; i++)
            {
              const EdgeItem *item = &g_array_index (items, EdgeItem, i);
              const AmSceneEdge *edge = am_scene_get_edge (frame->scene, item->index);
              g_autofree char *title = NULL;

              if (item->emphasised != (pass % 2 == 1))
                continue;

              if (labels)
                {
                  if (!edge_shows_label (frame, item->index))
                    continue;
                  _am_painter_begin_group (frame->painter, AM_PAINTER_GROUP_EDGE_LABEL, edge->id,
                                           NULL, NULL, item->opacity);
                  paint_edge (frame, item, EDGE_PART_LABEL);
                }
              else
                {
                  title = edge_title (frame, edge);
                  _am_painter_begin_group (frame->painter, AM_PAINTER_GROUP_EDGE, edge->id, NULL,
                                           title, item->opacity);
                  paint_edge (frame, item, EDGE_PART_CURVE | EDGE_PART_ARROWS);
                }
              _am_painter_end_group (frame->painter);
            }
        }
      return;
    }

  /* On cairo, draw by pass (all curves, then arrowheads, then labels) and sorted by
   * colour, so the painter can merge runs of same-coloured strokes and fills into
   * shared paths (see MAX_BATCH in am-painter-cairo.c for how far that pays).  The
   * emphasised edges' strokes come after the plain ones, and every label after every
   * stroke: a selected edge must not cross out its own label or its neighbours'. */
  g_array_sort (items, edge_item_compare);

  for (EdgePart part = EDGE_PART_CURVE; part <= EDGE_PART_LABEL; part <<= 1)
    {
      for (guint i = 0; i < items->len && n_plain > 0; i++)
        {
          const EdgeItem *item = &g_array_index (items, EdgeItem, i);

          if (item->emphasised)
            continue;

          _am_painter_begin_group (frame->painter, AM_PAINTER_GROUP_EDGE, NULL, NULL, NULL,
                                   item->opacity);
          paint_edge (frame, item, part);
          _am_painter_end_group (frame->painter);
        }

      if (part == EDGE_PART_ARROWS)
        {
          for (guint i = 0; i < items->len; i++)
            {
              const EdgeItem *item = &g_array_index (items, EdgeItem, i);

              if (item->emphasised)
                paint_edge (frame, item, EDGE_PART_CURVE | EDGE_PART_ARROWS);
            }
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      const EdgeItem *item = &g_array_index (items, EdgeItem, i);

      if (item->emphasised)
        paint_edge (frame, item, EDGE_PART_LABEL);
    }
}

static void
paint_node (Frame             *frame,
            const AmSceneNode *node)
{
  AmPainter *painter = frame->painter;
  const AmTheme *theme = frame->theme;
  const AmRenderState *state = frame->state;
  const AmKindStyle *style = am_theme_style_for_kind (theme, node->kind);
  gboolean selected = g_strcmp0 (node->id, state->selected_id) == 0;
  gboolean hovered = g_strcmp0 (node->id, state->hovered_id) == 0;
  double opacity = is_dimmed (frame, node->id) ? theme->dim_alpha : 1.0;
  gboolean suggested = is_suggested (frame, node->id);
  gboolean simple = node_is_simple (frame, node);
  AmColor fill = style->fill;

  _am_painter_begin_group (painter, AM_PAINTER_GROUP_NODE, node->id, node->kind,
                           node->label, opacity);

  if (suggested)
    {
      fill.alpha *= SUGGESTED_FILL_ALPHA;
      painter->dash = SUGGESTED_DASH;
    }
  if (simple)
    _am_painter_rect (painter, &node->box, 0, &fill, hovered ? &theme->hover : &style->stroke,
                      hovered ? EMPHASIS_LINE_WIDTH : NODE_LINE_WIDTH);
  else
    paint_shape (painter, node->shape, &node->box, &fill,
                 hovered ? &theme->hover : &style->stroke,
                 hovered ? EMPHASIS_LINE_WIDTH : NODE_LINE_WIDTH);
  painter->dash = 0;

  if (frame->node_text && node->label != NULL && node->label[0] != '\0')
    {
      /* No wrap width: the layout code broke the label into the lines it measured and
       * put them in the label as '\n', so these lines are exactly the ones the box was
       * sized for, at any zoom. */
      g_autoptr(PangoLayout) layout = get_layout (painter, node->label, AM_NODE_FONT_SIZE, -1);

      paint_centred_layout (painter, layout,
                            node->box.x + node->box.width / 2,
                            node->box.y + node->box.height / 2,
                            &style->text);
    }

  if (selected)
    {
      double gap = SELECTION_GAP + SELECTION_WIDTH / 2;
      AmRect ring = {
        node->box.x - gap, node->box.y - gap,
        node->box.width + 2 * gap, node->box.height + 2 * gap,
      };

      if (simple)
        _am_painter_rect (painter, &ring, 0, NULL, &theme->selection, SELECTION_WIDTH);
      else
        paint_shape (painter, node->shape, &ring, NULL, &theme->selection, SELECTION_WIDTH);
    }

  _am_painter_end_group (painter);
}

static void
paint_cluster (Frame                *frame,
               const AmSceneCluster *cluster)
{
  AmPainter *painter = frame->painter;
  const AmTheme *theme = frame->theme;

  _am_painter_begin_group (painter, AM_PAINTER_GROUP_CLUSTER, cluster->id, NULL,
                           cluster->label, 1.0);
  _am_painter_rect (painter, &cluster->box, 8.0, &theme->cluster_fill,
                    &theme->cluster_stroke, 1.0);

  if (frame->node_text && cluster->label != NULL && cluster->label[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = get_layout (painter, cluster->label, AM_NODE_FONT_SIZE,
                                                  MAX (cluster->box.width - 16, 1.0));
      double w, h;

      /* Graphviz leaves room for the label at the top of the cluster. */
      _am_renderer_layout_size (layout, &w, &h);
      paint_centred_layout (painter, layout,
                            cluster->box.x + cluster->box.width / 2,
                            cluster->box.y + 4 + h / 2,
                            &theme->foreground);
    }

  _am_painter_end_group (painter);
}

/* ------------------------------------------------------------------------------------ */
/* Level of detail                                                                      */

/* Whether @node can go into the batches of paint_simple_nodes(): small enough to be a
 * plain rectangle, and nothing on it that needs its own outline (selection, hover,
 * suggestion) or its name. */
static gboolean
node_is_batched (const Frame       *frame,
                 const AmSceneNode *node)
{
  const AmRenderState *state = frame->state;

  return !frame->painter->structured && node_is_simple (frame, node) && !frame->node_text &&
         g_strcmp0 (node->id, state->selected_id) != 0 &&
         g_strcmp0 (node->id, state->hovered_id) != 0 &&
         !is_suggested (frame, node->id) &&
         (state->labels_only == NULL || !g_hash_table_contains (state->labels_only, node->id));
}

/*
 * Nodes a few pixels high, as the screen draws them at fit zoom on a large map: every
 * fill, then every outline, in colour order, so that the cairo painter merges them into
 * a few paths instead of one fill and one stroke per node.  Nodes do not overlap, so
 * the order between them does not show.
 */
static void
paint_simple_nodes (Frame        *frame,
                    const GArray *nodes)
{
  /* Sorted like edges: by colour key (here the fill's), then index. */
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (EdgeItem), nodes->len);

  for (guint i = 0; i < nodes->len; i++)
    {
      guint index = g_array_index (nodes, guint, i);
      const AmSceneNode *node = am_scene_get_node (frame->scene, index);
      const AmKindStyle *style;
      EdgeItem item = { index, 0, };

      if (!node_is_batched (frame, node))
        continue;

      style = am_theme_style_for_kind (frame->theme, node->kind);
      item.opacity = is_dimmed (frame, node->id) ? frame->theme->dim_alpha : 1.0;
      item.color = style->fill;
      item.key = color_key (&style->fill, item.opacity);
      g_array_append_val (items, item);
    }

  g_array_sort (items, edge_item_compare);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < items->len; i++)
        {
          const EdgeItem *item = &g_array_index (items, EdgeItem, i);
          const AmSceneNode *node = am_scene_get_node (frame->scene, item->index);
          const AmKindStyle *style = am_theme_style_for_kind (frame->theme, node->kind);
          const AmRect *b = &node->box;
          AmPoint corners[5] = {
            { b->x, b->y }, { b->x + b->width, b->y }, { b->x + b->width, b->y + b->height },
            { b->x, b->y + b->height }, { b->x, b->y },
          };

          _am_painter_begin_group (frame->painter, AM_PAINTER_GROUP_NODE, NULL, NULL, NULL,
                                   item->opacity);
          /* A filled polygon and an open polyline are what the cairo painter batches
           * (arrowheads and edges); a rectangle would flush. */
          if (pass == 0)
            _am_painter_polygon (frame->painter, corners, 4, &style->fill, NULL, 0);
          else
            _am_painter_curve (frame->painter, corners, G_N_ELEMENTS (corners), &style->stroke,
                               NODE_LINE_WIDTH);
          _am_painter_end_group (frame->painter);
        }
    }
}

typedef struct
{
  guint    index;
  gboolean emphasised;
  guint    weight;     /* degree of both ends */
} LabelRank;

static int
label_rank_compare (const void *a,
                    const void *b)
{
  const LabelRank *ra = a, *rb = b;

  if (ra->emphasised != rb->emphasised)
    return ra->emphasised ? -1 : 1;
  if (ra->weight != rb->weight)
    return ra->weight > rb->weight ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

/* A coarse screen-space grid of the boxes drawn so far: cell → GArray of AmRect. */
typedef struct
{
  GHashTable *cells;
  double      scale;    /* device pixels per point */
} LabelGrid;

static guint
label_grid_key (int cx,
                int cy)
{
  /* Two cells that share a key share a list: only more boxes to test, never a miss. */
  return (guint) cx * 73856093u ^ (guint) cy * 19349663u;
}

static void
label_grid_span (const LabelGrid *grid,
                 const AmRect    *box,
                 int             *x0,
                 int             *y0,
                 int             *x1,
                 int             *y1)
{
  *x0 = (int) floor (box->x / LABEL_GRID_CELL);
  *y0 = (int) floor (box->y / LABEL_GRID_CELL);
  *x1 = (int) floor ((box->x + box->width) / LABEL_GRID_CELL);
  *y1 = (int) floor ((box->y + box->height) / LABEL_GRID_CELL);
}

/* @box (scene points) on screen, grown by half the gap on every side. */
static AmRect
label_grid_screen_box (const LabelGrid *grid,
                       const AmRect    *box)
{
  AmRect r = {
    box->x * grid->scale - LABEL_GIVE_WAY_GAP / 2,
    box->y * grid->scale - LABEL_GIVE_WAY_GAP / 2,
    box->width * grid->scale + LABEL_GIVE_WAY_GAP,
    box->height * grid->scale + LABEL_GIVE_WAY_GAP,
  };

  return r;
}

static gboolean
label_grid_collides (const LabelGrid *grid,
                     const AmRect    *box)
{
  AmRect r = label_grid_screen_box (grid, box);
  int x0, y0, x1, y1;

  label_grid_span (grid, &r, &x0, &y0, &x1, &y1);
  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        GArray *list = g_hash_table_lookup (grid->cells, GUINT_TO_POINTER (label_grid_key (cx, cy)));

        for (guint i = 0; list != NULL && i < list->len; i++)
          if (am_rect_intersects (&g_array_index (list, AmRect, i), &r))
            return TRUE;
      }

  return FALSE;
}

static void
label_grid_add (LabelGrid    *grid,
                const AmRect *box)
{
  AmRect r = label_grid_screen_box (grid, box);
  int x0, y0, x1, y1;

  label_grid_span (grid, &r, &x0, &y0, &x1, &y1);
  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        gpointer key = GUINT_TO_POINTER (label_grid_key (cx, cy));
        GArray *list = g_hash_table_lookup (grid->cells, key);

        if (list == NULL)
          {
            list = g_array_new (FALSE, FALSE, sizeof (AmRect));
            g_hash_table_insert (grid->cells, key, list);
          }
        g_array_append_val (list, r);
      }
}

/* The box an edge label's background covers, as paint_edge() draws it (from the
 * engine's estimate of the text, which is what placement worked with). */
static AmRect
label_background_box (const AmSceneEdge *edge)
{
  AmRect box = {
    edge->label_box.x - LABEL_PADDING_X,
    edge->label_box.y - LABEL_PADDING_Y,
    edge->label_box.width + 2 * LABEL_PADDING_X,
    edge->label_box.height + 2 * LABEL_PADDING_Y,
  };

  return box;
}

/*
 * Below natural size, labels that would touch on screen give way instead of printing
 * over each other.  Emphasised labels (the selected or hovered edge, the focused node's
 * edges) are always drawn and claim their room first; then every visible node, whose
 * name keeps precedence; then the others by the degree of their ends, busiest first,
 * and by index, so the choice is the same on every frame and every thread.  A label
 * that would touch anything already claimed is not drawn.
 */
static void
plan_edge_labels (Frame        *frame,
                  const GArray *nodes,
                  const GArray *edges)
{
  const AmRenderState *state = frame->state;
  g_autoptr(GArray) ranks = NULL;
  LabelGrid grid;

  if (!frame->edge_text || frame->ppp >= LABEL_GIVE_WAY_PPP)
    return;

  ranks = g_array_new (FALSE, FALSE, sizeof (LabelRank));
  for (guint i = 0; i < edges->len; i++)
    {
      guint index = g_array_index (edges, guint, i);
      const AmSceneEdge *edge = am_scene_get_edge (frame->scene, index);
      guint n_source = 0, n_target = 0;
      LabelRank rank = { index, FALSE, 0 };

      if (!edge_has_label (frame, edge))
        continue;

      rank.emphasised = g_strcmp0 (edge->id, state->selected_id) == 0 ||
                        g_strcmp0 (edge->id, state->hovered_id) == 0 ||
                        (frame->focus_node != NULL &&
                         (strcmp (edge->source, frame->focus_node) == 0 ||
                          strcmp (edge->target, frame->focus_node) == 0));
      am_scene_get_node_edges (frame->scene, am_scene_get_edge_source_index (frame->scene, index),
                               &n_source);
      am_scene_get_node_edges (frame->scene, am_scene_get_edge_target_index (frame->scene, index),
                               &n_target);
      rank.weight = n_source + n_target;
      g_array_append_val (ranks, rank);
    }

  if (ranks->len == 0)
    return;

  g_array_sort (ranks, label_rank_compare);
  frame->hidden_labels = g_new0 (guint8, am_scene_get_n_edges (frame->scene));
  grid.scale = frame->ppp;
  grid.cells = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                      (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < ranks->len; i++)
    {
      const LabelRank *rank = &g_array_index (ranks, LabelRank, i);
      AmRect box;

      if (!rank->emphasised)
        break;
      box = label_background_box (am_scene_get_edge (frame->scene, rank->index));
      label_grid_add (&grid, &box);
    }

  for (guint i = 0; i < nodes->len; i++)
    label_grid_add (&grid, &am_scene_get_node (frame->scene, g_array_index (nodes, guint, i))->box);

  for (guint i = 0; i < ranks->len; i++)
    {
      const LabelRank *rank = &g_array_index (ranks, LabelRank, i);
      AmRect box;

      if (rank->emphasised)
        continue;
      box = label_background_box (am_scene_get_edge (frame->scene, rank->index));
      if (label_grid_collides (&grid, &box))
        frame->hidden_labels[rank->index] = TRUE;
      else
        label_grid_add (&grid, &box);
    }

  g_hash_table_unref (grid.cells);
}

void
_am_renderer_paint_scene (AmPainter           *painter,
                          const AmScene       *scene,
                          const AmTheme       *theme,
                          const AmRenderState *state)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  AmRenderState default_state;
  double ppp;
  Frame frame;
  gboolean cull;

  g_return_if_fail (painter != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (theme != NULL);

  if (state == NULL)
    {
      am_render_state_init (&default_state);
      state = &default_state;
    }

  ppp = isfinite (state->pixels_per_point) && state->pixels_per_point > 0 ? state->pixels_per_point : 1.0;
  /* A query that covers the whole scene would only cost a sort of every index: when the
   * view shows everything (the fitted view of a large map), draw everything. */
  cull = state->visible.width > 0 && state->visible.height > 0 &&
         !am_rect_contains_rect (&state->visible, am_scene_get_bounds (scene));

  frame.painter = painter;
  frame.scene = scene;
  frame.theme = theme;
  frame.state = state;
  frame.ppp = ppp;
  painter->thin_strokes = ppp < LOD_MAX_PPP;
  frame.hidden_labels = NULL;
  frame.node_text = AM_NODE_FONT_SIZE * ppp >= MIN_TEXT_PIXELS;
  frame.edge_text = AM_EDGE_FONT_SIZE * ppp >= MIN_TEXT_PIXELS;
  frame.focus_node = NULL;
  if (state->selected_id != NULL && am_scene_find_node (scene, state->selected_id) >= 0)
    frame.focus_node = state->selected_id;
  else if (state->hovered_id != NULL && am_scene_find_node (scene, state->hovered_id) >= 0)
    frame.focus_node = state->hovered_id;

  if (cull)
    {
      am_scene_query_rect (scene, &state->visible, nodes, edges);
    }
  else
    {
      guint n_nodes = am_scene_get_n_nodes (scene);
      guint n_edges = am_scene_get_n_edges (scene);

      g_array_set_size (nodes, n_nodes);
      for (guint i = 0; i < n_nodes; i++)
        g_array_index (nodes, guint, i) = i;
      g_array_set_size (edges, n_edges);
      for (guint i = 0; i < n_edges; i++)
        g_array_index (edges, guint, i) = i;
    }

  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    {
      const AmSceneCluster *cluster = am_scene_get_cluster (scene, i);

      if (!cull || am_rect_intersects (&cluster->box, &state->visible))
        paint_cluster (&frame, cluster);
    }

  plan_edge_labels (&frame, nodes, edges);
  paint_edges (&frame, edges);
  paint_simple_nodes (&frame, nodes);

  for (guint i = 0; i < nodes->len; i++)
    {
      const AmSceneNode *node = am_scene_get_node (scene, g_array_index (nodes, guint, i));

      if ((state->labels_only == NULL || !g_hash_table_contains (state->labels_only, node->id)) &&
          !node_is_batched (&frame, node))
        paint_node (&frame, node);
    }

  g_free (frame.hidden_labels);
}

/* ------------------------------------------------------------------------------------ */
/* Legend                                                                               */

typedef struct
{
  gboolean     is_kind;
  char        *name;      /* kind or relation type, as the scene spells it */
  AmNodeShape  shape;
  PangoLayout *layout;
  double       y;         /* top of the row, from the legend's top */
  double       height;
} LegendRow;

/*
 * The legend's geometry is worked out once, in legend_new(): painting and hit-testing
 * (a click on a row toggles that kind or type in the window) read the same numbers.
 */
typedef struct
{
  GArray      *rows;      /* LegendRow */
  guint        n_kinds;
  PangoLayout *kinds_heading;
  PangoLayout *types_heading;
  double       kinds_heading_y;
  double       types_heading_y;
  double       width;
  double       height;
  double       text_x;
} Legend;

static void
legend_row_clear (gpointer data)
{
  LegendRow *row = data;

  g_clear_pointer (&row->name, g_free);
  g_clear_object (&row->layout);
}

static void
legend_free (Legend *legend)
{
  g_clear_pointer (&legend->rows, g_array_unref);
  g_clear_object (&legend->kinds_heading);
  g_clear_object (&legend->types_heading);
  g_free (legend);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Legend, legend_free)

static char *
display_name (const char *name)
{
  /* "state" → "State": the legend reads as labels, the data keeps its spelling. */
  if (name[0] != '\0' && g_ascii_islower (name[0]))
    return g_strdup_printf ("%c%s", g_ascii_toupper (name[0]), name + 1);

  return g_strdup (name);
}

static int
legend_row_compare (const void *a,
                    const void *b)
{
  const LegendRow *ra = a, *rb = b;

  if (ra->is_kind != rb->is_kind)
    return ra->is_kind ? -1 : 1;

  if (ra->is_kind)
    {
      /* Known kinds in the model's order, then the others by name. */
      AmEntityKind ka = am_entity_kind_from_string (ra->name);
      AmEntityKind kb = am_entity_kind_from_string (rb->name);

      if (ka != kb)
        return ka < kb ? -1 : 1;
    }

  return g_utf8_collate (ra->name, rb->name);
}

/* The legend speaks the document's language: a Graphviz graph has nodes and edges. */
static const char *
legend_heading (AmDocumentOrigin origin,
                gboolean         kinds)
{
  if (origin == AM_DOCUMENT_ORIGIN_GRAPHVIZ)
    /* Translators: legend headings of a map drawn from a Graphviz file: above the node
     * shapes, then above the edge colours */
    return kinds ? C_("legend", "Nodes") : C_("legend", "Edges");

  /* Translators: legend headings of an actor map: above the kinds of actor, then above
   * the relation types */
  return kinds ? C_("legend", "Actors") : C_("legend", "Relations");
}

/* What the legend lists: the kinds and relation types present, nothing more.  Empty
 * when the scene has neither. */
static Legend *
legend_new (const AmScene    *scene,
            AmDocumentOrigin  origin)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  Legend *legend = g_new0 (Legend, 1);
  double label_width = 0, y;

  legend->rows = g_array_new (FALSE, TRUE, sizeof (LegendRow));
  g_array_set_clear_func (legend->rows, legend_row_clear);

  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      const AmSceneNode *node = am_scene_get_node (scene, i);
      LegendRow row = { TRUE, NULL, node->shape, NULL, 0, 0 };

      if (node->kind == NULL || g_hash_table_contains (kinds, node->kind))
        continue;
      g_hash_table_add (kinds, node->kind);
      row.name = g_strdup (node->kind);
      g_array_append_val (legend->rows, row);
      legend->n_kinds++;
    }

  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmSceneEdge *edge = am_scene_get_edge (scene, i);
      LegendRow row = { FALSE, NULL, AM_NODE_SHAPE_BOX, NULL, 0, 0 };

      if (edge->type == NULL || edge->type[0] == '\0' || g_hash_table_contains (types, edge->type))
        continue;
      g_hash_table_add (types, edge->type);
      row.name = g_strdup (edge->type);
      g_array_append_val (legend->rows, row);
    }

  g_array_sort (legend->rows, legend_row_compare);

  if (legend->rows->len == 0)
    return legend;

  /* Measure: a heading per section, then one row per item, swatch then name. */
  legend->text_x = LEGEND_PADDING + LEGEND_SWATCH_WIDTH + LEGEND_GAP;
  y = LEGEND_PADDING;

  if (legend->n_kinds > 0)
    {
      double w, h;

      legend->kinds_heading = _am_renderer_new_layout (legend_heading (origin, TRUE),
                                                       LEGEND_FONT_SIZE, TRUE, -1);
      _am_renderer_layout_size (legend->kinds_heading, &w, &h);
      label_width = MAX (label_width, w - LEGEND_SWATCH_WIDTH - LEGEND_GAP);
      legend->kinds_heading_y = y;
      y += h + LEGEND_ROW_GAP;
    }

  for (guint i = 0; i < legend->rows->len; i++)
    {
      LegendRow *row = &g_array_index (legend->rows, LegendRow, i);
      g_autofree char *text = display_name (row->name);
      double w, h;

      if (!row->is_kind && (i == 0 || g_array_index (legend->rows, LegendRow, i - 1).is_kind))
        {
          double hw, hh;

          if (i > 0)
            y += LEGEND_SECTION_GAP;
          legend->types_heading = _am_renderer_new_layout (legend_heading (origin, FALSE),
                                                           LEGEND_FONT_SIZE, TRUE, -1);
          _am_renderer_layout_size (legend->types_heading, &hw, &hh);
          label_width = MAX (label_width, hw - LEGEND_SWATCH_WIDTH - LEGEND_GAP);
          legend->types_heading_y = y;
          y += hh + LEGEND_ROW_GAP;
        }

      row->layout = _am_renderer_new_layout (text, LEGEND_FONT_SIZE, FALSE, -1);
      _am_renderer_layout_size (row->layout, &w, &h);
      label_width = MAX (label_width, w);
      row->y = y;
      row->height = MAX (h, LEGEND_SWATCH_HEIGHT);
      y += row->height + LEGEND_ROW_GAP;
    }

  legend->width = ceil (legend->text_x + label_width + LEGEND_PADDING);
  legend->height = ceil (y - LEGEND_ROW_GAP + LEGEND_PADDING);

  return legend;
}

static gboolean
strv_has (const char * const *strv,
          const char         *name)
{
  return strv != NULL && g_strv_contains (strv, name);
}

static gboolean
legend_row_hidden (const LegendRow     *row,
                   const AmLegendState *state)
{
  if (state == NULL)
    return FALSE;

  return strv_has (row->is_kind ? state->hidden_kinds : state->hidden_types, row->name);
}

static AmColor
faded (const AmColor *color)
{
  AmColor pale = *color;

  pale.alpha *= LEGEND_HIDDEN_ALPHA;
  return pale;
}

static void
legend_paint (const Legend        *legend,
              AmPainter           *painter,
              const AmTheme       *theme,
              const AmLegendState *state,
              double               x,
              double               y)
{
  AmRect frame_box = { x, y, legend->width, legend->height };
  AmColor background = theme->background;

  if (legend->rows->len == 0)
    return;

  background.alpha = 0.92;
  _am_painter_begin_group (painter, AM_PAINTER_GROUP_OTHER, "legend", NULL, NULL, 1.0);
  _am_painter_rect (painter, &frame_box, 6.0, &background, &theme->cluster_stroke, 1.0);

  if (legend->kinds_heading != NULL)
    _am_painter_text (painter, legend->kinds_heading, x + LEGEND_PADDING,
                      y + legend->kinds_heading_y, &theme->foreground);
  if (legend->types_heading != NULL)
    _am_painter_text (painter, legend->types_heading, x + LEGEND_PADDING,
                      y + legend->types_heading_y, &theme->foreground);

  for (guint i = 0; i < legend->rows->len; i++)
    {
      const LegendRow *row = &g_array_index (legend->rows, LegendRow, i);
      /* A hidden kind or type stays listed, pale and struck through, so that a click
       * brings it back. */
      gboolean hidden = legend_row_hidden (row, state);
      AmColor text_color = hidden ? faded (&theme->foreground) : theme->foreground;
      double row_y = y + row->y;
      double w, h;

      _am_renderer_layout_size (row->layout, &w, &h);

      if (row->is_kind)
        {
          const AmKindStyle *style = am_theme_style_for_kind (theme, row->name);
          AmColor fill = hidden ? faded (&style->fill) : style->fill;
          AmColor stroke = hidden ? faded (&style->stroke) : style->stroke;
          AmRect swatch = {
            x + LEGEND_PADDING, row_y + (row->height - LEGEND_SWATCH_HEIGHT) / 2,
            LEGEND_SWATCH_WIDTH, LEGEND_SWATCH_HEIGHT,
          };

          paint_shape (painter, row->shape, &swatch, &fill, &stroke, NODE_LINE_WIDTH);
        }
      else
        {
          AmColor color = am_theme_color_for_relation_type (theme, row->name);
          double cy = row_y + row->height / 2;
          double x0 = x + LEGEND_PADDING;
          AmPoint line[4] = {
            { x0, cy }, { x0 + 6, cy }, { x0 + 12, cy }, { x0 + LEGEND_SWATCH_WIDTH - 8, cy },
          };
          AmPoint tip = { x0 + LEGEND_SWATCH_WIDTH, cy };

          if (hidden)
            color = faded (&color);
          _am_painter_curve (painter, line, G_N_ELEMENTS (line), &color, EMPHASIS_LINE_WIDTH);
          paint_arrowhead (painter, &line[3], &tip, &color);
        }

      _am_painter_text (painter, row->layout, x + legend->text_x, row_y + (row->height - h) / 2,
                        &text_color);

      if (hidden)
        {
          double tx = x + legend->text_x, cy = row_y + row->height / 2;
          AmPoint strike[4] = {
            { tx - 1, cy }, { tx + w / 3, cy }, { tx + 2 * w / 3, cy }, { tx + w + 1, cy },
          };

          _am_painter_curve (painter, strike, G_N_ELEMENTS (strike), &text_color, 1.0);
        }
    }

  _am_painter_end_group (painter);
}

void
_am_renderer_paint_legend (AmPainter        *painter,
                           const AmScene    *scene,
                           const AmTheme    *theme,
                           AmDocumentOrigin  origin,
                           double            x,
                           double            y)
{
  AmLegendState state = { origin, NULL, NULL };

  _am_renderer_paint_legend_state (painter, scene, theme, &state, x, y);
}

void
_am_renderer_paint_legend_state (AmPainter           *painter,
                                 const AmScene       *scene,
                                 const AmTheme       *theme,
                                 const AmLegendState *state,
                                 double               x,
                                 double               y)
{
  g_autoptr(Legend) legend = NULL;

  g_return_if_fail (painter != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (state != NULL);

  legend = legend_new (scene, state->origin);
  legend_paint (legend, painter, theme, state, x, y);
}

/* ------------------------------------------------------------------------------------ */
/* Public API                                                                           */

/**
 * am_render_state_init:
 * @state: a render state to fill
 *
 * Nothing selected, hovered or dimmed; no culling; one pixel per point.
 */
void
am_render_state_init (AmRenderState *state)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->pixels_per_point = 1.0;
}

/**
 * am_renderer_draw_scene:
 * @cr: a cairo context, transformed so that scene points map to where they belong
 * @scene: the scene
 * @theme: the palette
 * @state: (nullable): selection, hover, dimming and the visible rectangle
 *
 * The screen's entry point.  It draws through the same routine as every exporter, with
 * the layout cache on.  @cr's state is left as it was.
 */
void
am_renderer_draw_scene (cairo_t             *cr,
                        const AmScene       *scene,
                        const AmTheme       *theme,
                        const AmRenderState *state)
{
  g_autoptr(AmPainter) painter = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (theme != NULL);

  painter = _am_painter_new_cairo (cr);
  painter->cache_layouts = TRUE;
  _am_renderer_paint_scene (painter, scene, theme, state);
}

/**
 * am_renderer_measure_legend:
 * @scene: the scene
 * @theme: the palette
 * @width: (out): width in points, 0 when the legend would be empty
 * @height: (out): height in points, 0 when the legend would be empty
 *
 * am_renderer_measure_legend_full() for an actor map.
 */
void
am_renderer_measure_legend (const AmScene *scene,
                            const AmTheme *theme,
                            double        *width,
                            double        *height)
{
  am_renderer_measure_legend_full (scene, theme, AM_DOCUMENT_ORIGIN_MODEL, width, height);
}

/**
 * am_renderer_measure_legend_full:
 * @scene: the scene
 * @theme: the palette
 * @origin: where the scene's document came from: its headings say "Nodes" and "Edges"
 *   for %AM_DOCUMENT_ORIGIN_GRAPHVIZ, "Actors" and "Relations" otherwise
 * @width: (out): width in points, 0 when the legend would be empty
 * @height: (out): height in points, 0 when the legend would be empty
 */
void
am_renderer_measure_legend_full (const AmScene    *scene,
                                 const AmTheme    *theme,
                                 AmDocumentOrigin  origin,
                                 double           *width,
                                 double           *height)
{
  g_autoptr(Legend) legend = NULL;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  legend = legend_new (scene, origin);
  *width = legend->width;
  *height = legend->height;
}

/**
 * am_renderer_draw_legend:
 * @cr: a cairo context
 * @scene: the scene
 * @theme: the palette
 * @x: left edge, in @cr's user units
 * @y: top edge
 *
 * Draws the legend that am_renderer_measure_legend() measured; nothing when the scene
 * has no kinds or relation types.
 */
void
am_renderer_draw_legend (cairo_t       *cr,
                         const AmScene *scene,
                         const AmTheme *theme,
                         double         x,
                         double         y)
{
  am_renderer_draw_legend_full (cr, scene, theme, AM_DOCUMENT_ORIGIN_MODEL, x, y);
}

/**
 * am_renderer_draw_legend_full:
 * @cr: a cairo context
 * @scene: the scene
 * @theme: the palette
 * @origin: as for am_renderer_measure_legend_full()
 * @x: left edge, in @cr's user units
 * @y: top edge
 *
 * Draws the legend that am_renderer_measure_legend_full() measured.
 */
void
am_renderer_draw_legend_full (cairo_t          *cr,
                              const AmScene    *scene,
                              const AmTheme    *theme,
                              AmDocumentOrigin  origin,
                              double            x,
                              double            y)
{
  g_autoptr(AmPainter) painter = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (theme != NULL);

  painter = _am_painter_new_cairo (cr);
  _am_renderer_paint_legend (painter, scene, theme, origin, x, y);
}

/**
 * am_renderer_draw_legend_state:
 * @cr: a cairo context
 * @scene: the scene whose kinds and types are listed (the whole laid-out map, so that a
 *   hidden kind stays listed)
 * @theme: the palette
 * @state: the headings' origin, and the kinds and types drawn pale and struck through
 * @x: left edge, in @cr's user units
 * @y: top edge
 *
 * Draws the legend that am_renderer_measure_legend_full() measured (hiding changes no
 * size).
 */
void
am_renderer_draw_legend_state (cairo_t             *cr,
                               const AmScene       *scene,
                               const AmTheme       *theme,
                               const AmLegendState *state,
                               double               x,
                               double               y)
{
  g_autoptr(AmPainter) painter = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (state != NULL);

  painter = _am_painter_new_cairo (cr);
  _am_renderer_paint_legend_state (painter, scene, theme, state, x, y);
}

/**
 * am_renderer_legend_entry_at:
 * @scene: the scene, as for am_renderer_draw_legend_state()
 * @theme: the palette
 * @origin: as for am_renderer_measure_legend_full()
 * @x: a point, from the legend's left edge
 * @y: from its top edge
 * @is_kind: (out) (optional): TRUE for an actor kind, FALSE for a relation type
 *
 * Which row of the legend lies at (@x, @y): the whole width of a row counts, swatch and
 * name, from the middle of the gap above it to the middle of the gap below.
 *
 * Returns: (transfer full) (nullable): the kind or type as the scene spells it, or %NULL
 *   over a heading, a margin or outside.
 */
char *
am_renderer_legend_entry_at (const AmScene    *scene,
                             const AmTheme    *theme,
                             AmDocumentOrigin  origin,
                             double            x,
                             double            y,
                             gboolean         *is_kind)
{
  g_autoptr(Legend) legend = NULL;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  legend = legend_new (scene, origin);
  if (x < 0 || x >= legend->width)
    return NULL;

  for (guint i = 0; i < legend->rows->len; i++)
    {
      const LegendRow *row = &g_array_index (legend->rows, LegendRow, i);

      if (y >= row->y - LEGEND_ROW_GAP / 2 && y < row->y + row->height + LEGEND_ROW_GAP / 2)
        {
          if (is_kind != NULL)
            *is_kind = row->is_kind;
          return g_strdup (row->name);
        }
    }

  return NULL;
}
