/* test-make-map.c — a map made from an article, all the way: import, suggestions,
 * a relation from a sentence, a moved actor, undo and redo of everything, save, reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "am-window-private.h"
#include "ui-test.h"

/* The article is not the bundled one: a wire story written for this test
 * (tests/ui/make-map-article.txt), which no extractor was tuned on. */
#define HEADLINE "Dock Strike Ends After Harbour Authority Agrees Pay Deal"
#define SENTENCE "Janssen met Bakker in The Hague on Friday to discuss the review."

typedef struct
{
  AmWindow  *window;
  AmSession *session;
  GPtrArray *snapshots;   /* the document after each step, for undo and redo */
  char      *tmpdir;
} Fixture;

static gboolean
settled (gpointer data)
{
  AmSession *session = data;

  return am_session_get_document (session) != NULL && am_session_get_scene (session) != NULL
         && !am_session_get_busy (session) && !am_session_get_suggesting (session);
}

static void
wait_settled (AmSession *session)
{
  g_assert_true (ui_test_wait_for (settled, session));
  ui_test_drain ();
}

static gboolean
has_headline (gpointer data)
{
  AmSession *session = data;
  AmDocument *document = am_session_get_document (session);

  return document != NULL && g_strcmp0 (am_document_get_title (document), HEADLINE) == 0
         && settled (session);
}

/* The undo or redo item of the main menu: what a person reads there. */
static char *
edit_menu_label (AmWindow *window,
                 guint     position)
{
  char *label = NULL;

  g_assert_cmpuint (g_menu_model_get_n_items (G_MENU_MODEL (window->edit_section)), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->edit_section), position,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static void
assert_undo_names (Fixture    *f,
                   const char *step)
{
  g_autofree char *expected = g_strdup_printf ("_Undo %s", step);
  g_autofree char *label = edit_menu_label (f->window, 0);

  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, step);
  g_assert_cmpstr (label, ==, expected);
}

static void
snapshot (Fixture *f)
{
  g_ptr_array_add (f->snapshots, g_object_ref (am_session_get_document (f->session)));
}

/* The actor whose name contains @word. */
static const char *
actor_named (AmDocument *document,
             const char *word)
{
  GListModel *entities = am_document_get_entities (document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      if (strstr (am_entity_get_name (entity), word) != NULL)
        return am_entity_get_id (entity);   /* the document holds it */
    }

  return NULL;
}

static void
node_centre (AmSession  *session,
             const char *id,
             double     *x,
             double     *y)
{
  AmScene *scene = am_session_get_scene (session);
  int index = am_scene_find_node (scene, id);
  const AmSceneNode *node;

  g_assert_cmpint (index, >=, 0);
  node = am_scene_get_node (scene, index);
  *x = node->box.x + node->box.width / 2;
  *y = node->box.y + node->box.height / 2;
}

static void
activate (Fixture    *f,
          const char *action,
          const char *target)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  wait_settled (f->session);
}

static gboolean
saved_and_settled (gpointer data)
{
  AmSession *session = data;

  return !am_session_get_modified (session) && am_session_get_file (session) != NULL
         && settled (session);
}

static GtkGesture *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);   /* the widget keeps it alive */
    }

  g_assert_not_reached ();
}

static AmDocument *reopen_before;

static gboolean
reopened (gpointer data)
{
  AmSession *session = data;

  return am_session_get_document (session) != reopen_before && settled (session);
}

