/* test-chart.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the application on the sample and uses the Timeline page as a
 * user would: click a statement and land on its claim in the reader,
 * come back with win.show-on-chart, walk the statements with the keys,
 * toggle a series from the legend, zoom, filter, export. Screenshots
 * of the page at a large and a small size are saved for people to look
 * at. */

#define G_LOG_DOMAIN "test-chart"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-chart.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-reader.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-timeline-view.h"
#include "cc-window.h"

#define SCHEMA_ID "io.github.crosscheck.Crosscheck"

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

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthData;

static gboolean
has_width (gpointer data)
{
  WidthData *wait = data;

  return ABS (gtk_widget_get_width (wait->widget) - wait->width) < 40;
}

/* The statement carried by most articles, the earliest on a tie. */
static int
most_carried (CcChartLayout *layout)
{
  const CcChartPoint *points;
  guint n_points;
  int best = -1;

  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    if (points[i].visible && points[i].claimant != NULL
        && (best < 0 || points[i].n_sources > points[best].n_sources))
      best = i;
  return best;
}

static gboolean
point_has_claim (const CcChartPoint *point,
                 CcClaim            *claim)
{
  for (guint i = 0; i < point->claims->len; i++)
    if (g_ptr_array_index (point->claims, i) == (gpointer)claim)
      return TRUE;
  return FALSE;
}

static gpointer
find_action_button (GtkWidget  *view,
                    const char *action_name)
{
  g_autoptr(GPtrArray) found = cc_test_find_all (view, GTK_TYPE_BUTTON);

  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (found, i)), action_name) == 0)
      return g_ptr_array_index (found, i);

  g_assert_not_reached ();
  return NULL;
}

/* Whether the chart's own drawing has a dark background, read at its
 * top right corner, where nothing but the background is drawn. */
static gboolean
is_dark (GtkWidget *chart)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (chart);
  int height = gtk_widget_get_height (chart);
  guint32 pixel = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (chart)),
                                         node, &GRAPHENE_RECT_INIT (width - 4, 2, 1, 1));
  gdk_texture_download (texture, (guchar *)&pixel, 4);
  return ((pixel >> 16) & 0xff) < 128 && ((pixel >> 8) & 0xff) < 128 && (pixel & 0xff) < 128;
}

static void
check_accessible (GtkWidget *view)
{
  static GType types[3];
  g_autoptr(GString) missing = g_string_new (NULL);

  types[0] = GTK_TYPE_BUTTON;
  types[1] = GTK_TYPE_MENU_BUTTON;
  types[2] = CC_TYPE_CHART;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GPtrArray) found = cc_test_find_all (view, types[t]);

      for (guint i = 0; i < found->len; i++)
        {
          GtkWidget *widget = g_ptr_array_index (found, i);

          gboolean labelled = GTK_IS_BUTTON (widget)
                              && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL
                              && gtk_button_get_label (GTK_BUTTON (widget)) != NULL;

          /* A menu button's inner toggle is named by the menu button; a
           * button showing text is named by it. */
          if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) || labelled)
            continue;
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_string_append_printf (missing, " %s", G_OBJECT_TYPE_NAME (widget));
          if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
            g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
        }
    }

  g_assert_cmpstr (missing->str, ==, "");
  g_assert_true (gtk_widget_get_focusable (cc_test_find_one (view, CC_TYPE_CHART)));
}

