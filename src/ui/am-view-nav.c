/* am-view-nav.c — which node an arrow key moves the selection to, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-viewport.h"

static void
rect_center (const AmRect *rect,
             double       *x,
             double       *y)
{
  *x = rect->x + rect->width / 2.0;
  *y = rect->y + rect->height / 2.0;
}

static gboolean
direction_score (double  origin_x,
                 double  origin_y,
                 double  x,
                 double  y,
                 int     dx,
                 int     dy,
                 double *score)
{
  double vx = x - origin_x;
  double vy = y - origin_y;
  double along = vx * dx + vy * dy;
  double across = fabs (vx * dy - vy * dx);

  /* Within 60° (tan 60° = 1.732) of the direction; straight ahead beats a little
   * closer but askew. */
  if (along <= 0.5 || across > along * 1.7320508)
    return FALSE;

  *score = along + 2.0 * across;
  return TRUE;
}

/* The best of @candidates (all nodes when NULL) in the direction, or -1. */
static gint
nearest_in_direction (const AmScene *scene,
                      gint           from_node,
                      double         origin_x,
                      double         origin_y,
                      const guint   *candidates,
                      guint          n_candidates,
                      int            dx,
                      int            dy)
{
  double best_score = G_MAXDOUBLE;
  gint best = -1;

  for (guint k = 0; k < n_candidates; k++)
    {
      gint i = candidates ? (gint) candidates[k] : (gint) k;
      double x, y, score;

      if (i == from_node)
        continue;

      rect_center (&am_scene_get_node (scene, i)->box, &x, &y);
      if (direction_score (origin_x, origin_y, x, y, dx, dy, &score) && score < best_score)
        {
          best_score = score;
          best = i;
        }
    }

  return best;
}

static gint
nearest_to (const AmScene *scene,
            double         center_x,
            double         center_y)
{
  double best = G_MAXDOUBLE;
  gint best_index = -1;
  guint n = am_scene_get_n_nodes (scene);

  for (guint i = 0; i < n; i++)
    {
      double x, y, d;

      rect_center (&am_scene_get_node (scene, i)->box, &x, &y);
      d = hypot (x - center_x, y - center_y);
      if (d < best)
        {
          best = d;
          best_index = i;
        }
    }

  return best_index;
}

gint
am_view_nav_pick (const AmScene *scene,
                  const char    *selection,
                  const AmViewport  *view,
                  int            dx,
                  int            dy)
{
  const guint *candidates;
  guint ends[2];
  guint n_candidates;
  double origin_x, origin_y;
  gint from_node = -1;
  gint index, target;

  g_return_val_if_fail (scene != NULL, -1);
  g_return_val_if_fail (view != NULL, -1);

  if (am_scene_get_n_nodes (scene) == 0)
    return -1;

  if (selection != NULL && (from_node = am_scene_find_node (scene, selection)) >= 0)
    {
      rect_center (&am_scene_get_node (scene, from_node)->box, &origin_x, &origin_y);
      candidates = am_scene_get_node_neighbours (scene, from_node, &n_candidates);
    }
  else if (selection != NULL && (index = am_scene_find_edge (scene, selection)) >= 0)
    {
      const AmSceneEdge *edge = am_scene_get_edge (scene, index);

      rect_center (edge->has_label ? &edge->label_box : &edge->bounds, &origin_x, &origin_y);
      ends[0] = am_scene_get_edge_source_index (scene, index);
      ends[1] = am_scene_get_edge_target_index (scene, index);
      candidates = ends;
      n_candidates = G_N_ELEMENTS (ends);
    }
  else
    {
      /* Nothing selected yet: start from the node nearest the middle of the view. */
      return nearest_to (scene, view->center_x, view->center_y);
    }

  target = nearest_in_direction (scene, from_node, origin_x, origin_y,
                                 candidates, n_candidates, dx, dy);
  if (target < 0)
    target = nearest_in_direction (scene, from_node, origin_x, origin_y, NULL,
                                   am_scene_get_n_nodes (scene), dx, dy);
  return target;
}
