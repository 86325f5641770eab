/* test-usability.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the application on the sample and goes through what a first real
 * user ran into, by keyboard where a user would use it: keys are typed
 * for real (xdotool, through the X server), and what is checked is what
 * the window shows. The claims panel after "Not a Claim" and its undo,
 * Enter on a panel row, Show on Chart after a correction; counts with
 * thousands separators in the C locale; page switching by Alt+number.
 * Screenshots of every page in the light and dark styles, at 1100×720
 * and 800×600, are saved in the build folder for people to look at. */

#define G_LOG_DOMAIN "test-usability"

#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-chart.h"
#include "cc-claim.h"
#include "cc-claim-card.h"
#include "cc-compare-view.h"
#include "cc-library.h"
#include "cc-reader.h"
#include "cc-reader-sidebar.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-timeline-view.h"
#include "cc-window.h"

#define SCHEMA_ID "io.github.crosscheck.Crosscheck"

static char *tmpdir;

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

static gboolean
has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
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

  return ABS (gtk_widget_get_width (wd->widget) - wd->width) <= 20;
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
    g_error ("Window is %d wide, not %d", gtk_widget_get_width (GTK_WIDGET (window)), width);
  cc_test_settle (400);
}

static CcWindow *
open_window (CcApplication *app,
             int            width,
             int            height)
{
  CcWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data))
      window = l->data;

  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (import_finished, window));
  resize (window, width, height);
  return window;
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

  /* Held here: GTK may leave a floating parameter unsunk. */
  if (param != NULL)
    g_variant_ref_sink (param);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, param));
  g_clear_pointer (&param, g_variant_unref);
}

/* The @n-th widget of @type at or below @widget. */
static gpointer
nth_of_type (gpointer widget,
             GType    type,
             guint    n)
{
  g_autoptr(GPtrArray) found = cc_test_find_all (widget, type);

  g_assert_cmpuint (found->len, >, n);
  return g_ptr_array_index (found, n);
}

/* Keys ----------------------------------------------------------------------- */

static gboolean have_xdotool;

/* Types @keys ("Return", "alt+2") on the X server, as a user would: the
 * window that has the focus gets them through its own event handling. */
static void
press_keys (const char *keys)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", keys, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  cc_test_settle (300);
}

/* Without a window manager the X server gives the keyboard to no window:
 * the test gives it ours. */
static void
focus_window (CcWindow *window)
{
  g_autofree char *xid = NULL;
  const char *argv[] = { "xdotool", "windowfocus", NULL, NULL };
  GdkSurface *surface;
  int status = 0;

  gtk_window_present (GTK_WINDOW (window));
  cc_test_settle (200);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_SURFACE (surface))
    xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
#endif
  if (xid == NULL)
    return;

  argv[2] = xid;
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    g_test_message ("xdotool could not focus the window");
  cc_test_settle (200);
}

/* Models and rows ----------------------------------------------------------- */

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

/* The claims list of the reader's side panel. */
static GtkListBox *
claims_list (CcReader *reader)
{
  CcReaderSidebar *sidebar = cc_test_find_one (reader, CC_TYPE_READER_SIDEBAR);

  return cc_test_find_one (sidebar, GTK_TYPE_LIST_BOX);
}

/* The titles of the panel's claim rows, as shown, in order. */
static GPtrArray *
panel_titles (CcReader *reader)
{
  GtkListBox *list = claims_list (reader);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        break;
      g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
    }
  return titles;
}

static GtkListBoxRow *
panel_row_of (CcReader *reader,
              CcClaim  *claim)
{
  GtkListBox *list = claims_list (reader);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL || g_object_get_data (G_OBJECT (row), "cc-item") == claim)
        return row;
    }
}

static GtkWidget *
button_labelled (gpointer    widget,
                 const char *label)
{
  g_autoptr(GPtrArray) buttons = cc_test_find_all (widget, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
  return NULL;
}

/* Whether the claim's words are inside the reader's scrolled view. */
static gboolean
claim_in_view (CcReader *reader,
               CcClaim  *claim)
{
  GtkTextView *text_view = cc_test_find_one (reader, GTK_TYPE_TEXT_VIEW);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (text_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkTextIter iter;
  GdkRectangle location;
  graphene_point_t point;
  int height = gtk_widget_get_height (scroller);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter,
                                      cc_claim_get_start (claim));
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y,
                                         &location.x, &location.y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (text_view), scroller,
                                           &GRAPHENE_POINT_INIT (location.x, location.y), &point));
  g_test_message ("claim at y=%.0f in a view %d high", point.y, height);
  return point.y >= 0 && point.y + location.height <= height;
}

/* 1. The claims panel follows the model -------------------------------------- */

