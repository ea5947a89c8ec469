/* test-explore.c — exploring the map in the window: legend toggles, the filter popover,
 * focus and its bar, paths and their panel, groups, Escape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-canvas-private.h"
#include "am-window-private.h"
#include "ui-test.h"

/* White-box, like test-window.c: the window's private header gives its widgets, and the
 * canvas's the click seam with modifiers.  Every test asserts what the map draws (the
 * canvas's scene, which is the session's view-scene) and what the session's view is. */

typedef struct
{
  AmWindow   *window;
  AmSession  *session;    /* the window's */
  AmDocument *document;
} Fixture;

static gboolean
scene_ready (gpointer data)
{
  Fixture *f = data;

  return am_session_get_scene (f->session) != NULL && !am_session_get_busy (f->session)
         && am_canvas_get_scene (f->window->canvas) != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (f->window->canvas))
         && gtk_widget_get_width (GTK_WIDGET (f->window->canvas)) > 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = g_object_new (AM_TYPE_WINDOW, NULL);
  g_object_ref (f->window);
  f->session = am_window_get_session (f->window);

  /* The bundled map: the article's people, their states, the sentences. */
  f->document = ui_test_load_bundled ();
  am_session_set_document (f->session, f->document, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));

  g_assert_true (ui_test_wait_for (scene_ready, f));
  ui_test_drain ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  AmWindow *window = g_steal_pointer (&f->window);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_drain ();
  g_assert_finalize_object (window);
  g_assert_finalize_object (g_steal_pointer (&f->document));
}

/* What the map draws */

static AmScene *
drawn (Fixture *f)
{
  AmScene *scene = am_canvas_get_scene (f->window->canvas);

  /* The canvas draws the view of the laid-out map, nothing else. */
  g_assert_true (scene == am_session_get_view_scene (f->session));
  return scene;
}

static gboolean
drawn_has_node (Fixture    *f,
                const char *id)
{
  return am_scene_find_node (drawn (f), id) >= 0;
}

static guint
drawn_n_of_kind (Fixture    *f,
                 const char *kind)
{
  AmScene *scene = drawn (f);
  guint n = 0;

  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    if (g_strcmp0 (am_scene_get_node (scene, i)->kind, kind) == 0)
      n++;

  return n;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted "a,b,c" of the node ids drawn. */
static char *
drawn_ids (Fixture *f)
{
  AmScene *scene = drawn (f);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    g_ptr_array_add (ids, am_scene_get_node (scene, i)->id);
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (",", (char **) ids->pdata);
}

/* The same list, worked out from the JSON's relations: @id and its neighbours. */
static char *
expected_neighbourhood (Fixture    *f,
                        const char *id)
{
  GListModel *relations = am_document_get_relations (f->document);
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **ids = NULL;
  guint n;

  g_hash_table_add (set, (gpointer) id);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (am_relation_get_source (relation), id) == 0)
        g_hash_table_add (set, (gpointer) am_relation_get_target (relation));
      if (g_strcmp0 (am_relation_get_target (relation), id) == 0)
        g_hash_table_add (set, (gpointer) am_relation_get_source (relation));
    }

  ids = (const char **) g_hash_table_get_keys_as_array (set, &n);
  g_qsort_with_data (ids, n, sizeof (char *), (GCompareDataFunc) compare_ids, NULL);
  return g_strjoinv (",", (char **) ids);
}

static void
node_point (Fixture    *f,
            const char *id,
            double     *x,
            double     *y)
{
  AmScene *scene = drawn (f);
  gint index = am_scene_find_node (scene, id);
  const AmRect *box;

  g_assert_cmpint (index, >=, 0);
  box = &am_scene_get_node (scene, index)->box;
  am_canvas_scene_to_widget (f->window->canvas, box->x + box->width / 2,
                             box->y + box->height / 2, x, y);
}

static void
activate (Fixture    *f,
          const char *action,
          const char *target)
{
  gboolean done;

  if (target != NULL)
    done = gtk_widget_activate_action (GTK_WIDGET (f->window->canvas), action, "s", target);
  else
    done = gtk_widget_activate_action (GTK_WIDGET (f->window->canvas), action, NULL);
  g_assert_true (done);
  ui_test_drain ();
}

