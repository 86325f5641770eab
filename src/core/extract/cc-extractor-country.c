/* cc-extractor-country.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The country behind a source. A source's own words name it first ("South
 * Korean lawmaker Park Sun-won", "the U.S. State Department"); else the
 * article's other mentions of the same person or body do ("South Korean
 * Defense Ministry" for a later "Ministry of National Defense"); else, for
 * a body described rather than named ("the interior ministry", "police")
 * or a leader named only by title, the country of the dateline or the one
 * the article is about. Places in the words of the claim itself ("troops on
 * Russian territory") are never read: only the words of the source phrase
 * and the modifiers standing right before a name. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"

/* How many words before a name its modifiers may take. */
#define MODIFIER_REACH 6
/* How many tokens around a source its other mentions are looked for in. */
#define MENTION_REACH 4000
/* How far around a source its sentence is read for a body it relays. */
#define SENTENCE_REACH 64

/* A memo of the countries named by two words that their match read no
 * further than ("North Korea", "South Korean"), which the leads and the
 * sources of most articles name again and again: by the places of the
 * two words in the lexicon, which tell their look-up forms and marks,
 * and whether each is in capitals. Each thread keeps its own, for the
 * lexicon of the texts it reads. */
#define PAIR_MEMO_BITS 8

typedef struct
{
  guint64              key;    /* 0 for an empty entry */
  const CcPhraseValue *value;
  guint                n;
} PairMemo;

static _Thread_local PairMemo pair_memo[1 << PAIR_MEMO_BITS];
static _Thread_local const CcLexicon *pair_memo_lexicon;
/* which lexicons were freed when this thread's memo was made: a lexicon
 * made later may stand at the same address */
static _Thread_local gint pair_memo_era;
static gint lexicons_freed;

/**
 * _cc_country_forget_lexicon:
 *
 * Called before a lexicon is freed: every thread's memo of its matches
 * is emptied before it is next read.
 */
void
_cc_country_forget_lexicon (void)
{
  g_atomic_int_inc (&lexicons_freed);
}

typedef struct
{
  CcDoc   *doc;
  gboolean later;  /* a word after the second was asked for */
} PairFetch;

static gboolean
pair_word_at (gpointer  user_data,
              guint     index,
              CcWord   *word)
{
  PairFetch *fetch = user_data;

  fetch->later = TRUE;
  return _cc_doc_word_at (fetch->doc, index, word);
}

/* The match of the countries at @i, which the memo lacks: kept in @memo
 * under @key when it reads no further than the second word. Out of line,
 * for the few pairs the memo does not hold. */
static G_NO_INLINE const CcPhraseValue *
match_country_words (CcExtractor *self,
                     CcDoc       *doc,
                     guint        i,
                     PairMemo    *memo,
                     guint64      key,
                     guint       *n)
{
  const CcToken *tok = CC_TOK (doc, i);
  const CcPhraseValue *value;
  PairFetch fetch = { doc, FALSE };
  CcWord first, second;

  /* the words as cc_doc_match() gives them, the later ones through
   * pair_word_at(), which notes that the match depends on them */
  first = (CcWord) { .low = tok->low, .capitals = tok->capitals, .marks = tok->marks, .word = tok->word };
  second = (CcWord) { .low = tok[1].low, .capitals = tok[1].capitals, .marks = tok[1].marks, .word = tok[1].word };
  value = cc_phrase_set_match_words (self->lexicon->countries, &first, &second, pair_word_at, &fetch, i, n);
  if (!fetch.later)
    *memo = (PairMemo) { key, value, value != NULL ? *n : 0 };
  return value;
}