static void
check_claims_panel (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  CcClaimCard *card = cc_test_find_one (reader, CC_TYPE_CLAIM_CARD);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autofree char *rejected_title = NULL;
  CcArticle *article;
  CcClaim *rejected, *target, *corrected;
  GtkListBoxRow *row;
  GtkWidget *chart_button;
  CcTimelineView *timeline;

  gtk_single_selection_set_selected (selection, richest_article (selection));
  article = gtk_single_selection_get_selected_item (selection);
  g_assert_true (cc_reader_get_article (reader) == article);
  adw_flap_set_reveal_flap (cc_test_find_one (reader, ADW_TYPE_FLAP), TRUE);
  cc_test_settle (300);

  /* "Not a Claim" takes the row out of the panel at once, without
   * choosing another article; undo brings it back. */
  before = panel_titles (reader);
  g_assert_cmpuint (before->len, >=, 3);
  rejected = nth_shown_claim (article, 0);
  rejected_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (panel_row_of (reader, rejected))));
  activate (reader, "reader.reject-claim", "x", cc_claim_get_id (rejected));
  after = panel_titles (reader);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  g_assert_null (panel_row_of (reader, rejected));
  g_assert_cmpstr (g_ptr_array_index (after, 0), !=, rejected_title);

  activate (window, "win.undo", NULL);
  restored = panel_titles (reader);
  g_assert_cmpuint (restored->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (restored, i), ==, g_ptr_array_index (before, i));

  /* Enter on a row goes to its claim and opens its card: not the claim
   * the text cursor stands on. */
  if (have_xdotool)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (cc_test_find_one (reader, GTK_TYPE_TEXT_VIEW));
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
      cc_reader_set_current_claim (reader, NULL);

      /* Into the list, then down its rows with the arrow key. */
      target = nth_shown_claim (article, 2);
      row = panel_row_of (reader, target);
      g_assert_nonnull (row);
      focus_window (window);
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (claims_list (reader), 0)));
      press_keys ("Home");
      press_keys ("Down");
      press_keys ("Down");
      g_assert_true (cc_test_wait_until (has_focus, row));
      press_keys ("Return");
      g_assert_true (cc_test_wait_until (is_visible, card));
      g_assert_true (cc_claim_card_get_claim (card) == target);
      g_assert_true (cc_reader_get_current_claim (reader) == target);
      cc_test_settle (500);
      g_assert_true (claim_in_view (reader, target));

      /* Escape closes the card and the keyboard is back on the row. */
      press_keys ("Escape");
      g_assert_true (cc_test_wait_until (is_hidden, card));
      g_assert_true (cc_test_wait_until (has_focus, row));
    }
  else
    {
      g_test_message ("xdotool is missing: Enter on a panel row went untried");
    }

  /* A click on a row does the same. */
  target = nth_shown_claim (article, 1);
  row = panel_row_of (reader, target);
  g_signal_emit_by_name (row, "activate");
  g_assert_true (cc_test_wait_until (is_visible, card));
  g_assert_true (cc_claim_card_get_claim (card) == target);

  /* Corrected, the claim can still be shown on the chart. */
  corrected = target;
  gtk_editable_set_text (GTK_EDITABLE (nth_of_type (card, GTK_TYPE_ENTRY, 2)),
                         "A corrected source");
  activate (card, "card.save", NULL);
  g_assert_cmpstr (cc_claim_get_claimant (corrected), ==, "A corrected source");
  cc_test_settle (300);
  activate (reader, "reader.open-claim", "x", cc_claim_get_id (corrected));
  g_assert_true (cc_test_wait_until (is_visible, card));
  chart_button = button_labelled (card, "Show on C_hart");
  g_assert_true (gtk_widget_get_visible (chart_button));
  g_assert_true (gtk_widget_is_sensitive (chart_button));
  g_signal_emit_by_name (chart_button, "clicked");
  cc_test_settle (300);
  timeline = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  if (cc_claim_get_event_date (corrected) != NULL || cc_article_get_published (article) != NULL)
    g_assert_cmpint (cc_chart_get_selected_claim (cc_timeline_view_get_chart (timeline)), ==,
                     cc_claim_get_id (corrected));
}

static void
test_claims_panel (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "panel.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_claims_panel);
}

/* 2. Compare that fits a window ------------------------------------------------- */

static GtkListView *compare_picker (CcWindow *window);
static void save_screenshot (GtkWidget  *widget,
                             const char *name);

/* Whether @label shows at least its first @n characters: it is not cut,
 * or is at least as wide as those characters and an ellipsis. */
static gboolean
shows_chars (GtkLabel *label,
             guint     n)
{
  const char *text = gtk_label_get_text (label);
  g_autofree char *prefix = NULL;
  g_autofree char *probe_text = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  int width;

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label))
      && gtk_widget_get_width (GTK_WIDGET (label)) > 0)
    return TRUE;
  if (g_utf8_strlen (text, -1) <= n)
    return FALSE;

  prefix = g_utf8_substring (text, 0, n);
  probe_text = g_strconcat (prefix, "…", NULL);
  probe = gtk_widget_create_pango_layout (GTK_WIDGET (label), probe_text);
  pango_layout_get_pixel_size (probe, &width, NULL);
  g_test_message ("“%s” is %d wide, “%s” needs %d", text, gtk_widget_get_width (GTK_WIDGET (label)),
                  probe_text, width);
  return gtk_widget_get_width (GTK_WIDGET (label)) >= width;
}

static guint
n_picked (GtkListView *picker)
{
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (gtk_list_view_get_model (picker)));

  return (guint)gtk_bitset_get_size (selected);
}

static GtkCheckButton *
pick_check (GtkListView *picker,
            guint        position)
{
  g_autoptr(GPtrArray) checks = cc_test_find_all (picker, GTK_TYPE_CHECK_BUTTON);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkListItem *item = g_object_get_data (g_ptr_array_index (checks, i), "list-item");

      if (item != NULL && gtk_list_item_get_position (item) == position)
        return g_ptr_array_index (checks, i);
    }

  g_assert_not_reached ();
  return NULL;
}

typedef struct
{
  CcCompareView *view;
  GtkColumnView *matrix;
} FitData;

