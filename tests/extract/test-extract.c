/* test-extract.c — offline suggestions: sentences, actors, statements, relations, the API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-article-import.h"
#include "am-extract.h"
#include "am-extract-private.h"
#include "test-documents.h"

/* ---- helpers ------------------------------------------------------------------------ */

/* A document holding @article and no items. */
static AmDocument *
article_document (const AmArticle *article)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_article_to_document (article, &error);

  g_assert_no_error (error);
  return document;
}

static AmDocument *
document_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(AmArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  article = am_article_import_bytes (bytes, AM_ARTICLE_FORMAT_TEXT, "test.txt", &error);
  g_assert_no_error (error);
  document = article_document (article);
  return document;
}

static AmDocument *
suggest (const char *text)
{
  g_autoptr(AmDocument) document = document_from_text (text);
  g_autoptr(GError) error = NULL;
  AmDocument *result;

  result = am_extract_suggest (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gboolean
entity_has_name (AmEntity   *entity,
                 const char *name)
{
  g_autofree char *folded = _am_extract_fold (name);
  g_autofree char *own = _am_extract_fold (am_entity_get_name (entity));
  const char * const *aliases = am_entity_get_aliases (entity);

  if (g_str_equal (own, folded))
    return TRUE;
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias = _am_extract_fold (aliases[i]);

      if (g_str_equal (alias, folded))
        return TRUE;
    }
  return FALSE;
}

/* (transfer none) the entity called @name (or with that alias), or NULL */
static AmEntity *
find_entity (AmDocument *document,
             const char *name)
{
  GListModel *entities = am_document_get_entities (document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      if (entity_has_name (entity, name))
        return am_document_lookup_entity (document, am_entity_get_id (entity));
    }
  return NULL;
}

static void
assert_actor (AmDocument   *document,
              const char   *name,
              AmEntityKind  kind)
{
  AmEntity *entity = find_entity (document, name);

  if (entity == NULL)
    g_error ("no actor called “%s”", name);
  g_assert_cmpstr (am_entity_kind_to_string (am_entity_get_kind (entity)), ==,
                   am_entity_kind_to_string (kind));
  g_assert_cmpint (am_entity_get_status (entity), ==, AM_STATUS_SUGGESTED);
  g_assert_cmpuint (am_entity_get_evidence (entity)->len, >, 0);
}

static void
assert_no_actor (AmDocument *document,
                 const char *name)
{
  AmEntity *entity = find_entity (document, name);

  if (entity != NULL)
    g_error ("“%s” should not be an actor (found %s)", name, am_entity_get_id (entity));
}

/* (transfer none) the statement whose text starts with @start */
static AmStatement *
find_statement (AmDocument *document,
                const char *start)
{
  GListModel *statements = am_document_get_statements (document);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

      if (g_str_has_prefix (am_statement_get_text (statement), start))
        return am_document_lookup_statement (document, am_statement_get_id (statement));
    }
  return NULL;
}

static void
assert_statement (AmDocument *document,
                  const char *start,
                  const char *speaker,
                  gboolean    quoted)
{
  AmStatement *statement = find_statement (document, start);
  AmEntity *entity;

  if (statement == NULL)
    g_error ("no statement starting “%s”", start);
  entity = am_document_lookup_entity (document, am_statement_get_speaker (statement));
  g_assert_nonnull (entity);
  if (!entity_has_name (entity, speaker))
    g_error ("“%s” is attributed to %s, not %s", start, am_entity_get_name (entity), speaker);
  g_assert_cmpint (am_statement_get_quoted (statement), ==, quoted);
  g_assert_cmpint (am_statement_get_status (statement), ==, AM_STATUS_SUGGESTED);
  g_assert_cmpuint (am_statement_get_evidence (statement)->len, ==, 1);
}