/* A button or check button of @root's tree with the label @label. */
static GtkWidget *
find_labelled (GtkWidget  *root,
               const char *label)
{
  const char *text = NULL;

  if (GTK_IS_BUTTON (root))
    text = gtk_button_get_label (GTK_BUTTON (root));
  else if (GTK_IS_CHECK_BUTTON (root))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
  if (g_strcmp0 (text, label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* With AM_TEST_SCREENSHOT_DIR set, the window as drawn goes to <dir>/<name>.png (the
 * README's screenshots come from here); otherwise nothing. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("AM_TEST_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (f->window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Let the map settle: flights end, the layers render. */
  for (int i = 0; i < 40; i++)
    {
      g_usleep (25 * 1000);
      ui_test_drain ();
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
}

/* The legend is a set of toggles */

static gboolean
find_legend_row (Fixture    *f,
                 const char *wanted,
                 double     *x,
                 double     *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->window->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window->canvas));

  for (int py = 0; py < height; py += 2)
    for (int px = 0; px < width; px += 8)
      {
        gboolean is_kind = FALSE;
        g_autofree char *name = _am_canvas_legend_entry_at (f->window->canvas, px, py, &is_kind);

        if (name != NULL && is_kind && g_strcmp0 (name, wanted) == 0)
          {
            *x = px;
            *y = py;
            return TRUE;
          }
      }

  return FALSE;
}

static void
test_legend_toggle (Fixture       *f,
                    gconstpointer  data)
{
  guint people = drawn_n_of_kind (f, "person");
  double x = 0, y = 0;

  g_assert_cmpuint (people, ==, 8);
  g_assert_true (find_legend_row (f, "person", &x, &y));

  /* A click on the row hides the kind: no person on the map, the legend still lists it. */
  am_canvas_click_at (f->window->canvas, x, y);
  ui_test_drain ();
  g_assert_true (am_view_get_kind_hidden (am_session_get_view (f->session), "person"));
  g_assert_cmpuint (drawn_n_of_kind (f, "person"), ==, 0);
  g_assert_cmpuint (drawn_n_of_kind (f, "state"), ==, 5);
  save_screenshot (f, "explore-legend");
  {
    g_autofree char *still = _am_canvas_legend_entry_at (f->window->canvas, x, y, NULL);

    g_assert_cmpstr (still, ==, "person");
  }
  /* The filter popover agrees. */
  g_assert_false (gtk_check_button_get_active (am_filter_popover_get_check (f->window->filter_popover,
                                                                             TRUE, "person")));
  /* The map was not laid out again: the same laid-out scene under a new view-scene. */
  g_assert_true (am_session_get_scene (f->session) != drawn (f));

  /* A second click shows it again, and the view is the whole map. */
  am_canvas_click_at (f->window->canvas, x, y);
  ui_test_drain ();
  g_assert_false (am_view_get_kind_hidden (am_session_get_view (f->session), "person"));
  g_assert_cmpuint (drawn_n_of_kind (f, "person"), ==, people);
  g_assert_true (am_view_is_whole_map (am_session_get_view (f->session)));
}

/* The filter popover: check buttons with counts, Show All */

static void
test_filter_popover (Fixture       *f,
                     gconstpointer  data)
{
  AmFilterPopover *popover = f->window->filter_popover;
  GtkCheckButton *states = am_filter_popover_get_check (popover, TRUE, "state");
  GtkCheckButton *hostility = am_filter_popover_get_check (popover, FALSE, "hostility");
  g_autoptr(AmView) view = NULL;
  GtkWidget *button;

  g_assert_nonnull (states);
  g_assert_nonnull (hostility);
  g_assert_null (am_filter_popover_get_check (popover, TRUE, "no-such-kind"));
  /* The count is the document's: five states. */
  g_assert_cmpstr (gtk_check_button_get_label (states), ==, "State (5)");

  gtk_check_button_set_active (states, FALSE);
  ui_test_drain ();
  g_assert_true (am_view_get_kind_hidden (am_session_get_view (f->session), "state"));
  g_assert_cmpuint (drawn_n_of_kind (f, "state"), ==, 0);
  g_assert_false (drawn_has_node (f, "north-korea"));

  /* A change of view from elsewhere shows in the popover. */
  view = am_view_copy (am_session_get_view (f->session));
  am_view_set_type_hidden (view, "hostility", TRUE);
  am_session_set_view (f->session, view);
  ui_test_drain ();
  g_assert_false (gtk_check_button_get_active (hostility));

  /* Show All: every kind and type again. */
  button = gtk_widget_get_last_child (gtk_popover_get_child (GTK_POPOVER (popover)));
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_drain ();
  g_assert_true (am_view_is_whole_map (am_session_get_view (f->session)));
  g_assert_true (gtk_check_button_get_active (states));
  g_assert_true (gtk_check_button_get_active (hostility));
  g_assert_true (drawn_has_node (f, "north-korea"));
}

/* Focus: the context menu's action, the view bar, depth, Escape */

static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *expected = expected_neighbourhood (f, "kim-yo-jong");
  g_autofree char *ids = NULL;
  g_autofree char *text = NULL;
  guint depth1;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->view_bar)));

  activate (f, "canvas.focus", "kim-yo-jong");
  ids = drawn_ids (f);
  /* Depth 1: exactly her neighbours, as the JSON has them. */
  g_assert_cmpstr (ids, ==, expected);
  depth1 = am_scene_get_n_nodes (drawn (f));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->view_bar)));
  text = am_view_bar_dup_text (f->window->view_bar);
  g_assert_cmpstr (text, ==, "Focus: Kim Yo Jong");

  /* Depth 2 through the bar's button: more of the map. */
  {
    GtkWidget *button = find_labelled (GTK_WIDGET (f->window->view_bar), "2");

    g_assert_nonnull (button);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    ui_test_drain ();
  }
  g_assert_cmpuint (am_view_get_depth (am_session_get_view (f->session)), ==, 2);
  g_assert_cmpuint (am_scene_get_n_nodes (drawn (f)), >, depth1);
  save_screenshot (f, "explore-focus");

  /* Escape on the map returns to the whole map, and keeps the selection. */
  am_session_select (f->session, "kim-yo-jong", AM_SELECTION_ORIGIN_NONE);
  activate (f, "canvas.escape", NULL);
  g_assert_null (am_view_get_focus (am_session_get_view (f->session)));
  g_assert_cmpuint (am_scene_get_n_nodes (drawn (f)), ==, 29);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "kim-yo-jong");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->view_bar)));

  /* With nothing to leave, Escape clears the selection as before. */
  activate (f, "canvas.escape", NULL);
  g_assert_null (am_session_get_selection (f->session));

  /* F focuses on the selection. */
  am_session_select (f->session, "joe-biden", AM_SELECTION_ORIGIN_NONE);
  activate (f, "canvas.focus-selection", NULL);
  g_assert_cmpstr (am_view_get_focus (am_session_get_view (f->session))[0], ==, "joe-biden");
  g_assert_true (drawn_has_node (f, "joe-biden"));

  /* The bar's close button. */
  am_view_bar_close (f->window->view_bar);
  ui_test_drain ();
  g_assert_true (am_view_is_whole_map (am_session_get_view (f->session)));
}

