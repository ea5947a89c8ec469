/* am-xml-read.c — XML networks read with libxml2, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GraphML and GEXF come from other programs and from the web, so the reader is set up
 * against the classic XML attacks (robustness.md): XML_PARSE_NONET (no network, even
 * for a DTD), no XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (no external subset read, no
 * defaults from it), no XML_PARSE_NOENT (entities are never substituted) and no
 * XML_PARSE_XINCLUDE; a document that declares any entity is refused outright, which
 * also stops "billion laughs" before anything is expanded; nesting and element counts
 * are capped after the parse (the file itself is size-capped by am_document_read_file()).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/entities.h>

#include "am-interchange-private.h"
#include "am-model-error.h"

#define SNIFF_BYTES 4096

/* Skips a UTF-8 BOM, white space, the XML declaration, comments, processing
 * instructions and a DOCTYPE, and compares the first element's local name.  A UTF-16
 * file (BOM FF FE or FE FF) is compared through its ASCII bytes. */
gboolean
_am_xml_root_is (GBytes     *bytes,
                 const char *name)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *ascii = NULL;
  const char *p, *end;
  gsize name_len = strlen (name);

  if (data == NULL || length < 2)
    return FALSE;

  length = MIN (length, SNIFF_BYTES);
  if (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    {
      /* UTF-16: keep the ASCII bytes, enough to find the root's name. */
      gsize j = 0;

      ascii = g_malloc (length / 2 + 1);
      for (gsize i = 2 + ((guchar) data[0] == 0xfe); i < length; i += 2)
        ascii[j++] = data[i];
      ascii[j] = '\0';
      data = ascii;
      length = j;
    }

  p = data;
  end = data + length;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        return FALSE;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");
          if (close == NULL)
            return FALSE;
          p = close + 3;
          continue;
        }
      if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          /* <?xml …?>, <?pi …?>, <!DOCTYPE …> (an internal subset is not looked into). */
          const char *close = memchr (p, '>', end - p);
          if (close == NULL)
            return FALSE;
          p = close + 1;
          continue;
        }

      {
        const char *start = ++p, *colon = NULL;

        while (p < end && (g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.' ||
                           *p == ':'))
          {
            if (*p == ':')
              colon = p;
            p++;
          }
        if (colon != NULL)
          start = colon + 1;
        return (gsize) (p - start) == name_len && g_ascii_strncasecmp (start, name, name_len) == 0 &&
               (p == end || g_ascii_isspace (*p) || *p == '>' || *p == '/');
      }
    }

  return FALSE;
}

static gboolean
declares_entities (xmlDoc *doc)
{
  xmlDtd *subsets[] = { doc->intSubset, doc->extSubset };

  for (guint i = 0; i < G_N_ELEMENTS (subsets); i++)
    if (subsets[i] != NULL && subsets[i]->entities != NULL &&
        xmlHashSize (subsets[i]->entities) > 0)
      return TRUE;

  return FALSE;
}

typedef struct
{
  guint max_depth;
  gsize elements;
  long  line;           /* of the first element past a cap */
} Walk;

static void
walk (xmlNode *node,
      guint    depth,
      Walk    *w)
{
  for (; node != NULL && w->line == 0; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      w->elements++;
      w->max_depth = MAX (w->max_depth, depth);
      if (depth > AM_XML_MAX_DEPTH || w->elements > AM_XML_MAX_ELEMENTS)
        {
          w->line = MAX (xmlGetLineNo (node), 1);
          return;
        }
      walk (node->children, depth + 1, w);
    }
}

xmlDoc *
_am_xml_read (GBytes      *bytes,
              const char  *display_name,
              GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  Walk w = { 0, };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > G_MAXINT)
    {
      /* Translators: an error reading a file; %s is its name */
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE, _("%s: file too large"),
                   display_name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX,
                   /* Translators: an error reading a file; %s is its name */
                   _("%s: the XML parser could not start"), display_name);
      return NULL;
    }

  doc = xmlCtxtReadMemory (ctxt, data != NULL ? data : "", (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  if (doc == NULL || !ctxt->wellFormed)
    {
      /* XML_PARSE_NOERROR: nothing was printed.  Without XML_PARSE_RECOVER the parser
       * stops at its first fatal error, so the last one it kept is that one. */
      const xmlError *xml_error = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = NULL;

      if (xml_error != NULL && xml_error->message != NULL)
        /* libxml2 quotes the file's bytes, which may not be UTF-8 (found by
         * fuzz-graphml-import: an invalid byte in a namespace URI). */
        message = g_strchomp (g_utf8_make_valid (xml_error->message, -1));
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX,
                   /* Translators: an XML syntax error; the placeholders are the file's
                    * name, a line number and libxml2's message (English) */
                   _("%s: line %d: not well-formed XML: %s"), display_name,
                   xml_error != NULL ? MAX (xml_error->line, 1) : 1,
                   message != NULL && *message != '\0' ? message : "?");
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  if (declares_entities (doc))
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT,
                   /* Translators: %s is a file name */
                   _("%s: the file declares XML entities, which are not read (they can "
                     "expand without bound or read other files)"), display_name);
      xmlFreeDoc (doc);
      return NULL;
    }

  walk (xmlDocGetRootElement (doc), 1, &w);
  if (w.line != 0)
    {
      if (w.max_depth > AM_XML_MAX_DEPTH)
        g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_DEEP,
                     /* Translators: %s is a file name, %ld a line, %d a number */
                     _("%s: line %ld: elements nested deeper than %d"), display_name,
                     w.line, AM_XML_MAX_DEPTH);
      else
        g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE,
                     /* Translators: %s is a file name, %ld a line, %d a number */
                     _("%s: line %ld: more than %d elements"), display_name, w.line,
                     AM_XML_MAX_ELEMENTS);
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}
