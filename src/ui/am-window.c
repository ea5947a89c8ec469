/* am-window.c — one document: canvas, detail panel, entity list, article pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-open.h"
#include "am-theme.h"
#include "am-ui-util.h"
#include "am-window-private.h"

#define SCHEMA_ID "org.actormap.Actormap"
/* A progress overlay that flashes for a few milliseconds is noise: the article's map
 * lays out faster than this, so the overlay only shows for layouts that take a while. */
#define PROGRESS_DELAY_MS 250
/* The first window's share of the screen, and its limits (see size_to_screen()); the
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
  PROP_BUSY,
  PROP_DOCUMENT,
  PROP_ENGINE,
  PROP_SCENE,
  PROP_SELECTION,
  PROP_SHOW_LEGEND,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* A pending asynchronous job.  It holds the window weakly, so closing a window never
 * waits for a helper process, and the serial tells a current result from a late one. */
typedef struct
{
  GWeakRef  window;
  guint     serial;
  GFile    *file;
} Job;

static Job *
job_new (AmWindow *self,
         guint     serial,
         GFile    *file)
{
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->window, self);
  job->serial = serial;
  g_set_object (&job->file, file);

  return job;
}

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->window);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Busy state and the progress overlay */

static gboolean
is_busy (AmWindow *self)
{
  return self->loading || self->laying_out;
}

static gboolean
reveal_progress_cb (gpointer user_data)
{
  AmWindow *self = user_data;

  self->progress_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->progress_revealer, is_busy (self));

  return G_SOURCE_REMOVE;
}

static void
update_busy (AmWindow *self,
             gboolean  was_busy)
{
  gboolean busy = is_busy (self);

  if (busy)
    {
      gtk_label_set_text (self->progress_label, self->busy_message ? self->busy_message : "");
      if (!gtk_revealer_get_reveal_child (self->progress_revealer) && self->progress_timeout_id == 0)
        self->progress_timeout_id = g_timeout_add (PROGRESS_DELAY_MS, reveal_progress_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
    }

  if (busy != was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  _am_window_update_actions (self);
}

static void
set_busy_message (AmWindow   *self,
                  const char *message)
{
  g_free (self->busy_message);
  self->busy_message = g_strdup (message);
}

/* Title, canvas page and highlight */

static void
update_title (AmWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *file_title = NULL;
  const char *title = NULL;

  if (self->document != NULL)
    {
      guint n_entities = g_list_model_get_n_items (am_document_get_entities (self->document));
      guint n_relations = g_list_model_get_n_items (am_document_get_relations (self->document));
      g_autofree char *actors = NULL;
      g_autofree char *relations = NULL;

      title = am_document_get_title (self->document);
      if ((title == NULL || title[0] == '\0') && self->file != NULL)
        title = file_title = _am_ui_display_name (self->file);

      if (_am_ui_document_is_graph (self->document))
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

  /* AdwWindowTitle's labels are plain text, so article titles need no escaping. */
  adw_window_title_set_title (self->window_title, title ? title : _("Actormap"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

static void
update_engine_button (AmWindow *self)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (self->engine, "auto") == 0)
    {
      if (self->document != NULL)
        /* Translators: the layout menu button when the engine is picked by size, "Auto (neato)" */
        label = g_strdup_printf (_("Auto (%s)"), _am_window_resolved_engine (self));
      else
        /* Translators: the layout menu button when the engine is picked by size */
        label = g_strdup (_("Auto"));
    }
  else
    label = g_strdup (self->engine);

  gtk_menu_button_set_label (self->engine_button, label);
}

/* The stack over the map: the canvas, an empty state when no document is open, and an
 * error page when the first layout of a document failed (later failures keep the old map
 * on screen and say so in a toast). */
static void
update_canvas_page (AmWindow *self)
{
  const char *current = gtk_stack_get_visible_child_name (self->canvas_stack);

  if (self->scene != NULL)
    gtk_stack_set_visible_child_name (self->canvas_stack, "canvas");
  else if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->canvas_stack, self->loading ? "canvas" : "empty");
  else if (self->laying_out || g_strcmp0 (current, "empty") == 0)
    gtk_stack_set_visible_child_name (self->canvas_stack, "canvas");

  /* With nothing open, one empty state says what to do: the panels around it would
   * only repeat it. */
  gtk_widget_set_visible (self->zoom_box, self->scene != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->side_paned), self->document != NULL);
  /* A Graphviz file has no article: the details get the whole column. */
  gtk_widget_set_visible (GTK_WIDGET (self->article_view),
                          self->document != NULL && am_document_get_n_paragraphs (self->document) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), self->document != NULL);
  gtk_widget_set_sensitive (self->export_button, self->scene != NULL);
  gtk_widget_set_sensitive (self->legend_button, self->document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->engine_button), self->document != NULL);
}

