/* test-canvas.c — AmCanvas in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gtk/gtk.h>

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>
#endif

#include "am-canvas-private.h"
#include "am-renderer.h"
#include "am-theme.h"
#include "canvas-test-util.h"

#define WINDOW_WIDTH  400
#define WINDOW_HEIGHT 300

/* The test map, in points (scene bounds 400 × 300):
 *
 *            [c]               a → c (straight, up and to the right)
 *   [a]   [e]      [b]         a → b (a curve that dips below e, label "knows")
 *
 * e sits right of a and closer than b, but is not joined to a: the arrow keys must
 * prefer the neighbour b.  c has no label, so its centre shows the plain fill. */
static const AmRect node_a = { 40, 120, 80, 40 };
static const AmRect node_b = { 280, 120, 80, 40 };
static const AmRect node_c = { 160, 20, 80, 40 };
static const AmRect node_e = { 170, 125, 40, 30 };
static const AmRect label_e1 = { 180, 192, 40, 16 };

typedef struct
{
  GtkWidget          *window;
  GtkWidget          *canvas;
  GSimpleActionGroup *group;
  AmScene            *scene;
  GPtrArray          *selects;          /* ids passed to win.select */
  guint               focus_details;
} Fixture;

static void
add_node (AmSceneBuilder *builder,
          const char     *id,
          const char     *label,
          const char     *kind,
          const AmRect   *box)
{
  AmSceneNode node = { 0 };

  node.id = (char *) id;
  node.label = (char *) label;
  node.kind = (char *) kind;
  node.shape = AM_NODE_SHAPE_BOX;
  node.box = *box;
  am_scene_builder_add_node (builder, &node);
}

static AmScene *
make_scene (void)
{
  static const AmRect bounds = { 0, 0, 400, 300 };
  AmPoint curve[] = { { 120, 150 }, { 160, 200 }, { 240, 200 }, { 280, 150 } };
  AmPoint straight[] = { { 100, 120 }, { 127, 100 }, { 153, 80 }, { 180, 60 } };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmSceneEdge edge = { 0 };
  AmScene *scene;

  add_node (builder, "a", "Alice", "person", &node_a);
  add_node (builder, "b", "Bolivia", "state", &node_b);
  add_node (builder, "c", "", "organization", &node_c);
  add_node (builder, "e", "Eve", "person", &node_e);

  edge.id = (char *) "e1";
  edge.source = (char *) "a";
  edge.target = (char *) "b";
  edge.label = (char *) "knows";
  edge.type = (char *) "meeting";
  edge.directed = TRUE;
  edge.points = curve;
  edge.n_points = G_N_ELEMENTS (curve);
  edge.has_label = TRUE;
  edge.label_box = label_e1;
  am_scene_builder_add_edge (builder, &edge);

  edge.id = (char *) "e2";
  edge.target = (char *) "c";
  edge.label = NULL;
  edge.type = (char *) "role";
  edge.points = straight;
  edge.n_points = G_N_ELEMENTS (straight);
  edge.has_label = FALSE;
  am_scene_builder_add_edge (builder, &edge);

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);

  return scene;
}

/* A hub (h) joined to HUB_LEAVES nodes on a circle, and one node (x) joined to nothing:
 * hovering h highlights more items than the canvas replays as vectors. */
#define HUB_LEAVES 64
static const AmRect hub_box = { 480, 480, 80, 40 };
static const AmRect lone_box = { 130, 200, 50, 30 };

static void
leaf_box (guint   i,
          AmRect *box)
{
  double angle = 2 * G_PI * i / HUB_LEAVES;

  box->width = 30;
  box->height = 24;
  box->x = 520 + 400 * cos (angle) - box->width / 2;
  box->y = 500 + 400 * sin (angle) - box->height / 2;
}

static AmScene *
make_hub_scene (void)
{
  static const AmRect bounds = { 0, 0, 1040, 1000 };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmScene *scene;

  add_node (builder, "h", "Hub", "person", &hub_box);
  add_node (builder, "x", "", "organization", &lone_box);

  for (guint i = 0; i < HUB_LEAVES; i++)
    {
      g_autofree char *id = g_strdup_printf ("leaf%u", i);
      g_autofree char *edge_id = g_strdup_printf ("h-leaf%u", i);
      AmSceneEdge edge = { 0 };
      AmPoint line[4];
      AmRect box;

      leaf_box (i, &box);
      add_node (builder, id, "", "state", &box);

      /* From the hub's border, as Graphviz clips edges. */
      {
        double dx = box.x + box.width / 2 - 520, dy = box.y + box.height / 2 - 500;
        double t = MIN (fabs (dx) > 0 ? 40 / fabs (dx) : G_MAXDOUBLE,
                        fabs (dy) > 0 ? 20 / fabs (dy) : G_MAXDOUBLE);

        for (guint k = 0; k < 4; k++)
          {
            double u = t + (1 - t) * k / 3.0;

            line[k].x = 520 + dx * u;
            line[k].y = 500 + dy * u;
          }
      }
      edge.id = edge_id;
      edge.source = (char *) "h";
      edge.target = id;
      edge.points = line;
      edge.n_points = 4;
      am_scene_builder_add_edge (builder, &edge);
    }

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

/* Two edges apart: "sel" runs straight up along x = 200, across the label box of
 * "other", which runs along y = 180 beneath it.  Selecting "sel" draws it over the
 * cached map; the label it crosses must stay above it.
 *
 *        [q]
 *         |
 *         |  [ ab ]          label of "other" at (190, 140, 80, 14)
 *   [r]---+----------[s]
 *         |
 *        [p]                                                                       */
static const AmRect label_other = { 190, 140, 80, 14 };

static AmScene *
make_crossing_scene (void)
{
  static const AmRect bounds = { 0, 0, 400, 300 };
  static const AmRect p = { 180, 250, 40, 30 }, q = { 180, 10, 40, 30 };
  static const AmRect r = { 20, 165, 40, 30 }, s = { 340, 165, 40, 30 };
  AmPoint up[] = { { 200, 250 }, { 200, 180 }, { 200, 110 }, { 200, 40 } };
  AmPoint across[] = { { 60, 180 }, { 150, 180 }, { 250, 180 }, { 340, 180 } };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmSceneEdge edge = { 0 };
  AmScene *scene;

  add_node (builder, "p", "", "state", &p);
  add_node (builder, "q", "", "state", &q);
  add_node (builder, "r", "", "state", &r);
  add_node (builder, "s", "", "state", &s);

  edge.id = (char *) "sel";
  edge.source = (char *) "p";
  edge.target = (char *) "q";
  edge.type = (char *) "role";
  edge.points = up;
  edge.n_points = G_N_ELEMENTS (up);
  am_scene_builder_add_edge (builder, &edge);

  edge.id = (char *) "other";
  edge.source = (char *) "r";
  edge.target = (char *) "s";
  edge.type = (char *) "meeting";
  edge.label = (char *) "ab";
  edge.has_label = TRUE;
  edge.label_box = label_other;
  edge.points = across;
  edge.n_points = G_N_ELEMENTS (across);
  am_scene_builder_add_edge (builder, &edge);

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

static AmDocument *
load_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "canvas", "canvas-model.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  document = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
center_of (const AmRect *rect,
           double       *x,
           double       *y)
{
  *x = rect->x + rect->width / 2;
  *y = rect->y + rect->height / 2;
}

/* Spin the main loop until @cond holds or the deadline passes. */
static gboolean
wait_for (gboolean (*cond) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return cond (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
select_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->selects, g_variant_dup_string (parameter, NULL));
}

static void
focus_details_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  Fixture *f = user_data;

  f->focus_details++;
}

static const char *
last_select (Fixture *f)
{
  g_assert_cmpuint (f->selects->len, >, 0);
  return g_ptr_array_index (f->selects, f->selects->len - 1);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GActionEntry entries[] = {
    { "select", select_activated_cb, "s", NULL, NULL, { 0 } },
    { "focus-details", focus_details_activated_cb, NULL, NULL, NULL, { 0 } },
  };
  GtkWidget *box;

  f->selects = g_ptr_array_new_with_free_func (g_free);
  f->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (f->group), entries, G_N_ELEMENTS (entries), f);

  f->window = gtk_window_new ();
  /* No decorations: the canvas then starts at the window's (0, 0). */
  gtk_window_set_decorated (GTK_WINDOW (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), WINDOW_WIDTH, WINDOW_HEIGHT);

  /* The window's role, played by a parent widget: it owns "win.select". */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_insert_action_group (box, "win", G_ACTION_GROUP (f->group));
  gtk_window_set_child (GTK_WINDOW (f->window), box);

  f->canvas = am_canvas_new ();
  gtk_widget_set_hexpand (f->canvas, TRUE);
  gtk_widget_set_vexpand (f->canvas, TRUE);
  gtk_box_append (GTK_BOX (box), f->canvas);

  f->scene = data ? ((AmScene * (*) (void)) data) () : make_scene ();
  am_canvas_set_scene (AM_CANVAS (f->canvas), f->scene);
  am_canvas_set_show_legend (AM_CANVAS (f->canvas), FALSE);

  gtk_window_present (GTK_WINDOW (f->window));
  /* gtk_test_widget_wait_for_draw() never returns for a widget that never maps. */
  g_assert_true (wait_for (is_mapped, f->canvas));
  gtk_test_widget_wait_for_draw (f->canvas);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *canvas = f->canvas;

  g_object_add_weak_pointer (G_OBJECT (canvas), (gpointer *) &canvas);
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_assert_finalize_object (f->window);
  g_assert_null (canvas);

  g_clear_pointer (&f->scene, am_scene_unref);
  g_clear_object (&f->group);
  g_clear_pointer (&f->selects, g_ptr_array_unref);
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps it alive */
    }

  g_assert_not_reached ();
  return NULL;
}

