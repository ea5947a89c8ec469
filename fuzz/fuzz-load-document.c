/* fuzz-load-document.c — libFuzzer target for the JSON model loader
 *
 * Any input must give a document or one AM_MODEL_ERROR whose message starts with the
 * display name and is valid UTF-8, with no warning or critical (made fatal below).  A
 * document that loads must keep the loader's promises, which this target checks too:
 * every relation and statement refers to entities that exist, every evidence lies in
 * its paragraph at its recorded offset.  Built as a libFuzzer binary with
 * -Dfuzzing=true (fuzz/meson.build), and linked with fuzz/replay.c in every build
 * (tests/core/meson.build, suite "replay").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-document.h"
#include "am-core.h"

static void
check_evidence (AmDocument *document,
                GPtrArray  *evidence)
{
  const char * const *paragraphs = am_document_get_paragraphs (document);
  guint n_paragraphs = am_document_get_n_paragraphs (document);

  fuzz_check (evidence != NULL, "evidence array is NULL");

  for (guint i = 0; i < evidence->len; i++)
    {
      const AmEvidence *ev = g_ptr_array_index (evidence, i);
      guint paragraph = am_evidence_get_paragraph (ev);
      const char *text = am_evidence_get_text (ev);
      gssize offset = am_evidence_get_offset (ev);

      fuzz_check (paragraph < n_paragraphs, "evidence paragraph out of range");
      fuzz_check (text != NULL && *text != '\0', "empty evidence text");
      fuzz_check (offset >= 0, "evidence without an offset");
      fuzz_check ((gsize) offset + strlen (text) <= strlen (paragraphs[paragraph]),
                  "evidence offset past the paragraph");
      fuzz_check (memcmp (paragraphs[paragraph] + offset, text, strlen (text)) == 0,
                  "evidence text not at its offset");
    }
}

static void
check_entity_ref (AmDocument *document,
                  const char *id)
{
  fuzz_check (id != NULL && am_document_lookup_entity (document, id) != NULL,
              "reference to a missing entity");
}

static void
exercise (AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  GListModel *statements = am_document_get_statements (document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *id = am_entity_get_id (entity);
      g_autoptr(GPtrArray) of = am_document_relations_of (document, id);
      g_autoptr(GPtrArray) by = am_document_statements_by (document, id);
      g_autoptr(GPtrArray) about = am_document_statements_about (document, id);

      fuzz_check (am_document_lookup_entity (document, id) == entity, "entity lookup");
      for (guint j = 0; j < of->len; j++)
        {
          AmRelation *relation = g_ptr_array_index (of, j);

          fuzz_check (g_str_equal (am_relation_get_source (relation), id) ||
                      g_str_equal (am_relation_get_target (relation), id), "relations_of");
        }
      for (guint j = 0; j < by->len; j++)
        fuzz_check (g_str_equal (am_statement_get_speaker (g_ptr_array_index (by, j)), id),
                    "statements_by");
      for (guint j = 0; j < about->len; j++)
        {
          AmStatement *statement = g_ptr_array_index (about, j);

          fuzz_check (g_strv_contains (am_statement_get_about (statement), id) ||
                      g_strv_contains (am_statement_get_addressees (statement), id),
                      "statements_about");
        }
      fuzz_check (*id != '\0' && *am_entity_get_name (entity) != '\0', "empty id or name");
      fuzz_check (am_entity_get_aliases (entity) != NULL, "NULL aliases");
      fuzz_check (am_entity_get_attributes (entity) != NULL, "NULL attributes");
      check_evidence (document, am_entity_get_evidence (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      fuzz_check (am_document_lookup_relation (document, am_relation_get_id (relation)) == relation,
                  "relation lookup");
      check_entity_ref (document, am_relation_get_source (relation));
      check_entity_ref (document, am_relation_get_target (relation));
      check_evidence (document, am_relation_get_evidence (relation));
    }

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);
      const char * const *ids;

      fuzz_check (am_document_lookup_statement (document, am_statement_get_id (statement)) == statement,
                  "statement lookup");
      check_entity_ref (document, am_statement_get_speaker (statement));
      for (ids = am_statement_get_about (statement); *ids != NULL; ids++)
        check_entity_ref (document, *ids);
      for (ids = am_statement_get_addressees (statement); *ids != NULL; ids++)
        check_entity_ref (document, *ids);
      if (am_statement_get_reported_by (statement) != NULL)
        check_entity_ref (document, am_statement_get_reported_by (statement));
      check_evidence (document, am_statement_get_evidence (statement));
    }

  for (guint p = 0; p <= am_document_get_n_paragraphs (document); p++)
    {
      g_auto(GStrv) all = am_document_find_by_evidence (document, p, -1);
      g_auto(GStrv) first = am_document_find_by_evidence (document, p, 0);

      fuzz_check (all != NULL && first != NULL, "find_by_evidence returned NULL");
      fuzz_check (g_strv_length (first) <= g_strv_length (all), "offset query found more");
    }
}

const FuzzDocumentTarget fuzz_document_target = {
  .name = "fuzz-load-document",
  .display_name = "fuzz.json",
  .error_domain = am_model_error_quark,
  .error_domain_name = "AM_MODEL_ERROR",
  .decode = am_document_load_from_bytes,
  .exercise = exercise,
};
