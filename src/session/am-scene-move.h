/* am-scene-move.h — a scene with one node moved, shown until the layout re-routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-layout.h"

G_BEGIN_DECLS

/* @scene with the node @id centred on (@x, @y) and its edges drawn straight between the
 * boxes: what the map shows the moment an actor is dropped, before the keeping layout
 * answers with routed edges.  NULL when the scene has no such node or the point lies
 * above or left of the scene (its bounds start at 0, 0).  (transfer full) */
AmScene *_am_scene_move_node (AmScene    *scene,
                              const char *id,
                              double      x,
                              double      y);

G_END_DECLS
