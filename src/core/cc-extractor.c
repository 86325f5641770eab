/* cc-extractor.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The claim extractor turns an article's text into quantities of people.
 * It runs in one pass: the text is cut into tokens (words, numbers and
 * punctuation, each with its byte and character offsets) and sentences;
 * every number, number word or vague amount is then read with its
 * qualifier and range, and kept only when a noun of people from the
 * lexicon is what it counts. Nothing here knows any particular article. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-lexicon.h"

#define MAX_WORD 32
#define MAX_MODIFIERS 4

typedef enum
{
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  guint32 start;       /* byte offset */
  guint32 len;         /* bytes */
  guint32 cstart;      /* character offset */
  guint32 clen;        /* characters */
  guint32 sentence;    /* index of the sentence */
  guint8  kind;
  guint8  upper;       /* starts with a capital letter */
  guint8  space_after; /* white space follows */
  char    low[MAX_WORD];
} Token;

typedef struct
{
  const char *text;
  GArray     *tokens;
  /* index of the first token of each sentence, plus one past the end */
  GArray     *sentences;
} Doc;

typedef struct
{
  guint         first;   /* first token of the quantity as written */
  guint         last;    /* last token of it */
  double        low;
  double        high;
  gboolean      vague;
  const char   *qualifier;
  guint         subject_first;
  guint         subject_last;
} Quantity;

struct _CcExtractor
{
  GObject    parent_instance;

  CcLexicon *lexicon;
};

G_DEFINE_FINAL_TYPE (CcExtractor, cc_extractor, G_TYPE_OBJECT)

#define TOK(doc, i) (&g_array_index ((doc)->tokens, Token, (i)))

static const char *
word_at (gpointer user_data,
         guint    index)
{
  Doc *doc = user_data;
  Token *tok;

  if (index >= doc->tokens->len)
    return NULL;
  tok = TOK (doc, index);
  return tok->low;
}

/* Tokenizer ---------------------------------------------------------------- */

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x2002 || c == 0x2003;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static void
token_set_low (Token      *tok,
               const char *text)
{
  guint j = 0;

  for (guint k = 0; k < tok->len && j < MAX_WORD - 1; k++)
    tok->low[j++] = g_ascii_tolower (text[tok->start + k]);
  tok->low[j] = '\0';
  /* Typographic apostrophes compare as plain ones. */
  if (tok->len >= MAX_WORD - 1)
    tok->low[0] = '\0';
}

/* Is the '.' ending the word before it an abbreviation rather than a full
 * stop? Single letters (U.S., Mr.) and a few titles are. */
