/* cc-window-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-compare-view.h"
#include "cc-reader.h"
#include "cc-scope.h"
#include "cc-source-list.h"
#include "cc-story-list.h"
#include "cc-tag-view.h"
#include "cc-timeline-view.h"
#include "cc-window.h"

G_BEGIN_DECLS

struct _CcWindow
{
  AdwApplicationWindow  parent_instance;

  CcLibrary            *library;
  /* The story in view and the search: what every view shows. */
  CcScope              *scope;
  /* The ids of the articles the last import stored, for its Undo. */
  GArray               *last_import;
  /* Whether the last import went into a story the user chose; if not, a
   * story it resembles may be suggested (cc-window-stories.c). */
  guint                 import_story_chosen : 1;
  GCancellable         *suggest_cancellable;
  /* Every edit made in the window's views, to undo and redo. */
  CcUndoStack          *undo_stack;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;
  /* What the last import refused, for the toast's Details button. */
  GPtrArray            *import_messages;
  guint                 importing : 1;
  /* Whether the running import came from cc_window_open_files(), whose
   * first article is shown when it is stored. */
  guint                 show_first_import : 1;
  /* Files handed over while an import ran, imported next (GStrv each). */
  GQueue                pending_opens;
  guint                 fold_source;
  /* Marks the search's words in the reader, a frame after the list shows
   * the search's articles. */
  guint                 search_words_tick;
  /* The Export menu (cc-window-export.c): one export at a time. */
  GCancellable         *export_cancellable;
  GtkFileChooserNative *export_chooser;
  GFile                *exported_file;
  char                 *report_title;
  guint                 exporting : 1;

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
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress_bar;
  CcStoryList          *story_list;
  CcSourceList         *source_list;
  AdwViewStack         *views;
  CcReader             *reader;
  CcTimelineView       *timeline_view;
  CcCompareView        *compare_view;
  CcTagView            *tag_view;
};

void _cc_window_class_actions_init (CcWindowClass *klass);
void _cc_window_actions_update     (CcWindow      *self);
void _cc_window_class_export_init  (CcWindowClass *klass);
/* cc-window-stories.c: the story and delete actions. */
void _cc_window_class_stories_init (CcWindowClass *klass);
void _cc_window_stories_init       (CcWindow      *self);
void _cc_window_stories_update     (CcWindow      *self);
void _cc_window_undo_import        (CcWindow      *self);
void _cc_window_show_article       (CcWindow      *self,
                                    CcArticle     *article);
void _cc_window_suggest_story      (CcWindow      *self,
                                    CcStory       *import_story);
void _cc_window_export_init        (CcWindow      *self);
void _cc_window_export_update      (CcWindow      *self);
void _cc_window_export_dispose     (CcWindow      *self);

G_END_DECLS
