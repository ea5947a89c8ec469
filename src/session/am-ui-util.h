/* am-ui-util.h — small text helpers shared by the window and its panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"
#include "am-item.h"

G_BEGIN_DECLS

/* Ids are unique across entities, relations and statements. */
AmItemType  _am_ui_item_type         (AmDocument  *document,
                                      const char  *id);
gboolean    _am_ui_document_has_id   (AmDocument  *document,
                                      const char  *id);
/* TRUE for a plain graph (an imported Graphviz file, am_document_get_origin()).  The
 * window then speaks of nodes and edges, not actors and relations. */
gboolean    _am_ui_document_is_graph (AmDocument  *document);
/* The entity's name, or the id itself when the document does not know it. */
const char *_am_ui_entity_name       (AmDocument  *document,
                                      const char  *id);
/* "Kim Yo Jong → United States" (or "A — B" when undirected). (transfer full) */
char       *_am_ui_relation_ends     (AmDocument  *document,
                                      AmRelation  *relation);
/* The words of a statement: in quotation marks when quoted. (transfer full) */
char       *_am_ui_statement_words   (AmStatement *statement);
/* One line naming any item: an actor, a relation, "Speaker: “words…”". (transfer full) */
char       *_am_ui_describe_item     (AmDocument  *document,
                                      const char  *id,
                                      guint        max_chars);
/* Translated singular ("Person") and plural ("People") names of a kind.  Unknown kinds
 * come back as their own word, capitalised. (transfer full) */
char       *_am_ui_kind_label        (AmEntity    *entity);
char       *_am_ui_kind_heading      (AmEntity    *entity);
/* The CSS class suffix of a kind: "person", …, "other". */
const char *_am_ui_kind_css_name     (AmEntity    *entity);
/* At most @max_chars characters, with an ellipsis when cut. (transfer full) */
char       *_am_ui_truncate          (const char  *text,
                                      guint        max_chars);
/* A file-name stem from a title: lower case ASCII words joined by '-'. (transfer full) */
char       *_am_ui_slugify           (const char  *title,
                                      gsize        max_len);
/* Case- and accent-insensitive text for searching. (transfer full) */
char       *_am_ui_fold              (const char  *text);
/* TRUE when every word of @folded_query occurs in @folded_haystack. */
gboolean    _am_ui_matches           (const char  *folded_haystack,
                                      const char  *folded_query);
/* TRUE when both sets of strings (g_hash_table_add) hold the same keys; NULL is the
 * empty set only when both are NULL. */
gboolean    _am_ui_string_set_equal  (GHashTable        *a,
                                      GHashTable        *b);
/* A file name fit for a title: the display name, never raw bytes. (transfer full) */
char       *_am_ui_display_name      (GFile             *file);

/* A signal group for an AmSession (no target yet) with @callback connected, swapped to
 * @instance, to "notify::" each of the NULL-terminated property names: the widgets
 * that follow a session set its target with am_session_set_slot(). */
GSignalGroup *_am_ui_session_signals_new (gpointer    instance,
                                          GCallback   callback,
                                          const char *first_property,
                                          ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