/* cc_doc_match() of the countries at @i, a word that may start one. */
static inline const CcPhraseValue *
match_country (CcExtractor *self,
               CcDoc       *doc,
               guint        i,
               guint       *n)
{
  const CcToken *tok = CC_TOK (doc, i);
  PairMemo *memo;
  guint64 key;

  /* the last word and words the lexicon does not know are matched as
   * they are */
  if (i + 1 >= doc->tokens->len || tok->word == 0 || tok[1].word == 0)
    return cc_doc_match (self->lexicon->countries, doc, i, n);

  if (pair_memo_lexicon != self->lexicon || pair_memo_era != g_atomic_int_get (&lexicons_freed))
    {
      memset (pair_memo, 0, sizeof pair_memo);
      pair_memo_lexicon = self->lexicon;
      pair_memo_era = g_atomic_int_get (&lexicons_freed);
    }
  key = (guint64)tok->word | (guint64)tok[1].word << 16 | (guint64)tok->capitals << 32 |
        (guint64)tok[1].capitals << 33 | G_GUINT64_CONSTANT (1) << 34;
  memo = &pair_memo[(key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - PAIR_MEMO_BITS)];
  if (memo->key != key)
    return match_country_words (self, doc, i, memo, key, n);
  if (memo->value != NULL)
    *n = memo->n;
  return memo->value;
}

/* _cc_country_at() of a word that may start a country's name. */
const char *
_cc_country_at_slow (CcExtractor *self,
                     CcDoc       *doc,
                     guint        i,
                     guint       *n)
{
  CcCountryAt *at;

  /* each token is matched once: the walks over modifiers ask again; a
   * bit per token says which are, so that the cache needs no clearing */
  if (!doc->countries_made)
    {
      if (doc->countries_size < doc->tokens->len)
        {
          g_free (doc->countries);
          g_free (doc->country_matched);
          doc->countries_size = doc->tokens->len;
          doc->countries = g_new (CcCountryAt, doc->countries_size);
          doc->country_matched = g_new (guint8, doc->countries_size / 8 + 1);
        }
      memset (doc->country_matched, 0, doc->tokens->len / 8 + 1);
      doc->countries_made = TRUE;
    }
  at = &doc->countries[i];
  if (!(doc->country_matched[i / 8] & (1u << (i % 8))))
    {
      const CcPhraseValue *pv;
      guint len = 0;

      pv = match_country (self, doc, i, &len);
      at->country = pv != NULL ? pv->str : NULL;
      at->n = MIN (len, 255);
      doc->country_matched[i / 8] |= 1u << (i % 8);
    }
  if (n != NULL)
    *n = at->n;
  return at->country;
}

/* Whether token @i belongs to a country's name ("Korean" in "South
 * Korean"). */
static gboolean
in_country_name (CcExtractor *self,
                 CcDoc       *doc,
                 guint        i)
{
  for (guint k = i >= 2 ? i - 2 : 0; k <= i; k++)
    {
      guint n;

      if (_cc_country_at (self, doc, k, &n) != NULL && k + n - 1 >= i)
        return TRUE;
    }
  return FALSE;
}

/* The country among the modifiers right before @first: "South Korean
 * lawmaker", "Ukraine's President", "the U.S. Deputy Ambassador". The
 * walk stops at punctuation and at any lower-case word that is not a
 * title, so that "Russia's war against Ukraine, President X" gives X none. */
const char *
_cc_country_before (CcExtractor *self,
                    CcDoc       *doc,
                    guint        first)
{
  guint start;

  if (first == 0 || first >= doc->tokens->len)
    return NULL;
  start = cc_doc_sentence_start (doc, CC_TOK (doc, first)->sentence);

  for (guint i = first; i-- > start && first - i <= MODIFIER_REACH;)
    {
      CcToken *tok = CC_TOK (doc, i);
      const char *country;
      guint n;

      if (tok->kind == CC_TOK_PUNCT)
        {
          /* "Pakistani-controlled" is no modifier of a person */
          if (cc_is_punct (doc, i, "-"))
            return NULL;
          /* "Ukraine’s": the apostrophe may stand alone */
          if (cc_is_punct (doc, i, "'’") && !tok->space_after)
            continue;
          return NULL;
        }
      if (tok->kind != CC_TOK_WORD)
        return NULL;
      /* the walk is backwards: a country phrase of two words ends here */
      for (guint k = i >= 2 ? i - 2 : 0; k <= i; k++)
        if (k >= start && (country = _cc_country_at (self, doc, k, &n)) && k + n - 1 >= i)
          return country;
      if (!tok->upper && !cc_token_in (self->lexicon->titles, tok) &&
          !cc_token_in (self->lexicon->source_words, tok) && !cc_is_word (doc, i, "of") &&
          !cc_is_word (doc, i, "the"))
        return NULL;
    }
  return NULL;
}

