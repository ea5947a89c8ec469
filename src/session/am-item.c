/* am-item.c — one row of the lists: an actor, a relation or a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-core-enums.h"
#include "am-item.h"
#include "am-ui-util.h"

struct _AmItem
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *subtitle;
  char       *description;
  char       *group;
  char       *kind_css;
  char       *haystack;
  GStrv       map_ids;
  AmItemType  item_type;
  AmStatus    status;
};

G_DEFINE_FINAL_TYPE (AmItem, am_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ITEM_TYPE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DESCRIPTION,
  PROP_GROUP,
  PROP_KIND_CSS,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
am_item_finalize (GObject *object)
{
  AmItem *self = AM_ITEM (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->description);
  g_free (self->group);
  g_free (self->kind_css);
  g_free (self->haystack);
  g_strfreev (self->map_ids);

  G_OBJECT_CLASS (am_item_parent_class)->finalize (object);
}

static void
am_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AmItem *self = AM_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_int (value, self->item_type);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    case PROP_KIND_CSS:
      g_value_set_string (value, self->kind_css);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
am_item_class_init (AmItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_item_finalize;
  object_class->get_property = am_item_get_property;

  properties [PROP_ID] = string_property ("id");
  properties [PROP_ITEM_TYPE] =
    g_param_spec_int ("item-type", NULL, NULL, AM_ITEM_NONE, AM_ITEM_STATEMENT, AM_ITEM_NONE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] = string_property ("title");
  properties [PROP_SUBTITLE] = string_property ("subtitle");
  properties [PROP_DESCRIPTION] = string_property ("description");
  properties [PROP_GROUP] = string_property ("group");
  properties [PROP_KIND_CSS] = string_property ("kind-css");
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, AM_TYPE_STATUS, AM_STATUS_ACCEPTED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_item_init (AmItem *self)
{
}

/* Building */

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  folded = _am_ui_fold (text);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

/* Takes ownership of @haystack and @map_ids; copies the strings. */
static AmItem *
item_new (AmItemType  item_type,
          const char *id,
          const char *group,
          const char *title,
          const char *subtitle,
          const char *description,
          GString    *haystack,
          GPtrArray  *map_ids)
{
  AmItem *self = g_object_new (AM_TYPE_ITEM, NULL);

  self->item_type = item_type;
  self->id = g_strdup (id);
  self->group = g_strdup (group);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle != NULL && subtitle[0] != '\0' ? subtitle : NULL);
  self->description = g_strdup (description != NULL && description[0] != '\0' ? description : NULL);
  self->haystack = g_string_free (haystack, FALSE);
  g_ptr_array_add (map_ids, NULL);
  self->map_ids = (GStrv) g_ptr_array_free (map_ids, FALSE);

  return self;
}

static GPtrArray *
ids_new (const char *first,
         ...)
{
  GPtrArray *ids = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (ids, g_strdup (id));
  va_end (args);

  return ids;
}

static AmItem *
entity_item_new (AmEntity *entity)
{
  GString *haystack = g_string_new (NULL);
  g_autofree char *kind_label = _am_ui_kind_label (entity);
  g_autofree char *heading = _am_ui_kind_heading (entity);
  const char * const *aliases = am_entity_get_aliases (entity);
  const char *role = am_entity_get_role (entity);
  AmItem *item;

  append_folded (haystack, am_entity_get_name (entity));
  for (guint i = 0; aliases[i] != NULL; i++)
    append_folded (haystack, aliases[i]);
  append_folded (haystack, role);
  append_folded (haystack, am_entity_get_affiliation (entity));
  append_folded (haystack, kind_label);
  append_folded (haystack, am_entity_get_kind_name (entity));

  item = item_new (AM_ITEM_ENTITY, am_entity_get_id (entity), heading,
                   am_entity_get_name (entity), role ? role : kind_label,
                   am_entity_get_description (entity), haystack,
                   ids_new (am_entity_get_id (entity), NULL));
  item->kind_css = g_strdup (_am_ui_kind_css_name (entity));
  item->status = am_entity_get_status (entity);

  return item;
}

