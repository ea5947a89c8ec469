/* am-extract-draft.c — actors, statements and relations read from an article's paragraphs
 *
 * The extractor reads news English with patterns, not a statistical model: capitalised
 * runs of words are split into a state (iso-codes names, demonyms, capitals), a title
 * ("Deputy Foreign Minister") and a name, which is a person's when it has the shape of
 * one and an organisation's when a keyword, an acronym or its context says so.  Later
 * single-word mentions (a surname, an acronym, a short form) become aliases of the actor
 * they name.  Quotations get their speaker from the same sentence ("X said", "said X",
 * "he said" → the nearest person before), reported speech becomes unquoted statements,
 * and titles, appositions, possessives and actor–verb–actor sentences become relations.
 * Every item carries the verbatim text it was read from.
 *
 * Everything here works on one AmDraft owned by one call, so calls on several threads
 * share nothing but the read-only gazetteer and word lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-extract-private.h"
#include "am-extract-words.h"

#define MAX_EVIDENCE_PER_ACTOR 8
#define MAX_LABEL_WORDS 6

typedef enum
{
  MENTION_NAME,        /* the actor's name or an alias, as written */
  MENTION_DEMONYM,     /* "Chilean" */
  MENTION_PRONOUN,     /* he / she / it / they */
  MENTION_DESCRIPTION, /* "the company" */
} MentionType;

typedef struct
{
  guint       paragraph;
  guint       first, last;   /* tokens, inclusive */
  int         actor;         /* -1 for a pronoun not resolved yet */
  MentionType type;
  gboolean    person_pronoun;
  gboolean    in_quote;
  gboolean    possessive;
} Mention;

/* A person's title and what it belongs to, read from one capitalised run. */
typedef struct
{
  guint paragraph;
  guint run_first, run_last;  /* the whole run, for evidence */
  guint title_first, title_last;
  int   person;
  int   affiliation;          /* state or organisation, -1 */
  int   affiliation_demonym;  /* TRUE when the affiliation was written as a demonym */
} Title;

/* A single capitalised word whose meaning is decided once all names are known. */
typedef struct
{
  guint paragraph;
  guint token;
} Pending;

typedef struct
{
  const char * const *paragraphs;
  guint               n_paragraphs;
  AmParagraphText   **texts;
  gboolean           *headline;
  gboolean           *dateline;     /* per paragraph: number of dateline tokens */
  guint              *dateline_end;
  AmDraft            *draft;
  GHashTable         *keys;         /* folded name or alias → actor + 1 */
  GHashTable         *weak_keys;    /* folded surname / short form → GArray of actor */
  GArray             *mentions;     /* of Mention; the first n_sorted in text order */
  guint               n_sorted;
  GArray             *titles;       /* of Title */
  GArray             *pending;      /* of Pending */
  GCancellable       *cancellable;
} Ctx;

static guint first_mention_of (Ctx *ctx, guint p);

/* ---- small helpers ------------------------------------------------------------------ */

char *
_am_extract_fold (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = out->len > 0;
          continue;
        }
      if (c == 0x2019)
        c = '\'';
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static AmToken *
tok (Ctx   *ctx,
     guint  paragraph,
     guint  index)
{
  return &g_array_index (ctx->texts[paragraph]->tokens, AmToken, index);
}

static guint
n_tokens (Ctx   *ctx,
          guint  paragraph)
{
  return ctx->texts[paragraph]->tokens->len;
}

/* The token at @index of @paragraph, or NULL past its last token. */
static AmToken *
tok_at (Ctx   *ctx,
        guint  paragraph,
        guint  index)
{
  return index < n_tokens (ctx, paragraph) ? tok (ctx, paragraph, index) : NULL;
}

static const char *
tok_text (Ctx     *ctx,
          guint    paragraph,
          AmToken *token)
{
  return ctx->paragraphs[paragraph] + token->start;
}

static gboolean
tok_in (Ctx                *ctx,
        guint               paragraph,
        guint               index,
        const char * const *list)
{
  AmToken *token = tok_at (ctx, paragraph, index);

  if (token == NULL || token->kind == AM_TOKEN_PUNCT)
    return FALSE;
  return am_words_contains (list, tok_text (ctx, paragraph, token), token->end - token->start);
}

/* Case-insensitive, and a plural "s" is dropped: "Analysts" is in a list with "analyst". */
static gboolean
tok_in_lower (Ctx                *ctx,
              guint               paragraph,
              guint               index,
              const char * const *list)
{
  AmToken *token = tok_at (ctx, paragraph, index);
  g_autofree char *lower = NULL;
  gsize length;

  if (token == NULL || token->kind != AM_TOKEN_WORD)
    return FALSE;
  lower = g_utf8_strdown (tok_text (ctx, paragraph, token), token->end - token->start);
  length = strlen (lower);
  if (am_words_contains (list, lower, length))
    return TRUE;
  return length > 3 && lower[length - 1] == 's' && am_words_contains (list, lower, length - 1);
}

static gboolean
tok_is_punct (Ctx      *ctx,
              guint     paragraph,
              guint     index,
              gunichar  c)
{
  AmToken *token = tok_at (ctx, paragraph, index);

  return token != NULL && token->kind == AM_TOKEN_PUNCT && token->punct == c;
}

static gboolean
tok_is_lower_word (Ctx   *ctx,
                   guint  paragraph,
                   guint  index)
{
  AmToken *token = tok_at (ctx, paragraph, index);

  return token != NULL && token->kind == AM_TOKEN_WORD && !token->cap;
}

static gboolean
is_dash (gunichar c)
{
  return c == 0x2014 || c == 0x2013 || c == '-';
}

static char *
range_text (Ctx   *ctx,
            guint  paragraph,
            guint  first,
            guint  last)
{
  AmToken *a = tok (ctx, paragraph, first);
  AmToken *b = tok (ctx, paragraph, last);

  g_assert (first <= last && last < n_tokens (ctx, paragraph));
  return g_strndup (ctx->paragraphs[paragraph] + a->start, b->end - a->start);
}

static gboolean
word_is_title_core (Ctx *ctx, guint p, guint i)
{
  return tok_in (ctx, p, i, am_words_title_core);
}

static gboolean
word_is_title (Ctx *ctx, guint p, guint i)
{
  return tok_in (ctx, p, i, am_words_title_core) || tok_in (ctx, p, i, am_words_title_modifiers);
}

/* ---- actors ------------------------------------------------------------------------- */

static void
evidence_clear (gpointer data)
{
  AmDraftEvidence *evidence = data;

  g_free (evidence->text);
}

static GArray *
evidence_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (AmDraftEvidence));

  g_array_set_clear_func (array, evidence_clear);
  return array;
}

static void
evidence_add (GArray     *array,
              guint       paragraph,
              const char *text,
              guint       max)
{
  AmDraftEvidence evidence;

  if (array->len >= max)
    return;
  for (guint i = 0; i < array->len; i++)
    {
      AmDraftEvidence *e = &g_array_index (array, AmDraftEvidence, i);

      if (e->paragraph == paragraph && strcmp (e->text, text) == 0)
        return;
    }
  evidence.paragraph = paragraph;
  evidence.text = g_strdup (text);
  g_array_append_val (array, evidence);
}

static AmDraftActor *
actor_at (Ctx *ctx, int actor)
{
  return g_ptr_array_index (ctx->draft->actors, actor);
}

static int
lookup_key (Ctx        *ctx,
            const char *text)
{
  g_autofree char *folded = _am_extract_fold (text);

  return GPOINTER_TO_INT (g_hash_table_lookup (ctx->keys, folded)) - 1;
}

static void
add_weak_key (Ctx        *ctx,
              const char *key,
              int         actor)
{
  g_autofree char *folded = _am_extract_fold (key);
  GArray *actors = g_hash_table_lookup (ctx->weak_keys, folded);

  if (actors == NULL)
    {
      actors = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (ctx->weak_keys, g_steal_pointer (&folded), actors);
    }
  for (guint i = 0; i < actors->len; i++)
    if (g_array_index (actors, int, i) == actor)
      return;
  g_array_append_val (actors, actor);
}

static void
register_key (Ctx        *ctx,
              const char *text,
              int         actor)
{
  char *folded = _am_extract_fold (text);

  if (g_hash_table_contains (ctx->keys, folded))
    {
      g_free (folded);
      return;
    }
  g_hash_table_insert (ctx->keys, folded, GINT_TO_POINTER (actor + 1));
}

static void
actor_add_alias (Ctx        *ctx,
                 int         actor,
                 const char *alias)
{
  AmDraftActor *a = actor_at (ctx, actor);
  g_autofree char *folded = _am_extract_fold (alias);
  g_autofree char *name = _am_extract_fold (a->name);

  if (strcmp (folded, name) == 0 || *folded == '\0')
    return;
  for (guint i = 0; i < a->aliases->len; i++)
    {
      g_autofree char *other = _am_extract_fold (g_ptr_array_index (a->aliases, i));

      if (strcmp (other, folded) == 0)
        return;
    }
  g_ptr_array_add (a->aliases, g_strdup (alias));
  register_key (ctx, alias, actor);
}

/* Short forms later mentions may use: a person's surname (any word of the name but
 * particles), an organisation's acronym and first word. */
static void
add_short_forms (Ctx *ctx,
                 int  actor)
{
  AmDraftActor *a = actor_at (ctx, actor);
  g_auto(GStrv) words = g_strsplit (a->name, " ", -1);
  guint n = g_strv_length (words);

  if (a->kind == AM_ENTITY_KIND_PERSON && n >= 2)
    {
      for (guint i = 0; i < n; i++)
        {
          if (am_words_contains (am_words_name_joiners, words[i], strlen (words[i])))
            {
              /* "van den Berg", "de la Vega": the surname with its particles. */
              g_autofree char *tail = g_strjoinv (" ", words + i);

              if (i > 0)
                add_weak_key (ctx, tail, actor);
              break;
            }
          if (g_utf8_strlen (words[i], -1) >= 2 && !g_str_has_suffix (words[i], "."))
            add_weak_key (ctx, words[i], actor);
        }
    }
  else if (a->kind == AM_ENTITY_KIND_ORGANIZATION || a->kind == AM_ENTITY_KIND_MEDIA)
    {
      GString *initials = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        if (g_unichar_isupper (g_utf8_get_char (words[i])))
          g_string_append_unichar (initials, g_utf8_get_char (words[i]));
      if (initials->len >= 2 && n >= 2)
        add_weak_key (ctx, initials->str, actor);
      g_string_free (initials, TRUE);
      if (n >= 2 && !am_words_contains (am_words_org_keywords, words[0], strlen (words[0]))
          && !am_words_contains (am_words_title_modifiers, words[0], strlen (words[0]))
          && !am_words_contains (am_words_function_caps, words[0], strlen (words[0]))
          && _am_gazetteer_lookup (words[0], NULL) == NULL)
        add_weak_key (ctx, words[0], actor);
      /* "Helios Offshore A/S" is also "Helios Offshore". */
      if (n >= 3 && am_words_contains (am_words_org_keywords, words[n - 1], strlen (words[n - 1])))
        {
          g_autofree char *head = NULL;
          char *last = words[n - 1];

          words[n - 1] = NULL;
          head = g_strjoinv (" ", words);
          words[n - 1] = last;
          if (!am_words_contains (am_words_org_keywords, words[n - 2], strlen (words[n - 2])))
            add_weak_key (ctx, head, actor);
        }
    }
}

static int
actor_get (Ctx          *ctx,
           const char   *name,
           AmEntityKind  kind)
{
  AmDraftActor *a;
  int actor = lookup_key (ctx, name);

  if (actor >= 0)
    return actor;

  a = g_new0 (AmDraftActor, 1);
  a->name = g_strdup (name);
  a->kind = kind;
  a->aliases = g_ptr_array_new_with_free_func (g_free);
  a->evidence = evidence_array_new ();
  g_ptr_array_add (ctx->draft->actors, a);
  actor = ctx->draft->actors->len - 1;
  register_key (ctx, name, actor);
  add_short_forms (ctx, actor);
  return actor;
}

static void
actor_add_evidence (Ctx   *ctx,
                    int    actor,
                    guint  paragraph,
                    guint  first,
                    guint  last)
{
  g_autofree char *text = range_text (ctx, paragraph, first, last);

  evidence_add (actor_at (ctx, actor)->evidence, paragraph, text, MAX_EVIDENCE_PER_ACTOR);
}

static void
add_mention (Ctx         *ctx,
             guint        paragraph,
             guint        first,
             guint        last,
             int          actor,
             MentionType  type)
{
  Mention mention = { 0 };

  mention.paragraph = paragraph;
  mention.first = first;
  mention.last = last;
  mention.actor = actor;
  mention.type = type;
  mention.in_quote = tok (ctx, paragraph, first)->in_quote;
  mention.possessive = tok (ctx, paragraph, last)->possessive;
  g_array_append_val (ctx->mentions, mention);
  if (actor >= 0 && type != MENTION_PRONOUN)
    actor_add_evidence (ctx, actor, paragraph, first, last);
}

