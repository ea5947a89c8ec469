/* test-graphml.c — GraphML in: the files other programs write, and the bad ones
 *
 * Each good file is written here the way its program writes it (yEd with its graphics
 * data, NetworkX, igraph, Gephi-like defaults) and read through am_interchange_import(),
 * the same call the window and the command line make.  Each bad input asserts the
 * error code and that the message names the file and the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "am-core.h"

#define NAME "net.graphml"

static AmDocument *
import_bytes (const char *data,
              gsize       length,
              GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  AmInterchangeFormat format;

  g_assert_true (am_interchange_sniff (NAME, bytes, &format));
  g_assert_cmpint (format, ==, AM_INTERCHANGE_GRAPHML);
  return am_interchange_import (format, bytes, NAME, NULL, error);
}

static AmDocument *
import_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document = import_bytes (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (am_document_get_origin (document), ==, AM_DOCUMENT_ORIGIN_NETWORK);
  return document;
}

static guint
n_entities (AmDocument *document)
{
  return g_list_model_get_n_items (am_document_get_entities (document));
}

static guint
n_relations (AmDocument *document)
{
  return g_list_model_get_n_items (am_document_get_relations (document));
}

static AmRelation *
relation_at (AmDocument *document,
             guint       index)
{
  g_autoptr(AmRelation) relation = g_list_model_get_item (am_document_get_relations (document),
                                                          index);
  return relation;   /* the document holds it */
}

/* ------------------------------------------------------------------------------------ */

static const char yed_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
  "xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
  "  <key for=\"graphml\" id=\"d0\" yfiles.type=\"resources\"/>\n"
  "  <key for=\"node\" id=\"d5\" attr.name=\"description\" attr.type=\"string\"/>\n"
  "  <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n"
  "  <key for=\"edge\" id=\"d10\" yfiles.type=\"edgegraphics\"/>\n"
  "  <graph edgedefault=\"directed\" id=\"G\">\n"
  "    <node id=\"n0\">\n"
  "      <data key=\"d5\">Ruling party</data>\n"
  "      <data key=\"d6\"><y:ShapeNode><y:Geometry height=\"30.0\" width=\"30.0\" x=\"1\" y=\"2\"/>"
  "<y:NodeLabel alignment=\"center\"> Workers' Party </y:NodeLabel></y:ShapeNode></data>\n"
  "    </node>\n"
  "    <node id=\"n1\">\n"
  "      <data key=\"d6\"><y:ShapeNode><y:NodeLabel>Kim Jong Un</y:NodeLabel>"
  "</y:ShapeNode></data>\n"
  "    </node>\n"
  "    <node id=\"n2\"/>\n"
  "    <edge id=\"e0\" source=\"n1\" target=\"n0\">\n"
  "      <data key=\"d10\"><y:PolyLineEdge><y:EdgeLabel>leads</y:EdgeLabel>"
  "</y:PolyLineEdge></data>\n"
  "    </edge>\n"
  "  </graph>\n"
  "  <data key=\"d0\"><y:Resources/></data>\n"
  "</graphml>\n";

static void
test_yed (void)
{
  g_autoptr(AmDocument) document = import_ok (yed_file);
  AmEntity *party = am_document_lookup_entity (document, "n0");
  AmEntity *kim = am_document_lookup_entity (document, "n1");
  AmEntity *bare = am_document_lookup_entity (document, "n2");
  AmRelation *leads = am_document_lookup_relation (document, "e0");

  g_assert_cmpuint (n_entities (document), ==, 3);
  g_assert_cmpuint (n_relations (document), ==, 1);
  g_assert_cmpstr (am_entity_get_name (party), ==, "Workers' Party");
  g_assert_cmpstr (am_entity_get_description (party), ==, "Ruling party");
  g_assert_cmpstr (am_entity_get_name (kim), ==, "Kim Jong Un");
  /* No label at all: the id names it; no kind: a plain graph node. */
  g_assert_cmpstr (am_entity_get_name (bare), ==, "n2");
  g_assert_cmpstr (am_entity_get_kind_name (bare), ==, AM_GRAPHVIZ_NODE_KIND);
  /* The graphics data is not kept as an attribute. */
  g_assert_cmpuint (g_hash_table_size (am_entity_get_attributes (kim)), ==, 0);
  g_assert_cmpstr (am_relation_get_label (leads), ==, "leads");
  g_assert_true (am_relation_get_directed (leads));
}

