/* test-chart-renderer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline as data: the sample is imported through the library as
 * the window does it, and the chart layout is read back as points,
 * days, values, series, ticks and legend, not pixels. Then the command
 * line draws it to PNG, SVG and PDF, and each file is read back. */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "cc-article.h"
#include "cc-chart-layout.h"
#include "cc-chart-renderer.h"
#include "cc-claim-match.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-palette.h"
#include "cc-store.h"
#include "cc-subject.h"
#include "cc-test-utils.h"

typedef struct
{
  char          *dir;
  char          *db;
  CcStore       *store;
  CcLibrary     *library;
  CcChartLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *paths[] = { cc_test_sample_dir (), NULL };
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cc-test-chart-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "library.db", NULL);
  f->store = cc_store_new (f->db, &error);
  g_assert_no_error (error);
  f->library = cc_library_new (f->store);
  g_assert_true (cc_library_load (f->library, &error));
  g_assert_no_error (error);

  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, >, 0);
  g_assert_cmpuint (report->n_refused, ==, 0);

  f->layout = cc_chart_layout_new ();
  cc_chart_layout_set_claims (f->layout, cc_library_get_claims (f->library), f->library);
  cc_chart_layout_set_size (f->layout, 1200, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->layout);
  g_clear_object (&f->library);
  g_clear_object (&f->store);
  cc_test_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Helpers reading the layout */

static int
claim_day (CcLibrary *library,
           CcClaim   *claim)
{
  int day = cc_chart_parse_day (cc_claim_get_event_date (claim));
  CcArticle *article;

  if (day != G_MININT)
    return day;
  article = cc_library_lookup_article (library, cc_claim_get_article_id (claim));
  g_assert_nonnull (article);
  return cc_chart_parse_day (cc_article_get_published (article));
}

static guint
count_articles (const CcChartPoint *point)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < point->claims->len; i++)
    {
      gint64 id = cc_claim_get_article_id (g_ptr_array_index (point->claims, i));

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return g_hash_table_size (ids);
}

static gboolean
rects_overlap (const CcChartRect *a,
               const CcChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static char *
claimant_key (const char *claimant)
{
  g_autoptr(CcClaimantKey) key = cc_claimant_key_new (claimant);

  return key ? g_strdup (cc_claimant_key_get_name (key)) : NULL;
}

static int
find_point (CcChartLayout *layout,
            const char    *claimant,
            double         value,
            int            day)
{
  g_autofree char *key = claimant_key (claimant);
  const CcChartPoint *points;
  guint n_points;

  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *other = claimant_key (points[i].claimant);

      if (g_strcmp0 (key, other) == 0 && points[i].low == value && points[i].high == value
          && points[i].day == day)
        return i;
    }
  return -1;
}

/* The groupings behind the points are cc-claim-match's, tested with the
 * clusters; the chart names them. */

