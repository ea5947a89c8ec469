/* am-text-metrics.h — node sizes from Pango text metrics, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "am-core.h"
#include "am-scene.h"

G_BEGIN_DECLS

/* The renderer draws with exactly these, so the boxes Graphviz gets fit the text drawn. */
#define AM_FONT_FAMILY        "DejaVu Sans"
#define AM_NODE_FONT_SIZE     11.0   /* points */
#define AM_EDGE_FONT_SIZE     9.0    /* points */
#define AM_NODE_PADDING_X     10.0   /* points each side */
#define AM_NODE_PADDING_Y     6.0
#define AM_LABEL_MAX_CHARS    60     /* longer edge labels are cut with an ellipsis */

/* The shape each entity kind is drawn with (layout sizes it, the renderer and legend draw it). */
AmNodeShape  am_node_shape_for_kind  (AmEntityKind kind);

/* A PangoContext on a font map that needs no display (pangocairo image-surface font map).
 * (transfer none) — one per thread, created on first use. */
PangoContext *am_text_metrics_get_context (void);

/* Size in points of @text drawn in the node font, wrapped at a sensible width. */
void          am_text_metrics_measure_node  (const char *text,
                                             double     *width,
                                             double     *height);
void          am_text_metrics_measure_label (const char *text,
                                             double     *width,
                                             double     *height);

G_END_DECLS
