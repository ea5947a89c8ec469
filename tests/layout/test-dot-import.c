/* test-dot-import.c — Graphviz files: read by the helper, checked and built here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files go through the real helper path (the test helper binary, which runs
 * am_layout_helper_main() like `actormap-layout-helper`), so cgraph never parses in
 * this process.  The decoder is also fed hand-made and damaged answers directly.
 */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "am-dot-import.h"
#include "am-layout-private.h"
#include "am-open.h"
#include "layout-test-util.h"
#include "test-result.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "dot", name, NULL);
}

static AmDocument *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *helper = lt_helper_path ();

  return am_open_document_sync (file, helper, NULL, error);
}

static AmDocument *
open_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return open_path (path, error);
}

static AmEntity *
entity (AmDocument *document,
        const char *id)
{
  AmEntity *e = am_document_lookup_entity (document, id);

  if (e == NULL)
    g_error ("no entity '%s'", id);
  return e;
}

static AmRelation *
relation (AmDocument *document,
          const char *id)
{
  AmRelation *r = am_document_lookup_relation (document, id);

  if (r == NULL)
    g_error ("no relation '%s'", id);
  return r;
}

static const char *
attr (GHashTable *attributes,
      const char *name)
{
  return g_hash_table_lookup (attributes, name);
}

/* ------------------------------------------------------------------------------------ */

static void
test_labels_and_clusters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("labels.gv", &error);
  GListModel *entities;

  g_assert_no_error (error);
  entities = am_document_get_entities (document);

  /* \G in the graph label is the graph's name. */
  g_assert_cmpstr (am_document_get_title (document), ==, "Talks about Crisis");
  /* The document says where it came from, whatever its nodes' kinds. */
  g_assert_cmpint (am_document_get_origin (document), ==, AM_DOCUMENT_ORIGIN_GRAPHVIZ);

  /* Nodes in file order, each an entity of kind "node". */
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 6);
  {
    const char *order[] = { "pyongyang", "seoul", "kim yo jong", "rec", "plain", "quiet" };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(AmEntity) item = g_list_model_get_item (entities, i);

        g_assert_cmpstr (am_entity_get_id (item), ==, order[i]);
        g_assert_cmpint (am_entity_get_kind (item), ==, AM_ENTITY_KIND_OTHER);
        g_assert_cmpstr (am_entity_get_kind_name (item), ==, "node");
      }
  }

  /* \N is the node name; a node with no label shows its name. */
  g_assert_cmpstr (am_entity_get_name (entity (document, "pyongyang")), ==, "pyongyang (capital)");
  g_assert_cmpstr (am_entity_get_name (entity (document, "kim yo jong")), ==, "kim yo jong");
  g_assert_cmpstr (am_entity_get_name (entity (document, "quiet")), ==, "quiet");

  /* HTML labels are reduced to their text, never interpreted; entities decoded. */
  g_assert_cmpstr (am_entity_get_name (entity (document, "seoul")), ==,
                   "Seoul & Incheon\nthe South");
  /* Record labels lose their ports and braces. */
  g_assert_cmpstr (am_entity_get_name (entity (document, "rec")), ==, "left | mid dle | right");
  /* \\ is a backslash, \n and \l break lines, &amp; is decoded as Graphviz does. */
  g_assert_cmpstr (am_entity_get_name (entity (document, "plain")), ==, "A & B \\ C\nnext line");

  /* Clusters: each node in its innermost one; labels resolved with \G = the cluster. */
  g_assert_cmpstr (am_entity_get_group (entity (document, "pyongyang")), ==, "cluster_north");
  g_assert_cmpstr (am_entity_get_group (entity (document, "kim yo jong")), ==, "cluster_party");
  g_assert_null (am_entity_get_group (entity (document, "seoul")));
  g_assert_cmpstr (am_document_get_group_label (document, "cluster_north"), ==,
                   "The cluster_north");
  g_assert_cmpstr (am_document_get_group_label (document, "cluster_party"), ==,
                   "Workers' Party");
}

