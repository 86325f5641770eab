/* cc-extractor-phrase.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Source phrases: the words before or after an attribution verb that name
 * who speaks ("the U.S. Deputy Ambassador to the United Nations",
 * "researchers at the London School of Hygiene and Tropical Medicine",
 * "said the spokesman, Maj. Gen. Shaukat Sultan"), and the source made of
 * them: a person remembered under each word of the name, a known body, a
 * place, or a description, with its country settled. */

#define _GNU_SOURCE /* memrchr() */
#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"
#include "cc-utils.h"

/* How many words a source phrase may take. */
#define PHRASE_REACH 24

/* Names ------------------------------------------------------------------ */

/* The length of @str less a possessive "'s" or "’s" at its end. */
static gsize
without_possessive (const char *str)
{
  gsize len = strlen (str);

  if (len >= 2 && memcmp (str + len - 2, "'s", 2) == 0)
    return len - 2;
  if (len >= 4 && memcmp (str + len - 4, "’s", 4) == 0)
    return len - 4;
  return len;
}

/* A key under which spellings of one name meet: lower case, no
 * possessive, and "-yy", "-iy", "-ii" endings folded to "-y"
 * (Zelenskyy, Zelenskiy, Zelensky). It is made in a buffer of the
 * caller's, on the heap only for a word too long for it; name_key()
 * fills the whole of it, so a caller's need not be set before. */
typedef struct
{
  char  buf[64];
  char *heap;
} NameKey;

/* Makes the key of the @len bytes at @key, a copy of the word, in place. */
static char *
fold_name_key (char  *key,
               gsize  len)
{
  gsize i = 0;

  /* g_ascii_tolower(), 8 bytes at a time: the high bit of each byte of
   * @upper says it is 'A' to 'Z' (of its low 7 bits, each sum too small
   * to carry into the next byte; a byte of UTF-8 is left as it is) */
  for (; i + 8 <= len; i += 8)
    {
      guint64 v, low7, upper;

      memcpy (&v, key + i, sizeof v);
      low7 = v & G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);
      upper = (low7 + G_GUINT64_CONSTANT (0x0101010101010101) * (0x80 - 'A')) &
              ~(low7 + G_GUINT64_CONSTANT (0x0101010101010101) * (0x80 - 'Z' - 1)) & ~v &
              G_GUINT64_CONSTANT (0x8080808080808080);
      v |= upper >> 2;
      memcpy (key + i, &v, sizeof v);
    }
  for (; i < len; i++)
    key[i] = key[i] >= 'A' && key[i] <= 'Z' ? key[i] - 'A' + 'a' : key[i];
  key[len] = '\0';
  if (len >= 2 && key[len - 2] == '\'' && key[len - 1] == 's')
    key[len -= 2] = '\0';
  /* only an ending in "y", "i" or "j" is ever folded */
  if (len > 0 && (key[len - 1] == 'y' || key[len - 1] == 'i' || key[len - 1] == 'j'))
    cc_fold_name_ending (key);
  return key;
}

static const char *
name_key (NameKey    *nk,
          const char *word,
          gsize       len)
{
  char *key;

  nk->heap = len < sizeof nk->buf ? NULL : g_malloc (len + 1);
  key = nk->heap != NULL ? nk->heap : nk->buf;
  memcpy (key, word, len);
  return fold_name_key (key, len);
}

static void
name_key_clear (NameKey *nk)
{
  g_clear_pointer (&nk->heap, g_free);
}

/* The first country named by the words first..last. */
const char *
_cc_country_in (CcExtractor *self,
            CcDoc       *doc,
            guint        first,
            guint        last)
{
  for (guint i = first; i <= last && i < doc->tokens->len; i++)
    {
      guint n;
      const char *country = _cc_country_at (self, doc, i, &n);

      if (country != NULL)
        return country;
    }
  return NULL;
}

