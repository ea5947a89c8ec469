/* am-view.c — the view value: filters, focus, path, time range, collapsed groups; its text
 * form and its strict check against a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-view-private.h"

G_DEFINE_QUARK (am-view-error-quark, am_view_error)

G_DEFINE_BOXED_TYPE (AmView, am_view, am_view_copy, am_view_free)

/* The text form's version and keys. */
#define VIEW_STRING_VERSION "v=1"

static GHashTable *
new_string_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GHashTable *
copy_string_set (GHashTable *set)
{
  GHashTable *copy = new_string_set ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_strdup (key));
  return copy;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The members of @set, sorted, as a new NULL-terminated array. */
static GStrv
dup_sorted_set (GHashTable *set)
{
  guint n = 0;
  GStrv keys = (GStrv) g_hash_table_get_keys_as_array (set, &n);
  GStrv copy = g_new0 (char *, n + 1);

  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);
  g_free (keys);
  return copy;
}

/* Views are compared rarely (a session ignores setting the view it has): the sorted
 * members are compared as arrays. */
static gboolean
string_sets_equal (GHashTable *a,
                   GHashTable *b)
{
  g_auto(GStrv) sorted_a = NULL;
  g_auto(GStrv) sorted_b = NULL;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  sorted_a = dup_sorted_set (a);
  sorted_b = dup_sorted_set (b);
  return g_strv_equal ((const char * const *) sorted_a, (const char * const *) sorted_b);
}

static void
set_member (GHashTable *set,
            const char *value,
            gboolean    member)
{
  if (member)
    g_hash_table_add (set, g_strdup (value));
  else
    g_hash_table_remove (set, value);
}

/**
 * am_view_new:
 *
 * The whole map: nothing hidden, no focus, path, time range or collapsed group.
 */
AmView *
am_view_new (void)
{
  AmView *self = g_new0 (AmView, 1);

  self->hidden_kinds = new_string_set ();
  self->hidden_types = new_string_set ();
  self->collapsed = new_string_set ();
  self->depth = 1;
  self->requested_depth = 1;
  self->direction = AM_VIEW_DIRECTION_BOTH;
  self->keep_undated = TRUE;
  return self;
}

AmView *
am_view_copy (const AmView *self)
{
  AmView *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmView, 1);
  copy->hidden_kinds = copy_string_set (self->hidden_kinds);
  copy->hidden_types = copy_string_set (self->hidden_types);
  copy->collapsed = copy_string_set (self->collapsed);
  copy->focus = g_strdupv (self->focus);
  copy->depth = self->depth;
  copy->requested_depth = self->requested_depth;
  copy->direction = self->direction;
  copy->path_from = g_strdup (self->path_from);
  copy->path_to = g_strdup (self->path_to);
  copy->path_hide_others = self->path_hide_others;
  copy->time_from = g_strdup (self->time_from);
  copy->time_to = g_strdup (self->time_to);
  copy->keep_undated = self->keep_undated;
  return copy;
}

void
am_view_free (AmView *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->hidden_kinds, g_hash_table_unref);
  g_clear_pointer (&self->hidden_types, g_hash_table_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->focus, g_strfreev);
  g_clear_pointer (&self->path_from, g_free);
  g_clear_pointer (&self->path_to, g_free);
  g_clear_pointer (&self->time_from, g_free);
  g_clear_pointer (&self->time_to, g_free);
  g_free (self);
}

static gboolean
strvs_equal (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

/**
 * am_view_equal:
 *
 * Whether @a and @b show the same thing.  The focus is compared in order.
 */
gboolean
am_view_equal (const AmView *a,
               const AmView *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return string_sets_equal (a->hidden_kinds, b->hidden_kinds)
         && string_sets_equal (a->hidden_types, b->hidden_types)
         && string_sets_equal (a->collapsed, b->collapsed)
         && strvs_equal ((const char * const *) a->focus, (const char * const *) b->focus)
         && a->depth == b->depth
         && a->direction == b->direction
         && g_strcmp0 (a->path_from, b->path_from) == 0
         && g_strcmp0 (a->path_to, b->path_to) == 0
         && a->path_hide_others == b->path_hide_others
         && g_strcmp0 (a->time_from, b->time_from) == 0
         && g_strcmp0 (a->time_to, b->time_to) == 0
         && a->keep_undated == b->keep_undated;
}

gboolean
am_view_is_whole_map (const AmView *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return g_hash_table_size (self->hidden_kinds) == 0
         && g_hash_table_size (self->hidden_types) == 0
         && g_hash_table_size (self->collapsed) == 0
         && self->focus == NULL
         && self->path_from == NULL
         && !am_view_has_time_range (self)
         && self->keep_undated;
}

/* ---- Filters ------------------------------------------------------------------------- */

void
am_view_set_kind_hidden (AmView     *self,
                         const char *kind,
                         gboolean    hidden)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != NULL);

  set_member (self->hidden_kinds, kind, hidden);
}

