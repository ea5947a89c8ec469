/* am-hairline.c — one-pixel aliased lines drawn straight into an image's pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-hairline-private.h"

/* @dst × @ia / 255 per byte, rounded as pixman rounds, plus @src: OVER with a
 * premultiplied @src whose alpha is 255 − @ia.  No byte overflows, as @src ≤ its alpha. */
static inline guint32
over (guint32 src,
      guint32 dst,
      guint32 ia)
{
  guint32 rb = (dst & 0xff00ff) * ia + 0x800080;
  guint32 ag = ((dst >> 8) & 0xff00ff) * ia + 0x800080;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = (ag + ((ag >> 8) & 0xff00ff)) & 0xff00ff00;

  return src + (rb | ag);
}

/* Cuts the segment a–b to the target's rectangle (Liang–Barsky).  FALSE when nothing
 * of it is inside. */
static gboolean
clip_segment (const AmHairlineTarget *target,
              AmPoint                *a,
              AmPoint                *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - target->x0, target->x1 - a->x, a->y - target->y0, target->y1 - a->y };
  double t0 = 0, t1 = 1;
  AmPoint start = *a;

  for (int k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }

      double r = q[k] / p[k];

      if (p[k] < 0)
        {
          if (r > t1)
            return FALSE;
          t0 = MAX (t0, r);
        }
      else
        {
          if (r < t0)
            return FALSE;
          t1 = MIN (t1, r);
        }
    }

  *a = (AmPoint) { start.x + t0 * dx, start.y + t0 * dy };
  *b = (AmPoint) { start.x + t1 * dx, start.y + t1 * dy };
  return TRUE;
}

/* One pixel per column (or row, for a steep segment) whose centre lies in [a, b) along
 * the major axis: consecutive segments of a polyline share no pixel. */
static void
segment (const AmHairlineTarget *target,
         AmPoint                 a,
         AmPoint                 b,
         double                  red,
         double                  green,
         double                  blue,
         double                  alpha)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  gboolean steep = fabs (dy) > fabs (dx);
  double major = steep ? fabs (dy) : fabs (dx);
  double along_a, along_b, across_a, across, slope, a_step;
  guint32 src, ia, a8;
  int first, end, lo, hi, across_lo, across_hi;

  if (major < 1e-9)
    return;

  /* As dark as a stroke one pixel wide: that covers length × 1 pixels, this one pixel a
   * step. */
  a_step = MIN (alpha * sqrt (dx * dx + dy * dy) / major, 1.0);
  a8 = (guint32) (a_step * 255 + 0.5);
  if (a8 == 0 || !clip_segment (target, &a, &b))
    return;

  src = a8 << 24 |
        (guint32) (red * a_step * 255 + 0.5) << 16 |
        (guint32) (green * a_step * 255 + 0.5) << 8 |
        (guint32) (blue * a_step * 255 + 0.5);
  ia = 255 - a8;

  along_a = steep ? a.y : a.x;
  along_b = steep ? b.y : b.x;
  across_a = steep ? a.x : a.y;
  slope = steep ? dx / dy : dy / dx;
  if (along_a > along_b)
    {
      double t = along_a;

      across_a += (along_b - along_a) * slope;
      along_a = along_b;
      along_b = t;
    }

  lo = steep ? target->y0 : target->x0;
  hi = steep ? target->y1 : target->x1;
  across_lo = steep ? target->x0 : target->y0;
  across_hi = steep ? target->x1 : target->y1;
  first = MAX ((int) ceil (along_a - 0.5), lo);
  end = MIN ((int) ceil (along_b - 0.5), hi);

  if (first >= end)
    return;

  across = across_a + (first + 0.5 - along_a) * slope;
  for (int i = first; i < end; i++, across += slope)
    {
      /* floor(), as the clipped line stays near the target: truncation, below 0 too. */
      int j = across >= 0 ? (int) across : -1;
      guint32 *pixel;

      if (j < across_lo || j >= across_hi)
        continue;

      pixel = steep ? (guint32 *) (void *) (target->data + (gsize) i * target->stride) + j
                    : (guint32 *) (void *) (target->data + (gsize) j * target->stride) + i;
      *pixel = over (src, *pixel, ia);
    }
}

void
_am_hairline_polyline (const AmHairlineTarget *target,
                       const AmPoint          *points,
                       guint                   n_points,
                       double                  red,
                       double                  green,
                       double                  blue,
                       double                  alpha)
{
  g_return_if_fail (target != NULL && points != NULL);

  if (!(alpha > 0) || target->x1 <= target->x0 || target->y1 <= target->y0)
    return;

  red = CLAMP (red, 0.0, 1.0);
  green = CLAMP (green, 0.0, 1.0);
  blue = CLAMP (blue, 0.0, 1.0);
  alpha = MIN (alpha, 1.0);

  for (guint i = 0; i + 1 < n_points; i++)
    segment (target, points[i], points[i + 1], red, green, blue, alpha);
}
