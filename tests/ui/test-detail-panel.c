/* test-detail-panel.c — the detail panel on its own, fed by a session, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "am-actor-row.h"
#include "am-detail-group.h"
#include "am-detail-header.h"
#include "am-detail-panel.h"
#include "am-evidence-row.h"
#include "am-fact-row.h"
#include "am-layout.h"
#include "am-relation-row.h"
#include "am-session.h"
#include "am-statement-row.h"
#include "ui-test.h"

/* The panel sits alone in a window, with a session of its own and a stand-in for the
 * window's "win.reveal-evidence" that records what it was asked to show.  Selections
 * are made through the session, as the map, the list or the article make them;
 * clicks on the panel's rows go through gtk_widget_activate(), the call GtkListBox
 * makes for a click or Enter on an activatable row. */

typedef struct
{
  GtkWindow     *window;
  AmDetailPanel *panel;
  AmSession     *session;
  AmDocument    *document;
  GVariant      *revealed;     /* the last target of win.reveal-evidence */
  guint          n_revealed;
} Fixture;

typedef gboolean (*Check) (Fixture *f);

/* Spins the main loop until @check holds, for at most ten seconds. */
static gboolean
spin_until (Fixture *f,
            Check    check)
{
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !check (f);
       g_main_context_iteration (NULL, FALSE))
    if (g_get_monotonic_time () > deadline)
      return FALSE;

  return TRUE;
}

/* The fixture, with markup characters in every name, or the article bundled with the
 * application (another story: none of the fixture's ids). */
static AmDocument *
load_document (gboolean bundled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AmDocument *document;

  if (bundled)
    {
      bytes = g_resources_lookup_data (RESOURCE_PATH "/model/article.json",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
    }
  else
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ui", "window-model.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      bytes = g_file_load_bytes (file, NULL, NULL, &error);
    }
  g_assert_no_error (error);

  document = am_document_load_from_bytes (bytes, bundled ? "article.json" : "window-model.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static gboolean
items_built (Fixture *f)
{
  return g_list_model_get_n_items (am_session_get_items (f->session)) > 0;
}

static gboolean
panel_mapped (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->panel))
         && gtk_widget_get_height (GTK_WIDGET (f->panel)) > 0;
}

static void
reveal_evidence_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Fixture *f = user_data;

  g_clear_pointer (&f->revealed, g_variant_unref);
  f->revealed = g_variant_ref (parameter);
  f->n_revealed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) reveal = g_simple_action_new ("reveal-evidence", G_VARIANT_TYPE ("(ux)"));

  g_signal_connect (reveal, "activate", G_CALLBACK (reveal_evidence_cb), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (reveal));

  f->session = am_session_new ();
  f->document = load_document (FALSE);

  f->panel = AM_DETAIL_PANEL (am_detail_panel_new ());
  g_object_ref_sink (f->panel);   /* ours, for g_assert_finalize_object() at the end */
  g_object_set (f->panel, "session", f->session, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (f->window, 480, 900);
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  gtk_window_present (f->window);

  am_session_set_document (f->session, f->document, NULL);
  g_assert_true (spin_until (f, items_built));
  g_assert_true (spin_until (f, panel_mapped));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (g_steal_pointer (&f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* The panel holds the session, never the other way round: a leaked reference (a
   * signal handler, a row) fails here. */
  g_assert_finalize_object (g_steal_pointer (&f->panel));
  am_session_cancel (f->session);
  g_clear_object (&f->session);
  g_clear_object (&f->document);
  g_clear_pointer (&f->revealed, g_variant_unref);
}

/* What the panel shows: only the page of its stack on screen counts. */

static GtkWidget *
visible_page (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (f->panel));

  g_assert_true (GTK_IS_STACK (stack));

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static const char *
visible_page_name (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (f->panel));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Every widget of @type below @widget, in tree order, into @out. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GPtrArray *
shown (Fixture *f,
       GType    type)
{
  GPtrArray *widgets = g_ptr_array_new ();

  collect (visible_page (f), type, widgets);

  return widgets;
}

/* Whether a visible label below @root reads exactly @text (as plain text: a label that
 * took it for markup would read something else, or nothing). */
static gboolean
reads (GtkWidget  *root,
       const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label) && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
shows_text (Fixture    *f,
            const char *text)
{
  return reads (visible_page (f), text);
}

static const char *
row_target (gpointer row)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

  g_assert_nonnull (target);
  g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING));

  return g_variant_get_string (target, NULL);
}

