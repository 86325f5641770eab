/* cc-extractor-doc.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document a text is read into: what the rest of the extractor asks
 * of its tokens and sentences, and how it is emptied for the next text
 * of the thread or freed. The tokenizer (cc-extractor-tokens.c) fills
 * it. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"

/* A doc kept for the next text keeps its buffers up to this many tokens
 * (64 bytes each); a longer text's are freed. */
#define DOC_KEEP_TOKENS (1u << 16)

gboolean
_cc_doc_word_at (gpointer  user_data,
                 guint     index,
                 CcWord   *word)
{
  CcDoc *doc = user_data;
  CcToken *tok;

  if (index >= doc->tokens->len)
    return FALSE;
  tok = CC_TOK (doc, index);
  word->low = tok->low;
  word->capitals = tok->capitals;
  word->marks = tok->marks;
  word->word = tok->word;
  return TRUE;
}

guint
_cc_doc_sentence_start (CcDoc *doc,
                        guint  sentence)
{
  return g_array_index (doc->sentences, guint, sentence);
}

guint
_cc_doc_sentence_end (CcDoc *doc,
                      guint  sentence)
{
  return g_array_index (doc->sentences, guint, sentence + 1);
}

char *
_cc_doc_span (CcDoc *doc,
              guint  first,
              guint  last)
{
  CcToken *a = CC_TOK (doc, first);
  CcToken *b = CC_TOK (doc, last);

  return g_strndup (doc->text + a->start, b->start + b->len - a->start);
}

/* @map emptied, in @kept */
static void
keep_map (CcDocMap *kept,
          CcDocMap *map)
{
  _cc_doc_map_empty (map);
  *kept = *map;
}

/* Frees what reading @doc made; the text and lexicon stay the caller's. */
void
_cc_doc_clear (CcDoc *doc)
{
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->sentences, g_array_unref);
  g_clear_pointer (&doc->paragraphs, g_array_unref);
  g_clear_pointer (&doc->candidates, g_array_unref);
  g_clear_pointer (&doc->country_starts, g_array_unref);
  g_clear_pointer (&doc->sources, g_ptr_array_unref);
  g_clear_pointer (&doc->relays, g_ptr_array_unref);
  _cc_doc_map_clear (&doc->people);
  _cc_doc_map_clear (&doc->people_country);
  _cc_doc_map_clear (&doc->speaker_days);
  _cc_doc_map_clear (&doc->country_cache);
  _cc_doc_map_clear (&doc->introduced);
  _cc_doc_map_clear (&doc->body_countries);
  g_clear_pointer (&doc->countries, g_free);
  g_clear_pointer (&doc->country_matched, g_free);
  g_clear_pointer (&doc->initials, g_free);
  g_clear_pointer (&doc->marks, g_free);
  g_clear_pointer (&doc->day_words, g_array_unref);
}

/* Empties @doc for another text: what reading the last one made is freed,
 * but its arrays, tables and buffers stay, with their room, unless a long
 * text made them large. */
void
_cc_doc_reset (CcDoc *doc)
{
  CcDoc kept = { 0 };

  if (doc->tokens->len > DOC_KEEP_TOKENS)
    {
      _cc_doc_clear (doc);
      *doc = kept;
      doc->tokens = g_array_new (FALSE, FALSE, sizeof (CcToken));
      doc->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      return;
    }

  kept.tokens = g_array_set_size (doc->tokens, 0);
  kept.sentences = g_array_set_size (doc->sentences, 0);
  if (doc->day_words != NULL)
    {
      kept.day_words = g_array_set_size (doc->day_words, 0);
      kept.paragraphs = g_array_set_size (doc->paragraphs, 0);
      kept.candidates = g_array_set_size (doc->candidates, 0);
      kept.country_starts = g_array_set_size (doc->country_starts, 0);
    }
  if (doc->sources != NULL)
    {
      g_ptr_array_set_size (doc->sources, 0);
      g_ptr_array_set_size (doc->relays, 0);
      kept.sources = doc->sources;
      kept.relays = doc->relays;
    }
  keep_map (&kept.people, &doc->people);
  keep_map (&kept.people_country, &doc->people_country);
  keep_map (&kept.speaker_days, &doc->speaker_days);
  keep_map (&kept.country_cache, &doc->country_cache);
  keep_map (&kept.introduced, &doc->introduced);
  keep_map (&kept.body_countries, &doc->body_countries);
  kept.countries = doc->countries;
  kept.country_matched = doc->country_matched;
  kept.countries_size = doc->countries_size;
  kept.initials = doc->initials;
  kept.marks = doc->marks;
  kept.initials_size = doc->initials_size;
  *doc = kept;
}

/* Out of line: called from many places, none of them hot enough to want
 * its own copy of the loop. */
gboolean
cc_is_any_word (CcDoc      *doc,
                guint       i,
                const char  words[][CC_LIST_WORD],
                gsize       n)
{
  const char *low;

  if (i >= doc->tokens->len || CC_TOK (doc, i)->kind != CC_TOK_WORD)
    return FALSE;
  /* zero-padded, as the words of the list are: the same first 16 bytes,
   * a NUL among them, make the same word */
  low = CC_TOK (doc, i)->low;
  {
    guint64 a = cc_lexicon_chunk (low, 0), b = cc_lexicon_chunk (low, 8);

    /* the first 8 bytes tell nearly every word apart: one branch a word */
    for (gsize k = 0; k < n; k++)
      if (a == cc_lexicon_chunk (words[k], 0) && b == cc_lexicon_chunk (words[k], 8))
        return TRUE;
  }
  return FALSE;
}
