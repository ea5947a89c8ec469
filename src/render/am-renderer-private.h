/* am-renderer-private.h — the renderer's painter-level entry points, for the exporters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-painter-private.h"
#include "am-renderer.h"

G_BEGIN_DECLS

/* The one drawing routine: am_renderer_draw_scene() and every exporter end up here. */
void         _am_renderer_paint_scene    (AmPainter           *painter,
                                          const AmScene       *scene,
                                          const AmTheme       *theme,
                                          const AmRenderState *state);
void         _am_renderer_paint_legend   (AmPainter           *painter,
                                          const AmScene       *scene,
                                          const AmTheme       *theme,
                                          AmDocumentOrigin     origin,
                                          double               x,
                                          double               y);
void         _am_renderer_paint_legend_state (AmPainter           *painter,
                                              const AmScene       *scene,
                                              const AmTheme       *theme,
                                              const AmLegendState *state,
                                              double               x,
                                              double               y);

/* A layout in the renderer's font (AM_FONT_FAMILY) at @font_size points, centred, wrapped
 * at @wrap_width points when > 0, set with pango_layout_set_text (never markup).
 * (transfer full) */
PangoLayout *_am_renderer_new_layout     (const char          *text,
                                          double               font_size,
                                          gboolean             bold,
                                          double               wrap_width);

/* Size of @layout in points. */
void         _am_renderer_layout_size    (PangoLayout         *layout,
                                          double              *width,
                                          double              *height);

G_END_DECLS