gboolean
am_view_get_kind_hidden (const AmView *self,
                         const char   *kind)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return kind != NULL && g_hash_table_contains (self->hidden_kinds, kind);
}

void
am_view_set_type_hidden (AmView     *self,
                         const char *type,
                         gboolean    hidden)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (type != NULL);

  set_member (self->hidden_types, type, hidden);
}

gboolean
am_view_get_type_hidden (const AmView *self,
                         const char   *type)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return type != NULL && g_hash_table_contains (self->hidden_types, type);
}

void
am_view_clear_filters (AmView *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->hidden_kinds);
  g_hash_table_remove_all (self->hidden_types);
}

GStrv
am_view_dup_hidden_kinds (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return dup_sorted_set (self->hidden_kinds);
}

GStrv
am_view_dup_hidden_types (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return dup_sorted_set (self->hidden_types);
}

/* ---- Focus --------------------------------------------------------------------------- */

/**
 * am_view_set_focus:
 *
 * Empty ids and repeated ids are dropped.  @depth is clamped to 1–3 (the value asked for
 * is kept for am_view_validate(), which reports it).
 */
void
am_view_set_focus (AmView             *self,
                   const char * const *ids,
                   guint               depth,
                   AmViewDirection     direction)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) focus = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (direction <= AM_VIEW_DIRECTION_IN);

  builder = g_strv_builder_new ();
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      if (ids[i][0] == '\0')
        continue;
      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (ids[j], ids[i]) == 0;
      if (!seen)
        g_strv_builder_add (builder, ids[i]);
    }
  focus = g_strv_builder_end (builder);

  g_clear_pointer (&self->focus, g_strfreev);
  if (focus[0] == NULL)
    {
      self->depth = 1;
      self->requested_depth = 1;
      self->direction = AM_VIEW_DIRECTION_BOTH;
      return;
    }
  self->focus = g_steal_pointer (&focus);
  self->requested_depth = (int) MIN (depth, (guint) G_MAXINT);
  self->depth = CLAMP (depth, AM_VIEW_MIN_DEPTH, AM_VIEW_MAX_DEPTH);
  self->direction = direction;
}

const char * const *
am_view_get_focus (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->focus;
}

guint
am_view_get_depth (const AmView *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->depth;
}

AmViewDirection
am_view_get_direction (const AmView *self)
{
  g_return_val_if_fail (self != NULL, AM_VIEW_DIRECTION_BOTH);

  return self->direction;
}

/* ---- Path ---------------------------------------------------------------------------- */

void
am_view_set_path (AmView     *self,
                  const char *from_id,
                  const char *to_id,
                  gboolean    hide_others)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((from_id == NULL) == (to_id == NULL));

  g_free (self->path_from);
  g_free (self->path_to);
  self->path_from = g_strdup (from_id);
  self->path_to = g_strdup (to_id);
  self->path_hide_others = from_id != NULL && hide_others;
}

const char *
am_view_get_path_from (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path_from;
}

const char *
am_view_get_path_to (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path_to;
}

gboolean
am_view_get_path_hide_others (const AmView *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->path_hide_others;
}

/* ---- Time ---------------------------------------------------------------------------- */

/**
 * am_view_set_time_range:
 *
 * Empty strings count as NULL.  Without @keep_undated and with no range, the view still
 * leaves out what has no date.
 */
void
am_view_set_time_range (AmView     *self,
                        const char *from,
                        const char *to,
                        gboolean    keep_undated)
{
  g_return_if_fail (self != NULL);

  g_free (self->time_from);
  g_free (self->time_to);
  self->time_from = from != NULL && from[0] != '\0' ? g_strdup (from) : NULL;
  self->time_to = to != NULL && to[0] != '\0' ? g_strdup (to) : NULL;
  self->keep_undated = keep_undated != FALSE;
}

const char *
am_view_get_time_from (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time_from;
}

const char *
am_view_get_time_to (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time_to;
}

gboolean
am_view_get_keep_undated (const AmView *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->keep_undated;
}

gboolean
am_view_has_time_range (const AmView *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->time_from != NULL || self->time_to != NULL;
}

