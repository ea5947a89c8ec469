/* test-sidebar.c — the actor list on its own, driven through an AmSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "am-layout.h"
#include "am-session.h"
#include "am-sidebar.h"
#include "am-sidebar-row.h"
#include "ui-test.h"

/* The sidebar in a window of its own, with a session that holds a small document
 * whose names look like markup ("Ana <b>Silva</b> & Co"). */
typedef struct
{
  AmSession  *session;
  AmSidebar  *sidebar;
  GtkWindow  *window;
} Fixture;

static gboolean
items_ready (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (am_session_get_items (f->session)) > 0;
}

static gboolean
rows_shown (gpointer data)
{
  Fixture *f = data;

  GtkWidget *list_view = GTK_WIDGET (am_sidebar_get_list_view (f->sidebar));

  return g_list_model_get_n_items (am_sidebar_get_model (f->sidebar)) > 0
         && gtk_widget_get_mapped (list_view)
         && gtk_widget_get_first_child (list_view) != NULL;
}

/* Stops the layout the session starts for every document: these tests need no scene,
 * and a big map would keep a core busy for nothing. */
static void
set_document (Fixture    *f,
              AmDocument *document)
{
  am_session_set_document (f->session, document, NULL);
  am_session_cancel (f->session);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmDocument) document = ui_test_load_fixture ("window-model.json");

  f->session = am_session_new ();
  f->sidebar = AM_SIDEBAR (am_sidebar_new ());
  g_object_ref_sink (f->sidebar);   /* ours, for g_assert_finalize_object() at the end */
  am_sidebar_set_session (f->sidebar, f->session);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 320, 640);
  gtk_window_set_child (f->window, GTK_WIDGET (f->sidebar));
  gtk_window_present (f->window);

  set_document (f, document);
  g_assert_true (ui_test_wait_for (items_ready, f));
  g_assert_true (ui_test_wait_for (rows_shown, f));
  ui_test_drain ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  ui_test_drain ();

  /* A reference kept anywhere (a signal group, a row, an idle) fails here. */
  g_assert_finalize_object (g_steal_pointer (&f->window));
  g_assert_finalize_object (g_steal_pointer (&f->sidebar));
  g_assert_finalize_object (g_steal_pointer (&f->session));
}

/* Helpers over the sidebar's seams */

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (am_sidebar_get_model (f->sidebar));
}

/* Runs the main loop until the shown list has filtered every row: a large list is
 * filtered in batches from idle callbacks (am-sidebar.c). */
static void
wait_filtered (Fixture *f)
{
  GtkFilterListModel *model = GTK_FILTER_LIST_MODEL (am_sidebar_get_model (f->sidebar));
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_filter_list_model_get_pending (model) > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gtk_filter_list_model_get_pending (model), ==, 0);
}

static AmItem *
row_item (Fixture *f,
          guint    position)
{
  g_autoptr(AmItem) item = g_list_model_get_item (am_sidebar_get_model (f->sidebar), position);

  return item;   /* the model keeps it alive */
}

/* Position of the item with @id in the list, or -1. */
static int
row_position (Fixture    *f,
              const char *id)
{
  for (guint i = 0; i < n_rows (f); i++)
    if (g_str_equal (am_item_get_id (row_item (f, i)), id))
      return i;

  return -1;
}

static GtkSingleSelection *
list_selection (Fixture *f)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (am_sidebar_get_list_view (f->sidebar)));
}

static const char *
selected_id (Fixture *f)
{
  AmItem *item = gtk_single_selection_get_selected_item (list_selection (f));

  return item ? am_item_get_id (item) : NULL;
}

/* The row widget on screen that shows @id, or NULL. */
static AmSidebarRow *
row_widget (Fixture    *f,
            const char *id)
{
  GtkWidget *list_view = GTK_WIDGET (am_sidebar_get_list_view (f->sidebar));

  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      AmItem *item;

      if (AM_IS_SIDEBAR_ROW (row) && gtk_widget_get_child_visible (child)
          && (item = am_sidebar_row_get_item (AM_SIDEBAR_ROW (row))) != NULL
          && g_str_equal (am_item_get_id (item), id))
        return AM_SIDEBAR_ROW (row);
    }

  return NULL;
}

