/* test-runner.c — layout through the helper process, and every way it can go wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "am-layout.h"
#include "layout-test-util.h"
#include "test-result.h"

/* The network without its groups: the comparisons with the in-process result then do
 * not depend on cluster handling, which test-helper-clusters covers for dot. */
static AmDocument *
load_flat_fixture (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  g_autoptr(GPtrArray) flat = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AmDocument *result;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) e = g_list_model_get_item (entities, i);
      g_ptr_array_add (flat, g_object_new (AM_TYPE_ENTITY, "id", am_entity_get_id (e),
                                           "name", am_entity_get_name (e),
                                           "kind", am_entity_get_kind (e), NULL));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    g_ptr_array_add (rels, g_list_model_get_item (relations, i));

  result = am_document_new_from_objects ("flat", flat, rels, &error);
  g_assert_no_error (error);
  return result;
}

static void
set_mode (const char *mode)
{
  if (mode != NULL)
    g_setenv ("AM_TEST_HELPER_MODE", mode, TRUE);
  else
    g_unsetenv ("AM_TEST_HELPER_MODE");
}

static void
assert_same_items (AmScene *a,
                   AmScene *b)
{
  g_assert_cmpuint (am_scene_get_n_nodes (a), ==, am_scene_get_n_nodes (b));
  g_assert_cmpuint (am_scene_get_n_edges (a), ==, am_scene_get_n_edges (b));
  for (guint i = 0; i < am_scene_get_n_nodes (a); i++)
    g_assert_cmpstr (am_scene_get_node (a, i)->id, ==, am_scene_get_node (b, i)->id);
  for (guint i = 0; i < am_scene_get_n_edges (a); i++)
    {
      g_assert_cmpstr (am_scene_get_edge (a, i)->id, ==, am_scene_get_edge (b, i)->id);
      g_assert_cmpstr (am_scene_get_edge (a, i)->label, ==, am_scene_get_edge (b, i)->label);
    }
}

/* ------------------------------------------------------------------------------------ */

static void
test_helper_matches_in_process (gconstpointer data)
{
  AmLayoutEngine engine = GPOINTER_TO_UINT (data);
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = load_flat_fixture ();
  g_autoptr(AmLayoutRequest) request = lt_make_request (document, engine);
  g_autoptr(AmScene) isolated = NULL;
  g_autoptr(AmScene) in_process = NULL;
  g_autoptr(GError) error = NULL;

  set_mode (NULL);
  isolated = am_layout_run_sync (request, helper, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (isolated);

  in_process = am_layout_run_in_process (request, &error);
  g_assert_no_error (error);

  /* fdp is not reproducible on Graphviz 2.42 (see test-layout): only the items must
   * agree for it, the places may not. */
  if (engine == AM_LAYOUT_ENGINE_FDP)
    assert_same_items (isolated, in_process);
  else
    lt_assert_scenes_match (isolated, in_process, LT_MATCH_CLOSE);
  g_assert_cmpuint (am_scene_get_n_nodes (isolated), ==,
                    g_list_model_get_n_items (am_document_get_entities (document)));
}

/* Clusters and the caption survive the trip through the pipe. */
static void
test_helper_clusters (void)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = lt_make_request (document, AM_LAYOUT_ENGINE_DOT);
  g_autoptr(AmScene) isolated = NULL;
  g_autoptr(AmScene) in_process = NULL;
  g_autoptr(GError) error = NULL;

  set_mode (NULL);
  isolated = am_layout_run_sync (request, helper, 30, NULL, &error);
  g_assert_no_error (error);
  in_process = am_layout_run_in_process (request, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (am_scene_get_n_clusters (isolated), ==, 2);
  lt_assert_scenes_match (isolated, in_process, LT_MATCH_CLOSE);
}

/* Runs the fixture through the test helper in @mode (a NULL scene is expected) and
 * returns the error it gave. */
static GError *
run_failing_helper (const char *mode,
                    guint       timeout_seconds)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = lt_make_request (document, AM_LAYOUT_ENGINE_NEATO);
  g_autoptr(AmScene) scene = NULL;
  GError *error = NULL;

  set_mode (mode);
  scene = am_layout_run_sync (request, helper, timeout_seconds, NULL, &error);
  set_mode (NULL);

  g_assert_null (scene);
  g_assert_nonnull (error);
  return error;
}

