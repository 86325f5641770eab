/* cc-store-rows.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Mapping between rows and the data objects, which know nothing of SQL. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include "cc-annotation.h"
#include "cc-claim.h"
#include "cc-store-private.h"

void
_cc_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, index));
}

CcClaim *
_cc_store_claim_from_row (sqlite3_stmt *stmt)
{
  CcClaim *claim = cc_claim_new ();
  g_autofree char *status = NULL;
  g_autofree char *origin = NULL;
  CcClaimStatus st = CC_CLAIM_STATUS_OTHER;
  CcClaimOrigin orig = CC_CLAIM_ORIGIN_AUTO;

  cc_claim_set_id (claim, sqlite3_column_int64 (stmt, 0));
  cc_claim_set_article_id (claim, sqlite3_column_int64 (stmt, 1));
  cc_claim_set_start (claim, sqlite3_column_int (stmt, 2));
  cc_claim_set_end (claim, sqlite3_column_int (stmt, 3));
  cc_claim_set_text (claim, (const char *)sqlite3_column_text (stmt, 4));
  cc_claim_set_low (claim, sqlite3_column_double (stmt, 5));
  cc_claim_set_high (claim, sqlite3_column_double (stmt, 6));
  cc_claim_set_vague (claim, sqlite3_column_int (stmt, 7));
  cc_claim_set_qualifier (claim, (const char *)sqlite3_column_text (stmt, 8));
  cc_claim_set_subject (claim, (const char *)sqlite3_column_text (stmt, 9));
  cc_claim_set_claimant (claim, (const char *)sqlite3_column_text (stmt, 10));
  cc_claim_set_claimant_country (claim, (const char *)sqlite3_column_text (stmt, 11));
  status = column_text (stmt, 12);
  cc_claim_status_from_string (status, &st);
  cc_claim_set_status (claim, st);
  cc_claim_set_hedged (claim, sqlite3_column_int (stmt, 13));
  cc_claim_set_event_date (claim, (const char *)sqlite3_column_text (stmt, 14));
  origin = column_text (stmt, 15);
  cc_claim_origin_from_string (origin, &orig);
  cc_claim_set_origin (claim, orig);
  cc_claim_set_rejected (claim, sqlite3_column_int (stmt, 16));
  cc_claim_set_extractor_version (claim, sqlite3_column_int (stmt, 17));

  return claim;
}

CcAnnotation *
_cc_store_annotation_from_row (sqlite3_stmt *stmt)
{
  CcAnnotation *annotation = cc_annotation_new ();

  cc_annotation_set_id (annotation, sqlite3_column_int64 (stmt, 0));
  cc_annotation_set_article_id (annotation, sqlite3_column_int64 (stmt, 1));
  cc_annotation_set_start (annotation, sqlite3_column_int (stmt, 2));
  cc_annotation_set_end (annotation, sqlite3_column_int (stmt, 3));
  cc_annotation_set_color (annotation, (const char *)sqlite3_column_text (stmt, 4));
  cc_annotation_set_note (annotation, (const char *)sqlite3_column_text (stmt, 5));
  cc_annotation_set_tags (annotation, (const char *)sqlite3_column_text (stmt, 6));
  cc_annotation_set_created (annotation, sqlite3_column_int64 (stmt, 7));
  cc_annotation_set_modified (annotation, sqlite3_column_int64 (stmt, 8));

  return annotation;
}

void
_cc_store_bind_claim (sqlite3_stmt *stmt,
            CcClaim      *claim)
{
  sqlite3_bind_int64 (stmt, 1, cc_claim_get_article_id (claim));
  sqlite3_bind_int (stmt, 2, cc_claim_get_start (claim));
  sqlite3_bind_int (stmt, 3, cc_claim_get_end (claim));
  _cc_store_bind_text (stmt, 4, cc_claim_get_text (claim));
  sqlite3_bind_double (stmt, 5, cc_claim_get_low (claim));
  sqlite3_bind_double (stmt, 6, cc_claim_get_high (claim));
  sqlite3_bind_int (stmt, 7, cc_claim_get_vague (claim));
  _cc_store_bind_text (stmt, 8, cc_claim_get_qualifier (claim));
  _cc_store_bind_text (stmt, 9, cc_claim_get_subject (claim));
  _cc_store_bind_text (stmt, 10, cc_claim_get_claimant (claim));
  _cc_store_bind_text (stmt, 11, cc_claim_get_claimant_country (claim));
  _cc_store_bind_text (stmt, 12, cc_claim_status_to_string (cc_claim_get_status (claim)));
  sqlite3_bind_int (stmt, 13, cc_claim_get_hedged (claim));
  _cc_store_bind_text (stmt, 14, cc_claim_get_event_date (claim));
  _cc_store_bind_text (stmt, 15, cc_claim_origin_to_string (cc_claim_get_origin (claim)));
  sqlite3_bind_int (stmt, 16, cc_claim_get_rejected (claim));
  sqlite3_bind_int (stmt, 17, cc_claim_get_extractor_version (claim));
}

void
_cc_store_bind_annotation (sqlite3_stmt *stmt,
                 CcAnnotation *annotation)
{
  sqlite3_bind_int64 (stmt, 1, cc_annotation_get_article_id (annotation));
  sqlite3_bind_int (stmt, 2, cc_annotation_get_start (annotation));
  sqlite3_bind_int (stmt, 3, cc_annotation_get_end (annotation));
  _cc_store_bind_text (stmt, 4, cc_annotation_get_color (annotation));
  _cc_store_bind_text (stmt, 5, cc_annotation_get_note (annotation));
  _cc_store_bind_text (stmt, 6, cc_annotation_get_tags (annotation));
  sqlite3_bind_int64 (stmt, 7, cc_annotation_get_created (annotation));
  sqlite3_bind_int64 (stmt, 8, cc_annotation_get_modified (annotation));
}
