/* test-view.c — the view layer: dates, the view value and its text form, validation,
 * filters, focus, every shortest path, time, groups, collapse and the derived scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <string.h>

#include "am-layout.h"
#include "am-view.h"
#include "test-documents.h"
#include "view-fixtures.h"

/* ---- Dates --------------------------------------------------------------------------- */

static guint32
julian (guint d,
        guint m,
        guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static void
test_date_parse (void)
{
  AmDateRange r;

  g_assert_true (am_date_range_parse ("2021", &r));
  g_assert_cmpuint (r.first, ==, julian (1, 1, 2021));
  g_assert_cmpuint (r.last, ==, julian (31, 12, 2021));
  g_assert_true (am_date_range_parse ("2021-03", &r));
  g_assert_cmpuint (r.first, ==, julian (1, 3, 2021));
  g_assert_cmpuint (r.last, ==, julian (31, 3, 2021));
  g_assert_true (am_date_range_parse ("2020-02", &r));
  g_assert_cmpuint (r.last, ==, julian (29, 2, 2020));
  g_assert_true (am_date_range_parse ("2021-02", &r));
  g_assert_cmpuint (r.last, ==, julian (28, 2, 2021));
  g_assert_true (am_date_range_parse ("2021-03-16", &r));
  g_assert_cmpuint (r.first, ==, julian (16, 3, 2021));
  g_assert_cmpuint (r.last, ==, r.first);
  g_assert_true (am_date_range_parse ("2020-02-29", &r));
  g_assert_true (am_date_range_parse ("0001", &r));
  g_assert_true (am_date_range_parse ("9999-12-31", &r));
}

static void
test_date_bad (void)
{
  const char *bad[] = {
    "", "21", "202", "20211", "2021-3", "2021-13", "2021-00", "2021-02-30", "2021-02-29",
    "2021-04-31", "2021-03-00", "2021-03-1x", "2021/03/16", "0000", "-2021", "2021-03-16T",
    "16-03-2021", " 2021", "2021 ", "２０２１", "2021-03-16x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      AmDateRange r = { 7, 9 };

      if (am_date_range_parse (bad[i], &r))
        g_error ("'%s' parsed as a date", bad[i]);
      /* Left untouched. */
      g_assert_cmpuint (r.first, ==, 7);
      g_assert_cmpuint (r.last, ==, 9);
    }
  {
    AmDateRange r = { 7, 9 };

    g_assert_false (am_date_range_parse (NULL, &r));
  }
}

static gboolean
overlaps (const char *a,
          const char *b)
{
  AmDateRange ra, rb;

  g_assert_true (am_date_range_parse (a, &ra));
  g_assert_true (am_date_range_parse (b, &rb));
  g_assert_cmpint (am_date_range_overlaps (&ra, &rb), ==, am_date_range_overlaps (&rb, &ra));
  return am_date_range_overlaps (&ra, &rb);
}

static void
test_date_overlap (void)
{
  g_assert_true (overlaps ("2021-03", "2021-03-16"));     /* a month, a day inside it */
  g_assert_true (overlaps ("2021", "2021-03"));           /* a year, a month inside it */
  g_assert_true (overlaps ("2021", "2021-12-31"));
  g_assert_true (overlaps ("2021-03-16", "2021-03-16"));
  g_assert_false (overlaps ("2021-03", "2021-04-01"));    /* the day after the month */
  g_assert_false (overlaps ("2021-03", "2021-02-28"));
  g_assert_false (overlaps ("2020", "2021-01"));
  g_assert_false (overlaps ("2021-03-16", "2021-03-17"));
  g_assert_true (overlaps ("2019", "2019-02-28"));
}

/* ---- The view value ------------------------------------------------------------------ */

static void
test_value_defaults (void)
{
  g_autoptr(AmView) view = am_view_new ();
  g_auto(GStrv) kinds = am_view_dup_hidden_kinds (view);

  g_assert_true (am_view_is_whole_map (view));
  g_assert_null (am_view_get_focus (view));
  g_assert_cmpuint (am_view_get_depth (view), ==, 1);
  g_assert_cmpint (am_view_get_direction (view), ==, AM_VIEW_DIRECTION_BOTH);
  g_assert_null (am_view_get_path_from (view));
  g_assert_false (am_view_get_path_hide_others (view));
  g_assert_true (am_view_get_keep_undated (view));
  g_assert_false (am_view_has_time_range (view));
  g_assert_nonnull (kinds);
  g_assert_null (kinds[0]);
}

static void
test_value_setters (void)
{
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmView) copy = NULL;
  const char *focus[] = { "b", "a", "b", "", NULL };
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) collapsed = NULL;

  am_view_set_kind_hidden (view, "state", TRUE);
  am_view_set_kind_hidden (view, "event", TRUE);
  am_view_set_kind_hidden (view, "place", TRUE);
  am_view_set_kind_hidden (view, "place", FALSE);
  g_assert_true (am_view_get_kind_hidden (view, "state"));
  g_assert_false (am_view_get_kind_hidden (view, "place"));
  kinds = am_view_dup_hidden_kinds (view);
  g_assert_cmpstrv (kinds, ((const char *[]) { "event", "state", NULL }));
  g_assert_false (am_view_is_whole_map (view));
  am_view_clear_filters (view);
  g_assert_true (am_view_is_whole_map (view));

  /* Repeated and empty ids are dropped; depth is clamped. */
  am_view_set_focus (view, focus, 7, AM_VIEW_DIRECTION_OUT);
  g_assert_cmpstrv (am_view_get_focus (view), ((const char *[]) { "b", "a", NULL }));
  g_assert_cmpuint (am_view_get_depth (view), ==, 3);
  g_assert_cmpint (am_view_get_direction (view), ==, AM_VIEW_DIRECTION_OUT);
  am_view_set_focus (view, focus, 0, AM_VIEW_DIRECTION_IN);
  g_assert_cmpuint (am_view_get_depth (view), ==, 1);
  am_view_set_focus (view, NULL, 2, AM_VIEW_DIRECTION_IN);
  g_assert_null (am_view_get_focus (view));
  g_assert_cmpuint (am_view_get_depth (view), ==, 1);
  g_assert_cmpint (am_view_get_direction (view), ==, AM_VIEW_DIRECTION_BOTH);
  g_assert_true (am_view_is_whole_map (view));

  am_view_set_path (view, "a", "b", TRUE);
  g_assert_cmpstr (am_view_get_path_from (view), ==, "a");
  g_assert_cmpstr (am_view_get_path_to (view), ==, "b");
  g_assert_true (am_view_get_path_hide_others (view));
  am_view_set_path (view, NULL, NULL, TRUE);
  g_assert_null (am_view_get_path_from (view));
  g_assert_false (am_view_get_path_hide_others (view));

  am_view_set_time_range (view, "2021", "", TRUE);
  g_assert_cmpstr (am_view_get_time_from (view), ==, "2021");
  g_assert_null (am_view_get_time_to (view));
  g_assert_true (am_view_has_time_range (view));
  am_view_set_time_range (view, NULL, NULL, FALSE);
  g_assert_false (am_view_has_time_range (view));
  /* Leaving out undated items is a view of its own. */
  g_assert_false (am_view_is_whole_map (view));
  am_view_set_time_range (view, NULL, NULL, TRUE);

  am_view_set_collapsed (view, "us", TRUE);
  am_view_set_collapsed (view, "north-korea", TRUE);
  collapsed = am_view_dup_collapsed (view);
  g_assert_cmpstrv (collapsed, ((const char *[]) { "north-korea", "us", NULL }));
  g_assert_true (am_view_get_collapsed (view, "us"));
  g_assert_false (am_view_get_collapsed (view, "china"));

  copy = am_view_copy (view);
  g_assert_true (am_view_equal (view, copy));
  am_view_set_collapsed (copy, "us", FALSE);
  g_assert_false (am_view_equal (view, copy));
  g_assert_true (am_view_get_collapsed (view, "us"));
}

