/* cc-extractor-words.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tokenizer's readers of what its run of short words leaves to its
 * other paths (cc-extractor-tokens.c): words past ASCII, with joins,
 * with typographic apostrophes or too long for the run, numbers, the
 * abbreviations before a '.', and the day of publication. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include <stdio.h>

#include "cc-extractor-words.h"

/* The lower-case form used for look-ups: ASCII folded, typographic
 * apostrophes made plain. Words too long for any list get "". */
guint
_cc_token_set_low (CcToken    *tok,
                   const char *text,
                   guint32    *hash)
{
  const guchar *p = (const guchar *)text + tok->start;
  const guchar *end = p + tok->len;
  guint j = 0;
  gboolean lower = FALSE, upper = FALSE;

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
      p++;
    }
  if (p < end)
    j = 0;
  /* zero-padded, as cc_lexicon_hash_padded() reads it */
  memset (tok->low + j, 0, CC_MAX_WORD - j);
  tok->capitals = upper && !lower;
  *hash = cc_lexicon_hash_padded (tok->low, j);
  return j;
}

/* The first four bytes of a look-up form, as one number. */
#define ABBREV(a, b, c, d) \
  ((guint32)(guchar)(a) | (guint32)(guchar)(b) << 8 | (guint32)(guchar)(c) << 16 | \
   (guint32)(guchar)(d) << 24)

/* Is the '.' after this word an abbreviation's rather than a full stop?
 * None is longer than 4 bytes, which the text has as they are, so that
 * the first 4 bytes of the look-up form, zero-padded, tell it. */
gboolean
_cc_is_abbreviation (const CcToken *tok)
{
  const guchar *low = (const guchar *)tok->low;

  if (tok->kind != CC_TOK_WORD)
    return FALSE;
  if (tok->clen == 1)
    return TRUE;
  if (tok->len > 4)
    return FALSE;
  switch (ABBREV (low[0], low[1], low[2], low[3]))
    {
    case ABBREV ('m', 'r', 0, 0):
    case ABBREV ('m', 'r', 's', 0):
    case ABBREV ('m', 's', 0, 0):
    case ABBREV ('d', 'r', 0, 0):
    case ABBREV ('g', 'e', 'n', 0):
    case ABBREV ('l', 't', 0, 0):
    case ABBREV ('c', 'o', 'l', 0):
    case ABBREV ('s', 'g', 't', 0):
    case ABBREV ('m', 'a', 'j', 0):
    case ABBREV ('c', 'a', 'p', 't'):
    case ABBREV ('r', 'e', 'p', 0):
    case ABBREV ('s', 'e', 'n', 0):
    case ABBREV ('g', 'o', 'v', 0):
    case ABBREV ('s', 't', 0, 0):
    case ABBREV ('j', 'r', 0, 0):
    case ABBREV ('s', 'r', 0, 0):
    case ABBREV ('p', 'r', 'o', 'f'):
    case ABBREV ('n', 'o', 0, 0):
    case ABBREV ('v', 's', 0, 0):
    case ABBREV ('i', 'n', 'c', 0):
    case ABBREV ('c', 'o', 0, 0):
    case ABBREV ('c', 'o', 'r', 'p'):
    case ABBREV ('j', 'a', 'n', 0):
    case ABBREV ('f', 'e', 'b', 0):
    case ABBREV ('a', 'u', 'g', 0):
    case ABBREV ('s', 'e', 'p', 't'):
    case ABBREV ('o', 'c', 't', 0):
    case ABBREV ('n', 'o', 'v', 0):
    case ABBREV ('d', 'e', 'c', 0):
    case ABBREV ('u', '.', 's', 0):
    case ABBREV ('u', '.', 'k', 0):
    case ABBREV ('u', '.', 'n', 0):
    case ABBREV ('e', '.', 'g', 0):
    case ABBREV ('i', '.', 'e', 0):
    case ABBREV ('a', 'd', 'm', 0):
    case ABBREV ('g', 'e', 'n', 's'):
      return TRUE;
    default:
      return FALSE;
    }
}

/* The power of ten of a scale abbreviation written right after a number
 * ("mn", "mln", "bn", "k"), or 0. A lone "m" may be metres: not read. */
guint8
_cc_glued_scale (const char *q)
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

const char *
_cc_read_number (const char *p)
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

