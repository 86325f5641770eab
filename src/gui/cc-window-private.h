/* cc-window-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-reader.h"
#include "cc-source-list.h"
#include "cc-window.h"

G_BEGIN_DECLS

struct _CcWindow
{
  AdwApplicationWindow  parent_instance;

  CcLibrary            *library;
  /* Every edit made in the window's views, to undo and redo. */
  CcUndoStack          *undo_stack;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;
  /* What the last import refused, for the toast's Details button. */
  GPtrArray            *import_messages;
  guint                 importing : 1;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkMenuButton        *empty_menu_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *sidebar_title;
  GtkMenuButton        *menu_button;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  CcSourceList         *source_list;
  AdwViewStack         *views;
  CcReader             *reader;
};

void _cc_window_class_actions_init (CcWindowClass *klass);
void _cc_window_actions_update     (CcWindow      *self);

G_END_DECLS
