/* am-window-file.c — the window's map files: new from an article, save, unsaved
 * changes, recovery after a crash, and the article's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "am-article-import.h"
#include "am-ui-util.h"
#include "am-window-private.h"

/* What waits for the unsaved changes to be saved or discarded. */
typedef struct
{
  AmWindow       *window;
  AmWindowThen    then;
  gpointer        data;
  GDestroyNotify  destroy;
  char           *saving;    /* the name of the file being saved, for its error */
} Then;

static Then *
then_new (AmWindow       *window,
          AmWindowThen    then,
          gpointer        data,
          GDestroyNotify  destroy)
{
  Then *self = g_new0 (Then, 1);

  self->window = g_object_ref (window);
  self->then = then;
  self->data = data;
  self->destroy = destroy;

  return self;
}

static void
then_free (Then *self)
{
  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  g_object_unref (self->window);
  g_free (self->saving);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Then, then_free)

static void
then_run (Then *self)
{
  if (self->then != NULL)
    self->then (self->window, self->data);
}

/* A name for the map in dialogs: its file, else its title. (transfer full) */
static char *
map_name (AmWindow *self)
{
  GFile *file = am_session_get_file (self->session);
  AmDocument *document = am_session_get_document (self->session);
  const char *title = document ? am_document_get_title (document) : NULL;

  if (file != NULL)
    return _am_ui_display_name (file);
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);
  /* Translators: the name of a map that has no file and no title yet */
  return g_strdup (_("Untitled Map"));
}

/* The buttons' looks and roles: @destructive (nullable) in red, @suggested as the
 * default, @close what Escape answers. */
static void
set_responses (GtkWidget  *dialog,
               const char *destructive,
               const char *suggested,
               const char *close)
{
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  if (destructive != NULL)
    adw_message_dialog_set_response_appearance (message, destructive, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (message, suggested, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, suggested);
  adw_message_dialog_set_close_response (message, close);
}

/* Saving */

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Then) then = user_data;
  AmWindow *self = then->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!am_session_save_finish (AM_SESSION (object), result, &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The write is atomic: the file on disk is as it was, and the map stays open
       * with its changes.  The message names the file and what went wrong. */
      /* Translators: heading of an error dialog; %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), then->saving);
      _am_window_message (self, heading, error->message);
      return;
    }

  name = _am_ui_display_name (am_session_get_file (self->session));
  /* Translators: a toast; %s is a file name */
  title = g_strdup_printf (_("Saved “%s”"), name);
  _am_window_toast (self, title, NULL, NULL);

  then_run (then);
}

static gboolean
is_model_file (GFile *file)
{
  g_autofree char *basename = file ? g_file_get_basename (file) : NULL;

  return basename != NULL && g_str_has_suffix (basename, ".json");
}

void
_am_window_save (AmWindow       *self,
                 GFile          *file,
                 AmWindowThen    then,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  GFile *target = file ? file : am_session_get_file (self->session);

  if (am_session_get_document (self->session) == NULL)
    {
      if (destroy != NULL && data != NULL)
        destroy (data);
      return;
    }

  /* A new map has no file; a Graphviz file or the bundled article is not a model to
   * write over: both go to Save As. */
  if (!is_model_file (target))
    {
      _am_window_save_as (self, then, data, destroy);
      return;
    }

  {
    Then *saving = then_new (self, then, data, destroy);

    saving->saving = _am_ui_display_name (target);
    am_session_save_async (self->session, file, NULL, save_done_cb, saving);
  }
}

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     Then            *then)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *basename = file ? g_file_get_basename (file) : NULL;

      /* A name typed without an extension gets the model's. */
      if (file != NULL && basename != NULL && strchr (basename, '.') == NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *named = g_strconcat (basename, ".json", NULL);
          GFile *named_file = g_file_get_child (parent, named);

          g_object_unref (file);
          file = named_file;
        }

      if (file != NULL)
        {
          AmWindow *self = then->window;

          then->saving = _am_ui_display_name (file);
          am_session_save_async (self->session, file, NULL, save_done_cb, then);
          then = NULL;
        }
    }

  if (then != NULL)
    then_free (then);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
