/* cc-csv-export.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The claims as CSV (RFC 4180), for spreadsheets and scripts: one header
 * row, then one row per claim that is not rejected, in the order of the
 * articles and, within one, of the text. Lines end with CRLF; a field
 * holding a comma, a double quote or a line break is quoted, its quotes
 * doubled. Numbers use a dot whatever the locale; a missing value is an
 * empty field. A text field that a spreadsheet would take for a formula,
 * one starting with "=", "+", "-", "@", a tab or a carriage return,
 * starts with an apostrophe, which spreadsheets read as "this is text"
 * (OWASP, CSV injection). */

#define G_LOG_DOMAIN "cc-csv-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-csv-export.h"

static const char * const columns[] = {
  "article", "outlet", "published", "url", "start", "end", "text", "qualifier", "low",
  "high", "vague", "subject", "claimant", "claimant_country", "status", "hedged",
  "event_date", "origin",
};

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  gboolean formula;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;

  formula = *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_uint (GString *out,
             guint    value)
{
  g_string_append_printf (out, ",%u", value);
}

static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  if (isfinite (value))
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
append_claim (GString   *out,
              CcArticle *article,
              CcClaim   *claim)
{
  append_field (out, cc_article_get_title (article), TRUE);
  append_field (out, cc_article_get_outlet (article), FALSE);
  append_field (out, cc_article_get_published (article), FALSE);
  append_field (out, cc_article_get_url (article), FALSE);
  append_uint (out, cc_claim_get_start (claim));
  append_uint (out, cc_claim_get_end (claim));
  append_field (out, cc_claim_get_text (claim), FALSE);
  append_field (out, cc_claim_get_qualifier (claim), FALSE);
  append_double (out, cc_claim_get_low (claim));
  append_double (out, cc_claim_get_high (claim));
  append_field (out, cc_claim_get_vague (claim) ? "true" : "false", FALSE);
  append_field (out, cc_claim_get_subject (claim), FALSE);
  append_field (out, cc_claim_get_claimant (claim), FALSE);
  append_field (out, cc_claim_get_claimant_country (claim), FALSE);
  append_field (out, cc_claim_status_to_string (cc_claim_get_status (claim)), FALSE);
  append_field (out, cc_claim_get_hedged (claim) ? "true" : "false", FALSE);
  append_field (out, cc_claim_get_event_date (claim), FALSE);
  append_field (out, cc_claim_origin_to_string (cc_claim_get_origin (claim)), FALSE);
  g_string_append (out, "\r\n");
}

/**
 * cc_csv_export_claims:
 * @articles: (element-type CcArticle): the articles whose claims to export
 * @length: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): the CSV document described at the top of this
 *   file
 */
char *
cc_csv_export_claims (GPtrArray *articles,
                      gsize     *length)
{
  GString *out;

  g_return_val_if_fail (articles != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      GListModel *claims = cc_article_get_claims (article);

      for (guint j = 0; claims != NULL && j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (claims, j);

          if (!cc_claim_get_rejected (claim))
            append_claim (out, article, claim);
        }
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
