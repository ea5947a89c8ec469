/* am-print.c — printing the map: fitted to the page, with legend, citation and preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "am-export.h"
#include "am-print.h"
#include "am-theme.h"

/* The preview's size in the dialog's tab, in widget pixels. */
#define PREVIEW_WIDTH  260
#define PREVIEW_HEIGHT 340
/* An A4 sheet in points, until the dialog says which paper it is. */
#define A4_WIDTH       595.0
#define A4_HEIGHT      842.0

struct _AmPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* What is printed, taken when the operation is made: immutable values. */
  AmScene           *scene;
  GHashTable        *highlighted;     /* what the map leaves undimmed (a path), or NULL */
  char              *title;
  char              *citation;        /* "publisher · date", then "Made with Actormap" */
  AmDocumentOrigin   origin;

  /* The paper and the printable area the preview shows, in points. */
  double             paper_width;
  double             paper_height;
  double             margin_left;
  double             margin_top;
  double             printable_width;
  double             printable_height;

  GtkWidget         *preview;         /* the tab's drawing area, while the dialog is up */
  GtkWindow         *parent;          /* weak: where errors are shown */

  guint              show_legend : 1;
  guint              show_citation : 1;
};

G_DEFINE_FINAL_TYPE (AmPrintOperation, am_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_SHOW_LEGEND,
  PROP_SHOW_CITATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The process's last printer settings: the next print starts from them. */
static GtkPrintSettings *last_settings;

static void
fill_options (AmPrintOperation *self,
              AmExportOptions  *options)
{
  am_export_options_init (options);
  options->format = AM_EXPORT_FORMAT_PDF;
  /* Paper is white: the light theme, whatever the screen uses. */
  options->theme = am_theme_get_light ();
  options->show_legend = self->show_legend;
  options->show_caption = self->show_citation;
  options->caption_title = self->title;
  options->caption_subtitle = self->citation;
  options->origin = self->origin;
  options->highlighted = self->highlighted;
}

gboolean
am_print_operation_has_page (AmPrintOperation *self)
{
  g_return_val_if_fail (AM_IS_PRINT_OPERATION (self), FALSE);

  return self->scene != NULL;
}

void
am_print_operation_draw (AmPrintOperation *self,
                         cairo_t          *cr,
                         double            width,
                         double            height)
{
  AmExportOptions options;
  double page_width, page_height, fit;

  g_return_if_fail (AM_IS_PRINT_OPERATION (self));
  g_return_if_fail (cr != NULL);

  if (self->scene == NULL || !(width > 0) || !(height > 0))
    return;

  fill_options (self, &options);
  am_export_measure_page (self->scene, &options, &page_width, &page_height);
  if (!(page_width > 0) || !(page_height > 0))
    return;

  /* Fit to the page, small maps scaled up as large ones are scaled down, and centred. */
  fit = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * fit) / 2, (height - page_height * fit) / 2);
  cairo_scale (cr, fit, fit);
  am_export_draw_page (cr, self->scene, &options);
  cairo_restore (cr);
}

/* GtkPrintOperation */

static void
am_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  AmPrintOperation *self = AM_PRINT_OPERATION (operation);

  am_print_operation_draw (self, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
}

static void
set_paper (AmPrintOperation *self,
           GtkPageSetup     *setup)
{
  self->paper_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  self->paper_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  if (gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_LANDSCAPE
      || gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE)
    {
      double swap = self->paper_width;

      self->paper_width = self->paper_height;
      self->paper_height = swap;
    }
  self->margin_left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  self->margin_top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  self->printable_width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  self->printable_height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);

  if (self->preview != NULL)
    gtk_widget_queue_draw (self->preview);
}

/* The preview: the sheet, scaled into the drawing area, with the page on it as the
 * printer gets it. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AmPrintOperation *self = user_data;
  double scale, x, y;

  if (!(self->paper_width > 0) || !(self->paper_height > 0))
    return;

  scale = MIN ((width - 8) / self->paper_width, (height - 8) / self->paper_height);
  x = (width - self->paper_width * scale) / 2;
  y = (height - self->paper_height * scale) / 2;

  /* A grey desk and the sheet on it, with a thin shadow, so a white page shows on a
   * light dialog. */
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_paint (cr);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 1, y + 2, self->paper_width * scale, self->paper_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, self->paper_width * scale, self->paper_height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, self->margin_left, self->margin_top);
  cairo_rectangle (cr, 0, 0, self->printable_width, self->printable_height);
  cairo_clip (cr);
  am_print_operation_draw (self, cr, self->printable_width, self->printable_height);
  cairo_restore (cr);
}

static void
preview_destroy_cb (AmPrintOperation *self)
{
  self->preview = NULL;
}

static GtkWidget *
check_button (AmPrintOperation *self,
              const char       *label,
              const char       *property)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, property);
  g_object_bind_property (self, property, button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return button;
}

static GtkWidget *
am_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  AmPrintOperation *self = AM_PRINT_OPERATION (operation);
  GtkWidget *box, *options;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->preview = gtk_drawing_area_new ();
  gtk_widget_set_name (self->preview, "preview");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->preview), PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->preview), PREVIEW_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the print preview */
                                  _("Preview of the printed page"),
                                  -1);
  g_signal_connect_object (self->preview, "destroy", G_CALLBACK (preview_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->preview);

  options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (options),
                  /* Translators: a check button in the print dialog's Map tab */
                  check_button (self, _("_Legend"), "show-legend"));
  gtk_box_append (GTK_BOX (options),
                  /* Translators: a check button in the print dialog's Map tab: the
                   * article's title, publisher and date above the map */
                  check_button (self, _("_Citation"), "show-citation"));
  gtk_box_append (GTK_BOX (box), options);

  return box;
}

