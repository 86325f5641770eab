/* cc-extractor-context.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the words around a quantity say of it: the status of the people
 * counted (sent, training, killed …), whether the claim is hedged, and the
 * day it was made. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cc-extractor-private.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* How many sentences on a figure may be withdrawn or corrected, and how
 * many words of each are read for it. */
#define WITHDRAW_REACH 8
#define WITHDRAW_WORDS 80
/* How far around a claim its clause, and a hedge in it, may reach. */
#define HEDGE_REACH 48
/* How far before a quantity "death toll" is looked for. */
#define TOLL_REACH 24
/* How many words on each side of a quantity its status is looked for in. */
#define STATUS_REACH 8

typedef struct
{
  CcClaimStatus status;
  guint         distance;
  guint         index;
} Cue;

static CcClaimStatus
subject_status (CcDoc      *doc,
                guint       first,
                guint       last,
                gboolean   *found)
{
  static const char killed_words[][CC_LIST_WORD] = {
    "killed", "dead", "deaths", "fatality", "drowned", "bodies", "fatalities", "died", "death",
  };
  static const char injured_words[][CC_LIST_WORD] = { "wounded", "injured" };
  static const char other_words[][CC_LIST_WORD] = {
    "casualties", "prisoners", "detainees", "protesters", "demonstrators", "refugees", "attendees",
  };
  static const char captured_words[][CC_LIST_WORD] = { "captured", "captives" };
  /* the words of the four lists at once: most words are none */
  static const char any_words[][CC_LIST_WORD] = {
    "killed", "dead", "deaths", "fatality", "drowned", "bodies", "fatalities", "died", "death",
    "wounded", "injured",
    "casualties", "prisoners", "detainees", "protesters", "demonstrators", "refugees", "attendees",
    "captured", "captives",
  };
  gboolean killed = FALSE, injured = FALSE;

  *found = TRUE;
  for (guint i = first; i <= last && i < doc->tokens->len; i++)
    {
      if (!CC_IS_ANY_WORD (doc, i, any_words))
        continue;
      if (CC_IS_ANY_WORD (doc, i, killed_words))
        killed = TRUE;
      else if (CC_IS_ANY_WORD (doc, i, injured_words))
        injured = TRUE;
      else if (CC_IS_ANY_WORD (doc, i, other_words))
        return CC_CLAIM_STATUS_OTHER;
      else if (CC_IS_ANY_WORD (doc, i, captured_words))
        return CC_CLAIM_STATUS_CAPTURED;
    }

  if (killed && injured)
    return CC_CLAIM_STATUS_OTHER;
  if (killed)
    return CC_CLAIM_STATUS_KILLED;
  if (injured)
    return CC_CLAIM_STATUS_INJURED;
  *found = FALSE;
  return CC_CLAIM_STATUS_OTHER;
}

static gboolean
clause_break (CcDoc *doc,
              guint  i)
{
  return cc_is_punct (doc, i, ";:()");
}

/* Is a cue of intent ("preparing to", "decided to", "could soon") right
 * before token @i? Then what it governs has not happened yet. */
