/* cc-claim-card.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_CLAIM_CARD (cc_claim_card_get_type ())

G_DECLARE_FINAL_TYPE (CcClaimCard, cc_claim_card, CC, CLAIM_CARD, GtkPopover)

GtkWidget *cc_claim_card_new           (void);
CcClaim   *cc_claim_card_get_claim     (CcClaimCard  *self);
void       cc_claim_card_set_claim     (CcClaimCard  *self,
                                        CcClaim      *claim);
CcClaim   *cc_claim_card_dup_values    (CcClaimCard  *self,
                                        GError      **error);
void       cc_claim_card_show_error    (CcClaimCard  *self,
                                        const char   *message);
void       cc_claim_card_set_published (CcClaimCard  *self,
                                        const char   *published);

G_END_DECLS
