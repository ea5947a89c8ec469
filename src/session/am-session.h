/* am-session.h — what one window shows, owned in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"
#include "am-article-import.h"
#include "am-evidence-index.h"
#include "am-item.h"
#include "am-layout.h"
#include "am-view.h"

G_BEGIN_DECLS

/* Where a selection came from.  Widgets read it to decide whether to scroll or fly:
 * the map does not fly to what was clicked on the map, the list does not scroll to what
 * was picked in the list. */
typedef enum
{
  AM_SELECTION_ORIGIN_NONE,       /* set by the program, or cleared */
  AM_SELECTION_ORIGIN_MAP,        /* a click on the map */
  AM_SELECTION_ORIGIN_KEYBOARD,   /* arrow keys on the map */
  AM_SELECTION_ORIGIN_LIST,       /* a row of the actor list */
  AM_SELECTION_ORIGIN_SEARCH,     /* Enter in the search entry */
  AM_SELECTION_ORIGIN_ARTICLE,    /* a sentence of the article */
  AM_SELECTION_ORIGIN_DETAILS,    /* a link in the detail panel */
} AmSelectionOrigin;

GType am_selection_origin_get_type (void) G_GNUC_CONST;
#define AM_TYPE_SELECTION_ORIGIN (am_selection_origin_get_type ())

#define AM_TYPE_SESSION (am_session_get_type ())

G_DECLARE_FINAL_TYPE (AmSession, am_session, AM, SESSION, GObject)

/*
 * AmSession owns what one window shows: the document and the file it came from, the
 * scene laid out from it (by a layout job off the main thread), the layout engine of
 * this window, the selection and where it came from, the search text and what it
 * matches, what the map leaves undimmed, and whether something is being loaded or laid
 * out.  It is not a widget and needs no display.  Every change goes through one call
 * here; widgets follow through "notify".
 *
 * Properties (all read-only unless noted):
 *   "document" (AmDocument), "file" (GFile), "scene" (AmScene, boxed),
 *   "engine" (string, read-write: "auto" or an allowlisted engine; changing it lays
 *   out again), "resolved-engine" (string: what "auto" means for this document),
 *   "timeout-seconds" (uint, read-write), "selection" (string), "selection-origin"
 *   (AmSelectionOrigin), "map-selection" (string: the map's id for the selection — a
 *   statement's speaker), "search-text" (string, read-write), "searching" (boolean),
 *   "highlight" (GHashTable, boxed: ids left undimmed on the map, or NULL),
 *   "suggested" (GHashTable, boxed: ids of suggested actors and relations, or NULL),
 *   "busy" (boolean), "busy-message" (string), "loading" (boolean), "laying-out"
 *   (boolean), "layout-error" (GError, boxed: why the last layout failed, or NULL).
 *
 * Signals:
 *   "load-failed" (GFile *file, GError *error): a file did not open; the document
 *   on screen stays.
 *   "layout-failed" (const char *engine, GError *error): a layout failed or timed out;
 *   the scene on screen (if any) stays.
 *   "reveal" (const char *id, AmSelectionOrigin origin): an item was chosen (selected,
 *   or chosen again while selected): views that did not originate it bring it into view.
 *   "suggest-failed" (GError *error): the suggestions could not be made; the document
 *   stays as it is.
 *
 * The document is an immutable snapshot.  An edit builds a new one from the current one
 * (am_session_edit()), and the undo history is a stack of (label, before, after)
 * snapshots; see am-session.c for why.
 */
AmSession         *am_session_new                  (void);

AmDocument        *am_session_get_document         (AmSession         *self);
GFile             *am_session_get_file             (AmSession         *self);
/* Replaces the document (and where it came from; @file may be NULL) and lays it out.
 * The selection survives when the new document knows its id; the search text stays.
 * Like opening a file: the history is cleared and the session is not modified. */
void               am_session_set_document         (AmSession         *self,
                                                    AmDocument        *document,
                                                    GFile             *file);
/* Reads @file on a worker thread (JSON) or in the layout helper (Graphviz), then
 * am_session_set_document().  A newer open cancels an older one. */