static const char *
stack_page (Fixture *f)
{
  GtkStack *stack = GTK_STACK (ui_test_find_type (GTK_WIDGET (f->sidebar), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkEditable *
search_entry (Fixture *f)
{
  return GTK_EDITABLE (ui_test_find_type (GTK_WIDGET (f->sidebar), GTK_TYPE_SEARCH_ENTRY));
}

/* Tests */

static void
test_actors_grouped (Fixture       *f,
                     gconstpointer  data)
{
  const char *order[] = { "portugal", "silva", "bob", "seoul", "yonhap" };
  AmSidebarRow *row;

  /* Without a search the list is the actors, by kind then name, and nothing else. */
  g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpstr (am_item_get_id (row_item (f, i)), ==, order[i]);
      g_assert_cmpint (am_item_get_item_type (row_item (f, i)), ==, AM_ITEM_ENTITY);
    }
  g_assert_cmpint (row_position (f, "r-meet"), ==, -1);
  g_assert_cmpint (row_position (f, "s-talk"), ==, -1);
  g_assert_cmpstr (stack_page (f), ==, "list");

  /* A heading above the first row of each group, none above the second. */
  row = row_widget (f, "portugal");
  g_assert_nonnull (row);
  g_assert_true (am_sidebar_row_get_show_heading (row));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "States"));
  row = row_widget (f, "silva");
  g_assert_true (am_sidebar_row_get_show_heading (row));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "People"));
  row = row_widget (f, "bob");
  g_assert_false (am_sidebar_row_get_show_heading (row));
  g_assert_null (ui_test_find_label (GTK_WIDGET (row), "People"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "Envoy"));

  /* Names from the file are plain text, never markup. */
  row = row_widget (f, "silva");
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "Ana <b>Silva</b> & Co"));

  /* The list item around a row is named after its actor, with the subtitle as its
   * description; the list itself is "Actors". */
  gtk_test_accessible_assert_property (gtk_widget_get_parent (GTK_WIDGET (row_widget (f, "bob"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Bob Kim");
  gtk_test_accessible_assert_property (gtk_widget_get_parent (GTK_WIDGET (row_widget (f, "bob"))),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Envoy");
  gtk_test_accessible_assert_property (am_sidebar_get_list_view (f->sidebar),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Actors");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  AmSidebarRow *row;
  AmSidebarRow *bob_row;

  /* The actor list keeps its rows through a search: the results are a list of their
   * own, so typing never throws away and rebuilds the rows of every actor in view. */
  ui_test_drain ();
  bob_row = row_widget (f, "bob");
  g_assert_nonnull (bob_row);
  g_object_add_weak_pointer (G_OBJECT (bob_row), (gpointer *) &bob_row);

  /* A word of a quote finds the statement; the entry shows the session's text. */
  am_session_set_search_text (f->session, "listening");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (f)), ==, "listening");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (am_item_get_id (row_item (f, 0)), ==, "s-talk");
  g_assert_cmpstr (am_session_get_search_text (f->session), ==, "listening");
  ui_test_drain ();
  row = row_widget (f, "s-talk");
  g_assert_nonnull (row);
  g_assert_true (am_sidebar_row_get_show_heading (row));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "Statements"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "“We will keep talking & <listening>,”"));

  /* Relations are found by label, with their heading. */
  am_session_set_search_text (f->session, "greets");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (am_item_get_id (row_item (f, 0)), ==, "r-meet");
  ui_test_drain ();
  row = row_widget (f, "r-meet");
  g_assert_nonnull (row);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "Relations"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (row), "meets & greets"));

  /* A name finds the actor and what it takes part in, each group under its heading:
   * the rows that were first of their group before may not be now. */
  am_session_set_search_text (f->session, "silva");
  g_assert_cmpint (row_position (f, "silva"), ==, 0);
  g_assert_cmpint (row_position (f, "r-meet"), >, 0);
  g_assert_cmpint (row_position (f, "s-talk"), >, 0);
  g_assert_cmpint (row_position (f, "bob"), ==, -1);
  ui_test_drain ();
  g_assert_true (am_sidebar_row_get_show_heading (row_widget (f, "silva")));
  g_assert_true (am_sidebar_row_get_show_heading (row_widget (f, "r-meet")));
  g_assert_false (am_sidebar_row_get_show_heading (row_widget (f, "r-visit")));

  /* A row that keeps its item and its place while the row before it changes (the
   * list view does not bind it again) still gets its heading right. */
  am_session_set_search_text (f->session, "al");
  g_assert_cmpint (row_position (f, "silva"), ==, 1);
  g_assert_cmpint (row_position (f, "r-minister"), ==, 2);
  ui_test_drain ();
  g_assert_true (am_sidebar_row_get_show_heading (row_widget (f, "r-minister")));
  am_session_set_search_text (f->session, "is");
  g_assert_cmpint (row_position (f, "r-visit"), ==, 1);
  g_assert_cmpint (row_position (f, "r-minister"), ==, 2);
  ui_test_drain ();
  g_assert_true (am_sidebar_row_get_show_heading (row_widget (f, "r-visit")));
  g_assert_false (am_sidebar_row_get_show_heading (row_widget (f, "r-minister")));

  /* Nothing matches: the empty page. */
  am_session_set_search_text (f->session, "zzzz");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "empty");

  /* Typing in the entry sets the session's search (after the entry's short delay). */
  gtk_editable_set_text (search_entry (f), "BOB");
  while (g_strcmp0 (am_session_get_search_text (f->session), "BOB") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (stack_page (f), ==, "results");
  gtk_test_accessible_assert_property (am_sidebar_get_list_view (f->sidebar),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search Results");
  g_assert_cmpint (row_position (f, "bob"), >=, 0);
  g_assert_cmpint (row_position (f, "portugal"), ==, -1);

  /* Clearing the search gives the actors back, and nothing else, in the very rows they
   * had before. */
  am_session_set_search_text (f->session, "");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (f)), ==, "");
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpuint (n_rows (f), ==, 5);
  ui_test_drain ();
  g_assert_nonnull (bob_row);
  g_assert_true (row_widget (f, "bob") == bob_row);
  g_object_remove_weak_pointer (G_OBJECT (bob_row), (gpointer *) &bob_row);
  ui_test_drain ();
  g_assert_cmpstr (am_session_get_search_text (f->session), ==, "");
}

