/* am-canvas.c — the network view: pan, zoom, hover, click, fly-to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "am-canvas-private.h"
#include "am-theme.h"
#include "am-ui-util.h"

/* The widget only: its properties, the view (centre and zoom), the frame, the actions.
 * The pictures come from AmCanvasLayers, the view maths from am-view.c, input from
 * am-canvas-input.c, the words from am-canvas-a11y.c (see am-canvas-private.h). */


struct _AmCanvas
{
  GtkWidget       parent_instance;

  /* Owned references: the session it follows, or what a caller hands down */
  AmSession      *session;
  GSignalGroup   *session_signals;
  AmScene        *scene;
  AmDocument     *document;
  GHashTable     *highlight;        /* a private copy, never changed once made */
  GHashTable     *suggested;        /* likewise */
  char           *selection;
  char           *hovered;

  /* Owned: the cached pictures and the input state machine */
  AmCanvasLayers *layers;
  AmCanvasInput  *input;

  /* The scene point shown at the widget centre, and widget pixels per point; the size
   * is brought up to date whenever the view is read. */
  AmViewport          view;
  /* Where the legend floats: the corner the last fit left clear of the map. */
  AmViewCorner    legend_corner;

  guint           dark : 1;
  guint           show_legend : 1;
  /* Set when the user zooms or pans: from then on, resizes no longer fit. */
  guint           user_moved : 1;
  /* A new document's first scene is fitted (set from the session). */
  guint           fit_next_scene : 1;
  /* The next scene is an edit's: the view stays where it is. */
  guint           keep_next_view : 1;
  /* A drag from an actor draws a relation instead of moving it. */
  guint           connect_mode : 1;
  /* The next scene shows a new focus or path: fit what it shows. */
  guint           fit_visible_next : 1;

  /* Owned: the context menu (am-canvas-explore.c), made on first use */
  GtkWidget      *context_menu;
};

