/* am-layout-runner.c — layout in a killable helper process, and the helper itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz 2.42.2 segfaults, aborts and hangs on some inputs, cannot be interrupted and
 * keeps global state (architecture.md §5.12), so the application never runs it in its own
 * process: it sends the request to `actormap-layout-helper --layout-helper` on stdin,
 * with memory and CPU limits and a timeout, and trusts nothing of what comes back.  The
 * window, the command line and the Graphviz import all run that one executable, which
 * links no GTK.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "am-dot-import.h"
#include "am-layout-job-private.h"
#include "am-layout-private.h"
#include "am-program.h"

#if defined(__SANITIZE_ADDRESS__)
# define AM_HAVE_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define AM_HAVE_ASAN 1
# endif
#endif

/* ASan reserves terabytes of address space: an RLIMIT_AS would kill every helper. */
#define HELPER_ADDRESS_SPACE  (G_GUINT64_CONSTANT (3) << 30)
#define HELPER_CPU_SLACK      2
#define MAX_TIMEOUT_SECONDS   3600
/* A scene for the node/edge caps is a few tens of MiB; anything past this is broken. */
#define MAX_SCENE_BYTES       (256 * 1024 * 1024)
#define MAX_REQUEST_BYTES     (128 * 1024 * 1024)
/* Keep this much of the helper's stderr; the rest is drained and dropped. */
#define MAX_STDERR_BYTES      (64 * 1024)
#define READ_CHUNK            (64 * 1024)

/**
 * am_layout_run_in_process:
 * @request: what to lay out
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Runs Graphviz in this process.  Only for trusted, small inputs (tests) and for the
 * helper; the application uses am_layout_job_run_async().
 *
 * Returns: (transfer full) (nullable): the scene
 */
AmScene *
am_layout_run_in_process (AmLayoutRequest  *request,
                          GError          **error)
{
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _am_graphviz_layout (request, error);
}

/* ------------------------------------------------------------------------------------ */
/* The parent side                                                                      */

typedef struct
{
  GSubprocess  *process;
  char         *import_name;      /* the file's display name when importing, else NULL */
  guint         timeout_seconds;
  GSource      *timeout_source;
  GSource      *cancel_source;
  GByteArray   *out;
  GByteArray   *err;
  guint         pending;          /* stdin, stdout, stderr, wait */
  gboolean      timed_out;
  gboolean      cancelled;
  gboolean      out_overflow;
  GError       *read_error;
} Run;

static void
run_free (Run *run)
{
  if (run->timeout_source != NULL)
    {
      g_source_destroy (run->timeout_source);
      g_source_unref (run->timeout_source);
    }
  if (run->cancel_source != NULL)
    {
      g_source_destroy (run->cancel_source);
      g_source_unref (run->cancel_source);
    }
  g_clear_object (&run->process);
  g_clear_pointer (&run->import_name, g_free);
  g_clear_pointer (&run->out, g_byte_array_unref);
  g_clear_pointer (&run->err, g_byte_array_unref);
  g_clear_error (&run->read_error);
  g_free (run);
}

/* Runs in the child between fork and exec: only async-signal-safe calls. */
static void
child_setup (gpointer user_data)
{
  guint timeout = GPOINTER_TO_UINT (user_data);
  struct rlimit cpu = { timeout + HELPER_CPU_SLACK, timeout + HELPER_CPU_SLACK + 1 };
  struct rlimit core = { 0, 0 };

  /* If the app dies (even by SIGKILL), its helper must not keep burning CPU until
   * RLIMIT_CPU: the kernel kills it with its parent.  The signal follows the *thread*
   * that spawned it, so callers spawn from the main thread (the layout job and the CLI do). */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  setrlimit (RLIMIT_CPU, &cpu);
  /* A Graphviz crash should not leave a core file in the user's directory. */
  setrlimit (RLIMIT_CORE, &core);
#ifndef AM_HAVE_ASAN
  {
    struct rlimit as = { HELPER_ADDRESS_SPACE, HELPER_ADDRESS_SPACE };
    setrlimit (RLIMIT_AS, &as);
  }
#endif
}

