/* am-layout-job.c — a layout that never blocks the thread asking for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job has three stages, each where it belongs:
 *
 * 1. PREPARING, on a worker thread: measuring every name and label with Pango and
 *    building and serialising the request (O(n) in the document);
 * 2. LAYING_OUT, in the helper process (am-layout-runner.c), spawned and watched from the
 *    caller's main context: the helper must be spawned by the main thread, because it
 *    is killed when the thread that spawned it exits (PR_SET_PDEATHSIG);
 * 3. READING, on a worker thread: deserialising, validating and indexing the scene the
 *    helper answered (O(n) again).
 *
 * The caller's thread only starts stages, reports phases and returns the result.  Each
 * worker stage is an inner GTask with return-on-cancel, so a cancellation ends the job at
 * once, whatever the worker is doing; its late result is dropped with the inner task.
 *
 * Measuring text off the main thread is safe: am_text_metrics_get_context() gives every
 * thread its own PangoContext on its own PangoCairoFontMap (a GPrivate, freed when the
 * thread exits), so no Pango object is ever shared between threads, which is what Pango
 * asks for.  What those font maps share underneath, fontconfig's configuration and
 * cairo's FreeType font cache, is locked by fontconfig and cairo themselves.
 *
 * The document is read on the worker while the main thread may read it as well.  That is
 * safe only if its list models allow two readers at once, and GListStore does not: its
 * get_item() writes a last-position cache.  AmDocument's models are GListStores today;
 * they must become read-only models over arrays (src/core) before a widget reads them
 * during a layout.
 */
#include "config.h"

#include "am-layout-job-private.h"

typedef struct
{
  AmDocument        *document;       /* the request is built from this, or */
  AmLayoutRequest   *request;        /* this request, already built, is sent */
  AmLayoutEngine     engine;
  AmScene           *previous;       /* nodes keep their centres in it, or NULL */
  GHashTable        *groups;         /* entity id → cluster, or NULL */
  GHashTable        *group_labels;   /* cluster → label, or NULL */
  char              *helper_path;
  GSubprocess       *spawned;        /* a helper started before the job, or NULL */
  guint              timeout_seconds;
  AmLayoutPhaseFunc  phase_func;
  gpointer           phase_data;
  GDestroyNotify     phase_destroy;
} Job;

/* What a worker stage owns: it may outlive the job when the job is cancelled. */
typedef struct
{
  AmDocument      *document;
  AmLayoutRequest *request;
  AmLayoutEngine   engine;
  AmScene         *previous;
  GHashTable      *groups;
  GHashTable      *group_labels;
} Prepare;

static AmLayoutWorkerHook worker_hook;
static gpointer worker_hook_data;

/**
 * _am_layout_job_set_worker_hook:
 * @hook: (nullable): called on the worker thread at the start of the PREPARING and READING
 *   work
 * @data: for @hook
 *
 * For tests only, set while no job runs.
 */
void
_am_layout_job_set_worker_hook (AmLayoutWorkerHook hook,
                                gpointer           data)
{
  worker_hook = hook;
  worker_hook_data = data;
}

static void
call_worker_hook (AmLayoutPhase phase)
{
  if (worker_hook != NULL)
    worker_hook (phase, worker_hook_data);
}

static void
job_free (Job *job)
{
  /* Normally called before, on the caller's thread (job_return()). */
  if (job->phase_destroy != NULL)
    job->phase_destroy (job->phase_data);
  if (job->spawned != NULL)
    {
      /* The job ended before its helper got the request: kill it and reap it. */
      g_subprocess_force_exit (job->spawned);
      g_subprocess_wait (job->spawned, NULL, NULL);
      g_object_unref (job->spawned);
    }
  g_clear_object (&job->document);
  g_clear_pointer (&job->request, am_layout_request_unref);
  g_clear_pointer (&job->previous, am_scene_unref);
  g_clear_pointer (&job->groups, g_hash_table_unref);
  g_clear_pointer (&job->group_labels, g_hash_table_unref);
  g_free (job->helper_path);
  g_free (job);
}

static void
prepare_free (Prepare *prepare)
{
  g_clear_object (&prepare->document);
  g_clear_pointer (&prepare->request, am_layout_request_unref);
  g_clear_pointer (&prepare->previous, am_scene_unref);
  g_clear_pointer (&prepare->groups, g_hash_table_unref);
  g_clear_pointer (&prepare->group_labels, g_hash_table_unref);
  g_free (prepare);
}

