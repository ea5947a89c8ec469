/* fuzz-gexf-import.c — libFuzzer target for the GEXF importer
 *
 * Any input must give a document or one AM_MODEL_ERROR whose message starts with the
 * display name and is valid UTF-8, with no warning or critical (fuzz-document.c).  A
 * document must keep the importer's promises: unique non-empty ids, relations between
 * entities that exist, names and attributes in UTF-8, finite positions, dates the model
 * accepts.  Built as a libFuzzer binary with -Dfuzzing=true (fuzz/meson.build), and
 * linked with fuzz/replay.c in every build (tests/core/meson.build, suite "replay").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "fuzz-document.h"
#include "am-core.h"
#include "am-core-private.h"
#include "am-interchange-private.h"

static void
check_strings (GHashTable *attributes)
{
  GHashTableIter iter;
  gpointer key, value;

  fuzz_check (attributes != NULL, "NULL attributes");
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    fuzz_check (*(const char *) key != '\0' && g_utf8_validate (key, -1, NULL) &&
                g_utf8_validate (value, -1, NULL), "attribute empty or not UTF-8");
}

static void
exercise (AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);

  fuzz_check (am_document_get_origin (document) == AM_DOCUMENT_ORIGIN_NETWORK, "origin");
  fuzz_check (am_document_get_title (document) == NULL ||
              g_utf8_validate (am_document_get_title (document), -1, NULL), "title not UTF-8");

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *id = am_entity_get_id (entity);
      double x, y;

      fuzz_check (*id != '\0' && am_document_lookup_entity (document, id) == entity,
                  "entity id empty or not unique");
      fuzz_check (*am_entity_get_name (entity) != '\0' &&
                  g_utf8_validate (am_entity_get_name (entity), -1, NULL), "entity name");
      fuzz_check (am_entity_get_kind_name (entity) != NULL, "no kind name");
      if (am_entity_get_position (entity, &x, &y))
        fuzz_check (isfinite (x) && isfinite (y), "position not finite");
      check_strings (am_entity_get_attributes (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      const char *date = am_relation_get_date (relation);

      fuzz_check (am_document_lookup_relation (document, am_relation_get_id (relation)) == relation,
                  "relation id not unique");
      fuzz_check (am_document_lookup_entity (document, am_relation_get_source (relation)) != NULL &&
                  am_document_lookup_entity (document, am_relation_get_target (relation)) != NULL,
                  "relation end missing");
      fuzz_check (date == NULL || _am_date_parse (date, NULL, NULL, NULL) != AM_DATE_INVALID,
                  "a date the model refuses");
      fuzz_check (g_utf8_validate (am_relation_get_label (relation), -1, NULL), "label not UTF-8");
      check_strings (am_relation_get_attributes (relation));
    }
}

const FuzzDocumentTarget fuzz_document_target = {
  .name = "fuzz-gexf-import",
  .display_name = "fuzz.gexf",
  .error_domain = am_model_error_quark,
  .error_domain_name = "AM_MODEL_ERROR",
  .decode = _am_gexf_import,
  .exercise = exercise,
};