static void
assert_round_trip (AmView *view)
{
  g_autofree char *text = am_view_to_string (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmView) back = am_view_from_string (text, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_null (strchr (text, '\n'));
  if (!am_view_equal (view, back))
    g_error ("'%s' did not round-trip", text);
  again = am_view_to_string (back);
  g_assert_cmpstr (text, ==, again);
}

static void
test_string_round_trip (void)
{
  g_autoptr(AmView) view = am_view_new ();
  const char *focus[] = { "kim;yo=jong", "a,b", "100%", "Ünïcode id", NULL };
  g_autofree char *whole = am_view_to_string (view);

  g_assert_cmpstr (whole, ==, "v=1");
  assert_round_trip (view);

  am_view_set_kind_hidden (view, "state", TRUE);
  am_view_set_kind_hidden (view, "", TRUE);
  am_view_set_type_hidden (view, "role,membership", TRUE);
  assert_round_trip (view);
  am_view_set_focus (view, focus, 2, AM_VIEW_DIRECTION_IN);
  assert_round_trip (view);
  am_view_set_path (view, "x;y", "z=w", TRUE);
  assert_round_trip (view);
  am_view_set_path (view, "p", "q", FALSE);
  assert_round_trip (view);
  am_view_set_time_range (view, "2021-03", NULL, FALSE);
  assert_round_trip (view);
  am_view_set_time_range (view, NULL, "2021-03-18", TRUE);
  assert_round_trip (view);
  am_view_set_time_range (view, "not a date", "2021", TRUE);   /* kept as given */
  assert_round_trip (view);
  am_view_set_collapsed (view, "north-korea", TRUE);
  am_view_set_collapsed (view, "us", TRUE);
  assert_round_trip (view);
}

static void
test_string_errors (void)
{
  const char *bad[] = {
    "", "v=2", "v=1x", "hide-kinds=state", "v=1;colour=red", "v=1;focus=a;focus=b",
    "v=1;focus=a;depth=4", "v=1;focus=a;depth=0", "v=1;focus=a;depth=two",
    "v=1;focus=a;direction=up", "v=1;depth=2", "v=1;path-from=a", "v=1;path-to=b",
    "v=1;hide-others=1", "v=1;path-from=a;path-to=b;hide-others=yes", "v=1;keep-undated=2",
    "v=1;from=%zz", "v=1;focus=a%00b", "v=1;novalue", "v=1;=x", "v=1;from=%FF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmView) view = am_view_from_string (bad[i], &error);

      if (view != NULL)
        g_error ("'%s' was read as a view", bad[i]);
      g_assert_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_PARSE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AmView) view = am_view_from_string ("v=1;colour=red", &error);

    g_assert_null (view);
    g_assert_nonnull (strstr (error->message, "colour"));
  }
}

/* ---- Validation ---------------------------------------------------------------------- */

static void
assert_invalid (AmView     *view,
                AmDocument *document,
                int         code,
                const char *named)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (am_view_validate (view, document, &error));
  g_assert_error (error, AM_VIEW_ERROR, code);
  if (strstr (error->message, named) == NULL)
    g_error ("'%s' does not name '%s'", error->message, named);
}

static void
test_validate (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(GError) error = NULL;
  const char *good[] = { "kim-yo-jong", NULL };
  const char *typo[] = { "kim-yo-jong", "kim-yo-jongg", NULL };

  g_assert_true (am_view_validate (view, document, &error));
  g_assert_no_error (error);

  am_view_set_focus (view, good, 2, AM_VIEW_DIRECTION_BOTH);
  am_view_set_kind_hidden (view, "event", TRUE);
  am_view_set_type_hidden (view, "visit", TRUE);
  am_view_set_time_range (view, "2019", "2021-03", TRUE);
  am_view_set_collapsed (view, "north-korea", TRUE);
  g_assert_true (am_view_validate (view, document, &error));
  g_assert_no_error (error);

  am_view_set_focus (view, typo, 1, AM_VIEW_DIRECTION_BOTH);
  assert_invalid (view, document, AM_VIEW_ERROR_UNKNOWN_ID, "'kim-yo-jongg'");
  am_view_set_focus (view, good, 4, AM_VIEW_DIRECTION_BOTH);
  assert_invalid (view, document, AM_VIEW_ERROR_BAD_DEPTH, "4");
  am_view_set_focus (view, good, 0, AM_VIEW_DIRECTION_BOTH);
  assert_invalid (view, document, AM_VIEW_ERROR_BAD_DEPTH, "0");
  am_view_set_focus (view, NULL, 1, AM_VIEW_DIRECTION_BOTH);

  am_view_set_path (view, "kim-yo-jong", "joe-bidden", FALSE);
  assert_invalid (view, document, AM_VIEW_ERROR_UNKNOWN_ID, "'joe-bidden'");
  am_view_set_path (view, NULL, NULL, FALSE);

  am_view_set_kind_hidden (view, "planet", TRUE);
  assert_invalid (view, document, AM_VIEW_ERROR_UNKNOWN_KIND, "'planet'");
  am_view_set_kind_hidden (view, "planet", FALSE);
  am_view_set_type_hidden (view, "friendship", TRUE);
  assert_invalid (view, document, AM_VIEW_ERROR_UNKNOWN_TYPE, "'friendship'");
  am_view_set_type_hidden (view, "friendship", FALSE);

  am_view_set_time_range (view, "2021-02-30", NULL, TRUE);
  assert_invalid (view, document, AM_VIEW_ERROR_BAD_DATE, "'2021-02-30'");
  am_view_set_time_range (view, "2021", "18/03/2021", TRUE);
  assert_invalid (view, document, AM_VIEW_ERROR_BAD_DATE, "'18/03/2021'");
  am_view_set_time_range (view, "2021-04", "2021-03", TRUE);
  assert_invalid (view, document, AM_VIEW_ERROR_BAD_RANGE, "'2021-04'");
  /* A month and a day inside it: from's first day is before to's last. */
  am_view_set_time_range (view, "2021-03", "2021-03-01", TRUE);
  g_assert_true (am_view_validate (view, document, NULL));
  am_view_set_time_range (view, NULL, NULL, TRUE);

  am_view_set_collapsed (view, "atlantis", TRUE);
  assert_invalid (view, document, AM_VIEW_ERROR_UNKNOWN_GROUP, "'atlantis'");
  am_view_set_collapsed (view, "atlantis", FALSE);

  /* No path once the filters hide what joins them. */
  am_view_set_kind_hidden (view, "organization", TRUE);
  am_view_set_kind_hidden (view, "state", TRUE);
  am_view_set_kind_hidden (view, "event", FALSE);
  am_view_set_type_hidden (view, "visit", FALSE);
  am_view_set_path (view, "kim-yo-jong", "joe-biden", FALSE);
  am_view_set_kind_hidden (view, "event", TRUE);
  am_view_set_kind_hidden (view, "other", TRUE);
  am_view_set_kind_hidden (view, "place", TRUE);
  am_view_set_kind_hidden (view, "media", TRUE);
  am_view_set_collapsed (view, "north-korea", FALSE);
  /* kim-yo-jong – kim-jong-un – donald-trump – joe-biden remains: people only. */
  g_assert_true (am_view_validate (view, document, NULL));
  am_view_set_path (view, "kim-yo-jong", "moon-jae-in", FALSE);
  assert_invalid (view, document, AM_VIEW_ERROR_NO_PATH, "'moon-jae-in'");
}

