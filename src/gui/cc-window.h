/* cc-window.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-scope.h"
#include "cc-types.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

typedef struct _CcApplication CcApplication;

#define CC_TYPE_WINDOW (cc_window_get_type ())

G_DECLARE_FINAL_TYPE (CcWindow, cc_window, CC, WINDOW, AdwApplicationWindow)

CcWindow           *cc_window_new           (CcApplication      *application);
CcLibrary          *cc_window_get_library   (CcWindow           *self);
CcScope            *cc_window_get_scope     (CcWindow           *self);
GtkSingleSelection *cc_window_get_selection (CcWindow           *self);
CcUndoStack        *cc_window_get_undo_stack (CcWindow          *self);
gboolean            cc_window_get_importing (CcWindow           *self);
void                cc_window_import        (CcWindow           *self,
                                             const char * const *paths);
void                cc_window_open_files    (CcWindow           *self,
                                             const char * const *paths);
void                cc_window_import_sample (CcWindow           *self,
                                             const char         *sample_dir);
void                cc_window_add_toast     (CcWindow           *self,
                                             AdwToast           *toast);

G_END_DECLS
