/* test-window-library.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window and the library file under it: a library whose pages are
 * damaged opens, and a dialog over the window says what is wrong and how
 * to save what it holds; articles another process adds or deletes appear
 * and go in the window. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-library.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-window-private.h"

static char *tmpdir;

static int
query_int (const char *path,
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

/* The sample, imported by the command line. */
static void
import_sample (const char *db)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", db, "import",
                                    cc_test_sample_dir (), NULL), ==, 0);
}

static gpointer
find_damage_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "The Library Is Damaged") == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
has_damage_dialog (gpointer data)
{
  return find_damage_dialog () != NULL;
}

static void
check_damaged (CcApplication *app)
{
  AdwMessageDialog *dialog;
  CcWindow *window = NULL;
  const char *body;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);

  /* The articles are there to read and export, and the dialog says why
   * they may not all be. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->library)), ==, 5);
  g_assert_true (cc_test_wait_until (has_damage_dialog, NULL));
  dialog = find_damage_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "is damaged ("));
  g_assert_nonnull (strstr (body, "export --json FILE"));
  g_assert_nonnull (strstr (body, "reindex"));
  cc_test_settle (200);
  cc_test_save_screenshot (GTK_WIDGET (dialog), tmpdir, "screenshot-damaged-library.png");
  adw_message_dialog_response (dialog, "close");
}

static void
test_damaged (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "damaged.db", NULL);
  g_autofree char *data = NULL;
  int page_size, root;
  gsize length;

  import_sample (db);

  /* The search index's first data page overwritten, with no journal. */
  g_assert_cmpint (query_int (db, "PRAGMA journal_mode = DELETE"), ==, 0);
  page_size = query_int (db, "PRAGMA page_size");
  root = query_int (db, "SELECT rootpage FROM sqlite_master WHERE name = 'articles_fts_data'");
  g_assert_cmpint (root, >, 1);
  g_assert_true (g_file_get_contents (db, &data, &length, NULL));
  memset (data + (gsize)page_size * (root - 1), 0xa5, page_size);
  g_assert_true (g_file_set_contents (db, data, length, NULL));

  cc_test_run_app (db, check_damaged);
}

static CcLibrary *follow_library;
static guint follow_expected;

static gboolean
library_has_expected (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (follow_library)) == follow_expected;
}

static void
check_follows (CcApplication *app)
{
  g_autofree char *db = g_build_filename (tmpdir, "followed.db", NULL);
  g_autofree char *folder = g_build_filename (tmpdir, "more", NULL);
  g_autofree char *err = NULL;
  g_autoptr(CcArticle) last = NULL;
  CcWindow *window = NULL;
  sqlite3 *other;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  follow_library = window->library;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow_library)), ==, 5);

  /* The command line imports into the open library... */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/later%u.txt", folder, i);
      g_autofree char *text = g_strdup_printf ("According to the Pentagon, at least %u,000 "
                                               "troops were sent to Russia.", 11 + i);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", db, "import", folder, NULL), ==, 0);

  /* ... and the window takes the articles in, with their claims. */
  follow_expected = 8;
  g_assert_true (cc_test_wait_until (library_has_expected, NULL));
  last = g_list_model_get_item (G_LIST_MODEL (follow_library), 7);
  g_assert_cmpstr (cc_article_get_title (last), ==, "later2");
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (last)), >, 0);
  g_assert_true (cc_library_lookup_article (follow_library, cc_article_get_id (last)) == last);

  /* Another program deletes one: it leaves the window too. */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA foreign_keys = ON; "
                                        "DELETE FROM articles WHERE title = 'later0'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  follow_expected = 7;
  g_assert_true (cc_test_wait_until (library_has_expected, NULL));
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (follow_library), i);

      g_assert_cmpstr (cc_article_get_title (article), !=, "later0");
    }
}

static void
test_follows_the_file (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "followed.db", NULL);

  import_sample (db);
  cc_test_run_app (db, check_follows);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-window-library")))
    return 77;

  g_test_add_func ("/window-library/damaged", test_damaged);
  g_test_add_func ("/window-library/follows-the-file", test_follows_the_file);

  ret = g_test_run ();
  cc_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
