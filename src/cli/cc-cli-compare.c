/* cc-cli-compare.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `crosscheck compare`: the statements of the library (or of some of its
 * articles), each with the articles that carry it and the statements it
 * contradicts. */

#define G_LOG_DOMAIN "cc-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-cli-private.h"
#include "cc-clusters.h"
#include "cc-library.h"

static JsonNode *
cluster_to_json (CcCluster *cluster)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *mentions = cc_cluster_get_mentions (cluster);
  const guint *conflicts;
  guint n_conflicts;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cc_cluster_get_id (cluster));
  _cc_cli_add_number (builder, "low", cc_cluster_get_low (cluster));
  _cc_cli_add_number (builder, "high", cc_cluster_get_high (cluster));
  _cc_cli_add_string_or_null (builder, "claimant", cc_cluster_get_claimant (cluster));
  _cc_cli_add_string_or_null (builder, "claimant_country",
                              cc_cluster_get_claimant_country (cluster));
  _cc_cli_add_string_or_null (builder, "subject", cc_cluster_get_subject (cluster));
  _cc_cli_add_string_or_null (builder, "status",
                              cc_claim_status_to_string (cc_cluster_get_status (cluster)));
  _cc_cli_add_string_or_null (builder, "first_day", cc_cluster_get_first_day (cluster));
  _cc_cli_add_string_or_null (builder, "last_day", cc_cluster_get_last_day (cluster));

  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "article_id");
      json_builder_add_int_value (builder, cc_claim_get_article_id (claim));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, cc_claim_get_start (claim));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, cc_claim_get_end (claim));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* The count of all; the ids of the nearest in value only. */
  json_builder_set_member_name (builder, "n_conflicts");
  json_builder_add_int_value (builder, cc_cluster_get_n_conflicts (cluster));
  json_builder_set_member_name (builder, "conflicts_with");
  json_builder_begin_array (builder);
  conflicts = cc_cluster_get_conflicts (cluster, &n_conflicts);
  for (guint i = 0; i < n_conflicts; i++)
    json_builder_add_int_value (builder, conflicts[i]);
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* @str cut or padded to @width characters (not bytes: names carry
 * curly quotes and accents). */
static char *
fit (const char *str,
     guint       width)
{
  glong len = g_utf8_strlen (str, -1);
  GString *out;

  if (len > width)
    {
      g_autofree char *cut = g_utf8_substring (str, 0, width - 1);

      return g_strconcat (cut, "…", NULL);
    }

  out = g_string_new (str);
  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static char *
format_articles (CcCluster *cluster)
{
  GListModel *mentions = cc_cluster_get_mentions (cluster);
  GString *out = g_string_new (NULL);
  gint64 last = 0;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, i);
      gint64 id = cc_claim_get_article_id (claim);

      /* Mentions come by article: each article once. */
      if (id == last)
        continue;
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len ? "," : "", id);
      last = id;
    }

  return g_string_free (out, FALSE);
}

static void
print_row (const char * const *cells)
{
  static const guint widths[] = { 4, 16, 22, 9, 30, 10, 10, 3, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *cell = fit (cells[i], widths[i]);

      printf ("%s  ", cell);
    }
  printf ("%s\n", cells[G_N_ELEMENTS (widths)]);
}

