/* cc-source-list.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-scope.h"

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_SOURCE_LIST (cc_source_list_get_type ())

G_DECLARE_FINAL_TYPE (CcSourceList, cc_source_list, CC, SOURCE_LIST, GtkWidget)

GtkWidget          *cc_source_list_new           (void);
CcLibrary          *cc_source_list_get_library   (CcSourceList *self);
void                cc_source_list_set_library   (CcSourceList *self,
                                                  CcLibrary    *library);
CcScope            *cc_source_list_get_scope     (CcSourceList *self);
void                cc_source_list_set_scope     (CcSourceList *self,
                                                  CcScope      *scope);
GtkSingleSelection *cc_source_list_get_selection (CcSourceList *self);
void                cc_source_list_focus_search  (CcSourceList *self);

G_END_DECLS
