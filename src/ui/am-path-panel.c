/* am-path-panel.c — every shortest path between two actors, step by step, in the article's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-path-panel.h"
#include "am-ui-util.h"
#include "am-view-bar.h"
#include "am-view.h"

struct _AmPathPanel
{
  GtkWidget       parent_instance;

  /* Owned references */
  AmSession      *session;
  GSignalGroup   *session_signals;
  GPtrArray      *lines;          /* char*, what the rows say (for tests and AT) */
  GPtrArray      *step_rows;      /* GtkListBoxRow (borrowed), the steps in order */

  /* Borrowed: children */
  GtkLabel       *title;
  GtkCheckButton *hide_others;
  GtkListBox     *list;
  GtkWidget      *scrolled;

  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (AmPathPanel, am_path_panel, GTK_TYPE_WIDGET)

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

/* The sentence the relation rests on: its first piece of evidence. */
static const char *
relation_sentence (AmRelation *relation)
{
  GPtrArray *evidence = relation ? am_relation_get_evidence (relation) : NULL;

  if (evidence == NULL || evidence->len == 0)
    return NULL;

  return am_evidence_get_text (g_ptr_array_index (evidence, 0));
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_heading_row (AmPathPanel *self,
                 const char  *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = new_label (text, "heading");

  gtk_widget_set_margin_top (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
}

static void
add_step_row (AmPathPanel      *self,
              AmDocument       *document,
              const AmViewStep *step)
{
  AmRelation *relation = am_document_lookup_relation (document, step->relation_id);
  const char *label = relation ? am_relation_get_label (relation) : NULL;
  const char *sentence = relation_sentence (relation);
  const char *from = entity_name (document, step->from);
  const char *to = entity_name (document, step->to);
  g_autofree char *link = NULL;
  g_autofree char *quoted = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  if (label == NULL || label[0] == '\0')
    label = step->relation_id;

  if (step->forward)
    /* Translators: one step of a path: an actor, the relation's label, the next actor,
     * e.g. "Kim Yo Jong —criticised→ Joe Biden" */
    link = g_strdup_printf (_("%s —%s→ %s"), from, label, to);
  else
    /* Translators: one step of a path that goes against the relation's direction: the
     * next actor is the relation's source, e.g. "Joe Biden ←criticised— Kim Yo Jong" */
    link = g_strdup_printf (_("%s ←%s— %s"), from, label, to);

  if (sentence != NULL)
    /* Translators: the article's sentence a step rests on, in quotation marks */
    quoted = g_strdup_printf (_("“%s”"), sentence);
  else
    /* Translators: a step of a path whose relation has no sentence in the article */
    quoted = g_strdup (_("No sentence in the article"));

  gtk_box_append (GTK_BOX (box), new_label (link, NULL));
  gtk_box_append (GTK_BOX (box), new_label (quoted, "dim-label"));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "am-relation-id", g_strdup (step->relation_id), g_free);
  gtk_list_box_append (self->list, row);

  g_ptr_array_add (self->step_rows, row);
  g_ptr_array_add (self->lines, g_strdup_printf ("%s: %s", link, quoted));
}

static void
clear (AmPathPanel *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->lines, 0);
  g_ptr_array_set_size (self->step_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
rebuild (AmPathPanel *self)
{
  const AmView *view = self->session ? am_session_get_view (self->session) : NULL;
  AmViewResult *result = self->session ? am_session_get_view_result (self->session) : NULL;
  AmDocument *document = self->session ? am_session_get_document (self->session) : NULL;
  const char *from = view ? am_view_get_path_from (view) : NULL;
  const char *to = view ? am_view_get_path_to (view) : NULL;
  g_autofree char *title = NULL;
  guint n_paths;

  clear (self);

  if (from == NULL || to == NULL || document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  self->syncing = TRUE;
  gtk_check_button_set_active (self->hide_others, am_view_get_path_hide_others (view));
  self->syncing = FALSE;

  /* Translators: the title of the path panel; %s are two actors */
  title = g_strdup_printf (_("From %s to %s"), entity_name (document, from), entity_name (document, to));
  gtk_label_set_text (self->title, title);

  n_paths = result != NULL && am_view_result_get_view (result) != NULL
            && g_strcmp0 (am_view_get_path_from (am_view_result_get_view (result)), from) == 0
            && g_strcmp0 (am_view_get_path_to (am_view_result_get_view (result)), to) == 0
            ? am_view_result_get_n_paths (result) : 0;

  if (n_paths == 0)
    {
      /* Translators: the path panel when two actors are not joined (in what is shown) */
      g_autofree char *none = g_strdup_printf (_("No path between %s and %s"),
                                               entity_name (document, from),
                                               entity_name (document, to));

      add_heading_row (self, none);
      g_ptr_array_add (self->lines, g_steal_pointer (&none));
    }

  for (guint i = 0; i < n_paths && i < AM_VIEW_MAX_PATHS; i++)
    {
      const AmViewPath *path = am_view_result_get_path (result, i);
      g_autofree char *heading = NULL;

      if (path == NULL)
        break;

      /* Translators: a heading in the path panel: the number of a path and how many
       * steps (relations) it has */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Path %u · %u step",
                                              "Path %u · %u steps", path->n_steps),
                                 i + 1, path->n_steps);
      add_heading_row (self, heading);
      for (guint s = 0; s < path->n_steps; s++)
        add_step_row (self, document, &path->steps[s]);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
row_activated_cb (AmPathPanel   *self,
                  GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "am-relation-id");

  if (id != NULL && self->session != NULL)
    am_session_select (self->session, id, AM_SELECTION_ORIGIN_DETAILS);
}

static void
hide_others_toggled_cb (AmPathPanel    *self,
                        GtkCheckButton *check)
{
  const AmView *current;
  g_autoptr(AmView) view = NULL;

  if (self->syncing || self->session == NULL)
    return;

  current = am_session_get_view (self->session);
  if (current == NULL || am_view_get_path_from (current) == NULL)
    return;

  view = am_view_copy (current);
  am_view_set_path (view, am_view_get_path_from (current), am_view_get_path_to (current),
                    gtk_check_button_get_active (check));
  am_session_set_view (self->session, view);
}

static void
close_cb (AmPathPanel *self)
{
  if (self->session != NULL)
    am_view_bar_clear_view (self->session);
}

static void
am_path_panel_dispose (GObject *object)
{
  AmPathPanel *self = AM_PATH_PANEL (object);
  GtkWidget *child;

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (am_path_panel_parent_class)->dispose (object);
}

static void
am_path_panel_finalize (GObject *object)
{
  AmPathPanel *self = AM_PATH_PANEL (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (am_path_panel_parent_class)->finalize (object);
}

static void
am_path_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmPathPanel *self = AM_PATH_PANEL (object);

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
am_path_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmPathPanel *self = AM_PATH_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_path_panel_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_path_panel_class_init (AmPathPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_path_panel_dispose;
  object_class->finalize = am_path_panel_finalize;
  object_class->get_property = am_path_panel_get_property;
  object_class->set_property = am_path_panel_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actormap-path-panel");
}

static void
am_path_panel_init (AmPathPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close_button;
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption;

  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->step_rows = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 6);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);
  gtk_widget_set_margin_top (widget, 12);

  /* Translators: the caption of the path panel, above "From A to B" */
  caption = new_label (_("Shortest Paths"), "caption-heading");
  gtk_box_append (GTK_BOX (title_box), caption);
  self->title = GTK_LABEL (new_label (NULL, "title-4"));
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->title));
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_box_append (GTK_BOX (header), title_box);

  close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (close_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (close_button, "flat");
  gtk_widget_add_css_class (close_button, "circular");
  /* Translators: tooltip of the path panel's close button */
  gtk_widget_set_tooltip_text (close_button, _("Show the Whole Map (Escape)"));
  g_signal_connect_swapped (close_button, "clicked", G_CALLBACK (close_cb), self);
  gtk_box_append (GTK_BOX (header), close_button);
  gtk_widget_set_parent (header, widget);

  /* Translators: a check button of the path panel: draw only the actors and relations
   * on the paths */
  self->hide_others = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Hide Others")));
  g_signal_connect_swapped (self->hide_others, "toggled", G_CALLBACK (hide_others_toggled_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->hide_others), widget);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the list of path steps */
                                  _("Steps of the shortest paths"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  /* As tall as the steps need, up to most of the side: the details of the step chosen
   * share it. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 200);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_parent (self->scrolled, widget);

  self->session_signals = _am_ui_session_signals_new (self, G_CALLBACK (rebuild), "view-result",
                                                      "view", "document", NULL);
}

GtkWidget *
am_path_panel_new (void)
{
  return g_object_new (AM_TYPE_PATH_PANEL, NULL);
}

AmSession *
am_path_panel_get_session (AmPathPanel *self)
{
  g_return_val_if_fail (AM_IS_PATH_PANEL (self), NULL);

  return self->session;
}

void
am_path_panel_set_session (AmPathPanel *self,
                           AmSession   *session)
{
  g_return_if_fail (AM_IS_PATH_PANEL (self));

  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

GStrv
am_path_panel_dup_lines (AmPathPanel *self)
{
  GStrvBuilder *builder;
  GStrv lines;

  g_return_val_if_fail (AM_IS_PATH_PANEL (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->lines->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->lines, i));
  lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return lines;
}

gboolean
am_path_panel_activate_step (AmPathPanel *self,
                             guint        index)
{
  g_return_val_if_fail (AM_IS_PATH_PANEL (self), FALSE);

  if (index >= self->step_rows->len)
    return FALSE;

  g_signal_emit_by_name (self->list, "row-activated", g_ptr_array_index (self->step_rows, index));
  return TRUE;
}

GtkCheckButton *
am_path_panel_get_hide_others (AmPathPanel *self)
{
  g_return_val_if_fail (AM_IS_PATH_PANEL (self), NULL);

  return self->hide_others;
}
