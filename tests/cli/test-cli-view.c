/* test-cli-view.c — actormap --export with a view (--focus, --path, --kinds, …), from the
 * outside, with no display
 *
 * What each export must draw is computed here from the JSON itself, by breadth-first
 * searches written for this test, never with the application's own view code: a bug in
 * src/view cannot make its own test pass.  The drawn set is read back from the SVG, whose
 * every node and edge is a <g id="node-…"> / <g id="edge-…">.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-run.h"

#define MODEL_PATH "data/north-korea-ignores-us-dialogue-offer.json"

/* ---- The model, as the test reads it ------------------------------------------------ */

typedef struct
{
  const char *id;
  const char *kind;
} Entity;

typedef struct
{
  const char *id;
  const char *source;
  const char *target;
  const char *type;      /* NULL when none */
  const char *date;      /* NULL when undated */
  gboolean    directed;
} Relation;

typedef struct
{
  const char *id;
  const char *date;      /* NULL when undated */
  GPtrArray  *involved;  /* speaker, about, addressees (borrowed strings) */
} Statement;

typedef struct
{
  JsonParser *parser;    /* owns every string above */
  GArray     *entities;
  GArray     *relations;
  GArray     *statements;
} Model;

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  return json_node_get_string (node);
}

static void
add_strings (GPtrArray  *to,
             JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (to, (gpointer) json_array_get_string_element (array, i));
}

static JsonArray *
root_array (JsonParser *parser,
            const char *name)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  if (!json_object_has_member (root, name))
    return NULL;
  return json_object_get_array_member (root, name);
}

static void
model_free (Model *model)
{
  for (guint i = 0; i < model->statements->len; i++)
    g_ptr_array_unref (g_array_index (model->statements, Statement, i).involved);
  g_array_unref (model->entities);
  g_array_unref (model->relations);
  g_array_unref (model->statements);
  g_object_unref (model->parser);
  g_free (model);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static Model *
model_load (const char *path)
{
  Model *model = g_new0 (Model, 1);
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  model->parser = json_parser_new ();
  json_parser_load_from_file (model->parser, path, &error);
  g_assert_no_error (error);
  model->entities = g_array_new (FALSE, TRUE, sizeof (Entity));
  model->relations = g_array_new (FALSE, TRUE, sizeof (Relation));
  model->statements = g_array_new (FALSE, TRUE, sizeof (Statement));

  array = root_array (model->parser, "entities");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Entity entity = { member_string (object, "id"), member_string (object, "kind") };

      g_array_append_val (model->entities, entity);
    }

  array = root_array (model->parser, "relations");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Relation relation = {
        member_string (object, "id"), member_string (object, "source"),
        member_string (object, "target"), member_string (object, "type"),
        member_string (object, "date"),
        json_object_get_boolean_member_with_default (object, "directed", TRUE),
      };

      g_array_append_val (model->relations, relation);
    }

  array = root_array (model->parser, "statements");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Statement statement = { member_string (object, "id"), member_string (object, "date"),
                              g_ptr_array_new () };

      g_ptr_array_add (statement.involved, (gpointer) member_string (object, "speaker"));
      add_strings (statement.involved, object, "about");
      add_strings (statement.involved, object, "addressees");
      g_array_append_val (model->statements, statement);
    }

  g_assert_cmpuint (model->entities->len, >, 0);
  return model;
}

#define ENTITY(m, i)   (&g_array_index ((m)->entities, Entity, (i)))
#define RELATION(m, i) (&g_array_index ((m)->relations, Relation, (i)))

static GHashTable *
set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
set_add (GHashTable *set,
         const char *id)
{
  g_hash_table_add (set, g_strdup (id));
}

/* ---- Expected sets, by plain breadth-first search ---------------------------------- */

typedef enum { FOLLOW_BOTH, FOLLOW_OUT, FOLLOW_IN } Follow;

/* Hop counts from @starts over the relations whose ends are both in @allowed (NULL: every
 * entity): id → distance + 1 (so that 0 stays "absent" in the table), up to @max_depth
 * hops.  A relation with "directed": false is followed both ways whatever @follow says. */
static GHashTable *
distances (const Model         *model,
           const char * const  *starts,
           Follow               follow,
           guint                max_depth,
           GHashTable          *allowed)
{
  GHashTable *dist = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) frontier = g_ptr_array_new ();

  for (guint i = 0; starts[i] != NULL; i++)
    {
      g_hash_table_insert (dist, (gpointer) starts[i], GUINT_TO_POINTER (1));
      g_ptr_array_add (frontier, (gpointer) starts[i]);
    }

  for (guint depth = 1; depth <= max_depth && frontier->len > 0; depth++)
    {
      g_autoptr(GPtrArray) next = g_ptr_array_new ();

      for (guint f = 0; f < frontier->len; f++)
        {
          const char *at = g_ptr_array_index (frontier, f);

          for (guint i = 0; i < model->relations->len; i++)
            {
              const Relation *r = RELATION (model, i);
              const char *other = NULL;

              if (allowed != NULL && (!g_hash_table_contains (allowed, r->source)
                                      || !g_hash_table_contains (allowed, r->target)))
                continue;
              if (g_str_equal (r->source, at)
                  && (follow != FOLLOW_IN || !r->directed))
                other = r->target;
              else if (g_str_equal (r->target, at)
                       && (follow != FOLLOW_OUT || !r->directed))
                other = r->source;

              if (other != NULL && !g_hash_table_contains (dist, other))
                {
                  g_hash_table_insert (dist, (gpointer) other, GUINT_TO_POINTER (depth + 1));
                  g_ptr_array_add (next, (gpointer) other);
                }
            }
        }
      g_ptr_array_set_size (frontier, 0);
      g_ptr_array_extend_and_steal (frontier, g_steal_pointer (&next));
    }

  return dist;
}