static AmItem *
relation_item_new (AmDocument *document,
                   AmRelation *relation)
{
  GString *haystack = g_string_new (NULL);
  g_autofree char *ends = _am_ui_relation_ends (document, relation);
  const char *label = am_relation_get_label (relation);
  AmItem *item;

  append_folded (haystack, label);
  append_folded (haystack, am_relation_get_rel_type (relation));
  append_folded (haystack, _am_ui_entity_name (document, am_relation_get_source (relation)));
  append_folded (haystack, _am_ui_entity_name (document, am_relation_get_target (relation)));

  item = item_new (AM_ITEM_RELATION, am_relation_get_id (relation),
                   /* Translators: a heading in the search results */
                   _("Relations"),
                   label && label[0] ? label : ends, ends, NULL, haystack,
                   ids_new (am_relation_get_id (relation),
                            am_relation_get_source (relation),
                            am_relation_get_target (relation), NULL));
  item->status = am_relation_get_status (relation);

  return item;
}

static AmItem *
statement_item_new (AmDocument  *document,
                    AmStatement *statement)
{
  GString *haystack = g_string_new (NULL);
  g_autofree char *words = _am_ui_statement_words (statement);
  const char *speaker = _am_ui_entity_name (document, am_statement_get_speaker (statement));
  const char * const *about = am_statement_get_about (statement);
  AmItem *item;

  append_folded (haystack, am_statement_get_text (statement));
  append_folded (haystack, speaker);
  for (guint i = 0; about[i] != NULL; i++)
    append_folded (haystack, _am_ui_entity_name (document, about[i]));

  /* A statement has no shape on the map: its speaker stands in for it. */
  item = item_new (AM_ITEM_STATEMENT, am_statement_get_id (statement),
                   /* Translators: a heading in the search results */
                   _("Statements"),
                   speaker, words, words, haystack,
                   ids_new (am_statement_get_speaker (statement), NULL));
  item->status = am_statement_get_status (statement);

  return item;
}

typedef struct
{
  AmEntity *entity;
  char     *key;   /* "Actor 9" before "Actor 10": a file-name collation key */
} SortEntry;

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  AmEntityKind ka = am_entity_get_kind (ea->entity);
  AmEntityKind kb = am_entity_get_kind (eb->entity);
  int ret;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  if (ka == AM_ENTITY_KIND_OTHER
      && (ret = g_strcmp0 (am_entity_get_kind_name (ea->entity), am_entity_get_kind_name (eb->entity))) != 0)
    return ret;

  return strcmp (ea->key, eb->key);
}

GPtrArray *
am_item_build_all (AmDocument *document)
{
  GListModel *entities;
  GListModel *relations;
  GListModel *statements;
  g_autofree SortEntry *sorted = NULL;
  GPtrArray *items;
  guint n_entities;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  entities = am_document_get_entities (document);
  relations = am_document_get_relations (document);
  statements = am_document_get_statements (document);
  n_entities = g_list_model_get_n_items (entities);

  items = g_ptr_array_new_full (n_entities
                                + g_list_model_get_n_items (relations)
                                + g_list_model_get_n_items (statements),
                                g_object_unref);

  /* Sort keys once per entity, not once per comparison: maps hold thousands. */
  sorted = g_new0 (SortEntry, n_entities);
  for (guint i = 0; i < n_entities; i++)
    {
      sorted[i].entity = g_list_model_get_item (entities, i);
      sorted[i].key = g_utf8_collate_key_for_filename (am_entity_get_name (sorted[i].entity), -1);
    }
  /* g_new0 (…, 0) is NULL, which qsort must not get (a new map has no actors yet). */
  if (n_entities > 1)
    qsort (sorted, n_entities, sizeof (SortEntry), compare_entities);

  for (guint i = 0; i < n_entities; i++)
    {
      g_ptr_array_add (items, entity_item_new (sorted[i].entity));
      g_object_unref (sorted[i].entity);
      g_free (sorted[i].key);
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      g_ptr_array_add (items, relation_item_new (document, relation));
    }

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

      g_ptr_array_add (items, statement_item_new (document, statement));
    }

  return items;
}

/* Accessors */

const char *
am_item_get_id (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->id;
}

AmItemType
am_item_get_item_type (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), AM_ITEM_NONE);

  return self->item_type;
}

const char *
am_item_get_title (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->title;
}

const char *
am_item_get_subtitle (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->subtitle;
}

const char *
am_item_get_description (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->description;
}

const char *
am_item_get_group (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->group;
}

const char *
am_item_get_kind_css (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->kind_css;
}

const char * const *
am_item_get_map_ids (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return (const char * const *) self->map_ids;
}

const char *
am_item_get_haystack (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), NULL);

  return self->haystack;
}

AmStatus
am_item_get_status (AmItem *self)
{
  g_return_val_if_fail (AM_IS_ITEM (self), AM_STATUS_ACCEPTED);

  return self->status;
}
