/* am-view.h — what part of the network is shown: filters, focus, paths, time, groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"
#include "am-scene.h"

G_BEGIN_DECLS

/*
 * A view is a value: which kinds and types are hidden, which actors are in focus and how
 * far, which two actors a path joins, which dates are shown, which groups are collapsed.
 * It never changes the document or lays the map out again: am_view_apply() computes what
 * is visible (AmViewResult) and am_view_result_build_scene() derives the scene to draw from
 * the scene Graphviz placed, by hiding items and merging collapsed groups.  The window, the
 * lists, the article pane and the exports all read the same AmViewResult.
 *
 * Order of application: kind/type filters and the time range first (on the whole
 * document), then focus (a breadth-first search over what the filters left), then the path
 * (every shortest path over what is left), then collapse.
 */

#define AM_VIEW_ERROR (am_view_error_quark ())

typedef enum
{
  AM_VIEW_ERROR_UNKNOWN_ID,     /* a focus or path id names no actor */
  AM_VIEW_ERROR_UNKNOWN_KIND,   /* a kind no actor of the document has */
  AM_VIEW_ERROR_UNKNOWN_TYPE,   /* a type no relation of the document has */
  AM_VIEW_ERROR_UNKNOWN_GROUP,  /* a group am_groups_compute() does not find */
  AM_VIEW_ERROR_BAD_DEPTH,      /* depth outside 1–3 */
  AM_VIEW_ERROR_BAD_DATE,       /* not YYYY, YYYY-MM or YYYY-MM-DD (a real date) */
  AM_VIEW_ERROR_BAD_RANGE,      /* from after to */
  AM_VIEW_ERROR_NO_PATH,        /* the two actors are not connected (in what is shown) */
  AM_VIEW_ERROR_PARSE,          /* am_view_from_string(): not a serialised view */
} AmViewError;

GQuark am_view_error_quark (void);

typedef enum
{
  AM_VIEW_DIRECTION_BOTH,   /* follow relations either way */
  AM_VIEW_DIRECTION_OUT,    /* source → target only (undirected relations count both ways) */
  AM_VIEW_DIRECTION_IN,     /* target → source only (undirected relations count both ways) */
} AmViewDirection;

#define AM_VIEW_MIN_DEPTH 1
#define AM_VIEW_MAX_DEPTH 3

/* ---- Dates of mixed precision -------------------------------------------------------- */

/* A date as the range of days it covers: "2021" is 2021-01-01 … 2021-12-31, "2021-03" the
 * days of March, "2021-03-16" one day.  Days are GDate Julian day numbers. */
typedef struct
{
  guint32 first;
  guint32 last;
} AmDateRange;

/* FALSE (and @range untouched) unless @iso is YYYY, YYYY-MM or YYYY-MM-DD naming a real
 * date, as docs/format.md defines them. */
gboolean am_date_range_parse    (const char        *iso,
                                 AmDateRange       *range);
/* Inclusive overlap: a month overlaps every day inside it, a year every month. */
gboolean am_date_range_overlaps (const AmDateRange *a,
                                 const AmDateRange *b);

/* ---- The view value ------------------------------------------------------------------ */

typedef struct _AmView AmView;

#define AM_TYPE_VIEW (am_view_get_type ())
GType       am_view_get_type          (void) G_GNUC_CONST;

AmView     *am_view_new               (void);          /* the whole map */
AmView     *am_view_copy              (const AmView *self);
void        am_view_free              (AmView       *self);
gboolean    am_view_equal             (const AmView *a,
                                       const AmView *b);
/* TRUE when the view shows everything as laid out (no filter, focus, path, range or
 * collapsed group). */
gboolean    am_view_is_whole_map      (const AmView *self);

/* Filters, as sets of what is hidden, so a kind or type that appears later is shown. */
void        am_view_set_kind_hidden   (AmView       *self,
                                       const char   *kind,       /* am_entity_get_kind_name() */
                                       gboolean      hidden);
gboolean    am_view_get_kind_hidden   (const AmView *self,
                                       const char   *kind);
void        am_view_set_type_hidden   (AmView       *self,
                                       const char   *type,       /* am_relation_get_rel_type() */
                                       gboolean      hidden);
gboolean    am_view_get_type_hidden   (const AmView *self,
                                       const char   *type);
void        am_view_clear_filters     (AmView       *self);
/* Sorted, NULL-terminated; free with g_strfreev(). */
GStrv       am_view_dup_hidden_kinds  (const AmView *self);
GStrv       am_view_dup_hidden_types  (const AmView *self);

