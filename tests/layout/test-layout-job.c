/* test-layout-job.c — the layout job: where each stage runs, its phases, and every way
 * it can end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display.  Jobs that should succeed run the real helper, found as the application
 * finds it (helper path NULL: $AM_LAYOUT_HELPER, set by tests/meson.build); jobs that
 * should fail run the test helper (am-test-layout-helper) in one of its failing modes.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "am-layout-job-private.h"
#include "layout-test-util.h"

#define N_PHASES 3

/* What the worker hook saw; it runs on worker threads, hence the lock. */
typedef struct
{
  GMutex        lock;
  GThread      *threads[N_PHASES];   /* the thread each worker stage ran on */
  GCancellable *cancel;              /* cancelled when the stage below starts */
  AmLayoutPhase cancel_at;
} WorkerSeen;

static WorkerSeen worker_seen;

static void
worker_hook (AmLayoutPhase phase,
             gpointer      data)
{
  WorkerSeen *seen = data;

  g_mutex_lock (&seen->lock);
  seen->threads[phase] = g_thread_self ();
  if (seen->cancel != NULL && seen->cancel_at == phase)
    g_cancellable_cancel (seen->cancel);
  g_mutex_unlock (&seen->lock);
}

static void
worker_seen_reset (GCancellable  *cancel,
                   AmLayoutPhase  cancel_at)
{
  g_mutex_lock (&worker_seen.lock);
  memset (worker_seen.threads, 0, sizeof worker_seen.threads);
  worker_seen.cancel = cancel;
  worker_seen.cancel_at = cancel_at;
  g_mutex_unlock (&worker_seen.lock);
}

static GThread *
worker_thread_of (AmLayoutPhase phase)
{
  GThread *thread;

  g_mutex_lock (&worker_seen.lock);
  thread = worker_seen.threads[phase];
  g_mutex_unlock (&worker_seen.lock);

  return thread;
}

typedef struct
{
  GThread      *caller;              /* the test's thread */
  GArray       *phases;              /* AmLayoutPhase, as reported */
  guint         destroyed;           /* phase_destroy calls */
  gboolean      destroyed_before_callback;
  GAsyncResult *result;
} JobRun;

static void
phase_cb (AmLayoutPhase phase,
          gpointer      user_data)
{
  JobRun *run = user_data;

  /* On the caller's thread, before the callback and before phase_destroy. */
  g_assert_true (g_thread_self () == run->caller);
  g_assert_null (run->result);
  g_assert_cmpuint (run->destroyed, ==, 0);
  g_array_append_val (run->phases, phase);
}

static void
phase_destroy (gpointer user_data)
{
  JobRun *run = user_data;

  g_assert_true (g_thread_self () == run->caller);
  run->destroyed++;
  run->destroyed_before_callback = run->result == NULL;
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobRun *run = user_data;

  g_assert_true (g_thread_self () == run->caller);
  g_assert_null (run->result);
  run->result = g_object_ref (result);
}

static void
job_run_init (JobRun *run)
{
  run->caller = g_thread_self ();
  run->phases = g_array_new (FALSE, FALSE, sizeof (AmLayoutPhase));
  run->destroyed = 0;
  run->destroyed_before_callback = FALSE;
  run->result = NULL;
}

static void
job_run_clear (JobRun *run)
{
  g_clear_pointer (&run->phases, g_array_unref);
  g_clear_object (&run->result);
}

static void
job_start (JobRun         *run,
           AmDocument     *document,
           AmLayoutEngine  engine,
           const char     *helper_path,
           guint           timeout_seconds,
           GCancellable   *cancellable)
{
  job_run_init (run);
  am_layout_job_run_async (document, engine, helper_path, timeout_seconds, cancellable,
                           phase_cb, run, phase_destroy, job_done_cb, run);
}

static AmScene *
job_wait (JobRun  *run,
          GError **error)
{
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The phase data went once, on this thread, just before the callback. */
  g_assert_cmpuint (run->destroyed, ==, 1);
  g_assert_true (run->destroyed_before_callback);

  return am_layout_job_run_finish (run->result, error);
}

static void
assert_phases (JobRun *run,
               guint   n_phases)
{
  g_assert_cmpuint (run->phases->len, ==, n_phases);
  for (guint i = 0; i < n_phases; i++)
    g_assert_cmpint (g_array_index (run->phases, AmLayoutPhase, i), ==, (AmLayoutPhase) i);
}

