/* am-view-apply.c — what a view shows of a document: filters and time, focus (breadth-first
 * search honouring direction), every shortest path, collapsed groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-view-private.h"

/*
 * The searches are written by hand over a compact adjacency (CSR arrays) rather than with
 * igraph, which Debian packages: the network is a multigraph whose steps must keep the
 * identity of the relation taken (two relations between the same actors are two paths),
 * the direction rules differ between focus (out/in, undirected ties both ways) and paths
 * (any way), and converting the document into an igraph graph and back would cost more
 * than the searches themselves at 5 000 actors.
 */

G_DEFINE_BOXED_TYPE (AmViewResult, am_view_result, am_view_result_ref, am_view_result_unref)

typedef struct
{
  guint         n_entities;
  guint         n_relations;
  guint         n_statements;
  AmEntity    **entities;          /* borrowed: the document holds them */
  AmRelation  **relations;
  AmStatement **statements;
  GHashTable   *entity_index;      /* id → index + 1 */
  guint        *rel_source;
  guint        *rel_target;
  gint         *stmt_speaker;      /* -1 when the speaker is unknown */
  gboolean     *ent_vis;
  gboolean     *rel_vis;
  gboolean     *stmt_vis;
} Graph;

/* Arcs leaving each node: arcs[offsets[u]] … arcs[offsets[u + 1] - 1]. */
typedef struct
{
  guint *offsets;
  guint *heads;      /* node at the arc's end */
  guint *relation;   /* relation index */
} Adjacency;

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->entity_index, g_hash_table_unref);
  g_clear_pointer (&graph->entities, g_free);
  g_clear_pointer (&graph->relations, g_free);
  g_clear_pointer (&graph->statements, g_free);
  g_clear_pointer (&graph->rel_source, g_free);
  g_clear_pointer (&graph->rel_target, g_free);
  g_clear_pointer (&graph->stmt_speaker, g_free);
  g_clear_pointer (&graph->ent_vis, g_free);
  g_clear_pointer (&graph->rel_vis, g_free);
  g_clear_pointer (&graph->stmt_vis, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static void
adjacency_clear (Adjacency *adjacency)
{
  g_clear_pointer (&adjacency->offsets, g_free);
  g_clear_pointer (&adjacency->heads, g_free);
  g_clear_pointer (&adjacency->relation, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Adjacency, adjacency_clear)

static gint
entity_index (Graph      *graph,
              const char *id)
{
  if (id == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (graph->entity_index, id)) - 1;
}

static void
graph_init (Graph      *graph,
            AmDocument *document)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  GListModel *statements = am_document_get_statements (document);

  memset (graph, 0, sizeof *graph);
  graph->n_entities = g_list_model_get_n_items (entities);
  graph->n_relations = g_list_model_get_n_items (relations);
  graph->n_statements = g_list_model_get_n_items (statements);
  graph->entities = g_new0 (AmEntity *, graph->n_entities + 1);
  graph->relations = g_new0 (AmRelation *, graph->n_relations + 1);
  graph->statements = g_new0 (AmStatement *, graph->n_statements + 1);
  graph->rel_source = g_new0 (guint, graph->n_relations + 1);
  graph->rel_target = g_new0 (guint, graph->n_relations + 1);
  graph->stmt_speaker = g_new0 (gint, graph->n_statements + 1);
  graph->ent_vis = g_new0 (gboolean, graph->n_entities + 1);
  graph->rel_vis = g_new0 (gboolean, graph->n_relations + 1);
  graph->stmt_vis = g_new0 (gboolean, graph->n_statements + 1);
  graph->entity_index = g_hash_table_new (g_str_hash, g_str_equal);

  /* The document holds every object as long as the result holds the document. */
  for (guint i = 0; i < graph->n_entities; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      graph->entities[i] = entity;
      graph->ent_vis[i] = TRUE;
      g_hash_table_insert (graph->entity_index, (gpointer) am_entity_get_id (entity),
                           GUINT_TO_POINTER (i + 1));
    }
  for (guint j = 0; j < graph->n_relations; j++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, j);
      gint s = entity_index (graph, am_relation_get_source (relation));
      gint t = entity_index (graph, am_relation_get_target (relation));

      graph->relations[j] = relation;
      /* The loader checked the ends; a relation to nowhere is simply never shown. */
      graph->rel_vis[j] = s >= 0 && t >= 0;
      graph->rel_source[j] = (guint) MAX (s, 0);
      graph->rel_target[j] = (guint) MAX (t, 0);
    }
  for (guint k = 0; k < graph->n_statements; k++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, k);

      graph->statements[k] = statement;
      graph->stmt_speaker[k] = entity_index (graph, am_statement_get_speaker (statement));
      graph->stmt_vis[k] = graph->stmt_speaker[k] >= 0;
    }
}

