/* am-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-array-model-private.h"
#include "am-core-private.h"
#include "am-document-private.h"

/*
 * Immutable once _am_document_new() returns: the list stores are filled in one splice
 * and never changed again, the hash tables only index objects the stores own, and
 * every string is owned by the document or by one of its objects.  So a view may hold
 * on to the list models and their items for as long as it holds the document, and the
 * document may be built on one thread and used on another.
 *
 * The index tables borrow their keys (ids) and values (objects) from the objects in the
 * stores; the GPtrArray values of the *_by_* tables are owned by the tables.
 */
struct _AmDocument
{
  GObject     parent_instance;

  AmDocumentOrigin origin;

  char       *title;
  char       *date;
  char       *publisher;
  char       *source;
  char       *url;
  char      **paragraphs;            /* never NULL */
  guint       n_paragraphs;

  /* Fixed once built, and read from worker threads: see am-array-model.c. */
  AmArrayModel *entities;
  AmArrayModel *relations;
  AmArrayModel *statements;

  GHashTable *entity_by_id;          /* id → AmEntity */
  GHashTable *relation_by_id;        /* id → AmRelation */
  GHashTable *statement_by_id;       /* id → AmStatement */
  GHashTable *relations_by_entity;   /* entity id → GPtrArray of AmRelation */
  GHashTable *statements_by_speaker; /* entity id → GPtrArray of AmStatement */
  GHashTable *statements_about;      /* entity id → GPtrArray of AmStatement */

  GHashTable *graph_attributes;      /* utf8 → utf8, owned; never NULL */
  GHashTable *group_labels;          /* group id → label, owned; never NULL */
};

G_DEFINE_FINAL_TYPE (AmDocument, am_document, G_TYPE_OBJECT)

void
_am_article_info_clear (AmArticleInfo *info)
{
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->date, g_free);
  g_clear_pointer (&info->publisher, g_free);
  g_clear_pointer (&info->source, g_free);
  g_clear_pointer (&info->url, g_free);
  g_clear_pointer (&info->paragraphs, g_strfreev);
}

static void
am_document_finalize (GObject *object)
{
  AmDocument *self = AM_DOCUMENT (object);

  /* The indexes borrow from the stores' objects: drop them first. */
  g_clear_pointer (&self->entity_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relation_by_id, g_hash_table_unref);
  g_clear_pointer (&self->statement_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relations_by_entity, g_hash_table_unref);
  g_clear_pointer (&self->statements_by_speaker, g_hash_table_unref);
  g_clear_pointer (&self->statements_about, g_hash_table_unref);
  g_clear_pointer (&self->graph_attributes, g_hash_table_unref);
  g_clear_pointer (&self->group_labels, g_hash_table_unref);

  g_clear_object (&self->entities);
  g_clear_object (&self->relations);
  g_clear_object (&self->statements);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->paragraphs, g_strfreev);

  G_OBJECT_CLASS (am_document_parent_class)->finalize (object);
}

static void
am_document_class_init (AmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_document_finalize;
}

static GHashTable *
new_multimap (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) g_ptr_array_unref);
}

static void
am_document_init (AmDocument *self)
{
  self->entities = _am_array_model_new (AM_TYPE_ENTITY, NULL);
  self->relations = _am_array_model_new (AM_TYPE_RELATION, NULL);
  self->statements = _am_array_model_new (AM_TYPE_STATEMENT, NULL);
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->statement_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations_by_entity = new_multimap ();
  self->statements_by_speaker = new_multimap ();
  self->statements_about = new_multimap ();
  self->graph_attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Appends @item under @key unless it is already the last item there, which is enough
 * to keep one entry per object: each object is indexed in one go. */
static void
multimap_add (GHashTable *map,
              const char *key,
              gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (map, key);

  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (map, (gpointer) key, items);
    }

  if (items->len == 0 || g_ptr_array_index (items, items->len - 1) != item)
    g_ptr_array_add (items, item);
}