static void
scene_to_widget (Fixture *f,
                 double   scene_x,
                 double   scene_y,
                 double  *x,
                 double  *y)
{
  g_assert_true (am_canvas_scene_to_widget (AM_CANVAS (f->canvas), scene_x, scene_y, x, y));
}

/* Pixels of the canvas as its last frame drew them (testing.md §4). */
typedef struct
{
  GdkTexture *texture;
  guchar     *data;
  gsize       stride;
  double      scale;
} Pixels;

static void
pixels_grab (Fixture *f,
             Pixels  *pixels)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (f->canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  double width = gtk_widget_get_width (f->canvas);
  double height = gtk_widget_get_height (f->canvas);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (f->canvas));
  pixels->texture = gsk_renderer_render_texture (renderer, node,
                                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels->stride = 4 * gdk_texture_get_width (pixels->texture);
  pixels->data = g_malloc (pixels->stride * gdk_texture_get_height (pixels->texture));
  pixels->scale = gdk_texture_get_width (pixels->texture) / width;
  gdk_texture_download (pixels->texture, pixels->data, pixels->stride);
}

static void
pixels_clear (Pixels *pixels)
{
  g_clear_object (&pixels->texture);
  g_clear_pointer (&pixels->data, g_free);
}

/* Asserts the colour at widget (x, y), within a small tolerance; keeps a PNG when the
 * check fails. */
static void
assert_pixel (Pixels        *pixels,
              double         x,
              double         y,
              const AmColor *expected,
              const char    *what)
{
  int px = (int) (x * pixels->scale);
  int py = (int) (y * pixels->scale);
  /* BGRA, premultiplied, little-endian; the canvas is opaque. */
  const guchar *p = pixels->data + py * pixels->stride + px * 4;
  int want[3] = {
    (int) round (expected->red * 255),
    (int) round (expected->green * 255),
    (int) round (expected->blue * 255),
  };
  int got[3] = { p[2], p[1], p[0] };

  if (abs (got[0] - want[0]) > 3 || abs (got[1] - want[1]) > 3 || abs (got[2] - want[2]) > 3)
    {
      g_autofree char *png = g_build_filename (g_get_tmp_dir (), "test-canvas-failed.png", NULL);

      gdk_texture_save_to_png (pixels->texture, png);
      g_test_message ("%s at (%d, %d): got #%02x%02x%02x, want #%02x%02x%02x; frame kept in %s",
                      what, px, py, got[0], got[1], got[2], want[0], want[1], want[2], png);
      g_test_fail ();
    }
}

/* What an opaque canvas shows for @color painted over the background. */
static AmColor
over_background (const AmTheme *theme,
                 const AmColor *color)
{
  AmColor out;

  out.red = color->red * color->alpha + theme->background.red * (1 - color->alpha);
  out.green = color->green * color->alpha + theme->background.green * (1 - color->alpha);
  out.blue = color->blue * color->alpha + theme->background.blue * (1 - color->alpha);
  out.alpha = 1.0;
  return out;
}

/* Tests without a window */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static guint *
watch (GtkWidget  *canvas,
       const char *property,
       guint      *counter)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  *counter = 0;
  g_signal_connect (canvas, signal, G_CALLBACK (count_notify_cb), counter);
  return counter;
}

static void
test_properties_notify_once (void)
{
  GtkWidget *canvas = g_object_ref_sink (am_canvas_new ());
  g_autoptr(AmScene) scene = make_scene ();
  g_autoptr(AmDocument) document = load_document ();
  g_autoptr(GHashTable) set1 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) set2 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_scene, n_selection, n_zoom, n_dark, n_legend, n_highlight, n_document, n_connect;

  watch (canvas, "connect-mode", &n_connect);
  watch (canvas, "scene", &n_scene);
  watch (canvas, "selection", &n_selection);
  watch (canvas, "zoom", &n_zoom);
  watch (canvas, "dark", &n_dark);
  watch (canvas, "show-legend", &n_legend);
  watch (canvas, "highlight", &n_highlight);
  watch (canvas, "document", &n_document);

  am_canvas_set_scene (AM_CANVAS (canvas), scene);
  am_canvas_set_scene (AM_CANVAS (canvas), scene);
  g_assert_cmpuint (n_scene, ==, 1);
  g_assert_true (am_canvas_get_scene (AM_CANVAS (canvas)) == scene);

  am_canvas_set_selection (AM_CANVAS (canvas), "a");
  am_canvas_set_selection (AM_CANVAS (canvas), "a");
  g_assert_cmpuint (n_selection, ==, 1);
  g_assert_cmpstr (am_canvas_get_selection (AM_CANVAS (canvas)), ==, "a");
  /* "" and NULL both mean nothing. */
  am_canvas_set_selection (AM_CANVAS (canvas), "");
  am_canvas_set_selection (AM_CANVAS (canvas), NULL);
  g_assert_cmpuint (n_selection, ==, 2);
  g_assert_null (am_canvas_get_selection (AM_CANVAS (canvas)));

  am_canvas_set_zoom (AM_CANVAS (canvas), 2.5);
  am_canvas_set_zoom (AM_CANVAS (canvas), 2.5);
  g_object_set (canvas, "zoom", 2.5, NULL);
  g_assert_cmpuint (n_zoom, ==, 1);
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (AM_CANVAS (canvas)), 2.5, 1e-9);

  am_canvas_set_dark (AM_CANVAS (canvas), TRUE);
  am_canvas_set_dark (AM_CANVAS (canvas), 7);   /* any true value is TRUE */
  g_object_set (canvas, "dark", TRUE, NULL);
  g_assert_cmpuint (n_dark, ==, 1);
  g_assert_true (am_canvas_get_dark (AM_CANVAS (canvas)));

  g_assert_false (am_canvas_get_connect_mode (AM_CANVAS (canvas)));
  am_canvas_set_connect_mode (AM_CANVAS (canvas), TRUE);
  am_canvas_set_connect_mode (AM_CANVAS (canvas), 3);   /* any true value is TRUE */
  g_object_set (canvas, "connect-mode", TRUE, NULL);
  g_assert_cmpuint (n_connect, ==, 1);
  /* The property action toggles it. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.connect-mode", NULL));
  g_assert_false (am_canvas_get_connect_mode (AM_CANVAS (canvas)));
  g_assert_cmpuint (n_connect, ==, 2);

  g_assert_true (am_canvas_get_show_legend (AM_CANVAS (canvas)));
  am_canvas_set_show_legend (AM_CANVAS (canvas), FALSE);
  am_canvas_set_show_legend (AM_CANVAS (canvas), FALSE);
  g_assert_cmpuint (n_legend, ==, 1);
  g_assert_false (am_canvas_get_show_legend (AM_CANVAS (canvas)));

  /* Two tables with the same members are the same highlight. */
  g_hash_table_add (set1, g_strdup ("a"));
  g_hash_table_add (set2, g_strdup ("a"));
  am_canvas_set_highlight (AM_CANVAS (canvas), set1);
  am_canvas_set_highlight (AM_CANVAS (canvas), set1);
  am_canvas_set_highlight (AM_CANVAS (canvas), set2);
  g_assert_cmpuint (n_highlight, ==, 1);
  g_hash_table_add (set2, g_strdup ("b"));
  am_canvas_set_highlight (AM_CANVAS (canvas), set2);
  g_assert_cmpuint (n_highlight, ==, 2);
  am_canvas_set_highlight (AM_CANVAS (canvas), NULL);
  am_canvas_set_highlight (AM_CANVAS (canvas), NULL);
  g_assert_cmpuint (n_highlight, ==, 3);
  g_assert_null (am_canvas_get_highlight (AM_CANVAS (canvas)));

  am_canvas_set_document (AM_CANVAS (canvas), document);
  am_canvas_set_document (AM_CANVAS (canvas), document);
  g_object_set (canvas, "document", document, NULL);
  g_assert_cmpuint (n_document, ==, 1);
  g_assert_true (am_canvas_get_document (AM_CANVAS (canvas)) == document);

  /* Nothing else was notified along the way. */
  g_assert_cmpuint (n_scene, ==, 1);
  g_assert_cmpuint (n_selection, ==, 2);
  g_assert_cmpuint (n_zoom, ==, 1);
  g_assert_cmpuint (n_dark, ==, 1);
  g_assert_cmpuint (n_legend, ==, 1);

  g_assert_finalize_object (canvas);
}

