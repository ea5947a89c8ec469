/* test-scene.c — the scene builder's validation, hit-testing, culling and wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-geometry.h"
#include "am-layout.h"
#include "am-scene.h"
#include "layout-test-util.h"

static const AmRect test_bounds = { 0, 0, 400, 300 };

static AmSceneNode
make_node (const char *id,
           double      x,
           double      y,
           double      w,
           double      h)
{
  return (AmSceneNode) { (char *) id, (char *) id, (char *) "person", AM_NODE_SHAPE_BOX,
                         { x, y, w, h } };
}

/* A straight line as a one-piece cubic. */
static void
line_points (AmPoint pts[4],
             double  x0,
             double  y0,
             double  x1,
             double  y1)
{
  for (guint i = 0; i < 4; i++)
    pts[i] = (AmPoint) { x0 + (x1 - x0) * i / 3.0, y0 + (y1 - y0) * i / 3.0 };
}

static AmSceneEdge
make_edge (const char *id,
           const char *source,
           const char *target,
           AmPoint    *pts,
           guint       n_pts)
{
  AmSceneEdge e = { 0, };

  e.id = (char *) id;
  e.source = (char *) source;
  e.target = (char *) target;
  e.directed = TRUE;
  e.points = pts;
  e.n_points = n_pts;
  return e;
}

/*
 * The standard fixture:
 *   a [10,10 60×30]     b [300,10 60×30]     c [150,200 80×40]
 *   e1: a → b, a straight line along y = 25 from x = 70 to 290, head at (300, 25)
 *   e2: b → c, a curve, labelled, its label box at [250,120 40×12]
 *   cl: a cluster around a
 */
static AmScene *
make_scene (void)
{
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&test_bounds);
  AmSceneNode a = make_node ("a", 10, 10, 60, 30);
  AmSceneNode b = make_node ("b", 300, 10, 60, 30);
  AmSceneNode c = make_node ("c", 150, 200, 80, 40);
  AmPoint p1[4], p2[4] = { { 330, 40 }, { 330, 120 }, { 240, 150 }, { 200, 195 } };
  AmSceneEdge e1, e2;
  AmSceneCluster cl = { (char *) "cluster_x", (char *) "X", { 5, 5, 70, 40 } };
  GError *error = NULL;
  AmScene *scene;

  line_points (p1, 70, 25, 290, 25);
  e1 = make_edge ("e1", "a", "b", p1, 4);
  e1.has_head = TRUE;
  e1.head = (AmPoint) { 300, 25 };
  e1.label = (char *) "knows";
  e1.type = (char *) "tie";

  e2 = make_edge ("e2", "b", "c", p2, 4);
  e2.has_label = TRUE;
  e2.label_box = (AmRect) { 250, 120, 40, 12 };
  e2.label = (char *) "meets";

  am_scene_builder_set_engine (builder, "neato");
  am_scene_builder_add_node (builder, &a);
  am_scene_builder_add_node (builder, &b);
  am_scene_builder_add_node (builder, &c);
  am_scene_builder_add_edge (builder, &e1);
  am_scene_builder_add_edge (builder, &e2);
  am_scene_builder_add_cluster (builder, &cl);

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static void
test_builder_valid (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  const AmSceneEdge *e1, *e2;
  const AmSceneCluster *cl;

  g_assert_cmpfloat (am_scene_get_bounds (scene)->width, ==, 400);
  g_assert_cmpstr (am_scene_get_engine (scene), ==, "neato");
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, 3);
  g_assert_cmpuint (am_scene_get_n_edges (scene), ==, 2);
  g_assert_cmpuint (am_scene_get_n_clusters (scene), ==, 1);

  g_assert_cmpint (am_scene_find_node (scene, "a"), ==, 0);
  g_assert_cmpint (am_scene_find_node (scene, "c"), ==, 2);
  g_assert_cmpint (am_scene_find_node (scene, "e1"), ==, -1);
  g_assert_cmpint (am_scene_find_node (scene, NULL), ==, -1);
  g_assert_cmpint (am_scene_find_edge (scene, "e2"), ==, 1);
  g_assert_cmpint (am_scene_find_edge (scene, "a"), ==, -1);

  g_assert_cmpstr (am_scene_get_node (scene, 1)->id, ==, "b");
  g_assert_cmpstr (am_scene_get_node (scene, 1)->kind, ==, "person");

  e1 = am_scene_get_edge (scene, 0);
  g_assert_cmpstr (e1->source, ==, "a");
  g_assert_cmpstr (e1->target, ==, "b");
  g_assert_cmpstr (e1->label, ==, "knows");
  g_assert_cmpstr (e1->type, ==, "tie");
  g_assert_true (e1->has_head);
  g_assert_false (e1->has_tail);
  g_assert_false (e1->has_label);
  /* The computed bounds cover the curve and the arrowhead. */
  g_assert_cmpfloat (e1->bounds.x, <=, 70);
  g_assert_cmpfloat (e1->bounds.x + e1->bounds.width, >=, 300);
  g_assert_cmpfloat (e1->bounds.y, <=, 25);
  g_assert_cmpfloat (e1->bounds.y + e1->bounds.height, >=, 25);

  e2 = am_scene_get_edge (scene, 1);
  g_assert_null (e2->type);
  g_assert_true (e2->has_label);
  /* … and the label box. */
  g_assert_cmpfloat (e2->bounds.x, <=, 200);
  g_assert_cmpfloat (e2->bounds.x + e2->bounds.width, >=, 330);
  g_assert_cmpfloat (e2->bounds.y, <=, 40);
  g_assert_cmpfloat (e2->bounds.y + e2->bounds.height, >=, 195);

  cl = am_scene_get_cluster (scene, 0);
  g_assert_cmpstr (cl->id, ==, "cluster_x");
  g_assert_cmpstr (cl->label, ==, "X");
}