static void
test_attributes_filtered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("labels.gv", &error);
  GHashTable *graph, *attributes;

  g_assert_no_error (error);

  /* Graph level: an allowlist, normalised and clamped.  The crash triggers and the
   * attributes that reach files are gone. */
  graph = am_document_get_graph_attributes (document);
  g_assert_cmpstr (attr (graph, "rankdir"), ==, "LR");
  g_assert_cmpstr (attr (graph, "nodesep"), ==, "4");          /* 9 clamped to 4 inches */
  g_assert_cmpstr (attr (graph, "ranksep"), ==, "0.8");
  g_assert_cmpstr (attr (graph, "layout"), ==, "neato");
  g_assert_cmpuint (g_hash_table_size (graph), ==, 4);
  g_assert_null (attr (graph, "concentrate"));
  g_assert_null (attr (graph, "newrank"));
  g_assert_null (attr (graph, "splines"));
  g_assert_null (attr (graph, "stylesheet"));
  g_assert_null (attr (graph, "fontpath"));

  /* Node attributes are shown in the detail panel, minus files, links and scripts. */
  attributes = am_entity_get_attributes (entity (document, "pyongyang"));
  g_assert_cmpstr (attr (attributes, "shape"), ==, "hexagon");
  g_assert_cmpstr (attr (attributes, "label"), ==, "\\N (capital)");
  g_assert_cmpstr (attr (attributes, "fontsize"), ==, "200");  /* 1e30 clamped */
  g_assert_null (attr (attributes, "image"));
  g_assert_null (attr (attributes, "URL"));
  g_assert_null (attr (attributes, "tooltip"));
  g_assert_null (attr (attributes, "id"));
  /* The default label "\N" is not worth a row. */
  g_assert_null (attr (am_entity_get_attributes (entity (document, "kim yo jong")), "label"));

  /* Edges: weight and minlen clamped (huge values segfault dot 2.42.2). */
  attributes = am_relation_get_attributes (relation (document, "pyongyang->seoul"));
  g_assert_cmpstr (attr (attributes, "weight"), ==, "1000");
  g_assert_cmpstr (attr (attributes, "minlen"), ==, "10");
  g_assert_cmpstr (attr (attributes, "color"), ==, "red");
  g_assert_null (attr (attributes, "href"));
  g_assert_null (attr (attributes, "edgetooltip"));
  g_assert_null (attr (attributes, "labelURL"));
  attributes = am_relation_get_attributes (relation (document, "kim yo jong->seoul"));
  g_assert_cmpstr (attr (attributes, "weight"), ==, "0");
  attributes = am_relation_get_attributes (relation (document, "rec->plain"));
  g_assert_cmpstr (attr (attributes, "fontsize"), ==, "1");
}

static void
test_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("labels.gv", &error);
  GListModel *relations;
  AmRelation *r;

  g_assert_no_error (error);
  relations = am_document_get_relations (document);

  /* Stable, readable, unique ids in file order; parallel edges stay separate. */
  {
    const char *order[] = { "pyongyang->seoul", "pyongyang->seoul#2",
                            "pyongyang->seoul[talks]", "kim yo jong->seoul",
                            "seoul->seoul", "rec->plain" };

    g_assert_cmpuint (g_list_model_get_n_items (relations), ==, G_N_ELEMENTS (order));
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(AmRelation) item = g_list_model_get_item (relations, i);
        g_assert_cmpstr (am_relation_get_id (item), ==, order[i]);
      }
  }

  r = relation (document, "pyongyang->seoul");
  g_assert_cmpstr (am_relation_get_source (r), ==, "pyongyang");
  g_assert_cmpstr (am_relation_get_target (r), ==, "seoul");
  g_assert_true (am_relation_get_directed (r));
  g_assert_cmpstr (am_relation_get_label (r), ==,
                   "warns pyongyang about seoul (pyongyang->seoul)");
  g_assert_cmpstr (am_relation_get_label (relation (document, "pyongyang->seoul#2")), ==,
                   "second");

  /* dir=none: no arrowhead, even in a digraph. */
  g_assert_false (am_relation_get_directed (relation (document, "kim yo jong->seoul")));
  /* A self-loop is kept. */
  r = relation (document, "seoul->seoul");
  g_assert_cmpstr (am_relation_get_source (r), ==, am_relation_get_target (r));
}

