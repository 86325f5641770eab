/* cc-chart-renderer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Draws a CcChartLayout with cairo and Pango, for the window, the
 * command line and the exports alike. It decides nothing about where
 * things go; the layout does. Crowds of marks on image surfaces are
 * drawn by cc-chart-renderer-raster.c. */

#define G_LOG_DOMAIN "cc-chart-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cc-chart-layout-private.h"
#include "cc-chart-renderer-private.h"
#include "cc-output-file.h"
#include "cc-palette.h"

#define FAST_PATH_MIN_MARKS 3000
#define LINE_ALPHA          0.55


G_DEFINE_FINAL_TYPE (CcChartRenderer, cc_chart_renderer, G_TYPE_OBJECT)

G_DEFINE_QUARK (cc-chart-renderer-error-quark, cc_chart_renderer_error)


typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END,
} Align;

static const CcChartStyle default_style = {
  { 0.12, 0.12, 0.14, 1.0 },
  { 1.0, 1.0, 1.0, 1.0 },
  { 0.21, 0.52, 0.89, 1.0 },
};

/* Drawing helpers */

static void
set_color (cairo_t      *cr,
           const double  rgba[4],
           double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
set_hex (cairo_t    *cr,
         const char *hex,
         double      alpha)
{
  double rgb[3];

  cc_palette_parse (hex, rgb);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *text,
           const char  *string,
           double       x,
           double       y,
           Align        align)
{
  int width, height;

  pango_layout_set_text (text, string, -1);
  pango_layout_get_pixel_size (text, &width, &height);
  if (align == ALIGN_CENTER)
    x -= width / 2.0;
  else if (align == ALIGN_END)
    x -= width;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

static void
mark_path (cairo_t *cr,
           Shape    shape,
           double   x,
           double   y,
           double   r)
{
  cairo_new_path (cr);
  if (shape == SHAPE_TRIANGLE)
    {
      cairo_move_to (cr, x, y - r * 1.35);
      cairo_line_to (cr, x + r * 1.2, y + r * 0.75);
      cairo_line_to (cr, x - r * 1.2, y + r * 0.75);
      cairo_close_path (cr);
    }
  else
    {
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

/* A mark as cairo draws it: filled with a thin edge of background, or
 * a ring of the colour over the background when hedged. */
void
_cc_chart_renderer_draw_mark (CcChartRenderer *self,
                              cairo_t         *cr,
                              const char      *color,
                              Shape            shape,
                              double           x,
                              double           y,
                              double           r,
                              gboolean         hollow)
{
  if (hollow)
    {
      double width = MAX (1.5, r * 0.4);

      mark_path (cr, shape, x, y, MAX (r - width / 2, 1));
      set_color (cr, self->style.background, 0.8);
      cairo_fill_preserve (cr);
      set_hex (cr, color, 1.0);
      cairo_set_line_width (cr, width);
      cairo_stroke (cr);
      return;
    }

  mark_path (cr, shape, x, y, r);
  set_hex (cr, color, MARK_ALPHA);
  cairo_fill_preserve (cr);
  set_color (cr, self->style.background, 0.9);
  cairo_set_line_width (cr, r > 3 ? 1.0 : 0.5);
  cairo_stroke (cr);
}

static void
bar_path (cairo_t *cr,
          double   x,
          double   top,
          double   bottom,
          double   width)
{
  double r = width / 2;

  bottom = MAX (bottom, top + 0.01);
  cairo_new_path (cr);
  cairo_arc (cr, x, top + MIN (r, (bottom - top) / 2), r, G_PI, 2 * G_PI);
  cairo_arc (cr, x, bottom - MIN (r, (bottom - top) / 2), r, 0, G_PI);
  cairo_close_path (cr);
}

static void
draw_bar (CcChartRenderer    *self,
          cairo_t            *cr,
          const char         *color,
          const CcChartPoint *point)
{
  double width = MAX (4, point->radius * 1.3);

  bar_path (cr, point->x, point->y_high - width / 2, point->y_low + width / 2, width);
  if (point->hedged)
    {
      set_color (cr, self->style.background, 0.8);
      cairo_fill_preserve (cr);
      set_hex (cr, color, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    {
      set_hex (cr, color, BAR_ALPHA);
      cairo_fill_preserve (cr);
      set_hex (cr, color, 1.0);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
}

static void
draw_marks (CcChartRenderer *self,
            CcChartLayout   *layout,
            cairo_t         *cr)
{
  const CcChartSeries *series;
  const CcChartPoint *points;
  guint n_points, n_series;

  points = cc_chart_layout_get_points (layout, &n_points);
  series = cc_chart_layout_get_series (layout, &n_series);

  for (guint i = 0; i < n_points; i++)
    if (points[i].visible && points[i].range && !points[i].off_scale)
      draw_bar (self, cr, series[points[i].series].color, &points[i]);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_points; i++)
      {
        const CcChartPoint *point = &points[i];

        if (!point->visible || (point->range && !point->off_scale)
            || (pass == 0) != (point->n_sources > 1))
          continue;
        _cc_chart_renderer_draw_mark (self, cr, series[point->series].color,
                                      point->off_scale ? SHAPE_TRIANGLE : SHAPE_CIRCLE,
                                      point->x, point->y, point->radius, point->hedged);
      }
}

/* Step lines: each claimant's statements joined in time order, in the
 * colour of the claimant's country, holding a value until the next
 * statement (one line per country would zigzag between the figures of
 * different speakers). A country with more statements than the plot has
 * room for is a crowd where no one claimant's line can be followed: it
 * gets one line for all, as below. The line runs through the days, not
 * the marks spread apart within a day. Where a series has more
 * statements than the plot has room for, a line through every one
 * would be a scribble that cairo takes long to stroke: it joins each
 * day's median instead, which is what the eye would make of it. */

/* The median by Hoare's selection, in place: a day of a crowd holds a
 * few dozen values, and a sort through qsort's callback for each of
 * thousands of days would cost a good part of a frame. */
static double
median (double *values,
        guint   n)
{
  guint k = n / 2;
  guint lo = 0;
  guint hi = n - 1;

  while (lo < hi)
    {
      double pivot = values[(lo + hi) / 2];
      guint i = lo;
      guint j = hi;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              double swap = values[i];

              values[i] = values[j];
              values[j] = swap;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }

  return values[k];
}

typedef struct
{
  GArray   *vertices;
  GArray   *column_ys;
  double    column;
  double    last_y;
  gboolean  dense;
} StepState;

static void
step_add (StepState *state,
          double     x,
          double     y)
{
  double vertex[2] = { x, y };

  g_array_append_vals (state->vertices, vertex, 2);
}

/* Ends a dense series' day at its median. */
static void
step_flush_column (StepState *state)
{
  double middle;

  if (state->column_ys->len == 0)
    return;

  middle = median ((double *)(gpointer)state->column_ys->data, state->column_ys->len);
  if (state->vertices->len > 0)
    step_add (state, state->column, state->last_y);
  step_add (state, state->column, middle);
  state->last_y = middle;
  g_array_set_size (state->column_ys, 0);
}

static void
draw_steps (CcChartRenderer *self,
            CcChartLayout   *layout,
            cairo_t         *cr)
{
  const CcChartSeries *series;
  const CcChartPoint *points;
  CcChartRect plot = cc_chart_layout_get_plot_area (layout);
  StepState *states;
  guint *counts;
  guint *state_series;
  guint *series_counts;
  guint n_points, n_series, n_lines, n_states;
  double x_scale;

  points = cc_chart_layout_get_points (layout, &n_points);
  series = cc_chart_layout_get_series (layout, &n_series);
  n_lines = cc_chart_layout_get_n_lines (layout);
  if (n_series == 0 || n_lines == 0)
    return;
  x_scale = plot.width / (layout->window_end - layout->window_start);

  /* One pass over the statements feeds every line: a state per
   * claimant, then one per crowded country. */
  n_states = n_lines + n_series;
  states = g_new0 (StepState, n_states);
  counts = g_new0 (guint, n_states);
  state_series = g_new0 (guint, n_states);
  series_counts = g_new0 (guint, n_series);
  for (guint i = layout->shown_first; i < layout->shown_last; i++)
    series_counts[points[i].series] += points[i].visible;
  for (guint i = layout->shown_first; i < layout->shown_last; i++)
    {
      guint s = series_counts[points[i].series] > plot.width / 3 ? n_lines + points[i].series
                                                                  : points[i].line;

      counts[s] += points[i].visible;
      state_series[s] = points[i].series;
    }
  for (guint s = 0; s < n_states; s++)
    {
      /* Many claimants may have nothing in the window. */
      if (counts[s] == 0)
        continue;
      states[s].vertices = g_array_new (FALSE, FALSE, sizeof (double));
      states[s].column_ys = g_array_new (FALSE, FALSE, sizeof (double));
      states[s].column = -G_MAXDOUBLE;
      states[s].dense = counts[s] > plot.width / 3;
    }

  for (guint i = layout->shown_first; i < layout->shown_last; i++)
    {
      const CcChartPoint *point = &points[i];
      StepState *state = &states[series_counts[point->series] > plot.width / 3
                                 ? n_lines + point->series : point->line];
      double x;

      if (!point->visible || point->off_scale)
        continue;

      x = plot.x + (point->day - layout->window_start) * x_scale;
      if (fabs (x - state->column) >= 0.5)
        {
          if (state->dense)
            step_flush_column (state);
          else if (state->vertices->len > 0)
            step_add (state, x, state->last_y);
          state->column = x;
        }

      if (state->dense)
        g_array_append_val (state->column_ys, point->y);
      else
        {
          step_add (state, x, point->y);
          state->last_y = point->y;
        }
    }

  cairo_set_line_width (cr, 1.25);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < n_states; s++)
    {
      GArray *vertices = states[s].vertices;
      const char *color = series[state_series[s]].color;

      if (vertices == NULL)
        continue;

      if (states[s].dense)
        step_flush_column (&states[s]);

      if (vertices->len >= 4 && states[s].dense)
        {
          /* A crowd's line is a thousand long vertical jumps: as
           * pixel-aligned boxes, cairo fills them without stroking. */
          const double *v = (const double *)(gpointer)vertices->data;

          cairo_new_path (cr);
          for (guint i = 2; i + 1 < vertices->len; i += 2)
            {
              double x0 = floor (MIN (v[i - 2], v[i])), x1 = floor (MAX (v[i - 2], v[i])) + 1;
              double y0 = floor (MIN (v[i - 1], v[i + 1])), y1 = floor (MAX (v[i - 1], v[i + 1])) + 1;

              cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
            }
          set_hex (cr, color, LINE_ALPHA);
          cairo_fill (cr);
        }
      else if (vertices->len >= 4)
        {
          cairo_new_path (cr);
          cairo_move_to (cr, g_array_index (vertices, double, 0), g_array_index (vertices, double, 1));
          for (guint v = 2; v + 1 < vertices->len; v += 2)
            cairo_line_to (cr, g_array_index (vertices, double, v),
                           g_array_index (vertices, double, v + 1));
          set_hex (cr, color, LINE_ALPHA);
          cairo_stroke (cr);
        }

      g_array_unref (states[s].vertices);
      g_array_unref (states[s].column_ys);
    }

  g_free (states);
  g_free (counts);
  g_free (state_series);
  g_free (series_counts);
}

static void
draw_axes (CcChartRenderer *self,
           CcChartLayout   *layout,
           cairo_t         *cr)
{
  g_autoptr(PangoLayout) text = _cc_chart_layout_new_text (layout, 0.9, FALSE);
  const CcChartTick *ticks;
  CcChartRect plot = cc_chart_layout_get_plot_area (layout);
  double bottom = plot.y + plot.height;
  guint n_ticks;

  cairo_set_line_width (cr, 1);

  /* The value axis's title, read bottom to top. */
  if (layout->value_title_rect.height > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, layout->value_title_rect.x,
                       layout->value_title_rect.y + layout->value_title_rect.height);
      cairo_rotate (cr, -G_PI / 2);
      set_color (cr, self->style.foreground, 0.75);
      draw_text (cr, text, _cc_chart_layout_value_title (), 0, 0, ALIGN_START);
      cairo_restore (cr);
    }

  ticks = cc_chart_layout_get_value_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      double y = round (ticks[i].position) + 0.5;

      set_color (cr, self->style.foreground, 0.1);
      cairo_move_to (cr, plot.x, y);
      cairo_line_to (cr, plot.x + plot.width, y);
      cairo_stroke (cr);
      set_color (cr, self->style.foreground, 0.75);
      draw_text (cr, text, ticks[i].label, plot.x - 6,
                 ticks[i].position - layout->font_height / 2 - 1, ALIGN_END);
    }

  ticks = cc_chart_layout_get_time_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      double x = round (ticks[i].position) + 0.5;

      if (ticks[i].major)
        {
          set_color (cr, self->style.foreground, 0.9);
          draw_text (cr, text, ticks[i].label, ticks[i].position,
                     bottom + 6 + layout->font_height + 2, ALIGN_START);
          continue;
        }

      set_color (cr, self->style.foreground, 0.06);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      set_color (cr, self->style.foreground, 0.4);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);
      set_color (cr, self->style.foreground, 0.75);
      draw_text (cr, text, ticks[i].label, ticks[i].position, bottom + 5, ALIGN_CENTER);
    }

  set_color (cr, self->style.foreground, 0.4);
  cairo_move_to (cr, plot.x, round (bottom) + 0.5);
  cairo_line_to (cr, plot.x + plot.width, round (bottom) + 0.5);
  cairo_stroke (cr);

  if (layout->over_band.height > 0)
    {
      double y = round (layout->over_band.y + layout->over_band.height) + 0.5;
      static const double dashes[] = { 4, 3 };

      set_color (cr, self->style.foreground, 0.35);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, plot.x, y);
      cairo_line_to (cr, plot.x + plot.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_color (cr, self->style.foreground, 0.6);
      /* Translators: beside the band above the chart holding values too
       * large for its scale */
      draw_text (cr, text, C_("chart", "Off scale"), plot.x - 6,
                 layout->over_band.y + layout->over_band.height / 2 - layout->font_height / 2,
                 ALIGN_END);
    }
}

static void
draw_legend (CcChartRenderer *self,
             CcChartLayout   *layout,
             cairo_t         *cr)
{
  g_autoptr(PangoLayout) text = _cc_chart_layout_new_text (layout, 0.9, FALSE);
  const CcChartSeries *series;
  const char *neutral = cc_palette_neutral_color ();
  guint n_series;

  series = cc_chart_layout_get_series (layout, &n_series);
  for (guint i = 0; i < n_series; i++)
    {
      const CcChartRect *rect = &series[i].legend_rect;
      double cy = rect->y + rect->height / 2;

      _cc_chart_renderer_draw_mark (self, cr, series[i].color, SHAPE_CIRCLE, rect->x + 5, cy, 4.5,
                                    !series[i].visible);
      set_color (cr, self->style.foreground, series[i].visible ? 0.9 : 0.45);
      draw_text (cr, text, series[i].label, rect->x + 16, rect->y + 2, ALIGN_START);
    }

  if (n_series == 0)
    return;

  for (guint i = 0; i < N_KEYS; i++)
    {
      const CcChartRect *rect = &layout->key_rects[i];
      g_autofree char *label = _cc_chart_layout_key_label (i);
      double cy = rect->y + rect->height / 2;

      if (i == KEY_HEDGED)
        _cc_chart_renderer_draw_mark (self, cr, neutral, SHAPE_CIRCLE, rect->x + 5, cy, 4.5,
                                      TRUE);
      else if (i == KEY_RANGE)
        {
          bar_path (cr, rect->x + 5, cy - 6, cy + 6, 4);
          set_hex (cr, neutral, BAR_ALPHA);
          cairo_fill (cr);
        }
      else
        {
          _cc_chart_renderer_draw_mark (self, cr, neutral, SHAPE_CIRCLE, rect->x + 1.5, cy + 1.5,
                                        2.5, FALSE);
          _cc_chart_renderer_draw_mark (self, cr, neutral, SHAPE_CIRCLE, rect->x + 9, cy, 5,
                                        FALSE);
        }
      set_color (cr, self->style.foreground, 0.65);
      draw_text (cr, text, label, rect->x + (i == KEY_SOURCES ? 19 : 16), rect->y + 2, ALIGN_START);
    }
}

static void
draw_labels (CcChartRenderer *self,
             CcChartLayout   *layout,
             cairo_t         *cr)
{
  g_autoptr(PangoLayout) text = _cc_chart_layout_new_text (layout, 0.85, FALSE);
  const CcChartPoint *points;
  guint n_points;

  points = cc_chart_layout_get_points (layout, &n_points);
  set_color (cr, self->style.foreground, 0.85);
  for (guint i = 0; i < n_points; i++)
    {
      const CcChartPoint *point = &points[i];

      if (!point->visible || !point->labelled)
        continue;

      if (point->off_scale)
        {
          g_autofree char *value = cc_chart_format_value (point);

          draw_text (cr, text, value, point->label_rect.x, point->label_rect.y, ALIGN_START);
        }
      else
        draw_text (cr, text, point->label, point->label_rect.x, point->label_rect.y, ALIGN_START);
    }
}

static void
cc_chart_renderer_finalize (GObject *object)
{
  CcChartRenderer *self = (CcChartRenderer *)object;

  g_clear_pointer (&self->stamps, g_hash_table_unref);

  G_OBJECT_CLASS (cc_chart_renderer_parent_class)->finalize (object);
}

static void
cc_chart_renderer_class_init (CcChartRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_chart_renderer_finalize;
}

static void
cc_chart_renderer_init (CcChartRenderer *self)
{
  self->style = default_style;
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        _cc_chart_renderer_stamp_free);
}

