/* am-detail-edit.h — the detail panel's fields that edit the selected item in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-session.h"

G_BEGIN_DECLS

/*
 * Each function returns a group of rows that edit one item of @session's document
 * through am_session_set_item_property(): text fields commit on Enter or when the focus
 * leaves them (one undo step, only when the text changed) and Escape puts the value back;
 * switches and drop-downs commit when changed.  A commit runs from an idle, since the
 * panel rebuilds its rows when the document changes.  Every editing row carries the
 * property it edits as the object data "am-property" (the panel gives it the focus back
 * after the rebuild).  A refused edit is reported (_am_edit_report_error) and its row is
 * marked with the "error" style class.
 */
GtkWidget *_am_detail_edit_entity    (AmSession   *session,
                                      AmEntity    *entity);
GtkWidget *_am_detail_edit_relation  (AmSession   *session,
                                      AmRelation  *relation);
GtkWidget *_am_detail_edit_statement (AmSession   *session,
                                      AmStatement *statement);
/* The first widget under @root (itself included) that edits @property, or NULL. */
GtkWidget *_am_detail_edit_find_row  (GtkWidget   *root,
                                      const char  *property);

G_END_DECLS
