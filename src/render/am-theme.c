/* am-theme.c — the light and dark palettes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-theme.h"

/* Colours come from the GNOME palette (the named colours of the HIG), so the canvas sits
 * well next to libadwaita's widgets.  In the light theme the fills are the palette's light
 * shades with dark text; in the dark theme they are the mid shades mixed 40 % over the
 * background with white text.  Every text/fill pair keeps a WCAG contrast of at least 4.5
 * and every line at least 3 against its background: test-theme checks it. */
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }
#define KIND(fill, stroke, text) { RGB (fill), RGB (stroke), RGB (text) }

static const AmTheme light_theme = {
  .name = "light",
  .background = RGB (0xffffff),
  .foreground = RGB (0x241f31),
  .edge = RGB (0x77767b),
  .edge_label = RGB (0x3d3846),
  .edge_label_background = RGBA (0xffffff, 0.85),
  .selection = RGB (0x3584e4),
  .hover = RGB (0xe66100),
  .cluster_fill = RGB (0xf6f5f4),
  .cluster_stroke = RGB (0xc0bfbc),
  .dim_alpha = 0.2,
  .kinds = {
    [AM_ENTITY_KIND_STATE] = KIND (0x99c1f1, 0x1a5fb4, 0x241f31),
    [AM_ENTITY_KIND_ORGANIZATION] = KIND (0x8ff0a4, 0x26a269, 0x241f31),
    [AM_ENTITY_KIND_PERSON] = KIND (0xf9f06b, 0x986a44, 0x241f31),
    [AM_ENTITY_KIND_EVENT] = KIND (0xffbe6f, 0xc64600, 0x241f31),
    [AM_ENTITY_KIND_PLACE] = KIND (0xcdab8f, 0x63452c, 0x241f31),
    [AM_ENTITY_KIND_MEDIA] = KIND (0xdc8add, 0x613583, 0x241f31),
    [AM_ENTITY_KIND_OTHER] = KIND (0xdeddda, 0x5e5c64, 0x241f31),
  },
  .unknown_kind = KIND (0xf6f5f4, 0x77767b, 0x241f31),
};

static const AmTheme dark_theme = {
  .name = "dark",
  .background = RGB (0x1e1e1e),
  .foreground = RGB (0xffffff),
  .edge = RGB (0x9a9996),
  .edge_label = RGB (0xdeddda),
  .edge_label_background = RGBA (0x2e2e32, 0.85),
  .selection = RGB (0x78aeed),
  .hover = RGB (0xffa348),
  .cluster_fill = RGB (0x2a2a2e),
  .cluster_stroke = RGB (0x5e5c64),
  .dim_alpha = 0.25,
  .kinds = {
    [AM_ENTITY_KIND_STATE] = KIND (0x27476d, 0x99c1f1, 0xffffff),
    [AM_ENTITY_KIND_ORGANIZATION] = KIND (0x266643, 0x8ff0a4, 0xffffff),
    [AM_ENTITY_KIND_PERSON] = KIND (0x746624, 0xf9f06b, 0xffffff),
    [AM_ENTITY_KIND_EVENT] = KIND (0x784212, 0xffbe6f, 0xffffff),
    [AM_ENTITY_KIND_PLACE] = KIND (0x4f3c2d, 0xcdab8f, 0xffffff),
    [AM_ENTITY_KIND_MEDIA] = KIND (0x4c2c57, 0xdc8add, 0xffffff),
    [AM_ENTITY_KIND_OTHER] = KIND (0x424143, 0xdeddda, 0xffffff),
  },
  .unknown_kind = KIND (0x38373a, 0xc0bfbc, 0xffffff),
};

/* The relation types the article model uses, each with a colour of its own.  Types
 * outside this table are hashed into the smaller palettes below, so a DOT file or a
 * hand-made model still gets stable colours. */
typedef struct
{
  const char *type;
  guint32     light;
  guint32     dark;
} RelationColor;

static const RelationColor relation_colors[] = {
  { "role",          0x1c71d8, 0x62a0ea },
  { "family",        0x9141ac, 0xdc8add },
  { "advises",       0x613583, 0xc061cb },
  { "visit",         0x26a269, 0x57e389 },
  { "meeting",       0x1f7a50, 0x8ff0a4 },
  { "alliance",      0x1a5fb4, 0x99c1f1 },
  { "hostility",     0xc01c28, 0xf66151 },
  { "sanctions",     0xa51d2d, 0xed333b },
  { "negotiation",   0xc64600, 0xffa348 },
  { "exercise",      0x865e3c, 0xffbe6f },
  { "succession",    0x63452c, 0xcdab8f },
  { "reports",       0x5e5c64, 0xc0bfbc },
  { "participation", 0x986a44, 0xb5835a },
  { "membership",    0xc061cb, 0xe5a50a },
  { "location",      0x3d3846, 0x9a9996 },
  { "statement",     0x77767b, 0xf9f06b },
};

