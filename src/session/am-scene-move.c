/* am-scene-move.c — a scene with one node moved, shown until the layout re-routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-scene-move.h"

/* Arrowhead length when the edge had none to measure. */
#define DEFAULT_ARROW_LENGTH 10.0
/* Room kept around a moved node inside the scene's bounds. */
#define MARGIN 4.0

static AmPoint
rect_centre (const AmRect *rect)
{
  return (AmPoint) { rect->x + rect->width / 2, rect->y + rect->height / 2 };
}

/* Where the segment from the centre of @rect towards @to leaves @rect. */
static AmPoint
clip_to_rect (const AmRect *rect,
              AmPoint       to)
{
  AmPoint c = rect_centre (rect);
  double dx = to.x - c.x, dy = to.y - c.y;
  double t = 1.0;

  if (dx != 0)
    t = MIN (t, (rect->width / 2) / fabs (dx));
  if (dy != 0)
    t = MIN (t, (rect->height / 2) / fabs (dy));

  return (AmPoint) { c.x + dx * t, c.y + dy * t };
}

static double
distance (AmPoint a,
          AmPoint b)
{
  return hypot (b.x - a.x, b.y - a.y);
}

/* @from moved @length towards @to (at most all the way). */
static AmPoint
towards (AmPoint from,
         AmPoint to,
         double  length)
{
  double d = distance (from, to);
  double t = d > 0 ? MIN (length / d, 1.0) : 0;

  return (AmPoint) { from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t };
}

/* @edge drawn straight from box @a to box @b, keeping its arrowheads and label. */
static void
straighten_edge (AmSceneEdge  *edge,
                 const AmRect *a,
                 const AmRect *b,
                 AmPoint      *points)
{
  AmPoint start = clip_to_rect (a, rect_centre (b));
  AmPoint end = clip_to_rect (b, rect_centre (a));
  AmPoint curve_start = start, curve_end = end;

  if (edge->has_head)
    {
      double length = edge->n_points > 0 ? distance (edge->points[edge->n_points - 1], edge->head)
                                         : DEFAULT_ARROW_LENGTH;
      edge->head = end;
      curve_end = towards (end, start, length);
    }
  if (edge->has_tail)
    {
      double length = edge->n_points > 0 ? distance (edge->points[0], edge->tail)
                                         : DEFAULT_ARROW_LENGTH;
      edge->tail = start;
      curve_start = towards (start, end, length);
    }

  points[0] = curve_start;
  points[1] = (AmPoint) { curve_start.x + (curve_end.x - curve_start.x) / 3,
                          curve_start.y + (curve_end.y - curve_start.y) / 3 };
  points[2] = (AmPoint) { curve_start.x + 2 * (curve_end.x - curve_start.x) / 3,
                          curve_start.y + 2 * (curve_end.y - curve_start.y) / 3 };
  points[3] = curve_end;
  edge->points = points;
  edge->n_points = 4;
  /* The label goes back onto its (new, straight) curve: no leader line then. */
  edge->has_leader = FALSE;

  if (edge->has_label)
    {
      edge->label_box.x = (start.x + end.x) / 2 - edge->label_box.width / 2;
      edge->label_box.y = (start.y + end.y) / 2 - edge->label_box.height / 2;
      /* A label pushed past the top or left edge stays where it was. */
      edge->has_label = edge->label_box.x >= 0 && edge->label_box.y >= 0;
    }
}

AmScene *
_am_scene_move_node (AmScene    *scene,
                     const char *id,
                     double      x,
                     double      y)
{
  g_autoptr(AmSceneBuilder) builder = NULL;
  AmRect bounds, moved_box;
  gint index;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  index = am_scene_find_node (scene, id);
  if (index < 0 || !isfinite (x) || !isfinite (y))
    return NULL;

  moved_box = am_scene_get_node (scene, index)->box;
  moved_box.x = x - moved_box.width / 2;
  moved_box.y = y - moved_box.height / 2;
  if (moved_box.x < 0 || moved_box.y < 0)
    return NULL;

  /* The bounds grow to the right and down when the node goes past them. */
  bounds = *am_scene_get_bounds (scene);
  bounds.width = MAX (bounds.width, moved_box.x + moved_box.width + MARGIN);
  bounds.height = MAX (bounds.height, moved_box.y + moved_box.height + MARGIN);

  builder = am_scene_builder_new (&bounds);
  am_scene_builder_set_engine (builder, am_scene_get_engine (scene));

  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      AmSceneNode node = *am_scene_get_node (scene, i);

      if (i == (guint) index)
        node.box = moved_box;
      am_scene_builder_add_node (builder, &node);
    }

  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      AmSceneEdge edge = *am_scene_get_edge (scene, i);
      guint source = am_scene_get_edge_source_index (scene, i);
      guint target = am_scene_get_edge_target_index (scene, i);
      AmPoint points[4];

      if (source == (guint) index || target == (guint) index)
        {
          const AmRect *a = source == (guint) index ? &moved_box : &am_scene_get_node (scene, source)->box;
          const AmRect *b = target == (guint) index ? &moved_box : &am_scene_get_node (scene, target)->box;

          straighten_edge (&edge, a, b, points);
        }
      am_scene_builder_add_edge (builder, &edge);
    }

  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    am_scene_builder_add_cluster (builder, am_scene_get_cluster (scene, i));

  return am_scene_builder_end (g_steal_pointer (&builder), NULL);
}