static gboolean
intent_before (CcExtractor *self,
               CcDoc       *doc,
               guint        i,
               guint        start)
{
  for (guint j = i; j-- > start && i - j <= 3;)
    {
      const CcPhraseValue *pv;
      guint n;

      if ((pv = cc_doc_match (self->lexicon->status_words, doc, j, &n)) &&
          pv->status == CC_CLAIM_STATUS_PREPARING)
        return TRUE;
      if (cc_is_word (doc, j, "will") || cc_is_word (doc, j, "would") ||
          cc_is_word (doc, j, "could") || cc_is_word (doc, j, "might") ||
          (cc_is_word (doc, j, "may") && !CC_TOK (doc, j)->upper))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_subordinator (CcDoc *doc,
                 guint  i)
{
  static const char words[][CC_LIST_WORD] = { "after", "before", "while", "when", "where", "because",
                                        "although", "though", "since", "until", "whereas", "if" };

  return CC_IS_ANY_WORD (doc, i, words);
}

static gboolean
death_toll_before (CcDoc *doc,
                   guint  start,
                   guint  first)
{
  for (guint i = first > start + TOLL_REACH ? first - TOLL_REACH : start; i + 1 < first; i++)
    if ((cc_is_word (doc, i, "death") || cc_is_word (doc, i, "casualty")) &&
        (cc_is_word (doc, i + 1, "toll") || cc_is_word (doc, i + 1, "tolls")))
      return TRUE;
  return FALSE;
}

static gboolean
crowd_verb (CcExtractor *self,
            CcDoc       *doc,
            guint        i)
{
  static const char verbs[][CC_LIST_WORD] = { "protested", "marched", "rallied", "gathered",
                                        "demonstrated", "attended", "protest", "march", "rally",
                                        "gather", "demonstrate", "attend" };

  gboolean take = cc_is_word (doc, i, "take") || cc_is_word (doc, i, "took") ||
                  cc_is_word (doc, i, "taking");

  /* most words are none of these: the words before are read only then */
  if (!take && !CC_IS_ANY_WORD (doc, i, verbs))
    return FALSE;
  /* "the protest" is no verb */
  if (i > 0 && (cc_is_word (doc, i - 1, "the") || cc_is_word (doc, i - 1, "a") ||
                cc_is_word (doc, i - 1, "this") || cc_is_word (doc, i - 1, "that")))
    return FALSE;
  return !take || cc_is_word (doc, i + 1, "part");
}

/* What the finite verb after the counted people says of them, when it is
 * decisive: killed, injured or captured win over a participle that only
 * describes them ("soldiers deployed to Russia have been killed"); a verb
 * of crowds ("to take part", "marched") makes a crowd count. The walk
 * stops at the end of the clause. TOTAL stands for "nothing decisive". */
static CcClaimStatus
decisive_after (CcExtractor *self,
                CcDoc       *doc,
                CcQuantity  *q,
                guint        subject_last,
                guint        end)
{
  /* the words of is_subordinator() and crowd_verb() at once: most words
   * are none */
  static const char clause_words[][CC_LIST_WORD] = {
    "after", "before", "while", "when", "where", "because", "although", "though", "since",
    "until", "whereas", "if",
    "protested", "marched", "rallied", "gathered", "demonstrated", "attended", "protest", "march",
    "rally", "gather", "demonstrate", "attend", "take", "took", "taking",
  };
  gboolean killed = FALSE, injured = FALSE, captured = FALSE;

  for (guint i = subject_last + 1; i < end && i <= subject_last + 2 * STATUS_REACH; i++)
    {
      const CcToken *tok = CC_TOK (doc, i);
      const CcPhraseValue *pv;
      guint n;

      /* the clause ends at another number ("12 people were arrested and
       * four officers were injured"), at punctuation that closes it, and
       * at a subordinate clause; each kind of token is asked its own */
      if (tok->kind == CC_TOK_NUMBER || cc_phrase_set_starts (self->lexicon->number_words, tok->marks))
        break;
      if (tok->kind == CC_TOK_PUNCT)
        {
          if (clause_break (doc, i) ||
              (cc_is_punct (doc, i, ",") && !cc_is_word (doc, i + 1, "though") &&
               !cc_is_word (doc, i + 1, "including")))
            break;
        }
      else if (!CC_IS_ANY_WORD (doc, i, clause_words))
        ;
      else if (is_subordinator (doc, i))
        break;
      else if (crowd_verb (self, doc, i))
        return CC_CLAIM_STATUS_OTHER;
      if (!(pv = cc_doc_match (self->lexicon->status_words, doc, i, &n)))
        continue;
      killed |= pv->status == CC_CLAIM_STATUS_KILLED;
      injured |= pv->status == CC_CLAIM_STATUS_INJURED;
      captured |= pv->status == CC_CLAIM_STATUS_CAPTURED;
    }

  if (killed && injured)
    return CC_CLAIM_STATUS_OTHER;
  if (killed)
    return CC_CLAIM_STATUS_KILLED;
  if (injured)
    return CC_CLAIM_STATUS_INJURED;
  if (captured)
    return CC_CLAIM_STATUS_CAPTURED;
  return CC_CLAIM_STATUS_TOTAL;
}

/* Are the people where the text puts them: "troops are currently in
 * Russia", "8,000 were there", "soldiers on Russian territory", "the
 * number of troops in Russia"? */
static gboolean
located (CcDoc      *doc,
         CcQuantity *q,
         guint       subject_last,
         guint       end)
{
  /* the words that may stand between the people and where they are, and
   * the bracket that closes an insertion ("[troops] are") */
  static const char be_words[][CC_LIST_WORD] = { "are", "were", "is", "was", "remain", "remained",
                                                 "currently", "already", "now", "still",
                                                 "reportedly", "]" };
  static const char places[][CC_LIST_WORD] = { "territory", "soil", "region", "frontline", "frontlines",
                                         "front", "ground", "country", "oblast" };
  guint i = subject_last + 1;

  /* "the number of North Korean troops in Russia to 3,000" */
  if (q->count_noun != 0 && q->subject_first < q->first)
    i = q->count_noun + 1;

  for (guint steps = 0; i < end && steps < 12; i++, steps++)
    {
      gboolean skip = FALSE;

      /* a word is looked up in the list; of its entries only "]" can be
       * punctuation, which holds no letter */
      if (CC_TOK (doc, i)->kind == CC_TOK_WORD)
        skip = CC_IS_ANY_WORD (doc, i, be_words);
      else
        skip = cc_is_punct (doc, i, "]");
      if (q->count_noun != 0 && i < q->first && !cc_is_word (doc, i, "in") && !cc_is_word (doc, i, "on"))
        skip = TRUE;
      if (skip)
        continue;
      if (cc_is_word (doc, i, "there") && i > subject_last + 1)
        return TRUE;
      if (cc_is_word (doc, i, "in") || cc_is_word (doc, i, "on") || cc_is_word (doc, i, "inside"))
        {
          for (guint j = i + 1; j < end && j <= i + 3; j++)
            {
              if (CC_TOK (doc, j)->upper && CC_TOK (doc, j)->kind == CC_TOK_WORD)
                return TRUE;
              if (CC_IS_ANY_WORD (doc, j, places))
                return TRUE;
            }
        }
      return FALSE;
    }
  return FALSE;
}

/**
 * _cc_extractor_status:
 *
 * The status of the people @q counts: what its subject says ("killed"),
 * else the nearest status word of its clause, before it or after it.
 */
CcClaimStatus
_cc_extractor_status (CcExtractor *self,
                      CcDoc       *doc,
                      CcQuantity  *q)
{
  guint sentence = CC_TOK (doc, q->first)->sentence;
  guint start = cc_doc_sentence_start (doc, sentence);
  guint end = cc_doc_sentence_end (doc, sentence);
  Cue best = { CC_CLAIM_STATUS_OTHER, G_MAXUINT, 0 };
  gboolean found, killed = FALSE, injured = FALSE;
  CcClaimStatus status;
  guint subject_last = MAX (q->last, q->subject_last);

  /* "8,000 were there": the people are named by their verb alone */
  if (q->subject_first > q->last &&
      cc_doc_match (self->lexicon->people_verbs, doc, q->subject_first, NULL))
    subject_last = q->last;

  /* "the number of North Korean soldiers killed in combat … at 3,000":
   * the counting phrase up to the quantity says what it counts */
  status = subject_status (doc, q->subject_first,
                           q->count_noun != 0 && q->subject_first < q->first ? q->first - 1
                                                                             : q->subject_last,
                           &found);
  if (found && (q->subject_first > q->last || q->count_noun != 0))
    return status;
  /* a toll counts the dead, and so does an estimate of one: "death tolls
   * …, with estimates reaching 100,000" */
  if (q->count_noun != 0 && (death_toll_before (doc, start, q->first) ||
                             cc_is_word (doc, q->count_noun, "toll") ||
                             cc_is_word (doc, q->count_noun, "tolls")))
    return CC_CLAIM_STATUS_KILLED;

  /* where the people are: "10,000 troops (are) in Russia", "were there",
   * "on Russian territory" */
  {
    CcClaimStatus after_status = decisive_after (self, doc, q, subject_last, end);

    if (after_status != CC_CLAIM_STATUS_TOTAL)
      return after_status;
    if (located (doc, q, subject_last, end))
      {
        /* "could “soon” have as many as 12,000 soldiers on Russian soil" */
        guint from = q->first;

        while (from > start && q->first - from < 5 &&
               (CC_TOK (doc, from - 1)->kind == CC_TOK_PUNCT ||
                cc_phrase_set_match_back (self->lexicon->qualifiers, _cc_doc_word_at, doc, from - 1, NULL) ||
                cc_is_word (doc, from - 1, "have") || cc_is_word (doc, from - 1, "many") ||
                cc_is_word (doc, from - 1, "as")))
          from--;
        return intent_before (self, doc, from, start) ? CC_CLAIM_STATUS_PREPARING
                                                      : CC_CLAIM_STATUS_DEPLOYED;
      }
  }

  /* after the noun phrase: "were killed or injured", "poised to be deployed" */
  for (guint i = subject_last + 1, skipped = 0; i < end && i <= subject_last + STATUS_REACH + skipped; i++)
    {
      const CcPhraseValue *pv;
      guint n;

      /* ", including 500 officers, have been sent": over the aside */
      if (cc_is_punct (doc, i, ",") && (cc_is_word (doc, i + 1, "including") ||
                                        cc_is_word (doc, i + 1, "among")))
        {
          guint j = i + 1;

          while (j < end && !cc_is_punct (doc, j, ",;"))
            j++;
          if (j < end && cc_is_punct (doc, j, ","))
            {
              skipped += j - i;
              i = j;
              continue;
            }
        }
      if (clause_break (doc, i) || cc_is_punct (doc, i, ",") || CC_TOK (doc, i)->kind == CC_TOK_NUMBER ||
          is_subordinator (doc, i) || cc_phrase_set_starts (self->lexicon->number_words, CC_TOK (doc, i)->marks))
        break;
      if (!(pv = cc_doc_match (self->lexicon->status_words, doc, i, &n)))
        continue;
      killed |= pv->status == CC_CLAIM_STATUS_KILLED;
      injured |= pv->status == CC_CLAIM_STATUS_INJURED;
      if (i - subject_last < best.distance)
        best = (Cue) { pv->status, i - subject_last, i };
    }

  if (killed && injured)
    return CC_CLAIM_STATUS_OTHER;
  if (best.status == CC_CLAIM_STATUS_KILLED || best.status == CC_CLAIM_STATUS_INJURED)
    return best.status;

  /* "troops were in Russia", "are now in Kursk": present there */
  if (best.distance == G_MAXUINT || best.distance > 3)
    {
      guint i = subject_last + 1;

      /* "there are now 12,000 soldiers in Russia" */
      if (cc_is_word (doc, i, "in") && i + 1 < end && CC_TOK (doc, i + 1)->upper)
        {
          for (guint j = q->first; j-- > start && q->first - j <= 4;)
            if (cc_is_word (doc, j, "there") &&
                (cc_is_word (doc, j + 1, "are") || cc_is_word (doc, j + 1, "were")))
              return CC_CLAIM_STATUS_DEPLOYED;
        }

      if (cc_is_word (doc, i, "are") || cc_is_word (doc, i, "were") || cc_is_word (doc, i, "is") ||
          cc_is_word (doc, i, "was"))
        {
          i++;
          if (cc_is_word (doc, i, "now") || cc_is_word (doc, i, "already") ||
              cc_is_word (doc, i, "still"))
            i++;
          if (cc_is_word (doc, i, "in") && i + 1 < end && CC_TOK (doc, i + 1)->upper)
            return CC_CLAIM_STATUS_DEPLOYED;
        }
    }

  /* before the quantity: "has sent", "is preparing to send"; on a tie the
   * verb before wins */
  for (guint i = q->first; i-- > start && q->first - i <= STATUS_REACH;)
    {
      const CcPhraseValue *pv;
      guint n;

      /* "17 officers were injured and 31 people were arrested": the verb
       * before the "and" is the other clause's */
      if (clause_break (doc, i) ||
          ((cc_is_word (doc, i, "and") || cc_is_word (doc, i, "but") || cc_is_word (doc, i, "while")) &&
           q->first - i <= 3))
        break;
      if (!(pv = cc_doc_match (self->lexicon->status_words, doc, i, &n)))
        continue;
      if (q->first - i <= best.distance)
        best = (Cue) { pv->status, q->first - i, i };
      /* "the number of troops killed or wounded had reached 3,000" */
      if ((pv->status == CC_CLAIM_STATUS_KILLED || pv->status == CC_CLAIM_STATUS_INJURED) &&
          i >= start + 2 && (cc_is_word (doc, i - 1, "or") || cc_is_word (doc, i - 1, "and")))
        {
          const CcPhraseValue *other = cc_phrase_set_match (self->lexicon->status_words,
                                                            _cc_doc_word_at, doc, i - 2, &n);

          if (other != NULL && other->status != pv->status &&
              (other->status == CC_CLAIM_STATUS_KILLED || other->status == CC_CLAIM_STATUS_INJURED))
            return CC_CLAIM_STATUS_OTHER;
        }
      break;
    }

  if (best.distance == G_MAXUINT)
    {
      /* "North Korea has 1.2 million troops" */
      guint i = q->first;

      /* over the qualifier alone: "has more than 1.2 million", not "has
       * said more than 11 million" */
      if (q->qualifier != NULL)
        {
          guint n = 0;

          if (i > start && cc_phrase_set_match_back (self->lexicon->qualifiers, _cc_doc_word_at, doc,
                                                     i - 1, &n))
            i -= MIN (n, i - start);
        }
      if (i > start && (cc_is_word (doc, i - 1, "has") || cc_is_word (doc, i - 1, "have") ||
                        cc_is_word (doc, i - 1, "fields") || cc_is_word (doc, i - 1, "boasts")))
        return CC_CLAIM_STATUS_TOTAL;
      return found ? status : CC_CLAIM_STATUS_OTHER;
    }

  if (best.status != CC_CLAIM_STATUS_PREPARING && best.status != CC_CLAIM_STATUS_TOTAL &&
      intent_before (self, doc, best.index, start))
    return CC_CLAIM_STATUS_PREPARING;

  return best.status;
}

static gboolean
is_modal (const char *word)
{
  return !strcmp (word, "could") || !strcmp (word, "may") || !strcmp (word, "might");
}

static gboolean
range_hedged (CcExtractor *self,
              CcDoc       *doc,
              guint        start,
              guint        end,
              guint        modal_limit)
{
  for (guint i = start; (i = cc_doc_next_start (self->lexicon->hedges, doc, i, end)) < end; i++)
    {
      guint n;

      if (!cc_doc_match (self->lexicon->hedges, doc, i, &n))
        continue;
      /* "May" the month */
      if (cc_is_word (doc, i, "may") && CC_TOK (doc, i)->upper)
        continue;
      /* a modal hedges the claim it governs, not what follows the claim:
       * "could have as many as 12,000" but not "12,000 … could be deployed" */
      if (is_modal (CC_TOK (doc, i)->low) && n == 1 && i > modal_limit)
        continue;
      return TRUE;
    }

  return FALSE;
}

/* Does a clause end or begin at @i: ";", or a contrast ("while",
 * "whereas", "but") after a comma? Inline: the walks over a claim's
 * clause ask it of every token. */
static inline gboolean
clause_boundary (CcDoc *doc,
                 guint  i)
{
  const CcToken *tok;

  if (i >= doc->tokens->len)
    return FALSE;
  /* one look at the token: most are none of these */
  tok = CC_TOK (doc, i);
  if (tok->kind == CC_TOK_PUNCT)
    return tok->low[0] == ';' && tok->low[1] == '\0';
  if (tok->kind != CC_TOK_WORD || (tok->low[0] != 'w' && tok->low[0] != 'b'))
    return FALSE;
  return (cc_is_word (doc, i, "while") || cc_is_word (doc, i, "whereas") || cc_is_word (doc, i, "but")) &&
         i > 0 && cc_is_punct (doc, i - 1, ",");
}

/* The initials of the marks a clause boundary stands at or after: a
 * ";", or the "," before "while", "whereas" or "but". */
static const guint8 clause_marks[256] = { [';'] = 1, [','] = 1 };

/* A bit for each token of from..to-1 (at most 64) whose initial is one
 * of clause_marks, bit 0 for @from: with SSE2, 16 initials at a time,
 * where the buffer holds 64 from @from. */
static inline guint64
clause_mark_bits (CcDoc *doc,
                  guint  from,
                  guint  to)
{
  guint64 bits = 0;

  g_assert (to - from <= 64);
#ifdef __SSE2__
  if (from + 64 <= doc->initials_size)
    {
      const __m128i *at = (const __m128i *)(const void *)(doc->initials + from);

      for (guint h = 0; 16 * h < to - from; h++)
        {
          __m128i x = _mm_loadu_si128 (at + h);
          __m128i hit = _mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 (',')),
                                      _mm_cmpeq_epi8 (x, _mm_set1_epi8 (';')));

          bits |= (guint64)(guint)_mm_movemask_epi8 (hit) << (16 * h);
        }
      return to - from < 64 ? bits & ((G_GUINT64_CONSTANT (1) << (to - from)) - 1) : bits;
    }
#endif
  for (guint k = from; k < to; k++)
    if (clause_marks[(guchar)doc->initials[k]])
      bits |= G_GUINT64_CONSTANT (1) << (k - from);
  return bits;
}

