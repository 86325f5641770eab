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
 * listed: clusters are grouped by what they count, and within each pair
 * of groups that fit, a sweep over the values with a Fenwick tree counts,
 * for each cluster, those above it that are out of reach both ways;
 * the same on the mirrored values counts those below. Only the nearest
 * few in value are listed, found with a tree of the largest reach. */

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
  GArray     *items;       /* indices into the clusters */
  GArray     *compatible;  /* groups whose subjects fit, itself too */
  Side        sides[2];
} Group;

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

static void
group_free (gpointer data)
{
  Group *group = data;

  g_array_unref (group->items);
  g_array_unref (group->compatible);
  side_clear (&group->sides[0]);
  side_clear (&group->sides[1]);
  g_free (group);
}

/* Clusters grouped by what they count: subject class, kind of status,
 * and the words of the subject that cc_subject_compatible() reads; and
 * for each group, the groups of its class and kind whose subjects fit. */
static GPtrArray *
make_groups (CcCluster **clusters,
             guint       n_clusters)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)g_ptr_array_unref);
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  GHashTableIter iter;
  GPtrArray *members;

  for (guint i = 0; i < n_clusters; i++)
    {
      CcCluster *cluster = clusters[i];
      g_autofree char *modifiers = cc_subject_dup_modifiers_key (cc_cluster_get_subject (cluster));
      g_autofree char *kind = g_strdup_printf ("%s\x1e%d", cc_cluster_get_subject_class (cluster),
                                               status_kind (cc_cluster_get_status (cluster)));
      char *key = g_strconcat (kind, "\x1e", modifiers, NULL);
      Group *group = g_hash_table_lookup (by_key, key);

      if (isnan (cc_cluster_get_low (cluster)) || isnan (cc_cluster_get_high (cluster)))
        {
          g_free (key);
          continue;
        }
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->subject = cc_cluster_get_subject (cluster);
          group->items = g_array_new (FALSE, FALSE, sizeof (guint));
          group->compatible = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_key, key, group);
          g_ptr_array_add (groups, group);
          if (!(members = g_hash_table_lookup (kinds, kind)))
            g_hash_table_insert (kinds, g_steal_pointer (&kind), (members = g_ptr_array_new ()));
          g_ptr_array_add (members, GUINT_TO_POINTER (groups->len - 1));
        }
      else
        g_free (key);
      g_array_append_val (group->items, i);
    }

  /* Distinct subjects are few beside the clusters: each pair of groups
   * of one class and kind is compared once. */
  g_hash_table_iter_init (&iter, kinds);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&members))
    for (guint a = 0; a < members->len; a++)
      for (guint b = a; b < members->len; b++)
        {
          guint index_a = GPOINTER_TO_UINT (g_ptr_array_index (members, a));
          guint index_b = GPOINTER_TO_UINT (g_ptr_array_index (members, b));
          Group *group_a = g_ptr_array_index (groups, index_a);
          Group *group_b = g_ptr_array_index (groups, index_b);

          if (a != b && !cc_subject_compatible (group_a->subject, group_b->subject))
            continue;
          g_array_append_val (group_a->compatible, index_b);
          if (a != b)
            g_array_append_val (group_b->compatible, index_a);
        }

  return groups;
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

/* The nearest conflicting clusters of @item, over the groups that fit. */
static void
list_nearest (GPtrArray  *groups,
              Group      *group,
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
  for (guint c = 0; c < group->compatible->len && count > 0; c++)
    {
      Group *other = g_ptr_array_index (groups, g_array_index (group->compatible, guint, c));

      for (guint s = 0; s < 2; s++)
        list_side (&other->sides[s], queries[s].at, queries[s].above, kept, &n_kept);
    }

  for (guint i = 0; i < n_kept; i++)
    ids[i] = kept[i].id;
  _cc_cluster_set_conflicts (clusters[item], ids, n_kept, count);
}

void
_cc_cluster_conflicts_find (CcCluster **clusters,
                            guint       n_clusters)
{
  g_autoptr(GPtrArray) groups = make_groups (clusters, n_clusters);
  g_autofree guint *counts = g_new0 (guint, MAX (n_clusters, 1));
  g_autofree guint *fenwick = NULL;
  guint largest = 0;

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);

      fill_sides (group, clusters);
      largest = MAX (largest, group->items->len);
    }
  fenwick = g_new (guint, largest + 1);

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);

      for (guint c = 0; c < group->compatible->len; c++)
        {
          Group *other = g_ptr_array_index (groups, g_array_index (group->compatible, guint, c));

          for (guint s = 0; s < 2; s++)
            count_side (&group->sides[s], &other->sides[s], fenwick, counts);
        }
    }

  for (guint i = 0; i < n_clusters; i++)
    _cc_cluster_set_conflicts (clusters[i], NULL, 0, 0);
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);

      for (guint k = 0; k < group->items->len; k++)
        {
          guint item = g_array_index (group->items, guint, k);

          if (counts[item] > 0)
            list_nearest (groups, group, clusters, item, counts[item]);
        }
    }
}
