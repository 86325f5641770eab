/* cc-reader-format.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How claims and notes read in the window: a claim's value, its source
 * and the card shown when the pointer rests on it; a note's tags. Shared
 * by the reader, its side panel and the tag view, so that they read the
 * same everywhere. */

#define G_LOG_DOMAIN "cc-reader-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cc-claim.h"
#include "cc-gui-utils.h"
#include "cc-palette.h"
#include "cc-reader-format.h"
#include "cc-utils.h"

/**
 * cc_claim_status_label:
 *
 * Returns: the status as shown to people, translated
 */
const char *
cc_claim_status_label (CcClaimStatus status)
{
  switch (status)
    {
    case CC_CLAIM_STATUS_PREPARING: return C_("claim status", "Preparing");
    case CC_CLAIM_STATUS_SENT: return C_("claim status", "Sent");
    case CC_CLAIM_STATUS_TRAINING: return C_("claim status", "Training");
    case CC_CLAIM_STATUS_DEPLOYED: return C_("claim status", "Deployed");
    case CC_CLAIM_STATUS_FIGHTING: return C_("claim status", "Fighting");
    case CC_CLAIM_STATUS_KILLED: return C_("claim status", "Killed");
    case CC_CLAIM_STATUS_INJURED: return C_("claim status", "Injured");
    case CC_CLAIM_STATUS_CAPTURED: return C_("claim status", "Captured");
    case CC_CLAIM_STATUS_TOTAL: return C_("claim status", "Total");
    case CC_CLAIM_STATUS_OTHER:
    default:
      return C_("claim status", "Other");
    }
}

/**
 * cc_format_claim_value:
 *
 * Returns: (transfer full): the number claimed, "1,500" or "1,500–3,000",
 *   with its qualifier ("about 10,000")
 */
char *
cc_format_claim_value (CcClaim *claim)
{
  g_autofree char *number = NULL;
  const char *qualifier;
  double low, high;

  g_return_val_if_fail (CC_IS_CLAIM (claim), NULL);

  low = cc_claim_get_low (claim);
  high = cc_claim_get_high (claim);
  qualifier = cc_claim_get_qualifier (claim);

  if (low == high || high <= 0)
    {
      number = cc_format_count (low);
    }
  else
    {
      g_autofree char *low_text = cc_format_count (low);
      g_autofree char *high_text = cc_format_count (high);

      /* Translators: a range of numbers of people, as "1,500–3,000" */
      number = g_strdup_printf (C_("claim range", "%s–%s"), low_text, high_text);
    }

  if (qualifier != NULL && *qualifier != '\0')
    /* Translators: a qualifier ("about", "at least") and a number */
    return g_strdup_printf (C_("claim value", "%s %s"), qualifier, number);

  return g_steal_pointer (&number);
}

/**
 * cc_format_claim_source:
 *
 * Returns: (transfer full): "Claimant (Country)", or a phrase for an
 *   unknown source
 */
char *
cc_format_claim_source (CcClaim *claim)
{
  const char *claimant;
  const char *country;
  gboolean has_claimant, has_country;

  g_return_val_if_fail (CC_IS_CLAIM (claim), NULL);

  claimant = cc_claim_get_claimant (claim);
  country = cc_claim_get_claimant_country (claim);
  has_claimant = claimant != NULL && *claimant != '\0';
  has_country = country != NULL && *country != '\0';

  if (has_claimant && has_country && g_strcmp0 (claimant, country) != 0)
    /* Translators: who made a claim, and their country */
    return g_strdup_printf (C_("claim source", "%s (%s)"), claimant, country);
  if (has_claimant)
    return g_strdup (claimant);
  if (has_country)
    return g_strdup (country);
  return g_strdup (_("Unknown source"));
}

/**
 * cc_format_claim_markup:
 *
 * The card shown when the pointer rests on a claim: value, claimant,
 * country, status, hedging and day.
 *
 * Returns: (transfer full): Pango markup
 */
