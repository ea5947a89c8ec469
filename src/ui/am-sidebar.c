/* am-sidebar.c — the actor list: entities grouped by kind, and a search over everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-sidebar.h"
#include "am-sidebar-row.h"

/*
 * The session's items (every actor, relation and statement, in list order) feed two
 * lists, each through a filter, a single selection and a list view that recycles its
 * rows: the actors, and the search results (what the session's search shows).  Two
 * lists, because GTK 4.8's list view throws away and builds anew every row widget in
 * view when its model changes throughout, which a search does to a single list: about
 * 200 rows twice per keystroke, a stall far over a frame on a big map.  The actor list
 * never changes with the search, and the results list builds rows for the matches
 * only.  Nothing here walks all the items but the filters.
 */
typedef enum
{
  PANE_ACTORS,
  PANE_RESULTS,
  N_PANES
} PaneId;

typedef struct
{
  AmSidebar          *sidebar;         /* unowned: the pane is part of it */
  GtkListView        *view;            /* template child */
  GtkCustomFilter    *filter;          /* borrowed from the filter model */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
} Pane;

struct _AmSidebar
{
  GtkWidget           parent_instance;

  /* Template Widgets */
  GtkListView        *list_view;
  GtkListView        *results_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;

  /* Owned References */
  AmSession          *session;
  GSignalGroup       *session_signals;
  GSignalGroup       *items_signals;
  Pane                panes[N_PANES];
};

