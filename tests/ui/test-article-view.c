/* test-article-view.c — the article pane on its own, following an AmSession, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "am-article-view.h"
#include "ui-test.h"

/* The pane is driven through the session (what the rest of the window does) and
 * through the seam its click gesture calls (am_article_view_activate_at). */

typedef struct
{
  AmSession     *session;
  AmDocument    *document;
  GtkWindow     *window;
  AmArticleView *view;
} Fixture;

/* A document without article text, like an imported Graphviz file. */
static AmDocument *
new_graph_document (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "a", "name", "A", NULL));
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "b", "name", "B", NULL));
  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "a->b", "source", "a",
                                            "target", "b", NULL));
  document = am_document_new_from_objects ("G", entities, relations, &error);
  g_assert_no_error (error);

  return document;
}

/* The byte offset of @text in @paragraph of @document. */
static gssize
offset_of (AmDocument *document,
           guint       paragraph,
           const char *text)
{
  const char *p = am_document_get_paragraphs (document)[paragraph];
  const char *found = strstr (p, text);

  g_assert_nonnull (found);

  return found - p;
}

typedef gboolean (*Condition) (Fixture *f);

static gboolean
wait_for (Fixture   *f,
          Condition  cond)
{
  return ui_test_wait_for ((UiTestCondition) cond, f);
}

static GtkAdjustment *
vadjustment (Fixture *f)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (am_article_view_get_text_view (f->view)));
}

static gboolean
view_ready (Fixture *f)
{
  GtkAdjustment *adj = vadjustment (f);

  return gtk_widget_get_mapped (GTK_WIDGET (f->view))
         && gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj);
}

static gboolean
session_idle (Fixture *f)
{
  AmDocument *document = am_session_get_document (f->session);

  return !am_session_get_busy (f->session)
         && (document == NULL
             || g_list_model_get_n_items (am_document_get_entities (document)) == 0
             || g_list_model_get_n_items (am_session_get_items (f->session)) > 0);
}

/* Lets the text view lay out and scroll, then reads where it stands. */
static double
settled_scroll (Fixture *f)
{
  double value;
  int stable = 0;

  /* A scroll waits for the next frame: call it settled after 100 ms without one. */
  value = gtk_adjustment_get_value (vadjustment (f));
  for (int i = 0; i < 500 && stable < 25; i++)
    {
      double now;

      g_usleep (4000);
      ui_test_drain ();
      now = gtk_adjustment_get_value (vadjustment (f));
      stable = now == value ? stable + 1 : 0;
      value = now;
    }

  return value;
}

/* Whether byte @offset of @paragraph lies inside the visible part of the text. */
static gboolean
is_visible (Fixture *f,
            guint    paragraph,
            gssize   offset)
{
  GtkTextView *text_view = am_article_view_get_text_view (f->view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  g_assert_true (am_article_view_get_iter (f->view, paragraph, offset, &iter));
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &location);

  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The title of the empty page when it is shown, else NULL. */
static const char *
empty_title_of (AmArticleView *view)
{
  GtkStack *stack = GTK_STACK (ui_test_find_type (GTK_WIDGET (view), GTK_TYPE_STACK));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") != 0)
    return NULL;

  return adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack)));
}

static const char *
empty_title (Fixture *f)
{
  return empty_title_of (f->view);
}

static guint
n_chips (Fixture *f)
{
  GtkWidget *box = ui_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_FLOW_BOX);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static gboolean
bar_revealed (Fixture *f)
{
  GtkWidget *revealer = ui_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_REVEALER);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->session = am_session_new ();
  f->document = ui_test_load_bundled ();
  am_session_set_document (f->session, f->document, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);   /* ours, for g_assert_finalize_object() at the end */
  f->view = AM_ARTICLE_VIEW (am_article_view_new ());
  am_article_view_set_session (f->view, f->session);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  /* Small, so that the article scrolls. */
  gtk_window_set_default_size (f->window, 480, 360);
  gtk_window_present (f->window);

  g_assert_true (wait_for (f, view_ready));
  settled_scroll (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Nothing may be left running for a session that is about to go. */
  g_assert_true (wait_for (f, session_idle));

  gtk_window_destroy (f->window);
  ui_test_drain ();
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->document);
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AmArticleView) view = g_object_ref_sink (AM_ARTICLE_VIEW (am_article_view_new ()));
  guint notified = 0;

  g_assert_null (am_article_view_get_session (view));
  g_assert_cmpstr (empty_title_of (view), ==, "No Article");
  g_signal_connect_swapped (view, "notify::session", G_CALLBACK (count_cb), &notified);

  am_article_view_set_session (view, f->session);
  g_assert_true (am_article_view_get_session (view) == f->session);
  g_assert_cmpuint (notified, ==, 1);
  /* Setting what is there already says nothing. */
  am_article_view_set_session (view, f->session);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (view, "session", NULL, NULL);
  g_assert_null (am_article_view_get_session (view));
  g_assert_cmpuint (notified, ==, 2);

  notified = 0;
  g_signal_connect_swapped (view, "notify::dark", G_CALLBACK (count_cb), &notified);
  am_article_view_set_dark (view, TRUE);
  am_article_view_set_dark (view, TRUE);
  g_assert_true (am_article_view_get_dark (view));
  g_assert_cmpuint (notified, ==, 1);
}

