/* am-sidebar.h — the actor list: entities grouped by kind, and a search over everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_SIDEBAR (am_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AmSidebar, am_sidebar, AM, SIDEBAR, GtkWidget)

/*
 * Shows the session's items: the actors grouped by kind, and while the session has a
 * search text, every actor, relation and statement it matches.  The search entry sets
 * the session's search text; choosing a row selects through the session (origin LIST),
 * Enter in the entry selects the first match (origin SEARCH).  The selected row follows
 * the session's selection, and the list scrolls to it unless it was chosen in the list.
 * Properties: "session" (AmSession, read-write).
 */
GtkWidget   *am_sidebar_new           (void);
AmSession   *am_sidebar_get_session   (AmSidebar *self);
void         am_sidebar_set_session   (AmSidebar *self,
                                       AmSession *session);
void         am_sidebar_focus_search  (AmSidebar *self);
/* For tests and accessibility checks: the list view on show (the actors, or while
 * searching the results), and the model it shows, in list order.  (transfer none) */
GtkListView *am_sidebar_get_list_view (AmSidebar *self);
GListModel  *am_sidebar_get_model     (AmSidebar *self);

G_END_DECLS
