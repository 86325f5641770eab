/* cc-story-match.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which story newly imported articles belong to. Each article is its
 * title and lead (the first LEAD_WORDS words), as words of three letters
 * or more outside a short stop list, weighted by tf-idf over every text
 * given (log-scaled counts, idf from the articles of the stories and the
 * imported ones together) and scaled to unit length. A story is the mean
 * of its articles' vectors; the imported articles are their sum, scaled.
 * The score of a story is the cosine between the two.
 *
 * The thresholds (cc-story-match.h) come from the sample and
 * ../shared/corpus-dev, measured by tests/test-story-match.c (run it with
 * --verbose for the table): with the sample as one story and corpus-dev's
 * two protest reports as another, corpus-dev's seven reports of North
 * Korean troops score 0.088 to 0.210 against the sample's story and at
 * most 0.036 against the protests (2.5 times less at the closest); each
 * sample article left out of its story scores 0.092 to 0.294 against the
 * other four and at most 0.028 against the protests; corpus-dev's
 * earthquake report scores 0.033 and 0.026, near neither. A cosine of
 * 0.06 lies between 0.036 and 0.088, about as far from each in ratio, and
 * a best story at least twice the next rules out the earthquake (1.3)
 * while keeping every right story (2.5 and more). Leads are short, so
 * the cosines are small; what separates the stories is their ratio to
 * the wrong story's. */

#define G_LOG_DOMAIN "cc-story-match"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-story-match.h"

#define LEAD_WORDS 80

typedef struct
{
  gint64      story_id;
  GHashTable *counts;   /* term → count (GUINT) */
} Doc;

struct _CcStoryMatcher
{
  GArray     *docs;     /* Doc */
  GHashTable *query;    /* term → count, summed over the imported articles */
  GPtrArray  *queries;  /* GHashTable of each imported article */
  GHashTable *df;       /* term → number of texts holding it */
  guint       n_texts;
  /* Built on the first score: story id → centroid (term → weight). */
  GHashTable *centroids;
  GHashTable *query_vector;
};

static const char * const stop_words[] = {
  "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "its",
  "his", "her", "their", "they", "this", "from", "said", "says", "but", "not", "been", "will",
  "would", "could", "also", "about", "after", "into", "more", "than", "which", "who", "what",
  "when", "where", "there", "over", "some", "other", "our", "out", "can", "all", "one", "two",
  "new", "may", "any", "did", "does", "him", "she", "you", "them", "then", "these", "those",
  NULL
};

static gboolean
is_stop_word (const char *word)
{
  return g_strv_contains (stop_words, word);
}

/* The words of @text, lower case, up to @max_words (0: all). */
static void
count_words (GHashTable *counts,
             const char *text,
             guint       max_words)
{
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_words = 0;

  if (text == NULL)
    return;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (word->len > 0)
        {
          n_words++;
          if (g_utf8_strlen (word->str, -1) >= 3 && !is_stop_word (word->str))
            {
              gpointer old = g_hash_table_lookup (counts, word->str);

              g_hash_table_replace (counts, g_strdup (word->str),
                                    GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
            }
          g_string_truncate (word, 0);
        }

      if (c == 0 || (max_words > 0 && n_words >= max_words))
        break;
    }
}

static GHashTable *
text_counts (const char *title,
             const char *text)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  count_words (counts, title, 0);
  count_words (counts, text, LEAD_WORDS);
  return counts;
}

static void
add_df (CcStoryMatcher *self,
        GHashTable     *counts)
{
  GHashTableIter iter;
  gpointer term;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    {
      gpointer old = g_hash_table_lookup (self->df, term);

      g_hash_table_replace (self->df, g_strdup (term), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
    }
  self->n_texts++;
  g_clear_pointer (&self->centroids, g_hash_table_unref);
  g_clear_pointer (&self->query_vector, g_hash_table_unref);
}

CcStoryMatcher *
cc_story_matcher_new (void)
{
  CcStoryMatcher *self = g_new0 (CcStoryMatcher, 1);

  self->docs = g_array_new (FALSE, FALSE, sizeof (Doc));
  self->queries = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  self->df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
cc_story_matcher_free (CcStoryMatcher *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->docs->len; i++)
    g_hash_table_unref (g_array_index (self->docs, Doc, i).counts);
  g_array_unref (self->docs);
  g_ptr_array_unref (self->queries);
  g_hash_table_unref (self->df);
  g_clear_pointer (&self->centroids, g_hash_table_unref);
  g_clear_pointer (&self->query_vector, g_hash_table_unref);
  g_free (self);
}

/**
 * cc_story_matcher_add_article:
 *
 * Adds an article of the story @story_id (one already in the library).
 */
void
cc_story_matcher_add_article (CcStoryMatcher *self,
                              gint64          story_id,
                              const char     *title,
                              const char     *text)
{
  Doc doc;

  g_return_if_fail (self != NULL);

  doc.story_id = story_id;
  doc.counts = text_counts (title, text);
  add_df (self, doc.counts);
  g_array_append_val (self->docs, doc);
}

/**
 * cc_story_matcher_add_query:
 *
 * Adds one of the articles imported, whose story is sought.
 */
void
cc_story_matcher_add_query (CcStoryMatcher *self,
                            const char     *title,
                            const char     *text)
{
  GHashTable *counts;

  g_return_if_fail (self != NULL);

  counts = text_counts (title, text);
  add_df (self, counts);
  g_ptr_array_add (self->queries, counts);
}

/* The unit tf-idf vector of one text, added with @scale to @into. */
static void
add_vector (CcStoryMatcher *self,
            GHashTable     *counts,
            GHashTable     *into,
            double          scale)
{
  g_autoptr(GHashTable) weights = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer term, value;
  double norm = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &term, &value))
    {
      double df = GPOINTER_TO_UINT (g_hash_table_lookup (self->df, term));
      double w = (1 + log (GPOINTER_TO_UINT (value))) * log ((1.0 + self->n_texts) / (1.0 + df));
      double *slot = g_new (double, 1);

      *slot = w;
      g_hash_table_insert (weights, term, slot);
      norm += w * w;
    }
  norm = sqrt (norm);

  g_hash_table_iter_init (&iter, weights);
  while (g_hash_table_iter_next (&iter, &term, &value))
    {
      double *sum = g_hash_table_lookup (into, term);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (into, g_strdup (term), sum);
        }
      if (norm > 0)
        *sum += scale * *(double *)value / norm;
      g_free (value);
    }
}

