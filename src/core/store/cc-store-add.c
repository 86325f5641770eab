/* cc-store-add.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Storing new articles: one with its claims, annotations and stories in
 * a transaction, or a batch of them in one transaction, each inside a
 * savepoint of its own. The store puts new articles in the full-text
 * index itself, a batch's after its savepoints: the index writes what it
 * holds in memory as a new segment at every savepoint, so that articles
 * indexed one per savepoint made one segment each, which it then merged
 * over and over. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-store-private.h"

/**
 * cc_store_add_article:
 *
 * Stores @article with its claims and annotations in one transaction and
 * gives each its id. @extractor_version is the version of the extractor
 * that made its auto claims. Fails with %CC_STORE_ERROR_DUPLICATE when the
 * same text is stored already.
 */
gboolean
cc_store_add_article (CcStore    *self,
                      CcArticle  *article,
                      guint       extractor_version,
                      GError    **error)
{
  return cc_store_add_article_full (self, article, extractor_version, NULL, 0, NULL, error);
}

/**
 * cc_store_add_article_full:
 * @story_ids: (array length=n_story_ids) (nullable): stories to put the
 *   article in; ids of stories that no longer exist are skipped
 * @story_titles: (array zero-terminated=1) (nullable): more stories, by
 *   title, made when the library has none of that title
 *
 * As cc_store_add_article(), with the article's stories in the same
 * transaction.
 */
/* Stores the article with its claims, annotations and stories inside
 * the transaction the caller holds; *@id is its new id. */
static gboolean
add_article_locked (CcStore             *self,
                    CcArticle           *article,
                    const char          *hash,
                    guint                extractor_version,
                    const gint64        *story_ids,
                    guint                n_story_ids,
                    const char * const  *story_titles,
                    gint64              *id,
                    GError             **error)
{
  sqlite3_stmt *stmt;
  GListModel *claims;
  GListModel *annotations;
  gboolean ok = TRUE;

  if (!(stmt = _cc_store_get_stmt (self, STMT_HAS_HASH, error)))
    return FALSE;
  _cc_store_bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_DUPLICATE,
                   _("the same text is already in the library as “%s”"),
                   (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!(stmt = _cc_store_get_stmt (self, STMT_INSERT_ARTICLE, error)))
    return FALSE;
  _cc_store_bind_text (stmt, 1, cc_article_get_title (article) ? cc_article_get_title (article) : "");
  _cc_store_bind_text (stmt, 2, cc_article_get_outlet (article));
  _cc_store_bind_text (stmt, 3, cc_article_get_url (article));
  _cc_store_bind_text (stmt, 4, cc_article_get_published (article));
  _cc_store_bind_text (stmt, 5, cc_article_get_language (article));
  _cc_store_bind_text (stmt, 6, cc_article_get_text (article) ? cc_article_get_text (article) : "");
  _cc_store_bind_text (stmt, 7, hash);
  _cc_store_bind_text (stmt, 8, cc_article_get_source_file (article));
  sqlite3_bind_int64 (stmt, 9, cc_article_get_imported (article));
  sqlite3_bind_int (stmt, 10, extractor_version);
  sqlite3_bind_int (stmt, 11, cc_article_get_n_claims (article));
  if (!_cc_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (_cc_store_get_db (self));

  claims = cc_article_get_claims (article);
  for (guint i = 0; ok && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      cc_claim_set_article_id (claim, *id);
      ok = _cc_store_insert_claim_locked (self, claim, error);
    }

  annotations = cc_article_get_annotations (article);
  for (guint i = 0; ok && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);

      cc_annotation_set_article_id (annotation, *id);
      ok = _cc_store_insert_annotation_locked (self, annotation, error);
    }

  if (ok)
    ok = _cc_store_join_stories_locked (self, *id, story_ids, n_story_ids, story_titles, error);
  return ok;
}

/* Puts @article, stored as @id, in the full-text index, with the values
 * add_article_locked() gave its row. */
