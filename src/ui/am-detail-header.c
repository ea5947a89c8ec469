/* am-detail-header.c — the top of the details: what is shown, its name, a line about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-detail-header.h"

struct _AmDetailHeader
{
  GtkWidget  parent_instance;

  /* Template Widgets */
  GtkWidget *box;
  GtkLabel  *description;
  GtkLabel  *pill;
  GtkLabel  *subtitle;
  GtkLabel  *title;
};

G_DEFINE_FINAL_TYPE (AmDetailHeader, am_detail_header, GTK_TYPE_WIDGET)

/* Plain text, hidden when there is none.  The labels are not selectable: a selectable
 * label claims every focus move into the panel (GtkLabel's focus handler returns TRUE
 * even when it cannot take focus), so Enter on the map would lead nowhere. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  gboolean shown = text != NULL && text[0] != '\0';

  gtk_label_set_text (label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}

static void
am_detail_header_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AM_TYPE_DETAIL_HEADER);

  G_OBJECT_CLASS (am_detail_header_parent_class)->dispose (object);
}

static void
am_detail_header_class_init (AmDetailHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_detail_header_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-detail-header.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDetailHeader, box);
  gtk_widget_class_bind_template_child (widget_class, AmDetailHeader, description);
  gtk_widget_class_bind_template_child (widget_class, AmDetailHeader, pill);
  gtk_widget_class_bind_template_child (widget_class, AmDetailHeader, subtitle);
  gtk_widget_class_bind_template_child (widget_class, AmDetailHeader, title);
}

static void
am_detail_header_init (AmDetailHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_detail_header_new (const char *pill,
                      const char *pill_class,
                      const char *title,
                      const char *title_class,
                      const char *subtitle,
                      const char *description)
{
  AmDetailHeader *self;

  g_return_val_if_fail (pill != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (AM_TYPE_DETAIL_HEADER, NULL);

  gtk_label_set_text (self->pill, pill);
  if (pill_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->pill), pill_class);

  gtk_label_set_text (self->title, title);
  if (title_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->title), title_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  set_text (self->subtitle, subtitle);
  set_text (self->description, description);

  return GTK_WIDGET (self);
}
