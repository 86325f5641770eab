/* cc-cluster.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_CLUSTER (cc_cluster_get_type ())

G_DECLARE_FINAL_TYPE (CcCluster, cc_cluster, CC, CLUSTER, GObject)

/* One statement as several articles carry it. Made by CcClusterSet and
 * not changed after. */
guint          cc_cluster_get_id               (CcCluster *self);
double         cc_cluster_get_low              (CcCluster *self);
double         cc_cluster_get_high             (CcCluster *self);
const char    *cc_cluster_get_claimant         (CcCluster *self);
const char    *cc_cluster_get_claimant_country (CcCluster *self);
const char    *cc_cluster_get_subject          (CcCluster *self);
const char    *cc_cluster_get_subject_class    (CcCluster *self);
CcClaimStatus  cc_cluster_get_status           (CcCluster *self);
/* Whether every mention hedges it. */
gboolean       cc_cluster_get_hedged           (CcCluster *self);
/* YYYY-MM-DD, or NULL when no mention has a day. */
const char    *cc_cluster_get_first_day        (CcCluster *self);
const char    *cc_cluster_get_last_day         (CcCluster *self);
/* The claims that carry it (CcClaim), by article then offset. */
GListModel    *cc_cluster_get_mentions         (CcCluster *self);
guint          cc_cluster_get_n_mentions       (CcCluster *self);
/* Articles carrying it, a reprint and its original counted once. */
guint          cc_cluster_get_n_sources        (CcCluster *self);
/* The clusters on the same subject whose figures disagree: how many,
 * and the ids of the nearest in value, at most
 * CC_CLUSTER_MAX_LISTED_CONFLICTS of them, so that a statement many
 * others contradict costs no more than one few do. */
#define CC_CLUSTER_MAX_LISTED_CONFLICTS 10
guint          cc_cluster_get_n_conflicts      (CcCluster *self);
const guint   *cc_cluster_get_conflicts        (CcCluster *self,
                                                guint     *n_listed);
/* Whether @other is one of them, listed or not. */
gboolean       cc_cluster_conflicts_with       (CcCluster *self,
                                                CcCluster *other);
/* The first mention in @article_id, or NULL when that article leaves it
 * out. */
CcClaim       *cc_cluster_get_mention_in       (CcCluster *self,
                                                gint64     article_id);
/* "10,000", "1,000–3,000": the value as a person reads it. */
char          *cc_cluster_dup_value_label      (CcCluster *self);

G_END_DECLS
