/* test-chart-grouping.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Timeline groups its claims on a worker: shown, the page says it is
 * grouping, with an accessible name, and then draws the same statements
 * as a layout grouping the same claims on the main thread; a story chosen
 * while the grouping runs ends with the story's statements only. */

#define G_LOG_DOMAIN "test-chart-grouping"

#include "config.h"

#include <adwaita.h>

#include "cc-application.h"
#include "cc-chart-private.h"
#include "cc-chart-layout.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-story.h"
#include "cc-story-list.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-timeline-view.h"
#include "cc-window.h"

#define SCHEMA_ID "io.github.crosscheck.Crosscheck"
#define STORY     "Two articles"

static char *tmpdir;

static gboolean
has_claims (gpointer data)
{
  CcLibrary *library = cc_window_get_library (data);

  return g_list_model_get_n_items (G_LIST_MODEL (library)) == 5
         && g_list_model_get_n_items (cc_library_get_claims (library)) > 0;
}

/* A grouping started and not finished. */
static gboolean
grouping_runs (gpointer data)
{
  CcChart *chart = data;

  return chart->grouping != NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The statements of @layout, one line each: day, values, claimant,
 * sources and claim ids. */
static char *
describe (CcChartLayout *layout)
{
  GString *text = g_string_new (NULL);
  const CcChartPoint *points;
  guint n_points;

  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    {
      g_string_append_printf (text, "%d %g-%g %s ×%u:", points[i].day, points[i].low,
                              points[i].high, points[i].claimant ? points[i].claimant : "-",
                              points[i].n_sources);
      for (guint j = 0; j < points[i].claims->len; j++)
        g_string_append_printf (text, " %" G_GINT64_FORMAT,
                                cc_claim_get_id (g_ptr_array_index (points[i].claims, j)));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* What a layout of @story's claims (every claim for NULL) shows, grouped
 * on this thread. */
static char *
expected_statements (CcLibrary  *library,
                     CcStory    *story,
                     const char *subject)
{
  GListModel *claims = cc_library_get_claims (library);
  g_autoptr(GListStore) chosen = g_list_store_new (CC_TYPE_CLAIM);
  g_autoptr(CcChartLayout) layout = cc_chart_layout_new ();

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (story == NULL || cc_story_contains (story, cc_claim_get_article_id (claim)))
        g_list_store_append (chosen, claim);
    }
  cc_chart_layout_set_claims (layout, G_LIST_MODEL (chosen), library);
  cc_chart_layout_set_subject (layout, subject);
  return describe (layout);
}

typedef struct
{
  CcChart *chart;
  char    *expected;
} Wanted;

/* Grouped on the worker (asking for the statements would group them
 * here), and the same as expected. */
static gboolean
shows_expected (gpointer data)
{
  Wanted *wanted = data;
  CcChartLayout *layout = cc_chart_get_layout (wanted->chart);
  g_autofree char *shown = NULL;

  if (cc_chart_get_grouping (wanted->chart) || !cc_chart_layout_has_statements (layout))
    return FALSE;
  shown = describe (layout);
  return g_strcmp0 (shown, wanted->expected) == 0;
}

static void
check_grouping (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcLibrary *library;
  CcTimelineView *view;
  CcChart *chart;
  GtkWidget *spinner;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *no_label = NULL;
  CcStory *story;
  Wanted wanted;

  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (has_claims, window));
  library = cc_window_get_library (window);

  /* A story of two of the five articles. */
  story = cc_library_add_story (library, STORY, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (articles, g_list_model_get_item (G_LIST_MODEL (library), i));
  g_assert_true (cc_library_set_story_articles (library, story, articles, TRUE, &error));
  g_assert_no_error (error);

  /* Shown, the page groups every claim and says so meanwhile. */
  view = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  chart = cc_timeline_view_get_chart (view);
  spinner = cc_test_find_one (view, GTK_TYPE_SPINNER);
  g_assert_true (cc_chart_get_grouping (chart));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
  g_assert_true (cc_test_wait_until (is_mapped, chart));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (spinner)));
  no_label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Grouping claims…");
  g_assert_null (no_label);
  wanted.chart = chart;
  all = expected_statements (library, NULL, "troops");
  g_assert_cmpstr (all, !=, "");
  wanted.expected = all;
  g_assert_true (cc_test_wait_until (shows_expected, &wanted));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (spinner)));
  g_assert_cmpstr (cc_chart_layout_get_effective_subject (cc_chart_get_layout (chart)), ==, "troops");

  /* Another subject is grouped on the worker too. */
  cc_chart_layout_set_subject (cc_chart_get_layout (chart), "killed");
  g_assert_true (cc_chart_get_grouping (chart));
  wanted.expected = expected_statements (library, NULL, "killed");
  g_assert_true (cc_test_wait_until (shows_expected, &wanted));
  g_free (wanted.expected);
  cc_chart_layout_set_subject (cc_chart_get_layout (chart), NULL);
  wanted.expected = all;
  g_assert_true (cc_test_wait_until (shows_expected, &wanted));

  /* A story chosen while the grouping of a change runs: the chart ends
   * with the story's statements. */
  cc_chart_layout_set_subject (cc_chart_get_layout (chart), "troops");
  g_assert_true (cc_test_wait_until (grouping_runs, chart));
  cc_story_list_set_story (cc_test_find_one (window, CC_TYPE_STORY_LIST), story);
  wanted.expected = expected_statements (library, story, "troops");
  g_assert_cmpstr (wanted.expected, !=, all);
  g_assert_true (cc_test_wait_until (shows_expected, &wanted));
  g_free (wanted.expected);

  /* And back to every article. */
  cc_story_list_set_story (cc_test_find_one (window, CC_TYPE_STORY_LIST), NULL);
  wanted.expected = all;
  g_assert_true (cc_test_wait_until (shows_expected, &wanted));
  shown = describe (cc_chart_get_layout (chart));
  g_assert_cmpstr (shown, ==, all);
}

static void
test_chart_grouping (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "grouping.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", TRUE);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", db_path, "import",
                                    cc_test_sample_dir (), NULL), ==, 0);
  cc_test_run_app (db_path, check_grouping);
}

int
main (int   argc,
      char *argv[])
{
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-chart-grouping")))
    return 77;

  g_test_add_func ("/chart/grouping", test_chart_grouping);

  return cc_test_gui_run (tmpdir);
}