static void
test_enter_selects_first_match (Fixture       *f,
                                gconstpointer  data)
{
  am_session_set_search_text (f->session, "greets");
  g_signal_emit_by_name (search_entry (f), "activate");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-meet");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_SEARCH);
  g_assert_cmpstr (selected_id (f), ==, "r-meet");

  /* Enter right after typing, before the entry's search delay: the text it shows counts. */
  gtk_editable_set_text (search_entry (f), "seoul");
  g_signal_emit_by_name (search_entry (f), "activate");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "seoul");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_SEARCH);

  /* No match: Enter selects nothing new. */
  am_session_set_search_text (f->session, "zzzz");
  g_signal_emit_by_name (search_entry (f), "activate");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "seoul");
}

static gboolean
focus_in_list (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL
         && (focus == GTK_WIDGET (am_sidebar_get_list_view (f->sidebar))
             || gtk_widget_is_ancestor (focus, GTK_WIDGET (am_sidebar_get_list_view (f->sidebar))));
}

static gboolean
focus_in_entry (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (search_entry (f)));
}

static void
test_stop_search (Fixture       *f,
                  gconstpointer  data)
{
  /* Ctrl+F lands in the entry, with its text selected to type over. */
  am_session_set_search_text (f->session, "greets");
  am_sidebar_focus_search (f->sidebar);
  g_assert_true (ui_test_wait_for (focus_in_entry, f));

  /* Escape clears the search first… */
  g_signal_emit_by_name (search_entry (f), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (f)), ==, "");
  g_assert_cmpstr (am_session_get_search_text (f->session), ==, "");
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_true (focus_in_entry (f));

  /* …and in an empty search hands focus to the list. */
  g_signal_emit_by_name (search_entry (f), "stop-search");
  g_assert_true (ui_test_wait_for (focus_in_list, f));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