static void
report_phase (GTask         *task,
              AmLayoutPhase  phase)
{
  Job *job = g_task_get_task_data (task);

  if (job->phase_func != NULL)
    job->phase_func (phase, job->phase_data);
}

/* Ends the job, on the caller's context: no phase is reported after this, and the phase
 * data is freed here rather than wherever the last reference to the task goes. */
static void
job_return (GTask   *task,
            AmScene *scene,
            GError  *error)
{
  Job *job = g_task_get_task_data (task);
  GDestroyNotify destroy = job->phase_destroy;
  gpointer data = job->phase_data;

  job->phase_func = NULL;
  job->phase_data = NULL;
  job->phase_destroy = NULL;
  if (destroy != NULL)
    destroy (data);

  if (scene != NULL)
    g_task_return_pointer (task, scene, (GDestroyNotify) am_scene_unref);
  else
    g_task_return_error (task, error);
}

/* Worker thread: the scene is deserialised, validated and indexed here. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *answer = task_data;
  GError *error = NULL;
  AmScene *scene;
  gint64 started;

  call_worker_hook (AM_LAYOUT_PHASE_READING);

  started = g_get_monotonic_time ();
  scene = am_scene_deserialize (answer, &error);
  g_debug ("scene read in %.0f ms (%" G_GSIZE_FORMAT " bytes)",
           (g_get_monotonic_time () - started) / 1000.0, g_bytes_get_size (answer));
  if (scene == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, scene, (GDestroyNotify) am_scene_unref);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AmScene *scene;

  scene = g_task_propagate_pointer (G_TASK (result), &error);
  job_return (task, scene, error);
}

static void
exchange_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) read = NULL;
  GError *error = NULL;
  GBytes *answer;

  /* A good answer that arrives after a cancellation is not read: the caller hears of no
   * phase once it has cancelled (on its own thread). */
  answer = _am_layout_exchange_finish (result, &error);
  if (answer != NULL && g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task),
                                                              &error))
    g_clear_pointer (&answer, g_bytes_unref);
  if (answer == NULL)
    {
      job_return (task, NULL, error);
      return;
    }

  report_phase (task, AM_LAYOUT_PHASE_READING);

  read = g_task_new (NULL, g_task_get_cancellable (task), read_cb, g_object_ref (task));
  g_task_set_source_tag (read, read_thread);
  g_task_set_task_data (read, answer, (GDestroyNotify) g_bytes_unref);
  g_task_set_return_on_cancel (read, TRUE);
  g_task_run_in_thread (read, read_thread);
}

/* Worker thread: text metrics, the request, its serialisation. */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Prepare *prepare = task_data;
  g_autoptr(AmLayoutRequest) request = NULL;
  GError *error = NULL;

  call_worker_hook (AM_LAYOUT_PHASE_PREPARING);

  if (prepare->request != NULL)
    request = am_layout_request_ref (prepare->request);
  else
    request = am_layout_request_new_grouped (prepare->document, prepare->engine,
                                             prepare->previous, prepare->groups,
                                             prepare->group_labels, &error);

  if (request == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, am_layout_request_serialize (request),
                           (GDestroyNotify) g_bytes_unref);
}

static void
prepare_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) input = NULL;
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  /* Also G_IO_ERROR_CANCELLED as soon as the job is cancelled, even while the worker
   * still measures: the inner task returns on cancel. */
  input = g_task_propagate_pointer (G_TASK (result), &error);
  if (input == NULL)
    {
      job_return (task, NULL, error);
      return;
    }

  report_phase (task, AM_LAYOUT_PHASE_LAYING_OUT);

  /* Spawned here, on the caller's (main) thread; a cancellation from now on kills it. */
  _am_layout_exchange_async (input, NULL, job->helper_path, g_steal_pointer (&job->spawned),
                             job->timeout_seconds, cancellable,
                             exchange_cb, g_steal_pointer (&task));
}

