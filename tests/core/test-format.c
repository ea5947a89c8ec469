/* test-format.c — dates for people, in every precision the model allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "am-core.h"

static void
assert_date (const char *iso,
             const char *expected)
{
  g_autofree char *text = am_format_date (iso);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_precisions (void)
{
  assert_date ("2021-03-18", "18 March 2021");
  assert_date ("2021-03-01", "1 March 2021");
  assert_date ("2024-02-29", "29 February 2024");
  assert_date ("1999-12-31", "31 December 1999");
  assert_date ("2021-03", "March 2021");
  assert_date ("2021-12", "December 2021");
  assert_date ("2021", "2021");
  /* A date-time (the model allows them, with a zone) shows its day. */
  assert_date ("2021-03-18T09:30Z", "18 March 2021");
  assert_date ("2021-03-18T23:59:60.25+09:00", "18 March 2021");
  assert_date ("0987", "987");
}

static void
test_nothing (void)
{
  g_assert_null (am_format_date (NULL));
  g_assert_null (am_format_date (""));
}

static void
test_invalid_kept (void)
{
  /* What is not a date the model allows is shown as the file writes it. */
  static const char * const kept[] = {
    "yesterday", "2021-13-01", "2021-00", "2021-02-30", "2023-02-29", "2021-3-18",
    "2021-03-18T10:00", "2021-03-18T25:00Z", "2021-03T10:00Z", "21-03-18", "2021/03/18", "20210318", "2021-", "2021-03-",
    "0000", "-2021", " 2021", "2021-03-18 ", "２０２１",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    assert_date (kept[i], kept[i]);
}

int
main (int   argc,
      char *argv[])
{
  /* English month names, whatever the machine's language. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Format/date-precisions", test_precisions);
  g_test_add_func ("/Actormap/Format/date-nothing", test_nothing);
  g_test_add_func ("/Actormap/Format/date-invalid-kept", test_invalid_kept);

  return g_test_run ();
}
