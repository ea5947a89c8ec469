/* am-filter-popover.h — which kinds of actor and types of relation the map shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_FILTER_POPOVER (am_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (AmFilterPopover, am_filter_popover, AM, FILTER_POPOVER, GtkPopover)

/*
 * The header bar's filter popover: every actor kind and relation type of the session's
 * document, each with how many the document has and a check button (checked: shown),
 * the "Group Actors" switch (am_session_set_group_actors()) and "Show All", which
 * clears the filters.  It follows the session: a change of the view (a legend click,
 * say) shows here at once, and a toggle here goes through am_session_set_view().
 *
 * Property: "session" (AmSession, read-write).
 */
GtkWidget *am_filter_popover_new         (void);
/* (transfer none) (nullable) */
AmSession *am_filter_popover_get_session (AmFilterPopover *self);
void       am_filter_popover_set_session (AmFilterPopover *self,
                                          AmSession       *session);

/* For tests: the check button of @name (a kind when @is_kind, else a relation type), or
 * NULL.  (transfer none) */
GtkCheckButton *am_filter_popover_get_check (AmFilterPopover *self,
                                             gboolean         is_kind,
                                             const char      *name);

G_END_DECLS
