/* test-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real application under a display (Xvfb in the test command):
 * the first-run sample import, the list, the reader, search, the empty
 * state, a library that cannot be opened, accessible names, and a
 * screenshot for people to look at. */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-paced-selection.h"
#include "cc-reader.h"
#include "cc-source-list.h"
#include "cc-source-row.h"
#include "cc-window.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"

#define SCHEMA_ID "io.github.crosscheck.Crosscheck"
#define N_SAMPLE_ARTICLES 5
#define WAIT_SECONDS 30

static char *tmpdir;

static gboolean
lists_sample (gpointer model)
{
  return g_list_model_get_n_items (model) == N_SAMPLE_ARTICLES;
}

/* Widget tree helpers */

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (widget, type, found);
  return found;
}

static gpointer
find_one (gpointer widget,
          GType    type)
{
  g_autoptr(GPtrArray) found = find_all (widget, type);

  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static GtkStack *
find_window_stack (CcWindow *window)
{
  g_autoptr(GPtrArray) stacks = find_all (window, GTK_TYPE_STACK);

  for (guint i = 0; i < stacks->len; i++)
    {
      GtkStack *stack = g_ptr_array_index (stacks, i);

      if (gtk_stack_get_child_by_name (stack, "empty") != NULL
          && gtk_stack_get_child_by_name (stack, "articles") != NULL)
        return stack;
    }

  g_assert_not_reached ();
  return NULL;
}

/* Main loop helpers: iterate until a condition holds, failing after a
 * deadline instead of hanging. A ticking source keeps the blocking
 * iteration from sleeping past the deadline. */

typedef gboolean (*Condition) (gpointer data);

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, tick_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return met;
}

static gboolean
settled_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets layout, drawing and queued idles run for a moment. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, settled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
import_finished (gpointer data)
{
  CcWindow *window = data;

  return !cc_window_get_importing (window)
         && g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (window))) > 0;
}

