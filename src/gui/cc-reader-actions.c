/* cc-reader-actions.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reader's actions, its search inside the article, and the popovers
 * through which claims are corrected and notes written. Every edit goes
 * through the undo stack, which stores it at once through the library. */

#define G_LOG_DOMAIN "cc-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-article-dialog.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-reader-format.h"
#include "cc-reader-private.h"

static GtkTextBuffer *
get_buffer (CcReader *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static gboolean
can_edit (CcReader *self)
{
  return self->article != NULL && self->library != NULL && self->undo_stack != NULL;
}

static void
show_toast (CcReader   *self,
            const char *title,
            gboolean    undoable)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (CcReader   *self,
            const char *what,
            GError     *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);

  show_toast (self, title, FALSE);
}

static gboolean
get_selection (CcReader *self,
               guint    *start,
               guint    *end)
{
  GtkTextIter start_iter, end_iter;

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (self), &start_iter, &end_iter))
    return FALSE;

  *start = gtk_text_iter_get_offset (&start_iter);
  *end = gtk_text_iter_get_offset (&end_iter);
  return *start < *end;
}

static guint
cursor_offset (CcReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static char *
dup_range_text (CcReader *self,
                guint     start,
                guint     end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  return gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
}

/* Leaves the words just marked visible as marked, not selected. */
static void
deselect (CcReader *self,
          guint     offset)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static CcClaim *
find_claim (CcReader *self,
            gint64    id)
{
  GListModel *claims;

  if (self->article == NULL)
    return NULL;

  claims = cc_article_get_claims (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (cc_claim_get_id (claim) == id)
        return claim;
    }

  return NULL;
}

static CcAnnotation *
find_annotation (CcReader *self,
                 gint64    id)
{
  GListModel *annotations;

  if (self->article == NULL)
    return NULL;

  annotations = cc_article_get_annotations (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (cc_annotation_get_id (annotation) == id)
        return annotation;
    }

  return NULL;
}

/* Popovers ------------------------------------------------------------------ */

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
  quote = dup_range_text (self, cc_annotation_get_start (annotation), cc_annotation_get_end (annotation));
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
    }
  else
    {
      ok = cc_undo_stack_update_annotation (self->undo_stack, self->library, annotation, values,
                                            &error);
    }

  if (!ok)
    show_error (self, _("Could not store the note"), error);
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

  self->annotation_editor = CC_ANNOTATION_EDITOR (cc_annotation_editor_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->annotation_editor), GTK_WIDGET (self));
  g_signal_connect_object (self->annotation_editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Search inside the article ---------------------------------------------- */

static void
show_match (CcReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  g_autofree char *label = NULL;
  guint n_matches = self->matches->len / 2;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &start, &end);

  if (n_matches == 0)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      gtk_label_set_label (self->search_label, *text ? _("No matches") : "");
      return;
    }

  self->current_match = CLAMP (self->current_match, 0, (int)n_matches - 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      g_array_index (self->matches, guint, 2 * self->current_match));
  gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                      g_array_index (self->matches, guint, 2 * self->current_match + 1));
  gtk_text_buffer_apply_tag (buffer, self->current_match_tag, &start, &end);
  _cc_reader_scroll_to_range (self, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));

  /* Translators: the current match of a search in the article, of all */
  label = g_strdup_printf (_("%d of %u"), self->current_match + 1, n_matches);
  gtk_label_set_label (self->search_label, label);
}

/**
 * _cc_reader_search_update:
 *
 * Finds the search text in the article again, from the cursor on.
 */