char *
cc_format_claim_markup (CcClaim *claim)
{
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;
  g_autofree char *escaped_value = NULL;
  g_autofree char *escaped_subject = NULL;
  g_autofree char *escaped_claimant = NULL;
  g_autofree char *escaped_country = NULL;
  const char *subject;
  const char *claimant;
  const char *country;
  GString *markup;

  g_return_val_if_fail (CC_IS_CLAIM (claim), NULL);

  value = cc_format_claim_value (claim);
  date = cc_format_date (cc_claim_get_event_date (claim));
  subject = cc_claim_get_subject (claim);
  claimant = cc_claim_get_claimant (claim);
  country = cc_claim_get_claimant_country (claim);

  escaped_value = g_markup_escape_text (value, -1);
  escaped_subject = g_markup_escape_text (subject ? subject : "", -1);
  escaped_claimant = g_markup_escape_text (claimant && *claimant ? claimant : _("Unknown"), -1);
  escaped_country = g_markup_escape_text (country && *country ? country : _("Unknown"), -1);

  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<span size=\"large\" weight=\"bold\">%s</span> %s\n",
                          escaped_value, escaped_subject);
  g_string_append_printf (markup, "%s <b>%s</b>\n", _("Claimant:"), escaped_claimant);
  g_string_append_printf (markup, "%s <span foreground=\"%s\">●</span> <b>%s</b>\n",
                          _("Country:"),
                          cc_palette_country_color (country),
                          escaped_country);
  g_string_append_printf (markup, "%s <b>%s</b>\n", _("Status:"),
                          cc_claim_status_label (cc_claim_get_status (claim)));
  g_string_append_printf (markup, "%s <b>%s</b>\n", _("Hedged or denied:"),
                          cc_claim_get_hedged (claim) ? _("Yes") : _("No"));
  g_string_append_printf (markup, "%s <b>%s</b>", _("Date:"), date ? date : _("Unknown"));
  if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER)
    g_string_append_printf (markup, "\n<i>%s</i>", _("Corrected by you"));
  g_string_append_printf (markup, "\n<small>%s</small>", _("Click to correct"));

  return g_string_free (markup, FALSE);
}

/**
 * cc_parse_claim_number:
 * @text: words marked as a claim, as "10,000 troops" or "1.5 million"
 * @value: (out): the first number in them
 *
 * Reads the number of a claim the user marked, so that the correction
 * form starts from it. Only digits are read; a number written in words
 * is left for the user to type.
 *
 * Returns: whether a number was found
 */
gboolean
cc_parse_claim_number (const char *text,
                       double     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  const char *rest;
  double number;

  g_return_val_if_fail (value != NULL, FALSE);

  *value = 0;
  if (text == NULL)
    return FALSE;

  for (p = text; *p != '\0' && !g_ascii_isdigit (*p); p++)
    ;
  if (*p == '\0')
    return FALSE;

  /* Thousands separators go; a point followed by digits is a decimal
   * point ("1.5 million"), as the sample's English writes it. */
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if ((*p == ',' || *p == ' ') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
               && g_ascii_isdigit (p[3]))
        continue;
      else if (*p == '.' && g_ascii_isdigit (p[1]))
        g_string_append_c (digits, '.');
      else
        break;
    }

  number = g_ascii_strtod (digits->str, NULL);
  rest = p;
  while (*rest == ' ' || *rest == '-')
    rest++;
  if (g_ascii_strncasecmp (rest, "million", 7) == 0)
    number *= 1e6;
  else if (g_ascii_strncasecmp (rest, "thousand", 8) == 0)
    number *= 1e3;

  *value = number;
  return TRUE;
}

/**
 * cc_split_tags:
 * @tags: (nullable): tags separated by commas, as stored or typed
 *
 * Returns: (transfer full): the tags, trimmed, without empty ones or
 *   repeats (compared without case)
 */
char **
cc_split_tags (const char *tags)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (tags == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit (tags, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      char *key;

      if (*tag == '\0')
        continue;
      key = g_utf8_casefold (tag, -1);
      if (!g_hash_table_add (seen, key))
        continue;
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

/**
 * cc_join_tags:
 * @typed: (nullable): tags as a person typed them ("disputed , casualties,")
 *
 * Returns: (transfer full) (nullable): the tags as stored ("disputed,casualties"),
 *   or %NULL for none
 */
char *
cc_join_tags (const char *typed)
{
  g_auto(GStrv) tags = cc_split_tags (typed);

  if (tags[0] == NULL)
    return NULL;
  return g_strjoinv (",", tags);
}
