/* cc-json-export.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Crosscheck's own exchange format. CcImporter reads it back, and an
 * import followed by an export reproduces the file byte for byte, so the
 * member order below is part of the format. Database ids are not written:
 * they mean nothing in another library.
 *
 *   {
 *     "format" : "crosscheck",
 *     "version" : 1,
 *     "articles" : [
 *       {
 *         "title" : string or null,
 *         "outlet" : string or null,
 *         "url" : string or null,
 *         "published" : "YYYY-MM-DD" or null,
 *         "language" : string or null,
 *         "text" : string (required),
 *         "source_file" : string or null,
 *         "imported" : integer, seconds since the epoch (UTC),
 *         "claims" : [
 *           {
 *             "start" : integer, "end" : integer,    Unicode character offsets
 *                                                    into "text", end exclusive
 *             "text" : string or null,
 *             "low" : number or null, "high" : number or null,
 *             "vague" : boolean,
 *             "qualifier" : string or null,
 *             "subject" : string or null,
 *             "claimant" : string or null,
 *             "claimant_country" : string or null,
 *             "status" : "other", "preparing", "sent", "training", "deployed",
 *                        "fighting", "killed", "injured", "captured" or "total",
 *             "hedged" : boolean,
 *             "event_date" : "YYYY-MM-DD" or null,
 *             "origin" : "auto" or "user",
 *             "rejected" : boolean,
 *             "extractor_version" : integer
 *           }, …
 *         ],
 *         "annotations" : [
 *           {
 *             "start" : integer, "end" : integer,    as for claims
 *             "color" : "#rrggbb" or null,
 *             "note" : string or null,
 *             "tags" : comma-separated string or null,
 *             "created" : integer, "modified" : integer   seconds since the epoch
 *           }, …
 *         ],
 *         "stories" : [ string, … ]     the titles of the stories holding the
 *                                       article, oldest first; left out when
 *                                       it is in none
 *       }, …
 *     ]
 *   }
 *
 * The document is pretty-printed with two-space indents and ends with a
 * newline. Numbers that are not finite are written as null. */

#define G_LOG_DOMAIN "cc-json-export"

#include "config.h"

#include <math.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-json-export.h"

#define EXPORT_FORMAT  "crosscheck"
#define EXPORT_VERSION 1

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static JsonNode *
export_annotation (CcAnnotation *annotation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_assert (CC_IS_ANNOTATION (annotation));

  json_builder_begin_object (builder);
  add_int (builder, "start", cc_annotation_get_start (annotation));
  add_int (builder, "end", cc_annotation_get_end (annotation));
  add_string (builder, "color", cc_annotation_get_color (annotation));
  add_string (builder, "note", cc_annotation_get_note (annotation));
  add_string (builder, "tags", cc_annotation_get_tags (annotation));
  add_int (builder, "created", cc_annotation_get_created (annotation));
  add_int (builder, "modified", cc_annotation_get_modified (annotation));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * cc_json_export_claim:
 * @claim: a #CcClaim
 *
 * Returns: (transfer full): the claim as a JSON object, without its ids
 */
JsonNode *
cc_json_export_claim (CcClaim *claim)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (CC_IS_CLAIM (claim), NULL);

  builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "start", cc_claim_get_start (claim));
  add_int (builder, "end", cc_claim_get_end (claim));
  add_string (builder, "text", cc_claim_get_text (claim));
  add_double (builder, "low", cc_claim_get_low (claim));
  add_double (builder, "high", cc_claim_get_high (claim));
  add_boolean (builder, "vague", cc_claim_get_vague (claim));
  add_string (builder, "qualifier", cc_claim_get_qualifier (claim));
  add_string (builder, "subject", cc_claim_get_subject (claim));
  add_string (builder, "claimant", cc_claim_get_claimant (claim));
  add_string (builder, "claimant_country", cc_claim_get_claimant_country (claim));
  add_string (builder, "status", cc_claim_status_to_string (cc_claim_get_status (claim)));
  add_boolean (builder, "hedged", cc_claim_get_hedged (claim));
  add_string (builder, "event_date", cc_claim_get_event_date (claim));
  add_string (builder, "origin", cc_claim_origin_to_string (cc_claim_get_origin (claim)));
  add_boolean (builder, "rejected", cc_claim_get_rejected (claim));
  add_int (builder, "extractor_version", cc_claim_get_extractor_version (claim));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * cc_json_export_article:
 * @article: a #CcArticle
 *
 * Returns: (transfer full): the article with its claims and annotations as
 *   a JSON object, without ids
 */