/* A mention of @actor written as tokens [first, last]: an alias when it is not the name. */
static void
mention_actor (Ctx   *ctx,
               guint  paragraph,
               guint  first,
               guint  last,
               int    actor)
{
  g_autofree char *text = range_text (ctx, paragraph, first, last);

  if (actor_at (ctx, actor)->kind != AM_ENTITY_KIND_STATE
      || _am_gazetteer_lookup (text, NULL) != NULL)
    actor_add_alias (ctx, actor, text);
  add_mention (ctx, paragraph, first, last, actor, MENTION_NAME);
}

/* ---- reading capitalised runs ----------------------------------------------------------- */

static gboolean
is_name_word (Ctx   *ctx,
              guint  paragraph,
              guint  index)
{
  AmToken *token;

  if (index >= n_tokens (ctx, paragraph) || index < ctx->dateline_end[paragraph])
    return FALSE;
  token = tok (ctx, paragraph, index);
  if (token->kind == AM_TOKEN_NUMBER)
    {
      /* "3F", "G7": a number with capitals in it. */
      const char *text = tok_text (ctx, paragraph, token);

      for (guint i = 0; i < token->end - token->start; i++)
        if (g_ascii_isupper (text[i]))
          return TRUE;
      return FALSE;
    }
  if (tok_in (ctx, paragraph, index, am_words_month_abbreviations)
      && (tok_is_punct (ctx, paragraph, index + 1, '.')
          || (index + 1 < n_tokens (ctx, paragraph) && tok (ctx, paragraph, index + 1)->kind == AM_TOKEN_NUMBER)))
    return FALSE;
  return token->kind == AM_TOKEN_WORD && token->cap
         && !tok_in (ctx, paragraph, index, am_words_not_names);
}

static gboolean
is_honorific (Ctx *ctx, guint p, guint i)
{
  static const char * const honorifics[] = {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Capt", "Sgt", "Gov", "Sen", "Rep", "Prof",
    "Adm", "Maj", "Rev", "Hon", "Pres", NULL
  };

  return tok_in (ctx, p, i, honorifics);
}

static gboolean
range_has (Ctx                *ctx,
           guint               p,
           guint               first,
           guint               last,
           const char * const *list)
{
  for (guint i = first; i <= last; i++)
    if (tok_in (ctx, p, i, list))
      return TRUE;
  return FALSE;
}

static gboolean
range_is_org (Ctx   *ctx,
              guint  p,
              guint  first,
              guint  last)
{
  if (range_has (ctx, p, first, last, am_words_org_keywords) && last > first)
    return TRUE;
  return last > first && (tok_in (ctx, p, last, am_words_org_last)
                          || tok_in (ctx, p, last, am_words_media_keywords));
}

/* The token before @index, skipping "the"/"a" when @skip_determiner. */
static int
token_before (Ctx      *ctx,
              guint     p,
              guint     index,
              gboolean  skip_determiner)
{
  int i = (int) index - 1;

  if (skip_determiner && i >= 0 && tok_in_lower (ctx, p, i, am_words_determiners)
      && tok_is_lower_word (ctx, p, i))
    i--;
  return i;
}

static gboolean
after_place_preposition (Ctx   *ctx,
                         guint  p,
                         guint  first)
{
  int i = token_before (ctx, p, first, TRUE);

  return i >= 0 && tok_is_lower_word (ctx, p, i) && tok_in (ctx, p, i, am_words_place_prepositions);
}

/* An organisation noun before the run, maybe with adjectives and a demonym between:
 * "the Colombian broadcaster Caracol Televisión", "the Dutch company Sif Holding". */
static gboolean
after_org_noun (Ctx       *ctx,
                guint      p,
                guint      first,
                gboolean  *media)
{
  /* Nouns that may stand before a person too ("his partner, Pierre Jeanneret") only make
   * a single word an organisation ("its largest customer, Volkswagen"). */
  gboolean first_of_many_words = is_name_word (ctx, p, first + 1);
  int i = (int) first - 1;

  if (i >= 0 && tok_is_punct (ctx, p, i, ','))
    i--;
  if (i < 0 || !tok_is_lower_word (ctx, p, i))
    return FALSE;
  if (first_of_many_words && tok_in (ctx, p, i, (const char * const[]) {
        "partner", "rival", "customer", "owner", "buyer", "seller", "bidder", "side", "champions",
        "investor", "supplier", "founder", "body", NULL }))
    return FALSE;
  if (tok_in_lower (ctx, p, i, am_words_org_nouns) || tok_in_lower (ctx, p, i, am_words_media_nouns))
    {
      if (media != NULL)
        *media = tok_in_lower (ctx, p, i, am_words_media_nouns)
                 || (tok_in (ctx, p, i, (const char * const[]) { "agency", NULL })
                     && i > 0 && tok_in (ctx, p, i - 1, (const char * const[]) { "news", NULL }));
      return TRUE;
    }
  return FALSE;
}

static gboolean
looks_like_person (Ctx   *ctx,
                   guint  p,
                   guint  first,
                   guint  last)
{
  guint words = 0;

  if (last - first > 6)
    return FALSE;
  for (guint i = first; i <= last; i++)
    {
      AmToken *t = tok (ctx, p, i);

      if (t->kind == AM_TOKEN_PUNCT)
        {
          /* The stop of an initial: "William J. Hartley", "Claude Cummings Jr." */
          if (t->punct == '.' && i > first && (tok (ctx, p, i - 1)->end - tok (ctx, p, i - 1)->start == 1
                                               || tok_in (ctx, p, i - 1, (const char * const[]) { "Jr", "Sr", NULL })))
            continue;
          return FALSE;
        }
      if (!t->cap)
        {
          if (!tok_in (ctx, p, i, am_words_name_joiners))
            return FALSE;
          continue;
        }
      /* Post-nominals: "Rajiv Menon KC" */
      if (i == last && i > first + 1 && t->upper && t->end - t->start <= 3
          && tok_in (ctx, p, i, (const char * const[]) { "KC", "QC", "MP", "MEP", "OBE", "CBE", "MBE", NULL }))
        continue;
      if (t->kind == AM_TOKEN_NUMBER || (t->upper && t->end - t->start > 1)
          || tok_in (ctx, p, i, am_words_not_actor) || tok_in (ctx, p, i, am_words_function_caps)
          || tok_in (ctx, p, i, am_words_org_keywords))
        return FALSE;
      words++;
    }
  if (words < 2)
    return FALSE;
  /* "the Vindfeld North project": a thing named. */
  if (tok_is_lower_word (ctx, p, last + 1)
      && tok_in (ctx, p, last + 1, (const char * const[]) {
                   "project", "palace", "plateau", "region", "province", "river", "valley",
                   "field", "fields", "district", "airport", "stadium", "square", "building",
                   "plant", "mine", "basin", "glacier", "summit", "deal", "programme",
                   "plan", "island", "islands", "mountains", "street", "area", "site",
                   "border", "peninsula", "coast", "state", "states", NULL }))
    return FALSE;
  return TRUE;
}

static void add_pending (Ctx *ctx, guint p, guint i);

/* A capitalised name without title: person, organisation, media, or nothing. */
static int
classify_name (Ctx   *ctx,
               guint  p,
               guint  first,
               guint  last,
               int    hint_kind)
{
  g_autofree char *text = NULL;
  gboolean media = FALSE;
  int actor;

  if (first > last || last >= n_tokens (ctx, p))
    return -1;
  text = range_text (ctx, p, first, last);
  actor = lookup_key (ctx, text);
  if (actor >= 0)
    {
      mention_actor (ctx, p, first, last, actor);
      return actor;
    }
  if (first == last)
    {
      /* "Jamaica-based": the state is named, the word is no actor. */
      const char *dash = strrchr (text, '-');

      if (dash != NULL && dash != text
          && am_words_contains ((const char * const[]) { "-based", "-owned", "-led", "-backed", "-run", "-controlled", NULL },
                                dash, strlen (dash)))
        {
          g_autofree char *head = g_strndup (text, dash - text);
          const char *state = _am_gazetteer_lookup (head, NULL);

          if (state != NULL)
            {
              actor = actor_get (ctx, state, AM_ENTITY_KIND_STATE);
              evidence_add (actor_at (ctx, actor)->evidence, p, head, MAX_EVIDENCE_PER_ACTOR);
              add_mention (ctx, p, first, last, actor, MENTION_DEMONYM);
            }
          return actor;
        }
      add_pending (ctx, p, first);
      return -1;
    }
  if (am_words_contains (am_words_known_media, text, strlen (text)))
    actor = actor_get (ctx, text, AM_ENTITY_KIND_MEDIA);
  else if (am_words_contains (am_words_known_orgs, text, strlen (text)))
    actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
  else if (range_is_org (ctx, p, first, last))
    {
      gboolean is_media = (tok_in (ctx, p, last, am_words_media_keywords)
                           && !range_has (ctx, p, first, last, am_words_org_keywords))
                          || (after_org_noun (ctx, p, first, &media) && media);

      actor = actor_get (ctx, text, is_media ? AM_ENTITY_KIND_MEDIA : AM_ENTITY_KIND_ORGANIZATION);
    }
  else if (tok (ctx, p, first)->upper && tok (ctx, p, first)->end - tok (ctx, p, first)->start <= 6
           && !tok_in (ctx, p, first, am_words_not_names))
    /* "IIT Bombay", "UN Ocean Conference" */
    actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
  else if (after_org_noun (ctx, p, first, &media) || hint_kind == AM_ENTITY_KIND_MEDIA)
    actor = actor_get (ctx, text, media || hint_kind == AM_ENTITY_KIND_MEDIA
                                  ? AM_ENTITY_KIND_MEDIA : AM_ENTITY_KIND_ORGANIZATION);
  else if (range_has (ctx, p, first, last, am_words_not_actor))
    return -1;
  else if (after_place_preposition (ctx, p, first) && !tok (ctx, p, first)->in_quote
           && !tok_in (ctx, p, token_before (ctx, p, first, TRUE), (const char * const[]) { "to", NULL }))
    return -1;
  else if (tok_in (ctx, p, first, (const char * const[]) { "El", "La", "Los", "Las", "Die", "Der", "Das", "Il", "Het", NULL })
           && !tok (ctx, p, first)->sent_start && !tok (ctx, p, first)->in_quote && last == first + 1)
    /* "El País", "Die Zeit": a title, not a person */
    actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
  else if (looks_like_person (ctx, p, first, last) && !tok (ctx, p, first)->in_quote)
    actor = actor_get (ctx, text, AM_ENTITY_KIND_PERSON);
  else
    return -1;

  add_mention (ctx, p, first, last, actor, MENTION_NAME);
  return actor;
}

/* The longest state name, demonym or capital at @i (within @last): number of tokens. */
static guint
match_state (Ctx            *ctx,
             guint           p,
             guint           i,
             guint           last,
             const char    **state,
             AmGazetteerHit *hit)
{
  guint max = MIN (_am_gazetteer_max_words (), last - i + 1);

  for (guint n = max; n >= 1; n--)
    {
      g_autofree char *text = range_text (ctx, p, i, i + n - 1);

      *state = _am_gazetteer_lookup (text, hit);
      if (*state != NULL)
        return n;
    }
  return 0;
}

/* A title block starting at @i: its last token, or -1.  "Deputy Foreign Minister",
 * "Secretary of State", "Chief Executive Officer", "Gen." */
static int
match_title (Ctx   *ctx,
             guint  p,
             guint  i,
             guint  last)
{
  int end = -1;
  guint k = i;

  while (k <= last)
    {
      if (word_is_title (ctx, p, k))
        {
          if (word_is_title_core (ctx, p, k))
            end = k;
          k++;
          continue;
        }
      if (tok_is_punct (ctx, p, k, '.') && k > i && is_honorific (ctx, p, k - 1))
        {
          end = k;
          k++;
          continue;
        }
      /* "Secretary of State", "Minister for Climate" */
      if (end >= 0 && tok_in (ctx, p, k, (const char * const[]) { "of", "for", NULL })
          && k + 1 <= last && tok_in (ctx, p, k + 1, am_words_title_modifiers)
          && (k + 2 > last || !is_name_word (ctx, p, k + 2) || word_is_title (ctx, p, k + 2)
              || k + 2 <= last))
        {
          guint j = k + 1;

          while (j <= last && (tok_in (ctx, p, j, am_words_title_modifiers)
                               || (tok_in (ctx, p, j, (const char * const[]) { "and", NULL })
                                   && tok_in (ctx, p, j + 1, am_words_title_modifiers))))
            j++;
          /* "Minister of State Affairs Ana Silva" keeps "Ana Silva" as the name. */
          end = j - 1;
          k = j;
          continue;
        }
      break;
    }
  return end;
}

