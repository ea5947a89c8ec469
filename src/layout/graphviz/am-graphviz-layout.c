/* am-graphviz-layout.c — laying out a request with Graphviz (cgraph + gvc)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything Graphviz allocates is created and freed here; what leaves is an AmScene
 * built from checked numbers.  Graphviz is not thread-safe and keeps process-global
 * error state (architecture.md §5.7–5.8), so one mutex serialises every layout and
 * every DOT import (am-graphviz-import.c).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-graphviz-private.h"

/* dot's network simplex and mincross limits for large graphs (robustness.md §1):
 * 1,463 nodes went from over 180 s to 18 s with these. */
#define DOT_LIMITS_ABOVE_NODES 1000
/* Above this many nodes neato gets fewer iterations. */
#define NEATO_MAXITER          "1000"
/* Overlap removal margin for neato/fdp/sfdp, in points ('+' means additive). */
#define NODE_SEP               "+6"
/* The room our own overlap pass keeps between two node boxes: NODE_SEP on each. */
#define NODE_GAP               12.0
/* A label's average character width and its line height, in font sizes (estimates for
 * the room labels need). */
#define LABEL_EM               0.6
#define LABEL_LINE             1.3
/* Above this many nodes sfdp uses its faster, coarser quadtree for the repulsive forces
 * (5 000 actors: 30 % less time in sfdp). */
#define SFDP_FAST_ABOVE_NODES  2000
/* Above this many nodes neato, fdp and sfdp draw straight edges. */
#define SPLINES_MAX_NODES      60
/* The random seed of the force-directed engines. */
#define LAYOUT_SEED            "1"
#define LAYOUT_SEED_NUMBER     1
/* Self-loops without a spline get a loop this many points wide. */
#define SYNTH_LOOP_SIZE        18.0
#define SYNTH_ARROW_LENGTH     10.0
/* Parallel relations fan out this far apart at the middle (points), and the whole fan
 * is at most this many times as wide as sqrt(count) steps (or the edge's length). */
#define FAN_STEP               8.0
#define FAN_SQRT_STEPS         2.0
/* Parallel self-loops grow by this much each, at most FAN_LOOP_SPREAD in all. */
#define FAN_LOOP_STEP          6.0
#define FAN_LOOP_SPREAD        200.0
/* The largest drawing we accept back, in points, like the scene's own limit. */
#define MAX_EXTENT             1e7

/* ------------------------------------------------------------------------------------ */
/* Object ids in creation order                                                         */

/*
 * cgraph's default id discipline uses the address of the interned name as the id of a
 * named object, and a process-wide counter for anonymous ones.  Subgraphs (and some
 * sets inside the engines) are ordered by id, so fdp with clusters gave a different
 * drawing from run to run, even across processes (ASLR).  This discipline numbers
 * objects in the order they are made, per graph: same input, same ids, same drawing.
 */
typedef struct
{
  GHashTable *by_name;    /* name → id */
  GHashTable *by_id;      /* id → name (owns the names) */
  IDTYPE      next;
} IdState;

static void *
id_open (Agraph_t *g,
         Agdisc_t *disc)
{
  IdState *state = g_new0 (IdState, 1);

  state->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  state->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  state->next = 1;

  return state;
}

static long
id_map (void    *data,
        int      objtype,
        char    *name,
        IDTYPE  *id,
        int      create)
{
  IdState *state = data;
  gpointer found;

  if (name == NULL)
    {
      /* Anonymous objects get odd ids, named ones even ids, as in cgraph. */
      *id = 2 * state->next++ + 1;
      return TRUE;
    }

  if (g_hash_table_lookup_extended (state->by_name, name, NULL, &found))
    {
      *id = *(IDTYPE *) found;
      return TRUE;
    }
  if (!create)
    return FALSE;

  {
    gint64 *key = g_new (gint64, 1);
    char *copy = g_strdup (name);

    *id = 2 * state->next++;
    *key = (gint64) *id;
    g_hash_table_insert (state->by_id, key, copy);
    g_hash_table_insert (state->by_name, copy, key);
  }

  return TRUE;
}

/* Like cgraph's own: callers may not choose ids. */
static long
id_alloc (void   *data,
          int     objtype,
          IDTYPE  request)
{
  return FALSE;
}

/* Names stay until the graph closes: the same name may be used by a node and a
 * subgraph, which share one id. */
static void
id_free (void   *data,
         int     objtype,
         IDTYPE  id)
{
}

static char *
id_print (void   *data,
          int     objtype,
          IDTYPE  id)
{
  IdState *state = data;
  gint64 key = (gint64) id;

  if (id % 2 == 1)
    return NULL;

  return g_hash_table_lookup (state->by_id, &key);
}

static void
id_close (void *data)
{
  IdState *state = data;

  g_hash_table_unref (state->by_name);
  g_hash_table_unref (state->by_id);
  g_free (state);
}

static void
id_register (void *data,
             int   objtype,
             void *obj)
{
}

static Agiddisc_t sequential_ids = {
  id_open, id_map, id_alloc, id_free, id_print, id_close, id_register,
};

static Agdisc_t actormap_disc = { &AgMemDisc, &sequential_ids, &AgIoDisc };

/* ------------------------------------------------------------------------------------ */
/* Process-wide state, shared with am-graphviz-import.c                                 */

static GMutex   layout_lock;
static GVC_t   *the_gvc;            /* one per process, made on first use */
static GString *captured;           /* Graphviz's messages during the current job */

/* cgraph hands messages over in fragments ("Warning", ": ", the text). */
static int
capture_cb (char *message)
{
  if (captured != NULL && message != NULL && captured->len < 16 * AM_LAYOUT_MAX_MESSAGE)
    g_string_append (captured, message);

  return 0;
}

void
_am_graphviz_lock (void)
{
  g_mutex_lock (&layout_lock);
}

void
_am_graphviz_unlock (void)
{
  g_mutex_unlock (&layout_lock);
}

GVC_t *
_am_graphviz_context (void)
{
  if (the_gvc == NULL)
    {
      captured = g_string_new (NULL);
      agseterrf (capture_cb);
      /* gvContext() loads plugins on demand from config6a; never a renderer here. */
      the_gvc = gvContext ();
    }

  return the_gvc;
}

void
_am_graphviz_clear_messages (void)
{
  g_string_truncate (captured, 0);
}

gboolean
_am_graphviz_has_messages (void)
{
  return captured->len > 0;
}

char *
_am_graphviz_take_message (void)
{
  g_autofree char *text = g_strstrip (g_strdup (captured->str));
  glong n_chars = g_utf8_strlen (text, -1);

  g_string_truncate (captured, 0);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return g_steal_pointer (&valid);
    }
  if (n_chars > AM_LAYOUT_MAX_MESSAGE)
    {
      g_autofree char *head = g_utf8_substring (text, 0, AM_LAYOUT_MAX_MESSAGE);
      return g_strdup_printf ("%s…", head);
    }

  return g_steal_pointer (&text);
}

/* Frees the context (the helper and tests call this before exiting, so leak checkers
 * see a clean heap). */
void
_am_graphviz_shutdown (void)
{
  g_mutex_lock (&layout_lock);
  if (the_gvc != NULL)
    {
      gvFreeContext (the_gvc);
      the_gvc = NULL;
    }
  if (captured != NULL)
    {
      g_string_free (captured, TRUE);
      captured = NULL;
    }
  g_mutex_unlock (&layout_lock);
}

/* ------------------------------------------------------------------------------------ */
/* The job: everything Graphviz holds for one layout, freed on every path.              */

