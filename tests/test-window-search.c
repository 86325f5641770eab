/* test-window-search.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article list while its work goes on off the main thread: a search
 * typed letter by letter, a query replaced before its answer came, a
 * story chosen during a search and left, each ending on exactly the
 * articles that hold the words, in the list's order (newest first, then
 * by title as the locale collates it, then by id). The library is made
 * here of reports whose words, dates and titles follow from their
 * number, so what each list must hold is known without the window. */

#define G_LOG_DOMAIN "test-window-search"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article-sort.h"
#include "cc-article.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-paced-selection.h"
#include "cc-scope.h"
#include "cc-source-list.h"
#include "cc-store.h"
#include "cc-story-list.h"
#include "cc-story.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-window.h"

#define SCHEMA_ID   "io.github.crosscheck.Crosscheck"
#define N_REPORTS   90
#define STORY_TITLE "Odd reports"

static char *tmpdir;

/* Titles that collate otherwise than their bytes sort. */
static const char * const title_words[] = { "Zebra", "émigrés", "Apple", "Éclair", "banana", "Ölberg" };

/* Report @i: "alpha" in every third, "bravo" in every fifth; three
 * reports a day, so that titles decide within a day. */
static gboolean has_alpha (guint i) { return i % 3 == 0; }
static gboolean has_bravo (guint i) { return i % 5 == 0; }
static gboolean is_odd (guint i) { return i % 2 == 1; }

static char *
report_title (guint i)
{
  return g_strdup_printf ("%s report %u", title_words[i % G_N_ELEMENTS (title_words)], i);
}

static char *
report_date (guint i)
{
  return g_strdup_printf ("2024-%02u-%02u", 1 + (i / 3) / 28, 1 + (i / 3) % 28);
}

static void
write_reports (const char *dir,
               gboolean    odd)
{
  g_autoptr(GString) meta = g_string_new ("[\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *meta_path = g_build_filename (dir, "meta.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < N_REPORTS; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *title = report_title (i);
      g_autofree char *date = report_date (i);
      g_autofree char *text = NULL;

      if (is_odd (i) != odd)
        continue;
      name = g_strdup_printf ("report-%03u.txt", i);
      path = g_build_filename (dir, name, NULL);
      text = g_strdup_printf ("%s\n\nReport number %u from the field.%s%s "
                              "Officials said 1,200 troops had arrived.\n",
                              title, i,
                              has_alpha (i) ? " The alpha brigade moved." : "",
                              has_bravo (i) ? " Bravo company stayed behind." : "");
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_string_append_printf (meta, "%s {\"file\": \"%s\", \"title\": \"%s\", \"published\": \"%s\"}\n",
                              meta->len > 2 ? "," : "", name, title, date);
    }
  g_string_append (meta, "]\n");
  g_file_set_contents (meta_path, meta->str, -1, &error);
  g_assert_no_error (error);
}

/* The numbers of the reports, as the list must show them: newest first,
 * then by title collated, then in the order they were stored. */
static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  guint i = *(const guint *)a, j = *(const guint *)b;
  g_autofree char *date_i = report_date (i);
  g_autofree char *date_j = report_date (j);
  g_autofree char *title_i = report_title (i);
  g_autofree char *title_j = report_title (j);
  int cmp;

  if ((cmp = strcmp (date_j, date_i)) != 0)
    return cmp;
  if ((cmp = g_utf8_collate (title_i, title_j)) != 0)
    return cmp;
  return (i > j) - (i < j);
}

typedef gboolean (*ReportTest) (guint i);

static GArray *
expected_reports (ReportTest first,
                  ReportTest second)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < N_REPORTS; i++)
    if ((first == NULL || first (i)) && (second == NULL || second (i)))
      g_array_append_val (numbers, i);
  g_array_sort (numbers, compare_reports);
  return numbers;
}

/* The report number an article of the list was made from. */
static guint
report_number (CcArticle *article)
{
  const char *title = cc_article_get_title (article);
  const char *number = strrchr (title, ' ');

  g_assert_nonnull (number);
  return (guint)g_ascii_strtoull (number + 1, NULL, 10);
}

typedef struct
{
  CcWindow *window;
  GArray   *expected;
} Want;