/* The row of @type on the page whose action target is @id. */
static GtkWidget *
find_link (Fixture    *f,
           GType       type,
           const char *id)
{
  g_autoptr(GPtrArray) rows = shown (f, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (row_target (g_ptr_array_index (rows, i)), id))
      return g_ptr_array_index (rows, i);

  return NULL;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
assert_texts (Fixture            *f,
              const char * const *texts)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      if (!shows_text (f, texts[i]))
        g_test_message ("not shown: %s", texts[i]);
      g_assert_true (shows_text (f, texts[i]));
    }
}

/* Selects @id as the map, the list or the article would, and expects its page. */
static void
select_and_show (Fixture           *f,
                 const char        *id,
                 AmSelectionOrigin  origin)
{
  am_session_select (f->session, id, origin);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, id);
  g_assert_cmpstr (visible_page_name (f), ==, "details");
}

/* Whether @row shows a kind dot in the colour of @css_class. */
static gboolean
has_kind_dot (gpointer    row,
              const char *css_class)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect (row, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (boxes, i);

      if (gtk_widget_has_css_class (box, "kind-dot") && gtk_widget_is_visible (box))
        return gtk_widget_has_css_class (box, css_class);
    }

  return FALSE;
}

/* A link row: what it reads and where it leads. */
static void
assert_link (gpointer    row,
             const char *title,
             const char *subtitle,
             const char *target)
{
  g_assert_cmpstr (row_title (row), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);
  g_assert_cmpstr (row_target (row), ==, target);
}

static gboolean
shows_row (Fixture    *f,
           GType       type,
           const char *title,
           const char *subtitle)
{
  g_autoptr(GPtrArray) rows = shown (f, type);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row_title (row), title) && reads (row, title)
          && (subtitle == NULL || reads (row, subtitle)))
        return TRUE;
    }

  return FALSE;
}

/* Tests */

static void
test_actor (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  select_and_show (f, "silva", AM_SELECTION_ORIGIN_MAP);

  /* The name, role and description, with the markup characters of the file shown as
   * they are. */
  assert_texts (f, (const char *[]) {
                 "Ana <b>Silva</b> & Co",
                 "Foreign Minister",
                 "A minister whose name has <markup> & ampersands in it.",
                 "Person",
                 NULL });
  g_assert_true (shows_row (f, AM_TYPE_FACT_ROW, "Affiliation", "Portugal & <Friends>"));

  /* Four relations, each leading to the actor at the other end, with the tie's label
   * (and date) under it and the direction seen from this actor. */
  relations = shown (f, AM_TYPE_RELATION_ROW);
  g_assert_cmpuint (relations->len, ==, 4);
  g_assert_true (shows_row (f, AM_TYPE_RELATION_ROW, "Bob Kim", "→ meets & greets · 18 March 2021"));
  g_assert_true (shows_row (f, AM_TYPE_RELATION_ROW, "Seoul", "→ visits"));
  g_assert_true (shows_row (f, AM_TYPE_RELATION_ROW, "Portugal", "→ minister of"));
  g_assert_true (shows_row (f, AM_TYPE_RELATION_ROW, "Yonhap", "← reports"));
  g_assert_nonnull (find_link (f, AM_TYPE_RELATION_ROW, "bob"));

  /* Her statement: its words (not prefixed with her name on her own page), how and
   * when it was said, whom about, who reported it. */
  statements = shown (f, AM_TYPE_STATEMENT_ROW);
  g_assert_cmpuint (statements->len, ==, 1);
  assert_link (g_ptr_array_index (statements, 0), "“We will keep talking & <listening>,”",
               "Quote · 18 March 2021 · about Bob Kim · reported by Yonhap", "s-talk");
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (statements, 0), "reported"));

  /* Her evidence sentence, and a group heading counting her relations. */
  g_assert_true (shows_row (f, AM_TYPE_EVIDENCE_ROW, "Foreign Minister Ana <b>Silva</b>", "Paragraph 2"));
  rows = shown (f, AM_TYPE_DETAIL_GROUP);
  g_assert_cmpuint (rows->len, ==, 5);   /* Facts, Statements, Relations, Evidence, Edit */
  g_assert_true (shows_text (f, "Relations"));
  g_assert_true (shows_text (f, "4"));

  /* Another actor's page names the speaker of what is said about it. */
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_LIST);
  g_assert_true (shows_text (f, "Bob Kim"));
  g_assert_true (shows_text (f, "Envoy"));
  g_assert_true (shows_row (f, AM_TYPE_STATEMENT_ROW,
                            "Ana <b>Silva</b> & Co: “We will keep talking & <listening>,”", NULL));
  g_assert_true (shows_row (f, AM_TYPE_STATEMENT_ROW, "Said nothing", NULL));
  g_assert_true (gtk_widget_has_css_class (find_link (f, AM_TYPE_STATEMENT_ROW, "s-nothing"), "reported"));
}

