/* am-canvas-overlay.c — which items the canvas draws over its cached base, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-canvas-overlay.h"

/* How far from a label's box a highlighted stroke still touches it: half the selection
 * halo (2.5 + 2 × 2.5 points) plus the label's padding, rounded up. */
#define OVERLAY_LABEL_MARGIN 7.0

/* Marks an item with its incident edges and their other ends. */
static void
mark_neighbourhood (const AmScene *scene,
                    const char    *id,
                    guint8        *node_marks,
                    guint8        *edge_marks)
{
  gint index;

  if (id == NULL)
    return;

  if ((index = am_scene_find_node (scene, id)) >= 0)
    {
      const guint *edges, *neighbours;
      guint n_edges, n_neighbours;

      node_marks[index] = TRUE;
      edges = am_scene_get_node_edges (scene, index, &n_edges);
      for (guint k = 0; k < n_edges; k++)
        edge_marks[edges[k]] = TRUE;
      neighbours = am_scene_get_node_neighbours (scene, index, &n_neighbours);
      for (guint k = 0; k < n_neighbours; k++)
        node_marks[neighbours[k]] = TRUE;
    }
  else if ((index = am_scene_find_edge (scene, id)) >= 0)
    {
      edge_marks[index] = TRUE;
      node_marks[am_scene_get_edge_source_index (scene, index)] = TRUE;
      node_marks[am_scene_get_edge_target_index (scene, index)] = TRUE;
    }
}

static gboolean
point_in_rect (const AmPoint *p,
               const AmRect  *rect)
{
  return p->x >= rect->x && p->x <= rect->x + rect->width &&
         p->y >= rect->y && p->y <= rect->y + rect->height;
}

/* The curve is walked in pieces about this long (points), each sampled every few
 * points: only the labels near a piece are looked at.  Testing every label whose edge's
 * box met the marked edge's box took 70 ms when a hub was selected on the 20 000-actor
 * map: a long edge's box covers a good part of the map. */
#define PIECE_LENGTH  64.0
#define SAMPLE_STEP    4.0
#define MAX_SAMPLES   32

/* Marks in @label_marks the labels, near one piece of @marked's curve, that the piece
 * passes through (their boxes grown by OVERLAY_LABEL_MARGIN). */
static void
mark_labels_near_piece (const AmScene *scene,
                        GHashTable    *highlight,
                        const guint8  *edge_marks,
                        guint8        *label_marks,
                        const AmPoint *samples,
                        guint          n_samples,
                        GArray        *candidates)
{
  AmRect piece = { samples[0].x, samples[0].y, 0, 0 };

  for (guint i = 1; i < n_samples; i++)
    {
      double x2 = MAX (piece.x + piece.width, samples[i].x);
      double y2 = MAX (piece.y + piece.height, samples[i].y);

      piece.x = MIN (piece.x, samples[i].x);
      piece.y = MIN (piece.y, samples[i].y);
      piece.width = x2 - piece.x;
      piece.height = y2 - piece.y;
    }
  piece.x -= OVERLAY_LABEL_MARGIN;
  piece.y -= OVERLAY_LABEL_MARGIN;
  piece.width += 2 * OVERLAY_LABEL_MARGIN;
  piece.height += 2 * OVERLAY_LABEL_MARGIN;

  g_array_set_size (candidates, 0);
  am_scene_query_rect (scene, &piece, NULL, candidates);

  for (guint k = 0; k < candidates->len; k++)
    {
      guint c = g_array_index (candidates, guint, k);
      const AmSceneEdge *edge = am_scene_get_edge (scene, c);
      AmRect grown;

      if (edge_marks[c] || label_marks[c] || !edge->has_label ||
          edge->label == NULL || edge->label[0] == '\0')
        continue;
      /* A label the base dims stays under the stroke, faint as it is. */
      if (highlight != NULL && !g_hash_table_contains (highlight, edge->id))
        continue;

      grown = (AmRect) {
        edge->label_box.x - OVERLAY_LABEL_MARGIN, edge->label_box.y - OVERLAY_LABEL_MARGIN,
        edge->label_box.width + 2 * OVERLAY_LABEL_MARGIN,
        edge->label_box.height + 2 * OVERLAY_LABEL_MARGIN,
      };
      for (guint i = 0; i < n_samples; i++)
        if (point_in_rect (&samples[i], &grown))
          {
            label_marks[c] = TRUE;
            break;
          }
    }
}

/* Marks in @label_marks the edges, not already in the overlay, whose labels the
 * overlay's edges cross: the base drew those labels, and the overlay's strokes would
 * cover them. */
