/* cc-lexicon-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inside of a phrase set, which cc-lexicon.c builds from the word
 * lists and cc-phrase-set.c matches against a text's words. */

#pragma once

#include "cc-lexicon.h"

G_BEGIN_DECLS

typedef struct
{
  char          **words;
  /* the same words zero-padded, as a token's are; a word too long for a
   * token starts with 0xFF, which no UTF-8 text holds */
  char          (*padded)[CC_LEXICON_WORD];
  guint           n_words;
  /* written in capitals in the list: matches only capitals in the text */
  gboolean        capitals;
  /* the first 8 bytes of the padded second word, 0 for one word: a long
   * list of phrases with one first word is mostly passed over on them */
  guint64         second;
  CcPhraseValue   value;
} Phrase;

/* What a match tries of a phrase before it reads the phrase itself: the
 * phrases of one first word lie side by side, longest first, so that
 * those of more than one word come before the others. */
typedef struct
{
  Phrase  *phrase;
  guint16  n_words;
  guint16  capitals;
  /* in the first of a first word's phrases: how many of them have more
   * than one word */
  guint32  n_multi;
} PhraseRef;

/* The phrases of more than one word of a first word, again, by their
 * second word: a match looks its second word up among them instead of
 * trying them all ("south" starts dozens of countries' names). */
typedef struct
{
  guint64  second;
  guint64  third;    /* the first 8 bytes of the third word, 0 for none */
  guint32  ref;      /* the phrase's place among the first word's */
} SecondRef;

typedef struct
{
  char       word[CC_LEXICON_WORD];
  /* the word's phrases: refs[start] and the n_refs after it; an empty
   * slot has none */
  guint32    start;
  guint32    n_refs;
} FirstWord;

struct _CcPhraseSet
{
  /* this set's bits in the lexicon's marks: first words, last words */
  CcPhraseSetMarks head;
  /* first word → GPtrArray of Phrase, longest first */
  GHashTable *by_first;
  /* last word → GPtrArray of Phrase, longest first */
  GHashTable *by_last;
  GPtrArray  *phrases;
  /* the phrases' strings, one copy of each: a country's aliases share
   * its name, which a caller may compare as a pointer */
  GHashTable *strings;
  /* by_first again, keyed by the zero-padded word: the look-up of every
   * match, a hash of four 8-byte blocks and a compare of as many */
  FirstWord  *firsts;
  guint       n_firsts;
  PhraseRef  *refs;
  /* for the phrases of each first word at refs[start], their SecondRefs at
   * by_second[start], sorted by second word and then by place */
  SecondRef  *by_second;
  /* by the place of a word in the lexicon's words: the list of by_last
   * it ends, or NULL (sets matched backwards only) */
  GPtrArray **last_by_word;
  /* by the place of a word in the lexicon's words: the phrases it starts,
   * the first of refs (high 24 bits) and their number (low 8), 0 for
   * none; one look-up for a token, which knows its word's place */
  guint32    *range_by_word;
};

/* The entry of @set's table of first words for @padded, a word
 * zero-padded to CC_LEXICON_WORD bytes, or NULL. */
const FirstWord *_cc_phrase_set_find_first_word (const CcPhraseSet *set,
                                                 const char        *padded);

G_END_DECLS
