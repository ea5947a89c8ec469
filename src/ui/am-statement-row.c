/* am-statement-row.c — a statement in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-statement-row.h"

struct _AmStatementRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AmStatementRow, am_statement_row, ADW_TYPE_ACTION_ROW)

static void
am_statement_row_class_init (AmStatementRowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PATH "/ui/am-statement-row.ui");
}

static void
am_statement_row_init (AmStatementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_statement_row_new (const char *id,
                      const char *title,
                      const char *details,
                      gboolean    quoted)
{
  GtkWidget *row;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  row = g_object_new (AM_TYPE_STATEMENT_ROW,
                      "title", title,
                      "subtitle", details,
                      "action-target", g_variant_new_string (id),
                      NULL);
  if (!quoted)
    gtk_widget_add_css_class (row, "reported");

  return row;
}
