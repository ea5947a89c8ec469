/* am-scene-private.h — what the scene's files share: its struct and its index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-geometry.h"
#include "am-layout-private.h"

G_BEGIN_DECLS

#define AM_SCENE_MAX_POINTS_PER_EDGE (3 * 10000 + 1)
#define AM_SCENE_MAX_CLUSTERS        AM_LAYOUT_MAX_NODES

/* A uniform grid over the scene's bounds, in compressed rows. */
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
} AmSceneGrid;


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

  AmSceneGrid      node_grid;
  AmSceneGrid      edge_grid;

  /* Built on first use by am-scene-adjacency.c (g_once), freed with the scene. */
  gpointer         adjacency;
};

/* An id for an error message: valid UTF-8, at most 64 characters.  (transfer full) */
char *_am_scene_describe_id (const char *id);

/* am-scene-index.c: fills and frees node_grid and edge_grid of a finished scene. */
void _am_scene_index_build (AmScene *self);
void _am_scene_index_clear (AmScene *self);

/* am-label-place.c: moves the labels of @edges (in place: label_box and the leader) to
 * spots inside @bounds that overlap none of @nodes' boxes and no other label, as far as
 * there are any; edge bounds are the caller's to recompute. */
void _am_place_edge_labels (const AmRect      *bounds,
                            const AmSceneNode *nodes,
                            guint              n_nodes,
                            AmSceneEdge       *edges,
                            guint              n_edges);

G_END_DECLS