static char *
stderr_text (Run *run)
{
  g_autofree char *valid = NULL;

  if (run->err->len == 0)
    return g_strdup ("");

  valid = g_utf8_make_valid ((const char *) run->err->data, run->err->len);

  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) > AM_LAYOUT_MAX_MESSAGE)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, AM_LAYOUT_MAX_MESSAGE);
      return g_strdup_printf ("%s…", head);
    }

  return g_steal_pointer (&valid);
}

/* The same outcomes as a layout, in words about reading a file, each naming it. */
static void
import_complete (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GSubprocess *process = run->process;
  const char *name = run->import_name;

  if (run->cancelled)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               "Opening was cancelled");
      return;
    }

  if (run->timed_out ||
      (g_subprocess_get_if_signaled (process) &&
       g_subprocess_get_term_sig (process) == SIGXCPU))
    {
      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TIMEOUT,
                               "%s: reading the Graphviz file took longer than %u s",
                               name, run->timeout_seconds);
      return;
    }

  if (g_subprocess_get_if_signaled (process))
    {
      int sig = g_subprocess_get_term_sig (process);

      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_CRASHED,
                               "%s: Graphviz crashed while reading the file (signal %d: %s)",
                               name, sig, g_strsignal (sig));
      return;
    }

  if (run->out_overflow)
    {
      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                               "%s: invalid answer from the Graphviz reader: more than %u MiB",
                               name, MAX_SCENE_BYTES / (1024 * 1024));
      return;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *text = stderr_text (run);
      int status = g_subprocess_get_if_exited (process)
                     ? g_subprocess_get_exit_status (process) : -1;

      if (*text == '\0')
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                                 "%s: reading the Graphviz file failed: the helper exited "
                                 "with status %d", name, status);
      else
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                                 "%s: reading the Graphviz file failed: %s", name, text);
      return;
    }

  if (run->read_error != NULL)
    {
      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                               "%s: reading the Graphviz reader's answer failed: %s",
                               name, run->read_error->message);
      return;
    }

  if (run->err->len > 0)
    {
      g_autofree char *text = stderr_text (run);
      g_debug ("Graphviz reader: %s", text);
    }

  /* Decoded on a worker thread by the caller (_am_dot_import_run_async()). */
  g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&run->out)),
                         (GDestroyNotify) g_bytes_unref);
}

static void
run_complete (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GSubprocess *process = run->process;

  if (run->cancelled)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               "Layout was cancelled");
      return;
    }

  if (run->timed_out ||
      (g_subprocess_get_if_signaled (process) &&
       g_subprocess_get_term_sig (process) == SIGXCPU))
    {
      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TIMEOUT,
                               "layout took longer than %u s", run->timeout_seconds);
      return;
    }

  if (g_subprocess_get_if_signaled (process))
    {
      int sig = g_subprocess_get_term_sig (process);

      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_CRASHED,
                               "layout failed: the layout engine crashed (signal %d: %s)",
                               sig, g_strsignal (sig));
      return;
    }

  if (run->out_overflow)
    {
      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                               "invalid scene: the layout helper wrote more than %u MiB",
                               MAX_SCENE_BYTES / (1024 * 1024));
      return;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *text = stderr_text (run);
      int status = g_subprocess_get_if_exited (process)
                     ? g_subprocess_get_exit_status (process) : -1;

      if (*text == '\0')
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                                 "layout failed: the layout helper exited with status %d",
                                 status);
      else if (g_str_has_prefix (text, "layout failed"))
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED, "%s", text);
      else
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                                 "layout failed: %s", text);
      return;
    }

  if (run->read_error != NULL)
    {
      g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                               "invalid scene: reading the layout helper's answer failed: %s",
                               run->read_error->message);
      return;
    }

  if (run->err->len > 0)
    {
      g_autofree char *text = stderr_text (run);
      g_debug ("layout helper: %s", text);
    }

  /* Read (deserialised, validated, indexed) on a worker thread by the job. */
  g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&run->out)),
                         (GDestroyNotify) g_bytes_unref);
}