/* NetworkX's write_graphml of a MultiDiGraph: node ids are the node keys, edge ids the
 * edge keys (repeated between different pairs), attributes as typed keys. */
static const char networkx_file[] =
  "<?xml version='1.0' encoding='utf-8'?>\n"
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
  "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
  "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
  "  <key id=\"d4\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />\n"
  "  <key id=\"d3\" for=\"edge\" attr.name=\"date\" attr.type=\"string\" />\n"
  "  <key id=\"d2\" for=\"edge\" attr.name=\"type\" attr.type=\"string\" />\n"
  "  <key id=\"d1\" for=\"node\" attr.name=\"kind\" attr.type=\"string\" />\n"
  "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\" />\n"
  "  <graph edgedefault=\"directed\">\n"
  "    <node id=\"kim\">\n"
  "      <data key=\"d0\">Kim Jong Un</data>\n"
  "      <data key=\"d1\">person</data>\n"
  "    </node>\n"
  "    <node id=\"us\">\n"
  "      <data key=\"d0\">United States</data>\n"
  "      <data key=\"d1\">State</data>\n"
  "    </node>\n"
  "    <node id=\"kcna\">\n"
  "      <data key=\"d0\">KCNA</data>\n"
  "      <data key=\"d1\">news agency</data>\n"
  "    </node>\n"
  "    <edge source=\"kim\" target=\"us\" id=\"0\">\n"
  "      <data key=\"d2\">hostility</data>\n"
  "      <data key=\"d3\">2019-02-28</data>\n"
  "      <data key=\"d4\">2.5</data>\n"
  "    </edge>\n"
  "    <edge source=\"kim\" target=\"us\" id=\"1\">\n"
  "      <data key=\"d2\">meeting</data>\n"
  "      <data key=\"d3\">last spring</data>\n"
  "    </edge>\n"
  "    <edge source=\"kcna\" target=\"kim\" id=\"0\" />\n"
  "  </graph>\n"
  "</graphml>\n";

static void
test_networkx (void)
{
  g_autoptr(AmDocument) document = import_ok (networkx_file);
  AmEntity *kim = am_document_lookup_entity (document, "kim");
  AmEntity *us = am_document_lookup_entity (document, "us");
  AmEntity *kcna = am_document_lookup_entity (document, "kcna");
  AmRelation *first, *second, *third;

  g_assert_cmpuint (n_entities (document), ==, 3);
  g_assert_cmpuint (n_relations (document), ==, 3);
  g_assert_cmpstr (am_entity_get_name (kim), ==, "Kim Jong Un");
  g_assert_cmpint (am_entity_get_kind (kim), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpint (am_entity_get_kind (us), ==, AM_ENTITY_KIND_STATE);
  /* A kind Actormap does not know keeps its spelling. */
  g_assert_cmpint (am_entity_get_kind (kcna), ==, AM_ENTITY_KIND_OTHER);
  g_assert_cmpstr (am_entity_get_kind_name (kcna), ==, "news agency");

  first = relation_at (document, 0);
  second = relation_at (document, 1);
  third = relation_at (document, 2);
  /* Parallel edges stay two relations; the repeated id "0" gets a suffix. */
  g_assert_cmpstr (am_relation_get_id (first), ==, "0");
  g_assert_cmpstr (am_relation_get_id (second), ==, "1");
  g_assert_cmpstr (am_relation_get_id (third), ==, "0-2");
  g_assert_cmpstr (am_relation_get_source (third), ==, "kcna");
  g_assert_cmpstr (am_relation_get_rel_type (first), ==, "hostility");
  g_assert_cmpstr (am_relation_get_date (first), ==, "2019-02-28");
  g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (first), "weight"), ==, "2.5");
  /* Not an ISO date: kept, as an attribute. */
  g_assert_null (am_relation_get_date (second));
  g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (second), "date"), ==,
                   "last spring");
  g_assert_true (am_relation_get_directed (first));
}

/* igraph's write_graphml: ids n0…, edges without ids, every attribute declared with a
 * v_ or e_ key id and the vertex "name" attribute. */
