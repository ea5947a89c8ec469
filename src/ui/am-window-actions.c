/* am-window-actions.c — the win.* actions, their key bindings, and the file dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-export-network.h"
#include "am-ui-util.h"
#include "am-window-private.h"

#define ZOOM_STEP 1.25

/* Open */

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes != NULL && suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);

  return filter;
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  AmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        am_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  static const char * const json_types[] = { "application/json", NULL };
  static const char * const json_suffixes[] = { "json", NULL };
  static const char * const dot_types[] = { "text/vnd.graphviz", NULL };
  static const char * const dot_suffixes[] = { "gv", "dot", NULL };
  static const char * const network_types[] = { "application/graphml+xml",
                                                 "application/gexf+xml", "text/csv", NULL };
  static const char * const network_suffixes[] = { "graphml", "gexf", "csv", "tsv", NULL };
  static const char * const all_types[] = { "application/json", "text/vnd.graphviz",
                                            "application/graphml+xml", "application/gexf+xml",
                                            "text/csv", NULL };
  static const char * const all_suffixes[] = { "json", "gv", "dot", "graphml", "gexf", "csv",
                                               "tsv", NULL };
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) dot = NULL;
  g_autoptr(GtkFileFilter) network = NULL;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (/* Translators: title of the open dialog */
                                        _("Open Map"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        /* Translators: button of the open dialog */
                                        _("_Open"),
                                        /* Translators: button of the open dialog */
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Translators: a file type filter in the open dialog */
  all = new_filter (_("All Supported Files"), all_types, all_suffixes);
  /* Translators: a file type filter in the open dialog */
  json = new_filter (_("Actor Maps (JSON)"), json_types, json_suffixes);
  /* Translators: a file type filter in the open dialog */
  dot = new_filter (_("Graphviz Graphs"), dot_types, dot_suffixes);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), dot);
  /* Translators: a file type filter in the open dialog */
  network = new_filter (_("Networks (GraphML, GEXF, CSV)"), network_types, network_suffixes);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), network);

  if (am_session_get_file (self->session) != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (am_session_get_file (self->session));

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* New from an article, paste */

static void
new_from_article_response_cb (GtkNativeDialog *native,
                              int              response,
                              AmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        am_window_import_article (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
new_from_article_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  static const char * const all_types[] = { "text/plain", "text/markdown", "text/html", NULL };
  static const char * const all_suffixes[] = { "txt", "md", "markdown", "html", "htm", NULL };
  static const char * const text_types[] = { "text/plain", NULL };
  static const char * const text_suffixes[] = { "txt", NULL };
  static const char * const markdown_types[] = { "text/markdown", NULL };
  static const char * const markdown_suffixes[] = { "md", "markdown", NULL };
  static const char * const html_types[] = { "text/html", NULL };
  static const char * const html_suffixes[] = { "html", "htm", NULL };
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) text = NULL;
  g_autoptr(GtkFileFilter) markdown = NULL;
  g_autoptr(GtkFileFilter) html = NULL;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (/* Translators: title of the dialog that picks an article to make a map of */
                                        _("New Map from an Article"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        /* Translators: button of the new-from-article dialog */
                                        _("_Make Map"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Translators: a file type filter in the new-from-article dialog */
  all = new_filter (_("Articles"), all_types, all_suffixes);
  /* Translators: a file type filter in the new-from-article dialog */
  text = new_filter (_("Plain Text"), text_types, text_suffixes);
  /* Translators: a file type filter in the new-from-article dialog */
  markdown = new_filter (_("Markdown"), markdown_types, markdown_suffixes);
  /* Translators: a file type filter in the new-from-article dialog */
  html = new_filter (_("Web Pages (HTML)"), html_types, html_suffixes);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), markdown);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), html);

  g_signal_connect_object (native, "response", G_CALLBACK (new_from_article_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL || text[0] == '\0')
    {
      if (error == NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: a toast after Paste as New Article */
        _am_window_toast (self, _("The clipboard holds no text to make a map of"), NULL, NULL);
      return;
    }

  /* Translators: the name of the clipboard's text in error messages, "Pasted text: the article is empty" */
  am_window_import_text (self, text, _("Pasted text"));
}

static void
paste_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb, g_object_ref (widget));
}

