/* test-article-import.c — articles from text, Markdown and saved web pages
 *
 * Each format against the exact paragraphs it must give (the bundled article's text
 * gives the bundled model's paragraphs, no-break spaces and all; a page saved from a
 * browser gives its story and nothing of its banners, menus, scripts or captions), and
 * each bad input against its error code and message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "am-core.h"

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("AM_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) (root != NULL && *root != '\0' ? root : "."));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static AmArticle *
import_fixture (const char  *name,
                GError     **error)
{
  g_autofree char *path = source_path ("tests", "data", "articles-import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return am_article_import_file (file, NULL, error);
}

static AmArticle *
import_string (const char       *text,
               gssize            length,
               AmArticleFormat   format,
               const char       *name,
               GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return am_article_import_bytes (bytes, format, name, error);
}

/* The article's paragraphs are exactly @expected (a NULL-terminated list, the headline
 * first), and its title is the headline. */
static void
assert_paragraphs (const AmArticle    *article,
                   const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (article);
  for (guint i = 0; i < n && article->paragraphs[i] != NULL; i++)
    g_assert_cmpstr (article->paragraphs[i], ==, expected[i]);
  g_assert_cmpuint (g_strv_length (article->paragraphs), ==, n);
  g_assert_cmpstr (article->title, ==, expected[0]);
}