static const char igraph_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
  "<!-- Created by igraph -->\n"
  "  <key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
  "  <key id=\"v_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
  "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
  "  <graph id=\"G\" edgedefault=\"undirected\">\n"
  "    <node id=\"n0\"><data key=\"v_name\">Seoul</data><data key=\"v_kind\">place</data></node>\n"
  "    <node id=\"n1\"><data key=\"v_name\">Pyongyang</data>"
  "<data key=\"v_kind\">place</data></node>\n"
  "    <edge source=\"n0\" target=\"n1\"><data key=\"e_label\">border</data></edge>\n"
  "    <edge source=\"n0\" target=\"n1\"><data key=\"e_label\">hotline</data></edge>\n"
  "    <edge source=\"n1\" target=\"n0\" directed=\"true\"/>\n"
  "  </graph>\n"
  "</graphml>\n";

static void
test_igraph_undirected (void)
{
  g_autoptr(AmDocument) document = import_ok (igraph_file);

  g_assert_cmpuint (n_entities (document), ==, 2);
  g_assert_cmpuint (n_relations (document), ==, 3);
  g_assert_cmpstr (am_entity_get_name (am_document_lookup_entity (document, "n0")), ==, "Seoul");
  g_assert_cmpint (am_entity_get_kind (am_document_lookup_entity (document, "n1")), ==,
                   AM_ENTITY_KIND_PLACE);
  /* Edges without ids get e<index>; the graph's edgedefault, unless the edge says. */
  g_assert_cmpstr (am_relation_get_id (relation_at (document, 0)), ==, "e0");
  g_assert_cmpstr (am_relation_get_id (relation_at (document, 1)), ==, "e1");
  g_assert_cmpstr (am_relation_get_label (relation_at (document, 1)), ==, "hotline");
  g_assert_false (am_relation_get_directed (relation_at (document, 0)));
  g_assert_false (am_relation_get_directed (relation_at (document, 1)));
  g_assert_true (am_relation_get_directed (relation_at (document, 2)));
}

/* Declared defaults, the key's id when it has no attr.name, a graph title, a directed
 * data value, a node whose label and name differ, and a nested graph (a yEd group). */
static const char defaults_file[] =
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
  "  <key id=\"k\" for=\"node\" attr.name=\"kind\"><default>organization</default></key>\n"
  "  <key id=\"c\" for=\"node\" attr.name=\"color\"><default>grey</default></key>\n"
  "  <key id=\"w\" for=\"all\"/>\n"
  "  <key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
  "  <key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
  "  <key id=\"t\" for=\"graph\" attr.name=\"name\"/>\n"
  "  <key id=\"d\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
  "  <graph edgedefault=\"directed\">\n"
  "    <data key=\"t\">Talks</data>\n"
  "    <node id=\"a\"><data key=\"c\">red</data><data key=\"w\">3</data></node>\n"
  "    <node id=\"b\"><data key=\"k\">person</data><data key=\"l\">Bee</data>"
  "<data key=\"n\">b-name</data>\n"
  "      <graph edgedefault=\"undirected\">\n"
  "        <node id=\"b::c\"/>\n"
  "        <edge source=\"b::c\" target=\"a\"/>\n"
  "      </graph>\n"
  "    </node>\n"
  "    <edge id=\"x\" source=\"a\" target=\"b\"><data key=\"d\">false</data></edge>\n"
  "  </graph>\n"
  "</graphml>\n";

static void
test_defaults_and_nesting (void)
{
  g_autoptr(AmDocument) document = import_ok (defaults_file);
  AmEntity *a = am_document_lookup_entity (document, "a");
  AmEntity *b = am_document_lookup_entity (document, "b");
  AmEntity *c = am_document_lookup_entity (document, "b::c");

  g_assert_cmpstr (am_document_get_title (document), ==, "Talks");
  g_assert_cmpuint (n_entities (document), ==, 3);
  g_assert_cmpuint (n_relations (document), ==, 2);
  g_assert_cmpint (am_entity_get_kind (a), ==, AM_ENTITY_KIND_ORGANIZATION);
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (a), "color"), ==, "red");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (a), "w"), ==, "3");
  g_assert_cmpint (am_entity_get_kind (b), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (am_entity_get_name (b), ==, "Bee");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (b), "name"), ==, "b-name");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (b), "color"), ==, "grey");
  /* The nested node is flattened and remembers its group node. */
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (c), "graphml.parent"), ==, "b");
  g_assert_cmpstr (am_relation_get_source (relation_at (document, 0)), ==, "b::c");
  g_assert_false (am_relation_get_directed (relation_at (document, 0)));
  /* The data value says undirected in a directed graph. */
  g_assert_false (am_relation_get_directed (am_document_lookup_relation (document, "x")));
  g_assert_false (g_hash_table_contains (
    am_relation_get_attributes (am_document_lookup_relation (document, "x")), "directed"));
}

