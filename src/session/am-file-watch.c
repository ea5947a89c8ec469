/* am-file-watch.c — telling the session when its file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-file-watch.h"

/*
 * Why bytes and not the etag: an atomic save (ours, and most editors') is a rename of a
 * new file over the old one, and touching a file changes its mtime without changing
 * what it says.  Comparing what is in the file with what the session knows is there
 * tells a real change from both, and from the echo of the session's own save.
 */
struct _AmFileWatch
{
  GFile          *file;
  GFileMonitor   *monitor;
  AmFileWatchFunc func;
  gpointer        user_data;

  char           *known;        /* SHA-256 of the bytes known to be there, or NULL */
  gboolean        known_set;    /* FALSE until the first read (NULL is a real answer) */
  GCancellable   *cancellable;  /* the read in flight, or NULL */
  guint           debounce_source;
  guint           holds;
  gboolean        pending;      /* something to look at once released */
  gboolean        baseline;     /* the read in flight only sets what is known */
};

char *
_am_file_watch_checksum_path (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
checksum_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *contents = NULL;
  gsize length;

  /* A file that cannot be read (deleted, replaced by a directory) has no checksum; it
   * differs from any known content, and the reload says why it does not load. */
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, NULL))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_return_pointer (task,
                         g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) contents, length),
                         g_free);
}

static void start_read (AmFileWatch *self,
                        gboolean     baseline);

static void
checksum_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AmFileWatch *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  gboolean baseline;

  checksum = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: the watch is gone (self is freed) or a newer read replaced this one. */
  if (g_task_had_error (G_TASK (result)))
    return;

  g_clear_object (&self->cancellable);
  baseline = self->baseline;
  self->baseline = FALSE;

  if (self->holds > 0)
    {
      self->pending = TRUE;
      return;
    }

  if (baseline || !self->known_set)
    {
      g_free (self->known);
      self->known = g_steal_pointer (&checksum);
      self->known_set = TRUE;
      return;
    }

  if (g_strcmp0 (checksum, self->known) == 0)
    return;

  g_free (self->known);
  self->known = g_steal_pointer (&checksum);
  self->func (self->user_data);
}

static void
start_read (AmFileWatch *self,
            gboolean     baseline)
{
  g_autoptr(GTask) task = NULL;

  if (self->cancellable != NULL)
    {
      /* A baseline read that is replaced still makes the next one a baseline. */
      baseline = baseline || self->baseline;
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  self->baseline = baseline;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, checksum_done_cb, self);
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, checksum_thread);
}

static void
debounce_cb (gpointer user_data)
{
  AmFileWatch *self = user_data;

  self->debounce_source = 0;
  if (self->holds > 0)
    {
      self->pending = TRUE;
      return;
    }
  start_read (self, FALSE);
}

static void
changed_cb (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other_file,
            GFileMonitorEvent  event,
            gpointer           user_data)
{
  AmFileWatch *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;

    default:
      break;
    }

  /* An editor's save is a burst of events: look once it is over. */
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add_once (AM_FILE_WATCH_DEBOUNCE_MS, debounce_cb, self);
}

AmFileWatch *
_am_file_watch_new (GFile           *file,
                    AmFileWatchFunc  func,
                    gpointer         user_data)
{
  AmFileWatch *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (AmFileWatch, 1);
  self->file = g_object_ref (file);
  self->func = func;
  self->user_data = user_data;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("Not watching %s: %s", g_file_peek_path (file), error->message);
  else
    g_signal_connect (self->monitor, "changed", G_CALLBACK (changed_cb), self);

  start_read (self, TRUE);

  return self;
}

void
_am_file_watch_free (AmFileWatch *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->file);
  g_free (self->known);
  g_free (self);
}

GFile *
_am_file_watch_get_file (AmFileWatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

void
_am_file_watch_hold (AmFileWatch *self)
{
  g_return_if_fail (self != NULL);

  self->holds++;
}

void
_am_file_watch_release (AmFileWatch *self,
                        const char  *checksum)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->holds > 0);

  self->holds--;
  if (checksum != NULL)
    {
      g_free (self->known);
      self->known = g_strdup (checksum);
      self->known_set = TRUE;
    }

  if (self->holds == 0 && self->pending)
    {
      self->pending = FALSE;
      start_read (self, FALSE);
    }
}
