/* layout-test-util.c — fixtures and scene comparisons the layout tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "layout-test-util.h"

char *
lt_helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "layout", "am-test-layout-helper", NULL);
}

AmDocument *
lt_load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "layout",
                                                 "actors.json", NULL);

  return test_documents_load_path (path);
}

static gboolean
keep_polling_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

int
lt_wait_for_helper_pid (const char    *pidfile,
                        GAsyncResult **done)
{
  g_autofree char *contents = NULL;
  guint poll_id;

  /* The helper writes its pid once it has read the request; it then makes no I/O that
   * would wake the loop, so poll. */
  poll_id = g_timeout_add (10, keep_polling_cb, NULL);
  while (!g_file_get_contents (pidfile, &contents, NULL, NULL) && *done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (poll_id);

  return contents != NULL ? atoi (contents) : 0;
}

AmLayoutRequest *
lt_make_request (AmDocument     *document,
                 AmLayoutEngine  engine)
{
  g_autoptr(GError) error = NULL;
  AmLayoutRequest *request = am_layout_request_new_for_document (document, engine, &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static void
assert_value (double  a,
              double  b,
              LtMatch match)
{
  if (match == LT_MATCH_EXACT)
    g_assert_cmpmem (&a, sizeof (double), &b, sizeof (double));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-6);
}

static void
assert_point (const AmPoint *a,
              const AmPoint *b,
              LtMatch        match)
{
  assert_value (a->x, b->x, match);
  assert_value (a->y, b->y, match);
}

static void
assert_rect (const AmRect *a,
             const AmRect *b,
             LtMatch       match)
{
  assert_value (a->x, b->x, match);
  assert_value (a->y, b->y, match);
  assert_value (a->width, b->width, match);
  assert_value (a->height, b->height, match);
}

void
lt_assert_scenes_match (AmScene *a,
                        AmScene *b,
                        LtMatch  match)
{
  assert_rect (am_scene_get_bounds (a), am_scene_get_bounds (b), match);
  g_assert_cmpstr (am_scene_get_engine (a), ==, am_scene_get_engine (b));
  g_assert_cmpuint (am_scene_get_n_nodes (a), ==, am_scene_get_n_nodes (b));
  g_assert_cmpuint (am_scene_get_n_edges (a), ==, am_scene_get_n_edges (b));
  g_assert_cmpuint (am_scene_get_n_clusters (a), ==, am_scene_get_n_clusters (b));

  for (guint i = 0; i < am_scene_get_n_nodes (a); i++)
    {
      const AmSceneNode *x = am_scene_get_node (a, i), *y = am_scene_get_node (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpint (x->shape, ==, y->shape);
      assert_rect (&x->box, &y->box, match);
    }

  for (guint i = 0; i < am_scene_get_n_edges (a); i++)
    {
      const AmSceneEdge *x = am_scene_get_edge (a, i), *y = am_scene_get_edge (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->source, ==, y->source);
      g_assert_cmpstr (x->target, ==, y->target);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->type, ==, y->type);
      g_assert_cmpint (x->directed, ==, y->directed);
      g_assert_cmpuint (x->n_points, ==, y->n_points);
      for (guint j = 0; j < x->n_points; j++)
        assert_point (&x->points[j], &y->points[j], match);
      g_assert_cmpint (x->has_head, ==, y->has_head);
      g_assert_cmpint (x->has_tail, ==, y->has_tail);
      g_assert_cmpint (x->has_label, ==, y->has_label);
      if (x->has_head)
        assert_point (&x->head, &y->head, match);
      if (x->has_tail)
        assert_point (&x->tail, &y->tail, match);
      /* A label box is compared even without a label: it must then be empty in both. */
      assert_rect (&x->label_box, &y->label_box, match);
      g_assert_cmpint (x->has_leader, ==, y->has_leader);
      assert_point (&x->leader_from, &y->leader_from, match);
      assert_point (&x->leader_to, &y->leader_to, match);
      assert_rect (&x->bounds, &y->bounds, match);
    }

  for (guint i = 0; i < am_scene_get_n_clusters (a); i++)
    {
      const AmSceneCluster *x = am_scene_get_cluster (a, i), *y = am_scene_get_cluster (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->label, ==, y->label);
      assert_rect (&x->box, &y->box, match);
    }
}
