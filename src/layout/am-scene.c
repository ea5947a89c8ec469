/* am-scene.c — the immutable laid-out scene, its builder, spatial index and wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "am-layout-private.h"

/* Coordinates are points; nothing Graphviz produces for the node caps comes near this, and
 * it keeps every sum and product below far from overflow. */
#define MAX_EXTENT          1e7
/* Rounding in the y flip may push a value a hair outside the bounds. */
#define BOUNDS_SLACK        1e-3
#define MAX_POINTS_PER_EDGE (3 * 10000 + 1)
#define MAX_CLUSTERS        AM_LAYOUT_MAX_NODES
#define MAX_GRID_SIDE       1024
/* Items whose box covers more cells than this live in a short list scanned by every
 * query, so that a hostile scene of huge boxes cannot blow up the index. */
#define MAX_CELLS_PER_ITEM  64
/* Hit-testing measures distance to a polyline within this of the true curve. */
#define HIT_FLATNESS        0.25
#define MAX_PIECES          1024

#define SCENE_MAGIC   "actormap-scene"
#define SCENE_VERSION 1
/* The first two members held a caption (title, subtitle) before captions moved to the
 * export options; they are written empty and ignored when read, so the format stays 1. */
#define SCENE_PAYLOAD_TYPE "(msmsms(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd)))"

typedef struct
{
  guint  cols;
  guint  rows;
  double cell_w;
  double cell_h;
  guint *start;         /* cols * rows + 1 offsets into items (CSR) */
  guint *items;         /* ascending within each cell */
  guint *big;           /* items too large for the grid, ascending */
  guint  n_big;
} Grid;

/*
 * Invariant: once am_scene_builder_end() has returned it, nothing in an AmScene changes.
 * It may therefore be shared between threads without locks; only the reference count
 * is atomic.
 */
struct _AmScene
{
  gatomicrefcount  ref_count;

  AmRect           bounds;
  char            *engine;

  AmSceneNode     *nodes;
  guint            n_nodes;
  AmSceneEdge     *edges;
  guint            n_edges;
  AmSceneCluster  *clusters;
  guint            n_clusters;

  GHashTable      *node_ids;   /* id → index + 1 */
  GHashTable      *edge_ids;

  Grid             node_grid;
  Grid             edge_grid;
};

struct _AmSceneBuilder
{
  AmRect      bounds;
  char       *engine;
  GArray     *nodes;         /* AmSceneNode */
  GArray     *edges;         /* AmSceneEdge */
  GArray     *clusters;      /* AmSceneCluster */
  GHashTable *node_ids;      /* borrowed keys → index + 1 */
  GHashTable *edge_ids;
  GHashTable *cluster_ids;
  char       *error;         /* the first problem met, reported by end() */
};

G_DEFINE_BOXED_TYPE (AmScene, am_scene, am_scene_ref, am_scene_unref)

/* ------------------------------------------------------------------------------------ */
/* Small geometry helpers                                                               */

static gboolean
rect_is_finite (const AmRect *r)
{
  return isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height);
}

