/* test-timeline.c — the timeline bar, alone with a session and in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-session.h"
#include "am-timeline-bar.h"
#include "am-window-private.h"
#include "ui-test.h"

/* The bundled article's month axis (tests/view/test-timeline.c checks the bins): bin 0
 * is January 2018, 12 January 2019, 36 January 2021, 38 March 2021. */
#define BIN_2019_01 12
#define BIN_2021_01 36
#define BIN_2021_03 38
#define N_BINS      39

/* Dated 2019, 2021-03-18 and undated relations of the bundled article. */
#define REL_2019    "r-donald-trump-hanoi-summit"
#define REL_MARCH   "r-north-korea-ignores-us"
#define REL_UNDATED "r-kim-jong-un-leader-of-north-korea"

typedef struct
{
  AmSession     *session;
  AmTimelineBar *bar;
  GtkWindow     *window;
  guint          view_notifies;
} Fixture;

static gboolean
bar_drawn (gpointer data)
{
  Fixture *f = data;
  GtkWidget *histogram = am_timeline_bar_get_histogram (f->bar);

  return gtk_widget_get_mapped (histogram) && gtk_widget_get_width (histogram) > 100;
}

static void
view_notified_cb (Fixture *f)
{
  f->view_notifies++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmDocument) document = ui_test_load_bundled ();

  f->session = am_session_new ();
  f->bar = AM_TIMELINE_BAR (am_timeline_bar_new ());
  g_object_ref_sink (f->bar);   /* ours, for g_assert_finalize_object() at the end */
  am_timeline_bar_set_session (f->bar, f->session);
  g_signal_connect_swapped (f->session, "notify::view", G_CALLBACK (view_notified_cb), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 900, 120);
  gtk_window_set_child (f->window, GTK_WIDGET (f->bar));
  gtk_window_present (f->window);

  /* The bar needs the document and the view, not a scene. */
  am_session_set_document (f->session, document, NULL);
  am_session_cancel (f->session);
  g_assert_true (ui_test_wait_for (bar_drawn, f));
  ui_test_drain ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->session, f);
  gtk_window_destroy (f->window);
  ui_test_drain ();

  /* A reference kept anywhere (a signal group, the play timeout) fails here. */
  g_assert_finalize_object (g_steal_pointer (&f->window));
  g_assert_finalize_object (g_steal_pointer (&f->bar));
  g_assert_finalize_object (g_steal_pointer (&f->session));
}

static const AmView *
view (Fixture *f)
{
  return am_session_get_view (f->session);
}

static gboolean
visible (Fixture    *f,
         const char *id)
{
  return am_view_result_is_visible (am_session_get_view_result (f->session), id);
}

static void
assert_range (Fixture    *f,
              const char *from,
              const char *to)
{
  g_assert_true (am_view_has_time_range (view (f)));
  g_assert_cmpstr (am_view_get_time_from (view (f)), ==, from);
  g_assert_cmpstr (am_view_get_time_to (view (f)), ==, to);
}

static void
assert_bins (Fixture *f,
             guint    first,
             guint    last)
{
  guint bar_first = G_MAXUINT, bar_last = G_MAXUINT;

  g_assert_true (am_timeline_bar_get_selected_bins (f->bar, &bar_first, &bar_last));
  g_assert_cmpuint (bar_first, ==, first);
  g_assert_cmpuint (bar_last, ==, last);
}

/* The histogram is the whole document's. */
static void
test_histogram (Fixture       *f,
                gconstpointer  data)
{
  AmTimeline *timeline = am_timeline_bar_get_timeline (f->bar);

  g_assert_true (am_timeline_bar_get_has_dates (f->bar));
  g_assert_nonnull (timeline);
  g_assert_cmpuint (am_timeline_get_n_bins (timeline), ==, N_BINS);
  g_assert_false (am_timeline_bar_get_selected_bins (f->bar, NULL, NULL));
  g_assert_false (am_view_has_time_range (view (f)));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "32 dated items, 25 undated"));
}

