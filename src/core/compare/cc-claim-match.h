/* cc-claim-match.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cc-types.h"

G_BEGIN_DECLS

/* How claims in different articles are told to be the same statement:
 * the claimant across spellings, the subject by its head noun, the value
 * within rounding, the status by family. Used by CcClusterSet. */

typedef struct _CcClaimantKey CcClaimantKey;

/* NULL for a NULL or blank claimant (which matches only another NULL). */
CcClaimantKey *cc_claimant_key_new      (const char          *claimant);
void           cc_claimant_key_free     (CcClaimantKey       *key);
/* The folded name: lower case, no titles, name endings folded
 * (cc_fold_name_ending). */
const char    *cc_claimant_key_get_name (const CcClaimantKey *key);
guint          cc_claimant_key_n_words  (const CcClaimantKey *key);
gboolean       cc_claimant_key_match    (const CcClaimantKey *a,
                                         const CcClaimantKey *b);
gboolean       cc_claimant_match        (const char          *a,
                                         const char          *b);
/* All that cc_claimant_key_match() reads of a key, as one string: keys
 * with the same digest match the same keys. */
char          *cc_claimant_key_dup_digest (const CcClaimantKey *key);
/* Words to file and to find keys by, so that a key is compared only with
 * those it could match: whenever cc_claimant_key_match (a, b), one of the
 * lookup terms of @a is one of the filing terms of @b. Both take a NULL
 * key. Appended to @terms as new strings. */
void           cc_claimant_key_add_filing_terms (const CcClaimantKey *key,
                                                 GPtrArray           *terms);
void           cc_claimant_key_add_lookup_terms (const CcClaimantKey *key,
                                                 GPtrArray           *terms);

/* The class of the people counted: an interned string such as "troops",
 * "killed", "wounded", "workers", or the subject's last word when it
 * belongs to no known class. Casualty statuses decide the class. */
const char    *cc_subject_class         (const char          *subject,
                                         CcClaimStatus        status);

/* Whether two subjects may count the same people: the capitalised words
 * before the noun ("North Korean", "Russian") do not name different
 * countries. A subject without them fits any. */
gboolean       cc_subject_compatible    (const char          *a,
                                         const char          *b);
/* What cc_subject_compatible() reads of a subject, its capitalised words
 * before the noun, as one string: subjects with the same key fit the
 * same subjects. */
char          *cc_subject_dup_modifiers_key (const char      *subject);
/* Keys to find, among many words of those keys (split at \x1f), the
 * ones cc_subject_compatible() takes for the same country as @word
 * ("korea", "korean"): file each word under its filing keys, and every
 * word filed under a lookup key of @word is one, and every one is. */
void           cc_stem_add_filing_keys  (const char          *word,
                                         GPtrArray           *keys);
void           cc_stem_add_lookup_keys  (const char          *word,
                                         GPtrArray           *keys);

/* Whether two values or ranges may report the same figure: they overlap,
 * or differ by less than the rounding of the rounder one. */
/* Half the unit of the last digit @value was given to, at least to two
 * significant digits: 1,500 stands for 1,450–1,550. */
double         cc_value_rounding        (double               value);
gboolean       cc_values_compatible     (double               low_a,
                                         double               high_a,
                                         double               low_b,
                                         double               high_b);

/* Whether two statuses count the same people at different stages (the
 * movement of troops from preparing to fighting), so that differing
 * figures contradict each other. */
gboolean       cc_status_comparable     (CcClaimStatus        a,
                                         CcClaimStatus        b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcClaimantKey, cc_claimant_key_free)

G_END_DECLS
