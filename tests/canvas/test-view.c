/* test-view.c — the canvas's view maths, arrow-key choice and overlay items, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-canvas-overlay.h"
#include "am-viewport.h"

#define EPS 1e-9

static AmViewport
make_view (double center_x,
           double center_y,
           double zoom)
{
  return (AmViewport) { center_x, center_y, zoom, 800, 600 };
}

static void
test_round_trip (void)
{
  AmViewport view = make_view (100, 50, 2.0);
  double sx, sy, wx, wy;

  /* The centre maps to the widget's middle. */
  g_assert_true (am_view_scene_to_widget (&view, 100, 50, &wx, &wy));
  g_assert_cmpfloat_with_epsilon (wx, 400, EPS);
  g_assert_cmpfloat_with_epsilon (wy, 300, EPS);

  /* Ten points right is twenty pixels right at zoom 2. */
  am_view_scene_to_widget (&view, 110, 40, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 420, EPS);
  g_assert_cmpfloat_with_epsilon (wy, 280, EPS);

  am_view_widget_to_scene (&view, 13, 577, &sx, &sy);
  am_view_scene_to_widget (&view, sx, sy, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 13, EPS);
  g_assert_cmpfloat_with_epsilon (wy, 577, EPS);

  /* Outside the widget: coordinates still set, FALSE returned. */
  g_assert_false (am_view_scene_to_widget (&view, 1000, 50, &wx, &wy));
  g_assert_cmpfloat_with_epsilon (wx, 400 + 900 * 2, EPS);
  g_assert_false (am_view_scene_to_widget (&view, 100 - 201, 50, NULL, NULL));
}