/* A relation is shown only with both ends, a statement only with its speaker. */
static void
graph_drop_orphans (Graph *graph)
{
  for (guint j = 0; j < graph->n_relations; j++)
    graph->rel_vis[j] = graph->rel_vis[j] && graph->ent_vis[graph->rel_source[j]]
                        && graph->ent_vis[graph->rel_target[j]];
  for (guint k = 0; k < graph->n_statements; k++)
    graph->stmt_vis[k] = graph->stmt_vis[k] && graph->ent_vis[graph->stmt_speaker[k]];
}

/* ---- Filters and time ---------------------------------------------------------------- */

static void
apply_filters (Graph        *graph,
               const AmView *view)
{
  for (guint i = 0; i < graph->n_entities; i++)
    if (am_view_get_kind_hidden (view, am_entity_get_kind_name (graph->entities[i])))
      graph->ent_vis[i] = FALSE;
  for (guint j = 0; j < graph->n_relations; j++)
    if (am_view_get_type_hidden (view, am_relation_get_rel_type (graph->relations[j])))
      graph->rel_vis[j] = FALSE;
  graph_drop_orphans (graph);
}

static gboolean
in_time (const char        *date,
         const AmDateRange *range,
         gboolean           keep_undated)
{
  AmDateRange item;

  if (!_am_view_item_date_range (date, &item))
    return keep_undated;
  return am_date_range_overlaps (&item, range);
}

static void
mark_statement_actors (Graph       *graph,
                       AmStatement *statement,
                       gboolean    *marks)
{
  const char * const *about = am_statement_get_about (statement);
  const char * const *addressees = am_statement_get_addressees (statement);
  gint i;

  if ((i = entity_index (graph, am_statement_get_speaker (statement))) >= 0)
    marks[i] = TRUE;
  for (guint a = 0; about[a] != NULL; a++)
    if ((i = entity_index (graph, about[a])) >= 0)
      marks[i] = TRUE;
  for (guint a = 0; addressees[a] != NULL; a++)
    if ((i = entity_index (graph, addressees[a])) >= 0)
      marks[i] = TRUE;
}

/* Relations and statements by their dates; then an actor stays when something shown
 * involves it, or (keeping undated items) when nothing that involves it has a date. */
static void
apply_time (Graph        *graph,
            const AmView *view)
{
  AmDateRange range;
  gboolean keep_undated = am_view_get_keep_undated (view);
  g_autofree gboolean *involved = NULL;
  g_autofree gboolean *dated = NULL;
  AmDateRange ignored;

  if (!_am_view_get_day_range (view, &range))
    return;

  involved = g_new0 (gboolean, graph->n_entities + 1);
  dated = g_new0 (gboolean, graph->n_entities + 1);
  for (guint j = 0; j < graph->n_relations; j++)
    {
      const char *date = am_relation_get_date (graph->relations[j]);

      if (_am_view_item_date_range (date, &ignored))
        dated[graph->rel_source[j]] = dated[graph->rel_target[j]] = TRUE;
      graph->rel_vis[j] = graph->rel_vis[j] && in_time (date, &range, keep_undated);
      if (graph->rel_vis[j])
        involved[graph->rel_source[j]] = involved[graph->rel_target[j]] = TRUE;
    }
  for (guint k = 0; k < graph->n_statements; k++)
    {
      const char *date = am_statement_get_date (graph->statements[k]);

      if (_am_view_item_date_range (date, &ignored))
        mark_statement_actors (graph, graph->statements[k], dated);
      graph->stmt_vis[k] = graph->stmt_vis[k] && in_time (date, &range, keep_undated);
      if (graph->stmt_vis[k])
        mark_statement_actors (graph, graph->statements[k], involved);
    }
  for (guint i = 0; i < graph->n_entities; i++)
    graph->ent_vis[i] = graph->ent_vis[i] && (involved[i] || (keep_undated && !dated[i]));
  graph_drop_orphans (graph);
}

