/* cc-extractor-source.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The attributions of each sentence ("X said", "according to X", "said
 * X", "X cited Y as saying", "X, which confirmed", "an official who …
 * estimated"), found when a claim first needs them and remembered; the
 * phrases they name are read in cc-extractor-phrase.c, and which of them
 * is a claim's source is decided in cc-extractor-attribution.c. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"
#include "cc-utils.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* How long a relative clause between a source and its verb may be. */
#define RELATIVE_REACH 24

/* The pool ----------------------------------------------------------------- */

/* The sources of a text, their strings and the lists of each sentence
 * live until the next text: they are taken from blocks the thread keeps
 * and empties when a text first asks for one, not allocated and freed one
 * by one. */
#define SOURCE_BLOCK 64
#define CHAR_BLOCK 8192
/* A longer string has a block of its own, freed with the text. */
#define LONG_STRING (CHAR_BLOCK / 4)
/* How many blocks of each kind, and lists, a pool keeps after a long
 * text: room for a few thousand sources. */
#define KEEP_BLOCKS 64
#define KEEP_LISTS 1024

struct _CcSourcePool
{
  GPtrArray *sources;     /* blocks of SOURCE_BLOCK sources */
  guint      n_sources;
  GPtrArray *chars;       /* blocks of CHAR_BLOCK bytes */
  guint      char_block;
  gsize      char_used;
  GPtrArray *long_strings;
  GPtrArray *lists;       /* the sentences' lists of sources */
  guint      n_lists;
};

static void
pool_free (gpointer data)
{
  CcSourcePool *pool = data;

  g_ptr_array_unref (pool->sources);
  g_ptr_array_unref (pool->chars);
  g_ptr_array_unref (pool->long_strings);
  g_ptr_array_unref (pool->lists);
  g_free (pool);
}

static GPrivate thread_pool = G_PRIVATE_INIT (pool_free);

static void
trim_blocks (GPtrArray *blocks,
             guint      keep)
{
  if (blocks->len > keep)
    g_ptr_array_set_size (blocks, keep);
}

/* The thread's pool, emptied for the text of @doc when it first asks. */
static CcSourcePool *
doc_pool (CcDoc *doc)
{
  CcSourcePool *pool = doc->pool;

  if (G_LIKELY (pool != NULL))
    return pool;
  if ((pool = g_private_get (&thread_pool)) == NULL)
    {
      pool = g_new0 (CcSourcePool, 1);
      pool->sources = g_ptr_array_new_with_free_func (g_free);
      pool->chars = g_ptr_array_new_with_free_func (g_free);
      pool->long_strings = g_ptr_array_new_with_free_func (g_free);
      pool->lists = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      g_private_set (&thread_pool, pool);
    }
  trim_blocks (pool->sources, KEEP_BLOCKS);
  trim_blocks (pool->chars, KEEP_BLOCKS);
  trim_blocks (pool->lists, KEEP_LISTS);
  g_ptr_array_set_size (pool->long_strings, 0);
  pool->n_sources = 0;
  pool->char_block = 0;
  pool->char_used = 0;
  pool->n_lists = 0;
  doc->pool = pool;
  return pool;
}

/* A new source, all zero, that lives as long as the text. */
CcSource *
_cc_doc_new_source (CcDoc *doc)
{
  CcSourcePool *pool = doc_pool (doc);
  CcSource *block;

  if (pool->n_sources / SOURCE_BLOCK == pool->sources->len)
    g_ptr_array_add (pool->sources, g_new (CcSource, SOURCE_BLOCK));
  block = g_ptr_array_index (pool->sources, pool->n_sources / SOURCE_BLOCK);
  block += pool->n_sources++ % SOURCE_BLOCK;
  memset (block, 0, sizeof *block);
  return block;
}

/* @size bytes that live as long as the text. */
static char *
pool_chars (CcDoc *doc,
            gsize  size)
{
  CcSourcePool *pool = doc_pool (doc);
  char *chars;

  if (size > LONG_STRING)
    {
      chars = g_malloc (size);
      g_ptr_array_add (pool->long_strings, chars);
      return chars;
    }
  if (pool->char_block < pool->chars->len && pool->char_used + size > CHAR_BLOCK)
    {
      pool->char_block++;
      pool->char_used = 0;
    }
  if (pool->char_block == pool->chars->len)
    g_ptr_array_add (pool->chars, g_malloc (CHAR_BLOCK));
  chars = (char *)g_ptr_array_index (pool->chars, pool->char_block) + pool->char_used;
  pool->char_used += size;
  return chars;
}

