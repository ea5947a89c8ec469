/* view-fixtures.c — small documents and scenes for the view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-documents.h"
#include "view-fixtures.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

AmDocument *
view_fixture_document (const char *entities,
                       const char *relations,
                       const char *statements)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"actormap\", \"version\": 2,\n");
  g_auto(GStrv) items = NULL;

  g_string_append (json, "  \"entities\": [");
  items = g_strsplit (entities, " ", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (items[i], ":", -1);

      g_string_append (json, i > 0 ? ",\n    { \"id\": " : "\n    { \"id\": ");
      append_json_string (json, f[0]);
      g_string_append (json, ", \"name\": ");
      append_json_string (json, f[0]);
      g_string_append (json, ", \"kind\": ");
      append_json_string (json, f[1] != NULL ? f[1] : "person");
      if (f[1] != NULL && f[2] != NULL)
        {
          g_string_append (json, ", \"group\": ");
          append_json_string (json, f[2]);
        }
      g_string_append (json, " }");
    }
  g_string_append (json, " ],\n  \"relations\": [");
  g_clear_pointer (&items, g_strfreev);
  items = g_strsplit (relations != NULL ? relations : "", " ", -1);
  for (guint i = 0, n = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      gboolean directed = strchr (items[i], '>') != NULL;
      g_auto(GStrv) ends = NULL;

      if (items[i][0] == '\0')
        continue;
      f = g_strsplit (items[i], ":", -1);
      g_assert_nonnull (f[1]);
      ends = g_strsplit_set (f[1], directed ? ">" : "-", 2);
      g_assert_nonnull (ends[1]);
      g_string_append (json, n++ > 0 ? ",\n    { \"id\": " : "\n    { \"id\": ");
      append_json_string (json, f[0]);
      g_string_append (json, ", \"source\": ");
      append_json_string (json, ends[0]);
      g_string_append (json, ", \"target\": ");
      append_json_string (json, ends[1]);
      g_string_append (json, ", \"label\": ");
      append_json_string (json, f[0]);
      if (!directed)
        g_string_append (json, ", \"directed\": false");
      if (f[2] != NULL && f[2][0] != '\0')
        {
          g_string_append (json, ", \"type\": ");
          append_json_string (json, f[2]);
        }
      if (f[2] != NULL && f[3] != NULL && f[3][0] != '\0')
        {
          /* A date-time has colons of its own. */
          g_autofree char *date = g_strjoinv (":", f + 3);

          g_string_append (json, ", \"date\": ");
          append_json_string (json, date);
        }
      g_string_append (json, " }");
    }
  g_string_append (json, " ],\n  \"statements\": [");
  g_clear_pointer (&items, g_strfreev);
  items = g_strsplit (statements != NULL ? statements : "", " ", -1);
  for (guint i = 0, n = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;

      if (items[i][0] == '\0')
        continue;
      f = g_strsplit (items[i], ":", -1);
      g_assert_nonnull (f[1]);
      g_string_append (json, n++ > 0 ? ",\n    { \"id\": " : "\n    { \"id\": ");
      append_json_string (json, f[0]);
      g_string_append (json, ", \"speaker\": ");
      append_json_string (json, f[1]);
      g_string_append (json, ", \"text\": \"words\"");
      if (f[2] != NULL && f[2][0] != '\0')
        {
          g_string_append (json, ", \"date\": ");
          append_json_string (json, f[2]);
        }
      if (f[2] != NULL && f[3] != NULL && f[3][0] != '\0')
        {
          g_auto(GStrv) about = g_strsplit (f[3], ",", -1);

          g_string_append (json, ", \"about\": [");
          for (guint a = 0; about[a] != NULL; a++)
            {
              if (a > 0)
                g_string_append (json, ", ");
              append_json_string (json, about[a]);
            }
          g_string_append (json, "]");
        }
      g_string_append (json, " }");
    }
  g_string_append (json, " ]\n}\n");

  {
    g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);

    return test_documents_load_bytes (bytes, "fixture.json");
  }
}

