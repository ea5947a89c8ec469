/* test-timeline.c — dates of mixed precision binned for the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-timeline.h"
#include "test-documents.h"

/* A document of two actors, a relation per entry of @relation_dates (NULL: undated) of
 * type "tie" (or "other" for the ids listed in @other_type), and a statement by "a" per
 * entry of @statement_dates. */
static AmDocument *
make_document (const char * const *relation_dates,
               const char * const *statement_dates,
               const char * const *other_type)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"actormap\", \"version\": 1,"
                                          "  \"entities\": ["
                                          "    { \"id\": \"a\", \"name\": \"A\", \"kind\": \"person\" },"
                                          "    { \"id\": \"b\", \"name\": \"B\", \"kind\": \"person\" } ],"
                                          "  \"relations\": [");

  for (guint i = 0; relation_dates != NULL && relation_dates[i] != (const char *) -1; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      const char *type = other_type != NULL && g_strv_contains (other_type, id) ? "other" : "tie";

      g_string_append_printf (json, "%s{ \"id\": \"%s\", \"source\": \"a\", \"target\": \"b\","
                              " \"label\": \"x\", \"type\": \"%s\"",
                              i > 0 ? ", " : "", id, type);
      if (relation_dates[i] != NULL)
        g_string_append_printf (json, ", \"date\": \"%s\"", relation_dates[i]);
      g_string_append (json, " }");
    }

  g_string_append (json, " ], \"statements\": [");
  for (guint i = 0; statement_dates != NULL && statement_dates[i] != (const char *) -1; i++)
    {
      g_string_append_printf (json, "%s{ \"id\": \"s%u\", \"speaker\": \"a\", \"text\": \"said\"",
                              i > 0 ? ", " : "", i);
      if (statement_dates[i] != NULL)
        g_string_append_printf (json, ", \"date\": \"%s\"", statement_dates[i]);
      g_string_append (json, " }");
    }
  g_string_append (json, " ] }");

  return test_documents_load_json (json->str, "timeline.json");
}

/* Lists end with (const char *) -1, since NULL means "undated". */
#define END ((const char *) -1)

static guint32
julian (const char *iso,
        gboolean    last)
{
  AmDateRange range;

  g_assert_true (am_date_range_parse (iso, &range));
  return last ? range.last : range.first;
}

static void
assert_bin (AmTimeline *timeline,
            guint       index,
            const char *iso,
            guint       exact,
            guint       imprecise)
{
  g_autofree char *formatted = am_timeline_format_bin (timeline, index);
  AmDateRange range, parsed;
  guint n_exact = G_MAXUINT, n_imprecise = G_MAXUINT;

  am_timeline_get_bin (timeline, index, &range, &n_exact, &n_imprecise);
  g_assert_cmpstr (formatted, ==, iso);
  /* The ISO form of a bin means exactly the bin's days. */
  g_assert_true (am_date_range_parse (formatted, &parsed));
  g_assert_cmpuint (parsed.first, ==, range.first);
  g_assert_cmpuint (parsed.last, ==, range.last);
  g_assert_cmpuint (n_exact, ==, exact);
  g_assert_cmpuint (n_imprecise, ==, imprecise);
}

/* The axis: its unit and number of bins. */
static void
assert_axis (AmTimeline     *timeline,
             AmTimelineUnit  unit,
             guint           n_bins)
{
  g_assert_cmpint (am_timeline_get_unit (timeline), ==, unit);
  g_assert_cmpuint (am_timeline_get_n_bins (timeline), ==, n_bins);
}

/* How many items are dated and undated. */
static void
assert_counts (AmTimeline *timeline,
               guint       n_dated,
               guint       n_undated)
{
  g_assert_cmpuint (am_timeline_get_n_dated (timeline), ==, n_dated);
  g_assert_cmpuint (am_timeline_get_n_undated (timeline), ==, n_undated);
}

/* The bundled article: days, months and years from 2018 to March 2021 make a month axis
 * of 39 bins; the years spread lighter over their twelve months. */
static void
test_bundled (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmTimeline) timeline = am_timeline_compute (document, NULL);
  AmDateRange span;

  g_assert_true (am_timeline_get_span (timeline, &span));
  g_assert_cmpuint (span.first, ==, julian ("2018-01-01", FALSE));
  g_assert_cmpuint (span.last, ==, julian ("2021-03-31", FALSE));
  assert_axis (timeline, AM_TIMELINE_UNIT_MONTH, 39);
  assert_counts (timeline, 32, 25);

  assert_bin (timeline, 0, "2018-01", 0, 3);
  assert_bin (timeline, 11, "2018-12", 0, 3);
  assert_bin (timeline, 12, "2019-01", 0, 4);
  assert_bin (timeline, 23, "2019-12", 0, 4);
  assert_bin (timeline, 24, "2020-01", 0, 0);
  assert_bin (timeline, 37, "2021-02", 0, 0);
  /* "2021-03" (13 relations), "2021-03-18" (6 relations, 3 statements),
   * "2021-03-16" (a relation and a statement). */
  assert_bin (timeline, 38, "2021-03", 25, 0);
}

