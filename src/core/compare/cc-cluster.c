/* cc-cluster.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-cluster"

#include "config.h"

#include <string.h>

#include "cc-claim.h"
#include "cc-cluster-private.h"
#include "cc-enums.h"
#include "cc-utils.h"

struct _CcCluster
{
  GObject        parent_instance;

  guint          id;
  double         low;
  double         high;
  char          *claimant;
  char          *claimant_country;
  char          *subject;
  const char    *subject_class;
  CcClaimStatus  status;
  char          *first_day;
  char          *last_day;
  guint          n_sources;
  guint          hedged : 1;

  GListStore    *mentions;
  /* Per mention, in the order added: its claimant key (may be NULL), the
   * day of the statement and the day of the article (may be NULL). */
  GPtrArray     *keys;
  GPtrArray     *days;
  GPtrArray     *published;
  /* The mentions that differ in the claimant, value or subject as
   * _cc_cluster_accepts() compares them (guint indices), and the set of
   * those profiles: a claim need only be checked against one mention of
   * each, however often a sentence is repeated or dated. */
  GArray        *distinct;
  GHashTable    *profiles;
  /* Mentions per status, and per status and day: all a claim's status
   * is checked against. */
  GHashTable    *statuses;
  GHashTable    *status_days;
  /* The first conflicting clusters' ids, ascending, and how many there
   * are in all. */
  GArray        *conflicts;
  guint          n_conflicts;
};

G_DEFINE_FINAL_TYPE (CcCluster, cc_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOW,
  PROP_HIGH,
  PROP_CLAIMANT,
  PROP_CLAIMANT_COUNTRY,
  PROP_SUBJECT,
  PROP_SUBJECT_CLASS,
  PROP_STATUS,
  PROP_HEDGED,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_N_MENTIONS,
  PROP_N_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CcClaim *
mention_at (CcCluster *self,
            guint      i)
{
  /* The store holds a reference; the caller only borrows. */
  CcClaim *claim = g_list_model_get_item (G_LIST_MODEL (self->mentions), i);

  g_object_unref (claim);
  return claim;
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  CcClaim *x = (CcClaim *)a;
  CcClaim *y = (CcClaim *)b;
  gint64 ax = cc_claim_get_article_id (x), ay = cc_claim_get_article_id (y);

  if (ax != ay)
    return (ax > ay) - (ax < ay);
  return (cc_claim_get_start (x) > cc_claim_get_start (y)) -
         (cc_claim_get_start (x) < cc_claim_get_start (y));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return (x > y) - (x < y);
}

/* The most frequent of the strings, the first one on a tie; NULLs are
 * not counted. */
static const char *
most_frequent (GPtrArray *values)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  /* Counted in one pass; the earliest of the most frequent wins. */
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (value != NULL)
        g_hash_table_insert (counts, (gpointer)value,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                      value)) + 1));
    }
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      guint count = value ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)) : 0;

      if (count > best_count)
        {
          best = value;
          best_count = count;
        }
    }

  return best;
}

static void
cc_cluster_finalize (GObject *object)
{
  CcCluster *self = (CcCluster *)object;

  g_clear_pointer (&self->claimant, g_free);
  g_clear_pointer (&self->claimant_country, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->first_day, g_free);
  g_clear_pointer (&self->last_day, g_free);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->published, g_ptr_array_unref);
  g_clear_pointer (&self->distinct, g_array_unref);
  g_clear_pointer (&self->profiles, g_hash_table_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_clear_pointer (&self->status_days, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_array_unref);

  G_OBJECT_CLASS (cc_cluster_parent_class)->finalize (object);
}

static void
cc_cluster_dispose (GObject *object)
{
  CcCluster *self = (CcCluster *)object;

  g_clear_object (&self->mentions);

  G_OBJECT_CLASS (cc_cluster_parent_class)->dispose (object);
}