static void
test_ref_counting (void)
{
  AmScene *scene = make_scene ();
  GValue value = G_VALUE_INIT;

  g_assert_true (am_scene_ref (scene) == scene);
  am_scene_unref (scene);

  /* The boxed type copies by reference. */
  g_value_init (&value, AM_TYPE_SCENE);
  g_value_set_boxed (&value, scene);
  g_assert_true (g_value_get_boxed (&value) == scene);
  am_scene_unref (scene);
  g_assert_cmpuint (am_scene_get_n_nodes (g_value_get_boxed (&value)), ==, 3);
  g_value_unset (&value);
}

/* Bad inputs: each one gives INVALID_SCENE naming the culprit. */
typedef enum
{
  BAD_NODE_NAN,
  BAD_NODE_INF_SIZE,
  BAD_NODE_OUTSIDE,
  BAD_NODE_NEGATIVE_SIZE,
  BAD_NODE_DUPLICATE,
  BAD_NODE_EMPTY_ID,
  BAD_NODE_INVALID_UTF8,
  BAD_NODE_SHAPE,
  BAD_EDGE_NAN_POINT,
  BAD_EDGE_INF_POINT,
  BAD_EDGE_POINT_OUTSIDE,
  BAD_EDGE_N_POINTS,
  BAD_EDGE_NO_POINTS,
  BAD_EDGE_DUPLICATE,
  BAD_EDGE_UNKNOWN_SOURCE,
  BAD_EDGE_UNKNOWN_TARGET,
  BAD_EDGE_HEAD_NAN,
  BAD_EDGE_LABEL_OUTSIDE,
  BAD_CLUSTER_NAN,
  BAD_CLUSTER_DUPLICATE,
  BAD_BOUNDS_NAN,
  BAD_BOUNDS_ORIGIN,
  BAD_BOUNDS_HUGE,
  BAD_ENGINE,
} BadCase;

static const struct
{
  BadCase     what;
  const char *path;
  const char *needle;   /* the message must name this */
} bad_cases[] = {
  { BAD_NODE_NAN, "node-nan", "node 'x'" },
  { BAD_NODE_INF_SIZE, "node-inf", "node 'x'" },
  { BAD_NODE_OUTSIDE, "node-outside", "node 'x'" },
  { BAD_NODE_NEGATIVE_SIZE, "node-negative-size", "node 'x'" },
  { BAD_NODE_DUPLICATE, "node-duplicate", "node 'a': duplicate" },
  { BAD_NODE_EMPTY_ID, "node-empty-id", "node 3" },
  { BAD_NODE_INVALID_UTF8, "node-invalid-utf8", "UTF-8" },
  { BAD_NODE_SHAPE, "node-shape", "node 'x'" },
  { BAD_EDGE_NAN_POINT, "edge-nan", "edge 'x': point 2" },
  { BAD_EDGE_INF_POINT, "edge-inf", "edge 'x': point 0" },
  { BAD_EDGE_POINT_OUTSIDE, "edge-outside", "edge 'x': point 3" },
  { BAD_EDGE_N_POINTS, "edge-n-points", "edge 'x'" },
  { BAD_EDGE_NO_POINTS, "edge-no-points", "edge 'x'" },
  { BAD_EDGE_DUPLICATE, "edge-duplicate", "edge 'e1': duplicate" },
  { BAD_EDGE_UNKNOWN_SOURCE, "edge-unknown-source", "unknown node 'nowhere'" },
  { BAD_EDGE_UNKNOWN_TARGET, "edge-unknown-target", "unknown node 'nowhere'" },
  { BAD_EDGE_HEAD_NAN, "edge-head-nan", "edge 'x'" },
  { BAD_EDGE_LABEL_OUTSIDE, "edge-label-outside", "edge 'x': the label box" },
  { BAD_CLUSTER_NAN, "cluster-nan", "cluster 'x'" },
  { BAD_CLUSTER_DUPLICATE, "cluster-duplicate", "cluster 'cluster_x': duplicate" },
  { BAD_BOUNDS_NAN, "bounds-nan", "bounds" },
  { BAD_BOUNDS_ORIGIN, "bounds-origin", "bounds" },
  { BAD_BOUNDS_HUGE, "bounds-huge", "bounds" },
  { BAD_ENGINE, "engine", "engine 'osage'" },
};

