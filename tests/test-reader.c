/* test-reader.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real application on the sample under a display (Xvfb in the
 * test command) and works in the reader as a user would, through its
 * actions: highlights per claim coloured by country, a highlight and a
 * note, "Not a Claim" reaching the flattened claims model at once, a
 * correction, a claim added from a selection, the article details with
 * a bad date refused, undo and redo of each, the side panel, n and p,
 * win.show-claim, search in the article and the tag view. A second run
 * on the same library finds the note again. Screenshots in the light and
 * dark styles and at 800×600 are saved for people to look at. */

#define G_LOG_DOMAIN "test-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-annotation-editor.h"
#include "cc-application.h"
#include "cc-article.h"
#include "cc-article-dialog.h"
#include "cc-claim.h"
#include "cc-claim-card.h"
#include "cc-library.h"
#include "cc-palette.h"
#include "cc-reader.h"
#include "cc-tag-view.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-window.h"

#define SCHEMA_ID "io.github.crosscheck.Crosscheck"
#define NOTE_TEXT "The count here is the NIS estimate, not a confirmed figure."

static char *tmpdir;
/* What the first run stored, for the second to find. */
static gint64 noted_article_id;
static guint noted_start;

/* Widgets ------------------------------------------------------------------ */

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Main loop ----------------------------------------------------------------- */

static gboolean
import_finished (gpointer data)
{
  CcWindow *window = data;

  return !cc_window_get_importing (window)
         && g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (window))) > 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthData;

static gboolean
has_width (gpointer data)
{
  WidthData *wd = data;

  /* The window's own frame takes a few pixels of the size asked for. */
  return ABS (gtk_widget_get_width (wd->widget) - wd->width) <= 20;
}

/* Models -------------------------------------------------------------------- */

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

static guint
count_shown_claims (CcArticle *article)
{
  GListModel *claims = cc_article_get_claims (article);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (!cc_claim_get_rejected (claim))
        count++;
    }
  return count;
}

static CcClaim *
nth_shown_claim (CcArticle *article,
                 guint      n)
{
  GListModel *claims = cc_article_get_claims (article);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (!cc_claim_get_rejected (claim) && n-- == 0)
        return claim;
    }
  return NULL;
}

static CcAnnotation *
annotation_at (CcArticle *article,
               guint      start)
{
  GListModel *annotations = cc_article_get_annotations (article);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (cc_annotation_get_start (annotation) == start)
        return annotation;
    }
  return NULL;
}

/* The article of the sample with the most claims, so every check has
 * claims of more than one country to look at. */
static guint
richest_article (GtkSingleSelection *selection)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint best = 0, best_claims = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (model, i);

      if (cc_article_get_n_claims (article) > best_claims)
        {
          best = i;
          best_claims = cc_article_get_n_claims (article);
        }
    }
  return best;
}

/* A stretch of text away from every claim, about @length characters
 * from a word's start to a word's end, so that a highlight there is the
 * user's alone and reads as a person would mark it. */
