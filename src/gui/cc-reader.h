/* cc-reader.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_READER (cc_reader_get_type ())

G_DECLARE_FINAL_TYPE (CcReader, cc_reader, CC, READER, GtkWidget)

GtkWidget   *cc_reader_new                     (void);
CcArticle   *cc_reader_get_article             (CcReader     *self);
void         cc_reader_set_article             (CcReader     *self,
                                                CcArticle    *article);
CcLibrary   *cc_reader_get_library             (CcReader     *self);
void         cc_reader_set_library             (CcReader     *self,
                                                CcLibrary    *library);
CcUndoStack *cc_reader_get_undo_stack          (CcReader     *self);
void         cc_reader_set_search_words        (CcReader     *self,
                                                const char * const *words);
void         cc_reader_set_undo_stack          (CcReader     *self,
                                                CcUndoStack  *undo_stack);
CcClaim     *cc_reader_get_current_claim       (CcReader     *self);
void         cc_reader_set_current_claim       (CcReader     *self,
                                                CcClaim      *claim);
void         cc_reader_show_annotation         (CcReader     *self,
                                                CcAnnotation *annotation);
guint        cc_reader_count_claim_ranges      (CcReader     *self);
guint        cc_reader_count_annotation_ranges (CcReader     *self);

G_END_DECLS
