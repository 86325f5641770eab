/* cc-same-origin.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cc-types.h"

G_BEGIN_DECLS

/* Two texts share an origin when their sets of 8-word shingles overlap
 * by this much (Jaccard), or when this share of the shorter one's
 * shingles is in the longer: a wire story reprinted whole or trimmed. */
#define CC_SAME_ORIGIN_JACCARD     0.5
#define CC_SAME_ORIGIN_CONTAINMENT 0.8

/* Jaccard similarity of the 8-word shingles of two texts, 0..1. */
double      cc_same_origin_similarity (const char  *text_a,
                                       const char  *text_b);
/* Groups @articles by origin. Returns article id (gint64 *) → the id of
 * its group's representative (gint64 *): the earliest published, then
 * the lowest id. Every article is a key, mapping to itself when it has
 * no twin. */
GHashTable *cc_same_origin_find       (CcArticle  **articles,
                                       guint        n_articles);

G_END_DECLS
