/* cc-compare-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-cluster-set.h"
#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPARE_VIEW (cc_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (CcCompareView, cc_compare_view, CC, COMPARE_VIEW, GtkWidget)

/* At most this many articles are compared side by side. */
#define CC_COMPARE_VIEW_MAX_ARTICLES 4

GtkWidget    *cc_compare_view_new                (void);
CcLibrary    *cc_compare_view_get_library        (CcCompareView *self);
void          cc_compare_view_set_filter         (CcCompareView *self,
                                                  GtkFilter     *filter);
void          cc_compare_view_set_library        (CcCompareView *self,
                                                  CcLibrary     *library);
gboolean      cc_compare_view_get_scroll_together (CcCompareView *self);
void          cc_compare_view_set_scroll_together (CcCompareView *self,
                                                   gboolean       scroll_together);
/* The clusters of the articles shown, NULL when fewer than two are. */
CcClusterSet *cc_compare_view_get_clusters       (CcCompareView *self);
/* The article columns (CcCompareColumn), left to right. */
GPtrArray    *cc_compare_view_get_columns        (CcCompareView *self);

G_END_DECLS