static gboolean
matrix_fits (gpointer data)
{
  FitData *fit = data;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fit->matrix));

  return cc_compare_view_get_columns (fit->view)->len == 4
         && g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_columns (fit->matrix))) == 5
         && gtk_adjustment_get_page_size (hadjustment) > 0
         && gtk_adjustment_get_upper (hadjustment) <= gtk_adjustment_get_page_size (hadjustment) + 1;
}

static void
check_compare_fit (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  CcCompareView *compare = cc_test_find_one (window, CC_TYPE_COMPARE_VIEW);
  GtkColumnView *matrix = cc_test_find_one (compare, GTK_TYPE_COLUMN_VIEW);
  GtkListView *picker = compare_picker (window);
  FitData fit = { compare, matrix };
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (matrix));
  g_autoptr(GPtrArray) header_labels = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_claims_checked = 0;

  adw_view_stack_set_visible_child_name (cc_test_find_one (window, ADW_TYPE_VIEW_STACK), "compare");
  cc_test_settle (300);

  /* A click chooses one article; a tick adds another, not replacing it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)",
                                             0, FALSE, FALSE));
  g_assert_cmpuint (n_picked (picker), ==, 1);
  gtk_widget_activate (GTK_WIDGET (pick_check (picker, 1)));
  g_assert_cmpuint (n_picked (picker), ==, 2);
  g_assert_true (gtk_check_button_get_active (pick_check (picker, 0)));
  /* Taking a tick away takes the article out. */
  gtk_widget_activate (GTK_WIDGET (pick_check (picker, 1)));
  g_assert_cmpuint (n_picked (picker), ==, 1);
  gtk_widget_activate (GTK_WIDGET (pick_check (picker, 1)));
  g_assert_cmpuint (n_picked (picker), ==, 2);

  /* The keyboard way the page tells of: Ctrl and the arrows move without
   * choosing, Ctrl+Space adds. */
  if (have_xdotool)
    {
      focus_window (window);
      gtk_widget_grab_focus (GTK_WIDGET (picker));
      press_keys ("ctrl+Home");
      press_keys ("ctrl+Down");
      press_keys ("ctrl+Down");
      g_assert_cmpuint (n_picked (picker), ==, 2);
      press_keys ("ctrl+space");
      g_assert_cmpuint (n_picked (picker), ==, 3);
    }
  else
    {
      gtk_widget_activate (GTK_WIDGET (pick_check (picker, 2)));
    }
  /* And Ctrl-click adds too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)",
                                             3, TRUE, FALSE));
  g_assert_cmpuint (n_picked (picker), ==, 4);

  /* Four articles in 1100×720: every column in view, no sideways scroll. */
  g_assert_true (cc_test_wait_until (matrix_fits, &fit));
  cc_test_settle (500);
  /* Sizing the columns may take a second round on a slow machine. */
  g_assert_true (cc_test_wait_until (matrix_fits, &fit));

  /* Column titles: none cut short, no two alike. */
  header_labels = cc_test_find_all (header, GTK_TYPE_LABEL);
  g_assert_cmpuint (header_labels->len, ==, 5);
  for (guint i = 0; i < header_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (header_labels, i);
      const char *text = gtk_label_get_text (label);

      g_test_message ("column “%s”", text);
      g_assert_true (shows_chars (label, MIN (8, g_utf8_strlen (text, -1))));
      g_assert_false (g_hash_table_contains (titles, text));
      g_hash_table_add (titles, (gpointer)text);
    }

  /* Claim names: at least eight characters, the whole on hover. */
  labels = cc_test_find_all (gtk_widget_get_last_child (GTK_WIDGET (matrix)), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      GtkWidget *text_box;

      if (!gtk_widget_has_css_class (GTK_WIDGET (label), "heading") || !gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      g_assert_true (shows_chars (label, 8));
      /* The claim's column: its title's line, in the text box. */
      text_box = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (label)));
      g_assert_nonnull (gtk_widget_get_tooltip_text (text_box));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (text_box), gtk_label_get_text (label)));
      n_claims_checked++;
    }
  g_assert_cmpuint (n_claims_checked, >=, 2);

  /* A hedged mention is a tick with the word, not a question mark icon. */
  {
    g_autoptr(GPtrArray) images = cc_test_find_all (matrix, GTK_TYPE_IMAGE);

    for (guint i = 0; i < images->len; i++)
      g_assert_cmpstr (gtk_image_get_icon_name (g_ptr_array_index (images, i)), !=, "dialog-question-symbolic");
  }
}

static void
test_compare_fit (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "compare.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_compare_fit);
}

/* 3. Numbers as people read them ----------------------------------------------- */

/* "12,000" somewhere in @text, and no run of four digits or more that is
 * not a year ("2024") or part of a date. */
