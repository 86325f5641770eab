/* test-compare.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the application on the sample and uses the Compare page as a
 * user would: Ctrl-click three articles, click a row of the claim
 * matrix, and find every column scrolled to its mention. Also the limit
 * of four articles, scrolling together, and a screenshot to look at. */

#define G_LOG_DOMAIN "test-compare"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-compare-column.h"
#include "cc-compare-view.h"
#include "cc-library.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-window.h"

#define SCHEMA_ID "io.github.crosscheck.Crosscheck"
#define N_CHOSEN 3

static char *tmpdir;

static gboolean
import_finished (gpointer data)
{
  CcWindow *window = data;

  return !cc_window_get_importing (window)
         && g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (window))) > 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The cluster carried by the most articles of the whole library: its
 * articles are the ones to compare. */
static CcCluster *
widest_cluster (CcClusterSet *set)
{
  CcCluster *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (best == NULL || cc_cluster_get_n_sources (cluster) > cc_cluster_get_n_sources (best))
        best = cluster;
    }

  return best;
}

static guint
position_of_article (GListModel *model,
                     gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (model, i);

      if (cc_article_get_id (article) == id)
        return i;
    }

  g_assert_not_reached ();
  return 0;
}

typedef struct
{
  CcCompareView *view;
  guint          n_columns;
} ColumnsData;

static gboolean
has_columns (gpointer data)
{
  ColumnsData *columns = data;

  return cc_compare_view_get_columns (columns->view)->len == columns->n_columns;
}

/* A click on a row of a list: plain, or with Ctrl held (@modify). */
static void
click_row (GtkListView *list_view,
           guint        position,
           gboolean     modify)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.select-item", "(ubb)",
                                             position, modify, FALSE));
}

static gpointer
find_with_class (gpointer    widget,
                 GType       type,
                 const char *css_class)
{
  g_autoptr(GPtrArray) found = cc_test_find_all (widget, type);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (found, i), css_class))
      return g_ptr_array_index (found, i);

  g_assert_not_reached ();
  return NULL;
}

static void
assert_mention_visible (CcCompareColumn *column)
{
  GtkTextView *view = cc_compare_column_get_text_view (column);
  GtkTextMark *mark = cc_compare_column_get_mention_mark (column);
  GdkRectangle visible, location;
  GtkTextIter iter;

  g_assert_nonnull (mark);
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (view), &iter, mark);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);

  g_test_message ("mention at y=%d, visible %d…%d", location.y, visible.y,
                  visible.y + visible.height);
  g_assert_cmpint (visible.height, >, 0);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
}

static gboolean
not_importing (gpointer data)
{
  return !cc_window_get_importing (data);
}

/* A reprint of @original_id imported and compared with it: its column
 * says it repeats the original, which counts as the one source. */
static void
check_reprint (CcWindow      *window,
               CcCompareView *view,
               GtkListView   *picker,
               gint64         original_id)
{
  CcLibrary *library = cc_window_get_library (window);
  CcArticle *original = cc_library_lookup_article (library, original_id);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (picker));
  g_autofree char *folder = g_build_filename (tmpdir, "reprint", NULL);
  g_autofree char *path = g_build_filename (folder, "reprint.txt", NULL);
  g_autofree char *text = NULL;
  const char *paths[] = { folder, NULL };
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (library));
  CcArticle *copy = NULL;
  GPtrArray *columns;

  g_assert_nonnull (original);
  /* A headline of its own, the same body, a line of its own at the end. */
  text = g_strconcat ("Seoul says Pyongyang shipped troops\n\n", cc_article_get_text (original),
                      "\n\nDistributed by a news agency.\n", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  cc_window_import (window, paths);
  g_assert_true (cc_test_wait_until (not_importing, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_before + 1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)) && !copy; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (g_strcmp0 (cc_article_get_source_file (article), path) == 0)
        copy = article;
    }
  g_assert_nonnull (copy);

  click_row (picker, position_of_article (model, original_id), FALSE);
  click_row (picker, position_of_article (model, cc_article_get_id (copy)), TRUE);
  cc_test_settle (200);

  columns = cc_compare_view_get_columns (view);
  g_assert_cmpuint (columns->len, ==, 2);
  for (guint i = 0; i < columns->len; i++)
    {
      CcCompareColumn *column = g_ptr_array_index (columns, i);

      if (cc_compare_column_get_article (column) == copy)
        g_assert_nonnull (strstr (cc_compare_column_get_note (column),
                                  cc_article_get_title (original)));
      else
        g_assert_null (cc_compare_column_get_note (column));
    }
  g_assert_cmpint (cc_cluster_set_get_origin (cc_compare_view_get_clusters (view),
                                              cc_article_get_id (copy)), ==, original_id);
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "compare-reprint.png");
}

/* An article where sources give many different figures, imported and
 * compared with another: a claim many others contradict names the
 * nearest in its warning's tooltip and counts the rest. */