/* Ctrl+click adds an actor to the focus, and takes it out again */

static void
test_ctrl_click (Fixture       *f,
                 gconstpointer  data)
{
  const char * const *focus;
  double x = 0, y = 0;

  activate (f, "canvas.focus", "kim-yo-jong");
  node_point (f, "kim-jong-un", &x, &y);
  _am_canvas_click (f->window->canvas, x, y, GDK_CONTROL_MASK, 1);
  ui_test_drain ();

  focus = am_view_get_focus (am_session_get_view (f->session));
  g_assert_nonnull (focus);
  g_assert_true (g_strv_contains (focus, "kim-yo-jong"));
  g_assert_true (g_strv_contains (focus, "kim-jong-un"));
  /* A Ctrl+click changes the focus, not the selection. */
  g_assert_null (am_session_get_selection (f->session));

  node_point (f, "kim-jong-un", &x, &y);
  _am_canvas_click (f->window->canvas, x, y, GDK_CONTROL_MASK, 1);
  ui_test_drain ();
  focus = am_view_get_focus (am_session_get_view (f->session));
  g_assert_false (g_strv_contains (focus, "kim-jong-un"));
}

/* Paths: select one, "Path To Here" on the other; the panel names each step's sentence */

static void
test_path (Fixture       *f,
           gconstpointer  data)
{
  AmViewResult *result;
  g_auto(GStrv) lines = NULL;
  GHashTable *emphasis;
  guint n_steps = 0;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->path_panel)));

  am_session_select (f->session, "kim-yo-jong", AM_SELECTION_ORIGIN_NONE);
  activate (f, "canvas.path-to", "joe-biden");

  g_assert_cmpstr (am_view_get_path_from (am_session_get_view (f->session)), ==, "kim-yo-jong");
  g_assert_cmpstr (am_view_get_path_to (am_session_get_view (f->session)), ==, "joe-biden");
  result = am_session_get_view_result (f->session);
  g_assert_cmpuint (am_view_result_get_n_paths (result), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->path_panel)));

  /* One line per step, each with its relation's evidence sentence. */
  lines = am_path_panel_dup_lines (f->window->path_panel);
  for (guint p = 0; p < am_view_result_get_n_paths (result) && p < AM_VIEW_MAX_PATHS; p++)
    {
      const AmViewPath *path = am_view_result_get_path (result, p);

      for (guint s = 0; s < path->n_steps; s++)
        {
          AmRelation *relation = am_document_lookup_relation (f->document, path->steps[s].relation_id);
          GPtrArray *evidence = am_relation_get_evidence (relation);
          const char *line = lines[n_steps++];

          g_assert_nonnull (line);
          g_assert_nonnull (evidence);
          g_assert_cmpuint (evidence->len, >, 0);
          g_assert_nonnull (strstr (line, am_evidence_get_text (g_ptr_array_index (evidence, 0))));
          g_assert_nonnull (strstr (line, am_relation_get_label (relation)));
        }
    }
  g_assert_cmpuint (n_steps, >, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, n_steps);
  g_assert_true (g_str_has_prefix (lines[0], "Kim Yo Jong —"));

  /* The map dims the rest: everything is drawn, the highlight is the path. */
  g_assert_cmpuint (am_scene_get_n_nodes (drawn (f)), ==, 29);
  g_assert_true (g_hash_table_contains (am_session_get_highlight (f->session), "joe-biden"));
  g_assert_false (g_hash_table_contains (am_session_get_highlight (f->session), "hanoi"));

  /* A step selects its relation (the article then marks the sentence). */
  g_assert_true (am_path_panel_activate_step (f->window->path_panel, 0));
  ui_test_drain ();
  save_screenshot (f, "explore-path");
  g_assert_cmpstr (am_session_get_selection (f->session), ==,
                   am_view_result_get_path (result, 0)->steps[0].relation_id);
  g_assert_false (am_path_panel_activate_step (f->window->path_panel, n_steps));

  /* Hide Others draws exactly the actors on the shortest paths. */
  gtk_check_button_set_active (am_path_panel_get_hide_others (f->window->path_panel), TRUE);
  ui_test_drain ();
  g_assert_true (am_view_get_path_hide_others (am_session_get_view (f->session)));
  emphasis = am_view_result_get_emphasis (am_session_get_view_result (f->session));
  for (guint i = 0; i < am_scene_get_n_nodes (drawn (f)); i++)
    g_assert_true (g_hash_table_contains (emphasis, am_scene_get_node (drawn (f), i)->id));
  g_assert_true (drawn_has_node (f, "kim-yo-jong"));
  g_assert_true (drawn_has_node (f, "joe-biden"));
  g_assert_false (drawn_has_node (f, "hanoi"));

  /* Escape: the whole map, the panel gone. */
  activate (f, "canvas.escape", NULL);
  g_assert_null (am_view_get_path_from (am_session_get_view (f->session)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->path_panel)));
  g_assert_cmpuint (am_scene_get_n_nodes (drawn (f)), ==, 29);
}