static void
add_participants (GHashTable  *set,
                  AmStatement *statement)
{
  const char * const *about = am_statement_get_about (statement);
  const char * const *addressees = am_statement_get_addressees (statement);
  const char *reported_by = am_statement_get_reported_by (statement);

  g_hash_table_add (set, g_strdup (am_statement_get_speaker (statement)));
  for (guint i = 0; about[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (about[i]));
  for (guint i = 0; addressees[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (addressees[i]));
  if (reported_by != NULL)
    g_hash_table_add (set, g_strdup (reported_by));
}

/* What the canvas leaves undimmed: the search matches while searching, otherwise the
 * actors of a selected statement (statements have no shape of their own on the map). */
static void
update_highlight (AmWindow *self)
{
  g_autoptr(GHashTable) set = NULL;
  AmStatement *statement = NULL;

  if (self->document != NULL)
    {
      /* Search matches now live in the session (am_session_get_highlight). */
      if (self->selection != NULL
          && (statement = am_document_lookup_statement (self->document, self->selection)))
        {
          set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          add_participants (set, statement);
        }
    }

  /* The window keeps its own reference, so the set outlives the canvas's use of it
   * whatever the canvas does with the one it is given. */
  g_clear_pointer (&self->highlight, g_hash_table_unref);
  if (set != NULL)
    self->highlight = g_hash_table_ref (set);
  am_canvas_set_highlight (self->canvas, set);
}

/* The id the canvas shows as selected: statements select their speaker's node. */
static const char *
canvas_id_for (AmWindow   *self,
               const char *id)
{
  AmStatement *statement;

  if (id == NULL || self->document == NULL)
    return id;

  if ((statement = am_document_lookup_statement (self->document, id)))
    return am_statement_get_speaker (statement);

  return id;
}

static void
selection_changed_cb (AmWindow *self)
{
  am_canvas_set_selection (self->canvas, canvas_id_for (self, self->selection));
  update_highlight (self);
}

static void
search_changed_cb (AmWindow *self)
{
  update_highlight (self);
}

/* Scene and layout */

static void
set_scene (AmWindow *self,
           AmScene  *scene)
{
  if (self->scene == scene)
    return;

  g_clear_pointer (&self->scene, am_scene_unref);
  if (scene != NULL)
    self->scene = am_scene_ref (scene);

  am_canvas_set_scene (self->canvas, scene);
  /* The canvas may have dropped its selection with its old scene. */
  am_canvas_set_selection (self->canvas, canvas_id_for (self, self->selection));
  update_canvas_page (self);
  _am_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENE]);
}

const char *
_am_window_resolved_engine (AmWindow *self)
{
  AmLayoutEngine engine;

  if (am_layout_engine_from_string (self->engine, &engine))
    return self->engine;

  if (self->document == NULL)
    return am_layout_engine_to_string (AM_LAYOUT_ENGINE_NEATO);

  /* A Graphviz file's own "layout" attribute (dot by default), else by size. */
  engine = am_layout_engine_for_document (self->document);
  return am_layout_engine_to_string (engine);
}

