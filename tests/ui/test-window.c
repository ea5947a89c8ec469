/* test-window.c — the Actormap window under Xvfb: selection, panels, article, export,
 * new maps from articles, save, undo and the unsaved-changes question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "am-open.h"
#include "am-ui-util.h"
#include "am-window-private.h"
#include "ui-test.h"

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#endif

/* White-box tests: they include the window's private header to reach its panels, and
 * drive them through the same seams the gestures use (am_canvas_click_at,
 * am_article_view_activate_at) or through the real gesture signals. */

typedef struct
{
  AmWindow   *window;
  AmSession  *session;    /* the window's, not ours */
  AmDocument *document;
  char       *tmpdir;
} Fixture;

/* Waiting: never assert right after an action, spin until it holds or time runs out. */
typedef gboolean (*Condition) (Fixture *f);

static gboolean
wait_for (Fixture   *f,
          Condition  cond)
{
  return ui_test_wait_for ((UiTestCondition) cond, f);
}

static gboolean
scene_ready (Fixture *f)
{
  return am_session_get_scene (f->session) != NULL && !am_session_get_busy (f->session)
         && gtk_widget_get_mapped (GTK_WIDGET (f->window->canvas))
         && gtk_widget_get_width (GTK_WIDGET (f->window->canvas)) > 0;
}

static gboolean
not_busy (Fixture *f)
{
  return !am_session_get_busy (f->session);
}

static GSettings *
get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, "org.actormap.Actormap", TRUE)))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = get_settings ();

  if (settings == NULL)
    return;

  /* The memory backend lives as long as the process: undo what earlier tests chose. */
  g_settings_reset (settings, "layout-engine");
  g_settings_reset (settings, "show-legend");
  g_settings_reset (settings, "show-sidebar");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *model = data ? data : "window-model.json";
  g_autoptr(GError) error = NULL;

  reset_settings ();

  f->tmpdir = g_dir_make_tmp ("actormap-ui-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = g_object_new (AM_TYPE_WINDOW, NULL);
  g_object_ref (f->window);   /* ours, for g_assert_finalize_object() at the end */
  f->session = am_window_get_session (f->window);

  f->document = ui_test_load_fixture (model);
  am_session_set_document (f->session, f->document, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));

  g_assert_true (wait_for (f, scene_ready));
  ui_test_drain ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
close_dialogs (Fixture *f)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  AmWindow *window = g_steal_pointer (&f->window);

  close_dialogs (f);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_drain ();

  /* A leaked reference anywhere in the window (a binding, a job, a signal) fails here. */
  g_assert_finalize_object (window);
  g_assert_finalize_object (g_steal_pointer (&f->document));

  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

/* Widget tree helpers */

static gboolean
panel_shows (Fixture    *f,
             const char *needle)
{
  return ui_test_find_label (GTK_WIDGET (f->window->detail_panel), needle) != NULL;
}

/* Scene positions in widget coordinates */

static void
node_position (Fixture    *f,
               const char *id,
               double     *x,
               double     *y)
{
  AmScene *scene = am_session_get_scene (f->session);
  int index = am_scene_find_node (scene, id);
  const AmSceneNode *node;

  g_assert_cmpint (index, >=, 0);
  node = am_scene_get_node (scene, index);
  am_canvas_scene_to_widget (f->window->canvas,
                             node->box.x + node->box.width / 2,
                             node->box.y + node->box.height / 2,
                             x, y);
}

static void
edge_position (Fixture    *f,
               const char *id,
               double     *x,
               double     *y)
{
  AmScene *scene = am_session_get_scene (f->session);
  int index = am_scene_find_edge (scene, id);
  const AmSceneEdge *edge;
  double sx, sy;

  g_assert_cmpint (index, >=, 0);
  edge = am_scene_get_edge (scene, index);

  if (edge->has_label)
    {
      sx = edge->label_box.x + edge->label_box.width / 2;
      sy = edge->label_box.y + edge->label_box.height / 2;
    }
  else
    {
      /* The middle of the first Bézier segment. */
      g_assert_cmpuint (edge->n_points, >=, 4);
      sx = (edge->points[0].x + 3 * edge->points[1].x + 3 * edge->points[2].x + edge->points[3].x) / 8;
      sy = (edge->points[0].y + 3 * edge->points[1].y + 3 * edge->points[2].y + edge->points[3].y) / 8;
    }

  am_canvas_scene_to_widget (f->window->canvas, sx, sy, x, y);
}

static gssize
evidence_offset (AmDocument *document,
                 guint       paragraph,
                 const char *text)
{
  const char *p = am_document_get_paragraphs (document)[paragraph];
  const char *found = strstr (p, text);

  g_assert_nonnull (found);
  return found - p;
}

/* Tests */

static guint notify_count;

static void
count_notify (void)
{
  notify_count++;
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  gulong id, session_id;

  /* Setting a property to its current value must not notify (style.md §4), on the
   * window or on its session. */
  id = g_signal_connect_swapped (f->window, "notify", G_CALLBACK (count_notify), NULL);
  session_id = g_signal_connect_swapped (f->session, "notify::selection", G_CALLBACK (count_notify), NULL);

  notify_count = 0;
  am_session_select (f->session, NULL, AM_SELECTION_ORIGIN_NONE);
  am_window_set_show_legend (f->window, am_window_get_show_legend (f->window));
  am_window_set_show_sidebar (f->window, am_window_get_show_sidebar (f->window));
  am_session_set_engine (f->session, am_session_get_engine (f->session));
  am_session_set_document (f->session, f->document, NULL);
  g_assert_cmpuint (notify_count, ==, 0);

  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_NONE);
  g_assert_cmpuint (notify_count, ==, 1);
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_NONE);
  g_assert_cmpuint (notify_count, ==, 1);

  /* An id the document does not know clears the selection. */
  am_session_select (f->session, "nobody", AM_SELECTION_ORIGIN_NONE);
  g_assert_null (am_session_get_selection (f->session));

  /* An engine outside the allowlist means "auto". */
  am_session_set_engine (f->session, "osage");
  g_assert_cmpstr (am_session_get_engine (f->session), ==, "auto");

  g_signal_handler_disconnect (f->window, id);
  g_signal_handler_disconnect (f->session, session_id);
  g_assert_true (wait_for (f, not_busy));
}

