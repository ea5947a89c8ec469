/* test-session-view.c — views as session state: the derived scene without a layout, path
 * emphasis, filtered lists, Group Actors, live reload and remembered views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-file-watch.h"
#include "am-session.h"
#include "am-view-store.h"
#include "session-fixtures.h"
#include "test-documents.h"
#include "test-files.h"
#include "test-result.h"

#define WAIT_SECONDS 60

typedef gboolean (*Condition) (AmSession *session, gpointer data);

/* Runs the main loop until @condition holds or the time is up; returns whether it holds. */
static gboolean
spin_until (AmSession *session,
            Condition  condition,
            gpointer   data,
            guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (session, data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);

  return condition (session, data);
}

/* Runs the main loop for @ms milliseconds. */
static void
spin_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

static gboolean
laid_out (AmSession *session,
          gpointer   data)
{
  return !am_session_get_laying_out (session) && !am_session_get_loading (session)
         && am_session_get_scene (session) != NULL;
}

static void
wait_for_layout (AmSession *session)
{
  g_assert_true (spin_until (session, laid_out, NULL, WAIT_SECONDS));
  g_assert_null (am_session_get_layout_error (session));
}

static AmSession *
session_laid_out (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  AmSession *session = am_session_new ();

  am_session_set_document (session, document, NULL);
  wait_for_layout (session);
  return session;
}

static AmView *
view_focus (const char *id,
            guint       depth)
{
  AmView *view = am_view_new ();
  const char *ids[] = { id, NULL };

  am_view_set_focus (view, ids, depth, AM_VIEW_DIRECTION_BOTH);
  return view;
}

/* ---- The view never lays out --------------------------------------------------------- */

static void
test_view_no_layout (void)
{
  g_autoptr(AmSession) session = session_laid_out ();
  AmScene *scene = am_session_get_scene (session);
  g_autoptr(AmView) view = am_view_new ();
  AmScene *view_scene;
  guint n_scene = 0, n_laying_out = 0, n_view = 0, n_view_scene = 0, n_result = 0;

  /* The whole map: the view's scene is the laid-out one. */
  g_assert_true (am_session_get_view_scene (session) == scene);
  g_assert_true (am_view_is_whole_map (am_session_get_view (session)));
  g_assert_nonnull (am_session_get_view_result (session));

  g_signal_connect (session, "notify::scene", G_CALLBACK (session_fixture_count_notify), &n_scene);
  g_signal_connect (session, "notify::laying-out", G_CALLBACK (session_fixture_count_notify), &n_laying_out);
  g_signal_connect (session, "notify::view", G_CALLBACK (session_fixture_count_notify), &n_view);
  g_signal_connect (session, "notify::view-scene", G_CALLBACK (session_fixture_count_notify), &n_view_scene);
  g_signal_connect (session, "notify::view-result", G_CALLBACK (session_fixture_count_notify), &n_result);

  am_view_set_kind_hidden (view, "person", TRUE);
  am_session_set_view (session, view);

  /* At once, and without Graphviz: the laid-out scene is the same object. */
  g_assert_cmpuint (n_view, ==, 1);
  g_assert_cmpuint (n_view_scene, ==, 1);
  g_assert_cmpuint (n_result, ==, 1);
  g_assert_cmpuint (n_scene, ==, 0);
  g_assert_cmpuint (n_laying_out, ==, 0);
  g_assert_false (am_session_get_laying_out (session));
  g_assert_true (am_session_get_scene (session) == scene);
  g_assert_true (am_view_equal (am_session_get_view (session), view));

  view_scene = am_session_get_view_scene (session);
  g_assert_nonnull (view_scene);
  g_assert_true (view_scene != scene);
  g_assert_cmpuint (am_scene_get_n_nodes (view_scene), <, am_scene_get_n_nodes (scene));
  g_assert_cmpint (am_scene_find_node (view_scene, "kim-yo-jong"), ==, -1);
  g_assert_cmpint (am_scene_find_node (view_scene, "north-korea"), >=, 0);
  for (guint i = 0; i < am_scene_get_n_nodes (view_scene); i++)
    g_assert_cmpstr (am_scene_get_node (view_scene, i)->kind, !=, "person");

  /* The same view again changes nothing. */
  am_session_set_view (session, view);
  g_assert_cmpuint (n_view, ==, 1);
  g_assert_cmpuint (n_view_scene, ==, 1);

  /* Back to the whole map: the laid-out scene again, still no layout. */
  am_session_set_view (session, NULL);
  g_assert_true (am_session_get_view_scene (session) == scene);
  g_assert_cmpuint (n_view, ==, 2);
  g_assert_cmpuint (n_scene, ==, 0);
  g_assert_false (am_session_get_laying_out (session));

  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_scene);
  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_laying_out);
  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_view);
  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_view_scene);
  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_result);
}

/* A view set before the map is laid out applies to the scene when it comes. */
static void
test_view_before_layout (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmSession) session = am_session_new ();
  g_autoptr(AmView) view = am_view_new ();
  AmScene *view_scene;

  am_view_set_kind_hidden (view, "person", TRUE);
  am_session_set_view (session, view);
  am_session_set_document (session, document, NULL);
  g_assert_nonnull (am_session_get_view_result (session));
  g_assert_false (am_view_result_is_visible (am_session_get_view_result (session), "kim-yo-jong"));
  g_assert_null (am_session_get_view_scene (session));

  wait_for_layout (session);
  view_scene = am_session_get_view_scene (session);
  g_assert_nonnull (view_scene);
  g_assert_true (view_scene != am_session_get_scene (session));
  g_assert_cmpint (am_scene_find_node (view_scene, "kim-yo-jong"), ==, -1);
  g_assert_cmpint (am_scene_find_node (am_session_get_scene (session), "kim-yo-jong"), >=, 0);
}