G_DEFINE_FINAL_TYPE (AmCanvas, am_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENE,
  PROP_SELECTION,
  PROP_HOVERED,
  PROP_ZOOM,
  PROP_DARK,
  PROP_SHOW_LEGEND,
  PROP_HIGHLIGHT,
  PROP_DOCUMENT,
  PROP_SESSION,
  PROP_CONNECT_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SIGNAL_VIEWPORT_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The state the window hands down, read in one place (see am-canvas-private.h). */

AmDocument *
_am_canvas_state_document (AmCanvas *self)
{
  return self->document;
}

const char *
_am_canvas_state_selection (AmCanvas *self)
{
  return self->selection;
}

GHashTable *
_am_canvas_state_highlight (AmCanvas *self)
{
  return self->highlight;
}

static const AmTheme *
current_theme (AmCanvas *self)
{
  return self->dark ? am_theme_get_dark () : am_theme_get_light ();
}

/* The overlay shows the selected and the hovered items. */
static void
focus_changed (AmCanvas *self)
{
  if (self->layers == NULL)   /* disposed */
    return;

  am_canvas_layers_set_focus (self->layers, _am_canvas_state_selection (self), self->hovered);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GL renderers keep textures on the GPU, so a texture node is uploaded once and then
 * drawn for free; the cairo renderer would copy a texture on every frame, but replays a
 * cairo node's one image paint directly. */
static gboolean
renderer_wants_textures (AmCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer);
}

/* The view */

const AmViewport *
_am_canvas_get_view (AmCanvas *self)
{
  self->view.width = gtk_widget_get_width (GTK_WIDGET (self));
  self->view.height = gtk_widget_get_height (GTK_WIDGET (self));

  return &self->view;
}

AmCanvasLayers *
_am_canvas_get_layers (AmCanvas *self)
{
  return self->layers;
}

AmCanvasInput *
_am_canvas_get_input (AmCanvas *self)
{
  return self->input;
}

void
_am_canvas_set_view (AmCanvas     *self,
                     const AmViewport *view)
{
  gboolean zoom_changed;
  double zoom;

  if (!isfinite (view->center_x) || !isfinite (view->center_y) || !isfinite (view->zoom))
    return;

  zoom = am_view_clamp_zoom (view->zoom);
  zoom_changed = zoom != self->view.zoom;

  if (!zoom_changed && view->center_x == self->view.center_x
      && view->center_y == self->view.center_y)
    return;

  self->view.center_x = view->center_x;
  self->view.center_y = view->center_y;
  self->view.zoom = zoom;

  /* The layers settle (sharpen) by themselves once frames stop moving. */
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (zoom_changed)
    {
      _am_canvas_actions_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
    }

  g_signal_emit (self, signals [SIGNAL_VIEWPORT_CHANGED], 0);
}

void
_am_canvas_take_view (AmCanvas *self)
{
  self->user_moved = TRUE;
  _am_canvas_input_stop_flying (self->input);
}

static void
set_zoom_centred (AmCanvas *self,
                  double    zoom)
{
  AmViewport view = *_am_canvas_get_view (self);

  view.zoom = zoom;
  _am_canvas_set_view (self, &view);
}

/* The legend's size while it is on screen (asked for, and the canvas has room for
 * it); FALSE and 0 × 0 otherwise. */
static gboolean
legend_size (AmCanvas *self,
             double   *width,
             double   *height)
{
  *width = *height = 0;

  if (!self->show_legend || self->scene == NULL)
    return FALSE;

  am_canvas_layers_get_legend_size (self->layers, width, height);
  if (am_view_legend_fits (_am_canvas_get_view (self), *width, *height))
    return TRUE;

  *width = *height = 0;
  return FALSE;
}

gboolean
am_canvas_get_legend_rect (AmCanvas *self,
                           AmRect   *rect)
{
  double width, height;

  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  if (!legend_size (self, &width, &height))
    return FALSE;

  am_view_legend_rect_at (_am_canvas_get_view (self), self->legend_corner, width, height, rect);
  return TRUE;
}

gboolean
_am_canvas_point_in_legend (AmCanvas *self,
                            double    x,
                            double    y)
{
  AmRect rect;

  if (!am_canvas_get_legend_rect (self, &rect))
    return FALSE;

  return x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}

/* The map takes the whole canvas; the legend floats in a corner it leaves empty, and
 * only when none is does the map make room for it. */
static void
fit (AmCanvas *self)
{
  AmViewport view = *_am_canvas_get_view (self);
  double legend_width, legend_height;

  if (self->scene == NULL || view.width <= 0 || view.height <= 0)
    return;

  legend_size (self, &legend_width, &legend_height);
  self->legend_corner = am_view_fit_scene (&view, self->scene, am_scene_get_bounds (self->scene),
                                           legend_width, legend_height);
  _am_canvas_set_view (self, &view);
}

#define VIEW_BAR_ROOM 96.0

/* Fits the nodes a focus or a path shows (a path that only dims: the nodes on it) rather
 * than the whole map, which a derived scene keeps the bounds of. */
static void
fit_visible (AmCanvas *self)
{
  AmSession *session = self->session;
  AmViewResult *result = session ? am_session_get_view_result (session) : NULL;
  GHashTable *emphasis = result ? am_view_result_get_emphasis (result) : NULL;
  AmViewport view = *_am_canvas_get_view (self);
  double legend_width, legend_height;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  AmRect bounds;

  if (self->scene == NULL || view.width <= 0 || view.height <= 0)
    return;

  for (guint i = 0; i < am_scene_get_n_nodes (self->scene); i++)
    {
      const AmSceneNode *node = am_scene_get_node (self->scene, i);

      if (emphasis != NULL && g_hash_table_size (emphasis) > 0
          && !g_hash_table_contains (emphasis, node->id))
        continue;
      x0 = MIN (x0, node->box.x);
      y0 = MIN (y0, node->box.y);
      x1 = MAX (x1, node->box.x + node->box.width);
      y1 = MAX (y1, node->box.y + node->box.height);
    }

  if (x0 > x1)
    return;

  bounds = (AmRect) { x0, y0, x1 - x0, y1 - y0 };
  legend_size (self, &legend_width, &legend_height);
  /* The view bar sits over the top of the map while a focus or a path is shown: fit
   * below it. */
  view.height -= VIEW_BAR_ROOM;
  am_view_fit (&view, &bounds, legend_width, legend_height);
  self->legend_corner = AM_VIEW_CORNER_BOTTOM_LEFT;
  view.height += VIEW_BAR_ROOM;
  view.center_y -= VIEW_BAR_ROOM / 2 / view.zoom;
  self->user_moved = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _am_canvas_input_fly (self->input, &view);
  else
    _am_canvas_set_view (self, &view);
}

void
_am_canvas_set_fit_visible_next (AmCanvas *self,
                                 gboolean  fit)
{
  self->fit_visible_next = !!fit;
}

GtkWidget *
_am_canvas_get_context_menu (AmCanvas *self)
{
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  return self->context_menu;
}

char *
_am_canvas_legend_entry_at (AmCanvas *self,
                            double    x,
                            double    y,
                            gboolean *is_kind)
{
  AmRect rect;

  if (!am_canvas_get_legend_rect (self, &rect))
    return NULL;

  return am_canvas_layers_legend_entry_at (self->layers, x - rect.x, y - rect.y, is_kind);
}

static gboolean
fitting (AmCanvas *self)
{
  return !self->user_moved
         && _am_canvas_input_get_state (self->input) != AM_CANVAS_INPUT_FLYING;
}

/* Hover and selection */

void
_am_canvas_set_hovered (AmCanvas   *self,
                        const char *id)
{
  if (g_strcmp0 (self->hovered, id) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (id);

  focus_changed (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HOVERED]);
}

gboolean
_am_canvas_get_fit_next_scene (AmCanvas *self)
{
  return self->fit_next_scene;
}

gboolean
_am_canvas_get_connect_mode (AmCanvas *self)
{
  return self->connect_mode;
}

void
_am_canvas_set_keep_next_view (AmCanvas *self,
                               gboolean  keep)
{
  self->keep_next_view = !!keep;
}

void
_am_canvas_set_fit_next_scene (AmCanvas *self,
                               gboolean  fit)
{
  self->fit_next_scene = !!fit;
}

/* GtkWidget */

static void
am_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  *minimum = 48;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 360;
}

