/* am-viewport.h — the canvas's view transform, fit and fly-to maths, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-scene.h"

G_BEGIN_DECLS

/* The zoom (widget pixels per scene point) always lies in this range. */
#define AM_VIEW_MIN_ZOOM 0.01
#define AM_VIEW_MAX_ZOOM 40.0

/* Widget pixels kept free around a fitted scene, and the largest fit zoom: a tiny scene
 * is not blown up to fill a big window. */
#define AM_VIEW_FIT_PADDING  16.0
#define AM_VIEW_FIT_MAX_ZOOM 2.0
/* The legend's distance from the widget's edges. */
#define AM_VIEW_LEGEND_MARGIN 12.0

/*
 * What a canvas shows: the scene point at the widget centre, the zoom, and the widget's
 * size.  A plain value: every function here is pure, so all of it is tested without a
 * display (tests/canvas/test-view.c).
 */
typedef struct
{
  double center_x;
  double center_y;
  double zoom;
  double width;                 /* widget pixels */
  double height;
} AmViewport;

/*
 * A picture of the scene at one zoom (a cached layer): the scene point at its top-left
 * corner, and its size in widget pixels.
 */
typedef struct
{
  double x;
  double y;
  double zoom;
  double width;
  double height;
} AmViewPicture;

double   am_view_clamp_zoom          (double         zoom);

void     am_view_widget_to_scene     (const AmViewport  *view,
                                      double         widget_x,
                                      double         widget_y,
                                      double        *scene_x,
                                      double        *scene_y);
/* Both coordinates are always set; returns TRUE when the point lies inside the widget. */
gboolean am_view_scene_to_widget     (const AmViewport  *view,
                                      double         scene_x,
                                      double         scene_y,
                                      double        *widget_x,
                                      double        *widget_y);

/* Sets the zoom (clamped) and moves the centre so that scene point (@scene_x, @scene_y)
 * lies at widget (@widget_x, @widget_y).  Returns FALSE, changing nothing, when a value is
 * not finite. */
gboolean am_view_place               (AmViewport        *view,
                                      double         zoom,
                                      double         scene_x,
                                      double         scene_y,
                                      double         widget_x,
                                      double         widget_y);
/* Zooms keeping the scene point under widget (@widget_x, @widget_y) where it is. */
gboolean am_view_zoom_about          (AmViewport        *view,
                                      double         zoom,
                                      double         widget_x,
                                      double         widget_y);
/* Moves the view by (@dx, @dy) widget pixels. */
gboolean am_view_pan_by              (AmViewport        *view,
                                      double         dx,
                                      double         dy);

/* The zoom that shows @bounds whole in a @width × @height area, with padding. */
double   am_view_fit_zoom            (const AmRect  *bounds,
                                      double         width,
                                      double         height);
/* Whether a legend of that size is shown in the bottom-left corner: there is one, and it
 * takes at most a quarter of the width and fits the height. */
gboolean am_view_legend_fits         (const AmViewport  *view,
                                      double         legend_width,
                                      double         legend_height);
/* Where the legend goes: the bottom-left corner, a margin in from the edges. */
void     am_view_legend_rect         (const AmViewport  *view,
                                      double         legend_width,
                                      double         legend_height,
                                      AmRect        *rect);
/* Fits @bounds into the view; with a legend (width and height > 0), beside it or above
 * it, whichever shows the map larger. */
void     am_view_fit                 (AmViewport        *view,
                                      const AmRect  *bounds,
                                      double         legend_width,
                                      double         legend_height);

/* The canvas corners the legend may float in, in the order they are tried.  The
 * bottom-right corner is the zoom buttons'. */
typedef enum
{
  AM_VIEW_CORNER_BOTTOM_LEFT,
  AM_VIEW_CORNER_TOP_LEFT,
  AM_VIEW_CORNER_TOP_RIGHT,
} AmViewCorner;

/* Where the legend goes in @corner, a margin in from the edges (widget pixels). */
void     am_view_legend_rect_at      (const AmViewport  *view,
                                      AmViewCorner   corner,
                                      double         legend_width,
                                      double         legend_height,
                                      AmRect        *rect);
/* The same rectangle in scene points. */
void     am_view_legend_scene_rect   (const AmViewport  *view,
                                      AmViewCorner   corner,
                                      double         legend_width,
                                      double         legend_height,
                                      AmRect        *rect);
/* Whether nothing @scene draws (node, edge curve, arrowhead, edge label, group box)
 * comes within @rect (scene points), found through the scene's index. */
gboolean am_view_scene_area_is_clear (const AmScene *scene,
                                      const AmRect  *rect);
/* Fits @bounds of @scene into the whole view and returns the corner where a legend of
 * that size floats over none of what the scene draws: centred first, then pushed away
 * from a corner within the room the fit leaves.  Only when no corner is clear does the
 * map make room for the legend as am_view_fit() does (bottom-left).  Without a legend
 * (a size of 0), the plain fit. */
AmViewCorner am_view_fit_scene       (AmViewport        *view,
                                      const AmScene *scene,
                                      const AmRect  *bounds,
                                      double         legend_width,
                                      double         legend_height);

/* The renderer's text cut-off: on a small map (few nodes), node labels stay at fit down
 * to a lower zoom than usual.  @pixels_per_point is device pixels per scene point. */
double   am_view_text_pixels_per_point (guint        n_nodes,
                                        double       pixels_per_point);

/* Where a fly-to ends for an item with box @box: centred, zoomed in to a readable zoom
 * when text would be tiny, but never so far that the box does not fit. */
void     am_view_fly_target          (const AmViewport  *view,
                                      const AmRect  *box,
                                      AmViewport        *target);
/* The view at @t (0–1, clamped) of a fly from @from to @to: eased out, with the zoom even
 * in log space. */
void     am_view_fly_step            (const AmViewport  *from,
                                      const AmViewport  *to,
                                      double         t,
                                      AmViewport        *out);

/* The picture a base layer is rendered as for @view at device @scale: the viewport and a
 * margin on every side, so that a pan can reuse it. */
void     am_view_base_picture        (const AmViewport  *view,
                                      int            scale,
                                      AmViewPicture *picture);
/* Whether @picture covers the whole viewport. */
gboolean am_view_picture_covers      (const AmViewport        *view,
                                      const AmViewPicture *picture);
/* Covers the viewport at the view's zoom, with room left to pan before it runs out. */
gboolean am_view_picture_is_settled  (const AmViewport        *view,
                                      const AmViewPicture *picture);
/* Where @picture goes in the widget: translate by (*offset_x, *offset_y), then scale by
 * *factor.  Unscaled offsets are rounded to whole device pixels. */
void     am_view_picture_transform   (const AmViewport        *view,
                                      const AmViewPicture *picture,
                                      int                  scale,
                                      double              *offset_x,
                                      double              *offset_y,
                                      double              *factor);

/* Keyboard navigation (am-view-nav.c).  The node index the arrow key (@dx, @dy) moves to
 * from @selection: among the selected node's neighbours (or a selected edge's ends) the
 * nearest within 60° of the direction, else any node there.  With nothing (known)
 * selected, the node nearest the view's centre.  -1 when there is none. */
gint     am_view_nav_pick            (const AmScene *scene,
                                      const char    *selection,
                                      const AmViewport  *view,
                                      int            dx,
                                      int            dy);

G_END_DECLS