typedef struct
{
  GVC_t     *gvc;
  Agraph_t  *g;
  gboolean   laid_out;
  Agnode_t **nodes;      /* by request index */
  Agedge_t **edges;      /* by request index; parallel relations share one */
  /* Parallel relations (the same two nodes, either way) are one Graphviz edge, created
   * for the first of them; by request index: that first one, how many share it (set on
   * the first one), and which one this is. */
  guint     *fan_first;
  guint     *fan_size;
  guint     *fan_rank;
  /* Our own overlap pass moved nodes after the engine: Graphviz's splines and bounding
   * box no longer match, edges are drawn straight from the node boxes. */
  gboolean   stale;
  /* Laid out by "nop2", whose node list Graphviz 2.42 does not free (valgrind: a
   * pointer per node, each time). */
  gboolean   nop;
  GPtrArray *clusters;   /* Agraph_t * of the cluster subgraphs (borrowed from g) */
  GPtrArray *cluster_ids;
} Job;

static void
job_clear (Job *job)
{
  /* gvFreeLayout before agclose: agclose alone leaks splines and labels. */
  if (job->laid_out && job->nop && gv_has_info (job->g, "Agraphinfo_t"))
    g_clear_pointer (&GD_neato_nlist (job->g), free);
  if (job->laid_out)
    gvFreeLayout (job->gvc, job->g);
  job->laid_out = FALSE;
  job->nop = FALSE;
  g_clear_pointer (&job->g, agclose);
  g_clear_pointer (&job->nodes, g_free);
  g_clear_pointer (&job->edges, g_free);
  g_clear_pointer (&job->fan_first, g_free);
  g_clear_pointer (&job->fan_size, g_free);
  g_clear_pointer (&job->fan_rank, g_free);
  job->stale = FALSE;
  g_clear_pointer (&job->clusters, g_ptr_array_unref);
  g_clear_pointer (&job->cluster_ids, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

/* ------------------------------------------------------------------------------------ */
/* Building the graph                                                                   */

static const char *
shape_name (AmNodeShape shape)
{
  switch (shape)
    {
    case AM_NODE_SHAPE_ELLIPSE: return "ellipse";
    case AM_NODE_SHAPE_HEXAGON: return "hexagon";
    case AM_NODE_SHAPE_DIAMOND: return "diamond";
    case AM_NODE_SHAPE_OCTAGON: return "octagon";
    case AM_NODE_SHAPE_BOX:
    default:                    return "box";
    }
}

/* Labels are escStrings: \N, \G, \E, \T, \H, \n, \l and \r mean something.  Doubling
 * every backslash makes the text literal (architecture.md §5.9); nothing else in a plain
 * label is syntax, and it is never turned into an HTML label. */
static char *
escape_label (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent: Graphviz parses with strtod in the C locale. */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", value));
}

/* The engines whose overlaps our own pass removes (am-node-spread.c).  Not dot (no
 * overlaps), and not circo: its rings leave the box mostly empty inside, which the pass
 * reads as too dense and scaled the article's map up to 3 885 × 3 400 pt; Graphviz's
 * own removal keeps circo's rings tight, and circo is never the automatic choice. */
static gboolean
engine_spreads_nodes (AmLayoutEngine engine)
{
  return engine != AM_LAYOUT_ENGINE_DOT && engine != AM_LAYOUT_ENGINE_CIRCO;
}

static gboolean
engine_has_clusters (AmLayoutEngine engine)
{
  return engine == AM_LAYOUT_ENGINE_DOT || engine == AM_LAYOUT_ENGINE_FDP;
}

/* Graphviz's y grows up, the scene's down: a scene position (points) as a "pos" value,
 * with "!" when the node is pinned.  Shortest round-trip form, so nothing is lost. */
static char *
format_pos (double   x,
            double   y,
            gboolean pinned)
{
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s,%s%s", g_ascii_dtostr (bx, sizeof bx, x),
                          g_ascii_dtostr (by, sizeof by, -y), pinned ? "!" : "");
}

/* The splines setting an engine's normal layout uses: routed curves for dot and for
 * small neato/fdp/sfdp graphs, straight lines for circo, twopi and large graphs.  Routing
 * around nodes costs about n³ (measured with neato and sfdp: 0.3 s for the article's 29
 * nodes, 2.8 s for 60, 30 s for 150). */
static const char *
engine_splines (AmLayoutEngine engine,
                guint          n_nodes,
                gboolean       routing_only)
{
  switch (engine)
    {
    case AM_LAYOUT_ENGINE_DOT:
      /* dot routes its own splines fast; routing on given positions is neato's router. */
      return !routing_only || n_nodes <= SPLINES_MAX_NODES ? "true" : "false";
    case AM_LAYOUT_ENGINE_NEATO:
    case AM_LAYOUT_ENGINE_FDP:
    case AM_LAYOUT_ENGINE_SFDP:
      return n_nodes <= SPLINES_MAX_NODES ? "true" : "false";
    case AM_LAYOUT_ENGINE_CIRCO:
    case AM_LAYOUT_ENGINE_TWOPI:
    default:
      return "false";
    }
}

/*
 * @centres NULL: the graph for @request's engine, pinned nodes given as pos="x,y!" to
 * the engines that read it.  @centres (scene coordinates, by node): the graph for "nop2",
 * where every node is where it is given and Graphviz only routes the edges; no cluster
 * subgraphs then (their boxes are computed around their members, _am_cluster_boxes()).
 */
static gboolean
build_graph (Job              *job,
             AmLayoutRequest  *request,
             const AmPoint    *centres,
             GError          **error)
{
  AmLayoutEngine engine = am_layout_request_get_engine (request);
  gboolean routing_only = centres != NULL;
  gboolean force = engine == AM_LAYOUT_ENGINE_NEATO || engine == AM_LAYOUT_ENGINE_FDP ||
                   engine == AM_LAYOUT_ENGINE_SFDP;
  /* fdp 2.42.2 segfaulted laying out the test fixture (clusters) with a node pinned far
   * from the origin: it gets no pins and is treated like dot (settle_pins()). */
  gboolean pins = !routing_only && force && engine != AM_LAYOUT_ENGINE_FDP &&
                  _am_layout_request_has_pins (request);
  /* Edge labels are placed by am-label-place.c after the engine; only dot is given them,
   * as they make room between its ranks.  The others spent most of their time placing
   * labels they do not need to know about. */
  gboolean engine_labels = engine == AM_LAYOUT_ENGINE_DOT && !routing_only;
  /* Node overlaps are removed by our own pass after the engine (_am_spread_nodes()):
   * Graphviz's (overlap=false, GTS and prism) was the main cost of large maps. */
  gboolean own_overlap = !routing_only && engine_spreads_nodes (engine);
  guint n_nodes = am_layout_request_get_n_nodes (request);
  guint n_edges = am_layout_request_get_n_edges (request);
  g_autofree char *nodesep = format_double (_am_layout_request_get_nodesep (request));
  g_autofree char *ranksep = format_double (_am_layout_request_get_ranksep (request));
  g_autofree char *fontsize = format_double (AM_EDGE_FONT_SIZE);
  g_autofree char *cluster_fontsize = format_double (AM_NODE_FONT_SIZE);
  g_autoptr(GHashTable) clusters = NULL;
  g_autoptr(GHashTable) pairs = NULL;     /* "len:idid" of the two ends → first index + 1 */
  Agsym_t *n_shape, *n_width, *n_height, *n_fixed, *n_label;
  Agsym_t *e_label, *e_font, *e_size, *e_dir, *e_weight = NULL, *e_minlen = NULL;
  Agsym_t *g_label = NULL, *g_font = NULL, *g_size = NULL;
  Agsym_t *n_pos = NULL, *n_pin = NULL;

  job->g = gv_open ("actormap", &actormap_disc);
  if (job->g == NULL)
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                           _("layout failed: Graphviz could not create a graph"));
      return FALSE;
    }

  /* Graph attributes: only those on the allowlist (architecture.md §5.10). */
  gv_declare (job->g, AGRAPH, "overlap", own_overlap ? "true" : "false");
  gv_declare (job->g, AGRAPH, "nodesep", nodesep);
  gv_declare (job->g, AGRAPH, "ranksep", ranksep);
  gv_declare (job->g, AGRAPH, "sep", NODE_SEP);
  if (routing_only || force)
    {
      /* Larger graphs get straight edges (engine_splines()); parallel ones are still
       * fanned apart. */
      gv_declare (job->g, AGRAPH, "splines", engine_splines (engine, n_nodes, routing_only));
    }
  if (!routing_only && force)
    {
      /* A fixed seed: the same input must give the same drawing, also for the second
       * layout in one process (fdp otherwise continues its random sequence). */
      gv_declare (job->g, AGRAPH, "start", "random" LAYOUT_SEED);
    }
  if (routing_only || pins)
    {
      /* Positions in points ("nop2" reads them so anyway). */
      gv_declare (job->g, AGRAPH, "inputscale", "72");
      n_pos = gv_declare (job->g, AGNODE, "pos", "");
      n_pin = gv_declare (job->g, AGNODE, "pin", "false");
      if (n_pos == NULL || n_pin == NULL)
        {
          g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                               _("layout failed: Graphviz refused an attribute"));
          return FALSE;
        }
    }
  if (engine == AM_LAYOUT_ENGINE_NEATO && !routing_only)
    gv_declare (job->g, AGRAPH, "maxiter", NEATO_MAXITER);
  if (engine == AM_LAYOUT_ENGINE_SFDP && n_nodes > SFDP_FAST_ABOVE_NODES && !routing_only)
    gv_declare (job->g, AGRAPH, "quadtree", "fast");
  if (engine == AM_LAYOUT_ENGINE_DOT && n_nodes > DOT_LIMITS_ABOVE_NODES && !routing_only)
    {
      gv_declare (job->g, AGRAPH, "nslimit", "2");
      gv_declare (job->g, AGRAPH, "nslimit1", "2");
      gv_declare (job->g, AGRAPH, "mclimit", "0.1");
      gv_declare (job->g, AGRAPH, "searchsize", "10");
    }
  if (_am_layout_request_get_rankdir (request) != NULL)
    gv_declare (job->g, AGRAPH, "rankdir", _am_layout_request_get_rankdir (request));
  if (engine_has_clusters (engine) && !routing_only)
    {
      g_label = gv_declare (job->g, AGRAPH, "label", "");
      g_font = gv_declare (job->g, AGRAPH, "fontname", AM_FONT_FAMILY);
      g_size = gv_declare (job->g, AGRAPH, "fontsize", cluster_fontsize);
    }

  /* Node text is drawn by Actormap: Graphviz only sees a fixed-size shape. */
  n_shape = gv_declare (job->g, AGNODE, "shape", "box");
  n_width = gv_declare (job->g, AGNODE, "width", "0.75");
  n_height = gv_declare (job->g, AGNODE, "height", "0.5");
  n_fixed = gv_declare (job->g, AGNODE, "fixedsize", "true");
  n_label = gv_declare (job->g, AGNODE, "label", "");

  e_label = gv_declare (job->g, AGEDGE, "label", "");
  e_font = gv_declare (job->g, AGEDGE, "fontname", AM_FONT_FAMILY);
  e_size = gv_declare (job->g, AGEDGE, "fontsize", fontsize);
  e_dir = gv_declare (job->g, AGEDGE, "dir", "forward");
  /* Only dot reads these as Actormap means them; the request holds them clamped. */
  if (engine == AM_LAYOUT_ENGINE_DOT)
    {
      e_weight = gv_declare (job->g, AGEDGE, "weight", "1");
      e_minlen = gv_declare (job->g, AGEDGE, "minlen", "1");
    }

  if (n_shape == NULL || n_width == NULL || n_height == NULL || n_fixed == NULL ||
      n_label == NULL || e_label == NULL || e_font == NULL || e_size == NULL || e_dir == NULL)
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                           _("layout failed: Graphviz refused an attribute"));
      return FALSE;
    }

  job->nodes = g_new0 (Agnode_t *, MAX (n_nodes, 1));
  job->edges = g_new0 (Agedge_t *, MAX (n_edges, 1));
  job->fan_first = g_new0 (guint, MAX (n_edges, 1));
  job->fan_size = g_new0 (guint, MAX (n_edges, 1));
  job->fan_rank = g_new0 (guint, MAX (n_edges, 1));
  pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->clusters = g_ptr_array_new ();
  job->cluster_ids = g_ptr_array_new ();
  clusters = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_nodes; i++)
    {
      const AmLayoutRequestNode *rn = _am_layout_request_get_node (request, i);
      g_autofree char *w = format_double (rn->width);
      g_autofree char *h = format_double (rn->height);
      Agnode_t *n = gv_node (job->g, rn->id);

      if (n == NULL)
        {
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                       /* Translators: a layout error; the placeholders are, in order: rn->id */
                       _("layout failed: Graphviz could not create node '%s'"), rn->id);
          return FALSE;
        }

      gv_set (n, n_shape, shape_name (rn->shape));
      gv_set (n, n_width, w);
      gv_set (n, n_height, h);
      job->nodes[i] = n;

      if (routing_only || (pins && rn->pinned))
        {
          g_autofree char *pos = routing_only ? format_pos (centres[i].x, centres[i].y, FALSE)
                                              : format_pos (rn->x, rn->y, TRUE);
          gv_set (n, n_pos, pos);
          if (!routing_only)
            gv_set (n, n_pin, "true");
        }

      if (rn->group != NULL && engine_has_clusters (engine) && !routing_only)
        {
          Agraph_t *sg = g_hash_table_lookup (clusters, rn->group);

          if (sg == NULL)
            {
              const char *text = _am_layout_request_get_group_label (request, rn->group);
              g_autofree char *name = g_strconcat ("cluster_", rn->group, NULL);
              g_autofree char *label = escape_label (text != NULL ? text : rn->group);

              sg = gv_subgraph (job->g, name);
              if (sg == NULL)
                {
                  g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                               /* Translators: a layout error; the placeholders are, in order:
                                  rn->group */
                               _("layout failed: Graphviz could not create cluster '%s'"),
                               rn->group);
                  return FALSE;
                }
              gv_set (sg, g_label, label);
              gv_set (sg, g_font, AM_FONT_FAMILY);
              gv_set (sg, g_size, cluster_fontsize);
              g_hash_table_insert (clusters, rn->group, sg);
              g_ptr_array_add (job->clusters, sg);
              g_ptr_array_add (job->cluster_ids, rn->group);
            }

          agsubnode (sg, n, TRUE);
        }
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const AmLayoutRequestEdge *re = _am_layout_request_get_edge (request, i);
      Agnode_t *t = agnode (job->g, re->source, FALSE);
      Agnode_t *h = agnode (job->g, re->target, FALSE);
      Agedge_t *e;

      gboolean forward = strcmp (re->source, re->target) <= 0;
      const char *low = forward ? re->source : re->target;
      const char *high = forward ? re->target : re->source;
      g_autofree char *key = NULL;
      guint first;

      /* Never create nodes implicitly: the request guarantees both ends exist. */
      if (t == NULL || h == NULL)
        {
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                       /* Translators: a layout error; the placeholders are, in order: re->id */
                       _("layout failed: edge '%s' refers to an unknown node"), re->id);
          return FALSE;
        }

      /* One Graphviz edge per pair of nodes: the relations after the first between the
       * same two nodes are drawn as a fan around it (read_scene()).  Two thousand
       * parallel relations took neato 71 s as separate edges. */
      key = g_strdup_printf ("%zu:%s%s", strlen (low), low, high);
      first = GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key));
      if (first != 0)
        {
          guint base = first - 1;

          job->edges[i] = job->edges[base];
          job->fan_first[i] = base;
          job->fan_rank[i] = job->fan_size[base]++;
          if (job->fan_size[base] == 2)
            {
              /* Shared now: no direction and no label of one relation. */
              gv_set (job->edges[base], e_dir, "none");
              gv_set (job->edges[base], e_label, "");
            }
          continue;
        }
      g_hash_table_insert (pairs, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
      job->fan_first[i] = i;
      job->fan_size[i] = 1;

      /* Named edges (Agdirected, not strict). */
      e = gv_edge (job->g, t, h, re->id);
      if (e == NULL)
        {
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                       /* Translators: a layout error; the placeholders are, in order: re->id */
                       _("layout failed: Graphviz could not create edge '%s'"), re->id);
          return FALSE;
        }

      if (engine_labels && re->label != NULL && *re->label != '\0')
        {
          g_autofree char *label = escape_label (re->label);
          gv_set (e, e_label, label);
        }
      if (!re->directed)
        gv_set (e, e_dir, "none");
      if (e_weight != NULL && re->has_weight)
        {
          /* dot reads weight as an integer. */
          g_autofree char *w = g_strdup_printf ("%d", (int) CLAMP (re->weight, 0, AM_EDGE_WEIGHT_MAX));
          gv_set (e, e_weight, w);
        }
      if (e_minlen != NULL && re->has_minlen)
        {
          g_autofree char *m = format_double (CLAMP (re->minlen, 0, AM_EDGE_MINLEN_MAX));
          gv_set (e, e_minlen, m);
        }
      job->edges[i] = e;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------ */