static gboolean
rect_meets (const AmRect *a,
            const AmRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

static gboolean
point_in_bounds (const AmRect *bounds,
                 double        x,
                 double        y)
{
  return x >= bounds->x - BOUNDS_SLACK && x <= bounds->x + bounds->width + BOUNDS_SLACK &&
         y >= bounds->y - BOUNDS_SLACK && y <= bounds->y + bounds->height + BOUNDS_SLACK;
}

static gboolean
rect_in_bounds (const AmRect *bounds,
                const AmRect *r)
{
  return rect_is_finite (r) && r->width >= 0 && r->height >= 0 &&
         point_in_bounds (bounds, r->x, r->y) &&
         point_in_bounds (bounds, r->x + r->width, r->y + r->height);
}

typedef struct
{
  double x0, y0, x1, y1;
} Extent;

static void
extent_init (Extent *e)
{
  e->x0 = e->y0 = INFINITY;
  e->x1 = e->y1 = -INFINITY;
}

static void
extent_add (Extent *e,
            double  x,
            double  y)
{
  e->x0 = MIN (e->x0, x);
  e->y0 = MIN (e->y0, y);
  e->x1 = MAX (e->x1, x);
  e->y1 = MAX (e->y1, y);
}

static void
extent_add_rect (Extent       *e,
                 const AmRect *r)
{
  extent_add (e, r->x, r->y);
  extent_add (e, r->x + r->width, r->y + r->height);
}

static void
extent_to_rect (const Extent *e,
                const AmRect *clip,
                AmRect       *out)
{
  double x0 = CLAMP (e->x0, clip->x, clip->x + clip->width);
  double y0 = CLAMP (e->y0, clip->y, clip->y + clip->height);
  double x1 = CLAMP (e->x1, clip->x, clip->x + clip->width);
  double y1 = CLAMP (e->y1, clip->y, clip->y + clip->height);

  out->x = x0;
  out->y = y0;
  out->width = MAX (0.0, x1 - x0);
  out->height = MAX (0.0, y1 - y0);
}

static AmPoint
bezier_point (const AmPoint *p,
              double         t)
{
  double u = 1.0 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (AmPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                     a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/* How far the uniform n-piece polyline of a cubic can stray from the curve:
 * (1/8) · max|B''| / n², with max|B''| ≤ 6 · max |P[i] − 2 P[i+1] + P[i+2]|. */
static double
bezier_second_difference (const AmPoint *p)
{
  double m = 0;

  for (guint i = 0; i < 2; i++)
    {
      double dx = p[i].x - 2 * p[i + 1].x + p[i + 2].x;
      double dy = p[i].y - 2 * p[i + 1].y + p[i + 2].y;
      m = MAX (m, hypot (dx, dy));
    }

  return m;
}

static guint
pieces_for_flatness (const AmPoint *p,
                     double         flatness)
{
  double m = bezier_second_difference (p);
  double n = ceil (sqrt (0.75 * m / flatness));

  return (guint) CLAMP (n, 1.0, (double) MAX_PIECES);
}

static double
flatness_for_pieces (const AmPoint *p,
                     guint          n)
{
  return 0.75 * bezier_second_difference (p) / ((double) n * n);
}

static double
point_segment_distance (double         px,
                        double         py,
                        const AmPoint *a,
                        const AmPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = 0;

  if (len2 > 0)
    t = CLAMP (((px - a->x) * dx + (py - a->y) * dy) / len2, 0.0, 1.0);

  return hypot (px - (a->x + t * dx), py - (a->y + t * dy));
}

/* Half the width of an arrowhead drawn from @base to @tip; used to pad boxes. */
static double
arrow_half_width (const AmPoint *base,
                  const AmPoint *tip)
{
  return 0.5 * hypot (tip->x - base->x, tip->y - base->y) + 1.0;
}

/* ------------------------------------------------------------------------------------ */
/* Strings and element copies                                                           */

static void
node_clear (AmSceneNode *node)
{
  g_clear_pointer (&node->id, g_free);
  g_clear_pointer (&node->label, g_free);
  g_clear_pointer (&node->kind, g_free);
}

static void
edge_clear (AmSceneEdge *edge)
{
  g_clear_pointer (&edge->id, g_free);
  g_clear_pointer (&edge->source, g_free);
  g_clear_pointer (&edge->target, g_free);
  g_clear_pointer (&edge->label, g_free);
  g_clear_pointer (&edge->type, g_free);
  g_clear_pointer (&edge->points, g_free);
}

static void
cluster_clear (AmSceneCluster *cluster)
{
  g_clear_pointer (&cluster->id, g_free);
  g_clear_pointer (&cluster->label, g_free);
}

static gboolean
valid_id (const char *s)
{
  return s != NULL && *s != '\0' && g_utf8_validate (s, -1, NULL);
}

static gboolean
valid_optional_text (const char *s)
{
  return s == NULL || g_utf8_validate (s, -1, NULL);
}

/* ------------------------------------------------------------------------------------ */
/* The builder                                                                          */

/* Records the first problem and returns FALSE, so validators can `return builder_fail (…)`. */
static gboolean
builder_fail (AmSceneBuilder *builder,
              const char     *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
builder_fail (AmSceneBuilder *builder,
              const char     *format,
              ...)
{
  va_list args;

  if (builder->error != NULL)
    return FALSE;

  va_start (args, format);
  builder->error = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

/* Ids may come from anywhere; keep messages readable and valid UTF-8. */
static char *
describe_id (const char *id)
{
  if (id == NULL)
    return g_strdup ("(null)");
  if (!g_utf8_validate (id, -1, NULL))
    return g_strdup ("(invalid UTF-8)");
  if (g_utf8_strlen (id, -1) > 64)
    {
      g_autofree char *head = g_utf8_substring (id, 0, 64);
      return g_strdup_printf ("%s…", head);
    }
  return g_strdup (id);
}

/**
 * am_scene_builder_new:
 * @bounds: the scene's bounds; they start at (0, 0) and include the margin
 *
 * Returns: (transfer full): a new builder
 */
AmSceneBuilder *
am_scene_builder_new (const AmRect *bounds)
{
  AmSceneBuilder *builder;

  g_return_val_if_fail (bounds != NULL, NULL);

  builder = g_new0 (AmSceneBuilder, 1);
  builder->bounds = *bounds;
  builder->nodes = g_array_new (FALSE, TRUE, sizeof (AmSceneNode));
  builder->edges = g_array_new (FALSE, TRUE, sizeof (AmSceneEdge));
  builder->clusters = g_array_new (FALSE, TRUE, sizeof (AmSceneCluster));
  g_array_set_clear_func (builder->nodes, (GDestroyNotify) node_clear);
  g_array_set_clear_func (builder->edges, (GDestroyNotify) edge_clear);
  g_array_set_clear_func (builder->clusters, (GDestroyNotify) cluster_clear);
  builder->node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  builder->edge_ids = g_hash_table_new (g_str_hash, g_str_equal);
  builder->cluster_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (!rect_is_finite (bounds))
    builder_fail (builder, "the scene bounds are not finite");
  else if (bounds->x != 0 || bounds->y != 0)
    builder_fail (builder, "the scene bounds do not start at (0, 0)");
  else if (bounds->width < 0 || bounds->height < 0 ||
           bounds->width > MAX_EXTENT || bounds->height > MAX_EXTENT)
    builder_fail (builder, "the scene bounds (%g × %g) are out of range",
                  bounds->width, bounds->height);

  return builder;
}

void
am_scene_builder_free (AmSceneBuilder *builder)
{
  if (builder == NULL)
    return;

  g_clear_pointer (&builder->node_ids, g_hash_table_unref);
  g_clear_pointer (&builder->edge_ids, g_hash_table_unref);
  g_clear_pointer (&builder->cluster_ids, g_hash_table_unref);
  g_clear_pointer (&builder->nodes, g_array_unref);
  g_clear_pointer (&builder->edges, g_array_unref);
  g_clear_pointer (&builder->clusters, g_array_unref);
  g_free (builder->engine);
  g_free (builder->error);
  g_free (builder);
}

void
am_scene_builder_set_engine (AmSceneBuilder *builder,
                             const char     *engine)
{
  AmLayoutEngine unused;

  g_return_if_fail (builder != NULL);

  if (engine != NULL && !am_layout_engine_from_string (engine, &unused))
    {
      g_autofree char *desc = describe_id (engine);
      builder_fail (builder, "unknown layout engine '%s'", desc);
      return;
    }

  g_free (builder->engine);
  builder->engine = g_strdup (engine);
}

static gboolean
validate_node (AmSceneBuilder    *builder,
               const AmSceneNode *node)
{
  g_autofree char *desc = describe_id (node->id);

  if (builder->nodes->len >= AM_LAYOUT_MAX_NODES)
    return builder_fail (builder, "more than %u nodes", AM_LAYOUT_MAX_NODES);
  if (!valid_id (node->id))
    return builder_fail (builder, "node %u: the id is empty or not valid UTF-8",
                         builder->nodes->len);
  if (g_hash_table_contains (builder->node_ids, node->id))
    return builder_fail (builder, "node '%s': duplicate id", desc);
  if (!valid_optional_text (node->label) || !valid_optional_text (node->kind))
    return builder_fail (builder, "node '%s': label or kind is not valid UTF-8", desc);
  if ((guint) node->shape > AM_NODE_SHAPE_OCTAGON)
    return builder_fail (builder, "node '%s': unknown shape %d", desc, (int) node->shape);
  if (!rect_is_finite (&node->box))
    return builder_fail (builder, "node '%s': the box is not finite", desc);
  if (!rect_in_bounds (&builder->bounds, &node->box))
    return builder_fail (builder, "node '%s': the box lies outside the scene bounds", desc);

  return TRUE;
}

void
am_scene_builder_add_node (AmSceneBuilder    *builder,
                           const AmSceneNode *node)
{
  AmSceneNode copy = { 0, };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (node != NULL);

  if (builder->error != NULL || !validate_node (builder, node))
    return;

  copy.id = g_strdup (node->id);
  copy.label = g_strdup (node->label ? node->label : "");
  copy.kind = g_strdup (node->kind ? node->kind : "node");
  copy.shape = node->shape;
  copy.box = node->box;
  g_array_append_val (builder->nodes, copy);
  g_hash_table_insert (builder->node_ids, copy.id, GUINT_TO_POINTER (builder->nodes->len));
}

static void
compute_edge_bounds (const AmRect *clip,
                     AmSceneEdge  *edge)
{
  Extent e;

  extent_init (&e);

  /* A cubic lies inside the hull of its control points. */
  for (guint i = 0; i < edge->n_points; i++)
    extent_add (&e, edge->points[i].x, edge->points[i].y);

  if (edge->has_head)
    {
      double w = arrow_half_width (&edge->points[edge->n_points - 1], &edge->head);
      extent_add (&e, edge->head.x - w, edge->head.y - w);
      extent_add (&e, edge->head.x + w, edge->head.y + w);
    }
  if (edge->has_tail)
    {
      double w = arrow_half_width (&edge->points[0], &edge->tail);
      extent_add (&e, edge->tail.x - w, edge->tail.y - w);
      extent_add (&e, edge->tail.x + w, edge->tail.y + w);
    }
  if (edge->has_label)
    extent_add_rect (&e, &edge->label_box);

  extent_to_rect (&e, clip, &edge->bounds);
}

static gboolean
validate_edge (AmSceneBuilder    *builder,
               const AmSceneEdge *edge)
{
  g_autofree char *desc = describe_id (edge->id);

  if (builder->edges->len >= AM_LAYOUT_MAX_EDGES)
    return builder_fail (builder, "more than %u edges", AM_LAYOUT_MAX_EDGES);
  if (!valid_id (edge->id))
    return builder_fail (builder, "edge %u: the id is empty or not valid UTF-8",
                         builder->edges->len);
  if (g_hash_table_contains (builder->edge_ids, edge->id))
    return builder_fail (builder, "edge '%s': duplicate id", desc);
  if (!valid_id (edge->source) || !valid_id (edge->target))
    return builder_fail (builder, "edge '%s': an end is empty or not valid UTF-8", desc);
  if (!valid_optional_text (edge->label) || !valid_optional_text (edge->type))
    return builder_fail (builder, "edge '%s': label or type is not valid UTF-8", desc);
  if (edge->n_points < 4 || (edge->n_points - 1) % 3 != 0 ||
      edge->n_points > MAX_POINTS_PER_EDGE || edge->points == NULL)
    return builder_fail (builder, "edge '%s': %u points do not make a cubic Bézier path",
                         desc, edge->n_points);

  for (guint i = 0; i < edge->n_points; i++)
    {
      if (!isfinite (edge->points[i].x) || !isfinite (edge->points[i].y))
        return builder_fail (builder, "edge '%s': point %u is not finite", desc, i);
      if (!point_in_bounds (&builder->bounds, edge->points[i].x, edge->points[i].y))
        return builder_fail (builder, "edge '%s': point %u lies outside the scene bounds",
                             desc, i);
    }

  if (edge->has_head &&
      (!isfinite (edge->head.x) || !isfinite (edge->head.y) ||
       !point_in_bounds (&builder->bounds, edge->head.x, edge->head.y)))
    return builder_fail (builder, "edge '%s': the arrowhead is not finite or out of bounds",
                         desc);
  if (edge->has_tail &&
      (!isfinite (edge->tail.x) || !isfinite (edge->tail.y) ||
       !point_in_bounds (&builder->bounds, edge->tail.x, edge->tail.y)))
    return builder_fail (builder, "edge '%s': the arrow tail is not finite or out of bounds",
                         desc);
  if (edge->has_label && !rect_is_finite (&edge->label_box))
    return builder_fail (builder, "edge '%s': the label box is not finite", desc);
  if (edge->has_label && !rect_in_bounds (&builder->bounds, &edge->label_box))
    return builder_fail (builder, "edge '%s': the label box lies outside the scene bounds",
                         desc);

  return TRUE;
}

void
am_scene_builder_add_edge (AmSceneBuilder    *builder,
                           const AmSceneEdge *edge)
{
  AmSceneEdge copy = { 0, };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (edge != NULL);

  if (builder->error != NULL || !validate_edge (builder, edge))
    return;

  copy.id = g_strdup (edge->id);
  copy.source = g_strdup (edge->source);
  copy.target = g_strdup (edge->target);
  copy.label = g_strdup (edge->label);
  copy.type = g_strdup (edge->type);
  copy.directed = !!edge->directed;
  copy.points = g_memdup2 (edge->points, sizeof (AmPoint) * edge->n_points);
  copy.n_points = edge->n_points;
  copy.has_head = !!edge->has_head;
  copy.head = edge->has_head ? edge->head : (AmPoint) { 0, 0 };
  copy.has_tail = !!edge->has_tail;
  copy.tail = edge->has_tail ? edge->tail : (AmPoint) { 0, 0 };
  copy.has_label = !!edge->has_label;
  copy.label_box = edge->has_label ? edge->label_box : (AmRect) { 0, 0, 0, 0 };
  compute_edge_bounds (&builder->bounds, &copy);

  g_array_append_val (builder->edges, copy);
  g_hash_table_insert (builder->edge_ids, copy.id, GUINT_TO_POINTER (builder->edges->len));
}

static gboolean
validate_cluster (AmSceneBuilder       *builder,
                  const AmSceneCluster *cluster)
{
  g_autofree char *desc = describe_id (cluster->id);

  if (builder->clusters->len >= MAX_CLUSTERS)
    return builder_fail (builder, "more than %u clusters", MAX_CLUSTERS);
  if (!valid_id (cluster->id))
    return builder_fail (builder, "cluster %u: the id is empty or not valid UTF-8",
                         builder->clusters->len);
  if (g_hash_table_contains (builder->cluster_ids, cluster->id))
    return builder_fail (builder, "cluster '%s': duplicate id", desc);
  if (!valid_optional_text (cluster->label))
    return builder_fail (builder, "cluster '%s': the label is not valid UTF-8", desc);
  if (!rect_is_finite (&cluster->box))
    return builder_fail (builder, "cluster '%s': the box is not finite", desc);
  if (!rect_in_bounds (&builder->bounds, &cluster->box))
    return builder_fail (builder, "cluster '%s': the box lies outside the scene bounds", desc);

  return TRUE;
}

void
am_scene_builder_add_cluster (AmSceneBuilder       *builder,
                              const AmSceneCluster *cluster)
{
  AmSceneCluster copy = { 0, };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (cluster != NULL);

  if (builder->error != NULL || !validate_cluster (builder, cluster))
    return;

  copy.id = g_strdup (cluster->id);
  copy.label = g_strdup (cluster->label);
  copy.box = cluster->box;
  g_array_append_val (builder->clusters, copy);
  g_hash_table_insert (builder->cluster_ids, copy.id, GUINT_TO_POINTER (1));
}

/* ------------------------------------------------------------------------------------ */
/* The uniform grid                                                                     */

typedef struct
{
  guint cell;
  guint item;
} CellItem;

static int
cell_item_compare (const void *a,
                   const void *b)
{
  const CellItem *x = a, *y = b;

  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  if (x->item != y->item)
    return x->item < y->item ? -1 : 1;
  return 0;
}

static int
guint_compare (const void *a,
               const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

typedef struct
{
  const AmRect *bounds;
  Grid         *grid;
  GArray       *pairs;    /* CellItem */
  GArray       *big;      /* guint */
} GridBuild;

static void
grid_cell_range (const Grid   *grid,
                 const AmRect *bounds,
                 double        x0,
                 double        y0,
                 double        x1,
                 double        y1,
                 guint        *c0,
                 guint        *r0,
                 guint        *c1,
                 guint        *r1)
{
  double fc0 = floor ((x0 - bounds->x) / grid->cell_w);
  double fr0 = floor ((y0 - bounds->y) / grid->cell_h);
  double fc1 = floor ((x1 - bounds->x) / grid->cell_w);
  double fr1 = floor ((y1 - bounds->y) / grid->cell_h);

  *c0 = (guint) CLAMP (fc0, 0.0, (double) (grid->cols - 1));
  *r0 = (guint) CLAMP (fr0, 0.0, (double) (grid->rows - 1));
  *c1 = (guint) CLAMP (fc1, 0.0, (double) (grid->cols - 1));
  *r1 = (guint) CLAMP (fr1, 0.0, (double) (grid->rows - 1));
}

/* Returns FALSE when the box is too large for the grid. */
static gboolean
grid_build_add_box (GridBuild *gb,
                    guint      item,
                    double     x0,
                    double     y0,
                    double     x1,
                    double     y1)
{
  guint c0, r0, c1, r1;

  grid_cell_range (gb->grid, gb->bounds, x0, y0, x1, y1, &c0, &r0, &c1, &r1);

  if ((guint64) (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_ITEM)
    return FALSE;

  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        CellItem ci = { r * gb->grid->cols + c, item };
        g_array_append_val (gb->pairs, ci);
      }

  return TRUE;
}

static void
grid_build_finish (GridBuild *gb)
{
  Grid *grid = gb->grid;
  guint n_cells = grid->cols * grid->rows;
  guint n = 0;

  if (gb->pairs->len > 0)
    qsort (gb->pairs->data, gb->pairs->len, sizeof (CellItem), cell_item_compare);

  grid->start = g_new0 (guint, n_cells + 1);
  grid->items = g_new (guint, MAX (1, gb->pairs->len));

  for (guint i = 0; i < gb->pairs->len; i++)
    {
      const CellItem *ci = &g_array_index (gb->pairs, CellItem, i);

      if (i > 0 && cell_item_compare (ci, &g_array_index (gb->pairs, CellItem, i - 1)) == 0)
        continue;

      grid->items[n++] = ci->item;
      grid->start[ci->cell + 1]++;
    }

  for (guint c = 0; c < n_cells; c++)
    grid->start[c + 1] += grid->start[c];

  if (gb->big->len > 0)
    qsort (gb->big->data, gb->big->len, sizeof (guint), guint_compare);
  grid->n_big = gb->big->len;
  grid->big = (guint *) (void *) g_array_free (gb->big, FALSE);
  g_array_unref (gb->pairs);
}

static void
grid_size (Grid         *grid,
           const AmRect *bounds,
           guint         n_items)
{
  double w = MAX (bounds->width, 1.0);
  double h = MAX (bounds->height, 1.0);
  /* About one item per cell, but never cells smaller than a short label. */
  double side = MAX (sqrt (w * h / MAX (n_items, 1u)), 16.0);

  grid->cols = (guint) CLAMP (ceil (w / side), 1.0, (double) MAX_GRID_SIDE);
  grid->rows = (guint) CLAMP (ceil (h / side), 1.0, (double) MAX_GRID_SIDE);
  grid->cell_w = w / grid->cols;
  grid->cell_h = h / grid->rows;
}

static void
grid_build_begin (GridBuild    *gb,
                  Grid         *grid,
                  const AmRect *bounds)
{
  gb->bounds = bounds;
  gb->grid = grid;
  gb->pairs = g_array_new (FALSE, FALSE, sizeof (CellItem));
  gb->big = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
index_nodes (AmScene *self)
{
  GridBuild gb;

  grid_size (&self->node_grid, &self->bounds, self->n_nodes);
  grid_build_begin (&gb, &self->node_grid, &self->bounds);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const AmRect *b = &self->nodes[i].box;

      if (!grid_build_add_box (&gb, i, b->x, b->y, b->x + b->width, b->y + b->height))
        g_array_append_val (gb.big, i);
    }

  grid_build_finish (&gb);
}

/* Edges go into the cells their curve passes through, not every cell of their bounding
 * box: a long diagonal edge would otherwise fill a quadratic number of cells.  Each cubic
 * is cut into pieces no longer than a cell, and each piece's box is padded by how far the
 * curve can stray from it, so the index never misses a cell the curve touches. */
static gboolean
index_edge_curve (GridBuild         *gb,
                  guint              item,
                  const AmSceneEdge *edge)
{
  double cell = MIN (gb->grid->cell_w, gb->grid->cell_h);

  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    {
      const AmPoint *p = &edge->points[k];
      double poly = hypot (p[1].x - p[0].x, p[1].y - p[0].y) +
                    hypot (p[2].x - p[1].x, p[2].y - p[1].y) +
                    hypot (p[3].x - p[2].x, p[3].y - p[2].y);
      guint n = (guint) CLAMP (ceil (poly / cell), 1.0, (double) MAX_PIECES);
      double pad;
      AmPoint prev = p[0];

      n = MAX (n, pieces_for_flatness (p, 0.5 * cell));
      pad = flatness_for_pieces (p, n);

      for (guint j = 1; j <= n; j++)
        {
          AmPoint cur = bezier_point (p, (double) j / n);

          if (!grid_build_add_box (gb, item,
                                   MIN (prev.x, cur.x) - pad, MIN (prev.y, cur.y) - pad,
                                   MAX (prev.x, cur.x) + pad, MAX (prev.y, cur.y) + pad))
            return FALSE;
          prev = cur;
        }
    }

  return TRUE;
}

static void
index_edges (AmScene *self)
{
  GridBuild gb;

  grid_size (&self->edge_grid, &self->bounds, self->n_edges);
  grid_build_begin (&gb, &self->edge_grid, &self->bounds);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const AmSceneEdge *e = &self->edges[i];
      guint mark = gb.pairs->len;
      gboolean ok = index_edge_curve (&gb, i, e);

      if (ok && e->has_head)
        {
          double w = arrow_half_width (&e->points[e->n_points - 1], &e->head);
          ok = grid_build_add_box (&gb, i, e->head.x - w, e->head.y - w,
                                   e->head.x + w, e->head.y + w);
        }
      if (ok && e->has_tail)
        {
          double w = arrow_half_width (&e->points[0], &e->tail);
          ok = grid_build_add_box (&gb, i, e->tail.x - w, e->tail.y - w,
                                   e->tail.x + w, e->tail.y + w);
        }
      if (ok && e->has_label)
        ok = grid_build_add_box (&gb, i, e->label_box.x, e->label_box.y,
                                 e->label_box.x + e->label_box.width,
                                 e->label_box.y + e->label_box.height);

      if (!ok)
        {
          g_array_set_size (gb.pairs, mark);
          g_array_append_val (gb.big, i);
        }
    }

  grid_build_finish (&gb);
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  g_clear_pointer (&grid->big, g_free);
}

/* Appends the candidates from the cells @rect covers, sorted and without duplicates. */
static void
grid_query (const Grid   *grid,
            const AmRect *bounds,
            const AmRect *rect,
            GArray       *out)
{
  guint first = out->len;
  guint c0, r0, c1, r1;
  guint n = first;

  grid_cell_range (grid, bounds, rect->x, rect->y, rect->x + rect->width,
                   rect->y + rect->height, &c0, &r0, &c1, &r1);

  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        guint cell = r * grid->cols + c;
        g_array_append_vals (out, grid->items + grid->start[cell],
                             grid->start[cell + 1] - grid->start[cell]);
      }
  g_array_append_vals (out, grid->big, grid->n_big);

  if (out->len - first > 1)
    qsort (&g_array_index (out, guint, first), out->len - first, sizeof (guint),
           guint_compare);

  for (guint i = first; i < out->len; i++)
    {
      guint v = g_array_index (out, guint, i);

      if (n > first && g_array_index (out, guint, n - 1) == v)
        continue;
      g_array_index (out, guint, n++) = v;
    }
  g_array_set_size (out, n);
}

/* ------------------------------------------------------------------------------------ */
/* Finishing the build                                                                  */

/**
 * am_scene_builder_end:
 * @builder: (transfer full): the builder; it is freed
 * @error: return location for an %AM_LAYOUT_ERROR_INVALID_SCENE error
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL if anything added was invalid
 */
AmScene *
am_scene_builder_end (AmSceneBuilder  *builder,
                      GError         **error)
{
  g_autoptr(AmSceneBuilder) b = builder;
  AmScene *self;

  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; b->error == NULL && i < b->edges->len; i++)
    {
      const AmSceneEdge *e = &g_array_index (b->edges, AmSceneEdge, i);

      if (!g_hash_table_contains (b->node_ids, e->source) ||
          !g_hash_table_contains (b->node_ids, e->target))
        {
          g_autofree char *desc = describe_id (e->id);
          g_autofree char *end = describe_id (g_hash_table_contains (b->node_ids, e->source)
                                              ? e->target : e->source);
          builder_fail (b, "edge '%s': refers to unknown node '%s'", desc, end);
        }
    }

  if (b->error != NULL)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                   "invalid scene: %s", b->error);
      return NULL;
    }

  self = g_new0 (AmScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->bounds = b->bounds;
  self->engine = g_steal_pointer (&b->engine);

  /* The arrays' clear functions must not run on the elements we move out. */
  g_array_set_clear_func (b->nodes, NULL);
  g_array_set_clear_func (b->edges, NULL);
  g_array_set_clear_func (b->clusters, NULL);
  self->n_nodes = b->nodes->len;
  self->n_edges = b->edges->len;
  self->n_clusters = b->clusters->len;
  self->nodes = (AmSceneNode *) (void *) g_array_free (g_steal_pointer (&b->nodes), FALSE);
  self->edges = (AmSceneEdge *) (void *) g_array_free (g_steal_pointer (&b->edges), FALSE);
  self->clusters = (AmSceneCluster *) (void *) g_array_free (g_steal_pointer (&b->clusters),
                                                             FALSE);

  self->node_ids = g_steal_pointer (&b->node_ids);
  self->edge_ids = g_steal_pointer (&b->edge_ids);

  index_nodes (self);
  index_edges (self);

  return self;
}

/* ------------------------------------------------------------------------------------ */
/* The scene                                                                            */

/**
 * am_scene_ref:
 * @self: a scene
 *
 * Returns: (transfer full): @self
 */
AmScene *
am_scene_ref (AmScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
am_scene_unref (AmScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_nodes; i++)
    node_clear (&self->nodes[i]);
  for (guint i = 0; i < self->n_edges; i++)
    edge_clear (&self->edges[i]);
  for (guint i = 0; i < self->n_clusters; i++)
    cluster_clear (&self->clusters[i]);

  g_free (self->nodes);
  g_free (self->edges);
  g_free (self->clusters);
  g_hash_table_unref (self->node_ids);
  g_hash_table_unref (self->edge_ids);
  grid_clear (&self->node_grid);
  grid_clear (&self->edge_grid);
  g_free (self->engine);
  g_free (self);
}

const AmRect *
am_scene_get_bounds (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->bounds;
}

const char *
am_scene_get_engine (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->engine;
}

guint
am_scene_get_n_nodes (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_nodes;
}

const AmSceneNode *
am_scene_get_node (const AmScene *self,
                   guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_nodes, NULL);

  return &self->nodes[index];
}

guint
am_scene_get_n_edges (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_edges;
}

const AmSceneEdge *
am_scene_get_edge (const AmScene *self,
                   guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_edges, NULL);

  return &self->edges[index];
}

