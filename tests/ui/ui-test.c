/* ui-test.c — what the in-process widget tests share: start GTK, wait, find widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "ui-test.h"

gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  /* Isolated XDG dirs hide the MIME database, and gdk-pixbuf then cannot tell an SVG
   * icon from noise ("Unrecognized image file format", a fatal warning).  The system's
   * database is read-only data, so the tests may share it. */
  const char *mime_dirs[] = { "/usr/local/share/mime", "/usr/share/mime", NULL };

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs (mime_dirs);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();

  return TRUE;
}

AmDocument *
ui_test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ui", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  document = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

AmDocument *
ui_test_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/model/article.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  AmDocument *document;

  g_assert_no_error (error);
  document = am_document_load_from_bytes (bytes, "article.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

gboolean
ui_test_wait_for (UiTestCondition cond,
                  gpointer        data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return cond (data);
}

void
ui_test_drain (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
ui_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gpointer
ui_test_find_controller (GtkWidget *widget,
                         GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps it alive */
    }

  return NULL;
}

GtkWidget *
ui_test_find_label (GtkWidget  *root,
                    const char *needle)
{
  if (GTK_IS_LABEL (root))
    return gtk_widget_get_visible (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle)
           ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_label (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
ui_test_count_status (AmDocument *document,
                      AmStatus    status)
{
  GListModel *lists[] = { am_document_get_entities (document), am_document_get_relations (document),
                          am_document_get_statements (document) };
  guint n = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        AmStatus item_status;

        g_object_get (item, "status", &item_status, NULL);
        n += item_status == status;
      }

  return n;
}

GtkWindow *
ui_test_find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "AdwMessageDialog")
        && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);

  return dialog;
}
