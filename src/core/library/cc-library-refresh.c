/* cc-library-refresh.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Re-extraction: when the extractor improves, the auto claims of articles
 * extracted by an older version are made again, in the background on
 * start-up. The user's claims (corrections, "not a claim", additions) stay
 * and win over any new auto claim on the same words. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-importer.h"
#include "cc-library-private.h"
#include "cc-store.h"

/* What a refresh needs of one article, copied on the main thread so that
 * the worker touches no object the views see. The text and the user's
 * claims of an article not read yet are read by the worker. */
typedef struct
{
  gint64     id;
  char      *text;
  char      *published;
  GArray    *user_spans;  /* start, end pairs of the user's claims */
  GPtrArray *fresh;       /* the new auto claims, once stored */
  guint      n_claims;    /* then, its claims not rejected */
} RefreshItem;

static void
refresh_item_free (gpointer data)
{
  RefreshItem *item = data;

  g_free (item->text);
  g_free (item->published);
  g_array_unref (item->user_spans);
  g_clear_pointer (&item->fresh, g_ptr_array_unref);
  g_free (item);
}

/* The user's claims: their spans, and how many are not rejected. */
static guint
collect_user_spans (RefreshItem *item,
                    GListModel  *claims)
{
  guint n_kept = 0;

  for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, j);

      if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER)
        {
          guint span[2] = { cc_claim_get_start (claim), cc_claim_get_end (claim) };

          g_array_append_vals (item->user_spans, span, 2);
          n_kept += !cc_claim_get_rejected (claim);
        }
    }
  return n_kept;
}

/* The articles of @stale, the ids of those extracted by an older
 * extractor, or NULL when they could not be listed. */
static GPtrArray *
collect_stale (CcLibrary *self,
               GArray    *stale)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (refresh_item_free);

  if (stale == NULL)
    return items;

  for (guint i = 0; i < stale->len; i++)
    {
      CcArticle *article = cc_library_lookup_article (self, g_array_index (stale, gint64, i));
      RefreshItem *item;

      if (article == NULL)
        continue;

      item = g_new0 (RefreshItem, 1);
      item->id = cc_article_get_id (article);
      item->published = g_strdup (cc_article_get_published (article));
      item->user_spans = g_array_new (FALSE, FALSE, sizeof (guint));
      /* What is in memory is copied; the rest the worker reads. */
      if (_cc_article_has_text (article) && _cc_article_has_claims (article))
        {
          item->text = g_strdup (cc_article_get_text (article));
          collect_user_spans (item, cc_article_get_claims (article));
        }

      g_ptr_array_add (items, item);
    }

  return items;
}

static gboolean
overlaps_user_claim (RefreshItem *item,
                     CcClaim     *candidate)
{
  for (guint i = 0; i + 1 < item->user_spans->len; i += 2)
    {
      guint start = g_array_index (item->user_spans, guint, i);
      guint end = g_array_index (item->user_spans, guint, i + 1);

      if (start < cc_claim_get_end (candidate) && cc_claim_get_start (candidate) < end)
        return TRUE;
    }

  return FALSE;
}

/* Extracts and stores one article's new auto claims; any thread. */
static void
refresh_item (CcStore     *store,
              RefreshItem *item)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_claims = 0;

  if (item->text == NULL)
    {
      g_autoptr(GPtrArray) claims = NULL;
      g_autoptr(GPtrArray) annotations = NULL;
      g_autoptr(GListStore) model = g_list_store_new (CC_TYPE_CLAIM);

      if (!cc_store_read_article (store, item->id, TRUE, &item->text, &claims, &annotations,
                                  &error))
        {
          g_message ("Cannot read article %" G_GINT64_FORMAT " to extract it again: %s",
                     item->id, error->message);
          return;
        }
      g_list_store_splice (model, 0, 0, claims->pdata, claims->len);
      n_claims = collect_user_spans (item, G_LIST_MODEL (model));
    }
  else
    n_claims = G_MAXUINT;

  found = cc_extractor_extract (cc_extractor_get_default (), item->text, item->published);
  for (guint j = 0; j < found->len; j++)
    if (!overlaps_user_claim (item, g_ptr_array_index (found, j)))
      g_ptr_array_add (fresh, g_object_ref (g_ptr_array_index (found, j)));

  if (!cc_store_replace_auto_claims (store, item->id, fresh, CC_EXTRACTOR_VERSION, &error))
    {
      g_warning ("Cannot store new claims of article %" G_GINT64_FORMAT ": %s",
                 item->id, error->message);
      return;
    }

  /* The new count, for an article whose claims are not in memory. */
  if (n_claims != G_MAXUINT)
    for (guint j = 0; j < fresh->len; j++)
      n_claims += !cc_claim_get_rejected (g_ptr_array_index (fresh, j));
  item->n_claims = n_claims;
  item->fresh = g_steal_pointer (&fresh);
}

