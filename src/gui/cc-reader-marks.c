/* cc-reader-marks.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the reader draws over the text: a tint for each claim in the
 * colour of its claimant's country, with a dotted underline when it is
 * hedged or denied; the user's highlights in their own colours;
 * the legend that explains them; and what the pointer does over them: a
 * card on hover, the correction popover or the note editor on click. */

#define G_LOG_DOMAIN "cc-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-palette.h"
#include "cc-reader-format.h"
#include "cc-reader-private.h"

#define ITEM_KEY "cc-item"

static GtkTextBuffer *
get_buffer (CcReader *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static void
item_notify_cb (CcReader   *self,
                GParamSpec *pspec,
                GObject    *item);

static void
watch (CcReader *self,
       gpointer  item)
{
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (item));
}

static void
unwatch_all (CcReader *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), item_notify_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
remove_tags (CcReader  *self,
             GPtrArray *tags)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (get_buffer (self));

  for (guint i = 0; i < tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (tags, i));
  g_ptr_array_set_size (tags, 0);
}

static GdkRGBA
rgba_from_hex (const char *hex,
               double      alpha)
{
  double rgb[3];

  cc_palette_parse (hex, rgb);
  return (GdkRGBA) { rgb[0], rgb[1], rgb[2], alpha };
}

static void
style_claim_tag (CcReader   *self,
                 GtkTextTag *tag,
                 CcClaim    *claim)
{
  const char *color = cc_palette_country_color (cc_claim_get_claimant_country (claim));
  gboolean current = claim == self->current_claim;
  GdkRGBA background;
  GdkRGBA line;

  /* A tint light enough to read through in either style; the current
   * claim, stronger. The line below takes the full colour. */
  if (current)
    background = rgba_from_hex (color, self->dark ? 0.60 : 0.45);
  else
    background = rgba_from_hex (color, self->dark ? 0.36 : 0.24);
  /* The line must show through the tint: darker than the country's
   * colour on a light page, lighter on a dark one. */
  line = rgba_from_hex (color, 1.0);
  if (self->dark)
    {
      line.red += (1 - line.red) * 0.35;
      line.green += (1 - line.green) * 0.35;
      line.blue += (1 - line.blue) * 0.35;
    }
  else
    {
      line.red *= 0.65;
      line.green *= 0.65;
      line.blue *= 0.65;
    }

  g_object_set (tag,
                "background-rgba", &background,
                "underline", cc_claim_get_hedged (claim) ? PANGO_UNDERLINE_ERROR : PANGO_UNDERLINE_NONE,
                "underline-rgba", &line,
                "weight", current ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_SEMIBOLD,
                NULL);
}

static void
style_annotation_tag (CcReader     *self,
                      GtkTextTag   *tag,
                      CcAnnotation *annotation)
{
  const char *color = cc_annotation_get_color (annotation);
  GdkRGBA background = rgba_from_hex (color ? color : "#f6d32d", self->dark ? 0.38 : 0.55);

  g_object_set (tag, "background-rgba", &background, NULL);
}

typedef struct
{
  const char *country;
  guint       count;
} CountryCount;

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const CountryCount *ca = a;
  const CountryCount *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  return g_utf8_collate (ca->country, cb->country);
}

/* The legend names only the countries this article's claims come from,
 * so it stays short; the line styles and the user's highlights follow. */
static void
update_legend (CcReader *self)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (CountryCount));
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *unknown = NULL;

  for (guint i = 0; i < self->claim_tags->len; i++)
    {
      CcClaim *claim = g_object_get_data (g_ptr_array_index (self->claim_tags, i), ITEM_KEY);
      const char *country = cc_claim_get_claimant_country (claim);
      gboolean found = FALSE;

      if (country == NULL || *country == '\0')
        country = "";

      for (guint j = 0; j < counts->len && !found; j++)
        {
          CountryCount *entry = &g_array_index (counts, CountryCount, j);

          if ((found = g_strcmp0 (entry->country, country) == 0))
            entry->count++;
        }
      if (!found)
        g_array_append_val (counts, ((CountryCount) { country, 1 }));
    }

  g_array_sort (counts, compare_counts);

  if (counts->len > 0)
    {
      g_string_append_printf (markup, "<b>%s</b>", _("Claims tinted by claimant country:"));
      for (guint i = 0; i < counts->len; i++)
        {
          const CountryCount *entry = &g_array_index (counts, CountryCount, i);
          g_autofree char *name = g_markup_escape_text (*entry->country ? entry->country
                                                                       : _("Unknown"), -1);

          /* No-break spaces hold each swatch to its name. */
          g_string_append_printf (markup,
                                  "  <span foreground=\"%s\">\xe2\x96\xa0</span>\xc2\xa0%s",
                                  cc_palette_country_color (entry->country), name);
        }
      g_string_append_c (markup, '\n');
    }

  g_string_append_printf (markup,
                          "<span underline=\"error\">%s</span>\xc2\xa0%s   "
                          "<span background=\"#f6d32d\" bgalpha=\"60%%\">%s</span>\xc2\xa0%s",
                          _("Dotted underline"), _("hedged or denied"),
                          _("Marker"), _("your highlights"));

  gtk_label_set_markup (self->legend_label, markup->str);
}