/* A selection made elsewhere (the map, the list) lights up its sentences and brings
 * them into view. */
static void
test_selection_highlights_and_scrolls (Fixture       *f,
                                       gconstpointer  data)
{
  gssize hanoi = offset_of (f->document, 12, "the failure of the second meeting");
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");

  g_assert_cmpfloat (settled_scroll (f), ==, 0.0);
  g_assert_false (is_visible (f, 12, hanoi));

  am_session_select (f->session, "r-donald-trump-hanoi-summit", AM_SELECTION_ORIGIN_LIST);
  g_assert_true (am_article_view_is_highlighted (f->view, 12, hanoi));
  g_assert_true (am_article_view_is_highlighted (f->view, 12, hanoi + 10));
  g_assert_false (am_article_view_is_highlighted (f->view, 1, ignore));
  g_assert_cmpfloat (settled_scroll (f), >, 0.0);
  g_assert_true (is_visible (f, 12, hanoi));

  /* A statement: its own sentences replace the relation's. */
  am_session_select (f->session, "s-north-korea-will-ignore-contact", AM_SELECTION_ORIGIN_MAP);
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore));
  g_assert_false (am_article_view_is_highlighted (f->view, 12, hanoi));
  settled_scroll (f);
  g_assert_true (is_visible (f, 1, ignore));

  /* Cleared: nothing is highlighted. */
  am_session_select (f->session, NULL, AM_SELECTION_ORIGIN_NONE);
  g_assert_false (am_article_view_is_highlighted (f->view, 1, ignore));
}

/* A click selects the statement first, then, clicked again, the relation, then the
 * actors, and back; the origin says it came from here. */
static void
test_click_cycles (Fixture       *f,
                   gconstpointer  data)
{
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");
  g_auto(GStrv) choices = NULL;
  guint n;

  g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-north-korea-will-ignore-contact");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_ARTICLE);
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore + 3));

  /* A copy: each click makes the list anew. */
  choices = g_strdupv ((char **) am_article_view_get_choices (f->view));
  g_assert_nonnull (choices);
  n = g_strv_length (choices);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (choices[0], ==, "s-north-korea-will-ignore-contact");
  g_assert_cmpstr (choices[1], ==, "r-north-korea-ignores-us");
  g_assert_true (g_strv_contains ((const char * const *) choices, "us"));
  g_assert_true (g_strv_contains ((const char * const *) choices, "north-korea"));
  /* The bar lists them, the current one marked. */
  g_assert_true (bar_revealed (f));
  g_assert_cmpuint (n_chips (f), ==, n);

  g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-north-korea-ignores-us");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_ARTICLE);

  for (guint i = 2; i < n; i++)
    {
      g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
      g_assert_cmpstr (am_session_get_selection (f->session), ==, choices[i]);
    }

  /* Round the circle, back to the first. */
  g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-north-korea-will-ignore-contact");
  g_assert_true (bar_revealed (f));
}

/* The text stays where the reader is after a click, even when the chosen item's first
 * sentence is far away; the same selection from elsewhere does scroll there. */
static void
test_click_does_not_jump (Fixture       *f,
                          gconstpointer  data)
{
  gssize visited = offset_of (f->document, 14, "Blinken and Austin, who previously visit");
  gssize front = offset_of (f->document, 5, "their trip to Asia to strengthen a unite");
  const char *target = "r-us-japan-united-front";
  double before;
  gboolean reached = FALSE;

  am_article_view_reveal (f->view, 14, visited);
  before = settled_scroll (f);
  g_assert_cmpfloat (before, >, 0.0);
  g_assert_true (is_visible (f, 14, visited));
  g_assert_false (is_visible (f, 5, front));

  for (guint i = 0; i < 10 && !reached; i++)
    {
      g_assert_true (am_article_view_activate_at (f->view, 14, visited + 2));
      g_assert_cmpint (am_session_get_selection_origin (f->session), ==,
                       AM_SELECTION_ORIGIN_ARTICLE);
      g_assert_cmpfloat (settled_scroll (f), ==, before);
      reached = g_strcmp0 (am_session_get_selection (f->session), target) == 0;
    }
  g_assert_true (reached);
  g_assert_true (am_article_view_is_highlighted (f->view, 5, front));
  g_assert_false (is_visible (f, 5, front));

  /* A chip of the bar does not jump either. */
  g_assert_true (g_strv_contains (am_article_view_get_choices (f->view), "japan"));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.select", "s", "japan");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "japan");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.select", "s", target);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, target);
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_ARTICLE);
  g_assert_cmpfloat (settled_scroll (f), ==, before);

  /* Chosen in the list, the same relation brings its first sentence into view. */
  am_session_select (f->session, target, AM_SELECTION_ORIGIN_LIST);
  g_assert_cmpfloat (settled_scroll (f), <, before);
  g_assert_true (is_visible (f, 5, front));
}

