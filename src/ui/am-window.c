/* am-window.c — one document: canvas, detail panel, entity list, article pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-export-network.h"
#include "am-open.h"
#include "am-theme.h"
#include "am-ui-util.h"
#include "am-window-private.h"

#define SCHEMA_ID "org.actormap.Actormap"
/* A progress overlay that flashes for a few milliseconds is noise: the article's map
 * lays out faster than this, so the overlay only shows for layouts that take a while. */
#define PROGRESS_DELAY_MS 250
/* The first window's share of the screen, and its limits (am_window_first_run_size()); the
 * minimum is the template's size request. */
#define SCREEN_SHARE_WIDTH  0.94
#define SCREEN_SHARE_HEIGHT 0.92
#define SCREEN_MAX_WIDTH    2400
#define SCREEN_MAX_HEIGHT   1400
#define MIN_WINDOW_WIDTH    360
#define MIN_WINDOW_HEIGHT   400
/* The details' share of the side pane: at least the template's 400 px. */
#define SIDE_PANE_MIN_POSITION 400
#define HEADER_BAR_HEIGHT      47

G_DEFINE_FINAL_TYPE (AmWindow, am_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_SESSION,
  PROP_SHOW_LEGEND,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_TIMELINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Busy state and the progress overlay */

/* The overlay counts the seconds instead of spinning.  A spinner redraws the window at
 * 60 frames a second; without a GPU (llvmpipe, a VM, a remote desktop) that took a whole
 * core from the layout helper on a 2-core machine: sfdp on 20 000 actors ran 8.5 s
 * instead of 5.9 s.  A label that changes once a second costs nothing and says more
 * about a long layout. */
static void
update_progress_label (AmWindow *self)
{
  const char *message = am_session_get_busy_message (self->session);
  gint64 seconds = (g_get_monotonic_time () - self->busy_since) / G_USEC_PER_SEC;

  if (message == NULL)
    message = "";
  if (seconds < 1)
    gtk_label_set_text (self->progress_label, message);
  else
    {
      /* Translators: a layout or a file read in progress, and how long it has run so far;
         the placeholders are, in order: the message ("Laying out the map with sfdp…"),
         the seconds */
      g_autofree char *text = g_strdup_printf (_("%s %d s"), message, (int) seconds);
      gtk_label_set_text (self->progress_label, text);
    }
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  update_progress_label (AM_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
reveal_progress_cb (gpointer user_data)
{
  AmWindow *self = user_data;

  self->progress_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->progress_revealer, am_session_get_busy (self->session));
  if (self->progress_tick_id == 0)
    self->progress_tick_id = g_timeout_add_seconds (1, progress_tick_cb, self);

  return G_SOURCE_REMOVE;
}

static void
busy_changed_cb (AmWindow *self)
{
  if (am_session_get_busy (self->session))
    {
      if (!gtk_revealer_get_reveal_child (self->progress_revealer) && self->progress_timeout_id == 0)
        {
          self->busy_since = g_get_monotonic_time ();
          self->progress_timeout_id = g_timeout_add (PROGRESS_DELAY_MS, reveal_progress_cb, self);
        }
      update_progress_label (self);
    }
  else
    {
      g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
      g_clear_handle_id (&self->progress_tick_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
    }

  _am_window_update_actions (self);
  _am_window_update_canvas_page (self);
}

/* Title and canvas page */

static void
update_title (AmWindow *self)
{
  AmDocument *document = am_session_get_document (self->session);
  g_autofree char *subtitle = NULL;
  g_autofree char *file_title = NULL;
  g_autofree char *modified_title = NULL;
  const char *title = NULL;

  if (document != NULL)
    {
      guint n_entities = g_list_model_get_n_items (am_document_get_entities (document));
      guint n_relations = g_list_model_get_n_items (am_document_get_relations (document));
      GFile *file = am_session_get_file (self->session);
      g_autofree char *actors = NULL;
      g_autofree char *relations = NULL;

      title = am_document_get_title (document);
      if ((title == NULL || title[0] == '\0') && file != NULL)
        title = file_title = _am_ui_display_name (file);

      if (_am_ui_document_is_graph (document))
        {
          /* Translators: part of the window subtitle for a Graphviz file, "12 nodes · 15 edges" */
          actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes", n_entities),
                                    n_entities);
          /* Translators: part of the window subtitle for a Graphviz file, "12 nodes · 15 edges" */
          relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edge", "%u edges",
                                                    n_relations),
                                       n_relations);
        }
      else
        {
          /* Translators: part of the window subtitle, "31 actors · 40 relations" */
          actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors",
                                                 n_entities),
                                    n_entities);
          /* Translators: part of the window subtitle, "31 actors · 40 relations" */
          relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                    n_relations),
                                       n_relations);
        }
      subtitle = g_strdup_printf ("%s · %s", actors, relations);
    }

  /* Unsaved changes show before the title, as in GNOME's editors. */
  if (am_session_get_modified (self->session))
    /* Translators: the window title of a map with unsaved changes; %s is its title */
    title = modified_title = g_strdup_printf (_("• %s"), title && title[0] ? title : _("Untitled Map"));

  /* AdwWindowTitle's labels are plain text, so article titles need no escaping. */
  adw_window_title_set_title (self->window_title, title ? title : _("Actormap"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

/* "Auto (neato)": what "auto" means depends on the document, so this follows both. */
static void
update_engine_button (AmWindow *self)
{
  const char *engine = am_session_get_engine (self->session);
  g_autofree char *label = NULL;

  if (g_strcmp0 (engine, "auto") == 0)
    {
      if (am_session_get_document (self->session) != NULL)
        /* Translators: the layout menu button when the engine is picked by size, "Auto (neato)" */
        label = g_strdup_printf (_("Auto (%s)"), am_session_get_resolved_engine (self->session));
      else
        /* Translators: the layout menu button when the engine is picked by size */
        label = g_strdup (_("Auto"));
    }
  else
    label = g_strdup (engine);

  gtk_menu_button_set_label (self->engine_button, label);
}

static void
engine_changed_cb (AmWindow *self)
{
  update_engine_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENGINE]);
}

