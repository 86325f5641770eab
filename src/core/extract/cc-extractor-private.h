/* cc-extractor-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cc-claim.h"
#include "cc-doc-map.h"
#include "cc-extractor.h"
#include "cc-lexicon.h"

G_BEGIN_DECLS

#define CC_MAX_WORD 32
/* How many sentences back a pronoun, a description or a lone quotation
 * may reach for its source. */
#define CARRY_REACH 4
/* How many tokens of the lead tell the country an article is about. */
#define CC_LEAD_TOKENS 300

typedef enum
{
  CC_TOK_WORD,
  CC_TOK_NUMBER,
  CC_TOK_PUNCT,
} CcTokKind;

/* The bits of a token's flags in its flag_bits, the same as its
 * bit-fields: C compilers for little-endian machines lay bit-fields out
 * from the lowest bit, and test-tokenizer checks that they do. */
enum
{
  CC_TOKEN_UPPER       = 1 << 0,
  CC_TOKEN_CAPITALS    = 1 << 1,
  CC_TOKEN_SPACE_AFTER = 1 << 2,
  CC_TOKEN_IN_QUOTE    = 1 << 3,
  CC_TOKEN_HYPHEN      = 1 << 4,
};

typedef struct
{
  guint32 start;       /* byte offset */
  guint32 len;         /* bytes */
  guint32 cstart;      /* character offset */
  guint32 clen;        /* characters */
  guint32 sentence;    /* index of the sentence */
  guint8  kind;
  guint8  scale;               /* a number's glued scale, as a power of ten: "1.5mn" 6 */
  union
  {
    guint8 flag_bits;          /* the bits below at once, as the tokenizer writes them */
    struct
    {
      guint8 upper : 1;        /* starts with a capital letter */
      guint8 capitals : 1;     /* every letter a capital */
      guint8 space_after : 1;  /* white space follows */
      guint8 in_quote : 1;     /* inside quotation marks */
      guint8 hyphen : 1;       /* a word with a hyphen inside: "twenty-five" */
    };
  };
  /* marks, word and the padding after them as the lexicon's short
   * slots keep them (CcShortSlot), so that the tokenizer copies them as
   * one block */
  guint32 marks;               /* cc_lexicon_marks() of low */
  guint16 word;                /* low's place in the lexicon plus one, 0 for none */
  guint16 unused;              /* zero */
  char    low[CC_MAX_WORD];
} CcToken;

/* The look-up form is the buffer the lexicon reads 8 bytes at a time. */
G_STATIC_ASSERT (CC_MAX_WORD == CC_LEXICON_WORD);

/* A token is read many times over: one cache line each. */
G_STATIC_ASSERT (sizeof (CcToken) <= 64);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, word) == G_STRUCT_OFFSET (CcToken, marks) + 4);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, low) == 32);

/* A source of claims found in a sentence: who said it, and where. It and
 * its strings live in the text's pool (cc-extractor-source.c), or in the
 * lexicon, for as long as the text is read. */
typedef struct
{
  char       *name;    /* as it will be shown: a person's name or a body */
  const char *country;
  const char *date;    /* YYYY-MM-DD of the statement, or NULL */
  gboolean  person;
  gboolean  named;     /* a proper name, not "the official" */
  gboolean  indefinite; /* "a government official": a new referent */
  gboolean  embedded;  /* the subject of a relative clause: "X, which confirmed" */
  guint     relative_first; /* "who" of a relative clause between source and verb, or 0 */
  gboolean  resolved;  /* whom a pronoun or description stands for is known: */
  const void *antecedent; /* that source (a CcSource), or NULL */
  guint     verb;      /* token of the attribution verb */
  guint     first;     /* tokens of the source phrase */
  guint     last;
} CcSource;

typedef struct
{
  const char *country;
  guint8      n;
} CcCountryAt;

typedef enum
{
  CC_SENTENCE_DAY      = 1 << 0, /* a word that may name a day */
  CC_SENTENCE_WITHDRAW = 1 << 1, /* "withdrew", "denied" … */
} CcSentenceFlags;

