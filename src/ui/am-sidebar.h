/* am-sidebar.h — the actor list: entities grouped by kind, and a search over everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-core.h"

G_BEGIN_DECLS

#define AM_TYPE_SIDEBAR (am_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AmSidebar, am_sidebar, AM, SIDEBAR, GtkWidget)

/*
 * Shows the document's entities grouped by kind; while the search entry holds text it
 * also lists the relations and statements that match.  It follows the window's
 * "selection" and never changes it directly: choosing a row activates "win.select".
 * Properties: "document", "selection", "search-text" (read-only).
 */
GtkWidget  *am_sidebar_new             (void);
AmDocument *am_sidebar_get_document    (AmSidebar  *self);
void        am_sidebar_set_document    (AmSidebar  *self,
                                        AmDocument *document);
const char *am_sidebar_get_selection   (AmSidebar  *self);
void        am_sidebar_set_selection   (AmSidebar  *self,
                                        const char *id);
const char *am_sidebar_get_search_text (AmSidebar  *self);
void        am_sidebar_set_search_text (AmSidebar  *self,
                                        const char *text);
void        am_sidebar_focus_search    (AmSidebar  *self);
/* The ids of the actors and relations the search matches (statements count through
 * their speakers), or NULL when there is no search.  (transfer full) */
GHashTable *am_sidebar_dup_matches     (AmSidebar  *self);
/* The list, for tests and accessibility checks. (transfer none) */
GtkListBox *am_sidebar_get_list        (AmSidebar  *self);

G_END_DECLS