static void
test_relation (Fixture       *f,
               gconstpointer  data)
{
  AmRelation *relation = am_document_lookup_relation (f->document, "r-meet");
  AmEvidence *evidence = g_ptr_array_index (am_relation_get_evidence (relation), 0);
  g_autoptr(GPtrArray) ends = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkWidget *row;

  select_and_show (f, "r-meet", AM_SELECTION_ORIGIN_MAP);

  /* Its label as the title, its type in the pill, both ends under it. */
  assert_texts (f, (const char *[]) {
                 "meets & greets",
                 "Relation · meeting",
                 "Ana <b>Silva</b> & Co → Bob Kim",
                 NULL });

  /* Both ends as links, in order, with the kind dot of each. */
  ends = shown (f, AM_TYPE_ACTOR_ROW);
  g_assert_cmpuint (ends->len, ==, 2);
  assert_link (g_ptr_array_index (ends, 0), "Ana <b>Silva</b> & Co", "From", "silva");
  assert_link (g_ptr_array_index (ends, 1), "Bob Kim", "To", "bob");
  g_assert_true (has_kind_dot (g_ptr_array_index (ends, 0), "kind-person"));
  g_assert_true (has_kind_dot (g_ptr_array_index (ends, 1), "kind-person"));

  /* Type, direction and date. */
  g_assert_true (shows_row (f, AM_TYPE_FACT_ROW, "Type", "meeting"));
  g_assert_true (shows_row (f, AM_TYPE_FACT_ROW, "Direction", "One way, from the first actor to the second"));
  g_assert_true (shows_row (f, AM_TYPE_FACT_ROW, "Date", "18 March 2021"));

  /* The evidence: the sentence, where it is, and the action that shows it. */
  g_assert_true (shows_row (f, AM_TYPE_EVIDENCE_ROW, "met Bob Kim in Seoul on Thursday", "Paragraph 2"));
  rows = shown (f, AM_TYPE_EVIDENCE_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  target = g_variant_ref_sink (g_variant_new ("(ux)", 1, (gint64) am_evidence_get_offset (evidence)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.reveal-evidence");
  g_assert_true (g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), target));
}

static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) links = NULL;
  GtkWidget *reporter;

  select_and_show (f, "s-talk", AM_SELECTION_ORIGIN_ARTICLE);

  /* The words in the header, the speaker and date under them. */
  assert_texts (f, (const char *[]) {
                 "“We will keep talking & <listening>,”",
                 "— Ana <b>Silva</b> & Co, 18 March 2021",
                 "Quote",
                 NULL });
  g_assert_true (shows_row (f, AM_TYPE_FACT_ROW, "Form", "Quoted word for word"));

  /* Links: the speaker, whom it is about, who reported it. */
  links = shown (f, AM_TYPE_ACTOR_ROW);
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpstr (row_target (g_ptr_array_index (links, 0)), ==, "silva");
  g_assert_cmpstr (row_target (g_ptr_array_index (links, 1)), ==, "bob");
  reporter = find_link (f, AM_TYPE_ACTOR_ROW, "yonhap");
  g_assert_nonnull (reporter);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reporter)), ==, "Reported by");
  g_assert_true (shows_row (f, AM_TYPE_EVIDENCE_ROW,
                            "\"We will keep talking & <listening>,\" Silva said", "Paragraph 3"));

  /* Reported speech says so. */
  am_session_select (f->session, "s-nothing", AM_SELECTION_ORIGIN_LIST);
  assert_texts (f, (const char *[]) {
                 "Said nothing",
                 "Reported Speech",
                 "— Bob Kim",
                 NULL });
  g_assert_true (shows_row (f, AM_TYPE_FACT_ROW, "Form", "Paraphrased by the article"));
  g_assert_null (find_link (f, AM_TYPE_ACTOR_ROW, "yonhap"));
}