static void
test_click_node (Fixture       *f,
                 gconstpointer  data)
{
  double x, y;

  node_position (f, "silva", &x, &y);
  am_canvas_click_at (f->window->canvas, x, y);

  g_assert_cmpstr (am_session_get_selection (f->session), ==, "silva");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (am_canvas_get_selection (f->window->canvas), ==, "silva");

  /* The detail panel shows the actor, its statements (quoted, with their source) and
   * its relations, all as plain text. */
  g_assert_true (panel_shows (f, "Ana <b>Silva</b> & Co"));
  g_assert_true (panel_shows (f, "“We will keep talking & <listening>,”"));
  g_assert_true (panel_shows (f, "reported by Yonhap"));
  g_assert_true (panel_shows (f, "meets & greets"));
  g_assert_true (panel_shows (f, "Portugal & <Friends>"));

  /* Empty space clears the selection and the panel says what to do: a map with an
   * article offers its marked sentences too. */
  am_canvas_click_at (f->window->canvas, 2, 2);
  g_assert_null (am_session_get_selection (f->session));
  g_assert_true (panel_shows (f, "Nothing Selected"));
  g_assert_true (panel_shows (f, "or click a marked sentence in the article."));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (f->window->window_title), " actors · "));
}

static void
test_click_node_gesture (Fixture       *f,
                         gconstpointer  data)
{
  GtkGestureClick *click = ui_test_find_controller (GTK_WIDGET (f->window->canvas), GTK_TYPE_GESTURE_CLICK);
  double x, y;

  g_assert_nonnull (click);

  /* The gesture's own signal, as a real click would emit it. */
  node_position (f, "bob", &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  ui_test_drain ();

  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  g_assert_true (panel_shows (f, "Envoy"));
  g_assert_true (panel_shows (f, "Said nothing"));
}

static void
test_click_edge (Fixture       *f,
                 gconstpointer  data)
{
  double x, y;

  edge_position (f, "r-minister", &x, &y);
  am_canvas_click_at (f->window->canvas, x, y);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-minister");
  g_assert_true (panel_shows (f, "minister of"));

  edge_position (f, "r-meet", &x, &y);
  am_canvas_click_at (f->window->canvas, x, y);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-meet");

  /* The relation: both ends, label, type, date and its evidence sentence. */
  g_assert_true (panel_shows (f, "meets & greets"));
  g_assert_true (panel_shows (f, "Bob Kim"));
  g_assert_true (panel_shows (f, "meeting"));
  g_assert_true (panel_shows (f, "18 March 2021"));
  g_assert_true (panel_shows (f, "met Bob Kim in Seoul on Thursday"));
  g_assert_true (panel_shows (f, "Paragraph 2"));
}

typedef struct
{
  Fixture    *f;
  const char *id;
} FlyData;

static FlyData fly_data;

static gboolean
centred_on_target (Fixture *f)
{
  double x, y;
  int width = gtk_widget_get_width (GTK_WIDGET (f->window->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window->canvas));

  node_position (f, fly_data.id, &x, &y);

  return fabs (x - width / 2.0) < 3 && fabs (y - height / 2.0) < 3;
}

/* The position of @id among the rows the actor list shows, or -1. */
static int
list_position (Fixture    *f,
               const char *id)
{
  GListModel *model = am_sidebar_get_model (f->window->sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AmItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (am_item_get_id (item), id) == 0)
        return (int) i;
    }

  return -1;
}

/* The list, the session and the map together: a row chosen in the list selects with
 * origin LIST and the map flies there; a selection made elsewhere shows in the list. */
static void
test_list_selects_and_flies (Fixture       *f,
                             gconstpointer  data)
{
  GtkListView *list_view = am_sidebar_get_list_view (f->window->sidebar);
  GtkSelectionModel *selection = gtk_list_view_get_model (list_view);
  int bob = list_position (f, "bob");

  /* Relations are only listed while searching. */
  g_assert_cmpint (list_position (f, "r-meet"), ==, -1);

  g_assert_cmpint (bob, >=, 0);
  gtk_selection_model_select_item (selection, bob, TRUE);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_LIST);
  g_assert_cmpstr (am_canvas_get_selection (f->window->canvas), ==, "bob");

  fly_data.f = f;
  fly_data.id = "bob";
  g_assert_true (wait_for (f, centred_on_target));

  am_session_select (f->session, "seoul", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                   list_position (f, "seoul"));
}

/* The search lives in the session: the list filters, the map dims what does not match. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = ui_test_find_type (GTK_WIDGET (f->window->sidebar), GTK_TYPE_SEARCH_ENTRY);
  GHashTable *highlight;

  g_assert_nonnull (entry);

  /* A word of a quote finds the statement; its speaker stays lit on the map. */
  am_session_set_search_text (f->session, "listening");
  g_assert_cmpint (list_position (f, "s-talk"), >=, 0);
  g_assert_cmpint (list_position (f, "bob"), ==, -1);

  highlight = am_canvas_get_highlight (f->window->canvas);
  g_assert_nonnull (highlight);
  g_assert_true (g_hash_table_contains (highlight, "silva"));
  g_assert_false (g_hash_table_contains (highlight, "portugal"));

  /* Enter in the entry picks the first result, and the map flies there. */
  am_session_set_search_text (f->session, "BOB");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_SEARCH);
  fly_data.f = f;
  fly_data.id = "bob";
  g_assert_true (wait_for (f, centred_on_target));

  /* Clearing the search undims the map. */
  am_session_set_search_text (f->session, "");
  g_assert_null (am_canvas_get_highlight (f->window->canvas));
  g_assert_cmpint (list_position (f, "bob"), >=, 0);
}