/* The "view" property takes the boxed value and notifies only on a change. */
static void
test_view_property (void)
{
  g_autoptr(AmSession) session = am_session_new ();
  g_autoptr(AmView) view = view_focus ("kim-yo-jong", 2);
  g_autoptr(AmView) read = NULL;
  guint n_view = 0;

  g_signal_connect (session, "notify::view", G_CALLBACK (session_fixture_count_notify), &n_view);
  g_object_set (session, "view", view, NULL);
  g_object_set (session, "view", view, NULL);
  g_assert_cmpuint (n_view, ==, 1);

  g_object_get (session, "view", &read, NULL);
  g_assert_true (am_view_equal (read, view));
  /* Without a document there is nothing to show. */
  g_assert_null (am_session_get_view_result (session));
  g_assert_null (am_session_get_view_scene (session));
  g_assert_null (am_session_get_groups (session));

  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_view);
}

/* ---- Path emphasis and the highlight ------------------------------------------------- */

static void
assert_same_set (GHashTable *a,
                 GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b, key));
}

static void
test_view_path_highlight (void)
{
  g_autoptr(AmSession) session = session_laid_out ();
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(GHashTable) search = NULL;
  g_autoptr(GHashTable) both = NULL;
  AmViewResult *result;
  GHashTable *emphasis;
  GHashTable *highlight;
  GHashTableIter iter;
  gpointer key;
  guint n_highlight = 0;

  /* What a search alone leaves undimmed. */
  am_session_set_search_text (session, "kim");
  search = g_hash_table_ref (am_session_get_highlight (session));
  g_assert_true (g_hash_table_contains (search, "kim-yo-jong"));
  am_session_set_search_text (session, "");

  g_assert_null (am_session_get_highlight (session));
  g_signal_connect (session, "notify::highlight", G_CALLBACK (session_fixture_count_notify), &n_highlight);

  am_view_set_path (view, "kim-yo-jong", "joe-biden", FALSE);
  am_session_set_view (session, view);

  result = am_session_get_view_result (session);
  g_assert_cmpuint (am_view_result_get_n_paths (result), >, 0);
  emphasis = am_view_result_get_emphasis (result);
  g_assert_nonnull (emphasis);
  g_assert_true (g_hash_table_contains (emphasis, "kim-yo-jong"));
  g_assert_true (g_hash_table_contains (emphasis, "joe-biden"));

  /* Dimming, not hiding: the map keeps every actor, the rest is dimmed. */
  g_assert_cmpuint (n_highlight, ==, 1);
  highlight = am_session_get_highlight (session);
  assert_same_set (highlight, emphasis);
  g_assert_false (g_hash_table_contains (highlight, "china"));
  g_assert_cmpint (am_scene_find_node (am_session_get_view_scene (session), "china"), >=, 0);

  /* With a search as well: what both leave undimmed. */
  both = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, search);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (emphasis, key))
      g_hash_table_add (both, key);
  g_assert_true (g_hash_table_contains (both, "kim-yo-jong"));
  g_assert_cmpuint (g_hash_table_size (both), <, g_hash_table_size (search));
  am_session_set_search_text (session, "kim");
  highlight = am_session_get_highlight (session);
  assert_same_set (highlight, both);

  /* The search alone once the path is gone. */
  am_session_set_view (session, NULL);
  highlight = am_session_get_highlight (session);
  g_assert_nonnull (highlight);
  g_assert_true (g_hash_table_contains (highlight, "kim-jong-un"));

  /* Hide Others: what is off the paths is gone from the map, nothing to dim. */
  am_session_set_search_text (session, "");
  am_view_set_path (view, "kim-yo-jong", "joe-biden", TRUE);
  am_session_set_view (session, view);
  g_assert_null (am_session_get_highlight (session));
  g_assert_cmpint (am_scene_find_node (am_session_get_view_scene (session), "china"), ==, -1);
  g_assert_cmpint (am_scene_find_node (am_session_get_view_scene (session), "kim-yo-jong"), >=, 0);

  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_highlight);
}

/* ---- The lists show the view --------------------------------------------------------- */

static void
test_view_lists (void)
{
  g_autoptr(AmSession) session = session_laid_out ();
  g_autoptr(AmView) view = view_focus ("kim-yo-jong", 2);
  GListModel *items = am_session_get_items (session);
  AmViewResult *result;
  guint n_shown = 0, n_hidden = 0;
  guint n_result = 0;

  g_signal_connect (session, "notify::view-result", G_CALLBACK (session_fixture_count_notify), &n_result);
  am_session_set_view (session, view);
  g_assert_cmpuint (n_result, ==, 1);
  result = am_session_get_view_result (session);

  /* Items come from a worker: the layout took longer, they are there. */
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AmItem) item = g_list_model_get_item (items, i);
      const char *id = am_item_get_id (item);

      if (am_item_get_item_type (item) != AM_ITEM_ENTITY)
        continue;
      g_assert_cmpint (am_session_item_matches (session, id), ==,
                       am_view_result_is_visible (result, id));
      if (am_session_item_matches (session, id))
        n_shown++;
      else
        n_hidden++;
    }
  g_assert_cmpuint (n_shown, ==, am_view_result_get_n_visible_entities (result));
  g_assert_cmpuint (n_hidden, >, 0);
  g_assert_true (am_session_item_matches (session, "kim-yo-jong"));
  g_assert_true (am_session_item_matches (session, "kim-jong-un"));
  g_assert_false (am_session_item_matches (session, "japan"));

  /* The search finds only what the view shows. */
  am_session_set_search_text (session, "korea");
  g_assert_true (am_session_get_searching (session));
  g_assert_true (am_session_item_matches (session, "north-korea"));
  g_assert_false (am_session_item_matches (session, "south-korea"));
  g_assert_true (am_view_result_is_visible (result, am_session_get_first_match (session)));

  /* The whole map again: everything the search finds. */
  am_session_set_view (session, NULL);
  g_assert_true (am_session_item_matches (session, "south-korea"));

  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_result);
}

