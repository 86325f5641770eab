/* cc-importer-json.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading JSON: the Crosscheck export (format described in
 * cc-json-export.c), which brings back articles with their claims and
 * annotations, and the bounded JSON parser that meta.json also uses. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-importer-private.h"

/* Our export nests five levels deep. The limit stops json-glib's recursive
 * parser from overflowing the stack on "[[[[…". */
#define MAX_JSON_DEPTH 32

/* Rejects nesting deeper than MAX_JSON_DEPTH before json-glib sees it. */
static gboolean
json_depth_is_sane (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* json-glib 1.6 decodes "\u0000" into a NUL that silently ends the
 * string, losing the rest of the text. A copy of @data in which each such
 * escape is U+FFFF instead, a noncharacter, lets the fields that had one
 * be named; NULL when there is none. While such a copy is parsed on this
 * thread, nul_marked is set, so that a U+FFFF in a document without
 * "\u0000" stays the character it is. */
static GPrivate nul_marked;

static char *
mark_nul_escapes (const char *data,
                  gsize       length)
{
  char *copy = NULL;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!in_string)
        in_string = data[i] == '"';
      else if (data[i] == '"')
        in_string = FALSE;
      else if (data[i] == '\\' && i + 1 < length)
        {
          if (i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
            {
              if (copy == NULL)
                copy = g_memdup2 (data, length);
              memcpy (copy + i + 1, "uFFFF", 5);
            }
          i++;
        }
    }

  return copy;
}

/* Parses a JSON document that has already passed the UTF-8 check. The
 * error message does not name the file. */
