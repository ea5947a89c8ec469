/* am-layout-place.c — putting a node where it overlaps nothing, and cluster boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No Graphviz here: the request builder places nodes new to a map it keeps (keep mode),
 * and the Graphviz engine moves the nodes a pinned one landed on.  Both work in scene
 * coordinates (points, y down, the scene starting at (0, 0)).
 */
#include "config.h"

#include <math.h>

#include "am-geometry.h"
#include "am-layout-private.h"

/* The grid's cell, in points: about one node. */
#define CELL           96.0
#define MAX_CELL       65535
/* Candidate spots are this far apart, in points; rings of them grow around the wish. */
#define PLACE_STEP     8.0
#define PLACE_MAX_RINGS 300

struct _AmPlacer
{
  GArray     *boxes;   /* AmRect */
  GHashTable *grid;    /* packed cell → GArray of box indexes */
  double      minx, miny, maxx, maxy;
};

static guint
cell_of (double v)
{
  double c = floor (v / CELL);

  return (guint) CLAMP (c, 0, MAX_CELL);
}

static gpointer
cell_key (guint cx,
          guint cy)
{
  return GUINT_TO_POINTER (cx * (MAX_CELL + 1) + cy + 1);
}

AmPlacer *
_am_placer_new (void)
{
  AmPlacer *self = g_new0 (AmPlacer, 1);

  self->boxes = g_array_new (FALSE, FALSE, sizeof (AmRect));
  self->grid = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                      (GDestroyNotify) g_array_unref);
  self->minx = self->miny = INFINITY;
  self->maxx = self->maxy = -INFINITY;

  return self;
}

void
_am_placer_free (AmPlacer *self)
{
  g_array_unref (self->boxes);
  g_hash_table_unref (self->grid);
  g_free (self);
}

void
_am_placer_add (AmPlacer     *self,
                const AmRect *box)
{
  guint index = self->boxes->len;

  if (!am_rect_is_finite (box))
    return;

  g_array_append_val (self->boxes, *box);
  for (guint cx = cell_of (box->x); cx <= cell_of (box->x + box->width); cx++)
    for (guint cy = cell_of (box->y); cy <= cell_of (box->y + box->height); cy++)
      {
        GArray *cell = g_hash_table_lookup (self->grid, cell_key (cx, cy));

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (self->grid, cell_key (cx, cy), cell);
          }
        g_array_append_val (cell, index);
      }

  self->minx = MIN (self->minx, box->x);
  self->miny = MIN (self->miny, box->y);
  self->maxx = MAX (self->maxx, box->x + box->width);
  self->maxy = MAX (self->maxy, box->y + box->height);
}

gboolean
_am_placer_get_extent (AmPlacer *self,
                       AmRect   *extent)
{
  if (self->boxes->len == 0)
    return FALSE;

  *extent = (AmRect) { self->minx, self->miny, self->maxx - self->minx, self->maxy - self->miny };
  return TRUE;
}

/* Does @box, grown by the gap, meet a box already placed? */
static gboolean
is_taken (AmPlacer     *self,
          const AmRect *box)
{
  AmRect grown = { box->x - AM_PLACE_GAP, box->y - AM_PLACE_GAP,
                   box->width + 2 * AM_PLACE_GAP, box->height + 2 * AM_PLACE_GAP };

  for (guint cx = cell_of (grown.x); cx <= cell_of (grown.x + grown.width); cx++)
    for (guint cy = cell_of (grown.y); cy <= cell_of (grown.y + grown.height); cy++)
      {
        GArray *cell = g_hash_table_lookup (self->grid, cell_key (cx, cy));

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            const AmRect *other = &g_array_index (self->boxes, AmRect,
                                                  g_array_index (cell, guint, k));

            /* Strict: boxes exactly the gap apart do not overlap. */
            if (grown.x < other->x + other->width && other->x < grown.x + grown.width &&
                grown.y < other->y + other->height && other->y < grown.y + grown.height)
              return TRUE;
          }
      }

  return FALSE;
}

gboolean
_am_placer_is_free (AmPlacer     *self,
                    const AmRect *box)
{
  return !is_taken (self, box);
}