static gboolean
not_importing (gpointer data)
{
  return !cc_window_get_importing (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountData;

static gboolean
model_has_count (gpointer data)
{
  CountData *count = data;

  return g_list_model_get_n_items (count->model) == count->n_items;
}

static void
type_search (GtkWidget  *window,
             const char *text,
             guint       expected)
{
  /* The reader has a list and a search entry of its own. */
  GtkWidget *source_list = find_one (window, CC_TYPE_SOURCE_LIST);
  GtkListView *list_view = find_one (source_list, GTK_TYPE_LIST_VIEW);
  GtkSearchEntry *entry = find_one (source_list, GTK_TYPE_SEARCH_ENTRY);
  CountData count = { G_LIST_MODEL (gtk_list_view_get_model (list_view)), expected };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (wait_until (model_has_count, &count));
  /* A little longer: a late search-changed must not change the count. */
  settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (count.model), ==, expected);
}

/* Accessibility: every control in the window has a name. GTK 4.8 has no
 * getter for accessible properties, but the test AT context (GTK_A11Y=test)
 * answers gtk_test_accessible_has_property(). A button named by its own
 * visible label needs no extra property. */

static gboolean
button_has_visible_label (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = NULL;

  if (GTK_IS_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      if (label != NULL && label[0] != '\0' && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
        return TRUE;
    }

  labels = find_all (widget, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (text != NULL && text[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget)
         || GTK_IS_MENU_BUTTON (widget)
         || GTK_IS_SEARCH_ENTRY (widget)
         || GTK_IS_TEXT_VIEW (widget)
         || GTK_IS_LIST_VIEW (widget)
         || GTK_IS_PROGRESS_BAR (widget);
}

static gboolean
is_inside_toast (GtkWidget *widget)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");

  return toast_type != 0 && gtk_widget_get_ancestor (widget, toast_type) != NULL;
}

static void
check_accessible_names (GtkWidget *widget,
                        GString   *missing,
                        guint     *n_checked)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* A menu button's inner toggle is named by the menu button itself, and
   * libadwaita's toasts are libadwaita's business. */
  if (is_control (widget)
      && !(parent != NULL && GTK_IS_MENU_BUTTON (parent))
      && !is_inside_toast (widget))
    {
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL);

      /* GtkButton points labelled-by at its child whatever the child is,
       * an icon included, so for buttons only visible text counts. */
      if (!named && (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)))
        named = button_has_visible_label (widget);
      else if (!named)
        named = gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY);

      (*n_checked)++;
      if (!named)
        g_string_append_printf (missing, " %s(%s)",
                                G_OBJECT_TYPE_NAME (widget),
                                gtk_widget_get_tooltip_text (widget) ?: "no tooltip");

      /* Icon-only buttons also explain themselves on hover (the window
       * controls are named, and known to everyone, without one). */
      if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL
          && gtk_widget_get_tooltip_text (widget) == NULL
          && !(parent != NULL && GTK_IS_WINDOW_CONTROLS (parent)))
        g_string_append_printf (missing, " %s(icon %s without tooltip)",
                                G_OBJECT_TYPE_NAME (widget),
                                gtk_button_get_icon_name (GTK_BUTTON (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_accessible_names (child, missing, n_checked);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  GStatBuf st;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_build_filename (builddir ? builddir : tmpdir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* A blank window compresses to a few kilobytes; text and icons do not. */
  g_assert_cmpint (st.st_size, >, 20000);
}

static void
run_app (const char     *db_name,
         CcTestAppCheck  check)
{
  g_autofree char *db_path = g_build_filename (tmpdir, db_name, NULL);

  cc_test_run_app (db_path, check);
}

/* /window/sample */

static guint
count_highlightable_claims (CcArticle *article)
{
  GListModel *claims = cc_article_get_claims (article);
  guint n_chars = g_utf8_strlen (cc_article_get_text (article), -1);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (cc_claim_get_rejected (claim))
        continue;

      /* A claim whose range is off the text is a bug in the core. */
      g_assert_cmpuint (cc_claim_get_start (claim), <, cc_claim_get_end (claim));
      g_assert_cmpuint (cc_claim_get_end (claim), <=, n_chars);
      count++;
    }

  return count;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

/* Files the importer refuses are summed up in a toast whose Details
 * button lists them by name. */
static void
check_refused_files (CcWindow *window)
{
  g_autofree char *folder = g_build_filename (tmpdir, "refused", NULL);
  g_autofree char *empty = g_build_filename (folder, "empty-article.txt", NULL);
  g_autofree char *binary = g_build_filename (folder, "binary-article.txt", NULL);
  const char *paths[] = { folder, NULL };
  static const char binary_data[] = { 'a', 0, 1, 2, 0, 'b', 0, 0, 3 };
  GListModel *library = G_LIST_MODEL (cc_window_get_library (window));
  guint n_before = g_list_model_get_n_items (library);
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GString) listed = g_string_new (NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, binary_data, sizeof binary_data, NULL));

  g_assert_null (find_message_dialog ());
  cc_window_import (window, paths);
  g_assert_true (wait_until (not_importing, window));
  g_assert_cmpuint (g_list_model_get_n_items (library), ==, n_before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-import-details", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  labels = find_all (extra, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    g_string_append (listed, gtk_label_get_text (g_ptr_array_index (labels, i)));
  g_assert_nonnull (strstr (listed->str, "empty-article.txt"));
  g_assert_nonnull (strstr (listed->str, "binary-article.txt"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The labels of the row showing @article: its title, outlet and date,
 * and claim count, as the article has them now. */
static void
assert_row_shows (GPtrArray *rows,
                  CcArticle *article)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CcSourceRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) labels = NULL;
      g_autofree char *meta = NULL;
      g_autofree char *claims = NULL;

      if (cc_source_row_get_article (row) != article || !gtk_widget_get_mapped (GTK_WIDGET (row)))
        continue;
      labels = find_all (row, GTK_TYPE_LABEL);
      meta = cc_format_meta (cc_article_get_outlet (article), cc_article_get_published (article));
      claims = cc_format_claim_count (cc_article_get_n_claims (article));
      g_assert_cmpuint (labels->len, ==, 3);
      g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (labels, 0)), ==,
                       cc_article_get_title (article));
      g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (labels, 1)), ==, meta);
      g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (labels, 2)), ==, claims);
      return;
    }
  g_assert_not_reached ();
}