/* Either end first: "Path From Here" waits for "Path To Here" */

static void
test_path_two_steps (Fixture       *f,
                     gconstpointer  data)
{
  activate (f, "canvas.path-from", "joe-biden");
  /* One end is not a path yet. */
  g_assert_null (am_view_get_path_from (am_session_get_view (f->session)));
  g_assert_cmpstr (_am_canvas_explore_get_path_anchor (f->window->canvas, NULL), ==, "joe-biden");

  activate (f, "canvas.path-to", "kim-yo-jong");
  g_assert_cmpstr (am_view_get_path_from (am_session_get_view (f->session)), ==, "joe-biden");
  g_assert_cmpstr (am_view_get_path_to (am_session_get_view (f->session)), ==, "kim-yo-jong");
  g_assert_null (_am_canvas_explore_get_path_anchor (f->window->canvas, NULL));
}

/* Two actors the view leaves unconnected: the panel says so */

static void
test_no_path (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AmView) view = am_view_copy (am_session_get_view (f->session));
  GListModel *relations = am_document_get_relations (f->document);
  g_auto(GStrv) lines = NULL;

  /* Every relation type hidden: nothing joins anyone. */
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (am_relation_get_rel_type (relation) != NULL)
        am_view_set_type_hidden (view, am_relation_get_rel_type (relation), TRUE);
    }
  am_view_set_path (view, "kim-yo-jong", "joe-biden", FALSE);
  am_session_set_view (f->session, view);
  ui_test_drain ();

  g_assert_cmpuint (am_view_result_get_n_paths (am_session_get_view_result (f->session)), ==, 0);
  lines = am_path_panel_dup_lines (f->window->path_panel);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "No path between Kim Yo Jong and Joe Biden");
  g_assert_false (am_path_panel_activate_step (f->window->path_panel, 0));
}

