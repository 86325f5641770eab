/* cc-gui-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Display formatting shared by the source rows and the reader, so that an
 * article reads the same in both places. */

#define G_LOG_DOMAIN "cc-gui-utils"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cc-gui-utils.h"

/**
 * cc_format_date:
 * @published: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for display in the current
 *   locale, or %NULL when @published is not a valid date
 */
char *
cc_format_date (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  GString *formatted;
  int year, month, day;

  if (published == NULL
      || sscanf (published, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;

  /* Translators: the publication date of an article, in
   * g_date_time_format() syntax; reorder for your language. */
  text = g_date_time_format (date, C_("article date", "%-d %b %Y"));
  if (text == NULL)
    return NULL;
  formatted = g_string_new (text);

  /* A date is read as one word: never wrap inside it. */
  g_string_replace (formatted, " ", "\xc2\xa0", 0);

  return g_string_free (formatted, FALSE);
}

/**
 * cc_format_meta:
 * @outlet: (nullable): the publisher
 * @published: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full): "Outlet · date", leaving out what is unknown
 */
char *
cc_format_meta (const char *outlet,
                const char *published)
{
  g_autofree char *date = cc_format_date (published);
  gboolean has_outlet = outlet != NULL && outlet[0] != '\0';

  if (has_outlet && date != NULL)
    /* Translators: an article's outlet and publication date */
    return g_strdup_printf (C_("article meta", "%s · %s"), outlet, date);
  else if (has_outlet)
    return g_strdup (outlet);
  else if (date != NULL)
    return g_steal_pointer (&date);
  else
    return g_strdup (_("Unknown outlet and date"));
}

/**
 * cc_format_claim_count:
 * @n_claims: the number of claims
 *
 * Returns: (transfer full): "12 claims", or a phrase for none
 */
char *
cc_format_claim_count (guint n_claims)
{
  if (n_claims == 0)
    return g_strdup (_("No claims found"));

  return g_strdup_printf (ngettext ("%u claim", "%u claims", n_claims), n_claims);
}
