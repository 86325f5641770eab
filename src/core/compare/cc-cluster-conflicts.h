/* cc-cluster-conflicts.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-cluster.h"

G_BEGIN_DECLS

/* Gives each of @clusters (settled, with their ids) the count of the
 * clusters that disagree with it and the ids of the nearest of them in
 * value, in O(n log n) however many pairs disagree. */
void _cc_cluster_conflicts_find (CcCluster **clusters,
                                 guint       n_clusters);

G_END_DECLS
