/* cc-extractor-attribution.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which of the attributions around a quantity is its source. The owner of
 * a counting noun comes first ("unions' estimate of 2mn", "Zelensky put
 * the figure at 12,000"); then the speaker who frames the sentence, with
 * the source they relay ("Vucic said authorities estimated …" is Vucic
 * citing the authorities); a relative clause that holds the quantity is its
 * own source ("an official, who cited several hundred casualties"). A
 * pronoun or a definite description ("he", "it", "the ministry", "the
 * spokesman") resolves to the last fitting source of the paragraph, or to a
 * name given in apposition just after; an indefinite one ("a government
 * official") is a new source. A quotation without its own attribution takes
 * the one that closes it, or its speaker's before. */

#define G_LOG_DOMAIN "cc-extractor"

#include "config.h"

#include "cc-extractor-private.h"

/* How many sentences forward a quotation may run before its attribution. */
#define QUOTE_REACH 4
/* How many words an agent after "by" may take. */
#define PHRASE_WORDS 12
/* How far from a claim, in tokens, its attribution may stand. */
#define SOURCE_REACH 80
/* How many tokens the footer of a quoted post may take. */
#define SIGNATURE_REACH 24
/* Words between a counting noun and its owner: "its official estimate". */
#define OWNER_REACH 4

static gboolean
head_is (CcDoc          *doc,
         const CcSource *src,
         const char     *word)
{
  return cc_is_word (doc, src->last, word);
}

static gboolean
is_person_head (CcExtractor    *self,
                CcDoc          *doc,
                const CcSource *src)
{
  return cc_token_in (self->lexicon->titles, CC_TOK (doc, src->last)) &&
         !cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, src->last));
}

/* The head noun of a source phrase: the word before its first
 * preposition ("Ministry of National Defense", "leaders in northern
 * Pakistan"), else its last word. */
static guint
phrase_head (CcDoc          *doc,
             const CcSource *src)
{
  for (guint i = src->first + 1; i <= src->last; i++)
    if (cc_is_word (doc, i, "of") || cc_is_word (doc, i, "in") || cc_is_word (doc, i, "for") ||
        cc_is_word (doc, i, "from") || cc_is_word (doc, i, "to") || cc_is_punct (doc, i, "(,"))
      return i - 1;
  return src->last;
}

/* Does @b have the head noun @a's description names: "the ministry" for
 * "the Ministry of National Defense"? */
static gboolean
same_head (CcDoc          *doc,
           const CcSource *a,
           const CcSource *b)
{
  return strcmp (CC_TOK (doc, phrase_head (doc, b))->low, CC_TOK (doc, a->last)->low) == 0;
}

/* Does @src fit what @want refers to? */
static gboolean
fits (CcExtractor    *self,
      CcDoc          *doc,
      const CcSource *want,
      const CcSource *src)
{
  if (_cc_source_is_pronoun (doc, src))
    return FALSE;
  if (want == NULL)
    return src->named || src->person;
  if (_cc_source_is_pronoun (doc, want))
    {
      if (head_is (doc, want, "he") || head_is (doc, want, "she"))
        return src->person;
      if (head_is (doc, want, "it"))
        return !src->person;
      if (head_is (doc, want, "they"))
        return !src->person || src->indefinite == FALSE;
      /* "we", "I": the speaker of the quotation */
      return src->named || src->person;
    }
  /* "the spokesman" for a named person; "the ministry" for a body */
  if (is_person_head (self, doc, want))
    return src->person || (same_head (doc, want, src) && !src->embedded);
  return !src->person && same_head (doc, want, src);
}

/* The last source before @want (or before the end of @sentence) that
 * fits it, in this paragraph or the sentences just before. */