static void
assert_selected_from_details (Fixture    *f,
                              const char *id)
{
  g_assert_cmpstr (am_session_get_selection (f->session), ==, id);
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_DETAILS);
}

/* Clicks the row of @type that leads to @id. */
static void
click_link (Fixture    *f,
            GType       type,
            const char *id)
{
  GtkWidget *row = find_link (f, type, id);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  assert_selected_from_details (f, id);
}

static void
test_links_select (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button;

  /* An end of a relation selects the actor, from the details, and the panel follows. */
  am_session_select (f->session, "r-meet", AM_SELECTION_ORIGIN_MAP);
  click_link (f, AM_TYPE_ACTOR_ROW, "bob");
  g_assert_true (shows_text (f, "Envoy"));

  /* A statement row selects the statement. */
  click_link (f, AM_TYPE_STATEMENT_ROW, "s-nothing");
  g_assert_true (shows_text (f, "Reported Speech"));

  /* A relation row goes to the other actor ... */
  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_MAP);
  click_link (f, AM_TYPE_RELATION_ROW, "portugal");

  /* ... and its button to the relation itself. */
  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_MAP);
  collect (find_link (f, AM_TYPE_RELATION_ROW, "portugal"), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  button = g_ptr_array_index (buttons, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show this relation");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show this relation");
  g_signal_emit_by_name (button, "clicked");
  assert_selected_from_details (f, "r-minister");
  g_assert_true (shows_text (f, "minister of"));

  /* Without a session a link has nothing to select, and does no harm. */
  am_session_select (f->session, "r-meet", AM_SELECTION_ORIGIN_MAP);
  am_detail_panel_set_session (f->panel, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.select", "s", "bob"));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "r-meet");
}

static void
test_evidence_reveals (Fixture       *f,
                       gconstpointer  data)
{
  AmStatement *statement = am_document_lookup_statement (f->document, "s-talk");
  AmEvidence *evidence = g_ptr_array_index (am_statement_get_evidence (statement), 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GVariant) expected = NULL;
  GtkWidget *row;

  am_session_select (f->session, "s-talk", AM_SELECTION_ORIGIN_LIST);
  rows = shown (f, AM_TYPE_EVIDENCE_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Show in the article");

  /* A click asks the window to show the sentence; the selection stays. */
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpuint (f->n_revealed, ==, 1);
  g_assert_nonnull (f->revealed);
  expected = g_variant_ref_sink (g_variant_new ("(ux)", 2, (gint64) am_evidence_get_offset (evidence)));
  g_assert_true (g_variant_equal (f->revealed, expected));
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "s-talk");
  g_assert_cmpint (am_session_get_selection_origin (f->session), ==, AM_SELECTION_ORIGIN_LIST);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AmSession) lonely = am_session_new ();

  /* Nothing selected in a map with an article: the hint offers its sentences too. */
  g_assert_cmpstr (visible_page_name (f), ==, "empty");
  g_assert_true (shows_text (f, "Nothing Selected"));
  g_assert_true (shows_text (f, "Click an actor or a relation on the map, pick one from the list, "
                                "or click a marked sentence in the article."));

  /* Selecting, then clearing, comes back to it. */
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (visible_page_name (f), ==, "details");
  am_session_select (f->session, NULL, AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (visible_page_name (f), ==, "empty");
  g_assert_true (shows_text (f, "Nothing Selected"));

  /* An id the document does not know selects nothing. */
  am_session_select (f->session, "nobody", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (visible_page_name (f), ==, "empty");

  /* A session without a document. */
  am_detail_panel_set_session (f->panel, lonely);
  g_assert_cmpstr (visible_page_name (f), ==, "empty");
  g_assert_true (shows_text (f, "No Map Open"));
}

static void
test_new_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AmDocument) same = load_document (FALSE);
  g_autoptr(AmDocument) other = load_document (TRUE);

  /* The same story again: the selection is an id, so the page stays (rebuilt from the
   * new document). */
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_MAP);
  am_session_set_document (f->session, same, NULL);
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "bob");
  g_assert_cmpstr (visible_page_name (f), ==, "details");
  g_assert_true (shows_text (f, "Envoy"));

  /* Another story without that id: the selection clears, and so does the panel. */
  g_assert_false (am_document_lookup_entity (other, "bob") != NULL);
  am_session_set_document (f->session, other, NULL);
  g_assert_null (am_session_get_selection (f->session));
  g_assert_cmpstr (visible_page_name (f), ==, "empty");
  g_assert_true (shows_text (f, "Nothing Selected"));
  g_assert_false (shows_text (f, "Envoy"));

  /* No document at all. */
  am_session_set_document (f->session, NULL, NULL);
  g_assert_cmpstr (visible_page_name (f), ==, "empty");
  g_assert_true (shows_text (f, "No Map Open"));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_session_property (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AmSession) other = am_session_new ();
  g_autoptr(AmSession) read = NULL;
  guint notified = 0;

  g_signal_connect (f->panel, "notify::session", G_CALLBACK (count_notify_cb), &notified);

  g_object_get (f->panel, "session", &read, NULL);
  g_assert_true (read == f->session);
  g_assert_true (am_detail_panel_get_session (f->panel) == f->session);

  /* The same session again is no change. */
  am_detail_panel_set_session (f->panel, f->session);
  g_object_set (f->panel, "session", f->session, NULL);
  g_assert_cmpuint (notified, ==, 0);

  /* A NULL session: the panel empties and no longer follows the old one. */
  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_MAP);
  am_detail_panel_set_session (f->panel, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (am_detail_panel_get_session (f->panel));
  g_assert_cmpstr (visible_page_name (f), ==, "empty");
  g_assert_true (shows_text (f, "No Map Open"));
  am_session_select (f->session, "bob", AM_SELECTION_ORIGIN_MAP);
  g_assert_cmpstr (visible_page_name (f), ==, "empty");

  /* Another session: the panel follows that one only. */
  am_session_set_document (other, f->document, NULL);
  am_session_select (other, "r-visit", AM_SELECTION_ORIGIN_MAP);
  am_detail_panel_set_session (f->panel, other);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (shows_text (f, "visits"));
  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_MAP);
  g_assert_true (shows_text (f, "visits"));
  am_session_select (other, "seoul", AM_SELECTION_ORIGIN_MAP);
  g_assert_true (shows_text (f, "Seoul"));
  g_assert_true (shows_text (f, "Place"));

  am_detail_panel_set_session (f->panel, f->session);
  am_session_cancel (other);
}

