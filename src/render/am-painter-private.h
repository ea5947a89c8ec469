/* am-painter-private.h — the drawing interface behind the one renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "am-scene.h"
#include "am-theme.h"

G_BEGIN_DECLS

/*
 * The renderer draws every scene through a painter, so one drawing routine serves the
 * screen, PNG, PDF and SVG.  There are two backends:
 *
 *  - cairo (screen, PNG, PDF): text goes through PangoCairo, so PDF text stays text that
 *    pdftotext can extract.  Consecutive strokes (fills) of the same colour are batched
 *    into one path, which is what makes 40 000 edges affordable on the screen.
 *
 *  - SVG: a small writer that emits real <text>, <path>, <rect>, <ellipse> and <polygon>
 *    elements, with one <g id=… class=…><title>…</title> … </g> per node and per edge.
 *    cairo 1.16's own SVG surface cannot do this: it turns every glyph into an outline
 *    path, so exported text can be neither searched nor edited (in Inkscape, a browser),
 *    files grow, and writing them is slower than Graphviz's own -Tsvg (performance.md
 *    measured 1.28× at 5 000 nodes).  It also has no notion of groups with ids, which
 *    scripts and stylesheets need to address a node.
 *
 * Painters are single-use and not thread-safe; coordinates are in the current user space
 * (scene points unless a transform was pushed).
 */
typedef struct _AmPainter AmPainter;

typedef enum
{
  AM_PAINTER_GROUP_NODE,
  AM_PAINTER_GROUP_EDGE,
  AM_PAINTER_GROUP_CLUSTER,
  AM_PAINTER_GROUP_EDGE_LABEL,   /* an edge's label, drawn after every edge */
  AM_PAINTER_GROUP_OTHER,    /* legend, caption, background: id is used as is */
} AmPainterGroup;

typedef struct
{
  /* @kind_name is the node's kind (a CSS class), @title its tooltip; @opacity multiplies
   * everything drawn until the matching end_group. */
  void (*begin_group)    (AmPainter       *self,
                          AmPainterGroup   group,
                          const char      *id,
                          const char      *kind_name,
                          const char      *title,
                          double           opacity);
  void (*end_group)      (AmPainter       *self);
  void (*push_transform) (AmPainter       *self,
                          double           dx,
                          double           dy,
                          double           scale);
  void (*pop_transform)  (AmPainter       *self);
  /* @radius 0 gives square corners.  @fill and @stroke may be NULL. */
  void (*rect)           (AmPainter       *self,
                          const AmRect    *rect,
                          double           radius,
                          const AmColor   *fill,
                          const AmColor   *stroke,
                          double           line_width);
  void (*ellipse)        (AmPainter       *self,
                          const AmRect    *rect,
                          const AmColor   *fill,
                          const AmColor   *stroke,
                          double           line_width);
  void (*polygon)        (AmPainter       *self,
                          const AmPoint   *points,
                          guint            n_points,
                          const AmColor   *fill,
                          const AmColor   *stroke,
                          double           line_width);
  /* A cubic Bézier path: points[0], then triples (n_points = 3k + 1). */
  void (*curve)          (AmPainter       *self,
                          const AmPoint   *points,
                          guint            n_points,
                          const AmColor   *stroke,
                          double           line_width);
  /* @layout's top-left corner at (x, y); its lines are the lines drawn. */
  void (*text)           (AmPainter       *self,
                          PangoLayout     *layout,
                          double           x,
                          double           y,
                          const AmColor   *color);
  void (*free)           (AmPainter       *self);
} AmPainterVTable;

struct _AmPainter
{
  const AmPainterVTable *vtable;
  /* TRUE when every item must stay a separate, addressable element (SVG): the renderer
   * then draws each edge whole inside its group instead of batching by pass. */
  guint                  structured : 1;
  /* TRUE on the screen path: text layouts come from the per-thread cache. */
  guint                  cache_layouts : 1;
  /* Length of the dashes (and of the gaps between them) of every stroke drawn while it
   * is > 0, in user units; 0 strokes solid lines.  The renderer sets it around the
   * outlines of suggested items. */
  double                 dash;
  /* Set by the renderer below natural size (level of detail): on a raster target, a
   * batched stroke thinner than a device pixel is drawn 1 pixel wide without
   * antialiasing, its colour as much fainter as it is thinner.  Cairo 1.16's
   * antialiasing rasteriser steps every line over 15 sub-scanlines a pixel, which makes
   * 40 000 long hairlines at fit zoom cost seconds; the aliased one steps once. */
  guint                  thin_strokes : 1;
};

AmPainter *_am_painter_new_cairo     (cairo_t    *cr);
/* Starts an SVG document of @width × @height points. */
AmPainter *_am_painter_new_svg       (double      width,
                                      double      height);
/* Closes the document; (transfer full). The painter is freed. */
GBytes    *_am_painter_svg_finish    (AmPainter  *self);
void       _am_painter_free          (AmPainter  *self);

/* Turns @id into a valid XML id (an NCName) after @prefix: ASCII letters, digits, '-'
 * and '.' stay, every other byte becomes _XX, so distinct ids stay distinct. */
char      *_am_svg_make_id           (const char *prefix,
                                      const char *id);

static inline void
_am_painter_begin_group (AmPainter      *self,
                         AmPainterGroup  group,
                         const char     *id,
                         const char     *kind_name,
                         const char     *title,
                         double          opacity)
{
  self->vtable->begin_group (self, group, id, kind_name, title, opacity);
}

static inline void
_am_painter_end_group (AmPainter *self)
{
  self->vtable->end_group (self);
}

static inline void
_am_painter_push_transform (AmPainter *self,
                            double     dx,
                            double     dy,
                            double     scale)
{
  self->vtable->push_transform (self, dx, dy, scale);
}

static inline void
_am_painter_pop_transform (AmPainter *self)
{
  self->vtable->pop_transform (self);
}

static inline void
_am_painter_rect (AmPainter     *self,
                  const AmRect  *rect,
                  double         radius,
                  const AmColor *fill,
                  const AmColor *stroke,
                  double         line_width)
{
  self->vtable->rect (self, rect, radius, fill, stroke, line_width);
}

static inline void
_am_painter_ellipse (AmPainter     *self,
                     const AmRect  *rect,
                     const AmColor *fill,
                     const AmColor *stroke,
                     double         line_width)
{
  self->vtable->ellipse (self, rect, fill, stroke, line_width);
}

static inline void
_am_painter_polygon (AmPainter     *self,
                     const AmPoint *points,
                     guint          n_points,
                     const AmColor *fill,
                     const AmColor *stroke,
                     double         line_width)
{
  self->vtable->polygon (self, points, n_points, fill, stroke, line_width);
}

static inline void
_am_painter_curve (AmPainter     *self,
                   const AmPoint *points,
                   guint          n_points,
                   const AmColor *stroke,
                   double         line_width)
{
  self->vtable->curve (self, points, n_points, stroke, line_width);
}

static inline void
_am_painter_text (AmPainter     *self,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const AmColor *color)
{
  self->vtable->text (self, layout, x, y, color);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmPainter, _am_painter_free)

G_END_DECLS
