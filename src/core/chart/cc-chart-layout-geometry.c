/* cc-chart-layout-geometry.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The size-dependent half of the chart layout: margins, axes, ticks,
 * where each statement sits, which ones get a label, the legend. It runs
 * on every zoom step, so it stays linear in the statements and measures
 * only a bounded number of texts. */

#define G_LOG_DOMAIN "cc-chart-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cc-chart-layout-private.h"

#define PAD              8.0
#define LEGEND_SWATCH    10.0
#define LEGEND_GAP       16.0
#define OVER_BAND        30.0
/* Beyond this many statements in view, labels would be noise. */
#define MAX_LABELLED     400

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Box;

void
_cc_chart_layout_measure (PangoLayout *layout,
                          const char  *text,
                          double      *width,
                          double      *height)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

static gboolean
boxes_overlap (const CcChartRect *a,
               const CcChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_inside (const CcChartRect *inner,
            const CcChartRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

/* Legend: one entry per series, then a key to the marks, wrapped into
 * rows across the top. */
static double
layout_legend (CcChartLayout *self,
               double         top)
{
  g_autoptr(PangoLayout) text = _cc_chart_layout_new_text (self, 0.9, FALSE);
  double x = PAD;
  double row_height = self->font_height + 4;
  double y = top;
  double right = self->width - PAD;
  guint n_entries = self->series->len + N_KEYS;

  if (self->series->len == 0)
    {
      memset (self->key_rects, 0, sizeof self->key_rects);
      return top;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      CcChartRect *rect;
      g_autofree char *label = NULL;
      double width;

      if (i < self->series->len)
        {
          CcChartSeries *series = &g_array_index (self->series, CcChartSeries, i);

          rect = &series->legend_rect;
          label = g_strdup (series->label);
        }
      else
        {
          rect = &self->key_rects[i - self->series->len];
          label = _cc_chart_layout_key_label (i - self->series->len);
        }

      _cc_chart_layout_measure (text, label, &width, NULL);
      width += LEGEND_SWATCH + 6 + (i == self->series->len + KEY_SOURCES ? 3 : 0);
      if (x > PAD && x + width > right)
        {
          x = PAD;
          y += row_height;
        }

      rect->x = x;
      rect->y = y;
      rect->width = width;
      rect->height = row_height;
      x += width + LEGEND_GAP;
    }

  return y + row_height;
}

char *
_cc_chart_layout_key_label (KeyItem item)
{
  switch (item)
    {
    case KEY_HEDGED:
      return g_strdup (_("Hedged"));
    case KEY_RANGE:
      return g_strdup (_("Range or vague"));
    case KEY_SOURCES:
      return g_strdup (_("Larger: more sources"));
    case N_KEYS:
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

static void
compute_extent (CcChartLayout *self)
{
  int first, last;
  double pad;

  if (self->points->len > 0)
    {
      /* Statements are in time order. */
      first = g_array_index (self->points, CcChartPoint, 0).day;
      last = g_array_index (self->points, CcChartPoint, self->points->len - 1).day;
    }
  else
    {
      /* Nothing to show: a month up to today keeps the axis sane. */
      last = (int)(g_get_real_time () / G_USEC_PER_SEC / 86400);
      first = last - 30;
    }

  pad = MAX (1.0, (last - first) * 0.04);
  self->extent_start = first - pad;
  self->extent_end = last + pad;

  if (!self->zoomed)
    {
      self->window_start = self->extent_start;
      self->window_end = self->extent_end;
    }
}

/* The first statement on or after @day: statements are in time order. */
static guint
bisect_day (CcChartLayout *self,
            double         day)
{
  guint lo = 0;
  guint hi = self->points->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->points, CcChartPoint, mid).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Marks the statements of the time window in shown series visible, and
 * the rest not; only the window and what left it are visited, so a
 * zoomed-in frame costs what it shows. */
static void
update_visible (CcChartLayout *self,
                double        *lo,
                double        *hi)
{
  guint first = bisect_day (self, self->window_start);
  guint last = bisect_day (self, floor (self->window_end) + 1);

  for (guint i = self->shown_first; i < self->shown_last; i++)
    if (i < first || i >= last)
      g_array_index (self->points, CcChartPoint, i).visible = FALSE;

  *lo = G_MAXDOUBLE;
  *hi = 0;
  self->n_visible = 0;
  for (guint i = first; i < last; i++)
    {
      CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);

      point->visible = g_array_index (self->series, CcChartSeries, point->series).visible;
      point->off_scale = FALSE;
      point->labelled = FALSE;
      if (!point->visible)
        continue;
      self->n_visible++;
      *lo = MIN (*lo, point->low);
      *hi = MAX (*hi, point->high);
    }

  self->shown_first = first;
  self->shown_last = last;
}

/* Two claimants giving the same figure on the same day would hide one
 * another: set them side by side within their day. Points are sorted
 * by day and value, so ties are neighbours. */
static void
spread_ties (CcChartLayout *self)
{
  double day_width = self->plot.width / MAX (self->window_end - self->window_start, 1e-3);
  guint first = self->shown_first;

  if (self->shown_first >= self->shown_last)
    return;

  for (guint i = first + 1; i <= self->shown_last; i++)
    {
      CcChartPoint *start = &g_array_index (self->points, CcChartPoint, first);
      CcChartPoint *point = i < self->shown_last
                            ? &g_array_index (self->points, CcChartPoint, i) : NULL;
      double radius = 0;
      double spacing;
      guint n;

      if (point != NULL && point->day == start->day && point->low == start->low
          && point->high == start->high && point->visible && start->visible
          && point->off_scale == start->off_scale)
        continue;

      n = i - first;
      if (n > 1)
        {
          for (guint j = first; j < i; j++)
            radius = MAX (radius, g_array_index (self->points, CcChartPoint, j).radius);
          spacing = MIN (2 * radius + 2, day_width * 0.8 / (n - 1));
          for (guint j = first; j < i; j++)
            g_array_index (self->points, CcChartPoint, j).x += (j - first - (n - 1) / 2.0) * spacing;
        }
      first = i;
    }
}

static void
place_points (CcChartLayout *self,
              guint          n_visible)
{
  double base = CLAMP (MIN (self->plot.width, self->plot.height) / 90, 3.5, 6.5);
  double over_y = self->over_band.y + self->over_band.height / 2 + 4;
  double x_scale, y_scale, y_floor, bottom;

  /* Crowds of statements get smaller marks so that they stay apart. */
  if (n_visible > 1000)
    base = MAX (1.5, base * sqrt (1000.0 / n_visible));

  /* This loop runs for every statement on every zoom step: the axis
   * mappings are written out rather than called. */
  x_scale = self->plot.width / (self->window_end - self->window_start);
  y_scale = self->plot.height / (self->y_max - self->y_min);
  y_floor = self->log_scale ? pow (10, self->y_min) : -G_MAXDOUBLE;
  bottom = self->plot.y + self->plot.height;

  for (guint i = self->shown_first; i < self->shown_last; i++)
    {
      CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);

      if (!point->visible)
        continue;
      point->x = self->plot.x + (point->day - self->window_start) * x_scale;
      point->radius = point->n_sources == 1 ? base : base * MIN (sqrt (point->n_sources), 3);
      if (point->off_scale)
        {
          point->y = point->y_low = point->y_high = over_y;
          continue;
        }
      if (self->log_scale)
        {
          point->y_low = bottom - (log10 (MAX (point->low, y_floor)) - self->y_min) * y_scale;
          point->y_high = point->high == point->low ? point->y_low
                        : bottom - (log10 (MAX (point->high, y_floor)) - self->y_min) * y_scale;
        }
      else
        {
          point->y_low = bottom - (point->low - self->y_min) * y_scale;
          point->y_high = bottom - (point->high - self->y_min) * y_scale;
        }
      /* The middle of a bar, by eye: halfway on screen. */
      point->y = (point->y_low + point->y_high) / 2;
    }

  spread_ties (self);
}

static int
compare_label_priority (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  GArray *points = data;
  const CcChartPoint *pa = &g_array_index (points, CcChartPoint, *(const guint *)a);
  const CcChartPoint *pb = &g_array_index (points, CcChartPoint, *(const guint *)b);

  if (pa->n_sources != pb->n_sources)
    return pa->n_sources > pb->n_sources ? -1 : 1;
  if (pa->day != pb->day)
    return pa->day > pb->day ? -1 : 1;
  return 0;
}

/* How much nearer a label is to its own mark than to any other: a label
 * standing as close to another statement reads as that one's. */
#define LABEL_CLEARANCE 6

static gboolean
try_label (CcChartLayout *self,
           guint          index,
           double         w,
           double         h,
           GArray        *placed,
           GArray        *marks,
           GArray        *owners)
{
  CcChartPoint *point = &g_array_index (self->points, CcChartPoint, index);
  CcChartRect own = { point->x - point->radius, point->y_high - point->radius,
                      2 * point->radius, point->y_low - point->y_high + 2 * point->radius };
  CcChartRect area = self->plot;
  double r = point->radius + 3;
  CcChartRect candidates[4] = {
    { point->x + r, point->y - h / 2, w, h },
    { point->x - r - w, point->y - h / 2, w, h },
    { point->x - w / 2, point->y - (point->y - point->y_high) - r - h, w, h },
    { point->x - w / 2, point->y + (point->y_low - point->y) + r, w, h },
  };

  if (point->off_scale)
    {
      area.y = self->over_band.y;
      area.height += self->over_band.height;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      gboolean free = box_inside (&candidates[c], &area);

      for (guint i = 0; free && i < placed->len; i++)
        free = !boxes_overlap (&candidates[c], &g_array_index (placed, CcChartRect, i));
      for (guint i = 0; free && i < marks->len; i++)
        {
          CcChartRect mark = g_array_index (marks, CcChartRect, i);

          /* Marks drawn over this one's, and the markers of the band
           * above the scale, sit too close to keep a label from; others
           * keep their distance. */
          if (g_array_index (owners, guint, i) != index && !point->off_scale
              && !boxes_overlap (&mark, &own))
            {
              mark.x -= LABEL_CLEARANCE;
              mark.y -= LABEL_CLEARANCE;
              mark.width += 2 * LABEL_CLEARANCE;
              mark.height += 2 * LABEL_CLEARANCE;
            }
          free = !boxes_overlap (&candidates[c], &mark);
        }

      if (free)
        {
          point->label_rect = candidates[c];
          point->labelled = TRUE;
          g_array_append_val (placed, candidates[c]);
          return TRUE;
        }
    }

  return FALSE;
}

/* Greedy label placement: statements carried by more sources first,
 * each claimant named once before any is named twice. A statement off
 * the scale is labelled with its value instead, the axis not giving it. */
static void
place_labels (CcChartLayout *self,
              guint          n_visible)
{
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) placed = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) owners = NULL;
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(PangoLayout) text = NULL;

  if (n_visible == 0 || n_visible > MAX_LABELLED)
    return;

  text = _cc_chart_layout_new_text (self, 0.85, FALSE);

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_visible);
  marks = g_array_sized_new (FALSE, FALSE, sizeof (CcChartRect), n_visible);
  owners = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_visible);
  placed = g_array_new (FALSE, FALSE, sizeof (CcChartRect));
  named = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->points->len; i++)
    {
      CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);
      CcChartRect mark = { point->x - point->radius, point->y_high - point->radius,
                           2 * point->radius, point->y_low - point->y_high + 2 * point->radius };

      if (!point->visible)
        continue;
      g_array_append_val (marks, mark);
      g_array_append_val (owners, i);
      if (point->off_scale || point->label != NULL)
        g_array_append_val (order, i);
    }

  g_array_sort_with_data (order, compare_label_priority, self->points);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < order->len; i++)
        {
          guint index = g_array_index (order, guint, i);
          CcChartPoint *point = &g_array_index (self->points, CcChartPoint, index);
          CcChartRect size;

          if (point->labelled)
            continue;
          size = _cc_chart_layout_label_size (self, index);
          if (point->off_scale)
            {
              g_autofree char *value = cc_chart_format_value (point);

              if (pass == 1)
                continue;
              _cc_chart_layout_measure (text, value, &size.width, &size.height);
            }
          else if (pass == 0 && point->label != NULL
                   && g_hash_table_contains (named, point->label))
            continue;

          if (try_label (self, index, size.width, size.height, placed, marks, owners)
              && point->label != NULL && !point->off_scale)
            g_hash_table_add (named, (gpointer)point->label);
        }
    }
}

