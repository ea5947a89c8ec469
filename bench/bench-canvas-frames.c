/* bench-canvas-frames.c — how long the canvas takes to produce a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each model given: load it, lay it out in-process (sfdp above a few hundred nodes,
 * as the application does), put an AmCanvas of the requested size in a window, and time
 * frames the way GTK makes them with the window's renderer (cairo unless --renderer=gl):
 * the canvas's snapshot, then gsk_renderer_render_texture() of the node.  Printed as medians against the 16.7 ms
 * budget of a 60 Hz frame.
 *
 *   full render       the canvas renders the scene again (first frame, theme or
 *                     highlight change, the sharp frame after a zoom gesture)
 *   pan               the view moved a few pixels: the cached base is reused
 *   zoom gesture      the view is zoomed by 10 % and the cached base is scaled
 *   hover             the pointer moved onto another node, and GTK asked for its
 *                     tooltip there: the overlay is rebuilt (a hub's on the worker
 *                     thread, so that frame does not wait for it)
 *   pan, hub hovered  pan frames once a hovered hub's highlight is there
 *
 * A model is laid out in-process first; --write-scene keeps the result, and a *.amscene
 * file given instead of a model skips the layout.  With --plain, the positions come
 * from Graphviz's CLI instead (`sfdp -Tplain` of the model's DOT twin, as
 * bench/gen-model.py writes it), for maps whose in-process layout takes too long here.  Needs a display: run it under
 * xvfb-run (bench/run-canvas-bench.sh does).
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "am-canvas.h"
#include "am-layout.h"
#include "am-renderer.h"
#include "am-theme.h"

#define BUDGET_MS (1000.0 / 60.0)

static int opt_width = 1920;
static int opt_height = 1080;
static int opt_frames = 21;
static char *opt_engine = NULL;
static char *opt_write_scene = NULL;
static char *opt_renderer = NULL;
static char *opt_plain = NULL;

typedef struct
{
  GtkWidget   *window;
  GtkWidget   *canvas;
  GskRenderer *renderer;
  GtkTooltip  *tooltip;
  const char  *map_name;
} Bench;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint i;

  g_array_sort (samples, compare_doubles);
  i = MIN ((guint) ceil (p * samples->len) - 1, samples->len - 1);
  return g_array_index (samples, double, i);
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* One frame as GTK would make it: the widget's snapshot, then the renderer. */
static void
frame (Bench *bench)
{
  GtkWidget *canvas = bench->canvas;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (bench->renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (canvas),
                                                              gtk_widget_get_height (canvas)));
  g_object_unref (texture);
  if (node != NULL)
    gsk_render_node_unref (node);
}

/* Wall-clock time, and the CPU time of this (the main) thread: on a shared machine the
 * first also counts time spent waiting for a core, the second only the canvas's work. */
