/* am-timeline-bar.c — the bar under the map: when things happened, and a time range to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-format.h"
#include "am-timeline-bar.h"

/*
 * The session's view is the one truth about the time range: brushing, the keys, Play,
 * Keep Undated and Clear each build a changed copy of the view and hand it to the
 * session, and the bar redraws from "notify::view".  Only a drag in progress is local
 * (@drag_first/@drag_last), so the map is not filtered again at every pointer motion.
 */
struct _AmTimelineBar
{
  GtkWidget        parent_instance;

  /* Template Widgets */
  GtkButton       *clear_button;
  GtkLabel        *count_label;
  GtkDrawingArea  *histogram;
  GtkCheckButton  *keep_undated_button;
  GtkButton       *play_button;
  GtkLabel        *range_label;

  /* Owned References */
  AmSession       *session;
  GSignalGroup    *session_signals;
  AmTimeline      *timeline;          /* of the whole document; NULL without one */

  guint            play_source_id;
  double           drag_start_x;

  /* The view's range as bins, when it has one. */
  guint            sel_first;
  guint            sel_last;
  guint            drag_anchor;
  guint            drag_first;
  guint            drag_last;

  guint            has_selection : 1;
  guint            dragging : 1;
  guint            syncing : 1;       /* setting the check button from the view */
};

