/* cc-reader-popovers.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reader's two popovers: the claim card, where a claim is corrected
 * or a new one filled in, and the note editor. Each points at its
 * passage once the passage is in view, and what it holds is stored
 * through the undo stack: the card on Save, the note when it closes. */

#define G_LOG_DOMAIN "cc-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-reader-private.h"

static gboolean
can_edit (CcReader *self)
{
  return self->article != NULL && self->library != NULL && self->undo_stack != NULL;
}

typedef struct
{
  GtkPopover *popover;
  guint       start;
  guint       end;
  guint       frames;
} Popup;

/* Waits for the passage to be scrolled into view and laid out there
 * (two frames), then points the popover at it. */
static gboolean
popup_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  CcReader *self = CC_READER (widget);
  Popup *popup = user_data;
  GdkRectangle area;
  graphene_point_t point;

  if (popup->frames++ < 2 || self->scroll_tick != 0)
    return G_SOURCE_CONTINUE;

  self->popup_tick = 0;

  cc_reader_view_get_range_area (self->text_view, popup->start, popup->end, &area);
  if (gtk_widget_compute_point (GTK_WIDGET (self->text_view), widget,
                                &GRAPHENE_POINT_INIT (area.x, area.y), &point))
    {
      area.x = point.x;
      area.y = point.y;
    }
  gtk_popover_set_pointing_to (popup->popover, &area);
  gtk_popover_popup (popup->popover);

  return G_SOURCE_REMOVE;
}

static void
popup_at (CcReader   *self,
          GtkPopover *popover,
          guint       start,
          guint       end)
{
  Popup *popup = g_new0 (Popup, 1);

  popup->popover = popover;
  popup->start = start;
  popup->end = end;
  _cc_reader_scroll_to_range (self, start, end);
  self->popup_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), popup_tick_cb, popup, g_free);
}

/**
 * _cc_reader_open_claim_card:
 * @claim: a claim of the article, or a new one (id 0) to add
 *
 * Opens the correction popover at @claim.
 */
void
_cc_reader_open_claim_card (CcReader *self,
                            CcClaim  *claim)
{
  g_assert (CC_IS_READER (self));
  g_assert (CC_IS_CLAIM (claim));

  _cc_reader_close_popovers (self);
  cc_claim_card_set_published (self->claim_card,
                               self->article ? cc_article_get_published (self->article) : NULL);
  cc_claim_card_set_claim (self->claim_card, claim);
  popup_at (self, GTK_POPOVER (self->claim_card), cc_claim_get_start (claim), cc_claim_get_end (claim));
}

/**
 * _cc_reader_open_editor:
 * @article: the article @annotation belongs to
 * @annotation: one of its annotations, or a new one (id 0) to add
 *
 * Opens the note editor at @annotation. What it holds when it closes is
 * stored, as one step.
 */
void
_cc_reader_open_editor (CcReader     *self,
                        CcArticle    *article,
                        CcAnnotation *annotation)
{
  g_autofree char *quote = NULL;

  g_assert (CC_IS_READER (self));
  g_assert (CC_IS_ANNOTATION (annotation));

  _cc_reader_close_popovers (self);
  quote = _cc_reader_dup_range_text (self, cc_annotation_get_start (annotation), cc_annotation_get_end (annotation));
  g_set_object (&self->editor_article, article);
  cc_annotation_editor_set_annotation (self->annotation_editor, annotation, quote);
  popup_at (self, GTK_POPOVER (self->annotation_editor),
            cc_annotation_get_start (annotation), cc_annotation_get_end (annotation));
}

/**
 * _cc_reader_close_popovers:
 *
 * Closes the claim card and the note editor; the note is kept.
 */
void
_cc_reader_close_popovers (CcReader *self)
{
  g_assert (CC_IS_READER (self));

  if (self->popup_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->popup_tick);
      self->popup_tick = 0;
    }

  if (self->claim_card != NULL && gtk_widget_get_visible (GTK_WIDGET (self->claim_card)))
    gtk_popover_popdown (GTK_POPOVER (self->claim_card));
  if (self->annotation_editor != NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self->annotation_editor)))
        gtk_popover_popdown (GTK_POPOVER (self->annotation_editor));
      /* Not shown yet (its frame has not come), or closed without
       * ::closed: keep what it holds all the same. */
      if (cc_annotation_editor_get_annotation (self->annotation_editor) != NULL)
        g_signal_emit_by_name (self->annotation_editor, "closed");
    }
}

