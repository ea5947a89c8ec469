/* am-edit-util.c — what the widgets that edit through the session share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-edit-util.h"
#include "am-ui-util.h"

void
_am_edit_report_error (GtkWidget    *widget,
                       const GError *error)
{
  GtkWidget *overlay;
  GtkRoot *root;

  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      /* A toast's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
      return;
    }

  root = gtk_widget_get_root (widget);
  {
    /* Translators: the heading of a message when an edit could not be made */
    GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                _("The Change Was Not Made"), error->message);

    /* Translators: closes a message */
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* Actor choosers: a string list of names; the ids ride along in the same order ("" for
 * the none entry). */

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  AmEntity *ea = *(AmEntity **) a, *eb = *(AmEntity **) b;
  int cmp = g_utf8_collate (am_entity_get_name (ea), am_entity_get_name (eb));

  return cmp != 0 ? cmp : g_strcmp0 (am_entity_get_id (ea), am_entity_get_id (eb));
}

GPtrArray *
_am_edit_sorted_actors (AmDocument *document,
                        const char *exclude)
{
  GListModel *entities = am_document_get_entities (document);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      AmEntity *entity = g_list_model_get_item (entities, i);

      if (g_strcmp0 (am_entity_get_id (entity), exclude) != 0)
        g_ptr_array_add (sorted, entity);
      else
        g_object_unref (entity);
    }
  g_ptr_array_sort (sorted, compare_entities);

  return sorted;
}

GtkStringList *
_am_edit_actor_choices (AmDocument  *document,
                        const char  *selected,
                        const char  *exclude,
                        const char  *none_label,
                        GPtrArray  **ids,
                        guint       *position)
{
  g_autoptr(GPtrArray) sorted = _am_edit_sorted_actors (document, exclude);
  GtkStringList *names = gtk_string_list_new (NULL);

  *ids = g_ptr_array_new_with_free_func (g_free);
  *position = 0;

  if (none_label != NULL)
    {
      gtk_string_list_append (names, none_label);
      g_ptr_array_add (*ids, g_strdup (""));
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      AmEntity *entity = g_ptr_array_index (sorted, i);
      const char *name = am_entity_get_name (entity);

      if (g_strcmp0 (am_entity_get_id (entity), selected) == 0)
        *position = (*ids)->len;
      gtk_string_list_append (names, name[0] ? name : am_entity_get_id (entity));
      g_ptr_array_add (*ids, g_strdup (am_entity_get_id (entity)));
    }

  return names;
}

GtkWidget *
_am_edit_actor_dropdown_new (AmDocument *document,
                             const char *selected,
                             const char *exclude,
                             const char *none_label)
{
  GPtrArray *ids = NULL;
  guint position = 0;
  GtkStringList *names = _am_edit_actor_choices (document, selected, exclude, none_label,
                                                 &ids, &position);
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (names), expression);

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  g_object_set_data_full (G_OBJECT (dropdown), "am-actor-ids", ids,
                          (GDestroyNotify) g_ptr_array_unref);
  if (ids->len > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);

  return dropdown;
}

const char *
_am_edit_actor_dropdown_get_id (GtkWidget *dropdown)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (dropdown), "am-actor-ids");
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  const char *id;

  if (ids == NULL || selected >= ids->len)
    return NULL;

  id = g_ptr_array_index (ids, selected);

  return id[0] != '\0' ? id : NULL;
}

void
_am_edit_actor_dropdown_set_id (GtkWidget  *dropdown,
                                const char *id)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (dropdown), "am-actor-ids");

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id ? id : "") == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        return;
      }
}

AdwMessageDialog *
_am_edit_dialog_new (GtkWidget  *widget,
                     const char *heading,
                     const char *body,
                     const char *accept_id,
                     const char *accept_label,
                     gboolean    destructive,
                     GtkWidget  *extra)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  /* Translators: a button that closes a dialog without doing anything */
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, accept_id, accept_label);
  adw_message_dialog_set_response_appearance (dialog, accept_id,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : accept_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (extra != NULL)
    adw_message_dialog_set_extra_child (dialog, extra);

  return dialog;
}

GtkWidget *
_am_edit_form_field (const char *mnemonic,
                     GtkWidget  *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return box;
}

/* The actor called @name (its name or an alias, any case), or NULL. */
static const char *
find_actor (AmDocument *document,
            const char *name)
{
  GListModel *entities = am_document_get_entities (document);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = am_entity_get_aliases (entity);
      g_autofree char *entity_name = g_utf8_casefold (am_entity_get_name (entity), -1);

      if (g_strcmp0 (entity_name, folded) == 0 || g_strcmp0 (am_entity_get_id (entity), name) == 0)
        return am_entity_get_id (entity);

      for (guint j = 0; aliases[j] != NULL; j++)
        {
          g_autofree char *alias = g_utf8_casefold (aliases[j], -1);

          if (g_strcmp0 (alias, folded) == 0)
            return am_entity_get_id (entity);
        }
    }

  return NULL;
}

GStrv
_am_edit_parse_actor_names (AmDocument  *document,
                            const char  *names,
                            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (names != NULL ? names : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      const char *id;

      if (name[0] == '\0')
        continue;

      id = find_actor (document, name);
      if (id == NULL)
        {
          g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                       /* Translators: %s is a name typed in a list of actors */
                       _("No actor is called “%s”"), name);
          return NULL;
        }

      if (!g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        {
          g_ptr_array_add (seen, (gpointer) id);
          g_strv_builder_add (builder, id);
        }
    }

  return g_strv_builder_end (builder);
}

char *
_am_edit_join_actor_names (AmDocument         *document,
                           const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *name = _am_ui_entity_name (document, ids[i]);

      if (i > 0)
        g_string_append (text, ", ");
      /* A name with a comma in it would not split back: the id stands in for it. */
      g_string_append (text, strchr (name, ',') == NULL ? name : ids[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
_am_edit_same_article (AmDocument *a,
                       AmDocument *b)
{
  return a != NULL && b != NULL
         && g_strv_equal ((const char * const *) am_document_get_paragraphs (a),
                          (const char * const *) am_document_get_paragraphs (b))
         && g_strcmp0 (am_document_get_title (a), am_document_get_title (b)) == 0
         && g_strcmp0 (am_document_get_date (a), am_document_get_date (b)) == 0
         && g_strcmp0 (am_document_get_publisher (a), am_document_get_publisher (b)) == 0
         && g_strcmp0 (am_document_get_source (a), am_document_get_source (b)) == 0;
}