static gboolean
focus_in_panel (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (f->panel));
}

static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *focus;

  /* Enter on the map: the first row of the page just built takes the focus. */
  am_session_select (f->session, "r-meet", AM_SELECTION_ORIGIN_KEYBOARD);
  am_detail_panel_focus (f->panel);
  g_assert_true (spin_until (f, focus_in_panel));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (AM_IS_ACTOR_ROW (focus));
  g_assert_cmpstr (row_target (focus), ==, "silva");

  /* From a later row of the panel it goes back to the first, not on to the next. */
  g_assert_true (gtk_widget_grab_focus (find_link (f, AM_TYPE_ACTOR_ROW, "bob")));
  am_detail_panel_focus (f->panel);
  g_assert_true (spin_until (f, focus_in_panel));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (AM_IS_ACTOR_ROW (focus));
  g_assert_cmpstr (row_target (focus), ==, "silva");

  /* An actor's page starts with its facts (rows that lead nowhere still take the
   * focus, so that a screen reader reads them). */
  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_KEYBOARD);
  am_detail_panel_focus (f->panel);
  g_assert_true (spin_until (f, focus_in_panel));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (AM_IS_FACT_ROW (focus));
  g_assert_cmpstr (row_title (focus), ==, "Affiliation");
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *title = NULL;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->panel), GTK_ACCESSIBLE_PROPERTY_LABEL, "Details");

  /* The header's title is named by its plain text. */
  am_session_select (f->session, "silva", AM_SELECTION_ORIGIN_MAP);
  headers = shown (f, AM_TYPE_DETAIL_HEADER);
  g_assert_cmpuint (headers->len, ==, 1);
  collect (g_ptr_array_index (headers, 0), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "Ana <b>Silva</b> & Co"))
      title = g_ptr_array_index (labels, i);
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));
  g_assert_false (gtk_label_get_selectable (GTK_LABEL (title)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ana <b>Silva</b> & Co");
}


/* Editing in place */

/* The widget of the page that edits @property. */
static GtkWidget *
edit_row (Fixture    *f,
          const char *property)
{
  g_autoptr(GPtrArray) rows = shown (f, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "am-property"),
                   property) == 0)
      return g_ptr_array_index (rows, i);

  g_assert_not_reached ();
}