static const char *
fallback_engine (const char *failed)
{
  /* sfdp scales and never crashed on the corpus; twopi is as fast on large maps and
   * is the way out when sfdp itself failed (dot and neato slow down first). */
  return g_strcmp0 (failed, "sfdp") == 0 ? "twopi" : "sfdp";
}

/* The page shown instead of the map when there is no map to keep on screen.  Its first
 * button retries (with a longer time limit after a timeout), its second tries another
 * engine.  @description is plain text. */
static void
show_error_page (AmWindow   *self,
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

  if (timed_out)
    {
      /* Translators: a button: lay out again with a longer time limit */
      gtk_button_set_label (self->error_retry_button, _("_Wait Longer"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_retry_button), "win.relayout-longer");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->error_retry_button), NULL);
    }
  else
    {
      /* Translators: a button: lay out again */
      gtk_button_set_label (self->error_retry_button, _("Try _Again"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_retry_button), "win.relayout");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->error_retry_button), "s", "");
    }

  /* Translators: a button; %s is a Graphviz engine name */
  other_label = g_strdup_printf (_("Try %s"), other);
  gtk_button_set_label (self->error_other_button, other_label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->error_other_button), "s", other);

  gtk_stack_set_visible_child_name (self->canvas_stack, "error");
}

static void
show_layout_error (AmWindow     *self,
                   const char   *engine,
                   const GError *error)
{
  gboolean timed_out = g_error_matches (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TIMEOUT);
  g_autofree char *description = NULL;
  const char *heading;

  g_debug ("Layout with %s failed: %s", engine, error->message);

  if (self->scene != NULL)
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

  show_error_page (self, "dialog-warning-symbolic", heading, description, timed_out, engine);
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_busy;

  scene = am_layout_run_finish (result, &error);

  /* Closed window, cancelled job or a newer request: this result is late. */
  if (self == NULL || job->serial != self->layout_serial)
    return;

  was_busy = is_busy (self);
  self->laying_out = FALSE;
  g_clear_object (&self->layout_cancellable);

  if (scene == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_layout_error (self, _am_window_resolved_engine (self), error);
    }
  else
    {
      set_scene (self, scene);
      /* A new document starts fitted; a relayout of the same one keeps the view. */
      if (self->fit_next_scene)
        am_canvas_zoom_to_fit (self->canvas);
      self->fit_next_scene = FALSE;
    }

  update_busy (self, was_busy);
  update_canvas_page (self);
}

static void
cancel_layout_job (AmWindow *self)
{
  /* Bumping the serial makes any result still in flight late. */
  self->layout_serial++;
  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  self->laying_out = FALSE;
}

void
_am_window_relayout (AmWindow *self)
{
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *engine_name;
  AmLayoutEngine engine;
  gboolean was_busy;

  g_assert (AM_IS_WINDOW (self));

  was_busy = is_busy (self);
  cancel_layout_job (self);
  update_engine_button (self);

  if (self->document == NULL)
    {
      update_busy (self, was_busy);
      return;
    }

  engine_name = _am_window_resolved_engine (self);
  if (!am_layout_engine_from_string (engine_name, &engine))
    engine = AM_LAYOUT_ENGINE_NEATO;

  request = am_layout_request_new_for_document (self->document, engine, &error);
  if (request == NULL)
    {
      show_layout_error (self, engine_name, error);
      update_busy (self, was_busy);
      return;
    }

  self->laying_out = TRUE;
  self->layout_cancellable = g_cancellable_new ();

  /* Translators: progress shown over the map; %s is a Graphviz engine name */
  message = g_strdup_printf (_("Laying out the map with %s…"), engine_name);
  set_busy_message (self, message);

  /* helper_path NULL: Graphviz runs in a child process of this very executable
   * (`--layout-helper`), so a crash or an endless layout cannot take the window down. */
  am_layout_run_async (request,
                       NULL,
                       self->timeout_seconds,
                       self->layout_cancellable,
                       layout_done_cb,
                       job_new (self, self->layout_serial, NULL));

  update_busy (self, was_busy);
}

