/* cc-extractor-dates.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* When an article's publication date is corrected, the days its claims
 * were made on move with it ("said on Thursday" is another Thursday). The
 * extractor resolves those days while reading the whole text; this finds
 * the day of one claim again, by the same rules, without re-extracting. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"

/* The token holding character @offset, or the first one after it. */
static guint
token_at (CcDoc *doc,
          guint  offset)
{
  guint lo = 0;
  guint hi = doc->tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      CcToken *tok = CC_TOK (doc, mid);

      if (tok->cstart + tok->clen <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * cc_extractor_resolve_date:
 * @text: UTF-8 article text
 * @claim_start: character offset of the claim in @text
 * @published: (nullable): publication date, YYYY-MM-DD
 *
 * The day a claim starting at @claim_start was made, as cc_extractor_extract()
 * would give it for an article published on @published: the day of its
 * statement, by the rules of the extractor.
 *
 * Returns: (transfer full) (nullable): a YYYY-MM-DD date, or %NULL
 */
char *
cc_extractor_resolve_date (CcExtractor *self,
                           const char  *text,
                           guint        claim_start,
                           const char  *published)
{
  CcDoc doc = { 0 };
  char *date = NULL;
  guint i;

  g_return_val_if_fail (CC_IS_EXTRACTOR (self), NULL);

  if (text == NULL || published == NULL)
    return NULL;

  doc.lexicon = self->lexicon;
  doc.text = text;
  doc.published = published;
  doc.tokens = g_array_new (FALSE, FALSE, sizeof (CcToken));
  doc.sentences = g_array_new (FALSE, FALSE, sizeof (guint));

  i = _cc_doc_tokenize (&doc) ? token_at (&doc, claim_start) : G_MAXUINT;
  if (i < doc.tokens->len)
    {
      CcQuantity q = { .first = i, .last = i, .subject_first = i, .subject_last = i };
      const CcSource *source;
      guint next;

      /* the quantity as the extractor reads it, when it still reads one */
      if (!_cc_extractor_read_claim (self, &doc, i, &q, &next))
        q = (CcQuantity) { .first = i, .last = i, .subject_first = i, .subject_last = i };
      source = _cc_extractor_source (self, &doc, &q);
      date = _cc_extractor_claim_date (self, &doc, &q, source);
    }

  _cc_doc_clear (&doc);

  return date;
}