/* Text that is no evidence selects nothing and leaves the selection as it was. */
static void
test_click_without_evidence (Fixture       *f,
                             gconstpointer  data)
{
  guint n_paragraphs = am_document_get_n_paragraphs (f->document);

  am_session_select (f->session, "kim-jong-un", AM_SELECTION_ORIGIN_MAP);

  /* "But in the end, …" (paragraph 11) opens with words no fact rests on. */
  g_assert_false (am_article_view_activate_at (f->view, 11, 2));
  g_assert_false (am_article_view_activate_at (f->view, 1, -1));
  g_assert_false (am_article_view_activate_at (f->view, n_paragraphs, 0));
  g_assert_false (am_article_view_activate_at (f->view, G_MAXUINT, 0));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "kim-jong-un");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_MAP);
  g_assert_null (am_article_view_get_choices (f->view));
  g_assert_false (bar_revealed (f));

  /* After a click on a shared sentence, a click on nothing hides the bar. */
  g_assert_true (am_article_view_activate_at (f->view, 1,
                                              offset_of (f->document, 1, "North Korea will")));
  g_assert_true (bar_revealed (f));
  g_assert_false (am_article_view_activate_at (f->view, 11, 2));
  g_assert_false (bar_revealed (f));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-north-korea-will-ignore-contact");
}

/* The bar of choices stays while the selection is one of them, and goes when the
 * selection moves elsewhere. */
static void
test_choices_bar (Fixture       *f,
                  gconstpointer  data)
{
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");

  g_assert_true (am_article_view_activate_at (f->view, 1, ignore));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.select", "s", "north-korea");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "north-korea");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_ARTICLE);
  g_assert_true (bar_revealed (f));
  g_assert_nonnull (am_article_view_get_choices (f->view));

  am_session_select (f->session, "kim-jong-un", AM_SELECTION_ORIGIN_LIST);
  g_assert_false (bar_revealed (f));
  g_assert_null (am_article_view_get_choices (f->view));
}

/* The text view's own click gesture: the one in the capture phase. */
static GtkGestureClick *
find_click (Fixture *f)
{
  GtkTextView *text_view = am_article_view_get_text_view (f->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  GtkGestureClick *click = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        click = GTK_GESTURE_CLICK (controller);
    }
  g_assert_nonnull (click);

  return click;
}

/* Where byte @offset of @paragraph is drawn, in the text view's widget coordinates. */
static void
point_at (Fixture *f,
          guint    paragraph,
          gssize   offset,
          int     *wx,
          int     *wy)
{
  GtkTextView *text_view = am_article_view_get_text_view (f->view);
  GdkRectangle location;
  GtkTextIter iter;

  g_assert_true (am_article_view_get_iter (f->view, paragraph, offset, &iter));
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 2, location.y + location.height / 2,
                                         wx, wy);
}

/* The click gesture runs in the capture phase and goes through the same seam, on
 * release. */
static void
test_click_gesture (Fixture       *f,
                    gconstpointer  data)
{
  GtkGestureClick *click = find_click (f);
  int wx, wy;

  point_at (f, 4, offset_of (f->document, 4, "He further said"), &wx, &wy);

  /* A press that dragged away before its release selected words: no item. */
  g_signal_emit_by_name (click, "pressed", 1, (double) wx, (double) wy);
  g_signal_emit_by_name (click, "released", 1, (double) wx + 40, (double) wy);
  ui_test_drain ();
  g_assert_cmpstr (am_session_get_selection (f->session), !=, "s-choe-ignore");

  /* A press alone selects nothing: it may go on to select words by dragging. */
  g_signal_emit_by_name (click, "pressed", 1, (double) wx, (double) wy);
  ui_test_drain ();
  g_assert_cmpstr (am_session_get_selection (f->session), !=, "s-choe-ignore");
  g_signal_emit_by_name (click, "released", 1, (double) wx, (double) wy);
  ui_test_drain ();

  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-choe-ignore");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_ARTICLE);
}

/* A new document: the text follows it, and one without paragraphs shows the empty
 * page. */
