/* am-view-private.h — what the files of the view layer share, and nobody else sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-view.h"

G_BEGIN_DECLS

struct _AmView
{
  GHashTable      *hidden_kinds;     /* set of owned strings */
  GHashTable      *hidden_types;     /* set of owned strings */
  GStrv            focus;            /* NULL when none; distinct, non-empty ids */
  guint            depth;            /* 1–3 */
  int              requested_depth;  /* as given to set_focus(), for am_view_validate() */
  AmViewDirection  direction;
  char            *path_from;        /* both or neither */
  char            *path_to;
  gboolean         path_hide_others;
  char            *time_from;        /* as given (NULL: open end) */
  char            *time_to;
  gboolean         keep_undated;
  GHashTable      *collapsed;        /* set of owned group ids */
};

/* A merged edge of the derived scene: the relations between two drawn nodes (at least one
 * a collapsed group) in one direction, or undirected. */
typedef struct
{
  char       *id;            /* "merged:" + key */
  char       *source;        /* drawn node id: an entity id or "group:" + group id */
  char       *target;
  gboolean    directed;
  char       *type;          /* the relations' common type, or NULL */
  gboolean    mixed_types;   /* the relations have different types (type is NULL) */
  GPtrArray  *relation_ids;  /* borrowed from the document, NULL-terminated */
} AmViewMerged;

/* A collapsed group as the derived scene draws it. */
typedef struct
{
  const char *group_id;      /* borrowed from the groups */
  char       *node_id;       /* "group:" + group id */
  guint       n_members;     /* visible members */
} AmViewCollapsed;

struct _AmViewResult
{
  gatomicrefcount  ref_count;
  AmView          *view;
  AmDocument      *document;
  AmGroups        *groups;            /* as given to apply, or computed for a collapse; nullable */
  gboolean         whole_map;
  gboolean         hides_nothing;     /* every entity and relation shown, none collapsed */
  GHashTable      *visible;           /* set of ids borrowed from the document */
  guint            n_visible_entities;
  guint            n_visible_relations;
  GHashTable      *emphasis;          /* set of owned ids, NULL without a path */
  GPtrArray       *paths;             /* of AmViewPath (steps allocated with it) */
  guint64          n_shortest_paths;  /* every shortest path, saturated at G_MAXUINT64 */
  GHashTable      *collapsed_of;      /* entity id → group id (both borrowed) */
  GPtrArray       *collapsed_groups;  /* of AmViewCollapsed, sorted by group id */
  GPtrArray       *merged;            /* of AmViewMerged, in a stable order */
  GHashTable      *merged_by_id;      /* edge id → AmViewMerged (borrowed) */
};

/* An item's date (relation, statement) as a range: am_date_range_parse(), and also the
 * date part of a full ISO date-time, which the file format accepts too. */
gboolean _am_view_item_date_range (const char  *date,
                                   AmDateRange *range);

/* The time range of @view as days, and whether a time filter applies at all (a range, or
 * undated items left out). */
gboolean _am_view_get_day_range   (const AmView *view,
                                   AmDateRange  *range);

G_END_DECLS