static gboolean
is_name_word (CcExtractor *self,
              CcDoc       *doc,
              guint        i)
{
  CcToken *tok = CC_TOK (doc, i);
  guint n;

  return tok->kind == CC_TOK_WORD && tok->upper && !tok->capitals && !_cc_is_title (self, doc, i) &&
         !cc_phrase_set_starts (self->lexicon->source_org_words, tok->marks) &&
         !cc_phrase_set_starts (self->lexicon->source_words, tok->marks) &&
         !cc_token_in (self->lexicon->people_nouns, tok) &&
         _cc_country_at (self, doc, i, &n) == NULL && !cc_has_suffix (tok->low, "'s");
}

/* Remembers a person's full name under each of its words, so that "Rutte"
 * and "Zelensky" later find "Mark Rutte" and "Volodymyr Zelenskyy". The
 * words are those between single spaces, empty ones included. */
static const char *
remember_person (CcDoc      *doc,
                 const char *full,
                 const char *country)
{
  /* the words as given: @full may become a longer spelling */
  const char *words = full;
  const char *known = NULL;
  const char *last_word;
  const char *last_key;
  gsize last_len;
  guint32 last_hash;
  NameKey nk;

  if (*full == '\0')
    return NULL;
  last_word = strrchr (full, ' ');
  last_word = last_word != NULL ? last_word + 1 : full;

  /* the same person again, "Zelensky said" ten times in an article: one
   * look-up */
  last_key = name_key (&nk, last_word, strlen (last_word));
  last_len = strlen (last_key);
  last_hash = _cc_doc_map_hash (last_key, last_len);
  known = _cc_doc_map_lookup_hashed (&doc->people, last_key, last_len, last_hash);
  if (country == NULL && known != NULL &&
      (strcmp (known, full) == 0 || (strchr (known, ' ') && last_word == full)))
    {
      name_key_clear (&nk);
      return known;
    }

  /* A name seen before in a longer or other spelling keeps that one: a
   * name of one or two words */
  if (known != NULL && strchr (known, ' ') != NULL && strchr (words, ' ') == strrchr (words, ' '))
    full = known;

  /* the same person again: "Zelensky said" ten times in an article */
  if (known != NULL && strcmp (known, full) == 0 && country == NULL)
    {
      name_key_clear (&nk);
      return known;
    }

  /* the tables hold strings of the text's pool: one copy of the name
   * for all its words */
  full = _cc_doc_strdup (doc, full);
  for (const char *word = words;;)
    {
      const char *space = strchr (word, ' ');
      gsize len = space != NULL ? (gsize)(space - word) : 0;
      /* made in the pool, where the table's keys live; the last word's
       * key and hash are those looked up above */
      char *key = space == NULL ? _cc_doc_strndup (doc, last_key, last_len)
                                : fold_name_key (_cc_doc_strndup (doc, word, len), len);
      guint32 hash = space == NULL ? last_hash : _cc_doc_map_hash (key, strlen (key));

      _cc_doc_map_replace_hashed (&doc->people, key, hash, (char *)full);
      if (country != NULL)
        _cc_doc_map_replace_hashed (&doc->people_country, key, hash, (char *)country);
      if (space == NULL)
        break;
      word = space + 1;
    }
  name_key_clear (&nk);

  /* the last word's key, the last one put, now stands for @full */
  return full;
}

/* The last token of from..to-1 whose first byte is @c, or G_MAXUINT;
 * memrchr() reads the initials a vector at a time. */
static guint
last_head (CcDoc *doc,
           guint  from,
           guint  to,
           char   c)
{
  const char *at;

  if (to <= from || (at = memrchr (doc->initials + from, c, to - from)) == NULL)
    return G_MAXUINT;
  return at - doc->initials;
}

/* Looks for an earlier mention of the surname at @i with the given names
 * before it ("NATO Secretary General Mark Rutte spoke …" for a later
 * "Rutte said") and remembers that person. */