static GtkWidget *
action_button (GtkWidget  *canvas,
               const char *action)
{
  GtkWidget *button = gtk_button_new ();

  /* A child of the canvas sees its class actions, and its sensitivity follows whether
   * the action is enabled: the only public view of that state. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_parent (button, canvas);
  return button;
}

static void
test_zoom_clamps_and_actions (void)
{
  GtkWidget *canvas = g_object_ref_sink (am_canvas_new ());
  g_autoptr(AmScene) scene = make_scene ();
  GtkWidget *zoom_in = action_button (canvas, "canvas.zoom-in");
  GtkWidget *zoom_out = action_button (canvas, "canvas.zoom-out");
  GtkWidget *zoom_fit = action_button (canvas, "canvas.zoom-fit");
  double zoom;

  /* Nothing to zoom without a scene. */
  g_assert_false (gtk_widget_get_sensitive (zoom_in));
  g_assert_false (gtk_widget_get_sensitive (zoom_out));
  g_assert_false (gtk_widget_get_sensitive (zoom_fit));

  am_canvas_set_scene (AM_CANVAS (canvas), scene);
  am_canvas_set_zoom (AM_CANVAS (canvas), 1.0);
  g_assert_true (gtk_widget_get_sensitive (zoom_in));
  g_assert_true (gtk_widget_get_sensitive (zoom_out));
  g_assert_true (gtk_widget_get_sensitive (zoom_fit));

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (AM_CANVAS (canvas)), 1.25, 1e-9);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (AM_CANVAS (canvas)), 1.0, 1e-9);

  am_canvas_set_zoom (AM_CANVAS (canvas), 1e9);
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (canvas)), ==, AM_CANVAS_MAX_ZOOM);
  g_assert_false (gtk_widget_get_sensitive (zoom_in));
  g_assert_true (gtk_widget_get_sensitive (zoom_out));

  am_canvas_set_zoom (AM_CANVAS (canvas), 0.0);
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (canvas)), ==, AM_CANVAS_MIN_ZOOM);
  g_assert_true (gtk_widget_get_sensitive (zoom_in));
  g_assert_false (gtk_widget_get_sensitive (zoom_out));

  am_canvas_set_zoom (AM_CANVAS (canvas), -3.0);
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (canvas)), ==, AM_CANVAS_MIN_ZOOM);

  /* Zooming out step by step stops at the limit, never at 0. */
  am_canvas_set_zoom (AM_CANVAS (canvas), 0.02);
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL);
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (canvas)), ==, AM_CANVAS_MIN_ZOOM);

  zoom = am_canvas_get_zoom (AM_CANVAS (canvas));
  am_canvas_set_zoom (AM_CANVAS (canvas), NAN);
  am_canvas_set_zoom (AM_CANVAS (canvas), INFINITY);
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (canvas)), ==, zoom);
  g_assert_true (isfinite (am_canvas_get_zoom (AM_CANVAS (canvas))));

  gtk_widget_unparent (zoom_in);
  gtk_widget_unparent (zoom_out);
  gtk_widget_unparent (zoom_fit);
  g_assert_finalize_object (canvas);
}

/* Tests in a window */

static void
test_fit (Fixture       *f,
          gconstpointer  data)
{
  const AmRect *bounds = am_scene_get_bounds (f->scene);
  double width = gtk_widget_get_width (f->canvas);
  double height = gtk_widget_get_height (f->canvas);
  double zoom = am_canvas_get_zoom (AM_CANVAS (f->canvas));
  double cx, cy, x0, y0, x1, y1;

  g_assert_cmpfloat (width, ==, WINDOW_WIDTH);
  g_assert_cmpfloat (height, ==, WINDOW_HEIGHT);

  /* The middle of the scene is the middle of the widget … */
  scene_to_widget (f, bounds->x + bounds->width / 2, bounds->y + bounds->height / 2, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, width / 2, 0.01);
  g_assert_cmpfloat_with_epsilon (cy, height / 2, 0.01);

  /* … the whole scene is inside it, and it fills one direction, up to the padding. */
  scene_to_widget (f, bounds->x, bounds->y, &x0, &y0);
  scene_to_widget (f, bounds->x + bounds->width - 0.01, bounds->y + bounds->height - 0.01,
                   &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1 - x0, bounds->width * zoom, 0.1);
  g_assert_true (x1 - x0 >= width - 40 || y1 - y0 >= height - 40);

  /* Fitting again after a zoom gets back to the same view. */
  am_canvas_set_zoom (AM_CANVAS (f->canvas), zoom * 3);
  am_canvas_pan_by (AM_CANVAS (f->canvas), 50, 20);
  am_canvas_zoom_to_fit (AM_CANVAS (f->canvas));
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (AM_CANVAS (f->canvas)), zoom, 1e-9);
  scene_to_widget (f, bounds->x, bounds->y, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, x0, 0.01);
  g_assert_cmpfloat_with_epsilon (cy, y0, 0.01);

  /* zoom-fit is the same as am_canvas_zoom_to_fit(). */
  am_canvas_set_zoom (AM_CANVAS (f->canvas), zoom / 2);
  g_assert_true (gtk_widget_activate_action (f->canvas, "canvas.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (AM_CANVAS (f->canvas)), zoom, 1e-9);
}

static void
test_pan (Fixture       *f,
          gconstpointer  data)
{
  GtkGesture *drag = find_controller (f->canvas, GTK_TYPE_GESTURE_DRAG);
  double x0, y0, x1, y1, ex, ey;

  scene_to_widget (f, 200, 150, &x0, &y0);

  am_canvas_pan_by (AM_CANVAS (f->canvas), 30, -10);
  scene_to_widget (f, 200, 150, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0 - 30, 1e-6);
  g_assert_cmpfloat_with_epsilon (y1, y0 + 10, 1e-6);
  gtk_test_widget_wait_for_draw (f->canvas);

  /* A drag on empty space moves the map with the pointer, and selects nothing. */
  scene_to_widget (f, 10, 290, &ex, &ey);
  g_signal_emit_by_name (drag, "drag-begin", ex, ey);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 25.0);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 25.0);
  scene_to_widget (f, 200, 150, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, x1 + 40, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0, y1 + 25, 1e-6);
  g_assert_cmpuint (f->selects->len, ==, 0);
  gtk_test_widget_wait_for_draw (f->canvas);
}

