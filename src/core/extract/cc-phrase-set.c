/* cc-phrase-set.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Matching a phrase set against a text's words: the longest phrase that
 * starts (or ends) at a word, and the quicker questions a caller asks
 * before it. The sets are built once by cc-lexicon.c; a match allocates
 * nothing. */

#define G_LOG_DOMAIN "cc-lexicon"

#include "config.h"

#include <string.h>

#include "cc-lexicon-private.h"

const FirstWord *
_cc_phrase_set_find_first_word (const CcPhraseSet *set,
                                const char        *padded)
{
  guint mask = set->n_firsts - 1;

  for (guint i = cc_lexicon_hash_word (padded) & mask; set->firsts[i].n_refs != 0;
       i = (i + 1) & mask)
    if (cc_lexicon_padded_equal (set->firsts[i].word, padded))
      return &set->firsts[i];
  return NULL;
}

/* The phrases of @set that start with @word, longest first; their number
 * goes to @n_refs. A word the lexicon knows is found by its place in it,
 * any other by its text, zero-padded to CC_LEXICON_WORD bytes. */
static inline const PhraseRef *
first_word_phrases (const CcPhraseSet *set,
                    const CcWord      *word,
                    guint             *n_refs)
{
  const FirstWord *first;

  if (word->word != 0 && set->range_by_word != NULL)
    {
      guint32 range;

      if (!(word->marks & set->head.first_mark))
        {
          *n_refs = 0;
          return NULL;
        }
      range = set->range_by_word[word->word - 1];
      *n_refs = range & 0xFF;
      return *n_refs != 0 ? set->refs + (range >> 8) : NULL;
    }

  if ((first = _cc_phrase_set_find_first_word (set, word->low)) == NULL)
    {
      *n_refs = 0;
      return NULL;
    }
  *n_refs = first->n_refs;
  return set->refs + first->start;
}

/* The value of the one-word phrase @word of @set, or NULL. */
static const CcPhraseValue *
one_word_phrase (const CcPhraseSet *set,
                 const CcWord      *word)
{
  guint n_refs;
  const PhraseRef *refs = first_word_phrases (set, word, &n_refs);

  /* the phrases of one word come after the others */
  if (refs != NULL && refs[0].n_multi < n_refs)
    return &refs[refs[0].n_multi].phrase->value;
  return NULL;
}

/* The first of the @n SecondRefs at @seconds whose second word is
 * @second, or @n: they are sorted by it. The halving picks its half
 * without a branch, which the processor could not predict. */
static guint
first_with_second (const SecondRef *seconds,
                   guint            n,
                   guint64          second)
{
  const SecondRef *base = seconds;
  guint len = n;

  if (n == 0)
    return n;
  while (len > 1)
    {
      guint half = len / 2;

      /* arithmetic, which the compiler keeps free of a jump */
      base += half & -(guint)(base[half - 1].second < second);
      len -= half;
    }
  return base->second == second ? (guint)(base - seconds) : n;
}

/* How many words after the second a match keeps at hand, each fetched
 * once for all the phrases it tries. */
#define LATER_WORDS 6

typedef struct
{
  CcWordAt  word_at;
  gpointer  user_data;
  guint     index;       /* of the first word */
  guint     n_fetched;   /* words after the second fetched, or tried past the end */
  gboolean  at_end;      /* the last fetch found none */
  CcWord    later[LATER_WORDS];
} LaterWords;

/* The word @j places after the first (@j > 1), or NULL past the end;
 * inline, as it is mostly a word at hand. */
static inline const CcWord *
later_word (LaterWords *later,
            guint       j,
            CcWord     *scratch)
{
  guint k = j - 2;

  if (k < later->n_fetched)
    return later->at_end && k == later->n_fetched - 1 ? NULL : &later->later[k];
  if (later->at_end)
    return NULL;
  if (k >= LATER_WORDS)
    return later->word_at (later->user_data, later->index + j, scratch) ? scratch : NULL;
  /* the words before it are fetched first: k == n_fetched */
  if (!later->word_at (later->user_data, later->index + j, &later->later[k]))
    later->at_end = TRUE;
  later->n_fetched++;
  return later->at_end ? NULL : &later->later[k];
}

/* Whether the words after the first are those of @ref, whose second word
 * the caller has in @second. */
static gboolean
rest_matches (const PhraseRef *ref,
              const CcWord    *second,
              LaterWords      *later)
{
  const Phrase *phrase = ref->phrase;

  for (guint j = 1; j < ref->n_words; j++)
    {
      CcWord scratch;
      const CcWord *word = j == 1 ? second : later_word (later, j, &scratch);

      if (word == NULL || !cc_lexicon_padded_equal (word->low, phrase->padded[j]) ||
          (ref->capitals && !word->capitals))
        return FALSE;
    }
  return TRUE;
}

