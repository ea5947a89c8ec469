/* am-geometry.h — rectangles, segments and cubic Béziers in scene points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place for the plane geometry the scene's checks, its index and hit-test, the
 * renderer's culling and the canvas use.  Rectangles are closed: touching counts.
 */
#pragma once

#include "am-scene.h"

G_BEGIN_DECLS

/* A bezier polyline is never cut into more pieces than this, however curved. */
#define AM_BEZIER_MAX_PIECES 1024

/* Every field finite. */
gboolean am_rect_is_finite        (const AmRect  *rect);
/* Whether the two closed rectangles share at least a point. */
gboolean am_rect_intersects       (const AmRect  *a,
                                   const AmRect  *b);
/* Whether @inner lies inside @outer (edges may touch). */
gboolean am_rect_contains_rect    (const AmRect  *outer,
                                   const AmRect  *inner);
/* Whether (x, y) lies in @rect grown by @slack on every side. */
gboolean am_rect_contains_point   (const AmRect  *rect,
                                   double         x,
                                   double         y,
                                   double         slack);
/* Distance from (x, y) to the nearest point of @rect; 0 inside. */
double   am_rect_distance_to_point (const AmRect *rect,
                                    double        x,
                                    double        y);

/* The smallest rectangle around points added one by one.  Empty until the first. */
typedef struct
{
  double x0, y0, x1, y1;
} AmExtent;

void     am_extent_init           (AmExtent      *extent);
void     am_extent_add_point      (AmExtent      *extent,
                                   double         x,
                                   double         y);
void     am_extent_add_rect       (AmExtent      *extent,
                                   const AmRect  *rect);
/* The extent clamped to @clip; an empty extent gives a zero-size rectangle. */
void     am_extent_to_rect        (const AmExtent *extent,
                                   const AmRect   *clip,
                                   AmRect         *rect);

/* Distance from (px, py) to the segment a–b (a point when a == b). */
double   am_point_segment_distance (double         px,
                                    double         py,
                                    const AmPoint *a,
                                    const AmPoint *b);

/* The cubic p[0..3] at @t in [0, 1]. */
AmPoint  am_bezier_point          (const AmPoint *p,
                                   double         t);
/* Into how many equal pieces in t the cubic p[0..3] must be cut so that the polyline
 * strays no more than @flatness from the curve (at least 1, at most
 * AM_BEZIER_MAX_PIECES). */
guint    am_bezier_pieces_for_flatness (const AmPoint *p,
                                        double         flatness);
/* How far the @n-piece polyline of the cubic p[0..3] may stray from the curve. */
double   am_bezier_flatness_for_pieces (const AmPoint *p,
                                        guint          n);
/* Distance from (px, py) to the cubic p[0..3], to within @flatness. */
double   am_point_bezier_distance (double         px,
                                   double         py,
                                   const AmPoint *p,
                                   double         flatness);

/* Half the width of an arrowhead drawn from @base to @tip, used to pad boxes. */
double   am_arrow_half_width      (const AmPoint *base,
                                   const AmPoint *tip);

G_END_DECLS
