/* test-stories-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the application on a library of two stories, the sample's and
 * another (../shared/corpus-dev, or reports written for this test), and
 * uses the window as a user would: choose a story in the sidebar and find
 * the article list, the Timeline, the Compare picker and its matrix and
 * Tags holding that story alone; search and find the Timeline following
 * the list; delete an article and undo it. */

#define G_LOG_DOMAIN "test-stories-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-application.h"
#include "cc-article.h"
#include "cc-chart.h"
#include "cc-chart-layout.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-compare-view.h"
#include "cc-library.h"
#include "cc-reader.h"
#include "cc-scope.h"
#include "cc-source-list.h"
#include "cc-story.h"
#include "cc-story-list.h"
#include "cc-tag-view.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-timeline-view.h"
#include "cc-window.h"

#define SCHEMA_ID    "io.github.crosscheck.Crosscheck"
#define SAMPLE_STORY "North Korean troops in Russia, October 2024"
#define OTHER_STORY  "Other coverage"
#define OTHER_TAG    "othertag"

static char *tmpdir;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
has_articles (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (data))) > 0;
}

static gboolean
lists_library (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_selection (data))) ==
         g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_library (data)));
}

static gboolean
lists_story (gpointer data)
{
  CcStory *story = cc_scope_get_story (cc_window_get_scope (data));

  return g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_selection (data))) ==
         cc_story_get_n_articles (story);
}

/* The ids of the articles the list shows, in its order. */
static GArray *
dup_listed_ids (GtkSingleSelection *selection)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (selection), i);
      gint64 id = cc_article_get_id (article);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Chooses a story in the sidebar as a click does: activating its row. */
static void
choose_story (CcWindow   *window,
              const char *title)
{
  CcStoryList *list = cc_test_find_one (window, CC_TYPE_STORY_LIST);
  GtkListBox *box = cc_test_find_one (list, GTK_TYPE_LIST_BOX);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (box, i);
      const char *name;

      g_assert_nonnull (row);
      name = gtk_label_get_label (g_object_get_data (G_OBJECT (row), "title-label"));
      if (g_strcmp0 (name, title) == 0)
        {
          g_signal_emit_by_name (row, "activate");
          cc_test_settle (200);
          return;
        }
    }
}

/* The action a key pressed in the article list runs, from its shortcut
 * controllers. */
static char *
list_key_action (CcWindow *window,
                 guint     keyval)
{
  GtkWidget *list = cc_test_find_one (window, CC_TYPE_SOURCE_LIST);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

/* Drops @article on the story's row, as a drag from the list ends. */
static void
drop_on_story (CcWindow   *window,
               const char *title,
               CcArticle  *article)
{
  CcStoryList *list = cc_test_find_one (window, CC_TYPE_STORY_LIST);
  GtkListBox *box = cc_test_find_one (list, GTK_TYPE_LIST_BOX);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (box, i);
      g_autoptr(GListModel) controllers = NULL;

      g_assert_nonnull (row);
      if (g_strcmp0 (gtk_label_get_label (g_object_get_data (G_OBJECT (row), "title-label")),
                     title) != 0)
        continue;

      controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);
          g_auto(GValue) value = G_VALUE_INIT;
          gboolean accepted = FALSE;

          if (!GTK_IS_DROP_TARGET (controller))
            continue;
          g_value_init (&value, CC_TYPE_ARTICLE);
          g_value_set_object (&value, article);
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
          g_assert_true (accepted);
          return;
        }
      g_assert_not_reached ();
    }
}

static gboolean
in_story (CcStory *story,
          gint64   article_id)
{
  return story == NULL || cc_story_contains (story, article_id);
}

/* Every statement the Timeline can show comes from the story. */
static guint
check_timeline (CcWindow *window,
                CcStory  *story,
                CcScope  *scope)
{
  CcTimelineView *timeline = cc_test_find_one (window, CC_TYPE_TIMELINE_VIEW);
  CcChart *chart = cc_timeline_view_get_chart (timeline);
  CcChartLayout *layout = cc_chart_get_layout (chart);
  g_auto(GStrv) subjects = cc_chart_layout_dup_subjects (layout);
  guint n_claims = 0;

  /* Every subject and every status, one after the other. */
  for (guint s = 0; subjects != NULL && subjects[s] != NULL; s++)
    {
      const CcChartPoint *points;
      guint n_points;

      cc_chart_layout_set_subject (layout, subjects[s]);
      cc_chart_layout_set_status (layout, -1);
      points = cc_chart_layout_get_points (layout, &n_points);
      for (guint i = 0; i < n_points; i++)
        for (guint j = 0; j < points[i].claims->len; j++)
          {
            CcClaim *claim = g_ptr_array_index (points[i].claims, j);

            g_assert_true (in_story (story, cc_claim_get_article_id (claim)));
            g_assert_true (cc_scope_contains (scope, cc_claim_get_article_id (claim)));
            n_claims++;
          }
    }
  cc_chart_layout_set_subject (layout, NULL);
  return n_claims;
}