void               am_session_open_file            (AmSession         *self,
                                                    GFile             *file);

/* Which items each sentence of the article supports, built once per document; NULL
 * without a document. (transfer none) */
AmEvidenceIndex   *am_session_get_evidence_index   (AmSession         *self);

AmScene           *am_session_get_scene            (AmSession         *self);
const char        *am_session_get_engine           (AmSession         *self);
void               am_session_set_engine           (AmSession         *self,
                                                    const char        *engine);
const char        *am_session_get_resolved_engine  (AmSession         *self);
guint              am_session_get_timeout_seconds  (AmSession         *self);
void               am_session_set_timeout_seconds  (AmSession         *self,
                                                    guint              seconds);
/* Lays the document out again with the current engine. */
void               am_session_relayout             (AmSession         *self);
/* After a timeout: four times the time limit (up to five minutes), then relayout. */
void               am_session_relayout_longer      (AmSession         *self);
/* Stops whatever is running (reading a file, laying out); what is on screen stays. */
void               am_session_cancel               (AmSession         *self);
const GError      *am_session_get_layout_error     (AmSession         *self);

/* NULL when nothing is selected. */
const char        *am_session_get_selection        (AmSession         *self);
AmSelectionOrigin  am_session_get_selection_origin (AmSession         *self);
AmItemType         am_session_get_selection_type   (AmSession         *self);
const char        *am_session_get_map_selection    (AmSession         *self);
/* The one way to select: NULL or "" clears; an id the document does not know clears
 * too.  "selection" is notified only when the id changes; every choice of an item, even
 * the selected one, emits "reveal". */
void               am_session_select               (AmSession         *self,
                                                    const char        *id,
                                                    AmSelectionOrigin  origin);

const char        *am_session_get_search_text      (AmSession         *self);
void               am_session_set_search_text      (AmSession         *self,
                                                    const char        *text);
gboolean           am_session_get_searching        (AmSession         *self);
/* Whether the item (an actor, relation or statement id) is shown by the current search
 * and view; without a search only the actors the view shows are. */
gboolean           am_session_item_matches         (AmSession         *self,
                                                    const char        *id);
/* Every actor, relation and statement of the document as AmItem, in list order:
 * actors by kind then name, then relations, then statements.  The same model object
 * for the life of the session; it changes with the document. (transfer none) */
GListModel        *am_session_get_items            (AmSession         *self);
/* Where the item of @id stands in am_session_get_items(), or G_MAXUINT when there is
 * none: lists kept in that order find a row by bisection. */
guint              am_session_get_item_position    (AmSession         *self,
                                                    const char        *id);
/* The first item the search shows, or NULL. */
const char        *am_session_get_first_match      (AmSession         *self);
/* (transfer none) (nullable) */
GHashTable        *am_session_get_highlight        (AmSession         *self);
/* Ids of the suggested actors and relations (drawn as suggestions), NULL when there are
 * none.  (transfer none) (nullable) */
GHashTable        *am_session_get_suggested        (AmSession         *self);

gboolean           am_session_get_busy             (AmSession         *self);
gboolean           am_session_get_loading          (AmSession         *self);
gboolean           am_session_get_laying_out       (AmSession         *self);
const char        *am_session_get_busy_message     (AmSession         *self);

/* Edits.  Each makes a new document snapshot, keeps the selection when it still exists, marks
 * the session modified and pushes one undo step named by @label (translated, "New Relation").
 * The map keeps its layout: the session relayouts with am_layout_job_run_keeping_async (previous
 * scene) so existing actors stay where they are.  FALSE + error (AM_MODEL_ERROR) when the edit
 * would make an invalid document; nothing changes then.  An edit that changes nothing pushes
 * no step. */