/* The actors within @depth hops of any of @ids. */
static GHashTable *
expected_focus (const Model *model,
                const char  *ids,
                guint        depth,
                Follow       follow,
                GHashTable  *allowed)
{
  g_auto(GStrv) starts = g_strsplit (ids, ",", -1);
  g_autoptr(GHashTable) dist = distances (model, (const char * const *) starts, follow,
                                          depth, allowed);
  GHashTable *set = set_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, dist);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    set_add (set, key);
  return set;
}

static guint
dist_of (GHashTable *dist,
         const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (dist, id));  /* hops + 1, 0 = unreached */
}

/* Every actor and relation on some shortest path between @a and @b, relations taken
 * either way: v is on one when d(a,v) + d(v,b) = d(a,b); a relation when its ends are one
 * hop apart along such a path. */
static void
expected_path (const Model  *model,
               const char   *a,
               const char   *b,
               GHashTable  **entities,
               GHashTable  **relations)
{
  const char *from_a[] = { a, NULL };
  const char *from_b[] = { b, NULL };
  g_autoptr(GHashTable) da = distances (model, from_a, FOLLOW_BOTH, G_MAXUINT - 1, NULL);
  g_autoptr(GHashTable) db = distances (model, from_b, FOLLOW_BOTH, G_MAXUINT - 1, NULL);
  guint length = dist_of (da, b) - 1;

  g_assert_cmpuint (dist_of (da, b), >, 1);
  *entities = set_new ();
  *relations = set_new ();

  for (guint i = 0; i < model->entities->len; i++)
    {
      const char *v = ENTITY (model, i)->id;

      if (dist_of (da, v) > 0 && dist_of (db, v) > 0
          && (dist_of (da, v) - 1) + (dist_of (db, v) - 1) == length)
        set_add (*entities, v);
    }

  for (guint i = 0; i < model->relations->len; i++)
    {
      const Relation *r = RELATION (model, i);
      guint as = dist_of (da, r->source), at = dist_of (da, r->target);
      guint bs = dist_of (db, r->source), bt = dist_of (db, r->target);

      if ((as > 0 && bt > 0 && (as - 1) + 1 + (bt - 1) == length)
          || (at > 0 && bs > 0 && (at - 1) + 1 + (bs - 1) == length))
        set_add (*relations, r->id);
    }
}

/* Every shortest path from @at to @b, as "a>b>c" (one per sequence of relations, so
 * parallel relations make several equal strings), following the distances from
 * expected_path(). */
static void
walk_paths (const Model *model,
            GHashTable  *da,
            GHashTable  *db,
            guint        length,
            const char  *at,
            const char  *b,
            GString     *walked,
            GPtrArray   *paths)
{
  if (g_str_equal (at, b))
    {
      g_ptr_array_add (paths, g_strdup (walked->str));
      return;
    }

  for (guint i = 0; i < model->relations->len; i++)
    {
      const Relation *r = RELATION (model, i);
      const char *next = g_str_equal (r->source, at) ? r->target
                         : g_str_equal (r->target, at) ? r->source : NULL;
      gsize len = walked->len;

      if (next == NULL || dist_of (da, next) != dist_of (da, at) + 1 || dist_of (db, next) == 0
          || (dist_of (da, next) - 1) + (dist_of (db, next) - 1) != length)
        continue;
      g_string_append_printf (walked, ">%s", next);
      walk_paths (model, da, db, length, next, b, walked, paths);
      g_string_truncate (walked, len);
    }
}

static GPtrArray *
expected_path_sequences (const Model *model,
                         const char  *a,
                         const char  *b)
{
  const char *from_a[] = { a, NULL };
  const char *from_b[] = { b, NULL };
  g_autoptr(GHashTable) da = distances (model, from_a, FOLLOW_BOTH, G_MAXUINT - 1, NULL);
  g_autoptr(GHashTable) db = distances (model, from_b, FOLLOW_BOTH, G_MAXUINT - 1, NULL);
  g_autoptr(GString) walked = g_string_new (a);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  walk_paths (model, da, db, dist_of (da, b) - 1, a, b, walked, paths);
  return paths;
}

static GHashTable *
entities_of_kinds (const Model *model,
                   const char  *kinds)
{
  g_auto(GStrv) wanted = g_strsplit (kinds, ",", -1);
  GHashTable *set = set_new ();

  for (guint i = 0; i < model->entities->len; i++)
    if (g_strv_contains ((const char * const *) wanted, ENTITY (model, i)->kind))
      set_add (set, ENTITY (model, i)->id);
  return set;
}

