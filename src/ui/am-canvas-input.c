/* am-canvas-input.c — pointer, touch, scroll, fly-to and arrow keys as one state machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "am-canvas-private.h"
#include "am-edit-util.h"
#include "am-geometry.h"
#include "am-ui-util.h"

#define ZOOM_STEP            1.25
#define SCROLL_STEP_PX       48.0
#define FLY_DURATION_US      (250 * G_TIME_SPAN_MILLISECOND)
#define HIT_TOLERANCE_PX     4.0
#define MOVE_STEP_PT         12.0

/*
 * The states (AmCanvasInputState) and what moves between them:
 *
 *   IDLE ──press on an item or the legend──► PRESSED ──moved past the drag threshold──► PANNING
 *   IDLE ──press on empty space───────────► PANNING   (the map follows the pointer at once)
 *   PRESSED ──release──► IDLE, and the click selects
 *   PRESSED on an actor ──moved past the threshold──► MOVING ──release──► IDLE, and the
 *     session pins the actor where it was dropped (am_session_move_actor); with Shift held
 *     at the press (or in connect mode) ──► CONNECTING ──release on another actor──► IDLE,
 *     and a popover asks the new relation's label
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

  /* The last hit test.  A motion's is asked again at once by the tooltip query it
   * triggers (with the position in whole pixels), and at 20 000 actors a hit test over a
   * hub weighs hundreds of curves.  For that scene (cleared when it changes: the id is
   * the scene's) and that view only. */
  gboolean           hit_valid;
  AmScene           *hit_scene;    /* not a reference */
  AmViewport         hit_view;
  double             hit_x;
  double             hit_y;
  const char        *hit_id;

  /* PRESSED on an actor that can be edited: its id, and whether the drag connects */
  char              *press_node;
  gboolean           press_connect;
  double             press_x;
  double             press_y;
  /* MOVING, CONNECTING: how far the pointer went */
  double             drag_dx;
  double             drag_dy;
  /* After a move, until the scene has it: the actor and its new centre (scene) */
  char              *moved_node;
  double             moved_x;
  double             moved_y;
  GtkGesture        *drag;          /* borrowed: the widget owns it */
  /* The label of a new relation */
  GtkPopover        *connect_popover;
  GtkEditable       *connect_entry;
  GtkLabel          *connect_label;
  char              *connect_source;
  char              *connect_target;

  /* FLYING */
  guint              fly_tick_id;
  gint64             fly_start_us;
  AmViewport             fly_from;
  AmViewport             fly_to;
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

/*
 * The edge label or the node that (@x, @y) lies in, as am_scene_hit_test() answers with
 * no tolerance: the last edge whose label box holds the point, else the topmost node.
 * That call would also measure the point's distance to every curve passing the spot,
 * for a curve to count only if the point lay exactly on it, which a pointer never
 * does; over a hub of the 20 000-actor map that is hundreds of curves, milliseconds
 * of every motion.
 */
static AmSceneHitKind
hit_inside (AmScene *scene,
            double   x,
            double   y,
            guint   *index)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));

  am_scene_query_rect (scene, &(AmRect) { x, y, 0, 0 }, nodes, edges);

  for (guint i = edges->len; i > 0; i--)
    {
      const AmSceneEdge *edge = am_scene_get_edge (scene, g_array_index (edges, guint, i - 1));

      if (edge->has_label && am_rect_contains_point (&edge->label_box, x, y, 0))
        {
          *index = g_array_index (edges, guint, i - 1);
          return AM_SCENE_HIT_EDGE;
        }
    }

  if (nodes->len > 0)
    {
      *index = g_array_index (nodes, guint, nodes->len - 1);
      return AM_SCENE_HIT_NODE;
    }

  return AM_SCENE_HIT_NONE;
}