static const char *person_country (CcExtractor *self,
                                   CcDoc       *doc,
                                   const char  *surname);

/* The country of a person named by @surname (lower case) anywhere in the
 * article: "Ukrainian President Volodymyr Zelensky" for a later
 * "Zelensky said". */
const char *
_cc_person_country (CcExtractor *self,
                    CcDoc       *doc,
                    const char  *surname)
{
  const char *country;

  /* looked for before: "" says there was none */
  if ((country = _cc_doc_map_lookup (&doc->country_cache, surname)) != NULL)
    return *country != '\0' ? country : NULL;
  country = person_country (self, doc, surname);
  /* keyed by strings of the text's pool */
  _cc_doc_map_replace (&doc->country_cache, _cc_doc_strdup (doc, surname),
                       (gpointer)(country ? country : ""));
  return country;
}

static const char *
person_country (CcExtractor *self,
                CcDoc       *doc,
                const char  *surname)
{
  guint n = MIN (doc->tokens->len, MENTION_REACH);

  if (surname[0] == '\0')
    return NULL;

  /* the article's first mentions of a person carry their country; the
   * tokens of its initial are found a block at a time */
  for (guint i = 0; i < n; i++)
    {
      const char *at = memchr (doc->initials + i, surname[0], n - i);
      CcToken *tok;
      const char *country;
      guint first;

      if (at == NULL)
        break;
      first = i = at - doc->initials;
      tok = CC_TOK (doc, i);
      if (!tok->upper || tok->kind != CC_TOK_WORD || strcmp (tok->low, surname) != 0)
        continue;
      /* the given names before the surname */
      while (first > 0 && CC_TOK (doc, first - 1)->kind == CC_TOK_WORD &&
             CC_TOK (doc, first - 1)->upper && i - first < 3 &&
             !cc_token_in (self->lexicon->titles, CC_TOK (doc, first - 1)) &&
             !in_country_name (self, doc, first - 1))
        first--;
      if ((country = _cc_country_before (self, doc, first)))
        return country;
    }
  return NULL;
}

