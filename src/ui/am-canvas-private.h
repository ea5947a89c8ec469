/* am-canvas-private.h — what the canvas's files share, and what the UI tests may call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-canvas.h"
#include "am-canvas-layers.h"
#include "am-theme.h"
#include "am-viewport.h"

G_BEGIN_DECLS

/*
 * The canvas is split by concern:
 *   am-canvas.c          the widget: properties, the view, snapshot
 *   am-canvas-actions.c  "canvas.*" actions and their keys
 *   am-canvas-input.c    pointer, touch, scroll and fly-to as one state machine, and the
 *                        arrow keys
 *   am-canvas-a11y.c     tooltip and accessible text
 *   am-canvas-layers.c   the cached pictures: what to render, when, and on which thread
 *                        (not a widget)
 *   am-canvas-job.c      one rendering of a layer, safe on a worker thread
 *   am-canvas-overlay.c  which items are drawn over the base (no GTK)
 *   am-view.c            view, fit and fly-to maths (no GTK); am-view-nav.c the arrow keys'
 *                        choice of node
 */

/* The state the window hands down.  Every part reads it through these three, so that a
 * session object can take the place of the three properties in one spot. */
AmDocument     *_am_canvas_state_document    (AmCanvas   *self);
const char     *_am_canvas_state_selection   (AmCanvas   *self);
GHashTable     *_am_canvas_state_highlight   (AmCanvas   *self);

/* The view with the widget's current size. */
const AmViewport   *_am_canvas_get_view          (AmCanvas     *self);
/* Every change of centre or zoom goes through here (clamped; non-finite values are
 * ignored).  It does not stop a fly-to: the fly-to uses it. */
void            _am_canvas_set_view          (AmCanvas     *self,
                                              const AmViewport *view);
/* The user took the view: stop fitting on resize, and stop any fly-to. */
void            _am_canvas_take_view         (AmCanvas     *self);
gboolean        _am_canvas_point_in_legend   (AmCanvas     *self,
                                              double        x,
                                              double        y);
void            _am_canvas_set_hovered       (AmCanvas     *self,
                                              const char   *id);
/* Selects through the session, or without one activates "win.select" (NULL: "",
 * nothing). */
void            _am_canvas_select            (AmCanvas          *self,
                                              const char        *id,
                                              AmSelectionOrigin  origin);
gboolean        _am_canvas_get_fit_next_scene (AmCanvas    *self);
void            _am_canvas_set_fit_next_scene (AmCanvas    *self,
                                               gboolean     fit);
/* The next scene comes from an edit of the document shown: the view stays. */
void            _am_canvas_set_keep_next_view (AmCanvas    *self,
                                               gboolean     keep);

/* am-canvas-session.c: following a session. */
GSignalGroup   *_am_canvas_session_signals_new (AmCanvas   *self);
/* Takes everything from @session at once (a new session). */
void            _am_canvas_session_sync       (AmCanvas    *self,
                                               AmSession   *session);
/* (transfer none) */
AmCanvasLayers *_am_canvas_get_layers        (AmCanvas     *self);

/* am-canvas-actions.c: "canvas.*" and their keys; enabled as the scene and zoom allow. */
void            _am_canvas_class_actions_init (GtkWidgetClass *widget_class);
void            _am_canvas_actions_update    (AmCanvas     *self);

/* am-canvas-input.c */
typedef enum
{
  AM_CANVAS_INPUT_IDLE,
  AM_CANVAS_INPUT_PRESSED,      /* a button is down on an item: a click, unless it moves */
  AM_CANVAS_INPUT_PANNING,      /* dragging the map */
  AM_CANVAS_INPUT_PINCHING,     /* two fingers zoom (and pan) */
  AM_CANVAS_INPUT_FLYING,       /* a fly-to animation runs */
  AM_CANVAS_INPUT_MOVING,       /* dragging an actor to a new place */
  AM_CANVAS_INPUT_CONNECTING,   /* Shift+dragging (or in connect mode) from one actor to another */
} AmCanvasInputState;

typedef struct _AmCanvasInput AmCanvasInput;

/* (transfer none) */
AmCanvasInput     *_am_canvas_get_input              (AmCanvas      *canvas);

/* The id at widget (x, y), or NULL (the legend hides what is under it): what is drawn
 * right there first, then within a few pixels. */
const char        *_am_canvas_hit_test               (AmCanvas      *self,
                                                      double         x,
                                                      double         y);