/* (transfer none) a relation from @source to @target whose label contains @label */
static AmRelation *
find_relation (AmDocument *document,
               const char *source,
               const char *target,
               const char *label)
{
  GListModel *relations = am_document_get_relations (document);
  AmEntity *s = find_entity (document, source);
  AmEntity *t = find_entity (document, target);

  g_assert_nonnull (s);
  g_assert_nonnull (t);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (g_str_equal (am_relation_get_source (relation), am_entity_get_id (s))
          && g_str_equal (am_relation_get_target (relation), am_entity_get_id (t))
          && strstr (am_relation_get_label (relation), label) != NULL)
        return am_document_lookup_relation (document, am_relation_get_id (relation));
    }
  return NULL;
}

/* ---- sentences --------------------------------------------------------------------- */

static char *
sentence_text (AmParagraphText *text,
               guint            i)
{
  AmSentence *s = &g_array_index (text->sentences, AmSentence, i);

  return g_strndup (text->text + s->start, s->end - s->start);
}

static void
test_sentences (void)
{
  static const struct { const char *text; const char *sentences[5]; } rows[] = {
    { "U.S. Special Envoy Tom Perriello arrived on Feb. 12 with Mr. Smith. He met Gen. Ali.",
      { "U.S. Special Envoy Tom Perriello arrived on Feb. 12 with Mr. Smith.", "He met Gen. Ali." } },
    { "The deal was signed in the U.S. The talks ended. Lyndon B. Johnson said so!",
      { "The deal was signed in the U.S.", "The talks ended.", "Lyndon B. Johnson said so!" } },
    { "\"We are ready,\" she said. \"Are you?\" he asked. “Yes.” It ended.",
      { "\"We are ready,\" she said.", "\"Are you?\" he asked.", "“Yes.”", "It ended." } },
    { "Acme Inc. hired Dr. Jane Roe of St. Louis. Sales rose 5.2 percent.",
      { "Acme Inc. hired Dr. Jane Roe of St. Louis.", "Sales rose 5.2 percent." } },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr(AmParagraphText) text = _am_paragraph_text_new (rows[r].text);
      guint n = 0;

      while (n < G_N_ELEMENTS (rows[r].sentences) && rows[r].sentences[n] != NULL)
        n++;
      for (guint i = 0; i < MIN (n, text->sentences->len); i++)
        {
          g_autofree char *s = sentence_text (text, i);

          g_assert_cmpstr (s, ==, rows[r].sentences[i]);
        }
      g_assert_cmpuint (text->sentences->len, ==, n);
    }
}

static void
test_quotes (void)
{
  g_autoptr(AmParagraphText) text =
    _am_paragraph_text_new ("“Curly one,” he said, and then: \"straight two.\" And \"open to the end");

  g_assert_cmpuint (text->quotes->len, ==, 3);
  {
    AmQuote *q = &g_array_index (text->quotes, AmQuote, 0);
    g_autofree char *inner = g_strndup (text->text + q->text_start, q->text_end - q->text_start);

    g_assert_cmpstr (inner, ==, "Curly one,");
  }
  {
    AmQuote *q = &g_array_index (text->quotes, AmQuote, 1);
    g_autofree char *inner = g_strndup (text->text + q->text_start, q->text_end - q->text_start);

    g_assert_cmpstr (inner, ==, "straight two.");
  }
  {
    AmQuote *q = &g_array_index (text->quotes, AmQuote, 2);
    g_autofree char *inner = g_strndup (text->text + q->text_start, q->text_end - q->text_start);

    g_assert_cmpstr (inner, ==, "open to the end");
  }
}

/* ---- actors ------------------------------------------------------------------------ */

static const char actors_article[] =
  "Ministers Clash Over River Dam\n\n"
  "LIMA, March 3 — Chilean Environment Minister Mariela Ortúzar said on Monday that the dam "
  "would harm farmers. Pieter van der Linden, a Dutch engineer, and Yusuf bin Rahman of the "
  "Andean Water Authority disagreed.\n\n"
  "Washington has offered to mediate. North Korean officials were not involved. In April, the "
  "Peruvian Ministry of Agriculture will publish a report. On Tuesday, Ortúzar met the "
  "engineers of Hidroandina Group in Arequipa.\n\n"
  "However, van der Linden told the newspaper El Comercio that nothing was decided.\n";