static void
test_new_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AmDocument) graph = new_graph_document ();
  g_autoptr(AmDocument) again = ui_test_load_bundled ();
  gssize hanoi = offset_of (f->document, 12, "the failure of the second meeting");
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");
  GtkTextIter iter;

  g_assert_null (empty_title (f));
  g_assert_true (am_article_view_activate_at (f->view, 1, ignore));
  g_assert_nonnull (am_article_view_get_choices (f->view));

  am_session_set_document (f->session, graph, NULL);
  g_assert_cmpstr (empty_title (f), ==, "No Article Text");
  g_assert_false (am_article_view_get_iter (f->view, 0, 0, &iter));
  g_assert_false (am_article_view_activate_at (f->view, 0, 0));
  g_assert_false (am_article_view_is_highlighted (f->view, 1, ignore));
  g_assert_null (am_article_view_get_choices (f->view));
  g_assert_false (bar_revealed (f));
  /* The graph's own items select fine; the text has nothing to show for them. */
  am_session_select (f->session, "a->b", AM_SELECTION_ORIGIN_MAP);
  g_assert_false (am_article_view_is_highlighted (f->view, 0, 0));

  /* Another copy of the article, with a selection it knows: the text is back, and the
   * selection's sentences are marked in it. */
  am_session_set_document (f->session, again, NULL);
  am_session_select (f->session, "r-donald-trump-hanoi-summit", AM_SELECTION_ORIGIN_LIST);
  am_session_set_document (f->session, f->document, NULL);
  g_assert_null (empty_title (f));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-donald-trump-hanoi-summit");
  g_assert_true (am_article_view_is_highlighted (f->view, 12, hanoi));
  g_assert_true (am_article_view_activate_at (f->view, 1, ignore));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-north-korea-will-ignore-contact");
}

/* Without a session the pane is empty and inert; the session it had no longer
 * reaches it. */
static void
test_null_session (Fixture       *f,
                   gconstpointer  data)
{
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");
  GtkTextIter iter;

  am_session_select (f->session, "s-north-korea-will-ignore-contact", AM_SELECTION_ORIGIN_MAP);
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore));

  am_article_view_set_session (f->view, NULL);
  g_assert_cmpstr (empty_title (f), ==, "No Article");
  g_assert_false (am_article_view_get_iter (f->view, 1, ignore, &iter));
  g_assert_false (am_article_view_is_highlighted (f->view, 1, ignore));
  g_assert_false (am_article_view_activate_at (f->view, 1, ignore));
  /* A chip's action does nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.select", "s", "us");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-north-korea-will-ignore-contact");

  /* Changes to the old session pass it by. */
  am_session_select (f->session, "us", AM_SELECTION_ORIGIN_LIST);
  am_session_set_document (f->session, NULL, NULL);
  g_assert_cmpstr (empty_title (f), ==, "No Article");

  /* And a session set again is followed again. */
  am_session_set_document (f->session, f->document, NULL);
  am_session_select (f->session, "s-north-korea-will-ignore-contact", AM_SELECTION_ORIGIN_MAP);
  am_article_view_set_session (f->view, f->session);
  g_assert_null (empty_title (f));
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore));
}

/* Views: the article marks what the map shows */

/* The view the session shows after @edit changes a copy of it. */
static void
set_view (Fixture *f,
          void   (*edit) (AmView *view))
{
  g_autoptr(AmView) view = am_view_new ();

  edit (view);
  am_session_set_view (f->session, view);
}

static void
hide_people (AmView *view)
{
  am_view_set_kind_hidden (view, "person", TRUE);
}

static void
focus_kim_yo_jong (AmView *view)
{
  const char *ids[] = { "kim-yo-jong", NULL };

  am_view_set_focus (view, ids, 1, AM_VIEW_DIRECTION_BOTH);
}

static void
dim_off_path (AmView *view)
{
  am_view_set_path (view, "kim-yo-jong", "joe-biden", FALSE);
}

static void
hide_off_path (AmView *view)
{
  am_view_set_path (view, "kim-yo-jong", "joe-biden", TRUE);
}

/*
 * Checks every character of the article against an index of its own and the session's
 * view result: a character is marked exactly when some item whose evidence covers it is
 * visible, and a click there goes through exactly those visible items, in the index's
 * order.  Returns the marks as a string, one '0' or '1' per character, and how many
 * hidden items the view left out of the clicks (@n_dropped).
 */
static char *
check_marks_follow_view (Fixture *f,
                         guint   *n_dropped)
{
  g_autoptr(AmEvidenceIndex) index = am_evidence_index_new (f->document);
  AmViewResult *result = am_session_get_view_result (f->session);
  const char * const *paragraphs = am_document_get_paragraphs (f->document);
  GString *marks = g_string_new (NULL);

  g_assert_nonnull (result);
  *n_dropped = 0;

  for (guint p = 0; paragraphs[p] != NULL; p++)
    for (const char *c = paragraphs[p]; *c != '\0'; c = g_utf8_next_char (c))
      {
        gssize offset = c - paragraphs[p];
        g_auto(GStrv) all = am_evidence_index_items_at (index, p, offset);
        g_auto(GStrv) shown = am_article_view_dup_items_at (f->view, p, offset);
        guint n = 0;

        for (guint i = 0; all[i] != NULL; i++)
          {
            if (!am_view_result_is_visible (result, all[i]))
              {
                (*n_dropped)++;
                continue;
              }
            g_assert_nonnull (shown[n]);
            g_assert_cmpstr (shown[n], ==, all[i]);
            n++;
          }
        g_assert_null (shown[n]);
        g_assert_cmpint (am_article_view_is_marked (f->view, p, offset), ==, n > 0);
        g_string_append_c (marks, n > 0 ? '1' : '0');
      }

  return g_string_free (marks, FALSE);
}

