/* cli-run.h — run the real actormap binary as a user would, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

void  run_clear    (Run                *run);
/* Runs $AM_ACTORMAP with the NULL-terminated arguments, DISPLAY and WAYLAND_DISPLAY
 * removed, so any path that initialised GTK would fail loudly. */
void  run_actormap (Run                *run,
                    ...) G_GNUC_NULL_TERMINATED;
/* The same with the arguments in a NULL-terminated vector. */
void  run_actormapv (Run               *run,
                     const char * const *args);
/* A path in this test's own cache dir (G_TEST_OPTION_ISOLATE_DIRS), which exists. */
char *tmp_path     (const char         *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)
