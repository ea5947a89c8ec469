/* am-window-file.c — the window's map files: new from an article and the article's
 * details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-article-import.h"
#include "am-ui-util.h"
#include "am-window-private.h"

/* New from an article */

static void
replace_with_article (AmWindow  *self,
                      AmArticle *article)
{
  g_autoptr(AmArticle) owned = article;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!(document = am_article_to_document (article, &error)))
    {
      /* Translators: heading of an error dialog */
      _am_window_message (self, _("Could Not Make a Map of the Article"), error->message);
      return;
    }

  /* A new map has no file yet. */
  am_session_set_document (self->session, document, NULL);
}

static void
import_message (AmWindow     *self,
                const char   *name,
                const GError *error)
{
  g_autofree char *heading = NULL;

  /* Translators: heading of an error dialog; %s is a file name */
  heading = g_strdup_printf (_("Could Not Make a Map of “%s”"), name);
  /* The message starts with the file's name and says what is wrong. */
  _am_window_message (self, heading, error->message);
}

typedef struct
{
  AmWindow *window;
  GFile    *file;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  g_autoptr(AmArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (!(article = am_article_import_file_finish (result, &error)))
    {
      g_autofree char *name = _am_ui_display_name (data->file);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        import_message (data->window, name, error);
      return;
    }

  replace_with_article (data->window, g_steal_pointer (&article));
}

void
am_window_import_article (AmWindow *self,
                          GFile    *file)
{
  ImportData *data;

  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Reading and parsing (libxml2 for HTML) run on a worker thread: a large page keeps
   * the window responsive. */
  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  am_article_import_file_async (file, NULL, import_done_cb, data);
}

void
am_window_import_text (AmWindow   *self,
                       const char *text,
                       const char *display_name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AmArticle *article;

  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (display_name != NULL);

  bytes = g_bytes_new (text, strlen (text));
  if (!(article = am_article_import_bytes (bytes, AM_ARTICLE_FORMAT_TEXT, display_name, &error)))
    {
      import_message (self, display_name, error);
      return;
    }

  replace_with_article (self, article);
}

gboolean
_am_window_is_article_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL && am_article_format_for_name (basename) != AM_ARTICLE_FORMAT_AUTO;
}

/* The article's details */

static const struct {
  AmArticleField  field;
  const char     *title;
} article_fields[] = {
  /* Translators: a field of the article details dialog */
  { AM_ARTICLE_FIELD_TITLE, N_("Title") },
  /* Translators: a field of the article details dialog: when it was published */
  { AM_ARTICLE_FIELD_DATE, N_("Date") },
  /* Translators: a field of the article details dialog: the newspaper, agency or site */
  { AM_ARTICLE_FIELD_PUBLISHER, N_("Publisher") },
  /* Translators: a field of the article details dialog: where the text comes from */
  { AM_ARTICLE_FIELD_SOURCE, N_("Source") },
  /* Translators: a field of the article details dialog: the web address */
  { AM_ARTICLE_FIELD_URL, N_("URL") },
};

static const char *
article_field_value (AmDocument     *document,
                     AmArticleField  field)
{
  switch (field)
    {
    case AM_ARTICLE_FIELD_TITLE:
      return am_document_get_title (document);
    case AM_ARTICLE_FIELD_DATE:
      return am_document_get_date (document);
    case AM_ARTICLE_FIELD_PUBLISHER:
      return am_document_get_publisher (document);
    case AM_ARTICLE_FIELD_SOURCE:
      return am_document_get_source (document);
    case AM_ARTICLE_FIELD_URL:
      return am_document_get_url (document);
    default:
      return NULL;
    }
}

gboolean
am_window_set_article_details (AmWindow           *self,
                               const char * const *values,
                               GError            **error)
{
  AmDocument *document;
  g_autoptr(AmDocumentBuilder) builder = NULL;
  g_autoptr(AmDocument) edited = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (!(document = am_session_get_document (self->session)))
    return TRUE;

  builder = am_document_builder_new_from_document (document);
  for (guint i = 0; i < G_N_ELEMENTS (article_fields) && values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));
      const char *old = article_field_value (document, article_fields[i].field);

      if (g_strcmp0 (value, old ? old : "") != 0)
        {
          am_document_builder_set_article_field (builder, article_fields[i].field,
                                                 value[0] ? value : NULL);
          changed = TRUE;
        }
    }

  if (!changed)
    return TRUE;

  /* The builder validates like the loader; an invalid document changes nothing. */
  if (!(edited = am_document_builder_build (builder, am_document_get_title (document), error)))
    return FALSE;

  am_session_set_document (self->session, edited, am_session_get_file (self->session));
  return TRUE;
}

static void
article_details_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             AmWindow         *self)
{
  GtkWidget **rows = g_object_get_data (G_OBJECT (dialog), "am-rows");
  const char *values[G_N_ELEMENTS (article_fields) + 1] = { NULL, };
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (article_fields); i++)
    values[i] = gtk_editable_get_text (GTK_EDITABLE (rows[i]));

  if (!am_window_set_article_details (self, values, &error))
    /* Translators: heading of an error dialog */
    _am_window_message (self, _("Could Not Change the Article Details"), error->message);
}

GtkWindow *
_am_window_show_article_details (AmWindow *self)
{
  AmDocument *document = am_session_get_document (self->session);
  GtkWidget **rows;
  GtkWidget *group;
  GtkWidget *dialog;

  if (document == NULL)
    return NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   /* Translators: heading of the article details dialog */
                                   _("Article Details"),
                                   /* Translators: body of the article details dialog */
                                   _("Where the article comes from, as the map's caption and exports show it."));
  group = adw_preferences_group_new ();
  rows = g_new0 (GtkWidget *, G_N_ELEMENTS (article_fields));
  for (guint i = 0; i < G_N_ELEMENTS (article_fields); i++)
    {
      const char *value = article_field_value (document, article_fields[i].field);

      rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]), _(article_fields[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (rows[i]), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), value ? value : "");
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (rows[i]), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows[i]);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  g_object_set_data_full (G_OBJECT (dialog), "am-rows", rows, g_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button of the article details dialog */
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (article_details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

