/* am-detail-group.c — a heading of the details with its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-detail-group.h"

struct _AmDetailGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template Widgets */
  GtkLabel            *count;
};

G_DEFINE_FINAL_TYPE (AmDetailGroup, am_detail_group, ADW_TYPE_PREFERENCES_GROUP)

static void
am_detail_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AM_TYPE_DETAIL_GROUP);

  G_OBJECT_CLASS (am_detail_group_parent_class)->dispose (object);
}

static void
am_detail_group_class_init (AmDetailGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_detail_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-detail-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDetailGroup, count);
}

static void
am_detail_group_init (AmDetailGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_detail_group_new (const char *title,
                     guint       count)
{
  AmDetailGroup *self;
  /* The group's title label is markup; a translation may well contain “&”. */
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  escaped = g_markup_escape_text (title, -1);
  self = g_object_new (AM_TYPE_DETAIL_GROUP, "title", escaped, NULL);

  if (count > 1)
    {
      g_autofree char *text = g_strdup_printf ("%u", count);

      gtk_label_set_text (self->count, text);
      gtk_widget_set_visible (GTK_WIDGET (self->count), TRUE);
    }

  return GTK_WIDGET (self);
}