static void
test_actors (void)
{
  g_autoptr(AmDocument) document = suggest (actors_article);
  AmEntity *ortuzar;

  assert_actor (document, "Mariela Ortúzar", AM_ENTITY_KIND_PERSON);
  assert_actor (document, "Pieter van der Linden", AM_ENTITY_KIND_PERSON);
  assert_actor (document, "Yusuf bin Rahman", AM_ENTITY_KIND_PERSON);
  assert_actor (document, "Chile", AM_ENTITY_KIND_STATE);           /* demonym */
  assert_actor (document, "Netherlands", AM_ENTITY_KIND_STATE);     /* "Dutch" */
  assert_actor (document, "North Korea", AM_ENTITY_KIND_STATE);     /* two-word demonym */
  assert_actor (document, "United States", AM_ENTITY_KIND_STATE);   /* the capital */
  assert_actor (document, "Andean Water Authority", AM_ENTITY_KIND_ORGANIZATION);
  assert_actor (document, "Hidroandina Group", AM_ENTITY_KIND_ORGANIZATION);
  assert_actor (document, "El Comercio", AM_ENTITY_KIND_MEDIA);
  /* "Peruvian Ministry of Agriculture" is the ministry, of Peru */
  assert_actor (document, "Ministry of Agriculture", AM_ENTITY_KIND_ORGANIZATION);
  assert_actor (document, "Peru", AM_ENTITY_KIND_STATE);

  /* Later mentions by surname are aliases with evidence. */
  ortuzar = find_entity (document, "Mariela Ortúzar");
  g_assert_true (entity_has_name (ortuzar, "Ortúzar"));
  g_assert_cmpuint (am_entity_get_evidence (ortuzar)->len, >=, 2);
  g_assert_cmpstr (am_entity_get_role (ortuzar), ==, "Environment Minister");
  g_assert_true (entity_has_name (find_entity (document, "Pieter van der Linden"), "van der Linden"));
  g_assert_true (entity_has_name (find_entity (document, "United States"), "Washington"));

  /* Sentence-initial words, months, weekdays, datelines, places and the headline's
   * capitalised words are not actors. */
  assert_no_actor (document, "However");
  assert_no_actor (document, "April");
  assert_no_actor (document, "In April");
  assert_no_actor (document, "Tuesday");
  assert_no_actor (document, "On Tuesday");
  assert_no_actor (document, "LIMA");
  assert_no_actor (document, "March");
  assert_no_actor (document, "Arequipa");
  assert_no_actor (document, "Ministers Clash");
  assert_no_actor (document, "River Dam");
  assert_no_actor (document, "Ministers");
}

/* ---- statements ---------------------------------------------------------------------- */

static const char statements_article[] =
  "Port Strike Ends\n\n"
  "\"We have a deal,\" said Ana Lima, the head of the Dockers Union. \"Work starts tomorrow.\"\n\n"
  "Harbour director Tomás Ferreira welcomed the agreement. “It protects every job,” he told "
  "the Portuguese broadcaster RTP.\n\n"
  "“Nobody won everything,” Ferreira said, according to the Lusa news agency.\n\n"
  "Lima said the union would hold a vote on Friday.\n\n"
  "The Dockers Union, which represents 3,000 workers, said in a statement that it would "
  "monitor the deal.\n\n"
  "“Prices will fall,” Maria Costa, the bank’s governor, told the Senate.\n\n"
  "The Lisbon Stock Exchange welcomed the end of the strike. “We expected it,” it said.\n";