/* ---- Searches ------------------------------------------------------------------------ */

/* Arcs over the shown relations: OUT follows source → target, IN target → source, BOTH
 * either; an undirected relation runs both ways whatever @direction is.  Loops are left
 * out (they lead nowhere new). */
static void
adjacency_build (Adjacency       *adjacency,
                 Graph           *graph,
                 AmViewDirection  direction)
{
  guint n = graph->n_entities;
  g_autofree guint *fill = NULL;
  guint n_arcs = 0;

  adjacency->offsets = g_new0 (guint, n + 2);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint j = 0; j < graph->n_relations; j++)
        {
          guint s = graph->rel_source[j], t = graph->rel_target[j];
          gboolean undirected = !am_relation_get_directed (graph->relations[j]);
          gboolean forward = undirected || direction != AM_VIEW_DIRECTION_IN;
          gboolean backward = undirected || direction != AM_VIEW_DIRECTION_OUT;

          if (!graph->rel_vis[j] || s == t)
            continue;
          if (pass == 0)
            {
              adjacency->offsets[s + 1] += forward;
              adjacency->offsets[t + 1] += backward;
              continue;
            }
          if (forward)
            {
              adjacency->heads[fill[s]] = t;
              adjacency->relation[fill[s]++] = j;
            }
          if (backward)
            {
              adjacency->heads[fill[t]] = s;
              adjacency->relation[fill[t]++] = j;
            }
        }
      if (pass == 0)
        {
          for (guint u = 0; u < n; u++)
            adjacency->offsets[u + 1] += adjacency->offsets[u];
          n_arcs = adjacency->offsets[n];
          adjacency->heads = g_new (guint, n_arcs + 1);
          adjacency->relation = g_new (guint, n_arcs + 1);
          fill = g_memdup2 (adjacency->offsets, sizeof (guint) * (n + 1));
        }
    }
}

/* Breadth-first distances from @seeds (−1: not reached within @max_depth). */
static gint *
bfs (Adjacency   *adjacency,
     guint        n,
     const guint *seeds,
     guint        n_seeds,
     guint        max_depth)
{
  gint *dist = g_new (gint, n + 1);
  g_autofree guint *queue = g_new (guint, n + 1);
  guint head = 0, tail = 0;

  for (guint u = 0; u < n; u++)
    dist[u] = -1;
  for (guint k = 0; k < n_seeds; k++)
    if (dist[seeds[k]] < 0)
      {
        dist[seeds[k]] = 0;
        queue[tail++] = seeds[k];
      }
  while (head < tail)
    {
      guint u = queue[head++];

      if ((guint) dist[u] >= max_depth)
        continue;
      for (guint a = adjacency->offsets[u]; a < adjacency->offsets[u + 1]; a++)
        {
          guint v = adjacency->heads[a];

          if (dist[v] < 0)
            {
              dist[v] = dist[u] + 1;
              queue[tail++] = v;
            }
        }
    }
  return dist;
}

/* Focus: the actors within depth of a focused one that the filters left, and what joins
 * them.  Ids that name no shown actor are ignored; with none left, no focus applies. */