/* The stack over the map: the canvas, an empty state when no document is open, and an
 * error page when the first layout of a document failed (later failures keep the old map
 * on screen and say so in a toast). */
void
_am_window_update_canvas_page (AmWindow *self)
{
  AmDocument *document = am_session_get_document (self->session);
  AmScene *scene = am_session_get_scene (self->session);
  const char *current = gtk_stack_get_visible_child_name (self->canvas_stack);

  if (scene != NULL)
    gtk_stack_set_visible_child_name (self->canvas_stack, "canvas");
  else if (document == NULL)
    gtk_stack_set_visible_child_name (self->canvas_stack,
                                      am_session_get_loading (self->session) ? "canvas" : "empty");
  else if (am_session_get_laying_out (self->session) || g_strcmp0 (current, "empty") == 0)
    gtk_stack_set_visible_child_name (self->canvas_stack, "canvas");

  /* With nothing open, one empty state says what to do: the panels around it would
   * only repeat it. */
  gtk_widget_set_visible (self->zoom_box, scene != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->side_paned), document != NULL);
  /* A Graphviz file has no article: the details get the whole column. */
  gtk_widget_set_visible (GTK_WIDGET (self->article_view),
                          document != NULL && am_document_get_n_paragraphs (document) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), document != NULL);
  gtk_widget_set_sensitive (self->export_button, scene != NULL);
  gtk_widget_set_sensitive (self->legend_button, document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->engine_button), document != NULL);
}

/* Document, scene and layout */

static void
document_changed_cb (AmWindow *self)
{
  update_title (self);
  update_engine_button (self);
  gtk_stack_set_visible_child_name (self->canvas_stack, "canvas");
  _am_window_update_canvas_page (self);
  _am_window_update_actions (self);
}

static void
modified_changed_cb (AmWindow *self)
{
  update_title (self);
  _am_window_update_actions (self);
}

static void
undo_changed_cb (AmWindow *self)
{
  _am_window_update_actions (self);
  _am_window_update_edit_menu (self);
}

static void
suggestions_changed_cb (AmWindow *self)
{
  /* Hidden while there is nothing to accept or reject, and nothing being drafted: the
   * article gets the room. */
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_pane),
                          am_suggestions_pane_get_n_suggestions (self->suggestions_pane) > 0
                          || am_session_get_suggesting (self->session));
}

