/* cc-store.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CcStore owns the only SQLite handle of a library file. All SQL lives
 * here, every statement is prepared once and kept, and every write runs in
 * its own transaction, so that a process killed at any moment leaves only
 * whole articles behind. Calls may come from several threads (the window's
 * import worker and the main thread); a mutex serialises them. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-store-private.h"





struct _CcStore
{
  GObject       parent_instance;

  GMutex        mutex;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  char         *path;
  int           schema_version;
  gboolean      read_only;
  /* PRAGMA secure_delete as SQLite was built, put back after a batch */
  int           secure_delete;
};

G_DEFINE_FINAL_TYPE (CcStore, cc_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cc-store-error-quark, cc_store_error)

/* The error code for what SQLite last said: a full disk, a read-only
 * file and a failed read or write concern the whole library, not one
 * statement, and callers stop on them. */
static int
store_error_code (sqlite3 *db)
{
  switch (sqlite3_errcode (db) & 0xff)
    {
    case SQLITE_FULL:
      return CC_STORE_ERROR_FULL;
    case SQLITE_READONLY:
      return CC_STORE_ERROR_READ_ONLY;
    case SQLITE_IOERR:
      return CC_STORE_ERROR_IO;
    default:
      return CC_STORE_ERROR_SQL;
    }
}

/* What SQLite last said on @db, a connection to the library. */
static gboolean
set_db_error (CcStore     *self,
              sqlite3     *db,
              GError     **error,
              const char  *what)
{
  g_set_error (error, CC_STORE_ERROR, store_error_code (db),
               "%s: %s: %s", self->path, what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
set_sql_error (CcStore  *self,
               GError  **error,
               const char *what)
{
  return set_db_error (self, self->db, error, what);
}

static gboolean
exec_sql (CcStore     *self,
          const char  *sql,
          GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, CC_STORE_ERROR, store_error_code (self->db),
                   "%s: %s", self->path, msg ? msg : sqlite3_errmsg (self->db));
      sqlite3_free (msg);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
get_stmt (CcStore  *self,
          StmtId    id,
          GError  **error)
{
  if (self->stmts[id] == NULL &&
      sqlite3_prepare_v3 (self->db, _cc_store_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                          &self->stmts[id], NULL) != SQLITE_OK)
    {
      set_sql_error (self, error, "preparing a statement");
      return NULL;
    }

  sqlite3_reset (self->stmts[id]);
  sqlite3_clear_bindings (self->stmts[id]);
  return self->stmts[id];
}

static gboolean
step_done (CcStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, error, "writing");
  return TRUE;
}

static gboolean
begin (CcStore  *self,
       GError  **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit_or_rollback (CcStore   *self,
                    gboolean   ok,
                    GError   **error)
{
  if (ok)
    ok = exec_sql (self, "COMMIT", error);
  if (!ok)
    exec_sql (self, "ROLLBACK", NULL);
  return ok;
}

typedef void (*BindFunc) (sqlite3_stmt *stmt,
                          gpointer      data);

/* One statement that writes one row, in a transaction of its own. */
static gboolean
write_row (CcStore   *self,
           StmtId     id,
           BindFunc   bind,
           gpointer   data,
           GError   **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = get_stmt (self, id, error)))
    return commit_or_rollback (self, FALSE, NULL);
  bind (stmt, data);
  ok = step_done (self, stmt, error);
  return commit_or_rollback (self, ok, error);
}

GMutex *
_cc_store_get_mutex (CcStore *self)
{
  return &self->mutex;
}

sqlite3 *
_cc_store_get_db (CcStore *self)
{
  return self->db;
}

sqlite3_stmt *
_cc_store_get_stmt (CcStore  *self,
                    StmtId    id,
                    GError  **error)
{
  return get_stmt (self, id, error);
}

gboolean
_cc_store_step_done (CcStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  return step_done (self, stmt, error);
}

gboolean
_cc_store_begin (CcStore  *self,
                 GError  **error)
{
  return begin (self, error);
}

gboolean
_cc_store_commit_or_rollback (CcStore   *self,
                              gboolean   ok,
                              GError   **error)
{
  return commit_or_rollback (self, ok, error);
}

