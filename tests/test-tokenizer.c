/* test-tokenizer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extractor's tokenizer reads a word by one of several paths: sixteen
 * bytes at once, eight at once, or byte by byte, as the word and the text
 * left after it allow. Whatever the path, a word must come out the same:
 * these tests read words in the middle of a long text and at its very
 * end, and compare every field of their tokens, then check what some
 * words must give. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cc-extractor.h"
#include "cc-extractor-private.h"

static void
doc_read (CcDoc      *doc,
          const char *text)
{
  CcExtractor *extractor = cc_extractor_get_default ();

  if (doc->tokens == NULL)
    {
      doc->tokens = g_array_new (FALSE, FALSE, sizeof (CcToken));
      doc->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  else
    _cc_doc_reset (doc);
  doc->lexicon = extractor->lexicon;
  doc->text = text;
  doc->published = NULL;
  g_assert_true (_cc_doc_tokenize (doc));
}

/* The fields of a token that do not depend on where the text puts it. */
static char *
describe (const CcToken *tok)
{
  g_autofree char *low = g_strndup (tok->low, sizeof tok->low);

  /* the look-up form must be zero-padded to its end */
  for (gsize i = strlen (low); i < sizeof tok->low; i++)
    g_assert_cmpint (tok->low[i], ==, 0);

  return g_strdup_printf ("kind=%u len=%u clen=%u upper=%u capitals=%u hyphen=%u scale=%u "
                          "marks=%08x word=%u low=\"%s\"",
                          tok->kind, tok->len, tok->clen, tok->upper, tok->capitals,
                          tok->hyphen, tok->scale, tok->marks, tok->word, low);
}

/* Words of every length around the blocks of 8 and 16 bytes, in every
 * case, with digits, inner joins and letters past ASCII. */
static GPtrArray *
make_words (void)
{
  static const char *words[] = {
    "a", "I", "US", "UN", "the", "said", "Said", "SAID", "troops", "Troops", "officials",
    "intelligence", "Intelligence", "INTELLIGENCE", "spokeswoman", "counteroffensive",
    "Counteroffensives", "internationalisation", "internationalisations",
    "antidisestablishmentarianism", "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "G7", "F16", "MiG29", "B52s", "Korea's", "Korea’s", "U.S.", "U.S", "e.g", "Jang-won",
    "twenty-five", "Twenty-Five", "Kim's", "O'Brien", "well-known-and-long-hyphenated",
    "Zelenskyy", "Zelenskyy’s", "naïve", "Ünïcödé", "Kyiv-based", "Ж", "café-bar",
    "a-", "x'", "thousands", "Thousands", "hundreds", "dozens", "Monday", "withdrew",
    "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNO", "abcdefghijklmnopq", "abcdefgh", "abcdefg",
    "abcdefghi", "Abcdefghijklmno1", "abcdefghijklmno'", "abcdefghijklmno-x",
  };
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_ptr_array_add (all, g_strdup (words[i]));
  /* every length from 1 to 40 of a lower-case, a capitalised and an
   * upper-case word */
  for (guint n = 1; n <= 40; n++)
    {
      GString *w = g_string_new (NULL);

      for (guint k = 0; k < n; k++)
        g_string_append_c (w, 'a' + (k * 7) % 26);
      g_ptr_array_add (all, g_strdup (w->str));
      w->str[0] = g_ascii_toupper (w->str[0]);
      g_ptr_array_add (all, g_strdup (w->str));
      g_ptr_array_add (all, g_ascii_strup (w->str, -1));
      g_string_free (w, TRUE);
    }
  return all;
}

static void
test_paths_agree (void)
{
  g_autoptr(GPtrArray) words = make_words ();
  /* what may follow a word: the end of the text, or one of these and a
   * long run of text */
  static const char *after[] = { "", " ", ",", ".", "-", "'", "’", ")", "\n", "é" };
  static const char *filler = " and some more words to fill the sixteen bytes and more";
  CcDoc doc = { 0 };

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      g_autofree char *at_end = NULL;
      g_autofree char *expected = NULL;

      /* the word last in the text: read byte by byte where no block fits */
      doc_read (&doc, word);
      g_assert_cmpuint (doc.tokens->len, >=, 1);
      expected = describe (CC_TOK (&doc, 0));

      for (guint k = 0; k < G_N_ELEMENTS (after); k++)
        {
          g_autofree char *text = g_strconcat (word, after[k], filler, NULL);
          g_autofree char *got = NULL;
          g_autofree char *alone = g_strconcat (word, after[k], NULL);

          /* the same word followed by more text, where blocks fit */
          doc_read (&doc, alone);
          g_clear_pointer (&at_end, g_free);
          at_end = describe (CC_TOK (&doc, 0));

          doc_read (&doc, text);
          got = describe (CC_TOK (&doc, 0));
          if (g_strcmp0 (got, at_end) != 0)
            g_error ("\"%s\" followed by \"%s\" and more: %s; at the end of a text: %s",
                     word, after[k], got, at_end);
          /* white space and a comma end any word */
          if (*after[k] == '\0' || *after[k] == ' ' || *after[k] == ',' || *after[k] == '\n')
            g_assert_cmpstr (got, ==, expected);
        }
    }

  _cc_doc_clear (&doc);
}

