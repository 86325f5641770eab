/* cc-cluster-conflicts.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which statements contradict which. Two clusters conflict when they
 * count the same people (subject class, status of one kind, subjects
 * that fit) with values that cannot both hold: the nearer ends are
 * further apart than the rounding of either. When many figures are given
 * nearly every pair conflicts, so the pairs are counted rather than
 * listed: a sweep over the values with a Fenwick tree counts, for each
 * cluster of one group, those of another that are above it and out of
 * reach both ways; the same on the mirrored values counts those below.
 * Subjects that name nobody's people ("troops") fit all others, so they
 * are swept against the whole kind at once, and the rest against them at
 * once; only groups that name a country are swept pair by pair. Only the
 * nearest few in value are listed, found with a tree of the largest
 * reach. */

#define G_LOG_DOMAIN "cc-cluster-conflicts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-claim-match.h"
#include "cc-cluster-conflicts.h"
#include "cc-cluster-private.h"

/* A cluster on one side's axis: above it on the values, or, mirrored,
 * below. It conflicts with a query when it starts at or after the
 * query's reach (@at) and its own reach stops at or after the query's
 * end (@above). */
typedef struct
{
  double lo;
  double reach;
  guint  id;
} Point;

typedef struct
{
  double at;
  double above;
  guint  item;
} Query;

typedef struct
{
  Point  *points;   /* by lo, then id */
  double *reaches;  /* the points' reaches, ascending */
  double *tree;     /* the largest reach under each node */
  guint   size;     /* leaves of the tree, a power of two */
  Query  *queries;  /* by at, descending */
  guint   n;
} Side;

typedef struct
{
  const char *subject;
  char       *modifiers;   /* cc_subject_dup_modifiers_key() */
  guint       index;       /* among the named groups of its kind */
  GArray     *items;       /* indices into the clusters */
  GPtrArray  *compatible;  /* the named groups whose subjects fit, itself too */
  Side        sides[2];
} Group;

/* The clusters of one subject class and kind of status: by the words of
 * the subject that cc_subject_compatible() reads, those that name whose
 * people they are apart from those that do not and so fit every other. */
typedef struct
{
  GPtrArray *named;      /* Group */
  Group     *wildcard;   /* or NULL */
  Group     *all;
  Group     *all_named;
} Kind;

typedef struct
{
  double distance;
  guint  id;
} Candidate;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *x = a, *y = b;

  if (x->lo != y->lo)
    return (x->lo > y->lo) - (x->lo < y->lo);
  return (x->id > y->id) - (x->id < y->id);
}