static gboolean
find_free_range (CcArticle *article,
                 guint      after,
                 guint      length,
                 guint     *start,
                 guint     *end)
{
  GListModel *claims = cc_article_get_claims (article);
  const char *text = cc_article_get_text (article);
  guint n_chars = g_utf8_strlen (text, -1);

  for (guint s = after; s + length + 20 < n_chars; s++)
    {
      gboolean free = TRUE;
      gunichar before = g_utf8_get_char (g_utf8_offset_to_pointer (text, s - 1));
      gunichar first = g_utf8_get_char (g_utf8_offset_to_pointer (text, s));
      guint e = s + length;

      if (s == 0 || !g_unichar_isspace (before) || !g_unichar_isalnum (first))
        continue;
      while (e < n_chars && g_unichar_isalnum (g_utf8_get_char (g_utf8_offset_to_pointer (text, e))))
        e++;
      length = e - s;

      for (guint i = 0; i < g_list_model_get_n_items (claims) && free; i++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

          free = cc_claim_get_end (claim) + 2 < s || cc_claim_get_start (claim) > s + length + 2;
        }
      if (free && annotation_at (article, s) == NULL)
        {
          *start = s;
          *end = e;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkTextBuffer *
reader_buffer (CcReader *reader)
{
  return gtk_text_view_get_buffer (cc_test_find_one (reader, GTK_TYPE_TEXT_VIEW));
}

static void
select_range (CcReader *reader,
              guint     start,
              guint     end)
{
  GtkTextBuffer *buffer = reader_buffer (reader);
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
}

static GtkTextTag *
claim_tag_at (CcReader *reader,
              guint     offset)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;
  GtkTextTag *found = NULL;

  gtk_text_buffer_get_iter_at_offset (reader_buffer (reader), &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (const GSList *l = tags; l; l = l->next)
    {
      gboolean underline_set = FALSE;

      g_object_get (l->data, "underline-set", &underline_set, NULL);
      if (underline_set)
        found = l->data;
    }
  return found;
}

static void
activate (gpointer    widget,
          const char *action,
          const char *format,
          ...)
{
  GVariant *param = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, param));
}

/* Screenshots ---------------------------------------------------------------- */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  /* A window in the middle of a relayout draws nothing for a frame. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      if ((node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))))
        break;
      cc_test_settle (100);
    }

  cc_test_save_screenshot (widget, tmpdir, name);
}

static void
resize (CcWindow *window,
        int       width,
        int       height)
{
  WidthData wd = { GTK_WIDGET (window), width };

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!cc_test_wait_until (has_width, &wd))
    g_error ("Window is %d×%d, not %d×%d", gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)), width, height);
  cc_test_settle (400);
}

static void
run_app (const char     *db_name,
         CcTestAppCheck  check)
{
  g_autofree char *db_path = g_build_filename (tmpdir, db_name, NULL);

  cc_test_run_app (db_path, check);
}

static CcWindow *
open_window (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);

  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (import_finished, window));
  resize (window, 1280, 800);
  return window;
}

/* The checks ----------------------------------------------------------------- */

/* The light style draws a claim's line in a darker shade of its country's
 * colour: the same colour scaled, channel by channel. */
static void
assert_shade_of (const GdkRGBA *line,
                 const double   rgb[3])
{
  double scale = rgb[0] + rgb[1] + rgb[2] > 0
                 ? (line->red + line->green + line->blue) / (rgb[0] + rgb[1] + rgb[2])
                 : 1;

  g_assert_cmpfloat (scale, >, 0.3);
  g_assert_cmpfloat_with_epsilon (line->red, rgb[0] * scale, 0.02);
  g_assert_cmpfloat_with_epsilon (line->green, rgb[1] * scale, 0.02);
  g_assert_cmpfloat_with_epsilon (line->blue, rgb[2] * scale, 0.02);
}

static void
check_highlights (CcReader  *reader,
                  CcArticle *article)
{
  GListModel *claims = cc_article_get_claims (article);
  gboolean saw_hedged = FALSE;

  /* One highlight per stored claim that is not rejected... */
  g_assert_cmpuint (count_shown_claims (article), >, 0);
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, count_shown_claims (article));

  /* ...in its claimant country's colour, wavy when hedged. */
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      g_autoptr(GdkRGBA) line = NULL;
      GtkTextTag *tag;
      PangoUnderline underline;
      double rgb[3];

      if (cc_claim_get_rejected (claim))
        continue;

      tag = claim_tag_at (reader, cc_claim_get_start (claim));
      g_assert_nonnull (tag);
      g_object_get (tag, "underline", &underline, "underline-rgba", &line, NULL);
      cc_palette_parse (cc_palette_country_color (cc_claim_get_claimant_country (claim)), rgb);
      assert_shade_of (line, rgb);
      g_assert_cmpint (underline, ==, cc_claim_get_hedged (claim) ? PANGO_UNDERLINE_ERROR
                                                                   : PANGO_UNDERLINE_NONE);
      saw_hedged |= cc_claim_get_hedged (claim);
    }
  if (!saw_hedged)
    g_test_message ("No hedged claim in this article: the wavy line went unchecked");
}

/* Select words, Highlight (reader.highlight), then select others and Add
 * Note (reader.add-note), type the note and tags in the editor, Done. */
