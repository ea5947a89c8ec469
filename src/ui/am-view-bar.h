/* am-view-bar.h — the bar above the map that says which part of it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_VIEW_BAR (am_view_bar_get_type ())

G_DECLARE_FINAL_TYPE (AmViewBar, am_view_bar, AM, VIEW_BAR, GtkWidget)

/*
 * Shown while the session's view has a focus or a path (it hides itself otherwise):
 * "Focus: Kim Yo Jong · Depth [1|2|3] · [Both|Out|In]", or "Path: A → B · 2 shortest
 * paths", with a close button that returns to
 * the whole map (am_view_bar_close(): focus and path cleared; filters, time and collapsed
 * groups stay).  Every change goes through am_session_set_view().
 *
 * Property: "session" (AmSession, read-write).
 */
GtkWidget *am_view_bar_new         (void);
/* (transfer none) (nullable) */
AmSession *am_view_bar_get_session (AmViewBar *self);
void       am_view_bar_set_session (AmViewBar *self,
                                    AmSession *session);
/* The close button's action. */
void       am_view_bar_close       (AmViewBar *self);
/* The text the bar shows now ("" when hidden), for tests and the accessible label.
 * (transfer full) */
char      *am_view_bar_dup_text    (AmViewBar *self);

/* Clears the focus and the path of @session's view: what Escape and the close button do.
 * FALSE when there was neither (nothing changed). */
gboolean   am_view_bar_clear_view  (AmSession *session);

G_END_DECLS
