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
  const char *nouns;
} SubjectClass;

/* Nouns are matched after folding case and a plural "s". */
static const SubjectClass classes[] = {
  { "military", N_("Troops and forces"),
    "troop soldier force personnel servicemen servicemembers servicemember infantry military "
    "army deployment unit battalion brigade regiment division contingent commando marine "
    "mercenary reservist conscript fighter combatant paratrooper gunner sapper crew officer "
    "recruit volunteer sniper operator guard" },
  { "killed", N_("Killed"),
    "killed dead death fatality body" },
  { "wounded", N_("Wounded"),
    "wounded injured injury" },
  { "casualties", N_("Casualties"),
    "casualty loss" },
  { "prisoners", N_("Prisoners"),
    "prisoner captive hostage pow detainee captured" },
  { "civilians", N_("Civilians"),
    "civilian resident child children woman women inhabitant villager" },
  { "refugees", N_("Refugees and displaced"),
    "refugee displaced evacuee migrant asylum seeker idp" },
  { "protesters", N_("Protesters"),
    "protester protestor demonstrator marcher activist rioter" },
  { "workers", N_("Workers"),
    "worker laborer labourer employee staff engineer technician specialist" },
};

/* Words after which the head noun has been said ("troops in Russia"). */
static const char * const stop_words[] = {
  "of", "in", "from", "at", "on", "to", "for", "with", "near", "inside", "into", "across",
  "who", "that", "which",
};

static char *
fold_word (const char *word)
{
  char *folded = g_utf8_strdown (word, -1);
  gsize len = strlen (folded);

  if (len > 4 && g_str_has_suffix (folded, "ies"))
    {
      folded[len - 3] = 'y';
      folded[len - 2] = '\0';
    }
  else if (len > 3 && folded[len - 1] == 's' && folded[len - 2] != 's')
    folded[len - 1] = '\0';

  return folded;
}

static const SubjectClass *
class_of_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      const char *nouns = classes[i].nouns;
      gsize len = strlen (word);
      const char *p = nouns;

      while ((p = strstr (p, word)) != NULL)
        {
          if ((p == nouns || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
            return &classes[i];
          p += len;
        }
    }

  return NULL;
}

static gboolean
is_stop_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_ascii_strcasecmp (word, stop_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cc_subject_classify:
 * @subject: (nullable): a claim's subject, as written
 * @status: the claim's status
 *
 * A killed, injured or captured status names the class whatever the
 * noun: "soldiers" killed are not soldiers deployed.
 *
 * Returns: (transfer full): the class key, never %NULL ("other" when
 *   there is nothing to go by)
 */
char *
cc_subject_classify (const char    *subject,
                     CcClaimStatus  status)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *head = NULL;
  guint n_head = 0;

  switch (status)
    {
    case CC_CLAIM_STATUS_KILLED:
      return g_strdup ("killed");
    case CC_CLAIM_STATUS_INJURED:
      return g_strdup ("wounded");
    case CC_CLAIM_STATUS_CAPTURED:
      return g_strdup ("prisoners");
    case CC_CLAIM_STATUS_OTHER:
    case CC_CLAIM_STATUS_PREPARING:
    case CC_CLAIM_STATUS_SENT:
    case CC_CLAIM_STATUS_TRAINING:
    case CC_CLAIM_STATUS_DEPLOYED:
    case CC_CLAIM_STATUS_FIGHTING:
    case CC_CLAIM_STATUS_TOTAL:
    default:
      break;
    }

  if (subject == NULL)
    return g_strdup ("other");

  words = g_strsplit_set (subject, " \t\n,;:()\"“”", -1);
  for (; words[n_head] != NULL; n_head++)
    if (is_stop_word (words[n_head]))
      break;

  /* The head noun ends the phrase before any complement; read back
   * from it so that "infantry troops" is troops and "special
   * operation forces" forces, and take the last word as the key when
   * no class knows any. */
  for (guint i = n_head; i > 0; i--)
    {
      g_autofree char *folded = NULL;
      const SubjectClass *klass;

      if (words[i - 1][0] == '\0')
        continue;
      folded = fold_word (words[i - 1]);
      if ((klass = class_of_word (folded)))
        return g_strdup (klass->key);
      if (head == NULL)
        head = g_steal_pointer (&folded);
    }

  return head != NULL ? g_steal_pointer (&head) : g_strdup ("other");
}

/**
 * cc_subject_class_label:
 * @key: a key from cc_subject_classify()
 *
 * Returns: (transfer full): the class's name for people
 */
char *
cc_subject_class_label (const char *key)
{
  g_autofree char *first = NULL;
  const char *rest;

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (strcmp (key, classes[i].key) == 0)
      return g_strdup (_(classes[i].label));

  if (key[0] == '\0' || strcmp (key, "other") == 0)
    return g_strdup (_("Other"));

  /* A head noun of its own: show it as the word, capitalised. */
  rest = g_utf8_next_char (key);
  first = g_utf8_strup (key, rest - key);
  return g_strconcat (first, rest, NULL);
}
