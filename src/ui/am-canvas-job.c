/* am-canvas-job.c — one rendering of a canvas layer, safe to run on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-canvas-job.h"
#include "am-renderer.h"

void
am_canvas_job_free (AmCanvasJob *job)
{
  g_clear_pointer (&job->scene, am_scene_unref);
  g_clear_pointer (&job->canvas_scene, am_scene_unref);
  g_clear_pointer (&job->highlight, g_hash_table_unref);
  g_clear_pointer (&job->suggested, g_hash_table_unref);
  g_clear_pointer (&job->labels_only, g_hash_table_unref);
  g_clear_pointer (&job->selected_id, g_free);
  g_clear_pointer (&job->hovered_id, g_free);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

void
am_canvas_job_draw (AmCanvasJob *job,
                    cairo_t     *cr)
{
  AmRenderState state;

  cairo_scale (cr, job->picture.zoom, job->picture.zoom);
  cairo_translate (cr, -job->picture.x, -job->picture.y);

  am_render_state_init (&state);
  state.highlighted = job->highlight;
  state.suggested = job->suggested;
  state.selected_id = job->selected_id;
  state.hovered_id = job->hovered_id;
  state.labels_only = job->labels_only;
  state.visible.x = job->picture.x;
  state.visible.y = job->picture.y;
  state.visible.width = job->picture.width / job->picture.zoom;
  state.visible.height = job->picture.height / job->picture.zoom;
  state.pixels_per_point = job->text_pixels_per_point;
  am_renderer_draw_scene (cr, job->scene, job->theme, &state);
}

/* Thread-safe: touches nothing but the job. */
void
am_canvas_job_run (AmCanvasJob *job)
{
  int device_width = (int) round (job->picture.width * job->scale);
  int device_height = (int) round (job->picture.height * job->scale);
  gint64 start = g_get_monotonic_time ();
  cairo_format_t format;
  cairo_t *cr;

  /* The base is opaque (the background is part of it, so painting it is a plain copy);
   * textures and overlays need alpha. */
  format = job->kind == AM_CANVAS_JOB_BASE && !job->texture ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
  job->surface = cairo_image_surface_create (format, device_width, device_height);
  if (cairo_surface_status (job->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("Cannot allocate a %d×%d canvas image: %s", device_width, device_height,
               cairo_status_to_string (cairo_surface_status (job->surface)));
      g_clear_pointer (&job->surface, cairo_surface_destroy);
      return;
    }
  cairo_surface_set_device_scale (job->surface, job->scale, job->scale);

  cr = cairo_create (job->surface);
  if (job->kind == AM_CANVAS_JOB_BASE)
    {
      cairo_set_source_rgb (cr, job->theme->background.red, job->theme->background.green,
                            job->theme->background.blue);
      cairo_paint (cr);
    }
  am_canvas_job_draw (job, cr);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);

  job->duration_us = g_get_monotonic_time () - start;
}

GskRenderNode *
am_canvas_job_to_node (AmCanvasJob *job)
{
  const graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, job->picture.width,
                                                     job->picture.height);
  GskRenderNode *node;

  if (job->texture)
    {
      int stride = cairo_image_surface_get_stride (job->surface);
      int height = cairo_image_surface_get_height (job->surface);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      /* GDK_MEMORY_DEFAULT is cairo's ARGB32: the texture wraps the pixels, no copy. */
      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (job->surface),
                                          (gsize) stride * height,
                                          (GDestroyNotify) cairo_surface_destroy,
                                          cairo_surface_reference (job->surface));
      texture = gdk_memory_texture_new (cairo_image_surface_get_width (job->surface), height,
                                        GDK_MEMORY_DEFAULT, bytes, stride);
      node = gsk_texture_node_new (texture, &bounds);
    }
  else
    {
      cairo_t *cr;

      /* The node's recording keeps a snapshot of the image; painting it is all it
       * replays. */
      node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_set_source_surface (cr, job->surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  return node;
}
