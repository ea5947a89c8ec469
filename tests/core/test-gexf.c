/* test-gexf.c — GEXF files from Gephi, NetworkX and GEXF 1.3 in, and every bad input
 *
 * The good files are written the way their programs write them (a Gephi 0.9 1.2draft
 * export with viz and attvalues, a GEXF 1.3 file with parallel edges and spells, what
 * NetworkX's write_gexf gives for a multigraph, a 1.1draft file); each assertion is on
 * what the model shows.  The bad ones are a table: the error code, the file name at the
 * start of the message, the line and what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-core.h"
#include "am-interchange.h"

static AmDocument *
import_text (const char  *text,
             gssize       length,
             const char  *name,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  AmInterchangeFormat format;

  g_assert_true (am_interchange_sniff (name, bytes, &format));
  g_assert_cmpint (format, ==, AM_INTERCHANGE_GEXF);
  return am_interchange_import (format, bytes, name, NULL, error);
}

static AmDocument *
import_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document = import_text (text, -1, "net.gexf", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (am_document_get_origin (document), ==, AM_DOCUMENT_ORIGIN_NETWORK);
  return document;
}

static const char *
entity_attribute (AmEntity   *entity,
                  const char *key)
{
  return g_hash_table_lookup (am_entity_get_attributes (entity), key);
}

static const char *
relation_attribute (AmRelation *relation,
                    const char *key)
{
  return g_hash_table_lookup (am_relation_get_attributes (relation), key);
}

static AmRelation *
relation_at (AmDocument *document,
             guint       index)
{
  GListModel *relations = am_document_get_relations (document);
  AmRelation *relation = g_list_model_get_item (relations, index);

  g_object_unref (relation);   /* the document holds it */
  return relation;
}

