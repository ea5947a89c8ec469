/* test-geometry.c — the plane geometry of am-geometry.h, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-geometry.h"

static void
test_rect_finite (void)
{
  AmRect ok = { 1, 2, 3, 4 };
  AmRect nan_x = { NAN, 0, 1, 1 };
  AmRect inf_h = { 0, 0, 1, INFINITY };

  g_assert_true (am_rect_is_finite (&ok));
  g_assert_false (am_rect_is_finite (&nan_x));
  g_assert_false (am_rect_is_finite (&inf_h));
}

static void
test_rect_intersects (void)
{
  AmRect a = { 0, 0, 10, 10 };
  AmRect inside = { 2, 2, 1, 1 };
  AmRect touching = { 10, 10, 5, 5 };       /* closed rectangles: a shared corner counts */
  AmRect right = { 10.5, 0, 5, 5 };
  AmRect below = { 0, 11, 10, 1 };
  AmRect across = { -5, 4, 20, 1 };

  g_assert_true (am_rect_intersects (&a, &inside));
  g_assert_true (am_rect_intersects (&inside, &a));
  g_assert_true (am_rect_intersects (&a, &touching));
  g_assert_true (am_rect_intersects (&a, &across));
  g_assert_false (am_rect_intersects (&a, &right));
  g_assert_false (am_rect_intersects (&right, &a));
  g_assert_false (am_rect_intersects (&a, &below));
}

static void
test_rect_contains (void)
{
  AmRect outer = { 0, 0, 10, 10 };
  AmRect inner = { 1, 1, 8, 8 };
  AmRect same = outer;
  AmRect poking = { 5, 5, 6, 1 };

  g_assert_true (am_rect_contains_rect (&outer, &inner));
  g_assert_true (am_rect_contains_rect (&outer, &same));
  g_assert_false (am_rect_contains_rect (&inner, &outer));
  g_assert_false (am_rect_contains_rect (&outer, &poking));

  g_assert_true (am_rect_contains_point (&outer, 0, 0, 0));
  g_assert_true (am_rect_contains_point (&outer, 10, 10, 0));
  g_assert_false (am_rect_contains_point (&outer, 10.01, 5, 0));
  g_assert_true (am_rect_contains_point (&outer, 10.01, 5, 0.1));
  g_assert_false (am_rect_contains_point (&outer, -0.2, 5, 0.1));
  g_assert_false (am_rect_contains_point (&outer, NAN, 5, 1));
}

