/* cc-store-stories.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stories in the store: the stories table, which articles each holds
 * (story_articles, indexed both ways), deleting several articles in one
 * transaction, and the migration that puts the articles of a library made
 * before stories existed into one story. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include <string.h>

#include "cc-article.h"
#include "cc-store-private.h"
#include "cc-story-private.h"

#define LOCK(self) (locker = g_mutex_locker_new (_cc_store_get_mutex (self)))

/* "library.db" is "Library": the name a person gave the file. */
static char *
story_title_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GString) title = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (*base == '\0' || !g_utf8_validate (base, -1, NULL))
    return g_strdup ("Library");

  title = g_string_new (NULL);
  g_string_append_unichar (title, g_unichar_totitle (g_utf8_get_char (base)));
  g_string_append (title, g_utf8_next_char (base));
  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* Runs one statement made for the occasion: migrations run once. */
static gboolean
run_once (CcStore     *self,
          const char  *sql,
          const char  *text,
          gint64       number,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (_cc_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    return _cc_store_set_sql_error (self, error, "preparing the migration");
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _cc_store_set_sql_error (self, error, "migrating");
  return TRUE;
}

gboolean
_cc_store_migrate_stories (CcStore  *self,
                           GError  **error)
{
  g_autofree char *title = story_title_for_path (cc_store_get_path (self));
  sqlite3 *db = _cc_store_get_db (self);
  gint64 story_id;

  if (!run_once (self,
                 "INSERT INTO stories (title, created) "
                 "SELECT ?1, CAST(strftime('%s', 'now') AS INTEGER) "
                 "WHERE EXISTS (SELECT 1 FROM articles)",
                 title, 0, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    return TRUE;

  story_id = sqlite3_last_insert_rowid (db);
  return run_once (self,
                   "INSERT INTO story_articles (story_id, article_id) SELECT ?1, id FROM articles",
                   NULL, story_id, error);
}

static gboolean
add_member_locked (CcStore  *self,
                   gint64    story_id,
                   gint64    article_id,
                   GError  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _cc_store_get_stmt (self, STMT_ADD_STORY_ARTICLE, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  return _cc_store_step_done (self, stmt, error);
}

static gboolean
insert_story_locked (CcStory  *story,
                     CcStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  if (cc_story_get_created (story) == 0)
    cc_story_set_created (story, g_get_real_time () / G_USEC_PER_SEC);
  if (!(stmt = _cc_store_get_stmt (self, STMT_INSERT_STORY, error)))
    return FALSE;
  _cc_store_bind_text (stmt, 1, cc_story_get_title (story));
  _cc_store_bind_text (stmt, 2, cc_story_get_description (story));
  sqlite3_bind_int64 (stmt, 3, cc_story_get_created (story));
  if (!_cc_store_step_done (self, stmt, error))
    return FALSE;
  cc_story_set_id (story, sqlite3_last_insert_rowid (_cc_store_get_db (self)));
  return TRUE;
}

gboolean
_cc_store_join_stories_locked (CcStore             *self,
                               gint64               article_id,
                               const gint64        *story_ids,
                               guint                n_story_ids,
                               const char * const  *story_titles,
                               GError             **error)
{
  for (guint i = 0; i < n_story_ids; i++)
    if (!add_member_locked (self, story_ids[i], article_id, error))
      return FALSE;

  for (guint i = 0; story_titles != NULL && story_titles[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;
      gint64 story_id = 0;

      if (!(stmt = _cc_store_get_stmt (self, STMT_FIND_STORY_TITLE, error)))
        return FALSE;
      _cc_store_bind_text (stmt, 1, story_titles[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        story_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (story_id == 0)
        {
          g_autoptr(CcStory) story = cc_story_new (story_titles[i]);

          if (!insert_story_locked (story, self, error))
            return FALSE;
          story_id = cc_story_get_id (story);
        }

      if (!add_member_locked (self, story_id, article_id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cc_store_delete_articles:
 *
 * Deletes the articles with their claims, annotations, story memberships
 * and full-text entries, all in one transaction. Fails, deleting nothing,
 * with %CC_STORE_ERROR_NOT_FOUND naming the first id that is not stored.
 */
gboolean
cc_store_delete_articles (CcStore       *self,
                          const gint64  *article_ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  LOCK (self);
  if (!_cc_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < n_ids; i++)
    {
      sqlite3_stmt *stmt;

      if (!(stmt = _cc_store_get_stmt (self, STMT_DELETE_ARTICLE, error)))
        ok = FALSE;
      else
        {
          sqlite3_bind_int64 (stmt, 1, article_ids[i]);
          ok = _cc_store_step_done (self, stmt, error);
        }
      if (ok && sqlite3_changes (_cc_store_get_db (self)) == 0)
        {
          g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND,
                       "no article with id %" G_GINT64_FORMAT, article_ids[i]);
          ok = FALSE;
        }
    }

  return _cc_store_commit_or_rollback (self, ok, error);
}

/**
 * cc_store_get_extractor_version:
 *
 * Returns: the version of the extractor that made the article's auto
 *   claims, 0 when unknown
 */
guint
cc_store_get_extractor_version (CcStore *self,
                                gint64   article_id)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  sqlite3_stmt *stmt;
  guint version = 0;

  g_return_val_if_fail (CC_IS_STORE (self), 0);

  LOCK (self);
  if (!(stmt = _cc_store_get_stmt (self, STMT_ARTICLE_VERSION, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

static CcStory *
story_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (CC_TYPE_STORY,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "title", sqlite3_column_text (stmt, 1),
                       "description", sqlite3_column_text (stmt, 2),
                       "created", sqlite3_column_int64 (stmt, 3),
                       NULL);
}

static gboolean
load_members_locked (CcStore    *self,
                     GPtrArray  *stories,
                     GError    **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (gint64));
  CcStory *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < stories->len; i++)
    {
      CcStory *story = g_ptr_array_index (stories, i);
      gint64 id = cc_story_get_id (story);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), story);
    }

  if (!(stmt = _cc_store_get_stmt (self, STMT_STORY_MEMBERS, error)))
    return FALSE;

  for (;;)
    {
      gint64 story_id = -1;
      CcStory *story = NULL;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          story_id = sqlite3_column_int64 (stmt, 0);
          story = g_hash_table_lookup (by_id, &story_id);
        }

      if (current != NULL && story != current)
        {
          _cc_story_add_members (current, (gint64 *)batch->data, batch->len);
          g_array_set_size (batch, 0);
        }
      current = story;

      if (rc != SQLITE_ROW)
        break;
      if (story != NULL)
        {
          gint64 article_id = sqlite3_column_int64 (stmt, 1);
          g_array_append_val (batch, article_id);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _cc_store_set_sql_error (self, error, "reading stories");
  return TRUE;
}

/**
 * cc_store_load_stories:
 *
 * Returns: (transfer full) (element-type CcStory): every story with its
 *   articles, oldest first
 */
GPtrArray *
cc_store_load_stories (CcStore  *self,
                       GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  LOCK (self);
  if (sqlite3_exec (_cc_store_get_db (self), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      _cc_store_set_sql_error (self, error, "reading stories");
      return NULL;
    }

  if ((stmt = _cc_store_get_stmt (self, STMT_STORIES, error)))
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (stories, story_from_row (stmt));
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE || _cc_store_set_sql_error (self, error, "reading stories");
    }
  else
    ok = FALSE;

  ok = ok && load_members_locked (self, stories, error);
  sqlite3_exec (_cc_store_get_db (self), ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  return ok ? g_steal_pointer (&stories) : NULL;
}

/**
 * cc_store_load_story:
 *
 * Returns: (transfer full) (nullable): the story, without its articles,
 *   or %NULL with @error set
 */
CcStory *
cc_store_load_story (CcStore  *self,
                     gint64    story_id,
                     GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  sqlite3_stmt *stmt;
  CcStory *story = NULL;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  LOCK (self);
  if (!(stmt = _cc_store_get_stmt (self, STMT_STORY, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    story = story_from_row (stmt);
  sqlite3_reset (stmt);

  if (story == NULL && rc == SQLITE_DONE)
    g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND,
                 "no story with id %" G_GINT64_FORMAT, story_id);
  else if (story == NULL)
    _cc_store_set_sql_error (self, error, "reading a story");
  return story;
}

/**
 * cc_store_list_article_stories:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the stories
 *   holding the article, in increasing order
 */
GArray *
cc_store_list_article_stories (CcStore  *self,
                               gint64    article_id,
                               GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  LOCK (self);
  if (!(stmt = _cc_store_get_stmt (self, STMT_ARTICLE_STORIES, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!_cc_store_collect_ids (self, stmt, ids, "reading stories", error))
    return NULL;
  return g_steal_pointer (&ids);
}

/**
 * cc_store_add_story:
 *
 * Stores a new story and gives it its id (and its creation time, when it
 * has none).
 */
gboolean
cc_store_add_story (CcStore  *self,
                    CcStory  *story,
                    GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  LOCK (self);
  if (!_cc_store_begin (self, error))
    return FALSE;
  return _cc_store_commit_or_rollback (self, insert_story_locked (story, self, error), error);
}

static gboolean
write_story (CcStore  *self,
             StmtId    id,
             CcStory  *story,
             gint64    story_id,
             GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  LOCK (self);
  if (!_cc_store_begin (self, error))
    return FALSE;
  if (!(stmt = _cc_store_get_stmt (self, id, error)))
    return _cc_store_commit_or_rollback (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, story_id);
  if (story != NULL)
    {
      _cc_store_bind_text (stmt, 2, cc_story_get_title (story));
      _cc_store_bind_text (stmt, 3, cc_story_get_description (story));
    }
  ok = _cc_store_step_done (self, stmt, error);
  if (ok && sqlite3_changes (_cc_store_get_db (self)) == 0)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND,
                   "no story with id %" G_GINT64_FORMAT, story_id);
      ok = FALSE;
    }
  return _cc_store_commit_or_rollback (self, ok, error);
}

/**
 * cc_store_update_story:
 *
 * Stores the story's title and description.
 */
gboolean
cc_store_update_story (CcStore  *self,
                       CcStory  *story,
                       GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  return write_story (self, STMT_UPDATE_STORY, story, cc_story_get_id (story), error);
}

/**
 * cc_store_delete_story:
 *
 * Deletes the story; its articles stay in the library.
 */
gboolean
cc_store_delete_story (CcStore  *self,
                       gint64    story_id,
                       GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  return write_story (self, STMT_DELETE_STORY, NULL, story_id, error);
}

/**
 * cc_store_set_story_articles:
 * @member: %TRUE to put the articles in the story, %FALSE to take them out
 *
 * Adds articles to a story or removes them from it, in one transaction.
 * Articles already in (or out of) the story are left as they are.
 */
gboolean
cc_store_set_story_articles (CcStore       *self,
                             gint64         story_id,
                             const gint64  *article_ids,
                             guint          n_ids,
                             gboolean       member,
                             GError       **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  LOCK (self);
  if (!_cc_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < n_ids; i++)
    {
      sqlite3_stmt *stmt;

      if (member)
        {
          ok = add_member_locked (self, story_id, article_ids[i], error);
          continue;
        }
      if (!(stmt = _cc_store_get_stmt (self, STMT_REMOVE_STORY_ARTICLE, error)))
        {
          ok = FALSE;
          continue;
        }
      sqlite3_bind_int64 (stmt, 1, story_id);
      sqlite3_bind_int64 (stmt, 2, article_ids[i]);
      ok = _cc_store_step_done (self, stmt, error);
    }

  return _cc_store_commit_or_rollback (self, ok, error);
}
