/* cc-cluster-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-claim-match.h"
#include "cc-cluster.h"

G_BEGIN_DECLS

/* CcClusterSet builds clusters mention by mention, then settles their
 * summary fields once all mentions are in. */
CcCluster *_cc_cluster_new             (const char *subject_class);
gboolean   _cc_cluster_accepts         (CcCluster           *self,
                                        CcClaim             *claim,
                                        const CcClaimantKey *key,
                                        const char          *day);
void       _cc_cluster_add             (CcCluster  *self,
                                        CcClaim    *claim,
                                        const char *day,
                                        const char *published);
/* Picks the cluster's value, claimant, subject and days. */
void       _cc_cluster_settle          (CcCluster  *self);
void       _cc_cluster_set_id          (CcCluster  *self,
                                        guint       id);
void       _cc_cluster_set_n_sources   (CcCluster  *self,
                                        guint       n_sources);
/* The ids of the first conflicting clusters (any order) and the count
 * of all. */
void       _cc_cluster_set_conflicts   (CcCluster   *self,
                                        const guint *ids,
                                        guint        n_ids,
                                        guint        n_conflicts);
/* Whether two settled clusters on one subject report figures that cannot
 * both be right. */
gboolean   _cc_cluster_disagrees       (CcCluster  *self,
                                        CcCluster  *other);

G_END_DECLS