static void
test_helper_crash (void)
{
  g_autoptr(GError) error = run_failing_helper ("crash", 30);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_CRASHED);
  g_assert_nonnull (strstr (error->message, "layout failed"));
  g_assert_nonnull (strstr (error->message, "signal 11"));
  g_assert_nonnull (strstr (error->message, g_strsignal (SIGSEGV)));
}

static void
test_helper_timeout (void)
{
  g_autoptr(GError) error = run_failing_helper ("hang", 1);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, "layout took longer than 1 s");
}

static void
test_helper_garbage (void)
{
  g_autoptr(GError) error = run_failing_helper ("garbage", 30);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
}

static void
test_helper_fail (void)
{
  g_autoptr(GError) error = run_failing_helper ("fail", 30);
  g_autoptr(GError) no_message = NULL;

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "layout failed: Graphviz said no (test)");

  /* Another status, and no message: still FAILED, saying so. */
  no_message = run_failing_helper ("exit7", 30);
  g_assert_error (no_message, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
  g_assert_nonnull (strstr (no_message->message, "status 7"));
}

static void
test_helper_missing (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = lt_make_request (document, AM_LAYOUT_ENGINE_NEATO);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;

  scene = am_layout_run_sync (request, "/nonexistent/actormap-helper", 30, NULL, &error);
  g_assert_null (scene);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot start the layout helper"));
}

typedef struct
{
  GAsyncResult *result;
  GCancellable *cancellable;
  const char   *pidfile;
  int           pid;
} CancelData;

static void
test_helper_cancel (void)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = lt_make_request (document, AM_LAYOUT_ENGINE_NEATO);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("am-runner-XXXXXX", NULL);
  g_autofree char *pidfile = g_build_filename (dir, "pid", NULL);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  CancelData data = { NULL, cancellable, pidfile, 0 };

  g_assert_nonnull (dir);
  set_mode ("hang");
  g_setenv ("AM_TEST_HELPER_PIDFILE", pidfile, TRUE);

  /* A timeout far longer than the test: only the cancellation can end this. */
  am_layout_run_async (request, helper, 600, cancellable, test_result_store_cb, &data.result);

  /* Wait until the helper is really running, then cancel. */
  data.pid = lt_wait_for_helper_pid (pidfile, &data.result);
  g_assert_null (data.result);
  g_assert_cmpint (data.pid, >, 0);
  g_assert_cmpint (kill (data.pid, 0), ==, 0);

  g_cancellable_cancel (cancellable);
  test_result_wait (&data.result);

  set_mode (NULL);
  g_unsetenv ("AM_TEST_HELPER_PIDFILE");

  scene = am_layout_run_finish (data.result, &error);
  g_clear_object (&data.result);
  g_assert_null (scene);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The helper is gone (and reaped): signalling it fails. */
  errno = 0;
  g_assert_cmpint (kill (data.pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);

  g_unlink (pidfile);
  g_rmdir (dir);
}

static void
test_helper_already_cancelled (void)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = lt_make_request (document, AM_LAYOUT_ENGINE_NEATO);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  scene = am_layout_run_sync (request, helper, 30, cancellable, &error);
  g_assert_null (scene);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < AM_N_LAYOUT_ENGINES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/Runner/helper-matches-in-process/%s",
                                               am_layout_engine_to_string (i));
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_helper_matches_in_process);
    }
  g_test_add_func ("/Actormap/Runner/helper-clusters", test_helper_clusters);
  g_test_add_func ("/Actormap/Runner/crash", test_helper_crash);
  g_test_add_func ("/Actormap/Runner/timeout", test_helper_timeout);
  g_test_add_func ("/Actormap/Runner/garbage", test_helper_garbage);
  g_test_add_func ("/Actormap/Runner/fail", test_helper_fail);
  g_test_add_func ("/Actormap/Runner/missing-helper", test_helper_missing);
  g_test_add_func ("/Actormap/Runner/cancel", test_helper_cancel);
  g_test_add_func ("/Actormap/Runner/already-cancelled", test_helper_already_cancelled);

  return g_test_run ();
}