/* No child process of this test is left, running or unreaped: no helper was started,
 * or the one started was killed and reaped.  WNOWAIT leaves GLib's own reaping alone. */
static void
assert_no_child_process (void)
{
  siginfo_t info;

  errno = 0;
  g_assert_cmpint (waitid (P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT), ==, -1);
  g_assert_cmpint (errno, ==, ECHILD);
}

static void
set_mode (const char *mode)
{
  if (mode != NULL)
    g_setenv ("AM_TEST_HELPER_MODE", mode, TRUE);
  else
    g_unsetenv ("AM_TEST_HELPER_MODE");
}

static AmDocument *
load_article (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AM_SOURCE_ROOT"), "data",
                                            "north-korea-ignores-us-dialogue-offer.json",
                                            NULL);

  return test_documents_load_path (path);
}

/* @n_nodes actors on a ring, each also linked to one far across it. */
static AmDocument *
make_large_document (guint n_nodes)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *name = g_strdup_printf ("Actor number %u", i);

      g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", id, "name", name,
                                               "kind", AM_ENTITY_KIND_PERSON, NULL));
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *ring = g_strdup_printf ("r%u", i);
      g_autofree char *chord = g_strdup_printf ("c%u", i);
      g_autofree char *source = g_strdup_printf ("a%u", i);
      g_autofree char *next = g_strdup_printf ("a%u", (i + 1) % n_nodes);
      g_autofree char *far = g_strdup_printf ("a%u", (i * 7 + 3) % n_nodes);

      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", ring,
                                                "source", source, "target", next,
                                                "label", "knows", "directed", TRUE, NULL));
      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", chord,
                                                "source", source, "target", far,
                                                "directed", FALSE, NULL));
    }

  document = am_document_new_from_objects ("Large", entities, relations, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* ------------------------------------------------------------------------------------ */

/* A scene with every entity and relation, phases in order on this thread, and both O(n)
 * stages on worker threads. */
static void
assert_job_lays_out (AmDocument     *document,
                     AmLayoutEngine  engine)
{
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  JobRun run;

  worker_seen_reset (NULL, 0);
  job_start (&run, document, engine, NULL, 120, NULL);
  /* Nothing happens inside the call. */
  g_assert_cmpuint (run.phases->len, ==, 0);
  g_assert_null (run.result);

  scene = job_wait (&run, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);

  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==,
                    g_list_model_get_n_items (am_document_get_entities (document)));
  g_assert_cmpuint (am_scene_get_n_edges (scene), ==,
                    g_list_model_get_n_items (am_document_get_relations (document)));
  g_assert_cmpstr (am_scene_get_engine (scene), ==, am_layout_engine_to_string (engine));
  /* Indexed: every node and edge is found by its id. */
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    g_assert_cmpint (am_scene_find_node (scene, am_scene_get_node (scene, i)->id), ==, i);
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    g_assert_cmpint (am_scene_find_edge (scene, am_scene_get_edge (scene, i)->id), ==, i);

  assert_phases (&run, N_PHASES);
  g_assert_nonnull (worker_thread_of (AM_LAYOUT_PHASE_PREPARING));
  g_assert_nonnull (worker_thread_of (AM_LAYOUT_PHASE_READING));
  g_assert_true (worker_thread_of (AM_LAYOUT_PHASE_PREPARING) != run.caller);
  g_assert_true (worker_thread_of (AM_LAYOUT_PHASE_READING) != run.caller);
  g_assert_null (worker_thread_of (AM_LAYOUT_PHASE_LAYING_OUT));

  job_run_clear (&run);
  assert_no_child_process ();
}

static void
test_job_article (void)
{
  g_autoptr(AmDocument) document = load_article ();

  assert_job_lays_out (document, am_layout_engine_for_document (document));
}

/* An AddressSanitizer build runs the helper instrumented too, and sfdp on 2 000 nodes
 * then takes minutes on a 2-core machine: a quarter of the map takes the same paths. */
#if defined(__SANITIZE_ADDRESS__)
# define LARGE_N_NODES 500
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define LARGE_N_NODES 500
# endif
#endif
#ifndef LARGE_N_NODES
# define LARGE_N_NODES 2000
#endif

