/* test-canvas-layers.c — AmCanvasLayers without a widget: what each frame shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gtk/gtk.h>

#include "am-canvas-layers.h"
#include "am-theme.h"
#include "canvas-test-util.h"

#define WIDTH  400
#define HEIGHT 300

static const AmRect bounds = { 0, 0, 400, 300 };
/* The one node of scene A, and where scene B puts it. */
static const AmRect box_a = { 40, 40, 100, 50 };
static const AmRect box_b = { 260, 210, 100, 50 };

/* One "organization" node with no label, so its inside is plain fill; with @n_extra
 * small nodes in a row along the bottom to make it large. */
static AmScene *
make_scene (const AmRect *box,
            guint         n_extra)
{
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmSceneNode node = { (char *) "n", (char *) "", (char *) "organization",
                       AM_NODE_SHAPE_BOX, *box };
  AmScene *scene;

  am_scene_builder_add_node (builder, &node);
  for (guint i = 0; i < n_extra; i++)
    {
      g_autofree char *id = g_strdup_printf ("x%u", i);
      AmSceneNode extra = { id, (char *) "", (char *) "person", AM_NODE_SHAPE_BOX,
                            { 2 + (i % 190) * 2.0, 292, 1, 1 } };

      am_scene_builder_add_node (builder, &extra);
    }

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

static AmViewport
fitted_view (void)
{
  AmViewport view = { 0, 0, 1, WIDTH, HEIGHT };

  am_view_fit (&view, &bounds, 0, 0);
  return view;
}

/* One frame: what am_canvas_layers_snapshot() appends, drawn into an image. */
typedef struct
{
  gboolean         drawn;
  cairo_surface_t *surface;
} Frame;

static void
frame_take (AmCanvasLayers *layers,
            const AmViewport   *view,
            Frame          *frame)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  frame->drawn = am_canvas_layers_snapshot (layers, snapshot, view, 1, FALSE);
  node = gtk_snapshot_free_to_node (snapshot);

  frame->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (frame->surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (frame->surface);
}

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->surface, cairo_surface_destroy);
}

/* Whether the frame shows the node's fill at the middle of @box (scene points). */
static gboolean
shows_node_at (Frame        *frame,
               const AmViewport *view,
               const AmRect *box)
{
  const AmTheme *theme = am_theme_get_light ();
  const AmColor *fill = &am_theme_style_for_kind (theme, "organization")->fill;
  double x, y;
  const guchar *p;
  int want[3];

  g_assert_true (am_view_scene_to_widget (view, box->x + box->width / 2,
                                          box->y + box->height / 2, &x, &y));
  p = cairo_image_surface_get_data (frame->surface)
      + (int) y * cairo_image_surface_get_stride (frame->surface) + (int) x * 4;

  for (guint i = 0; i < 3; i++)
    {
      double c = i == 0 ? fill->red : i == 1 ? fill->green : fill->blue;
      double bg = i == 0 ? theme->background.red : i == 1 ? theme->background.green
                                                          : theme->background.blue;

      want[i] = (int) round ((c * fill->alpha + bg * (1 - fill->alpha)) * 255);
    }

  /* BGRA, premultiplied, little-endian; the base is opaque. */
  return abs (p[2] - want[0]) <= 3 && abs (p[1] - want[1]) <= 3 && abs (p[0] - want[2]) <= 3;
}

static void
updated_cb (AmCanvasLayers *layers,
            guint          *count)
{
  (*count)++;
}

/* Runs the main loop until the worker has answered (at most 10 s). */
static void
wait_until_idle (AmCanvasLayers *layers)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (am_canvas_layers_is_busy (layers) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (am_canvas_layers_is_busy (layers));
}

/* A small scene is drawn in the very first frame. */
static void
test_small_scene_in_frame (void)
{
  g_autoptr(AmCanvasLayers) layers = am_canvas_layers_new ();
  g_autoptr(AmScene) scene = make_scene (&box_a, 0);
  AmViewport view = fitted_view ();
  Frame frame = { 0 };

  am_canvas_layers_set_always_worker (layers, FALSE);

  /* Nothing to draw yet. */
  frame_take (layers, &view, &frame);
  g_assert_false (frame.drawn);
  frame_clear (&frame);

  am_canvas_layers_set_scene (layers, scene);
  frame_take (layers, &view, &frame);
  g_assert_true (frame.drawn);
  g_assert_false (am_canvas_layers_is_busy (layers));
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == scene);
  g_assert_true (shows_node_at (&frame, &view, &box_a));
  frame_clear (&frame);

  am_canvas_layers_set_scene (layers, NULL);
  frame_take (layers, &view, &frame);
  g_assert_false (frame.drawn);
  g_assert_null (am_canvas_layers_get_shown_scene (layers));
  frame_clear (&frame);
}

/* A new scene whose first picture comes from the worker: until it arrives, every frame
 * shows the old scene's picture where it was, even though the view has moved on. */
