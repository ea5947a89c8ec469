/* canvas-test-util.h — what the canvas tests that need a display share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* gtk_test_init() takes no GTest options and aborts without a display, so this does what
 * it does by hand: GTest with isolated directories, a fixed locale, GTK.  FALSE (after
 * printing a TAP skip line) when there is no display, as in a developer's plain
 * `meson test`; main() then returns 0. */
gboolean canvas_test_init (int    *argc,
                           char ***argv);

G_END_DECLS