/* ---- Filters ------------------------------------------------------------------------- */

static void
test_filters (void)
{
  g_autoptr(AmDocument) document = view_fixture_document (
      "a:person b:state c:event d:person",
      "r1:a>b:role r2:b>c:visit r3:a>d:meeting r4:c-d:meeting r5:d>a",
      "s1:a:2021 s2:c");
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) whole = am_view_apply (view, document, NULL);
  g_autoptr(AmViewResult) result = NULL;

  g_assert_true (am_view_result_is_whole_map (whole));
  view_fixture_assert_visible (whole, "a b c d r1 r2 r3 r4 r5 s1 s2");
  g_assert_cmpuint (am_view_result_get_n_visible_entities (whole), ==, 4);
  g_assert_cmpuint (am_view_result_get_n_visible_relations (whole), ==, 5);
  g_assert_null (am_view_result_get_emphasis (whole));

  /* A hidden kind takes its relations and statements with it. */
  am_view_set_kind_hidden (view, "event", TRUE);
  result = am_view_apply (view, document, NULL);
  g_assert_false (am_view_result_is_whole_map (result));
  view_fixture_assert_visible (result, "a b d r1 r3 r5 s1");
  g_assert_true (am_view_result_is_visible (result, "a"));
  g_assert_false (am_view_result_is_visible (result, "c"));
  g_assert_false (am_view_result_is_visible (result, "nonexistent"));
  g_assert_cmpuint (am_view_result_get_n_visible_entities (result), ==, 3);
  g_assert_cmpuint (am_view_result_get_n_visible_relations (result), ==, 3);
  g_clear_pointer (&result, am_view_result_unref);

  /* A hidden type hides only those relations; a relation without a type stays. */
  am_view_clear_filters (view);
  am_view_set_type_hidden (view, "meeting", TRUE);
  result = am_view_apply (view, document, NULL);
  view_fixture_assert_visible (result, "a b c d r1 r2 r5 s1 s2");
  g_clear_pointer (&result, am_view_result_unref);

  /* Kinds and types the document does not have are ignored. */
  am_view_clear_filters (view);
  am_view_set_kind_hidden (view, "planet", TRUE);
  am_view_set_type_hidden (view, "friendship", TRUE);
  result = am_view_apply (view, document, NULL);
  view_fixture_assert_visible (result, "a b c d r1 r2 r3 r4 r5 s1 s2");
  g_assert_true (am_view_result_get_view (result) != view);
  g_assert_true (am_view_equal (am_view_result_get_view (result), view));
}

/* ---- Focus --------------------------------------------------------------------------- */

/* A chain a → b → c → d → e, f – b undirected, g → a, and h alone. */
static AmDocument *
chain_document (void)
{
  return view_fixture_document ("a b c d e f g h",
                                "ab:a>b bc:b>c cd:c>d de:d>e fb:f-b ga:g>a", "sa:a sc:c sh:h");
}

static void
assert_focus (AmDocument      *document,
              const char      *ids,
              guint            depth,
              AmViewDirection  direction,
              const char      *expected)
{
  g_autoptr(AmView) view = am_view_new ();
  g_auto(GStrv) focus = g_strsplit (ids, " ", -1);
  g_autoptr(AmViewResult) result = NULL;

  am_view_set_focus (view, (const char * const *) focus, depth, direction);
  result = am_view_apply (view, document, NULL);
  view_fixture_assert_visible (result, expected);
}

static void
test_focus (void)
{
  g_autoptr(AmDocument) document = chain_document ();

  assert_focus (document, "c", 1, AM_VIEW_DIRECTION_BOTH, "b c d bc cd sc");
  assert_focus (document, "c", 2, AM_VIEW_DIRECTION_BOTH, "a b c d e f ab bc cd de fb sa sc");
  assert_focus (document, "c", 3, AM_VIEW_DIRECTION_BOTH,
                "a b c d e f g ab bc cd de fb ga sa sc");
  assert_focus (document, "c", 1, AM_VIEW_DIRECTION_OUT, "c d cd sc");
  assert_focus (document, "c", 2, AM_VIEW_DIRECTION_OUT, "c d e cd de sc");
  assert_focus (document, "c", 1, AM_VIEW_DIRECTION_IN, "b c bc sc");
  /* The undirected tie counts both ways whatever the direction. */
  assert_focus (document, "c", 2, AM_VIEW_DIRECTION_IN, "a b c f ab bc fb sa sc");
  assert_focus (document, "f", 1, AM_VIEW_DIRECTION_OUT, "b f fb");
  assert_focus (document, "f", 2, AM_VIEW_DIRECTION_OUT, "b c f bc fb sc");
  assert_focus (document, "f", 2, AM_VIEW_DIRECTION_IN, "a b f ab fb sa");
  /* Several actors; an unknown id among them is ignored. */
  assert_focus (document, "a e nobody", 1, AM_VIEW_DIRECTION_BOTH, "a b d e g ab de ga sa");
  assert_focus (document, "h", 3, AM_VIEW_DIRECTION_BOTH, "h sh");
  /* Nothing the focus names is there: no focus applies. */
  assert_focus (document, "nobody", 1, AM_VIEW_DIRECTION_BOTH,
                "a b c d e f g h ab bc cd de fb ga sa sc sh");
}

static void
test_focus_after_filters (void)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmView) view = am_view_new ();
  const char *focus[] = { "a", NULL };
  g_autoptr(AmViewResult) result = NULL;

  /* The search runs over what the filters leave: with b's kind hidden, a reaches only g. */
  document = view_fixture_document ("a b:state c d g", "ab:a>b bc:b>c ac:a>c:hidden ga:g>a",
                                    NULL);
  am_view_set_kind_hidden (view, "state", TRUE);
  am_view_set_type_hidden (view, "hidden", TRUE);
  am_view_set_focus (view, focus, 3, AM_VIEW_DIRECTION_BOTH);
  result = am_view_apply (view, document, NULL);
  view_fixture_assert_visible (result, "a g ga");
}

/* ---- Paths --------------------------------------------------------------------------- */

static AmViewResult *
apply_path (AmDocument *document,
            const char *from,
            const char *to,
            gboolean    hide_others)
{
  g_autoptr(AmView) view = am_view_new ();

  am_view_set_path (view, from, to, hide_others);
  return am_view_apply (view, document, NULL);
}