G_DEFINE_FINAL_TYPE (AmTimelineBar, am_timeline_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HAS_DATES,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define BAR_PAD_X   4.0
#define BAR_PAD_TOP 4.0
#define LABEL_GAP   2.0

static guint
n_bins (AmTimelineBar *self)
{
  return self->timeline != NULL ? am_timeline_get_n_bins (self->timeline) : 0;
}

/* The bins to draw as chosen: the drag's while dragging, else the view's. */
static gboolean
shown_selection (AmTimelineBar *self,
                 guint         *first,
                 guint         *last)
{
  if (self->dragging)
    {
      *first = self->drag_first;
      *last = self->drag_last;
      return TRUE;
    }

  *first = self->sel_first;
  *last = self->sel_last;
  return self->has_selection;
}

/* Changing the view */

static void
set_view_range (AmTimelineBar *self,
                const char    *from,
                const char    *to,
                gboolean       keep_undated)
{
  g_autoptr(AmView) view = NULL;

  if (self->session == NULL)
    return;

  view = am_view_copy (am_session_get_view (self->session));
  am_view_set_time_range (view, from, to, keep_undated);
  am_session_set_view (self->session, view);
}

static gboolean
keep_undated (AmTimelineBar *self)
{
  return gtk_check_button_get_active (self->keep_undated_button);
}

static void
commit_bins (AmTimelineBar *self,
             guint          first,
             guint          last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint n = n_bins (self);

  if (n == 0)
    return;

  if (first > last)
    {
      guint swap = first;

      first = last;
      last = swap;
    }
  first = MIN (first, n - 1);
  last = MIN (last, n - 1);

  from = am_timeline_format_bin (self->timeline, first);
  to = am_timeline_format_bin (self->timeline, last);
  set_view_range (self, from, to, keep_undated (self));
}

/* Play */

static gboolean
play_step_cb (gpointer data)
{
  AmTimelineBar *self = AM_TIMELINE_BAR (data);
  guint n = n_bins (self);

  if (n == 0 || !self->has_selection || self->sel_last + 1 >= n)
    {
      /* Removes this source too; GLib allows that from its own callback. */
      am_timeline_bar_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  commit_bins (self, self->sel_first + 1, self->sel_last + 1);

  return G_SOURCE_CONTINUE;
}

static void
update_play_button (AmTimelineBar *self)
{
  gboolean playing = self->play_source_id != 0;
  const char *label = playing
                      /* Translators: the timeline's play button while it plays */
                      ? _("Pause")
                      /* Translators: the timeline's play button: step through time */
                      : _("Play");

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Reading the view */

/* The range's bounds as text: the bins', or for a range that holds none of the dates
 * (remembered, or set before an edit) the view's own strings. */
static char *
range_text_new (const char *from_iso,
                const char *to_iso)
{
  g_autofree char *from_text = from_iso ? am_format_date (from_iso) : NULL;
  g_autofree char *to_text = to_iso ? am_format_date (to_iso) : NULL;

  if (from_text == NULL)
    /* Translators: the open start of a time range on the timeline */
    from_text = g_strdup (_("Start"));
  if (to_text == NULL)
    /* Translators: the open end of a time range on the timeline */
    to_text = g_strdup (_("End"));

  if (g_str_equal (from_text, to_text))
    return g_steal_pointer (&from_text);

  /* Translators: a time range on the timeline, "March 2021 – May 2021" */
  return g_strdup_printf (_("%s – %s"), from_text, to_text);
}

static void
update_labels (AmTimelineBar *self)
{
  const AmView *view = self->session != NULL ? am_session_get_view (self->session) : NULL;
  g_autofree char *range_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *value_text = NULL;
  guint first = 0, last = 0, n_dated, n_undated, in_range = 0;
  gboolean has_range;

  if (n_bins (self) == 0)
    {
      gtk_label_set_text (self->range_label, "");
      gtk_label_set_text (self->count_label, "");
      return;
    }

  n_dated = am_timeline_get_n_dated (self->timeline);
  n_undated = am_timeline_get_n_undated (self->timeline);
  has_range = shown_selection (self, &first, &last);

  if (has_range)
    {
      g_autofree char *from_iso = am_timeline_format_bin (self->timeline, first);
      g_autofree char *to_iso = am_timeline_format_bin (self->timeline, last);
      AmDateRange first_bin, last_bin, range;

      am_timeline_get_bin (self->timeline, first, &first_bin, NULL, NULL);
      am_timeline_get_bin (self->timeline, last, &last_bin, NULL, NULL);
      range.first = first_bin.first;
      range.last = last_bin.last;
      in_range = am_timeline_count_in_range (self->timeline, &range);
      range_text = range_text_new (from_iso, to_iso);
    }
  else if (view != NULL && am_view_has_time_range (view))
    {
      has_range = TRUE;
      range_text = range_text_new (am_view_get_time_from (view), am_view_get_time_to (view));
    }

  if (has_range && keep_undated (self) && n_undated > 0)
    count_text = g_strdup_printf (
      /* Translators: under the timeline's range: how many dated relations and statements
       * it holds, of how many; then the undated ones, which stay shown */
      g_dngettext (GETTEXT_PACKAGE, "%u of %u dated items, %u undated", "%u of %u dated items, %u undated",
                   n_dated),
      in_range, n_dated, n_undated);
  else if (has_range)
    count_text = g_strdup_printf (
      /* Translators: under the timeline's range: how many dated relations and statements
       * it holds, of how many */
      g_dngettext (GETTEXT_PACKAGE, "%u of %u dated item", "%u of %u dated items", n_dated),
      in_range, n_dated);
  else if (keep_undated (self) || n_undated == 0)
    count_text = g_strdup_printf (
      /* Translators: under the timeline when no range is chosen: how many relations and
       * statements are dated, and how many are not */
      g_dngettext (GETTEXT_PACKAGE, "%u dated item, %u undated", "%u dated items, %u undated", n_dated),
      n_dated, n_undated);
  else
    count_text = g_strdup_printf (
      /* Translators: under the timeline when no range is chosen and Keep Undated is off:
       * how many relations and statements are dated, and how many are hidden for having
       * no date */
      g_dngettext (GETTEXT_PACKAGE, "%u dated item, %u undated hidden", "%u dated items, %u undated hidden",
                   n_dated),
      n_dated, n_undated);

  if (!has_range)
    {
      g_autofree char *from_iso = am_timeline_format_bin (self->timeline, 0);
      g_autofree char *to_iso = am_timeline_format_bin (self->timeline, n_bins (self) - 1);
      g_autofree char *span_text = range_text_new (from_iso, to_iso);

      range_text = g_steal_pointer (&span_text);
      /* Translators: what a screen reader says of the timeline when no range is chosen:
       * the span of the dates, then how many items are dated */
      value_text = g_strdup_printf (_("All dates, %s, %s"), range_text, count_text);
    }
  else
    value_text = g_strdup_printf ("%s, %s", range_text, count_text);

  gtk_label_set_text (self->range_label, range_text);
  gtk_label_set_text (self->count_label, count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->histogram),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) (n_bins (self) - 1),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
}

static void
view_changed_cb (AmTimelineBar *self)
{
  const AmView *view = self->session != NULL ? am_session_get_view (self->session) : NULL;
  gboolean had_selection = self->has_selection;

  self->has_selection = FALSE;

  if (view != NULL)
    {
      self->syncing = TRUE;
      gtk_check_button_set_active (self->keep_undated_button, am_view_get_keep_undated (view));
      self->syncing = FALSE;
    }

  if (view != NULL && self->timeline != NULL && am_view_has_time_range (view))
    {
      const char *from = am_view_get_time_from (view);
      const char *to = am_view_get_time_to (view);
      AmDateRange range = { 1, G_MAXUINT32 }, date;

      /* An open end reaches the end of the axis. */
      if (from != NULL && am_date_range_parse (from, &date))
        range.first = date.first;
      if (to != NULL && am_date_range_parse (to, &date))
        range.last = date.last;

      self->has_selection = am_timeline_find_bins (self->timeline, &range,
                                                   &self->sel_first, &self->sel_last);
    }

  if (!self->has_selection && had_selection && self->play_source_id != 0)
    am_timeline_bar_set_playing (self, FALSE);

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button),
                            view != NULL && (am_view_has_time_range (view) || !am_view_get_keep_undated (view)));
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

static void
document_changed_cb (AmTimelineBar *self)
{
  AmDocument *document = self->session != NULL ? am_session_get_document (self->session) : NULL;
  gboolean had_dates = am_timeline_bar_get_has_dates (self);

  am_timeline_bar_set_playing (self, FALSE);
  self->dragging = FALSE;
  g_clear_pointer (&self->timeline, am_timeline_free);
  if (document != NULL)
    self->timeline = am_timeline_compute (document, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), n_bins (self) > 0);
  view_changed_cb (self);

  if (had_dates != am_timeline_bar_get_has_dates (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DATES]);
}

