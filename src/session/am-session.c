/* am-session.c — what one window shows, owned in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "am-extract.h"
#include "am-file-watch.h"
#include "am-open.h"
#include "am-session-private.h"
#include "am-session-edits.h"
#include "am-session-recovery.h"
#include "am-ui-util.h"
#include "am-view-store.h"

/*
 * Why edits make new documents.
 *
 * An edit does not change the document: it copies it into an AmDocumentBuilder, changes
 * the copy and builds a new immutable snapshot, which replaces the old one here.  We chose
 * this over a mutable model with change signals because:
 *
 *  - the core and every view stay readers of an immutable document.  Nothing that holds a
 *    document, an entity or a list model from it can see it change under its feet, so no
 *    view needs to learn fine-grained change signals or guard against half-done changes;
 *    a new document is one "notify::document", which they already follow;
 *  - undo is restoring a pointer.  A step is (label, document before, document after);
 *    undoing swaps the before back in, with no inverse operation to write per edit kind
 *    and get wrong, and "modified" is simply "the document is not the saved snapshot";
 *  - workers read a snapshot without locks.  The layout job, the list items, the
 *    suggestions, the save and the recovery copy all run on other threads; each holds a
 *    reference to the snapshot it started with and reads it while the user edits on;
 *  - it is cheap at article scale.  A snapshot shares every unchanged entity, relation and
 *    statement with the one before (they are refcounted and immutable), so a step costs a
 *    few pointers per item, and an article has hundreds of items, not millions.
 */

/* Each "Wait Longer" multiplies the time limit by this, up to the maximum: big maps on
 * slow machines. */
#define TIMEOUT_FACTOR      4
#define TIMEOUT_MAX_SECONDS 300

/* The remembered view is written this long after its last change: a slider dragged
 * through ten values writes the store once. */
#define VIEW_STORE_DELAY_MS 1000

struct _AmSession
{
  GObject            parent_instance;

  AmDocument        *document;
  GFile             *file;
  AmScene           *scene;
  char              *engine;           /* "auto" or an allowlisted engine name */
  guint              timeout_seconds;

  char              *selection;        /* NULL when nothing is selected */
  AmSelectionOrigin  selection_origin;

  char              *search_text;
  char              *folded_query;     /* NULL when not searching */
  GHashTable        *matches;          /* item ids the search shows, NULL when not searching */
  char              *first_match;
  GHashTable        *highlight;        /* map ids left undimmed, or NULL */
  GHashTable        *suggested;        /* ids of suggested actors and relations, or NULL */

  AmEvidenceIndex   *evidence_index;   /* which items each sentence supports; NULL without a document */

  /* Items of the document, in list order; built on a worker thread. */
  GListStore        *items;
  GPtrArray         *item_array;       /* the same items, for the session's own passes */
  GHashTable        *item_positions;   /* id (borrowed from item_array) → 1 + position */

  GError            *layout_error;
  char              *busy_message;
  GCancellable      *load_cancellable;
  GCancellable      *layout_cancellable;
  GCancellable      *items_cancellable;
  /* Each job carries the serial it was started with; a result whose serial is not the
   * current one is late (a newer request replaced it) and is dropped. */
  guint              load_serial;
  guint              layout_serial;
  guint              items_serial;

  AmDocument        *scene_document;   /* what self->scene was laid out from (a ref), NULL when unknown */

  /* History: the steps to undo (oldest first) and to redo (the next one last). */
  GPtrArray         *undo_steps;
  GPtrArray         *redo_steps;
  AmDocument        *saved_document;   /* the snapshot that is in the file; NULL: none */

  GCancellable      *suggest_cancellable;
  guint              suggest_serial;

  /* Recovery copy: written on a worker a few seconds after a change while modified. */
  char              *recovery_path;    /* NULL until the first write */
  AmDocument        *recovery_document; /* the snapshot written (or being written) last */
  guint              recovery_source;
  guint              recovery_serial;
  guint              recovery_writing : 1;

  /* The view (never NULL), what it shows of the document, and the scene derived from the
   * laid-out one.  A view change never lays out again: it only derives a new view_scene. */
  AmView            *view;
  AmGroups          *groups;           /* NULL without a document */
  AmViewResult      *view_result;      /* NULL without a document */
  AmScene           *view_scene;       /* NULL until laid out */
  gboolean           group_actors;
  /* Computing them (see "The view" below): what is still to compute for the current
   * state (VIEW_PART_* bits), the serial of the latest request, the idle that starts the
   * worker, whether a worker is computing. */
  guint              view_needs;
  guint              view_serial;
  guint              view_source;
  gboolean           view_running;

  /* Live reload. */
  AmFileWatch       *watch;            /* NULL without a file */
  guint              watch_serial;     /* which watch a save held */
  GCancellable      *reload_cancellable;
  guint              reload_serial;
  GError            *reload_error;
  gboolean           file_changed_on_disk;

  /* Remembered view: the viewport the canvas reports, and the debounced write. */
  gboolean           has_viewport;
  double             viewport_x;
  double             viewport_y;
  double             viewport_zoom;
  guint              store_source;

  guint              loading : 1;
  guint              laying_out : 1;
  guint              suggesting : 1;
};

G_DEFINE_FINAL_TYPE (AmSession, am_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AmSelectionOrigin, am_selection_origin,
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_MAP, "map"),
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_KEYBOARD, "keyboard"),
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_LIST, "list"),
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_SEARCH, "search"),
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_ARTICLE, "article"),
                    G_DEFINE_ENUM_VALUE (AM_SELECTION_ORIGIN_DETAILS, "details"))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_BUSY_MESSAGE,
  PROP_CAN_REDO,
  PROP_CAN_UNDO,
  PROP_DOCUMENT,
  PROP_ENGINE,
  PROP_FILE,
  PROP_FILE_CHANGED_ON_DISK,
  PROP_GROUP_ACTORS,
  PROP_GROUPS,
  PROP_HIGHLIGHT,
  PROP_LAYING_OUT,
  PROP_LAYOUT_ERROR,
  PROP_LOADING,
  PROP_MAP_SELECTION,
  PROP_MODIFIED,
  PROP_REDO_LABEL,
  PROP_RELOAD_ERROR,
  PROP_RESOLVED_ENGINE,
  PROP_SCENE,
  PROP_SEARCH_TEXT,
  PROP_SEARCHING,
  PROP_SELECTION,
  PROP_SELECTION_ORIGIN,
  PROP_SUGGESTED,
  PROP_SUGGESTING,
  PROP_TIMEOUT_SECONDS,
  PROP_UNDO_LABEL,
  PROP_VIEW,
  PROP_VIEW_PENDING,
  PROP_VIEW_RESULT,
  PROP_VIEW_SCENE,
  N_PROPS
};

enum {
  LOAD_FAILED,
  LAYOUT_FAILED,
  RELOADED,
  REVEAL,
  SUGGEST_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void am_session_relayout_internal (AmSession *self);
static void start_layout                 (AmSession *self,
                                          AmScene   *previous);
static void update_recovery              (AmSession *self);
static void cancel_suggest_job           (AmSession *self);
static void update_highlight             (AmSession *self);
static void schedule_store               (AmSession *self);

/* A pending asynchronous job.  It holds the session weakly, so a closed window never
 * waits for a helper process, and the serial tells a current result from a late one. */
typedef struct
{
  GWeakRef    session;
  guint       serial;
  GFile      *file;
  char       *engine;
  AmDocument *document;   /* what a layout job lays out */
} Job;

static Job *
job_new (AmSession  *self,
         guint       serial,
         GFile      *file,
         const char *engine)
{
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->session, self);
  job->serial = serial;
  g_set_object (&job->file, file);
  job->engine = g_strdup (engine);

  return job;
}

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->session);
  g_clear_object (&job->file);
  g_clear_object (&job->document);
  g_free (job->engine);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Busy state */

typedef struct
{
  gboolean busy;
  gboolean loading;
  gboolean laying_out;
} BusyState;

static BusyState
busy_state (AmSession *self)
{
  return (BusyState) {
    .busy = self->loading || self->laying_out,
    .loading = self->loading,
    .laying_out = self->laying_out,
  };
}

/* Notifies whatever changed since @before, and the message with them. */
static void
notify_busy (AmSession *self,
             BusyState  before)
{
  BusyState now = busy_state (self);

  if (now.loading != before.loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
  if (now.laying_out != before.laying_out)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYING_OUT]);
  if (now.busy != before.busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
set_busy_message (AmSession  *self,
                  const char *message)
{
  if (g_strcmp0 (self->busy_message, message) == 0)
    return;

  g_free (self->busy_message);
  self->busy_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY_MESSAGE]);
}

/* The item of @id, or NULL. */
static AmItem *
item_at (AmSession  *self,
         const char *id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_positions, id));

  return position > 0 ? g_ptr_array_index (self->item_array, position - 1) : NULL;
}

/* Derived state: what the search matches, what the map leaves undimmed */

static void
add_statement_participants (GHashTable  *set,
                            AmStatement *statement)
{
  const char * const *about = am_statement_get_about (statement);
  const char * const *addressees = am_statement_get_addressees (statement);
  const char *reported_by = am_statement_get_reported_by (statement);

  g_hash_table_add (set, g_strdup (am_statement_get_speaker (statement)));
  for (guint i = 0; about[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (about[i]));
  for (guint i = 0; addressees[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (addressees[i]));
  if (reported_by != NULL)
    g_hash_table_add (set, g_strdup (reported_by));
}

/* Whether the view shows @id (an actor, relation or statement). */
static gboolean
view_shows (AmSession  *self,
            const char *id)
{
  return self->view_result == NULL || am_view_result_is_visible (self->view_result, id);
}

/* What a path leaves undimmed on the map: the emphasis (the actors and relations on a
 * shortest path, and the collapsed groups' nodes and merged edges that carry them); NULL
 * without a path, or when the path hides the rest anyway. */
static GHashTable *
path_highlight (AmSession *self)
{
  GHashTable *emphasis;
  GHashTable *set;
  GHashTableIter iter;
  gpointer key;

  /* The result's own view: the session's may be newer, its result still on the way. */
  if (self->view_result == NULL
      || am_view_get_path_hide_others (am_view_result_get_view (self->view_result))
      || (emphasis = am_view_result_get_emphasis (self->view_result)) == NULL)
    return NULL;

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, emphasis);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (set, g_strdup (key));

  return set;
}

/* @set ∩ @other, in place. */
static void
intersect (GHashTable *set,
           GHashTable *other)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (other, key))
      g_hash_table_iter_remove (&iter);
}

