/* am-relation-row.c — a relation in the details of one of its actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-relation-row.h"

struct _AmRelationRow
{
  AdwActionRow  parent_instance;

  /* Template Widgets */
  GtkButton    *button;
};

G_DEFINE_FINAL_TYPE (AmRelationRow, am_relation_row, ADW_TYPE_ACTION_ROW)

static void
am_relation_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AM_TYPE_RELATION_ROW);

  G_OBJECT_CLASS (am_relation_row_parent_class)->dispose (object);
}

static void
am_relation_row_class_init (AmRelationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_relation_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-relation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmRelationRow, button);
}

static void
am_relation_row_init (AmRelationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_relation_row_new (const char *relation_id,
                     const char *other_id,
                     const char *other_name,
                     const char *subtitle)
{
  AmRelationRow *self;

  g_return_val_if_fail (relation_id != NULL, NULL);
  g_return_val_if_fail (other_id != NULL, NULL);
  g_return_val_if_fail (other_name != NULL, NULL);

  /* The row goes to the other actor; the button shows the tie itself. */
  self = g_object_new (AM_TYPE_RELATION_ROW,
                       "title", other_name,
                       "subtitle", subtitle,
                       "action-target", g_variant_new_string (other_id),
                       NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button),
                                          g_variant_new_string (relation_id));

  return GTK_WIDGET (self);
}