static void
scene_changed_cb (AmWindow *self)
{
  /* The canvas follows the session by itself; the pages and actions depend on it. */
  _am_window_update_canvas_page (self);
  _am_window_update_actions (self);
}

static const char *
fallback_engine (const char *failed)
{
  /* sfdp scales and never crashed on the corpus; twopi is as fast on large maps and
   * is the way out when sfdp itself failed (dot and neato slow down first). */
  return g_strcmp0 (failed, "sfdp") == 0 ? "twopi" : "sfdp";
}

void
_am_window_show_error_page (AmWindow   *self,
                            const char *icon_name,
                            const char *heading,
                            const char *description,
                            gboolean    timed_out,
                            const char *failed_engine)
{
  const char *other = fallback_engine (failed_engine);
  /* AdwStatusPage's description is markup: an error may quote the file. */
  g_autofree char *escaped = g_markup_escape_text (description, -1);
  g_autofree char *other_label = NULL;

  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, heading);
  adw_status_page_set_description (self->error_page, escaped);

  /* GTK checks an action's parameter type against the button's target whenever either
   * changes, and win.relayout takes a string where win.relayout-longer takes nothing:
   * unset the action first, then set the target, then the new action. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_retry_button), NULL);
  if (timed_out)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->error_retry_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_retry_button), "win.relayout-longer");
      /* Translators: a button: lay out again with a longer time limit */
      gtk_button_set_label (self->error_retry_button, _("_Wait Longer"));
    }
  else
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->error_retry_button), "s", "");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_retry_button), "win.relayout");
      /* Translators: a button: lay out again */
      gtk_button_set_label (self->error_retry_button, _("Try _Again"));
    }

  /* Translators: a button; %s is a Graphviz engine name */
  other_label = g_strdup_printf (_("Try %s"), other);
  gtk_button_set_label (self->error_other_button, other_label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->error_other_button), "s", other);

  gtk_stack_set_visible_child_name (self->canvas_stack, "error");
}

static void
layout_failed_cb (AmWindow     *self,
                  const char   *engine,
                  const GError *error)
{
  gboolean timed_out = g_error_matches (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TIMEOUT);
  g_autofree char *description = NULL;
  const char *heading;

  if (am_canvas_get_scene (self->canvas) != NULL && am_session_get_scene (self->session) != NULL)
    {
      const char *other = fallback_engine (engine);
      g_autofree char *title = NULL;
      g_autofree char *action = NULL;
      g_autofree char *button = NULL;

      /* The map on screen stays; a toast says what happened and offers the way out. */
      /* Translators: a toast; %s is a Graphviz engine name, then the error message */
      title = g_strdup_printf (_("Layout with %s failed: %s"), engine, error->message);
      action = g_strdup_printf ("win.relayout::%s", other);
      /* Translators: a toast button; %s is a Graphviz engine name */
      button = g_strdup_printf (_("Try %s"), other);
      _am_window_toast (self, title, button, action);
      return;
    }

  /* Translators: %s is the error message; the engines are Graphviz layout programs */
  description = g_strdup_printf (_("%s\n\nThe map is still open. Another layout engine may work better."),
                                 error->message);
  if (timed_out)
    /* Translators: title of the page shown instead of the map */
    heading = _("Layout Took Too Long");
  else
    /* Translators: title of the page shown instead of the map */
    heading = _("Layout Failed");

  _am_window_show_error_page (self, "dialog-warning-symbolic", heading, description, timed_out, engine);
}

static void
load_failed_cb (AmWindow     *self,
                GFile        *file,
                const GError *error)
{
  g_autofree char *name = _am_ui_display_name (file);
  g_autofree char *heading = NULL;

  /* The previous document stays open; the message names the file and what is wrong. */
  /* Translators: the heading of an error dialog; %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  _am_window_message (self, heading, error->message);
  _am_window_update_canvas_page (self);
}

static void
open_now (AmWindow *self,
          gpointer  data)
{
  am_session_open_file (self->session, data);
}

void
am_window_open_file (AmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* An article becomes a new map; importing asks about unsaved changes once it has read
   * the article, so a file that cannot be read loses nothing. */
  if (_am_window_is_article_file (file))
    {
      am_window_import_article (self, file);
      return;
    }

  _am_window_confirm_unsaved (self, open_now, g_object_ref (file), g_object_unref);
}

