/* am-extract-private.h — the extractor's internals, shared by its files and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"

G_BEGIN_DECLS

/* ---- Gazetteer (am-gazetteer.c) ------------------------------------------------------ */

typedef struct
{
  const char *code;       /* ISO 3166-1 alpha-2 */
  const char *demonyms;   /* '|'-separated */
  const char *capitals;
  const char *names;      /* short forms iso-codes lacks */
} AmGazetteerExtra;

extern const AmGazetteerExtra am_gazetteer_extra[];

typedef enum
{
  AM_GAZETTEER_NAME,      /* "Chile", "Chilean Republic", "U.S." */
  AM_GAZETTEER_DEMONYM,   /* "Chilean" */
  AM_GAZETTEER_CAPITAL,   /* "Santiago" */
} AmGazetteerHit;

/* Loads iso-codes once (thread-safe); returns FALSE with @error when the data is
 * missing or unreadable. */
gboolean    _am_gazetteer_ensure       (GError **error);
/* The state's display name for @text (exact spelling, e.g. "North Korean"), or NULL;
 * @hit says what @text is. */
const char *_am_gazetteer_lookup       (const char     *text,
                                        AmGazetteerHit *hit);
/* The longest number of words (≤ 4) starting at @words that forms a known state name,
 * demonym or capital; 0 when none. */
guint       _am_gazetteer_max_words    (void);

/* ---- Sentences (am-extract-text.c) -------------------------------------------------- */

typedef enum
{
  AM_TOKEN_WORD,
  AM_TOKEN_NUMBER,
  AM_TOKEN_PUNCT,
} AmTokenKind;

typedef struct
{
  guint       start;          /* byte offsets in the paragraph; [start, end) */
  guint       end;
  AmTokenKind kind;
  gunichar    punct;          /* the character of a AM_TOKEN_PUNCT */
  guint       sentence;       /* index of its sentence in the paragraph */
  guint       cap : 1;        /* name-like: "Chile", "airBaltic", "al-Atta", "CDU" */
  guint       upper : 1;      /* two or more letters, all upper case */
  guint       possessive : 1; /* was followed by 's (not part of [start, end)) */
  guint       in_quote : 1;
  guint       sent_start : 1; /* the first word of its sentence */
} AmToken;

typedef struct
{
  guint start, end;           /* byte range of the sentence in the paragraph */
  guint first_token, n_tokens;
} AmSentence;

typedef struct
{
  guint open, close;          /* byte offsets of the quotation marks (close = end of text
                                 when the quote runs to the end of the paragraph) */
  guint text_start, text_end; /* the words inside */
} AmQuote;

typedef struct
{
  const char *text;           /* the paragraph, borrowed */
  GArray     *tokens;         /* of AmToken */
  GArray     *sentences;      /* of AmSentence */
  GArray     *quotes;         /* of AmQuote */
} AmParagraphText;

AmParagraphText *_am_paragraph_text_new  (const char *text);
void             _am_paragraph_text_free (AmParagraphText *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmParagraphText, _am_paragraph_text_free)

/* ---- The draft (am-extract-draft.c) ------------------------------------------------- */

typedef struct
{
  guint paragraph;
  char *text;                 /* verbatim from the paragraph */
} AmDraftEvidence;

typedef struct
{
  char        *name;
  AmEntityKind kind;
  char        *role;          /* nullable */
  GPtrArray   *aliases;       /* of char *, without the name */
  GArray      *evidence;      /* of AmDraftEvidence */
} AmDraftActor;

typedef struct
{
  guint     source, target;   /* indices into actors */
  char     *label;
  char     *type;             /* nullable */
  GArray   *evidence;
} AmDraftRelation;

typedef struct
{
  guint     speaker;
  char     *text;
  gboolean  quoted;
  GArray   *addressees;       /* of guint */
  int       reported_by;      /* -1 when none */
  GArray   *evidence;
} AmDraftStatement;

typedef struct
{
  GPtrArray *actors;          /* of AmDraftActor */
  GPtrArray *relations;       /* of AmDraftRelation */
  GPtrArray *statements;      /* of AmDraftStatement */
} AmDraft;

/* Returns NULL only when cancelled or the gazetteer cannot be read. */
AmDraft *_am_draft_new  (const char * const *paragraphs,
                         GCancellable       *cancellable,
                         GError            **error);
void     _am_draft_free (AmDraft *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmDraft, _am_draft_free)

/* Case and space folding used to compare names ("the  U.S." → "the u.s."). */
char    *_am_extract_fold (const char *text);

G_END_DECLS