AmDocument *
_am_document_new (AmArticleInfo *article,
                  GPtrArray     *entities,
                  GPtrArray     *relations,
                  GPtrArray     *statements)
{
  AmDocument *self = g_object_new (AM_TYPE_DOCUMENT, NULL);

  if (article != NULL)
    {
      self->title = g_steal_pointer (&article->title);
      self->date = g_steal_pointer (&article->date);
      self->publisher = g_steal_pointer (&article->publisher);
      self->source = g_steal_pointer (&article->source);
      self->url = g_steal_pointer (&article->url);
      self->paragraphs = g_steal_pointer (&article->paragraphs);
    }
  if (self->paragraphs == NULL)
    self->paragraphs = g_new0 (char *, 1);
  self->n_paragraphs = g_strv_length (self->paragraphs);

  /* Replaces the empty lists of am_document_init(). */
  g_clear_object (&self->entities);
  g_clear_object (&self->relations);
  g_clear_object (&self->statements);
  self->entities = _am_array_model_new (AM_TYPE_ENTITY, entities);
  self->relations = _am_array_model_new (AM_TYPE_RELATION, relations);
  self->statements = _am_array_model_new (AM_TYPE_STATEMENT, statements);

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      AmEntity *entity = g_ptr_array_index (entities, i);

      g_hash_table_insert (self->entity_by_id, (gpointer) am_entity_get_id (entity), entity);
    }

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AmRelation *relation = g_ptr_array_index (relations, i);

      g_hash_table_insert (self->relation_by_id,
                           (gpointer) am_relation_get_id (relation), relation);
      multimap_add (self->relations_by_entity, am_relation_get_source (relation), relation);
      multimap_add (self->relations_by_entity, am_relation_get_target (relation), relation);
    }

  for (guint i = 0; statements != NULL && i < statements->len; i++)
    {
      AmStatement *statement = g_ptr_array_index (statements, i);
      const char * const *ids;

      g_hash_table_insert (self->statement_by_id,
                           (gpointer) am_statement_get_id (statement), statement);
      multimap_add (self->statements_by_speaker, am_statement_get_speaker (statement),
                    statement);

      /* about and addressees together: one entry per statement and entity, and the
       * duplicates that are not adjacent are caught by the scan below. */
      ids = am_statement_get_about (statement);
      for (guint j = 0; ids[j] != NULL; j++)
        multimap_add (self->statements_about, ids[j], statement);
      ids = am_statement_get_addressees (statement);
      for (guint j = 0; ids[j] != NULL; j++)
        multimap_add (self->statements_about, ids[j], statement);
    }

  return self;
}

static gboolean
check_id (GHashTable  *seen,
          const char  *what,
          guint        index,
          const char  *id,
          GError     **error)
{
  const char *previous;

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                   /* Translators: an error in a graph read from a file; the placeholders are, in
                      order: what, index */
                   _("%s[%u]: empty id"), what, index);
      return FALSE;
    }

  previous = g_hash_table_lookup (seen, id);
  if (previous != NULL)
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_DUPLICATE_ID,
                   /* Translators: an error in a graph read from a file; the placeholders are, in
                      order: what, index, id, id, previous */
                   _("%s[%u] (%s): duplicate id '%s', already used by %s"),
                   what, index, id, id, previous);
      return FALSE;
    }

  g_hash_table_insert (seen, (gpointer) id, g_strdup_printf ("%s[%u]", what, index));
  return TRUE;
}

/* Copies the string pairs of @src into @dest, refusing keys that are empty or not
 * UTF-8 and values that are not UTF-8. */
static gboolean
copy_string_table (GHashTable  *dest,
                   GHashTable  *src,
                   const char  *what,
                   GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (src == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (key == NULL || *(const char *) key == '\0' || !g_utf8_validate (key, -1, NULL) ||
          value == NULL || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                       /* Translators: an error in a graph read from a file; the placeholders are,
                          in order: what */
                       _("%s: an empty key, or a key or value that is not valid UTF-8"), what);
          return FALSE;
        }
      g_hash_table_insert (dest, g_strdup (key), g_strdup (value));
    }

  return TRUE;
}