static void
test_builder_rejects (gconstpointer data)
{
  BadCase what = bad_cases[GPOINTER_TO_UINT (data)].what;
  const char *needle = bad_cases[GPOINTER_TO_UINT (data)].needle;
  AmRect bounds = test_bounds;
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  AmSceneNode good[3] = { make_node ("a", 10, 10, 60, 30), make_node ("b", 300, 10, 60, 30),
                          make_node ("c", 150, 200, 80, 40) };
  AmSceneNode node = make_node ("x", 100, 100, 20, 20);
  AmPoint pts[7];
  AmSceneEdge edge;
  AmSceneCluster cluster = { (char *) "x", NULL, { 5, 5, 10, 10 } };
  gboolean add_node = FALSE, add_edge = FALSE, add_cluster = FALSE;

  line_points (pts, 70, 25, 290, 25);
  line_points (pts + 3, 290, 25, 300, 100);
  edge = make_edge ("x", "a", "b", pts, 4);

  switch (what)
    {
    case BAD_NODE_NAN: node.box.x = NAN; add_node = TRUE; break;
    case BAD_NODE_INF_SIZE: node.box.height = INFINITY; add_node = TRUE; break;
    case BAD_NODE_OUTSIDE: node.box.x = 390; add_node = TRUE; break;
    case BAD_NODE_NEGATIVE_SIZE: node.box.width = -5; add_node = TRUE; break;
    case BAD_NODE_DUPLICATE: node.id = (char *) "a"; add_node = TRUE; break;
    case BAD_NODE_EMPTY_ID: node.id = (char *) ""; add_node = TRUE; break;
    case BAD_NODE_INVALID_UTF8: node.label = (char *) "caf\xe9"; add_node = TRUE; break;
    case BAD_NODE_SHAPE: node.shape = (AmNodeShape) 42; add_node = TRUE; break;
    case BAD_EDGE_NAN_POINT: pts[2].y = NAN; add_edge = TRUE; break;
    case BAD_EDGE_INF_POINT: pts[0].x = -INFINITY; add_edge = TRUE; break;
    case BAD_EDGE_POINT_OUTSIDE: pts[3].y = 301; add_edge = TRUE; break;
    case BAD_EDGE_N_POINTS: edge.n_points = 5; add_edge = TRUE; break;
    case BAD_EDGE_NO_POINTS: edge.n_points = 0; edge.points = NULL; add_edge = TRUE; break;
    case BAD_EDGE_DUPLICATE: edge.id = (char *) "e1"; add_edge = TRUE; break;
    case BAD_EDGE_UNKNOWN_SOURCE: edge.source = (char *) "nowhere"; add_edge = TRUE; break;
    case BAD_EDGE_UNKNOWN_TARGET: edge.target = (char *) "nowhere"; add_edge = TRUE; break;
    case BAD_EDGE_HEAD_NAN:
      edge.has_head = TRUE;
      edge.head = (AmPoint) { NAN, 3 };
      add_edge = TRUE;
      break;
    case BAD_EDGE_LABEL_OUTSIDE:
      edge.has_label = TRUE;
      edge.label_box = (AmRect) { 380, 290, 40, 12 };
      add_edge = TRUE;
      break;
    case BAD_CLUSTER_NAN: cluster.box.width = NAN; add_cluster = TRUE; break;
    case BAD_CLUSTER_DUPLICATE: cluster.id = (char *) "cluster_x"; add_cluster = TRUE; break;
    case BAD_BOUNDS_NAN: bounds.width = NAN; break;
    case BAD_BOUNDS_ORIGIN: bounds.x = -10; break;
    case BAD_BOUNDS_HUGE: bounds.height = 1e300; break;
    case BAD_ENGINE: break;
    default: g_assert_not_reached ();
    }

  builder = am_scene_builder_new (&bounds);
  if (what == BAD_ENGINE)
    am_scene_builder_set_engine (builder, "osage");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    am_scene_builder_add_node (builder, &good[i]);

  {
    AmPoint ok_pts[4];
    AmSceneEdge ok;
    AmSceneCluster ok_cluster = { (char *) "cluster_x", NULL, { 5, 5, 70, 40 } };

    line_points (ok_pts, 40, 40, 190, 200);
    ok = make_edge ("e1", "a", "c", ok_pts, 4);
    am_scene_builder_add_edge (builder, &ok);
    am_scene_builder_add_cluster (builder, &ok_cluster);
  }

  if (add_node)
    am_scene_builder_add_node (builder, &node);
  if (add_edge)
    am_scene_builder_add_edge (builder, &edge);
  if (add_cluster)
    am_scene_builder_add_cluster (builder, &cluster);

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_null (scene);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
  if (strstr (error->message, needle) == NULL)
    g_error ("message “%s” does not name “%s”", error->message, needle);
}

/* A control: the same scaffolding without a fault builds. */
static void
test_builder_edge_cases_accepted (void)
{
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&test_bounds);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  AmSceneNode a = make_node ("a", 0, 0, 400, 300);   /* exactly the bounds */
  AmSceneNode nameless = { (char *) "n", NULL, NULL, AM_NODE_SHAPE_ELLIPSE, { 1, 1, 0, 0 } };
  AmPoint loop[7] = { { 200, 0 }, { 250, 0 }, { 250, 50 }, { 200, 50 },
                      { 150, 50 }, { 150, 0 }, { 200, 0 } };
  AmSceneEdge self_loop = make_edge ("loop", "a", "a", loop, 7);

  self_loop.directed = FALSE;
  am_scene_builder_add_node (builder, &a);
  am_scene_builder_add_node (builder, &nameless);
  am_scene_builder_add_edge (builder, &self_loop);
  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);

  /* NULL label and kind come back as "" and "node", never NULL. */
  g_assert_cmpstr (am_scene_get_node (scene, 1)->label, ==, "");
  g_assert_cmpstr (am_scene_get_node (scene, 1)->kind, ==, "node");
  g_assert_null (am_scene_get_engine (scene));
  g_assert_cmpuint (am_scene_get_edge (scene, 0)->n_points, ==, 7);
}

static void
test_empty_scene (void)
{
  AmRect zero = { 0, 0, 0, 0 };
  g_autoptr(AmScene) scene = am_scene_builder_end (am_scene_builder_new (&zero), NULL);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint index = 99;

  g_assert_nonnull (scene);
  g_assert_cmpint (am_scene_hit_test (scene, 0, 0, 5, &index), ==, AM_SCENE_HIT_NONE);
  g_assert_cmpuint (index, ==, 99);
  am_scene_query_rect (scene, &(AmRect) { -10, -10, 20, 20 }, nodes, NULL);
  g_assert_cmpuint (nodes->len, ==, 0);
}