static CcAnnotation *
add_highlight_and_note (CcWindow  *window,
                        CcReader  *reader,
                        CcArticle *article)
{
  CcAnnotationEditor *editor = NULL;
  GListModel *annotations = cc_article_get_annotations (article);
  guint n_before = g_list_model_get_n_items (annotations);
  guint highlight_start, highlight_end, note_start, note_end;
  CcAnnotation *highlight, *note;
  GtkTextBuffer *note_buffer;
  g_autoptr(GPtrArray) editors = NULL;

  g_assert_true (find_free_range (article, 40, 30, &highlight_start, &highlight_end));
  select_range (reader, highlight_start, highlight_end);
  activate (reader, "reader.highlight", "s", "#8ff0a4");
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n_before + 1);
  highlight = annotation_at (article, highlight_start);
  g_assert_nonnull (highlight);
  g_assert_cmpstr (cc_annotation_get_color (highlight), ==, "#8ff0a4");
  g_assert_cmpuint (cc_reader_count_annotation_ranges (reader), ==, n_before + 1);
  g_assert_false (gtk_text_buffer_get_has_selection (reader_buffer (reader)));

  g_assert_true (find_free_range (article, highlight_end + 40, 45, &note_start, &note_end));
  select_range (reader, note_start, note_end);
  activate (reader, "reader.add-note", NULL);

  editors = cc_test_find_all (reader, CC_TYPE_ANNOTATION_EDITOR);
  g_assert_cmpuint (editors->len, ==, 1);
  editor = g_ptr_array_index (editors, 0);
  g_assert_true (cc_test_wait_until (is_visible, editor));

  /* Nothing is stored until the note is written. */
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n_before + 1);

  note_buffer = gtk_text_view_get_buffer (cc_test_find_one (editor, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (note_buffer, NOTE_TEXT, -1);
  gtk_editable_set_text (cc_test_find_one (editor, GTK_TYPE_ENTRY), "disputed, troop numbers ,");
  activate (editor, "editor.done", NULL);
  g_assert_true (cc_test_wait_until (is_hidden, editor));

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n_before + 2);
  note = annotation_at (article, note_start);
  g_assert_nonnull (note);
  g_assert_cmpstr (cc_annotation_get_note (note), ==, NOTE_TEXT);
  g_assert_cmpstr (cc_annotation_get_tags (note), ==, "disputed,troop numbers");
  g_assert_cmpuint (cc_reader_count_annotation_ranges (reader), ==, n_before + 2);

  /* Undo takes the note away, redo brings it back. */
  activate (window, "win.undo", NULL);
  g_assert_null (annotation_at (article, note_start));
  g_assert_cmpuint (cc_reader_count_annotation_ranges (reader), ==, n_before + 1);
  activate (window, "win.redo", NULL);
  g_assert_true (annotation_at (article, note_start) == note);
  g_assert_cmpstr (cc_annotation_get_note (note), ==, NOTE_TEXT);

  noted_article_id = cc_article_get_id (article);
  noted_start = note_start;
  return note;
}

static void
check_not_a_claim (CcWindow  *window,
                   CcLibrary *library,
                   CcReader  *reader,
                   CcArticle *article)
{
  GListModel *all = cc_library_get_claims (library);
  CcClaim *claim = nth_shown_claim (article, 0);
  guint n_all = g_list_model_get_n_items (all);
  guint n_ranges = cc_reader_count_claim_ranges (reader);

  g_assert_nonnull (claim);
  g_assert_true (model_contains (all, claim));

  /* Through the reader's action, as the card's button does: the claim
   * leaves the flattened model, which every other view shows, at once. */
  activate (reader, "reader.reject-claim", "x", cc_claim_get_id (claim));
  g_assert_false (model_contains (all, claim));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all - 1);
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_ranges - 1);

  activate (window, "win.undo", NULL);
  g_assert_true (model_contains (all, claim));
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_ranges);
  activate (window, "win.redo", NULL);
  g_assert_false (model_contains (all, claim));
  activate (window, "win.undo", NULL);
  g_assert_true (model_contains (all, claim));
  g_assert_false (cc_claim_get_rejected (claim));
}

