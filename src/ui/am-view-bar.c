/* am-view-bar.c — the bar above the map that says which part of it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-ui-util.h"
#include "am-view-bar.h"
#include "am-view.h"

struct _AmViewBar
{
  GtkWidget        parent_instance;

  /* Owned references */
  AmSession       *session;
  GSignalGroup    *session_signals;

  /* Borrowed: children */
  GtkLabel        *label;
  GtkWidget       *focus_box;       /* depth and direction */
  GtkToggleButton *depth[AM_VIEW_MAX_DEPTH];
  GtkToggleButton *direction[3];    /* AmViewDirection order */
  GtkWidget       *close_button;

  /* Set while the buttons are brought in line with the view. */
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (AmViewBar, am_view_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
entity_name (AmDocument *document,
             const char *id)
{
  AmEntity *entity = document ? am_document_lookup_entity (document, id) : NULL;

  return entity != NULL ? am_entity_get_name (entity) : id;
}

/* "Kim Yo Jong, Joe Biden" */
static char *
focus_names (AmDocument         *document,
             const char * const *ids)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the names of the actors in focus */
        g_string_append (names, _(", "));
      g_string_append (names, entity_name (document, ids[i]));
    }

  return g_string_free (names, FALSE);
}

static char *
path_text (AmSession    *session,
           const AmView *view)
{
  AmDocument *document = am_session_get_document (session);
  const char *from = am_view_get_path_from (view);
  const char *to = am_view_get_path_to (view);
  AmViewResult *result;
  guint n_paths;

  result = am_session_get_view_result (session);
  if (result == NULL || !am_view_equal (am_view_result_get_view (result), view))
    /* Translators: the view bar in path mode while the paths between two actors (%s) are
     * being found (large maps); the number of paths follows when they are */
    return g_strdup_printf (_("Path: %s → %s"),
                            entity_name (document, from), entity_name (document, to));
  n_paths = am_view_result_get_n_paths (result);
  if (n_paths == 0)
    /* Translators: the view bar: no path joins the two actors (%s) */
    return g_strdup_printf (_("Path: no path between %s and %s"),
                            entity_name (document, from), entity_name (document, to));

  /* Translators: the view bar in path mode: two actors and how many shortest paths join
   * them, e.g. "Path: Kim Yo Jong → Joe Biden · 2 shortest paths" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Path: %s → %s · %u shortest path",
                                       "Path: %s → %s · %u shortest paths", n_paths),
                          entity_name (document, from), entity_name (document, to), n_paths);
}

char *
am_view_bar_dup_text (AmViewBar *self)
{
  const AmView *view;

  g_return_val_if_fail (AM_IS_VIEW_BAR (self), NULL);

  view = self->session ? am_session_get_view (self->session) : NULL;
  if (view == NULL)
    return g_strdup ("");

  if (am_view_get_path_from (view) != NULL || am_view_get_path_to (view) != NULL)
    return path_text (self->session, view);

  if (am_view_get_focus (view) != NULL)
    {
      g_autofree char *names = focus_names (am_session_get_document (self->session),
                                            am_view_get_focus (view));

      /* Translators: the view bar in focus mode; %s names the actors in focus.  The depth
       * and direction buttons follow it. */
      return g_strdup_printf (_("Focus: %s"), names);
    }

  return g_strdup ("");
}

static void
view_changed_cb (AmViewBar *self)
{
  const AmView *view = self->session ? am_session_get_view (self->session) : NULL;
  g_autofree char *text = am_view_bar_dup_text (self);
  gboolean focus = view != NULL && am_view_get_focus (view) != NULL;

  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), text[0] != '\0');
  gtk_widget_set_visible (self->focus_box, focus && am_view_get_path_from (view) == NULL
                                           && am_view_get_path_to (view) == NULL);

  if (!focus)
    return;

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->depth); i++)
    gtk_toggle_button_set_active (self->depth[i], am_view_get_depth (view) == i + 1);
  for (guint i = 0; i < G_N_ELEMENTS (self->direction); i++)
    gtk_toggle_button_set_active (self->direction[i], am_view_get_direction (view) == i);
  self->syncing = FALSE;
}

static void
option_toggled_cb (AmViewBar       *self,
                   GtkToggleButton *button)
{
  const AmView *current;
  g_autoptr(AmView) view = NULL;
  guint depth;
  AmViewDirection direction;

  /* Only the button that became active says something; the one released by the group
   * follows. */
  if (self->syncing || self->session == NULL || !gtk_toggle_button_get_active (button))
    return;

  current = am_session_get_view (self->session);
  if (current == NULL || am_view_get_focus (current) == NULL)
    return;

  depth = am_view_get_depth (current);
  direction = am_view_get_direction (current);
  for (guint i = 0; i < G_N_ELEMENTS (self->depth); i++)
    if (button == self->depth[i])
      depth = i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (self->direction); i++)
    if (button == self->direction[i])
      direction = i;

  view = am_view_copy (current);
  am_view_set_focus (view, am_view_get_focus (current), depth, direction);
  am_session_set_view (self->session, view);
}