static inline gboolean
cc_sentence_has (const GArray *flags,
                 guint         sentence,
                 guint8        flag)
{
  return sentence < flags->len && (g_array_index (flags, guint8, sentence) & flag) != 0;
}

typedef struct _CcSourcePool CcSourcePool;

typedef struct
{
  CcLexicon  *lexicon;
  const char *text;
  const char *published;
  GArray     *tokens;
  /* index of the first token of each sentence, plus one past the end */
  GArray     *sentences;
  /* per sentence, the index of its paragraph (line) */
  GArray     *paragraphs;
  /* the tokens that may start a quantity, in text order */
  GArray     *candidates;
  /* the capitalised words that may start a country's name, in text
   * order, up to the end of the lead the article's country is read from */
  GArray     *country_starts;
  /* per sentence: its sources, found on demand; lists of the pool */
  GPtrArray  *sources;
  /* sources made for relays ("X (citing Y)"), agents and owners */
  GPtrArray  *relays;
  /* where the sources of this text and their strings live: the thread's
   * pool, emptied when the text first asks for it; NULL until then */
  CcSourcePool *pool;
  /* the Julian day of publication: 0 while not read, -1 when unknown;
   * its day of the week, G_DATE_BAD_WEEKDAY until asked */
  gint32      published_day;
  guint8      published_weekday;
  /* the attribution of the claim being read, before its pronoun or
   * description is resolved: its day is the claim's */
  const CcSource *direct;
  /* speaker name → the day and sentence of their last dated claim */
  CcDocMap    speaker_days;
  /* the day found around the last claim without its own: sentence + 1
   * (0 for none), its source, and the day (borrowed from a source) */
  guint       memo_sentence;
  const void *memo_source;
  const char *memo_date;
  /* a surname → the token up to which its full name was looked for */
  CcDocMap    introduced;
  /* a body's name → the country another mention gives it, "" for none */
  CcDocMap    body_countries;
  /* a person's surname → country, "" for none found */
  CcDocMap    country_cache;
  /* per token, the first byte of its look-up form, and a NUL after the
   * last, and its marks: the tokenizer notes both beside the token, for
   * the scans that read only them; room for initials_size - 1 tokens */
  char       *initials;
  guint32    *marks;
  /* per token, the country phrase it starts, matched on demand */
  CcCountryAt *countries;
  /* a bit per token: whether its entry in countries is made */
  guint8     *country_matched;
  /* whether the country bits are made for this text, and for how many
   * tokens the buffers have room */
  gboolean    countries_made;
  guint       initials_size;
  guint       countries_size;
  /* per sentence, CcSentenceFlags: words it holds that few sentences do */
  GArray     *day_words;
  /* the people the article names: key of each word of the name → full
   * name, and → country where one is known */
  CcDocMap    people;
  CcDocMap    people_country;
  /* the country of the dateline ("SEOUL, Nov. 5 –"), and, looked for only
   * without one, the country the article names in more than half of its
   * mentions; NULL for none */
  gboolean    countries_known;
  const char *dateline_country;
  const char *main_country;
} CcDoc;

typedef struct
{
  guint       first;   /* first token of the quantity as written */
  guint       last;    /* last token of it */
  double      low;
  double      high;
  gboolean    vague;
  const char *qualifier;
  guint       subject_first;
  guint       subject_last;
  guint       count_noun;  /* "toll" in "the toll rose to 32", else 0 */
} CcQuantity;

struct _CcExtractor
{
  GObject    parent_instance;

  CcLexicon *lexicon;
};

#define CC_TOK(doc, i) (&g_array_index ((doc)->tokens, CcToken, (i)))

/* The paragraph of token @i: kept per sentence, so that a token fits in
 * 64 bytes, one cache line. */
#define CC_PARAGRAPH(doc, i) \
  (g_array_index ((doc)->paragraphs, guint32, CC_TOK ((doc), (i))->sentence))

gboolean       _cc_doc_word_at           (gpointer      user_data,
                                          guint         index,
                                          CcWord       *word);