CcChartRenderer *
cc_chart_renderer_new (void)
{
  return g_object_new (CC_TYPE_CHART_RENDERER, NULL);
}

void
cc_chart_renderer_set_style (CcChartRenderer    *self,
                             const CcChartStyle *style)
{
  g_return_if_fail (CC_IS_CHART_RENDERER (self));
  g_return_if_fail (style != NULL);

  if (memcmp (&self->style, style, sizeof *style) == 0)
    return;

  self->style = *style;
  /* Stamps carry the background in their edges. */
  g_hash_table_remove_all (self->stamps);
}

void
cc_chart_renderer_get_style (CcChartRenderer *self,
                             CcChartStyle    *style)
{
  g_return_if_fail (CC_IS_CHART_RENDERER (self));
  g_return_if_fail (style != NULL);

  *style = self->style;
}

/**
 * cc_chart_renderer_draw:
 * @self: a #CcChartRenderer
 * @layout: the layout to draw, at the size it was given
 * @cr: where to draw, in the layout's units
 */
void
cc_chart_renderer_draw (CcChartRenderer *self,
                        CcChartLayout   *layout,
                        cairo_t         *cr)
{
  g_autoptr(PangoLayout) text = NULL;
  CcChartRect plot;
  CcChartRect clip;
  guint n_visible;

  g_return_if_fail (CC_IS_CHART_RENDERER (self));
  g_return_if_fail (CC_IS_CHART_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  _cc_chart_layout_ensure (layout);
  plot = cc_chart_layout_get_plot_area (layout);
  n_visible = cc_chart_layout_count_visible (layout);

  cairo_save (cr);
  pango_cairo_update_context (cr, cc_chart_layout_get_pango_context (layout));

  if (self->style.background[3] > 0)
    {
      set_color (cr, self->style.background, 1.0);
      cairo_paint (cr);
    }

  if (layout->title != NULL)
    {
      g_autoptr(PangoLayout) title = _cc_chart_layout_new_text (layout, 1.2, TRUE);

      set_color (cr, self->style.foreground, 1.0);
      draw_text (cr, title, layout->title, layout->title_rect.x, layout->title_rect.y, ALIGN_START);
    }

  draw_legend (self, layout, cr);
  draw_axes (self, layout, cr);

  /* Marks may reach a little past the plot, not into the axes. */
  clip = plot;
  clip.y = layout->over_band.height > 0 ? layout->over_band.y : plot.y - 6;
  clip.height = plot.y + plot.height + 6 - clip.y;
  clip.x -= 2;
  clip.width += 4;

  cairo_save (cr);
  cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
  cairo_clip (cr);
  draw_steps (self, layout, cr);
  if (n_visible < FAST_PATH_MIN_MARKS
      || !_cc_chart_renderer_draw_marks_raster (self, layout, cr, &clip))
    draw_marks (self, layout, cr);
  cairo_restore (cr);

  draw_labels (self, layout, cr);

  if (n_visible == 0)
    {
      text = _cc_chart_layout_new_text (layout, 1.1, FALSE);
      set_color (cr, self->style.foreground, 0.55);
      draw_text (cr, text, _("No claims to show"), plot.x + plot.width / 2,
                 plot.y + plot.height / 2 - layout->font_height, ALIGN_CENTER);
    }

  cairo_restore (cr);
}

/**
 * cc_chart_renderer_draw_highlight:
 * @index: a statement index from the layout
 * @focus: whether to draw the keyboard focus ring as well
 *
 * Rings a statement, over a drawing made by cc_chart_renderer_draw().
 */
void
cc_chart_renderer_draw_highlight (CcChartRenderer *self,
                                  CcChartLayout   *layout,
                                  cairo_t         *cr,
                                  int              index,
                                  gboolean         focus)
{
  const CcChartPoint *points;
  const CcChartPoint *point;
  guint n_points;
  double r;

  g_return_if_fail (CC_IS_CHART_RENDERER (self));
  g_return_if_fail (CC_IS_CHART_LAYOUT (layout));

  points = cc_chart_layout_get_points (layout, &n_points);
  if (index < 0 || (guint)index >= n_points || !points[index].visible)
    return;

  point = &points[index];
  r = point->radius + 3;

  cairo_save (cr);
  cairo_new_path (cr);
  if (point->range && !point->off_scale)
    bar_path (cr, point->x, point->y_high - r, point->y_low + r, 2 * r);
  else
    cairo_arc (cr, point->x, point->y, r, 0, 2 * G_PI);

  set_color (cr, self->style.accent, 1.0);
  cairo_set_line_width (cr, 2.5);
  if (focus)
    {
      static const double dashes[] = { 3, 2 };

      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_color (cr, self->style.background, 1.0);
      cairo_set_line_width (cr, 1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cc_chart_renderer_export:
 * @path: a file name ending in .png, .svg or .pdf
 *
 * Draws @layout at @width × @height (pixels, or points for PDF) into a
 * file of the format its name says.
 *
 * Returns: %TRUE on success
 */
gboolean
cc_chart_renderer_export (CcChartRenderer  *self,
                          CcChartLayout    *layout,
                          const char       *path,
                          int               width,
                          int               height,
                          GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = FALSE;

  g_return_val_if_fail (CC_IS_CHART_RENDERER (self), FALSE);
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  lower = g_ascii_strdown (path, -1);
  display = g_filename_display_name (path);

  if (g_str_has_suffix (lower, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      png = TRUE;
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, width, height);
  else
    {
      g_set_error (error, CC_CHART_RENDERER_ERROR, CC_CHART_RENDERER_ERROR_FORMAT,
                   _("Cannot write “%s”: the name must end in .png, .svg or .pdf"), display);
      return FALSE;
    }

  /* A folder or a device at the path is refused before drawing. */
  if (!cc_output_file_check (path, &local_error))
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, CC_CHART_RENDERER_ERROR, CC_CHART_RENDERER_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  cc_chart_layout_set_size (layout, width, height);
  cr = cairo_create (surface);
  cc_chart_renderer_draw (self, layout, cr);
  cairo_destroy (cr);

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  /* Vector surfaces write their data when finished. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CC_CHART_RENDERER_ERROR, CC_CHART_RENDERER_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  /* Only a whole file replaces what stood at the path. */
  if (!cc_output_file_write (path, bytes->data, bytes->len, &local_error))
    {
      g_set_error_literal (error, CC_CHART_RENDERER_ERROR, CC_CHART_RENDERER_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}
