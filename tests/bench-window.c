/* bench-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the window on a large library (100,000 articles by default,
 * made once from the sample's paragraphs and kept beside the program).
 * It starts the application in this process, as the window tests do, and
 * prints in milliseconds:
 *
 *  - the library's opening (the application's start-up) and the window up
 *    to its first frame;
 *  - from the start to the first frame in which the article list shows
 *    its first page, the newest articles in the order of
 *    cc_compare_articles_newest_first(), and the longest gap between
 *    frames from the first frame until then and until the whole list is
 *    shown, while a tick callback asks for a frame every refresh; frames
 *    that showed other rows at the top are counted;
 *  - a search typed into the article list one letter at a time: from the
 *    search starting (the entry's search-changed) to the first frame
 *    showing the first page of the right articles, to the whole result,
 *    and the longest gap between two frames meanwhile, while a tick
 *    callback asks for a frame every refresh;
 *  - the same for clearing the search, and for choosing a story and going
 *    back to all articles;
 *  - the Timeline page shown: from the page asked for to the first frame
 *    of the chart with its statements, and the longest gap between frames
 *    meanwhile, the chart grouping every claim of the library.
 *
 * Run it under a display, e.g.
 *
 *   GSK_RENDERER=cairo xvfb-run -a dbus-run-session -- _build/tests/bench-window [ARTICLES] [QUERY]
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-window-corpus.h"
#include "cc-application.h"
#include "cc-article-sort.h"
#include "cc-article.h"
#include "cc-chart.h"
#include "cc-chart-layout.h"
#include "cc-library.h"
#include "cc-scope.h"
#include "cc-source-list.h"
#include "cc-store.h"
#include "cc-story-list.h"
#include "cc-story.h"
#include "cc-test-gui.h"
#include "cc-test-utils.h"
#include "cc-timeline-view.h"
#include "cc-window-private.h"

/* The rows the list shows at once in a window of the default size. */
#define FIRST_PAGE 20

static struct
{
  const char    *query;
  guint          n_articles;
  gint64         start;
  gint64         started;      /* the application's start-up done */
  gint64         first_frame;
  GArray        *frames;       /* gint64 after-paint times */
  gint64         search_changed;
  CcWindow      *window;
  GListModel    *list;         /* what the article list shows */
  /* The list's first page at each frame, until the whole list is in. */
  GPtrArray     *pages;        /* GArray of gint64 ids */
  GArray        *page_frames;  /* gint64 after-paint times */
  GArray        *page_rows;    /* guint, the rows the list had */
  gboolean       ran;
} bench;

static double
ms (gint64 usec)
{
  return usec / 1000.0;
}

static void
startup_cb (GApplication *app,
            gpointer      user_data)
{
  bench.started = g_get_monotonic_time ();
  g_print ("Library opened (application start-up): %.1f ms\n", ms (bench.started - bench.start));
}

static GArray *dup_first_page (void);

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.first_frame == 0)
    bench.first_frame = now;
  g_array_append_val (bench.frames, now);
  if (bench.pages != NULL && bench.list != NULL)
    {
      guint n_rows = g_list_model_get_n_items (bench.list);

      g_ptr_array_add (bench.pages, dup_first_page ());
      g_array_append_val (bench.page_frames, now);
      g_array_append_val (bench.page_rows, n_rows);
    }
}

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_params,
                     const GValue          *params,
                     gpointer               user_data)
{
  bench.search_changed = g_get_monotonic_time ();
  return TRUE;
}

/* Asks for a frame at every refresh, as an animation would, so that a
 * main loop held up shows as a gap between frames. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
wait_ms (guint ms)
{
  cc_test_settle (ms);
}

/* Whether the list shows the first page of @expected in order, or, with
 * @expected NULL, starts with the articles of @first. */
typedef struct
{
  GHashTable *expected;     /* gint64 ids */
  GArray     *first;        /* gint64 ids, the list's first page */
  guint       n_items;      /* the whole result */
} Want;

