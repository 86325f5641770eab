/* test-store.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-store.h"
#include "cc-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  char *wal;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("cc-test-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->wal = g_strconcat (f->path, "-wal", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->wal);
}

static int
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static CcClaim *
make_claim (guint       start,
            guint       end,
            const char *text,
            double      low,
            double      high)
{
  CcClaim *claim = cc_claim_new ();

  cc_claim_set_start (claim, start);
  cc_claim_set_end (claim, end);
  cc_claim_set_text (claim, text);
  cc_claim_set_low (claim, low);
  cc_claim_set_high (claim, high);
  return claim;
}

static CcArticle *
make_article (const char *title,
              const char *text)
{
  CcArticle *article = g_object_new (CC_TYPE_ARTICLE,
                                     "title", title,
                                     "outlet", "Example Wire",
                                     "url", "https://example.org/a",
                                     "published", "2024-10-18",
                                     "language", "en",
                                     "text", text,
                                     "source-file", "/tmp/a.txt",
                                     "imported", (gint64)1729000000,
                                     NULL);
  return article;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(CcArticle) article = make_article ("Troops “arrive”", "Some 1,500 troops arrived, the agency said.");
  g_autoptr(CcClaim) claim = make_claim (5, 10, "1,500", 1500, 1500);
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  CcArticle *back;
  g_autoptr(CcClaim) claim_back = NULL;
  g_autoptr(CcAnnotation) note_back = NULL;

  cc_claim_set_qualifier (claim, "around");
  cc_claim_set_subject (claim, "troops");
  cc_claim_set_claimant (claim, "the agency");
  cc_claim_set_claimant_country (claim, "South Korea");
  cc_claim_set_status (claim, CC_CLAIM_STATUS_SENT);
  cc_claim_set_hedged (claim, TRUE);
  cc_claim_set_event_date (claim, "2024-10-18");
  cc_claim_set_extractor_version (claim, 3);
  _cc_article_append_claim (article, claim);

  cc_annotation_set_start (note, 0);
  cc_annotation_set_end (note, 4);
  cc_annotation_set_color (note, "#f6d32d");
  cc_annotation_set_note (note, "Check the “some”.");
  cc_annotation_set_tags (note, "disputed,troops");
  cc_annotation_set_created (note, 100);
  cc_annotation_set_modified (note, 200);
  _cc_article_append_annotation (article, note);

  {
    g_autoptr(CcStore) store = cc_store_new (f->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);
    g_assert_true (cc_store_add_article (store, article, 3, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cc_article_get_id (article), >, 0);
    g_assert_cmpint (cc_claim_get_article_id (claim), ==, cc_article_get_id (article));
    g_assert_cmpint (cc_claim_get_id (claim), >, 0);
    g_assert_cmpint (cc_annotation_get_id (note), >, 0);
  }

  {
    g_autoptr(CcStore) store = cc_store_new (f->path, &error);

    g_assert_no_error (error);
    loaded = cc_store_load_articles (store, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpuint (loaded->len, ==, 1);
  back = g_ptr_array_index (loaded, 0);
  g_assert_cmpint (cc_article_get_id (back), ==, cc_article_get_id (article));
  g_assert_cmpstr (cc_article_get_title (back), ==, "Troops “arrive”");
  g_assert_cmpstr (cc_article_get_outlet (back), ==, "Example Wire");
  g_assert_cmpstr (cc_article_get_url (back), ==, "https://example.org/a");
  g_assert_cmpstr (cc_article_get_published (back), ==, "2024-10-18");
  g_assert_cmpstr (cc_article_get_language (back), ==, "en");
  g_assert_cmpstr (cc_article_get_text (back), ==, cc_article_get_text (article));
  g_assert_cmpstr (cc_article_get_source_file (back), ==, "/tmp/a.txt");
  g_assert_cmpint (cc_article_get_imported (back), ==, 1729000000);
  g_assert_cmpuint (cc_article_get_n_claims (back), ==, 1);

  claim_back = g_list_model_get_item (cc_article_get_claims (back), 0);
  g_assert_cmpuint (cc_claim_get_start (claim_back), ==, 5);
  g_assert_cmpuint (cc_claim_get_end (claim_back), ==, 10);
  g_assert_cmpstr (cc_claim_get_text (claim_back), ==, "1,500");
  g_assert_cmpfloat (cc_claim_get_low (claim_back), ==, 1500);
  g_assert_cmpstr (cc_claim_get_qualifier (claim_back), ==, "around");
  g_assert_cmpstr (cc_claim_get_claimant_country (claim_back), ==, "South Korea");
  g_assert_cmpint (cc_claim_get_status (claim_back), ==, CC_CLAIM_STATUS_SENT);
  g_assert_true (cc_claim_get_hedged (claim_back));
  g_assert_cmpstr (cc_claim_get_event_date (claim_back), ==, "2024-10-18");
  g_assert_cmpint (cc_claim_get_origin (claim_back), ==, CC_CLAIM_ORIGIN_AUTO);
  g_assert_cmpuint (cc_claim_get_extractor_version (claim_back), ==, 3);

  note_back = g_list_model_get_item (cc_article_get_annotations (back), 0);
  g_assert_cmpstr (cc_annotation_get_note (note_back), ==, "Check the “some”.");
  g_assert_cmpstr (cc_annotation_get_tags (note_back), ==, "disputed,troops");
  g_assert_cmpstr (cc_annotation_get_color (note_back), ==, "#f6d32d");
  g_assert_cmpint (cc_annotation_get_created (note_back), ==, 100);
  g_assert_cmpint (cc_annotation_get_modified (note_back), ==, 200);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (f->path, &error);
  g_autoptr(CcArticle) a = make_article ("One", "Same text.");
  g_autoptr(CcArticle) b = make_article ("Two", "Same text.");
  g_autoptr(GPtrArray) loaded = NULL;

  g_assert_no_error (error);
  g_assert_true (cc_store_add_article (store, a, 1, &error));
  g_assert_false (cc_store_add_article (store, b, 1, &error));
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "One"));
  g_assert_cmpint (cc_article_get_id (b), ==, 0);

  g_clear_error (&error);
  loaded = cc_store_load_articles (store, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
}

/* The schema of the first release, as such a file holds it. */
static const char v1_schema[] =
  "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL, outlet TEXT, url TEXT,"
  "  published TEXT, language TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL UNIQUE,"
  "  source_file TEXT, imported INTEGER NOT NULL);"
  "CREATE TABLE claims (id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, low REAL NOT NULL,"
  "  high REAL NOT NULL, vague INTEGER NOT NULL DEFAULT 0, qualifier TEXT, subject TEXT,"
  "  claimant TEXT, claimant_country TEXT, status TEXT NOT NULL DEFAULT 'other',"
  "  hedged INTEGER NOT NULL DEFAULT 0, event_date TEXT, origin TEXT NOT NULL DEFAULT 'auto',"
  "  rejected INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE annotations (id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, color TEXT, note TEXT,"
  "  created INTEGER NOT NULL, modified INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles',"
  "  content_rowid = 'id');"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "INSERT INTO articles VALUES (7, 'Old article', 'Old Wire', NULL, '2024-10-10', 'en',"
  "  'About 3,000 soldiers were seen.', 'hash-7', 'old.txt', 1728000000);"
  "INSERT INTO claims (article_id, start, end, text, low, high, status, origin, rejected)"
  "  VALUES (7, 6, 11, '3,000', 3000, 3000, 'deployed', 'user', 0);"
  "INSERT INTO annotations (article_id, start, end, color, note, created, modified)"
  "  VALUES (7, 0, 5, '#ff0000', 'old note', 1, 2);"
  "PRAGMA user_version = 1;";

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) stale = NULL;
  g_autoptr(CcClaim) claim = NULL;
  g_autoptr(CcAnnotation) note = NULL;
  CcArticle *article;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v1_schema, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);

  loaded = cc_store_load_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  article = g_ptr_array_index (loaded, 0);
  g_assert_cmpint (cc_article_get_id (article), ==, 7);
  g_assert_cmpstr (cc_article_get_title (article), ==, "Old article");

  claim = g_list_model_get_item (cc_article_get_claims (article), 0);
  g_assert_cmpfloat (cc_claim_get_low (claim), ==, 3000);
  g_assert_cmpint (cc_claim_get_origin (claim), ==, CC_CLAIM_ORIGIN_USER);
  g_assert_cmpuint (cc_claim_get_extractor_version (claim), ==, 0);

  note = g_list_model_get_item (cc_article_get_annotations (article), 0);
  g_assert_cmpstr (cc_annotation_get_note (note), ==, "old note");
  g_assert_null (cc_annotation_get_tags (note));

  /* Migrated articles were extracted by no known version: they are stale. */
  stale = cc_store_list_stale (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 1);

  found = cc_store_search (store, "soldiers", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

/* The MD5 of a file's bytes. */
static char *
file_md5 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *)data, length);
}