static void
test_article_highlight (Fixture       *f,
                        gconstpointer  data)
{
  AmArticleView *view = f->window->article_view;
  gssize meet = evidence_offset (f->document, 1, "met Bob Kim in Seoul on Thursday");
  gssize talk = evidence_offset (f->document, 2, "\"We will keep talking");
  gssize nothing = evidence_offset (f->document, 2, "Bob Kim said nothing.");

  am_session_select (f->session, "r-meet", AM_SELECTION_ORIGIN_NONE);
  g_assert_true (am_article_view_is_highlighted (view, 1, meet));
  g_assert_true (am_article_view_is_highlighted (view, 1, meet + 10));
  g_assert_false (am_article_view_is_highlighted (view, 2, talk));

  am_session_select (f->session, "s-talk", AM_SELECTION_ORIGIN_NONE);
  g_assert_false (am_article_view_is_highlighted (view, 1, meet));
  g_assert_true (am_article_view_is_highlighted (view, 2, talk + 5));

  /* A click on a sentence selects what it supports. */
  g_assert_true (am_article_view_activate_at (view, 2, nothing + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-nothing");
  g_assert_true (panel_shows (f, "Said nothing"));

  /* A sentence shared by two relations: the first click picks one, the next click the
   * other, and the bar of choices lists both. */
  g_assert_true (am_article_view_activate_at (view, 1, meet + 4));
  g_assert_cmpuint (g_strv_length ((char **) am_article_view_get_choices (view)), ==, 2);
  {
    g_autofree char *first = g_strdup (am_session_get_selection (f->session));

    g_assert_true (g_str_has_prefix (first, "r-"));
    g_assert_true (am_article_view_activate_at (view, 1, meet + 4));
    g_assert_cmpstr (am_session_get_selection (f->session), !=, first);
    g_assert_true (g_str_has_prefix (am_session_get_selection (f->session), "r-"));
    g_assert_true (am_article_view_activate_at (view, 1, meet + 4));
    g_assert_cmpstr (am_session_get_selection (f->session), ==, first);
  }

  /* Text that is no evidence selects nothing and leaves the selection alone. */
  g_assert_false (am_article_view_activate_at (view, 1,
                                               evidence_offset (f->document, 1, "Nobody else came.") + 2));
  g_assert_nonnull (am_session_get_selection (f->session));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = g_build_filename (f->tmpdir, "map & <friends>.svg", NULL);
  g_autofree char *png = g_build_filename (f->tmpdir, "map.PNG", NULL);
  g_autofree char *pdf = g_build_filename (f->tmpdir, "map.pdf", NULL);
  g_autofree char *txt = g_build_filename (f->tmpdir, "map.txt", NULL);
  g_autofree char *missing = g_build_filename (f->tmpdir, "no-such-dir", "map.svg", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_NONE);

  g_assert_true (am_window_export_to_path (f->window, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (am_window_export_to_path (f->window, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_clear_pointer (&contents, g_free);

  g_assert_true (am_window_export_to_path (f->window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpmem (contents, 4, "%PDF", 4);
  g_clear_pointer (&contents, g_free);

  /* The network itself, for other programs: read back whole by our own importers. */
  {
    const char *names[] = { "net.gexf", "net.graphml", "net.csv", "net.json" };
    AmDocument *shown = am_session_get_document (f->session);
    guint n_entities = g_list_model_get_n_items (am_document_get_entities (shown));
    guint n_relations = g_list_model_get_n_items (am_document_get_relations (shown));

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (f->tmpdir, names[i], NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(AmDocument) back = NULL;

        g_assert_true (am_window_export_to_path (f->window, path, &error));
        g_assert_no_error (error);
        back = am_open_document_sync (file, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (back)), ==, n_entities);
        g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (back)), ==, n_relations);
      }
  }

  /* An unknown extension is refused before anything is written, naming the file. */
  g_assert_false (am_window_export_to_path (f->window, txt, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "map.txt"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A missing folder: an error that names the path, and no file. */
  g_assert_false (am_window_export_to_path (f->window, missing, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "map.svg"));
  g_clear_error (&error);
}

static gboolean export_done;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (am_window_export_finish (AM_WINDOW (object), result, &error));
  g_assert_no_error (error);
  export_done = TRUE;
}

static gboolean
export_finished (Fixture *f)
{
  return export_done;
}

static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "async.png", NULL);

  /* The path the export dialog takes: a worker thread, the window stays responsive. */
  export_done = FALSE;
  am_window_export_async (f->window, path, NULL, export_done_cb, NULL);
  g_assert_true (wait_for (f, export_finished));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static gboolean
exported_file_exists (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "chosen & <name>.png", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR)
         && ui_test_find_label (GTK_WIDGET (f->window->toast_overlay), "Exported chosen & <name>.png") != NULL;
}

static void
test_export_chosen (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *stem = g_build_filename (f->tmpdir, "chosen & <name>", NULL);
  g_autofree char *name = _am_window_suggest_export_name (f->window, "pdf");

  /* The dialog proposes a name made of the title's whole words. */
  g_assert_cmpstr (name, ==, "ministers-spies-meet-in-seoul.pdf");

  /* A name typed without an extension gets the chosen type's; the toast names the file
   * (escaped: toast titles are markup). */
  _am_window_export_chosen (f->window, stem, "png");
  g_assert_true (wait_for (f, exported_file_exists));
}

static AmScene *old_scene;

static gboolean
relaid_out (Fixture *f)
{
  AmScene *scene = am_session_get_scene (f->session);

  return scene != NULL && scene != old_scene && !am_session_get_busy (f->session);
}

static void
test_relayout_keeps_selection (Fixture       *f,
                               gconstpointer  data)
{
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_NONE);
  old_scene = am_session_get_scene (f->session);

  am_session_set_engine (f->session, "dot");
  g_assert_true (am_session_get_busy (f->session));
  g_assert_true (wait_for (f, relaid_out));

  g_assert_cmpstr (am_scene_get_engine (am_session_get_scene (f->session)), ==, "dot");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  g_assert_cmpstr (am_canvas_get_selection (f->window->canvas), ==, "bob");
  g_assert_true (panel_shows (f, "Envoy"));

  /* The same through the action the layout menu and the error page use. */
  old_scene = am_session_get_scene (f->session);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.relayout", "s", "sfdp");
  g_assert_true (wait_for (f, relaid_out));
  g_assert_cmpstr (am_session_get_engine (f->session), ==, "sfdp");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
}

static void
test_cancel_layout (Fixture       *f,
                    gconstpointer  data)
{
  AmScene *scene = am_session_get_scene (f->session);

  am_session_select (f->session, "seoul", AM_SELECTION_ORIGIN_NONE);
  am_session_set_engine (f->session, "circo");
  g_assert_true (am_session_get_busy (f->session));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-layout", NULL);
  g_assert_false (am_session_get_busy (f->session));

  /* The old map and the selection stay; a late answer from the helper is dropped. */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      ui_test_drain ();
    }
  g_assert_true (am_session_get_scene (f->session) == scene);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "seoul");
}

#define HELPER_FAILURE "Graphviz said <b>no</b> & stopped"

static gboolean
error_page_shown (Fixture *f)
{
  return !am_session_get_busy (f->session)
         && g_strcmp0 (gtk_stack_get_visible_child_name (f->window->canvas_stack), "error") == 0;
}

static gboolean
toast_shown (Fixture *f)
{
  return ui_test_find_label (GTK_WIDGET (f->window->toast_overlay), "stopped") != NULL;
}

static void
test_layout_failure (Fixture       *f,
                     gconstpointer  data)
{
  AmScene *scene = am_session_get_scene (f->session);
  g_autoptr(AmDocument) other = ui_test_load_fixture ("window-model.json");
  GtkWidget *label;

  g_setenv ("AM_TEST_HELPER_FAILURE", HELPER_FAILURE, TRUE);

  /* A relayout that fails keeps the map on screen and says so in a toast (markup
   * escaped), with a button for another engine. */
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_NONE);
  am_session_set_engine (f->session, "dot");
  g_assert_true (wait_for (f, toast_shown));
  g_assert_true (am_session_get_scene (f->session) == scene);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  label = ui_test_find_label (GTK_WIDGET (f->window->toast_overlay), "stopped");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Graphviz said <b>no</b> & stopped"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->window->toast_overlay), "Try sfdp"));

  /* A new document whose first layout fails: the error page, with the message as
   * plain text and two ways out. */
  am_session_set_document (f->session, other, NULL);
  g_assert_true (wait_for (f, error_page_shown));
  g_assert_null (am_session_get_scene (f->session));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->window->error_page), "Layout Failed"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->window->error_page), HELPER_FAILURE));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->window->error_page), "Try sfdp"));

  /* The way out works once Graphviz does. */
  g_unsetenv ("AM_TEST_HELPER_FAILURE");
  gtk_widget_activate (GTK_WIDGET (f->window->error_other_button));
  g_assert_true (wait_for (f, scene_ready));
  g_assert_cmpstr (am_session_get_engine (f->session), ==, "sfdp");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->canvas_stack), ==, "canvas");

  am_session_set_document (f->session, f->document, NULL);
  g_assert_true (wait_for (f, scene_ready));
}