static void
run_step_done (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  g_assert (run->pending > 0);
  if (--run->pending > 0)
    return;

  if (run->timeout_source != NULL)
    g_source_destroy (run->timeout_source);
  if (run->cancel_source != NULL)
    g_source_destroy (run->cancel_source);

  if (run->import_name != NULL)
    import_complete (task);
  else
    run_complete (task);
}

static void
kill_helper (Run *run)
{
  /* SIGKILL: the helper may be stuck inside Graphviz and cannot clean up anyway. */
  g_subprocess_force_exit (run->process);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);

  g_debug ("layout helper timed out after %u s; killing it", run->timeout_seconds);
  run->timed_out = TRUE;
  kill_helper (run);

  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);

  run->cancelled = TRUE;
  kill_helper (run);

  return G_SOURCE_REMOVE;
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* The status is read from the process in run_complete(); an error here can only be
   * a cancellation, which is not passed to the wait. */
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  run_step_done (task);
}

static void
stdin_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* A helper that dies before reading everything gives EPIPE here; its exit status
   * says what happened, so this is only worth a debug line. */
  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    g_debug ("writing the layout request failed: %s", error->message);

  run_step_done (task);
}

typedef struct
{
  GTask        *task;
  GInputStream *stream;
  gboolean      is_stdout;
} Reader;

static void read_next (Reader *reader);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reader *reader = user_data;
  Run *run = g_task_get_task_data (reader->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (reader->stream, result, &error);
  gsize size;

  if (chunk == NULL || g_bytes_get_size (chunk) == 0)
    {
      if (chunk == NULL && reader->is_stdout && run->read_error == NULL)
        run->read_error = g_steal_pointer (&error);

      run_step_done (reader->task);
      g_object_unref (reader->task);
      g_object_unref (reader->stream);
      g_free (reader);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (reader->is_stdout)
    {
      if (run->out->len + size > MAX_SCENE_BYTES)
        {
          if (!run->out_overflow)
            {
              run->out_overflow = TRUE;
              kill_helper (run);
            }
        }
      else
        g_byte_array_append (run->out, g_bytes_get_data (chunk, NULL), size);
    }
  else if (run->err->len < MAX_STDERR_BYTES)
    g_byte_array_append (run->err, g_bytes_get_data (chunk, NULL),
                         MIN (size, MAX_STDERR_BYTES - run->err->len));

  read_next (reader);
}

static void
read_next (Reader *reader)
{
  /* No cancellable: the pipes reach EOF once the helper is dead, which is what a
   * cancellation or a timeout makes sure of. */
  g_input_stream_read_bytes_async (reader->stream, READ_CHUNK, G_PRIORITY_DEFAULT, NULL,
                                   read_cb, reader);
}

static void
start_reader (GTask        *task,
              GInputStream *stream,
              gboolean      is_stdout)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->task = g_object_ref (task);
  reader->stream = g_object_ref (stream);
  reader->is_stdout = is_stdout;
  read_next (reader);
}