static void
check_correction (CcWindow  *window,
                  CcReader  *reader,
                  CcArticle *article)
{
  CcClaim *claim = nth_shown_claim (article, 1);
  CcClaimCard *card = cc_test_find_one (reader, CC_TYPE_CLAIM_CARD);
  g_autofree char *claimant = NULL;
  g_autofree char *country = NULL;
  g_autofree char *date = NULL;
  GtkEditable *claimant_entry = NULL;
  GtkEditable *country_entry = NULL;
  GtkEditable *date_entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *error_label = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  CcClaimOrigin origin;

  g_assert_nonnull (claim);
  claimant = g_strdup (cc_claim_get_claimant (claim));
  country = g_strdup (cc_claim_get_claimant_country (claim));
  date = g_strdup (cc_claim_get_event_date (claim));
  origin = cc_claim_get_origin (claim);

  cc_reader_set_current_claim (reader, claim);
  g_assert_true (cc_reader_get_current_claim (reader) == claim);
  activate (reader, "reader.edit-claim", NULL);
  g_assert_true (cc_test_wait_until (is_visible, card));
  g_assert_true (cc_claim_card_get_claim (card) == claim);

  entries = cc_test_find_all (card, GTK_TYPE_ENTRY);
  /* Low, high, claimant, country, date. */
  g_assert_cmpuint (entries->len, ==, 5);
  claimant_entry = g_ptr_array_index (entries, 2);
  country_entry = g_ptr_array_index (entries, 3);
  date_entry = g_ptr_array_index (entries, 4);

  /* A bad day is refused in the card, and nothing is stored. */
  gtk_editable_set_text (claimant_entry, "A corrected source");
  gtk_editable_set_text (country_entry, "Poland");
  gtk_editable_set_text (date_entry, "2024-10-32");
  activate (card, "card.save", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  labels = cc_test_find_all (card, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      error_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "2024-10-32"));
  g_assert_cmpstr (cc_claim_get_claimant (claim), ==, claimant);

  gtk_editable_set_text (date_entry, "2024-10-20");
  activate (card, "card.save", NULL);
  g_assert_true (cc_test_wait_until (is_hidden, card));
  g_assert_cmpstr (cc_claim_get_claimant (claim), ==, "A corrected source");
  g_assert_cmpstr (cc_claim_get_claimant_country (claim), ==, "Poland");
  g_assert_cmpstr (cc_claim_get_event_date (claim), ==, "2024-10-20");
  g_assert_cmpint (cc_claim_get_origin (claim), ==, CC_CLAIM_ORIGIN_USER);

  /* The highlight takes the new country's colour. */
  cc_test_settle (100);
  {
    g_autoptr(GdkRGBA) line = NULL;
    double rgb[3];

    g_object_get (claim_tag_at (reader, cc_claim_get_start (claim)), "underline-rgba", &line, NULL);
    cc_palette_parse (cc_palette_country_color ("Poland"), rgb);
    assert_shade_of (line, rgb);
  }

  activate (window, "win.undo", NULL);
  g_assert_cmpstr (cc_claim_get_claimant (claim), ==, claimant);
  g_assert_cmpstr (cc_claim_get_claimant_country (claim), ==, country);
  g_assert_cmpstr (cc_claim_get_event_date (claim), ==, date);
  g_assert_cmpint (cc_claim_get_origin (claim), ==, origin);
}

static void
check_add_claim (CcWindow  *window,
                 CcLibrary *library,
                 CcReader  *reader,
                 CcArticle *article)
{
  CcClaimCard *card = cc_test_find_one (reader, CC_TYPE_CLAIM_CARD);
  GListModel *all = cc_library_get_claims (library);
  guint n_all = g_list_model_get_n_items (all);
  guint n_shown = count_shown_claims (article);
  CcClaim *added;
  guint start, end;

  g_assert_true (find_free_range (article, 200, 12, &start, &end));
  select_range (reader, start, end);
  activate (reader, "reader.add-claim", NULL);
  g_assert_true (cc_test_wait_until (is_visible, card));
  g_assert_cmpint (cc_claim_get_id (cc_claim_card_get_claim (card)), ==, 0);
  /* Not stored until the card is saved. */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all);

  /* As typed, with a thousands separator; the high end follows. */
  gtk_editable_set_text (cc_test_find_one (card, GTK_TYPE_ENTRY), "2,500");
  activate (card, "card.save", NULL);
  g_assert_true (cc_test_wait_until (is_hidden, card));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all + 1);
  g_assert_cmpuint (count_shown_claims (article), ==, n_shown + 1);
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_shown + 1);
  added = cc_reader_get_current_claim (reader);
  g_assert_nonnull (added);
  g_assert_cmpuint (cc_claim_get_start (added), ==, start);
  g_assert_cmpfloat (cc_claim_get_low (added), ==, 2500);
  g_assert_cmpfloat (cc_claim_get_high (added), ==, 2500);
  g_assert_cmpint (cc_claim_get_origin (added), ==, CC_CLAIM_ORIGIN_USER);

  activate (window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all);
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_shown);
}