void
_cc_reader_search_update (CcReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end, match_start, match_end;
  const char *text = "";
  guint cursor;

  g_assert (CC_IS_READER (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  g_array_set_size (self->matches, 0);
  self->current_match = -1;

  if (gtk_revealer_get_reveal_child (self->search_bar))
    text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  cursor = cursor_offset (self);
  while (*text != '\0'
         && gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                          &match_start, &match_end, NULL))
    {
      guint offsets[2] = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

      if (self->current_match < 0 && offsets[0] >= cursor)
        self->current_match = self->matches->len / 2;
      g_array_append_vals (self->matches, offsets, 2);
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
      start = match_end;
    }

  if (self->current_match < 0)
    self->current_match = 0;
  show_match (self);
  _cc_reader_actions_update (self);
}

static void
move_match (CcReader *self,
            int       delta)
{
  int n_matches = self->matches->len / 2;

  if (n_matches == 0)
    return;

  self->current_match = (self->current_match + delta + n_matches) % n_matches;
  show_match (self);
}

void
_cc_reader_search_changed_cb (CcReader       *self,
                              GtkSearchEntry *entry)
{
  _cc_reader_search_update (self);
}

void
_cc_reader_search_activate_cb (CcReader       *self,
                               GtkSearchEntry *entry)
{
  move_match (self, 1);
}

void
_cc_reader_search_next_cb (CcReader       *self,
                           GtkSearchEntry *entry)
{
  move_match (self, 1);
}

void
_cc_reader_search_previous_cb (CcReader       *self,
                               GtkSearchEntry *entry)
{
  move_match (self, -1);
}

void
_cc_reader_search_stop_cb (CcReader       *self,
                           GtkSearchEntry *entry)
{
  gtk_revealer_set_reveal_child (self->search_bar, FALSE);
  _cc_reader_search_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Actions ------------------------------------------------------------------ */

static void
cc_reader_actions_highlight (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  const char *color = g_variant_get_string (param, NULL);
  guint start, end;

  if (*color != '\0')
    {
      g_free (self->highlight_color);
      self->highlight_color = g_strdup (color);
    }

  if (!can_edit (self) || !get_selection (self, &start, &end))
    return;

  annotation = cc_annotation_new ();
  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_color (annotation, self->highlight_color);

  if (!cc_undo_stack_add_annotation (self->undo_stack, self->library, self->article, annotation, &error))
    {
      show_error (self, _("Could not store the highlight"), error);
      return;
    }

  deselect (self, end);
}

static void
cc_reader_actions_add_note (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  g_autoptr(CcAnnotation) annotation = NULL;
  CcAnnotation *existing;
  guint start, end;

  if (!can_edit (self))
    return;

  /* Words already highlighted get their note written on that highlight. */
  if (!get_selection (self, &start, &end))
    start = end = cursor_offset (self);
  existing = _cc_reader_annotation_at (self, start);
  if (existing != NULL && end <= cc_annotation_get_end (existing))
    {
      _cc_reader_open_editor (self, self->article, existing);
      return;
    }

  if (start == end)
    return;

  annotation = cc_annotation_new ();
  cc_annotation_set_article_id (annotation, cc_article_get_id (self->article));
  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_color (annotation, self->highlight_color);
  _cc_reader_open_editor (self, self->article, annotation);
}

static void
cc_reader_actions_add_claim (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  g_autoptr(CcClaim) claim = NULL;
  g_autofree char *text = NULL;
  double value = 0;
  guint start, end;

  if (!can_edit (self) || !get_selection (self, &start, &end))
    return;

  text = dup_range_text (self, start, end);
  cc_parse_claim_number (text, &value);

  claim = cc_claim_new ();
  cc_claim_set_article_id (claim, cc_article_get_id (self->article));
  cc_claim_set_start (claim, start);
  cc_claim_set_end (claim, end);
  cc_claim_set_text (claim, g_strstrip (text));
  cc_claim_set_low (claim, value);
  cc_claim_set_high (claim, value);
  cc_claim_set_event_date (claim, cc_article_get_published (self->article));
  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);

  deselect (self, start);
  _cc_reader_open_claim_card (self, claim);
}

static void
cc_reader_actions_reject_claim (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  g_autoptr(GError) error = NULL;
  CcClaim *claim;

  if (!can_edit (self) || !(claim = find_claim (self, g_variant_get_int64 (param))))
    return;

  if (gtk_widget_get_visible (GTK_WIDGET (self->claim_card)))
    gtk_popover_popdown (GTK_POPOVER (self->claim_card));

  if (!cc_undo_stack_set_claim_rejected (self->undo_stack, self->library, claim, TRUE, &error))
    {
      show_error (self, _("Could not mark the claim"), error);
      return;
    }

  show_toast (self, _("Marked as not a claim"), TRUE);
}

static void
cc_reader_actions_edit_claim (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  CcClaim *claim = self->current_claim;

  if (claim == NULL)
    claim = _cc_reader_claim_at (self, cursor_offset (self));
  if (claim == NULL || !can_edit (self))
    return;

  cc_reader_set_current_claim (self, claim);
  _cc_reader_open_claim_card (self, claim);
}

static void
cc_reader_actions_show_claim (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  CcClaim *claim = find_claim (self, g_variant_get_int64 (param));

  if (claim != NULL)
    cc_reader_set_current_claim (self, claim);
}

static void
move_claim (CcReader *self,
            gboolean  forward)
{
  CcClaim *target = NULL;
  guint from;

  if (self->claim_tags->len == 0)
    return;

  /* From the current claim, or else from the cursor. */
  from = self->current_claim ? cc_claim_get_start (self->current_claim) : cursor_offset (self);

  for (guint i = 0; i < self->claim_tags->len; i++)
    {
      guint k = forward ? i : self->claim_tags->len - 1 - i;
      CcClaim *claim = g_object_get_data (g_ptr_array_index (self->claim_tags, k), "cc-item");
      guint start = cc_claim_get_start (claim);

      if (claim == self->current_claim)
        continue;
      if ((forward && (start > from || (self->current_claim == NULL && start == from)))
          || (!forward && start < from))
        {
          target = claim;
          break;
        }
    }

  if (target != NULL)
    cc_reader_set_current_claim (self, target);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
cc_reader_actions_next_claim (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  move_claim (CC_READER (widget), TRUE);
}

static void
cc_reader_actions_previous_claim (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  move_claim (CC_READER (widget), FALSE);
}

static void
cc_reader_actions_edit_annotation (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  CcAnnotation *annotation = find_annotation (self, g_variant_get_int64 (param));

  if (annotation != NULL && can_edit (self))
    _cc_reader_open_editor (self, self->article, annotation);
}

static void
cc_reader_actions_delete_annotation (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  g_autoptr(GError) error = NULL;
  CcAnnotation *annotation = find_annotation (self, g_variant_get_int64 (param));

  if (annotation == NULL || !can_edit (self))
    return;

  /* Whatever the editor holds goes with the highlight. */
  if (cc_annotation_editor_get_annotation (self->annotation_editor) == annotation)
    {
      cc_annotation_editor_set_annotation (self->annotation_editor, NULL, NULL);
      gtk_popover_popdown (GTK_POPOVER (self->annotation_editor));
    }

  if (!cc_undo_stack_remove_annotation (self->undo_stack, self->library, annotation, &error))
    {
      show_error (self, _("Could not delete the highlight"), error);
      return;
    }

  show_toast (self, _("Highlight deleted"), TRUE);
}

static void
cc_reader_actions_find (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  guint start, end;

  if (self->article == NULL)
    return;

  /* Selected words are what one most likely wants to find again. */
  if (get_selection (self, &start, &end) && end - start < 100)
    {
      g_autofree char *text = dup_range_text (self, start, end);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
    }

  gtk_revealer_set_reveal_child (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  _cc_reader_search_update (self);
}

static void
cc_reader_actions_find_next (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  move_match (CC_READER (widget), 1);
}

static void
cc_reader_actions_find_previous (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  move_match (CC_READER (widget), -1);
}

static void
cc_reader_actions_edit_article (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  GtkWidget *dialog;

  if (!can_edit (self))
    return;

  dialog = cc_article_dialog_new (self->article, self->library, self->undo_stack);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cc_reader_actions_toggle_panel (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcReader *self = CC_READER (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/**
 * _cc_reader_actions_update:
 *
 * Enables the reader's actions from its state: an article, a library to
 * edit, a selection.
 */
void
_cc_reader_actions_update (CcReader *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable;
  gboolean has_selection;
  gboolean has_claims;
  gboolean at_claim;
  gboolean at_annotation;
  guint start, end;

  g_assert (CC_IS_READER (self));

  /* Called from init, before the highlights exist. */
  if (self->claim_tags == NULL)
    return;

  editable = can_edit (self);
  has_selection = get_selection (self, &start, &end);
  has_claims = self->claim_tags->len > 0;
  at_claim = self->current_claim != NULL || _cc_reader_claim_at (self, cursor_offset (self)) != NULL;
  at_annotation = _cc_reader_annotation_at (self, cursor_offset (self)) != NULL;

  gtk_widget_action_set_enabled (widget, "reader.highlight", editable && has_selection);
  gtk_widget_action_set_enabled (widget, "reader.add-note", editable && (has_selection || at_annotation));
  gtk_widget_action_set_enabled (widget, "reader.add-claim", editable && has_selection);
  gtk_widget_action_set_enabled (widget, "reader.reject-claim", editable);
  gtk_widget_action_set_enabled (widget, "reader.edit-claim", editable && at_claim);
  gtk_widget_action_set_enabled (widget, "reader.show-claim", self->article != NULL);
  gtk_widget_action_set_enabled (widget, "reader.next-claim", has_claims);
  gtk_widget_action_set_enabled (widget, "reader.previous-claim", has_claims);
  gtk_widget_action_set_enabled (widget, "reader.edit-annotation", editable);
  gtk_widget_action_set_enabled (widget, "reader.delete-annotation", editable);
  gtk_widget_action_set_enabled (widget, "reader.find", self->article != NULL);
  gtk_widget_action_set_enabled (widget, "reader.find-next", self->matches->len > 0);
  gtk_widget_action_set_enabled (widget, "reader.find-previous", self->matches->len > 0);
  gtk_widget_action_set_enabled (widget, "reader.edit-article", editable);
  gtk_widget_action_set_enabled (widget, "reader.toggle-panel", self->article != NULL);
}

void
_cc_reader_class_actions_init (CcReaderClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "reader.highlight", "s",
                                   cc_reader_actions_highlight);
  gtk_widget_class_install_action (widget_class, "reader.add-note", NULL,
                                   cc_reader_actions_add_note);
  gtk_widget_class_install_action (widget_class, "reader.add-claim", NULL,
                                   cc_reader_actions_add_claim);
  gtk_widget_class_install_action (widget_class, "reader.reject-claim", "x",
                                   cc_reader_actions_reject_claim);
  gtk_widget_class_install_action (widget_class, "reader.edit-claim", NULL,
                                   cc_reader_actions_edit_claim);
  gtk_widget_class_install_action (widget_class, "reader.show-claim", "x",
                                   cc_reader_actions_show_claim);
  gtk_widget_class_install_action (widget_class, "reader.next-claim", NULL,
                                   cc_reader_actions_next_claim);
  gtk_widget_class_install_action (widget_class, "reader.previous-claim", NULL,
                                   cc_reader_actions_previous_claim);
  gtk_widget_class_install_action (widget_class, "reader.edit-annotation", "x",
                                   cc_reader_actions_edit_annotation);
  gtk_widget_class_install_action (widget_class, "reader.delete-annotation", "x",
                                   cc_reader_actions_delete_annotation);
  gtk_widget_class_install_action (widget_class, "reader.find", NULL,
                                   cc_reader_actions_find);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL,
                                   cc_reader_actions_find_next);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL,
                                   cc_reader_actions_find_previous);
  gtk_widget_class_install_action (widget_class, "reader.edit-article", NULL,
                                   cc_reader_actions_edit_article);
  gtk_widget_class_install_action (widget_class, "reader.toggle-panel", NULL,
                                   cc_reader_actions_toggle_panel);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "reader.highlight", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "reader.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "reader.add-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0,
                                       "reader.next-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0,
                                       "reader.previous-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "reader.edit-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "reader.edit-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "reader.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "reader.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "reader.toggle-panel", NULL);
}