static void
add_title (Ctx   *ctx,
           guint  p,
           guint  run_first,
           guint  run_last,
           guint  title_first,
           guint  title_last,
           int    person,
           int    affiliation,
           gboolean demonym)
{
  Title title = { p, run_first, run_last, title_first, title_last, person, affiliation, demonym };

  g_array_append_val (ctx->titles, title);
  if (person >= 0 && actor_at (ctx, person)->role == NULL)
    {
      g_autofree char *text = range_text (ctx, p, title_first, title_last);
      GString *role = g_string_new (NULL);

      /* "Gen." → "Gen." is fine; "Mr." is not a role. */
      if (!is_honorific (ctx, p, title_first) || title_last > title_first + 1)
        g_string_append (role, text);
      actor_at (ctx, person)->role = role->len > 0 ? g_string_free (role, FALSE)
                                                   : (g_string_free (role, TRUE), NULL);
    }
}

static void
process_run (Ctx   *ctx,
             guint  p,
             guint  first,
             guint  last)
{
  guint pos = first;
  int affiliation = -1;
  gboolean affiliation_demonym = FALSE;
  int prefix_org_first = -1;

  /* "The Hague" is a name; "The International Energy Agency" is not "The …". */
  while (pos <= last && tok_in (ctx, p, pos, am_words_function_caps))
    {
      const char *state;
      AmGazetteerHit hit;

      if (match_state (ctx, p, pos, last, &state, &hit) > 0)
        break;
      /* "the Canadian company The Metals Company" */
      if (pos == first && !tok (ctx, p, pos)->sent_start && pos < last
          && tok_in (ctx, p, pos, (const char * const[]) { "The", NULL })
          && range_is_org (ctx, p, pos + 1, last) && after_org_noun (ctx, p, pos, NULL))
        break;
      pos++;
    }

  /* A name already known wins over the gazetteer: "Ana Lima" is later "Lima". */
  if (pos <= last)
    {
      g_autofree char *text = range_text (ctx, p, pos, last);
      g_autofree char *folded = _am_extract_fold (text);
      GArray *weak = g_hash_table_lookup (ctx->weak_keys, folded);
      int known = lookup_key (ctx, text);

      if (known < 0 && weak != NULL && weak->len > 0
          && actor_at (ctx, g_array_index (weak, int, weak->len - 1))->kind == AM_ENTITY_KIND_PERSON)
        known = g_array_index (weak, int, weak->len - 1);
      if (known >= 0 && actor_at (ctx, known)->kind != AM_ENTITY_KIND_STATE)
        {
          mention_actor (ctx, p, pos, last, known);
          return;
        }
    }

  /* "Prime Minister's Office": an organisation named after a title. */
  for (guint k = pos; k < last; k++)
    if (tok (ctx, p, k)->possessive && tok_in (ctx, p, last, am_words_org_keywords))
      {
        g_autofree char *text = range_text (ctx, p, pos, last);
        int org = lookup_key (ctx, text);

        if (org < 0)
          org = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
        add_mention (ctx, p, pos, last, org, MENTION_NAME);
        return;
      }

  /* "Neighbouring Bangladesh": a capitalised first word before a state is not a name. */
  if (pos == first && pos < last && tok (ctx, p, pos)->sent_start && !word_is_title (ctx, p, pos))
    {
      const char *state;
      AmGazetteerHit hit;

      if (match_state (ctx, p, pos, pos, &state, &hit) == 0
          && match_state (ctx, p, pos + 1, last, &state, &hit) > 0)
        pos++;
    }

  while (pos <= last)
    {
      const char *state = NULL;
      AmGazetteerHit hit = AM_GAZETTEER_NAME;
      guint n = match_state (ctx, p, pos, last, &state, &hit);
      int title_end;

      if (n > 0 && !(pos + n <= last && range_is_org (ctx, p, pos + n, last) && hit == AM_GAZETTEER_CAPITAL))
        {
          int actor;

          if (hit == AM_GAZETTEER_CAPITAL && pos == first && after_place_preposition (ctx, p, first))
            {
              pos += n;
              continue;
            }
          actor = actor_get (ctx, state, AM_ENTITY_KIND_STATE);
          if (hit == AM_GAZETTEER_DEMONYM)
            add_mention (ctx, p, pos, pos + n - 1, actor, MENTION_DEMONYM);
          else
            mention_actor (ctx, p, pos, pos + n - 1, actor);
          /* "Dutch Public Prosecution Service": the state and an organisation. */
          if (pos + n <= last && range_is_org (ctx, p, pos + n, last) && match_title (ctx, p, pos + n, last) < 0)
            {
              g_autofree char *full = range_text (ctx, p, pos, last);
              g_autofree char *bare = range_text (ctx, p, pos + n, last);
              int org = lookup_key (ctx, bare);

              if (org < 0)
                org = lookup_key (ctx, full);
              if (org < 0)
                org = actor_get (ctx, full, AM_ENTITY_KIND_ORGANIZATION);
              actor_add_alias (ctx, org, full);
              actor_add_alias (ctx, org, bare);
              add_mention (ctx, p, pos, last, org, MENTION_NAME);
              return;
            }
          affiliation = actor;
          affiliation_demonym = hit == AM_GAZETTEER_DEMONYM;
          /* "US administration" is an actor of its own in news English. */
          if (pos + n - 1 == last && tok_is_lower_word (ctx, p, last + 1)
              && tok_in (ctx, p, last + 1, (const char * const[]) { "administration", NULL }))
            {
              g_autofree char *text = range_text (ctx, p, pos, last + 1);
              int org = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);

              add_mention (ctx, p, pos, last + 1, org, MENTION_NAME);
            }
          pos += n;
          continue;
        }

      title_end = match_title (ctx, p, pos, last);
      if (title_end < 0)
        {
          /* A title further on: what comes before it is what the title belongs to
           * ("Pentagon Chief Lloyd Austin", "Port of Esbjerg CEO Dennis Jul Pedersen"). */
          for (guint k = pos + 1; k <= last; k++)
            if (word_is_title_core (ctx, p, k) && match_title (ctx, p, k, last) >= 0
                && !range_is_org (ctx, p, k, last))
              {
                int org;

                org = classify_name (ctx, p, pos, k - 1, AM_ENTITY_KIND_ORGANIZATION);
                if (org < 0 && k - 1 == pos && !tok_in (ctx, p, pos, am_words_function_caps)
                    && !tok_in (ctx, p, pos, am_words_not_actor)
                    && !tok_in (ctx, p, pos, am_words_org_keywords))
                  {
                    /* A single word before a title names a body: "Pentagon Chief". */
                    g_autofree char *text = range_text (ctx, p, pos, k - 1);

                    org = lookup_key (ctx, text);
                    if (org < 0)
                      org = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
                    add_mention (ctx, p, pos, k - 1, org, MENTION_NAME);
                    /* classify_name left it for later: it is decided now. */
                    g_array_set_size (ctx->pending, ctx->pending->len - 1);
                  }
                if (org >= 0)
                  affiliation = org;
                prefix_org_first = pos;
                pos = k;
                break;
              }
          title_end = match_title (ctx, p, pos, last);
        }

      if (title_end >= 0)
        {
          guint name_first = title_end + 1;
          int person = -1;

          if (name_first <= last && tok_in (ctx, p, name_first, (const char * const[]) { "of", "for", "at", NULL }))
            {
              /* "Chief Executive Officer of Helios Offshore" */
              int org = classify_name (ctx, p, name_first + 1, last, AM_ENTITY_KIND_ORGANIZATION);

              if (org >= 0 && affiliation < 0)
                affiliation = org;
              add_title (ctx, p, first, last, pos, title_end, -1, affiliation, affiliation_demonym);
              return;
            }
          if (name_first > last)
            {
              add_title (ctx, p, first, last, pos, title_end, -1, affiliation, affiliation_demonym);
              return;
            }
          if (name_first == last)
            {
              /* "Mr. al-Atta", "President Biden": a known person or a new one. */
              g_autofree char *text = range_text (ctx, p, name_first, last);

              person = lookup_key (ctx, text);
              if (person < 0)
                {
                  GArray *weak = NULL;
                  g_autofree char *folded = _am_extract_fold (text);

                  weak = g_hash_table_lookup (ctx->weak_keys, folded);
                  if (weak != NULL && weak->len > 0)
                    person = g_array_index (weak, int, weak->len - 1);
                }
              if (person >= 0)
                mention_actor (ctx, p, name_first, last, person);
              else if (!tok (ctx, p, last)->upper && !tok_in (ctx, p, last, am_words_not_actor))
                {
                  person = actor_get (ctx, text, AM_ENTITY_KIND_PERSON);
                  add_mention (ctx, p, name_first, last, person, MENTION_NAME);
                }
            }
          else if (looks_like_person (ctx, p, name_first, last))
            {
              g_autofree char *text = range_text (ctx, p, name_first, last);

              person = lookup_key (ctx, text);
              if (person < 0)
                person = actor_get (ctx, text, AM_ENTITY_KIND_PERSON);
              add_mention (ctx, p, name_first, last, person, MENTION_NAME);
            }
          else
            {
              classify_name (ctx, p, name_first, last, -1);
              add_title (ctx, p, first, last, pos, title_end, -1, affiliation, affiliation_demonym);
              return;
            }
          add_title (ctx, p, prefix_org_first >= 0 ? (guint) prefix_org_first : first, last,
                     pos, title_end, person, affiliation, affiliation_demonym);
          return;
        }

      classify_name (ctx, p, pos, last, -1);
      return;
    }
}

/* Datelines ("SANTIAGO, March 4 (Andes Wire) —") name no actor but the wire. */
static void
find_dateline (Ctx   *ctx,
               guint  p)
{
  guint n = n_tokens (ctx, p);
  guint i = 0;

  ctx->dateline_end[p] = 0;
  while (i < n && tok (ctx, p, i)->kind == AM_TOKEN_WORD && tok (ctx, p, i)->upper)
    i++;
  if (i == 0 || i >= n)
    return;
  if (!tok_is_punct (ctx, p, i, ',') && !tok_is_punct (ctx, p, i, '(')
      && !(tok (ctx, p, i)->kind == AM_TOKEN_PUNCT && is_dash (tok (ctx, p, i)->punct)))
    return;
  /* Up to the dash that ends the dateline, if there is one close by. */
  for (guint k = i; k < MIN (n, i + 14); k++)
    {
      AmToken *t = tok (ctx, p, k);

      if (t->kind == AM_TOKEN_PUNCT && (t->punct == 0x2014 || t->punct == 0x2013))
        {
          ctx->dateline_end[p] = i;
          ctx->dateline[p] = TRUE;
          /* "(Reuters)" inside the dateline */
          for (guint j = i; j < k; j++)
            if (tok_is_punct (ctx, p, j, '(') && tok (ctx, p, j + 1)->cap)
              {
                guint e = j + 1;

                while (e + 1 < k && (tok (ctx, p, e + 1)->cap))
                  e++;
                if (tok_is_punct (ctx, p, e + 1, ')'))
                  {
                    g_autofree char *text = range_text (ctx, p, j + 1, e);
                    int actor = lookup_key (ctx, text);

                    if (actor < 0)
                      actor = actor_get (ctx, text, AM_ENTITY_KIND_MEDIA);
                    add_mention (ctx, p, j + 1, e, actor, MENTION_NAME);
                  }
              }
          return;
        }
    }
  ctx->dateline_end[p] = i;
  ctx->dateline[p] = TRUE;
}

/* The first word after the dateline starts the story's first sentence. */
static void
mark_after_dateline (Ctx   *ctx,
                     guint  p)
{
  guint i = ctx->dateline_end[p];
  gboolean dash = FALSE;

  if (i == 0)
    return;
  for (; i < n_tokens (ctx, p); i++)
    {
      AmToken *t = tok (ctx, p, i);

      if (t->kind == AM_TOKEN_PUNCT && (t->punct == 0x2014 || t->punct == 0x2013))
        dash = TRUE;
      else if (dash && t->kind != AM_TOKEN_PUNCT)
        {
          t->sent_start = TRUE;
          return;
        }
    }
}

