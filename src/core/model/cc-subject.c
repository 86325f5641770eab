/* cc-subject.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-subject"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-subject.h"

typedef struct
{
  const char *key;
  const char *label;
} ClassLabel;

/* The classes of cc_subject_class(), in cc-claim-match.c. */
static const ClassLabel labels[] = {
  { "troops",     N_("Troops and forces") },
  { "killed",     N_("Killed") },
  { "wounded",    N_("Wounded") },
  { "captured",   N_("Prisoners") },
  { "casualties", N_("Casualties") },
  { "missing",    N_("Missing") },
  { "workers",    N_("Workers") },
  { "refugees",   N_("Refugees and displaced") },
  { "protesters", N_("Protesters") },
  { "civilians",  N_("Civilians") },
  { "agents",     N_("Agents") },
  { "police",     N_("Police") },
};

/**
 * cc_subject_class_label:
 * @key: a key from cc_subject_class()
 *
 * Returns: (transfer full): the class's name for people
 */
char *
cc_subject_class_label (const char *key)
{
  g_autofree char *first = NULL;
  const char *rest;

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (key, labels[i].key) == 0)
      return g_strdup (_(labels[i].label));

  /* Claims that say nothing of whom they count. */
  if (key[0] == '\0')
    return g_strdup (_("Unspecified"));

  /* A head noun of its own: the word, capitalised. */
  rest = g_utf8_next_char (key);
  first = g_utf8_strup (key, rest - key);
  return g_strconcat (first, rest, NULL);
}
