/* test-scenes.h — finding a scene's nodes in the tests of the layers above the layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-scene.h"

G_BEGIN_DECLS

/* The node of @scene for entity @id; fails the test when there is none.  (transfer none) */
const AmSceneNode *test_scenes_node   (const AmScene *scene,
                                       const char    *id);

/* The centre of that node's box (scene coordinates, y down). */
void               test_scenes_centre (const AmScene *scene,
                                       const char    *id,
                                       double        *x,
                                       double        *y);

G_END_DECLS
