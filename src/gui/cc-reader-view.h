/* cc-reader-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_READER_VIEW (cc_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (CcReaderView, cc_reader_view, CC, READER_VIEW, GtkTextView)

GListModel   *cc_reader_view_get_annotations (CcReaderView *self);
void          cc_reader_view_set_annotations (CcReaderView *self,
                                              GListModel   *annotations);
CcAnnotation *cc_reader_view_get_marker_at   (CcReaderView *self,
                                              double        x,
                                              double        y,
                                              GdkRectangle *area);
void          cc_reader_view_get_range_area  (CcReaderView *self,
                                              guint         start,
                                              guint         end,
                                              GdkRectangle *area);

G_END_DECLS