static void
cc_cluster_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcCluster *self = CC_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;

    case PROP_LOW:
      g_value_set_double (value, self->low);
      break;

    case PROP_HIGH:
      g_value_set_double (value, self->high);
      break;

    case PROP_CLAIMANT:
      g_value_set_string (value, self->claimant);
      break;

    case PROP_CLAIMANT_COUNTRY:
      g_value_set_string (value, self->claimant_country);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_SUBJECT_CLASS:
      g_value_set_string (value, self->subject_class);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_HEDGED:
      g_value_set_boolean (value, self->hedged);
      break;

    case PROP_FIRST_DAY:
      g_value_set_string (value, self->first_day);
      break;

    case PROP_LAST_DAY:
      g_value_set_string (value, self->last_day);
      break;

    case PROP_N_MENTIONS:
      g_value_set_uint (value, cc_cluster_get_n_mentions (self));
      break;

    case PROP_N_SOURCES:
      g_value_set_uint (value, self->n_sources);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_cluster_class_init (CcClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cc_cluster_dispose;
  object_class->finalize = cc_cluster_finalize;
  object_class->get_property = cc_cluster_get_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LOW] = g_param_spec_double ("low", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_HIGH] = g_param_spec_double ("high", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_CLAIMANT] = g_param_spec_string ("claimant", NULL, NULL, NULL, flags);
  properties[PROP_CLAIMANT_COUNTRY] =
    g_param_spec_string ("claimant-country", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT_CLASS] = g_param_spec_string ("subject-class", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               CC_TYPE_CLAIM_STATUS, CC_CLAIM_STATUS_OTHER,
                                               flags);
  properties[PROP_HEDGED] = g_param_spec_boolean ("hedged", NULL, NULL, FALSE, flags);
  properties[PROP_FIRST_DAY] = g_param_spec_string ("first-day", NULL, NULL, NULL, flags);
  properties[PROP_LAST_DAY] = g_param_spec_string ("last-day", NULL, NULL, NULL, flags);
  properties[PROP_N_MENTIONS] = g_param_spec_uint ("n-mentions", NULL, NULL,
                                                   0, G_MAXUINT, 0, flags);
  properties[PROP_N_SOURCES] = g_param_spec_uint ("n-sources", NULL, NULL,
                                                  0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_cluster_init (CcCluster *self)
{
  self->mentions = g_list_store_new (CC_TYPE_CLAIM);
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_claimant_key_free);
  self->days = g_ptr_array_new_with_free_func (g_free);
  self->published = g_ptr_array_new_with_free_func (g_free);
  self->distinct = g_array_new (FALSE, FALSE, sizeof (guint));
  self->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statuses = g_hash_table_new (NULL, NULL);
  self->status_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->conflicts = g_array_new (FALSE, FALSE, sizeof (guint));
}

CcCluster *
_cc_cluster_new (const char *subject_class)
{
  CcCluster *self = g_object_new (CC_TYPE_CLUSTER, NULL);

  self->subject_class = g_intern_string (subject_class);
  return self;
}

/* A claim joins a cluster when it agrees with every mention so far, so
 * that "Zelensky" cannot bridge "Volodymyr Zelensky" and another
 * Zelensky, nor 10,400 bridge 10,000 and 10,800. */
