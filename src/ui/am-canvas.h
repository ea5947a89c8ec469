/* am-canvas.h — the network view: pan, zoom, hover, click, fly-to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-core.h"
#include "am-scene.h"
#include "am-session.h"
#include "am-viewport.h"

G_BEGIN_DECLS

#define AM_TYPE_CANVAS (am_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AmCanvas, am_canvas, AM, CANVAS, GtkWidget)

/* The zoom (widget pixels per scene point) always lies in this range. */
#define AM_CANVAS_MIN_ZOOM AM_VIEW_MIN_ZOOM
#define AM_CANVAS_MAX_ZOOM AM_VIEW_MAX_ZOOM

/*
 * The canvas holds only view state (zoom, centre, hover) and a reference to an immutable
 * AmScene.  It draws through am_renderer_draw_scene().  It never owns the selection: a
 * click (or arrow key) runs the scene's hit-test and activates "win.select" with the id
 * ("" for empty space); the window then sets the canvas's "selection" property.
 *
 * Properties: "scene" (AmScene, boxed), "selection" (string, nullable), "hovered"
 * (string, read-only), "zoom" (double, clamped), "dark" (boolean), "show-legend"
 * (boolean), "highlight" (GHashTable set of ids or NULL: others are dimmed),
 * "document" (AmDocument or NULL: names for tooltips and the accessible description).
 *
 * Actions (installed on the class): "canvas.zoom-in", "canvas.zoom-out",
 * "canvas.zoom-fit" (bound to + =, - and 0; disabled at the zoom limits) and
 * "canvas.select-neighbour" ("(ii)", a direction such as (1, 0); bound to the arrow
 * keys).  Escape activates "win.select" with "", Enter "win.focus-details".
 *
 * Editing, with a session: dragging an actor moves it (am_session_move_actor on release,
 * which pins it; the moved box is drawn while dragging), Shift+drag (or any drag in
 * connect mode) from one actor to another draws a new relation, whose label a popover
 * asks for ("relates to" at first; Escape cancels).  "canvas.move-selection" ("(ii)",
 * bound to Alt+arrows) moves the selected actor a step.
 */
GtkWidget  *am_canvas_new            (void);

/* With a session, the canvas shows its scene, map selection, highlight and document,
 * selects through it, and flies to what is chosen elsewhere; the setters below are for
 * a canvas without one.  (transfer none) (nullable) */
AmSession  *am_canvas_get_session    (AmCanvas   *self);
void        am_canvas_set_session    (AmCanvas   *self,
                                      AmSession  *session);

AmScene    *am_canvas_get_scene      (AmCanvas   *self);
/* Keeps the view when the user has moved it and its centre lies on the new scene
 * (a relayout); otherwise fits.  Call am_canvas_zoom_to_fit() for a new document. */
void        am_canvas_set_scene      (AmCanvas   *self,
                                      AmScene    *scene);
const char *am_canvas_get_selection  (AmCanvas   *self);
/* NULL and "" both mean nothing selected. */
void        am_canvas_set_selection  (AmCanvas   *self,
                                      const char *id);
const char *am_canvas_get_hovered    (AmCanvas   *self);
double      am_canvas_get_zoom       (AmCanvas   *self);
/* Zooms about the widget centre.  Clamped; a non-finite value is ignored. */
void        am_canvas_set_zoom       (AmCanvas   *self,
                                      double      zoom);
gboolean    am_canvas_get_dark       (AmCanvas   *self);
void        am_canvas_set_dark       (AmCanvas   *self,
                                      gboolean    dark);
gboolean    am_canvas_get_show_legend (AmCanvas  *self);
void        am_canvas_set_show_legend (AmCanvas  *self,
                                       gboolean   show_legend);
/* (transfer none) (nullable) */
GHashTable *am_canvas_get_highlight  (AmCanvas   *self);
/* The canvas keeps a reference; sets with the same members count as unchanged. */
void        am_canvas_set_highlight  (AmCanvas   *self,
                                      GHashTable *ids);
/* The ids drawn as suggestions (dashed, paler), or NULL.  The canvas keeps a copy; sets
 * with the same members count as unchanged. */
void        am_canvas_set_suggested  (AmCanvas   *self,
                                      GHashTable *ids);
/* (transfer none) (nullable) */
AmDocument *am_canvas_get_document   (AmCanvas   *self);
void        am_canvas_set_document   (AmCanvas   *self,
                                      AmDocument *document);

/* Fit the whole scene; the canvas keeps fitting on resize until the user zooms. */
void        am_canvas_zoom_to_fit    (AmCanvas   *self);
/* Animate (frame clock) so that the item is centred; no-op for unknown ids. */
void        am_canvas_fly_to         (AmCanvas   *self,
                                      const char *id);
/* Moves the view by (dx, dy) widget pixels, as a drag or a scroll does. */
void        am_canvas_pan_by         (AmCanvas   *self,
                                      double      dx,
                                      double      dy);
/* The view as a value: the scene point at the widget centre, and the zoom (widget pixels
 * per scene point).  Signal "viewport-changed" (no arguments): the centre, the zoom or the
 * widget's size changed (the minimap and the remembered views follow it). */
void        am_canvas_get_viewport   (AmCanvas   *self,
                                      double     *center_x,
                                      double     *center_y,
                                      double     *zoom);
/* Shows scene point (@center_x, @center_y) at the centre at @zoom (clamped; non-finite
 * values are ignored).  Like a pan, it ends fitting on resize. */
void        am_canvas_set_viewport   (AmCanvas   *self,
                                      double      center_x,
                                      double      center_y,
                                      double      zoom);
/* Centres scene point (@scene_x, @scene_y) at the current zoom (the minimap's drag). */
void        am_canvas_center_on      (AmCanvas   *self,
                                      double      scene_x,
                                      double      scene_y);
/* The part of the scene the widget shows, in scene points (0 × 0 before it has a size). */
void        am_canvas_get_visible_area (AmCanvas *self,
                                        AmRect   *area);
/* Where the legend is drawn, in widget pixels: in the corner the last fit left clear of
 * the map.  FALSE when no legend is shown (turned off, no map, or no room for it). */
gboolean    am_canvas_get_legend_rect (AmCanvas *self,
                                       AmRect   *rect);
/* Forgets the cached renderings, so the next frame renders the scene again (benchmarks;
 * memory pressure). */
void        am_canvas_drop_caches    (AmCanvas   *self);

/* Scene point → widget coordinates, for tests and for placing popovers.  The
 * coordinates are always set; returns TRUE when the point lies inside the widget. */
gboolean    am_canvas_scene_to_widget (AmCanvas  *self,
                                       double     scene_x,
                                       double     scene_y,
                                       double    *widget_x,
                                       double    *widget_y);
/* Connect mode: a drag from an actor draws a new relation (as Shift+drag always does)
 * instead of moving the actor.  Property "connect-mode"; action "canvas.connect-mode". */
gboolean    am_canvas_get_connect_mode (AmCanvas *self);
void        am_canvas_set_connect_mode (AmCanvas *self,
                                        gboolean  connect_mode);
/* The seam that the click gesture also calls: hit-test at widget (x, y), then
 * activate "win.select". */
void        am_canvas_click_at       (AmCanvas   *self,
                                      double      widget_x,
                                      double      widget_y);

G_END_DECLS