static void
test_hit_test (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  guint index = G_MAXUINT;

  /* Inside node a, away from every edge. */
  g_assert_cmpint (am_scene_hit_test (scene, 30, 20, 2, &index), ==, AM_SCENE_HIT_NODE);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpint (am_scene_hit_test (scene, 190, 230, 2, &index), ==, AM_SCENE_HIT_NODE);
  g_assert_cmpuint (index, ==, 2);

  /* On the straight edge e1. */
  g_assert_cmpint (am_scene_hit_test (scene, 180, 25, 2, &index), ==, AM_SCENE_HIT_EDGE);
  g_assert_cmpuint (index, ==, 0);

  /* Tolerance: 3 points off the line. */
  g_assert_cmpint (am_scene_hit_test (scene, 180, 28, 2, NULL), ==, AM_SCENE_HIT_NONE);
  g_assert_cmpint (am_scene_hit_test (scene, 180, 28, 3.5, &index), ==, AM_SCENE_HIT_EDGE);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpint (am_scene_hit_test (scene, 180, 28, 0, NULL), ==, AM_SCENE_HIT_NONE);

  /* Edges come first: the tip of e1's arrowhead touches node b. */
  g_assert_cmpint (am_scene_hit_test (scene, 300.5, 25, 1, &index), ==, AM_SCENE_HIT_EDGE);
  g_assert_cmpuint (index, ==, 0);
  /* …but deeper inside b, it is the node. */
  g_assert_cmpint (am_scene_hit_test (scene, 340, 15, 1, &index), ==, AM_SCENE_HIT_NODE);
  g_assert_cmpuint (index, ==, 1);

  /* The label box of e2, far from its curve. */
  g_assert_cmpint (am_scene_hit_test (scene, 255, 125, 0, &index), ==, AM_SCENE_HIT_EDGE);
  g_assert_cmpuint (index, ==, 1);

  /* On the curve of e2: its middle (t = 0.5). */
  {
    const AmSceneEdge *e2 = am_scene_get_edge (scene, 1);
    const AmPoint *p = e2->points;
    double x = 0.125 * p[0].x + 0.375 * p[1].x + 0.375 * p[2].x + 0.125 * p[3].x;
    double y = 0.125 * p[0].y + 0.375 * p[1].y + 0.375 * p[2].y + 0.125 * p[3].y;

    g_assert_cmpint (am_scene_hit_test (scene, x, y, 0.5, &index), ==, AM_SCENE_HIT_EDGE);
    g_assert_cmpuint (index, ==, 1);
    /* The chord between the ends is far from this curve: no hit there. */
    g_assert_cmpint (am_scene_hit_test (scene, (p[0].x + p[3].x) / 2, (p[0].y + p[3].y) / 2,
                                        1, NULL), ==, AM_SCENE_HIT_NONE);
  }

  /* Empty space, outside the bounds, and junk input. */
  g_assert_cmpint (am_scene_hit_test (scene, 100, 150, 5, NULL), ==, AM_SCENE_HIT_NONE);
  g_assert_cmpint (am_scene_hit_test (scene, -500, 20, 5, NULL), ==, AM_SCENE_HIT_NONE);
  g_assert_cmpint (am_scene_hit_test (scene, NAN, 20, 5, NULL), ==, AM_SCENE_HIT_NONE);
  g_assert_cmpint (am_scene_hit_test (scene, 30, 20, INFINITY, NULL), ==, AM_SCENE_HIT_NONE);

  /* A node is hit within the tolerance of its border. */
  g_assert_cmpint (am_scene_hit_test (scene, 8, 20, 1, NULL), ==, AM_SCENE_HIT_NONE);
  g_assert_cmpint (am_scene_hit_test (scene, 8, 20, 3, &index), ==, AM_SCENE_HIT_NODE);
  g_assert_cmpuint (index, ==, 0);
}

static void
test_hit_test_topmost_node (void)
{
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&test_bounds);
  g_autoptr(AmScene) scene = NULL;
  AmSceneNode under = make_node ("under", 10, 10, 100, 100);
  AmSceneNode over = make_node ("over", 50, 50, 100, 100);
  guint index = G_MAXUINT;

  am_scene_builder_add_node (builder, &under);
  am_scene_builder_add_node (builder, &over);
  scene = am_scene_builder_end (g_steal_pointer (&builder), NULL);

  g_assert_cmpint (am_scene_hit_test (scene, 70, 70, 0, &index), ==, AM_SCENE_HIT_NODE);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpint (am_scene_hit_test (scene, 20, 20, 0, &index), ==, AM_SCENE_HIT_NODE);
  g_assert_cmpuint (index, ==, 0);
}