/* ---- Groups -------------------------------------------------------------------------- */

void
am_view_set_collapsed (AmView     *self,
                       const char *group_id,
                       gboolean    collapsed)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (group_id != NULL);

  set_member (self->collapsed, group_id, collapsed);
}

gboolean
am_view_get_collapsed (const AmView *self,
                       const char   *group_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return group_id != NULL && g_hash_table_contains (self->collapsed, group_id);
}

GStrv
am_view_dup_collapsed (const AmView *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return dup_sorted_set (self->collapsed);
}

/* ---- Text form ----------------------------------------------------------------------- */

/*
 * "v=1;hide-kinds=event,place;focus=kim-yo-jong;depth=2;direction=out;…": fields separated
 * by ';', list items by ','; every value is percent-escaped (RFC 3986 unreserved characters
 * and UTF-8 stay as they are), so ids may hold any character.  Fields at their default are
 * left out, in a fixed order, so equal views have equal strings.
 */

static const char * const direction_names[] = { "both", "out", "in" };

static void
append_value (GString    *out,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, TRUE);

  g_string_append_printf (out, ";%s=%s", key, escaped);
}

static void
append_list (GString            *out,
             const char         *key,
             const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  g_string_append_printf (out, ";%s=", key);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (values[i], NULL, TRUE);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, escaped);
    }
}

char *
am_view_to_string (const AmView *self)
{
  GString *out;
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) types = NULL;
  g_auto(GStrv) collapsed = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (VIEW_STRING_VERSION);
  kinds = am_view_dup_hidden_kinds (self);
  types = am_view_dup_hidden_types (self);
  collapsed = am_view_dup_collapsed (self);

  append_list (out, "hide-kinds", (const char * const *) kinds);
  append_list (out, "hide-types", (const char * const *) types);
  if (self->focus != NULL)
    {
      append_list (out, "focus", (const char * const *) self->focus);
      g_string_append_printf (out, ";depth=%u;direction=%s", self->depth,
                              direction_names[self->direction]);
    }
  if (self->path_from != NULL)
    {
      append_value (out, "path-from", self->path_from);
      append_value (out, "path-to", self->path_to);
      if (self->path_hide_others)
        g_string_append (out, ";hide-others=1");
    }
  if (self->time_from != NULL)
    append_value (out, "from", self->time_from);
  if (self->time_to != NULL)
    append_value (out, "to", self->time_to);
  if (!self->keep_undated)
    g_string_append (out, ";keep-undated=0");
  append_list (out, "collapse", (const char * const *) collapsed);

  return g_string_free (out, FALSE);
}

static void
replace_string (char      **string,
                const char *value)
{
  g_free (*string);
  *string = g_strdup (value);
}

static gboolean G_GNUC_PRINTF (2, 3)
parse_error (GError    **error,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_PARSE,
               /* Translators: a remembered view could not be read back; %s says why */
               _("not a saved view: %s"), message);
  return FALSE;
}

static char *
unescape_value (const char *key,
                const char *value,
                GError    **error)
{
  char *unescaped = g_uri_unescape_string (value, NULL);

  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL))
    {
      g_free (unescaped);
      parse_error (error, "bad value '%s' of '%s'", value, key);
      return NULL;
    }
  return unescaped;
}