static void
test_layout_request_and_scene (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("labels.gv", &error);
  g_autofree char *helper = lt_helper_path ();
  AmLayoutEngine engines[] = { AM_LAYOUT_ENGINE_DOT, AM_LAYOUT_ENGINE_NEATO };

  g_assert_no_error (error);

  /* The file asked for neato, which is on the allowlist. */
  g_assert_cmpint (am_layout_engine_for_document (document), ==, AM_LAYOUT_ENGINE_NEATO);

  for (guint k = 0; k < G_N_ELEMENTS (engines); k++)
    {
      g_autoptr(AmLayoutRequest) request = NULL;
      g_autoptr(AmLayoutRequest) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(AmScene) scene = NULL;
      const AmLayoutRequestNode *n;
      const AmLayoutRequestEdge *e;

      request = am_layout_request_new_for_document (document, engines[k], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (am_layout_request_get_n_nodes (request), ==, 6);
      g_assert_cmpuint (am_layout_request_get_n_edges (request), ==, 6);

      /* What reaches Graphviz: clamped spacing, the direction, dot's shapes, the
       * clamped weight and minlen, the cluster labels. */
      g_assert_cmpfloat (_am_layout_request_get_nodesep (request), ==, AM_SEP_MAX_IN);
      g_assert_cmpfloat_with_epsilon (_am_layout_request_get_ranksep (request), 0.8, 1e-9);
      g_assert_cmpstr (_am_layout_request_get_rankdir (request), ==, "LR");
      n = _am_layout_request_get_node (request, 0);
      g_assert_cmpint (n->shape, ==, AM_NODE_SHAPE_HEXAGON);
      n = _am_layout_request_get_node (request, 1);
      g_assert_cmpint (n->shape, ==, AM_NODE_SHAPE_ELLIPSE);    /* DOT's default */
      n = _am_layout_request_get_node (request, 3);
      g_assert_cmpint (n->shape, ==, AM_NODE_SHAPE_BOX);        /* record */
      e = _am_layout_request_get_edge (request, 0);
      g_assert_true (e->has_weight);
      g_assert_cmpfloat (e->weight, ==, AM_EDGE_WEIGHT_MAX);
      g_assert_true (e->has_minlen);
      g_assert_cmpfloat (e->minlen, ==, AM_EDGE_MINLEN_MAX);
      e = _am_layout_request_get_edge (request, 1);
      g_assert_false (e->has_weight);
      g_assert_cmpstr (_am_layout_request_get_group_label (request, "cluster_party"), ==,
                       "Workers' Party");

      /* The request survives the wire, extras included. */
      bytes = am_layout_request_serialize (request);
      back = am_layout_request_deserialize (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (_am_layout_request_get_rankdir (back), ==, "LR");
      g_assert_cmpfloat (_am_layout_request_get_edge (back, 0)->weight, ==, AM_EDGE_WEIGHT_MAX);
      g_assert_true (_am_layout_request_get_edge (back, 0)->has_minlen);
      g_assert_false (_am_layout_request_get_edge (back, 1)->has_minlen);
      g_assert_cmpstr (_am_layout_request_get_group_label (back, "cluster_north"), ==,
                       "The cluster_north");

      /* And lays out, through the helper, with every node and edge present. */
      scene = am_layout_run_sync (request, helper, 30, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, 6);
      g_assert_cmpuint (am_scene_get_n_edges (scene), ==, 6);
      g_assert_cmpint (am_scene_find_edge (scene, "pyongyang->seoul[talks]"), >=, 0);
      if (engines[k] == AM_LAYOUT_ENGINE_DOT)
        {
          gboolean found = FALSE;

          g_assert_cmpuint (am_scene_get_n_clusters (scene), ==, 2);
          for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
            {
              const AmSceneCluster *c = am_scene_get_cluster (scene, i);

              if (g_str_equal (c->id, "cluster_party"))
                {
                  g_assert_cmpstr (c->label, ==, "Workers' Party");
                  found = TRUE;
                }
            }
          g_assert_true (found);
        }
    }
}

static void
test_first_graph_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("two-graphs.gv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (document), ==, "first");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 2);
  g_assert_nonnull (am_document_lookup_relation (document, "a->b"));
  g_assert_null (am_document_lookup_entity (document, "c"));
}

static void
test_undirected (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("undirected.gv", &error);
  GListModel *relations;

  g_assert_no_error (error);
  relations = am_document_get_relations (document);

  /* strict: ann -- bob and bob -- ann are one edge. */
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) r = g_list_model_get_item (relations, i);
      g_assert_false (am_relation_get_directed (r));
    }
  g_assert_cmpstr (am_relation_get_label (relation (document, "bob--cid")), ==, "bob--cid");
  g_assert_cmpstr (am_document_get_title (document), ==, "friends");
}

/* DOT allows a node named ""; an entity needs an id, so it gets one that cannot clash. */
static void
test_empty_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("empty-name.gv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 3);
  g_assert_nonnull (am_document_lookup_relation (document, "\"\"->a"));
  /* The node whose real name is two quotes comes second, so it is the one renamed. */
  g_assert_nonnull (am_document_lookup_entity (document, "\"\"#2"));
  g_assert_nonnull (am_document_lookup_relation (document, "\"\"#2->\"\""));
}

static void
test_latin1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("latin1.gv", &error);

  g_assert_no_error (error);
  /* An anonymous graph has no title. */
  g_assert_null (am_document_get_title (document));
  g_assert_cmpstr (am_entity_get_name (entity (document, "café")), ==, "Café crème");
  g_assert_nonnull (am_document_lookup_relation (document, "café->naïve"));
}

static void
test_sniffed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = open_fixture ("sniffed.txt", &error);
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "layout",
                                                 "actors.json", NULL);
  g_autoptr(AmDocument) model = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (document), ==, "sniffed");
  g_assert_nonnull (am_document_lookup_relation (document, "x->y"));

  /* A JSON model still goes to the JSON loader. */
  model = open_path (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (am_document_get_graph_attributes (model)), ==, 0);
}

static void
test_guess_format (void)
{
  struct
  {
    const char  *name;
    const char  *text;
    AmFileFormat format;
  } cases[] = {
    { "a.gv", "{}", AM_FILE_FORMAT_DOT },
    { "A.DOT", NULL, AM_FILE_FORMAT_DOT },
    { "a.json", "{\"entities\": []}", AM_FILE_FORMAT_MODEL },
    { NULL, "digraph { a }", AM_FILE_FORMAT_DOT },
    { NULL, "\xef\xbb\xbf  graph{}", AM_FILE_FORMAT_DOT },
    { NULL, "/* c */ // d\n# line\nStrict graph {}", AM_FILE_FORMAT_DOT },
    { NULL, "graphs {}", AM_FILE_FORMAT_MODEL },
    { NULL, "digraph_x", AM_FILE_FORMAT_MODEL },
    { NULL, "/* unterminated digraph", AM_FILE_FORMAT_MODEL },
    { NULL, "x # digraph", AM_FILE_FORMAT_MODEL },
    { NULL, "", AM_FILE_FORMAT_MODEL },
    { "notes.txt", "[1, 2]", AM_FILE_FORMAT_MODEL },
    /* Networks by content before DOT's extension, and by extension. */
    { "a.gv", "<graphml><graph/></graphml>", AM_FILE_FORMAT_NETWORK },
    { "a.json", "<?xml version='1.0'?>\n<gexf version='1.3'/>", AM_FILE_FORMAT_NETWORK },
    { NULL, "source,target\na,b\n", AM_FILE_FORMAT_NETWORK },
  };
  static const AmInterchangeFormat networks[] = {
    AM_INTERCHANGE_GRAPHML, AM_INTERCHANGE_GEXF, AM_INTERCHANGE_CSV,
  };
  guint n_network = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = cases[i].text != NULL
                                ? g_bytes_new_static (cases[i].text, strlen (cases[i].text))
                                : NULL;

      AmInterchangeFormat network = AM_INTERCHANGE_CSV + 1;

      if (am_open_guess_format (cases[i].name, bytes, &network) != cases[i].format)
        g_error ("case %u (%s, %s): wrong format", i, cases[i].name, cases[i].text);
      if (cases[i].format == AM_FILE_FORMAT_NETWORK)
        g_assert_cmpint (network, ==, networks[n_network++]);
    }
  g_assert_cmpuint (n_network, ==, G_N_ELEMENTS (networks));
}