static gboolean
start_cb (gpointer user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GTask) prepare_task = NULL;
  GError *error = NULL;
  Prepare *prepare;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      job_return (task, NULL, error);
      return G_SOURCE_REMOVE;
    }

  report_phase (task, AM_LAYOUT_PHASE_PREPARING);

  prepare = g_new0 (Prepare, 1);
  prepare->document = job->document != NULL ? g_object_ref (job->document) : NULL;
  prepare->request = job->request != NULL ? am_layout_request_ref (job->request) : NULL;
  prepare->engine = job->engine;
  prepare->previous = job->previous != NULL ? am_scene_ref (job->previous) : NULL;
  prepare->groups = job->groups != NULL ? g_hash_table_ref (job->groups) : NULL;
  prepare->group_labels = job->group_labels != NULL ? g_hash_table_ref (job->group_labels) : NULL;

  prepare_task = g_task_new (NULL, cancellable, prepare_cb, g_object_ref (task));
  g_task_set_source_tag (prepare_task, prepare_thread);
  g_task_set_task_data (prepare_task, prepare, (GDestroyNotify) prepare_free);
  g_task_set_return_on_cancel (prepare_task, TRUE);
  g_task_run_in_thread (prepare_task, prepare_thread);

  return G_SOURCE_REMOVE;
}

/* The job starts from the caller's main context, never inside the call that asks for it:
 * the first phase then comes like every other one, and nothing runs re-entrantly. */
static void
job_start (GTask *task,
           Job   *job)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, start_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[actormap] layout job");
  g_source_attach (source, g_task_get_context (task));
}

/**
 * am_layout_job_run_async:
 * @document: what to lay out; it must not change while the job runs
 * @engine: the Graphviz engine
 * @helper_path: (nullable) (type filename): the helper executable, or %NULL for
 *   am_layout_helper_find_path()
 * @timeout_seconds: kill the helper after this long; 0 means the default
 * @cancellable: (nullable): cancelling ends the job at any stage and kills the helper
 * @phase_func: (nullable) (scope notified): told of each phase as it starts, in order
 *   (PREPARING, LAYING_OUT, READING), on the caller's context, never after @callback
 *   nor after the caller cancelled @cancellable from that context
 * @phase_data: for @phase_func
 * @phase_destroy: (nullable): frees @phase_data when the job ends, on the caller's
 *   context, just before @callback
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Lays @document out without doing O(n) work on the calling thread (see the top of this
 * file).  Call it from the main thread.
 *
 * Outcomes: a scene; %AM_LAYOUT_ERROR_UNKNOWN_ENGINE or %AM_LAYOUT_ERROR_TOO_LARGE for
 * the request; %AM_LAYOUT_ERROR_CRASHED if the helper died from a signal,
 * %AM_LAYOUT_ERROR_TIMEOUT, %AM_LAYOUT_ERROR_FAILED with Graphviz's message or when the
 * helper cannot start, %AM_LAYOUT_ERROR_INVALID_SCENE if the answer does not validate, or
 * %G_IO_ERROR_CANCELLED.
 */
void
am_layout_job_run_async (AmDocument          *document,
                         AmLayoutEngine       engine,
                         const char          *helper_path,
                         guint                timeout_seconds,
                         GCancellable        *cancellable,
                         AmLayoutPhaseFunc    phase_func,
                         gpointer             phase_data,
                         GDestroyNotify       phase_destroy,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  am_layout_job_run_keeping_async (document, engine, NULL, helper_path, timeout_seconds,
                                   cancellable, phase_func, phase_data, phase_destroy,
                                   callback, user_data);
}

/**
 * am_layout_job_run_keeping_async:
 * @document: what to lay out; it must not change while the job runs
 * @engine: the Graphviz engine; the scene names it even when Graphviz only routed edges
 * @previous: (nullable): the scene shown now: its nodes keep their centres
 * @helper_path: (nullable) (type filename): as for am_layout_job_run_async()
 * @timeout_seconds: as for am_layout_job_run_async()
 * @cancellable: (nullable): as for am_layout_job_run_async()
 * @phase_func: (nullable) (scope notified): as for am_layout_job_run_async()
 * @phase_data: for @phase_func
 * @phase_destroy: (nullable): as for am_layout_job_run_async()
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Like am_layout_job_run_async(), but the map stays put: nodes that are in @previous
 * keep their centres exactly and Graphviz only routes the edges (neato -n2), nodes new
 * to @document are placed near their neighbours without overlapping another node, and
 * pinned entities (am_entity_get_position()) sit where they are pinned.  With @previous
 * %NULL (or sharing no node with @document) it is a full layout in which the pinned
 * entities still keep their positions.  Finish with am_layout_job_run_finish().
 */
