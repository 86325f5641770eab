/* test-export-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's Export menu, driven through its actions as a user would:
 * the dialogs they open are answered (the file chooser falls back to
 * GTK's own dialog here), the export runs in the background, and the
 * files it writes are checked. Runs under a display (Xvfb). */

#define G_LOG_DOMAIN "test-export-window"
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc-application.h"
#include "cc-article-chooser.h"
#include "cc-article.h"
#include "cc-json-export.h"
#include "cc-library.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-window-private.h"

static char *tmpdir;

static gboolean
is_ready (gpointer data)
{
  CcWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && window->library != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (window->library)) > 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
not_exporting (gpointer data)
{
  return !CC_WINDOW (data)->exporting;
}

static gboolean
has_chooser (gpointer data)
{
  return CC_WINDOW (data)->export_chooser != NULL;
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
chooser_closed (gpointer data)
{
  return CC_WINDOW (data)->export_chooser == NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* Picks Letter in the drop-down of paper sizes the app added. */
static gboolean
choose_letter_in (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Letter") == 0)
          {
            gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), i);
            return TRUE;
          }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (choose_letter_in (child))
      return TRUE;

  return FALSE;
}

static void
choose_letter (GtkWidget *dialog)
{
  g_assert_true (choose_letter_in (dialog));
}

/* Answers the save dialog the last action opened with @path, as a user
 * would, typing it as the name: GTK's own dialog stands in for the
 * desktop's here. */
static void
answer_chooser (CcWindow   *window,
                const char *path,
                gboolean    letter)
{
  GtkWidget *dialog;
  GtkEditable *name;

  g_assert_true (cc_test_wait_until (has_chooser, window));
  g_assert_true (cc_test_wait_until (has_dialog, NULL));
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = cc_test_find_one (dialog, GTK_TYPE_ENTRY);
  gtk_editable_set_text (name, path);
  if (letter)
    choose_letter (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (cc_test_wait_until (chooser_closed, window));
}

static gboolean
has_replace_question (gpointer data)
{
  return find_toplevel (GTK_TYPE_MESSAGE_DIALOG) != NULL;
}

/* As answer_chooser(), onto a file that exists: the dialog asks whether
 * to replace it, and the user says yes. */
static void
answer_chooser_replacing (CcWindow   *window,
                          const char *path)
{
  GtkWidget *dialog;

  g_assert_true (cc_test_wait_until (has_chooser, window));
  g_assert_true (cc_test_wait_until (has_dialog, NULL));
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  gtk_editable_set_text (cc_test_find_one (dialog, GTK_TYPE_ENTRY), path);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (cc_test_wait_until (has_replace_question, NULL));
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_MESSAGE_DIALOG)),
                       GTK_RESPONSE_ACCEPT);
  g_assert_true (cc_test_wait_until (chooser_closed, window));
}

static guint
count_in_file (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint count = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  for (const char *at = data;
       (at = memmem (at, length - (at - data), needle, strlen (needle))) != NULL;
       at++)
    count++;

  return count;
}

static guint
count_marks (CcLibrary *library)
{
  guint n = g_list_model_get_n_items (cc_library_get_claims (library));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      n += g_list_model_get_n_items (cc_article_get_annotations (article));
    }

  return n;
}