static gboolean
introduce_person (CcExtractor *self,
                  CcDoc       *doc,
                  guint        i)
{
  const char *surname = CC_TOK (doc, i)->low;
  guint scanned = 0;
  gsize len;
  guint32 hash;

  /* where a search for this surname stopped before: no need to read the
   * text before it again */
  /* keyed by the token's own word, which lives as long as the text */
  len = strlen (surname);
  hash = _cc_doc_map_hash (surname, len);
  scanned = GPOINTER_TO_UINT (_cc_doc_map_lookup_hashed (&doc->introduced, surname, len, hash));
  if (scanned > i)
    scanned = 0;
  else
    _cc_doc_map_replace_hashed (&doc->introduced, surname, hash, GUINT_TO_POINTER (i));

  /* the tokens of the surname's first letter, found 8 at a time */
  for (guint j = i, from = MAX (MAX (1, scanned), i >= 3999 ? i - 3999 : 0);
       (j = last_head (doc, from, j, surname[0])) != G_MAXUINT;)
    {
      guint k = j;

      if (!cc_lexicon_padded_equal (CC_TOK (doc, j)->low, surname))
        continue;
      while (k > 0 && is_name_word (self, doc, k - 1) && j - k < 3)
        k--;
      if (k == j)
        continue;

      remember_person (doc, _cc_doc_pool_span (doc, k, j), _cc_country_before (self, doc, k));
      return TRUE;
    }

  return FALSE;
}

/* Source phrases ----------------------------------------------------------- */

/* A word that may stand in a source phrase: a name, a title, a noun of
 * sources or people, a country, or the marks within a name ("U.S.").
 * Always inline, as loose_word() is: the walks over a phrase ask them of
 * every word, and a call costs more than most answers. */
G_ALWAYS_INLINE static inline gboolean
np_word (CcExtractor *self,
         CcDoc       *doc,
         guint        i)
{
  CcToken *tok = CC_TOK (doc, i);
  guint n;

  if (tok->kind == CC_TOK_PUNCT)
    return cc_is_punct (doc, i, "()") || (cc_is_punct (doc, i, "-") && !tok->space_after) ||
           /* the last dot of "U.S." */
           (cc_is_punct (doc, i, ".") && i > 0 && !CC_TOK (doc, i - 1)->space_after &&
            CC_TOK (doc, i - 1)->kind == CC_TOK_WORD && strchr (CC_TOK (doc, i - 1)->low, '.'));
  if (tok->kind != CC_TOK_WORD)
    return FALSE;
  if (tok->upper)
    return TRUE;
  return _cc_is_title (self, doc, i) || cc_phrase_set_starts (self->lexicon->source_words, tok->marks) ||
         cc_token_in (self->lexicon->source_org_words, tok) ||
         cc_token_in (self->lexicon->people_nouns, tok) ||
         _cc_country_at (self, doc, i, &n) != NULL;
}

/* A lower-case word that may stand inside a source phrase ("UN refugee
 * agency", "civil defence spokesman"): not a stop word, not an adverb. */
static inline gboolean
loose_word (CcExtractor *self,
            CcDoc       *doc,
            guint        i)
{
  CcToken *tok = CC_TOK (doc, i);

  return tok->kind == CC_TOK_WORD && !tok->upper &&
         !cc_token_in (self->lexicon->stop_words, tok) &&
         !cc_phrase_set_starts (self->lexicon->attribution_adverbs, tok->marks) &&
         !cc_has_suffix (tok->low, "ly") &&
         !cc_has_suffix (tok->low, "ed") && !cc_has_suffix (tok->low, "ing") &&
         !cc_token_in (self->lexicon->attribution_verbs, tok);
}

/* Can the word at @i take a place or body after it within a source
 * phrase: "leaders in northern Pakistan", "researchers at the London
 * School", "delegation in Madrid"; not a document ("a statement from the
 * State Department" is the State Department's). */
static gboolean
pp_head (CcExtractor *self,
         CcDoc       *doc,
         guint        i)
{
  CcToken *tok = CC_TOK (doc, i);

  return !cc_token_in (self->lexicon->document_nouns, tok) &&
         (cc_token_in (self->lexicon->people_nouns, tok) ||
          cc_token_in (self->lexicon->source_words, tok) ||
          cc_token_in (self->lexicon->source_org_words, tok));
}

/* Whether first..last is a name and nothing else: "Abdul Khaliq Wasi",
 * "Maj. Gen. Shaukat Sultan". */
