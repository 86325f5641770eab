/* cc-article-sort.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The order of every list of articles, newest first, and the collation
 * keys of titles it compares, made once per article: for a whole
 * library, on a worker thread before its first sort, which first finds
 * the few articles the sort will put first. */

#define G_LOG_DOMAIN "cc-article-sort"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "cc-article-sort.h"
#include "cc-article.h"

/* What an article is sorted by, made once: its date and the collation
 * key of its title, with the strings they were made from, so that an edit
 * of either is seen. */
typedef struct
{
  char *published;
  char *title;
  char *title_key;
} SortKey;

static void
sort_key_free (gpointer data)
{
  SortKey *key = data;

  g_free (key->published);
  g_free (key->title);
  g_free (key->title_key);
  g_free (key);
}

static GQuark
sort_key_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cc-article-sort-key");
  return quark;
}

static inline const char *
article_title (CcArticle *article)
{
  const char *title = cc_article_get_title (article);

  return title ? title : "";
}

static SortKey *
sort_key_new (const char *published,
              const char *title,
              char       *title_key)
{
  SortKey *key = g_new (SortKey, 1);

  key->published = g_strdup (published);
  key->title = g_strdup (title);
  key->title_key = title_key ? title_key : g_utf8_collate_key (title, -1);
  return key;
}

/* The article's key, made again when its title or date changed. */
static SortKey *
get_sort_key (CcArticle *article)
{
  SortKey *key = g_object_get_qdata (G_OBJECT (article), sort_key_quark ());
  const char *title = article_title (article);
  const char *published = cc_article_get_published (article);

  if (G_LIKELY (key != NULL && strcmp (key->title, title) == 0 &&
                g_strcmp0 (key->published, published) == 0))
    return key;

  key = sort_key_new (published, title, NULL);
  g_object_set_qdata_full (G_OBJECT (article), sort_key_quark (), key, sort_key_free);
  return key;
}

/* The order itself, on what an article is sorted by: newest first,
 * articles without a date last, then by the collation keys of titles,
 * then by id. The worker orders its copies with it too. */
