/* test-article.c — the bundled article model says what the article says
 *
 * Loads data/north-korea-ignores-us-dialogue-offer.json from the source tree
 * ($AM_SOURCE_ROOT) and checks it against the article: the actors it names exist (found
 * by name or alias, never by guessed ids), every relation and statement has evidence,
 * no entity floats unconnected, the direct quotes are there, and every paragraph of the
 * article text (data/north-korea-ignores-us-dialogue-offer.txt, a verbatim copy of the
 * shared article) is in article.paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-core.h"

#define MODEL_NAME "north-korea-ignores-us-dialogue-offer.json"
#define TEXT_NAME  "north-korea-ignores-us-dialogue-offer.txt"

static char *
data_path (const char *name)
{
  const char *root = g_getenv ("AM_SOURCE_ROOT");

  if (root != NULL && *root != '\0')
    return g_build_filename (root, "data", name, NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

/* NULL (and the test skipped) while the model is not in the tree yet. */
static AmDocument *
load_article_model (void)
{
  g_autofree char *path = data_path (MODEL_NAME);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/" MODEL_NAME " is not in the source tree yet");
      return NULL;
    }

  file = g_file_new_for_path (path);
  document = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (AM_IS_DOCUMENT (document));

  return document;
}

/* "Moon Jae-in", "moon jae in" and "MOON JAE-IN" are the same name here. */
static char *
normalize_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '.' || *p == '\'')
        continue;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
entity_is_called (AmEntity   *entity,
                  const char *wanted)
{
  g_autofree char *want = normalize_name (wanted);
  g_autofree char *name = normalize_name (am_entity_get_name (entity));
  const char * const *aliases = am_entity_get_aliases (entity);

  if (g_str_equal (want, name))
    return TRUE;

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias = normalize_name (aliases[i]);

      if (g_str_equal (want, alias))
        return TRUE;
    }

  return FALSE;
}

/* The entity whose name is one of @names (NULL-terminated), preferring a name match
 * over an alias match, and the first name over later ones. */
static AmEntity *
find_entity (AmDocument         *document,
             const char * const *names)
{
  GListModel *entities = am_document_get_entities (document);
  guint n = g_list_model_get_n_items (entities);

  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autofree char *want = normalize_name (names[k]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
          g_autofree char *name = normalize_name (am_entity_get_name (entity));

          if (g_str_equal (want, name))
            return entity;
        }
    }

  for (guint k = 0; names[k] != NULL; k++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

          if (entity_is_called (entity, names[k]))
            return entity;
        }
    }

  return NULL;
}

static void
test_loads (void)
{
  AmDocument *document = load_article_model ();

  if (document == NULL)
    return;

  g_test_message ("%u entities, %u relations, %u statements, %u paragraphs",
                  g_list_model_get_n_items (am_document_get_entities (document)),
                  g_list_model_get_n_items (am_document_get_relations (document)),
                  g_list_model_get_n_items (am_document_get_statements (document)),
                  am_document_get_n_paragraphs (document));

  g_assert_nonnull (am_document_get_title (document));
  g_assert_nonnull (am_document_get_date (document));
  g_assert_true (am_document_get_publisher (document) != NULL ||
                 am_document_get_source (document) != NULL);
  g_assert_cmpuint (am_document_get_n_paragraphs (document), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_statements (document)), >, 0);

  g_assert_finalize_object (document);
}

static void
test_states (void)
{
  static const char * const us[] = { "United States", "United States of America", "US", "U.S.", "USA", NULL };
  static const char * const north_korea[] = { "North Korea", "DPRK", "Democratic People's Republic of Korea", NULL };
  static const char * const south_korea[] = { "South Korea", "Republic of Korea", "ROK", NULL };
  static const char * const china[] = { "China", "People's Republic of China", NULL };
  static const char * const japan[] = { "Japan", NULL };
  static const char * const * const states[] = { us, north_korea, south_korea, china, japan };
  AmDocument *document = load_article_model ();

  if (document == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      AmEntity *entity = find_entity (document, states[i]);

      if (entity == NULL)
        g_error ("no entity named %s", states[i][0]);
      g_test_message ("%s -> %s (%s)", states[i][0], am_entity_get_id (entity),
                      am_entity_get_kind_name (entity));
      g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_STATE);
    }

  g_assert_finalize_object (document);
}