/* A word of any letters; NULL when its text is not UTF-8. */
const char *
_cc_read_word (const char *p,
               guint32    *clen)
{
  const char *q = p;

  *clen = 0;
  while (*q != '\0')
    {
      gunichar d, e = 0;
      guint len = decode_char (q, &d);

      if (len == 0)
        return NULL;
      if (is_word_char (d) || (d < 0x80 && g_ascii_isdigit (d)))
        ;
      /* inner apostrophes, dots and hyphens: Korea's, U.S., Jang-won */
      else if ((d == '\'' || d == 0x2019 || d == '.' || d == '-') && q > p &&
               decode_char (q + len, &e) > 0 && is_word_char (e))
        ;
      else
        break;
      q += len;
      (*clen)++;
    }

  return q;
}

/* Eight bytes at a time: a byte of 0x80 in the result for each byte of
 * @x (read as 7 bits, bytes past ASCII never match) strictly between @m
 * and @n; exact per byte, so that the first that fails is found with one
 * count of trailing zeros. */
#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline guint64
bytes_between (guint64 x,
               guint   m,
               guint   n)
{
  guint64 low7 = x & (ONES * 127);

  return (ONES * (127 + n) - low7) & ~x & (low7 + ONES * (127 - m)) & HIGHS;
}

/* Reads the letters and digits of a word eight bytes at a time while the
 * text and the look-up buffer have room for a whole block: stores the
 * folded bytes, notes the cases seen, and returns how many bytes it took,
 * stopping at the first byte that is neither. */
static inline guint
read_ascii_run (CcToken      *tok,
                const guchar *word,
                gsize         len,
                const guchar *end,
                guint64      *lower_seen,
                guint64      *upper_seen)
{
  gsize start = len;

  while (G_BYTE_ORDER == G_LITTLE_ENDIAN && end - (word + len) >= 8 &&
         len <= CC_MAX_WORD - 8)
    {
      guint64 v, letters, upper, stop, keep;
      guint n;

      memcpy (&v, word + len, 8);
      letters = bytes_between (v | (ONES * 0x20), 0x60, 0x7B);
      upper = bytes_between (v, 0x40, 0x5B);
      stop = ~(letters | bytes_between (v, 0x2F, 0x3A)) & HIGHS;
      n = stop != 0 ? (guint)__builtin_ctzll (stop) / 8 : 8;
      keep = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
      v = (v | (upper >> 2)) & keep;
      memcpy (tok->low + len, &v, 8);
      *lower_seen |= letters & ~upper & keep;
      *upper_seen |= upper & keep;
      len += n;
      if (n < 8)
        break;
    }

  return len - start;
}

/* Reads at @p, as _cc_read_word() and _cc_token_set_low() would, a
 * word of ASCII letters and digits that meets a character past ASCII: a
 * typographic apostrophe joining it to more letters ("Russia’s",
 * "didn’t"), or a mark of general punctuation or a no-break space after
 * it ("threat”"). NULL, leaving @tok for the general path, for any other
 * character past ASCII, and for a word too long for any list. Its
 * look-up form, of *@low_len bytes, is a plain "'" for the apostrophe.
 * Its first @len bytes, all ASCII, are read into @tok's look-up form,
 * zero past them, with @lower, @upper and @hyphen seen in them. */
const char *
_cc_read_typographic_word (CcToken    *tok,
                           const char *p,
                           guint       len,
                           gboolean    lower,
                           gboolean    upper,
                           gboolean    hyphen,
                           guint32    *hash,
                           guint      *low_len)
{
  const guchar *q = (const guchar *)p + len;
  guint j = len, clen = len;

  for (;;)
    {
      guchar c = *q;
      guint8 cls = byte_class[c], after;

      if (j >= CC_MAX_WORD)
        return NULL;
      if (cls & BYTE_ALNUM)
        {
          lower |= (cls & BYTE_LOWER) != 0;
          upper |= (cls & BYTE_UPPER) != 0;
          tok->low[j++] = c | (cls & BYTE_UPPER);
          q++;
        }
      /* U+2000 to U+203F, of which U+2019 followed by a letter joins */
      else if (c == 0xE2 && q[1] == 0x80 && q[2] >= 0x80 && q[2] <= 0xBF)
        {
          if (q[2] != 0x99)
            break;
          after = byte_class[q[3]];
          if (after & BYTE_HIGH)
            return NULL;
          if (!(after & BYTE_ALPHA))
            break;
          tok->low[j++] = '\'';
          q += 3;
        }
      else if (c == 0xC2 && q[1] == 0xA0)
        break;
      else if (cls & BYTE_HIGH)
        return NULL;
      else if (cls & BYTE_JOIN)
        {
          after = byte_class[q[1]];
          if (after & BYTE_HIGH)
            return NULL;
          if (!(after & BYTE_ALPHA))
            break;
          hyphen |= c == '-';
          tok->low[j++] = c;
          q++;
        }
      else
        break;
      clen++;
    }

  /* zero-padded: its bytes are written in order, over zeros */
  *hash = cc_lexicon_hash_padded (tok->low, j);
  *low_len = j;
  tok->kind = CC_TOK_WORD;
  tok->len = (const char *)q - p;
  tok->clen = clen;
  tok->hyphen = hyphen;
  tok->capitals = upper && !lower;
  return (const char *)q;
}