static gboolean
waits_longer (Fixture *f)
{
  return am_session_get_timeout_seconds (f->session) == 4;
}

/* A first layout that runs out of time offers "Wait Longer"; the button works (its
 * action takes no parameter, and no target may be left on it), quadruples the limit and
 * lays out again, and the map arrives. */
static void
test_wait_longer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AmDocument) other = ui_test_load_fixture ("window-model.json");

  g_setenv ("AM_TEST_HELPER_MODE", "hang", TRUE);
  am_session_set_timeout_seconds (f->session, 1);
  am_session_set_document (f->session, other, NULL);
  g_assert_true (wait_for (f, error_page_shown));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->window->error_page), "Layout Took Too Long"));
  g_assert_cmpstr (gtk_button_get_label (f->window->error_retry_button), ==, "_Wait Longer");
  g_assert_cmpint (am_session_get_layout_error (f->session)->code, ==, AM_LAYOUT_ERROR_TIMEOUT);

  g_unsetenv ("AM_TEST_HELPER_MODE");
  /* A button activated from the keyboard clicks after its press animation. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (f->window->error_retry_button)));
  g_assert_true (wait_for (f, waits_longer));
  g_assert_true (wait_for (f, scene_ready));
  g_assert_null (am_session_get_layout_error (f->session));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->canvas_stack), ==, "canvas");

  /* Back to "Try Again" on the next failure: the button's target goes with its action. */
  g_setenv ("AM_TEST_HELPER_FAILURE", HELPER_FAILURE, TRUE);
  {
    g_autoptr(AmDocument) third = ui_test_load_fixture ("window-model.json");

    am_session_set_document (f->session, third, NULL);
  }
  g_assert_true (wait_for (f, error_page_shown));
  g_assert_cmpstr (gtk_button_get_label (f->window->error_retry_button), ==, "Try _Again");
  g_unsetenv ("AM_TEST_HELPER_FAILURE");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (f->window->error_retry_button)));
  g_assert_true (wait_for (f, scene_ready));
}

static AdwMessageDialog *
find_message_dialog (Fixture *f)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (f->window))
      return l->data;

  return NULL;
}

/* A button press answers and closes the dialog; adw_message_dialog_response() only
 * answers. */
static void
respond (gpointer    dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_message_dialog (Fixture *f)
{
  return find_message_dialog (f) != NULL;
}

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "broken <model>.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  {
    AdwMessageDialog *dialog;

    g_assert_true (g_file_set_contents (path, "{\"entities\": [{\"id\": 5}]}", -1, NULL));
    am_window_open_file (f->window, file);
    g_assert_true (wait_for (f, has_message_dialog));

    /* The message names the file and what is wrong; markup stays off, so the “<” in
     * the name cannot break it. */
    dialog = find_message_dialog (f);
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken <model>.json"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken <model>.json"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "id"));
    g_assert_false (adw_message_dialog_get_body_use_markup (dialog));

    /* The previous document stays open, with its map. */
    g_assert_true (am_session_get_document (f->session) == f->document);
    g_assert_nonnull (am_session_get_scene (f->session));
    g_assert_false (am_session_get_busy (f->session));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

static AmDocument *loaded_before;

static gboolean
document_replaced (Fixture *f)
{
  return am_session_get_document (f->session) != loaded_before && scene_ready (f);
}

static void
test_open_and_drop (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ui", "window-model.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkDropTarget *target = ui_test_find_controller (GTK_WIDGET (f->window), GTK_TYPE_DROP_TARGET);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_NONE);

  /* Opening the same story again keeps the selection: it is an id. */
  loaded_before = am_session_get_document (f->session);
  am_window_open_file (f->window, file);
  g_assert_true (wait_for (f, document_replaced));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");

  /* A dropped file goes the same way. */
  g_assert_nonnull (target);
  loaded_before = am_session_get_document (f->session);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  g_assert_true (wait_for (f, document_replaced));
}

static gboolean
focus_in_details (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (f->window->detail_panel));
}

