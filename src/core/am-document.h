/* am-document.h — one article's actor network, and its loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-types.h"
#include "am-entity.h"
#include "am-relation.h"
#include "am-statement.h"
#include "am-evidence.h"
#include "am-model-error.h"

G_BEGIN_DECLS

#define AM_TYPE_DOCUMENT (am_document_get_type ())

G_DECLARE_FINAL_TYPE (AmDocument, am_document, AM, DOCUMENT, GObject)

/* Files larger than this are refused before any byte is parsed. */
#define AM_DOCUMENT_MAX_FILE_SIZE (64 * 1024 * 1024)
/* JSON nesting deeper than this is refused before json-glib sees it (1.6.6 has no limit). */
#define AM_DOCUMENT_MAX_DEPTH 64

/*
 * An AmDocument is immutable after loading: its list models never change, so views may
 * hold on to them and to the objects in them for as long as they hold the document.
 */

/* Loading.  Every error is in AM_MODEL_ERROR and its message starts with @display_name
 * (or the file's display name) and names the JSON location: "article.json: relations[3]
 * (r-visit): 'target' refers to unknown entity 'e99'". */
AmDocument *am_document_load_from_bytes  (GBytes              *bytes,
                                          const char          *display_name,
                                          GError             **error);
/* Checks the file first (regular file, size cap) and never blocks on FIFOs or devices. */
AmDocument *am_document_load_from_file   (GFile               *file,
                                          GCancellable        *cancellable,
                                          GError             **error);
void        am_document_load_file_async  (GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
AmDocument *am_document_load_file_finish (GAsyncResult        *result,
                                          GError             **error);
/* Builds a document from objects made elsewhere (the DOT importer).  Checks ids and
 * references like the loader does.  (element-type AmEntity/AmRelation) (transfer none)
 * The messages name "entities[i] (id)" / "relations[i] (id)" but no file: callers add
 * their file name with g_prefix_error (error, "%s: ", display_name). */
AmDocument *am_document_new_from_objects (const char          *title,
                                          GPtrArray           *entities,
                                          GPtrArray           *relations,
                                          GError             **error);
/* The same, plus graph-level layout hints and cluster labels (both copied; nullable). */
AmDocument *am_document_new_from_graph   (const char          *title,
                                          GPtrArray           *entities,
                                          GPtrArray           *relations,
                                          GHashTable          *graph_attributes,
                                          GHashTable          *group_labels,
                                          GError             **error);
/* am_document_new_from_graph() for a document that came from elsewhere: the DOT import
 * passes %AM_DOCUMENT_ORIGIN_GRAPHVIZ.  The two constructors above give
 * %AM_DOCUMENT_ORIGIN_MODEL. */
AmDocument *am_document_new_imported     (AmDocumentOrigin     origin,
                                          const char          *title,
                                          GPtrArray           *entities,
                                          GPtrArray           *relations,
                                          GHashTable          *graph_attributes,
                                          GHashTable          *group_labels,
                                          GError             **error);
/* The checks and the read of am_document_load_from_file(), without parsing: for other
 * formats (DOT).  Sets *display_name (transfer full) in every case.  AM_MODEL_ERROR,
 * or G_IO_ERROR_CANCELLED. */
GBytes     *am_document_read_file        (GFile               *file,
                                          GCancellable        *cancellable,
                                          char               **display_name,
                                          GError             **error);

/* Where the document came from: %AM_DOCUMENT_ORIGIN_MODEL for a loaded JSON file. */
AmDocumentOrigin    am_document_get_origin     (AmDocument *self);

/* Article metadata: NULL (or empty array) when the file has no "article". */
const char         *am_document_get_title      (AmDocument *self);
const char         *am_document_get_date       (AmDocument *self);
const char         *am_document_get_publisher  (AmDocument *self);
const char         *am_document_get_source     (AmDocument *self);
const char         *am_document_get_url        (AmDocument *self);
const char * const *am_document_get_paragraphs (AmDocument *self);
guint               am_document_get_n_paragraphs (AmDocument *self);

/* Imported graphs: layout hints (utf8 → utf8, never NULL, empty for JSON files) and the
 * label of a group's cluster (NULL when none was given: the id is the label). */
GHashTable         *am_document_get_graph_attributes (AmDocument *self);
const char         *am_document_get_group_label      (AmDocument *self,
                                                      const char *group);

/* (transfer none) list models, in file order */
GListModel  *am_document_get_entities   (AmDocument *self);   /* of AmEntity */
GListModel  *am_document_get_relations  (AmDocument *self);   /* of AmRelation */
GListModel  *am_document_get_statements (AmDocument *self);   /* of AmStatement */

/* Lookups by id; (transfer none) (nullable) */
AmEntity    *am_document_lookup_entity    (AmDocument *self, const char *id);
AmRelation  *am_document_lookup_relation  (AmDocument *self, const char *id);
AmStatement *am_document_lookup_statement (AmDocument *self, const char *id);

/* (element-type AmRelation) (transfer container): relations with @entity_id at either end */
GPtrArray   *am_document_relations_of      (AmDocument *self, const char *entity_id);
/* (element-type AmStatement) (transfer container): statements spoken by @entity_id */
GPtrArray   *am_document_statements_by     (AmDocument *self, const char *entity_id);
/* (element-type AmStatement) (transfer container): statements about or addressed to @entity_id */
GPtrArray   *am_document_statements_about  (AmDocument *self, const char *entity_id);

/* Everything whose evidence lies in @paragraph and covers byte @offset of it (or any of
 * the paragraph when @offset < 0): ids of entities, relations and statements, in that
 * order.  (transfer full) NULL-terminated, never NULL */
char       **am_document_find_by_evidence (AmDocument *self,
                                           guint       paragraph,
                                           gssize      offset);

G_END_DECLS
