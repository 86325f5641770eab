/* cc-lexicon.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A set of lower-case phrases of one or more words, each with a value,
 * matched word by word against a token stream. */
typedef struct _CcPhraseSet CcPhraseSet;

/* The head every phrase set begins with: its bits in the lexicon's marks,
 * for words that start or end one of its phrases. */
typedef struct
{
  guint32 first_mark;
  guint32 last_mark;
} CcPhraseSetMarks;

typedef struct
{
  guint32     hash;
  guint32     len;
  const char *word;
  guint32     marks;
} CcMarkSlot;

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
  CcMarkSlot  *slots;
  guint        n_slots;
} CcLexicon;

typedef struct
{
  double      low;
  double      high;
  const char *str;
  int         status;
} CcPhraseValue;

typedef struct
{
  const char *low;      /* the word in lower case */
  gboolean    capitals; /* written in capitals only ("US", "NATO") */
  guint32     marks;    /* cc_lexicon_marks() of the word */
} CcWord;

/* Fills @word with the word at @index; FALSE past the end. */
typedef gboolean (*CcWordAt) (gpointer  user_data,
                              guint     index,
                              CcWord   *word);

/* What the lexicon knows of @word: a bit per phrase set it may start or
 * end a phrase of. Zero for most words of a text. */
guint32              cc_lexicon_marks          (CcLexicon    *lexicon,
                                                const char   *word);
guint32              cc_lexicon_marks_hashed   (CcLexicon    *lexicon,
                                                const char   *word,
                                                gsize         len,
                                                guint32       hash);
/* FNV-1a, as cc_lexicon_marks_hashed() wants it. */
guint32              cc_lexicon_hash           (const char   *word,
                                                gsize         len);
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
/* Longest phrase of @set ending at word @last (inclusive). */
const CcPhraseValue *cc_phrase_set_match_back  (CcPhraseSet  *set,
                                                CcWordAt      word_at,
                                                gpointer      user_data,
                                                guint         last,
                                                guint        *n_words);
/* The value of the one-word phrase @word. */
const CcPhraseValue *cc_phrase_set_lookup      (CcPhraseSet  *set,
                                                const char   *word);
gboolean             cc_phrase_set_contains    (CcPhraseSet  *set,
                                                const char   *word);
/* Whether a word with @marks may start a phrase of @set; inline, as it is
 * asked of nearly every word of a text. */
static inline gboolean
cc_phrase_set_starts (CcPhraseSet *set,
                      guint32      marks)
{
  return (marks & ((const CcPhraseSetMarks *)set)->first_mark) != 0;
}

G_END_DECLS