static void
exec_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A library of schema 4 indexed new articles for search by a trigger;
 * from schema 5 the store indexes them, once, alone or in a batch. */
static void
test_migration_from_v4 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcArticle) old = make_article ("Old estimate", "About 3,000 soldiers were seen.");
  g_autoptr(CcArticle) single = make_article ("Pentagon estimate",
                                              "The Pentagon said 10,000 troops.");
  g_autoptr(CcArticle) spy = make_article ("Spy agency",
                                           "The spy agency said 1,500 special forces.");
  g_autoptr(CcArticle) again = make_article ("Duplicate heading",
                                             "About 3,000 soldiers were seen.");
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GPtrArray) refusals = g_ptr_array_new ();
  const guint versions[] = { 1, 1 };
  const char *words[] = { "soldiers", "pentagon", "spy", "said", "duplicate" };
  const guint n_found[] = { 1, 1, 1, 2, 0 };

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cc_store_add_article (store, old, 1, &error));
  g_clear_object (&store);
  exec_sqlite (f->path,
               "DROP TRIGGER IF EXISTS articles_ai;"
               "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
               "  INSERT INTO articles_fts (rowid, title, outlet, text)"
               "    VALUES (new.id, new.title, new.outlet, new.text);"
               "END;"
               "PRAGMA user_version = 4;");

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sqlite_master "
                                        "WHERE name = 'articles_ai'"), ==, 0);

  g_assert_true (cc_store_add_article (store, single, 1, &error));
  g_assert_no_error (error);
  g_ptr_array_add (batch, spy);
  g_ptr_array_add (batch, again);
  g_assert_cmpuint (cc_store_add_articles (store, batch, versions, 0, refusals, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_null (g_ptr_array_index (refusals, 0));
  g_assert_error ((GError *)g_ptr_array_index (refusals, 1), CC_STORE_ERROR,
                  CC_STORE_ERROR_DUPLICATE);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr(GArray) hits = cc_store_search (store, words[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, n_found[i]);
    }

  /* The index counted each article once: its row count, the first
   * varint of its averages record, is the articles' (a search hides
   * an article indexed twice). */
  g_assert_cmpint (count_rows (f->path, "SELECT CAST (hex (substr (block, 1, 1)) AS INTEGER) "
                                        "FROM articles_fts_data WHERE id = 1"), ==, 3);
}

/* A library of a newer schema, which keeps a rollback journal: refused
 * before anything is written, its journal mode included. */
/* An article removed leaves no trace of its text in the file, where
 * SQLite is built to clear what is deleted (Debian's is): the setting a
 * batch of articles is stored with is put back after it. */
static void
test_removed_text_cleared (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) refusals = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *contents = NULL;
  const guint versions[] = { 1, 1 };
  const char *marker = "Qzvxkjw";
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int built_with = 0;
  gsize length;
  gint64 id;

  /* the build's own setting, on a connection of its own */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA secure_delete", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    built_with = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (built_with != 1)
    {
      g_test_skip ("SQLite is built to leave deleted content in place");
      return;
    }

  /* a text long enough to fill pages of its own */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "%s%u said 1,500 troops crossed. ", marker, i);

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_ptr_array_add (batch, make_article ("Kept", "About 3,000 soldiers were seen."));
  g_ptr_array_add (batch, make_article ("Removed", text->str));
  g_assert_cmpuint (cc_store_add_articles (store, batch, versions, 0, refusals, &error), ==, 2);
  g_assert_no_error (error);

  id = cc_article_get_id (g_ptr_array_index (batch, 1));

  /* closing checkpoints the journal into the file, which then holds the
   * text */
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_nonnull (memmem (contents, length, marker, strlen (marker)));
  g_clear_pointer (&contents, g_free);

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cc_store_delete_article (store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_null (memmem (contents, length, marker, strlen (marker)));
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  exec_sqlite (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  before = file_md5 (f->path);

  store = cc_store_new (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);
  store = cc_store_new_for_reading (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_SCHEMA);

  after = file_md5 (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (f->wal, G_FILE_TEST_EXISTS));
}

/* Another program's SQLite file is left byte for byte as it was, and
 * the command line says what it is. */
static void
test_foreign_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *article = g_build_filename (f->dir, "article.txt", NULL);

  exec_sqlite (f->path, "PRAGMA journal_mode = DELETE;"
                        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                        "INSERT INTO notes (body) VALUES ('somebody else''s data');");
  before = file_md5 (f->path);

  store = cc_store_new (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  store = cc_store_new_for_reading (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_LIBRARY);

  g_assert_true (g_file_set_contents (article, "Officials said 1,500 troops arrived.", -1, NULL));
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->path, "import", article, NULL),
                   ==, 1);
  g_assert_true (g_str_has_suffix (err, "is not a Crosscheck library but another program’s "
                                        "database; it was left as it was\n"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->path, "list", NULL), ==, 1);

  after = file_md5 (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (f->wal, G_FILE_TEST_EXISTS));
}

