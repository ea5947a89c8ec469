/* fuzz-graphml-import.c — libFuzzer target for the GraphML importer
 *
 * Every input goes through am_interchange_import() as GraphML, as the window and the
 * command line read a file: a document, or one AM_MODEL_ERROR whose message starts with
 * the file's name (fuzz-document.c checks that).  A document must keep the importer's
 * promises: entities with ids and names, relations whose ends are entities, attribute
 * names and values in UTF-8.  Built as a libFuzzer binary with -Dfuzzing=true
 * (fuzz/meson.build), and linked with fuzz/replay.c in every build
 * (tests/core/meson.build, suite "replay").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-document.h"

static AmDocument *
decode (GBytes      *bytes,
        const char  *display_name,
        GError     **error)
{
  return am_interchange_import (AM_INTERCHANGE_GRAPHML, bytes, display_name, NULL, error);
}

static void
check_strings (GHashTable *attributes)
{
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    fuzz_check (*(const char *) name != '\0' && g_utf8_validate (name, -1, NULL) &&
                value != NULL && g_utf8_validate (value, -1, NULL),
                "an attribute that is empty-named or not UTF-8");
}

static void
exercise (AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);

  fuzz_check (am_document_get_origin (document) == AM_DOCUMENT_ORIGIN_NETWORK, "wrong origin");
  fuzz_check (g_list_model_get_n_items (am_document_get_statements (document)) == 0,
              "statements from a GraphML file");

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      fuzz_check (*am_entity_get_id (entity) != '\0', "an entity without an id");
      fuzz_check (*am_entity_get_name (entity) != '\0', "an entity without a name");
      fuzz_check (g_utf8_validate (am_entity_get_name (entity), -1, NULL), "a name not UTF-8");
      fuzz_check (am_entity_get_kind_name (entity) != NULL, "an entity without a kind name");
      check_strings (am_entity_get_attributes (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      fuzz_check (am_document_lookup_relation (document, am_relation_get_id (relation)) == relation,
                  "relation lookup");
      fuzz_check (am_document_lookup_entity (document, am_relation_get_source (relation)) != NULL &&
                  am_document_lookup_entity (document, am_relation_get_target (relation)) != NULL,
                  "a relation with an end that is no entity");
      fuzz_check (g_utf8_validate (am_relation_get_label (relation), -1, NULL),
                  "a label not UTF-8");
      check_strings (am_relation_get_attributes (relation));
    }
}

const FuzzDocumentTarget fuzz_document_target = {
  .name = "fuzz-graphml-import",
  .display_name = "fuzz.graphml",
  .error_domain = am_model_error_quark,
  .error_domain_name = "AM_MODEL_ERROR",
  .decode = decode,
  .exercise = exercise,
};