/* Dragging across the histogram, through the drag gesture's own signals, sets the view's
 * range from the first bin's start to the last bin's end, and the map follows. */
static void
test_brush (Fixture       *f,
            gconstpointer  data)
{
  GtkGestureDrag *drag = ui_test_find_controller (am_timeline_bar_get_histogram (f->bar), GTK_TYPE_GESTURE_DRAG);
  double x0 = am_timeline_bar_bin_center (f->bar, BIN_2021_03);
  double x1 = am_timeline_bar_bin_center (f->bar, BIN_2021_01);
  guint before = f->view_notifies;
  int histogram_width = gtk_widget_get_width (am_timeline_bar_get_histogram (f->bar));

  g_assert_nonnull (drag);
  g_assert_cmpuint (am_timeline_bar_bin_at (f->bar, x0), ==, BIN_2021_03);

  /* Right to left: the range is ordered all the same. */
  g_signal_emit_by_name (drag, "drag-begin", x0, 30.0);
  g_signal_emit_by_name (drag, "drag-update", x1 - x0, 0.0);
  /* Not yet: the map is filtered once, when the drag ends. */
  g_assert_cmpuint (f->view_notifies, ==, before);
  g_assert_false (am_view_has_time_range (view (f)));
  g_signal_emit_by_name (drag, "drag-end", x1 - x0, 0.0);

  assert_range (f, "2021-01", "2021-03");
  g_assert_true (am_view_get_keep_undated (view (f)));
  assert_bins (f, BIN_2021_01, BIN_2021_03);
  g_assert_true (visible (f, REL_MARCH));
  g_assert_true (visible (f, REL_UNDATED));
  g_assert_false (visible (f, REL_2019));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "January 2021 – March 2021"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "25 of 32 dated items, 25 undated"));
  /* Longer texts beside it do not move the bins under the pointer. */
  am_timeline_bar_select_bins (f->bar, BIN_2019_01 + 1, BIN_2021_01 - 4);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "February 2019 – September 2020"));
  gtk_test_widget_wait_for_draw (am_timeline_bar_get_histogram (f->bar));
  g_assert_cmpint (gtk_widget_get_width (am_timeline_bar_get_histogram (f->bar)), ==, histogram_width);

  /* A click without motion picks one bin. */
  x0 = am_timeline_bar_bin_center (f->bar, BIN_2019_01);
  g_signal_emit_by_name (drag, "drag-begin", x0, 30.0);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  assert_range (f, "2019-01", "2019-01");
  /* 2019 overlaps January 2019. */
  g_assert_true (visible (f, REL_2019));
  g_assert_false (visible (f, REL_MARCH));
}

/* Keep Undated is the view's, both ways. */
static void
test_keep_undated (Fixture       *f,
                   gconstpointer  data)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (ui_test_find_type (GTK_WIDGET (f->bar), GTK_TYPE_CHECK_BUTTON));

  am_timeline_bar_select_bins (f->bar, BIN_2021_03, BIN_2021_03);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (visible (f, REL_UNDATED));

  gtk_check_button_set_active (check, FALSE);
  g_assert_false (am_view_get_keep_undated (view (f)));
  assert_range (f, "2021-03", "2021-03");
  g_assert_false (visible (f, REL_UNDATED));
  g_assert_true (visible (f, REL_MARCH));

  /* Set elsewhere (a remembered view), the check button follows. */
  {
    g_autoptr(AmView) changed = am_view_copy (view (f));

    am_view_set_time_range (changed, "2021-03", "2021-03", TRUE);
    am_session_set_view (f->session, changed);
  }
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (visible (f, REL_UNDATED));
}