static gboolean
in_relative_clause (GPtrArray *sources,
                    guint      i)
{
  for (guint k = 0; k < sources->len; k++)
    {
      const CcSource *src = g_ptr_array_index (sources, k);

      if (src->relative_first != 0 && i >= src->relative_first && i < src->verb)
        return TRUE;
    }
  return FALSE;
}

/* Does a later sentence withdraw, correct or deny the same figure: "The
 * ministry later withdrew the figure of 1,500"? */
static gboolean
withdrawn_later (CcExtractor *self,
                 CcDoc       *doc,
                 CcQuantity  *q,
                 guint        sentence)
{
  CcToken *first = CC_TOK (doc, q->first);

  if (first->kind != CC_TOK_NUMBER)
    return FALSE;
  for (guint s = sentence + 1; s + 1 < doc->sentences->len && s <= sentence + WITHDRAW_REACH; s++)
    {
      guint start, end;
      gboolean same = FALSE, withdrawn = FALSE;

      if (!cc_sentence_has (doc->day_words, s, CC_SENTENCE_WITHDRAW))
        continue;
      start = cc_doc_sentence_start (doc, s);
      end = MIN (cc_doc_sentence_end (doc, s), start + WITHDRAW_WORDS);

      for (guint i = start; i < end; i++)
        {
          CcToken *tok = CC_TOK (doc, i);

          if (tok->kind == CC_TOK_NUMBER)
            same |= tok->len == first->len &&
                    memcmp (doc->text + tok->start, doc->text + first->start, tok->len) == 0;
          else
            withdrawn |= cc_token_in (self->lexicon->withdraw_verbs, tok);
        }
      if (same && withdrawn)
        return TRUE;
      /* "It later withdrew the figure." right after */
      if (withdrawn && s == sentence + 1)
        for (guint i = start; i < end; i++)
          if (cc_is_word (doc, i, "figure") || cc_is_word (doc, i, "number") ||
              cc_is_word (doc, i, "estimate") || cc_is_word (doc, i, "claim") ||
              cc_is_word (doc, i, "report") || cc_is_word (doc, i, "toll"))
            return TRUE;
    }
  return FALSE;
}

