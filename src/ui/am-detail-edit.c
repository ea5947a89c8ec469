/* am-detail-edit.c — the detail panel's fields that edit the selected item in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-core-enums.h"
#include "am-detail-edit.h"
#include "am-detail-group.h"
#include "am-edit-util.h"
#include "am-ui-util.h"

/* How the text of a field becomes the property's value. */
typedef enum
{
  FIELD_TEXT,       /* a string; empty is NULL unless required */
  FIELD_REQUIRED,   /* a string that may not be empty (a name, a statement's words) */
  FIELD_LIST,       /* comma separated words: a GStrv (aliases) */
  FIELD_ACTORS,     /* comma separated actor names: a GStrv of ids */
} FieldKind;

/* What one editing row needs, kept as its object data. */
typedef struct
{
  AmSession *session;      /* a reference */
  char      *id;
  char      *property;
  FieldKind  kind;
  char      *original;     /* the text the field started with */
  char      *submitted;    /* the last text committed (an edit refused stays refused) */
  GPtrArray *choice_ids;   /* a combo row's ids in order ("" = none), or NULL */
} Field;

static void
field_free (Field *field)
{
  g_clear_object (&field->session);
  g_free (field->id);
  g_free (field->property);
  g_free (field->original);
  g_free (field->submitted);
  g_clear_pointer (&field->choice_ids, g_ptr_array_unref);
  g_free (field);
}

static Field *
field_new (GtkWidget  *row,
           AmSession  *session,
           const char *id,
           const char *property,
           FieldKind   kind,
           const char *original)
{
  Field *field = g_new0 (Field, 1);

  field->session = g_object_ref (session);
  field->id = g_strdup (id);
  field->property = g_strdup (property);
  field->kind = kind;
  field->original = g_strdup (original ? original : "");
  g_object_set_data_full (G_OBJECT (row), "am-field", field, (GDestroyNotify) field_free);
  g_object_set_data_full (G_OBJECT (row), "am-property", g_strdup (property), g_free);

  return field;
}

/* Committing */

typedef struct
{
  AmSession *session;
  char      *id;
  char      *property;
  GValue     value;
  GWeakRef   row;
} Commit;

static gboolean
commit_run (gpointer data)
{
  Commit *commit = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) row = g_weak_ref_get (&commit->row);

  if (!am_session_set_item_property (commit->session, commit->id, commit->property,
                                     &commit->value, &error))
    {
      g_debug ("Edit of %s.%s refused: %s", commit->id, commit->property, error->message);
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          _am_edit_report_error (row, error);
        }
    }

  g_clear_object (&commit->session);
  g_free (commit->id);
  g_free (commit->property);
  g_value_unset (&commit->value);
  g_weak_ref_clear (&commit->row);
  g_free (commit);

  return G_SOURCE_REMOVE;
}

/* Takes @value. */
static void
commit_later (GtkWidget *row,
              Field     *field,
              GValue    *value)
{
  Commit *commit = g_new0 (Commit, 1);

  commit->session = g_object_ref (field->session);
  commit->id = g_strdup (field->id);
  commit->property = g_strdup (field->property);
  commit->value = *value;
  g_weak_ref_init (&commit->row, row);
  /* Before the next frame: an idle at the default idle priority can wait behind a
   * stream of redraws (an animation on a slow machine). */
  g_idle_add_full (G_PRIORITY_DEFAULT, commit_run, commit, NULL);
}

static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *word = g_strstrip (parts[i]);

      if (word[0] != '\0')
        g_strv_builder_add (builder, word);
    }

  return g_strv_builder_end (builder);
}

