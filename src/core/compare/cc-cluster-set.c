/* cc-cluster-set.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Claims across articles: which mentions report one statement (a
 * cluster), which statements disagree, and which articles are one story
 * printed twice. Claims are taken in the order they were made, and each
 * joins the first cluster that agrees with all its mentions, so the
 * result does not depend on the order of the articles in the library. */

#define G_LOG_DOMAIN "cc-cluster-set"

#include "config.h"

#include <string.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-cluster-conflicts.h"
#include "cc-cluster-index.h"
#include "cc-cluster-private.h"
#include "cc-cluster-set.h"
#include "cc-library.h"
#include "cc-same-origin.h"

/* The longest quote shown around a mention, in bytes each way. */
#define QUOTE_REACH 320

struct _CcClusterSet
{
  GObject     parent_instance;

  GListStore *articles;
  GPtrArray  *clusters;
  /* article id → the id of its origin (gint64 * both) */
  GHashTable *origins;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CcClusterSet, cc_cluster_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CcClaim    *claim;
  const char *day;        /* of the statement, else of the article */
  const char *event_day;  /* of the statement, or NULL */
  const char *published;
  guint       article;    /* index in the order given */
} Entry;

static int
compare_days (const char *a,
              const char *b)
{
  /* Undated last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  int cmp;

  if ((cmp = compare_days (x->day, y->day)) != 0 ||
      (cmp = compare_days (x->published, y->published)) != 0)
    return cmp;
  if (x->article != y->article)
    return (x->article > y->article) - (x->article < y->article);
  return (cc_claim_get_start (x->claim) > cc_claim_get_start (y->claim)) -
         (cc_claim_get_start (x->claim) < cc_claim_get_start (y->claim));
}

/* Rows read in time, then by figure. */
static int
compare_clusters (gconstpointer a,
                  gconstpointer b)
{
  CcCluster *x = *(CcCluster **)a;
  CcCluster *y = *(CcCluster **)b;
  int cmp;

  if ((cmp = compare_days (cc_cluster_get_first_day (x), cc_cluster_get_first_day (y))) != 0)
    return cmp;
  if (cc_cluster_get_low (x) != cc_cluster_get_low (y))
    return (cc_cluster_get_low (x) > cc_cluster_get_low (y)) -
           (cc_cluster_get_low (x) < cc_cluster_get_low (y));
  if (cc_cluster_get_high (x) != cc_cluster_get_high (y))
    return (cc_cluster_get_high (x) > cc_cluster_get_high (y)) -
           (cc_cluster_get_high (x) < cc_cluster_get_high (y));
  if ((cmp = compare_days (cc_cluster_get_claimant (x), cc_cluster_get_claimant (y))) != 0)
    return cmp;
  return compare_days (cc_cluster_get_subject (x), cc_cluster_get_subject (y));
}

static guint
count_sources (CcClusterSet *self,
               CcCluster    *cluster)
{
  g_autoptr(GHashTable) origins = g_hash_table_new (g_int64_hash, g_int64_equal);
  GListModel *mentions = cc_cluster_get_mentions (cluster);
  guint n = g_list_model_get_n_items (mentions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, i);
      gint64 id = cc_claim_get_article_id (claim);
      gint64 *origin = g_hash_table_lookup (self->origins, &id);

      if (origin != NULL)
        g_hash_table_add (origins, origin);
    }

  return g_hash_table_size (origins);
}