/* The relations whose two ends are in @entities (and, when @types is not NULL, whose type
 * is one of them). */
static GHashTable *
relations_between (const Model *model,
                   GHashTable  *entities,
                   const char  *types)
{
  g_auto(GStrv) wanted = types ? g_strsplit (types, ",", -1) : NULL;
  GHashTable *set = set_new ();

  for (guint i = 0; i < model->relations->len; i++)
    {
      const Relation *r = RELATION (model, i);

      if (!g_hash_table_contains (entities, r->source)
          || !g_hash_table_contains (entities, r->target))
        continue;
      if (wanted != NULL
          && (r->type == NULL || !g_strv_contains ((const char * const *) wanted, r->type)))
        continue;
      set_add (set, r->id);
    }
  return set;
}

static GHashTable *
all_entities (const Model *model)
{
  GHashTable *set = set_new ();

  for (guint i = 0; i < model->entities->len; i++)
    set_add (set, ENTITY (model, i)->id);
  return set;
}

/* Dates of mixed precision as text ranges: "2021-03" is "2021-03-00" … "2021-03-99", so
 * that plain string comparison orders days, months and years honestly. */
static void
date_bounds (const char *iso,
             char        first[11],
             char        last[11])
{
  gsize len = strlen (iso);

  g_assert_true (len == 4 || len == 7 || len == 10);
  g_snprintf (first, 11, "%s%s", iso, len == 4 ? "-00-00" : len == 7 ? "-00" : "");
  g_snprintf (last, 11, "%s%s", iso, len == 4 ? "-99-99" : len == 7 ? "-99" : "");
}

static gboolean
date_in_range (const char *date,
               const char *from,
               const char *to)
{
  char first[11], last[11], rf[11], rl[11];

  date_bounds (date, first, last);
  if (from != NULL)
    {
      date_bounds (from, rf, rl);
      if (strcmp (last, rf) < 0)
        return FALSE;
    }
  if (to != NULL)
    {
      date_bounds (to, rf, rl);
      if (strcmp (first, rl) > 0)
        return FALSE;
    }
  return TRUE;
}

/* What a time range keeps, undated items included: the relations dated inside it or not
 * dated; the actors some kept relation or statement involves, and those with no dated
 * item at all. */
static void
expected_time (const Model  *model,
               const char   *from,
               const char   *to,
               GHashTable  **entities,
               GHashTable  **relations)
{
  g_autoptr(GHashTable) dated = set_new ();

  *entities = set_new ();
  *relations = set_new ();

  for (guint i = 0; i < model->relations->len; i++)
    {
      const Relation *r = RELATION (model, i);

      if (r->date != NULL)
        {
          set_add (dated, r->source);
          set_add (dated, r->target);
        }
      if (r->date == NULL || date_in_range (r->date, from, to))
        {
          set_add (*relations, r->id);
          set_add (*entities, r->source);
          set_add (*entities, r->target);
        }
    }

  for (guint i = 0; i < model->statements->len; i++)
    {
      const Statement *s = &g_array_index (model->statements, Statement, i);
      gboolean kept = s->date == NULL || date_in_range (s->date, from, to);

      for (guint j = 0; j < s->involved->len; j++)
        {
          if (s->date != NULL)
            set_add (dated, g_ptr_array_index (s->involved, j));
          if (kept)
            set_add (*entities, g_ptr_array_index (s->involved, j));
        }
    }

  for (guint i = 0; i < model->entities->len; i++)
    if (!g_hash_table_contains (dated, ENTITY (model, i)->id))
      set_add (*entities, ENTITY (model, i)->id);
}

/* ---- What an SVG draws --------------------------------------------------------------- */

typedef struct
{
  char       *text;
  GHashTable *nodes;   /* entity ids (and "group:…") */
  GHashTable *edges;   /* relation ids (and "merged:…") */
} Svg;

static void
svg_free (Svg *svg)
{
  g_free (svg->text);
  g_hash_table_unref (svg->nodes);
  g_hash_table_unref (svg->edges);
  g_free (svg);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Svg, svg_free)

/* The SVG painter writes ids as the scene's id with every byte that is not a letter, a
 * digit, '-' or '.' as "_XX" (hex). */