static void
apply_focus (Graph        *graph,
             const AmView *view)
{
  const char * const *focus = am_view_get_focus (view);
  g_auto(Adjacency) adjacency = { 0, };
  g_autofree guint *seeds = NULL;
  g_autofree gint *dist = NULL;
  guint n_seeds = 0;

  if (focus == NULL)
    return;
  seeds = g_new (guint, g_strv_length ((GStrv) focus) + 1);
  for (guint k = 0; focus[k] != NULL; k++)
    {
      gint i = entity_index (graph, focus[k]);

      if (i >= 0 && graph->ent_vis[i])
        seeds[n_seeds++] = (guint) i;
    }
  if (n_seeds == 0)
    return;

  adjacency_build (&adjacency, graph, am_view_get_direction (view));
  dist = bfs (&adjacency, graph->n_entities, seeds, n_seeds, am_view_get_depth (view));
  for (guint i = 0; i < graph->n_entities; i++)
    graph->ent_vis[i] = graph->ent_vis[i] && dist[i] >= 0;
  graph_drop_orphans (graph);
}

/* ---- Every shortest path ------------------------------------------------------------- */

typedef struct
{
  Graph      *graph;
  Adjacency  *adjacency;
  gint       *dist_from;
  gint       *dist_to;
  guint       target;
  guint       length;      /* of a shortest path */
  GPtrArray  *paths;       /* of AmViewPath */
  GArray     *stack;       /* of AmViewStep */
  GPtrArray **successors;  /* node → sorted arcs (GUINT_TO_POINTER (arc)) on the DAG */
} PathSearch;

/* An arc u → v lies on a shortest path when the way to u, the arc and the way from v add
 * up to the shortest length. */
static gboolean
arc_on_path (PathSearch *search,
             guint       u,
             guint       v)
{
  return search->dist_from[u] >= 0 && search->dist_to[v] >= 0
         && (guint) (search->dist_from[u] + 1 + search->dist_to[v]) == search->length;
}

static int
compare_arcs_with (PathSearch *search,
                   guint       a,
                   guint       b)
{
  Graph *graph = search->graph;
  int cmp = strcmp (am_entity_get_id (graph->entities[search->adjacency->heads[a]]),
                    am_entity_get_id (graph->entities[search->adjacency->heads[b]]));

  if (cmp != 0)
    return cmp;
  return strcmp (am_relation_get_id (graph->relations[search->adjacency->relation[a]]),
                 am_relation_get_id (graph->relations[search->adjacency->relation[b]]));
}

static int
compare_arcs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return compare_arcs_with (user_data,
                            GPOINTER_TO_UINT (*(gconstpointer const *) a),
                            GPOINTER_TO_UINT (*(gconstpointer const *) b));
}

/* The arcs of the shortest-path DAG leaving @u, sorted by (next actor id, relation id) so
 * the paths come out in a stable order. */
static GPtrArray *
successors_of (PathSearch *search,
               guint       u)
{
  Adjacency *adjacency = search->adjacency;

  if (search->successors[u] == NULL)
    {
      GPtrArray *arcs = g_ptr_array_new ();

      for (guint a = adjacency->offsets[u]; a < adjacency->offsets[u + 1]; a++)
        if (arc_on_path (search, u, adjacency->heads[a]))
          g_ptr_array_add (arcs, GUINT_TO_POINTER (a));
      g_ptr_array_sort_with_data (arcs, compare_arcs, search);
      search->successors[u] = arcs;
    }
  return search->successors[u];
}

static void
record_path (PathSearch *search)
{
  guint n = search->stack->len;
  AmViewPath *path = g_malloc0 (sizeof (AmViewPath) + n * sizeof (AmViewStep));
  AmViewStep *steps = (AmViewStep *) (path + 1);

  if (n > 0)
    memcpy (steps, search->stack->data, n * sizeof (AmViewStep));
  path->n_steps = n;
  path->steps = steps;
  g_ptr_array_add (search->paths, path);
}