static void
am_print_operation_update_custom_widget (GtkPrintOperation *operation,
                                         GtkWidget         *widget,
                                         GtkPageSetup      *setup,
                                         GtkPrintSettings  *settings)
{
  if (setup != NULL)
    set_paper (AM_PRINT_OPERATION (operation), setup);
}

static void
am_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  /* The check buttons are bound to the properties: nothing to copy. */
}

/* GObject */

static void
am_print_operation_finalize (GObject *object)
{
  AmPrintOperation *self = AM_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->scene, am_scene_unref);
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_free (self->title);
  g_free (self->citation);

  G_OBJECT_CLASS (am_print_operation_parent_class)->finalize (object);
}

static void
am_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AmPrintOperation *self = AM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_SHOW_CITATION:
      g_value_set_boolean (value, self->show_citation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AmPrintOperation *self = AM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEGEND:
      am_print_operation_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_CITATION:
      am_print_operation_set_show_citation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_print_operation_class_init (AmPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = am_print_operation_finalize;
  object_class->get_property = am_print_operation_get_property;
  object_class->set_property = am_print_operation_set_property;

  print_class->draw_page = am_print_operation_draw_page;
  print_class->create_custom_widget = am_print_operation_create_custom_widget;
  print_class->update_custom_widget = am_print_operation_update_custom_widget;
  print_class->custom_widget_apply = am_print_operation_custom_widget_apply;

  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_CITATION] =
    g_param_spec_boolean ("show-citation", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_print_operation_init (AmPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  self->show_legend = TRUE;
  self->show_citation = TRUE;

  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), 1);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self),
                                            /* Translators: the tab of the print dialog with
                                             * the preview and what to print */
                                            _("Map"));

  /* Until the dialog says otherwise, the preview shows the default paper. */
  set_paper (self, setup);
  if (!(self->paper_width > 0))
    {
      self->paper_width = self->printable_width = A4_WIDTH;
      self->paper_height = self->printable_height = A4_HEIGHT;
    }
}

/* Public API */

AmPrintOperation *
am_print_operation_new (AmSession *session)
{
  AmPrintOperation *self;
  AmDocument *document;
  AmScene *scene;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);

  self = g_object_new (AM_TYPE_PRINT_OPERATION, NULL);

  /* What the map shows: the view's scene; the laid-out one until a view was derived. */
  scene = am_session_get_view_scene (session);
  if (scene == NULL)
    scene = am_session_get_scene (session);
  if (scene != NULL)
    self->scene = am_scene_ref (scene);
  /* The session replaces its highlight set, never changes it: a reference will do. */
  if (am_session_get_highlight (session) != NULL)
    self->highlighted = g_hash_table_ref (am_session_get_highlight (session));

  document = am_session_get_document (session);
  if (document != NULL)
    {
      g_autofree char *subtitle = NULL;
      /* Translators: the last line of a printed map's citation */
      const char *made_with = _("Made with Actormap");

      am_export_caption_for_document (document, &self->title, &subtitle);
      self->citation = subtitle != NULL ? g_strdup_printf ("%s\n%s", subtitle, made_with)
                                        : g_strdup (made_with);
      self->origin = am_document_get_origin (document);

      if (self->title != NULL)
        gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), self->title);
    }

  return self;
}

gboolean
am_print_operation_get_show_legend (AmPrintOperation *self)
{
  g_return_val_if_fail (AM_IS_PRINT_OPERATION (self), FALSE);

  return self->show_legend;
}

void
am_print_operation_set_show_legend (AmPrintOperation *self,
                                    gboolean          show_legend)
{
  g_return_if_fail (AM_IS_PRINT_OPERATION (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;

  self->show_legend = show_legend;
  if (self->preview != NULL)
    gtk_widget_queue_draw (self->preview);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LEGEND]);
}

gboolean
am_print_operation_get_show_citation (AmPrintOperation *self)
{
  g_return_val_if_fail (AM_IS_PRINT_OPERATION (self), FALSE);

  return self->show_citation;
}

void
am_print_operation_set_show_citation (AmPrintOperation *self,
                                      gboolean          show_citation)
{
  g_return_if_fail (AM_IS_PRINT_OPERATION (self));

  show_citation = !!show_citation;
  if (self->show_citation == show_citation)
    return;

  self->show_citation = show_citation;
  if (self->preview != NULL)
    gtk_widget_queue_draw (self->preview);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_CITATION]);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GtkWindow *parent = AM_PRINT_OPERATION (operation)->parent;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent,
                                       /* Translators: the heading of an error dialog */
                                       _("Could Not Print the Map"),
                                       error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                       /* Translators: a dialog button */
                                       _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (operation);
}

void
am_print_run_dialog (GtkWindow *parent,
                     AmSession *session)
{
  AmPrintOperation *self;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (AM_IS_SESSION (session));

  self = am_print_operation_new (session);
  if (!am_print_operation_has_page (self))
    {
      g_object_unref (self);
      return;
    }

  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), last_settings);

  /* The reference is dropped in done, which also reports errors. */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  g_set_weak_pointer (&self->parent, parent);
  g_signal_connect (self, "done", G_CALLBACK (print_done_cb), NULL);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    g_debug ("Printing failed to start: %s", error->message);
}
