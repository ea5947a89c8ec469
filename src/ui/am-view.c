/* am-view.c — the canvas's view transform, fit and fly-to maths, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-text-metrics.h"
#include "am-viewport.h"

/* fly_to() zooms in to at least READABLE_ZOOM when node text would be smaller than this. */
#define READABLE_MIN_ZOOM    0.75
#define READABLE_ZOOM        1.0
/* The share of the widget a flown-to item may take at most. */
#define FLY_MAX_SHARE        0.8
/* The legend is left out while it would take more than this share of the canvas width,
 * or more than its height: on a narrow canvas the map matters more than its key. */
#define LEGEND_MAX_WIDTH_SHARE 0.25
/* On a map this small, text costs little, and names are what a person reads first: node
 * labels are drawn at fit down to LABEL_FLOOR_MIN_PPP device pixels per point, below the
 * renderer's usual cut-off (6 px, about 0.55 px per point for AM_NODE_FONT_SIZE). */
#define LABEL_FLOOR_MAX_NODES 120
#define LABEL_FLOOR_MIN_PPP   0.40
#define LABEL_FLOOR_PPP       (6.05 / AM_NODE_FONT_SIZE)
/* Base margin on each side, as a fraction of the viewport, capped in widget pixels: the
 * distance a pan can go before the base is rendered again. */
#define BASE_MARGIN_FRACTION 0.25
#define BASE_MARGIN_MAX      320.0

double
am_view_clamp_zoom (double zoom)
{
  return CLAMP (zoom, AM_VIEW_MIN_ZOOM, AM_VIEW_MAX_ZOOM);
}

void
am_view_widget_to_scene (const AmViewport *view,
                         double        widget_x,
                         double        widget_y,
                         double       *scene_x,
                         double       *scene_y)
{
  *scene_x = view->center_x + (widget_x - view->width / 2.0) / view->zoom;
  *scene_y = view->center_y + (widget_y - view->height / 2.0) / view->zoom;
}

gboolean
am_view_scene_to_widget (const AmViewport *view,
                         double        scene_x,
                         double        scene_y,
                         double       *widget_x,
                         double       *widget_y)
{
  double x = (scene_x - view->center_x) * view->zoom + view->width / 2.0;
  double y = (scene_y - view->center_y) * view->zoom + view->height / 2.0;

  if (widget_x != NULL)
    *widget_x = x;
  if (widget_y != NULL)
    *widget_y = y;

  return x >= 0 && y >= 0 && x < view->width && y < view->height;
}

gboolean
am_view_place (AmViewport *view,
               double  zoom,
               double  scene_x,
               double  scene_y,
               double  widget_x,
               double  widget_y)
{
  if (!isfinite (zoom) || !isfinite (scene_x) || !isfinite (scene_y)
      || !isfinite (widget_x) || !isfinite (widget_y))
    return FALSE;

  zoom = am_view_clamp_zoom (zoom);
  view->center_x = scene_x - (widget_x - view->width / 2.0) / zoom;
  view->center_y = scene_y - (widget_y - view->height / 2.0) / zoom;
  view->zoom = zoom;

  return TRUE;
}

gboolean
am_view_zoom_about (AmViewport *view,
                    double  zoom,
                    double  widget_x,
                    double  widget_y)
{
  double anchor_x, anchor_y;

  am_view_widget_to_scene (view, widget_x, widget_y, &anchor_x, &anchor_y);
  return am_view_place (view, zoom, anchor_x, anchor_y, widget_x, widget_y);
}

gboolean
am_view_pan_by (AmViewport *view,
                double  dx,
                double  dy)
{
  if (!isfinite (dx) || !isfinite (dy))
    return FALSE;

  view->center_x += dx / view->zoom;
  view->center_y += dy / view->zoom;
  return TRUE;
}

double
am_view_fit_zoom (const AmRect *bounds,
                  double        width,
                  double        height)
{
  double zoom = AM_VIEW_FIT_MAX_ZOOM;

  if (bounds->width > 0)
    zoom = MIN (zoom, MAX (width - 2 * AM_VIEW_FIT_PADDING, 1.0) / bounds->width);
  if (bounds->height > 0)
    zoom = MIN (zoom, MAX (height - 2 * AM_VIEW_FIT_PADDING, 1.0) / bounds->height);

  return am_view_clamp_zoom (zoom);
}

gboolean
am_view_legend_fits (const AmViewport *view,
                     double        legend_width,
                     double        legend_height)
{
  return legend_width > 0 && legend_height > 0
         && legend_width + 2 * AM_VIEW_LEGEND_MARGIN <= view->width * LEGEND_MAX_WIDTH_SHARE
         && legend_height + 2 * AM_VIEW_LEGEND_MARGIN <= view->height;
}

void
am_view_legend_rect (const AmViewport *view,
                     double        legend_width,
                     double        legend_height,
                     AmRect       *rect)
{
  rect->x = AM_VIEW_LEGEND_MARGIN;
  rect->y = view->height - legend_height - AM_VIEW_LEGEND_MARGIN;
  rect->width = legend_width;
  rect->height = legend_height;
}

