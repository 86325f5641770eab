/* cc-chart-layout-axes.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart's axes: the value range, linear with a band for figures off
 * its scale or logarithmic, with round ticks; the days, with ticks a day,
 * a week, a month or a year apart as the zoom allows, and the months or
 * years named under them. */

#define G_LOG_DOMAIN "cc-chart-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cc-chart-layout-private.h"

/* A value ten times all but a quarter of the others goes off scale. */
#define OFF_SCALE_RATIO  10.0
#define OFF_SCALE_SHARE  0.25
#define HISTOGRAM_BINS   200

static double
nice_step (double raw)
{
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 2.5)
    return 2.5 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* log10 to within 0.03, without libm: it runs on every statement in
 * view on every frame, and only sorts values into bins a decade apart
 * at the finest. */
static inline double
fast_log10 (double value)
{
  int exponent;
  double mantissa = frexp (value, &exponent);

  /* mantissa is in [0.5, 1): log2 (2 m) ≈ 2 m − 1 on [1, 2). */
  return (exponent - 1 + (2 * mantissa - 1)) * G_LOG_2_BASE_10;
}

/* Values off the scale: a gap of ten times or more in the values, with
 * at most a quarter of the statements above it, as when a report gives
 * the size of a whole army among estimates of one deployment. A
 * histogram of log values finds it in one pass. */
static double
find_cut (CcChartLayout *self,
          double         lo,
          double         hi)
{
  guint bins[HISTOGRAM_BINS] = { 0, };
  double log_lo, log_hi, width;
  guint n = 0;
  guint above = 0;
  guint empty_run = 0;

  if (lo <= 0)
    lo = 1;
  if (hi / lo < OFF_SCALE_RATIO)
    return G_MAXDOUBLE;

  log_lo = fast_log10 (lo);
  log_hi = fast_log10 (hi) + 1e-9;
  width = (log_hi - log_lo) / HISTOGRAM_BINS;

  for (guint i = self->shown_first; i < self->shown_last; i++)
    {
      CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);
      int bin;

      if (!point->visible)
        continue;
      bin = (int)((fast_log10 (MAX (point->high, 1)) - log_lo) / width);
      bins[CLAMP (bin, 0, HISTOGRAM_BINS - 1)]++;
      n++;
    }

  if (n < 4)
    return G_MAXDOUBLE;

  for (int bin = HISTOGRAM_BINS - 1; bin >= 0; bin--)
    {
      if (bins[bin] == 0)
        {
          empty_run++;
          continue;
        }

      /* Values in this bin and below are on the scale if the gap above
       * them spans a factor of OFF_SCALE_RATIO. */
      if (above > 0 && empty_run * width >= log10 (OFF_SCALE_RATIO) - width)
        {
          /* Cut in the middle of the gap, far from any value whatever
           * fast_log10's error. */
          return pow (10, log_lo + (bin + 1 + empty_run / 2.0) * width);
        }

      above += bins[bin];
      empty_run = 0;
      if (above > n * OFF_SCALE_SHARE)
        break;
    }

  return G_MAXDOUBLE;
}

static void
add_tick (GArray     *ticks,
          double      value,
          double      position,
          char       *label,
          gboolean    major)
{
  CcChartTick tick = { value, position, label, major };

  g_array_append_val (ticks, tick);
}

gboolean
_cc_chart_layout_compute_value_axis (CcChartLayout *self,
                    double         lo,
                    double         hi)
{
  double max_in_scale = 0;
  gboolean any_off_scale = FALSE;

  self->cut = G_MAXDOUBLE;
  if (hi <= 0)
    {
      lo = 1;
      hi = 10;
    }

  if (self->log_scale)
    {
      double log_lo, log_hi, pad;

      /* The axis spans the data with a little room, not whole decades:
       * 150 to 1,280,000 would otherwise take 100 to 10,000,000. */
      lo = MAX (lo, 1);
      log_lo = log10 (lo);
      log_hi = log10 (MAX (hi, lo));
      pad = MAX (0.05, (log_hi - log_lo) * 0.04);
      self->y_min = MAX (0, log_lo - pad);
      self->y_max = log_hi + pad;
      if (self->y_max - self->y_min < 1)
        {
          double middle = (self->y_min + self->y_max) / 2;

          self->y_min = MAX (0, middle - 0.5);
          self->y_max = self->y_min + 1;
        }
      return FALSE;
    }

  self->cut = find_cut (self, lo, hi);
  if (self->cut == G_MAXDOUBLE)
    max_in_scale = hi;
  else
    for (guint i = self->shown_first; i < self->shown_last; i++)
      {
        CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);

        point->off_scale = point->visible && point->high > self->cut;
        any_off_scale |= point->off_scale;
        if (point->visible && !point->off_scale)
          max_in_scale = MAX (max_in_scale, point->high);
      }

  self->y_min = 0;
  self->y_max = MAX (max_in_scale, 1) * 1.08;
  return any_off_scale;
}

