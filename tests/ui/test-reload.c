/* test-reload.c — the bar over the map when the open file changes on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "extras-fixture.h"

#define NEW_TITLE "Pyongyang Rejects Washington's Overture"

/* The model with another title: a change another program might make. */
static void
write_changed_model (ExtrasFixture *f)
{
  g_autofree char *text = extras_model_text ();
  AmDocument *document = am_session_get_document (f->session);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  char *at = strstr (text, am_document_get_title (document));
  GString *s;

  g_assert_nonnull (at);
  s = g_string_new_len (text, at - text);
  g_string_append (s, NEW_TITLE);
  g_string_append (s, at + strlen (am_document_get_title (document)));
  changed = g_string_free (s, FALSE);

  g_file_set_contents (f->path, changed, -1, &error);
  g_assert_no_error (error);
}

static GtkButton *
banner_button (ExtrasFixture *f,
               const char    *name)
{
  GtkWidget *widget = GTK_WIDGET (f->window->reload_banner);
  GtkWidget *stack[64];
  int depth = 0;

  /* Depth first through the bar's own children. */
  stack[depth++] = widget;
  while (depth > 0)
    {
      GtkWidget *w = stack[--depth];

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        return GTK_BUTTON (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && depth < 64;
           c = gtk_widget_get_next_sibling (c))
        stack[depth++] = c;
    }

  g_error ("no button “%s” in the reload bar", name);
  return NULL;
}

static gboolean
banner_shown (gpointer data)
{
  ExtrasFixture *f = data;
  AmReloadBanner *banner = f->window->reload_banner;

  return am_reload_banner_get_revealed (banner) && gtk_widget_get_mapped (GTK_WIDGET (banner));
}

static gboolean
banner_gone (gpointer data)
{
  ExtrasFixture *f = data;
  AmReloadBanner *banner = f->window->reload_banner;

  return !am_reload_banner_get_revealed (banner) && !gtk_widget_get_visible (GTK_WIDGET (banner));
}

static gboolean
title_changed (gpointer data)
{
  ExtrasFixture *f = data;

  return g_strcmp0 (am_document_get_title (am_session_get_document (f->session)), NEW_TITLE) == 0;
}

static gboolean
reload_failed (gpointer data)
{
  ExtrasFixture *f = data;

  return am_session_get_reload_error (f->session) != NULL && banner_shown (f);
}

/* Some waiting for a watcher that should stay quiet. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
edit (ExtrasFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = am_session_add_actor (f->session, "Test Envoy", AM_ENTITY_KIND_PERSON,
                                              NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_true (am_session_get_modified (f->session));
}

static gboolean
has_envoy (ExtrasFixture *f)
{
  GListModel *entities = am_document_get_entities (am_session_get_document (f->session));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      if (g_strcmp0 (am_entity_get_name (entity), "Test Envoy") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_hidden_at_first (ExtrasFixture *f,
                      gconstpointer  data)
{
  g_assert_false (am_reload_banner_get_revealed (f->window->reload_banner));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->reload_banner)));
  g_assert_true (am_reload_banner_get_session (f->window->reload_banner) == f->session);
}

/* Without unsaved edits a change reloads quietly: no bar, and the map stays put. */
static void
test_quiet_reload (ExtrasFixture *f,
                   gconstpointer  data)
{
  double x, y, zoom;
  double x2, y2, zoom2;

  am_canvas_set_viewport (f->window->canvas, 200, 150, 1.7);
  am_canvas_get_viewport (f->window->canvas, &x, &y, &zoom);

  write_changed_model (f);
  g_assert_true (ui_test_wait_for (title_changed, f));
  ui_test_drain ();

  g_assert_false (am_reload_banner_get_revealed (f->window->reload_banner));
  am_canvas_get_viewport (f->window->canvas, &x2, &y2, &zoom2);
  g_assert_cmpfloat_with_epsilon (zoom2, zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (x2, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y2, y, 1e-9);
}

static void
test_keep_mine (ExtrasFixture *f,
                gconstpointer  data)
{
  edit (f);
  write_changed_model (f);

  /* Unsaved edits are never thrown away unasked. */
  g_assert_true (ui_test_wait_for (banner_shown, f));
  g_assert_true (am_session_get_file_changed_on_disk (f->session));
  g_assert_nonnull (strstr (am_reload_banner_get_message (f->window->reload_banner),
                            "changed on disk"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner_button (f, "keep-mine"))));
  g_assert_false (title_changed (f));

  g_signal_emit_by_name (banner_button (f, "keep-mine"), "clicked");
  g_assert_true (ui_test_wait_for (banner_gone, f));
  g_assert_false (am_session_get_file_changed_on_disk (f->session));
  g_assert_true (has_envoy (f));
  g_assert_false (title_changed (f));
}

static void
test_reload (ExtrasFixture *f,
             gconstpointer  data)
{
  edit (f);
  write_changed_model (f);
  g_assert_true (ui_test_wait_for (banner_shown, f));

  g_signal_emit_by_name (banner_button (f, "reload"), "clicked");
  g_assert_true (ui_test_wait_for (title_changed, f));
  g_assert_true (ui_test_wait_for (banner_gone, f));
  g_assert_false (has_envoy (f));
  g_assert_false (am_session_get_modified (f->session));
}

/* A file that no longer reads: its error in the bar, the old map on screen; Close hides
 * the message; a good write clears it. */
static void
test_error (ExtrasFixture *f,
            gconstpointer  data)
{
  AmDocument *before = am_session_get_document (f->session);
  AmScene *scene = am_canvas_get_scene (f->window->canvas);
  g_autoptr(GError) error = NULL;
  const GError *reload_error;

  g_file_set_contents (f->path, "{ \"entities\": [", -1, &error);
  g_assert_no_error (error);

  g_assert_true (ui_test_wait_for (reload_failed, f));
  reload_error = am_session_get_reload_error (f->session);
  g_assert_nonnull (strstr (am_reload_banner_get_message (f->window->reload_banner),
                            reload_error->message));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner_button (f, "keep-mine"))));
  g_assert_true (am_session_get_document (f->session) == before);
  g_assert_true (am_canvas_get_scene (f->window->canvas) == scene);

  g_signal_emit_by_name (banner_button (f, "close"), "clicked");
  g_assert_true (ui_test_wait_for (banner_gone, f));
  /* Closed stays closed while the error is the same one. */
  settle ();
  g_assert_false (am_reload_banner_get_revealed (f->window->reload_banner));

  write_changed_model (f);
  g_assert_true (ui_test_wait_for (title_changed, f));
  g_assert_null (am_session_get_reload_error (f->session));
  g_assert_false (am_reload_banner_get_revealed (f->window->reload_banner));
}

static const ExtrasTest tests[] = {
  { "hidden-at-first", test_hidden_at_first },
  { "quiet-reload", test_quiet_reload },
  { "keep-mine", test_keep_mine },
  { "reload", test_reload },
  { "error", test_error },
};

int
main (int   argc,
      char *argv[])
{
  return extras_test_main (argc, argv, "/Actormap/Reload/", tests, G_N_ELEMENTS (tests));
}