static void
check_compare (CcWindow *window,
               CcStory  *story)
{
  CcCompareView *view = cc_test_find_one (window, CC_TYPE_COMPARE_VIEW);
  AdwViewStack *views = cc_test_find_one (window, ADW_TYPE_VIEW_STACK);
  g_autoptr(GPtrArray) lists = NULL;
  GtkListView *picker = NULL;
  GListModel *model;
  CcClusterSet *clusters;
  guint n_chosen;

  adw_view_stack_set_visible_child_name (views, "compare");
  g_assert_true (cc_test_wait_until (is_mapped, view));

  lists = cc_test_find_all (view, GTK_TYPE_LIST_VIEW);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "compare-picker"))
      picker = g_ptr_array_index (lists, i);
  g_assert_nonnull (picker);

  /* The chooser lists the story's articles only. */
  model = G_LIST_MODEL (gtk_list_view_get_model (picker));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cc_story_get_n_articles (story));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (model, i);
      g_assert_true (in_story (story, cc_article_get_id (article)));
    }

  /* Click one, Ctrl-click up to four. */
  n_chosen = MIN (g_list_model_get_n_items (model), CC_COMPARE_VIEW_MAX_ARTICLES);
  for (guint i = 0; i < n_chosen; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "list.select-item", "(ubb)",
                                               i, i > 0, FALSE));
  cc_test_settle (300);

  /* The matrix: every mention from the story, every conflict among its
   * own rows. */
  clusters = cc_compare_view_get_clusters (view);
  g_assert_nonnull (clusters);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clusters)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (clusters)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (clusters), i);
      const guint *conflicts;
      guint n_conflicts;

      for (guint j = 0; j < cc_cluster_get_n_mentions (cluster); j++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (cc_cluster_get_mentions (cluster), j);
          g_assert_true (in_story (story, cc_claim_get_article_id (claim)));
        }
      conflicts = cc_cluster_get_conflicts (cluster, &n_conflicts);
      for (guint j = 0; j < n_conflicts; j++)
        g_assert_nonnull (cc_cluster_set_lookup (clusters, conflicts[j]));
    }

  adw_view_stack_set_visible_child_name (views, "read");
}

/* The reader marks each word that starts with @prefix, and no other. */
static void
check_marked_words (CcWindow   *window,
                    const char *prefix)
{
  GtkSingleSelection *selection = cc_window_get_selection (window);
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter;
  guint n_marked = 0;

  gtk_single_selection_set_selected (selection, 0);
  cc_test_settle (200);
  view = cc_test_find_one (cc_test_find_one (window, CC_TYPE_READER), GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "search-words");
  g_assert_nonnull (tag);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *word = NULL;
      g_autofree char *folded = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_iter_get_slice (&iter, &end);
      folded = g_utf8_casefold (word, -1);
      g_assert_true (g_str_has_prefix (folded, prefix));
      n_marked++;
      iter = end;
    }
  g_assert_cmpuint (n_marked, >, 0);
}

static gboolean
strv_has (char       **strv,
          const char  *word)
{
  return strv != NULL && g_strv_contains ((const char * const *)strv, word);
}