/* What the value axis counts: people, whatever the subject (troops,
 * the dead, refugees). */
const char *
_cc_chart_layout_value_title (void)
{
  return C_("chart axis", "people");
}

void
_cc_chart_layout_compute_geometry (CcChartLayout *self)
{
  g_autoptr(PangoLayout) text = _cc_chart_layout_new_text (self, 0.9, FALSE);
  double top = PAD;
  double bottom;
  double left = 0;
  double lo, hi;
  gboolean any_off_scale;

  compute_extent (self);
  _cc_chart_layout_measure (text, "0", NULL, &self->font_height);

  memset (&self->title_rect, 0, sizeof self->title_rect);
  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = _cc_chart_layout_new_text (self, 1.2, TRUE);

      _cc_chart_layout_measure (title, self->title, &self->title_rect.width, &self->title_rect.height);
      self->title_rect.x = PAD;
      self->title_rect.y = top;
      top += self->title_rect.height + PAD;
    }

  top = layout_legend (self, top) + PAD;

  update_visible (self, &lo, &hi);
  any_off_scale = _cc_chart_layout_compute_value_axis (self, lo, hi);

  memset (&self->over_band, 0, sizeof self->over_band);
  if (any_off_scale)
    {
      self->over_band.y = top;
      self->over_band.height = MAX (OVER_BAND, self->font_height + 14);
      top += self->over_band.height;
    }

  bottom = self->height - PAD - 2 * (self->font_height + 2) - 6;
  self->plot.y = top + self->font_height / 2;
  self->plot.height = MAX (bottom - self->plot.y, 10);

  _cc_chart_layout_compute_value_ticks (self);
  for (guint i = 0; i < self->value_ticks->len; i++)
    {
      CcChartTick *tick = &g_array_index (self->value_ticks, CcChartTick, i);
      double width;

      _cc_chart_layout_measure (text, tick->label, &width, NULL);
      left = MAX (left, width);
    }

  /* The off-scale band's name stands in the values' column: room for it
   * too, so that it is never cut at the edge. */
  if (any_off_scale)
    {
      double width;

      /* Translators: beside the band above the chart holding values too
       * large for its scale */
      _cc_chart_layout_measure (text, C_("chart", "Off scale"), &width, NULL);
      left = MAX (left, width);
    }

  /* The axis's title stands on its side left of the values. */
  {
    double title_width, title_height;

    _cc_chart_layout_measure (text, _cc_chart_layout_value_title (), &title_width, &title_height);
    self->value_title_rect.x = PAD;
    self->value_title_rect.width = title_height;
    self->value_title_rect.height = title_width;
    left += title_height + 6;
  }

  self->plot.x = PAD + left + 8;
  self->plot.width = MAX (self->width - self->plot.x - 2 * PAD, 10);
  self->over_band.x = self->plot.x;
  self->over_band.width = self->plot.width;
  self->value_title_rect.y = self->plot.y + (self->plot.height - self->value_title_rect.height) / 2;

  for (guint i = 0; i < self->value_ticks->len; i++)
    {
      CcChartTick *tick = &g_array_index (self->value_ticks, CcChartTick, i);

      tick->position = cc_chart_layout_value_to_y (self, tick->value);
    }

  _cc_chart_layout_compute_time_ticks (self);
  place_points (self, self->n_visible);
  place_labels (self, self->n_visible);
}