static void
test_open_graphviz (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ui", "window-graph.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmDocument *document;
  AmEntity *alice;
  double x, y;

  /* A Graphviz file opens like a model: parsed by the helper, laid out with dot (the
   * file names no other engine), its node attributes shown in the details. */
  loaded_before = am_session_get_document (f->session);
  am_window_open_file (f->window, file);
  g_assert_true (wait_for (f, document_replaced));

  document = am_session_get_document (f->session);
  g_assert_cmpstr (am_scene_get_engine (am_session_get_scene (f->session)), ==, "dot");
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "Spies & <Friends>");

  /* A graph without an article speaks of nodes and edges, and points at the map and
   * the list only. */
  g_assert_cmpstr (adw_window_title_get_subtitle (f->window->window_title), ==, "3 nodes · 2 edges");
  g_assert_true (panel_shows (f, "Nothing Selected"));
  g_assert_true (panel_shows (f, "Click a node or an edge on the map, or pick one from the list."));
  g_assert_false (panel_shows (f, "article"));
  alice = am_document_lookup_entity (document, "alice");
  g_assert_nonnull (alice);
  g_assert_cmpstr (am_entity_get_name (alice), ==, "Alice <b>& Co");

  node_position (f, "alice", &x, &y);
  am_canvas_click_at (f->window->canvas, x, y);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "alice");
  g_assert_true (panel_shows (f, "Alice <b>& Co"));
  g_assert_true (panel_shows (f, "Attributes"));
  g_assert_true (panel_shows (f, "color"));
  g_assert_true (panel_shows (f, "red"));
  g_assert_true (panel_shows (f, "knows & trusts"));
  g_assert_false (panel_shows (f, "http://example.org/"));

  /* There is no article to show: the details get the whole column. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->article_view)));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->window->sidebar), "Nodes"));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *focus;

  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_NONE);

  /* Enter on the map moves focus into the details. */
  gtk_widget_grab_focus (GTK_WIDGET (f->window->canvas));
  gtk_widget_activate_action (GTK_WIDGET (f->window->canvas), "win.focus-details", NULL);
  g_assert_true (wait_for (f, focus_in_details));

  /* Tab from the actor list reaches the map. */
  gtk_widget_grab_focus (GTK_WIDGET (am_sidebar_get_list_view (f->window->sidebar)));
  for (int i = 0; i < 40 && !gtk_widget_has_focus (GTK_WIDGET (f->window->canvas)); i++)
    gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->window->canvas)));

  /* Escape clears. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select", "s", "");
  g_assert_null (am_session_get_selection (f->session));

  /* Ctrl+F reveals the list and focuses the search. */
  am_window_set_show_sidebar (f->window, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  g_assert_true (am_window_get_show_sidebar (f->window));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->window->sidebar)));
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *text_view = GTK_WIDGET (am_article_view_get_text_view (f->window->article_view));

  gtk_test_accessible_assert_property (f->window->canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, "Actor map");
  gtk_test_accessible_assert_property (am_sidebar_get_list_view (f->window->sidebar),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Actors");
  gtk_test_accessible_assert_property (f->window->detail_panel, GTK_ACCESSIBLE_PROPERTY_LABEL, "Details");
  gtk_test_accessible_assert_property (f->window->article_view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Article");
  gtk_test_accessible_assert_property (text_view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Article text");
  gtk_test_accessible_assert_role (am_sidebar_get_list_view (f->window->sidebar), GTK_ACCESSIBLE_ROLE_LIST);
}

static gboolean
shortcuts_mapped (Fixture *f)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;

  return FALSE;
}

static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  GtkWidget *label;

  /* GtkApplication loads it from the resource base path; shown here it must build and
   * lay out without a warning, and list the window's shortcuts. */
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_set_transient_for (GTK_WINDOW (overlay), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (overlay));
  g_assert_true (wait_for (f, shortcuts_mapped));
  ui_test_drain ();

  label = ui_test_find_label (GTK_WIDGET (overlay), "Search actors, relations and quotes");
  g_assert_nonnull (label);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (overlay), "Export the map"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (overlay), "New map from an article"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (overlay), "Save the map"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (overlay), "Clear the selection"));

  gtk_window_destroy (GTK_WINDOW (overlay));
}

static AmWindow *second_window;

static gboolean
second_mapped (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (second_window));
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *engine = NULL;
  int width, height;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not compiled (set GSETTINGS_SCHEMA_DIR)");
      return;
    }

  /* The engine (as the engine menu sets it) and the legend are remembered as they
   * change... */
  g_object_set (f->window, "engine", "twopi", NULL);
  am_window_set_show_legend (f->window, FALSE);
  engine = g_settings_get_string (settings, "layout-engine");
  g_assert_cmpstr (engine, ==, "twopi");
  g_assert_false (g_settings_get_boolean (settings, "show-legend"));
  g_assert_true (wait_for (f, not_busy));

  /* ...and a new window starts with them, and with the size the last one closed at. */
  second_window = g_object_ref (am_window_new (NULL));
  g_assert_cmpstr (am_session_get_engine (am_window_get_session (second_window)), ==, "twopi");
  g_assert_false (am_window_get_show_legend (second_window));
  /* ...but the engine is each window's own: another window's choice does not lay this
   * one out again. */
  g_object_set (second_window, "engine", "dot", NULL);
  g_assert_cmpstr (am_session_get_engine (f->session), ==, "twopi");
  g_assert_false (am_session_get_busy (f->session));
  gtk_window_set_default_size (GTK_WINDOW (second_window), 1000, 700);
  gtk_window_present (GTK_WINDOW (second_window));
  g_assert_true (wait_for (f, second_mapped));
  gtk_window_close (GTK_WINDOW (second_window));
  ui_test_drain ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_finalize_object (g_steal_pointer (&second_window));

  second_window = g_object_ref (am_window_new (NULL));
  gtk_window_get_default_size (GTK_WINDOW (second_window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (second_window));
  ui_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&second_window));
}