/* Save, undo, the article's details */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);

  if (g_str_equal (action_name, "win.save-as"))
    _am_window_save_as (self, NULL, NULL, NULL);
  else
    _am_window_save (self, NULL, NULL, NULL, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);

  if (g_str_equal (action_name, "win.undo"))
    am_session_undo (self->session);
  else
    am_session_redo (self->session);
}

static GMenuItem *
edit_menu_item (const char *label,
                const char *action,
                const char *accel)
{
  GMenuItem *item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  return item;
}

void
_am_window_update_edit_menu (AmWindow *self)
{
  const char *undo = am_session_get_undo_label (self->session);
  const char *redo = am_session_get_redo_label (self->session);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  if (undo != NULL)
    /* Translators: main menu item; %s names the step, "Undo New Relation" */
    undo_label = g_strdup_printf (_("_Undo %s"), undo);
  else
    /* Translators: main menu item when there is nothing to undo */
    undo_label = g_strdup (_("_Undo"));

  if (redo != NULL)
    /* Translators: main menu item; %s names the step, "Redo New Relation" */
    redo_label = g_strdup_printf (_("_Redo %s"), redo);
  else
    /* Translators: main menu item when there is nothing to redo */
    redo_label = g_strdup (_("_Redo"));

  /* Menu items are immutable: the section is filled anew. */
  undo_item = edit_menu_item (undo_label, "win.undo", "<Control>z");
  redo_item = edit_menu_item (redo_label, "win.redo", "<Shift><Control>z");
  g_menu_remove_all (self->edit_section);
  g_menu_append_item (self->edit_section, undo_item);
  g_menu_append_item (self->edit_section, redo_item);
}

static void
article_details_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  _am_window_show_article_details (AM_WINDOW (widget));
}

/* Suggestions */

static void
suggestion_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  gboolean accept = g_str_equal (action_name, "win.accept-suggestion");
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;

  /* Named before it changes: a rejected item is gone afterwards. */
  if (am_session_get_document (self->session) != NULL)
    what = _am_ui_describe_item (am_session_get_document (self->session), id, 60);

  if (accept ? am_session_accept (self->session, id, &error)
             : am_session_reject (self->session, id, &error))
    return;

  {
    g_autofree char *title = NULL;

    if (accept)
      /* Translators: a toast; %s names a suggestion, then the error message */
      title = g_strdup_printf (_("Could not accept “%s”: %s"), what ? what : id, error->message);
    else
      /* Translators: a toast; %s names a suggestion, then the error message */
      title = g_strdup_printf (_("Could not reject “%s”: %s"), what ? what : id, error->message);
    _am_window_toast (self, title, NULL, NULL);
  }
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  const char *kind = g_variant_get_string (param, NULL);
  AmItemType type = AM_ITEM_NONE;
  g_autofree char *title = NULL;
  guint n;

  if (g_str_equal (kind, "entity"))
    type = AM_ITEM_ENTITY;
  else if (g_str_equal (kind, "relation"))
    type = AM_ITEM_RELATION;
  else if (g_str_equal (kind, "statement"))
    type = AM_ITEM_STATEMENT;
  else
    return;

  if ((n = am_session_accept_all (self->session, type)) == 0)
    return;

  /* One undo step: the toast offers it. */
  if (type == AM_ITEM_ENTITY)
    /* Translators: a toast after Accept All */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted %u actor", "Accepted %u actors", n), n);
  else if (type == AM_ITEM_RELATION)
    /* Translators: a toast after Accept All */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted %u relation", "Accepted %u relations", n), n);
  else
    /* Translators: a toast after Accept All */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted %u statement", "Accepted %u statements", n), n);
  /* Translators: a toast button */
  _am_window_toast (self, title, _("Undo"), "win.undo");
}

