/* cc-scope-model.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-scope.h"

G_BEGIN_DECLS

#define CC_TYPE_SCOPE_MODEL (cc_scope_model_get_type ())

G_DECLARE_FINAL_TYPE (CcScopeModel, cc_scope_model, CC, SCOPE_MODEL, GObject)

CcScopeModel *cc_scope_model_new       (void);
GListModel   *cc_scope_model_get_model (CcScopeModel *self);
void          cc_scope_model_set_model (CcScopeModel *self,
                                        GListModel   *model);
void          cc_scope_model_set_model_sliced (CcScopeModel *self,
                                               GListModel   *model,
                                               guint         slice_usec);
CcScope      *cc_scope_model_get_scope (CcScopeModel *self);
void          cc_scope_model_set_scope (CcScopeModel *self,
                                        CcScope      *scope);

G_END_DECLS