static char *
unescape_id (const char *xml_id)
{
  GString *out = g_string_new (NULL);

  for (const char *p = xml_id; *p != '\0'; p++)
    {
      if (*p == '_' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16
                                          + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GHashTable *
svg_ids (const char *text,
         const char *pattern)
{
  /* No G_REGEX_OPTIMIZE: PCRE2's JIT reads 16 bytes at a time past the end of the
   * subject, which valgrind reports as invalid reads. */
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *set = set_new ();

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *xml_id = g_match_info_fetch (match, 1);

      g_hash_table_add (set, unescape_id (xml_id));
      g_match_info_next (match, NULL);
    }
  return set;
}

static Svg *
svg_load (const char *path)
{
  Svg *svg = g_new0 (Svg, 1);

  g_assert_true (g_file_get_contents (path, &svg->text, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg->text, "<?xml"));
  svg->nodes = svg_ids (svg->text, "<g id=\"node-([^\"]*)\" class=\"node ");
  svg->edges = svg_ids (svg->text, "<g id=\"edge-([^\"]*)\" class=\"edge\"");
  return svg;
}

/* Runs `actormap --export=NAME.svg ARGS… MODEL`, asserts it worked and reads the SVG back. */
static Svg *
export_svg (const char *name,
            const char *model,
            const char *args)
{
  g_autofree char *file = g_strconcat (name, ".svg", NULL);
  g_autofree char *out = tmp_path (file);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_auto(GStrv) extra = g_strsplit (args, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(Run) run = { 0 };

  g_strv_builder_add (builder, export_arg);
  for (guint i = 0; extra[i] != NULL; i++)
    if (*extra[i] != '\0')
      g_strv_builder_add (builder, extra[i]);
  g_strv_builder_add (builder, model);
  argv = g_strv_builder_end (builder);

  g_test_message ("actormap %s", args);
  run_actormapv (&run, (const char * const *) argv);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  return svg_load (out);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The set as one sorted, comma-separated line, so a failure shows both sides. */
static char *
set_to_string (GHashTable *set)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, NULL);

  qsort (keys, g_hash_table_size (set), sizeof *keys, compare_strings);
  return g_strjoinv (",", (char **) keys);
}

#define assert_set_equal(actual, expected) G_STMT_START {                 \
    g_autofree char *_a = set_to_string (actual);                         \
    g_autofree char *_e = set_to_string (expected);                       \
    g_assert_cmpstr (_a, ==, _e);                                         \
  } G_STMT_END

static char *
model_path (void)
{
  return g_build_filename (g_getenv ("AM_SOURCE_ROOT"), MODEL_PATH, NULL);
}

/* ---- Views that work --------------------------------------------------------------- */

/* The issue's own example: her neighbours, exactly, with the relations among them. */
static void
test_focus_depth_1 (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(Svg) svg = export_svg ("focus", path, "--focus=kim-yo-jong --depth=1");
  g_autoptr(GHashTable) expected = expected_focus (model, "kim-yo-jong", 1, FOLLOW_BOTH, NULL);
  g_autoptr(GHashTable) expected_edges = relations_between (model, expected, NULL);

  /* Her brother and the US administration she warned, and nobody else. */
  g_assert_cmpuint (g_hash_table_size (expected), ==, 3);
  g_assert_true (g_hash_table_contains (expected, "kim-jong-un"));
  g_assert_true (g_hash_table_contains (expected, "us-administration"));
  assert_set_equal (svg->nodes, expected);
  assert_set_equal (svg->edges, expected_edges);
  g_assert_nonnull (strstr (svg->text, "Kim Yo Jong"));
  g_assert_null (strstr (svg->text, "Joe Biden"));
}

/* The same view in the other formats: a PDF names exactly her and her neighbours, a PNG
 * is cropped to them (smaller than the whole map's). */
static void
test_view_pdf_and_png (void)
{
  g_autofree char *path = model_path ();
  g_autofree char *pdf = tmp_path ("focus.pdf");
  g_autofree char *png = tmp_path ("focus.png");
  g_autofree char *whole_png = tmp_path ("whole.png");
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *png_arg = g_strconcat ("--export=", png, NULL);
  g_autofree char *whole_arg = g_strconcat ("--export=", whole_png, NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_autofree char *png_data = NULL;
  g_autofree char *whole_data = NULL;
  gsize png_len, whole_len;
  guint32 width, whole_width;

  run_actormap (&r1, pdf_arg, "--focus=kim-yo-jong", path, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  if (pdftotext != NULL)
    {
      g_autofree char *text = NULL;
      g_autofree char *command = g_strdup_printf ("%s %s -", pdftotext, pdf);
      int status = 0;

      g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (text, "Kim Yo Jong"));
      g_assert_nonnull (strstr (text, "Kim Jong Un"));
      g_assert_nonnull (strstr (text, "US administration"));
      g_assert_null (strstr (text, "Joe Biden"));
      g_assert_null (strstr (text, "Antony Blinken"));
    }

  run_actormap (&r2, png_arg, "--scale=1", "--focus=kim-yo-jong", path, NULL);
  run_actormap (&r3, whole_arg, "--scale=1", path, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &png_data, &png_len, NULL));
  g_assert_true (g_file_get_contents (whole_png, &whole_data, &whole_len, NULL));
  g_assert_cmpuint (png_len, >, 24);
  g_assert_cmpuint (whole_len, >, 24);
  /* The IHDR width, big-endian at byte 16. */
  memcpy (&width, png_data + 16, sizeof width);
  memcpy (&whole_width, whole_data + 16, sizeof whole_width);
  g_assert_cmpuint (GUINT32_FROM_BE (width), <, GUINT32_FROM_BE (whole_width));
}

static void
test_focus_depths_and_directions (void)
{
  struct { const char *ids; guint depth; const char *direction; Follow follow; } cases[] = {
    { "kim-yo-jong", 2, NULL, FOLLOW_BOTH },
    { "kim-yo-jong", 3, "both", FOLLOW_BOTH },
    { "kim-yo-jong", 2, "out", FOLLOW_OUT },
    { "us", 1, "in", FOLLOW_IN },
    { "us", 2, "out", FOLLOW_OUT },
    { "kim-yo-jong,antony-blinken", 1, NULL, FOLLOW_BOTH },
  };
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("focus-%u", i);
      g_autofree char *args = g_strdup_printf ("--focus=%s --depth=%u%s%s", cases[i].ids,
                                               cases[i].depth,
                                               cases[i].direction ? " --direction=" : "",
                                               cases[i].direction ? cases[i].direction : "");
      g_autoptr(Svg) svg = export_svg (name, path, args);
      g_autoptr(GHashTable) expected = expected_focus (model, cases[i].ids, cases[i].depth,
                                                       cases[i].follow, NULL);
      g_autoptr(GHashTable) all = all_entities (model);

      /* Each case shows some of the map, not all of it, and more than its seeds. */
      g_assert_cmpuint (g_hash_table_size (expected), <, g_hash_table_size (all));
      g_assert_cmpuint (g_hash_table_size (expected), >, 2);
      assert_set_equal (svg->nodes, expected);
    }
}