static gboolean
is_abbreviation (const Token *tok)
{
  static const char * const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "maj", "capt", "rep", "sen", "gov",
    "st", "jr", "sr", "prof", "no", "vs", "inc", "co", "corp", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
  };

  if (tok->kind != TOK_WORD)
    return FALSE;
  if (tok->clen == 1)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (abbrevs); i++)
    if (strcmp (tok->low, abbrevs[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
tokenize (Doc *doc)
{
  const char *text = doc->text;
  const char *p = text;
  guint32 cpos = 0;
  guint32 sentence = 0;
  gboolean new_sentence = TRUE;

  while (*p != '\0')
    {
      gunichar c = (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);
      const char *next = (guchar)*p < 0x80 ? p + 1 : g_utf8_next_char (p);
      Token tok = { 0 };

      if (is_space (c))
        {
          if (c == '\n' && !new_sentence)
            {
              sentence++;
              new_sentence = TRUE;
            }
          if (doc->tokens->len > 0)
            TOK (doc, doc->tokens->len - 1)->space_after = TRUE;
          p = next;
          cpos++;
          continue;
        }

      if (new_sentence)
        {
          guint first = doc->tokens->len;
          g_array_append_val (doc->sentences, first);
          new_sentence = FALSE;
        }

      tok.start = p - text;
      tok.cstart = cpos;
      tok.sentence = sentence;

      if (c < 0x80 && g_ascii_isdigit (c))
        {
          /* Digits with thousands separators and a decimal part. */
          const char *q = p;
          guint group = 0;

          while (TRUE)
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
                  g_ascii_isdigit (q[3]) && !g_ascii_isdigit (q[4]) && q[4] != ',' &&
                  group <= 3 && q - p <= 3)
                {
                  q++;
                  group = 0;
                  continue;
                }
              break;
            }

          tok.kind = TOK_NUMBER;
          /* "1st", "10am", "3D": a word, not a number. */
          if (g_ascii_isalpha (*q))
            {
              while (g_ascii_isalnum (*q))
                q++;
              tok.kind = TOK_WORD;
            }
          tok.len = q - p;
          tok.clen = tok.len;
          next = q;
        }
      else if (is_word_char (c))
        {
          const char *q = p;
          guint32 clen = 0;

          while (*q != '\0')
            {
              gunichar d = (guchar)*q < 0x80 ? (gunichar)*q : g_utf8_get_char (q);
              const char *after = (guchar)*q < 0x80 ? q + 1 : g_utf8_next_char (q);

              if (is_word_char (d) || (d < 0x80 && g_ascii_isdigit (d)))
                ;
              /* inner apostrophes and dots: Korea's, U.S. */
              else if ((d == '\'' || d == 0x2019 || d == '.') && is_word_char (g_utf8_get_char (after)))
                ;
              else
                break;
              q = after;
              clen++;
            }

          tok.kind = TOK_WORD;
          tok.len = q - p;
          tok.clen = clen;
          next = q;
        }
      else
        {
          tok.kind = TOK_PUNCT;
          tok.len = next - p;
          tok.clen = 1;
        }

      tok.upper = c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
      token_set_low (&tok, text);
      g_array_append_val (doc->tokens, tok);
      cpos += tok.clen;
      p = next;

      /* Sentence ends: . ! ? followed by space and not after an
       * abbreviation. */
      if (tok.kind == TOK_PUNCT && (c == '.' || c == '!' || c == '?') &&
          (*p == '\0' || is_space (g_utf8_get_char (p))))
        {
          guint n = doc->tokens->len;

          if (c != '.' || n < 2 || !is_abbreviation (TOK (doc, n - 2)))
            {
              sentence++;
              new_sentence = TRUE;
            }
        }
    }

  {
    guint end = doc->tokens->len;
    g_array_append_val (doc->sentences, end);
  }
}

/* Reading quantities -------------------------------------------------------- */

static gboolean
is_punct (Doc        *doc,
          guint       i,
          const char *chars)
{
  Token *tok;

  if (i >= doc->tokens->len)
    return FALSE;
  tok = TOK (doc, i);
  return tok->kind == TOK_PUNCT && strstr (chars, tok->low) != NULL && tok->low[0] != '\0';
}

static gboolean
is_word (Doc        *doc,
         guint       i,
         const char *word)
{
  return i < doc->tokens->len && TOK (doc, i)->kind == TOK_WORD &&
         strcmp (TOK (doc, i)->low, word) == 0;
}

static gboolean
same_sentence (Doc   *doc,
               guint  a,
               guint  b)
{
  return a < doc->tokens->len && b < doc->tokens->len &&
         TOK (doc, a)->sentence == TOK (doc, b)->sentence;
}

static double
number_value (Doc   *doc,
              guint  i)
{
  Token *tok = TOK (doc, i);
  char buf[64];
  guint j = 0;
  guint commas = 0, dots = 0;

  for (guint k = 0; k < tok->len && j < sizeof buf - 1; k++)
    {
      char ch = doc->text[tok->start + k];

      if (ch == ',')
        commas++;
      else if (ch == '.')
        dots++;
    }

  for (guint k = 0; k < tok->len && j < sizeof buf - 1; k++)
    {
      char ch = doc->text[tok->start + k];

      if (g_ascii_isdigit (ch))
        buf[j++] = ch;
      /* "1.28" is a decimal; "1.500.000" groups thousands. */
      else if (ch == '.' && dots == 1 && commas == 0)
        buf[j++] = '.';
    }
  buf[j] = '\0';

  return g_ascii_strtod (buf, NULL);
}

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec",
};