static void
test_click_selects (Fixture       *f,
                    gconstpointer  data)
{
  GtkGesture *click = find_controller (f->canvas, GTK_TYPE_GESTURE_CLICK);
  double sx, sy, x, y;

  /* A node. */
  center_of (&node_b, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  am_canvas_click_at (AM_CANVAS (f->canvas), x, y);
  g_assert_cmpuint (f->selects->len, ==, 1);
  g_assert_cmpstr (last_select (f), ==, "b");

  /* An edge, through its label box. */
  center_of (&label_e1, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  am_canvas_click_at (AM_CANVAS (f->canvas), x, y);
  g_assert_cmpstr (last_select (f), ==, "e1");

  /* Empty space clears. */
  scene_to_widget (f, 370, 270, &x, &y);
  am_canvas_click_at (AM_CANVAS (f->canvas), x, y);
  g_assert_cmpuint (f->selects->len, ==, 3);
  g_assert_cmpstr (last_select (f), ==, "");

  /* The real gesture handlers lead to the same place. */
  center_of (&node_a, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (f->selects->len, ==, 4);
  g_assert_cmpstr (last_select (f), ==, "a");
  g_assert_true (gtk_widget_has_focus (f->canvas));

  /* A click on a node's edge still hits it (a few pixels of tolerance), a click well
   * outside does not. */
  scene_to_widget (f, node_b.x + node_b.width, node_b.y + node_b.height / 2, &x, &y);
  am_canvas_click_at (AM_CANVAS (f->canvas), x + 2, y);
  g_assert_cmpstr (last_select (f), ==, "b");
  am_canvas_click_at (AM_CANVAS (f->canvas), x + 15, y);
  g_assert_cmpstr (last_select (f), ==, "");
}

static void
test_arrow_keys (Fixture       *f,
                 gconstpointer  data)
{
  /* Nothing selected: start from the node nearest the middle of the view (e). */
  g_assert_true (gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", 1, 0));
  g_assert_cmpuint (f->selects->len, ==, 1);
  g_assert_cmpstr (last_select (f), ==, "e");

  /* From a, Right goes to the neighbour b, not to the nearer e it has no edge to. */
  am_canvas_set_selection (AM_CANVAS (f->canvas), "a");
  gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", 1, 0);
  g_assert_cmpstr (last_select (f), ==, "b");

  /* Up from a: its neighbour c, up and to the right. */
  gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", 0, -1);
  g_assert_cmpstr (last_select (f), ==, "c");

  /* Nothing lies left of a: no selection is made. */
  gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", -1, 0);
  g_assert_cmpuint (f->selects->len, ==, 3);

  /* From b, Left comes back to a. */
  am_canvas_set_selection (AM_CANVAS (f->canvas), "b");
  gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", -1, 0);
  g_assert_cmpstr (last_select (f), ==, "a");

  /* e has no edges: it falls back to any node in that direction (b). */
  am_canvas_set_selection (AM_CANVAS (f->canvas), "e");
  gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", 1, 0);
  g_assert_cmpstr (last_select (f), ==, "b");

  /* From a selected edge, the arrows go to its ends. */
  am_canvas_set_selection (AM_CANVAS (f->canvas), "e1");
  gtk_widget_activate_action (f->canvas, "canvas.select-neighbour", "(ii)", 1, 0);
  g_assert_cmpstr (last_select (f), ==, "b");
}

static gboolean
hovered_is_null (gpointer data)
{
  return am_canvas_get_hovered (data) == NULL;
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  GtkEventController *motion = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  const AmTheme *theme = am_theme_get_light ();
  AmColor organization, person;
  Pixels pixels = { 0 };
  double sx, sy, x, y;
  guint n_hovered;

  g_assert_true (wait_for (hovered_is_null, f->canvas));
  watch (f->canvas, "hovered", &n_hovered);

  center_of (&node_a, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_signal_emit_by_name (motion, "motion", x + 1, y);
  g_assert_cmpstr (am_canvas_get_hovered (AM_CANVAS (f->canvas)), ==, "a");
  g_assert_cmpuint (n_hovered, ==, 1);

  /* The hovered node's neighbour c keeps its colour; e, not a neighbour, is veiled. */
  gtk_test_widget_wait_for_draw (f->canvas);
  pixels_grab (f, &pixels);
  organization = over_background (theme, &am_theme_style_for_kind (theme, "organization")->fill);
  center_of (&node_c, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  assert_pixel (&pixels, x, y, &organization, "hovered node's neighbour");
  person = over_background (theme, &am_theme_style_for_kind (theme, "person")->fill);
  scene_to_widget (f, node_e.x + 4, node_e.y + node_e.height / 2, &x, &y);
  {
    const guchar *p = pixels.data + (int) (y * pixels.scale) * pixels.stride
                      + (int) (x * pixels.scale) * 4;

    g_assert_true (abs (p[2] - (int) round (person.red * 255)) > 3
                   || abs (p[1] - (int) round (person.green * 255)) > 3
                   || abs (p[0] - (int) round (person.blue * 255)) > 3);
  }
  pixels_clear (&pixels);

  /* Over the edge's label: the edge. */
  center_of (&label_e1, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (am_canvas_get_hovered (AM_CANVAS (f->canvas)), ==, "e1");
  g_assert_cmpuint (n_hovered, ==, 2);
  gtk_test_widget_wait_for_draw (f->canvas);

  /* Empty space, then leaving the widget. */
  scene_to_widget (f, 370, 270, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_null (am_canvas_get_hovered (AM_CANVAS (f->canvas)));
  g_assert_cmpuint (n_hovered, ==, 3);
  center_of (&node_b, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_signal_emit_by_name (motion, "leave");
  g_assert_null (am_canvas_get_hovered (AM_CANVAS (f->canvas)));
  g_assert_cmpuint (n_hovered, ==, 5);
}

static gboolean wait_for_colour (Fixture       *f,
                                 double         scene_x,
                                 double         scene_y,
                                 const AmColor *colour,
                                 gboolean       equal);

static void
check_fill_colour (Fixture       *f,
                   const AmTheme *theme)
{
  AmColor expected = over_background (theme, &am_theme_style_for_kind (theme, "organization")->fill);
  AmColor background = theme->background;
  Pixels pixels = { 0 };
  double sx, sy, x, y;

  /* On a slow machine a new palette may come from the worker thread a few frames later. */
  center_of (&node_c, &sx, &sy);
  wait_for_colour (f, sx, sy, &expected, TRUE);

  pixels_grab (f, &pixels);

  center_of (&node_c, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  assert_pixel (&pixels, x, y, &expected, theme->name);

  /* Empty space near c, on screen at every zoom used here. */
  scene_to_widget (f, 250, 75, &x, &y);
  assert_pixel (&pixels, x, y, &background, "background");

  pixels_clear (&pixels);
}

static int
colour_distance (Pixels        *pixels,
                 double         x,
                 double         y,
                 const AmColor *color)
{
  const guchar *p = pixels->data + (int) (y * pixels->scale) * pixels->stride
                    + (int) (x * pixels->scale) * 4;

  return MAX (MAX (abs (p[2] - (int) round (color->red * 255)),
                   abs (p[1] - (int) round (color->green * 255))),
              abs (p[0] - (int) round (color->blue * 255)));
}

static void
test_overlay_under_labels (Fixture       *f,
                           gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");
  const AmColor *label = &theme->edge_label_background;
  AmColor over_line = {
    label->red * label->alpha + role.red * (1 - label->alpha),
    label->green * label->alpha + role.green * (1 - label->alpha),
    label->blue * label->alpha + role.blue * (1 - label->alpha),
    1.0,
  };
  Pixels pixels = { 0 };
  double x, y;

  /* Where "sel" crosses the label of "other", and on "sel" below it. */
  scene_to_widget (f, 200, label_other.y + label_other.height / 2, &x, &y);

  am_canvas_set_selection (AM_CANVAS (f->canvas), "sel");
  gtk_test_widget_wait_for_draw (f->canvas);
  pixels_grab (f, &pixels);

  /* The selected stroke is drawn over the map, but the label it crosses is drawn again
   * above it: its background, with the line faint behind it. */
  if (colour_distance (&pixels, x, y, &over_line) > 12)
    assert_pixel (&pixels, x, y, &over_line, "label crossed by the selected edge");
  {
    double lx, ly;

    scene_to_widget (f, 200, 220, &lx, &ly);
    assert_pixel (&pixels, lx, ly, &role, "selected edge away from the label");
  }
  pixels_clear (&pixels);
}

static void
test_pixels_light_and_dark (Fixture       *f,
                            gconstpointer  data)
{
  check_fill_colour (f, am_theme_get_light ());

  am_canvas_set_dark (AM_CANVAS (f->canvas), TRUE);
  gtk_test_widget_wait_for_draw (f->canvas);
  check_fill_colour (f, am_theme_get_dark ());

  /* A selection is drawn over the cached map, and leaves other nodes alone. */
  am_canvas_set_selection (AM_CANVAS (f->canvas), "b");
  am_canvas_set_show_legend (AM_CANVAS (f->canvas), TRUE);
  gtk_test_widget_wait_for_draw (f->canvas);
  check_fill_colour (f, am_theme_get_dark ());

  /* Zoomed in 4× with c in the middle: first the scaled cache, then the sharp one. */
  {
    double sx, sy, x, y;

    am_canvas_set_selection (AM_CANVAS (f->canvas), NULL);
    am_canvas_set_zoom (AM_CANVAS (f->canvas), 4 * am_canvas_get_zoom (AM_CANVAS (f->canvas)));
    center_of (&node_c, &sx, &sy);
    am_canvas_scene_to_widget (AM_CANVAS (f->canvas), sx, sy, &x, &y);
    am_canvas_pan_by (AM_CANVAS (f->canvas), x - WINDOW_WIDTH / 2.0, y - WINDOW_HEIGHT / 2.0);
    gtk_test_widget_wait_for_draw (f->canvas);
    check_fill_colour (f, am_theme_get_dark ());

    g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    drain ();
    gtk_test_widget_wait_for_draw (f->canvas);
    check_fill_colour (f, am_theme_get_dark ());
  }
}

/* Frames until the colour at scene (x, y) matches (or stops matching) @colour. */
static gboolean
wait_for_colour (Fixture       *f,
                 double         scene_x,
                 double         scene_y,
                 const AmColor *colour,
                 gboolean       equal)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean matches = !equal;
  double x, y;

  while (matches != equal && g_get_monotonic_time () < end)
    {
      Pixels pixels = { 0 };
      const guchar *p;

      gtk_test_widget_wait_for_draw (f->canvas);
      scene_to_widget (f, scene_x, scene_y, &x, &y);
      pixels_grab (f, &pixels);
      p = pixels.data + (int) (y * pixels.scale) * pixels.stride + (int) (x * pixels.scale) * 4;
      matches = abs (p[2] - (int) round (colour->red * 255)) <= 3
                && abs (p[1] - (int) round (colour->green * 255)) <= 3
                && abs (p[0] - (int) round (colour->blue * 255)) <= 3;
      pixels_clear (&pixels);
    }

  return matches == equal;
}

/* In the parent: runs this test again in a subprocess where every base render goes to
 * the worker thread (AM_CANVAS_DEBUG=worker), asserts it passed, and returns TRUE.  In
 * that subprocess: FALSE, and the test goes on. */
static gboolean
ran_with_worker_always (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_setenv ("AM_CANVAS_DEBUG", "worker", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("AM_CANVAS_DEBUG");
  g_test_trap_assert_passed ();
  return TRUE;
}

/* The same pictures when every base after the first comes from the worker thread:
 * a highlight change, a sharpened zoom, a pan past the cached margin. */
static void
test_worker_thread (void)
{
  const AmTheme *theme = am_theme_get_light ();
  g_autoptr(GHashTable) only_a = g_hash_table_new (g_str_hash, g_str_equal);
  Fixture fixture = { 0 }, *f = &fixture;
  AmColor organization, state;
  double cx, cy, bx, by, x, y;

  if (ran_with_worker_always ())
    return;

  organization = over_background (theme, &am_theme_style_for_kind (theme, "organization")->fill);
  state = over_background (theme, &am_theme_style_for_kind (theme, "state")->fill);
  center_of (&node_c, &cx, &cy);
  center_of (&node_b, &bx, &by);

  fixture_setup (f, NULL);
  g_assert_true (wait_for_colour (f, cx, cy, &organization, TRUE));

  /* Search for a: c is dimmed once the worker's base arrives, then not again. */
  g_hash_table_add (only_a, (gpointer) "a");
  am_canvas_set_highlight (AM_CANVAS (f->canvas), only_a);
  g_assert_true (wait_for_colour (f, cx, cy, &organization, FALSE));
  am_canvas_set_highlight (AM_CANVAS (f->canvas), NULL);
  g_assert_true (wait_for_colour (f, cx, cy, &organization, TRUE));

  /* 4× on c, then over to b, further than the cached margin reaches. */
  am_canvas_set_zoom (AM_CANVAS (f->canvas), 4 * am_canvas_get_zoom (AM_CANVAS (f->canvas)));
  am_canvas_scene_to_widget (AM_CANVAS (f->canvas), cx, cy, &x, &y);
  am_canvas_pan_by (AM_CANVAS (f->canvas), x - WINDOW_WIDTH / 2.0, y - WINDOW_HEIGHT / 2.0);
  g_assert_true (wait_for_colour (f, cx, cy, &organization, TRUE));
  /* Long enough for the view to settle and the sharp base to come back: from then on
   * b lies beyond the cached margin. */
  for (gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;
       g_get_monotonic_time () < end;)
    gtk_test_widget_wait_for_draw (f->canvas);
  am_canvas_scene_to_widget (AM_CANVAS (f->canvas), bx, by, &x, &y);
  am_canvas_pan_by (AM_CANVAS (f->canvas), x - WINDOW_WIDTH / 2.0, y - WINDOW_HEIGHT / 2.0);
  g_assert_true (wait_for_colour (f, bx, by + node_b.height / 4, &state, TRUE));

  fixture_teardown (f, NULL);
}

/* A relayout whose first picture comes from the worker: the window goes on showing the
 * old map, where it was, until the new one is ready; never a blank frame. */
static void
test_new_scene_keeps_old_picture (void)
{
  const AmTheme *theme = am_theme_get_light ();
  static const AmRect moved_c = { 40, 220, 80, 40 };
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autoptr(AmScene) moved = NULL;
  g_autoptr(GError) error = NULL;
  AmColor organization;
  Pixels pixels = { 0 };
  double old_x, old_y, cx, cy;

  if (ran_with_worker_always ())
    return;

  organization = over_background (theme, &am_theme_style_for_kind (theme, "organization")->fill);
  center_of (&node_c, &cx, &cy);

  fixture_setup (f, NULL);
  g_assert_true (wait_for_colour (f, cx, cy, &organization, TRUE));
  scene_to_widget (f, cx, cy, &old_x, &old_y);

  /* The same map laid out again, c elsewhere and the bounds larger, so the view fits
   * anew. */
  {
    static const AmRect bounds = { 0, 0, 600, 450 };

    builder = am_scene_builder_new (&bounds);
    add_node (builder, "c", "", "organization", &moved_c);
    add_node (builder, "a", "Alice", "person", &node_a);
    moved = am_scene_builder_end (g_steal_pointer (&builder), &error);
    g_assert_no_error (error);
  }
  am_canvas_set_scene (AM_CANVAS (f->canvas), moved);

  /* The frame right after: the old picture, c where it was. */
  gtk_test_widget_wait_for_draw (f->canvas);
  pixels_grab (f, &pixels);
  assert_pixel (&pixels, old_x, old_y, &organization, "old c, kept up");
  pixels_clear (&pixels);

  /* Then the new map arrives: c at its new place, and the old place cleared. */
  center_of (&moved_c, &cx, &cy);
  g_assert_true (wait_for_colour (f, cx, cy, &organization, TRUE));
  pixels_grab (f, &pixels);
  assert_pixel (&pixels, old_x, old_y, &theme->background, "old c, gone");
  pixels_clear (&pixels);

  fixture_teardown (f, NULL);
}

typedef struct
{
  Fixture *f;
  AmColor  leaf;
  AmColor  lone;
} HubCheck;

static gboolean
colour_near (const guchar  *p,
             const AmColor *colour)
{
  return abs (p[2] - (int) round (colour->red * 255)) <= 3
         && abs (p[1] - (int) round (colour->green * 255)) <= 3
         && abs (p[0] - (int) round (colour->blue * 255)) <= 3;
}

/* The hub's neighbours in their own colour, and the rest of the map veiled. */
static gboolean
hub_highlighted (gpointer data)
{
  HubCheck *check = data;
  Fixture *f = check->f;
  Pixels pixels = { 0 };
  gboolean leaves_clear = TRUE, lone_veiled;
  guint n_checked = 0;
  double x, y;

  gtk_test_widget_wait_for_draw (f->canvas);
  pixels_grab (f, &pixels);

  for (guint i = 0; i < HUB_LEAVES; i += 5)
    {
      AmRect box;

      leaf_box (i, &box);
      if (!am_canvas_scene_to_widget (AM_CANVAS (f->canvas), box.x + box.width / 2,
                                      box.y + box.height / 2, &x, &y))
        continue;
      leaves_clear &= colour_near (pixels.data + (int) (y * pixels.scale) * pixels.stride
                                   + (int) (x * pixels.scale) * 4, &check->leaf);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 4);

  scene_to_widget (f, lone_box.x + lone_box.width / 2, lone_box.y + lone_box.height / 2, &x, &y);
  lone_veiled = !colour_near (pixels.data + (int) (y * pixels.scale) * pixels.stride
                              + (int) (x * pixels.scale) * 4, &check->lone);

  pixels_clear (&pixels);
  return leaves_clear && lone_veiled;
}

static void
test_hover_hub (Fixture       *f,
                gconstpointer  data)
{
  GtkEventController *motion = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  const AmTheme *theme = am_theme_get_light ();
  HubCheck check = { f };
  double x, y;

  check.leaf = over_background (theme, &am_theme_style_for_kind (theme, "state")->fill);
  check.lone = over_background (theme, &am_theme_style_for_kind (theme, "organization")->fill);

  /* Before: nothing veiled. */
  g_assert_false (hub_highlighted (&check));

  scene_to_widget (f, hub_box.x + hub_box.width / 2, hub_box.y + hub_box.height / 2, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (am_canvas_get_hovered (AM_CANVAS (f->canvas)), ==, "h");

  /* The highlight of 129 items may come from the worker thread a few frames later. */
  g_assert_true (wait_for (hub_highlighted, &check));

  /* It follows a zoom, and goes with the pointer. */
  am_canvas_set_zoom (AM_CANVAS (f->canvas), 1.2 * am_canvas_get_zoom (AM_CANVAS (f->canvas)));
  g_assert_true (wait_for (hub_highlighted, &check));
  /* Once the view settles, the base is redone at the new zoom and the overlay after it. */
  for (gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;
       g_get_monotonic_time () < end;)
    gtk_test_widget_wait_for_draw (f->canvas);
  g_assert_true (wait_for (hub_highlighted, &check));
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (hub_highlighted (&check));
}

static gboolean
centred_on_b (gpointer data)
{
  Fixture *f = data;
  double sx, sy, x, y;

  /* At the end of the animation: from a zoom too small to read, fly_to() zooms to 1. */
  center_of (&node_b, &sx, &sy);
  am_canvas_scene_to_widget (AM_CANVAS (f->canvas), sx, sy, &x, &y);
  return am_canvas_get_zoom (AM_CANVAS (f->canvas)) == 1.0
         && fabs (x - gtk_widget_get_width (f->canvas) / 2.0) < 0.5
         && fabs (y - gtk_widget_get_height (f->canvas) / 2.0) < 0.5;
}

static void
test_fly_to (Fixture       *f,
             gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  double zoom;

  am_canvas_set_zoom (AM_CANVAS (f->canvas), 0.3);
  am_canvas_fly_to (AM_CANVAS (f->canvas), "b");

  /* Animated: not there at once … */
  g_assert_false (centred_on_b (f));
  g_assert_cmpint (_am_canvas_input_get_state (_am_canvas_get_input (AM_CANVAS (f->canvas))),
                   ==, AM_CANVAS_INPUT_FLYING);
  /* … but within the deadline, at a zoom where text is readable. */
  g_assert_true (wait_for (centred_on_b, f));
  g_assert_cmpfloat (g_get_monotonic_time () - start, >=, 100 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (_am_canvas_input_get_state (_am_canvas_get_input (AM_CANVAS (f->canvas))),
                   ==, AM_CANVAS_INPUT_IDLE);

  /* The user takes the view mid-flight: the flight stops where it was. */
  am_canvas_set_zoom (AM_CANVAS (f->canvas), 0.3);
  am_canvas_fly_to (AM_CANVAS (f->canvas), "a");
  gtk_test_widget_wait_for_draw (f->canvas);
  am_canvas_pan_by (AM_CANVAS (f->canvas), 5, 0);
  g_assert_cmpint (_am_canvas_input_get_state (_am_canvas_get_input (AM_CANVAS (f->canvas))),
                   ==, AM_CANVAS_INPUT_IDLE);
  zoom = am_canvas_get_zoom (AM_CANVAS (f->canvas));
  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (f->canvas);
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (f->canvas)), ==, zoom);
  am_canvas_fly_to (AM_CANVAS (f->canvas), "b");
  g_assert_true (wait_for (centred_on_b, f));

  /* Unknown ids leave the view alone. */
  zoom = am_canvas_get_zoom (AM_CANVAS (f->canvas));
  am_canvas_fly_to (AM_CANVAS (f->canvas), "no-such-id");
  drain ();
  g_assert_true (centred_on_b (f));
  g_assert_cmpfloat (am_canvas_get_zoom (AM_CANVAS (f->canvas)), ==, zoom);
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AmDocument) document = load_document ();

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Actor map");
  g_assert_true (gtk_widget_get_focusable (f->canvas));

  /* The selection is described by name, from the document (markup stays literal). */
  am_canvas_set_document (AM_CANVAS (f->canvas), document);
  am_canvas_set_selection (AM_CANVAS (f->canvas), "a");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Selected: Alice <Ames> & Co");
  am_canvas_set_selection (AM_CANVAS (f->canvas), "e1");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Selected: Alice <Ames> & Co → Bolivia: knows");
  am_canvas_set_selection (AM_CANVAS (f->canvas), NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->canvas),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}


/* What a person reads when the pointer rests on an item: the text, and that the canvas
 * answers GTK's query where there is an item and declines over empty space. */
static gboolean
query_tooltip (Fixture  *f,
               double    x,
               double    y,
               gboolean  keyboard)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (f->canvas, "query-tooltip", (int) x, (int) y, keyboard, tooltip, &shown);
  return shown;
}

static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  GtkEventController *motion = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_autoptr(AmDocument) document = load_document ();
  AmCanvas *canvas = AM_CANVAS (f->canvas);
  double sx, sy, x, y;
  char *text;

  g_assert_true (gtk_widget_get_has_tooltip (f->canvas));

  /* Without a document the scene's own label and kind are all there is. */
  text = _am_canvas_dup_tooltip_text (canvas, "b");
  g_assert_cmpstr (text, ==, "Bolivia\nKind: state");
  g_free (text);

  am_canvas_set_document (canvas, document);

  /* A node under the pointer: name, kind and role, the name as written (no markup). */
  center_of (&node_a, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (am_canvas_get_hovered (canvas), ==, "a");
  text = _am_canvas_dup_tooltip_text (canvas, am_canvas_get_hovered (canvas));
  g_assert_cmpstr (text, ==, "Alice <Ames> & Co\nKind: Person\nRole: Envoy");
  g_free (text);
  g_assert_true (query_tooltip (f, x, y, FALSE));

  /* No role: no role line. */
  text = _am_canvas_dup_tooltip_text (canvas, "b");
  g_assert_cmpstr (text, ==, "Bolivia\nKind: State");
  g_free (text);

  /* An edge's label: both ends, the label and the relation type. */
  center_of (&label_e1, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (am_canvas_get_hovered (canvas), ==, "e1");
  text = _am_canvas_dup_tooltip_text (canvas, am_canvas_get_hovered (canvas));
  g_assert_cmpstr (text, ==, "Alice <Ames> & Co → Bolivia: knows\nType: Meeting");
  g_free (text);
  g_assert_true (query_tooltip (f, x, y, FALSE));

  /* Empty space and unknown ids: nothing to say. */
  scene_to_widget (f, 370, 270, &x, &y);
  g_assert_false (query_tooltip (f, x, y, FALSE));
  g_assert_null (_am_canvas_dup_tooltip_text (canvas, "no-such-id"));

  /* From the keyboard the tooltip is about the selection. */
  g_assert_false (query_tooltip (f, 0, 0, TRUE));
  am_canvas_set_selection (canvas, "b");
  g_assert_true (query_tooltip (f, 0, 0, TRUE));
}

/* The tooltip asks what is under the pointer right after the motion did, and gets
 * the motion's answer back; once the view or the scene has changed under the still
 * pointer, the answer is new. */
static void
test_tooltip_follows_changes (Fixture       *f,
                              gconstpointer  data)
{
  GtkEventController *motion = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  AmCanvas *canvas = AM_CANVAS (f->canvas);
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autoptr(AmScene) moved = NULL;
  g_autoptr(GError) error = NULL;
  double sx, sy, x, y, ex, ey, cx0, cy0, zoom0, cx1, cy1, zoom1;

  center_of (&node_a, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (am_canvas_get_hovered (canvas), ==, "a");
  g_assert_true (query_tooltip (f, x, y, FALSE));

  /* The map slides under the pointer until empty space is there. */
  scene_to_widget (f, 370, 270, &ex, &ey);
  am_canvas_pan_by (canvas, ex - x, ey - y);
  g_assert_false (query_tooltip (f, x, y, FALSE));
  am_canvas_pan_by (canvas, x - ex, y - ey);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_true (query_tooltip (f, x, y, FALSE));

  /* The same view of a map where b took a's place. */
  builder = am_scene_builder_new (am_scene_get_bounds (f->scene));
  add_node (builder, "b", "Bolivia", "state", &node_a);
  add_node (builder, "c", "", "organization", &node_c);
  moved = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  am_canvas_get_viewport (canvas, &cx0, &cy0, &zoom0);
  am_canvas_set_scene (canvas, moved);
  am_canvas_get_viewport (canvas, &cx1, &cy1, &zoom1);
  g_assert_cmpfloat (cx1, ==, cx0);
  g_assert_cmpfloat (cy1, ==, cy0);
  g_assert_cmpfloat (zoom1, ==, zoom0);
  g_assert_true (query_tooltip (f, x, y, FALSE));
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (am_canvas_get_hovered (canvas), ==, "b");
}

/* Overlapping items: q over the right of p, e1's label box over both, e2's curve
 * passing just inside p's top. */
static const AmRect node_p = { 40, 100, 120, 60 };
static const AmRect node_q = { 120, 110, 80, 40 };
static const AmRect node_r = { 300, 100, 60, 40 };

static AmScene *
make_overlap_scene (void)
{
  static const AmRect bounds = { 0, 0, 400, 300 };
  AmPoint low[] = { { 100, 200 }, { 150, 200 }, { 250, 200 }, { 300, 130 } };
  AmPoint high[] = { { 50, 105 }, { 100, 105 }, { 200, 105 }, { 300, 120 } };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmSceneEdge edge = { 0 };
  AmScene *scene;

  add_node (builder, "p", "P", "person", &node_p);
  add_node (builder, "q", "Q", "state", &node_q);
  add_node (builder, "r", "R", "state", &node_r);

  edge.id = (char *) "e1";
  edge.source = (char *) "p";
  edge.target = (char *) "r";
  edge.label = (char *) "x";
  edge.directed = TRUE;
  edge.points = low;
  edge.n_points = G_N_ELEMENTS (low);
  edge.has_label = TRUE;
  edge.label_box = (AmRect) { 130, 120, 30, 16 };
  am_scene_builder_add_edge (builder, &edge);

  edge.id = (char *) "e2";
  edge.source = (char *) "q";
  edge.label = NULL;
  edge.points = high;
  edge.has_label = FALSE;
  am_scene_builder_add_edge (builder, &edge);

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

static const char *
hover_at (Fixture *f,
          double   sx,
          double   sy)
{
  GtkEventController *motion = find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  double x, y;

  scene_to_widget (f, sx, sy, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  return am_canvas_get_hovered (AM_CANVAS (f->canvas));
}

/* What the pointer is on where items overlap: an edge's label over the nodes under it,
 * the topmost of two nodes, a node over a curve passing a point inside it; and a curve
 * where no node is. */
static void
test_hover_overlaps (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpstr (hover_at (f, 145, 128), ==, "e1");
  g_assert_cmpstr (hover_at (f, 140, 145), ==, "q");
  g_assert_cmpstr (hover_at (f, 170, 140), ==, "q");
  g_assert_cmpstr (hover_at (f, 60, 140), ==, "p");
  g_assert_cmpstr (hover_at (f, 80, 106), ==, "p");
  /* e2 at t = 0.8. */
  g_assert_cmpstr (hover_at (f, 240.4, 112.68), ==, "e2");
  g_assert_null (hover_at (f, 370, 270));
}

/* A canvas window of @width × @height, as the fixture makes it. */
static void
resize_window (Fixture *f,
               int      width,
               int      height)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  while ((gtk_widget_get_width (f->canvas) != width || gtk_widget_get_height (f->canvas) != height)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (f->canvas), ==, width);
  g_assert_cmpint (gtk_widget_get_height (f->canvas), ==, height);
}

static void
test_fit_beside_legend (Fixture       *f,
                        gconstpointer  data)
{
  AmCanvas *canvas = AM_CANVAS (f->canvas);
  const AmRect *bounds = am_scene_get_bounds (f->scene);
  double legend_width, legend_height, zoom_without, zoom_with;
  double x0, y0, x1, y1, height;

  am_renderer_measure_legend (f->scene, am_theme_get_light (), &legend_width, &legend_height);
  g_assert_cmpfloat (legend_width, >, 0);

  /* On the fixture's small canvas the legend would cover a quarter of the map: it stays
   * out of the way and the fit is the plain one. */
  zoom_without = am_canvas_get_zoom (canvas);
  am_canvas_set_show_legend (canvas, TRUE);
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (canvas), zoom_without, 1e-9);

  /* On a large canvas shaped like the map it shows, floating in a corner the map leaves
   * empty: the map keeps the whole canvas, and nothing it draws lies under the legend. */
  resize_window (f, 800, 600);
  am_canvas_set_show_legend (canvas, FALSE);
  zoom_without = am_canvas_get_zoom (canvas);
  am_canvas_set_show_legend (canvas, TRUE);
  zoom_with = am_canvas_get_zoom (canvas);
  g_assert_cmpfloat_with_epsilon (zoom_with, zoom_without, 1e-9);
  {
    AmViewport view = { 0, 0, zoom_with, gtk_widget_get_width (f->canvas),
                        gtk_widget_get_height (f->canvas) };
    AmRect legend, rect;

    g_assert_true (am_canvas_get_legend_rect (canvas, &legend));
    g_assert_cmpfloat_with_epsilon (legend.width, legend_width, 1e-9);
    am_canvas_get_viewport (canvas, &view.center_x, &view.center_y, NULL);
    am_view_widget_to_scene (&view, legend.x, legend.y, &rect.x, &rect.y);
    rect.width = legend.width / zoom_with;
    rect.height = legend.height / zoom_with;
    g_assert_true (am_view_scene_area_is_clear (f->scene, &rect));
  }

  height = gtk_widget_get_height (f->canvas);
  am_canvas_scene_to_widget (canvas, bounds->x, bounds->y, &x0, &y0);
  am_canvas_scene_to_widget (canvas, bounds->x + bounds->width, bounds->y + bounds->height,
                             &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (x1, <=, gtk_widget_get_width (f->canvas));
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (y1, <=, height);

  /* Hiding it gives the room back; zoom-fit agrees with the fit on toggling. */
  am_canvas_set_show_legend (canvas, FALSE);
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (canvas), zoom_without, 1e-9);
  am_canvas_set_show_legend (canvas, TRUE);
  am_canvas_set_zoom (canvas, zoom_with * 2);
  am_canvas_zoom_to_fit (canvas);
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (canvas), zoom_with, 1e-9);

  /* Once the user has zoomed, toggling the legend leaves the view alone. */
  am_canvas_set_zoom (canvas, zoom_with * 2);
  am_canvas_set_show_legend (canvas, FALSE);
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (canvas), zoom_with * 2, 1e-9);
}

/* Dark pixels inside node a, away from its outline: its label's glyphs. */
static guint
label_pixels (Fixture *f)
{
  Pixels pixels = { 0 };
  double x0, y0, x1, y1;
  guint n = 0;

  pixels_grab (f, &pixels);
  scene_to_widget (f, node_a.x + 6, node_a.y + 6, &x0, &y0);
  scene_to_widget (f, node_a.x + node_a.width - 6, node_a.y + node_a.height - 6, &x1, &y1);
  for (int py = (int) (y0 * pixels.scale); py < (int) (y1 * pixels.scale); py++)
    for (int px = (int) (x0 * pixels.scale); px < (int) (x1 * pixels.scale); px++)
      {
        const guchar *p = pixels.data + py * pixels.stride + px * 4;

        if (p[0] + p[1] + p[2] < 3 * 128)
          n++;
      }
  pixels_clear (&pixels);

  return n;
}

typedef struct
{
  Fixture  *fixture;
  gboolean  want_text;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;

  gtk_test_widget_wait_for_draw (wait->fixture->canvas);
  return (label_pixels (wait->fixture) > 0) == wait->want_text;
}

static void
test_labels_on_small_maps (Fixture       *f,
                           gconstpointer  data)
{
  AmCanvas *canvas = AM_CANVAS (f->canvas);
  LabelWait wait = { f, FALSE };
  double zoom_to_fit = am_canvas_get_zoom (canvas);

  /* At fit the names are there. */
  wait.want_text = TRUE;
  g_assert_true (wait_for (label_is, &wait));

  /* So far out that text would be a smudge: none. */
  am_canvas_set_zoom (canvas, 0.3);
  wait.want_text = FALSE;
  g_assert_true (wait_for (label_is, &wait));

  /* Between that and the renderer's usual cut-off (6 px of an 11 pt font, 0.55 px per
   * point), a small map still shows its names. */
  am_canvas_set_zoom (canvas, 0.48);
  wait.want_text = TRUE;
  g_assert_true (wait_for (label_is, &wait));

  am_canvas_zoom_to_fit (canvas);
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (canvas), zoom_to_fit, 1e-9);
}

/* Editing on the map, with a session: the canvas-model document laid out by the test
 * helper. */

typedef struct
{
  GtkWidget  *window;
  GtkWidget  *canvas;
  AmSession  *session;
  AmDocument *document;
} EditFixture;

static gboolean
edit_ready (gpointer data)
{
  EditFixture *f = data;

  return am_canvas_get_scene (AM_CANVAS (f->canvas)) != NULL
         && !am_session_get_busy (f->session)
         && gtk_widget_get_mapped (f->canvas) && gtk_widget_get_width (f->canvas) > 0;
}

static void
edit_setup (EditFixture   *f,
            gconstpointer  data)
{
  f->session = am_session_new ();
  f->document = load_document ();
  am_session_set_document (f->session, f->document, NULL);

  f->canvas = am_canvas_new ();
  am_canvas_set_session (AM_CANVAS (f->canvas), f->session);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f->window), f->canvas);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_for (edit_ready, f));
}

static void
edit_teardown (EditFixture   *f,
               gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  am_session_cancel (f->session);
  g_clear_object (&f->session);
  g_clear_object (&f->document);
}

/* The centre of node @id, in widget and in scene coordinates. */
static void
node_in_widget (EditFixture *f,
                const char  *id,
                double      *x,
                double      *y,
                double      *scene_x,
                double      *scene_y)
{
  AmScene *scene = am_canvas_get_scene (AM_CANVAS (f->canvas));
  gint index = am_scene_find_node (scene, id);
  const AmSceneNode *node;

  g_assert_cmpint (index, >=, 0);
  node = am_scene_get_node (scene, index);
  *scene_x = node->box.x + node->box.width / 2;
  *scene_y = node->box.y + node->box.height / 2;
  g_assert_true (am_canvas_scene_to_widget (AM_CANVAS (f->canvas), *scene_x, *scene_y, x, y));
}

static void
assert_pinned (EditFixture *f,
               const char  *id,
               double       x,
               double       y)
{
  AmEntity *entity = am_document_lookup_entity (am_session_get_document (f->session), id);
  double px = 0, py = 0;

  g_assert_nonnull (entity);
  g_assert_true (am_entity_get_position (entity, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (py, y, 1e-6);
}

static gboolean
is_pinned (EditFixture *f,
           const char  *id)
{
  double x, y;

  return am_entity_get_position (am_document_lookup_entity (am_session_get_document (f->session), id),
                                 &x, &y);
}

/* Dragging an actor moves it: the moved box follows the pointer, and the release pins
 * the actor there (one undo step).  A click without movement still selects. */
static void
test_drag_moves_actor (EditFixture   *f,
                       gconstpointer  data)
{
  GtkGesture *drag = find_controller (f->canvas, GTK_TYPE_GESTURE_DRAG);
  GtkGesture *click = find_controller (f->canvas, GTK_TYPE_GESTURE_CLICK);
  AmCanvasInput *input = _am_canvas_get_input (AM_CANVAS (f->canvas));
  double x, y, nx, ny, sx, sy, zoom = am_canvas_get_zoom (AM_CANVAS (f->canvas));

  node_in_widget (f, "a", &x, &y, &sx, &sy);
  g_assert_false (is_pinned (f, "a"));

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 30.0, 12.0);
  g_assert_cmpint (_am_canvas_input_get_state (input), ==, AM_CANVAS_INPUT_MOVING);
  gtk_test_widget_wait_for_draw (f->canvas);
  /* The map itself did not pan. */
  g_assert_true (am_canvas_scene_to_widget (AM_CANVAS (f->canvas), sx, sy, &nx, &ny));
  g_assert_cmpfloat_with_epsilon (nx, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (ny, y, 1e-6);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 20.0);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 20.0);
  g_assert_cmpint (_am_canvas_input_get_state (input), ==, AM_CANVAS_INPUT_IDLE);

  assert_pinned (f, "a", sx + 40.0 / zoom, sy + 20.0 / zoom);
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "Move Actor");
  /* The new scene keeps the view: no refit after an edit. */
  g_assert_true (wait_for (edit_ready, f));
  g_assert_cmpfloat_with_epsilon (am_canvas_get_zoom (AM_CANVAS (f->canvas)), zoom, 1e-9);

  /* A press and release in place is a click: it selects, and moves nothing. */
  node_in_widget (f, "b", &x, &y, &sx, &sy);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-update", 1.0, 1.0);
  g_signal_emit_by_name (drag, "drag-end", 1.0, 1.0);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "b");
  g_assert_false (is_pinned (f, "b"));

  /* Alt+arrows move the selected actor a step; steps add up before the layout. */
  g_assert_true (gtk_widget_activate_action (f->canvas, "canvas.move-selection", "(ii)", 1, 0));
  g_assert_true (gtk_widget_activate_action (f->canvas, "canvas.move-selection", "(ii)", 0, 1));
  assert_pinned (f, "b", sx + 12.0, sy + 12.0);
}

/* In connect mode (or with Shift held at the press) a drag from one actor to another
 * asks for a label and makes the relation; dropped elsewhere it makes nothing. */
static void
test_drag_connects (EditFixture   *f,
                    gconstpointer  data)
{
  GtkGesture *drag = find_controller (f->canvas, GTK_TYPE_GESTURE_DRAG);
  AmCanvasInput *input = _am_canvas_get_input (AM_CANVAS (f->canvas));
  double ax, ay, bx, by, sx, sy;
  AmDocument *before;
  AmRelation *relation;
  GtkPopover *popover;
  GtkWidget *entry;

  am_canvas_set_connect_mode (AM_CANVAS (f->canvas), TRUE);
  node_in_widget (f, "a", &ax, &ay, &sx, &sy);
  node_in_widget (f, "b", &bx, &by, &sx, &sy);

  /* Dropped on empty space: nothing. */
  before = am_session_get_document (f->session);
  g_signal_emit_by_name (drag, "drag-begin", ax, ay);
  g_signal_emit_by_name (drag, "drag-update", 0.0, 60.0);
  g_assert_cmpint (_am_canvas_input_get_state (input), ==, AM_CANVAS_INPUT_CONNECTING);
  gtk_test_widget_wait_for_draw (f->canvas);
  g_signal_emit_by_name (drag, "drag-end", 0.0, WINDOW_HEIGHT * 2.0);
  popover = _am_canvas_input_get_connect_popover (input);
  g_assert_true (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (am_session_get_document (f->session) == before);
  /* Nothing moved either. */
  g_assert_false (is_pinned (f, "a"));

  /* Escape while drawing cancels the line. */
  g_signal_emit_by_name (drag, "drag-begin", ax, ay);
  g_signal_emit_by_name (drag, "drag-update", bx - ax, by - ay);
  g_assert_cmpint (_am_canvas_input_get_state (input), ==, AM_CANVAS_INPUT_CONNECTING);
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (find_controller (f->canvas, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                           GDK_KEY_Escape, 0, 0, &handled);
    g_assert_true (handled);
  }
  g_assert_cmpint (_am_canvas_input_get_state (input), ==, AM_CANVAS_INPUT_IDLE);
  g_signal_emit_by_name (drag, "drag-end", bx - ax, by - ay);
  popover = _am_canvas_input_get_connect_popover (input);
  g_assert_true (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Onto b: the popover asks, "relates to" at first; Escape (popdown) cancels. */
  g_signal_emit_by_name (drag, "drag-begin", ax, ay);
  g_signal_emit_by_name (drag, "drag-update", bx - ax, by - ay);
  g_assert_cmpstr (am_canvas_get_hovered (AM_CANVAS (f->canvas)), ==, "b");
  g_signal_emit_by_name (drag, "drag-end", bx - ax, by - ay);
  popover = _am_canvas_input_get_connect_popover (input);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  entry = gtk_widget_get_first_child (gtk_widget_get_last_child (gtk_popover_get_child (popover)));
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "relates to");
  gtk_popover_popdown (popover);
  drain ();
  g_assert_true (am_session_get_document (f->session) == before);

  /* Again, with a label of our own, and Enter. */
  g_signal_emit_by_name (drag, "drag-begin", ax, ay);
  g_signal_emit_by_name (drag, "drag-update", bx - ax, by - ay);
  g_signal_emit_by_name (drag, "drag-end", bx - ax, by - ay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "advises");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  relation = am_document_lookup_relation (am_session_get_document (f->session),
                                          am_session_get_selection (f->session));
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_source (relation), ==, "a");
  g_assert_cmpstr (am_relation_get_target (relation), ==, "b");
  g_assert_cmpstr (am_relation_get_label (relation), ==, "advises");
  g_assert_true (am_relation_get_directed (relation));
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "New Relation");

  /* Out of connect mode the same drag moves a instead. */
  am_canvas_set_connect_mode (AM_CANVAS (f->canvas), FALSE);
  g_assert_true (wait_for (edit_ready, f));
  node_in_widget (f, "a", &ax, &ay, &sx, &sy);
  g_signal_emit_by_name (drag, "drag-begin", ax, ay);
  g_signal_emit_by_name (drag, "drag-update", 20.0, 0.0);
  g_assert_cmpint (_am_canvas_input_get_state (input), ==, AM_CANVAS_INPUT_MOVING);
  g_signal_emit_by_name (drag, "drag-end", 20.0, 0.0);
  g_assert_true (is_pinned (f, "a"));
}

#ifdef HAVE_XTEST
/* Real X input through XTest: the whole GDK → gesture → action path. */

static Display *
xtest_display (Fixture *f)
{
  GdkDisplay *display = gtk_widget_get_display (f->canvas);
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  if (!XTestQueryExtension (gdk_x11_display_get_xdisplay (display), &event_base, &error_base,
                            &major, &minor))
    return NULL;

  return gdk_x11_display_get_xdisplay (display);
}

static void
xtest_move (Fixture *f,
            Display *dpy,
            double   x,
            double   y)
{
  GtkNative *native = gtk_widget_get_native (f->canvas);
  double nx, ny, sx, sy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_translate_coordinates (f->canvas, GTK_WIDGET (native), x, y,
                                                   &nx, &ny));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (dpy), (int) round (nx + sx), (int) round (ny + sy),
                         &root_x, &root_y, &child);
  XTestFakeMotionEvent (dpy, -1, root_x, root_y, CurrentTime);
  XFlush (dpy);
  drain ();
}

