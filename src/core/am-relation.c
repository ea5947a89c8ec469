/* am-relation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-core-enums.h"
#include "am-core-private.h"
#include "am-evidence.h"
#include "am-relation.h"

/*
 * Immutable: set once during construction.  @id, @source, @target and @label are never
 * NULL (empty strings when the creator gave none); @evidence and @attributes are never
 * NULL.  Whether @source and @target name entities is checked by the document.
 */
struct _AmRelation
{
  GObject     parent_instance;

  char       *id;
  char       *source;
  char       *target;
  char       *label;
  char       *rel_type;
  char       *date;
  GPtrArray  *evidence;    /* of AmEvidence, owned */
  GHashTable *attributes;  /* utf8 → utf8, owned */
  gboolean    directed;
  AmStatus    status;
};

G_DEFINE_FINAL_TYPE (AmRelation, am_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE,
  PROP_TARGET,
  PROP_LABEL,
  PROP_REL_TYPE,
  PROP_DIRECTED,
  PROP_DATE,
  PROP_EVIDENCE,
  PROP_ATTRIBUTES,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
am_relation_constructed (GObject *object)
{
  AmRelation *self = AM_RELATION (object);

  G_OBJECT_CLASS (am_relation_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->source == NULL)
    self->source = g_strdup ("");
  if (self->target == NULL)
    self->target = g_strdup ("");
  if (self->label == NULL)
    self->label = g_strdup ("");
  if (self->evidence == NULL)
    self->evidence = _am_evidence_array_copy (NULL);
  if (self->attributes == NULL)
    self->attributes = _am_string_table_copy (NULL);
}

static void
am_relation_finalize (GObject *object)
{
  AmRelation *self = AM_RELATION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->rel_type, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_hash_table_unref);

  G_OBJECT_CLASS (am_relation_parent_class)->finalize (object);
}

static void
am_relation_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AmRelation *self = AM_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_REL_TYPE:
      g_value_set_string (value, self->rel_type);
      break;
    case PROP_DIRECTED:
      g_value_set_boolean (value, self->directed);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_EVIDENCE:
      g_value_set_boxed (value, self->evidence);
      break;
    case PROP_ATTRIBUTES:
      g_value_set_boxed (value, self->attributes);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_relation_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AmRelation *self = AM_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;
    case PROP_TARGET:
      self->target = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_REL_TYPE:
      self->rel_type = g_value_dup_string (value);
      break;
    case PROP_DIRECTED:
      self->directed = g_value_get_boolean (value);
      break;
    case PROP_DATE:
      self->date = g_value_dup_string (value);
      break;
    case PROP_EVIDENCE:
      self->evidence = _am_evidence_array_copy (g_value_get_boxed (value));
      break;
    case PROP_ATTRIBUTES:
      self->attributes = _am_string_table_copy (g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_relation_class_init (AmRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                             G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  object_class->constructed = am_relation_constructed;
  object_class->finalize = am_relation_finalize;
  object_class->get_property = am_relation_get_property;
  object_class->set_property = am_relation_set_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /**
   * AmRelation:source:
   *
   * The id of the entity the relation starts from.
   */
  properties [PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  /**
   * AmRelation:target:
   *
   * The id of the entity the relation points to (may equal #AmRelation:source).
   */
  properties [PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties [PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  /**
   * AmRelation:rel-type:
   *
   * The kind of tie ("role", "visit"…), the format's `type` member; or %NULL.
   */
  properties [PROP_REL_TYPE] = g_param_spec_string ("rel-type", NULL, NULL, NULL, flags);
  properties [PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL, TRUE, flags);
  properties [PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  /**
   * AmRelation:evidence: (type GPtrArray(AmEvidence))
   *
   * The evidence; the relation keeps its own array with its own references.
   */
  properties [PROP_EVIDENCE] =
    g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  /**
   * AmRelation:attributes: (type GHashTable(utf8,utf8))
   *
   * Extra string attributes; copied at construction.
   */
  properties [PROP_ATTRIBUTES] =
    g_param_spec_boxed ("attributes", NULL, NULL, G_TYPE_HASH_TABLE, flags);

  /**
   * AmRelation:status:
   *
   * Whether the item is part of the map or only suggested.
   */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, AM_TYPE_STATUS, AM_STATUS_ACCEPTED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_relation_init (AmRelation *self)
{
  self->directed = TRUE;
}

const char *
am_relation_get_id (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->id;
}

const char *
am_relation_get_source (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->source;
}

const char *
am_relation_get_target (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->target;
}

const char *
am_relation_get_label (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->label;
}

const char *
am_relation_get_rel_type (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->rel_type;
}

gboolean
am_relation_get_directed (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), TRUE);

  return self->directed;
}

const char *
am_relation_get_date (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->date;
}

GPtrArray *
am_relation_get_evidence (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->evidence;
}

GHashTable *
am_relation_get_attributes (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), NULL);

  return self->attributes;
}

AmStatus
am_relation_get_status (AmRelation *self)
{
  g_return_val_if_fail (AM_IS_RELATION (self), AM_STATUS_ACCEPTED);

  return self->status;
}
