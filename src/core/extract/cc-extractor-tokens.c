/* cc-extractor-tokens.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extractor's tokenizer: one pass over the text that cuts it into
 * words, numbers and punctuation with their byte and character offsets,
 * and into sentences. It allocates nothing per token but the token itself
 * in one growing array, so that it keeps up with large libraries, and it
 * checks the text's UTF-8 on the way: ASCII, most of a text, is read 16
 * bytes or one byte at a time through classes of bytes, and only other
 * characters are decoded. The readers of the words, numbers and dates
 * that its run of short words leaves are in cc-extractor-words.c. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cc-extractor-words.h"

#ifdef __SSE2__
/* The first @n bytes of 16 set, for n from 0 to 16. */
static const guint8 prefix_bytes[17][16] = {
#define P(n) { [0 ... (n) - 1] = 0xFF }
  { 0 }, P (1), P (2), P (3), P (4), P (5), P (6), P (7), P (8),
  P (9), P (10), P (11), P (12), P (13), P (14), P (15), P (16),
#undef P
};

/* A token's marks, word and the padding after them are a copy of a short
 * slot's marks, place and the padding after them. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcShortSlot, place) == G_STRUCT_OFFSET (CcShortSlot, marks) + 4);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, word) == G_STRUCT_OFFSET (CcToken, marks) + 4);
/* and its start and len, its cstart and clen, and its sentence, kind,
 * scale and flags, are each written as one block of 8 bytes */
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, kind) == G_STRUCT_OFFSET (CcToken, sentence) + 4);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, scale) == G_STRUCT_OFFSET (CcToken, sentence) + 5);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, flag_bits) == G_STRUCT_OFFSET (CcToken, sentence) + 6);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, marks) == G_STRUCT_OFFSET (CcToken, sentence) + 8);
G_STATIC_ASSERT (CC_TOK_WORD == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, len) == G_STRUCT_OFFSET (CcToken, start) + 4);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CcToken, clen) == G_STRUCT_OFFSET (CcToken, cstart) + 4);
#endif

/* Notes in @sentence's flags the rare words @marks says a word is. */
static G_GNUC_NO_INLINE void
mark_sentence (CcDoc   *doc,
               guint32  sentence,
               guint32  marks,
               guint32  day_mark,
               guint32  withdraw_mark)
{
  guint8 flags = ((marks & day_mark) ? CC_SENTENCE_DAY : 0) |
                 ((marks & withdraw_mark) ? CC_SENTENCE_WITHDRAW : 0);

  if (doc->day_words->len <= sentence)
    g_array_set_size (doc->day_words, sentence + 1);
  g_array_index (doc->day_words, guint8, sentence) |= flags;
}

/* Appends @value to @array, of which the first @n elements are in use:
 * the array grows ahead in doublings and is cut to @n at the end, so that
 * an append is a store. */
static G_GNUC_NO_INLINE void
grow_uint (GArray *array,
           guint   n)
{
  g_array_set_size (array, MAX (16, 2 * n));
}

static inline void
push_uint (GArray *array,
           guint  *n,
           guint   value)
{
  if (G_UNLIKELY (*n == array->len))
    grow_uint (array, *n);
  g_array_index (array, guint, (*n)++) = value;
}

/* Gives the initials and marks room for @room tokens, and the initials
 * a NUL after them: the tokenizer notes there each token's first byte of
 * its look-up form and its marks as it stores the token, so that the
 * searches for a name's mentions and the scans of a sentence for the
 * words of a list read a byte or four a token, not the token's cache
 * line. */
static void
reserve_per_token (CcDoc *doc,
                   guint  room)
{
  if (doc->initials_size < room + 1)
    {
      doc->initials_size = MAX (room + 1, 2 * doc->initials_size);
      doc->initials = g_realloc (doc->initials, doc->initials_size);
      doc->marks = g_renew (guint32, doc->marks, doc->initials_size);
    }
}

/* The lists the tokenizer makes besides its tokens, with the marks that
 * put a word on them. */
typedef struct
{
  guint   n_candidates;
  guint   n_country_starts;
  guint32 quantity_marks;  /* a word that may start a quantity */
  guint32 country_mark;    /* one that may start a country's name */
  guint32 day_mark;        /* one that flags its sentence */
  guint32 withdraw_mark;
} Lists;

/* Puts the token @index, of @marks, on the lists that want it: out of
 * line, as one word in several is, and shared by both of the
 * tokenizer's paths. */