typedef struct
{
  GArray *wall;
  GArray *cpu;
  gint64  wall_start;
  gint64  cpu_start;
} Samples;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
samples_init (Samples *samples)
{
  samples->wall = g_array_new (FALSE, FALSE, sizeof (double));
  samples->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_clear (Samples *samples)
{
  g_clear_pointer (&samples->wall, g_array_unref);
  g_clear_pointer (&samples->cpu, g_array_unref);
}

static void
samples_start (Samples *samples)
{
  samples->wall_start = g_get_monotonic_time ();
  samples->cpu_start = thread_cpu_us ();
}

static void
samples_stop (Samples *samples)
{
  double wall = (g_get_monotonic_time () - samples->wall_start) / 1000.0;
  double cpu = (thread_cpu_us () - samples->cpu_start) / 1000.0;

  g_array_append_val (samples->wall, wall);
  g_array_append_val (samples->cpu, cpu);
}

static void
report (Bench      *bench,
        const char *what,
        Samples    *samples)
{
  double med = median (samples->wall);
  double p90 = percentile (samples->wall, 0.9);
  double cpu = median (samples->cpu);

  printf ("| %-24s | %-34s | %9.2f | %9.2f | %9.2f | %-11s |\n", bench->map_name, what, med,
          p90, cpu,
          cpu <= BUDGET_MS / 2 ? "well within" : cpu <= BUDGET_MS ? "within" : "over");
  fflush (stdout);
  samples_clear (samples);
}

static void
bench_full (Bench      *bench,
            const char *what)
{
  Samples samples;

  samples_init (&samples);
  for (int i = 0; i < opt_frames; i++)
    {
      samples_start (&samples);
      am_canvas_drop_caches (AM_CANVAS (bench->canvas));
      frame (bench);
      samples_stop (&samples);
    }
  report (bench, what, &samples);
}

/*
 * What the worker does for a sharp re-render, timed on this thread: the renderer draws
 * the part of the scene the canvas shows, plus the cached margin (a third of the view
 * each way), into an image of that size, at the canvas's zoom.  The canvas's own full
 * render rows above may not show it: on a large map the frame keeps the old picture and
 * a worker renders the new one.
 */
static void
bench_render_direct (Bench      *bench,
                     const char *what,
                     gboolean    dark)
{
  AmCanvas *canvas = AM_CANVAS (bench->canvas);
  const AmTheme *theme = dark ? am_theme_get_dark () : am_theme_get_light ();
  double zoom = am_canvas_get_zoom (canvas);
  AmRenderState state;
  AmRect area;
  Samples samples;

  am_canvas_get_visible_area (canvas, &area);
  am_render_state_init (&state);
  state.visible = (AmRect) { area.x - area.width / 6, area.y - area.height / 6,
                             area.width * 4 / 3, area.height * 4 / 3 };
  state.pixels_per_point = zoom;

  samples_init (&samples);
  for (int i = 0; i < MAX (3, opt_frames / 4); i++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;

      samples_start (&samples);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (state.visible.width * zoom),
                                            (int) ceil (state.visible.height * zoom));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, theme->background.red, theme->background.green,
                            theme->background.blue);
      cairo_paint (cr);
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, -state.visible.x, -state.visible.y);
      am_renderer_draw_scene (cr, am_canvas_get_scene (canvas), theme, &state);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      cairo_surface_destroy (surface);
      samples_stop (&samples);
    }
  report (bench, what, &samples);
}

static void
bench_pan (Bench      *bench,
           const char *what)
{
  Samples samples;

  samples_init (&samples);
  frame (bench);   /* make sure the base is there */
  for (int i = 0; i < opt_frames * 3; i++)
    {
      samples_start (&samples);
      /* Back and forth, so the view stays on the cached base. */
      am_canvas_pan_by (AM_CANVAS (bench->canvas), i % 2 ? -7 : 7, i % 2 ? -3 : 3);
      frame (bench);
      samples_stop (&samples);
    }
  report (bench, what, &samples);
}

static void
bench_zoom_gesture (Bench      *bench,
                    const char *what)
{
  double zoom = am_canvas_get_zoom (AM_CANVAS (bench->canvas));
  Samples samples;

  samples_init (&samples);
  frame (bench);
  for (int i = 0; i < opt_frames * 3; i++)
    {
      if (i % 2 == 0)
        samples_start (&samples);
      am_canvas_set_zoom (AM_CANVAS (bench->canvas), i % 2 ? zoom : zoom * 1.1);
      frame (bench);
      if (i % 2 == 0)
        samples_stop (&samples);
    }
  am_canvas_set_zoom (AM_CANVAS (bench->canvas), zoom);
  report (bench, what, &samples);
}

/* Lets a worker thread finish what the last measurement started (a hub's overlay), so
 * that it does not compete with the next one for the CPU. */
static void
let_workers_finish (Bench *bench)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20 * 1000);
    }
  frame (bench);
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

/* Pointer onto node @index (through the motion controller, as a real motion event
 * would), its tooltip asked for, then a frame; then off it again, untimed. */