/* The items of a list field; "" is one empty item. */
static GStrv
unescape_list (const char *key,
               const char *value,
               GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (parts[0] == NULL)
    {
      g_strv_builder_add (builder, "");
      return g_strv_builder_end (builder);
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *item = unescape_value (key, parts[i], error);

      if (item == NULL)
        return NULL;
      g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_flag (const char *key,
            const char *value,
            gboolean   *flag,
            GError    **error)
{
  if (g_strcmp0 (value, "1") == 0)
    *flag = TRUE;
  else if (g_strcmp0 (value, "0") == 0)
    *flag = FALSE;
  else
    return parse_error (error, "'%s' must be 0 or 1, not '%s'", key, value);
  return TRUE;
}

static gboolean
parse_field (AmView     *view,
             const char *key,
             const char *value,
             guint      *depth,
             int        *direction,
             GStrv      *focus,
             GError    **error)
{
  g_auto(GStrv) list = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (key, "hide-kinds") || g_str_equal (key, "hide-types")
      || g_str_equal (key, "collapse"))
    {
      GHashTable *set = g_str_equal (key, "hide-kinds") ? view->hidden_kinds
                        : g_str_equal (key, "hide-types") ? view->hidden_types
                        : view->collapsed;

      if ((list = unescape_list (key, value, error)) == NULL)
        return FALSE;
      for (guint i = 0; list[i] != NULL; i++)
        g_hash_table_add (set, g_strdup (list[i]));
      return TRUE;
    }
  if (g_str_equal (key, "focus"))
    {
      if ((*focus = unescape_list (key, value, error)) == NULL)
        return FALSE;
      return TRUE;
    }
  if (g_str_equal (key, "depth"))
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (value, 10, AM_VIEW_MIN_DEPTH, AM_VIEW_MAX_DEPTH, &n,
                                       NULL))
        return parse_error (error, "bad depth '%s'", value);
      *depth = (guint) n;
      return TRUE;
    }
  if (g_str_equal (key, "direction"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (direction_names); i++)
        if (g_str_equal (value, direction_names[i]))
          {
            *direction = (int) i;
            return TRUE;
          }
      return parse_error (error, "bad direction '%s'", value);
    }
  if (g_str_equal (key, "hide-others"))
    return parse_flag (key, value, &view->path_hide_others, error);
  if (g_str_equal (key, "keep-undated"))
    return parse_flag (key, value, &view->keep_undated, error);

  if ((text = unescape_value (key, value, error)) == NULL)
    return FALSE;
  if (g_str_equal (key, "path-from"))
    replace_string (&view->path_from, text);
  else if (g_str_equal (key, "path-to"))
    replace_string (&view->path_to, text);
  else if (g_str_equal (key, "from"))
    replace_string (&view->time_from, text);
  else if (g_str_equal (key, "to"))
    replace_string (&view->time_to, text);
  else
    return parse_error (error, "unknown field '%s'", key);
  return TRUE;
}

/**
 * am_view_from_string:
 *
 * Reads back am_view_to_string()'s form.  AM_VIEW_ERROR_PARSE on anything else (another
 * version, an unknown or repeated field, a bad escape, depth or direction).
 */
AmView *
am_view_from_string (const char *text,
                     GError    **error)
{
  g_autoptr(AmView) view = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) focus = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint depth = 0;
  int direction = -1;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || !g_str_has_prefix (text, VIEW_STRING_VERSION)
      || (text[strlen (VIEW_STRING_VERSION)] != '\0'
          && text[strlen (VIEW_STRING_VERSION)] != ';'))
    {
      parse_error (error, "'%s' does not start with '%s'", text != NULL ? text : "",
                   VIEW_STRING_VERSION);
      return NULL;
    }

  view = am_view_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fields = g_strsplit (text + strlen (VIEW_STRING_VERSION), ";", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *eq;
      g_autofree char *key = NULL;

      if (i == 0 && fields[i][0] == '\0')
        continue;
      eq = strchr (fields[i], '=');
      if (eq == NULL || eq == fields[i])
        {
          parse_error (error, "field '%s' is not key=value", fields[i]);
          return NULL;
        }
      key = g_strndup (fields[i], eq - fields[i]);
      if (!g_hash_table_add (seen, g_strdup (key)))
        {
          parse_error (error, "field '%s' given twice", key);
          return NULL;
        }
      if (!parse_field (view, key, eq + 1, &depth, &direction, &focus, error))
        return NULL;
    }

  if ((view->path_from == NULL) != (view->path_to == NULL))
    {
      parse_error (error, "a path needs both 'path-from' and 'path-to'");
      return NULL;
    }
  if (view->path_from == NULL && view->path_hide_others)
    {
      parse_error (error, "'hide-others' without a path");
      return NULL;
    }
  if (focus == NULL && (depth != 0 || direction >= 0))
    {
      parse_error (error, "'depth' or 'direction' without 'focus'");
      return NULL;
    }
  if (focus != NULL)
    am_view_set_focus (view, (const char * const *) focus, depth != 0 ? depth : 1,
                       direction >= 0 ? (AmViewDirection) direction : AM_VIEW_DIRECTION_BOTH);
  if (view->time_from != NULL && view->time_from[0] == '\0')
    g_clear_pointer (&view->time_from, g_free);
  if (view->time_to != NULL && view->time_to[0] == '\0')
    g_clear_pointer (&view->time_to, g_free);

  return g_steal_pointer (&view);
}

/* ---- Strict check -------------------------------------------------------------------- */

static gboolean
check_actor (AmDocument *document,
             const char *id,
             GError    **error)
{
  if (am_document_lookup_entity (document, id) != NULL)
    return TRUE;
  g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_UNKNOWN_ID,
               /* Translators: %s is an actor id the user typed */
               _("unknown actor '%s'"), id);
  return FALSE;
}