guint
am_scene_get_n_clusters (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_clusters;
}

const AmSceneCluster *
am_scene_get_cluster (const AmScene *self,
                      guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_clusters, NULL);

  return &self->clusters[index];
}

gint
am_scene_find_node (const AmScene *self,
                    const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (id == NULL)
    return -1;

  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->node_ids, id)) - 1;
}

gint
am_scene_find_edge (const AmScene *self,
                    const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (id == NULL)
    return -1;

  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_ids, id)) - 1;
}

/* Distance from (x, y) to what is drawn for @edge: curve, arrowheads, label box. */
static double
edge_distance (const AmSceneEdge *edge,
               double             x,
               double             y)
{
  double best = INFINITY;

  if (edge->has_label)
    {
      const AmRect *r = &edge->label_box;
      double dx = MAX (MAX (r->x - x, 0.0), x - (r->x + r->width));
      double dy = MAX (MAX (r->y - y, 0.0), y - (r->y + r->height));
      best = hypot (dx, dy);
    }

  if (edge->has_head)
    best = MIN (best, point_segment_distance (x, y, &edge->points[edge->n_points - 1],
                                              &edge->head));
  if (edge->has_tail)
    best = MIN (best, point_segment_distance (x, y, &edge->points[0], &edge->tail));

  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    {
      const AmPoint *p = &edge->points[k];
      guint n = pieces_for_flatness (p, HIT_FLATNESS);
      AmPoint prev = p[0];

      for (guint j = 1; j <= n; j++)
        {
          AmPoint cur = bezier_point (p, (double) j / n);
          best = MIN (best, point_segment_distance (x, y, &prev, &cur));
          prev = cur;
        }
    }

  return best;
}