static void
ignore_sigpipe (void)
{
  static gsize done = 0;

  /* Writing to a helper that already died would raise SIGPIPE and take the application
   * down with it; a failed write is handled as an error instead. */
  if (g_once_init_enter (&done))
    {
      struct sigaction old;

      if (sigaction (SIGPIPE, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
        signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&done, 1);
    }
}

/* Spawns `@helper_path --layout-helper` (am_layout_helper_find_path() when NULL) with
 * the limits of architecture.md §5.12.  Its stdin, stdout and stderr are pipes. */
static GSubprocess *
spawn_helper (const char  *helper_path,
              guint        timeout_seconds,
              GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *found_path = NULL;
  const char *argv[3];

  if (helper_path == NULL)
    {
      found_path = am_layout_helper_find_path ();
      if (found_path == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "actormap-layout-helper is neither next to this program nor in %s",
                       AM_LIBEXECDIR);
          return NULL;
        }
      helper_path = found_path;
    }

  ignore_sigpipe ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Nobody gets to point Graphviz at another plugin config (CVE-2023-46045). */
  g_subprocess_launcher_unsetenv (launcher, "GVBINDIR");
  g_subprocess_launcher_set_child_setup (launcher, child_setup,
                                         GUINT_TO_POINTER (timeout_seconds), NULL);
#ifdef AM_HAVE_ASAN
  {
    /* ASan would catch a Graphviz crash and exit 1 with its report; let the signal
     * through so sanitizer builds see the same outcomes as release builds.  Graphviz
     * keeps process-lifetime allocations that LSan would report at the helper's exit
     * (robustness.md §5); our own layout code is leak-checked in-process by
     * test-layout, so the helper runs without leak detection. */
    const char *options = g_getenv ("ASAN_OPTIONS");
    g_autofree char *helper_options =
      g_strconcat (options != NULL ? options : "", options != NULL ? ":" : "",
                   "handle_segv=0:handle_sigbus=0:handle_abort=0:handle_sigfpe=0:detect_leaks=0",
                   NULL);

    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", helper_options, TRUE);
  }
#endif

  argv[0] = helper_path;
  argv[1] = "--layout-helper";
  argv[2] = NULL;

  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

static guint
clamp_timeout (guint timeout_seconds)
{
  if (timeout_seconds == 0)
    timeout_seconds = AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS;

  return MIN (timeout_seconds, MAX_TIMEOUT_SECONDS);
}

/* Starts the helper on @input, or hands @input to @spawned, a helper started earlier
 * with the same timeout (taken over).  The task (already made, with its source tag)
 * completes through run_complete() or import_complete(), as @import_name says.  The
 * timeout counts from here: a spawned helper only waits for its request until then. */
static void
helper_start (GTask        *task,
              GBytes       *input,
              const char   *import_name,
              const char   *helper_path,
              GSubprocess  *spawned,
              guint         timeout_seconds,
              GCancellable *cancellable)
{
  g_autoptr(GSubprocess) process = spawned;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) source = NULL;
  Run *run;

  /* The checks on the answer belong to us, not to a cancellation race. */
  g_task_set_check_cancellable (task, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      if (process != NULL)
        g_subprocess_force_exit (process);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               import_name != NULL ? "Opening was cancelled"
                                                   : "Layout was cancelled");
      return;
    }

  timeout_seconds = clamp_timeout (timeout_seconds);

  if (process == NULL)
    process = spawn_helper (helper_path, timeout_seconds, &error);
  if (process == NULL)
    {
      if (import_name != NULL)
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                                 "%s: reading the Graphviz file failed: cannot start the "
                                 "helper: %s", import_name, error->message);
      else
        g_task_return_new_error (task, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                                 "layout failed: cannot start the layout helper: %s",
                                 error->message);
      return;
    }

  run = g_new0 (Run, 1);
  run->import_name = g_strdup (import_name);
  run->timeout_seconds = timeout_seconds;
  run->out = g_byte_array_new ();
  run->err = g_byte_array_new ();
  run->process = g_steal_pointer (&process);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  run->pending = 4;

  source = g_memory_input_stream_new_from_bytes (input);
  g_output_stream_splice_async (g_subprocess_get_stdin_pipe (run->process), source,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, stdin_cb, g_object_ref (task));
  start_reader (task, g_subprocess_get_stdout_pipe (run->process), TRUE);
  start_reader (task, g_subprocess_get_stderr_pipe (run->process), FALSE);
  g_subprocess_wait_async (run->process, NULL, wait_cb, g_object_ref (task));

  run->timeout_source = g_timeout_source_new_seconds (timeout_seconds);
  g_source_set_callback (run->timeout_source, timeout_cb, task, NULL);
  g_source_attach (run->timeout_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      /* A source, not a signal handler: cancel() may be called from another thread,
       * and the flag must be set where the rest of the run lives. */
      run->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (run->cancel_source, G_SOURCE_FUNC (cancelled_cb), task, NULL);
      g_source_attach (run->cancel_source, g_task_get_context (task));
    }
}

/**
 * _am_layout_exchange_async:
 * @input: the request to send (a layout request or a DOT import request)
 * @import_name: (nullable): the file's display name for a DOT import, else %NULL
 * @helper_path: (nullable) (type filename): the executable to run with `--layout-helper`,
 *   or %NULL for am_layout_helper_find_path()
 * @spawned: (transfer full) (nullable): a helper started earlier with @timeout_seconds,
 *   used instead of starting one
 * @timeout_seconds: kill the helper after this long; 0 means the default
 * @cancellable: (nullable): cancelling kills the helper
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * One exchange with the helper: sends @input, waits for the helper to exit and checks
 * how it ended.  The answer is returned as it came, undecoded: decoding it is O(n) and
 * belongs on a worker thread.  Call from the main thread (the helper dies with the thread
 * that spawned it).
 */
