/* am-canvas-explore.c — views from the map: focus, paths, groups, legend toggles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "am-canvas-private.h"
#include "am-view-bar.h"

/*
 * Everything here changes the session's view (am_session_set_view()) and nothing else:
 * the map then draws the new "view-scene", the lists and the article follow.  Without a
 * session the actions are disabled.
 *
 *   right click (or Menu, Shift+F10, on the selection)  the context menu of an item:
 *       "Focus on …", "Add to Focus", "Path From Here", "Path To Here",
 *       "Collapse Group …" / "Expand Group …", "Show the Whole Map"
 *   F                     focus on the selected actor
 *   Ctrl+click            adds an actor to the focus (or takes it out)
 *   double click          on a collapsed group expands it
 *   a click on the legend toggles that kind or relation type
 *   Escape                returns to the whole map (focus and path cleared), or, when
 *                         there is neither, clears the selection as before
 */

#define GROUP_NODE_PREFIX "group:"

static AmSession *
session_of (AmCanvas *self)
{
  return am_canvas_get_session (self);
}

/* A copy of the session's view to change, or NULL without a session. */
static AmView *
view_copy (AmCanvas *self)
{
  AmSession *session = session_of (self);
  const AmView *view;

  if (session == NULL)
    return NULL;

  view = am_session_get_view (session);
  return view != NULL ? am_view_copy (view) : am_view_new ();
}

/* The next scene shows a new focus or path: the map fits what it shows. */
static void
commit_view (AmCanvas *self,
             AmView   *view,
             gboolean  fit)
{
  AmSession *session = session_of (self);

  if (fit)
    _am_canvas_set_fit_visible_next (self, TRUE);
  am_session_set_view (session, view);
  /* A small map's scene came at once; a view that changed nothing brought no scene, and a
   * later one (a filter) must not fly.  A large map's comes from a worker: the flag stays
   * until it lands ("view-pending" goes FALSE, am-canvas-session.c). */
  if (!am_session_get_view_pending (session))
    _am_canvas_set_fit_visible_next (self, FALSE);
}

static gboolean
is_actor (AmCanvas   *self,
          const char *id)
{
  AmDocument *document = _am_canvas_state_document (self);

  return id != NULL && document != NULL && am_document_lookup_entity (document, id) != NULL;
}

static const char *
actor_name (AmCanvas   *self,
            const char *id)
{
  AmDocument *document = _am_canvas_state_document (self);
  AmEntity *entity = document ? am_document_lookup_entity (document, id) : NULL;

  return entity != NULL ? am_entity_get_name (entity) : id;
}

static const char *
group_label (AmCanvas   *self,
             const char *group_id)
{
  AmSession *session = session_of (self);
  AmGroups *groups = session ? am_session_get_groups (session) : NULL;
  gint index = groups ? am_groups_find (groups, group_id) : -1;

  return index >= 0 ? am_groups_get_label (groups, index) : group_id;
}

/* The group an actor belongs to, or NULL. */
static const char *
group_of (AmCanvas   *self,
          const char *id)
{
  AmSession *session = session_of (self);
  AmGroups *groups = session ? am_session_get_groups (session) : NULL;

  return groups != NULL && id != NULL ? am_groups_lookup (groups, id) : NULL;
}

/* A collapsed group's node, "group:<id>": the group id, else NULL. */
static const char *
collapsed_group (const char *id)
{
  if (id == NULL || !g_str_has_prefix (id, GROUP_NODE_PREFIX))
    return NULL;

  return id + strlen (GROUP_NODE_PREFIX);
}

/* The group whose cluster (Group Actors) lies under widget (x, y), innermost first. */
const char *
_am_canvas_explore_cluster_at (AmCanvas *self,
                               double    x,
                               double    y)
{
  AmScene *scene = am_canvas_get_scene (self);
  AmSession *session = session_of (self);
  AmGroups *groups = session ? am_session_get_groups (session) : NULL;
  const char *best = NULL;
  double best_area = G_MAXDOUBLE, sx, sy;

  if (scene == NULL || groups == NULL)
    return NULL;

  am_view_widget_to_scene (_am_canvas_get_view (self), x, y, &sx, &sy);
  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    {
      const AmSceneCluster *cluster = am_scene_get_cluster (scene, i);
      const char *id = cluster->id;

      if (sx < cluster->box.x || sx > cluster->box.x + cluster->box.width
          || sy < cluster->box.y || sy > cluster->box.y + cluster->box.height)
        continue;
      /* Graphviz wants cluster names to start with "cluster". */
      if (am_groups_find (groups, id) < 0 && g_str_has_prefix (id, "cluster_"))
        id += strlen ("cluster_");
      if (am_groups_find (groups, id) < 0)
        continue;
      if (cluster->box.width * cluster->box.height < best_area)
        {
          best_area = cluster->box.width * cluster->box.height;
          best = am_groups_get_id (groups, am_groups_find (groups, id));
        }
    }

  return best;
}