/* A new library carries Crosscheck's application id; one made before the
 * id existed is known by its tables and gets it. */
static void
test_application_id (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (f->path, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (count_rows (f->path, "PRAGMA application_id"), ==, CC_STORE_APPLICATION_ID);

  exec_sqlite (f->path, "PRAGMA application_id = 0");
  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (count_rows (f->path, "PRAGMA application_id"), ==, CC_STORE_APPLICATION_ID);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autofree char *after = NULL;
  const char garbage[] = "this is not an SQLite file, but it is somebody's data\n";

  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));
  store = cc_store_new (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, f->path));

  /* Nothing was written over it. */
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

/* cc_store_search_set() finds the ids cc_store_search() does, and no
 * other, or fails as it does. */
static void
assert_set_as_search (CcStore    *store,
                      const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) set_error = NULL;
  g_autoptr(GArray) hits = cc_store_search (store, query, &error);
  g_autoptr(CcIdSet) set = cc_store_search_set (store, query, &set_error);

  g_test_message ("search set %s", query);
  if (hits == NULL)
    {
      g_assert_null (set);
      g_assert_error (set_error, error->domain, error->code);
      return;
    }
  g_assert_no_error (set_error);
  g_assert_cmpuint (cc_id_set_get_size (set), ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_assert_true (cc_id_set_contains (set, g_array_index (hits, gint64, i)));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (f->path, &error);
  g_autoptr(CcArticle) a = make_article ("Pentagon estimate", "The Pentagon said 10,000 troops.");
  g_autoptr(CcArticle) b = make_article ("Spy agency", "The spy agency said 1,500 special forces.");
  const char *odd[] = { "\"", "AND", "title:", "*", "(", "NEAR(", "'", "spy \"agency", NULL };
  g_autoptr(GArray) hits = NULL;

  g_assert_true (cc_store_add_article (store, a, 1, &error));
  g_assert_true (cc_store_add_article (store, b, 1, &error));

  hits = cc_store_search (store, "pentagon", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, cc_article_get_id (a));
  g_clear_pointer (&hits, g_array_unref);

  /* Prefixes match, every word must occur, titles count. */
  hits = cc_store_search (store, "spe forc", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, cc_article_get_id (b));
  g_clear_pointer (&hits, g_array_unref);

  hits = cc_store_search (store, "said", &error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_array_unref);

  hits = cc_store_search (store, "pentagon spy", &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);

  /* The unordered set of matches, which the window's search takes. */
  {
    const char *queries[] = { "pentagon", "spe forc", "said", "pentagon spy", "", "  ",
                              "troops\xf0", "\"", "AND", "*", NULL };

    for (guint i = 0; queries[i] != NULL; i++)
      assert_set_as_search (store, queries[i]);
  }

  /* What a person types is never an FTS syntax error. */
  for (guint i = 0; odd[i]; i++)
    {
      hits = cc_store_search (store, odd[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_pointer (&hits, g_array_unref);
    }

  /* Words joined by apostrophes or hyphens find the same spelling, with
   * any apostrophe, a hyphen or a space. */
  {
    g_autoptr(CcArticle) c = make_article ("Joined words",
                                           "Russia’s deal with the North-Korean staff of the "
                                           "agency's office.");
    const char *found[] = { "Russia's", "russia’s", "North-Korean", "north korean",
                            "NORTH‐KOREAN", "agency’s", "agency's office", "Russia", NULL };
    const char *not_found[] = { "Russias", "agencys", "Korean-North", NULL };

    g_assert_true (cc_store_add_article (store, c, 1, &error));
    for (guint i = 0; found[i] != NULL; i++)
      {
        g_test_message ("search %s", found[i]);
        hits = cc_store_search (store, found[i], &error);
        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 1);
        g_assert_cmpint (g_array_index (hits, gint64, 0), ==, cc_article_get_id (c));
        g_clear_pointer (&hits, g_array_unref);
      }
    for (guint i = 0; not_found[i] != NULL; i++)
      {
        g_test_message ("search %s", not_found[i]);
        hits = cc_store_search (store, not_found[i], &error);
        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 0);
        g_clear_pointer (&hits, g_array_unref);
      }
    g_assert_true (cc_store_delete_article (store, cc_article_get_id (c), &error));
  }

  /* Bytes that are not UTF-8, a truncated sequence at the end among them,
   * are refused, not read past. */
  {
    const char *bad[] = { "troops\xf0", "\xff", "tro\xc3", NULL };

    for (guint i = 0; bad[i] != NULL; i++)
      {
        hits = cc_store_search (store, bad[i], &error);
        g_assert_null (hits);
        g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_QUERY);
        g_clear_error (&error);
      }
  }

  /* Repeated words count once; too many different words are refused
   * with a message, at once. */
  {
    g_autoptr(GString) repeated = g_string_new (NULL);
    g_autoptr(GString) many = g_string_new (NULL);

    for (guint i = 0; i < 60000; i++)
      g_string_append (repeated, "said ");
    hits = cc_store_search (store, repeated->str, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 2);
    g_clear_pointer (&hits, g_array_unref);

    for (guint i = 0; i < 4000; i++)
      g_string_append_printf (many, "word%u ", i);
    hits = cc_store_search (store, many->str, &error);
    g_assert_null (hits);
    g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_QUERY);
    g_assert_nonnull (strstr (error->message, "more than 64 different words"));
    g_clear_error (&error);
  }

  /* The index follows edits and deletions. */
  cc_article_set_title (a, "Defense ministry figure");
  g_assert_true (cc_store_update_article (store, a, &error));
  hits = cc_store_search (store, "ministry", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  g_assert_true (cc_store_delete_article (store, cc_article_get_id (b), &error));
  hits = cc_store_search (store, "agency", &error);
  g_assert_cmpuint (hits->len, ==, 0);

  /* A library opened for reading searches as a set too. */
  g_clear_object (&store);
  store = cc_store_new_for_reading (f->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CcIdSet) set = cc_store_search_set (store, "ministry", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cc_id_set_get_size (set), ==, 1);
    g_assert_true (cc_id_set_contains (set, cc_article_get_id (a)));
  }
}