/* Cytoscape: "name" and "shared name" on nodes, the relation type as "interaction". */
static void
test_cytoscape (void)
{
  g_autoptr(AmDocument) document = import_ok (
    "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
    "<key id='n' for='node' attr.name='name' attr.type='string'/>"
    "<key id='s' for='node' attr.name='shared name' attr.type='string'/>"
    "<key id='i' for='edge' attr.name='interaction' attr.type='string'/>"
    "<graph edgedefault='directed'>"
    "<node id='1'><data key='n'>KCNA</data><data key='s'>KCNA</data></node>"
    "<node id='2'><data key='n'>Yonhap</data></node>"
    "<edge source='1' target='2'><data key='i'>cites</data></edge>"
    "</graph></graphml>");
  AmRelation *relation = relation_at (document, 0);
  AmEntity *kcna = am_document_lookup_entity (document, "1");

  g_assert_cmpstr (am_entity_get_name (kcna), ==, "KCNA");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (kcna), "shared name"), ==,
                   "KCNA");
  g_assert_cmpstr (am_relation_get_rel_type (relation), ==, "cites");
  g_assert_cmpstr (am_relation_get_id (relation), ==, "e0");
}

/* An edge id that is also a node id gets a suffix: one id space. */
static void
test_edge_id_clash (void)
{
  g_autoptr(AmDocument) document = import_ok (
    "<graphml><graph edgedefault='directed'><node id='a'/><node id='b'/>"
    "<edge id='a' source='a' target='b'/><edge id='a' source='b' target='a'/>"
    "</graph></graphml>");

  g_assert_cmpstr (am_relation_get_id (relation_at (document, 0)), ==, "a-2");
  g_assert_cmpstr (am_relation_get_id (relation_at (document, 1)), ==, "a-3");
}

/* ------------------------------------------------------------------------------------ */
/* Bad inputs                                                                           */

typedef struct
{
  const char   *what;
  const char   *text;
  gssize        length;     /* -1: strlen */
  AmModelError  code;
  const char   *line;       /* "line N" expected in the message, or NULL */
  const char   *needle;     /* another substring, or NULL */
} BadGraphml;

static const char nul_file[] = "<graphml>\n<graph>\0</graph></graphml>";