/* FALSE, leaving @doc only to be cleared, when the text is not UTF-8. */
gboolean       _cc_doc_tokenize          (CcDoc        *doc);
guint          _cc_doc_sentence_start    (CcDoc        *doc,
                                          guint         sentence);
guint          _cc_doc_sentence_end      (CcDoc        *doc,
                                          guint         sentence);
char          *_cc_doc_span              (CcDoc        *doc,
                                          guint         first,
                                          guint         last);

gboolean       _cc_extractor_read_claim  (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         i,
                                          CcQuantity   *q,
                                          guint        *next);
CcClaimStatus  _cc_extractor_status      (CcExtractor  *self,
                                          CcDoc        *doc,
                                          CcQuantity   *q);
gboolean       _cc_extractor_hedged      (CcExtractor  *self,
                                          CcDoc        *doc,
                                          CcQuantity   *q);
char          *_cc_extractor_claim_date  (CcExtractor  *self,
                                          CcDoc        *doc,
                                          CcQuantity   *q,
                                          const CcSource *source);
const char    *_cc_footer_date           (CcDoc        *doc,
                                          guint         from,
                                          guint         to);
const char    *_cc_source_date           (CcExtractor  *self,
                                          CcDoc        *doc,
                                          const CcSource *src);
const CcSource *_cc_resolve_source       (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         sentence,
                                          const CcSource *src);
const CcSource *_cc_extractor_source     (CcExtractor  *self,
                                          CcDoc        *doc,
                                          CcQuantity   *q);
CcSource      *_cc_doc_new_source        (CcDoc        *doc);
gpointer       _cc_doc_alloc             (CcDoc        *doc,
                                          gsize         size);
char          *_cc_doc_strndup           (CcDoc        *doc,
                                          const char   *str,
                                          gsize         len);
char          *_cc_doc_strdup            (CcDoc        *doc,
                                          const char   *str);
char          *_cc_doc_pool_span         (CcDoc        *doc,
                                          guint         first,
                                          guint         last);
char          *_cc_doc_strconcat         (CcDoc        *doc,
                                          const char   *first,
                                          ...) G_GNUC_NULL_TERMINATED;
void           _cc_doc_clear             (CcDoc        *doc);
void           _cc_doc_reset             (CcDoc        *doc);
/* cc-extractor-phrase.c: source phrases and the sources made of them */
gboolean       _cc_phrase_before         (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         start,
                                          guint         last,
                                          guint        *first_out,
                                          guint        *last_out);
gboolean       _cc_phrase_after          (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         first,
                                          guint         end,
                                          guint        *first_out,
                                          guint        *last_out);
CcSource      *_cc_make_source           (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         first,
                                          guint         last,
                                          guint         verb);
gboolean       _cc_appositive_name       (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         first,
                                          guint         last);
const char    *_cc_country_in            (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         first,
                                          guint         last);

GPtrArray     *_cc_sentence_sources      (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         sentence);
CcSource      *_cc_source_before         (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         start,
                                          guint         last,
                                          guint         verb);

const char    *_cc_country_at_slow       (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         i,
                                          guint        *n);
const char    *_cc_country_before        (CcExtractor  *self,
                                          CcDoc        *doc,
                                          guint         first);
const char    *_cc_person_country        (CcExtractor  *self,
                                          CcDoc        *doc,
                                          const char   *surname);
void           _cc_source_settle_country (CcExtractor  *self,
                                          CcDoc        *doc,
                                          CcSource     *src);

/* _cc_doc_sentence_start() and _cc_doc_sentence_end(), inline: the
 * first token of @sentence and the one after its last, as the array of
 * sentences keeps them. */
static inline guint
cc_doc_sentence_start (CcDoc *doc,
                       guint  sentence)
{
  return g_array_index (doc->sentences, guint, sentence);
}

static inline guint
cc_doc_sentence_end (CcDoc *doc,
                     guint  sentence)
{
  return g_array_index (doc->sentences, guint, sentence + 1);
}

/* The 8 bytes at @word + @k, zero-padded past its end, as a block: for
 * a literal @word the compiler folds it to a constant, byte by byte. */