static void
bench_hover (Bench      *bench,
             const char *what,
             guint       index)
{
  GtkEventController *motion = motion_controller (bench->canvas);
  AmScene *scene = am_canvas_get_scene (AM_CANVAS (bench->canvas));
  const AmSceneNode *node = am_scene_get_node (scene, index);
  Samples samples;
  double x, y;

  if (!am_canvas_scene_to_widget (AM_CANVAS (bench->canvas),
                                  node->box.x + node->box.width / 2,
                                  node->box.y + node->box.height / 2, &x, &y))
    {
      printf ("| %-24s | %-34s | %9s | %9s | %9s | %-11s |\n", bench->map_name, what, "—", "—",
              "—", "off screen");
      return;
    }

  samples_init (&samples);
  frame (bench);
  for (int i = 0; i < opt_frames * 2; i++)
    {
      gboolean shown;

      samples_start (&samples);
      g_signal_emit_by_name (motion, "motion", x, y);
      /* GTK asks for the tooltip where the pointer is, in whole pixels. */
      g_signal_emit_by_name (bench->canvas, "query-tooltip", (int) x, (int) y, FALSE,
                             bench->tooltip, &shown);
      frame (bench);
      samples_stop (&samples);

      /* Off it by way of a pixel nearby, so that the next motion onto it hit-tests
       * afresh, as a pointer coming from elsewhere does. */
      g_signal_emit_by_name (motion, "motion", x + 1.5, y + 1.5);
      g_signal_emit_by_name (motion, "leave");
      frame (bench);
    }

  if (g_strcmp0 (am_canvas_get_hovered (AM_CANVAS (bench->canvas)), NULL) != 0)
    g_printerr ("hover did not clear\n");
  report (bench, what, &samples);
  let_workers_finish (bench);
}

/* Pans with the pointer resting on node @index, once the worker has rendered its
 * highlight: what a hovered hub costs per frame. */
static void
bench_pan_hovered (Bench      *bench,
                   const char *what,
                   guint       index)
{
  GtkEventController *motion = motion_controller (bench->canvas);
  AmScene *scene = am_canvas_get_scene (AM_CANVAS (bench->canvas));
  const AmSceneNode *node = am_scene_get_node (scene, index);
  Samples samples;
  double x, y;

  if (!am_canvas_scene_to_widget (AM_CANVAS (bench->canvas),
                                  node->box.x + node->box.width / 2,
                                  node->box.y + node->box.height / 2, &x, &y))
    return;

  g_signal_emit_by_name (motion, "motion", x, y);
  /* The overlay may come from the worker thread. */
  let_workers_finish (bench);

  samples_init (&samples);
  for (int i = 0; i < opt_frames * 3; i++)
    {
      samples_start (&samples);
      am_canvas_pan_by (AM_CANVAS (bench->canvas), i % 2 ? -7 : 7, i % 2 ? -3 : 3);
      frame (bench);
      samples_stop (&samples);
    }
  g_signal_emit_by_name (motion, "leave");
  report (bench, what, &samples);
  let_workers_finish (bench);
}

/* The node with the most edges, and one with the fewest, among those on screen. */
static void
pick_nodes (AmCanvas *canvas,
            guint    *hub,
            guint    *leaf)
{
  AmScene *scene = am_canvas_get_scene (canvas);
  guint n_nodes = am_scene_get_n_nodes (scene);
  g_autofree guint *degree = g_new0 (guint, n_nodes + 1);
  guint best_hub = 0, best_leaf = 0;
  gboolean have = FALSE;

  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmSceneEdge *edge = am_scene_get_edge (scene, i);
      gint s = am_scene_find_node (scene, edge->source);
      gint t = am_scene_find_node (scene, edge->target);

      if (s >= 0)
        degree[s]++;
      if (t >= 0)
        degree[t]++;
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const AmSceneNode *node = am_scene_get_node (scene, i);
      double x, y;

      if (!am_canvas_scene_to_widget (canvas, node->box.x + node->box.width / 2,
                                      node->box.y + node->box.height / 2, &x, &y))
        continue;

      if (!have || degree[i] > degree[best_hub])
        best_hub = i;
      if (!have || degree[i] < degree[best_leaf])
        best_leaf = i;
      have = TRUE;
    }

  *hub = best_hub;
  *leaf = best_leaf;
}