static void
test_new_scene_keeps_old_picture (void)
{
  g_autoptr(AmCanvasLayers) layers = am_canvas_layers_new ();
  g_autoptr(AmScene) scene_a = make_scene (&box_a, 0);
  g_autoptr(AmScene) scene_b = make_scene (&box_b, 0);
  AmViewport view = fitted_view ();
  AmViewport old_view;
  Frame frame = { 0 };
  guint updated = 0;

  g_signal_connect (layers, "updated", G_CALLBACK (updated_cb), &updated);
  am_canvas_layers_set_always_worker (layers, FALSE);
  am_canvas_layers_set_scene (layers, scene_a);
  frame_take (layers, &view, &frame);
  g_assert_true (shows_node_at (&frame, &view, &box_a));
  frame_clear (&frame);
  old_view = view;

  am_canvas_layers_set_always_worker (layers, TRUE);
  am_canvas_layers_set_scene (layers, scene_b);
  /* The canvas fits the new scene at once: another view. */
  view.center_x += 30;
  view.zoom *= 1.2;

  for (guint i = 0; i < 3; i++)
    {
      frame_take (layers, &view, &frame);
      g_assert_true (frame.drawn);
      g_assert_true (am_canvas_layers_is_busy (layers));
      g_assert_true (am_canvas_layers_get_shown_scene (layers) == scene_a);
      /* Old node, old place: the old frame as it was. */
      g_assert_true (shows_node_at (&frame, &old_view, &box_a));
      g_assert_false (shows_node_at (&frame, &view, &box_b));
      frame_clear (&frame);
    }

  wait_until_idle (layers);
  g_assert_cmpuint (updated, >, 0);

  frame_take (layers, &view, &frame);
  g_assert_true (frame.drawn);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == scene_b);
  g_assert_true (shows_node_at (&frame, &view, &box_b));
  g_assert_false (shows_node_at (&frame, &old_view, &box_a));
  frame_clear (&frame);
}

/* A large scene's first picture never renders in the frame: without an old picture the
 * frame is left to the background, and the worker's picture follows. */
static void
test_large_scene_on_worker (void)
{
  g_autoptr(AmCanvasLayers) layers = am_canvas_layers_new ();
  g_autoptr(AmScene) small = make_scene (&box_a, 0);
  g_autoptr(AmScene) large = make_scene (&box_b, 600);
  AmViewport view = fitted_view ();
  Frame frame = { 0 };

  am_canvas_layers_set_always_worker (layers, FALSE);

  am_canvas_layers_set_scene (layers, large);
  frame_take (layers, &view, &frame);
  g_assert_false (frame.drawn);
  g_assert_true (am_canvas_layers_is_busy (layers));
  frame_clear (&frame);

  wait_until_idle (layers);
  frame_take (layers, &view, &frame);
  g_assert_true (frame.drawn);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == large);
  g_assert_true (shows_node_at (&frame, &view, &box_b));
  frame_clear (&frame);

  /* From a small scene to the large one: the small one stays up meanwhile. */
  am_canvas_layers_set_scene (layers, small);
  frame_take (layers, &view, &frame);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == small);
  frame_clear (&frame);

  am_canvas_layers_set_scene (layers, large);
  frame_take (layers, &view, &frame);
  g_assert_true (frame.drawn);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == small);
  g_assert_true (shows_node_at (&frame, &view, &box_a));
  frame_clear (&frame);

  wait_until_idle (layers);
  frame_take (layers, &view, &frame);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == large);
  frame_clear (&frame);
}

/* Scenes faster than pictures: the one on screen stays until the newest is ready, and
 * an answer for a scene already replaced is dropped. */
static void
test_scenes_faster_than_pictures (void)
{
  g_autoptr(AmCanvasLayers) layers = am_canvas_layers_new ();
  g_autoptr(AmScene) scene_a = make_scene (&box_a, 0);
  g_autoptr(AmScene) scene_b = make_scene (&box_b, 0);
  g_autoptr(AmScene) scene_c = make_scene (&box_b, 1);
  AmViewport view = fitted_view ();
  Frame frame = { 0 };

  am_canvas_layers_set_always_worker (layers, FALSE);
  am_canvas_layers_set_scene (layers, scene_a);
  frame_take (layers, &view, &frame);
  frame_clear (&frame);

  am_canvas_layers_set_always_worker (layers, TRUE);
  am_canvas_layers_set_scene (layers, scene_b);
  frame_take (layers, &view, &frame);      /* starts B's render */
  frame_clear (&frame);
  am_canvas_layers_set_scene (layers, scene_c);

  wait_until_idle (layers);
  /* B's answer came back and was dropped: A is still what is shown. */
  frame_take (layers, &view, &frame);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == scene_a);
  frame_clear (&frame);

  wait_until_idle (layers);
  frame_take (layers, &view, &frame);
  g_assert_true (am_canvas_layers_get_shown_scene (layers) == scene_c);
  frame_clear (&frame);
}

int
main (int    argc,
      char **argv)
{
  if (!canvas_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/Actormap/CanvasLayers/small-scene-in-frame", test_small_scene_in_frame);
  g_test_add_func ("/Actormap/CanvasLayers/new-scene-keeps-old-picture",
                   test_new_scene_keeps_old_picture);
  g_test_add_func ("/Actormap/CanvasLayers/large-scene-on-worker", test_large_scene_on_worker);
  g_test_add_func ("/Actormap/CanvasLayers/scenes-faster-than-pictures",
                   test_scenes_faster_than_pictures);

  return g_test_run ();
}