/* Reading the result back                                                              */

typedef struct
{
  double minx, miny, maxx, maxy;
  const char *bad;        /* what was not finite, for the message */
} Extent;

static void
extent_add (Extent     *ext,
            double      x,
            double      y,
            const char *what)
{
  if (!isfinite (x) || !isfinite (y))
    {
      if (ext->bad == NULL)
        ext->bad = what;
      return;
    }

  ext->minx = MIN (ext->minx, x);
  ext->miny = MIN (ext->miny, y);
  ext->maxx = MAX (ext->maxx, x);
  ext->maxy = MAX (ext->maxy, y);
}

/* scene = (x + ox, oy − y).  Normally the drawing's extent decides the offsets, so it
 * starts at the margin; when nodes have positions the offsets put them there, and what
 * Graphviz drew left of or above (0, 0) is pulled in (clamp). */
typedef struct
{
  double   ox;
  double   oy;
  gboolean clamp;
} Flip;

/* Graphviz is y-up with an arbitrary origin; the scene is y-down from (0, 0) with a
 * margin.  This is the only place the axis turns over. */
static AmPoint
flip (const Flip *f,
      double      x,
      double      y)
{
  AmPoint p = { x + f->ox, f->oy - y };

  if (f->clamp)
    {
      p.x = MAX (p.x, 0);
      p.y = MAX (p.y, 0);
    }
  return p;
}