/* Whether @p starts with white space, as the tokenizer judges it. */
static gboolean
space_at (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x2002 || c == 0x2003 || c == 0x200B;
}

/* Every token's place in characters, its length and whether white space
 * follows it must agree with the text, in runs of words and at their
 * ends, whatever path read the token. */
static void
test_places (void)
{
  static const char *texts[] = {
    "the troops said that the officials were sent to the front on Monday",
    "NATO's chief said: \"Twenty-five thousand troops, maybe 12,000 men.\" Then more.",
    "Words  with  two spaces\tand a tab\r\nand lines\n\nand paragraphs end here.",
    "Kyiv’s mayor, Vitali Klitschko, said 1.5mn people fled. U.S. officials (and others) agreed!",
    "naïve café words between plain ones: résumé, Zelenskyy, Ж and more plain words to go",
    "abcdefghijklmno abcdefghijklmnop abcdefgh abcdefghi a b c d e f g h i j k l m n o p",
    "x",
    "ends with a space ",
  };
  CcDoc doc = { 0 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      const char *text = texts[t];

      doc_read (&doc, text);
      for (guint i = 0; i < doc.tokens->len; i++)
        {
          const CcToken *tok = CC_TOK (&doc, i);
          const char *end = text + tok->start + tok->len;
          gboolean space = *end != '\0' && space_at (end);

          g_assert_cmpuint (tok->cstart, ==, g_utf8_pointer_to_offset (text, text + tok->start));
          if (tok->kind == CC_TOK_WORD)
            g_assert_cmpuint (tok->clen, ==, g_utf8_strlen (text + tok->start, tok->len));
          if (tok->space_after != space)
            g_error ("token %u (\"%.*s\") of \"%s\": space after %u, expected %u", i,
                     (int)tok->len, text + tok->start, text, tok->space_after, space);
          /* a token after another starts past it */
          if (i > 0)
            g_assert_cmpuint (tok->start, >=, CC_TOK (&doc, i - 1)->start + CC_TOK (&doc, i - 1)->len);
        }
    }

  _cc_doc_clear (&doc);
}

/* Every word of the lexicon, read from a text, must be found with its
 * marks and place, in the run of short words and at the end of a text,
 * where the byte-by-byte path reads it; and a word one letter off must
 * not be. */
static void
test_lexicon_words (void)
{
  const CcLexicon *lexicon = cc_extractor_get_default ()->lexicon;
  CcDoc doc = { 0 };
  guint checked = 0;

  for (guint n = 0; n < lexicon->n_words; n++)
    {
      const CcMarkSlot *slot = &lexicon->words[n];
      gboolean plain = slot->len > 0 && slot->len < CC_MAX_WORD;

      for (guint k = 0; k < slot->len && plain; k++)
        plain = g_ascii_isalpha (slot->word[k]) && g_ascii_islower (slot->word[k]);
      if (!plain)
        continue;

      for (guint where = 0; where < 2; where++)
        {
          g_autofree char *text = where == 0 ? g_strconcat ("x ", slot->word, " and more words after it", NULL)
                                             : g_strconcat ("x ", slot->word, NULL);
          const CcToken *tok;

          doc_read (&doc, text);
          tok = CC_TOK (&doc, 1);
          g_assert_cmpstr (tok->low, ==, slot->word);
          g_assert_cmpuint (tok->word, ==, n + 1);
          g_assert_cmpuint (tok->marks, ==, slot->marks);
        }

      /* the same word with its last letter changed, unless that too is a word */
      {
        g_autofree char *other = g_strdup (slot->word);
        g_autofree char *text = NULL;

        other[slot->len - 1] = other[slot->len - 1] == 'z' ? 'y' : 'z';
        if (cc_lexicon_marks ((CcLexicon *)lexicon, other) == 0)
          {
            text = g_strconcat ("x ", other, " and more words after it", NULL);
            doc_read (&doc, text);
            g_assert_cmpuint (CC_TOK (&doc, 1)->word, ==, 0);
            g_assert_cmpuint (CC_TOK (&doc, 1)->marks, ==, 0);
          }
      }
      checked++;
    }

  /* the lexicon's own words, nearly all of them */
  g_assert_cmpuint (checked, >, lexicon->n_words / 2);
  _cc_doc_clear (&doc);
}

