/* extract-dump.c — prints the extractor's draft of a text article (a developer tool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "am-extract-private.h"

static GStrv
read_paragraphs (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) blocks = NULL;
  GPtrArray *out = g_ptr_array_new ();

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  blocks = g_regex_split_simple ("\\n[ \\t]*\\n", contents, 0, 0);
  for (guint i = 0; blocks[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (blocks[i], "\n", -1);
      g_autofree char *joined = g_strjoinv (" ", lines);
      char *p = joined;

      while (*p == '\n' || *p == ' ')
        p++;
      if (*p == '\0')
        continue;
      g_ptr_array_add (out, g_strdup (p));
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

int
main (int argc, char **argv)
{
  g_auto(GStrv) paragraphs = NULL;
  g_autoptr(AmDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return 2;
  paragraphs = read_paragraphs (argv[1]);
  draft = _am_draft_new ((const char * const *) paragraphs, NULL, &error);
  if (draft == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (argc > 2 && g_str_equal (argv[2], "--json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "entities");
      json_builder_begin_array (b);
      for (guint i = 0; i < draft->actors->len; i++)
        {
          AmDraftActor *a = g_ptr_array_index (draft->actors, i);
          g_autofree char *id = g_strdup_printf ("a%u", i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, id);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, a->name);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, am_entity_kind_to_string (a->kind));
          json_builder_set_member_name (b, "aliases");
          json_builder_begin_array (b);
          for (guint j = 0; j < a->aliases->len; j++)
            json_builder_add_string_value (b, g_ptr_array_index (a->aliases, j));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "statements");
      json_builder_begin_array (b);
      for (guint i = 0; i < draft->statements->len; i++)
        {
          AmDraftStatement *st = g_ptr_array_index (draft->statements, i);
          g_autofree char *id = g_strdup_printf ("a%u", st->speaker);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "speaker");
          json_builder_add_string_value (b, id);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, st->text);
          json_builder_set_member_name (b, "quoted");
          json_builder_add_boolean_value (b, st->quoted);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      out = json_generator_to_data (gen, NULL);
      printf ("%s\n", out);
      return 0;
    }
  for (guint i = 0; i < draft->actors->len; i++)
    {
      AmDraftActor *a = g_ptr_array_index (draft->actors, i);

      printf ("A %-13s %s", am_entity_kind_to_string (a->kind), a->name);
      if (a->role)
        printf ("  [%s]", a->role);
      for (guint j = 0; j < a->aliases->len; j++)
        printf (" | %s", (char *) g_ptr_array_index (a->aliases, j));
      printf ("\n");
    }
  for (guint i = 0; i < draft->statements->len; i++)
    {
      AmDraftStatement *s = g_ptr_array_index (draft->statements, i);

      printf ("S %s %-24s %.70s", s->quoted ? "Q" : "-",
              ((AmDraftActor *) g_ptr_array_index (draft->actors, s->speaker))->name, s->text);
      if (s->reported_by >= 0)
        printf ("  (via %s)", ((AmDraftActor *) g_ptr_array_index (draft->actors, s->reported_by))->name);
      for (guint j = 0; j < s->addressees->len; j++)
        printf ("  (to %s)", ((AmDraftActor *) g_ptr_array_index (draft->actors, g_array_index (s->addressees, guint, j)))->name);
      printf ("\n");
    }
  for (guint i = 0; i < draft->relations->len; i++)
    {
      AmDraftRelation *r = g_ptr_array_index (draft->relations, i);

      printf ("R %s —%s→ %s (%s)\n",
              ((AmDraftActor *) g_ptr_array_index (draft->actors, r->source))->name, r->label,
              ((AmDraftActor *) g_ptr_array_index (draft->actors, r->target))->name,
              r->type ? r->type : "-");
    }
  return 0;
}