static GHashTable *
new_vector (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
build (CcStoryMatcher *self)
{
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (self->centroids != NULL)
    return;

  self->centroids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify)g_hash_table_unref);
  for (guint i = 0; i < self->docs->len; i++)
    {
      Doc *doc = &g_array_index (self->docs, Doc, i);
      gpointer old = g_hash_table_lookup (sizes, &doc->story_id);

      g_hash_table_replace (sizes, g_memdup2 (&doc->story_id, sizeof (gint64)),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
    }
  for (guint i = 0; i < self->docs->len; i++)
    {
      Doc *doc = &g_array_index (self->docs, Doc, i);
      GHashTable *centroid = g_hash_table_lookup (self->centroids, &doc->story_id);

      if (centroid == NULL)
        {
          centroid = new_vector ();
          g_hash_table_insert (self->centroids, g_memdup2 (&doc->story_id, sizeof (gint64)),
                               centroid);
        }
      add_vector (self, doc->counts, centroid,
                  1.0 / GPOINTER_TO_UINT (g_hash_table_lookup (sizes, &doc->story_id)));
    }

  self->query_vector = new_vector ();
  for (guint i = 0; i < self->queries->len; i++)
    add_vector (self, g_ptr_array_index (self->queries, i), self->query_vector, 1.0);
}

static double
cosine (GHashTable *a,
        GHashTable *b)
{
  GHashTableIter iter;
  gpointer term, value;
  double dot = 0, na = 0, nb = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &term, &value))
    {
      double *other = g_hash_table_lookup (b, term);
      double x = *(double *)value;

      na += x * x;
      if (other != NULL)
        dot += x * *other;
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    nb += *(double *)value * *(double *)value;

  return na > 0 && nb > 0 ? dot / sqrt (na * nb) : 0;
}

/**
 * cc_story_matcher_score:
 *
 * Returns: the cosine between the imported articles and the story
 *   @story_id, from 0 to 1
 */
double
cc_story_matcher_score (CcStoryMatcher *self,
                        gint64          story_id)
{
  GHashTable *centroid;

  g_return_val_if_fail (self != NULL, 0);

  build (self);
  centroid = g_hash_table_lookup (self->centroids, &story_id);
  return centroid != NULL ? cosine (self->query_vector, centroid) : 0;
}

/**
 * cc_story_matcher_suggest:
 * @best: (out) (optional): the best story's score
 * @second: (out) (optional): the next story's score
 *
 * Returns: the story the imported articles resemble far more than any
 *   other (CC_STORY_MATCH_MIN_SCORE, CC_STORY_MATCH_MIN_RATIO), or 0
 */
gint64
cc_story_matcher_suggest (CcStoryMatcher *self,
                          double         *best,
                          double         *second)
{
  GHashTableIter iter;
  gpointer key;
  double top = 0, next = 0;
  gint64 top_id = 0;

  g_return_val_if_fail (self != NULL, 0);

  build (self);
  g_hash_table_iter_init (&iter, self->centroids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *)key;
      double score = cc_story_matcher_score (self, id);

      if (score > top || (score == top && top_id != 0 && id < top_id))
        {
          next = top;
          top = score;
          top_id = id;
        }
      else if (score > next)
        next = score;
    }

  if (best != NULL)
    *best = top;
  if (second != NULL)
    *second = next;

  if (self->queries->len == 0 || top < CC_STORY_MATCH_MIN_SCORE ||
      top < CC_STORY_MATCH_MIN_RATIO * next)
    return 0;
  return top_id;
}

/**
 * cc_story_match_dup_lead:
 *
 * Returns: (transfer full): the title and the start of @text, as much as
 *   the matcher reads, for copying to another thread
 */
char *
cc_story_match_dup_lead (const char *title,
                         const char *text)
{
  const char *p = text ? text : "";
  guint words = 0;
  gboolean in_word = FALSE;

  for (; *p != '\0' && words <= LEAD_WORDS; p = g_utf8_next_char (p))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));

      if (alnum && !in_word)
        words++;
      in_word = alnum;
    }

  return g_strdup_printf ("%s\n%.*s", title ? title : "", (int)(p - (text ? text : "")),
                          text ? text : "");
}