static void
xtest_button (Display  *dpy,
              gboolean  press)
{
  XTestFakeButtonEvent (dpy, 1, press, CurrentTime);
  XFlush (dpy);
}

static void
xtest_key (Display *dpy,
           KeySym   keysym)
{
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  XFlush (dpy);
}

typedef struct
{
  Fixture *f;
  guint    n;
} WaitSelects;

static gboolean
has_n_selects (gpointer data)
{
  WaitSelects *w = data;

  return w->f->selects->len >= w->n;
}

static gboolean
has_focus_details (gpointer data)
{
  Fixture *f = data;

  return f->focus_details > 0;
}

static gboolean
drag_released (gpointer data)
{
  GtkGesture *drag = find_controller (data, GTK_TYPE_GESTURE_DRAG);

  return !gtk_gesture_is_active (drag);
}

static gboolean
drag_active (gpointer data)
{
  GtkGesture *drag = find_controller (data, GTK_TYPE_GESTURE_DRAG);

  return gtk_gesture_is_active (drag);
}

static void
test_real_input (Fixture       *f,
                 gconstpointer  data)
{
  Display *dpy = xtest_display (f);
  WaitSelects w = { f, 0 };
  double sx, sy, x, y, x0, y0, x1, y1;

  if (dpy == NULL)
    {
      g_test_skip ("Needs an X11 display with XTest");
      return;
    }

  /* Click on b. */
  center_of (&node_b, &sx, &sy);
  scene_to_widget (f, sx, sy, &x, &y);
  xtest_move (f, dpy, x, y);
  xtest_button (dpy, TRUE);
  xtest_button (dpy, FALSE);
  w.n = 1;
  g_assert_true (wait_for (has_n_selects, &w));
  g_assert_cmpstr (last_select (f), ==, "b");
  g_assert_cmpstr (am_canvas_get_hovered (AM_CANVAS (f->canvas)), ==, "b");

  /* Drag from b: past the threshold it pans, and the release is no click. */
  scene_to_widget (f, 200, 150, &x0, &y0);
  xtest_button (dpy, TRUE);
  g_assert_true (wait_for (drag_active, f->canvas));
  for (int i = 1; i <= 6; i++)
    xtest_move (f, dpy, x - 10 * i, y + 5 * i);
  xtest_button (dpy, FALSE);
  g_assert_true (wait_for (drag_released, f->canvas));
  scene_to_widget (f, 200, 150, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0 - 60, 0.5);
  g_assert_cmpfloat_with_epsilon (y1, y0 + 30, 0.5);
  g_assert_cmpuint (f->selects->len, ==, 1);

  /* Keys go to the focused canvas: Right from a, Escape, Enter. */
  am_canvas_set_selection (AM_CANVAS (f->canvas), "a");
  gtk_widget_grab_focus (f->canvas);
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (f->canvas))),
                  RevertToParent, CurrentTime);
  drain ();
  xtest_key (dpy, XK_Right);
  w.n = 2;
  g_assert_true (wait_for (has_n_selects, &w));
  g_assert_cmpstr (last_select (f), ==, "b");

  xtest_key (dpy, XK_Escape);
  w.n = 3;
  g_assert_true (wait_for (has_n_selects, &w));
  g_assert_cmpstr (last_select (f), ==, "");

  xtest_key (dpy, XK_Return);
  g_assert_true (wait_for (has_focus_details, f));

  /* Keep the pointer off the next test's window. */
  XTestFakeMotionEvent (dpy, -1, 1200, 1000, CurrentTime);
  XFlush (dpy);
  drain ();
}
#endif

