/* am-label-place.c — edge labels where they hide no word: off nodes and off each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz places edge labels well only in dot; neato puts them on the curve's middle
 * whatever lies there, and sfdp, circo and twopi not at all.  So, once the nodes and
 * curves are where the engine put them, every label is placed here: labels in order
 * (shorter edges first: they have the least room), each at the first free spot among
 *   1. where the engine put it (or the curve's middle);
 *   2. points along its curve, middle first, each on the curve and on either side of it;
 *   3. rings around the curve's middle, a little further out each time, joined to the
 *      curve by a short leader line;
 * and when none is free, at the spot that overlaps least.  "Free" means that the label's
 * footprint (its box plus the background the renderer draws around the text) meets no
 * node box and no footprint placed before.  A uniform grid over the scene holds the node
 * boxes and the footprints placed so far, so one check costs the few cells it covers.
 *
 * No Graphviz here: this works on scene values (points, y down).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-scene-private.h"
#include "am-text-metrics.h"

/* The background the renderer draws around a label's text (LABEL_PADDING_X/_Y in
 * am-renderer.c) and half a point more, so that backgrounds do not touch either. */
#define FOOT_PAD_X        3.0
#define FOOT_PAD_Y        1.5
/* Beside the curve: this far between the curve and the footprint. */
#define SIDE_GAP          1.0
/* Along the curve, as fractions of its length: middle first, then outwards. */
static const double ALONG[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82 };
/* Samples of each cubic piece, to walk the curve by length. */
#define SAMPLES_PER_CUBIC 12
/* Rings off the curve: how many, and how far apart at least (points). */
#define RINGS             10
#define RING_MIN_STEP     10.0
#define RING_MAX_SPOTS    48
/* Ring spots tried in all, at most this many per label and this many more: a map so
 * crowded that most labels reach the rings keeps its layout time (the labels left then
 * take the spot along their curve that overlaps least). */
#define RING_BUDGET_PER_LABEL 64
#define RING_BUDGET_BASE      20000
/* Rings further out for a label the first RINGS left without a free spot, with a budget
 * of their own, so that on a crowded map they take nothing from the other labels' rings.
 * Ten rings were not always enough in the article map's dense middle: depending on the
 * drawing fdp, sfdp or circo made, one label was left over a node. */
#define OUTER_RINGS           24
#define OUTER_RING_BUDGET     20000
/* The grid: cells of at least this size, and at most this many of them. */
#define GRID_MIN_CELL     48.0
#define GRID_MAX_CELLS    (1 << 20)

typedef struct
{
  guint   cols, rows;
  double  cell_w, cell_h;
  GArray **cells;        /* cols * rows, created on first use: indexes into rects */
  GArray *rects;         /* AmRect: node boxes, then footprints */
  GArray *stamps;        /* guint per rect: the query that last met it */
  guint   query;
} Grid;

static void
grid_init (Grid         *grid,
           const AmRect *bounds)
{
  double cell = GRID_MIN_CELL;

  while ((bounds->width / cell + 1) * (bounds->height / cell + 1) > GRID_MAX_CELLS)
    cell *= 2;

  grid->cols = (guint) ceil (bounds->width / cell) + 1;
  grid->rows = (guint) ceil (bounds->height / cell) + 1;
  grid->cell_w = cell;
  grid->cell_h = cell;
  grid->cells = g_new0 (GArray *, (gsize) grid->cols * grid->rows);
  grid->rects = g_array_new (FALSE, FALSE, sizeof (AmRect));
  grid->stamps = g_array_new (FALSE, TRUE, sizeof (guint));
  grid->query = 0;
}

static void
grid_clear (Grid *grid)
{
  for (gsize i = 0; i < (gsize) grid->cols * grid->rows; i++)
    if (grid->cells[i] != NULL)
      g_array_unref (grid->cells[i]);
  g_free (grid->cells);
  g_array_unref (grid->rects);
  g_array_unref (grid->stamps);
}

