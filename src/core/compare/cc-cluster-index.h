/* cc-cluster-index.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-claim-match.h"
#include "cc-cluster.h"

G_BEGIN_DECLS

/* The clusters being made, filed by what a claim must share with their
 * first mention to join them (subject class, claimant, value), so that
 * finding the cluster a claim joins costs O(log n) rather than a look at
 * every cluster. Used by CcClusterSet while it builds. */
typedef struct _CcClusterIndex CcClusterIndex;

/* @values: the low and high values of every claim to come. */
CcClusterIndex *_cc_cluster_index_new  (const double        *values,
                                        guint                n_values);
void            _cc_cluster_index_free (CcClusterIndex      *self);
/* The first cluster, in the order filed, that accepts @claim (see
 * _cc_cluster_accepts()), or NULL. */
CcCluster      *_cc_cluster_index_find (CcClusterIndex      *self,
                                        const char          *subject_class,
                                        const CcClaimantKey *key,
                                        CcClaim             *claim,
                                        const char          *event_day);
/* Files a new cluster made for @claim, its first mention. */
void            _cc_cluster_index_add  (CcClusterIndex      *self,
                                        CcCluster           *cluster,
                                        const char          *subject_class,
                                        const CcClaimantKey *key,
                                        CcClaim             *claim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcClusterIndex, _cc_cluster_index_free)

G_END_DECLS
