/* test-theme.c — the light and dark palettes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "am-theme.h"

static const char * const common_types[] = {
  "role", "family", "advises", "visit", "meeting", "alliance", "hostility", "sanctions",
  "negotiation", "exercise", "succession", "reports", "participation", "membership",
  "location", "statement",
};

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const AmColor *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

/* WCAG 2 contrast ratio, 1–21. */
static double
contrast (const AmColor *a,
          const AmColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static AmColor
over (const AmColor *top,
      const AmColor *bottom)
{
  AmColor out = {
    top->red * top->alpha + bottom->red * (1 - top->alpha),
    top->green * top->alpha + bottom->green * (1 - top->alpha),
    top->blue * top->alpha + bottom->blue * (1 - top->alpha),
    1.0,
  };

  return out;
}

static gboolean
same_color (const AmColor *a,
            const AmColor *b)
{
  return fabs (a->red - b->red) < 1e-9 && fabs (a->green - b->green) < 1e-9 &&
         fabs (a->blue - b->blue) < 1e-9 && fabs (a->alpha - b->alpha) < 1e-9;
}

static const AmTheme *
theme_for (gconstpointer data)
{
  return GPOINTER_TO_INT (data) ? am_theme_get_dark () : am_theme_get_light ();
}

static void
test_lookup (void)
{
  g_assert_true (am_theme_lookup ("light") == am_theme_get_light ());
  g_assert_true (am_theme_lookup ("dark") == am_theme_get_dark ());
  g_assert_null (am_theme_lookup ("Dark"));
  g_assert_null (am_theme_lookup ("blue"));
  g_assert_null (am_theme_lookup (""));
  g_assert_null (am_theme_lookup (NULL));

  g_assert_cmpstr (am_theme_get_light ()->name, ==, "light");
  g_assert_cmpstr (am_theme_get_dark ()->name, ==, "dark");

  /* Dark really is dark, light really is light. */
  g_assert_cmpfloat (luminance (&am_theme_get_light ()->background), >, 0.8);
  g_assert_cmpfloat (luminance (&am_theme_get_dark ()->background), <, 0.05);
}

static void
test_kind_styles (gconstpointer data)
{
  const AmTheme *theme = theme_for (data);

  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    {
      const char *name = am_entity_kind_to_string (kind);

      g_assert_true (am_theme_style_for_kind (theme, name) == &theme->kinds[kind]);
    }

  /* The article's spelling and DOT files' nodes. */
  g_assert_true (am_theme_style_for_kind (theme, "organisation") ==
                 &theme->kinds[AM_ENTITY_KIND_ORGANIZATION]);
  g_assert_true (am_theme_style_for_kind (theme, "node") == &theme->unknown_kind);
  g_assert_true (am_theme_style_for_kind (theme, "spaceship") == &theme->unknown_kind);
  g_assert_true (am_theme_style_for_kind (theme, NULL) == &theme->unknown_kind);

  /* Every kind looks different from every other. */
  for (guint a = 0; a < AM_N_ENTITY_KINDS; a++)
    for (guint b = a + 1; b < AM_N_ENTITY_KINDS; b++)
      g_assert_false (same_color (&theme->kinds[a].fill, &theme->kinds[b].fill));
}

static void
test_contrast (gconstpointer data)
{
  const AmTheme *theme = theme_for (data);
  AmColor label_bg = over (&theme->edge_label_background, &theme->background);

  g_assert_cmpfloat (contrast (&theme->foreground, &theme->background), >=, 7.0);
  g_assert_cmpfloat (contrast (&theme->edge_label, &label_bg), >=, 4.5);
  g_assert_cmpfloat (contrast (&theme->edge, &theme->background), >=, 3.0);
  g_assert_cmpfloat (contrast (&theme->selection, &theme->background), >=, 2.5);
  g_assert_cmpfloat (contrast (&theme->foreground, &theme->cluster_fill), >=, 7.0);
  g_assert_cmpfloat (theme->dim_alpha, >, 0.05);
  g_assert_cmpfloat (theme->dim_alpha, <, 0.6);

  for (guint kind = 0; kind <= AM_N_ENTITY_KINDS; kind++)
    {
      const AmKindStyle *style = kind < AM_N_ENTITY_KINDS ? &theme->kinds[kind] : &theme->unknown_kind;

      g_test_message ("%s theme, kind %u", theme->name, kind);
      g_assert_cmpfloat (contrast (&style->text, &style->fill), >=, 4.5);
      /* The outline is what separates a node from the background. */
      g_assert_cmpfloat (contrast (&style->stroke, &theme->background), >=, 3.0);
      g_assert_cmpfloat (style->fill.alpha, ==, 1.0);
    }
}

static void
test_relation_colors (gconstpointer data)
{
  const AmTheme *theme = theme_for (data);
  AmColor colors[G_N_ELEMENTS (common_types)];

  for (guint i = 0; i < G_N_ELEMENTS (common_types); i++)
    {
      AmColor again = am_theme_color_for_relation_type (theme, common_types[i]);
      g_autofree char *upper = g_ascii_strup (common_types[i], -1);
      AmColor shouted = am_theme_color_for_relation_type (theme, upper);

      colors[i] = am_theme_color_for_relation_type (theme, common_types[i]);
      g_test_message ("%s theme, type %s", theme->name, common_types[i]);
      g_assert_true (same_color (&colors[i], &again));
      g_assert_true (same_color (&colors[i], &shouted));
      g_assert_cmpfloat (contrast (&colors[i], &theme->background), >=, 3.0);

      /* The fixed table gives each common type a colour of its own. */
      for (guint j = 0; j < i; j++)
        g_assert_false (same_color (&colors[i], &colors[j]));
    }

  /* No type: the plain edge colour. */
  {
    AmColor none = am_theme_color_for_relation_type (theme, NULL);
    AmColor empty = am_theme_color_for_relation_type (theme, "");

    g_assert_true (same_color (&none, &theme->edge));
    g_assert_true (same_color (&empty, &theme->edge));
  }

  /* Other types are hashed: stable, readable, and not all the same. */
  {
    static const char * const others[] = {
      "custom ties", "trade", "loans", "rivalry", "espionage", "cyber", "aid", "treaty",
      "mentions", "x",
    };
    guint n_distinct = 0;
    AmColor seen[G_N_ELEMENTS (others)];

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        AmColor c = am_theme_color_for_relation_type (theme, others[i]);
        AmColor again = am_theme_color_for_relation_type (theme, others[i]);
        gboolean is_new = TRUE;

        g_assert_true (same_color (&c, &again));
        g_assert_cmpfloat (contrast (&c, &theme->background), >=, 3.0);
        g_assert_cmpfloat (c.alpha, ==, 1.0);

        for (guint j = 0; j < n_distinct; j++)
          if (same_color (&seen[j], &c))
            is_new = FALSE;
        if (is_new)
          seen[n_distinct++] = c;
      }

    g_assert_cmpuint (n_distinct, >=, 4);
  }
}

