/* cc-timeline-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-chart.h"
#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_TIMELINE_VIEW (cc_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (CcTimelineView, cc_timeline_view, CC, TIMELINE_VIEW, GtkWidget)

GtkWidget *cc_timeline_view_new           (void);
CcLibrary *cc_timeline_view_get_library   (CcTimelineView *self);
void       cc_timeline_view_set_library   (CcTimelineView *self,
                                           CcLibrary      *library);
CcChart   *cc_timeline_view_get_chart     (CcTimelineView *self);
gboolean   cc_timeline_view_show_claim    (CcTimelineView *self,
                                           gint64          claim_id);
gboolean   cc_timeline_view_export        (CcTimelineView *self,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
