/* test-window-first-page.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article list of a library larger than a first page, from the
 * start: before the library is sorted the list already shows its newest
 * articles, in their final order (newest first, then by title as the
 * locale collates it, then by id; many share a date, and titles and
 * their bytes disagree); the sorted library then comes in below them in
 * one change, which leaves the article the user chose meanwhile selected
 * and in the reader. */

#define G_LOG_DOMAIN "test-window-first-page"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-extractor.h"
#include "cc-library.h"
#include "cc-reader.h"
#include "cc-source-list.h"
#include "cc-store.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-window.h"

#define SCHEMA_ID  "io.github.crosscheck.Crosscheck"
#define N_ARTICLES 1500
/* The row the user chooses among the first ones. */
#define CHOSEN     7

static char *tmpdir;

/* Titles that collate otherwise than their bytes sort; several articles
 * of a day share one, so that ids decide between them. */
static const char * const titles[] = { "Zebra", "émigrés", "Apple", "Éclair", "banana", "Ölberg", "apple" };

static void
make_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (path, &error);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) refusals = g_ptr_array_new ();
  g_autofree guint *versions = g_new (guint, N_ARTICLES);

  g_assert_no_error (error);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      CcArticle *article = cc_article_new ();
      g_autofree char *text = g_strdup_printf ("Dispatch number %u from the field.", i);
      g_autofree char *date = g_strdup_printf ("2024-%02u-%02u", 1 + (i / 40) / 28, 1 + (i / 40) % 28);

      cc_article_set_title (article, titles[(i * 5) % G_N_ELEMENTS (titles)]);
      cc_article_set_text (article, text);
      /* Every thirtieth has no date: those come last. */
      cc_article_set_published (article, i % 30 == 29 ? NULL : date);
      g_ptr_array_add (articles, article);
      versions[i] = CC_EXTRACTOR_VERSION;
    }
  g_assert_cmpuint (cc_store_add_articles (store, articles, versions, 0, refusals, &error), ==, N_ARTICLES);
  g_assert_no_error (error);
  for (guint i = 0; i < refusals->len; i++)
    g_assert_null (g_ptr_array_index (refusals, i));
}

/* The list's order, from the articles' fields alone. */
static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  CcArticle *x = *(CcArticle **)a, *y = *(CcArticle **)b;
  const char *date_x = cc_article_get_published (x), *date_y = cc_article_get_published (y);
  gint64 id_x = cc_article_get_id (x), id_y = cc_article_get_id (y);
  int cmp;

  if ((date_x == NULL) != (date_y == NULL))
    return date_x == NULL ? 1 : -1;
  if (date_x != NULL && (cmp = strcmp (date_y, date_x)) != 0)
    return cmp;
  if ((cmp = g_utf8_collate (cc_article_get_title (x), cc_article_get_title (y))) != 0)
    return cmp;
  return (id_x > id_y) - (id_x < id_y);
}

static GPtrArray *
expected_order (CcLibrary *library)
{
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    g_ptr_array_add (order, g_list_model_get_item (G_LIST_MODEL (library), i));
  g_ptr_array_sort (order, compare_expected);
  return order;
}

/* The selection's changes and its selected article's, as they come. */
static struct
{
  guint n_changes;
  guint position;
  guint removed;
  guint added;
  guint n_selected_changes;
} seen;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  seen.n_changes++;
  seen.position = position;
  seen.removed = removed;
  seen.added = added;
}

static void
selected_changed_cb (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  seen.n_selected_changes++;
}

