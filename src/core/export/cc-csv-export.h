/* cc-csv-export.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cc-types.h"

G_BEGIN_DECLS

char *cc_csv_export_claims (GPtrArray *articles,
                            gsize     *length);

G_END_DECLS