static void
check_many_conflicts (CcWindow      *window,
                      CcCompareView *view,
                      GtkListView   *picker)
{
  CcLibrary *library = cc_window_get_library (window);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (picker));
  g_autofree char *folder = g_build_filename (tmpdir, "figures", NULL);
  g_autofree char *path = g_build_filename (folder, "figures.txt", NULL);
  g_autoptr(GString) text = g_string_new ("Troop numbers disputed\n\n");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) icons = NULL;
  const char *paths[] = { folder, NULL };
  CcClusterSet *shown;
  CcArticle *figures = NULL;
  guint n_more = 0;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "Agency %c%u said %u,%03u North Korean troops were sent "
                            "to Kursk.\n\n", 'A' + i % 26, i, (1000 + 10 * i) / 1000,
                            (1000 + 10 * i) % 1000);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  cc_window_import (window, paths);
  g_assert_true (cc_test_wait_until (not_importing, window));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)) && !figures; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (g_strcmp0 (cc_article_get_source_file (article), path) == 0)
        figures = article;
    }
  g_assert_nonnull (figures);

  click_row (picker, position_of_article (model, cc_article_get_id (figures)), FALSE);
  {
    g_autoptr(CcArticle) first = g_list_model_get_item (model, 0);

    click_row (picker, first == figures ? 1 : 0, TRUE);
  }
  cc_test_settle (300);
  shown = cc_compare_view_get_clusters (view);
  g_assert_nonnull (shown);

  /* What the tooltip of each capped claim ends with. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shown)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (shown), i);
      guint n_listed;

      cc_cluster_get_conflicts (cluster, &n_listed);
      if (cc_cluster_get_n_conflicts (cluster) > n_listed)
        {
          guint more = cc_cluster_get_n_conflicts (cluster) - n_listed;

          g_hash_table_add (expected, g_strdup_printf ("\n• and %u more claim%s", more,
                                                       more == 1 ? "" : "s"));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);

  icons = cc_test_find_all (view, GTK_TYPE_IMAGE);
  for (guint i = 0; i < icons->len; i++)
    {
      GtkWidget *icon = g_ptr_array_index (icons, i);
      const char *tooltip = gtk_widget_get_tooltip_text (icon);
      const char *more;
      guint n_lines = 0;

      if (!gtk_widget_has_css_class (icon, "conflict-icon") || !gtk_widget_get_visible (icon) ||
          tooltip == NULL || !(more = strstr (tooltip, "\n• and ")))
        continue;
      for (const char *p = tooltip; (p = strstr (p, "\n• ")); p++)
        n_lines++;
      g_assert_cmpuint (n_lines, ==, CC_CLUSTER_MAX_LISTED_CONFLICTS + 1);
      g_assert_true (g_hash_table_contains (expected, more));
      n_more++;
    }
  g_test_message ("%u tooltips count more conflicts", n_more);
  g_assert_cmpuint (n_more, >, 0);
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "compare-conflicts.png");
}

static void
check_compare (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcLibrary *library;
  CcCompareView *view;
  AdwViewStack *views;
  GtkListView *picker;
  GtkListView *matrix_list;
  GListModel *picker_model;
  CcClusterSet *shown;
  GPtrArray *columns;
  GtkAdjustment *lead;
  CcCompareColumn *first;
  g_autoptr(CcClusterSet) all = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) badges = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  CcCluster *widest, *row = NULL;
  ColumnsData wait_columns;
  guint n_scrolled = 0, n_single = 0, n_badges = 0, n_warnings = 0;
  double share, lead_range;

  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (import_finished, window));
  library = cc_window_get_library (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);

  /* The Compare page, as the view switcher shows it. */
  views = cc_test_find_one (window, ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (adw_view_stack_get_child_by_name (views, "compare"));
  adw_view_stack_set_visible_child_name (views, "compare");
  view = cc_test_find_one (window, CC_TYPE_COMPARE_VIEW);
  g_assert_true (cc_test_wait_until (is_mapped, view));

  /* The articles of the statement the most sources carry. */
  all = cc_cluster_set_new_for_library (library);
  widest = widest_cluster (all);
  g_assert_nonnull (widest);
  g_assert_cmpuint (cc_cluster_get_n_sources (widest), >=, N_CHOSEN);
  for (guint i = 0; i < cc_cluster_get_n_mentions (widest) && ids->len < N_CHOSEN; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (cc_cluster_get_mentions (widest), i);
      gint64 id = cc_claim_get_article_id (claim);

      if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != id)
        g_array_append_val (ids, id);
    }
  g_assert_cmpuint (ids->len, ==, N_CHOSEN);

  /* Click one, Ctrl-click the others. */
  picker = find_with_class (view, GTK_TYPE_LIST_VIEW, "compare-picker");
  picker_model = G_LIST_MODEL (gtk_list_view_get_model (picker));
  g_assert_cmpuint (g_list_model_get_n_items (picker_model), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (library)));
  for (guint i = 0; i < ids->len; i++)
    click_row (picker, position_of_article (picker_model, g_array_index (ids, gint64, i)), i > 0);

  wait_columns.view = view;
  wait_columns.n_columns = N_CHOSEN;
  g_assert_true (cc_test_wait_until (has_columns, &wait_columns));
  columns = cc_compare_view_get_columns (view);
  shown = cc_compare_view_get_clusters (view);
  g_assert_nonnull (shown);
  cc_test_settle (300);

  /* The same statement is a row of the matrix, carried in every column. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shown)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (shown), i);
      gboolean everywhere = TRUE;

      for (guint j = 0; j < columns->len; j++)
        {
          CcArticle *article = cc_compare_column_get_article (g_ptr_array_index (columns, j));

          everywhere = everywhere &&
                       cc_cluster_get_mention_in (cluster, cc_article_get_id (article)) != NULL;
        }
      if (row == NULL && everywhere && cc_cluster_get_low (cluster) == cc_cluster_get_low (widest))
        row = cluster;
      if (cc_cluster_get_n_sources (cluster) == 1)
        n_single++;
    }
  g_assert_nonnull (row);

  /* Claims from one source stand out with a badge. */
  badges = cc_test_find_all (view, GTK_TYPE_LABEL);
  for (guint i = 0; i < badges->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (badges, i);

      if (gtk_widget_has_css_class (label, "single-source-badge") && gtk_widget_get_visible (label))
        n_badges++;
    }
  g_test_message ("%u single-source clusters, %u badges shown", n_single, n_badges);
  g_assert_cmpuint (n_badges > 0, ==, n_single > 0);
  g_assert_cmpuint (n_badges, <=, n_single);

  /* Click the row. */
  matrix_list = cc_test_find_one (cc_test_find_one (view, GTK_TYPE_COLUMN_VIEW),
                                  GTK_TYPE_LIST_VIEW);
  click_row (matrix_list, cc_cluster_get_id (row) - 1, FALSE);
  cc_test_settle (500);

  for (guint i = 0; i < columns->len; i++)
    {
      CcCompareColumn *column = g_ptr_array_index (columns, i);

      assert_mention_visible (column);
      if (gtk_adjustment_get_value (cc_compare_column_get_vadjustment (column)) > 0)
        n_scrolled++;
    }
  /* Some mention was below the first screen: the columns did move. */
  g_assert_cmpuint (n_scrolled, >, 0);

  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "compare.png");

  /* Scrolling together: the column with the focus leads, the others
   * follow by the same share of their length. */
  g_assert_false (cc_compare_view_get_scroll_together (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.scroll-together", NULL));
  g_assert_true (cc_compare_view_get_scroll_together (view));
  first = g_ptr_array_index (columns, 0);
  gtk_widget_grab_focus (GTK_WIDGET (cc_compare_column_get_text_view (first)));
  lead = cc_compare_column_get_vadjustment (first);
  lead_range = gtk_adjustment_get_upper (lead) - gtk_adjustment_get_page_size (lead);
  g_assert_cmpfloat (lead_range, >, 0);
  gtk_adjustment_set_value (lead, 0);
  gtk_adjustment_set_value (lead, lead_range / 2);
  share = gtk_adjustment_get_value (lead) / lead_range;
  for (guint i = 1; i < columns->len; i++)
    {
      GtkAdjustment *other = cc_compare_column_get_vadjustment (g_ptr_array_index (columns, i));
      double range = gtk_adjustment_get_upper (other) - gtk_adjustment_get_page_size (other);

      if (range > 0)
        g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (other) / range, share, 0.01);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.scroll-together", NULL));
  g_assert_false (cc_compare_view_get_scroll_together (view));

  /* Four at most: with more chosen, the first four show and a warning
   * says why the rest do not. */
  for (guint i = 0; i < g_list_model_get_n_items (picker_model); i++)
    if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (picker_model), i))
      click_row (picker, i, TRUE);
  cc_test_settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (picker_model), >, CC_COMPARE_VIEW_MAX_ARTICLES);
  g_assert_cmpuint (cc_compare_view_get_columns (view)->len, ==, CC_COMPARE_VIEW_MAX_ARTICLES);
  labels = cc_test_find_all (view, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "warning") &&
        gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      n_warnings++;
  g_assert_cmpuint (n_warnings, ==, 1);

  /* Back to one article: nothing to compare. */
  click_row (picker, 0, FALSE);
  cc_test_settle (100);
  g_assert_null (cc_compare_view_get_clusters (view));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (matrix_list)));
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "compare-one.png");

  check_reprint (window, view, picker, g_array_index (ids, gint64, 0));
  check_many_conflicts (window, view, picker);
}

static void
test_compare_sample (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "compare.db", NULL);

  /* The first run imports the sample by itself. */
  g_settings_set_boolean (settings, "sample-offered", FALSE);

  cc_test_run_app (db_path, check_compare);
}

int
main (int   argc,
      char *argv[])
{
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-compare")))
    return 77;

  g_test_add_func ("/compare/sample", test_compare_sample);

  return cc_test_gui_run (tmpdir);
}