/* Whether byte @offset of @paragraph carries the faint mark of the selection's story
 * (what a selected actor said and did). */
static gboolean
is_related (Fixture *f,
            guint    paragraph,
            gssize   offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (am_article_view_get_text_view (f->view));
  GtkTextTag *related = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "related");
  GtkTextIter iter;

  g_assert_nonnull (related);
  g_assert_true (am_article_view_get_iter (f->view, paragraph, offset, &iter));

  return gtk_text_iter_has_tag (&iter, related);
}

/* The name of the text view's cursor after the pointer moved to byte @offset of
 * @paragraph: "pointer" over a sentence a click selects from, else "text". */
static const char *
cursor_over (Fixture *f,
             guint    paragraph,
             gssize   offset)
{
  GtkTextView *text_view = am_article_view_get_text_view (f->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  GdkCursor *cursor;
  guint n_motion = 0;
  int wx, wy;

  /* The text view has a motion controller of its own; the pane's comes after it. */
  point_at (f, paragraph, offset, &wx, &wy);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        {
          g_signal_emit_by_name (controller, "motion", (double) wx, (double) wy);
          n_motion++;
        }
    }
  g_assert_cmpuint (n_motion, >, 0);
  cursor = gtk_widget_get_cursor (GTK_WIDGET (text_view));

  return cursor != NULL ? gdk_cursor_get_name (cursor) : NULL;
}

/* Hiding the people: a sentence that supports only what they said and did is plain
 * text that selects nothing; a shared sentence selects only what is shown; showing the
 * whole map again brings every mark back. */
static void
test_view_hides_marks (Fixture       *f,
                       gconstpointer  data)
{
  gssize said = offset_of (f->document, 4, "He further said");
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");
  g_autofree char *whole = NULL;
  g_autofree char *filtered = NULL;
  g_autofree char *again = NULL;
  guint dropped;
  GtkGestureClick *click = find_click (f);
  int wx, wy;

  /* The whole map: Choe's words are marked, and are hers. */
  whole = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, ==, 0);
  g_assert_true (am_article_view_is_marked (f->view, 4, said + 3));
  {
    g_auto(GStrv) items = am_article_view_dup_items_at (f->view, 4, said + 3);
    const char *expected[] = { "s-choe-ignore", NULL };

    g_assert_cmpstrv (items, expected);
  }
  g_assert_cmpstr (cursor_over (f, 4, said + 3), ==, "pointer");

  am_session_select (f->session, "north-korea", AM_SELECTION_ORIGIN_MAP);
  set_view (f, hide_people);
  g_assert_false (am_view_result_is_visible (am_session_get_view_result (f->session),
                                             "s-choe-ignore"));

  /* Her sentence supports nothing shown: unmarked, no pointer, and a click (the seam
   * and the real gesture) leaves the selection alone. */
  filtered = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, >, 0);
  g_assert_cmpstr (filtered, !=, whole);
  g_assert_false (am_article_view_is_marked (f->view, 4, said + 3));
  {
    g_auto(GStrv) items = am_article_view_dup_items_at (f->view, 4, said + 3);

    g_assert_cmpuint (g_strv_length (items), ==, 0);
  }
  g_assert_cmpstr (cursor_over (f, 4, said + 3), ==, "text");
  g_assert_false (am_article_view_activate_at (f->view, 4, said + 3));
  point_at (f, 4, said + 3, &wx, &wy);
  g_signal_emit_by_name (click, "pressed", 1, (double) wx, (double) wy);
  g_signal_emit_by_name (click, "released", 1, (double) wx, (double) wy);
  ui_test_drain ();
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "north-korea");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_MAP);

  /* The opening sentence is Choe's statement too, but also the relation of the states
   * and the states themselves: still marked, and a click skips her statement. */
  g_assert_true (am_article_view_is_marked (f->view, 1, ignore + 3));
  g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-north-korea-ignores-us");
  g_assert_false (g_strv_contains (am_article_view_get_choices (f->view),
                                   "s-north-korea-will-ignore-contact"));
  for (const char * const *c = am_article_view_get_choices (f->view); *c != NULL; c++)
    g_assert_true (am_view_result_is_visible (am_session_get_view_result (f->session), *c));

  /* The whole map again: every mark is back, and her sentence selects her words. */
  am_session_set_view (f->session, NULL);
  again = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, ==, 0);
  g_assert_cmpstr (again, ==, whole);
  g_assert_cmpstr (cursor_over (f, 4, said + 3), ==, "pointer");
  g_assert_true (am_article_view_activate_at (f->view, 4, said + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-choe-ignore");
}

/* The bar of a clicked sentence loses the chips of what a new view hides. */
static void
test_view_filters_choices (Fixture       *f,
                           gconstpointer  data)
{
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");
  guint before;

  g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
  g_assert_true (g_strv_contains (am_article_view_get_choices (f->view),
                                  "s-north-korea-will-ignore-contact"));
  before = g_strv_length ((char **) am_article_view_get_choices (f->view));
  /* Move off the statement the view will hide, onto the relation. */
  g_assert_true (am_article_view_activate_at (f->view, 1, ignore + 3));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-north-korea-ignores-us");

  set_view (f, hide_people);
  g_assert_nonnull (am_article_view_get_choices (f->view));
  g_assert_false (g_strv_contains (am_article_view_get_choices (f->view),
                                   "s-north-korea-will-ignore-contact"));
  g_assert_cmpuint (g_strv_length ((char **) am_article_view_get_choices (f->view)), <, before);
  g_assert_cmpuint (n_chips (f), ==, g_strv_length ((char **) am_article_view_get_choices (f->view)));
}

/* A focus hides what lies beyond her neighbours; a path that dims the rest keeps every
 * mark (dimmed items are still shown), one that hides the rest does not. */
static void
test_view_focus_and_path (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *whole = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *dimmed = NULL;
  g_autofree char *hidden = NULL;
  guint dropped;

  whole = check_marks_follow_view (f, &dropped);

  set_view (f, focus_kim_yo_jong);
  focus = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, >, 0);
  g_assert_cmpstr (focus, !=, whole);
  /* Her brother's tie to his state lies two steps away: unmarked. */
  g_assert_false (am_view_result_is_visible (am_session_get_view_result (f->session),
                                             "r-kim-jong-un-leader-of-north-korea"));

  set_view (f, dim_off_path);
  g_assert_nonnull (am_view_result_get_emphasis (am_session_get_view_result (f->session)));
  dimmed = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, ==, 0);
  g_assert_cmpstr (dimmed, ==, whole);

  set_view (f, hide_off_path);
  hidden = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, >, 0);
  g_assert_cmpstr (hidden, !=, whole);
}

