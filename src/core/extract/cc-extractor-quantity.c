/* cc-extractor-quantity.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a quantity of people: the number as written (digits, number
 * words, vague amounts and ranges), the words that qualify it, and the
 * noun phrase that says it counts people. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"

#define MAX_MODIFIERS 4
/* The largest count of people a claim may state. */
#define MAX_PEOPLE 1e10
/* How far back an elliptical quantity ("2,600 poised to …") looks for the
 * people it counts. */
#define ELLIPSIS_REACH 30
/* How far back a counting noun may stand from its quantity: "put the
 * number of North Korean soldiers killed in combat … at 3,000". */
#define COUNT_REACH 16
/* How far back a bare number that does something looks for its people. */
#define PREDICATE_REACH 80

/* zero-padded, as a token's look-up form is: compared as blocks */
static const char months[][CC_LIST_WORD] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec",
};

static gboolean
is_month (CcToken *tok)
{
  static CcWordFilter filter;
  guint bit;

  if (!tok->upper)
    return FALSE;
  /* most capitalised words fail the filter of the months' words, as
   * cc_is_any_word_filtered() reads it */
  if (g_once_init_enter (&filter.made))
    {
      _cc_word_filter_make (&filter, months, G_N_ELEMENTS (months));
      g_once_init_leave (&filter.made, 1);
    }
  bit = cc_word_filter_bit (tok->low);
  if (!(filter.bits[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (tok->low[0] == months[i][0] && memcmp (tok->low, months[i], CC_LIST_WORD) == 0)
      return TRUE;
  return FALSE;
}

static double
number_value (CcDoc *doc,
              guint  i)
{
  CcToken *tok = CC_TOK (doc, i);
  const char *s = doc->text + tok->start;
  char buf[64];
  guint j = 0, commas = 0, dots = 0;
  gboolean decimal, point = FALSE;

  for (guint k = 0; k < tok->len; k++)
    {
      commas += s[k] == ',';
      dots += s[k] == '.';
    }

  /* "1.28" is a decimal; "1.500.000" groups thousands */
  decimal = dots == 1 && commas == 0;
  for (guint k = 0; k < tok->len && j < sizeof buf - 1; k++)
    {
      if (g_ascii_isdigit (s[k]))
        buf[j++] = s[k];
      else if (s[k] == '.' && decimal)
        {
          buf[j++] = '.';
          point = TRUE;
        }
    }
  buf[j] = '\0';

  /* digits alone, fewer than 16: an integer that a double holds exactly,
   * as g_ascii_strtod() would give it */
  if (j < 16 && !point)
    {
      guint64 whole = 0;

      for (guint k = 0; k < j; k++)
        whole = whole * 10 + (guint64)(buf[k] - '0');
      return (double)whole * (tok->scale == 9 ? 1e9 : tok->scale == 6 ? 1e6 :
                              tok->scale == 3 ? 1e3 : 1);
    }
  return g_ascii_strtod (buf, NULL) * (tok->scale == 9 ? 1e9 : tok->scale == 6 ? 1e6 :
                                       tok->scale == 3 ? 1e3 : 1);
}

/* One number at @i, digits or words, with its scale word. */
static gboolean
read_number (CcExtractor *self,
             CcDoc       *doc,
             guint        i,
             double      *value,
             guint       *next)
{
  const CcPhraseValue *pv;
  guint n;

  if (i >= doc->tokens->len)
    return FALSE;

  if (CC_TOK (doc, i)->kind == CC_TOK_NUMBER)
    {
      CcToken *tok = CC_TOK (doc, i);

      /* times (10:30), fractions, and numbers glued to words (F-16) */
      if (cc_is_punct (doc, i + 1, ":/") && !tok->space_after)
        return FALSE;
      if (i > 0 && !CC_TOK (doc, i - 1)->space_after &&
          (CC_TOK (doc, i - 1)->kind == CC_TOK_WORD || cc_is_punct (doc, i - 1, ":/$€£¥#")))
        return FALSE;
      if (i > 1 && cc_is_punct (doc, i - 1, "-") && !CC_TOK (doc, i - 1)->space_after &&
          !CC_TOK (doc, i - 2)->space_after && CC_TOK (doc, i - 2)->kind == CC_TOK_WORD)
        return FALSE;

      *value = number_value (doc, i);
      *next = i + 1;
    }
  else if (CC_TOK (doc, i)->hyphen)
    {
      /* "twenty-five": the words before and after the first hyphen */
      const char *low = CC_TOK (doc, i)->low;
      const char *dash = strchr (low, '-');
      char before[CC_MAX_WORD] = { 0 };
      const CcPhraseValue *tens, *unit;

      /* a word too long to fold has an empty lower-case form */
      if (dash == NULL)
        return FALSE;
      memcpy (before, low, dash - low);
      /* most hyphenated words ("so-called") are no number: the word
       * after is looked up only after one before */
      if ((tens = cc_phrase_set_lookup (self->lexicon->number_words, before)) == NULL)
        return FALSE;
      unit = cc_phrase_set_lookup (self->lexicon->number_words, dash + 1);
      /* "six-thousand" */
      if (tens != NULL && unit == NULL &&
          (unit = cc_phrase_set_lookup (self->lexicon->scales, dash + 1)) != NULL &&
          strlen (dash + 1) > 2)
        {
          *value = tens->low * unit->low;
          *next = i + 1;
          return TRUE;
        }
      if (tens == NULL || unit == NULL || tens->low < 20 || (int)tens->low % 10 != 0 ||
          unit->low >= 10)
        return FALSE;
      *value = tens->low + unit->low;
      *next = i + 1;
    }
  else if ((pv = cc_doc_match (self->lexicon->number_words, doc, i, &n)))
    {
      *value = pv->low;
      *next = i + n;
      /* "twenty-five", "twenty five" */
      if (*value >= 20 && *value < 100 && (int)*value % 10 == 0)
        {
          guint j = *next;
          const CcPhraseValue *unit;

          if (cc_is_punct (doc, j, "-"))
            j++;
          if ((unit = cc_doc_match (self->lexicon->number_words, doc, j,
                                           &n)) && unit->low < 10)
            {
              *value += unit->low;
              *next = j + n;
            }
        }
    }
  else
    return FALSE;

  /* "25-thousand" */
  if (CC_TOK (doc, *next - 1)->kind == CC_TOK_NUMBER && cc_is_punct (doc, *next, "-") &&
      !CC_TOK (doc, *next - 1)->space_after && !CC_TOK (doc, *next)->space_after &&
      (pv = cc_doc_match (self->lexicon->scales, doc, *next + 1, &n)) &&
      strlen (CC_TOK (doc, *next + 1)->low) > 2)
    {
      *value *= pv->low;
      *next += 1 + n;
    }

  /* "1.28 million", "twelve thousand", "two hundred thousand" */
  while ((pv = cc_doc_match (self->lexicon->scales, doc, *next, &n)))
    {
      if (strlen (CC_TOK (doc, *next)->low) == 1)
        break;
      *value *= pv->low;
      *next += n;
    }

  return TRUE;
}

static gboolean
is_year (CcDoc  *doc,
         guint   i,
         double  value)
{
  CcToken *tok = CC_TOK (doc, i);

  return tok->kind == CC_TOK_NUMBER && tok->len == 4 && value >= 1800 && value <= 2100;
}

/* The quantity that starts at @i, without its noun. */
static gboolean
read_quantity (CcExtractor *self,
               CcDoc       *doc,
               guint        i,
               CcQuantity  *q,
               guint       *next)
{
  const CcPhraseValue *pv;
  CcToken *tok = CC_TOK (doc, i);
  double value;
  guint n, after;

  /* Most words start no quantity: one test of their marks says so. */
  if (tok->kind == CC_TOK_WORD && !tok->hyphen &&
      !cc_phrase_set_starts (self->lexicon->vague_amounts, tok->marks) &&
      !cc_phrase_set_starts (self->lexicon->number_words, tok->marks))
    return FALSE;

  memset (q, 0, sizeof *q);
  q->first = i;

  /* vague amounts first: "tens of thousands" before "tens" */
  if (CC_TOK (doc, i)->kind == CC_TOK_WORD &&
      (pv = cc_doc_match (self->lexicon->vague_amounts, doc, i, &n)))
    {
      /* "the low thousands" is written down without its article */
      if (cc_is_word (doc, i, "the") && n > 1)
        q->first = i + 1;
      q->low = pv->low;
      q->high = pv->high;
      q->vague = TRUE;
      q->last = i + n - 1;
      *next = i + n;
      return TRUE;
    }

  if (!read_number (self, doc, i, &value, &after))
    return FALSE;

  q->low = q->high = value;
  q->last = after - 1;
  *next = after;

  /* ranges: "10,000-12,000", "10,000 to 12,000", "between 1,000 and 3,000" */
  {
    gboolean between = i > 0 && cc_is_word (doc, i - 1, "between");
    double high;
    guint end;

    if ((cc_is_punct (doc, after, "-–—") || cc_is_word (doc, after, "to") ||
         (between && cc_is_word (doc, after, "and"))) &&
        read_number (self, doc, after + 1, &high, &end) && high > value)
      {
        /* "1.2 to 1.5 million": the second number's scale is the first's */
        if (value < 1000 && high >= 1000 && !is_year (doc, i, value))
          {
            double scale = 1;

            while (scale * value * 10 <= high && scale < 1e9)
              scale *= 1000;
            if (scale > 1 && value * scale <= high)
              value *= scale;
          }
        q->low = value;
        q->high = high;
        q->last = end - 1;
        *next = end;
      }
  }

  return TRUE;
}

/* Words before the quantity that qualify it: "almost", "as many as". */
static void
read_qualifier (CcExtractor *self,
                CcDoc       *doc,
                CcQuantity  *q)
{
  const CcPhraseValue *pv;
  guint n, last;

  if (q->first == 0)
    return;
  last = q->first - 1;
  /* “several thousand”: the quote mark stands between */
  if (cc_is_punct (doc, last, "“\"") && last > 0)
    last--;
  if (cc_is_word (doc, last, "between") && last > 0)
    last--;
  if ((pv = cc_phrase_set_match_back (self->lexicon->qualifiers, _cc_doc_word_at, doc, last, &n)) &&
      cc_same_sentence (doc, last + 1 - n, q->first))
    q->qualifier = pv->str;
}

/* Punctuation that closes a clause a counting noun cannot reach over. */
static gboolean
clause_end (CcDoc *doc,
            guint  i)
{
  return cc_is_punct (doc, i, ";:()[]“”\"");
}

static gboolean
is_stop (CcExtractor *self,
         CcDoc       *doc,
         guint        i)
{
  return cc_token_in (self->lexicon->stop_words, CC_TOK (doc, i));
}

/* A people noun at @i ("troops", "special forces", "North Koreans"); its
 * length in tokens goes to @n. Always inline: the reads of a quantity ask
 * it of most words after a number, and most are none, which the marks
 * tell without the call. */
G_ALWAYS_INLINE static inline gboolean
people_noun_at (CcExtractor *self,
                CcDoc       *doc,
                guint        i,
                guint       *n)
{
  if (i >= doc->tokens->len || CC_TOK (doc, i)->kind != CC_TOK_WORD)
    return FALSE;
  if (cc_doc_match (self->lexicon->people_nouns, doc, i, n))
    return TRUE;
  /* "North Koreans", "Ukrainians": capitalised plural demonyms */
  if (CC_TOK (doc, i)->upper &&
      cc_doc_match (self->lexicon->demonyms, doc, i, n))
    return TRUE;
  return FALSE;
}

/* A plural noun whose form names people by what they do: agent nouns in
 * "-ers", "-ors", "-ists", "-ians", "-ees" ("deminers", "evacuees"), less
 * the common nouns of things that share those endings ("numbers"). */
static gboolean
agent_noun_at (CcExtractor *self,
               CcDoc       *doc,
               guint        i)
{
  CcToken *tok;
  const char *end;
  gsize len;

  if (i >= doc->tokens->len)
    return FALSE;
  tok = CC_TOK (doc, i);
  if (tok->kind != CC_TOK_WORD || tok->upper || tok->hyphen || (len = strlen (tok->low)) < 6 ||
      cc_token_in (self->lexicon->non_agent_nouns, tok))
    return FALSE;
  /* the endings, of a word of 6 bytes or more, as blocks of known length */
  end = tok->low + len;
  return memcmp (end - 3, "ers", 3) == 0 || memcmp (end - 3, "ors", 3) == 0 ||
         memcmp (end - 4, "ists", 4) == 0 || memcmp (end - 4, "ians", 4) == 0 ||
         memcmp (end - 3, "ees", 3) == 0;
}

/* The noun phrase the quantity counts, right after it: up to a few
 * modifiers ("North Korean infantry") and a people noun ("troops"). */
static gboolean
read_subject_after (CcExtractor *self,
                    CcDoc       *doc,
                    guint        i,
                    CcQuantity  *q)
{
  guint n, modifiers = 0;

  /* “several thousand” North Korean soldiers */
  if (cc_is_punct (doc, i, "”\"") && CC_TOK (doc, i)->in_quote)
    i++;

  /* "a 3,000-strong contingent": the noun after counts people */
  if (cc_is_punct (doc, i, "-") && !CC_TOK (doc, i)->space_after && cc_is_word (doc, i + 1, "strong") &&
      i + 2 < doc->tokens->len && CC_TOK (doc, i + 2)->kind == CC_TOK_WORD &&
      cc_same_sentence (doc, i, i + 2))
    {
      q->subject_first = q->subject_last = i + 2;
      return TRUE;
    }

  /* "thousands of troops", "11,000 of the troops", "11,000 of [North
   * Korean troops]"; but "one of the people" counts nothing */
  if (cc_is_word (doc, i, "of") && (q->vague || q->low > 1))
    {
      i++;
      if (cc_is_word (doc, i, "its") || cc_is_word (doc, i, "their") || cc_is_word (doc, i, "the") ||
          cc_is_word (doc, i, "these") || cc_is_word (doc, i, "those") || cc_is_punct (doc, i, "["))
        i++;
    }

  q->subject_first = i;

  while (i < doc->tokens->len && cc_same_sentence (doc, q->first, i))
    {
      CcToken *tok = CC_TOK (doc, i);

      if (people_noun_at (self, doc, i, &n))
        {
          guint j = i + n;

          /* noun runs ("infantry troops") */
          while (j < doc->tokens->len && cc_same_sentence (doc, i, j))
            {
              guint m;

              if (cc_doc_match (self->lexicon->people_nouns, doc, j, &m))
                j += m;
              else if ((cc_is_word (doc, j, "or") || cc_is_word (doc, j, "and")) &&
                       (cc_is_word (doc, j - 1, "killed") || cc_is_word (doc, j - 1, "dead")) &&
                       cc_doc_match (self->lexicon->people_nouns, doc, j + 1, &m))
                j += 1 + m;
              else
                break;
            }
          q->subject_last = j - 1;
          return TRUE;
        }

      /* "300 deminers", "1,200 evacuees" */
      if (modifiers <= 1 && agent_noun_at (self, doc, i) && !cc_is_word (doc, i + 1, "of"))
        {
          q->subject_last = i;
          return TRUE;
        }

      /* "the 4,460 fatality count", "the 12,000 figure" */
      if (cc_token_in (self->lexicon->count_nouns, tok) && q->first > 0 &&
          (cc_is_word (doc, q->first - 1, "the") || cc_is_word (doc, q->first - 1, "a") ||
           (CC_TOK (doc, q->first - 1)->kind == CC_TOK_WORD &&
            cc_has_suffix (CC_TOK (doc, q->first - 1)->low, "'s"))) &&
          !cc_is_word (doc, i + 1, "of"))
        {
          q->subject_last = i;
          q->count_noun = i;
          return TRUE;
        }

      if (tok->kind == CC_TOK_PUNCT)
        {
          /* hyphenated modifiers: "Russian-speaking" */
          if (cc_is_punct (doc, i, "-") && !tok->space_after && i > q->subject_first &&
              CC_TOK (doc, i - 1)->kind == CC_TOK_WORD && !CC_TOK (doc, i - 1)->space_after)
            {
              i++;
              continue;
            }
          return FALSE;
        }

      /* "2,000 more North Korean troops" */
      if (i == q->subject_first && (cc_is_word (doc, i, "more") || cc_is_word (doc, i, "other")))
        {
          i++;
          continue;
        }
      if (tok->kind != CC_TOK_WORD || is_stop (self, doc, i) || is_month (tok) ||
          ++modifiers > MAX_MODIFIERS)
        return FALSE;
      i++;
    }

  return FALSE;
}

/* "The death toll rose to 32", "police put the number at 40,000", "the
 * tally of missing stood at 1,100", "the injured are approaching 1,000": a
 * noun of counting, or of people, linked to the quantity stands for the
 * people. */
static gboolean
read_count_noun (CcExtractor *self,
                 CcDoc       *doc,
                 guint        start,
                 CcQuantity  *q)
{
  guint link = q->first;
  guint n;

  if (link > start && CC_TOK (doc, link - 1)->kind == CC_TOK_WORD &&
      cc_phrase_set_match_back (self->lexicon->qualifiers, _cc_doc_word_at, doc, link - 1, &n))
    link -= MIN (n, link - start);
  /* "at between 88,000 and 107,000" */
  if (link > start && cc_is_word (doc, link - 1, "between"))
    link--;
  if (link == start || !cc_token_in (self->lexicon->count_links, CC_TOK (doc, link - 1)))
    return FALSE;

  for (guint i = link - 1; i-- > start && link - 1 - i <= COUNT_REACH;)
    {
      CcToken *tok = CC_TOK (doc, i);
      gboolean people;

      if (clause_end (doc, i))
        return FALSE;

      /* "estimated casualties to 4,000", "the injured are approaching";
       * but "the figure of Pyongyang's troops at 12,000" is the figure */
      people = people_noun_at (self, doc, i, &n) && i + n == link - 1 &&
               !cc_is_word (doc, link - 1, "of") && !cc_is_word (doc, link - 1, "as");
      for (guint j = i; people && j-- > start && i - j <= COUNT_REACH;)
        if (cc_token_in (self->lexicon->count_nouns, CC_TOK (doc, j)) && cc_is_word (doc, j + 1, "of"))
          people = FALSE;
      if (people)
        {
          q->subject_first = i;
          q->subject_last = i + n - 1;
          q->count_noun = i;
          return TRUE;
        }

      if (!cc_token_in (self->lexicon->count_nouns, tok))
        continue;
      /* "the number of tanks" counts no people; "the number of North
       * Korean troops killed" does; "a figure of 400,000" says nothing of
       * what it counts */
      if (cc_is_word (doc, i + 1, "of") && i + 1 < link - 1)
        {
          gboolean found = FALSE;

          for (guint j = i + 2; j < link - 1 && j <= i + 7 && !found; j++)
            found = people_noun_at (self, doc, j, &n) || cc_is_word (doc, j, "dead") ||
                    cc_is_word (doc, j, "missing");
          if (!found)
            return FALSE;
        }
      q->subject_first = i > start && (cc_is_word (doc, i - 1, "death") ||
                                       cc_is_word (doc, i - 1, "casualty") ||
                                       cc_is_word (doc, i - 1, "fatality")) ? i - 1 : i;
      q->subject_last = i;
      q->count_noun = i;
      return TRUE;
    }

  return FALSE;
}

/* A bare number that is the subject of a verb only people do: "as many
 * as 8,000 were there", "40,000 had been confirmed dead", "1,200
 * marched". The people are the nearest named before, else the verb. */
static gboolean
read_people_predicate (CcExtractor *self,
                       CcDoc       *doc,
                       guint        next,
                       CcQuantity  *q)
{
  static const char aux[][CC_LIST_WORD] = {
    "were", "was", "are", "is", "had", "have", "has", "been", "being", "be", "already", "now",
    "reportedly", "also", "later", "all", "still", "then", "eventually", "since",
  };
  guint i = next, n;

  while (i < doc->tokens->len && cc_same_sentence (doc, q->first, i) && i - next < 4)
    {
      gboolean skip;

      skip = CC_IS_ANY_WORD (doc, i, aux) &&
             cc_doc_match (self->lexicon->people_verbs, doc, i, &n) == NULL;
      if (!skip)
        break;
      i++;
    }
  if (i >= doc->tokens->len || !cc_same_sentence (doc, q->first, i) ||
      !cc_doc_match (self->lexicon->people_verbs, doc, i, &n))
    return FALSE;

  for (guint j = q->first; j-- > 0 && q->first - j <= PREDICATE_REACH &&
                           CC_PARAGRAPH (doc, j) + 1 >= CC_PARAGRAPH (doc, q->first);)
    {
      guint m;

      if (people_noun_at (self, doc, j, &m) && !cc_is_word (doc, j, "people"))
        {
          q->subject_first = q->subject_last = j + m - 1;
          return TRUE;
        }
    }
  q->subject_first = i;
  q->subject_last = i + n - 1;
  return TRUE;
}

/* The people counted by an earlier quantity or named earlier in the
 * sentence, for quantities that stand alone: "11,000 troops … with 2,600
 * poised to be deployed". */
static gboolean
read_subject_before (CcExtractor *self,
                     CcDoc       *doc,
                     guint        next,
                     CcQuantity  *q)
{
  static const char verbs[][CC_LIST_WORD] = {
    "poised", "are", "were", "have", "had", "being", "set", "expected", "due", "already",
    "now", "still", "reportedly", "of", "in",
  };
  guint start = cc_doc_sentence_start (doc, CC_TOK (doc, q->first)->sentence);
  gboolean verb = FALSE;
  guint n;

  /* "Flood death toll rises to 212" ends its sentence */
  if (next >= doc->tokens->len || !cc_same_sentence (doc, q->first, next))
    return read_count_noun (self, doc, start, q);

  verb = CC_IS_ANY_WORD (doc, next, verbs);

  /* "of whom", "in the low thousands" come with their own words */
  if (cc_is_word (doc, next, "of") && !cc_is_word (doc, next + 1, "them") &&
      !cc_is_word (doc, next + 1, "whom"))
    verb = FALSE;
  if (cc_is_word (doc, next, "in"))
    verb = FALSE;

  /* "is in the low thousands", "numbering 12,000" */
  if (!verb && q->first >= 2 &&
      ((q->vague && cc_is_word (doc, q->first - 1, "the") && cc_is_word (doc, q->first - 2, "in")) ||
       cc_is_word (doc, q->first - 1, "numbering") || cc_is_word (doc, q->first - 1, "totalling") ||
       cc_is_word (doc, q->first - 1, "totaling")))
    verb = TRUE;

  if (read_people_predicate (self, doc, next, q))
    return TRUE;
  if (!verb)
    return read_count_noun (self, doc, start, q);

  for (guint i = q->first; i-- > start && q->first - i <= ELLIPSIS_REACH;)
    {
      n = 1;
      if (people_noun_at (self, doc, i, &n) ||
          cc_is_word (doc, i, "deployment") || cc_is_word (doc, i, "contingent"))
        {
          guint first = i;

          /* the modifiers before the noun belong to it */
          while (first > start && CC_TOK (doc, first - 1)->kind == CC_TOK_WORD &&
                 !is_stop (self, doc, first - 1) && i - first < MAX_MODIFIERS)
            first--;
          q->subject_first = first;
          q->subject_last = i + n - 1;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
excluded (CcDoc      *doc,
          CcQuantity *q,
          guint       next)
{
  CcToken *first = CC_TOK (doc, q->first);

  /* money, percentages */
  if (q->first > 0 && cc_is_punct (doc, q->first - 1, "$€£¥"))
    return TRUE;
  if (cc_is_punct (doc, next, "%") || cc_is_word (doc, next, "percent") ||
      cc_is_word (doc, next, "per"))
    return TRUE;
  /* dates: "October 8", "8 October" */
  if (first->kind == CC_TOK_NUMBER &&
      ((q->first > 0 && is_month (CC_TOK (doc, q->first - 1))) ||
       (next < doc->tokens->len && is_month (CC_TOK (doc, next)))))
    return TRUE;
  /* labels: "No. 84", "#3" */
  if (q->first > 1 && cc_is_punct (doc, q->first - 1, ".#") && cc_is_word (doc, q->first - 2, "no"))
    return TRUE;
  /* ages and durations: "a 20-year-old", "aged 34" */
  if (q->first > 0 && cc_is_word (doc, q->first - 1, "aged"))
    return TRUE;
  return FALSE;
}

/* The sources themselves are not claims: "two officials said". */
static gboolean
is_source_phrase (CcExtractor *self,
                  CcDoc       *doc,
                  CcQuantity  *q)
{
  static const char nouns[][CC_LIST_WORD] = { "officials", "sources", "people", "diplomats",
                                              "experts", "analysts", "witnesses", "residents" };
  guint n;

  if (!CC_IS_ANY_WORD (doc, q->subject_last, nouns))
    return FALSE;

  for (guint i = q->subject_last + 1; i <= q->subject_last + 3 && i < doc->tokens->len; i++)
    if (cc_doc_match (self->lexicon->attribution_verbs, doc, i, &n) ||
        cc_is_word (doc, i, "familiar") || cc_is_word (doc, i, "briefed"))
      return TRUE;

  return FALSE;
}

/**
 * _cc_extractor_read_claim:
 *
 * Reads a claim's quantity and subject at token @i. On success @next is
 * the token to go on from.
 */
gboolean
_cc_extractor_read_claim (CcExtractor *self,
                          CcDoc       *doc,
                          guint        i,
                          CcQuantity  *q,
                          guint       *next)
{
  guint after;

  if (CC_TOK (doc, i)->kind == CC_TOK_PUNCT || !read_quantity (self, doc, i, q, &after))
    return FALSE;

  if (excluded (doc, q, after))
    return FALSE;

  /* more people than live on Earth is no count of people */
  if (!(q->high <= MAX_PEOPLE) || !(q->low >= 0))
    return FALSE;

  /* A year, unless people follow at once: "2024" but "2000 troops". */
  if (is_year (doc, q->first, q->low) && q->low == q->high)
    {
      static const char * const before[] = { "in", "since", "by", "of", "until", "from",
                                              "after", "before", "during", "early", "late" };
      guint n;

      if (!people_noun_at (self, doc, after, &n))
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (before); k++)
        if (q->first > 0 && cc_is_word (doc, q->first - 1, before[k]))
          return FALSE;
    }

  if (!read_subject_after (self, doc, after, q) &&
      !(read_subject_before (self, doc, after, q)))
    return FALSE;

  if (q->subject_first > q->last && is_source_phrase (self, doc, q))
    return FALSE;

  read_qualifier (self, doc, q);

  /* "the estimated figure of 10,000 troops": the figure has an owner */
  if (q->count_noun == 0 && q->subject_first > q->last)
    {
      guint j = q->first;
      guint n;

      if (j > 0 && cc_phrase_set_match_back (self->lexicon->qualifiers, _cc_doc_word_at, doc, j - 1, &n))
        j -= MIN (n, j);
      if (j > 1 && cc_is_word (doc, j - 1, "of") &&
          cc_token_in (self->lexicon->count_nouns, CC_TOK (doc, j - 2)))
        q->count_noun = j - 2;
    }

  *next = MAX (after, q->subject_last + 1);
  return TRUE;
}