static void
test_bundled_article (Fixture       *f,
                      gconstpointer  data)
{
  AmDocument *document;

  loaded_before = am_session_get_document (f->session);
  am_window_open_bundled (f->window);
  document = am_session_get_document (f->session);
  g_assert_true (document != loaded_before);
  g_assert_true (wait_for (f, scene_ready));

  g_assert_nonnull (am_document_lookup_entity (document, "kim-yo-jong"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select", "s", "kim-yo-jong");
  g_assert_true (panel_shows (f, "Kim Yo Jong"));
  g_assert_true (panel_shows (f, "gunpowder"));
}

/* Making maps: articles, the unsaved-changes question, save, undo, suggestions */

#define ARTICLE_HEADLINE "Mayor Opens New Bridge Over the River Lune"

static char *
write_article (Fixture    *f,
               const char *name,
               const char *contents,
               gssize      length)
{
  char *path = g_build_filename (f->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static char *
write_text_article (Fixture    *f,
                    const char *name)
{
  return write_article (f, name,
                        ARTICLE_HEADLINE "\n\n"
                        "LANCASTER — Mayor Helen Briggs opened the new Lune footbridge on Saturday, "
                        "three years after the old crossing was closed.\n\n"
                        "\"This bridge joins the two halves of our city again,\" Briggs said.\n", -1);
}

static gboolean
shows_article (Fixture *f)
{
  AmDocument *document = am_session_get_document (f->session);

  return document != NULL && g_strcmp0 (am_document_get_title (document), ARTICLE_HEADLINE) == 0
         && !am_session_get_suggesting (f->session) && scene_ready (f);
}

static void
test_new_from_article (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_text_article (f, "bridge & <lune>.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmDocument *document;

  /* A .txt opens as an article: a new map, unsaved and without a file, titled by the
   * headline (marked as unsaved), its paragraphs in the article pane. */
  am_window_open_file (f->window, file);
  g_assert_true (wait_for (f, shows_article));
  document = am_session_get_document (f->session);
  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 3);
  g_assert_cmpstr (am_document_get_paragraphs (document)[2], ==,
                   "\"This bridge joins the two halves of our city again,\" Briggs said.");
  g_assert_null (am_session_get_file (f->session));
  g_assert_true (am_session_get_modified (f->session));
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "• " ARTICLE_HEADLINE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->article_view)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->side_paned)));
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *contents;
    gssize      length;
  } bad[] = {
    { "empty & <blank>.txt", "\n \n\t\n", -1 },
    { "binary.txt", "PK\003\004\000\000\000\000binary", 14 },
    { "latin1.md", "# Caf\xe9\n\nNo UTF-8 here.\n", -1 },
    { "no-paragraphs.html", "<html><head><title>T</title></head><body><nav>Menu</nav></body></html>", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_article (f, bad[i].name, bad[i].contents, bad[i].length);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      AdwMessageDialog *dialog;

      /* Nothing is lost: the map on screen stays, and the message names the file. */
      am_window_import_article (f->window, file);
      g_assert_true (wait_for (f, has_message_dialog));
      dialog = find_message_dialog (f);
      g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), bad[i].name));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad[i].name));
      g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
      g_assert_true (am_session_get_document (f->session) == f->document);
      g_assert_false (am_session_get_modified (f->session));
      gtk_window_destroy (GTK_WINDOW (dialog));
      ui_test_drain ();
    }
}

static void
test_drop_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_article (f, "bridge.md",
                                         "# " ARTICLE_HEADLINE "\n\n"
                                         "Mayor *Helen Briggs* opened the [footbridge](https://example.org/) on Saturday.\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkDropTarget *target = ui_test_find_controller (GTK_WIDGET (f->window), GTK_TYPE_DROP_TARGET);
  GSList *files = g_slist_append (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  /* A dropped article (here a file list, as file managers send) becomes a new map. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (handled);
  g_assert_true (wait_for (f, shows_article));
  g_assert_cmpstr (am_document_get_paragraphs (am_session_get_document (f->session))[1], ==,
                   "Mayor Helen Briggs opened the footbridge on Saturday.");
}

static void
test_paste_article (Fixture       *f,
                    gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));

  gdk_clipboard_set_text (clipboard, ARTICLE_HEADLINE "\n\nMayor Helen Briggs opened\nthe footbridge.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  g_assert_true (wait_for (f, shows_article));
  g_assert_cmpstr (am_document_get_paragraphs (am_session_get_document (f->session))[1], ==,
                   "Mayor Helen Briggs opened the footbridge.");
  g_assert_null (am_session_get_file (f->session));

  /* Text that is no article says so, naming where it came from. */
  gdk_clipboard_set_text (clipboard, "   \n\n  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  g_assert_true (wait_for (f, has_message_dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_message_dialog (f)), "Pasted text"));
  g_assert_cmpstr (am_document_get_title (am_session_get_document (f->session)), ==, ARTICLE_HEADLINE);
}

static char *
menu_label (Fixture *f,
            guint    position)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (f->window->edit_section), position,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static void
test_article_details (Fixture       *f,
                      gconstpointer  data)
{
  const char *values[] = { "New & <Title>", "2021-03-18", "Daily Planet", "Wire", "https://example.org/a", NULL };
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget **rows;
  AmDocument *document;

  /* Nothing changes, no step. */
  {
    const char *same[] = { am_document_get_title (f->document), am_document_get_date (f->document),
                           am_document_get_publisher (f->document), am_document_get_source (f->document),
                           am_document_get_url (f->document), NULL };

    for (guint i = 1; i < 5; i++)
      if (same[i] == NULL)
        same[i] = "";
    g_assert_true (am_window_set_article_details (f->window, same, &error));
    g_assert_no_error (error);
    g_assert_false (am_session_get_can_undo (f->session));
    g_assert_true (am_session_get_document (f->session) == f->document);
  }

  g_assert_true (am_window_set_article_details (f->window, values, &error));
  g_assert_no_error (error);
  document = am_session_get_document (f->session);
  g_assert_cmpstr (am_document_get_title (document), ==, "New & <Title>");
  g_assert_cmpstr (am_document_get_publisher (document), ==, "Daily Planet");
  g_assert_cmpstr (am_document_get_url (document), ==, "https://example.org/a");
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "• New & <Title>");

  /* A date the loader would refuse is refused, and nothing changes. */
  {
    const char *bad[] = { "New & <Title>", "18/03/2021", NULL };

    g_assert_false (am_window_set_article_details (f->window, bad, &error));
    g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
    g_assert_true (am_session_get_document (f->session) == document);
    g_clear_error (&error);
  }

  /* One undo step, named in the menu; undo gives the old title back. */
  {
    g_autofree char *undo = menu_label (f, 0);

    g_assert_cmpstr (undo, ==, "_Undo Edit Article Details");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (am_document_get_title (am_session_get_document (f->session)), ==,
                   am_document_get_title (f->document));
  g_assert_false (am_session_get_modified (f->session));
  {
    g_autofree char *redo = menu_label (f, 1);
    g_autofree char *undo = menu_label (f, 0);

    g_assert_cmpstr (redo, ==, "_Redo Edit Article Details");
    g_assert_cmpstr (undo, ==, "_Undo");
  }

  /* The dialog does the same from its rows. */
  dialog = _am_window_show_article_details (f->window);
  g_assert_nonnull (dialog);
  rows = g_object_get_data (G_OBJECT (dialog), "am-rows");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows[0])), ==, am_document_get_title (f->document));
  gtk_editable_set_text (GTK_EDITABLE (rows[2]), "  The Clarion  ");
  respond (dialog, "apply");
  g_assert_cmpstr (am_document_get_publisher (am_session_get_document (f->session)), ==, "The Clarion");
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "Edit Article Details");
  g_assert_true (wait_for (f, not_busy));
}

static AdwMessageDialog *
find_dialog_of (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && gtk_window_get_transient_for (l->data) == parent)
      return l->data;

  return NULL;
}

static gboolean
dialog_of_second (Fixture *f)
{
  return find_dialog_of (GTK_WINDOW (second_window)) != NULL;
}