/* What the list view was told it shows, change by change. */
static struct
{
  GPtrArray *rows;
} shown;

static void
shown_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  g_assert_cmpuint (position + removed, <=, shown.rows->len);
  g_ptr_array_remove_range (shown.rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shown.rows, position + i, g_list_model_get_item (model, position + i));
}

static GListModel *
list_view_model (CcWindow *window)
{
  GtkListView *view = cc_test_find_one (cc_test_find_one (window, CC_TYPE_SOURCE_LIST),
                                        GTK_TYPE_LIST_VIEW);

  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static void
follow_list_view (CcWindow *window)
{
  GListModel *model = list_view_model (window);

  g_assert_true (CC_IS_PACED_SELECTION (model));
  shown.rows = g_ptr_array_new_with_free_func (g_object_unref);
  shown_items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (shown_items_changed_cb), NULL);
}

static gboolean
list_view_caught_up (gpointer data)
{
  return cc_paced_selection_get_pending (CC_PACED_SELECTION (list_view_model (data))) == 0;
}

/* The list view's rows, page by page after a change of them all, are
 * those of the selection, in order, with the same one selected; its
 * changes said so at each step. */
static void
assert_list_view_follows (CcWindow *window)
{
  GListModel *model = list_view_model (window);
  GListModel *list = G_LIST_MODEL (cc_window_get_selection (window));
  guint n_items = g_list_model_get_n_items (model);

  g_assert_cmpuint (n_items, <=, g_list_model_get_n_items (list));
  g_assert_cmpuint (shown.rows->len, ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_true (row == item);
      g_assert_true (g_ptr_array_index (shown.rows, i) == row);
      g_assert_cmpint (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), i), ==,
                       gtk_selection_model_is_selected (GTK_SELECTION_MODEL (list), i));
    }

  g_assert_true (cc_test_wait_until (list_view_caught_up, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_list_model_get_n_items (list));
  g_assert_cmpuint (shown.rows->len, ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < shown.rows->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_true (g_ptr_array_index (shown.rows, i) == item);
    }
}

static gboolean
list_shows (gpointer data)
{
  Want *want = data;
  GListModel *list = G_LIST_MODEL (cc_window_get_selection (want->window));

  if (cc_scope_get_searching (cc_window_get_scope (want->window)) ||
      g_list_model_get_n_items (list) != want->expected->len)
    return FALSE;
  for (guint i = 0; i < want->expected->len; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (list, i);

      if (report_number (article) != g_array_index (want->expected, guint, i))
        return FALSE;
    }
  return TRUE;
}

static void
assert_list_shows (CcWindow   *window,
                   ReportTest  first,
                   ReportTest  second)
{
  g_autoptr(GArray) expected = expected_reports (first, second);
  Want want = { window, expected };

  g_assert_cmpuint (expected->len, >, 0);
  if (!cc_test_wait_until (list_shows, &want))
    {
      GListModel *list = G_LIST_MODEL (cc_window_get_selection (window));

      g_test_message ("the list shows %u articles, %u expected",
                      g_list_model_get_n_items (list), expected->len);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CcArticle) article = g_list_model_get_item (list, i);

          g_test_message ("  %u: %s (%s)", i, cc_article_get_title (article),
                          cc_article_get_published (article));
        }
      g_assert_not_reached ();
    }
  assert_list_view_follows (window);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
query_is_alpha (gpointer data)
{
  return g_strcmp0 (cc_scope_get_query (data), "alpha") == 0;
}

/* Types @text at the end of the entry, a key at a time, each sooner
 * after the last than the entry waits before searching. */
static void
type_text (GtkEditable *entry,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      cc_test_settle (20);
    }
}

