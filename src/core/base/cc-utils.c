/* cc-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cc-utils.h"

gboolean
cc_set_str (char       **dest,
            const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

char *
cc_strdup_nonempty (const char *str)
{
  if (str == NULL || *str == '\0')
    return NULL;
  return g_strdup (str);
}

gint64
cc_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
cc_fold_name_ending (char *word)
{
  gsize len = strlen (word);
  char a, b;

  if (len <= 3)
    return;
  /* the endings "yy", "iy", "ii" and "ij", read as two bytes */
  a = word[len - 2];
  b = word[len - 1];
  if ((a == 'y' && b == 'y') || (a == 'i' && (b == 'y' || b == 'i' || b == 'j')))
    {
      word[len - 2] = 'y';
      word[len - 1] = '\0';
    }
}

/**
 * cc_format_count:
 *
 * Formats a count with the thousands separator of the locale's
 * LC_NUMERIC. The C locale has none: it stands for English there, so the
 * digits are grouped with commas all the same, since long counts are
 * read in groups. Every view, the chart and the exports use it, so that a
 * number reads the same everywhere.
 *
 * Returns: (transfer full): "12,000", "12.000" or "12 000"
 */
char *
cc_format_count (double value)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = NULL;
  GString *out;
  gsize len;

  if (!isfinite (value))
    return g_strdup ("?");

  digits = g_strdup_printf ("%.0f", fabs (value));
  len = strlen (digits);
  /* -0.4 rounds to 0, which has no sign. */
  out = g_string_new (value < 0 && strcmp (digits, "0") != 0 ? "-" : NULL);

  if (separator == NULL || *separator == '\0')
    separator = ",";

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

const char *
cc_get_real_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0 ||
      strcmp (name, g_get_user_name ()) == 0)
    return NULL;
  return name;
}

/**
 * cc_format_count_range:
 *
 * Returns: (transfer full): "1,000–3,000", or "1,000" when @high is not
 *   above @low
 */
char *
cc_format_count_range (double low,
                       double high)
{
  g_autofree char *low_text = cc_format_count (low);
  g_autofree char *high_text = NULL;

  if (!(high > low))
    return g_steal_pointer (&low_text);

  high_text = cc_format_count (high);
  return g_strconcat (low_text, "\u2013", high_text, NULL);
}