/* Adds the canvas's event controllers; @canvas owns the result and outlives it. */
AmCanvasInput     *_am_canvas_input_new              (AmCanvas      *canvas);
void               _am_canvas_input_free             (AmCanvasInput *input);
AmCanvasInputState _am_canvas_input_get_state        (AmCanvasInput *input);
/* Animates (frame clock) to @target. */
void               _am_canvas_input_fly              (AmCanvasInput *input,
                                                      const AmViewport  *target);
void               _am_canvas_input_stop_flying      (AmCanvasInput *input);
/* The arrow keys: select the node in direction (@dx, @dy), flying to it when it is off
 * screen; the error bell when there is none. */
void               _am_canvas_input_select_neighbour (AmCanvasInput *input,
                                                      int            dx,
                                                      int            dy);

/* Editing on the map (with a session whose document has the actor). */
/* Alt+arrows: moves the selected actor by (@dx, @dy) steps; the error bell when it cannot. */
void               _am_canvas_input_move_selection   (AmCanvasInput *input,
                                                      int            dx,
                                                      int            dy);
/* Draws what a drag shows: the moved actor at its new place, or the line being drawn. */
void               _am_canvas_input_snapshot         (AmCanvasInput *input,
                                                      GtkSnapshot   *snapshot,
                                                      const AmTheme *theme);
/* A new scene came: a moved actor is shown where the scene has it. */
void               _am_canvas_input_scene_changed    (AmCanvasInput *input);
/* The label popover of a new relation, a child of the canvas. */
void               _am_canvas_input_size_allocate    (AmCanvasInput *input);
void               _am_canvas_input_dispose          (AmCanvasInput *input);
/* (transfer none) (nullable): the popover, once made. */
GtkPopover        *_am_canvas_input_get_connect_popover (AmCanvasInput *input);
gboolean           _am_canvas_get_connect_mode       (AmCanvas      *self);

/* The click seam with the event's modifiers and count (am_canvas_click_at() is one plain
 * click). */
void            _am_canvas_click             (AmCanvas        *self,
                                              double           widget_x,
                                              double           widget_y,
                                              GdkModifierType  state,
                                              int              n_press);
/* The legend's kind (*@is_kind) or relation type at widget (@x, @y), or NULL.
 * (transfer full) */
char           *_am_canvas_legend_entry_at   (AmCanvas     *self,
                                              double        x,
                                              double        y,
                                              gboolean     *is_kind);
/* The next scene is a new focus or path: fly to fit what it shows. */
void            _am_canvas_set_fit_visible_next (AmCanvas  *self,
                                                 gboolean   fit);
/* (transfer none): the context menu popover, made on first use. */
GtkWidget      *_am_canvas_get_context_menu  (AmCanvas     *self);

/* am-canvas-explore.c: views from the map (focus, paths, groups, legend toggles). */
void            _am_canvas_explore_class_init (GtkWidgetClass *widget_class);
void            _am_canvas_explore_actions_update (AmCanvas *self);
/* TRUE when the click was the legend's, a Ctrl+click or a double click on a group. */
gboolean        _am_canvas_explore_click     (AmCanvas        *self,
                                              double           x,
                                              double           y,
                                              GdkModifierType  state,
                                              int              n_press);
/* The context menu of @id (NULL: empty space, in the cluster of @cluster_group if any).
 * (transfer full) */
GMenuModel     *_am_canvas_explore_menu      (AmCanvas     *self,
                                              const char   *id,
                                              const char   *cluster_group);
/* The first end of a path, chosen while the other is not yet (*@is_from: it is the start),
 * or NULL. */
const char     *_am_canvas_explore_get_path_anchor (AmCanvas *self,
                                                    gboolean *is_from);
/* The group (Group Actors) whose cluster lies under widget (@x, @y), or NULL. */
const char     *_am_canvas_explore_cluster_at (AmCanvas    *self,
                                               double       x,
                                               double       y);
void            _am_canvas_explore_popup_menu (AmCanvas    *self,
                                               const char  *id,
                                               double       x,
                                               double       y);

/* am-canvas-a11y.c */
/* What the tooltip says for @id (name, kind and role; or a relation's ends and type), or
 * NULL when @id is not on the map.  Plain text, not markup. */
char     *_am_canvas_dup_tooltip_text          (AmCanvas   *self,
                                                const char *id);
/* "Selected: …" as the accessible description, or none. */
void      _am_canvas_update_accessible_description (AmCanvas *self);
gboolean  _am_canvas_query_tooltip             (AmCanvas   *self,
                                                int         x,
                                                int         y,
                                                gboolean    keyboard_tooltip,
                                                GtkTooltip *tooltip);

G_END_DECLS