/* Export */

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AmWindow *self = AM_WINDOW (object);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  if (!am_window_export_finish (self, result, &error))
    {
      /* Nothing was written: the exporter writes atomically, so the old file is intact. */
      /* Translators: heading of an error dialog */
      _am_window_message (self, _("Export Failed"), error->message);
      return;
    }

  {
    g_autofree char *title = NULL;
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autofree char *action = NULL;

    /* Translators: a toast; %s is a file name */
    title = g_strdup_printf (_("Exported %s"), name);
    if (uri != NULL)
      {
        g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (uri));

        action = g_action_print_detailed_name ("win.open-uri", target);
      }
    /* _am_window_toast() escapes the title: file names may contain “&” or “<”. */
    _am_window_toast (self, title, action ? _("Open") : NULL, action);
  }
}

/* Every file the export dialog offers: the pictures of the map as it is shown, then the
 * network as data for other programs. */
static const struct
{
  const char *suffix;
  const char *mime_type;
} export_types[] = {
  { "png", "image/png" },
  { "svg", "image/svg+xml" },
  { "pdf", "application/pdf" },
  { "gexf", "application/gexf+xml" },
  { "graphml", "application/graphml+xml" },
  { "csv", "text/csv" },
  { "json", "application/json" },
  { "jsonld", "application/ld+json" },
};

static const char *
export_type_name (guint i)
{
  const char *names[] = {
    /* Translators: a file type in the export dialog */
    _("PNG Image"),
    /* Translators: a file type in the export dialog */
    _("SVG Image"),
    /* Translators: a file type in the export dialog */
    _("PDF Document"),
    /* Translators: a file type in the export dialog (Gephi's format) */
    _("GEXF Network (Gephi)"),
    /* Translators: a file type in the export dialog (yEd, Cytoscape, igraph) */
    _("GraphML Network"),
    /* Translators: a file type in the export dialog; the nodes table is written beside */
    _("CSV Edge and Node Tables"),
    /* Translators: a file type in the export dialog */
    _("Actormap Model (JSON)"),
    /* Translators: a file type in the export dialog (W3C standard, JSON-LD) */
    _("Evidence as Web Annotations"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (export_types));
  return names[i];
}

static gboolean
has_export_extension (const char *path)
{
  AmExportFormat format;
  AmNetworkFormat network_format;

  return am_export_format_from_path (path, &format) ||
         am_network_format_from_path (path, &network_format);
}

void
_am_window_export_chosen (AmWindow   *self,
                          const char *path,
                          const char *chosen_ext)
{
  g_autofree char *full_path = NULL;

  /* No known extension typed: take the one of the chosen file type. */
  if (has_export_extension (path))
    full_path = g_strdup (path);
  else
    full_path = g_strdup_printf ("%s.%s", path, chosen_ext);

  /* The callback owns its own copy of the path, for the toast. */
  am_window_export_async (self, full_path, NULL, export_done_cb, g_strdup (full_path));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    AmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
      const char *ext = "svg";

      if (filter != NULL && g_object_get_data (G_OBJECT (filter), "suffix") != NULL)
        ext = g_object_get_data (G_OBJECT (filter), "suffix");

      if (path == NULL)
        _am_window_message (self,
                            /* Translators: heading of an error dialog */
                            _("Export Failed"),
                            /* Translators: body of an error dialog */
                            _("Exports can only be written to local folders."));
      else
        _am_window_export_chosen (self, path, ext);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  const char *requested = g_variant_get_string (param, NULL);
  const char *ext = "svg";
  GtkFileChooserNative *native;
  g_autofree char *suggested = NULL;

  if (am_session_get_scene (self->session) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    if (g_ascii_strcasecmp (requested, export_types[i].suffix) == 0)
      ext = export_types[i].suffix;

  native = gtk_file_chooser_native_new (/* Translators: title of the export dialog */
                                        _("Export Map"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        /* Translators: button of the export dialog */
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    {
      const char * const types[] = { export_types[i].mime_type, NULL };
      const char * const suffixes[] = { export_types[i].suffix, NULL };
      g_autoptr(GtkFileFilter) filter = new_filter (export_type_name (i), types, suffixes);

      g_object_set_data (G_OBJECT (filter), "suffix", (gpointer) export_types[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (g_str_equal (export_types[i].suffix, ext))
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }

  suggested = _am_window_suggest_export_name (self, ext);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* Selection and navigation */

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);

  /* Escape clears; anything else naming an item (accessibility tools, scripts) selects
   * it and the map flies there.  The widgets select through the session themselves. */
  am_session_select (self->session, g_variant_get_string (param, NULL), AM_SELECTION_ORIGIN_NONE);
}

static void
focus_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);

  am_detail_panel_focus (self->detail_panel);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);

  am_window_set_show_sidebar (self, TRUE);
  am_sidebar_focus_search (self->sidebar);
}

static void
reveal_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  guint32 paragraph;
  gint64 offset;

  g_variant_get (param, "(ux)", &paragraph, &offset);
  am_article_view_reveal (self->article_view, paragraph, offset);
}

/* Layout and view */

static void
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  const char *engine = g_variant_get_string (param, NULL);

  if (engine[0] != '\0' && g_strcmp0 (engine, am_session_get_engine (self->session)) != 0)
    g_object_set (self, "engine", engine, NULL);   /* lays out again by itself */
  else
    am_session_relayout (self->session);
}