/* Reads a word of ASCII letters, digits and inner "'", "." or "-" at @p
 * into @tok, whose look-up form must be zeroed, with its lower-case form;
 * NULL, leaving @tok for the general path, when the word holds other
 * characters. @end is the end of the text. */
const char *
_cc_read_ascii_word (CcToken    *tok,
                     const char *p,
                     const char *end,
                     guint32    *hash,
                     guint      *low_len)
{
  const guchar *word = (const guchar *)p;
  guint64 lower_seen = 0, upper_seen = 0;
  gboolean hyphen = FALSE;
  gsize len = 0;

  for (;;)
    {
      guchar c;
      guint8 cls, after;

      len += read_ascii_run (tok, word, len, (const guchar *)end, &lower_seen, &upper_seen);

      /* a table look-up per byte where blocks do not fit; the folded
       * byte is stored at its offset modulo the buffer, which is all a
       * word too long for any list spoils */
      c = word[len];
      cls = byte_class[c];
      if ((cls & BYTE_ALNUM) == 0)
        {
          after = (cls & BYTE_JOIN) ? byte_class[word[len + 1]] : 0;
          if (after & BYTE_ALPHA)
            hyphen |= c == '-';
          else if ((cls | after) & BYTE_HIGH)
            return _cc_read_typographic_word (tok, p, len, lower_seen != 0, upper_seen != 0,
                                          hyphen, hash, low_len);
          else
            break;
        }
      lower_seen |= (cls & BYTE_LOWER) ? 1 : 0;
      upper_seen |= (cls & BYTE_UPPER) ? 1 : 0;
      tok->low[len & (CC_MAX_WORD - 1)] = c | (cls & BYTE_UPPER);
      len++;
    }

  /* words too long for any list get "" */
  if (len >= CC_MAX_WORD)
    memset (tok->low, 0, sizeof tok->low);
  else
    *hash = cc_lexicon_hash_padded (tok->low, len);
  *low_len = len;

  tok->kind = CC_TOK_WORD;
  tok->len = tok->clen = len;
  tok->hyphen = hyphen;
  tok->capitals = upper_seen != 0 && lower_seen == 0;
  return p + len;
}

/* The Julian day of @published, against which "on Thursday" is read, or
 * -1. A date written YYYY-MM-DD, as nearly all are, is read by hand,
 * without sscanf() and an allocated GDate for every text. */
gint32
_cc_published_day (const char *published)
{
  int y, m, d;
  GDate date;

  if (published == NULL)
    return -1;
  if (strlen (published) == 10 && published[4] == '-' && published[7] == '-' &&
      g_ascii_isdigit (published[0]) && g_ascii_isdigit (published[1]) &&
      g_ascii_isdigit (published[2]) && g_ascii_isdigit (published[3]) &&
      g_ascii_isdigit (published[5]) && g_ascii_isdigit (published[6]) &&
      g_ascii_isdigit (published[8]) && g_ascii_isdigit (published[9]))
    {
      y = (published[0] - '0') * 1000 + (published[1] - '0') * 100 +
          (published[2] - '0') * 10 + (published[3] - '0');
      m = (published[5] - '0') * 10 + (published[6] - '0');
      d = (published[8] - '0') * 10 + (published[9] - '0');
    }
  else if (sscanf (published, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return -1;

  if (!g_date_valid_dmy (d, m, y))
    return -1;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}