_am_window_save_as (AmWindow       *self,
                    AmWindowThen    then,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  AmDocument *document = am_session_get_document (self->session);
  GFile *current = am_session_get_file (self->session);
  g_autofree char *stem = _am_ui_slugify (document ? am_document_get_title (document) : NULL, 48);
  g_autofree char *suggested = g_strdup_printf ("%s.json", stem[0] ? stem : "actormap");

  native = gtk_file_chooser_native_new (/* Translators: title of the save dialog */
                                        _("Save Map"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        /* Translators: button of the save dialog */
                                        _("_Save"),
                                        /* Translators: button of the save dialog */
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Translators: a file type filter in the save dialog */
  gtk_file_filter_set_name (filter, _("Actor Maps (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (current != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb),
                    then_new (self, then, data, destroy));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Unsaved changes */

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Then             *then)
{
  AmWindow *self = then->window;

  /* One answer per question: @then is used up here. */
  g_signal_handlers_disconnect_by_func (dialog, unsaved_response_cb, then);
  self->asking = FALSE;
  if (g_strcmp0 (response, "discard") == 0)
    {
      then_run (then);
      then_free (then);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* Save takes the rest of the way: @then runs once the map is written. */
      _am_window_save (self, NULL, then->then, g_steal_pointer (&then->data), then->destroy);
      then_free (then);
    }
  else
    then_free (then);
}

void
_am_window_confirm_unsaved (AmWindow       *self,
                            AmWindowThen    then,
                            gpointer        data,
                            GDestroyNotify  destroy)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!am_session_get_modified (self->session))
    {
      if (then != NULL)
        then (self, data);
      if (destroy != NULL && data != NULL)
        destroy (data);
      return;
    }

  /* One question at a time: a second close or open while it is up waits for it. */
  if (self->asking)
    {
      if (destroy != NULL && data != NULL)
        destroy (data);
      return;
    }

  name = map_name (self);
  /* Translators: heading of the dialog shown before unsaved changes would be lost; %s is a file name or the map's title */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   /* Translators: body of the dialog shown before unsaved changes would be lost */
                                   _("The map has changes that are not saved. Without saving, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: a button of the unsaved changes dialog */
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button of the unsaved changes dialog */
                                    "discard", _("_Discard"),
                                    /* Translators: a button of the unsaved changes dialog */
                                    "save", _("_Save"),
                                    NULL);
  set_responses (dialog, "discard", "save", "cancel");

  self->asking = TRUE;
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb),
                    then_new (self, then, data, destroy));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New from an article */

static void
new_from_article (AmWindow *self,
                  gpointer  data)
{
  am_session_new_from_article (self->session, data);
}

static void
replace_with_article (AmWindow  *self,
                      AmArticle *article)
{
  _am_window_confirm_unsaved (self, new_from_article, article, (GDestroyNotify) am_article_free);
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
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  AmArticle *article = am_article_import_file (task_data, cancellable, &error);

  if (article != NULL)
    g_task_return_pointer (task, article, (GDestroyNotify) am_article_free);
  else
    g_task_return_error (task, error);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  g_autoptr(AmArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (!(article = g_task_propagate_pointer (G_TASK (result), &error)))
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
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Reading and parsing (libxml2 for HTML) run on a worker thread: a large page keeps
   * the window responsive. */
  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  task = g_task_new (NULL, NULL, import_done_cb, data);
  g_task_set_source_tag (task, am_window_import_article);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
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

/* Recovery after a crash */

/* What the recovery file was editing, for the question: "x.json", or the map's title. */
static char *
recovery_name (GFile *recovery_file)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *path = g_file_get_path (recovery_file);
  JsonObject *root;

  if (path == NULL || !json_parser_load_from_mapped_file (parser, path, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "file")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (root, "file")))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (json_object_get_string_member (root, "file"));

      return _am_ui_display_name (file);
    }

  if (json_object_has_member (root, "model")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "model")))
    {
      JsonObject *model = json_object_get_object_member (root, "model");
      JsonObject *article = json_object_has_member (model, "article")
                            && JSON_NODE_HOLDS_OBJECT (json_object_get_member (model, "article"))
                            ? json_object_get_object_member (model, "article") : NULL;
      const char *title = article ? json_object_get_string_member_with_default (article, "title", NULL) : NULL;

      if (title != NULL && title[0] != '\0')
        return g_strdup (title);
    }

  return NULL;
}