/* The path as "a -r1-> b <-r2- c". */
static char *
path_string (const AmViewPath *path)
{
  GString *out = g_string_new (path->n_steps > 0 ? path->steps[0].from : "");

  for (guint s = 0; s < path->n_steps; s++)
    {
      const AmViewStep *step = &path->steps[s];

      if (s > 0)
        g_assert_cmpstr (step->from, ==, path->steps[s - 1].to);
      g_string_append_printf (out, step->forward ? " -%s-> %s" : " <-%s- %s",
                              step->relation_id, step->to);
    }
  return g_string_free (out, FALSE);
}

static void
assert_paths (AmViewResult       *result,
              const char * const *expected)
{
  guint n = g_strv_length ((GStrv) expected);

  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, n);
  g_assert_cmpuint (am_view_result_get_n_shortest_paths (result), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = path_string (am_view_result_get_path (result, i));

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static void
assert_emphasis (AmViewResult *result,
                 const char   *expected)
{
  GHashTable *emphasis = am_view_result_get_emphasis (result);
  g_auto(GStrv) want = g_strsplit (expected, " ", -1);
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (emphasis);
  for (guint i = 0; want[i] != NULL; i++)
    if (want[i][0] != '\0' && !g_hash_table_contains (emphasis, want[i]))
      g_error ("'%s' should be emphasised", want[i]);
  g_hash_table_iter_init (&iter, emphasis);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_strv_contains ((const char * const *) want, key))
      g_error ("'%s' should not be emphasised", (const char *) key);
}

static void
test_path_diamond (void)
{
  /* a → b → d and a → c → d (c – d undirected), plus a longer way a → e → f → d. */
  g_autoptr(AmDocument) document = view_fixture_document (
      "a b c d e f x", "ab:a>b bd:b>d ac:a>c cd:c-d ae:a>e ef:e>f fd:f>d", "sx:x");
  g_autoptr(AmViewResult) result = apply_path (document, "a", "d", FALSE);

  assert_paths (result, (const char *[]) { "a -ab-> b -bd-> d", "a -ac-> c -cd-> d", NULL });
  assert_emphasis (result, "a b c d ab bd ac cd");
  /* Dimmed, not hidden. */
  view_fixture_assert_visible (result, "a b c d e f x ab bd ac cd ae ef fd sx");
  g_clear_pointer (&result, am_view_result_unref);

  /* The other way round: steps against the relations' direction say so. */
  result = apply_path (document, "d", "a", TRUE);
  assert_paths (result, (const char *[]) { "d <-bd- b <-ab- a", "d <-cd- c <-ac- a", NULL });
  view_fixture_assert_visible (result, "a b c d ab bd ac cd");
}

static void
test_path_three_and_parallel (void)
{
  /* Three middles, and two parallel relations between s and m2. */
  g_autoptr(AmDocument) document = view_fixture_document (
      "s m1 m2 m3 t", "s1:s>m1 s2:s>m2 s2b:m2>s s3:s>m3 t1:m1>t t2:m2>t t3:m3>t st:s>m3", NULL);
  g_autoptr(AmViewResult) result = apply_path (document, "s", "t", TRUE);

  assert_paths (result, (const char *[]) {
      "s -s1-> m1 -t1-> t",
      "s -s2-> m2 -t2-> t",
      "s <-s2b- m2 -t2-> t",
      "s -s3-> m3 -t3-> t",
      "s -st-> m3 -t3-> t",
      NULL });
  assert_emphasis (result, "s m1 m2 m3 t s1 s2 s2b s3 st t1 t2 t3");
}

static void
test_path_not_connected (void)
{
  g_autoptr(AmDocument) document = view_fixture_document ("a b c d", "ab:a>b cd:c>d", NULL);
  g_autoptr(AmViewResult) result = apply_path (document, "a", "d", FALSE);

  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, 0);
  g_assert_cmpuint (am_view_result_get_n_shortest_paths (result), ==, 0);
  assert_emphasis (result, "");
  view_fixture_assert_visible (result, "a b c d ab cd");
  g_clear_pointer (&result, am_view_result_unref);

  result = apply_path (document, "a", "d", TRUE);
  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, 0);
  view_fixture_assert_visible (result, "a d");
  g_clear_pointer (&result, am_view_result_unref);

  /* An unknown end: no path, nothing else changes. */
  result = apply_path (document, "a", "zz", FALSE);
  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, 0);
  view_fixture_assert_visible (result, "a b c d ab cd");
  g_clear_pointer (&result, am_view_result_unref);

  /* From an actor to itself: one path of no step. */
  result = apply_path (document, "a", "a", TRUE);
  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, 1);
  g_assert_cmpuint (am_view_result_get_path (result, 0)->n_steps, ==, 0);
  view_fixture_assert_visible (result, "a");
}

static void
test_path_many (void)
{
  /* 10 layers of 2 parallel relations: 2^10 shortest paths, 64 listed, all emphasised. */
  g_autoptr(GString) entities = g_string_new ("n0");
  g_autoptr(GString) relations = g_string_new (NULL);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmViewResult) result = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  for (guint i = 1; i <= 10; i++)
    {
      g_string_append_printf (entities, " n%u", i);
      g_string_append_printf (relations, "%sa%02u:n%u>n%u b%02u:n%u>n%u", i > 1 ? " " : "",
                              i, i - 1, i, i, i - 1, i);
    }
  document = view_fixture_document (entities->str, relations->str, NULL);
  result = apply_path (document, "n0", "n10", FALSE);
  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, AM_VIEW_MAX_PATHS);
  g_assert_cmpuint (am_view_result_get_n_shortest_paths (result), ==, 1024);
  g_assert_cmpuint (g_hash_table_size (am_view_result_get_emphasis (result)), ==, 11 + 20);
  /* Stable order: first all a's, the last listed ends with b's after 4 a's. */
  first = path_string (am_view_result_get_path (result, 0));
  g_assert_cmpstr (first, ==, "n0 -a01-> n1 -a02-> n2 -a03-> n3 -a04-> n4 -a05-> n5 -a06-> n6 "
                              "-a07-> n7 -a08-> n8 -a09-> n9 -a10-> n10");
  last = path_string (am_view_result_get_path (result, AM_VIEW_MAX_PATHS - 1));
  g_assert_cmpstr (last, ==, "n0 -a01-> n1 -a02-> n2 -a03-> n3 -a04-> n4 -b05-> n5 -b06-> n6 "
                             "-b07-> n7 -b08-> n8 -b09-> n9 -b10-> n10");
}

static void
test_path_after_focus (void)
{
  /* The path searches what the focus left: within 1 of a, the way a – b – d is gone. */
  g_autoptr(AmDocument) document = view_fixture_document ("a b c d", "ab:a>b bd:b>d ac:a>c",
                                                          NULL);
  g_autoptr(AmView) view = am_view_new ();
  const char *focus[] = { "a", NULL };
  g_autoptr(AmViewResult) result = NULL;

  am_view_set_focus (view, focus, 1, AM_VIEW_DIRECTION_BOTH);
  am_view_set_path (view, "c", "b", FALSE);
  result = am_view_apply (view, document, NULL);
  assert_paths (result, (const char *[]) { "c <-ac- a -ab-> b", NULL });
  view_fixture_assert_visible (result, "a b c ab ac");
}