/* Groups: the context menu collapses an actor's group; a double click expands it */

static gboolean
menu_has (GMenuModel *menu,
          const char *action,
          const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = NULL;

      if (section != NULL && menu_has (section, action, target))
        return TRUE;
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name))
        continue;
      value = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      if (g_strcmp0 (name, action) == 0
          && (target == NULL || (value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)))
        return TRUE;
    }

  return FALSE;
}

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GMenuModel) actor = _am_canvas_explore_menu (f->window->canvas, "kim-jong-un", NULL);
  g_autoptr(GMenuModel) empty = _am_canvas_explore_menu (f->window->canvas, NULL, NULL);

  g_assert_true (menu_has (actor, "canvas.focus", "kim-jong-un"));
  g_assert_true (menu_has (actor, "canvas.path-from", "kim-jong-un"));
  g_assert_true (menu_has (actor, "canvas.path-to", "kim-jong-un"));
  /* The bundled map groups people with their states. */
  g_assert_true (menu_has (actor, "canvas.collapse-group", "north-korea"));
  g_assert_false (menu_has (actor, "canvas.whole-map", NULL));
  g_assert_cmpint (g_menu_model_get_n_items (empty), ==, 0);

  /* Menu (or Shift+F10) opens the selected actor's menu over the map. */
  am_session_select (f->session, "kim-jong-un", AM_SELECTION_ORIGIN_NONE);
  activate (f, "canvas.context-menu", NULL);
  {
    GtkWidget *popover = _am_canvas_get_context_menu (f->window->canvas);

    g_assert_true (gtk_widget_get_visible (popover));
    g_assert_true (menu_has (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                             "canvas.focus", "kim-jong-un"));
    gtk_popover_popdown (GTK_POPOVER (popover));
    ui_test_drain ();
  }

  activate (f, "canvas.focus", "kim-jong-un");
  {
    g_autoptr(GMenuModel) focused = _am_canvas_explore_menu (f->window->canvas, "kim-yo-jong", NULL);

    g_assert_true (menu_has (focused, "canvas.add-to-focus", "kim-yo-jong"));
    g_assert_true (menu_has (focused, "canvas.whole-map", NULL));
  }
}