void
am_layout_job_run_keeping_async (AmDocument          *document,
                                 AmLayoutEngine       engine,
                                 AmScene             *previous,
                                 const char          *helper_path,
                                 guint                timeout_seconds,
                                 GCancellable        *cancellable,
                                 AmLayoutPhaseFunc    phase_func,
                                 gpointer             phase_data,
                                 GDestroyNotify       phase_destroy,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  am_layout_job_run_grouped_async (document, engine, previous, NULL, NULL, helper_path,
                                   timeout_seconds, cancellable, phase_func, phase_data,
                                   phase_destroy, callback, user_data);
}

/**
 * am_layout_job_run_grouped_async:
 * @document: what to lay out; it must not change while the job runs
 * @engine: the Graphviz engine
 * @previous: (nullable): as for am_layout_job_run_keeping_async()
 * @groups: (nullable) (element-type utf8 utf8): entity id → group id, as for
 *   am_layout_request_new_grouped(); referenced, and read on a worker: it must not change
 * @group_labels: (nullable) (element-type utf8 utf8): group id → label; the same
 * @helper_path: (nullable) (type filename): as for am_layout_job_run_async()
 * @timeout_seconds: as for am_layout_job_run_async()
 * @cancellable: (nullable): as for am_layout_job_run_async()
 * @phase_func: (nullable) (scope notified): as for am_layout_job_run_async()
 * @phase_data: for @phase_func
 * @phase_destroy: (nullable): as for am_layout_job_run_async()
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * am_layout_job_run_keeping_async() with the actors grouped into clusters ("Group
 * Actors").  Finish with am_layout_job_run_finish().
 */
void
am_layout_job_run_grouped_async (AmDocument          *document,
                                 AmLayoutEngine       engine,
                                 AmScene             *previous,
                                 GHashTable          *groups,
                                 GHashTable          *group_labels,
                                 const char          *helper_path,
                                 guint                timeout_seconds,
                                 GCancellable        *cancellable,
                                 AmLayoutPhaseFunc    phase_func,
                                 gpointer             phase_data,
                                 GDestroyNotify       phase_destroy,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (AM_IS_DOCUMENT (document));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->document = g_object_ref (document);
  job->engine = engine;
  job->previous = previous != NULL ? am_scene_ref (previous) : NULL;
  job->groups = groups != NULL ? g_hash_table_ref (groups) : NULL;
  job->group_labels = group_labels != NULL ? g_hash_table_ref (group_labels) : NULL;
  job->helper_path = g_strdup (helper_path);
  job->timeout_seconds = timeout_seconds;
  job->phase_func = phase_func;
  job->phase_data = phase_data;
  job->phase_destroy = phase_destroy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_layout_job_run_keeping_async);
  job_start (task, job);
}

/**
 * am_layout_job_run_finish:
 * @result: the result given to the callback
 * @error: return location for an %AM_LAYOUT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the validated, indexed scene
 */
AmScene *
am_layout_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        am_layout_job_run_keeping_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * _am_layout_job_start_for_request:
 * @request: the request, already built
 * @helper_path: (nullable) (type filename): as for am_layout_job_run_async()
 * @spawned: (transfer full) (nullable): a helper started earlier, used instead
 * @timeout_seconds: as for am_layout_job_run_async()
 * @cancellable: (nullable): as for am_layout_job_run_async()
 * @source_tag: the task's source tag, checked by the caller's finish function
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * The job without its text measuring: the request is serialised and the answer read on
 * worker threads.  The result is an #AmScene.
 */
void
_am_layout_job_start_for_request (AmLayoutRequest     *request,
                                  const char          *helper_path,
                                  GSubprocess         *spawned,
                                  guint                timeout_seconds,
                                  GCancellable        *cancellable,
                                  gpointer             source_tag,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (request != NULL);

  job = g_new0 (Job, 1);
  job->request = am_layout_request_ref (request);
  job->engine = am_layout_request_get_engine (request);
  job->helper_path = g_strdup (helper_path);
  job->spawned = spawned;
  job->timeout_seconds = timeout_seconds;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  job_start (task, job);
}
