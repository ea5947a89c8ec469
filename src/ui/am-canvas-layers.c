/* am-canvas-layers.c — the canvas's cached pictures and the worker jobs that make them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-canvas-job.h"
#include "am-canvas-layers.h"
#include "am-canvas-overlay.h"
#include "am-renderer.h"

/* Frames are built from three layers, so that most frames cost a blit (performance.md):
 *
 *  - the base: the whole scene rendered through am_renderer_draw_scene() into an opaque
 *    image at the device scale, covering the viewport plus a margin.  It depends only on
 *    the scene, the theme, the highlight set, the zoom and the device scale.  A pan
 *    reuses it with an offset; during a zoom gesture or a fly-to it is scaled, and
 *    rendered again, sharp, once the view has settled.  When a render takes longer than
 *    a frame, the next ones run on a worker thread while frames go on with the old
 *    picture; so does the first one of a large new scene, while the old scene's last
 *    picture stays up.
 *  - the overlay: the selected and hovered items with their edges and neighbours,
 *    copied into a small scene of their own (am-canvas-overlay.c) and drawn over the base
 *    (with a veil under them while hovering).  A few items are recorded as vectors; a
 *    hub's hundreds are rendered to an image on the worker.  Hover never touches the base.
 *  - the legend, in a corner, at a fixed size (the canvas places it).
 *
 * Each layer is kept as a render node and appended again frame after frame: under the
 * cairo renderer a cairo node whose recording replays one image paint, under GL a
 * texture uploaded once.  Nothing here ever lays the scene out again. */

/* Time without a settled frame after which a scaled or off-centre base is re-rendered. */
#define SETTLE_MS            150
/* How much of (1 - theme->dim_alpha) the hover veil takes: hover is transient, so it
 * dims less than a search does. */
#define HOVER_VEIL_STRENGTH  0.6
/* A base that took longer than this to render is rendered on a worker thread next time. */
#define SYNC_RENDER_LIMIT_US (8 * G_TIME_SPAN_MILLISECOND)
/* The first picture of a new scene with more items than this is rendered on the worker:
 * at about 40 µs an item (performance.md) it would hold up the frame. */
#define NEW_SCENE_SYNC_MAX_ITEMS 400
/* Larger overlays (a hub with its edges and neighbours) are rendered on the worker. */
#define OVERLAY_VECTOR_MAX_ITEMS 120

/* A picture of the scene at one zoom, covering the viewport plus a margin, with the
 * geometry it was made for.  Frames draw it shifted or scaled while the view moves, and a
 * new one replaces it when the view settles or the content changes. */
typedef struct
{
  GskRenderNode *node;
  AmViewPicture  picture;
  int            scale;
  gboolean       texture;
  guint          serial;            /* the content it shows */
  /* Worth rendering again: the view moved on, or the base under an overlay changed. */
  gboolean       refresh;
  gboolean       job_running;
  gint64         last_render_us;
  GCancellable  *cancellable;
} Layer;


struct _AmCanvasLayers
{
  GObject        parent_instance;

  /* What to draw (owned; the highlight set never changes once handed over) */
  AmScene       *scene;
  const AmTheme *theme;
  AmDocumentOrigin origin;     /* the legend speaks of actors, or of a graph's nodes */
  GHashTable    *highlight;
  GHashTable    *suggested;    /* never changes once handed over either */
  char          *selected;
  char          *hovered;

  Layer          base;
  Layer          overlay;
  /* Bumped when what a layer shows changes (highlight, theme; selection, hover): the old
   * picture stays on screen until the new one is ready. */
  guint          base_serial;
  guint          overlay_serial;

  /* The overlay's items, copied into a scene of their own (NULL when nothing is selected
   * or hovered).  A small one is drawn as vectors, in the base's coordinates. */
  AmScene       *overlay_scene;
  /* Edges of the overlay scene that are there for their label only (ids, owned). */
  GHashTable    *overlay_labels_only;
  GskRenderNode *overlay_vector;
  gboolean       overlay_scene_valid;

  GskRenderNode *legend_node;
  /* The legend lists the whole laid-out map (a kind the view hides stays listed, struck
   * through); NULL: the scene drawn.  The hidden kinds and types are sorted copies. */
  AmScene       *legend_scene;
  GStrv          hidden_kinds;
  GStrv          hidden_types;
  double         legend_width;
  double         legend_height;
  gboolean       legend_measured;