/**
 * _cc_reader_apply_marks:
 *
 * Lays the claim and annotation highlights over the text again, from the
 * article's models.
 */
void
_cc_reader_apply_marks (CcReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GListModel *claims;
  GListModel *annotations;
  guint n_chars;
  guint n_items;

  g_assert (CC_IS_READER (self));

  g_clear_handle_id (&self->restyle_idle, g_source_remove);
  unwatch_all (self);
  remove_tags (self, self->claim_tags);
  remove_tags (self, self->annotation_tags);

  if (self->article == NULL)
    {
      gtk_label_set_markup (self->legend_label, "");
      return;
    }

  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  buffer = get_buffer (self);
  table = gtk_text_buffer_get_tag_table (buffer);
  n_chars = gtk_text_buffer_get_char_count (buffer);

  claims = cc_article_get_claims (self->article);
  n_items = g_list_model_get_n_items (claims);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      guint start = cc_claim_get_start (claim);
      guint end = cc_claim_get_end (claim);
      GtkTextIter start_iter, end_iter;
      GtkTextTag *tag;

      watch (self, claim);
      if (cc_claim_get_rejected (claim) || start >= end || end > n_chars)
        continue;

      tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      g_object_set_data_full (G_OBJECT (tag), ITEM_KEY, g_object_ref (claim), g_object_unref);
      style_claim_tag (self, tag, claim);
      g_ptr_array_add (self->claim_tags, tag);

      gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
      gtk_text_buffer_apply_tag (buffer, tag, &start_iter, &end_iter);
    }

  /* Made after the claims, so the user's colour wins where they meet;
   * a claim's underline still shows through. */
  annotations = cc_article_get_annotations (self->article);
  n_items = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);
      guint start = cc_annotation_get_start (annotation);
      guint end = cc_annotation_get_end (annotation);
      GtkTextIter start_iter, end_iter;
      GtkTextTag *tag;

      watch (self, annotation);
      if (start >= end || end > n_chars)
        continue;

      tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      g_object_set_data_full (G_OBJECT (tag), ITEM_KEY, g_object_ref (annotation), g_object_unref);
      style_annotation_tag (self, tag, annotation);
      g_ptr_array_add (self->annotation_tags, tag);

      gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
      gtk_text_buffer_apply_tag (buffer, tag, &start_iter, &end_iter);
    }

  /* Search matches stay on top of everything. */
  gtk_text_tag_set_priority (self->match_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_tag_set_priority (self->current_match_tag, gtk_text_tag_table_get_size (table) - 1);

  update_legend (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

/**
 * _cc_reader_restyle:
 *
 * Gives every highlight its colours again, for a change of style or of
 * the current claim.
 */
void
_cc_reader_restyle (CcReader *self)
{
  GdkRGBA match, current_match;

  g_assert (CC_IS_READER (self));

  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < self->claim_tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (self->claim_tags, i);

      style_claim_tag (self, tag, g_object_get_data (G_OBJECT (tag), ITEM_KEY));
    }
  for (guint i = 0; i < self->annotation_tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (self->annotation_tags, i);

      style_annotation_tag (self, tag, g_object_get_data (G_OBJECT (tag), ITEM_KEY));
    }

  /* Search matches in the orange GNOME uses for them, the current one
   * solid so it stands out from the rest. */
  match = rgba_from_hex ("#ffa348", self->dark ? 0.45 : 0.5);
  current_match = rgba_from_hex ("#ff7800", 1.0);
  g_object_set (self->match_tag, "background-rgba", &match, NULL);
  g_object_set (self->current_match_tag,
                "background-rgba", &current_match,
                "foreground-rgba", &(GdkRGBA) { 0, 0, 0, 1 },
                NULL);
}

static gboolean
restyle_idle_cb (gpointer user_data)
{
  CcReader *self = user_data;

  self->restyle_idle = 0;
  _cc_reader_apply_marks (self);
  return G_SOURCE_REMOVE;
}

/* A claim or annotation changed a field. An edit changes several at once,
 * one notification each, so the highlights are laid again only once. */
static void
item_notify_cb (CcReader   *self,
                GParamSpec *pspec,
                GObject    *item)
{
  g_assert (CC_IS_READER (self));

  if (self->restyle_idle == 0)
    self->restyle_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restyle_idle_cb, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

static gpointer
item_at (GPtrArray *tags,
         guint      offset,
         gboolean   (*get_range) (gpointer, guint *, guint *))
{
  gpointer best = NULL;
  guint best_length = G_MAXUINT;

  /* The shortest passage holding the offset: the most specific. */
  for (guint i = 0; i < tags->len; i++)
    {
      gpointer item = g_object_get_data (g_ptr_array_index (tags, i), ITEM_KEY);
      guint start, end;

      get_range (item, &start, &end);
      if (offset >= start && offset < end && end - start < best_length)
        {
          best = item;
          best_length = end - start;
        }
    }

  return best;
}

static gboolean
claim_range (gpointer  item,
             guint    *start,
             guint    *end)
{
  *start = cc_claim_get_start (item);
  *end = cc_claim_get_end (item);
  return TRUE;
}

static gboolean
annotation_range (gpointer  item,
                  guint    *start,
                  guint    *end)
{
  *start = cc_annotation_get_start (item);
  *end = cc_annotation_get_end (item);
  return TRUE;
}

/**
 * _cc_reader_claim_at:
 *
 * Returns: (transfer none) (nullable): the highlighted claim at @offset
 */
CcClaim *
_cc_reader_claim_at (CcReader *self,
                     guint     offset)
{
  return item_at (self->claim_tags, offset, claim_range);
}

/**
 * _cc_reader_annotation_at:
 *
 * Returns: (transfer none) (nullable): the annotation at @offset
 */
CcAnnotation *
_cc_reader_annotation_at (CcReader *self,
                          guint     offset)
{
  return item_at (self->annotation_tags, offset, annotation_range);
}

static gboolean
offset_at_point (CcReader *self,
                 double    x,
                 double    y,
                 guint    *offset)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by))
    return FALSE;

  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/* Scrolling ---------------------------------------------------------------- */