/* What the map leaves undimmed: what the search matches while searching, otherwise the
 * actors of a selected statement (statements have no shape of their own on the map);
 * with a path, only what is on it as well. */
static void
update_highlight (AmSession *self)
{
  g_autoptr(GHashTable) set = NULL;
  g_autoptr(GHashTable) path = path_highlight (self);
  AmStatement *statement;

  if (self->matches != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, self->matches);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          AmItem *item = item_at (self, key);
          const char * const *map_ids = am_item_get_map_ids (item);

          for (guint i = 0; map_ids[i] != NULL; i++)
            g_hash_table_add (set, g_strdup (map_ids[i]));
        }
    }
  else if (self->document != NULL && self->selection != NULL
           && (statement = am_document_lookup_statement (self->document, self->selection)))
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_statement_participants (set, statement);
    }

  if (path != NULL && set != NULL)
    intersect (set, path);
  else if (path != NULL)
    set = g_steal_pointer (&path);

  if (_am_ui_string_set_equal (set, self->highlight))
    return;

  g_clear_pointer (&self->highlight, g_hash_table_unref);
  self->highlight = g_steal_pointer (&set);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIGHLIGHT]);
}

static void
add_if_suggested (GHashTable **set,
                  AmStatus     status,
                  const char  *id)
{
  if (status != AM_STATUS_SUGGESTED)
    return;
  if (*set == NULL)
    *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (*set, g_strdup (id));
}

/* What the map draws as suggestions: the suggested actors and relations of the document
 * (statements have no shape of their own). */
static void
update_suggested (AmSession *self)
{
  g_autoptr(GHashTable) set = NULL;

  if (self->document != NULL)
    {
      GListModel *entities = am_document_get_entities (self->document);
      GListModel *relations = am_document_get_relations (self->document);

      for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
        {
          g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

          add_if_suggested (&set, am_entity_get_status (entity), am_entity_get_id (entity));
        }
      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

          add_if_suggested (&set, am_relation_get_status (relation), am_relation_get_id (relation));
        }
    }

  if (_am_ui_string_set_equal (set, self->suggested))
    return;

  g_clear_pointer (&self->suggested, g_hash_table_unref);
  self->suggested = g_steal_pointer (&set);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUGGESTED]);
}

/* Runs the search over the items: one pass per change of the text or of the items. */
static void
update_matches (AmSession *self)
{
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->first_match, g_free);

  if (self->folded_query != NULL)
    {
      self->matches = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->item_array->len; i++)
        {
          AmItem *item = g_ptr_array_index (self->item_array, i);

          if (!_am_ui_matches (am_item_get_haystack (item), self->folded_query)
              || !view_shows (self, am_item_get_id (item)))
            continue;

          /* Keys are borrowed from the items, which item_array keeps alive. */
          g_hash_table_add (self->matches, (gpointer) am_item_get_id (item));
          if (self->first_match == NULL)
            self->first_match = g_strdup (am_item_get_id (item));
        }
    }

  update_highlight (self);
}

/* Items */

static void
set_items (AmSession *self,
           GPtrArray *items)
{
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  /* The old array is dropped only after the splice: until then the store still shows
   * its items. */
  GPtrArray *old = g_steal_pointer (&self->item_array);

  self->item_array = items ? g_ptr_array_ref (items) : g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->item_positions);
  for (guint i = 0; i < self->item_array->len; i++)
    {
      AmItem *item = g_ptr_array_index (self->item_array, i);

      g_hash_table_insert (self->item_positions, (gpointer) am_item_get_id (item), GUINT_TO_POINTER (i + 1));
    }

  /* What the search matches is known before the list hears of the new items, so a
   * filter that asks am_session_item_matches() while the store changes gets answers
   * about the new items. */
  update_matches (self);
  g_list_store_splice (self->items, 0, n_before,
                       self->item_array->pdata, self->item_array->len);
  g_clear_pointer (&old, g_ptr_array_unref);
}

static void
build_items_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AmDocument *document = task_data;

  /* Items only read the immutable document, so they can be built off the main thread:
   * folding the text of every actor, relation and statement of a big map takes time. */
  g_task_return_pointer (task, am_item_build_all (document), (GDestroyNotify) g_ptr_array_unref);
}

static void
build_items_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self == NULL || job->serial != self->items_serial || items == NULL)
    return;

  g_clear_object (&self->items_cancellable);
  set_items (self, items);
}

/* @keep_old: an edit keeps the list as it is until the new items are there, so rows do
 * not blink; a new document starts from an empty list. */
static void
rebuild_items (AmSession *self,
               gboolean   keep_old)
{
  g_autoptr(GTask) task = NULL;

  self->items_serial++;
  if (self->items_cancellable != NULL)
    g_cancellable_cancel (self->items_cancellable);
  g_clear_object (&self->items_cancellable);

  if (!keep_old || self->document == NULL)
    set_items (self, NULL);
  if (self->document == NULL)
    return;

  self->items_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->items_cancellable, build_items_done_cb,
                     job_new (self, self->items_serial, NULL, NULL));
  g_task_set_source_tag (task, rebuild_items);
  g_task_set_task_data (task, g_object_ref (self->document), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, build_items_thread);
}

/* The view
 *
 * The groups, what the view shows (am_view_apply()) and the scene drawn (the laid-out
 * scene without what is hidden, collapsed groups merged) are computed together: a request
 * says which of them changed (the document: all three; the view: the result and the scene;
 * the laid-out scene: the scene only) and they are computed again from the session's
 * current state.
 *
 * Why a worker above a size.  On a 5 000-actor map a view costs up to ~60 ms (bench-view:
 * collapsing every group 59 ms, focus at depth 3 35 ms, about 4 µs per actor and relation
 * at worst) and the groups of a new document more: a main loop that stops that long is
 * seen as a stall (bench/probe-responsiveness.py).  Below AM_SESSION_ASYNC_VIEW_ITEMS
 * actors and relations the worst view costs under ~8 ms, half a frame, so it is computed at
 * once: tests and small maps (the article's, a few dozen actors) see the view as soon as
 * am_session_set_view() returns, with no frame showing the old view.  Above it a GTask
 * computes on a thread from what the session hands it, all immutable or owned: the
 * document (a snapshot), a copy of the view, the groups, the result and the laid-out
 * scene (all atomically refcounted; the scene's adjacency is built under g_once, text is
 * measured with a per-thread Pango context).
 *
 * One worker at a time, the latest wins: every request bumps view_serial, so a result
 * that comes back with an older serial is late and dropped; the worker then starts again
 * from the current state.  A slider dragged through ten views computes two or three of
 * them, never ten at once on a two-core machine.
 */

enum
{
  VIEW_PART_SCENE  = 1 << 0,
  VIEW_PART_RESULT = 1 << 1,
  VIEW_PART_GROUPS = 1 << 2,
};

/* What has to be computed again after each kind of change: each includes what follows
 * from it. */
#define VIEW_NEEDS_SCENE  (VIEW_PART_SCENE)
#define VIEW_NEEDS_RESULT (VIEW_PART_RESULT | VIEW_NEEDS_SCENE)
#define VIEW_NEEDS_GROUPS (VIEW_PART_GROUPS | VIEW_NEEDS_RESULT)

/* One computation: the inputs (owned) and, for the parts asked for, the outputs. */
typedef struct
{
  guint         parts;
  AmDocument   *document;     /* nullable */
  AmView       *view;
  AmGroups     *groups;       /* the session's unless computed here; nullable */
  AmViewResult *result;       /* likewise */
  AmScene      *scene;        /* the laid-out scene, nullable */
  AmScene      *view_scene;   /* computed when parts has VIEW_PART_SCENE */
  gint64        compute_us;   /* what computing took (g_debug) */
} ViewWork;

static ViewWork *
view_work_new (AmSession *self,
               guint      parts)
{
  ViewWork *work = g_new0 (ViewWork, 1);

  work->parts = parts;
  g_set_object (&work->document, self->document);
  work->view = am_view_copy (self->view);
  if (!(parts & VIEW_PART_GROUPS) && self->groups != NULL)
    work->groups = am_groups_ref (self->groups);
  if (!(parts & VIEW_PART_RESULT) && self->view_result != NULL)
    work->result = am_view_result_ref (self->view_result);
  if (self->scene != NULL)
    work->scene = am_scene_ref (self->scene);

  return work;
}

static void
view_work_free (ViewWork *work)
{
  g_clear_object (&work->document);
  g_clear_pointer (&work->view, am_view_free);
  g_clear_pointer (&work->groups, am_groups_unref);
  g_clear_pointer (&work->result, am_view_result_unref);
  g_clear_pointer (&work->scene, am_scene_unref);
  g_clear_pointer (&work->view_scene, am_scene_unref);
  g_free (work);
}

/* The scene to draw: the laid-out one as the view shows it.  No Graphviz: hiding and
 * merging only.  (transfer full) (nullable) */
static AmScene *
derive_view_scene (AmViewResult *result,
                   AmScene      *scene)
{
  g_autoptr(GError) error = NULL;
  AmScene *derived;

  if (scene == NULL)
    return NULL;
  if (result == NULL)
    return am_scene_ref (scene);

  derived = am_view_result_build_scene (result, scene, &error);
  if (derived == NULL)
    {
      /* Showing the whole map beats showing nothing; the view bar still says what the
       * view is. */
      g_debug ("Could not derive the view's scene: %s", error->message);
      derived = am_scene_ref (scene);
    }

  return derived;
}

/* Runs on the main thread for small documents, on a worker for large ones: it reads only
 * @work. */