void
_cc_chart_layout_compute_value_ticks (CcChartLayout *self)
{
  double target = MAX (2, self->plot.height / 56);

  g_array_set_size (self->value_ticks, 0);

  if (self->log_scale)
    {
      double span = self->y_max - self->y_min;
      /* Less than two decades may hold one power of ten: 2 and 5 too. */
      gboolean fine = span < 2 || (span <= 3 && self->plot.height / span > 120);

      for (double decade = floor (self->y_min); decade <= self->y_max + 1e-9; decade++)
        {
          static const double steps[] = { 1, 2, 5 };

          for (guint i = 0; i < (fine ? G_N_ELEMENTS (steps) : 1); i++)
            {
              double value = steps[i] * pow (10, decade);
              double log_value = log10 (value);

              if (log_value < self->y_min - 1e-9)
                continue;
              if (log_value > self->y_max + 1e-9)
                break;
              add_tick (self->value_ticks, value, cc_chart_layout_value_to_y (self, value),
                        cc_chart_format_count (value), i == 0);
            }
        }
    }
  else
    {
      double step = nice_step ((self->y_max - self->y_min) / target);

      /* A count of people has no fractional ticks. */
      step = MAX (step, 1);
      self->y_max = ceil (self->y_max / step) * step;
      for (double value = self->y_min; value <= self->y_max + step * 1e-6; value += step)
        add_tick (self->value_ticks, value, 0, cc_chart_format_count (value), TRUE);
    }
}

static char *
format_date (int         day,
             const char *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc ((gint64)day * 86400);

  return date ? g_strstrip (g_date_time_format (date, format)) : g_strdup ("");
}

static int
positive_mod (int a,
              int b)
{
  return ((a % b) + b) % b;
}

/* Howard Hinnant's inverse of days_from_civil(), without allocating a
 * GDateTime for each day of the axis. */
static void
civil_from_days (int  day,
                 int *year,
                 int *month,
                 int *mday)
{
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *mday = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

/* The second row names the months (or years) under the day (or month)
 * ticks, each at its start, the first one at the left edge. A name
 * pushed into the next one gives way to it. */
static void
add_period_labels (CcChartLayout *self,
                   PangoLayout   *text,
                   int            first,
                   int            last,
                   gboolean       years)
{
  double previous_end = -G_MAXDOUBLE;
  int previous = -1;

  for (int day = first; day <= last; day++)
    {
      int year, month, mday;
      double x, width;
      char *label;

      civil_from_days (day, &year, &month, &mday);
      if (day != first && !(mday == 1 && (!years || month == 1)))
        continue;

      if (years)
        label = g_strdup_printf ("%d", year);
      else
        /* Translators: a month and year under the chart's day ticks; see strftime(3) */
        label = format_date (day, C_("chart month", "%B %Y"));
      x = MAX (cc_chart_layout_day_to_x (self, day - 0.5), self->plot.x);
      _cc_chart_layout_measure (text, label, &width, NULL);

      if (previous >= 0 && x < previous_end + 8)
        g_array_remove_index (self->time_ticks, previous);
      add_tick (self->time_ticks, day, x, label, TRUE);
      previous = self->time_ticks->len - 1;
      previous_end = x + width;
    }
}

void
_cc_chart_layout_compute_time_ticks (CcChartLayout *self)
{
  static const int day_steps[] = { 1, 2, 7, 14 };
  static const int month_steps[] = { 1, 2, 3, 6 };
  g_autoptr(PangoLayout) text = _cc_chart_layout_new_text (self, 0.9, FALSE);
  double span = MAX (self->window_end - self->window_start, 1e-3);
  double px_per_day = self->plot.width / span;
  double day_label, month_label;
  int first = (int)ceil (self->window_start);
  int last = (int)floor (self->window_end);
  int step_days = 0;
  int step_months = 0;

  g_array_set_size (self->time_ticks, 0);
  /* More days than any zoom shows: nothing sensible to tick. */
  if (last - first > 400000)
    return;

  _cc_chart_layout_measure (text, "28", &day_label, NULL);
  _cc_chart_layout_measure (text, "Sep", &month_label, NULL);
  day_label += 14;
  month_label += 14;

  for (guint i = 0; i < G_N_ELEMENTS (day_steps) && step_days == 0; i++)
    if (day_steps[i] * px_per_day >= day_label)
      step_days = day_steps[i];
  for (guint i = 0; i < G_N_ELEMENTS (month_steps) && step_days == 0 && step_months == 0; i++)
    if (month_steps[i] * 30.4 * px_per_day >= month_label)
      step_months = month_steps[i];
  if (step_days == 0 && step_months == 0)
    step_months = 12 * (int)nice_step (MAX (1, month_label / (365.25 * px_per_day)));

  for (int day = first; day <= last; day++)
    {
      int year, month, mday;
      char *label;

      civil_from_days (day, &year, &month, &mday);

      if (step_days > 0)
        {
          /* Weeks start on Mondays; 1970-01-05 was one. */
          if (positive_mod (step_days >= 7 ? day - 4 : day, step_days) != 0)
            continue;
          label = g_strdup_printf ("%d", mday);
        }
      else
        {
          if (mday != 1 || positive_mod (year * 12 + month - 1, step_months) != 0)
            continue;
          if (step_months < 12)
            /* Translators: a month on the chart's time axis; see strftime(3) */
            label = format_date (day, C_("chart month tick", "%b"));
          else
            label = g_strdup_printf ("%d", year);
        }

      add_tick (self->time_ticks, day, cc_chart_layout_day_to_x (self, day), label, FALSE);
    }

  if (step_months < 12)
    add_period_labels (self, text, first, last, step_days == 0);
}
