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

/* The claim or annotation of the article's @model whose id is @id;
 * owned by the article. */
static gpointer
find_by_id (GListModel *model,
            gint64      id)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id = CC_IS_CLAIM (item) ? cc_claim_get_id (CC_CLAIM (item))
                                          : cc_annotation_get_id (CC_ANNOTATION (item));

      if (item_id == id)
        return item;
    }

  return NULL;
}

static CcClaim *
find_claim (CcReader *self,
            gint64    id)
{
  if (self->article == NULL)
    return NULL;
  return find_by_id (cc_article_get_claims (self->article), id);
}

static CcAnnotation *
find_annotation (CcReader *self,
                 gint64    id)
{
  if (self->article == NULL)
    return NULL;
  return find_by_id (cc_article_get_annotations (self->article), id);
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
      _cc_reader_show_error (self, _("Could not store the highlight"), error);
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

  text = _cc_reader_dup_range_text (self, start, end);
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
      _cc_reader_show_error (self, _("Could not mark the claim"), error);
      return;
    }

  _cc_reader_show_toast (self, _("Marked as not a claim"), TRUE);
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

/* A row of the side panel: the text goes to the claim and its card
 * opens there, whether the row was clicked or Enter pressed on it. */
static void
cc_reader_actions_open_claim (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CcReader *self = CC_READER (widget);
  CcClaim *claim = find_claim (self, g_variant_get_int64 (param));

  if (claim == NULL || cc_claim_get_rejected (claim))
    return;

  cc_reader_set_current_claim (self, claim);
  if (can_edit (self))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      _cc_reader_open_claim_card (self, claim);
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
        _cc_reader_set_card_return_focus (self, focus);
    }
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
      _cc_reader_show_error (self, _("Could not delete the highlight"), error);
      return;
    }

  _cc_reader_show_toast (self, _("Highlight deleted"), TRUE);
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
      g_autofree char *text = _cc_reader_dup_range_text (self, start, end);

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
  _cc_reader_move_match (CC_READER (widget), 1);
}

static void
cc_reader_actions_find_previous (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _cc_reader_move_match (CC_READER (widget), -1);
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
  gtk_widget_action_set_enabled (widget, "reader.open-claim", self->article != NULL);
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
  gtk_widget_class_install_action (widget_class, "reader.open-claim", "x",
                                   cc_reader_actions_open_claim);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "reader.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "reader.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "reader.toggle-panel", NULL);
}
