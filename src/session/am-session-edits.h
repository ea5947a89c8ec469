/* am-session-edits.h — the changes the session's edits make to a document builder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-core.h"
#include "am-item.h"

G_BEGIN_DECLS

/* Each function changes @builder (a copy of the session's document) and nothing else:
 * am_session_edit() builds, validates and swaps the result in.  They fail with
 * AM_MODEL_ERROR before changing anything when an argument is unusable (an unknown id,
 * an empty name). */

char     *_am_edit_add_actor          (AmDocumentBuilder  *builder,
                                       const char         *name,
                                       AmEntityKind        kind,
                                       const AmEvidence   *evidence,
                                       GError            **error);
gboolean  _am_edit_add_alias          (AmDocumentBuilder  *builder,
                                       const char         *entity_id,
                                       const char         *alias,
                                       const AmEvidence   *evidence,
                                       GError            **error);
char     *_am_edit_add_relation       (AmDocumentBuilder  *builder,
                                       const char         *source,
                                       const char         *target,
                                       const char         *label,
                                       const char         *type,
                                       gboolean            directed,
                                       const AmEvidence   *evidence,
                                       GError            **error);
char     *_am_edit_add_statement      (AmDocumentBuilder  *builder,
                                       const char         *speaker,
                                       const char         *text,
                                       gboolean            quoted,
                                       const AmEvidence   *evidence,
                                       GError            **error);
gboolean  _am_edit_add_evidence       (AmDocumentBuilder  *builder,
                                       const char         *item_id,
                                       const AmEvidence   *evidence,
                                       GError            **error);
gboolean  _am_edit_set_property       (AmDocumentBuilder  *builder,
                                       const char         *item_id,
                                       const char         *property,
                                       const GValue       *value,
                                       GError            **error);
/* The relations and statements that go with @item_id when it is deleted: an actor's
 * relations and the statements it speaks. (transfer full) */
GStrv     _am_edit_delete_cascade     (AmDocumentBuilder  *builder,
                                       const char         *item_id);
/* Removes @item_id and its cascade; statements that only mention an actor (about,
 * addressees, reported by) lose the mention and stay. */
gboolean  _am_edit_delete             (AmDocumentBuilder  *builder,
                                       const char         *item_id,
                                       GError            **error);
gboolean  _am_edit_merge              (AmDocumentBuilder  *builder,
                                       const char         *keep_id,
                                       const char         *merge_id,
                                       GError            **error);
gboolean  _am_edit_move_actor         (AmDocumentBuilder  *builder,
                                       const char         *entity_id,
                                       double              x,
                                       double              y,
                                       GError            **error);
gboolean  _am_edit_accept             (AmDocumentBuilder  *builder,
                                       const char         *item_id,
                                       GError            **error);
/* Removes a suggested item and the suggested items that depend on it. */
gboolean  _am_edit_reject             (AmDocumentBuilder  *builder,
                                       const char         *item_id,
                                       GError            **error);
/* How many suggested items of @type it accepted. */
guint     _am_edit_accept_all         (AmDocumentBuilder  *builder,
                                       AmItemType          type);
/* Adds the suggested items of @suggested whose ids @builder does not have yet and whose
 * actors it has (the document may have changed while suggestions were made); how many. */
guint     _am_edit_add_suggestions    (AmDocumentBuilder  *builder,
                                       AmDocument         *suggested);
/* An accepted item never refers to a suggested actor (the saved model, which leaves
 * suggestions out, would refer to nothing): accepts the actors accepted items refer to.
 * Run after every edit. */
void      _am_edit_accept_references  (AmDocumentBuilder  *builder);

/* The status of any item (AmEntity, AmRelation or AmStatement). */
AmStatus  _am_edit_item_status        (gpointer            item);

G_END_DECLS
