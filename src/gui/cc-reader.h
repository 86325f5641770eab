/* cc-reader.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_READER (cc_reader_get_type ())

G_DECLARE_FINAL_TYPE (CcReader, cc_reader, CC, READER, GtkWidget)

GtkWidget *cc_reader_new                (void);
CcArticle *cc_reader_get_article        (CcReader  *self);
void       cc_reader_set_article        (CcReader  *self,
                                         CcArticle *article);
guint      cc_reader_count_claim_ranges (CcReader  *self);

G_END_DECLS