/* Bad files: each gives one clean error that starts with the file's name. */
static void
test_bad_files (void)
{
  struct
  {
    const char *name;
    GQuark      domain;
    gint        code;
    const char *needle;
  } cases[] = {
    { "syntax-error.gv", 0, AM_LAYOUT_ERROR_PARSE, "syntax error in line 4" },
    { "empty.gv", 0, AM_MODEL_ERROR_EMPTY, "empty file" },
    { "comments-only.gv", 0, AM_LAYOUT_ERROR_PARSE, "no graph found" },
    { "nul.gv", 0, AM_LAYOUT_ERROR_PARSE, "NUL byte at offset 23" },
  };

  cases[0].domain = AM_LAYOUT_ERROR;
  cases[1].domain = AM_MODEL_ERROR;
  cases[2].domain = AM_LAYOUT_ERROR;
  cases[3].domain = AM_LAYOUT_ERROR;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = open_fixture (cases[i].name, &error);
      g_autofree char *prefix = g_strconcat (cases[i].name, ": ", NULL);

      g_assert_null (document);
      g_assert_error (error, cases[i].domain, cases[i].code);
      if (!g_str_has_prefix (error->message, prefix) ||
          strstr (error->message, cases[i].needle) == NULL)
        g_error ("%s: “%s” does not name the file or “%s”", cases[i].name, error->message,
                 cases[i].needle);
    }
}

static void
test_bad_inputs_generated (void)
{
  g_autofree char *dir = g_dir_make_tmp ("am-dot-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.gv", NULL);
  g_autofree char *big = g_build_filename (dir, "big.gv", NULL);
  g_autofree char *many = g_build_filename (dir, "many.gv", NULL);
  g_autofree char *deep = g_build_filename (dir, "deep.gv", NULL);
  g_autoptr(GString) text = g_string_new ("digraph many {\n");
  g_autoptr(GError) error = NULL;
  AmDocument *document;
  int fd;

  /* A FIFO named .gv is refused from its type; nothing blocks. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  document = open_path (fifo, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, "pipe.gv: "));
  g_clear_error (&error);

  /* Over the DOT cap (a sparse file: no disk used). */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, AM_DOT_MAX_BYTES + 1), ==, 0);
  close (fd);
  document = open_path (big, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "big.gv: "));
  g_clear_error (&error);

  /* More nodes than Actormap lays out: refused by the helper right after parsing. */
  for (guint i = 0; i <= AM_DOT_MAX_NODES; i++)
    g_string_append_printf (text, "n%u;\n", i);
  g_string_append (text, "}\n");
  g_assert_true (g_file_set_contents (many, text->str, text->len, NULL));
  document = open_path (many, &error);
  g_assert_null (document);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "many.gv: "));
  g_assert_nonnull (strstr (error->message, "20001 nodes"));
  g_clear_error (&error);

  /* Subgraphs nested 5,000 deep: cgraph's parser runs out of stack and leaves a
   * partial graph; that is a parse error, not an empty document. */
  g_string_assign (text, "digraph deep {");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "subgraph {");
  g_string_append (text, "a");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "}");
  g_string_append (text, "}\n");
  g_assert_true (g_file_set_contents (deep, text->str, text->len, NULL));
  document = open_path (deep, &error);
  g_assert_null (document);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "deep.gv: "));
  g_assert_nonnull (strstr (error->message, "memory exhausted in line 1"));
  g_clear_error (&error);

  g_unlink (fifo);
  g_unlink (big);
  g_unlink (many);
  g_unlink (deep);
  g_rmdir (dir);
}

/* The helper misbehaving during an import: every outcome is a clean error naming the file. */
static void
test_helper_failures (void)
{
  struct
  {
    const char *mode;
    gint        code;
    const char *needle;
  } cases[] = {
    { "crash", AM_LAYOUT_ERROR_CRASHED, "Graphviz crashed while reading the file" },
    { "garbage", AM_LAYOUT_ERROR_INVALID_SCENE, "invalid answer" },
    { "fail", AM_LAYOUT_ERROR_FAILED, "Graphviz said no" },
    { "exit7", AM_LAYOUT_ERROR_FAILED, "status 7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AmDocument *document;

      g_setenv ("AM_TEST_HELPER_MODE", cases[i].mode, TRUE);
      document = open_fixture ("two-graphs.gv", &error);
      g_unsetenv ("AM_TEST_HELPER_MODE");

      g_assert_null (document);
      g_assert_error (error, AM_LAYOUT_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, "two-graphs.gv: ") ||
          strstr (error->message, cases[i].needle) == NULL)
        g_error ("%s: “%s”", cases[i].mode, error->message);
    }
}

