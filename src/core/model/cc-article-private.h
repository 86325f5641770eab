/* cc-article-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"

G_BEGIN_DECLS

/* Mutators of the article's child lists. Only CcLibrary (for stored
 * articles) and the importer (for articles not yet stored) call them. */
void     _cc_article_append_claim       (CcArticle    *self,
                                         CcClaim      *claim);
void     _cc_article_remove_claim       (CcArticle    *self,
                                         CcClaim      *claim);
void     _cc_article_replace_claims     (CcArticle    *self,
                                         GPtrArray    *claims);
void     _cc_article_append_annotation  (CcArticle    *self,
                                         CcAnnotation *annotation);
void     _cc_article_remove_annotation  (CcArticle    *self,
                                         CcAnnotation *annotation);
void     _cc_article_replace_annotations (CcArticle   *self,
                                          GPtrArray   *annotations);

/* The titles of the stories an export put the article in, until the
 * library stores it (the importer sets them). */
const char * const *_cc_article_get_story_titles (CcArticle          *self);
void                _cc_article_set_story_titles (CcArticle          *self,
                                                  const char * const *titles);

G_END_DECLS
