/* am-open.c — one way to open a file, whatever its format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is checked and read on a worker thread (never blocking the caller on a FIFO
 * or a slow disk).  A JSON model is parsed there too; a Graphviz file goes to the
 * helper process, because cgraph's parser must never run inside the application.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-dot-import.h"
#include "am-open.h"

/* Parsing is quick (a 33,000-node file takes a quarter of a second); the cap is for a
 * parser that hangs. */
#define IMPORT_TIMEOUT_SECONDS AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS

/**
 * am_open_guess_format:
 * @name: (nullable) (type filename): the file's name or path
 * @contents: (nullable): its bytes, or the first of them
 *
 * Returns: %AM_FILE_FORMAT_DOT for names ending in .gv or .dot (any case) and for
 *   contents that start like DOT, else %AM_FILE_FORMAT_MODEL
 */
AmFileFormat
am_open_guess_format (const char          *name,
                      GBytes              *contents,
                      AmInterchangeFormat *network)
{
  AmInterchangeFormat found;

  /* GraphML, GEXF and CSV are recognised by content first: a GraphML file named .json
   * is read as GraphML, not reported as a JSON syntax error. */
  if (contents != NULL && am_interchange_sniff (name, contents, &found))
    {
      if (network != NULL)
        *network = found;
      return AM_FILE_FORMAT_NETWORK;
    }

  if (name != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".gv") || g_str_has_suffix (lower, ".dot"))
        return AM_FILE_FORMAT_DOT;
    }

  if (contents != NULL)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (contents, &length);

      if (_am_dot_sniff (data, length))
        return AM_FILE_FORMAT_DOT;
    }

  return AM_FILE_FORMAT_MODEL;
}

typedef struct
{
  GFile      *file;
  char       *helper_path;
  char       *display_name;
  GBytes     *dot;          /* set by the read when the file is DOT */
} Open;

static void
open_free (Open *op)
{
  g_clear_object (&op->file);
  g_clear_pointer (&op->helper_path, g_free);
  g_clear_pointer (&op->display_name, g_free);
  g_clear_pointer (&op->dot, g_bytes_unref);
  g_free (op);
}

static gboolean
only_space (const guint8 *data,
            gsize         length)
{
  gsize i = 0;

  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  for (; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* What the application checks itself before a Graphviz file goes to the helper. */
static gboolean
check_dot (GBytes      *bytes,
           const char  *display_name,
           GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  const guint8 *nul;

  if (only_space (data, length))
    {
      /* Translators: an error opening a file; the placeholders are, in order: display_name */
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY, _("%s: empty file"),
                   display_name);
      return FALSE;
    }
  if (length > AM_DOT_MAX_BYTES)
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, %zu its size and %d the largest
                    * Graphviz file read, both in bytes */
                   _("%s: file too large (%zu bytes; the limit for Graphviz files is %d)"),
                   display_name, length, AM_DOT_MAX_BYTES);
      return FALSE;
    }
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_PARSE,
                   /* Translators: %s is a file name, %zu a byte offset in it */
                   _("%s: a NUL byte at offset %zu: not a Graphviz text file"),
                   display_name, (gsize) (nul - data));
      return FALSE;
    }

  return TRUE;
}

/* Worker thread: check and read; a model is loaded here, DOT is kept for the helper. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Open *op = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  AmDocument *document;
  AmInterchangeFormat network = AM_INTERCHANGE_GRAPHML;

  bytes = am_document_read_file (op->file, cancellable, &op->display_name, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  path = g_file_get_basename (op->file);
  switch (am_open_guess_format (path, bytes, &network))
    {
    case AM_FILE_FORMAT_NETWORK:
      document = am_interchange_import (network, bytes, op->display_name, op->file, &error);
      break;

    case AM_FILE_FORMAT_DOT:
      if (!check_dot (bytes, op->display_name, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      op->dot = g_steal_pointer (&bytes);
      g_task_return_pointer (task, NULL, NULL);
      return;

    case AM_FILE_FORMAT_MODEL:
    default:
      document = am_document_load_from_bytes (bytes, op->display_name, &error);
      break;
    }
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AmDocument *document;

  document = _am_dot_import_run_finish (result, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Open *op = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;
  AmDocument *document;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (document != NULL)
    {
      g_task_return_pointer (task, document, g_object_unref);
      return;
    }

  g_assert (op->dot != NULL);
  cancellable = g_task_get_cancellable (task);
  _am_dot_import_run_async (op->dot, op->display_name, op->helper_path,
                            IMPORT_TIMEOUT_SECONDS, cancellable,
                            import_cb, g_steal_pointer (&task));
}

/**
 * am_open_document_async:
 * @file: the file to open
 * @helper_path: (nullable) (type filename): the executable to run with `--layout-helper`
 *   for Graphviz files, or %NULL for am_layout_helper_find_path()
 * @cancellable: (nullable): a #GCancellable; cancelling kills the helper
 * @callback: called on the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Loads a JSON model or a Graphviz file (see am-open.h for the errors).
 */
void
am_open_document_async (GFile               *file,
                        const char          *helper_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;
  Open *op;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = g_new0 (Open, 1);
  op->file = g_object_ref (file);
  op->helper_path = g_strdup (helper_path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_open_document_async);
  g_task_set_task_data (task, op, (GDestroyNotify) open_free);

  /* The read shares the outer task's data; it returns on this thread's context. */
  read_task = g_task_new (NULL, cancellable, read_cb, g_object_ref (task));
  g_task_set_task_data (read_task, op, NULL);
  g_task_set_return_on_cancel (read_task, FALSE);
  g_task_run_in_thread (read_task, read_thread);
}

/**
 * am_open_document_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document
 */
AmDocument *
am_open_document_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_open_document_async,
                        NULL);

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
 * am_open_document_sync:
 * @file: the file to open
 * @helper_path: (nullable) (type filename): as for am_open_document_async()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Blocks, running a main context of its own (the command line has no main loop).
 *
 * Returns: (transfer full) (nullable): the document
 */
AmDocument *
am_open_document_sync (GFile         *file,
                       const char    *helper_path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_main_context_push_thread_default (context);
  am_open_document_async (file, helper_path, cancellable, sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return am_open_document_finish (result, error);
}