static void
check_export (CcWindow *window)
{
  g_autofree char *json = g_build_filename (tmpdir, "library.json", NULL);
  g_autofree char *report = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (tmpdir, "cancelled.pdf", NULL);
  g_autofree char *chosen = g_build_filename (tmpdir, "chosen.pdf", NULL);
  g_autofree char *json_data = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  CcLibrary *library;
  AdwMessageDialog *dialog;
  CcArticleChooser *chooser;
  GtkEditable *entry;

  g_assert_true (cc_test_wait_until (is_ready, window));
  library = window->library;

  /* Nothing is being exported; everything can be. */
  g_assert_false (gtk_revealer_get_reveal_child (window->export_revealer));

  /* The library as JSON: the same document the core writes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-json", NULL));
  answer_chooser (window, json, FALSE);
  g_assert_true (cc_test_wait_until (not_exporting, window));
  g_file_get_contents (json, &json_data, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    g_ptr_array_add (articles, g_list_model_get_item (G_LIST_MODEL (library), i));
  expected = cc_json_export_articles (articles, NULL);
  g_assert_cmpstr (json_data, ==, expected);
  g_assert_nonnull (window->exported_file);

  /* Onto a link to a private file: the file gets the export and keeps
   * its permissions, and the link stays a link. */
  {
    g_autofree char *target = g_build_filename (tmpdir, "private.json", NULL);
    g_autofree char *link = g_build_filename (tmpdir, "link.json", NULL);
    g_autofree char *linked_data = NULL;
    GStatBuf st;

    g_assert_true (g_file_set_contents (target, "old", -1, NULL));
    g_assert_cmpint (g_chmod (target, 0600), ==, 0);
    g_assert_cmpint (symlink ("private.json", link), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-json", NULL));
    answer_chooser_replacing (window, link);
    g_assert_true (cc_test_wait_until (not_exporting, window));
    g_assert_cmpint (g_lstat (link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    g_assert_cmpint (g_stat (target, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0600);
    g_file_get_contents (target, &linked_data, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (linked_data, ==, expected);
  }

  /* Onto a named pipe: refused, and the pipe is still one. */
  {
    g_autofree char *fifo = g_build_filename (tmpdir, "pipe.csv", NULL);
    GStatBuf st;

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL));
    answer_chooser_replacing (window, fifo);
    g_assert_true (cc_test_wait_until (not_exporting, window));
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }

  /* The report asks for the story's title first, then for a file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = cc_test_find_one (dialog, GTK_TYPE_ENTRY);
  gtk_editable_set_text (entry, "A story told by the sample");
  adw_message_dialog_response (dialog, "choose");
  gtk_window_destroy (GTK_WINDOW (dialog));
  answer_chooser (window, report, TRUE);

  /* It runs in the background, with progress and a way to cancel. */
  g_assert_true (window->exporting);
  g_assert_true (gtk_revealer_get_reveal_child (window->export_revealer));
  g_assert_true (cc_test_wait_until (not_exporting, window));
  g_assert_false (gtk_revealer_get_reveal_child (window->export_revealer));
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_in_file (report, "%PDF-"), ==, 1);
  g_assert_cmpuint (count_in_file (report, "A story told by the sample"), >, 0);
  g_assert_cmpuint (count_in_file (report, "/MediaBox [ 0 0 612 792 ]"), >, 0);
  g_assert_cmpuint (count_in_file (report, "/Subtype /Highlight"), ==, count_marks (library));

  /* The title is offered again next time. */
  g_assert_cmpstr (window->report_title, ==, "A story told by the sample");

  /* Cancelled, it leaves no file behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "choose");
  gtk_window_destroy (GTK_WINDOW (dialog));
  answer_chooser (window, cancelled, FALSE);
  g_assert_true (window->exporting);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  g_assert_true (cc_test_wait_until (not_exporting, window));
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));

  /* Chosen articles: the current one is checked to begin with. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-articles-pdf",
                                             NULL));
  chooser = find_toplevel (CC_TYPE_ARTICLE_CHOOSER);
  g_assert_nonnull (chooser);
  g_assert_true (cc_test_wait_until (is_mapped, chooser));
  cc_test_settle (200);
  cc_test_save_screenshot (GTK_WIDGET (chooser), tmpdir, "screenshot-export-chooser.png");
  {
    g_autoptr(GPtrArray) checked = cc_article_chooser_dup_chosen (chooser);
    CcArticle *current = gtk_single_selection_get_selected_item (cc_window_get_selection (window));

    g_assert_cmpuint (checked->len, ==, current != NULL ? 1 : 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.select-all", NULL));
  {
    g_autoptr(GPtrArray) checked = cc_article_chooser_dup_chosen (chooser);

    g_assert_cmpuint (checked->len, ==, g_list_model_get_n_items (G_LIST_MODEL (library)));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.export", NULL));
  answer_chooser (window, chosen, FALSE);
  g_assert_true (cc_test_wait_until (not_exporting, window));
  g_assert_cmpuint (count_in_file (chosen, "/Subtype /Highlight"), ==, count_marks (library));
}

/* The export checks start from the window. */
static void
check_export_app (CcApplication *app)
{
  CcWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);

  check_export (window);
}

static void
test_export_menu (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "library.db", NULL);
  const char *import_argv[] = { g_getenv ("CROSSCHECK_BINARY"), "--library", db, "import",
                                cc_test_sample_dir (), NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* The sample, imported beforehand by the command line. */
  g_assert_nonnull (import_argv[0]);
  g_spawn_sync (NULL, (char **)import_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  cc_test_run_app (db, check_export_app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-export")))
    return 77;

  g_test_add_func ("/export-window/menu", test_export_menu);

  ret = g_test_run ();
  cc_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