static AmRect
flip_box (const Flip *f,
          double      cx,
          double      cy,
          double      w,
          double      h)
{
  AmRect r = { cx + f->ox - w / 2, f->oy - cy - h / 2, w, h };

  if (f->clamp)
    {
      r.x = MAX (r.x, 0);
      r.y = MAX (r.y, 0);
    }
  return r;
}

static gboolean
edge_has_spline (Agedge_t *e)
{
  splines *spl = ED_spl (e);

  if (spl == NULL || spl->size <= 0 || spl->list == NULL)
    return FALSE;

  for (int i = 0; i < spl->size; i++)
    if (spl->list[i].list == NULL || spl->list[i].size < 4 || (spl->list[i].size - 1) % 3 != 0)
      return FALSE;

  return TRUE;
}

static void
add_node_extent (Extent   *ext,
                 Agnode_t *n)
{
  double cx = ND_coord (n).x, cy = ND_coord (n).y;
  double w = ND_width (n) * 72.0, h = ND_height (n) * 72.0;

  extent_add (ext, cx - w / 2, cy - h / 2, "a node position");
  extent_add (ext, cx + w / 2, cy + h / 2, "a node position");
}

static void
add_edge_extent (Extent   *ext,
                 Agedge_t *e)
{
  if (edge_has_spline (e))
    {
      splines *spl = ED_spl (e);

      for (int i = 0; i < spl->size; i++)
        {
          bezier *bz = &spl->list[i];

          for (int j = 0; j < bz->size; j++)
            extent_add (ext, bz->list[j].x, bz->list[j].y, "an edge spline");
          if (bz->sflag)
            extent_add (ext, bz->sp.x, bz->sp.y, "an arrowhead");
          if (bz->eflag)
            extent_add (ext, bz->ep.x, bz->ep.y, "an arrowhead");
        }
    }

  if (ED_label (e) != NULL && ED_label (e)->set)
    {
      textlabel_t *l = ED_label (e);

      extent_add (ext, l->pos.x - l->dimen.x / 2, l->pos.y - l->dimen.y / 2, "an edge label");
      extent_add (ext, l->pos.x + l->dimen.x / 2, l->pos.y + l->dimen.y / 2, "an edge label");
    }
}

/* Where a ray from the centre of @r towards @p leaves the box. */
static AmPoint
clip_to_box (const AmRect *r,
             AmPoint       p)
{
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2;
  double dx = p.x - cx, dy = p.y - cy;
  double tx = dx != 0 ? (r->width / 2) / fabs (dx) : INFINITY;
  double ty = dy != 0 ? (r->height / 2) / fabs (dy) : INFINITY;
  double t = MIN (MIN (tx, ty), 1.0);

  return (AmPoint) { cx + dx * t, cy + dy * t };
}

/* An edge Graphviz gave no curve for: a straight cubic between the node borders (or a
 * small loop), so every edge in the scene has one. */
static void
synthesise_edge (AmSceneEdge  *se,
                 const AmRect *tail_box,
                 const AmRect *head_box,
                 gboolean      arrow,
                 double        loop_size,
                 GArray       *points)
{
  AmPoint a, b;

  if (tail_box == head_box)
    {
      double x = tail_box->x + tail_box->width, y = tail_box->y + tail_box->height / 2;
      double s = loop_size;
      AmPoint loop[4] = { { x, y - s / 3 }, { x + s, y - s }, { x + s, y + s }, { x, y + s / 3 } };

      g_array_append_vals (points, loop, 4);
      se->has_head = FALSE;
      return;
    }

  a = clip_to_box (tail_box, (AmPoint) { head_box->x + head_box->width / 2,
                                         head_box->y + head_box->height / 2 });
  b = clip_to_box (head_box, (AmPoint) { tail_box->x + tail_box->width / 2,
                                         tail_box->y + tail_box->height / 2 });

  if (arrow)
    {
      double len = hypot (b.x - a.x, b.y - a.y);

      if (len > 2 * SYNTH_ARROW_LENGTH)
        {
          se->has_head = TRUE;
          se->head = b;
          b.x -= (b.x - a.x) / len * SYNTH_ARROW_LENGTH;
          b.y -= (b.y - a.y) / len * SYNTH_ARROW_LENGTH;
        }
    }

  for (guint i = 0; i < 4; i++)
    {
      AmPoint p = { a.x + (b.x - a.x) * i / 3.0, a.y + (b.y - a.y) * i / 3.0 };
      g_array_append_val (points, p);
    }
}

/* Joins the pieces of a (rarely) multi-part spline into one path. */
static void
copy_spline (const Flip  *f,
             Agedge_t    *e,
             AmSceneEdge *se,
             GArray      *points)
{
  splines *spl = ED_spl (e);

  for (int i = 0; i < spl->size; i++)
    {
      bezier *bz = &spl->list[i];
      AmPoint first = flip (f, bz->list[0].x, bz->list[0].y);

      if (points->len > 0)
        {
          AmPoint last = g_array_index (points, AmPoint, points->len - 1);

          if (last.x != first.x || last.y != first.y)
            {
              AmPoint bridge[3] = {
                { last.x + (first.x - last.x) / 3, last.y + (first.y - last.y) / 3 },
                { last.x + 2 * (first.x - last.x) / 3, last.y + 2 * (first.y - last.y) / 3 },
                first,
              };
              g_array_append_vals (points, bridge, 3);
            }
        }
      else
        g_array_append_val (points, first);

      for (int j = 1; j < bz->size; j++)
        {
          AmPoint p = flip (f, bz->list[j].x, bz->list[j].y);
          g_array_append_val (points, p);
        }

      if (i == 0 && bz->sflag)
        {
          se->has_tail = TRUE;
          se->tail = flip (f, bz->sp.x, bz->sp.y);
        }
      if (i == spl->size - 1 && bz->eflag)
        {
          se->has_head = TRUE;
          se->head = flip (f, bz->ep.x, bz->ep.y);
        }
    }
}

