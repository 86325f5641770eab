/* cc-lexicon.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* A set of lower-case phrases of one or more words, each with a value,
 * matched word by word against a token stream. */
typedef struct _CcPhraseSet CcPhraseSet;

/* The size of a word's look-up buffer: words are kept zero-padded to it. */
#define CC_LEXICON_WORD 32
/* The room for a word in the table of marks, zero-padded: a word fills
 * one cache line. Longer words are not kept. */
#define CC_LEXICON_WORD_MARKED 48

/* A word of the table of marks. */
typedef struct
{
  guint32     hash;
  guint32     len;
  guint32     marks;
  guint32     unused;
  char        word[CC_LEXICON_WORD_MARKED]; /* zero-padded */
} CcMarkSlot;

/* A word of fewer than 16 bytes in the table of marks, in the slot of
 * the table it holds: its look-up form and what a look-up gives, read
 * at once. */
typedef struct
{
  char        word[16];  /* zero-padded; all zero in an empty slot */
  guint32     marks;
  guint16     place;     /* the word's place in words plus one */
  guint8      unused[10];
} CcShortSlot;

typedef struct
{
  /* lexicon.json */
  CcPhraseSet *people_nouns;
  CcPhraseSet *number_words;
  CcPhraseSet *scales;
  CcPhraseSet *vague_amounts;
  CcPhraseSet *qualifiers;
  CcPhraseSet *status_words;
  CcPhraseSet *hedges;
  CcPhraseSet *stop_words;
  CcPhraseSet *attribution_verbs;
  CcPhraseSet *attribution_adverbs;
  CcPhraseSet *source_words;
  CcPhraseSet *source_org_words;
  CcPhraseSet *source_phrase_stops;
  CcPhraseSet *people_verbs;
  CcPhraseSet *non_agent_nouns;
  CcPhraseSet *count_nouns;
  CcPhraseSet *count_links;
  CcPhraseSet *day_words;
  CcPhraseSet *document_nouns;
  CcPhraseSet *withdraw_verbs;
  /* gazetteer.json */
  CcPhraseSet *countries;
  CcPhraseSet *bodies;
  CcPhraseSet *demonyms;
  CcPhraseSet *titles;
  /* country → its adjective ("France" → "French") */
  GHashTable  *adjectives;

  /* word → the sets it starts or ends a phrase of (bits), so that most
   * words are dismissed with one look-up */
  GHashTable  *marks;
  /* a cuckoo table of n_slots entries, each 0 for none or
   * cc_lexicon_tag() of a word's hash in its high 16 bits and the word's
   * index in words in its low 16: a word sits in the slot its hash's
   * high bits give (hash >> slot_shift) or in cc_mark_table_other() of
   * it, and is read only when its tag matches */
  guint32     *slots;
  guint        n_slots;
  guint        slot_shift; /* 32 less the bits of a slot's index */
  CcMarkSlot  *words;
  /* the words of fewer than 16 bytes again, each in the slot it holds
   * in slots, so that a look-up of a short word compares the word in
   * its two slots at once */
  CcShortSlot *short_slots;
  guint        n_words;
  /* the marks of a word that is a quantity of number_words or
   * vague_amounts alone, and of the second word of a longer one */
  guint32      quantity_alone_mark;
  guint32      quantity_second_mark;
  /* the marks of each one-byte ASCII word, punctuation above all, and
   * its place in words plus one, or 0 */
  guint32      ascii_marks[128];
  guint16      ascii_words[128];
} CcLexicon;

typedef struct
{
  double      low;
  double      high;
  const char *str;      /* one copy in a set for all its phrases of the same */
  int         status;
} CcPhraseValue;

/* The head every phrase set begins with, read inline: its bits in the
 * lexicon's marks, for words that start or end one of its phrases, and,
 * by the place of a word in the lexicon (CcWord.word - 1), the phrase of
 * one word it is when that is all a match can find there: it starts no
 * longer phrase, and the phrase is not one of capitals only. NULL for
 * any other word, which only a match can tell. */
typedef struct
{
  guint32                      first_mark;
  guint32                      last_mark;
  const CcPhraseValue * const *alone;
} CcPhraseSetMarks;


typedef struct
{
  const char *low;      /* the word in lower case, zero-padded to CC_LEXICON_WORD bytes */
  gboolean    capitals; /* written in capitals only ("US", "NATO") */
  guint32     marks;    /* cc_lexicon_marks() of the word */
  guint       word;     /* cc_lexicon_find_hashed() of the word, 0 when not known */
} CcWord;

/* Fills @word with the word at @index; FALSE past the end. */
typedef gboolean (*CcWordAt) (gpointer  user_data,
                              guint     index,
                              CcWord   *word);