static void
editor_closed_cb (CcReader           *self,
                  CcAnnotationEditor *editor)
{
  g_autoptr(CcAnnotation) values = NULL;
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) annotation = NULL;
  gboolean ok = TRUE;

  g_assert (CC_IS_READER (self));

  if (cc_annotation_editor_get_annotation (editor) == NULL)
    return;
  annotation = g_object_ref (cc_annotation_editor_get_annotation (editor));

  /* Reading goes on where it was, not at the window's first button. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  values = cc_annotation_editor_dup_values (editor);
  article = g_steal_pointer (&self->editor_article);
  cc_annotation_editor_set_annotation (editor, NULL, NULL);

  if (article == NULL || self->library == NULL || self->undo_stack == NULL)
    return;

  if (cc_annotation_get_id (annotation) == 0)
    {
      /* A note begun and left empty is no note. */
      if (cc_annotation_get_note (values) == NULL && cc_annotation_get_tags (values) == NULL)
        return;
      ok = cc_undo_stack_add_annotation (self->undo_stack, self->library, article, values, &error);

      /* The words now show in their colour, not as a selection. */
      if (ok && article == self->article)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
          GtkTextIter iter;

          gtk_text_buffer_get_iter_at_offset (buffer, &iter, cc_annotation_get_end (values));
          gtk_text_buffer_place_cursor (buffer, &iter);
        }
    }
  else
    {
      ok = cc_undo_stack_update_annotation (self->undo_stack, self->library, annotation, values,
                                            &error);
    }

  if (!ok)
    _cc_reader_show_error (self, _("Could not store the note"), error);
}

static void
card_save_cb (CcReader    *self,
              CcClaimCard *card)
{
  g_autoptr(CcClaim) values = NULL;
  g_autoptr(GError) error = NULL;
  CcClaim *claim = cc_claim_card_get_claim (card);
  gboolean ok;

  g_assert (CC_IS_READER (self));

  if (claim == NULL || !can_edit (self))
    return;

  if (!(values = cc_claim_card_dup_values (card, &error)))
    {
      cc_claim_card_show_error (card, error->message);
      return;
    }

  if (cc_claim_get_id (claim) == 0)
    ok = cc_undo_stack_add_claim (self->undo_stack, self->library, self->article, values, &error);
  else
    ok = cc_undo_stack_save_claim (self->undo_stack, self->library, claim, values, &error);

  if (!ok)
    {
      cc_claim_card_show_error (card, error->message);
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (card));
  if (cc_claim_get_id (claim) == 0)
    cc_reader_set_current_claim (self, values);
}

static void
card_closed_cb (CcReader    *self,
                CcClaimCard *card)
{
  GtkWidget *back = self->card_return_focus;

  g_assert (CC_IS_READER (self));

  g_clear_weak_pointer (&self->card_return_focus);
  if (back != NULL && gtk_widget_get_mapped (back) && gtk_widget_grab_focus (back))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/**
 * _cc_reader_set_card_return_focus:
 * @widget: (nullable): the widget the claim card was opened from
 *
 * Makes the focus go back to @widget when the card closes, rather than
 * to the text: a keyboard user going down the side panel stays there.
 */
void
_cc_reader_set_card_return_focus (CcReader  *self,
                                  GtkWidget *widget)
{
  g_assert (CC_IS_READER (self));

  g_set_weak_pointer (&self->card_return_focus, widget);
}

/**
 * _cc_reader_popovers_init:
 *
 * Makes the claim card and the note editor, children of the reader so
 * that their buttons reach its actions.
 */
void
_cc_reader_popovers_init (CcReader *self)
{
  self->claim_card = CC_CLAIM_CARD (cc_claim_card_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->claim_card), GTK_WIDGET (self));
  g_signal_connect_object (self->claim_card, "save", G_CALLBACK (card_save_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->claim_card, "closed", G_CALLBACK (card_closed_cb), self,
                           G_CONNECT_SWAPPED);

  self->annotation_editor = CC_ANNOTATION_EDITOR (cc_annotation_editor_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->annotation_editor), GTK_WIDGET (self));
  g_signal_connect_object (self->annotation_editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
}