/* The middle of the path, where Graphviz would have put a label it did not place. */
static AmPoint
path_middle (const AmPoint *p,
             guint          n_points)
{
  guint n_curves = (n_points - 1) / 3;
  const AmPoint *c = &p[3 * (n_curves / 2)];

  if (n_curves % 2 == 1)
    return (AmPoint) { 0.125 * c[0].x + 0.375 * c[1].x + 0.375 * c[2].x + 0.125 * c[3].x,
                       0.125 * c[0].y + 0.375 * c[1].y + 0.375 * c[2].y + 0.125 * c[3].y };
  return c[0];
}

/* Half the width of the fan of @size relations between nodes whose centres are @chord
 * points apart. */
static double
fan_half_width (guint  size,
                double chord)
{
  double spread = MIN ((size - 1) * FAN_STEP, MAX (chord, FAN_SQRT_STEPS * FAN_STEP * sqrt (size)));

  return spread / 2;
}

/* The fan around a shared edge reaches at most this far from the base curve's points. */
static void
add_fan_extent (Extent   *ext,
                Agedge_t *e,
                guint     size,
                gboolean  stale)
{
  Agnode_t *t = agtail (e), *h = aghead (e);
  double r;

  if (t == h)
    return;     /* loops are kept inside the bounds where they are drawn */
  r = 4.0 / 3.0 * fan_half_width (size, hypot (ND_coord (h).x - ND_coord (t).x,
                                               ND_coord (h).y - ND_coord (t).y)) + 1;
  if (!stale && edge_has_spline (e))
    {
      splines *spl = ED_spl (e);

      for (int i = 0; i < spl->size; i++)
        for (int j = 0; j < spl->list[i].size; j++)
          {
            pointf p = spl->list[i].list[j];

            extent_add (ext, p.x - r, p.y - r, "an edge spline");
            extent_add (ext, p.x + r, p.y + r, "an edge spline");
          }
    }
  else
    {
      double mx = (ND_coord (t).x + ND_coord (h).x) / 2, my = (ND_coord (t).y + ND_coord (h).y) / 2;

      extent_add (ext, mx - r, my - r, "a node position");
      extent_add (ext, mx + r, my + r, "a node position");
    }
}

/*
 * Relation @rank of @size between the same two nodes, all laid out as the one Graphviz
 * edge @e: its own curve, the shared one (or a straight line) bent sideways by its place
 * in the fan, the middle ones least; loops grow instead.  @reversed: the relation runs
 * against @e.  Each keeps its own direction and arrowhead.
 */
static void
fan_edge (const Flip   *f,
          Agedge_t     *e,
          gboolean      stale,
          gboolean      reversed,
          gboolean      directed,
          guint         rank,
          guint         size,
          const AmRect *tail_box,
          const AmRect *head_box,
          AmSceneEdge  *se,
          GArray       *points)
{
  AmPoint ct = { tail_box->x + tail_box->width / 2, tail_box->y + tail_box->height / 2 };
  AmPoint ch = { head_box->x + head_box->width / 2, head_box->y + head_box->height / 2 };
  AmPoint v, normal = { 0, 1 };
  AmPoint *p;
  double len, offset;
  guint m;

  if (tail_box == head_box)
    {
      double grow = MIN (FAN_LOOP_STEP, FAN_LOOP_SPREAD / size);

      synthesise_edge (se, tail_box, head_box, FALSE, SYNTH_LOOP_SIZE + rank * grow, points);
      return;
    }

  if (!stale && edge_has_spline (e))
    {
      AmSceneEdge base = { 0, };

      /* Shared edges have no direction: no arrowheads in the way. */
      copy_spline (f, e, &base, points);
      if (reversed)
        for (guint k = 0; k < points->len / 2; k++)
          {
            AmPoint *x = &g_array_index (points, AmPoint, k);
            AmPoint *y = &g_array_index (points, AmPoint, points->len - 1 - k);
            AmPoint tmp = *x;

            *x = *y;
            *y = tmp;
          }
    }
  else
    synthesise_edge (se, tail_box, head_box, FALSE, SYNTH_LOOP_SIZE, points);

  /* Sideways is measured from the shared edge's own direction, so that two relations
   * running opposite ways do not take the same place. */
  v = reversed ? (AmPoint) { ct.x - ch.x, ct.y - ch.y } : (AmPoint) { ch.x - ct.x, ch.y - ct.y };
  len = hypot (v.x, v.y);
  if (len > 0)
    normal = (AmPoint) { -v.y / len, v.x / len };
  offset = (rank - (size - 1) / 2.0) * (2 * fan_half_width (size, len) / (size - 1));

  p = (AmPoint *) (void *) points->data;
  m = points->len;
  for (guint k = 1; k + 1 < m; k++)
    {
      double w = 4.0 / 3.0 * sin (G_PI * k / (m - 1));

      p[k].x += normal.x * offset * w;
      p[k].y += normal.y * offset * w;
    }

  /* Every directed relation of a fan shows its direction, with a shorter head when the
   * nodes are close. */
  if (directed && m >= 4)
    {
      AmPoint d = { p[m - 1].x - p[m - 2].x, p[m - 1].y - p[m - 2].y };
      double dl = hypot (d.x, d.y);
      double head = MIN (SYNTH_ARROW_LENGTH, hypot (p[m - 1].x - p[0].x, p[m - 1].y - p[0].y) / 3);

      if (dl > 0 && head > 0)
        {
          se->has_head = TRUE;
          se->head = p[m - 1];
          d.x *= head / dl;
          d.y *= head / dl;
          p[m - 1].x -= d.x;
          p[m - 1].y -= d.y;
          p[m - 2].x -= d.x;
          p[m - 2].y -= d.y;
        }
    }
}

/*
 * @fixed (nullable): the offsets that put the nodes where the request gives them (see
 * Flip), else the extent decides.  @own_clusters: Graphviz only routed edges, so the
 * cluster boxes are computed around their members.
 */