/* Drawing */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static double
bin_width (AmTimelineBar *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->histogram)) - 2 * BAR_PAD_X;
  guint n = n_bins (self);

  return n > 0 ? MAX (width, 1.0) / n : 0.0;
}

/* The label of the axis under bin @index, or NULL where the bin starts nothing worth
 * naming (a month inside a year on a month axis). */
static char *
tick_label (AmTimelineBar *self,
            guint          index)
{
  g_autoptr(GDateTime) time = NULL;
  AmDateRange range;
  GDate date;

  am_timeline_get_bin (self->timeline, index, &range, NULL, NULL);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, range.first);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  switch (am_timeline_get_unit (self->timeline))
    {
    case AM_TIMELINE_UNIT_DAY:
      if (index == 0 || g_date_get_day (&date) == 1)
        /* Translators: an axis label of the timeline at a month's first day, in
         * g_date_time_format() notation: "Mar 2021" */
        return g_date_time_format (time, _("%b %Y"));
      if (g_date_get_weekday (&date) == G_DATE_MONDAY)
        return g_date_time_format (time, "%-d");
      return NULL;

    case AM_TIMELINE_UNIT_MONTH:
      if (index == 0 || g_date_get_month (&date) == G_DATE_JANUARY)
        return g_date_time_format (time, "%Y");
      return NULL;

    case AM_TIMELINE_UNIT_YEAR:
    default:
      return g_date_time_format (time, "%Y");
    }
}