static void
check_stories (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  CcLibrary *library;
  CcScope *scope;
  CcStory *sample, *other;
  GtkSingleSelection *selection;
  CcTagView *tags;
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  g_autoptr(GArray) other_ids = NULL;
  g_autoptr(GArray) listed = NULL;
  g_auto(GStrv) all_tags = NULL;
  g_auto(GStrv) sample_tags = NULL;
  g_autoptr(GError) error = NULL;
  CcArticle *noted, *doomed;
  gint64 doomed_id;
  guint n_doomed_claims, n_timeline;

  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (has_articles, window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  library = cc_window_get_library (window);
  scope = cc_window_get_scope (window);
  selection = cc_window_get_selection (window);
  sample = cc_library_find_story (library, SAMPLE_STORY);
  other = cc_library_find_story (library, OTHER_STORY);
  g_assert_nonnull (sample);
  g_assert_nonnull (other);
  g_assert_cmpuint (cc_story_get_n_articles (sample), ==, 5);

  /* A tagged note on an article of the other story. */
  other_ids = cc_story_dup_article_ids (other);
  noted = cc_library_lookup_article (library, g_array_index (other_ids, gint64, 0));
  cc_annotation_set_start (note, 0);
  cc_annotation_set_end (note, 4);
  cc_annotation_set_tags (note, OTHER_TAG);
  g_assert_true (cc_library_add_annotation (library, noted, note, &error));
  g_assert_no_error (error);

  /* All Articles: both stories in every view, once the list has sorted
   * the library off the main thread. */
  g_assert_null (cc_scope_get_story (scope));
  g_assert_true (cc_test_wait_until (lists_library, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (library)));
  /* Neither a story nor a search: the scope's filter says it matches
   * every article, so that the list shows the library without filtering. */
  g_assert_cmpint (gtk_filter_get_strictness (cc_scope_get_filter (scope)), ==, GTK_FILTER_MATCH_ALL);
  listed = dup_listed_ids (selection);
  tags = cc_test_find_one (window, CC_TYPE_TAG_VIEW);
  cc_test_settle (300);
  all_tags = cc_tag_view_dup_tags (tags);
  g_assert_true (strv_has (all_tags, OTHER_TAG));

  /* The sample's story. */
  choose_story (window, SAMPLE_STORY);
  g_assert_true (cc_scope_get_story (scope) == sample);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_assert_true (cc_story_contains (sample, cc_article_get_id (article)));
    }
  n_timeline = check_timeline (window, sample, scope);
  g_assert_cmpuint (n_timeline, >, 10);
  check_compare (window, sample);
  cc_test_settle (300);
  sample_tags = cc_tag_view_dup_tags (tags);
  g_assert_false (strv_has (sample_tags, OTHER_TAG));
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "stories-sample.png");

  g_assert_cmpint (gtk_filter_get_strictness (cc_scope_get_filter (scope)), ==, GTK_FILTER_MATCH_SOME);

  /* All Articles again: every article, in the order they were listed. */
  choose_story (window, "All Articles");
  g_assert_null (cc_scope_get_story (scope));
  g_assert_cmpint (gtk_filter_get_strictness (cc_scope_get_filter (scope)), ==, GTK_FILTER_MATCH_ALL);
  g_assert_true (cc_test_wait_until (lists_library, window));
  {
    g_autoptr(GArray) again = dup_listed_ids (selection);

    g_assert_cmpmem (again->data, again->len * sizeof (gint64), listed->data, listed->len * sizeof (gint64));
  }

  /* The other story, and back. */
  choose_story (window, OTHER_STORY);
  g_assert_true (cc_scope_get_story (scope) == other);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    cc_story_get_n_articles (other));
  check_timeline (window, other, scope);
  check_compare (window, other);

  /* A search narrows the story's Timeline to the listed articles. */
  choose_story (window, SAMPLE_STORY);
  gtk_editable_set_text (GTK_EDITABLE (cc_test_find_one (cc_test_find_one (window, CC_TYPE_SOURCE_LIST),
                                                               GTK_TYPE_SEARCH_ENTRY)),
                         "Pentagon");
  cc_test_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), <, 5);
  g_assert_cmpuint (check_timeline (window, sample, scope), <, n_timeline);
  check_marked_words (window, "pentagon");
  cc_test_save_screenshot (GTK_WIDGET (window), tmpdir, "stories-search.png");
  gtk_editable_set_text (GTK_EDITABLE (cc_test_find_one (cc_test_find_one (window, CC_TYPE_SOURCE_LIST),
                                                               GTK_TYPE_SEARCH_ENTRY)), "");
  cc_test_settle (200);

  /* The article in the reader, dropped on the other story's row, joins
   * it, then leaves it by Remove from Story. */
  gtk_single_selection_set_selected (selection, 1);
  {
    CcArticle *moved = gtk_single_selection_get_selected_item (selection);
    gint64 moved_id = cc_article_get_id (moved);
    guint n_other = cc_story_get_n_articles (other);

    drop_on_story (window, OTHER_STORY, moved);
    g_assert_cmpuint (cc_story_get_n_articles (other), ==, n_other + 1);
    g_assert_true (cc_story_contains (sample, moved_id));
    choose_story (window, OTHER_STORY);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_other + 1);
    for (guint i = 0; i < n_other + 1; i++)
      {
        g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (selection), i);

        if (article == moved)
          gtk_single_selection_set_selected (selection, i);
      }
    g_assert_true (gtk_single_selection_get_selected_item (selection) == moved);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-from-story", NULL));
    g_assert_cmpuint (cc_story_get_n_articles (other), ==, n_other);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_other);
    g_assert_nonnull (cc_library_lookup_article (library, moved_id));
    /* Both undo, in turn. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_true (cc_story_contains (other, moved_id));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_false (cc_story_contains (other, moved_id));
    g_assert_cmpuint (cc_story_get_n_articles (other), ==, n_other);
  }

  /* Deleting the story in view shows All Articles; undo brings the story
   * back with its articles. */
  {
    g_autoptr(GArray) before = cc_story_dup_article_ids (other);
    g_autoptr(GArray) after = NULL;

    g_assert_true (cc_scope_get_story (scope) == other);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-story", NULL));
    g_assert_null (cc_library_find_story (library, OTHER_STORY));
    g_assert_null (cc_scope_get_story (scope));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (library)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_true (cc_library_find_story (library, OTHER_STORY) == other);
    after = cc_story_dup_article_ids (other);
    g_assert_cmpuint (after->len, ==, before->len);
    g_assert_cmpmem (after->data, after->len * sizeof (gint64),
                     before->data, before->len * sizeof (gint64));
  }
  choose_story (window, SAMPLE_STORY);

  /* Delete the article in the reader, then undo. */
  gtk_single_selection_set_selected (selection, 0);
  doomed = g_object_ref (gtk_single_selection_get_selected_item (selection));
  doomed_id = cc_article_get_id (doomed);
  n_doomed_claims = g_list_model_get_n_items (cc_article_get_claims (doomed));
  {
    g_autofree char *delete_action = list_key_action (window, GDK_KEY_Delete);
    g_autofree char *menu_action = list_key_action (window, GDK_KEY_Menu);

    /* Delete in the list deletes the article; the Menu key opens its menu. */
    g_assert_cmpstr (delete_action, ==, "win.delete-article");
    g_assert_cmpstr (menu_action, ==, "win.article-menu");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), delete_action, NULL));
  }
  cc_test_settle (200);
  g_assert_null (cc_library_lookup_article (library, doomed_id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  g_assert_cmpuint (cc_story_get_n_articles (sample), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  cc_test_settle (200);
  g_assert_true (cc_library_lookup_article (library, cc_article_get_id (doomed)) == doomed);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (doomed)), ==, n_doomed_claims);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  g_assert_cmpuint (cc_story_get_n_articles (sample), ==, 5);
  g_object_unref (doomed);

  /* The article's menu, as the Menu key opens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.article-menu", NULL));
  cc_test_settle (300);
  {
    GtkWidget *list = cc_test_find_one (window, CC_TYPE_SOURCE_LIST);
    GtkWidget *menu = cc_test_find_one (list, GTK_TYPE_POPOVER_MENU);
    g_autoptr(GPtrArray) labels = cc_test_find_all (menu, GTK_TYPE_LABEL);
    gboolean add = FALSE, remove = FALSE, delete = FALSE;

    g_assert_true (gtk_widget_get_mapped (menu));
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

        add |= g_str_equal (text, "Add to Story");
        remove |= g_str_equal (text, "Remove from Story");
        delete |= g_str_equal (text, "Delete Article");
      }
    g_assert_true (add && remove && delete);
    gtk_popover_popdown (GTK_POPOVER (menu));
    cc_test_settle (200);
  }
}

/* The test's own second story, when corpus-dev is absent. */
static char *
other_story_dir (void)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "..", "..", "shared",
                                                   "corpus-dev", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_file_test (corpus, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&corpus);

  g_test_message ("../shared/corpus-dev is absent: using the test's own earthquake reports");
  dir = g_build_filename (tmpdir, "quake", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  a = g_build_filename (dir, "quake-1.txt", NULL);
  b = g_build_filename (dir, "quake-2.txt", NULL);
  g_assert_true (g_file_set_contents (a,
    "Earthquake toll rises in the mountain towns\n\n"
    "The death toll from Tuesday's earthquake rose to 320, the regional governor said. "
    "At least 1,200 people were injured, according to the health ministry.\n", -1, NULL));
  g_assert_true (g_file_set_contents (b,
    "Rescuers search the rubble after the earthquake\n\n"
    "About 250 people were killed in the earthquake, a Red Cross official said on "
    "Wednesday. The army sent 3,000 soldiers to help the rescuers, the defence minister "
    "said.\n", -1, NULL));
  return g_steal_pointer (&dir);
}

static void
test_stories_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "stories.db", NULL);
  g_autofree char *other = other_story_dir ();
  int status;

  g_settings_set_boolean (settings, "sample-offered", TRUE);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", db_path, "import", "--story",
                                    SAMPLE_STORY, cc_test_sample_dir (), NULL), ==, 0);
  status = cc_test_run_cli (NULL, NULL, "--library", db_path, "import", "--story",
                            OTHER_STORY, other, NULL);
  g_assert_true (status == 0 || status == 1);

  cc_test_run_app (db_path, check_stories);
}

