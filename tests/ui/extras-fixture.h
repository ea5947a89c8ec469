/* extras-fixture.h — a window showing the bundled map from a file of its own, for the
 * minimap, print and reload tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-window-private.h"
#include "ui-test.h"

G_BEGIN_DECLS

typedef struct
{
  AmWindow  *window;
  AmSession *session;     /* the window's */
  char      *tmpdir;
  char      *path;        /* the map's file: the bundled article's model, copied */
} ExtrasFixture;

/* Writes the model to a new temporary directory and opens it in a window, laid out. */
void        extras_fixture_setup       (ExtrasFixture *f,
                                        gconstpointer  data);
/* Destroys the window (no reference may leak) and the directory. */
void        extras_fixture_teardown    (ExtrasFixture *f,
                                        gconstpointer  data);
/* A new window showing @path, laid out and on screen; the caller owns one reference. */
AmWindow   *extras_open_window         (const char    *path);
void        extras_close_window        (AmWindow      *window);
/* The bundled model's JSON text.  (transfer full) */
char       *extras_model_text          (void);
/* The text of a PDF (pdftotext -raw, whitespace runs made one space), or NULL with the
 * test skipped when pdftotext is not installed. (transfer full) */
char       *extras_pdf_text            (const char    *pdf_path);

typedef struct
{
  const char *path;                               /* below @prefix */
  void      (*func) (ExtrasFixture *f, gconstpointer data);
} ExtrasTest;

/* Starts GTK (or skips without a display), adds @tests under @prefix with this fixture,
 * runs them: main()'s whole body. */
int         extras_test_main           (int               argc,
                                        char             *argv[],
                                        const char       *prefix,
                                        const ExtrasTest *tests,
                                        guint             n_tests);

G_END_DECLS