static const CcSource *
carried_source (CcExtractor    *self,
                CcDoc          *doc,
                guint           sentence,
                const CcSource *want)
{
  for (guint s = sentence + 1; s-- > 0 && sentence - s <= CARRY_REACH;)
    {
      GPtrArray *sources = _cc_sentence_sources (self, doc, s);

      for (guint k = sources->len; k-- > 0;)
        {
          const CcSource *src = g_ptr_array_index (sources, k);

          if (src == want || (want != NULL && s == sentence && src->verb >= want->verb))
            continue;
          if (want != NULL && _cc_source_is_pronoun (doc, want) && src->embedded)
            continue;
          if (fits (self, doc, want, src))
            return src;
        }
    }

  return NULL;
}

/* A person named in apposition in the next sentences: "the army's chief
 * spokesman said …" then "said the spokesman, Maj. Gen. Shaukat Sultan". */
static const CcSource *
named_after (CcExtractor    *self,
             CcDoc          *doc,
             guint           sentence,
             const CcSource *want)
{
  for (guint s = sentence + 1; s < sentence + 3 && s + 1 < doc->sentences->len; s++)
    {
      GPtrArray *sources = _cc_sentence_sources (self, doc, s);

      for (guint k = 0; k < sources->len; k++)
        {
          const CcSource *src = g_ptr_array_index (sources, k);

          if (src->person && src->named && src->first > 0 &&
              cc_is_punct (doc, src->first - 1, ",") && src->first > 1 &&
              cc_is_word (doc, src->first - 2, CC_TOK (doc, want->last)->low))
            return src;
        }
    }
  return NULL;
}

/* The last person the text names before @src, attributed or not. */
static const CcSource *
named_person_before (CcExtractor    *self,
                     CcDoc          *doc,
                     const CcSource *src)
{
  guint sentence = CC_TOK (doc, src->first)->sentence;
  guint first = cc_doc_sentence_start (doc, sentence > CARRY_REACH ? sentence - CARRY_REACH : 0);

  if (src->first > first + SOURCE_REACH)
    first = src->first - SOURCE_REACH;
  for (guint i = src->first; i-- > first + 1;)
    {
      CcSource *person;

      /* two capitalised words in a row, not opening a sentence */
      if (!CC_TOK (doc, i)->upper || !CC_TOK (doc, i - 1)->upper ||
          CC_TOK (doc, i)->kind != CC_TOK_WORD || CC_TOK (doc, i - 1)->kind != CC_TOK_WORD ||
          i - 1 == cc_doc_sentence_start (doc, CC_TOK (doc, i)->sentence))
        continue;
      person = _cc_source_before (self, doc, cc_doc_sentence_start (doc, CC_TOK (doc, i)->sentence),
                                  i, src->verb);
      if (person == NULL)
        continue;
      g_ptr_array_add (doc->relays, person);
      if (person->person)
        {
          person->date = src->date;
          return person;
        }
    }
  return NULL;
}

static const CcSource *closing_attribution (CcExtractor *self,
                                            CcDoc       *doc,
                                            guint        sentence);

/* The speaker of a quotation in @sentence: an attribution outside the
 * quotation marks in the sentence, or the one closing the quotation later. */
static const CcSource *
quote_speaker (CcExtractor *self,
               CcDoc       *doc,
               guint        sentence)
{
  GPtrArray *sources = _cc_sentence_sources (self, doc, sentence);

  for (guint k = 0; k < sources->len; k++)
    {
      const CcSource *src = g_ptr_array_index (sources, k);

      if (!CC_TOK (doc, src->verb)->in_quote && !_cc_source_is_pronoun (doc, src))
        return src;
    }
  return closing_attribution (self, doc, sentence);
}

static const CcSource *
spokesperson_body (CcExtractor    *self,
                   CcDoc          *doc,
                   guint           sentence,
                   const CcSource *src)
{
  guint org = G_MAXUINT;

  if (!head_is (doc, src, "spokesperson") && !head_is (doc, src, "spokesman") &&
      !head_is (doc, src, "spokeswoman"))
    return NULL;
  for (guint i = src->first; i < src->last && org == G_MAXUINT; i++)
    if (cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, i)))
      org = i;
  if (org == G_MAXUINT)
    return NULL;

  for (guint s = sentence + 1; s-- > 0 && sentence - s <= CARRY_REACH;)
    {
      GPtrArray *sources = _cc_sentence_sources (self, doc, s);

      for (guint k = sources->len; k-- > 0;)
        {
          const CcSource *body = g_ptr_array_index (sources, k);

          if (body == src || body->person || (s == sentence && body->verb >= src->verb))
            continue;
          for (guint i = body->first; i <= body->last; i++)
            if (strcmp (CC_TOK (doc, i)->low, CC_TOK (doc, org)->low) == 0)
              return body;
        }
    }
  return NULL;
}