void
am_view_fit (AmViewport       *view,
             const AmRect *bounds,
             double        legend_width,
             double        legend_height)
{
  double zoom;
  double center_x = bounds->x + bounds->width / 2.0;
  double center_y = bounds->y + bounds->height / 2.0;

  if (legend_width > 0 && legend_height > 0)
    {
      /* The legend sits in the bottom-left corner: fit the map beside it or above it,
       * whichever shows it larger, so that no node starts out under the legend. */
      double beside = legend_width + AM_VIEW_LEGEND_MARGIN;
      double above = legend_height + AM_VIEW_LEGEND_MARGIN;
      double zoom_beside = am_view_fit_zoom (bounds, view->width - beside, view->height);
      double zoom_above = am_view_fit_zoom (bounds, view->width, view->height - above);

      if (zoom_beside >= zoom_above)
        {
          zoom = zoom_beside;
          center_x -= beside / 2.0 / zoom;
        }
      else
        {
          zoom = zoom_above;
          center_y += above / 2.0 / zoom;
        }
    }
  else
    zoom = am_view_fit_zoom (bounds, view->width, view->height);

  view->center_x = center_x;
  view->center_y = center_y;
  view->zoom = zoom;
}

double
am_view_text_pixels_per_point (guint  n_nodes,
                               double pixels_per_point)
{
  if (n_nodes <= LABEL_FLOOR_MAX_NODES && pixels_per_point >= LABEL_FLOOR_MIN_PPP)
    return MAX (pixels_per_point, LABEL_FLOOR_PPP);

  return pixels_per_point;
}

void
am_view_fly_target (const AmViewport *view,
                    const AmRect *box,
                    AmViewport       *target)
{
  double zoom = view->zoom < READABLE_MIN_ZOOM ? READABLE_ZOOM : view->zoom;

  if (view->width > 0 && box->width > 0)
    zoom = MIN (zoom, FLY_MAX_SHARE * view->width / box->width);
  if (view->height > 0 && box->height > 0)
    zoom = MIN (zoom, FLY_MAX_SHARE * view->height / box->height);

  *target = *view;
  target->center_x = box->x + box->width / 2.0;
  target->center_y = box->y + box->height / 2.0;
  target->zoom = am_view_clamp_zoom (zoom);
}

void
am_view_fly_step (const AmViewport *from,
                  const AmViewport *to,
                  double        t,
                  AmViewport       *out)
{
  double e;

  t = CLAMP (t, 0.0, 1.0);
  e = 1.0 - pow (1.0 - t, 3.0);   /* ease-out cubic */

  *out = *to;
  out->center_x = from->center_x + (to->center_x - from->center_x) * e;
  out->center_y = from->center_y + (to->center_y - from->center_y) * e;
  /* Zoom moves evenly in log space, so zooming by 4 looks like two steps of 2. */
  out->zoom = t >= 1.0 ? to->zoom
                       : exp (log (from->zoom) + (log (to->zoom) - log (from->zoom)) * e);
}

void
am_view_base_picture (const AmViewport  *view,
                      int            scale,
                      AmViewPicture *picture)
{
  double margin_max = BASE_MARGIN_MAX / scale;
  double margin_x = ceil (MIN (view->width * BASE_MARGIN_FRACTION, margin_max));
  double margin_y = ceil (MIN (view->height * BASE_MARGIN_FRACTION, margin_max));

  picture->zoom = view->zoom;
  /* Whole device pixels. */
  picture->width = ceil ((view->width + 2 * margin_x) * scale) / scale;
  picture->height = ceil ((view->height + 2 * margin_y) * scale) / scale;
  picture->x = view->center_x - (view->width / 2.0 + margin_x) / view->zoom;
  picture->y = view->center_y - (view->height / 2.0 + margin_y) / view->zoom;
}

gboolean
am_view_picture_covers (const AmViewport        *view,
                        const AmViewPicture *picture)
{
  /* The viewport in scene points, against the picture's extent (with a hair of slack
   * for rounding). */
  double left = view->center_x - view->width / 2.0 / view->zoom;
  double top = view->center_y - view->height / 2.0 / view->zoom;
  double right = view->center_x + view->width / 2.0 / view->zoom;
  double bottom = view->center_y + view->height / 2.0 / view->zoom;

  return left >= picture->x - 0.01 / picture->zoom
         && top >= picture->y - 0.01 / picture->zoom
         && right <= picture->x + (picture->width + 0.01) / picture->zoom
         && bottom <= picture->y + (picture->height + 0.01) / picture->zoom;
}

gboolean
am_view_picture_is_settled (const AmViewport        *view,
                            const AmViewPicture *picture)
{
  double slack_x, slack_y, left, top;

  if (picture->zoom != view->zoom || !am_view_picture_covers (view, picture))
    return FALSE;

  /* Re-centre before the viewport runs into the edge of the picture. */
  slack_x = (picture->width - view->width) / 4.0;
  slack_y = (picture->height - view->height) / 4.0;
  left = (view->center_x - picture->x) * view->zoom - view->width / 2.0;
  top = (view->center_y - picture->y) * view->zoom - view->height / 2.0;

  return left >= slack_x && top >= slack_y
         && left + view->width <= picture->width - slack_x
         && top + view->height <= picture->height - slack_y;
}

void
am_view_picture_transform (const AmViewport        *view,
                           const AmViewPicture *picture,
                           int                  scale,
                           double              *offset_x,
                           double              *offset_y,
                           double              *factor)
{
  *factor = view->zoom / picture->zoom;
  *offset_x = (picture->x - view->center_x) * view->zoom + view->width / 2.0;
  *offset_y = (picture->y - view->center_y) * view->zoom + view->height / 2.0;

  if (*factor == 1.0)
    {
      /* Whole device pixels keep the image crisp. */
      *offset_x = round (*offset_x * scale) / scale;
      *offset_y = round (*offset_y * scale) / scale;
    }
}