static void
build (CcClusterSet *self)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(CcClusterIndex) index = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_articles = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (articles, g_list_model_get_item (G_LIST_MODEL (self->articles), i));

  self->origins = cc_same_origin_find ((CcArticle **)articles->pdata, articles->len);

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      GListModel *claims = cc_article_get_claims (article);
      guint n_claims = g_list_model_get_n_items (claims);

      for (guint j = 0; j < n_claims; j++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (claims, j);
          Entry entry;

          if (cc_claim_get_rejected (claim))
            continue;

          entry.claim = claim;
          entry.event_day = cc_claim_get_event_date (claim);
          entry.published = cc_article_get_published (article);
          entry.day = entry.event_day ? entry.event_day : entry.published;
          entry.article = i;
          g_array_append_val (entries, entry);
        }
    }

  g_array_sort (entries, compare_entries);

  /* Clusters filed by the subject class, the claimant and the value of
   * their first mention, so that a claim is checked only against the
   * clusters it could join, not against all of them. */
  values = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      CcClaim *claim = g_array_index (entries, Entry, i).claim;
      double low = cc_claim_get_low (claim), high = cc_claim_get_high (claim);

      g_array_append_val (values, low);
      g_array_append_val (values, high);
    }
  index = _cc_cluster_index_new ((const double *)(gpointer)values->data, values->len);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      const char *klass = cc_subject_class (cc_claim_get_subject (entry->claim),
                                            cc_claim_get_status (entry->claim));
      g_autoptr(CcClaimantKey) key = cc_claimant_key_new (cc_claim_get_claimant (entry->claim));
      CcCluster *cluster = _cc_cluster_index_find (index, klass, key, entry->claim,
                                                   entry->event_day);

      if (cluster == NULL)
        {
          cluster = _cc_cluster_new (klass);
          g_ptr_array_add (self->clusters, cluster);
          _cc_cluster_index_add (index, cluster, klass, key, entry->claim);
        }

      _cc_cluster_add (cluster, entry->claim, entry->event_day, entry->published);
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      CcCluster *cluster = g_ptr_array_index (self->clusters, i);

      _cc_cluster_settle (cluster);
      _cc_cluster_set_n_sources (cluster, count_sources (self, cluster));
    }

  g_ptr_array_sort (self->clusters, compare_clusters);
  for (guint i = 0; i < self->clusters->len; i++)
    _cc_cluster_set_id (g_ptr_array_index (self->clusters, i), i + 1);

  _cc_cluster_conflicts_find ((CcCluster **)self->clusters->pdata, self->clusters->len);
}

static GType
cc_cluster_set_get_item_type (GListModel *model)
{
  return CC_TYPE_CLUSTER;
}

static guint
cc_cluster_set_get_n_items (GListModel *model)
{
  CcClusterSet *self = CC_CLUSTER_SET (model);

  return self->clusters->len;
}

static gpointer
cc_cluster_set_get_item (GListModel *model,
                         guint       position)
{
  CcClusterSet *self = CC_CLUSTER_SET (model);

  if (position >= self->clusters->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->clusters, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cc_cluster_set_get_item_type;
  iface->get_n_items = cc_cluster_set_get_n_items;
  iface->get_item = cc_cluster_set_get_item;
}

static void
cc_cluster_set_dispose (GObject *object)
{
  CcClusterSet *self = (CcClusterSet *)object;

  g_clear_object (&self->articles);
  if (self->clusters != NULL)
    g_ptr_array_set_size (self->clusters, 0);

  G_OBJECT_CLASS (cc_cluster_set_parent_class)->dispose (object);
}

static void
cc_cluster_set_finalize (GObject *object)
{
  CcClusterSet *self = (CcClusterSet *)object;

  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->origins, g_hash_table_unref);

  G_OBJECT_CLASS (cc_cluster_set_parent_class)->finalize (object);
}

static void
cc_cluster_set_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcClusterSet *self = CC_CLUSTER_SET (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->clusters->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_cluster_set_class_init (CcClusterSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_cluster_set_dispose;
  object_class->finalize = cc_cluster_set_finalize;
  object_class->get_property = cc_cluster_set_get_property;

  /**
   * CcClusterSet:n-items:
   *
   * The number of clusters.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_cluster_set_init (CcClusterSet *self)
{
  self->articles = g_list_store_new (CC_TYPE_ARTICLE);
  self->clusters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cc_cluster_set_new:
 * @articles: a #GListModel of #CcArticle
 *
 * Groups the claims of @articles that are not rejected.
 *
 * Returns: (transfer full): a new #CcClusterSet
 */
CcClusterSet *
cc_cluster_set_new (GListModel *articles)
{
  CcClusterSet *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (articles), NULL);

  self = g_object_new (CC_TYPE_CLUSTER_SET, NULL);
  n = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (articles, i);

      if (CC_IS_ARTICLE (item))
        g_list_store_append (self->articles, item);
    }

  build (self);

  return self;
}

/**
 * cc_cluster_set_new_for_library:
 * @library: a #CcLibrary
 *
 * Returns: (transfer full): the clusters of every article of @library
 */
CcClusterSet *
cc_cluster_set_new_for_library (CcLibrary *library)
{
  g_return_val_if_fail (CC_IS_LIBRARY (library), NULL);

  return cc_cluster_set_new (G_LIST_MODEL (library));
}