static void
test_statements (void)
{
  g_autoptr(AmDocument) document = suggest (statements_article);
  AmStatement *statement;
  AmEntity *lusa;

  assert_statement (document, "We have a deal,", "Ana Lima", TRUE);       /* said X */
  assert_statement (document, "Work starts tomorrow.", "Ana Lima", TRUE); /* goes on */
  assert_statement (document, "It protects every job,", "Tomás Ferreira", TRUE); /* he told */
  assert_statement (document, "Nobody won everything,", "Tomás Ferreira", TRUE); /* X said */
  assert_statement (document, "the union would hold a vote", "Ana Lima", FALSE);  /* reported */
  assert_statement (document, "it would monitor the deal", "Dockers Union", FALSE);
  assert_statement (document, "Prices will fall,", "Maria Costa", TRUE);   /* X, the Y, told Z */
  assert_statement (document, "We expected it,", "Lisbon Stock Exchange", TRUE); /* it said */
  statement = find_statement (document, "Prices will fall,");
  g_assert_cmpuint (g_strv_length ((char **) am_statement_get_addressees (statement)), ==, 1);
  g_assert_cmpstr (am_statement_get_addressees (statement)[0], ==,
                   am_entity_get_id (find_entity (document, "Senate")));

  /* Who reported it. */
  statement = find_statement (document, "Nobody won everything,");
  lusa = find_entity (document, "Lusa");
  g_assert_nonnull (lusa);
  g_assert_cmpstr (am_statement_get_reported_by (statement), ==, am_entity_get_id (lusa));
  statement = find_statement (document, "It protects every job,");
  g_assert_cmpstr (am_statement_get_reported_by (statement), ==,
                   am_entity_get_id (find_entity (document, "RTP")));
}

/* Wire copy: the speaker after "said" behind a lower-case title, and the title as role. */
static const char wire_article[] =
  "Port Strike\n\n"
  "\u201cWe will not go back until the offer is fair,\u201d said union leader Paulo Mendes, "
  "who represents 4,000 workers.\n\n"
  "\u201cTalks are over,\u201d said the party spokeswoman, Rita Sousa.\n\n"
  "\u201cThe port is closed,\u201d Jorge Alves, the police spokesman, said.\n\n"
  "\u201cPrices will rise,\u201d chief executive Marta Reis said.\n";

static void
test_wire_speakers (void)
{
  g_autoptr(AmDocument) document = suggest (wire_article);
  const char *cases[][3] = {
    { "We will not go back", "Paulo Mendes", "union leader" },      /* said title X */
    { "Talks are over,", "Rita Sousa", "party spokeswoman" },        /* said the title, X */
    { "The port is closed,", "Jorge Alves", "police spokesman" },    /* X, the title, said */
    { "Prices will rise,", "Marta Reis", "chief executive" },        /* title X said */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AmEntity *entity;

      assert_statement (document, cases[i][0], cases[i][1], TRUE);
      entity = find_entity (document, cases[i][1]);
      g_assert_nonnull (entity);
      g_assert_cmpstr (am_entity_get_role (entity), ==, cases[i][2]);
    }
  /* The title is not an actor of its own. */
  assert_no_actor (document, "union leader");
}

static const char addressee_article[] =
  "Warning\n\n"
  "Foreign Minister Ilse Vogt told the Senate that the treaty was dead.\n\n"
  "Vogt warned Rival Corp not to touch our markets again.\n";

static void
test_addressees (void)
{
  g_autoptr(AmDocument) document = suggest (addressee_article);
  AmStatement *statement = find_statement (document, "the treaty was dead");
  const char * const *addressees;

  g_assert_nonnull (statement);
  addressees = am_statement_get_addressees (statement);
  g_assert_cmpuint (g_strv_length ((char **) addressees), ==, 1);
  g_assert_cmpstr (addressees[0], ==, am_entity_get_id (find_entity (document, "Senate")));
  g_assert_false (am_statement_get_quoted (statement));

  /* First-person words in reported speech make it a quote. */
  assert_statement (document, "touch our markets again", "Ilse Vogt", TRUE);
}

/* ---- relations --------------------------------------------------------------------- */

static const char relations_article[] =
  "Copper Deal\n\n"
  "Chilean Environment Minister Mariela Ortúzar met investors on Monday.\n\n"
  "Andes Copper Corp said profits rose. Its chief executive, Helen Marsh, said the mine "
  "would reopen.\n\n"
  "Egypt's supply ministry bought the copper. Andes Copper Corp sued Pacific Metals Group "
  "in London.\n";

