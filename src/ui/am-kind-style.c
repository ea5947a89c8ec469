/* am-kind-style.c — the actor-kind colours of the lists, from the render theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "am-kind-style.h"
#include "am-theme.h"
#include "am-ui-util.h"

/* The .kind-dot/.kind-pill colours must be the map's, which live in the render theme as
 * plain values, so this stylesheet is made from the theme rather than written in
 * style.css.  There is one provider per display, shared by every window, and it is
 * rebuilt only when the style manager switches between light and dark. */

#define PROVIDER_KEY "am-kind-style-provider"

static void
load_css (GtkCssProvider *provider,
          gboolean        dark)
{
  const AmTheme *theme = dark ? am_theme_get_dark () : am_theme_get_light ();
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    {
      const char *name = am_entity_kind_to_string (kind);

      _am_ui_append_kind_css (css, name, am_theme_style_for_kind (theme, name));
    }

  gtk_css_provider_load_from_data (provider, css->str, css->len);
}

static void
dark_changed_cb (GtkCssProvider  *provider,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  load_css (provider, adw_style_manager_get_dark (style_manager));
}

void
_am_kind_style_ensure (GdkDisplay *display)
{
  AdwStyleManager *style_manager;
  GtkCssProvider *provider;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), PROVIDER_KEY) != NULL)
    return;

  style_manager = adw_style_manager_get_for_display (display);
  provider = gtk_css_provider_new ();
  g_object_set_data_full (G_OBJECT (display), PROVIDER_KEY, provider, g_object_unref);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (dark_changed_cb), provider, G_CONNECT_SWAPPED);
  load_css (provider, adw_style_manager_get_dark (style_manager));
}