JsonNode *
_cc_importer_read_json (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_depth_is_sane (data, length))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("malformed JSON: nested more than %d levels deep"), MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the offending bytes, which need not be UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("malformed JSON: %s"), reason);
      return NULL;
    }

  if (!(root = json_parser_get_root (parser)))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("malformed JSON: the document is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

/* The export */

static gboolean
json_get_member (JsonObject  *object,
                 const char  *member,
                 gboolean     required,
                 GType        type,
                 const char  *type_name,
                 JsonNode   **node,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  *node = json_object_get_member (object, member);

  if (*node == NULL || JSON_NODE_HOLDS_NULL (*node))
    {
      *node = NULL;
      if (!required)
        return TRUE;

      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s is missing"), where, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (*node) ||
      (json_node_get_value_type (*node) != type &&
       !(type == G_TYPE_DOUBLE && json_node_get_value_type (*node) == G_TYPE_INT64)))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s must be %s"), where, member, type_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_string (JsonObject  *object,
                 const char  *member,
                 gboolean     required,
                 const char **value,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  JsonNode *node;

  *value = NULL;

  if (!json_get_member (object, member, required, G_TYPE_STRING, _("a string"),
                        &node, name, where, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  /* json-glib decodes \u escapes without checking them. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s is not valid UTF-8"), where, member);
      return FALSE;
    }

  /* Where a \u0000 stood (see mark_nul_escapes()). */
  if (g_private_get (&nul_marked) != NULL &&
      strstr (json_node_get_string (node), "\xef\xbf\xbf") != NULL)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s holds a NUL character (\\u0000)"), where, member);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
json_get_int (JsonObject  *object,
              const char  *member,
              gboolean     required,
              gint64       max,
              gint64      *value,
              const char  *name,
              const char  *where,
              GError     **error)
{
  JsonNode *node;

  *value = 0;

  if (!json_get_member (object, member, required, G_TYPE_INT64, _("an integer"),
                        &node, name, where, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  *value = json_node_get_int (node);
  if (*value < 0 || *value > max)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s is out of range"), where, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_double (JsonObject  *object,
                 const char  *member,
                 double      *value,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  JsonNode *node;

  *value = 0;

  if (!json_get_member (object, member, FALSE, G_TYPE_DOUBLE, _("a number"),
                        &node, name, where, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  /* Counts of people: never negative, and json-glib turns 1e400 into inf. */
  *value = json_node_get_double (node);
  if (!isfinite (*value) || *value < 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s is out of range"), where, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_boolean (JsonObject  *object,
                  const char  *member,
                  gboolean    *value,
                  const char  *name,
                  const char  *where,
                  GError     **error)
{
  JsonNode *node;

  *value = FALSE;

  if (!json_get_member (object, member, FALSE, G_TYPE_BOOLEAN, _("true or false"),
                        &node, name, where, error))
    return FALSE;

  if (node != NULL)
    *value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
json_get_date (JsonObject  *object,
               const char  *member,
               const char **value,
               const char  *name,
               const char  *where,
               GError     **error)
{
  if (!json_get_string (object, member, FALSE, value, name, where, error))
    return FALSE;

  if (*value != NULL && !cc_date_is_valid (*value))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s is not a date (YYYY-MM-DD)"), where, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_array (JsonObject  *object,
                const char  *member,
                JsonArray  **value,
                const char  *name,
                const char  *where,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.%s must be an array"), where, member);
      return FALSE;
    }

  *value = json_node_get_array (node);

  return TRUE;
}

static JsonObject *
json_get_element_object (JsonArray   *array,
                         guint        index,
                         const char  *name,
                         const char  *where,
                         GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s must be an object"), where);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
json_get_span (JsonObject  *object,
               glong        n_chars,
               guint       *start,
               guint       *end,
               const char  *name,
               const char  *where,
               GError     **error)
{
  gint64 start64;
  gint64 end64;

  if (!json_get_int (object, "start", TRUE, G_MAXUINT, &start64, name, where, error) ||
      !json_get_int (object, "end", TRUE, G_MAXUINT, &end64, name, where, error))
    return FALSE;

  if (start64 > end64)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s: start %u is after end %u"),
                              where, (guint)start64, (guint)end64);
      return FALSE;
    }

  if (end64 > n_chars)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s: end %u is beyond the end of the text (%ld characters)"),
                              where, (guint)end64, n_chars);
      return FALSE;
    }

  *start = start64;
  *end = end64;

  return TRUE;
}

static const char *
format_number (char   *buf,
               double  value)
{
  return g_ascii_dtostr (buf, G_ASCII_DTOSTR_BUF_SIZE, value);
}

static CcClaim *
claim_from_json (JsonObject  *object,
                 glong        n_chars,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(CcClaim) claim = cc_claim_new ();
  const char *text, *qualifier, *subject, *claimant, *country, *status, *event_date, *origin;
  CcClaimStatus status_value = CC_CLAIM_STATUS_OTHER;
  CcClaimOrigin origin_value = CC_CLAIM_ORIGIN_AUTO;
  gboolean vague, hedged, rejected;
  char low_text[G_ASCII_DTOSTR_BUF_SIZE];
  char high_text[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 version;
  guint start, end;
  double low, high;

  if (!json_get_span (object, n_chars, &start, &end, name, where, error) ||
      !json_get_string (object, "text", FALSE, &text, name, where, error) ||
      !json_get_double (object, "low", &low, name, where, error) ||
      !json_get_double (object, "high", &high, name, where, error) ||
      !json_get_boolean (object, "vague", &vague, name, where, error) ||
      !json_get_string (object, "qualifier", FALSE, &qualifier, name, where, error) ||
      !json_get_string (object, "subject", FALSE, &subject, name, where, error) ||
      !json_get_string (object, "claimant", FALSE, &claimant, name, where, error) ||
      !json_get_string (object, "claimant_country", FALSE, &country, name, where, error) ||
      !json_get_string (object, "status", FALSE, &status, name, where, error) ||
      !json_get_boolean (object, "hedged", &hedged, name, where, error) ||
      !json_get_date (object, "event_date", &event_date, name, where, error) ||
      !json_get_string (object, "origin", FALSE, &origin, name, where, error) ||
      !json_get_boolean (object, "rejected", &rejected, name, where, error) ||
      !json_get_int (object, "extractor_version", FALSE, G_MAXUINT, &version, name, where, error))
    return NULL;

  if (low > high)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.low (%s) is greater than %s.high (%s)"), where,
                              format_number (low_text, low), where, format_number (high_text, high));
      return NULL;
    }

  if (status != NULL && !cc_claim_status_from_string (status, &status_value))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.status: unknown status “%s”"), where, status);
      return NULL;
    }

  if (origin != NULL && !cc_claim_origin_from_string (origin, &origin_value))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.origin: unknown origin “%s”"), where, origin);
      return NULL;
    }

  cc_claim_set_start (claim, start);
  cc_claim_set_end (claim, end);
  cc_claim_set_text (claim, text);
  cc_claim_set_low (claim, low);
  cc_claim_set_high (claim, high);
  cc_claim_set_vague (claim, vague);
  cc_claim_set_qualifier (claim, qualifier);
  cc_claim_set_subject (claim, subject);
  cc_claim_set_claimant (claim, claimant);
  cc_claim_set_claimant_country (claim, country);
  cc_claim_set_status (claim, status_value);
  cc_claim_set_hedged (claim, hedged);
  cc_claim_set_event_date (claim, event_date);
  cc_claim_set_origin (claim, origin_value);
  cc_claim_set_rejected (claim, rejected);
  cc_claim_set_extractor_version (claim, version);

  return g_steal_pointer (&claim);
}

static gboolean
color_is_valid (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}

static CcAnnotation *
annotation_from_json (JsonObject  *object,
                      glong        n_chars,
                      const char  *name,
                      const char  *where,
                      GError     **error)
{
  g_autoptr(CcAnnotation) annotation = cc_annotation_new ();
  const char *color, *note, *tags;
  gint64 created, modified;
  guint start, end;

  if (!json_get_span (object, n_chars, &start, &end, name, where, error) ||
      !json_get_string (object, "color", FALSE, &color, name, where, error) ||
      !json_get_string (object, "note", FALSE, &note, name, where, error) ||
      !json_get_string (object, "tags", FALSE, &tags, name, where, error) ||
      !json_get_int (object, "created", FALSE, G_MAXINT64, &created, name, where, error) ||
      !json_get_int (object, "modified", FALSE, G_MAXINT64, &modified, name, where, error))
    return NULL;

  if (color != NULL && !color_is_valid (color))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.color must look like #rrggbb"), where);
      return NULL;
    }

  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_color (annotation, color);
  cc_annotation_set_note (annotation, note);
  cc_annotation_set_tags (annotation, tags);
  cc_annotation_set_created (annotation, created);
  cc_annotation_set_modified (annotation, modified);

  return g_steal_pointer (&annotation);
}

static gboolean
text_has_content (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "stories": the titles of the stories the article was in. */
static gboolean
stories_from_json (CcArticle   *article,
                   JsonObject  *object,
                   const char  *name,
                   const char  *where,
                   GError     **error)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  JsonArray *array;

  if (!json_get_array (object, "stories", &array, name, where, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *stripped = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        stripped = g_strstrip (g_strdup (json_node_get_string (node)));
      if (stripped == NULL || *stripped == '\0')
        {
          _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                                  _("%s.stories[%u] must be a story’s title"), where, i);
          return FALSE;
        }
      g_ptr_array_add (titles, (gpointer)json_node_get_string (node));
    }

  g_ptr_array_add (titles, NULL);
  _cc_article_set_story_titles (article, (const char * const *)titles->pdata);
  return TRUE;
}

static CcArticle *
article_from_json (JsonObject  *object,
                   const char  *name,
                   const char  *where,
                   GError     **error)
{
  g_autoptr(CcArticle) article = cc_article_new ();
  const char *title, *outlet, *url, *published, *language, *text, *source_file;
  JsonArray *claims, *annotations;
  gboolean has_imported;
  gint64 imported;
  glong n_chars;

  if (!json_get_string (object, "title", FALSE, &title, name, where, error) ||
      !json_get_string (object, "outlet", FALSE, &outlet, name, where, error) ||
      !json_get_string (object, "url", FALSE, &url, name, where, error) ||
      !json_get_date (object, "published", &published, name, where, error) ||
      !json_get_string (object, "language", FALSE, &language, name, where, error) ||
      !json_get_string (object, "text", TRUE, &text, name, where, error) ||
      !json_get_string (object, "source_file", FALSE, &source_file, name, where, error) ||
      !json_get_int (object, "imported", FALSE, G_MAXINT64, &imported, name, where, error) ||
      !json_get_array (object, "claims", &claims, name, where, error) ||
      !json_get_array (object, "annotations", &annotations, name, where, error) ||
      !stories_from_json (article, object, name, where, error))
    return NULL;

  if (!text_has_content (text))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("%s.text is empty"), where);
      return NULL;
    }

  has_imported = json_object_has_member (object, "imported") &&
                 !json_object_get_null_member (object, "imported");

  cc_article_set_title (article, title);
  cc_article_set_outlet (article, outlet);
  cc_article_set_url (article, url);
  cc_article_set_published (article, published);
  cc_article_set_language (article, language);
  cc_article_set_text (article, text);
  /* An export keeps the file the article first came from, even when that
   * is unknown, so that import and export round-trip exactly. */
  cc_article_set_source_file (article, source_file);
  cc_article_set_imported (article,
                           has_imported ? imported : g_get_real_time () / G_USEC_PER_SEC);

  n_chars = g_utf8_strlen (text, -1);

  for (guint i = 0; claims != NULL && i < json_array_get_length (claims); i++)
    {
      g_autofree char *child = g_strdup_printf ("%s.claims[%u]", where, i);
      g_autoptr(CcClaim) claim = NULL;
      JsonObject *claim_object;

      if (!(claim_object = json_get_element_object (claims, i, name, child, error)) ||
          !(claim = claim_from_json (claim_object, n_chars, name, child, error)))
        return NULL;

      _cc_article_append_claim (article, claim);
    }

  for (guint i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
    {
      g_autofree char *child = g_strdup_printf ("%s.annotations[%u]", where, i);
      g_autoptr(CcAnnotation) annotation = NULL;
      JsonObject *annotation_object;

      if (!(annotation_object = json_get_element_object (annotations, i, name, child, error)) ||
          !(annotation = annotation_from_json (annotation_object, n_chars, name, child, error)))
        return NULL;

      _cc_article_append_annotation (article, annotation);
    }

  return g_steal_pointer (&article);
}

static GPtrArray *
parse_json_document (const char  *name,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (!(root = _cc_importer_read_json (data, length, &local_error)))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name, "%s", local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(object = json_node_get_object (root)) ||
      !(node = json_object_get_member (object, "format")) ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), "crosscheck") != 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("not a Crosscheck export (no \"format\": \"crosscheck\")"));
      return NULL;
    }

  if (!(node = json_object_get_member (object, "version")) ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != 1)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("unsupported export version (this Crosscheck reads version 1)"));
      return NULL;
    }

  if (!(node = json_object_get_member (object, "articles")) || !JSON_NODE_HOLDS_ARRAY (node))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("“articles” is missing or not an array"));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, name,
                              _("the export contains no articles"));
      return NULL;
    }

  articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("articles[%u]", i);
      JsonObject *article_object;
      CcArticle *article;

      if (!(article_object = json_get_element_object (array, i, name, where, error)) ||
          !(article = article_from_json (article_object, name, where, error)))
        return NULL;

      g_ptr_array_add (articles, article);
    }

  return g_steal_pointer (&articles);
}

GPtrArray *
_cc_importer_parse_json (const char  *name,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autofree char *marked = mark_nul_escapes (data, length);
  GPtrArray *articles;

  g_private_set (&nul_marked, marked);
  articles = parse_json_document (name, marked ? marked : data, length, error);
  g_private_set (&nul_marked, NULL);

  return articles;
}