/**
 * am_document_new_from_objects:
 * @title: (nullable): the document title (the DOT graph's name)
 * @entities: (element-type AmEntity) (transfer none): the entities
 * @relations: (element-type AmRelation) (transfer none) (nullable): the relations
 * @error: return location for an error in %AM_MODEL_ERROR
 *
 * Builds a document from objects made elsewhere, checking them like the loader does:
 * ids non-empty and unique across entities and relations (%AM_MODEL_ERROR_INVALID_VALUE,
 * %AM_MODEL_ERROR_DUPLICATE_ID), every relation end an entity of @entities
 * (%AM_MODEL_ERROR_UNKNOWN_REFERENCE).  The messages name the array and index
 * ("relations[3] (e7): 'target' refers to unknown entity 'n9'") but no file: callers
 * prefix their own file name with g_prefix_error().
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_new_from_objects (const char  *title,
                              GPtrArray   *entities,
                              GPtrArray   *relations,
                              GError     **error)
{
  g_return_val_if_fail (entities != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return am_document_new_from_graph (title, entities, relations, NULL, NULL, error);
}

/**
 * am_document_new_from_graph:
 * @title: (nullable): the document title (the DOT graph's label or name)
 * @entities: (element-type AmEntity) (transfer none): the entities
 * @relations: (element-type AmRelation) (transfer none) (nullable): the relations
 * @graph_attributes: (element-type utf8 utf8) (transfer none) (nullable): graph-level
 *   attributes that guide the layout ("rankdir", "nodesep", …), already filtered
 * @group_labels: (element-type utf8 utf8) (transfer none) (nullable): the label of each
 *   group (DOT cluster) id
 * @error: return location for an error in %AM_MODEL_ERROR
 *
 * Like am_document_new_from_objects(), and also keeps copies of the two tables, which
 * am_document_get_graph_attributes() and am_document_get_group_label() return.  Keys
 * must be non-empty and keys and values valid UTF-8 (%AM_MODEL_ERROR_INVALID_VALUE).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_new_from_graph (const char  *title,
                            GPtrArray   *entities,
                            GPtrArray   *relations,
                            GHashTable  *graph_attributes,
                            GHashTable  *group_labels,
                            GError     **error)
{
  return am_document_new_imported (AM_DOCUMENT_ORIGIN_MODEL, title, entities, relations,
                                   graph_attributes, group_labels, error);
}

/**
 * am_document_new_imported:
 * @origin: where the objects came from
 * @title: (nullable): the document title (the DOT graph's label or name)
 * @entities: (element-type AmEntity) (transfer none): the entities
 * @relations: (element-type AmRelation) (transfer none) (nullable): the relations
 * @graph_attributes: (element-type utf8 utf8) (transfer none) (nullable): graph-level
 *   attributes that guide the layout, already filtered
 * @group_labels: (element-type utf8 utf8) (transfer none) (nullable): the label of each
 *   group (DOT cluster) id
 * @error: return location for an error in %AM_MODEL_ERROR
 *
 * Like am_document_new_from_graph(); am_document_get_origin() then returns @origin.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_new_imported (AmDocumentOrigin  origin,
                          const char       *title,
                          GPtrArray        *entities,
                          GPtrArray        *relations,
                          GHashTable       *graph_attributes,
                          GHashTable       *group_labels,
                          GError          **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) entity_ids = NULL;
  g_autoptr(GHashTable) attributes_copy = NULL;
  g_autoptr(GHashTable) labels_copy = NULL;
  AmArticleInfo article = { 0 };
  AmDocument *document;

  g_return_val_if_fail (origin == AM_DOCUMENT_ORIGIN_MODEL ||
                        origin == AM_DOCUMENT_ORIGIN_GRAPHVIZ ||
                        origin == AM_DOCUMENT_ORIGIN_NETWORK, NULL);
  g_return_val_if_fail (entities != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < entities->len; i++)
    g_return_val_if_fail (AM_IS_ENTITY (g_ptr_array_index (entities, i)), NULL);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    g_return_val_if_fail (AM_IS_RELATION (g_ptr_array_index (relations, i)), NULL);

  if (title != NULL && !g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                           _("the title is not valid UTF-8"));
      return NULL;
    }

  attributes_copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  labels_copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!copy_string_table (attributes_copy, graph_attributes, "graph attributes", error) ||
      !copy_string_table (labels_copy, group_labels, "group labels", error))
    return NULL;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  entity_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entities->len; i++)
    {
      const char *id = am_entity_get_id (g_ptr_array_index (entities, i));

      if (!check_id (seen, "entities", i, id, error))
        return NULL;
      g_hash_table_add (entity_ids, (gpointer) id);
    }

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AmRelation *relation = g_ptr_array_index (relations, i);
      const char *id = am_relation_get_id (relation);
      const char *ends[2] = { am_relation_get_source (relation),
                              am_relation_get_target (relation) };
      const char *end_names[2] = { "source", "target" };

      if (!check_id (seen, "relations", i, id, error))
        return NULL;

      for (guint j = 0; j < G_N_ELEMENTS (ends); j++)
        {
          if (!g_hash_table_contains (entity_ids, ends[j]))
            {
              g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                           /* Translators: an error in a graph read from a file; the placeholders
                              are, in order: i, id, end_names[j], ends[j] */
                           _("relations[%u] (%s): '%s' refers to unknown entity '%s'"),
                           i, id, end_names[j], ends[j]);
              return NULL;
            }
        }
    }

  article.title = g_strdup (title);
  document = _am_document_new (&article, entities, relations, NULL);
  _am_article_info_clear (&article);

  g_clear_pointer (&document->graph_attributes, g_hash_table_unref);
  g_clear_pointer (&document->group_labels, g_hash_table_unref);
  document->graph_attributes = g_steal_pointer (&attributes_copy);
  document->group_labels = g_steal_pointer (&labels_copy);
  document->origin = origin;

  return document;
}

