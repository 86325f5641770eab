/* cc-paced-selection.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CC_TYPE_PACED_SELECTION (cc_paced_selection_get_type ())

G_DECLARE_FINAL_TYPE (CcPacedSelection, cc_paced_selection, CC, PACED_SELECTION, GObject)

CcPacedSelection  *cc_paced_selection_new         (GtkSelectionModel *model);
GtkSelectionModel *cc_paced_selection_get_model   (CcPacedSelection  *self);
guint              cc_paced_selection_get_pending (CcPacedSelection  *self);
void               cc_paced_selection_show_more   (CcPacedSelection  *self);

G_END_DECLS