static gboolean
reads_grouped (const char *text)
{
  g_autoptr(GRegex) grouped = g_regex_new ("\\d,\\d\\d\\d", 0, 0, NULL);
  g_autoptr(GRegex) ungrouped = g_regex_new ("(?<![\\d-])\\d{4,}(?![\\d-])", 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  if (g_regex_match (ungrouped, text, 0, &info))
    {
      g_autofree char *digits = g_match_info_fetch (info, 0);
      guint64 n = g_ascii_strtoull (digits, NULL, 10);

      if (n < 1900 || n > 2100)
        {
          g_test_message ("ungrouped digits in “%s”", text);
          return FALSE;
        }
    }
  return g_regex_match (grouped, text, 0, NULL);
}

static CcClaim *
claim_of_thousands (CcArticle *article)
{
  for (guint i = 0; ; i++)
    {
      CcClaim *claim = nth_shown_claim (article, i);

      if (claim == NULL || cc_claim_get_low (claim) >= 1000)
        return claim;
    }
}

static void
check_thousands (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  CcClaimCard *card = cc_test_find_one (reader, CC_TYPE_CLAIM_CARD);
  CcTimelineView *timeline = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  CcChart *chart = cc_timeline_view_get_chart (timeline);
  CcArticle *article;
  CcClaim *claim;
  GtkListBoxRow *row;
  const CcChartTick *ticks;
  guint n_ticks, n_large = 0;
  g_autofree char *card_low = NULL;

  /* The test runs in the C locale, which groups no digits. */
  g_assert_cmpstr (localeconv ()->thousands_sep, ==, "");

  gtk_single_selection_set_selected (selection, richest_article (selection));
  article = gtk_single_selection_get_selected_item (selection);
  claim = claim_of_thousands (article);
  g_assert_nonnull (claim);

  /* The panel's row and the card. */
  row = panel_row_of (reader, claim);
  g_assert_nonnull (row);
  g_assert_true (reads_grouped (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
  activate (reader, "reader.open-claim", "x", cc_claim_get_id (claim));
  g_assert_true (cc_test_wait_until (is_visible, card));
  card_low = g_strdup (gtk_editable_get_text (nth_of_type (card, GTK_TYPE_ENTRY, 0)));
  g_assert_true (reads_grouped (card_low));
  /* Saved as shown, the value is the same. */
  activate (card, "card.save", NULL);
  g_assert_cmpfloat (cc_claim_get_low (claim), >=, 1000);
  gtk_popover_popdown (GTK_POPOVER (card));

  /* The chart's axis and its statements. */
  activate (window, "win.show-on-chart", "x", cc_claim_get_id (claim));
  cc_test_settle (300);
  ticks = cc_chart_layout_get_value_ticks (cc_chart_get_layout (chart), &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].value >= 1000)
      {
        g_assert_true (reads_grouped (ticks[i].label));
        n_large++;
      }
  g_assert_cmpuint (n_large, >, 0);
  {
    g_autofree char *summary = cc_chart_dup_summary (chart, cc_chart_get_selected (chart), FALSE);

    g_test_message ("chart: %s", summary);
    g_assert_true (reads_grouped (summary));
  }

  /* The matrix of the Compare page. */
  {
    CcCompareView *compare = cc_test_find_one (window, CC_TYPE_COMPARE_VIEW);
    GtkListView *picker = NULL;
    g_autoptr(GPtrArray) views = cc_test_find_all (compare, GTK_TYPE_LIST_VIEW);
    g_autoptr(GPtrArray) labels = NULL;
    guint n_grouped = 0;

    adw_view_stack_set_visible_child_name (cc_test_find_one (window, ADW_TYPE_VIEW_STACK), "compare");
    for (guint i = 0; i < views->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (views, i), "compare-picker"))
        picker = g_ptr_array_index (views, i);
    g_assert_nonnull (picker);
    for (guint i = 0; i < 4; i++)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)",
                                                 i, i > 0, FALSE));
    cc_test_settle (800);
    labels = cc_test_find_all (cc_test_find_one (compare, GTK_TYPE_COLUMN_VIEW), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

        if (g_regex_match_simple ("^[0-9]", text, 0, 0) && strstr (text, "–") == NULL
            && g_regex_match_simple ("[0-9]{4}", text, 0, 0) + g_regex_match_simple ("[0-9],[0-9]", text, 0, 0))
          {
            g_assert_true (reads_grouped (text));
            n_grouped++;
          }
      }
    g_assert_cmpuint (n_grouped, >, 0);
  }
}

static void
test_thousands (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "thousands.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);

  cc_test_run_app (db_path, check_thousands);
}

/* 4. A timeline one understands at a glance ------------------------------------ */

static gboolean
rects_intersect (const CcChartRect *a,
                 const CcChartRect *b,
                 double             margin)
{
  return a->x < b->x + b->width + margin && b->x < a->x + a->width + margin
         && a->y < b->y + b->height + margin && b->y < a->y + a->height + margin;
}

/* No two labels' boxes meet, and none stands nearer another statement's
 * mark than it would to its own. Returns the labels checked. */
static guint
check_chart_labels (CcChart    *chart,
                    const char *what)
{
  CcChartLayout *layout = cc_chart_get_layout (chart);
  const CcChartPoint *points;
  guint n_points, n_labels = 0;

  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    {
      CcChartRect own = { points[i].x - points[i].radius, points[i].y_high - points[i].radius,
                          2 * points[i].radius,
                          points[i].y_low - points[i].y_high + 2 * points[i].radius };

      if (!points[i].visible || !points[i].labelled)
        continue;
      n_labels++;
      for (guint j = 0; j < n_points; j++)
        {
          CcChartRect mark = { points[j].x - points[j].radius, points[j].y_high - points[j].radius,
                               2 * points[j].radius,
                               points[j].y_low - points[j].y_high + 2 * points[j].radius };

          if (j == i || !points[j].visible)
            continue;
          if (points[j].labelled && rects_intersect (&points[i].label_rect, &points[j].label_rect, 0))
            g_error ("%s: the labels of “%s” and “%s” overlap", what,
                     points[i].label ? points[i].label : "?", points[j].label ? points[j].label : "?");
          /* Marks drawn over each other share their labels' places. */
          if (!points[j].off_scale && !points[i].off_scale && !rects_intersect (&own, &mark, 0)
              && rects_intersect (&points[i].label_rect, &mark, 4))
            g_error ("%s: the label of “%s” stands beside the mark of “%s”", what,
                     points[i].label ? points[i].label : "?", points[j].label ? points[j].label : "?");
        }
    }
  g_test_message ("%s: %u labels, none overlapping", what, n_labels);
  return n_labels;
}