void
_am_layout_exchange_async (GBytes              *input,
                           const char          *import_name,
                           const char          *helper_path,
                           GSubprocess         *spawned,
                           guint                timeout_seconds,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (input != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _am_layout_exchange_async);
  helper_start (task, input, import_name, helper_path, spawned, timeout_seconds, cancellable);
}

/**
 * _am_layout_exchange_finish:
 * @result: the result given to the callback
 * @error: return location for an %AM_LAYOUT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the helper's answer, not yet checked
 */
GBytes *
_am_layout_exchange_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _am_layout_exchange_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * am_layout_run_async:
 * @request: what to lay out
 * @helper_path: (nullable) (type filename): the executable to run with `--layout-helper`,
 *   or %NULL for am_layout_helper_find_path()
 * @timeout_seconds: kill the helper after this long; 0 means the default
 * @cancellable: (nullable): cancelling kills the helper
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * A layout job (am_layout_job_run_async()) for a request that is already built: the
 * request is serialised and the answer read on worker threads.
 *
 * Outcomes: a scene; %AM_LAYOUT_ERROR_CRASHED if the helper died from a signal,
 * %AM_LAYOUT_ERROR_TIMEOUT, %AM_LAYOUT_ERROR_FAILED with Graphviz's message,
 * %AM_LAYOUT_ERROR_INVALID_SCENE if the answer does not validate, or
 * %G_IO_ERROR_CANCELLED.
 */
void
am_layout_run_async (AmLayoutRequest     *request,
                     const char          *helper_path,
                     guint                timeout_seconds,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (request != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _am_layout_job_start_for_request (request, helper_path, NULL, timeout_seconds,
                                    cancellable, am_layout_run_async, callback, user_data);
}

/**
 * am_layout_run_finish:
 * @result: the result given to the callback
 * @error: return location for an %AM_LAYOUT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the validated scene
 */
AmScene *
am_layout_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_layout_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sync_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * am_layout_run_sync:
 * @request: what to lay out
 * @helper_path: (nullable) (type filename): as for am_layout_run_async()
 * @timeout_seconds: as for am_layout_run_async()
 * @cancellable: (nullable): cancelling kills the helper
 * @error: return location for an error
 *
 * Blocks, running a main context of its own (the CLI has no main loop).
 *
 * Returns: (transfer full) (nullable): the scene
 */
AmScene *
am_layout_run_sync (AmLayoutRequest  *request,
                    const char       *helper_path,
                    guint             timeout_seconds,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_main_context_push_thread_default (context);
  am_layout_run_async (request, helper_path, timeout_seconds, cancellable, sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return am_layout_run_finish (result, error);
}

/* ------------------------------------------------------------------------------------ */
/* A helper started ahead of its request                                                */

struct _AmLayoutHelper
{
  GSubprocess *process;          /* NULL once handed to a run */
  guint        timeout_seconds;
};

/**
 * am_layout_helper_find_path:
 *
 * The one helper executable, `actormap-layout-helper`, which links no GTK: the window,
 * the command line and the Graphviz import all run it.  Looked for in this order:
 *
 * - `$AM_LAYOUT_HELPER`, when set and not empty, taken as it is (a wrong path then
 *   fails to start, it is not silently replaced).  The meson test environment sets it
 *   (tests/meson.build), because test programs live in `build/tests/…`, not next to it;
 * - `layout/actormap-layout-helper` next to the running binary: `build/src/actormap` in
 *   the build tree;
 * - libexecdir (`AM_LIBEXECDIR`, baked in at build time) once installed.
 *
 * Returns: (transfer full) (nullable) (type filename): its path, or %NULL when there is
 *   none
 */
char *
am_layout_helper_find_path (void)
{
  return am_program_find ("AM_LAYOUT_HELPER", "layout/actormap-layout-helper", AM_LIBEXECDIR,
                          "actormap-layout-helper");
}

/**
 * am_layout_helper_spawn:
 * @helper_path: (nullable) (type filename): as for am_layout_run_async()
 * @timeout_seconds: as for am_layout_run_async(); the CPU limit is set now, the
 *   timeout starts when the request is sent
 * @error: return location for an %AM_LAYOUT_ERROR_FAILED
 *
 * Starts a helper before its request is ready, so that its start-up (loading its
 * libraries, Graphviz's plugins and the fonts) runs on another core while the caller
 * loads the document and measures its text.  Call from the main thread (the helper dies
 * with the thread that spawned it).  The helper waits on its stdin without using CPU.
 *
 * Returns: (transfer full): the helper, for am_layout_helper_run_sync()
 */
AmLayoutHelper *
am_layout_helper_spawn (const char  *helper_path,
                        guint        timeout_seconds,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  AmLayoutHelper *helper;
  GSubprocess *process;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  timeout_seconds = clamp_timeout (timeout_seconds);
  process = spawn_helper (helper_path, timeout_seconds, &local_error);
  if (process == NULL)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                   "layout failed: cannot start the layout helper: %s",
                   local_error->message);
      return NULL;
    }

  helper = g_new0 (AmLayoutHelper, 1);
  helper->process = process;
  helper->timeout_seconds = timeout_seconds;

  return helper;
}

