/* cc-reader-format.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cc-types.h"

G_BEGIN_DECLS

const char *cc_claim_status_label    (CcClaimStatus  status);
char       *cc_format_claim_value    (CcClaim       *claim);
char       *cc_format_claim_source   (CcClaim       *claim);
char       *cc_format_claim_markup   (CcClaim       *claim);
gboolean    cc_parse_claim_number    (const char    *text,
                                      double        *value);
char      **cc_split_tags            (const char    *tags);
char       *cc_join_tags             (const char    *typed);

G_END_DECLS