static void
test_subject_labels (void)
{
  static const char * const keys[] = {
    "troops", "killed", "wounded", "captured", "casualties", "workers", "refugees",
    "protesters", "civilians",
  };
  g_autofree char *troops = cc_subject_class_label (cc_subject_class ("North Korean infantry troops",
                                                                      CC_CLAIM_STATUS_SENT));
  g_autofree char *own = cc_subject_class_label ("laborers");
  g_autofree char *none = cc_subject_class_label ("");

  g_assert_cmpstr (troops, ==, "Troops and forces");
  g_assert_cmpstr (own, ==, "Laborers");
  g_assert_cmpstr (none, ==, "Unspecified");

  /* Every class has a name of its own, not its key. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *label = cc_subject_class_label (keys[i]);

      g_assert_cmpstr (label, !=, keys[i]);
    }

  g_assert_cmpint (cc_chart_parse_day ("1970-01-01"), ==, 0);
  g_assert_cmpint (cc_chart_parse_day ("2024-10-18") - cc_chart_parse_day ("2024-09-30"), ==, 18);
  g_assert_cmpint (cc_chart_parse_day ("2024-02-30"), ==, G_MININT);
  g_assert_cmpint (cc_chart_parse_day ("18 Oct 2024"), ==, G_MININT);
}

/* /chart/sample: the deployment estimates, as the user meets them */

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  const CcChartPoint *points;
  const CcChartSeries *series;
  CcChartRect plot;
  guint n_points, n_series, n_claims = 0;
  double lowest = G_MAXDOUBLE, highest = 0;
  int october_first = cc_chart_parse_day ("2024-10-01");
  int october_last = cc_chart_parse_day ("2024-10-31");
  guint n_multi = 0, n_ranges = 0, n_hedged = 0, n_labelled = 0;
  double single_radius = 0, multi_radius = 0;
  int zelensky;

  /* The default subject is the one with most claims: the troops, in
   * whatever words the reports use. */
  g_assert_cmpstr (cc_chart_layout_get_effective_subject (f->layout), ==, "troops");
  g_assert_null (cc_chart_layout_get_subject (f->layout));

  points = cc_chart_layout_get_points (f->layout, &n_points);
  series = cc_chart_layout_get_series (f->layout, &n_series);
  plot = cc_chart_layout_get_plot_area (f->layout);
  g_assert_cmpuint (n_points, >=, 10);

  for (guint i = 0; i < n_points; i++)
    {
      const CcChartPoint *point = &points[i];
      gboolean any_hedged = FALSE, any_vague = FALSE;
      const char *country = NULL;

      n_claims += point->claims->len;
      g_assert_cmpuint (point->n_sources, ==, count_articles (point));
      g_assert_cmpuint (point->series, <, n_series);

      for (guint j = 0; j < point->claims->len; j++)
        {
          CcClaim *claim = g_ptr_array_index (point->claims, j);
          const char *subject = cc_subject_class (cc_claim_get_subject (claim),
                                                  cc_claim_get_status (claim));
          g_autofree char *key = claimant_key (cc_claim_get_claimant (claim));
          g_autofree char *point_key = claimant_key (point->claimant);

          /* Every claim of a point says the same: who, how many, when. */
          g_assert_cmpstr (subject, ==, "troops");
          g_assert_cmpstr (key, ==, point_key);
          g_assert_cmpfloat (cc_claim_get_low (claim), ==, point->low);
          g_assert_cmpint (claim_day (f->library, claim), ==, point->day);
          any_hedged |= cc_claim_get_hedged (claim);
          any_vague |= cc_claim_get_vague (claim);
          if (country == NULL)
            country = cc_claim_get_claimant_country (claim);
        }

      /* Colour by claimant country, hollow when hedged, bars for ranges. */
      g_assert_cmpstr (series[point->series].country, ==, country);
      g_assert_cmpstr (series[point->series].color, ==, cc_palette_country_color (country));
      g_assert_cmpint (point->hedged, ==, any_hedged);
      g_assert_cmpint (point->range, ==, (point->high > point->low || any_vague));

      /* Statements are in time order. */
      if (i > 0)
        g_assert_cmpint (points[i - 1].day, <=, point->day);

      g_assert_true (point->visible);
      g_assert_cmpfloat (point->x, >=, plot.x);
      g_assert_cmpfloat (point->x, <=, plot.x + plot.width);
      if (!point->off_scale)
        {
          g_assert_cmpfloat (point->y_high, >=, plot.y - 0.01);
          g_assert_cmpfloat (point->y_low, <=, plot.y + plot.height + 0.01);
        }
      if (point->range && !point->off_scale)
        {
          g_assert_cmpfloat (point->y_low, >, point->y_high + 5);
          n_ranges++;
        }

      n_hedged += point->hedged;
      n_labelled += point->labelled;
      if (point->n_sources > 1)
        {
          n_multi++;
          multi_radius = point->radius;
        }
      else
        single_radius = point->radius;

      /* The single estimates of deployment run from 1,500 to 12,000,
       * all in October 2024; larger figures (whole armies) go off the
       * linear scale. */
      g_assert_cmpint (point->day, >=, october_first);
      g_assert_cmpint (point->day, <=, october_last);
      if (!point->range && !point->off_scale)
        {
          lowest = MIN (lowest, point->low);
          highest = MAX (highest, point->high);
        }
      if (point->off_scale)
        g_assert_cmpfloat (point->low, >=, 100000);
    }

  g_assert_cmpfloat (lowest, ==, 1500);
  g_assert_cmpfloat (highest, ==, 12000);
  g_assert_cmpuint (n_ranges, >=, 2);
  g_assert_cmpuint (n_hedged, >=, 1);
  g_assert_cmpuint (n_multi, >=, 1);
  g_assert_cmpfloat (multi_radius, >, single_radius);
  g_assert_cmpuint (n_labelled, >=, n_points / 2);

  /* Fewer points than claims: the same statement in several articles,
   * or twice in one, is one point. Zelensky's 10,000 of 17 October is
   * in two articles, spelt two ways. */
  g_assert_cmpuint (n_claims, >, n_points);
  zelensky = find_point (f->layout, "Volodymyr Zelensky", 10000, cc_chart_parse_day ("2024-10-17"));
  g_assert_cmpint (zelensky, >=, 0);
  g_assert_cmpuint (points[zelensky].n_sources, ==, 2);
  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *key = claimant_key (points[i].claimant);

      for (guint j = i + 1; j < n_points && key != NULL; j++)
        {
          g_autofree char *other = claimant_key (points[j].claimant);

          g_assert_false (g_strcmp0 (key, other) == 0 && points[i].day == points[j].day
                          && points[i].low == points[j].low && points[i].high == points[j].high);
        }
    }

  /* The hit test and the claim lookup find the points again. */
  for (guint i = 0; i < n_points; i++)
    {
      int hit = cc_chart_layout_hit_point (f->layout, points[i].x, points[i].y);
      CcClaim *claim = g_ptr_array_index (points[i].claims, 0);

      g_assert_cmpint (hit, >=, 0);
      g_assert_cmpfloat (fabs (points[hit].x - points[i].x), <=, points[i].radius + 8);
      g_assert_cmpint (cc_chart_layout_find_claim (f->layout, cc_claim_get_id (claim)), ==, i);
    }
  g_assert_cmpint (cc_chart_layout_hit_point (f->layout, -100, -100), ==, -1);

  /* Keyboard order walks every shown point once. */
  {
    int at = cc_chart_layout_step (f->layout, -1, 1);
    guint walked = 1;

    g_assert_cmpint (at, ==, 0);
    while (cc_chart_layout_step (f->layout, at, 1) != at)
      {
        at = cc_chart_layout_step (f->layout, at, 1);
        walked++;
      }
    g_assert_cmpuint (walked, ==, n_points);
    g_assert_cmpint (cc_chart_layout_step (f->layout, -1, -1), ==, (int)n_points - 1);
  }
}

