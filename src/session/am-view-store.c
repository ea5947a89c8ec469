/* am-view-store.c — the last view of each file, remembered between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "am-file-write.h"
#include "am-view-store.h"

#define KEY_VIEW         "view"
#define KEY_GROUP_ACTORS "group-actors"
#define KEY_VIEWPORT     "viewport"
#define KEY_USED         "used"

/* Windows of one process save from worker threads: the read-modify-write of the store
 * must not interleave, or one window's entry would be lost. */
static GMutex store_lock;

void
am_view_store_entry_clear (AmViewStoreEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_clear_pointer (&entry->view, am_view_free);
  *entry = (AmViewStoreEntry) { 0, };
}

char *
am_view_store_get_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "actormap", "views.ini", NULL);
}

/* The store as it is on disk; an empty one when there is none or it does not parse (the
 * next save replaces it). */
static GKeyFile *
read_store (const char *path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring the remembered views in %s: %s", path, error->message);
      g_key_file_unref (keyfile);
      keyfile = g_key_file_new ();
    }

  return g_steal_pointer (&keyfile);
}

static gboolean
parse_viewport (const char *text,
                double     *x,
                double     *y,
                double     *zoom)
{
  g_auto(GStrv) parts = NULL;
  double values[3];

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, ";", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;

      values[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (values[i]))
        return FALSE;
    }
  if (values[2] <= 0)
    return FALSE;

  *x = values[0];
  *y = values[1];
  *zoom = values[2];
  return TRUE;
}

/**
 * am_view_store_load:
 * @file: a document's file
 * @entry: (out caller-allocates): what is remembered for it
 *
 * Returns: %TRUE when @file has a remembered view; its view (never %NULL then), its
 *   group-actors flag and its viewport if one was saved
 */
gboolean
am_view_store_load (GFile            *file,
                    AmViewStoreEntry *entry)
{
  g_autofree char *path = am_view_store_get_path ();
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *viewport = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmView) view = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  *entry = (AmViewStoreEntry) { 0, };
  uri = g_file_get_uri (file);

  g_mutex_lock (&store_lock);
  keyfile = read_store (path);
  g_mutex_unlock (&store_lock);

  if (!g_key_file_has_group (keyfile, uri))
    return FALSE;

  text = g_key_file_get_string (keyfile, uri, KEY_VIEW, NULL);
  view = text != NULL ? am_view_from_string (text, &error) : am_view_new ();
  if (view == NULL)
    {
      g_warning ("Ignoring the remembered view of %s: %s", uri, error->message);
      return FALSE;
    }

  entry->view = g_steal_pointer (&view);
  entry->group_actors = g_key_file_get_boolean (keyfile, uri, KEY_GROUP_ACTORS, NULL);
  viewport = g_key_file_get_string (keyfile, uri, KEY_VIEWPORT, NULL);
  entry->has_viewport = parse_viewport (viewport, &entry->x, &entry->y, &entry->zoom);
  return TRUE;
}

typedef struct
{
  char   *group;
  gint64  used;
} Use;

static int
compare_use (gconstpointer a,
             gconstpointer b)
{
  const Use *ua = a;
  const Use *ub = b;

  /* Newest first; the URI breaks ties so the order is stable. */
  if (ua->used != ub->used)
    return ua->used > ub->used ? -1 : 1;
  return strcmp (ua->group, ub->group);
}

/* Drops the least recently saved files beyond the cap. */
static void
trim (GKeyFile *keyfile)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  guint n = g_strv_length (groups);
  g_autoptr(GArray) uses = NULL;

  if (n <= AM_VIEW_STORE_MAX_FILES)
    return;

  uses = g_array_sized_new (FALSE, FALSE, sizeof (Use), n);
  for (guint i = 0; i < n; i++)
    {
      Use use = { groups[i], g_key_file_get_int64 (keyfile, groups[i], KEY_USED, NULL) };

      g_array_append_val (uses, use);
    }
  g_array_sort (uses, compare_use);

  for (guint i = AM_VIEW_STORE_MAX_FILES; i < uses->len; i++)
    g_key_file_remove_group (keyfile, g_array_index (uses, Use, i).group, NULL);
}

/**
 * am_view_store_save:
 * @file: a document's file
 * @entry: what to remember (its view %NULL: the whole map)
 * @error: return location for a %G_IO_ERROR
 *
 * Remembers @entry for @file and writes the store atomically, keeping the
 * %AM_VIEW_STORE_MAX_FILES most recently saved files.  Blocking.
 *
 * Returns: %TRUE when the store was written
 */
gboolean
am_view_store_save (GFile                   *file,
                    const AmViewStoreEntry  *entry,
                    GError                 **error)
{
  g_autofree char *path = am_view_store_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uri = g_file_get_uri (file);
  if (entry->view != NULL)
    text = am_view_to_string (entry->view);
  else
    {
      g_autoptr(AmView) whole = am_view_new ();

      text = am_view_to_string (whole);
    }

  locker = g_mutex_locker_new (&store_lock);
  keyfile = read_store (path);

  /* A group of its own, rewritten whole: keys of older versions do not linger. */
  g_key_file_remove_group (keyfile, uri, NULL);
  g_key_file_set_string (keyfile, uri, KEY_VIEW, text);
  g_key_file_set_boolean (keyfile, uri, KEY_GROUP_ACTORS, entry->group_actors);
  if (entry->has_viewport)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], z[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *viewport = g_strdup_printf ("%s;%s;%s",
                                                   g_ascii_dtostr (x, sizeof x, entry->x),
                                                   g_ascii_dtostr (y, sizeof y, entry->y),
                                                   g_ascii_dtostr (z, sizeof z, entry->zoom));

      g_key_file_set_string (keyfile, uri, KEY_VIEWPORT, viewport);
    }
  g_key_file_set_int64 (keyfile, uri, KEY_USED, g_get_real_time ());
  trim (keyfile);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (keyfile, &length, NULL);
  if (!am_file_write_atomic (path, data, length, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  return TRUE;
}
