/* am-item.h — one row of the lists: an actor, a relation or a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-core.h"

G_BEGIN_DECLS

typedef enum
{
  AM_ITEM_NONE,
  AM_ITEM_ENTITY,
  AM_ITEM_RELATION,
  AM_ITEM_STATEMENT,
} AmItemType;

#define AM_TYPE_ITEM (am_item_get_type ())

G_DECLARE_FINAL_TYPE (AmItem, am_item, AM, ITEM, GObject)

/*
 * What a list shows of one actor, relation or statement, built once per document by
 * the session: its texts, the heading of its group, the map ids it stands for, and the
 * folded text a search looks in.  Immutable.
 *
 * Properties (read-only): "id", "item-type", "title", "subtitle", "description",
 * "group" (the heading shown above the first row of its group), "kind-css" (for
 * actors: the CSS class suffix of the kind dot, else NULL), "status" (AmStatus).
 */
const char *am_item_get_id          (AmItem *self);
AmItemType  am_item_get_item_type   (AmItem *self);
const char *am_item_get_title       (AmItem *self);
const char *am_item_get_subtitle    (AmItem *self);
const char *am_item_get_description (AmItem *self);
const char *am_item_get_group       (AmItem *self);
const char *am_item_get_kind_css    (AmItem *self);
/* The item's status in the document: SUGGESTED until a person accepts it. */
AmStatus    am_item_get_status      (AmItem *self);
/* Ids on the map that a match of this item lights up (its own for actors and
 * relations, and the ends, the speaker).  NULL-terminated. */
const char * const *am_item_get_map_ids (AmItem *self);
/* Case- and accent-folded text the search looks in. */
const char *am_item_get_haystack    (AmItem *self);

/* Builds the items of @document, in list order. (transfer full) */
GPtrArray  *am_item_build_all       (AmDocument *document);

G_END_DECLS