void
am_window_cancel_layout (AmWindow *self)
{
  gboolean was_busy;

  g_return_if_fail (AM_IS_WINDOW (self));

  if (!self->laying_out)
    return;

  was_busy = is_busy (self);
  cancel_layout_job (self);

  if (self->scene == NULL && self->document != NULL)
    show_error_page (self, "process-stop-symbolic",
                     /* Translators: title of the page shown instead of the map */
                     _("Layout Cancelled"),
                     /* Translators: shown instead of the map after Cancel */
                     _("Lay the map out again, or try another engine."),
                     FALSE, _am_window_resolved_engine (self));

  update_busy (self, was_busy);
}

/* Loading */

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(AmWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_busy;

  document = am_open_document_finish (result, &error);

  if (self == NULL || job->serial != self->load_serial)
    return;

  was_busy = is_busy (self);
  self->loading = FALSE;
  g_clear_object (&self->load_cancellable);

  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = _am_ui_display_name (job->file);
          g_autofree char *heading = NULL;

          /* The previous document stays open; the message names the file and what is wrong. */
          /* Translators: the heading of an error dialog; %s is a file name */
          heading = g_strdup_printf (_("Could Not Open “%s”"), name);
          _am_window_message (self, heading, error->message);
        }
      update_busy (self, was_busy);
      update_canvas_page (self);
      return;
    }

  g_set_object (&self->file, job->file);
  update_busy (self, was_busy);
  am_window_set_document (self, document);
}

static void
cancel_load_job (AmWindow *self)
{
  /* A newer open replaces an older one that has not finished, and its result is late. */
  self->load_serial++;
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->loading = FALSE;
}

void
_am_window_cancel_loading (AmWindow *self)
{
  gboolean was_busy = is_busy (self);

  if (!self->loading)
    return;

  cancel_load_job (self);
  update_busy (self, was_busy);
  update_canvas_page (self);
}

void
am_window_open_file (AmWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean was_busy;

  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  was_busy = is_busy (self);
  cancel_load_job (self);

  self->loading = TRUE;
  self->load_cancellable = g_cancellable_new ();

  name = _am_ui_display_name (file);
  /* Translators: progress shown over the map; %s is a file name */
  message = g_strdup_printf (_("Opening %s…"), name);
  set_busy_message (self, message);

  /* A JSON model on a worker thread, or a Graphviz file parsed by the isolated helper
   * (this executable, as for layout): Graphviz's parser never runs in the window. */
  am_open_document_async (file,
                          NULL,
                          self->load_cancellable,
                          load_done_cb,
                          job_new (self, self->load_serial, file));

  update_busy (self, was_busy);
  update_canvas_page (self);
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

  g_clear_object (&self->file);
  am_window_set_document (self, document);
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
update_kind_css (AmWindow *self,
                 gboolean  dark)
{
  const AmTheme *theme = dark ? am_theme_get_dark () : am_theme_get_light ();
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    {
      const char *name = am_entity_kind_to_string (kind);
      const AmKindStyle *style = am_theme_style_for_kind (theme, name);

      _am_ui_append_kind_css (css, name, style);
    }

  gtk_css_provider_load_from_data (self->kind_css, css->str, css->len);
}

static void
dark_changed_cb (AmWindow        *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  gboolean dark = adw_style_manager_get_dark (style_manager);

  am_canvas_set_dark (self->canvas, dark);
  am_article_view_set_dark (self->article_view, dark);
  update_kind_css (self, dark);
}

/* Settings */

/* Before any size was remembered, the window takes most of the screen, as GNOME's
 * document viewers do: the map is what people came for, and at 1280×820 between the
 * two panes its names were too small to draw.  The window manager clamps the size to the
 * work area. */
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

  /* Room for a top bar and a dock; no wider than a map is worth on a very large screen. */
  width = MIN ((int) (geometry.width * SCREEN_SHARE_WIDTH), SCREEN_MAX_WIDTH);
  height = MIN ((int) (geometry.height * SCREEN_SHARE_HEIGHT), SCREEN_MAX_HEIGHT);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (width, MIN_WINDOW_WIDTH),
                               MAX (height, MIN_WINDOW_HEIGHT));
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