static void
find_article_countries (CcExtractor *self,
                        CcDoc       *doc)
{
  /* few countries per article: a short list, and where each name is in
   * it by a small table of its address, 0 for none, else its place + 1 */
  const char *names[32];
  guint counts[32];
  guint8 places[64] = { 0 };
  guint n_names = 0, total = 0, best = 0;

  doc->countries_known = TRUE;

  /* "SEOUL, November 5 (AJP) -": a place in capitals opens the text, or
   * its first paragraph after the headline */
  for (guint i = 0; i < doc->tokens->len && CC_PARAGRAPH (doc, i) <= 1;
       i = cc_doc_sentence_end (doc, CC_TOK (doc, i)->sentence))
    {
      guint n;
      const char *country;

      /* a paragraph begins with a sentence: the tokens of one are skipped */
      if (i > 0 && CC_PARAGRAPH (doc, i - 1) == CC_PARAGRAPH (doc, i))
        continue;
      if (CC_TOK (doc, i)->capitals && CC_TOK (doc, i)->kind == CC_TOK_WORD &&
          (country = _cc_country_at (self, doc, i, &n)) != NULL && cc_is_punct (doc, i + n, ",(–—-"))
        {
          doc->dateline_country = country;
          break;
        }
    }

  /* the dateline's country comes first: the lead need not be read */
  if (doc->dateline_country != NULL)
    return;

  /* names of countries and their adjectives are written with a capital;
   * the lead says what the article is about */
  for (guint s = 0, after = 0; s < doc->country_starts->len; s++)
    {
      guint i = g_array_index (doc->country_starts, guint, s);
      guint n, k, slot;
      const char *country;

      /* the capitalised words that may start a country's name, as the
       * tokenizer listed them, but for those inside the last name */
      if (i < after || !(country = _cc_country_at (self, doc, i, &n)))
        continue;
      after = i + n;
      /* the aliases of a country share one copy of its name */
      for (slot = (GPOINTER_TO_SIZE (country) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 58;
           places[slot] != 0 && names[places[slot] - 1] != country; slot = (slot + 1) % G_N_ELEMENTS (places))
        ;
      k = places[slot] != 0 ? places[slot] - 1u : n_names;
      if (k == n_names && n_names < G_N_ELEMENTS (names))
        {
          places[slot] = n_names + 1;
          names[n_names] = country;
          counts[n_names++] = 0;
        }
      if (k < n_names && ++counts[k] > best)
        {
          best = counts[k];
          doc->main_country = country;
        }
      total++;
    }

  /* one mention, or two, may be the place of a claim, not the story's */
  if (total < 3 || best * 2 <= total)
    doc->main_country = NULL;
}

/* The country of the dateline, else the one the article is about. */
static const char *
article_country (CcExtractor *self,
                 CcDoc       *doc)
{
  if (!doc->countries_known)
    find_article_countries (self, doc);
  return doc->dateline_country != NULL ? doc->dateline_country : doc->main_country;
}

static gboolean
is_description (CcExtractor    *self,
                CcDoc          *doc,
                const CcSource *src)
{
  CcToken *head = CC_TOK (doc, src->last);

  /* a common noun heads it: "the interior ministry", "police"; a
   * document ("the report") has no country of its own */
  if (cc_token_in (self->lexicon->document_nouns, head))
    return FALSE;
  if (!cc_token_in (self->lexicon->source_words, head) &&
      !cc_token_in (self->lexicon->source_org_words, head) &&
      !cc_token_in (self->lexicon->people_nouns, head) && !cc_token_in (self->lexicon->titles, head))
    return FALSE;

  for (guint i = src->first; i <= src->last; i++)
    {
      CcToken *tok = CC_TOK (doc, i);

      if (tok->kind != CC_TOK_WORD)
        continue;
      if (_cc_country_at (self, doc, i, NULL) != NULL)
        return FALSE;
      if (tok->upper && !(i == src->first &&
                          (cc_token_in (self->lexicon->source_words, tok) ||
                           cc_token_in (self->lexicon->source_org_words, tok) ||
                           cc_token_in (self->lexicon->people_nouns, tok) ||
                           cc_token_in (self->lexicon->titles, tok))))
        return FALSE;
    }
  return TRUE;
}

/* Whether a word of @src other than its head and its articles stands in
 * first..last: "health" of "the enclave's health ministry" in "Gaza
 * health ministry". */
static gboolean
shares_word (CcExtractor    *self,
             CcDoc          *doc,
             const CcSource *src,
             guint           head,
             guint           first,
             guint           last)
{
  for (guint j = first; j <= last && j < doc->tokens->len; j++)
    for (guint k = src->first; k <= src->last; k++)
      if (k != head && CC_TOK (doc, k)->kind == CC_TOK_WORD && CC_TOK (doc, k)->low[0] != '\0' &&
          !cc_token_in (self->lexicon->stop_words, CC_TOK (doc, k)) &&
          strcmp (CC_TOK (doc, j)->low, CC_TOK (doc, k)->low) == 0)
        return TRUE;
  return FALSE;
}

/* "Ministry of National Defense" without a country: another mention of
 * the same body with one ("South Korean Defense Ministry") — an
 * occurrence of its head word with another of its words and a country
 * among the modifiers before them. */
static const char *
body_country (CcExtractor    *self,
              CcDoc          *doc,
              const CcSource *src)
{
  guint head = G_MAXUINT, end;

  for (guint i = src->first; i <= src->last && head == G_MAXUINT; i++)
    if (cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, i)))
      head = i;
  if (head == G_MAXUINT)
    return NULL;

  end = MIN (doc->tokens->len, src->last + MENTION_REACH);
  for (guint i = src->first > MENTION_REACH ? src->first - MENTION_REACH : 0; i < end; i++)
    {
      /* the tokens of the head's first letter, found a block at a time */
      const char *at = memchr (doc->initials + i, CC_TOK (doc, head)->low[0], end - i);
      guint first;
      gboolean shared = FALSE;
      const char *country;

      if (at == NULL)
        break;
      first = i = at - doc->initials;
      if (CC_TOK (doc, i)->kind != CC_TOK_WORD || CC_TOK (doc, i)->marks != CC_TOK (doc, head)->marks ||
          strcmp (CC_TOK (doc, i)->low, CC_TOK (doc, head)->low) != 0 ||
          (i >= src->first && i <= src->last))
        continue;
      /* "South Korean Defense Ministry" may be a country's name as a
       * whole; it is this body's when it shares another of its words */
      for (guint k = i >= 3 ? i - 3 : 0; k < i; k++)
        {
          guint n;

          if ((country = _cc_country_at (self, doc, k, &n)) && k + n - 1 == i &&
              shares_word (self, doc, src, head, k, i - 1))
            return country;
        }
      /* its modifiers: "South Korean Defense Ministry" */
      while (first > 0 && CC_TOK (doc, first - 1)->kind == CC_TOK_WORD &&
             CC_TOK (doc, first - 1)->upper && i - first < 3 &&
             !in_country_name (self, doc, first - 1))
        first--;
      shared = shares_word (self, doc, src, head, first, i - 1);
      if (shared && (country = _cc_country_before (self, doc, first)))
        return country;
    }
  return NULL;
}

