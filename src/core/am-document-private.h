/* am-document-private.h — building an AmDocument inside the core layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-document.h"

G_BEGIN_DECLS

typedef struct
{
  char  *title;
  char  *date;
  char  *publisher;
  char  *source;
  char  *url;
  char **paragraphs;  /* NULL-terminated, or NULL for none */
} AmArticleInfo;

void        _am_article_info_clear (AmArticleInfo *info);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmArticleInfo, _am_article_info_clear)

/* Builds the document from objects that are already checked: ids non-empty and unique
 * across the three arrays, every referenced entity present.  Steals the fields of
 * @article (which may be NULL); takes its own references to the objects. */
AmDocument *_am_document_new       (AmArticleInfo *article,
                                    GPtrArray     *entities,
                                    GPtrArray     *relations,
                                    GPtrArray     *statements);

/* The group labels of an imported graph (group id → label), never NULL.  (transfer none) */
GHashTable *_am_document_get_group_labels (AmDocument       *self);
/* For a document just made by _am_document_new(): its origin and copies of the two
 * tables (nullable). */
void        _am_document_set_graph        (AmDocument       *self,
                                           AmDocumentOrigin  origin,
                                           GHashTable       *graph_attributes,
                                           GHashTable       *group_labels);

G_END_DECLS