static gboolean
write_scene (AmScene  *scene,
             GError  **error)
{
  g_autoptr(GBytes) bytes = am_scene_serialize (scene);

  return g_file_set_contents (opt_write_scene, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), error);
}

/* ------------------------------------------------------------------------------------ */
/* A scene from Graphviz's -Tplain output                                               */

#define PLAIN_MARGIN      20.0   /* points round the drawing, as a laid-out scene has */
#define PLAIN_ARROW       10.0   /* Graphviz's arrowhead length at arrowsize 1 */
#define PLAIN_CHAR_WIDTH  5.4    /* an estimate of the 9 pt edge font's advance */
#define PLAIN_LABEL_LINE  12.0

static AmNodeShape
shape_from_plain (const char *shape)
{
  if (g_str_equal (shape, "ellipse"))
    return AM_NODE_SHAPE_ELLIPSE;
  if (g_str_equal (shape, "hexagon"))
    return AM_NODE_SHAPE_HEXAGON;
  if (g_str_equal (shape, "diamond"))
    return AM_NODE_SHAPE_DIAMOND;
  if (g_str_equal (shape, "octagon"))
    return AM_NODE_SHAPE_OCTAGON;

  return AM_NODE_SHAPE_BOX;
}

/*
 * The scene of @model_path (gen-model.py's JSON: entity kinds, relation ids and types)
 * placed as @plain_path says: node centres and sizes in inches, y up; each edge's spline
 * control points and label centre (Graphviz lists edges by tail node: each is matched
 * to the model's next unused relation between the same two entities).  Edge
 * label boxes are estimated from the text's length (the plain format has no size).
 */