static void
test_zoom_about_keeps_anchor (void)
{
  AmViewport view = make_view (100, 50, 1.0);
  double before_x, before_y, after_x, after_y;

  am_view_widget_to_scene (&view, 700, 100, &before_x, &before_y);
  g_assert_true (am_view_zoom_about (&view, 3.0, 700, 100));
  g_assert_cmpfloat (view.zoom, ==, 3.0);
  am_view_widget_to_scene (&view, 700, 100, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-9);

  /* Clamped at both ends, and the anchor still holds. */
  g_assert_true (am_view_zoom_about (&view, 1000, 700, 100));
  g_assert_cmpfloat (view.zoom, ==, AM_VIEW_MAX_ZOOM);
  am_view_widget_to_scene (&view, 700, 100, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
  g_assert_true (am_view_zoom_about (&view, 0, 700, 100));
  g_assert_cmpfloat (view.zoom, ==, AM_VIEW_MIN_ZOOM);

  /* A non-finite zoom changes nothing. */
  {
    AmViewport copy = view;

    g_assert_false (am_view_zoom_about (&view, NAN, 10, 10));
    g_assert_false (am_view_zoom_about (&view, INFINITY, 10, 10));
    g_assert_cmpmem (&copy, sizeof copy, &view, sizeof view);
  }
}

static void
test_pan (void)
{
  AmViewport view = make_view (100, 50, 2.0);

  g_assert_true (am_view_pan_by (&view, 40, -20));
  g_assert_cmpfloat_with_epsilon (view.center_x, 120, EPS);
  g_assert_cmpfloat_with_epsilon (view.center_y, 40, EPS);
  g_assert_false (am_view_pan_by (&view, NAN, 0));
  g_assert_cmpfloat_with_epsilon (view.center_x, 120, EPS);
}

static void
test_clamp (void)
{
  g_assert_cmpfloat (am_view_clamp_zoom (0.001), ==, AM_VIEW_MIN_ZOOM);
  g_assert_cmpfloat (am_view_clamp_zoom (1e6), ==, AM_VIEW_MAX_ZOOM);
  g_assert_cmpfloat (am_view_clamp_zoom (1.5), ==, 1.5);
}

static void
test_fit (void)
{
  AmRect wide = { 0, 0, 1600, 200 };
  AmRect tiny = { 0, 0, 20, 10 };
  AmViewport view = make_view (0, 0, 1.0);
  double x0, y0, x1, y1;

  /* The width limits: (800 - 2 × 16) / 1600. */
  am_view_fit (&view, &wide, 0, 0);
  g_assert_cmpfloat_with_epsilon (view.zoom, (800 - 2 * AM_VIEW_FIT_PADDING) / 1600, EPS);
  g_assert_cmpfloat_with_epsilon (view.center_x, 800, EPS);
  g_assert_cmpfloat_with_epsilon (view.center_y, 100, EPS);
  /* Both ends inside the widget, padding kept. */
  am_view_scene_to_widget (&view, 0, 0, &x0, &y0);
  am_view_scene_to_widget (&view, 1600, 200, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, AM_VIEW_FIT_PADDING, 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, 800 - AM_VIEW_FIT_PADDING, 1e-6);

  /* A tiny scene is not blown up past the fit limit. */
  am_view_fit (&view, &tiny, 0, 0);
  g_assert_cmpfloat (view.zoom, ==, AM_VIEW_FIT_MAX_ZOOM);
}

static void
test_fit_beside_legend (void)
{
  AmRect tall = { 0, 0, 200, 1000 };
  AmRect wide = { 0, 0, 2000, 100 };
  AmViewport view = make_view (0, 0, 1.0);
  double x, y;

  g_assert_true (am_view_legend_fits (&view, 150, 100));
  /* More than a quarter of the width, or taller than the widget: left out. */
  g_assert_false (am_view_legend_fits (&view, 200 - 2 * AM_VIEW_LEGEND_MARGIN + 1, 100));
  g_assert_false (am_view_legend_fits (&view, 100, 600));
  g_assert_false (am_view_legend_fits (&view, 0, 0));

  {
    AmRect rect;

    am_view_legend_rect (&view, 150, 100, &rect);
    g_assert_cmpfloat (rect.x, ==, AM_VIEW_LEGEND_MARGIN);
    g_assert_cmpfloat (rect.y + rect.height, ==, 600 - AM_VIEW_LEGEND_MARGIN);
    g_assert_cmpfloat (rect.width, ==, 150);
  }

  /* A tall map goes beside the legend: its left edge is right of the legend. */
  am_view_fit (&view, &tall, 150, 100);
  am_view_scene_to_widget (&view, 0, 0, &x, &y);
  g_assert_cmpfloat (x, >=, 150 + AM_VIEW_LEGEND_MARGIN - 1e-6);
  g_assert_cmpfloat_with_epsilon (view.zoom, (600 - 2 * AM_VIEW_FIT_PADDING) / 1000, EPS);

  /* A wide map goes above it: its bottom edge is above the legend. */
  am_view_fit (&view, &wide, 150, 100);
  am_view_scene_to_widget (&view, 2000, 100, &x, &y);
  g_assert_cmpfloat (y, <=, 600 - 100 - AM_VIEW_LEGEND_MARGIN + 1e-6);
  g_assert_cmpfloat_with_epsilon (view.zoom, (800 - 2 * AM_VIEW_FIT_PADDING) / 2000, EPS);
}

static void
test_text_floor (void)
{
  /* A small map keeps labels down to a lower zoom: the cut-off sees at least 6 px text. */
  g_assert_cmpfloat (am_view_text_pixels_per_point (30, 0.45), >, 0.45);
  g_assert_cmpfloat (am_view_text_pixels_per_point (30, 0.45) * 11.0, >=, 6.0);
  /* Not below the floor, not on a big map, and never less than asked. */
  g_assert_cmpfloat (am_view_text_pixels_per_point (30, 0.2), ==, 0.2);
  g_assert_cmpfloat (am_view_text_pixels_per_point (5000, 0.45), ==, 0.45);
  g_assert_cmpfloat (am_view_text_pixels_per_point (30, 3.0), ==, 3.0);
}

static void
test_fly (void)
{
  AmViewport view = make_view (0, 0, 0.2);
  AmRect box = { 500, 300, 40, 20 };
  AmRect huge = { 0, 0, 4000, 100 };
  AmViewport target, step;

  /* Too small to read: zoom to 1, centred on the box. */
  am_view_fly_target (&view, &box, &target);
  g_assert_cmpfloat (target.zoom, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (target.center_x, 520, EPS);
  g_assert_cmpfloat_with_epsilon (target.center_y, 310, EPS);
  g_assert_cmpfloat (target.width, ==, view.width);

  /* Readable already: the zoom stays. */
  view.zoom = 3.0;
  am_view_fly_target (&view, &box, &target);
  g_assert_cmpfloat (target.zoom, ==, 3.0);

  /* Never so far in that the box does not fit. */
  view.zoom = 3.0;
  am_view_fly_target (&view, &huge, &target);
  g_assert_cmpfloat_with_epsilon (target.zoom, 0.8 * 800 / 4000, EPS);

  /* Ends exactly, starts exactly, moves monotonically, zoom even in log space. */
  view = make_view (0, 0, 1.0);
  target = make_view (100, 200, 4.0);
  am_view_fly_step (&view, &target, 0.0, &step);
  g_assert_cmpfloat_with_epsilon (step.center_x, 0, EPS);
  g_assert_cmpfloat_with_epsilon (step.zoom, 1.0, EPS);
  am_view_fly_step (&view, &target, 1.0, &step);
  g_assert_cmpfloat (step.center_x, ==, 100);
  g_assert_cmpfloat (step.zoom, ==, 4.0);
  am_view_fly_step (&view, &target, 7.0, &step);
  g_assert_cmpfloat (step.zoom, ==, 4.0);

  {
    double last = -1;

    for (int i = 0; i <= 10; i++)
      {
        am_view_fly_step (&view, &target, i / 10.0, &step);
        g_assert_cmpfloat (step.center_x, >=, last);
        last = step.center_x;
        /* Ease-out: past the middle of the way at the middle of the time. */
        if (i == 5)
          {
            g_assert_cmpfloat (step.center_x, >, 50);
            /* The zoom is the same share of the way in log space as the centre. */
            g_assert_cmpfloat_with_epsilon (log (step.zoom) / log (4.0), step.center_x / 100,
                                            1e-9);
          }
      }
  }
}

static void
test_pictures (void)
{
  AmViewport view = make_view (100, 50, 2.0);
  AmViewPicture picture;
  double ox, oy, factor;

  am_view_base_picture (&view, 1, &picture);
  /* A margin of a quarter of the viewport on each side, capped at 320 px. */
  g_assert_cmpfloat (picture.width, ==, 800 + 2 * 200);
  g_assert_cmpfloat (picture.height, ==, 600 + 2 * 150);
  g_assert_cmpfloat_with_epsilon (picture.x, 100 - 600 / 2.0, EPS);
  g_assert_true (am_view_picture_covers (&view, &picture));
  g_assert_true (am_view_picture_is_settled (&view, &picture));

  /* Drawn one to one, its corner a margin up and left of the widget's. */
  am_view_picture_transform (&view, &picture, 1, &ox, &oy, &factor);
  g_assert_cmpfloat (factor, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (ox, -200, EPS);
  g_assert_cmpfloat_with_epsilon (oy, -150, EPS);

  /* A short pan: still covered and settled.  A long one: covered, no longer settled
   * (time to re-centre).  Past the margin: not covered. */
  am_view_pan_by (&view, 30, 0);
  g_assert_true (am_view_picture_is_settled (&view, &picture));
  am_view_pan_by (&view, 140, 0);
  g_assert_true (am_view_picture_covers (&view, &picture));
  g_assert_false (am_view_picture_is_settled (&view, &picture));
  am_view_pan_by (&view, 100, 0);
  g_assert_false (am_view_picture_covers (&view, &picture));

  /* Another zoom: scaled, never settled. */
  view = make_view (100, 50, 4.0);
  g_assert_false (am_view_picture_is_settled (&view, &picture));
  am_view_picture_transform (&view, &picture, 1, &ox, &oy, &factor);
  g_assert_cmpfloat (factor, ==, 2.0);

  /* HiDPI: whole device pixels, and the cap counts in device pixels. */
  view = (AmViewport) { 0, 0, 1.0, 3000, 2000 };
  am_view_base_picture (&view, 2, &picture);
  g_assert_cmpfloat (picture.width, ==, 3000 + 2 * 160);
  g_assert_cmpfloat (fmod (picture.width * 2, 1.0), ==, 0);
}

static AmScene *
make_nav_scene (void)
{
  /* A grid:   a(0,0)  b(200,0)        c(400,0)
   *           d(0,200)                e(400,200)
   * Edges a→b, a→d, b→c (labelled at (300, -)), and the edge a→e. */
  static const struct { const char *id; double x, y; } nodes[] = {
    { "a", 20, 20 }, { "b", 220, 20 }, { "c", 420, 20 }, { "d", 20, 220 }, { "e", 420, 220 },
  };
  static const char *edges[][3] = {
    { "ab", "a", "b" }, { "ad", "a", "d" }, { "bc", "b", "c" }, { "ae", "a", "e" },
  };
  AmRect bounds = { 0, 0, 500, 300 };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmScene *scene;

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      AmSceneNode node = { (char *) nodes[i].id, (char *) nodes[i].id, (char *) "person",
                           AM_NODE_SHAPE_BOX, { nodes[i].x, nodes[i].y, 40, 20 } };

      am_scene_builder_add_node (builder, &node);
    }
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      AmPoint points[4] = { { 40, 40 }, { 41, 41 }, { 42, 42 }, { 43, 43 } };
      AmSceneEdge edge = { 0, };

      edge.id = (char *) edges[i][0];
      edge.source = (char *) edges[i][1];
      edge.target = (char *) edges[i][2];
      edge.points = points;
      edge.n_points = 4;
      if (i == 2)
        {
          edge.has_label = TRUE;
          edge.label = (char *) "bc";
          edge.label_box = (AmRect) { 300, 20, 20, 10 };
        }
      am_scene_builder_add_edge (builder, &edge);
    }

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

static const char *
pick (AmScene    *scene,
      const char *selection,
      int         dx,
      int         dy)
{
  AmViewport view = make_view (380, 220, 1.0);
  gint index = am_view_nav_pick (scene, selection, &view, dx, dy);

  return index >= 0 ? am_scene_get_node (scene, index)->id : NULL;
}

static void
test_nav (void)
{
  g_autoptr(AmScene) scene = make_nav_scene ();

  /* Nothing selected: the node nearest the view's centre, whatever the key. */
  g_assert_cmpstr (pick (scene, NULL, 1, 0), ==, "e");
  g_assert_cmpstr (pick (scene, "nonesuch", -1, 0), ==, "e");

  /* From a along its edges. */
  g_assert_cmpstr (pick (scene, "a", 1, 0), ==, "b");
  g_assert_cmpstr (pick (scene, "a", 0, 1), ==, "d");
  /* Nothing up or left of a. */
  g_assert_null (pick (scene, "a", 0, -1));
  g_assert_null (pick (scene, "a", -1, 0));

  /* From d, right: e is straight ahead but not joined to d (d's only neighbour is a,
   * which is up); any node in the direction will do. */
  g_assert_cmpstr (pick (scene, "d", 1, 0), ==, "e");
  g_assert_cmpstr (pick (scene, "d", 0, -1), ==, "a");

  /* From an edge: its ends, from its label's centre. */
  g_assert_cmpstr (pick (scene, "bc", 1, 0), ==, "c");
  g_assert_cmpstr (pick (scene, "bc", -1, 0), ==, "b");
}

static gboolean
overlay_has (AmScene    *overlay,
             const char *id)
{
  return am_scene_find_node (overlay, id) >= 0 || am_scene_find_edge (overlay, id) >= 0;
}

/* The overlay takes the selected and hovered items with their edges and neighbours, in
 * scene order, and nothing else. */
static void
test_overlay_items (void)
{
  g_autoptr(AmScene) scene = make_nav_scene ();
  g_autoptr(AmScene) overlay = NULL;
  g_autoptr(GHashTable) labels_only = NULL;
  static const char *with_a[] = { "a", "b", "d", "e", "ab", "ad", "ae" };

  g_assert_null (am_canvas_overlay_build (scene, NULL, NULL, NULL, &labels_only));
  g_assert_null (am_canvas_overlay_build (scene, NULL, "nonesuch", NULL, &labels_only));

  overlay = am_canvas_overlay_build (scene, NULL, "a", NULL, &labels_only);
  g_assert_nonnull (overlay);
  for (guint i = 0; i < G_N_ELEMENTS (with_a); i++)
    g_assert_true (overlay_has (overlay, with_a[i]));
  g_assert_false (overlay_has (overlay, "c"));
  g_assert_false (overlay_has (overlay, "bc"));
  g_assert_cmpuint (am_scene_get_n_nodes (overlay) + am_scene_get_n_edges (overlay), ==,
                    G_N_ELEMENTS (with_a));
  /* Scene order is drawing order. */
  g_assert_cmpstr (am_scene_get_node (overlay, 0)->id, ==, "a");
  g_assert_cmpstr (am_scene_get_node (overlay, 3)->id, ==, "e");
  g_clear_pointer (&overlay, am_scene_unref);

  /* A hovered edge brings its ends; the selection's neighbourhood stays. */
  overlay = am_canvas_overlay_build (scene, NULL, "d", "bc", &labels_only);
  g_assert_nonnull (overlay);
  g_assert_true (overlay_has (overlay, "bc"));
  g_assert_true (overlay_has (overlay, "b"));
  g_assert_true (overlay_has (overlay, "c"));
  g_assert_true (overlay_has (overlay, "ad"));
  g_assert_true (overlay_has (overlay, "a"));
  g_assert_false (overlay_has (overlay, "ab"));
  g_assert_false (overlay_has (overlay, "e"));
}

/* The labels a selected item's edges run through are drawn again above the overlay's
 * strokes; a label elsewhere in the edge's box is not, however long the edge. */
static void
test_overlay_covered_labels (void)
{
  /* a (top left) to b (bottom right): a diagonal 2 000 points long.  cd's label sits on
   * it; ef's label is inside its box, far from the line. */
  static const struct { const char *id; double x, y; } nodes[] = {
    { "a", 0, 0 }, { "b", 1980, 1980 }, { "c", 900, 1400 }, { "d", 1400, 900 },
    { "e", 100, 1800 }, { "f", 300, 1800 },
  };
  AmRect bounds = { 0, 0, 2100, 2100 };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmScene) overlay = NULL;
  g_autoptr(GHashTable) labels_only = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      AmSceneNode node = { (char *) nodes[i].id, (char *) nodes[i].id, (char *) "person",
                           AM_NODE_SHAPE_BOX, { nodes[i].x, nodes[i].y, 20, 20 } };

      am_scene_builder_add_node (builder, &node);
    }
  {
    AmPoint ab[4] = { { 20, 20 }, { 660, 660 }, { 1320, 1320 }, { 1980, 1980 } };
    AmPoint cd[4] = { { 910, 1400 }, { 1080, 1230 }, { 1230, 1080 }, { 1400, 910 } };
    AmPoint ef[4] = { { 120, 1810 }, { 180, 1810 }, { 240, 1810 }, { 300, 1810 } };
    AmSceneEdge edge = { 0, };

    edge = (AmSceneEdge) { .id = (char *) "ab", .source = (char *) "a", .target = (char *) "b",
                           .points = ab, .n_points = 4 };
    am_scene_builder_add_edge (builder, &edge);
    edge = (AmSceneEdge) { .id = (char *) "cd", .source = (char *) "c", .target = (char *) "d",
                           .points = cd, .n_points = 4, .has_label = TRUE,
                           .label = (char *) "on the line",
                           .label_box = { 1130, 1140, 60, 12 } };
    am_scene_builder_add_edge (builder, &edge);
    edge = (AmSceneEdge) { .id = (char *) "ef", .source = (char *) "e", .target = (char *) "f",
                           .points = ef, .n_points = 4, .has_label = TRUE,
                           .label = (char *) "far off", .label_box = { 180, 1790, 60, 12 } };
    am_scene_builder_add_edge (builder, &edge);
  }
  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);

  overlay = am_canvas_overlay_build (scene, NULL, "a", NULL, &labels_only);
  g_assert_nonnull (overlay);
  g_assert_nonnull (labels_only);
  g_assert_true (g_hash_table_contains (labels_only, "cd"));
  g_assert_false (g_hash_table_contains (labels_only, "ef"));
  g_assert_true (overlay_has (overlay, "cd"));
  g_assert_false (overlay_has (overlay, "ef"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/View/round-trip", test_round_trip);
  g_test_add_func ("/Actormap/View/zoom-about-keeps-anchor", test_zoom_about_keeps_anchor);
  g_test_add_func ("/Actormap/View/pan", test_pan);
  g_test_add_func ("/Actormap/View/clamp", test_clamp);
  g_test_add_func ("/Actormap/View/fit", test_fit);
  g_test_add_func ("/Actormap/View/fit-beside-legend", test_fit_beside_legend);
  g_test_add_func ("/Actormap/View/text-floor", test_text_floor);
  g_test_add_func ("/Actormap/View/fly", test_fly);
  g_test_add_func ("/Actormap/View/pictures", test_pictures);
  g_test_add_func ("/Actormap/View/nav", test_nav);
  g_test_add_func ("/Actormap/View/overlay-items", test_overlay_items);
  g_test_add_func ("/Actormap/View/overlay-covered-labels", test_overlay_covered_labels);

  return g_test_run ();
}