count_reveal_cb (AmSession         *session,
                 const char        *id,
                 AmSelectionOrigin  origin,
                 guint             *count)
{
  /* Only what the list chose counts. */
  if (origin == AM_SELECTION_ORIGIN_LIST)
    (*count)++;
}

static void
test_row_selects (Fixture       *f,
                  gconstpointer  data)
{
  GtkListView *list_view = am_sidebar_get_list_view (f->sidebar);
  int position = row_position (f, "bob");
  guint notified = 0;
  AmSidebarRow *row;
  GtkEventController *gesture = NULL;
  g_autoptr(GListModel) controllers = NULL;

  /* Choosing a row (a click or the keyboard selects through the selection model). */
  g_assert_cmpint (position, >=, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (list_selection (f)), position, TRUE);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_LIST);
  g_assert_cmpstr (selected_id (f), ==, "bob");

  /* Activating the selected row chooses it again (no change of state, but "reveal"),
   * so the map flies back. */
  g_signal_connect (f->session, "reveal", G_CALLBACK (count_reveal_cb), &notified);
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", (guint) position);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");

  /* So does a single click on it (the row's own gesture, before the list's). */
  ui_test_drain ();
  row = row_widget (f, "bob");
  g_assert_nonnull (row);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && gesture == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gesture = controller;
    }
  g_assert_nonnull (gesture);
  g_signal_emit_by_name (gesture, "pressed", 1, 1.0, 1.0);
  g_assert_cmpuint (notified, ==, 2);

  /* …but a click on another row leaves that to the list's selection. */
  am_session_select (f->session, "seoul", AM_SELECTION_ORIGIN_MAP);
  notified = 0;
  g_signal_emit_by_name (gesture, "pressed", 1, 1.0, 1.0);
  g_assert_cmpuint (notified, ==, 0);
  g_signal_handlers_disconnect_by_func (f->session, count_reveal_cb, &notified);
}

static void
test_session_selects (Fixture       *f,
                      gconstpointer  data)
{
  guint notified = 0;

  /* A selection from elsewhere (the map) shows as the selected row… */
  g_signal_connect (f->session, "notify::selection", G_CALLBACK (count_cb), &notified);
  am_session_select (f->session, "seoul", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (selected_id (f), ==, "seoul");
  g_assert_cmpuint (gtk_single_selection_get_selected (list_selection (f)), ==, row_position (f, "seoul"));
  /* …without the list echoing it back. */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_MAP);
  g_signal_handlers_disconnect_by_func (f->session, count_cb, &notified);

  /* A statement is not in the list without a search: no row is selected, and the
   * session keeps its selection. */
  am_session_select (f->session, "s-talk", AM_SELECTION_ORIGIN_ARTICLE);
  g_assert_null (selected_id (f));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-talk");

  /* A search that shows it selects its row; one that hides it unselects the row but
   * keeps the session's selection. */
  am_session_set_search_text (f->session, "listening");
  g_assert_cmpstr (selected_id (f), ==, "s-talk");
  am_session_set_search_text (f->session, "zzzz");
  g_assert_null (selected_id (f));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-talk");
  am_session_set_search_text (f->session, "");

  /* Clearing clears the row. */
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (selected_id (f), ==, "bob");
  am_session_select (f->session, NULL, AM_SELECTION_ORIGIN_NONE);
  g_assert_null (selected_id (f));
}

static gboolean
bundled_shown (gpointer data)
{
  Fixture *f = data;

  return row_position (f, "bob") < 0 && n_rows (f) > 5;
}

static gboolean
bundled_search_shown (gpointer data)
{
  Fixture *f = data;

  /* Relations or statements as well as actors: the search ran over the new items. */
  for (guint i = 0; i < n_rows (f); i++)
    if (am_item_get_item_type (row_item (f, i)) != AM_ITEM_ENTITY)
      return TRUE;

  return FALSE;
}