/* /chart/axes: ticks, separators, legend, at the sizes the window takes */

static void
check_axes_at (Fixture *f,
               double   width,
               double   height)
{
  const CcChartTick *ticks;
  const CcChartSeries *series;
  const CcChartPoint *points;
  CcChartRect plot;
  guint n_ticks, n_series, n_points, n_labelled = 0;
  gboolean saw_thousands = FALSE, saw_month = FALSE;
  int previous = G_MININT;

  cc_chart_layout_set_size (f->layout, width, height);
  plot = cc_chart_layout_get_plot_area (f->layout);
  g_assert_cmpfloat (plot.width, >, width * 0.7);
  g_assert_cmpfloat (plot.height, >, height * 0.45);

  ticks = cc_chart_layout_get_value_ticks (f->layout, &n_ticks);
  g_assert_cmpuint (n_ticks, >=, 3);
  g_assert_cmpuint (n_ticks, <=, 20);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *expected = cc_chart_format_count (ticks[i].value);

      g_assert_cmpstr (ticks[i].label, ==, expected);
      if (ticks[i].value >= 1000)
        saw_thousands |= strchr (ticks[i].label, ',') != NULL;
      g_assert_cmpfloat (ticks[i].position, >=, plot.y - 0.5);
      g_assert_cmpfloat (ticks[i].position, <=, plot.y + plot.height + 0.5);
    }
  /* The C locale of the tests has no separator; it stands for English. */
  g_assert_true (saw_thousands);

  ticks = cc_chart_layout_get_time_ticks (f->layout, &n_ticks);
  g_assert_cmpuint (n_ticks, >=, 4);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_assert_cmpfloat (ticks[i].position, >=, plot.x - 0.5);
      g_assert_cmpfloat (ticks[i].position, <=, plot.x + plot.width + 0.5);
      if (ticks[i].major)
        {
          saw_month |= strstr (ticks[i].label, "2024") != NULL;
          continue;
        }
      g_assert_cmpint ((int)ticks[i].value, >, previous);
      previous = (int)ticks[i].value;
    }
  g_assert_true (saw_month);

  /* Legend entries sit in the chart and apart. */
  series = cc_chart_layout_get_series (f->layout, &n_series);
  g_assert_cmpuint (n_series, >=, 3);
  for (guint i = 0; i < n_series; i++)
    {
      g_assert_cmpfloat (series[i].legend_rect.x + series[i].legend_rect.width, <=, width);
      g_assert_cmpfloat (series[i].legend_rect.y + series[i].legend_rect.height, <=, plot.y);
      for (guint j = i + 1; j < n_series; j++)
        g_assert_false (rects_overlap (&series[i].legend_rect, &series[j].legend_rect));
      g_assert_cmpint (cc_chart_layout_hit_legend (f->layout,
                                                   series[i].legend_rect.x + 2,
                                                   series[i].legend_rect.y + 2), ==, i);
    }

  /* Claimants are named beside their points, labels never overlap. */
  points = cc_chart_layout_get_points (f->layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    {
      if (!points[i].labelled)
        continue;
      n_labelled++;
      g_assert_cmpfloat (points[i].label_rect.x, >=, 0);
      g_assert_cmpfloat (points[i].label_rect.x + points[i].label_rect.width, <=, width);
      for (guint j = i + 1; j < n_points; j++)
        if (points[j].labelled)
          g_assert_false (rects_overlap (&points[i].label_rect, &points[j].label_rect));
    }
  g_assert_cmpuint (n_labelled, >=, width < 1000 ? 5 : 8);
}

