/* test-csv.c — the CSV importer: sniffing, what an edge list and a nodes table become,
 * and every bad input with its own error naming the file and the line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "am-core.h"
#include "am-interchange-private.h"

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static AmDocument *
import (const char  *edges,
        const char  *nodes,
        GError     **error)
{
  g_autoptr(GBytes) e = bytes_of (edges);
  g_autoptr(GBytes) n = nodes != NULL ? bytes_of (nodes) : NULL;

  return _am_csv_import (e, "net.csv", n, nodes != NULL ? "net.nodes.csv" : NULL, error);
}

static AmDocument *
import_ok (const char *edges,
           const char *nodes)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document = import (edges, nodes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (am_document_get_origin (document), ==, AM_DOCUMENT_ORIGIN_NETWORK);
  return document;
}

static guint
n_entities (AmDocument *d)
{
  return g_list_model_get_n_items (am_document_get_entities (d));
}

static guint
n_relations (AmDocument *d)
{
  return g_list_model_get_n_items (am_document_get_relations (d));
}

static AmRelation *
relation_at (AmDocument *d,
             guint       i)
{
  g_autoptr(AmRelation) r = g_list_model_get_item (am_document_get_relations (d), i);

  return r;   /* the document holds it */
}

static void
test_sniff (void)
{
  static const struct { const char *text; gboolean csv; } cases[] = {
    { "source,target\na,b\n", TRUE },
    { "\xef\xbb\xbfSource;Target\r\na;b\r\n", TRUE },
    { " \"source\" , TARGET ,label\n", TRUE },
    { "id\tsource\ttarget\n", TRUE },
    { "source|target", TRUE },
    { "{\"source\":\"a\",\"target\":\"b\"}", FALSE },
    { "[{\"source\": \"a\", \"target\": \"b\"}]\n", FALSE },
    { "from,to\na,b\n", FALSE },
    { "source\na\n", FALSE },
    { "sources,targets\n", FALSE },
    { "digraph { a -> b }", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = bytes_of (cases[i].text);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpint (_am_csv_sniff (bytes), ==, cases[i].csv);
    }

  /* Content wins over a wrong extension, and a JSON model is not taken for CSV. */
  {
    g_autoptr(GBytes) csv = bytes_of ("source,target\na,b\n");
    g_autoptr(GBytes) json = bytes_of ("{\"format\":\"actormap\",\"source\":1,\"target\":2}");
    AmInterchangeFormat format;

    g_assert_true (am_interchange_sniff ("net.txt", csv, &format));
    g_assert_cmpint (format, ==, AM_INTERCHANGE_CSV);
    g_assert_false (am_interchange_sniff ("net.json", json, &format));
  }
}

static void
test_edge_list (void)
{
  g_autoptr(AmDocument) d =
    import_ok ("source,target,label,type,date,directed,weight\r\n"
               "A,B,meets,meeting,2021-03-18,true,3\r\n"
               "B,C,,,,false,\r\n"
               "\r\n"
               "C,A,\"says \"\"no\"\", twice\",,,no,1\r\n", NULL);
  AmRelation *r;
  AmEntity *a;

  g_assert_cmpuint (n_entities (d), ==, 3);
  g_assert_cmpuint (n_relations (d), ==, 3);

  a = am_document_lookup_entity (d, "A");
  g_assert_nonnull (a);
  g_assert_cmpstr (am_entity_get_name (a), ==, "A");
  g_assert_cmpint (am_entity_get_kind (a), ==, AM_ENTITY_KIND_OTHER);
  g_assert_nonnull (am_document_lookup_entity (d, "C"));

  r = relation_at (d, 0);
  g_assert_cmpstr (am_relation_get_id (r), ==, "e1");
  g_assert_cmpstr (am_relation_get_source (r), ==, "A");
  g_assert_cmpstr (am_relation_get_target (r), ==, "B");
  g_assert_cmpstr (am_relation_get_label (r), ==, "meets");
  g_assert_cmpstr (am_relation_get_rel_type (r), ==, "meeting");
  g_assert_cmpstr (am_relation_get_date (r), ==, "2021-03-18");
  g_assert_true (am_relation_get_directed (r));
  g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (r), "weight"), ==, "3");

  r = relation_at (d, 1);
  g_assert_cmpstr (am_relation_get_label (r), ==, "");
  g_assert_null (am_relation_get_rel_type (r));
  g_assert_null (am_relation_get_date (r));
  g_assert_false (am_relation_get_directed (r));
  g_assert_cmpuint (g_hash_table_size (am_relation_get_attributes (r)), ==, 0);

  r = relation_at (d, 2);
  g_assert_cmpstr (am_relation_get_label (r), ==, "says \"no\", twice");
  g_assert_false (am_relation_get_directed (r));
}

