/* am-reload-banner.h — the bar over the map that says the file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_RELOAD_BANNER (am_reload_banner_get_type ())

G_DECLARE_FINAL_TYPE (AmReloadBanner, am_reload_banner, AM, RELOAD_BANNER, GtkWidget)

/*
 * A revealer bar at the top of the map (libadwaita 1.2 has no AdwBanner), following the
 * session: with unsaved edits and the file changed on disk ("file-changed-on-disk") it
 * offers Reload (am_session_reload()) and Keep Mine (am_session_keep_mine()); when the
 * file no longer loads ("reload-error") it shows the error, says the map on screen
 * stays, and offers Try Again; Close hides that message until another error comes.
 * Hidden otherwise.  Property: "session" (AmSession, read-write).
 */
GtkWidget  *am_reload_banner_new          (void);
/* (transfer none) (nullable) */
AmSession  *am_reload_banner_get_session  (AmReloadBanner *self);
void        am_reload_banner_set_session  (AmReloadBanner *self,
                                           AmSession      *session);
/* Whether the bar is (being) shown. */
gboolean    am_reload_banner_get_revealed (AmReloadBanner *self);
/* (transfer none): what it says, for the tests. */
const char *am_reload_banner_get_message  (AmReloadBanner *self);

G_END_DECLS