static gboolean
is_zoomed (gpointer data)
{
  return cc_chart_layout_is_zoomed (cc_chart_get_layout (data));
}

static gboolean
is_not_zoomed (gpointer data)
{
  return !is_zoomed (data);
}

static void
check_timeline (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  CcTimelineView *timeline = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  CcChart *chart = cc_timeline_view_get_chart (timeline);
  CcChartLayout *layout = cc_chart_get_layout (chart);
  const CcChartPoint *points;
  const CcChartTick *ticks;
  CcChartRect title_rect, plot;
  guint n_points, n_ticks;
  double lowest = G_MAXDOUBLE, highest = 0;
  gboolean saw_two_claimants = FALSE;

  activate (window, "win.show-page", "s", "timeline");
  cc_test_settle (500);

  /* The value axis says what it counts, left of its values. */
  g_assert_cmpstr (cc_chart_layout_get_value_title (layout, &title_rect), ==, "people");
  plot = cc_chart_layout_get_plot_area (layout);
  g_assert_cmpfloat (title_rect.height, >, 0);
  g_assert_cmpfloat (title_rect.x + title_rect.width, <, plot.x);
  g_assert_cmpfloat (title_rect.y, >=, plot.y - 1);

  /* Labels apart, at both sizes and on the log scale. */
  g_assert_cmpuint (check_chart_labels (chart, "1100×720"), >, 3);

  /* Every statement's detail quotes whole words of its article. */
  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *summary = cc_chart_dup_summary (chart, i, FALSE);
      CcArticle *article = cc_library_lookup_article (cc_window_get_library (window),
                                                      cc_claim_get_article_id (g_ptr_array_index (points[i].claims, 0)));
      const char *open = summary ? strstr (summary, "“") : NULL;
      g_autofree char *quote = NULL;
      const char *found;
      char *close;

      if (open == NULL || article == NULL)
        continue;
      quote = g_strdup (open + strlen ("“"));
      if ((close = g_strrstr (quote, "”")) != NULL)
        *close = '\0';
      if (g_str_has_prefix (quote, "…"))
        memmove (quote, quote + strlen ("…"), strlen (quote) - strlen ("…") + 1);
      if (g_str_has_suffix (quote, "…"))
        quote[strlen (quote) - strlen ("…")] = '\0';
      found = strstr (cc_article_get_text (article), quote);
      g_assert_nonnull (found);
      if (found > cc_article_get_text (article))
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (found));

          if (g_unichar_isalnum (before))
            g_error ("the detail of statement %u quotes from inside a word: “%s”", i, quote);
        }
    }
  g_object_set (timeline, "log-scale", TRUE, NULL);
  cc_test_settle (300);
  check_chart_labels (chart, "1100×720, log scale");

  /* The log scale spans the data, not whole decades around it. */
  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    if (points[i].visible)
      {
        lowest = MIN (lowest, points[i].low);
        highest = MAX (highest, points[i].high);
      }
  ticks = cc_chart_layout_get_value_ticks (layout, &n_ticks);
  plot = cc_chart_layout_get_plot_area (layout);
  g_assert_cmpuint (n_ticks, >=, 2);
  g_test_message ("log scale: data %.0f to %.0f, ticks %s to %s", lowest, highest,
                  ticks[0].label, ticks[n_ticks - 1].label);
  g_assert_cmpfloat (ticks[n_ticks - 1].value, <=, highest * 1.0001);
  g_assert_cmpfloat (ticks[0].value, >=, lowest / 10);
  g_assert_cmpfloat (cc_chart_layout_value_to_y (layout, highest), >=, plot.y - 1);
  g_assert_cmpfloat (cc_chart_layout_value_to_y (layout, highest), <, plot.y + plot.height * 0.1);
  g_object_set (timeline, "log-scale", FALSE, NULL);

  /* One step line per claimant: two claimants of one country are on two
   * lines, one claimant's statements on one. */
  points = cc_chart_layout_get_points (layout, &n_points);
  for (guint i = 0; i < n_points; i++)
    for (guint j = i + 1; j < n_points; j++)
      {
        if (points[i].claimant == NULL || points[j].claimant == NULL
            || points[i].series != points[j].series)
          continue;
        if (g_strcmp0 (points[i].claimant, points[j].claimant) == 0)
          g_assert_cmpuint (points[i].line, ==, points[j].line);
        else if (points[i].line != points[j].line)
          saw_two_claimants = TRUE;
      }
  g_assert_true (saw_two_claimants);

  resize (window, 800, 600);
  activate (window, "win.show-page", "s", "timeline");
  cc_test_settle (500);
  check_chart_labels (chart, "800×600");

  /* 0 sees everything again from anywhere on the page: here from the
   * zoom buttons, not the chart. */
  if (have_xdotool)
    {
      g_autoptr(GPtrArray) buttons = cc_test_find_all (timeline, GTK_TYPE_BUTTON);
      GtkWidget *zoom_in = NULL;

      for (guint i = 0; i < buttons->len; i++)
        if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "timeline.zoom-in") == 0)
          zoom_in = g_ptr_array_index (buttons, i);
      g_assert_nonnull (zoom_in);

      focus_window (window);
      gtk_widget_grab_focus (zoom_in);
      g_assert_true (cc_test_wait_until (has_focus, zoom_in));
      press_keys ("space");
      g_assert_true (cc_test_wait_until (is_zoomed, chart));
      g_assert_true (gtk_widget_has_focus (zoom_in));
      press_keys ("0");
      g_assert_true (cc_test_wait_until (is_not_zoomed, chart));
    }

  /* A statement opened from the chart lands in view in its article, its
   * words whole, at the small size too. */
  {
    CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);

    points = cc_chart_layout_get_points (layout, &n_points);
    for (guint i = 0; i < n_points; i += 3)
      {
        CcClaim *claim;

        if (!points[i].visible)
          continue;
        claim = g_ptr_array_index (points[i].claims, 0);
        activate (window, "win.show-page", "s", "timeline");
        cc_test_settle (200);
        g_assert_true (cc_chart_select_claim (chart, cc_claim_get_id (claim)));
        activate (chart, "chart.activate", NULL);
        cc_test_settle (600);
        g_assert_true (cc_reader_get_current_claim (reader) == claim);
        if (!claim_in_view (reader, claim))
          g_error ("“%s” opened from the chart is not in view", cc_claim_get_text (claim));
      }
  }
}