/* @size bytes, aligned for any field, that live as long as the text. */
gpointer
_cc_doc_alloc (CcDoc *doc,
               gsize  size)
{
  CcSourcePool *pool = doc_pool (doc);

  pool->char_used = (pool->char_used + 7) & ~(gsize)7;
  return pool_chars (doc, size);
}

/* g_strndup() into the text's pool. */
char *
_cc_doc_strndup (CcDoc      *doc,
                 const char *str,
                 gsize       len)
{
  char *copy = pool_chars (doc, len + 1);

  memcpy (copy, str, len);
  copy[len] = '\0';
  return copy;
}

/* g_strdup() into the text's pool. */
char *
_cc_doc_strdup (CcDoc      *doc,
                const char *str)
{
  return str != NULL ? _cc_doc_strndup (doc, str, strlen (str)) : NULL;
}

/* _cc_doc_span() into the text's pool. */
char *
_cc_doc_pool_span (CcDoc *doc,
                   guint  first,
                   guint  last)
{
  CcToken *a = CC_TOK (doc, first);
  CcToken *b = CC_TOK (doc, last);

  return _cc_doc_strndup (doc, doc->text + a->start, b->start + b->len - a->start);
}

/* g_strconcat() into the text's pool. */
char *
_cc_doc_strconcat (CcDoc      *doc,
                   const char *first,
                   ...)
{
  va_list args;
  gsize len = 0;
  char *out, *at;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    len += strlen (part);
  va_end (args);

  at = out = pool_chars (doc, len + 1);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    at = stpcpy (at, part);
  va_end (args);
  return out;
}

/* "X (citing Y)", in the text's pool. */
static char *
relay_name (CcDoc      *doc,
            const char *name,
            const char *cited)
{
  return _cc_doc_strconcat (doc, name, " (citing ", cited, ")", NULL);
}

/* An empty list of sources for a sentence, kept by the pool. */
static GPtrArray *
new_list (CcDoc *doc)
{
  CcSourcePool *pool = doc_pool (doc);
  GPtrArray *list;

  if (pool->n_lists == pool->lists->len)
    g_ptr_array_add (pool->lists, g_ptr_array_new ());
  list = g_ptr_array_index (pool->lists, pool->n_lists++);
  /* it holds borrowed pointers, and no terminator: emptied by its length */
  list->len = 0;
  return list;
}

/* Attributions ----------------------------------------------------------- */

/* The initials of the tokens the walk back from a verb to "who" or
 * "which" stops at to read: those and the marks that end it. */
static const guint8 relative_walk_stops[256] = {
  ['w'] = TRUE, [';'] = TRUE, [':'] = TRUE, ['"'] = TRUE, [0xE2] = TRUE,
};

/* A bit for each token of from..to-1 (fewer than 32) whose initial the
 * walk back to "who" or "which" stops at, bit 0 for @from: with SSE2,
 * 16 initials at a time, where the buffer holds 32 from @from. */
static inline guint32
relative_stops (CcDoc *doc,
                guint  from,
                guint  to)
{
  guint32 stops = 0;

#ifdef __SSE2__
  if (from + 32 <= doc->initials_size)
    {
      const __m128i *at = (const __m128i *)(const void *)(doc->initials + from);

      for (guint h = 0; h < 2; h++)
        {
          __m128i x = _mm_loadu_si128 (at + h);
          __m128i hit = _mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 ('w')),
                                      _mm_cmpeq_epi8 (x, _mm_set1_epi8 (';')));

          hit = _mm_or_si128 (hit, _mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 (':')),
                                                 _mm_cmpeq_epi8 (x, _mm_set1_epi8 ('"'))));
          hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (x, _mm_set1_epi8 ((char)0xE2)));
          stops |= (guint32)_mm_movemask_epi8 (hit) << (16 * h);
        }
      return stops & ((1u << (to - from)) - 1);
    }
