/* cc-compare-view-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-compare-view.h"

G_BEGIN_DECLS

struct _CcCompareView
{
  GtkWidget           parent_instance;

  CcLibrary          *library;
  /* What keeps the articles to choose from (the window's scope), when
   * not all the library's. */
  GtkFilter          *filter;
  CcClusterSet       *clusters;
  /* The articles shown, left to right (CcArticle, owned). */
  GPtrArray          *chosen;
  /* Their columns, in the same order (CcCompareColumn, borrowed). */
  GPtrArray          *columns;
  /* The matrix's columns for the articles (GtkColumnViewColumn, owned). */
  GPtrArray          *article_columns;
  GtkSingleSelection *matrix_selection;
  /* The column the pointer is over: its scrolling leads the others. */
  GtkWidget          *hovered_column;
  guint               rebuild_source;
  /* Sizes the article columns after an allocation. */
  guint               fit_source;
  /* The matrix's width the article columns were last fitted to. */
  double              fitted_page;
  guint               scroll_together : 1;
  guint               syncing : 1;
  /* Whether some claim of the matrix has more than one source. */
  guint               any_shared : 1;

  /* Template children */
  GtkToggleButton    *choose_button;
  GtkLabel           *hint_label;
  AdwFlap            *flap;
  GtkListView        *picker_view;
  GtkMultiSelection  *picker_selection;
  GtkSortListModel   *picker_sort;
  GtkFilterListModel *picker_filter;
  GtkStack           *stack;
  GtkColumnView      *matrix;
  GtkColumnViewColumn *claim_column;
  GtkWidget          *columns_box;
};

/* cc-compare-view-matrix.c: the claim matrix, a row per cluster and a
 * column per article. */
void _cc_compare_view_matrix_init   (CcCompareView *self);
void _cc_compare_view_matrix_update (CcCompareView *self);

G_END_DECLS
