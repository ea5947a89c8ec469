/* am-node-spread.c — moving nodes apart after a force-directed engine, quickly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz's own overlap removal (overlap=false: a GTS triangulation and the prism
 * algorithm) was most of the layout time of large maps (issue 10: 5 000 actors took
 * 15–17 s with sfdp).  The engines now run with overlap=true and the nodes are moved
 * apart here, in three steps:
 *   1. when some boxes overlap and the boxes, grown by the gap, cover more than a
 *      quarter of the drawing's box, the drawing is scaled up about its centre (the
 *      engines place nodes about an edge length apart, less than a node's width);
 *   2. a few sweeps push each overlapping pair apart along the axis where they overlap
 *      least, half each; pairs are found through a hashed grid of cells one node wide,
 *      so a sweep costs O(n) for a spread-out drawing (small maps end here);
 *   3. when overlaps are left (the dense knots of hubs and their leaves), the nodes are
 *      packed in rows: to the nearest row, and apart by the gap in their order along it
 *      with the least movement (pack_rows()).  No overlap is left by construction.
 * Nodes are visited in index order and every step is plain arithmetic: the same input
 * gives the same positions.  Coordinates are any axis-aligned frame (Graphviz's y-up
 * points are fine): nothing here depends on which way y grows.
 *
 * No Graphviz here.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-layout-private.h"

/* Step 1 aims at boxes covering at most this share of the drawing. */
#define TARGET_DENSITY   0.25
/* The largest factor step 1 scales by (sfdp draws 20 000 nodes in a box a few hundred
 * node widths across). */
#define MAX_SCALE        10000.0
/* More overlapping pairs than this many per node after a sweep: a knot no number of
 * sweeps unties, pack in rows at once (each sweep costs as much as there are pairs). */
#define KNOT_PAIRS       4
/* Sweeps before packing in rows: SWEEP_WORK node visits in all, at least MIN_SWEEPS and
 * at most MAX_SWEEPS (a small map unties in a few hundred; a knot of a hub's leaves in a
 * large one does not untie in hundreds). */
#define SWEEP_WORK       100000
#define MIN_SWEEPS       8
#define MAX_SWEEPS       1000
/* Packing in rows stretches the rows apart by this factor at a time, at most this many
 * times, until the packed drawing is at most ROW_ASPECT_SLACK times as wide for its
 * height as the engine's drawing. */
#define ROW_STRETCH       1.5
#define MAX_ROW_STRETCHES 24
#define ROW_ASPECT_SLACK  2.0
/* Each push goes this far past touching, so a resolved pair stays resolved. */
#define PUSH_SLACK       0.01

typedef struct
{
  AmPoint      *c;
  const double *w;
  const double *h;
  guint         n;
  double        gap;
  double        extra_area;   /* room the edge labels will need, in square points */
  double        cell;
  /* The hashed grid: node indexes sorted by bucket (items), bucket b's nodes are
   * items[start[b] .. start[b + 1]). */
  guint         n_buckets;
  guint        *start;
  guint        *items;
  gint64       *cx;
  gint64       *cy;
} Spread;

static guint
bucket_of (const Spread *s,
           gint64        cx,
           gint64        cy)
{
  guint64 h = (guint64) cx * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^
              (guint64) cy * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);

  return (guint) ((h ^ (h >> 29)) & (s->n_buckets - 1));
}

static void
grid_build (Spread *s)
{
  memset (s->start, 0, (s->n_buckets + 1) * sizeof (guint));
  for (guint i = 0; i < s->n; i++)
    {
      s->cx[i] = (gint64) floor (s->c[i].x / s->cell);
      s->cy[i] = (gint64) floor (s->c[i].y / s->cell);
      s->start[bucket_of (s, s->cx[i], s->cy[i]) + 1]++;
    }
  for (guint b = 0; b < s->n_buckets; b++)
    s->start[b + 1] += s->start[b];
  {
    g_autofree guint *fill = g_memdup2 (s->start, s->n_buckets * sizeof (guint));

    for (guint i = 0; i < s->n; i++)
      s->items[fill[bucket_of (s, s->cx[i], s->cy[i])]++] = i;
  }
}

/* How far the boxes of @i and @j, each grown by half the gap, overlap on each axis. */
static gboolean
overlap (const Spread *s,
         guint         i,
         guint         j,
         double       *ox,
         double       *oy)
{
  double dx = fabs (s->c[j].x - s->c[i].x), dy = fabs (s->c[j].y - s->c[i].y);

  *ox = (s->w[i] + s->w[j]) / 2 + s->gap - dx;
  *oy = (s->h[i] + s->h[j]) / 2 + s->gap - dy;
  return *ox > 0 && *oy > 0;
}