/* A date the model does not read stays, as an attribute. */
static void
test_foreign_date (void)
{
  g_autoptr(AmDocument) d = import_ok ("source,target,Date\na,b,18/03/2021\na,b,2021-03\n",
                                       NULL);

  g_assert_null (am_relation_get_date (relation_at (d, 0)));
  g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (relation_at (d, 0)), "Date"),
                   ==, "18/03/2021");
  g_assert_cmpstr (am_relation_get_date (relation_at (d, 1)), ==, "2021-03");
}

static void
test_delimiters (void)
{
  static const char * const texts[] = {
    "source;target;label\na;b;x,y\n",
    "source\ttarget\tlabel\na\tb\tx,y\n",
    "source|target|label\na|b|x,y\n",
    "\xef\xbb\xbfsource,target,label\na,b,\"x,y\"\n",
    "Source,Target,Label\r\na,b,\"x,y\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(AmDocument) d = import_ok (texts[i], NULL);

      g_test_message ("case %u", i);
      g_assert_cmpuint (n_entities (d), ==, 2);
      g_assert_cmpuint (n_relations (d), ==, 1);
      g_assert_cmpstr (am_relation_get_label (relation_at (d, 0)), ==, "x,y");
      g_assert_nonnull (am_document_lookup_entity (d, "a"));
    }
}

static void
test_quoting (void)
{
  /* A line break inside quotes, CRLF inside and outside, a doubled quote. */
  g_autoptr(AmDocument) d =
    import_ok ("source,target,label\r\n"
               "\"a\",\"b\",\"two\r\nlines\"\r\n"
               "\"c \"\"d\"\"\",a,\"\"\r\n", NULL);

  g_assert_cmpuint (n_relations (d), ==, 2);
  g_assert_cmpstr (am_relation_get_label (relation_at (d, 0)), ==, "two\r\nlines");
  g_assert_cmpstr (am_relation_get_source (relation_at (d, 1)), ==, "c \"d\"");
}

static void
test_gephi (void)
{
  /* Gephi's edge table: Type says Directed or Undirected; numeric ids shared with the
   * nodes table are made unique. */
  g_autoptr(AmDocument) d =
    import_ok ("Source,Target,Type,Id,Label,timeset,Weight\n"
               "0,1,Directed,0,knows,,1.0\n"
               "1,2,Undirected,1,,,2.0\n",
               "Id,Label,timeset\n0,Ann,\n1,Bob,\n2,Cy,\n");
  AmRelation *r;

  g_assert_cmpuint (n_entities (d), ==, 3);
  g_assert_cmpstr (am_entity_get_name (am_document_lookup_entity (d, "1")), ==, "Bob");
  r = relation_at (d, 0);
  g_assert_cmpstr (am_relation_get_id (r), ==, "0-2");
  g_assert_true (am_relation_get_directed (r));
  g_assert_null (am_relation_get_rel_type (r));
  g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (r), "Weight"), ==, "1.0");
  r = relation_at (d, 1);
  g_assert_cmpstr (am_relation_get_id (r), ==, "1-2");
  g_assert_false (am_relation_get_directed (r));
}

