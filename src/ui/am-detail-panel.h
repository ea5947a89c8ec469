/* am-detail-panel.h — what is known about the selected actor, relation or statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-core.h"

G_BEGIN_DECLS

#define AM_TYPE_DETAIL_PANEL (am_detail_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmDetailPanel, am_detail_panel, AM, DETAIL_PANEL, GtkWidget)

/*
 * Follows the window's "document" and "selection".  Every row that leads somewhere
 * activates "win.select" (another actor, a relation, a statement) or
 * "win.reveal-evidence" (a sentence of the article); the panel never changes the
 * selection itself.  Text from the file is always shown as plain text.
 */
GtkWidget  *am_detail_panel_new           (void);
AmDocument *am_detail_panel_get_document  (AmDetailPanel *self);
void        am_detail_panel_set_document  (AmDetailPanel *self,
                                           AmDocument    *document);
const char *am_detail_panel_get_selection (AmDetailPanel *self);
void        am_detail_panel_set_selection (AmDetailPanel *self,
                                           const char    *id);
/* Moves keyboard focus to the first row of the details (Enter on the map). */
void        am_detail_panel_focus         (AmDetailPanel *self);

G_END_DECLS