/* Mixed precision on each kind of axis, as a table: the dates of the relations and the
 * statements, the axis expected, and some of its bins. */
typedef struct
{
  guint       index;
  const char *iso;
  guint       exact;
  guint       imprecise;
} BinCase;

typedef struct
{
  const char     *name;
  const char     *relations[6];      /* END-terminated; NULL is undated */
  const char     *statements[4];
  AmTimelineUnit  unit;
  guint           n_bins;
  guint           n_dated;
  guint           n_undated;
  BinCase         bins[6];           /* up to the first with a NULL iso */
} AxisCase;

static const AxisCase axis_cases[] = {
  /* A month and two days inside it: a day axis over March; the month counts lighter in
   * each of its days, the days count exactly once. */
  { "day-axis", { "2021-03-16", "2021-03", NULL, END }, { "2021-03-18", "2021-03-18", END },
    AM_TIMELINE_UNIT_DAY, 31, 4, 1,
    { { 0, "2021-03-01", 0, 1 }, { 15, "2021-03-16", 1, 1 }, { 16, "2021-03-17", 0, 1 },
      { 17, "2021-03-18", 2, 1 }, { 30, "2021-03-31", 0, 1 } } },
  /* A day, a month and the year they are in: twelve month bins; the day and the month
   * are exact, the year spreads over all twelve. */
  { "month-axis-with-year", { "2021-01-15", "2021-06", "2021", END }, { END },
    AM_TIMELINE_UNIT_MONTH, 12, 3, 0,
    { { 0, "2021-01", 1, 1 }, { 1, "2021-02", 0, 1 }, { 5, "2021-06", 1, 1 },
      { 11, "2021-12", 0, 1 } } },
  /* Dates known only to the year get a year axis, not months nobody wrote; an empty
   * year in between is a bin of its own. */
  { "years-only", { "2019", "2021", "2021", END }, { END },
    AM_TIMELINE_UNIT_YEAR, 3, 3, 0,
    { { 0, "2019", 1, 0 }, { 1, "2020", 0, 0 }, { 2, "2021", 2, 0 } } },
  /* Days far apart: more than 60 months, so years, and each day is exact in its year. */
  { "long-span", { "1990-05-02", "2021-03-18", END }, { "2000-02", END },
    AM_TIMELINE_UNIT_YEAR, 32, 3, 0,
    { { 0, "1990", 1, 0 }, { 10, "2000", 1, 0 }, { 31, "2021", 1, 0 } } },
};

static void
test_axis (gconstpointer data)
{
  const AxisCase *c = data;
  g_autoptr(AmDocument) document = make_document (c->relations, c->statements, NULL);
  g_autoptr(AmTimeline) timeline = am_timeline_compute (document, NULL);

  assert_axis (timeline, c->unit, c->n_bins);
  assert_counts (timeline, c->n_dated, c->n_undated);
  for (guint i = 0; i < G_N_ELEMENTS (c->bins) && c->bins[i].iso != NULL; i++)
    assert_bin (timeline, c->bins[i].index, c->bins[i].iso, c->bins[i].exact, c->bins[i].imprecise);
}

/* Sixty days make sixty day bins; sixty-one make months. */
static void
test_bin_limit (void)
{
  const char *sixty[] = { "2021-01-01", "2021-03-01", END };    /* 31 + 28 + 1 days */
  const char *sixty_one[] = { "2021-01-01", "2021-03-02", END };
  g_autoptr(AmDocument) document = make_document (sixty, NULL, NULL);
  g_autoptr(AmDocument) longer = make_document (sixty_one, NULL, NULL);
  g_autoptr(AmTimeline) timeline = am_timeline_compute (document, NULL);
  g_autoptr(AmTimeline) months = am_timeline_compute (longer, NULL);

  assert_axis (timeline, AM_TIMELINE_UNIT_DAY, AM_TIMELINE_MAX_BINS);
  assert_bin (timeline, 59, "2021-03-01", 1, 0);
  assert_axis (months, AM_TIMELINE_UNIT_MONTH, 3);
}

/* A leap day is a bin on a day axis, and a leap year has 366 days. */
static void
test_leap_year (void)
{
  const char *relations[] = { "2020-02-28", "2020-03-01", END };
  const char *years[] = { "2020", "2020-02-29", "2022", END };
  g_autoptr(AmDocument) document = make_document (relations, NULL, NULL);
  g_autoptr(AmDocument) year_document = make_document (years, NULL, NULL);
  g_autoptr(AmTimeline) timeline = am_timeline_compute (document, NULL);
  g_autoptr(AmTimeline) year_timeline = am_timeline_compute (year_document, NULL);
  AmDateRange range;

  g_assert_cmpuint (am_timeline_get_n_bins (timeline), ==, 3);
  assert_bin (timeline, 1, "2020-02-29", 0, 0);
  /* 2020 to 2022 is 36 months: a month axis, February 2020 with its 29 days. */
  assert_axis (year_timeline, AM_TIMELINE_UNIT_MONTH, 36);
  assert_bin (year_timeline, 1, "2020-02", 1, 1);
  am_timeline_get_bin (year_timeline, 1, &range, NULL, NULL);
  g_assert_cmpuint (range.last - range.first + 1, ==, 29);
}

