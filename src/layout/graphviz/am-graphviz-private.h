/* am-graphviz-private.h — what the two Graphviz files share, and nothing else sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only src/layout/graphviz/ includes <gvc.h> (tests/layout/check-graphviz-confined.sh
 * checks it).  The rest of the layer reaches Graphviz through the _am_graphviz_*
 * functions of am-layout-private.h.
 */
#pragma once

#include <gvc.h>

#include "am-dot-import.h"
#include "am-layout-private.h"

G_BEGIN_DECLS

/* Casting wrappers: cgraph takes char * everywhere and never writes through it
 * (architecture.md §5.1). */

static inline Agraph_t *
gv_open (const char *name,
         Agdisc_t   *disc)
{
  return agopen ((char *) name, Agdirected, disc);
}

static inline Agsym_t *
gv_declare (Agraph_t   *g,
            int         kind,
            const char *name,
            const char *default_value)
{
  return agattr (g, kind, (char *) name, (char *) default_value);
}

static inline int
gv_set (void       *obj,
        Agsym_t    *sym,
        const char *value)
{
  return agxset (obj, sym, (char *) value);
}

static inline Agnode_t *
gv_node (Agraph_t   *g,
         const char *name)
{
  return agnode (g, (char *) name, TRUE);
}

static inline Agedge_t *
gv_edge (Agraph_t   *g,
         Agnode_t   *tail,
         Agnode_t   *head,
         const char *name)
{
  return agedge (g, tail, head, (char *) name, TRUE);
}

static inline Agraph_t *
gv_subgraph (Agraph_t   *g,
             const char *name)
{
  return agsubg (g, (char *) name, TRUE);
}

static inline gboolean
gv_has_info (void *obj,
             const char *record)
{
  return aggetrec (obj, (char *) record, FALSE) != NULL;
}

/* Process-wide state (am-graphviz-layout.c).  Graphviz is not thread-safe: every use of
 * it happens between _am_graphviz_lock() and _am_graphviz_unlock(). */
void      _am_graphviz_lock           (void);
void      _am_graphviz_unlock         (void);
/* The one context, made on first use; its error callback captures Graphviz's messages. */
GVC_t    *_am_graphviz_context        (void);
void      _am_graphviz_clear_messages (void);
gboolean  _am_graphviz_has_messages   (void);
/* The captured messages, valid UTF-8 and capped, and clears them.  (transfer full) */
char     *_am_graphviz_take_message   (void);

G_END_DECLS
