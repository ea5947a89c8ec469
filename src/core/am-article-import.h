/* am-article-import.h — an article from plain text, Markdown or a saved HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-document.h"

G_BEGIN_DECLS

#define AM_ARTICLE_ERROR (am_article_error_quark ())

/* Articles larger than this are refused before any byte is looked at. */
#define AM_ARTICLE_MAX_SIZE (64 * 1024 * 1024)

/**
 * AmArticleError:
 * @AM_ARTICLE_ERROR_NOT_REGULAR: a FIFO, directory, device…; nothing was read
 * @AM_ARTICLE_ERROR_TOO_LARGE: over %AM_ARTICLE_MAX_SIZE
 * @AM_ARTICLE_ERROR_READ: the file could not be read (the system's message follows)
 * @AM_ARTICLE_ERROR_BINARY: NUL bytes, or mostly control bytes: not text
 * @AM_ARTICLE_ERROR_NOT_UTF8: text or Markdown not in UTF-8, an HTML page whose bytes
 *   are not in the character set it declares (UTF-8 when it declares none), or one
 *   that declares a character set nobody knows
 * @AM_ARTICLE_ERROR_EMPTY: nothing but white space (or, for Markdown, nothing but code)
 * @AM_ARTICLE_ERROR_NO_PARAGRAPHS: an HTML page with no paragraph of text
 */
typedef enum
{
  AM_ARTICLE_ERROR_NOT_REGULAR,
  AM_ARTICLE_ERROR_TOO_LARGE,
  AM_ARTICLE_ERROR_READ,
  AM_ARTICLE_ERROR_BINARY,
  AM_ARTICLE_ERROR_NOT_UTF8,
  AM_ARTICLE_ERROR_EMPTY,
  AM_ARTICLE_ERROR_NO_PARAGRAPHS,
} AmArticleError;

typedef enum
{
  AM_ARTICLE_FORMAT_AUTO,
  AM_ARTICLE_FORMAT_TEXT,
  AM_ARTICLE_FORMAT_MARKDOWN,
  AM_ARTICLE_FORMAT_HTML,
} AmArticleFormat;

/*
 * An imported article: plain data, owned by whoever holds it.  @paragraphs is never
 * empty and holds no empty string; paragraph 0 is the headline (so that evidence can cite
 * it) and equals @title.  Text is verbatim: a no-break space stays one.  @date and @url
 * are only set when the model accepts them (an ISO 8601 date, an absolute http(s) URL).
 */
typedef struct
{
  char *title;      /* the headline: text, first paragraph; Markdown, the first "# "
                     * heading; HTML, <h1>, else <title> */
  char *date;       /* nullable: HTML <meta> article:published_time…, Markdown front matter */
  char *publisher;  /* nullable: og:site_name */
  char *source;     /* nullable */
  char *url;        /* nullable: og:url, else <link rel="canonical"> */
  GStrv paragraphs;
} AmArticle;

GQuark           am_article_error_quark      (void);

void             am_article_free             (AmArticle        *article);

/* The format a file name's extension says (.txt, .md, .markdown, .html, .htm, .xhtml),
 * else AUTO. */
AmArticleFormat  am_article_format_for_name  (const char       *name);

/* @format AUTO: by @display_name's extension, then by content sniffing.  Every error is in
 * AM_ARTICLE_ERROR and its message starts with @display_name ("notes.html: the page has no
 * paragraphs").  Nothing is fetched, nothing is run. */
AmArticle       *am_article_import_bytes     (GBytes           *bytes,
                                              AmArticleFormat   format,
                                              const char       *display_name,
                                              GError          **error);
/* A regular file is checked for first (type and size, before it is opened), so a FIFO or
 * a device never blocks.  AM_ARTICLE_ERROR, or G_IO_ERROR_CANCELLED. */
AmArticle       *am_article_import_file      (GFile            *file,
                                              GCancellable     *cancellable,
                                              GError          **error);
/* am_article_import_file() on a worker thread. */
void             am_article_import_file_async (GFile              *file,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
AmArticle       *am_article_import_file_finish (GAsyncResult      *result,
                                                GError           **error);

/* A new document (AM_DOCUMENT_ORIGIN_MODEL) with the article and no items. */
AmDocument      *am_article_to_document      (const AmArticle  *article,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmArticle, am_article_free)

G_END_DECLS
