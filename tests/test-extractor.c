/* test-extractor.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Unit cases for the quantity reader, and a score of the extractor against
 * the hand-made gold claims of the sample (tests/data/corpus). */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cc-claim.h"
#include "cc-extractor.h"

static GPtrArray *
extract (const char *text)
{
  return cc_extractor_extract (cc_extractor_get_default (), text, "2024-10-18");
}

static CcClaim *
only_claim (GPtrArray  *claims,
            const char *text)
{
  if (claims->len != 1)
    g_error ("“%s”: expected one claim, found %u", text, claims->len);
  return g_ptr_array_index (claims, 0);
}

typedef struct
{
  const char *text;
  const char *quantity;
  double      low;
  double      high;
  const char *qualifier;
  const char *subject;
  gboolean    vague;
} QuantityCase;

static void
test_quantities (void)
{
  static const QuantityCase cases[] = {
    { "Officials said 10,000 troops were sent.", "10,000", 10000, 10000, NULL, "troops", FALSE },
    { "It has 10 000 soldiers there.", "10 000", 10000, 10000, NULL, "soldiers", FALSE },
    { "North Korea maintains around 1.28 million active troops.", "1.28 million", 1280000,
      1280000, "around", "active troops", FALSE },
    { "He said six soldiers died.", "six", 6, 6, NULL, "soldiers", FALSE },
    { "Twelve thousand troops arrived.", "Twelve thousand", 12000, 12000, NULL, "troops", FALSE },
    { "A dozen protesters gathered.", "A dozen", 12, 12, NULL, "protesters", FALSE },
    { "Several thousand infantry soldiers are training.", "Several thousand", 2000, 9000, NULL,
      "infantry soldiers", TRUE },
    { "Tens of thousands of refugees fled.", "Tens of thousands", 20000, 90000, NULL,
      "refugees", TRUE },
    { "Between 1,000 and 3,000 workers were sent.", "1,000 and 3,000", 1000, 3000, NULL,
      "workers", FALSE },
    { "Some 10,000-12,000 troops moved.", "10,000-12,000", 10000, 12000, "around", "troops",
      FALSE },
    { "There are almost 11,000 North Korean infantry troops.", "11,000", 11000, 11000, "almost",
      "North Korean infantry troops", FALSE },
    { "As many as 12,000 soldiers could go.", "12,000", 12000, 12000, "as many as", "soldiers",
      FALSE },
    { "More than 600,000 Russian soldiers were killed or injured.", "600,000", 600000, 600000,
      "more than", "Russian soldiers", FALSE },
    { "At least 300 civilians died.", "300", 300, 300, "at least", "civilians", FALSE },
    { "Up to 1,500 special operation forces left.", "1,500", 1500, 1500, "up to",
      "special operation forces", FALSE },
    { "Hundreds of protesters marched.", "Hundreds", 200, 900, NULL, "protesters", TRUE },
    { "Twenty-five workers were hurt.", "Twenty-five", 25, 25, NULL, "workers", FALSE },
    { "Half a million refugees crossed.", "Half a million", 500000, 500000, NULL, "refugees",
      FALSE },
    { "A 3,000-strong contingent arrived.", "3,000", 3000, 3000, NULL, "contingent", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const QuantityCase *c = &cases[i];
      g_autoptr(GPtrArray) claims = extract (c->text);
      CcClaim *claim = only_claim (claims, c->text);
      const char *p = g_utf8_offset_to_pointer (c->text, cc_claim_get_start (claim));
      const char *q = g_utf8_offset_to_pointer (c->text, cc_claim_get_end (claim));
      g_autofree char *span = g_strndup (p, q - p);

      g_test_message ("%s", c->text);
      g_assert_cmpstr (cc_claim_get_text (claim), ==, c->quantity);
      g_assert_cmpstr (span, ==, c->quantity);
      g_assert_cmpfloat (cc_claim_get_low (claim), ==, c->low);
      g_assert_cmpfloat (cc_claim_get_high (claim), ==, c->high);
      g_assert_cmpstr (cc_claim_get_qualifier (claim), ==, c->qualifier);
      g_assert_cmpstr (cc_claim_get_subject (claim), ==, c->subject);
      g_assert_cmpint (cc_claim_get_vague (claim), ==, c->vague);
      g_assert_cmpint (cc_claim_get_origin (claim), ==, CC_CLAIM_ORIGIN_AUTO);
      g_assert_cmpuint (cc_claim_get_extractor_version (claim), ==, CC_EXTRACTOR_VERSION);
    }
}

static void
test_not_claims (void)
{
  static const char * const texts[] = {
    "In 2024 the war went on.",
    "The deal was worth $10 million to the troops' suppliers.",
    "About 40 percent of soldiers agreed.",
    "Support rose 12% among soldiers.",
    "On October 8 soldiers were seen near the border.",
    "The 20-year-old soldier was hurt.",
    "A soldier, 34, was hurt.",
    "The 1st Brigade and 3rd Army moved.",
    "At 10:30 troops moved.",
    "The war has lasted 32 months.",
    "Four brigades were formed.",
    "One of the people said so.",
    "The F-16 jets arrived.",
    "Some 100000000000000000 soldiers were sent.",
    "About 20 billion people marched.",
    "Forty-some-words-hyphenated-into-one-very-long-token soldiers left.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) claims = extract (texts[i]);

      if (claims->len != 0)
        g_error ("“%s”: expected no claim, found “%s”", texts[i],
                 cc_claim_get_text (g_ptr_array_index (claims, 0)));
    }
}

static void
test_offsets_are_characters (void)
{
  const char *text = "“Ünïcödé” — Kyiv’s officials said 2,600 troops were poised.";
  g_autoptr(GPtrArray) claims = extract (text);
  CcClaim *claim = only_claim (claims, text);
  const char *p = g_utf8_offset_to_pointer (text, cc_claim_get_start (claim));

  g_assert_true (g_str_has_prefix (p, "2,600"));
  g_assert_cmpuint (cc_claim_get_end (claim) - cc_claim_get_start (claim), ==, 5);
}

typedef struct
{
  const char    *text;
  const char    *quantity;
  const char    *claimant;
  const char    *country;
  CcClaimStatus  status;
  gboolean       hedged;
  const char    *event_date;
} ContextCase;

static void
assert_context (CcClaim           *claim,
                const ContextCase *c)
{
  g_assert_cmpstr (cc_claim_get_claimant (claim), ==, c->claimant);
  g_assert_cmpstr (cc_claim_get_claimant_country (claim), ==, c->country);
  g_assert_cmpstr (cc_claim_status_to_string (cc_claim_get_status (claim)), ==,
                   cc_claim_status_to_string (c->status));
  g_assert_cmpint (cc_claim_get_hedged (claim), ==, c->hedged);
  g_assert_cmpstr (cc_claim_get_event_date (claim), ==, c->event_date);
}

/* Stories other than the sample's, published on Tuesday 2024-10-15. */
static void
test_other_stories (void)
{
  static const ContextCase cases[] = {
    { "At least 41,000 people have been killed in Gaza since the war began, according to the "
      "Gaza Health Ministry.", "41,000", "Gaza Health Ministry", "Gaza", CC_CLAIM_STATUS_KILLED,
      FALSE, NULL },
    { "Gaza's health ministry said the war goes on. The ministry said on Monday that more than 95,000 "
      "people had been wounded.", "95,000", "Gaza's health ministry", "Gaza",
      CC_CLAIM_STATUS_INJURED, FALSE, "2024-10-14" },
    { "Israel says it has killed about 17,000 militants, a figure that could not be independently "
      "verified.", "17,000", "Israel", "Israel", CC_CLAIM_STATUS_KILLED, TRUE, NULL },
    { "The death toll from the strike rose to 32, officials said.", "32", "officials", NULL,
      CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    /* "on Saturday" dates the march, not the statement */
    { "Organizers said 250,000 people joined the march in Paris on Saturday.", "250,000",
      "Organizers", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    /* people arrested or detained are "other", as prisoners are */
    { "Police arrested 112 people, Interior Minister Gerald Darmanin said.", "112",
      "Gerald Darmanin", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "The UN refugee agency said nearly 6.5 million Ukrainians have fled the country.", "6.5 million",
      "UN refugee agency", "United Nations", CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "About 7.1 million people are displaced, the International Organization for Migration "
      "estimated.", "7.1 million", "International Organization for Migration", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Russian President Vladimir Putin said on Friday that nearly 700,000 Russian soldiers are "
      "fighting in Ukraine.", "700,000", "Vladimir Putin", "Russia", CC_CLAIM_STATUS_FIGHTING,
      FALSE, "2024-10-11" },
    { "British intelligence estimated that up to 450,000 Russian troops had been killed or wounded.",
      "450,000", "British intelligence", "United Kingdom", CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "NATO Secretary General Mark Rutte spoke in Brussels. Over 600,000 soldiers have been "
      "killed or injured, according to Rutte.", "600,000", "Mark Rutte", "NATO",
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Deputy Pentagon Press Secretary Sabrina Singh said yesterday that 10,000 soldiers were sent.",
      "10,000", "Sabrina Singh", "United States", CC_CLAIM_STATUS_SENT, FALSE, "2024-10-14" },
    { "A Ukrainian military intelligence official, speaking on condition of anonymity, said "
      "“several thousand” soldiers are training.", "several thousand",
      "Ukrainian military intelligence official", "Ukraine", CC_CLAIM_STATUS_TRAINING, FALSE,
      NULL },
    { "Kyiv says Pyongyang could send as many as 12,000 soldiers.", "12,000", "Kyiv", "Ukraine",
      CC_CLAIM_STATUS_PREPARING, TRUE, NULL },
    { "Tens of thousands of people rallied against a bill critics say mirrors a foreign law.",
      "Tens of thousands", NULL, NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "At least 100 soldiers have been killed, a South Korean lawmaker said on Thursday.", "100",
      "South Korean lawmaker", "South Korea", CC_CLAIM_STATUS_KILLED, FALSE, "2024-10-10" },
    { "Ukraine's army said 30 soldiers had been killed or wounded. It did not provide evidence.",
      "30", "Ukraine's army", "Ukraine", CC_CLAIM_STATUS_OTHER, TRUE, NULL },
    { "Zelensky said the number of troops killed or wounded had reached 3,000.", "3,000",
      "Zelensky", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "The death toll from Friday's earthquake in the west has risen to more than 2,000, a "
      "spokesman said.", "2,000", "spokesman", NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "Officials said between 11,000 and 12,000 troops were in Russia.", "11,000 and 12,000",
      "Officials", NULL, CC_CLAIM_STATUS_DEPLOYED, FALSE, NULL },
    { "“There are now 12,000 soldiers in Russia,” the agency said.", "12,000", "agency", NULL,
      CC_CLAIM_STATUS_DEPLOYED, FALSE, NULL },
    { "Up to 12,000 troops, including senior officers, have been sent to Russia, according to "
      "Ukraine's intelligence service.", "12,000", "Ukraine's intelligence service", "Ukraine",
      CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "“We saw 5,000 protesters,” said Anna Kowalska, a spokeswoman for Poland’s police.",
      "5,000", "Anna Kowalska", "Poland", CC_CLAIM_STATUS_OTHER, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ContextCase *c = &cases[i];
      g_autoptr(GPtrArray) claims = cc_extractor_extract (cc_extractor_get_default (), c->text,
                                                          "2024-10-15");
      CcClaim *claim = only_claim (claims, c->text);

      g_test_message ("%s", c->text);
      g_assert_cmpstr (cc_claim_get_text (claim), ==, c->quantity);
      assert_context (claim, c);
    }
}

/* Sentences of the project's own, one for each way English news states a
 * figure and its source, published on Friday 2024-10-18. */
static void
test_reading (void)
{
  static const ContextCase cases[] = {
    /* counting phrases and verbs */
    { "The death toll climbed to 2,300, the health ministry said.", "2,300", "health ministry",
      NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "Officials put the number of dead at 9,000.", "9,000", "Officials", NULL,
      CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "Officials revised the figure to 412 on Friday.", "412", "Officials", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "The tally of missing stood at 1,100, rescuers said.", "1,100", "rescuers", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "The 4,460 fatality count was released by the civil defence agency.", "4,460",
      "civil defence agency", NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    /* a number that is the subject of a people verb */
    { "As many as 8,000 were there, the spokesman said.", "8,000", "spokesman", NULL,
      CC_CLAIM_STATUS_DEPLOYED, FALSE, NULL },
    { "Some 40,000 had been confirmed dead, Governor Ali Khan said.", "40,000", "Ali Khan", NULL,
      CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "About 1,200 marched through the capital, organisers said.", "1,200", "organisers", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Of the passengers, 300 of them drowned, the coast guard said.", "300", "coast guard",
      NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    /* forms */
    { "Police said 1.5mn people marched.", "1.5mn", "Police", NULL, CC_CLAIM_STATUS_OTHER, FALSE,
      NULL },
    { "Unions said 2 mn people marched.", "2 mn", "Unions", NULL, CC_CLAIM_STATUS_OTHER, FALSE,
      NULL },
    { "Between 25-thousand to 30-thousand protesters gathered, police said.",
      "25-thousand to 30-thousand", "police", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Six-thousand soldiers arrived, the army said.", "Six-thousand", "army", NULL,
      CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "Officials said 2,000 more North Korean troops had arrived.", "2,000", "Officials", NULL,
      CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "Officials said another 3,000 troops were sent.", "3,000", "Officials", NULL,
      CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "Hundreds of residents fled, witnesses said.", "Hundreds", "witnesses", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Dozens of pilgrims were hurt, the ministry said.", "Dozens", "ministry", NULL,
      CC_CLAIM_STATUS_INJURED, FALSE, NULL },
    /* people nouns by their form */
    { "The agency said 300 deminers were working in the region.", "300", "agency", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Some 1,200 evacuees reached the border, the UN said.", "1,200", "UN", "United Nations",
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "About 400 worshippers attended, organizers said.", "400", "organizers", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    /* attribution beyond "X said" */
    { "Police estimated the crowd at 40,000.", "40,000", "Police", NULL, CC_CLAIM_STATUS_OTHER,
      FALSE, NULL },
    { "The UN put the toll at 9,000.", "9,000", "UN", "United Nations", CC_CLAIM_STATUS_KILLED,
      FALSE, NULL },
    { "According to figures released by the health ministry, 320 people were killed.", "320",
      "health ministry", NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "The ministry on June 15 estimated that 5,000 troops had arrived.", "5,000", "ministry",
      NULL, CC_CLAIM_STATUS_SENT, FALSE, "2024-06-15" },
    { "The State Department, which confirmed that 1,500 troops had arrived, gave no details.",
      "1,500", "State Department", "United States", CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "“We counted 3,000 protesters,” said Anna Novak, a police spokeswoman.", "3,000",
      "Anna Novak", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Yonhap, citing an unnamed official, said 1,500 troops had arrived.", "1,500",
      "Yonhap (citing unnamed official)", "South Korea", CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "The 12,000 figure was given by the ministry's spokesman.", "12,000",
      "ministry's spokesman", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Ukraine’s 12,000 estimate is the highest.", "12,000", "Ukraine", "Ukraine",
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    /* pronouns and descriptions, across sentences, with their day */
    { "Defence Minister Jan Kowalski spoke on Monday. He said 2,000 soldiers were sent.", "2,000",
      "Jan Kowalski", NULL, CC_CLAIM_STATUS_SENT, FALSE, "2024-10-14" },
    { "South Korea's spy agency briefed lawmakers. The agency said 1,500 troops had arrived.",
      "1,500", "National Intelligence Service", "South Korea", CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "The interior ministry said 380,000 people protested. It counted 570,000 people last week.",
      "570,000", "interior ministry", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    /* clause scope */
    { "About 2,000 soldiers deployed to Russia have been killed, officials said.", "2,000",
      "officials", NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "About 10,000 troops are in Russia, the ministry said.", "10,000", "ministry", NULL,
      CC_CLAIM_STATUS_DEPLOYED, FALSE, NULL },
    { "There were 3,000 soldiers on Russian territory, Ukrainian President Volodymyr Zelensky "
      "said.", "3,000", "Volodymyr Zelensky", "Ukraine", CC_CLAIM_STATUS_DEPLOYED, FALSE, NULL },
    { "Around 1,000 engineers have arrived, while other troops are reportedly stationed nearby.",
      "1,000", NULL, NULL, CC_CLAIM_STATUS_SENT, FALSE, NULL },
    { "The ministry said 1,500 troops had arrived. It later withdrew the figure.", "1,500",
      "ministry", NULL, CC_CLAIM_STATUS_SENT, TRUE, NULL },
    { "More than 61,000 people died, researchers at the London School of Hygiene and Tropical "
      "Medicine said.", "61,000", "researchers at the London School of Hygiene and Tropical Medicine",
      "United Kingdom", CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "That is far more than the 18,000 deaths recorded by the Conflict Data Project.", "18,000",
      "Conflict Data Project", NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "About 300 people were killed by shelling, officials said.", "300", "officials", NULL,
      CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "Police said 12 people were arrested and four officers were injured.", "12", "Police", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Police said 12 people were arrested and four officers were injured.", "four", "Police", NULL,
      CC_CLAIM_STATUS_INJURED, FALSE, NULL },
    { "Police said 17 officers were injured and 31 people were arrested.", "31", "Police", NULL,
      CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "The interior ministry gave a lower figure of 217,000 protesters.", "217,000",
      "interior ministry", NULL, CC_CLAIM_STATUS_OTHER, FALSE, NULL },
    { "Health ministry says war death toll passes 40,000", "40,000", "Health ministry", NULL,
      CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    /* no source found: no claimant, never a pronoun or an article */
    { "Flood death toll rises to 212", "212", NULL, NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "He said 300 people died.", "300", NULL, NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
    { "An estimated 4,700 soldiers were killed.", "4,700", NULL, NULL, CC_CLAIM_STATUS_KILLED,
      FALSE, NULL },
    { "Under rubble, 300 people died.", "300", NULL, NULL, CC_CLAIM_STATUS_KILLED, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ContextCase *c = &cases[i];
      g_autoptr(GPtrArray) claims = cc_extractor_extract (cc_extractor_get_default (), c->text,
                                                          "2024-10-18");
      CcClaim *claim = NULL;

      g_test_message ("%s", c->text);
      /* the claim the case is about, among those of its sentences */
      for (guint j = 0; j < claims->len && claim == NULL; j++)
        if (g_strcmp0 (cc_claim_get_text (g_ptr_array_index (claims, j)), c->quantity) == 0)
          claim = g_ptr_array_index (claims, j);
      g_assert_nonnull (claim);
      assert_context (claim, c);
    }
}

/* A statement over two sentences keeps its speaker, country and day. */
static void
test_statement (void)
{
  const char *text = "South Korean lawmaker Park Sun-won said on Wednesday that 1,500 troops had "
                     "arrived. He added that 3,000 soldiers would follow by December.";
  g_autoptr(GPtrArray) claims = cc_extractor_extract (cc_extractor_get_default (), text,
                                                      "2024-10-18");

  g_assert_cmpuint (claims->len, ==, 2);
  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (claims, i);

      g_assert_cmpstr (cc_claim_get_claimant (claim), ==, "Park Sun-won");
      g_assert_cmpstr (cc_claim_get_claimant_country (claim), ==, "South Korea");
      g_assert_cmpstr (cc_claim_get_event_date (claim), ==, "2024-10-16");
    }
  g_assert_cmpint (cc_claim_get_status (g_ptr_array_index (claims, 1)), ==,
                   CC_CLAIM_STATUS_PREPARING);
}


static void
test_bad_text (void)
{
  g_autoptr(GPtrArray) invalid = cc_extractor_extract (cc_extractor_get_default (),
                                                       "10,000 troops \xff", NULL);
  g_autoptr(GPtrArray) empty = cc_extractor_extract (cc_extractor_get_default (), "", NULL);
  g_autoptr(GPtrArray) none = cc_extractor_extract (cc_extractor_get_default (), NULL, NULL);

  g_assert_cmpuint (invalid->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The tokenizer is the text's only UTF-8 check: a wrong byte anywhere,
 * inside a word, between words or cut off at the end, gives no claims,
 * as g_utf8_validate() would have it; the same text made valid gives its
 * claim. */
static void
test_bad_utf8 (void)
{
  static const char * const wrong[] = {
    "\xc0\xaf",         /* overlong "/" */
    "\xe0\x80\xaf",     /* overlong, three bytes */
    "\xed\xa0\x80",     /* a surrogate */
    "\xf4\x90\x80\x80", /* past U+10FFFF */
    "\xf5\x80\x80\x80", /* no such lead byte */
    "\x80",             /* a lone continuation byte */
    "\xc3",             /* a lead byte without its continuation */
    "\xe2\x80",         /* a cut typographic quote */
  };
  const char *before = "Officials said 10,000 troops were deployed near Kur";
  const char *after = "sk, in the west of the country, on Monday.";

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *inside = g_strconcat (before, wrong[i], after, NULL);
      g_autofree char *alone = g_strconcat (before, " ", wrong[i], " ", after, NULL);
      g_autofree char *end = g_strconcat (before, after, " ", wrong[i], NULL);
      g_autofree char *glued = g_strconcat (before, after, wrong[i], NULL);
      const char *texts[] = { inside, alone, end, glued };

      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        {
          g_autoptr(GPtrArray) claims = cc_extractor_extract (cc_extractor_get_default (),
                                                              texts[k], "2024-10-18");
          g_autofree char *date = cc_extractor_resolve_date (cc_extractor_get_default (),
                                                             texts[k], 15, "2024-10-18");

          g_assert_false (g_utf8_validate (texts[k], -1, NULL));
          g_assert_cmpuint (claims->len, ==, 0);
          g_assert_null (date);
        }
    }

  {
    g_autofree char *valid = g_strconcat (before, "\xc3\xa9\xe2\x80\x99", after, NULL);
    g_autoptr(GPtrArray) claims = cc_extractor_extract (cc_extractor_get_default (),
                                                        valid, "2024-10-18");

    g_assert_cmpuint (claims->len, ==, 1);
    g_assert_cmpfloat (cc_claim_get_low (g_ptr_array_index (claims, 0)), ==, 10000);
  }
}

/* Scoring against the gold claims ---------------------------------------- */

typedef struct
{
  guint    start;
  guint    end;
  JsonObject *gold;
} GoldSpan;

typedef struct
{
  guint n_gold;
  guint n_found;
  guint n_matched;
  guint value_ok;
  guint claimant_ok;
  guint country_ok;
  guint status_ok;
  guint date_ok;
  guint hedged_tp;
  guint hedged_fp;
  guint hedged_fn;
} Score;

typedef struct
{
  double f1;        /* detection */
  double value;
  double claimant;  /* lenient: the same words, spellings folded */
  double status;
  double date_all;  /* the same day, or both none */
  double hedged_f1;
} Bounds;

/* The character span of the occurrence-th match of number_text. */
static gboolean
find_span (const char *text,
           const char *needle,
           gint64      occurrence,
           guint      *start,
           guint      *end)
{
  const char *p = text;

  for (gint64 i = 1; (p = strstr (p, needle)) != NULL; i++)
    {
      if (i == occurrence)
        {
          *start = g_utf8_pointer_to_offset (text, p);
          *end = *start + g_utf8_strlen (needle, -1);
          return TRUE;
        }
      p += strlen (needle);
    }

  return FALSE;
}

static const char *
meta_published (JsonArray  *meta,
                const char *file)
{
  for (guint i = 0; i < json_array_get_length (meta); i++)
    {
      JsonObject *entry = json_array_get_object_element (meta, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "file"), file) == 0)
        return json_object_get_string_member (entry, "published");
    }
  return NULL;
}

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

/* Claimants are compared as a reader would: case, typographic
 * apostrophes, a leading "the" and the "(citing …)" relay left aside, and
 * spelling variants of a name (Zelensky, Zelenskyy) taken as one. */
static char *
claimant_key (const char *claimant)
{
  g_autofree char *lower = NULL;
  g_autoptr(GString) s = NULL;
  char *paren;

  if (claimant == NULL)
    return NULL;
  lower = g_utf8_strdown (claimant, -1);
  if ((paren = strstr (lower, " (")))
    *paren = '\0';
  s = g_string_new (g_strstrip (lower));
  g_string_replace (s, "\u2019", "'", 0);
  if (g_str_has_prefix (s->str, "the "))
    g_string_erase (s, 0, 4);
  return g_strdup (s->str);
}

static char *
fold_word (const char *word)
{
  gsize len = strlen (word);

  if (len > 3 && (g_str_has_suffix (word, "yy") || g_str_has_suffix (word, "iy") ||
                  g_str_has_suffix (word, "ii")))
    return g_strndup (word, len - 1);
  return g_strdup (word);
}

static gboolean
words_within (char **small,
              char **large)
{
  for (guint i = 0; small[i]; i++)
    {
      g_autofree char *a = fold_word (small[i]);
      gboolean found = FALSE;

      for (guint j = 0; large[j] && !found; j++)
        {
          g_autofree char *b = fold_word (large[j]);

          found = strcmp (a, b) == 0 ||
                  /* a misspelt given name: Kyrylyo, Kyrylo */
                  (i == 0 && j == 0 && small[1] != NULL && strncmp (a, b, 4) == 0);
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
claimant_matches (const char *gold,
                  const char *found)
{
  g_autofree char *g = claimant_key (gold);
  g_autofree char *f = claimant_key (found);
  g_auto(GStrv) gw = NULL;
  g_auto(GStrv) fw = NULL;

  /* the article's own voice has no claimant */
  if (g_strcmp0 (g, "outlet") == 0)
    return f == NULL;
  if (g == NULL || f == NULL)
    return g == f;

  gw = g_strsplit (g, " ", -1);
  fw = g_strsplit (f, " ", -1);
  return g_strv_length (gw) <= g_strv_length (fw) ? words_within (gw, fw) : words_within (fw, gw);
}

/* Countries as the schema has them: "other" is any country but the
 * story's, "Europe" any European country; none is wrong but for the
 * article's own voice. */
static gboolean
country_matches (const char *gold,
                 const char *found,
                 const char *gold_claimant)
{
  static const char * const story[] = { "Ukraine", "South Korea", "United States", "NATO",
                                        "Russia", "North Korea", "Europe" };
  static const char * const european[] = { "United Kingdom", "France", "Germany", "Italy",
                                           "Spain", "Poland", "Netherlands", "Belgium", "Sweden",
                                           "Finland", "Norway", "Denmark", "Estonia", "Latvia",
                                           "Lithuania", "Czech Republic", "Austria", "Ireland",
                                           "Portugal", "Greece", "Romania", "Hungary", "Serbia",
                                           "Switzerland", NULL };

  if (g_strcmp0 (gold, found) == 0)
    return TRUE;
  if (g_strcmp0 (gold, "Europe") == 0)
    return found != NULL && g_strv_contains (european, found);
  if (g_strcmp0 (gold, "other") == 0)
    {
      if (found == NULL)
        return g_strcmp0 (gold_claimant, "the outlet") == 0;
      for (guint i = 0; i < G_N_ELEMENTS (story); i++)
        if (strcmp (story[i], found) == 0)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static void
score_file (Score      *score,
            const char *dir,
            const char *file,
            const char *published,
            GPtrArray  *gold)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GoldSpan));
  g_autoptr(GPtrArray) claims = NULL;
  g_autofree gboolean *used = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  for (guint i = 0; i < gold->len; i++)
    {
      JsonObject *g = g_ptr_array_index (gold, i);
      GoldSpan span = { 0, 0, g };

      if (g_strcmp0 (json_object_get_string_member (g, "file"), file) != 0)
        continue;
      g_assert_true (find_span (text, json_object_get_string_member (g, "number_text"),
                                json_object_get_int_member (g, "occurrence"),
                                &span.start, &span.end));
      g_array_append_val (spans, span);
    }

  claims = cc_extractor_extract (cc_extractor_get_default (), text, published);
  score->n_gold += spans->len;
  score->n_found += claims->len;
  used = g_new0 (gboolean, claims->len);

  for (guint i = 0; i < spans->len; i++)
    {
      GoldSpan *span = &g_array_index (spans, GoldSpan, i);
      JsonObject *g = span->gold;
      CcClaim *match = NULL;
      gboolean gold_hedged;

      for (guint j = 0; j < claims->len && match == NULL; j++)
        {
          CcClaim *claim = g_ptr_array_index (claims, j);

          if (!used[j] && cc_claim_get_start (claim) < span->end &&
              span->start < cc_claim_get_end (claim))
            {
              used[j] = TRUE;
              match = claim;
            }
        }

      if (match == NULL)
        {
          g_test_message ("missed %s “%s”", file, json_object_get_string_member (g, "quote"));
          continue;
        }

      score->n_matched++;
      if (cc_claim_get_low (match) == json_object_get_double_member (g, "low") &&
          cc_claim_get_high (match) == json_object_get_double_member (g, "high"))
        score->value_ok++;

      if (claimant_matches (json_object_get_string_member (g, "claimant"),
                            cc_claim_get_claimant (match)))
        score->claimant_ok++;
      else
        g_test_message ("claimant of %s “%s”: “%s”, gold “%s”", file,
                        json_object_get_string_member (g, "number_text"),
                        cc_claim_get_claimant (match), json_object_get_string_member (g, "claimant"));
      if (country_matches (json_object_get_string_member (g, "claimant_country"),
                           cc_claim_get_claimant_country (match),
                           json_object_get_string_member (g, "claimant")))
        score->country_ok++;
      if (g_strcmp0 (cc_claim_status_to_string (cc_claim_get_status (match)),
                     json_object_get_string_member (g, "status")) == 0)
        score->status_ok++;
      if (g_strcmp0 (cc_claim_get_event_date (match), string_or_null (g, "event_date")) == 0)
        score->date_ok++;

      gold_hedged = json_object_get_boolean_member (g, "hedged");
      if (gold_hedged && cc_claim_get_hedged (match))
        score->hedged_tp++;
      else if (!gold_hedged && cc_claim_get_hedged (match))
        score->hedged_fp++;
      else if (gold_hedged)
        score->hedged_fn++;
    }

  for (guint j = 0; j < claims->len; j++)
    if (!used[j])
      g_test_message ("spurious %s “%s %s”", file,
                      cc_claim_get_text (g_ptr_array_index (claims, j)),
                      cc_claim_get_subject (g_ptr_array_index (claims, j)));
}

static double
f1 (double tp,
    double fp,
    double fn)
{
  return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
}

/* Scores the extractor against a folder of articles with gold claims (the
 * format of SCHEMA.md), prints the score line and holds it to @bounds. */
static void
score_folder (const char   *dir,
              const Bounds *bounds)
{
  g_autofree char *gold_path = g_build_filename (dir, "gold.json", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "meta.json", NULL);
  g_autoptr(JsonParser) gold_parser = json_parser_new ();
  g_autoptr(JsonParser) meta_parser = json_parser_new ();
  g_autoptr(GPtrArray) gold = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *gold_array, *meta;
  Score score = { 0 };
  double precision, recall, detection, hedged_f1;

  json_parser_load_from_file (gold_parser, gold_path, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (meta_parser, meta_path, &error);
  g_assert_no_error (error);
  gold_array = json_node_get_array (json_parser_get_root (gold_parser));
  meta = json_node_get_array (json_parser_get_root (meta_parser));

  for (guint i = 0; i < json_array_get_length (gold_array); i++)
    g_ptr_array_add (gold, json_array_get_object_element (gold_array, i));

  for (guint i = 0; i < json_array_get_length (meta); i++)
    {
      const char *file = json_object_get_string_member (json_array_get_object_element (meta, i),
                                                        "file");
      score_file (&score, dir, file, meta_published (meta, file), gold);
    }

  precision = score.n_found ? (double)score.n_matched / score.n_found : 0;
  recall = score.n_gold ? (double)score.n_matched / score.n_gold : 0;
  detection = f1 (score.n_matched, score.n_found - score.n_matched,
                  score.n_gold - score.n_matched);
  hedged_f1 = f1 (score.hedged_tp, score.hedged_fp, score.hedged_fn);

#define SHARE(n) (score.n_matched ? (double)(n) / score.n_matched : 0)
  g_printerr ("# %s: gold=%u predicted=%u P=%.2f R=%.2f F1=%.2f value=%.2f claimant=%.2f "
              "country=%.2f status=%.2f hedgedF1=%.2f date_all=%.2f\n",
              dir, score.n_gold, score.n_found, precision, recall, detection,
              SHARE (score.value_ok), SHARE (score.claimant_ok), SHARE (score.country_ok),
              SHARE (score.status_ok), hedged_f1, SHARE (score.date_ok));

  g_assert_cmpfloat (detection, >=, bounds->f1);
  g_assert_cmpfloat (SHARE (score.value_ok), >=, bounds->value);
  g_assert_cmpfloat (SHARE (score.claimant_ok), >=, bounds->claimant);
  g_assert_cmpfloat (SHARE (score.status_ok), >=, bounds->status);
  g_assert_cmpfloat (SHARE (score.date_ok), >=, bounds->date_all);
  g_assert_cmpfloat (hedged_f1, >=, bounds->hedged_f1);
#undef SHARE
}

/* The sample, the development set of the extractor's first rules. */
static void
test_gold (void)
{
  static const Bounds bounds = { 1.00, 1.00, 0.95, 1.00, 0.95, 0.85 };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "corpus", NULL);

  score_folder (dir, &bounds);
}

/* Ten outside articles, read from the shared folder beside the checkout:
 * their texts belong to their outlets and are not copied here. */
static void
test_corpus_dev (void)
{
  static const Bounds bounds = { 0.95, 0.95, 0.90, 0.85, 0.90, 0.80 };
  const char *dir = g_getenv ("CROSSCHECK_CORPUS_DEV");
  g_autofree char *gold = dir != NULL ? g_build_filename (dir, "gold.json", NULL) : NULL;

  if (gold == NULL || !g_file_test (gold, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no corpus-dev folder beside the checkout (CROSSCHECK_CORPUS_DEV)");
      return;
    }
  score_folder (dir, &bounds);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extractor/quantities", test_quantities);
  g_test_add_func ("/extractor/not-claims", test_not_claims);
  g_test_add_func ("/extractor/offsets-are-characters", test_offsets_are_characters);
  g_test_add_func ("/extractor/other-stories", test_other_stories);
  g_test_add_func ("/extractor/reading", test_reading);
  g_test_add_func ("/extractor/statement", test_statement);
  g_test_add_func ("/extractor/bad-text", test_bad_text);
  g_test_add_func ("/extractor/bad-utf8", test_bad_utf8);
  g_test_add_func ("/extractor/gold", test_gold);
  g_test_add_func ("/extractor/corpus-dev", test_corpus_dev);

  return g_test_run ();
}