static gboolean
am_window_close_request (GtkWindow *window)
{
  AmWindow *self = AM_WINDOW (window);

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
  g_settings_bind (self->settings, "layout-engine", self, "engine", G_SETTINGS_BIND_DEFAULT);
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
  char            *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->scene, am_scene_unref);
  g_free (data->selected_id);
  g_free (data->path);
  g_free (data);
}

/* What the export draws: the screen's scene, theme, legend and selection. */
static ExportData *
export_data_new (AmWindow    *self,
                 const char  *path,
                 GError     **error)
{
  ExportData *data;
  AmExportFormat format;

  if (self->scene == NULL)
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                   /* Translators: an export error */
                   _("There is no map to export yet"));
      return NULL;
    }

  if (!am_export_format_from_path (path, &format))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: an export error; %s is a file name */
                   _("%s: the name must end in .png, .svg or .pdf"), name);
      return NULL;
    }

  data = g_new0 (ExportData, 1);
  data->scene = am_scene_ref (self->scene);
  data->path = g_strdup (path);
  data->selected_id = g_strdup (canvas_id_for (self, self->selection));

  am_export_options_init (&data->options);
  data->options.format = format;
  data->options.scale = 2.0;
  data->options.theme = am_canvas_get_dark (self->canvas) ? am_theme_get_dark () : am_theme_get_light ();
  data->options.show_legend = self->show_legend;
  data->options.show_caption = TRUE;
  data->options.selected_id = data->selected_id;

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

  ret = am_export_to_file (data->scene, &data->options, data->path, error);
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
  if (am_export_to_file (data->scene, &data->options, data->path, &error))
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
_am_window_suggest_export_name (AmWindow       *self,
                                AmExportFormat  format)
{
  const char *title = self->document ? am_document_get_title (self->document) : NULL;
  g_autofree char *stem = _am_ui_slugify (title, 48);
  const char *ext = am_export_format_to_string (format);

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

void
_am_window_show_item (AmWindow   *self,
                      const char *id,
                      gboolean    fly)
{
  am_window_set_selection (self, id);

  if (fly && self->selection != NULL)
    {
      const char *target = canvas_id_for (self, self->selection);

      if (target != NULL)
        am_canvas_fly_to (self->canvas, target);
    }
}

/* GObject */

static void
am_window_dispose (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  /* Pending jobs hold the window weakly; cancelling kills a running layout helper. */
  cancel_load_job (self);
  cancel_layout_job (self);
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);

  if (self->kind_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->kind_css));
  g_clear_object (&self->kind_css);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->scene, am_scene_unref);
  g_clear_pointer (&self->highlight, g_hash_table_unref);

  G_OBJECT_CLASS (am_window_parent_class)->dispose (object);
}