static void
test_new_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AmDocument) bundled = ui_test_load_bundled ();
  g_autoptr(AmDocument) again = ui_test_load_fixture ("window-model.json");

  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (selected_id (f), ==, "bob");

  /* Another story: its actors replace the old ones, and "bob" is gone. */
  set_document (f, bundled);
  g_assert_true (ui_test_wait_for (bundled_shown, f));
  g_assert_null (am_session_get_selection (f->session));
  g_assert_null (selected_id (f));
  for (guint i = 0; i < n_rows (f); i++)
    g_assert_cmpint (am_item_get_item_type (row_item (f, i)), ==, AM_ITEM_ENTITY);

  /* A new document while searching: the search is run over the new items. */
  am_session_set_search_text (f->session, "silva");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  set_document (f, again);
  g_assert_true (ui_test_wait_for (bundled_search_shown, f));
  g_assert_cmpint (row_position (f, "silva"), >=, 0);
  g_assert_cmpint (row_position (f, "r-meet"), >=, 0);
  g_assert_cmpint (row_position (f, "bob"), ==, -1);
  g_assert_cmpstr (stack_page (f), ==, "results");

  /* The selection survives a reload that knows its id, and its row is selected. */
  am_session_set_search_text (f->session, "");
  am_session_select (f->session, "seoul", AM_SELECTION_ORIGIN_MAP);
  g_clear_object (&again);
  again = ui_test_load_fixture ("window-model.json");
  set_document (f, again);
  g_assert_true (ui_test_wait_for (items_ready, f));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "seoul");
  g_assert_cmpstr (selected_id (f), ==, "seoul");
}

static void
test_session_property (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AmSession) other = am_session_new ();
  guint notified = 0;

  g_signal_connect (f->sidebar, "notify::session", G_CALLBACK (count_cb), &notified);
  am_sidebar_set_session (f->sidebar, f->session);
  g_assert_cmpuint (notified, ==, 0);

  /* No session: an empty list, an empty entry, and typing goes nowhere. */
  am_session_set_search_text (f->session, "bob");
  am_sidebar_set_session (f->sidebar, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (am_sidebar_get_session (f->sidebar));
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (f)), ==, "");
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_signal_emit_by_name (search_entry (f), "activate");
  ui_test_drain ();
  g_assert_cmpstr (am_session_get_search_text (f->session), ==, "bob");

  /* The old session no longer reaches the list. */
  am_session_set_search_text (f->session, "");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (f)), ==, "");

  /* Another session, and back. */
  g_object_set (f->sidebar, "session", other, NULL);
  g_assert_true (am_sidebar_get_session (f->sidebar) == other);
  g_assert_cmpuint (n_rows (f), ==, 0);
  am_sidebar_set_session (f->sidebar, f->session);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpuint (notified, ==, 3);
  g_signal_handlers_disconnect_by_func (f->sidebar, count_cb, &notified);
}

/* A generated map of 20 000 actors (and 2 000 relations): the list recycles a few
 * dozen rows, and selecting and searching cost no widget per actor. */
