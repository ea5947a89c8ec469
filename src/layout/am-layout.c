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
