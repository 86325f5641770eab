/* cc-cluster-index.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A claim joins the first cluster, in the order made, that accepts it,
 * and it must at least agree with the first mention of that cluster: in
 * subject class, in claimant (one of the claimant terms of
 * cc_claimant_key_add_lookup_terms() is one it was filed under) and in
 * value. Clusters are filed under the class and term, by the values of
 * their first mention, so that a claim finds the clusters whose values
 * it agrees with directly: those whose values overlap its own (a tree
 * over every value the claims give tells which spans hold its low end,
 * sorted sequences which start inside it), those that start or end
 * within its rounding, and the round figures whose own rounding reaches
 * it: for each power of ten, the nearest multiple past each end. So one
 * source giving thousands of different figures or ranges costs a few
 * look-ups per claim, not a look at all of them. */

#define G_LOG_DOMAIN "cc-cluster-index"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "cc-claim.h"
#include "cc-cluster-index.h"
#include "cc-cluster-private.h"

/* Above this, cc_value_rounding() gives every figure the same ±0.5. */
#define MAX_ROUND_POWER 15

/* A cluster as filed: the values of its first mention and its place in
 * the order made. */
typedef struct
{
  CcCluster *cluster;
  double     low;
  double     high;
  guint      order;
} Filed;

/* The clusters whose first mention starts, or ends, at one value, in the
 * order made. */
typedef struct
{
  double  value;
  GArray *filed;
} Slot;

/* The clusters of one subject class and claimant term. */
typedef struct
{
  GSequence  *starts;  /* Slot, by the low value */
  GSequence  *ends;    /* Slot, by the high value */
  GHashTable *spans;   /* node of the tree → GArray of the Filed that cover it */
} Shelf;

struct _CcClusterIndex
{
  double     *values;  /* every end of every claim, ascending, once */
  guint       n_values;
  guint       size;    /* leaves of the trees, a power of two */
  GHashTable *shelves; /* class and term → Shelf */
  guint       n_filed;
};

/* A claim looking for its cluster, and the best found so far. */
typedef struct
{
  CcClaim             *claim;
  const CcClaimantKey *key;
  const char          *event_day;
  double               low;
  double               high;
  guint                best;
  CcCluster           *cluster;
} Search;

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_array_unref (slot->filed);
  g_free (slot);
}

static void
shelf_free (gpointer data)
{
  Shelf *shelf = data;

  g_sequence_free (shelf->starts);
  g_sequence_free (shelf->ends);
  g_hash_table_unref (shelf->spans);
  g_free (shelf);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  double x = ((const Slot *)a)->value, y = ((const Slot *)b)->value;

  return (x > y) - (x < y);
}

static int
compare_values (const void *a,
                const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/**
 * _cc_cluster_index_new:
 * @values: the low and high values of every claim to come
 * @n_values: their number
 */
CcClusterIndex *
_cc_cluster_index_new (const double *values,
                       guint         n_values)
{
  CcClusterIndex *self = g_new0 (CcClusterIndex, 1);

  self->values = g_new (double, MAX (n_values, 1));
  for (guint i = 0; i < n_values; i++)
    if (!isnan (values[i]))
      self->values[self->n_values++] = values[i];
  qsort (self->values, self->n_values, sizeof (double), compare_values);
  {
    guint n = 0;

    for (guint i = 0; i < self->n_values; i++)
      if (n == 0 || self->values[i] != self->values[n - 1])
        self->values[n++] = self->values[i];
    self->n_values = n;
  }
  for (self->size = 1; self->size < self->n_values; self->size *= 2)
    ;

  self->shelves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shelf_free);
  return self;
}

void
_cc_cluster_index_free (CcClusterIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->values);
  g_hash_table_unref (self->shelves);
  g_free (self);
}

/* The index of @value among the values given, which hold it. */
static guint
value_index (CcClusterIndex *self,
             double          value)
{
  guint low = 0, high = self->n_values;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (self->values[mid] < value)
        low = mid + 1;
      else
        high = mid;
    }
  g_assert (low < self->n_values && self->values[low] == value);
  return low;
}

static Shelf *
shelf_at (CcClusterIndex *self,
          const char     *klass,
          const char     *term,
          gboolean        create)
{
  g_autofree char *key = g_strconcat (klass, "\x1f", term, NULL);
  Shelf *shelf = g_hash_table_lookup (self->shelves, key);

  if (shelf == NULL && create)
    {
      shelf = g_new0 (Shelf, 1);
      shelf->starts = g_sequence_new (slot_free);
      shelf->ends = g_sequence_new (slot_free);
      shelf->spans = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
      g_hash_table_insert (self->shelves, g_steal_pointer (&key), shelf);
    }
  return shelf;
}

/* The first of @candidates that takes the claim, when made before the
 * best so far. */
static void
take_first (GArray *candidates,
            Search *search)
{
  for (guint j = 0; candidates != NULL && j < candidates->len; j++)
    {
      Filed *candidate = &g_array_index (candidates, Filed, j);

      if (candidate->order >= search->best)
        return;
      if (cc_values_compatible (search->low, search->high, candidate->low, candidate->high) &&
          _cc_cluster_accepts (candidate->cluster, search->claim, search->key, search->event_day))
        {
          search->best = candidate->order;
          search->cluster = candidate->cluster;
          return;
        }
    }
}

