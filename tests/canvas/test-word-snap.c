/* test-word-snap.c — a selection in the article widened to whole words, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-word-snap.h"

/* Each case selects from @from_skip bytes into the first occurrence of @from up to
 * @to_cut bytes before the end of the first occurrence of @to at or after @from. */
typedef struct
{
  const char *name;
  const char *text;
  const char *from;     /* the selection starts where this starts … */
  gssize      from_skip; /* … this many bytes into it */
  const char *to;       /* and ends where this ends … */
  gssize      to_cut;   /* … less this many bytes */
  const char *expected; /* NULL: nothing to snap to */
} Case;

static const Case cases[] = {
  { "inside-words", "Kim Jong Un said on Monday.", "Jong", 2, "said", 2, "Jong Un said" },
  { "exact", "Kim Jong Un said on Monday.", "Kim", 0, "Un", 0, "Kim Jong Un" },
  { "spaces-trimmed", "Kim Jong Un said on Monday.", " Jong", 0, "Un ", 0, "Jong Un" },
  { "one-letter", "Kim Jong Un said on Monday.", "Monday", 3, "Monday", 2, "Monday" },
  { "final-stop-kept", "Kim Jong Un said on Monday.", " on", 1, "Monday.", 0, "on Monday." },
  { "accents", "Mariela Ortúzar said.", "Ortú", 5, "Ortúzar", 1, "Ortúzar" },
  { "apostrophe", "Egypt's supply ministry", "Egy", 1, "Egypt", 1, "Egypt's" },
  { "curly-apostrophe", "Egypt’s supply ministry", "’s", 3, "supply", 3, "Egypt’s supply" },
  { "hyphen", "Kim Yo-jong warned", "Yo-", 1, "Yo-j", 0, "Yo-jong" },
  { "hyphen-alone", "war - peace", " - ", 0, " - ", 0, "-" },
  { "quote-marks-kept", "He said “we will ignore it” today.", "“we", 0, "it”", 0, "“we will ignore it”" },
  { "nbsp-inside-kept", "Mr.\u00a0Blinken arrived", "Mr", 1, "Bli", 0, "Mr.\u00a0Blinken" },
  { "punctuation-start-kept", "Mr.\u00a0Blinken arrived", ".\u00a0", 0, "Blinken", 0, ".\u00a0Blinken" },
  { "nbsp-edge-trimmed", "Mr.\u00a0Blinken\u00a0arrived", "\u00a0B", 0, "Blinken\u00a0", 0, "Blinken" },
  { "only-space", "Kim  Jong", "  ", 0, "  ", 0, NULL },
  { "digits", "on 16 March 2021", "6 M", 0, "202", 1, "16 March 2021" },
};

static gsize
offset_of (const char *text,
           const char *needle,
           gsize       from)
{
  const char *found = strstr (text + from, needle);

  g_assert_nonnull (found);

  return found - text;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  gsize start = offset_of (c->text, c->from, 0) + c->from_skip;
  gsize end = offset_of (c->text, c->to, start > 0 ? start - c->from_skip : 0)
              + strlen (c->to) - c->to_cut;
  gsize old_start = start, old_end = end;
  gboolean snapped = am_word_snap (c->text, -1, &start, &end);

  if (c->expected == NULL)
    {
      g_assert_false (snapped);
      g_assert_cmpuint (start, ==, old_start);
      g_assert_cmpuint (end, ==, old_end);
      return;
    }

  g_assert_true (snapped);
  g_assert_cmpmem (c->text + start, end - start, c->expected, strlen (c->expected));
}

/* Offsets inside a UTF-8 sequence, swapped ends, a range past the text, an explicit length. */
static void
test_edges (void)
{
  const char *text = "Ortúzar spoke";
  gsize u = strstr (text, "ú") - text;
  gsize start, end;

  /* Inside the two bytes of "ú": still the whole word, and valid UTF-8. */
  start = u + 1;
  end = u + 1;
  g_assert_true (am_word_snap (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, strlen ("Ortúzar"));

  /* Swapped ends are put in order. */
  start = strlen (text) - 2;
  end = 1;
  g_assert_true (am_word_snap (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, strlen (text));

  /* Past the end: refused, untouched. */
  start = 0;
  end = strlen (text) + 1;
  g_assert_false (am_word_snap (text, -1, &start, &end));
  g_assert_cmpuint (end, ==, strlen (text) + 1);

  /* @length cuts the text: "Ortúzar sp" ends the word at the cut. */
  start = strlen ("Ortúzar s");
  end = start;
  g_assert_true (am_word_snap (text, strlen ("Ortúzar sp"), &start, &end));
  g_assert_cmpuint (start, ==, strlen ("Ortúzar "));
  g_assert_cmpuint (end, ==, strlen ("Ortúzar sp"));

  /* Empty text. */
  start = end = 0;
  g_assert_false (am_word_snap ("", -1, &start, &end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/WordSnap/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/Actormap/WordSnap/edges", test_edges);

  return g_test_run ();
}
