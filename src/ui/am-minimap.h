/* am-minimap.h — the whole map small, with the canvas's view as a rectangle to drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-canvas.h"

G_BEGIN_DECLS

#define AM_TYPE_MINIMAP (am_minimap_get_type ())

G_DECLARE_FINAL_TYPE (AmMinimap, am_minimap, AM, MINIMAP, GtkWidget)

/* The longest side of the minimap, in widget pixels. */
#define AM_MINIMAP_MAX_WIDTH  200
#define AM_MINIMAP_MAX_HEIGHT 150

/*
 * An overlay over a canvas: the canvas's scene (what the map shows, so the view-scene)
 * drawn small with the renderer, and the canvas's visible area as a rectangle.  The
 * picture is rendered once per scene, theme and highlight and kept as a texture; moving
 * the view only moves the rectangle.  A click centres the map there, a drag moves the
 * rectangle (and the map with it).  It hides itself while the whole map is in view.
 *
 * Property: "canvas" (AmCanvas, read-write).  Read-only "needed" (boolean): the map is
 * larger than the view; the widget is visible exactly then.
 */
GtkWidget  *am_minimap_new                (void);

/* (transfer none) (nullable) */
AmCanvas   *am_minimap_get_canvas         (AmMinimap *self);
void        am_minimap_set_canvas         (AmMinimap *self,
                                           AmCanvas  *canvas);
gboolean    am_minimap_get_needed         (AmMinimap *self);

/* Scene point → minimap coordinates and back, for the tests; FALSE without a scene or
 * a size. */
gboolean    am_minimap_scene_to_widget    (AmMinimap *self,
                                           double     scene_x,
                                           double     scene_y,
                                           double    *widget_x,
                                           double    *widget_y);
gboolean    am_minimap_widget_to_scene    (AmMinimap *self,
                                           double     widget_x,
                                           double     widget_y,
                                           double    *scene_x,
                                           double    *scene_y);
/* The seam the drag gesture calls: a press at (@x, @y) that moves by (@dx, @dy).  A
 * press inside the rectangle drags it by where it was taken; a press outside centres
 * the map on that point first. */
void        am_minimap_drag               (AmMinimap *self,
                                           double     x,
                                           double     y,
                                           double     dx,
                                           double     dy);
/* (transfer none) (nullable): the cached picture, NULL until drawn (tests). */
GdkTexture *am_minimap_get_texture        (AmMinimap *self);

G_END_DECLS