  /* The old scene's last picture, and the view it was last drawn in: shown until the new
   * scene's first base is ready. */
  AmScene       *stale_scene;
  GskRenderNode *stale_node;
  AmViewPicture  stale_picture;
  AmViewport         stale_view;
  /* No base of the current scene has been installed yet. */
  gboolean       new_scene;

  /* The last frame */
  gboolean       have_frame;
  AmViewport         view;
  int            scale;
  gboolean       textures;
  AmScene       *shown_scene;       /* borrowed: scene or stale_scene */

  guint          settle_id;
  gboolean       always_worker;
};

G_DEFINE_FINAL_TYPE (AmCanvasLayers, am_canvas_layers, G_TYPE_OBJECT)

enum {
  SIGNAL_UPDATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
color_to_rgba (const AmColor *color,
               GdkRGBA       *rgba)
{
  rgba->red = color->red;
  rgba->green = color->green;
  rgba->blue = color->blue;
  rgba->alpha = color->alpha;
}

static void
drop_overlay_scene (AmCanvasLayers *self)
{
  g_clear_pointer (&self->overlay_scene, am_scene_unref);
  g_clear_pointer (&self->overlay_labels_only, g_hash_table_unref);
  g_clear_pointer (&self->overlay_vector, gsk_render_node_unref);
  self->overlay_scene_valid = FALSE;
}

/* What the selection or the hover shows changed. */
static void
overlay_changed (AmCanvasLayers *self)
{
  self->overlay_serial++;
  drop_overlay_scene (self);
}

/* The worker cannot be interrupted mid-drawing; this skips it if it has not started,
 * and its result is dropped when it arrives. */
static void
layer_cancel (Layer *layer)
{
  if (layer->cancellable != NULL)
    g_cancellable_cancel (layer->cancellable);
}

static void
drop_stale (AmCanvasLayers *self)
{
  g_clear_pointer (&self->stale_node, gsk_render_node_unref);
  g_clear_pointer (&self->stale_scene, am_scene_unref);
}

static Layer *
layer_for_kind (AmCanvasLayers  *self,
                AmCanvasJobKind  kind)
{
  return kind == AM_CANVAS_JOB_BASE ? &self->base : &self->overlay;
}

/* Sharp, at the device scale it was made for, with room left to pan. */
static gboolean
base_is_settled (AmCanvasLayers *self)
{
  return self->base.node != NULL
         && self->base.scale == self->scale
         && am_view_picture_is_settled (&self->view, &self->base.picture);
}

static void
settle_cb (gpointer user_data)
{
  AmCanvasLayers *self = user_data;

  self->settle_id = 0;
  am_canvas_layers_settle (self);
}

static void
schedule_settle (AmCanvasLayers *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add_once (SETTLE_MS, settle_cb, self);
}

/* Rendering jobs (am-canvas-job.c renders; here, what to ask for and where it goes) */

/* The base for the last frame's view: the viewport plus a margin on every side.  The
 * overlay takes the base's geometry, so that both move together. */
static AmCanvasJob *
render_job_new (AmCanvasLayers  *self,
                AmCanvasJobKind  kind)
{
  AmCanvasJob *job = g_new0 (AmCanvasJob, 1);

  job->kind = kind;
  job->canvas_scene = am_scene_ref (self->scene);
  job->theme = self->theme;
  job->scale = self->scale;
  job->texture = self->textures;
  job->suggested = self->suggested ? g_hash_table_ref (self->suggested) : NULL;

  if (kind == AM_CANVAS_JOB_BASE)
    {
      job->scene = am_scene_ref (self->scene);
      job->highlight = self->highlight ? g_hash_table_ref (self->highlight) : NULL;
      job->serial = self->base_serial;
      am_view_base_picture (&self->view, self->scale, &job->picture);
    }
  else
    {
      job->scene = am_scene_ref (self->overlay_scene);
      job->labels_only = self->overlay_labels_only
                         ? g_hash_table_ref (self->overlay_labels_only) : NULL;
      job->selected_id = g_strdup (self->selected);
      job->hovered_id = g_strdup (self->hovered);
      job->serial = self->overlay_serial;
      job->picture = self->base.picture;
    }

  job->text_pixels_per_point =
    am_view_text_pixels_per_point (am_scene_get_n_nodes (self->scene),
                                   job->picture.zoom * job->scale);

  return job;
}

static void
install_layer (AmCanvasLayers *self,
               AmCanvasJob    *job)
{
  Layer *layer = layer_for_kind (self, job->kind);

  layer->last_render_us = job->duration_us;
  if (job->surface == NULL)
    return;

  g_clear_pointer (&layer->node, gsk_render_node_unref);
  layer->node = am_canvas_job_to_node (job);
  layer->picture = job->picture;
  layer->scale = job->scale;
  layer->texture = job->texture;
  layer->serial = job->serial;
  layer->refresh = FALSE;

  if (job->kind == AM_CANVAS_JOB_BASE)
    {
      /* The new scene is on screen: the old one's picture can go. */
      self->new_scene = FALSE;
      drop_stale (self);
      /* Vector overlays are drawn in the base's coordinates; a raster one is redone to
       * match, and shown as it is meanwhile. */
      g_clear_pointer (&self->overlay_vector, gsk_render_node_unref);
      self->overlay.refresh = TRUE;
      /* The view may have moved on while a worker was busy. */
      layer->refresh = !base_is_settled (self);
    }

  g_debug ("Rendered the canvas %s: %.0f×%.0f px at zoom %.3f in %.1f ms, %s, %s",
           job->kind == AM_CANVAS_JOB_BASE ? "base" : "overlay",
           job->picture.width * job->scale, job->picture.height * job->scale,
           job->picture.zoom, job->duration_us / 1000.0,
           job->texture ? "texture" : "cairo node",
           job->on_worker ? "worker thread" : "in the frame");
}

static void
render_now (AmCanvasLayers  *self,
            AmCanvasJobKind  kind)
{
  g_autoptr(AmCanvasJob) job = render_job_new (self, kind);

  am_canvas_job_run (job);
  install_layer (self, job);
}

static void
render_job_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AmCanvasJob *job = task_data;