static gboolean
import_done (gpointer data)
{
  return !cc_window_get_importing (data);
}

static gboolean
has_suggestion (gpointer data)
{
  g_autoptr(GPtrArray) labels = cc_test_find_all (data, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

      if (strstr (text, "resemble") != NULL && strstr (text, SAMPLE_STORY) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A folder of reports on the sample's story, imported into All Articles:
 * the toast proposes the sample's story, and its button adds them. */
static void
check_suggestion (CcApplication *app)
{
  CcWindow *window = cc_test_find_window (app);
  g_autofree char *folder = g_build_filename (tmpdir, "troop-reports", NULL);
  g_autofree char *a = g_build_filename (folder, "report-1.txt", NULL);
  g_autofree char *b = g_build_filename (folder, "report-2.txt", NULL);
  const char *paths[] = { folder, NULL };
  CcLibrary *library;
  CcStory *sample;
  CcStory *made;

  g_assert_nonnull (window);
  g_assert_true (cc_test_wait_until (is_mapped, window));
  g_assert_true (cc_test_wait_until (has_articles, window));
  library = cc_window_get_library (window);
  sample = cc_library_find_story (library, SAMPLE_STORY);
  g_assert_nonnull (sample);
  g_assert_null (cc_scope_get_story (cc_window_get_scope (window)));

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (a,
    "North Korean troops reach Russia's Kursk region, Seoul says\n\n"
    "South Korea's intelligence service said on Friday that North Korean troops sent to Russia "
    "have reached the Kursk region, where Ukrainian forces hold ground. Pyongyang has sent about "
    "3,000 soldiers so far, the agency told lawmakers.\n", -1, NULL));
  g_assert_true (g_file_set_contents (b,
    "Ukraine warns North Korean soldiers will fight for Russia\n\n"
    "President Volodymyr Zelenskyy said North Korea was preparing to send 10,000 troops to "
    "fight for Russia against Ukraine, citing intelligence reports.\n", -1, NULL));

  cc_window_import (window, paths);
  g_assert_true (cc_test_wait_until (import_done, window));
  made = cc_library_find_story (library, "troop-reports");
  g_assert_nonnull (made);
  g_assert_cmpuint (cc_story_get_n_articles (made), ==, 2);
  /* The folder's story is in view, its articles listed as they came. */
  g_assert_true (cc_scope_get_story (cc_window_get_scope (window)) == made);
  g_assert_true (cc_test_wait_until (lists_story, window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cc_window_get_selection (window))),
                    ==, 2);

  g_assert_true (cc_test_wait_until (has_suggestion, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-import-to-story", "x",
                                             cc_story_get_id (sample)));
  g_assert_cmpuint (cc_story_get_n_articles (sample), ==, 7);
  g_assert_true (cc_scope_get_story (cc_window_get_scope (window)) == sample);

  /* The import toast's Undo takes the two articles out; Ctrl+Z brings
   * them back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", NULL));
  g_assert_cmpuint (cc_story_get_n_articles (sample), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 8);
  g_assert_cmpuint (cc_story_get_n_articles (sample), ==, 7);
  g_assert_cmpuint (cc_story_get_n_articles (made), ==, 2);
}

static void
test_stories_suggestion (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *db_path = g_build_filename (tmpdir, "suggest.db", NULL);
  g_autofree char *quake = g_build_filename (tmpdir, "quake-reports", NULL);
  g_autofree char *c = g_build_filename (quake, "quake.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (quake, 0700), ==, 0);
  g_assert_true (g_file_set_contents (c,
    "Earthquake toll rises in the mountain towns\n\n"
    "The death toll from Tuesday's earthquake rose to 320, the regional governor said. "
    "At least 1,200 people were injured, according to the health ministry.\n", -1, NULL));

  g_settings_set_boolean (settings, "sample-offered", TRUE);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", db_path, "import", "--story",
                                    SAMPLE_STORY, cc_test_sample_dir (), NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", db_path, "import", "--story",
                                    "Earthquake", quake, NULL), ==, 0);

  cc_test_run_app (db_path, check_suggestion);
}

int
main (int   argc,
      char *argv[])
{
  if (!(tmpdir = cc_test_gui_init (&argc, &argv, "test-stories-window")))
    return 77;

  g_test_add_func ("/stories/window", test_stories_window);
  g_test_add_func ("/stories/suggestion", test_stories_suggestion);

  return cc_test_gui_run (tmpdir);
}