static gboolean
run_may_join (Ctx   *ctx,
              guint  p,
              guint  first,
              guint  last,
              guint  joiner)
{
  /* "Ministry of Infrastructure", "Port of Esbjerg", "Secretary of State",
   * "Institute for Research on Glaciers and Mountain Ecosystems". */
  if (tok_in (ctx, p, joiner, (const char * const[]) { "of", "for", "on", "and", "&", NULL }))
    {
      gboolean has_of = FALSE;

      for (guint i = first; i <= last; i++)
        if (tok_in (ctx, p, i, (const char * const[]) { "of", "for", NULL }))
          has_of = TRUE;
      if (tok_in (ctx, p, joiner, (const char * const[]) { "and", "&", NULL })
          && !range_has (ctx, p, first, last, am_words_org_keywords))
        {
          /* "Independent Electoral and Boundaries Commission" */
          guint k = joiner + 1;

          const char *state;
          AmGazetteerHit hit;

          while (k + 1 < n_tokens (ctx, p) && is_name_word (ctx, p, k + 1))
            k++;
          /* Not "the Hanoi and United Nations": a place and a body. */
          if (match_state (ctx, p, first, last, &state, &hit) == last - first + 1)
            return FALSE;
          if (tok_in (ctx, p, k, am_words_org_keywords) && k > joiner + 1)
            return TRUE;
        }
      if (tok_in (ctx, p, joiner, (const char * const[]) { "and", "on", NULL }))
        return has_of && (range_has (ctx, p, first, last, am_words_org_keywords)
                          || (range_has (ctx, p, first, last, am_words_title_core)
                              && tok_in (ctx, p, last, am_words_title_modifiers)
                              && tok_in (ctx, p, joiner + 1, am_words_title_modifiers)));
      if (tok_in (ctx, p, joiner, (const char * const[]) { "&", NULL }))
        return TRUE;
      if (range_has (ctx, p, first, last, am_words_org_keywords))
        return TRUE;
      if (word_is_title_core (ctx, p, last))
        return TRUE;
      /* "Alternative for Germany" */
      {
        const char *state;
        AmGazetteerHit hit;

        return match_state (ctx, p, joiner + 1, joiner + 1, &state, &hit) > 0
               && hit == AM_GAZETTEER_NAME && !tok (ctx, p, first)->sent_start;
      }
    }
  return FALSE;
}

static void
read_runs (Ctx   *ctx,
           guint  p)
{
  guint n = n_tokens (ctx, p);

  for (guint i = 0; i < n; i++)
    {
      guint j;

      if (!is_name_word (ctx, p, i))
        continue;
      j = i;
      while (j + 1 < n && (!tok (ctx, p, j)->possessive
                           /* "Prime Minister's Office", "People's Party" */
                           || (tok_in (ctx, p, j + 1, am_words_org_keywords) && is_name_word (ctx, p, j + 1))))
        {
          guint k = j + 1;

          if (is_name_word (ctx, p, k))
            {
              j = k;
              continue;
            }
          /* "Claude Cummings Jr." */
          if (tok_is_punct (ctx, p, k, '.') && j > i
              && tok_in (ctx, p, j, (const char * const[]) { "Jr", "Sr", NULL }))
            {
              j = k;
              break;
            }
          if (tok_is_punct (ctx, p, k, '.') && is_name_word (ctx, p, k + 1)
              && tok (ctx, p, k)->start == tok (ctx, p, j)->end
              && (is_honorific (ctx, p, j)
                  || (tok (ctx, p, j)->end - tok (ctx, p, j)->start == 1 && j > i)))
            {
              j = k + 1;
              continue;
            }
          /* Name particles: "Fernández de la Vega", "Yusuf bin Rahman". */
          if (tok_in (ctx, p, k, am_words_name_joiners) && !tok (ctx, p, k)->cap)
            {
              guint m = k;

              while (m < n && tok_in (ctx, p, m, am_words_name_joiners) && !tok (ctx, p, m)->cap)
                m++;
              if (m < n && is_name_word (ctx, p, m) && m - k <= 3)
                {
                  j = m;
                  continue;
                }
            }
          if (tok_is_lower_word (ctx, p, k) || tok_is_punct (ctx, p, k, '&'))
            {
              if (is_name_word (ctx, p, k + 1) && run_may_join (ctx, p, i, j, k))
                {
                  j = k + 1;
                  continue;
                }
            }
          break;
        }
      process_run (ctx, p, i, j);
      i = j;
    }
}

static void
add_pending (Ctx   *ctx,
             guint  p,
             guint  i)
{
  Pending pending = { p, i };

  g_array_append_val (ctx->pending, pending);
}

/* ---- single words -------------------------------------------------------------------- */

static int
mention_at (Ctx   *ctx,
            guint  p,
            guint  i)
{
  for (guint m = first_mention_of (ctx, p); m < ctx->mentions->len; m++)
    {
      Mention *mention = &g_array_index (ctx->mentions, Mention, m);

      /* Past the paragraph in the sorted part: on to the unsorted tail. */
      if (m < ctx->n_sorted && mention->paragraph > p)
        {
          m = ctx->n_sorted - 1;
          continue;
        }
      if (mention->paragraph == p && mention->first <= i && i <= mention->last)
        return m;
    }
  return -1;
}

static gboolean
next_is_person_run (Ctx   *ctx,
                    guint  p,
                    guint  i)
{
  guint j = i;

  while (j < n_tokens (ctx, p) && is_name_word (ctx, p, j))
    j++;
  return j > i + 1 && looks_like_person (ctx, p, i, j - 1);
}

