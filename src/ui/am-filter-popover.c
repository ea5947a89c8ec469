/* am-filter-popover.c — which kinds of actor and types of relation the map shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-filter-popover.h"
#include "am-view.h"

struct _AmFilterPopover
{
  GtkPopover    parent_instance;

  /* Owned references */
  AmSession    *session;
  GSignalGroup *session_signals;

  /* Borrowed: children of the popover */
  GtkBox       *list;             /* rebuilt for each document */
  GtkCheckButton *group_check;
  GHashTable   *kind_checks;      /* kind name → GtkCheckButton (borrowed) */
  GHashTable   *type_checks;      /* relation type → GtkCheckButton (borrowed) */
};

G_DEFINE_FINAL_TYPE (AmFilterPopover, am_filter_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* "state" → "State", as the legend writes it. */
static char *
display_name (const char *name)
{
  if (name[0] != '\0' && g_ascii_islower (name[0]))
    return g_strdup_printf ("%c%s", g_ascii_toupper (name[0]), name + 1);

  return g_strdup (name);
}

/* The view as the session has it, to change and hand back. */
static AmView *
copy_view (AmSession *session)
{
  const AmView *view = am_session_get_view (session);

  return view != NULL ? am_view_copy (view) : am_view_new ();
}

static void
check_toggled_cb (AmFilterPopover *self,
                  GtkCheckButton  *check)
{
  gboolean is_kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "am-is-kind"));
  const char *name = g_object_get_data (G_OBJECT (check), "am-name");
  gboolean hidden = !gtk_check_button_get_active (check);
  g_autoptr(AmView) view = NULL;

  if (self->session == NULL)
    return;

  view = copy_view (self->session);
  if (is_kind)
    am_view_set_kind_hidden (view, name, hidden);
  else
    am_view_set_type_hidden (view, name, hidden);
  /* No-op when equal: the echo of a sync from the view changes nothing. */
  am_session_set_view (self->session, view);
}

static void
show_all_cb (AmFilterPopover *self)
{
  g_autoptr(AmView) view = NULL;

  if (self->session == NULL)
    return;

  view = copy_view (self->session);
  am_view_clear_filters (view);
  am_session_set_view (self->session, view);
}

static void
group_toggled_cb (AmFilterPopover *self,
                  GtkCheckButton  *check)
{
  gboolean active = gtk_check_button_get_active (check);

  if (self->session != NULL && am_session_get_group_actors (self->session) != active)
    am_session_set_group_actors (self->session, active);
}

static void
add_heading (AmFilterPopover *self,
             const char      *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (self->list, label);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Counts by name, sorted by name, as check buttons under a heading. */
static void
add_section (AmFilterPopover *self,
             const char      *heading,
             GHashTable      *counts,
             gboolean         is_kind)
{
  g_autofree const char **names = NULL;
  guint n = 0;

  if (g_hash_table_size (counts) == 0)
    return;

  add_heading (self, heading);
  names = (const char **) g_hash_table_get_keys_as_array (counts, &n);
  g_qsort_with_data (names, n, sizeof (char *), compare_names, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *display = display_name (names[i]);
      /* Translators: a filter's check button: a kind of actor or a relation type, and how
       * many the map has, e.g. "Person (12)" */
      g_autofree char *text = g_strdup_printf (_("%s (%u)"), display,
                                               GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[i])));
      GtkWidget *check = gtk_check_button_new_with_label (text);

      g_object_set_data_full (G_OBJECT (check), "am-name", g_strdup (names[i]), g_free);
      g_object_set_data (G_OBJECT (check), "am-is-kind", GINT_TO_POINTER (is_kind));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_hash_table_insert (is_kind ? self->kind_checks : self->type_checks,
                           g_strdup (names[i]), check);
      gtk_box_append (self->list, check);
    }
}

