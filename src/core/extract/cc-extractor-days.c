/* cc-extractor-days.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The day a claim was made. It is the day of its statement, written next
 * to the attribution ("said on Monday", "told lawmakers Wednesday", "X on
 * Thursday cited Y") or in the adverbial that opens the sentence ("On the
 * same day, X said"), never a day inside the claim's own words, which
 * dates the counted event ("380,000 protested yesterday"). A statement
 * that runs over several sentences keeps its day: a pronoun's antecedent
 * brings the day it was said on, and a speaker's day found in a
 * neighbouring sentence carries, backwards as well as forwards. Relative
 * days ("the previous day", "the same day", "a day later") resolve from the
 * publication date or the last day the article named. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cc-extractor-private.h"

/* How far after its verb a statement's day may stand: "told a press
 * conference on 15 March". */
#define VERB_REACH 8
/* How many sentences around a claim its speaker's day may come from. */
#define STATEMENT_REACH 3

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* Whether @sentence holds a word that may name a day: most do not, and
 * need not be read for one. */
static gboolean
has_day_words (CcDoc *doc,
               guint  sentence)
{
  return cc_sentence_has (doc->day_words, sentence, CC_SENTENCE_DAY);
}

/* YYYY-MM-DD in the text's pool, written by hand for the years of four
 * digits: printf() is slow beside the rest of a claim's reading. */
static const char *
format_ymd (CcDoc *doc,
            int    year,
            int    month,
            int    day)
{
  char out[64];

  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    {
      g_snprintf (out, sizeof out, "%04d-%02d-%02d", year, month, day);
      return _cc_doc_strdup (doc, out);
    }
  out[0] = '0' + year / 1000;
  out[1] = '0' + year / 100 % 10;
  out[2] = '0' + year / 10 % 10;
  out[3] = '0' + year % 10;
  out[4] = '-';
  out[5] = '0' + month / 10;
  out[6] = '0' + month % 10;
  out[7] = '-';
  out[8] = '0' + day / 10;
  out[9] = '0' + day % 10;
  return _cc_doc_strndup (doc, out, 10);
}