static void
print_cluster_row (CcCluster *cluster)
{
  g_autofree char *id = g_strdup_printf ("%4u", cc_cluster_get_id (cluster));
  g_autofree char *value = cc_cluster_dup_value_label (cluster);
  g_autofree char *articles = format_articles (cluster);
  g_autofree char *sources = g_strdup_printf ("%3u", cc_cluster_get_n_sources (cluster));
  g_autofree char *claimant = NULL;
  g_autoptr(GString) conflicts = g_string_new (NULL);
  const char *name = cc_cluster_get_claimant (cluster);
  const char *cells[10];
  const guint *ids;
  guint n_ids;

  if (cc_cluster_get_claimant_country (cluster) != NULL)
    claimant = g_strdup_printf ("%s (%s)", name ? name : _("unattributed"),
                                cc_cluster_get_claimant_country (cluster));
  else
    claimant = g_strdup (name ? name : _("unattributed"));

  ids = cc_cluster_get_conflicts (cluster, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (conflicts, "%s%u", i ? "," : "", ids[i]);
  if (cc_cluster_get_n_conflicts (cluster) > n_ids)
    {
      guint more = cc_cluster_get_n_conflicts (cluster) - n_ids;

      g_string_append_c (conflicts, ' ');
      /* Translators: after the ids of the statements a statement
       * contradicts, the number of the others that do too */
      g_string_append_printf (conflicts, ngettext ("and %u more", "and %u more", more), more);
    }

  cells[0] = id;
  cells[1] = value;
  cells[2] = cc_cluster_get_subject (cluster) ? cc_cluster_get_subject (cluster) : "—";
  cells[3] = cc_claim_status_to_string (cc_cluster_get_status (cluster));
  cells[4] = claimant;
  cells[5] = cc_cluster_get_first_day (cluster) ? cc_cluster_get_first_day (cluster) : "—";
  cells[6] = cc_cluster_get_last_day (cluster) ? cc_cluster_get_last_day (cluster) : "—";
  cells[7] = sources;
  cells[8] = articles;
  cells[9] = conflicts->len ? conflicts->str : "—";
  print_row (cells);
}

int
_cc_cli_cmd_compare (CliOptions *options)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GListStore) chosen = g_list_store_new (CC_TYPE_ARTICLE);
  g_autoptr(CcClusterSet) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *articles;
  guint n;

  /* Check every argument before opening anything. */
  for (guint i = 0; i < options->args->len; i++)
    {
      const char *arg = g_ptr_array_index (options->args, i);
      gint64 id;

      if (!_cc_cli_parse_id (arg, &id))
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not an article id"), arg);
          return _cc_cli_usage_error (msg);
        }
      g_array_append_val (ids, id);
    }

  if (!(library = _cc_cli_open_library_with_claims (options)))
    return CC_CLI_EXIT_REFUSED;

  for (guint i = 0; i < ids->len; i++)
    {
      CcArticle *article = _cc_cli_lookup_article (options, library,
                                                   g_ptr_array_index (options->args, i));

      if (article == NULL)
        return CC_CLI_EXIT_REFUSED;
      g_list_store_append (chosen, article);
    }

  if (ids->len > 0)
    set = cc_cluster_set_new (G_LIST_MODEL (chosen));
  else if (options->story != NULL)
    {
      g_autoptr(GListModel) scope = _cc_cli_scope_articles (options, library);

      set = cc_cluster_set_new (scope);
    }
  else
    set = cc_cluster_set_new_for_library (library);

  n = g_list_model_get_n_items (G_LIST_MODEL (set));

  if (!options->json)
    {
      /* Translators: column heads of `crosscheck compare`; "Src" counts
       * the sources, reprints once, in three characters at most. */
      const char *heads[] = { _("ID"), _("Value"), _("Subject"), _("Status"), _("Claimant"),
                              _("First day"), _("Last day"), _("Src"), _("Articles"),
                              _("Conflicts with") };

      print_row (heads);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (options->json)
        {
          g_autoptr(JsonNode) node = cluster_to_json (cluster);
          _cc_cli_print_json (node);
        }
      else
        print_cluster_row (cluster);
    }

  if (options->json)
    return CC_CLI_EXIT_OK;

  /* Say which articles were counted as one source. */
  articles = cc_cluster_set_get_articles (set);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (articles, i);
      gint64 id = cc_article_get_id (article);
      gint64 origin = cc_cluster_set_get_origin (set, id);

      if (origin != id)
        {
          g_autofree char *copy = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          g_autofree char *original = g_strdup_printf ("%" G_GINT64_FORMAT, origin);

          /* Translators: both are article ids. */
          printf (_("Article %s repeats the text of article %s and counts as the same source.\n"),
                  copy, original);
        }
    }

  return CC_CLI_EXIT_OK;
}