/**
 * cc_chart_layout_value_to_y:
 *
 * Returns: where @value sits on the value axis (off-scale values above
 *   the plot's top edge)
 */
double
cc_chart_layout_value_to_y (CcChartLayout *self,
                            double         value)
{
  double v;

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), 0);

  v = self->log_scale ? log10 (MAX (value, pow (10, self->y_min))) : value;
  return self->plot.y + self->plot.height
         - (v - self->y_min) / (self->y_max - self->y_min) * self->plot.height;
}

double
cc_chart_layout_day_to_x (CcChartLayout *self,
                          double         day)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), 0);

  return self->plot.x
         + (day - self->window_start) / (self->window_end - self->window_start) * self->plot.width;
}

double
cc_chart_layout_x_to_day (CcChartLayout *self,
                          double         x)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), 0);

  _cc_chart_layout_ensure (self);
  return self->window_start
         + (x - self->plot.x) / self->plot.width * (self->window_end - self->window_start);
}

CcChartRect
cc_chart_layout_get_plot_area (CcChartLayout *self)
{
  CcChartRect empty = { 0, };

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), empty);

  _cc_chart_layout_ensure (self);
  return self->plot;
}

CcChartRect
cc_chart_layout_get_title_rect (CcChartLayout *self)
{
  CcChartRect empty = { 0, };

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), empty);

  _cc_chart_layout_ensure (self);
  return self->title_rect;
}

