/* cc-claim-match.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reports of one statement differ in the small things: "Mr Zelensky",
 * "President Volodymyr Zelenskyy"; "troops", "North Korea soldiers";
 * "around 10,000", "10,000". These rules decide when two claims say the
 * same thing, so that the clusters do not depend on an outlet's style. */

#define G_LOG_DOMAIN "cc-claim-match"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-claim-match.h"
#include "cc-utils.h"

struct _CcClaimantKey
{
  char     *name;
  char    **words;
  guint     n_words;
  /* First letters of the words that are not connectors ("nis"). */
  char     *initials;
  /* Written as a name: every word but connectors starts with a capital.
   * Only names may match by surname; "officials" must not match
   * "European government officials". */
  gboolean  proper;
  /* One word written in capitals ("NIS"), which may stand for a name. */
  gboolean  acronym;
};

/* Words before a name that say what the person is, not who. Only the
 * ones that precede persons: "National" or "Defense" also start the
 * names of bodies, which must keep them. */
static const char * const titles[] = {
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
  "president", "vice", "prime", "minister", "chancellor", "premier",
  "secretary", "general", "gen", "deputy", "senator", "sen", "rep",
  "governor", "gov", "mayor", "ambassador", "spokesman", "spokeswoman",
  "spokesperson", "colonel", "col", "lt", "lieutenant", "maj", "major",
  "adm", "admiral", "capt", "captain", "sgt", "sergeant", "king", "queen",
  "prince", "princess", "pope", "sheikh",
};

/* Small words that stay lower case inside names ("Ministry of Defence"). */
static const char * const connectors[] = {
  "of", "the", "and", "for", "de", "del", "der", "van", "von", "al", "bin", "el", "la", "le",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define IS_TITLE(w) in_list ((w), titles, G_N_ELEMENTS (titles))
#define IS_CONNECTOR(w) in_list ((w), connectors, G_N_ELEMENTS (connectors))

/* Drops "(citing unidentified official)" and "(NIS)": asides, not part
 * of who spoke. */
static char *
strip_parentheses (const char *str)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = str; *p; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

CcClaimantKey *
cc_claimant_key_new (const char *claimant)
{
  g_autofree char *stripped = NULL;
  g_autofree char *ascii = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) initials = NULL;
  CcClaimantKey *key;
  const char *p;
  guint first = 0;
  guint n_capitals = 0;
  gboolean proper = TRUE;
  gboolean acronym = FALSE;

  if (claimant == NULL)
    return NULL;

  stripped = strip_parentheses (claimant);
  ascii = g_str_to_ascii (stripped, "C");
  words = g_ptr_array_new_with_free_func (g_free);

  /* Words are letters, digits, dots and apostrophes ("U.S.", "Korea's");
   * hyphens and spaces part them. */
  p = ascii;
  while (*p)
    {
      GString *word;
      gboolean upper, all_upper = TRUE;
      guint n_letters = 0;

      while (*p && !(g_ascii_isalnum (*p) || *p == '\''))
        p++;
      if (!*p)
        break;

      word = g_string_new (NULL);
      upper = g_ascii_isupper (*p);
      for (; *p && (g_ascii_isalnum (*p) || *p == '.' || *p == '\''); p++)
        {
          if (g_ascii_isalpha (*p))
            {
              n_letters++;
              all_upper = all_upper && g_ascii_isupper (*p);
            }
          if (*p != '.')
            g_string_append_c (word, g_ascii_tolower (*p));
        }

      /* The possessive and any other apostrophe. */
      if (g_str_has_suffix (word->str, "'s"))
        g_string_truncate (word, word->len - 2);
      for (char *q; (q = strchr (word->str, '\'')); )
        g_string_erase (word, q - word->str, 1);

      if (word->len == 0)
        {
          g_string_free (word, TRUE);
          continue;
        }

      if (!IS_CONNECTOR (word->str))
        {
          proper = proper && upper;
          n_capitals += upper;
        }
      acronym = n_letters >= 2 && all_upper;
      g_ptr_array_add (words, g_string_free (word, FALSE));
    }

  if (words->len == 0)
    return NULL;

  /* "The", and titles, but never the last word: "President" alone is
   * still somebody. */
  while (first + 1 < words->len &&
         (strcmp (g_ptr_array_index (words, first), "the") == 0 ||
          IS_TITLE (g_ptr_array_index (words, first))))
    first++;

  key = g_new0 (CcClaimantKey, 1);
  key->n_words = words->len - first;
  key->words = g_new0 (char *, key->n_words + 1);
  initials = g_string_new (NULL);
  for (guint i = first; i < words->len; i++)
    {
      char *word = g_strdup (g_ptr_array_index (words, i));

      cc_fold_name_ending (word);
      key->words[i - first] = word;
      if (!IS_CONNECTOR (word))
        g_string_append_c (initials, word[0]);
    }

  key->name = g_strjoinv (" ", key->words);
  key->initials = g_string_free (g_steal_pointer (&initials), FALSE);
  key->proper = proper && n_capitals > 0;
  key->acronym = acronym && words->len == 1;

  return key;
}

