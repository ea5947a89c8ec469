/* am-suggestions-pane.c — what the suggestions propose, to accept or reject one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-suggestions-pane.h"

/*
 * The session's items feed a filter that keeps the suggested ones: the session builds
 * its items anew for every document snapshot, so an accepted or rejected suggestion
 * leaves the list when the edit's snapshot arrives, without bookkeeping here.  The row
 * buttons activate window actions: the window owns the edits and reports their errors.
 */
struct _AmSuggestionsPane
{
  GtkWidget           parent_instance;

  /* Template Widgets */
  GtkMenuButton      *accept_all_button;
  GtkLabel           *count_label;
  GtkListView        *list_view;
  GtkSpinner         *spinner;

  /* Owned References */
  AmSession          *session;
  GSignalGroup       *session_signals;
  GtkFilterListModel *filtered;
  GMenu              *accept_menu;

  guint               n_suggestions;
};

G_DEFINE_FINAL_TYPE (AmSuggestionsPane, am_suggestions_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_N_SUGGESTIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
suggested (gpointer item,
           gpointer user_data)
{
  return am_item_get_status (AM_ITEM (item)) == AM_STATUS_SUGGESTED;
}

/* Rows */

typedef struct
{
  GtkLabel  *title;
  GtkLabel  *subtitle;
  GtkButton *accept;
  GtkButton *reject;
} Row;

/* The action name is set at bind, after the target: GTK checks the one against the
 * other whenever either changes. */
static GtkButton *
row_button (const char *icon_name,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");

  return GTK_BUTTON (button);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  Row *row = g_new0 (Row, 1);

  row->title = GTK_LABEL (gtk_label_new (NULL));
  row->subtitle = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel **label = &row->title; label <= &row->subtitle; label++)
    {
      gtk_label_set_xalign (*label, 0);
      gtk_label_set_ellipsize (*label, PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (texts), GTK_WIDGET (*label));
    }
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "caption");
  gtk_widget_set_hexpand (texts, TRUE);

  row->accept = row_button ("object-select-symbolic",
                            /* Translators: tooltip of the button that accepts one suggestion */
                            _("Accept"));
  row->reject = row_button ("window-close-symbolic",
                            /* Translators: tooltip of the button that rejects one suggestion */
                            _("Reject"));

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->accept));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->reject));

  g_object_set_data_full (G_OBJECT (box), "am-row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  AmItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "am-row");
  const char *subtitle = am_item_get_subtitle (item);
  g_autofree char *accept_label = NULL;
  g_autofree char *reject_label = NULL;

  gtk_label_set_text (row->title, am_item_get_title (item));
  gtk_label_set_text (row->subtitle, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (row->subtitle), subtitle != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->accept), "s", am_item_get_id (item));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->reject), "s", am_item_get_id (item));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->accept), "win.accept-suggestion");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->reject), "win.reject-suggestion");

  /* Translators: accessible name of a suggestion's accept button; %s is its title */
  accept_label = g_strdup_printf (_("Accept “%s”"), am_item_get_title (item));
  /* Translators: accessible name of a suggestion's reject button; %s is its title */
  reject_label = g_strdup_printf (_("Reject “%s”"), am_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->accept),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accept_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->reject),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reject_label, -1);
}

/* Count and "Accept All" */

static void
append_accept_all (GMenu      *menu,
                   guint       count,
                   const char *label,
                   const char *target)
{
  g_autoptr(GMenuItem) item = NULL;

  if (count == 0)
    return;

  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (item, "win.accept-all", "s", target);
  g_menu_append_item (menu, item);
}

static void
update_counts (AmSuggestionsPane *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);
  guint counts[AM_ITEM_STATEMENT + 1] = { 0, };
  g_autofree char *count_text = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *statements = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmItem) item = g_list_model_get_item (model, i);
      AmItemType type = am_item_get_item_type (item);

      if (type <= AM_ITEM_STATEMENT)
        counts[type]++;
    }

  /* Translators: the number of suggestions, beside their heading */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
  gtk_label_set_text (self->count_label, count_text);

  /* Translators: an item of the Accept All menu; %u is how many */
  actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Actor", "Accept All %u Actors",
                                         counts[AM_ITEM_ENTITY]),
                            counts[AM_ITEM_ENTITY]);
  /* Translators: an item of the Accept All menu; %u is how many */
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Relation", "Accept All %u Relations",
                                            counts[AM_ITEM_RELATION]),
                               counts[AM_ITEM_RELATION]);
  /* Translators: an item of the Accept All menu; %u is how many */
  statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Statement", "Accept All %u Statements",
                                             counts[AM_ITEM_STATEMENT]),
                                counts[AM_ITEM_STATEMENT]);

  g_menu_remove_all (self->accept_menu);
  append_accept_all (self->accept_menu, counts[AM_ITEM_ENTITY], actors, "entity");
  append_accept_all (self->accept_menu, counts[AM_ITEM_RELATION], relations, "relation");
  append_accept_all (self->accept_menu, counts[AM_ITEM_STATEMENT], statements, "statement");

  if (self->n_suggestions != n)
    {
      self->n_suggestions = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SUGGESTIONS]);
    }
}