static AmScene *
read_scene (Job              *job,
            AmLayoutRequest  *request,
            const Flip       *fixed,
            gboolean          own_clusters,
            GError          **error)
{
  guint n_nodes = am_layout_request_get_n_nodes (request);
  guint n_edges = am_layout_request_get_n_edges (request);
  Extent ext = { INFINITY, INFINITY, -INFINITY, -INFINITY, NULL };
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autofree AmRect *boxes = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (AmPoint));
  g_autoptr(GArray) late_labels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) node_index = NULL;    /* request id → index + 1 */
  g_autoptr(GPtrArray) cluster_ids = g_ptr_array_new ();
  g_autoptr(GArray) cluster_boxes = g_array_new (FALSE, FALSE, sizeof (AmRect));
  /* Generated and real maps repeat their relation labels: each text is measured once. */
  g_autoptr(GHashTable) label_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  AmRect bounds;
  Flip f;

  /* Everything Graphviz placed, so nothing can fall outside the bounds after the flip
   * (GD_bb does not always cover edge labels and splines). */
  if (!job->stale && gv_has_info (job->g, "Agraphinfo_t"))
    {
      boxf bb = GD_bb (job->g);
      if (bb.UR.x >= bb.LL.x && bb.UR.y >= bb.LL.y)
        {
          extent_add (&ext, bb.LL.x, bb.LL.y, "the bounding box");
          extent_add (&ext, bb.UR.x, bb.UR.y, "the bounding box");
        }
    }
  for (guint i = 0; i < n_nodes; i++)
    add_node_extent (&ext, job->nodes[i]);
  for (guint i = 0; i < n_edges; i++)
    {
      if (job->fan_first[i] != i)
        continue;
      if (!job->stale)
        add_edge_extent (&ext, job->edges[i]);
      if (job->fan_size[i] > 1)
        add_fan_extent (&ext, job->edges[i], job->fan_size[i], job->stale);
    }
  for (guint i = 0; i < job->clusters->len; i++)
    {
      Agraph_t *sg = g_ptr_array_index (job->clusters, i);
      if (gv_has_info (sg, "Agraphinfo_t"))
        {
          extent_add (&ext, GD_bb (sg).LL.x, GD_bb (sg).LL.y, "a cluster box");
          extent_add (&ext, GD_bb (sg).UR.x, GD_bb (sg).UR.y, "a cluster box");
        }
    }

  if (ext.bad != NULL)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                   /* Translators: a layout error; the placeholders are, in order: ext.bad */
                   _("layout failed: Graphviz returned a non-finite number for %s"), ext.bad);
      return NULL;
    }
  if (!isfinite (ext.minx))
    ext.minx = ext.miny = ext.maxx = ext.maxy = 0;   /* an empty graph */
  if (ext.maxx - ext.minx > MAX_EXTENT || ext.maxy - ext.miny > MAX_EXTENT)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                   /* Translators: a layout error; the placeholders are, in order: ext.maxx -
                      ext.minx, ext.maxy - ext.miny */
                   _("layout failed: the drawing is too large (%.0f × %.0f points)"),
                   ext.maxx - ext.minx, ext.maxy - ext.miny);
      return NULL;
    }

  boxes = g_new (AmRect, MAX (n_nodes, 1));
  if (fixed != NULL)
    {
      f = *fixed;
      f.clamp = TRUE;
      bounds = (AmRect) { 0, 0, MAX (ext.maxx + f.ox, 0) + AM_SCENE_MARGIN,
                          MAX (f.oy - ext.miny, 0) + AM_SCENE_MARGIN };
    }
  else
    {
      f = (Flip) { AM_SCENE_MARGIN - ext.minx, ext.maxy + AM_SCENE_MARGIN, FALSE };
      bounds = (AmRect) { 0, 0, ext.maxx - ext.minx + 2 * AM_SCENE_MARGIN,
                          ext.maxy - ext.miny + 2 * AM_SCENE_MARGIN };
    }
  for (guint i = 0; i < n_nodes; i++)
    boxes[i] = flip_box (&f, ND_coord (job->nodes[i]).x, ND_coord (job->nodes[i]).y,
                         ND_width (job->nodes[i]) * 72.0, ND_height (job->nodes[i]) * 72.0);
  if (own_clusters && engine_has_clusters (am_layout_request_get_engine (request)))
    {
      _am_cluster_boxes (request, boxes, cluster_ids, cluster_boxes);
      for (guint i = 0; i < cluster_boxes->len; i++)
        {
          AmRect *b = &g_array_index (cluster_boxes, AmRect, i);

          /* Pulled in like the rest; the members stay covered (they keep the margin). */
          if (b->x < 0)
            {
              b->width += b->x;
              b->x = 0;
            }
          if (b->y < 0)
            {
              b->height += b->y;
              b->y = 0;
            }
          bounds.width = MAX (bounds.width, b->x + b->width + AM_SCENE_MARGIN);
          bounds.height = MAX (bounds.height, b->y + b->height + AM_SCENE_MARGIN);
        }
    }
  if (bounds.width > MAX_EXTENT || bounds.height > MAX_EXTENT)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                   /* Translators: a layout error; the placeholders are the drawing's width
                      and height */
                   _("layout failed: the drawing is too large (%.0f × %.0f points)"),
                   bounds.width, bounds.height);
      return NULL;
    }

  builder = am_scene_builder_new (&bounds);
  am_scene_builder_set_engine (builder,
                               am_layout_engine_to_string (am_layout_request_get_engine (request)));

  node_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_nodes; i++)
    {
      const AmLayoutRequestNode *rn = _am_layout_request_get_node (request, i);
      AmSceneNode sn = { 0, };

      sn.id = rn->id;
      sn.label = rn->label;
      sn.kind = rn->kind;
      sn.shape = rn->shape;
      sn.box = boxes[i];
      am_scene_builder_add_node (builder, &sn);
      g_hash_table_insert (node_index, rn->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const AmLayoutRequestEdge *re = _am_layout_request_get_edge (request, i);
      Agedge_t *e = job->edges[i];
      guint first = job->fan_first[i], size = job->fan_size[first];
      AmSceneEdge se = { 0, };
      gboolean made = TRUE;

      se.id = re->id;
      se.source = re->source;
      se.target = re->target;
      se.label = re->label;
      se.type = re->type;
      se.directed = re->directed;

      g_array_set_size (points, 0);
      if (size > 1)
        {
          guint ti = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, re->source)) - 1;
          guint hi = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, re->target)) - 1;
          gboolean reversed = g_strcmp0 (re->source,
                                         _am_layout_request_get_edge (request, first)->source) != 0;

          fan_edge (&f, e, job->stale, reversed, re->directed, job->fan_rank[i], size,
                    &boxes[ti], &boxes[hi], &se, points);
        }
      else if (!job->stale && edge_has_spline (e))
        {
          copy_spline (&f, e, &se, points);
          made = FALSE;
        }
      else
        {
          guint ti = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, re->source)) - 1;
          guint hi = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, re->target)) - 1;

          if (!job->stale)
            g_debug ("edge '%s' came back without a spline; drawing a straight one", re->id);
          synthesise_edge (&se, &boxes[ti], &boxes[hi], re->directed, SYNTH_LOOP_SIZE, points);
        }
      if (made)
        {
          /* A made-up loop or fan may reach past the margin: keep it inside the bounds. */
          for (guint k = 0; k < points->len; k++)
            {
              AmPoint *p = &g_array_index (points, AmPoint, k);
              p->x = CLAMP (p->x, 0, bounds.width);
              p->y = CLAMP (p->y, 0, bounds.height);
            }
          se.head.x = CLAMP (se.head.x, 0, bounds.width);
          se.head.y = CLAMP (se.head.y, 0, bounds.height);
        }

      se.points = (AmPoint *) (void *) points->data;
      se.n_points = points->len;

      if (re->label != NULL && *re->label != '\0')
        {
          /* Only dot was given the labels, and only those of edges not shared. */
          textlabel_t *l = size == 1 && !job->stale ? ED_label (e) : NULL;
          double w = 0, h = 0;

          if (l != NULL)
            {
              w = l->dimen.x;
              h = l->dimen.y;
            }
          if (!(w > 0 && h > 0))
            {
              AmPoint *known = g_hash_table_lookup (label_sizes, re->label);

              if (known == NULL)
                {
                  known = g_new (AmPoint, 1);
                  am_text_metrics_measure_label (re->label, &known->x, &known->y);
                  /* The padding Graphviz adds around a label it measures. */
                  known->x += 4;
                  known->y += 2;
                  g_hash_table_insert (label_sizes, re->label, known);
                }
              w = known->x;
              h = known->y;
            }

          se.has_label = TRUE;
          if (l != NULL && l->set)
            se.label_box = flip_box (&f, l->pos.x, l->pos.y, w, h);
          else
            {
              /* Engines that did not place the label (sfdp, circo, twopi): centre it on
               * the curve, clamped into the bounds. */
              AmPoint m = path_middle (se.points, se.n_points);
              w = MIN (w, bounds.width);
              h = MIN (h, bounds.height);
              se.label_box = (AmRect) { CLAMP (m.x - w / 2, 0, bounds.width - w),
                                        CLAMP (m.y - h / 2, 0, bounds.height - h), w, h };
              g_array_append_val (late_labels, i);
            }
        }

      am_scene_builder_add_edge (builder, &se);
    }

  if (late_labels->len > 0)
    g_debug ("%u edge labels were not placed by the engine; centred on their curves",
             late_labels->len);

  for (guint i = 0; i < job->clusters->len; i++)
    {
      Agraph_t *sg = g_ptr_array_index (job->clusters, i);
      AmSceneCluster sc = { 0, };
      boxf bb;
      AmPoint ll, ur;

      if (!gv_has_info (sg, "Agraphinfo_t"))
        continue;
      bb = GD_bb (sg);
      if (!(bb.UR.x > bb.LL.x && bb.UR.y > bb.LL.y))
        continue;

      ll = flip (&f, bb.LL.x, bb.LL.y);
      ur = flip (&f, bb.UR.x, bb.UR.y);
      sc.id = g_ptr_array_index (job->cluster_ids, i);
      sc.label = (char *) _am_layout_request_get_group_label (request, sc.id);
      if (sc.label == NULL)
        sc.label = sc.id;
      sc.box = (AmRect) { ll.x, ur.y, ur.x - ll.x, ll.y - ur.y };
      am_scene_builder_add_cluster (builder, &sc);
    }

  for (guint i = 0; i < cluster_boxes->len; i++)
    {
      AmSceneCluster sc = { 0, };

      sc.id = g_ptr_array_index (cluster_ids, i);
      sc.label = (char *) _am_layout_request_get_group_label (request, sc.id);
      if (sc.label == NULL)
        sc.label = sc.id;
      sc.box = g_array_index (cluster_boxes, AmRect, i);
      am_scene_builder_add_cluster (builder, &sc);
    }

  /* Graphviz placed the nodes and curves; the labels are placed off nodes and off each
   * other by am-label-place.c, whatever the engine did with them. */
  am_scene_builder_place_labels (builder);

  return am_scene_builder_end (g_steal_pointer (&builder), error);
}