static void
check_sample (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcLibrary *library;
  GtkListView *list_view;
  GListModel *model;
  GtkSingleSelection *selection;
  CcReader *reader;
  CcArticle *article;
  GtkLabel *title_label = NULL;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint n_checked = 0;
  guint n_claims;

  g_assert_nonnull (window);
  library = cc_window_get_library (window);
  g_assert_true (library == cc_application_get_library (app));

  /* The first run imports the sample by itself, without blocking. */
  g_assert_true (wait_until (is_mapped, window));
  g_assert_true (wait_until (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, N_SAMPLE_ARTICLES);
  g_assert_true (g_settings_get_boolean (cc_application_get_settings (app), "sample-offered"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (find_window_stack (window)), ==, "articles");

  /* The list shows every article, one realised row each. */
  list_view = find_one (find_one (window, CC_TYPE_SOURCE_LIST), GTK_TYPE_LIST_VIEW);
  model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  selection = cc_window_get_selection (window);
  g_assert_true (CC_IS_PACED_SELECTION (model));
  g_assert_true ((gpointer)cc_paced_selection_get_model (CC_PACED_SELECTION (model)) == (gpointer)selection);
  /* Sorted off the main thread, the list follows the library shortly. */
  g_assert_true (wait_until (lists_sample, model));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SAMPLE_ARTICLES);
  settle (200);
  rows = find_all (list_view, CC_TYPE_SOURCE_ROW);
  g_assert_cmpuint (rows->len, >=, N_SAMPLE_ARTICLES);

  /* Newest first. */
  for (guint i = 1; i < N_SAMPLE_ARTICLES; i++)
    {
      g_autoptr(CcArticle) newer = g_list_model_get_item (model, i - 1);
      g_autoptr(CcArticle) older = g_list_model_get_item (model, i);

      if (cc_article_get_published (older) != NULL)
        g_assert_cmpstr (cc_article_get_published (newer), >=, cc_article_get_published (older));
    }

  /* Selecting the first row shows it in the reader. */
  gtk_single_selection_set_selected (selection, 0);
  article = gtk_single_selection_get_selected_item (selection);
  g_assert_true (CC_IS_ARTICLE (article));

  reader = find_one (window, CC_TYPE_READER);
  g_assert_true (cc_reader_get_article (reader) == article);
  assert_row_shows (rows, article);

  labels = find_all (reader, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "title-1"))
        title_label = g_ptr_array_index (labels, i);
    }
  g_assert_nonnull (title_label);
  g_assert_cmpstr (gtk_label_get_label (title_label), ==, cc_article_get_title (article));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title_label)));

  text_view = find_one (reader, GTK_TYPE_TEXT_VIEW);
  g_assert_false (gtk_text_view_get_editable (text_view));
  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, cc_article_get_text (article));

  /* One highlight per claim that is not rejected. */
  n_claims = count_highlightable_claims (article);
  g_assert_cmpuint (cc_article_get_n_claims (article), ==, n_claims);
  g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_claims);

  /* Rejecting a claim takes its highlight away at once; restoring it
   * brings it back. */
  if (n_claims > 0)
    {
      GListModel *claims = cc_article_get_claims (article);
      g_autoptr(CcClaim) claim = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; claim == NULL; i++)
        {
          g_autoptr(CcClaim) candidate = g_list_model_get_item (claims, i);

          if (!cc_claim_get_rejected (candidate))
            claim = g_steal_pointer (&candidate);
        }

      g_assert_true (cc_library_set_claim_rejected (library, claim, TRUE, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_claims - 1);
      /* The row's count follows. */
      g_assert_cmpuint (cc_article_get_n_claims (article), ==, n_claims - 1);
      assert_row_shows (rows, article);

      g_assert_true (cc_library_set_claim_rejected (library, claim, FALSE, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==, n_claims);
    }

  /* Other articles highlight their own claims. */
  for (guint i = 1; i < N_SAMPLE_ARTICLES; i++)
    {
      gtk_single_selection_set_selected (selection, i);
      article = gtk_single_selection_get_selected_item (selection);
      g_assert_true (cc_reader_get_article (reader) == article);
      g_assert_cmpuint (cc_reader_count_claim_ranges (reader), ==,
                        count_highlightable_claims (article));
    }
  gtk_single_selection_set_selected (selection, 0);

  /* Full-text search narrows the list; a query the index cannot parse
   * shows nothing, quietly; clearing it shows everything again. */
  type_search (GTK_WIDGET (window), "Zinoviev", 1);
  type_search (GTK_WIDGET (window), "Peskov", 3);
  type_search (GTK_WIDGET (window), "\"unbalanced", 0);
  type_search (GTK_WIDGET (window), "", N_SAMPLE_ARTICLES);

  /* Opening the sample again goes through the app action, turns the
   * import actions off while it runs, and adds no duplicates. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  g_assert_true (cc_window_get_importing (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "import"));
  g_assert_true (wait_until (not_importing, window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "import"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SAMPLE_ARTICLES);

  check_refused_files (window);

  /* Every control has an accessible name. */
  check_accessible_names (GTK_WIDGET (window), missing, &n_checked);
  g_assert_cmpuint (n_checked, >=, 10);
  if (missing->len > 0)
    g_error ("Controls without an accessible name or tooltip:%s", missing->str);

  settle (300);
  save_screenshot (GTK_WIDGET (window), "screenshot-window.png");
}

