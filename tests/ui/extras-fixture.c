/* extras-fixture.c — a window showing the bundled map from a file of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "extras-fixture.h"

static gboolean
window_ready (gpointer data)
{
  AmWindow *window = data;
  AmSession *session = am_window_get_session (window);

  return am_session_get_view_scene (session) != NULL && !am_session_get_busy (session)
         && am_canvas_get_scene (window->canvas) != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (window->canvas))
         && gtk_widget_get_width (GTK_WIDGET (window->canvas)) > 0;
}

AmWindow *
extras_open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmWindow *window = g_object_new (AM_TYPE_WINDOW, NULL);

  g_object_ref (window);   /* ours, for g_assert_finalize_object() */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  am_window_open_file (window, file);

  g_assert_true (ui_test_wait_for (window_ready, window));
  ui_test_drain ();
  return window;
}

void
extras_close_window (AmWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      gtk_window_destroy (l->data);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_drain ();
  g_assert_finalize_object (window);
}

char *
extras_model_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/model/article.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

void
extras_fixture_setup (ExtrasFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = extras_model_text ();

  f->tmpdir = g_dir_make_tmp ("actormap-extras-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->tmpdir, "map.json", NULL);
  g_file_set_contents (f->path, text, -1, &error);
  g_assert_no_error (error);

  f->window = extras_open_window (f->path);
  f->session = am_window_get_session (f->window);
}

void
extras_fixture_teardown (ExtrasFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  extras_close_window (g_steal_pointer (&f->window));

  dir = g_dir_open (f->tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (f->tmpdir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->path);
}

char *
extras_pdf_text (const char *pdf_path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = NULL;
  const char *argv[] = { NULL, "-raw", pdf_path, "-", NULL };
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }

  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  spaces = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

int
extras_test_main (int               argc,
                  char             *argv[],
                  const char       *prefix,
                  const ExtrasTest *tests,
                  guint             n_tests)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  for (guint i = 0; i < n_tests; i++)
    {
      g_autofree char *path = g_strconcat (prefix, tests[i].path, NULL);

      g_test_add (path, ExtrasFixture, NULL, extras_fixture_setup, tests[i].func,
                  extras_fixture_teardown);
    }

  return g_test_run ();
}
