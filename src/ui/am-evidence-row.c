/* am-evidence-row.c — a sentence of the article in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-evidence-row.h"

struct _AmEvidenceRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AmEvidenceRow, am_evidence_row, ADW_TYPE_ACTION_ROW)

static void
am_evidence_row_class_init (AmEvidenceRowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PATH "/ui/am-evidence-row.ui");
}

static void
am_evidence_row_init (AmEvidenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_evidence_row_new (const char *text,
                     const char *where,
                     guint       paragraph,
                     gint64      offset)
{
  g_return_val_if_fail (text != NULL, NULL);

  /* The target matches "win.reveal-evidence": (paragraph, offset in the paragraph). */
  return g_object_new (AM_TYPE_EVIDENCE_ROW,
                       "title", text,
                       "subtitle", where,
                       "action-target", g_variant_new ("(ux)", (guint32) paragraph, offset),
                       NULL);
}