typedef gboolean (*AmSessionEditFunc) (AmDocumentBuilder *builder, gpointer user_data, GError **error);
gboolean     am_session_edit              (AmSession *self, const char *label, AmSessionEditFunc func, gpointer user_data, GError **error);
char        *am_session_add_actor         (AmSession *self, const char *name, AmEntityKind kind, const AmEvidence *evidence /* nullable */, GError **error); /* new id */
gboolean     am_session_add_alias         (AmSession *self, const char *entity_id, const char *alias, const AmEvidence *evidence /* nullable */, GError **error);
char        *am_session_add_relation      (AmSession *self, const char *source, const char *target, const char *label, const char *type /* nullable */, gboolean directed, const AmEvidence *evidence /* nullable */, GError **error);
char        *am_session_add_statement     (AmSession *self, const char *speaker, const char *text, gboolean quoted, const AmEvidence *evidence /* nullable */, GError **error);
gboolean     am_session_add_evidence      (AmSession *self, const char *item_id, const AmEvidence *evidence, GError **error);
/* One property of an item, by its GObject property name ("name", "kind", "role", "description",
 * "aliases", "label", "type", "directed", "date", "text", "quoted", "speaker", "about",
 * "addressees", "reported-by").  Undo label "Edit Actor"/"Edit Relation"/"Edit Statement".
 * "kind" takes the enum or its word ("person"); an empty optional text removes it. */
gboolean     am_session_set_item_property (AmSession *self, const char *item_id, const char *property, const GValue *value, GError **error);
/* What deleting @item_id also removes (ids of relations/statements), for the confirmation. */
GStrv        am_session_dup_delete_cascade (AmSession *self, const char *item_id);
/* Statements that only mention a deleted actor (about, addressees, reported by) stay,
 * without the mention. */
gboolean     am_session_delete            (AmSession *self, const char *item_id, GError **error);
/* @merge_id's aliases (and name), relations, statements and evidence go to @keep_id.
 * A relation between the two would join @keep_id to itself and goes. */
gboolean     am_session_merge             (AmSession *self, const char *keep_id, const char *merge_id, GError **error);
/* Pins the actor at (x, y) in scene coordinates; undo label "Move Actor".  The map shows
 * it there at once; the layout then re-routes its edges. */
gboolean     am_session_move_actor        (AmSession *self, const char *entity_id, double x, double y, GError **error);
gboolean     am_session_accept            (AmSession *self, const char *item_id, GError **error); /* also accepts the suggested actors it refers to */
gboolean     am_session_reject            (AmSession *self, const char *item_id, GError **error);
guint        am_session_accept_all        (AmSession *self, AmItemType type);   /* one undo step, returns how many */
/* Runs am_extract_suggest on a worker; the result is one undo step "Suggest".  Property "suggesting". */
void         am_session_suggest           (AmSession *self);
gboolean     am_session_get_suggesting    (AmSession *self);
/* A new unsaved document from an imported article (file NULL, modified TRUE, undo empty), then suggest. */
void         am_session_new_from_article  (AmSession *self, const AmArticle *article);
/* Undo/redo; properties "can-undo", "can-redo", "undo-label", "redo-label" (the step's label or NULL). */
gboolean     am_session_get_can_undo      (AmSession *self);
gboolean     am_session_get_can_redo      (AmSession *self);
const char  *am_session_get_undo_label    (AmSession *self);
const char  *am_session_get_redo_label    (AmSession *self);
void         am_session_undo              (AmSession *self);
void         am_session_redo              (AmSession *self);
/* Property "modified": TRUE after an edit, FALSE after a save/open, back to FALSE when undo returns to the saved step. */
gboolean     am_session_get_modified      (AmSession *self);
/* Save: writes am_document_to_json (AM_JSON_DEFAULT) atomically on a worker.  @file NULL = the
 * session's file (Save); else Save As (the session's file becomes @file on success). */