static void
am_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  AmCanvas *self = AM_CANVAS (widget);

  if (fitting (self))
    fit (self);

  _am_canvas_input_size_allocate (self->input);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  /* The visible area grows or shrinks with the widget, even when the view stays. */
  g_signal_emit (self, signals [SIGNAL_VIEWPORT_CHANGED], 0);
}

static void
am_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  AmCanvas *self = AM_CANVAS (widget);
  const AmTheme *theme = current_theme (self);
  const AmViewport *view = _am_canvas_get_view (self);
  GskRenderNode *legend;
  AmRect rect;

  if (view->width <= 0 || view->height <= 0)
    return;

  /* The map, or the background while there is none. */
  am_canvas_layers_snapshot (self->layers, snapshot, view, gtk_widget_get_scale_factor (widget),
                             renderer_wants_textures (self));
  /* An actor being moved, or a relation being drawn. */
  _am_canvas_input_snapshot (self->input, snapshot, theme);

  if (am_canvas_get_legend_rect (self, &rect)
      && (legend = am_canvas_layers_get_legend (self->layers)) != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.x, rect.y));
      gtk_snapshot_append_node (snapshot, legend);
      gtk_snapshot_restore (snapshot);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      const AmColor *c = &theme->selection;
      GdkRGBA colors[4] = { { c->red, c->green, c->blue, c->alpha } };
      float widths[4] = { 2, 2, 2, 2 };

      colors[1] = colors[2] = colors[3] = colors[0];
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (1, 1, view->width - 2,
                                                            view->height - 2), 4);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static gboolean
am_canvas_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_tooltip,
                         GtkTooltip *tooltip)
{
  AmCanvas *self = AM_CANVAS (widget);
  GtkPopover *popover = _am_canvas_input_get_connect_popover (self->input);

  /* No tooltip over the popover that asks a new relation's label, or over the menu. */
  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    return FALSE;
  if (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu))
    return FALSE;

  return _am_canvas_query_tooltip (self, x, y, keyboard_tooltip, tooltip);
}

