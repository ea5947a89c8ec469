/* fuzz-csv-import.c — libFuzzer target for the CSV network importer
 *
 * An input is an edge list, optionally followed by a line "%%nodes" and a nodes table.
 * Each must give a document or one AM_MODEL_ERROR whose message starts with the file's
 * name ("fuzz.csv", or "fuzz.csv.nodes" for the table) and is valid UTF-8, with no
 * warning or critical.  A document must keep the importer's promises: an imported
 * network, ids non-empty and unique across actors and relations, every relation's ends
 * actors of the document, every name and attribute valid UTF-8.  The sniffer runs on
 * every input too.  Built as a libFuzzer binary with -Dfuzzing=true (fuzz/meson.build),
 * and linked with fuzz/replay.c in every build (tests/core/meson.build, suite "replay").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-document.h"
#include "am-core.h"
#include "am-interchange-private.h"

#define NODES_MARK "\n%%nodes\n"

static AmDocument *
decode (GBytes      *bytes,
        const char  *display_name,
        GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *mark = size > 0 ? g_strstr_len (data, size, NODES_MARK) : NULL;
  g_autoptr(GBytes) edges = NULL;
  g_autoptr(GBytes) nodes = NULL;
  g_autofree char *nodes_name = g_strconcat (display_name, ".nodes", NULL);
  AmDocument *document;

  /* g_strstr_len stops at a NUL: the inputs with NULs are edge lists only. */
  (void) _am_csv_sniff (bytes);
  if (mark == NULL)
    return _am_csv_import (bytes, display_name, NULL, NULL, error);

  edges = g_bytes_new_from_bytes (bytes, 0, mark - data + 1);
  nodes = g_bytes_new_from_bytes (bytes, mark - data + strlen (NODES_MARK),
                                  size - (mark - data) - strlen (NODES_MARK));
  document = _am_csv_import (edges, display_name, nodes, nodes_name, error);
  /* The nodes table's errors name it: that is checked here, and the message is then
   * given the edge list's name so that the common check holds. */
  if (document == NULL && error != NULL && *error != NULL &&
      g_str_has_prefix ((*error)->message, nodes_name))
    {
      g_autofree char *prefix = g_strconcat (nodes_name, ": ", NULL);

      fuzz_check (g_str_has_prefix ((*error)->message, prefix),
                  "a nodes table message without its name");
      g_prefix_error (error, "%s: ", display_name);
    }
  return document;
}

static void
check_attributes (GHashTable *attributes)
{
  GHashTableIter iter;
  gpointer key, value;

  fuzz_check (attributes != NULL, "NULL attributes");
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    fuzz_check (*(const char *) key != '\0' && g_utf8_validate (key, -1, NULL) &&
                *(const char *) value != '\0' && g_utf8_validate (value, -1, NULL),
                "an empty or invalid attribute");
}

static void
exercise (AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  fuzz_check (am_document_get_origin (document) == AM_DOCUMENT_ORIGIN_NETWORK,
              "not an imported network");

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *id = am_entity_get_id (entity);

      fuzz_check (*id != '\0' && g_utf8_validate (id, -1, NULL), "an empty or invalid id");
      fuzz_check (g_hash_table_add (ids, g_strdup (id)), "a duplicate id");
      fuzz_check (g_utf8_validate (am_entity_get_name (entity), -1, NULL), "name not UTF-8");
      fuzz_check (am_document_lookup_entity (document, id) == entity, "entity lookup");
      check_attributes (am_entity_get_attributes (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      const char *id = am_relation_get_id (relation);

      fuzz_check (*id != '\0', "an empty relation id");
      fuzz_check (g_hash_table_add (ids, g_strdup (id)), "a duplicate id");
      fuzz_check (am_document_lookup_entity (document, am_relation_get_source (relation)) != NULL &&
                  am_document_lookup_entity (document, am_relation_get_target (relation)) != NULL,
                  "a relation whose end is no actor");
      fuzz_check (g_utf8_validate (am_relation_get_label (relation), -1, NULL),
                  "label not UTF-8");
      check_attributes (am_relation_get_attributes (relation));
    }
}

const FuzzDocumentTarget fuzz_document_target = {
  .name = "fuzz-csv-import",
  .display_name = "fuzz.csv",
  .error_domain = am_model_error_quark,
  .error_domain_name = "AM_MODEL_ERROR",
  .decode = decode,
  .exercise = exercise,
};