/* ---- Group Actors -------------------------------------------------------------------- */

static gboolean
scene_has_cluster (AmScene    *scene,
                   const char *id)
{
  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    if (g_strcmp0 (am_scene_get_cluster (scene, i)->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_group_request (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmGroups) groups = am_groups_compute (document);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AmLayoutRequest) plain = NULL;
  g_autoptr(AmLayoutRequest) grouped = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (labels, (char *) "north-korea", (char *) "DPRK");

  plain = am_layout_request_new_for_document (document, AM_LAYOUT_ENGINE_DOT, &error);
  g_assert_no_error (error);
  g_assert_null (am_layout_request_get_node_group (plain, "kim-jong-un"));

  grouped = am_layout_request_new_grouped (document, AM_LAYOUT_ENGINE_DOT, NULL,
                                           am_groups_get_map (groups), labels, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_layout_request_get_node_group (grouped, "kim-jong-un"), ==, "north-korea");
  g_assert_cmpstr (am_layout_request_get_node_group (grouped, "choe-son-hui"), ==, "north-korea");
  g_assert_cmpstr (am_layout_request_get_node_group (grouped, "antony-blinken"), ==, "us");
  g_assert_null (am_layout_request_get_node_group (grouped, "no-such-actor"));
}

static void
test_group_actors (void)
{
  g_autoptr(AmSession) session = session_laid_out ();
  AmScene *before = am_session_get_scene (session);
  AmGroups *groups = am_session_get_groups (session);
  guint n_group_actors = 0;
  AmScene *scene;

  g_assert_nonnull (groups);
  g_assert_cmpint (am_groups_find (groups, "north-korea"), >=, 0);
  g_assert_false (am_session_get_group_actors (session));
  g_assert_false (scene_has_cluster (before, "north-korea"));

  g_signal_connect (session, "notify::group-actors", G_CALLBACK (session_fixture_count_notify), &n_group_actors);
  am_session_set_group_actors (session, TRUE);
  am_session_set_group_actors (session, TRUE);
  g_assert_cmpuint (n_group_actors, ==, 1);
  g_assert_true (am_session_get_group_actors (session));
  /* Clusters need an engine that draws them. */
  g_assert_cmpstr (am_session_get_resolved_engine (session), ==, "dot");

  /* Laid out again, once, with the groups as clusters. */
  g_assert_true (am_session_get_laying_out (session));
  wait_for_layout (session);
  scene = am_session_get_scene (session);
  g_assert_true (scene != before);
  g_assert_true (scene_has_cluster (scene, "north-korea"));
  g_assert_true (scene_has_cluster (scene, "us"));
  g_assert_true (am_session_get_view_scene (session) == scene);

  /* Off again: no clusters. */
  am_session_set_group_actors (session, FALSE);
  g_assert_cmpstr (am_session_get_resolved_engine (session), !=, "dot");
  wait_for_layout (session);
  g_assert_false (scene_has_cluster (am_session_get_scene (session), "north-korea"));

  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_group_actors);
}

/* Undo after switching Group Actors on lays the earlier document out again, with the
 * clusters, rather than showing its map as it was (the engine stays dot throughout). */
static void
test_group_actors_undo (void)
{
  g_autoptr(AmSession) session = session_laid_out ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  am_session_set_engine (session, "dot");
  wait_for_layout (session);
  id = am_session_add_actor (session, "Grouped Envoy", AM_ENTITY_KIND_PERSON, NULL, &error);
  g_assert_no_error (error);
  wait_for_layout (session);

  am_session_set_group_actors (session, TRUE);
  wait_for_layout (session);
  g_assert_true (scene_has_cluster (am_session_get_scene (session), "north-korea"));

  am_session_undo (session);
  g_assert_true (am_session_get_laying_out (session));
  wait_for_layout (session);
  g_assert_cmpint (am_scene_find_node (am_session_get_scene (session), id), ==, -1);
  g_assert_true (scene_has_cluster (am_session_get_scene (session), "north-korea"));
}

/* ---- Live reload --------------------------------------------------------------------- */

typedef struct
{
  char      *dir;
  char      *path;
  GFile     *file;
  AmSession *session;
  guint      n_reloaded;
} Reload;

static void
count_reloaded (AmSession *session,
                guint     *count)
{
  (*count)++;
}

