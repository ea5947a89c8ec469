/* am-view-store.h — the last view of each file, remembered between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-view.h"

G_BEGIN_DECLS

/*
 * One GKeyFile, $XDG_STATE_HOME/actormap/views.ini (g_get_user_state_dir(), so tests
 * move it with XDG_STATE_HOME), a group per file URI:
 *
 *   [file:///home/me/story.json]
 *   view=<am_view_to_string()>
 *   group-actors=false
 *   viewport=120.5;80;1.25
 *   used=<microseconds since the epoch, for dropping the oldest>
 *
 * At most AM_VIEW_STORE_MAX_FILES files are kept (the least recently saved go), and it is
 * always replaced atomically (am_file_write_atomic()).  A store that does not parse is
 * ignored with a warning and rewritten on the next save; a group whose view does not parse
 * is skipped the same way.
 */
#define AM_VIEW_STORE_MAX_FILES 200

typedef struct
{
  AmView   *view;          /* never NULL in a loaded entry (the whole map when not stored) */
  gboolean  group_actors;
  gboolean  has_viewport;
  double    x;             /* the viewport's centre, in scene points */
  double    y;
  double    zoom;
} AmViewStoreEntry;

void      am_view_store_entry_clear (AmViewStoreEntry       *entry);

/* The store's path (transfer full). */
char     *am_view_store_get_path    (void);

/* FALSE (and @entry zeroed) when @file has no remembered view. */
gboolean  am_view_store_load        (GFile                  *file,
                                     AmViewStoreEntry       *entry);
/* Remembers @entry for @file (its view may be NULL: the whole map), dropping the oldest
 * files beyond the cap.  Blocking: the session calls it on a worker. */
gboolean  am_view_store_save        (GFile                  *file,
                                     const AmViewStoreEntry *entry,
                                     GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmViewStoreEntry, am_view_store_entry_clear)

G_END_DECLS