static void
check_article_dialog (CcWindow  *window,
                      CcReader  *reader,
                      CcArticle *article)
{
  g_autofree char *published = g_strdup (cc_article_get_published (article));
  g_autofree char *title = g_strdup (cc_article_get_title (article));
  CcArticleDialog *dialog;
  g_autoptr(GPtrArray) rows = NULL;
  GtkEditable *title_row, *date_row;
  GtkLabel *error_label = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  activate (reader, "reader.edit-article", NULL);
  dialog = find_toplevel (CC_TYPE_ARTICLE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  rows = cc_test_find_all (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 4);
  title_row = g_ptr_array_index (rows, 0);
  date_row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (gtk_editable_get_text (date_row), ==, published);

  /* An impossible day: a clear error in the dialog, nothing saved. */
  gtk_editable_set_text (title_row, "A corrected title");
  gtk_editable_set_text (date_row, "2024-02-30");
  activate (dialog, "dialog.save", NULL);
  labels = cc_test_find_all (dialog, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      error_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "2024-02-30"));
  g_assert_cmpstr (cc_article_get_published (article), ==, published);
  g_assert_cmpstr (cc_article_get_title (article), ==, title);

  gtk_editable_set_text (date_row, "2024-11-02");
  activate (dialog, "dialog.save", NULL);
  g_assert_null (find_toplevel (CC_TYPE_ARTICLE_DIALOG));
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-11-02");
  g_assert_cmpstr (cc_article_get_title (article), ==, "A corrected title");

  activate (window, "win.undo", NULL);
  g_assert_cmpstr (cc_article_get_published (article), ==, published);
  g_assert_cmpstr (cc_article_get_title (article), ==, title);
}

static void
check_navigation (CcWindow           *window,
                  CcReader           *reader,
                  CcArticle          *article,
                  GtkSingleSelection *selection)
{
  GListModel *model = G_LIST_MODEL (selection);
  CcArticle *other = NULL;
  CcClaim *other_claim;

  /* n and p walk the claims in text order. */
  cc_reader_set_current_claim (reader, NULL);
  gtk_widget_grab_focus (cc_test_find_one (reader, GTK_TYPE_TEXT_VIEW));
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (reader_buffer (reader), &start);
    gtk_text_buffer_place_cursor (reader_buffer (reader), &start);
  }
  activate (reader, "reader.next-claim", NULL);
  g_assert_true (cc_reader_get_current_claim (reader) == nth_shown_claim (article, 0));
  activate (reader, "reader.next-claim", NULL);
  g_assert_true (cc_reader_get_current_claim (reader) == nth_shown_claim (article, 1));
  activate (reader, "reader.previous-claim", NULL);
  g_assert_true (cc_reader_get_current_claim (reader) == nth_shown_claim (article, 0));

  /* win.show-claim opens another article at its claim. */
  for (guint i = 0; i < g_list_model_get_n_items (model) && other == NULL; i++)
    {
      g_autoptr(CcArticle) candidate = g_list_model_get_item (model, i);

      if (candidate != article && cc_article_get_n_claims (candidate) > 0)
        other = candidate;
    }
  g_assert_nonnull (other);
  other_claim = nth_shown_claim (other, cc_article_get_n_claims (other) - 1);
  activate (window, "win.show-claim", "x", cc_claim_get_id (other_claim));
  g_assert_true (cc_reader_get_article (reader) == other);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == other);
  g_assert_true (cc_reader_get_current_claim (reader) == other_claim);

  activate (window, "win.show-claim", "x", cc_claim_get_id (nth_shown_claim (article, 0)));
  g_assert_true (cc_reader_get_article (reader) == article);
}

