/* am-statement-row.h — a statement in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_STATEMENT_ROW (am_statement_row_get_type ())

G_DECLARE_FINAL_TYPE (AmStatementRow, am_statement_row, AM, STATEMENT_ROW, AdwActionRow)

/*
 * What was said (plain text, @title) and how, when and by whom under it (@details).
 * Reported speech (@quoted FALSE) is set in italics.  Activating the row activates
 * "details.select" with @id.
 */
GtkWidget *am_statement_row_new (const char *id,
                                 const char *title,
                                 const char *details,
                                 gboolean    quoted);

G_END_DECLS