static G_GNUC_NO_INLINE void
list_word (CcDoc   *doc,
           Lists   *lists,
           guint    index,
           guint32  marks,
           gboolean upper,
           guint32  sentence)
{
  if (marks & lists->quantity_marks)
    push_uint (doc->candidates, &lists->n_candidates, index);
  if (index < CC_LEAD_TOKENS && (marks & lists->country_mark) && upper)
    push_uint (doc->country_starts, &lists->n_country_starts, index);
  if (marks & (lists->day_mark | lists->withdraw_mark))
    mark_sentence (doc, sentence, marks, lists->day_mark, lists->withdraw_mark);
}

/* Reads the word of ASCII letters at @p into @tok, the token @index, as
 * the general path of _cc_doc_tokenize() reads it, with its marks and on
 * its lists, at the character offset @cstart: a word the run of short
 * words leaves ("U.S.", "Jang-won", "G7", "Russia’s", a long word) is
 * read here, from the run or from the general path. NULL, leaving @tok
 * for the general path with its place and sentence, when
 * _cc_read_ascii_word() leaves it. */
static G_GNUC_NO_INLINE const char *
read_word_token (CcDoc             *doc,
                 Lists             *lists,
                 const CcMarkTable *table,
                 CcToken           *tok,
                 guint              index,
                 const char        *p,
                 const char        *end,
                 guint32            cstart,
                 guint32            sentence,
                 gboolean           in_quote)
{
  const char *next;
  guint32 hash = 0, listed;
  guint low_len;

  memset (tok, 0, sizeof *tok);
  tok->start = p - doc->text;
  tok->cstart = cstart;
  tok->sentence = sentence;
  next = NULL;
#ifdef __SSE2__
  /* the commonest of these, fewer than 16 letters followed by a
   * character past ASCII ("Russia’s", "threat”"), is read 16 bytes at
   * once up to that character, as _cc_read_ascii_word() would read it */
  if (end - p >= 16)
    {
      const __m128i case_bit = _mm_set1_epi8 (0x20);
      __m128i v = _mm_loadu_si128 ((const __m128i *)(const void *)p);
      __m128i x = _mm_or_si128 (v, case_bit);
      __m128i letter = _mm_cmplt_epi8 (_mm_add_epi8 (x, _mm_set1_epi8 (0x80 - 'a')),
                                       _mm_set1_epi8 (-128 + 26));
      guint letters = (guint)_mm_movemask_epi8 (letter);
      guint len = (guint)__builtin_ctz (~letters);

      if (len < 16 && (byte_class[(guchar)p[len]] & BYTE_HIGH))
        {
          guint word = (1u << len) - 1;
          guint lower = (guint)_mm_movemask_epi8 (_mm_and_si128 (letter, _mm_cmpeq_epi8 (v, x)));

          _mm_storeu_si128 ((__m128i *)(void *)tok->low,
                            _mm_and_si128 (_mm_or_si128 (v, _mm_and_si128 (letter, case_bit)),
                                           _mm_loadu_si128 ((const __m128i *)(const void *)
                                                            prefix_bytes[len])));
          next = _cc_read_typographic_word (tok, p, len, (lower & word) != 0,
                                        (letters & ~lower & word) != 0, FALSE, &hash, &low_len);
          if (next == NULL)
            return NULL;
        }
    }
#endif
  if (next == NULL && (next = _cc_read_ascii_word (tok, p, end, &hash, &low_len)) == NULL)
    return NULL;
  tok->upper = (byte_class[(guchar)*p] & BYTE_UPPER) != 0;
  tok->in_quote = in_quote;
  if (tok->low[0] != '\0')
    tok->marks = cc_mark_table_find (table, tok->low, low_len, hash, &tok->word);
  doc->initials[index] = tok->low[0];
  doc->marks[index] = tok->marks;
  /* a hyphenated word may start a quantity whatever its marks */
  listed = tok->marks;
  if (tok->hyphen)
    {
      push_uint (doc->candidates, &lists->n_candidates, index);
      listed &= ~lists->quantity_marks;
    }
  if (listed & (lists->quantity_marks | lists->country_mark | lists->day_mark |
                lists->withdraw_mark))
    list_word (doc, lists, index, listed, tok->upper, sentence);
  return next;
}