GHashTable *
_am_document_get_group_labels (AmDocument *self)
{
  return self->group_labels;
}

void
_am_document_set_graph (AmDocument       *self,
                        AmDocumentOrigin  origin,
                        GHashTable       *graph_attributes,
                        GHashTable       *group_labels)
{
  g_clear_pointer (&self->graph_attributes, g_hash_table_unref);
  g_clear_pointer (&self->group_labels, g_hash_table_unref);
  self->graph_attributes = _am_string_table_copy (graph_attributes);
  self->group_labels = _am_string_table_copy (group_labels);
  self->origin = origin;
}

/**
 * am_document_get_graph_attributes:
 * @self: a document
 *
 * Graph-level layout hints of an imported graph (see docs/graphviz-import.md); empty
 * for Actormap's own JSON files.
 *
 * Returns: (element-type utf8 utf8) (transfer none): the table, never %NULL
 */
GHashTable *
am_document_get_graph_attributes (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return self->graph_attributes;
}

/**
 * am_document_get_group_label:
 * @self: a document
 * @group: a group id, as am_entity_get_group() returns it
 *
 * Returns: (nullable): the label drawn on the group's cluster (maybe empty), or %NULL
 *   when the document gives none (then the id is the label)
 */
const char *
am_document_get_group_label (AmDocument *self,
                             const char *group)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  return g_hash_table_lookup (self->group_labels, group);
}

/**
 * am_document_get_origin:
 * @self: a document
 *
 * Returns: %AM_DOCUMENT_ORIGIN_GRAPHVIZ for an imported DOT file, otherwise
 *   %AM_DOCUMENT_ORIGIN_MODEL
 */
AmDocumentOrigin
am_document_get_origin (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), AM_DOCUMENT_ORIGIN_MODEL);

  return self->origin;
}

/**
 * am_document_get_title:
 * Returns: (nullable): the article's title
 */
const char *
am_document_get_title (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * am_document_get_date:
 * Returns: (nullable): the article's ISO 8601 date
 */
const char *
am_document_get_date (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return self->date;
}

/**
 * am_document_get_publisher:
 * Returns: (nullable): the article's publisher
 */
const char *
am_document_get_publisher (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return self->publisher;
}

/**
 * am_document_get_source:
 * Returns: (nullable): where the story comes from
 */
const char *
am_document_get_source (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return self->source;
}

/**
 * am_document_get_url:
 * Returns: (nullable): the article's http(s) URL
 */
const char *
am_document_get_url (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return self->url;
}

/**
 * am_document_get_paragraphs:
 * Returns: (transfer none) (array zero-terminated=1): the paragraphs, verbatim; an
 *   empty array when the file has no article
 */
const char * const *
am_document_get_paragraphs (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return (const char * const *) self->paragraphs;
}

guint
am_document_get_n_paragraphs (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), 0);

  return self->n_paragraphs;
}

/**
 * am_document_get_entities:
 * Returns: (transfer none): a list model of #AmEntity, in file order; it never changes
 */
GListModel *
am_document_get_entities (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->entities);
}

/**
 * am_document_get_relations:
 * Returns: (transfer none): a list model of #AmRelation, in file order; it never changes
 */
GListModel *
am_document_get_relations (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->relations);
}

/**
 * am_document_get_statements:
 * Returns: (transfer none): a list model of #AmStatement, in file order; it never changes
 */
GListModel *
am_document_get_statements (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->statements);
}