static char *
bundled_json (void)
{
  g_autofree char *path = test_documents_bundled_path ();
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* The bundled model with one more actor. */
static char *
json_with_actor (const char *id,
                 const char *name)
{
  g_autofree char *json = bundled_json ();
  const char *entities = strstr (json, "\"entities\": [");
  g_autofree char *head = NULL;
  g_autofree char *actor = NULL;

  g_assert_nonnull (entities);
  entities += strlen ("\"entities\": [");
  head = g_strndup (json, entities - json);
  actor = g_strdup_printf ("{ \"id\": \"%s\", \"name\": \"%s\", \"kind\": \"person\" },", id, name);
  return g_strconcat (head, actor, entities, NULL);
}

/* Writes @contents as an editor would: a new file renamed over the old one. */
static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
reload_setup (Reload *r)
{
  g_autofree char *json = bundled_json ();

  r->dir = test_files_make_temp_dir ("am-reload-XXXXXX");
  r->path = g_build_filename (r->dir, "story.json", NULL);
  write_file (r->path, json);
  r->file = g_file_new_for_path (r->path);
  r->session = am_session_new ();
  g_signal_connect (r->session, "reloaded", G_CALLBACK (count_reloaded), &r->n_reloaded);

  am_session_open_file (r->session, r->file);
  wait_for_layout (r->session);
  g_assert_nonnull (am_session_get_document (r->session));
  /* The watch has read what is there (it had the whole layout's time to). */
  spin_for (100);
}

static void
reload_teardown (Reload *r)
{
  am_session_cancel (r->session);
  g_signal_handlers_disconnect_by_func (r->session, count_reloaded, &r->n_reloaded);
  g_assert_finalize_object (r->session);
  test_files_remove_tree (r->dir);
  g_free (r->dir);
  g_free (r->path);
  g_object_unref (r->file);
}

static gboolean
reloaded_once (AmSession *session,
               gpointer   data)
{
  return ((Reload *) data)->n_reloaded > 0;
}

static gboolean
has_reload_error (AmSession *session,
                  gpointer   data)
{
  return am_session_get_reload_error (session) != NULL;
}

static gboolean
changed_on_disk (AmSession *session,
                 gpointer   data)
{
  return am_session_get_file_changed_on_disk (session);
}

static void
test_reload_changed_file (void)
{
  Reload r = { 0, };
  g_autoptr(AmView) view = view_focus ("kim-yo-jong", 2);
  g_autofree char *changed = json_with_actor ("new-envoy", "New Envoy");
  AmDocument *before;

  reload_setup (&r);
  am_session_set_view (r.session, view);
  am_session_select (r.session, "kim-yo-jong", AM_SELECTION_ORIGIN_NONE);
  before = am_session_get_document (r.session);
  g_assert_null (am_document_lookup_entity (before, "new-envoy"));

  write_file (r.path, changed);
  g_assert_true (spin_until (r.session, reloaded_once, &r, WAIT_SECONDS));
  g_assert_cmpuint (r.n_reloaded, ==, 1);

  /* The new document, not modified, with the view and the selection kept. */
  g_assert_true (am_session_get_document (r.session) != before);
  g_assert_nonnull (am_document_lookup_entity (am_session_get_document (r.session), "new-envoy"));
  g_assert_false (am_session_get_modified (r.session));
  g_assert_false (am_session_get_can_undo (r.session));
  g_assert_true (am_view_equal (am_session_get_view (r.session), view));
  g_assert_cmpstr (am_session_get_selection (r.session), ==, "kim-yo-jong");
  g_assert_null (am_session_get_reload_error (r.session));
  g_assert_true (am_session_get_file (r.session) == r.file
                 || g_file_equal (am_session_get_file (r.session), r.file));

  /* The map is laid out again keeping its places; the view's scene follows. */
  wait_for_layout (r.session);
  g_assert_nonnull (am_session_get_view_scene (r.session));

  reload_teardown (&r);
}

static void
test_reload_garbage (void)
{
  Reload r = { 0, };
  g_autofree char *good = json_with_actor ("new-envoy", "New Envoy");
  AmDocument *before;

  reload_setup (&r);
  before = am_session_get_document (r.session);

  write_file (r.path, "{ this is not a model");
  g_assert_true (spin_until (r.session, has_reload_error, NULL, WAIT_SECONDS));

  /* The old map stays, the error says why. */
  g_assert_cmpuint (r.n_reloaded, ==, 0);
  g_assert_true (am_session_get_document (r.session) == before);
  g_assert_nonnull (am_session_get_scene (r.session));
  g_assert_nonnull (am_session_get_reload_error (r.session)->message);
  g_assert_cmpstr (am_session_get_reload_error (r.session)->message, !=, "");

  /* A later good write clears it. */
  write_file (r.path, good);
  g_assert_true (spin_until (r.session, reloaded_once, &r, WAIT_SECONDS));
  g_assert_null (am_session_get_reload_error (r.session));
  g_assert_nonnull (am_document_lookup_entity (am_session_get_document (r.session), "new-envoy"));

  reload_teardown (&r);
}

static void
test_reload_own_save (void)
{
  Reload r = { 0, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AmDocument *edited;

  reload_setup (&r);
  id = am_session_add_actor (r.session, "Saved Actor", AM_ENTITY_KIND_PERSON, NULL, &error);
  g_assert_no_error (error);
  edited = am_session_get_document (r.session);

  am_session_save_async (r.session, NULL, NULL, test_result_store_cb, &result);
  g_assert_true (am_session_save_finish (r.session, test_result_wait (&result), &error));
  g_assert_no_error (error);
  /* The result's task holds the session. */
  g_clear_object (&result);
  g_assert_false (am_session_get_modified (r.session));

  /* Well past the debounce and the read: our own save is not a change. */
  spin_for (AM_FILE_WATCH_DEBOUNCE_MS * 4);
  g_assert_cmpuint (r.n_reloaded, ==, 0);
  g_assert_false (am_session_get_file_changed_on_disk (r.session));
  g_assert_true (am_session_get_document (r.session) == edited);

  /* Touching the file changes nothing either: the bytes are the same. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (r.path, &contents, NULL, NULL));
    write_file (r.path, contents);
    spin_for (AM_FILE_WATCH_DEBOUNCE_MS * 4);
    g_assert_cmpuint (r.n_reloaded, ==, 0);
  }

  reload_teardown (&r);
}

static void
test_reload_unsaved_edits (void)
{
  Reload r = { 0, };
  g_autofree char *changed = json_with_actor ("new-envoy", "New Envoy");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AmDocument *edited;
  guint n_changed = 0;

  reload_setup (&r);
  id = am_session_add_actor (r.session, "Unsaved Actor", AM_ENTITY_KIND_PERSON, NULL, &error);
  g_assert_no_error (error);
  edited = am_session_get_document (r.session);
  g_signal_connect (r.session, "notify::file-changed-on-disk",
                    G_CALLBACK (session_fixture_count_notify), &n_changed);

  write_file (r.path, changed);
  g_assert_true (spin_until (r.session, changed_on_disk, NULL, WAIT_SECONDS));

  /* Nothing is thrown away: the banner asks. */
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (r.n_reloaded, ==, 0);
  g_assert_true (am_session_get_document (r.session) == edited);
  g_assert_true (am_session_get_modified (r.session));

  /* Keep Mine dismisses it, the edits stay. */
  am_session_keep_mine (r.session);
  g_assert_false (am_session_get_file_changed_on_disk (r.session));
  g_assert_true (am_session_get_document (r.session) == edited);

  /* Reload takes the file's version. */
  am_session_reload (r.session);
  g_assert_true (spin_until (r.session, reloaded_once, &r, WAIT_SECONDS));
  g_assert_nonnull (am_document_lookup_entity (am_session_get_document (r.session), "new-envoy"));
  g_assert_null (am_document_lookup_entity (am_session_get_document (r.session), id));
  g_assert_false (am_session_get_modified (r.session));
  g_assert_cmpuint (n_changed, ==, 2);

  g_signal_handlers_disconnect_by_func (r.session, session_fixture_count_notify, &n_changed);
  reload_teardown (&r);
}

/* ---- Remembered views ---------------------------------------------------------------- */

static void
test_store_round_trip (void)
{
  g_autofree char *path = am_view_store_get_path ();
  g_autoptr(GFile) file = g_file_new_for_path ("/stories/one.json");
  g_autoptr(GFile) other = g_file_new_for_path ("/stories/two.json");
  g_auto(AmViewStoreEntry) entry = { 0, };
  g_auto(AmViewStoreEntry) loaded = { 0, };
  g_autoptr(GError) error = NULL;

  /* Tests keep their state in their own folder (G_TEST_OPTION_ISOLATE_DIRS). */
  g_assert_true (g_str_has_prefix (path, g_get_user_state_dir ()));
  g_assert_false (am_view_store_load (file, &loaded));
  g_assert_null (loaded.view);

  entry.view = view_focus ("kim-yo-jong", 3);
  am_view_set_kind_hidden (entry.view, "organization", TRUE);
  am_view_set_time_range (entry.view, "2021-03", "2021", FALSE);
  entry.group_actors = TRUE;
  entry.has_viewport = TRUE;
  entry.x = 120.5;
  entry.y = -3.25;
  entry.zoom = 1.75;
  g_assert_true (am_view_store_save (file, &entry, &error));
  g_assert_no_error (error);

  g_assert_true (am_view_store_load (file, &loaded));
  g_assert_true (am_view_equal (loaded.view, entry.view));
  g_assert_true (loaded.group_actors);
  g_assert_true (loaded.has_viewport);
  g_assert_cmpfloat (loaded.x, ==, 120.5);
  g_assert_cmpfloat (loaded.y, ==, -3.25);
  g_assert_cmpfloat (loaded.zoom, ==, 1.75);
  am_view_store_entry_clear (&loaded);

  /* Another file has its own entry; no viewport, the whole map. */
  entry.group_actors = FALSE;
  entry.has_viewport = FALSE;
  g_clear_pointer (&entry.view, am_view_free);
  g_assert_true (am_view_store_save (other, &entry, &error));
  g_assert_true (am_view_store_load (other, &loaded));
  g_assert_true (am_view_is_whole_map (loaded.view));
  g_assert_false (loaded.group_actors);
  g_assert_false (loaded.has_viewport);
  am_view_store_entry_clear (&loaded);

  /* The first is still there. */
  g_assert_true (am_view_store_load (file, &loaded));
  g_assert_true (loaded.group_actors);
}

static void
test_store_cap (void)
{
  g_autofree char *path = am_view_store_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GKeyFile) after = g_key_file_new ();
  g_autoptr(GFile) newest = g_file_new_for_path ("/stories/newest.json");
  g_autoptr(GFile) oldest = g_file_new_for_uri ("file:///stories/0.json");
  g_autoptr(GFile) second = g_file_new_for_uri ("file:///stories/1.json");
  g_auto(AmViewStoreEntry) entry = { 0, };
  g_auto(AmViewStoreEntry) loaded = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) groups = NULL;

  g_autoptr(AmView) whole = am_view_new ();
  g_autofree char *whole_text = am_view_to_string (whole);

  /* A full store, used from oldest (0) to newest (199). */
  for (guint i = 0; i < AM_VIEW_STORE_MAX_FILES; i++)
    {
      g_autofree char *group = g_strdup_printf ("file:///stories/%u.json", i);

      g_key_file_set_string (keyfile, group, "view", whole_text);
      g_key_file_set_int64 (keyfile, group, "used", 1000 + i);
    }
  data = g_key_file_to_data (keyfile, NULL, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_files_write (path, data);
  g_assert_true (am_view_store_load (oldest, &loaded));
  am_view_store_entry_clear (&loaded);

  entry.group_actors = TRUE;
  g_assert_true (am_view_store_save (newest, &entry, &error));
  g_assert_no_error (error);

  /* Still at the cap: the oldest went, the next oldest and the newest are there. */
  g_assert_true (g_key_file_load_from_file (after, path, G_KEY_FILE_NONE, &error));
  groups = g_key_file_get_groups (after, NULL);
  g_assert_cmpuint (g_strv_length (groups), ==, AM_VIEW_STORE_MAX_FILES);
  g_assert_false (am_view_store_load (oldest, &loaded));
  g_assert_true (am_view_store_load (second, &loaded));
  am_view_store_entry_clear (&loaded);
  g_assert_true (am_view_store_load (newest, &loaded));
  g_assert_true (loaded.group_actors);
}

static void
test_store_corrupt (void)
{
  g_autofree char *path = am_view_store_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path ("/stories/one.json");
  g_auto(AmViewStoreEntry) entry = { 0, };
  g_auto(AmViewStoreEntry) loaded = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_files_write (path, "[[[ this is not a key file\n\xff\xfe");

  /* Ignored with a warning: nothing is remembered. */
  g_test_expect_message ("am-session", G_LOG_LEVEL_WARNING, "*Ignoring the remembered views*");
  g_assert_false (am_view_store_load (file, &loaded));
  g_test_assert_expected_messages ();

  /* The next save replaces it with a good one. */
  entry.view = view_focus ("kim-yo-jong", 1);
  g_test_expect_message ("am-session", G_LOG_LEVEL_WARNING, "*Ignoring the remembered views*");
  g_assert_true (am_view_store_save (file, &entry, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (am_view_store_load (file, &loaded));
  g_assert_true (am_view_equal (loaded.view, entry.view));
  am_view_store_entry_clear (&loaded);

  /* A group whose view does not parse is skipped the same way. */
  {
    g_autoptr(GKeyFile) keyfile = g_key_file_new ();
    g_autoptr(GFile) bad = g_file_new_for_uri ("file:///stories/bad.json");
    g_autofree char *data = NULL;

    g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL));
    g_key_file_set_string (keyfile, "file:///stories/bad.json", "view", "not a view ((");
    data = g_key_file_to_data (keyfile, NULL, NULL);
    test_files_write (path, data);

    g_test_expect_message ("am-session", G_LOG_LEVEL_WARNING, "*Ignoring the remembered view of*");
    g_assert_false (am_view_store_load (bad, &loaded));
    g_test_assert_expected_messages ();
    g_assert_true (am_view_store_load (file, &loaded));
  }
}

static gboolean
store_has (AmSession *session,
           gpointer   data)
{
  g_auto(AmViewStoreEntry) entry = { 0, };

  return am_view_store_load (data, &entry);
}

/* The session restores the view, group-actors and viewport of a file it opens again. */
static void
test_store_session (void)
{
  g_autofree char *dir = test_files_make_temp_dir ("am-views-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *json = bundled_json ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmView) view = view_focus ("kim-yo-jong", 1);
  AmSession *session;
  double x = 0, y = 0, zoom = 0;

  write_file (path, json);
  file = g_file_new_for_path (path);

  session = am_session_new ();
  am_session_set_document (session, document, file);
  g_assert_false (am_session_get_viewport_hint (session, NULL, NULL, NULL));
  am_session_set_view (session, view);
  am_session_set_viewport_hint (session, 10, 20, 1.5);

  /* Debounced: not written at once, written a moment later. */
  g_assert_false (store_has (session, file));
  g_assert_true (spin_until (session, store_has, file, 10));

  /* The last change before closing is not lost to the debounce. */
  am_session_set_group_actors (session, TRUE);
  am_session_cancel (session);
  g_assert_finalize_object (session);

  session = am_session_new ();
  am_session_set_document (session, document, file);
  g_assert_true (am_view_equal (am_session_get_view (session), view));
  g_assert_true (am_session_get_group_actors (session));
  g_assert_true (am_session_get_viewport_hint (session, &x, &y, &zoom));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (y, ==, 20);
  g_assert_cmpfloat (zoom, ==, 1.5);
  /* The view applies to the document at once. */
  g_assert_false (am_view_result_is_visible (am_session_get_view_result (session), "japan"));

  /* Another document without a file: the whole map. */
  am_session_set_document (session, document, NULL);
  g_assert_true (am_view_is_whole_map (am_session_get_view (session)));
  g_assert_false (am_session_get_group_actors (session));
  g_assert_false (am_session_get_viewport_hint (session, NULL, NULL, NULL));

  am_session_cancel (session);
  g_assert_finalize_object (session);
  test_files_remove_tree (dir);
}

/* ---- Large documents: the view on a worker ------------------------------------------- */

/* Actors and relations in the generated map: above AM_SESSION_ASYNC_VIEW_ITEMS, so its
 * views are computed on a worker, and small enough for sfdp to lay it out in a second. */
#define LARGE_ACTORS 800
#define LARGE_WAIT_SECONDS 240

static const char * const large_kinds[] = {
  "state", "organization", "person", "person", "person", "event", "place", "media",
};

/* A map shaped like bench/gen-model.py's: each new actor ties itself to two actors
 * picked by degree (a few hubs, many leaves), relations of a few types; the same map on
 * every run. */
static AmDocument *
large_document (void)
{
  static const char * const types[] = { "role", "alliance", "meeting", "visit" };
  g_autoptr(GString) json = g_string_new ("{\"format\": \"actormap\", \"version\": 1, "
                                          "\"article\": {\"title\": \"Large\", \"paragraphs\": []}, "
                                          "\"entities\": [");
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  guint n_relations = 0;
  guint zero = 0;

  for (guint i = 0; i < LARGE_ACTORS; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"Actor %u\", \"kind\": \"%s\"}",
                            i > 0 ? ", " : "", i, i, large_kinds[i % G_N_ELEMENTS (large_kinds)]);
  g_string_append (json, "], \"relations\": [");

  g_array_append_val (pool, zero);
  for (guint i = 1; i < LARGE_ACTORS; i++)
    {
      for (guint k = 0; k < 2; k++)
        {
          guint j = g_array_index (pool, guint, g_rand_int_range (rand, 0, pool->len));

          if (j == i)
            continue;
          g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"e%u\", \"target\": \"e%u\", "
                                  "\"label\": \"%s\", \"type\": \"%s\", \"directed\": true}",
                                  n_relations > 0 ? ", " : "", n_relations, i, j,
                                  types[n_relations % G_N_ELEMENTS (types)],
                                  types[n_relations % G_N_ELEMENTS (types)]);
          n_relations++;
          g_array_append_val (pool, j);
        }
      g_array_append_val (pool, i);
    }
  g_string_append (json, "], \"statements\": []}");

  return test_documents_load_json (json->str, "large.json");
}

static gboolean
view_landed (AmSession *session,
             gpointer   data)
{
  return !am_session_get_view_pending (session);
}

/* The large map, laid out once (sfdp) for the tests below; its first view (the whole map)
 * has landed. */
static AmSession *large_session;

static AmSession *
large_session_laid_out (void)
{
  g_autoptr(AmDocument) document = NULL;

  if (large_session != NULL)
    return large_session;

  document = large_document ();
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document))
                    + g_list_model_get_n_items (am_document_get_relations (document)),
                    >=, AM_SESSION_ASYNC_VIEW_ITEMS);

  large_session = am_session_new ();
  am_session_set_engine (large_session, "sfdp");
  am_session_set_timeout_seconds (large_session, LARGE_WAIT_SECONDS);
  am_session_set_document (large_session, document, NULL);
  /* A new large document's groups and result come from the worker too. */
  g_assert_true (am_session_get_view_pending (large_session));
  /* sfdp takes a second here with gcc, over a minute under ASan (the helper is
   * instrumented too). */
  g_assert_true (spin_until (large_session, laid_out, NULL, LARGE_WAIT_SECONDS));
  g_assert_true (spin_until (large_session, view_landed, NULL, WAIT_SECONDS));
  g_assert_nonnull (am_session_get_groups (large_session));
  g_assert_nonnull (am_session_get_view_result (large_session));
  g_assert_true (am_session_get_view_scene (large_session) == am_session_get_scene (large_session));

  return large_session;
}

