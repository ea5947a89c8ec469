/* fuzz-dot-import.c — libFuzzer target for the application side of the DOT import
 *
 * The input is what the helper process would write back after parsing a Graphviz file
 * (docs/graphviz-import.md §7).  The application must turn any such bytes into a
 * document or one AM_LAYOUT_ERROR whose message starts with the file name, with no
 * warning or critical (made fatal below); and any document it builds must go on to a
 * valid layout request.  Graphviz itself is not reached: Debian's build is not
 * instrumented, and robustness.md §5 says not to fuzz it in-process.  Built as a
 * libFuzzer binary with -Dfuzzing=true (fuzz/meson.build), and linked with fuzz/replay.c
 * in every build (tests/layout/meson.build, suite "replay").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-document.h"
#include "am-dot-import.h"
#include "am-layout-private.h"

static gboolean
no_markup_danger (const char *text)
{
  /* Plain text may contain anything printable, but never a control character other
   * than a new line: the decoder promises to remove them. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

static void
check_attributes (GHashTable *attributes)
{
  GHashTableIter iter;
  gpointer key, value;

  fuzz_check (attributes != NULL, "NULL attributes");
  fuzz_check (g_hash_table_size (attributes) <= AM_DOT_MAX_ATTRIBUTES, "too many attributes");

  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *again = NULL;

      fuzz_check (g_utf8_validate (key, -1, NULL) && g_utf8_validate (value, -1, NULL),
                  "attribute not UTF-8");
      /* Kept values are what the filter keeps: filtering again changes nothing (the
       * scope does not matter for these checks except at graph level). */
      again = _am_dot_filter_attribute (AM_DOT_SCOPE_EDGE, key, value);
      fuzz_check (again != NULL, "a kept attribute that the filter drops");
      fuzz_check (g_str_equal (again, value), "a kept attribute that the filter changes");
    }
}

static void
exercise (AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  GHashTable *graph = am_document_get_graph_attributes (document);
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmLayoutRequest) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AmLayoutEngine engine;
  guint n_entities = g_list_model_get_n_items (entities);

  fuzz_check (am_layout_engine_from_string (g_hash_table_lookup (graph, "layout"), &engine),
              "no allowed engine in the graph attributes");
  fuzz_check (am_layout_engine_for_document (document) == engine, "engine for document");
  fuzz_check (g_hash_table_lookup (graph, "concentrate") == NULL &&
              g_hash_table_lookup (graph, "splines") == NULL &&
              g_hash_table_lookup (graph, "newrank") == NULL, "a crash trigger kept");

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *group = am_entity_get_group (entity);

      fuzz_check (*am_entity_get_id (entity) != '\0', "empty id");
      fuzz_check (*am_entity_get_name (entity) != '\0', "empty name");
      fuzz_check (no_markup_danger (am_entity_get_name (entity)), "control character in a name");
      fuzz_check (g_strcmp0 (am_entity_get_kind_name (entity), "node") == 0, "kind is not node");
      fuzz_check (group == NULL || am_document_get_group_label (document, group) != NULL,
                  "a group without a label entry");
      fuzz_check (g_hash_table_lookup (am_entity_get_attributes (entity), "image") == NULL &&
                  g_hash_table_lookup (am_entity_get_attributes (entity), "URL") == NULL,
                  "a file or link attribute kept");
      check_attributes (am_entity_get_attributes (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      fuzz_check (am_document_lookup_entity (document, am_relation_get_source (relation)) != NULL &&
                  am_document_lookup_entity (document, am_relation_get_target (relation)) != NULL,
                  "a relation to a missing entity");
      fuzz_check (am_document_lookup_entity (document, am_relation_get_id (relation)) == NULL,
                  "a relation id that is also an entity id");
      fuzz_check (no_markup_danger (am_relation_get_label (relation)),
                  "control character in a label");
      check_attributes (am_relation_get_attributes (relation));
    }

  /* On to the layout request, as the application does next: it must accept the
   * document (everything in it is already within the caps) and survive the wire. */
  request = am_layout_request_new_for_document (document, engine, &error);
  fuzz_check (request != NULL, "the layout request refused an imported document");
  fuzz_check (am_layout_request_get_n_nodes (request) == n_entities, "node count");
  fuzz_check (am_layout_request_get_n_edges (request) == g_list_model_get_n_items (relations),
              "edge count");

  bytes = am_layout_request_serialize (request);
  back = am_layout_request_deserialize (bytes, &error);
  fuzz_check (back != NULL, "the request did not survive the wire");
}

const FuzzDocumentTarget fuzz_document_target = {
  .name = "fuzz-dot-import",
  .display_name = "fuzz.gv",
  .error_domain = am_layout_error_quark,
  .error_domain_name = "AM_LAYOUT_ERROR",
  .decode = _am_dot_import_decode,
  .exercise = exercise,
};