/**
 * am_layout_helper_free:
 * @helper: (transfer full): a helper from am_layout_helper_spawn()
 *
 * Kills the helper if no request was sent to it.
 */
void
am_layout_helper_free (AmLayoutHelper *helper)
{
  if (helper == NULL)
    return;

  if (helper->process != NULL)
    {
      g_subprocess_force_exit (helper->process);
      /* Reap it now rather than leave a zombie for the rest of the process. */
      g_subprocess_wait (helper->process, NULL, NULL);
      g_object_unref (helper->process);
    }
  g_free (helper);
}

static void
helper_run_async (AmLayoutHelper      *helper,
                  AmLayoutRequest     *request,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  /* Its result is read by am_layout_run_finish(). */
  _am_layout_job_start_for_request (request, NULL, g_steal_pointer (&helper->process),
                                    helper->timeout_seconds, cancellable,
                                    am_layout_run_async, callback, user_data);
}

/**
 * am_layout_helper_run_sync:
 * @helper: a helper from am_layout_helper_spawn(), not used before
 * @request: what to lay out
 * @cancellable: (nullable): cancelling kills the helper
 * @error: return location for an error
 *
 * Like am_layout_run_sync(), with the helper already started: the same limits, the
 * same timeout (counted from now) and the same checks on the answer.
 *
 * Returns: (transfer full) (nullable): the scene
 */
AmScene *
am_layout_helper_run_sync (AmLayoutHelper   *helper,
                           AmLayoutRequest  *request,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (helper != NULL, NULL);
  g_return_val_if_fail (helper->process != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  helper_run_async (helper, request, cancellable, sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return am_layout_run_finish (result, error);
}

typedef struct
{
  GBytes *answer;
  char   *display_name;
} Import;

static void
import_free (Import *import)
{
  g_clear_pointer (&import->answer, g_bytes_unref);
  g_free (import->display_name);
  g_free (import);
}

/* Worker thread: the answer is checked and turned into a document here, not on the
 * caller's thread (it is O(n) in the graph). */
static void
import_decode_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Import *import = task_data;
  GError *error = NULL;
  AmDocument *document;

  document = _am_dot_import_decode (import->answer, import->display_name, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
import_exchange_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Import *import = g_task_get_task_data (task);
  GError *error = NULL;

  import->answer = _am_layout_exchange_finish (result, &error);
  if (import->answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, import_decode_thread);
}

/**
 * _am_dot_import_run_async:
 * @dot: the DOT text, as read from the file
 * @display_name: the file's name, for every message
 * @helper_path: (nullable) (type filename): as for am_layout_run_async()
 * @timeout_seconds: kill the helper after this long; 0 means the default
 * @cancellable: (nullable): cancelling kills the helper
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Parses @dot in the helper process (the same limits and timeout as a layout) and
 * decodes its answer into a document on a worker thread.
 */
void
_am_dot_import_run_async (GBytes              *dot,
                          const char          *display_name,
                          const char          *helper_path,
                          guint                timeout_seconds,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Import *import;

  g_return_if_fail (dot != NULL);
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _am_dot_import_run_async);
  import = g_new0 (Import, 1);
  import->display_name = g_strdup (display_name);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);

  bytes = _am_dot_import_request_new (dot);
  _am_layout_exchange_async (bytes, display_name, helper_path, NULL, timeout_seconds,
                             cancellable, import_exchange_cb, g_steal_pointer (&task));
}

