/* am-file-write.c — the one atomic write of the program (model files and exports)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "am-file-write.h"

/* GLib's messages name the temporary file ("…/map.json.8ZK1Q2"), which means nothing to
 * the user; its reason comes last, after the last ": ". */
static const char *
error_reason (const GError *error)
{
  const char *colon = g_strrstr (error->message, ": ");

  return colon != NULL && colon[2] != '\0' ? colon + 2 : error->message;
}

gboolean
am_file_write_atomic (const char  *path,
                      const void  *data,
                      gsize        size,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *resolved = NULL;
  const char *target = path;
  GStatBuf st;
  int mode = 0644;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A link is followed: the file it points to is replaced and the link stays. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      resolved = realpath (path, NULL);
      if (resolved != NULL)
        target = resolved;
    }

  /* Renaming over a device would swap /dev/full for a file (as root); over a directory
   * or FIFO it would fail late or lose it. */
  if (g_stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR,
                               S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY
                                                    : G_IO_ERROR_NOT_REGULAR_FILE,
                               /* Translators: why a file could not be written, after its name */
                               _("not a regular file"));
          return FALSE;
        }
      mode = st.st_mode & 0777;
    }

  if (!g_file_set_contents_full (target, data != NULL ? data : "", size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR,
                           local_error->domain == G_FILE_ERROR
                             ? g_io_error_from_file_error (local_error->code)
                             : G_IO_ERROR_FAILED,
                           error_reason (local_error));
      return FALSE;
    }

  return TRUE;
}