const CcPhraseValue *
cc_phrase_set_match_words (CcPhraseSet  *set,
                           const CcWord *first,
                           const CcWord *second,
                           CcWordAt      word_at,
                           gpointer      user_data,
                           guint         index,
                           guint        *n_words)
{
  const PhraseRef *refs;
  guint n_refs, n_multi;

  if (!(first->marks & set->head.first_mark) ||
      !(refs = first_word_phrases (set, first, &n_refs)))
    return NULL;

  /* the longest phrase that matches: of those with the second word that
   * follows, in their order, then of those of one word */
  n_multi = refs[0].n_multi;
  if (n_multi > 0 && second != NULL)
    {
      const SecondRef *seconds = set->by_second + (refs - set->refs);
      guint64 chunk = cc_lexicon_chunk (second->low, 0);
      LaterWords later;

      /* not the words themselves: they are fetched as they are asked */
      later.word_at = word_at;
      later.user_data = user_data;
      later.index = index;
      later.n_fetched = 0;
      later.at_end = FALSE;

      for (guint k = first_with_second (seconds, n_multi, chunk);
           k < n_multi && seconds[k].second == chunk; k++)
        {
          const PhraseRef *ref = &refs[seconds[k].ref];

          if (ref->capitals && !first->capitals)
            continue;
          /* most longer phrases part from the text at their third word */
          if (ref->n_words > 2)
            {
              CcWord scratch;
              const CcWord *third = later_word (&later, 2, &scratch);

              if (third == NULL || cc_lexicon_chunk (third->low, 0) != seconds[k].third)
                continue;
            }
          if (rest_matches (ref, second, &later))
            {
              *n_words = ref->n_words;
              return &ref->phrase->value;
            }
        }
    }

  for (guint i = n_multi; i < n_refs; i++)
    if (!refs[i].capitals || first->capitals)
      {
        *n_words = 1;
        return &refs[i].phrase->value;
      }
  return NULL;
}

const CcPhraseValue *
cc_phrase_set_match (CcPhraseSet *set,
                     CcWordAt     word_at,
                     gpointer     user_data,
                     guint        index,
                     guint       *n_words)
{
  CcWord first, second;
  guint dummy;

  if (!word_at (user_data, index, &first))
    return NULL;
  return cc_phrase_set_match_words (set, &first,
                                    word_at (user_data, index + 1, &second) ? &second : NULL,
                                    word_at, user_data, index, n_words != NULL ? n_words : &dummy);
}

const CcPhraseValue *
cc_phrase_set_match_back (CcPhraseSet *set,
                          CcWordAt     word_at,
                          gpointer     user_data,
                          guint        last,
                          guint       *n_words)
{
  CcWord word;
  GPtrArray *list;

  if (!word_at (user_data, last, &word) || !(word.marks & set->head.last_mark))
    return NULL;
  if (word.word != 0 && set->last_by_word != NULL)
    list = set->last_by_word[word.word - 1];
  else
    list = g_hash_table_lookup (set->by_last, word.low);
  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (list, i);
      guint j;

      if (phrase->n_words > last + 1 || (phrase->capitals && !word.capitals))
        continue;

      for (j = 1; j < phrase->n_words; j++)
        {
          CcWord other;

          if (!word_at (user_data, last - j, &other) ||
              strcmp (other.low, phrase->words[phrase->n_words - 1 - j]) != 0 ||
              (phrase->capitals && !other.capitals))
            break;
        }

      if (j == phrase->n_words)
        {
          if (n_words != NULL)
            *n_words = phrase->n_words;
          return &phrase->value;
        }
    }

  return NULL;
}

const CcPhraseValue *
cc_phrase_set_lookup (CcPhraseSet *set,
                      const char  *word)
{
  char padded[CC_LEXICON_WORD] = { 0 };
  gsize len = word != NULL ? strlen (word) : 0;

  if (word == NULL)
    return NULL;

  if (len < CC_LEXICON_WORD)
    {
      CcWord w = { .low = memcpy (padded, word, len) };

      return one_word_phrase (set, &w);
    }
  else
    {
      GPtrArray *list = g_hash_table_lookup (set->by_first, word);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          Phrase *phrase = g_ptr_array_index (list, i);

          if (phrase->n_words == 1)
            return &phrase->value;
        }
    }

  return NULL;
}

gboolean
cc_phrase_set_may_start (CcPhraseSet  *set,
                         const CcWord *first,
                         const CcWord *second)
{
  guint n_refs, n_multi;
  const PhraseRef *refs;

  if (!(first->marks & set->head.first_mark) ||
      !(refs = first_word_phrases (set, first, &n_refs)))
    return FALSE;
  n_multi = refs[0].n_multi;
  for (guint i = n_multi; i < n_refs; i++)
    if (!refs[i].capitals || first->capitals)
      return TRUE;
  if (second != NULL && n_multi > 0)
    {
      const SecondRef *seconds = set->by_second + (refs - set->refs);
      guint64 chunk = cc_lexicon_chunk (second->low, 0);

      for (guint k = first_with_second (seconds, n_multi, chunk);
           k < n_multi && seconds[k].second == chunk; k++)
        if (!refs[seconds[k].ref].capitals || first->capitals)
          return TRUE;
    }
  return FALSE;
}

gboolean
cc_phrase_set_has_word (CcPhraseSet  *set,
                        const CcWord *word)
{
  return one_word_phrase (set, word) != NULL;
}

