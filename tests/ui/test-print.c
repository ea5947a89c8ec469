/* test-print.c — printing the map (to a PDF, as the print dialog's "Print to File" does),
 * its preview tab, and the window's export of a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-print.h"
#include "extras-fixture.h"

/* Prints what the window's session shows to @name in the fixture's directory; the PDF's
 * text, or NULL when pdftotext is missing (the test is skipped then). */
static char *
print_to_text (ExtrasFixture    *f,
               AmPrintOperation *operation,
               const char       *name)
{
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return extras_pdf_text (path);
}

static const char *
name_of (AmDocument *document,
         const char *id)
{
  AmEntity *entity = am_document_lookup_entity (document, id);

  g_assert_nonnull (entity);
  return am_entity_get_name (entity);
}

static void
test_print_page (ExtrasFixture *f,
                 gconstpointer  data)
{
  AmDocument *document = am_session_get_document (f->session);
  g_autoptr(AmPrintOperation) operation = am_print_operation_new (f->session);
  g_autofree char *text = NULL;
  GListModel *entities = am_document_get_entities (document);

  g_assert_true (am_print_operation_has_page (operation));
  g_assert_true (am_print_operation_get_show_legend (operation));
  g_assert_true (am_print_operation_get_show_citation (operation));

  if (!(text = print_to_text (f, operation, "page.pdf")))
    return;

  /* Every actor's name, the citation and the legend are on the page. */
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      if (strstr (text, am_entity_get_name (entity)) == NULL)
        g_error ("“%s” is not on the printed page: %s", am_entity_get_name (entity), text);
    }
  g_assert_nonnull (strstr (text, am_document_get_title (document)));
  g_assert_nonnull (strstr (text, "Made with Actormap"));
  g_assert_nonnull (strstr (text, "Relations"));
}

static void
test_print_options (ExtrasFixture *f,
                    gconstpointer  data)
{
  g_autoptr(AmPrintOperation) operation = am_print_operation_new (f->session);
  g_autofree char *text = NULL;

  am_print_operation_set_show_legend (operation, FALSE);
  am_print_operation_set_show_citation (operation, FALSE);

  if (!(text = print_to_text (f, operation, "bare.pdf")))
    return;

  g_assert_null (strstr (text, "Made with Actormap"));
  g_assert_null (strstr (text, "Relations"));
  g_assert_nonnull (strstr (text, "Kim Yo Jong"));
}

/* The page drawn at @width × @height pixels; its pixels as ARGB32. */
static cairo_surface_t *
draw_page (AmPrintOperation *operation,
           int               width,
           int               height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  am_print_operation_draw (operation, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  guint count = 0;

  for (int i = 0; i < stride * height; i += 4)
    if (memcmp (pa + i, pb + i, 4) != 0)
      count++;

  return count;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preview_tab (ExtrasFixture *f,
                  gconstpointer  data)
{
  g_autoptr(AmPrintOperation) operation = am_print_operation_new (f->session);
  GtkPrintOperationClass *klass = GTK_PRINT_OPERATION_GET_CLASS (operation);
  cairo_surface_t *with_legend, *without_legend, *blank;
  GtkWidget *tab, *legend, *citation, *preview;

  /* The Map tab: a preview and the two check buttons, bound to the operation. */
  tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (operation)));
  preview = find_named (tab, "preview");
  legend = find_named (tab, "show-legend");
  citation = find_named (tab, "show-citation");
  g_assert_true (GTK_IS_DRAWING_AREA (preview));
  g_assert_true (GTK_IS_CHECK_BUTTON (legend));
  g_assert_true (GTK_IS_CHECK_BUTTON (citation));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (legend)));

  /* The page as the preview and the printer draw it: something, and the legend's part
   * goes when the check button is cleared. */
  with_legend = draw_page (operation, 300, 420);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (legend), FALSE);
  g_assert_false (am_print_operation_get_show_legend (operation));
  without_legend = draw_page (operation, 300, 420);
  blank = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 420);

  g_assert_cmpuint (count_different (with_legend, blank), >, 1000);
  g_assert_cmpuint (count_different (with_legend, without_legend), >, 200);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (citation), FALSE);
  g_assert_false (am_print_operation_get_show_citation (operation));
  am_print_operation_set_show_citation (operation, TRUE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (citation)));

  cairo_surface_destroy (with_legend);
  cairo_surface_destroy (without_legend);
  cairo_surface_destroy (blank);
  g_object_unref (tab);
}

static gboolean
view_applied (gpointer data)
{
  ExtrasFixture *f = data;
  AmViewResult *result = am_session_get_view_result (f->session);

  return result != NULL && !am_view_result_is_whole_map (result)
         && am_session_get_view_scene (f->session) != am_session_get_scene (f->session)
         && am_canvas_get_scene (f->window->canvas) == am_session_get_view_scene (f->session);
}

