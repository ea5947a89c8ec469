/* am-test-layout-helper.c — the layout helper for tests, with ways to misbehave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs am_layout_helper_main() like `actormap-layout-helper`, unless AM_TEST_HELPER_MODE
 * asks it to crash, hang, answer garbage or fail, so the runner's handling of each
 * outcome can be tested, or AM_TEST_HELPER_FAILURE gives a message to fail with (the
 * window's tests, which run it as their helper).  These switches exist only in this test
 * binary.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "am-layout.h"

/* Like the real helper, read the whole request first. */
static void
drain_stdin (void)
{
  char buf[4096];

  while (read (STDIN_FILENO, buf, sizeof buf) > 0)
    ;
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = g_getenv ("AM_TEST_HELPER_MODE");
  const char *failure = g_getenv ("AM_TEST_HELPER_FAILURE");

  if (argc != 2 || strcmp (argv[1], "--layout-helper") != 0)
    {
      g_printerr ("usage: %s --layout-helper\n", argv[0]);
      return 2;
    }

  /* The window's tests: fail the way Graphviz reports errors, with this message. */
  if (failure != NULL)
    {
      drain_stdin ();
      g_printerr ("%s\n", failure);
      return 1;
    }

  if (mode == NULL || *mode == '\0')
    return am_layout_helper_main ();

  drain_stdin ();

  if (g_str_equal (mode, "crash"))
    {
      raise (SIGSEGV);
      return 3;
    }

  if (g_str_equal (mode, "hang"))
    {
      const char *pidfile = g_getenv ("AM_TEST_HELPER_PIDFILE");

      if (pidfile != NULL)
        {
          g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
          g_file_set_contents (pidfile, pid, -1, NULL);
        }
      for (;;)
        pause ();
    }

  if (g_str_equal (mode, "garbage"))
    {
      static const char junk[] = "this is not a scene \x01\x02\x03";
      return write (STDOUT_FILENO, junk, sizeof junk) == sizeof junk ? 0 : 4;
    }

  if (g_str_equal (mode, "fail"))
    {
      g_printerr ("layout failed: Graphviz said no (test)\n");
      return 1;
    }

  if (g_str_equal (mode, "exit7"))
    return 7;

  g_printerr ("unknown AM_TEST_HELPER_MODE %s\n", mode);
  return 2;
}
