/* am-core-private.h — helpers shared by the core layer's own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-core.h"

G_BEGIN_DECLS

/* A new array holding its own reference to each AmEvidence of @src (which may be
 * NULL): the object never shares a mutable container with its creator. */
GPtrArray  *_am_evidence_array_copy   (GPtrArray          *src);
/* A copy of @strv, or an empty vector for NULL. */
char      **_am_strv_copy_or_empty    (const char * const *strv);
/* A new string→string table with copies of @src's entries (@src may be NULL). */
GHashTable *_am_string_table_copy     (GHashTable         *src);

typedef enum
{
  AM_DATE_INVALID,
  AM_DATE_YEAR,
  AM_DATE_MONTH,
  AM_DATE_DAY,     /* a day, or a date-time (whose time is checked, not returned) */
} AmDatePrecision;

/* An ISO 8601 date as the model allows it (am-format.c). */
AmDatePrecision _am_date_parse (const char *s,
                                guint      *year,
                                guint      *month,
                                guint      *day);

G_END_DECLS
