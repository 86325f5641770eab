/* cc-chart-renderer-raster.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The raster path for crowds of marks. Cairo fills a few thousand small
 * circles in well under a frame, but not a hundred thousand. When a
 * crowd goes to an image surface, each distinct mark is drawn once by
 * cairo into a small stamp, and the stamps are blended into the pixels
 * directly: a few nanoseconds a pixel instead of a path each. Vector
 * surfaces (SVG, PDF) always get real paths. */

#define G_LOG_DOMAIN "cc-chart-renderer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-chart-layout-private.h"
#include "cc-chart-renderer-private.h"
#include "cc-palette.h"

typedef struct
{
  guint32 *data;
  int      stride;
  /* The area to draw into, in device pixels. */
  int      x0;
  int      y0;
  int      x1;
  int      y1;
  double   scale;
  double   dx;
  double   dy;
} Pixels;

static gboolean
get_pixels (cairo_t           *cr,
            const CcChartRect *clip,
            Pixels            *pixels)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;
  int width, height;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE
      || cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return FALSE;

  /* Only plain scales and translations: the widget's and the PNG's. */
  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != 1 || matrix.yy != 1 || sx != sy)
    return FALSE;

  cairo_surface_flush (target);
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  pixels->data = (guint32 *)(gpointer)cairo_image_surface_get_data (target);
  pixels->stride = cairo_image_surface_get_stride (target) / 4;
  pixels->scale = sx;
  cairo_surface_get_device_offset (target, &pixels->dx, &pixels->dy);
  pixels->dx += matrix.x0 * sx;
  pixels->dy += matrix.y0 * sx;
  pixels->x0 = CLAMP ((int)floor (clip->x * sx + pixels->dx), 0, width);
  pixels->y0 = CLAMP ((int)floor (clip->y * sx + pixels->dy), 0, height);
  pixels->x1 = CLAMP ((int)ceil ((clip->x + clip->width) * sx + pixels->dx), 0, width);
  pixels->y1 = CLAMP ((int)ceil ((clip->y + clip->height) * sx + pixels->dy), 0, height);
  return pixels->data != NULL;
}

/* A mark drawn once, kept as its visible pixels only. */
typedef struct
{
  int      size;
  guint    n_pixels;
  guint8  *xs;
  guint8  *ys;
  guint32 *values;
} Stamp;

void
_cc_chart_renderer_stamp_free (gpointer data)
{
  Stamp *stamp = data;

  g_free (stamp->xs);
  g_free (stamp->ys);
  g_free (stamp->values);
  g_free (stamp);
}

static inline guint32
over (guint32 src,
      guint32 dst)
{
  guint32 inverse = 255 - (src >> 24);
  guint32 rb = ((dst & 0xff00ff) * inverse >> 8) & 0xff00ff;
  guint32 ag = (((dst >> 8) & 0xff00ff) * inverse >> 8) & 0xff00ff;

  return src + (rb | (ag << 8));
}

static void
blend (Pixels *pixels,
       Stamp  *stamp,
       int     x,
       int     y)
{
  gboolean inside = x >= pixels->x0 && y >= pixels->y0
                    && x + stamp->size <= pixels->x1 && y + stamp->size <= pixels->y1;

  for (guint i = 0; i < stamp->n_pixels; i++)
    {
      int px = x + stamp->xs[i];
      int py = y + stamp->ys[i];
      guint32 *d;

      if (!inside && (px < pixels->x0 || py < pixels->y0 || px >= pixels->x1 || py >= pixels->y1))
        continue;
      d = pixels->data + py * pixels->stride + px;
      *d = (stamp->values[i] >> 24) == 255 ? stamp->values[i] : over (stamp->values[i], *d);
    }
}

#define PAIR_MASK G_GUINT64_CONSTANT (0x00ff00ff00ff00ff)

static void
fill_rect (Pixels  *pixels,
           guint32  premultiplied,
           int      x0,
           int      y0,
           int      x1,
           int      y1)
{
  guint32 inverse = 255 - (premultiplied >> 24);
  guint64 source = (guint64)premultiplied << 32 | premultiplied;

  x0 = MAX (x0, pixels->x0);
  y0 = MAX (y0, pixels->y0);
  x1 = MIN (x1, pixels->x1);
  y1 = MIN (y1, pixels->y1);

  for (int y = y0; y < y1; y++)
    {
      guint32 *d = pixels->data + y * pixels->stride;
      int x = x0;

      /* Two pixels at a time in 64 bits: each 16-bit lane holds one
       * channel times the inverse alpha, which cannot carry over. */
      for (; x + 1 < x1; x += 2)
        {
          guint64 pair, rb, ag;

          memcpy (&pair, d + x, sizeof pair);
          rb = ((pair & PAIR_MASK) * inverse >> 8) & PAIR_MASK;
          ag = (((pair >> 8) & PAIR_MASK) * inverse >> 8) & PAIR_MASK;
          pair = source + (rb | (ag << 8));
          memcpy (d + x, &pair, sizeof pair);
        }
      if (x < x1)
        {
          guint32 rb = ((d[x] & 0xff00ff) * inverse >> 8) & 0xff00ff;
          guint32 ag = (((d[x] >> 8) & 0xff00ff) * inverse >> 8) & 0xff00ff;

          d[x] = premultiplied + (rb | (ag << 8));
        }
    }
}