  job->on_worker = TRUE;
  if (!g_cancellable_is_cancelled (cancellable))
    am_canvas_job_run (job);

  g_task_return_boolean (task, TRUE);
}

static void
render_job_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AmCanvasLayers) self = g_weak_ref_get (weak);
  AmCanvasJob *job = g_task_get_task_data (G_TASK (result));
  Layer *layer;

  g_weak_ref_clear (weak);
  g_free (weak);

  if (self == NULL)
    return;

  layer = layer_for_kind (self, job->kind);
  layer->job_running = FALSE;
  g_clear_object (&layer->cancellable);

  /* A late answer to an old question is dropped; the next frame asks again. */
  if (job->surface != NULL
      && job->canvas_scene == self->scene
      && job->serial == (job->kind == AM_CANVAS_JOB_BASE ? self->base_serial : self->overlay_serial)
      && job->scale == self->scale
      && job->texture == self->textures)
    install_layer (self, job);

  g_signal_emit (self, signals [SIGNAL_UPDATED], 0);
}

/* Renders on a worker while the frames go on with the picture there is. */
static void
render_later (AmCanvasLayers  *self,
              AmCanvasJobKind  kind)
{
  Layer *layer = layer_for_kind (self, kind);
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;

  if (layer->job_running)
    return;

  layer->job_running = TRUE;
  layer->cancellable = g_cancellable_new ();

  /* No source object: layers that go away do not wait for their last rendering. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, layer->cancellable, render_job_done_cb, weak);
  g_task_set_source_tag (task, render_later);
  g_task_set_task_data (task, render_job_new (self, kind),
                        (GDestroyNotify) am_canvas_job_free);
  g_task_run_in_thread (task, render_job_thread);
}

/* Makes sure there is a base worth drawing, and asks for a better one when it is
 * stale, blurred, off-centre or short of the viewport. */
static void
update_base (AmCanvasLayers *self)
{
  Layer *base = &self->base;
  gboolean large;

  if (base->node != NULL
      && base->serial == self->base_serial
      && base->scale == self->scale
      && base->texture == self->textures
      && am_view_picture_covers (&self->view, &base->picture)
      && !base->refresh)
    return;

  large = am_scene_get_n_nodes (self->scene) + am_scene_get_n_edges (self->scene)
          > NEW_SCENE_SYNC_MAX_ITEMS;

  /* A new scene: quick enough to fit in this frame, or on the worker while the old
   * scene's picture stays up.  Then: nothing to show (the caches were dropped), or quick
   * enough: render now.  Otherwise keep showing the old base (scaled, shifted, or with
   * the previous highlight) while a worker renders the new one (performance.md: 5 000
   * nodes take longer than a frame). */
  if (base->node == NULL && self->new_scene)
    {
      if (large || self->always_worker)
        render_later (self, AM_CANVAS_JOB_BASE);
      else
        render_now (self, AM_CANVAS_JOB_BASE);
    }
  else if (base->node == NULL
           || (base->last_render_us <= SYNC_RENDER_LIMIT_US && !self->always_worker))
    render_now (self, AM_CANVAS_JOB_BASE);
  else
    render_later (self, AM_CANVAS_JOB_BASE);
}

/* The items' extent in the job's widget pixels, with room for outlines and halos. */
static void
overlay_bounds (const AmScene     *scene,
                const AmCanvasJob *job,
                graphene_rect_t   *bounds)
{
  const double pad = 12.0;
  const AmViewPicture *p = &job->picture;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      const AmRect *r = &am_scene_get_node (scene, i)->box;

      x0 = MIN (x0, r->x);
      y0 = MIN (y0, r->y);
      x1 = MAX (x1, r->x + r->width);
      y1 = MAX (y1, r->y + r->height);
    }
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmRect *r = &am_scene_get_edge (scene, i)->bounds;

      x0 = MIN (x0, r->x);
      y0 = MIN (y0, r->y);
      x1 = MAX (x1, r->x + r->width);
      y1 = MAX (y1, r->y + r->height);
    }

  x0 = CLAMP ((x0 - p->x) * p->zoom - pad, 0, p->width);
  y0 = CLAMP ((y0 - p->y) * p->zoom - pad, 0, p->height);
  x1 = CLAMP ((x1 - p->x) * p->zoom + pad, 0, p->width);
  y1 = CLAMP ((y1 - p->y) * p->zoom + pad, 0, p->height);

  graphene_rect_init (bounds, floor (x0), floor (y0), ceil (x1) - floor (x0),
                      ceil (y1) - floor (y0));
}

