/* cc-extractor.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-types.h"

G_BEGIN_DECLS

/* Bumped whenever the extractor's output changes, so that stored auto
 * claims of an older version are made again. */
#define CC_EXTRACTOR_VERSION 4

#define CC_TYPE_EXTRACTOR (cc_extractor_get_type ())

G_DECLARE_FINAL_TYPE (CcExtractor, cc_extractor, CC, EXTRACTOR, GObject)

/* The extractor is immutable once made: one instance may be used from
 * several threads at once. */
CcExtractor *cc_extractor_get_default (void);
CcExtractor *cc_extractor_new         (GError     **error);
GPtrArray   *cc_extractor_extract     (CcExtractor *self,
                                       const char  *text,
                                       const char  *published);
char        *cc_extractor_resolve_date (CcExtractor *self,
                                        const char  *text,
                                        guint        claim_start,
                                        const char  *published);

G_END_DECLS
