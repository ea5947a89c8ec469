/* am-canvas.h — the network view: pan, zoom, hover, click, fly-to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-scene.h"

G_BEGIN_DECLS

#define AM_TYPE_CANVAS (am_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AmCanvas, am_canvas, AM, CANVAS, GtkWidget)

/*
 * The canvas holds only view state (zoom, centre, hover) and a reference to an immutable
 * AmScene.  It draws through am_renderer_draw_scene().  It never owns the selection: a
 * click (or arrow key) runs the scene's hit-test and activates "win.select" with the id
 * ("" for empty space); the window then sets the canvas's "selection" property.
 *
 * Properties: "scene" (AmScene, boxed), "selection" (string, nullable), "hovered"
 * (string, read-only), "zoom" (double, clamped), "dark" (boolean), "show-legend"
 * (boolean), "highlight" (GHashTable set of ids or NULL: others are dimmed).
 */
GtkWidget  *am_canvas_new            (void);

AmScene    *am_canvas_get_scene      (AmCanvas   *self);
void        am_canvas_set_scene      (AmCanvas   *self,
                                      AmScene    *scene);
const char *am_canvas_get_selection  (AmCanvas   *self);
void        am_canvas_set_selection  (AmCanvas   *self,
                                      const char *id);
const char *am_canvas_get_hovered    (AmCanvas   *self);
double      am_canvas_get_zoom       (AmCanvas   *self);
/* Zooms about the widget centre. */
void        am_canvas_set_zoom       (AmCanvas   *self,
                                      double      zoom);
gboolean    am_canvas_get_dark       (AmCanvas   *self);
void        am_canvas_set_dark       (AmCanvas   *self,
                                      gboolean    dark);
gboolean    am_canvas_get_show_legend (AmCanvas  *self);
void        am_canvas_set_show_legend (AmCanvas  *self,
                                       gboolean   show_legend);
void        am_canvas_set_highlight  (AmCanvas   *self,
                                      GHashTable *ids);

/* Fit the whole scene; the canvas keeps fitting on resize until the user zooms. */
void        am_canvas_zoom_to_fit    (AmCanvas   *self);
/* Animate (frame clock) so that the item is centred; no-op for unknown ids. */
void        am_canvas_fly_to         (AmCanvas   *self,
                                      const char *id);

/* Scene point → widget coordinates, for tests and for placing popovers. */
gboolean    am_canvas_scene_to_widget (AmCanvas  *self,
                                       double     scene_x,
                                       double     scene_y,
                                       double    *widget_x,
                                       double    *widget_y);
/* The seam that the click gesture also calls: hit-test at widget (x, y), then
 * activate "win.select". */
void        am_canvas_click_at       (AmCanvas   *self,
                                      double      widget_x,
                                      double      widget_y);

G_END_DECLS