static void
mark_covered_labels (const AmScene *scene,
                     GHashTable    *highlight,
                     const guint8  *edge_marks,
                     guint8        *label_marks)
{
  guint n_edges = am_scene_get_n_edges (scene);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_marked = 0;

  for (guint i = 0; i < n_edges; i++)
    n_marked += edge_marks[i] ? 1 : 0;
  if (n_marked == 0 || n_marked > AM_CANVAS_OVERLAY_COVERED_LABELS_MAX_EDGES)
    return;

  for (guint i = 0; i < n_edges; i++)
    {
      const AmSceneEdge *marked;

      if (!edge_marks[i])
        continue;

      marked = am_scene_get_edge (scene, i);
      for (guint k = 0; k + 3 < marked->n_points; k += 3)
        {
          const AmPoint *p = &marked->points[k];
          double chord = hypot (p[1].x - p[0].x, p[1].y - p[0].y) +
                         hypot (p[2].x - p[1].x, p[2].y - p[1].y) +
                         hypot (p[3].x - p[2].x, p[3].y - p[2].y);
          guint n_pieces = CLAMP ((guint) ceil (chord / PIECE_LENGTH), 1, 1024);
          guint per_piece = CLAMP ((guint) ceil (chord / n_pieces / SAMPLE_STEP), 1,
                                   MAX_SAMPLES - 1);

          for (guint piece = 0; piece < n_pieces; piece++)
            {
              AmPoint samples[MAX_SAMPLES];

              /* Both ends of the piece: neighbouring pieces share a sample. */
              for (guint s = 0; s <= per_piece; s++)
                {
                  double t = (piece + (double) s / per_piece) / n_pieces, u = 1 - t;

                  samples[s] = (AmPoint) {
                    u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
                    u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y,
                  };
                }
              mark_labels_near_piece (scene, highlight, edge_marks, label_marks, samples,
                                      per_piece + 1, candidates);
            }
        }
    }
}

AmScene *
am_canvas_overlay_build (const AmScene *scene,
                         GHashTable    *highlight,
                         const char    *selected,
                         const char    *hovered,
                         GHashTable   **labels_only)
{
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *node_marks = NULL;
  g_autofree guint8 *edge_marks = NULL;
  g_autofree guint8 *label_marks = NULL;
  guint n_nodes, n_edges;
  gboolean any = FALSE;
  AmScene *overlay;

  g_return_val_if_fail (labels_only != NULL, NULL);

  if (scene == NULL || (selected == NULL && hovered == NULL))
    return NULL;

  n_nodes = am_scene_get_n_nodes (scene);
  n_edges = am_scene_get_n_edges (scene);
  node_marks = g_new0 (guint8, n_nodes + 1);
  edge_marks = g_new0 (guint8, n_edges + 1);

  mark_neighbourhood (scene, selected, node_marks, edge_marks);
  mark_neighbourhood (scene, hovered, node_marks, edge_marks);

  /* Under a hover the veil already fades the base's labels; drawing them again above it
   * would make unrelated labels stand out. */
  label_marks = g_new0 (guint8, n_edges + 1);
  if (hovered == NULL)
    mark_covered_labels (scene, highlight, edge_marks, label_marks);

  builder = am_scene_builder_new (am_scene_get_bounds (scene));

  /* Scene order is drawing order: keep it. */
  for (guint i = 0; i < n_nodes; i++)
    {
      if (node_marks[i])
        {
          am_scene_builder_add_node (builder, am_scene_get_node (scene, i));
          any = TRUE;
        }
    }
  for (guint i = 0; i < n_edges; i++)
    {
      if (edge_marks[i])
        {
          am_scene_builder_add_edge (builder, am_scene_get_edge (scene, i));
          any = TRUE;
        }
      else if (label_marks[i])
        {
          const AmSceneEdge *edge = am_scene_get_edge (scene, i);
          guint ends[2] = {
            am_scene_get_edge_source_index (scene, i),
            am_scene_get_edge_target_index (scene, i),
          };

          if (*labels_only == NULL)
            *labels_only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

          /* Its ends come along, undrawn: a scene's edges must name its nodes. */
          for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
            {
              if (!node_marks[ends[k]])
                {
                  const AmSceneNode *node = am_scene_get_node (scene, ends[k]);

                  am_scene_builder_add_node (builder, node);
                  g_hash_table_add (*labels_only, g_strdup (node->id));
                  node_marks[ends[k]] = 2;
                }
            }
          am_scene_builder_add_edge (builder, edge);
          g_hash_table_add (*labels_only, g_strdup (edge->id));
        }
    }

  if (!any)
    return NULL;

  overlay = am_scene_builder_end (g_steal_pointer (&builder), &error);
  if (overlay == NULL)
    g_debug ("Cannot build the highlight overlay: %s", error->message);

  return overlay;
}
