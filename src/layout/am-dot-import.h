/* am-dot-import.h — importing a Graphviz file: the wire format between the helper and the
 * application, the attribute filter, and the parent-side decoder (no Graphviz here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DOT text is parsed by cgraph in the helper process (graphviz/am-graphviz-import.c),
 * never in the application.  The helper answers with a versioned GVariant that the application trusts
 * no more than the file: _am_dot_import_decode() checks every string, cap and reference
 * before it builds an AmDocument.  The rules (what is dropped, clamped and kept) are in
 * docs/graphviz-import.md.
 */
#pragma once

#include "am-layout.h"

G_BEGIN_DECLS

/* Application → helper: (suv) with this magic and version, the payload an `ay` of DOT. */
#define AM_DOT_IMPORT_REQUEST_MAGIC  "actormap-dot-import"
/* Helper → application: (suv) with this magic and version; the payload is either a
 * graph (AM_DOT_GRAPH_TYPE) or an error (AM_DOT_ERROR_TYPE: code, message). */
#define AM_DOT_IMPORT_ANSWER_MAGIC   "actormap-dot-graph"
#define AM_DOT_IMPORT_VERSION        1

/*
 * The graph payload:
 *   s          graph name ("" when anonymous)
 *   b          directed
 *   b          strict
 *   s, b       graph label (raw escString or HTML text, "" when none), label is HTML
 *   a{ss}      graph attributes (only those the filter keeps at graph scope)
 *   a(ssb)     clusters: name (unique), raw label, label is HTML
 *   a(ssbsa{ss}) nodes: name (unique), raw label, label is HTML, innermost cluster or "",
 *              attributes (filtered)
 *   a(ssssba{ss}) edges: id (unique, also among node names), tail, head, raw label,
 *              label is HTML, attributes (filtered)
 */
#define AM_DOT_GRAPH_TYPE  "(sbbsba{ss}a(ssb)a(ssbsa{ss})a(ssssba{ss}))"
#define AM_DOT_ERROR_TYPE  "(us)"

/* Caps, checked by the helper when it builds an answer and again by the decoder. */
#define AM_DOT_MAX_BYTES            (32 * 1024 * 1024)   /* the DOT text itself */
#define AM_DOT_MAX_NODES            AM_LAYOUT_MAX_NODES
#define AM_DOT_MAX_EDGES            AM_LAYOUT_MAX_EDGES
#define AM_DOT_MAX_CLUSTERS         AM_LAYOUT_MAX_NODES
#define AM_DOT_MAX_ATTRIBUTES       64                   /* per object */
#define AM_DOT_MAX_KEY_BYTES        64                   /* attribute names */
#define AM_DOT_MAX_VALUE_BYTES      4096                 /* attribute values, labels */
#define AM_DOT_MAX_ID_BYTES         4096                 /* node, cluster and edge names */
#define AM_DOT_MAX_NAME_CHARS       1024                 /* an entity's display name */

/* Without a layout attribute of its own, a graph is laid out with dot up to this many
 * nodes and edges (as the dot command and xdot.py do), and with sfdp above: dot takes
 * minutes on a few thousand nodes even with its limits (performance.md), and the
 * corpus's b103.gv (944 nodes, 2 438 edges) took dot 14.4 s, over the default timeout;
 * the largest graph dot lays out within a second has 1 083 edges. */
#define AM_DOT_DEFAULT_DOT_MAX_NODES 1000
#define AM_DOT_DEFAULT_DOT_MAX_EDGES 2000

typedef enum
{
  AM_DOT_SCOPE_GRAPH,
  AM_DOT_SCOPE_NODE,
  AM_DOT_SCOPE_EDGE,
} AmDotScope;

/* The one attribute filter, used on both sides of the pipe.  Returns NULL when the
 * attribute is dropped, else the value to keep (clamped or normalised). */
char       *_am_dot_filter_attribute      (AmDotScope    scope,
                                           const char   *name,
                                           const char   *value);

/* TRUE when @data looks like DOT: after white space, a BOM and comments, the keyword
 * strict, graph or digraph (any case). */
gboolean    _am_dot_sniff                 (const guint8 *data,
                                           gsize         length);

/* Application side.  The run is am_layout_run_async()'s, with messages that name the
 * file; the result is the decoded document. */
GBytes     *_am_dot_import_request_new    (GBytes       *dot);
void        _am_dot_import_run_async      (GBytes              *dot,
                                           const char          *display_name,
                                           const char          *helper_path,
                                           guint                timeout_seconds,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
AmDocument *_am_dot_import_run_finish     (GAsyncResult        *result,
                                           GError             **error);
AmDocument *_am_dot_import_decode         (GBytes       *answer,
                                           const char   *display_name,
                                           GError      **error);

/* Helper side.  Returns TRUE when @input carries the import magic; then either *dot is
 * set (transfer full) or @error says why the request is unusable. */
gboolean    _am_dot_import_request_parse  (GBytes       *input,
                                           GBytes      **dot,
                                           GError      **error);
/* @graph: a (floating or not) AM_DOT_GRAPH_TYPE value */
GBytes     *_am_dot_import_answer_graph   (GVariant     *graph);
GBytes     *_am_dot_import_answer_error   (AmLayoutError code,
                                           const char   *message);

/* The names a label may refer to; NULL where the escape does not apply. */
typedef struct
{
  const char *node;     /* \N */
  const char *graph;    /* \G: the root graph's name, or a cluster's own */
  const char *edge;     /* \E: "tail->head" */
  const char *tail;     /* \T */
  const char *head;     /* \H */
} AmDotNames;

/* The text a DOT label shows: escapes resolved (\N, \G, \E, \T, \H; \n, \l, \r as line
 * breaks), entities decoded, HTML and record labels reduced to their plain text.  The
 * result is plain text, never markup; it may be empty. */
char       *_am_dot_label_text            (const char       *label,
                                           gboolean          is_html,
                                           gboolean          is_record,
                                           const AmDotNames *names);

G_END_DECLS