void
cc_claimant_key_free (CcClaimantKey *key)
{
  if (key == NULL)
    return;

  g_free (key->name);
  g_strfreev (key->words);
  g_free (key->initials);
  g_free (key);
}

const char *
cc_claimant_key_get_name (const CcClaimantKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->name;
}

guint
cc_claimant_key_n_words (const CcClaimantKey *key)
{
  g_return_val_if_fail (key != NULL, 0);

  return key->n_words;
}

char *
cc_claimant_key_dup_digest (const CcClaimantKey *key)
{
  if (key == NULL)
    return g_strdup ("\x1e");
  return g_strdup_printf ("%s\x1f%d%d", key->name, key->proper, key->acronym);
}

/* "Zelensky" ~ "Volodymyr Zelensky"; "Mark Rutte" ~ "NATO Secretary
 * General Mark Rutte". */
static gboolean
is_name_suffix (const CcClaimantKey *shorter,
                const CcClaimantKey *longer)
{
  guint offset;

  if (!shorter->proper || shorter->n_words >= longer->n_words)
    return FALSE;

  offset = longer->n_words - shorter->n_words;
  for (guint i = 0; i < shorter->n_words; i++)
    if (strcmp (shorter->words[i], longer->words[offset + i]) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
is_acronym_of (const CcClaimantKey *acronym,
               const CcClaimantKey *name)
{
  return acronym->acronym && name->n_words > 1 && strlen (name->initials) > 1 &&
         strcmp (acronym->words[0], name->initials) == 0;
}

gboolean
cc_claimant_key_match (const CcClaimantKey *a,
                       const CcClaimantKey *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return strcmp (a->name, b->name) == 0 ||
         is_name_suffix (a, b) || is_name_suffix (b, a) ||
         is_acronym_of (a, b) || is_acronym_of (b, a);
}

gboolean
cc_claimant_match (const char *a,
                   const char *b)
{
  g_autoptr(CcClaimantKey) key_a = cc_claimant_key_new (a);
  g_autoptr(CcClaimantKey) key_b = cc_claimant_key_new (b);

  return cc_claimant_key_match (key_a, key_b);
}

void
cc_claimant_key_add_filing_terms (const CcClaimantKey *key,
                                  GPtrArray           *terms)
{
  g_return_if_fail (terms != NULL);

  /* Equal names and a surname end on the same word; an acronym stands
   * for a name's initials. */
  if (key == NULL)
    {
      g_ptr_array_add (terms, g_strdup ("N"));
      return;
    }
  g_ptr_array_add (terms, g_strconcat ("L:", key->words[key->n_words - 1], NULL));
  if (key->acronym)
    g_ptr_array_add (terms, g_strconcat ("A:", key->words[0], NULL));
  if (key->n_words > 1)
    g_ptr_array_add (terms, g_strconcat ("I:", key->initials, NULL));
}

void
cc_claimant_key_add_lookup_terms (const CcClaimantKey *key,
                                  GPtrArray           *terms)
{
  g_return_if_fail (terms != NULL);

  if (key == NULL)
    {
      g_ptr_array_add (terms, g_strdup ("N"));
      return;
    }
  g_ptr_array_add (terms, g_strconcat ("L:", key->words[key->n_words - 1], NULL));
  if (key->acronym)
    g_ptr_array_add (terms, g_strconcat ("I:", key->words[0], NULL));
  if (key->n_words > 1)
    g_ptr_array_add (terms, g_strconcat ("A:", key->initials, NULL));
}

/* Subject classes: the head nouns of the people_nouns of the lexicon,
 * grouped by who is counted. Longer phrases come first in each row. */
typedef struct
{
  const char *klass;
  const char *nouns[40];
} SubjectClass;

static const SubjectClass subject_classes[] = {
  { "troops", { "service members", "special forces", "troops", "troop", "soldiers", "soldier",
                "forces", "force", "personnel", "servicemen", "servicewomen",
                "servicemembers", "fighters", "combatants", "militants", "infantry",
                "infantrymen", "commandos", "paratroopers", "marines", "sailors", "pilots",
                "troopers", "mercenaries", "recruits", "conscripts", "reservists",
                "officers", "deployment", "contingent", "units", "brigades", "battalions",
                "regiments", "army", "military", NULL } },
  { "killed", { "killed", "dead", "deaths", "fatalities", "victims", "bodies", "lives", NULL } },
  { "wounded", { "wounded", "injured", "injuries", NULL } },
  { "captured", { "prisoners of war", "prisoners", "pows", "captives", "captured", "detainees",
                  "hostages", NULL } },
  { "casualties", { "casualties", "losses", NULL } },
  { "missing", { "missing", NULL } },
  { "workers", { "workers", "laborers", "labourers", "employees", "engineers", "specialists",
                 "technicians", "instructors", "advisers", "advisors", NULL } },
  { "refugees", { "asylum seekers", "displaced people", "refugees", "migrants", "evacuees",
                  "displaced", NULL } },
  { "protesters", { "protesters", "protestors", "demonstrators", "marchers", "rioters", NULL } },
  { "civilians", { "civilians", "residents", "inhabitants", "citizens", "people", "persons",
                   "individuals", NULL } },
  { "agents", { "agents", "spies", "operatives", NULL } },
  { "police", { "police officers", "police", "policemen", NULL } },
};

static const char *
class_of_phrase (const char *phrase)
{
  for (guint i = 0; i < G_N_ELEMENTS (subject_classes); i++)
    for (guint j = 0; subject_classes[i].nouns[j] != NULL; j++)
      if (strcmp (subject_classes[i].nouns[j], phrase) == 0)
        return subject_classes[i].klass;
  return NULL;
}

const char *
cc_subject_class (const char    *subject,
                  CcClaimStatus  status)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *lower = NULL;
  guint n;

  /* Whatever the noun, the dead are counted as the dead. */
  if (status == CC_CLAIM_STATUS_KILLED)
    return "killed";
  if (status == CC_CLAIM_STATUS_INJURED)
    return "wounded";
  if (status == CC_CLAIM_STATUS_CAPTURED)
    return "captured";

  if (subject == NULL || subject[0] == '\0')
    return "";

  lower = g_utf8_strdown (subject, -1);
  words = g_strsplit_set (g_strstrip (lower), " \t\n", -1);
  n = g_strv_length (words);

  /* The head noun is at the end ("North Korean infantry troops"), but a
   * phrase may run on ("prisoners of war"): the longest known phrase
   * ending at the last word, then at any word from the right. */
  for (guint end = n; end > 0; end--)
    for (guint len = MIN (end, 3); len > 0; len--)
      {
        const char *klass;
        GString *joined = g_string_new (NULL);

        for (guint k = end - len; k < end; k++)
          g_string_append_printf (joined, "%s%s", k > end - len ? " " : "", words[k]);
        klass = class_of_phrase (joined->str);
        g_string_free (joined, TRUE);
        if (klass != NULL)
          return klass;
      }

  return g_intern_string (n > 0 ? words[n - 1] : "");
}

/* The capitalised words of a subject that say whose people they are:
 * "North Korean" in "North Korean infantry troops". */
static GPtrArray *
subject_modifiers (const char *subject)
{
  g_auto(GStrv) words = NULL;
  GPtrArray *modifiers = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (subject == NULL)
    return modifiers;

  words = g_strsplit_set (subject, " \t\n-", -1);
  n = g_strv_length (words);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *ascii = g_str_to_ascii (words[i], "C");
      char *word;

      if (!g_ascii_isupper (ascii[0]))
        continue;
      word = g_ascii_strdown (ascii, -1);
      if (g_str_has_suffix (word, "'s"))
        word[strlen (word) - 2] = '\0';
      g_ptr_array_add (modifiers, word);
    }

  return modifiers;
}

