/* am-edit-util.h — what the widgets that edit through the session share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-core.h"

G_BEGIN_DECLS

/* Tells the user why an edit did not happen: a toast in the window's AdwToastOverlay, or
 * a message dialog when @widget has none.  Ignores NULL and G_IO_ERROR_CANCELLED. */
void              _am_edit_report_error          (GtkWidget    *widget,
                                                  const GError *error);
/* @document's actors sorted by name, @exclude (nullable) left out. (element-type
 * AmEntity) (transfer full) */
GPtrArray        *_am_edit_sorted_actors         (AmDocument   *document,
                                                  const char   *exclude);
/* Their names to choose from, @none_label (nullable) first; *@ids gets the id of each
 * entry ("" for none), *@position where @selected stands (0 when it is not there).
 * (transfer full) */
GtkStringList    *_am_edit_actor_choices         (AmDocument   *document,
                                                  const char   *selected,
                                                  const char   *exclude,
                                                  const char   *none_label,
                                                  GPtrArray   **ids,
                                                  guint        *position);
/* A searchable drop-down of @document's actors, by name.  @none_label (nullable) adds a
 * first entry that stands for no actor; @exclude (nullable) leaves one actor out;
 * @selected (nullable) is chosen at first. */
GtkWidget        *_am_edit_actor_dropdown_new    (AmDocument   *document,
                                                  const char   *selected,
                                                  const char   *exclude,
                                                  const char   *none_label);
/* The id chosen in such a drop-down, or NULL for the "none" entry. (transfer none) */
const char       *_am_edit_actor_dropdown_get_id (GtkWidget    *dropdown);
void              _am_edit_actor_dropdown_set_id (GtkWidget    *dropdown,
                                                  const char   *id);
/* A modal AdwMessageDialog over @widget's window with "cancel" and @accept_id responses,
 * @accept_id the default (destructive or suggested), and @extra (nullable) under the
 * body.  Not yet presented. */
AdwMessageDialog *_am_edit_dialog_new            (GtkWidget    *widget,
                                                  const char   *heading,
                                                  const char   *body,
                                                  const char   *accept_id,
                                                  const char   *accept_label,
                                                  gboolean      destructive,
                                                  GtkWidget    *extra);
/* One line of a dialog's form: a label (mnemonic) above @field, which it labels. */
GtkWidget        *_am_edit_form_field            (const char   *mnemonic,
                                                  GtkWidget    *field);
/* The actors (ids) whose names, by name or alias, @names lists (comma separated), or
 * NULL with @error (AM_MODEL_ERROR) naming the first unknown one. (transfer full) */
GStrv             _am_edit_parse_actor_names     (AmDocument   *document,
                                                  const char   *names,
                                                  GError      **error);
/* The names of @ids, comma separated (the inverse of the above). (transfer full) */
char             *_am_edit_join_actor_names      (AmDocument         *document,
                                                  const char * const *ids);
/* Whether @a and @b show the same article (paragraphs, title, date, publisher, source):
 * an edit's new document does. */
gboolean          _am_edit_same_article          (AmDocument         *a,
                                                  AmDocument         *b);

G_END_DECLS