const char *
_am_canvas_hit_test (AmCanvas *self,
                     double    x,
                     double    y)
{
  const AmViewport *view = _am_canvas_get_view (self);
  AmScene *scene = am_canvas_get_scene (self);
  AmCanvasInput *input = _am_canvas_get_input (self);
  AmSceneHitKind kind;
  double scene_x, scene_y;
  guint index = 0;
  const char *id;

  if (scene == NULL || _am_canvas_point_in_legend (self, x, y))
    return NULL;

  /* The same pointer, or the tooltip's whole-pixel version of it. */
  if (input != NULL && input->hit_valid && input->hit_scene == scene &&
      memcmp (&input->hit_view, view, sizeof *view) == 0 &&
      (x == input->hit_x || (x == floor (x) && fabs (x - input->hit_x) < 1.0)) &&
      (y == input->hit_y || (y == floor (y) && fabs (y - input->hit_y) < 1.0)))
    return input->hit_id;

  am_view_widget_to_scene (view, x, y, &scene_x, &scene_y);

  /* What is drawn right there first: inside a node or an edge label, that item wins
   * over an edge ending a few pixels away, which at a low zoom is most of the node.
   * Only then the tolerance, for thin curves and box borders. */
  kind = hit_inside (scene, scene_x, scene_y, &index);
  if (kind == AM_SCENE_HIT_NONE)
    kind = am_scene_hit_test (scene, scene_x, scene_y, HIT_TOLERANCE_PX / view->zoom,
                              &index);

  switch (kind)
    {
    case AM_SCENE_HIT_NODE:
      id = am_scene_get_node (scene, index)->id;
      break;
    case AM_SCENE_HIT_EDGE:
      id = am_scene_get_edge (scene, index)->id;
      break;
    case AM_SCENE_HIT_NONE:
    default:
      id = NULL;
      break;
    }

  if (input != NULL)
    {
      input->hit_valid = TRUE;
      input->hit_scene = scene;
      input->hit_view = *view;
      input->hit_x = x;
      input->hit_y = y;
      input->hit_id = id;
    }

  return id;
}


/* One click gesture for every button: the right one opens the context menu. */
static gboolean
is_secondary (GtkGestureClick *gesture)
{
  return gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY;
}

static void
click_pressed_cb (AmCanvasInput   *input,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (input->canvas));

  if (is_secondary (gesture))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _am_canvas_explore_popup_menu (input->canvas, _am_canvas_hit_test (input->canvas, x, y),
                                     x, y);
    }
}

static void
click_released_cb (AmCanvasInput   *input,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  /* A press that moved past the drag threshold was a pan, not a click. */
  if (input->press_moved || is_secondary (gesture))
    return;

  _am_canvas_click (input->canvas, x, y,
                    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)),
                    n_press);
}

/* Whether @id is an actor on the map that the session can edit. */
static gboolean
editable_actor (AmCanvasInput *input,
                const char    *id)
{
  AmCanvas *canvas = input->canvas;
  AmDocument *document = _am_canvas_state_document (canvas);
  AmScene *scene = am_canvas_get_scene (canvas);

  return id != NULL && scene != NULL && am_canvas_get_session (canvas) != NULL
         && am_scene_find_node (scene, id) >= 0
         && document != NULL && am_document_lookup_entity (document, id) != NULL;
}

/* The centre of the node @id in the scene, or FALSE. */
static gboolean
node_center (AmCanvasInput *input,
             const char    *id,
             double        *x,
             double        *y)
{
  AmScene *scene = am_canvas_get_scene (input->canvas);
  const AmSceneNode *node;
  gint index;

  if (scene == NULL || id == NULL || (index = am_scene_find_node (scene, id)) < 0)
    return FALSE;

  node = am_scene_get_node (scene, index);
  *x = node->box.x + node->box.width / 2.0;
  *y = node->box.y + node->box.height / 2.0;

  return TRUE;
}

static void
move_actor (AmCanvasInput *input,
            const char    *id,
            double         x,
            double         y)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = g_strdup (id);

  g_free (input->moved_node);
  input->moved_node = g_strdup (moved);
  input->moved_x = x;
  input->moved_y = y;

  if (!am_session_move_actor (am_canvas_get_session (input->canvas), moved, x, y, &error))
    {
      g_clear_pointer (&input->moved_node, g_free);
      _am_edit_report_error (GTK_WIDGET (input->canvas), error);
    }

  gtk_widget_queue_draw (GTK_WIDGET (input->canvas));
}

static void open_connect_popover (AmCanvasInput *input,
                                  const char    *source,
                                  const char    *target,
                                  double         x,
                                  double         y);