static void
draw_histogram_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        data)
{
  AmTimelineBar *self = AM_TIMELINE_BAR (data);
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg, accent;
  guint n = n_bins (self);
  guint max_count = 1, first = 0, last = 0;
  gboolean selection;
  double bw, bars_bottom, bars_height, next_label_x = -G_MAXDOUBLE;
  int label_height;

  if (n == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);

  layout = gtk_widget_create_pango_layout (widget, "0");
  pango_layout_get_pixel_size (layout, NULL, &label_height);

  bw = bin_width (self);
  bars_bottom = height - label_height - LABEL_GAP;
  bars_height = MAX (bars_bottom - BAR_PAD_TOP, 1.0);
  selection = shown_selection (self, &first, &last);

  for (guint i = 0; i < n; i++)
    {
      guint exact, imprecise;

      am_timeline_get_bin (self->timeline, i, NULL, &exact, &imprecise);
      max_count = MAX (max_count, exact + imprecise);
    }

  /* The chosen range behind the bars. */
  if (selection)
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.18);
      cairo_rectangle (cr, BAR_PAD_X + first * bw, 0, (last - first + 1) * bw, bars_bottom);
      cairo_fill (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      guint exact, imprecise;
      double x = BAR_PAD_X + i * bw + MIN (1.0, bw * 0.1);
      double w = MAX (bw - 2 * MIN (1.0, bw * 0.1), 1.0);
      double h_exact, h_imprecise;
      gboolean inside = !selection || (i >= first && i <= last);
      const GdkRGBA *color = inside ? &accent : &fg;
      double alpha = inside ? 1.0 : 0.35;

      am_timeline_get_bin (self->timeline, i, NULL, &exact, &imprecise);
      h_exact = bars_height * exact / max_count;
      h_imprecise = bars_height * imprecise / max_count;
      /* A bin with anything in it stays visible beside a tall one. */
      if (exact > 0)
        h_exact = MAX (h_exact, 2.0);
      if (imprecise > 0)
        h_imprecise = MAX (h_imprecise, 2.0);

      /* Exact dates at the foot, dates spanning several bins lighter on top of them. */
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
      cairo_rectangle (cr, x, bars_bottom - h_exact, w, h_exact);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha * 0.45);
      cairo_rectangle (cr, x, bars_bottom - h_exact - h_imprecise, w, h_imprecise);
      cairo_fill (cr);
    }

  /* The axis and its labels, skipping those that would overlap. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_rectangle (cr, BAR_PAD_X, bars_bottom, n * bw, 1);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;
      double x = BAR_PAD_X + i * bw;
      int text_width;

      if (x < next_label_x || (text = tick_label (self, i)) == NULL)
        continue;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (x + text_width > width)
        continue;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, x, bars_bottom + LABEL_GAP);
      pango_cairo_show_layout (cr, layout);
      next_label_x = x + text_width + 8;
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
}

/* Input */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AmTimelineBar  *self)
{
  if (n_bins (self) == 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  am_timeline_bar_set_playing (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->histogram));
  self->drag_start_x = x;
  self->drag_anchor = am_timeline_bar_bin_at (self, x);
  self->drag_first = self->drag_last = self->drag_anchor;
  self->dragging = TRUE;
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AmTimelineBar  *self)
{
  guint bin;

  if (!self->dragging)
    return;

  bin = am_timeline_bar_bin_at (self, self->drag_start_x + dx);
  self->drag_first = MIN (bin, self->drag_anchor);
  self->drag_last = MAX (bin, self->drag_anchor);
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AmTimelineBar  *self)
{
  if (!self->dragging)
    return;

  drag_update_cb (gesture, dx, dy, self);
  self->dragging = FALSE;
  commit_bins (self, self->drag_first, self->drag_last);
  /* When the view did not change (the same range again) nothing notifies. */
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AmTimelineBar         *self)
{
  guint n = n_bins (self);
  guint first = self->sel_first, last = self->sel_last;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  /* The axis runs left to right in every locale (it is drawn so), and so do the keys. */
  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (!self->has_selection)
        first = last = n - 1;
      else if (shift)
        last = MAX (last, first + 1) - 1;           /* narrower, never empty */
      else if (first > 0)
        first--, last--;
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (!self->has_selection)
        first = last = 0;
      else if (shift)
        last = MIN (last + 1, n - 1);               /* wider */
      else if (last + 1 < n)
        first++, last++;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      last = self->has_selection ? last - first : 0;
      first = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      first = self->has_selection ? n - 1 - (last - first) : n - 1;
      last = n - 1;
      break;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      am_timeline_bar_clear (self);
      return TRUE;

    default:
      return FALSE;
    }

  am_timeline_bar_set_playing (self, FALSE);
  commit_bins (self, first, last);
  return TRUE;
}

/* Template callbacks */

static void
play_clicked_cb (AmTimelineBar *self)
{
  am_timeline_bar_set_playing (self, self->play_source_id == 0);
}

static void
clear_clicked_cb (AmTimelineBar *self)
{
  am_timeline_bar_clear (self);
}

static void
keep_undated_toggled_cb (AmTimelineBar *self)
{
  const AmView *view;

  if (self->syncing || self->session == NULL)
    return;

  view = am_session_get_view (self->session);
  set_view_range (self, am_view_get_time_from (view), am_view_get_time_to (view), keep_undated (self));
}

/* GObject */

static void
am_timeline_bar_dispose (GObject *object)
{
  AmTimelineBar *self = AM_TIMELINE_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->play_source_id, g_source_remove);
  g_clear_object (&self->session_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_TIMELINE_BAR);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (am_timeline_bar_parent_class)->dispose (object);
}

static void
am_timeline_bar_finalize (GObject *object)
{
  AmTimelineBar *self = AM_TIMELINE_BAR (object);

  g_clear_pointer (&self->timeline, am_timeline_free);

  G_OBJECT_CLASS (am_timeline_bar_parent_class)->finalize (object);
}

