/* cc-annotation-editor.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_ANNOTATION_EDITOR (cc_annotation_editor_get_type ())

G_DECLARE_FINAL_TYPE (CcAnnotationEditor, cc_annotation_editor, CC, ANNOTATION_EDITOR, GtkPopover)

GtkWidget    *cc_annotation_editor_new            (void);
CcAnnotation *cc_annotation_editor_get_annotation (CcAnnotationEditor *self);
void          cc_annotation_editor_set_annotation (CcAnnotationEditor *self,
                                                   CcAnnotation       *annotation,
                                                   const char         *quote);
const char   *cc_annotation_editor_get_color      (CcAnnotationEditor *self);
void          cc_annotation_editor_set_color      (CcAnnotationEditor *self,
                                                   const char         *color);
void          cc_annotation_editor_set_note       (CcAnnotationEditor *self,
                                                   const char         *note);
void          cc_annotation_editor_set_tags       (CcAnnotationEditor *self,
                                                   const char         *tags);
CcAnnotation *cc_annotation_editor_dup_values     (CcAnnotationEditor *self);
gboolean      cc_annotation_editor_get_modified   (CcAnnotationEditor *self);

G_END_DECLS
