/* cc-extractor-words.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the tokenizer (cc-extractor-tokens.c) and its readers of words
 * (cc-extractor-words.c) share: the classes of a byte, the decoding of
 * UTF-8, and the readers of the words, numbers and dates the run of
 * short words leaves to the other paths. */

#pragma once

#include "cc-extractor-private.h"

G_BEGIN_DECLS

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

/* The character at @p and its length in bytes; 0 when the bytes there are
 * not UTF-8 as g_utf8_validate() judges it (a stray or missing
 * continuation byte, an overlong form, a surrogate, a value past
 * U+10FFFF). A NUL ends a sequence as any other wrong byte does, so that
 * nothing past the end is read. This is the text's only UTF-8 check. */
static inline guint
decode_char (const char *text,
             gunichar   *out)
{
  const guchar *p = (const guchar *)text;
  gunichar c;

  if (p[0] < 0x80)
    {
      *out = p[0];
      return 1;
    }
  if (p[0] < 0xC2 || p[0] > 0xF4 || (p[1] & 0xC0) != 0x80)
    return 0;
  if (p[0] < 0xE0)
    {
      *out = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }
  if ((p[2] & 0xC0) != 0x80)
    return 0;
  if (p[0] < 0xF0)
    {
      c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
      *out = c;
      return 3;
    }
  if ((p[3] & 0xC0) != 0x80)
    return 0;
  c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  if (c < 0x10000 || c > 0x10FFFF)
    return 0;
  *out = c;
  return 4;
}

/* The classes of a byte for the word loop, one table look-up per byte. */
enum
{
  BYTE_LOWER = 1 << 0,
  BYTE_DIGIT = 1 << 1,
  BYTE_JOIN  = 1 << 2, /* ' . - inside a word: Korea's, U.S., Jang-won */
  BYTE_HIGH  = 1 << 3, /* a byte of a character past ASCII */
  BYTE_PUNCT = 1 << 4, /* printable ASCII but letters, digits and '"' */
  BYTE_UPPER = 1 << 5, /* 0x20, which 'A' | 0x20 makes 'a' */
  BYTE_END   = 1 << 6, /* . ! ? which may end a sentence */
};

#define BYTE_ALPHA (BYTE_LOWER | BYTE_UPPER)
#define BYTE_ALNUM (BYTE_LOWER | BYTE_UPPER | BYTE_DIGIT)

static const guint8 byte_class[256] = {
  ['!'] = BYTE_PUNCT | BYTE_END,
  ['#' ... '&'] = BYTE_PUNCT,
  ['\''] = BYTE_JOIN | BYTE_PUNCT,
  ['(' ... ','] = BYTE_PUNCT,
  ['-'] = BYTE_JOIN | BYTE_PUNCT,
  ['.'] = BYTE_JOIN | BYTE_PUNCT | BYTE_END,
  ['/'] = BYTE_PUNCT,
  ['0' ... '9'] = BYTE_DIGIT,
  [':' ... '>'] = BYTE_PUNCT,
  ['?'] = BYTE_PUNCT | BYTE_END,
  ['@'] = BYTE_PUNCT,
  ['A' ... 'Z'] = BYTE_UPPER,
  ['[' ... '`'] = BYTE_PUNCT,
  ['a' ... 'z'] = BYTE_LOWER,
  ['{' ... '~'] = BYTE_PUNCT,
  [0x80 ... 0xFF] = BYTE_HIGH,
};

/* Whether @c is of the block of general punctuation, U+2000 to U+206F:
 * spaces, dashes, quotation marks and the like, none a letter, a mark
 * or a capital. */
static inline gboolean
is_general_punctuation (gunichar c)
{
  return c >= 0x2000 && c < 0x2070;
}

const char *_cc_read_number           (const char    *p);
guint8      _cc_glued_scale           (const char    *q);
/* NULL when its text is not UTF-8 */
const char *_cc_read_word             (const char    *p,
                                       guint32       *clen);
guint       _cc_token_set_low         (CcToken       *tok,
                                       const char    *text,
                                       guint32       *hash);
const char *_cc_read_ascii_word       (CcToken       *tok,
                                       const char    *p,
                                       const char    *end,
                                       guint32       *hash,
                                       guint         *low_len);
const char *_cc_read_typographic_word (CcToken       *tok,
                                       const char    *p,
                                       guint          len,
                                       gboolean       lower,
                                       gboolean       upper,
                                       gboolean       hyphen,
                                       guint32       *hash,
                                       guint         *low_len);
gboolean    _cc_is_abbreviation       (const CcToken *tok);
gint32      _cc_published_day         (const char    *published);

G_END_DECLS