static int
compare_queries (gconstpointer a,
                 gconstpointer b)
{
  const Query *x = a, *y = b;

  return (x->at < y->at) - (x->at > y->at);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The number of @values (ascending) below @x. */
static guint
count_below (const double *values,
             guint         n,
             double        x)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (values[mid] < x)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The first point at or after @from whose reach is @above or more, or
 * -1: a descent of the tree, skipping every subtree whose largest reach
 * falls short. */
static int
first_reaching (const Side *side,
                guint       node,
                guint       node_low,
                guint       node_high,
                guint       from,
                double      above)
{
  guint mid;
  int found;

  if (node_high <= from || !(side->tree[node] >= above))
    return -1;
  if (node_high - node_low == 1)
    return node_low;
  mid = node_low + (node_high - node_low) / 2;
  found = first_reaching (side, 2 * node, node_low, mid, from, above);
  return found >= 0 ? found : first_reaching (side, 2 * node + 1, mid, node_high, from, above);
}

static void
side_init (Side *side,
           guint n)
{
  side->n = n;
  side->points = g_new (Point, n);
  side->queries = g_new (Query, n);
  side->reaches = g_new (double, n);
  for (side->size = 1; side->size < n; side->size *= 2)
    ;
  side->tree = g_new (double, 2 * side->size);
}

static void
side_finish (Side *side)
{
  qsort (side->points, side->n, sizeof (Point), compare_points);
  qsort (side->queries, side->n, sizeof (Query), compare_queries);
  for (guint i = 0; i < side->n; i++)
    side->reaches[i] = side->points[i].reach;
  qsort (side->reaches, side->n, sizeof (double), compare_doubles);

  for (guint i = 0; i < side->size; i++)
    side->tree[side->size + i] = i < side->n ? side->points[i].reach : -INFINITY;
  for (guint i = side->size - 1; i > 0; i--)
    side->tree[i] = MAX (side->tree[2 * i], side->tree[2 * i + 1]);
}

static void
side_clear (Side *side)
{
  g_free (side->points);
  g_free (side->queries);
  g_free (side->reaches);
  g_free (side->tree);
}

/* Adds to @counts, for each query of @asking, the points of @answering
 * that conflict with it: a sweep down the values, each point entered
 * into a Fenwick tree by the rank of its reach once it starts at or
 * after the query's reach. */
static void
count_side (const Side *asking,
            const Side *answering,
            guint      *fenwick,
            guint      *counts)
{
  guint n = answering->n;
  guint j = n;

  memset (fenwick, 0, (n + 1) * sizeof (guint));
  for (guint q = 0; q < asking->n; q++)
    {
      const Query *query = &asking->queries[q];
      guint below = 0;

      while (j > 0 && answering->points[j - 1].lo >= query->at)
        {
          j--;
          for (guint k = count_below (answering->reaches, n, answering->points[j].reach) + 1;
               k <= n; k += k & -k)
            fenwick[k]++;
        }
      for (guint k = count_below (answering->reaches, n, query->above); k > 0; k -= k & -k)
        below += fenwick[k];
      counts[query->item] += (n - j) - below;
    }
}

/* Keeps the CC_CLUSTER_MAX_LISTED_CONFLICTS nearest, ties by id. */
static void
keep_nearest (Candidate *kept,
              guint     *n_kept,
              double     distance,
              guint      id)
{
  guint at = *n_kept;

  while (at > 0 && (kept[at - 1].distance > distance ||
                    (kept[at - 1].distance == distance && kept[at - 1].id > id)))
    at--;
  if (at >= CC_CLUSTER_MAX_LISTED_CONFLICTS)
    return;
  if (*n_kept < CC_CLUSTER_MAX_LISTED_CONFLICTS)
    (*n_kept)++;
  memmove (&kept[at + 1], &kept[at], (*n_kept - 1 - at) * sizeof (Candidate));
  kept[at] = (Candidate) { distance, id };
}

/* The nearest points of @side that conflict with a query, in order. */
static void
list_side (const Side *side,
           double      at,
           double      above,
           Candidate  *kept,
           guint      *n_kept)
{
  guint from = 0, high = side->n;

  while (from < high)
    {
      guint mid = from + (high - from) / 2;

      if (side->points[mid].lo < at)
        from = mid + 1;
      else
        high = mid;
    }

  for (guint n = 0; n < CC_CLUSTER_MAX_LISTED_CONFLICTS; n++)
    {
      int found = first_reaching (side, 1, 0, side->size, from, above);
      const Point *point;

      if (found < 0)
        break;
      point = &side->points[found];
      keep_nearest (kept, n_kept, point->lo - above, point->id);
      from = found + 1;
    }
}

/* The statuses cc_status_comparable() puts together share their first. */
static int
status_kind (CcClaimStatus status)
{
  for (int kind = CC_CLAIM_STATUS_OTHER; kind <= CC_CLAIM_STATUS_TOTAL; kind++)
    if (cc_status_comparable (status, kind))
      return kind;
  return status;
}

static Group *
group_new (const char *subject)
{
  Group *group = g_new0 (Group, 1);

  group->subject = subject;
  group->items = g_array_new (FALSE, FALSE, sizeof (guint));
  group->compatible = g_ptr_array_new ();
  return group;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->modifiers);
  g_array_unref (group->items);
  g_ptr_array_unref (group->compatible);
  side_clear (&group->sides[0]);
  side_clear (&group->sides[1]);
  g_free (group);
}

static void
kind_free (gpointer data)
{
  Kind *kind = data;

  g_ptr_array_unref (kind->named);
  g_clear_pointer (&kind->wildcard, group_free);
  group_free (kind->all);
  group_free (kind->all_named);
  g_free (kind);
}

/* Links the named groups of @kind whose subjects fit. Two fit only when
 * the first word of one has a word of the same stem in the other, so
 * each group is compared with those that have such a word, found by
 * the stem keys of cc-claim-match.c, not with all. */