static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (f->path, &error);
  g_autoptr(CcArticle) a = make_article ("A", "Some 1,500 troops and 300 workers.");
  g_autoptr(CcClaim) auto_claim = make_claim (5, 10, "1,500", 1500, 1500);
  g_autoptr(CcClaim) user_claim = make_claim (22, 25, "300", 300, 300);
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GArray) stale = NULL;
  CcArticle *back;

  g_assert_true (cc_store_add_article (store, a, 1, &error));
  cc_claim_set_article_id (auto_claim, cc_article_get_id (a));
  cc_claim_set_article_id (user_claim, cc_article_get_id (a));
  cc_claim_set_origin (user_claim, CC_CLAIM_ORIGIN_USER);
  g_assert_true (cc_store_add_claim (store, auto_claim, &error));
  g_assert_true (cc_store_add_claim (store, user_claim, &error));

  cc_claim_set_claimant (user_claim, "A reader");
  g_assert_true (cc_store_update_claim (store, user_claim, &error));

  cc_annotation_set_article_id (note, cc_article_get_id (a));
  cc_annotation_set_note (note, "first");
  g_assert_true (cc_store_add_annotation (store, note, &error));
  cc_annotation_set_note (note, "second");
  g_assert_true (cc_store_update_annotation (store, note, &error));

  /* New auto claims replace the old ones; the user's stay. */
  g_ptr_array_add (fresh, make_claim (5, 10, "1,500", 1400, 1600));
  g_assert_true (cc_store_replace_auto_claims (store, cc_article_get_id (a), fresh, 2, &error));
  g_assert_no_error (error);

  loaded = cc_store_load_articles (store, &error);
  back = g_ptr_array_index (loaded, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (back)), ==, 2);
  {
    g_autoptr(CcClaim) c0 = g_list_model_get_item (cc_article_get_claims (back), 0);
    g_autoptr(CcClaim) c1 = g_list_model_get_item (cc_article_get_claims (back), 1);
    g_autoptr(CcAnnotation) n0 = g_list_model_get_item (cc_article_get_annotations (back), 0);

    g_assert_cmpfloat (cc_claim_get_low (c0), ==, 1400);
    g_assert_cmpstr (cc_claim_get_claimant (c1), ==, "A reader");
    g_assert_cmpstr (cc_annotation_get_note (n0), ==, "second");
  }

  stale = cc_store_list_stale (store, 2, &error);
  g_assert_cmpuint (stale->len, ==, 0);

  g_assert_true (cc_store_delete_annotation (store, cc_annotation_get_id (note), &error));
  g_assert_false (cc_store_delete_annotation (store, cc_annotation_get_id (note), &error));
  g_assert_error (error, CC_STORE_ERROR, CC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting an article takes its claims with it. */
  g_assert_true (cc_store_delete_article (store, cc_article_get_id (a), &error));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM claims"), ==, 0);
}