#define CC_WORD_BYTE(word, len, k, j) \
  ((k) + (j) < (len) ? (guint64)(guchar)(word)[(k) + (j)] << (8 * (j)) : 0)

G_ALWAYS_INLINE static inline guint64
cc_word_block (const char *word,
               gsize       k)
{
  gsize len = strlen (word);

  return CC_WORD_BYTE (word, len, k, 0) | CC_WORD_BYTE (word, len, k, 1) |
         CC_WORD_BYTE (word, len, k, 2) | CC_WORD_BYTE (word, len, k, 3) |
         CC_WORD_BYTE (word, len, k, 4) | CC_WORD_BYTE (word, len, k, 5) |
         CC_WORD_BYTE (word, len, k, 6) | CC_WORD_BYTE (word, len, k, 7);
}

/* Whether token @i is the word @word (lower case). A literal @word of
 * fewer than 16 bytes, as most are, is compared with the token's
 * zero-padded look-up form as one or two 8-byte blocks of constants,
 * the kind too, without a branch between them. */
G_ALWAYS_INLINE static inline gboolean
cc_is_word (CcDoc      *doc,
            guint       i,
            const char *word)
{
  const CcToken *tok;

  if (i >= doc->tokens->len)
    return FALSE;
  tok = CC_TOK (doc, i);
  if (__builtin_constant_p (strlen (word)) && strlen (word) < 8)
    return (tok->kind == CC_TOK_WORD) & (cc_lexicon_chunk (tok->low, 0) == cc_word_block (word, 0));
  if (__builtin_constant_p (strlen (word)) && strlen (word) < 16)
    return (tok->kind == CC_TOK_WORD) & (cc_lexicon_chunk (tok->low, 0) == cc_word_block (word, 0)) &
           (cc_lexicon_chunk (tok->low, 8) == cc_word_block (word, 8));
  if (tok->kind != CC_TOK_WORD || tok->low[0] != word[0])
    return FALSE;
  if (__builtin_constant_p (strlen (word)) && strlen (word) < CC_MAX_WORD)
    return memcmp (tok->low, word, strlen (word) + 1) == 0;
  return strcmp (tok->low, word) == 0;
}

/* g_str_has_suffix() for a literal @suffix, whose length the compiler
 * knows: one strlen() and a compare of a few bytes. */
static inline gboolean
cc_has_suffix (const char *str,
               const char *suffix)
{
  gsize len = strlen (str), n = strlen (suffix);

  return len >= n && memcmp (str + len - n, suffix, n) == 0;
}

/* The longest phrase of @set starting at token @i, its length in words to
 * @n (may be NULL); the token's marks answer "none" for most words without
 * a call. */
static inline const CcPhraseValue *
cc_doc_match (CcPhraseSet *set,
              CcDoc       *doc,
              guint        i,
              guint       *n)
{
  const CcToken *tok;
  const CcPhraseValue *alone;
  CcWord first, second;
  guint dummy;

  if (i >= doc->tokens->len || !cc_phrase_set_starts (set, CC_TOK (doc, i)->marks))
    return NULL;
  tok = CC_TOK (doc, i);
  /* most words that start a phrase start only one, of themselves */
  if ((alone = cc_phrase_set_alone (set, tok->word)) != NULL)
    {
      if (n != NULL)
        *n = 1;
      return alone;
    }
  /* the words as _cc_doc_word_at() gives them, without the calls */
  first = (CcWord) { .low = tok->low, .capitals = tok->capitals, .marks = tok->marks, .word = tok->word };
  if (i + 1 < doc->tokens->len)
    second = (CcWord) { .low = tok[1].low, .capitals = tok[1].capitals, .marks = tok[1].marks, .word = tok[1].word };
  return cc_phrase_set_match_words (set, &first, i + 1 < doc->tokens->len ? &second : NULL,
                                    _cc_doc_word_at, doc, i, n != NULL ? n : &dummy);
}

/* The first token of @i..@end-1 that may start a phrase of @set, by its
 * marks, or @end: the scans over a sentence for the few words that do
 * read the marks the tokenizer noted beside the tokens, sixteen to a
 * cache line. */