static AmScene *
scene_from_plain (const char  *model_path,
                  const char  *plain_path,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AmSceneBuilder) builder = NULL;
  JsonObject *root;
  JsonArray *entities, *relations;
  g_autoptr(GHashTable) pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_queue_free);
  double height = 0;

  if (!json_parser_load_from_file (parser, model_path, error) ||
      !g_file_get_contents (plain_path, &text, NULL, error))
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  entities = json_object_get_array_member (root, "entities");
  relations = json_object_get_array_member (root, "relations");
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      g_hash_table_insert (kinds, (gpointer) json_object_get_string_member (entity, "id"),
                           (gpointer) json_object_get_string_member (entity, "kind"));
    }

  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *relation = json_array_get_object_element (relations, i);
      char *key = g_strdup_printf ("%s\t%s", json_object_get_string_member (relation, "source"),
                                   json_object_get_string_member (relation, "target"));
      GQueue *queue = g_hash_table_lookup (pending, key);

      if (queue == NULL)
        g_hash_table_insert (pending, key, queue = g_queue_new ());
      else
        g_free (key);
      g_queue_push_tail (queue, relation);
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) f = NULL;
      int n = 0;

      if (lines[l][0] == '\0' || !g_shell_parse_argv (lines[l], &n, &f, NULL))
        continue;

      if (g_str_equal (f[0], "graph") && n >= 4)
        {
          AmRect bounds = { 0, 0, g_ascii_strtod (f[2], NULL) * 72 + 2 * PLAIN_MARGIN, 0 };

          height = g_ascii_strtod (f[3], NULL) * 72;
          bounds.height = height + 2 * PLAIN_MARGIN;
          builder = am_scene_builder_new (&bounds);
          am_scene_builder_set_engine (builder, "sfdp");
        }
      else if (g_str_equal (f[0], "node") && n >= 9 && builder != NULL)
        {
          double w = g_ascii_strtod (f[4], NULL) * 72, h = g_ascii_strtod (f[5], NULL) * 72;
          AmSceneNode node = {
            f[1], f[6], g_hash_table_lookup (kinds, f[1]), shape_from_plain (f[8]),
            { PLAIN_MARGIN + g_ascii_strtod (f[2], NULL) * 72 - w / 2,
              PLAIN_MARGIN + height - g_ascii_strtod (f[3], NULL) * 72 - h / 2, w, h },
          };

          am_scene_builder_add_node (builder, &node);
        }
      else if (g_str_equal (f[0], "edge") && n >= 4 && builder != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s\t%s", f[1], f[2]);
          GQueue *queue = g_hash_table_lookup (pending, key);
          JsonObject *relation;
          int n_points = atoi (f[3]);
          g_autofree AmPoint *points = NULL;
          AmSceneEdge edge = { 0, };
          AmPoint *last;
          double dx, dy, length;

          if (n_points < 2 || n < 4 + 2 * n_points)
            continue;
          if (queue == NULL || g_queue_is_empty (queue))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s: edge %s → %s is not a relation of %s", plain_path, f[1], f[2],
                           model_path);
              return NULL;
            }
          relation = g_queue_pop_head (queue);

          points = g_new (AmPoint, n_points);
          for (int i = 0; i < n_points; i++)
            {
              points[i].x = PLAIN_MARGIN + g_ascii_strtod (f[4 + 2 * i], NULL) * 72;
              points[i].y = PLAIN_MARGIN + height - g_ascii_strtod (f[5 + 2 * i], NULL) * 72;
            }

          edge.id = (char *) json_object_get_string_member (relation, "id");
          edge.source = f[1];
          edge.target = f[2];
          edge.type = (char *) json_object_get_string_member (relation, "type");
          edge.directed = TRUE;
          edge.points = points;
          edge.n_points = n_points;

          /* The spline stops where the arrowhead begins. */
          last = &points[n_points - 1];
          dx = last->x - points[n_points - 2].x;
          dy = last->y - points[n_points - 2].y;
          length = hypot (dx, dy);
          if (length > 1e-6)
            {
              edge.has_head = TRUE;
              edge.head = (AmPoint) { last->x + dx / length * PLAIN_ARROW,
                                      last->y + dy / length * PLAIN_ARROW };
            }

          if (n >= 4 + 2 * n_points + 3)
            {
              const char *label = f[4 + 2 * n_points];
              double lw = g_utf8_strlen (label, -1) * PLAIN_CHAR_WIDTH;
              double lx = PLAIN_MARGIN + g_ascii_strtod (f[5 + 2 * n_points], NULL) * 72;
              double ly = PLAIN_MARGIN + height - g_ascii_strtod (f[6 + 2 * n_points], NULL) * 72;

              edge.label = (char *) label;
              edge.has_label = TRUE;
              edge.label_box = (AmRect) { lx - lw / 2, ly - PLAIN_LABEL_LINE / 2, lw,
                                          PLAIN_LABEL_LINE };
            }

          am_scene_builder_add_edge (builder, &edge);
        }
    }

  if (builder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no graph line", plain_path);
      return NULL;
    }

  return am_scene_builder_end (g_steal_pointer (&builder), error);
}