/* A range set elsewhere shows on the bar as the bins it overlaps; Clear removes it. */
static void
test_follows_view (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AmView) changed = am_view_copy (view (f));
  GtkWidget *clear = NULL;

  am_view_set_time_range (changed, "2019", "2019", TRUE);
  am_session_set_view (f->session, changed);
  assert_bins (f, BIN_2019_01, BIN_2019_01 + 11);

  /* A range that holds none of the dates says so. */
  am_view_set_time_range (changed, "2015", "2016", TRUE);
  am_session_set_view (f->session, changed);
  g_assert_false (am_timeline_bar_get_selected_bins (f->bar, NULL, NULL));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "2015 – 2016"));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "0 of 32 dated items, 25 undated"));

  /* An open end reaches the end of the axis. */
  am_view_set_time_range (changed, "2021-03-16", NULL, TRUE);
  am_session_set_view (f->session, changed);
  assert_bins (f, BIN_2021_03, BIN_2021_03);

  for (GtkWidget *w = ui_test_find_type (GTK_WIDGET (f->bar), GTK_TYPE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && !GTK_IS_CHECK_BUTTON (w)
        && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), "edit-clear-symbolic") == 0)
      clear = w;
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_sensitive (clear));

  am_timeline_bar_clear (f->bar);
  g_assert_false (am_view_has_time_range (view (f)));
  g_assert_false (am_timeline_bar_get_selected_bins (f->bar, NULL, NULL));
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_true (visible (f, REL_2019));

  /* Only dated items, without a range: Clear brings the undated back too. */
  am_view_set_time_range (changed, NULL, NULL, FALSE);
  am_session_set_view (f->session, changed);
  g_assert_false (visible (f, REL_UNDATED));
  g_assert_true (gtk_widget_get_sensitive (clear));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (f->bar), "32 dated items, 25 undated hidden"));
  am_timeline_bar_clear (f->bar);
  g_assert_true (am_view_is_whole_map (view (f)));
  g_assert_true (visible (f, REL_UNDATED));
  g_assert_false (gtk_widget_get_sensitive (clear));
}

