/* am-evidence-row.h — a sentence of the article in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_EVIDENCE_ROW (am_evidence_row_get_type ())

G_DECLARE_FINAL_TYPE (AmEvidenceRow, am_evidence_row, AM, EVIDENCE_ROW, AdwActionRow)

/*
 * A sentence a fact rests on (plain text) and where it is (@where, "Paragraph 2").
 * Activating the row activates "win.reveal-evidence" with (@paragraph, @offset).
 */
GtkWidget *am_evidence_row_new (const char *text,
                                const char *where,
                                guint       paragraph,
                                gint64      offset);

G_END_DECLS
