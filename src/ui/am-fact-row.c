/* am-fact-row.c — one fact in the details: a field and its value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-fact-row.h"

struct _AmFactRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AmFactRow, am_fact_row, ADW_TYPE_ACTION_ROW)

static void
am_fact_row_class_init (AmFactRowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PATH "/ui/am-fact-row.ui");
}

static void
am_fact_row_init (AmFactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_fact_row_new (const char *key,
                 const char *value)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (AM_TYPE_FACT_ROW,
                       "title", key,
                       "subtitle", value,
                       NULL);
}