static gboolean
is_coordinated_with_org (Ctx   *ctx,
                         guint  p,
                         guint  i)
{
  int before = token_before (ctx, p, i, TRUE);
  guint after = i + 1;

  if (before >= 0 && (tok_is_punct (ctx, p, before, ',') || tok_in (ctx, p, before, (const char * const[]) { "and", "or", NULL })))
    {
      int m = mention_at (ctx, p, token_before (ctx, p, before, FALSE));

      if (m >= 0)
        {
          Mention *mention = &g_array_index (ctx->mentions, Mention, m);

          if (mention->actor >= 0 && actor_at (ctx, mention->actor)->kind == AM_ENTITY_KIND_ORGANIZATION)
            return TRUE;
        }
    }
  if (tok_in (ctx, p, after, (const char * const[]) { "and", "or", NULL }))
    {
      guint k = after + 1;
      int m;

      if (tok_in_lower (ctx, p, k, am_words_determiners))
        k++;
      m = mention_at (ctx, p, k);
      if (m >= 0)
        {
          Mention *mention = &g_array_index (ctx->mentions, Mention, m);

          if (mention->actor >= 0 && actor_at (ctx, mention->actor)->kind == AM_ENTITY_KIND_ORGANIZATION)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_apposition_with_org_noun (Ctx   *ctx,
                             guint  p,
                             guint  i)
{
  if (!tok_is_punct (ctx, p, i + 1, ',') || !tok_in_lower (ctx, p, i + 2, am_words_determiners))
    return FALSE;
  for (guint j = i + 3; j < MIN (n_tokens (ctx, p), i + 9); j++)
    {
      if (tok (ctx, p, j)->kind == AM_TOKEN_PUNCT)
        return FALSE;
      if (tok_is_lower_word (ctx, p, j) && tok_in_lower (ctx, p, j, am_words_org_nouns)
          && !tok_in (ctx, p, j, (const char * const[]) { "rival", "partner", "customer", "owner", "side", NULL }))
        return TRUE;
    }
  return FALSE;
}

static gboolean
followed_by_org_noun (Ctx   *ctx,
                      guint  p,
                      guint  i)
{
  static const char * const nouns[] = {
    "union", "party", "group", "company", "firm", "agency", "bank", "airline", "carrier",
    "broadcaster", "newspaper", "movement", "militia", "conglomerate", "chipmaker", "news",
    "daily", "magazine", "channel", NULL
  };

  for (guint j = i + 1; j <= i + 2; j++)
    {
      if (!tok_is_lower_word (ctx, p, j))
        return FALSE;
      if (tok_in (ctx, p, j, nouns))
        return !tok_in (ctx, p, j + 1, (const char * const[]) { "of", NULL });
    }
  return FALSE;
}

static gboolean
is_listed_before_which (Ctx   *ctx,
                        guint  p,
                        guint  i)
{
  guint k = i;

  /* To the end of a list of single capitalised words: "X, Y and Z". */
  while ((tok_is_punct (ctx, p, k + 1, ',') || tok_in (ctx, p, k + 1, (const char * const[]) { "and", "or", NULL }))
         && is_name_word (ctx, p, k + 2) && !is_name_word (ctx, p, k + 3))
    k += 2;
  if (tok_is_punct (ctx, p, k + 1, ',') && tok_in (ctx, p, k + 2, (const char * const[]) { "and", NULL }))
    k++;
  return tok_is_punct (ctx, p, k + 1, ',') && tok_in (ctx, p, k + 2, (const char * const[]) { "which", NULL });
}

static gboolean
followed_by_media_noun (Ctx   *ctx,
                        guint  p,
                        guint  i)
{
  return tok_in (ctx, p, i + 1, (const char * const[]) { "newspaper", "broadcaster", "daily", "magazine", "channel", NULL })
         || (tok_in (ctx, p, i + 1, (const char * const[]) { "news", NULL })
             && tok_in (ctx, p, i + 2, (const char * const[]) { "agency", "channel", "service", NULL }));
}

static void
resolve_pending (Ctx *ctx)
{
  for (guint k = 0; k < ctx->pending->len; k++)
    {
      Pending *pending = &g_array_index (ctx->pending, Pending, k);
      guint p = pending->paragraph;
      guint i = pending->token;
      AmToken *t = tok (ctx, p, i);
      g_autofree char *text = range_text (ctx, p, i, i);
      g_autofree char *folded = _am_extract_fold (text);
      GArray *weak;
      gboolean media = FALSE;
      int actor = lookup_key (ctx, text);
      int before;

      if (actor >= 0)
        {
          mention_actor (ctx, p, i, i, actor);
          continue;
        }
      /* "van der Linden": the particles before a surname belong to it. */
      {
        guint j = i;

        while (j > 0 && tok_in (ctx, p, j - 1, am_words_name_joiners) && tok_is_lower_word (ctx, p, j - 1))
          j--;
        if (j < i)
          {
            g_autofree char *longer = range_text (ctx, p, j, i);
            g_autofree char *longer_folded = _am_extract_fold (longer);

            weak = g_hash_table_lookup (ctx->weak_keys, longer_folded);
            if (weak != NULL && weak->len > 0)
              {
                mention_actor (ctx, p, j, i, g_array_index (weak, int, weak->len - 1));
                continue;
              }
          }
      }
      weak = g_hash_table_lookup (ctx->weak_keys, folded);
      if (weak != NULL && weak->len > 0)
        {
          /* The most recently named of the actors it could be. */
          int best = g_array_index (weak, int, 0);
          int best_seen = -1;

          for (guint w = 0; w < weak->len; w++)
            {
              int candidate = g_array_index (weak, int, w);

              for (guint m = 0; m < ctx->mentions->len; m++)
                {
                  Mention *mention = &g_array_index (ctx->mentions, Mention, m);

                  if (mention->actor == candidate
                      && (mention->paragraph < p || (mention->paragraph == p && mention->first < i))
                      && (int) m > best_seen)
                    {
                      best_seen = m;
                      best = candidate;
                    }
                }
            }
          mention_actor (ctx, p, i, i, best);
          continue;
        }
      /* "the Senate", "the Commission": an institution named by its keyword alone is the
       * one named before with that word, or one of its own. */
      if (tok_in (ctx, p, i, am_words_org_keywords) && !t->in_quote
          && ((!t->sent_start && i > 0 && tok_in (ctx, p, i - 1, (const char * const[]) { "the", NULL }))
              /* Bodies that go without an article: "as Congress debates" */
              || tok_in (ctx, p, i, (const char * const[]) { "Congress", "Parliament", NULL })))
        {
          for (int m = ctx->mentions->len - 1; m >= 0 && actor < 0; m--)
            {
              Mention *mention = &g_array_index (ctx->mentions, Mention, m);
              g_auto(GStrv) words = NULL;

              if (mention->actor < 0 || (mention->paragraph > p || (mention->paragraph == p && mention->first > i)))
                continue;
              if (actor_at (ctx, mention->actor)->kind != AM_ENTITY_KIND_ORGANIZATION)
                continue;
              words = g_strsplit (actor_at (ctx, mention->actor)->name, " ", -1);
              if (g_strv_contains ((const char * const *) words, text))
                actor = mention->actor;
            }
          if (actor < 0)
            actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
          add_mention (ctx, p, i, i, actor, MENTION_NAME);
          continue;
        }
      if (tok_in (ctx, p, i, am_words_title_core) || tok_in (ctx, p, i, am_words_org_keywords)
          || tok_in (ctx, p, i, am_words_not_actor) || tok_in (ctx, p, i, am_words_function_caps))
        continue;

      if (am_words_contains (am_words_known_media, text, strlen (text)))
        actor = actor_get (ctx, text, AM_ENTITY_KIND_MEDIA);
      else if (am_words_contains (am_words_known_orgs, text, strlen (text)))
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if (t->in_quote)
        continue;
      else if (after_org_noun (ctx, p, i, &media))
        actor = actor_get (ctx, text, media ? AM_ENTITY_KIND_MEDIA : AM_ENTITY_KIND_ORGANIZATION);
      else if (t->upper && t->end - t->start <= 8)
        actor = actor_get (ctx, text, followed_by_media_noun (ctx, p, i) ? AM_ENTITY_KIND_MEDIA
                                                                         : AM_ENTITY_KIND_ORGANIZATION);
      else if ((!t->sent_start || t->upper) && tok_is_lower_word (ctx, p, i + 1)
               && tok_in_lower (ctx, p, i + 1, am_words_role_nouns)
               && (next_is_person_run (ctx, p, i + 2)
                   || (tok_is_lower_word (ctx, p, i + 2) && next_is_person_run (ctx, p, i + 3))))
        /* "Greenpeace campaigner Louisa Casson" */
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if ((before = token_before (ctx, p, i, TRUE)) > 0
               && tok_in (ctx, p, before, (const char * const[]) { "at", "for", "with", NULL })
               && tok_in_lower (ctx, p, before - 1, am_words_role_nouns))
        /* "an analyst at Barclays", "Analysts at Citigroup" */
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if (is_apposition_with_org_noun (ctx, p, i))
        /* "Sedapal, the capital's water company," */
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if (followed_by_org_noun (ctx, p, i) && (!t->sent_start || t->upper || t->kind == AM_TOKEN_NUMBER))
        /* "The 3F trade union", "the Lusa news agency" */
        actor = actor_get (ctx, text, followed_by_media_noun (ctx, p, i) ? AM_ENTITY_KIND_MEDIA
                                                                         : AM_ENTITY_KIND_ORGANIZATION);
      else if (t->sent_start)
        continue;
      else if (after_place_preposition (ctx, p, i))
        continue;
      else if (t->possessive && tok_is_lower_word (ctx, p, i + 1)
               && (tok_in_lower (ctx, p, i + 1, am_words_org_nouns)
                   || tok_in_lower (ctx, p, i + 2, am_words_org_nouns)
                   || tok_in_lower (ctx, p, i + 1, am_words_role_nouns)
                   || tok_in_lower (ctx, p, i + 2, am_words_role_nouns)))
        /* "Nordlicht's largest customer" */
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if (is_listed_before_which (ctx, p, i))
        /* "Salesforce, Microsoft and Alphabet, which have…", "Codelco, which…" */
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if (is_coordinated_with_org (ctx, p, i))
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else if (tok_in (ctx, p, i + 1, (const char * const[]) {
                 "said", "says", "told", "announced", "denied", "warned", "reported", "confirmed",
                 "declined", "welcomed", NULL }))
        actor = actor_get (ctx, text, AM_ENTITY_KIND_ORGANIZATION);
      else
        continue;

      add_mention (ctx, p, i, i, actor, MENTION_NAME);
    }
}

/* ---- headlines --------------------------------------------------------------------- */

static gboolean
is_headline (Ctx   *ctx,
             guint  p)
{
  guint n = n_tokens (ctx, p);
  guint words = 0;
  AmToken *last;

  if (p == 0)
    return TRUE;
  if (n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (tok (ctx, p, i)->kind == AM_TOKEN_WORD)
      words++;
  {
    guint caps = 0;

    for (guint i = 0; i < n; i++)
      if (tok (ctx, p, i)->kind == AM_TOKEN_WORD && tok (ctx, p, i)->cap)
        caps++;
    if (caps * 10 < words * 6)
      return FALSE;
  }
  last = tok (ctx, p, n - 1);
  return words <= 16 && !(last->kind == AM_TOKEN_PUNCT && strchr (".!?\"", (int) (last->punct < 128 ? last->punct : 'x')) != NULL)
         && !(last->kind == AM_TOKEN_PUNCT && last->punct == 0x201D);
}

/* In a headline every word is capitalised, so only known names are read. */
static void
read_headline (Ctx   *ctx,
               guint  p)
{
  guint n = n_tokens (ctx, p);

  for (guint i = 0; i < n; i++)
    {
      if (!is_name_word (ctx, p, i) || tok_in (ctx, p, i, am_words_function_caps))
        continue;
      for (guint len = MIN (6, n - i); len >= 1; len--)
        {
          g_autofree char *text = range_text (ctx, p, i, i + len - 1);
          AmGazetteerHit hit;
          const char *state;
          int actor = lookup_key (ctx, text);

          if (actor < 0 && len == 1)
            {
              g_autofree char *folded = _am_extract_fold (text);
              GArray *weak = g_hash_table_lookup (ctx->weak_keys, folded);

              if (weak != NULL && weak->len == 1)
                actor = g_array_index (weak, int, 0);
            }
          if (actor >= 0)
            {
              mention_actor (ctx, p, i, i + len - 1, actor);
              i += len - 1;
              break;
            }
          state = _am_gazetteer_lookup (text, &hit);
          if (state != NULL)
            {
              actor = actor_get (ctx, state, AM_ENTITY_KIND_STATE);
              add_mention (ctx, p, i, i + len - 1, actor,
                           hit == AM_GAZETTEER_DEMONYM ? MENTION_DEMONYM : MENTION_NAME);
              i += len - 1;
              break;
            }
        }
    }
}

/* ---- mentions in order, pronouns, descriptions ------------------------------------- */

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const Mention *x = a, *y = b;

  if (x->paragraph != y->paragraph)
    return x->paragraph < y->paragraph ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return (int) y->last - (int) x->last;
}

static void
sort_mentions (Ctx *ctx)
{
  g_array_sort (ctx->mentions, compare_mentions);
  ctx->n_sorted = ctx->mentions->len;
}

/* The index of the first sorted mention in paragraph @p or later. */
static guint
first_mention_of (Ctx   *ctx,
                  guint  p)
{
  guint lo = 0, hi = ctx->n_sorted;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (ctx->mentions, Mention, mid).paragraph < p)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The nearest actor mentioned before (@p, @i) whose kind fits. */
static gboolean
fits (Ctx      *ctx,
      Mention  *mention,
      gboolean  person)
{
  AmEntityKind kind;

  if (mention->actor < 0 || mention->in_quote || mention->type == MENTION_PRONOUN
      || mention->type == MENTION_DEMONYM)
    return FALSE;
  kind = actor_at (ctx, mention->actor)->kind;
  return person ? kind == AM_ENTITY_KIND_PERSON
                : (kind == AM_ENTITY_KIND_ORGANIZATION || kind == AM_ENTITY_KIND_STATE
                   || kind == AM_ENTITY_KIND_MEDIA);
}

/* Whether @m is the first person (or body, for @person FALSE) named in its sentence: its
 * subject, most often. */
static gboolean
is_first_of_sentence (Ctx      *ctx,
                      guint     m,
                      gboolean  person)
{
  Mention *mention = &g_array_index (ctx->mentions, Mention, m);
  guint sentence = tok (ctx, mention->paragraph, mention->first)->sentence;

  for (int o = (int) m - 1; o >= 0; o--)
    {
      Mention *other = &g_array_index (ctx->mentions, Mention, o);

      if (other->paragraph != mention->paragraph
          || tok (ctx, other->paragraph, other->first)->sentence != sentence)
        break;
      if (fits (ctx, other, person))
        return FALSE;
    }
  return TRUE;
}

/* The actor "he"/"she" (@person) or "it"/"its"/"they" at (@p, @i) most likely stands for:
 * the nearest one before that was the subject of a sentence ("Valderrama studied in
 * Paris, where she worked with X" → Valderrama), else the nearest one. */
static int
nearest_before (Ctx      *ctx,
                guint     p,
                guint     i,
                gboolean  person,
                guint     max_paragraphs)
{
  for (int pass = 0; pass < 2; pass++)
    for (int m = (int) first_mention_of (ctx, p + 1) - 1; m >= 0; m--)
      {
        Mention *mention = &g_array_index (ctx->mentions, Mention, m);

        if (mention->paragraph > p || (mention->paragraph == p && mention->first >= i))
          continue;
        if (mention->paragraph + max_paragraphs < p)
          break;
        if (fits (ctx, mention, person) && (pass == 1 || is_first_of_sentence (ctx, m, person)))
          return mention->actor;
      }
  return -1;
}

static void
read_pronouns_and_descriptions (Ctx *ctx)
{
  GArray *found = g_array_new (FALSE, TRUE, sizeof (Mention));

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      if (ctx->headline[p])
        continue;
      for (guint i = 0; i < n_tokens (ctx, p); i++)
        {
          AmToken *t = tok (ctx, p, i);
          Mention mention = { 0 };

          if (t->kind != AM_TOKEN_WORD || t->in_quote)
            continue;
          mention.paragraph = p;
          mention.first = mention.last = i;
          if (tok_in (ctx, p, i, am_words_pronouns_person) || tok_in (ctx, p, i, am_words_pronouns_thing))
            {
              mention.type = MENTION_PRONOUN;
              mention.person_pronoun = tok_in (ctx, p, i, am_words_pronouns_person);
              mention.actor = -1;
              g_array_append_val (found, mention);
            }
          else if (tok_in (ctx, p, i, (const char * const[]) { "the", "The", NULL })
                   && tok_in (ctx, p, i + 1, am_words_descriptions) && !is_name_word (ctx, p, i + 2)
                   && !tok_is_punct (ctx, p, i + 2, ',') && !tok (ctx, p, i + 1)->possessive
                   && !(i > 0 && tok_in (ctx, p, i - 1, (const char * const[]) { "of", NULL })))
            {
              mention.type = MENTION_DESCRIPTION;
              mention.last = i + 1;
              mention.actor = -1;
              g_array_append_val (found, mention);
            }
        }
    }

  /* Resolve in text order against the names before each. */
  sort_mentions (ctx);
  for (guint k = 0; k < found->len; k++)
    {
      Mention *mention = &g_array_index (found, Mention, k);

      if (mention->type == MENTION_DESCRIPTION)
        {
          AmToken *noun = tok (ctx, mention->paragraph, mention->last);
          g_autofree char *word = g_strndup (ctx->paragraphs[mention->paragraph] + noun->start,
                                             noun->end - noun->start);
          gboolean state = g_str_equal (word, "government") || g_str_equal (word, "country");
          int actor = -1;

          for (int m = ctx->mentions->len - 1; m >= 0 && actor < 0; m--)
            {
              Mention *other = &g_array_index (ctx->mentions, Mention, m);
              AmDraftActor *a;
              g_autofree char *name = NULL;
              g_autofree char *keyword = NULL;

              if (other->paragraph > mention->paragraph
                  || (other->paragraph == mention->paragraph && other->first >= mention->first)
                  || other->actor < 0 || other->type == MENTION_PRONOUN)
                continue;
              if (other->paragraph + 2 < mention->paragraph)
                break;
              a = actor_at (ctx, other->actor);
              if (state)
                {
                  if (a->kind == AM_ENTITY_KIND_STATE)
                    actor = other->actor;
                  continue;
                }
              if (a->kind != AM_ENTITY_KIND_ORGANIZATION && a->kind != AM_ENTITY_KIND_MEDIA)
                continue;
              name = g_utf8_casefold (a->name, -1);
              keyword = g_utf8_casefold (word, -1);
              if (strstr (name, keyword) != NULL
                  || am_words_contains ((const char * const[]) { "company", "firm", "group", "chipmaker", "lender", NULL },
                                        word, strlen (word)))
                actor = other->actor;
            }
          if (actor >= 0)
            {
              g_autofree char *text = range_text (ctx, mention->paragraph, mention->first, mention->last);

              mention->actor = actor;
              if (actor_at (ctx, actor)->kind != AM_ENTITY_KIND_STATE)
                {
                  g_autofree char *lower = g_utf8_strdown (text, -1);

                  actor_add_alias (ctx, actor, lower);
                }
              actor_add_evidence (ctx, actor, mention->paragraph, mention->first, mention->last);
              g_array_append_val (ctx->mentions, *mention);
              sort_mentions (ctx);
            }
        }
    }
  for (guint k = 0; k < found->len; k++)
    {
      Mention *mention = &g_array_index (found, Mention, k);

      if (mention->type == MENTION_PRONOUN)
        g_array_append_val (ctx->mentions, *mention);
    }
  sort_mentions (ctx);
  g_array_unref (found);
}

/* ---- statements ---------------------------------------------------------------------- */

static void
statement_free (gpointer data)
{
  AmDraftStatement *statement = data;

  g_free (statement->text);
  g_array_unref (statement->addressees);
  g_array_unref (statement->evidence);
  g_free (statement);
}

static void
relation_free (gpointer data)
{
  AmDraftRelation *relation = data;

  g_free (relation->label);
  g_free (relation->type);
  g_array_unref (relation->evidence);
  g_free (relation);
}

static void
actor_free (gpointer data)
{
  AmDraftActor *actor = data;

  g_free (actor->name);
  g_free (actor->role);
  g_ptr_array_unref (actor->aliases);
  g_array_unref (actor->evidence);
  g_free (actor);
}

/* The actor a mention stands for, resolving pronouns to the nearest fitting actor. */
static int
mention_resolve (Ctx     *ctx,
                 Mention *mention)
{
  if (mention->type != MENTION_PRONOUN)
    return mention->actor;
  return nearest_before (ctx, mention->paragraph, mention->first, mention->person_pronoun, 2);
}

/* Mentions (not in quotes) in [first, last] of paragraph @p, in order. */
static GArray *
mentions_in (Ctx   *ctx,
             guint  p,
             guint  first,
             guint  last)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint m = first_mention_of (ctx, p); m < ctx->mentions->len; m++)
    {
      Mention *mention = &g_array_index (ctx->mentions, Mention, m);
      gboolean nested = FALSE;

      if (m < ctx->n_sorted && mention->paragraph > p)
        {
          m = ctx->n_sorted - 1;
          continue;
        }

      if (mention->paragraph != p || mention->first < first || mention->last > last
          || mention->in_quote)
        continue;
      /* "US" inside "US administration" is not a mention of its own here (the mentions
       * are sorted: the nesting one is close by). */
      for (guint o = m >= 8 ? m - 8 : 0; o < MIN (ctx->mentions->len, m + 8); o++)
        {
          Mention *other = &g_array_index (ctx->mentions, Mention, o);

          if (o != m && other->paragraph == p && other->first <= mention->first
              && other->last >= mention->last && other->last - other->first > mention->last - mention->first)
            nested = TRUE;
        }
      if (!nested)
        g_array_append_val (out, m);
    }
  return out;
}