static void
view_work_run (ViewWork *work)
{
  gint64 start = g_get_monotonic_time ();

  if (work->parts & VIEW_PART_GROUPS)
    {
      g_clear_pointer (&work->groups, am_groups_unref);
      if (work->document != NULL)
        work->groups = am_groups_compute (work->document);
    }
  if (work->parts & VIEW_PART_RESULT)
    {
      g_clear_pointer (&work->result, am_view_result_unref);
      if (work->document != NULL)
        work->result = am_view_apply (work->view, work->document, work->groups);
    }
  if (work->parts & VIEW_PART_SCENE)
    work->view_scene = derive_view_scene (work->result, work->scene);
  work->compute_us = g_get_monotonic_time () - start;
}

/* Takes in what @work computed for the current state (it covers every request so far):
 * the groups, the result, the scene to draw, and what follows from the result: what the
 * search matches (only what is shown) and what stays undimmed. */
static void
view_work_land (AmSession *self,
                ViewWork  *work)
{
  /* A part computed meanwhile on the main thread (the groups a layout needed) stays. */
  guint parts = work->parts & self->view_needs;
  gint64 start = g_get_monotonic_time ();

  self->view_needs = 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (parts & VIEW_PART_GROUPS)
    {
      g_clear_pointer (&self->groups, am_groups_unref);
      self->groups = g_steal_pointer (&work->groups);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUPS]);
    }
  if (parts & VIEW_PART_RESULT)
    {
      g_clear_pointer (&self->view_result, am_view_result_unref);
      self->view_result = g_steal_pointer (&work->result);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_RESULT]);
    }
  if ((parts & VIEW_PART_SCENE) && work->view_scene != self->view_scene)
    {
      g_clear_pointer (&self->view_scene, am_scene_unref);
      self->view_scene = g_steal_pointer (&work->view_scene);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_SCENE]);
    }
  if (parts & VIEW_PART_RESULT)
    update_matches (self);

  g_object_thaw_notify (G_OBJECT (self));

  /* What a view costs, and what of it is left on the main thread once it lands (taking
   * it in: the matches, and whatever the notifications start: the map, the lists). */
  g_debug ("View (parts 0x%x) computed in %.1f ms, taken in in %.1f ms", parts,
           work->compute_us / 1000.0, (g_get_monotonic_time () - start) / 1000.0);
}

/* Whether views of the document are computed on a worker (see above). */
static gboolean
view_is_large (AmSession *self)
{
  if (self->document == NULL)
    return FALSE;

  return g_list_model_get_n_items (am_document_get_entities (self->document))
         + g_list_model_get_n_items (am_document_get_relations (self->document))
         >= AM_SESSION_ASYNC_VIEW_ITEMS;
}

static void start_view_job (AmSession *self);

static void
view_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  view_work_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
view_job_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);

  if (self == NULL)
    return;

  self->view_running = FALSE;
  if (job->serial != self->view_serial)
    {
      /* A newer request came meanwhile: this result is late.  Compute the latest. */
      if (self->view_needs != 0 && self->view_source == 0)
        start_view_job (self);
      return;
    }

  view_work_land (self, g_task_get_task_data (G_TASK (result)));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_PENDING]);
}

static void
start_view_job (AmSession *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->view_needs == 0 || self->view_running)
    return;

  self->view_running = TRUE;
  task = g_task_new (NULL, NULL, view_job_done_cb, job_new (self, self->view_serial, NULL, NULL));
  g_task_set_source_tag (task, start_view_job);
  g_task_set_task_data (task, view_work_new (self, self->view_needs), (GDestroyNotify) view_work_free);
  g_task_run_in_thread (task, view_job_thread);
}

static void
start_view_job_cb (gpointer user_data)
{
  AmSession *self = user_data;

  self->view_source = 0;
  start_view_job (self);
}

/* @needs (VIEW_NEEDS_*) changed.  Small documents, and a whole-map view whose scene is
 * the laid-out one, are done here and now; otherwise the worker starts once the current
 * main-loop dispatch is over, so the requests one change makes (a new document, then its
 * scene) are computed once. */
static void
request_view (AmSession *self,
              guint      needs)
{
  gboolean was_pending = self->view_needs != 0;

  /* Every result still being computed is now late. */
  self->view_serial++;
  self->view_needs |= needs;

  if (!view_is_large (self)
      || (self->view_needs == VIEW_NEEDS_SCENE && self->view_result != NULL
          && am_view_result_is_whole_map (self->view_result)))
    {
      ViewWork *work = view_work_new (self, self->view_needs);

      g_clear_handle_id (&self->view_source, g_source_remove);
      view_work_run (work);
      view_work_land (self, work);
      view_work_free (work);
      if (was_pending)
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_PENDING]);
      return;
    }

  if (!self->view_running && self->view_source == 0)
    self->view_source = g_idle_add_once (start_view_job_cb, self);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_PENDING]);
}

/* The groups, now: a grouped layout cannot wait for the worker. */
static void
ensure_groups (AmSession *self)
{
  if (!(self->view_needs & VIEW_PART_GROUPS))
    return;

  self->view_needs &= ~VIEW_PART_GROUPS;
  g_clear_pointer (&self->groups, am_groups_unref);
  if (self->document != NULL)
    self->groups = am_groups_compute (self->document);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUPS]);
}

/* group id → label, for the clusters' labels. */
static GHashTable *
group_labels (AmGroups *groups)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < am_groups_get_n_groups (groups); i++)
    g_hash_table_insert (labels, g_strdup (am_groups_get_id (groups, i)),
                         g_strdup (am_groups_get_label (groups, i)));

  return labels;
}

/* Scene and layout */

static void
set_scene (AmSession *self,
           AmScene   *scene)
{
  if (self->scene == scene)
    return;

  g_clear_pointer (&self->scene, am_scene_unref);
  if (scene != NULL)
    self->scene = am_scene_ref (scene);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENE]);
  request_view (self, VIEW_NEEDS_SCENE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_layout_error (AmSession    *self,
                  const GError *error)
{
  if (self->layout_error == NULL && error == NULL)
    return;

  g_clear_error (&self->layout_error);
  if (error != NULL)
    self->layout_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYOUT_ERROR]);
}

static void
layout_failed (AmSession    *self,
               const char   *engine,
               const GError *error)
{
  g_debug ("Layout with %s failed: %s", engine, error->message);
  set_layout_error (self, error);
  g_signal_emit (self, signals [LAYOUT_FAILED], 0, engine, error);
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  BusyState before;

  scene = am_layout_job_run_finish (result, &error);

  /* Closed window, cancelled job or a newer request: this result is late. */
  if (self == NULL || job->serial != self->layout_serial)
    return;

  before = busy_state (self);
  self->laying_out = FALSE;
  g_clear_object (&self->layout_cancellable);

  if (scene != NULL)
    {
      set_layout_error (self, NULL);
      set_scene (self, scene);
      g_set_object (&self->scene_document, job->document);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      layout_failed (self, job->engine, error);
    }

  notify_busy (self, before);
}

static void
cancel_layout_job (AmSession *self)
{
  /* Bumping the serial makes any result still in flight late. */
  self->layout_serial++;
  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  self->laying_out = FALSE;
}

static void
layout_phase_cb (AmLayoutPhase  phase,
                 gpointer       user_data)
{
  Job *job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  g_autofree char *message = NULL;

  if (self == NULL || job->serial != self->layout_serial)
    return;

  switch (phase)
    {
    case AM_LAYOUT_PHASE_PREPARING:
      /* Translators: progress shown over the map */
      message = g_strdup (_("Measuring names…"));
      break;

    case AM_LAYOUT_PHASE_LAYING_OUT:
      /* Translators: progress shown over the map; %s is a Graphviz engine name */
      message = g_strdup_printf (_("Laying out the map with %s…"), job->engine);
      break;

    case AM_LAYOUT_PHASE_READING:
    default:
      /* Translators: progress shown over the map */
      message = g_strdup (_("Reading the layout…"));
      break;
    }

  set_busy_message (self, message);
}

/* Lays the document out.  @previous NULL: from scratch (pinned actors still keep their
 * places); else nodes that are in @previous keep their centres and only new ones are
 * placed, which is what an edit wants: the map does not jump. */
static void
start_layout (AmSession *self,
              AmScene   *previous)
{
  g_autofree char *message = NULL;
  BusyState before = busy_state (self);
  const char *engine_name;
  AmLayoutEngine engine;
  Job *phase_job;
  Job *done_job;

  cancel_layout_job (self);

  if (self->document == NULL)
    {
      notify_busy (self, before);
      return;
    }

  engine_name = am_session_get_resolved_engine (self);
  if (!am_layout_engine_from_string (engine_name, &engine))
    engine = AM_LAYOUT_ENGINE_NEATO;

  self->laying_out = TRUE;
  self->layout_cancellable = g_cancellable_new ();

  /* Translators: progress shown over the map; %s is a Graphviz engine name */
  message = g_strdup_printf (_("Laying out the map with %s…"), engine_name);
  set_busy_message (self, message);

  /* Measuring the names, running Graphviz in the helper and reading its answer all
   * happen off the main thread; the callback comes back here. */
  phase_job = job_new (self, self->layout_serial, NULL, engine_name);
  done_job = job_new (self, self->layout_serial, NULL, engine_name);
  done_job->document = g_object_ref (self->document);
  if (self->group_actors)
    ensure_groups (self);
  if (self->group_actors && self->groups != NULL)
    {
      g_autoptr(GHashTable) labels = group_labels (self->groups);

      /* Grouping is a layout choice, like the engine: Graphviz draws the clusters. */
      am_layout_job_run_grouped_async (self->document,
                                       engine,
                                       previous,
                                       am_groups_get_map (self->groups),
                                       labels,
                                       NULL,
                                       self->timeout_seconds,
                                       self->layout_cancellable,
                                       layout_phase_cb,
                                       phase_job,
                                       (GDestroyNotify) job_free,
                                       layout_done_cb,
                                       done_job);
    }
  else
    am_layout_job_run_keeping_async (self->document,
                                     engine,
                                     previous,
                                     NULL,
                                     self->timeout_seconds,
                                     self->layout_cancellable,
                                     layout_phase_cb,
                                     phase_job,
                                     (GDestroyNotify) job_free,
                                     layout_done_cb,
                                     done_job);

  notify_busy (self, before);
}

static void
am_session_relayout_internal (AmSession *self)
{
  start_layout (self, NULL);
}

