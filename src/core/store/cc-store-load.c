/* cc-store-load.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading articles: the list of a library, from the index that holds
 * what the list shows, without the texts; and on demand, one article's
 * text, claims and annotations by its id, or every claim in one pass. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-store-private.h"

static gboolean
fill_part (CcStore        *self,
           CcArticle      *article,
           CcArticlePart   part,
           GError        **error);

static void
fill_from_store (CcArticle     *article,
                 CcArticlePart  part,
                 gpointer       user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fill_part (user_data, article, part, &error))
    g_message ("Cannot read the article %" G_GINT64_FORMAT ": %s",
               cc_article_get_id (article), error->message);
}

/**
 * cc_store_forget_text:
 *
 * Lets go of the text of an article just stored (its claims stay): it is
 * read from the store again the first time it is asked for. For an
 * article not shared yet, on any thread.
 */
void
cc_store_forget_text (CcStore   *self,
                      CcArticle *article)
{
  g_return_if_fail (CC_IS_STORE (self));
  g_return_if_fail (CC_IS_ARTICLE (article));
  g_return_if_fail (cc_article_get_id (article) > 0);

  _cc_article_forget_text (article, fill_from_store, g_object_ref (self), g_object_unref);
}

/* The articles whose id is above @after_id (all for -1), as the list
 * shows them; each reads the rest from the store on first use. */
static GPtrArray *
list_articles (CcStore  *self,
               gint64    after_id,
               GError  **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (_cc_store_get_mutex (self));
  gboolean all = after_id < 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cc_store_get_stmt (self, all ? STMT_ARTICLES : STMT_ARTICLES_AFTER, error)))
    return NULL;
  if (!all)
    sqlite3_bind_int64 (stmt, 1, after_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcArticle *article =
        _cc_article_new_listed (sqlite3_column_int64 (stmt, 0),
                                (const char *)sqlite3_column_text (stmt, 1),
                                (const char *)sqlite3_column_text (stmt, 2),
                                (const char *)sqlite3_column_text (stmt, 3),
                                (const char *)sqlite3_column_text (stmt, 4),
                                (const char *)sqlite3_column_text (stmt, 5),
                                (const char *)sqlite3_column_text (stmt, 6),
                                sqlite3_column_int64 (stmt, 7),
                                sqlite3_column_int (stmt, 8),
                                fill_from_store, g_object_ref (self), g_object_unref);

      g_ptr_array_add (articles, article);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cc_store_set_sql_error (self, error, "reading articles");
      return NULL;
    }
  return g_steal_pointer (&articles);
}

/**
 * cc_store_load_articles:
 *
 * Lists the library in one pass over the index of what the list shows:
 * each article has its details and its count of claims, and reads its
 * text, claims and annotations from the store the first time they are
 * asked for (cc_article_get_text() and the others).
 *
 * Returns: (transfer full) (element-type CcArticle): every article, in
 *   import order
 */
GPtrArray *
cc_store_load_articles (CcStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  return list_articles (self, -1, error);
}

/**
 * cc_store_load_articles_after:
 * @after_id: the last article id already loaded
 *
 * Returns: (transfer full) (element-type CcArticle): the articles stored
 *   since, by another process say, listed as cc_store_load_articles() does
 */
GPtrArray *
cc_store_load_articles_after (CcStore  *self,
                              gint64    after_id,
                              GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  g_return_val_if_fail (after_id >= 0, NULL);
  return list_articles (self, after_id, error);
}

