/* am-path-panel.h — every shortest path between two actors, step by step, in the article's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_PATH_PANEL (am_path_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmPathPanel, am_path_panel, AM, PATH_PANEL, GtkWidget)

/*
 * Shown while the session's view joins two actors by a path (it hides itself otherwise):
 * each shortest path, and under it each step "Kim Yo Jong —criticised→ Joe Biden" with
 * the sentence of the article the relation rests on.  Activating a step selects its
 * relation through the session (AM_SELECTION_ORIGIN_DETAILS), so the article marks the
 * sentence.  "No path between A and B" when they are not joined.  A "Hide Others" check
 * button draws only the paths (am_view_set_path()'s hide_others); the close button
 * returns to the whole map.
 *
 * Property: "session" (AmSession, read-write).
 */
GtkWidget  *am_path_panel_new         (void);
/* (transfer none) (nullable) */
AmSession  *am_path_panel_get_session (AmPathPanel *self);
void        am_path_panel_set_session (AmPathPanel *self,
                                       AmSession   *session);

/* For tests and the accessible text: each listed step as "From —label→ To: sentence"
 * (arrow reversed when the relation runs the other way), paths one after the other; or
 * the one line saying there is no path.  (transfer full) */
GStrv       am_path_panel_dup_lines   (AmPathPanel *self);
/* Activates the @index-th step (counting steps only), as a click does; FALSE when there
 * is no such step. */
gboolean    am_path_panel_activate_step (AmPathPanel *self,
                                         guint        index);
/* (transfer none): the Hide Others check button. */
GtkCheckButton *am_path_panel_get_hide_others (AmPathPanel *self);

G_END_DECLS
