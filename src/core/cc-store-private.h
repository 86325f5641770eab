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
  STMT_STALE,
  STMT_SET_VERSION,
  STMT_ARTICLES_AFTER,
  STMT_CLAIMS_AFTER,
  STMT_ANNOTATIONS_AFTER,
  STMT_ARTICLE_IDS,
  N_STMTS
} StmtId;

/* cc-store-sql.c: every statement, and the schema ladder. */
extern const char * const _cc_store_sql[N_STMTS];
extern const char * const _cc_store_migrations[CC_STORE_SCHEMA_VERSION];
extern const char _cc_store_drop_search_index[];
extern const char _cc_store_forget_search_index[];
extern const char _cc_store_create_search_index[];

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

G_END_DECLS
