/* am-layout.c — the layout error domain and the engine allowlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
 * (performance.md); sfdp is the only engine that scales. */
#define NEATO_MAX_NODES 500

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
  return n_nodes <= NEATO_MAX_NODES ? AM_LAYOUT_ENGINE_NEATO : AM_LAYOUT_ENGINE_SFDP;
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

  return am_layout_engine_for_size (g_list_model_get_n_items (am_document_get_entities (document)));
}