static guint32
premultiply (const char *hex,
             double      alpha)
{
  double rgb[3];
  guint32 a = (guint32)(alpha * 255 + 0.5);

  cc_palette_parse (hex, rgb);
  return a << 24
         | (guint32)(rgb[0] * a + 0.5) << 16
         | (guint32)(rgb[1] * a + 0.5) << 8
         | (guint32)(rgb[2] * a + 0.5);
}

static Stamp *
get_stamp (CcChartRenderer *self,
           const char      *color,
           Shape            shape,
           double           device_radius,
           gboolean         hollow)
{
  /* Radii to a quarter pixel: a handful of stamps serve every mark. */
  int quarters = (int)(device_radius * 4 + 0.5);
  g_autofree char *key = g_strdup_printf ("%s/%d/%d/%d", color, quarters, hollow, shape);
  cairo_surface_t *surface;
  const guint32 *data;
  Stamp *stamp;
  cairo_t *cr;
  double r = quarters / 4.0;
  int stride;

  if ((stamp = g_hash_table_lookup (self->stamps, key)))
    return stamp;

  stamp = g_new0 (Stamp, 1);
  stamp->size = MIN ((int)ceil (r * 3) + 3, 255);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, stamp->size, stamp->size);
  cr = cairo_create (surface);
  _cc_chart_renderer_draw_mark (self, cr, color, shape, stamp->size / 2.0, stamp->size / 2.0, r,
                                hollow);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = (const guint32 *)(gpointer)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  stamp->xs = g_new (guint8, stamp->size * stamp->size);
  stamp->ys = g_new (guint8, stamp->size * stamp->size);
  stamp->values = g_new (guint32, stamp->size * stamp->size);
  for (int y = 0; y < stamp->size; y++)
    for (int x = 0; x < stamp->size; x++)
      if (data[y * stride + x] != 0)
        {
          stamp->xs[stamp->n_pixels] = x;
          stamp->ys[stamp->n_pixels] = y;
          stamp->values[stamp->n_pixels] = data[y * stride + x];
          stamp->n_pixels++;
        }
  cairo_surface_destroy (surface);

  g_hash_table_insert (self->stamps, g_steal_pointer (&key), stamp);
  return stamp;
}

/* One pass, in time order: in a crowd, which of two overlapping marks
 * is on top tells nothing, and a second pass over a hundred thousand
 * statements would cost more than the drawing. */
static void
draw_marks_fast (CcChartRenderer *self,
                 CcChartLayout   *layout,
                 Pixels          *pixels)
{
  const CcChartSeries *series;
  const CcChartPoint *points;
  guint n_points, n_series;
  /* The last stamp used per series and look: nearly every mark of a
   * series in a crowd has the same size. */
  struct { int quarters; Stamp *stamp; } *cache;
  guint32 *bar_colors;

  points = cc_chart_layout_get_points (layout, &n_points);
  series = cc_chart_layout_get_series (layout, &n_series);
  cache = g_malloc0_n (n_series * 4, sizeof *cache);
  bar_colors = g_new (guint32, n_series * 2);
  for (guint s = 0; s < n_series; s++)
    {
      bar_colors[s * 2] = premultiply (series[s].color, BAR_ALPHA);
      bar_colors[s * 2 + 1] = premultiply (series[s].color, 0.25);
    }

  for (guint i = layout->shown_first; i < layout->shown_last; i++)
    {
      const CcChartPoint *point = &points[i];
      double r = point->radius * pixels->scale;
      int quarters = (int)(r * 4 + 0.5);
      guint slot;
      Stamp *stamp;

      if (!point->visible)
        continue;

      if (point->range && !point->off_scale)
        {
          double width = MAX (2, point->radius * 1.3) * pixels->scale;
          int x = (int)floor (point->x * pixels->scale + pixels->dx - width / 2);

          fill_rect (pixels, bar_colors[point->series * 2 + point->hedged],
                     x,
                     (int)floor (point->y_high * pixels->scale + pixels->dy - width / 2),
                     x + (int)ceil (width),
                     (int)ceil (point->y_low * pixels->scale + pixels->dy + width / 2));
          continue;
        }

      slot = point->series * 4 + point->hedged * 2 + point->off_scale;
      if (cache[slot].stamp != NULL && cache[slot].quarters == quarters)
        stamp = cache[slot].stamp;
      else
        {
          stamp = get_stamp (self, series[point->series].color,
                             point->off_scale ? SHAPE_TRIANGLE : SHAPE_CIRCLE,
                             r, point->hedged);
          cache[slot].stamp = stamp;
          cache[slot].quarters = quarters;
        }

      blend (pixels, stamp,
             (int)floor (point->x * pixels->scale + pixels->dx) - stamp->size / 2,
             (int)floor (point->y * pixels->scale + pixels->dy) - stamp->size / 2);
    }

  g_free (cache);
  g_free (bar_colors);
}

/**
 * _cc_chart_renderer_draw_marks_raster:
 * @clip: the area marks may cover, in user units
 *
 * Draws the shown statements' marks straight into @cr's image surface.
 *
 * Returns: %FALSE, having drawn nothing, when @cr does not draw to an
 *   ARGB32 image surface through a plain scale and translation
 */
gboolean
_cc_chart_renderer_draw_marks_raster (CcChartRenderer   *self,
                                      CcChartLayout     *layout,
                                      cairo_t           *cr,
                                      const CcChartRect *clip)
{
  Pixels pixels;

  if (!get_pixels (cr, clip, &pixels))
    return FALSE;

  draw_marks_fast (self, layout, &pixels);
  cairo_surface_mark_dirty (cairo_get_target (cr));
  return TRUE;
}