static gboolean
is_month (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strcmp (word, months[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Reads one number at @i (digits or number words, with a scale word);
 * the index after it goes to @next. */
static gboolean
read_number (CcExtractor *self,
             Doc         *doc,
             guint        i,
             double      *value,
             guint       *next)
{
  const CcPhraseValue *pv;
  guint n;

  if (i >= doc->tokens->len)
    return FALSE;

  if (TOK (doc, i)->kind == TOK_NUMBER)
    {
      Token *tok = TOK (doc, i);

      /* Times (10:30), and glued neighbours like "F-16" or "2024/25". */
      if (is_punct (doc, i + 1, ":/") && !tok->space_after)
        return FALSE;
      if (i > 0 && !TOK (doc, i - 1)->space_after && TOK (doc, i - 1)->kind == TOK_WORD)
        return FALSE;
      if (i > 0 && is_punct (doc, i - 1, ":/$€£¥#") && !TOK (doc, i - 1)->space_after)
        return FALSE;

      *value = number_value (doc, i);
      *next = i + 1;
    }
  else if ((pv = cc_phrase_set_match (self->lexicon->number_words, word_at, doc, i, &n)))
    {
      *value = pv->low;
      *next = i + n;
      /* "twenty-five", "twenty five" */
      if (*value >= 20 && *value < 100 && (int)*value % 10 == 0)
        {
          guint j = *next;
          const CcPhraseValue *unit;

          if (is_punct (doc, j, "-"))
            j++;
          if ((unit = cc_phrase_set_match (self->lexicon->number_words, word_at, doc, j, &n)) &&
              unit->low < 10)
            {
              *value += unit->low;
              *next = j + n;
            }
        }
    }
  else
    return FALSE;

  /* Scale words: "1.28 million", "twelve thousand", "two hundred thousand". */
  while ((pv = cc_phrase_set_match (self->lexicon->scales, word_at, doc, *next, &n)))
    {
      /* "m"/"k" only when glued: "10k" is tokenised as a word anyway. */
      if (strlen (TOK (doc, *next)->low) == 1)
        break;
      *value *= pv->low;
      *next += n;
    }

  return TRUE;
}

static gboolean
is_year (Doc    *doc,
         guint   i,
         double  value)
{
  Token *tok = TOK (doc, i);

  return tok->kind == TOK_NUMBER && tok->len == 4 && value >= 1800 && value <= 2100;
}

/* The quantity that starts at @i, without its noun. */
static gboolean
read_quantity (CcExtractor *self,
               Doc         *doc,
               guint        i,
               Quantity    *q,
               guint       *next)
{
  const CcPhraseValue *pv;
  double value;
  guint n, after;

  memset (q, 0, sizeof *q);
  q->first = i;

  /* Vague amounts first: "tens of thousands" before "tens". */
  if ((pv = cc_phrase_set_match (self->lexicon->vague_amounts, word_at, doc, i, &n)) &&
      TOK (doc, i)->kind == TOK_WORD)
    {
      /* "the low thousands": the quantity as written leaves "the" out */
      if (is_word (doc, i, "the") && n > 1)
        q->first = i + 1;
      q->low = pv->low;
      q->high = pv->high;
      q->vague = TRUE;
      q->last = i + n - 1;
      *next = i + n;
      return TRUE;
    }

  if (!read_number (self, doc, i, &value, &after))
    return FALSE;

  q->low = q->high = value;
  q->last = after - 1;
  *next = after;

  /* Ranges: "10,000-12,000", "10,000 to 12,000", "between 1,000 and 3,000". */
  {
    guint j = after;
    gboolean between = i > 0 && is_word (doc, i - 1, "between");
    double high;
    guint end;

    if (is_punct (doc, j, "-–—") || is_word (doc, j, "to") || (between && is_word (doc, j, "and")))
      {
        if (read_number (self, doc, j + 1, &high, &end) && high > value)
          {
            /* "1.2 to 1.5 million": the scale after the second applies to both */
            if (value < 1000 && high >= 1000 && value < high / 1000)
              {
                double scale = 1;
                while (scale * value < high / 10 && scale < 1e9)
                  scale *= 1000;
                if (scale > 1 && !is_year (doc, i, value))
                  q->low = value * scale;
              }
            q->high = high;
            q->last = end - 1;
            *next = end;
          }
      }
  }

  return TRUE;
}

/* Words before the quantity that qualify it: "almost", "as many as". */
static void
read_qualifier (CcExtractor *self,
                Doc         *doc,
                Quantity    *q)
{
  const CcPhraseValue *pv;
  guint n;
  guint last;

  if (q->first == 0)
    return;
  last = q->first - 1;
  if (is_word (doc, last, "between") && last > 0)
    last--;
  if ((pv = cc_phrase_set_match_back (self->lexicon->qualifiers, word_at, doc, last, &n)) &&
      same_sentence (doc, last + 1 - n, q->first))
    q->qualifier = pv->str;
}

static gboolean
is_stop (CcExtractor *self,
         Doc         *doc,
         guint        i)
{
  return cc_phrase_set_contains (self->lexicon->stop_words, TOK (doc, i)->low);
}

/* The noun phrase the quantity counts, right after it: up to a few
 * modifiers ("North Korean infantry") and a people noun ("troops"). */
static gboolean
read_subject_after (CcExtractor *self,
                    Doc         *doc,
                    guint        i,
                    Quantity    *q)
{
  guint n;
  guint modifiers = 0;

  /* "thousands of troops"; but "one of the people" counts nothing */
  if (q->vague && is_word (doc, i, "of"))
    {
      i++;
      if (is_word (doc, i, "its") || is_word (doc, i, "their") || is_word (doc, i, "the"))
        i++;
    }

  q->subject_first = i;

  while (i < doc->tokens->len && same_sentence (doc, q->first, i))
    {
      Token *tok = TOK (doc, i);

      if (tok->kind == TOK_WORD &&
          cc_phrase_set_match (self->lexicon->people_nouns, word_at, doc, i, &n))
        {
          guint j = i + n;

          /* Noun runs ("infantry troops") and "killed or wounded". */
          while (j < doc->tokens->len && same_sentence (doc, i, j))
            {
              guint m;

              if (cc_phrase_set_match (self->lexicon->people_nouns, word_at, doc, j, &m))
                j += m;
              else if ((is_word (doc, j, "or") || is_word (doc, j, "and")) &&
                       (is_word (doc, j - 1, "killed") || is_word (doc, j - 1, "dead")) &&
                       cc_phrase_set_match (self->lexicon->people_nouns, word_at, doc, j + 1, &m))
                j += 1 + m;
              else
                break;
            }
          q->subject_last = j - 1;
          return TRUE;
        }

      if (tok->kind == TOK_PUNCT)
        {
          /* hyphenated modifiers: "Russian-speaking" */
          if (is_punct (doc, i, "-") && !tok->space_after && i > q->subject_first &&
              TOK (doc, i - 1)->kind == TOK_WORD && !TOK (doc, i - 1)->space_after)
            {
              i++;
              continue;
            }
          return FALSE;
        }

      if (tok->kind != TOK_WORD || is_stop (self, doc, i) || is_month (tok->low) ||
          ++modifiers > MAX_MODIFIERS)
        return FALSE;
      i++;
    }

  return FALSE;
}

/* Statuses -------------------------------------------------------------- */

static CcClaimStatus
subject_status (Doc      *doc,
                Quantity *q)
{
  gboolean killed = FALSE, injured = FALSE;

  for (guint i = q->subject_first; i <= q->subject_last; i++)
    {
      const char *w = TOK (doc, i)->low;

      if (!strcmp (w, "killed") || !strcmp (w, "dead") || !strcmp (w, "deaths") ||
          !strcmp (w, "fatalities"))
        killed = TRUE;
      else if (!strcmp (w, "wounded") || !strcmp (w, "injured"))
        injured = TRUE;
      else if (!strcmp (w, "casualties") || !strcmp (w, "prisoners") ||
               !strcmp (w, "detainees") || !strcmp (w, "protesters") ||
               !strcmp (w, "demonstrators"))
        return CC_CLAIM_STATUS_OTHER;
      else if (!strcmp (w, "captured") || !strcmp (w, "captives"))
        return CC_CLAIM_STATUS_CAPTURED;
    }

  if (killed && injured)
    return CC_CLAIM_STATUS_OTHER;
  if (killed)
    return CC_CLAIM_STATUS_KILLED;
  if (injured)
    return CC_CLAIM_STATUS_INJURED;
  return (CcClaimStatus)-1;
}

/* The status word of the sentence nearest to the quantity. */
static CcClaimStatus
read_status (CcExtractor *self,
             Doc         *doc,
             guint        sentence,
             Quantity    *q)
{
  CcClaimStatus status = subject_status (doc, q);
  guint start = g_array_index (doc->sentences, guint, sentence);
  guint end = g_array_index (doc->sentences, guint, sentence + 1);
  guint best = G_MAXUINT;

  if ((int)status >= 0)
    return status;

  status = CC_CLAIM_STATUS_OTHER;
  for (guint i = start; i < end; i++)
    {
      const CcPhraseValue *pv;
      guint n, dist;

      if (i >= q->first && i <= q->subject_last)
        continue;
      if (!(pv = cc_phrase_set_match (self->lexicon->status_words, word_at, doc, i, &n)))
        continue;
      dist = i < q->first ? q->first - i : i - q->subject_last;
      if (dist < best)
        {
          best = dist;
          status = pv->status;
        }
    }

  return status;
}

static gboolean
sentence_hedged (CcExtractor *self,
                 Doc         *doc,
                 guint        sentence)
{
  guint start = g_array_index (doc->sentences, guint, sentence);
  guint end = g_array_index (doc->sentences, guint, sentence + 1);

  for (guint i = start; i < end; i++)
    {
      guint n;

      if (cc_phrase_set_match (self->lexicon->hedges, word_at, doc, i, &n))
        return TRUE;
    }

  return FALSE;
}

/* Claims -------------------------------------------------------------------- */

static char *
token_span (Doc   *doc,
            guint  first,
            guint  last)
{
  Token *a = TOK (doc, first);
  Token *b = TOK (doc, last);

  return g_strndup (doc->text + a->start, b->start + b->len - a->start);
}

static CcClaim *
make_claim (CcExtractor *self,
            Doc         *doc,
            Quantity    *q)
{
  CcClaim *claim = cc_claim_new ();
  g_autofree char *text = token_span (doc, q->first, q->last);
  g_autofree char *subject = token_span (doc, q->subject_first, q->subject_last);
  guint sentence = TOK (doc, q->first)->sentence;

  cc_claim_set_start (claim, TOK (doc, q->first)->cstart);
  cc_claim_set_end (claim, TOK (doc, q->last)->cstart + TOK (doc, q->last)->clen);
  cc_claim_set_text (claim, text);
  cc_claim_set_low (claim, q->low);
  cc_claim_set_high (claim, q->high);
  cc_claim_set_vague (claim, q->vague);
  cc_claim_set_qualifier (claim, q->qualifier);
  cc_claim_set_subject (claim, subject);
  cc_claim_set_status (claim, read_status (self, doc, sentence, q));
  cc_claim_set_hedged (claim, sentence_hedged (self, doc, sentence));
  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_AUTO);
  cc_claim_set_extractor_version (claim, CC_EXTRACTOR_VERSION);

  return claim;
}

static gboolean
excluded (Doc      *doc,
          Quantity *q,
          guint     next)
{
  Token *first = TOK (doc, q->first);

  /* money, percentages */
  if (q->first > 0 && is_punct (doc, q->first - 1, "$€£¥"))
    return TRUE;
  if (is_punct (doc, next, "%") || is_word (doc, next, "percent") ||
      is_word (doc, next, "per"))
    return TRUE;
  /* dates: "October 8" */
  if (q->first > 0 && first->kind == TOK_NUMBER && is_month (TOK (doc, q->first - 1)->low))
    return TRUE;
  return FALSE;
}

static void
extract_from_doc (CcExtractor *self,
                  Doc         *doc,
                  GPtrArray   *claims)
{
  guint i = 0;

  while (i < doc->tokens->len)
    {
      Quantity q;
      guint next;

      if (TOK (doc, i)->kind == TOK_PUNCT || !read_quantity (self, doc, i, &q, &next))
        {
          i++;
          continue;
        }

      if (excluded (doc, &q, next) ||
          (is_year (doc, q.first, q.low) && q.low == q.high && !is_word (doc, next, "troops")) ||
          !read_subject_after (self, doc, next, &q))
        {
          i = MAX (i + 1, q.first + 1);
          continue;
        }

      read_qualifier (self, doc, &q);
      g_ptr_array_add (claims, make_claim (self, doc, &q));
      i = q.subject_last + 1;
    }
}

static void
cc_extractor_finalize (GObject *object)
{
  CcExtractor *self = (CcExtractor *)object;

  g_clear_pointer (&self->lexicon, cc_lexicon_free);

  G_OBJECT_CLASS (cc_extractor_parent_class)->finalize (object);
}

static void
cc_extractor_class_init (CcExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_extractor_finalize;
}

static void
cc_extractor_init (CcExtractor *self)
{
}

/**
 * cc_extractor_new:
 *
 * Loads the lexicon bundled with the core.
 *
 * Returns: (transfer full) (nullable): a new extractor
 */
CcExtractor *
cc_extractor_new (GError **error)
{
  g_autoptr(CcExtractor) self = g_object_new (CC_TYPE_EXTRACTOR, NULL);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data ("/io/github/crosscheck/Crosscheck/core/lexicon.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL || !(self->lexicon = cc_lexicon_new_from_bytes (bytes, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cc_extractor_get_default:
 *
 * Returns: (transfer none): the extractor shared by the whole process
 */
CcExtractor *
cc_extractor_get_default (void)
{
  static CcExtractor *instance;

  if (g_once_init_enter (&instance))
    {
      g_autoptr(GError) error = NULL;
      CcExtractor *made = cc_extractor_new (&error);

      /* The lexicon is compiled into the binary: failing to read it is a
       * build error, not a run-time condition. */
      if (made == NULL)
        g_error ("Cannot load the bundled lexicon: %s", error->message);
      g_once_init_leave (&instance, made);
    }

  return instance;
}

/**
 * cc_extractor_extract:
 * @text: UTF-8 article text
 * @published: (nullable): publication date, YYYY-MM-DD, to resolve
 *   relative dates against
 *
 * Returns: (transfer full) (element-type CcClaim): the claims, in text order
 */
GPtrArray *
cc_extractor_extract (CcExtractor *self,
                      const char  *text,
                      const char  *published)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);
  Doc doc;

  g_return_val_if_fail (CC_IS_EXTRACTOR (self), claims);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return claims;

  doc.text = text;
  doc.tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), strlen (text) / 5 + 16);
  doc.sentences = g_array_new (FALSE, FALSE, sizeof (guint));

  tokenize (&doc);
  extract_from_doc (self, &doc, claims);

  g_array_unref (doc.tokens);
  g_array_unref (doc.sentences);
  return claims;
}