/**
 * am_document_lookup_entity:
 * Returns: (transfer none) (nullable): the entity with @id
 */
AmEntity *
am_document_lookup_entity (AmDocument *self,
                           const char *id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->entity_by_id, id) : NULL;
}

/**
 * am_document_lookup_relation:
 * Returns: (transfer none) (nullable): the relation with @id
 */
AmRelation *
am_document_lookup_relation (AmDocument *self,
                             const char *id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->relation_by_id, id) : NULL;
}

/**
 * am_document_lookup_statement:
 * Returns: (transfer none) (nullable): the statement with @id
 */
AmStatement *
am_document_lookup_statement (AmDocument *self,
                              const char *id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->statement_by_id, id) : NULL;
}

static GPtrArray *
multimap_copy (GHashTable *map,
               const char *key)
{
  GPtrArray *items = key != NULL ? g_hash_table_lookup (map, key) : NULL;

  if (items == NULL)
    return g_ptr_array_new ();

  return g_ptr_array_copy (items, NULL, NULL);
}

/**
 * am_document_relations_of:
 * @entity_id: an entity id
 *
 * Returns: (element-type AmRelation) (transfer container): the relations with
 *   @entity_id at either end, in file order, each once (a self-loop too); empty for
 *   an unknown id
 */
GPtrArray *
am_document_relations_of (AmDocument *self,
                          const char *entity_id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return multimap_copy (self->relations_by_entity, entity_id);
}

/**
 * am_document_statements_by:
 * @entity_id: an entity id
 *
 * Returns: (element-type AmStatement) (transfer container): the statements spoken by
 *   @entity_id, in file order
 */
GPtrArray *
am_document_statements_by (AmDocument *self,
                           const char *entity_id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  return multimap_copy (self->statements_by_speaker, entity_id);
}

/**
 * am_document_statements_about:
 * @entity_id: an entity id
 *
 * Returns: (element-type AmStatement) (transfer container): the statements about or
 *   addressed to @entity_id, in file order, each once
 */
GPtrArray *
am_document_statements_about (AmDocument *self,
                              const char *entity_id)
{
  GPtrArray *items;
  g_autoptr(GHashTable) seen = NULL;
  guint out = 0;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  items = multimap_copy (self->statements_about, entity_id);

  /* A statement that lists the entity both in about and in addressees, or twice in
   * one of them with others in between, was indexed twice: keep the first. */
  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (g_hash_table_add (seen, item))
        items->pdata[out++] = item;
    }
  g_ptr_array_set_size (items, out);

  return items;
}

static gboolean
evidence_matches (GPtrArray *evidence,
                  guint      paragraph,
                  gssize     offset)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      const AmEvidence *ev = g_ptr_array_index (evidence, i);
      gssize start;

      if (am_evidence_get_paragraph (ev) != paragraph)
        continue;
      if (offset < 0)
        return TRUE;

      start = am_evidence_get_offset (ev);
      if (start >= 0 && offset >= start &&
          (gsize) (offset - start) < strlen (am_evidence_get_text (ev)))
        return TRUE;
    }

  return FALSE;
}

/**
 * am_document_find_by_evidence:
 * @paragraph: a paragraph index
 * @offset: a byte offset in that paragraph, or -1 for the whole paragraph
 *
 * Finds everything whose evidence lies in @paragraph and, when @offset ≥ 0, covers
 * that byte.  Evidence whose offset is unknown (-1) only matches whole paragraphs.
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the entities, then
 *   the relations, then the statements, each in file order and each once; never %NULL
 */
char **
am_document_find_by_evidence (AmDocument *self,
                              guint       paragraph,
                              gssize      offset)
{
  GStrvBuilder *builder;
  char **ids;
  guint n;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  builder = g_strv_builder_new ();

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->entities), i);

      if (evidence_matches (am_entity_get_evidence (entity), paragraph, offset))
        g_strv_builder_add (builder, am_entity_get_id (entity));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmRelation) relation =
        g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      if (evidence_matches (am_relation_get_evidence (relation), paragraph, offset))
        g_strv_builder_add (builder, am_relation_get_id (relation));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->statements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmStatement) statement =
        g_list_model_get_item (G_LIST_MODEL (self->statements), i);

      if (evidence_matches (am_statement_get_evidence (statement), paragraph, offset))
        g_strv_builder_add (builder, am_statement_get_id (statement));
    }

  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}