static void
test_make_map (void)
{
  Fixture fixture = { NULL, };
  Fixture *f = &fixture;
  g_autofree char *article_path = g_test_build_filename (G_TEST_DIST, "ui", "make-map-article.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;
  AmRelation *relation;
  GtkGesture *drag;
  double wx, wy, zoom;
  g_autofree char *relation_id = NULL;
  g_autofree char *saved_path = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(AmDocument) loaded = NULL;
  g_autofree char *json = NULL;
  AmDocument *document;
  AmWindow *second;
  const char *janssen, *bakker;
  const char *paragraph;
  double x, y, moved_x, moved_y;
  guint n_steps;

  f->tmpdir = g_dir_make_tmp ("actormap-make-map-XXXXXX", &error);
  g_assert_no_error (error);
  f->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  f->window = g_object_ref (am_window_new (NULL));
  f->session = am_window_get_session (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));

  /* 1. A new map from the article: unsaved, no file, the headline as its title, and the
   * session's draft in the Suggestions pane. */
  am_window_import_article (f->window, article);
  g_assert_true (ui_test_wait_for (has_headline, f->session));
  document = am_session_get_document (f->session);
  g_assert_null (am_session_get_file (f->session));
  g_assert_true (am_session_get_modified (f->session));
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "• " HEADLINE);
  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 6);
  g_assert_cmpuint (ui_test_count_status (document, AM_STATUS_SUGGESTED), >, 0);
  g_assert_cmpuint (am_suggestions_pane_get_n_suggestions (f->window->suggestions_pane), ==,
                    ui_test_count_status (document, AM_STATUS_SUGGESTED));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->suggestions_pane)));
  snapshot (f);

  /* 2. Accept the suggestions, a kind at a time, as the pane's "Accept All" menu does;
   * each is one undo step. */
  activate (f, "win.accept-all", "entity");
  g_assert_nonnull (am_session_get_undo_label (f->session));
  assert_undo_names (f, am_session_get_undo_label (f->session));
  snapshot (f);
  for (guint i = 0; i < 2; i++)
    {
      const char *kind = i == 0 ? "relation" : "statement";
      AmDocument *before = am_session_get_document (f->session);

      activate (f, "win.accept-all", kind);
      if (am_session_get_document (f->session) != before)
        snapshot (f);
    }
  g_assert_cmpuint (ui_test_count_status (am_session_get_document (f->session), AM_STATUS_SUGGESTED), ==, 0);
  g_assert_cmpuint (am_suggestions_pane_get_n_suggestions (f->window->suggestions_pane), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->suggestions_pane)));

  /* 3. A relation from a sentence of the article, the way the article pane's menu makes
   * it: the words selected, then "New Relation…" ends in article.add-relation; the
   * evidence is the paragraph and the selected words, verbatim. */
  document = am_session_get_document (f->session);
  janssen = actor_named (document, "Janssen");
  bakker = actor_named (document, "Bakker");
  g_assert_nonnull (janssen);
  g_assert_nonnull (bakker);
  paragraph = am_document_get_paragraphs (document)[5];
  g_assert_nonnull (strstr (paragraph, SENTENCE));
  g_assert_true (am_article_view_select_text (f->window->article_view, 5,
                                              strstr (paragraph, SENTENCE) - paragraph,
                                              strstr (paragraph, SENTENCE) - paragraph + strlen (SENTENCE)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->article_view), "article.add-relation",
                                             "(sssb)", janssen, bakker, "met", TRUE));
  wait_settled (f->session);
  assert_undo_names (f, "New Relation");
  relation_id = g_strdup (am_session_get_selection (f->session));
  g_assert_nonnull (relation_id);
  relation = am_document_lookup_relation (am_session_get_document (f->session), relation_id);
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_source (relation), ==, janssen);
  g_assert_cmpstr (am_relation_get_target (relation), ==, bakker);
  evidence = am_relation_get_evidence (relation);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpuint (am_evidence_get_paragraph (g_ptr_array_index (evidence, 0)), ==, 5);
  g_assert_cmpstr (am_evidence_get_text (g_ptr_array_index (evidence, 0)), ==, SENTENCE);
  g_assert_cmpint (am_scene_find_edge (am_session_get_scene (f->session), relation_id), >=, 0);
  snapshot (f);

  /* 4. Move Janssen by dragging her on the map: she stays where she was put, pinned. */
  janssen = actor_named (am_session_get_document (f->session), "Janssen");
  node_centre (f->session, janssen, &x, &y);
  g_assert_true (am_canvas_scene_to_widget (f->window->canvas, x, y, &wx, &wy));
  zoom = am_canvas_get_zoom (f->window->canvas);
  drag = find_drag (GTK_WIDGET (f->window->canvas));
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  g_signal_emit_by_name (drag, "drag-update", 30.0, 12.0);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 30.0);
  g_signal_emit_by_name (drag, "drag-end", 60.0, 30.0);
  moved_x = x + 60.0 / zoom;
  moved_y = y + 30.0 / zoom;
  wait_settled (f->session);
  assert_undo_names (f, "Move Actor");
  node_centre (f->session, janssen, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, moved_x, 0.01);
  g_assert_cmpfloat_with_epsilon (y, moved_y, 0.01);
  snapshot (f);
  n_steps = f->snapshots->len;

  /* 5. Undo everything with win.undo (Ctrl+Z): each step gives back the document before
   * it, down to the article without suggestions. */
  for (guint i = n_steps - 1; i > 0; i--)
    {
      activate (f, "win.undo", NULL);
      g_assert_true (am_document_equal (am_session_get_document (f->session),
                                        g_ptr_array_index (f->snapshots, i - 1)));
    }
  g_assert_true (am_session_get_can_undo (f->session));   /* the draft itself: "Suggest" */
  activate (f, "win.undo", NULL);
  g_assert_false (am_session_get_can_undo (f->session));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (am_session_get_document (f->session))), ==, 0);
  g_assert_cmpstr (am_document_get_title (am_session_get_document (f->session)), ==, HEADLINE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->suggestions_pane)));
  {
    g_autofree char *label = edit_menu_label (f->window, 0);

    g_assert_cmpstr (label, ==, "_Undo");
  }

  /* 6. Redo everything with win.redo (Shift+Ctrl+Z). */
  activate (f, "win.redo", NULL);
  g_assert_true (am_document_equal (am_session_get_document (f->session),
                                    g_ptr_array_index (f->snapshots, 0)));
  for (guint i = 1; i < n_steps; i++)
    {
      activate (f, "win.redo", NULL);
      g_assert_true (am_document_equal (am_session_get_document (f->session),
                                        g_ptr_array_index (f->snapshots, i)));
    }
  g_assert_false (am_session_get_can_redo (f->session));
  node_centre (f->session, janssen, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, moved_x, 0.01);
  g_assert_cmpfloat_with_epsilon (y, moved_y, 0.01);

  /* 7. Save: the title loses its mark, the file is a version 2 model with the pin. */
  saved_path = g_build_filename (f->tmpdir, "dock strike.json", NULL);
  saved = g_file_new_for_path (saved_path);
  am_window_save (f->window, saved);
  g_assert_true (ui_test_wait_for (saved_and_settled, f->session));
  g_assert_true (g_file_equal (am_session_get_file (f->session), saved));
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, HEADLINE);
  g_assert_true (g_file_get_contents (saved_path, &json, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                                 "version"), ==, 2);
  }
  g_assert_nonnull (strstr (json, "\"position\""));
  g_assert_null (strstr (json, "\"suggested\""));

  /* 8. Reopen in another window: the same model, and Janssen where she was put. */
  loaded = am_document_load_from_file (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (loaded, g_ptr_array_index (f->snapshots, n_steps - 1)));

  second = g_object_ref (am_window_new (NULL));
  gtk_window_present (GTK_WINDOW (second));
  reopen_before = am_session_get_document (am_window_get_session (second));
  am_window_open_file (second, saved);
  g_assert_true (ui_test_wait_for (reopened, am_window_get_session (second)));
  g_assert_true (am_document_equal (am_session_get_document (am_window_get_session (second)),
                                    g_ptr_array_index (f->snapshots, n_steps - 1)));
  g_assert_false (am_session_get_modified (am_window_get_session (second)));
  node_centre (am_window_get_session (second), janssen, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, moved_x, 0.01);
  g_assert_cmpfloat_with_epsilon (y, moved_y, 0.01);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_drain ();
  g_assert_finalize_object (second);
  g_ptr_array_unref (f->snapshots);
  g_assert_finalize_object (f->window);

  g_remove (saved_path);
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/Actormap/MakeMap/article-to-saved-map", test_make_map);

  return g_test_run ();
}
