/* am-document-builder.h — a changed copy of a document, checked like a loaded file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-document.h"

G_BEGIN_DECLS

/*
 * Documents never change (see am-document.h): an edit builds a new one.  A builder starts
 * empty or from a document (same article, items in the same order, graph attributes,
 * group labels and origin), takes changes, and builds a new document that shares the
 * unchanged items with the old one.  Items are immutable too: change one by putting a
 * copy (am_object_copy_with()) under the same id.
 */
typedef struct _AmDocumentBuilder AmDocumentBuilder;

AmDocumentBuilder *am_document_builder_new               (void);
/* Same article, items, order, graph attributes, group labels and origin as @document. */
AmDocumentBuilder *am_document_builder_new_from_document (AmDocument        *document);
void               am_document_builder_free              (AmDocumentBuilder *self);
void               am_document_builder_set_article_field (AmDocumentBuilder *self,
                                                          AmArticleField     field,
                                                          const char        *value);
/* @paragraphs: (nullable) the article's paragraphs, copied; NULL for none. */
void               am_document_builder_set_paragraphs    (AmDocumentBuilder  *self,
                                                          const char * const *paragraphs);
/* @item: AmEntity, AmRelation or AmStatement (ref taken).  Replaces the item with the same
 * id where it stands (an item of another type with that id is removed and @item appended),
 * else appends. */
void               am_document_builder_put               (AmDocumentBuilder *self,
                                                          gpointer           item);
/* (transfer none) (nullable): the item with @id, of any of the three types. */
gpointer           am_document_builder_lookup            (AmDocumentBuilder *self,
                                                          const char        *id);
/* Removes the item with @id (nothing else: a caller that removes an entity removes the
 * items that refer to it).  FALSE when there is none. */
gboolean           am_document_builder_remove            (AmDocumentBuilder *self,
                                                          const char        *id);
/* An id not used yet: @prefix + slug of @name ("r-", "Joe Biden" → "r-joe-biden", then
 * "r-joe-biden-2"…).  The slug is lower-case ASCII letters, digits and hyphens (accents
 * transliterated); "item" when @name has none.  (transfer full) */
char              *am_document_builder_make_id           (AmDocumentBuilder *self,
                                                          const char        *prefix,
                                                          const char        *name);
/* @type: AM_TYPE_ENTITY, AM_TYPE_RELATION or AM_TYPE_STATEMENT */
guint              am_document_builder_get_n_items       (AmDocumentBuilder *self,
                                                          GType              type);
/* (transfer none) */
gpointer           am_document_builder_get_item          (AmDocumentBuilder *self,
                                                          GType              type,
                                                          guint              position);
/* The id, the evidence (transfer none) and the status of @item, an AmEntity, AmRelation or
 * AmStatement: what the three share, for code that handles any of them. */
const char        *am_document_item_get_id               (gpointer           item);
GPtrArray         *am_document_item_get_evidence         (gpointer           item);
AmStatus           am_document_item_get_status           (gpointer           item);
/* Checks like the loader: ids non-empty and unique, every reference an entity, names and
 * statement texts non-empty, dates ISO 8601, the URL a web URL, positions finite, evidence
 * text found verbatim in its paragraph (its offset is set to the first occurrence, as the
 * loader does).  Errors in AM_MODEL_ERROR, the message starting with @display_name
 * ("document" when NULL) and naming the item like the loader's ("entities[2] (e-joe): …").
 * The builder can be used again afterwards.  (transfer full) (nullable) */
AmDocument        *am_document_builder_build             (AmDocumentBuilder *self,
                                                          const char        *display_name,
                                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmDocumentBuilder, am_document_builder_free)

G_END_DECLS
