/* am-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <epoxy/gl.h>
#include <glib/gi18n.h>

#include "am-application.h"
#include "am-cli.h"
#include "am-layout.h"
#include "am-window.h"

struct _AmApplication
{
  AdwApplication parent_instance;

  /* Files named on the command line of the primary instance, opened in activate. */
  GPtrArray *pending_files;

  gboolean   recovery_offered;
};

G_DEFINE_FINAL_TYPE (AmApplication, am_application, ADW_TYPE_APPLICATION)

/* The command line is am-cli-options.c's: the headless modes run from there, without
 * GTK, in actormap itself; only what opens a window reaches this program. */
static int
am_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  AmApplication *self = AM_APPLICATION (app);
  g_autofree const char **files = NULL;
  int status;

  status = am_cli_handle_options (options);
  if (status >= 0)
    return status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* A second instance hands its files to the primary one and exits. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("actormap: %s\n", error->message);
          return 1;
        }

      if (g_application_get_is_remote (app))
        {
          g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; files[i] != NULL; i++)
            g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
          g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
          return 0;
        }

      g_clear_pointer (&self->pending_files, g_ptr_array_unref);
      self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (files[i]));
    }

  return -1;
}

/* Once per run, in the first window: what a session that did not end (a crash, a
 * kill) left unsaved. */
static void
offer_recovery (AmApplication *self,
                AmWindow      *window)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  am_window_offer_recovery (window);
}

static void
am_application_activate (GApplication *app)
{
  AmApplication *self = AM_APPLICATION (app);
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);
  GtkWindow *active;

  if (files != NULL && files->len > 0)
    {
      g_application_open (app, (GFile **) files->pdata, files->len, "");
      return;
    }

  /* Launching again from the desktop brings the open window back, as GNOME apps do;
   * app.new-window opens another. */
  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  {
    AmWindow *window = am_window_new (GTK_APPLICATION (app));

    am_window_open_bundled (window);
    gtk_window_present (GTK_WINDOW (window));
    offer_recovery (self, window);
  }
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AmWindow *window = am_window_new (GTK_APPLICATION (user_data));

  /* A new window starts empty, ready for Open or a dropped file. */
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window lets it save its size (close-request) and ask about unsaved
   * changes; the application ends with its last window, so a window whose changes the
   * person wants to keep stays open. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Actormap developers", NULL };
  static const char *built_with[] = {
    "Graphviz https://graphviz.org",
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "JSON-GLib https://gitlab.gnome.org/GNOME/json-glib",
    NULL
  };
  g_autofree char *comments = NULL;
  g_autofree char *debug_info = NULL;
  AdwAboutWindow *about;

  /* The about window's comments are markup; the text is ours but translations vary. */
  comments = g_markup_escape_text (_("Read a news story as a network of actors, relations and "
                                     "statements, each tied to the sentences of the article "
                                     "it comes from."), -1);
  debug_info = g_strdup_printf ("Actormap %s\nGLib %u.%u.%u\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\n",
                                PACKAGE_VERSION,
                                glib_major_version, glib_minor_version, glib_micro_version,
                                gtk_get_major_version (), gtk_get_minor_version (),
                                gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (),
                                adw_get_micro_version ());

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                /* Translators: the application's name */
                "application-name", _("Actormap"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                /* Translators: the authors, in the about window */
                "developer-name", _("The Actormap developers"),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", comments,
                "debug-info", debug_info,
                /* Translators: replace with your names, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_about_window_add_acknowledgement_section (about,
                                                /* Translators: a section of the about window's credits */
                                                _("Built With"),
                                                built_with);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "about", about_activated, NULL, NULL, NULL },
  { "new-window", new_window_activated, NULL, NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
};

/**
 * am_gl_renderer_is_software:
 * @gl_renderer: what GL_RENDERER says ("llvmpipe (LLVM 15.0.6, 256 bits)")
 *
 * Returns: whether that is Mesa's software rasteriser rather than a GPU
 */
gboolean
am_gl_renderer_is_software (const char *gl_renderer)
{
  static const char *const software[] = { "llvmpipe", "softpipe", "swrast" };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (gl_renderer != NULL, FALSE);

  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (lower, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* GTK 4.8 draws windows with its GL renderer whenever GL works, and on a machine
 * without a GPU (VMs, remote desktops, Xvfb) GL is llvmpipe: the CPU runs every frame
 * through a JIT-compiled rasteriser, and compiling its shaders alone held the first
 * picture of a 5 000-actor map back by 1.6 s (3.7 s against 2.1 s with cairo).  GTK
 * 4.14 stopped using GPU renderers on llvmpipe; this does the same for 4.8: one GL
 * context is made to read its renderer's name, before any window has a renderer, and
 * the display is told which renderer its windows get, the way GTK's inspector does it
 * (GSK reads the display's "gsk-renderer" first; setting GSK_RENDERER here would be a
 * setenv() with GTK's threads running).  A GSK_RENDERER the user set is left alone. */
static void
avoid_software_gl (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  const char *renderer;
  gboolean software;

  if (g_getenv ("GSK_RENDERER") != NULL || display == NULL)
    return;

  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return;  /* No GL: GTK falls back to cairo on its own. */

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  software = renderer != NULL && am_gl_renderer_is_software (renderer);
  gdk_gl_context_clear_current ();

  if (software)
    {
      g_debug ("GL is %s, a software rasteriser: windows are drawn with cairo", renderer);
      g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
    }
}

static void
am_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (am_application_parent_class)->startup (app);

  avoid_software_gl (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window",
                                         (const char *[]) { "<Shift><Control>n", NULL });
}

static void
am_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      AmWindow *window = am_window_new (GTK_APPLICATION (app));

      /* A model opens, an article becomes a new map. */
      am_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      if (i == 0)
        offer_recovery (AM_APPLICATION (app), window);
    }
}

static void
am_application_finalize (GObject *object)
{
  AmApplication *self = AM_APPLICATION (object);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (am_application_parent_class)->finalize (object);
}

static void
am_application_class_init (AmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = am_application_finalize;

  app_class->handle_local_options = am_application_handle_local_options;
  app_class->startup = am_application_startup;
  app_class->activate = am_application_activate;
  app_class->open = am_application_open;
}

static void
am_application_init (AmApplication *self)
{
  am_cli_setup_application (G_APPLICATION (self));
}

AmApplication *
am_application_new (void)
{
  return g_object_new (AM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
