/* am-canvas-input.c — pointer, touch, scroll, fly-to and arrow keys as one state machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-canvas-private.h"

#define ZOOM_STEP            1.25
#define SCROLL_STEP_PX       48.0
#define FLY_DURATION_US      (250 * G_TIME_SPAN_MILLISECOND)
#define HIT_TOLERANCE_PX     4.0

/*
 * The states (AmCanvasInputState) and what moves between them:
 *
 *   IDLE ──press on an item or the legend──► PRESSED ──moved past the drag threshold──► PANNING
 *   IDLE ──press on empty space───────────► PANNING   (the map follows the pointer at once)
 *   PRESSED ──release──► IDLE, and the click selects
 *   PANNING ──release or cancel──► IDLE
 *   any ──two fingers──► PINCHING ──end──► IDLE
 *   IDLE ──am_canvas_fly_to()──► FLYING ──last frame──► IDLE
 *   FLYING ──press, scroll, zoom or pan──► the user has the view: the flight stops
 *
 * Hover follows the pointer except while PANNING, when the map moves under a still
 * pointer.
 */
struct _AmCanvasInput
{
  AmCanvas          *canvas;        /* borrowed: it owns us */
  AmCanvasInputState state;

  /* The last press moved past the threshold: it was a pan, not a click.  Kept after the
   * release, as the click gesture may hear of it after the drag gesture. */
  gboolean           press_moved;

  /* PANNING: the centre when the press began. */
  double             press_center_x;
  double             press_center_y;
  /* PINCHING: the zoom when it began and the scene point under the fingers. */
  double             pinch_zoom;
  double             pinch_anchor_x;
  double             pinch_anchor_y;

  gboolean           has_pointer;
  double             pointer_x;
  double             pointer_y;

  /* FLYING */
  guint              fly_tick_id;
  gint64             fly_start_us;
  AmView             fly_from;
  AmView             fly_to;
};

static void
set_state (AmCanvasInput      *input,
           AmCanvasInputState  state)
{
  if (input->state == AM_CANVAS_INPUT_FLYING && state != AM_CANVAS_INPUT_FLYING)
    {
      if (input->fly_tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (input->canvas), input->fly_tick_id);
      input->fly_tick_id = 0;
    }

  input->state = state;
}

/* Pointer and touch */

const char *
_am_canvas_hit_test (AmCanvas *self,
                     double    x,
                     double    y)
{
  const AmView *view = _am_canvas_get_view (self);
  AmScene *scene = am_canvas_get_scene (self);
  AmSceneHitKind kind;
  double scene_x, scene_y;
  guint index = 0;

  if (scene == NULL || _am_canvas_point_in_legend (self, x, y))
    return NULL;

  am_view_widget_to_scene (view, x, y, &scene_x, &scene_y);

  /* What is drawn right there first: inside a node or an edge label, that item wins
   * over an edge ending a few pixels away, which at a low zoom is most of the node.
   * Only then the tolerance, for thin curves and box borders. */
  kind = am_scene_hit_test (scene, scene_x, scene_y, 0.0, &index);
  if (kind == AM_SCENE_HIT_NONE)
    kind = am_scene_hit_test (scene, scene_x, scene_y, HIT_TOLERANCE_PX / view->zoom,
                              &index);

  switch (kind)
    {
    case AM_SCENE_HIT_NODE:
      return am_scene_get_node (scene, index)->id;
    case AM_SCENE_HIT_EDGE:
      return am_scene_get_edge (scene, index)->id;
    case AM_SCENE_HIT_NONE:
    default:
      return NULL;
    }
}


static void
click_pressed_cb (AmCanvasInput   *input,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (input->canvas));
}

static void
click_released_cb (AmCanvasInput   *input,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  /* A press that moved past the drag threshold was a pan, not a click. */
  if (input->press_moved)
    return;

  am_canvas_click_at (input->canvas, x, y);
}

static void
drag_begin_cb (AmCanvasInput  *input,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  const AmView *view = _am_canvas_get_view (input->canvas);

  input->press_center_x = view->center_x;
  input->press_center_y = view->center_y;
  input->press_moved = FALSE;

  /* On empty space the map follows the pointer at once; on an item only after the
   * pointer has moved far enough not to be a click. */
  if (_am_canvas_hit_test (input->canvas, x, y) == NULL
      && !_am_canvas_point_in_legend (input->canvas, x, y))
    set_state (input, AM_CANVAS_INPUT_PANNING);
  else
    set_state (input, AM_CANVAS_INPUT_PRESSED);
}