static void
check_timeline (CcApplication *app)
{
  CcWindow *window = NULL;
  AdwViewStack *views;
  CcTimelineView *view;
  CcChart *chart;
  CcChartLayout *layout;
  CcReader *reader;
  CcClaim *current;
  const CcChartPoint *points;
  const CcChartSeries *series;
  GtkMenuButton *subject_button;
  GtkMenuButton *status_button;
  GtkToggleButton *log_button;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *png = g_build_filename (tmpdir, "export.png", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "export.pdf", NULL);
  g_autoptr(GError) error = NULL;
  WidthData wait_width;
  guint n_points, n_series;
  gint64 claim_id;
  int index, next;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (import_finished, window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  /* The Timeline page, as the view switcher shows it. */
  views = cc_test_find_one (window, ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (adw_view_stack_get_child_by_name (views, "timeline"));
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (
                     views, adw_view_stack_get_child_by_name (views, "timeline"))), ==, "Timeline");
  adw_view_stack_set_visible_child_name (views, "timeline");
  view = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  chart = cc_timeline_view_get_chart (view);
  g_assert_true (cc_test_wait_until (is_mapped, chart));
  cc_test_settle (300);
  check_accessible (GTK_WIDGET (view));

  /* By default the troops: the subject with most claims, whatever the
   * words, and the subject button says so. */
  layout = cc_chart_get_layout (chart);
  g_assert_cmpstr (cc_chart_layout_get_effective_subject (layout), ==, "troops");
  found = cc_test_find_all (view, GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (found->len, >=, 3);
  subject_button = g_ptr_array_index (found, 0);
  status_button = g_ptr_array_index (found, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (subject_button), ==, "Troops and forces");
  g_assert_cmpstr (gtk_menu_button_get_label (status_button), ==, "All Statuses");

  points = cc_chart_layout_get_points (layout, &n_points);
  g_assert_cmpuint (n_points, >=, 10);
  g_assert_cmpuint (cc_chart_layout_count_visible (layout), ==, n_points);
  /* The import's toast goes away after a few seconds: let it, so that
   * the picture shows the whole chart. */
  cc_test_settle (6000);
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "timeline.png");

  /* In the dark style the chart follows the theme: a dark background,
   * light text. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  cc_test_settle (500);
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "timeline-dark.png");
  g_assert_true (is_dark (GTK_WIDGET (chart)));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  cc_test_settle (500);
  g_assert_false (is_dark (GTK_WIDGET (chart)));

  /* Hovering tells who, how many, when, where. (A change of style
   * measures the text again: the statements are laid out anew.) */
  points = cc_chart_layout_get_points (layout, &n_points);
  index = most_carried (layout);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (points[index].n_sources, >=, 2);
  summary = cc_chart_dup_summary (chart, index, TRUE);
  g_assert_nonnull (strstr (summary, points[index].claimant));
  g_assert_nonnull (strstr (summary, "sources"));
  g_assert_nonnull (strstr (summary, "October 2024"));

  /* A click on the statement opens its claim in the reader. */
  cc_chart_activate_at (chart, points[index].x, points[index].y);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "read");
  reader = cc_test_find_one (window, CC_TYPE_READER);
  current = cc_reader_get_current_claim (reader);
  g_assert_nonnull (current);
  points = cc_chart_layout_get_points (layout, &n_points);
  g_assert_true (point_has_claim (&points[index], current));
  g_assert_cmpint (cc_article_get_id (cc_reader_get_article (reader)), ==,
                   cc_claim_get_article_id (current));
  claim_id = cc_claim_get_id (current);

  /* "Show on Chart" comes back to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-on-chart", "x",
                                             claim_id));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "timeline");
  g_assert_cmpint (cc_chart_get_selected (chart), ==, index);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chart)));

  /* The arrow keys' actions walk the statements in time order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next", NULL));
  next = cc_chart_get_selected (chart);
  g_assert_cmpint (next, ==, cc_chart_layout_step (layout, index, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.first", NULL));
  g_assert_cmpint (cc_chart_get_selected (chart), ==, 0);

  /* A click on a legend entry hides its series, another shows it. */
  series = cc_chart_layout_get_series (layout, &n_series);
  cc_chart_activate_at (chart, series[0].legend_rect.x + 4,
                        series[0].legend_rect.y + series[0].legend_rect.height / 2);
  series = cc_chart_layout_get_series (layout, &n_series);
  g_assert_false (series[0].visible);
  g_assert_cmpuint (cc_chart_layout_count_visible (layout), <, n_points);
  cc_chart_activate_at (chart, series[0].legend_rect.x + 4,
                        series[0].legend_rect.y + series[0].legend_rect.height / 2);
  series = cc_chart_layout_get_series (layout, &n_series);
  g_assert_true (series[0].visible);

  /* Zoom and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL));
  g_assert_true (cc_chart_layout_is_zoomed (layout));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-reset", NULL));
  g_assert_false (cc_chart_layout_is_zoomed (layout));

  /* Filters, from their menus: a status, another subject, and the log
   * scale toggle. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.status", "i",
                                             CC_CLAIM_STATUS_SENT));
  g_assert_cmpint (cc_chart_layout_get_status (layout), ==, CC_CLAIM_STATUS_SENT);
  g_assert_cmpstr (gtk_menu_button_get_label (status_button), ==, "Sent");
  cc_chart_layout_get_points (layout, &n_points);
  g_assert_cmpuint (n_points, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.status", "i", -1));
  g_assert_cmpint (cc_chart_layout_get_status (layout), ==, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.subject", "s", "killed"));
  g_assert_cmpstr (cc_chart_layout_get_effective_subject (layout), ==, "killed");
  g_assert_cmpstr (gtk_menu_button_get_label (subject_button), ==, "Killed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.subject", "s", "troops"));
  g_assert_cmpstr (cc_chart_layout_get_effective_subject (layout), ==, "troops");
  log_button = find_action_button (GTK_WIDGET (view), "timeline.log-scale");
  g_assert_false (gtk_toggle_button_get_active (log_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.log-scale", NULL));
  g_assert_true (cc_chart_layout_get_log_scale (layout));
  g_assert_true (gtk_toggle_button_get_active (log_button));
  cc_test_settle (500);
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "timeline-log.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.log-scale", NULL));
  g_assert_false (cc_chart_layout_get_log_scale (layout));

  /* Export as shown. */
  g_assert_true (cc_timeline_view_export (view, png, &error));
  g_assert_no_error (error);
  g_assert_true (cc_timeline_view_export (view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_false (cc_timeline_view_export (view, "/nonexistent/folder/chart.png", &error));
  g_assert_nonnull (strstr (error->message, "chart.png"));

  /* Readable small and large: screenshots to look at. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 520);
  wait_width.widget = GTK_WIDGET (window);
  wait_width.width = 640;
  g_assert_true (cc_test_wait_until (has_width, &wait_width));
  /* Folded, the window shows the list; Show on Chart brings the chart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-on-chart", "x",
                                             claim_id));
  cc_test_settle (500);
  g_test_message ("Chart at %d×%d", gtk_widget_get_width (GTK_WIDGET (chart)),
                  gtk_widget_get_height (GTK_WIDGET (chart)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "timeline-small.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  wait_width.width = 1920;
  cc_test_wait_until (has_width, &wait_width);
  cc_test_settle (300);
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "timeline-large.png");
  g_test_message ("Chart at %d×%d", gtk_widget_get_width (GTK_WIDGET (chart)),
                  gtk_widget_get_height (GTK_WIDGET (chart)));
}

static void
test_timeline_sample (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "timeline.db", NULL);

  /* The first run imports the sample by itself. */
  g_settings_set_boolean (settings, "sample-offered", FALSE);

  cc_test_run_app (db_path, check_timeline);
}

int
main (int   argc,
      char *argv[])
{
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-chart")))
    return 77;

  g_test_add_func ("/chart/timeline", test_timeline_sample);

  return cc_test_gui_run (tmpdir);
}
