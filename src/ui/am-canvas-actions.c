/* am-canvas-actions.c — the canvas's own actions and the keys bound to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-canvas-private.h"

#define ZOOM_STEP 1.25

static void
zoom_by (AmCanvas *self,
         double    factor)
{
  AmViewport view;

  _am_canvas_take_view (self);
  view = *_am_canvas_get_view (self);
  view.zoom *= factor;
  _am_canvas_set_view (self, &view);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  zoom_by (AM_CANVAS (widget), ZOOM_STEP);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  zoom_by (AM_CANVAS (widget), 1.0 / ZOOM_STEP);
}

static void
zoom_fit_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  am_canvas_zoom_to_fit (AM_CANVAS (widget));
}

static void
select_neighbour_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  _am_canvas_input_select_neighbour (_am_canvas_get_input (AM_CANVAS (widget)),
                                     CLAMP (dx, -1, 1), CLAMP (dy, -1, 1));
}

static void
move_selection_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  _am_canvas_input_move_selection (_am_canvas_get_input (AM_CANVAS (widget)),
                                   CLAMP (dx, -1, 1), CLAMP (dy, -1, 1));
}

void
_am_canvas_actions_update (AmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_scene = am_canvas_get_scene (self) != NULL;
  double zoom = am_canvas_get_zoom (self);

  gtk_widget_action_set_enabled (widget, "canvas.zoom-in",
                                 has_scene && zoom < AM_CANVAS_MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out",
                                 has_scene && zoom > AM_CANVAS_MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-fit", has_scene);
  gtk_widget_action_set_enabled (widget, "canvas.select-neighbour", has_scene);
  gtk_widget_action_set_enabled (widget, "canvas.move-selection",
                                 has_scene && am_canvas_get_session (self) != NULL);
  _am_canvas_explore_actions_update (self);
}

void
_am_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_cb);
  gtk_widget_class_install_action (widget_class, "canvas.select-neighbour", "(ii)",
                                   select_neighbour_cb);
  gtk_widget_class_install_action (widget_class, "canvas.move-selection", "(ii)",
                                   move_selection_cb);

  /* Alt+arrows move the selected actor, as a drag does. */
  {
    static const struct { guint key, keypad; int dx, dy; } moves[] = {
      { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
      { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
      { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
      { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      {
        gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK,
                                             "canvas.move-selection", "(ii)",
                                             moves[i].dx, moves[i].dy);
        gtk_widget_class_add_binding_action (widget_class, moves[i].keypad, GDK_ALT_MASK,
                                             "canvas.move-selection", "(ii)",
                                             moves[i].dx, moves[i].dy);
      }
  }

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.zoom-fit", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0,
                                       "canvas.select-neighbour", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0,
                                       "canvas.select-neighbour", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "canvas.select-neighbour", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0,
                                       "canvas.select-neighbour", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "canvas.select-neighbour", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0,
                                       "canvas.select-neighbour", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "canvas.select-neighbour", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0,
                                       "canvas.select-neighbour", "(ii)", 0, 1);

  /* The window owns these actions; the canvas only forwards its keys.  (Escape is
   * am-canvas-explore.c's: it leaves a focus or a path first.) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "win.focus-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "win.focus-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0,
                                       "win.focus-details", NULL);
}