static void
am_canvas_state_flags_changed (GtkWidget     *widget,
                               GtkStateFlags  previous_state)
{
  GtkStateFlags changed = previous_state ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (am_canvas_parent_class)->state_flags_changed (widget, previous_state);

  /* The focus ring is drawn here, not by CSS. */
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
scale_factor_changed_cb (AmCanvas *self)
{
  am_canvas_layers_drop_caches (self->layers);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
am_canvas_dispose (GObject *object)
{
  AmCanvas *self = AM_CANVAS (object);

  _am_canvas_input_stop_flying (self->input);
  _am_canvas_input_dispose (self->input);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  if (self->layers != NULL)
    g_signal_handlers_disconnect_by_data (self->layers, self);
  g_clear_object (&self->layers);
  g_clear_pointer (&self->scene, am_scene_unref);
  g_clear_pointer (&self->highlight, g_hash_table_unref);
  g_clear_pointer (&self->suggested, g_hash_table_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (am_canvas_parent_class)->dispose (object);
}

static void
am_canvas_finalize (GObject *object)
{
  AmCanvas *self = AM_CANVAS (object);

  g_clear_pointer (&self->input, _am_canvas_input_free);
  g_clear_pointer (&self->selection, g_free);
  g_clear_pointer (&self->hovered, g_free);

  G_OBJECT_CLASS (am_canvas_parent_class)->finalize (object);
}

static void
am_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmCanvas *self = AM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_boxed (value, self->scene);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;
    case PROP_HOVERED:
      g_value_set_string (value, self->hovered);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->view.zoom);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_boxed (value, self->highlight);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CONNECT_MODE:
      g_value_set_boolean (value, self->connect_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmCanvas *self = AM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      am_canvas_set_scene (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTION:
      am_canvas_set_selection (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      am_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_DARK:
      am_canvas_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LEGEND:
      am_canvas_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_HIGHLIGHT:
      am_canvas_set_highlight (self, g_value_get_boxed (value));
      break;
    case PROP_DOCUMENT:
      am_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_SESSION:
      am_canvas_set_session (self, g_value_get_object (value));
      break;
    case PROP_CONNECT_MODE:
      am_canvas_set_connect_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_canvas_class_init (AmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_canvas_dispose;
  object_class->finalize = am_canvas_finalize;
  object_class->get_property = am_canvas_get_property;
  object_class->set_property = am_canvas_set_property;

  widget_class->measure = am_canvas_measure;
  widget_class->size_allocate = am_canvas_size_allocate;
  widget_class->snapshot = am_canvas_snapshot;
  widget_class->query_tooltip = am_canvas_query_tooltip;
  widget_class->state_flags_changed = am_canvas_state_flags_changed;

  properties [PROP_SESSION] = am_session_param_spec ();

  properties [PROP_SCENE] =
    g_param_spec_boxed ("scene", NULL, NULL,
                        AM_TYPE_SCENE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HOVERED] =
    g_param_spec_string ("hovered", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         AM_CANVAS_MIN_ZOOM, AM_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HIGHLIGHT] =
    g_param_spec_boxed ("highlight", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         AM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONNECT_MODE] =
    g_param_spec_boolean ("connect-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmCanvas::viewport-changed:
   * @self: the canvas
   *
   * The centre, the zoom or the size of the canvas changed, so the visible part of the
   * scene did: the minimap moves its rectangle, the window remembers the view.
   */
  signals [SIGNAL_VIEWPORT_CHANGED] =
    g_signal_new ("viewport-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  _am_canvas_class_actions_init (widget_class);
  _am_canvas_explore_class_init (widget_class);
  /* A toggle anywhere above the canvas can show and switch the mode. */
  gtk_widget_class_install_property_action (widget_class, "canvas.connect-mode", "connect-mode");

  /* Orca on GTK 4.8 announces an image with its name and description on focus, which
   * is what the map is to a screen-reader user; the content is in the panels. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "actormap-canvas");

}

static void
layers_updated_cb (AmCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
am_canvas_init (AmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->view.zoom = 1.0;
  self->show_legend = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  self->layers = am_canvas_layers_new ();
  g_signal_connect_swapped (self->layers, "updated", G_CALLBACK (layers_updated_cb), self);
  self->input = _am_canvas_input_new (self);
  self->session_signals = _am_canvas_session_signals_new (self);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the network view. */
                                  _("Actor map"),
                                  -1);

  _am_canvas_actions_update (self);
}

/* Public API */

AmSession *
am_canvas_get_session (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->session;
}

void
am_canvas_set_session (AmCanvas  *self,
                       AmSession *session)
{
  g_return_if_fail (AM_IS_CANVAS (self));
  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  _am_canvas_session_sync (self, session);
  _am_canvas_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

GtkWidget *
am_canvas_new (void)
{
  return g_object_new (AM_TYPE_CANVAS, NULL);
}

AmScene *
am_canvas_get_scene (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->scene;
}

void
am_canvas_set_scene (AmCanvas *self,
                     AmScene  *scene)
{
  gboolean keep_view = FALSE;

  g_return_if_fail (AM_IS_CANVAS (self));

  if (self->scene == scene)
    return;

  if (scene != NULL && self->scene != NULL && self->keep_next_view)
    {
      /* An edit (a drag, an accepted suggestion) is the user working on this map: its
       * later scenes (the keeping layout that follows the immediate one) and resizes
       * must not refit it either, or the map jumps under the pointer when the bounds
       * grow or shrink with the edit. */
      keep_view = TRUE;
      self->user_moved = TRUE;
    }
  else if (scene != NULL && self->user_moved)
    {
      const AmRect *bounds = am_scene_get_bounds (scene);

      /* A relayout of the same document: stay where the user was, if that is still on
       * the map. */
      keep_view = self->view.center_x >= bounds->x
                  && self->view.center_x <= bounds->x + bounds->width
                  && self->view.center_y >= bounds->y
                  && self->view.center_y <= bounds->y + bounds->height;
    }

  g_clear_pointer (&self->scene, am_scene_unref);
  if (scene != NULL)
    self->scene = am_scene_ref (scene);

  if (scene != NULL)
    self->keep_next_view = FALSE;
  _am_canvas_input_stop_flying (self->input);
  _am_canvas_input_scene_changed (self->input);
  /* The old picture stays up until the new scene's first one is ready. */
  am_canvas_layers_set_scene (self->layers, scene);
  _am_canvas_set_hovered (self, NULL);

  if (scene != NULL && self->fit_visible_next)
    {
      self->fit_visible_next = FALSE;
      fit_visible (self);
    }
  else if (!keep_view)
    {
      self->user_moved = FALSE;
      fit (self);
    }

  _am_canvas_actions_update (self);
  _am_canvas_update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENE]);
}

const char *
am_canvas_get_selection (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->selection;
}

void
am_canvas_set_selection (AmCanvas   *self,
                         const char *id)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (id != NULL && *id == '\0')
    id = NULL;

  if (g_strcmp0 (self->selection, id) == 0)
    return;

  g_free (self->selection);
  self->selection = g_strdup (id);

  focus_changed (self);
  _am_canvas_update_accessible_description (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
}

const char *
am_canvas_get_hovered (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->hovered;
}

double
am_canvas_get_zoom (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), 1.0);

  return self->view.zoom;
}

void
am_canvas_set_zoom (AmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (!isfinite (zoom) || am_view_clamp_zoom (zoom) == self->view.zoom)
    return;

  _am_canvas_take_view (self);
  set_zoom_centred (self, zoom);
}

gboolean
am_canvas_get_dark (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  return self->dark;
}

void
am_canvas_set_dark (AmCanvas *self,
                    gboolean  dark)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  am_canvas_layers_set_theme (self->layers, current_theme (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DARK]);
}

gboolean
am_canvas_get_show_legend (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  return self->show_legend;
}

void
am_canvas_set_show_legend (AmCanvas *self,
                           gboolean  show_legend)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;

  self->show_legend = show_legend;
  /* A fitted map makes room for the legend, or takes the room back. */
  if (fitting (self))
    fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LEGEND]);
}

