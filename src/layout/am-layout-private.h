/* am-layout-private.h — what the files of the layout layer share, and nobody else sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-layout.h"
#include "am-scene.h"
#include "am-text-metrics.h"

G_BEGIN_DECLS

/* Node sizes, in inches as Graphviz wants them (architecture.md §5.10). */
#define AM_NODE_MIN_WIDTH_IN   0.3
#define AM_NODE_MAX_WIDTH_IN   10.0
#define AM_NODE_MIN_HEIGHT_IN  0.25
#define AM_NODE_MAX_HEIGHT_IN  5.0

/* Graph spacing, in inches, and its clamps. */
#define AM_NODESEP_DEFAULT_IN  0.35
#define AM_RANKSEP_DEFAULT_IN  0.6
#define AM_SEP_MIN_IN          0.02
#define AM_SEP_MAX_IN          4.0

/* Only this much of Graphviz's own error text reaches the user. */
#define AM_LAYOUT_MAX_MESSAGE  2048

/* The margin, in points, added around Graphviz's bounding box. */
#define AM_SCENE_MARGIN        12.0

typedef struct
{
  char        *id;
  char        *label;      /* wrapped and capped by the text metrics, with '\n' */
  char        *kind;       /* kind name */
  char        *group;      /* cluster id or NULL */
  AmNodeShape  shape;
  double       width;      /* inches */
  double       height;     /* inches */
  /* Where the node's centre must be, in scene coordinates (points, y down): a pinned
   * entity's position, or in keep mode every node's (kept from the previous scene, or
   * placed near its neighbours).  Between 0 and AM_LAYOUT_MAX_POSITION. */
  gboolean     has_position;
  double       x;
  double       y;
  gboolean     pinned;     /* the position is the user's (has_position is TRUE too) */
} AmLayoutRequestNode;

/* FULL: Graphviz places every node but the pinned ones.  KEEP: every node has a position
 * and Graphviz only routes the edges ("nop2"). */
typedef enum
{
  AM_LAYOUT_MODE_FULL,
  AM_LAYOUT_MODE_KEEP,
} AmLayoutMode;

/* The largest coordinate a position may have, in points. */
#define AM_LAYOUT_MAX_POSITION 1e6
/* The room, in points, kept free around a node placed by Actormap (new nodes in keep mode,
 * nodes pushed off a pinned one). */
#define AM_PLACE_GAP           12.0
/* Around the members of a cluster Actormap computes itself (keep mode), as dot does. */
#define AM_CLUSTER_MARGIN      8.0

typedef struct
{
  char     *id;
  char     *source;
  char     *target;
  char     *label;         /* capped to AM_LABEL_MAX_CHARS, or NULL */
  char     *type;          /* or NULL */
  gboolean  directed;
  /* dot's edge weight (0–1000) and minlen (0–10), from an imported file; unset (FALSE)
   * leaves Graphviz's default of 1. */
  gboolean  has_weight;
  double    weight;
  gboolean  has_minlen;
  double    minlen;
} AmLayoutRequestEdge;

/* The clamps of architecture.md §5.10 (huge values segfault dot 2.42.2). */
#define AM_EDGE_WEIGHT_MAX     1000.0
#define AM_EDGE_MINLEN_MAX     10.0

double                     _am_layout_request_get_nodesep  (AmLayoutRequest *self);
double                     _am_layout_request_get_ranksep  (AmLayoutRequest *self);
/* "TB", "LR", "BT", "RL", or NULL for Graphviz's default. */
const char                *_am_layout_request_get_rankdir  (AmLayoutRequest *self);
/* The label of a group's cluster, or NULL when the group id is its label. */
const char                *_am_layout_request_get_group_label (AmLayoutRequest *self,
                                                               const char      *group);
const AmLayoutRequestNode *_am_layout_request_get_node     (AmLayoutRequest *self,
                                                            guint            index);
const AmLayoutRequestEdge *_am_layout_request_get_edge     (AmLayoutRequest *self,
                                                            guint            index);
AmLayoutMode               _am_layout_request_get_mode     (AmLayoutRequest *self);
/* TRUE when some node is pinned. */
gboolean                   _am_layout_request_has_pins     (AmLayoutRequest *self);

/* For tests and for the DOT importer: a request from plain parts, checked like one
 * read from the wire.  @nodes and @edges are copied. */
AmLayoutRequest           *_am_layout_request_new          (AmLayoutEngine             engine,
                                                            const AmLayoutRequestNode *nodes,
                                                            guint                      n_nodes,
                                                            const AmLayoutRequestEdge *edges,
                                                            guint                      n_edges,
                                                            GError                   **error);