static const char *
format_day (CcDoc *doc,
            gint32 day)
{
  GDate date;

  if (day <= 0)
    return NULL;
  /* the day GDate gives, counted by hand from 1 March of the year 0 in
   * eras of 400 years, for any day of the first 10,000 years or so */
  if (day < 4000000)
    {
      guint z = (guint)day - 1 + 306;
      guint era = z / 146097, of_era = z % 146097;
      guint year_of_era = (of_era - of_era / 1460 + of_era / 36524 - of_era / 146096) / 365;
      guint of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
      guint from_march = (5 * of_year + 2) / 153;
      int month = from_march < 10 ? from_march + 3 : from_march - 9;

      return format_ymd (doc, year_of_era + era * 400 + (month <= 2), month,
                         of_year - (153 * from_march + 2) / 5 + 1);
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return format_ymd (doc, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static int
month_at (CcDoc *doc,
          guint  i)
{
  CcToken *tok;
  gsize len;

  if (i >= doc->tokens->len)
    return 0;
  tok = CC_TOK (doc, i);
  if (!tok->upper || tok->kind != CC_TOK_WORD)
    return 0;
  /* the name or its first three letters or more: "Oct" */
  len = strlen (tok->low);
  if (len < 3)
    return 0;
  for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
    if (month_names[m][0] == tok->low[0] && strncmp (month_names[m], tok->low, len) == 0)
      return m + 1;
  return 0;
}

static int
day_number (CcDoc *doc,
            guint  i)
{
  int day;

  if (i >= doc->tokens->len || CC_TOK (doc, i)->kind != CC_TOK_NUMBER || CC_TOK (doc, i)->len > 2)
    return 0;
  day = atoi (doc->text + CC_TOK (doc, i)->start);
  return day >= 1 && day <= 31 ? day : 0;
}

/* A calendar day of the publication's year, or the year before when it
 * would fall after publication. */
static gint32
calendar_day (CcDoc *doc,
              int    month,
              int    day)
{
  g_autoptr(GDate) published = g_date_new_julian (doc->published_day);
  g_autoptr(GDate) date = NULL;

  if (!g_date_valid_dmy (day, month, g_date_get_year (published)))
    return 0;
  date = g_date_new_dmy (day, month, g_date_get_year (published));
  if (g_date_compare (date, published) > 0)
    g_date_subtract_years (date, 1);
  return g_date_get_julian (date);
}

/* The last day named in the sentences before @sentence: what "the same
 * day" and "a day later" refer to. */
static gint32 find_day_in (CcExtractor *self,
                           CcDoc       *doc,
                           guint        from,
                           guint        to);

static gint32
last_named_day (CcExtractor *self,
                CcDoc       *doc,
                guint        sentence)
{
  for (guint s = sentence; s-- > 0 && sentence - s <= 2 * STATEMENT_REACH;)
    {
      gint32 day;

      if (!has_day_words (doc, s))
        continue;
      day = find_day_in (self, doc, cc_doc_sentence_start (doc, s),
                         MIN (cc_doc_sentence_end (doc, s),
                              cc_doc_sentence_start (doc, s) + VERB_REACH * 8));

      if (day > 0)
        return day;
    }
  return doc->published_day;
}

/* The Julian day named by the words from..to-1, 0 for none. */
static gint32
find_day_in (CcExtractor *self,
             CcDoc       *doc,
             guint        from,
             guint        to)
{
  GDateWeekday published_weekday;
  guint32 day_mark = cc_phrase_set_first_mark (self->lexicon->day_words);

  if (doc->published_day <= 0)
    return 0;
  /* found once a text */
  if (doc->published_weekday == G_DATE_BAD_WEEKDAY)
    {
      g_autoptr(GDate) published = g_date_new_julian (doc->published_day);

      doc->published_weekday = g_date_get_weekday (published);
    }
  published_weekday = doc->published_weekday;

  to = MIN (to, doc->tokens->len);
  for (guint i = from; i < to; i++)
    {
      CcToken *tok;
      const char *w;
      int month, day;

      /* most tokens are neither a day word nor "on": the marks and the
       * initials noted beside the tokens tell, without the tokens */
      if (!(doc->marks[i] & day_mark) && doc->initials[i] != 'o')
        continue;
      tok = CC_TOK (doc, i);
      w = tok->low;

      /* only a day word, or "on" before a date, names a day */
      if (tok->kind != CC_TOK_WORD ||
          !(cc_phrase_set_starts (self->lexicon->day_words, tok->marks) || (w[0] == 'o' && w[1] == 'n' && w[2] == '\0')))
        continue;

      if (tok->upper)
        for (guint d = 0; d < G_N_ELEMENTS (weekdays); d++)
          {
            int back;

            if (w[0] != weekdays[d][0] || strcmp (w, weekdays[d]) != 0)
              continue;
            /* "next Friday" is no day a statement was made on */
            if (i > from && (cc_is_word (doc, i - 1, "next") || cc_is_word (doc, i - 1, "until")))
              break;
            back = ((int)published_weekday - (int)(d + 1) + 7) % 7;
            if (i > from && cc_is_word (doc, i - 1, "last") && back == 0)
              back = 7;
            return doc->published_day - back;
          }

      if (cc_is_word (doc, i, "yesterday"))
        return doc->published_day - 1;
      if (cc_is_word (doc, i, "today") || cc_is_word (doc, i, "tonight"))
        return doc->published_day;

      /* "the previous day", "the day before", "a day earlier" */
      if (cc_is_word (doc, i, "day") && i > from &&
          ((cc_is_word (doc, i - 1, "previous") && cc_is_word (doc, i - 2, "the")) ||
           cc_is_word (doc, i + 1, "before") || cc_is_word (doc, i + 1, "earlier")))
        return doc->published_day - 1;
      /* "the same day", "a day later", "the next day" */
      if (cc_is_word (doc, i, "day") && i > from &&
          ((cc_is_word (doc, i - 1, "same") && cc_is_word (doc, i - 2, "the")) ||
           cc_is_word (doc, i + 1, "later") || cc_is_word (doc, i - 1, "next") ||
           cc_is_word (doc, i - 1, "following")))
        {
          gint32 ref = last_named_day (self, doc, tok->sentence);

          return cc_is_word (doc, i - 1, "same") ? ref : ref + 1;
        }

      /* "on October 8", "on Oct. 8", "on 15 March" */
      if (cc_is_word (doc, i, "on"))
        {
          guint j = i + 2;

          if ((month = month_at (doc, i + 1)) != 0)
            {
              if (cc_is_punct (doc, j, "."))
                j++;
              if ((day = day_number (doc, j)) != 0)
                return calendar_day (doc, month, day);
            }
          else if ((day = day_number (doc, i + 1)) != 0 && (month = month_at (doc, i + 2)) != 0)
            return calendar_day (doc, month, day);
        }
    }

  return 0;
}

/* Does the sentence open with an adverbial of time, not a clause? */
static gboolean
opens_adverbial (CcDoc *doc,
                 guint  start)
{
  static const char words[][CC_LIST_WORD] = { "on", "in", "at", "earlier", "later", "last", "late",
                                        "early", "yesterday", "today", "by", "during", "after",
                                        "before", "since", "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday", "sunday" };

  return CC_IS_ANY_WORD (doc, start, words);
}

/* Where the words that date the statement of @src may stand: the
 * adverbial opening the sentence, and around the attribution's verb up to
 * the start of what was said. */
static gint32
statement_day (CcExtractor    *self,
               CcDoc          *doc,
               const CcSource *src)
{
  guint sentence = CC_TOK (doc, src->verb)->sentence;
  guint start = cc_doc_sentence_start (doc, sentence);
  guint end = cc_doc_sentence_end (doc, sentence);
  guint from = src->verb;
  guint to;
  gint32 day;

  if (!has_day_words (doc, sentence))
    return 0;

  /* "The War Zone, a defense website, on Thursday cited" */
  while (from > start && src->verb - from < 4 && CC_TOK (doc, from - 1)->kind != CC_TOK_PUNCT)
    from--;
  from = MIN (from, src->first);

  /* "On the same day, X said", "Earlier in the week, X said" */
  if (opens_adverbial (doc, start))
    for (guint i = start; i < end && i - start <= 8 && i < from; i++)
      if (cc_is_punct (doc, i, ","))
        {
          if ((day = find_day_in (self, doc, start, i)) > 0)
            return day;
          break;
        }

  /* "X on Thursday cited", "said Friday", "told reporters … on Thursday
   * that"; what follows "that", a colon or a quotation is the claim's */
  for (to = src->verb + 1; to < end && to <= MAX (src->verb, src->last) + VERB_REACH; to++)
    if (cc_is_word (doc, to, "that") || cc_is_punct (doc, to, ",:;“\"") ||
        CC_TOK (doc, to)->kind == CC_TOK_NUMBER || (to > src->last && CC_TOK (doc, to)->in_quote &&
                                                    !CC_TOK (doc, src->verb)->in_quote))
      break;
  /* "said on Monday, AFP reported": the comma after a day closes it */
  return find_day_in (self, doc, from, to);
}

/**
 * _cc_source_date:
 *
 * Returns: (nullable): the day @src made its statement, YYYY-MM-DD, in
 * the text's pool
 */
const char *
_cc_source_date (CcExtractor    *self,
                 CcDoc          *doc,
                 const CcSource *src)
{
  if (doc->published_day <= 0 || src->verb >= doc->tokens->len)
    return NULL;
  return format_day (doc, statement_day (self, doc, src));
}

/* "Park Sun-won (citing NIS)" speaks as "Park Sun-won": the length of
 * that start of @name. */
static gsize
principal_len (const char *name)
{
  gsize len = strcspn (name, "(");

  while (len > 0 && name[len - 1] == ' ')
    len--;
  return len;
}

static gboolean
same_speaker (const char *a,
              const char *b)
{
  gsize la = strcspn (a, "("), lb = strcspn (b, "(");

  while (la > 0 && a[la - 1] == ' ')
    la--;
  while (lb > 0 && b[lb - 1] == ' ')
    lb--;
  return la == lb && la > 0 && strncmp (a, b, la) == 0;
}

/* A day the same speaker's statement has in a neighbouring sentence:
 * "Zelensky warned that …" before "“…,” Zelensky said … on Monday". */
static const char *
neighbour_date (CcExtractor    *self,
                CcDoc          *doc,
                guint           sentence,
                const CcSource *source)
{
  for (guint d = 1; d <= STATEMENT_REACH; d++)
    for (int dir = -1; dir <= 1; dir += 2)
      {
        GPtrArray *sources;
        guint s;

        if ((dir < 0 && sentence < d) || (dir > 0 && sentence + d + 1 >= doc->sentences->len))
          continue;
        s = dir < 0 ? sentence - d : sentence + d;
        if (!has_day_words (doc, s))
          continue;
        sources = _cc_sentence_sources (self, doc, s);
        for (guint k = 0; k < sources->len; k++)
          {
            const CcSource *src = g_ptr_array_index (sources, k);
            const CcSource *who = src->date != NULL ? _cc_resolve_source (self, doc, s, src) : NULL;

            if (src->date != NULL && who != NULL && who->name != NULL &&
                same_speaker (who->name, source->name))
              return src->date;
          }
      }
  return NULL;
}

typedef struct
{
  guint       sentence;
  const char *date;
} SpeakerDay;

/* Another day of the claim's own sentence: the framing speaker's ("its
 * estimate of 38,000 …, said the spokesman"), or that of a body the
 * sentence names and that spoke just before ("Park said after the NIS
 * gave a briefing"). */
static const char *
sentence_date (CcExtractor    *self,
               CcDoc          *doc,
               guint           sentence,
               guint           q_first,
               const CcSource *source)
{
  GPtrArray *sources = _cc_sentence_sources (self, doc, sentence);
  guint start = cc_doc_sentence_start (doc, sentence);
  guint end = cc_doc_sentence_end (doc, sentence);

  for (guint k = 0; k < sources->len; k++)
    {
      const CcSource *src = g_ptr_array_index (sources, k);
      const CcSource *who = _cc_resolve_source (self, doc, sentence, src);
      const char *date;

      if (src->date != NULL)
        return src->date;
      if (who != NULL && who->name != NULL && (date = neighbour_date (self, doc, sentence, who)))
        return date;
    }

  /* near the claim: a sentence may be a whole text */
  if (q_first > start + VERB_REACH * 8)
    start = q_first - VERB_REACH * 8;
  end = MIN (end, q_first + VERB_REACH * 8);
  for (guint i = start; (i = cc_doc_next_start (self->lexicon->bodies, doc, i, end)) < end; i++)
    {
      const CcPhraseValue *body;
      guint n;

      if (!(body = cc_doc_match (self->lexicon->bodies, doc, i, &n)))
        continue;
      for (guint s = sentence; s-- > 0 && sentence - s <= STATEMENT_REACH;)
        {
          GPtrArray *before = _cc_sentence_sources (self, doc, s);

          for (guint k = 0; k < before->len; k++)
            {
              const CcSource *src = g_ptr_array_index (before, k);

              if (src->date != NULL && g_strcmp0 (src->name, body->str) == 0)
                return src->date;
            }
        }
      i += n - 1;
    }

  return NULL;
}

/**
 * _cc_footer_date:
 *
 * Returns: (nullable): the full date ("January 11, 2025") among the words
 * from..to-1, as YYYY-MM-DD in the text's pool
 */
const char *
_cc_footer_date (CcDoc *doc,
                 guint  from,
                 guint  to)
{
  for (guint i = from; i + 3 < to; i++)
    {
      int month = month_at (doc, i), day = day_number (doc, i + 1), year;

      if (month == 0 || day == 0 || !cc_is_punct (doc, i + 2, ",") ||
          CC_TOK (doc, i + 3)->kind != CC_TOK_NUMBER || CC_TOK (doc, i + 3)->len != 4)
        continue;
      year = atoi (doc->text + CC_TOK (doc, i + 3)->start);
      if (g_date_valid_dmy (day, month, year))
        return format_ymd (doc, year, month, day);
    }
  return NULL;
}

/**
 * _cc_extractor_claim_date:
 *
 * Returns: (transfer full) (nullable): the day the claim @q was made:
 * its statement's, else the same speaker's in the sentences around
 */
char *
_cc_extractor_claim_date (CcExtractor    *self,
                          CcDoc          *doc,
                          CcQuantity     *q,
                          const CcSource *source)
{
  guint sentence = CC_TOK (doc, q->first)->sentence;
  const char *date;
  gsize len;
  guint32 hash;

  if (source == NULL)
    return NULL;
  if (doc->direct != NULL && doc->direct->date != NULL)
    date = doc->direct->date;
  else if (source->date != NULL)
    date = source->date;
  /* the claims of one sentence and source share what is found around them */
  else if (doc->memo_sentence == sentence + 1 && doc->memo_source == source)
    date = doc->memo_date;
  else
    {
      if ((date = neighbour_date (self, doc, sentence, source)) == NULL)
        date = sentence_date (self, doc, sentence, q->first, source);
      doc->memo_sentence = sentence + 1;
      doc->memo_source = source;
      doc->memo_date = date;
    }
  /* the days are kept by speaker */
  len = principal_len (source->name);
  hash = _cc_doc_map_hash (source->name, len);
  if (date == NULL)
    {
      /* the speaker's day found for a claim just before */
      const SpeakerDay *last = _cc_doc_map_lookup_hashed (&doc->speaker_days, source->name, len, hash);

      if (last != NULL && sentence - last->sentence <= STATEMENT_REACH + 1)
        date = last->date;
    }
  if (date != NULL)
    {
      SpeakerDay *day = _cc_doc_alloc (doc, sizeof (SpeakerDay));

      /* @date lives in the pool, as long as the text */
      day->sentence = sentence;
      day->date = date;
      /* keyed by a copy in the pool: the name may go on past the speaker */
      _cc_doc_map_replace_hashed (&doc->speaker_days, _cc_doc_strndup (doc, source->name, len), hash,
                                  day);
      return g_strdup (date);
    }
  return NULL;
}
