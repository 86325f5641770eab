/* cc-reader-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-annotation-editor.h"
#include "cc-claim-card.h"
#include "cc-reader.h"
#include "cc-reader-sidebar.h"
#include "cc-reader-view.h"

G_BEGIN_DECLS

struct _CcReader
{
  GtkWidget           parent_instance;

  CcArticle          *article;
  CcLibrary          *library;
  CcUndoStack        *undo_stack;
  CcClaim            *current_claim;
  GSignalGroup       *article_signals;
  GSignalGroup       *claims_signals;
  GSignalGroup       *annotations_signals;
  /* Claims and annotations whose notify we follow, to restyle them. */
  GPtrArray          *watched;

  /* One tag per highlighted claim and per annotation; each tag carries
   * its object as "cc-item" data. */
  GPtrArray          *claim_tags;
  GPtrArray          *annotation_tags;
  GtkTextTag         *match_tag;
  GtkTextTag         *current_match_tag;
  /* Search matches as character offsets: start, end, start, end, … */
  GArray             *matches;
  int                 current_match;
  /* A scroll waits for the next frame, when the text is laid out. */
  guint               scroll_tick;
  guint               scroll_start;
  guint               scroll_end;
  guint               scroll_frames;
  double              scroll_last_top;
  guint               restyle_idle;
  guint               popup_tick;
  gboolean            hover_pointer;
  gboolean            dark;
  /* The colour Ctrl+H uses: the last one chosen. */
  char               *highlight_color;
  /* The words of the library search, marked where words start with them
   * (cc-reader-search.c). */
  char              **search_words;
  GtkTextTag         *words_tag;

  CcClaimCard        *claim_card;
  CcAnnotationEditor *annotation_editor;
  /* The article the editor's annotation belongs to, which may no longer
   * be the one shown when the editor closes. */
  CcArticle          *editor_article;
  /* Where the focus goes back to when the claim card closes: the side
   * panel's row it was opened from, else the text. Weak. */
  GtkWidget          *card_return_focus;

  /* Template children */
  GtkStack           *stack;
  GtkWidget          *toolbar;
  GtkRevealer        *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *search_label;
  AdwFlap            *flap;
  GtkScrolledWindow  *scroller;
  GtkWidget          *page;
  GtkLabel           *legend_label;
  CcReaderView       *text_view;
  CcReaderSidebar    *sidebar;
};

/* cc-reader-marks.c: highlights, legend, hover and clicks */
void          _cc_reader_marks_init          (CcReader      *self);
void          _cc_reader_marks_dispose       (CcReader      *self);
void          _cc_reader_apply_marks         (CcReader      *self);
void          _cc_reader_restyle             (CcReader      *self);
CcClaim      *_cc_reader_claim_at            (CcReader      *self,
                                              guint          offset);
CcAnnotation *_cc_reader_annotation_at       (CcReader      *self,
                                              guint          offset);
void          _cc_reader_scroll_to_range     (CcReader      *self,
                                              guint          start,
                                              guint          end);
gboolean      _cc_reader_query_tooltip_cb    (CcReader      *self,
                                              int            x,
                                              int            y,
                                              gboolean       keyboard_mode,
                                              GtkTooltip    *tooltip,
                                              GtkWidget     *widget);

/* cc-reader.c: helpers of the other files */
void          _cc_reader_show_toast          (CcReader      *self,
                                              const char    *title,
                                              gboolean       undoable);
void          _cc_reader_show_error          (CcReader      *self,
                                              const char    *what,
                                              GError        *error);
char         *_cc_reader_dup_range_text      (CcReader      *self,
                                              guint          start,
                                              guint          end);

/* cc-reader-actions.c: the reader.* actions */
void          _cc_reader_class_actions_init  (CcReaderClass *klass);
void          _cc_reader_actions_update      (CcReader      *self);

/* cc-reader-popovers.c: the claim card and the note editor */
void          _cc_reader_popovers_init       (CcReader      *self);
void          _cc_reader_open_claim_card     (CcReader      *self,
                                              CcClaim       *claim);
void          _cc_reader_open_editor         (CcReader      *self,
                                              CcArticle     *article,
                                              CcAnnotation  *annotation);
void          _cc_reader_close_popovers      (CcReader      *self);
void          _cc_reader_set_card_return_focus (CcReader    *self,
                                              GtkWidget     *widget);

/* cc-reader-search.c: finding words in the article */
void          _cc_reader_search_update       (CcReader      *self);
void          _cc_reader_words_update        (CcReader      *self);
void          _cc_reader_move_match          (CcReader      *self,
                                              int            delta);
void          _cc_reader_search_changed_cb   (CcReader      *self,
                                              GtkSearchEntry *entry);
void          _cc_reader_search_activate_cb  (CcReader      *self,
                                              GtkSearchEntry *entry);
void          _cc_reader_search_next_cb      (CcReader      *self,
                                              GtkSearchEntry *entry);
void          _cc_reader_search_previous_cb  (CcReader      *self,
                                              GtkSearchEntry *entry);
void          _cc_reader_search_stop_cb      (CcReader      *self,
                                              GtkSearchEntry *entry);

G_END_DECLS