static void
test_job_large (void)
{
  g_autoptr(AmDocument) document = make_large_document (LARGE_N_NODES);

  assert_job_lays_out (document, AM_LAYOUT_ENGINE_SFDP);
}

/* Runs the fixture through the test helper in @mode; returns the error, which is set. */
static GError *
run_failing_job (const char    *mode,
                 guint          timeout_seconds,
                 GCancellable  *cancellable,
                 guint          n_phases)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmScene) scene = NULL;
  GError *error = NULL;
  JobRun run;

  set_mode (mode);
  job_start (&run, document, AM_LAYOUT_ENGINE_NEATO, helper, timeout_seconds, cancellable);
  scene = job_wait (&run, &error);
  set_mode (NULL);

  g_assert_null (scene);
  g_assert_nonnull (error);
  assert_phases (&run, n_phases);
  job_run_clear (&run);
  assert_no_child_process ();

  return error;
}

static void
test_job_cancel_before_start (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) already = NULL;
  g_autoptr(GError) right_after = NULL;
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmScene) scene = NULL;
  JobRun run;

  /* Cancelled before the call: no phase, no helper. */
  g_cancellable_cancel (cancellable);
  already = run_failing_job ("hang", 600, cancellable, 0);
  g_assert_error (already, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Cancelled right after the call, before the job got to run. */
  g_cancellable_reset (cancellable);
  set_mode ("hang");
  job_start (&run, document, AM_LAYOUT_ENGINE_NEATO, helper, 600, cancellable);
  g_cancellable_cancel (cancellable);
  scene = job_wait (&run, &right_after);
  set_mode (NULL);
  g_assert_null (scene);
  g_assert_error (right_after, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_phases (&run, 0);
  job_run_clear (&run);
  assert_no_child_process ();
}

/* Cancelled while the worker measures text: the job ends at once, and no helper ever
 * starts, even once the worker is done. */
static void
test_job_cancel_preparing (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  worker_seen_reset (cancellable, AM_LAYOUT_PHASE_PREPARING);
  error = run_failing_job ("hang", 600, cancellable, 1);
  worker_seen_reset (NULL, 0);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Cancelled while the helper runs: it is killed and reaped, and the job says so. */
static void
test_job_cancel_laying_out (void)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("am-job-XXXXXX", NULL);
  g_autofree char *pidfile = g_build_filename (dir, "pid", NULL);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  JobRun run;
  int pid;

  g_assert_nonnull (dir);
  set_mode ("hang");
  g_setenv ("AM_TEST_HELPER_PIDFILE", pidfile, TRUE);

  /* A timeout far longer than the test: only the cancellation can end this. */
  job_start (&run, document, AM_LAYOUT_ENGINE_NEATO, helper, 600, cancellable);

  pid = lt_wait_for_helper_pid (pidfile, &run.result);
  g_assert_null (run.result);
  assert_phases (&run, 2);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (kill (pid, 0), ==, 0);

  g_cancellable_cancel (cancellable);
  scene = job_wait (&run, &error);
  set_mode (NULL);
  g_unsetenv ("AM_TEST_HELPER_PIDFILE");

  g_assert_null (scene);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_phases (&run, 2);
  job_run_clear (&run);

  /* The helper is gone and reaped. */
  errno = 0;
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
  assert_no_child_process ();

  g_unlink (pidfile);
  g_rmdir (dir);
}

/* Cancelled while the worker reads a good answer: still no scene. */
static void
test_job_cancel_reading (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  worker_seen_reset (cancellable, AM_LAYOUT_PHASE_READING);
  error = run_failing_job (NULL, 60, cancellable, N_PHASES);
  worker_seen_reset (NULL, 0);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Cancelled from the phase callback itself, as a caller that changes its mind when told
 * the layout starts would. */
static void
cancel_in_phase_cb (AmLayoutPhase phase,
                    gpointer      user_data)
{
  if (phase == AM_LAYOUT_PHASE_LAYING_OUT)
    g_cancellable_cancel (user_data);
}

static void
test_job_cancel_in_phase (void)
{
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  JobRun run;

  job_run_init (&run);
  set_mode ("hang");
  am_layout_job_run_async (document, AM_LAYOUT_ENGINE_NEATO, helper, 600, cancellable,
                           cancel_in_phase_cb, g_object_ref (cancellable), g_object_unref,
                           job_done_cb, &run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  set_mode (NULL);

  scene = am_layout_job_run_finish (run.result, &error);
  g_assert_null (scene);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  job_run_clear (&run);
  assert_no_child_process ();
}

static void
test_job_timeout (void)
{
  g_autoptr(GError) error = run_failing_job ("hang", 1, NULL, 2);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, "layout took longer than 1 s");
}

static void
test_job_crash (void)
{
  g_autoptr(GError) error = run_failing_job ("crash", 30, NULL, 2);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_CRASHED);
  g_assert_nonnull (strstr (error->message, "signal 11"));
}

static void
test_job_garbage (void)
{
  /* The answer is read, and refused, on the worker. */
  g_autoptr(GError) error = run_failing_job ("garbage", 30, NULL, N_PHASES);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
}

static void
test_job_fail (void)
{
  g_autoptr(GError) error = run_failing_job ("fail", 30, NULL, 2);

  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "layout failed: Graphviz said no (test)");
}