static void
check_search (CcReader *reader)
{
  GtkEditable *entry = cc_test_find_one (reader, GTK_TYPE_SEARCH_ENTRY);
  GtkRevealer *bar = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_REVEALER));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (reader_buffer (reader));
  GtkTextTag *match = gtk_text_tag_table_lookup (table, "search-match");
  GtkTextIter iter;
  guint n_matches = 0;

  activate (reader, "reader.find", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  gtk_editable_set_text (entry, "troops");
  g_signal_emit_by_name (entry, "search-changed");

  gtk_text_buffer_get_start_iter (reader_buffer (reader), &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, match))
    if (gtk_text_iter_starts_tag (&iter, match))
      n_matches++;
  g_assert_cmpuint (n_matches, >, 0);

  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_revealer_get_reveal_child (bar));
}

static void
check_tags (CcWindow *window)
{
  CcTagView *tag_view = cc_test_find_one (window, CC_TYPE_TAG_VIEW);
  g_auto(GStrv) tags = cc_tag_view_dup_tags (tag_view);

  g_assert_true (g_strv_contains ((const char * const *)tags, "disputed"));
  g_assert_true (g_strv_contains ((const char * const *)tags, "troop numbers"));
  cc_tag_view_select_tag (tag_view, "disputed");
  g_assert_cmpuint (cc_tag_view_get_n_passages (tag_view), ==, 1);
}

static void
check_reader (CcApplication *app)
{
  CcWindow *window = open_window (app);
  CcLibrary *library = cc_window_get_library (window);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  CcArticle *article;

  gtk_single_selection_set_selected (selection, richest_article (selection));
  article = gtk_single_selection_get_selected_item (selection);
  g_assert_true (cc_reader_get_article (reader) == article);
  cc_test_settle (200);

  check_highlights (reader, article);
  add_highlight_and_note (window, reader, article);
  check_not_a_claim (window, library, reader, article);
  check_correction (window, reader, article);
  check_add_claim (window, library, reader, article);
  check_article_dialog (window, reader, article);
  check_navigation (window, reader, article, selection);
  check_search (reader);
  check_tags (window);

  /* Screenshots: the claims, the highlight and the note, in the light and
   * the dark style, and on a small screen. */
  cc_reader_set_current_claim (reader, nth_shown_claim (article, 0));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (cc_test_find_one (reader, GTK_TYPE_TEXT_VIEW),
                                                                            GTK_TYPE_SCROLLED_WINDOW))),
                            0);
  adw_flap_set_reveal_flap (cc_test_find_one (reader, ADW_TYPE_FLAP), TRUE);
  cc_test_settle (500);
  save_screenshot (GTK_WIDGET (window), "reader-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  cc_test_settle (500);
  save_screenshot (GTK_WIDGET (window), "reader-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* On a small screen the window shows one pane at a time: going to the
   * note, as its row in the side panel does, opens the reader. */
  resize (window, 800, 600);
  cc_test_settle (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-annotation", "x",
                              cc_annotation_get_id (annotation_at (article, noted_start)));
  cc_test_settle (500);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  save_screenshot (GTK_WIDGET (window), "reader-small.png");
}

static void
test_reader_sample (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  run_app ("reader.db", check_reader);
}

/* /reader/reopen: the note is there after a restart. */

static void
check_reopen (CcApplication *app)
{
  CcWindow *window = open_window (app);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  CcLibrary *library = cc_window_get_library (window);
  CcArticle *article = cc_library_lookup_article (library, noted_article_id);
  CcAnnotation *note;
  guint position = G_MAXUINT;

  g_assert_nonnull (article);
  note = annotation_at (article, noted_start);
  g_assert_nonnull (note);
  g_assert_cmpstr (cc_annotation_get_note (note), ==, NOTE_TEXT);
  g_assert_cmpstr (cc_annotation_get_tags (note), ==, "disputed,troop numbers");

  /* And the reader shows it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(CcArticle) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (item == article)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_single_selection_set_selected (selection, position);
  g_assert_true (cc_reader_get_article (reader) == article);
  g_assert_cmpuint (cc_reader_count_annotation_ranges (reader), ==, 2);
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, count_shown_claims (article));
}

static void
test_reader_reopen (void)
{
  if (noted_article_id == 0)
    {
      g_test_skip ("The first run stored no note");
      return;
    }
  run_app ("reader.db", check_reopen);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-reader")))
    return 77;

  g_test_add_func ("/reader/sample", test_reader_sample);
  g_test_add_func ("/reader/reopen", test_reader_reopen);

  return cc_test_gui_run (tmpdir);
}