/**
 * am_scene_hit_test:
 * @self: a scene
 * @x: x in scene points
 * @y: y in scene points
 * @tolerance: how far (in points) from an item still counts, >= 0
 * @index: (out) (optional): the node or edge index
 *
 * Edges win over nodes, as in Graphviz's own viewer: they are thin and would be
 * impossible to pick where they meet a node otherwise.  Among edges the nearest wins
 * (the later one on a tie, since it is drawn on top); among nodes, the topmost.
 *
 * Returns: what was hit
 */
AmSceneHitKind
am_scene_hit_test (const AmScene *self,
                   double         x,
                   double         y,
                   double         tolerance,
                   guint         *index)
{
  g_autoptr(GArray) cand = NULL;
  AmRect probe;
  double best = INFINITY;
  guint best_index = 0;

  g_return_val_if_fail (self != NULL, AM_SCENE_HIT_NONE);

  if (!isfinite (x) || !isfinite (y) || !isfinite (tolerance) || tolerance < 0)
    return AM_SCENE_HIT_NONE;

  probe = (AmRect) { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };
  if (!rect_meets (&probe, &self->bounds))
    return AM_SCENE_HIT_NONE;

  cand = g_array_new (FALSE, FALSE, sizeof (guint));

  grid_query (&self->edge_grid, &self->bounds, &probe, cand);
  for (guint i = 0; i < cand->len; i++)
    {
      guint e = g_array_index (cand, guint, i);
      double d;

      if (!rect_meets (&probe, &self->edges[e].bounds))
        continue;

      d = edge_distance (&self->edges[e], x, y);
      if (d <= tolerance && d <= best)
        {
          best = d;
          best_index = e;
        }
    }

  if (isfinite (best))
    {
      if (index != NULL)
        *index = best_index;
      return AM_SCENE_HIT_EDGE;
    }

  g_array_set_size (cand, 0);
  grid_query (&self->node_grid, &self->bounds, &probe, cand);
  for (guint i = cand->len; i > 0; i--)
    {
      guint n = g_array_index (cand, guint, i - 1);

      if (rect_meets (&probe, &self->nodes[n].box))
        {
          if (index != NULL)
            *index = n;
          return AM_SCENE_HIT_NODE;
        }
    }

  return AM_SCENE_HIT_NONE;
}

