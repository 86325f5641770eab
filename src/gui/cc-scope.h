/* cc-scope.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_SCOPE (cc_scope_get_type ())

G_DECLARE_FINAL_TYPE (CcScope, cc_scope, CC, SCOPE, GObject)

CcScope    *cc_scope_new              (void);
CcLibrary  *cc_scope_get_library      (CcScope    *self);
void        cc_scope_set_library      (CcScope    *self,
                                       CcLibrary  *library);
CcStory    *cc_scope_get_story        (CcScope    *self);
void        cc_scope_set_story        (CcScope    *self,
                                       CcStory    *story);
const char *cc_scope_get_query        (CcScope    *self);
void        cc_scope_set_query        (CcScope    *self,
                                       const char *query);
gboolean    cc_scope_get_searching    (CcScope    *self);
gboolean    cc_scope_contains         (CcScope    *self,
                                       gint64      article_id);
void        cc_scope_match_ids        (CcScope      *self,
                                       const gint64 *ids,
                                       guint         n_ids,
                                       guint         first,
                                       GtkBitset    *positions);
GListModel *cc_scope_get_articles     (CcScope    *self);
GPtrArray  *cc_scope_list_articles    (CcScope    *self);
gboolean    cc_scope_has_articles     (CcScope    *self);
GtkFilter  *cc_scope_get_filter       (CcScope    *self);
GListModel *cc_scope_get_claims       (CcScope    *self);
char      **cc_scope_dup_query_words  (CcScope    *self);

G_END_DECLS
