/* am-geometry.c — rectangles, segments and cubic Béziers in scene points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-geometry.h"

gboolean
am_rect_is_finite (const AmRect *rect)
{
  return isfinite (rect->x) && isfinite (rect->y) &&
         isfinite (rect->width) && isfinite (rect->height);
}

gboolean
am_rect_intersects (const AmRect *a,
                    const AmRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

gboolean
am_rect_contains_rect (const AmRect *outer,
                       const AmRect *inner)
{
  return outer->x <= inner->x && outer->y <= inner->y &&
         outer->x + outer->width >= inner->x + inner->width &&
         outer->y + outer->height >= inner->y + inner->height;
}

gboolean
am_rect_contains_point (const AmRect *rect,
                        double        x,
                        double        y,
                        double        slack)
{
  return x >= rect->x - slack && x <= rect->x + rect->width + slack &&
         y >= rect->y - slack && y <= rect->y + rect->height + slack;
}

double
am_rect_distance_to_point (const AmRect *rect,
                           double        x,
                           double        y)
{
  double dx = MAX (MAX (rect->x - x, 0.0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0.0), y - (rect->y + rect->height));

  return hypot (dx, dy);
}

void
am_extent_init (AmExtent *extent)
{
  extent->x0 = extent->y0 = INFINITY;
  extent->x1 = extent->y1 = -INFINITY;
}

void
am_extent_add_point (AmExtent *extent,
                     double    x,
                     double    y)
{
  extent->x0 = MIN (extent->x0, x);
  extent->y0 = MIN (extent->y0, y);
  extent->x1 = MAX (extent->x1, x);
  extent->y1 = MAX (extent->y1, y);
}

void
am_extent_add_rect (AmExtent     *extent,
                    const AmRect *rect)
{
  am_extent_add_point (extent, rect->x, rect->y);
  am_extent_add_point (extent, rect->x + rect->width, rect->y + rect->height);
}

void
am_extent_to_rect (const AmExtent *extent,
                   const AmRect   *clip,
                   AmRect         *rect)
{
  double x0 = CLAMP (extent->x0, clip->x, clip->x + clip->width);
  double y0 = CLAMP (extent->y0, clip->y, clip->y + clip->height);
  double x1 = CLAMP (extent->x1, clip->x, clip->x + clip->width);
  double y1 = CLAMP (extent->y1, clip->y, clip->y + clip->height);

  rect->x = x0;
  rect->y = y0;
  rect->width = MAX (0.0, x1 - x0);
  rect->height = MAX (0.0, y1 - y0);
}

double
am_point_segment_distance (double         px,
                           double         py,
                           const AmPoint *a,
                           const AmPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = 0;

  if (len2 > 0)
    t = CLAMP (((px - a->x) * dx + (py - a->y) * dy) / len2, 0.0, 1.0);

  return hypot (px - (a->x + t * dx), py - (a->y + t * dy));
}

AmPoint
am_bezier_point (const AmPoint *p,
                 double         t)
{
  double u = 1.0 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (AmPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                     a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/* How far the uniform n-piece polyline of a cubic can stray from the curve:
 * (1/8) · max|B''| / n², with max|B''| ≤ 6 · max |P[i] − 2 P[i+1] + P[i+2]|. */
static double
bezier_second_difference (const AmPoint *p)
{
  double m = 0;

  for (guint i = 0; i < 2; i++)
    {
      double dx = p[i].x - 2 * p[i + 1].x + p[i + 2].x;
      double dy = p[i].y - 2 * p[i + 1].y + p[i + 2].y;
      m = MAX (m, hypot (dx, dy));
    }

  return m;
}

guint
am_bezier_pieces_for_flatness (const AmPoint *p,
                               double         flatness)
{
  double m = bezier_second_difference (p);
  double n = ceil (sqrt (0.75 * m / flatness));

  /* Written so that NaN (a zero flatness on a straight cubic) gives one piece. */
  if (!(n >= 1.0))
    return 1;

  return (guint) MIN (n, (double) AM_BEZIER_MAX_PIECES);
}

double
am_bezier_flatness_for_pieces (const AmPoint *p,
                               guint          n)
{
  return 0.75 * bezier_second_difference (p) / ((double) n * n);
}

double
am_point_bezier_distance (double         px,
                          double         py,
                          const AmPoint *p,
                          double         flatness)
{
  guint n = am_bezier_pieces_for_flatness (p, flatness);
  AmPoint prev = p[0];
  double best = INFINITY;

  for (guint j = 1; j <= n; j++)
    {
      AmPoint cur = am_bezier_point (p, (double) j / n);

      best = MIN (best, am_point_segment_distance (px, py, &prev, &cur));
      prev = cur;
    }

  return best;
}

double
am_arrow_half_width (const AmPoint *base,
                     const AmPoint *tip)
{
  return 0.5 * hypot (tip->x - base->x, tip->y - base->y) + 1.0;
}