static gboolean
second_gone (Fixture *f)
{
  return !gtk_widget_get_visible (GTK_WIDGET (second_window));
}

static gboolean
second_saved (Fixture *f)
{
  return !am_session_get_modified (am_window_get_session (second_window))
         && am_session_get_file (am_window_get_session (second_window)) != NULL;
}

static void
edit_title (AmWindow   *window,
            const char *title)
{
  const char *values[] = { title, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (am_window_set_article_details (window, values, &error));
  g_assert_no_error (error);
  g_assert_true (am_session_get_modified (am_window_get_session (window)));
}

static void
test_close_unsaved (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "kept.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  second_window = g_object_ref (am_window_new (NULL));
  am_session_set_document (am_window_get_session (second_window), f->document, NULL);
  gtk_window_present (GTK_WINDOW (second_window));

  /* Nothing unsaved: closing asks nothing. */
  g_assert_false (am_session_get_modified (am_window_get_session (second_window)));

  /* Unsaved: Cancel keeps the window and the changes. */
  edit_title (second_window, "Changed Once");
  gtk_window_close (GTK_WINDOW (second_window));
  g_assert_true (wait_for (f, dialog_of_second));
  dialog = find_dialog_of (GTK_WINDOW (second_window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Changed Once"));
  respond (dialog, "cancel");
  ui_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (second_window)));
  g_assert_true (am_session_get_modified (am_window_get_session (second_window)));

  /* Save, then close: the map has no file yet, so save it where a Save As would. */
  am_window_save (second_window, file);
  g_assert_true (wait_for (f, second_saved));
  g_assert_cmpstr (adw_window_title_get_title (second_window->window_title), ==, "Changed Once");

  /* Unsaved again: Save writes the file, then the window closes. */
  edit_title (second_window, "Changed Twice");
  gtk_window_close (GTK_WINDOW (second_window));
  g_assert_true (wait_for (f, dialog_of_second));
  respond (find_dialog_of (GTK_WINDOW (second_window)), "save");
  g_assert_true (wait_for (f, second_gone));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Changed Twice"));
  ui_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&second_window));

  /* Discard closes without writing. */
  second_window = g_object_ref (am_window_new (NULL));
  am_session_set_document (am_window_get_session (second_window), f->document, NULL);
  gtk_window_present (GTK_WINDOW (second_window));
  edit_title (second_window, "Thrown Away");
  gtk_window_close (GTK_WINDOW (second_window));
  g_assert_true (wait_for (f, dialog_of_second));
  respond (find_dialog_of (GTK_WINDOW (second_window)), "discard");
  g_assert_true (wait_for (f, second_gone));
  ui_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&second_window));
}

static void
test_open_unsaved (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ui", "window-model.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  edit_title (f->window, "Unsaved Title");

  /* Opening another map with unsaved changes asks; Cancel keeps the changes. */
  loaded_before = am_session_get_document (f->session);
  am_window_open_file (f->window, file);
  g_assert_true (wait_for (f, has_message_dialog));
  respond (find_message_dialog (f), "cancel");
  ui_test_drain ();
  g_assert_true (am_session_get_document (f->session) == loaded_before);

  /* Discard opens it. */
  am_window_open_file (f->window, file);
  g_assert_true (wait_for (f, has_message_dialog));
  respond (find_message_dialog (f), "discard");
  g_assert_true (wait_for (f, document_replaced));
  g_assert_false (am_session_get_modified (f->session));
  g_assert_cmpstr (am_document_get_title (am_session_get_document (f->session)), ==,
                   am_document_get_title (f->document));

  /* A new map from an article asks too, once the article is read; Discard makes it. */
  {
    g_autofree char *article_path = write_text_article (f, "bridge.txt");
    g_autoptr(GFile) article = g_file_new_for_path (article_path);

    g_assert_true (wait_for (f, not_busy));
    edit_title (f->window, "Unsaved Again");
    am_window_import_article (f->window, article);
    g_assert_true (wait_for (f, has_message_dialog));
    g_assert_cmpstr (am_document_get_title (am_session_get_document (f->session)), ==, "Unsaved Again");
    respond (find_message_dialog (f), "discard");
    g_assert_true (wait_for (f, shows_article));
  }
}

static gboolean
not_modified (Fixture *f)
{
  return !am_session_get_modified (f->session) && not_busy (f);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "map & <saved>.json", NULL);
  g_autofree char *missing = g_build_filename (f->tmpdir, "no-such-dir", "lost.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(AmDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* (Save on a map without a file shows the Save As file chooser, which needs GTK's own
   * settings schema: the isolated test environment has only the application's.) */
  edit_title (f->window, "Saved Title");

  /* Save As writes the model, and the map is no longer modified. */
  am_window_save (f->window, file);
  g_assert_true (wait_for (f, not_modified));
  g_assert_true (g_file_equal (am_session_get_file (f->session), file));
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "Saved Title");
  reloaded = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (reloaded, am_session_get_document (f->session)));

  /* A failed save names the file, keeps the changes, and writes nothing. */
  edit_title (f->window, "Never Written");
  am_window_save (f->window, missing_file);
  g_assert_true (wait_for (f, has_message_dialog));
  dialog = find_message_dialog (f);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "lost.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lost.json"));
  g_assert_true (am_session_get_modified (f->session));
  g_assert_true (g_file_equal (am_session_get_file (f->session), file));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Ctrl+S now writes to the map's own file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_true (wait_for (f, not_modified));
  g_clear_object (&reloaded);
  reloaded = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (reloaded), ==, "Never Written");
}

static gboolean
has_suggestions (Fixture *f)
{
  return shows_article (f) && am_suggestions_pane_get_n_suggestions (f->window->suggestions_pane) > 0;
}