static void offer_next_recovery (AmWindow *self,
                                 GList    *files);

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AmWindow         *self)
{
  GList *files = g_object_steal_data (G_OBJECT (dialog), "am-files");
  GFile *file = files->data;
  g_autoptr(GError) error = NULL;

  /* One answer per question: the list is used up here. */
  g_signal_handlers_disconnect_by_func (dialog, recovery_response_cb, self);

  if (g_strcmp0 (response, "recover") == 0)
    {
      if (!am_session_recover (self->session, file, &error))
        {
          /* Translators: heading of an error dialog */
          _am_window_message (self, _("Could Not Recover the Map"), error->message);
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (!g_file_delete (file, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Could not remove %s: %s", g_file_peek_path (file), error->message);
    }

  files = g_list_delete_link (files, files);
  g_object_unref (file);
  /* Recovering replaced this window's map: the others are offered after it only while
   * this one has nothing unsaved to lose. */
  if (files != NULL && !am_session_get_modified (self->session))
    offer_next_recovery (self, files);
  else
    g_list_free_full (files, g_object_unref);
  g_object_unref (self);
}

static void
offer_next_recovery (AmWindow *self,
                     GList    *files)
{
  g_autofree char *name = recovery_name (files->data);
  g_autofree char *body = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GtkWidget *dialog;

  info = g_file_query_info (files->data, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && name != NULL)
    {
      g_autoptr(GDateTime) when = g_file_info_get_modification_date_time (info);
      g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;
      /* Translators: a date and time in the recovery dialog, see g_date_time_format() */
      g_autofree char *time = local ? g_date_time_format (local, _("%-d %B %Y, %H:%M")) : NULL;

      /* Translators: body of the recovery dialog; the first %s is a file name or a map's title, the second a date and time */
      body = g_strdup_printf (_("Actormap stopped before the changes to “%s” were saved. A copy from %s can be recovered."),
                              name, time ? g_strstrip (time) : "?");
    }
  else
    /* Translators: body of the recovery dialog when the copy does not say what it was */
    body = g_strdup (_("Actormap stopped before the changes to a map were saved. A copy can be recovered."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   /* Translators: heading of the dialog offered at start after a crash */
                                   _("Recover Unsaved Map?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: a button of the recovery dialog: delete the copy */
                                    "discard", _("_Discard"),
                                    /* Translators: a button of the recovery dialog */
                                    "recover", _("_Recover"),
                                    NULL);
  /* Closing the dialog decides nothing: the copy is offered again next time. */
  set_responses (dialog, "discard", "recover", "later");

  g_object_set_data (G_OBJECT (dialog), "am-files", files);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

guint
am_window_offer_recovery (AmWindow *self)
{
  GList *files;
  guint n;

  g_return_val_if_fail (AM_IS_WINDOW (self), 0);

  files = am_session_list_recovery ();
  n = g_list_length (files);
  if (files != NULL)
    offer_next_recovery (self, files);

  return n;
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

typedef struct
{
  char *values[G_N_ELEMENTS (article_fields)];   /* NULL: unchanged; "" clears */
} ArticleEdit;

static gboolean
edit_article_cb (AmDocumentBuilder  *builder,
                 gpointer            user_data,
                 GError            **error)
{
  ArticleEdit *edit = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (article_fields); i++)
    if (edit->values[i] != NULL)
      am_document_builder_set_article_field (builder, article_fields[i].field,
                                             edit->values[i][0] ? edit->values[i] : NULL);

  return TRUE;
}

gboolean
am_window_set_article_details (AmWindow           *self,
                               const char * const *values,
                               GError            **error)
{
  AmDocument *document;
  ArticleEdit edit = { { NULL, } };
  gboolean changed = FALSE;
  gboolean ret = TRUE;

  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (!(document = am_session_get_document (self->session)))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (article_fields) && values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));
      const char *old = article_field_value (document, article_fields[i].field);

      if (g_strcmp0 (value, old ? old : "") != 0)
        {
          edit.values[i] = g_steal_pointer (&value);
          changed = TRUE;
        }
    }

  /* Nothing changed, no undo step. */
  if (changed)
    ret = am_session_edit (self->session,
                           /* Translators: the name of an undo step, "Undo Edit Article Details" */
                           _("Edit Article Details"),
                           edit_article_cb, &edit, error);

  for (guint i = 0; i < G_N_ELEMENTS (article_fields); i++)
    g_free (edit.values[i]);

  return ret;
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
  set_responses (dialog, NULL, "apply", "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (article_details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

void
am_window_save (AmWindow *self,
                GFile    *file)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  _am_window_save (self, file, NULL, NULL, NULL);
}