static const CcSource *resolve_once (CcExtractor    *self,
                                     CcDoc          *doc,
                                     guint           sentence,
                                     const CcSource *src);

/* Whom @src stands for, found once: sources live as long as the text. */
static const CcSource *
resolve (CcExtractor    *self,
         CcDoc          *doc,
         guint           sentence,
         const CcSource *src)
{
  CcSource *mutable = (CcSource *)src;

  if (src == NULL)
    return NULL;
  if (!src->resolved)
    {
      mutable->antecedent = resolve_once (self, doc, sentence, src);
      mutable->resolved = TRUE;
    }
  return src->antecedent;
}

static const CcSource *
resolve_once (CcExtractor    *self,
              CcDoc          *doc,
              guint           sentence,
              const CcSource *src)
{
  const CcSource *antecedent;

  if (src == NULL)
    return NULL;
  if (_cc_source_is_pronoun (doc, src))
    {
      /* "we", "I" in a quotation: its speaker */
      if (CC_TOK (doc, src->first)->in_quote && !head_is (doc, src, "he") &&
          !head_is (doc, src, "she") && !head_is (doc, src, "it") &&
          (antecedent = quote_speaker (self, doc, sentence)))
        return antecedent;
      if ((antecedent = carried_source (self, doc, sentence, src)) != NULL)
        return antecedent;
      /* "President Aleksandar Vucic recognised …. “…,” he told" */
      if (head_is (doc, src, "he") || head_is (doc, src, "she"))
        return named_person_before (self, doc, src);
      return NULL;
    }
  /* "a ministry spokesperson" speaks for the ministry named before */
  if (!src->named && (antecedent = spokesperson_body (self, doc, sentence, src)))
    return antecedent;
  /* "the report said": whoever released it, named just before */
  if (!src->named && cc_token_in (self->lexicon->document_nouns, CC_TOK (doc, src->last)) &&
      (antecedent = carried_source (self, doc, sentence, NULL)) != NULL)
    return antecedent;
  if (src->named || src->indefinite)
    return src;
  /* a definite description: the ministry, the spokesman */
  if ((antecedent = carried_source (self, doc, sentence, src)) != NULL)
    return antecedent;
  if (is_person_head (self, doc, src) && (antecedent = named_after (self, doc, sentence, src)))
    return antecedent;
  return src;
}

/* Is a source worth showing? Not a pronoun, an article or a stray phrase
 * ("under rubble"): a name, or a phrase with a noun of sources. */
static gboolean
presentable (CcExtractor    *self,
             CcDoc          *doc,
             const CcSource *src)
{
  if (src == NULL || src->name == NULL || strlen (src->name) < 2 ||
      _cc_source_is_pronoun (doc, src))
    return FALSE;
  /* "The", "It" alone */
  if (src->first == src->last && cc_token_in (self->lexicon->stop_words, CC_TOK (doc, src->first)))
    return FALSE;
  if (src->named || src->person)
    return TRUE;
  for (guint i = src->first; i <= src->last; i++)
    {
      CcToken *tok = CC_TOK (doc, i);

      if (cc_token_in (self->lexicon->source_words, tok) ||
          cc_token_in (self->lexicon->source_org_words, tok) ||
          cc_token_in (self->lexicon->titles, tok) || cc_token_in (self->lexicon->people_nouns, tok) ||
          _cc_country_at (self, doc, i, NULL) != NULL || (tok->upper && i > src->first))
        return TRUE;
    }
  return FALSE;
}