void         am_session_save_async        (AmSession *self, GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean     am_session_save_finish       (AmSession *self, GAsyncResult *result, GError **error);
/* Recovery: while modified, every AM_SESSION_RECOVERY_SECONDS (3) the session writes
 * {"file": "<uri or null>", "model": <document with suggestions>} atomically to
 * <g_get_user_state_dir()>/actormap/recovery/<session-id>.json; removed on save, on close
 * (am_session_discard_recovery) and when no longer modified. */
#define AM_SESSION_RECOVERY_SECONDS 3
void         am_session_discard_recovery  (AmSession *self);
/* (element-type GFile) (transfer full): recovery files left by sessions that did not end
 * (their process is gone: the name has the pid; a live pid's file is skipped). */
GList       *am_session_list_recovery     (void);
/* Loads a recovery file: document (modified TRUE), file = the one it was editing. Deletes it
 * once loaded. */
gboolean     am_session_recover           (AmSession *self, GFile *recovery_file, GError **error);

/*
 * Views (issue 9).  The view is session state: the map, the lists, the article pane and
 * the exports all show the same one.  A view never lays the map out again: the session
 * keeps the laid-out "scene" and derives "view-scene" from it with
 * am_view_result_build_scene().
 *
 * Properties: "view" (AmView boxed, read-write), "view-result" (AmViewResult boxed),
 * "view-scene" (AmScene boxed), "groups" (AmGroups boxed), "group-actors" (bool, rw),
 * "file-changed-on-disk" (bool), "reload-error" (GError boxed or NULL).
 *
 * Signal "reloaded" (no args): the document was replaced from disk; the canvas keeps its
 * viewport (it must not refit) and the selection stays if its id still exists.
 *
 * am_session_item_matches() and the lists show only what the view shows (plus the
 * search); "highlight" is the search highlight ∩ the path emphasis (either alone when only
 * one is set).
 *
 * On a small document (fewer than AM_SESSION_ASYNC_VIEW_ITEMS actors and relations) all
 * of that follows am_session_set_view() at once.  On a larger one the groups, the view's
 * result and the derived scene are computed on a worker thread, so the window never
 * waits: "view-pending" (bool) is TRUE from the request until the result lands, and
 * "groups", "view-result", "view-scene" and "highlight" are notified when it does (then
 * "view-pending" goes FALSE).  A newer request supersedes an older one: only the result
 * of the latest view is ever shown.
 */
#define AM_SESSION_ASYNC_VIEW_ITEMS 2000
gboolean       am_session_get_view_pending  (AmSession *self);
const AmView  *am_session_get_view          (AmSession *self);
void           am_session_set_view          (AmSession *self, const AmView *view); /* copies; no-op when equal */
AmViewResult  *am_session_get_view_result   (AmSession *self);
AmScene       *am_session_get_view_scene    (AmSession *self);  /* NULL until laid out */
AmGroups      *am_session_get_groups        (AmSession *self);
gboolean       am_session_get_group_actors  (AmSession *self);
/* Lays out again, with Graphviz clusters from the groups ("dot" unless the engine is one
 * that draws clusters: dot or fdp).  Remembered per file, like the view. */
void           am_session_set_group_actors  (AmSession *self, gboolean group_actors); /* lays out again */
/* Live reload: the session watches its file.  A change on disk reloads it (keeping the
 * view, the selection when its id still exists, and the viewport: "reloaded"); with
 * unsaved edits it only sets "file-changed-on-disk" and waits for am_session_reload() or
 * am_session_keep_mine().  A file that no longer loads sets "reload-error" and the old map
 * stays; a later good write clears it.  The session's own saves do not reload. */
gboolean       am_session_get_file_changed_on_disk (AmSession *self);
const GError  *am_session_get_reload_error  (AmSession *self);
void           am_session_reload            (AmSession *self);   /* re-read the file now (banner's Reload) */
void           am_session_keep_mine         (AmSession *self);   /* dismiss "changed on disk" */
/* Remembered views: the view, group-actors and the viewport of each file, restored when
 * it is opened again (am-view-store.h). */
void           am_session_set_viewport_hint (AmSession *self, double x, double y, double zoom); /* the canvas reports; saved with the view */
gboolean       am_session_get_viewport_hint (AmSession *self, double *x, double *y, double *zoom); /* restored for the opened file, FALSE if none */

/* For the widgets that follow a session: the "session" property they all install, and
 * the first half of their setter — points *@slot at @session and @group at it;
 * FALSE when it was already there (nothing to do, nothing to notify). */
GParamSpec        *am_session_param_spec           (void);
gboolean           am_session_set_slot             (AmSession        **slot,
                                                    GSignalGroup      *group,
                                                    AmSession         *session);

G_END_DECLS