/* Claims without a day say where their day comes from, in the panel, the
 * card and the chart alike. */
static void
check_published_day (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  CcClaimCard *card = cc_test_find_one (reader, CC_TYPE_CLAIM_CARD);
  CcTimelineView *timeline = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  CcChart *chart = cc_timeline_view_get_chart (timeline);
  CcArticle *article = NULL;
  CcClaim *undated = NULL;
  g_autofree char *summary = NULL;
  GtkEntry *date_entry;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)) && undated == NULL; i++)
    {
      g_autoptr(CcArticle) candidate = g_list_model_get_item (G_LIST_MODEL (selection), i);

      for (guint j = 0; nth_shown_claim (candidate, j) != NULL; j++)
        if (cc_claim_get_event_date (nth_shown_claim (candidate, j)) == NULL)
          {
            undated = nth_shown_claim (candidate, j);
            article = candidate;
            gtk_single_selection_set_selected (selection, i);
            break;
          }
    }
  g_assert_nonnull (undated);
  g_assert_nonnull (cc_article_get_published (article));
  cc_test_settle (200);

  g_test_message ("panel: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (panel_row_of (reader, undated))));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (panel_row_of (reader, undated))),
                            "published "));

  activate (reader, "reader.open-claim", "x", cc_claim_get_id (undated));
  g_assert_true (cc_test_wait_until (is_visible, card));
  date_entry = nth_of_type (card, GTK_TYPE_ENTRY, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_entry)), ==, "");
  g_test_message ("card: %s", gtk_entry_get_placeholder_text (date_entry));
  g_assert_nonnull (strstr (gtk_entry_get_placeholder_text (date_entry), "published "));
  gtk_popover_popdown (GTK_POPOVER (card));

  activate (window, "win.show-on-chart", "x", cc_claim_get_id (undated));
  cc_test_settle (300);
  if (cc_chart_get_selected_claim (chart) == cc_claim_get_id (undated))
    {
      summary = cc_chart_dup_summary (chart, cc_chart_get_selected (chart), FALSE);
      g_test_message ("chart: %s", summary);
      g_assert_nonnull (strstr (summary, "Published "));
    }
  else
    {
      g_test_message ("The undated claim is not of the chart's subject: its detail went unread");
    }
}

static void
test_published_day (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "published.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_published_day);
}

static void
test_timeline (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "timeline.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_timeline);
}

/* The outside articles of the development set, with the sample. */
static void
check_timeline_outside (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  CcTimelineView *timeline = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  CcChart *chart = cc_timeline_view_get_chart (timeline);

  activate (window, "win.show-page", "s", "timeline");
  cc_test_settle (500);
  check_chart_labels (chart, "outside articles, 1100×720");
  save_screenshot (GTK_WIDGET (window), "timeline-outside.png");
  g_object_set (timeline, "log-scale", TRUE, NULL);
  cc_test_settle (300);
  check_chart_labels (chart, "outside articles, log scale");
  g_object_set (timeline, "log-scale", FALSE, NULL);
  cc_test_settle (300);
  resize (window, 800, 600);
  activate (window, "win.show-page", "s", "timeline");
  cc_test_settle (500);
  check_chart_labels (chart, "outside articles, 800×600");
}

static void
test_timeline_outside (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "outside.db", NULL);
  g_autofree char *corpus = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "..", "shared",
                                              "corpus-dev", NULL);
  g_autofree char *err = NULL;

  if (!g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("No ../shared/corpus-dev: the outside articles went untried");
      return;
    }

  /* The folder's README and gold claims are refused: status 1. */
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", db_path, "import",
                                    cc_test_sample_dir (), corpus, NULL), <=, 1);
  g_settings_set_boolean (settings, "sample-offered", TRUE);
  cc_test_run_app (db_path, check_timeline_outside);
}

/* 6. Small things users notice ------------------------------------------------- */