/* Every kind name and relation type @document uses. */
static void
collect_kinds_and_types (AmDocument *document,
                         GHashTable *kinds,
                         GHashTable *types)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  guint n;

  n = g_list_model_get_n_items (entities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      g_hash_table_add (kinds, g_strdup (am_entity_get_kind_name (entity)));
    }
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (am_relation_get_rel_type (relation) != NULL)
        g_hash_table_add (types, g_strdup (am_relation_get_rel_type (relation)));
    }
}

static gboolean
check_date (const char  *date,
            AmDateRange *range,
            GError     **error)
{
  if (am_date_range_parse (date, range))
    return TRUE;
  g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_BAD_DATE,
               /* Translators: %s is a date the user typed; keep YYYY, YYYY-MM and
                * YYYY-MM-DD as they are */
               _("'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), date);
  return FALSE;
}

/**
 * am_view_validate:
 *
 * The checks, in this order: depth, focus ids, path ids, kinds, types, dates, range,
 * groups, and last whether the path exists in what the view shows.
 */
gboolean
am_view_validate (const AmView *self,
                  AmDocument   *document,
                  GError      **error)
{
  g_autoptr(GHashTable) kinds = NULL;
  g_autoptr(GHashTable) types = NULL;
  g_auto(GStrv) hidden_kinds = NULL;
  g_auto(GStrv) hidden_types = NULL;
  g_auto(GStrv) collapsed = NULL;
  AmDateRange from = { 0, }, to = { 0, };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (AM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->focus != NULL
      && (self->requested_depth < AM_VIEW_MIN_DEPTH || self->requested_depth > AM_VIEW_MAX_DEPTH))
    {
      g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_BAD_DEPTH,
                   /* Translators: %d is the depth the user asked for */
                   _("depth %d is outside 1–3"), self->requested_depth);
      return FALSE;
    }
  for (guint i = 0; self->focus != NULL && self->focus[i] != NULL; i++)
    if (!check_actor (document, self->focus[i], error))
      return FALSE;
  if (self->path_from != NULL
      && (!check_actor (document, self->path_from, error)
          || !check_actor (document, self->path_to, error)))
    return FALSE;

  kinds = new_string_set ();
  types = new_string_set ();
  collect_kinds_and_types (document, kinds, types);
  hidden_kinds = am_view_dup_hidden_kinds (self);
  for (guint i = 0; hidden_kinds[i] != NULL; i++)
    if (!g_hash_table_contains (kinds, hidden_kinds[i]))
      {
        g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_UNKNOWN_KIND,
                     /* Translators: %s is an actor kind the user typed */
                     _("unknown actor kind '%s'"), hidden_kinds[i]);
        return FALSE;
      }
  hidden_types = am_view_dup_hidden_types (self);
  for (guint i = 0; hidden_types[i] != NULL; i++)
    if (!g_hash_table_contains (types, hidden_types[i]))
      {
        g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_UNKNOWN_TYPE,
                     /* Translators: %s is a relation type the user typed */
                     _("unknown relation type '%s'"), hidden_types[i]);
        return FALSE;
      }

  if (self->time_from != NULL && !check_date (self->time_from, &from, error))
    return FALSE;
  if (self->time_to != NULL && !check_date (self->time_to, &to, error))
    return FALSE;
  if (self->time_from != NULL && self->time_to != NULL && from.first > to.last)
    {
      g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_BAD_RANGE,
                   /* Translators: the two %s are the dates the user typed */
                   _("the start '%s' is after the end '%s'"), self->time_from, self->time_to);
      return FALSE;
    }

  collapsed = am_view_dup_collapsed (self);
  if (collapsed[0] != NULL)
    {
      g_autoptr(AmGroups) groups = am_groups_compute (document);

      for (guint i = 0; collapsed[i] != NULL; i++)
        if (am_groups_find (groups, collapsed[i]) < 0)
          {
            g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_UNKNOWN_GROUP,
                         /* Translators: %s is a group id the user typed */
                         _("unknown group '%s'"), collapsed[i]);
            return FALSE;
          }
    }

  if (self->path_from != NULL)
    {
      g_autoptr(AmViewResult) result = am_view_apply (self, document, NULL);

      if (am_view_result_get_n_paths (result) == 0)
        {
          g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_NO_PATH,
                       /* Translators: the two %s are actor ids */
                       _("no path between '%s' and '%s'"), self->path_from, self->path_to);
          return FALSE;
        }
    }
  return TRUE;
}