/* Loading */

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  BusyState before;

  document = am_open_document_finish (result, &error);

  if (self == NULL || job->serial != self->load_serial)
    return;

  before = busy_state (self);
  self->loading = FALSE;
  g_clear_object (&self->load_cancellable);

  if (document != NULL)
    am_session_set_document (self, document, job->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The document on screen stays; the message names the file and what is wrong. */
    g_signal_emit (self, signals [LOAD_FAILED], 0, job->file, error);

  notify_busy (self, before);
}

static void
cancel_load_job (AmSession *self)
{
  /* A newer open replaces an older one that has not finished, and its result is late. */
  self->load_serial++;
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->loading = FALSE;
}

/* Replacing the document */

static void
replace_document_state (AmSession  *self,
                        AmDocument *document,
                        gboolean    keep_items)
{
  g_set_object (&self->document, document);
  /* Built before "document" is notified, so views find it when they rebuild. */
  g_clear_pointer (&self->evidence_index, am_evidence_index_unref);
  if (document != NULL)
    self->evidence_index = am_evidence_index_new (document);

  /* The selection is an id, so it survives a reload of the same story and an edit that
   * keeps the item. */
  if (self->selection != NULL
      && (document == NULL || !_am_ui_document_has_id (document, self->selection)))
    am_session_select (self, NULL, AM_SELECTION_ORIGIN_NONE);

  /* The view outlives the document (it names ids, kinds and groups): what it shows of
   * the new one is computed here, before the layout, which needs the groups. */
  request_view (self, VIEW_NEEDS_GROUPS);

  set_layout_error (self, NULL);
  rebuild_items (self, keep_items);
  update_highlight (self);
  update_suggested (self);
}

/* The engine a document (nullable) is laid out with in this session. */
static const char *
resolved_engine_for (AmSession  *self,
                     AmDocument *document)
{
  AmLayoutEngine engine;

  /* A Graphviz file's own "layout" attribute (dot by default), else by size. */
  if (!am_layout_engine_from_string (self->engine, &engine))
    engine = document != NULL ? am_layout_engine_for_document (document) : AM_LAYOUT_ENGINE_NEATO;

  /* Only dot and fdp draw clusters: grouping the actors asks the others for dot. */
  if (self->group_actors && engine != AM_LAYOUT_ENGINE_DOT && engine != AM_LAYOUT_ENGINE_FDP)
    engine = AM_LAYOUT_ENGINE_DOT;

  return am_layout_engine_to_string (engine);
}

/* @scene when it was laid out from @document with the engine it would get now: showing it
 * again for @document needs no layout.  (transfer none) (nullable) */
static AmScene *
scene_if_exact (AmSession  *self,
                AmScene    *scene,
                AmDocument *document)
{
  if (scene == NULL || document == NULL)
    return NULL;
  if (g_strcmp0 (am_scene_get_engine (scene), resolved_engine_for (self, document)) != 0)
    return NULL;
  return scene;
}

/* An edit's new document, or undo/redo's: unlike opening a file, the map stays.  @exact
 * is a scene laid out from @document (shown at once, no layout); else @shown (nullable) is
 * shown meanwhile and the keeping layout starts from @previous. */
static void
replace_document_for_edit (AmSession  *self,
                           AmDocument *document,
                           AmScene    *exact,
                           AmScene    *shown,
                           AmScene    *previous)
{
  g_autoptr(AmScene) keep_exact = exact ? am_scene_ref (exact) : NULL;
  g_autoptr(AmScene) keep_shown = shown ? am_scene_ref (shown) : NULL;
  g_autoptr(AmScene) keep_previous = previous ? am_scene_ref (previous) : NULL;

  g_object_freeze_notify (G_OBJECT (self));

  replace_document_state (self, document, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESOLVED_ENGINE]);

  if (keep_exact != NULL)
    {
      BusyState before = busy_state (self);

      cancel_layout_job (self);
      set_scene (self, keep_exact);
      g_set_object (&self->scene_document, document);
      notify_busy (self, before);
    }
  else
    {
      if (keep_shown != NULL)
        {
          set_scene (self, keep_shown);
          g_clear_object (&self->scene_document);
        }
      start_layout (self, keep_shown ? keep_shown : keep_previous);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* History */

typedef struct
{
  char       *label;
  AmDocument *before;
  AmDocument *after;
  /* The map shown with each side, last time it was on screen (nullable): exactly its
   * layout when the flag says so, else at least the places its actors had. */
  AmScene    *scene_before;
  AmScene    *scene_after;
  gboolean    scene_before_exact;
  gboolean    scene_after_exact;
} Step;

static void
step_free (Step *step)
{
  g_free (step->label);
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_clear_pointer (&step->scene_before, am_scene_unref);
  g_clear_pointer (&step->scene_after, am_scene_unref);
  g_free (step);
}

static void
forget_exact_scenes (Step *step)
{
  step->scene_before_exact = FALSE;
  step->scene_after_exact = FALSE;
}

static Step *
top_step (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

/* What the history's properties were, to notify what changed. */
typedef struct
{
  gboolean  can_undo;
  gboolean  can_redo;
  gboolean  modified;
  char     *undo_label;
  char     *redo_label;
} HistoryState;

static HistoryState
history_state (AmSession *self)
{
  return (HistoryState) {
    .can_undo = am_session_get_can_undo (self),
    .can_redo = am_session_get_can_redo (self),
    .modified = am_session_get_modified (self),
    .undo_label = g_strdup (am_session_get_undo_label (self)),
    .redo_label = g_strdup (am_session_get_redo_label (self)),
  };
}

static void
notify_history (AmSession    *self,
                HistoryState *before)
{
  HistoryState now = history_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (now.can_undo != before->can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (now.can_redo != before->can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  if (g_strcmp0 (now.undo_label, before->undo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNDO_LABEL]);
  if (g_strcmp0 (now.redo_label, before->redo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REDO_LABEL]);
  if (now.modified != before->modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));

  g_free (now.undo_label);
  g_free (now.redo_label);
  g_clear_pointer (&before->undo_label, g_free);
  g_clear_pointer (&before->redo_label, g_free);

  update_recovery (self);
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_file_equal (a, b);
}

/* Remembered views */

typedef struct
{
  GFile            *file;
  AmViewStoreEntry  entry;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_clear_object (&data->file);
  am_view_store_entry_clear (&data->entry);
  g_free (data);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StoreData *data = task_data;
  g_autoptr(GError) error = NULL;

  /* Losing a remembered view is no reason to bother the user. */
  if (!am_view_store_save (data->file, &data->entry, &error))
    g_debug ("Could not remember the view: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

/* Writes what the session remembers for its file: on a worker, or (@blocking) here, when
 * the session goes away. */
static void
write_store (AmSession *self,
             gboolean   blocking)
{
  g_autoptr(GTask) task = NULL;
  StoreData *data;

  if (self->file == NULL)
    return;

  data = g_new0 (StoreData, 1);
  data->file = g_object_ref (self->file);
  data->entry.view = am_view_copy (self->view);
  data->entry.group_actors = self->group_actors;
  data->entry.has_viewport = self->has_viewport;
  data->entry.x = self->viewport_x;
  data->entry.y = self->viewport_y;
  data->entry.zoom = self->viewport_zoom;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, write_store);
  g_task_set_task_data (task, data, (GDestroyNotify) store_data_free);
  if (blocking)
    g_task_run_in_thread_sync (task, store_thread);
  else
    g_task_run_in_thread (task, store_thread);
}

/* A pending write, now. */
static void
store_now (AmSession *self,
           gboolean   blocking)
{
  if (self->store_source == 0)
    return;

  g_clear_handle_id (&self->store_source, g_source_remove);
  write_store (self, blocking);
}

static void
store_timeout_cb (gpointer user_data)
{
  AmSession *self = user_data;

  self->store_source = 0;
  write_store (self, FALSE);
}

static void
schedule_store (AmSession *self)
{
  if (self->file == NULL)
    return;

  g_clear_handle_id (&self->store_source, g_source_remove);
  self->store_source = g_timeout_add_once (VIEW_STORE_DELAY_MS, store_timeout_cb, self);
}

/* The view, group-actors and viewport remembered for the session's (new) file, or the
 * whole map.  The document is not laid out here: the caller does that next. */
static void
restore_remembered (AmSession *self)
{
  g_auto(AmViewStoreEntry) entry = { 0, };
  gboolean found = self->file != NULL && am_view_store_load (self->file, &entry);
  g_autoptr(AmView) whole = am_view_new ();
  const AmView *view = found ? entry.view : whole;
  gboolean group_actors = found && entry.group_actors;

  self->has_viewport = found && entry.has_viewport;
  self->viewport_x = entry.x;
  self->viewport_y = entry.y;
  self->viewport_zoom = entry.zoom;

  if (!am_view_equal (self->view, view))
    {
      am_view_free (self->view);
      self->view = am_view_copy (view);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
    }
  if (self->group_actors != group_actors)
    {
      self->group_actors = group_actors;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUP_ACTORS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESOLVED_ENGINE]);
    }
}

/* Live reload */

static void
set_file_changed_on_disk (AmSession *self,
                          gboolean   changed)
{
  if (self->file_changed_on_disk == !!changed)
    return;

  self->file_changed_on_disk = !!changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE_CHANGED_ON_DISK]);
}

static void
set_reload_error (AmSession    *self,
                  const GError *error)
{
  if (self->reload_error == NULL && error == NULL)
    return;

  g_clear_error (&self->reload_error);
  if (error != NULL)
    self->reload_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RELOAD_ERROR]);
}

static void
cancel_reload_job (AmSession *self)
{
  self->reload_serial++;
  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
}

/* The file's new content replaces the document like an opened file (no history, not
 * modified), but the map stays: actors that are still there keep their places, the view
 * and the selection (when its id still exists) stay, the canvas keeps its viewport. */