static gboolean
key (Fixture         *f,
     guint            keyval,
     GdkModifierType  state)
{
  GtkEventControllerKey *keys = ui_test_find_controller (am_timeline_bar_get_histogram (f->bar),
                                                 GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

/* The keys move, widen, narrow and clear the range. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *histogram = am_timeline_bar_get_histogram (f->bar);

  g_assert_true (gtk_widget_get_focusable (histogram));

  /* Right with no range: the first bin. */
  g_assert_true (key (f, GDK_KEY_Right, 0));
  assert_range (f, "2018-01", "2018-01");
  g_assert_true (key (f, GDK_KEY_Right, 0));
  assert_range (f, "2018-02", "2018-02");
  g_assert_true (key (f, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (key (f, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_range (f, "2018-02", "2018-04");
  g_assert_true (key (f, GDK_KEY_Left, 0));
  assert_range (f, "2018-01", "2018-03");
  /* Never past the start, never narrower than one bin. */
  g_assert_true (key (f, GDK_KEY_Left, 0));
  assert_range (f, "2018-01", "2018-03");
  for (guint i = 0; i < 4; i++)
    g_assert_true (key (f, GDK_KEY_Left, GDK_SHIFT_MASK));
  assert_range (f, "2018-01", "2018-01");
  g_assert_true (key (f, GDK_KEY_End, 0));
  assert_range (f, "2021-03", "2021-03");
  g_assert_true (key (f, GDK_KEY_Right, 0));
  assert_range (f, "2021-03", "2021-03");
  g_assert_true (key (f, GDK_KEY_Delete, 0));
  g_assert_false (am_view_has_time_range (view (f)));
  /* Other keys go on to the window. */
  g_assert_false (key (f, GDK_KEY_a, 0));
  g_assert_false (key (f, GDK_KEY_Right, GDK_CONTROL_MASK));
}

static gboolean
reached_last_bin (gpointer data)
{
  Fixture *f = data;
  guint first, last;

  return am_timeline_bar_get_selected_bins (f->bar, &first, &last) && last == N_BINS - 1;
}

static gboolean
stopped (gpointer data)
{
  Fixture *f = data;

  return !am_timeline_bar_get_playing (f->bar);
}

static gboolean
playing (gpointer data)
{
  Fixture *f = data;

  return am_timeline_bar_get_playing (f->bar);
}

/* Play steps the range a bin at a time, keeping its width, and stops at the end; from
 * the end it starts again at the first bin. */
static void
test_play (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *play = ui_test_find_type (GTK_WIDGET (f->bar), GTK_TYPE_BUTTON);
  gint64 started;

  g_assert_true (gtk_widget_get_sensitive (play));
  am_timeline_bar_select_bins (f->bar, BIN_2021_03 - 3, BIN_2021_03 - 2);

  /* The button, as a click would. */
  gtk_widget_activate (play);
  g_assert_true (ui_test_wait_for (playing, f));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (play)), ==, "media-playback-pause-symbolic");
  started = g_get_monotonic_time ();

  g_assert_true (ui_test_wait_for (reached_last_bin, f));
  /* Two steps, each after the interval. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, AM_TIMELINE_BAR_PLAY_INTERVAL_MS * 1000);
  assert_range (f, "2021-02", "2021-03");
  g_assert_true (ui_test_wait_for (stopped, f));
  assert_range (f, "2021-02", "2021-03");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (play)), ==, "media-playback-start-symbolic");

  /* Again from the end: back to the start, two bins wide. */
  am_timeline_bar_set_playing (f->bar, TRUE);
  assert_range (f, "2018-01", "2018-02");
  g_assert_true (am_timeline_bar_get_playing (f->bar));

  /* Brushing stops it. */
  am_timeline_bar_select_bins (f->bar, 5, 5);
  g_assert_false (am_timeline_bar_get_playing (f->bar));
  assert_range (f, "2018-06", "2018-06");
}

/* The strongest accent in the histogram's column @x: blue over red, in the rendered
 * widget (premultiplied BGRA on a transparent ground; grey labels count 0). */
static int
column_accent (const guchar *data,
               gsize         stride,
               int           height,
               int           x)
{
  int best = 0;

  for (int y = 0; y < height; y++)
    {
      const guchar *p = data + y * stride + 4 * x;

      best = MAX (best, (int) p[0] - (int) p[2]);
    }

  return best;
}

/* Dates spanning several bins are drawn lighter than exact ones; empty bins not at all;
 * outside a chosen range everything is grey. */
static void
test_drawing (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *histogram = am_timeline_bar_get_histogram (f->bar);
  int width = gtk_widget_get_width (histogram), height = gtk_widget_get_height (histogram);

  for (guint pass = 0; pass < 2; pass++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guchar *pixels = NULL;
      GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (histogram));
      gsize stride;
      double scale;
      int exact, imprecise, empty;

      /* The drawing area's own snapshot, not a GtkWidgetPaintable: that one keeps the
       * image of the last frame, and has none while a relayout is pending. */
      GTK_WIDGET_GET_CLASS (histogram)->snapshot (histogram, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      stride = 4 * gdk_texture_get_width (texture);
      pixels = g_malloc (stride * gdk_texture_get_height (texture));
      gdk_texture_download (texture, pixels, stride);
      scale = gdk_texture_get_width (texture) / (double) width;

#define COLUMN(bin) column_accent (pixels, stride, gdk_texture_get_height (texture), \
                                   (int) (am_timeline_bar_bin_center (f->bar, (bin)) * scale))
      exact = COLUMN (BIN_2021_03);          /* 25 exact */
      imprecise = COLUMN (0);                /* 2018: three years over twelve months */
      empty = COLUMN (BIN_2021_01 - 6);      /* July 2020 */
#undef COLUMN

      if (pass == 0)
        {
          g_assert_cmpint (exact, >, 120);
          g_assert_cmpint (imprecise, >, 30);
          g_assert_cmpint (imprecise, <, exact - 40);
          g_assert_cmpint (empty, <, 10);
          /* Then a range that leaves 2018 out. */
          am_timeline_bar_select_bins (f->bar, BIN_2019_01, BIN_2021_03);
          ui_test_drain ();
        }
      else
        g_assert_cmpint (imprecise, <, 10);
    }
}

/* Labelled for assistive technologies: a slider named "Time range". */
static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *histogram = am_timeline_bar_get_histogram (f->bar);

  gtk_test_accessible_assert_role (histogram, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (histogram, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time range");
  gtk_test_accessible_assert_property (histogram, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) (N_BINS - 1));

  am_timeline_bar_select_bins (f->bar, BIN_2021_03, BIN_2021_03);
  gtk_test_accessible_assert_property (histogram, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) BIN_2021_03);
  gtk_test_accessible_assert_property (histogram, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "March 2021, 25 of 32 dated items, 25 undated");
}

static AmDocument *
undated_document (void)
{
  static const char json[] =
    "{ \"entities\": ["
    "    { \"id\": \"a\", \"name\": \"A\", \"kind\": \"person\" },"
    "    { \"id\": \"b\", \"name\": \"B\", \"kind\": \"person\" } ],"
    "  \"relations\": ["
    "    { \"id\": \"ab\", \"source\": \"a\", \"target\": \"b\", \"label\": \"knows\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load_from_bytes (bytes, "undated.json", &error);

  g_assert_no_error (error);
  return document;
}

static void
notified_cb (guint *count)
{
  (*count)++;
}

/* Without dates there is nothing to show or play. */
static void
test_no_dates (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmDocument) document = undated_document ();
  GtkWidget *play = ui_test_find_type (GTK_WIDGET (f->bar), GTK_TYPE_BUTTON);
  guint has_dates_notifies = 0;

  g_signal_connect_swapped (f->bar, "notify::has-dates", G_CALLBACK (notified_cb), &has_dates_notifies);
  am_timeline_bar_select_bins (f->bar, 3, 4);
  am_timeline_bar_set_playing (f->bar, TRUE);

  am_session_set_document (f->session, document, NULL);
  am_session_cancel (f->session);

  g_assert_cmpuint (has_dates_notifies, ==, 1);
  g_assert_false (am_timeline_bar_get_has_dates (f->bar));
  g_assert_false (am_timeline_bar_get_playing (f->bar));
  g_assert_false (am_timeline_bar_get_selected_bins (f->bar, NULL, NULL));
  g_assert_false (gtk_widget_get_sensitive (play));
  am_timeline_bar_set_playing (f->bar, TRUE);
  g_assert_false (am_timeline_bar_get_playing (f->bar));
  am_timeline_bar_select_bins (f->bar, 0, 0);
  g_assert_cmpuint (am_timeline_get_n_undated (am_timeline_bar_get_timeline (f->bar)), ==, 1);
  g_signal_handlers_disconnect_by_data (f->bar, &has_dates_notifies);
}