static AmDocument *
large_document (guint n_actors)
{
  const char *kinds[] = { "state", "organization", "person", "person", "event", "place", "media" };
  g_autoptr(GString) json = g_string_new ("{\"format\": \"actormap\", \"version\": 1, \"entities\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  for (guint i = 0; i < n_actors; i++)
    g_string_append_printf (json, "%s{\"id\": \"a%u\", \"name\": \"Actor %u\", \"kind\": \"%s\"}",
                            i ? ", " : "", i, i, kinds[i % G_N_ELEMENTS (kinds)]);
  g_string_append (json, "], \"relations\": [");
  for (guint i = 0; i < n_actors / 10; i++)
    g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"a%u\", \"target\": \"a%u\", \"label\": \"knows\"}",
                            i ? ", " : "", i, i, (i * 7 + 1) % n_actors);
  g_string_append (json, "], \"statements\": []}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  document = am_document_load_from_bytes (bytes, "large.json", &error);
  g_assert_no_error (error);

  return document;
}

static guint large_n_actors;

static gboolean
large_ready (gpointer data)
{
  Fixture *f = data;

  return n_rows (f) == large_n_actors;
}

static guint
count_row_widgets (Fixture *f)
{
  GtkWidget *list_view = GTK_WIDGET (am_sidebar_get_list_view (f->sidebar));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread, in ms: on a shared, loaded machine wall-clock times of the
 * main thread's work mostly measure the neighbours. */
static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
test_large_model (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AmDocument) document = NULL;
  GtkAdjustment *vadjustment;
  const char *last_id;
  const char *first_id;
  gint64 start;
  gint64 end;
  double t_document, t_stall = 0, t_search, t_clear, t_select, t_select_far;
  double cpu, c_session, c_search, c_clear, c_select_far;
  guint n_actors;
  guint n_expected = 0;

  /* Under valgrind a tenth: the same code paths, in a time valgrind can afford. */
  large_n_actors = g_getenv ("AM_UNDER_VALGRIND") ? 2000 : 20000;
  for (guint i = 0; i < large_n_actors; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);

      if (strstr (number, "1999") != NULL)
        n_expected++;
    }
  document = large_document (large_n_actors);

  /* The items are built on a worker thread; the main loop only takes them in. */
  start = g_get_monotonic_time ();
  end = start + 60 * G_USEC_PER_SEC;
  set_document (f, document);
  while (!large_ready (f) && g_get_monotonic_time () < end)
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      t_stall = MAX (t_stall, ms_since (before));
    }
  g_assert_true (large_ready (f));
  t_document = ms_since (start);
  ui_test_drain ();

  /* The list view made widgets for what is on screen (GTK 4.8 keeps up to about 200
   * rows around it), not for every actor. */
  g_assert_cmpuint (count_row_widgets (f), <, 300);

  /* Search: the session matches, the filter runs once. */
  /* The session's own share: the same search with no sidebar listening. */
  am_sidebar_set_session (f->sidebar, NULL);
  cpu = thread_ms ();
  am_session_set_search_text (f->session, "1999");
  c_session = thread_ms () - cpu;
  am_session_set_search_text (f->session, "");
  am_sidebar_set_session (f->sidebar, f->session);
  ui_test_drain ();

  start = g_get_monotonic_time ();
  cpu = thread_ms ();
  am_session_set_search_text (f->session, "1999");
  t_search = ms_since (start);
  c_search = thread_ms () - cpu;
  /* A list this large is filtered in batches from idle callbacks (am-sidebar.c): the
   * first batch is there at once, the rest once the main loop has run. */
  wait_filtered (f);
  n_actors = 0;
  for (guint i = 0; i < n_rows (f); i++)
    if (am_item_get_item_type (row_item (f, i)) == AM_ITEM_ENTITY)
      {
        g_assert_nonnull (strstr (am_item_get_title (row_item (f, i)), "1999"));
        n_actors++;
      }
  /* 1999, 11999 and 19990…19999 of 20 000, then relations */
  g_assert_cmpuint (n_actors, ==, n_expected);
  start = g_get_monotonic_time ();
  cpu = thread_ms ();
  am_session_set_search_text (f->session, "");
  t_clear = ms_since (start);
  c_clear = thread_ms () - cpu;
  wait_filtered (f);
  g_assert_cmpuint (n_rows (f), ==, large_n_actors);
  ui_test_drain ();

  /* Selecting the last actor in the list: the row is found by bisection and selected,
   * and the list stays where it is. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (am_sidebar_get_list_view (f->sidebar)));
  gtk_adjustment_set_value (vadjustment, 0);
  ui_test_drain ();
  last_id = am_item_get_id (row_item (f, large_n_actors - 1));
  start = g_get_monotonic_time ();
  am_session_select (f->session, last_id, AM_SELECTION_ORIGIN_LIST);
  t_select = ms_since (start);
  g_assert_cmpuint (gtk_single_selection_get_selected (list_selection (f)), ==, large_n_actors - 1);
  ui_test_drain ();
  /* (GTK refines its estimate of row heights as it measures them: a few pixels move.) */
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, gtk_adjustment_get_page_size (vadjustment));

  /* Selecting it from the map scrolls the list down to it; the first one, back up. */
  am_session_select (f->session, last_id, AM_SELECTION_ORIGIN_MAP);
  for (int i = 0; i < 100 && gtk_adjustment_get_value (vadjustment) < gtk_adjustment_get_page_size (vadjustment); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  ui_test_drain ();
  first_id = am_item_get_id (row_item (f, 0));
  start = g_get_monotonic_time ();
  cpu = thread_ms ();
  am_session_select (f->session, first_id, AM_SELECTION_ORIGIN_MAP);
  t_select_far = ms_since (start);
  c_select_far = thread_ms () - cpu;
  g_assert_cmpuint (gtk_single_selection_get_selected (list_selection (f)), ==, 0);
  for (int i = 0; i < 100 && gtk_adjustment_get_value (vadjustment) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, gtk_adjustment_get_page_size (vadjustment));
  ui_test_drain ();
  g_assert_cmpuint (count_row_widgets (f), <, 300);

  g_test_message ("%u actors: document to rows %.0f ms (longest main-loop iteration %.1f ms); "
                  "search %.1f ms (%.1f ms CPU, of which the session %.1f ms), clear search %.1f ms (%.1f ms CPU), "
                  "select %.2f ms, select with a scroll across the list %.1f ms (%.1f ms CPU)",
                  large_n_actors, t_document, t_stall, t_search, c_search, c_session, t_clear, c_clear,
                  t_select, t_select_far, c_select_far);
}