/* A larger random scene, checked against brute force. */
static AmScene *
make_random_scene (GRand *rand,
                   guint  n_nodes,
                   guint  n_edges)
{
  AmRect bounds = { 0, 0, 5000, 3000 };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  AmScene *scene;
  GError *error = NULL;

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      double w = g_rand_double_range (rand, 10, 120), h = g_rand_double_range (rand, 10, 50);
      AmSceneNode n = make_node (id, g_rand_double_range (rand, 0, 5000 - w),
                                 g_rand_double_range (rand, 0, 3000 - h), w, h);
      am_scene_builder_add_node (builder, &n);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *s = g_strdup_printf ("n%u", g_rand_int_range (rand, 0, n_nodes));
      g_autofree char *t = g_strdup_printf ("n%u", g_rand_int_range (rand, 0, n_nodes));
      AmPoint pts[7];
      AmSceneEdge e;

      for (guint j = 0; j < 7; j++)
        pts[j] = (AmPoint) { g_rand_double_range (rand, 0, 5000),
                             g_rand_double_range (rand, 0, 3000) };
      e = make_edge (id, s, t, pts, g_rand_boolean (rand) ? 7 : 4);
      if (g_rand_boolean (rand))
        {
          e.has_label = TRUE;
          e.label_box = (AmRect) { g_rand_double_range (rand, 0, 4900),
                                   g_rand_double_range (rand, 0, 2980), 100, 20 };
        }
      am_scene_builder_add_edge (builder, &e);
    }

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

static gboolean
rect_meets (const AmRect *a,
            const AmRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

static gboolean
point_in (const AmRect *r,
          double        x,
          double        y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

static gboolean
array_contains (GArray *a,
                guint   v)
{
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) == v)
      return TRUE;
  return FALSE;
}

static void
assert_ascending (GArray *a)
{
  for (guint i = 1; i < a->len; i++)
    g_assert_cmpuint (g_array_index (a, guint, i - 1), <, g_array_index (a, guint, i));
}

/* am_scene_query_rect (scene, r) against brute force, after @n_before entries that
 * must stay where they are. */
static void
check_query_rect (AmScene      *scene,
                  const AmRect *r,
                  guint         n_before)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  guint expected_nodes = 0;

  for (guint i = 0; i < n_before; i++)
    {
      guint sentinel = G_MAXUINT - i;

      g_array_append_val (nodes, sentinel);
      g_array_append_val (edges, sentinel);
    }

  am_scene_query_rect (scene, r, nodes, edges);
  for (guint i = 0; i < n_before; i++)
    {
      g_assert_cmpuint (g_array_index (nodes, guint, i), ==, G_MAXUINT - i);
      g_assert_cmpuint (g_array_index (edges, guint, i), ==, G_MAXUINT - i);
    }
  g_array_remove_range (nodes, 0, n_before);
  g_array_remove_range (edges, 0, n_before);
  assert_ascending (nodes);
  assert_ascending (edges);

  /* Nodes: exactly those whose box meets the rectangle. */
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    if (rect_meets (r, &am_scene_get_node (scene, i)->box))
      {
        expected_nodes++;
        g_assert_true (array_contains (nodes, i));
      }
  g_assert_cmpuint (nodes->len, ==, expected_nodes);

  /* Edges: every edge with a point of its curve or its label inside is returned, and
   * nothing whose bounds miss the rectangle. */
  for (guint i = 0; i < edges->len; i++)
    g_assert_true (rect_meets (r, &am_scene_get_edge (scene, g_array_index (edges, guint, i))->bounds));

  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmSceneEdge *e = am_scene_get_edge (scene, i);
      gboolean visible = e->has_label && rect_meets (r, &e->label_box);

      for (guint k = 0; !visible && k + 3 < e->n_points; k += 3)
        for (guint j = 0; !visible && j <= 64; j++)
          {
            double t = j / 64.0, u = 1 - t;
            const AmPoint *p = &e->points[k];
            double x = u*u*u*p[0].x + 3*u*u*t*p[1].x + 3*u*t*t*p[2].x + t*t*t*p[3].x;
            double y = u*u*u*p[0].y + 3*u*u*t*p[1].y + 3*u*t*t*p[2].y + t*t*t*p[3].y;
            visible = point_in (r, x, y);
          }

      if (visible)
        g_assert_true (array_contains (edges, i));
    }
}

static void
test_query_rect (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(AmScene) scene = make_random_scene (rand, 600, 900);

  for (guint q = 0; q < 60; q++)
    {
      AmRect r = { g_rand_double_range (rand, -200, 5000), g_rand_double_range (rand, -200, 3000),
                   g_rand_double_range (rand, 0, 1200), g_rand_double_range (rand, 0, 800) };

      check_query_rect (scene, &r, 0);
    }
}

/* Large rectangles over many long edges, which meet each one in many cells (the index
 * then marks items instead of sorting the repeats): the same answers, after what the
 * arrays held. */
static void
test_query_rect_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(AmScene) scene = make_random_scene (rand, 6000, 3000);

  check_query_rect (scene, am_scene_get_bounds (scene), 0);
  check_query_rect (scene, &(AmRect) { -100, -100, 6000, 4000 }, 2);
  check_query_rect (scene, &(AmRect) { 1000, 500, 2500, 1500 }, 1);
  for (guint q = 0; q < 6; q++)
    {
      AmRect r = { g_rand_double_range (rand, -200, 2000), g_rand_double_range (rand, -200, 1000),
                   g_rand_double_range (rand, 1500, 4000), g_rand_double_range (rand, 1000, 2500) };

      check_query_rect (scene, &r, q % 2);
    }
}