typedef struct
{
  guint   n_view_scene;
  guint   n_result;
  guint   n_highlight;
  guint   n_pending;
  /* The view each "view-scene" notification came with. */
  GPtrArray *landed;
} Landings;

static void
landing_view_scene_cb (AmSession  *session,
                       GParamSpec *pspec,
                       Landings   *landings)
{
  AmViewResult *result = am_session_get_view_result (session);

  landings->n_view_scene++;
  /* Everything is in place by the time anything is notified. */
  g_assert_nonnull (result);
  g_assert_false (am_session_get_view_pending (session));
  g_ptr_array_add (landings->landed, am_view_copy (am_view_result_get_view (result)));
}

static void
landings_connect (AmSession *session,
                  Landings  *landings)
{
  *landings = (Landings) { .landed = g_ptr_array_new_with_free_func ((GDestroyNotify) am_view_free) };
  g_signal_connect (session, "notify::view-scene", G_CALLBACK (landing_view_scene_cb), landings);
  g_signal_connect (session, "notify::view-result", G_CALLBACK (session_fixture_count_notify),
                    &landings->n_result);
  g_signal_connect (session, "notify::highlight", G_CALLBACK (session_fixture_count_notify),
                    &landings->n_highlight);
  g_signal_connect (session, "notify::view-pending", G_CALLBACK (session_fixture_count_notify),
                    &landings->n_pending);
}