#endif
  for (guint k = from; k < to; k++)
    if (relative_walk_stops[(guchar)doc->initials[k]])
      stops |= 1u << (k - from);
  return stops;
}

static CcSource *
relative_subject (CcExtractor *self,
                  CcDoc       *doc,
                  guint        start,
                  guint        v)
{
  guint first, last;
  /* the nearest token the walk may reach */
  guint reach = MAX (start + 1, v > RELATIVE_REACH ? v - RELATIVE_REACH : 0);
  /* most tokens are words that cannot be "who" or "which", or marks that
   * do not end the walk: their initials tell, without the tokens
   * themselves ("“" and "”" begin with 0xE2); the walk reads the others,
   * nearest first */
  guint32 stops = v > reach ? relative_stops (doc, reach, v) : 0;

  G_STATIC_ASSERT (RELATIVE_REACH < 32);
  while (stops != 0)
    {
      guint k = reach + 31 - (guint)__builtin_clz (stops);
      const CcToken *tok;
      guint before = k - 1;

      stops &= ~(1u << (k - reach));
      tok = CC_TOK (doc, k);
      if (tok->kind == CC_TOK_WORD ? tok->low[0] != 'w' : tok->kind != CC_TOK_PUNCT)
        continue;
      if (cc_is_punct (doc, k, ";:“”\""))
        return NULL;
      if (!cc_is_word (doc, k, "who") && !cc_is_word (doc, k, "which"))
        continue;
      /* "the report, which Reuters said …": the clause has its own subject */
      if (k + 1 < v && _cc_phrase_before (self, doc, k + 1, v - 1, &first, &last) && first == k + 1)
        return NULL;
      /* "Rutte, who, after speaking with officials, on Monday confirmed":
       * no other attribution within */
      if (cc_is_punct (doc, before, ","))
        {
          for (guint j = k + 1; (j = cc_doc_next_start (self->lexicon->attribution_verbs, doc, j, v)) < v; j++)
            if (cc_doc_match (self->lexicon->attribution_verbs, doc, j, NULL))
              return NULL;
          if (before == start)
            return NULL;
          before--;
        }
      if (_cc_phrase_before (self, doc, start, before, &first, &last) &&
          !_cc_is_pronoun (doc, first, last))
        {
          CcSource *src = _cc_make_source (self, doc, first, last, v);
          guint j = k + 1;

          /* "X, which confirmed": the verb is the relative clause's own;
           * "an official who received reports … estimated": the main one */
          while (j < v && cc_phrase_set_starts (self->lexicon->attribution_adverbs, CC_TOK (doc, j)->marks))
            j++;
          src->embedded = j == v;
          if (!src->embedded)
            src->relative_first = k;
          return src;
        }
      return NULL;
    }
  return NULL;
}

/* The start of "on June 15", "on Monday", "last week" ending before @j,
 * or @j. */
static guint
skip_day_adverbial (CcDoc *doc,
                    guint  start,
                    guint  j)
{
  guint i = j;

  if (i > start && CC_TOK (doc, i - 1)->kind == CC_TOK_NUMBER)
    i--;
  if (i > start && CC_TOK (doc, i - 1)->kind == CC_TOK_WORD && CC_TOK (doc, i - 1)->upper)
    i--;
  if (i < j && i > start && (cc_is_word (doc, i - 1, "on") || cc_is_word (doc, i - 1, "last")))
    return i - 1;
  return j;
}

/* Could the phrase of @src be someone: a pronoun, a name, or words of
 * sources, titles or people? */
static gboolean
plausible (CcExtractor    *self,
           CcDoc          *doc,
           const CcSource *src)
{
  if (src->named || src->person || _cc_is_pronoun (doc, src->first, src->last))
    return TRUE;
  for (guint i = src->first; i <= src->last; i++)
    {
      CcToken *tok = CC_TOK (doc, i);

      if (cc_token_in (self->lexicon->source_words, tok) ||
          cc_token_in (self->lexicon->source_org_words, tok) || _cc_is_title (self, doc, i) ||
          cc_token_in (self->lexicon->people_nouns, tok))
        return TRUE;
    }
  return FALSE;
}