static void
test_nothing_dated (void)
{
  const char *relations[] = { NULL, NULL, END };
  const char *statements[] = { NULL, END };
  g_autoptr(AmDocument) document = make_document (relations, statements, NULL);
  g_autoptr(AmTimeline) timeline = am_timeline_compute (document, NULL);
  AmDateRange span = { 7, 7 }, range = { 1, G_MAXUINT32 };

  g_assert_false (am_timeline_get_span (timeline, &span));
  g_assert_cmpuint (span.first, ==, 7);
  g_assert_cmpuint (am_timeline_get_n_bins (timeline), ==, 0);
  assert_counts (timeline, 0, 3);
  g_assert_false (am_timeline_find_bins (timeline, &range, NULL, NULL));
  g_assert_cmpuint (am_timeline_count_in_range (timeline, &range), ==, 0);
}

/* From a range to the bins it overlaps (clamped to the axis), and how many items it
 * holds, each once however many bins it spans. */
static void
test_find_and_count (void)
{
  const char *relations[] = { "2021-01-15", "2021-06", "2021", "2021-12-31", END };
  g_autoptr(AmDocument) document = make_document (relations, NULL, NULL);
  g_autoptr(AmTimeline) timeline = am_timeline_compute (document, NULL);
  AmDateRange range;
  guint first = G_MAXUINT, last = G_MAXUINT;

  /* A day inside June: the June bin; the month and the year overlap it. */
  range.first = range.last = julian ("2021-06-10", FALSE);
  g_assert_true (am_timeline_find_bins (timeline, &range, &first, &last));
  g_assert_cmpuint (first, ==, 5);
  g_assert_cmpuint (last, ==, 5);
  g_assert_cmpuint (am_timeline_count_in_range (timeline, &range), ==, 2);

  /* Open at the start, to March: bins 0–2; the January day and the year. */
  range.first = 1;
  range.last = julian ("2021-03", TRUE);
  g_assert_true (am_timeline_find_bins (timeline, &range, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 2);
  g_assert_cmpuint (am_timeline_count_in_range (timeline, &range), ==, 2);

  /* Everything. */
  range.last = G_MAXUINT32;
  g_assert_true (am_timeline_find_bins (timeline, &range, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 11);
  g_assert_cmpuint (am_timeline_count_in_range (timeline, &range), ==, 4);

  /* Outside the axis on either side. */
  range.first = julian ("2019", FALSE);
  range.last = julian ("2020", TRUE);
  g_assert_false (am_timeline_find_bins (timeline, &range, NULL, NULL));
  g_assert_cmpuint (am_timeline_count_in_range (timeline, &range), ==, 0);
  range.first = julian ("2022-01-01", FALSE);
  range.last = G_MAXUINT32;
  g_assert_false (am_timeline_find_bins (timeline, &range, NULL, NULL));
}

/* With a view result, only what it shows is counted: a hidden type takes its dated and
 * undated relations with it. */
static void
test_view_result (void)
{
  const char *relations[] = { "2021-03-01", "2021-03-02", "2021-03-20", NULL, NULL, END };
  const char *other[] = { "r1", "r3", NULL };
  g_autoptr(AmDocument) document = make_document (relations, NULL, other);
  g_autoptr(AmView) view = am_view_new ();
  g_autoptr(AmViewResult) result = NULL;
  g_autoptr(AmTimeline) all = am_timeline_compute (document, NULL);
  g_autoptr(AmTimeline) shown = NULL;

  am_view_set_type_hidden (view, "other", TRUE);
  result = am_view_apply (view, document, NULL);
  shown = am_timeline_compute (document, result);

  assert_counts (all, 3, 2);
  assert_counts (shown, 2, 1);
  g_assert_cmpuint (am_timeline_get_n_bins (shown), ==, 20);
  assert_bin (shown, 0, "2021-03-01", 1, 0);
  assert_bin (shown, 1, "2021-03-02", 0, 0);
  assert_bin (shown, 19, "2021-03-20", 1, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Timeline/bundled", test_bundled);
  for (guint i = 0; i < G_N_ELEMENTS (axis_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/Timeline/%s", axis_cases[i].name);

      g_test_add_data_func (path, &axis_cases[i], test_axis);
    }
  g_test_add_func ("/Actormap/Timeline/bin-limit", test_bin_limit);
  g_test_add_func ("/Actormap/Timeline/leap-year", test_leap_year);
  g_test_add_func ("/Actormap/Timeline/nothing-dated", test_nothing_dated);
  g_test_add_func ("/Actormap/Timeline/find-and-count", test_find_and_count);
  g_test_add_func ("/Actormap/Timeline/view-result", test_view_result);

  return g_test_run ();
}