static gboolean
index_article_locked (CcStore    *self,
                      CcArticle  *article,
                      gint64      id,
                      GError    **error)
{
  const char *title = cc_article_get_title (article);
  const char *text = cc_article_get_text (article);
  sqlite3_stmt *stmt;

  if (!(stmt = _cc_store_get_stmt (self, STMT_INDEX_ARTICLE, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _cc_store_bind_text (stmt, 2, title ? title : "");
  _cc_store_bind_text (stmt, 3, cc_article_get_outlet (article));
  _cc_store_bind_text (stmt, 4, text ? text : "");
  return _cc_store_step_done (self, stmt, error);
}

gboolean
cc_store_add_article_full (CcStore             *self,
                           CcArticle           *article,
                           guint                extractor_version,
                           const gint64        *story_ids,
                           guint                n_story_ids,
                           const char * const  *story_titles,
                           GError             **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  /* Read before the lock: a listed article reads its rest from here. */
  hash = cc_article_dup_text_hash (article);
  cc_article_get_claims (article);
  locker = g_mutex_locker_new (_cc_store_get_mutex (self));

  if (!_cc_store_begin (self, error))
    return FALSE;
  ok = add_article_locked (self, article, hash, extractor_version, story_ids, n_story_ids,
                           story_titles, &id, error) &&
       index_article_locked (self, article, id, error);
  if (!_cc_store_commit_or_rollback (self, ok, error))
    return FALSE;

  cc_article_set_id (article, id);
  return TRUE;
}

static gboolean
savepoint (CcStore     *self,
           const char  *sql,
           GError     **error)
{
  return _cc_store_exec (self, sql, error);
}

/* Errors of the library rather than of one article. */
static gboolean
stops_batch (const GError *error)
{
  return error->domain == CC_STORE_ERROR &&
         (error->code == CC_STORE_ERROR_FULL || error->code == CC_STORE_ERROR_READ_ONLY ||
          error->code == CC_STORE_ERROR_IO);
}

static void
clear_refusal (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

/**
 * cc_store_add_articles:
 * @articles: (element-type CcArticle): new articles, with their claims
 * @extractor_versions: (array): the extractor version of each article
 * @story_id: a story to put each article in, or 0
 * @refusals: (element-type GError) (out caller-allocates): set to one
 *   entry per article handled: %NULL when it was stored, else why not (a
 *   duplicate, say)
 *
 * Stores many articles in one transaction, each one inside a savepoint
 * of its own, so that an article refused leaves no row and a process
 * killed at any moment leaves whole articles only; the stored ones join
 * the search index after the last savepoint, in the same transaction.
 * Each stored article gets its id once the transaction is committed.
 *
 * Returns: how many articles were handled, from the first; fewer than
 *   all, with @error set, when an error of the library (a full disk, say)
 *   stopped the batch, and 0 when the articles could not be indexed or
 *   the transaction committed
 */
guint
cc_store_add_articles (CcStore      *self,
                       GPtrArray    *articles,
                       const guint  *extractor_versions,
                       gint64        story_id,
                       GPtrArray    *refusals,
                       GError      **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  GError *stop = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), 0);
  g_return_val_if_fail (articles != NULL && refusals != NULL, 0);

  g_ptr_array_set_free_func (refusals, clear_refusal);
  g_ptr_array_set_size (refusals, 0);
  if (articles->len == 0)
    return 0;

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);

      g_ptr_array_add (hashes, cc_article_dup_text_hash (article));
      cc_article_get_claims (article);
    }
  g_array_set_size (ids, articles->len);

  locker = g_mutex_locker_new (_cc_store_get_mutex (self));
  if (!_cc_store_begin_batch (self, error))
    {
      _cc_store_end_batch (self);
      return 0;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      GError *refusal = NULL;
      gboolean added;

      if (!savepoint (self, "SAVEPOINT article", error))
        goto failed;
      added = add_article_locked (self, article, g_ptr_array_index (hashes, i),
                                  extractor_versions[i], &story_id, story_id != 0 ? 1 : 0,
                                  _cc_article_get_story_titles (article),
                                  &g_array_index (ids, gint64, i), &refusal);
      if (!added && !savepoint (self, "ROLLBACK TO article", error))
        {
          g_error_free (refusal);
          goto failed;
        }
      if (!savepoint (self, "RELEASE article", error))
        {
          g_clear_error (&refusal);
          goto failed;
        }
      if (refusal != NULL && stops_batch (refusal))
        {
          stop = refusal;
          break;
        }
      g_ptr_array_add (refusals, refusal);
    }

  for (guint i = 0; i < refusals->len; i++)
    if (g_ptr_array_index (refusals, i) == NULL &&
        !index_article_locked (self, g_ptr_array_index (articles, i),
                               g_array_index (ids, gint64, i), error))
      {
        g_clear_error (&stop);
        goto failed;
      }

  if (!_cc_store_commit_or_rollback (self, TRUE, error))
    {
      _cc_store_end_batch (self);
      g_clear_error (&stop);
      g_ptr_array_set_size (refusals, 0);
      return 0;
    }
  _cc_store_end_batch (self);

  for (guint i = 0; i < refusals->len; i++)
    if (g_ptr_array_index (refusals, i) == NULL)
      cc_article_set_id (g_ptr_array_index (articles, i), g_array_index (ids, gint64, i));

  if (stop != NULL)
    g_propagate_error (error, stop);
  return refusals->len;

failed:
  /* The transaction cannot be trusted to hold whole articles. */
  _cc_store_exec (self, "ROLLBACK", NULL);
  _cc_store_end_batch (self);
  g_ptr_array_set_size (refusals, 0);
  return 0;
}