static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

static AmDocument *edited_from;

static gboolean
document_changed (Fixture *f)
{
  return am_session_get_document (f->session) != edited_from;
}

/* Types @text into the field of @property and presses Enter (or leaves it), then waits
 * for the edit. */
static void
edit_text (Fixture    *f,
           const char *property,
           const char *text,
           gboolean    enter)
{
  GtkWidget *row = edit_row (f, property);

  edited_from = am_session_get_document (f->session);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (enter)
    g_signal_emit_by_name (row, "entry-activated");
  else
    g_signal_emit_by_name (controller_of (row, GTK_TYPE_EVENT_CONTROLLER_FOCUS), "leave");
  g_assert_true (spin_until (f, document_changed));
}

static void
test_edit_actor (Fixture       *f,
                 gconstpointer  data)
{
  AmEntity *entity;
  GtkWidget *row;
  gboolean handled = FALSE;

  select_and_show (f, "silva", AM_SELECTION_ORIGIN_MAP);

  /* Enter commits the name: a new document, one undo step, the header shows it. */
  edit_text (f, "name", "Ana Silva", TRUE);
  entity = am_document_lookup_entity (am_session_get_document (f->session), "silva");
  g_assert_cmpstr (am_entity_get_name (entity), ==, "Ana Silva");
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "Edit Actor");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "silva");
  g_assert_true (shows_text (f, "Ana Silva"));

  /* Leaving a field commits it too; the aliases are a list. */
  edit_text (f, "role", "Prime Minister", FALSE);
  edit_text (f, "aliases", "Silva,  Ana ,", FALSE);
  entity = am_document_lookup_entity (am_session_get_document (f->session), "silva");
  g_assert_cmpstr (am_entity_get_role (entity), ==, "Prime Minister");
  g_assert_cmpstrv (am_entity_get_aliases (entity), ((const char *[]) { "Silva", "Ana", NULL }));

  /* An empty description is none. */
  edit_text (f, "description", "", TRUE);
  entity = am_document_lookup_entity (am_session_get_document (f->session), "silva");
  g_assert_null (am_entity_get_description (entity));

  /* Escape puts the text back; leaving then changes nothing. */
  edited_from = am_session_get_document (f->session);
  row = edit_row (f, "role");
  gtk_editable_set_text (GTK_EDITABLE (row), "Nobody");
  g_signal_emit_by_name (controller_of (row, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Prime Minister");
  g_signal_emit_by_name (controller_of (row, GTK_TYPE_EVENT_CONTROLLER_FOCUS), "leave");
  ui_test_drain ();
  g_assert_true (am_session_get_document (f->session) == edited_from);

  /* The kind, from its drop-down. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (edit_row (f, "kind")), AM_ENTITY_KIND_STATE);
  g_assert_true (spin_until (f, document_changed));
  entity = am_document_lookup_entity (am_session_get_document (f->session), "silva");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_STATE);

  /* Undo goes back one edit at a time. */
  am_session_undo (f->session);
  entity = am_document_lookup_entity (am_session_get_document (f->session), "silva");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (am_entity_get_name (entity), ==, "Ana Silva");
}

static void
test_edit_relation_and_statement (Fixture       *f,
                                  gconstpointer  data)
{
  AmRelation *relation;
  AmStatement *statement;
  GtkWindow *dialog;
  GtkWidget *row;

  select_and_show (f, "r-meet", AM_SELECTION_ORIGIN_MAP);
  edit_text (f, "label", "meets", TRUE);
  relation = am_document_lookup_relation (am_session_get_document (f->session), "r-meet");
  g_assert_cmpstr (am_relation_get_label (relation), ==, "meets");
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "Edit Relation");

  edited_from = am_session_get_document (f->session);
  row = edit_row (f, "directed");
  gtk_widget_activate (row);
  g_assert_true (spin_until (f, document_changed));
  relation = am_document_lookup_relation (am_session_get_document (f->session), "r-meet");
  g_assert_false (am_relation_get_directed (relation));

  edit_text (f, "date", "2021-03-19", FALSE);
  relation = am_document_lookup_relation (am_session_get_document (f->session), "r-meet");
  g_assert_cmpstr (am_relation_get_date (relation), ==, "2021-03-19");

  /* A statement: words, whom it is about (by name), who reported it. */
  am_session_select (f->session, "s-talk", AM_SELECTION_ORIGIN_LIST);
  edit_text (f, "text", "We will talk", TRUE);
  edit_text (f, "about", "Bob Kim, seoul", FALSE);
  statement = am_document_lookup_statement (am_session_get_document (f->session), "s-talk");
  g_assert_cmpstr (am_statement_get_text (statement), ==, "We will talk");
  g_assert_cmpstrv (am_statement_get_about (statement), ((const char *[]) { "bob", "seoul", NULL }));
  g_assert_cmpstr (am_session_get_undo_label (f->session), ==, "Edit Statement");

  edited_from = am_session_get_document (f->session);
  adw_combo_row_set_selected (ADW_COMBO_ROW (edit_row (f, "reported-by")), 0);  /* Nobody */
  g_assert_true (spin_until (f, document_changed));
  statement = am_document_lookup_statement (am_session_get_document (f->session), "s-talk");
  g_assert_null (am_statement_get_reported_by (statement));

  /* A name nobody has is refused, and the field says so. */
  edited_from = am_session_get_document (f->session);
  row = edit_row (f, "addressees");
  gtk_editable_set_text (GTK_EDITABLE (row), "Nobody Known");
  g_signal_emit_by_name (row, "entry-activated");
  ui_test_drain ();
  g_assert_true (am_session_get_document (f->session) == edited_from);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* Told once (a dialog: this window has no toast overlay), not again when the focus
   * leaves with the same text. */
  dialog = ui_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Nobody Known"));
  gtk_window_destroy (dialog);
  g_signal_emit_by_name (controller_of (row, GTK_TYPE_EVENT_CONTROLLER_FOCUS), "leave");
  ui_test_drain ();
  g_assert_null (ui_test_find_dialog ());
}


