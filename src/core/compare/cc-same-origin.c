/* cc-same-origin.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A wire story reprinted by five sites is one source, not five. Articles
 * are compared by their runs of eight words (shingles): rewording breaks
 * them, copying keeps them. Pairs are found through the shingles they
 * share, so a library of unrelated articles costs one sort, not a
 * comparison of every pair. */

#define G_LOG_DOMAIN "cc-same-origin"

#include "config.h"

#include <string.h>

#include "cc-article.h"
#include "cc-same-origin.h"

#define SHINGLE_WORDS 8
/* A shingle found in this many articles is boilerplate ("contributed to
 * this report"), not evidence of copying. */
#define MAX_POSTINGS 64
/* Too short to tell a copy from a shared quote. */
#define MIN_SHINGLES 20

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *)a;
  guint64 y = *(const guint64 *)b;

  return (x > y) - (x < y);
}

/* The sorted, distinct shingle hashes of @text. */
static GArray *
shingles (const char *text)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (guint64));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 hash = FNV_OFFSET;
  gboolean in_word = FALSE;
  guint n = 0;

  if (text == NULL)
    return result;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          hash = (hash ^ g_unichar_tolower (c)) * FNV_PRIME;
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_array_append_val (words, hash);
          hash = FNV_OFFSET;
          in_word = FALSE;
        }
    }
  if (in_word)
    g_array_append_val (words, hash);

  for (guint i = 0; i + SHINGLE_WORDS <= words->len; i++)
    {
      guint64 shingle = FNV_OFFSET;

      for (guint j = 0; j < SHINGLE_WORDS; j++)
        shingle = (shingle ^ g_array_index (words, guint64, i + j)) * FNV_PRIME;
      g_array_append_val (result, shingle);
    }

  g_array_sort (result, compare_u64);
  for (guint i = 0; i < result->len; i++)
    if (n == 0 || g_array_index (result, guint64, i) != g_array_index (result, guint64, n - 1))
      g_array_index (result, guint64, n++) = g_array_index (result, guint64, i);
  g_array_set_size (result, n);

  return result;
}

static double
jaccard (GArray *a,
         GArray *b)
{
  guint i = 0, j = 0, shared = 0;

  if (a->len == 0 && b->len == 0)
    return 0;

  while (i < a->len && j < b->len)
    {
      guint64 x = g_array_index (a, guint64, i);
      guint64 y = g_array_index (b, guint64, j);

      if (x == y)
        shared++;
      i += x <= y;
      j += y <= x;
    }

  return (double)shared / (a->len + b->len - shared);
}

double
cc_same_origin_similarity (const char *text_a,
                           const char *text_b)
{
  g_autoptr(GArray) a = shingles (text_a);
  g_autoptr(GArray) b = shingles (text_b);

  return jaccard (a, b);
}

typedef struct
{
  guint64 shingle;
  guint   article;
} Posting;

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  const Posting *x = a;
  const Posting *y = b;

  if (x->shingle != y->shingle)
    return (x->shingle > y->shingle) - (x->shingle < y->shingle);
  return (x->article > y->article) - (x->article < y->article);
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* The representative of a group: the first published, then the oldest
 * id, so the original is named rather than a reprint. */
static gboolean
comes_first (CcArticle *a,
             CcArticle *b)
{
  const char *pa = cc_article_get_published (a);
  const char *pb = cc_article_get_published (b);
  int cmp;

  if (pa != NULL && pb == NULL)
    return TRUE;
  if (pa == NULL && pb != NULL)
    return FALSE;
  if (pa != NULL && (cmp = strcmp (pa, pb)) != 0)
    return cmp < 0;
  return cc_article_get_id (a) < cc_article_get_id (b);
}

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

GHashTable *
cc_same_origin_find (CcArticle **articles,
                     guint       n_articles)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree guint *parent = g_new (guint, MAX (n_articles, 1));
  g_autofree guint *best = g_new (guint, MAX (n_articles, 1));
  GHashTable *origins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (articles != NULL || n_articles == 0, origins);

  for (guint i = 0; i < n_articles; i++)
    {
      GArray *set = shingles (cc_article_get_text (articles[i]));

      g_ptr_array_add (sets, set);
      parent[i] = i;
      for (guint k = 0; k < set->len; k++)
        {
          Posting posting = { g_array_index (set, guint64, k), i };

          g_array_append_val (postings, posting);
        }
    }

  /* Articles sharing a shingle sit next to each other once sorted; each
   * pair of them is counted once per shared shingle. */
  g_array_sort (postings, compare_postings);
  for (guint start = 0, end; start < postings->len; start = end)
    {
      guint64 shingle = g_array_index (postings, Posting, start).shingle;

      for (end = start + 1;
           end < postings->len && g_array_index (postings, Posting, end).shingle == shingle;
           end++)
        ;
      if (end - start < 2 || end - start > MAX_POSTINGS)
        continue;

      for (guint a = start; a < end; a++)
        for (guint b = a + 1; b < end; b++)
          {
            guint64 pair = ((guint64)g_array_index (postings, Posting, a).article << 32)
                           | g_array_index (postings, Posting, b).article;

            g_array_append_val (pairs, pair);
          }
    }

  g_array_sort (pairs, compare_u64);
  for (guint start = 0, end; start < pairs->len; start = end)
    {
      guint64 pair = g_array_index (pairs, guint64, start);
      guint a = pair >> 32, b = pair & 0xffffffff;
      guint len_a = ((GArray *)g_ptr_array_index (sets, a))->len;
      guint len_b = ((GArray *)g_ptr_array_index (sets, b))->len;
      guint shared;

      for (end = start + 1; end < pairs->len && g_array_index (pairs, guint64, end) == pair; end++)
        ;
      shared = end - start;

      if (MIN (len_a, len_b) < MIN_SHINGLES)
        continue;
      if ((double)shared / (len_a + len_b - shared) >= CC_SAME_ORIGIN_JACCARD ||
          (double)shared / MIN (len_a, len_b) >= CC_SAME_ORIGIN_CONTAINMENT)
        parent[find_root (parent, a)] = find_root (parent, b);
    }

  for (guint i = 0; i < n_articles; i++)
    best[i] = G_MAXUINT;
  for (guint i = 0; i < n_articles; i++)
    {
      guint root = find_root (parent, i);

      if (best[root] == G_MAXUINT || comes_first (articles[i], articles[best[root]]))
        best[root] = i;
    }
  for (guint i = 0; i < n_articles; i++)
    g_hash_table_insert (origins,
                         new_id (cc_article_get_id (articles[i])),
                         new_id (cc_article_get_id (articles[best[find_root (parent, i)]])));

  return origins;
}