/* Steps @stmt, bound to an article id, making an object of each row. */
static gboolean
collect_rows (CcStore    *self,
              StmtId      id,
              gint64      article_id,
              gboolean    claims,
              GPtrArray  *out,
              GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cc_store_get_stmt (self, id, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, claims ? (gpointer)_cc_store_claim_from_row (stmt)
                                 : (gpointer)_cc_store_annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cc_store_set_sql_error (self, error, "reading an article");
  return TRUE;
}

static gboolean
read_text_locked (CcStore     *self,
                  gint64       article_id,
                  char       **text,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cc_store_get_stmt (self, STMT_ARTICLE_TEXT, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND,
                   "no article with id %" G_GINT64_FORMAT, article_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _cc_store_set_sql_error (self, error, "reading an article");
  return TRUE;
}

/* Runs @read in one read transaction of its own, unless a write of this
 * handle is under way: the read then sees it. */
static gboolean
in_read_transaction (CcStore  *self,
                     gboolean  (*read) (CcStore *, gpointer, GError **),
                     gpointer  data,
                     GError  **error)
{
  sqlite3 *db = _cc_store_get_db (self);
  gboolean own_transaction = sqlite3_get_autocommit (db);
  gboolean ok;

  if (own_transaction && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return _cc_store_set_sql_error (self, error, "reading");
  ok = read (self, data, error);
  if (own_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return ok;
}

typedef struct
{
  gint64     article_id;
  gboolean   with_claims;
  char      *text;
  GPtrArray *claims;
  GPtrArray *annotations;
} ArticleRead;

static gboolean
read_article_locked (CcStore   *self,
                     gpointer   data,
                     GError   **error)
{
  ArticleRead *read = data;

  return read_text_locked (self, read->article_id, &read->text, error) &&
         (!read->with_claims ||
          collect_rows (self, STMT_ARTICLE_CLAIMS, read->article_id, TRUE, read->claims,
                        error)) &&
         collect_rows (self, STMT_ARTICLE_ANNOTATIONS, read->article_id, FALSE,
                       read->annotations, error);
}

/**
 * cc_store_read_article:
 * @with_claims: whether to read the claims too
 * @text: (out): the article's text
 * @claims: (out) (element-type CcClaim) (optional): its claims, in text
 *   order, when @with_claims
 * @annotations: (out) (element-type CcAnnotation): its annotations
 *
 * Reads one article's text, claims and annotations by its id, in one read
 * transaction, as new objects: a worker may call it.
 *
 * Returns: %TRUE when read; %CC_STORE_ERROR_NOT_FOUND when no such article
 */
gboolean
cc_store_read_article (CcStore     *self,
                       gint64       article_id,
                       gboolean     with_claims,
                       char       **text,
                       GPtrArray  **claims,
                       GPtrArray  **annotations,
                       GError     **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(GPtrArray) claims_read = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations_read = g_ptr_array_new_with_free_func (g_object_unref);
  ArticleRead read = { article_id, with_claims, NULL, claims_read, annotations_read };

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL && annotations != NULL, FALSE);

  locker = g_mutex_locker_new (_cc_store_get_mutex (self));
  if (!in_read_transaction (self, read_article_locked, &read, error))
    {
      g_free (read.text);
      return FALSE;
    }

  *text = read.text;
  if (claims != NULL)
    *claims = g_steal_pointer (&claims_read);
  *annotations = g_steal_pointer (&annotations_read);
  return TRUE;
}

/* One part of a listed article, read by its id and given to it outside
 * the lock, since the notifications may reach code that writes. */
static gboolean
fill_part (CcStore        *self,
           CcArticle      *article,
           CcArticlePart   part,
           GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  gint64 id = cc_article_get_id (article);
  gboolean ok;

  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (_cc_store_get_mutex (self));

    if (part == CC_ARTICLE_PART_TEXT)
      ok = read_text_locked (self, id, &text, error);
    else
      ok = collect_rows (self, part == CC_ARTICLE_PART_CLAIMS ? STMT_ARTICLE_CLAIMS
                                                               : STMT_ARTICLE_ANNOTATIONS,
                         id, part == CC_ARTICLE_PART_CLAIMS, rows, error);
  }
  if (!ok)
    return FALSE;

  if (part == CC_ARTICLE_PART_TEXT)
    _cc_article_fill_text (article, text);
  else if (part == CC_ARTICLE_PART_CLAIMS)
    _cc_article_fill_claims (article, rows);
  else
    _cc_article_fill_annotations (article, rows);
  return TRUE;
}

/**
 * cc_store_fill_article:
 *
 * Gives a listed article what it does not hold yet of its text, claims
 * and annotations, read by its id. The article notifies as for any other
 * change: call it on the thread that owns the article.
 */
gboolean
cc_store_fill_article (CcStore    *self,
                       CcArticle  *article,
                       GError    **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  return (_cc_article_has_text (article) ||
          fill_part (self, article, CC_ARTICLE_PART_TEXT, error)) &&
         (_cc_article_has_claims (article) ||
          fill_part (self, article, CC_ARTICLE_PART_CLAIMS, error)) &&
         (_cc_article_has_annotations (article) ||
          fill_part (self, article, CC_ARTICLE_PART_ANNOTATIONS, error));
}

static void
free_array (gpointer data)
{
  g_ptr_array_unref (data);
}

/* Every row of a child table, by article, with an empty array for every
 * article without one: an article missing from the result was stored
 * after it was read. On @db, a connection of the reader's own. */
static gboolean
load_children_on (CcStore     *self,
                  sqlite3     *db,
                  StmtId       id,
                  gboolean     claims,
                  GHashTable  *by_article,
                  GError     **error)
{
  GPtrArray *current = NULL;
  gint64 current_id = -1;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, _cc_store_sql[STMT_ARTICLE_IDS], -1, &stmt, NULL) != SQLITE_OK)
    return _cc_store_set_db_error (self, db, error, "reading");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 article_id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (by_article, g_memdup2 (&article_id, sizeof article_id),
                           g_ptr_array_new_with_free_func (g_object_unref));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    return _cc_store_set_db_error (self, db, error, "reading");

  if (sqlite3_prepare_v2 (db, _cc_store_sql[id], -1, &stmt, NULL) != SQLITE_OK)
    return _cc_store_set_db_error (self, db, error, "reading");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 article_id = sqlite3_column_int64 (stmt, 1);

      /* Rows come ordered by article. */
      if (current == NULL || article_id != current_id)
        {
          current = g_hash_table_lookup (by_article, &article_id);
          current_id = article_id;
        }
      if (current != NULL)
        g_ptr_array_add (current, claims ? (gpointer)_cc_store_claim_from_row (stmt)
                                         : (gpointer)_cc_store_annotation_from_row (stmt));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    return _cc_store_set_db_error (self, db, error, "reading");
  return TRUE;
}

