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

/* The words of the library search ------------------------------------------
 *
 * The search above the article list finds articles whose words start
 * with the words typed ("Kyiv Po" finds "Kyiv Post"); the reader marks
 * those words, whole, with a double underline that leaves the claims'
 * and the user's colours readable. */

/**
 * _cc_reader_words_update:
 *
 * Marks the words of the article that start with a word of the search.
 */
void
_cc_reader_words_update (CcReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autoptr(GPtrArray) folded = NULL;
  GtkTextIter start, end, iter;

  g_assert (CC_IS_READER (self));

  if (self->words_tag == NULL)
    self->words_tag = gtk_text_buffer_create_tag (buffer, "search-words",
                                                  "underline", PANGO_UNDERLINE_DOUBLE,
                                                  "underline-rgba", &(GdkRGBA) { 1.0, 0.47, 0.0, 1.0 },
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  NULL);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->words_tag, &start, &end);

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return;

  folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    g_ptr_array_add (folded, g_utf8_casefold (self->search_words[i], -1));

  iter = start;
  if (!gtk_text_iter_starts_word (&iter) && gtk_text_iter_forward_word_end (&iter))
    gtk_text_iter_backward_word_start (&iter);

  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter word_end = iter;
      g_autofree char *word = NULL;
      g_autofree char *word_folded = NULL;

      if (!gtk_text_iter_forward_word_end (&word_end))
        word_end = end;
      word = gtk_text_iter_get_slice (&iter, &word_end);
      word_folded = g_utf8_casefold (word, -1);

      for (guint i = 0; i < folded->len; i++)
        if (g_str_has_prefix (word_folded, g_ptr_array_index (folded, i)))
          {
            gtk_text_buffer_apply_tag (buffer, self->words_tag, &iter, &word_end);
            break;
          }

      /* On to the start of the next word. */
      iter = word_end;
      if (!gtk_text_iter_forward_word_end (&iter))
        break;
      gtk_text_iter_backward_word_start (&iter);
    }
}

/**
 * cc_reader_set_search_words:
 * @words: (nullable) (array zero-terminated=1): the words of the library
 *   search
 *
 * Marks the words of the article that start with one of @words, as the
 * full-text search matched them.
 */
void
cc_reader_set_search_words (CcReader           *self,
                            const char * const *words)
{
  g_return_if_fail (CC_IS_READER (self));

  g_strfreev (self->search_words);
  self->search_words = g_strdupv ((char **)words);
  _cc_reader_words_update (self);
}
