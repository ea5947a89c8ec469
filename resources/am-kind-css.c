/* am-kind-css.c — writes the kind colours of the lists as CSS, at build time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   am-kind-css light|dark OUT.css [BASE.css]
 *
 * The dots and pills of the actor list and the details must have the map's colours,
 * which live in the render theme as plain values.  Writing them into style.css and
 * style-dark.css when the resources are built lets AdwApplication load them like any
 * other stylesheet (one provider for the application, switched by libadwaita with the
 * dark preference) instead of every window building CSS at run time.
 */
#include "config.h"

#include <glib.h>

#include "am-core.h"
#include "am-theme.h"

static void
append_rgba (GString       *css,
             const AmColor *color)
{
  char alpha[G_ASCII_DTOSTR_BUF_SIZE];

  /* CSS wants a dot whatever the locale says. */
  g_ascii_formatd (alpha, sizeof alpha, "%.3f", CLAMP (color->alpha, 0.0, 1.0));
  g_string_append_printf (css, "rgba(%d,%d,%d,%s)",
                          (int) (CLAMP (color->red, 0.0, 1.0) * 255.0 + 0.5),
                          (int) (CLAMP (color->green, 0.0, 1.0) * 255.0 + 0.5),
                          (int) (CLAMP (color->blue, 0.0, 1.0) * 255.0 + 0.5),
                          alpha);
}

static void
append_kind (GString           *css,
             const char        *kind_name,
             const AmKindStyle *style)
{
  if (style == NULL)
    return;

  g_string_append_printf (css, ".kind-dot.kind-%s { background-color: ", kind_name);
  append_rgba (css, &style->fill);
  g_string_append (css, "; border-color: ");
  append_rgba (css, &style->stroke);
  g_string_append (css, "; }\n");

  g_string_append_printf (css, ".kind-pill.kind-%s { background-color: ", kind_name);
  append_rgba (css, &style->fill);
  g_string_append (css, "; color: ");
  append_rgba (css, &style->text);
  g_string_append (css, "; border-color: ");
  append_rgba (css, &style->stroke);
  g_string_append (css, "; }\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  const AmTheme *theme;

  if (argc < 3 || argc > 4
      || (g_strcmp0 (argv[1], "light") != 0 && g_strcmp0 (argv[1], "dark") != 0))
    {
      g_printerr ("usage: %s light|dark OUT.css [BASE.css]\n", argv[0]);
      return 2;
    }

  /* style-dark.css only overrides: libadwaita loads it on top of style.css. */
  if (argc == 4)
    {
      if (!g_file_get_contents (argv[3], &base, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_string_append (css, base);
    }

  theme = g_str_equal (argv[1], "dark") ? am_theme_get_dark () : am_theme_get_light ();
  g_string_append_printf (css, "\n/* Generated from the %s render theme by am-kind-css. */\n", argv[1]);
  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    {
      const char *name = am_entity_kind_to_string (kind);
      const AmKindStyle *style = am_theme_style_for_kind (theme, name);

      if (style != NULL)
        append_kind (css, name, style);
    }

  if (!g_file_set_contents (argv[2], css->str, css->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