/* Does @src name someone (a person, "the NIS", "Yonhap"), rather than
 * describe a group ("relief officials in northern Pakistan")? */
static gboolean
proper (CcExtractor    *self,
        CcDoc          *doc,
        const CcSource *src)
{
  if (src->person)
    return TRUE;
  for (guint i = src->first; i <= src->last; i++)
    {
      CcToken *tok = CC_TOK (doc, i);

      /* an acronym ("NIS") names a body; "northern Pakistan" a place */
      if (tok->kind == CC_TOK_WORD && tok->upper &&
          (tok->capitals || src->first == src->last || _cc_country_at (self, doc, i, NULL) == NULL) &&
          !(i == cc_doc_sentence_start (doc, tok->sentence) &&
            (cc_token_in (self->lexicon->source_words, tok) ||
             cc_token_in (self->lexicon->source_org_words, tok) ||
             cc_token_in (self->lexicon->people_nouns, tok) || (i < src->last && !CC_TOK (doc, i + 1)->upper))))
        return TRUE;
    }
  return FALSE;
}

/* Does an attribution after a quantity speak of what came before it? Yes
 * for "…, officials said", "according to X" and "…,” said X"; no for a
 * relative clause ("a bill critics say mirrors a law"). */
static gboolean
attributes_back (CcDoc          *doc,
                 const CcSource *src)
{
  guint i = src->first;

  if (cc_is_word (doc, src->verb, "according"))
    return TRUE;
  /* inverted: "said X" right after the quote or the comma */
  if (src->first > src->verb)
    return TRUE;
  /* ", a South Korean lawmaker said", ", the ministry said" */
  while (i > 0 && (cc_is_word (doc, i - 1, "a") || cc_is_word (doc, i - 1, "an") ||
                   cc_is_word (doc, i - 1, "the")))
    i--;
  return i > 0 && cc_is_punct (doc, i - 1, ",”\"'’");
}

/* Is @inner said within what @outer says: "Vucic said authorities
 * estimated", not "While Russia denied it, Ukraine said"? */
static gboolean
nested (CcDoc          *doc,
        const CcSource *outer,
        const CcSource *inner)
{
  if (inner->first <= outer->verb)
    return FALSE;
  for (guint i = outer->verb + 1; i < inner->first; i++)
    if (cc_is_punct (doc, i, ",;:“”\"()"))
      return FALSE;
  return TRUE;
}

static const CcSource *
relay (CcDoc          *doc,
       const CcSource *outer,
       const CcSource *inner)
{
  CcSource *src;

  if (outer == NULL)
    return inner;
  if (inner == NULL || inner == outer || g_strcmp0 (inner->name, outer->name) == 0 ||
      strstr (outer->name, "(citing") != NULL)
    return outer;
  src = _cc_doc_new_source (doc);
  *src = *outer;
  src->name = _cc_doc_strconcat (doc, outer->name, " (citing ", inner->name, ")", NULL);
  src->country = outer->country != NULL ? outer->country : inner->country;
  g_ptr_array_add (doc->relays, src);
  return src;
}

static gboolean
is_article (CcToken *tok)
{
  return !strcmp (tok->low, "the") || !strcmp (tok->low, "a") || !strcmp (tok->low, "an") ||
         !strcmp (tok->low, "its") || !strcmp (tok->low, "their") || !strcmp (tok->low, "this") ||
         !strcmp (tok->low, "his") || !strcmp (tok->low, "her");
}

/* The noun phrase that opens a sentence and is the subject of its verb:
 * "The government has decided …", for "its" before @before. */
static const CcSource *
clause_subject (CcExtractor *self,
                CcDoc       *doc,
                guint        start,
                guint        before)
{
  guint end = start;
  CcSource *src;

  if (cc_is_word (doc, end, "the"))
    end++;
  while (end < before && CC_TOK (doc, end)->kind == CC_TOK_WORD &&
         (CC_TOK (doc, end)->upper || cc_token_in (self->lexicon->source_words, CC_TOK (doc, end)) ||
          cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, end))))
    end++;
  if (end == start || end >= before || CC_TOK (doc, end)->upper ||
      CC_TOK (doc, end)->kind != CC_TOK_WORD)
    return NULL;
  if ((src = _cc_source_before (self, doc, start, end - 1, end)) == NULL)
    return NULL;
  g_ptr_array_add (doc->relays, src);
  return src;
}

