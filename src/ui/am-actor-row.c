/* am-actor-row.c — a link in the details to an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-actor-row.h"

struct _AmActorRow
{
  AdwActionRow  parent_instance;

  /* Template Widgets */
  GtkWidget    *dot;
};

G_DEFINE_FINAL_TYPE (AmActorRow, am_actor_row, ADW_TYPE_ACTION_ROW)

static void
am_actor_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AM_TYPE_ACTOR_ROW);

  G_OBJECT_CLASS (am_actor_row_parent_class)->dispose (object);
}

static void
am_actor_row_class_init (AmActorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_actor_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-actor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmActorRow, dot);
}

static void
am_actor_row_init (AmActorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_actor_row_new (const char *id,
                  const char *name,
                  const char *subtitle,
                  const char *kind_css)
{
  AmActorRow *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (AM_TYPE_ACTOR_ROW,
                       "title", name,
                       "subtitle", subtitle,
                       "action-target", g_variant_new_string (id),
                       NULL);

  /* An id the document does not know has no kind, and so no dot. */
  if (kind_css != NULL)
    {
      g_autofree char *css_class = g_strconcat ("kind-", kind_css, NULL);

      gtk_widget_add_css_class (self->dot, css_class);
      gtk_widget_set_visible (self->dot, TRUE);
    }

  return GTK_WIDGET (self);
}
