/* ui-test.h — what the in-process widget tests share: start GTK, wait, find widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-core.h"

G_BEGIN_DECLS

typedef gboolean (*UiTestCondition) (gpointer data);

/* g_test_init() with isolated dirs, then GTK and libadwaita.  FALSE when there is no
 * display, having printed the TAP line that skips the whole binary: return 0 then. */
gboolean    ui_test_init          (int             *argc,
                                   char          ***argv);
/* A model from tests/ui/.  (transfer full) */
AmDocument *ui_test_load_fixture  (const char      *name);
/* The article model bundled in the resources.  (transfer full) */
AmDocument *ui_test_load_bundled  (void);
/* Never assert right after an action: spin the main loop until @cond holds or ten
 * seconds pass, and return whether it holds. */
gboolean    ui_test_wait_for      (UiTestCondition  cond,
                                   gpointer         data);
/* Lets pending idles, bindings and redraws run. */
void        ui_test_drain         (void);
/* The first widget in @root's tree (depth first, @root included) of @type. */
GtkWidget  *ui_test_find_type     (GtkWidget       *root,
                                   GType            type);
/* The first event controller of @widget (not its children) of @type, e.g. the canvas's
 * GtkGestureClick, to emit its own signals.  (transfer none) */
gpointer    ui_test_find_controller (GtkWidget     *widget,
                                     GType          type);
/* The first visible label in @root's tree whose text contains @needle. */
GtkWidget  *ui_test_find_label    (GtkWidget       *root,
                                   const char      *needle);

/* How many actors, relations and statements of @document have @status. */
guint       ui_test_count_status  (AmDocument      *document,
                                   AmStatus         status);
/* The AdwMessageDialog on screen (the last one shown), or NULL. (transfer none) */
GtkWindow  *ui_test_find_dialog   (void);

G_END_DECLS