static void
test_suggestions_pane (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_text_article (f, "bridge.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmSuggestionsPane *pane = f->window->suggestions_pane;
  GListModel *model = am_suggestions_pane_get_model (pane);
  g_autoptr(AmItem) first = NULL;
  g_autofree char *first_id = NULL;
  guint n;

  /* A map with no suggestions hides the pane. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pane)));

  am_window_import_article (f->window, file);
  g_assert_true (wait_for (f, has_suggestions));
  n = am_suggestions_pane_get_n_suggestions (pane);
  g_assert_cmpuint (n, ==, ui_test_count_status (am_session_get_document (f->session), AM_STATUS_SUGGESTED));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pane)));
  g_assert_cmpuint (g_menu_model_get_n_items (am_suggestions_pane_get_accept_menu (pane)), >=, 1);

  /* Accept one: it leaves the list and is accepted in the document. */
  first = g_list_model_get_item (model, 0);
  first_id = g_strdup (am_item_get_id (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.accept-suggestion", "s", first_id));
  g_assert_true (wait_for (f, not_busy));
  ui_test_drain ();
  g_assert_true (_am_ui_document_has_id (am_session_get_document (f->session), first_id));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AmItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (am_item_get_id (item), !=, first_id);
    }

  /* Reject another: it is gone from the document. */
  if (g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(AmItem) next = g_list_model_get_item (model, 0);
      g_autofree char *next_id = g_strdup (am_item_get_id (next));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reject-suggestion", "s", next_id));
      g_assert_true (wait_for (f, not_busy));
      ui_test_drain ();
      g_assert_false (_am_ui_document_has_id (am_session_get_document (f->session), next_id));
    }

  /* Accept All of each kind empties the list, and the pane hides. */
  for (guint i = 0; i < 3; i++)
    {
      const char *kinds[] = { "entity", "relation", "statement" };

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.accept-all", "s", kinds[i]));
      g_assert_true (wait_for (f, not_busy));
    }
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_status (am_session_get_document (f->session), AM_STATUS_SUGGESTED), ==, 0);
  g_assert_cmpuint (am_suggestions_pane_get_n_suggestions (pane), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pane)));
}

static char *
write_recovery (const char *name,
                AmDocument *document,
                GFile      *edited)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "actormap", "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) model = am_document_to_json (document, AM_JSON_INCLUDE_SUGGESTED);
  g_autofree char *uri = edited ? g_file_get_uri (edited) : NULL;
  g_autofree char *quoted = uri ? g_strdup_printf ("\"%s\"", uri) : g_strdup ("null");
  g_autofree char *json = g_strdup_printf ("{\"file\": %s, \"model\": %.*s}", quoted,
                                           (int) g_bytes_get_size (model),
                                           (const char *) g_bytes_get_data (model, NULL));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return g_steal_pointer (&path);
}

static void
test_recovery_offer (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *kept_path = g_build_filename (f->tmpdir, "kept & <map>.json", NULL);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (f->document);
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  AdwMessageDialog *dialog;

  /* Nothing left behind: nothing offered. */
  g_assert_cmpuint (am_window_offer_recovery (f->window), ==, 0);
  g_assert_false (has_message_dialog (f));

  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_TITLE, "Recovered Title");
  edited = am_document_builder_build (builder, "recovered", &error);
  g_assert_no_error (error);

  /* Two sessions of a process that is gone (no process has such an id) left copies. */
  first = write_recovery ("999999998-1.json", edited, kept);
  second = write_recovery ("999999999-1.json", edited, NULL);
  g_assert_cmpuint (am_window_offer_recovery (f->window), ==, 2);
  g_assert_true (wait_for (f, has_message_dialog));
  dialog = find_message_dialog (f);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Map?");

  /* The one offered first is discarded: its copy goes, the map stays. */
  {
    gboolean names_kept = strstr (adw_message_dialog_get_body (dialog), "kept & <map>.json") != NULL;
    const char *discarded = names_kept ? first : second;
    const char *recovered = names_kept ? second : first;

    if (!names_kept)
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Recovered Title"));
    respond (dialog, "discard");
    ui_test_drain ();
    g_assert_false (g_file_test (discarded, G_FILE_TEST_EXISTS));
    g_assert_true (am_session_get_document (f->session) == f->document);

    /* The next is offered; Recover brings the map back, unsaved, editing its file. */
    g_assert_true (wait_for (f, has_message_dialog));
    respond (find_message_dialog (f), "recover");
    g_assert_true (wait_for (f, not_busy));
    g_assert_cmpstr (am_document_get_title (am_session_get_document (f->session)), ==, "Recovered Title");
    g_assert_true (am_session_get_modified (f->session));
    if (names_kept)
      g_assert_null (am_session_get_file (f->session));
    else
      g_assert_true (g_file_equal (am_session_get_file (f->session), kept));
    g_assert_false (g_file_test (recovered, G_FILE_TEST_EXISTS));
    g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "• Recovered Title");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The window lays out through $AM_LAYOUT_HELPER, the test helper (tests/ui/meson.build),
   * which a test can make fail the way Graphviz reports errors: AM_TEST_HELPER_FAILURE
   * is the message it writes on stderr before exiting with status 1. */
  if (!ui_test_init (&argc, &argv))
    return 0;

#ifdef HAVE_X11
  /* Windows open at (0, 0) without a window manager, and Xvfb starts with the pointer in
   * the middle of the screen: over them.  Hover effects and tooltips would then depend on
   * where a test's window happens to lie (and GTK 4.8 leaks a little when a window under
   * a tooltip is destroyed), so park the pointer in the far corner first. */
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
      Screen *screen = DefaultScreenOfDisplay (xdisplay);

      XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                    WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
      XFlush (xdisplay);
    }
#endif

#define ADD(path, func) \
  g_test_add ("/Actormap/Window/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("properties", test_properties);
  ADD ("click-node", test_click_node);
  ADD ("click-node-gesture", test_click_node_gesture);
  ADD ("click-edge", test_click_edge);
  ADD ("list-selects-and-flies", test_list_selects_and_flies);
  ADD ("search", test_search);
  ADD ("article-highlight", test_article_highlight);
  ADD ("export", test_export);
  ADD ("export-async", test_export_async);
  ADD ("export-chosen", test_export_chosen);
  ADD ("relayout-keeps-selection", test_relayout_keeps_selection);
  ADD ("cancel-layout", test_cancel_layout);
  ADD ("layout-failure", test_layout_failure);
  ADD ("wait-longer", test_wait_longer);
  ADD ("bad-file", test_bad_file);
  ADD ("open-and-drop", test_open_and_drop);
  ADD ("open-graphviz", test_open_graphviz);
  ADD ("keyboard", test_keyboard);
  ADD ("accessible", test_accessible);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("settings", test_settings);
  ADD ("bundled-article", test_bundled_article);
  ADD ("new-from-article", test_new_from_article);
  ADD ("import-errors", test_import_errors);
  ADD ("drop-article", test_drop_article);
  ADD ("paste-article", test_paste_article);
  ADD ("article-details", test_article_details);
  ADD ("close-unsaved", test_close_unsaved);
  ADD ("open-unsaved", test_open_unsaved);
  ADD ("save", test_save);
  ADD ("suggestions-pane", test_suggestions_pane);
  ADD ("recovery-offer", test_recovery_offer);

#undef ADD

  return g_test_run ();
}
