/* cc-chart.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-chart-layout.h"
#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_CHART (cc_chart_get_type ())

G_DECLARE_FINAL_TYPE (CcChart, cc_chart, CC, CHART, GtkWidget)

GtkWidget     *cc_chart_new                (void);
GListModel    *cc_chart_get_claims         (CcChart    *self);
void           cc_chart_set_claims         (CcChart    *self,
                                            GListModel *claims);
CcLibrary     *cc_chart_get_library        (CcChart    *self);
void           cc_chart_set_library        (CcChart    *self,
                                            CcLibrary  *library);
CcChartLayout *cc_chart_get_layout         (CcChart    *self);
gint64         cc_chart_get_selected_claim (CcChart    *self);
gboolean       cc_chart_get_grouping       (CcChart    *self);
gboolean       cc_chart_select_claim       (CcChart    *self,
                                            gint64      claim_id);
int            cc_chart_get_selected       (CcChart    *self);
void           cc_chart_activate_at        (CcChart    *self,
                                            double      x,
                                            double      y);
char          *cc_chart_dup_summary        (CcChart    *self,
                                            int         index,
                                            gboolean    markup);

G_END_DECLS