static CcStory *
find_story (CcLibrary  *library,
            const char *title)
{
  GListModel *stories = cc_library_get_stories (library);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (stories, i);

      if (g_strcmp0 (cc_story_get_title (story), title) == 0)
        return story;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
check_search (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcScope *scope = cc_window_get_scope (window);
  CcLibrary *library = cc_window_get_library (window);
  GtkEditable *entry = cc_test_find_one (cc_test_find_one (window, CC_TYPE_SOURCE_LIST),
                                         GTK_TYPE_SEARCH_ENTRY);
  CcStoryList *story_list = cc_test_find_one (window, CC_TYPE_STORY_LIST);
  CcStory *story = find_story (library, STORY_TITLE);

  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, N_REPORTS);
  follow_list_view (window);

  /* The whole library, sorted, once the titles' keys are made. */
  assert_list_shows (window, NULL, NULL);

  /* The index's answer as a set, which the search takes, holds the
   * ranked answer's ids and no other. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ranked = cc_store_search (cc_library_get_store (library), "alpha", &error);
    g_autoptr(CcIdSet) set = cc_store_search_set (cc_library_get_store (library), "alpha", &error);
    g_autoptr(GArray) expected = expected_reports (has_alpha, NULL);

    g_assert_no_error (error);
    g_assert_cmpuint (ranked->len, ==, expected->len);
    g_assert_cmpuint (cc_id_set_get_size (set), ==, expected->len);
    for (guint i = 0; i < ranked->len; i++)
      g_assert_true (cc_id_set_contains (set, g_array_index (ranked, gint64, i)));
  }

  /* A word typed a letter at a time: the search runs off the main
   * thread, and ends on the reports holding it. */
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  type_text (entry, "alpha");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "alpha");
  /* a slow machine may have searched for the first letters on the way,
   * which show the same reports: the whole word's search comes after */
  g_assert_true (cc_test_wait_until (query_is_alpha, scope));
  assert_list_shows (window, has_alpha, NULL);
  g_assert_cmpstr (cc_scope_get_query (scope), ==, "alpha");

  /* A query replaced before its answer comes: the later one wins. */
  cc_scope_set_query (scope, "bravo");
  g_assert_true (cc_scope_get_searching (scope));
  cc_scope_set_query (scope, "alpha bravo");
  assert_list_shows (window, has_alpha, has_bravo);
  gtk_editable_set_text (entry, "");
  assert_list_shows (window, NULL, NULL);

  /* A story chosen during a search: both hold. */
  type_text (entry, "bravo");
  assert_list_shows (window, has_bravo, NULL);
  cc_story_list_set_story (story_list, story);
  g_assert_true (cc_scope_get_story (scope) == story);
  assert_list_shows (window, has_bravo, is_odd);

  /* The search cleared in the story, then the story left. */
  gtk_editable_set_text (entry, "");
  assert_list_shows (window, is_odd, NULL);
  cc_story_list_set_story (story_list, NULL);
  assert_list_shows (window, NULL, NULL);

  g_signal_handlers_disconnect_by_func (list_view_model (window), shown_items_changed_cb, NULL);
  g_clear_pointer (&shown.rows, g_ptr_array_unref);

  /* A renamed article sorts by its new title: its key is made again. */
  {
    GListModel *list = G_LIST_MODEL (cc_window_get_selection (window));
    g_autoptr(CcArticle) first = g_list_model_get_item (list, 0);
    g_autoptr(CcArticle) second = g_list_model_get_item (list, 1);
    g_autofree char *title = g_strdup_printf ("%s %u", "Aardvark report", report_number (second));
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (cc_article_get_published (first), ==, cc_article_get_published (second));
    g_assert_cmpint (cc_compare_articles_newest_first (first, second, NULL), <, 0);
    cc_library_update_article (library, second, title, cc_article_get_outlet (second),
                               cc_article_get_url (second), cc_article_get_published (second),
                               &error);
    g_assert_no_error (error);
    g_assert_cmpint (cc_compare_articles_newest_first (first, second, NULL), >, 0);
  }
}

static void
test_window_search (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "search.db", NULL);
  g_autofree char *even = g_build_filename (tmpdir, "even", NULL);
  g_autofree char *odd = g_build_filename (tmpdir, "odd", NULL);

  g_settings_set_boolean (settings, "sample-offered", TRUE);
  write_reports (even, FALSE);
  write_reports (odd, TRUE);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", db_path, "import", even, NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", db_path, "import", "--story",
                                    STORY_TITLE, odd, NULL), ==, 0);

  cc_test_run_app (db_path, check_search);
}

int
main (int   argc,
      char *argv[])
{
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-window-search")))
    return 77;

  g_test_add_func ("/window/search", test_window_search);

  return cc_test_gui_run (tmpdir);
}
