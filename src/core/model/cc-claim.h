/* cc-claim.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_CLAIM (cc_claim_get_type ())

G_DECLARE_FINAL_TYPE (CcClaim, cc_claim, CC, CLAIM, GObject)

CcClaim       *cc_claim_new                  (void);

/* What an extractor found, for cc_claim_new_found(): a claim made at once,
 * with no notifications, as no one can yet be watching it. */
typedef struct
{
  guint          start;
  guint          end;
  char          *text;       /* (transfer full) */
  double         low;
  double         high;
  gboolean       vague;
  const char    *qualifier;
  char          *subject;    /* (transfer full) */
  CcClaimStatus  status;
  gboolean       hedged;
  const char    *claimant;
  const char    *claimant_country;
  char          *event_date; /* (transfer full) */
  guint          extractor_version;
} CcClaimFound;

CcClaim       *cc_claim_new_found            (CcClaimFound  *found);
CcClaim       *cc_claim_copy                 (CcClaim       *self);
gint64         cc_claim_get_id               (CcClaim       *self);
void           cc_claim_set_id               (CcClaim       *self,
                                              gint64         id);
gint64         cc_claim_get_article_id       (CcClaim       *self);
void           cc_claim_set_article_id       (CcClaim       *self,
                                              gint64         article_id);
/* Unicode character offsets into the article text, end exclusive. */
guint          cc_claim_get_start            (CcClaim       *self);
void           cc_claim_set_start            (CcClaim       *self,
                                              guint          start);
guint          cc_claim_get_end              (CcClaim       *self);
void           cc_claim_set_end              (CcClaim       *self,
                                              guint          end);
/* The quantity as written. */
const char    *cc_claim_get_text             (CcClaim       *self);
void           cc_claim_set_text             (CcClaim       *self,
                                              const char    *text);
double         cc_claim_get_low              (CcClaim       *self);
void           cc_claim_set_low              (CcClaim       *self,
                                              double         low);
double         cc_claim_get_high             (CcClaim       *self);
void           cc_claim_set_high             (CcClaim       *self,
                                              double         high);
gboolean       cc_claim_get_vague            (CcClaim       *self);
void           cc_claim_set_vague            (CcClaim       *self,
                                              gboolean       vague);
const char    *cc_claim_get_qualifier        (CcClaim       *self);
void           cc_claim_set_qualifier        (CcClaim       *self,
                                              const char    *qualifier);
const char    *cc_claim_get_subject          (CcClaim       *self);
void           cc_claim_set_subject          (CcClaim       *self,
                                              const char    *subject);
const char    *cc_claim_get_claimant         (CcClaim       *self);
void           cc_claim_set_claimant         (CcClaim       *self,
                                              const char    *claimant);
const char    *cc_claim_get_claimant_country (CcClaim       *self);
void           cc_claim_set_claimant_country (CcClaim       *self,
                                              const char    *country);
CcClaimStatus  cc_claim_get_status           (CcClaim       *self);
void           cc_claim_set_status           (CcClaim       *self,
                                              CcClaimStatus  status);
gboolean       cc_claim_get_hedged           (CcClaim       *self);
void           cc_claim_set_hedged           (CcClaim       *self,
                                              gboolean       hedged);
/* YYYY-MM-DD or NULL. */
const char    *cc_claim_get_event_date       (CcClaim       *self);
void           cc_claim_set_event_date       (CcClaim       *self,
                                              const char    *event_date);
CcClaimOrigin  cc_claim_get_origin           (CcClaim       *self);
void           cc_claim_set_origin           (CcClaim       *self,
                                              CcClaimOrigin  origin);
gboolean       cc_claim_get_rejected         (CcClaim       *self);
void           cc_claim_set_rejected         (CcClaim       *self,
                                              gboolean       rejected);
/* The extractor version that made an auto claim (0 for user claims). */
guint          cc_claim_get_extractor_version (CcClaim      *self);
void           cc_claim_set_extractor_version (CcClaim      *self,
                                               guint         version);

G_END_DECLS
