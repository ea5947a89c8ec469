/* test-scene-adjacency.c — a scene's incident edges and neighbours, built once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-scene.h"

static const AmRect test_bounds = { 0, 0, 400, 300 };

static void
add_node (AmSceneBuilder *builder,
          const char     *id,
          double          x,
          double          y)
{
  AmSceneNode node = { (char *) id, (char *) id, (char *) "person", AM_NODE_SHAPE_BOX,
                       { x, y, 40, 20 } };

  am_scene_builder_add_node (builder, &node);
}

static void
add_edge (AmSceneBuilder *builder,
          const char     *id,
          const char     *source,
          const char     *target)
{
  AmPoint points[4] = { { 50, 50 }, { 60, 60 }, { 70, 70 }, { 80, 80 } };
  AmSceneEdge edge = { 0, };

  edge.id = (char *) id;
  edge.source = (char *) source;
  edge.target = (char *) target;
  edge.points = points;
  edge.n_points = G_N_ELEMENTS (points);
  am_scene_builder_add_edge (builder, &edge);
}

/*
 * Nodes a b c d e (indexes 0–4); edges
 *   0 a→b   1 b→a (the same pair the other way)   2 a→c   3 c→c (a loop)   4 e→b
 * d stands alone.
 */
static AmScene *
make_scene (void)
{
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&test_bounds);
  g_autoptr(GError) error = NULL;
  AmScene *scene;

  add_node (builder, "a", 10, 10);
  add_node (builder, "b", 100, 10);
  add_node (builder, "c", 10, 100);
  add_node (builder, "d", 200, 200);
  add_node (builder, "e", 300, 10);
  add_edge (builder, "ab", "a", "b");
  add_edge (builder, "ba", "b", "a");
  add_edge (builder, "ac", "a", "c");
  add_edge (builder, "cc", "c", "c");
  add_edge (builder, "eb", "e", "b");

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static void
assert_list (const guint *got,
             guint        n_got,
             const guint *want,
             guint        n_want)
{
  g_assert_cmpuint (n_got, ==, n_want);
  for (guint i = 0; i < n_want; i++)
    g_assert_cmpuint (got[i], ==, want[i]);
}

static void
test_edges_and_neighbours (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  const guint *list;
  guint n = 99;

  list = am_scene_get_node_edges (scene, 0, &n);
  assert_list (list, n, (const guint[]) { 0, 1, 2 }, 3);
  list = am_scene_get_node_edges (scene, 1, &n);
  assert_list (list, n, (const guint[]) { 0, 1, 4 }, 3);
  /* The loop is listed once. */
  list = am_scene_get_node_edges (scene, 2, &n);
  assert_list (list, n, (const guint[]) { 2, 3 }, 2);
  am_scene_get_node_edges (scene, 3, &n);
  g_assert_cmpuint (n, ==, 0);

  /* a meets b twice, but b is one neighbour. */
  list = am_scene_get_node_neighbours (scene, 0, &n);
  assert_list (list, n, (const guint[]) { 1, 2 }, 2);
  list = am_scene_get_node_neighbours (scene, 1, &n);
  assert_list (list, n, (const guint[]) { 0, 4 }, 2);
  /* c's loop does not make c its own neighbour. */
  list = am_scene_get_node_neighbours (scene, 2, &n);
  assert_list (list, n, (const guint[]) { 0 }, 1);
  am_scene_get_node_neighbours (scene, 3, &n);
  g_assert_cmpuint (n, ==, 0);
  list = am_scene_get_node_neighbours (scene, 4, &n);
  assert_list (list, n, (const guint[]) { 1 }, 1);

  g_assert_cmpuint (am_scene_get_edge_source_index (scene, 1), ==, 1);
  g_assert_cmpuint (am_scene_get_edge_target_index (scene, 1), ==, 0);
  g_assert_cmpuint (am_scene_get_edge_source_index (scene, 4), ==, 4);
  g_assert_cmpuint (am_scene_get_edge_target_index (scene, 4), ==, 1);
  g_assert_cmpuint (am_scene_get_edge_source_index (scene, 3), ==, 2);
  g_assert_cmpuint (am_scene_get_edge_target_index (scene, 3), ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&test_bounds);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  add_node (builder, "alone", 10, 10);
  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);

  g_assert_nonnull (am_scene_get_node_edges (scene, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (am_scene_get_node_neighbours (scene, 0, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_bad_index (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AmScene) scene = make_scene ();
      guint n = 99;

      g_assert_null (am_scene_get_node_edges (scene, 5, &n));
      g_assert_cmpuint (n, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*node < am_scene_get_n_nodes*");
}

/* Many threads ask a fresh scene at once: one build, the same answer for all. */
static gpointer
ask_thread (gpointer data)
{
  AmScene *scene = data;
  guint n;

  return (gpointer) am_scene_get_node_edges (scene, 1, &n);
}

static void
test_threads (void)
{
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(AmScene) scene = make_scene ();
      GThread *threads[8];
      gconstpointer first = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("adjacency", ask_thread, scene);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          gconstpointer list = g_thread_join (threads[i]);

          g_assert_nonnull (list);
          if (first == NULL)
            first = list;
          g_assert_true (list == first);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/SceneAdjacency/edges-and-neighbours", test_edges_and_neighbours);
  g_test_add_func ("/Actormap/SceneAdjacency/empty", test_empty);
  g_test_add_func ("/Actormap/SceneAdjacency/bad-index", test_bad_index);
  g_test_add_func ("/Actormap/SceneAdjacency/threads", test_threads);

  return g_test_run ();
}