/* The overlay node to draw over the base, or NULL.  A few items are recorded as vectors
 * and replayed every frame; a hub with hundreds of edges is rendered to an image on the
 * worker thread, as replaying it would cost more than a frame. */
static GskRenderNode *
update_overlay (AmCanvasLayers *self,
                Layer         **raster)
{
  Layer *overlay = &self->overlay;
  guint n_items;

  *raster = NULL;

  if (self->base.node == NULL)
    return NULL;

  if (!self->overlay_scene_valid)
    {
      drop_overlay_scene (self);
      self->overlay_scene = am_canvas_overlay_build (self->scene, self->highlight,
                                                     self->selected, self->hovered,
                                                     &self->overlay_labels_only);
      self->overlay_scene_valid = TRUE;
    }

  if (self->overlay_scene == NULL)
    {
      /* Nothing to highlight: let the last image go. */
      g_clear_pointer (&overlay->node, gsk_render_node_unref);
      return NULL;
    }

  n_items = am_scene_get_n_nodes (self->overlay_scene) + am_scene_get_n_edges (self->overlay_scene);

  if (n_items <= OVERLAY_VECTOR_MAX_ITEMS)
    {
      if (self->overlay_vector == NULL)
        {
          g_autoptr(AmCanvasJob) job = render_job_new (self, AM_CANVAS_JOB_OVERLAY);
          graphene_rect_t bounds;
          cairo_t *cr;

          /* Only as large as the items: GL renderers rasterise a cairo node to a texture
           * of its bounds. */
          overlay_bounds (self->overlay_scene, job, &bounds);
          self->overlay_vector = gsk_cairo_node_new (&bounds);
          cr = gsk_cairo_node_get_draw_context (self->overlay_vector);
          am_canvas_job_draw (job, cr);
          cairo_destroy (cr);
        }

      return self->overlay_vector;
    }

  if (overlay->node == NULL
      || overlay->serial != self->overlay_serial
      || overlay->scale != self->scale
      || overlay->texture != self->textures
      || overlay->refresh)
    render_later (self, AM_CANVAS_JOB_OVERLAY);

  /* An overlay of other items would be wrong; one of these items at another zoom is
   * only blurred for a moment. */
  if (overlay->node == NULL || overlay->serial != self->overlay_serial)
    return NULL;

  *raster = overlay;
  return overlay->node;
}

