/* am-actor-row.h — a link in the details to an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_ACTOR_ROW (am_actor_row_get_type ())

G_DECLARE_FINAL_TYPE (AmActorRow, am_actor_row, AM, ACTOR_ROW, AdwActionRow)

/*
 * An actor's name (plain text) with the dot of its kind (@kind_css, the suffix of its
 * CSS class, or NULL for an id the document does not know) and an optional line under
 * it.  Activating the row activates "details.select" with @id.
 */
GtkWidget *am_actor_row_new (const char *id,
                             const char *name,
                             const char *subtitle,
                             const char *kind_css);

G_END_DECLS