/* Without --depth, a focus is one step. */
static void
test_focus_default_depth (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(Svg) svg = export_svg ("focus-default", path, "--focus=choe-son-hui");
  g_autoptr(GHashTable) expected = expected_focus (model, "choe-son-hui", 1, FOLLOW_BOTH, NULL);

  assert_set_equal (svg->nodes, expected);
}

/* Every shortest path between her and Joe Biden, exactly: the actors and the relations. */
static void
test_path (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(GHashTable) entities = NULL;
  g_autoptr(GHashTable) relations = NULL;
  g_autoptr(Svg) there = export_svg ("path", path, "--path=kim-yo-jong,joe-biden");
  g_autoptr(Svg) back = export_svg ("path-back", path, "--path=joe-biden,kim-yo-jong");

  expected_path (model, "kim-yo-jong", "joe-biden", &entities, &relations);
  g_assert_true (g_hash_table_contains (entities, "kim-yo-jong"));
  g_assert_true (g_hash_table_contains (entities, "joe-biden"));
  g_assert_cmpuint (g_hash_table_size (entities), >, 2);
  assert_set_equal (there->nodes, entities);
  assert_set_equal (there->edges, relations);
  assert_set_equal (back->nodes, entities);
  assert_set_equal (back->edges, relations);
}

static void
test_kinds (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(Svg) svg = export_svg ("kinds", path, "--kinds=person,state");
  g_autoptr(GHashTable) expected = entities_of_kinds (model, "person,state");
  g_autoptr(GHashTable) expected_edges = relations_between (model, expected, NULL);

  g_assert_cmpuint (g_hash_table_size (expected), ==, 13);
  assert_set_equal (svg->nodes, expected);
  assert_set_equal (svg->edges, expected_edges);
  /* The legend lists what is drawn. */
  g_assert_nonnull (strstr (svg->text, ">Person<"));
  g_assert_null (strstr (svg->text, ">Event<"));
}

/* A type filter hides relations, never actors. */
static void
test_types (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(Svg) svg = export_svg ("types", path, "--types=role,membership");
  g_autoptr(GHashTable) all = all_entities (model);
  g_autoptr(GHashTable) expected_edges = relations_between (model, all, "role,membership");

  g_assert_cmpuint (g_hash_table_size (expected_edges), ==, 14);
  assert_set_equal (svg->edges, expected_edges);
  assert_set_equal (svg->nodes, all);
}

/* Filters first, then the focus over what they left. */
static void
test_kinds_then_focus (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(GHashTable) allowed = entities_of_kinds (model, "person,state,organization");
  g_autoptr(Svg) svg = export_svg ("kinds-focus", path, "--kinds=person,state,organization "
                                   "--focus=kim-yo-jong --depth=2");
  g_autoptr(GHashTable) expected = expected_focus (model, "kim-yo-jong", 2, FOLLOW_BOTH, allowed);
  g_autoptr(GHashTable) unfiltered = expected_focus (model, "kim-yo-jong", 2, FOLLOW_BOTH, NULL);

  /* The filter makes a difference here, or the test would prove nothing. */
  g_assert_cmpuint (g_hash_table_size (expected), <, g_hash_table_size (unfiltered));
  assert_set_equal (svg->nodes, expected);
}

/* Dates of mixed precision: a day inside March 2021 keeps what is dated "2021-03", not
 * what is dated on another day; a year keeps its own. */
static void
test_time_range (void)
{
  struct { const char *from; const char *to; } cases[] = {
    { "2021-03-16", "2021-03-16" },
    { "2019", "2019" },
    { "2021-03-17", NULL },
    { NULL, "2018-12" },
  };
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("time-%u", i);
      g_autofree char *args = g_strdup_printf ("%s%s%s%s%s",
                                               cases[i].from ? "--from=" : "",
                                               cases[i].from ? cases[i].from : "",
                                               cases[i].from && cases[i].to ? " " : "",
                                               cases[i].to ? "--to=" : "",
                                               cases[i].to ? cases[i].to : "");
      g_autoptr(Svg) svg = export_svg (name, path, args);
      g_autoptr(GHashTable) entities = NULL;
      g_autoptr(GHashTable) relations = NULL;

      expected_time (model, cases[i].from, cases[i].to, &entities, &relations);
      g_assert_cmpuint (g_hash_table_size (relations), <, model->relations->len);
      assert_set_equal (svg->edges, relations);
      assert_set_equal (svg->nodes, entities);
    }
}