static gboolean
has_file_dialog (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        *(GtkWidget **)data = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
no_file_dialog (gpointer data)
{
  GtkWidget *dialog = NULL;

  return !has_file_dialog (&dialog);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Opens Export Library as JSON… and returns its dialog. */
static GtkWidget *
open_export_dialog (CcWindow *window)
{
  GtkWidget *dialog = NULL;

  activate (window, "win.export-json", NULL);
  g_assert_true (cc_test_wait_until (has_file_dialog, &dialog));
  cc_test_settle (300);
  return dialog;
}

static void
check_small_things (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  GListModel *sources = G_LIST_MODEL (cc_window_get_selection (window));
  GListModel *picked = G_LIST_MODEL (gtk_list_view_get_model (compare_picker (window)));
  g_autofree char *folder = g_build_filename (tmpdir, "exports", NULL);
  g_autofree char *target = g_build_filename (folder, "library.json", NULL);
  g_autoptr(GFile) shown = NULL;
  g_autoptr(GFile) expected = g_file_new_for_path (folder);
  GtkWidget *dialog;
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  gboolean saw_repeat = FALSE;

  /* The compare list, filled when the page is first shown, is in the
   * source list's order. */
  activate (window, "win.show-page", "s", "compare");
  g_assert_cmpuint (g_list_model_get_n_items (picked), ==, g_list_model_get_n_items (sources));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcArticle) a = g_list_model_get_item (sources, i);
      g_autoptr(CcArticle) b = g_list_model_get_item (picked, i);

      g_assert_true (a == b);
    }
  activate (window, "win.show-page", "s", "read");

  /* The export dialog opens where the last export went. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  dialog = open_export_dialog (window);
  gtk_editable_set_text (cc_test_find_one (dialog, GTK_TYPE_ENTRY), target);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (cc_test_wait_until (no_file_dialog, NULL));
  g_assert_true (cc_test_wait_until (file_exists, target));
  cc_test_settle (500);
  dialog = open_export_dialog (window);
  shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
  g_assert_nonnull (shown);
  g_assert_true (g_file_equal (shown, expected));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (cc_test_wait_until (no_file_dialog, NULL));

  /* A text's emoji have glyphs: a colour emoji font is there. */
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (reader),
                                                                     "Troops \xf0\x9f\x87\xb0\xf0\x9f\x87\xb5 \xf0\x9f\x98\x80");

    g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  }

  /* A paragraph printed twice lists its claims once in the panel. */
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (sources, i);
      g_autoptr(GPtrArray) titles = NULL;
      guint n_shown = 0;

      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (sources), i);
      cc_test_settle (100);
      for (guint j = 0; nth_shown_claim (article, j) != NULL; j++)
        n_shown++;
      titles = panel_titles (reader);
      g_test_message ("“%s”: %u claims, %u rows", cc_article_get_title (article), n_shown, titles->len);
      if (titles->len < n_shown)
        saw_repeat = TRUE;
      /* No claim of a repeated paragraph stays twice. */
      for (guint j = 0; nth_shown_claim (article, j) != NULL; j++)
        {
          CcClaim *claim = nth_shown_claim (article, j);
          GtkListBoxRow *row = panel_row_of (reader, claim);
          guint twins = 0;

          for (guint k = 0; row != NULL && nth_shown_claim (article, k) != NULL; k++)
            {
              CcClaim *other = nth_shown_claim (article, k);
              GtkListBoxRow *other_row = panel_row_of (reader, other);

              if (other_row != NULL && other != claim
                  && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (other_row))) == 0
                  && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                adw_action_row_get_subtitle (ADW_ACTION_ROW (other_row))) == 0
                  && cc_claim_get_text (claim) && cc_claim_get_text (other))
                twins++;
            }
          /* In the sample, the same figure from the same source on
           * the same day comes only from repeated paragraphs. */
          if (twins > 0)
            g_error ("“%s” is listed %u more times", cc_claim_get_text (claim), twins);
        }
    }
  /* The Washington Post's article of the sample prints two paragraphs
   * twice. */
  g_assert_true (saw_repeat);
}

static void
test_small_things (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "small.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_small_things);
}

/* 5. One Tab stop per list ---------------------------------------------------- */

static gboolean
focus_left (gpointer data)
{
  GtkWidget *list = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));

  return focus != NULL && !gtk_widget_is_ancestor (focus, list) && focus != list;
}

/* Tab from a row of @list goes out of the list, not to its next row; the
 * arrow keys go from row to row. */
static void
check_one_tab_stop (CcWindow   *window,
                    GtkWidget  *list,
                    GtkWidget  *first_row,
                    const char *what)
{
  GtkWidget *focus;

  gtk_widget_grab_focus (first_row);
  g_assert_true (cc_test_wait_until (has_focus, first_row));
  press_keys ("Down");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != first_row && gtk_widget_is_ancestor (focus, list));
  press_keys ("Tab");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_test_message ("%s: Tab went to a %s", what, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  if (!focus_left (list))
    g_error ("%s: Tab stays in the list", what);
}

static GtkWidget *
first_list_row (GtkWidget *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_focusable (child) && gtk_widget_get_visible (child))
      return child;
  return NULL;
}