static gboolean
run_model (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *map_name = NULL;
  g_autofree char *what = NULL;
  AmLayoutEngine engine;
  Bench bench = { 0 };
  gint64 start, end;
  guint n_nodes, hub, leaf;
  double fit_zoom;

  if (opt_plain != NULL && !g_str_has_suffix (path, ".amscene"))
    {
      gint64 t0 = g_get_monotonic_time ();

      scene = scene_from_plain (path, opt_plain, &error);
      if (scene == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      printf ("\n%s: %u nodes, %u edges, positions from %s (read in %.2f s), scene %.0f × %.0f pt\n",
              path, am_scene_get_n_nodes (scene), am_scene_get_n_edges (scene), opt_plain,
              (g_get_monotonic_time () - t0) / 1e6, am_scene_get_bounds (scene)->width,
              am_scene_get_bounds (scene)->height);
      if (opt_write_scene != NULL && !write_scene (scene, &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
    }
  else if (g_str_has_suffix (path, ".amscene"))
    {
      /* A scene laid out earlier (--write-scene): big maps take a while in Graphviz. */
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

      if (bytes != NULL)
        scene = am_scene_deserialize (bytes, &error);
      if (scene == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return FALSE;
        }
      printf ("\n%s: %u nodes, %u edges, %s layout read back, scene %.0f × %.0f pt\n",
              path, am_scene_get_n_nodes (scene), am_scene_get_n_edges (scene),
              am_scene_get_engine (scene), am_scene_get_bounds (scene)->width,
              am_scene_get_bounds (scene)->height);
    }
  else
    {
      document = am_document_load_from_file (file, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }

      n_nodes = g_list_model_get_n_items (am_document_get_entities (document));
      engine = am_layout_engine_for_size (n_nodes);
      if (opt_engine != NULL && !am_layout_engine_from_string (opt_engine, &engine))
        {
          g_printerr ("Unknown engine “%s”\n", opt_engine);
          return FALSE;
        }

      request = am_layout_request_new_for_document (document, engine, &error);
      if (request == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return FALSE;
        }

      start = g_get_monotonic_time ();
      scene = am_layout_run_in_process (request, &error);
      end = g_get_monotonic_time ();
      if (scene == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return FALSE;
        }

      printf ("\n%s: %u nodes, %u edges, %s layout in %.2f s, scene %.0f × %.0f pt\n",
              path, am_scene_get_n_nodes (scene), am_scene_get_n_edges (scene),
              am_layout_engine_to_string (engine), (end - start) / 1e6,
              am_scene_get_bounds (scene)->width, am_scene_get_bounds (scene)->height);

      if (opt_write_scene != NULL && !write_scene (scene, &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
    }
  fflush (stdout);

  map_name = g_strdup_printf ("%.14s (%u)", basename, am_scene_get_n_nodes (scene));
  bench.map_name = map_name;
  bench.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (bench.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), opt_width, opt_height);
  bench.canvas = am_canvas_new ();
  /* Under Xvfb, GTK would ask for tooltips where the X pointer is (the middle of the
   * screen), not where the synthetic motions go: bench_hover() asks at the motion's
   * position instead, as GTK does when a real pointer moves. */
  gtk_widget_set_has_tooltip (bench.canvas, FALSE);
  bench.tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  am_canvas_set_scene (AM_CANVAS (bench.canvas), scene);
  if (document != NULL)
    am_canvas_set_document (AM_CANVAS (bench.canvas), document);
  gtk_window_set_child (GTK_WINDOW (bench.window), bench.canvas);
  gtk_window_present (GTK_WINDOW (bench.window));

  start = g_get_monotonic_time ();
  while (!gtk_widget_get_mapped (bench.canvas) && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  if (!gtk_widget_get_mapped (bench.canvas))
    {
      g_printerr ("The window never mapped\n");
      return FALSE;
    }
  gtk_test_widget_wait_for_draw (bench.canvas);
  drain ();

  bench.renderer = g_object_ref (gtk_native_get_renderer (GTK_NATIVE (bench.window)));

  am_canvas_zoom_to_fit (AM_CANVAS (bench.canvas));
  fit_zoom = am_canvas_get_zoom (AM_CANVAS (bench.canvas));
  printf ("canvas %d × %d px, fit zoom %.3f, %s\n", gtk_widget_get_width (bench.canvas),
          gtk_widget_get_height (bench.canvas), fit_zoom, G_OBJECT_TYPE_NAME (bench.renderer));

  printf ("\n| %-24s | %-34s | %9s | %9s | %9s | %-11s |\n", "map", "frame", "median",
          "p90", "CPU", "budget");
  printf ("|%s|%s|%s|%s|%s|%s|\n", "--------------------------",
          "------------------------------------", "-----------", "-----------", "-----------",
          "-------------");
  bench_full (&bench, "full render, fit");
  bench_render_direct (&bench, "sharp re-render (worker), fit", FALSE);
  bench_pan (&bench, "pan (cached base), fit");
  bench_zoom_gesture (&bench, "zoom gesture (scaled base), fit");
  pick_nodes (AM_CANVAS (bench.canvas), &hub, &leaf);
  what = g_strdup_printf ("hover leaf node, fit");
  bench_hover (&bench, what, leaf);
  g_free (what);
  what = g_strdup_printf ("hover busiest hub, fit");
  bench_hover (&bench, what, hub);
  g_clear_pointer (&what, g_free);

  am_canvas_set_zoom (AM_CANVAS (bench.canvas), fit_zoom * 4);
  bench_full (&bench, "full render, 4x fit");
  bench_render_direct (&bench, "sharp re-render (worker), 4x", FALSE);
  bench_pan (&bench, "pan (cached base), 4x fit");
  bench_zoom_gesture (&bench, "zoom gesture (scaled base), 4x");
  pick_nodes (AM_CANVAS (bench.canvas), &hub, &leaf);
  bench_hover (&bench, "hover leaf node, 4x fit", leaf);
  bench_hover (&bench, "hover busiest hub, 4x fit", hub);
  bench_pan_hovered (&bench, "pan, busiest hub hovered, 4x fit", hub);

  am_canvas_set_dark (AM_CANVAS (bench.canvas), TRUE);
  bench_full (&bench, "full render, 4x fit, dark");
  bench_render_direct (&bench, "sharp re-render (worker), 4x, dark", TRUE);

  g_clear_object (&bench.renderer);
  g_clear_object (&bench.tooltip);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  drain ();

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_STRING, &size, "Canvas size (default 1920x1080)", "WxH" },
    { "frames", 'n', 0, G_OPTION_ARG_INT, &opt_frames, "Frames per measurement (default 21)", "N" },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &opt_engine, "Layout engine (default: by size)", "ENGINE" },
    { "renderer", 'r', 0, G_OPTION_ARG_STRING, &opt_renderer,
      "GSK renderer of the window, used for the timing too (default cairo)", "cairo|gl" },
    { "plain", 'p', 0, G_OPTION_ARG_FILENAME, &opt_plain,
      "Positions from Graphviz's -Tplain output of the model's DOT (gen-model.py's), not an in-process layout",
      "FILE.plain" },
    { "write-scene", 'w', 0, G_OPTION_ARG_FILENAME, &opt_write_scene,
      "Also save the laid-out scene (pass it later instead of the model)", "FILE.amscene" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* No session bus under xvfb-run: keep GTK's accessibility bridge out of the timing. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new ("MODEL.json|SCENE.amscene… — time canvas frames");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc < 2)
    {
      g_printerr ("usage: %s [--size=WxH] [--frames=N] [--engine=E] [--write-scene=F] MODEL.json|SCENE.amscene…\n", argv[0]);
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &opt_width, &opt_height) != 2)
    {
      g_printerr ("--size wants WxH, e.g. 1920x1080\n");
      return 2;
    }
  opt_width = CLAMP (opt_width, 64, 8192);
  opt_height = CLAMP (opt_height, 64, 8192);
  opt_frames = CLAMP (opt_frames, 3, 1000);

  /* The window's renderer decides how the canvas keeps its base (a cairo node for the
   * cairo renderer, a texture for GL), and frames are timed with that same renderer. */
  g_setenv ("GSK_RENDERER", opt_renderer ? opt_renderer : "cairo", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }

  printf ("Canvas frame times in ms (snapshot + render to texture): median and 90th\n"
          "percentile of wall-clock time over %d frames (3× that for the cheap ones), and the\n"
          "median CPU time of the main thread, which the budget column compares with the\n"
          "%.1f ms of a 60 Hz frame (\"well within\": under half of it).\n",
          opt_frames, BUDGET_MS);

  for (int i = 1; i < argc; i++)
    ok &= run_model (argv[i]);

  return ok ? 0 : 1;
}
