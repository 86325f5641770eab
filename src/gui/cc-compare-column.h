/* cc-compare-column.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPARE_COLUMN (cc_compare_column_get_type ())

G_DECLARE_FINAL_TYPE (CcCompareColumn, cc_compare_column, CC, COMPARE_COLUMN, GtkWidget)

typedef enum
{
  CC_COMPARE_MENTION_NONE,
  CC_COMPARE_MENTION_CARRIED,
  CC_COMPARE_MENTION_HEDGED,
  CC_COMPARE_MENTION_ABSENT,
} CcCompareMention;

GtkWidget     *cc_compare_column_new             (void);
CcArticle     *cc_compare_column_get_article     (CcCompareColumn  *self);
void           cc_compare_column_set_article     (CcCompareColumn  *self,
                                                  CcArticle        *article);
/* A line under the title, such as "Same text as …"; NULL for none. */
const char    *cc_compare_column_get_note        (CcCompareColumn  *self);
void           cc_compare_column_set_note        (CcCompareColumn  *self,
                                                  const char       *note);
GtkTextView   *cc_compare_column_get_text_view   (CcCompareColumn  *self);
GtkAdjustment *cc_compare_column_get_vadjustment (CcCompareColumn  *self);
/* Marks @claim as the current mention and scrolls to it; with NULL,
 * says the article leaves the statement out (@mention says which). */
void           cc_compare_column_show_mention    (CcCompareColumn  *self,
                                                  CcClaim          *claim,
                                                  CcCompareMention  mention);
/* The mark at the start of the current mention, or NULL. */
GtkTextMark   *cc_compare_column_get_mention_mark (CcCompareColumn *self);

G_END_DECLS