/* Focus: @ids NULL or empty clears it.  @depth is clamped to 1–3. */
void        am_view_set_focus         (AmView             *self,
                                       const char * const *ids,
                                       guint               depth,
                                       AmViewDirection     direction);
const char * const *am_view_get_focus (const AmView *self);   /* NULL when none */
guint       am_view_get_depth         (const AmView *self);   /* 1 when no focus */
AmViewDirection am_view_get_direction (const AmView *self);

/* Path: both NULL clears it.  With @hide_others the actors and relations off every
 * shortest path are hidden (what `--path` exports); without, they are dimmed (the
 * window's default). */
void        am_view_set_path          (AmView       *self,
                                       const char   *from_id,
                                       const char   *to_id,
                                       gboolean      hide_others);
const char *am_view_get_path_from     (const AmView *self);
const char *am_view_get_path_to       (const AmView *self);
gboolean    am_view_get_path_hide_others (const AmView *self);

/* Time: @from and @to are ISO dates of any precision or NULL (open end); the range is
 * from's first day to to's last day.  An item is in range when its date overlaps the
 * range; undated items stay when @keep_undated.  The caller validates the strings
 * (am_date_range_parse()); unparsable ones are ignored here. */
void        am_view_set_time_range    (AmView       *self,
                                       const char   *from,
                                       const char   *to,
                                       gboolean      keep_undated);
const char *am_view_get_time_from     (const AmView *self);
const char *am_view_get_time_to       (const AmView *self);
gboolean    am_view_get_keep_undated  (const AmView *self);   /* TRUE by default */
gboolean    am_view_has_time_range    (const AmView *self);

/* Groups drawn as one node. */
void        am_view_set_collapsed     (AmView       *self,
                                       const char   *group_id,
                                       gboolean      collapsed);
gboolean    am_view_get_collapsed     (const AmView *self,
                                       const char   *group_id);
GStrv       am_view_dup_collapsed     (const AmView *self);   /* sorted */

/* A stable one-line text form (for the remembered views), and back.  Round trips exactly:
 * am_view_equal (v, am_view_from_string (am_view_to_string (v))). */
char       *am_view_to_string         (const AmView *self);
AmView     *am_view_from_string       (const char   *text,
                                       GError      **error);

/* Strict check against @document, for the command line: every focus/path id an actor,
 * every hidden kind and type one the document has, every collapsed group one
 * am_groups_compute() finds, dates ISO, from ≤ to, and a path that exists.  The message
 * names the offending value ("unknown actor 'kim-yo-jongg'"). */
gboolean    am_view_validate          (const AmView *self,
                                       AmDocument   *document,
                                       GError      **error);

/* Adds every entity kind name and every relation type of @document to @kinds and @types
 * (sets of newly allocated strings: create them with g_free as the key destroy func). */
void        am_view_collect_kinds_and_types (AmDocument *document,
                                             GHashTable *kinds,
                                             GHashTable *types);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmView, am_view_free)

/* ---- Groups ---------------------------------------------------------------------------- */

/*
 * Which actors belong together.  An entity's own `group` wins; otherwise an actor that has
 * a "role" or "membership" relation (either direction of the tie's meaning: the person or
 * member is the source) to a state or organisation belongs to that actor's group, followed
 * upwards to the top (a minister → the ministry → the state), so the bundled map groups
 * people with their states.  A state or organisation that has members heads a group whose
 * id is its own entity id; the head is a member.  An explicit `group` has that id and no
 * head unless an entity with that id exists.  Immutable; safe to share between threads.
 */
typedef struct _AmGroups AmGroups;

#define AM_TYPE_GROUPS (am_groups_get_type ())
GType       am_groups_get_type        (void) G_GNUC_CONST;

AmGroups   *am_groups_compute         (AmDocument *document);
AmGroups   *am_groups_ref             (AmGroups   *self);
void        am_groups_unref           (AmGroups   *self);

guint       am_groups_get_n_groups    (AmGroups   *self);
const char *am_groups_get_id          (AmGroups   *self,
                                       guint       index);
/* The head's name, else the document's group label, else the id. */
const char *am_groups_get_label       (AmGroups   *self,
                                       guint       index);
const char *am_groups_get_head        (AmGroups   *self,      /* entity id or NULL */
                                       guint       index);
const char * const *am_groups_get_members (AmGroups *self,   /* entity ids, sorted */
                                       guint       index);