static void
drag_begin_cb (AmCanvasInput  *input,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  const AmViewport *view = _am_canvas_get_view (input->canvas);

  const char *id = _am_canvas_hit_test (input->canvas, x, y);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  input->press_center_x = view->center_x;
  input->press_center_y = view->center_y;
  input->press_moved = FALSE;
  input->press_x = x;
  input->press_y = y;
  input->drag_dx = input->drag_dy = 0;
  g_clear_pointer (&input->press_node, g_free);
  if (editable_actor (input, id))
    {
      input->press_node = g_strdup (id);
      input->press_connect = (state & GDK_SHIFT_MASK) != 0
                             || _am_canvas_get_connect_mode (input->canvas);
    }

  /* On empty space the map follows the pointer at once; on an item only after the
   * pointer has moved far enough not to be a click. */
  if (id == NULL && !_am_canvas_point_in_legend (input->canvas, x, y))
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
  AmViewport view;
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (widget), "gtk-dnd-drag-threshold", &threshold, NULL);

  if (input->state == AM_CANVAS_INPUT_MOVING || input->state == AM_CANVAS_INPUT_CONNECTING)
    {
      input->drag_dx = offset_x;
      input->drag_dy = offset_y;
      if (input->state == AM_CANVAS_INPUT_CONNECTING)
        _am_canvas_set_hovered (input->canvas,
                                _am_canvas_hit_test (input->canvas, input->press_x + offset_x,
                                                     input->press_y + offset_y));
      gtk_widget_queue_draw (widget);
      return;
    }

  if (input->state != AM_CANVAS_INPUT_PRESSED && input->state != AM_CANVAS_INPUT_PANNING)
    return;

  if (hypot (offset_x, offset_y) > threshold && !input->press_moved)
    {
      input->press_moved = TRUE;
      /* Claiming only now leaves a short press to the click gesture. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

      if (input->state == AM_CANVAS_INPUT_PRESSED && input->press_node != NULL)
        {
          set_state (input, input->press_connect ? AM_CANVAS_INPUT_CONNECTING : AM_CANVAS_INPUT_MOVING);
          gtk_widget_set_cursor_from_name (widget, input->press_connect ? "crosshair" : "grabbing");
          drag_update_cb (input, offset_x, offset_y, gesture);
          return;
        }

      set_state (input, AM_CANVAS_INPUT_PANNING);
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
  AmCanvasInputState state = input->state;
  g_autofree char *node = g_steal_pointer (&input->press_node);

  if (state == AM_CANVAS_INPUT_PRESSED || state == AM_CANVAS_INPUT_PANNING
      || state == AM_CANVAS_INPUT_MOVING || state == AM_CANVAS_INPUT_CONNECTING)
    set_state (input, AM_CANVAS_INPUT_IDLE);
  gtk_widget_set_cursor (GTK_WIDGET (input->canvas), NULL);

  /* A cancelled gesture (offsets 0) moves nothing and connects nothing. */
  if (state == AM_CANVAS_INPUT_MOVING && (offset_x != 0 || offset_y != 0))
    {
      double zoom = _am_canvas_get_view (input->canvas)->zoom;
      double x, y;

      if (node_center (input, node, &x, &y))
        move_actor (input, node, x + offset_x / zoom, y + offset_y / zoom);
    }
  else if (state == AM_CANVAS_INPUT_CONNECTING)
    {
      double end_x = input->press_x + offset_x, end_y = input->press_y + offset_y;
      const char *target = _am_canvas_hit_test (input->canvas, end_x, end_y);

      if ((offset_x != 0 || offset_y != 0) && editable_actor (input, target)
          && g_strcmp0 (target, node) != 0)
        open_connect_popover (input, node, target, end_x, end_y);
    }

  gtk_widget_queue_draw (GTK_WIDGET (input->canvas));
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
  const AmViewport *view = _am_canvas_get_view (input->canvas);
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
  AmViewport view = *_am_canvas_get_view (input->canvas);
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
  AmViewport view;
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

  /* The map moves under a still pointer while panning: hover waits for the drag; a
   * drag that moves or connects actors sets it itself. */
  if (input->state == AM_CANVAS_INPUT_PANNING || input->state == AM_CANVAS_INPUT_MOVING
      || input->state == AM_CANVAS_INPUT_CONNECTING)
    return;

  id = _am_canvas_hit_test (input->canvas, x, y);
  _am_canvas_set_hovered (input->canvas, id);

  if (input->state != AM_CANVAS_INPUT_PRESSED)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (input->canvas),
                                     id == NULL ? NULL : editable_actor (input, id) ? "grab" : "pointer");
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
  AmViewport step;

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
                      const AmViewport  *target)
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

/* Editing: the drag's picture, the label popover, the keys */