static void
test_nodes_table (void)
{
  g_autoptr(AmDocument) d =
    import_ok ("from,to,label\n"
               "kim,North Korea,leads\n"
               "Kim Jong Un,nk,speaks for\n",
               "ID,Name,Kind,country,role\n"
               "kim,Kim Jong Un,person,NK,leader\n"
               "nk,North Korea,state,,\n"
               "kcna,KCNA,news agency,NK,\n");
  AmEntity *kim, *kcna;

  /* Actors of the nodes table with no edge are kept. */
  g_assert_cmpuint (n_entities (d), ==, 3);
  g_assert_cmpuint (n_relations (d), ==, 2);

  kim = am_document_lookup_entity (d, "kim");
  g_assert_cmpstr (am_entity_get_name (kim), ==, "Kim Jong Un");
  g_assert_cmpint (am_entity_get_kind (kim), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (am_entity_get_role (kim), ==, "leader");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (kim), "country"), ==, "NK");
  g_assert_false (g_hash_table_contains (am_entity_get_attributes (kim), "role"));

  kcna = am_document_lookup_entity (d, "kcna");
  g_assert_cmpint (am_entity_get_kind (kcna), ==, AM_ENTITY_KIND_OTHER);
  g_assert_cmpstr (am_entity_get_kind_name (kcna), ==, "news agency");

  /* By id and by name. */
  g_assert_cmpstr (am_relation_get_target (relation_at (d, 0)), ==, "nk");
  g_assert_cmpstr (am_relation_get_source (relation_at (d, 1)), ==, "kim");
}

static void
test_parallel_edges (void)
{
  g_autoptr(AmDocument) d =
    import_ok ("id,source,target\nx,a,b\nx,a,b\n,a,b\na,a,b\n", NULL);

  g_assert_cmpuint (n_relations (d), ==, 4);
  g_assert_cmpstr (am_relation_get_id (relation_at (d, 0)), ==, "x");
  g_assert_cmpstr (am_relation_get_id (relation_at (d, 1)), ==, "x-2");
  g_assert_cmpstr (am_relation_get_id (relation_at (d, 2)), ==, "e3");
  /* An edge id that is an actor's id gets a suffix: ids are one space. */
  g_assert_cmpstr (am_relation_get_id (relation_at (d, 3)), ==, "a-2");
}

/* Opened from disk: the nodes table beside the edge list is found and read. */
static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char *edges = NULL, *nodes = NULL, *display = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AmDocument) d = NULL;

  g_assert_no_error (error);
  edges = g_build_filename (dir, "net.csv", NULL);
  nodes = am_interchange_csv_nodes_path (edges);
  g_assert_true (g_str_has_suffix (nodes, "net.nodes.csv"));
  g_assert_true (g_file_set_contents (edges, "source,target\nkim,nk\n", -1, NULL));
  g_assert_true (g_file_set_contents (nodes, "id,name,kind\nkim,Kim,person\nnk,NK,state\n"
                                      "kcna,KCNA,media\n", -1, NULL));

  file = g_file_new_for_path (edges);
  bytes = am_document_read_file (file, NULL, &display, &error);
  g_assert_no_error (error);
  d = am_interchange_import (AM_INTERCHANGE_CSV, bytes, display, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_entities (d), ==, 3);
  g_assert_cmpstr (am_entity_get_name (am_document_lookup_entity (d, "kim")), ==, "Kim");
  g_clear_object (&d);

  /* An unknown actor names both files. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bytes_of ("source,target\nkim,nk\nkim,xi\n");
  d = am_interchange_import (AM_INTERCHANGE_CSV, bytes, display, file, &error);
  g_assert_null (d);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
  g_assert_true (g_str_has_prefix (error->message, "net.csv: line 3: "));
  g_assert_nonnull (strstr (error->message, "net.nodes.csv"));

  g_unlink (nodes);
  g_unlink (edges);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------------------ */
/* Bad inputs                                                                           */

typedef struct
{
  const char   *what;
  const char   *edges;
  gsize         edges_len;       /* 0: strlen */
  const char   *nodes;           /* nullable */
  AmModelError  code;
  const char   *prefix;          /* the message starts with this */
  const char   *needle;
} BadCsv;

#define TEXT(s) s, sizeof (s) - 1