/* The group of @entity_id, or NULL. */
const char *am_groups_lookup          (AmGroups   *self,
                                       const char *entity_id);
/* Index of the group with @group_id, or -1. */
gint        am_groups_find            (AmGroups   *self,
                                       const char *group_id);
/* entity id → group id for every grouped actor (borrowed; for the layout's clusters). */
GHashTable *am_groups_get_map         (AmGroups   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmGroups, am_groups_unref)

/* ---- Applying a view ----------------------------------------------------------------- */

typedef struct
{
  const char *from;          /* entity id */
  const char *relation_id;
  const char *to;            /* entity id */
  gboolean    forward;       /* TRUE when the relation runs from → to */
} AmViewStep;

typedef struct
{
  guint             n_steps;
  const AmViewStep *steps;
} AmViewPath;

typedef struct _AmViewResult AmViewResult;

#define AM_TYPE_VIEW_RESULT (am_view_result_get_type ())
GType         am_view_result_get_type   (void) G_GNUC_CONST;

/*
 * What @view shows of @document.  Never fails: ids, kinds, types and groups the document
 * does not have are ignored (the view outlives reloads and edits).  @groups may be NULL
 * (computed when a group is collapsed).  Cost is linear in the document (plus the
 * breadth-first searches); 5 000 actors take a few milliseconds.
 */
AmViewResult *am_view_apply              (const AmView *view,
                                          AmDocument   *document,
                                          AmGroups     *groups);
AmViewResult *am_view_result_ref         (AmViewResult *self);
void          am_view_result_unref       (AmViewResult *self);

const AmView *am_view_result_get_view    (AmViewResult *self);
gboolean      am_view_result_is_whole_map (AmViewResult *self);

/* Visibility of an entity, relation or statement id (statements: the speaker is visible
 * and the date is in range). */
gboolean      am_view_result_is_visible  (AmViewResult *self,
                                          const char   *id);
/* Set of every visible entity, relation and statement id (borrowed). */
GHashTable   *am_view_result_get_visible (AmViewResult *self);
guint         am_view_result_get_n_visible_entities  (AmViewResult *self);
guint         am_view_result_get_n_visible_relations (AmViewResult *self);

/* Path mode: the ids (entities and relations) on some shortest path, for dimming the rest;
 * NULL when the view has no path.  Empty paths (not connected): n_paths is 0.  A collapsed
 * group's node ("group:…") and a merged edge ("merged:…") carrying any of them are in it
 * too, so the derived scene dims exactly what the ids say. */
GHashTable   *am_view_result_get_emphasis (AmViewResult *self);
/* How many paths am_view_result_get_path() lists: min (every shortest path,
 * AM_VIEW_MAX_PATHS). */
guint         am_view_result_get_n_paths  (AmViewResult *self);
/* How many shortest paths there are in all, listed or not (saturates at G_MAXUINT64). */
guint64       am_view_result_get_n_shortest_paths (AmViewResult *self);
/* Every shortest path, in a stable order (by the ids along it); at most
 * AM_VIEW_MAX_PATHS are listed (the emphasis set covers all of them). */
#define AM_VIEW_MAX_PATHS 64
const AmViewPath *am_view_result_get_path (AmViewResult *self,
                                           guint         index);

/* Collapse: the group an entity is drawn in when its group is collapsed, else NULL; and for
 * an edge of the derived scene that merges relations, the relation ids it carries (NULL
 * for an ordinary edge). */
const char   *am_view_result_get_collapsed_group (AmViewResult *self,
                                                  const char   *entity_id);
const char * const *am_view_result_get_merged    (AmViewResult *self,
                                                  const char   *edge_id);

/*
 * The scene to draw: @laid_out without the hidden nodes and edges, and each collapsed
 * group as one node (id "group:" + group id, kind of its head or "group", label "Name (n)",
 * centred on its visible members, sized with the layout's text metrics) with the members'
 * relations to the outside merged into one straight edge per pair and direction, labelled
 * with how many relations it carries ("3 relations"), or with the relation's own label
 * when it carries one (id "merged:" + a stable key).
 * Relations inside a collapsed group are hidden.  Graphviz does not run.  Returns a new
 * reference to @laid_out itself when the view is the whole map.
 */
AmScene      *am_view_result_build_scene (AmViewResult  *self,
                                          const AmScene *laid_out,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmViewResult, am_view_result_unref)

G_END_DECLS