/* body_country(), once per name of a body: "the ministry" is said many
 * times in an article. */
static const char *
cached_body_country (CcExtractor    *self,
                     CcDoc          *doc,
                     const CcSource *src)
{
  const char *country;

  /* looked for before: "" says there was none */
  if ((country = _cc_doc_map_lookup (&doc->body_countries, src->name)) != NULL)
    return *country != '\0' ? country : NULL;
  country = body_country (self, doc, src);
  /* keyed by strings of the text's pool */
  _cc_doc_map_replace (&doc->body_countries, _cc_doc_strdup (doc, src->name),
                       (gpointer)(country ? country : ""));
  return country;
}

/* The country of a known body named in the source's sentence, for a
 * speaker who relays it: "Park said after the NIS gave a briefing". */
static const char *
sentence_body_country (CcExtractor    *self,
                       CcDoc          *doc,
                       const CcSource *src)
{
  guint sentence = CC_TOK (doc, src->first)->sentence;
  guint start = cc_doc_sentence_start (doc, sentence);
  guint end = MIN (cc_doc_sentence_end (doc, sentence), src->last + SENTENCE_REACH);

  if (src->first > start + SENTENCE_REACH)
    start = src->first - SENTENCE_REACH;
  for (guint i = start; (i = cc_doc_next_start (self->lexicon->bodies, doc, i, end)) < end; i++)
    {
      guint n;

      if (i >= src->first && i <= src->last)
        continue;
      if (cc_doc_match (self->lexicon->bodies, doc, i, &n))
        return _cc_country_at (self, doc, i, NULL);
    }
  return NULL;
}

static gboolean
spokesperson (CcDoc          *doc,
              const CcSource *src)
{
  for (guint i = src->first >= 2 ? src->first - 2 : 0; i <= src->last; i++)
    if (cc_is_word (doc, i, "spokesperson") || cc_is_word (doc, i, "spokesman") ||
        cc_is_word (doc, i, "spokeswoman"))
      return TRUE;
  return FALSE;
}