static void
reload_document (AmSession  *self,
                 AmDocument *document)
{
  HistoryState before = history_state (self);
  g_autoptr(AmScene) shown = self->scene != NULL ? am_scene_ref (self->scene) : NULL;

  g_object_freeze_notify (G_OBJECT (self));

  cancel_suggest_job (self);
  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);
  g_set_object (&self->saved_document, document);
  set_file_changed_on_disk (self, FALSE);
  set_reload_error (self, NULL);

  replace_document_for_edit (self, document, NULL, shown, shown);
  notify_history (self, &before);

  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals [RELOADED], 0);
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = am_open_document_finish (result, &error);

  if (self == NULL || job->serial != self->reload_serial)
    return;

  g_clear_object (&self->reload_cancellable);

  if (document != NULL)
    reload_document (self, document);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The old map stays; the window's banner says why the file does not load. */
    set_reload_error (self, error);
}

static void
start_reload (AmSession *self)
{
  cancel_reload_job (self);
  if (self->file == NULL)
    return;

  self->reload_cancellable = g_cancellable_new ();
  am_open_document_async (self->file,
                          NULL,
                          self->reload_cancellable,
                          reload_done_cb,
                          job_new (self, self->reload_serial, self->file, NULL));
}

/* The watch found new bytes in the file. */
static void
file_changed_cb (gpointer user_data)
{
  AmSession *self = user_data;

  /* Unsaved edits are never thrown away behind the user's back: the banner asks. */
  if (am_session_get_modified (self))
    set_file_changed_on_disk (self, TRUE);
  else
    start_reload (self);
}

/* Watches the session's file (again), taking what is in it now as known. */
static void
watch_file (AmSession *self)
{
  cancel_reload_job (self);
  g_clear_pointer (&self->watch, _am_file_watch_free);
  self->watch_serial++;
  set_file_changed_on_disk (self, FALSE);
  set_reload_error (self, NULL);

  if (self->file != NULL)
    self->watch = _am_file_watch_new (self->file, file_changed_cb, self);
}

/* Opening: a new document with no history.  @saved: it is what the file holds. */
static void
open_document (AmSession  *self,
               AmDocument *document,
               GFile      *file,
               gboolean    saved)
{
  HistoryState before = history_state (self);
  gboolean file_changed;

  g_object_freeze_notify (G_OBJECT (self));

  cancel_suggest_job (self);
  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);
  g_clear_object (&self->saved_document);
  if (saved && document != NULL)
    self->saved_document = g_object_ref (document);

  file_changed = !same_file (self->file, file);
  if (file_changed)
    {
      /* What was remembered for the file we leave is written now, under its name. */
      store_now (self, FALSE);
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
      restore_remembered (self);
    }
  /* Opened (again): what is in the file now is what the session knows is there. */
  watch_file (self);

  if (self->document != document)
    {
      replace_document_state (self, document, FALSE);
      set_scene (self, NULL);
      g_clear_object (&self->scene_document);

      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESOLVED_ENGINE]);

      am_session_relayout_internal (self);
    }
  else if (file_changed)
    {
      request_view (self, VIEW_NEEDS_RESULT);
      am_session_relayout_internal (self);
    }

  notify_history (self, &before);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Undo and redo: restore a snapshot with the map it had.  Its own layout when that is
 * known (shown at once, no layout); else a keeping layout from the places the actors had
 * then (@scene), so a moved actor goes back where it was. */
static void
restore (AmSession  *self,
         AmDocument *document,
         AmScene    *scene,
         gboolean    exact)
{
  AmScene *shown_exact = exact ? scene_if_exact (self, scene, document) : NULL;

  replace_document_for_edit (self, document, shown_exact, NULL,
                             scene != NULL ? scene : self->scene);
}

/* The scene on screen, for a step's side showing @document. */
static void
remember_scene (AmSession   *self,
                AmScene    **slot,
                gboolean    *exact,
                AmDocument  *document)
{
  if (self->scene == NULL)
    return;

  g_clear_pointer (slot, am_scene_unref);
  *slot = am_scene_ref (self->scene);
  *exact = self->scene_document == document
           && scene_if_exact (self, self->scene, document) != NULL;
}

/* One undo step from the current document to @document.  @shown: a scene to show until
 * the layout answers (a moved actor), or NULL. */
static void
push_step (AmSession  *self,
           const char *label,
           AmDocument *document,
           AmScene    *shown)
{
  HistoryState before = history_state (self);
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->before = g_object_ref (self->document);
  step->after = g_object_ref (document);
  remember_scene (self, &step->scene_before, &step->scene_before_exact, step->before);

  g_ptr_array_add (self->undo_steps, step);
  g_ptr_array_set_size (self->redo_steps, 0);

  replace_document_for_edit (self, document, NULL, shown, self->scene);
  notify_history (self, &before);
}

/* The name an error message starts with: the file, else the article's title. */
static char *
document_display_name (AmSession *self)
{
  if (self->file != NULL)
    return _am_ui_display_name (self->file);
  if (self->document != NULL && am_document_get_title (self->document) != NULL)
    return g_strdup (am_document_get_title (self->document));
  /* Translators: the name of a map that has no file and no title, in error messages */
  return g_strdup (_("Unsaved map"));
}

static gboolean
check_document (AmSession  *self,
                GError    **error)
{
  if (self->document != NULL)
    return TRUE;

  g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT,
                       /* Translators: an edit was asked for while no map is open */
                       _("There is no map to edit"));
  return FALSE;
}

gboolean
_am_session_edit_full (AmSession                *self,
                       const char               *label,
                       AmSessionEditFunc         func,
                       gpointer                  user_data,
                       AmSessionShownSceneFunc   shown_func,
                       GError                  **error)
{
  g_autoptr(AmDocumentBuilder) builder = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmScene) shown = NULL;
  g_autofree char *display_name = NULL;

  if (!check_document (self, error))
    return FALSE;

  builder = am_document_builder_new_from_document (self->document);
  if (!func (builder, user_data, error))
    return FALSE;

  _am_edit_accept_references (builder);
  display_name = document_display_name (self);
  /* Validated like a file being loaded: an edit never makes a model that would not load. */
  document = am_document_builder_build (builder, display_name, error);
  if (document == NULL)
    return FALSE;

  if (am_document_equal (document, self->document))
    return TRUE;

  shown = shown_func != NULL ? shown_func (self, user_data) : NULL;
  push_step (self, label, document, shown);
  return TRUE;
}

/* Suggestions */

static void
set_suggesting (AmSession *self,
                gboolean   suggesting)
{
  if (self->suggesting == !!suggesting)
    return;

  self->suggesting = !!suggesting;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUGGESTING]);
}

static void
cancel_suggest_job (AmSession *self)
{
  self->suggest_serial++;
  if (self->suggest_cancellable != NULL)
    g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  set_suggesting (self, FALSE);
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AmDocument *document = task_data;
  GError *error = NULL;
  AmDocument *suggested;

  /* The snapshot is immutable: the extractor reads it while the user goes on editing. */
  suggested = am_extract_suggest (document, cancellable, &error);
  if (suggested != NULL)
    g_task_return_pointer (task, suggested, g_object_unref);
  else
    g_task_return_error (task, error);
}

static gboolean
add_suggestions_edit (AmDocumentBuilder  *builder,
                      gpointer            user_data,
                      GError            **error)
{
  _am_edit_add_suggestions (builder, user_data);
  return TRUE;
}

static void
suggest_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  g_autoptr(AmDocument) suggested = NULL;
  g_autoptr(GError) error = NULL;

  suggested = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL || job->serial != self->suggest_serial)
    return;

  g_clear_object (&self->suggest_cancellable);
  set_suggesting (self, FALSE);

  if (suggested == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals [SUGGEST_FAILED], 0, error);
      return;
    }

  /* The user may have edited meanwhile: the suggestions join the current document,
   * those whose actors are gone stay out.  One step, undone at once. */
  /* Translators: the name of an undoable step: suggestions were added to the map */
  if (!_am_session_edit_full (self, _("Suggest"), add_suggestions_edit, suggested, NULL, &error))
    g_signal_emit (self, signals [SUGGEST_FAILED], 0, error);
}

/* Saving */

typedef struct
{
  AmDocument *document;
  GFile      *file;
  char       *path;
  char       *checksum;     /* of what was written, read back */
  guint       held_watch;   /* the serial of the watch this save holds, or 0 */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data->path);
  g_free (data->checksum);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  /* The saved model leaves the suggestions out: nobody accepted them. */
  if (am_document_save (data->document, data->path, AM_JSON_DEFAULT, &error))
    {
      /* What the file says now, so the watch knows this change is ours. */
      data->checksum = _am_file_watch_checksum_path (data->path);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AmSession *self = g_task_get_source_object (outer);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  HistoryState before;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  if (data->held_watch != 0 && data->held_watch == self->watch_serial && self->watch != NULL)
    _am_file_watch_release (self->watch, saved ? data->checksum : NULL);

  if (!saved)
    {
      g_task_return_error (outer, error);
      return;
    }

  /* The snapshot that was written is the saved one, even if edits came meanwhile: undoing
   * them comes back to "not modified". */
  before = history_state (self);
  g_set_object (&self->saved_document, data->document);
  if (!same_file (self->file, data->file))
    {
      /* Saved As: the view is now remembered for the new file, which is watched. */
      g_set_object (&self->file, data->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
      watch_file (self);
      schedule_store (self);
    }
  else
    {
      g_set_object (&self->file, data->file);
      /* What was on disk is replaced by what the user kept. */
      set_file_changed_on_disk (self, FALSE);
    }
  notify_history (self, &before);

  g_task_return_boolean (outer, TRUE);
}

/* Recovery */

typedef struct
{
  AmDocument *document;
  GFile      *file;
  char       *path;
} RecoveryData;

static void
recovery_data_free (RecoveryData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data->path);
  g_free (data);
}

static void
recovery_write_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RecoveryData *data = task_data;
  g_autoptr(GBytes) payload = _am_recovery_payload (data->document, data->file);
  GError *error = NULL;

  if (_am_recovery_write (data->path, payload, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
recovery_write_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmSession) self = g_weak_ref_get (&job->session);
  RecoveryData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the recovery copy: %s", error->message);

  if (self == NULL)
    return;

  self->recovery_writing = FALSE;
  /* Discarded while it was being written: the file must not outlive the discard. */
  if (job->serial != self->recovery_serial)
    {
      g_unlink (data->path);
      return;
    }

  update_recovery (self);
}