gboolean
_cc_cluster_accepts (CcCluster           *self,
                     CcClaim             *claim,
                     const CcClaimantKey *key,
                     const char          *day)
{
  CcClaimStatus status;
  GHashTableIter iter;
  gpointer other_status, count;

  g_return_val_if_fail (CC_IS_CLUSTER (self), FALSE);

  status = cc_claim_get_status (claim);
  if (strcmp (self->subject_class,
              cc_subject_class (cc_claim_get_subject (claim), status)) != 0)
    return FALSE;

  /* Status decides too: in the sample the same 10,000 is "being
   * prepared" in Zelenskyy's words of 17 October and "sent" in the
   * Pentagon's of 28 October, and that change is the news. But one
   * speaker on one day made one statement, and outlets paraphrase it
   * ("is preparing to send", "has sent"), so when every mention of
   * another status gives the claim's day, stages of the same movement
   * still join. */
  g_hash_table_iter_init (&iter, self->statuses);
  while (g_hash_table_iter_next (&iter, &other_status, &count))
    {
      g_autofree char *status_day = NULL;

      if ((CcClaimStatus)GPOINTER_TO_INT (other_status) == status)
        continue;
      if (!cc_status_comparable (status, GPOINTER_TO_INT (other_status)) || day == NULL)
        return FALSE;
      status_day = g_strdup_printf ("%d\x1f%s", GPOINTER_TO_INT (other_status), day);
      if (g_hash_table_lookup (self->status_days, status_day) != count)
        return FALSE;
    }

  for (guint k = 0; k < self->distinct->len; k++)
    {
      guint i = g_array_index (self->distinct, guint, k);
      CcClaim *other = mention_at (self, i);

      if (!cc_claimant_key_match (key, g_ptr_array_index (self->keys, i)) ||
          !cc_values_compatible (cc_claim_get_low (claim), cc_claim_get_high (claim),
                                 cc_claim_get_low (other), cc_claim_get_high (other)) ||
          !cc_subject_compatible (cc_claim_get_subject (claim), cc_claim_get_subject (other)))
        return FALSE;
    }

  return TRUE;
}

/* A value's bits, which print faster than its digits. */
static guint64
double_bits (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits;
}