static void
enumerate_paths (PathSearch *search,
                 guint       u)
{
  GPtrArray *arcs;
  Graph *graph = search->graph;

  if (u == search->target)
    {
      record_path (search);
      return;
    }
  arcs = successors_of (search, u);
  for (guint k = 0; k < arcs->len && search->paths->len < AM_VIEW_MAX_PATHS; k++)
    {
      guint a = GPOINTER_TO_UINT (arcs->pdata[k]);
      guint v = search->adjacency->heads[a];
      guint j = search->adjacency->relation[a];
      AmViewStep step;

      step.from = am_entity_get_id (graph->entities[u]);
      step.relation_id = am_relation_get_id (graph->relations[j]);
      step.to = am_entity_get_id (graph->entities[v]);
      step.forward = graph->rel_source[j] == u && graph->rel_target[j] == v;
      g_array_append_val (search->stack, step);
      enumerate_paths (search, v);
      g_array_set_size (search->stack, search->stack->len - 1);
    }
}

static guint64
add_saturated (guint64 a,
               guint64 b)
{
  return a > G_MAXUINT64 - b ? G_MAXUINT64 : a + b;
}

/* How many shortest paths there are: counts from the target backwards, nearest first. */
static guint64
count_paths (PathSearch *search,
             guint       source)
{
  Graph *graph = search->graph;
  guint n = graph->n_entities;
  guint D = (guint) search->dist_from[search->target];
  g_autofree guint64 *count = g_new0 (guint64, n + 1);
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint d = 0; d <= D; d++)
    g_ptr_array_add (layers, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint u = 0; u < n; u++)
    if (search->dist_from[u] >= 0 && search->dist_to[u] >= 0
        && (guint) (search->dist_from[u] + search->dist_to[u]) == D)
      g_array_append_val (g_ptr_array_index (layers, search->dist_to[u]), u);

  count[search->target] = 1;
  for (guint d = 1; d <= D; d++)
    {
      GArray *layer = g_ptr_array_index (layers, d);

      for (guint k = 0; k < layer->len; k++)
        {
          guint u = g_array_index (layer, guint, k);
          Adjacency *adjacency = search->adjacency;

          for (guint a = adjacency->offsets[u]; a < adjacency->offsets[u + 1]; a++)
            if (arc_on_path (search, u, adjacency->heads[a]))
              count[u] = add_saturated (count[u], count[adjacency->heads[a]]);
        }
    }
  return count[source];
}

static void
apply_path (Graph        *graph,
            const AmView *view,
            AmViewResult *result)
{
  gint from = entity_index (graph, am_view_get_path_from (view));
  gint to = entity_index (graph, am_view_get_path_to (view));
  gboolean hide_others = am_view_get_path_hide_others (view);
  g_auto(Adjacency) adjacency = { 0, };
  g_autofree gint *dist_from = NULL;
  g_autofree gint *dist_to = NULL;
  PathSearch search = { 0, };
  guint seed;
  guint D;

  if (am_view_get_path_from (view) == NULL)
    return;
  result->emphasis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  result->paths = g_ptr_array_new_with_free_func (g_free);

  if (from < 0 || to < 0 || !graph->ent_vis[from] || !graph->ent_vis[to])
    goto not_connected;

  adjacency_build (&adjacency, graph, AM_VIEW_DIRECTION_BOTH);
  seed = (guint) from;
  dist_from = bfs (&adjacency, graph->n_entities, &seed, 1, G_MAXUINT);
  if (dist_from[to] < 0)
    goto not_connected;
  seed = (guint) to;
  dist_to = bfs (&adjacency, graph->n_entities, &seed, 1, G_MAXUINT);
  D = (guint) dist_from[to];

  search.graph = graph;
  search.adjacency = &adjacency;
  search.dist_from = dist_from;
  search.dist_to = dist_to;
  search.target = (guint) to;
  search.length = D;
  search.paths = result->paths;
  search.stack = g_array_new (FALSE, FALSE, sizeof (AmViewStep));
  search.successors = g_new0 (GPtrArray *, graph->n_entities + 1);
  enumerate_paths (&search, (guint) from);
  result->n_shortest_paths = count_paths (&search, (guint) from);
  for (guint u = 0; u < graph->n_entities; u++)
    g_clear_pointer (&search.successors[u], g_ptr_array_unref);
  g_free (search.successors);
  g_array_unref (search.stack);

  /* The emphasis covers every shortest path, listed or not. */
  for (guint u = 0; u < graph->n_entities; u++)
    {
      gboolean on = dist_from[u] >= 0 && dist_to[u] >= 0
                    && (guint) (dist_from[u] + dist_to[u]) == D;

      if (on)
        g_hash_table_add (result->emphasis, g_strdup (am_entity_get_id (graph->entities[u])));
      if (hide_others)
        graph->ent_vis[u] = graph->ent_vis[u] && on;
    }
  for (guint j = 0; j < graph->n_relations; j++)
    {
      guint s = graph->rel_source[j], t = graph->rel_target[j];
      gboolean on = graph->rel_vis[j] && s != t
                    && (arc_on_path (&search, s, t) || arc_on_path (&search, t, s));

      if (on)
        g_hash_table_add (result->emphasis, g_strdup (am_relation_get_id (graph->relations[j])));
      if (hide_others)
        graph->rel_vis[j] = on;
    }
  graph_drop_orphans (graph);
  return;

not_connected:
  /* Hiding the others of no path leaves the two actors asked for (when shown). */
  if (hide_others)
    {
      for (guint u = 0; u < graph->n_entities; u++)
        graph->ent_vis[u] = graph->ent_vis[u] && ((gint) u == from || (gint) u == to);
      for (guint j = 0; j < graph->n_relations; j++)
        graph->rel_vis[j] = FALSE;
      graph_drop_orphans (graph);
    }
}

