/* am-extract-text.c — words, sentences and quotations of one paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-extract-private.h"

/* Words after which a full stop does not end the sentence: titles, months, company
 * suffixes and the like.  Initials ("J. R. Smith") are handled apart. */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr",
  "Gov", "Sen", "Rep", "Rev", "Sr", "Jr", "St", "Mt", "Ft", "Hon", "Pres", "Supt", "Insp",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
  "Inc", "Corp", "Co", "Ltd", "Bros", "No", "Nos", "vs", "v", "etc", "approx", "Dept",
  "Univ", "Assn", "Ave", "Blvd", "Rd", "Fig", "ca", "cf", "e.g", "i.e", "al",
  NULL
};

/* Capitalised words that begin a new sentence after an abbreviation with dots
 * ("… in the U.S. The talks …"). */
static const char * const sentence_openers[] = {
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At",
  "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "There", "When",
  "While", "After", "Before", "However", "Meanwhile", "Last", "Next", "Officials", NULL
};

static gboolean
in_list (const char * const *list,
         const char         *word,
         gsize               length)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == length && strncmp (list[i], word, length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Reads one word from @p: letters and digits, with apostrophes and hyphens inside
 * ("O'Sullivan", "Jae-in"), dotted abbreviations ("U.S.", "U.N.") and "A/S". */
static const char *
scan_word (const char *p,
           gboolean   *dotted)
{
  const char *start = p;
  gboolean single_letters = TRUE;
  guint segment = 0;

  *dotted = FALSE;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gunichar after = *next != '\0' ? g_utf8_get_char (next) : 0;

      if (is_word_char (c))
        {
          segment++;
          p = next;
          continue;
        }
      if ((is_apostrophe (c) || c == '-' || c == 0x2010 || c == 0x2011) && is_word_char (after))
        {
          /* The possessive 's is left out of the word (see below). */
          if (is_apostrophe (c) && (after == 's' || after == 'S'))
            {
              const char *after_s = g_utf8_next_char (next);

              if (*after_s == '\0' || !is_word_char (g_utf8_get_char (after_s)))
                break;
            }
          segment = 0;
          p = next;
          continue;
        }
      /* "5.2", "3,000" */
      if ((c == '.' || c == ',') && p > start && g_ascii_isdigit (p[-1]) && g_unichar_isdigit (after))
        {
          p = next;
          continue;
        }
      if ((c == '.' || c == '/') && segment == 1 && single_letters && g_unichar_isalpha (after))
        {
          *dotted = *dotted || c == '.';
          segment = 0;
          p = next;
          continue;
        }
      if (c == '.' && *dotted && segment == 1)
        {
          /* The last dot of "U.S." belongs to the word. */
          p = next;
          break;
        }
      break;
    }
  (void) single_letters;
  return p;
}

static gboolean
word_is_cap (const char *word,
             gsize       length)
{
  gunichar first = g_utf8_get_char (word);
  const char *p;

  if (g_unichar_isupper (first) || g_unichar_istitle (first))
    return TRUE;
  /* "al-Atta", "bin-Salman", "airBaltic", "iPhone" */
  for (p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' && p + 1 < word + length && g_unichar_isupper (g_utf8_get_char (p + 1)))
        return p - word <= 3;
      if (g_unichar_isupper (c))
        return p - word <= 3 && g_unichar_isalpha (first);
    }
  return FALSE;
}

static gboolean
word_is_upper (const char *word,
               gsize       length)
{
  guint letters = 0;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          if (!g_unichar_isupper (c))
            return FALSE;
          letters++;
        }
    }
  return letters >= 2;
}

