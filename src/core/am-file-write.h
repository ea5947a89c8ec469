/* am-file-write.h — replacing a file atomically and durably
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data to @path with g_file_set_contents_full (CONSISTENT | DURABLE): a temporary
 * file next to the target is written, synced and renamed over it.  Only regular files are
 * replaced (a directory, FIFO or device at @path is refused before anything is written);
 * a symbolic link is followed and the file it points to replaced, the link stays.  An
 * existing file keeps its mode; a new one gets 0644.  On failure @path is untouched and
 * no temporary file remains.
 *
 * Errors are in G_IO_ERROR, and the message is the reason alone ("No space left on
 * device", "not a regular file"): callers put it after the file's name. */
gboolean am_file_write_atomic (const char  *path,
                               const void  *data,
                               gsize        size,
                               GError     **error);

G_END_DECLS
