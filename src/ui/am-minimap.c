/* am-minimap.c — the whole map small, with the canvas's view as a rectangle to drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "am-minimap.h"
#include "am-renderer.h"
#include "am-theme.h"

/* Widget pixels between the frame and the picture. */
#define PADDING 4.0
/* The map counts as in view when it overhangs the visible area by less than this many
 * widget pixels: a fitted map's margin rounding must not bring the minimap up. */
#define FIT_TOLERANCE 2.0

struct _AmMinimap
{
  GtkWidget     parent_instance;

  AmCanvas     *canvas;            /* weak: the canvas outlives its overlay children */
  GSignalGroup *canvas_signals;

  /* The picture of the scene at the current size; NULL when it must be drawn again. */
  GdkTexture   *texture;
  AmScene      *drawn_scene;       /* what the texture shows, to tell a new scene */
  /* A large map's picture is drawn on a worker; a picture that comes back with another
   * serial than this one was asked for before the scene, size or colours changed. */
  guint         render_serial;
  gboolean      rendering;

  /* A drag keeps the scene point it took, relative to the view's centre. */
  double        grab_x;
  double        grab_y;
  double        start_x;
  double        start_y;

  /* What the scene draws (nodes and edges), cached per scene: a view's derived scene
   * keeps the whole map's bounds, and a focus on three actors fits the canvas. */
  AmScene      *content_scene;
  AmRect        content;

  guint         needed : 1;
};

G_DEFINE_FINAL_TYPE (AmMinimap, am_minimap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_NEEDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static AmScene *
current_scene (AmMinimap *self)
{
  return self->canvas != NULL ? am_canvas_get_scene (self->canvas) : NULL;
}

/* The picture's scale (widget pixels per scene point) and its top-left corner, for a
 * widget of @width × @height. */
static gboolean
placement (AmMinimap *self,
           double     width,
           double     height,
           double    *scale,
           double    *x,
           double    *y)
{
  AmScene *scene = current_scene (self);
  const AmRect *bounds;

  if (scene == NULL || width <= 2 * PADDING || height <= 2 * PADDING)
    return FALSE;

  bounds = am_scene_get_bounds (scene);
  if (!(bounds->width > 0) || !(bounds->height > 0))
    return FALSE;

  *scale = MIN ((width - 2 * PADDING) / bounds->width, (height - 2 * PADDING) / bounds->height);
  *x = (width - bounds->width * *scale) / 2;
  *y = (height - bounds->height * *scale) / 2;
  return TRUE;
}

/* Scene point → minimap coordinates (@to_widget) or back, at the widget's size. */
static gboolean
convert (AmMinimap *self,
         gboolean   to_widget,
         double     in_x,
         double     in_y,
         double    *out_x,
         double    *out_y)
{
  const AmRect *bounds;
  double scale, x, y;

  if (!placement (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), &scale, &x, &y))
    return FALSE;

  bounds = am_scene_get_bounds (current_scene (self));
  if (to_widget)
    {
      *out_x = x + (in_x - bounds->x) * scale;
      *out_y = y + (in_y - bounds->y) * scale;
    }
  else
    {
      *out_x = bounds->x + (in_x - x) / scale;
      *out_y = bounds->y + (in_y - y) / scale;
    }
  return TRUE;
}

gboolean
am_minimap_scene_to_widget (AmMinimap *self,
                            double     scene_x,
                            double     scene_y,
                            double    *widget_x,
                            double    *widget_y)
{
  g_return_val_if_fail (AM_IS_MINIMAP (self), FALSE);

  return convert (self, TRUE, scene_x, scene_y, widget_x, widget_y);
}

gboolean
am_minimap_widget_to_scene (AmMinimap *self,
                            double     widget_x,
                            double     widget_y,
                            double    *scene_x,
                            double    *scene_y)
{
  g_return_val_if_fail (AM_IS_MINIMAP (self), FALSE);

  return convert (self, FALSE, widget_x, widget_y, scene_x, scene_y);
}