/* A selected actor's story (its relations and statements, marked faintly) shows only
 * what the view shows; its own sentences stay highlighted. */
static void
test_view_related (Fixture       *f,
                   gconstpointer  data)
{
  gssize biden = offset_of (f->document, 2, "US President Joe Biden");
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");

  am_session_select (f->session, "us", AM_SELECTION_ORIGIN_LIST);
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore + 3));
  g_assert_true (is_related (f, 2, biden + 3));

  set_view (f, hide_people);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "us");
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore + 3));
  g_assert_false (is_related (f, 2, biden + 3));

  am_session_set_view (f->session, NULL);
  g_assert_true (is_related (f, 2, biden + 3));
}

/* A new view changes the marks, not where the reader is: the text does not scroll back
 * to the selection's sentences. */
static void
test_view_does_not_scroll (Fixture       *f,
                           gconstpointer  data)
{
  gssize visited = offset_of (f->document, 14, "Blinken and Austin, who previously visit");
  gssize ignore = offset_of (f->document, 1, "North Korea will ignore");
  double away;

  am_session_select (f->session, "us", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpfloat (settled_scroll (f), ==, 0.0);
  am_article_view_reveal (f->view, 14, visited);
  away = settled_scroll (f);
  g_assert_cmpfloat (away, >, 0.0);
  g_assert_false (is_visible (f, 1, ignore));

  set_view (f, hide_people);
  g_assert_cmpfloat (settled_scroll (f), ==, away);
  am_session_set_view (f->session, NULL);
  g_assert_cmpfloat (settled_scroll (f), ==, away);
  g_assert_true (am_article_view_is_highlighted (f->view, 1, ignore));
}

/* An edit under a view: the new document is marked by the view made for it. */
static void
test_view_after_edit (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *marks = NULL;
  gssize said = offset_of (f->document, 4, "He further said");
  guint dropped;

  set_view (f, hide_people);
  g_assert_false (am_article_view_is_marked (f->view, 4, said + 3));

  /* Those words, made a (shown) organisation, are marked again. */
  g_assert_true (am_article_view_select_text (f->view, 4, said, said + strlen ("He further said")));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.new-actor", "s", "organization");
  id = g_strdup (am_session_get_selection (f->session));
  g_assert_nonnull (id);
  g_assert_true (am_view_result_is_visible (am_session_get_view_result (f->session), id));
  g_assert_true (am_article_view_is_marked (f->view, 4, said + 3));
  {
    g_auto(GStrv) items = am_article_view_dup_items_at (f->view, 4, said + 3);
    const char *expected[] = { id, NULL };

    g_assert_cmpstrv (items, expected);
  }

  /* The check reads the document the test holds; give it the edited one. */
  g_clear_object (&f->document);
  f->document = g_object_ref (am_session_get_document (f->session));
  marks = check_marks_follow_view (f, &dropped);
  g_assert_cmpuint (dropped, >, 0);
}


/* Annotating */

/* The entity of @document called @name, or NULL. */
static AmEntity *
entity_named (AmDocument *document,
              const char *name)
{
  GListModel *entities = am_document_get_entities (document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      if (g_strcmp0 (am_entity_get_name (entity), name) == 0)
        return entity;
    }

  return NULL;
}

/* Whether @evidence (a GPtrArray of AmEvidence) holds @text at @offset of @paragraph. */
static gboolean
has_evidence (GPtrArray  *evidence,
              guint       paragraph,
              const char *text,
              gssize      offset)
{
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      AmEvidence *item = g_ptr_array_index (evidence, i);

      if (am_evidence_get_paragraph (item) == paragraph
          && g_strcmp0 (am_evidence_get_text (item), text) == 0
          && am_evidence_get_offset (item) == offset)
        return TRUE;
    }

  return FALSE;
}

