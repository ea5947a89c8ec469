/* am-session-recovery.h — recovery files: where they live, what they hold, whose they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"

G_BEGIN_DECLS

/* <g_get_user_state_dir()>/actormap/recovery (transfer full) */
char       *_am_recovery_dir          (void);
/* A path no other session of any process uses: the directory, then
 * "<pid>-<n>.json" with this process's id and a counter. (transfer full) */
char       *_am_recovery_new_path     (void);
/* {"file": "<uri>" or null, "model": <@document with its suggestions>} (transfer full) */
GBytes     *_am_recovery_payload      (AmDocument  *document,
                                       GFile       *file);
/* Creates the directory (0700) and writes @payload atomically.  Thread-safe. */
gboolean    _am_recovery_write        (const char  *path,
                                       GBytes      *payload,
                                       GError     **error);
/* Reads a recovery file: the document, and (nullable, transfer full) the file it was
 * editing. */
AmDocument *_am_recovery_read         (GFile       *recovery_file,
                                       GFile      **edited_file,
                                       GError     **error);
/* (element-type GFile) (transfer full): files of sessions whose process is gone, newest
 * first. */
GList      *_am_recovery_list         (void);
/* TRUE when the process named by a recovery file's name still runs (or the name names
 * no process id: such a file is not ours to touch). */
gboolean    _am_recovery_owner_alive  (const char  *basename);

G_END_DECLS
