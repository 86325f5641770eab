/* cc-json-export.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cc-types.h"

G_BEGIN_DECLS

JsonNode   *cc_json_export_article  (CcArticle *article);
JsonNode   *cc_json_export_claim    (CcClaim   *claim);
char       *cc_json_export_articles (GPtrArray *articles,
                                     gsize     *length);
char       *cc_json_export_to_data  (JsonNode  *root,
                                     gboolean   pretty,
                                     gsize     *length);
char       *cc_json_export_articles_with_stories (GPtrArray  *articles,
                                                  GHashTable *stories,
                                                  gsize      *length);

G_END_DECLS