/**
 * cc_chart_layout_get_time_ticks:
 * @n_ticks: (out): the number of ticks
 *
 * Returns: (array length=n_ticks): day ticks, and major ones naming the
 *   month or year they start
 */
/**
 * cc_chart_layout_get_value_title:
 * @rect: (out) (optional): where the title stands, read bottom to top
 *
 * Returns: the value axis's title
 */
const char *
cc_chart_layout_get_value_title (CcChartLayout *self,
                                 CcChartRect   *rect)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);

  _cc_chart_layout_ensure (self);
  if (rect != NULL)
    *rect = self->value_title_rect;
  return _cc_chart_layout_value_title ();
}

const CcChartTick *
cc_chart_layout_get_time_ticks (CcChartLayout *self,
                                guint         *n_ticks)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);
  g_return_val_if_fail (n_ticks != NULL, NULL);

  _cc_chart_layout_ensure (self);
  *n_ticks = self->time_ticks->len;
  return (const CcChartTick *)(gpointer)self->time_ticks->data;
}

const CcChartTick *
cc_chart_layout_get_value_ticks (CcChartLayout *self,
                                 guint         *n_ticks)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);
  g_return_val_if_fail (n_ticks != NULL, NULL);

  _cc_chart_layout_ensure (self);
  *n_ticks = self->value_ticks->len;
  return (const CcChartTick *)(gpointer)self->value_ticks->data;
}