/**
 * am_scene_query_rect:
 * @self: a scene
 * @rect: the area, in scene points
 * @node_indexes: (element-type guint) (nullable): receives the nodes whose box meets @rect
 * @edge_indexes: (element-type guint) (nullable): receives the edges whose bounds meet
 *   @rect and whose curve, arrowheads or label come near it
 *
 * Indexes are appended, each set in ascending order.  Edges are found through the cells
 * their curve crosses, so a long edge passing far from @rect is not returned just
 * because its bounding box covers @rect.
 */
void
am_scene_query_rect (const AmScene *self,
                     const AmRect  *rect,
                     GArray        *node_indexes,
                     GArray        *edge_indexes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (node_indexes == NULL ||
                    g_array_get_element_size (node_indexes) == sizeof (guint));
  g_return_if_fail (edge_indexes == NULL ||
                    g_array_get_element_size (edge_indexes) == sizeof (guint));

  if (!rect_is_finite (rect) || rect->width < 0 || rect->height < 0 ||
      !rect_meets (rect, &self->bounds))
    return;

  if (node_indexes != NULL)
    {
      guint first = node_indexes->len, n = first;

      grid_query (&self->node_grid, &self->bounds, rect, node_indexes);
      for (guint i = first; i < node_indexes->len; i++)
        {
          guint v = g_array_index (node_indexes, guint, i);
          if (rect_meets (rect, &self->nodes[v].box))
            g_array_index (node_indexes, guint, n++) = v;
        }
      g_array_set_size (node_indexes, n);
    }

  if (edge_indexes != NULL)
    {
      guint first = edge_indexes->len, n = first;

      grid_query (&self->edge_grid, &self->bounds, rect, edge_indexes);
      for (guint i = first; i < edge_indexes->len; i++)
        {
          guint v = g_array_index (edge_indexes, guint, i);
          if (rect_meets (rect, &self->edges[v].bounds))
            g_array_index (edge_indexes, guint, n++) = v;
        }
      g_array_set_size (edge_indexes, n);
    }
}