int
main (int    argc,
      char **argv)
{
  if (!canvas_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/Actormap/Canvas/properties-notify-once", test_properties_notify_once);
  g_test_add_func ("/Actormap/Canvas/zoom-clamps-and-actions", test_zoom_clamps_and_actions);
  g_test_add ("/Actormap/Canvas/fit", Fixture, NULL, fixture_setup, test_fit, fixture_teardown);
  g_test_add ("/Actormap/Canvas/pan", Fixture, NULL, fixture_setup, test_pan, fixture_teardown);
  g_test_add ("/Actormap/Canvas/click-selects", Fixture, NULL,
              fixture_setup, test_click_selects, fixture_teardown);
  g_test_add ("/Actormap/Canvas/arrow-keys", Fixture, NULL,
              fixture_setup, test_arrow_keys, fixture_teardown);
  g_test_add ("/Actormap/Canvas/hover", Fixture, NULL,
              fixture_setup, test_hover, fixture_teardown);
  g_test_add ("/Actormap/Canvas/hover-hub", Fixture, make_hub_scene,
              fixture_setup, test_hover_hub, fixture_teardown);
  g_test_add ("/Actormap/Canvas/overlay-under-labels", Fixture, make_crossing_scene,
              fixture_setup, test_overlay_under_labels, fixture_teardown);
  g_test_add ("/Actormap/Canvas/pixels-light-and-dark", Fixture, NULL,
              fixture_setup, test_pixels_light_and_dark, fixture_teardown);
  g_test_add ("/Actormap/Canvas/fly-to", Fixture, NULL,
              fixture_setup, test_fly_to, fixture_teardown);
  g_test_add ("/Actormap/Canvas/tooltip", Fixture, NULL,
              fixture_setup, test_tooltip, fixture_teardown);
  g_test_add ("/Actormap/Canvas/tooltip-follows-changes", Fixture, NULL,
              fixture_setup, test_tooltip_follows_changes, fixture_teardown);
  g_test_add ("/Actormap/Canvas/hover-overlaps", Fixture, make_overlap_scene,
              fixture_setup, test_hover_overlaps, fixture_teardown);
  g_test_add ("/Actormap/Canvas/fit-beside-legend", Fixture, NULL,
              fixture_setup, test_fit_beside_legend, fixture_teardown);
  g_test_add ("/Actormap/Canvas/labels-on-small-maps", Fixture, NULL,
              fixture_setup, test_labels_on_small_maps, fixture_teardown);
  g_test_add ("/Actormap/Canvas/accessible", Fixture, NULL,
              fixture_setup, test_accessible, fixture_teardown);
  g_test_add_func ("/Actormap/Canvas/worker-thread", test_worker_thread);
  g_test_add_func ("/Actormap/Canvas/new-scene-keeps-old-picture",
                   test_new_scene_keeps_old_picture);
  g_test_add ("/Actormap/Canvas/drag-moves-actor", EditFixture, NULL,
              edit_setup, test_drag_moves_actor, edit_teardown);
  g_test_add ("/Actormap/Canvas/drag-connects", EditFixture, NULL,
              edit_setup, test_drag_connects, edit_teardown);
#ifdef HAVE_XTEST
  g_test_add ("/Actormap/Canvas/real-input", Fixture, NULL,
              fixture_setup, test_real_input, fixture_teardown);
#endif

  return g_test_run ();
}