static void
test_text_bundled (void)
{
  g_autofree char *text_path = source_path ("data", "north-korea-ignores-us-dialogue-offer.txt",
                                            NULL);
  g_autofree char *model_path = source_path ("data", "north-korea-ignores-us-dialogue-offer.json",
                                             NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) model_file = g_file_new_for_path (model_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = am_article_import_file (text_file, NULL, &error);
  g_autoptr(AmDocument) model = NULL;
  const char * const *model_paragraphs;

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (article->title, ==,
                   "North Korea Says It Will Ignore United States Dialogue Offer");
  g_assert_cmpuint (g_strv_length (article->paragraphs), ==, 15);
  g_assert_cmpstr (article->paragraphs[0], ==, article->title);
  g_assert_null (article->date);
  g_assert_null (article->url);

  /* The no-break spaces of the original stay where they are. */
  g_assert_true (g_str_has_prefix (article->paragraphs[2], "\xC2\xA0" "A senior North Korean"));
  g_assert_true (g_str_has_suffix (article->paragraphs[4], "in the future.\xC2\xA0"));
  g_assert_cmpstr (article->paragraphs[8], ==, "Meeting with South Korean President");

  /* The bundled model was made from the same text: the same paragraphs, byte for byte. */
  model = am_document_load_from_file (model_file, NULL, &error);
  g_assert_no_error (error);
  model_paragraphs = am_document_get_paragraphs (model);
  assert_paragraphs (article, model_paragraphs);
}

static void
test_text_lines (void)
{
  const char *text = "\xEF\xBB\xBF  Headline\r\n\r\nFirst line\r\n  continues here  \r\n"
                     " \t \n\n\nSecond\xC2\xA0paragraph\xC2\xA0\n\xC2\xA0\nLast\tone";
  const char * const expected[] = {
    "Headline", "First line continues here", "Second\xC2\xA0paragraph\xC2\xA0", "Last\tone",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_string (text, -1, AM_ARTICLE_FORMAT_TEXT, "a.txt",
                                                &error);

  g_assert_no_error (error);
  assert_paragraphs (article, expected);
}

static void
test_html_saved_page (void)
{
  const char * const expected[] = {
    "Port strike halts grain exports",
    "Dockworkers at the port of Santos walked out on Monday, halting all grain loading at "
    "Brazil\xE2\x80\x99s busiest terminal.",
    "\xE2\x80\x9CWe will not go back until the offer is fair,\xE2\x80\x9D said union leader "
    "Paulo\xC2\xA0Mendes, who represents 4,000 workers.",
    "Exports at risk",
    "Traders said about 1.2 million tonnes of soybeans & corn were waiting to be shipped.",
    "The timing could not be worse for farmers.",
    "The strike follows three failed rounds of talks:",
    "a 5% offer in March,",
    "a bonus scheme in April, and",
    "a final offer last week.",
    "The port authority said talks would resume on Wednesday.",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_fixture ("saved-page.html", &error);

  g_assert_no_error (error);
  assert_paragraphs (article, expected);
  g_assert_cmpstr (article->date, ==, "2024-05-14T06:45:00+02:00");
  g_assert_cmpstr (article->publisher, ==, "The Harbour Ledger");
  g_assert_cmpstr (article->url, ==, "https://ledger.example.com/news/2024/05/port-strike");
  g_assert_null (article->source);
}

static void
test_html_charset (void)
{
  const char * const expected[] = {
    "Caf\xC3\xA9 owners protest",
    "Caf\xC3\xA9 owners in S\xC3\xA3o Paulo said: \xE2\x80\x9C" "enough\xE2\x80\x9D.",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_fixture ("latin1.html", &error);

  g_assert_no_error (error);
  assert_paragraphs (article, expected);
}

static void
test_html_small (void)
{
  /* No <article> or <main>: the body's paragraphs; no <h1>: the <title>; a paragraph
   * equal to the headline is not repeated; entities decoded, white space collapsed. */
  const char *page = "<html><head><title> The  headline </title></head><body>"
                     "<p>The headline</p><p>One &lt;b&gt; &amp;\n\t two</p>"
                     "<div>Loose text is not a paragraph</div>"
                     "<ol><li><p>Nested</p> tail</li></ol>"
                     "<p>wo<b>rd</b><br>next</p></body></html>";
  const char * const expected[] = {
    "The headline", "One <b> & two", "Nested", "tail", "word next", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_string (page, -1, AM_ARTICLE_FORMAT_HTML, "p.html",
                                                &error);

  g_assert_no_error (error);
  assert_paragraphs (article, expected);
}

static void
test_markdown (void)
{
  const char * const expected[] = {
    "Harbour talks resume",
    "Talks between the dockers' union and the port authority resumed on Wednesday, a day "
    "after the strike entered its second week.",
    "What was offered",
    "A 7% raise over two years",
    "A one-off bonus of R$ 2,000",
    "Shorter shifts during the harvest",
    "First vote on Friday",
    "Second vote, if needed, on Monday",
    "\"We are closer than before,\" said union leader Paulo Mendes.",
    "Under the old_contract_terms clause, overtime was paid at 1.5 * the base rate.",
    "Brackets stay in quotes: \"[the authority] will decide,\" he said & left.",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_fixture ("article.md", &error);

  g_assert_no_error (error);
  assert_paragraphs (article, expected);
  g_assert_cmpstr (article->date, ==, "2024-05-15");
  g_assert_cmpstr (article->source, ==, "Wire Desk");
  g_assert_null (article->url);
}

static void
test_markdown_inline (void)
{
  const struct { const char *markdown; const char *text; } cases[] = {
    { "**bold** and __strong__ and *em* and _em_", "bold and strong and em and em" },
    { "***both*** and ~~struck~~ but ~one~", "both and struck but ~one~" },
    { "a `code *span*` here", "a code *span* here" },
    { "\\*not emphasis\\* and \\[not a link\\](x)", "*not emphasis* and [not a link](x)" },
    { "see <https://example.org/a> or <b>bold</b><!-- note -->", "see https://example.org/a or bold" },
    { "5 * 3 = 15, snake_case_name, 2 < 3 & 4 > 1", "5 * 3 = 15, snake_case_name, 2 < 3 & 4 > 1" },
    { "[link *text*](http://x.org/(a)) and ![img](i.png)", "link text and" },
    { "&#233;t&#xE9; &nbsp; &unknown;", "\xC3\xA9t\xC3\xA9 \xC2\xA0 &unknown;" },
    { "**unclosed and *half", "**unclosed and *half" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = g_strconcat ("# Title\n\n", cases[i].markdown, "\n", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmArticle) article = import_string (input, -1, AM_ARTICLE_FORMAT_MARKDOWN,
                                                    "t.md", &error);

      g_test_message ("%s", cases[i].markdown);
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (article->paragraphs), ==, 2);
      g_assert_cmpstr (article->paragraphs[1], ==, cases[i].text);
    }
}

static void
test_sniffing (void)
{
  const struct { const char *text; const char *first; const char *second; } cases[] = {
    /* An HTML page without an extension. */
    { "<!DOCTYPE html><title>T</title><p>Body <i>text</i></p>", "T", "Body text" },
    /* Markdown: an ATX heading first. */
    { "# Heading *one*\n\nBody **text**\n", "Heading one", "Body text" },
    /* Text: nothing Markdown-like, so asterisks stay. */
    { "Headline *really*\n\nBody **text**\n", "Headline *really*", "Body **text**" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmArticle) article = import_string (cases[i].text, -1, AM_ARTICLE_FORMAT_AUTO,
                                                    "pasted", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (article->paragraphs[0], ==, cases[i].first);
      g_assert_cmpstr (article->paragraphs[1], ==, cases[i].second);
    }

  g_assert_cmpint (am_article_format_for_name ("a.TXT"), ==, AM_ARTICLE_FORMAT_TEXT);
  g_assert_cmpint (am_article_format_for_name ("a.markdown"), ==, AM_ARTICLE_FORMAT_MARKDOWN);
  g_assert_cmpint (am_article_format_for_name ("a.htm"), ==, AM_ARTICLE_FORMAT_HTML);
  g_assert_cmpint (am_article_format_for_name ("a.json"), ==, AM_ARTICLE_FORMAT_AUTO);
  g_assert_cmpint (am_article_format_for_name ("noext"), ==, AM_ARTICLE_FORMAT_AUTO);
}

static void
test_bad_bytes (void)
{
  static const char control_heavy[] = "Head\x01\x02\x03\x04\x05\n\nBody\x06\x07\x08";
  const struct
  {
    const char      *data;
    gssize           length;
    AmArticleFormat  format;
    const char      *name;
    AmArticleError   code;
    const char      *message;
  } cases[] = {
    { "Head\n\nbo\0dy", 11, AM_ARTICLE_FORMAT_AUTO, "nul.txt", AM_ARTICLE_ERROR_BINARY,
      "nul.txt: this is binary data, not text (it holds a NUL byte)" },
    { "<p>x\0</p>", 9, AM_ARTICLE_FORMAT_HTML, "nul.html", AM_ARTICLE_ERROR_BINARY,
      "nul.html: this is binary data, not text (it holds a NUL byte)" },
    { control_heavy, sizeof control_heavy - 1, AM_ARTICLE_FORMAT_TEXT, "ctl.txt",
      AM_ARTICLE_ERROR_BINARY, "ctl.txt: this is binary data, not text (too many control characters)" },
    { "Caf\xE9 news\n\nBody", -1, AM_ARTICLE_FORMAT_TEXT, "latin1.txt", AM_ARTICLE_ERROR_NOT_UTF8,
      "latin1.txt: the text is not valid UTF-8 (the first bad byte is at offset 3); "
      "save it as UTF-8 and try again" },
    { "# Title\n\nok \xC3\x28", -1, AM_ARTICLE_FORMAT_MARKDOWN, "bad.md", AM_ARTICLE_ERROR_NOT_UTF8,
      "bad.md: the text is not valid UTF-8 (the first bad byte is at offset 12); "
      "save it as UTF-8 and try again" },
    { "<html><body><p>caf\xE9</p></body></html>", -1, AM_ARTICLE_FORMAT_HTML, "undeclared.html",
      AM_ARTICLE_ERROR_NOT_UTF8,
      "undeclared.html: the text is not valid UTF-8 (the first bad byte is at offset 18); "
      "save it as UTF-8 and try again" },
    { "<html><head><meta charset=\"x-klingon\"></head><body><p>a</p></body></html>", -1,
      AM_ARTICLE_FORMAT_HTML, "klingon.html", AM_ARTICLE_ERROR_NOT_UTF8,
      "klingon.html: the page is in a character set that is not known (\xE2\x80\x9Cx-klingon\xE2\x80\x9D)" },
    { "<html><head><meta charset=\"windows-1252\"></head><body><p>a\x81" "b</p></body></html>", -1,
      AM_ARTICLE_FORMAT_HTML, "cp1252.html", AM_ARTICLE_ERROR_NOT_UTF8,
      "cp1252.html: the page is not valid windows-1252, the character set it is in" },
    { "\xFF\xFEH\0i\0", 6, AM_ARTICLE_FORMAT_TEXT, "utf16.txt", AM_ARTICLE_ERROR_NOT_UTF8,
      "utf16.txt: the text is in UTF-16, not UTF-8; save it as UTF-8 and try again" },
    { "", 0, AM_ARTICLE_FORMAT_AUTO, "empty.txt", AM_ARTICLE_ERROR_EMPTY,
      "empty.txt: the article is empty" },
    { " \n\t\r\n  \n", -1, AM_ARTICLE_FORMAT_HTML, "blank.html", AM_ARTICLE_ERROR_EMPTY,
      "blank.html: the article is empty" },
    { "\xEF\xBB\xBF\n\xC2\xA0\n", -1, AM_ARTICLE_FORMAT_TEXT, "nbsp.txt", AM_ARTICLE_ERROR_EMPTY,
      "nbsp.txt: the article is empty" },
    { "```\ncode only\n```\n", -1, AM_ARTICLE_FORMAT_MARKDOWN, "code.md", AM_ARTICLE_ERROR_EMPTY,
      "code.md: the article is empty" },
    { "<html><body><div>no paragraph</div><script>x()</script></body></html>", -1,
      AM_ARTICLE_FORMAT_HTML, "div.html", AM_ARTICLE_ERROR_NO_PARAGRAPHS,
      "div.html: the page has no paragraphs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmArticle) article = NULL;

      g_test_message ("%s", cases[i].name);
      article = import_string (cases[i].data, cases[i].length, cases[i].format, cases[i].name,
                               &error);
      g_assert_null (article);
      g_assert_error (error, AM_ARTICLE_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_html_no_paragraphs_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_fixture ("no-paragraphs.html", &error);

  g_assert_null (article);
  g_assert_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NO_PARAGRAPHS);
  g_assert_cmpstr (error->message, ==, "no-paragraphs.html: the page has no paragraphs");
}

static void
test_too_large_bytes (void)
{
  /* A view of one byte repeated: the size decides before anything is read. */
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = NULL;
  gsize size = AM_ARTICLE_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (size);
  g_autofree char *message = NULL;

  memset (data, 'a', size);
  bytes = g_bytes_new_static (data, size);
  article = am_article_import_bytes (bytes, AM_ARTICLE_FORMAT_TEXT, "huge.txt", &error);
  g_assert_null (article);
  g_assert_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_TOO_LARGE);
  message = g_strdup_printf ("huge.txt: file too large (%" G_GSIZE_FORMAT " bytes; the limit is %d)",
                             size, AM_ARTICLE_MAX_SIZE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("am-article-XXXXXX", &error);
  g_autofree char *fifo = NULL;
  g_autofree char *big = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *message = NULL;
  struct
  {
    const char     *path;
    AmArticleError  code;
    const char     *message;
  } cases[4];
  int fd;

  g_assert_no_error (error);
  fifo = g_build_filename (dir, "pipe.txt", NULL);
  big = g_build_filename (dir, "big.txt", NULL);
  missing = g_build_filename (dir, "missing.txt", NULL);
  folder = g_build_filename (dir, "folder.md", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* A sparse file one byte over the cap: refused from its size, never read. */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) AM_ARTICLE_MAX_SIZE + 1), ==, 0);
  close (fd);
  message = g_strdup_printf ("big.txt: file too large (%d bytes; the limit is %d)",
                             AM_ARTICLE_MAX_SIZE + 1, AM_ARTICLE_MAX_SIZE);

  cases[0] = (typeof (cases[0])) { fifo, AM_ARTICLE_ERROR_NOT_REGULAR,
                                   "pipe.txt: not a regular file (a named pipe)" };
  cases[1] = (typeof (cases[0])) { folder, AM_ARTICLE_ERROR_NOT_REGULAR,
                                   "folder.md: not a regular file (a directory)" };
  cases[2] = (typeof (cases[0])) { big, AM_ARTICLE_ERROR_TOO_LARGE, message };
  cases[3] = (typeof (cases[0])) { missing, AM_ARTICLE_ERROR_READ, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AmArticle) article = am_article_import_file (file, NULL, &local_error);

      g_assert_null (article);
      g_assert_error (local_error, AM_ARTICLE_ERROR, (gint) cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (local_error->message, ==, cases[i].message);
      else
        {
          g_assert_true (g_str_has_prefix (local_error->message, "missing.txt: "));
          g_assert_nonnull (strstr (local_error->message, g_strerror (ENOENT)));
        }
    }

  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_unlink (big), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
cancelled_import_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AmArticle **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = am_article_import_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = source_path ("tests", "data", "articles-import", "article.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmArticle) article = NULL;

  am_article_import_file_async (file, NULL, cancelled_import_cb, &article);
  while (article == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (article->title, ==, "Harbour talks resume");
}

static void
test_to_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmArticle) article = import_fixture ("saved-page.html", &error);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmDocument) again = NULL;
  g_autoptr(GBytes) json = NULL;

  g_assert_no_error (error);
  document = am_article_to_document (article, &error);
  g_assert_no_error (error);
  g_assert_true (AM_IS_DOCUMENT (document));
  g_assert_cmpint (am_document_get_origin (document), ==, AM_DOCUMENT_ORIGIN_MODEL);
  g_assert_cmpstr (am_document_get_title (document), ==, "Port strike halts grain exports");
  g_assert_cmpstr (am_document_get_date (document), ==, "2024-05-14T06:45:00+02:00");
  g_assert_cmpstr (am_document_get_publisher (document), ==, "The Harbour Ledger");
  g_assert_null (am_document_get_source (document));
  g_assert_cmpstr (am_document_get_url (document), ==, article->url);
  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 11);
  assert_paragraphs (article, am_document_get_paragraphs (document));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_statements (document)), ==, 0);

  /* A new map saves and loads back as it was. */
  json = am_document_to_json (document, AM_JSON_DEFAULT);
  again = am_document_load_from_bytes (json, "new.json", &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (document, again));
}

static void
test_to_document_invalid (void)
{
  /* An article made by hand (not by an importer) is checked like a model. */
  char *paragraphs[] = { (char *) "Headline", NULL };
  AmArticle article = { (char *) "Headline", (char *) "18/03/2021", NULL, NULL, NULL, paragraphs };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = am_article_to_document (&article, &error);

  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "article: "));
  g_assert_nonnull (strstr (error->message, "18/03/2021"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/ArticleImport/text-bundled", test_text_bundled);
  g_test_add_func ("/Actormap/ArticleImport/text-lines", test_text_lines);
  g_test_add_func ("/Actormap/ArticleImport/html-saved-page", test_html_saved_page);
  g_test_add_func ("/Actormap/ArticleImport/html-charset", test_html_charset);
  g_test_add_func ("/Actormap/ArticleImport/html-small", test_html_small);
  g_test_add_func ("/Actormap/ArticleImport/markdown", test_markdown);
  g_test_add_func ("/Actormap/ArticleImport/markdown-inline", test_markdown_inline);
  g_test_add_func ("/Actormap/ArticleImport/sniffing", test_sniffing);
  g_test_add_func ("/Actormap/ArticleImport/bad-bytes", test_bad_bytes);
  g_test_add_func ("/Actormap/ArticleImport/html-no-paragraphs", test_html_no_paragraphs_file);
  g_test_add_func ("/Actormap/ArticleImport/too-large-bytes", test_too_large_bytes);
  g_test_add_func ("/Actormap/ArticleImport/bad-files", test_bad_files);
  g_test_add_func ("/Actormap/ArticleImport/async", test_async);
  g_test_add_func ("/Actormap/ArticleImport/to-document", test_to_document);
  g_test_add_func ("/Actormap/ArticleImport/to-document-invalid", test_to_document_invalid);

  return g_test_run ();
}
