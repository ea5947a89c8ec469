/* am-relation.h — a tie between two actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_RELATION (am_relation_get_type ())

G_DECLARE_FINAL_TYPE (AmRelation, am_relation, AM, RELATION, GObject)

/* Immutable; construct-only properties.  source/target are entity ids the loader checked.
 *
 * Properties for g_object_new (AM_TYPE_RELATION, …): "id", "source", "target", "label"
 * (strings; "" when not given), "rel-type", "date" (strings), "directed" (boolean,
 * default TRUE), "evidence" (GPtrArray of AmEvidence), "attributes" (GHashTable of
 * utf8 → utf8), "status" (AmStatus).  Containers are copied. */
const char *am_relation_get_id       (AmRelation *self);
const char *am_relation_get_source   (AmRelation *self);
const char *am_relation_get_target   (AmRelation *self);
const char *am_relation_get_label    (AmRelation *self);
/* e.g. "role", "family", "visit", "meeting", "alliance", "hostility"…; NULL if not given */
const char *am_relation_get_rel_type (AmRelation *self);
gboolean    am_relation_get_directed (AmRelation *self);
/* ISO 8601 date ("2021-03-18", "2019", "2019-02") or NULL */
const char *am_relation_get_date     (AmRelation *self);
/* (element-type AmEvidence) (transfer none), never NULL */
GPtrArray  *am_relation_get_evidence (AmRelation *self);
/* (element-type utf8 utf8) (transfer none), never NULL */
GHashTable *am_relation_get_attributes (AmRelation *self);

/* %AM_STATUS_SUGGESTED for a suggestion not yet accepted ("status" property). */
AmStatus    am_relation_get_status (AmRelation *self);

G_END_DECLS