/* Adds one to a count kept as a pointer; @counts takes @key. */
static void
count_one (GHashTable *counts,
           gpointer    key)
{
  gpointer old = g_hash_table_lookup (counts, key);

  g_hash_table_replace (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

void
_cc_cluster_add (CcCluster  *self,
                 CcClaim    *claim,
                 const char *day,
                 const char *published)
{
  CcClaimantKey *key;
  g_autofree char *digest = NULL;
  g_autofree char *modifiers = NULL;
  int status;
  char *profile;

  g_return_if_fail (CC_IS_CLUSTER (self));
  g_return_if_fail (CC_IS_CLAIM (claim));

  /* What _cc_cluster_accepts() reads of each part, not its spelling. */
  key = cc_claimant_key_new (cc_claim_get_claimant (claim));
  digest = cc_claimant_key_dup_digest (key);
  modifiers = cc_subject_dup_modifiers_key (cc_claim_get_subject (claim));
  profile = g_strdup_printf ("%s\x1e%" G_GINT64_MODIFIER "x\x1e%" G_GINT64_MODIFIER "x\x1e%s",
                             digest, double_bits (cc_claim_get_low (claim)),
                             double_bits (cc_claim_get_high (claim)), modifiers);
  status = cc_claim_get_status (claim);
  count_one (self->statuses, GINT_TO_POINTER (status));
  if (day != NULL)
    count_one (self->status_days, g_strdup_printf ("%d\x1f%s", status, day));

  if (g_hash_table_add (self->profiles, profile))
    {
      guint index = g_list_model_get_n_items (G_LIST_MODEL (self->mentions));

      g_array_append_val (self->distinct, index);
    }

  g_list_store_append (self->mentions, claim);
  g_ptr_array_add (self->keys, key);
  g_ptr_array_add (self->days, g_strdup (day));
  g_ptr_array_add (self->published, g_strdup (published));
}

void
_cc_cluster_settle (CcCluster *self)
{
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  g_autoptr(GPtrArray) subjects = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) value_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->mentions));
  guint claimant_words = 0;
  guint best_count = 0;

  g_return_if_fail (CC_IS_CLUSTER (self));
  g_return_if_fail (n > 0);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (claims, g_list_model_get_item (G_LIST_MODEL (self->mentions), i));

  /* How many mentions give each value, counted once: each value gets a
   * slot in @counts, each mention the index of its value's slot. */
  for (guint i = 0; i < n; i++)
    {
      CcClaim *claim = g_ptr_array_index (claims, i);
      char *value = g_strdup_printf ("%.17g %.17g", cc_claim_get_low (claim),
                                     cc_claim_get_high (claim));
      gpointer slot;
      guint index;

      if (g_hash_table_lookup_extended (value_counts, value, NULL, &slot))
        {
          index = GPOINTER_TO_UINT (slot);
          g_free (value);
        }
      else
        {
          guint zero = 0;

          index = counts->len;
          g_array_append_val (counts, zero);
          g_hash_table_insert (value_counts, value, GUINT_TO_POINTER (index));
        }
      g_array_index (counts, guint, index)++;
      g_array_append_val (values, index);
    }

  self->hedged = TRUE;
  for (guint i = 0; i < n; i++)
    {
      CcClaim *claim = g_ptr_array_index (claims, i);
      CcClaimantKey *key = g_ptr_array_index (self->keys, i);
      const char *day = g_ptr_array_index (self->days, i);
      const char *published = g_ptr_array_index (self->published, i);
      const char *first = day ? day : published;
      guint count = g_array_index (counts, guint, g_array_index (values, guint, i));

      /* The value most mentions give, the earliest on a tie. */
      if (count > best_count)
        {
          best_count = count;
          self->low = cc_claim_get_low (claim);
          self->high = cc_claim_get_high (claim);
        }

      g_ptr_array_add (countries, (gpointer)cc_claim_get_claimant_country (claim));
      g_ptr_array_add (subjects, (gpointer)cc_claim_get_subject (claim));
      g_ptr_array_add (statuses, (gpointer)cc_claim_status_to_string (cc_claim_get_status (claim)));
      self->hedged = self->hedged && cc_claim_get_hedged (claim);

      /* The fullest form of the name: "Volodymyr Zelenskyy" over "Mr
       * Zelensky". */
      if (key != NULL && cc_claimant_key_n_words (key) > claimant_words)
        {
          claimant_words = cc_claimant_key_n_words (key);
          g_free (self->claimant);
          self->claimant = g_strdup (cc_claim_get_claimant (claim));
        }

      /* First said, as far as the articles tell; last reported. */
      if (first != NULL && (self->first_day == NULL || strcmp (first, self->first_day) < 0))
        {
          g_free (self->first_day);
          self->first_day = g_strdup (first);
        }
      for (guint k = 0; k < 2; k++)
        {
          const char *last = k == 0 ? day : published;

          if (last != NULL && (self->last_day == NULL || strcmp (last, self->last_day) > 0))
            {
              g_free (self->last_day);
              self->last_day = g_strdup (last);
            }
        }
    }

  self->claimant_country = g_strdup (most_frequent (countries));
  self->subject = g_strdup (most_frequent (subjects));
  cc_claim_status_from_string (most_frequent (statuses), &self->status);

  g_list_store_sort (self->mentions, compare_mentions, NULL);
}

void
_cc_cluster_set_id (CcCluster *self,
                    guint      id)
{
  g_return_if_fail (CC_IS_CLUSTER (self));

  self->id = id;
}

void
_cc_cluster_set_n_sources (CcCluster *self,
                           guint      n_sources)
{
  g_return_if_fail (CC_IS_CLUSTER (self));

  self->n_sources = n_sources;
}

gboolean
_cc_cluster_disagrees (CcCluster *self,
                       CcCluster *other)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), FALSE);
  g_return_val_if_fail (CC_IS_CLUSTER (other), FALSE);

  return self != other &&
         strcmp (self->subject_class, other->subject_class) == 0 &&
         cc_status_comparable (self->status, other->status) &&
         cc_subject_compatible (self->subject, other->subject) &&
         !cc_values_compatible (self->low, self->high, other->low, other->high);
}