/* In one read transaction on a connection of its own, so that the
 * store's connection stays free for the main thread meanwhile. */
static GHashTable *
load_children (CcStore  *self,
               StmtId    id,
               gboolean  claims,
               GError  **error)
{
  g_autoptr(GHashTable) by_article = NULL;
  sqlite3 *db;
  gboolean ok;

  if (!(db = _cc_store_open_reader (self, error)))
    return NULL;
  by_article = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_array);
  ok = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ||
       _cc_store_set_db_error (self, db, error, "reading");
  ok = ok && load_children_on (self, db, id, claims, by_article, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return ok ? g_steal_pointer (&by_article) : NULL;
}

/**
 * cc_store_load_claims:
 *
 * Reads every claim of the library in one pass and one read transaction,
 * as new objects: a worker may call it.
 *
 * Returns: (transfer full) (element-type gint64 GPtrArray): the claims of
 *   each article (by a pointer to its id), in text order, with an empty
 *   array for an article without claims
 */
GHashTable *
cc_store_load_claims (CcStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  return load_children (self, STMT_CLAIMS, TRUE, error);
}

/**
 * cc_store_load_annotations:
 *
 * As cc_store_load_claims(), for the annotations.
 */
GHashTable *
cc_store_load_annotations (CcStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  return load_children (self, STMT_ANNOTATIONS, FALSE, error);
}