void
am_window_open_bundled (AmWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AM_IS_WINDOW (self));

  bytes = g_resources_lookup_data (RESOURCE_PATH "/model/article.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    document = am_document_load_from_bytes (bytes, "article.json", &error);

  if (document == NULL)
    {
      /* Translators: the heading of an error dialog */
      _am_window_message (self, _("Could Not Open the Bundled Article"), error->message);
      return;
    }

  am_session_set_document (self->session, document, NULL);
}

/* Drag and drop */

static gboolean
drop_cb (AmWindow     *self,
         const GValue *value,
         double        x,
         double        y)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      file = g_value_get_object (value);
    }

  if (file == NULL)
    return FALSE;

  am_window_open_file (self, file);
  return TRUE;
}

/* Style: dark mode and kind colours */

static void
dark_changed_cb (AmWindow        *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  gboolean dark = adw_style_manager_get_dark (style_manager);

  am_canvas_set_dark (self->canvas, dark);
  am_article_view_set_dark (self->article_view, dark);
}

/* Settings */

/* Before any size was remembered, the window takes most of the screen, as GNOME's
 * document viewers do: the map is what people came for, and beside the actor list and
 * the side pane it needs the room to show its names at a readable size.  Most of it, not
 * maximized: a default size works the same under every window manager (and none, where
 * maximizing does nothing), leaves a top bar and a dock in view, and the window manager
 * clamps it to the work area; a window the user maximizes is remembered as such. */
void
am_window_first_run_size (int  monitor_width,
                          int  monitor_height,
                          int *width,
                          int *height)
{
  /* Room for a top bar and a dock; no wider than a map is worth on a very large screen. */
  *width = MAX (MIN ((int) (monitor_width * SCREEN_SHARE_WIDTH), SCREEN_MAX_WIDTH),
                MIN_WINDOW_WIDTH);
  *height = MAX (MIN ((int) (monitor_height * SCREEN_SHARE_HEIGHT), SCREEN_MAX_HEIGHT),
                 MIN_WINDOW_HEIGHT);
}

static void
size_to_screen (AmWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;
  int width, height;

  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width <= 0 || geometry.height <= 0)
    return;

  am_window_first_run_size (geometry.width, geometry.height, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

/* The details and the article share the side pane's height evenly in a tall window:
 * a selected actor's statements and her evidence both show without scrolling. */
static void
split_side_pane (AmWindow *self)
{
  int width, height;

  /* GTK 4.8 writes to both pointers. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_paned_set_position (self->side_paned, MAX (SIDE_PANE_MIN_POSITION,
                                                 (height - HEADER_BAR_HEIGHT) / 2));
}

static void
restore_window_state (AmWindow *self)
{
  g_autoptr(GVariant) saved_width = NULL;
  int width, height;

  if (self->settings != NULL)
    saved_width = g_settings_get_user_value (self->settings, "window-width");
  if (saved_width == NULL)
    {
      size_to_screen (self);
      split_side_pane (self);
      return;
    }

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  split_side_pane (self);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
close_now (AmWindow *self,
           gpointer  data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
am_window_close_request (GtkWindow *window)
{
  AmWindow *self = AM_WINDOW (window);

  /* Unsaved changes: ask, and close (again) once they are saved or discarded. */
  if (!self->close_confirmed && am_session_get_modified (self->session))
    {
      _am_window_confirm_unsaved (self, close_now, NULL, NULL);
      return TRUE;
    }

  /* Closing on purpose: the recovery copy of this session is no longer wanted. */
  am_session_discard_recovery (self->session);

  if (self->settings != NULL)
    {
      int width, height;

      /* The default size is the unmaximized size, which is what should come back. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (am_window_parent_class)->close_request (window);
}

static void
setup_settings (AmWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);

  /* g_settings_new() aborts on a missing schema; an uninstalled build still runs. */
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed: window state will not be kept", SCHEMA_ID);
      restore_window_state (self);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  /* The key is only the engine a new window starts with: binding it would lay out every
   * other window again when one changes engine.  The engine menu stores the choice. */
  {
    g_autofree char *engine = g_settings_get_string (self->settings, "layout-engine");

    am_session_set_engine (self->session, engine);
  }
  g_settings_bind (self->settings, "show-legend", self, "show-legend", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  restore_window_state (self);
}

/* Export */

typedef struct
{
  AmScene         *scene;
  AmExportOptions  options;
  char            *selected_id;
  GHashTable      *suggested;      /* the session's set: replaced, never changed */
  GHashTable      *highlighted;    /* likewise */
  char            *path;
  char            *caption_title;
  char            *caption_subtitle;
  /* The network itself (GEXF, GraphML, CSV, model, annotations) instead of a picture */
  gboolean         network;
  AmNetworkFormat  network_format;
  AmDocument      *document;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->scene, am_scene_unref);
  g_clear_object (&data->document);
  g_free (data->selected_id);
  g_clear_pointer (&data->suggested, g_hash_table_unref);
  g_clear_pointer (&data->highlighted, g_hash_table_unref);
  g_free (data->caption_title);
  g_free (data->caption_subtitle);
  g_free (data->path);
  g_free (data);
}

/* The whole network, whatever the view shows: these files are data for other programs.
 * GEXF's and GraphML's positions are the laid-out map's. */
static ExportData *
network_export_data_new (AmWindow         *self,
                         const char       *path,
                         AmNetworkFormat   format,
                         GError          **error)
{
  AmDocument *document = am_session_get_document (self->session);
  AmScene *scene = am_session_get_scene (self->session);
  ExportData *data;

  if (document == NULL || (scene == NULL && am_network_format_needs_scene (format)))
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                   /* Translators: an export error */
                   _("There is no map to export yet"));
      return NULL;
    }

  data = g_new0 (ExportData, 1);
  data->network = TRUE;
  data->network_format = format;
  data->document = g_object_ref (document);
  data->scene = scene != NULL ? am_scene_ref (scene) : NULL;
  data->path = g_strdup (path);
  am_export_options_init (&data->options);
  data->options.theme = am_canvas_get_dark (self->canvas) ? am_theme_get_dark () : am_theme_get_light ();

  return data;
}

