/* cc-article-dialog.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-types.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_ARTICLE_DIALOG (cc_article_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CcArticleDialog, cc_article_dialog, CC, ARTICLE_DIALOG, AdwWindow)

GtkWidget *cc_article_dialog_new (CcArticle   *article,
                                  CcLibrary   *library,
                                  CcUndoStack *undo_stack);

G_END_DECLS