static gboolean
shows_first_page (Want *want)
{
  guint n = g_list_model_get_n_items (bench.list);
  guint page = MIN (want->n_items, FIRST_PAGE);

  if (n < page)
    return FALSE;
  for (guint i = 0; i < page; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (bench.list, i);
      gint64 id = cc_article_get_id (article);

      if (want->expected != NULL && !g_hash_table_contains (want->expected, &id))
        return FALSE;
      if (want->first != NULL && (i >= want->first->len || g_array_index (want->first, gint64, i) != id))
        return FALSE;
    }
  return TRUE;
}

/* The ids of the library's FIRST_PAGE newest articles, in order, by a
 * pass over them all that keeps the first ones. */
static GArray *
newest_ids (CcLibrary *library)
{
  g_autoptr(GPtrArray) newest = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < n_items; i++)
    {
      CcArticle *article = g_list_model_get_item (G_LIST_MODEL (library), i);
      guint at = newest->len;

      while (at > 0 && cc_compare_articles_newest_first (article, newest->pdata[at - 1], NULL) < 0)
        at--;
      if (at >= FIRST_PAGE)
        {
          g_object_unref (article);
          continue;
        }
      g_ptr_array_insert (newest, at, article);
      if (newest->len > FIRST_PAGE)
        g_ptr_array_remove_index (newest, FIRST_PAGE);
    }
  for (guint i = 0; i < newest->len; i++)
    {
      gint64 id = cc_article_get_id (newest->pdata[i]);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

/* The first frame that showed the library's newest articles, from the
 * pages recorded at each frame since the start; the main loop runs until
 * a frame shows them, and then until one shows @n_items rows. The
 * longest gaps between frames are from the first frame to each. */
static void
report_first_page (CcLibrary *library,
                   guint      n_items)
{
  g_autoptr(GArray) newest = newest_ids (library);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 shown = 0, longest = 0, longest_first = 0, previous = bench.first_frame;
  guint wrong = 0;

  for (guint i = 0, rows = 0; shown == 0 || rows < n_items; i++)
    {
      GArray *page;
      gint64 frame;

      while (i >= bench.pages->len && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (i >= bench.pages->len)
        g_error ("The list never showed its first page in order");

      page = g_ptr_array_index (bench.pages, i);
      frame = g_array_index (bench.page_frames, gint64, i);
      rows = g_array_index (bench.page_rows, guint, i);
      longest = MAX (longest, frame - previous);
      previous = frame;
      if (shown == 0 && same_ids (page, newest))
        {
          shown = frame;
          longest_first = longest;
        }
      else if (!same_ids (page, newest) && page->len > 0)
        wrong++;
    }
  g_print ("List's first page in order: %.1f ms from the start; longest gap between frames "
           "until then %.1f ms, until the whole list %.1f ms; frames with other rows at the top %u\n",
           ms (shown - bench.start), ms (longest_first), ms (longest), wrong);
  g_clear_pointer (&bench.pages, g_ptr_array_unref);
  g_clear_pointer (&bench.page_frames, g_array_unref);
  g_clear_pointer (&bench.page_rows, g_array_unref);
}

static gboolean
shows_all (Want *want)
{
  return g_list_model_get_n_items (bench.list) == want->n_items && shows_first_page (want);
}

static GArray *
dup_first_page (void)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < MIN (FIRST_PAGE, g_list_model_get_n_items (bench.list)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (bench.list, i);
      gint64 id = cc_article_get_id (article);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Runs the main loop until the list shows @want: the time of the first
 * frame after the first page is there and after the whole is, from
 * @since. */
static void
measure (const char *what,
         Want       *want,
         gint64      since,
         gint64      input)
{
  gint64 first_page = 0, complete = 0;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint frames_seen = bench.frames->len;
  gint64 longest = 0;

  while (complete == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (bench.frames->len == frames_seen)
        continue;
      frames_seen = bench.frames->len;
      if (first_page == 0 && shows_first_page (want))
        first_page = g_array_index (bench.frames, gint64, frames_seen - 1);
      if (first_page != 0 && shows_all (want))
        complete = g_array_index (bench.frames, gint64, frames_seen - 1);
    }
  if (complete == 0)
    g_error ("%s: the list never showed the %u articles", what, want->n_items);

  /* Some frames more, for work left after the result. */
  wait_ms (500);
  for (guint i = 1; i < bench.frames->len; i++)
    {
      gint64 a = g_array_index (bench.frames, gint64, i - 1);
      gint64 b = g_array_index (bench.frames, gint64, i);

      if (b >= input)
        longest = MAX (longest, b - MAX (a, input));
    }

  g_print ("%s (%u articles): first page %.1f ms, all %.1f ms after the search started; "
           "longest gap between frames %.1f ms\n",
           what, want->n_items, ms (first_page - since), ms (complete - since), ms (longest));
}

static gboolean
add_to_table (gint64   id,
              gpointer table)
{
  g_hash_table_add (table, g_memdup2 (&id, sizeof id));
  return FALSE;
}

static GHashTable *
expected_matches (CcLibrary *library)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(CcIdSet) ids = cc_store_search_set (cc_library_get_store (library), bench.query, &error);
  GHashTable *set;

  g_assert_no_error (error);
  g_print ("Full-text query “%s” alone: %.1f ms, %u articles\n", bench.query,
           ms (g_get_monotonic_time () - start), cc_id_set_get_size (ids));
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  cc_id_set_foreach (ids, add_to_table, set);
  return set;
}

/* Shows the Timeline page and runs the main loop until the chart has
 * drawn its statements. */
static void
measure_timeline (CcWindow *window)
{
  CcChart *chart = cc_timeline_view_get_chart (CC_TIMELINE_VIEW (window->timeline_view));
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  gint64 input, drawn = 0, longest = 0;
  guint frames_seen, first_frame;
  guint tick, n_points;

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);
  wait_ms (300);
  input = g_get_monotonic_time ();
  first_frame = frames_seen = bench.frames->len;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
  while (drawn == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (bench.frames->len == frames_seen)
        continue;
      frames_seen = bench.frames->len;
      if (gtk_widget_get_mapped (GTK_WIDGET (chart))
          && cc_chart_layout_has_statements (cc_chart_get_layout (chart)))
        drawn = g_array_index (bench.frames, gint64, frames_seen - 1);
    }
  if (drawn == 0)
    g_error ("Timeline: the chart never showed its statements");
  wait_ms (500);
  for (guint i = MAX (first_frame, 1); i < bench.frames->len; i++)
    {
      gint64 a = g_array_index (bench.frames, gint64, i - 1);
      gint64 b = g_array_index (bench.frames, gint64, i);

      longest = MAX (longest, b - MAX (a, input));
    }
  cc_chart_layout_get_points (cc_chart_get_layout (chart), &n_points);
  g_print ("Timeline (%u statements): chart drawn %.1f ms after the page was asked for; "
           "longest gap between frames %.1f ms\n",
           n_points, ms (drawn - input), ms (longest));
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
}

static void
run_scenario (CcApplication *app)
{
  CcWindow *window = CC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  CcLibrary *library = cc_application_get_library (app);
  GtkWidget *entry = cc_test_find_one (window->source_list, GTK_TYPE_SEARCH_ENTRY);
  GtkListView *list_view = cc_test_find_one (window->source_list, GTK_TYPE_LIST_VIEW);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GArray) all_first = NULL;
  Want want = { 0, };
  CcStory *story;
  gint64 input;
  guint tick;

  bench.window = window;
  bench.list = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  bench.pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  bench.page_frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.page_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  tick = gtk_widget_add_tick_callback (entry, tick_cb, NULL, NULL);

  while (bench.first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("Window up to its first frame: %.1f ms (%.1f ms from the start)\n",
           ms (bench.first_frame - bench.started), ms (bench.first_frame - bench.start));

  /* The whole library listed, in order. */
  want.n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  while (g_list_model_get_n_items (bench.list) != want.n_items)
    g_main_context_iteration (NULL, TRUE);
  g_print ("List of all %u articles complete: %.1f ms from the start\n", want.n_items,
           ms (g_get_monotonic_time () - bench.start));
  report_first_page (library, want.n_items);
  gtk_widget_remove_tick_callback (entry, tick);
  wait_ms (1000);
  all_first = dup_first_page ();
  expected = expected_matches (library);

  tick = gtk_widget_add_tick_callback (entry, tick_cb, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  wait_ms (300);

  /* Typing, a letter every 100 ms. */
  gtk_widget_grab_focus (entry);
  input = g_get_monotonic_time ();
  bench.search_changed = 0;
  for (const char *p = bench.query; *p != '\0'; p++)
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (entry), p, 1, &position);
      gtk_editable_set_position (GTK_EDITABLE (entry), -1);
      if (p[1] != '\0')
        wait_ms (100);
    }
  /* The search starts after the entry's delay from the last letter. */
  bench.search_changed = 0;
  while (bench.search_changed == 0)
    g_main_context_iteration (NULL, TRUE);
  want = (Want) { expected, NULL, g_hash_table_size (expected) };
  measure ("Search", &want, bench.search_changed, input);

  /* Escape clears the search. */
  input = bench.search_changed = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  want = (Want) { NULL, all_first, g_list_model_get_n_items (G_LIST_MODEL (library)) };
  measure ("Clearing the search", &want, input, input);

  /* A story, and back to every article. */
  story = g_list_model_get_n_items (cc_library_get_stories (library)) > 0
          ? g_list_model_get_item (cc_library_get_stories (library), 0) : NULL;
  if (story != NULL)
    {
      g_autoptr(GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GArray) ids = cc_story_dup_article_ids (story);

      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (members, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
      input = g_get_monotonic_time ();
      cc_story_list_set_story (window->story_list, story);
      want = (Want) { members, NULL, ids->len };
      measure ("Choosing a story", &want, input, input);

      input = g_get_monotonic_time ();
      cc_story_list_set_story (window->story_list, NULL);
      want = (Want) { NULL, all_first, g_list_model_get_n_items (G_LIST_MODEL (library)) };
      measure ("Back to all articles", &want, input, input);
      g_object_unref (story);
    }

  gtk_widget_remove_tick_callback (entry, tick);
  measure_timeline (window);
  bench.ran = TRUE;
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL || bench.ran)
    return;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  run_scenario (CC_APPLICATION (app));

  while ((window = gtk_application_get_active_window (GTK_APPLICATION (app))))
    gtk_window_destroy (window);
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcApplication) app = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmpdir = NULL;
  const char *sample_dir = g_getenv ("CROSSCHECK_SAMPLE_DIR");
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  char *app_argv[] = { (char *)"crosscheck", (char *)"--library", NULL, NULL };
  int status;

  setlocale (LC_ALL, "");
  /* Each figure as soon as it is measured, also into a file. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);

  bench.n_articles = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  bench.query = argc > 2 ? argv[2] : "troops";
  if (bench.n_articles == 0)
    g_error ("usage: bench-window [ARTICLES] [QUERY]");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }

  path = g_strdup_printf ("%s/bench-window-%u.db", builddir ? builddir : ".", bench.n_articles);
  if (!bench_window_ensure_library (path, sample_dir ? sample_dir : SOURCE_DATADIR "/sample",
                                    bench.n_articles, &error))
    g_error ("Could not make the library: %s", error->message);

  /* The window's settings stay out of the user's. */
  tmpdir = g_dir_make_tmp ("crosscheck-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  bench.frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  app_argv[2] = path;
  bench.start = g_get_monotonic_time ();
  app = cc_application_new ();
  g_signal_connect_after (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 3, app_argv);

  cc_test_remove_tree (tmpdir);
  g_array_unref (bench.frames);
  return bench.ran ? status : 1;
}
