/* cc-chart-renderer-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-chart-renderer.h"

G_BEGIN_DECLS

#define MARK_ALPHA 0.9
#define BAR_ALPHA  0.55

struct _CcChartRenderer
{
  GObject       parent_instance;

  CcChartStyle  style;
  /* "color/size/hollow/shape" → Stamp, at device pixels. */
  GHashTable   *stamps;
};

typedef enum
{
  SHAPE_CIRCLE,
  SHAPE_TRIANGLE,
} Shape;

void     _cc_chart_renderer_draw_mark         (CcChartRenderer   *self,
                                               cairo_t           *cr,
                                               const char        *color,
                                               Shape              shape,
                                               double             x,
                                               double             y,
                                               double             r,
                                               gboolean           hollow);
gboolean _cc_chart_renderer_draw_marks_raster (CcChartRenderer   *self,
                                               CcChartLayout     *layout,
                                               cairo_t           *cr,
                                               const CcChartRect *clip);
void     _cc_chart_renderer_stamp_free        (gpointer           data);

G_END_DECLS