/* ---- Collapse ------------------------------------------------------------------------ */

static void
merged_free (AmViewMerged *merged)
{
  g_free (merged->id);
  g_free (merged->source);
  g_free (merged->target);
  g_free (merged->type);
  g_ptr_array_unref (merged->relation_ids);
  g_free (merged);
}

static void
collapsed_free (AmViewCollapsed *collapsed)
{
  g_free (collapsed->node_id);
  g_free (collapsed);
}

/* The id of the node @entity is drawn as (owned). */
static char *
drawn_node (AmViewResult *result,
            const char   *entity_id)
{
  const char *group = g_hash_table_lookup (result->collapsed_of, entity_id);

  return group != NULL ? g_strconcat ("group:", group, NULL) : g_strdup (entity_id);
}

static void
merge_relation (AmViewResult *result,
                GHashTable   *by_key,
                AmRelation   *relation)
{
  const char *source = am_relation_get_source (relation);
  const char *target = am_relation_get_target (relation);
  const char *gs = g_hash_table_lookup (result->collapsed_of, source);
  const char *gt = g_hash_table_lookup (result->collapsed_of, target);
  gboolean directed = am_relation_get_directed (relation);
  g_autofree char *ds = NULL;
  g_autofree char *dt = NULL;
  g_autofree char *key = NULL;
  AmViewMerged *merged;

  if (gs == NULL && gt == NULL)
    return;
  if (gs != NULL && gt != NULL && strcmp (gs, gt) == 0)
    return;   /* inside one collapsed group: not drawn */
  ds = drawn_node (result, source);
  dt = drawn_node (result, target);
  if (!directed && strcmp (ds, dt) > 0)
    {
      char *swap = ds;

      ds = dt;
      dt = swap;
    }
  /* Unit separators cannot clash with the ids as the visible edge id could. */
  key = g_strdup_printf ("%s\x1f%s\x1f%c", ds, dt, directed ? 'd' : 'u');
  merged = g_hash_table_lookup (by_key, key);
  if (merged == NULL)
    {
      g_autofree char *id = g_strdup_printf ("merged:%s%s%s", ds, directed ? "->" : "--", dt);

      merged = g_new0 (AmViewMerged, 1);
      merged->id = g_strdup (id);
      for (guint k = 2; g_hash_table_contains (result->merged_by_id, merged->id); k++)
        {
          g_free (merged->id);
          merged->id = g_strdup_printf ("%s#%u", id, k);
        }
      merged->source = g_steal_pointer (&ds);
      merged->target = g_steal_pointer (&dt);
      merged->directed = directed;
      merged->type = g_strdup (am_relation_get_rel_type (relation));
      merged->relation_ids = g_ptr_array_new ();
      g_ptr_array_add (result->merged, merged);
      g_hash_table_insert (result->merged_by_id, merged->id, merged);
      g_hash_table_insert (by_key, g_steal_pointer (&key), merged);
    }
  else if (g_strcmp0 (merged->type, am_relation_get_rel_type (relation)) != 0)
    {
      g_clear_pointer (&merged->type, g_free);
      merged->mixed_types = TRUE;
    }
  g_ptr_array_add (merged->relation_ids, (gpointer) am_relation_get_id (relation));
}

