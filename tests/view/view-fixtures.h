/* view-fixtures.h — small documents and scenes for the view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-view.h"

G_BEGIN_DECLS

/*
 * A document from compact specs, space-separated:
 *   entities   "id:kind[:group] …"                 (kind defaults to person)
 *   relations  "id:a>b[:type[:date]] …"            (a-b: undirected)
 *   statements "id:speaker[:date[:about,about…]] …"
 * (transfer full)
 */
AmDocument *view_fixture_document       (const char   *entities,
                                         const char   *relations,
                                         const char   *statements);

/* A laid-out scene for @document without Graphviz: every entity a 40 × 20 node on a grid,
 * every relation a straight edge, a cluster around each explicit group's members (id and
 * label the group) and one cluster "free-cluster" of no group.  (transfer full) */
AmScene    *view_fixture_scene          (AmDocument   *document);

/* The visible set of @result is exactly the space-separated ids of @expected. */
void        view_fixture_assert_visible (AmViewResult *result,
                                         const char   *expected);

G_END_DECLS