static const BadCsv bad_inputs[] = {
  { "truncated quoted field", TEXT ("source,target\na,\"b"), NULL,
    AM_MODEL_ERROR_SYNTAX, "net.csv: line 2: ", "unbalanced quotes" },
  { "unbalanced quotes", TEXT ("source,target\n\"a\"x,b\n"), NULL,
    AM_MODEL_ERROR_SYNTAX, "net.csv: line 2: ", "unbalanced quotes" },
  { "unbalanced after a multi-line field", TEXT ("source,target\n\"a\nb\",c\nd,\"e\n"), NULL,
    AM_MODEL_ERROR_SYNTAX, "net.csv: line 4: ", "unbalanced quotes" },
  { "UTF-16 with a BOM", TEXT ("\xff\xfes\0o\0u\0r\0c\0e\0,\0t\0a\0r\0g\0e\0t\0\n\0"), NULL,
    AM_MODEL_ERROR_NOT_UTF8, "net.csv: line 1: ", "UTF-16 is not read: save it as UTF-8" },
  { "UTF-16BE with a BOM", TEXT ("\xfe\xff\0s\0o\0u\0r\0c\0e"), NULL,
    AM_MODEL_ERROR_NOT_UTF8, "net.csv: line 1: ", "UTF-16" },
  { "UTF-16 without a BOM", TEXT ("s\0o\0u\0r\0c\0e\0"), NULL,
    AM_MODEL_ERROR_NOT_UTF8, "net.csv: line 1: ", "UTF-16" },
  { "NUL byte", TEXT ("source,target\na,b\0\n"), NULL,
    AM_MODEL_ERROR_NOT_UTF8, "net.csv: line 2: ", "NUL byte" },
  { "not UTF-8", TEXT ("source,target\na,\xe9t\xe9\n"), NULL,
    AM_MODEL_ERROR_NOT_UTF8, "net.csv: line 2: ", "0xE9" },
  { "empty", TEXT (""), NULL,
    AM_MODEL_ERROR_EMPTY, "net.csv: ", "empty file" },
  { "only a BOM", TEXT ("\xef\xbb\xbf"), NULL,
    AM_MODEL_ERROR_EMPTY, "net.csv: ", "empty file" },
  { "only white space", TEXT (" \r\n\n\t"), NULL,
    AM_MODEL_ERROR_EMPTY, "net.csv: ", "empty file" },
  { "header without source", TEXT ("from_x,target\na,b\n"), NULL,
    AM_MODEL_ERROR_MISSING_FIELD, "net.csv: line 1: ", "no 'source' column" },
  { "header without target", TEXT ("id,name,source\n"), NULL,
    AM_MODEL_ERROR_MISSING_FIELD, "net.csv: line 1: ", "no 'target' column" },
  { "more fields than columns", TEXT ("source,target\na,b\na,b,c\n"), NULL,
    AM_MODEL_ERROR_SYNTAX, "net.csv: line 3: ", "column count: 3 fields where the header has 2" },
  { "fewer fields than columns", TEXT ("source,target,label\na,b\n"), NULL,
    AM_MODEL_ERROR_SYNTAX, "net.csv: line 2: ", "column count" },
  { "empty source", TEXT ("source,target\n ,b\n"), NULL,
    AM_MODEL_ERROR_INVALID_VALUE, "net.csv: line 2: ", "empty 'source'" },
  { "directed not a boolean", TEXT ("source,target,directed\na,b,maybe\n"), NULL,
    AM_MODEL_ERROR_INVALID_VALUE, "net.csv: line 2: ", "'directed' is 'maybe'" },
  { "column twice", TEXT ("source,target,Label,label\n"), NULL,
    AM_MODEL_ERROR_DUPLICATE_ID, "net.csv: line 1: ", "column 'label' given twice" },
  { "column without a name", TEXT ("source,target,\na,b,c\n"), NULL,
    AM_MODEL_ERROR_INVALID_VALUE, "net.csv: line 1: ", "column 3 has no name" },
  { "unknown actor", TEXT ("source,target\nkim,nk\n\nkim,xi\n"), "id,name\nkim,Kim\nnk,NK\n",
    AM_MODEL_ERROR_UNKNOWN_REFERENCE, "net.csv: line 4: ",
    "unknown actor 'xi' (not in the nodes table net.nodes.csv)" },
  { "unknown actor with a line break", TEXT ("source,target\nkim,\"x\ny\"\n"), "id,name\nkim,Kim\n",
    AM_MODEL_ERROR_UNKNOWN_REFERENCE, "net.csv: line 2: ", "unknown actor 'x y'" },
  { "ambiguous name", TEXT ("source,target\nKim,nk\n"), "id,name\nk1,Kim\nk2,Kim\nnk,NK\n",
    AM_MODEL_ERROR_UNKNOWN_REFERENCE, "net.csv: line 2: ", "more than one actor" },
  { "nodes: duplicate id", TEXT ("source,target\na,b\n"), "id,name\na,A\nb,B\na,C\n",
    AM_MODEL_ERROR_DUPLICATE_ID, "net.nodes.csv: line 4: ", "duplicate node id 'a'" },
  { "nodes: no id or name", TEXT ("source,target\na,b\n"), "kind,colour\nperson,red\n",
    AM_MODEL_ERROR_MISSING_FIELD, "net.nodes.csv: line 1: ", "no 'id' or 'name' column" },
  { "nodes: unbalanced quotes", TEXT ("source,target\na,b\n"), "id,name\na,\"A\n",
    AM_MODEL_ERROR_SYNTAX, "net.nodes.csv: line 2: ", "unbalanced quotes" },
  { "nodes: NUL byte", TEXT ("source,target\na,b\n"), "id,name\n\0",
    AM_MODEL_ERROR_NOT_UTF8, "net.nodes.csv: line 2: ", "NUL" },
};

