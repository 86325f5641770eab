/* cc-tag-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_TAG_VIEW (cc_tag_view_get_type ())

G_DECLARE_FINAL_TYPE (CcTagView, cc_tag_view, CC, TAG_VIEW, GtkWidget)

CcLibrary  *cc_tag_view_get_library      (CcTagView  *self);
void        cc_tag_view_set_articles     (CcTagView  *self,
                                          GListModel *articles);
void        cc_tag_view_set_library      (CcTagView  *self,
                                          CcLibrary  *library);
char      **cc_tag_view_dup_tags         (CcTagView  *self);
const char *cc_tag_view_get_selected_tag (CcTagView  *self);
void        cc_tag_view_select_tag       (CcTagView  *self,
                                          const char *tag);
guint       cc_tag_view_get_n_passages   (CcTagView  *self);

G_END_DECLS
