/* am-layout.h — layout options, requests, the isolated runner and its errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"
#include "am-scene.h"

G_BEGIN_DECLS

#define AM_LAYOUT_ERROR (am_layout_error_quark ())

typedef enum
{
  AM_LAYOUT_ERROR_UNKNOWN_ENGINE,
  AM_LAYOUT_ERROR_FAILED,          /* Graphviz reported an error; message follows */
  AM_LAYOUT_ERROR_CRASHED,         /* the helper died from a signal */
  AM_LAYOUT_ERROR_TIMEOUT,         /* the helper was killed after the timeout */
  AM_LAYOUT_ERROR_TOO_LARGE,       /* over the node/edge caps */
  AM_LAYOUT_ERROR_INVALID_SCENE,   /* the helper's answer failed validation */
  AM_LAYOUT_ERROR_PARSE,           /* an imported DOT file did not parse */
} AmLayoutError;

GQuark am_layout_error_quark (void);

typedef enum
{
  AM_LAYOUT_ENGINE_DOT,
  AM_LAYOUT_ENGINE_NEATO,
  AM_LAYOUT_ENGINE_FDP,
  AM_LAYOUT_ENGINE_SFDP,
  AM_LAYOUT_ENGINE_CIRCO,
  AM_LAYOUT_ENGINE_TWOPI,
} AmLayoutEngine;

#define AM_N_LAYOUT_ENGINES (AM_LAYOUT_ENGINE_TWOPI + 1)
#define AM_LAYOUT_MAX_NODES 20000
#define AM_LAYOUT_MAX_EDGES 100000
#define AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS 15

const char *am_layout_engine_to_string   (AmLayoutEngine  engine);
/* FALSE for anything outside the allowlist. */
gboolean    am_layout_engine_from_string (const char     *str,
                                          AmLayoutEngine *engine);
/* The engine Actormap picks for a graph of that many nodes (neato when small, sfdp when large). */
AmLayoutEngine am_layout_engine_for_size (guint           n_nodes);
/* The same from the counts Graphviz's time depends on (am-layout.c). */
AmLayoutEngine am_layout_engine_for_counts (guint         n_nodes,
                                            guint         n_edges,
                                            guint         n_parallel,
                                            guint         n_labels);
/* The engine for a document: an imported graph's own choice (its "layout" graph
 * attribute, dot unless the file names another allowed engine), else by size. */
AmLayoutEngine am_layout_engine_for_document (AmDocument    *document);

typedef struct _AmLayoutRequest AmLayoutRequest;
#define AM_TYPE_LAYOUT_REQUEST (am_layout_request_get_type ())

/*
 * An immutable description of what to lay out: nodes sized from Pango text metrics, edges
 * with escaped, length-capped labels, the engine and clamped graph options.  It is what
 * travels to the helper process.
 */
GType            am_layout_request_get_type        (void) G_GNUC_CONST;
AmLayoutRequest *am_layout_request_new_for_document (AmDocument      *document,
                                                     AmLayoutEngine   engine,
                                                     GError         **error);
/* Keeps the nodes that are in @previous where they are (Graphviz only routes the edges),
 * places new ones near their neighbours; pinned entities keep their positions in both. */
AmLayoutRequest *am_layout_request_new_keeping     (AmDocument      *document,
                                                    AmLayoutEngine   engine,
                                                    AmScene         *previous,
                                                    GError         **error);
/* Like am_layout_request_new_keeping() (@previous nullable), with the actors grouped into
 * clusters ("Group Actors"): @groups maps an entity id to its group id and wins over the
 * entity's own group; @group_labels (nullable) maps a group id to its cluster's label (else
 * the document's group label, else the id).  Entities @groups leaves out keep their own
 * group.  Only the engines that draw clusters (dot, fdp) draw them. */
AmLayoutRequest *am_layout_request_new_grouped     (AmDocument      *document,
                                                    AmLayoutEngine   engine,
                                                    AmScene         *previous,
                                                    GHashTable      *groups,
                                                    GHashTable      *group_labels,
                                                    GError         **error);
/* The group (cluster id) a node of the request is in, or NULL. */
const char      *am_layout_request_get_node_group  (AmLayoutRequest *self,
                                                    const char      *id);
gboolean         am_layout_request_get_keeping     (AmLayoutRequest *self);
/* A node's centre as the request gives it (scene points, y down), if it has one. */
gboolean         am_layout_request_get_node_position (AmLayoutRequest *self,
                                                      const char      *id,
                                                      double          *x,
                                                      double          *y);
AmLayoutRequest *am_layout_request_ref             (AmLayoutRequest *self);
void             am_layout_request_unref           (AmLayoutRequest *self);
AmLayoutEngine   am_layout_request_get_engine      (AmLayoutRequest *self);
guint            am_layout_request_get_n_nodes     (AmLayoutRequest *self);
guint            am_layout_request_get_n_edges     (AmLayoutRequest *self);
GBytes          *am_layout_request_serialize       (AmLayoutRequest *self);
AmLayoutRequest *am_layout_request_deserialize     (GBytes          *bytes,
                                                    GError         **error);

/* In-process layout (tests and the helper itself).  Not thread-safe: Graphviz is not. */
AmScene         *am_layout_run_in_process          (AmLayoutRequest *request,
                                                    GError         **error);

