/* fuzz-article-import.c — libFuzzer target for the article importers
 *
 * Every input goes through each format (text, Markdown, HTML, and detection).  Each must
 * give an article or one AM_ARTICLE_ERROR whose message starts with the display name and
 * is valid UTF-8, with no warning or critical (made fatal below).  An article must keep
 * the importers' promises: a headline that is paragraph 0, paragraphs that are valid
 * UTF-8, never blank and trimmed (and, from HTML, with white space collapsed), a date
 * and a URL the model accepts — so that it always makes a document, which is checked.  Built as a
 * libFuzzer binary with -Dfuzzing=true (fuzz/meson.build), and linked with fuzz/replay.c
 * in every build (tests/core/meson.build, suite "replay").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "am-core.h"
#include "am-core-private.h"
#include "am-json-reader.h"

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check (gboolean    condition,
       const char *what)
{
  if (!condition)
    {
      g_printerr ("fuzz-article-import: broken promise: %s\n", what);
      abort ();
    }
}

static gboolean
has_ascii_space_at_ends (const char *text)
{
  gsize n = strlen (text);

  return n > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[n - 1]));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static void
check_article (const AmArticle *article,
               AmArticleFormat  format)
{
  guint n;

  check (article->title != NULL && *article->title != '\0', "no headline");
  check (g_utf8_validate (article->title, -1, NULL), "headline not UTF-8");
  check (article->paragraphs != NULL, "NULL paragraphs");
  n = g_strv_length (article->paragraphs);
  check (n >= 1, "no paragraphs");
  check (g_str_equal (article->paragraphs[0], article->title), "paragraph 0 is not the headline");

  for (guint i = 0; i < n; i++)
    {
      const char *paragraph = article->paragraphs[i];

      check (g_utf8_validate (paragraph, -1, NULL), "paragraph not UTF-8");
      check (!is_blank (paragraph), "blank paragraph");
      check (!has_ascii_space_at_ends (paragraph), "paragraph not trimmed");
      if (format == AM_ARTICLE_FORMAT_TEXT || format == AM_ARTICLE_FORMAT_MARKDOWN)
        check (strchr (paragraph, '\n') == NULL && strchr (paragraph, '\r') == NULL,
               "line break in a paragraph");
      if (format == AM_ARTICLE_FORMAT_HTML)
        check (strpbrk (paragraph, "\t\n\r\f") == NULL && strstr (paragraph, "  ") == NULL,
               "white space not collapsed");
    }

  check (article->date == NULL || _am_date_parse (article->date, NULL, NULL, NULL) != AM_DATE_INVALID,
         "a date the model refuses");
  check (article->url == NULL || _am_json_is_web_url (article->url), "a URL the model refuses");
  check (article->publisher == NULL || g_utf8_validate (article->publisher, -1, NULL),
         "publisher not UTF-8");
  check (article->source == NULL || g_utf8_validate (article->source, -1, NULL),
         "source not UTF-8");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or critical is a finding, as it is in the test suites. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const struct { AmArticleFormat format; const char *name; } runs[] = {
    { AM_ARTICLE_FORMAT_AUTO, "fuzz" },
    { AM_ARTICLE_FORMAT_TEXT, "fuzz.txt" },
    { AM_ARTICLE_FORMAT_MARKDOWN, "fuzz.md" },
    { AM_ARTICLE_FORMAT_HTML, "fuzz.html" },
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmArticle) article = NULL;
      g_autoptr(AmDocument) document = NULL;
      g_autofree char *prefix = g_strconcat (runs[i].name, ": ", NULL);

      article = am_article_import_bytes (bytes, runs[i].format, runs[i].name, &error);
      if (article == NULL)
        {
          check (error != NULL, "NULL without an error");
          check (error->domain == AM_ARTICLE_ERROR, "error outside AM_ARTICLE_ERROR");
          check (g_str_has_prefix (error->message, prefix),
                 "message does not start with the file name");
          check (g_utf8_validate (error->message, -1, NULL), "message is not UTF-8");
          continue;
        }

      check (error == NULL, "an article and an error");
      check_article (article, runs[i].format);

      /* Every imported article makes a new map with the same paragraphs. */
      document = am_article_to_document (article, &error);
      check (document != NULL && error == NULL, "an article that makes no document");
      check (am_document_get_n_paragraphs (document) == g_strv_length (article->paragraphs),
             "the document lost paragraphs");
      check (g_strcmp0 (am_document_get_title (document), article->title) == 0,
             "the document has another title");
    }

  return 0;
}