static void
check_tab_stops (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  g_autoptr(GPtrArray) views = cc_test_find_all (window, GTK_TYPE_LIST_VIEW);
  GtkWidget *articles = NULL;

  if (!have_xdotool)
    {
      g_test_skip ("No xdotool to type Tab");
      return;
    }

  gtk_single_selection_set_selected (selection, richest_article (selection));
  adw_flap_set_reveal_flap (cc_test_find_one (reader, ADW_TYPE_FLAP), TRUE);
  cc_test_settle (300);
  focus_window (window);

  for (guint i = 0; i < views->len && articles == NULL; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (views, i)))
      articles = g_ptr_array_index (views, i);
  g_assert_nonnull (articles);
  check_one_tab_stop (window, articles, first_list_row (articles), "the article list");

  check_one_tab_stop (window, GTK_WIDGET (claims_list (reader)),
                      GTK_WIDGET (gtk_list_box_get_row_at_index (claims_list (reader), 0)),
                      "the claims list");

  /* The compare matrix, with two articles. */
  {
    GtkListView *picker = compare_picker (window);
    CcCompareView *compare = cc_test_find_one (window, CC_TYPE_COMPARE_VIEW);
    GtkWidget *matrix_list;

    activate (window, "win.show-page", "s", "compare");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)", 0, FALSE, FALSE));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)", 1, TRUE, FALSE));
    cc_test_settle (600);
    matrix_list = gtk_widget_get_last_child (GTK_WIDGET (cc_test_find_one (compare, GTK_TYPE_COLUMN_VIEW)));
    g_assert_true (GTK_IS_LIST_VIEW (matrix_list));
    check_one_tab_stop (window, matrix_list, first_list_row (matrix_list), "the claim matrix");
    check_one_tab_stop (window, GTK_WIDGET (picker), first_list_row (GTK_WIDGET (picker)), "the compare list");
  }
}

/* The shortcuts window lists the page keys, and each key once. */
static void
check_shortcuts_window (CcApplication *app)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/crosscheck/Crosscheck/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) shortcuts = cc_test_find_all (overlay, GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean pages = FALSE;

  g_assert_cmpuint (shortcuts->len, >, 10);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;

      /* The window's search page holds copies of every shortcut. */
      if (gtk_widget_get_ancestor (g_ptr_array_index (shortcuts, i), GTK_TYPE_SHORTCUTS_SECTION) == NULL)
        continue;
      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;
      keys = g_strsplit (accelerator, " ", -1);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          /* Enter means one thing in the text and one on a panel row. */
          if (g_str_equal (keys[k], "Return"))
            continue;
          if (g_hash_table_contains (seen, keys[k]))
            g_error ("%s is listed twice in the shortcuts window", keys[k]);
          g_hash_table_add (seen, g_strdup (keys[k]));
        }
      pages |= strstr (accelerator, "<Alt>2") != NULL;
    }
  g_assert_true (pages);
  g_assert_true (g_hash_table_contains (seen, "<Primary><Shift>f"));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_shortcuts_window (void)
{
  g_autofree char *db_path = g_build_filename (tmpdir, "shortcuts.db", NULL);

  cc_test_run_app (db_path, check_shortcuts_window);
}

static void
test_tab_stops (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "tabs.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_tab_stops);
}

/* Screenshots ------------------------------------------------------------------ */

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

static GtkListView *
compare_picker (CcWindow *window)
{
  CcCompareView *compare = cc_test_find_one (window, CC_TYPE_COMPARE_VIEW);
  g_autoptr(GPtrArray) views = cc_test_find_all (compare, GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (views, i), "compare-picker"))
      return g_ptr_array_index (views, i);

  g_assert_not_reached ();
  return NULL;
}

static void
shoot_pages (CcWindow   *window,
             const char *style,
             int         width,
             int         height)
{
  static const char *pages[] = { "read", "timeline", "compare", "tags" };
  AdwViewStack *views = cc_test_find_one (window, ADW_TYPE_VIEW_STACK);
  AdwLeaflet *leaflet = cc_test_find_one (window, ADW_TYPE_LEAFLET);

  resize (window, width, height);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s-%s-%dx%d.png", pages[i], style, width, height);

      adw_view_stack_set_visible_child_name (views, pages[i]);
      /* Folded, the window shows the page rather than the list. */
      if (adw_leaflet_get_folded (leaflet))
        adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      cc_test_settle (600);
      save_screenshot (GTK_WIDGET (window), name);
    }
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
check_screenshots (CcApplication *app)
{
  CcWindow *window = open_window (app, 1100, 720);
  GtkSingleSelection *selection = cc_window_get_selection (window);
  CcReader *reader = cc_test_find_one (window, CC_TYPE_READER);
  GtkListView *picker = compare_picker (window);
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_single_selection_set_selected (selection, richest_article (selection));
  adw_flap_set_reveal_flap (cc_test_find_one (reader, ADW_TYPE_FLAP), TRUE);
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)",
                                               i, i > 0, FALSE));

  shoot_pages (window, "light", 1100, 720);
  shoot_pages (window, "light", 800, 600);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_pages (window, "dark", 1100, 720);
  shoot_pages (window, "dark", 800, 600);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "screenshots.db", NULL);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  cc_test_run_app (db_path, check_screenshots);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool = NULL;

  g_setenv ("GTK_A11Y", "test", TRUE);
  /* As the tests may run: the C locale has no thousands separator. */
  g_setenv ("LC_ALL", "C", TRUE);
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-usability")))
    return 77;

  xdotool = g_find_program_in_path ("xdotool");
  have_xdotool = xdotool != NULL && g_getenv ("DISPLAY") != NULL;

  g_test_add_func ("/usability/claims-panel", test_claims_panel);
  g_test_add_func ("/usability/compare-fit", test_compare_fit);
  g_test_add_func ("/usability/thousands", test_thousands);
  g_test_add_func ("/usability/timeline", test_timeline);
  g_test_add_func ("/usability/published-day", test_published_day);
  g_test_add_func ("/usability/timeline-outside", test_timeline_outside);
  g_test_add_func ("/usability/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/usability/tab-stops", test_tab_stops);
  g_test_add_func ("/usability/small-things", test_small_things);
  g_test_add_func ("/usability/screenshots", test_screenshots);

  return cc_test_gui_run (tmpdir);
}