/* Focus */

static void
set_focus (AmCanvas           *self,
           const char * const *ids)
{
  g_autoptr(AmView) view = view_copy (self);
  const AmView *current;

  if (view == NULL)
    return;

  current = am_session_get_view (session_of (self));
  /* Focus and path are two ways of asking "what is near": one at a time. */
  am_view_set_path (view, NULL, NULL, FALSE);
  am_view_set_focus (view, ids,
                     current && am_view_get_focus (current) ? am_view_get_depth (current) : 1,
                     current ? am_view_get_direction (current) : AM_VIEW_DIRECTION_BOTH);
  commit_view (self, view, TRUE);
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *ids[] = { g_variant_get_string (parameter, NULL), NULL };

  if (is_actor (AM_CANVAS (widget), ids[0]))
    set_focus (AM_CANVAS (widget), ids);
}

/* Adds @id to the focus, or takes it out when it is in it already. */
static void
toggle_focus (AmCanvas   *self,
              const char *id)
{
  AmSession *session = session_of (self);
  const AmView *current = session ? am_session_get_view (session) : NULL;
  const char * const *focus = current ? am_view_get_focus (current) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean found = FALSE;

  if (!is_actor (self, id))
    return;

  for (guint i = 0; focus != NULL && focus[i] != NULL; i++)
    {
      if (g_strcmp0 (focus[i], id) == 0)
        found = TRUE;
      else
        g_ptr_array_add (ids, (gpointer) focus[i]);
    }
  if (!found)
    g_ptr_array_add (ids, (gpointer) id);
  g_ptr_array_add (ids, NULL);

  set_focus (self, (const char * const *) ids->pdata);
}

static void
add_to_focus_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  toggle_focus (AM_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

static void
focus_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmCanvas *self = AM_CANVAS (widget);
  const char *ids[] = { _am_canvas_state_selection (self), NULL };

  if (!is_actor (self, ids[0]))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  set_focus (self, ids);
}

/* Paths */

/*
 * Either end may be chosen first.  A view's path has both ends or none, so the first end
 * waits on the canvas (the "anchor", object data) until the other is picked; a toast
 * says so.  "Path To Here" with nothing chosen yet starts from the selected actor, so
 * "select A, right-click B, Path To Here" is one step; with a path shown, either item
 * moves that end.
 */
#define ANCHOR_KEY      "am-path-anchor"
#define ANCHOR_FROM_KEY "am-path-anchor-is-from"

static void
show_toast (AmCanvas   *self,
            const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

const char *
_am_canvas_explore_get_path_anchor (AmCanvas *self,
                                    gboolean *is_from)
{
  if (is_from != NULL)
    *is_from = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), ANCHOR_FROM_KEY));
  return g_object_get_data (G_OBJECT (self), ANCHOR_KEY);
}

static void
set_anchor (AmCanvas   *self,
            const char *id,
            gboolean    is_from)
{
  g_object_set_data_full (G_OBJECT (self), ANCHOR_KEY, g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (self), ANCHOR_FROM_KEY, GINT_TO_POINTER (is_from));
}