gboolean
_cc_appositive_name (CcExtractor *self,
                 CcDoc       *doc,
                 guint        first,
                 guint        last)
{
  guint names = 0;

  if (last < first || last - first > 6)
    return FALSE;
  for (guint i = first; i <= last; i++)
    {
      if (cc_is_punct (doc, i, ".-") && i > first)
        continue;
      if (is_name_word (self, doc, i))
        names++;
      else if (!_cc_is_title (self, doc, i) || !CC_TOK (doc, i)->upper)
        return FALSE;
    }
  return names >= 2;
}

/* The source phrase that ends at @last, read backwards. */
gboolean
_cc_phrase_before (CcExtractor *self,
               CcDoc       *doc,
               guint        start,
               guint        last,
               guint       *first_out,
               guint       *last_out)
{
  guint i = last + 1;

  /* a source phrase is a few words: no walk over a whole hostile text */
  if (last > start + PHRASE_REACH)
    start = last - PHRASE_REACH;

  /* "…,” he said" */
  if (_cc_is_pronoun (doc, last, last))
    {
      *first_out = *last_out = last;
      return TRUE;
    }

  /* "X, speaking on condition of anonymity, said": skip the aside */
  if (cc_is_punct (doc, last, ",") && last > start)
    {
      guint j = last;

      while (j > start && !cc_is_punct (doc, j - 1, ",;"))
        j--;
      if (j > start + 1 && cc_is_punct (doc, j - 1, ","))
        {
          CcToken *aside = CC_TOK (doc, j);

          if (cc_has_suffix (aside->low, "ing") || cc_is_word (doc, j, "who") ||
              cc_is_word (doc, j, "which") || aside->upper == FALSE)
            last = j - 2;
          else if (_cc_appositive_name (self, doc, j, last - 1))
            {
              /* "A spokesman for the governor, Abdul Khaliq Wasi, told":
               * the name in apposition is the source */
              *first_out = j;
              *last_out = last - 1;
              return TRUE;
            }
          else
            return FALSE;
        }
      else
        return FALSE;
      i = last + 1;
    }

  /* the words of the phrase, and the prepositional phrases within it:
   * "chief of military intelligence", "Organization for Migration",
   * "Ambassador to the United Nations", "leaders in northern Pakistan",
   * "researchers at the London School of Hygiene and Tropical Medicine" */
  for (;;)
    {
      while (i > start && (np_word (self, doc, i - 1) || loose_word (self, doc, i - 1) ||
                          (cc_is_word (doc, i - 1, "and") && i - 1 > start && i <= last &&
                           CC_TOK (doc, i)->upper && CC_TOK (doc, i - 2)->upper)))
        i--;
      if (i > start + 2 && cc_is_word (doc, i - 1, "the") && np_word (self, doc, i - 3) &&
          (cc_is_word (doc, i - 2, "of") || cc_is_word (doc, i - 2, "for") ||
           (cc_is_word (doc, i - 2, "to") && _cc_is_title (self, doc, i - 3)) ||
           ((cc_is_word (doc, i - 2, "at") || cc_is_word (doc, i - 2, "in") ||
             cc_is_word (doc, i - 2, "from")) && pp_head (self, doc, i - 3))))
        i -= 2;
      else if (i > start + 1 && np_word (self, doc, i - 2) &&
               (cc_is_word (doc, i - 1, "of") || cc_is_word (doc, i - 1, "for") ||
                ((cc_is_word (doc, i - 1, "in") || cc_is_word (doc, i - 1, "from") ||
                  cc_is_word (doc, i - 1, "at")) && pp_head (self, doc, i - 2))))
        i--;
      else
        break;
    }
  /* a phrase starts with a name, a title or a noun of sources, not with
   * whatever lower-case words came before */
  if (!(i > start && (cc_is_word (doc, i - 1, "a") || cc_is_word (doc, i - 1, "an") ||
                      cc_is_word (doc, i - 1, "the") || cc_is_word (doc, i - 1, "its") ||
                      cc_is_word (doc, i - 1, "their"))))
    while (i <= last && loose_word (self, doc, i) && !np_word (self, doc, i))
      i++;

  if (i > last)
    return FALSE;
  /* a sentence-initial capital is a name only if the word goes on */
  *first_out = i;
  *last_out = last;
  return TRUE;
}