/* ---- Time ---------------------------------------------------------------------------- */

static AmViewResult *
apply_time (AmDocument *document,
            const char *from,
            const char *to,
            gboolean    keep_undated)
{
  g_autoptr(AmView) view = am_view_new ();

  am_view_set_time_range (view, from, to, keep_undated);
  return am_view_apply (view, document, NULL);
}

static void
test_time (void)
{
  /* Mixed precision: a year, a month, days, a date-time; u has no dated item at all;
   * s – t are joined only by an undated relation but s spoke in March. */
  g_autoptr(AmDocument) document = view_fixture_document (
      "a b c d e u v s t",
      "y:a>b::2019 m:b>c::2021-03 d16:c>d::2021-03-16 d18:d>e::2021-03-18T09:30:00+09:00 "
      "uv:u>v st:s>t",
      "sa:a:2021-03-16 ss:s:2021-03 sn:b");
  g_autoptr(AmViewResult) result = NULL;

  /* A day inside the month: the month's relation overlaps it. */
  result = apply_time (document, "2021-03-16", "2021-03-16", TRUE);
  view_fixture_assert_visible (result, "a b c d u v s t m d16 uv st sa ss sn");
  g_clear_pointer (&result, am_view_result_unref);

  result = apply_time (document, "2021-03-16", "2021-03-16", FALSE);
  /* a is shown through its statement; s through its statement; undated items go. */
  view_fixture_assert_visible (result, "a b c d s m d16 sa ss");
  g_clear_pointer (&result, am_view_result_unref);

  /* Month precision at the ends: from March 17 to the end of March. */
  result = apply_time (document, "2021-03-17", "2021-03", FALSE);
  view_fixture_assert_visible (result, "b c d e s m d18 ss");
  g_clear_pointer (&result, am_view_result_unref);

  /* An open start; a year. */
  result = apply_time (document, NULL, "2020", FALSE);
  view_fixture_assert_visible (result, "a b y");
  g_clear_pointer (&result, am_view_result_unref);

  result = apply_time (document, "2019", "2019", TRUE);
  view_fixture_assert_visible (result, "a b u v s t y uv st sn");
  g_clear_pointer (&result, am_view_result_unref);

  /* No range, undated left out: every dated item stays. */
  result = apply_time (document, NULL, NULL, FALSE);
  view_fixture_assert_visible (result, "a b c d e s y m d16 d18 sa ss");
  g_clear_pointer (&result, am_view_result_unref);

  /* Unparsable ends are open (the caller validates them). */
  result = apply_time (document, "someday", "2019", FALSE);
  view_fixture_assert_visible (result, "a b y");
}

/* ---- Groups -------------------------------------------------------------------------- */

static void
test_groups_bundled (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmGroups) groups = am_groups_compute (document);
  gint nk, us;
  GHashTable *map;

  g_assert_cmpstr (am_groups_lookup (groups, "kim-jong-un"), ==, "north-korea");
  g_assert_cmpstr (am_groups_lookup (groups, "choe-son-hui"), ==, "north-korea");
  g_assert_cmpstr (am_groups_lookup (groups, "nk-foreign-ministry"), ==, "north-korea");
  g_assert_cmpstr (am_groups_lookup (groups, "north-korea"), ==, "north-korea");
  g_assert_cmpstr (am_groups_lookup (groups, "antony-blinken"), ==, "us");
  g_assert_cmpstr (am_groups_lookup (groups, "joe-biden"), ==, "us");
  g_assert_cmpstr (am_groups_lookup (groups, "moon-jae-in"), ==, "south-korea");
  /* Family and advice are not belonging; a place and a state without members are none. */
  g_assert_null (am_groups_lookup (groups, "kim-yo-jong"));
  g_assert_null (am_groups_lookup (groups, "china"));
  g_assert_null (am_groups_lookup (groups, "seoul"));
  g_assert_null (am_groups_lookup (groups, "nobody"));

  g_assert_cmpuint (am_groups_get_n_groups (groups), ==, 3);
  g_assert_cmpstr (am_groups_get_id (groups, 0), ==, "north-korea");
  g_assert_cmpstr (am_groups_get_id (groups, 1), ==, "south-korea");
  g_assert_cmpstr (am_groups_get_id (groups, 2), ==, "us");
  nk = am_groups_find (groups, "north-korea");
  us = am_groups_find (groups, "us");
  g_assert_cmpint (nk, ==, 0);
  g_assert_cmpint (am_groups_find (groups, "atlantis"), ==, -1);
  g_assert_cmpstr (am_groups_get_head (groups, (guint) nk), ==, "north-korea");
  g_assert_cmpstr (am_groups_get_label (groups, (guint) nk), ==, "North Korea");
  g_assert_cmpstrv (am_groups_get_members (groups, (guint) nk),
                    ((const char *[]) { "choe-son-hui", "kim-jong-un", "nk-foreign-ministry",
                                        "north-korea", NULL }));
  g_assert_cmpstrv (am_groups_get_members (groups, (guint) us),
                    ((const char *[]) { "antony-blinken", "donald-trump", "joe-biden",
                                        "lloyd-austin", "pentagon", "state-department", "us",
                                        "us-administration", NULL }));
  map = am_groups_get_map (groups);
  g_assert_cmpuint (g_hash_table_size (map), ==, 4 + 8 + 2);
  g_assert_cmpstr (g_hash_table_lookup (map, "lloyd-austin"), ==, "us");
}

static void
test_groups_explicit (void)
{
  /* An explicit group wins over a role tie; a group with an entity of its id has it as
   * head; a one-member explicit group is a group; a cycle of membership ends at its
   * smallest id. */
  g_autoptr(AmDocument) document = view_fixture_document (
      "p1:person:band p2:person:band org:organization q:person:solo st:state "
      "cy1:organization cy2:organization m:person band:organization",
      "r1:p1>org:role r2:org>st:membership c1:cy1>cy2:membership c2:cy2>cy1:membership "
      "r3:m>cy2:role r4:q>st:role",
      NULL);
  g_autoptr(AmGroups) groups = am_groups_compute (document);
  gint band, solo, cy;

  g_assert_cmpstr (am_groups_lookup (groups, "p1"), ==, "band");
  g_assert_cmpstr (am_groups_lookup (groups, "p2"), ==, "band");
  g_assert_cmpstr (am_groups_lookup (groups, "q"), ==, "solo");
  g_assert_cmpstr (am_groups_lookup (groups, "org"), ==, "st");
  g_assert_cmpstr (am_groups_lookup (groups, "st"), ==, "st");
  g_assert_cmpstr (am_groups_lookup (groups, "cy1"), ==, "cy1");
  g_assert_cmpstr (am_groups_lookup (groups, "cy2"), ==, "cy1");
  g_assert_cmpstr (am_groups_lookup (groups, "m"), ==, "cy1");
  /* The entity "band" heads the explicit group of its id, as a member. */
  g_assert_cmpstr (am_groups_lookup (groups, "band"), ==, "band");
  band = am_groups_find (groups, "band");
  solo = am_groups_find (groups, "solo");
  cy = am_groups_find (groups, "cy1");
  g_assert_cmpint (band, >=, 0);
  g_assert_cmpstr (am_groups_get_head (groups, (guint) band), ==, "band");
  g_assert_cmpstrv (am_groups_get_members (groups, (guint) band),
                    ((const char *[]) { "band", "p1", "p2", NULL }));
  g_assert_null (am_groups_get_head (groups, (guint) solo));
  g_assert_cmpstr (am_groups_get_label (groups, (guint) solo), ==, "solo");
  g_assert_cmpstrv (am_groups_get_members (groups, (guint) solo),
                    ((const char *[]) { "q", NULL }));
  g_assert_cmpstrv (am_groups_get_members (groups, (guint) cy),
                    ((const char *[]) { "cy1", "cy2", "m", NULL }));
}