static const char gephi_12[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.2\">\n"
  "  <meta lastmodifieddate=\"2021-03-18\">\n"
  "    <creator>Gephi 0.9</creator>\n"
  "    <description></description>\n"
  "  </meta>\n"
  "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
  "    <attributes class=\"node\" mode=\"static\">\n"
  "      <attribute id=\"kind\" title=\"Kind\" type=\"string\"></attribute>\n"
  "      <attribute id=\"modularity_class\" title=\"Modularity Class\" type=\"integer\">\n"
  "        <default>0</default>\n"
  "      </attribute>\n"
  "    </attributes>\n"
  "    <attributes class=\"edge\" mode=\"static\">\n"
  "      <attribute id=\"reltype\" title=\"type\" type=\"string\"></attribute>\n"
  "    </attributes>\n"
  "    <nodes>\n"
  "      <node id=\"0\" label=\"United States\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"kind\" value=\"state\"></attvalue>\n"
  "          <attvalue for=\"modularity_class\" value=\"1\"></attvalue>\n"
  "        </attvalues>\n"
  "        <viz:size value=\"10.0\"></viz:size>\n"
  "        <viz:position x=\"-120.5\" y=\"33.25\" z=\"0.0\"></viz:position>\n"
  "        <viz:color r=\"31\" g=\"119\" b=\"180\"></viz:color>\n"
  "      </node>\n"
  "      <node id=\"1\" label=\"Kim Jong Un\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"kind\" value=\"Person\"></attvalue>\n"
  "        </attvalues>\n"
  "        <viz:color r=\"255\" g=\"0\" b=\"0\" a=\"0.5\"></viz:color>\n"
  "      </node>\n"
  "      <node id=\"2\" label=\"Summit\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"kind\" value=\"summit\"></attvalue>\n"
  "        </attvalues>\n"
  "      </node>\n"
  "    </nodes>\n"
  "    <edges>\n"
  "      <edge id=\"0\" source=\"0\" target=\"1\" label=\"hostile policy\" weight=\"2.0\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"reltype\" value=\"hostility\"></attvalue>\n"
  "        </attvalues>\n"
  "      </edge>\n"
  "      <edge id=\"1\" source=\"1\" target=\"2\" type=\"undirected\"></edge>\n"
  "    </edges>\n"
  "  </graph>\n"
  "</gexf>\n";

static void
test_gephi_12 (void)
{
  g_autoptr(AmDocument) document = import_ok (gephi_12);
  AmEntity *us, *kim, *summit;
  AmRelation *hostile, *undirected;
  double x, y;

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 2);
  g_assert_null (am_document_get_title (document));   /* the description is empty */
  g_assert_cmpstr (g_hash_table_lookup (am_document_get_graph_attributes (document), "creator"),
                   ==, "Gephi 0.9");

  us = am_document_lookup_entity (document, "0");
  kim = am_document_lookup_entity (document, "1");
  summit = am_document_lookup_entity (document, "2");
  g_assert_nonnull (us);
  g_assert_nonnull (kim);
  g_assert_nonnull (summit);

  g_assert_cmpstr (am_entity_get_name (us), ==, "United States");
  g_assert_cmpint (am_entity_get_kind (us), ==, AM_ENTITY_KIND_STATE);
  g_assert_cmpstr (entity_attribute (us, "Modularity Class"), ==, "1");
  g_assert_cmpstr (entity_attribute (us, "viz:color"), ==, "#1f77b4");
  g_assert_cmpstr (entity_attribute (us, "viz:size"), ==, "10");
  g_assert_null (entity_attribute (us, "Kind"));   /* it is the kind, not an attribute */
  g_assert_true (am_entity_get_position (us, &x, &y));
  g_assert_cmpfloat (x, ==, -120.5);
  g_assert_cmpfloat (y, ==, -33.25);   /* GEXF's y grows up, the scene's down */

  g_assert_cmpint (am_entity_get_kind (kim), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (entity_attribute (kim, "Modularity Class"), ==, "0");   /* the default */
  g_assert_cmpstr (entity_attribute (kim, "viz:color"), ==, "#ff000080");
  g_assert_false (am_entity_get_position (kim, &x, &y));

  /* An unknown kind keeps its word, as the JSON loader does, and as an attribute. */
  g_assert_cmpint (am_entity_get_kind (summit), ==, AM_ENTITY_KIND_OTHER);
  g_assert_cmpstr (am_entity_get_kind_name (summit), ==, "summit");
  g_assert_cmpstr (entity_attribute (summit, "kind"), ==, "summit");

  /* Node and edge ids share one id space in a document: the edges' "0" and "1" get
   * other ids, and the file's is kept. */
  hostile = relation_at (document, 0);
  g_assert_cmpstr (am_relation_get_id (hostile), ==, "0-2");
  g_assert_cmpstr (relation_attribute (hostile, "gexf-id"), ==, "0");
  g_assert_cmpstr (am_relation_get_source (hostile), ==, "0");
  g_assert_cmpstr (am_relation_get_target (hostile), ==, "1");
  g_assert_cmpstr (am_relation_get_label (hostile), ==, "hostile policy");
  g_assert_cmpstr (am_relation_get_rel_type (hostile), ==, "hostility");
  g_assert_cmpstr (relation_attribute (hostile, "weight"), ==, "2.0");
  g_assert_true (am_relation_get_directed (hostile));

  undirected = relation_at (document, 1);
  g_assert_cmpstr (am_relation_get_id (undirected), ==, "1-2");
  g_assert_false (am_relation_get_directed (undirected));
  g_assert_cmpstr (am_relation_get_label (undirected), ==, "");
  g_assert_null (am_relation_get_rel_type (undirected));
}

static const char gexf_13[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
  "  <meta><creator>hand</creator><title>Talks</title><description>d</description></meta>\n"
  "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n"
  "    <nodes>\n"
  "      <node id=\"a\" label=\"Alpha\"><viz:color hex=\"#FF8800\"/></node>\n"
  "      <node id=\"b\"/>\n"
  "      <node id=\"c\" label=\"Group\">\n"
  "        <nodes><node id=\"c1\" label=\"Member\"/></nodes>\n"
  "      </node>\n"
  "    </nodes>\n"
  "    <edges>\n"
  "      <edge id=\"e1\" source=\"a\" target=\"b\" kind=\"meeting\" start=\"2021-03-01\" end=\"2021-03-31\"/>\n"
  "      <edge id=\"e2\" source=\"a\" target=\"b\" kind=\"meeting\">\n"
  "        <spells><spell start=\"2019-01-01\" end=\"2019-12-31\"/></spells>\n"
  "      </edge>\n"
  "      <edge id=\"e2\" source=\"b\" target=\"a\" label=\"again\" start=\"2021-03-18\"/>\n"
  "      <edge source=\"a\" target=\"b\" type=\"directed\" start=\"2020-01-05\" end=\"2020-02-07\"/>\n"
  "      <edge source=\"c1\" target=\"c\" type=\"mutual\"/>\n"
  "    </edges>\n"
  "  </graph>\n"
  "</gexf>\n";

static void
test_gexf_13 (void)
{
  g_autoptr(AmDocument) document = import_ok (gexf_13);
  AmEntity *a, *b, *member;
  AmRelation *r;

  g_assert_cmpstr (am_document_get_title (document), ==, "Talks");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 5);

  a = am_document_lookup_entity (document, "a");
  b = am_document_lookup_entity (document, "b");
  member = am_document_lookup_entity (document, "c1");
  g_assert_cmpstr (entity_attribute (a, "viz:color"), ==, "#ff8800");
  g_assert_cmpstr (am_entity_get_name (b), ==, "b");   /* no label: the id */
  g_assert_cmpstr (am_entity_get_kind_name (b), ==, AM_GRAPHVIZ_NODE_KIND);
  g_assert_cmpstr (am_entity_get_name (member), ==, "Member");
  g_assert_cmpstr (entity_attribute (member, "pid"), ==, "c");

  /* A whole month and a whole year as spells become the month and the year. */
  r = relation_at (document, 0);
  g_assert_cmpstr (am_relation_get_id (r), ==, "e1");
  g_assert_cmpstr (am_relation_get_rel_type (r), ==, "meeting");
  g_assert_cmpstr (am_relation_get_date (r), ==, "2021-03");
  g_assert_false (am_relation_get_directed (r));
  g_assert_null (relation_attribute (r, "start"));

  r = relation_at (document, 1);
  g_assert_cmpstr (am_relation_get_id (r), ==, "e2");
  g_assert_cmpstr (am_relation_get_date (r), ==, "2019");

  /* The parallel edge with a repeated id is kept under a new id. */
  r = relation_at (document, 2);
  g_assert_cmpstr (am_relation_get_id (r), ==, "e2-2");
  g_assert_cmpstr (relation_attribute (r, "gexf-id"), ==, "e2");
  g_assert_cmpstr (am_relation_get_label (r), ==, "again");
  g_assert_cmpstr (am_relation_get_date (r), ==, "2021-03-18");

  /* No id: one is made.  A span that is no day, month or year keeps its ends. */
  r = relation_at (document, 3);
  g_assert_cmpstr (am_relation_get_id (r), ==, "e3");
  g_assert_true (am_relation_get_directed (r));
  g_assert_null (am_relation_get_date (r));
  g_assert_cmpstr (relation_attribute (r, "start"), ==, "2020-01-05");
  g_assert_cmpstr (relation_attribute (r, "end"), ==, "2020-02-07");

  r = relation_at (document, 4);
  g_assert_false (am_relation_get_directed (r));   /* mutual */
  g_assert_cmpstr (am_relation_get_source (r), ==, "c1");
}

/* What NetworkX 3.6 write_gexf() gives for a MultiGraph (its "type" data lands in the
 * edge's type attribute). */
static const char networkx_12[] =
  "<?xml version='1.0' encoding='utf-8'?>\n"
  "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
  "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
  "  <meta lastmodifieddate=\"2026-12-07\">\n"
  "    <creator>NetworkX 3.6.1</creator>\n"
  "  </meta>\n"
  "  <graph defaultedgetype=\"undirected\" mode=\"static\" name=\"\">\n"
  "    <attributes mode=\"static\" class=\"edge\">\n"
  "      <attribute id=\"2\" title=\"networkx_key\" type=\"long\" />\n"
  "    </attributes>\n"
  "    <attributes mode=\"static\" class=\"node\">\n"
  "      <attribute id=\"0\" title=\"kind\" type=\"string\" />\n"
  "      <attribute id=\"1\" title=\"age\" type=\"long\" />\n"
  "    </attributes>\n"
  "    <nodes>\n"
  "      <node id=\"Alice\" label=\"Alice\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"0\" value=\"person\" />\n"
  "          <attvalue for=\"1\" value=\"31\" />\n"
  "        </attvalues>\n"
  "      </node>\n"
  "      <node id=\"Bob\" label=\"Bob\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"0\" value=\"organization\" />\n"
  "        </attvalues>\n"
  "      </node>\n"
  "      <node id=\"Carol\" label=\"Carol\" />\n"
  "    </nodes>\n"
  "    <edges>\n"
  "      <edge source=\"Alice\" target=\"Bob\" id=\"0\" type=\"meeting\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"2\" value=\"0\" />\n"
  "        </attvalues>\n"
  "      </edge>\n"
  "      <edge source=\"Alice\" target=\"Bob\" id=\"1\" type=\"meeting\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"2\" value=\"1\" />\n"
  "        </attvalues>\n"
  "      </edge>\n"
  "      <edge source=\"Bob\" target=\"Carol\" id=\"2\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"2\" value=\"0\" />\n"
  "        </attvalues>\n"
  "      </edge>\n"
  "    </edges>\n"
  "  </graph>\n"
  "</gexf>\n";

static void
test_networkx (void)
{
  g_autoptr(AmDocument) document = import_ok (networkx_12);
  AmEntity *alice = NULL;
  AmRelation *r;

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 3);
  g_assert_null (am_document_get_title (document));   /* name="" */

  alice = am_document_lookup_entity (document, "Alice");
  g_assert_cmpint (am_entity_get_kind (alice), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (entity_attribute (alice, "age"), ==, "31");
  g_assert_cmpint (am_entity_get_kind (am_document_lookup_entity (document, "Bob")), ==,
                   AM_ENTITY_KIND_ORGANIZATION);

  /* The parallel pair is kept, each with its own id, undirected, typed "meeting". */
  for (guint i = 0; i < 2; i++)
    {
      r = relation_at (document, i);
      g_assert_cmpstr (am_relation_get_id (r), ==, i == 0 ? "0" : "1");
      g_assert_cmpstr (am_relation_get_source (r), ==, "Alice");
      g_assert_cmpstr (am_relation_get_target (r), ==, "Bob");
      g_assert_cmpstr (am_relation_get_rel_type (r), ==, "meeting");
      g_assert_false (am_relation_get_directed (r));
      g_assert_cmpstr (relation_attribute (r, "networkx_key"), ==, i == 0 ? "0" : "1");
    }
  r = relation_at (document, 2);
  g_assert_null (am_relation_get_rel_type (r));
}

static void
test_gexf_11 (void)
{
  g_autoptr(AmDocument) document = import_ok (
    "<gexf xmlns=\"http://www.gexf.net/1.1draft\" xmlns:viz=\"http://www.gexf.net/1.1draft/viz\" version=\"1.1\">\n"
    "<graph defaultedgetype=\"directed\" name=\"old\">\n"
    "<attributes class=\"node\"><attribute id=\"0\" title=\"type\" type=\"string\"/></attributes>\n"
    "<nodes><node id=\"x\" label=\"X\"><attvalues><attvalue id=\"0\" value=\"media\"/></attvalues>"
    "<viz:position x=\"1\" y=\"2\"/></node><node id=\"y\" label=\"Y\"/></nodes>\n"
    "<edges><edge id=\"e\" source=\"x\" target=\"y\"/></edges></graph></gexf>\n");
  AmEntity *x = am_document_lookup_entity (document, "x");
  double px, py;

  g_assert_cmpstr (am_document_get_title (document), ==, "old");
  g_assert_cmpint (am_entity_get_kind (x), ==, AM_ENTITY_KIND_MEDIA);
  g_assert_true (am_entity_get_position (x, &px, &py));
  g_assert_cmpfloat (px, ==, 1);
  g_assert_cmpfloat (py, ==, -2);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 1);
}

