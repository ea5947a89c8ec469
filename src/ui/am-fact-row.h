/* am-fact-row.h — one fact in the details: a field and its value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_FACT_ROW (am_fact_row_get_type ())

G_DECLARE_FINAL_TYPE (AmFactRow, am_fact_row, AM, FACT_ROW, AdwActionRow)

/*
 * The name of a field small, its value below it, as plain text; it leads nowhere.
 */
GtkWidget *am_fact_row_new (const char *key,
                            const char *value);

G_END_DECLS