/* Finds every attribution of one sentence. */
static GPtrArray *
find_sources (CcExtractor *self,
              CcDoc       *doc,
              guint        sentence)
{
  GPtrArray *sources = new_list (doc);
  guint start = cc_doc_sentence_start (doc, sentence);
  guint end = cc_doc_sentence_end (doc, sentence);

  for (guint v = start; (v = cc_doc_next_start (self->lexicon->attribution_verbs, doc, v, end)) < end; v++)
    {
      guint n, first, last;
      CcSource *src = NULL;

      if (!cc_doc_match (self->lexicon->attribution_verbs, doc, v, &n))
        continue;

      /* "an estimated 4,700", "the reported deaths", "estimated 40,000
       * people": a participle that describes, not a verb that attributes */
      if (n == 1 && !cc_is_word (doc, v, "according") &&
          ((v > start && _cc_is_determiner (doc, v - 1)) ||
           (v + 1 < end && CC_TOK (doc, v + 1)->kind == CC_TOK_NUMBER &&
            cc_has_suffix (CC_TOK (doc, v)->low, "ed") &&
            (v == start || cc_is_word (doc, v - 1, "with") || cc_is_word (doc, v - 1, "of") ||
             cc_is_word (doc, v - 1, "and") || cc_is_word (doc, v - 1, "by") ||
             cc_is_word (doc, v - 1, "to") || cc_is_word (doc, v - 1, "for")))))
        continue;

      /* "troops expected to be deployed", "are expected": no attribution */
      if ((cc_is_word (doc, v, "expected") || cc_is_word (doc, v, "expects")) &&
          (cc_is_word (doc, v + 1, "to") ||
           (v > start && (cc_is_word (doc, v - 1, "is") || cc_is_word (doc, v - 1, "are") ||
                          cc_is_word (doc, v - 1, "was") || cc_is_word (doc, v - 1, "were") ||
                          cc_is_word (doc, v - 1, "be") || cc_is_word (doc, v - 1, "been") ||
                          CC_TOK (doc, v - 1)->kind == CC_TOK_NUMBER ||
                          cc_token_in (self->lexicon->people_nouns, CC_TOK (doc, v - 1))))))
        continue;

      if (v > start && (src = relative_subject (self, doc, start, v)) != NULL)
        ;
      else if (cc_is_word (doc, v, "according"))
        {
          if (_cc_phrase_after (self, doc, v + n, end, &first, &last))
            {
              /* "according to figures released by the health ministry" */
              for (guint k = first; k + 1 < last; k++)
                if (cc_is_word (doc, k, "by"))
                  first = k + 1;
              src = _cc_make_source (self, doc, first, last, v);
            }
        }
      else if ((cc_is_word (doc, v, "cited") || cc_is_word (doc, v, "quoted")) &&
               !(v + 1 < end && (CC_TOK (doc, v + 1)->kind == CC_TOK_NUMBER ||
                                 cc_is_word (doc, v + 1, "several") ||
                                 cc_is_word (doc, v + 1, "an") || cc_is_word (doc, v + 1, "estimates") ||
                                 cc_is_word (doc, v + 1, "figures"))))
        {
          /* "X cited Y as saying": Y when it names a person, else "X (citing Y)" */
          guint xf, xl, yf, yl;

          if (_cc_phrase_after (self, doc, v + 1, end, &yf, &yl))
            {
              CcSource *y = _cc_make_source (self, doc, yf, yl, v);

              if (y->person || v == start ||
                  !_cc_phrase_before (self, doc, start, v - 1, &xf, &xl))
                src = y;
              else
                {
                  CcSource *x = _cc_make_source (self, doc, xf, xl, v);

                  x->name = relay_name (doc, x->name, y->name);
                  if (x->country == NULL)
                    x->country = y->country;
                  src = x;
                }
            }
        }
      else if (v > start && _cc_phrase_before (self, doc, start, v - 1, &first, &last))
        {
          /* skip adverbs between the source and its verb: "Zelenskyy earlier said" */
          src = _cc_make_source (self, doc, first, last, v);
        }
      else if (v > start)
        {
          guint j = v;

          while (j > start && CC_TOK (doc, j - 1)->kind == CC_TOK_WORD &&
                 cc_phrase_set_starts (self->lexicon->attribution_adverbs, CC_TOK (doc, j - 1)->marks) &&
                 v - j < 3)
            j--;
          /* "The ministry on June 15 estimated": over the day */
          j = skip_day_adverbial (doc, start, j);
          if (j < v && j > start && _cc_phrase_before (self, doc, start, j - 1, &first, &last))
            src = _cc_make_source (self, doc, first, last, v);
        }

      /* "Yonhap, citing an unnamed official, said": a relay */
      if (src != NULL && !src->person && cc_is_punct (doc, src->last + 1, ",") &&
          cc_is_word (doc, src->last + 2, "citing") && src->last + 3 < v)
        {
          guint cited_last = src->last + 3;

          while (cited_last + 1 < v && !cc_is_punct (doc, cited_last + 1, ","))
            cited_last++;
          if (cited_last + 1 < v)
            {
              CcSource *cited = _cc_make_source (self, doc, src->last + 3, cited_last, v);

              src->name = relay_name (doc, src->name, cited->name);
            }
        }

      /* words before the verb that name no one ("killed, but the toll
       * is higher, said X") are no source */
      if (src != NULL && !plausible (self, doc, src))
        src = NULL;

      /* "…,” said Hong Jang-won" */
      if (src == NULL && v + 1 < end &&
          (CC_TOK (doc, v + 1)->upper || _cc_is_determiner (doc, v + 1) || _cc_is_title (self, doc, v + 1)) &&
          (v == start || cc_is_punct (doc, v - 1, ",”\"'’")) &&
          _cc_phrase_after (self, doc, v + 1, end, &first, &last))
        {
          guint name_last = last + 2;

          /* "said the spokesman, Maj. Gen. Shaukat Sultan" */
          while (name_last < end && name_last - last < 10 &&
                 /* the dots of "Maj. Gen." do not end the sentence */
                 !(cc_is_punct (doc, name_last, ",;:") ||
                   (cc_is_punct (doc, name_last, ".") && name_last + 1 == end)))
            name_last++;
          if (cc_is_punct (doc, last + 1, ",") && _cc_appositive_name (self, doc, last + 2, name_last - 1))
            first = last + 2, last = name_last - 1;
          src = _cc_make_source (self, doc, first, last, v);
          /* the title after the name tells its country */
          if (src->country == NULL && cc_is_punct (doc, last + 1, ","))
            {
              src->country = _cc_country_in (self, doc, last + 2, MIN (end, last + 12) - 1);
            }
        }

      if (src != NULL)
        {
          src->date = _cc_source_date (self, doc, src);
          g_ptr_array_add (sources, src);
        }
      v += n - 1;
    }

  return sources;
}