static void
commit_text (GtkWidget *row)
{
  Field *field = g_object_get_data (G_OBJECT (row), "am-field");
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_strstrip (text);
  /* Nothing changed, or this very text was committed already (Enter, then the focus
   * leaving): no second edit, no second error. */
  if (field == NULL || g_strcmp0 (text, field->original) == 0
      || g_strcmp0 (text, field->submitted) == 0)
    return;

  switch (field->kind)
    {
    case FIELD_TEXT:
    case FIELD_REQUIRED:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text[0] != '\0' || field->kind == FIELD_REQUIRED ? text : NULL);
      break;

    case FIELD_LIST:
      g_value_init (&value, G_TYPE_STRV);
      g_value_take_boxed (&value, split_list (text));
      break;

    case FIELD_ACTORS:
      {
        GStrv ids = _am_edit_parse_actor_names (am_session_get_document (field->session), text, &error);

        if (ids == NULL)
          {
            g_free (field->submitted);
            field->submitted = g_strdup (text);
            gtk_widget_add_css_class (row, "error");
            _am_edit_report_error (row, error);
            return;
          }
        g_value_init (&value, G_TYPE_STRV);
        g_value_take_boxed (&value, ids);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (field->submitted);
  field->submitted = g_strdup (text);
  gtk_widget_remove_css_class (row, "error");
  commit_later (row, field, &value);
}

static void
entry_activated_cb (AdwEntryRow *row)
{
  commit_text (GTK_WIDGET (row));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller)
{
  commit_text (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Field *field = g_object_get_data (G_OBJECT (row), "am-field");

  if (keyval != GDK_KEY_Escape || field == NULL)
    return FALSE;

  /* Escape puts the value back, and only then (a second Escape) goes on up. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), field->original) == 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (row), field->original);
  g_clear_pointer (&field->submitted, g_free);
  gtk_widget_remove_css_class (row, "error");

  return TRUE;
}

static GtkWidget *
add_text_row (GtkWidget  *group,
              AmSession  *session,
              const char *id,
              const char *property,
              FieldKind   kind,
              const char *title,
              const char *value)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *controller;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  field_new (row, session, id, property, kind, value);

  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), NULL);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), NULL);
  gtk_widget_add_controller (row, controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (row, controller);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
switch_active_cb (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  Field *field = g_object_get_data (G_OBJECT (row), "am-field");
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  commit_later (row, field, &value);
}

static GtkWidget *
add_switch_row (GtkWidget  *group,
                AmSession  *session,
                const char *id,
                const char *property,
                const char *title,
                const char *subtitle,
                gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  field_new (row, session, id, property, FIELD_TEXT, NULL);
  /* The focus goes back to the switch after the rebuild. */
  g_object_set_data_full (G_OBJECT (toggle), "am-property", g_strdup (property), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (switch_active_cb), row, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

/* Combo rows: the kind of an actor, or an actor (a speaker; who reported). */

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec)
{
  Field *field = g_object_get_data (G_OBJECT (row), "am-field");
  guint selected = adw_combo_row_get_selected (row);
  GValue value = G_VALUE_INIT;

  if (field == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (field->choice_ids == NULL)
    {
      g_value_init (&value, AM_TYPE_ENTITY_KIND);
      g_value_set_enum (&value, (int) selected);
    }
  else
    {
      const char *id = g_ptr_array_index (field->choice_ids, selected);

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, id[0] != '\0' ? id : NULL);
    }

  commit_later (GTK_WIDGET (row), field, &value);
}

static GtkWidget *
add_combo_row (GtkWidget     *group,
               const char    *title,
               GtkStringList *names,
               guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_unref (names);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
add_kind_row (GtkWidget *group,
              AmSession *session,
              AmEntity  *entity)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *row;

  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(AmEntity) probe = g_object_new (AM_TYPE_ENTITY, "kind", kind, NULL);
      g_autofree char *label = _am_ui_kind_label (probe);

      gtk_string_list_append (names, label);
    }

  /* Translators: a field of an actor: person, state, organisation… */
  row = add_combo_row (group, _("Kind"), names, am_entity_get_kind (entity));
  field_new (row, session, am_entity_get_id (entity), "kind", FIELD_TEXT, NULL);
}

static void
add_actor_row (GtkWidget  *group,
               AmSession  *session,
               const char *id,
               const char *property,
               const char *title,
               const char *current,
               const char *none_label)
{
  GPtrArray *ids = NULL;
  guint selected = 0;
  GtkStringList *names = _am_edit_actor_choices (am_session_get_document (session), current,
                                                 NULL, none_label, &ids, &selected);
  GtkWidget *row = add_combo_row (group, title, names, selected);
  Field *field = field_new (row, session, id, property, FIELD_TEXT, NULL);

  field->choice_ids = ids;
}

/* The groups */

static GtkWidget *
new_group (void)
{
  /* Translators: a heading in the details: the fields that can be changed */
  return am_detail_group_new (_("Edit"), 0);
}

GtkWidget *
_am_detail_edit_entity (AmSession *session,
                        AmEntity  *entity)
{
  const char *id = am_entity_get_id (entity);
  g_autofree char *aliases = g_strjoinv (", ", (char **) am_entity_get_aliases (entity));
  GtkWidget *group = new_group ();

  /* Translators: a field of an actor */
  add_text_row (group, session, id, "name", FIELD_REQUIRED, _("Name"), am_entity_get_name (entity));
  add_kind_row (group, session, entity);
  /* Translators: a field of an actor: what the person does ("Foreign Minister") */
  add_text_row (group, session, id, "role", FIELD_TEXT, _("Role"), am_entity_get_role (entity));
  /* Translators: a field of an actor */
  add_text_row (group, session, id, "description", FIELD_TEXT, _("Description"),
                am_entity_get_description (entity));
  /* Translators: a field of an actor: other names, separated by commas */
  add_text_row (group, session, id, "aliases", FIELD_LIST, _("Also Known As (comma separated)"),
                aliases);

  return group;
}

GtkWidget *
_am_detail_edit_relation (AmSession  *session,
                          AmRelation *relation)
{
  const char *id = am_relation_get_id (relation);
  GtkWidget *group = new_group ();

  /* Translators: a field of a relation: what it says ("met with") */
  add_text_row (group, session, id, "label", FIELD_TEXT, _("Label"), am_relation_get_label (relation));
  /* Translators: a field of a relation: its type ("meeting", "role") */
  add_text_row (group, session, id, "type", FIELD_TEXT, _("Type"),
                am_relation_get_rel_type (relation));
  add_switch_row (group, session, id, "directed",
                  /* Translators: a switch: whether a relation has a direction */
                  _("One Way"),
                  /* Translators: under the One Way switch */
                  _("From the first actor to the second"),
                  am_relation_get_directed (relation));
  /* Translators: a field of a relation: when, as YYYY, YYYY-MM or YYYY-MM-DD */
  add_text_row (group, session, id, "date", FIELD_TEXT, _("Date (YYYY-MM-DD)"),
                am_relation_get_date (relation));

  return group;
}

GtkWidget *
_am_detail_edit_statement (AmSession   *session,
                           AmStatement *statement)
{
  AmDocument *document = am_session_get_document (session);
  const char *id = am_statement_get_id (statement);
  g_autofree char *about = _am_edit_join_actor_names (document, am_statement_get_about (statement));
  g_autofree char *addressees = _am_edit_join_actor_names (document,
                                                           am_statement_get_addressees (statement));
  GtkWidget *group = new_group ();

  /* Translators: a field of a statement: what was said */
  add_text_row (group, session, id, "text", FIELD_REQUIRED, _("Words"), am_statement_get_text (statement));
  add_switch_row (group, session, id, "quoted",
                  /* Translators: a switch: whether a statement is quoted word for word */
                  _("Quoted"),
                  /* Translators: under the Quoted switch */
                  _("Word for word, in quotation marks"),
                  am_statement_get_quoted (statement));
  /* Translators: a field of a statement: who said it */
  add_actor_row (group, session, id, "speaker", _("Speaker"), am_statement_get_speaker (statement), NULL);
  /* Translators: a field of a statement: when, as YYYY, YYYY-MM or YYYY-MM-DD */
  add_text_row (group, session, id, "date", FIELD_TEXT, _("Date (YYYY-MM-DD)"),
                am_statement_get_date (statement));
  /* Translators: a field of a statement: whom it is about, names separated by commas */
  add_text_row (group, session, id, "about", FIELD_ACTORS, _("About (comma separated)"), about);
  /* Translators: a field of a statement: whom it is addressed to, names separated by commas */
  add_text_row (group, session, id, "addressees", FIELD_ACTORS, _("Addressed To (comma separated)"),
                addressees);
  add_actor_row (group, session, id, "reported-by",
                 /* Translators: a field of a statement: the agency that reported it */
                 _("Reported By"), am_statement_get_reported_by (statement),
                 /* Translators: no actor reported a statement */
                 _("Nobody"));

  return group;
}

GtkWidget *
_am_detail_edit_find_row (GtkWidget  *root,
                          const char *property)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (root), "am-property"), property) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = _am_detail_edit_find_row (child, property);

      if (found != NULL)
        return found;
    }

  return NULL;
}