static void
apply_collapse (Graph        *graph,
                const AmView *view,
                AmGroups     *groups,
                AmViewResult *result)
{
  g_auto(GStrv) collapsed = am_view_dup_collapsed (view);
  g_autoptr(GHashTable) by_key = NULL;

  result->collapsed_of = g_hash_table_new (g_str_hash, g_str_equal);
  result->collapsed_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) collapsed_free);
  result->merged = g_ptr_array_new_with_free_func ((GDestroyNotify) merged_free);
  result->merged_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  /* Kept when given: the derived scene drops the clusters of groups nothing shown is in. */
  if (groups != NULL)
    result->groups = am_groups_ref (groups);
  if (collapsed[0] == NULL)
    return;

  if (result->groups == NULL)
    result->groups = am_groups_compute (result->document);
  for (guint c = 0; collapsed[c] != NULL; c++)
    {
      gint g = am_groups_find (result->groups, collapsed[c]);
      const char * const *members;
      const char *group_id;
      AmViewCollapsed *record;
      guint n = 0;

      if (g < 0)
        continue;
      group_id = am_groups_get_id (result->groups, (guint) g);
      members = am_groups_get_members (result->groups, (guint) g);
      for (guint k = 0; members[k] != NULL; k++)
        {
          gint i = entity_index (graph, members[k]);

          if (i < 0 || !graph->ent_vis[i])
            continue;
          g_hash_table_insert (result->collapsed_of, (gpointer) members[k], (gpointer) group_id);
          n++;
        }
      if (n == 0)
        continue;
      record = g_new0 (AmViewCollapsed, 1);
      record->group_id = group_id;
      record->node_id = g_strconcat ("group:", group_id, NULL);
      record->n_members = n;
      g_ptr_array_add (result->collapsed_groups, record);
    }

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint j = 0; j < graph->n_relations; j++)
    if (graph->rel_vis[j])
      merge_relation (result, by_key, graph->relations[j]);
  for (guint m = 0; m < result->merged->len; m++)
    g_ptr_array_add (((AmViewMerged *) result->merged->pdata[m])->relation_ids, NULL);

  /* Path emphasis reaches the group node and merged edges that carry it. */
  if (result->emphasis != NULL)
    {
      for (guint c = 0; c < result->collapsed_groups->len; c++)
        {
          AmViewCollapsed *record = result->collapsed_groups->pdata[c];
          gint g = am_groups_find (result->groups, record->group_id);
          const char * const *members = am_groups_get_members (result->groups, (guint) g);

          for (guint k = 0; members[k] != NULL; k++)
            if (g_hash_table_contains (result->emphasis, members[k]))
              {
                g_hash_table_add (result->emphasis, g_strdup (record->node_id));
                break;
              }
        }
      for (guint m = 0; m < result->merged->len; m++)
        {
          AmViewMerged *merged = result->merged->pdata[m];

          for (guint k = 0; merged->relation_ids->pdata[k] != NULL; k++)
            if (g_hash_table_contains (result->emphasis, merged->relation_ids->pdata[k]))
              {
                g_hash_table_add (result->emphasis, g_strdup (merged->id));
                break;
              }
        }
    }
}

/* ---- The result ---------------------------------------------------------------------- */

/**
 * am_view_apply:
 *
 * Filters and time range, then focus, then the path, then collapse (am-view.h).  A
 * collapsed group's members and the relations among them stay visible (the lists show
 * them); only the derived scene draws them as one node.
 */