static void
append_node (GtkSnapshot         *snapshot,
             GskRenderNode       *node,
             const AmViewport        *view,
             const AmViewPicture *picture,
             int                  scale)
{
  double offset_x, offset_y, factor;

  am_view_picture_transform (view, picture, scale, &offset_x, &offset_y, &factor);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (offset_x, offset_y));
  if (factor != 1.0)
    gtk_snapshot_scale (snapshot, factor, factor);
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

static void
append_background (AmCanvasLayers *self,
                   GtkSnapshot    *snapshot,
                   double          alpha)
{
  GdkRGBA rgba;

  color_to_rgba (&self->theme->background, &rgba);
  rgba.alpha = alpha;
  gtk_snapshot_append_color (snapshot, &rgba,
                             &GRAPHENE_RECT_INIT (0, 0, self->view.width, self->view.height));
}

/* GObject */

static void
am_canvas_layers_dispose (GObject *object)
{
  AmCanvasLayers *self = AM_CANVAS_LAYERS (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  layer_cancel (&self->base);
  layer_cancel (&self->overlay);
  g_clear_object (&self->base.cancellable);
  g_clear_object (&self->overlay.cancellable);
  am_canvas_layers_drop_caches (self);
  drop_stale (self);
  g_clear_pointer (&self->scene, am_scene_unref);
  g_clear_pointer (&self->legend_scene, am_scene_unref);
  g_clear_pointer (&self->hidden_kinds, g_strfreev);
  g_clear_pointer (&self->hidden_types, g_strfreev);
  g_clear_pointer (&self->highlight, g_hash_table_unref);
  g_clear_pointer (&self->suggested, g_hash_table_unref);

  G_OBJECT_CLASS (am_canvas_layers_parent_class)->dispose (object);
}

static void
am_canvas_layers_finalize (GObject *object)
{
  AmCanvasLayers *self = AM_CANVAS_LAYERS (object);

  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hovered, g_free);

  G_OBJECT_CLASS (am_canvas_layers_parent_class)->finalize (object);
}

static void
am_canvas_layers_class_init (AmCanvasLayersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_canvas_layers_dispose;
  object_class->finalize = am_canvas_layers_finalize;

  /**
   * AmCanvasLayers::updated:
   *
   * A newer picture is ready, or the view has settled and a sharper one should be
   * asked for: the owner draws again.
   */
  signals [SIGNAL_UPDATED] =
    g_signal_new ("updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
am_canvas_layers_init (AmCanvasLayers *self)
{
  self->theme = am_theme_get_light ();
  self->scale = 1;
  self->always_worker = g_strcmp0 (g_getenv ("AM_CANVAS_DEBUG"), "worker") == 0;
}

/* Public API */

AmCanvasLayers *
am_canvas_layers_new (void)
{
  return g_object_new (AM_TYPE_CANVAS_LAYERS, NULL);
}

void
am_canvas_layers_set_scene (AmCanvasLayers *self,
                            AmScene        *scene)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (self->scene == scene)
    return;

  layer_cancel (&self->base);
  layer_cancel (&self->overlay);

  /* Keep what is on screen until the new scene has a picture; when scenes come faster
   * than pictures, the one on screen stays. */
  if (scene == NULL)
    drop_stale (self);
  else if (self->base.node != NULL && self->shown_scene == self->scene)
    {
      drop_stale (self);
      self->stale_node = g_steal_pointer (&self->base.node);
      self->stale_picture = self->base.picture;
      self->stale_view = self->view;
      self->stale_scene = am_scene_ref (self->scene);
    }

  am_canvas_layers_drop_caches (self);
  self->base.last_render_us = 0;
  self->overlay.last_render_us = 0;
  self->legend_measured = FALSE;
  self->new_scene = TRUE;

  g_clear_pointer (&self->scene, am_scene_unref);
  if (scene != NULL)
    self->scene = am_scene_ref (scene);
}

void
am_canvas_layers_set_theme (AmCanvasLayers *self,
                            const AmTheme  *theme)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));
  g_return_if_fail (theme != NULL);

  if (self->theme == theme)
    return;

  self->theme = theme;
  /* As for a highlight: on a large map the old colours stay up until the worker has the
   * new ones, rather than the window freezing for the length of a render. */
  self->base_serial++;
  overlay_changed (self);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
}