static void
test_axes (Fixture       *f,
           gconstpointer  data)
{
  check_axes_at (f, 600, 400);
  check_axes_at (f, 1200, 700);
  check_axes_at (f, 1920, 1080);
}

/* /chart/filters: status, series, log scale, zoom */

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  const CcChartPoint *points;
  const CcChartSeries *series;
  guint n_points, n_series, n_all, n_visible;
  double start, end, window_start, window_end;
  gboolean any_off_scale = FALSE;
  g_auto(GStrv) subjects = NULL;

  points = cc_chart_layout_get_points (f->layout, &n_all);
  subjects = cc_chart_layout_dup_subjects (f->layout);
  g_assert_cmpstr (subjects[0], ==, "troops");
  g_assert_cmpuint (g_strv_length (subjects), >=, 2);

  /* A status narrows the points to claims of that status. */
  cc_chart_layout_set_status (f->layout, CC_CLAIM_STATUS_SENT);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  g_assert_cmpuint (n_points, >, 0);
  g_assert_cmpuint (n_points, <, n_all);
  for (guint i = 0; i < n_points; i++)
    for (guint j = 0; j < points[i].claims->len; j++)
      g_assert_cmpint (cc_claim_get_status (g_ptr_array_index (points[i].claims, j)), ==,
                       CC_CLAIM_STATUS_SENT);
  cc_chart_layout_set_status (f->layout, -1);

  /* Another subject shows other claims. */
  cc_chart_layout_set_subject (f->layout, subjects[1]);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  g_assert_cmpuint (n_points, >, 0);
  g_assert_cmpstr (cc_chart_layout_get_effective_subject (f->layout), ==, subjects[1]);
  cc_chart_layout_set_subject (f->layout, NULL);

  /* Hiding a series hides its points from drawing and from the mouse. */
  series = cc_chart_layout_get_series (f->layout, &n_series);
  cc_chart_layout_set_series_visible (f->layout, series[0].country, FALSE);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  series = cc_chart_layout_get_series (f->layout, &n_series);
  g_assert_false (series[0].visible);
  n_visible = 0;
  for (guint i = 0; i < n_points; i++)
    {
      g_assert_cmpint (points[i].visible, ==, points[i].series != 0);
      n_visible += points[i].visible;
      if (points[i].series == 0)
        g_assert_cmpint (cc_chart_layout_hit_point (f->layout, points[i].x, points[i].y), !=, (int)i);
    }
  g_assert_cmpuint (n_visible, ==, cc_chart_layout_count_visible (f->layout));
  g_assert_cmpuint (n_visible, <, n_points);
  cc_chart_layout_set_series_visible (f->layout, series[0].country, TRUE);
  g_assert_cmpuint (cc_chart_layout_count_visible (f->layout), ==, n_points);

  /* On a log scale nothing is off the scale, and the order of values
   * is kept. */
  points = cc_chart_layout_get_points (f->layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    any_off_scale |= points[i].off_scale;
  g_assert_true (any_off_scale);
  cc_chart_layout_set_log_scale (f->layout, TRUE);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    {
      g_assert_false (points[i].off_scale);
      for (guint j = 0; j < n_points; j++)
        if (points[i].low < points[j].low && !points[i].range && !points[j].range)
          g_assert_cmpfloat (points[i].y, >, points[j].y);
    }
  cc_chart_layout_set_log_scale (f->layout, FALSE);

  /* Zooming into the first half shows fewer points, wider apart. */
  cc_chart_layout_get_time_extent (f->layout, &start, &end);
  cc_chart_layout_set_time_window (f->layout, start, (start + end) / 2);
  g_assert_true (cc_chart_layout_is_zoomed (f->layout));
  cc_chart_layout_get_time_window (f->layout, &window_start, &window_end);
  g_assert_cmpfloat (window_end, <, end);
  n_visible = cc_chart_layout_count_visible (f->layout);
  g_assert_cmpuint (n_visible, >, 0);
  g_assert_cmpuint (n_visible, <, n_points);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    g_assert_cmpint (points[i].visible, ==, points[i].day <= window_end);
  cc_chart_layout_reset_time_window (f->layout);
  g_assert_cmpuint (cc_chart_layout_count_visible (f->layout), ==, n_points);
}