static const guint32 hashed_light[] = {
  0x1c71d8, 0x26a269, 0xc64600, 0xc01c28, 0x813d9c, 0x865e3c, 0x5e5c64, 0x1a5fb4,
};
static const guint32 hashed_dark[] = {
  0x62a0ea, 0x57e389, 0xffa348, 0xf66151, 0xc061cb, 0xcdab8f, 0xc0bfbc, 0x99c1f1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (hashed_light) == G_N_ELEMENTS (hashed_dark));

static AmColor
color_from_hex (guint32 hex)
{
  AmColor color = RGB (hex);

  return color;
}

/* Any theme, built-in or not, counts as dark when its background is: the relation
 * colours must contrast with whatever they are drawn on. */
static gboolean
theme_is_dark (const AmTheme *theme)
{
  const AmColor *bg = &theme->background;

  return 0.2126 * bg->red + 0.7152 * bg->green + 0.0722 * bg->blue < 0.5;
}

/* FNV-1a rather than g_str_hash: the colour of a type must not change between GLib
 * versions, since it ends up in exported files people compare. */
static guint32
stable_hash (const char *str)
{
  guint32 h = 2166136261u;

  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    {
      h ^= *p;
      h *= 16777619u;
    }

  return h;
}

/**
 * am_theme_get_light:
 *
 * Returns: (transfer none): the light theme, valid for the whole process
 */
const AmTheme *
am_theme_get_light (void)
{
  return &light_theme;
}

/**
 * am_theme_get_dark:
 *
 * Returns: (transfer none): the dark theme, valid for the whole process
 */
const AmTheme *
am_theme_get_dark (void)
{
  return &dark_theme;
}

/**
 * am_theme_lookup:
 * @name: "light" or "dark"
 *
 * Returns: (transfer none) (nullable): the built-in theme called @name, or %NULL
 */
const AmTheme *
am_theme_lookup (const char *name)
{
  if (g_strcmp0 (name, "light") == 0)
    return &light_theme;
  if (g_strcmp0 (name, "dark") == 0)
    return &dark_theme;

  return NULL;
}

/**
 * am_theme_style_for_kind:
 * @theme: a theme
 * @kind_name: (nullable): an entity kind name as the scene carries it
 *
 * Kinds the model does not know ("node" for DOT files, a misspelling) get
 * #AmTheme.unknown_kind; "other" gets its own entry.
 *
 * Returns: (transfer none): the fill, stroke and text colours for nodes of that kind
 */
const AmKindStyle *
am_theme_style_for_kind (const AmTheme *theme,
                         const char    *kind_name)
{
  AmEntityKind kind;

  g_return_val_if_fail (theme != NULL, &light_theme.unknown_kind);

  kind = am_entity_kind_from_string (kind_name);
  if (kind == AM_ENTITY_KIND_OTHER && g_strcmp0 (kind_name, "other") != 0)
    return &theme->unknown_kind;

  return &theme->kinds[kind];
}

/**
 * am_theme_color_for_relation_type:
 * @theme: a theme
 * @type: (nullable): a relation type
 *
 * The same type always gets the same colour in a given theme, so the legend and the
 * edges agree, and so do two exports of the same model.
 *
 * Returns: the colour of edges of that type; #AmTheme.edge when @type is %NULL or empty
 */
AmColor
am_theme_color_for_relation_type (const AmTheme *theme,
                                  const char    *type)
{
  gboolean dark;

  g_return_val_if_fail (theme != NULL, light_theme.edge);

  if (type == NULL || *type == '\0')
    return theme->edge;

  dark = theme_is_dark (theme);

  for (guint i = 0; i < G_N_ELEMENTS (relation_colors); i++)
    {
      if (g_ascii_strcasecmp (type, relation_colors[i].type) == 0)
        return color_from_hex (dark ? relation_colors[i].dark : relation_colors[i].light);
    }

  {
    g_autofree char *folded = g_ascii_strdown (type, -1);
    guint index = stable_hash (folded) % G_N_ELEMENTS (hashed_light);

    return color_from_hex (dark ? hashed_dark[index] : hashed_light[index]);
  }
}