static void
landings_disconnect (AmSession *session,
                     Landings  *landings)
{
  g_signal_handlers_disconnect_by_data (session, landings);
  g_signal_handlers_disconnect_by_data (session, &landings->n_result);
  g_signal_handlers_disconnect_by_data (session, &landings->n_highlight);
  g_signal_handlers_disconnect_by_data (session, &landings->n_pending);
  g_clear_pointer (&landings->landed, g_ptr_array_unref);
}

static gboolean
view_scene_landed (AmSession *session,
                   gpointer   data)
{
  Landings *landings = data;

  return landings->n_view_scene > 0;
}

/* A filter on a large map: set_view() returns before anything is computed, the window's
 * main loop turns, and the derived scene arrives with "notify::view-scene". */
static void
test_view_large_async (void)
{
  AmSession *session = large_session_laid_out ();
  AmScene *scene = am_session_get_scene (session);
  AmViewResult *before = am_session_get_view_result (session);
  g_autoptr(AmView) view = am_view_new ();
  AmScene *view_scene;
  Landings landings;

  am_session_set_view (session, NULL);
  g_assert_true (spin_until (session, view_landed, NULL, WAIT_SECONDS));
  before = am_session_get_view_result (session);
  g_assert_true (am_view_result_is_whole_map (before));
  landings_connect (session, &landings);

  am_view_set_kind_hidden (view, "person", TRUE);
  am_session_set_view (session, view);

  /* The large path: the view is the session's at once, what it shows is not yet. */
  g_assert_true (am_view_equal (am_session_get_view (session), view));
  g_assert_true (am_session_get_view_pending (session));
  g_assert_cmpuint (landings.n_pending, ==, 1);
  g_assert_cmpuint (landings.n_view_scene, ==, 0);
  g_assert_cmpuint (landings.n_result, ==, 0);
  g_assert_true (am_session_get_view_scene (session) == scene);
  g_assert_true (am_session_get_view_result (session) == before);
  /* The lists still show what the map shows: every actor, persons too. */
  g_assert_true (am_session_item_matches (session, "e2"));

  g_assert_true (spin_until (session, view_scene_landed, &landings, WAIT_SECONDS));

  g_assert_false (am_session_get_view_pending (session));
  g_assert_cmpuint (landings.n_pending, ==, 2);
  g_assert_cmpuint (landings.n_view_scene, ==, 1);
  g_assert_cmpuint (landings.n_result, ==, 1);
  g_assert_true (am_view_equal (g_ptr_array_index (landings.landed, 0), view));

  /* No layout: the laid-out scene is the same object; the derived one has no person. */
  g_assert_false (am_session_get_laying_out (session));
  g_assert_true (am_session_get_scene (session) == scene);
  view_scene = am_session_get_view_scene (session);
  g_assert_true (view_scene != scene);
  g_assert_cmpuint (am_scene_get_n_nodes (view_scene), ==,
                    am_view_result_get_n_visible_entities (am_session_get_view_result (session)));
  g_assert_cmpuint (am_scene_get_n_nodes (view_scene), <, am_scene_get_n_nodes (scene));
  g_assert_cmpuint (am_scene_get_n_nodes (view_scene), >, 0);
  for (guint i = 0; i < am_scene_get_n_nodes (view_scene); i++)
    g_assert_cmpstr (am_scene_get_node (view_scene, i)->kind, !=, "person");
  /* e2 is a person (large_kinds), e0 a state. */
  g_assert_cmpint (am_scene_find_node (view_scene, "e2"), ==, -1);
  g_assert_cmpint (am_scene_find_node (view_scene, "e0"), >=, 0);
  g_assert_false (am_session_item_matches (session, "e2"));
  g_assert_true (am_session_item_matches (session, "e0"));

  /* A path that dims the rest: the highlight comes with the result. */
  am_view_clear_filters (view);
  am_view_set_path (view, "e1", "e0", FALSE);
  am_session_set_view (session, view);
  g_assert_null (am_session_get_highlight (session));
  g_assert_true (spin_until (session, view_landed, NULL, WAIT_SECONDS));
  g_assert_cmpuint (landings.n_result, ==, 2);
  g_assert_cmpuint (landings.n_highlight, ==, 1);
  g_assert_nonnull (am_session_get_highlight (session));
  g_assert_true (g_hash_table_contains (am_session_get_highlight (session), "e1"));
  g_assert_true (g_hash_table_contains (am_session_get_highlight (session), "e0"));
  g_assert_false (g_hash_table_contains (am_session_get_highlight (session), "e2"));

  landings_disconnect (session, &landings);
}