#ifdef __SSE2__
/* Stores the short word at @p, of @len letters, whose 16 bytes are @v,
 * with their case bits set @x, their letters @letter and the mask of
 * them @letters, into @tok, the token @index, with the head @heads[0]
 * and the flags of its own, its marks and its look-up form, and lists
 * it: inlined in both of the run's paths, the one of a word followed
 * by a space and the one of a word followed by anything else, so that
 * neither asks again which it is. */
static inline __attribute__ ((always_inline)) void
store_short_word (CcDoc             *doc,
                  Lists             *lists,
                  const CcMarkTable *table,
                  CcToken           *tok,
                  guint              index,
                  const char        *text,
                  const char        *p,
                  gsize              len,
                  __m128i            v,
                  __m128i            x,
                  __m128i            letter,
                  guint              letters,
                  const guint64     *heads,
                  guint32            skew,
                  guint32            sentence,
                  guint32            listed,
                  char              *initials,
                  guint32           *marks_of)
{
  const __m128i case_bit = _mm_set1_epi8 (0x20);
  __m128i folded;
  const CcShortSlot *a, *b;
  guint lower, i, in_a, in_b;
  guint32 hash;
  guint64 head, found, a_found, b_found, offsets;

  /* a letter is lower case where setting its case bit changes
   * nothing; the first byte is a letter, so that a word without a
   * lower-case one is all capitals */
  lower = (guint)_mm_movemask_epi8 (_mm_and_si128 (letter, _mm_cmpeq_epi8 (v, x)));
  /* its head of sentence, kind and flags, by two conditional moves:
   * @heads[1] with the flag of a capital letter first, @heads[2] with
   * that of capitals alone besides; letters ^ (letters + 1) is the
   * word's bytes and the one after */
  head = heads[0];
  head = (lower & 1) == 0 ? heads[1] : head;
  head = (lower & (letters ^ (letters + 1))) == 0 ? heads[2] : head;
  folded = _mm_and_si128 (_mm_or_si128 (v, _mm_and_si128 (letter, case_bit)),
                          _mm_loadu_si128 ((const __m128i *)(const void *)prefix_bytes[len]));

  /* cc_lexicon_hash_padded() of the folded word, from its register:
   * the high half is zero for a word of up to 8 bytes */
  hash = cc_lexicon_hash_pair ((guint64)_mm_cvtsi128_si64 (folded),
                               (guint64)_mm_cvtsi128_si64 (_mm_unpackhi_epi64 (folded, folded)));
  i = hash >> table->shift;
  a = &table->short_slots[i];
  b = &table->short_slots[cc_mark_table_other (i, cc_lexicon_tag (hash), table->mask)];
  /* the marks of the slot whose 16 bytes are all the same, if any,
   * by two conditional moves: both are the same slot when they are
   * the same */
  in_a = (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (
           _mm_load_si128 ((const __m128i *)(const void *)a->word), folded));
  in_b = (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (
           _mm_load_si128 ((const __m128i *)(const void *)b->word), folded));
  memcpy (&a_found, &a->marks, sizeof a_found);
  memcpy (&b_found, &b->marks, sizeof b_found);
  found = in_a == 0xFFFF ? a_found : 0;
  found = in_b == 0xFFFF ? b_found : found;

  /* start and len, then cstart and clen, as two blocks of 8 */
  offsets = (guint64)(guint32)(p - text) | (guint64)len << 32;
  memcpy (&tok->start, &offsets, sizeof offsets);
  offsets -= skew;
  memcpy (&tok->cstart, &offsets, sizeof offsets);
  memcpy (&tok->sentence, &head, sizeof head);
  memcpy (&tok->marks, &found, sizeof found);
  _mm_storeu_si128 ((__m128i *)(void *)tok->low, folded);
  _mm_storeu_si128 ((__m128i *)(void *)(tok->low + 16), _mm_setzero_si128 ());
  initials[index] = (char)_mm_cvtsi128_si32 (folded);
  marks_of[index] = (guint32)found;
  /* the commonest of the words listed, those that may start a
   * quantity or, in the lead, a country's name, are listed here, in
   * the room the candidates keep for every token and the country
   * starts for the lead, as list_word() lists them */
  if (G_UNLIKELY ((guint32)found & listed))
    {
      if ((guint32)found & (lists->day_mark | lists->withdraw_mark))
        list_word (doc, lists, index, (guint32)found, (lower & 1) == 0, sentence);
      else
        {
          if ((guint32)found & lists->quantity_marks)
            g_array_index (doc->candidates, guint, lists->n_candidates++) = index;
          if (((guint32)found & listed & lists->country_mark) && (lower & 1) == 0 &&
              index < CC_LEAD_TOKENS)
            g_array_index (doc->country_starts, guint, lists->n_country_starts++) = index;
        }
    }
}