/* What the lexicon knows of @word: a bit per phrase set it may start or
 * end a phrase of. Zero for most words of a text. */
guint32              cc_lexicon_marks          (CcLexicon    *lexicon,
                                                const char   *word);
CcLexicon           *cc_lexicon_new_from_bytes (GBytes       *lexicon,
                                                GBytes       *gazetteer,
                                                GError      **error);
void                 cc_lexicon_free           (CcLexicon    *lexicon);
/* Longest phrase of @set starting at word @index; its length in words goes
 * to @n_words. */
const CcPhraseValue *cc_phrase_set_match       (CcPhraseSet  *set,
                                                CcWordAt      word_at,
                                                gpointer      user_data,
                                                guint         index,
                                                guint        *n_words);
/* cc_phrase_set_match() of a caller that has the first two words at
 * hand (@second NULL at the end); @word_at gives the words after them. */
const CcPhraseValue *cc_phrase_set_match_words (CcPhraseSet  *set,
                                                const CcWord *first,
                                                const CcWord *second,
                                                CcWordAt      word_at,
                                                gpointer      user_data,
                                                guint         index,
                                                guint        *n_words);
/* Whether a phrase of @set may start with @first, followed by @second
 * (NULL at the end of the text): FALSE only when cc_phrase_set_match()
 * surely finds none, from the phrases' first two words alone. */
gboolean             cc_phrase_set_may_start   (CcPhraseSet  *set,
                                                const CcWord *first,
                                                const CcWord *second);
/* Longest phrase of @set ending at word @last (inclusive). */
const CcPhraseValue *cc_phrase_set_match_back  (CcPhraseSet  *set,
                                                CcWordAt      word_at,
                                                gpointer      user_data,
                                                guint         last,
                                                guint        *n_words);
/* The value of the one-word phrase @word. */
const CcPhraseValue *cc_phrase_set_lookup      (CcPhraseSet  *set,
                                                const char   *word);
/* Whether @word, as a word-at function gives it, is a one-word phrase
 * of @set: found by its place in the lexicon when it has one. */
gboolean             cc_phrase_set_has_word    (CcPhraseSet  *set,
                                                const CcWord *word);
/* Words are hashed and compared 8 bytes at a time, zero-padded to a
 * multiple of 8 as the tokenizer keeps them: a word of @len bytes at
 * @padded is followed by zeros up to the next multiple of 8. */
static inline guint64
cc_lexicon_chunk (const char *padded,
                  gsize       k)
{
  guint64 v;

  memcpy (&v, padded + k, sizeof v);
  return v;
}

/* Whether the 8 bytes @v hold a zero byte, the end of a padded word. */
static inline gboolean
cc_lexicon_chunk_ends (guint64 v)
{
  return ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0;
}

/* Whether two words zero-padded to CC_LEXICON_WORD bytes, each shorter
 * than that, are the same: compared 8 bytes at a time up to the block
 * that ends them. */
static inline gboolean
cc_lexicon_padded_equal (const char *a,
                         const char *b)
{
  for (gsize k = 0; k < CC_LEXICON_WORD; k += 8)
    {
      guint64 v = cc_lexicon_chunk (a, k);

      if (v != cc_lexicon_chunk (b, k))
        return FALSE;
      if (cc_lexicon_chunk_ends (v))
        return TRUE;
    }
  return TRUE;
}

/* The hash of the table of marks, of a word zero-padded to a multiple
 * of 8: the sum of its 8-byte blocks, each multiplied by an odd constant
 * of its own, of which the high 32 bits are kept. The products carry
 * every bit of a block into those high bits. The zero blocks past a
 * word's end add nothing, so that a word of up to 16 bytes is hashed
 * from a register in two products (cc_lexicon_hash_pair()). */
#define CC_LEXICON_HASH_KEY(k) (0x9E3779B97F4A7C15ull + (guint64)(k) * 0x85EBCA77C2B2AE3Eull)

static inline guint32
cc_lexicon_hash_pair (guint64 first,
                      guint64 second)
{
  return (guint32)((first * CC_LEXICON_HASH_KEY (0) + second * CC_LEXICON_HASH_KEY (1)) >> 32);
}

/* The hash cc_lexicon_find_hashed() wants, of a word of @len bytes
 * zero-padded to a multiple of 8. */
static inline guint32
cc_lexicon_hash_padded (const char *padded,
                        gsize       len)
{
  guint64 h = 0;

  for (gsize k = 0; k < len; k += 8)
    h += cc_lexicon_chunk (padded, k) * CC_LEXICON_HASH_KEY (k / 8);
  return (guint32)(h >> 32);
}

