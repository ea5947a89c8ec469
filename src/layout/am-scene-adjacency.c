/* am-scene-adjacency.c — which edges meet at a node, and which nodes they join
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "am-layout-private.h"

/*
 * Built once per scene, the first time anyone asks, and never changed after: hover, the
 * arrow keys and the overlay then find incident edges without scanning every edge.  The
 * scene is shared between threads (the canvas renders on a worker), so the build goes
 * through g_once_init_enter() on the scene's one mutable slot.
 *
 * Both lists are in CSR form: node i's entries lie in [offsets[i], offsets[i + 1]).
 */
typedef struct
{
  guint *edge_offsets;        /* n_nodes + 1 */
  guint *edges;               /* incident edge indexes, ascending per node */
  guint *neighbour_offsets;   /* n_nodes + 1 */
  guint *neighbours;          /* distinct neighbour node indexes, ascending per node */
  guint *edge_source;         /* n_edges: node index of each edge's source */
  guint *edge_target;
} Adjacency;

void
_am_scene_adjacency_free (gpointer data)
{
  Adjacency *adj = data;

  if (adj == NULL)
    return;

  g_free (adj->edge_offsets);
  g_free (adj->edges);
  g_free (adj->neighbour_offsets);
  g_free (adj->neighbours);
  g_free (adj->edge_source);
  g_free (adj->edge_target);
  g_free (adj);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static Adjacency *
adjacency_build (const AmScene *scene)
{
  guint n_nodes = am_scene_get_n_nodes (scene);
  guint n_edges = am_scene_get_n_edges (scene);
  Adjacency *adj = g_new0 (Adjacency, 1);
  g_autofree guint *fill = NULL;
  guint n_neighbours = 0;

  adj->edge_offsets = g_new0 (guint, n_nodes + 1);
  adj->edges = g_new (guint, 2 * (gsize) n_edges + 1);
  adj->edge_source = g_new (guint, n_edges + 1);
  adj->edge_target = g_new (guint, n_edges + 1);

  /* The builder refuses an edge that names an unknown node, so both ends exist. */
  for (guint i = 0; i < n_edges; i++)
    {
      const AmSceneEdge *edge = am_scene_get_edge (scene, i);
      gint source = am_scene_find_node (scene, edge->source);
      gint target = am_scene_find_node (scene, edge->target);

      g_assert (source >= 0 && target >= 0);
      adj->edge_source[i] = source;
      adj->edge_target[i] = target;
      adj->edge_offsets[source + 1]++;
      if (target != source)
        adj->edge_offsets[target + 1]++;
    }

  for (guint i = 0; i < n_nodes; i++)
    adj->edge_offsets[i + 1] += adj->edge_offsets[i];

  /* Edges go in ascending order, so each node's list comes out sorted. */
  fill = g_memdup2 (adj->edge_offsets, sizeof (guint) * (n_nodes + 1));
  for (guint i = 0; i < n_edges; i++)
    {
      adj->edges[fill[adj->edge_source[i]]++] = i;
      if (adj->edge_target[i] != adj->edge_source[i])
        adj->edges[fill[adj->edge_target[i]]++] = i;
    }

  /* Neighbours: the other end of each incident edge, sorted, without repeats. */
  adj->neighbour_offsets = g_new0 (guint, n_nodes + 1);
  adj->neighbours = g_new (guint, adj->edge_offsets[n_nodes] + 1);
  for (guint node = 0; node < n_nodes; node++)
    {
      guint start = n_neighbours;

      for (guint k = adj->edge_offsets[node]; k < adj->edge_offsets[node + 1]; k++)
        {
          guint edge = adj->edges[k];
          guint other = adj->edge_source[edge] == node ? adj->edge_target[edge]
                                                       : adj->edge_source[edge];

          if (other != node)
            adj->neighbours[n_neighbours++] = other;
        }

      qsort (adj->neighbours + start, n_neighbours - start, sizeof (guint), compare_guint);
      {
        guint kept = start;

        for (guint k = start; k < n_neighbours; k++)
          {
            if (kept == start || adj->neighbours[kept - 1] != adj->neighbours[k])
              adj->neighbours[kept++] = adj->neighbours[k];
          }
        n_neighbours = kept;
      }
      adj->neighbour_offsets[node + 1] = n_neighbours;
    }

  return adj;
}

static const Adjacency *
adjacency_get (const AmScene *self)
{
  gpointer *slot = _am_scene_get_adjacency_slot (self);

  if (g_once_init_enter (slot))
    g_once_init_leave (slot, adjacency_build (self));

  return *slot;
}

/* Node @node's slice of a CSR list. */
static const guint *
node_slice (const guint *offsets,
            const guint *values,
            guint        node,
            guint       *n_values)
{
  *n_values = offsets[node + 1] - offsets[node];
  return values + offsets[node];
}

/**
 * am_scene_get_node_edges:
 * @self: a scene
 * @node: a node index, below am_scene_get_n_nodes()
 * @n_edges: (out): how many edges there are
 *
 * Returns: (transfer none) (array length=n_edges): the incident edges, ascending.
 */
const guint *
am_scene_get_node_edges (const AmScene *self,
                         guint          node,
                         guint         *n_edges)
{
  const Adjacency *adj;

  g_return_val_if_fail (self != NULL && n_edges != NULL, NULL);
  g_return_val_if_fail (node < am_scene_get_n_nodes (self), (*n_edges = 0, NULL));

  adj = adjacency_get (self);
  return node_slice (adj->edge_offsets, adj->edges, node, n_edges);
}

/**
 * am_scene_get_node_neighbours:
 * @self: a scene
 * @node: a node index, below am_scene_get_n_nodes()
 * @n_neighbours: (out): how many neighbours there are
 *
 * Returns: (transfer none) (array length=n_neighbours): the neighbours, ascending.
 */
const guint *
am_scene_get_node_neighbours (const AmScene *self,
                              guint          node,
                              guint         *n_neighbours)
{
  const Adjacency *adj;

  g_return_val_if_fail (self != NULL && n_neighbours != NULL, NULL);
  g_return_val_if_fail (node < am_scene_get_n_nodes (self), (*n_neighbours = 0, NULL));

  adj = adjacency_get (self);
  return node_slice (adj->neighbour_offsets, adj->neighbours, node, n_neighbours);
}

guint
am_scene_get_edge_source_index (const AmScene *self,
                                guint          edge)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (edge < am_scene_get_n_edges (self), 0);

  return adjacency_get (self)->edge_source[edge];
}

guint
am_scene_get_edge_target_index (const AmScene *self,
                                guint          edge)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (edge < am_scene_get_n_edges (self), 0);

  return adjacency_get (self)->edge_target[edge];
}
