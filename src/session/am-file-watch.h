/* am-file-watch.h — telling the session when its file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Watches one file with a GFileMonitor.  Events are debounced (AM_FILE_WATCH_DEBOUNCE_MS:
 * an editor's save is several events), then the file's bytes are read on a worker and
 * compared, by their SHA-256, with the bytes the session knows are there (what it opened
 * or saved last).  Only a real difference calls @func, once per new content: touching the
 * file, or the session's own save, does not.
 *
 * While held (a save of the session's is being written), what the watch finds waits;
 * _am_file_watch_release() then sets what the save wrote as known and looks again.
 */
#define AM_FILE_WATCH_DEBOUNCE_MS 300

typedef struct _AmFileWatch AmFileWatch;

typedef void (*AmFileWatchFunc) (gpointer user_data);

/* The bytes now in @file are taken as known (read at once on a worker). */
AmFileWatch *_am_file_watch_new          (GFile            *file,
                                          AmFileWatchFunc   func,
                                          gpointer          user_data);
void         _am_file_watch_free         (AmFileWatch      *self);
GFile       *_am_file_watch_get_file     (AmFileWatch      *self);
void         _am_file_watch_hold         (AmFileWatch      *self);
/* @checksum: the SHA-256 of what the save wrote, or NULL when it failed (nothing new is
 * known then). */
void         _am_file_watch_release      (AmFileWatch      *self,
                                          const char       *checksum);
/* Reads @path and returns the SHA-256 of its bytes, or NULL (blocking; for the save's
 * worker). */
char        *_am_file_watch_checksum_path (const char      *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmFileWatch, _am_file_watch_free)

G_END_DECLS
