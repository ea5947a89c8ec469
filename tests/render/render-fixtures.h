/* render-fixtures.h — scenes and pixel helpers shared by the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "am-export.h"
#include "am-renderer.h"
#include "am-theme.h"

G_BEGIN_DECLS

/* A 420 × 320 point scene with one node of each kind and shape, and five edges:
 *
 *   kp     state         hexagon  (20, 20, 120, 40)     "North Korea"
 *   kyj    person        ellipse  (280, 15, 120, 50)    "Kim Yo\nJong"
 *   kcna   organization  box      (20, 220, 140, 40)    "KCNA <b>&amp; R&D"
 *   ex     event         diamond  (270, 210, 140, 80)   "Joint exercise"
 *   pyo    place         octagon  (160, 130, 90, 44)    "Pyongyang"
 *   yonhap media         box      (310, 120, 100, 36)   "Yonhap"
 *
 *   e1 kp → kyj      role       straight along y = 40 from x = 140 to 270, head at 280
 *   e2 kcna → kp     reports    straight along x = 80 from y = 220 to 70, head at 60
 *   e3 kp → ex       hostility
 *   e4 yonhap → pyo  "custom ties" (a type outside the fixed table)
 *   e5 kyj — kcna    no type, no label, undirected
 *
 *   c1 "Allies", a cluster at (170, 250, 90, 62), clear of every node and edge
 *
 * With @labels FALSE every node label is empty, so a node's centre shows its fill. */
AmScene *render_fixture_scene (gboolean labels);

/* The fixture's own builders, for tests that need a scene of their own.  @head and
 * @label_box may be NULL. */
void     render_fixture_add_node (AmSceneBuilder *builder,
                                  const char     *id,
                                  const char     *label,
                                  const char     *kind,
                                  AmNodeShape     shape,
                                  double          x,
                                  double          y,
                                  double          width,
                                  double          height);
void     render_fixture_add_edge (AmSceneBuilder *builder,
                                  const char     *id,
                                  const char     *source,
                                  const char     *target,
                                  const char     *label,
                                  const char     *type,
                                  gboolean        directed,
                                  const AmPoint  *points,
                                  guint           n_points,
                                  const AmPoint  *head,
                                  const AmRect   *label_box);

/* The caption the fixture's exports carry, as a caller would build it. */
#define RENDER_FIXTURE_TITLE    "North Korea ignores US dialogue offer"
#define RENDER_FIXTURE_SUBTITLE "Yonhap · 2 July 2024"

/* am_export_options_init(), plus the fixture's caption. */
void     render_fixture_export_options_init (AmExportOptions *options);

/* One pixel of an ARGB32 or RGB24 image surface as 0–255 values (un-premultiplied). */
typedef struct
{
  int r, g, b, a;
} Pixel;

Pixel    render_fixture_pixel     (cairo_surface_t *surface,
                                   int              x,
                                   int              y);
/* The pixel at scene point (x, y) of a surface drawn at @scale pixels per point. */
Pixel    render_fixture_scene_pixel (cairo_surface_t *surface,
                                     double           scale,
                                     double           x,
                                     double           y);
gboolean render_fixture_pixel_is  (Pixel            pixel,
                                   const AmColor   *color,
                                   int              tolerance);
/* @top composited over the opaque @bottom with @alpha. */
AmColor  render_fixture_blend     (const AmColor   *top,
                                   const AmColor   *bottom,
                                   double           alpha);
char    *render_fixture_describe  (Pixel            pixel);

G_END_DECLS
