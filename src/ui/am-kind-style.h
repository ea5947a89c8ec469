/* am-kind-style.h — the actor-kind colours of the lists, from the render theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the kind stylesheet on @display once; it follows light and dark by itself. */
void _am_kind_style_ensure (GdkDisplay *display);

G_END_DECLS