/* The cells @r covers, clamped to the grid. */
static void
grid_span (const Grid   *grid,
           const AmRect *r,
           guint        *c0,
           guint        *c1,
           guint        *r0,
           guint        *r1)
{
  double x0 = floor (r->x / grid->cell_w), x1 = floor ((r->x + r->width) / grid->cell_w);
  double y0 = floor (r->y / grid->cell_h), y1 = floor ((r->y + r->height) / grid->cell_h);

  *c0 = (guint) CLAMP (x0, 0, grid->cols - 1);
  *c1 = (guint) CLAMP (x1, 0, grid->cols - 1);
  *r0 = (guint) CLAMP (y0, 0, grid->rows - 1);
  *r1 = (guint) CLAMP (y1, 0, grid->rows - 1);
}

static void
grid_insert (Grid         *grid,
             const AmRect *r)
{
  guint index = grid->rects->len, zero = 0;
  guint c0, c1, r0, r1;

  g_array_append_val (grid->rects, *r);
  g_array_append_val (grid->stamps, zero);
  grid_span (grid, r, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray **cell = &grid->cells[(gsize) row * grid->cols + col];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

/* The area @r shares with the rects in the grid, each counted once; 0 when it is free. */
static double
grid_overlap (Grid         *grid,
              const AmRect *r)
{
  guint *stamps = (guint *) (void *) grid->stamps->data;
  const AmRect *rects = (const AmRect *) (void *) grid->rects->data;
  guint c0, c1, r0, r1;
  double area = 0;

  if (++grid->query == 0)
    {
      memset (stamps, 0, grid->stamps->len * sizeof (guint));
      grid->query = 1;
    }

  grid_span (grid, r, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray *cell = grid->cells[(gsize) row * grid->cols + col];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);
            double w, h;

            if (stamps[i] == grid->query)
              continue;
            stamps[i] = grid->query;
            w = MIN (r->x + r->width, rects[i].x + rects[i].width) - MAX (r->x, rects[i].x);
            h = MIN (r->y + r->height, rects[i].y + rects[i].height) - MAX (r->y, rects[i].y);
            if (w > 0 && h > 0)
              area += w * h;
          }
      }

  return area;
}

/* An edge's curve as a polyline, with the length walked up to each vertex. */
typedef struct
{
  GArray *points;   /* AmPoint */
  GArray *lengths;  /* double */
} Path;

static void
path_sample (Path              *path,
             const AmSceneEdge *edge)
{
  AmPoint first = edge->points[0];
  double walked = 0;

  g_array_set_size (path->points, 0);
  g_array_set_size (path->lengths, 0);
  g_array_append_val (path->points, first);
  g_array_append_val (path->lengths, walked);

  for (guint c = 0; c + 3 < edge->n_points; c += 3)
    for (guint j = 1; j <= SAMPLES_PER_CUBIC; j++)
      {
        AmPoint p = am_bezier_point (&edge->points[c], (double) j / SAMPLES_PER_CUBIC);
        AmPoint q = g_array_index (path->points, AmPoint, path->points->len - 1);

        walked += hypot (p.x - q.x, p.y - q.y);
        g_array_append_val (path->points, p);
        g_array_append_val (path->lengths, walked);
      }
}

/* The point at @fraction of the path's length, and the unit direction there. */
static void
path_at (const Path *path,
         double      fraction,
         AmPoint    *point,
         AmPoint    *direction)
{
  const AmPoint *p = (const AmPoint *) (void *) path->points->data;
  const double *len = (const double *) (void *) path->lengths->data;
  guint n = path->points->len;
  double target = fraction * len[n - 1];
  guint i = 1;
  double seg, t;

  while (i < n - 1 && len[i] < target)
    i++;

  seg = len[i] - len[i - 1];
  t = seg > 0 ? (target - len[i - 1]) / seg : 0;
  point->x = p[i - 1].x + (p[i].x - p[i - 1].x) * t;
  point->y = p[i - 1].y + (p[i].y - p[i - 1].y) * t;
  if (seg > 0)
    *direction = (AmPoint) { (p[i].x - p[i - 1].x) / seg, (p[i].y - p[i - 1].y) / seg };
  else
    *direction = (AmPoint) { 1, 0 };
}

/* One label being placed: its size, and the best spot met so far. */
typedef struct
{
  const AmRect *bounds;
  Grid         *grid;
  double        w, h;          /* the label box */
  gboolean      found;
  double        best_area;
  AmRect        best_box;
  gboolean      best_leader;
  AmPoint       best_anchor;
} Spot;