/* Two views in quick succession: only the second one's result is ever shown, also when
 * the first is being computed when the second comes. */
static void
test_view_large_superseded (void)
{
  AmSession *session = large_session_laid_out ();
  g_autoptr(AmView) first = am_view_new ();
  g_autoptr(AmView) second = view_focus ("e0", 1);
  AmViewResult *result;
  AmScene *view_scene;
  Landings landings;
  gboolean persons = FALSE;

  am_session_set_view (session, NULL);
  g_assert_true (spin_until (session, view_landed, NULL, WAIT_SECONDS));
  landings_connect (session, &landings);

  am_view_set_kind_hidden (first, "person", TRUE);
  am_session_set_view (session, first);
  /* One turn of the main loop: the worker starts on the first view. */
  g_main_context_iteration (NULL, FALSE);
  am_session_set_view (session, second);
  g_assert_true (am_session_get_view_pending (session));

  g_assert_true (spin_until (session, view_landed, NULL, WAIT_SECONDS));
  /* Let a late result come back, if one were still on the way. */
  spin_for (200);

  g_assert_cmpuint (landings.n_view_scene, ==, 1);
  g_assert_cmpuint (landings.n_result, ==, 1);
  g_assert_true (am_view_equal (g_ptr_array_index (landings.landed, 0), second));
  result = am_session_get_view_result (session);
  g_assert_true (am_view_equal (am_view_result_get_view (result), second));
  g_assert_true (am_view_equal (am_session_get_view (session), second));

  /* The focus's scene: e0 and its neighbours, persons among them (the first view hid
   * them). */
  view_scene = am_session_get_view_scene (session);
  g_assert_cmpint (am_scene_find_node (view_scene, "e0"), >=, 0);
  g_assert_cmpuint (am_scene_get_n_nodes (view_scene), ==,
                    am_view_result_get_n_visible_entities (result));
  g_assert_cmpuint (am_scene_get_n_nodes (view_scene), <, LARGE_ACTORS);
  for (guint i = 0; i < am_scene_get_n_nodes (view_scene); i++)
    persons |= g_strcmp0 (am_scene_get_node (view_scene, i)->kind, "person") == 0;
  g_assert_true (persons);

  landings_disconnect (session, &landings);
}