/* ---- Collapse and the derived scene ---------------------------------------------------- */

static double
box_x (const AmScene *scene,
       const char    *id)
{
  gint index = am_scene_find_node (scene, id);

  g_assert_cmpint (index, >=, 0);
  return am_scene_get_node (scene, (guint) index)->box.x;
}

static void
test_collapse (void)
{
  /* Group g = {p, q, g} (p and q have roles in state g); x and y outside. */
  g_autoptr(AmDocument) document = view_fixture_document (
      "g:state p q x y:organization",
      "pg:p>g:role qg:q>g:role pq:p>q:family px:p>x:meeting qx:q>x:hostility "
      "xq:x>q:meeting gy:g-y:alliance yp:y-p:alliance xy:x>y",
      NULL);
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmGroups) groups = am_groups_compute (document);
  g_autoptr(AmViewResult) result = NULL;
  const char * const *merged;

  g_assert_cmpint (am_groups_find (groups, "g"), ==, 0);
  am_view_set_collapsed (view, "g", TRUE);
  am_view_set_collapsed (view, "nowhere", TRUE);   /* ignored */
  result = am_view_apply (view, document, groups);
  g_assert_false (am_view_result_is_whole_map (result));
  /* Members stay visible (the lists show them); the scene draws them as one node. */
  view_fixture_assert_visible (result, "g p q x y pg qg pq px qx xq gy yp xy");
  g_assert_cmpstr (am_view_result_get_collapsed_group (result, "p"), ==, "g");
  g_assert_cmpstr (am_view_result_get_collapsed_group (result, "g"), ==, "g");
  g_assert_null (am_view_result_get_collapsed_group (result, "x"));

  merged = am_view_result_get_merged (result, "merged:group:g->x");
  g_assert_nonnull (merged);
  g_assert_cmpstrv (merged, ((const char *[]) { "px", "qx", NULL }));
  merged = am_view_result_get_merged (result, "merged:x->group:g");
  g_assert_cmpstrv (merged, ((const char *[]) { "xq", NULL }));
  merged = am_view_result_get_merged (result, "merged:group:g--y");
  g_assert_cmpstrv (merged, ((const char *[]) { "gy", "yp", NULL }));
  g_assert_null (am_view_result_get_merged (result, "xy"));
  g_assert_null (am_view_result_get_merged (result, "merged:nothing"));
  g_clear_pointer (&result, am_view_result_unref);

  /* A path through the collapsed group: its node and the merged edge that carries the
   * path's relation are emphasised with the members and relations. */
  am_view_set_path (view, "q", "y", FALSE);
  result = am_view_apply (view, document, groups);
  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, 4);
  assert_emphasis (result, "q p g x y pq yp qg gy qx xq xy group:g merged:group:g--y "
                           "merged:group:g->x merged:x->group:g");
}

static void
test_collapse_scene (void)
{
  g_autoptr(AmDocument) document = view_fixture_document (
      "g:state p q x y:organization z:event",
      "pg:p>g:role qg:q>g:role pq:p>q:family px:p>x:meeting qx:q>x:hostility "
      "xq:x>q:meeting gy:g-y:alliance yp:y-p:alliance xy:x>y zx:z>x",
      NULL);
  g_autoptr(AmScene) laid_out = view_fixture_scene (document);
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  const AmSceneNode *node;
  const AmSceneEdge *edge;
  gint index;

  am_view_set_collapsed (view, "g", TRUE);
  am_view_set_kind_hidden (view, "event", TRUE);
  result = am_view_apply (view, document, NULL);
  scene = am_view_result_build_scene (result, laid_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  g_assert_true (scene != laid_out);

  /* Hidden z and the members are absent; the group is one node labelled with its size. */
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, 3);
  g_assert_cmpint (am_scene_find_node (scene, "z"), ==, -1);
  g_assert_cmpint (am_scene_find_node (scene, "p"), ==, -1);
  g_assert_cmpint (am_scene_find_node (scene, "g"), ==, -1);
  g_assert_cmpint (am_scene_find_node (scene, "x"), >=, 0);
  index = am_scene_find_node (scene, "group:g");
  g_assert_cmpint (index, >=, 0);
  node = am_scene_get_node (scene, (guint) index);
  g_assert_cmpstr (node->label, ==, "g (3)");
  g_assert_cmpstr (node->kind, ==, "state");
  g_assert_cmpfloat (node->box.width, >, 0);
  /* Centred on its members' boxes (g, p, q are the first three of the grid row). */
  g_assert_cmpfloat_with_epsilon (node->box.x + node->box.width / 2, 150.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (node->box.y + node->box.height / 2, 50.0, 1e-6);

  /* Relations inside the group and the hidden one are gone; the others are merged. */
  g_assert_cmpint (am_scene_find_edge (scene, "pq"), ==, -1);
  g_assert_cmpint (am_scene_find_edge (scene, "pg"), ==, -1);
  g_assert_cmpint (am_scene_find_edge (scene, "px"), ==, -1);
  g_assert_cmpint (am_scene_find_edge (scene, "zx"), ==, -1);
  g_assert_cmpint (am_scene_find_edge (scene, "xy"), >=, 0);
  g_assert_cmpuint (am_scene_get_n_edges (scene), ==, 4);

  index = am_scene_find_edge (scene, "merged:group:g->x");
  g_assert_cmpint (index, >=, 0);
  edge = am_scene_get_edge (scene, (guint) index);
  g_assert_cmpstr (edge->label, ==, "2 relations");
  g_assert_cmpstr (edge->source, ==, "group:g");
  g_assert_cmpstr (edge->target, ==, "x");
  g_assert_null (edge->type);               /* meeting and hostility */
  g_assert_true (edge->directed);
  g_assert_true (edge->has_head);
  g_assert_cmpuint (edge->n_points, ==, 4);
  g_assert_true (edge->has_label);

  /* One relation carried: its own label, not "1 relation". */
  index = am_scene_find_edge (scene, "merged:x->group:g");
  edge = am_scene_get_edge (scene, (guint) index);
  g_assert_cmpstr (edge->label, ==,
                   am_relation_get_label (am_document_lookup_relation (document, "xq")));
  g_assert_cmpstr (edge->type, ==, "meeting");

  index = am_scene_find_edge (scene, "merged:group:g--y");
  edge = am_scene_get_edge (scene, (guint) index);
  g_assert_cmpstr (edge->label, ==, "2 relations");
  g_assert_cmpstr (edge->type, ==, "alliance");
  g_assert_false (edge->directed);
  g_assert_false (edge->has_head);
}

/* No node of @scene covers another. */
static void
assert_no_node_overlaps (const AmScene *scene)
{
  guint n = am_scene_get_n_nodes (scene);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const AmRect *a = &am_scene_get_node (scene, i)->box;
        const AmRect *b = &am_scene_get_node (scene, j)->box;

        if (a->x < b->x + b->width && b->x < a->x + a->width &&
            a->y < b->y + b->height && b->y < a->y + a->height)
          g_error ("'%s' covers '%s'", am_scene_get_node (scene, i)->id,
                   am_scene_get_node (scene, j)->id);
      }
}