static AmRect
footprint (const AmRect *box)
{
  return (AmRect) { box->x - FOOT_PAD_X, box->y - FOOT_PAD_Y,
                    box->width + 2 * FOOT_PAD_X, box->height + 2 * FOOT_PAD_Y };
}

/* Tries the label centred at (cx, cy), kept inside the bounds; @anchor (nullable) is the
 * point on the curve a leader line goes to.  TRUE when the spot is free (and taken). */
static gboolean
spot_try (Spot          *spot,
          double         cx,
          double         cy,
          const AmPoint *anchor)
{
  AmRect box = { cx - spot->w / 2, cy - spot->h / 2, spot->w, spot->h };
  AmRect foot;
  double area;

  box.x = CLAMP (box.x, spot->bounds->x, spot->bounds->x + spot->bounds->width - box.width);
  box.y = CLAMP (box.y, spot->bounds->y, spot->bounds->y + spot->bounds->height - box.height);
  foot = footprint (&box);
  area = grid_overlap (spot->grid, &foot);

  if (area < spot->best_area)
    {
      spot->best_area = area;
      spot->best_box = box;
      spot->best_leader = anchor != NULL;
      if (anchor != NULL)
        spot->best_anchor = *anchor;
    }
  spot->found = area <= 0;

  return spot->found;
}

/* Along the curve: on it, then on either side, middle first. */
static gboolean
try_along (Spot       *spot,
           const Path *path)
{
  double half_w = spot->w / 2 + FOOT_PAD_X, half_h = spot->h / 2 + FOOT_PAD_Y;

  for (guint k = 0; k < G_N_ELEMENTS (ALONG); k++)
    {
      AmPoint p, d, n;
      double off;

      path_at (path, ALONG[k], &p, &d);
      n = (AmPoint) { -d.y, d.x };
      /* Far enough along the normal that the footprint clears the curve there. */
      off = fabs (n.x) * half_w + fabs (n.y) * half_h + SIDE_GAP;

      if (spot_try (spot, p.x, p.y, NULL) ||
          spot_try (spot, p.x + n.x * off, p.y + n.y * off, NULL) ||
          spot_try (spot, p.x - n.x * off, p.y - n.y * off, NULL))
        return TRUE;
    }

  return FALSE;
}

/* Off the curve: rings @first to @last around its middle, nearest first, joined back by
 * a leader; each spot tried costs one from @budget. */
static gboolean
try_rings (Spot       *spot,
           const Path *path,
           guint       first,
           guint       last,
           guint      *budget)
{
  double step = MAX (spot->h + 2 * FOOT_PAD_Y, RING_MIN_STEP);
  AmPoint anchor, d;

  path_at (path, 0.5, &anchor, &d);

  for (guint ring = first; ring <= last; ring++)
    {
      /* Radii measured from the label's edge, not its centre: a wide label needs more. */
      double rx = spot->w / 2 + FOOT_PAD_X + ring * step;
      double ry = spot->h / 2 + FOOT_PAD_Y + ring * step;
      guint n_dirs = CLAMP ((guint) ceil (2 * G_PI * MAX (rx, ry) / step), 8, RING_MAX_SPOTS);

      for (guint k = 0; k < n_dirs; k++)
        {
          double a = 2 * G_PI * k / n_dirs;

          if (*budget == 0)
            return FALSE;
          (*budget)--;

          if (spot_try (spot, anchor.x + rx * cos (a), anchor.y + ry * sin (a), &anchor))
            return TRUE;
        }
    }

  return FALSE;
}

/* The point of @box nearest to @p (on its border when @p is outside). */
static AmPoint
nearest_on_box (const AmRect  *box,
                const AmPoint *p)
{
  return (AmPoint) { CLAMP (p->x, box->x, box->x + box->width),
                     CLAMP (p->y, box->y, box->y + box->height) };
}

typedef struct
{
  guint  edge;
  double length;
} Order;

static int
order_compare (gconstpointer a,
               gconstpointer b)
{
  const Order *x = a, *y = b;

  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return x->edge < y->edge ? -1 : x->edge > y->edge;
}