/* The agent of the passive verb that follows the counted people: "the
 * 4,460 fatality count was released by the civil defence agency", "the
 * 18,000 deaths recorded by the ACLED project". */
static CcSource *
passive_agent (CcExtractor *self,
               CcDoc       *doc,
               CcQuantity  *q)
{
  static const char recording[][CC_LIST_WORD] = {
    "recorded", "counted", "reported", "registered", "confirmed", "estimated", "compiled",
    "documented", "verified", "released", "published", "given", "issued", "provided", "tallied",
    "announced", "cited", "put", "made", "set",
  };
  guint end = cc_doc_sentence_end (doc, CC_TOK (doc, q->first)->sentence);
  guint i = MAX (q->last, q->subject_last) + 1;
  guint first, last;

  if (cc_is_word (doc, i, "was") || cc_is_word (doc, i, "were") || cc_is_word (doc, i, "is") ||
      cc_is_word (doc, i, "are") || cc_is_word (doc, i, "had") || cc_is_word (doc, i, "have"))
    i++;
  if (cc_is_word (doc, i, "been"))
    i++;
  i--;
  /* verbs of recording and telling only: "killed by Russian forces" names
   * who killed, not who counted */
  if (i + 2 >= end || !cc_is_word (doc, i + 2, "by") || !CC_IS_ANY_WORD (doc, i + 1, recording))
    return NULL;
  for (last = i + 3; last + 1 < end && last < i + 3 + PHRASE_WORDS && !cc_is_punct (doc, last + 1, ",.;:") &&
                     !cc_is_word (doc, last + 1, "on") && !cc_is_word (doc, last + 1, "in") &&
                     !cc_is_word (doc, last + 1, "for") && !cc_is_word (doc, last + 1, "since"); last++)
    ;
  first = i + 3;
  return _cc_source_before (self, doc, first, last, i + 1);
}

/* The owner of the counting noun that stands for @q: "unions' estimate of
 * almost 2mn", "Zelensky has put the total figure of … at 12,000", "the
 * military increased the estimated casualties to 4,000". */