/* The source phrase that starts at @first, read forwards. */
gboolean
_cc_phrase_after (CcExtractor *self,
              CcDoc       *doc,
              guint        first,
              guint        end,
              guint       *first_out,
              guint       *last_out)
{
  guint i = first;

  end = MIN (end, first + PHRASE_REACH);
  while (i < end && !cc_is_punct (doc, i, ",.;:!?“”\"") && CC_TOK (doc, i)->kind != CC_TOK_NUMBER &&
         !(i > first && cc_phrase_set_starts (self->lexicon->source_phrase_stops, CC_TOK (doc, i)->marks)) &&
         /* "said Matthew Miller the previous day": a name ends the phrase */
         !(i > first && CC_TOK (doc, i - 1)->upper && (cc_is_word (doc, i, "the") || cc_is_word (doc, i, "a") ||
                                                       cc_is_word (doc, i, "last") ||
                                                       cc_is_word (doc, i, "earlier") ||
                                                       cc_is_word (doc, i, "yesterday"))))
    i++;

  if (i == first)
    return FALSE;
  *first_out = first;
  *last_out = i - 1;
  return TRUE;
}

static void
trim_phrase (CcDoc *doc,
             guint *first,
             guint *last)
{
  while (*first < *last && (cc_is_word (doc, *first, "the") || cc_is_word (doc, *first, "a") ||
                            cc_is_word (doc, *first, "an") || cc_is_punct (doc, *first, "(")))
    (*first)++;
  while (*last > *first && (cc_is_punct (doc, *last, "(-,") || cc_is_word (doc, *last, "here") ||
                            cc_is_word (doc, *last, "there") || cc_is_word (doc, *last, "now") ||
                            cc_is_word (doc, *last, "also") || cc_is_word (doc, *last, "too")))
    (*last)--;
  /* "The National Intelligence Service (NIS)": the name, not its acronym */
  if (*last >= *first + 3 && cc_is_punct (doc, *last, ")") && cc_is_punct (doc, *last - 2, "("))
    *last -= 3;
}

/* Makes a source of the phrase first..last: a person ("Mark Rutte", with
 * the country of "NATO Secretary General"), a known body ("National
 * Intelligence Service" for "South Korea's spy agency") or a group
 * ("European government officials"). */
static CcSource *make_source_words (CcExtractor *self,
                                    CcDoc       *doc,
                                    guint        first,
                                    guint        last,
                                    guint        verb);

CcSource *
_cc_make_source (CcExtractor *self,
             CcDoc       *doc,
             guint        first,
             guint        last,
             guint        verb)
{
  CcSource *src = make_source_words (self, doc, first, last, verb);

  /* "Ukraine’s estimate": the name, not its possessive */
  if (src->name != NULL)
    src->name[without_possessive (src->name)] = '\0';

  if (!_cc_is_pronoun (doc, src->first, src->last))
    _cc_source_settle_country (self, doc, src);
  else
    src->named = FALSE;
  return src;
}