/* The country of the last body named with one before @src, within a few
 * sentences. */
static const char *
recent_body_country (CcExtractor    *self,
                     CcDoc          *doc,
                     const CcSource *src)
{
  guint sentence = CC_TOK (doc, src->first)->sentence;
  guint first = cc_doc_sentence_start (doc, sentence > CARRY_REACH ? sentence - CARRY_REACH : 0);

  if (src->first > first + MENTION_REACH / 8)
    first = src->first - MENTION_REACH / 8;
  for (guint i = src->first; i-- > first;)
    {
      guint n;
      const char *country;

      if (cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, i)) &&
          (country = _cc_country_before (self, doc, i)) != NULL)
        return country;
      if ((country = _cc_country_at (self, doc, i, &n)) != NULL && n > 1 &&
          cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, i + n - 1)))
        return country;
    }
  return NULL;
}

/**
 * _cc_source_settle_country:
 *
 * Gives @src its country when its own words named none, and names a
 * described body after its country ("French interior ministry").
 */
void
_cc_source_settle_country (CcExtractor *self,
                           CcDoc       *doc,
                           CcSource    *src)
{
  gboolean description;

  description = !src->person && is_description (self, doc, src);

  if (src->country == NULL && src->person)
    {
      /* the words of the name between single spaces, in lower case: one
       * copy in the pool, cut at its spaces */
      char *keys = _cc_doc_strdup (doc, src->name);
      const char *end = keys + strlen (keys);
      const char *surname = keys;
      const char *country = NULL;

      for (char *c = keys; *c != '\0'; c++)
        if (*c == ' ')
          *c = '\0', surname = c + 1;
        else
          *c = g_ascii_tolower (*c);

      /* a country found for another mention of the person */
      for (const char *key = keys; *src->name != '\0' && key <= end && country == NULL;
           key += strlen (key) + 1)
        country = _cc_doc_map_lookup (&doc->people_country, key);
      if (country == NULL)
        country = _cc_person_country (self, doc, surname);

      /* "lawmaker Park Sun-won said after the NIS gave a briefing" */
      if (country == NULL)
        country = sentence_body_country (self, doc, src);
      /* "said spokesperson Matthew Miller": of the body spoken of before */
      if (country == NULL && spokesperson (doc, src))
        country = recent_body_country (self, doc, src);
      if (country == NULL)
        country = article_country (self, doc);
      src->country = country;
      for (const char *key = keys; *src->name != '\0' && key <= end && country != NULL;
           key += strlen (key) + 1)
        _cc_doc_map_replace (&doc->people_country, key, (gpointer)country);
    }
  else if (src->country == NULL)
    {
      const char *country = cached_body_country (self, doc, src);

      if (country == NULL)
        country = article_country (self, doc);
      src->country = country;
    }

  if (description && src->country != NULL)
    {
      const char *adjective = g_hash_table_lookup (self->lexicon->adjectives, src->country);

      if (adjective != NULL)
        {
          /* "Organizers said" is "French organizers" */
          gboolean common = src->name[0] != '\0' && g_ascii_isupper (src->name[0]) &&
                            src->first == cc_doc_sentence_start (doc, CC_TOK (doc, src->first)->sentence) &&
                            !CC_TOK (doc, src->first)->capitals;
          /* a country's government goes by the country: "Government of
           * Pakistan" */
          char initial[2] = { common ? g_ascii_tolower (src->name[0]) : src->name[0], '\0' };

          if (g_ascii_strcasecmp (src->name, "government") == 0)
            src->name = _cc_doc_strconcat (doc, "Government of ", src->country, NULL);
          else
            src->name = _cc_doc_strconcat (doc, adjective, " ", initial,
                                           src->name + (src->name[0] != '\0'), NULL);
        }
    }
}