static void
test_window_sample (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_settings_set_boolean (settings, "sample-offered", FALSE);
  run_app ("sample.db", check_sample);
}

/* /window/empty */

static void
check_empty (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  GtkStack *stack;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_checked = 0;

  g_assert_nonnull (window);
  g_assert_true (wait_until (is_mapped, window));
  settle (200);

  g_assert_false (cc_window_get_importing (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (window))), ==, 0);

  stack = find_window_stack (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (stack, "empty")));

  check_accessible_names (GTK_WIDGET (window), missing, &n_checked);
  if (missing->len > 0)
    g_error ("Controls without an accessible name or tooltip:%s", missing->str);

  save_screenshot (GTK_WIDGET (window), "screenshot-empty.png");
}

static void
test_window_empty (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  /* Offered before: an empty library stays empty. */
  g_settings_set_boolean (settings, "sample-offered", TRUE);
  run_app ("empty.db", check_empty);
}

/* /window/drop */

static void
check_drop (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GFile) folder = NULL;
  GdkFileList *files;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *list;
  gboolean accepted = FALSE;

  g_assert_nonnull (window);
  g_assert_true (wait_until (is_mapped, window));

  /* The drop target a file manager's drag lands on. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  folder = g_file_new_for_path (g_getenv ("CROSSCHECK_SAMPLE_DIR"));
  list = g_slist_prepend (NULL, folder);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);

  g_assert_true (accepted);
  g_assert_true (wait_until (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (window))), ==,
                    N_SAMPLE_ARTICLES);
}

static void
test_window_drop (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  /* An empty library: the articles come only from the drop. */
  g_settings_set_boolean (settings, "sample-offered", TRUE);
  run_app ("drop.db", check_drop);
}

/* /window/open-error */

static void
check_open_error (CcApplication *app)
{
  GtkWindow *dialog = NULL;

  g_assert_null (cc_test_find_window (app));
  g_assert_null (cc_application_get_library (app));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    }
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (is_mapped, dialog));
  gtk_window_close (dialog);
}

static void
test_window_open_error (void)
{
  g_autofree char *blocker = g_build_filename (tmpdir, "not-a-folder", NULL);

  /* The library's folder cannot be made: a file stands in its way. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_test_expect_message ("cc-application", G_LOG_LEVEL_MESSAGE, "Could not open the library*");
  run_app ("not-a-folder/library.db", check_open_error);
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The test AT context records accessible properties for the checks. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-window")))
    return 77;

  g_test_add_func ("/window/sample", test_window_sample);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/drop", test_window_drop);
  g_test_add_func ("/window/open-error", test_window_open_error);

  ret = g_test_run ();

  if (ret == 0)
    cc_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