static void
check_bad (const char   *what,
           GBytes       *edges,
           GBytes       *nodes,
           AmModelError  code,
           const char   *prefix,
           const char   *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) d = NULL;

  g_test_message ("%s", what);
  d = _am_csv_import (edges, "net.csv", nodes, nodes != NULL ? "net.nodes.csv" : NULL,
                      &error);
  g_assert_null (d);
  g_assert_error (error, AM_MODEL_ERROR, (gint) code);
  g_test_message ("  → %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_bad_inputs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const BadCsv *b = &bad_inputs[i];
      g_autoptr(GBytes) edges = g_bytes_new (b->edges, b->edges_len);
      g_autoptr(GBytes) nodes = NULL;

      /* The nodes tables with a NUL hold it at their end. */
      if (b->nodes != NULL)
        nodes = g_bytes_new (b->nodes, strlen (b->nodes) + (strstr (b->what, "NUL") ? 1 : 0));
      check_bad (b->what, edges, nodes, b->code, b->prefix, b->needle);
    }
}

/* Made at run time: a million columns, a field over the size cap. */
static void
test_bad_large (void)
{
  GString *s = g_string_new ("source,target");
  g_autoptr(GBytes) columns = NULL;
  g_autoptr(GBytes) field = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (s, ',');
  g_string_append (s, "\na,b\n");
  columns = g_string_free_to_bytes (s);
  check_bad ("10^6 columns", columns, NULL, AM_MODEL_ERROR_TOO_LARGE, "net.csv: line 1: ",
             "more than 1000 columns");

  s = g_string_new ("source,target\na,\"");
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "\"\n");
  field = g_string_free_to_bytes (s);
  check_bad ("a 2 MiB field", field, NULL, AM_MODEL_ERROR_TOO_LARGE, "net.csv: line 2: ",
             "a field longer than");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/sniff", test_sniff);
  g_test_add_func ("/csv/edge-list", test_edge_list);
  g_test_add_func ("/csv/foreign-date", test_foreign_date);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/gephi", test_gephi);
  g_test_add_func ("/csv/nodes-table", test_nodes_table);
  g_test_add_func ("/csv/parallel-edges", test_parallel_edges);
  g_test_add_func ("/csv/files", test_files);
  g_test_add_func ("/csv/bad-inputs", test_bad_inputs);
  g_test_add_func ("/csv/bad-large", test_bad_large);

  return g_test_run ();
}