static void
test_query_rect_appends (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint sentinel = 77;

  g_array_append_val (nodes, sentinel);
  am_scene_query_rect (scene, &(AmRect) { 0, 0, 400, 50 }, nodes, NULL);
  g_assert_cmpuint (nodes->len, ==, 3);
  g_assert_cmpuint (g_array_index (nodes, guint, 0), ==, 77);
  g_assert_cmpuint (g_array_index (nodes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (nodes, guint, 2), ==, 1);

  /* Outside, and NaN: nothing. */
  g_array_set_size (nodes, 0);
  am_scene_query_rect (scene, &(AmRect) { 500, 500, 10, 10 }, nodes, NULL);
  am_scene_query_rect (scene, &(AmRect) { NAN, 0, 10, 10 }, nodes, NULL);
  g_assert_cmpuint (nodes->len, ==, 0);
}

/* Hit-testing through the grid agrees with a brute-force scan. */
static void
test_hit_test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(AmScene) scene = make_random_scene (rand, 300, 300);

  for (guint q = 0; q < 400; q++)
    {
      double x = g_rand_double_range (rand, 0, 5000), y = g_rand_double_range (rand, 0, 3000);
      guint index = G_MAXUINT;
      AmSceneHitKind kind = am_scene_hit_test (scene, x, y, 0, &index);
      gint top_node = -1;

      for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
        if (point_in (&am_scene_get_node (scene, i)->box, x, y))
          top_node = (gint) i;

      if (kind == AM_SCENE_HIT_NODE)
        g_assert_cmpint ((gint) index, ==, top_node);
      else if (kind == AM_SCENE_HIT_NONE)
        g_assert_cmpint (top_node, ==, -1);
      else
        g_assert_cmpuint (index, <, am_scene_get_n_edges (scene));
    }
}

static void
test_serialize_round_trip (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  g_autoptr(GBytes) bytes = am_scene_serialize (scene);
  g_autoptr(AmScene) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(AmScene) big = make_random_scene (rand, 200, 300);
  g_autoptr(GBytes) big_bytes = am_scene_serialize (big);
  g_autoptr(AmScene) big_back = NULL;
  GError *error = NULL;

  back = am_scene_deserialize (bytes, &error);
  g_assert_no_error (error);
  lt_assert_scenes_match (scene, back, LT_MATCH_EXACT);

  /* Serialising is deterministic. */
  again = am_scene_serialize (back);
  g_assert_true (g_bytes_equal (bytes, again));

  big_back = am_scene_deserialize (big_bytes, &error);
  g_assert_no_error (error);
  lt_assert_scenes_match (big, big_back, LT_MATCH_EXACT);
}

static void
assert_invalid (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmScene) scene = am_scene_deserialize (bytes, &error);

  g_assert_null (scene);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
  g_assert_true (g_str_has_prefix (error->message, "invalid scene: "));
}

static void
test_deserialize_truncated (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  g_autoptr(GBytes) bytes = am_scene_serialize (scene);
  gsize size = g_bytes_get_size (bytes);

  /* Every proper prefix is refused. */
  for (gsize len = 0; len < size; len++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, len);
      assert_invalid (cut);
    }
}

static void
test_deserialize_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  const char *texts[] = { "", "hello", "{\"nodes\": []}", "actormap-scene" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) b = g_bytes_new_static (texts[i], strlen (texts[i]));
      assert_invalid (b);
    }

  for (guint i = 0; i < 200; i++)
    {
      gsize len = g_rand_int_range (rand, 1, 600);
      guint8 *data = g_malloc (len);
      g_autoptr(GBytes) b = NULL;

      for (gsize j = 0; j < len; j++)
        data[j] = (guint8) g_rand_int_range (rand, 0, 256);
      b = g_bytes_new_take (data, len);
      assert_invalid (b);
    }
}

/* Flipping any byte either still gives a valid scene or a clean error, never a crash, a
 * CRITICAL or a scene that breaks its own invariants. */
static void
test_deserialize_bit_flips (void)
{
  g_autoptr(AmScene) scene = make_scene ();
  g_autoptr(GBytes) bytes = am_scene_serialize (scene);
  gsize size = 0;
  const guint8 *orig = g_bytes_get_data (bytes, &size);
  guint n_rejected = 0;

  for (gsize i = 0; i < size; i++)
    {
      guint8 *data = g_memdup2 (orig, size);
      g_autoptr(GBytes) b = NULL;
      g_autoptr(AmScene) back = NULL;
      g_autoptr(GError) error = NULL;

      data[i] ^= 0x5a;
      b = g_bytes_new_take (data, size);
      back = am_scene_deserialize (b, &error);

      if (back == NULL)
        {
          g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
          n_rejected++;
          continue;
        }

      for (guint n = 0; n < am_scene_get_n_nodes (back); n++)
        {
          const AmRect *box = &am_scene_get_node (back, n)->box;
          const AmRect *bounds = am_scene_get_bounds (back);
          g_assert_true (isfinite (box->x) && isfinite (box->width));
          g_assert_cmpfloat (box->x + box->width, <=, bounds->width + 0.01);
          g_assert_cmpfloat (box->y + box->height, <=, bounds->height + 0.01);
        }
    }

  /* Most flips hit a number, a string or an offset that the checks catch. */
  g_assert_cmpuint (n_rejected, >, size / 4);
}

/* Hand-made payloads with the right shape but wrong content. */
static GBytes *
wrap_payload (const char *magic,
              guint32     version,
              GVariant   *payload)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new ("(suv)", magic, version, payload));
  return g_variant_get_data_as_bytes (v);
}

