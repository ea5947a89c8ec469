/* am-scene-index.c — the scene's uniform grid, hit-testing and rectangle queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "am-scene-private.h"

#define MAX_GRID_SIDE       1024
/* Items whose box covers more cells than this live in a short list scanned by every
 * query, so that a hostile scene of huge boxes cannot blow up the index. */
#define MAX_CELLS_PER_ITEM  64
/* Hit-testing measures distance to a polyline within this of the true curve. */
#define HIT_FLATNESS        0.25

/* ------------------------------------------------------------------------------------ */
/* The uniform grid                                                                     */

typedef struct
{
  guint cell;
  guint item;
} CellItem;

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
  AmSceneGrid         *grid;
  GArray       *pairs;    /* CellItem */
  GArray       *big;      /* guint */
} GridBuild;

static void
grid_cell_range (const AmSceneGrid   *grid,
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

/* The pairs come in ascending item order (items are indexed one after the other), so a
 * counting sort by cell, which keeps that order, leaves each cell's items ascending with
 * repeats side by side: linear in the pairs and cells, where sorting the pairs cost most
 * of building a scene of 5 000 nodes. */
static void
grid_build_finish (GridBuild *gb)
{
  AmSceneGrid *grid = gb->grid;
  guint n_cells = grid->cols * grid->rows;
  g_autofree guint *fill = NULL;
  g_autofree guint *sorted = NULL;
  guint n = 0;

  grid->start = g_new0 (guint, n_cells + 1);
  grid->items = g_new (guint, MAX (1, gb->pairs->len));
  sorted = g_new (guint, MAX (1, gb->pairs->len));

  for (guint i = 0; i < gb->pairs->len; i++)
    grid->start[g_array_index (gb->pairs, CellItem, i).cell + 1]++;
  for (guint c = 0; c < n_cells; c++)
    grid->start[c + 1] += grid->start[c];
  fill = g_memdup2 (grid->start, sizeof (guint) * (n_cells + 1));
  for (guint i = 0; i < gb->pairs->len; i++)
    {
      const CellItem *ci = &g_array_index (gb->pairs, CellItem, i);

      g_assert (i == 0 || ci->item >= g_array_index (gb->pairs, CellItem, i - 1).item);
      sorted[fill[ci->cell]++] = ci->item;
    }

  /* Drop an item's repeats within a cell, moving the cell starts down. */
  for (guint c = 0; c < n_cells; c++)
    {
      guint begin = grid->start[c], end = grid->start[c + 1];

      grid->start[c] = n;
      for (guint k = begin; k < end; k++)
        if (k == begin || sorted[k] != sorted[k - 1])
          grid->items[n++] = sorted[k];
    }
  grid->start[n_cells] = n;

  if (gb->big->len > 0)
    qsort (gb->big->data, gb->big->len, sizeof (guint), guint_compare);
  grid->n_big = gb->big->len;
  grid->big = (guint *) (void *) g_array_free (gb->big, FALSE);
  g_array_unref (gb->pairs);
}

static void
grid_size (AmSceneGrid         *grid,
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
                  AmSceneGrid         *grid,
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
      guint n = (guint) CLAMP (ceil (poly / cell), 1.0, (double) AM_BEZIER_MAX_PIECES);
      double pad;
      AmPoint prev = p[0];

      n = MAX (n, am_bezier_pieces_for_flatness (p, 0.5 * cell));
      pad = am_bezier_flatness_for_pieces (p, n);

      for (guint j = 1; j <= n; j++)
        {
          AmPoint cur = am_bezier_point (p, (double) j / n);

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
          double w = am_arrow_half_width (&e->points[e->n_points - 1], &e->head);
          ok = grid_build_add_box (&gb, i, e->head.x - w, e->head.y - w,
                                   e->head.x + w, e->head.y + w);
        }
      if (ok && e->has_tail)
        {
          double w = am_arrow_half_width (&e->points[0], &e->tail);
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
grid_clear (AmSceneGrid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  g_clear_pointer (&grid->big, g_free);
}

/* Appends the candidates from the cells @rect covers, sorted and without duplicates.
 * @n_items: how many items the grid indexes.  A large rectangle over long edges meets
 * each of them in many cells (at 20 000 actors, a view a sixteenth of the map wide
 * collects millions of repeats): then the items are marked in a table and read back in
 * order, which costs the repeats and the table, where sorting them cost 200 ms. */
static void
grid_query (const AmSceneGrid   *grid,
            const AmRect *bounds,
            const AmRect *rect,
            guint         n_items,
            GArray       *out)
{
  guint first = out->len;
  guint c0, r0, c1, r1;
  guint n = first;
  guint64 total = grid->n_big;

  grid_cell_range (grid, bounds, rect->x, rect->y, rect->x + rect->width,
                   rect->y + rect->height, &c0, &r0, &c1, &r1);

  for (guint r = r0; r <= r1; r++)
    total += grid->start[r * grid->cols + c1 + 1] - grid->start[r * grid->cols + c0];

  if (total > 4096 && total > n_items / 4)
    {
      g_autofree guint8 *marks = g_new0 (guint8, MAX (n_items, 1));

      for (guint r = r0; r <= r1; r++)
        for (guint k = grid->start[r * grid->cols + c0]; k < grid->start[r * grid->cols + c1 + 1]; k++)
          marks[grid->items[k]] = 1;
      for (guint k = 0; k < grid->n_big; k++)
        marks[grid->big[k]] = 1;
      for (guint i = 0; i < n_items; i++)
        if (marks[i])
          g_array_append_val (out, i);
      return;
    }

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

void
_am_scene_index_build (AmScene *self)
{
  index_nodes (self);
  index_edges (self);
}

void
_am_scene_index_clear (AmScene *self)
{
  grid_clear (&self->node_grid);
  grid_clear (&self->edge_grid);
}

/* Distance from (x, y) to what is drawn for @edge: curve, arrowheads, label box. */
static double
edge_distance (const AmSceneEdge *edge,
               double             x,
               double             y)
{
  double best = INFINITY;

  if (edge->has_label)
    best = am_rect_distance_to_point (&edge->label_box, x, y);

  if (edge->has_head)
    best = MIN (best, am_point_segment_distance (x, y, &edge->points[edge->n_points - 1],
                                                 &edge->head));
  if (edge->has_tail)
    best = MIN (best, am_point_segment_distance (x, y, &edge->points[0], &edge->tail));

  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    best = MIN (best, am_point_bezier_distance (x, y, &edge->points[k], HIT_FLATNESS));

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
  if (!am_rect_intersects (&probe, &self->bounds))
    return AM_SCENE_HIT_NONE;

  cand = g_array_new (FALSE, FALSE, sizeof (guint));

  grid_query (&self->edge_grid, &self->bounds, &probe, self->n_edges, cand);
  for (guint i = 0; i < cand->len; i++)
    {
      guint e = g_array_index (cand, guint, i);
      double d;

      if (!am_rect_intersects (&probe, &self->edges[e].bounds))
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
  grid_query (&self->node_grid, &self->bounds, &probe, self->n_nodes, cand);
  for (guint i = cand->len; i > 0; i--)
    {
      guint n = g_array_index (cand, guint, i - 1);

      if (am_rect_intersects (&probe, &self->nodes[n].box))
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

  if (!am_rect_is_finite (rect) || rect->width < 0 || rect->height < 0 ||
      !am_rect_intersects (rect, &self->bounds))
    return;

  if (node_indexes != NULL)
    {
      guint first = node_indexes->len, n = first;

      grid_query (&self->node_grid, &self->bounds, rect, self->n_nodes, node_indexes);
      for (guint i = first; i < node_indexes->len; i++)
        {
          guint v = g_array_index (node_indexes, guint, i);
          if (am_rect_intersects (rect, &self->nodes[v].box))
            g_array_index (node_indexes, guint, n++) = v;
        }
      g_array_set_size (node_indexes, n);
    }

  if (edge_indexes != NULL)
    {
      guint first = edge_indexes->len, n = first;

      grid_query (&self->edge_grid, &self->bounds, rect, self->n_edges, edge_indexes);
      for (guint i = first; i < edge_indexes->len; i++)
        {
          guint v = g_array_index (edge_indexes, guint, i);
          if (am_rect_intersects (rect, &self->edges[v].bounds))
            g_array_index (edge_indexes, guint, n++) = v;
        }
      g_array_set_size (edge_indexes, n);
    }
}
