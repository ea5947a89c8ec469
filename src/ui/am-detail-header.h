/* am-detail-header.h — the top of the details: what is shown, its name, a line about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AM_TYPE_DETAIL_HEADER (am_detail_header_get_type ())

G_DECLARE_FINAL_TYPE (AmDetailHeader, am_detail_header, AM, DETAIL_HEADER, GtkWidget)

/*
 * A pill naming what the details show ("Person", "Relation · visit", "Quote"), the
 * title under it, a dimmed line under that and, for actors, a paragraph of
 * description.  Every text is shown as plain text; empty ones are hidden.  Its look is
 * resources/ui/am-detail-header.ui.
 */
GtkWidget *am_detail_header_new (const char *pill,
                                 const char *pill_class,
                                 const char *title,
                                 const char *title_class,
                                 const char *subtitle,
                                 const char *description);

G_END_DECLS