static void
link_compatible (Kind *kind)
{
  g_autoptr(GHashTable) filed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, NULL);

  for (guint g = 0; g < kind->named->len; g++)
    {
      Group *group = g_ptr_array_index (kind->named, g);
      g_auto(GStrv) words = g_strsplit (group->modifiers, "\x1f", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

          if (words[w][0] == '\0')
            continue;
          cc_stem_add_filing_keys (words[w], keys);
          for (guint k = 0; k < keys->len; k++)
            {
              GPtrArray *groups = g_hash_table_lookup (filed, g_ptr_array_index (keys, k));

              if (groups == NULL)
                g_hash_table_insert (filed, g_strdup (g_ptr_array_index (keys, k)),
                                     (groups = g_ptr_array_new ()));
              if (groups->len == 0 || g_ptr_array_index (groups, groups->len - 1) != group)
                g_ptr_array_add (groups, group);
            }
        }
    }

  for (guint g = 0; g < kind->named->len; g++)
    {
      Group *group = g_ptr_array_index (kind->named, g);
      g_autofree char *first = g_strndup (group->modifiers, strcspn (group->modifiers, "\x1f"));
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (group->compatible, group);
      cc_stem_add_lookup_keys (first, keys);
      for (guint k = 0; k < keys->len; k++)
        {
          GPtrArray *groups = g_hash_table_lookup (filed, g_ptr_array_index (keys, k));

          for (guint j = 0; groups != NULL && j < groups->len; j++)
            {
              Group *other = g_ptr_array_index (groups, j);
              gint64 pair = (gint64)MIN (group->index, other->index) << 32 |
                            MAX (group->index, other->index);

              if (other == group || g_hash_table_contains (checked, &pair))
                continue;
              g_hash_table_add (checked, g_memdup2 (&pair, sizeof pair));
              if (cc_subject_compatible (group->subject, other->subject))
                {
                  g_ptr_array_add (group->compatible, other);
                  g_ptr_array_add (other->compatible, group);
                }
            }
        }
    }
}

/* Clusters by subject class and kind of status, and within each by the
 * words of the subject that cc_subject_compatible() reads; for each
 * named group, the named groups of its kind whose subjects fit. */
static GPtrArray *
make_kinds (CcCluster **clusters,
            guint       n_clusters)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *kinds = g_ptr_array_new_with_free_func (kind_free);

  for (guint i = 0; i < n_clusters; i++)
    {
      CcCluster *cluster = clusters[i];
      const char *subject = cc_cluster_get_subject (cluster);
      g_autofree char *modifiers = cc_subject_dup_modifiers_key (subject);
      g_autofree char *kind_key = g_strdup_printf ("%s\x1e%d",
                                                   cc_cluster_get_subject_class (cluster),
                                                   status_kind (cc_cluster_get_status (cluster)));
      Kind *kind = g_hash_table_lookup (by_kind, kind_key);
      Group *group;

      if (isnan (cc_cluster_get_low (cluster)) || isnan (cc_cluster_get_high (cluster)))
        continue;
      if (kind == NULL)
        {
          kind = g_new0 (Kind, 1);
          kind->named = g_ptr_array_new_with_free_func (group_free);
          kind->all = group_new (NULL);
          kind->all_named = group_new (NULL);
          g_ptr_array_add (kinds, kind);
          g_hash_table_insert (by_kind, g_strdup (kind_key), kind);
        }
      g_array_append_val (kind->all->items, i);

      if (modifiers[0] == '\0')
        {
          if (kind->wildcard == NULL)
            kind->wildcard = group_new (subject);
          group = kind->wildcard;
        }
      else
        {
          char *key = g_strconcat (kind_key, "\x1e", modifiers, NULL);

          g_array_append_val (kind->all_named->items, i);
          if ((group = g_hash_table_lookup (groups, key)) != NULL)
            g_free (key);
          else
            {
              group = group_new (subject);
              group->modifiers = g_strdup (modifiers);
              group->index = kind->named->len;
              g_ptr_array_add (kind->named, group);
              g_hash_table_insert (groups, key, group);
            }
        }
      g_array_append_val (group->items, i);
    }

  for (guint k = 0; k < kinds->len; k++)
    link_compatible (g_ptr_array_index (kinds, k));

  return kinds;
}

/* A cluster on both sides: above, its values as they are; below,
 * mirrored, so that one sweep serves both. A reach is where the rounding
 * of an end stops, just past the end for figures below 1. */
static void
place (CcCluster *cluster,
       guint      item,
       Point      points[2],
       Query      queries[2])
{
  double lo = MIN (cc_cluster_get_low (cluster), cc_cluster_get_high (cluster));
  double hi = MAX (cc_cluster_get_low (cluster), cc_cluster_get_high (cluster));
  double reach_down = lo - cc_value_rounding (lo);
  double reach_up = hi + cc_value_rounding (hi);
  guint id = cc_cluster_get_id (cluster);

  if (!(reach_down < lo))
    reach_down = nextafter (lo, -INFINITY);
  if (!(reach_up > hi))
    reach_up = nextafter (hi, INFINITY);

  points[0] = (Point) { lo, reach_down, id };
  queries[0] = (Query) { reach_up, hi, item };
  points[1] = (Point) { -hi, -reach_up, id };
  queries[1] = (Query) { -reach_down, -lo, item };
}

