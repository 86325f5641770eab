/* cc-clusters.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything about claims across articles, in one include: clusters,
 * the set that makes them, and same-origin detection. */

#pragma once

#include "cc-claim-match.h"
#include "cc-cluster-set.h"
#include "cc-cluster.h"
#include "cc-same-origin.h"
