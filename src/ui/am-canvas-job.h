/* am-canvas-job.h — one rendering of a canvas layer, safe to run on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-scene.h"
#include "am-theme.h"
#include "am-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  AM_CANVAS_JOB_BASE,               /* the whole scene, opaque, with the background */
  AM_CANVAS_JOB_OVERLAY,            /* the overlay's sub-scene, over the base */
} AmCanvasJobKind;

/* A rendering with everything it reads copied or referenced, so that it can run on a
 * worker thread: the scene is immutable, the highlight set is never changed, only
 * replaced, themes are constant, and the renderer keeps its text caches per thread. */
typedef struct
{
  AmCanvasJobKind  kind;
  AmScene         *scene;           /* what to draw: the scene, or the overlay's sub-scene */
  AmScene         *canvas_scene;    /* the scene at the time, to spot a late answer */
  GHashTable      *highlight;
  GHashTable      *suggested;       /* ids drawn as suggestions (never changed) */
  GHashTable      *labels_only;     /* the overlay's label-only items (never changed) */
  char            *selected_id;
  char            *hovered_id;
  const AmTheme   *theme;
  guint            serial;
  AmViewPicture    picture;
  int              scale;
  /* What the renderer is told, for its text cut-off: zoom × scale, or more on a small
   * map (am_view_text_pixels_per_point()). */
  double           text_pixels_per_point;
  gboolean         texture;         /* for a GdkTexture or a cairo node */
  gboolean         on_worker;
  cairo_surface_t *surface;         /* the result, NULL if it could not be allocated */
  gint64           duration_us;
} AmCanvasJob;

void           am_canvas_job_free    (AmCanvasJob *job);
/* Draws the job's scene onto @cr, which starts in the picture's widget pixels. */
void           am_canvas_job_draw    (AmCanvasJob *job,
                                      cairo_t     *cr);
/* Renders into job->surface (NULL when it cannot be allocated) and times it.  Touches
 * nothing but the job: run it on any thread. */
void           am_canvas_job_run     (AmCanvasJob *job);
/* (transfer full): the rendered surface as a texture node or a cairo node. */
GskRenderNode *am_canvas_job_to_node (AmCanvasJob *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmCanvasJob, am_canvas_job_free)

G_END_DECLS