static gboolean
export_data_write (ExportData  *data,
                   GError     **error)
{
  if (data->network)
    return am_export_network_file (data->network_format, data->document, data->scene,
                                   data->options.theme, data->path, error);

  return am_export_to_file (data->scene, &data->options, data->path, error);
}

/* What the export draws: what the map shows (the view's scene, dimmed where the map
 * dims it: a path, a search), with the screen's theme, legend and selection. */
static ExportData *
export_data_new (AmWindow    *self,
                 const char  *path,
                 GError     **error)
{
  ExportData *data;
  AmExportFormat format;
  AmNetworkFormat network_format;
  AmScene *scene = am_session_get_view_scene (self->session);

  if (scene == NULL)
    scene = am_session_get_scene (self->session);

  if (scene == NULL)
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                   /* Translators: an export error */
                   _("There is no map to export yet"));
      return NULL;
    }

  if (am_network_format_from_path (path, &network_format))
    return network_export_data_new (self, path, network_format, error);

  if (!am_export_format_from_path (path, &format))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: an export error; %s is a file name */
                   _("%s: the name must end in .png, .svg or .pdf (a picture), or .gexf, "
                     ".graphml, .csv, .json or .jsonld (the network)"), name);
      return NULL;
    }

  data = g_new0 (ExportData, 1);
  data->scene = am_scene_ref (scene);
  data->path = g_strdup (path);
  data->selected_id = g_strdup (am_session_get_map_selection (self->session));

  am_export_options_init (&data->options);
  data->options.format = format;
  data->options.scale = 2.0;
  data->options.theme = am_canvas_get_dark (self->canvas) ? am_theme_get_dark () : am_theme_get_light ();
  data->options.show_legend = self->show_legend;
  data->options.show_caption = TRUE;
  data->options.selected_id = data->selected_id;
  if (am_session_get_suggested (self->session) != NULL)
    data->suggested = g_hash_table_ref (am_session_get_suggested (self->session));
  data->options.suggested = data->suggested;
  if (am_session_get_highlight (self->session) != NULL)
    data->highlighted = g_hash_table_ref (am_session_get_highlight (self->session));
  data->options.highlighted = data->highlighted;
  /* A view's scene keeps the whole map's bounds: the file is as big as what it shows. */
  data->options.crop = scene != am_session_get_scene (self->session);
  if (am_session_get_document (self->session) != NULL)
    {
      AmDocument *document = am_session_get_document (self->session);

      am_export_caption_for_document (document, &data->caption_title, &data->caption_subtitle);
      data->options.origin = am_document_get_origin (document);
    }
  data->options.caption_title = data->caption_title;
  data->options.caption_subtitle = data->caption_subtitle;

  return data;
}