static void
count (GHashTable *counts,
       const char *name)
{
  if (name == NULL || name[0] == '\0')
    return;

  g_hash_table_insert (counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static void
view_changed_cb (AmFilterPopover *self)
{
  const AmView *view = self->session ? am_session_get_view (self->session) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->kind_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, view == NULL || !am_view_get_kind_hidden (view, key));
  g_hash_table_iter_init (&iter, self->type_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, view == NULL || !am_view_get_type_hidden (view, key));
}

static void
group_actors_changed_cb (AmFilterPopover *self)
{
  gtk_check_button_set_active (self->group_check,
                               self->session != NULL && am_session_get_group_actors (self->session));
}

static void
document_changed_cb (AmFilterPopover *self)
{
  AmDocument *document = self->session ? am_session_get_document (self->session) : NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  g_hash_table_remove_all (self->kind_checks);
  g_hash_table_remove_all (self->type_checks);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);

  if (document != NULL)
    {
      GListModel *entities = am_document_get_entities (document);
      GListModel *relations = am_document_get_relations (document);

      for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
        {
          g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

          count (kinds, am_entity_get_kind_name (entity));
        }
      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

          count (types, am_relation_get_rel_type (relation));
        }
    }

  /* Translators: a heading in the filter popover, above the kinds of actor */
  add_section (self, C_("filter", "Actors"), kinds, TRUE);
  /* Translators: a heading in the filter popover, above the relation types */
  add_section (self, C_("filter", "Relations"), types, FALSE);

  view_changed_cb (self);
}

static void
am_filter_popover_dispose (GObject *object)
{
  AmFilterPopover *self = AM_FILTER_POPOVER (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (am_filter_popover_parent_class)->dispose (object);
}

static void
am_filter_popover_finalize (GObject *object)
{
  AmFilterPopover *self = AM_FILTER_POPOVER (object);

  g_clear_pointer (&self->kind_checks, g_hash_table_unref);
  g_clear_pointer (&self->type_checks, g_hash_table_unref);

  G_OBJECT_CLASS (am_filter_popover_parent_class)->finalize (object);
}

static void
am_filter_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmFilterPopover *self = AM_FILTER_POPOVER (object);

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
am_filter_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmFilterPopover *self = AM_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_filter_popover_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_filter_popover_class_init (AmFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_filter_popover_dispose;
  object_class->finalize = am_filter_popover_finalize;
  object_class->get_property = am_filter_popover_get_property;
  object_class->set_property = am_filter_popover_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_filter_popover_init (AmFilterPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *button;

  self->kind_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->type_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  /* Translators: a check button in the filter popover: lay the map out again with the
   * people of each state or organisation drawn together */
  self->group_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Group Actors")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->group_check),
                               /* Translators: tooltip of the Group Actors check button */
                               _("Draw the people of each state or organisation together"));
  g_signal_connect_swapped (self->group_check, "toggled", G_CALLBACK (group_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group_check));

  /* Translators: a button in the filter popover: show every kind and type again */
  button = gtk_button_new_with_mnemonic (_("Show _All"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (show_all_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_popover_set_child (GTK_POPOVER (self), box);

  self->session_signals = g_signal_group_new (AM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::document",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::view",
                                 G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::group-actors",
                                 G_CALLBACK (group_actors_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
am_filter_popover_new (void)
{
  return g_object_new (AM_TYPE_FILTER_POPOVER, NULL);
}

AmSession *
am_filter_popover_get_session (AmFilterPopover *self)
{
  g_return_val_if_fail (AM_IS_FILTER_POPOVER (self), NULL);

  return self->session;
}

void
am_filter_popover_set_session (AmFilterPopover *self,
                               AmSession       *session)
{
  g_return_if_fail (AM_IS_FILTER_POPOVER (self));

  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  document_changed_cb (self);
  group_actors_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

GtkCheckButton *
am_filter_popover_get_check (AmFilterPopover *self,
                             gboolean         is_kind,
                             const char      *name)
{
  g_return_val_if_fail (AM_IS_FILTER_POPOVER (self), NULL);

  return g_hash_table_lookup (is_kind ? self->kind_checks : self->type_checks, name);
}
