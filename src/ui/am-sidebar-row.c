/* am-sidebar-row.c — one row of the actor list, bound to an AmItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-sidebar-row.h"

struct _AmSidebarRow
{
  GtkWidget  parent_instance;

  /* Template Widgets */
  GtkBox    *content;
  GtkBox    *dot;
  GtkLabel  *heading;
  GtkImage  *icon;
  GtkLabel  *subtitle;
  GtkLabel  *title;

  /* Owned References */
  AmItem    *item;
  char      *dot_class;     /* the "kind-…" class on the dot, to take off on rebind */

  guint      show_heading : 1;
};

G_DEFINE_FINAL_TYPE (AmSidebarRow, am_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOW_HEADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What the labels show comes from the template's expressions; what an expression cannot
 * say (a CSS class, which icon, whether a line is there at all) is set here. */
static void
update_decorations (AmSidebarRow *self)
{
  AmItemType type = self->item ? am_item_get_item_type (self->item) : AM_ITEM_NONE;
  const char *kind_css = self->item ? am_item_get_kind_css (self->item) : NULL;
  const char *subtitle = self->item ? am_item_get_subtitle (self->item) : NULL;
  g_autofree char *dot_class = kind_css ? g_strconcat ("kind-", kind_css, NULL) : NULL;

  if (g_strcmp0 (dot_class, self->dot_class) != 0)
    {
      if (self->dot_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->dot), self->dot_class);
      if (dot_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->dot), dot_class);
      g_free (self->dot_class);
      self->dot_class = g_steal_pointer (&dot_class);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->dot), type == AM_ITEM_ENTITY);

  switch (type)
    {
    case AM_ITEM_RELATION:
      gtk_image_set_from_icon_name (self->icon, "am-relation-symbolic");
      break;

    case AM_ITEM_STATEMENT:
      gtk_image_set_from_icon_name (self->icon, "am-quote-symbolic");
      break;

    case AM_ITEM_NONE:
    case AM_ITEM_ENTITY:
    default:
      gtk_image_clear (self->icon);
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->icon),
                          type == AM_ITEM_RELATION || type == AM_ITEM_STATEMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL);
}

/* GObject */

/* Setting a tooltip on every bind cost a third of building a row (it also updates the
 * accessible description); a list rebinds rows by the hundred, so the description is
 * only looked up when a tooltip is about to show.  Plain text: never markup. */
static gboolean
query_tooltip_cb (AmSidebarRow *self,
                  int           x,
                  int           y,
                  gboolean      keyboard_mode,
                  GtkTooltip   *tooltip)
{
  const char *description = self->item ? am_item_get_description (self->item) : NULL;

  if (description == NULL || description[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

static void
am_sidebar_row_dispose (GObject *object)
{
  AmSidebarRow *self = AM_SIDEBAR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (am_sidebar_row_parent_class)->dispose (object);
}

static void
am_sidebar_row_finalize (GObject *object)
{
  AmSidebarRow *self = AM_SIDEBAR_ROW (object);

  g_free (self->dot_class);

  G_OBJECT_CLASS (am_sidebar_row_parent_class)->finalize (object);
}

static void
am_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AmSidebarRow *self = AM_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_SHOW_HEADING:
      g_value_set_boolean (value, self->show_heading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AmSidebarRow *self = AM_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      am_sidebar_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_SHOW_HEADING:
      am_sidebar_row_set_show_heading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_sidebar_row_class_init (AmSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_sidebar_row_dispose;
  object_class->finalize = am_sidebar_row_finalize;
  object_class->get_property = am_sidebar_row_get_property;
  object_class->set_property = am_sidebar_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         AM_TYPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_HEADING] =
    g_param_spec_boolean ("show-heading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amsidebarrow");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmSidebarRow, content);
  gtk_widget_class_bind_template_child (widget_class, AmSidebarRow, dot);
  gtk_widget_class_bind_template_child (widget_class, AmSidebarRow, heading);
  gtk_widget_class_bind_template_child (widget_class, AmSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, AmSidebarRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, AmSidebarRow, title);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  /* The template's expressions name AmItem's properties. */
  g_type_ensure (AM_TYPE_ITEM);
}

static void
am_sidebar_row_init (AmSidebarRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  update_decorations (self);
}

/* Public API */

GtkWidget *
am_sidebar_row_new (void)
{
  return g_object_new (AM_TYPE_SIDEBAR_ROW, NULL);
}

AmItem *
am_sidebar_row_get_item (AmSidebarRow *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}

void
am_sidebar_row_set_item (AmSidebarRow *self,
                         AmItem       *item)
{
  GtkWidget *target;
  const char *title;
  const char *subtitle;

  g_return_if_fail (AM_IS_SIDEBAR_ROW (self));
  g_return_if_fail (item == NULL || AM_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update_decorations (self);

  /* The list view's item widget around this row is what assistive tools see as the
   * row (role "list item"): it gets the title as its name, as before, and the subtitle
   * as its description.  GTK 4.8's GtkListItem has no accessible properties of its own. */
  if ((target = gtk_widget_get_parent (GTK_WIDGET (self))) == NULL)
    target = GTK_WIDGET (self);
  title = item ? am_item_get_title (item) : NULL;
  subtitle = item ? am_item_get_subtitle (item) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (target),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle ? subtitle : "",
                                  -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
}

gboolean
am_sidebar_row_get_show_heading (AmSidebarRow *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR_ROW (self), FALSE);

  return self->show_heading;
}

void
am_sidebar_row_set_show_heading (AmSidebarRow *self,
                                 gboolean      show_heading)
{
  g_return_if_fail (AM_IS_SIDEBAR_ROW (self));

  show_heading = !!show_heading;
  if (self->show_heading == show_heading)
    return;

  self->show_heading = show_heading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_HEADING]);
}