static gboolean
recovery_timeout_cb (gpointer user_data)
{
  AmSession *self = user_data;
  g_autoptr(GTask) task = NULL;
  RecoveryData *data;

  self->recovery_source = 0;
  if (!am_session_get_modified (self) || self->recovery_document == self->document)
    return G_SOURCE_REMOVE;

  if (self->recovery_path == NULL)
    self->recovery_path = _am_recovery_new_path ();

  g_set_object (&self->recovery_document, self->document);
  self->recovery_writing = TRUE;

  data = g_new0 (RecoveryData, 1);
  data->document = g_object_ref (self->document);
  g_set_object (&data->file, self->file);
  data->path = g_strdup (self->recovery_path);

  /* Serialising the document is O(n): on a worker, like everything else that is. */
  task = g_task_new (NULL, NULL, recovery_write_done_cb,
                     job_new (self, self->recovery_serial, NULL, NULL));
  g_task_set_source_tag (task, recovery_timeout_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) recovery_data_free);
  g_task_run_in_thread (task, recovery_write_thread);

  return G_SOURCE_REMOVE;
}

/* While modified, a copy is written a few seconds after the document changed (one write
 * at a time); when no longer modified, it goes. */
static void
update_recovery (AmSession *self)
{
  if (!am_session_get_modified (self))
    {
      if (self->recovery_document != NULL || self->recovery_source != 0)
        am_session_discard_recovery (self);
      return;
    }

  if (self->recovery_source == 0 && !self->recovery_writing
      && self->recovery_document != self->document)
    self->recovery_source = g_timeout_add (AM_SESSION_RECOVERY_SECONDS * 1000,
                                           recovery_timeout_cb, self);
}

/* GObject */

static void
am_session_dispose (GObject *object)
{
  AmSession *self = AM_SESSION (object);

  cancel_load_job (self);
  cancel_layout_job (self);
  cancel_suggest_job (self);
  cancel_reload_job (self);
  /* A view still being computed is late. */
  self->view_serial++;
  self->view_needs = 0;
  g_clear_handle_id (&self->view_source, g_source_remove);
  g_clear_pointer (&self->watch, _am_file_watch_free);
  /* The last change of the view is not lost to the debounce. */
  store_now (self, TRUE);
  /* The recovery copy stays: closing without a decision (a crash of the window's owner)
   * must not lose it.  The window discards it when the user chose. */
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  self->recovery_serial++;
  self->items_serial++;
  if (self->items_cancellable != NULL)
    g_cancellable_cancel (self->items_cancellable);
  g_clear_object (&self->items_cancellable);

  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (self->items != NULL)
    g_list_store_remove_all (self->items);
  g_clear_pointer (&self->item_positions, g_hash_table_unref);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->highlight, g_hash_table_unref);
  g_clear_pointer (&self->suggested, g_hash_table_unref);
  g_clear_pointer (&self->scene, am_scene_unref);
  g_clear_pointer (&self->view_scene, am_scene_unref);
  g_clear_pointer (&self->view_result, am_view_result_unref);
  g_clear_pointer (&self->groups, am_groups_unref);
  g_clear_pointer (&self->evidence_index, am_evidence_index_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  if (self->undo_steps != NULL)
    g_ptr_array_set_size (self->undo_steps, 0);
  if (self->redo_steps != NULL)
    g_ptr_array_set_size (self->redo_steps, 0);
  g_clear_object (&self->saved_document);
  g_clear_object (&self->recovery_document);
  g_clear_object (&self->scene_document);

  G_OBJECT_CLASS (am_session_parent_class)->dispose (object);
}

static void
am_session_finalize (GObject *object)
{
  AmSession *self = AM_SESSION (object);

  g_free (self->engine);
  g_free (self->selection);
  g_free (self->search_text);
  g_free (self->folded_query);
  g_free (self->first_match);
  g_free (self->busy_message);
  g_free (self->recovery_path);
  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->redo_steps, g_ptr_array_unref);
  g_clear_error (&self->layout_error);
  g_clear_error (&self->reload_error);
  g_clear_pointer (&self->view, am_view_free);

  G_OBJECT_CLASS (am_session_parent_class)->finalize (object);
}