static GVariant *
payload_with (double node_x,
              double point_y,
              const char *target,
              const char *engine)
{
  GVariantBuilder nodes, edges, pts;

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(sssu(dddd))"));
  g_variant_builder_add (&nodes, "(sssu(dddd))", "a", "A", "state", 0, node_x, 10.0, 20.0, 20.0);
  g_variant_builder_add (&nodes, "(sssu(dddd))", "b", "B", "state", 1, 60.0, 60.0, 20.0, 20.0);

  g_variant_builder_init (&pts, G_VARIANT_TYPE ("a(dd)"));
  g_variant_builder_add (&pts, "(dd)", 20.0, 20.0);
  g_variant_builder_add (&pts, "(dd)", 30.0, point_y);
  g_variant_builder_add (&pts, "(dd)", 50.0, 50.0);
  g_variant_builder_add (&pts, "(dd)", 60.0, 60.0);

  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))"));
  g_variant_builder_add (&edges, "(ssssmsmsba(dd)b(dd)b(dd)b(dddd))", "", "r1", "a", target,
                         NULL, NULL, TRUE, &pts, FALSE, 0.0, 0.0, FALSE, 0.0, 0.0,
                         FALSE, 0.0, 0.0, 0.0, 0.0);

  return g_variant_new ("(msmsms(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd)))",
                        NULL, NULL, engine, 0.0, 0.0, 100.0, 100.0, &nodes, &edges, NULL);
}

/* Captions left the scene for the export options; the format kept its two slots.  A
 * scene from a helper that still fills them loads, and new scenes leave them empty. */
static void
test_caption_slots (void)
{
  g_autoptr(GVariant) payload = g_variant_ref_sink (payload_with (10, 30, "b", "dot"));
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GVariant) written = NULL;
  g_autoptr(GVariant) inner = NULL;
  g_autoptr(GVariant) title = NULL;
  g_autoptr(GVariant) subtitle = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *children[7];

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    children[i] = g_variant_get_child_value (payload, i);
  g_variant_unref (children[0]);
  g_variant_unref (children[1]);
  children[0] = g_variant_new_maybe (G_VARIANT_TYPE_STRING, g_variant_new_string ("Title"));
  children[1] = g_variant_new_maybe (G_VARIANT_TYPE_STRING, g_variant_new_string ("Wire · 2021"));
  old = g_variant_ref_sink (g_variant_new_tuple (children, G_N_ELEMENTS (children)));
  for (guint i = 2; i < G_N_ELEMENTS (children); i++)
    g_variant_unref (children[i]);

  bytes = wrap_payload ("actormap-scene", 1, old);
  scene = am_scene_deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, 2);

  again = am_scene_serialize (scene);
  written = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(suv)"), again, FALSE));
  g_variant_get (written, "(&suv)", NULL, NULL, &inner);
  title = g_variant_get_child_value (inner, 0);
  subtitle = g_variant_get_child_value (inner, 1);
  g_assert_null (g_variant_get_maybe (title));
  g_assert_null (g_variant_get_maybe (subtitle));
}

static void
test_deserialize_tampered (void)
{
  struct
  {
    const char *magic;
    guint32     version;
    double      node_x;
    double      point_y;
    const char *target;
    const char *engine;
    const char *needle;
  } cases[] = {
    { "actormap-scene", 1, 10, 30, "b", "dot", NULL },         /* the control */
    { "actormap-scene", 1, NAN, 30, "b", "dot", "node 'a'" },
    { "actormap-scene", 1, 10, INFINITY, "b", "dot", "edge 'r1'" },
    { "actormap-scene", 1, 95, 30, "b", "dot", "node 'a'" },    /* outside */
    { "actormap-scene", 1, 10, 30, "zz", "dot", "unknown node 'zz'" },
    { "actormap-scene", 1, 10, 30, "b", "osage", "engine" },
    { "actormap-scene", 2, 10, 30, "b", "dot", "payload type" },  /* 2 has leaders */
    { "actormap-scene", 3, 10, 30, "b", "dot", "version 3" },
    { "actormap-other", 1, 10, 30, "b", "dot", "magic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) b = wrap_payload (cases[i].magic, cases[i].version,
                                          payload_with (cases[i].node_x, cases[i].point_y,
                                                        cases[i].target, cases[i].engine));
      g_autoptr(GError) error = NULL;
      g_autoptr(AmScene) scene = am_scene_deserialize (b, &error);

      if (cases[i].needle == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (am_scene_get_n_edges (scene), ==, 1);
          continue;
        }

      g_assert_null (scene);
      g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: message “%s” does not name “%s”", i, error->message,
                 cases[i].needle);
    }

  /* A payload of the wrong type inside the right envelope. */
  {
    g_autoptr(GBytes) b = wrap_payload ("actormap-scene", 1, g_variant_new_string ("x"));
    assert_invalid (b);
  }
}

/* A version-2 payload: payload_with()'s scene and the leader lines @leaders (a(u(dd)(dd))). */
static GBytes *
payload_with_leaders (GVariant *leaders)
{
  g_autoptr(GVariant) v1 = g_variant_ref_sink (payload_with (10, 30, "b", "dot"));
  GVariant *children[8];
  GBytes *bytes;

  for (guint i = 0; i < 7; i++)
    children[i] = g_variant_get_child_value (v1, i);

  children[7] = leaders;
  /* The tuple takes its own references to the children got above (they are not
   * floating): give those back. */
  bytes = wrap_payload ("actormap-scene", 2, g_variant_new_tuple (children, 8));
  for (guint i = 0; i < 7; i++)
    g_variant_unref (children[i]);
  return bytes;
}

/* Leader lines: built, checked, carried through the wire format, and refused when they
 * are not finite, out of bounds, without a label or naming no edge. */
