/* am-canvas-layers.h — the canvas's cached pictures and the worker jobs that make them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-scene.h"
#include "am-theme.h"
#include "am-viewport.h"

G_BEGIN_DECLS

#define AM_TYPE_CANVAS_LAYERS (am_canvas_layers_get_type ())

G_DECLARE_FINAL_TYPE (AmCanvasLayers, am_canvas_layers, AM, CANVAS_LAYERS, GObject)

/*
 * Not a widget: the canvas owns one, hands it what to draw (scene, theme, highlight,
 * selected and hovered ids) and, for each frame, the view; it answers with render nodes.
 * Renders that take longer than a frame run on a worker thread; the "updated" signal
 * says when a newer picture is ready (or the view has settled and one should be asked
 * for), and the canvas then queues a draw.
 *
 * A new scene does not blank the canvas: the last picture of the old scene stays on
 * screen, where it was, until the first picture of the new one is ready.  For a large
 * scene that first picture is rendered on the worker, never in the frame.
 */
AmCanvasLayers *am_canvas_layers_new            (void);

void            am_canvas_layers_set_scene      (AmCanvasLayers *self,
                                                 AmScene        *scene);
void            am_canvas_layers_set_theme      (AmCanvasLayers *self,
                                                 const AmTheme  *theme);
/* Whose words the legend uses: a model's actors and relations, or a graph's nodes and
 * edges. */
void            am_canvas_layers_set_origin     (AmCanvasLayers   *self,
                                                 AmDocumentOrigin  origin);
/* @ids must not change afterwards (the canvas hands over a private copy); a worker may
 * read it.  NULL: nothing dimmed. */
void            am_canvas_layers_set_highlight  (AmCanvasLayers *self,
                                                 GHashTable     *ids);
/* The ids drawn as suggestions; as for the highlight, @ids must not change afterwards.
 * NULL: none. */
void            am_canvas_layers_set_suggested  (AmCanvasLayers *self,
                                                 GHashTable     *ids);
/* The items the overlay shows with their neighbourhoods; either may be NULL. */
void            am_canvas_layers_set_focus      (AmCanvasLayers *self,
                                                 const char     *selected,
                                                 const char     *hovered);
/* Every base render goes to the worker (tests; AM_CANVAS_DEBUG=worker). */
void            am_canvas_layers_set_always_worker (AmCanvasLayers *self,
                                                    gboolean        always);

/* Appends the map as seen through @view at device @scale: the base, and over it the
 * hover veil and the overlay.  @textures: the renderer keeps textures on the GPU (GL),
 * else cairo nodes are cheaper.  Returns FALSE when there is no picture yet (no scene,
 * or a large one's first render is on its way): the background alone is appended. */
gboolean        am_canvas_layers_snapshot       (AmCanvasLayers *self,
                                                 GtkSnapshot    *snapshot,
                                                 const AmViewport   *view,
                                                 int             scale,
                                                 gboolean        textures);
/* Sharpens now, instead of after the settle delay, if the base does not suit the last
 * view drawn (the end of a fly-to). */
void            am_canvas_layers_settle         (AmCanvasLayers *self);
/* Forgets every picture: the next frame renders again, in the frame. */
void            am_canvas_layers_drop_caches    (AmCanvasLayers *self);

/* The legend of the current scene: its size (0 × 0 when there is none) and its node. */
void            am_canvas_layers_get_legend_size (AmCanvasLayers *self,
                                                  double         *width,
                                                  double         *height);
/* (transfer none) (nullable) */
GskRenderNode  *am_canvas_layers_get_legend     (AmCanvasLayers *self);
/* What the legend lists: the kinds and types of @scene (NULL: of the scene drawn), those
 * in @hidden_kinds and @hidden_types (sorted, NULL-terminated, copied; NULL: none) pale and
 * struck through.  A view's legend lists the whole laid-out map, so that a hidden kind can
 * be clicked back. */
void            am_canvas_layers_set_legend     (AmCanvasLayers     *self,
                                                 AmScene            *scene,
                                                 const char * const *hidden_kinds,
                                                 const char * const *hidden_types);
/* The kind (*@is_kind TRUE) or relation type at (@x, @y) from the legend's top-left
 * corner, or NULL.  (transfer full) */
char           *am_canvas_layers_legend_entry_at (AmCanvasLayers *self,
                                                  double          x,
                                                  double          y,
                                                  gboolean       *is_kind);

/* (transfer none) (nullable): the scene whose picture the last frame showed — the old
 * scene while the new one's first render is on its way. */
AmScene        *am_canvas_layers_get_shown_scene (AmCanvasLayers *self);
/* Whether a worker is rendering a layer. */
gboolean        am_canvas_layers_is_busy        (AmCanvasLayers *self);

G_END_DECLS
