/* test-documents.h — loading the documents a test works on, failing the test if they do not load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-core.h"

G_BEGIN_DECLS

/* @bytes loaded as the file @name (which errors would name).  (transfer full) */
AmDocument *test_documents_load_bytes   (GBytes     *bytes,
                                         const char *name);
/* Likewise for the JSON text @json.  (transfer full) */
AmDocument *test_documents_load_json    (const char *json,
                                         const char *name);
/* The model file at @path.  (transfer full) */
AmDocument *test_documents_load_path    (const char *path);
/* The bundled article's model, data/north-korea-ignores-us-dialogue-offer.json under
 * $AM_SOURCE_ROOT (tests/meson.build sets it).  (transfer full) */
char       *test_documents_bundled_path (void);
AmDocument *test_documents_load_bundled (void);

G_END_DECLS