static void
set_source_color (cairo_t       *cr,
                  const AmColor *color,
                  double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The moved actor: its box at the new place, with its name. */
static void
draw_ghost (AmCanvasInput *input,
            cairo_t       *cr,
            const AmTheme *theme,
            const char    *id,
            double         center_x,
            double         center_y)
{
  AmScene *scene = am_canvas_get_scene (input->canvas);
  const AmViewport *view = _am_canvas_get_view (input->canvas);
  const AmSceneNode *node;
  g_autoptr(PangoLayout) layout = NULL;
  double x, y, w, h, scale;
  int text_w, text_h;
  gint index;

  if (scene == NULL || (index = am_scene_find_node (scene, id)) < 0)
    return;

  node = am_scene_get_node (scene, index);
  am_view_scene_to_widget (view, center_x, center_y, &x, &y);
  w = node->box.width * view->zoom;
  h = node->box.height * view->zoom;

  cairo_rectangle (cr, x - w / 2, y - h / 2, w, h);
  set_source_color (cr, &theme->background, 0.85);
  cairo_fill_preserve (cr);
  set_source_color (cr, &theme->selection, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  /* The name, shrunk to fit the box as the map draws it at this zoom. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (input->canvas), node->label ? node->label : id);
  pango_layout_get_pixel_size (layout, &text_w, &text_h);
  scale = text_w > 0 ? MIN (1.0, MIN ((w - 4) / text_w, (h - 2) / text_h)) : 0.0;
  if (scale < 0.25)
    return;

  set_source_color (cr, &theme->foreground, 1.0);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -text_w / 2.0, -text_h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The line of a new relation, from the actor's centre to the pointer, and the actor
 * under the pointer outlined. */
static void
draw_connection (AmCanvasInput *input,
                 cairo_t       *cr,
                 const AmTheme *theme)
{
  const AmViewport *view = _am_canvas_get_view (input->canvas);
  AmScene *scene = am_canvas_get_scene (input->canvas);
  const char *hovered = am_canvas_get_hovered (input->canvas);
  double sx, sy, x, y;
  static const double dash[] = { 6.0, 4.0 };

  if (!node_center (input, input->press_node, &sx, &sy))
    return;

  am_view_scene_to_widget (view, sx, sy, &x, &y);
  set_source_color (cr, &theme->selection, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, input->press_x + input->drag_dx, input->press_y + input->drag_dy);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, input->press_x + input->drag_dx, input->press_y + input->drag_dy, 4, 0, 2 * G_PI);
  cairo_fill (cr);

  if (hovered != NULL && g_strcmp0 (hovered, input->press_node) != 0
      && editable_actor (input, hovered))
    {
      const AmSceneNode *node = am_scene_get_node (scene, am_scene_find_node (scene, hovered));
      double x0, y0;

      am_view_scene_to_widget (view, node->box.x, node->box.y, &x0, &y0);
      cairo_rectangle (cr, x0 - 3, y0 - 3, node->box.width * view->zoom + 6,
                       node->box.height * view->zoom + 6);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
    }
}

void
_am_canvas_input_snapshot (AmCanvasInput *input,
                           GtkSnapshot   *snapshot,
                           const AmTheme *theme)
{
  const AmViewport *view = _am_canvas_get_view (input->canvas);
  cairo_t *cr;

  if (input->state != AM_CANVAS_INPUT_MOVING && input->state != AM_CANVAS_INPUT_CONNECTING
      && input->moved_node == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));

  if (input->state == AM_CANVAS_INPUT_MOVING)
    {
      double zoom = view->zoom, x, y;

      if (node_center (input, input->press_node, &x, &y))
        draw_ghost (input, cr, theme, input->press_node,
                    x + input->drag_dx / zoom, y + input->drag_dy / zoom);
    }
  else if (input->state == AM_CANVAS_INPUT_CONNECTING)
    draw_connection (input, cr, theme);
  else
    /* Moved, and the session lays the map out again: until then it is shown here. */
    draw_ghost (input, cr, theme, input->moved_node, input->moved_x, input->moved_y);

  cairo_destroy (cr);
}

void
_am_canvas_input_scene_changed (AmCanvasInput *input)
{
  g_clear_pointer (&input->moved_node, g_free);
  input->hit_valid = FALSE;
  input->hit_scene = NULL;
}

static void
connect_closed_cb (AmCanvasInput *input)
{
  g_clear_pointer (&input->connect_source, g_free);
  g_clear_pointer (&input->connect_target, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (input->canvas));
}

static void
connect_activate_cb (AmCanvasInput *input)
{
  AmSession *session = am_canvas_get_session (input->canvas);
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (input->connect_entry)));
  g_autofree char *source = g_strdup (input->connect_source);
  g_autofree char *target = g_strdup (input->connect_target);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  gtk_popover_popdown (input->connect_popover);
  if (session == NULL || source == NULL || target == NULL)
    return;

  id = am_session_add_relation (session, source, target, label[0] ? label : NULL, NULL, TRUE,
                                NULL, &error);
  if (id == NULL)
    _am_edit_report_error (GTK_WIDGET (input->canvas), error);
  else
    am_session_select (session, id, AM_SELECTION_ORIGIN_MAP);
}

