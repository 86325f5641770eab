/* cc-reader-search.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finding words inside the article (Ctrl+F in the reader): every match
 * tinted, the current one solid, "3 of 12" beside the entry. The source
 * list searches the library; this searches the text being read. */

#define G_LOG_DOMAIN "cc-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-reader-private.h"

static GtkTextBuffer *
get_buffer (CcReader *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static guint
cursor_offset (CcReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

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

/**
 * _cc_reader_move_match:
 * @delta: 1 for the next match, -1 for the one before
 *
 * Makes another match the current one, going round at either end.
 */
void
_cc_reader_move_match (CcReader *self,
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
  _cc_reader_move_match (self, 1);
}

void
_cc_reader_search_next_cb (CcReader       *self,
                           GtkSearchEntry *entry)
{
  _cc_reader_move_match (self, 1);
}

void
_cc_reader_search_previous_cb (CcReader       *self,
                               GtkSearchEntry *entry)
{
  _cc_reader_move_match (self, -1);
}

void
_cc_reader_search_stop_cb (CcReader       *self,
                           GtkSearchEntry *entry)
{
  gtk_revealer_set_reveal_child (self->search_bar, FALSE);
  _cc_reader_search_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