static void
am_window_finalize (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  g_clear_pointer (&self->selection, g_free);
  g_clear_pointer (&self->engine, g_free);
  g_clear_pointer (&self->busy_message, g_free);

  G_OBJECT_CLASS (am_window_parent_class)->finalize (object);
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
    case PROP_BUSY:
      g_value_set_boolean (value, am_window_get_busy (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ENGINE:
      g_value_set_string (value, self->engine);
      break;

    case PROP_SCENE:
      g_value_set_boxed (value, self->scene);
      break;

    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
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
    case PROP_DOCUMENT:
      am_window_set_document (self, g_value_get_object (value));
      break;

    case PROP_ENGINE:
      am_window_set_engine (self, g_value_get_string (value));
      break;

    case PROP_SELECTION:
      am_window_set_selection (self, g_value_get_string (value));
      break;

    case PROP_SHOW_LEGEND:
      am_window_set_show_legend (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_SIDEBAR:
      am_window_set_show_sidebar (self, g_value_get_boolean (value));
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
  object_class->finalize = am_window_finalize;
  object_class->get_property = am_window_get_property;
  object_class->set_property = am_window_set_property;

  window_class->close_request = am_window_close_request;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         AM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENGINE] =
    g_param_spec_string ("engine", NULL, NULL,
                         "auto",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCENE] =
    g_param_spec_boxed ("scene", NULL, NULL,
                        AM_TYPE_SCENE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, canvas_stack);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, detail_panel);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, engine_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_other_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_retry_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, zoom_box);

  _am_window_class_actions_init (widget_class);

  g_type_ensure (AM_TYPE_ARTICLE_VIEW);
  g_type_ensure (AM_TYPE_CANVAS);
  g_type_ensure (AM_TYPE_DETAIL_PANEL);
  g_type_ensure (AM_TYPE_SIDEBAR);
}

static void
am_window_init (AmWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkDropTarget *drop_target;

  self->engine = g_strdup ("auto");
  self->timeout_seconds = AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS;
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

  /* Panels follow the window's state; every change of selection comes through
   * win.select or am_window_set_selection(), never from a panel directly. */
  g_object_bind_property (self, "document", self->detail_panel, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "document", self->article_view, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selection", self->detail_panel, "selection", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selection", self->article_view, "selection", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "document", self->canvas, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-legend", self->canvas, "show-legend", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-sidebar", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  g_signal_connect (self, "notify::selection", G_CALLBACK (selection_changed_cb), NULL);
  g_signal_connect_object (self->sidebar, "notify::search-text",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  self->kind_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->kind_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
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
  update_canvas_page (self);
  _am_window_update_actions (self);
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

AmDocument *
am_window_get_document (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->document;
}

void
am_window_set_document (AmWindow   *self,
                        AmDocument *document)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);

  /* The selection is an id, so it survives a reload of the same story. */
  if (self->selection != NULL
      && (document == NULL || !_am_ui_document_has_id (document, self->selection)))
    am_window_set_selection (self, NULL);

  set_scene (self, NULL);
  self->fit_next_scene = TRUE;
  update_title (self);
  gtk_stack_set_visible_child_name (self->canvas_stack, "canvas");

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);

  update_highlight (self);
  _am_window_relayout (self);
  update_canvas_page (self);
}

AmScene *
am_window_get_scene (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->scene;
}

const char *
am_window_get_selection (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->selection;
}

void
am_window_set_selection (AmWindow   *self,
                         const char *id)
{
  g_return_if_fail (AM_IS_WINDOW (self));

  if (id != NULL && id[0] == '\0')
    id = NULL;

  /* Ids that name nothing in this document (a stale canvas click, a typo in an action
   * target) clear the selection rather than leave the panels pointing at nothing. */
  if (id != NULL && (self->document == NULL || !_am_ui_document_has_id (self->document, id)))
    {
      g_debug ("Ignoring selection of unknown id “%s”", id);
      id = NULL;
    }

  if (g_strcmp0 (self->selection, id) == 0)
    return;

  g_free (self->selection);
  self->selection = g_strdup (id);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
}

const char *
am_window_get_engine (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->engine;
}

void
am_window_set_engine (AmWindow   *self,
                      const char *engine)
{
  AmLayoutEngine value;

  g_return_if_fail (AM_IS_WINDOW (self));

  if (engine == NULL || !am_layout_engine_from_string (engine, &value))
    engine = "auto";

  if (g_strcmp0 (self->engine, engine) == 0)
    return;

  g_free (self->engine);
  self->engine = g_strdup (engine);

  /* Only the engine changed: the selection and the viewport stay. */
  _am_window_relayout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENGINE]);
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
am_window_get_busy (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);

  return is_busy (self);
}
