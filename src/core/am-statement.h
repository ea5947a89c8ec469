/* am-statement.h — something an actor said, quoted or reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_STATEMENT (am_statement_get_type ())

G_DECLARE_FINAL_TYPE (AmStatement, am_statement, AM, STATEMENT, GObject)

/* Immutable; construct-only properties.  Entity ids were checked by the loader.
 *
 * Properties for g_object_new (AM_TYPE_STATEMENT, …): "id", "speaker", "text" (strings;
 * "" when not given), "quoted" (boolean, default FALSE), "date", "reported-by" (strings),
 * "about", "addressees" (GStrv), "evidence" (GPtrArray of AmEvidence), "status"
 * (AmStatus).  Containers are
 * copied. */
const char         *am_statement_get_id          (AmStatement *self);
const char         *am_statement_get_speaker     (AmStatement *self);
const char         *am_statement_get_text        (AmStatement *self);
gboolean            am_statement_get_quoted      (AmStatement *self);
const char         *am_statement_get_date        (AmStatement *self);
/* entity ids the statement is about; never NULL */
const char * const *am_statement_get_about       (AmStatement *self);
/* entity ids the statement is addressed to; never NULL */
const char * const *am_statement_get_addressees  (AmStatement *self);
/* entity id of who reported it (a news agency), or NULL */
const char         *am_statement_get_reported_by (AmStatement *self);
/* (element-type AmEvidence) (transfer none), never NULL */
GPtrArray          *am_statement_get_evidence    (AmStatement *self);

/* %AM_STATUS_SUGGESTED for a suggestion not yet accepted ("status" property). */
AmStatus    am_statement_get_status (AmStatement *self);

G_END_DECLS
