/* layout-test-util.h — fixtures and scene comparisons the layout tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-layout.h"
#include "test-documents.h"

G_BEGIN_DECLS

/* The test helper binary (am-test-layout-helper), next to the tests. */
char            *lt_helper_path          (void);
/* tests/data/layout/actors.json, loaded; asserts it loads. */
AmDocument      *lt_load_fixture         (void);
/* Any model file, loaded; asserts it loads. */
/* The pid a hanging test helper wrote to @pidfile (AM_TEST_HELPER_PIDFILE), once it is
 * there; 0 if *@done became non-NULL first (the run ended).  Iterates the default main
 * context. */
int              lt_wait_for_helper_pid  (const char     *pidfile,
                                          GAsyncResult  **done);
/* A request for @document; asserts it is accepted. */
AmLayoutRequest *lt_make_request         (AmDocument     *document,
                                          AmLayoutEngine  engine);

typedef enum
{
  /* Every coordinate the same to the bit: a scene and its copy. */
  LT_MATCH_EXACT,
  /* Coordinates within 1e-6: two layouts of one request (fdp and the pipe differ in the
   * last bits from run to run; nothing a reader could see). */
  LT_MATCH_CLOSE,
} LtMatch;

/* The same drawing: same caption, the same items in the same order with the same
 * attributes, at the same places. */
void             lt_assert_scenes_match  (AmScene *a,
                                          AmScene *b,
                                          LtMatch  match);

G_END_DECLS
