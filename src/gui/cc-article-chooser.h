/* cc-article-chooser.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_ARTICLE_CHOOSER (cc_article_chooser_get_type ())

G_DECLARE_FINAL_TYPE (CcArticleChooser, cc_article_chooser, CC, ARTICLE_CHOOSER, AdwWindow)

CcArticleChooser *cc_article_chooser_new        (GtkWindow        *parent,
                                                 GListModel       *articles);
void              cc_article_chooser_set_chosen (CcArticleChooser *self,
                                                 CcArticle        *article,
                                                 gboolean          chosen);
GPtrArray        *cc_article_chooser_dup_chosen (CcArticleChooser *self);

G_END_DECLS
