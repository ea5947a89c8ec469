/* am-detail-panel.h — what is known about the selected actor, relation or statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_DETAIL_PANEL (am_detail_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmDetailPanel, am_detail_panel, AM, DETAIL_PANEL, GtkWidget)

/*
 * What the session has selected: an actor, a relation or a statement, with what the
 * document knows about it.  It reads the session's "document" and "selection" whenever
 * either changes and keeps no copy of them.  Rows that lead to another actor, a
 * relation or a statement select it through am_session_select() with
 * AM_SELECTION_ORIGIN_DETAILS (the panel's own "details.select" action); a sentence of
 * the article activates "win.reveal-evidence".  Text from the file is always shown as
 * plain text.
 *
 * Properties: "session" (AmSession, read-write, nullable).
 */
GtkWidget  *am_detail_panel_new         (void);
AmSession  *am_detail_panel_get_session (AmDetailPanel *self);
void        am_detail_panel_set_session (AmDetailPanel *self,
                                         AmSession     *session);
/* Moves keyboard focus to the first row of the details (Enter on the map). */
void        am_detail_panel_focus       (AmDetailPanel *self);

G_END_DECLS