/* Selects from @from_skip bytes into @from to @to_cut bytes before the end of @to, in
 * @paragraph of the session's document: a sloppy mouse selection. */
static void
select_sloppily (Fixture    *f,
                 guint       paragraph,
                 const char *from,
                 gsize       from_skip,
                 const char *to,
                 gsize       to_cut)
{
  AmDocument *document = am_session_get_document (f->session);
  gssize start = offset_of (document, paragraph, from) + from_skip;
  gssize end = offset_of (document, paragraph, to) + strlen (to) - to_cut;

  g_assert_true (am_article_view_select_text (f->view, paragraph, start, end));
}


/* Words selected in a sentence become a new actor of the kind chosen, with the words
 * snapped to whole ones as its name and evidence (an NBSP opens the paragraph and
 * stays). */
static void
test_annotate_new_actor (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AmEvidence) evidence = NULL;
  AmDocument *document;
  AmEntity *entity;
  gssize offset = offset_of (f->document, 2, "senior North Korean official");

  /* Nothing selected: nothing to do. */
  g_assert_null (am_article_view_dup_selected_evidence (f->view));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.new-relation", NULL);
  g_assert_null (ui_test_find_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.new-actor", "s", "person");
  g_assert_true (am_session_get_document (f->session) == f->document);

  select_sloppily (f, 2, "senior", 2, "official", 3);
  evidence = am_article_view_dup_selected_evidence (f->view);
  g_assert_nonnull (evidence);
  g_assert_cmpuint (am_evidence_get_paragraph (evidence), ==, 2);
  g_assert_cmpstr (am_evidence_get_text (evidence), ==, "senior North Korean official");
  g_assert_cmpint (am_evidence_get_offset (evidence), ==, offset);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.new-actor", "s", "person");
  document = am_session_get_document (f->session);
  g_assert_true (document != f->document);
  entity = entity_named (document, "senior North Korean official");
  g_assert_nonnull (entity);
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_PERSON);
  g_assert_true (has_evidence (am_entity_get_evidence (entity), 2,
                               "senior North Korean official", offset));
  /* The new actor is selected, and the text did not move: it is the same article. */
  g_assert_cmpstr (am_session_get_selection (f->session), ==, am_entity_get_id (entity));
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "New Actor");
  g_assert_null (empty_title (f));

  /* A selection over the paragraph's leading NBSP keeps it out, and one across it
   * keeps it verbatim. */
  g_assert_true (am_article_view_select_text (f->view, 2, 0, strlen ("\u00a0A senior")));
  g_clear_pointer (&evidence, am_evidence_unref);
  evidence = am_article_view_dup_selected_evidence (f->view);
  g_assert_cmpstr (am_evidence_get_text (evidence), ==, "A senior");
  g_assert_cmpint (am_evidence_get_offset (evidence), ==, strlen ("\u00a0"));
}

/* Add as Alias of…: the words become another name of the actor, with evidence. */
static void
test_annotate_alias (Fixture       *f,
                     gconstpointer  data)
{
  AmEntity *entity;

  select_sloppily (f, 5, "Pentagon Chief", 0, "Pentagon Chief", 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.add-alias", "s", "lloyd-austin");

  entity = am_document_lookup_entity (am_session_get_document (f->session), "lloyd-austin");
  g_assert_true (g_strv_contains (am_entity_get_aliases (entity), "Pentagon Chief"));
  g_assert_true (has_evidence (am_entity_get_evidence (entity), 5, "Pentagon Chief",
                               offset_of (f->document, 5, "Pentagon Chief")));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "lloyd-austin");
}

/* New Relation: through the action with its arguments, and through the dialog, whose
 * choosers start on the actors the sentence names. */