/* ------------------------------------------------------------------------------------ */
/* Running the layout                                                                   */

/* Runs @engine on the graph built; FALSE with Graphviz's message when it fails. */
static gboolean
run_engine (Job         *job,
            const char  *engine,
            GError     **error)
{
  int rc;

  /* Parts of sfdp and fdp draw from the C library's generators without seeding them
   * from "start", so without this their result depends on what ran before in the
   * process.  Seeding both makes every layout start from the same state. */
  srand48 (LAYOUT_SEED_NUMBER);
  srand (LAYOUT_SEED_NUMBER);

  rc = gvLayout (job->gvc, job->g, engine);
  /* Whatever gvLayout did, free its data before agclose (job_clear). */
  job->laid_out = TRUE;

  if (rc != 0 || agerrors () > 0)
    {
      g_autofree char *message = _am_graphviz_take_message ();

      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                   /* Translators: a layout error; %s is Graphviz's own message (in English) */
                   _("layout failed: %s"),
                   *message != '\0' ? message : _("Graphviz reported an error"));
      agreseterrors ();
      return FALSE;
    }

  if (_am_graphviz_has_messages ())
    {
      g_autofree char *message = _am_graphviz_take_message ();
      g_debug ("Graphviz (%s): %s", engine, message);
    }

  return TRUE;
}

/* Whether @request's normal layout has routed curves (then a layout whose nodes moved
 * after the engine is routed again on the new positions). */
static gboolean
wants_splines (AmLayoutRequest *request)
{
  return g_str_equal (engine_splines (am_layout_request_get_engine (request),
                                      am_layout_request_get_n_nodes (request), FALSE), "true");
}

/*
 * Our own overlap removal, after an engine that ran with overlap=true: the node centres
 * move in Graphviz's frame (ND_coord), so everything after reads them as if the engine
 * had put them there; job->stale says the engine's curves no longer fit.
 */
static void
spread_nodes (Job             *job,
              AmLayoutRequest *request)
{
  guint n = am_layout_request_get_n_nodes (request);
  g_autofree AmPoint *centres = g_new (AmPoint, MAX (n, 1));
  g_autofree double *widths = g_new (double, MAX (n, 1));
  g_autofree double *heights = g_new (double, MAX (n, 1));
  double label_area = 0;

  /* The labels' room, estimated from their length (they are measured later, once). */
  for (guint i = 0; i < am_layout_request_get_n_edges (request); i++)
    {
      const char *label = _am_layout_request_get_edge (request, i)->label;

      if (label != NULL && *label != '\0')
        label_area += (LABEL_EM * AM_EDGE_FONT_SIZE * g_utf8_strlen (label, -1) + 4 + NODE_GAP) *
                      (LABEL_LINE * AM_EDGE_FONT_SIZE + 2 + NODE_GAP);
    }

  for (guint i = 0; i < n; i++)
    {
      Agnode_t *node = job->nodes[i];

      centres[i] = (AmPoint) { ND_coord (node).x, ND_coord (node).y };
      widths[i] = ND_width (node) * 72.0;
      heights[i] = ND_height (node) * 72.0;
    }
  if (!_am_spread_nodes (centres, widths, heights, n, NODE_GAP, label_area))
    return;

  for (guint i = 0; i < n; i++)
    {
      ND_coord (job->nodes[i]).x = centres[i].x;
      ND_coord (job->nodes[i]).y = centres[i].y;
    }
  job->stale = TRUE;
}

/* The offsets that put the engine's drawing at the scene's margin (as read_scene() does
 * without fixed offsets), and with @centres (nullable) every node's scene centre. */
static Flip
engine_frame (Job           *job,
              guint          n_nodes,
              AmPoint       *centres)
{
  double minx = INFINITY, maxy = -INFINITY;
  Flip f;

  for (guint i = 0; i < n_nodes; i++)
    {
      Agnode_t *n = job->nodes[i];

      minx = MIN (minx, ND_coord (n).x - ND_width (n) * 36.0);
      maxy = MAX (maxy, ND_coord (n).y + ND_height (n) * 36.0);
    }
  f = (Flip) { AM_SCENE_MARGIN - minx, maxy + AM_SCENE_MARGIN, TRUE };
  for (guint i = 0; centres != NULL && i < n_nodes; i++)
    centres[i] = (AmPoint) { ND_coord (job->nodes[i]).x + f.ox, f.oy - ND_coord (job->nodes[i]).y };

  return f;
}

/* Node @n's scene box around @centre. */
static AmRect
node_rect (Agnode_t *n,
           AmPoint   centre)
{
  double w = ND_width (n) * 72.0, h = ND_height (n) * 72.0;

  return (AmRect) { centre.x - w / 2, centre.y - h / 2, w, h };
}

/* The offsets that put node @n's centre at (x, y) in the scene. */
static Flip
frame_for (Agnode_t *n,
           double    x,
           double    y)
{
  return (Flip) { x - ND_coord (n).x, y + ND_coord (n).y, TRUE };
}

/*
 * Every node at @centres (scene coordinates), Graphviz only routing the edges: "nop2",
 * i.e. neato -n2, which reads "pos" in points, keeps every node there and routes with
 * the splines setting given.  It moves the whole drawing so its box starts at (0, 0):
 * the scene's offsets are taken from the first node, which puts every node exactly where
 * it was asked to be (with @exactly; else the drawing starts at the margin).
 */
static AmScene *
route_on_positions (Job              *job,
                    AmLayoutRequest  *request,
                    const AmPoint    *centres,
                    gboolean          exactly,
                    GError          **error)
{
  Flip f;

  job_clear (job);
  job->nop = TRUE;
  if (!build_graph (job, request, centres, error) || !run_engine (job, "nop2", error))
    return NULL;
  /* Not @exactly (the positions are our own overlap pass's): the drawing starts at the
   * margin, fans of parallel relations included. */
  if (am_layout_request_get_n_nodes (request) == 0 || !exactly)
    return read_scene (job, request, NULL, TRUE, error);

  f = frame_for (job->nodes[0], centres[0].x, centres[0].y);
  return read_scene (job, request, &f, TRUE, error);
}

/*
 * A full layout with pinned nodes, after the engine ran.  neato reads "pos" with "!" and
 * keeps those nodes where they are relative to each other: the scene is placed so that
 * they land on their positions.  dot, circo, twopi, fdp (which crashed on pins) and sfdp
 * (which 2.42.2 lets move them) keep their own drawing, where the pinned nodes are then
 * put.  Either way, nodes
 * pushed left of or above the margin move in with all the others that are not pinned, the
 * ones a pinned node now covers move to the nearest free spot, and the edges are routed
 * again on those positions.
 */