/**
 * _cc_sentence_sources:
 *
 * Returns: (transfer none): the attributions of @sentence, found once
 */
GPtrArray *
_cc_sentence_sources (CcExtractor *self,
                      CcDoc       *doc,
                      guint        sentence)
{
  GPtrArray *sources;

  /* the lists are the pool's */
  if (doc->sources == NULL)
    {
      doc->sources = g_ptr_array_new ();
      doc->relays = g_ptr_array_new ();
    }
  if (doc->sources->len <= sentence)
    g_ptr_array_set_size (doc->sources, doc->sentences->len);

  if (!(sources = g_ptr_array_index (doc->sources, sentence)))
    {
      /* Earlier sentences first: names they introduce are needed here. */
      for (guint s = sentence > CARRY_REACH ? sentence - CARRY_REACH : 0; s < sentence; s++)
        if (g_ptr_array_index (doc->sources, s) == NULL)
          g_ptr_array_index (doc->sources, s) = find_sources (self, doc, s);
      sources = find_sources (self, doc, sentence);
      g_ptr_array_index (doc->sources, sentence) = sources;
    }

  return sources;
}

/**
 * _cc_source_before:
 *
 * Returns: (transfer full) (nullable): the source phrase that ends at
 * @last, with @verb as its verb
 */
CcSource *
_cc_source_before (CcExtractor *self,
                   CcDoc       *doc,
                   guint        start,
                   guint        last,
                   guint        verb)
{
  guint first;

  CcSource *src;

  if (!_cc_phrase_before (self, doc, start, last, &first, &last))
    return NULL;
  src = _cc_make_source (self, doc, first, last, verb);
  src->date = _cc_source_date (self, doc, src);
  return src;
}