static Mention *
mention_get (Ctx   *ctx,
             guint  m)
{
  return &g_array_index (ctx->mentions, Mention, m);
}

static gboolean
mention_is_speaker_kind (Ctx     *ctx,
                         Mention *mention,
                         gboolean person_only)
{
  AmEntityKind kind;

  if (mention->type == MENTION_PRONOUN)
    return !person_only || mention->person_pronoun;
  if (mention->actor < 0 || mention->type == MENTION_DEMONYM)
    return FALSE;
  kind = actor_at (ctx, mention->actor)->kind;
  if (person_only)
    return kind == AM_ENTITY_KIND_PERSON;
  return kind == AM_ENTITY_KIND_PERSON || kind == AM_ENTITY_KIND_ORGANIZATION
         || kind == AM_ENTITY_KIND_STATE || kind == AM_ENTITY_KIND_MEDIA;
}

/* The subject before token @verb within [first, verb): the first person named, else the
 * first actor, else a pronoun. */
static int
subject_before (Ctx   *ctx,
                guint  p,
                guint  first,
                guint  verb)
{
  g_autoptr(GArray) found = NULL;

  if (verb == 0)
    return -1;
  found = mentions_in (ctx, p, first, verb - 1);
  for (int pass = 0; pass < 2; pass++)
    for (guint k = 0; k < found->len; k++)
      {
        Mention *mention = mention_get (ctx, g_array_index (found, guint, k));

        /* A name in the position of an apposition's object ("of the FDP") is not the
         * subject; prefer a person. */
        if (mention_is_speaker_kind (ctx, mention, pass == 0))
          {
            int actor = mention_resolve (ctx, mention);

            if (actor >= 0)
              return actor;
          }
      }
  return -1;
}

static int
mention_starting_at (Ctx   *ctx,
                     guint  p,
                     guint  i)
{
  for (guint m = first_mention_of (ctx, p); m < ctx->mentions->len; m++)
    {
      Mention *mention = mention_get (ctx, m);

      if (m < ctx->n_sorted && mention->paragraph > p)
        {
          m = ctx->n_sorted - 1;
          continue;
        }
      if (mention->paragraph == p && mention->first == i && !mention->in_quote)
        return m;
    }
  return -1;
}

static void
statement_add (Ctx        *ctx,
               int         speaker,
               guint       p,
               guint       text_start,
               guint       text_end,
               gboolean    quoted,
               guint       evidence_start,
               guint       evidence_end,
               GArray     *addressees,
               int         reported_by)
{
  AmDraftStatement *statement;
  const char *paragraph = ctx->paragraphs[p];
  g_autofree char *evidence = NULL;

  while (text_end > text_start && (g_ascii_isspace (paragraph[text_end - 1])))
    text_end--;
  while (text_start < text_end && g_ascii_isspace (paragraph[text_start]))
    text_start++;
  if (speaker < 0 || text_end <= text_start)
    return;
  evidence = g_strndup (paragraph + evidence_start, evidence_end - evidence_start);
  for (guint i = 0; i < ctx->draft->statements->len; i++)
    {
      AmDraftStatement *other = g_ptr_array_index (ctx->draft->statements, i);
      AmDraftEvidence *e = &g_array_index (other->evidence, AmDraftEvidence, 0);

      if (e->paragraph == p && strncmp (other->text, paragraph + text_start, text_end - text_start) == 0)
        return;
    }
  statement = g_new0 (AmDraftStatement, 1);
  statement->speaker = speaker;
  statement->text = g_strndup (paragraph + text_start, text_end - text_start);
  statement->quoted = quoted;
  statement->addressees = g_array_new (FALSE, FALSE, sizeof (guint));
  if (addressees != NULL)
    for (guint i = 0; i < addressees->len; i++)
      {
        guint addressee = g_array_index (addressees, guint, i);
        gboolean seen = (int) addressee == speaker;

        for (guint j = 0; j < statement->addressees->len; j++)
          seen = seen || g_array_index (statement->addressees, guint, j) == addressee;
        if (!seen)
          g_array_append_val (statement->addressees, addressee);
      }
  statement->reported_by = reported_by == speaker ? -1 : reported_by;
  statement->evidence = evidence_array_new ();
  evidence_add (statement->evidence, p, evidence, 1);
  g_ptr_array_add (ctx->draft->statements, statement);
}

/* Who reported it ("according to X", "told the X newspaper", "by the agency, X") and
 * whom it was told to, read from tokens [first, last]. */
static void
read_audience (Ctx     *ctx,
               guint    p,
               guint    first,
               guint    last,
               int      speaker,
               GArray  *addressees,
               int     *reported_by)
{
  g_autoptr(GArray) found = mentions_in (ctx, p, first, last);

  *reported_by = -1;
  for (guint k = 0; k < found->len; k++)
    {
      Mention *mention = mention_get (ctx, g_array_index (found, guint, k));
      int actor = mention->actor;
      gboolean told = FALSE, by = FALSE;

      if (actor < 0 || actor == speaker || mention->type == MENTION_DEMONYM
          || mention->type == MENTION_PRONOUN)
        continue;
      for (int j = (int) mention->first - 1; j >= (int) first && j >= (int) mention->first - 8; j--)
        {
          if (tok_in (ctx, p, j, (const char * const[]) { "told", "tells", "warned", "urged", "asked", "addressed", NULL }))
            told = TRUE;
          if (tok_in (ctx, p, j, (const char * const[]) { "according", "by", "interview", "retaken", "reported", NULL }))
            by = TRUE;
          if (tok (ctx, p, j)->kind == AM_TOKEN_PUNCT && tok (ctx, p, j)->punct != ',')
            break;
        }
      if (actor_at (ctx, actor)->kind == AM_ENTITY_KIND_MEDIA && (told || by))
        *reported_by = actor;
      else if (by && (tok_in (ctx, p, mention->first - 1, (const char * const[]) { "to", NULL })
                      || (tok_in (ctx, p, mention->first - 2, (const char * const[]) { "to", NULL })
                          && tok_in (ctx, p, mention->first - 1, am_words_determiners))))
        *reported_by = actor;
      else if (told)
        {
          guint a = actor;

          g_array_append_val (addressees, a);
        }
    }
}

static guint
token_at_byte (Ctx   *ctx,
               guint  p,
               guint  byte)
{
  for (guint i = 0; i < n_tokens (ctx, p); i++)
    if (tok (ctx, p, i)->start >= byte)
      return i;
  return n_tokens (ctx, p);
}

static AmSentence *
sentence (Ctx   *ctx,
          guint  p,
          guint  s)
{
  return &g_array_index (ctx->texts[p]->sentences, AmSentence, s);
}

static gboolean
tok_is_speech_verb (Ctx   *ctx,
                    guint  p,
                    guint  i)
{
  return tok_is_lower_word (ctx, p, i) && tok_in (ctx, p, i, am_words_speech_verbs);
}

/* The token after "said" where its subject's name starts: "said X", "said union leader X",
 * "said the union leader, X".  Sets @title_first and @title_last to the lower-case title
 * (or -1). */
static guint
name_after_speech_verb (Ctx   *ctx,
                        guint  p,
                        guint  verb,
                        int   *title_first,
                        int   *title_last)
{
  guint i = verb + 1;
  guint first;

  *title_first = *title_last = -1;
  if (tok_in (ctx, p, i, (const char * const[]) { "the", NULL }))
    i++;
  first = i;
  while (i < n_tokens (ctx, p) && i < first + 4 && tok_is_lower_word (ctx, p, i)
         && mention_at (ctx, p, i) < 0)
    i++;
  if (i == first || !tok_in_lower (ctx, p, i - 1, am_words_role_nouns))
    return verb + 1;
  *title_first = (int) first;
  *title_last = (int) i - 1;
  if (tok_is_punct (ctx, p, i, ','))
    i++;
  return i;
}

static void
read_quotes (Ctx   *ctx,
             guint  p)
{
  AmParagraphText *text = ctx->texts[p];
  int previous_speaker = -1;

  for (guint q = 0; q < text->quotes->len; q++)
    {
      AmQuote *quote = &g_array_index (text->quotes, AmQuote, q);
      guint open = token_at_byte (ctx, p, quote->open);
      guint close = token_at_byte (ctx, p, quote->close);
      AmSentence *first_sentence, *last_sentence;
      guint ctx_first, ctx_last, after_last, before_first;
      g_autoptr(GArray) addressees = g_array_new (FALSE, FALSE, sizeof (guint));
      int speaker = -1;
      int reported_by = -1;

      if (open >= n_tokens (ctx, p))
        continue;
      first_sentence = sentence (ctx, p, tok (ctx, p, open)->sentence);
      last_sentence = sentence (ctx, p, close < n_tokens (ctx, p) ? tok (ctx, p, close)->sentence
                                                                  : text->sentences->len - 1);
      ctx_first = first_sentence->first_token;
      ctx_last = last_sentence->first_token + last_sentence->n_tokens - 1;

      /* Attribution after the quote: up to the next quote in the sentence. */
      after_last = ctx_last;
      if (q + 1 < text->quotes->len)
        {
          guint next_open = token_at_byte (ctx, p, g_array_index (text->quotes, AmQuote, q + 1).open);

          if (next_open > close && next_open - 1 < after_last)
            after_last = next_open - 1;
        }
      before_first = ctx_first;
      if (q > 0)
        {
          guint prev_close = token_at_byte (ctx, p, g_array_index (text->quotes, AmQuote, q - 1).close);

          if (prev_close + 1 > before_first && prev_close < open)
            before_first = prev_close + 1;
        }

      /* 1. ", X said" / ", said X" after the quote. */
      for (guint i = close + 1; close < n_tokens (ctx, p) && i <= after_last && i <= close + 12 && speaker < 0; i++)
        {
          int m, title_first, title_last;

          if (!tok_is_speech_verb (ctx, p, i))
            continue;
          /* "…," said X — but "…," she told X: X is who heard it.  "…," said union
           * leader X / said the union leader, X: the title is X's role. */
          m = mention_starting_at (ctx, p, name_after_speech_verb (ctx, p, i, &title_first, &title_last));
          if (m >= 0 && mention_is_speaker_kind (ctx, mention_get (ctx, m), FALSE)
              && mention_get (ctx, m)->type != MENTION_PRONOUN
              && !tok_in (ctx, p, i, (const char * const[]) { "told", "tells", "telling", "asked", "urged", "warned", "called", "accused", NULL }))
            {
              speaker = mention_resolve (ctx, mention_get (ctx, m));
              if (speaker >= 0 && title_first >= 0 && actor_at (ctx, speaker)->role == NULL
                  && actor_at (ctx, speaker)->kind == AM_ENTITY_KIND_PERSON)
                actor_at (ctx, speaker)->role = range_text (ctx, p, title_first, title_last);
            }
          if (speaker < 0)
            speaker = subject_before (ctx, p, close + 1, i);
          if (speaker >= 0)
            read_audience (ctx, p, i, after_last, speaker, addressees, &reported_by);
        }

      /* 2. "X said: "…"" or "X said the deal "…"" before it. */
      if (speaker < 0 && open > before_first)
        {
          for (int i = open - 1; i >= (int) before_first && speaker < 0; i--)
            if (tok_is_speech_verb (ctx, p, i))
              {
                speaker = subject_before (ctx, p, before_first, i);
                if (speaker < 0)
                  {
                    int m = mention_starting_at (ctx, p, i + 1);

                    if (m >= 0 && mention_is_speaker_kind (ctx, mention_get (ctx, m), FALSE))
                      speaker = mention_resolve (ctx, mention_get (ctx, m));
                  }
                if (speaker >= 0)
                  read_audience (ctx, p, i, open - 1, speaker, addressees, &reported_by);
              }
          if (speaker < 0 && tok_is_punct (ctx, p, open - 1, ':'))
            speaker = subject_before (ctx, p, before_first, open - 1);
        }
      if (speaker >= 0 && reported_by < 0)
        read_audience (ctx, p, ctx_first, ctx_last, speaker, addressees, &reported_by);

      /* 3. A quote that goes on from the previous one. */
      if (speaker < 0)
        speaker = previous_speaker;
      if (speaker < 0)
        continue;
      previous_speaker = speaker;
      statement_add (ctx, speaker, p, quote->text_start, quote->text_end, TRUE,
                     first_sentence->start, last_sentence->end, addressees, reported_by);
    }
}