/* A collapsed state is one node standing for its people and ministries; their relations to
 * the rest are merged into edges that say how many they carry. */
static void
test_collapse (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Svg) whole = export_svg ("whole", path, "");
  g_autoptr(Svg) svg = export_svg ("collapse", path, "--collapse=north-korea");
  g_autoptr(Svg) both = export_svg ("collapse-both", path, "--collapse=north-korea,us");
  const char *members[] = { "north-korea", "kim-jong-un", "choe-son-hui", "nk-foreign-ministry" };
  GHashTableIter iter;
  gpointer key;
  guint n_merged = 0;

  g_assert_true (g_hash_table_contains (svg->nodes, "group:north-korea"));
  g_assert_false (g_hash_table_contains (whole->nodes, "group:north-korea"));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_assert_true (g_hash_table_contains (whole->nodes, members[i]));
      g_assert_false (g_hash_table_contains (svg->nodes, members[i]));
    }
  g_assert_true (g_hash_table_contains (svg->nodes, "us"));
  g_assert_true (g_hash_table_contains (svg->nodes, "joe-biden"));
  g_assert_cmpuint (g_hash_table_size (svg->nodes), <, g_hash_table_size (whole->nodes));

  g_hash_table_iter_init (&iter, svg->edges);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "merged:"))
      n_merged++;
  g_assert_cmpuint (n_merged, >, 0);
  g_assert_true (g_regex_match_simple (">[0-9]+ relations<", svg->text, 0, 0));

  g_assert_true (g_hash_table_contains (both->nodes, "group:north-korea"));
  g_assert_true (g_hash_table_contains (both->nodes, "group:us"));
  g_assert_false (g_hash_table_contains (both->nodes, "joe-biden"));
  g_assert_false (g_hash_table_contains (both->nodes, "us"));
}

/* A path through a collapsed group: the group's node and the merged edge stand for actors
 * and relations on the path, so nothing drawn is dimmed (a dimmed item is a group with an
 * opacity attribute). */
static void
test_path_through_collapsed_group (void)
{
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(GHashTable) entities = NULL;
  g_autoptr(GHashTable) relations = NULL;
  g_autoptr(Svg) svg = export_svg ("path-collapse", path,
                                   "--path=kim-yo-jong,joe-biden --collapse=us");
  GHashTableIter iter;
  gpointer key;

  expected_path (model, "kim-yo-jong", "joe-biden", &entities, &relations);
  g_assert_true (g_hash_table_contains (svg->nodes, "kim-yo-jong"));
  g_assert_true (g_hash_table_contains (svg->nodes, "group:us"));
  g_assert_false (g_hash_table_contains (svg->nodes, "joe-biden"));
  /* Every node drawn is an actor on the path or the group standing for some. */
  g_hash_table_iter_init (&iter, svg->nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (entities, key) || g_str_has_prefix (key, "group:"));
  g_assert_cmpuint (g_hash_table_size (svg->edges), >, 0);
  g_assert_null (strstr (svg->text, "\" opacity=\""));
}

/* --check validates a view against the file without drawing it, and says what it shows. */
static void
test_check_view (void)
{
  g_autofree char *path = model_path ();
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) plain = { 0 };

  run_actormap (&ok, "--check", "--focus=kim-yo-jong", path, NULL);
  g_assert_cmpstr (ok.err, ==, "");
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^ok: 29 entities, 53 relations, 4 statements\n"
                                       "view: 3 entities, [0-9]+ relations\n$", ok.out, 0, 0));

  run_actormap (&bad, "--check", "--kinds=person,robot", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, "robot"));

  /* No view flags, no view line. */
  run_actormap (&plain, "--check", path, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_null (strstr (plain.out, "view:"));
}

/* --check --path lists every shortest path, each step with its relation's label: the
 * same paths, parallel relations included, as the test's own search finds. */