static void
am_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AmSession *self = AM_SESSION (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, am_session_get_busy (self));
      break;

    case PROP_BUSY_MESSAGE:
      g_value_set_string (value, self->busy_message);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, am_session_get_can_redo (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, am_session_get_can_undo (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ENGINE:
      g_value_set_string (value, am_session_get_engine (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_FILE_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->file_changed_on_disk);
      break;

    case PROP_GROUP_ACTORS:
      g_value_set_boolean (value, self->group_actors);
      break;

    case PROP_GROUPS:
      g_value_set_boxed (value, self->groups);
      break;

    case PROP_RELOAD_ERROR:
      g_value_set_boxed (value, self->reload_error);
      break;

    case PROP_VIEW:
      g_value_set_boxed (value, self->view);
      break;

    case PROP_VIEW_PENDING:
      g_value_set_boolean (value, am_session_get_view_pending (self));
      break;

    case PROP_VIEW_RESULT:
      g_value_set_boxed (value, self->view_result);
      break;

    case PROP_VIEW_SCENE:
      g_value_set_boxed (value, self->view_scene);
      break;

    case PROP_HIGHLIGHT:
      g_value_set_boxed (value, self->highlight);
      break;

    case PROP_SUGGESTED:
      g_value_set_boxed (value, self->suggested);
      break;

    case PROP_LAYING_OUT:
      g_value_set_boolean (value, self->laying_out);
      break;

    case PROP_LAYOUT_ERROR:
      g_value_set_boxed (value, self->layout_error);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_MAP_SELECTION:
      g_value_set_string (value, am_session_get_map_selection (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, am_session_get_modified (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, am_session_get_redo_label (self));
      break;

    case PROP_RESOLVED_ENGINE:
      g_value_set_string (value, am_session_get_resolved_engine (self));
      break;

    case PROP_SCENE:
      g_value_set_boxed (value, self->scene);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, am_session_get_search_text (self));
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, am_session_get_searching (self));
      break;

    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;

    case PROP_SELECTION_ORIGIN:
      g_value_set_enum (value, self->selection_origin);
      break;

    case PROP_SUGGESTING:
      g_value_set_boolean (value, self->suggesting);
      break;

    case PROP_TIMEOUT_SECONDS:
      g_value_set_uint (value, self->timeout_seconds);
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, am_session_get_undo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AmSession *self = AM_SESSION (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      am_session_set_engine (self, g_value_get_string (value));
      break;

    case PROP_GROUP_ACTORS:
      am_session_set_group_actors (self, g_value_get_boolean (value));
      break;

    case PROP_VIEW:
      am_session_set_view (self, g_value_get_boxed (value));
      break;

    case PROP_SEARCH_TEXT:
      am_session_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_TIMEOUT_SECONDS:
      am_session_set_timeout_seconds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define READWRITE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
am_session_class_init (AmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_session_dispose;
  object_class->finalize = am_session_finalize;
  object_class->get_property = am_session_get_property;
  object_class->set_property = am_session_set_property;

  properties [PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, READABLE);
  properties [PROP_BUSY_MESSAGE] = g_param_spec_string ("busy-message", NULL, NULL, NULL, READABLE);
  properties [PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, READABLE);
  properties [PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, READABLE);
  properties [PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, AM_TYPE_DOCUMENT, READABLE);
  properties [PROP_ENGINE] = g_param_spec_string ("engine", NULL, NULL, "auto", READWRITE);
  properties [PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, READABLE);
  properties [PROP_FILE_CHANGED_ON_DISK] =
    g_param_spec_boolean ("file-changed-on-disk", NULL, NULL, FALSE, READABLE);
  properties [PROP_GROUP_ACTORS] = g_param_spec_boolean ("group-actors", NULL, NULL, FALSE, READWRITE);
  properties [PROP_GROUPS] = g_param_spec_boxed ("groups", NULL, NULL, AM_TYPE_GROUPS, READABLE);
  properties [PROP_RELOAD_ERROR] = g_param_spec_boxed ("reload-error", NULL, NULL, G_TYPE_ERROR, READABLE);
  properties [PROP_VIEW] = g_param_spec_boxed ("view", NULL, NULL, AM_TYPE_VIEW, READWRITE);
  properties [PROP_VIEW_PENDING] = g_param_spec_boolean ("view-pending", NULL, NULL, FALSE, READABLE);
  properties [PROP_VIEW_RESULT] = g_param_spec_boxed ("view-result", NULL, NULL, AM_TYPE_VIEW_RESULT, READABLE);
  properties [PROP_VIEW_SCENE] = g_param_spec_boxed ("view-scene", NULL, NULL, AM_TYPE_SCENE, READABLE);
  properties [PROP_HIGHLIGHT] = g_param_spec_boxed ("highlight", NULL, NULL, G_TYPE_HASH_TABLE, READABLE);
  properties [PROP_SUGGESTED] = g_param_spec_boxed ("suggested", NULL, NULL, G_TYPE_HASH_TABLE, READABLE);
  properties [PROP_LAYING_OUT] = g_param_spec_boolean ("laying-out", NULL, NULL, FALSE, READABLE);
  properties [PROP_LAYOUT_ERROR] = g_param_spec_boxed ("layout-error", NULL, NULL, G_TYPE_ERROR, READABLE);
  properties [PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, READABLE);
  properties [PROP_MAP_SELECTION] = g_param_spec_string ("map-selection", NULL, NULL, NULL, READABLE);
  properties [PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, READABLE);
  properties [PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, READABLE);
  properties [PROP_RESOLVED_ENGINE] = g_param_spec_string ("resolved-engine", NULL, NULL, NULL, READABLE);
  properties [PROP_SCENE] = g_param_spec_boxed ("scene", NULL, NULL, AM_TYPE_SCENE, READABLE);
  properties [PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", READWRITE);
  properties [PROP_SEARCHING] = g_param_spec_boolean ("searching", NULL, NULL, FALSE, READABLE);
  properties [PROP_SELECTION] = g_param_spec_string ("selection", NULL, NULL, NULL, READABLE);
  properties [PROP_SELECTION_ORIGIN] =
    g_param_spec_enum ("selection-origin", NULL, NULL, AM_TYPE_SELECTION_ORIGIN,
                       AM_SELECTION_ORIGIN_NONE, READABLE);
  properties [PROP_SUGGESTING] = g_param_spec_boolean ("suggesting", NULL, NULL, FALSE, READABLE);
  properties [PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, READABLE);
  properties [PROP_TIMEOUT_SECONDS] =
    g_param_spec_uint ("timeout-seconds", NULL, NULL, 1, TIMEOUT_MAX_SECONDS,
                       AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS, READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
  /**
   * AmSession::reloaded:
   *
   * The document was replaced from its file, which changed on disk.  The map keeps its
   * places and the canvas its viewport (it must not fit the map again); the view stays,
   * and the selection too when its id still exists.
   */
  signals [RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, AM_TYPE_SELECTION_ORIGIN);
  signals [SUGGEST_FAILED] =
    g_signal_new ("suggest-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals [LAYOUT_FAILED] =
    g_signal_new ("layout-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
am_session_init (AmSession *self)
{
  self->engine = g_strdup ("auto");
  self->view = am_view_new ();
  self->timeout_seconds = AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS;
  self->items = g_list_store_new (AM_TYPE_ITEM);
  self->item_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/* Public API */

AmSession *
am_session_new (void)
{
  return g_object_new (AM_TYPE_SESSION, NULL);
}

AmDocument *
am_session_get_document (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->document;
}

GFile *
am_session_get_file (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->file;
}

void
am_session_set_document (AmSession  *self,
                         AmDocument *document,
                         GFile      *file)
{
  g_return_if_fail (AM_IS_SESSION (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  open_document (self, document, file, TRUE);
}

void
am_session_open_file (AmSession *self,
                      GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  BusyState before;

  g_return_if_fail (AM_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  before = busy_state (self);
  cancel_load_job (self);

  self->loading = TRUE;
  self->load_cancellable = g_cancellable_new ();

  name = _am_ui_display_name (file);
  /* Translators: progress shown over the map; %s is a file name */
  message = g_strdup_printf (_("Opening %s…"), name);
  set_busy_message (self, message);

  /* A JSON model on a worker thread, or a Graphviz file parsed by the isolated helper:
   * Graphviz's parser never runs in the window's process. */
  am_open_document_async (file,
                          NULL,
                          self->load_cancellable,
                          load_done_cb,
                          job_new (self, self->load_serial, file, NULL));

  notify_busy (self, before);
}

AmScene *
am_session_get_scene (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->scene;
}

const char *
am_session_get_engine (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->engine;
}

void
am_session_set_engine (AmSession  *self,
                       const char *engine)
{
  AmLayoutEngine value;

  g_return_if_fail (AM_IS_SESSION (self));

  if (engine == NULL || !am_layout_engine_from_string (engine, &value))
    engine = "auto";

  if (g_strcmp0 (self->engine, engine) == 0)
    return;

  g_free (self->engine);
  self->engine = g_strdup (engine);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENGINE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESOLVED_ENGINE]);

  /* Only the engine changed: the selection stays, and the map keeps its viewport. */
  am_session_relayout_internal (self);
}

const char *
am_session_get_resolved_engine (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return resolved_engine_for (self, self->document);
}

guint
am_session_get_timeout_seconds (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), 0);

  return self->timeout_seconds;
}

void
am_session_set_timeout_seconds (AmSession *self,
                                guint      seconds)
{
  g_return_if_fail (AM_IS_SESSION (self));

  seconds = CLAMP (seconds, 1, TIMEOUT_MAX_SECONDS);
  if (self->timeout_seconds == seconds)
    return;

  self->timeout_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT_SECONDS]);
}

void
am_session_relayout (AmSession *self)
{
  g_return_if_fail (AM_IS_SESSION (self));

  am_session_relayout_internal (self);
}

void
am_session_relayout_longer (AmSession *self)
{
  g_return_if_fail (AM_IS_SESSION (self));

  am_session_set_timeout_seconds (self, MIN (self->timeout_seconds * TIMEOUT_FACTOR,
                                             TIMEOUT_MAX_SECONDS));
  am_session_relayout_internal (self);
}

void
am_session_cancel (AmSession *self)
{
  BusyState before;

  g_return_if_fail (AM_IS_SESSION (self));

  before = busy_state (self);
  cancel_load_job (self);
  cancel_layout_job (self);
  notify_busy (self, before);
}

const GError *
am_session_get_layout_error (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->layout_error;
}

const char *
am_session_get_selection (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->selection;
}

AmSelectionOrigin
am_session_get_selection_origin (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), AM_SELECTION_ORIGIN_NONE);

  return self->selection_origin;
}

AmItemType
am_session_get_selection_type (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), AM_ITEM_NONE);

  return _am_ui_item_type (self->document, self->selection);
}

const char *
am_session_get_map_selection (AmSession *self)
{
  AmStatement *statement;

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  /* Statements have no shape on the map: their speaker's node shows them. */
  if (self->selection != NULL && self->document != NULL
      && (statement = am_document_lookup_statement (self->document, self->selection)))
    return am_statement_get_speaker (statement);

  return self->selection;
}

void
am_session_select (AmSession         *self,
                   const char        *id,
                   AmSelectionOrigin  origin)
{
  g_return_if_fail (AM_IS_SESSION (self));

  if (id != NULL && id[0] == '\0')
    id = NULL;

  /* Ids that name nothing in this document (a stale click, a typo in an action target)
   * clear the selection rather than leave the panels pointing at nothing. */
  if (id != NULL && !_am_ui_document_has_id (self->document, id))
    {
      g_debug ("Ignoring selection of unknown id “%s”", id);
      id = NULL;
    }

  if (id == NULL)
    origin = AM_SELECTION_ORIGIN_NONE;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->selection_origin != origin)
    {
      self->selection_origin = origin;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION_ORIGIN]);
    }

  if (g_strcmp0 (self->selection, id) != 0)
    {
      g_free (self->selection);
      self->selection = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAP_SELECTION]);
      update_highlight (self);
    }

  g_object_thaw_notify (G_OBJECT (self));

  /* Choosing an item is also an event, even when it was selected already: the map flies
   * back to it, the list scrolls to it. */
  if (id != NULL)
    g_signal_emit (self, signals [REVEAL], 0, id, origin);
}

const char *
am_session_get_search_text (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->search_text ? self->search_text : "";
}

void
am_session_set_search_text (AmSession  *self,
                            const char *text)
{
  g_autofree char *folded = NULL;
  gboolean was_searching;

  g_return_if_fail (AM_IS_SESSION (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (am_session_get_search_text (self), text) == 0)
    return;

  was_searching = am_session_get_searching (self);

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  folded = _am_ui_fold (text);
  g_strstrip (folded);
  g_clear_pointer (&self->folded_query, g_free);
  if (folded[0] != '\0')
    self->folded_query = g_steal_pointer (&folded);

  g_object_freeze_notify (G_OBJECT (self));
  update_matches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_TEXT]);
  if (was_searching != am_session_get_searching (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCHING]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
am_session_get_searching (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->folded_query != NULL;
}

gboolean
am_session_item_matches (AmSession  *self,
                         const char *id)
{
  AmItem *item;

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  if (id == NULL)
    return FALSE;

  /* The search only matches what the view shows. */
  if (self->matches != NULL)
    return g_hash_table_contains (self->matches, id);

  /* Without a search the list is the actors the view shows. */
  item = item_at (self, id);
  return item != NULL && am_item_get_item_type (item) == AM_ITEM_ENTITY && view_shows (self, id);
}

GListModel *
am_session_get_items (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->items);
}

const char *
am_session_get_first_match (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->first_match;
}

GHashTable *
am_session_get_highlight (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->highlight;
}

/**
 * am_session_get_suggested:
 * @self: a session
 *
 * The ids of the document's suggested actors and relations, which the map draws as
 * suggestions.  Rebuilt when the document changes ("notify::suggested").
 *
 * Returns: (transfer none) (nullable): a set of ids, or %NULL when there are none
 */
GHashTable *
am_session_get_suggested (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->suggested;
}

gboolean
am_session_get_busy (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->loading || self->laying_out;
}

gboolean
am_session_get_loading (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->loading;
}

gboolean
am_session_get_laying_out (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->laying_out;
}

const char *
am_session_get_busy_message (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->busy_message;
}

AmEvidenceIndex *
am_session_get_evidence_index (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->evidence_index;
}

GParamSpec *
am_session_param_spec (void)
{
  return g_param_spec_object ("session", NULL, NULL, AM_TYPE_SESSION,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

gboolean
am_session_set_slot (AmSession    **slot,
                     GSignalGroup  *group,
                     AmSession     *session)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (G_IS_SIGNAL_GROUP (group), FALSE);
  g_return_val_if_fail (session == NULL || AM_IS_SESSION (session), FALSE);

  if (!g_set_object (slot, session))
    return FALSE;

  g_signal_group_set_target (group, session);
  return TRUE;
}

guint
am_session_get_item_position (AmSession  *self,
                              const char *id)
{
  g_return_val_if_fail (AM_IS_SESSION (self), G_MAXUINT);

  if (id == NULL)
    return G_MAXUINT;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->item_positions, id)) - 1;
}

void
am_session_suggest (AmSession *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AM_IS_SESSION (self));

  cancel_suggest_job (self);
  if (self->document == NULL)
    return;

  self->suggest_cancellable = g_cancellable_new ();
  set_suggesting (self, TRUE);

  task = g_task_new (NULL, self->suggest_cancellable, suggest_done_cb,
                     job_new (self, self->suggest_serial, NULL, NULL));
  g_task_set_source_tag (task, am_session_suggest);
  g_task_set_task_data (task, g_object_ref (self->document), g_object_unref);
  g_task_run_in_thread (task, suggest_thread);
}

gboolean
am_session_get_suggesting (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->suggesting;
}

void
am_session_new_from_article (AmSession       *self,
                             const AmArticle *article)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AM_IS_SESSION (self));
  g_return_if_fail (article != NULL);

  document = am_article_to_document (article, &error);
  if (document == NULL)
    {
      g_signal_emit (self, signals [LOAD_FAILED], 0, NULL, error);
      return;
    }

  /* Nothing saved yet: modified from the start, so the recovery copy covers it too. */
  open_document (self, document, NULL, FALSE);
  am_session_suggest (self);
}

