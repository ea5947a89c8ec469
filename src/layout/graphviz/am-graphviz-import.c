/* am-graphviz-import.c — reading a DOT file with cgraph, in the helper process only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-graphviz-private.h"

/*
 * The helper parses the file with agmemread() and describes what it read, as plain
 * strings, in the wire format of am-dot-import.h.  Nothing of the graph is laid out
 * here: the application builds a document from the description and sends an ordinary
 * layout request, so the file's own attributes never reach gvLayout().
 */

static gboolean
is_latin1 (const char *charset)
{
  static const char * const names[] = {
    "latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100",
    "cp819", "ibm819", "csisolatin1",
  };

  if (charset == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (charset, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* cgraph keeps the file's bytes.  Text is UTF-8 unless the graph says charset=latin1;
 * invalid UTF-8 is read as Latin-1 too, which is what Graphviz itself falls back to.
 * The result is cut to @cap bytes on a character boundary. */
static char *
to_utf8 (const char *s,
         gboolean    latin1,
         gsize       cap)
{
  g_autofree char *text = NULL;

  if (s == NULL)
    return g_strdup ("");

  if (!latin1 && g_utf8_validate (s, -1, NULL))
    text = g_strdup (s);
  else
    {
      text = g_convert (s, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (text == NULL)
        text = g_utf8_make_valid (s, -1);
    }

  if (strlen (text) > cap)
    {
      const char *end = g_utf8_find_prev_char (text, text + cap - strlen ("…") + 1);
      g_autofree char *head = g_strndup (text, end != NULL ? (gsize) (end - text) : 0);

      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* @base, or @base#2, #3…: the first not yet in @taken (which owns its keys). */
static const char *
take_unique (GHashTable *taken,
             const char *base)
{
  g_autofree char *candidate = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s#%u", base, n);
    }

  g_hash_table_add (taken, candidate);
  return g_steal_pointer (&candidate);
}

static gint
compare_seq (gconstpointer a,
             gconstpointer b)
{
  IDTYPE sa = AGSEQ (*(void * const *) a), sb = AGSEQ (*(void * const *) b);

  return sa < sb ? -1 : sa > sb;
}

static gboolean
is_cluster (Agraph_t *sg)
{
  const char *name = agnameof (sg);

  /* What dot 2.42 calls a cluster. */
  return name != NULL && strncmp (name, "cluster", 7) == 0;
}

typedef struct
{
  gboolean    latin1;
  GHashTable *names;          /* node and edge ids taken (owned keys) */
  GHashTable *cluster_names;  /* cluster names taken (owned keys) */
  GHashTable *node_name;      /* Agnode_t * → wire name (borrowed from names) */
  GHashTable *node_cluster;   /* Agnode_t * → wire cluster name (borrowed) */
} Import;

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->node_name, g_hash_table_unref);
  g_clear_pointer (&im->node_cluster, g_hash_table_unref);
  g_clear_pointer (&im->names, g_hash_table_unref);
  g_clear_pointer (&im->cluster_names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Every non-empty attribute of @obj that the filter keeps, up to the cap. */
static GVariant *
import_attributes (Import   *im,
                   Agraph_t *g,
                   void     *obj,
                   int       kind)
{
  AmDotScope scope = kind == AGNODE ? AM_DOT_SCOPE_NODE : AM_DOT_SCOPE_EDGE;
  GVariantBuilder b;
  guint n = 0;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
  for (Agsym_t *sym = agnxtattr (g, kind, NULL); sym != NULL; sym = agnxtattr (g, kind, sym))
    {
      const char *raw = agxget (obj, sym);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autofree char *kept = NULL;

      if (raw == NULL || *raw == '\0')
        continue;
      /* The default node label means "the name", which the entity shows anyway. */
      if (kind == AGNODE && g_str_equal (sym->name, "label") && g_str_equal (raw, "\\N"))
        continue;

      name = to_utf8 (sym->name, im->latin1, AM_DOT_MAX_KEY_BYTES);
      value = to_utf8 (raw, im->latin1, AM_DOT_MAX_VALUE_BYTES);
      kept = _am_dot_filter_attribute (scope, name, value);
      if (kept == NULL)
        continue;

      if (n++ >= AM_DOT_MAX_ATTRIBUTES)
        {
          g_debug ("more than %u attributes on one object; the rest are not shown",
                   AM_DOT_MAX_ATTRIBUTES);
          break;
        }
      g_variant_builder_add (&b, "{ss}", name, kept);
    }

  return g_variant_builder_end (&b);
}

/* Walks the subgraphs depth first, in file order, so the innermost cluster that holds a
 * node is the one it ends up in (nested clusters are flattened: docs/graphviz-import.md). */
static gboolean
import_clusters (Import           *im,
                 Agraph_t         *g,
                 GVariantBuilder  *clusters,
                 GError          **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  Agsym_t *g_label = agattr (g, AGRAPH, (char *) "label", NULL);
  guint n_clusters = 0;

  g_ptr_array_add (stack, g);
  while (stack->len > 0)
    {
      Agraph_t *sg = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (sg != g && is_cluster (sg))
        {
          g_autofree char *base = to_utf8 (agnameof (sg), im->latin1, AM_DOT_MAX_ID_BYTES - 16);
          const char *name = take_unique (im->cluster_names, base);
          const char *raw = g_label != NULL ? agxget (sg, g_label) : NULL;
          g_autofree char *label = to_utf8 (raw, im->latin1, AM_DOT_MAX_VALUE_BYTES);

          if (++n_clusters > AM_DOT_MAX_CLUSTERS)
            {
              g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                           /* Translators: an error reading a Graphviz file; the placeholders are,
                              in order: AM_DOT_MAX_CLUSTERS */
                           _("more than %u clusters is more than Actormap can draw"),
                           AM_DOT_MAX_CLUSTERS);
              return FALSE;
            }
          g_variant_builder_add (clusters, "(ssb)", name, label,
                                 raw != NULL && aghtmlstr ((char *) raw));
          for (Agnode_t *n = agfstnode (sg); n != NULL; n = agnxtnode (sg, n))
            g_hash_table_insert (im->node_cluster, n, (gpointer) name);
        }

      for (Agraph_t *child = agfstsubg (sg); child != NULL; child = agnxtsubg (child))
        g_ptr_array_add (children, child);
      /* Pushed last to first, so they come off the stack in file order. */
      g_ptr_array_sort (children, compare_seq);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
    }

  return TRUE;
}

static GVariant *
import_graph (Agraph_t  *g,
              GError   **error)
{
  g_auto(Import) im = { 0, };
  GVariantBuilder attrs, clusters, nodes, edges;
  g_autoptr(GPtrArray) all_edges = g_ptr_array_new ();
  g_autofree char *graph_name = NULL;
  g_autofree char *graph_label = NULL;
  Agsym_t *n_label = agattr (g, AGNODE, (char *) "label", NULL);
  Agsym_t *e_label = agattr (g, AGEDGE, (char *) "label", NULL);
  const char *raw_name = agnameof (g);
  const char *raw_label = agget (g, (char *) "label");
  static const char * const graph_keys[] = { "rankdir", "nodesep", "ranksep", "layout" };
  int n_nodes = agnnodes (g), n_edges = agnedges (g);

  if (n_nodes > AM_DOT_MAX_NODES || n_edges > AM_DOT_MAX_EDGES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: an error reading a Graphviz file; the placeholders are, in
                      order: n_nodes, n_edges, AM_DOT_MAX_NODES, AM_DOT_MAX_EDGES */
                   _("%d nodes and %d edges is more than Actormap can lay out "
                     "(at most %u and %u)"), n_nodes, n_edges, AM_DOT_MAX_NODES,
                   AM_DOT_MAX_EDGES);
      return NULL;
    }

  im.latin1 = is_latin1 (agget (g, (char *) "charset"));
  im.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.cluster_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.node_name = g_hash_table_new (NULL, NULL);
  im.node_cluster = g_hash_table_new (NULL, NULL);

  /* cgraph names anonymous graphs "%1"; they have no name to show. */
  graph_name = raw_name != NULL && raw_name[0] != '%'
               ? to_utf8 (raw_name, im.latin1, AM_DOT_MAX_ID_BYTES) : g_strdup ("");
  graph_label = to_utf8 (raw_label, im.latin1, AM_DOT_MAX_VALUE_BYTES);

  g_variant_builder_init (&attrs, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < G_N_ELEMENTS (graph_keys); i++)
    {
      const char *raw = agget (g, (char *) graph_keys[i]);
      g_autofree char *value = NULL;
      g_autofree char *kept = NULL;

      if (raw == NULL || *raw == '\0')
        continue;
      value = to_utf8 (raw, im.latin1, AM_DOT_MAX_VALUE_BYTES);
      kept = _am_dot_filter_attribute (AM_DOT_SCOPE_GRAPH, graph_keys[i], value);
      if (kept != NULL)
        g_variant_builder_add (&attrs, "{ss}", graph_keys[i], kept);
    }

  g_variant_builder_init (&clusters, G_VARIANT_TYPE ("a(ssb)"));
  if (!import_clusters (&im, g, &clusters, error))
    {
      g_variant_builder_clear (&attrs);
      g_variant_builder_clear (&clusters);
      return NULL;
    }

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(ssbsa{ss})"));
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      g_autofree char *base = to_utf8 (agnameof (n), im.latin1, AM_DOT_MAX_ID_BYTES - 16);
      const char *name;

      /* DOT allows a node called "" (rtest/1436.dot); an entity needs an id. */
      if (*base == '\0')
        {
          g_free (base);
          base = g_strdup ("\"\"");
        }
      name = take_unique (im.names, base);
      const char *raw = n_label != NULL ? agxget (n, n_label) : NULL;
      g_autofree char *label = to_utf8 (raw != NULL ? raw : "\\N", im.latin1,
                                        AM_DOT_MAX_VALUE_BYTES);
      const char *cluster = g_hash_table_lookup (im.node_cluster, n);

      g_hash_table_insert (im.node_name, n, (gpointer) name);
      g_variant_builder_add (&nodes, "(ssbs@a{ss})", name, label,
                             raw != NULL && aghtmlstr ((char *) raw),
                             cluster != NULL ? cluster : "",
                             import_attributes (&im, g, n, AGNODE));
    }

  /* Edges in the order the file gave them, not grouped by tail. */
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      g_ptr_array_add (all_edges, e);
  g_ptr_array_sort (all_edges, compare_seq);

  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(ssssba{ss})"));
  for (guint i = 0; i < all_edges->len; i++)
    {
      Agedge_t *e = g_ptr_array_index (all_edges, i);
      const char *tail = g_hash_table_lookup (im.node_name, agtail (e));
      const char *head = g_hash_table_lookup (im.node_name, aghead (e));
      const char *key = agnameof (e);
      const char *raw = e_label != NULL ? agxget (e, e_label) : NULL;
      g_autofree char *label = to_utf8 (raw, im.latin1, AM_DOT_MAX_VALUE_BYTES);
      g_autofree char *base = NULL;
      g_autofree char *key_text = NULL;

      /* A stable id that says what the edge is: "a->b", "a->b[key]", then #2, #3… for
       * parallel edges; ids never collide with node names (one id space). */
      if (key != NULL && *key != '\0' && key[0] != '%')
        key_text = to_utf8 (key, im.latin1, AM_DOT_MAX_ID_BYTES);
      base = g_strconcat (tail, agisdirected (g) ? "->" : "--", head,
                          key_text != NULL ? "[" : "", key_text != NULL ? key_text : "",
                          key_text != NULL ? "]" : "", NULL);
      if (strlen (base) > AM_DOT_MAX_ID_BYTES - 16)
        {
          g_free (base);
          base = g_strdup_printf ("edge %u", i + 1);
        }

      g_variant_builder_add (&edges, "(ssssb@a{ss})", take_unique (im.names, base), tail,
                             head, label, raw != NULL && aghtmlstr ((char *) raw),
                             import_attributes (&im, g, e, AGEDGE));
    }

  return g_variant_new ("(sbbsba{ss}a(ssb)a(ssbsa{ss})a(ssssba{ss}))", graph_name,
                        (gboolean) !!agisdirected (g), (gboolean) !!agisstrict (g),
                        graph_label, raw_label != NULL && aghtmlstr ((char *) raw_label),
                        &attrs, &clusters, &nodes, &edges);
}

/* Graphviz's own words for what went wrong: the first "Error:" line, without its
 * prefix, or the first line. */
static char *
parse_message (const char *captured_text)
{
  const char *start = strstr (captured_text, "Error: ");
  const char *end;

  if (start != NULL)
    start += strlen ("Error: ");
  else
    start = captured_text;
  while (g_ascii_isspace (*start))
    start++;

  end = strchr (start, '\n');
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

/*
 * _am_graphviz_import:
 * @dot: the DOT text (not trusted; any bytes)
 * @error: return location for an %AM_LAYOUT_ERROR (_PARSE, _TOO_LARGE or _FAILED)
 *
 * Parses the first graph of @dot (a file with several graphs can crash Graphviz when
 * they are used together: upstream #1845) and describes it.  Only for the helper
 * process: cgraph's parser is run on untrusted input here.
 *
 * Returns: (transfer full) (nullable): an AM_DOT_GRAPH_TYPE value
 */
GVariant *
_am_graphviz_import (GBytes  *dot,
                     GError **error)
{
  g_autofree char *text = NULL;
  const guint8 *data;
  GVariant *graph = NULL;
  Agraph_t *g;
  gsize length;

  g_return_val_if_fail (dot != NULL, NULL);

  data = g_bytes_get_data (dot, &length);
  if (length > AM_DOT_MAX_BYTES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: an error reading a Graphviz file; the placeholders are, in
                      order: AM_DOT_MAX_BYTES / (1024 * 1024) */
                   _("the file is larger than the %u MiB Actormap reads as Graphviz"),
                   AM_DOT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  /* agmemread() reads a C string: a NUL would silently end the file early. */
  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_PARSE,
                   /* Translators: %zu is a byte offset in the file */
                   _("a NUL byte at offset %zu: not a Graphviz text file"),
                   (gsize) ((const guint8 *) memchr (data, '\0', length) - data));
      return NULL;
    }
  text = g_strndup ((const char *) data, length);

  _am_graphviz_lock ();

  /* gvContext() also gives nodes their default label "\N", as the dot command has it. */
  _am_graphviz_context ();
  _am_graphviz_clear_messages ();
  agreseterrors ();

  g = agmemread (text);
  /* Some errors still leave a partial graph: subgraphs nested thousands deep give
   * "memory exhausted" and a graph without its nodes.  The dot command fails on them
   * too, so they are parse errors here. */
  if (g != NULL && agerrors () > 0)
    {
      agclose (g);
      g = NULL;
    }
  if (g == NULL)
    {
      g_autofree char *message = _am_graphviz_take_message ();

      if (*message != '\0')
        {
          g_autofree char *first = parse_message (message);
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_PARSE, "%s", first);
        }
      else
        g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_PARSE,
                             _("no graph found: a Graphviz file starts with "
                               "“graph”, “digraph” or “strict”"));
    }
  else
    {
      if (_am_graphviz_has_messages ())
        {
          g_autofree char *message = _am_graphviz_take_message ();
          g_debug ("Graphviz (reading): %s", message);
        }
      graph = import_graph (g, error);
      agclose (g);
    }

  agreseterrors ();
  _am_graphviz_unlock ();

  return graph != NULL ? g_variant_ref_sink (graph) : NULL;
}
