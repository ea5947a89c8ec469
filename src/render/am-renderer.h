/* am-renderer.h — the one drawing routine, for the screen and every file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "am-core.h"
#include "am-scene.h"
#include "am-theme.h"

G_BEGIN_DECLS

/*
 * What changes from frame to frame without touching the scene.  The renderer reads it and
 * has no side effects.  All ids are borrowed for the duration of the call.
 */
typedef struct
{
  const char *selected_id;   /* entity or relation id, or NULL */
  const char *hovered_id;    /* entity or relation id, or NULL */
  /* When non-NULL, items whose id is not in this set are drawn dimmed (search, hover). */
  GHashTable *highlighted;   /* set of ids (g_hash_table_add) */
  /* Visible part of the scene in scene points; width <= 0 means "all".  Used to cull. */
  AmRect      visible;
  /* Device pixels per scene point; text under ~6 px is skipped. 1.0 for exports. */
  double      pixels_per_point;
  /* When non-NULL, edges whose id is in this set draw their label only, no curve or
   * arrowheads, and nodes in it are not drawn: the canvas's overlay redraws the labels
   * its strokes would cover (with the nodes those edges name). */
  GHashTable *labels_only;   /* set of ids */
  /* When non-NULL, items whose id is in this set are drawn as suggestions (not accepted
   * yet): nodes with a dashed outline and a translucent fill, edges dashed and lighter;
   * labels as usual. */
  GHashTable *suggested;     /* set of ids drawn as suggestions */
} AmRenderState;

void am_render_state_init (AmRenderState *state);

/* Draws @scene in scene coordinates (the caller sets the transform).  Nodes, edges,
 * arrowheads, labels, clusters; selection, hover and dimming from @state.  The canvas
 * calls this inside gtk_snapshot_append_cairo(); the PNG and PDF exporters call it on
 * their surfaces; the SVG exporter calls it through its own SVG backend. */
void am_renderer_draw_scene (cairo_t             *cr,
                             const AmScene       *scene,
                             const AmTheme       *theme,
                             const AmRenderState *state);

/* The legend: the entity kinds and relation types present in @scene, with their shapes
 * and colours.  Measure first, then draw at (x, y) in device units.  The _full variants
 * take the document's origin, which picks the headings ("Nodes"/"Edges" for a Graphviz
 * graph); the others draw an actor map's ("Actors"/"Relations"). */
void am_renderer_measure_legend (const AmScene *scene,
                                 const AmTheme *theme,
                                 double        *width,
                                 double        *height);
void am_renderer_draw_legend    (cairo_t       *cr,
                                 const AmScene *scene,
                                 const AmTheme *theme,
                                 double         x,
                                 double         y);
void am_renderer_measure_legend_full (const AmScene    *scene,
                                      const AmTheme    *theme,
                                      AmDocumentOrigin  origin,
                                      double           *width,
                                      double           *height);
void am_renderer_draw_legend_full    (cairo_t          *cr,
                                      const AmScene    *scene,
                                      const AmTheme    *theme,
                                      AmDocumentOrigin  origin,
                                      double            x,
                                      double            y);

/* The legend of a view: which kinds and relation types are hidden (listed pale and
 * struck through, so that a click on the row shows them again).  Sorted or not; NULL:
 * none. */
typedef struct
{
  AmDocumentOrigin    origin;
  const char * const *hidden_kinds;
  const char * const *hidden_types;
} AmLegendState;

void  am_renderer_draw_legend_state (cairo_t             *cr,
                                     const AmScene       *scene,
                                     const AmTheme       *theme,
                                     const AmLegendState *state,
                                     double               x,
                                     double               y);
/* The kind or type whose row lies at (@x, @y) from the legend's top-left corner, or
 * NULL.  (transfer full) */
char *am_renderer_legend_entry_at   (const AmScene       *scene,
                                     const AmTheme       *theme,
                                     AmDocumentOrigin     origin,
                                     double               x,
                                     double               y,
                                     gboolean            *is_kind);

G_END_DECLS