/* The tokenizer stores a token's flags as one byte of bits: they must be
 * the bits of its bit-fields. */
static void
test_flag_bits (void)
{
  static const struct
  {
    guint bit;
    guint upper, capitals, space_after, in_quote, hyphen;
  } bits[] = {
    { CC_TOKEN_UPPER, 1, 0, 0, 0, 0 },
    { CC_TOKEN_CAPITALS, 0, 1, 0, 0, 0 },
    { CC_TOKEN_SPACE_AFTER, 0, 0, 1, 0, 0 },
    { CC_TOKEN_IN_QUOTE, 0, 0, 0, 1, 0 },
    { CC_TOKEN_HYPHEN, 0, 0, 0, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    {
      CcToken tok = { 0 };

      tok.flag_bits = bits[i].bit;
      g_assert_cmpuint (tok.upper, ==, bits[i].upper);
      g_assert_cmpuint (tok.capitals, ==, bits[i].capitals);
      g_assert_cmpuint (tok.space_after, ==, bits[i].space_after);
      g_assert_cmpuint (tok.in_quote, ==, bits[i].in_quote);
      g_assert_cmpuint (tok.hyphen, ==, bits[i].hyphen);
    }
}

/* What some words must give, whichever path reads them. */
static void
test_words (void)
{
  static const struct
  {
    const char *text;
    guint       len;
    gboolean    upper;
    gboolean    capitals;
    gboolean    hyphen;
    const char *low;
  } cases[] = {
    { "Korea's", 7, TRUE, FALSE, FALSE, "korea's" },
    { "Korea’s", 9, TRUE, FALSE, FALSE, "korea's" },
    { "U.S.", 3, TRUE, TRUE, FALSE, "u.s" },
    { "Jang-won", 8, TRUE, FALSE, TRUE, "jang-won" },
    { "NATO", 4, TRUE, TRUE, FALSE, "nato" },
    { "Nato", 4, TRUE, FALSE, FALSE, "nato" },
    { "G7", 2, TRUE, TRUE, FALSE, "g7" },
    { "officials", 9, FALSE, FALSE, FALSE, "officials" },
    { "INTELLIGENCE", 12, TRUE, TRUE, FALSE, "intelligence" },
    { "Counteroffensives", 17, TRUE, FALSE, FALSE, "counteroffensives" },
    /* too long for any list: no look-up form */
    { "Pneumonoultramicroscopicsilicovolcanoconiosis", 45, TRUE, FALSE, FALSE, "" },
  };
  const char *tails[] = { "", " and a long run of text after the word" };
  CcDoc doc = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint t = 0; t < G_N_ELEMENTS (tails); t++)
      {
        g_autofree char *text = g_strconcat (cases[i].text, tails[t], NULL);
        const CcToken *tok;

        doc_read (&doc, text);
        tok = CC_TOK (&doc, 0);
        g_assert_cmpuint (tok->kind, ==, CC_TOK_WORD);
        g_assert_cmpuint (tok->len, ==, cases[i].len);
        g_assert_cmpuint (tok->upper, ==, cases[i].upper);
        g_assert_cmpuint (tok->capitals, ==, cases[i].capitals);
        g_assert_cmpuint (tok->hyphen, ==, cases[i].hyphen);
        g_assert_cmpstr (tok->low, ==, cases[i].low);
      }

  /* a word the lexicon knows has its marks, a word it does not has none */
  doc_read (&doc, "said and more text after it to fill a block");
  g_assert_cmpuint (CC_TOK (&doc, 0)->marks, !=, 0);
  g_assert_cmpuint (CC_TOK (&doc, 0)->word, !=, 0);
  doc_read (&doc, "zxqwv and more text after it to fill a block");
  g_assert_cmpuint (CC_TOK (&doc, 0)->marks, ==, 0);
  g_assert_cmpuint (CC_TOK (&doc, 0)->word, ==, 0);

  _cc_doc_clear (&doc);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/paths-agree", test_paths_agree);
  g_test_add_func ("/tokenizer/words", test_words);
  g_test_add_func ("/tokenizer/places", test_places);
  g_test_add_func ("/tokenizer/flag-bits", test_flag_bits);
  g_test_add_func ("/tokenizer/lexicon-words", test_lexicon_words);

  return g_test_run ();
}