static gboolean
sentence_has_quote (Ctx        *ctx,
                    guint       p,
                    AmSentence *s)
{
  for (guint i = s->first_token; i < s->first_token + s->n_tokens; i++)
    {
      AmToken *t = tok (ctx, p, i);

      if (t->in_quote || (t->kind == AM_TOKEN_PUNCT && (t->punct == '"' || t->punct == 0x201C || t->punct == 0x201D)))
        return TRUE;
    }
  return FALSE;
}

/* Whether [first, verb) is only the subject: names, titles and their commas. */
static gboolean
only_subject_before (Ctx   *ctx,
                     guint  p,
                     guint  first,
                     guint  verb)
{
  for (guint i = first; i < verb; i++)
    {
      if (mention_at (ctx, p, i) >= 0 || is_name_word (ctx, p, i) || tok_is_punct (ctx, p, i, ',')
          || tok_is_punct (ctx, p, i, '.') || tok_in (ctx, p, i, (const char * const[]) { "further", "also", "then", "later", NULL }))
        continue;
      return FALSE;
    }
  return verb > first;
}

/* Speech without quotation marks: "He further said, So we will…" (a quote), "X said in
 * remarks." after the words said (a quote), "warned X not to … our land" (a quote), and
 * "X said (that) …" (reported speech). */
static void
read_unmarked_speech (Ctx   *ctx,
                      guint  p)
{
  AmParagraphText *text = ctx->texts[p];

  for (guint s = 0; s < text->sentences->len; s++)
    {
      AmSentence *sent = sentence (ctx, p, s);
      guint first = sent->first_token;
      guint last = sent->first_token + sent->n_tokens - 1;
      guint end_byte = sent->end;

      if (sentence_has_quote (ctx, p, sent))
        continue;
      if (tok (ctx, p, last)->kind == AM_TOKEN_PUNCT && strchr (".!?", (int) (tok (ctx, p, last)->punct < 128 ? tok (ctx, p, last)->punct : 'x')))
        end_byte = tok (ctx, p, last)->start;

      for (guint v = first; v <= last; v++)
        {
          int speaker;
          g_autoptr(GArray) addressees = NULL;
          int reported_by = -1;

          if (!tok_is_lower_word (ctx, p, v) || !tok_in (ctx, p, v, am_words_report_verbs))
            continue;
          speaker = subject_before (ctx, p, first, v);
          if (speaker < 0)
            continue;
          addressees = g_array_new (FALSE, FALSE, sizeof (guint));

          /* "He further said, So we will continue…" */
          if ((tok_is_punct (ctx, p, v + 1, ',') || tok_is_punct (ctx, p, v + 1, ':'))
              && v + 2 <= last && tok (ctx, p, v + 2)->cap && tok (ctx, p, v + 2)->kind == AM_TOKEN_WORD
              && only_subject_before (ctx, p, first, v))
            {
              read_audience (ctx, p, first, last, speaker, addressees, &reported_by);
              statement_add (ctx, speaker, p, tok (ctx, p, v + 2)->start, sent->end, TRUE,
                             sent->start, sent->end, addressees, reported_by);
              break;
            }

          /* "North Korean Deputy Foreign Minister Choe Son Hui said in remarks…": the
           * sentence before holds the words. */
          if (s > 0 && (v == last || tok_in (ctx, p, v + 1, am_words_no_clause) || tok_is_punct (ctx, p, v + 1, '.'))
              && only_subject_before (ctx, p, first, v)
              && tok_in (ctx, p, v, (const char * const[]) { "said", "says", "added", "stated", "declared", NULL }))
            {
              AmSentence *before = sentence (ctx, p, s - 1);

              if (!sentence_has_quote (ctx, p, before))
                {
                  read_audience (ctx, p, v, last, speaker, addressees, &reported_by);
                  statement_add (ctx, speaker, p, before->start, before->end, TRUE,
                                 before->start, sent->end, addressees, reported_by);
                  break;
                }
            }

          /* "warned the US administration not to spread … in our land" */
          {
            guint k = v + 1;
            gboolean first_person = FALSE;

            while (k <= last && k <= v + 6 && !tok_in (ctx, p, k, (const char * const[]) { "to", NULL }))
              k++;
            if (k < last && k <= v + 6 && k > v + 1 && tok_in (ctx, p, v, (const char * const[]) { "warned", "told", "urged", "asked", NULL }))
              {
                for (guint j = k + 1; j <= last; j++)
                  if (tok_in (ctx, p, j, am_words_first_person))
                    first_person = TRUE;
                if (first_person)
                  {
                    read_audience (ctx, p, v, k, speaker, addressees, &reported_by);
                    statement_add (ctx, speaker, p, tok (ctx, p, k + 1)->start, sent->end, TRUE,
                                   sent->start, sent->end, addressees, reported_by);
                    break;
                  }
              }
          }

          /* Reported speech: "X said (that) the quotas were temporary." */
          {
            guint k = v + 1;

            if (tok_in (ctx, p, v, (const char * const[]) { "told", "tells", "urged", "warned", "asked", NULL }))
              {
                while (k <= last && k <= v + 6 && !tok_in (ctx, p, k, (const char * const[]) { "that", NULL }))
                  k++;
                if (k > last || k > v + 6)
                  continue;
              }
            /* "said in a statement that …" */
            if (tok_in (ctx, p, k, am_words_no_clause))
              {
                guint j = k;

                while (j <= last && j <= k + 6 && !tok_in (ctx, p, j, (const char * const[]) { "that", NULL }))
                  j++;
                if (j > last || j > k + 6)
                  continue;
                k = j;
              }
            if (tok_in (ctx, p, k, (const char * const[]) { "that", NULL }))
              k++;
            if (k > last || tok (ctx, p, k)->kind == AM_TOKEN_PUNCT || tok (ctx, p, k)->start >= end_byte)
              continue;
            read_audience (ctx, p, first, last, speaker, addressees, &reported_by);
            statement_add (ctx, speaker, p, tok (ctx, p, k)->start, end_byte, FALSE,
                           sent->start, sent->end, addressees, reported_by);
            break;
          }
        }
    }
}

/* ---- relations ----------------------------------------------------------------------- */

static void
relation_add (Ctx        *ctx,
              int         source,
              int         target,
              const char *label,
              const char *type,
              guint       p,
              guint       byte_start,
              guint       byte_end)
{
  AmDraftRelation *relation;
  g_autofree char *evidence = NULL;

  if (source < 0 || target < 0 || source == target || label == NULL || *label == '\0')
    return;
  evidence = g_strndup (ctx->paragraphs[p] + byte_start, byte_end - byte_start);
  for (guint i = 0; i < ctx->draft->relations->len; i++)
    {
      AmDraftRelation *other = g_ptr_array_index (ctx->draft->relations, i);

      if (other->source == (guint) source && other->target == (guint) target
          && g_strcmp0 (other->type, type) == 0
          && (strcmp (other->label, label) == 0 || g_strcmp0 (type, "role") == 0))
        {
          evidence_add (other->evidence, p, evidence, 4);
          return;
        }
    }
  relation = g_new0 (AmDraftRelation, 1);
  relation->source = source;
  relation->target = target;
  relation->label = g_strdup (label);
  relation->type = g_strdup (type);
  relation->evidence = evidence_array_new ();
  evidence_add (relation->evidence, p, evidence, 4);
  g_ptr_array_add (ctx->draft->relations, relation);
}

static char *
role_label (const char *title)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (title));

  /* "Minister of Trade and Industry" already says of what. */
  if (g_str_has_suffix (trimmed, " of") || g_str_has_suffix (trimmed, " for")
      || g_str_has_suffix (trimmed, " at") || strstr (trimmed, " of ") != NULL
      || strstr (trimmed, " for ") != NULL)
    return g_steal_pointer (&trimmed);
  return g_strconcat (trimmed, " of", NULL);
}

/* Titles: "Chilean Mining Minister Rodrigo Valdés Pino" → role of Chile; "Deputy Foreign
 * Minister" of a state also names its foreign ministry, "Secretary of State" the State
 * Department. */
static void
relate_titles (Ctx *ctx)
{
  for (guint t = 0; t < ctx->titles->len; t++)
    {
      Title *title = &g_array_index (ctx->titles, Title, t);
      guint p = title->paragraph;
      g_autofree char *text = range_text (ctx, p, title->title_first, title->title_last);
      guint start = tok (ctx, p, title->run_first)->start;
      guint end = tok (ctx, p, title->run_last)->end;
      int person = title->person;
      int affiliation = title->affiliation;

      if (person < 0)
        continue;

      if (strstr (text, "Foreign Minister") != NULL && affiliation >= 0
          && actor_at (ctx, affiliation)->kind == AM_ENTITY_KIND_STATE)
        {
          g_autofree char *state_text = NULL;
          g_autofree char *name = NULL;
          int ministry;

          /* The state as written: "North Korean" or "Saudi". */
          for (guint m = 0; m < ctx->mentions->len; m++)
            {
              Mention *mention = mention_get (ctx, m);

              if (mention->paragraph == p && mention->first >= title->run_first
                  && mention->last < title->title_first && mention->actor == affiliation)
                state_text = range_text (ctx, p, mention->first, mention->last);
            }
          name = g_strconcat (state_text != NULL ? state_text : actor_at (ctx, affiliation)->name,
                              " Foreign Ministry", NULL);
          ministry = actor_get (ctx, name, AM_ENTITY_KIND_ORGANIZATION);
          actor_add_evidence (ctx, ministry, p, title->run_first, title->run_last);
          relation_add (ctx, ministry, affiliation, "ministry of", "membership", p, start, end);
          affiliation = ministry;
        }
      else if (g_str_has_prefix (text, "Secretary of State")
               && (affiliation < 0 || g_str_equal (actor_at (ctx, affiliation)->name, "United States")))
        {
          int department = actor_get (ctx, "State Department", AM_ENTITY_KIND_ORGANIZATION);

          actor_add_evidence (ctx, department, p, title->run_first, title->run_last);
          affiliation = department;
        }
      if (affiliation >= 0)
        {
          g_autofree char *label = role_label (text);

          relation_add (ctx, person, affiliation, label, "role", p, start, end);
        }
    }
}

static int
mention_actor_at (Ctx   *ctx,
                  guint  p,
                  guint  i)
{
  int m = mention_at (ctx, p, i);

  if (m < 0)
    return -1;
  return mention_resolve (ctx, mention_get (ctx, m));
}

