/* cc-cluster-index.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A claim joins the first cluster, in the order made, that accepts it,
 * and it must at least agree with the first mention of that cluster: in
 * subject class, in claimant (one of the claimant terms of
 * cc_claimant_key_add_lookup_terms() is one it was filed under) and in
 * value. Clusters are filed under those. A first mention of one figure
 * goes into a sorted sequence of figures, where the figures a claim
 * agrees with are those within its own rounding, and the round figures
 * whose rounding reaches it: for each power of ten, the nearest multiple
 * past each end. So one source giving thousands of different figures
 * costs a few look-ups per claim, not a look at all of them. A range is
 * filed in value bands 5 % wide, or once, as wide, when it spans many. */

#define G_LOG_DOMAIN "cc-cluster-index"

#include "config.h"

#include <math.h>

#include "cc-claim.h"
#include "cc-cluster-index.h"
#include "cc-cluster-private.h"

/* A range over more bands than this is filed once, as wide, and a claim
 * that wide looks at every range of its class and claimant. */
#define MAX_BANDS 64
#define WIDE_BANDS (-1)
#define ALL_BANDS (-2)
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

/* The clusters whose first mention gives one figure, in the order made. */
typedef struct
{
  double  value;
  GArray *filed;
} Slot;

struct _CcClusterIndex
{
  GHashTable *points;  /* class and term → GSequence of Slot, by value */
  GHashTable *ranges;  /* class, band and term → GArray of Filed */
  GHashTable *ranged;  /* the classes and terms that have ranges */
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

static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  double x = ((const Slot *)a)->value, y = ((const Slot *)b)->value;

  return (x > y) - (x < y);
}

/* Values in bands 5 % wide (all below 20 in one): two values that
 * cc_values_compatible() accepts differ by less than a twentieth of the
 * larger, or by less than 1, so they lie in the same or neighbouring
 * bands. */
static int
value_band (double value)
{
  if (!(value >= 20))
    return 0;
  return 1 + (int)MIN (floor (log (value / 20) / log (1.05)), 100000);
}

CcClusterIndex *
_cc_cluster_index_new (void)
{
  CcClusterIndex *self = g_new0 (CcClusterIndex, 1);

  self->points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_sequence_free);
  self->ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_array_unref);
  self->ranged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
_cc_cluster_index_free (CcClusterIndex *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->points);
  g_hash_table_unref (self->ranges);
  g_hash_table_unref (self->ranged);
  g_free (self);
}

static GArray *
ranges_at (CcClusterIndex *self,
           const char     *klass,
           int             band,
           const char     *term,
           gboolean        create)
{
  char *key = g_strdup_printf ("%s\x1f%d\x1f%s", klass, band, term);
  GArray *filed = g_hash_table_lookup (self->ranges, key);

  if (filed == NULL && create)
    {
      filed = g_array_new (FALSE, FALSE, sizeof (Filed));
      g_hash_table_insert (self->ranges, key, filed);
    }
  else
    g_free (key);
  return filed;
}

static GSequence *
points_at (CcClusterIndex *self,
           const char     *class_term,
           gboolean        create)
{
  GSequence *points = g_hash_table_lookup (self->points, class_term);

  if (points == NULL && create)
    {
      points = g_sequence_new (slot_free);
      g_hash_table_insert (self->points, g_strdup (class_term), points);
    }
  return points;
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
take_exact (GSequence *points,
            double     value,
            Search    *search)
{
  Slot probe = { value, NULL };
  GSequenceIter *iter = g_sequence_lookup (points, &probe, compare_slots, NULL);

  if (iter != NULL)
    take_first (((Slot *)g_sequence_get (iter))->filed, search);
}

static void
search_points (GSequence *points,
               Search    *search)
{
  double reach_low = search->low - MAX (cc_value_rounding (search->low), 0.5);
  double reach_high = search->high + MAX (cc_value_rounding (search->high), 0.5);
  Slot probe = { reach_low, NULL };
  GSequenceIter *iter = g_sequence_search (points, &probe, compare_slots, NULL);
  double unit = 1;

  /* The figures within the claim's own rounding, or within 0.5, which
   * any figure of 1 or more stands for. */
  while (!g_sequence_iter_is_begin (iter) &&
         ((Slot *)g_sequence_get (g_sequence_iter_prev (iter)))->value >= reach_low)
    iter = g_sequence_iter_prev (iter);
  for (; !g_sequence_iter_is_end (iter); iter = g_sequence_iter_next (iter))
    {
      Slot *slot = g_sequence_get (iter);

      if (slot->value > reach_high)
        break;
      take_first (slot->filed, search);
    }

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
        take_exact (points, above, search);
      if (below < reach_low)
        take_exact (points, below, search);
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
  int first_band, last_band;

  search.low = MIN (cc_claim_get_low (claim), cc_claim_get_high (claim));
  search.high = MAX (cc_claim_get_low (claim), cc_claim_get_high (claim));
  first_band = value_band (MAX (0, search.low * 0.95 - 1));
  last_band = value_band (search.high / 0.95 + 1);

  cc_claimant_key_add_lookup_terms (key, terms);
  for (guint t = 0; t < terms->len; t++)
    {
      const char *term = g_ptr_array_index (terms, t);
      g_autofree char *class_term = g_strconcat (klass, "\x1f", term, NULL);
      GSequence *points = points_at (self, class_term, FALSE);

      if (points != NULL)
        search_points (points, &search);

      if (!g_hash_table_contains (self->ranged, class_term))
        continue;
      if (last_band - first_band >= MAX_BANDS)
        take_first (ranges_at (self, klass, ALL_BANDS, term, FALSE), &search);
      else
        {
          take_first (ranges_at (self, klass, WIDE_BANDS, term, FALSE), &search);
          for (int band = first_band; band <= last_band; band++)
            take_first (ranges_at (self, klass, band, term, FALSE), &search);
        }
    }

  return search.cluster;
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

  cc_claimant_key_add_filing_terms (key, terms);
  for (guint t = 0; t < terms->len; t++)
    {
      const char *term = g_ptr_array_index (terms, t);
      g_autofree char *class_term = g_strconcat (klass, "\x1f", term, NULL);

      if (low == high)
        {
          GSequence *points = points_at (self, class_term, TRUE);
          Slot probe = { low, NULL };
          GSequenceIter *iter = g_sequence_lookup (points, &probe, compare_slots, NULL);
          Slot *slot;

          if (iter != NULL)
            slot = g_sequence_get (iter);
          else
            {
              slot = g_new (Slot, 1);
              slot->value = low;
              slot->filed = g_array_new (FALSE, FALSE, sizeof (Filed));
              g_sequence_insert_sorted (points, slot, compare_slots, NULL);
            }
          g_array_append_val (slot->filed, filed);
          continue;
        }

      g_hash_table_add (self->ranged, g_steal_pointer (&class_term));
      g_array_append_val (ranges_at (self, klass, ALL_BANDS, term, TRUE), filed);
      if (value_band (high) - value_band (low) >= MAX_BANDS)
        g_array_append_val (ranges_at (self, klass, WIDE_BANDS, term, TRUE), filed);
      else
        for (int band = value_band (low); band <= value_band (high); band++)
          g_array_append_val (ranges_at (self, klass, band, term, TRUE), filed);
    }
}