static const CcSource *
count_owner (CcExtractor *self,
             CcDoc       *doc,
             CcQuantity  *q)
{
  guint start = cc_doc_sentence_start (doc, CC_TOK (doc, q->first)->sentence);
  guint i = q->count_noun;
  CcSource *src = NULL;
  gboolean people, determined = FALSE;
  guint verb;

  if (i == 0 || i <= start)
    return NULL;
  /* "the 4,460 fatality count": its modifiers stand before the number */
  if (i > q->last)
    i = q->first;

  /* over the determiner and adjectives: "the total", "its official" */
  while (i > start && q->count_noun - i < OWNER_REACH)
    {
      CcToken *prev = CC_TOK (doc, i - 1);

      /* "officials estimated casualties at", but "the estimated casualties" */
      if (prev->kind != CC_TOK_WORD || prev->upper ||
          (cc_token_in (self->lexicon->attribution_verbs, prev) &&
           !(i - 1 > start && is_article (CC_TOK (doc, i - 2)))) ||
          !(is_article (prev) || cc_has_suffix (prev->low, "ed") ||
            cc_has_suffix (prev->low, "al") || cc_has_suffix (prev->low, "er") ||
            cc_is_word (doc, i - 1, "own") ||
            cc_is_word (doc, i - 1, "latest") || cc_is_word (doc, i - 1, "new")))
        break;
      if (cc_is_word (doc, i - 1, "the") || cc_is_word (doc, i - 1, "a") ||
          cc_is_word (doc, i - 1, "an"))
        {
          i--;
          determined = TRUE;
          break;
        }
      /* "its official estimate": the subject that opens the clause */
      if (cc_is_word (doc, i - 1, "its") || cc_is_word (doc, i - 1, "their"))
        return clause_subject (self, doc, start, i - 1);
      i--;
    }
  if (i <= start)
    return NULL;

  people = cc_token_in (self->lexicon->people_nouns, CC_TOK (doc, q->count_noun));
  verb = i - 1;
  while (verb > start && (cc_is_word (doc, verb, "off") || cc_is_word (doc, verb, "on") ||
                          cc_is_word (doc, verb, "up")))
    verb--;

  /* "unions’ estimate", "the ministry's figure"; not "Pyongyang's troops" */
  if (people)
    ;
  else if (cc_is_punct (doc, i - 1, "'’") && i - 1 > start && CC_TOK (doc, i - 2)->kind == CC_TOK_WORD)
    src = _cc_source_before (self, doc, start, i - 2, i - 1);
  else if (CC_TOK (doc, i - 1)->kind == CC_TOK_WORD && cc_has_suffix (CC_TOK (doc, i - 1)->low, "'s"))
    src = _cc_source_before (self, doc, start, i - 1, i - 1);
  /* a verb takes the counting noun with its determiner: "put the toll",
   * not "flood death toll" */
  if (src == NULL && determined && CC_TOK (doc, verb)->kind == CC_TOK_WORD && !CC_TOK (doc, verb)->upper &&
      !cc_token_in (self->lexicon->stop_words, CC_TOK (doc, verb)) && verb > start)
    {
      /* the verb whose object the counting noun is: "put", "gave",
       * "signed off on", "increased"; its subject owns the figure */
      guint last = verb;

      while (last > start && CC_TOK (doc, last - 1)->kind == CC_TOK_WORD &&
             (cc_phrase_set_starts (self->lexicon->attribution_adverbs, CC_TOK (doc, last - 1)->marks) ||
              cc_is_word (doc, last - 1, "now")) && verb - last < 3)
        last--;
      if (last > start)
        src = _cc_source_before (self, doc, start, last - 1, verb);
    }

  if (src == NULL)
    return NULL;
  g_ptr_array_add (doc->relays, src);
  /* "It later withdrew the figure": resolved by the caller */
  if (_cc_source_is_pronoun (doc, src))
    return src;
  if (!presentable (self, doc, src) ||
      (!src->named && !src->person &&
       !cc_token_in (self->lexicon->source_words, CC_TOK (doc, src->last)) &&
       !cc_token_in (self->lexicon->source_org_words, CC_TOK (doc, src->last)) &&
       !cc_token_in (self->lexicon->titles, CC_TOK (doc, src->last)) &&
       !cc_has_suffix (CC_TOK (doc, src->last)->low, "s")))
    return NULL;
  return src;
}

/* The attribution that closes a quotation running on from @sentence:
 * "“… 8,000 were there. Now … Kursk,” said spokesperson Matthew Miller". */
static const CcSource *
closing_attribution (CcExtractor *self,
                     CcDoc       *doc,
                     guint        sentence)
{
  guint paragraph = CC_PARAGRAPH (doc, cc_doc_sentence_start (doc, sentence));

  for (guint s = sentence + 1; s < sentence + QUOTE_REACH && s + 1 < doc->sentences->len; s++)
    {
      guint first = cc_doc_sentence_start (doc, s);
      GPtrArray *sources;

      if (CC_PARAGRAPH (doc, first) != paragraph || !CC_TOK (doc, first)->in_quote)
        return NULL;
      sources = _cc_sentence_sources (self, doc, s);
      for (guint k = 0; k < sources->len; k++)
        {
          const CcSource *src = g_ptr_array_index (sources, k);

          if (!CC_TOK (doc, src->verb)->in_quote && attributes_back (doc, src))
            return src;
        }
    }
  return NULL;
}

/* A post quoted whole ends with its author: "… — Volodymyr Zelenskyy
 * (@handle) January 11, 2025". */