static void
fill_sides (Group      *group,
            CcCluster **clusters)
{
  side_init (&group->sides[0], group->items->len);
  side_init (&group->sides[1], group->items->len);
  for (guint k = 0; k < group->items->len; k++)
    {
      guint item = g_array_index (group->items, guint, k);
      Point points[2];
      Query queries[2];

      place (clusters[item], item, points, queries);
      for (guint s = 0; s < 2; s++)
        {
          group->sides[s].points[k] = points[s];
          group->sides[s].queries[k] = queries[s];
        }
    }
  side_finish (&group->sides[0]);
  side_finish (&group->sides[1]);
}

/* The nearest conflicting clusters of @item among @groups and @extra. */
static void
list_nearest (GPtrArray  *groups,
              Group      *extra,
              CcCluster **clusters,
              guint       item,
              guint       count)
{
  Candidate kept[CC_CLUSTER_MAX_LISTED_CONFLICTS];
  guint ids[CC_CLUSTER_MAX_LISTED_CONFLICTS];
  guint n_kept = 0;
  Point points[2];
  Query queries[2];

  place (clusters[item], item, points, queries);
  for (guint c = 0; c <= groups->len; c++)
    {
      Group *other = c < groups->len ? g_ptr_array_index (groups, c) : extra;

      for (guint s = 0; s < 2 && other != NULL; s++)
        list_side (&other->sides[s], queries[s].at, queries[s].above, kept, &n_kept);
    }

  for (guint i = 0; i < n_kept; i++)
    ids[i] = kept[i].id;
  _cc_cluster_set_conflicts (clusters[item], ids, n_kept, count);
}

static void
count_groups (Group *asking,
              Group *answering,
              guint *fenwick,
              guint *counts)
{
  for (guint s = 0; s < 2; s++)
    count_side (&asking->sides[s], &answering->sides[s], fenwick, counts);
}

/* A wildcard cluster is counted against every cluster of its kind at
 * once, and every named one against all wildcards at once, so that
 * subjects that name nobody's people cost one sweep, not one per
 * named group. */
void
_cc_cluster_conflicts_find (CcCluster **clusters,
                            guint       n_clusters)
{
  g_autoptr(GPtrArray) kinds = make_kinds (clusters, n_clusters);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree guint *counts = g_new0 (guint, MAX (n_clusters, 1));
  g_autofree guint *fenwick = g_new (guint, n_clusters + 1);

  for (guint k = 0; k < kinds->len; k++)
    {
      Kind *kind = g_ptr_array_index (kinds, k);

      fill_sides (kind->all, clusters);
      fill_sides (kind->all_named, clusters);
      if (kind->wildcard != NULL)
        {
          fill_sides (kind->wildcard, clusters);
          count_groups (kind->wildcard, kind->all, fenwick, counts);
          count_groups (kind->all_named, kind->wildcard, fenwick, counts);
        }
      for (guint g = 0; g < kind->named->len; g++)
        fill_sides (g_ptr_array_index (kind->named, g), clusters);
      for (guint g = 0; g < kind->named->len; g++)
        {
          Group *group = g_ptr_array_index (kind->named, g);

          for (guint c = 0; c < group->compatible->len; c++)
            count_groups (group, g_ptr_array_index (group->compatible, c), fenwick, counts);
        }
    }

  for (guint i = 0; i < n_clusters; i++)
    _cc_cluster_set_conflicts (clusters[i], NULL, 0, 0);
  for (guint k = 0; k < kinds->len; k++)
    {
      Kind *kind = g_ptr_array_index (kinds, k);

      for (guint i = 0; kind->wildcard != NULL && i < kind->wildcard->items->len; i++)
        {
          guint item = g_array_index (kind->wildcard->items, guint, i);

          if (counts[item] > 0)
            list_nearest (none, kind->all, clusters, item, counts[item]);
        }
      for (guint g = 0; g < kind->named->len; g++)
        {
          Group *group = g_ptr_array_index (kind->named, g);

          for (guint i = 0; i < group->items->len; i++)
            {
              guint item = g_array_index (group->items, guint, i);

              if (counts[item] > 0)
                list_nearest (group->compatible, kind->wildcard, clusters, item, counts[item]);
            }
        }
    }
}