gboolean
am_view_bar_clear_view (AmSession *session)
{
  const AmView *current;
  g_autoptr(AmView) view = NULL;

  g_return_val_if_fail (AM_IS_SESSION (session), FALSE);

  current = am_session_get_view (session);
  if (current == NULL
      || (am_view_get_focus (current) == NULL && am_view_get_path_from (current) == NULL
          && am_view_get_path_to (current) == NULL))
    return FALSE;

  view = am_view_copy (current);
  am_view_set_focus (view, NULL, 1, AM_VIEW_DIRECTION_BOTH);
  am_view_set_path (view, NULL, NULL, FALSE);
  am_session_set_view (session, view);
  return TRUE;
}

void
am_view_bar_close (AmViewBar *self)
{
  g_return_if_fail (AM_IS_VIEW_BAR (self));

  if (self->session != NULL)
    am_view_bar_clear_view (self->session);
}

static GtkWidget *
linked_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  return box;
}

static GtkToggleButton *
add_toggle (AmViewBar       *self,
            GtkWidget       *box,
            const char      *text,
            const char      *tooltip,
            GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (text);

  gtk_widget_set_tooltip_text (button, tooltip);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (option_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  return GTK_TOGGLE_BUTTON (button);
}

static void
am_view_bar_dispose (GObject *object)
{
  AmViewBar *self = AM_VIEW_BAR (object);
  GtkWidget *child;

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (am_view_bar_parent_class)->dispose (object);
}

static void
am_view_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AmViewBar *self = AM_VIEW_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_view_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AmViewBar *self = AM_VIEW_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_view_bar_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_view_bar_class_init (AmViewBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_view_bar_dispose;
  object_class->get_property = am_view_bar_get_property;
  object_class->set_property = am_view_bar_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actormap-view-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
am_view_bar_init (AmViewBar *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *box;
  GtkWidget *label;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 8);
  gtk_widget_add_css_class (widget, "osd");
  gtk_widget_add_css_class (widget, "toolbar");
  gtk_widget_set_visible (widget, FALSE);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  /* Over a narrow map the names wrap rather than vanish behind an ellipsis; where the
   * map has room, the bar asks for the text on one line (the natural size without
   * wrapping): a path between two names wrapped on a 1 200-pixel map. */
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (self->label, GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (self->label, 40);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), widget);

  self->focus_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->focus_box, widget);

  /* Translators: in the view bar, before the buttons 1, 2, 3: how many steps from the
   * actors in focus are shown */
  label = gtk_label_new (_("Depth"));
  gtk_box_append (GTK_BOX (self->focus_box), label);
  box = linked_box ();
  for (guint i = 0; i < G_N_ELEMENTS (self->depth); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i + 1);
      /* Translators: tooltip of a depth button in the view bar */
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Show actors up to %u step away",
                                                               "Show actors up to %u steps away",
                                                               i + 1), i + 1);

      self->depth[i] = add_toggle (self, box, text, tooltip, i > 0 ? self->depth[0] : NULL);
    }
  gtk_box_append (GTK_BOX (self->focus_box), box);

  box = linked_box ();
  self->direction[AM_VIEW_DIRECTION_BOTH] =
    /* Translators: a direction button in the view bar: follow relations either way */
    add_toggle (self, box, C_("direction", "Both"), _("Follow relations either way"), NULL);
  self->direction[AM_VIEW_DIRECTION_OUT] =
    /* Translators: a direction button in the view bar: follow relations from the actors in focus */
    add_toggle (self, box, C_("direction", "Out"), _("Follow relations outwards only"),
                self->direction[AM_VIEW_DIRECTION_BOTH]);
  self->direction[AM_VIEW_DIRECTION_IN] =
    /* Translators: a direction button in the view bar: follow relations towards the actors in focus */
    add_toggle (self, box, C_("direction", "In"), _("Follow relations inwards only"),
                self->direction[AM_VIEW_DIRECTION_BOTH]);
  gtk_box_append (GTK_BOX (self->focus_box), box);

  self->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (self->close_button, "flat");
  gtk_widget_add_css_class (self->close_button, "circular");
  /* Translators: tooltip of the view bar's close button */
  gtk_widget_set_tooltip_text (self->close_button, _("Show the Whole Map (Escape)"));
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (am_view_bar_close), self);
  gtk_widget_set_parent (self->close_button, widget);

  /* The number of paths comes with the result; names with the document. */
  self->session_signals = _am_ui_session_signals_new (self, G_CALLBACK (view_changed_cb), "view",
                                                      "view-result", "document", NULL);
}

GtkWidget *
am_view_bar_new (void)
{
  return g_object_new (AM_TYPE_VIEW_BAR, NULL);
}

AmSession *
am_view_bar_get_session (AmViewBar *self)
{
  g_return_val_if_fail (AM_IS_VIEW_BAR (self), NULL);

  return self->session;
}

void
am_view_bar_set_session (AmViewBar *self,
                         AmSession *session)
{
  g_return_if_fail (AM_IS_VIEW_BAR (self));

  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  view_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}
