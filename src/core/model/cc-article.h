/* cc-article.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_ARTICLE (cc_article_get_type ())

G_DECLARE_FINAL_TYPE (CcArticle, cc_article, CC, ARTICLE, GObject)

CcArticle  *cc_article_new              (void);
gint64      cc_article_get_id           (CcArticle  *self);
void        cc_article_set_id           (CcArticle  *self,
                                         gint64      id);
const char *cc_article_get_title        (CcArticle  *self);
void        cc_article_set_title        (CcArticle  *self,
                                         const char *title);
const char *cc_article_get_outlet       (CcArticle  *self);
void        cc_article_set_outlet       (CcArticle  *self,
                                         const char *outlet);
const char *cc_article_get_url          (CcArticle  *self);
void        cc_article_set_url          (CcArticle  *self,
                                         const char *url);
/* The publication date as YYYY-MM-DD, or NULL when unknown. */
const char *cc_article_get_published    (CcArticle  *self);
void        cc_article_set_published    (CcArticle  *self,
                                         const char *published);
const char *cc_article_get_language     (CcArticle  *self);
void        cc_article_set_language     (CcArticle  *self,
                                         const char *language);
const char *cc_article_get_text         (CcArticle  *self);
void        cc_article_set_text         (CcArticle  *self,
                                         const char *text);
const char *cc_article_get_source_file  (CcArticle  *self);
void        cc_article_set_source_file  (CcArticle  *self,
                                         const char *source_file);
/* Seconds since the epoch (UTC) at which the article was imported. */
gint64      cc_article_get_imported     (CcArticle  *self);
void        cc_article_set_imported     (CcArticle  *self,
                                         gint64      imported);
/* The article's claims and annotations: GListModels of CcClaim and
 * CcAnnotation owned by the article. They change only through CcLibrary
 * (or, before the article is stored, through the importer). */
GListModel *cc_article_get_claims       (CcArticle  *self);
GListModel *cc_article_get_annotations  (CcArticle  *self);
/* Claims that are not rejected. Notified whenever the claims change. */
guint       cc_article_get_n_claims     (CcArticle  *self);
/* Whether the text, claims and annotations are in memory. A stored
 * article is listed without them and reads them on first use. */
gboolean    cc_article_is_loaded        (CcArticle  *self);
/* Lower-case hex SHA-256 of the text, used to spot duplicates. */
char       *cc_article_dup_text_hash    (CcArticle  *self);

G_END_DECLS