/* "Korean" and "Korea", "Ukrainian" and "Ukraine" name one country. */
static gboolean
same_stem (const char *a,
           const char *b)
{
  gsize len_a = strlen (a), len_b = strlen (b);
  gsize common = 0;

  if (strcmp (a, b) == 0)
    return TRUE;
  while (a[common] && a[common] == b[common])
    common++;

  return common >= 4 && common + 2 >= MIN (len_a, len_b);
}

void
cc_stem_add_filing_keys (const char *word,
                         GPtrArray  *keys)
{
  gsize len = strlen (word);

  /* Under every prefix of four letters or more, and under the prefix a
   * word of its length must share with another, with that length. */
  if (len < 4)
    {
      g_ptr_array_add (keys, g_strconcat ("=", word, NULL));
      return;
    }
  for (gsize k = 4; k <= len; k++)
    g_ptr_array_add (keys, g_strdup_printf ("p:%.*s", (int)k, word));
  g_ptr_array_add (keys, g_strdup_printf ("s:%.*s:%" G_GSIZE_FORMAT, (int)MAX (4, len - 2), word,
                                          len));
}

void
cc_stem_add_lookup_keys (const char *word,
                         GPtrArray  *keys)
{
  gsize len = strlen (word);

  /* A word as long or longer shares the prefix @word must share; a
   * shorter one, the prefix its own length asks for. */
  if (len < 4)
    {
      g_ptr_array_add (keys, g_strconcat ("=", word, NULL));
      return;
    }
  g_ptr_array_add (keys, g_strdup_printf ("p:%.*s", (int)MAX (4, len - 2), word));
  for (gsize other = 4; other < len; other++)
    g_ptr_array_add (keys, g_strdup_printf ("s:%.*s:%" G_GSIZE_FORMAT, (int)MAX (4, other - 2),
                                            word, other));
}