AmViewResult *
am_view_apply (const AmView *view,
               AmDocument   *document,
               AmGroups     *groups)
{
  AmViewResult *result;
  g_auto(Graph) graph = { 0, };

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  result = g_new0 (AmViewResult, 1);
  g_atomic_ref_count_init (&result->ref_count);
  result->view = am_view_copy (view);
  result->document = g_object_ref (document);
  result->whole_map = am_view_is_whole_map (view);
  result->visible = g_hash_table_new (g_str_hash, g_str_equal);

  graph_init (&graph, document);
  if (!result->whole_map)
    {
      apply_filters (&graph, view);
      apply_time (&graph, view);
      apply_focus (&graph, view);
      apply_path (&graph, view, result);
    }
  apply_collapse (&graph, view, groups, result);

  for (guint i = 0; i < graph.n_entities; i++)
    if (graph.ent_vis[i])
      {
        g_hash_table_add (result->visible, (gpointer) am_entity_get_id (graph.entities[i]));
        result->n_visible_entities++;
      }
  for (guint j = 0; j < graph.n_relations; j++)
    if (graph.rel_vis[j])
      {
        g_hash_table_add (result->visible, (gpointer) am_relation_get_id (graph.relations[j]));
        result->n_visible_relations++;
      }
  for (guint k = 0; k < graph.n_statements; k++)
    if (graph.stmt_vis[k])
      g_hash_table_add (result->visible, (gpointer) am_statement_get_id (graph.statements[k]));
  result->hides_nothing = result->n_visible_entities == graph.n_entities
                          && result->n_visible_relations == graph.n_relations
                          && result->collapsed_groups->len == 0;

  return result;
}

AmViewResult *
am_view_result_ref (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
am_view_result_unref (AmViewResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->merged_by_id, g_hash_table_unref);
  g_clear_pointer (&self->merged, g_ptr_array_unref);
  g_clear_pointer (&self->collapsed_groups, g_ptr_array_unref);
  g_clear_pointer (&self->collapsed_of, g_hash_table_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->emphasis, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->groups, am_groups_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->view, am_view_free);
  g_free (self);
}

const AmView *
am_view_result_get_view (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->view;
}

gboolean
am_view_result_is_whole_map (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->whole_map;
}

gboolean
am_view_result_is_visible (AmViewResult *self,
                           const char   *id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return id != NULL && g_hash_table_contains (self->visible, id);
}

GHashTable *
am_view_result_get_visible (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->visible;
}

guint
am_view_result_get_n_visible_entities (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_visible_entities;
}

guint
am_view_result_get_n_visible_relations (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_visible_relations;
}

GHashTable *
am_view_result_get_emphasis (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->emphasis;
}

/**
 * am_view_result_get_n_paths:
 *
 * How many paths am_view_result_get_path() lists: every shortest path, up to
 * %AM_VIEW_MAX_PATHS (am_view_result_get_n_shortest_paths() counts them all).
 */
guint
am_view_result_get_n_paths (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->paths != NULL ? self->paths->len : 0;
}

/**
 * am_view_result_get_n_shortest_paths:
 *
 * How many shortest paths join the two actors, listed or not (saturates at G_MAXUINT64).
 */
guint64
am_view_result_get_n_shortest_paths (AmViewResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_shortest_paths;
}

const AmViewPath *
am_view_result_get_path (AmViewResult *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->paths != NULL && index < self->paths->len, NULL);

  return self->paths->pdata[index];
}

const char *
am_view_result_get_collapsed_group (AmViewResult *self,
                                    const char   *entity_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return entity_id != NULL ? g_hash_table_lookup (self->collapsed_of, entity_id) : NULL;
}

const char * const *
am_view_result_get_merged (AmViewResult *self,
                           const char   *edge_id)
{
  AmViewMerged *merged;

  g_return_val_if_fail (self != NULL, NULL);

  if (edge_id == NULL || (merged = g_hash_table_lookup (self->merged_by_id, edge_id)) == NULL)
    return NULL;
  return (const char * const *) merged->relation_ids->pdata;
}