static void
drop_root_cb (gpointer user_data)
{
  /* Root writes any file; the user nobody respects permissions. */
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (125);
}

/* Runs crosscheck with @argv (after the binary), as an ordinary user
 * when the test runs as root. */
static int
run_cli_unprivileged (const char  * const *args,
                      char               **out,
                      char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("CROSSCHECK_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, drop_root_cb, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 125);
  return WEXITSTATUS (status);
}

/* A library made by the command line with three articles. */
static void
make_cli_library (Fixture *f)
{
  const char *texts[] = {
    "Officials in Seoul said about 1,500 North Korean troops arrived in Vladivostok.",
    "The Ukrainian ministry said 3,000 soldiers were moved to the border.",
    "According to the Pentagon, at least 10,000 troops were sent to Russia.",
  };
  g_autofree char *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("article%u.txt", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_true (g_file_set_contents (path, texts[i], -1, NULL));
      g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->path, "import", path, NULL),
                       ==, 0);
      g_clear_pointer (&err, g_free);
    }
}

/* A read-only library, and a library in a read-only folder, open
 * read-only for reading commands; importing says so once, for all the
 * files, and writes nothing. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *new_article = g_build_filename (f->dir, "new.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.txt", NULL);

  make_cli_library (f);
  g_assert_true (g_file_set_contents (new_article, "Some 700 troops left on Friday.", -1, NULL));
  g_assert_true (g_file_set_contents (other, "Some 900 troops left on Monday.", -1, NULL));
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (new_article, 0644), ==, 0);
  g_assert_cmpint (g_chmod (other, 0644), ==, 0);
  before = file_md5 (f->path);

  for (guint round = 0; round < 2; round++)
    {
      const char *list[] = { "--library", f->path, "list", NULL };
      const char *search[] = { "--library", f->path, "search", "Pentagon", NULL };
      const char *import[] = { "--library", f->path, "import", new_article, other, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      /* First the file is read-only, then its folder. */
      if (round == 0)
        g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
      else
        {
          g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
          g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
        }
      g_test_message ("read-only %s", round == 0 ? "file" : "folder");

      g_assert_cmpint (run_cli_unprivileged (list, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "article1"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      g_assert_cmpint (run_cli_unprivileged (search, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "article2"));
      g_assert_null (strstr (out, "article1"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      g_assert_cmpint (run_cli_unprivileged (import, &out, &err), ==, 1);
      g_assert_true (g_str_has_prefix (err, "crosscheck: Cannot write the library "));
      g_assert_true (g_str_has_suffix (err, " is read-only\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  after = file_md5 (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* Overwrites the first page of the search index's data with garbage. */
static void
damage_search_index (const char *path)
{
  g_autofree char *data = NULL;
  int page_size, root;
  gsize length;

  /* Everything in the main file, no journal beside it. */
  exec_sqlite (path, "PRAGMA journal_mode = DELETE");
  page_size = count_rows (path, "PRAGMA page_size");
  root = count_rows (path, "SELECT rootpage FROM sqlite_master WHERE name = 'articles_fts_data'");
  g_assert_cmpint (root, >, 1);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >=, (gsize)page_size * root);
  memset (data + (gsize)page_size * (root - 1), 0xa5, page_size);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

/* A library whose search index is damaged takes no more articles, says
 * how to recover, still exports what it holds, and is whole again after
 * reindex. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *article = g_build_filename (f->dir, "new.txt", NULL);
  g_autofree char *json = g_build_filename (f->dir, "saved.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  make_cli_library (f);
  damage_search_index (f->path);
  g_assert_true (g_file_set_contents (article, "Some 700 troops left on Friday.", -1, NULL));

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->path, "import", article, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "is damaged ("));
  g_assert_nonnull (strstr (err, "export --json FILE"));
  g_assert_nonnull (strstr (err, "reindex"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM articles"), ==, 3);
  g_clear_pointer (&err, g_free);

  /* What can be read is exported, with a warning. */
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->path, "export", "--json", json,
                                    NULL), ==, 0);
  g_assert_true (g_str_has_prefix (err, "crosscheck: warning: The library "));
  g_assert_true (g_file_get_contents (json, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "at least 10,000 troops were sent to Russia"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cc_test_run_cli (&out, &err, "--library", f->path, "reindex", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->path, "import", article, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cc_test_run_cli (&out, &err, "--library", f->path, "search", "Pentagon", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "article2"));
}

static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit = { 300 * 1024, 300 * 1024 };

  /* Writes past the limit fail, as on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* On a full disk an import stops at the first file that cannot be
 * stored, with one message for the library and one for the files left,
 * and keeps what it stored. */
static void
test_import_full_disk (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "articles", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("CROSSCHECK_BINARY"), "--library", f->path, "import", folder,
                         NULL };
  guint n_imported = 0;
  guint n_library_errors = 0;
  int status;

  make_cli_library (f);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/article%03u.txt", folder, i);

      g_string_truncate (text, 0);
      for (guint j = 0; j < 30; j++)
        g_string_append_printf (text, "Officials said on Monday that about %u North Korean "
                                "troops had arrived in Vladivostok. ", 1000 + 31 * i + j);
      g_assert_true (g_file_set_contents (name, text->str, -1, NULL));
    }

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, limit_file_size_cb, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);

  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_test_message ("%s", lines[i]);
      if (g_str_has_prefix (lines[i], f->path))
        n_library_errors++;
      else
        g_assert_true (g_str_has_prefix (lines[i], "The import stopped; "));
    }
  g_assert_cmpuint (n_library_errors, ==, 1);
  g_assert_cmpint (sscanf (out, "Imported %u", &n_imported), ==, 1);
  g_assert_cmpuint (n_imported, <, 200);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM articles"), ==, 3 + n_imported);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/duplicate", test_duplicate);
  ADD ("/store/migration-from-v1", test_migration);
  ADD ("/store/migration-from-v4", test_migration_from_v4);
  ADD ("/store/removed-text-cleared", test_removed_text_cleared);
  ADD ("/store/newer-schema", test_newer_schema);
  ADD ("/store/foreign-file", test_foreign_file);
  ADD ("/store/application-id", test_application_id);
  ADD ("/store/read-only", test_read_only);
  ADD ("/store/damaged", test_damaged);
  ADD ("/store/import-full-disk", test_import_full_disk);
  ADD ("/store/not-a-database", test_not_a_database);
  ADD ("/store/search", test_search);
  ADD ("/store/edits", test_edits);

  return g_test_run ();
}
