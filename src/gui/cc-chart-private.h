/* cc-chart-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-chart-renderer.h"
#include "cc-chart.h"

G_BEGIN_DECLS

struct _CcChart
{
  GtkWidget        parent_instance;

  CcLibrary       *library;
  /* The claims charted, when not all the library's (a story's). */
  GListModel      *claims;
  CcChartLayout   *layout;
  CcChartRenderer *renderer;

  GdkTexture      *texture;
  /* The grouping of the claims on a worker, while it runs, and whether
   * the chart waits for one (cc-chart.c). */
  GCancellable    *grouping;
  gboolean         waiting;
  guint            waiting_source;
  /* The accessible description waits for the statements. */
  gboolean         accessible_stale;
  int              hover;
  int              selected;
  gint64           selected_claim;
  double           pointer_x;
  double           drag_start;
  double           drag_end;
};

const CcChartPoint *_cc_chart_get_point          (CcChart        *self,
                                                  int             index);
int                 _cc_chart_resolve_selected   (CcChart        *self);
void                _cc_chart_set_selected       (CcChart        *self,
                                                  int             index,
                                                  gint64          claim_id);
void                _cc_chart_activate_point     (CcChart        *self,
                                                  int             index);
void                _cc_chart_update_accessible  (CcChart        *self);
gboolean            _cc_chart_is_deferred        (CcChart        *self);
void                _cc_chart_class_input_init   (GtkWidgetClass *widget_class);
void                _cc_chart_input_init         (CcChart        *self);

G_END_DECLS