static void
drag_update_cb (AmCanvasInput  *input,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  GtkWidget *widget = GTK_WIDGET (input->canvas);
  AmView view;
  int threshold = 8;

  if (input->state != AM_CANVAS_INPUT_PRESSED && input->state != AM_CANVAS_INPUT_PANNING)
    return;

  g_object_get (gtk_widget_get_settings (widget), "gtk-dnd-drag-threshold", &threshold, NULL);

  if (hypot (offset_x, offset_y) > threshold)
    {
      input->press_moved = TRUE;
      set_state (input, AM_CANVAS_INPUT_PANNING);
      /* Claiming only now leaves a short press to the click gesture. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (widget, "grabbing");
    }

  if (input->state != AM_CANVAS_INPUT_PANNING)
    return;

  /* The drag's own offset, not accumulated steps, so nothing drifts. */
  _am_canvas_take_view (input->canvas);
  view = *_am_canvas_get_view (input->canvas);
  view.center_x = input->press_center_x - offset_x / view.zoom;
  view.center_y = input->press_center_y - offset_y / view.zoom;
  _am_canvas_set_view (input->canvas, &view);
}

static void
drag_end_cb (AmCanvasInput  *input,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  if (input->state == AM_CANVAS_INPUT_PRESSED || input->state == AM_CANVAS_INPUT_PANNING)
    set_state (input, AM_CANVAS_INPUT_IDLE);
  gtk_widget_set_cursor (GTK_WIDGET (input->canvas), NULL);
}

static void
drag_cancel_cb (AmCanvasInput    *input,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  drag_end_cb (input, 0, 0, GTK_GESTURE_DRAG (gesture));
}

static void
pinch_begin_cb (AmCanvasInput    *input,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  const AmView *view = _am_canvas_get_view (input->canvas);
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    {
      x = view->width / 2.0;
      y = view->height / 2.0;
    }

  _am_canvas_take_view (input->canvas);
  set_state (input, AM_CANVAS_INPUT_PINCHING);
  input->pinch_zoom = view->zoom;
  am_view_widget_to_scene (view, x, y, &input->pinch_anchor_x, &input->pinch_anchor_y);
}

static void
pinch_scale_changed_cb (AmCanvasInput  *input,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  AmView view = *_am_canvas_get_view (input->canvas);
  double x, y;

  if (input->state != AM_CANVAS_INPUT_PINCHING
      || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  /* The scene point that was under the fingers stays under them, which also lets two
   * fingers pan. */
  if (am_view_place (&view, input->pinch_zoom * scale,
                     input->pinch_anchor_x, input->pinch_anchor_y, x, y))
    _am_canvas_set_view (input->canvas, &view);
}

static void
pinch_end_cb (AmCanvasInput    *input,
              GdkEventSequence *sequence,
              GtkGesture       *gesture)
{
  if (input->state == AM_CANVAS_INPUT_PINCHING)
    set_state (input, AM_CANVAS_INPUT_IDLE);
}

static gboolean
scroll_cb (AmCanvasInput            *input,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  AmCanvas *canvas = input->canvas;
  AmView view;
  GdkModifierType state;
  gboolean wheel;

  if (am_canvas_get_scene (canvas) == NULL)
    return FALSE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  _am_canvas_take_view (canvas);
  view = *_am_canvas_get_view (canvas);

  if (state & GDK_CONTROL_MASK)
    {
      double x = input->has_pointer ? input->pointer_x : view.width / 2.0;
      double y = input->has_pointer ? input->pointer_y : view.height / 2.0;
      double factor = wheel ? pow (ZOOM_STEP, -dy) : exp (-dy * 0.01);

      if (am_view_zoom_about (&view, view.zoom * factor, x, y))
        _am_canvas_set_view (canvas, &view);
      return TRUE;
    }

  /* A plain mouse wheel only scrolls vertically; Shift turns it sideways. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (wheel)
    am_canvas_pan_by (canvas, dx * SCROLL_STEP_PX, dy * SCROLL_STEP_PX);
  else
    am_canvas_pan_by (canvas, dx, dy);

  return TRUE;
}

static void
motion_cb (AmCanvasInput            *input,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const char *id;

  input->pointer_x = x;
  input->pointer_y = y;
  input->has_pointer = TRUE;

  /* The map moves under a still pointer while panning: hover waits for the drag. */
  if (input->state == AM_CANVAS_INPUT_PANNING)
    return;

  id = _am_canvas_hit_test (input->canvas, x, y);
  _am_canvas_set_hovered (input->canvas, id);

  if (input->state != AM_CANVAS_INPUT_PRESSED)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (input->canvas), id ? "pointer" : NULL);
}

static void
leave_cb (AmCanvasInput            *input,
          GtkEventControllerMotion *controller)
{
  input->has_pointer = FALSE;
  _am_canvas_set_hovered (input->canvas, NULL);
}

/* Fly-to */

static gboolean
fly_tick_cb (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  AmCanvasInput *input = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double t = (double) (now - input->fly_start_us) / FLY_DURATION_US;
  AmView step;

  am_view_fly_step (&input->fly_from, &input->fly_to, t, &step);
  _am_canvas_set_view (input->canvas, &step);

  if (t >= 1.0)
    {
      input->fly_tick_id = 0;
      set_state (input, AM_CANVAS_INPUT_IDLE);
      /* Sharpen now rather than after the settle delay. */
      am_canvas_layers_settle (_am_canvas_get_layers (input->canvas));
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
_am_canvas_input_fly (AmCanvasInput *input,
                      const AmView  *target)
{
  GtkWidget *widget = GTK_WIDGET (input->canvas);

  _am_canvas_input_stop_flying (input);
  input->fly_from = *_am_canvas_get_view (input->canvas);
  input->fly_to = *target;
  input->fly_start_us = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (widget));
  input->fly_tick_id = gtk_widget_add_tick_callback (widget, fly_tick_cb, input, NULL);
  set_state (input, AM_CANVAS_INPUT_FLYING);
}

void
_am_canvas_input_stop_flying (AmCanvasInput *input)
{
  if (input->state == AM_CANVAS_INPUT_FLYING)
    set_state (input, AM_CANVAS_INPUT_IDLE);
}

/* Keyboard */

void
_am_canvas_input_select_neighbour (AmCanvasInput *input,
                                   int            dx,
                                   int            dy)
{
  AmCanvas *canvas = input->canvas;
  AmScene *scene = am_canvas_get_scene (canvas);
  const AmSceneNode *node;
  gint target;

  if (scene == NULL || am_scene_get_n_nodes (scene) == 0)
    return;

  target = am_view_nav_pick (scene, _am_canvas_state_selection (canvas),
                             _am_canvas_get_view (canvas), dx, dy);
  if (target < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (canvas));
      return;
    }

  node = am_scene_get_node (scene, target);
  _am_canvas_select (canvas, node->id, AM_SELECTION_ORIGIN_KEYBOARD);

  if (!am_canvas_scene_to_widget (canvas, node->box.x + node->box.width / 2.0,
                                  node->box.y + node->box.height / 2.0, NULL, NULL))
    am_canvas_fly_to (canvas, node->id);
}

/* Life cycle */

AmCanvasInput *
_am_canvas_input_new (AmCanvas *canvas)
{
  AmCanvasInput *input = g_new0 (AmCanvasInput, 1);
  GtkWidget *widget = GTK_WIDGET (canvas);
  GtkEventController *controller;
  GtkGesture *gesture;

  input->canvas = canvas;
  input->state = AM_CANVAS_INPUT_IDLE;

  /* The controllers die with the widget, which frees @input only after they are gone
   * (finalize), so the plain pointer is safe. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), input);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), input);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), input);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), input);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), input);
  g_signal_connect_swapped (gesture, "cancel", G_CALLBACK (drag_cancel_cb), input);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), input);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), input);
  g_signal_connect_swapped (gesture, "end", G_CALLBACK (pinch_end_cb), input);
  g_signal_connect_swapped (gesture, "cancel", G_CALLBACK (pinch_end_cb), input);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), input);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), input);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), input);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), input);
  gtk_widget_add_controller (widget, controller);

  return input;
}

void
_am_canvas_input_free (AmCanvasInput *input)
{
  if (input == NULL)
    return;

  _am_canvas_input_stop_flying (input);
  g_free (input);
}

AmCanvasInputState
_am_canvas_input_get_state (AmCanvasInput *input)
{
  return input->state;
}