void
am_canvas_layers_set_origin (AmCanvasLayers   *self,
                             AmDocumentOrigin  origin)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (self->origin == origin)
    return;

  /* Only the legend's headings change: "Nodes" and "Edges" are wider than "Actors". */
  self->origin = origin;
  self->legend_measured = FALSE;
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
}

void
am_canvas_layers_set_highlight (AmCanvasLayers *self,
                                GHashTable     *ids)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (self->highlight == ids)
    return;

  g_clear_pointer (&self->highlight, g_hash_table_unref);
  if (ids != NULL)
    self->highlight = g_hash_table_ref (ids);

  self->base_serial++;
  /* The overlay redraws only the covered labels the base does not dim. */
  overlay_changed (self);
}

void
am_canvas_layers_set_suggested (AmCanvasLayers *self,
                                GHashTable     *ids)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (self->suggested == ids)
    return;

  g_clear_pointer (&self->suggested, g_hash_table_unref);
  if (ids != NULL)
    self->suggested = g_hash_table_ref (ids);

  /* Both layers draw suggestions: the overlay redraws the selected item over the base. */
  self->base_serial++;
  overlay_changed (self);
}

void
am_canvas_layers_set_focus (AmCanvasLayers *self,
                            const char     *selected,
                            const char     *hovered)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (g_strcmp0 (self->selected, selected) == 0 && g_strcmp0 (self->hovered, hovered) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (selected);
  g_free (self->hovered);
  self->hovered = g_strdup (hovered);
  overlay_changed (self);
}

void
am_canvas_layers_set_always_worker (AmCanvasLayers *self,
                                    gboolean        always)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  self->always_worker = !!always;
}

gboolean
am_canvas_layers_snapshot (AmCanvasLayers *self,
                           GtkSnapshot    *snapshot,
                           const AmViewport   *view,
                           int             scale,
                           gboolean        textures)
{
  GskRenderNode *overlay;
  Layer *raster;

  g_return_val_if_fail (AM_IS_CANVAS_LAYERS (self), FALSE);
  g_return_val_if_fail (view != NULL && view->zoom > 0, FALSE);

  self->view = *view;
  self->scale = MAX (scale, 1);
  self->textures = !!textures;
  self->have_frame = TRUE;
  self->shown_scene = NULL;

  if (view->width <= 0 || view->height <= 0)
    return FALSE;

  if (self->scene != NULL)
    update_base (self);

  if (self->scene == NULL || self->base.node == NULL)
    {
      if (self->scene == NULL || self->stale_node == NULL)
        {
          append_background (self, snapshot, 1.0);
          return FALSE;
        }

      /* The old scene, exactly where it was, until the new one is ready. */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));
      append_background (self, snapshot, 1.0);
      append_node (snapshot, self->stale_node, &self->stale_view, &self->stale_picture,
                   self->scale);
      gtk_snapshot_pop (snapshot);
      self->shown_scene = self->stale_scene;
      return TRUE;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));

  /* A scaled or shifted base is fine while it covers the view: the settle timeout
   * sharpens it once the view stops moving.  While a worker renders the area a pan
   * uncovered, the background fills it. */
  if (!am_view_picture_covers (view, &self->base.picture))
    append_background (self, snapshot, 1.0);
  append_node (snapshot, self->base.node, view, &self->base.picture, self->scale);

  overlay = update_overlay (self, &raster);
  if (overlay != NULL)
    {
      /* The veil and the highlighted items appear together. */
      if (self->hovered != NULL)
        append_background (self, snapshot, (1.0 - self->theme->dim_alpha) * HOVER_VEIL_STRENGTH);
      append_node (snapshot, overlay, view,
                   raster != NULL ? &raster->picture : &self->base.picture, self->scale);
    }

  gtk_snapshot_pop (snapshot);

  if (!base_is_settled (self))
    schedule_settle (self);

  self->shown_scene = self->scene;
  return TRUE;
}