static void
test_light_dark_differ (void)
{
  const AmTheme *light = am_theme_get_light ();
  const AmTheme *dark = am_theme_get_dark ();
  AmColor light_role = am_theme_color_for_relation_type (light, "role");
  AmColor dark_role = am_theme_color_for_relation_type (dark, "role");

  g_assert_false (same_color (&light->background, &dark->background));
  g_assert_false (same_color (&light->foreground, &dark->foreground));
  g_assert_false (same_color (&light_role, &dark_role));
  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    g_assert_false (same_color (&light->kinds[kind].fill, &dark->kinds[kind].fill));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Theme/lookup", test_lookup);
  g_test_add_data_func ("/Actormap/Theme/kind-styles/light", GINT_TO_POINTER (0), test_kind_styles);
  g_test_add_data_func ("/Actormap/Theme/kind-styles/dark", GINT_TO_POINTER (1), test_kind_styles);
  g_test_add_data_func ("/Actormap/Theme/contrast/light", GINT_TO_POINTER (0), test_contrast);
  g_test_add_data_func ("/Actormap/Theme/contrast/dark", GINT_TO_POINTER (1), test_contrast);
  g_test_add_data_func ("/Actormap/Theme/relation-colors/light", GINT_TO_POINTER (0),
                        test_relation_colors);
  g_test_add_data_func ("/Actormap/Theme/relation-colors/dark", GINT_TO_POINTER (1),
                        test_relation_colors);
  g_test_add_func ("/Actormap/Theme/light-dark-differ", test_light_dark_differ);

  return g_test_run ();
}
