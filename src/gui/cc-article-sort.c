/* cc-article-sort.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The order of every list of articles, newest first, and the collation
 * keys of titles it compares, made once per article: for a whole
 * library, on a worker thread before its first sort. */

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
  gint64 id_a, id_b;
  int cmp;

  if (key_a->published != NULL && key_b->published == NULL)
    return GTK_ORDERING_SMALLER;
  if (key_a->published == NULL && key_b->published != NULL)
    return GTK_ORDERING_LARGER;
  if (key_a->published != NULL && (cmp = strcmp (key_b->published, key_a->published)) != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  if ((cmp = strcmp (key_a->title_key, key_b->title_key)) != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  id_a = cc_article_get_id (article_a);
  id_b = cc_article_get_id (article_b);
  return gtk_ordering_from_cmpfunc ((id_a > id_b) - (id_a < id_b));
}

typedef struct
{
  GPtrArray *articles;   /* CcArticle */
  GPtrArray *titles;     /* char *, copies taken on the main thread */
  GPtrArray *keys;       /* char *, made on the worker */
} KeysData;

static void
keys_data_free (gpointer data)
{
  KeysData *keys = data;

  g_ptr_array_unref (keys->articles);
  g_ptr_array_unref (keys->titles);
  g_clear_pointer (&keys->keys, g_ptr_array_unref);
  g_free (keys);
}

static void
make_keys_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  KeysData *data = task_data;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_full (data->titles->len, g_free);

  for (guint i = 0; i < data->titles->len; i++)
    {
      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_error_if_cancelled (task);
          return;
        }
      g_ptr_array_add (keys, g_utf8_collate_key (g_ptr_array_index (data->titles, i), -1));
    }
  data->keys = g_steal_pointer (&keys);
  g_task_return_boolean (task, TRUE);
}

/**
 * cc_articles_make_sort_keys_async:
 * @articles: a #GListModel of #CcArticle
 *
 * Makes the collation keys of the titles of @articles that have none, on
 * a worker thread, so that sorting them afterwards compares bytes. Only
 * the titles are read here; the keys join the articles in
 * cc_articles_make_sort_keys_finish(), on the main thread.
 */
void
cc_articles_make_sort_keys_async (GListModel          *articles,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeysData *data;
  guint n_items;

  g_return_if_fail (G_IS_LIST_MODEL (articles));

  n_items = g_list_model_get_n_items (articles);
  data = g_new0 (KeysData, 1);
  data->articles = g_ptr_array_new_full (n_items, g_object_unref);
  data->titles = g_ptr_array_new_full (n_items, g_free);
  for (guint i = 0; i < n_items; i++)
    {
      CcArticle *article = g_list_model_get_item (articles, i);

      if (g_object_get_qdata (G_OBJECT (article), sort_key_quark ()) != NULL)
        {
          g_object_unref (article);
          continue;
        }
      g_ptr_array_add (data->articles, article);
      g_ptr_array_add (data->titles, g_strdup (article_title (article)));
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_articles_make_sort_keys_async);
  g_task_set_task_data (task, data, keys_data_free);
  g_task_run_in_thread (task, make_keys_thread);
}

/**
 * cc_articles_make_sort_keys_finish:
 *
 * Gives the articles the keys made for them, unless their titles changed
 * meanwhile.
 *
 * Returns: %FALSE when cancelled
 */
gboolean
cc_articles_make_sort_keys_finish (GAsyncResult  *result,
                                   GError       **error)
{
  KeysData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  /* The articles are let go here, on the main thread, whatever happened. */
  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      g_ptr_array_set_size (data->articles, 0);
      return FALSE;
    }

  for (guint i = 0; i < data->articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (data->articles, i);
      const char *title = g_ptr_array_index (data->titles, i);

      if (strcmp (title, article_title (article)) != 0 ||
          g_object_get_qdata (G_OBJECT (article), sort_key_quark ()) != NULL)
        continue;
      g_object_set_qdata_full (G_OBJECT (article), sort_key_quark (),
                               sort_key_new (cc_article_get_published (article), title,
                                             g_steal_pointer (&data->keys->pdata[i])),
                               sort_key_free);
    }
  g_ptr_array_set_size (data->articles, 0);
  return TRUE;
}