/* A text just set is laid out line by line in idle time, so where a
 * passage lies is an estimate at first: the scroll is made again on each
 * frame until the passage stays put for two frames (or a second goes). */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  CcReader *self = CC_READER (widget);
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkAdjustment *vadj;
  GtkTextIter start, end;
  GdkRectangle first, last;
  graphene_point_t top, bottom;
  double value, page_size, margin;
  gboolean stable;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->scroll_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->scroll_end);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);

  if (!gtk_widget_compute_point (GTK_WIDGET (view), self->page,
                                 &GRAPHENE_POINT_INIT (0, first.y), &top)
      || !gtk_widget_compute_point (GTK_WIDGET (view), self->page,
                                    &GRAPHENE_POINT_INIT (0, last.y + last.height), &bottom))
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  stable = self->scroll_frames > 0 && top.y == self->scroll_last_top;
  self->scroll_last_top = top.y;

  vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (vadj);
  page_size = gtk_adjustment_get_page_size (vadj);
  margin = MIN (24.0, page_size / 8);

  /* Already in view: leave the text where the eyes are. Else bring the
   * passage to a third of the way down, where reading goes on. */
  if (top.y - margin < value || bottom.y + margin > value + page_size)
    {
      if (bottom.y - top.y + 2 * margin > page_size)
        gtk_adjustment_set_value (vadj, top.y - margin);
      else
        gtk_adjustment_set_value (vadj, top.y - page_size / 3);
    }

  if (stable || ++self->scroll_frames > 60)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * _cc_reader_scroll_to_range:
 *
 * Brings the passage from @start to @end into view, once the text is
 * laid out: from the next frame on.
 */
void
_cc_reader_scroll_to_range (CcReader *self,
                            guint     start,
                            guint     end)
{
  g_assert (CC_IS_READER (self));

  self->scroll_start = start;
  self->scroll_end = MAX (start, end);
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* The pointer --------------------------------------------------------------- */

static void
motion_cb (CcReader                 *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  gboolean pointer = FALSE;
  guint offset;

  g_assert (CC_IS_READER (self));

  if (cc_reader_view_get_marker_at (self->text_view, x, y, NULL) != NULL)
    pointer = TRUE;
  else if (offset_at_point (self, x, y, &offset))
    pointer = _cc_reader_claim_at (self, offset) != NULL
              || _cc_reader_annotation_at (self, offset) != NULL;

  /* Clickable passages say so. */
  if (pointer != self->hover_pointer)
    {
      self->hover_pointer = pointer;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), pointer ? "pointer" : "text");
    }
}

