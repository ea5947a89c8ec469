/* am-suggestions-pane.h — what the suggestions propose, to accept or reject one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_SUGGESTIONS_PANE (am_suggestions_pane_get_type ())

G_DECLARE_FINAL_TYPE (AmSuggestionsPane, am_suggestions_pane, AM, SUGGESTIONS_PANE, GtkWidget)

/*
 * The items of the session's document whose status is SUGGESTED, in list order, each
 * with Accept and Reject buttons (win.accept-suggestion, win.reject-suggestion with the
 * item's id), a count, and "Accept All" for each kind that has suggestions
 * (win.accept-all with "entity", "relation" or "statement").  A click on a row selects
 * the item, so the map and the article show it.  The window hides the pane while
 * "n-suggestions" is 0.
 *
 * Properties: "session" (AmSession, read-write), "n-suggestions" (uint, read-only).
 */
GtkWidget  *am_suggestions_pane_new               (void);
AmSession  *am_suggestions_pane_get_session       (AmSuggestionsPane *self);
void        am_suggestions_pane_set_session       (AmSuggestionsPane *self,
                                                   AmSession         *session);
guint       am_suggestions_pane_get_n_suggestions (AmSuggestionsPane *self);
/* The suggested items (AmItem) the list shows. (transfer none) */
GListModel *am_suggestions_pane_get_model         (AmSuggestionsPane *self);
/* What the "Accept All" menu offers, one item per kind with suggestions. (transfer none) */
GMenuModel *am_suggestions_pane_get_accept_menu   (AmSuggestionsPane *self);

G_END_DECLS