static void
test_check_paths (void)
{
  struct { const char *from; const char *to; guint n_paths; guint n_steps; } cases[] = {
    { "choe-son-hui", "joe-biden", 5, 4 },
    { "kim-yo-jong", "moon-jae-in", 2, 3 },    /* two parallel relations at the first step */
    { "joe-biden", "kim-yo-jong", 1, 2 },
  };
  g_autofree char *path = model_path ();
  g_autoptr(Model) model = model_load (path);
  g_autoptr(GRegex) id_regex = g_regex_new ("(?:^path: |\\]-> |\\]- )([^ ]+)", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *arg = g_strdup_printf ("--path=%s,%s", cases[i].from, cases[i].to);
      g_autofree char *summary = g_strdup_printf ("paths: %u shortest, %u steps each",
                                                  cases[i].n_paths, cases[i].n_steps);
      g_autoptr(GPtrArray) expected = expected_path_sequences (model, cases[i].from,
                                                               cases[i].to);
      g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) lines = NULL;
      g_auto(Run) run = { 0 };

      run_actormap (&run, "--check", arg, path, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, summary));

      lines = g_strsplit (run.out, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          g_autoptr(GString) ids = g_string_new (NULL);

          if (!g_str_has_prefix (lines[j], "path: "))
            continue;
          /* Each step names its relation by its label, between brackets. */
          g_assert_true (g_regex_match_simple ("^path: [^ ]+( (<-|-)\\[[^]]+\\](->|-) [^ ]+)+$",
                                               lines[j], 0, 0));
          g_regex_match (id_regex, lines[j], 0, &match);
          while (g_match_info_matches (match))
            {
              g_autofree char *id = g_match_info_fetch (match, 1);

              g_string_append_printf (ids, "%s%s", ids->len > 0 ? ">" : "", id);
              g_match_info_next (match, NULL);
            }
          g_ptr_array_add (listed, g_string_free (g_steal_pointer (&ids), FALSE));
        }

      g_assert_cmpuint (expected->len, ==, cases[i].n_paths);
      g_assert_cmpuint (listed->len, ==, expected->len);
      g_ptr_array_sort (expected, compare_strings);
      g_ptr_array_sort (listed, compare_strings);
      for (guint j = 0; j < expected->len; j++)
        g_assert_cmpstr (g_ptr_array_index (listed, j), ==, g_ptr_array_index (expected, j));
    }
}

static void
test_help_lists_flags (void)
{
  const char *flags[] = { "--focus=ID", "--depth=N", "--direction=", "--kinds=",
                          "--types=", "--from=DATE", "--to=DATE", "--path=", "--collapse=" };
  g_auto(Run) run = { 0 };

  run_actormap (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_test_message ("%s", flags[i]);
      g_assert_nonnull (strstr (run.out, flags[i]));
    }
}

/* ---- Views that fail: a clear message, a non-zero exit, no file ---------------------- */

/* Two actors with no relation between them, for "no path"; r3 has no type. */
static const char disconnected_json[] =
  "{ \"format\": \"actormap\", \"version\": 1,"
  "  \"article\": { \"title\": \"Two pairs\" },"
  "  \"entities\": ["
  "    { \"id\": \"a\", \"name\": \"A\", \"kind\": \"person\" },"
  "    { \"id\": \"b\", \"name\": \"B\", \"kind\": \"person\" },"
  "    { \"id\": \"c\", \"name\": \"C\", \"kind\": \"state\" },"
  "    { \"id\": \"d\", \"name\": \"D\", \"kind\": \"state\" },"
  "    { \"id\": \"e\", \"name\": \"E\", \"kind\": \"person\" } ],"
  "  \"relations\": ["
  "    { \"id\": \"r1\", \"source\": \"a\", \"target\": \"b\","
  "      \"label\": \"sister of\", \"type\": \"family\" },"
  "    { \"id\": \"r2\", \"source\": \"c\", \"target\": \"d\","
  "      \"label\": \"allied with\", \"type\": \"alliance\" },"
  "    { \"id\": \"r3\", \"source\": \"a\", \"target\": \"e\", \"label\": \"knows\" } ] }";

