/* cc-store-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cc-store.h"

G_BEGIN_DECLS

typedef enum
{
  STMT_ARTICLES,
  STMT_CLAIMS,
  STMT_ANNOTATIONS,
  STMT_ARTICLE_TEXT,
  STMT_ARTICLE_CLAIMS,
  STMT_ARTICLE_ANNOTATIONS,
  STMT_RECOUNT_CLAIMS,
  STMT_CLAIM_ARTICLE,
  STMT_HAS_HASH,
  STMT_INSERT_ARTICLE,
  STMT_UPDATE_ARTICLE,
  STMT_DELETE_ARTICLE,
  STMT_INSERT_CLAIM,
  STMT_UPDATE_CLAIM,
  STMT_DELETE_CLAIM,
  STMT_DELETE_AUTO_CLAIMS,
  STMT_INSERT_ANNOTATION,
  STMT_UPDATE_ANNOTATION,
  STMT_DELETE_ANNOTATION,
  STMT_SEARCH,
  STMT_SEARCH_SET,
  STMT_SEARCH_PAGE,
  STMT_STALE,
  STMT_SET_VERSION,
  STMT_ARTICLES_AFTER,
  STMT_ARTICLE_IDS,
  STMT_STORIES,
  STMT_STORY_MEMBERS,
  STMT_STORY,
  STMT_INSERT_STORY,
  STMT_UPDATE_STORY,
  STMT_DELETE_STORY,
  STMT_FIND_STORY_TITLE,
  STMT_ADD_STORY_ARTICLE,
  STMT_REMOVE_STORY_ARTICLE,
  STMT_ARTICLE_STORIES,
  STMT_ARTICLE_VERSION,
  STMT_INDEX_ARTICLE,
  N_STMTS
} StmtId;

/* cc-store-search.c: the SQL functions the statements call. */
gboolean _cc_store_add_functions (sqlite3 *db);

/* cc-store-sql.c: every statement, and the schema ladder. */
extern const char * const _cc_store_sql[N_STMTS];
extern const char * const _cc_store_migrations[CC_STORE_SCHEMA_VERSION];
extern const char _cc_store_drop_search_index[];
extern const char _cc_store_forget_search_index[];
extern const char _cc_store_create_search_index[];

/* cc-store.c, for the other cc-store-*.c files. Callers of the
 * statement and transaction helpers hold the mutex. */
GMutex       *_cc_store_get_mutex            (CcStore       *self);
sqlite3      *_cc_store_get_db               (CcStore       *self);
sqlite3_stmt *_cc_store_get_stmt             (CcStore       *self,
                                              StmtId         id,
                                              GError       **error);
gboolean      _cc_store_step_done            (CcStore       *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
gboolean      _cc_store_begin                (CcStore       *self,
                                              GError       **error);
/* A transaction for a batch of new articles, and the end of one, after
 * its commit or rollback. */
gboolean      _cc_store_begin_batch          (CcStore       *self,
                                              GError       **error);
void          _cc_store_end_batch            (CcStore       *self);
gboolean      _cc_store_commit_or_rollback   (CcStore       *self,
                                              gboolean       ok,
                                              GError       **error);
gboolean      _cc_store_exec                 (CcStore       *self,
                                              const char    *sql,
                                              GError       **error);
gboolean      _cc_store_insert_claim_locked  (CcStore       *self,
                                              CcClaim       *claim,
                                              GError       **error);
gboolean      _cc_store_insert_annotation_locked (CcStore   *self,
                                              CcAnnotation  *annotation,
                                              GError       **error);
gboolean      _cc_store_set_sql_error        (CcStore       *self,
                                              GError       **error,
                                              const char    *what);
/* A read-only connection of its own, for a long read on a worker; the
 * caller closes it. Its errors, and those of another connection. */
sqlite3      *_cc_store_open_reader          (CcStore       *self,
                                              GError       **error);
gboolean      _cc_store_set_db_error         (CcStore       *self,
                                              sqlite3       *db,
                                              GError       **error,
                                              const char    *what);

/* cc-store-stories.c: the stories of a library opened before they
 * existed, put in one story (inside the migration's transaction), and
 * memberships written inside an article's transaction. */
gboolean      _cc_store_migrate_stories      (CcStore       *self,
                                              GError       **error);
gboolean      _cc_store_join_stories_locked  (CcStore       *self,
                                              gint64         article_id,
                                              const gint64  *story_ids,
                                              guint          n_story_ids,
                                              const char * const *story_titles,
                                              GError       **error);

/* cc-store-rows.c: rows to objects and objects to parameters. */
void          _cc_store_bind_text          (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *value);
CcClaim      *_cc_store_claim_from_row      (sqlite3_stmt *stmt);
CcAnnotation *_cc_store_annotation_from_row (sqlite3_stmt *stmt);
void          _cc_store_bind_claim          (sqlite3_stmt *stmt,
                                             CcClaim      *claim);
void          _cc_store_bind_annotation     (sqlite3_stmt *stmt,
                                             CcAnnotation *annotation);

/* cc-store.c: an article's claims count again, after a change of them. */
gboolean _cc_store_recount_claims_locked (CcStore      *self,
                                          gint64        article_id,
                                          GError      **error);

gboolean _cc_store_collect_ids (CcStore       *self,
                                sqlite3_stmt  *stmt,
                                GArray        *ids,
                                const char    *what,
                                GError       **error);

G_END_DECLS