static void
rect_union (AmRect       *into,
            const AmRect *rect,
            gboolean      first)
{
  double x1, y1;

  if (first)
    {
      *into = *rect;
      return;
    }
  x1 = MAX (into->x + into->width, rect->x + rect->width);
  y1 = MAX (into->y + into->height, rect->y + rect->height);
  into->x = MIN (into->x, rect->x);
  into->y = MIN (into->y, rect->y);
  into->width = x1 - into->x;
  into->height = y1 - into->y;
}

/* The box around everything @scene draws; NULL when it draws nothing. */
static const AmRect *
content_bounds (AmMinimap *self,
                AmScene   *scene)
{
  guint n_nodes = am_scene_get_n_nodes (scene);
  guint n_edges = am_scene_get_n_edges (scene);

  if (n_nodes == 0)
    return NULL;
  if (self->content_scene != scene)
    {
      for (guint i = 0; i < n_nodes; i++)
        rect_union (&self->content, &am_scene_get_node (scene, i)->box, i == 0);
      for (guint i = 0; i < n_edges; i++)
        rect_union (&self->content, &am_scene_get_edge (scene, i)->bounds, FALSE);
      g_clear_pointer (&self->content_scene, am_scene_unref);
      self->content_scene = am_scene_ref (scene);
    }
  return &self->content;
}

/* Whether part of what the map draws lies outside what the canvas shows. */
static gboolean
compute_needed (AmMinimap *self)
{
  AmScene *scene = current_scene (self);
  const AmRect *bounds;
  AmRect area;
  double slack;
  double zoom;

  if (scene == NULL)
    return FALSE;

  am_canvas_get_visible_area (self->canvas, &area);
  if (area.width <= 0 || area.height <= 0)
    return FALSE;

  am_canvas_get_viewport (self->canvas, NULL, NULL, &zoom);
  slack = FIT_TOLERANCE / zoom;
  bounds = content_bounds (self, scene);
  if (bounds == NULL)
    return FALSE;

  return bounds->x < area.x - slack
         || bounds->y < area.y - slack
         || bounds->x + bounds->width > area.x + area.width + slack
         || bounds->y + bounds->height > area.y + area.height + slack;
}

static void
update_needed (AmMinimap *self)
{
  gboolean needed = compute_needed (self);

  gtk_widget_set_visible (GTK_WIDGET (self), needed);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->needed == needed)
    return;

  self->needed = needed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEEDED]);
}

