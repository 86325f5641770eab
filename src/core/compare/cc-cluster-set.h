/* cc-cluster-set.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-cluster.h"
#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_CLUSTER_SET (cc_cluster_set_get_type ())

G_DECLARE_FINAL_TYPE (CcClusterSet, cc_cluster_set, CC, CLUSTER_SET, GObject)

/* The claims of some articles grouped into statements: a GListModel of
 * CcCluster, by first day then value, with ids from 1 in that order. A
 * snapshot: made again when the articles or their claims change. */
CcClusterSet *cc_cluster_set_new             (GListModel   *articles);
CcClusterSet *cc_cluster_set_new_for_library (CcLibrary    *library);
/* The articles it was made from, in the order given. */
GListModel   *cc_cluster_set_get_articles    (CcClusterSet *self);
CcCluster    *cc_cluster_set_lookup          (CcClusterSet *self,
                                              guint         id);
/* The id of the article @article_id shares its text with and that counts
 * as the source (the earliest published); @article_id itself when it has
 * no twin, 0 when it is not in the set. */
gint64        cc_cluster_set_get_origin      (CcClusterSet *self,
                                              gint64        article_id);
/* The sentence around @claim, for showing a mention in its words. */
char         *cc_cluster_set_dup_quote       (CcClusterSet *self,
                                              CcClaim      *claim);

G_END_DECLS