static void
tokenize (AmParagraphText *self)
{
  const char *text = self->text;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      AmToken token = { 0 };

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      token.start = p - text;
      if (is_word_char (c))
        {
          gboolean dotted;
          const char *end = scan_word (p, &dotted);
          gsize length = end - p;

          token.kind = g_unichar_isdigit (c) ? AM_TOKEN_NUMBER : AM_TOKEN_WORD;
          token.end = end - text;
          if (token.kind == AM_TOKEN_WORD || g_utf8_strlen (p, length) > 1)
            {
              token.cap = word_is_cap (p, length);
              token.upper = word_is_upper (p, length);
            }
          p = end;
          /* The possessive: "Egypt's", "Choe’s"; and the plural "Workers' Union". */
          if (is_apostrophe (g_utf8_get_char (p)))
            {
              const char *after = g_utf8_next_char (p);

              if ((*after == 's' || *after == 'S')
                  && (after[1] == '\0' || !is_word_char (g_utf8_get_char (after + 1))))
                {
                  token.possessive = TRUE;
                  p = after + 1;
                }
              else if (length > 1 && p[-1] == 's' && *after == ' '
                       && g_unichar_isupper (g_utf8_get_char (after + 1)))
                {
                  p = after;
                  token.end = p - text;
                }
            }
        }
      else
        {
          token.kind = AM_TOKEN_PUNCT;
          token.punct = c;
          p = g_utf8_next_char (p);
          token.end = p - text;
        }
      g_array_append_val (self->tokens, token);
    }
}

static gboolean
is_open_quote (gunichar c)
{
  return c == 0x201C || c == 0x201E || c == 0xAB;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == 0x201D || c == 0xBB;
}

static void
find_quotes (AmParagraphText *self)
{
  gint open = -1;

  for (guint i = 0; i < self->tokens->len; i++)
    {
      AmToken *token = &g_array_index (self->tokens, AmToken, i);
      gboolean opens, closes;

      if (token->kind != AM_TOKEN_PUNCT)
        {
          token->in_quote = open >= 0;
          continue;
        }
      opens = is_open_quote (token->punct) || (token->punct == '"' && open < 0);
      closes = is_close_quote (token->punct) || (token->punct == '"' && open >= 0);
      if (closes && open >= 0)
        {
          AmToken *first = &g_array_index (self->tokens, AmToken, open);
          AmQuote quote = { first->start, token->start, first->end, token->start };

          if (quote.text_end > quote.text_start)
            g_array_append_val (self->quotes, quote);
          open = -1;
        }
      else if (opens)
        open = i;
      else
        token->in_quote = open >= 0;
    }
  /* A quote left open runs on into the next paragraph, as quotations of several
   * paragraphs do. */
  if (open >= 0)
    {
      AmToken *first = &g_array_index (self->tokens, AmToken, open);
      guint length = strlen (self->text);
      AmQuote quote = { first->start, length, first->end, length };

      while (quote.text_end > quote.text_start && g_ascii_isspace (self->text[quote.text_end - 1]))
        quote.text_end--;
      if (quote.text_end > quote.text_start)
        g_array_append_val (self->quotes, quote);
    }
}

