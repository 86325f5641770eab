/* cc-extractor-tokens.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extractor's tokenizer: one pass over the text that cuts it into
 * words, numbers and punctuation with their byte and character offsets,
 * and into sentences. It allocates nothing per token but the token itself
 * in one growing array, so that it keeps up with large libraries. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include <stdio.h>

#include "cc-extractor-private.h"

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

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x2002 || c == 0x2003 || c == 0x200B;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static inline gunichar
char_at (const char *p)
{
  return (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);
}

static inline const char *
next_char (const char *p)
{
  return (guchar)*p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

/* The lower-case form used for look-ups: ASCII folded, typographic
 * apostrophes made plain. Words too long for any list get "". */
static guint
token_set_low (CcToken    *tok,
               const char *text,
               guint32    *hash)
{
  const guchar *p = (const guchar *)text + tok->start;
  const guchar *end = p + tok->len;
  guint j = 0;
  gboolean lower = FALSE, upper = FALSE;
  guint32 h = 2166136261u;

  while (p < end && j < CC_MAX_WORD - 1)
    {
      guchar c = *p;

      if (c == 0xE2 && end - p >= 3 && p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x98))
        {
          c = '\'';
          p += 2;
        }
      else if (c >= 'A' && c <= 'Z')
        {
          upper = TRUE;
          c += 'a' - 'A';
        }
      else if (c >= 'a' && c <= 'z')
        lower = TRUE;
      tok->low[j++] = c;
      h = (h ^ c) * 16777619u;
      p++;
    }
  tok->low[j] = '\0';
  if (p < end)
    {
      tok->low[0] = '\0';
      j = 0;
    }
  tok->capitals = upper && !lower;
  *hash = h;
  return j;
}

