/* am-types.h — forward declarations and public enums of the core layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AmDocument  AmDocument;
typedef struct _AmEntity    AmEntity;
typedef struct _AmRelation  AmRelation;
typedef struct _AmStatement AmStatement;
typedef struct _AmEvidence  AmEvidence;

/**
 * AmEntityKind:
 *
 * What an actor is.  The JSON format spells these in lower case
 * ("state", "organization", …); kinds the format does not know load as
 * %AM_ENTITY_KIND_OTHER and keep their spelling in am_entity_get_kind_name().
 */
typedef enum
{
  AM_ENTITY_KIND_STATE,
  AM_ENTITY_KIND_ORGANIZATION,
  AM_ENTITY_KIND_PERSON,
  AM_ENTITY_KIND_EVENT,
  AM_ENTITY_KIND_PLACE,
  AM_ENTITY_KIND_MEDIA,
  AM_ENTITY_KIND_OTHER,
} AmEntityKind;

#define AM_N_ENTITY_KINDS (AM_ENTITY_KIND_OTHER + 1)

const char   *am_entity_kind_to_string   (AmEntityKind  kind);
AmEntityKind  am_entity_kind_from_string (const char   *str);

/*
 * Where a document came from, so that the layers above can speak of actors and relations
 * (an Actormap model) or of nodes and edges (an imported Graphviz graph) without guessing
 * from the entities' kinds.
 */
/* The kind name the DOT import gives every node of a Graphviz graph (and the scene gives a
 * node without a kind).  Whether a document is a graph is am_document_get_origin()'s
 * answer, not this name's: a model may use the word too. */
#define AM_GRAPHVIZ_NODE_KIND "node"

typedef enum
{
  AM_DOCUMENT_ORIGIN_MODEL,     /* an Actormap JSON model, or objects built in code */
  AM_DOCUMENT_ORIGIN_GRAPHVIZ,  /* a DOT file read through the layout helper */
  AM_DOCUMENT_ORIGIN_NETWORK,   /* a GraphML, GEXF or CSV network (am-interchange.h) */
} AmDocumentOrigin;

/**
 * AmStatus:
 * @AM_STATUS_ACCEPTED: part of the map (the default; the JSON format leaves it out)
 * @AM_STATUS_SUGGESTED: proposed by the offline suggestions and not yet accepted by a
 *   person; the saved model never holds one (see am_document_to_json())
 *
 * Whether an entity, relation or statement is part of the map.  The JSON format
 * spells these "accepted" and "suggested" in an item's "status" member.
 */
typedef enum
{
  AM_STATUS_ACCEPTED,
  AM_STATUS_SUGGESTED,
} AmStatus;

#define AM_N_STATUSES (AM_STATUS_SUGGESTED + 1)

/* "accepted" / "suggested" */
const char *am_status_to_string   (AmStatus    status);
/* The status spelled @str (exactly, as in the file); FALSE for any other word. */
gboolean    am_status_from_string (const char *str,
                                   AmStatus   *status);

/* The article fields a document builder may set. */
typedef enum
{
  AM_ARTICLE_FIELD_TITLE,
  AM_ARTICLE_FIELD_DATE,
  AM_ARTICLE_FIELD_PUBLISHER,
  AM_ARTICLE_FIELD_SOURCE,
  AM_ARTICLE_FIELD_URL,
} AmArticleField;

G_END_DECLS
