/* am-view-groups.c — which actors belong together (explicit groups, and people with their
 * states through role and membership ties)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-view-private.h"

typedef struct
{
  char  *id;
  char  *label;
  char  *head;        /* entity id or NULL */
  GStrv  members;     /* sorted */
} Group;

struct _AmGroups
{
  gatomicrefcount  ref_count;
  GPtrArray       *groups;    /* of Group, sorted by id */
  GHashTable      *index;     /* group id → index + 1 */
  GHashTable      *map;       /* entity id → group id (both owned by the groups) */
};

G_DEFINE_BOXED_TYPE (AmGroups, am_groups, am_groups_ref, am_groups_unref)

static void
group_free (Group *group)
{
  g_free (group->id);
  g_free (group->label);
  g_free (group->head);
  g_strfreev (group->members);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(const Group * const *) a;
  const Group *gb = *(const Group * const *) b;

  return strcmp (ga->id, gb->id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_state_or_organization (AmEntity *entity)
{
  AmEntityKind kind = am_entity_get_kind (entity);

  return kind == AM_ENTITY_KIND_STATE || kind == AM_ENTITY_KIND_ORGANIZATION;
}

/* A tie that makes its source part of its target: "role" (a person's office) or
 * "membership" (an organisation in a larger one). */
static gboolean
is_belonging (AmRelation *relation)
{
  const char *type = am_relation_get_rel_type (relation);

  return g_strcmp0 (type, "role") == 0 || g_strcmp0 (type, "membership") == 0;
}

typedef struct
{
  guint        n;
  AmEntity   **entities;     /* borrowed from the document */
  gint        *parent;       /* index of what it belongs to, or -1 */
  gint        *top;          /* the top of its chain, -1 while unknown */
  guint       *walk_mark;    /* the walk that last visited it, 0: none */
} Forest;

/* The entity at the top of @i's chain of belonging: one with its own group, or one that
 * belongs to nothing.  A cycle's top is its member with the smallest id, whichever entity
 * the walk started from.  Every entity walked through learns its top, so all the chains
 * together cost linear time. */
static guint
find_top (Forest *forest,
          guint   i,
          guint   walk_id,
          GArray *walk)
{
  guint x = i;
  guint top;

  g_array_set_size (walk, 0);
  for (;;)
    {
      if (forest->top[x] >= 0)
        {
          top = (guint) forest->top[x];
          break;
        }
      if (am_entity_get_group (forest->entities[x]) != NULL || forest->parent[x] < 0)
        {
          top = x;
          break;
        }
      if (forest->walk_mark[x] == walk_id)
        {
          /* Back at an entity of this walk: the walk from there on is a cycle. */
          guint k = walk->len;

          top = x;
          while (k > 0 && g_array_index (walk, guint, k - 1) != x)
            {
              guint y = g_array_index (walk, guint, --k);

              if (strcmp (am_entity_get_id (forest->entities[y]),
                          am_entity_get_id (forest->entities[top])) < 0)
                top = y;
            }
          forest->parent[top] = -1;
          break;
        }
      forest->walk_mark[x] = walk_id;
      g_array_append_val (walk, x);
      x = (guint) forest->parent[x];
    }
  for (guint k = 0; k < walk->len; k++)
    forest->top[g_array_index (walk, guint, k)] = (gint) top;
  forest->top[top] = (gint) top;
  return top;
}

/**
 * am_groups_compute:
 *
 * An entity's own `group` wins.  Otherwise the first role or membership tie (in file
 * order) from the entity to a state or organisation makes it part of that actor's group,
 * followed upwards: a minister → the ministry → the state.  A group made that way needs a
 * member besides its head; an explicit group may have one member.
 */
AmGroups *
am_groups_compute (AmDocument *document)
{
  GListModel *entities_model, *relations_model;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) members = NULL;   /* group id → GPtrArray of entity ids */
  g_autofree gint *parent = NULL;
  g_autofree gint *top = NULL;
  g_autofree guint *walk_mark = NULL;
  g_autoptr(GArray) walk = NULL;
  g_autofree AmEntity **entities = NULL;
  Forest forest;
  AmGroups *self;
  guint n, n_relations;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  entities_model = am_document_get_entities (document);
  relations_model = am_document_get_relations (document);
  n = g_list_model_get_n_items (entities_model);
  n_relations = g_list_model_get_n_items (relations_model);

  entities = g_new0 (AmEntity *, MAX (n, 1));
  parent = g_new (gint, MAX (n, 1));
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities_model, i);

      entities[i] = entity;   /* the document holds it */
      parent[i] = -1;
      g_hash_table_insert (by_id, (gpointer) am_entity_get_id (entity), GUINT_TO_POINTER (i + 1));
    }

  for (guint r = 0; r < n_relations; r++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations_model, r);
      guint s, t;

      if (!is_belonging (relation))
        continue;
      s = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, am_relation_get_source (relation)));
      t = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, am_relation_get_target (relation)));
      if (s == 0 || t == 0 || s == t || parent[s - 1] >= 0)
        continue;
      if (!is_state_or_organization (entities[t - 1]))
        continue;
      parent[s - 1] = (gint) (t - 1);
    }

  top = g_new (gint, MAX (n, 1));
  walk_mark = g_new0 (guint, MAX (n, 1));
  walk = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    top[i] = -1;
  forest.n = n;
  forest.entities = entities;
  forest.parent = parent;
  forest.top = top;
  forest.walk_mark = walk_mark;

  members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n; i++)
    {
      guint t = find_top (&forest, i, i + 1, walk);
      const char *group_id = am_entity_get_group (entities[t]);
      GPtrArray *list;

      if (group_id == NULL)
        group_id = am_entity_get_id (entities[t]);
      list = g_hash_table_lookup (members, group_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (members, (gpointer) group_id, list);
        }
      g_ptr_array_add (list, (gpointer) am_entity_get_id (entities[i]));
    }

  self = g_new0 (AmGroups, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->map = g_hash_table_new (g_str_hash, g_str_equal);

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, members);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const char *group_id = key;
        GPtrArray *list = value;
        guint head = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, group_id));
        gboolean is_explicit = FALSE;
        Group *group;

        for (guint k = 0; k < list->len && !is_explicit; k++)
          {
            guint m = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, list->pdata[k]));

            is_explicit = am_entity_get_group (entities[m - 1]) != NULL;
          }
        /* A state or organisation with no member but itself is no group. */
        if (!is_explicit && list->len < 2)
          continue;

        group = g_new0 (Group, 1);
        group->id = g_strdup (group_id);
        g_ptr_array_sort (list, compare_strings);
        g_ptr_array_add (list, NULL);
        group->members = g_strdupv ((GStrv) list->pdata);
        if (head != 0)
          group->head = g_strdup (group_id);
        if (head != 0 && am_entity_get_name (entities[head - 1])[0] != '\0')
          group->label = g_strdup (am_entity_get_name (entities[head - 1]));
        else if (am_document_get_group_label (document, group_id) != NULL)
          group->label = g_strdup (am_document_get_group_label (document, group_id));
        else
          group->label = g_strdup (group_id);
        g_ptr_array_add (self->groups, group);
      }
  }

  g_ptr_array_sort (self->groups, compare_groups);
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = self->groups->pdata[g];

      g_hash_table_insert (self->index, group->id, GUINT_TO_POINTER (g + 1));
      for (guint k = 0; group->members[k] != NULL; k++)
        g_hash_table_insert (self->map, group->members[k], group->id);
    }

  return self;
}

