/* test-scenes.c — finding a scene's nodes in the tests of the layers above the layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-scenes.h"

const AmSceneNode *
test_scenes_node (const AmScene *scene,
                  const char    *id)
{
  gint index = am_scene_find_node (scene, id);

  g_assert_cmpint (index, >=, 0);
  return am_scene_get_node (scene, index);
}

void
test_scenes_centre (const AmScene *scene,
                    const char    *id,
                    double        *x,
                    double        *y)
{
  const AmSceneNode *node = test_scenes_node (scene, id);

  *x = node->box.x + node->box.width / 2;
  *y = node->box.y + node->box.height / 2;
}