/* A request the worker refuses never reaches a helper. */
static void
test_job_bad_engine (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  JobRun run;

  job_start (&run, document, (AmLayoutEngine) 99, NULL, 30, NULL);
  scene = job_wait (&run, &error);
  g_assert_null (scene);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_UNKNOWN_ENGINE);
  assert_phases (&run, 1);
  job_run_clear (&run);
  assert_no_child_process ();
}

static void
test_job_missing_helper (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  JobRun run;

  job_start (&run, document, AM_LAYOUT_ENGINE_NEATO, "/nonexistent/actormap-layout-helper",
             30, NULL);
  scene = job_wait (&run, &error);
  g_assert_null (scene);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot start the layout helper"));
  assert_phases (&run, 2);
  job_run_clear (&run);
}

/* The one helper is found through $AM_LAYOUT_HELPER first, as it is given. */
static void
test_helper_find_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("AM_LAYOUT_HELPER"));
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;

  g_assert_nonnull (saved);
  found = am_layout_helper_find_path ();
  g_assert_cmpstr (found, ==, saved);
  g_assert_true (g_str_has_suffix (found, G_DIR_SEPARATOR_S "actormap-layout-helper"));
  g_assert_true (g_file_test (found, G_FILE_TEST_IS_EXECUTABLE));

  g_setenv ("AM_LAYOUT_HELPER", "/elsewhere/helper", TRUE);
  other = am_layout_helper_find_path ();
  g_setenv ("AM_LAYOUT_HELPER", saved, TRUE);
  g_assert_cmpstr (other, ==, "/elsewhere/helper");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_mutex_init (&worker_seen.lock);
  _am_layout_job_set_worker_hook (worker_hook, &worker_seen);

  g_test_add_func ("/Actormap/LayoutJob/helper-find-path", test_helper_find_path);
  g_test_add_func ("/Actormap/LayoutJob/article", test_job_article);
  g_test_add_func ("/Actormap/LayoutJob/large", test_job_large);
  g_test_add_func ("/Actormap/LayoutJob/cancel-before-start", test_job_cancel_before_start);
  g_test_add_func ("/Actormap/LayoutJob/cancel-preparing", test_job_cancel_preparing);
  g_test_add_func ("/Actormap/LayoutJob/cancel-laying-out", test_job_cancel_laying_out);
  g_test_add_func ("/Actormap/LayoutJob/cancel-reading", test_job_cancel_reading);
  g_test_add_func ("/Actormap/LayoutJob/cancel-in-phase", test_job_cancel_in_phase);
  g_test_add_func ("/Actormap/LayoutJob/timeout", test_job_timeout);
  g_test_add_func ("/Actormap/LayoutJob/crash", test_job_crash);
  g_test_add_func ("/Actormap/LayoutJob/garbage", test_job_garbage);
  g_test_add_func ("/Actormap/LayoutJob/fail", test_job_fail);
  g_test_add_func ("/Actormap/LayoutJob/bad-engine", test_job_bad_engine);
  g_test_add_func ("/Actormap/LayoutJob/missing-helper", test_job_missing_helper);

  return g_test_run ();
}