static void
test_async_and_cancel (void)
{
  g_autofree char *path = fixture_path ("labels.gv");
  g_autofree char *helper = lt_helper_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = NULL;

  am_open_document_async (file, helper, NULL, test_result_store_cb, &result);
  document = am_open_document_finish (test_result_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 6);
  g_clear_object (&result);

  /* A cancelled open ends with G_IO_ERROR_CANCELLED and nothing else. */
  g_cancellable_cancel (cancellable);
  am_open_document_async (file, helper, cancellable, test_result_store_cb, &result);
  g_assert_null (am_open_document_finish (test_result_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ------------------------------------------------------------------------------------ */
/* The pure parts: labels, the filter, the decoder                                      */

static void
test_label_text (void)
{
  AmDotNames node = { "n1", "G", NULL, NULL, NULL };
  AmDotNames edge = { NULL, "G", "a->b", "a", "b" };
  struct
  {
    const char       *label;
    gboolean          html;
    gboolean          record;
    const AmDotNames *names;
    const char       *expected;
  } cases[] = {
    { "\\N", FALSE, FALSE, &node, "n1" },
    { "\\G: \\N", FALSE, FALSE, &node, "G: n1" },
    { "\\E \\T \\H", FALSE, FALSE, &edge, "a->b a b" },
    { "\\E", FALSE, FALSE, &node, "E" },                  /* not for nodes */
    { "one\\ntwo\\lthree\\r", FALSE, FALSE, &node, "one\ntwo\nthree" },
    { "back\\\\slash \\q \\\"", FALSE, FALSE, &node, "back\\slash q \"" },
    { "trailing\\", FALSE, FALSE, &node, "trailing" },
    { "&lt;b&gt; &#65;&#x42; &bogus; &#0; &", FALSE, FALSE, &node, "<b> AB &bogus; &#0; &" },
    { "<b>bold</b> <font color=\"red\">x</font>", TRUE, FALSE, &node, "bold x" },
    { "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", TRUE, FALSE,
      &node, "a b\nc" },
    { "a<br align=\"left\"/>b", TRUE, FALSE, &node, "a\nb" },
    { "<table>\n  <tr>\n    <td>x</td>\n    <td>y</td>\n  </tr>\n</table>", TRUE, FALSE,
      &node, "x y" },
    { "\\N <unterminated", TRUE, FALSE, &node, "\\N" },   /* no escapes in HTML */
    { "{<p> a | b\\|c | {d|e}}", FALSE, TRUE, &node, "a | b|c | d | e" },
    { "<f0> \\N", FALSE, TRUE, &node, "n1" },
    { "tab\there\x01", FALSE, FALSE, &node, "tab here" },
    { "", FALSE, FALSE, &node, "" },
    { "\xff", FALSE, FALSE, &node, "" },                  /* not UTF-8: nothing */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _am_dot_label_text (cases[i].label, cases[i].html,
                                                  cases[i].record, cases[i].names);

      if (g_strcmp0 (text, cases[i].expected) != 0)
        g_error ("case %u: “%s” gave “%s”, not “%s”", i, cases[i].label, text,
                 cases[i].expected);
    }
}

static void
test_filter (void)
{
  struct
  {
    AmDotScope  scope;
    const char *name;
    const char *value;
    const char *kept;   /* NULL: dropped */
  } cases[] = {
    { AM_DOT_SCOPE_GRAPH, "concentrate", "true", NULL },
    { AM_DOT_SCOPE_GRAPH, "newrank", "true", NULL },
    { AM_DOT_SCOPE_GRAPH, "splines", "ortho", NULL },
    { AM_DOT_SCOPE_GRAPH, "nslimit", "1e9", NULL },
    { AM_DOT_SCOPE_GRAPH, "rankdir", "rl", "RL" },
    { AM_DOT_SCOPE_GRAPH, "rankdir", "sideways", NULL },
    { AM_DOT_SCOPE_GRAPH, "nodesep", "0", "0.02" },
    { AM_DOT_SCOPE_GRAPH, "nodesep", "nan", NULL },
    { AM_DOT_SCOPE_GRAPH, "nodesep", "1 equally", NULL },
    { AM_DOT_SCOPE_GRAPH, "ranksep", "1.5 equally", "1.5" },
    { AM_DOT_SCOPE_GRAPH, "ranksep", "inf", NULL },
    { AM_DOT_SCOPE_GRAPH, "layout", "SFDP", "sfdp" },
    { AM_DOT_SCOPE_GRAPH, "layout", "osage", NULL },
    { AM_DOT_SCOPE_NODE, "image", "/etc/passwd", NULL },
    { AM_DOT_SCOPE_NODE, "imagepath", "/tmp", NULL },
    { AM_DOT_SCOPE_NODE, "shapefile", "x.ps", NULL },
    { AM_DOT_SCOPE_NODE, "URL", "http://x", NULL },
    { AM_DOT_SCOPE_NODE, "href", "http://x", NULL },
    { AM_DOT_SCOPE_NODE, "tooltip", "<script>", NULL },
    { AM_DOT_SCOPE_NODE, "target", "_blank", NULL },
    { AM_DOT_SCOPE_NODE, "id", "n1", NULL },
    { AM_DOT_SCOPE_NODE, "class", "c", NULL },
    { AM_DOT_SCOPE_NODE, "_draw_", "c 7 -#000000", NULL },
    { AM_DOT_SCOPE_NODE, "fontsize", "1e30", "200" },
    { AM_DOT_SCOPE_NODE, "fontsize", "big", NULL },
    { AM_DOT_SCOPE_NODE, "shape", "Mrecord", "Mrecord" },
    { AM_DOT_SCOPE_NODE, "color", "red", "red" },
    { AM_DOT_SCOPE_EDGE, "weight", "1073741824", "1000" },
    { AM_DOT_SCOPE_EDGE, "weight", "-3", "0" },
    { AM_DOT_SCOPE_EDGE, "weight", "2.5", "2.5" },
    { AM_DOT_SCOPE_EDGE, "minlen", "60000", "10" },
    { AM_DOT_SCOPE_EDGE, "labelfontsize", "0", "1" },
    { AM_DOT_SCOPE_EDGE, "edgeURL", "x", NULL },
    { AM_DOT_SCOPE_EDGE, "headhref", "x", NULL },
    { AM_DOT_SCOPE_EDGE, "labeltooltip", "x", NULL },
    { AM_DOT_SCOPE_EDGE, "tailtarget", "x", NULL },
    { AM_DOT_SCOPE_EDGE, "label", "\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = _am_dot_filter_attribute (cases[i].scope, cases[i].name,
                                                        cases[i].value);

      if (g_strcmp0 (kept, cases[i].kept) != 0)
        g_error ("case %u (%s=%s): kept “%s”, not “%s”", i, cases[i].name, cases[i].value,
                 kept, cases[i].kept);
    }
}

/* A hand-made answer, for the decoder's checks. */
typedef struct
{
  const char *node_a;
  const char *node_b;
  const char *cluster_of_a;
  const char *edge_id;
  const char *edge_head;
  const char *attr_name;
  const char *attr_value;
  guint       n_extra_attributes;
  const char *cluster_name_2;
} Parts;

static GBytes *
make_answer (const Parts *p)
{
  GVariantBuilder attrs, clusters, nodes, edges, a_attrs;
  g_autoptr(GVariant) v = NULL;

  g_variant_builder_init (&attrs, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&attrs, "{ss}", "rankdir", "TB");
  g_variant_builder_add (&attrs, "{ss}", "concentrate", "true");   /* dropped again */

  g_variant_builder_init (&clusters, G_VARIANT_TYPE ("a(ssb)"));
  g_variant_builder_add (&clusters, "(ssb)", "cluster_1", "One", FALSE);
  if (p->cluster_name_2 != NULL)
    g_variant_builder_add (&clusters, "(ssb)", p->cluster_name_2, "Two", FALSE);

  g_variant_builder_init (&a_attrs, G_VARIANT_TYPE ("a{ss}"));
  if (p->attr_name != NULL)
    g_variant_builder_add (&a_attrs, "{ss}", p->attr_name, p->attr_value);
  for (guint i = 0; i < p->n_extra_attributes; i++)
    {
      g_autofree char *name = g_strdup_printf ("extra%u", i);
      g_variant_builder_add (&a_attrs, "{ss}", name, "x");
    }

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(ssbsa{ss})"));
  g_variant_builder_add (&nodes, "(ssbs@a{ss})", p->node_a, "\\N", FALSE, p->cluster_of_a,
                         g_variant_builder_end (&a_attrs));
  g_variant_builder_add (&nodes, "(ssbs@a{ss})", p->node_b, "B", FALSE, "",
                         g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0));

  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(ssssba{ss})"));
  g_variant_builder_add (&edges, "(ssssb@a{ss})", p->edge_id, p->node_a, p->edge_head, "",
                         FALSE, g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0));

  v = g_variant_ref_sink (g_variant_new (AM_DOT_GRAPH_TYPE, "g", TRUE, FALSE, "", FALSE,
                                         &attrs, &clusters, &nodes, &edges));
  return _am_dot_import_answer_graph (v);
}

static void
test_decode_checks (void)
{
  g_autofree char *long_id = g_strnfill (AM_DOT_MAX_ID_BYTES + 1, 'x');
  g_autofree char *long_value = g_strnfill (AM_DOT_MAX_VALUE_BYTES + 1, 'v');
  g_autofree char *long_key = g_strnfill (AM_DOT_MAX_KEY_BYTES + 1, 'k');
  struct
  {
    Parts       parts;
    gint        code;      /* -1: accepted */
    const char *needle;
  } cases[] = {
    { { "a", "b", "cluster_1", "a->b", "b", NULL, NULL, 0, NULL }, -1, NULL },
    { { "a", "a", "", "a->a", "a", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "node 1 ('a'): duplicate name" },
    { { "a", "b", "", "a->c", "c", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "edge 0 ('a->c'): refers to unknown node 'c'" },
    { { "a", "b", "", "b", "b", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "edge 0 ('b'): duplicate id" },
    { { "a", "b", "", "", "b", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "edge 0" },
    { { "", "b", "", "e", "b", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "node 0" },
    { { long_id, "b", "", "e", "b", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "node 0" },
    { { "a", "b", "cluster_9", "e", "b", NULL, NULL, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "unknown cluster 'cluster_9'" },
    { { "a", "b", "", "e", "b", NULL, NULL, 0, "cluster_1" },
      AM_LAYOUT_ERROR_INVALID_SCENE, "cluster 1 ('cluster_1'): duplicate name" },
    { { "a", "b", "", "e", "b", "color", long_value, 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "node 0 ('a')" },
    { { "a", "b", "", "e", "b", long_key, "x", 0, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "node 0 ('a')" },
    { { "a", "b", "", "e", "b", NULL, NULL, AM_DOT_MAX_ATTRIBUTES + 1, NULL },
      AM_LAYOUT_ERROR_INVALID_SCENE, "more than 64 attributes" },
    /* What the helper should have dropped is dropped here again, not kept. */
    { { "a", "b", "", "e", "b", "image", "/etc/passwd", 0, NULL }, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) answer = make_answer (&cases[i].parts);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = _am_dot_import_decode (answer, "t.gv", &error);

      if (cases[i].code < 0)
        {
          AmEntity *a;

          g_assert_no_error (error);
          a = am_document_lookup_entity (document, "a");
          g_assert_cmpstr (am_entity_get_name (a), ==, "a");
          g_assert_null (g_hash_table_lookup (am_entity_get_attributes (a), "image"));
          g_assert_null (g_hash_table_lookup (am_document_get_graph_attributes (document),
                                              "concentrate"));
          g_assert_cmpstr (g_hash_table_lookup (am_document_get_graph_attributes (document),
                                                "layout"), ==, "dot");
          continue;
        }

      g_assert_null (document);
      g_assert_error (error, AM_LAYOUT_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, "t.gv: ") ||
          strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not name the file or “%s”", i, error->message,
                 cases[i].needle);
    }
}

/* Without a layout attribute, small graphs get dot and large ones sfdp. */
static void
test_decode_default_engine (void)
{
  guint sizes[] = { AM_DOT_DEFAULT_DOT_MAX_NODES, AM_DOT_DEFAULT_DOT_MAX_NODES + 1 };
  const char *expected[] = { "dot", "sfdp" };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      GVariantBuilder nodes;
      g_autoptr(GVariant) graph = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = NULL;

      g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(ssbsa{ss})"));
      for (guint i = 0; i < sizes[k]; i++)
        {
          g_autofree char *name = g_strdup_printf ("n%u", i);
          g_variant_builder_add (&nodes, "(ssbs@a{ss})", name, "\\N", FALSE, "",
                                 g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0));
        }
      graph = g_variant_ref_sink (g_variant_new (AM_DOT_GRAPH_TYPE, "", TRUE, FALSE, "", FALSE,
                                                 NULL, NULL, &nodes, NULL));
      answer = _am_dot_import_answer_graph (graph);
      document = _am_dot_import_decode (answer, "t.gv", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_hash_table_lookup (am_document_get_graph_attributes (document),
                                            "layout"), ==, expected[k]);
      g_assert_cmpint (am_layout_engine_for_document (document), ==,
                       k == 0 ? AM_LAYOUT_ENGINE_DOT : AM_LAYOUT_ENGINE_SFDP);
    }
}

/* Names made only of white space or control characters (found by fuzz-dot-import):
 * the entity still gets a visible, plain-text name. */
static void
test_decode_odd_names (void)
{
  struct
  {
    const char *node;
    const char *name;
  } cases[] = {
    { "\x01", "\" \"" },
    { " ", "\" \"" },
    { "a\x02" "b", "a b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Parts parts = { cases[i].node, "b", "", "e", "b", NULL, NULL, 0, NULL };
      g_autoptr(GBytes) answer = make_answer (&parts);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = _am_dot_import_decode (answer, "t.gv", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (am_entity_get_name (entity (document, cases[i].node)), ==,
                       cases[i].name);
    }
}

static GBytes *
wrap (const char *magic,
      guint32     version,
      GVariant   *payload)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new ("(suv)", magic, version, payload));

  return g_variant_get_data_as_bytes (v);
}

static void
test_decode_envelope (void)
{
  Parts ok = { "a", "b", "", "a->b", "b", NULL, NULL, 0, NULL };
  g_autoptr(GBytes) good = make_answer (&ok);
  gsize size = g_bytes_get_size (good);
  struct
  {
    GBytes     *bytes;
    gint        code;
    const char *needle;
  } cases[] = {
    { g_bytes_new_static ("not an answer", 13), AM_LAYOUT_ERROR_INVALID_SCENE, "malformed" },
    { wrap ("actormap-scene", 1, g_variant_new ("(us)", 0, "x")),
      AM_LAYOUT_ERROR_INVALID_SCENE, "wrong magic" },
    { wrap (AM_DOT_IMPORT_ANSWER_MAGIC, 2, g_variant_new ("(us)", 0, "x")),
      AM_LAYOUT_ERROR_INVALID_SCENE, "unsupported version 2" },
    { wrap (AM_DOT_IMPORT_ANSWER_MAGIC, 1, g_variant_new ("(ss)", "a", "b")),
      AM_LAYOUT_ERROR_INVALID_SCENE, "unexpected payload type" },
    { _am_dot_import_answer_error (AM_LAYOUT_ERROR_PARSE, "syntax error in line 2 near 'x'"),
      AM_LAYOUT_ERROR_PARSE, "t.gv: syntax error in line 2" },
    { _am_dot_import_answer_error (AM_LAYOUT_ERROR_TOO_LARGE, "too many"),
      AM_LAYOUT_ERROR_TOO_LARGE, "t.gv: too many" },
    /* The helper does not get to choose any code it likes. */
    { _am_dot_import_answer_error (AM_LAYOUT_ERROR_CRASHED, "x"),
      AM_LAYOUT_ERROR_INVALID_SCENE, "unknown error code" },
    { wrap (AM_DOT_IMPORT_ANSWER_MAGIC, 1, g_variant_new ("(us)", AM_LAYOUT_ERROR_PARSE, "")),
      AM_LAYOUT_ERROR_INVALID_SCENE, "empty or too long" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = _am_dot_import_decode (cases[i].bytes, "t.gv", &error);

      g_assert_null (document);
      g_assert_error (error, AM_LAYOUT_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, "t.gv: ") ||
          strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].needle);
      g_bytes_unref (cases[i].bytes);
    }

  /* Every truncation and many bit flips: a document or a clean AM_LAYOUT_ERROR, never a
   * crash or a warning (fatal here). */
  for (gsize len = 0; len < size; len++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (good, 0, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = _am_dot_import_decode (cut, "t.gv", &error);

      g_assert_null (document);
      g_assert_true (error != NULL && error->domain == AM_LAYOUT_ERROR);
    }
  for (gsize pos = 0; pos < size; pos++)
    {
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), size);
      g_autoptr(GBytes) flipped = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = NULL;

      data[pos] ^= 1 << (pos % 8);
      flipped = g_bytes_new (data, size);
      document = _am_dot_import_decode (flipped, "t.gv", &error);
      g_assert_true ((document != NULL) != (error != NULL));
      g_assert_true (error == NULL || error->domain == AM_LAYOUT_ERROR);
    }
}

static void
test_import_request (void)
{
  g_autoptr(GBytes) dot = g_bytes_new_static ("digraph { a }", 13);
  g_autoptr(GBytes) request = _am_dot_import_request_new (dot);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) layout = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (_am_dot_import_request_parse (request, &back, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (dot, back));
  g_clear_pointer (&back, g_bytes_unref);

  /* A layout request is not an import request. */
  layout = wrap ("actormap-layout-request", 2, g_variant_new ("(us)", 0, "x"));
  g_assert_false (_am_dot_import_request_parse (layout, &back, &error));
  g_assert_no_error (error);
  g_assert_null (back);

  /* An import request of another version is, and is refused. */
  g_clear_pointer (&layout, g_bytes_unref);
  layout = wrap (AM_DOT_IMPORT_REQUEST_MAGIC, 9, g_variant_new ("(us)", 0, "x"));
  g_assert_true (_am_dot_import_request_parse (layout, &back, &error));
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
  g_assert_null (back);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/DotImport/labels-and-clusters", test_labels_and_clusters);
  g_test_add_func ("/Actormap/DotImport/attributes-filtered", test_attributes_filtered);
  g_test_add_func ("/Actormap/DotImport/edges", test_edges);
  g_test_add_func ("/Actormap/DotImport/layout", test_layout_request_and_scene);
  g_test_add_func ("/Actormap/DotImport/first-graph-only", test_first_graph_only);
  g_test_add_func ("/Actormap/DotImport/undirected", test_undirected);
  g_test_add_func ("/Actormap/DotImport/empty-name", test_empty_name);
  g_test_add_func ("/Actormap/DotImport/latin1", test_latin1);
  g_test_add_func ("/Actormap/DotImport/sniffed", test_sniffed);
  g_test_add_func ("/Actormap/DotImport/guess-format", test_guess_format);
  g_test_add_func ("/Actormap/DotImport/bad-files", test_bad_files);
  g_test_add_func ("/Actormap/DotImport/bad-inputs-generated", test_bad_inputs_generated);
  g_test_add_func ("/Actormap/DotImport/helper-failures", test_helper_failures);
  g_test_add_func ("/Actormap/DotImport/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/Actormap/DotImport/label-text", test_label_text);
  g_test_add_func ("/Actormap/DotImport/filter", test_filter);
  g_test_add_func ("/Actormap/DotImport/decode-checks", test_decode_checks);
  g_test_add_func ("/Actormap/DotImport/decode-odd-names", test_decode_odd_names);
  g_test_add_func ("/Actormap/DotImport/decode-default-engine", test_decode_default_engine);
  g_test_add_func ("/Actormap/DotImport/decode-envelope", test_decode_envelope);
  g_test_add_func ("/Actormap/DotImport/import-request", test_import_request);

  return g_test_run ();
}