static void
test_relations (void)
{
  g_autoptr(AmDocument) document = suggest (relations_article);
  AmRelation *relation;

  relation = find_relation (document, "Mariela Ortúzar", "Chile", "Minister");
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_rel_type (relation), ==, "role");
  g_assert_cmpint (am_relation_get_status (relation), ==, AM_STATUS_SUGGESTED);

  relation = find_relation (document, "Helen Marsh", "Andes Copper Corp", "chief executive");
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_rel_type (relation), ==, "role");

  assert_actor (document, "Egypt's supply ministry", AM_ENTITY_KIND_ORGANIZATION);
  relation = find_relation (document, "Egypt's supply ministry", "Egypt", "part of");
  g_assert_nonnull (relation);

  relation = find_relation (document, "Andes Copper Corp", "Pacific Metals Group", "sued");
  g_assert_nonnull (relation);
  g_assert_cmpuint (am_relation_get_evidence (relation)->len, ==, 1);
  g_assert_cmpstr (am_evidence_get_text (g_ptr_array_index (am_relation_get_evidence (relation), 0)), ==,
                   "Andes Copper Corp sued Pacific Metals Group in London.");
}

/* ---- the bundled article ------------------------------------------------------------ */

static AmDocument *
suggest_bundled_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "north-korea-ignores-us-dialogue-offer.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmArticle) article = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *result;

  article = am_article_import_file (file, NULL, &error);
  g_assert_no_error (error);
  document = article_document (article);
  result = am_extract_suggest (document, NULL, &error);
  g_assert_no_error (error);
  return result;
}

/* A suggested actor for @entity: same name, or a name/alias in common. */
static AmEntity *
find_counterpart (AmDocument *draft,
                  AmEntity   *entity)
{
  const char * const *aliases = am_entity_get_aliases (entity);
  AmEntity *found = find_entity (draft, am_entity_get_name (entity));

  for (guint i = 0; found == NULL && aliases[i] != NULL; i++)
    found = find_entity (draft, aliases[i]);
  return found;
}

static gchar *
squeeze (const char *text)
{
  g_autofree char *folded = _am_extract_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || (*p & 0x80))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_bundled_article (void)
{
  g_autoptr(AmDocument) model = test_documents_load_bundled ();
  g_autoptr(AmDocument) draft = suggest_bundled_article ();
  GListModel *entities = am_document_get_entities (model);
  GListModel *statements = am_document_get_statements (model);
  guint n_quotes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      AmEntityKind kind = am_entity_get_kind (entity);
      AmEntity *found;

      if (kind != AM_ENTITY_KIND_PERSON && kind != AM_ENTITY_KIND_STATE
          && kind != AM_ENTITY_KIND_ORGANIZATION && kind != AM_ENTITY_KIND_MEDIA)
        continue;
      found = find_counterpart (draft, entity);
      if (found == NULL)
        g_error ("the draft misses %s (%s)", am_entity_get_name (entity), am_entity_get_id (entity));
      g_assert_cmpint (am_entity_get_kind (found), ==, kind);
    }

  /* Every direct quote, with its speaker: the texts overlap (the model's may carry the
   * reporter's lead-in, "not to …"). */
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);
      g_autofree char *want = squeeze (am_statement_get_text (statement));
      AmEntity *speaker = am_document_lookup_entity (model, am_statement_get_speaker (statement));
      AmEntity *counterpart = find_counterpart (draft, speaker);
      GListModel *suggested = am_document_get_statements (draft);
      gboolean found = FALSE;

      if (!am_statement_get_quoted (statement))
        continue;
      n_quotes++;
      g_assert_nonnull (counterpart);
      for (guint j = 0; j < g_list_model_get_n_items (suggested); j++)
        {
          g_autoptr(AmStatement) candidate = g_list_model_get_item (suggested, j);
          g_autofree char *got = squeeze (am_statement_get_text (candidate));

          if (am_statement_get_quoted (candidate)
              && strlen (got) * 10 >= strlen (want) * 8
              && (strstr (want, got) != NULL || strstr (got, want) != NULL)
              && g_str_equal (am_statement_get_speaker (candidate), am_entity_get_id (counterpart)))
            found = TRUE;
        }
      if (!found)
        g_error ("the draft misses the quote %s by %s", am_statement_get_id (statement),
                 am_entity_get_name (speaker));
    }
  g_assert_cmpuint (n_quotes, ==, 3);
}