/* Reads the run of short ASCII words, each followed by one plain space
 * or by a mark of ASCII punctuation and a space ("word, "), that starts
 * at *@pp, into the tokens from *@tokp up to @limit; stops at the first
 * of anything else, after a word followed by anything else, or at
 * @limit. The commonest stretch of a text goes through this loop alone,
 * with its state in registers.
 *
 * A short word is one of fewer than 16 ASCII letters, ended by a byte
 * that is no digit and does not join it to more, with 16 bytes of text
 * from its start: read 16 bytes at once, it gets its kind,
 * lengths, flags, look-up form and marks as _cc_read_ascii_word() and a
 * look-up make them. Its marks come from the short words of its two
 * slots of the table, which lie in the same cache line as their marks,
 * compared at once without a branch: whether a word is in the lexicon,
 * and where, is as hard to foresee as the word. A longer word of the
 * lexicon is in no short slot. */
static inline void
read_word_run (CcDoc             *doc,
               Lists             *lists,
               const CcMarkTable *table,
               CcToken          **tokp,
               CcToken           *limit,
               const char       **pp,
               const char        *end,
               guint32           *cposp,
               guint32            sentence,
               gboolean           in_quote)
{
  const char *text = doc->text;
  const char *p = *pp;
  CcToken *tok = *tokp;
  guint index = tok - (CcToken *)(void *)doc->tokens->data;
  char *initials = doc->initials;
  guint32 *marks_of = doc->marks;
  /* the run is ASCII: a token's character offset is its byte offset
   * less this */
  guint32 skew = (guint32)(p - text) - *cposp;
  /* a token's sentence, kind, scale and flags, as one block of 8 bytes,
   * less the flags of its own */
  guint64 head = sentence | (guint64)CC_TOK_WORD << 32 |
                 (guint64)(in_quote ? CC_TOKEN_IN_QUOTE : 0) << 48;
  /* the heads of a word, as store_short_word() takes them, without a
   * flag of its own, with that of a capital first, and with that of
   * capitals alone besides; of a word followed by a space, with its
   * flag */
  const guint64 heads[3] = {
    head, head | (guint64)CC_TOKEN_UPPER << 48,
    head | (guint64)(CC_TOKEN_UPPER | CC_TOKEN_CAPITALS) << 48,
  };
  const guint64 spaced_heads[3] = {
    heads[0] | (guint64)CC_TOKEN_SPACE_AFTER << 48,
    heads[1] | (guint64)CC_TOKEN_SPACE_AFTER << 48,
    heads[2] | (guint64)CC_TOKEN_SPACE_AFTER << 48,
  };
  /* the country starts are listed in the lead only */
  guint32 listed = lists->quantity_marks | lists->day_mark | lists->withdraw_mark |
                   (index < CC_LEAD_TOKENS ? lists->country_mark : 0);
  const __m128i case_bit = _mm_set1_epi8 (0x20);
  /* the last byte from which 16 can be read */
  guintptr last = (guintptr)end - 16;

  while (tok < limit && (guintptr)p <= last)
    {
      __m128i v, x, letter;
      guint letters;
      gsize len;
      guchar c;
      guint32 marks;
      guint64 marks_word, offsets;

      v = _mm_loadu_si128 ((const __m128i *)(const void *)p);
      /* a byte is a letter when, its case bit set and moved down to
       * -128, it is below -128 + 26; bytes past ASCII never are */
      x = _mm_or_si128 (v, case_bit);
      letter = _mm_cmplt_epi8 (_mm_add_epi8 (x, _mm_set1_epi8 (0x80 - 'a')),
                               _mm_set1_epi8 (-128 + 26));
      letters = (guint)_mm_movemask_epi8 (letter);
      len = (gsize)__builtin_ctzll (~(guint64)letters);
      if (!(letters & 1))
        break;
      /* letters + 1 has the bit of the byte after the word alone of the
       * word's: the commonest word is followed by a space */
      if (G_LIKELY ((guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 (' '))) &
                    (letters + 1)))
        {
          store_short_word (doc, lists, table, tok, index, text, p, len, v, x, letter, letters,
                            spaced_heads, skew, sentence, listed, initials, marks_of);
          tok++;
          index++;
          /* the space after, with the word */
          p += len + 1;
          continue;
        }
      else
        {
          guint8 cls = len < 16 ? byte_class[(guchar)p[len]] : 0;

          /* a long word, or one followed by a digit, a join and a
           * letter, or any byte past ASCII, is read_word_token()'s */
          if (len >= 16 || (cls & (BYTE_HIGH | BYTE_DIGIT)) ||
              ((cls & BYTE_JOIN) && (byte_class[(guchar)p[len + 1]] & (BYTE_ALPHA | BYTE_HIGH))))
            {
              const char *next = read_word_token (doc, lists, table, tok, index, p, end,
                                                  (guint32)(p - text) - skew, sentence,
                                                  ((head >> 48) & CC_TOKEN_IN_QUOTE) != 0);

              if (next == NULL)
                break;
              /* its characters past ASCII are fewer than its bytes */
              skew += tok->len - tok->clen;
              p = next;
              if (*p == ' ')
                {
                  tok->space_after = TRUE;
                  p++;
                }
              tok++;
              index++;
              continue;
            }
        }

      store_short_word (doc, lists, table, tok, index, text, p, len, v, x, letter, letters,
                        heads, skew, sentence, listed, initials, marks_of);
      tok++;
      index++;

      p += len;
      /* a mark of punctuation between the word and a space, as in
       * "word, ", is read here as the general path reads it: a mark
       * that may end a sentence is left to it */
      c = (guchar)*p;
      if ((byte_class[c] & (BYTE_PUNCT | BYTE_END)) != BYTE_PUNCT || p[1] != ' ' ||
          tok == limit)
        break;
      offsets = (guint64)(guint32)(p - text) | (guint64)1 << 32;
      memcpy (&tok->start, &offsets, sizeof offsets);
      offsets -= skew;
      memcpy (&tok->cstart, &offsets, sizeof offsets);
      /* the kind of a word is 0 in the head */
      offsets = head | (guint64)CC_TOK_PUNCT << 32 | (guint64)CC_TOKEN_SPACE_AFTER << 48;
      memcpy (&tok->sentence, &offsets, sizeof offsets);
      marks = doc->lexicon->ascii_marks[c];
      marks_word = marks | (guint64)doc->lexicon->ascii_words[c] << 32;
      memcpy (&tok->marks, &marks_word, sizeof marks_word);
      _mm_storeu_si128 ((__m128i *)(void *)tok->low, _mm_cvtsi32_si128 (c));
      _mm_storeu_si128 ((__m128i *)(void *)(tok->low + 16), _mm_setzero_si128 ());
      initials[index] = c;
      marks_of[index] = marks;
      /* punctuation starts no quantity, and is no capitalised word */
      if (G_UNLIKELY (marks & listed & ~lists->quantity_marks))
        list_word (doc, lists, index, marks & ~lists->quantity_marks, FALSE, sentence);
      tok++;
      index++;
      p += 2;
      continue;
    }

  *tokp = tok;
  *pp = p;
  *cposp = (guint32)(p - text) - skew;
}
#endif