/* ------------------------------------------------------------------------------------ */
/* Wire format                                                                          */

static GVariant *
rect_to_variant (const AmRect *r)
{
  return g_variant_new ("(dddd)", r->x, r->y, r->width, r->height);
}

static GVariant *
point_to_variant (const AmPoint *p)
{
  return g_variant_new ("(dd)", p->x, p->y);
}

/**
 * am_scene_serialize:
 * @self: a scene
 *
 * The format is a GVariant `(suv)`: a magic string, a version and the payload, so a
 * reader can tell an Actormap scene from anything else before looking further.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
am_scene_serialize (const AmScene *self)
{
  GVariantBuilder nodes, edges, clusters;

  g_return_val_if_fail (self != NULL, NULL);

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(sssu(dddd))"));
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const AmSceneNode *n = &self->nodes[i];
      g_variant_builder_add (&nodes, "(sssu@(dddd))", n->id, n->label, n->kind,
                             (guint32) n->shape, rect_to_variant (&n->box));
    }

  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))"));
  for (guint i = 0; i < self->n_edges; i++)
    {
      const AmSceneEdge *e = &self->edges[i];
      GVariantBuilder pts;

      g_variant_builder_init (&pts, G_VARIANT_TYPE ("a(dd)"));
      for (guint j = 0; j < e->n_points; j++)
        g_variant_builder_add_value (&pts, point_to_variant (&e->points[j]));

      /* The first member is reserved for a per-edge format tag; it is empty today. */
      g_variant_builder_add (&edges, "(ssssmsmsba(dd)b@(dd)b@(dd)b@(dddd))",
                             "", e->id, e->source, e->target, e->label, e->type,
                             e->directed, &pts,
                             e->has_head, point_to_variant (&e->head),
                             e->has_tail, point_to_variant (&e->tail),
                             e->has_label, rect_to_variant (&e->label_box));
    }

  g_variant_builder_init (&clusters, G_VARIANT_TYPE ("a(sms(dddd))"));
  for (guint i = 0; i < self->n_clusters; i++)
    {
      const AmSceneCluster *c = &self->clusters[i];
      g_variant_builder_add (&clusters, "(sms@(dddd))", c->id, c->label,
                             rect_to_variant (&c->box));
    }

  return _am_envelope_wrap (SCENE_MAGIC, SCENE_VERSION,
                            g_variant_new ("(msmsms@(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd)))",
                                           NULL, NULL, self->engine,
                                           rect_to_variant (&self->bounds),
                                           &nodes, &edges, &clusters));
}

