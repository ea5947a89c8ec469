/* am-relation-row.h — a relation in the details of one of its actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_RELATION_ROW (am_relation_row_get_type ())

G_DECLARE_FINAL_TYPE (AmRelationRow, am_relation_row, AM, RELATION_ROW, AdwActionRow)

/*
 * The actor at the other end (plain text) and a line about the tie.  Activating the
 * row activates "details.select" with @other_id; its button ("Show this relation")
 * does so with @relation_id.
 */
GtkWidget *am_relation_row_new (const char *relation_id,
                                const char *other_id,
                                const char *other_name,
                                const char *subtitle);

G_END_DECLS