static void
set_path_end (AmCanvas   *self,
              const char *id,
              gboolean    from_here)
{
  g_autoptr(AmView) view = view_copy (self);
  g_autofree char *other = NULL;
  const char *anchor;
  gboolean anchor_is_from = FALSE;

  if (view == NULL || !is_actor (self, id))
    return;

  /* The other end: the path's, the waiting anchor's, or (for "To Here") the selection. */
  other = g_strdup (from_here ? am_view_get_path_to (view) : am_view_get_path_from (view));
  anchor = _am_canvas_explore_get_path_anchor (self, &anchor_is_from);
  if (other == NULL && anchor != NULL && anchor_is_from != from_here)
    other = g_strdup (anchor);
  if (other == NULL && !from_here)
    {
      const char *selection = _am_canvas_state_selection (self);

      if (is_actor (self, selection))
        other = g_strdup (selection);
    }

  if (other == NULL || g_strcmp0 (other, id) == 0)
    {
      g_autofree char *hint = NULL;

      set_anchor (self, id, from_here);
      if (from_here)
        /* Translators: a toast after "Path From Here"; %s is an actor */
        hint = g_strdup_printf (_("Path from %s: right-click another actor and choose Path To Here"),
                                actor_name (self, id));
      else
        /* Translators: a toast after "Path To Here" with no other end yet; %s is an actor */
        hint = g_strdup_printf (_("Path to %s: right-click another actor and choose Path From Here"),
                                actor_name (self, id));
      show_toast (self, hint);
      return;
    }

  set_anchor (self, NULL, FALSE);
  am_view_set_focus (view, NULL, 1, AM_VIEW_DIRECTION_BOTH);
  if (from_here)
    am_view_set_path (view, id, other, am_view_get_path_hide_others (view));
  else
    am_view_set_path (view, other, id, am_view_get_path_hide_others (view));
  commit_view (self, view, TRUE);
}