static gpointer
fail_invalid (GError    **error,
              const char *what)
{
  g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
               "invalid scene: %s", what);
  return NULL;
}

/**
 * am_scene_deserialize:
 * @bytes: what am_scene_serialize() wrote (or anything else: it is not trusted)
 * @error: return location for an %AM_LAYOUT_ERROR_INVALID_SCENE error
 *
 * Every value goes through the same checks as a scene built in-process.
 *
 * Returns: (transfer full) (nullable): the scene
 */
AmScene *
am_scene_deserialize (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) nodes = NULL;
  g_autoptr(GVariant) edges = NULL;
  g_autoptr(GVariant) clusters = NULL;
  g_autoptr(AmSceneBuilder) builder = NULL;
  guint32 version = 0;
  const char *engine = NULL;
  AmRect bounds;
  GVariantIter iter;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (_am_envelope_open (bytes, SCENE_MAGIC, &version, &payload))
    {
    case AM_ENVELOPE_MALFORMED:
      return fail_invalid (error, "not an Actormap scene (malformed or truncated data)");
    case AM_ENVELOPE_WRONG_MAGIC:
      return fail_invalid (error, "not an Actormap scene (wrong magic)");
    case AM_ENVELOPE_OK:
    default:
      break;
    }
  if (version != SCENE_VERSION)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                   "invalid scene: unsupported version %u", version);
      return NULL;
    }
  if (!g_variant_is_of_type (payload, G_VARIANT_TYPE (SCENE_PAYLOAD_TYPE)))
    return fail_invalid (error, "unexpected payload type");

  g_variant_get (payload, "(m&sm&sm&s(dddd)@a(sssu(dddd))@a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))@a(sms(dddd)))",
                 NULL, NULL, &engine,
                 &bounds.x, &bounds.y, &bounds.width, &bounds.height,
                 &nodes, &edges, &clusters);

  if (g_variant_n_children (nodes) > AM_LAYOUT_MAX_NODES)
    return fail_invalid (error, "too many nodes");
  if (g_variant_n_children (edges) > AM_LAYOUT_MAX_EDGES)
    return fail_invalid (error, "too many edges");
  if (g_variant_n_children (clusters) > MAX_CLUSTERS)
    return fail_invalid (error, "too many clusters");

  builder = am_scene_builder_new (&bounds);
  am_scene_builder_set_engine (builder, engine);

  {
    AmSceneNode node;
    guint32 shape;

    g_variant_iter_init (&iter, nodes);
    while (g_variant_iter_next (&iter, "(&s&s&su(dddd))", &node.id, &node.label, &node.kind,
                                &shape, &node.box.x, &node.box.y, &node.box.width,
                                &node.box.height))
      {
        if (shape > AM_NODE_SHAPE_OCTAGON)
          {
            g_autofree char *desc = describe_id (node.id);
            g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                         "invalid scene: node '%s': unknown shape %u", desc, shape);
            return NULL;
          }
        node.shape = (AmNodeShape) shape;
        am_scene_builder_add_node (builder, &node);
      }
  }

  {
    g_autoptr(GVariant) pts = NULL;
    const char *tag;
    AmSceneEdge edge = { 0, };
    gboolean directed, has_head, has_tail, has_label;

    g_variant_iter_init (&iter, edges);
    while (g_variant_iter_next (&iter, "(&s&s&s&sm&sm&sb@a(dd)b(dd)b(dd)b(dddd))",
                                &tag, &edge.id, &edge.source, &edge.target, &edge.label,
                                &edge.type, &directed, &pts,
                                &has_head, &edge.head.x, &edge.head.y,
                                &has_tail, &edge.tail.x, &edge.tail.y,
                                &has_label, &edge.label_box.x, &edge.label_box.y,
                                &edge.label_box.width, &edge.label_box.height))
      {
        gsize n_points = 0;
        /* A fixed-size array of (dd) in normal form is exactly an array of AmPoint. */
        const AmPoint *points = g_variant_get_fixed_array (pts, &n_points, sizeof (AmPoint));
        g_autofree AmPoint *copy = NULL;

        G_STATIC_ASSERT (sizeof (AmPoint) == 2 * sizeof (double));

        if (*tag != '\0')
          {
            g_autofree char *desc = describe_id (edge.id);
            g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                         "invalid scene: edge '%s': unknown format tag", desc);
            return NULL;
          }

        copy = n_points > 0 && n_points <= MAX_POINTS_PER_EDGE
                 ? g_memdup2 (points, n_points * sizeof (AmPoint)) : NULL;
        edge.points = copy;
        edge.n_points = n_points <= MAX_POINTS_PER_EDGE ? (guint) n_points : G_MAXUINT;
        edge.directed = directed;
        edge.has_head = has_head;
        edge.has_tail = has_tail;
        edge.has_label = has_label;
        am_scene_builder_add_edge (builder, &edge);
        g_clear_pointer (&pts, g_variant_unref);
      }
  }

  {
    AmSceneCluster cluster;

    g_variant_iter_init (&iter, clusters);
    while (g_variant_iter_next (&iter, "(&sm&s(dddd))", &cluster.id, &cluster.label,
                                &cluster.box.x, &cluster.box.y, &cluster.box.width,
                                &cluster.box.height))
      am_scene_builder_add_cluster (builder, &cluster);
  }

  return am_scene_builder_end (g_steal_pointer (&builder), error);
}