static void
am_timeline_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmTimelineBar *self = AM_TIMELINE_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_HAS_DATES:
      g_value_set_boolean (value, am_timeline_bar_get_has_dates (self));
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, am_timeline_bar_get_playing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_timeline_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmTimelineBar *self = AM_TIMELINE_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_timeline_bar_set_session (self, g_value_get_object (value));
      break;

    case PROP_PLAYING:
      am_timeline_bar_set_playing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_timeline_bar_class_init (AmTimelineBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_timeline_bar_dispose;
  object_class->finalize = am_timeline_bar_finalize;
  object_class->get_property = am_timeline_bar_get_property;
  object_class->set_property = am_timeline_bar_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();
  properties [PROP_HAS_DATES] =
    g_param_spec_boolean ("has-dates", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amtimelinebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-timeline-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmTimelineBar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AmTimelineBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, AmTimelineBar, histogram);
  gtk_widget_class_bind_template_child (widget_class, AmTimelineBar, keep_undated_button);
  gtk_widget_class_bind_template_child (widget_class, AmTimelineBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, AmTimelineBar, range_label);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_undated_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
}

static void
am_timeline_bar_init (AmTimelineBar *self)
{
  GtkGesture *drag;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->histogram, draw_histogram_cb, self, NULL);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->histogram), GTK_EVENT_CONTROLLER (drag));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->histogram), keys);

  self->session_signals = g_signal_group_new (AM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::document",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::view",
                                 G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);

  update_play_button (self);
  document_changed_cb (self);
}

/* Public API */

GtkWidget *
am_timeline_bar_new (void)
{
  return g_object_new (AM_TYPE_TIMELINE_BAR, NULL);
}

AmSession *
am_timeline_bar_get_session (AmTimelineBar *self)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), NULL);

  return self->session;
}

void
am_timeline_bar_set_session (AmTimelineBar *self,
                             AmSession     *session)
{
  g_return_if_fail (AM_IS_TIMELINE_BAR (self));

  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  document_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

gboolean
am_timeline_bar_get_has_dates (AmTimelineBar *self)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), FALSE);

  return n_bins (self) > 0;
}

gboolean
am_timeline_bar_get_playing (AmTimelineBar *self)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), FALSE);

  return self->play_source_id != 0;
}

void
am_timeline_bar_set_playing (AmTimelineBar *self,
                             gboolean       playing)
{
  guint n;

  g_return_if_fail (AM_IS_TIMELINE_BAR (self));

  n = n_bins (self);
  playing = playing && n > 0 && self->session != NULL;
  if (playing == (self->play_source_id != 0))
    return;

  if (playing)
    {
      /* From the start when there is no range or it already reached the end; the range
       * keeps its width. */
      if (!self->has_selection)
        commit_bins (self, 0, 0);
      else if (self->sel_last + 1 >= n)
        commit_bins (self, 0, self->sel_last - self->sel_first);

      self->play_source_id = g_timeout_add (AM_TIMELINE_BAR_PLAY_INTERVAL_MS, play_step_cb, self);
    }
  else
    g_clear_handle_id (&self->play_source_id, g_source_remove);

  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAYING]);
}

gboolean
am_timeline_bar_get_selected_bins (AmTimelineBar *self,
                                   guint         *first_bin,
                                   guint         *last_bin)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), FALSE);

  if (!self->has_selection)
    return FALSE;

  if (first_bin != NULL)
    *first_bin = self->sel_first;
  if (last_bin != NULL)
    *last_bin = self->sel_last;

  return TRUE;
}

void
am_timeline_bar_select_bins (AmTimelineBar *self,
                             guint          first_bin,
                             guint          last_bin)
{
  g_return_if_fail (AM_IS_TIMELINE_BAR (self));

  am_timeline_bar_set_playing (self, FALSE);
  commit_bins (self, first_bin, last_bin);
}

void
am_timeline_bar_clear (AmTimelineBar *self)
{
  g_return_if_fail (AM_IS_TIMELINE_BAR (self));

  am_timeline_bar_set_playing (self, FALSE);
  set_view_range (self, NULL, NULL, TRUE);
}

AmTimeline *
am_timeline_bar_get_timeline (AmTimelineBar *self)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), NULL);

  return self->timeline;
}

GtkWidget *
am_timeline_bar_get_histogram (AmTimelineBar *self)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), NULL);

  return GTK_WIDGET (self->histogram);
}

guint
am_timeline_bar_bin_at (AmTimelineBar *self,
                        double         x)
{
  double bw;
  guint n;

  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), 0);

  n = n_bins (self);
  bw = bin_width (self);
  if (n == 0 || bw <= 0 || x < BAR_PAD_X)
    return 0;

  return MIN ((guint) ((x - BAR_PAD_X) / bw), n - 1);
}

double
am_timeline_bar_bin_center (AmTimelineBar *self,
                            guint          index)
{
  g_return_val_if_fail (AM_IS_TIMELINE_BAR (self), 0.0);

  return BAR_PAD_X + (index + 0.5) * bin_width (self);
}