/* A path that dims: the map is the laid-out one, the highlight the path's. */
static gboolean
path_applied (gpointer data)
{
  ExtrasFixture *f = data;
  AmViewResult *result = am_session_get_view_result (f->session);

  return result != NULL && am_view_result_get_emphasis (result) != NULL
         && am_session_get_highlight (f->session) != NULL
         && am_canvas_get_scene (f->window->canvas) == am_session_get_view_scene (f->session);
}

static void
set_focus (ExtrasFixture *f,
           const char    *id)
{
  g_autoptr(AmView) view = am_view_new ();
  const char *ids[] = { id, NULL };

  am_view_set_focus (view, ids, 1, AM_VIEW_DIRECTION_BOTH);
  am_session_set_view (f->session, view);
  g_assert_true (ui_test_wait_for (view_applied, f));
}

/* A focus prints only what the map shows: the actor and her neighbours. */
static void
test_print_view (ExtrasFixture *f,
                 gconstpointer  data)
{
  AmDocument *document = am_session_get_document (f->session);
  g_autoptr(AmPrintOperation) operation = NULL;
  g_autofree char *text = NULL;
  AmScene *scene;
  guint shown = 0, hidden = 0;
  GListModel *entities = am_document_get_entities (document);

  set_focus (f, "kim-yo-jong");
  scene = am_session_get_view_scene (f->session);

  operation = am_print_operation_new (f->session);
  am_print_operation_set_show_citation (operation, FALSE);
  am_print_operation_set_show_legend (operation, FALSE);
  if (!(text = print_to_text (f, operation, "focus.pdf")))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *id = am_entity_get_id (entity);

      if (am_scene_find_node (scene, id) >= 0)
        {
          g_assert_nonnull (strstr (text, name_of (document, id)));
          shown++;
        }
      else if (strstr (text, name_of (document, id)) == NULL)
        hidden++;
    }

  /* She has neighbours, and most of the map is not among them. */
  g_assert_cmpuint (shown, >, 1);
  g_assert_cmpuint (hidden, >, 5);
}

/* The SVG's opening tag of node @id, or NULL when the node is not in it. */
static char *
svg_node_tag (const char *svg,
              const char *id)
{
  g_autofree char *needle = g_strdup_printf ("<g id=\"node-%s\"", id);
  const char *start = strstr (svg, needle);
  const char *end;

  if (start == NULL)
    return NULL;

  end = strchr (start, '>');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* Export… writes what is on screen: the view's scene, and a path's dimming. */
static void
test_export_view (ExtrasFixture *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "view.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmView) view = am_view_new ();
  AmDocument *document = am_session_get_document (f->session);
  GListModel *entities = am_document_get_entities (document);
  AmScene *scene;
  GHashTable *emphasis;
  guint dimmed = 0, on_path = 0;

  /* A focus: exactly the actors the map shows. */
  set_focus (f, "kim-yo-jong");
  scene = am_session_get_view_scene (f->session);
  g_assert_true (am_window_export_to_path (f->window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      g_autofree char *tag = svg_node_tag (svg, am_entity_get_id (entity));

      g_assert_cmpint (tag != NULL, ==, am_scene_find_node (scene, am_entity_get_id (entity)) >= 0);
    }
  g_clear_pointer (&svg, g_free);

  /* A path that dims the rest (the window's default): every actor is drawn, the ones off
   * every shortest path dimmed, as on screen. */
  am_view_set_path (view, "kim-yo-jong", "joe-biden", FALSE);
  am_session_set_view (f->session, view);
  g_assert_true (ui_test_wait_for (path_applied, f));
  emphasis = am_view_result_get_emphasis (am_session_get_view_result (f->session));
  g_assert_nonnull (emphasis);

  g_assert_true (am_window_export_to_path (f->window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *id = am_entity_get_id (entity);
      g_autofree char *tag = svg_node_tag (svg, id);
      gboolean faded;

      g_assert_nonnull (tag);
      faded = strstr (tag, "opacity=") != NULL;
      g_assert_cmpint (faded, ==, !g_hash_table_contains (emphasis, id));
      if (faded)
        dimmed++;
      else
        on_path++;
    }

  g_assert_cmpuint (on_path, >=, 2);
  g_assert_cmpuint (dimmed, >, 0);
}

static const ExtrasTest tests[] = {
  { "page", test_print_page },
  { "options", test_print_options },
  { "preview-tab", test_preview_tab },
  { "view", test_print_view },
  { "export-view", test_export_view },
};

int
main (int   argc,
      char *argv[])
{
  return extras_test_main (argc, argv, "/Actormap/Print/", tests, G_N_ELEMENTS (tests));
}
