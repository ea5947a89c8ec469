/* am-detail-panel.c — what is known about the selected actor, relation or statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "am-actor-row.h"
#include "am-detail-group.h"
#include "am-detail-edit.h"
#include "am-detail-header.h"
#include "am-detail-panel.h"
#include "am-edit-util.h"
#include "am-evidence-row.h"
#include "am-fact-row.h"
#include "am-relation-row.h"
#include "am-statement-row.h"
#include "am-ui-util.h"

struct _AmDetailPanel
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkBox            *content;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scroller;
  GtkStack          *stack;

  /* Owned References */
  AmSession         *session;
  GSignalGroup      *session_signals;
  char              *shown_id;   /* the item the rows show, to keep the place on an edit */
};

G_DEFINE_FINAL_TYPE (AmDetailPanel, am_detail_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* How many of the items a deletion takes with it the dialog names. */
#define MAX_CASCADE_SHOWN 10

/* Building blocks.  Each kind of row is a small widget with its own template
 * (resources/ui/am-*-row.ui); here is only what goes into them.  Every text from the
 * file goes in as plain text. */

static AdwPreferencesGroup *
add_group (AmDetailPanel *self,
           const char    *title,
           guint          count)
{
  GtkWidget *group = am_detail_group_new (title, count);

  gtk_box_append (self->content, group);

  return ADW_PREFERENCES_GROUP (group);
}

/* A fact: the name of the field small, the value below it; nothing when there is no
 * value. */
static void
add_property (AdwPreferencesGroup *group,
              const char          *key,
              const char          *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  adw_preferences_group_add (group, am_fact_row_new (key, value));
}

static void
add_entity_link (AdwPreferencesGroup *group,
                 AmDocument          *document,
                 const char          *entity_id,
                 const char          *subtitle)
{
  AmEntity *entity = am_document_lookup_entity (document, entity_id);

  adw_preferences_group_add (group,
                             am_actor_row_new (entity_id,
                                               _am_ui_entity_name (document, entity_id),
                                               subtitle,
                                               entity ? _am_ui_kind_css_name (entity) : NULL));
}

/* "Quote · 16 March 2021 · to US administration · reported by Yonhap" */
static char *
statement_details (AmDocument  *document,
                   AmStatement *statement)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *addressees = am_statement_get_addressees (statement);
  const char * const *about = am_statement_get_about (statement);
  const char *reported_by = am_statement_get_reported_by (statement);
  char *date = am_format_date (am_statement_get_date (statement));

  if (am_statement_get_quoted (statement))
    /* Translators: marks a statement quoted word for word */
    g_ptr_array_add (parts, g_strdup (_("Quote")));
  else
    /* Translators: marks a statement the article paraphrases */
    g_ptr_array_add (parts, g_strdup (_("Reported speech")));

  if (date != NULL)
    g_ptr_array_add (parts, date);

  if (addressees[0] != NULL)
    {
      g_autofree char *names = _am_edit_join_actor_names (document, addressees);

      /* Translators: whom a statement is addressed to; %s is a list of names */
      g_ptr_array_add (parts, g_strdup_printf (_("to %s"), names));
    }

  if (about[0] != NULL)
    {
      g_autofree char *names = _am_edit_join_actor_names (document, about);

      /* Translators: whom a statement is about; %s is a list of names */
      g_ptr_array_add (parts, g_strdup_printf (_("about %s"), names));
    }

  if (reported_by != NULL)
    /* Translators: who reported a statement; %s is a name (a news agency) */
    g_ptr_array_add (parts, g_strdup_printf (_("reported by %s"),
                                             _am_ui_entity_name (document, reported_by)));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
add_statement_row (AdwPreferencesGroup *group,
                   AmDocument          *document,
                   AmStatement         *statement,
                   gboolean             with_speaker)
{
  g_autofree char *words = _am_ui_statement_words (statement);
  g_autofree char *details = statement_details (document, statement);
  g_autofree char *title = NULL;

  if (with_speaker)
    /* Translators: a statement with its speaker, "Kim Yo Jong: “…”" */
    title = g_strdup_printf (_("%s: %s"),
                             _am_ui_entity_name (document, am_statement_get_speaker (statement)),
                             words);

  adw_preferences_group_add (group,
                             am_statement_row_new (am_statement_get_id (statement),
                                                   title ? title : words,
                                                   details,
                                                   am_statement_get_quoted (statement)));
}

/* One row of an actor's relations: the actor at the other end, and "→ label · date". */
static void
add_relation_row (AdwPreferencesGroup *group,
                  AmDocument          *document,
                  AmRelation          *relation,
                  const char          *entity_id)
{
  gboolean outgoing = g_strcmp0 (am_relation_get_source (relation), entity_id) == 0;
  const char *other = outgoing ? am_relation_get_target (relation) : am_relation_get_source (relation);
  const char *label = am_relation_get_label (relation);
  g_autofree char *date = am_format_date (am_relation_get_date (relation));
  g_autofree char *subtitle = NULL;
  const char *arrow;

  if (!am_relation_get_directed (relation))
    arrow = "—";
  else
    arrow = outgoing ? "→" : "←";

  subtitle = g_strdup_printf ("%s %s%s%s", arrow,
                              label && label[0] ? label : "",
                              date ? " · " : "", date ? date : "");

  adw_preferences_group_add (group,
                             am_relation_row_new (am_relation_get_id (relation), other,
                                                  _am_ui_entity_name (document, other),
                                                  subtitle));
}

static void
add_evidence (AmDetailPanel *self,
              GPtrArray     *evidence)
{
  AdwPreferencesGroup *group;

  if (evidence == NULL || evidence->len == 0)
    return;

  /* Translators: a heading in the details: the article's sentences a fact rests on */
  group = add_group (self, _("Evidence in the Article"), evidence->len);

  for (guint i = 0; i < evidence->len; i++)
    {
      AmEvidence *item = g_ptr_array_index (evidence, i);
      g_autofree char *where = NULL;

      /* Translators: where a sentence is in the article; %u is a paragraph number */
      where = g_strdup_printf (_("Paragraph %u"), am_evidence_get_paragraph (item) + 1);
      adw_preferences_group_add (group,
                                 am_evidence_row_new (am_evidence_get_text (item), where,
                                                      am_evidence_get_paragraph (item),
                                                      am_evidence_get_offset (item)));
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
add_attributes (AmDetailPanel *self,
                GHashTable    *attributes)
{
  g_autofree gpointer *keys = NULL;
  AdwPreferencesGroup *group;
  guint n = 0;

  if (attributes == NULL || g_hash_table_size (attributes) == 0)
    return;

  keys = g_hash_table_get_keys_as_array (attributes, &n);
  qsort (keys, n, sizeof (gpointer), compare_keys);

  /* Translators: a heading in the details: extra fields from the file (or DOT attributes) */
  group = add_group (self, _("Attributes"), n);
  for (guint i = 0; i < n; i++)
    add_property (group, keys[i], g_hash_table_lookup (attributes, keys[i]));
}

/* Deleting, merging, accepting: the buttons at the foot of the details, and the bar
 * that marks a suggested item. */

static AmItemType
selected_type (AmDetailPanel *self,
               const char   **id)
{
  AmDocument *document = self->session ? am_session_get_document (self->session) : NULL;

  *id = self->session ? am_session_get_selection (self->session) : NULL;

  return _am_ui_item_type (document, *id);
}

static AmStatus
item_status (AmDocument *document,
             const char *id)
{
  switch (_am_ui_item_type (document, id))
    {
    case AM_ITEM_ENTITY:
      return am_entity_get_status (am_document_lookup_entity (document, id));
    case AM_ITEM_RELATION:
      return am_relation_get_status (am_document_lookup_relation (document, id));
    case AM_ITEM_STATEMENT:
      return am_statement_get_status (am_document_lookup_statement (document, id));
    case AM_ITEM_NONE:
    default:
      return AM_STATUS_ACCEPTED;
    }
}

static void
add_suggestion_bar (AmDetailPanel *self,
                    AmDocument    *document,
                    const char    *id)
{
  GtkWidget *box, *label, *button;

  if (item_status (document, id) != AM_STATUS_SUGGESTED)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "suggestion-bar");
  /* Translators: marks an item the program suggested and nobody accepted yet */
  label = gtk_label_new (_("Suggested: not in the saved map until accepted"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: a button that removes a suggested item */
  button = gtk_button_new_with_mnemonic (_("_Reject"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.reject");
  gtk_box_append (GTK_BOX (box), button);

  /* Translators: a button that keeps a suggested item in the map */
  button = gtk_button_new_with_mnemonic (_("_Accept"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.accept");
  gtk_box_append (GTK_BOX (box), button);

  gtk_box_append (self->content, box);
}

static void
add_edit_buttons (AmDetailPanel *self,
                  AmItemType     type)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;

  gtk_widget_set_halign (box, GTK_ALIGN_END);

  if (type == AM_ITEM_ENTITY)
    {
      /* Translators: a button: this actor becomes part of another one */
      button = gtk_button_new_with_mnemonic (_("_Merge Into…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.merge");
      gtk_box_append (GTK_BOX (box), button);
    }

  /* Translators: a button that deletes the selected actor, relation or statement */
  button = gtk_button_new_with_mnemonic (_("_Delete…"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.delete");
  gtk_box_append (GTK_BOX (box), button);

  gtk_box_append (self->content, box);
}

static void
report (AmDetailPanel *self,
        GError        *error)
{
  _am_edit_report_error (GTK_WIDGET (self), error);
}

/* "details.accept" and "details.reject": the selected suggestion stays, or goes. */
static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *selection;
  gboolean done;

  if (selected_type (self, &selection) == AM_ITEM_NONE)
    return;

  id = g_strdup (selection);
  if (g_str_equal (action_name, "details.accept"))
    done = am_session_accept (self->session, id, &error);
  else
    done = am_session_reject (self->session, id, &error);

  if (!done)
    report (self, error);
}

/* The dialogs act on the item they were opened for, even if the selection moved. */
typedef struct
{
  AmDetailPanel *self;    /* a reference */
  char          *id;
  GtkWidget     *chooser; /* Merge: the actor to keep */
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->self);
  g_free (data->id);
  g_free (data);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || data->self->session == NULL)
    return;

  if (!am_session_delete (data->self->session, data->id, &error))
    report (data->self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (widget);
  AmDocument *document = self->session ? am_session_get_document (self->session) : NULL;
  g_auto(GStrv) cascade = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  DialogData *data;
  const char *id;
  guint n;

  if (selected_type (self, &id) == AM_ITEM_NONE)
    return;

  name = _am_ui_describe_item (document, id, 60);
  /* Translators: the heading of the dialog that deletes an item; %s names it */
  heading = g_strdup_printf (_("Delete %s?"), name);

  cascade = am_session_dup_delete_cascade (self->session, id);
  n = cascade ? g_strv_length (cascade) : 0;
  if (n == 0)
    /* Translators: in the dialog that deletes an item that nothing else depends on */
    g_string_append (body, _("Nothing else goes with it. Undo brings it back."));
  else
    {
      g_string_append_printf (body,
                              /* Translators: in the delete dialog; a list of what goes follows */
                              g_dngettext (GETTEXT_PACKAGE, "This also deletes %u item:",
                                           "This also deletes %u items:", n),
                              n);
      /* A hub actor may take dozens with it: the first few are named. */
      for (guint i = 0; i < MIN (n, MAX_CASCADE_SHOWN); i++)
        {
          g_autofree char *item = _am_ui_describe_item (document, cascade[i], 60);

          g_string_append_printf (body, "\n• %s", item);
        }
      if (n > MAX_CASCADE_SHOWN)
        {
          g_string_append_c (body, '\n');
          g_string_append_printf (body,
                                  /* Translators: ends the list of what a deletion takes with it */
                                  g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                               n - MAX_CASCADE_SHOWN),
                                  n - MAX_CASCADE_SHOWN);
        }
    }

  data = g_new0 (DialogData, 1);
  data->self = g_object_ref (self);
  data->id = g_strdup (id);
  /* Translators: the button that deletes an item */
  dialog = _am_edit_dialog_new (widget, heading, body->str, "delete", _("_Delete"), TRUE, NULL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), data,
                         (GClosureNotify) dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "details.merge-into" ("s"): the selected actor goes into the actor @keep. */
static void
merge_into_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = g_variant_dup_string (parameter, NULL);
  g_autofree char *merge = NULL;
  const char *id;

  if (selected_type (self, &id) != AM_ITEM_ENTITY)
    return;

  merge = g_strdup (id);
  if (!am_session_merge (self->session, keep, merge, &error))
    report (self, error);
  else
    am_session_select (self->session, keep, AM_SELECTION_ORIGIN_DETAILS);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DialogData       *data)
{
  AmDetailPanel *self = data->self;
  const char *keep = _am_edit_actor_dropdown_get_id (data->chooser);

  if (g_strcmp0 (response, "merge") != 0 || self->session == NULL || keep == NULL)
    return;

  /* The selection may have moved while the dialog was open. */
  am_session_select (self->session, data->id, AM_SELECTION_ORIGIN_DETAILS);
  gtk_widget_activate_action (GTK_WIDGET (self), "details.merge-into", "s", keep);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (widget);
  AmDocument *document = self->session ? am_session_get_document (self->session) : NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  DialogData *data;
  const char *id;

  if (selected_type (self, &id) != AM_ITEM_ENTITY)
    return;

  /* Translators: the heading of the Merge dialog; %s is an actor's name */
  heading = g_strdup_printf (_("Merge “%s” Into…"), _am_ui_entity_name (document, id));

  data = g_new0 (DialogData, 1);
  data->self = g_object_ref (self);
  data->id = g_strdup (id);
  data->chooser = _am_edit_actor_dropdown_new (document, NULL, id, NULL);
  dialog = _am_edit_dialog_new (widget, heading,
                                /* Translators: the body of the Merge dialog */
                                _("The actor chosen keeps its name and gains this one's "
                                  "name and aliases, relations, statements and evidence."),
                                "merge",
                                /* Translators: the button of the Merge dialog */
                                _("_Merge"), FALSE,
                                _am_edit_form_field (
                                  /* Translators: the actor another one is merged into */
                                  _("_Keep"), data->chooser));
  g_signal_connect_data (dialog, "response", G_CALLBACK (merge_response_cb), data,
                         (GClosureNotify) dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pages */

static void
show_entity (AmDetailPanel *self,
             AmDocument    *document,
             AmEntity      *entity)
{
  const char *id = am_entity_get_id (entity);
  const char * const *aliases = am_entity_get_aliases (entity);
  g_autofree char *kind = _am_ui_kind_label (entity);
  g_autofree char *css_class = g_strdup_printf ("kind-%s", _am_ui_kind_css_name (entity));
  g_autoptr(GPtrArray) relations = am_document_relations_of (document, id);
  g_autoptr(GPtrArray) said = am_document_statements_by (document, id);
  g_autoptr(GPtrArray) about = am_document_statements_about (document, id);
  AdwPreferencesGroup *group;

  gtk_box_append (self->content,
                  am_detail_header_new (kind, css_class, am_entity_get_name (entity), "title-2",
                                        am_entity_get_role (entity),
                                        am_entity_get_description (entity)));
  add_suggestion_bar (self, document, id);

  if (am_entity_get_affiliation (entity) != NULL || aliases[0] != NULL)
    {
      g_autofree char *alias_text = g_strjoinv (", ", (char **) aliases);

      /* Translators: a heading in the details of an actor */
      group = add_group (self, _("Facts"), 0);
      /* Translators: a field of an actor: what it belongs to */
      add_property (group, _("Affiliation"), am_entity_get_affiliation (entity));
      /* Translators: a field of an actor: other names the article uses */
      add_property (group, _("Also Known As"), alias_text);
    }

  if (said->len > 0)
    {
      /* Translators: a heading in the details of an actor: what the actor said */
      group = add_group (self, _("Statements"), said->len);
      for (guint i = 0; i < said->len; i++)
        add_statement_row (group, document, g_ptr_array_index (said, i), FALSE);
    }

  if (relations->len > 0)
    {
      /* Translators: a heading in the details of an actor */
      group = add_group (self, _("Relations"), relations->len);
      for (guint i = 0; i < relations->len; i++)
        add_relation_row (group, document, g_ptr_array_index (relations, i), id);
    }

  if (about->len > 0)
    {
      /* Translators: a heading in the details of an actor: what others said about it */
      group = add_group (self, _("Mentioned in Statements"), about->len);
      for (guint i = 0; i < about->len; i++)
        add_statement_row (group, document, g_ptr_array_index (about, i), TRUE);
    }

  add_evidence (self, am_entity_get_evidence (entity));
  add_attributes (self, am_entity_get_attributes (entity));
  /* What can be changed comes after what is known: the focus and a screen reader meet
   * the facts first. */
  gtk_box_append (self->content, _am_detail_edit_entity (self->session, entity));
}

static void
show_relation (AmDetailPanel *self,
               AmDocument    *document,
               AmRelation    *relation)
{
  const char *label = am_relation_get_label (relation);
  const char *type = am_relation_get_rel_type (relation);
  gboolean directed = am_relation_get_directed (relation);
  g_autofree char *ends = _am_ui_relation_ends (document, relation);
  g_autofree char *date = am_format_date (am_relation_get_date (relation));
  g_autofree char *pill = NULL;
  const char *first_end, *second_end, *direction;
  AdwPreferencesGroup *group;

  if (type != NULL && type[0] != '\0')
    /* Translators: the label above a relation's title; %s is its type ("visit") */
    pill = g_strdup_printf (_("Relation · %s"), type);
  else
    /* Translators: the label above a relation's title */
    pill = g_strdup (_("Relation"));

  gtk_box_append (self->content,
                  am_detail_header_new (pill, "relation-pill",
                                        label && label[0] ? label : ends, "title-2",
                                        label && label[0] ? ends : NULL, NULL));
  add_suggestion_bar (self, document, am_relation_get_id (relation));

  if (directed)
    {
      /* Translators: the first actor of a relation that has a direction */
      first_end = _("From");
      /* Translators: the second actor of a relation that has a direction */
      second_end = _("To");
      /* Translators: the direction of a relation */
      direction = _("One way, from the first actor to the second");
    }
  else
    {
      /* Translators: the first actor of a relation without a direction */
      first_end = _("One side");
      /* Translators: the second actor of a relation without a direction */
      second_end = _("Other side");
      /* Translators: the direction of a relation */
      direction = _("Both ways");
    }

  /* Translators: a heading in the details of a relation: the two actors it joins */
  group = add_group (self, _("Between"), 0);
  add_entity_link (group, document, am_relation_get_source (relation), first_end);
  add_entity_link (group, document, am_relation_get_target (relation), second_end);

  /* Translators: a heading in the details of a relation */
  group = add_group (self, _("Details"), 0);
  /* Translators: a field of a relation */
  add_property (group, _("Type"), type);
  /* Translators: a field of a relation: one way or both ways */
  add_property (group, _("Direction"), direction);
  /* Translators: a field of a relation */
  add_property (group, _("Date"), date);

  add_evidence (self, am_relation_get_evidence (relation));
  add_attributes (self, am_relation_get_attributes (relation));
  gtk_box_append (self->content, _am_detail_edit_relation (self->session, relation));
}

static void
add_entity_links (AmDetailPanel      *self,
                  AmDocument         *document,
                  const char         *title,
                  const char * const *ids)
{
  AdwPreferencesGroup *group;

  if (ids[0] == NULL)
    return;

  group = add_group (self, title, g_strv_length ((char **) ids));
  for (guint i = 0; ids[i] != NULL; i++)
    add_entity_link (group, document, ids[i], NULL);
}

static void
show_statement (AmDetailPanel *self,
                AmDocument    *document,
                AmStatement   *statement)
{
  const char *speaker = am_statement_get_speaker (statement);
  const char *reported_by = am_statement_get_reported_by (statement);
  gboolean quoted = am_statement_get_quoted (statement);
  g_autofree char *words = _am_ui_statement_words (statement);
  g_autofree char *date = am_format_date (am_statement_get_date (statement));
  g_autofree char *attribution = NULL;
  const char *form;
  AdwPreferencesGroup *group;

  if (date != NULL)
    /* Translators: under a statement: "— Speaker, date" */
    attribution = g_strdup_printf (_("— %s, %s"), _am_ui_entity_name (document, speaker), date);
  else
    /* Translators: under a statement: "— Speaker" */
    attribution = g_strdup_printf (_("— %s"), _am_ui_entity_name (document, speaker));

  if (quoted)
    /* Translators: the label above a statement quoted word for word */
    form = _("Quote");
  else
    /* Translators: the label above a statement the article paraphrases */
    form = _("Reported Speech");

  gtk_box_append (self->content,
                  am_detail_header_new (form, "statement-pill", words,
                                        quoted ? "statement-quote" : "statement-reported",
                                        attribution, NULL));
  add_suggestion_bar (self, document, am_statement_get_id (statement));

  /* Translators: a heading in the details of a statement */
  group = add_group (self, _("Speaker"), 0);
  add_entity_link (group, document, speaker, NULL);

  add_entity_links (self, document,
                    /* Translators: a heading in the details of a statement */
                    _("Addressed To"), am_statement_get_addressees (statement));
  add_entity_links (self, document,
                    /* Translators: a heading in the details of a statement */
                    _("About"), am_statement_get_about (statement));

  /* Translators: a heading in the details of a statement: who reported it, and when */
  group = add_group (self, _("Source"), 0);
  if (reported_by != NULL)
    /* Translators: a statement was reported by this actor */
    add_entity_link (group, document, reported_by, _("Reported by"));
  /* Translators: a field of a statement */
  add_property (group, _("Date"), date);
  add_property (group,
                /* Translators: a field of a statement: quoted or paraphrased */
                _("Form"),
                quoted
                  /* Translators: the form of a statement */
                  ? _("Quoted word for word")
                  /* Translators: the form of a statement */
                  : _("Paraphrased by the article"));

  add_evidence (self, am_statement_get_evidence (statement));
  gtk_box_append (self->content, _am_detail_edit_statement (self->session, statement));
}

static void
clear_content (AmDetailPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);
}

static void
set_empty_state (AmDetailPanel *self,
                 AmDocument    *document)
{
  g_autofree char *description = NULL;

  if (document == NULL)
    {
      /* Translators: the details panel when no map is open */
      adw_status_page_set_title (self->empty_page, _("No Map Open"));
      /* AdwStatusPage's description is markup; escape even our own strings. */
      /* Translators: the details panel when no map is open */
      description = g_markup_escape_text (_("Open an actor map with Ctrl+O, or drop a file on the window."), -1);
    }
  else
    {
      const char *hint;

      if (_am_ui_document_is_graph (document))
        /* Translators: the details panel when nothing is selected in a Graphviz file */
        hint = _("Click a node or an edge on the map, or pick one from the list.");
      else if (am_document_get_n_paragraphs (document) == 0)
        /* Translators: the details panel when nothing is selected in a map without an article */
        hint = _("Click an actor or a relation on the map, or pick one from the list.");
      else
        /* Translators: the details panel when nothing is selected */
        hint = _("Click an actor or a relation on the map, pick one from the list, "
                 "or click a marked sentence in the article.");

      /* Translators: the details panel when nothing is selected */
      adw_status_page_set_title (self->empty_page, _("Nothing Selected"));
      description = g_markup_escape_text (hint, -1);
    }

  adw_status_page_set_description (self->empty_page, description);
}

/* The property whose editing row has the focus, if any. (transfer full) */
static char *
focused_property (AmDetailPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self->content); focus = gtk_widget_get_parent (focus))
    {
      const char *property = g_object_get_data (G_OBJECT (focus), "am-property");

      if (property != NULL)
        return g_strdup (property);
    }

  return NULL;
}

/* Everything shown comes from the session as it is now: no copy of the document or of
 * the selection is kept here.  An edit of the shown item (a new document, the same
 * selection) keeps the scroll position and gives the focus back to the field that had
 * it. */
static void
rebuild (AmDetailPanel *self)
{
  AmDocument *document = self->session ? am_session_get_document (self->session) : NULL;
  const char *id = self->session ? am_session_get_selection (self->session) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gboolean same = id != NULL && g_strcmp0 (id, self->shown_id) == 0;
  g_autofree char *refocus = same ? focused_property (self) : NULL;
  double scroll = gtk_adjustment_get_value (adjustment);
  AmItemType type = _am_ui_item_type (document, id);

  clear_content (self);
  g_free (self->shown_id);
  self->shown_id = type != AM_ITEM_NONE ? g_strdup (id) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.delete", type != AM_ITEM_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.accept", type != AM_ITEM_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.reject", type != AM_ITEM_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.merge", type == AM_ITEM_ENTITY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.merge-into", type == AM_ITEM_ENTITY);

  switch (type)
    {
    case AM_ITEM_ENTITY:
      show_entity (self, document, am_document_lookup_entity (document, id));
      break;

    case AM_ITEM_RELATION:
      show_relation (self, document, am_document_lookup_relation (document, id));
      break;

    case AM_ITEM_STATEMENT:
      show_statement (self, document, am_document_lookup_statement (document, id));
      break;

    case AM_ITEM_NONE:
    default:
      set_empty_state (self, document);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  add_edit_buttons (self, type);

  gtk_adjustment_set_value (adjustment, same ? scroll : 0.0);
  gtk_stack_set_visible_child_name (self->stack, "details");

  if (refocus != NULL)
    {
      GtkWidget *row = _am_detail_edit_find_row (GTK_WIDGET (self->content), refocus);

      if (row != NULL)
        gtk_widget_grab_focus (row);
    }
}

/* "details.select": every link in the panel (another actor, a relation, a statement). */
static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (widget);

  if (self->session == NULL)
    return;

  am_session_select (self->session, g_variant_get_string (parameter, NULL),
                     AM_SELECTION_ORIGIN_DETAILS);
}

/* GObject */

static void
am_detail_panel_dispose (GObject *object)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_DETAIL_PANEL);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->shown_id, g_free);

  G_OBJECT_CLASS (am_detail_panel_parent_class)->dispose (object);
}

static void
am_detail_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_detail_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_detail_panel_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_detail_panel_class_init (AmDetailPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_detail_panel_dispose;
  object_class->get_property = am_detail_panel_get_property;
  object_class->set_property = am_detail_panel_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "details.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "details.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "details.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "details.merge-into", "s", merge_into_action);
  gtk_widget_class_install_action (widget_class, "details.accept", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "details.reject", NULL, resolve_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amdetailpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-detail-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, content);
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, stack);
}

static void
am_detail_panel_init (AmDetailPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A new document may keep the selection (same id) or clear it: either way, read both
   * again. */
  self->session_signals = g_signal_group_new (AM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::document",
                                 G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::selection",
                                 G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
}

/* Public API */

GtkWidget *
am_detail_panel_new (void)
{
  return g_object_new (AM_TYPE_DETAIL_PANEL, NULL);
}

AmSession *
am_detail_panel_get_session (AmDetailPanel *self)
{
  g_return_val_if_fail (AM_IS_DETAIL_PANEL (self), NULL);

  return self->session;
}

void
am_detail_panel_set_session (AmDetailPanel *self,
                             AmSession     *session)
{
  g_return_if_fail (AM_IS_DETAIL_PANEL (self));
  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

static gboolean
focus_first_row (AmDetailPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* Tab order goes on from the focus, so from a row of the panel that has it (GTK may
   * have given a new page's first row the focus already) it would reach the next row:
   * start afresh. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content)))
    gtk_root_set_focus (root, NULL);

  return gtk_widget_child_focus (GTK_WIDGET (self->content), GTK_DIR_TAB_FORWARD);
}

static void
focus_later_cb (gpointer data)
{
  g_autoptr(AmDetailPanel) self = data;

  focus_first_row (self);
}

void
am_detail_panel_focus (AmDetailPanel *self)
{
  g_return_if_fail (AM_IS_DETAIL_PANEL (self));

  /* Rows made for a selection a moment ago have no size yet and cannot take focus;
   * try again once the frame has been laid out. */
  if (!focus_first_row (self))
    g_idle_add_once (focus_later_cb, g_object_ref (self));
}
