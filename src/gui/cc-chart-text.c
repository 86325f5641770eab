/* cc-chart-text.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart's statements in words: for the tooltip, the line under the
 * chart and the accessible description. */

#define G_LOG_DOMAIN "cc-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-article.h"
#include "cc-chart-private.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-reader-format.h"
#include "cc-utils.h"

/* The sentence around a claim, for the tooltip: what was said, in the
 * article's words. */
static char *
dup_quote (CcChart *self,
           CcClaim *claim)
{
  CcArticle *article;
  const char *text, *start, *end, *p;
  guint limit = 160;
  gboolean cut_start = FALSE, cut_end = FALSE;
  g_autofree char *quote = NULL;

  if (self->library == NULL)
    return NULL;
  article = cc_library_lookup_article (self->library, cc_claim_get_article_id (claim));
  if (article == NULL || (text = cc_article_get_text (article)) == NULL)
    return NULL;

  start = g_utf8_offset_to_pointer (text, cc_claim_get_start (claim));
  end = g_utf8_offset_to_pointer (text, cc_claim_get_end (claim));

  /* Back to the start of the sentence: after a line break, or after a
   * full stop and a space. */
  for (p = start; p > text && limit > 0; limit--)
    {
      const char *prev = g_utf8_prev_char (p);

      if (*prev == '\n')
        break;
      if (*prev == ' ' && prev > text && strchr (".?!", prev[-1]) != NULL)
        break;
      p = prev;
    }
  /* A long sentence is cut at a word, not inside one. */
  if (limit == 0 && p > text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    {
      while (p < start && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (p < start && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  cut_start = limit == 0 && p > text;
  start = p;

  for (limit = 200, p = end; *p != '\0' && *p != '\n' && limit > 0; limit--)
    {
      gboolean stop = strchr (".?!", *p) != NULL && (p[1] == ' ' || p[1] == '\0' || p[1] == '\n');

      p = g_utf8_next_char (p);
      if (stop)
        break;
    }
  if (limit == 0 && *p != '\0' && *p != '\n' && !g_unichar_isspace (g_utf8_get_char (p)))
    {
      while (p > end && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
        p = g_utf8_prev_char (p);
    }
  cut_end = limit == 0 && *p != '\0' && *p != '\n';
  end = p;

  quote = g_strstrip (g_strndup (start, end - start));
  return g_strconcat (cut_start ? "…" : "", quote, cut_end ? "…" : "", NULL);
}

static char *
dup_sources (CcChart            *self,
             const CcChartPoint *point)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < point->claims->len && self->library != NULL; i++)
    {
      gint64 id = cc_claim_get_article_id (g_ptr_array_index (point->claims, i));
      CcArticle *article = cc_library_lookup_article (self->library, id);
      const char *name;

      if (article == NULL || g_hash_table_contains (seen, article))
        continue;
      g_hash_table_add (seen, article);
      name = cc_article_get_outlet (article);
      if (name == NULL || *name == '\0')
        name = cc_article_get_title (article);
      if (name != NULL)
        g_ptr_array_add (names, (gpointer)name);
    }

  g_ptr_array_add (names, NULL);
  /* Translators: joins the names of the outlets carrying a statement */
  return g_strjoinv (C_("sources", "; "), (char **)names->pdata);
}

/**
 * cc_chart_dup_summary:
 * @index: a statement index of the layout
 * @markup: whether to return Pango markup (for the tooltip) or plain text
 *
 * Returns: (transfer full) (nullable): who said what, when, how sure,
 *   where, and the words of the first report
 */
char *
cc_chart_dup_summary (CcChart  *self,
                      int       index,
                      gboolean  markup)
{
  const CcChartPoint *point;
  const CcChartSeries *series;
  CcClaim *claim;
  g_autofree char *value = NULL;
  g_autofree char *day = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *who = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_series;

  g_return_val_if_fail (CC_IS_CHART (self), NULL);

  if (!(point = _cc_chart_get_point (self, index)))
    return NULL;

  series = cc_chart_layout_get_series (self->layout, &n_series);
  claim = g_ptr_array_index (point->claims, 0);
  value = cc_chart_format_value (point);
  day = cc_chart_format_day (point->day);
  {
    gboolean dated = FALSE;

    for (guint i = 0; i < point->claims->len && !dated; i++)
      dated = cc_claim_get_event_date (g_ptr_array_index (point->claims, i)) != NULL;
    /* A statement without a day of its own stands on its article's. */
    if (!dated)
      {
        /* Translators: the day of a statement that gives none, its
         * article's publication date: "published 21 October 2024" */
        char *published = g_strdup_printf (C_("chart day", "Published %s"), day);

        g_free (day);
        day = published;
      }
  }
  sources = dup_sources (self, point);
  quote = dup_quote (self, claim);

  if (point->claimant != NULL && series[point->series].country != NULL)
    /* Translators: a claimant and their country, "Volodymyr Zelensky (Ukraine)" */
    who = g_strdup_printf (C_("claimant", "%s (%s)"), point->claimant, series[point->series].country);
  else
    who = g_strdup (point->claimant ? point->claimant : _("Unknown claimant"));

  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (who, -1);

      g_string_append_printf (text, "<b>%s</b>\n", escaped);
    }
  else
    g_string_append_printf (text, "%s: ", who);

  if (markup)
    {
      char *escaped = g_markup_escape_text (sources, -1);

      g_free (sources);
      sources = escaped;
      subject = g_markup_escape_text (cc_claim_get_subject (claim) ?: "", -1);
    }
  else
    subject = g_strdup (cc_claim_get_subject (claim) ?: "");

  g_string_append_printf (text, "%s %s", value, subject);
  if (cc_claim_get_status (claim) != CC_CLAIM_STATUS_OTHER)
    {
      g_autofree char *status = g_utf8_strdown (cc_claim_status_label (cc_claim_get_status (claim)), -1);

      g_string_append_printf (text, ", %s", status);
    }
  if (point->hedged)
    g_string_append_printf (text, ", %s", _("hedged"));
  g_string_append (text, markup ? "\n" : ". ");
  g_string_append (text, day);
  g_string_append (text, markup ? "\n" : ". ");
  {
    g_autofree char *count = cc_format_count (point->n_sources);

    /* Translators: a count of sources, as "12" or "1,200", and their names */
    g_string_append_printf (text,
                            ngettext ("%s source: %s", "%s sources: %s", point->n_sources),
                            count, sources);
  }
  if (quote != NULL && *quote != '\0')
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (quote, -1) : g_strdup (quote);

      g_string_append_printf (text, markup ? "\n<i>“%s”</i>" : ". “%s”", escaped);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