/* A batch of new articles frees only pages of the search index's
 * segments, which its merges replace: zeroing them, as SQLite built for
 * deletions that leave no trace does, wrote each merge's pages once
 * more. FAST still clears what is deleted from the pages that stay in
 * use, at no extra write. Outside batches, a deleted article's text is
 * cleared as SQLite was built to. */
gboolean
_cc_store_begin_batch (CcStore  *self,
                       GError  **error)
{
  return exec_sql (self, "PRAGMA secure_delete = FAST", error) && _cc_store_begin (self, error);
}

void
_cc_store_end_batch (CcStore *self)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA secure_delete = %d", self->secure_delete);

  exec_sql (self, sql, NULL);
}

gboolean
_cc_store_exec (CcStore     *self,
                const char  *sql,
                GError     **error)
{
  return exec_sql (self, sql, error);
}

gboolean
_cc_store_set_sql_error (CcStore     *self,
                         GError     **error,
                         const char  *what)
{
  return set_sql_error (self, error, what);
}

gboolean
_cc_store_set_db_error (CcStore     *self,
                        sqlite3     *db,
                        GError     **error,
                        const char  *what)
{
  return set_db_error (self, db, error, what);
}

/* A connection of its own, read-only, for one long read (every claim, a
 * check of every page) on a worker: the store's connection, and the main
 * thread's reads through it, do not wait for it behind the mutex. In WAL
 * mode it reads the library as its read transaction found it, whatever
 * is written meanwhile. */
sqlite3 *
_cc_store_open_reader (CcStore  *self,
                       GError  **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;

  /* As a read-only store opens it in a read-only folder. */
  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                         self->read_only && access (dir, W_OK) != 0 ? "&immutable=1" : "");
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_OPEN,
                   _("Cannot open the library %s: %s"), self->path,
                   db ? sqlite3_errmsg (db) : _("out of memory"));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  return db;
}

/* One integer that @sql reads: a pragma or a count. */
static gboolean
query_int (CcStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = 0;
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sql_error (self, error, "reading the library");
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, "reading the library");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Says, reading only, what the file is: an empty database to make a
 * library of (*@is_new), a Crosscheck library of a schema this build
 * knows, or something to leave alone. Libraries made before the
 * application id was set are known by their tables. */