void
am_canvas_layers_settle (AmCanvasLayers *self)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);

  if (self->have_frame && self->scene != NULL && !base_is_settled (self))
    {
      self->base.refresh = TRUE;
      g_signal_emit (self, signals [SIGNAL_UPDATED], 0);
    }
}

void
am_canvas_layers_drop_caches (AmCanvasLayers *self)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  g_clear_pointer (&self->base.node, gsk_render_node_unref);
  g_clear_pointer (&self->overlay.node, gsk_render_node_unref);
  drop_overlay_scene (self);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
}

static AmScene *
legend_scene (AmCanvasLayers *self)
{
  if (self->scene == NULL)
    return NULL;

  return self->legend_scene != NULL ? self->legend_scene : self->scene;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal (a, b);
}

void
am_canvas_layers_set_legend (AmCanvasLayers     *self,
                             AmScene            *scene,
                             const char * const *hidden_kinds,
                             const char * const *hidden_types)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (self->legend_scene != scene)
    {
      g_clear_pointer (&self->legend_scene, am_scene_unref);
      if (scene != NULL)
        self->legend_scene = am_scene_ref (scene);
      self->legend_measured = FALSE;
      g_clear_pointer (&self->legend_node, gsk_render_node_unref);
    }

  if (!strv_equal0 ((const char * const *) self->hidden_kinds, hidden_kinds)
      || !strv_equal0 ((const char * const *) self->hidden_types, hidden_types))
    {
      g_strfreev (self->hidden_kinds);
      g_strfreev (self->hidden_types);
      self->hidden_kinds = g_strdupv ((char **) hidden_kinds);
      self->hidden_types = g_strdupv ((char **) hidden_types);
      /* Hiding changes the colours of a row, not the legend's size. */
      g_clear_pointer (&self->legend_node, gsk_render_node_unref);
    }
}

char *
am_canvas_layers_legend_entry_at (AmCanvasLayers *self,
                                  double          x,
                                  double          y,
                                  gboolean       *is_kind)
{
  g_return_val_if_fail (AM_IS_CANVAS_LAYERS (self), NULL);

  if (legend_scene (self) == NULL)
    return NULL;

  return am_renderer_legend_entry_at (legend_scene (self), self->theme, self->origin, x, y,
                                      is_kind);
}

/* Its size depends on the scene alone (fonts and rows), not on the colours. */
void
am_canvas_layers_get_legend_size (AmCanvasLayers *self,
                                  double         *width,
                                  double         *height)
{
  g_return_if_fail (AM_IS_CANVAS_LAYERS (self));

  if (!self->legend_measured && legend_scene (self) != NULL)
    {
      am_renderer_measure_legend_full (legend_scene (self), self->theme, self->origin,
                                       &self->legend_width, &self->legend_height);
      if (!(self->legend_width > 0 && self->legend_height > 0))
        self->legend_width = self->legend_height = 0;
      self->legend_measured = TRUE;
    }

  *width = self->scene != NULL ? self->legend_width : 0;
  *height = self->scene != NULL ? self->legend_height : 0;
}

GskRenderNode *
am_canvas_layers_get_legend (AmCanvasLayers *self)
{
  AmLegendState state = { 0, };
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (AM_IS_CANVAS_LAYERS (self), NULL);

  if (self->legend_node != NULL || self->scene == NULL)
    return self->legend_node;

  am_canvas_layers_get_legend_size (self, &width, &height);
  if (!(width > 0 && height > 0))
    return NULL;

  state.origin = self->origin;
  state.hidden_kinds = (const char * const *) self->hidden_kinds;
  state.hidden_types = (const char * const *) self->hidden_types;
  self->legend_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (self->legend_node);
  am_renderer_draw_legend_state (cr, legend_scene (self), self->theme, &state, 0, 0);
  cairo_destroy (cr);

  return self->legend_node;
}

AmScene *
am_canvas_layers_get_shown_scene (AmCanvasLayers *self)
{
  g_return_val_if_fail (AM_IS_CANVAS_LAYERS (self), NULL);

  return self->shown_scene;
}

gboolean
am_canvas_layers_is_busy (AmCanvasLayers *self)
{
  g_return_val_if_fail (AM_IS_CANVAS_LAYERS (self), FALSE);

  return self->base.job_running || self->overlay.job_running;
}
