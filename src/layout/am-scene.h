/* am-scene.h — the laid-out network: boxes, splines and labels in y-down points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_SCENE (am_scene_get_type ())

typedef struct _AmScene AmScene;

typedef struct
{
  double x;
  double y;
} AmPoint;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} AmRect;

typedef enum
{
  AM_NODE_SHAPE_BOX,        /* rounded rectangle */
  AM_NODE_SHAPE_ELLIPSE,
  AM_NODE_SHAPE_HEXAGON,
  AM_NODE_SHAPE_DIAMOND,
  AM_NODE_SHAPE_OCTAGON,
} AmNodeShape;

typedef struct
{
  char        *id;        /* entity id (Graphviz node name) */
  char        *label;     /* text drawn inside the node, may contain '\n' */
  char        *kind;      /* entity kind name ("state", "person", … or DOT's "node") */
  AmNodeShape  shape;
  AmRect       box;       /* centre = box.x + box.width / 2 … */
} AmSceneNode;

typedef struct
{
  char     *id;           /* relation id (Graphviz edge name) */
  char     *source;       /* entity id */
  char     *target;       /* entity id */
  char     *label;        /* may be NULL */
  char     *type;         /* relation type, may be NULL */
  gboolean  directed;
  AmPoint  *points;       /* cubic Bézier: points[0], then triples; n_points = 3k + 1 */
  guint     n_points;
  gboolean  has_head;     /* arrowhead from points[n_points - 1] to head */
  AmPoint   head;
  gboolean  has_tail;     /* arrowhead from points[0] to tail */
  AmPoint   tail;
  gboolean  has_label;
  AmRect    label_box;    /* where the label is drawn (am-label-place.c moves it off nodes
                           * and other labels) */
  gboolean  has_leader;   /* the label sits off its curve: a short line joins them */
  AmPoint   leader_from;  /* on the label box's border */
  AmPoint   leader_to;    /* on the curve */
  AmRect    bounds;       /* covers the curve, the arrowheads and the label */
} AmSceneEdge;

typedef struct
{
  char   *id;
  char   *label;          /* may be NULL */
  AmRect  box;
} AmSceneCluster;

typedef enum
{
  AM_SCENE_HIT_NONE,
  AM_SCENE_HIT_NODE,
  AM_SCENE_HIT_EDGE,
} AmSceneHitKind;

/*
 * An AmScene is immutable and reference-counted.  Every number in it is finite and every
 * box lies inside am_scene_get_bounds(), which starts at (0, 0) and includes a margin.
 * It owns its strings and arrays; the pointers it returns live as long as the scene.
 * A uniform grid over the bounds indexes nodes and edges for hit-testing and culling.
 */
GType                 am_scene_get_type        (void) G_GNUC_CONST;
AmScene              *am_scene_ref             (AmScene *self);
void                  am_scene_unref           (AmScene *self);

const AmRect         *am_scene_get_bounds      (const AmScene *self);
/* Graphviz engine that produced it ("dot", "sfdp", …). */
const char           *am_scene_get_engine      (const AmScene *self);

guint                 am_scene_get_n_nodes     (const AmScene *self);
const AmSceneNode    *am_scene_get_node        (const AmScene *self, guint index);
guint                 am_scene_get_n_edges     (const AmScene *self);
const AmSceneEdge    *am_scene_get_edge        (const AmScene *self, guint index);
guint                 am_scene_get_n_clusters  (const AmScene *self);
const AmSceneCluster *am_scene_get_cluster     (const AmScene *self, guint index);

/* Index of the node/edge with that id, or -1. */
gint                  am_scene_find_node       (const AmScene *self, const char *id);
gint                  am_scene_find_edge       (const AmScene *self, const char *id);

/* What is at (x, y), within @tolerance points: edges (curve or label) first, then the
 * topmost node, as Graphviz's own viewer does.  Returns the kind and sets *index. */
AmSceneHitKind        am_scene_hit_test        (const AmScene *self,
                                                double         x,
                                                double         y,
                                                double         tolerance,
                                                guint         *index);

/* Indexes of the nodes and edges whose boxes meet @rect (for culling), each in ascending
 * order.  Either array may be NULL.  Cost is proportional to the cells @rect covers. */
void                  am_scene_query_rect      (const AmScene *self,
                                                const AmRect  *rect,
                                                GArray        *node_indexes,   /* guint */
                                                GArray        *edge_indexes);  /* guint */

/* Building (used by the layout code and by the scene deserialiser).  A builder checks each
 * value as it comes in; am_scene_builder_end() fails with AM_LAYOUT_ERROR_INVALID_SCENE on any
 * non-finite number, out-of-bounds box, duplicate id or edge naming an unknown node. */
typedef struct _AmSceneBuilder AmSceneBuilder;

AmSceneBuilder       *am_scene_builder_new         (const AmRect     *bounds);
void                  am_scene_builder_set_engine  (AmSceneBuilder   *builder,
                                                    const char       *engine);
void                  am_scene_builder_add_node    (AmSceneBuilder   *builder,
                                                    const AmSceneNode *node);   /* copied */
void                  am_scene_builder_add_edge    (AmSceneBuilder   *builder,
                                                    const AmSceneEdge *edge);   /* copied; bounds computed */
void                  am_scene_builder_add_cluster (AmSceneBuilder   *builder,
                                                    const AmSceneCluster *cluster);
/* Moves every edge label added so far to a spot that overlaps no node and no other label
 * (am-label-place.c), with a leader line when it has to leave its curve. */
void                  am_scene_builder_place_labels (AmSceneBuilder  *builder);
AmScene              *am_scene_builder_end         (AmSceneBuilder   *builder,  /* consumed */
                                                    GError          **error);
void                  am_scene_builder_free        (AmSceneBuilder   *builder);

/* A self-describing, validated wire format for the helper process. */
GBytes               *am_scene_serialize           (const AmScene *self);
AmScene              *am_scene_deserialize         (GBytes        *bytes,
                                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmScene, am_scene_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmSceneBuilder, am_scene_builder_free)

/* Adjacency (am-scene-adjacency.c), built once per scene on first use; thread-safe, as
 * the scene is immutable and shared between threads.  The arrays live as long as the
 * scene. */
/* Indexes of the edges that start or end at node @node, ascending; a loop counts once. */
const guint          *am_scene_get_node_edges      (const AmScene *self,
                                                    guint          node,
                                                    guint         *n_edges);
/* Indexes of the nodes joined to @node by an edge, ascending and distinct, @node itself
 * left out. */
const guint          *am_scene_get_node_neighbours (const AmScene *self,
                                                    guint          node,
                                                    guint         *n_neighbours);
/* Node indexes of an edge's ends. */
guint                 am_scene_get_edge_source_index (const AmScene *self,
                                                      guint          edge);
guint                 am_scene_get_edge_target_index (const AmScene *self,
                                                      guint          edge);

G_END_DECLS