gboolean
am_window_export_to_path (AmWindow    *self,
                          const char  *path,
                          GError     **error)
{
  ExportData *data;
  gboolean ret;

  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(data = export_data_new (self, path, error)))
    return FALSE;

  ret = export_data_write (data, error);
  export_data_free (data);

  return ret;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  /* The scene is immutable and the theme a constant table, so drawing them on a worker
   * thread is safe and keeps the window responsive during a large export. */
  if (export_data_write (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
am_window_export_async (AmWindow            *self,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;

  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_window_export_async);

  if (!(data = export_data_new (self, path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
am_window_export_finish (AmWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Helpers shared with am-window-actions.c */

char *
_am_window_suggest_export_name (AmWindow   *self,
                                const char *ext)
{
  AmDocument *document = am_session_get_document (self->session);
  const char *title = document ? am_document_get_title (document) : NULL;
  g_autofree char *stem = _am_ui_slugify (title, 48);

  return g_strdup_printf ("%s.%s", stem[0] ? stem : "actormap", ext);
}

void
_am_window_toast (AmWindow   *self,
                  const char *title,
                  const char *button_label,
                  const char *detailed_action)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (button_label != NULL && detailed_action != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_detailed_action_name (toast, detailed_action);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_am_window_message (AmWindow   *self,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog;

  /* Heading and body stay plain text (the *-use-markup properties are off): both can
   * quote file names and article text. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                   /* Translators: a dialog button */
                                   _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

/* The timeline bar shows only when asked for and when the document has dates. */
static void
update_timeline (AmWindow *self)
{
  gboolean has_dates = am_timeline_bar_get_has_dates (self->timeline_bar);

  gtk_revealer_set_reveal_child (self->timeline_revealer, self->show_timeline && has_dates);
  gtk_widget_set_sensitive (self->timeline_button, has_dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-timeline", has_dates);
  if (!has_dates)
    am_timeline_bar_set_playing (self->timeline_bar, FALSE);
}

/* A time range hides what lies outside it: the bar that says so shows with it, also when
 * a remembered view brings the range back with the file. */
static void
view_changed_cb (AmWindow *self)
{
  const AmView *view = am_session_get_view (self->session);

  if (view != NULL && am_view_has_time_range (view))
    am_window_set_show_timeline (self, TRUE);
}

static void
am_window_dispose (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  /* Pending jobs hold the session weakly; cancelling kills a running layout helper. */
  if (self->session != NULL)
    am_session_cancel (self->session);
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  g_clear_handle_id (&self->progress_tick_id, g_source_remove);
  _am_window_extras_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (am_window_parent_class)->dispose (object);
}

static void
am_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmWindow *self = AM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_string (value, am_session_get_engine (self->session));
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_SHOW_TIMELINE:
      g_value_set_boolean (value, self->show_timeline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmWindow *self = AM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      am_session_set_engine (self->session, g_value_get_string (value));
      /* What this window chose is what the next new window starts with. */
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "layout-engine", am_session_get_engine (self->session));
      break;

    case PROP_SHOW_LEGEND:
      am_window_set_show_legend (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_SIDEBAR:
      am_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_TIMELINE:
      am_window_set_show_timeline (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_window_class_init (AmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = am_window_dispose;
  object_class->get_property = am_window_get_property;
  object_class->set_property = am_window_set_property;

  window_class->close_request = am_window_close_request;

  /* The layout engine of this window, for the engine menu (win.engine). */
  properties [PROP_ENGINE] =
    g_param_spec_string ("engine", NULL, NULL,
                         "auto",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         AM_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_TIMELINE] =
    g_param_spec_boolean ("show-timeline", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, canvas_stack);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, detail_panel);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, edit_section);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, engine_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_other_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_retry_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, path_panel);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, suggestions_pane);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, timeline_bar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, timeline_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, view_bar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, zoom_box);

  _am_window_class_actions_init (widget_class);
  _am_window_extras_class_init (widget_class);

  g_type_ensure (AM_TYPE_ARTICLE_VIEW);
  g_type_ensure (AM_TYPE_CANVAS);
  g_type_ensure (AM_TYPE_DETAIL_PANEL);
  g_type_ensure (AM_TYPE_FILTER_POPOVER);
  g_type_ensure (AM_TYPE_PATH_PANEL);
  g_type_ensure (AM_TYPE_VIEW_BAR);
  g_type_ensure (AM_TYPE_SIDEBAR);
  g_type_ensure (AM_TYPE_SUGGESTIONS_PANE);
  g_type_ensure (AM_TYPE_TIMELINE_BAR);
}

static void
am_window_init (AmWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkDropTarget *drop_target;

  self->session = am_session_new ();
  self->show_legend = TRUE;

  /* GtkApplication adds the resource icons to the theme; without one (tests) do it here. */
  {
    GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
    g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (icon_theme);

    if (paths == NULL || !g_strv_contains ((const char * const *) paths, RESOURCE_PATH "/icons"))
      gtk_icon_theme_add_resource_path (icon_theme, RESOURCE_PATH "/icons");
  }
  self->show_sidebar = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The panels read the session; every change of selection is one session call. */
  g_object_set (self->sidebar, "session", self->session, NULL);
  g_object_set (self->detail_panel, "session", self->session, NULL);
  g_object_set (self->article_view, "session", self->session, NULL);
  am_suggestions_pane_set_session (self->suggestions_pane, self->session);
  am_canvas_set_session (self->canvas, self->session);
  am_timeline_bar_set_session (self->timeline_bar, self->session);
  g_signal_connect_object (self->timeline_bar, "notify::has-dates",
                           G_CALLBACK (update_timeline), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::view",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  update_timeline (self);
  /* Views: the filters, the focus or path bar over the map, the path's steps. */
  am_filter_popover_set_session (self->filter_popover, self->session);
  am_view_bar_set_session (self->view_bar, self->session);
  am_path_panel_set_session (self->path_panel, self->session);
  /* The minimap, the reload bar, the remembered viewport. */
  _am_window_extras_init (self);
  g_object_bind_property (self, "show-legend", self->canvas, "show-legend", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-sidebar", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  g_signal_connect_object (self->session, "notify::document",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::scene",
                           G_CALLBACK (scene_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::engine",
                           G_CALLBACK (engine_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::busy",
                           G_CALLBACK (busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::busy-message",
                           G_CALLBACK (busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified",
                           G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo",
                           G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo",
                           G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::undo-label",
                           G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::redo-label",
                           G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::suggesting",
                           G_CALLBACK (suggestions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suggestions_pane, "notify::n-suggestions",
                           G_CALLBACK (suggestions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "layout-failed",
                           G_CALLBACK (layout_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "load-failed",
                           G_CALLBACK (load_failed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dark_changed_cb (self, NULL, style_manager);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  setup_settings (self);

  update_title (self);
  update_engine_button (self);
  suggestions_changed_cb (self);
  _am_window_update_canvas_page (self);
  _am_window_update_actions (self);
  _am_window_update_edit_menu (self);
}

/* Public API */

AmWindow *
am_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (AM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

AmSession *
am_window_get_session (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
am_window_get_show_legend (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);

  return self->show_legend;
}

void
am_window_set_show_legend (AmWindow *self,
                           gboolean  show_legend)
{
  g_return_if_fail (AM_IS_WINDOW (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;

  self->show_legend = show_legend;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LEGEND]);
}

gboolean
am_window_get_show_sidebar (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);

  return self->show_sidebar;
}

void
am_window_set_show_sidebar (AmWindow *self,
                            gboolean  show_sidebar)
{
  g_return_if_fail (AM_IS_WINDOW (self));

  show_sidebar = !!show_sidebar;
  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SIDEBAR]);
}

gboolean
am_window_get_show_timeline (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);

  return self->show_timeline;
}

void
am_window_set_show_timeline (AmWindow *self,
                             gboolean  show_timeline)
{
  g_return_if_fail (AM_IS_WINDOW (self));

  show_timeline = !!show_timeline;
  if (self->show_timeline == show_timeline)
    return;

  self->show_timeline = show_timeline;
  update_timeline (self);
  /* Hidden, it does not play on behind the map. */
  if (!show_timeline)
    am_timeline_bar_set_playing (self->timeline_bar, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_TIMELINE]);
}