/* Whether each of @fewer has a word of the same stem in @more. */
static gboolean
modifiers_found (GPtrArray *fewer,
                 GPtrArray *more)
{
  for (guint i = 0; i < fewer->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < more->len && !found; j++)
        found = same_stem (g_ptr_array_index (fewer, i), g_ptr_array_index (more, j));
      if (!found)
        return FALSE;
    }

  return TRUE;
}

char *
cc_subject_dup_modifiers_key (const char *subject)
{
  g_autoptr(GPtrArray) modifiers = subject_modifiers (subject);
  GString *key = g_string_new (NULL);

  /* In order and with repeats: cc_subject_compatible() counts them. */
  for (guint i = 0; i < modifiers->len; i++)
    g_string_append_printf (key, "%s\x1f", (const char *)g_ptr_array_index (modifiers, i));

  return g_string_free (key, FALSE);
}

gboolean
cc_subject_compatible (const char *a,
                       const char *b)
{
  g_autoptr(GPtrArray) mods_a = subject_modifiers (a);
  g_autoptr(GPtrArray) mods_b = subject_modifiers (b);

  /* "troops" says nothing of whose; "Russian soldiers" and "North Korean
   * troops" are not the same people. Either way round when both name as
   * many. */
  if (mods_a->len < mods_b->len)
    return modifiers_found (mods_a, mods_b);
  if (mods_b->len < mods_a->len)
    return modifiers_found (mods_b, mods_a);
  return modifiers_found (mods_a, mods_b) && modifiers_found (mods_b, mods_a);
}

/* Half the unit of the last digit a figure was given to, but at least
 * to two significant digits: "1,500" is 1,450–1,550, "10,000" is taken
 * as 9,500–10,500 rather than anything from 5,000. */
double
cc_value_rounding (double value)
{
  double unit_last = 1, unit_second;

  value = fabs (value);
  if (value < 1)
    return 0;

  if (value == floor (value) && value < 1e15)
    while (fmod (value, unit_last * 10) == 0)
      unit_last *= 10;

  unit_second = pow (10, floor (log10 (value)) - 1);

  return MAX (MIN (unit_last, unit_second), 1) / 2;
}

gboolean
cc_values_compatible (double low_a,
                      double high_a,
                      double low_b,
                      double high_b)
{
  double gap, tolerance;

  if (high_a < low_a)
    return cc_values_compatible (high_a, low_a, low_b, high_b);
  if (high_b < low_b)
    return cc_values_compatible (low_a, high_a, high_b, low_b);

  if (high_a < low_b)
    {
      gap = low_b - high_a;
      tolerance = MAX (cc_value_rounding (high_a), cc_value_rounding (low_b));
    }
  else if (high_b < low_a)
    {
      gap = low_a - high_b;
      tolerance = MAX (cc_value_rounding (high_b), cc_value_rounding (low_a));
    }
  else
    return TRUE;

  return gap < tolerance;
}

static gboolean
is_movement (CcClaimStatus status)
{
  switch (status)
    {
    case CC_CLAIM_STATUS_PREPARING:
    case CC_CLAIM_STATUS_SENT:
    case CC_CLAIM_STATUS_TRAINING:
    case CC_CLAIM_STATUS_DEPLOYED:
    case CC_CLAIM_STATUS_FIGHTING:
      return TRUE;

    case CC_CLAIM_STATUS_OTHER:
    case CC_CLAIM_STATUS_KILLED:
    case CC_CLAIM_STATUS_INJURED:
    case CC_CLAIM_STATUS_CAPTURED:
    case CC_CLAIM_STATUS_TOTAL:
    default:
      return FALSE;
    }
}

gboolean
cc_status_comparable (CcClaimStatus a,
                      CcClaimStatus b)
{
  return a == b || (is_movement (a) && is_movement (b));
}