/* /chart/changes: the layout follows the library */

static void
changed_cb (CcChartLayout *layout,
            guint         *count)
{
  (*count)++;
}

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  const CcChartPoint *points;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) claim = NULL;
  guint n_points, n_changed = 0;
  int zelensky, index;
  int day = cc_chart_parse_day ("2024-10-17");

  g_signal_connect (f->layout, "changed", G_CALLBACK (changed_cb), &n_changed);

  zelensky = find_point (f->layout, "Volodymyr Zelensky", 10000, day);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  g_assert_cmpint (zelensky, >=, 0);
  g_assert_cmpuint (points[zelensky].n_sources, ==, 2);
  claim = g_object_ref (g_ptr_array_index (points[zelensky].claims, 0));

  /* Rejecting one article's claim leaves one source. */
  g_assert_true (cc_library_set_claim_rejected (f->library, claim, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, >=, 1);
  zelensky = find_point (f->layout, "Volodymyr Zelensky", 10000, day);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  g_assert_cmpint (zelensky, >=, 0);
  g_assert_cmpuint (points[zelensky].n_sources, ==, 1);
  g_assert_cmpint (cc_chart_layout_find_claim (f->layout, cc_claim_get_id (claim)), ==, -1);

  g_assert_true (cc_library_set_claim_rejected (f->library, claim, FALSE, &error));
  g_assert_no_error (error);
  zelensky = find_point (f->layout, "Volodymyr Zelensky", 10000, day);
  points = cc_chart_layout_get_points (f->layout, &n_points);
  g_assert_cmpuint (points[zelensky].n_sources, ==, 2);

  /* An edited figure moves the claim to a point of its own. */
  n_changed = 0;
  cc_claim_set_low (claim, 11500);
  cc_claim_set_high (claim, 11500);
  g_assert_true (cc_library_save_claim (f->library, claim, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, >=, 1);
  index = cc_chart_layout_find_claim (f->layout, cc_claim_get_id (claim));
  points = cc_chart_layout_get_points (f->layout, &n_points);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpfloat (points[index].low, ==, 11500);
  g_assert_cmpuint (points[index].n_sources, ==, 1);

  g_signal_handlers_disconnect_by_func (f->layout, changed_cb, &n_changed);
}

/* /chart/cli: `crosscheck chart` writes PNG, SVG and PDF */

static int
run_cli (const char  *db,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("CROSSCHECK_BINARY"));
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, (char *)db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (argv->pdata[0]);
  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static void
check_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  const guint32 *data;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  /* Not blank: the palette's colours and text make many distinct pixels. */
  data = (const guint32 *)(gpointer)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      g_hash_table_add (colors, GUINT_TO_POINTER (data[y * stride + x]));
  g_assert_cmpuint (g_hash_table_size (colors), >, 50);

  cairo_surface_destroy (surface);
}