/* A group whose members lie on both sides of another node: its centre falls on that
 * node, so the group node goes to the nearest free spot instead of hiding it. */
static void
test_collapse_scene_free_spot (void)
{
  g_autoptr(AmDocument) document = view_fixture_document (
      "g:state x:organization q", "qg:q>g:role", NULL);
  g_autoptr(AmScene) laid_out = view_fixture_scene (document);
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  const AmSceneNode *group;
  gint index;

  am_view_set_collapsed (view, "g", TRUE);
  result = am_view_apply (view, document, NULL);
  scene = am_view_result_build_scene (result, laid_out, &error);
  g_assert_no_error (error);

  /* g and q are the grid's first and third; x, in between, stays where it was. */
  g_assert_cmpfloat (box_x (scene, "x"), ==, box_x (laid_out, "x"));
  index = am_scene_find_node (scene, "group:g");
  g_assert_cmpint (index, >=, 0);
  group = am_scene_get_node (scene, (guint) index);
  assert_no_node_overlaps (scene);
  /* Near the members' centre (x's centre, 150, 50), not thrown far away. */
  g_assert_cmpfloat (fabs (group->box.x + group->box.width / 2 - 150.0)
                     + fabs (group->box.y + group->box.height / 2 - 50.0), <, 100.0);
}

static void
test_scene_whole_and_hidden (void)
{
  g_autoptr(AmDocument) document = chain_document ();
  g_autoptr(AmScene) laid_out = view_fixture_scene (document);
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = am_view_apply (view, document, NULL);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  const char *focus[] = { "c", NULL };

  /* The whole map is the laid-out scene itself. */
  scene = am_view_result_build_scene (result, laid_out, &error);
  g_assert_no_error (error);
  g_assert_true (scene == laid_out);
  g_clear_pointer (&scene, am_scene_unref);
  g_clear_pointer (&result, am_view_result_unref);

  /* A path that only dims hides nothing: the laid-out scene again, no copy. */
  am_view_set_path (view, "a", "e", FALSE);
  result = am_view_apply (view, document, NULL);
  g_assert_cmpuint (am_view_result_get_n_paths (result), ==, 1);
  scene = am_view_result_build_scene (result, laid_out, &error);
  g_assert_no_error (error);
  g_assert_true (scene == laid_out);
  g_clear_pointer (&scene, am_scene_unref);
  g_clear_pointer (&result, am_view_result_unref);
  am_view_set_path (view, NULL, NULL, FALSE);

  am_view_set_focus (view, focus, 1, AM_VIEW_DIRECTION_BOTH);
  result = am_view_apply (view, document, NULL);
  scene = am_view_result_build_scene (result, laid_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, 3);
  g_assert_cmpuint (am_scene_get_n_edges (scene), ==, 2);
  g_assert_cmpint (am_scene_find_edge (scene, "bc"), >=, 0);
  g_assert_cmpint (am_scene_find_edge (scene, "cd"), >=, 0);
  g_assert_cmpint (am_scene_find_node (scene, "a"), ==, -1);
  /* Positions are those Graphviz gave: nothing is laid out again. */
  g_assert_cmpfloat (box_x (scene, "c"), ==, box_x (laid_out, "c"));
  g_assert_true (memcmp (am_scene_get_bounds (scene), am_scene_get_bounds (laid_out),
                         sizeof (AmRect)) == 0);
}

static gboolean
has_cluster (const AmScene *scene,
             const char    *id)
{
  for (guint c = 0; c < am_scene_get_n_clusters (scene); c++)
    if (g_str_equal (am_scene_get_cluster (scene, c)->id, id))
      return TRUE;
  return FALSE;
}

/* A cluster stays while one of its group's actors is drawn; a collapsed group's goes; a
 * cluster of no known group stays. */
static void
test_scene_clusters (void)
{
  g_autoptr(AmDocument) document = view_fixture_document (
      "a:person:ga b:person:ga c:person:gb d:state e", "ab:a>b bc:b>c cd:c>d de:d>e", NULL);
  g_autoptr(AmScene) laid_out = view_fixture_scene (document);
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = NULL;
  g_autoptr(AmScene) scene = NULL;
  const char *focus[] = { "d", NULL };

  g_assert_cmpuint (am_scene_get_n_clusters (laid_out), ==, 3);

  am_view_set_focus (view, focus, 1, AM_VIEW_DIRECTION_BOTH);
  result = am_view_apply (view, document, NULL);
  scene = am_view_result_build_scene (result, laid_out, NULL);
  g_assert_nonnull (scene);
  g_assert_false (has_cluster (scene, "ga"));
  g_assert_true (has_cluster (scene, "gb"));
  g_assert_true (has_cluster (scene, "free-cluster"));
  g_clear_pointer (&scene, am_scene_unref);
  g_clear_pointer (&result, am_view_result_unref);

  am_view_set_focus (view, NULL, 1, AM_VIEW_DIRECTION_BOTH);
  am_view_set_collapsed (view, "gb", TRUE);
  result = am_view_apply (view, document, NULL);
  scene = am_view_result_build_scene (result, laid_out, NULL);
  g_assert_true (has_cluster (scene, "ga"));
  g_assert_false (has_cluster (scene, "gb"));
  g_assert_true (has_cluster (scene, "free-cluster"));
  g_assert_cmpint (am_scene_find_node (scene, "group:gb"), >=, 0);
  g_assert_cmpint (am_scene_find_node (scene, "c"), ==, -1);
}

/* ---- The bundled map ----------------------------------------------------------------- */

static void
test_bundled_focus (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmView) view = am_view_new ();
  const char *focus[] = { "kim-yo-jong", NULL };
  g_autoptr(AmViewResult) result = NULL;

  am_view_set_focus (view, focus, 1, AM_VIEW_DIRECTION_BOTH);
  result = am_view_apply (view, document, NULL);
  /* Her neighbours, the relations among them, and her statement. */
  view_fixture_assert_visible (result,
                               "kim-yo-jong kim-jong-un us-administration "
                               "r-kim-yo-jong-sister-of-kim-jong-un "
                               "r-kim-yo-jong-adviser-to-kim-jong-un "
                               "r-kim-yo-jong-warned-us-administration "
                               "s-kim-yo-jong-warning");
  g_assert_cmpuint (am_view_result_get_n_visible_entities (result), ==, 3);
}

static void
test_bundled_path (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmViewResult) result = apply_path (document, "kim-yo-jong", "joe-biden", TRUE);

  assert_paths (result, (const char *[]) {
      "kim-yo-jong -r-kim-yo-jong-warned-us-administration-> us-administration "
      "<-r-joe-biden-heads-us-administration- joe-biden",
      NULL });
  view_fixture_assert_visible (result,
                               "kim-yo-jong us-administration joe-biden "
                               "r-kim-yo-jong-warned-us-administration "
                               "r-joe-biden-heads-us-administration "
                               "s-kim-yo-jong-warning");
}