/**
 * _cc_extractor_hedged:
 *
 * Whether the sentence of @q presents it as unconfirmed, alleged, possible
 * or denied, or the next sentence does so of it ("It would be …, if
 * confirmed").
 */
gboolean
_cc_extractor_hedged (CcExtractor *self,
                               CcDoc       *doc,
                               CcQuantity  *q)
{
  guint sentence = CC_TOK (doc, q->first)->sentence;
  guint start = cc_doc_sentence_start (doc, sentence);
  guint end = cc_doc_sentence_end (doc, sentence);
  guint first = start, last = end;
  GPtrArray *sources = _cc_sentence_sources (self, doc, sentence);

  /* the claim's clause: "…, while troops are reportedly stationed" hedges
   * its own clause, not the claim before it */
  /* within reach: a sentence may be a whole hostile text */
  if (q->first > start + HEDGE_REACH)
    first = q->first - HEDGE_REACH;
  if (end > MAX (q->last, q->subject_last) + HEDGE_REACH)
    last = MAX (q->last, q->subject_last) + HEDGE_REACH;
  /* the nearest boundaries on each side: the initials are read, a byte
   * per token, for the marks a boundary stands at (";") or after (","),
   * and the tokens only there, nearest first */
  G_STATIC_ASSERT (HEDGE_REACH + 1 <= 64);
  {
    guint from = first, to = q->first;
    guint lo = from > 0 ? from - 1 : 0;
    guint64 marks = to > lo ? clause_mark_bits (doc, lo, to) : 0;

    while (marks != 0)
      {
        guint j = lo + 63 - (guint)__builtin_clzll (marks);
        guint i = doc->initials[j] == ',' ? j + 1 : j;

        marks &= ~(G_GUINT64_CONSTANT (1) << (j - lo));
        if (i >= from && i < to && clause_boundary (doc, i))
          {
            first = i + 1;
            break;
          }
      }
  }
  {
    guint from = MAX (q->last, q->subject_last) + 1, to = last;
    guint64 marks = to > from - 1 ? clause_mark_bits (doc, from - 1, to) : 0;

    while (marks != 0)
      {
        guint j = from - 1 + (guint)__builtin_ctzll (marks);
        guint i = doc->initials[j] == ',' ? j + 1 : j;

        marks &= marks - 1;
        if (i >= from && i < to && clause_boundary (doc, i))
          {
            last = i;
            break;
          }
      }
  }

  for (guint i = first; (i = cc_doc_next_start (self->lexicon->hedges, doc, i, last)) < last; i++)
    {
      guint n;

      if (!cc_doc_match (self->lexicon->hedges, doc, i, &n))
        continue;
      /* "a government official who received reports of …, estimated":
       * the source's relative clause says nothing of the claim */
      if (in_relative_clause (sources, i))
        continue;
      if (range_hedged (self, doc, i, i + 1, q->first))
        return TRUE;
    }

  if (withdrawn_later (self, doc, q, sentence))
    return TRUE;

  /* "It would be …, if confirmed." right after */
  if (sentence + 1 < doc->sentences->len - 1)
    {
      guint next_start = end;
      guint next_end = MIN (cc_doc_sentence_end (doc, sentence + 1), end + HEDGE_REACH);

      guint k = next_start;

      /* "It", "This", "The figures", "These numbers" refer back */
      if (cc_is_word (doc, k, "the") || cc_is_word (doc, k, "these") ||
          cc_is_word (doc, k, "those"))
        k++;
      if (next_start < next_end &&
          (cc_is_word (doc, k, "it") || cc_is_word (doc, k, "this") ||
           cc_is_word (doc, k, "that") || cc_is_word (doc, k, "such") ||
           cc_is_word (doc, k, "figure") || cc_is_word (doc, k, "figures") ||
           cc_is_word (doc, k, "numbers") || cc_is_word (doc, k, "number") ||
           cc_is_word (doc, k, "claim") || cc_is_word (doc, k, "claims") ||
           cc_is_word (doc, k, "report") || cc_is_word (doc, k, "toll")))
        {
          for (guint i = next_start; i + 1 < next_end; i++)
            if (cc_is_word (doc, i, "if") &&
                (cc_is_word (doc, i + 1, "confirmed") || cc_is_word (doc, i + 1, "true") ||
                 cc_is_word (doc, i + 1, "verified")))
              return TRUE;
          /* other hedges there too, modals aside: "It did not provide
           * evidence", "The figures could not be independently verified" */
          if (range_hedged (self, doc, next_start, next_end, 0))
            return TRUE;
        }
    }

  return FALSE;
}

/* Sets the bit of each word of @words in @filter; see CC_IS_ANY_WORD(). */
void
_cc_word_filter_make (CcWordFilter *filter,
                      const char    words[][CC_LIST_WORD],
                      gsize         n)
{
  for (gsize k = 0; k < n; k++)
    {
      char padded[CC_MAX_WORD] = { 0 };
      guint bit;

      memcpy (padded, words[k], CC_LIST_WORD);
      bit = cc_word_filter_bit (padded);
      filter->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
      filter->word[bit] = filter->word[bit] == 0 && k + 1 < CC_WORD_FILTER_SHARED ? k + 1
                                                                                 : CC_WORD_FILTER_SHARED;
    }
}