/* The length of the control polygon: cheap, and orders edges much as their length does. */
static double
polygon_length (const AmSceneEdge *edge)
{
  double length = 0;

  for (guint i = 1; i < edge->n_points; i++)
    length += hypot (edge->points[i].x - edge->points[i - 1].x,
                     edge->points[i].y - edge->points[i - 1].y);
  return length;
}

/* The label's text size, measured once per distinct text. */
static void
measure (GHashTable *sizes,
         const char *text,
         double     *w,
         double     *h)
{
  double *size = g_hash_table_lookup (sizes, text);

  if (size == NULL)
    {
      size = g_new (double, 2);
      am_text_metrics_measure_label (text, &size[0], &size[1]);
      g_hash_table_insert (sizes, (gpointer) text, size);
    }
  *w = size[0];
  *h = size[1];
}

void
_am_place_edge_labels (const AmRect      *bounds,
                       const AmSceneNode *nodes,
                       guint              n_nodes,
                       AmSceneEdge       *edges,
                       guint              n_edges)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (Order));
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  Path path = { g_array_new (FALSE, FALSE, sizeof (AmPoint)),
                g_array_new (FALSE, FALSE, sizeof (double)) };
  guint n_moved = 0, n_leaders = 0, n_overlapping = 0;
  gint64 start = g_get_monotonic_time ();
  guint ring_budget, outer_budget = OUTER_RING_BUDGET;
  Grid grid;

  for (guint i = 0; i < n_edges; i++)
    if (edges[i].has_label && edges[i].label != NULL && edges[i].n_points >= 4)
      {
        Order o = { i, polygon_length (&edges[i]) };
        g_array_append_val (order, o);
      }
  if (order->len == 0)
    goto out_paths;
  g_array_sort (order, order_compare);
  ring_budget = RING_BUDGET_BASE + RING_BUDGET_PER_LABEL * MIN (order->len, G_MAXUINT / 128);

  grid_init (&grid, bounds);
  for (guint i = 0; i < n_nodes; i++)
    grid_insert (&grid, &nodes[i].box);

  for (guint k = 0; k < order->len; k++)
    {
      AmSceneEdge *edge = &edges[g_array_index (order, Order, k).edge];
      AmRect old = edge->label_box;
      Spot spot = { bounds, &grid, 0, 0, FALSE, INFINITY, old, FALSE, { 0, 0 } };
      double tw, th;
      AmRect foot;

      /* The renderer draws the text at its own size, centred on the box: the box covers it. */
      measure (sizes, edge->label, &tw, &th);
      spot.w = MIN (MAX (old.width, tw), bounds->width);
      spot.h = MIN (MAX (old.height, th), bounds->height);

      path_sample (&path, edge);
      if (!spot_try (&spot, old.x + old.width / 2, old.y + old.height / 2, NULL) &&
          !try_along (&spot, &path) &&
          !try_rings (&spot, &path, 1, RINGS, &ring_budget) &&
          ring_budget > 0)
        try_rings (&spot, &path, RINGS + 1, OUTER_RINGS, &outer_budget);

      if (!spot.found)
        n_overlapping++;
      if (fabs (spot.best_box.x + spot.best_box.width / 2 - old.x - old.width / 2) > 0.5 ||
          fabs (spot.best_box.y + spot.best_box.height / 2 - old.y - old.height / 2) > 0.5)
        n_moved++;

      edge->label_box = spot.best_box;
      edge->has_leader = spot.best_leader;
      if (spot.best_leader)
        {
          edge->leader_to = spot.best_anchor;
          edge->leader_from = nearest_on_box (&spot.best_box, &spot.best_anchor);
          n_leaders++;
        }
      foot = footprint (&spot.best_box);
      grid_insert (&grid, &foot);
    }

  g_debug ("edge labels: %u placed, %u moved, %u with a leader line, %u still overlapping, "
           "in %.1f ms", order->len, n_moved, n_leaders, n_overlapping,
           (g_get_monotonic_time () - start) / 1000.0);
  grid_clear (&grid);

out_paths:
  g_array_unref (path.points);
  g_array_unref (path.lengths);
}