/* @box moved so its centre is (cx, cy), kept right of and below the margin. */
static AmRect
box_at (const AmRect *box,
        double        cx,
        double        cy)
{
  double x = MAX (cx - box->width / 2, AM_SCENE_MARGIN);
  double y = MAX (cy - box->height / 2, AM_SCENE_MARGIN);

  return (AmRect) { x, y, box->width, box->height };
}

/*
 * Square rings of candidate spots around the wish, nearest ring first; in the first ring
 * with a free spot, the spot nearest the wish wins.  Past the last ring the box goes to
 * the right of everything placed, which is always free.
 */
void
_am_placer_place (AmPlacer *self,
                  AmRect   *box)
{
  double cx = box->x + box->width / 2, cy = box->y + box->height / 2;
  AmRect extent;

  for (int ring = 0; ring <= PLACE_MAX_RINGS; ring++)
    {
      gboolean found = FALSE;
      double best_distance = INFINITY;
      AmRect best = *box;

      for (int i = -ring; i <= ring; i++)
        for (int j = -ring; j <= ring; j++)
          {
            AmRect candidate;
            double d;

            /* Only the ring's edge: the inside was tried before. */
            if (ABS (i) != ring && ABS (j) != ring)
              continue;
            candidate = box_at (box, cx + i * PLACE_STEP, cy + j * PLACE_STEP);
            d = hypot (candidate.x + candidate.width / 2 - cx,
                       candidate.y + candidate.height / 2 - cy);
            if (d < best_distance && !is_taken (self, &candidate))
              {
                best = candidate;
                best_distance = d;
                found = TRUE;
              }
          }

      if (found)
        {
          *box = best;
          _am_placer_add (self, box);
          return;
        }
    }

  if (_am_placer_get_extent (self, &extent))
    *box = box_at (box, extent.x + extent.width + AM_PLACE_GAP + box->width / 2,
                   cy);
  _am_placer_add (self, box);
}

/* ------------------------------------------------------------------------------------ */

void
_am_cluster_boxes (AmLayoutRequest *request,
                   const AmRect    *node_boxes,
                   GPtrArray       *ids,
                   GArray          *boxes)
{
  g_autoptr(GHashTable) by_group = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_nodes = am_layout_request_get_n_nodes (request);

  for (guint i = 0; i < n_nodes; i++)
    {
      const AmLayoutRequestNode *n = _am_layout_request_get_node (request, i);
      const AmRect *b = &node_boxes[i];
      gpointer found;
      AmRect *box;

      if (n->group == NULL)
        continue;
      if (!g_hash_table_lookup_extended (by_group, n->group, NULL, &found))
        {
          g_ptr_array_add (ids, n->group);
          g_array_append_val (boxes, *b);
          g_hash_table_insert (by_group, n->group, GUINT_TO_POINTER (boxes->len - 1));
          continue;
        }
      box = &g_array_index (boxes, AmRect, GPOINTER_TO_UINT (found));
      {
        double x2 = MAX (box->x + box->width, b->x + b->width);
        double y2 = MAX (box->y + box->height, b->y + b->height);

        box->x = MIN (box->x, b->x);
        box->y = MIN (box->y, b->y);
        box->width = x2 - box->x;
        box->height = y2 - box->y;
      }
    }

  for (guint i = 0; i < boxes->len; i++)
    {
      AmRect *box = &g_array_index (boxes, AmRect, i);
      const char *id = g_ptr_array_index (ids, i);
      const char *label = _am_layout_request_get_group_label (request, id);
      double tw = 0, th = 0, extra_w;

      /* As dot draws them: a margin around the members, the label at the top. */
      am_text_metrics_measure_node (label != NULL ? label : id, &tw, &th);
      box->x -= AM_CLUSTER_MARGIN;
      box->width += 2 * AM_CLUSTER_MARGIN;
      box->y -= AM_CLUSTER_MARGIN + th + 4;
      box->height += 2 * AM_CLUSTER_MARGIN + th + 4;
      extra_w = tw + 16 - box->width;
      if (extra_w > 0)
        {
          box->x -= extra_w / 2;
          box->width += extra_w;
        }
    }
}