/* In the window: hidden at first, Ctrl+T (win.show-timeline) reveals it under the map,
 * the bar is the window session's, and a map without dates hides it. */

typedef struct
{
  AmWindow  *window;
  AmSession *session;
} WindowFixture;

static gboolean
window_ready (gpointer data)
{
  WindowFixture *f = data;

  return am_session_get_scene (f->session) != NULL && !am_session_get_busy (f->session)
         && gtk_widget_get_mapped (GTK_WIDGET (f->window->canvas));
}

static gboolean
timeline_shown (gpointer data)
{
  WindowFixture *f = data;

  return gtk_revealer_get_child_revealed (f->window->timeline_revealer)
         && gtk_widget_get_mapped (am_timeline_bar_get_histogram (f->window->timeline_bar));
}

static gboolean
timeline_hidden (gpointer data)
{
  WindowFixture *f = data;

  return !gtk_revealer_get_child_revealed (f->window->timeline_revealer);
}

static gboolean
map_follows_view (gpointer data)
{
  WindowFixture *f = data;

  return am_canvas_get_scene (f->window->canvas) == am_session_get_view_scene (f->session);
}

static void
test_window (void)
{
  g_autoptr(AmDocument) document = ui_test_load_bundled ();
  g_autoptr(AmDocument) undated = undated_document ();
  WindowFixture fixture = { 0, }, *f = &fixture;
  AmWindow *window;
  int canvas_height;

  f->window = g_object_new (AM_TYPE_WINDOW, NULL);
  g_object_ref (f->window);
  f->session = am_window_get_session (f->window);
  am_session_set_document (f->session, document, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (ui_test_wait_for (window_ready, f));
  ui_test_drain ();

  g_assert_true (am_timeline_bar_get_session (f->window->timeline_bar) == f->session);
  g_assert_false (am_window_get_show_timeline (f->window));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->timeline_revealer));
  canvas_height = gtk_widget_get_height (GTK_WIDGET (f->window->canvas));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-timeline", NULL));
  g_assert_true (am_window_get_show_timeline (f->window));
  g_assert_true (ui_test_wait_for (timeline_shown, f));
  ui_test_drain ();
  /* Under the map, not over it. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window->canvas)), <, canvas_height);

  /* Brushing in the window filters the window's map. */
  am_timeline_bar_select_bins (f->window->timeline_bar, BIN_2021_03, BIN_2021_03);
  g_assert_cmpstr (am_view_get_time_from (am_session_get_view (f->session)), ==, "2021-03");
  g_assert_false (am_view_result_is_visible (am_session_get_view_result (f->session), REL_2019));
  /* The map draws it: Hanoi is dated 2019 only, so it is gone; Seoul (March 2021) stays. */
  g_assert_true (ui_test_wait_for (map_follows_view, f));
  g_assert_cmpint (am_scene_find_node (am_canvas_get_scene (f->window->canvas), "hanoi"), <, 0);
  g_assert_cmpint (am_scene_find_node (am_canvas_get_scene (f->window->canvas), "seoul"), >=, 0);
  g_assert_cmpint (am_scene_find_node (am_session_get_scene (f->session), "hanoi"), >=, 0);

  /* A map without dates: no bar, no action. */
  am_session_set_document (f->session, undated, NULL);
  g_assert_true (ui_test_wait_for (timeline_hidden, f));
  g_assert_false (gtk_widget_get_sensitive (f->window->timeline_button));
  g_assert_true (am_window_get_show_timeline (f->window));   /* remembered for the next map */

  am_session_set_document (f->session, document, NULL);
  g_assert_true (ui_test_wait_for (timeline_shown, f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-timeline", NULL));
  g_assert_false (am_window_get_show_timeline (f->window));
  g_assert_true (ui_test_wait_for (timeline_hidden, f));

  /* A view that arrives with a time range (a remembered one, say) brings the bar that
   * says what is hidden. */
  am_session_set_view (f->session, NULL);
  g_assert_false (am_window_get_show_timeline (f->window));
  {
    g_autoptr(AmView) view = am_view_new ();

    am_view_set_time_range (view, "2019", "2019", FALSE);
    am_session_set_view (f->session, view);
  }
  g_assert_true (am_window_get_show_timeline (f->window));
  g_assert_true (ui_test_wait_for (timeline_shown, f));

  window = g_steal_pointer (&f->window);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_drain ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/Actormap/TimelineBar/histogram", Fixture, NULL, fixture_setup, test_histogram, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/brush", Fixture, NULL, fixture_setup, test_brush, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/keep-undated", Fixture, NULL, fixture_setup, test_keep_undated, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/follows-view", Fixture, NULL, fixture_setup, test_follows_view, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/keyboard", Fixture, NULL, fixture_setup, test_keyboard, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/play", Fixture, NULL, fixture_setup, test_play, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/drawing", Fixture, NULL, fixture_setup, test_drawing, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/accessible", Fixture, NULL, fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/Actormap/TimelineBar/no-dates", Fixture, NULL, fixture_setup, test_no_dates, fixture_teardown);
  g_test_add_func ("/Actormap/TimelineBar/window", test_window);

  return g_test_run ();
}
