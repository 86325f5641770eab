/* cc-reader-sidebar.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_READER_SIDEBAR (cc_reader_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (CcReaderSidebar, cc_reader_sidebar, CC, READER_SIDEBAR, GtkWidget)

CcArticle *cc_reader_sidebar_get_article       (CcReaderSidebar *self);
void       cc_reader_sidebar_set_article       (CcReaderSidebar *self,
                                                CcArticle       *article);
CcClaim   *cc_reader_sidebar_get_current_claim (CcReaderSidebar *self);
void       cc_reader_sidebar_set_current_claim (CcReaderSidebar *self,
                                                CcClaim         *claim);

G_END_DECLS