/* The same with a mode (and the nodes' positions checked for it). */
AmLayoutRequest           *_am_layout_request_new_with_mode (AmLayoutEngine            engine,
                                                            AmLayoutMode               mode,
                                                            const AmLayoutRequestNode *nodes,
                                                            guint                      n_nodes,
                                                            const AmLayoutRequestEdge *edges,
                                                            guint                      n_edges,
                                                            GError                   **error);

/* Placing nodes (am-layout-place.c), shared by the request builder (new nodes in keep
 * mode) and the Graphviz engine (nodes a pinned one landed on).  Boxes are scene boxes
 * (points, y down).  A placer holds the boxes already placed, in a grid. */
typedef struct _AmPlacer AmPlacer;

AmPlacer                  *_am_placer_new                  (void);
void                       _am_placer_free                 (AmPlacer       *self);
/* A box that stays where it is. */
void                       _am_placer_add                  (AmPlacer       *self,
                                                            const AmRect   *box);
/* Moves @box to the free spot nearest to where it is: at least AM_PLACE_GAP from every
 * box added before, never left of or above AM_SCENE_MARGIN.  Then adds it. */
void                       _am_placer_place                (AmPlacer       *self,
                                                            AmRect         *box);
/* Whether @box, grown by AM_PLACE_GAP, meets no box added so far. */
gboolean                   _am_placer_is_free              (AmPlacer       *self,
                                                            const AmRect   *box);
/* The extent of every box added so far; FALSE when there is none. */
gboolean                   _am_placer_get_extent           (AmPlacer       *self,
                                                            AmRect         *extent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmPlacer, _am_placer_free)

/* Moves nodes apart so no two boxes overlap (am-node-spread.c): @centres in points, in
 * any axis-aligned frame; @extra_area is room for the edge labels, in square points;
 * deterministic.  Returns whether any node moved. */
gboolean                   _am_spread_nodes                (AmPoint        *centres,
                                                            const double   *widths,
                                                            const double   *heights,
                                                            guint           n,
                                                            double          gap,
                                                            double          extra_area);

/* Cluster boxes around their members' scene boxes @node_boxes (by request index), for
 * when Graphviz did not lay the clusters out (edges routed on given positions); room is
 * left at the top for the label.  Clusters come in the order of their first member. */
void                       _am_cluster_boxes               (AmLayoutRequest *request,
                                                            const AmRect    *node_boxes,
                                                            GPtrArray       *ids,     /* const char * (borrowed) */
                                                            GArray          *boxes);  /* AmRect */

char                      *_am_text_metrics_fit_node_label (const char  *name);
void                       _am_node_size_for_shape         (AmNodeShape  shape,
                                                            double       text_width,
                                                            double       text_height,
                                                            double      *width,
                                                            double      *height);

/* Every message between the app and the layout helper travels in one envelope,
 * "(suv)": a magic string, a format version and the payload (am-envelope.c). */
typedef enum
{
  AM_ENVELOPE_OK,
  AM_ENVELOPE_MALFORMED,    /* not a normal-form "(suv)": truncated or not ours */
  AM_ENVELOPE_WRONG_MAGIC,
} AmEnvelopeStatus;

/* Consumes a floating @payload. */
GBytes                    *_am_envelope_wrap               (const char  *magic,
                                                            guint32      version,
                                                            GVariant    *payload);
/* On %AM_ENVELOPE_OK, *@payload is the (full) payload and *@version its version; the
 * caller checks both. */
AmEnvelopeStatus           _am_envelope_open               (GBytes      *bytes,
                                                            const char  *magic,
                                                            guint32     *version,
                                                            GVariant   **payload);

/* The Graphviz engine: the am-graphviz library in graphviz/ (layout and DOT import). */
AmScene                   *_am_graphviz_layout             (AmLayoutRequest *request,
                                                            GError         **error);
void                       _am_graphviz_shutdown           (void);
/* Loads what every layout needs once per process (the helper, before its request). */
void                       _am_graphviz_warm_up            (void);
/* Parses DOT in this process: only the helper calls it (am-dot-import.h). */
GVariant                  *_am_graphviz_import             (GBytes          *dot,
                                                            GError         **error);

/* The scene's lazily built adjacency (am-scene-adjacency.c): its slot in the scene, and
 * how the scene frees it. */
gpointer                  *_am_scene_get_adjacency_slot    (const AmScene *self);
void                       _am_scene_adjacency_free        (gpointer       adjacency);

G_END_DECLS