static void
test_people (void)
{
  static const char * const people[] = {
    "Joe Biden", "Choe Son Hui", "Kim Yo Jong", "Kim Jong Un", "Antony Blinken",
    "Lloyd Austin", "Moon Jae-in", "Donald Trump",
  };
  AmDocument *document = load_article_model ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (document == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char * const names[] = { people[i], NULL };
      AmEntity *entity = find_entity (document, names);

      if (entity == NULL)
        g_error ("no entity named %s", people[i]);
      g_test_message ("%s -> %s", people[i], am_entity_get_id (entity));
      g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_PERSON);

      /* Kim Yo Jong and Kim Jong Un are two people. */
      g_assert_true (g_hash_table_add (seen, entity));
    }

  g_assert_finalize_object (document);
}

static void
test_yonhap (void)
{
  AmDocument *document = load_article_model ();
  GListModel *entities;
  gboolean found = FALSE;

  if (document == NULL)
    return;

  entities = am_document_get_entities (document);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      g_autofree char *name = normalize_name (am_entity_get_name (entity));

      if (strstr (name, "yonhap") != NULL)
        {
          g_test_message ("Yonhap -> %s (%s)", am_entity_get_id (entity),
                          am_entity_get_kind_name (entity));
          g_assert_true (am_entity_get_kind (entity) == AM_ENTITY_KIND_MEDIA ||
                         am_entity_get_kind (entity) == AM_ENTITY_KIND_ORGANIZATION);
          found = TRUE;
        }
    }
  g_assert_true (found);

  g_assert_finalize_object (document);
}

static void
test_evidence_everywhere (void)
{
  AmDocument *document = load_article_model ();
  GListModel *relations, *statements;

  if (document == NULL)
    return;

  relations = am_document_get_relations (document);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (am_relation_get_evidence (relation)->len == 0)
        g_error ("relation %s has no evidence", am_relation_get_id (relation));
    }

  statements = am_document_get_statements (document);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

      if (am_statement_get_evidence (statement)->len == 0)
        g_error ("statement %s has no evidence", am_statement_get_id (statement));
    }

  g_assert_finalize_object (document);
}

static void
add_all (GHashTable         *set,
         const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) ids[i]);
}

static void
test_no_floating_entity (void)
{
  AmDocument *document = load_article_model ();
  g_autoptr(GHashTable) connected = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list;

  if (document == NULL)
    return;

  list = am_document_get_relations (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (list, i);

      g_hash_table_add (connected, (gpointer) am_relation_get_source (relation));
      g_hash_table_add (connected, (gpointer) am_relation_get_target (relation));
    }

  list = am_document_get_statements (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (list, i);

      g_hash_table_add (connected, (gpointer) am_statement_get_speaker (statement));
      add_all (connected, am_statement_get_about (statement));
      add_all (connected, am_statement_get_addressees (statement));
      if (am_statement_get_reported_by (statement) != NULL)
        g_hash_table_add (connected, (gpointer) am_statement_get_reported_by (statement));
    }

  list = am_document_get_entities (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (list, i);

      if (!g_hash_table_contains (connected, am_entity_get_id (entity)))
        g_error ("entity %s (%s) takes part in no relation and no statement",
                 am_entity_get_id (entity), am_entity_get_name (entity));
    }

  g_assert_finalize_object (document);
}

static void
assert_quoted_by (AmDocument *document,
                  const char *speaker)
{
  const char * const names[] = { speaker, NULL };
  AmEntity *entity = find_entity (document, names);
  g_autoptr(GPtrArray) said = NULL;
  guint n_quoted = 0;

  g_assert_nonnull (entity);
  said = am_document_statements_by (document, am_entity_get_id (entity));

  for (guint i = 0; i < said->len; i++)
    {
      AmStatement *statement = g_ptr_array_index (said, i);

      if (am_statement_get_quoted (statement))
        {
          g_test_message ("%s: \"%s\"", speaker, am_statement_get_text (statement));
          n_quoted++;
        }
    }

  if (n_quoted == 0)
    g_error ("no quoted statement by %s", speaker);
}

