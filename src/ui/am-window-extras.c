/* am-window-extras.c — the window's minimap, reload bar, remembered viewport and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-print.h"
#include "am-window-private.h"

/* The canvas reports its viewport to the session once it rests this long: a drag or a
 * fly-to moves it every frame. */
#define VIEWPORT_REPORT_DELAY_MS 500

/* Remembered viewports */

static gboolean
same_file (GFile *a,
           GFile *b)
{
  return a == b || (a != NULL && b != NULL && g_file_equal (a, b));
}

static void
report_viewport_cb (gpointer user_data)
{
  AmWindow *self = user_data;
  double x, y, zoom;

  self->viewport_report_id = 0;
  if (self->viewport_pending || am_canvas_get_scene (self->canvas) == NULL)
    return;

  am_canvas_get_viewport (self->canvas, &x, &y, &zoom);
  am_session_set_viewport_hint (self->session, x, y, zoom);
}

static void
viewport_changed_cb (AmWindow *self)
{
  /* While a remembered viewport waits for its map, the canvas's fit is not the user's
   * choice and must not overwrite it. */
  if (self->viewport_pending || am_canvas_get_scene (self->canvas) == NULL)
    return;

  g_clear_handle_id (&self->viewport_report_id, g_source_remove);
  self->viewport_report_id = g_timeout_add_once (VIEWPORT_REPORT_DELAY_MS, report_viewport_cb, self);
}

/* Opening a file (not an edit, a reload or Save As, which keep the document's view or
 * its file): what the session remembered for it waits for the first scene. */
static void
document_changed_cb (AmWindow *self)
{
  GFile *file = am_session_get_file (self->session);

  if (same_file (file, self->viewport_file))
    {
      /* An edit or a reload of the same file: where the map is now, in case the new
       * document is a reload the canvas would fit as a new map (its title changed). */
      if (!self->viewport_pending)
        am_canvas_get_viewport (self->canvas, &self->viewport_x, &self->viewport_y,
                                &self->viewport_zoom);
      return;
    }

  g_set_object (&self->viewport_file, file);
  g_clear_handle_id (&self->viewport_restore_id, g_source_remove);
  self->viewport_pending = file != NULL
                           && am_session_get_viewport_hint (self->session, &self->viewport_x,
                                                            &self->viewport_y,
                                                            &self->viewport_zoom);
}

static void
restore_viewport_cb (gpointer user_data)
{
  AmWindow *self = user_data;

  self->viewport_restore_id = 0;
  if (!self->viewport_pending || am_canvas_get_scene (self->canvas) == NULL)
    return;

  self->viewport_pending = FALSE;
  am_canvas_set_viewport (self->canvas, self->viewport_x, self->viewport_y, self->viewport_zoom);
}

static void
canvas_scene_changed_cb (AmWindow *self)
{
  /* After the canvas has fitted its first scene (it does so right after taking it):
   * an idle runs once that is done. */
  if (self->viewport_pending && am_canvas_get_scene (self->canvas) != NULL
      && self->viewport_restore_id == 0)
    self->viewport_restore_id = g_idle_add_once (restore_viewport_cb, self);
}

/* A reload keeps the viewport: the map is the same file's, changed. */
static void
reloaded_cb (AmWindow *self)
{
  if (self->viewport_pending)
    return;

  self->viewport_pending = TRUE;
  canvas_scene_changed_cb (self);
}

/* Printing */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  am_print_run_dialog (GTK_WINDOW (self), self->session);
}

void
_am_window_extras_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AmWindow, minimap);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, reload_banner);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  g_type_ensure (AM_TYPE_MINIMAP);
  g_type_ensure (AM_TYPE_RELOAD_BANNER);
}

void
_am_window_extras_init (AmWindow *self)
{
  am_minimap_set_canvas (self->minimap, self->canvas);
  am_reload_banner_set_session (self->reload_banner, self->session);

  g_signal_connect_object (self->session, "notify::document",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "reloaded",
                           G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::scene",
                           G_CALLBACK (canvas_scene_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "viewport-changed",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_am_window_extras_dispose (AmWindow *self)
{
  /* The last move is reported before the session saves what it remembers. */
  if (self->viewport_report_id != 0)
    {
      g_clear_handle_id (&self->viewport_report_id, g_source_remove);
      if (self->session != NULL && self->canvas != NULL)
        report_viewport_cb (self);
    }
  g_clear_handle_id (&self->viewport_restore_id, g_source_remove);
  g_clear_object (&self->viewport_file);
}
