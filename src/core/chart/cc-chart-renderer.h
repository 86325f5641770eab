/* cc-chart-renderer.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cc-chart-layout.h"

G_BEGIN_DECLS

/* Colours as RGBA components in 0..1. A background with no alpha is
 * left unpainted (the widget's own shows through). */
typedef struct
{
  double foreground[4];
  double background[4];
  double accent[4];
} CcChartStyle;

#define CC_CHART_RENDERER_ERROR (cc_chart_renderer_error_quark ())

typedef enum
{
  CC_CHART_RENDERER_ERROR_FORMAT,
  CC_CHART_RENDERER_ERROR_WRITE,
} CcChartRendererError;

#define CC_TYPE_CHART_RENDERER (cc_chart_renderer_get_type ())

G_DECLARE_FINAL_TYPE (CcChartRenderer, cc_chart_renderer, CC, CHART_RENDERER, GObject)

GQuark           cc_chart_renderer_error_quark     (void);
CcChartRenderer *cc_chart_renderer_new             (void);
void             cc_chart_renderer_set_style       (CcChartRenderer     *self,
                                                    const CcChartStyle  *style);
void             cc_chart_renderer_get_style       (CcChartRenderer     *self,
                                                    CcChartStyle        *style);
void             cc_chart_renderer_draw            (CcChartRenderer     *self,
                                                    CcChartLayout       *layout,
                                                    cairo_t             *cr);
void             cc_chart_renderer_draw_highlight  (CcChartRenderer     *self,
                                                    CcChartLayout       *layout,
                                                    cairo_t             *cr,
                                                    int                  index,
                                                    gboolean             focus);
gboolean         cc_chart_renderer_export          (CcChartRenderer     *self,
                                                    CcChartLayout       *layout,
                                                    const char          *path,
                                                    int                  width,
                                                    int                  height,
                                                    GError             **error);

G_END_DECLS