static void
test_bundled_collapse (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = NULL;
  const char * const *merged;

  am_view_set_collapsed (view, "north-korea", TRUE);
  am_view_set_collapsed (view, "us", TRUE);
  result = am_view_apply (view, document, NULL);
  g_assert_cmpstr (am_view_result_get_collapsed_group (result, "kim-jong-un"), ==,
                   "north-korea");
  /* us → north-korea: the hostility and (undirected) stalled talks are separate edges. */
  merged = am_view_result_get_merged (result, "merged:group:us->group:north-korea");
  g_assert_cmpstrv (merged, ((const char *[]) { "r-us-united-front-against-north-korea",
                                                "r-donald-trump-rapprochement-north-korea",
                                                NULL }));
  merged = am_view_result_get_merged (result, "merged:group:north-korea->group:us");
  g_assert_cmpstrv (merged, ((const char *[]) { "r-north-korea-ignores-us", NULL }));
  merged = am_view_result_get_merged (result, "merged:group:north-korea--group:us");
  g_assert_cmpstrv (merged, ((const char *[]) { "r-donald-trump-kim-jong-un-insults",
                                                "r-us-north-korea-stalled-discussions",
                                                NULL }));
}

/* On a real layout of the bundled map (Graphviz in process, once): North Korea collapsed
 * is one node of its four actors, its ties to the outside merged, the rest untouched. */
static void
test_bundled_collapse_scene (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) laid_out = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *members[] = { "north-korea", "kim-jong-un", "choe-son-hui", "nk-foreign-ministry" };
  const AmSceneNode *node;
  const AmSceneEdge *edge;
  gint index;
  guint n_merged = 0, n_carried = 0;

  request = am_layout_request_new_for_document (document, AM_LAYOUT_ENGINE_DOT, &error);
  g_assert_no_error (error);
  laid_out = am_layout_run_in_process (request, &error);
  g_assert_no_error (error);

  am_view_set_collapsed (view, "north-korea", TRUE);
  result = am_view_apply (view, document, NULL);
  scene = am_view_result_build_scene (result, laid_out, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    g_assert_cmpint (am_scene_find_node (scene, members[k]), ==, -1);
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, am_scene_get_n_nodes (laid_out) - 3);
  index = am_scene_find_node (scene, "group:north-korea");
  g_assert_cmpint (index, >=, 0);
  node = am_scene_get_node (scene, (guint) index);
  g_assert_cmpstr (node->label, ==, "North Korea (4)");
  g_assert_cmpstr (node->kind, ==, "state");
  g_assert_cmpint (node->shape, ==, am_scene_get_node (laid_out, (guint) am_scene_find_node (
                                        laid_out, "north-korea"))->shape);
  g_assert_cmpint (am_scene_find_node (scene, "kim-yo-jong"), >=, 0);
  g_assert_cmpfloat (box_x (scene, "kim-yo-jong"), ==, box_x (laid_out, "kim-yo-jong"));
  assert_no_node_overlaps (scene);

  /* Every relation with one end in the group is carried by exactly one merged edge, whose
   * label counts them; the group's inner relations and its members' edges are gone. */
  for (guint e = 0; e < am_scene_get_n_edges (scene); e++)
    {
      const char * const *carried;
      g_autofree char *label = NULL;

      edge = am_scene_get_edge (scene, e);
      carried = am_view_result_get_merged (result, edge->id);
      g_assert_cmpint (am_scene_find_node (scene, edge->source), >=, 0);
      g_assert_cmpint (am_scene_find_node (scene, edge->target), >=, 0);
      if (carried == NULL)
        {
          g_assert_null (am_view_result_get_collapsed_group (result, edge->source));
          g_assert_null (am_view_result_get_collapsed_group (result, edge->target));
          continue;
        }
      n_merged++;
      n_carried += g_strv_length ((GStrv) carried);
      if (g_strv_length ((GStrv) carried) == 1)
        label = g_strdup (am_relation_get_label (am_document_lookup_relation (document,
                                                                              carried[0])));
      else
        label = g_strdup_printf ("%u relations", g_strv_length ((GStrv) carried));
      g_assert_cmpstr (edge->label, ==, label);
      g_assert_true (g_str_equal (edge->source, "group:north-korea")
                     || g_str_equal (edge->target, "group:north-korea"));
    }
  g_assert_cmpuint (n_merged, >, 0);
  /* Relations of the bundled map with exactly one end among the four. */
  {
    GListModel *relations = am_document_get_relations (document);
    guint expected = 0;

    for (guint j = 0; j < g_list_model_get_n_items (relations); j++)
      {
        g_autoptr(AmRelation) relation = g_list_model_get_item (relations, j);
        gboolean in_s = FALSE, in_t = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (members); k++)
          {
            in_s = in_s || g_str_equal (am_relation_get_source (relation), members[k]);
            in_t = in_t || g_str_equal (am_relation_get_target (relation), members[k]);
          }
        expected += in_s != in_t;
      }
    g_assert_cmpuint (n_carried, ==, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/date/parse", test_date_parse);
  g_test_add_func ("/view/date/bad", test_date_bad);
  g_test_add_func ("/view/date/overlap", test_date_overlap);
  g_test_add_func ("/view/value/defaults", test_value_defaults);
  g_test_add_func ("/view/value/setters", test_value_setters);
  g_test_add_func ("/view/string/round-trip", test_string_round_trip);
  g_test_add_func ("/view/string/errors", test_string_errors);
  g_test_add_func ("/view/validate", test_validate);
  g_test_add_func ("/view/filters", test_filters);
  g_test_add_func ("/view/focus", test_focus);
  g_test_add_func ("/view/focus/after-filters", test_focus_after_filters);
  g_test_add_func ("/view/path/diamond", test_path_diamond);
  g_test_add_func ("/view/path/three-and-parallel", test_path_three_and_parallel);
  g_test_add_func ("/view/path/not-connected", test_path_not_connected);
  g_test_add_func ("/view/path/many", test_path_many);
  g_test_add_func ("/view/path/after-focus", test_path_after_focus);
  g_test_add_func ("/view/time", test_time);
  g_test_add_func ("/view/groups/bundled", test_groups_bundled);
  g_test_add_func ("/view/groups/explicit", test_groups_explicit);
  g_test_add_func ("/view/collapse", test_collapse);
  g_test_add_func ("/view/scene/collapse", test_collapse_scene);
  g_test_add_func ("/view/scene/collapse-free-spot", test_collapse_scene_free_spot);
  g_test_add_func ("/view/scene/whole-and-hidden", test_scene_whole_and_hidden);
  g_test_add_func ("/view/scene/clusters", test_scene_clusters);
  g_test_add_func ("/view/bundled/focus", test_bundled_focus);
  g_test_add_func ("/view/bundled/path", test_bundled_path);
  g_test_add_func ("/view/bundled/collapse", test_bundled_collapse);
  g_test_add_func ("/view/bundled/collapse-scene", test_bundled_collapse_scene);

  return g_test_run ();
}