static void
check_svg (const char *path)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlNodePtr root;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *)root->name, ==, "svg");
  g_assert_nonnull (root->children);
  xmlFreeDoc (doc);
}

static void
check_pdf (const char *path,
           double      width,
           double      height)
{
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double page_width, page_height;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  uri = g_filename_to_uri (path, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &page_width, &page_height);
  g_assert_cmpfloat (fabs (page_width - width), <, 1);
  g_assert_cmpfloat (fabs (page_height - height), <, 1);

  /* The text is real text: axis labels and claimants can be found. */
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "12,000"));
  g_assert_nonnull (strstr (text, "2024"));

  g_object_unref (page);
  g_object_unref (document);
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-test-chart-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *small = g_build_filename (dir, "small.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (db, NULL, "import", cc_test_sample_dir (), NULL), ==, 0);

  g_assert_cmpint (run_cli (db, NULL, "chart", "--output", png, "--width", "1000",
                            "--height", "640", NULL), ==, 0);
  check_png (png, 1000, 640);
  g_assert_cmpint (run_cli (db, NULL, "chart", "--output", small, "--width=600", "--height=400",
                            "--subject", "soldiers", NULL), ==, 0);
  check_png (small, 600, 400);
  g_assert_cmpint (run_cli (db, NULL, "chart", "--output", small, "--status", "sent", "--log",
                            NULL), ==, 0);
  check_png (small, 1200, 700);
  g_assert_cmpint (run_cli (db, &err, "chart", "--output", small, "--status", "marching", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "marching"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (db, NULL, "chart", "--output", svg, NULL), ==, 0);
  check_svg (svg);

  g_assert_cmpint (run_cli (db, NULL, "chart", "--output", pdf, "--width", "842",
                            "--height", "595", NULL), ==, 0);
  check_pdf (pdf, 842, 595);

  /* Usage errors say what is wrong; a file that cannot be written is
   * named. */
  g_assert_cmpint (run_cli (db, &err, "chart", "--output", bad, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "chart.gif"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &err, "chart", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &err, "chart", "--output", png, "--width", "ten", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--width"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &err, "chart", "--output", nowhere, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "chart.png"));

  cc_test_remove_tree (dir);
}

/* /chart/render: the renderer draws what the layout says */

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CcChartRenderer) renderer = cc_chart_renderer_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
  const CcChartPoint *points;
  const CcChartSeries *series;
  const guint32 *pixels;
  guint n_points, n_series;
  int stride;
  cairo_t *cr;

  cc_chart_layout_set_size (f->layout, 800, 500);
  cr = cairo_create (surface);
  cc_chart_renderer_draw (renderer, f->layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* A solid single-source point shows its series colour at its centre. */
  points = cc_chart_layout_get_points (f->layout, &n_points);
  series = cc_chart_layout_get_series (f->layout, &n_series);
  pixels = (const guint32 *)(gpointer)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (guint i = 0; i < n_points; i++)
    {
      guint32 pixel;
      guint nearest = 0;
      double best = G_MAXDOUBLE;

      if (points[i].range || points[i].hedged || points[i].off_scale)
        continue;

      /* Lines and other marks shade it a little; its own colour stays
       * nearest of the series'. */
      pixel = pixels[(int)points[i].y * stride + (int)points[i].x];
      for (guint s = 0; s < n_series; s++)
        {
          double rgb[3], distance = 0;

          cc_palette_parse (series[s].color, rgb);
          for (guint c = 0; c < 3; c++)
            {
              double channel = ((pixel >> (16 - 8 * c)) & 0xff) / 255.0;

              distance += (channel - rgb[c]) * (channel - rgb[c]);
            }
          if (distance < best)
            {
              best = distance;
              nearest = s;
            }
        }
      g_assert_cmpuint (nearest, ==, points[i].series);
      g_assert_cmpfloat (best, <, 0.02);
    }

  cairo_surface_destroy (surface);
}

/* /chart/crowd: thousands of statements go through the raster path,
 * which must draw what the vector path draws */

static void
test_crowd (void)
{
  static const char * const countries[] = { "Ukraine", "Russia", "NATO", NULL };
  g_autoptr(GListStore) store = g_list_store_new (CC_TYPE_CLAIM);
  g_autoptr(CcChartLayout) layout = cc_chart_layout_new ();
  g_autoptr(CcChartRenderer) renderer = cc_chart_renderer_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  const CcChartPoint *points;
  const CcChartSeries *series;
  const guint32 *pixels;
  guint n_points, n_series, n_checked = 0;
  int stride;
  cairo_t *cr;

  for (guint i = 0; i < 6000; i++)
    {
      g_autoptr(CcClaim) claim = cc_claim_new ();
      g_autofree char *date = g_strdup_printf ("2024-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1, 29));
      g_autofree char *claimant = g_strdup_printf ("Claimant %u", g_rand_int_range (rand, 0, 50));
      double value = 100 * g_rand_int_range (rand, 1, 200);

      cc_claim_set_id (claim, i + 1);
      cc_claim_set_article_id (claim, 1 + i / 10);
      cc_claim_set_low (claim, value);
      cc_claim_set_high (claim, i % 7 == 0 ? value * 2 : value);
      cc_claim_set_subject (claim, "troops");
      cc_claim_set_claimant (claim, claimant);
      cc_claim_set_claimant_country (claim, countries[i % G_N_ELEMENTS (countries)]);
      cc_claim_set_event_date (claim, date);
      g_list_store_append (store, claim);
    }

  cc_chart_layout_set_claims (layout, G_LIST_MODEL (store), NULL);
  cc_chart_layout_set_size (layout, 1600, 900);
  g_assert_cmpuint (cc_chart_layout_count_visible (layout), >, 3000);

  cr = cairo_create (surface);
  cc_chart_renderer_draw (renderer, layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* A statement no later mark or bar covers shows its own colour. */
  points = cc_chart_layout_get_points (layout, &n_points);
  series = cc_chart_layout_get_series (layout, &n_series);
  pixels = (const guint32 *)(gpointer)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (guint i = n_points; i-- > 0 && n_checked < 50;)
    {
      double rgb[3];
      guint32 pixel;
      gboolean covered = FALSE;

      if (points[i].range || points[i].hedged || !points[i].visible)
        continue;
      for (guint j = i + 1; j < n_points && !covered; j++)
        covered = points[j].visible && fabs (points[j].x - points[i].x) < 6
                  && points[i].y > points[j].y_high - 6 && points[i].y < points[j].y_low + 6;
      if (covered)
        continue;

      cc_palette_parse (series[points[i].series].color, rgb);
      pixel = pixels[(int)floor (points[i].y) * stride + (int)floor (points[i].x)];
      g_assert_cmpint (ABS ((int)((pixel >> 16) & 0xff) - (int)(rgb[0] * 255)), <, 40);
      g_assert_cmpint (ABS ((int)((pixel >> 8) & 0xff) - (int)(rgb[1] * 255)), <, 40);
      g_assert_cmpint (ABS ((int)(pixel & 0xff) - (int)(rgb[2] * 255)), <, 40);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 10);

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/subject-labels", test_subject_labels);
  g_test_add ("/chart/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/chart/axes", Fixture, NULL, fixture_set_up, test_axes, fixture_tear_down);
  g_test_add ("/chart/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/chart/changes", Fixture, NULL, fixture_set_up, test_changes, fixture_tear_down);
  g_test_add ("/chart/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add_func ("/chart/cli", test_cli);
  g_test_add_func ("/chart/crowd", test_crowd);

  return g_test_run ();
}