static void
released_cb (CcReader        *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  CcAnnotation *annotation;
  CcClaim *claim;
  guint offset;

  g_assert (CC_IS_READER (self));

  /* A click that selected words is for the toolbar, not a passage. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (get_buffer (self)))
    return;

  if ((annotation = cc_reader_view_get_marker_at (self->text_view, x, y, NULL)))
    {
      _cc_reader_open_editor (self, self->article, annotation);
      return;
    }

  if (!offset_at_point (self, x, y, &offset))
    return;

  if ((claim = _cc_reader_claim_at (self, offset)))
    {
      cc_reader_set_current_claim (self, claim);
      _cc_reader_open_claim_card (self, claim);
    }
  else if ((annotation = _cc_reader_annotation_at (self, offset)))
    {
      _cc_reader_open_editor (self, self->article, annotation);
    }
}

static void
set_annotation_tooltip (CcAnnotation *annotation,
                        GtkTooltip   *tooltip)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *note = cc_annotation_get_note (annotation);
  g_auto(GStrv) tags = cc_split_tags (cc_annotation_get_tags (annotation));

  if (note != NULL && *note != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      g_string_append_printf (markup, "%s\n", escaped);
    }
  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", tags);
      g_autofree char *escaped = g_markup_escape_text (joined, -1);

      g_string_append_printf (markup, "%s <b>%s</b>\n", _("Tags:"), escaped);
    }
  g_string_append_printf (markup, "<small>%s</small>",
                          note != NULL && *note != '\0' ? _("Click to edit the note")
                                                        : _("Click to add a note or tags"));
  gtk_tooltip_set_markup (tooltip, markup->str);
}

/**
 * _cc_reader_query_tooltip_cb:
 *
 * The hover card: a claim's value, claimant, country, status, hedging and
 * day; a highlight's note and tags.
 */
gboolean
_cc_reader_query_tooltip_cb (CcReader   *self,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip,
                             GtkWidget  *widget)
{
  CcAnnotation *annotation;
  CcClaim *claim;
  GdkRectangle area;
  guint offset;

  g_assert (CC_IS_READER (self));

  if (!keyboard_mode
      && (annotation = cc_reader_view_get_marker_at (self->text_view, x, y, &area)))
    {
      set_annotation_tooltip (annotation, tooltip);
      gtk_tooltip_set_tip_area (tooltip, &area);
      return TRUE;
    }

  if (keyboard_mode)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (get_buffer (self), &iter,
                                        gtk_text_buffer_get_insert (get_buffer (self)));
      offset = gtk_text_iter_get_offset (&iter);
    }
  else if (!offset_at_point (self, x, y, &offset))
    return FALSE;

  if ((claim = _cc_reader_claim_at (self, offset)))
    {
      g_autofree char *markup = cc_format_claim_markup (claim);

      gtk_tooltip_set_markup (tooltip, markup);
      cc_reader_view_get_range_area (self->text_view, cc_claim_get_start (claim),
                                     cc_claim_get_end (claim), &area);
      gtk_tooltip_set_tip_area (tooltip, &area);
      return TRUE;
    }

  if ((annotation = _cc_reader_annotation_at (self, offset)))
    {
      set_annotation_tooltip (annotation, tooltip);
      cc_reader_view_get_range_area (self->text_view, cc_annotation_get_start (annotation),
                                     cc_annotation_get_end (annotation), &area);
      gtk_tooltip_set_tip_area (tooltip, &area);
      return TRUE;
    }

  return FALSE;
}

void
_cc_reader_marks_init (CcReader *self)
{
  GtkEventController *motion;
  GtkGesture *click;
  GtkTextBuffer *buffer = get_buffer (self);

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->claim_tags = g_ptr_array_new ();
  self->annotation_tags = g_ptr_array_new ();
  self->match_tag = gtk_text_buffer_create_tag (buffer, "search-match", NULL);
  self->current_match_tag = gtk_text_buffer_create_tag (buffer, "search-current", NULL);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  /* As GTK's own hypertext demo does: a release without a selection is
   * a click on what lies under the pointer. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  _cc_reader_restyle (self);
}

void
_cc_reader_marks_dispose (CcReader *self)
{
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_handle_id (&self->restyle_idle, g_source_remove);

  if (self->watched != NULL)
    unwatch_all (self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->claim_tags, g_ptr_array_unref);
  g_clear_pointer (&self->annotation_tags, g_ptr_array_unref);
}
