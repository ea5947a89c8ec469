/* am-session-recovery.c — recovery files: where they live, what they hold, whose they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "am-session-recovery.h"

char *
_am_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "actormap", "recovery", NULL);
}

char *
_am_recovery_new_path (void)
{
  static gint counter;
  g_autofree char *dir = _am_recovery_dir ();
  g_autofree char *name = NULL;

  /* The process id tells, after a crash, whose file it is: a file whose process is gone
   * was left by a session that did not end. */
  name = g_strdup_printf ("%ld-%d.json", (long) getpid (), g_atomic_int_add (&counter, 1) + 1);
  return g_build_filename (dir, name, NULL);
}

GBytes *
_am_recovery_payload (AmDocument *document,
                      GFile      *file)
{
  g_autoptr(GBytes) model = am_document_to_json (document, AM_JSON_INCLUDE_SUGGESTED);
  g_autoptr(JsonNode) uri_node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  g_autofree char *uri_json = NULL;
  GString *text;
  gsize size;
  const char *data = g_bytes_get_data (model, &size);

  if (uri != NULL)
    json_node_set_string (uri_node, uri);
  else
    json_node_init_null (uri_node);
  uri_json = json_to_string (uri_node, FALSE);

  /* The model is written as the writer wrote it, inside a small envelope. */
  text = g_string_sized_new (size + 64);
  g_string_append_printf (text, "{\n\"file\": %s,\n\"model\": ", uri_json);
  g_string_append_len (text, data, size);
  g_string_append (text, "\n}\n");

  return g_string_free_to_bytes (text);
}

gboolean
_am_recovery_write (const char  *path,
                    GBytes      *payload,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gsize size;
  const void *data = g_bytes_get_data (payload, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the recovery copy could not be written; the placeholders
                      are a folder and the system's reason */
                   _("Could not create “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  return am_file_write_atomic (path, data, size, error);
}

static gboolean
invalid_recovery (GError    **error,
                  const char *display_name)
{
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT,
               /* Translators: %s is a file name */
               _("%s: not a recovery file"), display_name);
  return FALSE;
}

AmDocument *
_am_recovery_read (GFile       *recovery_file,
                   GFile      **edited_file,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) model_bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *model_text = NULL;
  JsonObject *object;
  JsonNode *root, *model, *file;
  gsize size;
  const char *data;

  /* The same checks as any model (regular file, size cap), then the envelope. */
  bytes = am_document_read_file (recovery_file, NULL, &display_name, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, NULL))
    return (invalid_recovery (error, display_name), NULL);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return (invalid_recovery (error, display_name), NULL);
  object = json_node_get_object (root);
  model = json_object_get_member (object, "model");
  file = json_object_get_member (object, "file");
  if (model == NULL || !JSON_NODE_HOLDS_OBJECT (model)
      || (file != NULL && !JSON_NODE_HOLDS_NULL (file)
          && (!JSON_NODE_HOLDS_VALUE (file) || json_node_get_value_type (file) != G_TYPE_STRING)))
    return (invalid_recovery (error, display_name), NULL);

  model_text = json_to_string (model, FALSE);
  size = strlen (model_text);
  model_bytes = g_bytes_new_take (g_steal_pointer (&model_text), size);

  if (edited_file != NULL)
    *edited_file = file != NULL && JSON_NODE_HOLDS_VALUE (file)
                   ? g_file_new_for_uri (json_node_get_string (file)) : NULL;

  return am_document_load_from_bytes (model_bytes, display_name, error);
}

gboolean
_am_recovery_owner_alive (const char *basename)
{
  char *end = NULL;
  gint64 pid;

  pid = g_ascii_strtoll (basename, &end, 10);
  if (end == basename || *end != '-' || pid <= 0 || pid > G_MAXINT)
    return TRUE;

  if (pid == (gint64) getpid ())
    return TRUE;

  /* Signal 0 only asks whether the process exists; EPERM means it does (another user's). */
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GFileInfo *info_a = g_object_get_data (G_OBJECT (a), "am-recovery-info");
  GFileInfo *info_b = g_object_get_data (G_OBJECT (b), "am-recovery-info");
  guint64 time_a = g_file_info_get_attribute_uint64 (info_a, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint64 time_b = g_file_info_get_attribute_uint64 (info_b, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  if (time_a != time_b)
    return time_a > time_b ? -1 : 1;
  return g_strcmp0 (g_file_info_get_name (info_a), g_file_info_get_name (info_b));
}

GList *
_am_recovery_list (void)
{
  g_autofree char *path = _am_recovery_dir ();
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GList *files = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot list recovery files: %s", error->message);
      return NULL;
    }

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      /* Only regular files named by a process that is gone: a running session's file
       * (this process's or another window's elsewhere) is its own. */
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_suffix (name, ".json")
          || _am_recovery_owner_alive (name))
        {
          g_object_unref (info);
          continue;
        }

      GFile *file = g_file_get_child (dir, name);
      g_object_set_data_full (G_OBJECT (file), "am-recovery-info", info, g_object_unref);
      files = g_list_prepend (files, file);
    }

  files = g_list_sort (files, compare_newest_first);
  for (GList *l = files; l != NULL; l = l->next)
    g_object_set_data (l->data, "am-recovery-info", NULL);

  return files;
}