static const CcSource *
signature (CcExtractor *self,
           CcDoc       *doc,
           guint        sentence)
{
  guint paragraph = CC_PARAGRAPH (doc, cc_doc_sentence_start (doc, sentence));
  guint s = sentence, end, dash, name_end;
  CcSource *src;

  while (s + 2 < doc->sentences->len && s < sentence + QUOTE_REACH &&
         CC_PARAGRAPH (doc, cc_doc_sentence_start (doc, s + 1)) == paragraph)
    s++;
  end = cc_doc_sentence_end (doc, s);
  for (dash = end; dash-- > 0 && end - dash <= SIGNATURE_REACH;)
    if (cc_is_punct (doc, dash, "—–"))
      break;
  if (end - dash > SIGNATURE_REACH || !cc_is_punct (doc, dash, "—–"))
    return NULL;

  /* the name, then only what a post's footer holds: another spelling,
   * the handle, the date */
  for (name_end = dash + 1; name_end < end && CC_TOK (doc, name_end)->kind == CC_TOK_WORD &&
                            CC_TOK (doc, name_end)->upper; name_end++)
    ;
  if (name_end - dash < 3)
    return NULL;
  for (guint i = name_end; i < end; i++)
    {
      CcToken *tok = CC_TOK (doc, i);

      if (tok->kind == CC_TOK_WORD && !tok->upper && (guchar)doc->text[tok->start] < 0x80 &&
          !cc_is_punct (doc, i - 1, "@"))
        return NULL;
    }
  if ((src = _cc_source_before (self, doc, dash + 1, name_end - 1, dash)) == NULL)
    return NULL;
  g_ptr_array_add (doc->relays, src);
  if (src->date == NULL)
    src->date = _cc_footer_date (doc, name_end, end);
  doc->direct = src;
  return src->person ? src : NULL;
}

/* "According to the NIS, Pyongyang plans to send 6,000 more. Around 1,000
 * engineers have arrived": a sentence-initial "according to X" frames the
 * unattributed sentence after it. */
static const CcSource *
framing_source (CcExtractor *self,
                CcDoc       *doc,
                guint        sentence)
{
  guint start = cc_doc_sentence_start (doc, sentence - 1);
  GPtrArray *sources = _cc_sentence_sources (self, doc, sentence - 1);

  if (_cc_sentence_sources (self, doc, sentence)->len > 0 || !cc_is_word (doc, start, "according"))
    return NULL;
  for (guint k = 0; k < sources->len; k++)
    {
      const CcSource *src = g_ptr_array_index (sources, k);

      if (src->verb == start)
        return resolve (self, doc, sentence - 1, src);
    }
  return NULL;
}

static gboolean
adjunct_between (CcDoc *doc,
                 guint  verb,
                 guint  first)
{
  static const char subordinators[][CC_LIST_WORD] = { "as", "while", "when", "after", "before",
                                                "because", "since", "whereas" };
  static const char not_clauses[][CC_LIST_WORD] = { "many", "much", "high", "low", "few", "of", "well",
                                              "early", "late", "soon", "long", "far", "part",
                                              "a", "an", "the", "if", "though", "to", "saying" };

  for (guint i = verb + 1; i < first; i++)
    {
      gboolean not_clause;

      if (cc_is_word (doc, i, "that") || cc_is_punct (doc, i, ":“\""))
        return FALSE;
      /* the words around are read only for a subordinator */
      if (i == verb + 1 || !CC_IS_ANY_WORD (doc, i, subordinators))
        continue;
      /* "as many as", "as high as": a qualifier, not a clause */
      not_clause = CC_IS_ANY_WORD (doc, i + 1, not_clauses) || CC_IS_ANY_WORD (doc, i - 1, not_clauses);
      not_clause |= i + 1 < doc->tokens->len && CC_TOK (doc, i + 1)->kind == CC_TOK_NUMBER;
      if (!not_clause)
        return TRUE;
    }
  return FALSE;
}

/**
 * _cc_resolve_source:
 *
 * Returns: (nullable): who the pronoun or description @src of @sentence
 * stands for, or @src itself
 */