static void
test_annotate_new_relation (Fixture       *f,
                            gconstpointer  data)
{
  AmDocument *document;
  AmRelation *relation;
  AdwMessageDialog *dialog = NULL;
  const char *id;

  select_sloppily (f, 5, "strengthen", 0, "front", 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.add-relation", "(sssb)",
                              "japan", "us", "strengthen a united front", TRUE);
  document = am_session_get_document (f->session);
  id = am_session_get_selection (f->session);
  relation = am_document_lookup_relation (document, id);
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_source (relation), ==, "japan");
  g_assert_cmpstr (am_relation_get_target (relation), ==, "us");
  g_assert_cmpstr (am_relation_get_label (relation), ==, "strengthen a united front");
  g_assert_true (has_evidence (am_relation_get_evidence (relation), 5, "strengthen a united front",
                               offset_of (f->document, 5, "strengthen a united front")));
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "New Relation");

  /* The dialog: "ignore" in the first sentence, whose statement Choe Son Hui made about the US. */
  select_sloppily (f, 1, "ignore", 1, "ignore", 1);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.new-relation", NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_dialog ());
  g_assert_nonnull (dialog);
  {
    GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *entry = ui_test_find_type (extra, GTK_TYPE_ENTRY);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ignore");
    gtk_editable_set_text (GTK_EDITABLE (entry), "will ignore");
  }
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));

  document = am_session_get_document (f->session);
  relation = am_document_lookup_relation (document, am_session_get_selection (f->session));
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_label (relation), ==, "will ignore");
  /* The speaker of the sentence's statement, then whom it is about. */
  g_assert_cmpstr (am_relation_get_source (relation), ==, "choe-son-hui");
  g_assert_cmpstr (am_relation_get_target (relation), ==, "us");
  g_assert_true (has_evidence (am_relation_get_evidence (relation), 1, "ignore",
                               offset_of (f->document, 1, "ignore")));
}

/* New Statement, quoted, and Add as Evidence to the selected item. */
static void
test_annotate_statement_and_evidence (Fixture       *f,
                                      gconstpointer  data)
{
  AmDocument *document;
  AmStatement *statement;
  AmEntity *entity;
  gssize hostile = offset_of (f->document, 1, "\"hostile policy\"");

  select_sloppily (f, 1, "\"hostile", 0, "policy\"", 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.add-statement", "(ssb)",
                              "north-korea", "hostile policy", TRUE);
  document = am_session_get_document (f->session);
  statement = am_document_lookup_statement (document, am_session_get_selection (f->session));
  g_assert_nonnull (statement);
  g_assert_cmpstr (am_statement_get_speaker (statement), ==, "north-korea");
  g_assert_cmpstr (am_statement_get_text (statement), ==, "hostile policy");
  g_assert_true (am_statement_get_quoted (statement));
  g_assert_true (has_evidence (am_statement_get_evidence (statement), 1, "\"hostile policy\"",
                               hostile));

  /* Evidence goes to the selected item; without one the action is off. */
  am_session_select (f->session, NULL, AM_SELECTION_ORIGIN_NONE);
  select_sloppily (f, 3, "Deputy", 0, "Minister", 0);
  document = am_session_get_document (f->session);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.add-evidence", NULL);
  g_assert_true (am_session_get_document (f->session) == document);
  am_session_select (f->session, "choe-son-hui", AM_SELECTION_ORIGIN_LIST);
  select_sloppily (f, 3, "Deputy", 0, "Minister", 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.add-evidence", NULL);
  entity = am_document_lookup_entity (am_session_get_document (f->session), "choe-son-hui");
  g_assert_true (has_evidence (am_entity_get_evidence (entity), 3,
                               "Deputy Foreign Minister",
                               offset_of (f->document, 3, "Deputy Foreign Minister")));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "choe-son-hui");
}

/* The text view's context menu carries the choices. */
static void
test_annotate_menu (Fixture       *f,
                    gconstpointer  data)
{
  GMenuModel *menu = gtk_text_view_get_extra_menu (am_article_view_get_text_view (f->view));
  GMenuModel *section;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n;

  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  n = g_menu_model_get_n_items (section);
  g_assert_cmpint (n, ==, 5);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first);
  g_assert_cmpstr (first, ==, "New _Actor");
  am_session_select (f->session, "kim-jong-un", AM_SELECTION_ORIGIN_LIST);
  g_object_unref (section);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_menu_model_get_item_attribute (section, 4, G_MENU_ATTRIBUTE_LABEL, "s", &last);
  g_assert_nonnull (strstr (last, "Kim Jong Un"));
  g_object_unref (section);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/Actormap/ArticleView/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("properties", test_properties);
  ADD ("selection-highlights-and-scrolls", test_selection_highlights_and_scrolls);
  ADD ("click-cycles", test_click_cycles);
  ADD ("click-does-not-jump", test_click_does_not_jump);
  ADD ("click-without-evidence", test_click_without_evidence);
  ADD ("choices-bar", test_choices_bar);
  ADD ("click-gesture", test_click_gesture);
  ADD ("new-document", test_new_document);
  ADD ("null-session", test_null_session);
  ADD ("view-hides-marks", test_view_hides_marks);
  ADD ("view-filters-choices", test_view_filters_choices);
  ADD ("view-focus-and-path", test_view_focus_and_path);
  ADD ("view-related", test_view_related);
  ADD ("view-does-not-scroll", test_view_does_not_scroll);
  ADD ("view-after-edit", test_view_after_edit);
  ADD ("annotate-new-actor", test_annotate_new_actor);
  ADD ("annotate-alias", test_annotate_alias);
  ADD ("annotate-new-relation", test_annotate_new_relation);
  ADD ("annotate-statement-and-evidence", test_annotate_statement_and_evidence);
  ADD ("annotate-menu", test_annotate_menu);

#undef ADD

  return g_test_run ();
}