/**
 * _am_dot_import_run_finish:
 * @result: the result given to the callback
 * @error: return location for an %AM_LAYOUT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the document
 */
AmDocument *
_am_dot_import_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _am_dot_import_run_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------------------ */
/* The helper side                                                                      */

static GBytes *
read_all_stdin (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buf[READ_CHUNK];

  for (;;)
    {
      gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > MAX_REQUEST_BYTES)
        {
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                       "layout failed: the layout request is larger than %u MiB",
                       MAX_REQUEST_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, buf, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static int
helper_fail (GError *error)
{
  if (g_str_has_prefix (error->message, "layout failed"))
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("layout failed: %s\n", error->message);
  g_error_free (error);
  _am_graphviz_shutdown ();

  return 1;
}

/**
 * am_layout_helper_main:
 *
 * Reads a serialised request on stdin, lays it out and writes the serialised scene on
 * stdout.  A DOT import request (am-dot-import.h) is parsed instead, and answered with
 * the graph's description or the parse error.  Anything Graphviz might print to stdout goes to stderr instead, so only the
 * scene reaches the parent.
 *
 * Returns: the exit status: 0, or 1 with the message on stderr
 */
int
am_layout_helper_main (void)
{
  g_autoptr(GBytes) input = NULL;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GOutputStream) out = NULL;
  GError *error = NULL;
  int out_fd;
  gsize written = 0;

  /* Keep the real stdout for the scene; fd 1 becomes stderr for everyone else. */
  out_fd = dup (STDOUT_FILENO);
  if (out_fd < 0 || dup2 (STDERR_FILENO, STDOUT_FILENO) < 0)
    {
      g_printerr ("layout failed: cannot set up the output: %s\n", g_strerror (errno));
      return 1;
    }
  out = g_unix_output_stream_new (out_fd, TRUE);

  /* A helper is often started before its request is ready (am_layout_helper_spawn()):
   * spend the wait on Graphviz's own start-up. */
  _am_graphviz_warm_up ();

  input = read_all_stdin (&error);
  if (input == NULL)
    return helper_fail (error);

  if (_am_dot_import_request_parse (input, &dot, &error))
    {
      g_autoptr(GVariant) graph = NULL;

      /* Parse errors are answers, not failures: they travel in the answer, with their
       * code, and the helper exits 0. */
      if (dot != NULL)
        graph = _am_graphviz_import (dot, &error);
      if (graph != NULL)
        output = _am_dot_import_answer_graph (graph);
      else
        {
          output = _am_dot_import_answer_error ((AmLayoutError) error->code, error->message);
          g_clear_error (&error);
        }
    }
  else
    {
      gint64 started, laid_out;

      request = am_layout_request_deserialize (input, &error);
      if (request == NULL)
        return helper_fail (error);

      started = g_get_monotonic_time ();
      scene = am_layout_run_in_process (request, &error);
      if (scene == NULL)
        return helper_fail (error);

      laid_out = g_get_monotonic_time ();
      output = am_scene_serialize (scene);
      g_debug ("laid out in %.0f ms, scene written in %.0f ms (%" G_GSIZE_FORMAT " bytes)",
               (laid_out - started) / 1000.0, (g_get_monotonic_time () - laid_out) / 1000.0,
               g_bytes_get_size (output));
    }

  if (!g_output_stream_write_all (out, g_bytes_get_data (output, NULL),
                                  g_bytes_get_size (output), &written, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    return helper_fail (error);

  _am_graphviz_shutdown ();

  return 0;
}