const CcSource *
_cc_resolve_source (CcExtractor    *self,
                    CcDoc          *doc,
                    guint           sentence,
                    const CcSource *src)
{
  return resolve (self, doc, sentence, src);
}

/**
 * _cc_extractor_source:
 *
 * Returns: (nullable): the source of the quantity @q
 */
const CcSource *
_cc_extractor_source (CcExtractor *self,
                      CcDoc       *doc,
                      CcQuantity  *q)
{
  guint sentence = CC_TOK (doc, q->first)->sentence;
  GPtrArray *sources = _cc_sentence_sources (self, doc, sentence);
  const CcSource *first_before = NULL, *before = NULL, *after = NULL, *src = NULL;

  for (guint k = 0; k < sources->len; k++)
    {
      const CcSource *s = g_ptr_array_index (sources, k);

      /* within reach of the claim: a sentence may be a whole text */
      if (s->verb + SOURCE_REACH < q->first || s->verb > q->last + SOURCE_REACH)
        continue;
      if (s->verb < q->first)
        {
          if (first_before == NULL)
            first_before = s;
          before = s;
        }
      else if (after == NULL && attributes_back (doc, s))
        after = s;
    }

  doc->direct = NULL;

  /* "…,” he told a press conference as tens of thousands gathered": an
   * adjunct clause after the attribution is the article's own account */
  if (before != NULL && adjunct_between (doc, before->verb, q->first))
    before = first_before = NULL;

  /* "the 18,000 deaths recorded by the ACLED project" */
  {
    CcSource *agent = passive_agent (self, doc, q);

    if (agent != NULL)
      {
        g_ptr_array_add (doc->relays, agent);
        if (presentable (self, doc, agent))
          {
            doc->direct = agent;
            return agent;
          }
      }
  }

  if ((src = count_owner (self, doc, q)) != NULL)
    {
      const CcSource *owner = resolve (self, doc, sentence, src);

      /* "Vucic said authorities estimated the number at …" */
      if (presentable (self, doc, owner) && first_before != NULL && first_before->verb < src->first &&
          nested (doc, first_before, src) && !proper (self, doc, src))
        {
          doc->direct = first_before;
          return relay (doc, resolve (self, doc, sentence, first_before), owner);
        }
      if (presentable (self, doc, owner))
        {
          doc->direct = src;
          return owner;
        }
      src = NULL;
    }

  if (before != NULL && before->embedded)
    /* "an official, who cited several hundred casualties" */
    src = resolve (self, doc, sentence, doc->direct = before);
  else if (after != NULL && before != NULL && after->verb > q->last && !proper (self, doc, before))
    /* "X have reported … 100,000, the army's spokesman said": the
     * sentence's speaker relays the unnamed source within; a named one
     * ("the NIS said …, according to a lawmaker") keeps its claim */
    src = relay (doc, resolve (self, doc, sentence, doc->direct = after),
                 resolve (self, doc, sentence, before));
  else if (before != NULL && first_before != before && nested (doc, first_before, before) &&
           !proper (self, doc, before))
    /* "X said the organization estimates …"; a named source within ("X
     * said the NIS said …") keeps its claim */
    src = relay (doc, resolve (self, doc, sentence, doc->direct = first_before),
                 resolve (self, doc, sentence, before));
  else if (before != NULL)
    src = resolve (self, doc, sentence, doc->direct = before);
  else if (after != NULL)
    src = resolve (self, doc, sentence, doc->direct = after);
  else if (CC_TOK (doc, q->first)->in_quote)
    {
      /* a quotation standing alone: whoever closes it, else whoever spoke
       * last */
      src = resolve (self, doc, sentence, doc->direct = closing_attribution (self, doc, sentence));
      if (src == NULL && sentence > 0)
        src = carried_source (self, doc, sentence - 1, NULL);
    }
  else if ((src = signature (self, doc, sentence)) == NULL && sentence > 0)
    src = framing_source (self, doc, sentence);

  if (src != NULL && !presentable (self, doc, src))
    return NULL;
  return src;
}
