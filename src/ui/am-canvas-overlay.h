/* am-canvas-overlay.h — which items the canvas draws over its cached base, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-scene.h"

G_BEGIN_DECLS

/* Past this many highlighted edges (a hub), the labels they cross are not searched. */
#define AM_CANVAS_OVERLAY_COVERED_LABELS_MAX_EDGES 200

/*
 * The few items drawn over the base: @selected and @hovered (ids, either may be NULL)
 * with their incident edges and neighbours, copied into a scene of their own so the one
 * renderer can draw them; and, when nothing is hovered, the edges whose labels those
 * strokes cross (not dimmed by @highlight), which draw their label only: their ids and
 * their ends' ids go into *@labels_only (created when needed).
 *
 * Returns: (transfer full) (nullable): the overlay scene, or NULL when there is nothing
 * to draw.
 */
AmScene *am_canvas_overlay_build (const AmScene *scene,
                                  GHashTable    *highlight,
                                  const char    *selected,
                                  const char    *hovered,
                                  GHashTable   **labels_only);

G_END_DECLS
