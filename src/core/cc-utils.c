/* cc-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

  if (len > 3 && (g_str_has_suffix (word, "yy") || g_str_has_suffix (word, "iy") ||
                  g_str_has_suffix (word, "ii") || g_str_has_suffix (word, "ij")))
    {
      word[len - 2] = 'y';
      word[len - 1] = '\0';
    }
}