/* Nodes on a grid of 100-point cells, 40 × 20 boxes; each relation a straight edge. */
AmScene *
view_fixture_scene (AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  guint n = g_list_model_get_n_items (entities);
  guint columns = 8;
  AmRect bounds = { 0, 0, 100.0 * columns + 100, 100.0 * (n / columns + 1) + 100 };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GHashTable) centres = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  AmScene *scene;

  am_scene_builder_set_engine (builder, "dot");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      AmSceneNode node = { 0, };
      AmPoint *centre = g_new (AmPoint, 1);

      centre->x = 50 + 100.0 * (i % columns);
      centre->y = 50 + 100.0 * (i / columns);
      node.id = (char *) am_entity_get_id (entity);
      node.label = (char *) am_entity_get_name (entity);
      node.kind = (char *) am_entity_get_kind_name (entity);
      node.shape = AM_NODE_SHAPE_BOX;
      node.box = (AmRect) { centre->x - 20, centre->y - 10, 40, 20 };
      am_scene_builder_add_node (builder, &node);
      g_hash_table_insert (centres, node.id, centre);
    }
  /* A cluster around each explicit group's members, and one of no group at all. */
  {
    g_autoptr(GHashTable) clusters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    AmSceneCluster free_cluster = { (char *) "free-cluster", NULL, { 5, 5, 90, 90 } };
    GHashTableIter iter;
    gpointer key, value;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
        const char *group = am_entity_get_group (entity);
        const AmPoint *c = g_hash_table_lookup (centres, am_entity_get_id (entity));
        AmRect *box;

        if (group == NULL)
          continue;
        box = g_hash_table_lookup (clusters, group);
        if (box == NULL)
          {
            box = g_new (AmRect, 1);
            *box = (AmRect) { c->x - 30, c->y - 20, 60, 40 };
            g_hash_table_insert (clusters, (gpointer) group, box);
          }
        else
          {
            double x2 = MAX (box->x + box->width, c->x + 30);
            double y2 = MAX (box->y + box->height, c->y + 20);

            box->x = MIN (box->x, c->x - 30);
            box->y = MIN (box->y, c->y - 20);
            box->width = x2 - box->x;
            box->height = y2 - box->y;
          }
      }
    g_hash_table_iter_init (&iter, clusters);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        AmSceneCluster cluster = { key, key, *(AmRect *) value };

        am_scene_builder_add_cluster (builder, &cluster);
      }
    am_scene_builder_add_cluster (builder, &free_cluster);
  }
  for (guint j = 0; j < g_list_model_get_n_items (relations); j++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, j);
      AmSceneEdge edge = { 0, };
      const AmPoint *a = g_hash_table_lookup (centres, am_relation_get_source (relation));
      const AmPoint *b = g_hash_table_lookup (centres, am_relation_get_target (relation));
      AmPoint points[4];

      for (guint k = 0; k < 4; k++)
        points[k] = (AmPoint) { a->x + (b->x - a->x) * k / 3, a->y + (b->y - a->y) * k / 3 };
      edge.id = (char *) am_relation_get_id (relation);
      edge.source = (char *) am_relation_get_source (relation);
      edge.target = (char *) am_relation_get_target (relation);
      edge.label = (char *) am_relation_get_label (relation);
      edge.type = (char *) am_relation_get_rel_type (relation);
      edge.directed = am_relation_get_directed (relation);
      edge.points = points;
      edge.n_points = 4;
      am_scene_builder_add_edge (builder, &edge);
    }
  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  return scene;
}

/* Asserts that the ids @result shows among @candidates are exactly the space-separated
 * @expected. */
void
view_fixture_assert_visible (AmViewResult *result,
                             const char   *expected)
{
  g_auto(GStrv) want = g_strsplit (expected, " ", -1);
  GHashTable *visible = am_view_result_get_visible (result);
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; want[i] != NULL; i++)
    if (want[i][0] != '\0' && !g_hash_table_contains (visible, want[i]))
      g_error ("'%s' should be visible", want[i]);
  g_hash_table_iter_init (&iter, visible);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_strv_contains ((const char * const *) want, key))
      g_error ("'%s' should not be visible", (const char *) key);
}