static gboolean
identify (CcStore   *self,
          gboolean  *is_new,
          int       *version,
          int       *app_id,
          GError   **error)
{
  int n_objects, n_ours;

  if (!query_int (self, "PRAGMA application_id", app_id, error) ||
      !query_int (self, "PRAGMA user_version", version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('articles', 'claims', 'annotations', 'articles_fts')", &n_ours, error))
    return FALSE;

  *is_new = *app_id == 0 && *version == 0 && n_objects == 0;
  if (*is_new)
    return TRUE;

  if (*app_id != CC_STORE_APPLICATION_ID && !(*app_id == 0 && n_ours == 4 && *version >= 1))
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_LIBRARY,
                   _("%s is not a Crosscheck library but another program’s database; "
                     "it was left as it was"), self->path);
      return FALSE;
    }

  if (*version > CC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_SCHEMA,
                   _("%s was written by a newer Crosscheck (schema %d, this one knows %d)"),
                   self->path, *version, CC_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (CcStore  *self,
         int       version,
         int       app_id,
         GError  **error)
{
  while (version < CC_STORE_SCHEMA_VERSION)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      gboolean ok;

      if (!begin (self, error))
        return FALSE;
      ok = exec_sql (self, _cc_store_migrations[version], error) && exec_sql (self, bump, error);
      if (ok && version + 1 == 3)
        ok = _cc_store_migrate_stories (self, error);
      if (!commit_or_rollback (self, ok, error))
        {
          g_prefix_error (error, "Migrating the library to schema %d: ", version + 1);
          return FALSE;
        }
      version++;
    }

  /* Marks the file as a Crosscheck library, new or made before the mark. */
  if (app_id != CC_STORE_APPLICATION_ID)
    {
      g_autofree char *mark = g_strdup_printf ("PRAGMA application_id = %d",
                                               CC_STORE_APPLICATION_ID);

      if (!begin (self, error) ||
          !commit_or_rollback (self, exec_sql (self, mark, error), error))
        return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static void
cc_store_finalize (GObject *object)
{
  CcStore *self = (CcStore *)object;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_mutex_clear (&self->mutex);
  g_free (self->path);

  G_OBJECT_CLASS (cc_store_parent_class)->finalize (object);
}

static void
cc_store_class_init (CcStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_store_finalize;
}

static void
cc_store_init (CcStore *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * cc_store_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/crosscheck/library.db`
 */
char *
cc_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "crosscheck", "library.db", NULL);
}

static gboolean
set_open_error (CcStore  *self,
                GError  **error)
{
  g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_OPEN,
               _("Cannot open the library %s: %s"), self->path,
               self->db ? sqlite3_errmsg (self->db) : _("out of memory"));
  return FALSE;
}

/* Turns SQL errors of the opening into open errors, keeping the others. */
static CcStore *
fail_open (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == CC_STORE_ERROR &&
      (*error)->code == CC_STORE_ERROR_SQL)
    (*error)->code = CC_STORE_ERROR_OPEN;
  return NULL;
}

/**
 * cc_store_new:
 * @path: the library file; created with its folder when missing
 *
 * Opens a library for reading and writing, migrating an older schema
 * forward. A file that is not a Crosscheck library, a library of a newer
 * schema and a library that cannot be written are refused before
 * anything is written to them.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CcStore *
cc_store_new (const char  *path,
              GError     **error)
{
  g_autoptr(CcStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean is_new;
  int version, app_id;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CC_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      set_open_error (self, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  /* SQLite opens a file it may not write read-only without a word; the
   * library's folder must take the journal beside it. */
  if (sqlite3_db_readonly (self->db, "main") == 1 || access (dir, W_OK) != 0)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_READ_ONLY,
                   _("Cannot write the library %s: %s is read-only"), path,
                   sqlite3_db_readonly (self->db, "main") == 1 ? path : dir);
      return NULL;
    }

  /* Nothing is written before the file is known to be a library of a
   * schema this build reads; a file that is not a database fails here. */
  if (!identify (self, &is_new, &version, &app_id, error))
    return fail_open (error);
  if (!_cc_store_add_functions (self->db))
    {
      set_open_error (self, error);
      return NULL;
    }

  /* The savepoints of a batch of articles keep their journal in memory,
   * not in a temporary file. Checkpoints come every 128 MB of journal:
   * a page that an import changes in many transactions (the text hashes'
   * index, which new articles reach at random, the search index's
   * merges) is copied to the file once for several of them; the journal
   * is cut back to 32 MB when it starts over after a checkpoint.
   * SQLite as some distributions build it (Debian's) zeroes every page
   * it frees; a batch of articles is stored with FAST (see
   * _cc_store_begin_batch()), and everything else as SQLite was built. */
  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec_sql (self, "PRAGMA cache_size = -16384", error) ||
      !exec_sql (self, "PRAGMA wal_autocheckpoint = 32768", error) ||
      !exec_sql (self, "PRAGMA journal_size_limit = 33554432", error) ||
      !query_int (self, "PRAGMA secure_delete", &self->secure_delete, error) ||
      !exec_sql (self, "PRAGMA temp_store = MEMORY", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, version, app_id, error))
    return fail_open (error);

  return g_steal_pointer (&self);
}

/**
 * cc_store_new_for_reading:
 * @path: the library file
 *
 * Opens a library for commands that only read it. A library that can be
 * written opens as with cc_store_new(); one whose file or folder is
 * read-only opens read-only, and its writes fail.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CcStore *
cc_store_new_for_reading (const char  *path,
                          GError     **error)
{
  g_autoptr(CcStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  gboolean folder_writable;
  gboolean is_new;
  int version, app_id;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  folder_writable = access (dir, W_OK) == 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS) || (folder_writable && access (path, W_OK) == 0))
    return cc_store_new (path, error);

  self = g_object_new (CC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;

  /* In a read-only folder SQLite cannot make the journal's shared memory
   * file; nothing writes a library there, so it is read as immutable. */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, folder_writable ? "" : "&immutable=1");
  if (sqlite3_open_v2 (uri, &self->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      set_open_error (self, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  if (!identify (self, &is_new, &version, &app_id, error))
    return fail_open (error);
  if (!_cc_store_add_functions (self->db))
    {
      set_open_error (self, error);
      return NULL;
    }

  if (is_new || version < CC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_READ_ONLY,
                   is_new ? _("Cannot read the library %s: it is empty and read-only")
                          : _("Cannot read the library %s: it needs updating to this version "
                              "of Crosscheck, and it is read-only"), path);
      return NULL;
    }

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return fail_open (error);

  self->schema_version = version;
  return g_steal_pointer (&self);
}

gboolean
cc_store_is_read_only (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * cc_store_check:
 *
 * Runs SQLite's quick_check over the whole file: every page, index and
 * the search index's tables, in time linear in the file's size.
 *
 * Returns: %TRUE when the library is sound; else @error says what is
 *   wrong and how to save what can be read
 */
gboolean
cc_store_check (CcStore       *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint n_problems = 0;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  /* On a connection of its own: reading every page takes a while. */
  if (!(db = _cc_store_open_reader (self, error)))
    return FALSE;
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self, db, error, "checking the library");
      sqlite3_close (db);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *)sqlite3_column_text (stmt, 0);
      g_auto(GStrv) lines = NULL;

      if (row == NULL || strcmp (row, "ok") == 0)
        continue;

      /* A row may hold several lines, under a header naming the schema. */
      lines = g_strsplit (row, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (*lines[i] == '\0' || g_str_has_prefix (lines[i], "*** in database"))
            continue;
          /* The first few say enough. */
          if (n_problems++ < 3)
            g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", lines[i]);
        }
    }
  if (rc != SQLITE_DONE && n_problems++ < 3)
    g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "",
                            sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (n_problems > 0)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_DAMAGED,
                   _("The library %s is damaged (%s%s). "
                     "To save what can still be read, export it with "
                     "“crosscheck --library %s export --json FILE” and import FILE into a new "
                     "library; if only the search index is damaged, "
                     "“crosscheck --library %s reindex” rebuilds it."),
                   self->path, problems->str, n_problems > 3 ? "; …" : "",
                   self->path, self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * cc_store_rebuild_search_index:
 *
 * Drops the full-text index and makes it again from the articles, which
 * are its content: for an index whose pages are damaged.
 *
 * Returns: %TRUE when the index was rebuilt
 */
gboolean
cc_store_rebuild_search_index (CcStore  *self,
                               GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  /* Statements kept over the old schema would go stale. */
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);

  if (!begin (self, error))
    return FALSE;
  ok = exec_sql (self, _cc_store_drop_search_index, NULL);
  if (!commit_or_rollback (self, ok, NULL))
    {
      /* Dropping the index reads its pages, which fails when they are
       * damaged: its tables are then taken out of the schema by hand,
       * and VACUUM, which copies only what the schema names, leaves
       * their pages behind. */
      ok = exec_sql (self, "PRAGMA writable_schema = ON", error) &&
           begin (self, error) &&
           commit_or_rollback (self, exec_sql (self, _cc_store_forget_search_index, error),
                               error);
      exec_sql (self, "PRAGMA writable_schema = OFF", NULL);
      if (!ok || !exec_sql (self, "VACUUM", error))
        return FALSE;
    }

  if (!begin (self, error))
    return FALSE;
  ok = exec_sql (self, _cc_store_create_search_index, error);
  return commit_or_rollback (self, ok, error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (cc_store_check (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cc_store_check_async (CcStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CC_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_store_check_async);
  g_task_run_in_thread (task, check_thread);
}

gboolean
cc_store_check_finish (CcStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
cc_store_get_path (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  return self->path;
}

int
cc_store_get_schema_version (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * cc_store_list_article_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of every
 *   article, in increasing order
 */
GArray *
cc_store_list_article_ids (CcStore  *self,
                           GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!(stmt = get_stmt (self, STMT_ARTICLE_IDS, error)))
    return NULL;
  if (!_cc_store_collect_ids (self, stmt, ids, "reading", error))
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * cc_store_get_data_version:
 *
 * Returns: SQLite's data_version, which changes when another connection,
 *   another process say, commits a change to the file; -1 on error
 */
gint64
cc_store_get_data_version (CcStore *self)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  int version;

  g_return_val_if_fail (CC_IS_STORE (self), -1);

  locker = g_mutex_locker_new (&self->mutex);
  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return -1;
  return version;
}

gboolean
cc_store_has_text (CcStore    *self,
                   const char *text_hash)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt;
  gboolean found;

  if (!(stmt = get_stmt (self, STMT_HAS_HASH, NULL)))
    return FALSE;
  _cc_store_bind_text (stmt, 1, text_hash);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
_cc_store_insert_claim_locked (CcStore  *self,
                               CcClaim  *claim,
                               GError  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_INSERT_CLAIM, error)))
    return FALSE;
  _cc_store_bind_claim (stmt, claim);
  if (!step_done (self, stmt, error))
    return FALSE;
  cc_claim_set_id (claim, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
_cc_store_insert_annotation_locked (CcStore       *self,
                                    CcAnnotation  *annotation,
                                    GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_INSERT_ANNOTATION, error)))
    return FALSE;
  _cc_store_bind_annotation (stmt, annotation);
  if (!step_done (self, stmt, error))
    return FALSE;
  cc_annotation_set_id (annotation, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static void
bind_article_update (sqlite3_stmt *stmt,
                     gpointer      data)
{
  CcArticle *article = data;

  sqlite3_bind_int64 (stmt, 1, cc_article_get_id (article));
  _cc_store_bind_text (stmt, 2, cc_article_get_title (article) ? cc_article_get_title (article) : "");
  _cc_store_bind_text (stmt, 3, cc_article_get_outlet (article));
  _cc_store_bind_text (stmt, 4, cc_article_get_url (article));
  _cc_store_bind_text (stmt, 5, cc_article_get_published (article));
  _cc_store_bind_text (stmt, 6, cc_article_get_language (article));
}

gboolean
cc_store_update_article (CcStore    *self,
                         CcArticle  *article,
                         GError    **error)
{
  return write_row (self, STMT_UPDATE_ARTICLE, bind_article_update, article, error);
}

static gboolean
delete_by_id (CcStore  *self,
              StmtId    id,
              gint64    row_id,
              GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = get_stmt (self, id, error)))
    return commit_or_rollback (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, row_id);
  ok = step_done (self, stmt, error);
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND,
                   "No row %" G_GINT64_FORMAT " to delete", row_id);
      ok = FALSE;
    }
  return commit_or_rollback (self, ok, error);
}

gboolean
cc_store_delete_article (CcStore  *self,
                         gint64    article_id,
                         GError  **error)
{
  return delete_by_id (self, STMT_DELETE_ARTICLE, article_id, error);
}

/* The article's count of claims not rejected, which the list shows
 * without reading the claims, follows every change of its claims. */
gboolean
_cc_store_recount_claims_locked (CcStore  *self,
                                 gint64    article_id,
                                 GError  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, STMT_RECOUNT_CLAIMS, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return step_done (self, stmt, error);
}

gboolean
cc_store_add_claim (CcStore  *self,
                    CcClaim  *claim,
                    GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  ok = _cc_store_insert_claim_locked (self, claim, error) &&
       _cc_store_recount_claims_locked (self, cc_claim_get_article_id (claim), error);
  return commit_or_rollback (self, ok, error);
}

/* The article a stored claim belongs to, or 0. */
static gint64
claim_article_locked (CcStore *self,
                      gint64   claim_id)
{
  sqlite3_stmt *stmt;
  gint64 article_id = 0;

  if (!(stmt = get_stmt (self, STMT_CLAIM_ARTICLE, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    article_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return article_id;
}

gboolean
cc_store_update_claim (CcStore  *self,
                       CcClaim  *claim,
                       GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt;
  gint64 before;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  before = claim_article_locked (self, cc_claim_get_id (claim));
  if (!(stmt = get_stmt (self, STMT_UPDATE_CLAIM, error)))
    return commit_or_rollback (self, FALSE, NULL);
  _cc_store_bind_claim (stmt, claim);
  sqlite3_bind_int64 (stmt, 18, cc_claim_get_id (claim));
  ok = step_done (self, stmt, error) &&
       _cc_store_recount_claims_locked (self, cc_claim_get_article_id (claim), error) &&
       (before == cc_claim_get_article_id (claim) ||
        _cc_store_recount_claims_locked (self, before, error));
  return commit_or_rollback (self, ok, error);
}

gboolean
cc_store_delete_claim (CcStore  *self,
                       gint64    claim_id,
                       GError  **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt;
  gint64 article_id;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  article_id = claim_article_locked (self, claim_id);
  if (!(stmt = get_stmt (self, STMT_DELETE_CLAIM, error)))
    return commit_or_rollback (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, claim_id);
  ok = step_done (self, stmt, error);
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND,
                   "No row %" G_GINT64_FORMAT " to delete", claim_id);
      ok = FALSE;
    }
  ok = ok && _cc_store_recount_claims_locked (self, article_id, error);
  return commit_or_rollback (self, ok, error);
}

/**
 * cc_store_replace_auto_claims:
 * @claims: (element-type CcClaim): the new auto claims of the article
 *
 * Replaces the article's auto claims by @claims in one transaction; user
 * claims (corrections, rejections, additions) stay.
 */
gboolean
cc_store_replace_auto_claims (CcStore    *self,
                              gint64      article_id,
                              GPtrArray  *claims,
                              guint       extractor_version,
                              GError    **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = get_stmt (self, STMT_DELETE_AUTO_CLAIMS, error)))
    return commit_or_rollback (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, article_id);
  ok = step_done (self, stmt, error);

  for (guint i = 0; ok && i < claims->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (claims, i);

      cc_claim_set_article_id (claim, article_id);
      ok = _cc_store_insert_claim_locked (self, claim, error);
    }

  if (ok && (stmt = get_stmt (self, STMT_SET_VERSION, error)))
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int (stmt, 2, extractor_version);
      ok = step_done (self, stmt, error);
    }
  else
    ok = FALSE;
  ok = ok && _cc_store_recount_claims_locked (self, article_id, error);

  return commit_or_rollback (self, ok, error);
}

gboolean
cc_store_add_annotation (CcStore       *self,
                         CcAnnotation  *annotation,
                         GError       **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);

  if (!begin (self, error))
    return FALSE;
  return commit_or_rollback (self, _cc_store_insert_annotation_locked (self, annotation, error), error);
}

static void
bind_annotation_update (sqlite3_stmt *stmt,
                        gpointer      data)
{
  CcAnnotation *annotation = data;

  sqlite3_bind_int64 (stmt, 1, cc_annotation_get_id (annotation));
  sqlite3_bind_int (stmt, 2, cc_annotation_get_start (annotation));
  sqlite3_bind_int (stmt, 3, cc_annotation_get_end (annotation));
  _cc_store_bind_text (stmt, 4, cc_annotation_get_color (annotation));
  _cc_store_bind_text (stmt, 5, cc_annotation_get_note (annotation));
  _cc_store_bind_text (stmt, 6, cc_annotation_get_tags (annotation));
  sqlite3_bind_int64 (stmt, 7, cc_annotation_get_modified (annotation));
}

gboolean
cc_store_update_annotation (CcStore       *self,
                            CcAnnotation  *annotation,
                            GError       **error)
{
  return write_row (self, STMT_UPDATE_ANNOTATION, bind_annotation_update, annotation, error);
}

gboolean
cc_store_delete_annotation (CcStore  *self,
                            gint64    annotation_id,
                            GError  **error)
{
  return delete_by_id (self, STMT_DELETE_ANNOTATION, annotation_id, error);
}

/* Steps @stmt, appending the id in its first column of each row to @ids,
 * and resets it. */
gboolean
_cc_store_collect_ids (CcStore       *self,
                       sqlite3_stmt  *stmt,
                       GArray        *ids,
                       const char    *what,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, error, what);
  return TRUE;
}

/**
 * cc_store_list_stale:
 *
 * Reads every article's row, which takes a while on a large library: on
 * a connection of its own, so that the store's stays free meanwhile.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the articles
 *   whose auto claims were made by an extractor older than @extractor_version
 */
GArray *
cc_store_list_stale (CcStore  *self,
                     guint     extractor_version,
                     GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  if (!(db = _cc_store_open_reader (self, error)))
    return NULL;
  if (sqlite3_prepare_v2 (db, _cc_store_sql[STMT_STALE], -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, extractor_version);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
    }
  if (rc != SQLITE_DONE)
    set_db_error (self, db, error, "reading");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}