gboolean
_cc_doc_tokenize (CcDoc *doc)
{
  const char *text = doc->text;
  const char *p = text;
  const char *text_end = text + strlen (text);
  guint32 cpos = 0;
  guint32 sentence = 0;
  guint32 paragraph = 0;
  gboolean new_sentence = TRUE;
  gboolean in_quote = FALSE;
  gboolean valid = TRUE;
  /* tokens, sentences, paragraphs and candidates are written in place;
   * their arrays grow ahead of them */
  guint n_tokens = 0, n_sentences = 0, n_paragraphs = 0;
  /* the last token, which white space marks; a stand-in before the first */
  CcToken before_first = { 0 }, *prev = &before_first;
  /* the marks of words that may start a quantity or flag a sentence */
  Lists lists = {
    .quantity_marks = cc_phrase_set_first_mark (doc->lexicon->vague_amounts) |
                      cc_phrase_set_first_mark (doc->lexicon->number_words),
    .country_mark = cc_phrase_set_first_mark (doc->lexicon->countries),
    .day_mark = cc_phrase_set_first_mark (doc->lexicon->day_words),
    .withdraw_mark = cc_phrase_set_first_mark (doc->lexicon->withdraw_verbs),
  };
  /* kept in locals: the bytes stored into tokens could be anything to
   * the compiler, which would read these again after each */
  const CcLexicon *lexicon = doc->lexicon;
  const CcMarkTable marks = cc_lexicon_mark_table (lexicon);
  CcToken *tokens = (CcToken *)(void *)doc->tokens->data;
  guint room = doc->tokens->len;

  /* a reused doc keeps its arrays, emptied */
  if (doc->day_words == NULL)
    {
      doc->day_words = g_array_new (FALSE, TRUE, sizeof (guint8));
      doc->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint32));
      doc->candidates = g_array_new (FALSE, FALSE, sizeof (guint));
      doc->country_starts = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  reserve_per_token (doc, room);
  /* room for every token of the lead to start a country's name */
  if (doc->country_starts->len < CC_LEAD_TOKENS)
    g_array_set_size (doc->country_starts, CC_LEAD_TOKENS);

  while (*p != '\0')
    {
      gunichar c = (guchar)*p, after;
      const char *next = p + 1;
      CcToken *tok;
      guint32 hash;

      /* the commonest character, a plain space, first */
      if (c == ' ')
        {
          prev->space_after = TRUE;
          p++;
          cpos++;
          continue;
        }

      /* an ASCII letter starts a word: anything else is decoded, and
       * white space makes no token */
      if (!(byte_class[c] & BYTE_ALPHA))
        {
          next = p + decode_char (p, &c);
          if (next == p)
            {
              valid = FALSE;
              break;
            }

          if (is_space (c))
            {
              if (c == '\n')
                {
                  if (n_tokens > 0 &&
                      g_array_index (doc->paragraphs, guint32, prev->sentence) == paragraph)
                    paragraph++;
                  if (!new_sentence)
                    {
                      sentence++;
                      new_sentence = TRUE;
                    }
                  in_quote = FALSE;
                }
              prev->space_after = TRUE;
              p = next;
              cpos++;
              continue;
            }
        }

      if (new_sentence)
        {
          push_uint (doc->paragraphs, &n_paragraphs, paragraph);
          push_uint (doc->sentences, &n_sentences, n_tokens);
          new_sentence = FALSE;
        }
      if (n_tokens == room)
        {
          g_array_set_size (doc->tokens, MAX (64, 2 * n_tokens));
          tokens = (CcToken *)(void *)doc->tokens->data;
          room = doc->tokens->len;
          reserve_per_token (doc, room);
          /* room for every token to be a candidate */
          if (doc->candidates->len < room)
            g_array_set_size (doc->candidates, room);
        }
#ifdef __SSE2__
      /* the commonest tokens: a run of short words */
      if (c < 0x80 && (byte_class[c] & BYTE_ALPHA))
        {
          CcToken *run = tokens + n_tokens;

          read_word_run (doc, &lists, &marks, &run, tokens + room, &p, text_end, &cpos,
                         sentence, in_quote);
          if (run > tokens + n_tokens)
            {
              n_tokens = run - tokens;
              prev = run - 1;
              continue;
            }
        }
#endif
      tok = prev = &tokens[n_tokens++];
      memset (tok, 0, sizeof *tok);
      tok->start = p - text;
      tok->cstart = cpos;
      tok->sentence = sentence;

      if (c < 0x80 && (byte_class[c] & BYTE_DIGIT))
        {
          const char *q = _cc_read_number (p);

          tok->kind = CC_TOK_NUMBER;
          /* "1.5mn", "2bn": a scale written onto the number */
          if ((tok->scale = _cc_glued_scale (q)) > 0)
            q += tok->scale == 3 ? 1 : 2 + (g_ascii_tolower (q[1]) == 'l');
          /* "1st", "10am", "3D" are words, not numbers */
          else if (g_ascii_isalpha (*q))
            {
              while (g_ascii_isalnum (*q))
                q++;
              tok->kind = CC_TOK_WORD;
            }
          tok->len = q - p;
          tok->clen = tok->len;
          next = q;
        }
      else if (c < 0x80 && (byte_class[c] & BYTE_ALPHA) &&
               (next = read_word_token (doc, &lists, &marks, tok, n_tokens - 1, p, text_end,
                                        cpos, sentence, in_quote)) != NULL)
        {
          /* the common case, read in one pass with its look-up form,
           * marked and listed */
          cpos += tok->clen;
          p = next;
          continue;
        }
      else if (c < 0x80 && (byte_class[c] & (BYTE_ALNUM | BYTE_HIGH)) == 0 && c != '"')
        {
          /* ASCII punctuation, a byte of its own: no case, no look-up
           * form to fold, its marks in a table */
          tok->kind = CC_TOK_PUNCT;
          tok->len = tok->clen = 1;
          tok->in_quote = in_quote;
          tok->low[0] = c;
          tok->marks = lexicon->ascii_marks[c];
          tok->word = lexicon->ascii_words[c];
          goto stored;
        }
      else if (!is_general_punctuation (c) && is_word_char (c))
        {
          if ((next = _cc_read_word (p, &tok->clen)) == NULL)
            {
              valid = FALSE;
              break;
            }
          tok->kind = CC_TOK_WORD;
          tok->len = next - p;
          tok->hyphen = memchr (p, '-', tok->len) != NULL;
        }
      else
        {
          tok->kind = CC_TOK_PUNCT;
          tok->len = next - p;
          tok->clen = 1;
          if (c == 0x201C)
            in_quote = TRUE;
          else if (c == 0x201D)
            in_quote = FALSE;
          else if (c == '"')
            in_quote = !in_quote;
        }

      tok->upper = c < 0x80 ? g_ascii_isupper (c) :
                   !is_general_punctuation (c) && g_unichar_isupper (c);
      tok->in_quote = in_quote || c == 0x201D || (c == '"' && !in_quote);
      {
        guint len;

        /* a mark of general punctuation, of three bytes, as
         * _cc_token_set_low() folds it: typographic apostrophes made
         * plain, the others as they are; the token was zeroed */
        if (is_general_punctuation (c))
          {
            if (c == 0x2018 || c == 0x2019)
              tok->low[0] = '\'', len = 1;
            else
              memcpy (tok->low, p, 3), len = 3;
            hash = cc_lexicon_hash_padded (tok->low, len);
          }
        else
          len = _cc_token_set_low (tok, text, &hash);
        if (tok->kind != CC_TOK_NUMBER && len > 0)
          tok->marks = cc_mark_table_find (&marks, tok->low, len, hash, &tok->word);
      }
    stored:
      doc->initials[n_tokens - 1] = tok->low[0];
      doc->marks[n_tokens - 1] = tok->marks;
      /* a number or hyphenated word may start a quantity whatever its
       * marks; any other token only as a word its marks list */
      {
        guint32 listed = tok->marks;

        if (tok->kind == CC_TOK_NUMBER || (tok->kind == CC_TOK_WORD && tok->hyphen))
          push_uint (doc->candidates, &lists.n_candidates, n_tokens - 1);
        if (tok->kind != CC_TOK_WORD || tok->hyphen)
          listed &= ~lists.quantity_marks;
        if (listed & (lists.quantity_marks | lists.country_mark | lists.day_mark |
                      lists.withdraw_mark))
          list_word (doc, &lists, n_tokens - 1, listed, tok->upper, sentence);
      }
      cpos += tok->clen;
      p = next;

      /* A sentence ends at . ! ? followed by white space, or at a closing
       * quote right after them, unless the '.' ends an abbreviation. */
      if (tok->kind == CC_TOK_PUNCT &&
          (*p == '\0' || (decode_char (p, &after) > 0 && is_space (after))))
        {
          guint n = n_tokens;
          gboolean ends = FALSE;

          if (c == '!' || c == '?')
            ends = TRUE;
          else if (c == '.')
            ends = !(n >= 2 && _cc_is_abbreviation (tok - 1));
          else if (c == 0x201D || c == '"')
            ends = n >= 2 && cc_is_punct (doc, n - 2, ".!?");

          /* a quotation may run over several sentences of its
           * paragraph: only a new line closes it for good */
          if (ends)
            {
              sentence++;
              new_sentence = TRUE;
              if (c == 0x201D || c == '"')
                in_quote = FALSE;
            }
        }
    }

  g_array_set_size (doc->tokens, n_tokens);
  doc->initials[n_tokens] = '\0';
  g_array_set_size (doc->paragraphs, n_paragraphs);
  g_array_set_size (doc->candidates, lists.n_candidates);
  g_array_set_size (doc->country_starts, lists.n_country_starts);
  g_array_set_size (doc->sentences, n_sentences);
  g_array_append_val (doc->sentences, n_tokens);

  doc->published_day = _cc_published_day (doc->published);
  return valid;
}