static void
relayout_longer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);

  am_session_relayout_longer (self->session);
}

static void
cancel_layout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  gboolean laying_out = am_session_get_laying_out (self->session);

  /* The progress overlay's Cancel stops whatever it shows: a file being read or a
   * layout being computed. */
  am_session_cancel (self->session);

  if (laying_out && am_session_get_scene (self->session) == NULL
      && am_session_get_document (self->session) != NULL)
    _am_window_show_error_page (self, "process-stop-symbolic",
                                /* Translators: title of the page shown instead of the map */
                                _("Layout Cancelled"),
                                /* Translators: shown instead of the map after Cancel */
                                _("Lay the map out again, or try another engine."),
                                FALSE, am_session_get_resolved_engine (self->session));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AmWindow *self = AM_WINDOW (widget);
  double zoom = am_canvas_get_zoom (self->canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    am_canvas_set_zoom (self->canvas, zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    am_canvas_set_zoom (self->canvas, zoom / ZOOM_STEP);
  else
    am_canvas_zoom_to_fit (self->canvas);
}

void
_am_window_update_actions (AmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_scene = am_session_get_scene (self->session) != NULL;
  gboolean has_document = am_session_get_document (self->session) != NULL;

  gtk_widget_action_set_enabled (widget, "win.export", has_scene);
  gtk_widget_action_set_enabled (widget, "win.print", has_scene);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", has_scene);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", has_scene);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit", has_scene);
  gtk_widget_action_set_enabled (widget, "win.relayout", has_document);
  gtk_widget_action_set_enabled (widget, "win.relayout-longer", has_document);
  gtk_widget_action_set_enabled (widget, "win.search", has_document);
  gtk_widget_action_set_enabled (widget, "win.cancel-layout", am_session_get_busy (self->session));
  gtk_widget_action_set_enabled (widget, "win.save", has_document);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_document);
  gtk_widget_action_set_enabled (widget, "win.article-details", has_document);
  gtk_widget_action_set_enabled (widget, "win.undo", am_session_get_can_undo (self->session));
  gtk_widget_action_set_enabled (widget, "win.redo", am_session_get_can_redo (self->session));
}

void
_am_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-article", NULL, new_from_article_action);
  gtk_widget_class_install_action (widget_class, "win.paste-article", NULL, paste_article_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.article-details", NULL, article_details_action);
  gtk_widget_class_install_action (widget_class, "win.accept-suggestion", "s", suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestion", "s", suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.accept-all", "s", accept_all_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "win.focus-details", NULL, focus_details_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-evidence", "(ux)", reveal_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", "s", relayout_action);
  gtk_widget_class_install_action (widget_class, "win.relayout-longer", NULL, relayout_longer_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.engine", "engine");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-timeline", "show-timeline");

  /* Bindings on the window class work with or without a GtkApplication (tests run
   * without one), and resources/gtk/help-overlay.ui lists every one of them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-from-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.relayout", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.select", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