static void
drop_texture (AmMinimap *self)
{
  g_clear_object (&self->texture);
  g_clear_pointer (&self->drawn_scene, am_scene_unref);
  self->render_serial++;
  self->rendering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scene_changed_cb (AmMinimap *self)
{
  drop_texture (self);
  /* The picture keeps the map's proportions. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  update_needed (self);
}

/* Above this many nodes and edges, the small map is drawn on a worker thread: drawing
 * the 20 000-actor map took 110 ms, and it happens when a selection first flies the
 * view in, where the main loop stalled on it (bench/README.md, the AT-SPI probe). */
#define MINIMAP_WORKER_ITEMS 5000

/* What one picture needs, owned: the scene is immutable, the theme static. */
typedef struct
{
  AmScene       *scene;
  const AmTheme *theme;
  GHashTable    *highlighted;
  int            width;
  int            height;
  int            device_scale;
  double         scale;
  double         x;
  double         y;
  guint          serial;
} Picture;

static void
picture_free (Picture *picture)
{
  g_clear_pointer (&picture->scene, am_scene_unref);
  g_clear_pointer (&picture->highlighted, g_hash_table_unref);
  g_free (picture);
}

static Picture *
picture_new (AmMinimap *self,
             int        width,
             int        height,
             int        device_scale)
{
  GHashTable *highlighted = am_canvas_get_highlight (self->canvas);
  Picture *picture = g_new0 (Picture, 1);

  if (!placement (self, width, height, &picture->scale, &picture->x, &picture->y))
    {
      g_free (picture);
      return NULL;
    }
  picture->scene = am_scene_ref (current_scene (self));
  picture->theme = am_canvas_get_dark (self->canvas) ? am_theme_get_dark ()
                                                       : am_theme_get_light ();
  picture->highlighted = highlighted != NULL ? g_hash_table_ref (highlighted) : NULL;
  picture->width = width;
  picture->height = height;
  picture->device_scale = device_scale;
  picture->serial = self->render_serial;

  return picture;
}

/* Renders the scene at the widget's size (device pixels) into a texture, on any thread.
 * Text is below the renderer's cut-off at this size, so this costs the shapes only. */
static GdkTexture *
picture_render (const Picture *picture)
{
  const AmRect *bounds = am_scene_get_bounds (picture->scene);
  const AmTheme *theme = picture->theme;
  int device_scale = picture->device_scale;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  AmRenderState state;
  int stride;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, picture->width * device_scale,
                                        picture->height * device_scale);
  cr = cairo_create (surface);
  cairo_scale (cr, device_scale, device_scale);

  cairo_set_source_rgba (cr, theme->background.red, theme->background.green,
                         theme->background.blue, theme->background.alpha);
  cairo_paint (cr);

  cairo_translate (cr, picture->x, picture->y);
  cairo_scale (cr, picture->scale, picture->scale);
  cairo_translate (cr, -bounds->x, -bounds->y);

  am_render_state_init (&state);
  /* Path emphasis and search dim the small map as they dim the large one. */
  state.highlighted = picture->highlighted;
  state.pixels_per_point = picture->scale * device_scale;
  am_renderer_draw_scene (cr, picture->scene, theme, &state);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  /* The bytes keep the surface alive: the texture wraps its pixels (GDK_MEMORY_DEFAULT
   * is cairo's ARGB32 layout). */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * picture->height * device_scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (picture->width * device_scale, picture->height * device_scale,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
picture_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_task_return_pointer (task, picture_render (task_data), g_object_unref);
}

static void
picture_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AmMinimap *self = AM_MINIMAP (object);
  Picture *picture = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Asked for before the scene, the size or the colours changed: a new one is due. */
  if (picture->serial != self->render_serial)
    return;

  self->rendering = FALSE;
  g_clear_object (&self->texture);
  g_clear_pointer (&self->drawn_scene, am_scene_unref);
  self->texture = g_steal_pointer (&texture);
  self->drawn_scene = am_scene_ref (picture->scene);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The picture of the current scene: drawn now for a small map, asked of a worker for a
 * large one (the frame shows the view's rectangle on the background meanwhile). */
static void
update_texture (AmMinimap *self,
                int        width,
                int        height,
                int        device_scale)
{
  AmScene *scene = current_scene (self);
  g_autoptr(GTask) task = NULL;
  Picture *picture;

  if (self->rendering)
    return;

  picture = picture_new (self, width, height, device_scale);
  if (picture == NULL)
    return;

  if (am_scene_get_n_nodes (scene) + am_scene_get_n_edges (scene) < MINIMAP_WORKER_ITEMS)
    {
      g_clear_object (&self->texture);
      g_clear_pointer (&self->drawn_scene, am_scene_unref);
      self->texture = picture_render (picture);
      self->drawn_scene = am_scene_ref (scene);
      picture_free (picture);
      return;
    }

  self->rendering = TRUE;
  task = g_task_new (self, NULL, picture_done_cb, NULL);
  g_task_set_source_tag (task, update_texture);
  g_task_set_task_data (task, picture, (GDestroyNotify) picture_free);
  g_task_run_in_thread (task, picture_thread);
}

/* GtkWidget */

static void
am_minimap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  AmMinimap *self = AM_MINIMAP (widget);
  AmScene *scene = current_scene (self);
  double width = AM_MINIMAP_MAX_WIDTH;
  double height = AM_MINIMAP_MAX_HEIGHT;

  /* The map's proportions within the largest size. */
  if (scene != NULL)
    {
      const AmRect *bounds = am_scene_get_bounds (scene);

      if (bounds->width > 0 && bounds->height > 0)
        {
          double scale = MIN ((AM_MINIMAP_MAX_WIDTH - 2 * PADDING) / bounds->width,
                              (AM_MINIMAP_MAX_HEIGHT - 2 * PADDING) / bounds->height);

          width = MAX (ceil (bounds->width * scale + 2 * PADDING), 24);
          height = MAX (ceil (bounds->height * scale + 2 * PADDING), 24);
        }
    }

  *minimum = *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
am_minimap_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  AmMinimap *self = AM_MINIMAP (widget);

  if (self->texture != NULL
      && (gdk_texture_get_width (self->texture) != width * gtk_widget_get_scale_factor (widget)
          || gdk_texture_get_height (self->texture) != height * gtk_widget_get_scale_factor (widget)))
    drop_texture (self);
}

static void
am_minimap_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  AmMinimap *self = AM_MINIMAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AmScene *scene = current_scene (self);
  const AmTheme *theme;
  GskRoundedRect frame;
  AmRect area;
  double x0, y0, x1, y1;

  if (scene == NULL || width <= 0 || height <= 0)
    return;

  theme = am_canvas_get_dark (self->canvas) ? am_theme_get_dark () : am_theme_get_light ();

  if (self->texture == NULL || self->drawn_scene != scene)
    update_texture (self, width, height, gtk_widget_get_scale_factor (widget));

  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (0, 0, width, height), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The canvas's view, clipped to the minimap. */
  am_canvas_get_visible_area (self->canvas, &area);
  if (am_minimap_scene_to_widget (self, area.x, area.y, &x0, &y0)
      && am_minimap_scene_to_widget (self, area.x + area.width, area.y + area.height, &x1, &y1))
    {
      const AmColor *c = &theme->selection;
      GdkRGBA fill = { c->red, c->green, c->blue, 0.18f };
      GdkRGBA line = { c->red, c->green, c->blue, 0.9f };
      GskRoundedRect box;
      float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
      GdkRGBA lines[4] = { line, line, line, line };
      graphene_rect_t rect = GRAPHENE_RECT_INIT (floor (x0), floor (y0),
                                                 MAX (ceil (x1 - x0), 4), MAX (ceil (y1 - y0), 4));

      gtk_snapshot_append_color (snapshot, &fill, &rect);
      gsk_rounded_rect_init_from_rect (&box, &rect, 0);
      gtk_snapshot_append_border (snapshot, &box, widths, lines);
    }
  gtk_snapshot_pop (snapshot);

  {
    const AmColor *c = &theme->foreground;
    GdkRGBA edge = { c->red, c->green, c->blue, 0.35f };
    float widths[4] = { 1, 1, 1, 1 };
    GdkRGBA edges[4] = { edge, edge, edge, edge };

    gtk_snapshot_append_border (snapshot, &frame, widths, edges);
  }
}

/* Dragging */

static void
drag_begin (AmMinimap *self,
            double     x,
            double     y)
{
  double scene_x, scene_y, center_x, center_y;
  AmRect area;

  self->start_x = x;
  self->start_y = y;
  self->grab_x = self->grab_y = 0;

  if (self->canvas == NULL || !am_minimap_widget_to_scene (self, x, y, &scene_x, &scene_y))
    return;

  am_canvas_get_visible_area (self->canvas, &area);
  am_canvas_get_viewport (self->canvas, &center_x, &center_y, NULL);

  /* Taken inside the rectangle: it moves by where it was taken.  Outside: the map
   * jumps there first. */
  if (scene_x >= area.x && scene_x <= area.x + area.width
      && scene_y >= area.y && scene_y <= area.y + area.height)
    {
      self->grab_x = center_x - scene_x;
      self->grab_y = center_y - scene_y;
    }
  else
    am_canvas_center_on (self->canvas, scene_x, scene_y);
}

static void
drag_update (AmMinimap *self,
             double     dx,
             double     dy)
{
  double scene_x, scene_y;

  if (self->canvas == NULL
      || !am_minimap_widget_to_scene (self, self->start_x + dx, self->start_y + dy,
                                      &scene_x, &scene_y))
    return;

  am_canvas_center_on (self->canvas, scene_x + self->grab_x, scene_y + self->grab_y);
}

void
am_minimap_drag (AmMinimap *self,
                 double     x,
                 double     y,
                 double     dx,
                 double     dy)
{
  g_return_if_fail (AM_IS_MINIMAP (self));

  drag_begin (self, x, y);
  if (dx != 0 || dy != 0)
    drag_update (self, dx, dy);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AmMinimap      *self)
{
  /* The canvas under the overlay must not pan or select as well. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  drag_begin (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AmMinimap      *self)
{
  drag_update (self, dx, dy);
}

/* GObject */

static void
am_minimap_dispose (GObject *object)
{
  AmMinimap *self = AM_MINIMAP (object);

  if (self->canvas_signals != NULL)
    g_signal_group_set_target (self->canvas_signals, NULL);
  g_clear_object (&self->canvas_signals);
  g_clear_weak_pointer (&self->canvas);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->drawn_scene, am_scene_unref);
  g_clear_pointer (&self->content_scene, am_scene_unref);

  G_OBJECT_CLASS (am_minimap_parent_class)->dispose (object);
}

static void
am_minimap_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AmMinimap *self = AM_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_NEEDED:
      g_value_set_boolean (value, self->needed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_minimap_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AmMinimap *self = AM_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      am_minimap_set_canvas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_minimap_class_init (AmMinimapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_minimap_dispose;
  object_class->get_property = am_minimap_get_property;
  object_class->set_property = am_minimap_set_property;

  widget_class->measure = am_minimap_measure;
  widget_class->size_allocate = am_minimap_size_allocate;
  widget_class->snapshot = am_minimap_snapshot;

  properties [PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         AM_TYPE_CANVAS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEEDED] =
    g_param_spec_boolean ("needed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "actormap-minimap");
}

static void
am_minimap_init (AmMinimap *self)
{
  GtkGesture *drag;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               /* Translators: tooltip of the small overview map */
                               _("Drag to move the view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the small overview map */
                                  _("Overview of the map"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  self->canvas_signals = g_signal_group_new (AM_TYPE_CANVAS);
  g_signal_group_connect_object (self->canvas_signals, "notify::scene",
                                 G_CALLBACK (scene_changed_cb), self, G_CONNECT_SWAPPED);
  /* Theme and dimming change the picture, not its size. */
  g_signal_group_connect_object (self->canvas_signals, "notify::dark",
                                 G_CALLBACK (drop_texture), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->canvas_signals, "notify::highlight",
                                 G_CALLBACK (drop_texture), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->canvas_signals, "viewport-changed",
                                 G_CALLBACK (update_needed), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
am_minimap_new (void)
{
  return g_object_new (AM_TYPE_MINIMAP, NULL);
}

AmCanvas *
am_minimap_get_canvas (AmMinimap *self)
{
  g_return_val_if_fail (AM_IS_MINIMAP (self), NULL);

  return self->canvas;
}

void
am_minimap_set_canvas (AmMinimap *self,
                       AmCanvas  *canvas)
{
  g_return_if_fail (AM_IS_MINIMAP (self));
  g_return_if_fail (canvas == NULL || AM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  g_set_weak_pointer (&self->canvas, canvas);
  g_signal_group_set_target (self->canvas_signals, canvas);
  scene_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CANVAS]);
}

gboolean
am_minimap_get_needed (AmMinimap *self)
{
  g_return_val_if_fail (AM_IS_MINIMAP (self), FALSE);

  return self->needed;
}

GdkTexture *
am_minimap_get_texture (AmMinimap *self)
{
  g_return_val_if_fail (AM_IS_MINIMAP (self), NULL);

  return self->texture;
}