/* Puts the stored claims into the model; main thread. */
static guint
apply_items (CcLibrary *self,
             GPtrArray *items)
{
  guint done = 0;

  for (guint i = 0; i < items->len; i++)
    {
      RefreshItem *item = g_ptr_array_index (items, i);
      CcArticle *article = cc_library_lookup_article (self, item->id);
      g_autoptr(GPtrArray) merged = NULL;
      GListModel *claims;

      if (article == NULL || item->fresh == NULL)
        continue;
      done++;

      /* Claims not read yet are read from the store when asked for;
       * the list's count follows at once. */
      if (!_cc_article_has_claims (article))
        {
          if (item->n_claims != G_MAXUINT)
            _cc_article_set_stored_n_claims (article, item->n_claims);
          continue;
        }

      claims = cc_article_get_claims (article);
      merged = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          CcClaim *claim = g_list_model_get_item (claims, j);

          if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER)
            g_ptr_array_add (merged, claim);
          else
            g_object_unref (claim);
        }
      for (guint j = 0; j < item->fresh->len; j++)
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (item->fresh, j)));

      _cc_article_replace_claims (article, merged);
    }

  return done;
}

/* Refreshes each of @items, until @cancellable is cancelled. */
static void
refresh_items (CcStore      *store,
               GPtrArray    *items,
               GCancellable *cancellable)
{
  for (guint i = 0; i < items->len && !g_cancellable_is_cancelled (cancellable); i++)
    refresh_item (store, g_ptr_array_index (items, i));
}

/**
 * cc_library_refresh_claims:
 *
 * Makes again the auto claims of every article extracted by an older
 * extractor, on the calling thread. The user's claims stay, and a new auto
 * claim overlapping one of them is dropped: a correction or a "not a
 * claim" outlives a better extractor.
 *
 * Returns: the number of articles refreshed
 */
guint
cc_library_refresh_claims (CcLibrary    *self,
                           GCancellable *cancellable)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), 0);

  if (!(stale = cc_store_list_stale (self->store, CC_EXTRACTOR_VERSION, &error)))
    g_warning ("Cannot list articles to re-extract: %s", error->message);
  items = collect_stale (self, stale);
  refresh_items (self->store, items, cancellable);

  return apply_items (self, items);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CcLibrary *self = source_object;
  GPtrArray *items = task_data;

  refresh_items (self->store, items, cancellable);

  g_task_return_boolean (task, TRUE);
}

static void
list_stale_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CcLibrary *self = source_object;
  GError *error = NULL;
  GArray *stale;

  if ((stale = cc_store_list_stale (self->store, CC_EXTRACTOR_VERSION, &error)))
    g_task_return_pointer (task, stale, (GDestroyNotify)g_array_unref);
  else
    g_task_return_error (task, error);
}

/* The stale articles listed: what the worker needs of them is copied
 * here, on the main thread, and the worker refreshes them. */
static void
stale_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CcLibrary *self = CC_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GError) error = NULL;

  if (!(stale = g_task_propagate_pointer (G_TASK (result), &error)))
    g_warning ("Cannot list articles to re-extract: %s", error->message);
  g_task_set_task_data (task, collect_stale (self, stale), (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, refresh_thread);
}

/**
 * cc_library_refresh_claims_async:
 *
 * Does what cc_library_refresh_claims() does with the extraction and the
 * writes on a worker thread; the model changes when the work is done, on
 * the caller's main context. Articles refreshed before a cancellation
 * keep their new claims. The stale articles are listed on a worker too:
 * the query reads every article's row.
 */
void
cc_library_refresh_claims_async (CcLibrary           *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) lister = NULL;

  g_return_if_fail (CC_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_library_refresh_claims_async);
  g_task_set_check_cancellable (task, FALSE);

  lister = g_task_new (self, cancellable, stale_listed_cb, g_steal_pointer (&task));
  g_task_set_source_tag (lister, list_stale_thread);
  g_task_set_check_cancellable (lister, FALSE);
  g_task_run_in_thread (lister, list_stale_thread);
}

/**
 * cc_library_refresh_claims_finish:
 *
 * Returns: the number of articles refreshed
 */
guint
cc_library_refresh_claims_finish (CcLibrary     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  return apply_items (self, g_task_get_task_data (G_TASK (result)));
}
