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

/* Lazily filled articles: the store lists them with their details, and
 * the loader fills the rest through the _cc_article_fill_*() calls the
 * first time a getter of the text, claims or annotations is called (on
 * the thread that owns the article). */
typedef enum
{
  CC_ARTICLE_PART_TEXT,
  CC_ARTICLE_PART_CLAIMS,
  CC_ARTICLE_PART_ANNOTATIONS,
} CcArticlePart;

typedef void (*CcArticleLoader) (CcArticle     *article,
                                 CcArticlePart  part,
                                 gpointer       user_data);

/* Called after every change of the article's claims or of its count. */
typedef void (*CcArticleObserver) (CcArticle *article,
                                   gpointer   user_data);

void       _cc_article_set_observer (CcArticle         *self,
                                     CcArticleObserver  observer,
                                     gpointer           user_data);

CcArticle *_cc_article_new_listed   (gint64           id,
                                     const char      *title,
                                     const char      *outlet,
                                     const char      *url,
                                     const char      *published,
                                     const char      *language,
                                     const char      *source_file,
                                     gint64           imported,
                                     guint            n_claims,
                                     CcArticleLoader  loader,
                                     gpointer         loader_data,
                                     GDestroyNotify   loader_notify);
gboolean   _cc_article_has_text     (CcArticle       *self);
gboolean   _cc_article_has_claims   (CcArticle       *self);
gboolean   _cc_article_has_annotations (CcArticle    *self);
void       _cc_article_fill_text    (CcArticle       *self,
                                     const char      *text);
void       _cc_article_fill_annotations (CcArticle   *self,
                                         GPtrArray   *annotations);
void       _cc_article_fill_claims  (CcArticle       *self,
                                     GPtrArray       *claims);
void       _cc_article_set_stored_n_claims (CcArticle  *self,
                                            guint       n_claims);
void       _cc_article_forget_text  (CcArticle       *self,
                                     CcArticleLoader  loader,
                                     gpointer         loader_data,
                                     GDestroyNotify   loader_notify);

G_END_DECLS