static void
test_rect_distance (void)
{
  AmRect r = { 0, 0, 10, 10 };

  g_assert_cmpfloat (am_rect_distance_to_point (&r, 5, 5), ==, 0);
  g_assert_cmpfloat (am_rect_distance_to_point (&r, 10, 3), ==, 0);
  g_assert_cmpfloat_with_epsilon (am_rect_distance_to_point (&r, 13, 5), 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (am_rect_distance_to_point (&r, 5, -2), 2, 1e-12);
  /* Beyond a corner: the distance to the corner. */
  g_assert_cmpfloat_with_epsilon (am_rect_distance_to_point (&r, 13, 14), 5, 1e-12);
}

static void
test_extent (void)
{
  AmRect clip = { 0, 0, 100, 100 };
  AmRect label = { 40, 50, 10, 5 };
  AmRect out;
  AmExtent e;

  am_extent_init (&e);
  am_extent_to_rect (&e, &clip, &out);
  g_assert_cmpfloat (out.width, ==, 0);
  g_assert_cmpfloat (out.height, ==, 0);

  am_extent_add_point (&e, 10, 20);
  am_extent_add_point (&e, 30, 5);
  am_extent_add_rect (&e, &label);
  am_extent_to_rect (&e, &clip, &out);
  g_assert_cmpfloat (out.x, ==, 10);
  g_assert_cmpfloat (out.y, ==, 5);
  g_assert_cmpfloat (out.width, ==, 40);
  g_assert_cmpfloat (out.height, ==, 50);

  /* Clamped to the clip. */
  am_extent_add_point (&e, -50, 500);
  am_extent_to_rect (&e, &clip, &out);
  g_assert_cmpfloat (out.x, ==, 0);
  g_assert_cmpfloat (out.y, ==, 5);
  g_assert_cmpfloat (out.width, ==, 50);
  g_assert_cmpfloat (out.height, ==, 95);
}

static void
test_point_segment (void)
{
  AmPoint a = { 0, 0 }, b = { 10, 0 };

  g_assert_cmpfloat_with_epsilon (am_point_segment_distance (5, 3, &a, &b), 3, 1e-12);
  /* Past an end: the distance to that end, not to the line. */
  g_assert_cmpfloat_with_epsilon (am_point_segment_distance (13, 4, &a, &b), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (am_point_segment_distance (-3, -4, &a, &b), 5, 1e-12);
  g_assert_cmpfloat (am_point_segment_distance (7, 0, &a, &b), ==, 0);
  /* A degenerate segment is a point. */
  g_assert_cmpfloat_with_epsilon (am_point_segment_distance (3, 4, &a, &a), 5, 1e-12);
}

static void
test_bezier (void)
{
  /* A straight cubic along the x axis, control points a third of the way apart. */
  AmPoint line[4] = { { 0, 0 }, { 10, 0 }, { 20, 0 }, { 30, 0 } };
  /* A symmetric arch from (0, 0) to (30, 0) whose top is at y = 7.5. */
  AmPoint arch[4] = { { 0, 0 }, { 0, 10 }, { 30, 10 }, { 30, 0 } };
  AmPoint mid;
  guint n;

  mid = am_bezier_point (line, 0.5);
  g_assert_cmpfloat_with_epsilon (mid.x, 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (mid.y, 0, 1e-12);
  mid = am_bezier_point (arch, 0.5);
  g_assert_cmpfloat_with_epsilon (mid.x, 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (mid.y, 7.5, 1e-12);
  mid = am_bezier_point (arch, 1.0);
  g_assert_cmpfloat_with_epsilon (mid.x, 30, 1e-12);

  /* A straight line needs one piece; a curve more, and more for a finer tolerance. */
  g_assert_cmpuint (am_bezier_pieces_for_flatness (line, 0.25), ==, 1);
  n = am_bezier_pieces_for_flatness (arch, 0.25);
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (am_bezier_pieces_for_flatness (arch, 0.01), >, n);
  g_assert_cmpfloat (am_bezier_flatness_for_pieces (arch, n), <=, 0.25);
  /* Never more than the cap, and never zero, even for a zero tolerance. */
  g_assert_cmpuint (am_bezier_pieces_for_flatness (arch, 0), ==, AM_BEZIER_MAX_PIECES);
  g_assert_cmpuint (am_bezier_pieces_for_flatness (line, 0), ==, 1);

  /* Distances: to the top of the arch, and under it. */
  g_assert_cmpfloat_with_epsilon (am_point_bezier_distance (15, 7.5, arch, 0.01), 0, 0.02);
  g_assert_cmpfloat_with_epsilon (am_point_bezier_distance (15, 10, arch, 0.01), 2.5, 0.02);
  g_assert_cmpfloat_with_epsilon (am_point_bezier_distance (15, -4, line, 0.25), 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_point_bezier_distance (-3, 4, line, 0.25), 5, 1e-9);
}

static void
test_arrow_half_width (void)
{
  AmPoint base = { 0, 0 }, tip = { 6, 8 };

  g_assert_cmpfloat_with_epsilon (am_arrow_half_width (&base, &tip), 6, 1e-12);
  g_assert_cmpfloat_with_epsilon (am_arrow_half_width (&base, &base), 1, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Geometry/rect-finite", test_rect_finite);
  g_test_add_func ("/Actormap/Geometry/rect-intersects", test_rect_intersects);
  g_test_add_func ("/Actormap/Geometry/rect-contains", test_rect_contains);
  g_test_add_func ("/Actormap/Geometry/rect-distance", test_rect_distance);
  g_test_add_func ("/Actormap/Geometry/extent", test_extent);
  g_test_add_func ("/Actormap/Geometry/point-segment", test_point_segment);
  g_test_add_func ("/Actormap/Geometry/bezier", test_bezier);
  g_test_add_func ("/Actormap/Geometry/arrow-half-width", test_arrow_half_width);

  return g_test_run ();
}