static CcSource *
make_source_words (CcExtractor *self,
             CcDoc       *doc,
             guint        first,
             guint        last,
             guint        verb)
{
  CcSource *src = _cc_doc_new_source (doc);
  const CcPhraseValue *body = NULL, *whole = NULL;
  guint name_first = last + 1;
  guint n, whole_n = 0;

  src->indefinite = cc_is_word (doc, first, "a") || cc_is_word (doc, first, "an") ||
                    (first > 0 && (cc_is_word (doc, first - 1, "a") || cc_is_word (doc, first - 1, "an")));
  trim_phrase (doc, &first, &last);
  src->first = first;
  src->last = last;
  src->verb = verb;

  /* "Yoon's office said": the person behind the office */
  if (last > first && cc_is_word (doc, last, "office") &&
      cc_has_suffix (CC_TOK (doc, last - 1)->low, "'s") && CC_TOK (doc, last - 1)->upper)
    last--;

  /* the first word's match is also the one of the whole phrase, below */
  for (guint i = first; i <= last && body == NULL; i++)
    if ((body = cc_doc_match (self->lexicon->bodies, doc, i, &n)) != NULL && i == first)
      whole = body, whole_n = n;

  /* "the administration of US President Joe Biden": a body of a person */
  if (first < last && cc_is_word (doc, first + 1, "of") &&
      cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, first)))
    {
      src->name = _cc_doc_pool_span (doc, first, last);
      src->country = _cc_country_in (self, doc, first, last);
      src->named = TRUE;
      return src;
    }

  /* A person's name: the capitalised words at the end of the phrase; it
   * wins over a body named in the title ("Pentagon Press Secretary …"). */
  while (name_first > first && is_name_word (self, doc, name_first - 1))
    name_first--;
  /* "School of Hygiene and Tropical Medicine": the end of a body's name */
  if (name_first > first && name_first <= last &&
      (cc_is_word (doc, name_first - 1, "of") || cc_is_word (doc, name_first - 1, "and") ||
       cc_is_word (doc, name_first - 1, "for")))
    name_first = last + 1;
  if (name_first == last + 1 && cc_has_suffix (CC_TOK (doc, last)->low, "'s") &&
      CC_TOK (doc, last)->upper)
    name_first = last;

  src->country = _cc_country_in (self, doc, first, last);

  /* The whole phrase names a place or body: "Washington", "the United
   * Nations", "Israel". */
  {
    if (whole != NULL && first + whole_n - 1 == last)
      {
        src->name = _cc_doc_strdup (doc, whole->str);
        src->named = TRUE;
        return src;
      }
    whole = cc_doc_match (self->lexicon->countries, doc, first, &n);
    if (whole != NULL && first + n - 1 == last)
      {
        src->name = _cc_doc_pool_span (doc, first, last);
        src->named = TRUE;
        return src;
      }
  }

  /* One capitalised word is a person only when the article named that
   * person in full before ("Rutte"); else it is a group ("Organizers"). */
  if (name_first == last)
    {
      NameKey nk;
      const char *key = name_key (&nk, CC_TOK (doc, last)->low, strlen (CC_TOK (doc, last)->low));

      if (_cc_doc_map_lookup (&doc->people, key) == NULL && !introduce_person (self, doc, last) &&
          !(last > first && _cc_is_title (self, doc, last - 1)))
        name_first = last + 1;
    }

  if (name_first <= last)
    {
      char *raw = _cc_doc_pool_span (doc, name_first, last);
      NameKey nk;
      const char *key;
      const char *country;

      raw[without_possessive (raw)] = '\0';

      key = name_key (&nk, CC_TOK (doc, last)->low, strlen (CC_TOK (doc, last)->low));
      src->person = TRUE;
      src->named = TRUE;
      src->name = _cc_doc_strdup (doc, remember_person (doc, raw, src->country));
      if (src->name == NULL)
        src->name = raw;
      if (src->country == NULL && (country = _cc_doc_map_lookup (&doc->people_country, key)))
        src->country = country;
    }
  else if (body != NULL)
    {
      src->name = _cc_doc_strdup (doc, body->str);
      src->named = TRUE;
    }
  else
    {
      src->name = _cc_doc_pool_span (doc, first, last);
      /* "Washington", "Yonhap News", "Daily NK" name a body; "the
       * official" does not, nor "Relief officials" opening a sentence */
      for (guint i = first; i <= last && !src->named; i++)
        src->named = _cc_country_at (self, doc, i, &n) != NULL ||
                     (CC_TOK (doc, i)->upper &&
                     (i > cc_doc_sentence_start (doc, CC_TOK (doc, i)->sentence) ||
                      !(cc_token_in (self->lexicon->source_words, CC_TOK (doc, i)) ||
                        cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, i)) ||
                        cc_token_in (self->lexicon->people_nouns, CC_TOK (doc, i)) ||
                        (i < last && !CC_TOK (doc, i + 1)->upper))));
    }

  return src;
}

/* "the State Department, which confirmed …", "a government official who
 * received reports … estimated": the subject of an attribution verb in a
 * relative clause is the phrase before the relative pronoun. */