/* Positions at another scale (a NetworkX layout spans 0–1) are spread out, the
 * picture kept; positions that all coincide are dropped. */
static void
test_spread_positions (void)
{
  g_autoptr(AmDocument) document = import_ok (
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\"><graph>\n"
    "<attributes class=\"node\"><attribute id=\"k\" title=\"kind\"/></attributes><nodes>\n"
    "<node id=\"a\"><viz:position x=\"-0.5\" y=\"0.2\"/></node>\n"
    "<node id=\"b\"><attvalues><attvalue for=\"k\" value=\"person\"/></attvalues>"
    "<viz:position x=\"0.1\" y=\"-0.3\"/></node>\n"
    "<node id=\"c\"><attvalues><attvalue for=\"k\" value=\"summit\"/></attvalues>"
    "<viz:position x=\"0.5\" y=\"0.4\"/></node>\n"
    "<node id=\"d\"/></nodes></graph></gexf>\n");
  g_autoptr(AmDocument) same = import_ok (
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\"><graph><nodes>\n"
    "<node id=\"a\"><viz:position x=\"0\" y=\"0\"/></node>\n"
    "<node id=\"b\"><viz:position x=\"0\" y=\"0\"/></node>\n"
    "</nodes></graph></gexf>\n");
  const char *ids[] = { "a", "b", "c" };
  double x[3], y[3], dx, dy;

  for (guint i = 0; i < 3; i++)
    g_assert_true (am_entity_get_position (am_document_lookup_entity (document, ids[i]), &x[i],
                                           &y[i]));
  g_assert_false (am_entity_get_position (am_document_lookup_entity (document, "d"), &dx, &dy));
  /* Moved, they keep their kind. */
  g_assert_cmpstr (am_entity_get_kind_name (am_document_lookup_entity (document, "a")), ==,
                   AM_GRAPHVIZ_NODE_KIND);
  g_assert_cmpstr (am_entity_get_kind_name (am_document_lookup_entity (same, "a")), ==,
                   AM_GRAPHVIZ_NODE_KIND);
  g_assert_cmpint (am_entity_get_kind (am_document_lookup_entity (document, "b")), ==,
                   AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (am_entity_get_kind_name (am_document_lookup_entity (document, "c")), ==,
                   "summit");
  /* Spanning 180 × √3 points, about the centre, in the same proportions. */
  g_assert_cmpfloat_with_epsilon (x[2] - x[0], 180 * sqrt (3), 1e-6);
  g_assert_cmpfloat_with_epsilon ((x[1] - x[0]) / (x[2] - x[0]), 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon ((y[1] - y[0]) / (x[2] - x[0]), 0.5, 1e-9);   /* y flipped */
  g_assert_cmpfloat_with_epsilon (x[0] + x[2], 0, 1e-6);
  dx = x[1] - x[0];
  dy = y[1] - y[0];
  g_assert_cmpfloat (sqrt (dx * dx + dy * dy), >, 180);

  g_assert_false (am_entity_get_position (am_document_lookup_entity (same, "a"), &dx, &dy));
  g_assert_false (am_entity_get_position (am_document_lookup_entity (same, "b"), &dx, &dy));
}

static void
test_bom (void)
{
  g_autofree char *text = g_strconcat ("\xef\xbb\xbf", gexf_13, NULL);
  g_autoptr(AmDocument) document = import_ok (text);

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 4);
}

typedef struct
{
  const char   *name;
  const char   *text;
  gssize        length;      /* -1: up to the NUL */
  AmModelError  code;
  const char   *needles[3];  /* in the message after "bad.gexf: " */
} BadInput;

#define HEAD "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"

static const char utf16[] = "\xff\xfe<\0g\0e\0x\0f\0/\0>\0";
static const char with_nul[] = HEAD "<graph>\n<nodes><node id=\"a\" label=\"A\0\"/></nodes></graph></gexf>";

static const BadInput bad_inputs[] = {
  { "truncated", HEAD "<graph>\n<nodes>\n<node id=\"a\" label=\"A\"/>\n<node id=\"b\" lab", -1,
    AM_MODEL_ERROR_SYNTAX, { "line 5", "not well-formed XML" } },
  { "unknown-node", HEAD "<graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n"
    "<edge id=\"e\" source=\"a\" target=\"zz\"/>\n</edges></graph></gexf>", -1,
    AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "line 5", "edge 'e': unknown target node 'zz'" } },
  { "unknown-source", HEAD "<graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n"
    "<edge source=\"q\" target=\"a\"/>\n</edges></graph></gexf>", -1,
    AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "line 5", "edge 0: unknown source node 'q'" } },
  { "duplicate-node", HEAD "<graph>\n<nodes>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_DUPLICATE_ID, { "line 5", "node 'a': duplicate node id" } },
  { "bad-viz-number", HEAD "<graph>\n<nodes><node id=\"a\">\n<viz:position x=\"1e999\" y=\"0\"/>\n"
    "</node></nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_INVALID_VALUE, { "line 4", "viz:position: 'x' is not a number: '1e999'" } },
  { "bad-viz-size", HEAD "<graph>\n<nodes><node id=\"a\">\n\n<viz:size value=\"big\"/>\n"
    "</node></nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_INVALID_VALUE, { "line 5", "viz:size: 'value' is not a number: 'big'" } },
  { "bad-viz-color", HEAD "<graph>\n<nodes><node id=\"a\">\n<viz:color r=\"300\" g=\"0\" b=\"0\"/>\n"
    "</node></nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_INVALID_VALUE, { "line 4", "'r' is outside 0–255" } },
  { "bad-weight", HEAD "<graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n"
    "<edge id=\"e\" source=\"a\" target=\"a\" weight=\"heavy\"/>\n</edges></graph></gexf>", -1,
    AM_MODEL_ERROR_INVALID_VALUE, { "line 5", "weight 'heavy' is not a number" } },
  { "undeclared-attvalue", HEAD "<graph>\n<nodes><node id=\"a\">\n<attvalues>\n"
    "<attvalue for=\"9\" value=\"x\"/>\n</attvalues></node></nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "line 5", "node 'a': <attvalue> for undeclared attribute '9'" } },
  { "node-without-id", HEAD "<graph>\n<nodes>\n<node label=\"A\"/>\n</nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_MISSING_FIELD, { "line 4", "a <node> without an id" } },
  { "edge-without-target", HEAD "<graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n"
    "<edge id=\"e\" source=\"a\"/>\n</edges></graph></gexf>", -1,
    AM_MODEL_ERROR_MISSING_FIELD, { "line 5", "edge 'e': no source or no target" } },
  { "bad-defaultedgetype", HEAD "<graph defaultedgetype=\"sideways\">\n</graph></gexf>", -1,
    AM_MODEL_ERROR_INVALID_VALUE, { "line 2", "defaultedgetype 'sideways'" } },
  { "no-graph", HEAD "<meta/>\n</gexf>", -1,
    AM_MODEL_ERROR_MISSING_FIELD, { "line 1", "no <graph> element" } },
  /* The frame's reader refuses any entity declaration, before a single one expands; its
   * message names the file, and no line (the declaration is not an element). */
  { "entity-declaration", "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [\n<!ENTITY a \"aaaa\">\n]>\n"
    HEAD "<graph><nodes><node id=\"a\" label=\"&a;\"/></nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_INVALID_DOCUMENT, { "declares XML entities" } },
  /* UTF-16 is decoded (test_utf16); this one has no graph. */
  { "utf16-no-graph", utf16, sizeof utf16 - 1,
    AM_MODEL_ERROR_MISSING_FIELD, { "line 1", "no <graph> element" } },
  { "nul-byte", with_nul, sizeof with_nul - 1,
    AM_MODEL_ERROR_NOT_UTF8, { "line 3", "NUL byte" } },
  { "bom-only", "\xef\xbb\xbf  \n", -1,
    AM_MODEL_ERROR_EMPTY, { "empty file" } },
  { "latin1", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" HEAD "<graph><nodes>\n"
    "<node id=\"a\" label=\"Caf\xe9\"/></nodes></graph></gexf>", -1,
    AM_MODEL_ERROR_SYNTAX, { "line 4", "not well-formed XML" } },
};

static void
test_bad (gconstpointer data)
{
  const BadInput *bad = data;
  g_autoptr(GBytes) bytes = g_bytes_new (bad->text, bad->length < 0 ? strlen (bad->text) :
                                                                       (gsize) bad->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = NULL;

  document = am_interchange_import (AM_INTERCHANGE_GEXF, bytes, "bad.gexf", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, (gint) bad->code);
  g_assert_true (g_str_has_prefix (error->message, "bad.gexf: "));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad->needles) && bad->needles[i] != NULL; i++)
    if (strstr (error->message, bad->needles[i]) == NULL)
      g_error ("%s: '%s' not in '%s'", bad->name, bad->needles[i], error->message);
}

/* UTF-16 with a BOM reads as its UTF-8 twin does, names and line numbers alike. */
static void
test_utf16 (void)
{
  static const char good[] = HEAD "<graph>\n<nodes><node id=\"a\" label=\"\xc3\x89t\xc3\xa9\"/>"
                             "<node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\"/>"
                             "</edges></graph></gexf>";
  static const char bad[] = HEAD "<graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n"
                            "<edge id=\"e\" source=\"a\" target=\"zz\"/>\n</edges></graph></gexf>";
  const char *texts[] = { good, bad };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) document = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length = 0;
      g_autofree char *wide = g_convert (texts[i], -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
      g_autofree char *with_bom = g_malloc (length + 2);

      g_assert_nonnull (wide);
      with_bom[0] = (char) 0xff;
      with_bom[1] = (char) 0xfe;
      memcpy (with_bom + 2, wide, length);
      bytes = g_bytes_new (with_bom, length + 2);
      document = am_interchange_import (AM_INTERCHANGE_GEXF, bytes, "net.gexf", NULL, &error);
      if (i == 0)
        {
          g_autoptr(AmEntity) a = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 2);
          g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 1);
          a = g_list_model_get_item (am_document_get_entities (document), 0);
          g_assert_cmpstr (am_entity_get_name (a), ==, "\xc3\x89t\xc3\xa9");
        }
      else
        {
          g_assert_null (document);
          g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
          g_assert_true (g_str_has_prefix (error->message, "net.gexf: line 5:"));
        }
    }
}

/* The root element decides, not the extension: a GEXF file named .xml or .json. */
static void
test_sniff (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (gexf_13, strlen (gexf_13));
  g_autoptr(GBytes) utf16_bytes = g_bytes_new_static (utf16, sizeof utf16 - 1);
  AmInterchangeFormat format = AM_INTERCHANGE_CSV;

  g_assert_true (am_interchange_sniff ("net.json", bytes, &format));
  g_assert_cmpint (format, ==, AM_INTERCHANGE_GEXF);
  format = AM_INTERCHANGE_CSV;
  g_assert_true (am_interchange_sniff (NULL, utf16_bytes, &format));
  g_assert_cmpint (format, ==, AM_INTERCHANGE_GEXF);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Actormap/Gexf/gephi-1.2", test_gephi_12);
  g_test_add_func ("/Actormap/Gexf/gexf-1.3", test_gexf_13);
  g_test_add_func ("/Actormap/Gexf/networkx", test_networkx);
  g_test_add_func ("/Actormap/Gexf/gexf-1.1", test_gexf_11);
  g_test_add_func ("/Actormap/Gexf/spread-positions", test_spread_positions);
  g_test_add_func ("/Actormap/Gexf/bom", test_bom);
  g_test_add_func ("/Actormap/Gexf/utf16", test_utf16);
  g_test_add_func ("/Actormap/Gexf/sniff", test_sniff);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/Gexf/bad/%s", bad_inputs[i].name);
      g_test_add_data_func (path, &bad_inputs[i], test_bad);
    }

  return g_test_run ();
}