static inline int
compare_keys (const char *published_a,
              const char *title_key_a,
              gint64      id_a,
              const char *published_b,
              const char *title_key_b,
              gint64      id_b)
{
  int cmp;

  if (published_a != NULL && published_b == NULL)
    return GTK_ORDERING_SMALLER;
  if (published_a == NULL && published_b != NULL)
    return GTK_ORDERING_LARGER;
  if (published_a != NULL && (cmp = strcmp (published_b, published_a)) != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  if ((cmp = strcmp (title_key_a, title_key_b)) != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  return gtk_ordering_from_cmpfunc ((id_a > id_b) - (id_a < id_b));
}

/**
 * cc_compare_articles_newest_first:
 *
 * The order of every list of articles: newest first, articles without a
 * date last, then by title, then by id. A #GCompareDataFunc. Titles are
 * compared by collation keys, made once per article (see
 * cc_articles_make_sort_keys_async()).
 */
int
cc_compare_articles_newest_first (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  CcArticle *article_a = (CcArticle *)a;
  CcArticle *article_b = (CcArticle *)b;
  SortKey *key_a = get_sort_key (article_a);
  SortKey *key_b = get_sort_key (article_b);

  return compare_keys (key_a->published, key_a->title_key, cc_article_get_id (article_a),
                       key_b->published, key_b->title_key, cc_article_get_id (article_b));
}

/* What the worker knows of an article, copied on the main thread: its
 * date and title (or the key it has already) as offsets into one
 * buffer, one allocation for them all. */
typedef struct
{
  gint64 id;
  gsize  title;        /* the title, or the key when has_key */
  gssize published;    /* -1 without a date */
  gboolean has_key;
} Entry;

typedef struct
{
  GPtrArray          *articles;   /* CcArticle, every one */
  GArray             *entries;    /* Entry, by position */
  GString            *strings;
  GPtrArray          *keys;       /* char *, made on the worker; NULL where has_key */
  /* The newest articles, found on the worker first. */
  guint               n_newest;
  GArray             *newest;     /* guint positions, in order */
  CcNewestFunc        newest_func;
  gpointer            newest_data;
  GDestroyNotify      newest_destroy;
  /* How far the main thread's slices went: the articles copied, and
   * given their keys. */
  guint               n_copied;
  guint               n_given;
} KeysData;

/* The main thread's part goes a slice at a time, this long at most, at
 * idle priority, so that the window draws its frames in between. */
#define SLICE_USEC 4000

static void
keys_data_free (gpointer data)
{
  KeysData *keys = data;

  g_ptr_array_unref (keys->articles);
  g_array_unref (keys->entries);
  g_string_free (keys->strings, TRUE);
  g_clear_pointer (&keys->keys, g_ptr_array_unref);
  g_clear_pointer (&keys->newest, g_array_unref);
  g_free (keys);
}

static inline const char *
entry_published (KeysData    *data,
                 const Entry *entry)
{
  return entry->published < 0 ? NULL : data->strings->str + entry->published;
}

/* The key of the article at @i, made at most once. */
static const char *
entry_key (KeysData *data,
           guint     i)
{
  const Entry *entry = &g_array_index (data->entries, Entry, i);

  if (entry->has_key)
    return data->strings->str + entry->title;
  if (data->keys->pdata[i] == NULL)
    data->keys->pdata[i] = g_utf8_collate_key (data->strings->str + entry->title, -1);
  return data->keys->pdata[i];
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  KeysData *data = user_data;
  guint i = *(const guint *)a, j = *(const guint *)b;
  const Entry *entry_a = &g_array_index (data->entries, Entry, i);
  const Entry *entry_b = &g_array_index (data->entries, Entry, j);

  return compare_keys (entry_published (data, entry_a), entry_key (data, i), entry_a->id,
                       entry_published (data, entry_b), entry_key (data, j), entry_b->id);
}

/* Sifts the date at @at of a heap of dates, the oldest on top, down. */
static void
sift_down (const char **heap,
           guint        n,
           guint        at)
{
  for (;;)
    {
      guint oldest = at, left = 2 * at + 1, right = left + 1;
      const char *swap;

      if (left < n && strcmp (heap[left], heap[oldest]) < 0)
        oldest = left;
      if (right < n && strcmp (heap[right], heap[oldest]) < 0)
        oldest = right;
      if (oldest == at)
        return;
      swap = heap[at];
      heap[at] = heap[oldest];
      heap[oldest] = swap;
      at = oldest;
    }
}

/* The positions of the n_newest first articles in order, without sorting
 * them all: a heap of the n_newest latest dates gives the date the first
 * ones reach down to, and only the articles of that date or later (all
 * of those that share it, for their order) are sorted, by the whole
 * order. O(n log n_newest), and the keys of those few only. */
static void
find_newest (KeysData *data)
{
  g_autofree const char **heap = g_new (const char *, data->n_newest);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *oldest = NULL;
  guint n_heap = 0;

  for (guint i = 0; i < data->entries->len; i++)
    {
      const char *published = entry_published (data, &g_array_index (data->entries, Entry, i));

      if (published == NULL)
        continue;
      if (n_heap < data->n_newest)
        {
          heap[n_heap++] = published;
          if (n_heap == data->n_newest)
            for (guint at = n_heap / 2; at-- > 0;)
              sift_down (heap, n_heap, at);
        }
      else if (strcmp (published, heap[0]) > 0)
        {
          heap[0] = published;
          sift_down (heap, n_heap, 0);
        }
    }
  /* Fewer dated articles than asked for: every one, and the undated. */
  if (n_heap == data->n_newest)
    oldest = heap[0];

  for (guint i = 0; i < data->entries->len; i++)
    {
      const char *published = entry_published (data, &g_array_index (data->entries, Entry, i));

      if (oldest == NULL || (published != NULL && strcmp (published, oldest) >= 0))
        g_array_append_val (candidates, i);
    }
  g_array_sort_with_data (candidates, compare_positions, data);
  g_array_set_size (candidates, MIN (candidates->len, data->n_newest));
  data->newest = g_steal_pointer (&candidates);
}

/* On the main thread: the newest articles to the caller, unless the keys
 * were called off meanwhile. */
static gboolean
newest_found_cb (gpointer user_data)
{
  GTask *task = user_data;
  KeysData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) newest = NULL;

  if (data->newest_func == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return G_SOURCE_REMOVE;

  newest = g_ptr_array_new_full (data->newest->len, g_object_unref);
  for (guint i = 0; i < data->newest->len; i++)
    g_ptr_array_add (newest, g_object_ref (data->articles->pdata[g_array_index (data->newest, guint, i)]));
  data->newest_func (newest, data->newest_data);
  return G_SOURCE_REMOVE;
}

/* Runs @func from idles on the task's context until it is done. */
static void
run_slices (GTask       *task,
            GSourceFunc  func)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, func, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[crosscheck] article sort keys");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* Gives the articles the keys made for them, a slice at a time, unless
 * their titles changed meanwhile; then the task is done. */
static gboolean
give_keys_cb (gpointer user_data)
{
  GTask *task = user_data;
  KeysData *data = g_task_get_task_data (task);
  gint64 end = g_get_monotonic_time () + SLICE_USEC;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  for (; data->n_given < data->articles->len; data->n_given++)
    {
      guint i = data->n_given;
      CcArticle *article = g_ptr_array_index (data->articles, i);
      const Entry *entry = &g_array_index (data->entries, Entry, i);
      const char *title = data->strings->str + entry->title;

      if (i % 256 == 255 && g_get_monotonic_time () >= end)
        return G_SOURCE_CONTINUE;
      if (entry->has_key || strcmp (title, article_title (article)) != 0 ||
          g_object_get_qdata (G_OBJECT (article), sort_key_quark ()) != NULL)
        continue;
      g_object_set_qdata_full (G_OBJECT (article), sort_key_quark (),
                               sort_key_new (cc_article_get_published (article), title,
                                             g_steal_pointer (&data->keys->pdata[i])),
                               sort_key_free);
    }
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
keys_made_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    run_slices (task, give_keys_cb);
}

/* The worker's task has the caller's task for its data. */
static void
make_keys_thread (GTask        *worker,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GTask *task = task_data;
  KeysData *data = g_task_get_task_data (task);

  if (data->n_newest > 0)
    {
      find_newest (data);
      g_main_context_invoke_full (g_task_get_context (task), g_task_get_priority (task),
                                  newest_found_cb, g_object_ref (task), g_object_unref);
    }

  for (guint i = 0; i < data->entries->len; i++)
    {
      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_error_if_cancelled (worker);
          return;
        }
      entry_key (data, i);
    }
  g_task_return_boolean (worker, TRUE);
}

/* Copies the titles and dates of the articles, a slice at a time, then
 * hands them to the worker. */
static gboolean
copy_articles_cb (gpointer user_data)
{
  GTask *task = user_data;
  KeysData *data = g_task_get_task_data (task);
  gint64 end = g_get_monotonic_time () + SLICE_USEC;
  GTask *worker;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  for (; data->n_copied < data->articles->len; data->n_copied++)
    {
      CcArticle *article = g_ptr_array_index (data->articles, data->n_copied);
      SortKey *key = g_object_get_qdata (G_OBJECT (article), sort_key_quark ());
      const char *published = cc_article_get_published (article);
      Entry entry = { cc_article_get_id (article), 0, -1, key != NULL };
      const char *title;

      if (data->n_copied % 256 == 255 && g_get_monotonic_time () >= end)
        return G_SOURCE_CONTINUE;
      if (key != NULL)
        key = get_sort_key (article);
      if (published != NULL)
        {
          entry.published = data->strings->len;
          g_string_append_len (data->strings, published, strlen (published) + 1);
        }
      entry.title = data->strings->len;
      title = key ? key->title_key : article_title (article);
      g_string_append_len (data->strings, title, strlen (title) + 1);
      g_array_append_val (data->entries, entry);
    }

  worker = g_task_new (NULL, g_task_get_cancellable (task), keys_made_cb, g_object_ref (task));
  g_task_set_source_tag (worker, make_keys_thread);
  g_task_set_task_data (worker, task, NULL);
  g_task_run_in_thread (worker, make_keys_thread);
  g_object_unref (worker);
  return G_SOURCE_REMOVE;
}

/**
 * cc_articles_make_sort_keys_async:
 * @articles: a #GListModel of #CcArticle
 * @n_newest: how many of the first articles in order to find first
 * @newest_func: (nullable): called on the main thread with the @n_newest
 *   first articles of @articles in order (or all, when fewer), before
 *   @callback and while the keys are still being made
 * @newest_data: data for @newest_func
 * @newest_destroy: frees @newest_data, in
 *   cc_articles_make_sort_keys_finish()
 *
 * Makes the collation keys of the titles of @articles that have none, on
 * a worker thread, so that sorting them afterwards compares bytes. Only
 * copies of the titles and dates are read there, taken on the main
 * thread a slice at a time, as the keys join the articles afterwards.
 * First, the worker finds the @n_newest first articles in the order of
 * cc_compare_articles_newest_first(), ties included, without sorting
 * them all, so that a list can show them long before the whole sort.
 */
void
cc_articles_make_sort_keys_async (GListModel          *articles,
                                  guint                n_newest,
                                  CcNewestFunc         newest_func,
                                  gpointer             newest_data,
                                  GDestroyNotify       newest_destroy,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeysData *data;
  guint n_items;

  g_return_if_fail (G_IS_LIST_MODEL (articles));
  g_return_if_fail (n_newest == 0 || newest_func != NULL);

  /* The articles as they are now; their titles and dates follow. */
  n_items = g_list_model_get_n_items (articles);
  data = g_new0 (KeysData, 1);
  data->articles = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (data->articles, g_list_model_get_item (articles, i));
  data->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n_items);
  data->strings = g_string_sized_new (n_items * 64);
  data->keys = g_ptr_array_new_full (n_items, g_free);
  g_ptr_array_set_size (data->keys, n_items);
  data->n_newest = newest_func != NULL ? n_newest : 0;
  data->newest_func = newest_func;
  data->newest_data = newest_data;
  data->newest_destroy = newest_destroy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_articles_make_sort_keys_async);
  g_task_set_task_data (task, data, keys_data_free);
  run_slices (task, copy_articles_cb);
}

/**
 * cc_articles_make_sort_keys_finish:
 *
 * Returns: %FALSE when cancelled; the articles then have only the keys
 *   given them before
 */
gboolean
cc_articles_make_sort_keys_finish (GAsyncResult  *result,
                                   GError       **error)
{
  KeysData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  /* The articles and the data of the newest are let go at once. */
  data = g_task_get_task_data (G_TASK (result));
  data->newest_func = NULL;
  if (data->newest_destroy != NULL)
    g_clear_pointer (&data->newest_data, data->newest_destroy);
  g_ptr_array_set_size (data->articles, 0);
  return g_task_propagate_boolean (G_TASK (result), error);
}