static void
test_quotes (void)
{
  AmDocument *document = load_article_model ();
  const char * const *paragraphs;
  GListModel *statements;

  if (document == NULL)
    return;

  assert_quoted_by (document, "Kim Yo Jong");
  assert_quoted_by (document, "Choe Son Hui");

  /* A direct quote is verbatim: its words are in one of its evidence paragraphs. */
  paragraphs = am_document_get_paragraphs (document);
  statements = am_document_get_statements (document);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);
      GPtrArray *evidence = am_statement_get_evidence (statement);
      gboolean found = FALSE;

      if (!am_statement_get_quoted (statement))
        continue;

      for (guint j = 0; j < evidence->len && !found; j++)
        {
          const AmEvidence *ev = g_ptr_array_index (evidence, j);

          found = strstr (paragraphs[am_evidence_get_paragraph (ev)],
                          am_statement_get_text (statement)) != NULL;
        }

      if (!found)
        g_error ("quoted statement %s: \"%s\" is not verbatim in its evidence paragraphs",
                 am_statement_get_id (statement), am_statement_get_text (statement));
    }

  g_assert_finalize_object (document);
}

/* Trims white space (Unicode, so the article's no-break space too) at both ends. */
static char *
trim (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static void
test_paragraphs_verbatim (void)
{
  g_autofree char *text_path = data_path (TEXT_NAME);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) article_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  AmDocument *document = load_article_model ();
  const char * const *paragraphs;
  guint n_paragraphs, next = 0;
  const char *title;

  if (document == NULL)
    return;

  if (!g_file_get_contents (text_path, &contents, NULL, &error))
    {
      g_test_skip ("data/" TEXT_NAME " is not in the source tree yet");
      g_assert_finalize_object (document);
      return;
    }
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  /* One paragraph per non-blank line; the first line is the headline. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = trim (lines[i]);

      if (*trimmed != '\0')
        g_ptr_array_add (article_lines, g_strdup (lines[i]));
    }
  g_assert_cmpuint (article_lines->len, >, 1);

  title = am_document_get_title (document);
  g_assert_nonnull (title);
  {
    g_autofree char *want = trim (g_ptr_array_index (article_lines, 0));
    g_autofree char *have = trim (title);

    g_assert_cmpstr (have, ==, want);
  }

  paragraphs = am_document_get_paragraphs (document);
  n_paragraphs = am_document_get_n_paragraphs (document);

  /* Every paragraph of the article is there, in order: byte for byte, or differing
   * only in white space at its ends (the article's second paragraph starts with a
   * no-break space). */
  for (guint i = 1; i < article_lines->len; i++)
    {
      const char *line = g_ptr_array_index (article_lines, i);
      g_autofree char *want = trim (line);
      gboolean found = FALSE;

      for (guint p = next; p < n_paragraphs && !found; p++)
        {
          g_autofree char *have = trim (paragraphs[p]);

          if (g_str_equal (paragraphs[p], line) || g_str_equal (have, want))
            {
              if (!g_str_equal (paragraphs[p], line))
                g_test_message ("paragraph %u differs from the text only in white space "
                                "at its ends", p);
              found = TRUE;
              next = p + 1;
            }
        }

      if (!found)
        g_error ("article paragraph missing from article.paragraphs (or out of order): %s",
                 line);
    }

  /* …and nothing else: no paragraph the article does not have. */
  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_autofree char *have = trim (paragraphs[p]);
      gboolean found = FALSE;

      for (guint i = 0; i < article_lines->len && !found; i++)
        {
          g_autofree char *want = trim (g_ptr_array_index (article_lines, i));

          found = g_str_equal (have, want);
        }

      if (!found)
        g_error ("article.paragraphs[%u] is not in the article: %s", p, paragraphs[p]);
    }

  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Article/loads", test_loads);
  g_test_add_func ("/Actormap/Article/states", test_states);
  g_test_add_func ("/Actormap/Article/people", test_people);
  g_test_add_func ("/Actormap/Article/yonhap", test_yonhap);
  g_test_add_func ("/Actormap/Article/evidence-everywhere", test_evidence_everywhere);
  g_test_add_func ("/Actormap/Article/no-floating-entity", test_no_floating_entity);
  g_test_add_func ("/Actormap/Article/quotes", test_quotes);
  g_test_add_func ("/Actormap/Article/paragraphs-verbatim", test_paragraphs_verbatim);

  return g_test_run ();
}
