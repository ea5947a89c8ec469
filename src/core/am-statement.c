/* am-statement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-core-enums.h"
#include "am-core-private.h"
#include "am-evidence.h"
#include "am-statement.h"

/*
 * Immutable: set once during construction.  @id, @speaker and @text are never NULL
 * (empty strings when the creator gave none); @about, @addressees and @evidence are
 * never NULL.  Whether the ids name entities is checked by the document.
 */
struct _AmStatement
{
  GObject    parent_instance;

  char      *id;
  char      *speaker;
  char      *text;
  char      *date;
  char     **about;
  char     **addressees;
  char      *reported_by;
  GPtrArray *evidence;   /* of AmEvidence, owned */
  gboolean   quoted;
  AmStatus   status;
};

G_DEFINE_FINAL_TYPE (AmStatement, am_statement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SPEAKER,
  PROP_TEXT,
  PROP_QUOTED,
  PROP_DATE,
  PROP_ABOUT,
  PROP_ADDRESSEES,
  PROP_REPORTED_BY,
  PROP_EVIDENCE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
am_statement_constructed (GObject *object)
{
  AmStatement *self = AM_STATEMENT (object);

  G_OBJECT_CLASS (am_statement_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->speaker == NULL)
    self->speaker = g_strdup ("");
  if (self->text == NULL)
    self->text = g_strdup ("");
  if (self->about == NULL)
    self->about = g_new0 (char *, 1);
  if (self->addressees == NULL)
    self->addressees = g_new0 (char *, 1);
  if (self->evidence == NULL)
    self->evidence = _am_evidence_array_copy (NULL);
}

static void
am_statement_finalize (GObject *object)
{
  AmStatement *self = AM_STATEMENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->about, g_strfreev);
  g_clear_pointer (&self->addressees, g_strfreev);
  g_clear_pointer (&self->reported_by, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  G_OBJECT_CLASS (am_statement_parent_class)->finalize (object);
}

static void
am_statement_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AmStatement *self = AM_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_QUOTED:
      g_value_set_boolean (value, self->quoted);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_ABOUT:
      g_value_set_boxed (value, self->about);
      break;
    case PROP_ADDRESSEES:
      g_value_set_boxed (value, self->addressees);
      break;
    case PROP_REPORTED_BY:
      g_value_set_string (value, self->reported_by);
      break;
    case PROP_EVIDENCE:
      g_value_set_boxed (value, self->evidence);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_statement_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AmStatement *self = AM_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_SPEAKER:
      self->speaker = g_value_dup_string (value);
      break;
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_QUOTED:
      self->quoted = g_value_get_boolean (value);
      break;
    case PROP_DATE:
      self->date = g_value_dup_string (value);
      break;
    case PROP_ABOUT:
      self->about = _am_strv_copy_or_empty (g_value_get_boxed (value));
      break;
    case PROP_ADDRESSEES:
      self->addressees = _am_strv_copy_or_empty (g_value_get_boxed (value));
      break;
    case PROP_REPORTED_BY:
      self->reported_by = g_value_dup_string (value);
      break;
    case PROP_EVIDENCE:
      self->evidence = _am_evidence_array_copy (g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_statement_class_init (AmStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                             G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  object_class->constructed = am_statement_constructed;
  object_class->finalize = am_statement_finalize;
  object_class->get_property = am_statement_get_property;
  object_class->set_property = am_statement_set_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_SPEAKER] = g_param_spec_string ("speaker", NULL, NULL, NULL, flags);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties [PROP_QUOTED] = g_param_spec_boolean ("quoted", NULL, NULL, FALSE, flags);
  properties [PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  /**
   * AmStatement:about: (type GStrv)
   *
   * Entity ids the statement is about; copied at construction.
   */
  properties [PROP_ABOUT] = g_param_spec_boxed ("about", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * AmStatement:addressees: (type GStrv)
   *
   * Entity ids the statement is addressed to; copied at construction.
   */
  properties [PROP_ADDRESSEES] =
    g_param_spec_boxed ("addressees", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_REPORTED_BY] =
    g_param_spec_string ("reported-by", NULL, NULL, NULL, flags);
  /**
   * AmStatement:evidence: (type GPtrArray(AmEvidence))
   *
   * The evidence; the statement keeps its own array with its own references.
   */
  properties [PROP_EVIDENCE] =
    g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  /**
   * AmStatement:status:
   *
   * Whether the item is part of the map or only suggested.
   */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, AM_TYPE_STATUS, AM_STATUS_ACCEPTED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_statement_init (AmStatement *self)
{
}

const char *
am_statement_get_id (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return self->id;
}

const char *
am_statement_get_speaker (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return self->speaker;
}

const char *
am_statement_get_text (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return self->text;
}

gboolean
am_statement_get_quoted (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), FALSE);

  return self->quoted;
}

const char *
am_statement_get_date (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return self->date;
}

const char * const *
am_statement_get_about (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return (const char * const *) self->about;
}

const char * const *
am_statement_get_addressees (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return (const char * const *) self->addressees;
}

const char *
am_statement_get_reported_by (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return self->reported_by;
}

GPtrArray *
am_statement_get_evidence (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), NULL);

  return self->evidence;
}

AmStatus
am_statement_get_status (AmStatement *self)
{
  g_return_val_if_fail (AM_IS_STATEMENT (self), AM_STATUS_ACCEPTED);

  return self->status;
}
