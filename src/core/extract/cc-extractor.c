/* cc-extractor.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The claim extractor turns an article's text into quantities of people.
 * The text is cut into tokens and sentences (cc-extractor-tokens.c); every
 * number, number word or vague amount that counts people is read with its
 * qualifier, range and noun (cc-extractor-quantity.c); then the words
 * around it give its status, hedging and day (cc-extractor-context.c) and
 * the attributions of its sentence, or of the ones before, its source
 * (cc-extractor-source.c). The word lists live in data/lexicon.json and
 * data/gazetteer.json; nothing here knows any particular article. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include <gio/gio.h>

#include "cc-extractor-private.h"

G_DEFINE_FINAL_TYPE (CcExtractor, cc_extractor, G_TYPE_OBJECT)

static CcClaim *
make_claim (CcExtractor *self,
            CcDoc       *doc,
            CcQuantity  *q)
{
  const CcSource *source = _cc_extractor_source (self, doc, q);
  CcClaimFound found = {
    .start = CC_TOK (doc, q->first)->cstart,
    .end = CC_TOK (doc, q->last)->cstart + CC_TOK (doc, q->last)->clen,
    .text = _cc_doc_span (doc, q->first, q->last),
    .low = q->low,
    .high = q->high,
    .vague = q->vague,
    .qualifier = q->qualifier,
    .subject = _cc_doc_span (doc, q->subject_first, q->subject_last),
    .claimant = source != NULL ? source->name : NULL,
    .claimant_country = source != NULL ? source->country : NULL,
    .extractor_version = CC_EXTRACTOR_VERSION,
  };

  /* in this order: each may use what the one before found */
  found.event_date = _cc_extractor_claim_date (self, doc, q, source);
  found.status = _cc_extractor_status (self, doc, q);
  found.hedged = _cc_extractor_hedged (self, doc, q);
  return cc_claim_new_found (&found);
}

static void
cc_extractor_finalize (GObject *object)
{
  CcExtractor *self = (CcExtractor *)object;

  /* the memos of matches made for the lexicon go with it */
  _cc_country_forget_lexicon ();
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
 * Loads the lexicon and gazetteer bundled with the core.
 *
 * Returns: (transfer full) (nullable): a new extractor
 */
CcExtractor *
cc_extractor_new (GError **error)
{
  g_autoptr(CcExtractor) self = g_object_new (CC_TYPE_EXTRACTOR, NULL);
  g_autoptr(GBytes) lexicon = NULL;
  g_autoptr(GBytes) gazetteer = NULL;

  lexicon = g_resources_lookup_data ("/io/github/crosscheck/Crosscheck/core/lexicon.json",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (lexicon == NULL)
    return NULL;
  gazetteer = g_resources_lookup_data ("/io/github/crosscheck/Crosscheck/core/gazetteer.json",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (gazetteer == NULL)
    return NULL;
  if (!(self->lexicon = cc_lexicon_new_from_bytes (lexicon, gazetteer, error)))
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

      /* The word lists are compiled into the binary: failing to read them
       * is a build error, not a run-time condition. */
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
static void
thread_doc_free (gpointer data)
{
  _cc_doc_clear (data);
  g_free (data);
}

/* Each thread reads its texts into one doc, emptied between them, so that
 * its arrays, tables and buffers are made once, not once per article. */
static GPrivate thread_doc = G_PRIVATE_INIT (thread_doc_free);

static CcDoc *
get_thread_doc (void)
{
  CcDoc *doc = g_private_get (&thread_doc);

  if (doc == NULL)
    {
      doc = g_new0 (CcDoc, 1);
      doc->tokens = g_array_new (FALSE, FALSE, sizeof (CcToken));
      doc->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      g_private_set (&thread_doc, doc);
    }
  return doc;
}

/* Whether a quantity may start at the word @i, which the tokenizer
 * listed for its marks: only a vague amount or a number word can start
 * one there, and most such words ("a", "the") start one only before
 * certain words. FALSE when none can. */
static gboolean
may_start_quantity (CcExtractor *self,
                    CcDoc       *doc,
                    guint        i)
{
  const CcLexicon *lexicon = self->lexicon;
  CcWord first, second;
  gboolean has_second;

  /* Most such words start a quantity of several words only, and the
   * word after is none of their second words: one test of marks. A word
   * after of 8 bytes or more is left to the sets, which tell words apart
   * by their first 8. */
  if (!(CC_TOK (doc, i)->marks & lexicon->quantity_alone_mark) &&
      (i + 1 >= doc->tokens->len ||
       (!(CC_TOK (doc, i + 1)->marks & lexicon->quantity_second_mark) &&
        CC_TOK (doc, i + 1)->len < 8)))
    return FALSE;

  /* the words as _cc_doc_word_at() gives them, without the calls */
  first = (CcWord) { .low = CC_TOK (doc, i)->low, .capitals = CC_TOK (doc, i)->capitals,
                     .marks = CC_TOK (doc, i)->marks, .word = CC_TOK (doc, i)->word };
  has_second = i + 1 < doc->tokens->len;
  if (has_second)
    second = (CcWord) { .low = CC_TOK (doc, i + 1)->low, .capitals = CC_TOK (doc, i + 1)->capitals,
                        .marks = CC_TOK (doc, i + 1)->marks, .word = CC_TOK (doc, i + 1)->word };
  return cc_phrase_set_may_start (self->lexicon->vague_amounts, &first,
                                  has_second ? &second : NULL) ||
         cc_phrase_set_may_start (self->lexicon->number_words, &first,
                                  has_second ? &second : NULL);
}

GPtrArray *
cc_extractor_extract (CcExtractor *self,
                      const char  *text,
                      const char  *published)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);
  CcDoc *doc;
  guint resume = 0;

  g_return_val_if_fail (CC_IS_EXTRACTOR (self), claims);

  if (text == NULL)
    return claims;

  doc = get_thread_doc ();
  doc->lexicon = self->lexicon;
  doc->text = text;
  doc->published = published;

  /* the tokenizer checks the UTF-8: invalid text gives no claims */
  if (!_cc_doc_tokenize (doc))
    {
      _cc_doc_reset (doc);
      return claims;
    }

  /* the tokens that may start a quantity, as the tokenizer listed them:
   * numbers, hyphenated words, number words and vague amounts */
  for (guint k = 0; k < doc->candidates->len; k++)
    {
      guint i = g_array_index (doc->candidates, guint, k);
      CcQuantity q;
      guint next;

      if (i < resume)
        continue;
      /* a word that is not hyphenated starts a quantity only as the
       * first of a vague amount or of a number's words */
      if (CC_TOK (doc, i)->kind == CC_TOK_WORD && !CC_TOK (doc, i)->hyphen &&
          !may_start_quantity (self, doc, i))
        continue;
      if (_cc_extractor_read_claim (self, doc, i, &q, &next))
        {
          g_ptr_array_add (claims, make_claim (self, doc, &q));
          resume = next;
        }
    }

  _cc_doc_reset (doc);
  return claims;
}