/* Appositions and possessives around every named person and organisation. */
static void
relate_appositions (Ctx *ctx)
{
  guint n_mentions = ctx->mentions->len;

  for (guint m = 0; m < n_mentions; m++)
    {
      Mention *mention = mention_get (ctx, m);
      guint p = mention->paragraph;
      AmDraftActor *a;
      guint start, end;

      if (mention->actor < 0 || mention->in_quote || mention->type != MENTION_NAME)
        continue;
      a = actor_at (ctx, mention->actor);
      start = tok (ctx, p, mention->first)->start;
      end = tok (ctx, p, mention->last)->end;

      if (a->kind == AM_ENTITY_KIND_PERSON)
        {
          int i = (int) mention->first - 1;
          int role_last, role_first;

          /* "Its chief executive, Henrik Sørensen" / "a spokesman for SQM, Tomás Ibáñez" */
          if (i >= 1 && tok_is_punct (ctx, p, i, ','))
            {
              int j = i - 1;
              int org = -1;

              /* "… for SQM, X" */
              if (mention_at (ctx, p, j) >= 0)
                {
                  Mention *other = mention_get (ctx, mention_at (ctx, p, j));

                  if (other->actor >= 0 && actor_at (ctx, other->actor)->kind != AM_ENTITY_KIND_PERSON
                      && tok_in (ctx, p, other->first - 1, (const char * const[]) { "for", "of", "at", NULL })
                      && tok_in_lower (ctx, p, other->first - 2, am_words_role_nouns))
                    {
                      g_autofree char *role = range_text (ctx, p, other->first - 2, other->first - 1);

                      relation_add (ctx, mention->actor, other->actor, role, "role", p,
                                    tok (ctx, p, other->first - 2)->start, end);
                    }
                  continue;
                }
              role_last = j;
              while (j >= 0 && tok_is_lower_word (ctx, p, j) && role_last - j < 4)
                j--;
              role_first = j + 1;
              if (role_first <= role_last && tok_in_lower (ctx, p, role_last, am_words_role_nouns)
                  && j >= 0 && tok_in (ctx, p, j, (const char * const[]) { "Its", "its", "Their", "their", NULL }))
                {
                  org = nearest_before (ctx, p, j, FALSE, 1);
                  if (org >= 0)
                    {
                      g_autofree char *title = range_text (ctx, p, role_first, role_last);
                      g_autofree char *label = role_label (title);

                      relation_add (ctx, mention->actor, org, label, "role", p,
                                    tok (ctx, p, j)->start, end);
                      if (a->role == NULL)
                        a->role = g_strdup (title);
                    }
                }
              continue;
            }

          /* "Greenpeace campaigner Louisa Casson", "North Korean leader Kim Jong Un" */
          if (i >= 1 && tok_is_lower_word (ctx, p, i) && tok_in_lower (ctx, p, i, am_words_role_nouns))
            {
              int j = i;
              int owner;

              while (j >= 0 && tok_is_lower_word (ctx, p, j) && i - j < 3)
                j--;
              owner = j >= 0 ? mention_actor_at (ctx, p, j) : -1;
              if (owner >= 0 && owner != mention->actor)
                {
                  g_autofree char *title = range_text (ctx, p, j + 1, i);
                  g_autofree char *label = role_label (title);

                  relation_add (ctx, mention->actor, owner, label, "role", p,
                                tok (ctx, p, mention_get (ctx, mention_at (ctx, p, j))->first)->start, end);
                  if (a->role == NULL)
                    a->role = g_strdup (title);
                }
              else if (owner < 0 && a->role == NULL)
                {
                  /* "union leader Paulo Mendes said": no owner, the title is still a role. */
                  if (j + 1 < i && tok_in_lower (ctx, p, j + 1, am_words_determiners))
                    j++;
                  a->role = range_text (ctx, p, j + 1, i);
                }
            }

          /* "Amara Okafor, a semiconductor analyst at Barclays" */
          if (tok_is_punct (ctx, p, mention->last + 1, ',')
              && tok_in (ctx, p, mention->last + 2, (const char * const[]) { "a", "an", "the", NULL }))
            {
              guint k = mention->last + 3;

              while (k < n_tokens (ctx, p) && k < mention->last + 8 && tok_is_lower_word (ctx, p, k)
                     && !tok_in (ctx, p, k, (const char * const[]) { "at", "of", "for", "with", NULL }))
                k++;
              if (k > mention->last + 3 && tok_in_lower (ctx, p, k - 1, am_words_role_nouns)
                  && tok_in (ctx, p, k, (const char * const[]) { "at", "of", "for", "with", NULL }))
                {
                  guint target = k + 1;
                  int owner;

                  if (tok_in_lower (ctx, p, target, am_words_determiners))
                    target++;
                  owner = mention_actor_at (ctx, p, target);
                  if (owner >= 0 && owner != mention->actor)
                    {
                      g_autofree char *title = range_text (ctx, p, mention->last + 3, k - 1);
                      g_autofree char *label = role_label (title);
                      int om = mention_at (ctx, p, target);

                      relation_add (ctx, mention->actor, owner, label, "role", p, start,
                                    tok (ctx, p, mention_get (ctx, om)->last)->end);
                      if (a->role == NULL)
                        a->role = g_strdup (title);
                    }
                }
              /* "Paulo Mendes, the union leader, said" */
              else if (k > mention->last + 3 && tok_in_lower (ctx, p, k - 1, am_words_role_nouns)
                       && tok_is_punct (ctx, p, k, ',') && a->role == NULL)
                a->role = range_text (ctx, p, mention->last + 3, k - 1);
            }
        }
      else if ((a->kind == AM_ENTITY_KIND_STATE || a->kind == AM_ENTITY_KIND_ORGANIZATION) && mention->possessive)
        {
          /* "Argentina's Secretariat of Energy" → part of Argentina */
          int next = mention_at (ctx, p, mention->last + 1);

          if (next >= 0)
            {
              Mention *other = mention_get (ctx, next);

              if (other->actor >= 0 && other->actor != mention->actor
                  && actor_at (ctx, other->actor)->kind == AM_ENTITY_KIND_ORGANIZATION)
                relation_add (ctx, other->actor, mention->actor, "part of", "membership", p, start,
                              tok (ctx, p, other->last)->end);
            }
          else if (a->kind == AM_ENTITY_KIND_STATE)
            {
              /* "Egypt's supply ministry" → an organisation, part of Egypt */
              guint k = mention->last + 1;

              while (k < n_tokens (ctx, p) && k <= mention->last + 3 && tok_is_lower_word (ctx, p, k)
                     && !tok_in (ctx, p, k, (const char * const[]) {
                           "ministry", "army", "navy", "police", "parliament", "agency", "regulator",
                           "embassy", "military", "central", NULL }))
                k++;
              if (k <= mention->last + 3 && tok_in (ctx, p, k, (const char * const[]) {
                    "ministry", "army", "navy", "police", "parliament", "agency", "regulator",
                    "embassy", "military", NULL }))
                {
                  g_autofree char *name = range_text (ctx, p, mention->first, k);
                  int org = actor_get (ctx, name, AM_ENTITY_KIND_ORGANIZATION);

                  actor_add_evidence (ctx, org, p, mention->first, k);
                  relation_add (ctx, org, mention->actor, "part of", "membership", p, start,
                                tok (ctx, p, k)->end);
                }
            }
        }
    }
}

static const char *
verb_type (const char *verb)
{
  static const struct { const char *verb; const char *type; } types[] = {
    { "met", "meeting" }, { "meets", "meeting" }, { "visited", "visit" }, { "visits", "visit" },
    { "accused", "hostility" }, { "accuses", "hostility" }, { "warned", "hostility" },
    { "threatened", "hostility" }, { "attacked", "hostility" }, { "criticised", "hostility" },
    { "criticized", "hostility" }, { "sanctioned", "sanctions" }, { "sued", "hostility" },
    { "beat", "hostility" }, { "defeated", "hostility" }, { "rejected", "hostility" },
    { "negotiated", "negotiation" }, { "signed", "negotiation" }, { "mediated", "negotiation" },
    { "succeeded", "succession" }, { "replaced", "succession" }, { "advised", "advises" },
    { "joined", "membership" }, { "acquired", "membership" }, { "bought", "membership" },
    { NULL, NULL }
  };

  for (guint i = 0; types[i].verb != NULL; i++)
    if (g_str_equal (types[i].verb, verb))
      return types[i].type;
  return NULL;
}

static gboolean
looks_like_verb (Ctx   *ctx,
                 guint  p,
                 guint  i)
{
  AmToken *t;
  const char *text;
  gsize length;

  if (!tok_is_lower_word (ctx, p, i) || tok_in (ctx, p, i, am_words_determiners)
      || tok_in (ctx, p, i, am_words_place_prepositions)
      || tok_in (ctx, p, i, (const char * const[]) { "and", "or", "of", "for", "with", "on", "by", "said", "says", "say", "who", "which", "that", "as", "is", "was", "are", "were", "also", NULL }))
    return FALSE;
  if (tok_in (ctx, p, i, (const char * const[]) { "met", "won", "beat", "hit", "sent", "led", "told", "urged", "took", "made", "left", "sued", "paid", "sold", "bought", "backed", "fought", NULL }))
    return TRUE;
  t = tok (ctx, p, i);
  text = tok_text (ctx, p, t);
  length = t->end - t->start;
  return (length > 3 && strncmp (text + length - 2, "ed", 2) == 0)
         || (length > 3 && text[length - 1] == 's' && text[length - 2] != 's');
}

/* "Chile accused Argentina", "Its rival Stellantis has signed a supply agreement with TSMC" */
static void
relate_verbs (Ctx *ctx)
{
  guint n_mentions = ctx->mentions->len;

  for (guint m = 0; m + 1 < n_mentions; m++)
    {
      Mention *a = mention_get (ctx, m);
      Mention *b = mention_get (ctx, m + 1);
      guint p = a->paragraph;
      guint first, last;
      int source, target;
      GString *label;
      AmSentence *sent;

      if (b->paragraph != p || a->in_quote || b->in_quote || a->type == MENTION_DEMONYM
          || b->type == MENTION_DEMONYM || a->possessive || b->first <= a->last + 1
          || tok (ctx, p, a->first)->sentence != tok (ctx, p, b->first)->sentence)
        continue;
      first = a->last + 1;
      last = b->first - 1;
      if (last - first + 1 > MAX_LABEL_WORDS + 1)
        continue;
      /* auxiliaries: "has signed", "will meet" */
      while (first <= last && tok_in (ctx, p, first, (const char * const[]) { "has", "have", "had", "will", "would", "also", "then", "on", NULL }))
        first++;
      /* Speech is a statement, not a relation. */
      if (first > last || !looks_like_verb (ctx, p, first) || tok_in (ctx, p, first, am_words_speech_verbs))
        continue;
      {
        gboolean ok = TRUE;

        for (guint i = first; i <= last; i++)
          if (!tok_is_lower_word (ctx, p, i))
            ok = FALSE;
        if (!ok)
          continue;
      }
      /* The object's determiner is not part of the label. */
      while (last > first && tok_in (ctx, p, last, am_words_determiners))
        last--;
      source = mention_resolve (ctx, a);
      target = mention_resolve (ctx, b);
      if (source < 0 || target < 0)
        continue;
      label = g_string_new (NULL);
      for (guint i = first; i <= last; i++)
        {
          AmToken *t = tok (ctx, p, i);

          if (label->len > 0)
            g_string_append_c (label, ' ');
          g_string_append_len (label, tok_text (ctx, p, t), t->end - t->start);
        }
      sent = sentence (ctx, p, tok (ctx, p, a->first)->sentence);
      {
        g_autofree char *verb = range_text (ctx, p, first, first);

        relation_add (ctx, source, target, label->str, verb_type (verb), p, sent->start, sent->end);
      }
      g_string_free (label, TRUE);
    }
}

/* ---- driver ---------------------------------------------------------------------------- */

static void
ctx_clear (Ctx *ctx)
{
  for (guint p = 0; p < ctx->n_paragraphs; p++)
    _am_paragraph_text_free (ctx->texts[p]);
  g_free (ctx->texts);
  g_free (ctx->headline);
  g_free (ctx->dateline);
  g_free (ctx->dateline_end);
  g_hash_table_unref (ctx->keys);
  g_hash_table_unref (ctx->weak_keys);
  g_array_unref (ctx->mentions);
  g_array_unref (ctx->titles);
  g_array_unref (ctx->pending);
}

AmDraft *
_am_draft_new (const char * const *paragraphs,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(AmDraft) draft = NULL;
  Ctx ctx = { 0 };

  if (!_am_gazetteer_ensure (error))
    return NULL;
  am_words_init ();

  draft = g_new0 (AmDraft, 1);
  draft->actors = g_ptr_array_new_with_free_func (actor_free);
  draft->relations = g_ptr_array_new_with_free_func (relation_free);
  draft->statements = g_ptr_array_new_with_free_func (statement_free);

  ctx.paragraphs = paragraphs;
  ctx.n_paragraphs = paragraphs != NULL ? g_strv_length ((char **) paragraphs) : 0;
  ctx.texts = g_new0 (AmParagraphText *, ctx.n_paragraphs + 1);
  ctx.headline = g_new0 (gboolean, ctx.n_paragraphs + 1);
  ctx.dateline = g_new0 (gboolean, ctx.n_paragraphs + 1);
  ctx.dateline_end = g_new0 (guint, ctx.n_paragraphs + 1);
  ctx.draft = draft;
  ctx.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.weak_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  ctx.mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  ctx.titles = g_array_new (FALSE, TRUE, sizeof (Title));
  ctx.pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  ctx.cancellable = cancellable;

  for (guint p = 0; p < ctx.n_paragraphs; p++)
    {
      ctx.texts[p] = _am_paragraph_text_new (paragraphs[p]);
      ctx.headline[p] = is_headline (&ctx, p);
    }

  for (guint p = 0; p < ctx.n_paragraphs; p++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ctx_clear (&ctx);
          return NULL;
        }
      if (ctx.headline[p])
        continue;
      if (p <= 2)
        {
          find_dateline (&ctx, p);
          mark_after_dateline (&ctx, p);
        }
      read_runs (&ctx, p);
    }
  sort_mentions (&ctx);
  resolve_pending (&ctx);
  sort_mentions (&ctx);
  for (guint p = 0; p < ctx.n_paragraphs; p++)
    if (ctx.headline[p])
      read_headline (&ctx, p);
  sort_mentions (&ctx);
  read_pronouns_and_descriptions (&ctx);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      ctx_clear (&ctx);
      return NULL;
    }
  for (guint p = 0; p < ctx.n_paragraphs; p++)
    if (!ctx.headline[p])
      {
        read_quotes (&ctx, p);
        read_unmarked_speech (&ctx, p);
      }

  relate_titles (&ctx);
  relate_appositions (&ctx);
  relate_verbs (&ctx);

  ctx_clear (&ctx);
  return g_steal_pointer (&draft);
}

void
_am_draft_free (AmDraft *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->actors);
  g_ptr_array_unref (self->relations);
  g_ptr_array_unref (self->statements);
  g_free (self);
}