static void
path_from_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_path_end (AM_CANVAS (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
path_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_path_end (AM_CANVAS (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* Groups */

static void
set_collapsed (AmCanvas   *self,
               const char *group_id,
               gboolean    collapsed)
{
  g_autoptr(AmView) view = view_copy (self);

  if (view == NULL || group_id == NULL)
    return;

  am_view_set_collapsed (view, group_id, collapsed);
  commit_view (self, view, FALSE);
}

static void
collapse_group_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_collapsed (AM_CANVAS (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
expand_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_collapsed (AM_CANVAS (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* Whole map, Escape */

static void
whole_map_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmSession *session = session_of (AM_CANVAS (widget));

  if (session != NULL)
    am_view_bar_clear_view (session);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmCanvas *self = AM_CANVAS (widget);
  AmSession *session = session_of (self);

  /* A path's first end waiting for its second goes first, then a focus or a path: the
   * selection is what the user looks at in it. */
  if (_am_canvas_explore_get_path_anchor (self, NULL) != NULL)
    {
      set_anchor (self, NULL, FALSE);
      return;
    }
  if (session != NULL && am_view_bar_clear_view (session))
    return;

  _am_canvas_select (self, NULL, AM_SELECTION_ORIGIN_KEYBOARD);
}

/* The context menu */

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  if (target != NULL)
    g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  else
    g_menu_item_set_detailed_action (item, action);
  g_menu_append_item (menu, item);
}

static gboolean
in_focus (AmCanvas   *self,
          const char *id)
{
  const AmView *view = am_session_get_view (session_of (self));
  const char * const *focus = view ? am_view_get_focus (view) : NULL;

  return focus != NULL && g_strv_contains (focus, id);
}

GMenuModel *
_am_canvas_explore_menu (AmCanvas   *self,
                         const char *id,
                         const char *cluster_group)
{
  GMenu *menu = g_menu_new ();
  AmSession *session = session_of (self);
  const AmView *view = session ? am_session_get_view (session) : NULL;
  const char *group = NULL;

  if (session == NULL)
    return G_MENU_MODEL (menu);

  if (is_actor (self, id))
    {
      g_autoptr(GMenu) focus = g_menu_new ();
      g_autoptr(GMenu) path = g_menu_new ();
      g_autofree char *focus_label = NULL;
      const char *name = actor_name (self, id);

      /* Translators: an item of the map's context menu; %s is an actor */
      focus_label = g_strdup_printf (_("Focus on %s"), name);
      append_item (focus, focus_label, "canvas.focus", id);
      if (view != NULL && am_view_get_focus (view) != NULL)
        append_item (focus, in_focus (self, id)
                              /* Translators: an item of the map's context menu */
                              ? _("Remove from the Focus")
                              /* Translators: an item of the map's context menu (also Ctrl+click) */
                              : _("Add to the Focus"),
                     "canvas.add-to-focus", id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (focus));

      /* Translators: an item of the map's context menu: a shortest path starts at this actor */
      append_item (path, _("Path From Here"), "canvas.path-from", id);
      /* Translators: an item of the map's context menu: a shortest path ends at this actor */
      append_item (path, _("Path To Here"), "canvas.path-to", id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (path));

      group = group_of (self, id);
    }
  else
    group = cluster_group;

  if (collapsed_group (id) != NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      /* Translators: an item of the map's context menu; %s names a group of actors */
      g_autofree char *label = g_strdup_printf (_("Expand Group “%s”"),
                                                group_label (self, collapsed_group (id)));

      append_item (section, label, "canvas.expand-group", collapsed_group (id));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  else if (group != NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      /* Translators: an item of the map's context menu; %s names a group of actors (a state
       * and its people, say) */
      g_autofree char *label = g_strdup_printf (_("Collapse Group “%s”"), group_label (self, group));

      append_item (section, label, "canvas.collapse-group", group);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  if (view != NULL && (am_view_get_focus (view) != NULL || am_view_get_path_from (view) != NULL
                       || am_view_get_path_to (view) != NULL))
    {
      g_autoptr(GMenu) section = g_menu_new ();

      /* Translators: an item of the map's context menu: leave the focus or the path */
      append_item (section, _("Show the Whole Map"), "canvas.whole-map", NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

void
_am_canvas_explore_popup_menu (AmCanvas   *self,
                               const char *id,
                               double      x,
                               double      y)
{
  g_autoptr(GMenuModel) model = _am_canvas_explore_menu (self, id, _am_canvas_explore_cluster_at (self, x, y));
  GtkWidget *popover = _am_canvas_get_context_menu (self);

  if (g_menu_model_get_n_items (model) == 0)
    return;

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
  /* The hovered item's tooltip would cover the menu. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* Menu and Shift+F10: the selected item's menu, pointing at it. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmCanvas *self = AM_CANVAS (widget);
  const char *id = _am_canvas_state_selection (self);
  AmScene *scene = am_canvas_get_scene (self);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;
  gint index;

  if (scene != NULL && id != NULL && (index = am_scene_find_node (scene, id)) >= 0)
    {
      const AmRect *box = &am_scene_get_node (scene, index)->box;

      am_canvas_scene_to_widget (self, box->x + box->width / 2, box->y + box->height / 2, &x, &y);
    }

  _am_canvas_explore_popup_menu (self, id, x, y);
}

/* Clicks */

static gboolean
legend_click (AmCanvas *self,
              double    x,
              double    y)
{
  g_autofree char *name = NULL;
  g_autoptr(AmView) view = NULL;
  gboolean is_kind = FALSE;

  if (!_am_canvas_point_in_legend (self, x, y))
    return FALSE;

  name = _am_canvas_legend_entry_at (self, x, y, &is_kind);
  if (name == NULL || (view = view_copy (self)) == NULL)
    return TRUE;

  if (is_kind)
    am_view_set_kind_hidden (view, name, !am_view_get_kind_hidden (view, name));
  else
    am_view_set_type_hidden (view, name, !am_view_get_type_hidden (view, name));
  commit_view (self, view, FALSE);

  return TRUE;
}

gboolean
_am_canvas_explore_click (AmCanvas        *self,
                          double           x,
                          double           y,
                          GdkModifierType  state,
                          int              n_press)
{
  const char *id;

  if (legend_click (self, x, y))
    return TRUE;

  if (session_of (self) == NULL)
    return FALSE;

  id = _am_canvas_hit_test (self, x, y);

  if ((state & GDK_CONTROL_MASK) != 0 && is_actor (self, id))
    {
      toggle_focus (self, id);
      return TRUE;
    }

  if (n_press == 2 && collapsed_group (id) != NULL)
    {
      set_collapsed (self, collapsed_group (id), FALSE);
      return TRUE;
    }

  return FALSE;
}

void
_am_canvas_explore_actions_update (AmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean enabled = session_of (self) != NULL && am_canvas_get_scene (self) != NULL;
  static const char * const actions[] = {
    "canvas.focus", "canvas.add-to-focus", "canvas.focus-selection", "canvas.path-from",
    "canvas.path-to", "canvas.collapse-group", "canvas.expand-group", "canvas.whole-map",
    "canvas.context-menu",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (widget, actions[i], enabled);
}

void
_am_canvas_explore_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.focus", "s", focus_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-to-focus", "s", add_to_focus_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-selection", NULL,
                                   focus_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.path-from", "s", path_from_action);
  gtk_widget_class_install_action (widget_class, "canvas.path-to", "s", path_to_action);
  gtk_widget_class_install_action (widget_class, "canvas.collapse-group", "s",
                                   collapse_group_action);
  gtk_widget_class_install_action (widget_class, "canvas.expand-group", "s", expand_group_action);
  gtk_widget_class_install_action (widget_class, "canvas.whole-map", NULL, whole_map_action);
  gtk_widget_class_install_action (widget_class, "canvas.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "canvas.focus-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "canvas.context-menu", NULL);
}