static gboolean
has_rows (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

static gboolean
has_library (gpointer data)
{
  GListModel *list = G_LIST_MODEL (cc_window_get_selection (data));

  return g_list_model_get_n_items (list) == N_ARTICLES;
}

static void
check_first_page (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcLibrary *library = cc_window_get_library (window);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  GListModel *list = G_LIST_MODEL (selection);
  GtkListView *view = cc_test_find_one (cc_test_find_one (window, CC_TYPE_SOURCE_LIST),
                                        GTK_TYPE_LIST_VIEW);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  g_autoptr(GPtrArray) expected = expected_order (library);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcArticle) chosen = NULL;
  guint n_first;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, N_ARTICLES);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), NULL);

  /* The first rows come before the sort is done, in its order. */
  g_assert_true (cc_test_wait_until (has_rows, list));
  n_first = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_first, >=, 20);
  g_assert_cmpuint (n_first, <, N_ARTICLES);
  for (guint i = 0; i < n_first; i++)
    {
      CcArticle *article = g_list_model_get_item (list, i);

      g_assert_true (article == g_ptr_array_index (expected, i));
      g_ptr_array_add (first, article);
    }

  /* The user chooses an article among them, through the list view. */
  g_assert_true (gtk_selection_model_select_item (gtk_list_view_get_model (view), CHOSEN, TRUE));
  chosen = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_true (chosen == g_ptr_array_index (expected, CHOSEN));
  g_assert_true (cc_reader_get_article (reader) == chosen);
  g_signal_connect (selection, "notify::selected-item", G_CALLBACK (selected_changed_cb), NULL);

  /* The sorted library comes in below them, in one change. */
  seen.n_changes = 0;
  g_assert_true (cc_test_wait_until (has_library, window));
  g_assert_cmpuint (seen.n_changes, ==, 1);
  g_assert_cmpuint (seen.position, ==, n_first);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, N_ARTICLES - n_first);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (list, i);

      g_assert_true (article == g_ptr_array_index (expected, i));
      if (i < n_first)
        g_assert_true (article == g_ptr_array_index (first, i));
    }

  /* The user's article stays chosen, at its row, and in the reader. */
  cc_test_settle (100);
  g_assert_cmpuint (seen.n_selected_changes, ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, CHOSEN);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == chosen);
  g_assert_true (cc_reader_get_article (reader) == chosen);

  g_signal_handlers_disconnect_by_func (list, items_changed_cb, NULL);
  g_signal_handlers_disconnect_by_func (selection, selected_changed_cb, NULL);
}

#define N_REMOVED 12

static gboolean
has_library_less_removed (gpointer data)
{
  GListModel *list = G_LIST_MODEL (cc_window_get_selection (data));

  return g_list_model_get_n_items (list) == N_ARTICLES - N_REMOVED;
}

/* Removes one article of the library each time it runs, every few
 * milliseconds while the library is sorted and listed, N_REMOVED in
 * all. */
static gboolean
remove_one_cb (gpointer data)
{
  CcLibrary *library = data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_autoptr(CcArticle) gone = g_list_model_get_item (G_LIST_MODEL (library), n_items / 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_library_remove_article (library, gone, &error));
  g_assert_no_error (error);
  g_printerr ("REMOVE %ld\n", g_get_monotonic_time ());
  return n_items - 1 > N_ARTICLES - N_REMOVED;
}

/* Articles removed while the library is being sorted and listed: the
 * list ends in order, without them. */
static void
check_change_while_listing (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcLibrary *library = cc_window_get_library (window);
  GListModel *list = G_LIST_MODEL (cc_window_get_selection (window));
  g_autoptr(GPtrArray) expected = NULL;

  g_assert_true (cc_test_wait_until (has_rows, list));
  g_assert_cmpuint (g_list_model_get_n_items (list), <, N_ARTICLES);
  g_timeout_add (20, remove_one_cb, library);

  g_assert_true (cc_test_wait_until (has_library_less_removed, window));
  cc_test_settle (100);
  expected = expected_order (library);
  g_assert_cmpuint (expected->len, ==, N_ARTICLES - N_REMOVED);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (list, i);

      g_assert_true (article == g_ptr_array_index (expected, i));
    }
}

/* Runs @check in the window of a new library of N_ARTICLES. */
static void
run_on_library (const char *name,
                void      (*check) (CcApplication *app))
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, name, NULL);

  g_settings_set_boolean (settings, "sample-offered", TRUE);
  make_library (db_path);
  cc_test_run_app (db_path, check);
}

static void
test_window_change_while_listing (void)
{
  run_on_library ("change-while-listing.db", check_change_while_listing);
}

static void
test_window_first_page (void)
{
  run_on_library ("first-page.db", check_first_page);
}

int
main (int   argc,
      char *argv[])
{
  /* Titles collated as a language does, not as their bytes sort; the
   * window's strings stay as they were. */
  g_unsetenv ("LC_ALL");
  g_setenv ("LC_COLLATE", "uk_UA.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-window-first-page")))
    return 77;
  if (g_utf8_collate ("apple", "Zebra") > 0)
    g_test_message ("No uk_UA.UTF-8 locale: titles collate as their bytes sort");

  g_test_add_func ("/window/first-page", test_window_first_page);
  g_test_add_func ("/window/change-while-listing", test_window_change_while_listing);

  return cc_test_gui_run (tmpdir);
}