/* Pushes @i and @j apart; the direction of coincident centres follows the indexes. */
static void
push (Spread *s,
      guint   i,
      guint   j,
      double  ox,
      double  oy)
{
  if (ox <= oy)
    {
      double d = (ox + PUSH_SLACK) / 2;
      double sign = s->c[j].x > s->c[i].x || (s->c[j].x == s->c[i].x && j > i) ? 1 : -1;

      s->c[i].x -= sign * d;
      s->c[j].x += sign * d;
    }
  else
    {
      double d = (oy + PUSH_SLACK) / 2;
      double sign = s->c[j].y > s->c[i].y || (s->c[j].y == s->c[i].y && j > i) ? 1 : -1;

      s->c[i].y -= sign * d;
      s->c[j].y += sign * d;
    }
}

/* One sweep over every pair in neighbouring cells (of the grid as built); returns how
 * many pairs overlapped, and with @apply pushes each apart. */
static guint
sweep (Spread   *s,
       gboolean  apply)
{
  guint pushed = 0;

  for (guint i = 0; i < s->n; i++)
    for (int ddx = -1; ddx <= 1; ddx++)
      for (int ddy = -1; ddy <= 1; ddy++)
        {
          gint64 cx = s->cx[i] + ddx, cy = s->cy[i] + ddy;
          guint b = bucket_of (s, cx, cy);

          for (guint k = s->start[b]; k < s->start[b + 1]; k++)
            {
              guint j = s->items[k];
              double ox, oy;

              /* Each pair once, and only from the cell it is really in (buckets are
               * shared by cells that hash alike). */
              if (j <= i || s->cx[j] != cx || s->cy[j] != cy)
                continue;
              if (overlap (s, i, j, &ox, &oy))
                {
                  if (apply)
                    push (s, i, j, ox, oy);
                  pushed++;
                }
            }
        }

  return pushed;
}

/* Step 1: scale the centres about their middle until the grown boxes cover at most
 * TARGET_DENSITY of the drawing. */
static gboolean
scale_up (Spread *s)
{
  double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
  double area = 0, box, factor, mx, my;

  for (guint i = 0; i < s->n; i++)
    {
      minx = MIN (minx, s->c[i].x - s->w[i] / 2);
      maxx = MAX (maxx, s->c[i].x + s->w[i] / 2);
      miny = MIN (miny, s->c[i].y - s->h[i] / 2);
      maxy = MAX (maxy, s->c[i].y + s->h[i] / 2);
      area += (s->w[i] + s->gap) * (s->h[i] + s->gap);
    }
  area += s->extra_area;
  box = (maxx - minx) * (maxy - miny);
  if (!(box > 0) || area <= TARGET_DENSITY * box)
    return FALSE;

  factor = MIN (sqrt (area / (TARGET_DENSITY * box)), MAX_SCALE);
  mx = (minx + maxx) / 2;
  my = (miny + maxy) / 2;
  for (guint i = 0; i < s->n; i++)
    {
      s->c[i].x = mx + (s->c[i].x - mx) * factor;
      s->c[i].y = my + (s->c[i].y - my) * factor;
    }

  return TRUE;
}

/* Step 3, row by row: nodes sorted by row, then by x (then by index). */
typedef struct
{
  gint64 row;
  double x;
  guint  index;
} RowItem;

static int
row_item_compare (const void *a,
                  const void *b)
{
  const RowItem *p = a, *q = b;

  if (p->row != q->row)
    return p->row < q->row ? -1 : 1;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return p->index < q->index ? -1 : (p->index > q->index);
}

/*
 * Step 3, when the sweeps left overlaps (a dense knot): every node goes to the nearest
 * row (rows as tall as the tallest node and the gap, so nodes in different rows never
 * meet), and in each row the nodes keep their order and move as little as possible
 * (least squares) to be the gap apart: with the offsets o_k of a rigid row, x_k = s + o_k
 * for each run of touching nodes, whose best s is the mean of x_k − o_k; two runs must
 * merge exactly when the left one's s exceeds the right one's (pool adjacent violators).
 * O(n log n), and no overlap is left by construction.
 */
/* The nodes in rows for a vertical stretch @k: sorted by row, then x.  Returns how the
 * packed drawing's width (its longest row, packed tight, or its x extent) compares with
 * its height. */
static double
assign_rows (Spread  *s,
             RowItem *items,
             double   row_height,
             double   k)
{
  double longest = 0, minx = INFINITY, maxx = -INFINITY;
  gint64 first, last;

  for (guint i = 0; i < s->n; i++)
    {
      items[i] = (RowItem) { (gint64) floor (k * s->c[i].y / row_height + 0.5), s->c[i].x, i };
      minx = MIN (minx, s->c[i].x);
      maxx = MAX (maxx, s->c[i].x);
    }
  qsort (items, s->n, sizeof (RowItem), row_item_compare);

  for (guint a = 0; a < s->n;)
    {
      double length = 0;
      guint b = a;

      for (; b < s->n && items[b].row == items[a].row; b++)
        length += s->w[items[b].index] + s->gap;
      longest = MAX (longest, length);
      a = b;
    }

  first = items[0].row;
  last = items[s->n - 1].row;
  return MAX (longest, maxx - minx) / ((double) (last - first + 1) * row_height);
}