JsonNode *
cc_json_export_article (CcArticle *article)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GListModel *claims;
  GListModel *annotations;

  g_return_val_if_fail (CC_IS_ARTICLE (article), NULL);

  builder = json_builder_new ();
  claims = cc_article_get_claims (article);
  annotations = cc_article_get_annotations (article);

  json_builder_begin_object (builder);
  add_string (builder, "title", cc_article_get_title (article));
  add_string (builder, "outlet", cc_article_get_outlet (article));
  add_string (builder, "url", cc_article_get_url (article));
  add_string (builder, "published", cc_article_get_published (article));
  add_string (builder, "language", cc_article_get_language (article));
  add_string (builder, "text", cc_article_get_text (article));
  add_string (builder, "source_file", cc_article_get_source_file (article));
  add_int (builder, "imported", cc_article_get_imported (article));

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      json_builder_add_value (builder, cc_json_export_claim (claim));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);

      json_builder_add_value (builder, export_annotation (annotation));
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * cc_json_export_to_data:
 * @root: the document
 * @pretty: indented by two spaces, one member a line, or on one line
 *
 * Writes @root as JSON text. json-glib 1.6 writes a double whose shortest
 * form has no decimal point with ".0" appended, which turns 1e+17 into
 * "1e+17.0", not JSON; here the ".0" after an exponent is dropped, outside
 * strings only, so that every number is valid and keeps its value.
 *
 * Returns: (transfer full): the text, without a final line break
 */
char *
cc_json_export_to_data (JsonNode *root,
                        gboolean  pretty,
                        gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gboolean in_string = FALSE;
  gsize data_length;
  GString *out;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  if (pretty)
    json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &data_length);

  out = g_string_sized_new (data_length);
  for (gsize i = 0; i < data_length; i++)
    {
      char c = data[i];

      g_string_append_c (out, c);
      if (in_string)
        {
          if (c == '\\' && i + 1 < data_length)
            g_string_append_c (out, data[++i]);
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == 'e' || c == 'E') && i > 0 && g_ascii_isdigit (data[i - 1]))
        {
          /* An exponent: its sign and digits, then the stray ".0". */
          gsize j = i + 1;

          if (j < data_length && (data[j] == '+' || data[j] == '-'))
            j++;
          while (j < data_length && g_ascii_isdigit (data[j]))
            j++;
          g_string_append_len (out, data + i + 1, j - i - 1);
          if (j + 1 < data_length && data[j] == '.' && data[j + 1] == '0')
            j += 2;
          i = j - 1;
        }
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * cc_json_export_articles:
 * @articles: (element-type CcArticle): the articles to export
 * @length: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): the export document described at the top of
 *   this file, pretty-printed and ending with a newline
 */
char *
cc_json_export_articles (GPtrArray *articles,
                         gsize     *length)
{
  return cc_json_export_articles_with_stories (articles, NULL, length);
}

/**
 * cc_json_export_articles_with_stories:
 * @articles: (element-type CcArticle): the articles to export
 * @stories: (nullable) (element-type CcArticle GStrv): the titles of the
 *   stories of each article
 * @length: (out) (optional): the length of the result in bytes
 *
 * As cc_json_export_articles(), with the articles' stories.
 *
 * Returns: (transfer full): the export document
 */
char *
cc_json_export_articles_with_stories (GPtrArray  *articles,
                                      GHashTable *stories,
                                      gsize      *length)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize data_length;
  char *result;

  g_return_val_if_fail (articles != NULL, NULL);

  builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, EXPORT_VERSION);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      JsonNode *node = cc_json_export_article (article);
      char **titles = stories != NULL ? g_hash_table_lookup (stories, article) : NULL;

      if (titles != NULL && titles[0] != NULL)
        {
          JsonArray *array = json_array_sized_new (g_strv_length (titles));

          for (guint j = 0; titles[j] != NULL; j++)
            json_array_add_string_element (array, titles[j]);
          json_object_set_array_member (json_node_get_object (node), "stories", array);
        }
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  data = cc_json_export_to_data (root, TRUE, &data_length);
  result = g_strconcat (data, "\n", NULL);

  if (length != NULL)
    *length = data_length + 1;

  return result;
}
