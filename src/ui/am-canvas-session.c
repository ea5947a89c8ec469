/* am-canvas-session.c — the canvas following a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-canvas-private.h"
#include "am-edit-util.h"

/*
 * With a session the canvas needs nobody to hand it anything: it shows the session's
 * scene (keeping the old picture while the same document is laid out again), its map selection
 * and highlight, and names from its document; a click or an arrow key selects through
 * the session, and an item chosen anywhere else makes the map fly to it.  Without a
 * session (tests, benchmarks) its properties are set directly and a click activates
 * "win.select".
 */

/* Save As: the same map, another file. */
static void
file_changed_cb (AmCanvas   *self,
                 GParamSpec *pspec,
                 AmSession  *session)
{
  GFile *file = am_session_get_file (session);

  g_object_set_data_full (G_OBJECT (self), "am-session-file",
                          file ? g_object_ref (file) : NULL, g_object_unref);
}

static void
document_changed_cb (AmCanvas   *self,
                     GParamSpec *pspec,
                     AmSession  *session)
{
  AmDocument *old = am_canvas_get_document (self);
  AmDocument *document = am_session_get_document (session);
  GFile *file = am_session_get_file (session);
  GFile *old_file = g_object_get_data (G_OBJECT (self), "am-session-file");
  /* An edit makes a new document of the same article from the same file, laid out
   * keeping the places of what was there: it is the same map, changed. */
  gboolean edited = old != NULL && document != NULL && document != old
                    && (file == old_file || (file && old_file && g_file_equal (file, old_file)))
                    && _am_edit_same_article (old, document);

  file_changed_cb (self, NULL, session);

  /* Another document's map would only mislead while this one is laid out (its names,
   * clicks on ids this document does not have): the canvas starts empty.  A relayout
   * of the same document, or of an edit of it, keeps the old picture until the new one
   * is drawn, and the view where it is. */
  if (old != NULL && document != old && !edited)
    am_canvas_set_scene (self, NULL);
  am_canvas_set_document (self, document);
  _am_canvas_set_fit_next_scene (self, !edited);
  _am_canvas_set_keep_next_view (self, edited);
}

/* The legend lists the whole laid-out map, with what the view hides struck through. */
static void
legend_changed_cb (AmCanvas   *self,
                   GParamSpec *pspec,
                   AmSession  *session)
{
  const AmView *view = am_session_get_view (session);
  g_auto(GStrv) kinds = view ? am_view_dup_hidden_kinds (view) : NULL;
  g_auto(GStrv) types = view ? am_view_dup_hidden_types (view) : NULL;

  am_canvas_layers_set_legend (_am_canvas_get_layers (self), am_session_get_scene (session),
                               (const char * const *) kinds, (const char * const *) types);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The map draws the view of the laid-out scene ("view-scene"): what the view hides is
 * absent, collapsed groups are one node.  A change of view brings a new view-scene
 * without a layout. */
static void
scene_changed_cb (AmCanvas   *self,
                  GParamSpec *pspec,
                  AmSession  *session)
{
  AmScene *scene = am_session_get_view_scene (session);

  legend_changed_cb (self, NULL, session);

  /* The session clears the scene while a new document is laid out; the canvas has
   * already let the old one go (above), and a failed layout keeps what is there. */
  if (scene == NULL && am_session_get_document (session) != NULL)
    return;

  am_canvas_set_scene (self, scene);
  /* The canvas drops its selection with its old scene. */
  am_canvas_set_selection (self, am_session_get_map_selection (session));
  if (scene != NULL && _am_canvas_get_fit_next_scene (self))
    {
      _am_canvas_set_fit_next_scene (self, FALSE);
      am_canvas_zoom_to_fit (self);
    }
}

/* A large map's view came from the session's worker: its scene (if it brought a new one)
 * has been taken in, so a focus's fit is done or, with no new scene, not to happen later. */
static void
view_pending_changed_cb (AmCanvas   *self,
                         GParamSpec *pspec,
                         AmSession  *session)
{
  if (!am_session_get_view_pending (session))
    _am_canvas_set_fit_visible_next (self, FALSE);
}

static void
selection_changed_cb (AmCanvas   *self,
                      GParamSpec *pspec,
                      AmSession  *session)
{
  am_canvas_set_selection (self, am_session_get_map_selection (session));
}

static void
highlight_changed_cb (AmCanvas   *self,
                      GParamSpec *pspec,
                      AmSession  *session)
{
  am_canvas_set_highlight (self, am_session_get_highlight (session));
}

static void
suggested_changed_cb (AmCanvas   *self,
                      GParamSpec *pspec,
                      AmSession  *session)
{
  am_canvas_set_suggested (self, am_session_get_suggested (session));
}

/* The file changed on disk and was read again: the same map, where the user had it. */
static void
reloaded_cb (AmCanvas  *self,
             AmSession *session)
{
  _am_canvas_set_fit_next_scene (self, FALSE);
  _am_canvas_set_keep_next_view (self, TRUE);
}

static void
reveal_cb (AmCanvas          *self,
           const char        *id,
           AmSelectionOrigin  origin,
           AmSession         *session)
{
  const char *target = am_session_get_map_selection (session);

  /* What was clicked on the map is under the pointer already; anything chosen elsewhere
   * (the list, the details, the article, the search, the arrow keys) is flown to, also
   * when it was selected already. */
  if (origin != AM_SELECTION_ORIGIN_MAP && target != NULL)
    am_canvas_fly_to (self, target);
}

GSignalGroup *
_am_canvas_session_signals_new (AmCanvas *self)
{
  GSignalGroup *group = g_signal_group_new (AM_TYPE_SESSION);

  g_signal_group_connect_object (group, "notify::document",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::file",
                                 G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::scene",
                                 G_CALLBACK (scene_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::view-scene",
                                 G_CALLBACK (scene_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::view",
                                 G_CALLBACK (legend_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::view-pending",
                                 G_CALLBACK (view_pending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::map-selection",
                                 G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::highlight",
                                 G_CALLBACK (highlight_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "notify::suggested",
                                 G_CALLBACK (suggested_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "reloaded",
                                 G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (group, "reveal",
                                 G_CALLBACK (reveal_cb), self, G_CONNECT_SWAPPED);

  return group;
}

void
_am_canvas_session_sync (AmCanvas  *self,
                         AmSession *session)
{
  if (session == NULL)
    return;

  document_changed_cb (self, NULL, session);
  highlight_changed_cb (self, NULL, session);
  suggested_changed_cb (self, NULL, session);
  if (am_session_get_view_scene (session) != NULL)
    scene_changed_cb (self, NULL, session);
  selection_changed_cb (self, NULL, session);
}

void
_am_canvas_select (AmCanvas          *self,
                   const char        *id,
                   AmSelectionOrigin  origin)
{
  AmSession *session = am_canvas_get_session (self);

  if (session != NULL)
    am_session_select (session, id, origin);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "s", id ? id : "");
}