AmGroups *
am_groups_ref (AmGroups *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
am_groups_unref (AmGroups *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->map);
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->groups);
  g_free (self);
}

guint
am_groups_get_n_groups (AmGroups *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->groups->len;
}

static Group *
get_group (AmGroups *self,
           guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);

  return self->groups->pdata[index];
}

const char *
am_groups_get_id (AmGroups *self,
                  guint     index)
{
  Group *group = get_group (self, index);

  return group != NULL ? group->id : NULL;
}

const char *
am_groups_get_label (AmGroups *self,
                     guint     index)
{
  Group *group = get_group (self, index);

  return group != NULL ? group->label : NULL;
}

const char *
am_groups_get_head (AmGroups *self,
                    guint     index)
{
  Group *group = get_group (self, index);

  return group != NULL ? group->head : NULL;
}

const char * const *
am_groups_get_members (AmGroups *self,
                       guint     index)
{
  Group *group = get_group (self, index);

  return group != NULL ? (const char * const *) group->members : NULL;
}

const char *
am_groups_lookup (AmGroups   *self,
                  const char *entity_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return entity_id != NULL ? g_hash_table_lookup (self->map, entity_id) : NULL;
}

gint
am_groups_find (AmGroups   *self,
                const char *group_id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (group_id == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->index, group_id)) - 1;
}

GHashTable *
am_groups_get_map (AmGroups *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->map;
}