static inline guint
cc_doc_next_start (CcPhraseSet *set,
                   CcDoc       *doc,
                   guint        i,
                   guint        end)
{
  const guint32 *marks = doc->marks;
  guint32 mark = cc_phrase_set_first_mark (set);
  guint n = MIN (end, doc->tokens->len);

#ifdef __SSE2__
  /* eight tokens a step, the first of them with the mark found from a
   * mask of the lanes, without a branch per token */
  {
    const __m128i wanted = _mm_set1_epi32 ((int)mark);
    const __m128i zero = _mm_setzero_si128 ();

    for (; i + 8 <= n; i += 8)
      {
        __m128i a = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *)(const void *)(marks + i)), wanted);
        __m128i b = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *)(const void *)(marks + i + 4)), wanted);
        /* two bits for each token without the mark */
        guint none = (guint)_mm_movemask_epi8 (_mm_packs_epi32 (_mm_cmpeq_epi32 (a, zero),
                                                                _mm_cmpeq_epi32 (b, zero)));

        if (none != 0xFFFF)
          return i + (guint)__builtin_ctz (~none) / 2;
      }
  }
#endif
  /* four tokens a step, their marks tested at once */
  while (i + 4 <= n && !((marks[i] | marks[i + 1] | marks[i + 2] | marks[i + 3]) & mark))
    i += 4;
  while (i < n && !(marks[i] & mark))
    i++;
  return i < n ? i : end;
}

/* The size of the words of the short lists that code names: each, of at
 * most 15 letters, is zero-padded to it and compared as two 8-byte
 * blocks with a token's look-up form. */
#define CC_LIST_WORD 16
G_STATIC_ASSERT (CC_LIST_WORD <= CC_MAX_WORD);

/* Whether the token is one of the @n words of @words. */
gboolean cc_is_any_word (CcDoc      *doc,
                         guint       i,
                         const char  words[][CC_LIST_WORD],
                         gsize       n);

/* A filter of a list's words by their first 8 bytes, a bit of 256 each,
 * made the first time it is asked: most tokens fail it with one test,
 * and one that passes is compared with the word of its bit, or with the
 * whole list when several words share the bit. */
typedef struct
{
  gsize   made;
  guint64 bits[4];
  /* by bit: the place of its word in the list plus one, 0 for none,
   * CC_WORD_FILTER_SHARED for several */
  guint8  word[256];
} CcWordFilter;

#define CC_WORD_FILTER_SHARED 0xFF

void _cc_word_filter_make (CcWordFilter *filter,
                           const char    words[][CC_LIST_WORD],
                           gsize         n);

static inline guint
cc_word_filter_bit (const char *padded)
{
  return (guint)((cc_lexicon_chunk (padded, 0) * 0x9E3779B97F4A7C15ull) >> 56);
}

static inline gboolean
cc_is_any_word_filtered (CcDoc         *doc,
                         guint          i,
                         const char     words[][CC_LIST_WORD],
                         gsize          n,
                         CcWordFilter  *filter)
{
  const CcToken *tok;
  guint bit;

  if (i >= doc->tokens->len)
    return FALSE;
  tok = CC_TOK (doc, i);
  if (tok->kind != CC_TOK_WORD)
    return FALSE;
  if (g_once_init_enter (&filter->made))
    {
      _cc_word_filter_make (filter, words, n);
      g_once_init_leave (&filter->made, 1);
    }
  bit = cc_word_filter_bit (tok->low);
  if (!(filter->bits[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))))
    return FALSE;
  if (filter->word[bit] == CC_WORD_FILTER_SHARED)
    return cc_is_any_word (doc, i, words, n);
  /* zero-padded, as cc_is_any_word() compares them */
  return cc_lexicon_chunk (tok->low, 0) == cc_lexicon_chunk (words[filter->word[bit] - 1], 0) &&
         cc_lexicon_chunk (tok->low, 8) == cc_lexicon_chunk (words[filter->word[bit] - 1], 8);
}

/* Whether the token is one of the words of the array @list: each place
 * that asks has its own filter of the list. */