/* While the session drafts suggestions, the header says so. */
static void
suggesting_changed_cb (AmSuggestionsPane *self)
{
  gboolean suggesting = self->session != NULL && am_session_get_suggesting (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), suggesting);
  gtk_spinner_set_spinning (self->spinner, suggesting);
}

static void
activate_cb (AmSuggestionsPane *self,
             guint              position)
{
  g_autoptr(AmItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL && self->session != NULL)
    am_session_select (self->session, am_item_get_id (item), AM_SELECTION_ORIGIN_LIST);
}

/* GObject */

static void
am_suggestions_pane_dispose (GObject *object)
{
  AmSuggestionsPane *self = AM_SUGGESTIONS_PANE (object);
  GtkWidget *child;

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->session_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_SUGGESTIONS_PANE);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (am_suggestions_pane_parent_class)->dispose (object);
}

static void
am_suggestions_pane_finalize (GObject *object)
{
  AmSuggestionsPane *self = AM_SUGGESTIONS_PANE (object);

  g_clear_object (&self->filtered);
  g_clear_object (&self->accept_menu);

  G_OBJECT_CLASS (am_suggestions_pane_parent_class)->finalize (object);
}

static void
am_suggestions_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmSuggestionsPane *self = AM_SUGGESTIONS_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_N_SUGGESTIONS:
      g_value_set_uint (value, self->n_suggestions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_suggestions_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmSuggestionsPane *self = AM_SUGGESTIONS_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_suggestions_pane_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_suggestions_pane_class_init (AmSuggestionsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_suggestions_pane_dispose;
  object_class->finalize = am_suggestions_pane_finalize;
  object_class->get_property = am_suggestions_pane_get_property;
  object_class->set_property = am_suggestions_pane_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();
  properties [PROP_N_SUGGESTIONS] =
    g_param_spec_uint ("n-suggestions", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amsuggestionspane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-suggestions-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AmSuggestionsPane, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, AmSuggestionsPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, AmSuggestionsPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, AmSuggestionsPane, spinner);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
am_suggestions_pane_init (AmSuggestionsPane *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (AM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::suggesting",
                                 G_CALLBACK (suggesting_changed_cb), self, G_CONNECT_SWAPPED);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (suggested, NULL, NULL)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));

  self->accept_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->accept_all_button, G_MENU_MODEL (self->accept_menu));
  update_counts (self);
}

/* Public API */

GtkWidget *
am_suggestions_pane_new (void)
{
  return g_object_new (AM_TYPE_SUGGESTIONS_PANE, NULL);
}

AmSession *
am_suggestions_pane_get_session (AmSuggestionsPane *self)
{
  g_return_val_if_fail (AM_IS_SUGGESTIONS_PANE (self), NULL);

  return self->session;
}

void
am_suggestions_pane_set_session (AmSuggestionsPane *self,
                                 AmSession         *session)
{
  g_return_if_fail (AM_IS_SUGGESTIONS_PANE (self));

  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  gtk_filter_list_model_set_model (self->filtered, session ? am_session_get_items (session) : NULL);
  suggesting_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

guint
am_suggestions_pane_get_n_suggestions (AmSuggestionsPane *self)
{
  g_return_val_if_fail (AM_IS_SUGGESTIONS_PANE (self), 0);

  return self->n_suggestions;
}

GListModel *
am_suggestions_pane_get_model (AmSuggestionsPane *self)
{
  g_return_val_if_fail (AM_IS_SUGGESTIONS_PANE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GMenuModel *
am_suggestions_pane_get_accept_menu (AmSuggestionsPane *self)
{
  g_return_val_if_fail (AM_IS_SUGGESTIONS_PANE (self), NULL);

  return G_MENU_MODEL (self->accept_menu);
}
