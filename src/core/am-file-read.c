/* am-file-read.c — reading a model or graph file: checked first, capped, never blocking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only regular files are read, and never more than AM_DOCUMENT_MAX_FILE_SIZE bytes; a
 * FIFO or a device is refused before it is opened for reading (robustness.md).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "am-file-read.h"

static char *
file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);
  if (basename != NULL && *basename != '\0' && strcmp (basename, "/") != 0)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

static const char *
describe_mode (guint32 mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISFIFO (mode))
    return "a named pipe";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISLNK (mode))
    return "a broken symbolic link";
  return "not a regular file";
}

static const char *
describe_file_type (GFileType type)
{
  switch (type)
    {
    case G_FILE_TYPE_DIRECTORY:
      return "a directory";
    case G_FILE_TYPE_SYMBOLIC_LINK:
      return "a broken symbolic link";
    case G_FILE_TYPE_SPECIAL:
      return "a device, pipe or socket";
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    default:
      return "not a regular file";
    }
}

static gboolean
fail_not_regular (const char  *display_name,
                  const char  *what,
                  GError     **error)
{
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_REGULAR,
               /* Translators: an error opening a file; the placeholders are, in order:
                  display_name, what */
               _("%s: not a regular file (%s)"), display_name, what);
  return FALSE;
}

static gboolean
fail_too_large (const char  *display_name,
                goffset      size,
                GError     **error)
{
  if (size >= 0)
    g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE,
                 /* Translators: %s is a file name, %lld its size and %d the largest size
                  * read, both in bytes */
                 _("%s: file too large (%lld bytes; the limit is %d)"),
                 display_name, (long long) size, AM_DOCUMENT_MAX_FILE_SIZE);
  else
    g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE,
                 /* Translators: an error opening a file; the placeholders are, in order:
                    display_name, AM_DOCUMENT_MAX_FILE_SIZE */
                 _("%s: file too large (over the limit of %d bytes)"),
                 display_name, AM_DOCUMENT_MAX_FILE_SIZE);
  return FALSE;
}

static void
fail_io (const char  *display_name,
         GError      *io_error,
         GError     **error)
{
  /* Cancellation stays G_IO_ERROR_CANCELLED: callers ignore it. */
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                   "%s: %s", display_name, io_error->message);
      g_error_free (io_error);
    }
}

/* Reads a local file without ever blocking in open() and without trusting the earlier
 * query: the descriptor itself must be a regular file under the cap. */
static GBytes *
read_local_file (const char    *path,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                   /* Translators: an error opening a file; the placeholders are, in order:
                      display_name, g_strerror (saved_errno) */
                   _("%s: cannot open: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                   /* Translators: an error opening a file; the placeholders are, in order:
                      display_name, g_strerror (saved_errno) */
                   _("%s: cannot read: %s"), display_name, g_strerror (saved_errno));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      fail_not_regular (display_name, describe_mode (st.st_mode), error);
      close (fd);
      return NULL;
    }

  if (st.st_size > AM_DOCUMENT_MAX_FILE_SIZE)
    {
      fail_too_large (display_name, st.st_size, error);
      close (fd);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) st.st_size + 1);

  for (;;)
    {
      /* Room for the rest of the expected size plus one byte, so that EOF shows in
       * the next read; files that report no size (/proc) grow in 64 KiB steps. */
      gsize room = length < (gsize) st.st_size ? (gsize) st.st_size - length + 1 : 65536;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }

      g_byte_array_set_size (buffer, (guint) (length + room));
      n = read (fd, buffer->data + length, room);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                       /* Translators: an error opening a file; the placeholders are, in order:
                          display_name, g_strerror (saved_errno) */
                       _("%s: cannot read: %s"), display_name, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;

      length += (gsize) n;
      if (length > AM_DOCUMENT_MAX_FILE_SIZE)
        {
          fail_too_large (display_name, -1, error);
          close (fd);
          return NULL;
        }
    }

  close (fd);
  g_byte_array_set_size (buffer, (guint) length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Any other GFile (resource://, a GVfs mount): through its input stream, capped. */
static GBytes *
read_stream_file (GFile         *file,
                  const char    *display_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  GError *local_error = NULL;
  gsize length = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      fail_io (display_name, local_error, error);
      return NULL;
    }

  for (;;)
    {
      gsize room = 65536, n = 0;

      g_byte_array_set_size (buffer, (guint) (length + room));
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + length, room,
                                    &n, cancellable, &local_error))
        {
          fail_io (display_name, local_error, error);
          return NULL;
        }

      length += n;
      if (length > AM_DOCUMENT_MAX_FILE_SIZE)
        {
          fail_too_large (display_name, -1, error);
          return NULL;
        }
      if (n < room)
        break;
    }

  g_byte_array_set_size (buffer, (guint) length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Checks then reads @file; sets *display_name in every case. */
GBytes *
_am_file_read_checked (GFile         *file,
                       GCancellable  *cancellable,
                       char         **display_name,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;
  const char *path;
  GFileType type;

  *display_name = file_display_name (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Nothing is opened before the type and size are known: opening a FIFO blocks, and
   * a link to /dev/zero never ends. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      fail_io (*display_name, local_error, error);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    {
      g_free (*display_name);
      *display_name = g_strdup (g_file_info_get_display_name (info));
    }

  type = g_file_info_get_file_type (info);
  if (type != G_FILE_TYPE_REGULAR)
    {
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE) &&
          type != G_FILE_TYPE_SYMBOLIC_LINK)
        fail_not_regular (*display_name,
                          describe_mode (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE)),
                          error);
      else
        fail_not_regular (*display_name, describe_file_type (type), error);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > AM_DOCUMENT_MAX_FILE_SIZE)
    {
      fail_too_large (*display_name, g_file_info_get_size (info), error);
      return NULL;
    }

  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local_file (path, *display_name, cancellable, error);

  return read_stream_file (file, *display_name, cancellable, error);
}

/**
 * am_document_read_file:
 * @file: a file to open
 * @cancellable: (nullable): a #GCancellable
 * @display_name: (out) (transfer full): the name to use in messages, set in every case
 * @error: return location for an error
 *
 * The file checks of am_document_load_from_file() (a regular file under
 * %AM_DOCUMENT_MAX_FILE_SIZE, decided before anything is opened, so a FIFO or a device
 * never blocks) and the read, for formats other than Actormap's JSON.  Errors are in
 * %AM_MODEL_ERROR and start with the display name, except %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
am_document_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       char         **display_name,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _am_file_read_checked (file, cancellable, display_name, error);
}
