/* am-document-writer.h — AmDocument → the JSON model format, and saving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-document.h"

G_BEGIN_DECLS

typedef enum
{
  AM_JSON_DEFAULT           = 0,
  AM_JSON_INCLUDE_SUGGESTED = 1 << 0,  /* write suggested items too (drafts, recovery) */
} AmJsonFlags;

/* The document in the model format (docs/format.md): pretty-printed UTF-8, "version": 2,
 * every field the loader reads, in a stable order (id, name, kind first).  Without
 * AM_JSON_INCLUDE_SUGGESTED suggested items are left out, except a suggested actor that a
 * written item refers to, which is written as accepted so the file always loads.
 * am_document_load_from_bytes (am_document_to_json (d, AM_JSON_INCLUDE_SUGGESTED)) is
 * am_document_equal() to d for every model document.  (transfer full) */
GBytes   *am_document_to_json  (AmDocument  *document,
                                AmJsonFlags  flags);
/* Same article (fields and paragraphs) and the same items in the same order, with all
 * their fields (status, position, evidence, attributes…).  The origin and the graph
 * attributes of an imported graph are not compared (the model format has neither). */
gboolean  am_document_equal    (AmDocument  *a,
                                AmDocument  *b);
/* am_document_to_json() + am_file_write_atomic().  Errors are G_IO_ERROR (from the write)
 * with a message naming the file: "Could not save “x.json”: No space left on device".
 * On failure the file at @path is as it was. */
gboolean  am_document_save     (AmDocument  *document,
                                const char  *path,
                                AmJsonFlags  flags,
                                GError     **error);

G_END_DECLS
