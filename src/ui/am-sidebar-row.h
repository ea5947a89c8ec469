/* am-sidebar-row.h — one row of the actor list, bound to an AmItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-item.h"

G_BEGIN_DECLS

#define AM_TYPE_SIDEBAR_ROW (am_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (AmSidebarRow, am_sidebar_row, AM, SIDEBAR_ROW, GtkWidget)

/*
 * What the actor list shows of one item: the kind dot (actors) or an icon (relations,
 * statements), the title and subtitle as plain text, and, above the first row of a
 * group, the group's heading.  The list view recycles rows: the sidebar gives a row
 * another item instead of making a new one.
 * Properties: "item" (AmItem), "show-heading" (boolean).
 */
GtkWidget *am_sidebar_row_new              (void);
AmItem    *am_sidebar_row_get_item         (AmSidebarRow *self);
void       am_sidebar_row_set_item         (AmSidebarRow *self,
                                            AmItem       *item);
gboolean   am_sidebar_row_get_show_heading (AmSidebarRow *self);
void       am_sidebar_row_set_show_heading (AmSidebarRow *self,
                                            gboolean      show_heading);

G_END_DECLS
