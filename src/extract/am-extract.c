/* am-extract.c — the draft read from an article, as suggested items of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-extract.h"
#include "am-extract-private.h"

static GPtrArray *
evidence_of (GArray *draft_evidence)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);

  for (guint i = 0; i < draft_evidence->len; i++)
    {
      AmDraftEvidence *e = &g_array_index (draft_evidence, AmDraftEvidence, i);

      g_ptr_array_add (out, am_evidence_new (e->paragraph, e->text, -1));
    }
  return out;
}

/* Folded names and aliases of the actors @document has → their ids. */
static GHashTable *
existing_names (AmDocument *document)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *entities = am_document_get_entities (document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = am_entity_get_aliases (entity);

      g_hash_table_insert (names, _am_extract_fold (am_entity_get_name (entity)),
                           g_strdup (am_entity_get_id (entity)));
      for (guint j = 0; aliases[j] != NULL; j++)
        {
          char *key = _am_extract_fold (aliases[j]);

          if (g_hash_table_contains (names, key))
            g_free (key);
          else
            g_hash_table_insert (names, key, g_strdup (am_entity_get_id (entity)));
        }
    }
  return names;
}

/* The same evidence, or evidence in the same paragraph that holds the other's or is held
 * by it: the document already has that statement, maybe cited a little differently. */
static gboolean
has_statement_with_evidence (AmDocument      *document,
                             AmDraftEvidence *evidence)
{
  GListModel *statements = am_document_get_statements (document);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);
      GPtrArray *items = am_statement_get_evidence (statement);

      for (guint j = 0; j < items->len; j++)
        {
          AmEvidence *e = g_ptr_array_index (items, j);

          if (am_evidence_get_paragraph (e) == evidence->paragraph
              && (strstr (am_evidence_get_text (e), evidence->text) != NULL
                  || strstr (evidence->text, am_evidence_get_text (e)) != NULL))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_relation (AmDocument *document,
              const char *source,
              const char *target,
              const char *label)
{
  GListModel *relations = am_document_get_relations (document);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (g_str_equal (am_relation_get_source (relation), source)
          && g_str_equal (am_relation_get_target (relation), target)
          && g_strcmp0 (am_relation_get_label (relation), label) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The id of a draft actor in the result: the document's own actor when it has one by
 * that name or alias, else a new suggested entity. */
static char **
put_actors (AmDocumentBuilder *builder,
            AmDocument        *document,
            AmDraft           *draft)
{
  g_autoptr(GHashTable) names = existing_names (document);
  char **ids = g_new0 (char *, draft->actors->len + 1);

  for (guint i = 0; i < draft->actors->len; i++)
    {
      AmDraftActor *actor = g_ptr_array_index (draft->actors, i);
      g_autofree char *folded = _am_extract_fold (actor->name);
      const char *existing = g_hash_table_lookup (names, folded);
      g_autoptr(GPtrArray) evidence = NULL;
      g_autoptr(GPtrArray) aliases = NULL;
      g_autoptr(AmEntity) entity = NULL;

      for (guint j = 0; existing == NULL && j < actor->aliases->len; j++)
        {
          g_autofree char *alias = _am_extract_fold (g_ptr_array_index (actor->aliases, j));

          existing = g_hash_table_lookup (names, alias);
        }
      if (existing != NULL)
        {
          ids[i] = g_strdup (existing);
          continue;
        }

      ids[i] = am_document_builder_make_id (builder, "", actor->name);
      evidence = evidence_of (actor->evidence);
      aliases = g_ptr_array_copy (actor->aliases, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
      g_ptr_array_add (aliases, NULL);
      entity = g_object_new (AM_TYPE_ENTITY,
                             "id", ids[i],
                             "name", actor->name,
                             "kind", actor->kind,
                             "role", actor->role,
                             "aliases", (char **) aliases->pdata,
                             "evidence", evidence,
                             "status", AM_STATUS_SUGGESTED,
                             NULL);
      g_ptr_array_set_free_func (aliases, g_free);
      am_document_builder_put (builder, entity);
    }
  return ids;
}

static void
put_statements (AmDocumentBuilder *builder,
                AmDocument        *document,
                AmDraft           *draft,
                char             **ids)
{
  for (guint i = 0; i < draft->statements->len; i++)
    {
      AmDraftStatement *statement = g_ptr_array_index (draft->statements, i);
      AmDraftActor *speaker = g_ptr_array_index (draft->actors, statement->speaker);
      g_autoptr(GPtrArray) evidence = NULL;
      g_autoptr(GStrvBuilder) addressees = g_strv_builder_new ();
      g_auto(GStrv) addressee_ids = NULL;
      g_autoptr(AmStatement) item = NULL;
      g_autofree char *id = NULL;

      if (statement->evidence->len > 0
          && has_statement_with_evidence (document, &g_array_index (statement->evidence, AmDraftEvidence, 0)))
        continue;
      for (guint j = 0; j < statement->addressees->len; j++)
        g_strv_builder_add (addressees, ids[g_array_index (statement->addressees, guint, j)]);
      addressee_ids = g_strv_builder_end (addressees);
      id = am_document_builder_make_id (builder, "s-", speaker->name);
      evidence = evidence_of (statement->evidence);
      item = g_object_new (AM_TYPE_STATEMENT,
                           "id", id,
                           "speaker", ids[statement->speaker],
                           "text", statement->text,
                           "quoted", statement->quoted,
                           "addressees", addressee_ids,
                           "reported-by", statement->reported_by >= 0 ? ids[statement->reported_by] : NULL,
                           "evidence", evidence,
                           "status", AM_STATUS_SUGGESTED,
                           NULL);
      am_document_builder_put (builder, item);
    }
}

static void
put_relations (AmDocumentBuilder *builder,
               AmDocument        *document,
               AmDraft           *draft,
               char             **ids)
{
  for (guint i = 0; i < draft->relations->len; i++)
    {
      AmDraftRelation *relation = g_ptr_array_index (draft->relations, i);
      AmDraftActor *source = g_ptr_array_index (draft->actors, relation->source);
      g_autoptr(GPtrArray) evidence = NULL;
      g_autoptr(AmRelation) item = NULL;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      if (g_str_equal (ids[relation->source], ids[relation->target])
          || has_relation (document, ids[relation->source], ids[relation->target], relation->label))
        continue;
      name = g_strdup_printf ("%s %s", source->name, relation->label);
      id = am_document_builder_make_id (builder, "r-", name);
      evidence = evidence_of (relation->evidence);
      item = g_object_new (AM_TYPE_RELATION,
                           "id", id,
                           "source", ids[relation->source],
                           "target", ids[relation->target],
                           "label", relation->label,
                           "rel-type", relation->type,
                           "evidence", evidence,
                           "status", AM_STATUS_SUGGESTED,
                           NULL);
      am_document_builder_put (builder, item);
    }
}

AmDocument *
am_extract_suggest (AmDocument    *document,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(AmDocumentBuilder) builder = NULL;
  g_autoptr(AmDraft) draft = NULL;
  g_auto(GStrv) ids = NULL;
  const char * const *paragraphs;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  paragraphs = am_document_get_paragraphs (document);
  draft = _am_draft_new (paragraphs, cancellable, error);
  if (draft == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  builder = am_document_builder_new_from_document (document);
  ids = put_actors (builder, document, draft);
  put_statements (builder, document, draft, ids);
  put_relations (builder, document, draft, ids);

  return am_document_builder_build (builder, am_document_get_title (document), error);
}
