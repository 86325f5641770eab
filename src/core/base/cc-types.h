/* cc-types.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CcAnnotation CcAnnotation;
typedef struct _CcArticle    CcArticle;
typedef struct _CcClaim      CcClaim;
typedef struct _CcExtractor  CcExtractor;
typedef struct _CcLibrary    CcLibrary;
typedef struct _CcStore      CcStore;
typedef struct _CcStory      CcStory;

typedef enum
{
  CC_CLAIM_STATUS_OTHER,
  CC_CLAIM_STATUS_PREPARING,
  CC_CLAIM_STATUS_SENT,
  CC_CLAIM_STATUS_TRAINING,
  CC_CLAIM_STATUS_DEPLOYED,
  CC_CLAIM_STATUS_FIGHTING,
  CC_CLAIM_STATUS_KILLED,
  CC_CLAIM_STATUS_INJURED,
  CC_CLAIM_STATUS_CAPTURED,
  CC_CLAIM_STATUS_TOTAL,
} CcClaimStatus;

typedef enum
{
  CC_CLAIM_ORIGIN_AUTO,
  CC_CLAIM_ORIGIN_USER,
} CcClaimOrigin;

const char    *cc_claim_status_to_string   (CcClaimStatus  status);
gboolean       cc_claim_status_from_string (const char    *str,
                                            CcClaimStatus *status);
const char    *cc_claim_origin_to_string   (CcClaimOrigin  origin);
gboolean       cc_claim_origin_from_string (const char    *str,
                                            CcClaimOrigin *origin);

G_END_DECLS