G_DEFINE_FINAL_TYPE (AmSidebar, am_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The model */

/* Without a search the session matches the actors its view shows. */
static gboolean
actor_visible (gpointer item,
               gpointer user_data)
{
  AmSidebar *self = user_data;

  return am_item_get_item_type (AM_ITEM (item)) == AM_ITEM_ENTITY
         && (self->session == NULL
             || am_session_get_searching (self->session)
             || am_session_item_matches (self->session, am_item_get_id (AM_ITEM (item))));
}

static gboolean
result_visible (gpointer item,
                gpointer user_data)
{
  AmSidebar *self = user_data;

  return self->session != NULL
         && am_session_get_searching (self->session)
         && am_session_item_matches (self->session, am_item_get_id (AM_ITEM (item)));
}

/* The list on show: the results while searching, else the actors. */
static Pane *
shown_pane (AmSidebar *self)
{
  gboolean searching = self->session != NULL && am_session_get_searching (self->session);

  return &self->panes[searching ? PANE_RESULTS : PANE_ACTORS];
}

/* Where the row of @id is in the pane's filtered model, or GTK_INVALID_LIST_POSITION: a
 * bisection over the filtered model, O(log n). */
static guint
find_position (AmSidebar  *self,
               Pane       *pane,
               const char *id)
{
  GListModel *model = G_LIST_MODEL (pane->filtered);
  guint target;
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  /* The filtered models keep the order of the session's items. */
  target = self->session ? am_session_get_item_position (self->session, id) : G_MAXUINT;
  if (target == G_MAXUINT)
    return GTK_INVALID_LIST_POSITION;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(AmItem) item = g_list_model_get_item (model, mid);
      guint index = am_session_get_item_position (self->session, am_item_get_id (item));

      if (index == target)
        return mid;
      if (index < target)
        lo = mid + 1;
      else
        hi = mid;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Both lists show the session's selection where they hold it; only the one on show
 * scrolls. */
static void
sync_selection (AmSidebar *self,
                gboolean   scroll)
{
  const char *id = self->session ? am_session_get_selection (self->session) : NULL;
  Pane *shown = shown_pane (self);

  for (guint i = 0; i < N_PANES; i++)
    {
      Pane *pane = &self->panes[i];
      guint position = find_position (self, pane, id);

      gtk_single_selection_set_selected (pane->selection, position);
      if (scroll && pane == shown && position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (GTK_WIDGET (pane->view), "list.scroll-to-item", "u", position);
    }
}

static void
update_stack (AmSidebar *self)
{
  const char *page = "list";

  if (self->session != NULL && am_session_get_searching (self->session))
    {
      GtkFilterListModel *results = self->panes[PANE_RESULTS].filtered;
      gboolean empty = g_list_model_get_n_items (am_session_get_items (self->session)) > 0
                       && gtk_filter_list_model_get_pending (results) == 0
                       && g_list_model_get_n_items (G_LIST_MODEL (results)) == 0;

      page = empty ? "empty" : "results";
    }

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* A large list is filtered in batches from idle callbacks (GtkFilterListModel's
 * incremental mode): one pass over 5 000 rows and their rebinding stalled the main loop
 * 90–150 ms after each change of the view.  The rows show the old filter until their
 * batch comes; small lists stay synchronous, so a filter is complete when it returns. */
static void
pane_refilter (AmSidebar *self,
               Pane      *pane)
{
  GListModel *items = gtk_filter_list_model_get_model (pane->filtered);
  gboolean large = items != NULL && g_list_model_get_n_items (items) >= AM_SESSION_ASYNC_VIEW_ITEMS;

  gtk_filter_list_model_set_incremental (pane->filtered, large);
  gtk_filter_changed (GTK_FILTER (pane->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* An incremental filter has finished: the selected row can be found now, and the
 * results page knows whether it is empty. */
static void
pending_changed_cb (AmSidebar          *self,
                    GParamSpec         *pspec,
                    GtkFilterListModel *filtered)
{
  /* A synchronous filter notifies in the middle of its own update; the code after
   * gtk_filter_changed() syncs then. */
  if (!gtk_filter_list_model_get_incremental (filtered) ||
      gtk_filter_list_model_get_pending (filtered) != 0)
    return;

  update_stack (self);
  sync_selection (self, FALSE);
}

/* The results depend on the search and the view; the actor list on the view. */
static void
refilter (AmSidebar *self)
{
  pane_refilter (self, &self->panes[PANE_RESULTS]);
  update_stack (self);
}

static void
session_view_result_changed_cb (AmSidebar  *self,
                                GParamSpec *pspec,
                                AmSession  *session)
{
  pane_refilter (self, &self->panes[PANE_ACTORS]);
  refilter (self);
}

/* Rows */

static void
update_heading (Pane        *pane,
                GtkListItem *list_item)
{
  AmItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  gboolean show = item != NULL;

  /* The heading of a group sits in its first row: GTK 4.8's list view has no sections.
   * This runs on every bind, and GTK 4.8 binds a row again whenever the model changes
   * at or before it, even when its item and position stay (the search test checks
   * that case), so no heading goes stale. */
  if (item != NULL && position != GTK_INVALID_LIST_POSITION && position > 0)
    {
      g_autoptr(AmItem) before = g_list_model_get_item (G_LIST_MODEL (pane->filtered), position - 1);

      show = before == NULL
             || g_strcmp0 (am_item_get_group (before), am_item_get_group (AM_ITEM (item))) != 0;
    }

  am_sidebar_row_set_show_heading (AM_SIDEBAR_ROW (row), show);
}

/* A click on the row that is already selected changes no selection, yet it should fly
 * the map back there.  This runs in the capture phase, before the list item's own
 * gesture selects on release, so it sees the selection from before the click. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                AmSidebar       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  AmItem *item = am_sidebar_row_get_item (AM_SIDEBAR_ROW (row));

  if (n_press != 1 || item == NULL || self->session == NULL)
    return;

  if (g_strcmp0 (am_item_get_id (item), am_session_get_selection (self->session)) == 0)
    am_session_select (self->session, am_item_get_id (item), AM_SELECTION_ORIGIN_LIST);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GObject                  *object,
          AmSidebar                *self)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  GtkWidget *row = am_sidebar_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gtk_list_item_set_child (list_item, row);
}

/* GTK 4.8 unbinds and binds every row at or after a change of the model, most of them
 * with the item they already show: the row keeps its item across an unbind (an AmItem
 * holds only its own strings), so binding it again costs nothing but the heading. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GObject                  *object,
         Pane                     *pane)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);

  am_sidebar_row_set_item (AM_SIDEBAR_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
  update_heading (pane, list_item);
}

/* Model and session callbacks */

static void
filtered_items_changed_cb (AmSidebar  *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  update_stack (self);
}

static void
selected_item_changed_cb (AmSidebar          *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  AmItem *item = gtk_single_selection_get_selected_item (selection);

  /* Rows leave the selection when the filter hides them or the session clears it; the
   * list never clears the session's selection. */
  if (self->session == NULL || item == NULL)
    return;

  /* The list following the session comes back here: that is no change. */
  if (g_strcmp0 (am_item_get_id (item), am_session_get_selection (self->session)) == 0)
    return;

  am_session_select (self->session, am_item_get_id (item), AM_SELECTION_ORIGIN_LIST);
}

static void
session_items_changed_cb (AmSidebar  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *items)
{
  /* Connected after the filter models' own handlers, so they already hold the new
   * items, filtered against the search's matches for them (the session works those out
   * before it hands the items over). */
  update_stack (self);
  sync_selection (self, TRUE);
}

static void
sync_entry (AmSidebar *self)
{
  GtkEditable *entry = GTK_EDITABLE (self->search_entry);
  const char *text = self->session ? am_session_get_search_text (self->session) : "";
  int length;
  int position = 0;

  if (g_strcmp0 (gtk_editable_get_text (entry), text) == 0)
    return;

  /* Not gtk_editable_set_text(): it empties the entry first, and an empty search entry
   * emits "search-changed" at once, which would set the session's text to "" midway.
   * The new text goes in before the old one goes out, so the entry only reports its
   * final text, which the session already has. */
  length = g_utf8_strlen (text, -1);
  gtk_editable_insert_text (entry, text, -1, &position);
  gtk_editable_delete_text (entry, length, -1);
  gtk_editable_set_position (entry, -1);
}

static void
session_search_text_changed_cb (AmSidebar  *self,
                                GParamSpec *pspec,
                                AmSession  *session)
{
  sync_entry (self);
  refilter (self);
  sync_selection (self, TRUE);
}

static void
session_document_changed_cb (AmSidebar  *self,
                             GParamSpec *pspec,
                             AmSession  *session)
{
  refilter (self);
  sync_selection (self, TRUE);
}

static void
session_selection_changed_cb (AmSidebar  *self,
                              GParamSpec *pspec,
                              AmSession  *session)
{
  /* The user just picked this row: the list stays where it is. */
  sync_selection (self, am_session_get_selection_origin (session) != AM_SELECTION_ORIGIN_LIST);
}

/* The selected item chosen again elsewhere (the map, the article): scroll back to it. */
static void
session_reveal_cb (AmSidebar         *self,
                   const char        *id,
                   AmSelectionOrigin  origin,
                   AmSession         *session)
{
  if (origin != AM_SELECTION_ORIGIN_LIST)
    sync_selection (self, TRUE);
}

/* Template callbacks */

static void
activate_cb (AmSidebar   *self,
             guint        position,
             GtkListView *list_view)
{
  g_autoptr(AmItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)),
                                                  position);

  /* Activating the selected row again flies the map back to it. */
  if (item != NULL && self->session != NULL)
    am_session_select (self->session, am_item_get_id (item), AM_SELECTION_ORIGIN_LIST);
}

static void
search_changed_cb (AmSidebar      *self,
                   GtkSearchEntry *entry)
{
  if (self->session != NULL)
    am_session_set_search_text (self->session, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (AmSidebar      *self,
                    GtkSearchEntry *entry)
{
  const char *first;

  if (self->session == NULL)
    return;

  /* Enter may come before the entry's search delay has passed. */
  am_session_set_search_text (self->session, gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* Enter picks the first result, like a search in a sidebar does. */
  if ((first = am_session_get_first_match (self->session)) != NULL)
    am_session_select (self->session, first, AM_SELECTION_ORIGIN_SEARCH);
}

static void
stop_search_cb (AmSidebar      *self,
                GtkSearchEntry *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    /* Escape in an empty search hands focus back to the list. */
    gtk_widget_grab_focus (GTK_WIDGET (shown_pane (self)->view));
}

/* GObject */

static void
am_sidebar_dispose (GObject *object)
{
  AmSidebar *self = AM_SIDEBAR (object);
  GtkWidget *child;

  for (guint i = 0; i < N_PANES; i++)
    {
      g_signal_handlers_disconnect_by_data (self->panes[i].filtered, self);
      g_signal_handlers_disconnect_by_data (self->panes[i].selection, self);
    }
  g_clear_object (&self->session_signals);
  g_clear_object (&self->items_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_SIDEBAR);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (am_sidebar_parent_class)->dispose (object);
}

static void
am_sidebar_finalize (GObject *object)
{
  AmSidebar *self = AM_SIDEBAR (object);

  for (guint i = 0; i < N_PANES; i++)
    {
      g_clear_object (&self->panes[i].selection);
      g_clear_object (&self->panes[i].filtered);
    }

  G_OBJECT_CLASS (am_sidebar_parent_class)->finalize (object);
}

static void
am_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AmSidebar *self = AM_SIDEBAR (object);

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
am_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AmSidebar *self = AM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_sidebar_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_sidebar_class_init (AmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_sidebar_dispose;
  object_class->finalize = am_sidebar_finalize;
  object_class->get_property = am_sidebar_get_property;
  object_class->set_property = am_sidebar_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amsidebar");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, results_view);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, stack);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  g_type_ensure (AM_TYPE_SIDEBAR_ROW);
}

static void
pane_init (AmSidebar       *self,
           Pane            *pane,
           GtkListView     *view,
           GtkCustomFilterFunc visible)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  pane->sidebar = self;
  pane->view = view;
  pane->filter = gtk_custom_filter_new (visible, self, NULL);
  pane->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (pane->filter));
  pane->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (pane->filtered)));
  gtk_single_selection_set_autoselect (pane->selection, FALSE);
  gtk_single_selection_set_can_unselect (pane->selection, TRUE);
  g_signal_connect_object (pane->filtered, "notify::pending",
                           G_CALLBACK (pending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pane->filtered, "items-changed",
                           G_CALLBACK (filtered_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (pane->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), pane);
  gtk_list_view_set_factory (view, factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (pane->selection));
}

static void
am_sidebar_init (AmSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pane_init (self, &self->panes[PANE_ACTORS], self->list_view, actor_visible);
  pane_init (self, &self->panes[PANE_RESULTS], self->results_view, result_visible);

  self->session_signals = g_signal_group_new (AM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::document",
                                 G_CALLBACK (session_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::search-text",
                                 G_CALLBACK (session_search_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::view-result",
                                 G_CALLBACK (session_view_result_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::selection",
                                 G_CALLBACK (session_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "reveal",
                                 G_CALLBACK (session_reveal_cb), self, G_CONNECT_SWAPPED);

  /* After the filter model's handler: see session_items_changed_cb(). */
  self->items_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->items_signals, "items-changed",
                                 G_CALLBACK (session_items_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* Typing while the list has focus goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->stack));
}

/* Public API */

GtkWidget *
am_sidebar_new (void)
{
  return g_object_new (AM_TYPE_SIDEBAR, NULL);
}

AmSession *
am_sidebar_get_session (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return self->session;
}

void
am_sidebar_set_session (AmSidebar *self,
                        AmSession *session)
{
  GListModel *items;

  g_return_if_fail (AM_IS_SIDEBAR (self));
  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  items = session ? am_session_get_items (session) : NULL;
  g_signal_group_set_target (self->items_signals, items);

  for (guint i = 0; i < N_PANES; i++)
    gtk_filter_list_model_set_model (self->panes[i].filtered, items);
  sync_entry (self);
  update_stack (self);
  sync_selection (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

void
am_sidebar_focus_search (AmSidebar *self)
{
  g_return_if_fail (AM_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkListView *
am_sidebar_get_list_view (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return shown_pane (self)->view;
}

GListModel *
am_sidebar_get_model (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (shown_pane (self)->filtered);
}