static gboolean
ends_sentence (AmParagraphText *self,
               guint            i)
{
  AmToken *token = &g_array_index (self->tokens, AmToken, i);
  AmToken *before = i > 0 ? &g_array_index (self->tokens, AmToken, i - 1) : NULL;
  AmToken *next = NULL;
  const char *text = self->text;

  if (token->kind == AM_TOKEN_WORD && text[token->end - 1] == '.')
    {
      /* "U.S." at the end of a sentence: only before an obvious opener. */
      if (i + 1 >= self->tokens->len)
        return TRUE;
      next = &g_array_index (self->tokens, AmToken, i + 1);
      return next->kind == AM_TOKEN_WORD
             && in_list (sentence_openers, text + next->start, next->end - next->start);
    }
  if (token->kind != AM_TOKEN_PUNCT)
    return FALSE;
  if (token->punct != '.' && token->punct != '!' && token->punct != '?')
    return FALSE;

  /* Skip closing quotes and brackets after the stop; the sentence ends after them. */
  for (guint j = i + 1; j < self->tokens->len; j++)
    {
      AmToken *t = &g_array_index (self->tokens, AmToken, j);

      if (t->kind == AM_TOKEN_PUNCT && (is_close_quote (t->punct) || t->punct == '"'
                                        || t->punct == ')' || t->punct == '\'' || t->punct == 0x2019))
        continue;
      next = t;
      break;
    }
  if (next == NULL)
    return TRUE;
  if (token->punct == '.' && before != NULL && before->kind == AM_TOKEN_WORD && !before->possessive)
    {
      gsize length = before->end - before->start;
      const char *word = text + before->start;

      if (in_list (abbreviations, word, length))
        return FALSE;
      /* An initial: "Lyndon B. Johnson". */
      if (g_utf8_strlen (word, length) == 1 && g_unichar_isupper (g_utf8_get_char (word)))
        return FALSE;
    }
  /* A sentence starts with a capital, a digit or a quotation mark. */
  if (next->kind == AM_TOKEN_PUNCT)
    return is_open_quote (next->punct) || next->punct == '"' || next->punct == '(' || next->punct == 0x2014;
  if (next->kind == AM_TOKEN_NUMBER)
    return TRUE;
  return g_unichar_isupper (g_utf8_get_char (text + next->start)) || next->cap;
}

static gboolean
closes_quote (AmParagraphText *self,
              guint            offset)
{
  for (guint q = 0; q < self->quotes->len; q++)
    if (g_array_index (self->quotes, AmQuote, q).close == offset)
      return TRUE;
  return FALSE;
}

static void
split_sentences (AmParagraphText *self)
{
  AmSentence sentence = { 0 };
  guint first = 0;

  for (guint i = 0; i < self->tokens->len; i++)
    {
      gboolean last = i + 1 == self->tokens->len;

      if (last || ends_sentence (self, i))
        {
          guint end = i;

          /* Closing quotes and brackets stay with the sentence they close. */
          while (end + 1 < self->tokens->len)
            {
              AmToken *t = &g_array_index (self->tokens, AmToken, end + 1);

              if (t->kind != AM_TOKEN_PUNCT
                  || !(is_close_quote (t->punct) || t->punct == ')'
                       || (t->punct == '"' && closes_quote (self, t->start))))
                break;
              end++;
            }
          sentence.first_token = first;
          sentence.n_tokens = end + 1 - first;
          sentence.start = g_array_index (self->tokens, AmToken, first).start;
          sentence.end = g_array_index (self->tokens, AmToken, end).end;
          for (guint j = first; j <= end; j++)
            g_array_index (self->tokens, AmToken, j).sentence = self->sentences->len;
          g_array_append_val (self->sentences, sentence);
          first = end + 1;
          i = end;
        }
    }

  for (guint s = 0; s < self->sentences->len; s++)
    {
      AmSentence *sent = &g_array_index (self->sentences, AmSentence, s);

      for (guint j = sent->first_token; j < sent->first_token + sent->n_tokens; j++)
        {
          AmToken *t = &g_array_index (self->tokens, AmToken, j);

          if (t->kind == AM_TOKEN_WORD || t->kind == AM_TOKEN_NUMBER)
            {
              t->sent_start = TRUE;
              break;
            }
        }
    }
}

AmParagraphText *
_am_paragraph_text_new (const char *text)
{
  AmParagraphText *self = g_new0 (AmParagraphText, 1);

  self->text = text;
  self->tokens = g_array_new (FALSE, TRUE, sizeof (AmToken));
  self->sentences = g_array_new (FALSE, TRUE, sizeof (AmSentence));
  self->quotes = g_array_new (FALSE, TRUE, sizeof (AmQuote));
  tokenize (self);
  find_quotes (self);
  split_sentences (self);
  return self;
}

void
_am_paragraph_text_free (AmParagraphText *self)
{
  g_array_unref (self->tokens);
  g_array_unref (self->sentences);
  g_array_unref (self->quotes);
  g_free (self);
}