static void
test_leaders (void)
{
  AmRect bounds = { 0, 0, 100, 100 };
  AmPoint pts[4] = { { 20, 20 }, { 30, 30 }, { 50, 50 }, { 60, 60 } };
  AmSceneNode a = { (char *) "a", (char *) "A", (char *) "state", AM_NODE_SHAPE_BOX,
                    { 10, 10, 20, 20 } };
  AmSceneNode b = { (char *) "b", (char *) "B", (char *) "state", AM_NODE_SHAPE_BOX,
                    { 60, 60, 20, 20 } };
  AmSceneEdge e = { 0, };
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmScene) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const AmSceneEdge *got;

  e.id = (char *) "r1";
  e.source = (char *) "a";
  e.target = (char *) "b";
  e.label = (char *) "far";
  e.points = pts;
  e.n_points = 4;
  e.has_label = TRUE;
  e.label_box = (AmRect) { 70, 5, 20, 10 };
  e.has_leader = TRUE;
  e.leader_from = (AmPoint) { 70, 15 };
  e.leader_to = (AmPoint) { 40, 40 };

  for (guint bad = 0; bad < 4; bad++)
    {
      g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
      g_autoptr(AmScene) refused = NULL;
      g_autoptr(GError) err = NULL;
      AmSceneEdge f = e;

      if (bad == 0)
        f.leader_to.x = NAN;
      else if (bad == 1)
        f.leader_from.y = 120;
      else if (bad == 2)
        f.has_label = FALSE;
      else
        f.leader_to.x = INFINITY;
      am_scene_builder_add_node (builder, &a);
      am_scene_builder_add_node (builder, &b);
      am_scene_builder_add_edge (builder, &f);
      refused = am_scene_builder_end (g_steal_pointer (&builder), &err);
      g_assert_null (refused);
      g_assert_error (err, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
      g_assert_nonnull (strstr (err->message, "leader"));
    }

  {
    g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);

    am_scene_builder_add_node (builder, &a);
    am_scene_builder_add_node (builder, &b);
    am_scene_builder_add_edge (builder, &e);
    scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
    g_assert_no_error (error);
  }
  got = am_scene_get_edge (scene, 0);
  g_assert_true (got->has_leader);
  g_assert_cmpfloat (got->leader_from.x, ==, 70);
  g_assert_cmpfloat (got->leader_to.y, ==, 40);
  /* The edge's bounds cover its leader line. */
  g_assert_true (am_rect_contains_point (&got->bounds, 70, 15, 0));

  bytes = am_scene_serialize (scene);
  copy = am_scene_deserialize (bytes, &error);
  g_assert_no_error (error);
  got = am_scene_get_edge (copy, 0);
  g_assert_true (got->has_leader);
  g_assert_cmpfloat (got->leader_from.y, ==, 15);
  g_assert_cmpfloat (got->leader_to.x, ==, 40);

  /* payload_with()'s edge has no label: a leader on it is refused; one naming edge 1 of
   * one edge names no edge. */
  {
    g_autoptr(GBytes) unlabelled = payload_with_leaders (
      g_variant_new_parsed ("[(uint32 0, (40.0, 40.0), (41.0, 41.0))]"));
    g_autoptr(GBytes) nowhere = payload_with_leaders (
      g_variant_new_parsed ("[(uint32 1, (40.0, 40.0), (41.0, 41.0))]"));
    g_autoptr(GBytes) none = payload_with_leaders (
      g_variant_new_parsed ("@a(u(dd)(dd)) []"));
    g_autoptr(AmScene) s1 = NULL;
    g_autoptr(AmScene) s2 = NULL;
    g_autoptr(AmScene) s3 = NULL;
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(GError) e3 = NULL;

    s1 = am_scene_deserialize (unlabelled, &e1);
    g_assert_null (s1);
    g_assert_error (e1, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
    g_assert_nonnull (strstr (e1->message, "leader"));
    s2 = am_scene_deserialize (nowhere, &e2);
    g_assert_null (s2);
    g_assert_error (e2, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE);
    g_assert_nonnull (strstr (e2->message, "leader"));
    s3 = am_scene_deserialize (none, &e3);
    g_assert_no_error (e3);
    g_assert_false (am_scene_get_edge (s3, 0)->has_leader);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Scene/leaders", test_leaders);

  g_test_add_func ("/Actormap/Scene/builder-valid", test_builder_valid);
  g_test_add_func ("/Actormap/Scene/ref-counting", test_ref_counting);
  g_test_add_func ("/Actormap/Scene/builder-edge-cases", test_builder_edge_cases_accepted);
  g_test_add_func ("/Actormap/Scene/empty", test_empty_scene);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/Scene/builder-rejects/%s",
                                               bad_cases[i].path);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_builder_rejects);
    }
  g_test_add_func ("/Actormap/Scene/hit-test", test_hit_test);
  g_test_add_func ("/Actormap/Scene/hit-test-topmost-node", test_hit_test_topmost_node);
  g_test_add_func ("/Actormap/Scene/hit-test-random", test_hit_test_random);
  g_test_add_func ("/Actormap/Scene/query-rect", test_query_rect);
  g_test_add_func ("/Actormap/Scene/query-rect-large", test_query_rect_large);
  g_test_add_func ("/Actormap/Scene/query-rect-appends", test_query_rect_appends);
  g_test_add_func ("/Actormap/Scene/serialize-round-trip", test_serialize_round_trip);
  g_test_add_func ("/Actormap/Scene/deserialize-truncated", test_deserialize_truncated);
  g_test_add_func ("/Actormap/Scene/deserialize-garbage", test_deserialize_garbage);
  g_test_add_func ("/Actormap/Scene/deserialize-bit-flips", test_deserialize_bit_flips);
  g_test_add_func ("/Actormap/Scene/caption-slots", test_caption_slots);
  g_test_add_func ("/Actormap/Scene/deserialize-tampered", test_deserialize_tampered);

  return g_test_run ();
}