static void
take_exact (GSequence *slots,
            double     value,
            Search    *search)
{
  Slot probe = { value, NULL };
  GSequenceIter *iter = g_sequence_lookup (slots, &probe, compare_slots, NULL);

  if (iter != NULL)
    take_first (((Slot *)g_sequence_get (iter))->filed, search);
}

/* The slots from @from to @to. */
static void
take_range (GSequence *slots,
            double     from,
            double     to,
            Search    *search)
{
  Slot probe = { from, NULL };
  GSequenceIter *iter = g_sequence_search (slots, &probe, compare_slots, NULL);

  while (!g_sequence_iter_is_begin (iter) &&
         ((Slot *)g_sequence_get (g_sequence_iter_prev (iter)))->value >= from)
    iter = g_sequence_iter_prev (iter);
  for (; !g_sequence_iter_is_end (iter); iter = g_sequence_iter_next (iter))
    {
      Slot *slot = g_sequence_get (iter);

      if (slot->value > to)
        break;
      take_first (slot->filed, search);
    }
}

static void
search_shelf (CcClusterIndex *self,
              Shelf          *shelf,
              Search         *search)
{
  double reach_low = search->low - MAX (cc_value_rounding (search->low), 0.5);
  double reach_high = search->high + MAX (cc_value_rounding (search->high), 0.5);
  double unit = 1;

  /* Those whose values hold the claim's low end: the spans of the tree
   * from its leaf up. */
  for (guint node = value_index (self, search->low) + self->size; node > 0; node /= 2)
    take_first (g_hash_table_lookup (shelf->spans, GUINT_TO_POINTER (node)), search);

  /* Those that start above it, within the claim or its rounding, or end
   * below it within its rounding: any figure of 1 or more stands for
   * ±0.5 at least. */
  take_range (shelf->starts, search->low, reach_high, search);
  take_range (shelf->ends, reach_low, search->low, search);

  /* A rounder figure stands for more: 1,500 for 1,450–1,550. Only a
   * multiple of a power of ten stands for half that power either way. */
  for (int power = 1; power <= MAX_ROUND_POWER; power++)
    {
      double above, below;

      unit *= 10;
      if (unit > search->high)
        break;
      above = ceil (search->high / unit) * unit;
      below = floor (search->low / unit) * unit;
      if (above > reach_high)
        take_exact (shelf->starts, above, search);
      if (below < reach_low)
        take_exact (shelf->ends, below, search);
    }
}

CcCluster *
_cc_cluster_index_find (CcClusterIndex      *self,
                        const char          *klass,
                        const CcClaimantKey *key,
                        CcClaim             *claim,
                        const char          *event_day)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  Search search = { claim, key, event_day, 0, 0, G_MAXUINT, NULL };

  search.low = MIN (cc_claim_get_low (claim), cc_claim_get_high (claim));
  search.high = MAX (cc_claim_get_low (claim), cc_claim_get_high (claim));
  /* No figure agrees with one that is not a number. */
  if (isnan (search.low) || isnan (search.high))
    return NULL;

  cc_claimant_key_add_lookup_terms (key, terms);
  for (guint t = 0; t < terms->len; t++)
    {
      Shelf *shelf = shelf_at (self, klass, g_ptr_array_index (terms, t), FALSE);

      if (shelf != NULL)
        search_shelf (self, shelf, &search);
    }

  return search.cluster;
}

static void
add_to_slot (GSequence *slots,
             double     value,
             Filed     *filed)
{
  Slot probe = { value, NULL };
  GSequenceIter *iter = g_sequence_lookup (slots, &probe, compare_slots, NULL);
  Slot *slot;

  if (iter != NULL)
    slot = g_sequence_get (iter);
  else
    {
      slot = g_new (Slot, 1);
      slot->value = value;
      slot->filed = g_array_new (FALSE, FALSE, sizeof (Filed));
      g_sequence_insert_sorted (slots, slot, compare_slots, NULL);
    }
  g_array_append_val (slot->filed, *filed);
}

static void
add_to_span (Shelf *shelf,
             guint  node,
             Filed *filed)
{
  GArray *span = g_hash_table_lookup (shelf->spans, GUINT_TO_POINTER (node));

  if (span == NULL)
    {
      span = g_array_new (FALSE, FALSE, sizeof (Filed));
      g_hash_table_insert (shelf->spans, GUINT_TO_POINTER (node), span);
    }
  g_array_append_val (span, *filed);
}

void
_cc_cluster_index_add (CcClusterIndex      *self,
                       CcCluster           *cluster,
                       const char          *klass,
                       const CcClaimantKey *key,
                       CcClaim             *claim)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  double low = MIN (cc_claim_get_low (claim), cc_claim_get_high (claim));
  double high = MAX (cc_claim_get_low (claim), cc_claim_get_high (claim));
  Filed filed = { cluster, low, high, self->n_filed++ };

  if (isnan (low) || isnan (high))
    return;

  cc_claimant_key_add_filing_terms (key, terms);
  for (guint t = 0; t < terms->len; t++)
    {
      Shelf *shelf = shelf_at (self, klass, g_ptr_array_index (terms, t), TRUE);
      guint left = value_index (self, low) + self->size;
      guint right = value_index (self, high) + self->size + 1;

      add_to_slot (shelf->starts, low, &filed);
      add_to_slot (shelf->ends, high, &filed);
      /* The nodes of the tree that together cover its values once. */
      for (; left < right; left /= 2, right /= 2)
        {
          if (left & 1)
            add_to_span (shelf, left++, &filed);
          if (right & 1)
            add_to_span (shelf, --right, &filed);
        }
    }
}