static const BadGraphml bad_inputs[] = {
  /* libxml2 quotes the bad bytes in its message, which must still be UTF-8 */
  { "not UTF-8 in a namespace URI",
    "<graphml xmlns='http://graphml.g\xfdraph'>\n<graph/></graphml>", -1,
    AM_MODEL_ERROR_SYNTAX, "line 1", "not well-formed" },
  { "truncated", "<graphml>\n<graph>\n<node id='a'>", -1, AM_MODEL_ERROR_SYNTAX,
    "line 3", "not well-formed" },
  /* libxml2 reports its last error: the end of the document, after the stray </node> */
  { "unbalanced", "<graphml>\n<graph>\n</node>\n</graph></graphml>", -1, AM_MODEL_ERROR_SYNTAX,
    "line 4", "not well-formed" },
  { "billion laughs",
    "<?xml version='1.0'?>\n<!DOCTYPE graphml [\n <!ENTITY lol 'lol'>\n"
    " <!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>\n]>\n"
    "<graphml><graph><node id='&lol2;'/></graph></graphml>", -1,
    AM_MODEL_ERROR_INVALID_DOCUMENT, NULL, "entities" },
  { "external entity (XXE)",
    "<?xml version='1.0'?>\n<!DOCTYPE graphml [ <!ENTITY x SYSTEM 'file:///etc/passwd'> ]>\n"
    "<graphml><key id='k' for='node'/><graph><node id='a'><data key='k'>&x;</data></node>"
    "</graph></graphml>", -1,
    AM_MODEL_ERROR_INVALID_DOCUMENT, NULL, "entities" },
  { "NUL byte", nul_file, sizeof nul_file - 1, AM_MODEL_ERROR_SYNTAX,
    "line 2", "not well-formed" },
  { "UTF-8 BOM", "\xef\xbb\xbf<graphml>\n<graph>\n<node/>\n</graph>\n</graphml>",
    -1, AM_MODEL_ERROR_MISSING_FIELD, "line 3", "without an id" },
  { "unknown node", "<graphml>\n<graph>\n<node id='a'/>\n<edge source='a' target='zz'/>\n"
    "</graph></graphml>", -1, AM_MODEL_ERROR_UNKNOWN_REFERENCE, "line 4", "'zz'" },
  { "duplicate node", "<graphml>\n<graph>\n<node id='a'/>\n<node id='a'/>\n</graph></graphml>",
    -1, AM_MODEL_ERROR_DUPLICATE_ID, "line 4", "'a'" },
  { "hyperedge", "<graphml>\n<graph>\n<node id='a'/>\n<hyperedge><endpoint node='a'/></hyperedge>\n"
    "</graph></graphml>", -1, AM_MODEL_ERROR_INVALID_DOCUMENT, "line 4", "hyperedge" },
  { "port", "<graphml>\n<graph>\n<node id='a'>\n<port name='p'/></node>\n</graph></graphml>",
    -1, AM_MODEL_ERROR_INVALID_DOCUMENT, "line 4", "port" },
  { "sourceport", "<graphml>\n<graph>\n<node id='a'/>\n"
    "<edge source='a' target='a' sourceport='p'/>\n"
    "</graph></graphml>", -1, AM_MODEL_ERROR_INVALID_DOCUMENT, "line 4", "port" },
  { "undeclared key", "<graphml>\n<graph>\n<node id='a'>\n<data key='d9'>x</data></node>\n"
    "</graph></graphml>", -1, AM_MODEL_ERROR_UNKNOWN_REFERENCE, "line 4", "'d9'" },
  { "two graphs", "<graphml>\n<graph/>\n<graph/>\n</graphml>", -1,
    AM_MODEL_ERROR_INVALID_DOCUMENT, "line 3", "second <graph>" },
  { "bad edgedefault", "<graphml>\n<graph edgedefault='sideways'/>\n</graphml>", -1,
    AM_MODEL_ERROR_INVALID_VALUE, "line 2", "sideways" },
  { "bad directed", "<graphml>\n<graph>\n<node id='a'/>\n"
    "<edge source='a' target='a' directed='maybe'/>\n"
    "</graph></graphml>", -1, AM_MODEL_ERROR_INVALID_VALUE, "line 4", "maybe" },
  { "edge without a target", "<graphml>\n<graph>\n<node id='a'/>\n<edge source='a'/>\n"
    "</graph></graphml>", -1, AM_MODEL_ERROR_MISSING_FIELD, "line 4", "target" },
  { "no graph", "<graphml>\n<key id='a'/>\n</graphml>", -1, AM_MODEL_ERROR_MISSING_FIELD,
    "line 1", "no <graph>" },
  { "duplicate key", "<graphml>\n<key id='a'/>\n<key id='a'/>\n<graph/></graphml>", -1,
    AM_MODEL_ERROR_DUPLICATE_ID, "line 3", "'a'" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadGraphml *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = NULL;
  gsize length = bad->length >= 0 ? (gsize) bad->length : strlen (bad->text);

  document = import_bytes (bad->text, length, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, AM_MODEL_ERROR, (gint) bad->code);
  g_assert_true (g_str_has_prefix (error->message, NAME ": "));
  if (bad->line != NULL)
    {
      g_autofree char *line = g_strconcat (NAME ": ", bad->line, ":", NULL);
      g_assert_true (g_str_has_prefix (error->message, line));
    }
  if (bad->needle != NULL)
    g_assert_nonnull (strstr (error->message, bad->needle));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* An error far down a big file names its line: libxml2 keeps an element's line in 16
 * bits unless told otherwise (XML_PARSE_BIG_LINES), and would say 65 535.  Past that,
 * it knows an element's line from the text that follows it: here the newline after it,
 * which ends on the next line. */
static void
test_error_line_past_65535 (void)
{
  g_autoptr(GString) text = g_string_new ("<graphml>\n<graph>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = NULL;

  /* Lines 3 to 70 002 hold a node each; line 70 003 repeats an id. */
  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (text, "<node id='n%u'/>\n", i);
  g_string_append (text, "<node id='n7'/>\n</graph></graphml>\n");

  document = import_bytes (text->str, text->len, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_DUPLICATE_ID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, NAME ": line 70003:")
                 || g_str_has_prefix (error->message, NAME ": line 70004:"));
}

/* UTF-16 with a BOM is decoded (the node names come through whole), and its errors
 * still name the line. */
static void
test_utf16 (void)
{
  static const char good[] =
    "<?xml version='1.0' encoding='UTF-16'?>\n<graphml>\n<graph>\n"
    "<node id='a'/><node id='b'/>\n<edge source='a' target='b'/>\n</graph></graphml>";
  static const char bad[] =
    "<?xml version='1.0' encoding='UTF-16'?>\n<graphml>\n<graph>\n"
    "<node id='\xc3\xa9t\xc3\xa9'/>\n<edge source='\xc3\xa9t\xc3\xa9' target='zz'/>\n"
    "</graph></graphml>";
  const char *texts[] = { good, bad };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = NULL;
      gsize length = 0;
      g_autofree char *utf16 = g_convert (texts[i], -1, "UTF-16LE", "UTF-8", NULL, &length,
                                          NULL);
      g_autofree char *with_bom = g_malloc (length + 2);

      g_assert_nonnull (utf16);
      with_bom[0] = (char) 0xff;
      with_bom[1] = (char) 0xfe;
      memcpy (with_bom + 2, utf16, length);
      document = import_bytes (with_bom, length + 2, &error);
      if (i == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (n_entities (document), ==, 2);
          g_assert_cmpuint (n_relations (document), ==, 1);
        }
      else
        {
          g_assert_null (document);
          g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
          g_assert_true (g_str_has_prefix (error->message, NAME ": line 5:"));
          g_assert_nonnull (strstr (error->message, "'zz'"));
        }
    }
}

/* An external DTD is never read: the entity it declares stays unexpanded, so its text
 * appears nowhere. */
static void
test_external_dtd_not_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("am-graphml-XXXXXX", NULL);
  g_autofree char *dtd = g_build_filename (dir, "secret.dtd", NULL);
  g_autofree char *text = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AmEntity *entity;
  const char *value;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (dtd, "<!ENTITY x \"leaked\">\n", -1, NULL));
  text = g_strdup_printf ("<?xml version='1.0'?>\n<!DOCTYPE graphml SYSTEM 'file://%s'>\n"
                          "<graphml><key id='k' for='node' attr.name='secret'/><graph>"
                          "<node id='a'><data key='k'>&x;</data></node></graph></graphml>",
                          dtd);
  document = import_bytes (text, strlen (text), &error);
  if (document == NULL)
    {
      /* Refused is as good as not read, as long as it says why. */
      g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, NAME ": line "));
    }
  else
    {
      entity = am_document_lookup_entity (document, "a");
      value = g_hash_table_lookup (am_entity_get_attributes (entity), "secret");
      g_assert_true (value == NULL || strstr (value, "leaked") == NULL);
      g_assert_cmpstr (am_entity_get_name (entity), ==, "a");
    }

  g_assert_cmpint (g_remove (dtd), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Deeper than AM_XML_MAX_DEPTH (64): refused with the line of the first element past
 * the cap, before any of it is read. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("<graphml><graph>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "<node id='n%u'><graph>\n", i);
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "</graph></node>");
  g_string_append (text, "</graph></graphml>");

  document = import_bytes (text->str, text->len, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, NAME ": line 33:"));
  g_assert_nonnull (strstr (error->message, "64"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphml/yed", test_yed);
  g_test_add_func ("/graphml/networkx", test_networkx);
  g_test_add_func ("/graphml/igraph-undirected", test_igraph_undirected);
  g_test_add_func ("/graphml/defaults-and-nesting", test_defaults_and_nesting);
  g_test_add_func ("/graphml/cytoscape", test_cytoscape);
  g_test_add_func ("/graphml/edge-id-clash", test_edge_id_clash);
  g_test_add_func ("/graphml/bad/deep-nesting", test_deep_nesting);
  g_test_add_func ("/graphml/bad/utf16", test_utf16);
  g_test_add_func ("/graphml/bad/error-line-past-65535", test_error_line_past_65535);
  g_test_add_func ("/graphml/bad/external-dtd-not-read", test_external_dtd_not_read);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graphml/bad/%s", bad_inputs[i].what);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }

  return g_test_run ();
}