/* Undo and redo */

gboolean
am_session_get_can_undo (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
am_session_get_can_redo (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->redo_steps->len > 0;
}

const char *
am_session_get_undo_label (AmSession *self)
{
  Step *step;

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  step = top_step (self->undo_steps);
  return step ? step->label : NULL;
}

const char *
am_session_get_redo_label (AmSession *self)
{
  Step *step;

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  step = top_step (self->redo_steps);
  return step ? step->label : NULL;
}

void
am_session_undo (AmSession *self)
{
  HistoryState before;
  Step *step;

  g_return_if_fail (AM_IS_SESSION (self));

  if ((step = top_step (self->undo_steps)) == NULL)
    return;

  before = history_state (self);
  remember_scene (self, &step->scene_after, &step->scene_after_exact, step->after);
  g_ptr_array_add (self->redo_steps, g_ptr_array_steal_index (self->undo_steps,
                                                              self->undo_steps->len - 1));
  /* The map as it was before the step: its own layout when known, else the places it
   * had then (a moved actor goes back). */
  restore (self, step->before, step->scene_before, step->scene_before_exact);
  notify_history (self, &before);
}

void
am_session_redo (AmSession *self)
{
  HistoryState before;
  Step *step;

  g_return_if_fail (AM_IS_SESSION (self));

  if ((step = top_step (self->redo_steps)) == NULL)
    return;

  before = history_state (self);
  remember_scene (self, &step->scene_before, &step->scene_before_exact, step->before);
  g_ptr_array_add (self->undo_steps, g_ptr_array_steal_index (self->redo_steps,
                                                              self->redo_steps->len - 1));
  restore (self, step->after, step->scene_after, step->scene_after_exact);
  notify_history (self, &before);
}

gboolean
am_session_get_modified (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Snapshots are never changed, so the saved one is known by its pointer: undoing back
   * to it is "not modified" again. */
  return self->document != NULL && self->document != self->saved_document;
}

/* Saving */

void
am_session_save_async (AmSession           *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autofree char *name = NULL;
  GFile *target;
  SaveData *data;

  g_return_if_fail (AM_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_session_save_async);

  target = file != NULL ? file : self->file;
  if (self->document == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               /* Translators: Save was asked for while no map is open */
                               _("There is no map to save"));
      return;
    }
  if (target == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               /* Translators: Save of a map that has no file yet */
                               _("This map has no file yet: use Save As"));
      return;
    }

  name = _am_ui_display_name (target);
  /* A Graphviz file is not overwritten with a model: that needs a new name. */
  if (file == NULL && am_document_get_origin (self->document) == AM_DOCUMENT_ORIGIN_GRAPHVIZ)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is a file name */
                               _("“%s” is a Graphviz file: save the map under a new name"), name);
      return;
    }
  if (file == NULL && am_document_get_origin (self->document) == AM_DOCUMENT_ORIGIN_NETWORK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is a file name (GraphML, GEXF or CSV) */
                               _("“%s” was imported from another program: save the map "
                                 "under a new name"), name);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->path = g_file_get_path (target);
  if (data->path == NULL)
    {
      save_data_free (data);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is a file name */
                               _("Could not save “%s”: only local files can be saved"), name);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      save_data_free (data);
      return;
    }
  data->document = g_object_ref (self->document);
  data->file = g_object_ref (target);
  /* The watch waits until the save is over and then knows what it wrote: our own save
   * is not a change on disk. */
  if (self->watch != NULL && same_file (target, _am_file_watch_get_file (self->watch)))
    {
      _am_file_watch_hold (self->watch);
      data->held_watch = self->watch_serial;
    }

  /* Written and synced on a worker; the session learns of it back here. */
  worker = g_task_new (self, NULL, save_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, save_thread);
  g_task_set_task_data (worker, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (worker, save_thread);
}

gboolean
am_session_save_finish (AmSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_session_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Recovery */

void
am_session_discard_recovery (AmSession *self)
{
  g_return_if_fail (AM_IS_SESSION (self));

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  g_clear_object (&self->recovery_document);
  /* A write still running removes its file when it ends (recovery_write_done_cb). */
  self->recovery_serial++;
  if (self->recovery_path != NULL && g_unlink (self->recovery_path) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", self->recovery_path, g_strerror (errno));
}

GList *
am_session_list_recovery (void)
{
  return _am_recovery_list ();
}

gboolean
am_session_recover (AmSession  *self,
                    GFile      *recovery_file,
                    GError    **error)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GFile) edited = NULL;
  g_autoptr(GError) delete_error = NULL;

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (recovery_file), FALSE);

  document = _am_recovery_read (recovery_file, &edited, error);
  if (document == NULL)
    return FALSE;

  /* Not saved: the session writes its own copy from now on, and the old one goes. */
  open_document (self, document, edited, FALSE);
  if (!g_file_delete (recovery_file, NULL, &delete_error))
    g_debug ("Could not remove the recovery file: %s", delete_error->message);

  return TRUE;
}

/* Views */

const AmView *
am_session_get_view (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->view;
}

/**
 * am_session_set_view:
 * @self: a session
 * @view: (nullable): the view to show (copied); %NULL is the whole map
 *
 * Shows @view: "view-result", "view-scene", what the lists show and "highlight" follow,
 * without laying the map out again: at once on a small document, when the worker's result
 * lands on a large one ("view-pending").  Nothing happens when @view equals the view.
 */
void
am_session_set_view (AmSession    *self,
                     const AmView *view)
{
  g_autoptr(AmView) whole = NULL;

  g_return_if_fail (AM_IS_SESSION (self));

  if (view == NULL)
    view = whole = am_view_new ();
  if (am_view_equal (self->view, view))
    return;

  am_view_free (self->view);
  self->view = am_view_copy (view);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
  request_view (self, VIEW_NEEDS_RESULT);
  g_object_thaw_notify (G_OBJECT (self));

  schedule_store (self);
}

/**
 * am_session_get_view_pending:
 * @self: a session
 *
 * Whether a worker is computing the view (a large document): "view-result" and
 * "view-scene" still show the one before.
 *
 * Returns: %TRUE until the latest view's result lands
 */
gboolean
am_session_get_view_pending (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->view_needs != 0;
}

/**
 * am_session_get_view_result:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): what the view shows of the document, %NULL without
 *   a document
 */
AmViewResult *
am_session_get_view_result (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->view_result;
}

/**
 * am_session_get_view_scene:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the scene to draw (the laid-out scene as the view
 *   shows it), %NULL until the document is laid out
 */
AmScene *
am_session_get_view_scene (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->view_scene;
}

/**
 * am_session_get_groups:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the document's groups, %NULL without a document
 */
AmGroups *
am_session_get_groups (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->groups;
}

gboolean
am_session_get_group_actors (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->group_actors;
}

void
am_session_set_group_actors (AmSession *self,
                             gboolean   group_actors)
{
  g_return_if_fail (AM_IS_SESSION (self));

  group_actors = !!group_actors;
  if (self->group_actors == group_actors)
    return;

  self->group_actors = group_actors;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUP_ACTORS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESOLVED_ENGINE]);
  g_object_thaw_notify (G_OBJECT (self));

  /* The maps the history remembers were laid out with the other choice: undo and redo
   * lay them out again (keeping their places) rather than show them as they were. */
  for (guint i = 0; i < self->undo_steps->len; i++)
    forget_exact_scenes (g_ptr_array_index (self->undo_steps, i));
  for (guint i = 0; i < self->redo_steps->len; i++)
    forget_exact_scenes (g_ptr_array_index (self->redo_steps, i));

  /* A layout choice: the map is laid out again, once, with or without the clusters. */
  am_session_relayout_internal (self);
  schedule_store (self);
}

/* Live reload */

gboolean
am_session_get_file_changed_on_disk (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->file_changed_on_disk;
}

const GError *
am_session_get_reload_error (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->reload_error;
}

/**
 * am_session_reload:
 * @self: a session
 *
 * Reads the session's file again now and replaces the document with it (unsaved edits
 * are dropped: the banner's Reload).  "reloaded" on success, "reload-error" otherwise.
 */
void
am_session_reload (AmSession *self)
{
  g_return_if_fail (AM_IS_SESSION (self));

  set_file_changed_on_disk (self, FALSE);
  start_reload (self);
}

/**
 * am_session_keep_mine:
 * @self: a session
 *
 * Keeps the document as it is in the window (the banner's Keep Mine): "file-changed-on-disk"
 * goes back to %FALSE; a later change on disk asks again.
 */
void
am_session_keep_mine (AmSession *self)
{
  g_return_if_fail (AM_IS_SESSION (self));

  set_file_changed_on_disk (self, FALSE);
}

/* Remembered views */

void
am_session_set_viewport_hint (AmSession *self,
                              double     x,
                              double     y,
                              double     zoom)
{
  g_return_if_fail (AM_IS_SESSION (self));

  if (!isfinite (x) || !isfinite (y) || !isfinite (zoom) || zoom <= 0)
    return;
  if (self->has_viewport && self->viewport_x == x && self->viewport_y == y
      && self->viewport_zoom == zoom)
    return;

  self->has_viewport = TRUE;
  self->viewport_x = x;
  self->viewport_y = y;
  self->viewport_zoom = zoom;
  schedule_store (self);
}

/**
 * am_session_get_viewport_hint:
 * @self: a session
 * @x: (out) (optional): the viewport's centre, in scene points
 * @y: (out) (optional): the same
 * @zoom: (out) (optional): its zoom
 *
 * The viewport remembered for the opened file (or reported since).
 *
 * Returns: %FALSE when there is none
 */
gboolean
am_session_get_viewport_hint (AmSession *self,
                              double    *x,
                              double    *y,
                              double    *zoom)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  if (!self->has_viewport)
    return FALSE;

  if (x != NULL)
    *x = self->viewport_x;
  if (y != NULL)
    *y = self->viewport_y;
  if (zoom != NULL)
    *zoom = self->viewport_zoom;
  return TRUE;
}
