/* cc-store.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-id-set.h"
#include "cc-types.h"

G_BEGIN_DECLS

#define CC_STORE_ERROR (cc_store_error_quark ())

typedef enum
{
  CC_STORE_ERROR_OPEN,
  CC_STORE_ERROR_SQL,
  CC_STORE_ERROR_SCHEMA,
  CC_STORE_ERROR_DUPLICATE,
  CC_STORE_ERROR_NOT_FOUND,
  CC_STORE_ERROR_NOT_LIBRARY,
  CC_STORE_ERROR_READ_ONLY,
  CC_STORE_ERROR_DAMAGED,
  CC_STORE_ERROR_QUERY,
  CC_STORE_ERROR_FULL,
  CC_STORE_ERROR_IO,
} CcStoreError;

/* The most different words a search looks for. */
#define CC_STORE_MAX_SEARCH_WORDS 64

/* PRAGMA application_id of a Crosscheck library: "Cchk". */
#define CC_STORE_APPLICATION_ID 0x4363686b

/* The schema version this build writes; older files are migrated. */
#define CC_STORE_SCHEMA_VERSION 5

#define CC_TYPE_STORE (cc_store_get_type ())

G_DECLARE_FINAL_TYPE (CcStore, cc_store, CC, STORE, GObject)

GQuark      cc_store_error_quark          (void);
char       *cc_store_dup_default_path     (void);
CcStore    *cc_store_new                  (const char    *path,
                                           GError       **error);
CcStore    *cc_store_new_for_reading      (const char    *path,
                                           GError       **error);
gboolean    cc_store_is_read_only         (CcStore       *self);
gboolean    cc_store_check                (CcStore       *self,
                                           GCancellable  *cancellable,
                                           GError       **error);
void        cc_store_check_async          (CcStore       *self,
                                           GCancellable  *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer       user_data);
gboolean    cc_store_check_finish         (CcStore       *self,
                                           GAsyncResult  *result,
                                           GError       **error);
gboolean    cc_store_rebuild_search_index (CcStore       *self,
                                           GError       **error);
const char *cc_store_get_path             (CcStore       *self);
int         cc_store_get_schema_version   (CcStore       *self);
GPtrArray  *cc_store_load_articles        (CcStore       *self,
                                           GError       **error);
GPtrArray  *cc_store_load_articles_after  (CcStore       *self,
                                           gint64         after_id,
                                           GError       **error);
gboolean    cc_store_read_article         (CcStore       *self,
                                           gint64         article_id,
                                           gboolean       with_claims,
                                           char         **text,
                                           GPtrArray    **claims,
                                           GPtrArray    **annotations,
                                           GError       **error);
gboolean    cc_store_fill_article         (CcStore       *self,
                                           CcArticle     *article,
                                           GError       **error);
void        cc_store_forget_text          (CcStore       *self,
                                           CcArticle     *article);
GHashTable *cc_store_load_claims          (CcStore       *self,
                                           GError       **error);
GHashTable *cc_store_load_annotations     (CcStore       *self,
                                           GError       **error);
guint       cc_store_add_articles         (CcStore       *self,
                                           GPtrArray     *articles,
                                           const guint   *extractor_versions,
                                           gint64         story_id,
                                           GPtrArray     *refusals,
                                           GError       **error);
GArray     *cc_store_list_article_ids     (CcStore       *self,
                                           GError       **error);
gint64      cc_store_get_data_version     (CcStore       *self);
gboolean    cc_store_has_text             (CcStore       *self,
                                           const char    *text_hash);
gboolean    cc_store_add_article          (CcStore       *self,
                                           CcArticle     *article,
                                           guint          extractor_version,
                                           GError       **error);
gboolean    cc_store_update_article       (CcStore       *self,
                                           CcArticle     *article,
                                           GError       **error);
gboolean    cc_store_delete_article       (CcStore       *self,
                                           gint64         article_id,
                                           GError       **error);
gboolean    cc_store_add_claim            (CcStore       *self,
                                           CcClaim       *claim,
                                           GError       **error);
gboolean    cc_store_update_claim         (CcStore       *self,
                                           CcClaim       *claim,
                                           GError       **error);
gboolean    cc_store_delete_claim         (CcStore       *self,
                                           gint64         claim_id,
                                           GError       **error);
gboolean    cc_store_replace_auto_claims  (CcStore       *self,
                                           gint64         article_id,
                                           GPtrArray     *claims,
                                           guint          extractor_version,
                                           GError       **error);
gboolean    cc_store_add_annotation       (CcStore       *self,
                                           CcAnnotation  *annotation,
                                           GError       **error);
gboolean    cc_store_update_annotation    (CcStore       *self,
                                           CcAnnotation  *annotation,
                                           GError       **error);
gboolean    cc_store_delete_annotation    (CcStore       *self,
                                           gint64         annotation_id,
                                           GError       **error);
GArray     *cc_store_list_stale           (CcStore       *self,
                                           guint          extractor_version,
                                           GError       **error);
GArray     *cc_store_search               (CcStore       *self,
                                           const char    *query,
                                           GError       **error);
CcIdSet    *cc_store_search_set           (CcStore       *self,
                                           const char    *query,
                                           GError       **error);
GArray     *cc_store_search_page          (CcStore       *self,
                                           const char    *query,
                                           gint64         before_id,
                                           guint          limit,
                                           GError       **error);

/* Stories (cc-store-stories.c). */
gboolean    cc_store_add_article_full     (CcStore       *self,
                                           CcArticle     *article,
                                           guint          extractor_version,
                                           const gint64  *story_ids,
                                           guint          n_story_ids,
                                           const char * const *story_titles,
                                           GError       **error);
gboolean    cc_store_delete_articles      (CcStore       *self,
                                           const gint64  *article_ids,
                                           guint          n_ids,
                                           GError       **error);
guint       cc_store_get_extractor_version (CcStore      *self,
                                            gint64        article_id);
GPtrArray  *cc_store_load_stories         (CcStore       *self,
                                           GError       **error);
CcStory    *cc_store_load_story           (CcStore       *self,
                                           gint64         story_id,
                                           GError       **error);
GArray     *cc_store_list_article_stories (CcStore       *self,
                                           gint64         article_id,
                                           GError       **error);
gboolean    cc_store_add_story            (CcStore       *self,
                                           CcStory       *story,
                                           GError       **error);
gboolean    cc_store_update_story         (CcStore       *self,
                                           CcStory       *story,
                                           GError       **error);
gboolean    cc_store_delete_story         (CcStore       *self,
                                           gint64         story_id,
                                           GError       **error);
gboolean    cc_store_set_story_articles   (CcStore       *self,
                                           gint64         story_id,
                                           const gint64  *article_ids,
                                           guint          n_ids,
                                           gboolean       member,
                                           GError       **error);

G_END_DECLS