void
_cc_cluster_set_conflicts (CcCluster   *self,
                           const guint *ids,
                           guint        n_ids,
                           guint        n_conflicts)
{
  g_return_if_fail (CC_IS_CLUSTER (self));
  g_return_if_fail (n_ids <= n_conflicts);

  g_array_set_size (self->conflicts, 0);
  g_array_append_vals (self->conflicts, ids, MIN (n_ids, CC_CLUSTER_MAX_LISTED_CONFLICTS));
  g_array_sort (self->conflicts, compare_ids);
  self->n_conflicts = n_conflicts;
}

guint
cc_cluster_get_id (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), 0);

  return self->id;
}

double
cc_cluster_get_low (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), 0);

  return self->low;
}

double
cc_cluster_get_high (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), 0);

  return self->high;
}

const char *
cc_cluster_get_claimant (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return self->claimant;
}

const char *
cc_cluster_get_claimant_country (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return self->claimant_country;
}

const char *
cc_cluster_get_subject (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return self->subject;
}

const char *
cc_cluster_get_subject_class (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return self->subject_class;
}

CcClaimStatus
cc_cluster_get_status (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), CC_CLAIM_STATUS_OTHER);

  return self->status;
}

gboolean
cc_cluster_get_hedged (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), FALSE);

  return self->hedged;
}

const char *
cc_cluster_get_first_day (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return self->first_day;
}

const char *
cc_cluster_get_last_day (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return self->last_day;
}

/**
 * cc_cluster_get_mentions:
 * @self: a #CcCluster
 *
 * Returns: (transfer none): the #CcClaim mentions, by article id then
 *   offset
 */
GListModel *
cc_cluster_get_mentions (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  return G_LIST_MODEL (self->mentions);
}

guint
cc_cluster_get_n_mentions (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->mentions));
}

guint
cc_cluster_get_n_sources (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), 0);

  return self->n_sources;
}

/**
 * cc_cluster_get_conflicts:
 * @self: a #CcCluster
 * @n_listed: (out): the number of ids
 *
 * Returns: (array length=n_listed) (transfer none): the ids of the
 *   clusters that disagree with this one and are nearest to it in value,
 *   at most %CC_CLUSTER_MAX_LISTED_CONFLICTS, in ascending order
 */
const guint *
cc_cluster_get_conflicts (CcCluster *self,
                          guint     *n_listed)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);
  g_return_val_if_fail (n_listed != NULL, NULL);

  *n_listed = self->conflicts->len;
  return (const guint *)(gpointer)self->conflicts->data;
}

guint
cc_cluster_get_n_conflicts (CcCluster *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), 0);

  return self->n_conflicts;
}

gboolean
cc_cluster_conflicts_with (CcCluster *self,
                           CcCluster *other)
{
  g_return_val_if_fail (CC_IS_CLUSTER (self), FALSE);
  g_return_val_if_fail (CC_IS_CLUSTER (other), FALSE);

  return _cc_cluster_disagrees (self, other);
}

/**
 * cc_cluster_get_mention_in:
 * @self: a #CcCluster
 * @article_id: an article id
 *
 * Returns: (transfer none) (nullable): the first mention in the article
 */
CcClaim *
cc_cluster_get_mention_in (CcCluster *self,
                           gint64     article_id)
{
  guint n;

  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->mentions));
  for (guint i = 0; i < n; i++)
    {
      CcClaim *claim = mention_at (self, i);

      if (cc_claim_get_article_id (claim) == article_id)
        return claim;
    }

  return NULL;
}

char *
cc_cluster_dup_value_label (CcCluster *self)
{
  guint n;

  g_return_val_if_fail (CC_IS_CLUSTER (self), NULL);

  /* A vague amount reads best as written: "the low thousands". */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->mentions));
  for (guint i = 0; i < n; i++)
    {
      CcClaim *claim = mention_at (self, i);

      if (cc_claim_get_vague (claim) && cc_claim_get_text (claim) != NULL &&
          cc_claim_get_low (claim) == self->low && cc_claim_get_high (claim) == self->high)
        return g_strdup (cc_claim_get_text (claim));
    }

  return cc_format_count_range (self->low, self->high);
}