/* cc_lexicon_hash_padded() of a word zero-padded to CC_LEXICON_WORD bytes
 * and shorter than that, whose length the caller does not have: of its
 * blocks up to the one that ends it. The phrase sets' tables of first
 * words take their slot from its low bits. */
static inline guint32
cc_lexicon_hash_word (const char *padded)
{
  guint64 h = 0;

  for (gsize k = 0; k < CC_LEXICON_WORD; k += 8)
    {
      guint64 v = cc_lexicon_chunk (padded, k);

      h += v * CC_LEXICON_HASH_KEY (k / 8);
      if (cc_lexicon_chunk_ends (v))
        break;
    }
  return (guint32)(h >> 32);
}

/* The tag of a word in the table of marks: the low bits of @hash, which
 * its index, taken from the high bits of a table of at most 65,536
 * slots, does not use; never 0. */
static inline guint16
cc_lexicon_tag (guint32 hash)
{
  return (guint16)hash | 1;
}

/* cc_lexicon_marks() of the zero-padded word @padded of @len bytes, whose
 * cc_lexicon_hash_padded() the caller has, with the word's place in the lexicon
 * plus one, or 0, to @word, by which phrase sets find its phrases without
 * a look-up of their own: inline, as the tokenizer asks it of every
 * word. */
/* What a look-up of marks reads of the lexicon, for a caller to keep in
 * a local of its own: the compiler then need not read it again after
 * every byte the caller stores. */
typedef struct
{
  const guint32    *slots;
  const CcMarkSlot *words;
  const CcShortSlot *short_slots;
  guint             mask;
  guint             shift;   /* the slot of a hash: hash >> shift */
} CcMarkTable;

static inline CcMarkTable
cc_lexicon_mark_table (const CcLexicon *lexicon)
{
  return (CcMarkTable) { lexicon->slots, lexicon->words, lexicon->short_slots,
                         lexicon->n_slots - 1, lexicon->slot_shift };
}

/* A word of the table of marks sits in one of two slots: the one the
 * high bits of its hash give, or the other, this one's index with the
 * low bits of its tag flipped, as this gives it from either. The tag is
 * the low bits of the hash, which the index does not use: three
 * operations, which the tokenizer does for every word. */
static inline guint
cc_mark_table_other (guint   slot,
                     guint16 tag,
                     guint   mask)
{
  return slot ^ ((tag | 1) & mask);
}

static inline guint32
cc_mark_table_find (const CcMarkTable *table,
                    const char        *padded,
                    gsize              len,
                    guint32            hash,
                    guint16           *word)
{
  guint16 tag = cc_lexicon_tag (hash);
  guint i = hash >> table->shift;

  for (guint k = 0; k < 2; k++, i = cc_mark_table_other (i, tag, table->mask))
    {
      guint32 e = table->slots[i];
      const CcMarkSlot *slot;
      gsize b = 0;

      if ((e >> 16) != tag)
        continue;
      slot = &table->words[e & 0xFFFF];
      if (slot->hash != hash || slot->len != len)
        continue;
      while (b < len && cc_lexicon_chunk (slot->word, b) == cc_lexicon_chunk (padded, b))
        b += 8;
      if (b >= len)
        {
          *word = (e & 0xFFFF) + 1;
          return slot->marks;
        }
    }

  *word = 0;
  return 0;
}

static inline guint32
cc_lexicon_find_hashed (const CcLexicon *lexicon,
                        const char      *padded,
                        gsize            len,
                        guint32          hash,
                        guint16         *word)
{
  CcMarkTable table = cc_lexicon_mark_table (lexicon);

  return cc_mark_table_find (&table, padded, len, hash, word);
}

/* The bit of the marks of words that start a phrase of @set. */
static inline guint32
cc_phrase_set_first_mark (CcPhraseSet *set)
{
  return ((const CcPhraseSetMarks *)set)->first_mark;
}

/* The phrase of @set that a word, of the place @word in the lexicon plus
 * one (0 for none) and marked as starting one, is alone, or NULL when
 * only cc_phrase_set_match() can tell (see CcPhraseSetMarks). */
static inline const CcPhraseValue *
cc_phrase_set_alone (CcPhraseSet *set,
                     guint        word)
{
  const CcPhraseSetMarks *head = (const CcPhraseSetMarks *)set;

  return word != 0 && head->alone != NULL ? head->alone[word - 1] : NULL;
}

/* Whether a word with @marks may start a phrase of @set; inline, as it is
 * asked of nearly every word of a text. */
static inline gboolean
cc_phrase_set_starts (CcPhraseSet *set,
                      guint32      marks)
{
  return (marks & ((const CcPhraseSetMarks *)set)->first_mark) != 0;
}

G_END_DECLS
