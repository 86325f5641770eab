/* bench-chart.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the timeline on a large story: N synthetic claims (100,000
 * by default) by a few hundred claimants of eight countries over a
 * year. It prints the time to group the claims into statements (once
 * per change of the claims), then the time of a frame while the user
 * pans and zooms: the geometry for the new time window and the whole
 * drawing, at 1920×1080. The window keeps to 60 frames a second if a
 * frame takes under 16 ms.
 *
 *   bench-chart [CLAIMS] [FRAMES]
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "cc-chart-layout.h"
#include "cc-chart-renderer.h"
#include "cc-claim.h"

#define WIDTH  1920
#define HEIGHT 1080

static const char * const countries[] = {
  "Ukraine", "South Korea", "United States", "NATO", "Russia", "North Korea", "Europe", NULL,
};

/* CPU time of this thread: on a busy machine the wall clock also counts
 * the time other processes had the processor. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GListModel *
make_claims (guint n_claims)
{
  GListStore *store = g_list_store_new (CC_TYPE_CLAIM);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);

  for (guint i = 0; i < n_claims; i++)
    {
      CcClaim *claim = cc_claim_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (start, g_rand_int_range (rand, 0, 366));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *claimant = g_strdup_printf ("Claimant %u", g_rand_int_range (rand, 0, 400));
      /* Two significant figures, as reports round: many repeats. */
      double value = pow (10, g_rand_double_range (rand, 2, 4.7));
      double magnitude = pow (10, floor (log10 (value)) - 1);

      value = round (value / magnitude) * magnitude;
      cc_claim_set_id (claim, i + 1);
      cc_claim_set_article_id (claim, 1 + i / 20);
      cc_claim_set_low (claim, value);
      cc_claim_set_high (claim, g_rand_int_range (rand, 0, 100) < 15 ? value * 3 : value);
      cc_claim_set_hedged (claim, g_rand_int_range (rand, 0, 100) < 10);
      cc_claim_set_subject (claim, g_rand_boolean (rand) ? "troops" : "soldiers");
      cc_claim_set_status (claim, CC_CLAIM_STATUS_DEPLOYED);
      cc_claim_set_claimant (claim, claimant);
      cc_claim_set_claimant_country (claim, countries[g_rand_int_range (rand, 0,
                                                                         G_N_ELEMENTS (countries))]);
      cc_claim_set_event_date (claim, date);
      g_ptr_array_add (claims, claim);
    }

  g_list_store_splice (store, 0, 0, claims->pdata, claims->len);
  return G_LIST_MODEL (store);
}

int
main (int   argc,
      char *argv[])
{
  guint n_claims = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  guint n_frames = argc > 2 ? (guint)atoi (argv[2]) : 60;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(CcChartLayout) layout = NULL;
  g_autoptr(CcChartRenderer) renderer = NULL;
  cairo_surface_t *surface;
  double start, end, group_ms, group_cpu, worst = 0, total = 0, worst_cpu = 0, total_cpu = 0;
  guint n_points;
  gint64 t;
  double c, track_cpu;

  claims = make_claims (n_claims);
  layout = cc_chart_layout_new ();
  renderer = cc_chart_renderer_new ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  t = g_get_monotonic_time ();
  c = cpu_ms ();
  cc_chart_layout_set_claims (layout, claims, NULL);
  track_cpu = cpu_ms () - c;
  cc_chart_layout_set_size (layout, WIDTH, HEIGHT);
  cc_chart_layout_get_points (layout, &n_points);
  group_ms = (g_get_monotonic_time () - t) / 1000.0;
  group_cpu = cpu_ms () - c;
  cc_chart_layout_get_time_extent (layout, &start, &end);

  /* One frame untimed, so that fonts and stamps are loaded. */
  {
    cairo_t *cr = cairo_create (surface);

    cc_chart_renderer_draw (renderer, layout, cr);
    cairo_destroy (cr);
  }

  /* Zoom in from the whole year to a month and pan across: every frame
   * has a new time window, so the geometry is recomputed each time. */
  for (guint i = 0; i < n_frames; i++)
    {
      double f = (double)i / MAX (n_frames - 1, 1);
      double span = (end - start) * (1 - 0.9 * f);
      double left = start + (end - start - span) * f;
      cairo_t *cr;
      double ms;

      t = g_get_monotonic_time ();
      c = cpu_ms ();
      cc_chart_layout_set_time_window (layout, left, left + span);
      cr = cairo_create (surface);
      cc_chart_renderer_draw (renderer, layout, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      c = cpu_ms () - c;

      total += ms;
      worst = MAX (worst, ms);
      total_cpu += c;
      worst_cpu = MAX (worst_cpu, c);
    }

  g_print ("%u claims, %u statements\n", n_claims, n_points);
  g_print ("grouping: %.1f ms CPU (%.1f of it taking the model), %.1f ms wall "
           "(on a change of the claims)\n", group_cpu, track_cpu, group_ms);
  g_print ("frame at %dx%d: %.2f ms mean, %.2f ms worst CPU time over %u frames "
           "(target < 16 ms)\n", WIDTH, HEIGHT, total_cpu / n_frames, worst_cpu, n_frames);
  g_print ("frame wall clock: %.2f ms mean, %.2f ms worst (includes other processes' turns)\n",
           total / n_frames, worst);

  if (g_getenv ("BENCH_CHART_PNG"))
    cairo_surface_write_to_png (surface, g_getenv ("BENCH_CHART_PNG"));
  cairo_surface_destroy (surface);

  return 0;
}