/**
 * cc_cluster_set_get_articles:
 * @self: a #CcClusterSet
 *
 * Returns: (transfer none): the #CcArticle list the set was made from
 */
GListModel *
cc_cluster_set_get_articles (CcClusterSet *self)
{
  g_return_val_if_fail (CC_IS_CLUSTER_SET (self), NULL);

  return G_LIST_MODEL (self->articles);
}

/**
 * cc_cluster_set_lookup:
 * @self: a #CcClusterSet
 * @id: a cluster id
 *
 * Returns: (transfer none) (nullable): the cluster with @id
 */
CcCluster *
cc_cluster_set_lookup (CcClusterSet *self,
                       guint         id)
{
  g_return_val_if_fail (CC_IS_CLUSTER_SET (self), NULL);

  /* Ids are positions plus one. */
  if (id == 0 || id > self->clusters->len)
    return NULL;
  return g_ptr_array_index (self->clusters, id - 1);
}

gint64
cc_cluster_set_get_origin (CcClusterSet *self,
                           gint64        article_id)
{
  gint64 *origin;

  g_return_val_if_fail (CC_IS_CLUSTER_SET (self), 0);

  origin = g_hash_table_lookup (self->origins, &article_id);
  return origin ? *origin : 0;
}

/* @offset characters into @text, or NULL when it is shorter. */
static const char *
pointer_at (const char *text,
            guint       offset)
{
  for (; offset > 0; offset--)
    {
      if (*text == '\0')
        return NULL;
      text = g_utf8_next_char (text);
    }
  return text;
}

static gboolean
ends_sentence (const char *text,
               const char *p)
{
  /* "U.S. officials" does not end one; ". The" does. */
  return (*p == '.' || *p == '!' || *p == '?') &&
         (p[1] == '\0' || g_ascii_isspace (p[1]) || p[1] == '"') &&
         !(p > text + 1 && *p == '.' && p[-2] == '.');
}

/**
 * cc_cluster_set_dup_quote:
 * @self: a #CcClusterSet
 * @claim: a claim of one of the set's articles
 *
 * Returns: (transfer full) (nullable): the sentence holding @claim,
 *   shortened with an ellipsis when long, or %NULL when its article is
 *   not in the set
 */
char *
cc_cluster_set_dup_quote (CcClusterSet *self,
                          CcClaim      *claim)
{
  g_autoptr(CcArticle) article = NULL;
  GString *quote;
  const char *text, *start, *end, *from, *to;
  gboolean cut_start = FALSE, cut_end = FALSE;
  guint n;

  g_return_val_if_fail (CC_IS_CLUSTER_SET (self), NULL);
  g_return_val_if_fail (CC_IS_CLAIM (claim), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  for (guint i = 0; i < n && article == NULL; i++)
    {
      g_autoptr(CcArticle) candidate = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      if (cc_article_get_id (candidate) == cc_claim_get_article_id (claim))
        article = g_steal_pointer (&candidate);
    }

  if (article == NULL || (text = cc_article_get_text (article)) == NULL)
    return NULL;

  /* Only as far into the text as the claim: a quote of a long article
   * costs no more than its place in it. */
  if (cc_claim_get_start (claim) > cc_claim_get_end (claim) ||
      !(start = pointer_at (text, cc_claim_get_start (claim))) ||
      !(end = pointer_at (start, cc_claim_get_end (claim) - cc_claim_get_start (claim))))
    return NULL;

  for (from = start; from > text; from--)
    {
      if (start - from >= QUOTE_REACH)
        {
          cut_start = TRUE;
          break;
        }
      if (from[-1] == '\n' ||
          (from - text >= 2 && g_ascii_isspace (from[-1]) && ends_sentence (text, from - 2)))
        break;
    }

  for (to = end; *to; to++)
    {
      if (to - end >= QUOTE_REACH)
        {
          cut_end = TRUE;
          break;
        }
      if (*to == '\n')
        break;
      if (ends_sentence (text, to))
        {
          to++;
          break;
        }
    }

  /* Whole characters only. */
  while (from > text && ((guchar)*from & 0xc0) == 0x80)
    from--;
  while (to > end && ((guchar)*to & 0xc0) == 0x80)
    to--;

  quote = g_string_new (cut_start ? "…" : NULL);
  g_string_append_len (quote, from, to - from);
  if (cut_end)
    g_string_append (quote, "…");

  return g_strstrip (g_string_free (quote, FALSE));
}
