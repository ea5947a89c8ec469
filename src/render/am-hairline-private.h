/* am-hairline-private.h — one-pixel aliased lines drawn straight into an image's pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-scene.h"

G_BEGIN_DECLS

/*
 * The cairo painter's thin strokes below natural size (AmPainter.thin_strokes) on an
 * image surface.  Cairo 1.16 composites every span of an aliased stroke with its own
 * pixman call, which made edges crossing the view most of a 20 000-actor frame; this
 * steps once along each line's major axis, one pixel per step, and blends the colour
 * there.  Its alpha is scaled by the segment's length per step (up to √2 on a diagonal),
 * so a line is as dark overall as cairo's one-pixel-wide aliased stroke, which fills
 * about that many pixel centres per step.  Segments are clipped to the target first, so
 * a long edge that crosses the view costs only its visible part.
 *
 * Written here rather than taken from a library: cairo is the library, and pixman under
 * it has no line primitive, only the per-span composites that cost the time; Debian 12
 * packages no rasteriser that draws into a cairo image surface's own pixels.
 *
 * Pixels are cairo's ARGB32 or RGB24 (native-endian 32-bit words, premultiplied).
 */
typedef struct
{
  guint8 *data;
  int     stride;
  /* Pixels outside [x0, x1) × [y0, y1) are never touched. */
  int     x0;
  int     y0;
  int     x1;
  int     y1;
} AmHairlineTarget;

/* Strokes the polyline @points (@n_points ≥ 2, device pixels, pixel (i, j) covering
 * [i, i + 1) × [j, j + 1)) in @red, @green, @blue (0–1, not premultiplied) at @alpha. */
void _am_hairline_polyline (const AmHairlineTarget *target,
                            const AmPoint          *points,
                            guint                   n_points,
                            double                  red,
                            double                  green,
                            double                  blue,
                            double                  alpha);

G_END_DECLS