/* Every item of the draft is suggested, and the draft validates (evidence verbatim). */
static void
test_all_suggested (void)
{
  g_autoptr(AmDocument) draft = suggest_bundled_article ();
  GListModel *lists[] = {
    am_document_get_entities (draft), am_document_get_relations (draft), am_document_get_statements (draft)
  };

  g_assert_cmpuint (g_list_model_get_n_items (lists[0]), >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (lists[1]), >, 3);
  g_assert_cmpuint (g_list_model_get_n_items (lists[2]), >, 2);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        AmStatus status;
        GPtrArray *evidence;

        g_object_get (item, "status", &status, "evidence", &evidence, NULL);
        g_assert_cmpint (status, ==, AM_STATUS_SUGGESTED);
        g_assert_cmpuint (evidence->len, >, 0);
        for (guint e = 0; e < evidence->len; e++)
          g_assert_cmpint (am_evidence_get_offset (g_ptr_array_index (evidence, e)), >=, 0);
        g_ptr_array_unref (evidence);
      }
}

/* What the document has is not suggested again; suggesting twice adds nothing. */
static void
test_existing_items (void)
{
  g_autoptr(AmDocument) model = test_documents_load_bundled ();
  g_autoptr(AmDocument) draft = NULL;
  g_autoptr(AmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *entities;
  guint n_entities;

  draft = am_extract_suggest (model, NULL, &error);
  g_assert_no_error (error);
  entities = am_document_get_entities (draft);
  n_entities = g_list_model_get_n_items (entities);
  /* The model's 29 actors come first, untouched; anything new is suggested. */
  g_assert_cmpuint (n_entities, >=, 29);
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      g_assert_cmpint (am_entity_get_status (entity), ==, i < 29 ? AM_STATUS_ACCEPTED : AM_STATUS_SUGGESTED);
      if (i >= 29)
        g_assert_null (find_counterpart (model, entity));
    }
  /* No second Choe, no second quote by her. */
  g_assert_null (find_entity (draft, "Choe Son Hui-2"));
  {
    GListModel *statements = am_document_get_statements (draft);
    guint choe = 0;

    for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
      {
        g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

        if (g_str_equal (am_statement_get_speaker (statement), "choe-son-hui")
            && g_str_has_prefix (am_statement_get_text (statement), "No contact or dialogue"))
          choe++;
      }
    g_assert_cmpuint (choe, ==, 1);
  }

  again = am_extract_suggest (draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (again)), ==, n_entities);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_statements (again)), ==,
                    g_list_model_get_n_items (am_document_get_statements (draft)));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (again)), ==,
                    g_list_model_get_n_items (am_document_get_relations (draft)));
}

static void
test_no_article (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"entities\": []}", 16);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmDocument) result = NULL;
  g_autoptr(GError) error = NULL;

  document = am_document_load_from_bytes (bytes, "empty.json", &error);
  g_assert_no_error (error);
  result = am_extract_suggest (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (result)), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(AmDocument) document = document_from_text (actors_article);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AmDocument) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = am_extract_suggest (document, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
}

static void
assert_same_items (AmDocument *a,
                   AmDocument *b)
{
  GListModel *lists_a[] = { am_document_get_entities (a), am_document_get_relations (a), am_document_get_statements (a) };
  GListModel *lists_b[] = { am_document_get_entities (b), am_document_get_relations (b), am_document_get_statements (b) };

  for (guint l = 0; l < G_N_ELEMENTS (lists_a); l++)
    {
      g_assert_cmpuint (g_list_model_get_n_items (lists_a[l]), ==, g_list_model_get_n_items (lists_b[l]));
      for (guint i = 0; i < g_list_model_get_n_items (lists_a[l]); i++)
        {
          g_autoptr(GObject) x = g_list_model_get_item (lists_a[l], i);
          g_autoptr(GObject) y = g_list_model_get_item (lists_b[l], i);
          g_autofree char *id_x = NULL;
          g_autofree char *id_y = NULL;

          g_object_get (x, "id", &id_x, NULL);
          g_object_get (y, "id", &id_y, NULL);
          g_assert_cmpstr (id_x, ==, id_y);
        }
    }
}