GHashTable *
am_canvas_get_highlight (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->highlight;
}

/* A private copy: the caller may go on changing its table, and a worker thread may be
 * reading this one. */
static GHashTable *
copy_set (GHashTable *ids)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key;

  if (ids == NULL)
    return NULL;

  copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_strdup (key));
  return copy;
}

void
am_canvas_set_suggested (AmCanvas   *self,
                         GHashTable *ids)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (_am_ui_string_set_equal (self->suggested, ids))
    return;

  g_clear_pointer (&self->suggested, g_hash_table_unref);
  self->suggested = copy_set (ids);
  am_canvas_layers_set_suggested (self->layers, self->suggested);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
am_canvas_set_highlight (AmCanvas   *self,
                         GHashTable *ids)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (_am_ui_string_set_equal (self->highlight, ids))
    return;

  g_clear_pointer (&self->highlight, g_hash_table_unref);
  self->highlight = copy_set (ids);

  am_canvas_layers_set_highlight (self->layers, _am_canvas_state_highlight (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIGHLIGHT]);
}

AmDocument *
am_canvas_get_document (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->document;
}

void
am_canvas_set_document (AmCanvas   *self,
                        AmDocument *document)
{
  g_return_if_fail (AM_IS_CANVAS (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  am_canvas_layers_set_origin (self->layers, document ? am_document_get_origin (document)
                                                      : AM_DOCUMENT_ORIGIN_MODEL);
  _am_canvas_update_accessible_description (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

void
am_canvas_zoom_to_fit (AmCanvas *self)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  _am_canvas_input_stop_flying (self->input);
  self->user_moved = FALSE;
  fit (self);
}

void
am_canvas_fly_to (AmCanvas   *self,
                  const char *id)
{
  const AmRect *box;
  AmViewport target;
  gint index;

  g_return_if_fail (AM_IS_CANVAS (self));

  if (self->scene == NULL || id == NULL)
    return;

  if ((index = am_scene_find_node (self->scene, id)) >= 0)
    box = &am_scene_get_node (self->scene, index)->box;
  else if ((index = am_scene_find_edge (self->scene, id)) >= 0)
    box = &am_scene_get_edge (self->scene, index)->bounds;
  else
    return;

  am_view_fly_target (_am_canvas_get_view (self), box, &target);
  _am_canvas_take_view (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    _am_canvas_set_view (self, &target);
  else
    _am_canvas_input_fly (self->input, &target);
}

void
am_canvas_pan_by (AmCanvas *self,
                  double    dx,
                  double    dy)
{
  AmViewport view;

  g_return_if_fail (AM_IS_CANVAS (self));

  view = *_am_canvas_get_view (self);
  if (!am_view_pan_by (&view, dx, dy))
    return;

  _am_canvas_take_view (self);
  _am_canvas_set_view (self, &view);
}

void
am_canvas_get_viewport (AmCanvas *self,
                        double   *center_x,
                        double   *center_y,
                        double   *zoom)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (center_x != NULL)
    *center_x = self->view.center_x;
  if (center_y != NULL)
    *center_y = self->view.center_y;
  if (zoom != NULL)
    *zoom = self->view.zoom;
}

void
am_canvas_set_viewport (AmCanvas *self,
                        double    center_x,
                        double    center_y,
                        double    zoom)
{
  AmViewport view;

  g_return_if_fail (AM_IS_CANVAS (self));

  if (!isfinite (center_x) || !isfinite (center_y) || !isfinite (zoom))
    return;

  view = *_am_canvas_get_view (self);
  view.center_x = center_x;
  view.center_y = center_y;
  view.zoom = zoom;
  _am_canvas_take_view (self);
  _am_canvas_set_view (self, &view);
}

void
am_canvas_center_on (AmCanvas *self,
                     double    scene_x,
                     double    scene_y)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  am_canvas_set_viewport (self, scene_x, scene_y, self->view.zoom);
}

void
am_canvas_get_visible_area (AmCanvas *self,
                            AmRect   *area)
{
  const AmViewport *view;

  g_return_if_fail (AM_IS_CANVAS (self));
  g_return_if_fail (area != NULL);

  view = _am_canvas_get_view (self);
  area->width = view->width > 0 ? view->width / view->zoom : 0;
  area->height = view->height > 0 ? view->height / view->zoom : 0;
  area->x = view->center_x - area->width / 2;
  area->y = view->center_y - area->height / 2;
}

void
am_canvas_drop_caches (AmCanvas *self)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  am_canvas_layers_drop_caches (self->layers);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
am_canvas_scene_to_widget (AmCanvas *self,
                           double    scene_x,
                           double    scene_y,
                           double   *widget_x,
                           double   *widget_y)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  return am_view_scene_to_widget (_am_canvas_get_view (self), scene_x, scene_y,
                                  widget_x, widget_y);
}

void
_am_canvas_click (AmCanvas        *self,
                  double           widget_x,
                  double           widget_y,
                  GdkModifierType  state,
                  int              n_press)
{
  if (self->scene == NULL)
    return;

  /* The legend's toggles, Ctrl+click into the focus, a double click on a group. */
  if (_am_canvas_explore_click (self, widget_x, widget_y, state, n_press))
    return;

  _am_canvas_select (self, _am_canvas_hit_test (self, widget_x, widget_y), AM_SELECTION_ORIGIN_MAP);
}

void
am_canvas_click_at (AmCanvas *self,
                    double    widget_x,
                    double    widget_y)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  _am_canvas_click (self, widget_x, widget_y, 0, 1);
}

gboolean
am_canvas_get_connect_mode (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  return self->connect_mode;
}

void
am_canvas_set_connect_mode (AmCanvas *self,
                            gboolean  connect_mode)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  connect_mode = !!connect_mode;
  if (self->connect_mode == connect_mode)
    return;

  self->connect_mode = connect_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECT_MODE]);
}