/* A small map is never pending: its view is there when set_view() returns. */
static void
test_view_small_sync (void)
{
  g_autoptr(AmSession) session = session_laid_out ();
  g_autoptr(AmView) view = view_focus ("kim-yo-jong", 1);
  guint n_pending = 0;

  g_signal_connect (session, "notify::view-pending", G_CALLBACK (session_fixture_count_notify), &n_pending);
  am_session_set_view (session, view);
  g_assert_false (am_session_get_view_pending (session));
  g_assert_cmpuint (n_pending, ==, 0);
  g_assert_true (am_view_equal (am_view_result_get_view (am_session_get_view_result (session)), view));
  g_assert_cmpuint (am_scene_get_n_nodes (am_session_get_view_scene (session)), ==,
                    am_view_result_get_n_visible_entities (am_session_get_view_result (session)));
  g_assert_cmpuint (am_scene_get_n_nodes (am_session_get_view_scene (session)), <,
                    am_scene_get_n_nodes (am_session_get_scene (session)));
  g_signal_handlers_disconnect_by_func (session, session_fixture_count_notify, &n_pending);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/session/view/no-layout", test_view_no_layout);
  g_test_add_func ("/session/view/property", test_view_property);
  g_test_add_func ("/session/view/before-layout", test_view_before_layout);
  g_test_add_func ("/session/view/path-highlight", test_view_path_highlight);
  g_test_add_func ("/session/view/lists", test_view_lists);
  g_test_add_func ("/session/groups/request", test_group_request);
  g_test_add_func ("/session/groups/group-actors", test_group_actors);
  g_test_add_func ("/session/groups/group-actors-undo", test_group_actors_undo);
  g_test_add_func ("/session/reload/changed-file", test_reload_changed_file);
  g_test_add_func ("/session/reload/garbage", test_reload_garbage);
  g_test_add_func ("/session/reload/own-save", test_reload_own_save);
  g_test_add_func ("/session/reload/unsaved-edits", test_reload_unsaved_edits);
  g_test_add_func ("/session/view-store/round-trip", test_store_round_trip);
  g_test_add_func ("/session/view-store/cap", test_store_cap);
  g_test_add_func ("/session/view-store/corrupt", test_store_corrupt);
  g_test_add_func ("/session/view-store/session", test_store_session);
  g_test_add_func ("/session/view/small-sync", test_view_small_sync);
  g_test_add_func ("/session/view/large-async", test_view_large_async);
  g_test_add_func ("/session/view/large-superseded", test_view_large_superseded);

  status = g_test_run ();
  if (large_session != NULL)
    {
      am_session_cancel (large_session);
      g_assert_finalize_object (large_session);
    }
  return status;
}