void
cc_chart_layout_get_time_extent (CcChartLayout *self,
                                 double        *start,
                                 double        *end)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  _cc_chart_layout_ensure (self);
  if (start)
    *start = self->extent_start;
  if (end)
    *end = self->extent_end;
}

void
cc_chart_layout_get_time_window (CcChartLayout *self,
                                 double        *start,
                                 double        *end)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  _cc_chart_layout_ensure (self);
  if (start)
    *start = self->window_start;
  if (end)
    *end = self->window_end;
}

/**
 * cc_chart_layout_set_time_window:
 *
 * Zooms the time axis to the days from @start to @end, kept to no less
 * than a day and within a span of the claims on either side.
 */
void
cc_chart_layout_set_time_window (CcChartLayout *self,
                                 double         start,
                                 double         end)
{
  double span;
  double extent;

  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  _cc_chart_layout_ensure (self);
  extent = self->extent_end - self->extent_start;
  span = CLAMP (end - start, 1.0, extent * 4);
  start = CLAMP (start, self->extent_start - extent, self->extent_end + extent - span);

  if (self->zoomed && start == self->window_start && start + span == self->window_end)
    return;

  self->zoomed = TRUE;
  self->window_start = start;
  self->window_end = start + span;
  self->geometry_dirty = TRUE;
  _cc_chart_layout_changed (self);
}

void
cc_chart_layout_reset_time_window (CcChartLayout *self)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  if (!self->zoomed)
    return;

  self->zoomed = FALSE;
  self->geometry_dirty = TRUE;
  _cc_chart_layout_changed (self);
}

gboolean
cc_chart_layout_is_zoomed (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), FALSE);

  return self->zoomed;
}

guint
cc_chart_layout_count_visible (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), 0);

  _cc_chart_layout_ensure (self);
  return self->n_visible;
}

static double
distance_to_point (const CcChartPoint *point,
                   double              x,
                   double              y)
{
  double dx = x - point->x;
  double dy = 0;

  if (y < point->y_high)
    dy = point->y_high - y;
  else if (y > point->y_low)
    dy = y - point->y_low;
  return sqrt (dx * dx + dy * dy);
}

/**
 * cc_chart_layout_hit_point:
 *
 * Returns: the index of the shown statement at (@x, @y), the nearest
 *   within a few pixels of its mark, or -1
 */
int
cc_chart_layout_hit_point (CcChartLayout *self,
                           double         x,
                           double         y)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), -1);

  _cc_chart_layout_ensure (self);
  for (guint i = 0; i < self->points->len; i++)
    {
      const CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);
      double distance;

      if (!point->visible)
        continue;
      distance = distance_to_point (point, x, y);
      /* Later marks are drawn on top: on a tie they win. */
      if (distance <= MAX (point->radius, 4) + 4 && distance <= best)
        {
          best = distance;
          found = i;
        }
    }

  return found;
}

/**
 * cc_chart_layout_hit_legend:
 *
 * Returns: the index of the series whose legend entry is at (@x, @y), or -1
 */
int
cc_chart_layout_hit_legend (CcChartLayout *self,
                            double         x,
                            double         y)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), -1);

  _cc_chart_layout_ensure (self);
  for (guint i = 0; i < self->series->len; i++)
    {
      const CcChartRect *rect = &g_array_index (self->series, CcChartSeries, i).legend_rect;

      if (x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height)
        return i;
    }

  return -1;
}

/**
 * cc_chart_layout_step:
 * @from: a statement index, or -1 for none
 * @direction: 1 for the next shown statement in time, -1 for the previous
 *
 * Returns: the next shown statement that way (the first or last one
 *   from -1), or @from when there is none
 */
int
cc_chart_layout_step (CcChartLayout *self,
                      int            from,
                      int            direction)
{
  int n;

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), -1);
  g_return_val_if_fail (direction == 1 || direction == -1, from);

  _cc_chart_layout_ensure (self);
  n = self->points->len;
  if (from < 0 || from >= n)
    from = direction > 0 ? -1 : n;

  for (int i = from + direction; i >= 0 && i < n; i += direction)
    if (g_array_index (self->points, CcChartPoint, i).visible)
      return i;

  return from >= 0 && from < n ? from : -1;
}
