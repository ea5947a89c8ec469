/* am-entity.h — an actor: a state, organisation, person, event…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_ENTITY (am_entity_get_type ())

G_DECLARE_FINAL_TYPE (AmEntity, am_entity, AM, ENTITY, GObject)

/*
 * Immutable once constructed: every property is construct-only.  Optional strings are
 * NULL when the file does not give them; string arrays are never NULL (maybe empty).
 *
 * Made elsewhere (the DOT importer) with g_object_new (AM_TYPE_ENTITY, …) and these
 * properties: "id", "name" (strings; "" when not given), "kind" (AmEntityKind),
 * "kind-name" (string: when "kind" is left at OTHER the kind is read from this word;
 * when NULL it is the kind's canonical word), "role", "description", "affiliation",
 * "group" (strings), "aliases" (GStrv), "evidence" (GPtrArray of AmEvidence) and
 * "attributes" (GHashTable of utf8 → utf8), "status" (AmStatus), "has-position"
 * (boolean), "x", "y" (doubles).  Containers are copied: the entity holds
 * its own references.
 */
const char         *am_entity_get_id          (AmEntity *self);
const char         *am_entity_get_name        (AmEntity *self);
AmEntityKind        am_entity_get_kind        (AmEntity *self);
/* The kind as spelled in the file ("state", or an unknown kind's own word). */
const char         *am_entity_get_kind_name   (AmEntity *self);
const char         *am_entity_get_role        (AmEntity *self);
const char         *am_entity_get_description (AmEntity *self);
/* Free text naming what the actor belongs to ("North Korea"), or NULL. */
const char         *am_entity_get_affiliation (AmEntity *self);
const char * const *am_entity_get_aliases     (AmEntity *self);
/* (element-type AmEvidence) (transfer none), never NULL */
GPtrArray          *am_entity_get_evidence    (AmEntity *self);
/* Extra string attributes (imported DOT attributes, unknown JSON string members).
 * (element-type utf8 utf8) (transfer none), never NULL */
GHashTable         *am_entity_get_attributes  (AmEntity *self);
/* A group/cluster id for drawing (DOT subgraph "cluster…"), or NULL. */
const char         *am_entity_get_group       (AmEntity *self);

/* %AM_STATUS_SUGGESTED for a suggestion not yet accepted ("status" property). */
AmStatus    am_entity_get_status (AmEntity *self);
/* Where the user put the actor ("has-position", "x", "y" properties): the centre of its
 * node in scene coordinates (points, y grows down).  FALSE when it has none. */
gboolean    am_entity_get_position (AmEntity *self,
                                    double   *x,
                                    double   *y);

G_END_DECLS
