/* cc-library.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint      n_imported;
  guint      n_duplicates;
  guint      n_refused;
  gboolean   cancelled;
  /* Human-readable lines, each naming a file: refusals and skips. */
  GPtrArray *messages;
  /* The same refusals as GErrors (CC_IMPORT_ERROR or CC_STORE_ERROR). */
  GPtrArray *errors;
  /* The ids of the articles stored, in order (gint64). */
  GArray    *article_ids;
} CcImportReport;

void cc_import_report_free (CcImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcImportReport, cc_import_report_free)

/* Called on the thread-default main context of the caller with the share
 * of files done (0..1) and the file being read. */
typedef void (*CcImportProgress) (double      fraction,
                                  const char *path,
                                  gpointer    user_data);

#define CC_TYPE_LIBRARY (cc_library_get_type ())

G_DECLARE_FINAL_TYPE (CcLibrary, cc_library, CC, LIBRARY, GObject)

/* What cc_library_remove_articles() took out, to put back. */
typedef struct _CcRemovedArticles CcRemovedArticles;

void cc_removed_articles_free (CcRemovedArticles *removed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcRemovedArticles, cc_removed_articles_free)

CcLibrary      *cc_library_new                (CcStore              *store);
gboolean        cc_library_load               (CcLibrary            *self,
                                               GError              **error);
gboolean        cc_library_sync_with_store    (CcLibrary            *self,
                                               GError              **error);
CcStore        *cc_library_get_store          (CcLibrary            *self);
GListModel     *cc_library_get_claims         (CcLibrary            *self);
gboolean        cc_library_load_claims        (CcLibrary            *self,
                                               GError              **error);
gboolean        cc_library_load_annotations   (CcLibrary            *self,
                                               GError              **error);
void            cc_library_load_claims_async  (CcLibrary            *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        cc_library_load_claims_finish (CcLibrary            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
CcArticle      *cc_library_lookup_article     (CcLibrary            *self,
                                               gint64                id);
CcImportReport *cc_library_import             (CcLibrary            *self,
                                               const char * const   *paths,
                                               GCancellable         *cancellable,
                                               CcImportProgress      progress,
                                               gpointer              user_data);
void            cc_library_import_async       (CcLibrary            *self,
                                               const char * const   *paths,
                                               GCancellable         *cancellable,
                                               CcImportProgress      progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_notify,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
CcImportReport *cc_library_import_finish      (CcLibrary            *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean        cc_library_update_article     (CcLibrary            *self,
                                               CcArticle            *article,
                                               const char           *title,
                                               const char           *outlet,
                                               const char           *url,
                                               const char           *published,
                                               GError              **error);
gboolean        cc_library_remove_article     (CcLibrary            *self,
                                               CcArticle            *article,
                                               GError              **error);
CcRemovedArticles *cc_library_remove_articles (CcLibrary          *self,
                                               GPtrArray            *articles,
                                               GError              **error);
gboolean        cc_library_restore_articles   (CcLibrary            *self,
                                               CcRemovedArticles    *removed,
                                               GError              **error);
GPtrArray      *cc_removed_articles_get_articles (CcRemovedArticles *removed);
gboolean        cc_library_add_claim          (CcLibrary            *self,
                                               CcArticle            *article,
                                               CcClaim              *claim,
                                               GError              **error);
gboolean        cc_library_save_claim         (CcLibrary            *self,
                                               CcClaim              *claim,
                                               GError              **error);
gboolean        cc_library_set_claim_rejected (CcLibrary            *self,
                                               CcClaim              *claim,
                                               gboolean              rejected,
                                               GError              **error);
gboolean        cc_library_update_claim       (CcLibrary            *self,
                                               CcClaim              *claim,
                                               CcClaim              *values,
                                               GError              **error);
gboolean        cc_library_remove_claim       (CcLibrary            *self,
                                               CcClaim              *claim,
                                               GError              **error);
gboolean        cc_library_add_annotation     (CcLibrary            *self,
                                               CcArticle            *article,
                                               CcAnnotation         *annotation,
                                               GError              **error);
gboolean        cc_library_save_annotation    (CcLibrary            *self,
                                               CcAnnotation         *annotation,
                                               GError              **error);
gboolean        cc_library_remove_annotation  (CcLibrary            *self,
                                               CcAnnotation         *annotation,
                                               GError              **error);
gboolean        cc_library_update_annotation  (CcLibrary            *self,
                                               CcAnnotation         *annotation,
                                               CcAnnotation         *values,
                                               GError              **error);
gboolean        cc_library_resolve_event_dates (CcLibrary           *self,
                                                CcArticle           *article,
                                                const char          *old_published,
                                                GError             **error);
GHashTable     *cc_library_search             (CcLibrary            *self,
                                               const char           *query,
                                               GError              **error);
GArray         *cc_library_search_page        (CcLibrary            *self,
                                               const char           *query,
                                               gint64                before_id,
                                               guint                 limit,
                                               GError              **error);
guint           cc_library_refresh_claims     (CcLibrary            *self,
                                               GCancellable         *cancellable);
void            cc_library_refresh_claims_async (CcLibrary          *self,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
guint           cc_library_refresh_claims_finish (CcLibrary         *self,
                                                  GAsyncResult      *result,
                                                  GError           **error);

/* Stories (cc-library-stories.c). */
GListModel     *cc_library_get_stories        (CcLibrary            *self);
CcStory        *cc_library_lookup_story       (CcLibrary            *self,
                                               gint64                id);
CcStory        *cc_library_find_story         (CcLibrary            *self,
                                               const char           *name_or_id);
CcStory        *cc_library_add_story          (CcLibrary            *self,
                                               const char           *title,
                                               const char           *description,
                                               GError              **error);
gboolean        cc_library_rename_story       (CcLibrary            *self,
                                               CcStory              *story,
                                               const char           *title,
                                               GError              **error);
gboolean        cc_library_remove_story       (CcLibrary            *self,
                                               CcStory              *story,
                                               GError              **error);
gboolean        cc_library_restore_story      (CcLibrary            *self,
                                               CcStory              *story,
                                               GError              **error);
gboolean        cc_library_set_story_articles (CcLibrary            *self,
                                               CcStory              *story,
                                               GPtrArray            *articles,
                                               gboolean              member,
                                               GError              **error);
GPtrArray      *cc_library_list_story_articles (CcLibrary           *self,
                                                CcStory             *story);
GPtrArray      *cc_library_list_article_stories (CcLibrary          *self,
                                                 CcArticle          *article);
GHashTable     *cc_library_dup_story_titles   (CcLibrary            *self,
                                               GPtrArray            *articles,
                                               CcStory              *only);
CcImportReport *cc_library_import_into        (CcLibrary            *self,
                                               const char * const   *paths,
                                               CcStory              *story,
                                               GCancellable         *cancellable,
                                               CcImportProgress      progress,
                                               gpointer              user_data);
void            cc_library_import_into_async  (CcLibrary            *self,
                                               const char * const   *paths,
                                               CcStory              *story,
                                               GCancellable         *cancellable,
                                               CcImportProgress      progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_notify,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

G_END_DECLS
