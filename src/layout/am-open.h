/* am-open.h — open any file Actormap reads: its own JSON model, or a Graphviz file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"

G_BEGIN_DECLS

typedef enum
{
  AM_FILE_FORMAT_MODEL,   /* Actormap's JSON model (docs/format.md) */
  AM_FILE_FORMAT_DOT,     /* a Graphviz file (docs/graphviz-import.md) */
  AM_FILE_FORMAT_NETWORK, /* GraphML, GEXF or CSV (am-interchange.h) */
} AmFileFormat;

/* The one answer to "what is this file": GraphML, GEXF and CSV by content first, then by
 * extension (am_interchange_sniff(), which sets @network); then .gv and .dot by name, or
 * a file whose first word (after comments) is strict, graph or digraph, is DOT; anything
 * else is a model.  @name, @contents and @network may be NULL. */
AmFileFormat am_open_guess_format    (const char          *name,
                                      GBytes              *contents,
                                      AmInterchangeFormat *network);

/*
 * Opens @file with the checks of am_document_load_from_file() (a regular file under the
 * size cap; FIFOs and devices never block) and loads it by its format: a JSON model with
 * the core loader (on a worker thread), a Graphviz file through the isolated helper
 * (`@helper_path --layout-helper`, NULL for am_layout_helper_find_path()), which parses
 * it with Graphviz and answers with a description the application checks (on a worker
 * thread) before it builds the document.  Every error names the file: AM_MODEL_ERROR for the file checks and models,
 * AM_LAYOUT_ERROR for Graphviz files (_PARSE with Graphviz's message and line,
 * _TOO_LARGE, _CRASHED, _TIMEOUT, _INVALID_SCENE), or G_IO_ERROR_CANCELLED.
 */
void         am_open_document_async  (GFile               *file,
                                      const char          *helper_path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
AmDocument  *am_open_document_finish (GAsyncResult        *result,
                                      GError             **error);
/* Blocking variant for the command line (runs its own main context). */
AmDocument  *am_open_document_sync   (GFile               *file,
                                      const char          *helper_path,
                                      GCancellable        *cancellable,
                                      GError             **error);

G_END_DECLS
