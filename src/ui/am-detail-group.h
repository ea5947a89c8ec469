/* am-detail-group.h — a heading of the details with its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_DETAIL_GROUP (am_detail_group_get_type ())

G_DECLARE_FINAL_TYPE (AmDetailGroup, am_detail_group, AM, DETAIL_GROUP, AdwPreferencesGroup)

/*
 * A group of rows under a heading.  When @count is more than one it shows at the right
 * of the heading.  The heading is plain text (a translation may well contain “&”).
 * Rows are added with adw_preferences_group_add().
 */
GtkWidget *am_detail_group_new (const char *title,
                                guint       count);

G_END_DECLS