static void
test_errors (void)
{
  struct { const char *args; const char *needle1; const char *needle2; } cases[] = {
    { "--focus=kim-yo-jongg", "kim-yo-jongg", NULL },
    { "--focus=kim-yo-jong,nobody", "nobody", NULL },
    { "--focus=", "--focus", NULL },
    { "--focus=kim-yo-jong,,us", "--focus", NULL },
    { "--focus=kim-yo-jong --depth=0", "--depth", "0" },
    { "--focus=kim-yo-jong --depth=4", "--depth", "4" },
    { "--focus=kim-yo-jong --depth=two", "--depth", "two" },
    { "--focus=kim-yo-jong --depth=", "--depth", NULL },
    { "--depth=2", "--depth", "--focus" },
    { "--focus=kim-yo-jong --direction=sideways", "--direction", "sideways" },
    { "--direction=in", "--direction", "--focus" },
    { "--kinds=person,robot", "robot", NULL },
    { "--kinds=Person", "Person", NULL },
    { "--types=role,teleport", "teleport", NULL },
    { "--from=2021-13", "--from", "2021-13" },
    { "--to=2021-02-30", "--to", "2021-02-30" },
    { "--from=March", "--from", "March" },
    { "--from=2021-3-1", "--from", "2021-3-1" },
    { "--from=2021-04 --to=2021-03-18", "2021-04", "2021-03-18" },
    { "--path=kim-yo-jong", "--path", NULL },
    { "--path=kim-yo-jong,joe-biden,us", "--path", NULL },
    { "--path=kim-yo-jong,nobody", "nobody", NULL },
    { "--path=kim-yo-jong,kim-yo-jong", "--path", NULL },
    { "--collapse=atlantis", "atlantis", NULL },
  };
  g_autofree char *path = model_path ();
  g_autofree char *out = tmp_path ("fail.svg");
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) extra = g_strsplit (cases[i].args, " ", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) argv = NULL;
      g_auto(Run) run = { 0 };

      g_strv_builder_add (builder, export_arg);
      g_strv_builder_addv (builder, (const char **) extra);
      g_strv_builder_add (builder, path);
      argv = g_strv_builder_end (builder);

      g_test_message ("actormap %s", cases[i].args);
      run_actormapv (&run, (const char * const *) argv);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "actormap: "));
      g_assert_nonnull (strstr (run.err, cases[i].needle1));
      if (cases[i].needle2 != NULL)
        g_assert_nonnull (strstr (run.err, cases[i].needle2));
      /* One line, not a usage dump. */
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* Two actors the file does not connect (or that the view disconnects): no path, no file. */
static void
test_no_path (void)
{
  g_autofree char *model = tmp_path ("disconnected.json");
  g_autofree char *out = tmp_path ("nopath.svg");
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *bundled = model_path ();
  g_auto(Run) ok = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) filtered = { 0 };

  g_assert_true (g_file_set_contents (model, disconnected_json, -1, NULL));

  run_actormap (&ok, export_arg, "--path=a,b", model, NULL);
  g_assert_cmpstr (ok.err, ==, "");
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (out), ==, 0);

  run_actormap (&none, export_arg, "--path=a,c", model, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "path"));
  g_assert_nonnull (strstr (none.err, "'a'"));
  g_assert_nonnull (strstr (none.err, "'c'"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Connected in the file, but not through the relations the view keeps. */
  run_actormap (&filtered, export_arg, "--types=alliance", "--path=kim-yo-jong,joe-biden",
                bundled, NULL);
  g_assert_cmpint (filtered.status, ==, 2);
  g_assert_nonnull (strstr (filtered.err, "kim-yo-jong"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* --types keeps only relations of those types, but a relation with no type has none to
 * hide it by: it stays (docs/cli.md). */
static void
test_types_keep_untyped (void)
{
  g_autofree char *model = tmp_path ("untyped.json");
  g_autoptr(Svg) svg = NULL;
  g_autoptr(GHashTable) expected = set_new ();

  g_assert_true (g_file_set_contents (model, disconnected_json, -1, NULL));
  svg = export_svg ("untyped", model, "--types=family");
  set_add (expected, "r1");
  set_add (expected, "r3");
  assert_set_equal (svg->edges, expected);
}

/* An existing file at OUT is left exactly as it was when the view is refused. */
static void
test_error_keeps_file (void)
{
  g_autofree char *path = model_path ();
  g_autofree char *out = tmp_path ("precious.svg");
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (out, "precious", -1, NULL));
  run_actormap (&run, export_arg, "--focus=nobody", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
}

/* The view flags describe an export or a check; alone they are a mistake, not a window. */
static void
test_flags_need_export (void)
{
  g_autofree char *path = model_path ();
  g_autofree char *draft = tmp_path ("draft.json");
  g_autofree char *extract_arg = g_strconcat ("--extract=", draft, NULL);
  g_autofree char *article = g_build_filename (g_getenv ("AM_SOURCE_ROOT"), "data",
                                               "north-korea-ignores-us-dialogue-offer.txt",
                                               NULL);
  const char *flags[] = { "--focus=kim-yo-jong", "--kinds=person", "--types=role",
                          "--from=2021", "--to=2021", "--path=kim-yo-jong,joe-biden",
                          "--collapse=us" };
  g_auto(Run) extract = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_auto(Run) run = { 0 };

      run_actormap (&run, flags[i], path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "--export"));
    }

  /* Nor do they mean anything to --extract, which writes no drawing. */
  run_actormap (&extract, extract_arg, "--focus=kim-yo-jong", article, NULL);
  g_assert_cmpint (extract.status, ==, 2);
  g_assert_nonnull (strstr (extract.err, "--focus"));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/CliView/focus-depth-1", test_focus_depth_1);
  g_test_add_func ("/Actormap/CliView/focus-depths-and-directions", test_focus_depths_and_directions);
  g_test_add_func ("/Actormap/CliView/focus-default-depth", test_focus_default_depth);
  g_test_add_func ("/Actormap/CliView/view-pdf-and-png", test_view_pdf_and_png);
  g_test_add_func ("/Actormap/CliView/path", test_path);
  g_test_add_func ("/Actormap/CliView/kinds", test_kinds);
  g_test_add_func ("/Actormap/CliView/types", test_types);
  g_test_add_func ("/Actormap/CliView/types-keep-untyped", test_types_keep_untyped);
  g_test_add_func ("/Actormap/CliView/kinds-then-focus", test_kinds_then_focus);
  g_test_add_func ("/Actormap/CliView/time-range", test_time_range);
  g_test_add_func ("/Actormap/CliView/collapse", test_collapse);
  g_test_add_func ("/Actormap/CliView/path-through-collapsed-group", test_path_through_collapsed_group);
  g_test_add_func ("/Actormap/CliView/check-view", test_check_view);
  g_test_add_func ("/Actormap/CliView/check-paths", test_check_paths);
  g_test_add_func ("/Actormap/CliView/help-lists-flags", test_help_lists_flags);
  g_test_add_func ("/Actormap/CliView/errors", test_errors);
  g_test_add_func ("/Actormap/CliView/no-path", test_no_path);
  g_test_add_func ("/Actormap/CliView/error-keeps-file", test_error_keeps_file);
  g_test_add_func ("/Actormap/CliView/flags-need-export", test_flags_need_export);

  return g_test_run ();
}