static gpointer
suggest_thread (gpointer data)
{
  AmDocument *document = data;

  return am_extract_suggest (document, NULL, NULL);
}

/* Several workers at once (the gazetteer loads once, nothing else is shared). */
static void
test_threads (void)
{
  g_autoptr(AmDocument) document = document_from_text (statements_article);
  g_autoptr(AmDocument) reference = am_extract_suggest (document, NULL, NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("suggest", suggest_thread, document);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(AmDocument) result = g_thread_join (threads[i]);

      g_assert_nonnull (result);
      assert_same_items (result, reference);
    }
}

/* Text made of the words the extractor reacts to, in random order: every draft builds (its
 * evidence is verbatim) and nothing crashes.  The seed is fixed, so a failure repeats. */
static void
test_garbage (void)
{
  static const char * const words[] = {
    "of", "for", "and", "the", "The", "Mr.", "Dr.", "Gen.", "J.", "U.S.", "U.S", "“", "”", "\"",
    "'s", "’s", "—", "-", ",", ".", ":", "(", ")", "said", "told", "warned", "to", "not", "our",
    "we", "he", "she", "it", "its", "Its", "Minister", "Foreign", "Chief", "Secretary", "State",
    "Inc.", "Group", "Union", "Commission", "al-Atta", "de", "van", "bin", "Ana", "Lima",
    "Chilean", "North", "Korean", "Washington", "Seoul", "Pentagon", "Reuters", "Jr.", "KC",
    "3F", "2019", "5.2", "which", "who", "according", "by", "that", "in", "at", "company",
    "newspaper", "analyst", "chief", "executive", "El", "País", "Ministry", "Egypt's",
    "supply", "ministry", "accused", "met", "Kim", "Jong", "Un", "A/S", "SQM", "IIT", "Jan",
    "Jul", "May", "Monday", "SANTIAGO", "LIMA", "House", "Speaker", "Congress", "—", "\u00a0",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(AmDocumentBuilder) builder = am_document_builder_new ();
      g_autoptr(AmDocument) document = NULL;
      g_autoptr(AmDocument) result = NULL;
      g_autoptr(GError) error = NULL;

      for (guint p = 0; p < 6; p++)
        {
          GString *text = g_string_new (NULL);
          guint n = g_rand_int_range (rand, 1, 60);

          for (guint w = 0; w < n; w++)
            {
              if (text->len > 0 && g_rand_int_range (rand, 0, 4) > 0)
                g_string_append_c (text, ' ');
              g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
            }
          g_strstrip (text->str);
          if (text->str[0] == '\0')
            g_string_assign (text, "x");
          g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
        }
      g_ptr_array_add (paragraphs, NULL);
      am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_TITLE, paragraphs->pdata[0]);
      am_document_builder_set_paragraphs (builder, (const char * const *) paragraphs->pdata);
      document = am_document_builder_build (builder, "garbage", &error);
      g_assert_no_error (error);
      result = am_extract_suggest (document, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Extract/sentences", test_sentences);
  g_test_add_func ("/Actormap/Extract/quotes", test_quotes);
  g_test_add_func ("/Actormap/Extract/actors", test_actors);
  g_test_add_func ("/Actormap/Extract/statements", test_statements);
  g_test_add_func ("/Actormap/Extract/wire-speakers", test_wire_speakers);
  g_test_add_func ("/Actormap/Extract/addressees", test_addressees);
  g_test_add_func ("/Actormap/Extract/relations", test_relations);
  g_test_add_func ("/Actormap/Extract/bundled-article", test_bundled_article);
  g_test_add_func ("/Actormap/Extract/all-suggested", test_all_suggested);
  g_test_add_func ("/Actormap/Extract/existing-items", test_existing_items);
  g_test_add_func ("/Actormap/Extract/no-article", test_no_article);
  g_test_add_func ("/Actormap/Extract/cancelled", test_cancelled);
  g_test_add_func ("/Actormap/Extract/threads", test_threads);
  g_test_add_func ("/Actormap/Extract/garbage", test_garbage);

  return g_test_run ();
}