/*
 * The layout job: what the application runs to lay a document out, without blocking the
 * thread that asks.  Text measuring and building the request run on a worker thread,
 * Graphviz in the helper process (`actormap-layout-helper`, with CPU/memory limits and
 * a timeout), and the scene it answers is deserialised, validated and indexed on a
 * worker thread.  The phases and the callback come on the thread-default main context
 * of the caller, which must be the main thread (the helper dies with the thread that
 * spawned it).  Every job is independent: cancelling one kills its helper and it ends
 * with G_IO_ERROR_CANCELLED, never with a scene.
 */
typedef enum
{
  AM_LAYOUT_PHASE_PREPARING,    /* measuring text, building the request */
  AM_LAYOUT_PHASE_LAYING_OUT,   /* Graphviz runs in the helper */
  AM_LAYOUT_PHASE_READING,      /* checking and indexing the helper's answer */
} AmLayoutPhase;

typedef void (*AmLayoutPhaseFunc) (AmLayoutPhase phase,
                                   gpointer      user_data);

/* @document must not change while the job runs (documents are immutable today).
 * @helper_path NULL means am_layout_helper_find_path(); @timeout_seconds 0 means
 * AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS.  @phase_func (nullable) is called once per phase, in
 * order, before the callback and never after it; @phase_destroy frees @phase_data once
 * the job is over (after the callback). */
void             am_layout_job_run_async           (AmDocument          *document,
                                                    AmLayoutEngine       engine,
                                                    const char          *helper_path,
                                                    guint                timeout_seconds,
                                                    GCancellable        *cancellable,
                                                    AmLayoutPhaseFunc    phase_func,
                                                    gpointer             phase_data,
                                                    GDestroyNotify       phase_destroy,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Like am_layout_job_run_async, but nodes that are in @previous keep their centres exactly
 * (Graphviz only routes the edges: the "nop2" engine / neato -n2), nodes new to @document are
 * placed near their neighbours without overlapping, and pinned entities (am_entity_get_position)
 * sit where they are pinned.  @previous NULL = a full layout in which pinned entities still
 * keep their positions (pos="x,y!" + pin for neato/fdp/sfdp; for dot/circo/twopi: lay out, then
 * put the pinned nodes at their positions and re-route with nop2).  The scene's engine name
 * stays @engine.
 * (As built: fdp is treated like dot, since fdp 2.42.2 segfaulted on a pinned node in the
 * test fixture; sfdp gets the pins but moves them, so they are put back the same way.  A
 * pin is pulled in so its box starts right of and below the scene margin.) */
void             am_layout_job_run_keeping_async   (AmDocument          *document,
                                                    AmLayoutEngine       engine,
                                                    AmScene             *previous,
                                                    const char          *helper_path,
                                                    guint                timeout_seconds,
                                                    GCancellable        *cancellable,
                                                    AmLayoutPhaseFunc    phase_func,
                                                    gpointer             phase_data,
                                                    GDestroyNotify       phase_destroy,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* am_layout_job_run_keeping_async() with clusters, as am_layout_request_new_grouped()
 * builds them (@groups and @group_labels are read on a worker thread: they must not
 * change; they are referenced until the job ends).  Finish with am_layout_job_run_finish(). */
void             am_layout_job_run_grouped_async   (AmDocument          *document,
                                                    AmLayoutEngine       engine,
                                                    AmScene             *previous,
                                                    GHashTable          *groups,
                                                    GHashTable          *group_labels,
                                                    const char          *helper_path,
                                                    guint                timeout_seconds,
                                                    GCancellable        *cancellable,
                                                    AmLayoutPhaseFunc    phase_func,
                                                    gpointer             phase_data,
                                                    GDestroyNotify       phase_destroy,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Finishes all three.  A scene, or AM_LAYOUT_ERROR (_UNKNOWN_ENGINE, _TOO_LARGE, _FAILED, _CRASHED,
 * _TIMEOUT, _INVALID_SCENE) or G_IO_ERROR_CANCELLED. */
AmScene         *am_layout_job_run_finish          (GAsyncResult        *result,
                                                    GError             **error);

/* The same job for a request already built (tests and the command line). */
void             am_layout_run_async               (AmLayoutRequest     *request,
                                                    const char          *helper_path,
                                                    guint                timeout_seconds,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmScene         *am_layout_run_finish              (GAsyncResult        *result,
                                                    GError             **error);
/* Blocking variant for the command line (runs its own main context). */
AmScene         *am_layout_run_sync                (AmLayoutRequest     *request,
                                                    const char          *helper_path,
                                                    guint                timeout_seconds,
                                                    GCancellable        *cancellable,
                                                    GError             **error);

/* A helper started before its request is ready, so that its start-up overlaps the
 * caller's own work (the command line).  Same limits, timeout and checks as
 * am_layout_run_sync(); the timeout counts from am_layout_helper_run_sync(). */
typedef struct _AmLayoutHelper AmLayoutHelper;

/* `actormap-layout-helper`: $AM_LAYOUT_HELPER (set by the meson test environment), else
 * next to this binary (build tree), else in libexecdir; NULL if there is none. */
char            *am_layout_helper_find_path        (void);
AmLayoutHelper  *am_layout_helper_spawn            (const char          *helper_path,
                                                    guint                timeout_seconds,
                                                    GError             **error);
/* Sends @request; a helper runs one request only. */
AmScene         *am_layout_helper_run_sync         (AmLayoutHelper      *helper,
                                                    AmLayoutRequest     *request,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void             am_layout_helper_free             (AmLayoutHelper      *helper);

/* The helper's main routine: reads a request on stdin, writes a scene on stdout, returns
 * the exit status (0, or 1 with the message on stderr). */
int              am_layout_helper_main             (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmLayoutRequest, am_layout_request_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmLayoutHelper, am_layout_helper_free)

G_END_DECLS