/* The lists show the session's view: a hidden kind or a focus leaves out the actors the
 * map does not show, in the actor list and in the search results. */
static void
test_view_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AmView) view = am_view_new ();
  const char *focus[] = { "seoul", NULL };

  g_assert_cmpint (row_position (f, "bob"), >=, 0);
  g_assert_cmpint (row_position (f, "seoul"), >=, 0);

  am_view_set_kind_hidden (view, "person", TRUE);
  am_session_set_view (f->session, view);
  ui_test_drain ();
  g_assert_cmpint (row_position (f, "bob"), ==, -1);
  g_assert_cmpint (row_position (f, "silva"), ==, -1);
  g_assert_cmpint (row_position (f, "seoul"), >=, 0);
  g_assert_cmpint (row_position (f, "portugal"), >=, 0);

  am_view_clear_filters (view);
  am_view_set_focus (view, focus, 1, AM_VIEW_DIRECTION_BOTH);
  am_session_set_view (f->session, view);
  ui_test_drain ();
  g_assert_cmpint (row_position (f, "silva"), >=, 0);
  g_assert_cmpint (row_position (f, "seoul"), >=, 0);
  g_assert_cmpint (row_position (f, "bob"), ==, -1);
  g_assert_cmpint (row_position (f, "yonhap"), ==, -1);

  /* The search finds only what the view shows. */
  am_session_set_search_text (f->session, "Bob");
  ui_test_drain ();
  g_assert_cmpint (row_position (f, "bob"), ==, -1);

  /* The whole map again. */
  am_session_set_view (f->session, NULL);
  ui_test_drain ();
  g_assert_cmpint (row_position (f, "bob"), >=, 0);
  am_session_set_search_text (f->session, "");
  ui_test_drain ();
  g_assert_cmpint (row_position (f, "yonhap"), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/Actormap/Sidebar/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("actors-grouped", test_actors_grouped);
  ADD ("search", test_search);
  ADD ("enter-selects-first-match", test_enter_selects_first_match);
  ADD ("stop-search", test_stop_search);
  ADD ("row-selects", test_row_selects);
  ADD ("session-selects", test_session_selects);
  ADD ("new-document", test_new_document);
  ADD ("session-property", test_session_property);
  ADD ("large-model", test_large_model);
  ADD ("view-filters", test_view_filters);

#undef ADD

  return g_test_run ();
}
