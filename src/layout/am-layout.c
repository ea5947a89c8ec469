/* am-layout.c — the layout error domain and the engine allowlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-layout.h"

G_DEFINE_QUARK (am-layout-error-quark, am_layout_error)

/* The only engines Actormap hands to Graphviz (architecture.md §5.4): osage, patchwork
 * and the nop engines were never tested against its inputs. */
static const char * const engine_names[AM_N_LAYOUT_ENGINES] = {
  [AM_LAYOUT_ENGINE_DOT] = "dot",
  [AM_LAYOUT_ENGINE_NEATO] = "neato",
  [AM_LAYOUT_ENGINE_FDP] = "fdp",
  [AM_LAYOUT_ENGINE_SFDP] = "sfdp",
  [AM_LAYOUT_ENGINE_CIRCO] = "circo",
  [AM_LAYOUT_ENGINE_TWOPI] = "twopi",
};

/* neato is the nicest for small networks but slows down badly past ~500 nodes
 * (performance.md); sfdp is the only engine that scales.  What neato's time grows with is
 * the nodes (all-pairs distances, n² memory) and the edges Graphviz sees: one per pair of
 * nodes, however many relations join them (parallel ones are drawn as a fan). */
#define NEATO_MAX_NODES 500
#define NEATO_MAX_PAIRS 1500
/* Edge labels no longer reach neato (they are placed after it), but each costs our label
 * placement a few spots along its curve and in rings around it: past this many, the
 * faster sfdp spreads the map more evenly and leaves the labels more room. */
#define NEATO_MAX_LABELS 3000

/**
 * am_layout_engine_to_string:
 * @engine: an engine
 *
 * Returns: the name Graphviz knows the engine by
 */
const char *
am_layout_engine_to_string (AmLayoutEngine engine)
{
  g_return_val_if_fail ((guint) engine < AM_N_LAYOUT_ENGINES, "dot");

  return engine_names[engine];
}

/**
 * am_layout_engine_from_string:
 * @str: (nullable): a name such as "neato"
 * @engine: (out) (optional): the engine
 *
 * Only exact, lower-case names on the allowlist are accepted.
 *
 * Returns: %TRUE if @str names an allowed engine
 */
gboolean
am_layout_engine_from_string (const char     *str,
                              AmLayoutEngine *engine)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < AM_N_LAYOUT_ENGINES; i++)
    {
      if (g_str_equal (str, engine_names[i]))
        {
          if (engine != NULL)
            *engine = (AmLayoutEngine) i;
          return TRUE;
        }
    }

  return FALSE;
}

AmLayoutEngine
am_layout_engine_for_size (guint n_nodes)
{
  return am_layout_engine_for_counts (n_nodes, 0, 0, 0);
}

/**
 * am_layout_engine_for_counts:
 * @n_nodes: actors
 * @n_edges: relations
 * @n_parallel: relations that join two actors an earlier relation already joins (either
 *   way): Graphviz lays out one edge per pair of actors
 * @n_labels: relations with a label
 *
 * neato for small maps, sfdp for the rest: sfdp, with Graphviz's overlap removal and
 * label placement replaced by Actormap's (am-graphviz-layout.c), lays out 20 000 actors
 * in a few seconds, so the automatic choice never runs into the default timeout.
 *
 * Returns: the engine Actormap picks for a map of that size
 */
AmLayoutEngine
am_layout_engine_for_counts (guint n_nodes,
                             guint n_edges,
                             guint n_parallel,
                             guint n_labels)
{
  guint n_pairs = n_edges - MIN (n_parallel, n_edges);

  if (n_nodes <= NEATO_MAX_NODES && n_pairs <= NEATO_MAX_PAIRS && n_labels <= NEATO_MAX_LABELS)
    return AM_LAYOUT_ENGINE_NEATO;

  return AM_LAYOUT_ENGINE_SFDP;
}

/* The unordered pair of @relation's ends, as a key. */
static char *
pair_key (AmRelation *relation)
{
  const char *s = am_relation_get_source (relation), *t = am_relation_get_target (relation);
  gboolean forward = g_strcmp0 (s, t) <= 0;
  const char *low = forward ? s : t, *high = forward ? t : s;

  return g_strdup_printf ("%zu:%s%s", strlen (low), low, high);
}

/**
 * am_layout_engine_for_document:
 * @document: a document
 *
 * Imported Graphviz files carry a "layout" graph attribute (their own, when it names an
 * allowed engine, else "dot", as the dot command and xdot.py use); Actormap's own
 * models are laid out by size (am_layout_engine_for_size()).
 *
 * Returns: the engine to lay @document out with
 */
AmLayoutEngine
am_layout_engine_for_document (AmDocument *document)
{
  AmLayoutEngine engine;
  const char *wanted;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), AM_LAYOUT_ENGINE_NEATO);

  wanted = g_hash_table_lookup (am_document_get_graph_attributes (document), "layout");
  if (am_layout_engine_from_string (wanted, &engine))
    return engine;

  {
    GListModel *relations = am_document_get_relations (document);
    guint n_edges = g_list_model_get_n_items (relations), n_parallel = 0, n_labels = 0;
    g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < n_edges; i++)
      {
        g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
        const char *label = am_relation_get_label (relation);

        if (!g_hash_table_add (pairs, pair_key (relation)))
          n_parallel++;
        if (label != NULL && *label != '\0')
          n_labels++;
      }

    return am_layout_engine_for_counts (g_list_model_get_n_items (am_document_get_entities (document)),
                                        n_edges, n_parallel, n_labels);
  }
}
