/* cc-undo-stack.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-types.h"

G_BEGIN_DECLS

/* One half of an edit: makes it, or takes it back. */
typedef gboolean (*CcUndoFunc) (gpointer   data,
                                GError   **error);

#define CC_TYPE_UNDO_STACK (cc_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (CcUndoStack, cc_undo_stack, CC, UNDO_STACK, GObject)

CcUndoStack *cc_undo_stack_new                 (void);
gboolean     cc_undo_stack_run                 (CcUndoStack    *self,
                                                const char     *label,
                                                CcUndoFunc      redo,
                                                CcUndoFunc      undo,
                                                gpointer        data,
                                                GDestroyNotify  destroy,
                                                GError        **error);
gboolean     cc_undo_stack_undo                (CcUndoStack    *self,
                                                GError        **error);
gboolean     cc_undo_stack_redo                (CcUndoStack    *self,
                                                GError        **error);
void         cc_undo_stack_clear               (CcUndoStack    *self);
gboolean     cc_undo_stack_get_can_undo        (CcUndoStack    *self);
gboolean     cc_undo_stack_get_can_redo        (CcUndoStack    *self);
const char  *cc_undo_stack_get_undo_label      (CcUndoStack    *self);
const char  *cc_undo_stack_get_redo_label      (CcUndoStack    *self);

/* Edits of the library, each made at once and pushed as one step
 * (cc-undo-stack-edits.c). */
gboolean     cc_undo_stack_add_annotation      (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcArticle      *article,
                                                CcAnnotation   *annotation,
                                                GError        **error);
gboolean     cc_undo_stack_update_annotation   (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcAnnotation   *annotation,
                                                CcAnnotation   *values,
                                                GError        **error);
gboolean     cc_undo_stack_remove_annotation   (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcAnnotation   *annotation,
                                                GError        **error);
gboolean     cc_undo_stack_add_claim           (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcArticle      *article,
                                                CcClaim        *claim,
                                                GError        **error);
gboolean     cc_undo_stack_save_claim          (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcClaim        *claim,
                                                CcClaim        *values,
                                                GError        **error);
gboolean     cc_undo_stack_set_claim_rejected  (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcClaim        *claim,
                                                gboolean        rejected,
                                                GError        **error);
gboolean     cc_undo_stack_update_article      (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcArticle      *article,
                                                const char     *title,
                                                const char     *outlet,
                                                const char     *url,
                                                const char     *published,
                                                GError        **error);
gboolean     cc_undo_stack_remove_articles     (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                GPtrArray      *articles,
                                                GError        **error);
gboolean     cc_undo_stack_rename_story        (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcStory        *story,
                                                const char     *title,
                                                GError        **error);
gboolean     cc_undo_stack_remove_story        (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcStory        *story,
                                                GError        **error);
gboolean     cc_undo_stack_set_story_articles  (CcUndoStack    *self,
                                                CcLibrary      *library,
                                                CcStory        *story,
                                                GPtrArray      *articles,
                                                gboolean        member,
                                                GError        **error);

G_END_DECLS