static void
ensure_connect_popover (AmCanvasInput *input)
{
  GtkWidget *box, *entry, *button, *label, *row;

  if (input->connect_popover != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry = gtk_entry_new ();
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (connect_activate_cb), input);
  gtk_box_append (GTK_BOX (row), entry);
  /* Translators: the button that makes a relation drawn on the map */
  button = gtk_button_new_with_mnemonic (_("C_onnect"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (connect_activate_cb), input);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);

  input->connect_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (input->connect_popover, box);
  gtk_popover_set_default_widget (input->connect_popover, button);
  gtk_widget_set_parent (GTK_WIDGET (input->connect_popover), GTK_WIDGET (input->canvas));
  g_signal_connect_swapped (input->connect_popover, "closed", G_CALLBACK (connect_closed_cb), input);
  input->connect_entry = GTK_EDITABLE (entry);
  input->connect_label = GTK_LABEL (label);
}

static void
open_connect_popover (AmCanvasInput *input,
                      const char    *source,
                      const char    *target,
                      double         x,
                      double         y)
{
  AmDocument *document = _am_canvas_state_document (input->canvas);
  g_autofree char *heading = NULL;

  ensure_connect_popover (input);
  g_free (input->connect_source);
  input->connect_source = g_strdup (source);
  g_free (input->connect_target);
  input->connect_target = g_strdup (target);

  /* Translators: the heading of the popover that makes a relation drawn on the map;
   * the two names are actors */
  heading = g_strdup_printf (_("New relation from %s to %s"),
                             _am_ui_entity_name (document, source),
                             _am_ui_entity_name (document, target));
  gtk_label_set_text (input->connect_label, heading);
  /* Translators: the label a new relation drawn on the map starts with */
  gtk_editable_set_text (input->connect_entry, _("relates to"));
  gtk_popover_set_pointing_to (input->connect_popover,
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (input->connect_popover);
  gtk_widget_grab_focus (GTK_WIDGET (input->connect_entry));
  gtk_editable_select_region (input->connect_entry, 0, -1);
}

GtkPopover *
_am_canvas_input_get_connect_popover (AmCanvasInput *input)
{
  return input->connect_popover;
}

void
_am_canvas_input_size_allocate (AmCanvasInput *input)
{
  if (input->connect_popover != NULL)
    gtk_popover_present (input->connect_popover);
}

void
_am_canvas_input_dispose (AmCanvasInput *input)
{
  if (input->connect_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (input->connect_popover));
  input->connect_popover = NULL;
  input->connect_entry = NULL;
  input->connect_label = NULL;
}

void
_am_canvas_input_move_selection (AmCanvasInput *input,
                                 int            dx,
                                 int            dy)
{
  const char *id = _am_canvas_state_selection (input->canvas);
  g_autofree char *selected = g_strdup (id);
  double x, y;

  if (!editable_actor (input, selected))
    {
      gtk_widget_error_bell (GTK_WIDGET (input->canvas));
      return;
    }

  /* Steps pressed before the map is laid out again add up. */
  if (g_strcmp0 (input->moved_node, selected) == 0)
    {
      x = input->moved_x;
      y = input->moved_y;
    }
  else if (!node_center (input, selected, &x, &y))
    return;

  move_actor (input, selected, x + dx * MOVE_STEP_PT, y + dy * MOVE_STEP_PT);
}

static gboolean
key_pressed_cb (AmCanvasInput         *input,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape
      || (input->state != AM_CANVAS_INPUT_MOVING && input->state != AM_CANVAS_INPUT_CONNECTING))
    return FALSE;

  /* The gesture's "cancel" ends the drag where it began: nothing moves or connects. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (input->drag));
  if (input->state != AM_CANVAS_INPUT_IDLE)
    drag_end_cb (input, 0, 0, GTK_GESTURE_DRAG (input->drag));
  _am_canvas_set_hovered (input->canvas, NULL);

  return TRUE;
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
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), input);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), input);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  input->drag = gesture;
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

  /* Before the key bindings: Escape during a move or a connection cancels it. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), input);
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
  g_free (input->press_node);
  g_free (input->moved_node);
  g_free (input->connect_source);
  g_free (input->connect_target);
  g_free (input);
}

AmCanvasInputState
_am_canvas_input_get_state (AmCanvasInput *input)
{
  return input->state;
}