/* Is the '.' after this word an abbreviation's rather than a full stop? */
static gboolean
is_abbreviation (const CcToken *tok)
{
  static const char * const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "maj", "capt", "rep", "sen", "gov",
    "st", "jr", "sr", "prof", "no", "vs", "inc", "co", "corp", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "adm", "gens",
  };

  if (tok->kind != CC_TOK_WORD)
    return FALSE;
  if (tok->clen == 1)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (abbrevs); i++)
    if (tok->low[0] == abbrevs[i][0] && strcmp (tok->low, abbrevs[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The power of ten of a scale abbreviation written right after a number
 * ("mn", "mln", "bn", "k"), or 0. A lone "m" may be metres: not read. */
static guint8
glued_scale (const char *q)
{
  char a = g_ascii_tolower (q[0]), b = a ? g_ascii_tolower (q[1]) : 0;
  char c = b ? g_ascii_tolower (q[2]) : 0;

  if (a == 'k' && !g_ascii_isalnum (q[1]))
    return 3;
  if (a == 'm' && b == 'n' && !g_ascii_isalnum (q[2]))
    return 6;
  if (a == 'm' && b == 'l' && c == 'n' && !g_ascii_isalnum (q[3]))
    return 6;
  if (a == 'b' && b == 'n' && !g_ascii_isalnum (q[2]))
    return 9;
  return 0;
}

static const char *
read_number (const char *p)
{
  const char *q = p;
  guint group = 0;

  for (;;)
    {
      while (g_ascii_isdigit (*q))
        q++, group++;
      if ((*q == ',' || *q == '.') && g_ascii_isdigit (q[1]))
        {
          q++;
          group = 0;
          continue;
        }
      /* "10 000": a space then exactly three digits */
      if (*q == ' ' && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) &&
          g_ascii_isdigit (q[3]) && !g_ascii_isdigit (q[4]) && q[4] != ',' && q[4] != '.' &&
          group <= 3 && q - p <= 7)
        {
          q++;
          group = 0;
          continue;
        }
      return q;
    }
}

static const char *
read_word (const char *p,
           guint32    *clen)
{
  const char *q = p;

  *clen = 0;
  while (*q != '\0')
    {
      gunichar d = char_at (q);
      const char *after = next_char (q);

      if (is_word_char (d) || (d < 0x80 && g_ascii_isdigit (d)))
        ;
      /* inner apostrophes, dots and hyphens: Korea's, U.S., Jang-won */
      else if ((d == '\'' || d == 0x2019 || d == '.' || d == '-') && q > p &&
               is_word_char (char_at (after)))
        ;
      else
        break;
      q = after;
      (*clen)++;
    }

  return q;
}

/* Reads a word of ASCII letters, digits and inner "'", "." or "-" at @p
 * into @tok with its lower-case form, in one pass; NULL, leaving @tok for
 * the general path, when the word holds other characters. */
static const char *
read_ascii_word (CcToken    *tok,
                 const char *p,
                 guint32    *hash)
{
  const guchar *q = (const guchar *)p;
  gboolean lower = FALSE, upper = FALSE, hyphen = FALSE;
  guint32 h = 2166136261u;
  guint j = 0;

  for (;;)
    {
      guchar c = *q;

      if (g_ascii_isalnum (c))
        ;
      else if ((c == '\'' || c == '.' || c == '-') && g_ascii_isalpha (q[1]))
        hyphen |= c == '-';
      else if (c >= 0x80 || ((c == '\'' || c == '.' || c == '-') && q[1] >= 0x80))
        return NULL;
      else
        break;
      if (c >= 'A' && c <= 'Z')
        {
          upper = TRUE;
          c += 'a' - 'A';
        }
      else if (c >= 'a' && c <= 'z')
        lower = TRUE;
      if (j < CC_MAX_WORD - 1)
        tok->low[j] = c;
      h = (h ^ c) * 16777619u;
      j++;
      q++;
    }

  tok->kind = CC_TOK_WORD;
  tok->len = tok->clen = (const char *)q - p;
  tok->hyphen = hyphen;
  tok->capitals = upper && !lower;
  /* words too long for any list get "" */
  tok->low[j < CC_MAX_WORD ? j : 0] = '\0';
  *hash = h;
  return (const char *)q;
}

static void
start_sentence (CcDoc    *doc,
                guint     first,
                gboolean *new_sentence)
{
  if (*new_sentence)
    {
      g_array_append_val (doc->sentences, first);
      *new_sentence = FALSE;
    }
}

void
_cc_doc_tokenize (CcDoc *doc)
{
  const char *text = doc->text;
  const char *p = text;
  guint32 cpos = 0;
  guint32 sentence = 0;
  guint32 paragraph = 0;
  gboolean new_sentence = TRUE;
  gboolean in_quote = FALSE;
  /* tokens are written in place; the array grows ahead of them */
  guint n_tokens = 0;

  doc->day_words = g_array_new (FALSE, TRUE, sizeof (guint8));
  doc->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint32));
  doc->candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  while (*p != '\0')
    {
      gunichar c;
      const char *next;
      CcToken *tok;
      guint32 hash;

      /* the commonest character, a plain space, first */
      if (*p == ' ')
        {
          if (n_tokens > 0)
            CC_TOK (doc, n_tokens - 1)->space_after = TRUE;
          p++;
          cpos++;
          continue;
        }

      c = char_at (p);
      next = next_char (p);

      if (is_space (c))
        {
          if (c == '\n')
            {
              if (n_tokens > 0 && CC_PARAGRAPH (doc, n_tokens - 1) == paragraph)
                paragraph++;
              if (!new_sentence)
                {
                  sentence++;
                  new_sentence = TRUE;
                }
              in_quote = FALSE;
            }
          if (n_tokens > 0)
            CC_TOK (doc, n_tokens - 1)->space_after = TRUE;
          p = next;
          cpos++;
          continue;
        }

      if (new_sentence)
        g_array_append_val (doc->paragraphs, paragraph);
      start_sentence (doc, n_tokens, &new_sentence);
      if (n_tokens == doc->tokens->len)
        g_array_set_size (doc->tokens, MAX (64, 2 * n_tokens));
      tok = CC_TOK (doc, n_tokens++);
      memset (tok, 0, sizeof *tok);
      tok->start = p - text;
      tok->cstart = cpos;
      tok->sentence = sentence;

      if (c < 0x80 && g_ascii_isdigit (c))
        {
          const char *q = read_number (p);

          tok->kind = CC_TOK_NUMBER;
          /* "1.5mn", "2bn": a scale written onto the number */
          if ((tok->scale = glued_scale (q)) > 0)
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
      else if (c < 0x80 && g_ascii_isalpha (c) && (next = read_ascii_word (tok, p, &hash)) != NULL)
        {
          /* the common case, read in one pass with its look-up form */
          tok->upper = g_ascii_isupper (c);
          tok->in_quote = in_quote;
          if (tok->low[0] != '\0')
            tok->marks = cc_lexicon_marks_hashed (doc->lexicon, tok->low, tok->len, hash);
          goto stored;
        }
      else if (is_word_char (c))
        {
          next = read_word (p, &tok->clen);
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

      tok->upper = c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
      tok->in_quote = in_quote || c == 0x201D || (c == '"' && !in_quote);
      {
        guint len = token_set_low (tok, text, &hash);

        if (tok->kind != CC_TOK_NUMBER && len > 0)
          tok->marks = cc_lexicon_marks_hashed (doc->lexicon, tok->low, len, hash);
      }
    stored:
      /* a token that may start a quantity */
      if (tok->kind == CC_TOK_NUMBER || (tok->kind == CC_TOK_WORD &&
                                         (tok->hyphen ||
                                          cc_phrase_set_starts (doc->lexicon->vague_amounts, tok->marks) ||
                                          cc_phrase_set_starts (doc->lexicon->number_words, tok->marks))))
        {
          guint index = n_tokens - 1;

          g_array_append_val (doc->candidates, index);
        }
      if (tok->marks != 0)
        {
          guint8 flags = (cc_phrase_set_starts (doc->lexicon->day_words, tok->marks) ? CC_SENTENCE_DAY : 0) |
                         (cc_phrase_set_starts (doc->lexicon->withdraw_verbs, tok->marks) ? CC_SENTENCE_WITHDRAW : 0);

          if (flags != 0)
            {
              if (doc->day_words->len <= sentence)
                g_array_set_size (doc->day_words, sentence + 1);
              g_array_index (doc->day_words, guint8, sentence) |= flags;
            }
        }
      cpos += tok->clen;
      p = next;

      /* A sentence ends at . ! ? followed by white space, or at a closing
       * quote right after them, unless the '.' ends an abbreviation. */
      if (tok->kind == CC_TOK_PUNCT && (*p == '\0' || is_space (char_at (p))))
        {
          guint n = n_tokens;
          gboolean ends = FALSE;

          if (c == '!' || c == '?')
            ends = TRUE;
          else if (c == '.')
            ends = !(n >= 2 && is_abbreviation (CC_TOK (doc, n - 2)));
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
  g_array_append_val (doc->sentences, n_tokens);

  /* the publication day, against which "on Thursday" is read */
  {
    int y, m, d;

    doc->published_day = -1;
    if (doc->published != NULL && sscanf (doc->published, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
        g_date_valid_dmy (d, m, y))
      {
        g_autoptr(GDate) date = g_date_new_dmy (d, m, y);

        doc->published_day = g_date_get_julian (date);
      }
  }
}

/* Frees what reading @doc made; the text and lexicon stay the caller's. */
void
_cc_doc_clear (CcDoc *doc)
{
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->sentences, g_array_unref);
  g_clear_pointer (&doc->paragraphs, g_array_unref);
  g_clear_pointer (&doc->candidates, g_array_unref);
  g_clear_pointer (&doc->sources, g_ptr_array_unref);
  g_clear_pointer (&doc->relays, g_ptr_array_unref);
  g_clear_pointer (&doc->people, g_hash_table_unref);
  g_clear_pointer (&doc->people_country, g_hash_table_unref);
  g_clear_pointer (&doc->speaker_days, g_hash_table_unref);
  g_clear_pointer (&doc->country_cache, g_hash_table_unref);
  g_clear_pointer (&doc->introduced, g_hash_table_unref);
  g_clear_pointer (&doc->body_countries, g_hash_table_unref);
  g_clear_pointer (&doc->countries, g_free);
  g_clear_pointer (&doc->initials, g_free);
  g_clear_pointer (&doc->day_words, g_array_unref);
}

/* Out of line: called from many places, none of them hot enough to want
 * its own copy of the loop. */
gboolean
cc_is_any_word (CcDoc              *doc,
                guint               i,
                const char * const *words,
                gsize               n)
{
  const char *low;

  if (i >= doc->tokens->len || CC_TOK (doc, i)->kind != CC_TOK_WORD)
    return FALSE;
  low = CC_TOK (doc, i)->low;
  for (gsize k = 0; k < n; k++)
    if (low[0] == words[k][0] && strcmp (low, words[k]) == 0)
      return TRUE;
  return FALSE;
}