static AmScene *
settle_pins (Job              *job,
             AmLayoutRequest  *request,
             GError          **error)
{
  AmLayoutEngine engine = am_layout_request_get_engine (request);
  gboolean honours = engine == AM_LAYOUT_ENGINE_NEATO;
  guint n_nodes = am_layout_request_get_n_nodes (request);
  g_autofree AmPoint *centres = g_new (AmPoint, MAX (n_nodes, 1));
  g_autoptr(AmPlacer) pins = _am_placer_new ();
  g_autoptr(AmPlacer) all = _am_placer_new ();
  g_autoptr(GArray) pushed = g_array_new (FALSE, FALSE, sizeof (guint));
  double minx = INFINITY, miny = INFINITY;
  /* Our overlap pass moved nodes: the curves are routed again. */
  gboolean moved = job->stale && wants_splines (request);
  /* The engine's own drawing, as read_scene() would place it. */
  Flip f = engine_frame (job, n_nodes, NULL);

  if (honours)
    for (guint i = 0; i < n_nodes; i++)
      {
        const AmLayoutRequestNode *rn = _am_layout_request_get_node (request, i);

        if (rn->pinned)
          {
            f = frame_for (job->nodes[i], rn->x, rn->y);
            break;
          }
      }
  for (guint i = 0; i < n_nodes; i++)
    {
      const AmLayoutRequestNode *rn = _am_layout_request_get_node (request, i);
      Agnode_t *n = job->nodes[i];

      centres[i] = (AmPoint) { ND_coord (n).x + f.ox, f.oy - ND_coord (n).y };
      if (rn->pinned)
        {
          if (fabs (centres[i].x - rn->x) > 0.005 || fabs (centres[i].y - rn->y) > 0.005)
            moved = TRUE;
          centres[i] = (AmPoint) { rn->x, rn->y };
        }
      else
        {
          minx = MIN (minx, centres[i].x - ND_width (n) * 36.0);
          miny = MIN (miny, centres[i].y - ND_height (n) * 36.0);
        }
    }

  /* Nothing left of or above the margin: what is not pinned moves in, together. */
  if (minx < AM_SCENE_MARGIN || miny < AM_SCENE_MARGIN)
    {
      double dx = MAX (AM_SCENE_MARGIN - minx, 0), dy = MAX (AM_SCENE_MARGIN - miny, 0);

      for (guint i = 0; i < n_nodes; i++)
        if (!_am_layout_request_get_node (request, i)->pinned)
          {
            centres[i].x += dx;
            centres[i].y += dy;
          }
      moved = moved || dx > 0 || dy > 0;
    }

  if (!moved)
    return read_scene (job, request, &f, FALSE, error);

  g_debug ("%s: pinned nodes put in place; edges routed again on the positions",
           am_layout_engine_to_string (engine));

  /* The nodes a pinned one now covers go to the nearest free spot. */
  for (guint i = 0; i < n_nodes; i++)
    if (_am_layout_request_get_node (request, i)->pinned)
      {
        AmRect rect = node_rect (job->nodes[i], centres[i]);
        _am_placer_add (pins, &rect);
        _am_placer_add (all, &rect);
      }
  for (guint i = 0; i < n_nodes; i++)
    if (!_am_layout_request_get_node (request, i)->pinned)
      {
        AmRect rect = node_rect (job->nodes[i], centres[i]);
        if (_am_placer_is_free (pins, &rect))
          _am_placer_add (all, &rect);
        else
          g_array_append_val (pushed, i);
      }
  for (guint k = 0; k < pushed->len; k++)
    {
      guint i = g_array_index (pushed, guint, k);
      AmRect rect = node_rect (job->nodes[i], centres[i]);

      _am_placer_place (all, &rect);
      centres[i] = (AmPoint) { rect.x + rect.width / 2, rect.y + rect.height / 2 };
    }

  return route_on_positions (job, request, centres, TRUE, error);
}

static AmScene *
layout_locked (AmLayoutRequest  *request,
               GError          **error)
{
  g_auto(Job) job = { 0, };
  const char *engine = am_layout_engine_to_string (am_layout_request_get_engine (request));

  job.gvc = _am_graphviz_context ();
  _am_graphviz_clear_messages ();
  agreseterrors ();

  if (_am_layout_request_get_mode (request) == AM_LAYOUT_MODE_KEEP)
    {
      guint n_nodes = am_layout_request_get_n_nodes (request);
      g_autofree AmPoint *centres = g_new (AmPoint, MAX (n_nodes, 1));

      for (guint i = 0; i < n_nodes; i++)
        {
          const AmLayoutRequestNode *rn = _am_layout_request_get_node (request, i);
          centres[i] = (AmPoint) { rn->x, rn->y };
        }
      return route_on_positions (&job, request, centres, TRUE, error);
    }

  if (!build_graph (&job, request, NULL, error) || !run_engine (&job, engine, error))
    return NULL;

  if (engine_spreads_nodes (am_layout_request_get_engine (request)))
    spread_nodes (&job, request);

  if (_am_layout_request_has_pins (request))
    return settle_pins (&job, request, error);

  if (job.stale && wants_splines (request))
    {
      guint n_nodes = am_layout_request_get_n_nodes (request);
      g_autofree AmPoint *centres = g_new (AmPoint, MAX (n_nodes, 1));

      engine_frame (&job, n_nodes, centres);
      return route_on_positions (&job, request, centres, FALSE, error);
    }

  return read_scene (&job, request, NULL, FALSE, error);
}

/*
 * _am_graphviz_warm_up:
 *
 * Lays out a two-node graph with a labelled edge, so that what Graphviz does once per
 * process (reading its plugin config, loading the layout and text plugins, fontconfig's
 * start-up and the label font) is done while the helper still waits for its request.
 * The result is thrown away; every real layout reseeds and starts from a new graph.
 */
void
_am_graphviz_warm_up (void)
{
  Job job = { 0, };
  Agsym_t *e_label, *e_font, *e_size;
  Agnode_t *a, *b;
  Agedge_t *e;

  _am_graphviz_lock ();
  job.gvc = _am_graphviz_context ();
  job.g = gv_open ("warm-up", &actormap_disc);
  if (job.g != NULL)
    {
      gv_declare (job.g, AGNODE, "shape", "box");
      gv_declare (job.g, AGNODE, "fixedsize", "true");
      gv_declare (job.g, AGNODE, "label", "");
      e_label = gv_declare (job.g, AGEDGE, "label", "");
      e_font = gv_declare (job.g, AGEDGE, "fontname", AM_FONT_FAMILY);
      e_size = gv_declare (job.g, AGEDGE, "fontsize", "9");
      a = gv_node (job.g, "a");
      b = gv_node (job.g, "b");
      e = (a != NULL && b != NULL) ? gv_edge (job.g, a, b, "e") : NULL;
      if (e != NULL && e_label != NULL && e_font != NULL && e_size != NULL)
        {
          gv_set (e, e_label, "warm-up");
          /* neato's plugin also holds sfdp, fdp, circo and twopi. */
          if (gvLayout (job.gvc, job.g, "neato") == 0)
            job.laid_out = TRUE;
        }
    }
  job_clear (&job);
  _am_graphviz_clear_messages ();
  agreseterrors ();
  _am_graphviz_unlock ();

  /* Edge labels are measured by Actormap (read_scene()): Pango's start-up too. */
  am_text_metrics_measure_label ("warm-up", NULL, NULL);
}

/*
 * _am_graphviz_layout:
 * @request: what to lay out
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Runs Graphviz in this process.  Serialised by a lock: never two layouts at once.
 *
 * Returns: (transfer full) (nullable): the scene
 */
AmScene *
_am_graphviz_layout (AmLayoutRequest  *request,
                     GError          **error)
{
  AmScene *scene;

  _am_graphviz_lock ();
  scene = layout_locked (request, error);
  _am_graphviz_unlock ();

  return scene;
}