/* Delete asks first, naming what goes with the actor; Cancel keeps everything. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  AmDocument *document;
  const char *body;

  select_and_show (f, "seoul", AM_SELECTION_ORIGIN_MAP);
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.delete", NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_dialog ());
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Seoul"));
  body = adw_message_dialog_get_body (dialog);
  /* Silva's visit goes too. */
  g_assert_nonnull (strstr (body, "visits"));
  g_assert_null (strstr (body, "meets"));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_session_get_document (f->session) == f->document);

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.delete", NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_dialog ());
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  document = am_session_get_document (f->session);
  g_assert_null (am_document_lookup_entity (document, "seoul"));
  g_assert_null (am_document_lookup_relation (document, "r-visit"));
  g_assert_nonnull (am_document_lookup_entity (document, "silva"));
  g_assert_nonnull (am_document_lookup_relation (document, "r-meet"));
  g_assert_cmpstr (visible_page_name (f), ==, "empty");

  am_session_undo (f->session);
  g_assert_nonnull (am_document_lookup_entity (am_session_get_document (f->session), "seoul"));

  /* A relation goes alone. */
  select_and_show (f, "r-meet", AM_SELECTION_ORIGIN_MAP);
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.delete", NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing else"));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (am_document_lookup_relation (am_session_get_document (f->session), "r-meet"));

  /* A hub: the dialog names ten of what goes, and counts the rest. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *label = g_strdup_printf ("knows %u", i);
      g_autofree char *id = am_session_add_relation (f->session, "portugal", "bob", label, NULL,
                                                     TRUE, NULL, NULL);

      g_assert_nonnull (id);
    }
  select_and_show (f, "portugal", AM_SELECTION_ORIGIN_MAP);
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.delete", NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_dialog ());
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "This also deletes 13 items:"));
  g_assert_nonnull (strstr (body, "and 3 more"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Merge Into: Bob goes into Silva, who keeps his relations and statements. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  AmDocument *document;
  AmStatement *statement;

  select_and_show (f, "bob", AM_SELECTION_ORIGIN_MAP);
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.merge", NULL);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_dialog ());
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.merge-into", "s", "silva");
  document = am_session_get_document (f->session);
  g_assert_null (am_document_lookup_entity (document, "bob"));
  statement = am_document_lookup_statement (document, "s-nothing");
  g_assert_nonnull (statement);
  g_assert_cmpstr (am_statement_get_speaker (statement), ==, "silva");
  g_assert_cmpstr (am_session_get_selection (f->session), ==, "silva");
}

/* A suggested item says so, and can be accepted or rejected from here. */
static void
test_suggested (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (f->document);
  g_autoptr(AmEntity) seoul = am_object_copy_with (am_document_lookup_entity (f->document, "seoul"),
                                                   "status", AM_STATUS_SUGGESTED, NULL);
  g_autoptr(AmRelation) visit = am_object_copy_with (am_document_lookup_relation (f->document, "r-visit"),
                                                     "status", AM_STATUS_SUGGESTED, NULL);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AmEntity *entity;

  am_document_builder_put (builder, seoul);
  am_document_builder_put (builder, visit);
  document = am_document_builder_build (builder, "suggested", &error);
  g_assert_no_error (error);
  am_session_set_document (f->session, document, NULL);

  select_and_show (f, "seoul", AM_SELECTION_ORIGIN_LIST);
  g_assert_true (shows_text (f, "Suggested: not in the saved map until accepted"));
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.accept", NULL);
  entity = am_document_lookup_entity (am_session_get_document (f->session), "seoul");
  g_assert_cmpint (am_entity_get_status (entity), ==, AM_STATUS_ACCEPTED);
  g_assert_false (shows_text (f, "Suggested: not in the saved map until accepted"));

  am_session_select (f->session, "r-visit", AM_SELECTION_ORIGIN_LIST);
  g_assert_true (shows_text (f, "Suggested: not in the saved map until accepted"));
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "details.reject", NULL);
  g_assert_null (am_document_lookup_relation (am_session_get_document (f->session), "r-visit"));
}

int
main (int   argc,
      char *argv[])
{
  /* Under Xvfb the window (480 wide, at 0,0 without a window manager) stays clear of
   * the pointer, which starts in the middle of the screen, so no tooltip opens over a
   * row. */
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/Actormap/DetailPanel/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("actor", test_actor);
  ADD ("relation", test_relation);
  ADD ("statement", test_statement);
  ADD ("links-select", test_links_select);
  ADD ("evidence-reveals", test_evidence_reveals);
  ADD ("empty", test_empty);
  ADD ("new-document", test_new_document);
  ADD ("session-property", test_session_property);
  ADD ("focus", test_focus);
  ADD ("accessible", test_accessible);
  ADD ("edit-actor", test_edit_actor);
  ADD ("edit-relation-and-statement", test_edit_relation_and_statement);
  ADD ("delete", test_delete);
  ADD ("merge", test_merge);
  ADD ("suggested", test_suggested);

#undef ADD

  return g_test_run ();
}