static void
pack_rows (Spread *s)
{
  g_autofree RowItem *items = g_new (RowItem, s->n);
  g_autofree double *value = g_new (double, s->n);     /* x_k − o_k */
  g_autofree double *offset = g_new (double, s->n);    /* o_k */
  g_autofree guint *run_start = g_new (guint, s->n);
  g_autofree double *run_sum = g_new (double, s->n);
  double row_height = 0, miny = INFINITY, maxy = -INFINITY, minx = INFINITY, maxx = -INFINITY;
  double aspect, stretch = 1;

  for (guint i = 0; i < s->n; i++)
    {
      row_height = MAX (row_height, s->h[i]);
      minx = MIN (minx, s->c[i].x);
      maxx = MAX (maxx, s->c[i].x);
      miny = MIN (miny, s->c[i].y);
      maxy = MAX (maxy, s->c[i].y);
    }
  row_height += s->gap;
  aspect = (maxx - minx + row_height) / (maxy - miny + row_height);

  /* The knot's rows hold far more nodes than the rest: packed at the drawing's own
   * height they made a 20 000-actor map a band a hundred times wider than tall.  The
   * rows are stretched apart (more rows, fewer nodes each) until the packed drawing is
   * at most twice as wide, for its height, as the engine's was. */
  for (guint tries = 0; tries < MAX_ROW_STRETCHES &&
                        assign_rows (s, items, row_height, stretch) > ROW_ASPECT_SLACK * aspect;
       tries++)
    stretch *= ROW_STRETCH;

  for (guint a = 0; a < s->n;)
    {
      guint b = a, n_runs = 0;

      while (b < s->n && items[b].row == items[a].row)
        b++;

      /* Pool adjacent violators over the row items[a .. b). */
      for (guint k = a; k < b; k++)
        {
          guint i = items[k].index;

          offset[k] = k == a ? 0 : offset[k - 1] + (s->w[items[k - 1].index] + s->w[i]) / 2 + s->gap;
          value[k] = items[k].x - offset[k];
          run_start[n_runs] = k;
          run_sum[n_runs] = value[k];
          n_runs++;
          while (n_runs > 1)
            {
              guint r = n_runs - 1;
              double left = run_sum[r - 1] / (run_start[r] - run_start[r - 1]);
              double right = run_sum[r] / (k + 1 - run_start[r]);

              if (left <= right)
                break;
              run_sum[r - 1] += run_sum[r];
              n_runs--;
            }
        }

      for (guint r = 0; r < n_runs; r++)
        {
          guint end = r + 1 < n_runs ? run_start[r + 1] : b;
          double base = run_sum[r] / (end - run_start[r]);

          for (guint k = run_start[r]; k < end; k++)
            {
              guint i = items[k].index;

              s->c[i].x = base + offset[k];
              s->c[i].y = items[k].row * row_height;
            }
        }
      a = b;
    }
}

/**
 * _am_spread_nodes:
 * @centres: (inout): the node centres, in points
 * @widths: the node widths, in points
 * @heights: the node heights, in points
 * @n: how many nodes
 * @gap: the room to keep between two boxes, in points
 * @extra_area: more room the drawing should have when it is scaled up (the edge labels'
 *   area), in square points
 *
 * Moves the nodes so that no two boxes overlap: afterwards every two boxes are at least
 * @gap apart on one axis.
 *
 * Returns: whether any node moved
 */
gboolean
_am_spread_nodes (AmPoint      *centres,
                  const double *widths,
                  const double *heights,
                  guint         n,
                  double        gap,
                  double        extra_area)
{
  Spread s = { centres, widths, heights, n, gap, extra_area, 0, };
  guint max_sweeps = CLAMP (SWEEP_WORK / MAX (n, 1), MIN_SWEEPS, MAX_SWEEPS);
  gboolean moved;
  double largest = 1;

  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    largest = MAX (largest, MAX (widths[i], heights[i]));
  /* Two grown boxes overlap only when their centres are less than a cell apart on
   * both axes: neighbouring cells hold every candidate. */
  s.cell = largest + gap;
  s.n_buckets = 1;
  while (s.n_buckets < 2 * n)
    s.n_buckets <<= 1;
  s.start = g_new (guint, s.n_buckets + 1);
  s.items = g_new (guint, n);
  s.cx = g_new (gint64, n);
  s.cy = g_new (gint64, n);

  grid_build (&s);
  moved = sweep (&s, FALSE) > 0;
  if (moved)
    {
      guint k, left = 0;

      scale_up (&s);
      for (k = 0; k < max_sweeps; k++)
        {
          grid_build (&s);
          left = sweep (&s, TRUE);
          if (left == 0 || left > KNOT_PAIRS * (guint64) n)
            break;
        }
      if (left > 0)
        {
          g_debug ("node spread: %u nodes, %u pairs still overlapping after %u sweeps: "
                   "packed in rows", n, left, k);
          pack_rows (&s);
        }
    }

  g_free (s.start);
  g_free (s.items);
  g_free (s.cx);
  g_free (s.cy);

  return moved;
}