static void
test_collapse (Fixture       *f,
               gconstpointer  data)
{
  AmGroups *groups = am_session_get_groups (f->session);
  double x = 0, y = 0;

  g_assert_cmpstr (am_groups_lookup (groups, "kim-jong-un"), ==, "north-korea");

  activate (f, "canvas.collapse-group", "north-korea");
  g_assert_true (am_view_get_collapsed (am_session_get_view (f->session), "north-korea"));
  g_assert_true (drawn_has_node (f, "group:north-korea"));
  /* Every member is inside the one node; other groups' members stay. */
  {
    const char * const *members = am_groups_get_members (groups, am_groups_find (groups, "north-korea"));

    g_assert_true (g_strv_contains (members, "kim-jong-un"));
    for (guint i = 0; members[i] != NULL; i++)
      g_assert_false (drawn_has_node (f, members[i]));
  }
  g_assert_true (drawn_has_node (f, "joe-biden"));
  if (g_getenv ("AM_TEST_SCREENSHOT_DIR") != NULL)
    {
      am_canvas_set_zoom (f->window->canvas, 1.0);
      am_canvas_fly_to (f->window->canvas, "group:north-korea");
    }
  save_screenshot (f, "explore-collapse");

  /* The collapsed node's menu expands it. */
  {
    g_autoptr(GMenuModel) menu = _am_canvas_explore_menu (f->window->canvas, "group:north-korea", NULL);

    g_assert_true (menu_has (menu, "canvas.expand-group", "north-korea"));
  }

  /* A double click on it expands it. */
  node_point (f, "group:north-korea", &x, &y);
  _am_canvas_click (f->window->canvas, x, y, 0, 1);
  _am_canvas_click (f->window->canvas, x, y, 0, 2);
  ui_test_drain ();
  g_assert_false (am_view_get_collapsed (am_session_get_view (f->session), "north-korea"));
  g_assert_false (drawn_has_node (f, "group:north-korea"));
  g_assert_true (drawn_has_node (f, "kim-jong-un"));
}

/* Group Actors (filter popover) lays the map out again with clusters */

static gboolean
clustered (gpointer data)
{
  Fixture *f = data;
  AmScene *scene = am_session_get_scene (f->session);

  return scene != NULL && !am_session_get_busy (f->session) && am_scene_get_n_clusters (scene) > 0
         && am_canvas_get_scene (f->window->canvas) == am_session_get_view_scene (f->session);
}

static void
test_group_actors (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *check = find_labelled (gtk_popover_get_child (GTK_POPOVER (f->window->filter_popover)),
                                                      "_Group Actors");

  g_assert_nonnull (check);
  g_assert_false (am_session_get_group_actors (f->session));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (am_session_get_group_actors (f->session));
  g_assert_true (ui_test_wait_for (clustered, f));

  /* Empty space inside a cluster offers to collapse its group. */
  {
    AmScene *scene = drawn (f);
    const AmSceneCluster *cluster = NULL;

    double x, y;

    for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
      if (strstr (am_scene_get_cluster (scene, i)->id, "north-korea") != NULL)
        cluster = am_scene_get_cluster (scene, i);
    g_assert_nonnull (cluster);

    /* A point of the cluster with nothing drawn on it: the cluster's group. */
    {
      gboolean found = FALSE;

      for (double sy = cluster->box.y + 2; !found && sy < cluster->box.y + cluster->box.height; sy += 4)
        for (double sx = cluster->box.x + 2; !found && sx < cluster->box.x + cluster->box.width; sx += 4)
          {
            am_canvas_scene_to_widget (f->window->canvas, sx, sy, &x, &y);
            found = _am_canvas_hit_test (f->window->canvas, x, y) == NULL
                    && !_am_canvas_point_in_legend (f->window->canvas, x, y);
          }
      g_assert_true (found);
    }
    g_assert_cmpstr (_am_canvas_explore_cluster_at (f->window->canvas, x, y), ==, "north-korea");
    {
      g_autoptr(GMenuModel) menu = _am_canvas_explore_menu (f->window->canvas, NULL, "north-korea");

      g_assert_true (menu_has (menu, "canvas.collapse-group", "north-korea"));
    }
  }
  save_screenshot (f, "explore-groups");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/Actormap/Explore/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("legend-toggle", test_legend_toggle);
  ADD ("filter-popover", test_filter_popover);
  ADD ("focus", test_focus);
  ADD ("ctrl-click", test_ctrl_click);
  ADD ("path", test_path);
  ADD ("path-two-steps", test_path_two_steps);
  ADD ("no-path", test_no_path);
  ADD ("context-menu", test_context_menu);
  ADD ("collapse", test_collapse);
  ADD ("group-actors", test_group_actors);

#undef ADD

  return g_test_run ();
}