#define CC_IS_ANY_WORD(doc, i, list) \
  (__extension__ ({ static CcWordFilter cc_filter_; \
                    cc_is_any_word_filtered ((doc), (i), (list), G_N_ELEMENTS (list), &cc_filter_); }))

/* Whether the token is punctuation that stands in @chars: a mark of one
 * byte is looked for byte by byte, which the compiler unrolls for a
 * literal @chars; a longer one ("“") as a substring. */
static inline gboolean
cc_is_punct (CcDoc      *doc,
             guint       i,
             const char *chars)
{
  CcToken *tok;

  if (i >= doc->tokens->len)
    return FALSE;
  tok = CC_TOK (doc, i);
  if (tok->kind != CC_TOK_PUNCT || tok->low[0] == '\0')
    return FALSE;
  if (tok->low[1] == '\0')
    {
      for (const char *c = chars; *c != '\0'; c++)
        if (*c == tok->low[0])
          return TRUE;
      return FALSE;
    }
  return strstr (chars, tok->low) != NULL;
}

/* The country whose name starts at token @i, its length in words to @n
 * (may be NULL); most tokens start none, which their marks tell without
 * a call, and most that do are one alone, which the set tells. */
static inline const char *
_cc_country_at (CcExtractor *self,
                CcDoc       *doc,
                guint        i,
                guint       *n)
{
  const CcPhraseValue *alone;

  if (i >= doc->tokens->len || CC_TOK (doc, i)->kind != CC_TOK_WORD ||
      !cc_phrase_set_starts (self->lexicon->countries, CC_TOK (doc, i)->marks))
    return NULL;
  /* a word that is a country's name alone ("Russia") and starts no longer one */
  if ((alone = cc_phrase_set_alone (self->lexicon->countries, CC_TOK (doc, i)->word)) != NULL)
    {
      if (n != NULL)
        *n = 1;
      return alone->str;
    }
  return _cc_country_at_slow (self, doc, i, n);
}

/* Whether the token is a one-word entry of @set; its marks answer "no"
 * for most words without a look-up. */
static inline gboolean
cc_token_in (CcPhraseSet   *set,
             const CcToken *tok)
{
  CcWord word;

  if (!cc_phrase_set_starts (set, tok->marks))
    return FALSE;
  if (cc_phrase_set_alone (set, tok->word) != NULL)
    return TRUE;
  word = (CcWord) { .low = tok->low, .marks = tok->marks, .word = tok->word };
  return cc_phrase_set_has_word (set, &word);
}

static inline gboolean
cc_same_sentence (CcDoc *doc,
                  guint  a,
                  guint  b)
{
  return a < doc->tokens->len && b < doc->tokens->len &&
         CC_TOK (doc, a)->sentence == CC_TOK (doc, b)->sentence;
}

/* The few words that the walks over source phrases ask of nearly every
 * token, inline: a call would cost more than the answer. */
static inline gboolean
_cc_is_pronoun (CcDoc *doc,
                guint  first,
                guint  last)
{
  static const char pronouns[][CC_LIST_WORD] = { "he", "she", "they", "it", "we", "i" };

  return first == last && CC_IS_ANY_WORD (doc, first, pronouns);
}

static inline gboolean
_cc_source_is_pronoun (CcDoc          *doc,
                       const CcSource *src)
{
  return _cc_is_pronoun (doc, src->first, src->last);
}

static inline gboolean
_cc_is_determiner (CcDoc *doc,
                   guint  i)
{
  static const char determiners[][CC_LIST_WORD] = { "a", "an", "the", "its", "their", "his", "her",
                                                    "this", "these", "those", "our", "your" };

  return CC_IS_ANY_WORD (doc, i, determiners);
}

static inline gboolean
_cc_is_title (CcExtractor *self,
              CcDoc       *doc,
              guint        i)
{
  return cc_token_in (self->lexicon->titles, CC_TOK (doc, i));
}

/* cc-extractor-country.c: empties the memos of matches made for a
 * lexicon about to be freed */
void _cc_country_forget_lexicon (void);

G_END_DECLS
