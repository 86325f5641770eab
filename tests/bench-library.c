/* bench-library.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures a large library: for each size (10,000 and 100,000 articles
 * unless given), a library is built from the sample's sentences through
 * the import a user runs (text files, 10,000 to a folder, imported one
 * folder after another), or reused from the build folder when a run made
 * it before. It prints the import's figures (total time, the rate of the
 * last 10,000 articles and of the first, the time to the first progress
 * report, the bytes written against the file's size), then, in fresh
 * processes so that nothing of the import stays in memory (the best of
 * five runs of each figure): the time to open the library and list every
 * article as the list shows it, the peak RSS after opening, the time of a
 * search for a common word and for two words through the library API (to
 * the first page of 50 results, and to every match), and of reading one
 * article's text and claims on demand, and of reading every claim on a
 * worker as the window does, with the longest the main thread is busy
 * meanwhile; at last the ratio of each figure
 * of the largest size to the smallest.
 *
 *   bench-library [ARTICLES...]
 *   bench-library --measure LIBRARY
 *
 * The libraries are kept as bench-library-N.db in the build folder
 * (G_TEST_BUILDDIR, else the program's own folder, _build/tests); delete
 * them to build again.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cc-article.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-test-utils.h"

#define CHUNK 10000
#define COMMON_WORD "said"
#define WORDS "troops border"
#define PAGE 50
#define MEASURE_RUNS 5

/* Sentences of the sample's texts, split at full stops; their titles go
 * to @titles. */
static GPtrArray *
load_sentences (const char *dir,
                GPtrArray  *titles)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    g_error ("Cannot open %s", dir);

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!g_file_get_contents (path, &text, NULL, NULL))
        continue;
      lines = g_strsplit_set (text, "\n", -1);
      /* The first line is the title. */
      g_ptr_array_add (titles, g_strdup (g_strstrip (lines[0])));
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], ". ", -1);

          for (guint j = 0; parts[j] != NULL; j++)
            {
              g_strstrip (parts[j]);
              if (strlen (parts[j]) > 20)
                g_ptr_array_add (sentences,
                                 g_str_has_suffix (parts[j], ".") ||
                                 g_str_has_suffix (parts[j], "”")
                                   ? g_strdup (parts[j]) : g_strconcat (parts[j], ".", NULL));
            }
        }
    }

  if (sentences->len < 10)
    g_error ("Too few sentences in %s", dir);
  return sentences;
}

/* Article @n: a title of the sample's, some twenty sentences in an order
 * of its own, in paragraphs, and a line that makes its text unique. */
static char *
make_article (GPtrArray *titles,
              GPtrArray *sentences,
              guint      n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n * 2654435761u + 17);
  GString *text = g_string_new (NULL);
  guint n_sentences = 16 + g_rand_int_range (rand, 0, 10);

  g_string_append_printf (text, "%s (dispatch %u)\n",
                          (char *)g_ptr_array_index (titles, n % titles->len), n);
  for (guint i = 0; i < n_sentences; i++)
    {
      const char *sentence = g_ptr_array_index (sentences,
                                                g_rand_int_range (rand, 0, sentences->len));

      g_string_append (text, sentence);
      g_string_append (text, i % 4 == 3 ? "\n" : " ");
    }
  g_string_append_printf (text, "\nThis is dispatch number %u of the series.\n", n);
  return g_string_free (text, FALSE);
}

static guint64
bytes_written (void)
{
  g_autofree char *io = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL) ||
      !(line = strstr (io, "\nwrite_bytes:")))
    return 0;
  return g_ascii_strtoull (line + strlen ("\nwrite_bytes:"), NULL, 10);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64)st.st_size : 0;
}

typedef struct
{
  gint64 started;
  gint64 first_progress;
} Progress;

static void
on_progress (double      fraction,
             const char *path,
             gpointer    user_data)
{
  Progress *progress = user_data;

  if (progress->first_progress == 0 && path != NULL)
    progress->first_progress = g_get_monotonic_time ();
}

/* Builds the library at @db from @n_articles generated articles, CHUNK
 * files to a folder, and writes its import figures to @figures. */
static void
build_library (const char *db,
               const char *figures,
               guint       n_articles,
               GPtrArray  *titles,
               GPtrArray  *sentences)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autofree char *building = g_strconcat (db, ".building", NULL);
  g_autofree char *wal = g_strconcat (building, "-wal", NULL);
  g_autofree char *shm = g_strconcat (building, "-shm", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  double total = 0, first_rate = 0, last_rate = 0, first_progress = 0;
  guint64 written = 0;

  g_unlink (building);
  g_unlink (wal);
  g_unlink (shm);
  store = cc_store_new (building, &error);
  g_assert_no_error (error);
  library = cc_library_new (store);
  g_assert_true (cc_library_load (library, &error));

  for (guint start = 0; start < n_articles; start += CHUNK)
    {
      g_autoptr(CcImportReport) report = NULL;
      guint end = MIN (start + CHUNK, n_articles);
      const char *paths[2] = { NULL, NULL };
      Progress progress = { 0, 0 };
      guint64 before;
      double seconds;

      dir = g_build_filename (g_get_tmp_dir (), "crosscheck-bench-library-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (dir));
      for (guint i = start; i < end; i++)
        {
          g_autofree char *name = g_strdup_printf ("%s/dispatch-%06u.txt", dir, i);
          g_autofree char *article = make_article (titles, sentences, i);

          g_file_set_contents (name, article, -1, &error);
          g_assert_no_error (error);
        }

      paths[0] = dir;
      before = bytes_written ();
      progress.started = g_get_monotonic_time ();
      report = cc_library_import (library, paths, NULL, on_progress, &progress);
      seconds = (g_get_monotonic_time () - progress.started) / (double)G_USEC_PER_SEC;
      written += bytes_written () - before;
      g_assert_cmpuint (report->n_imported, ==, end - start);

      total += seconds;
      last_rate = (end - start) / seconds;
      if (start == 0)
        {
          first_rate = last_rate;
          first_progress = (progress.first_progress - progress.started) / 1000.0;
        }
      g_print ("  imported %u articles: %.1f s for the last %u (%.0f articles/s)\n",
               end, seconds, end - start, last_rate);
      cc_test_remove_tree (dir);
      g_clear_pointer (&dir, g_free);
    }

  /* Closing checkpoints what the journal still holds: that is written
   * by the import too. */
  {
    guint64 before = bytes_written ();

    g_clear_object (&library);
    g_assert_finalize_object (g_steal_pointer (&store));
    written += bytes_written () - before;
  }

  text = g_strdup_printf ("import_seconds=%.2f\nfirst_rate=%.0f\nlast_rate=%.0f\n"
                          "first_progress_ms=%.1f\nwritten_bytes=%" G_GUINT64_FORMAT "\n"
                          "file_bytes=%" G_GUINT64_FORMAT "\n",
                          total, first_rate, last_rate, first_progress, written,
                          file_size (building));
  g_file_set_contents (figures, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (building, db), ==, 0);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* The first page of results, as a list shows them first. */
static double
time_first_page (CcLibrary  *library,
                 const char *query,
                 guint      *n_found)
{
  g_autoptr(GArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  page = cc_library_search_page (library, query, 0, PAGE, &error);
  ms = ms_since (start);
  g_assert_no_error (error);
  *n_found = page->len;
  return ms;
}

static double
time_search (CcLibrary  *library,
             const char *query,
             guint      *n_found)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  found = cc_library_search (library, query, &error);
  ms = ms_since (start);
  g_assert_no_error (error);
  *n_found = g_hash_table_size (found);
  return ms;
}

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     longest;
} Stall;

static gboolean
on_tick (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last_tick);
  stall->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_claims_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Stall *stall = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_library_load_claims_finish (CC_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  /* The last stretch, since the last tick, counts too. */
  stall->longest = MAX (stall->longest, g_get_monotonic_time () - stall->last_tick);
  g_main_loop_quit (stall->loop);
}

/* Reads every claim as the window does, on a worker; returns the time
 * until they are in the model, and in @longest_ms the longest the main
 * thread was busy at a stretch meanwhile. */
static double
time_claims_async (const char *db,
                   double     *longest_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (db, &error);
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Stall stall = { loop, 0, 0 };
  guint n_claims = 0;
  gint64 start;
  guint tick;
  double ms;

  g_assert_no_error (error);
  library = cc_library_new (store);
  g_assert_true (cc_library_load (library, &error));

  start = stall.last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (1, on_tick, &stall);
  cc_library_load_claims_async (library, NULL, on_claims_read, &stall);
  g_main_loop_run (loop);
  g_source_remove (tick);
  *longest_ms = stall.longest / 1000.0;
  ms = ms_since (start);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      n_claims += cc_article_get_n_claims (article);
    }
  g_assert_cmpuint (n_claims, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==, n_claims);
  return ms;
}

/* Opens the library as the window and the command line do, and prints
 * key=value lines for the parent. */
static int
measure (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcArticle) middle = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n, n_claims = 0, n_word, n_words;
  gsize title_bytes = 0;
  double open_ms, word_ms, words_ms, read_ms, claims_ms, word_page_ms, words_page_ms;
  double claims_async_ms, claims_stall_ms;
  guint n_word_page, n_words_page;
  guint64 rss;

  store = cc_store_new (db, &error);
  g_assert_no_error (error);
  library = cc_library_new (store);
  g_assert_true (cc_library_load (library, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      /* What a row of the list shows. */
      title_bytes += strlen (cc_article_get_title (article));
      title_bytes += cc_article_get_outlet (article) ? strlen (cc_article_get_outlet (article)) : 0;
      title_bytes += cc_article_get_published (article) ? 10 : 0;
      n_claims += cc_article_get_n_claims (article);
    }
  open_ms = ms_since (start);
  rss = peak_rss_kb ();
  g_assert_cmpuint (title_bytes, >, 0);

  /* Searches, each the second time so that the index's pages are read. */
  time_search (library, COMMON_WORD, &n_word);
  word_ms = time_search (library, COMMON_WORD, &n_word);
  time_search (library, WORDS, &n_words);
  words_ms = time_search (library, WORDS, &n_words);

  time_first_page (library, COMMON_WORD, &n_word_page);
  word_page_ms = time_first_page (library, COMMON_WORD, &n_word_page);
  time_first_page (library, WORDS, &n_words_page);
  words_page_ms = time_first_page (library, WORDS, &n_words_page);
  g_assert_cmpuint (n_word_page, ==, MIN (PAGE, n_word));
  g_assert_cmpuint (n_words_page, ==, MIN (PAGE, n_words));

  middle = g_list_model_get_item (G_LIST_MODEL (library), n / 2);
  start = g_get_monotonic_time ();
  g_assert_false (cc_article_is_loaded (middle));
  g_assert_nonnull (cc_article_get_text (middle));
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (middle)), >=,
                    cc_article_get_n_claims (middle));
  read_ms = ms_since (start);

  start = g_get_monotonic_time ();
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==, n_claims);
  claims_ms = ms_since (start);

  claims_async_ms = time_claims_async (db, &claims_stall_ms);

  g_print ("claims_async_ms=%.0f\nclaims_stall_ms=%.1f\n", claims_async_ms, claims_stall_ms);
  g_print ("articles=%u\nclaims=%u\nopen_ms=%.1f\nrss_kb=%" G_GUINT64_FORMAT "\n"
           "word_ms=%.2f\nword_found=%u\nwords_ms=%.2f\nwords_found=%u\n"
           "word_page_ms=%.2f\nwords_page_ms=%.2f\n"
           "read_ms=%.3f\nall_claims_ms=%.0f\n",
           n, n_claims, open_ms, rss, word_ms, n_word, words_ms, n_words,
           word_page_ms, words_page_ms, read_ms, claims_ms);
  return 0;
}

static GHashTable *
parse_figures (const char *text)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');
      double *value;

      if (eq == NULL)
        continue;
      *eq = '\0';
      value = g_new (double, 1);
      *value = g_ascii_strtod (eq + 1, NULL);
      g_hash_table_insert (values, g_strdup (lines[i]), value);
    }
  return values;
}

static double
figure (GHashTable *figures,
        const char *name)
{
  double *value = g_hash_table_lookup (figures, name);

  if (value == NULL)
    g_error ("No figure %s", name);
  return *value;
}

typedef struct
{
  guint       n_articles;
  GHashTable *import;
  GHashTable *open;
  char       *import_text;
  char       *db;
} Size;

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, TRUE, sizeof (Size));
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self_path ? g_path_get_dirname (self_path) : NULL;
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : self_dir;

  setlocale (LC_ALL, "");

  if (argc == 3 && strcmp (argv[1], "--measure") == 0)
    return measure (argv[2]);

  for (int i = 1; i < argc; i++)
    {
      Size size = { (guint)g_ascii_strtoull (argv[i], NULL, 10), NULL, NULL, NULL, NULL };

      if (size.n_articles == 0)
        g_error ("usage: bench-library [ARTICLES...]");
      g_array_append_val (sizes, size);
    }
  if (sizes->len == 0)
    {
      Size small = { 10000, NULL, NULL, NULL, NULL }, large = { 100000, NULL, NULL, NULL, NULL };

      g_array_append_val (sizes, small);
      g_array_append_val (sizes, large);
    }

  sentences = load_sentences (cc_test_sample_dir (), titles);

  /* The libraries first, built or reused. */
  for (guint i = 0; i < sizes->len; i++)
    {
      Size *size = &g_array_index (sizes, Size, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *figures = NULL;

      size->db = g_strdup_printf ("%s/bench-library-%u.db", build_dir ? build_dir : ".",
                                  size->n_articles);
      figures = g_strconcat (size->db, ".import", NULL);
      g_print ("%u articles: %s\n", size->n_articles, size->db);
      if (!g_file_test (size->db, G_FILE_TEST_EXISTS) || !g_file_test (figures, G_FILE_TEST_EXISTS))
        build_library (size->db, figures, size->n_articles, titles, sentences);
      else
        g_print ("  reusing the library built before, and its import figures\n");

      g_file_get_contents (figures, &size->import_text, NULL, &error);
      g_assert_no_error (error);
      size->import = parse_figures (size->import_text);
    }

  /* Then the best of a few fresh processes for each, the sizes taking
   * turns so that they meet the same load: other work on the machine
   * only ever makes a figure worse. */
  for (guint run = 0; run < MEASURE_RUNS; run++)
    for (guint i = 0; i < sizes->len; i++)
      {
        Size *size = &g_array_index (sizes, Size, i);
        const char *child[] = { argv[0], "--measure", size->db, NULL };
        g_autoptr(GError) error = NULL;
        g_autofree char *out = NULL;
        g_autoptr(GHashTable) figures_run = NULL;
        GHashTableIter iter;
        gpointer key, value;
        int status;

        g_spawn_sync (NULL, (char **)child, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                      &out, NULL, &status, &error);
        g_assert_no_error (error);
        g_spawn_check_wait_status (status, &error);
        g_assert_no_error (error);
        figures_run = parse_figures (out);
        if (size->open == NULL)
          {
            size->open = g_steal_pointer (&figures_run);
            continue;
          }
        g_hash_table_iter_init (&iter, figures_run);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            double *best = g_hash_table_lookup (size->open, key);

            if (best != NULL && *(double *)value < *best)
              *best = *(double *)value;
          }
      }

  for (guint i = 0; i < sizes->len; i++)
    {
      Size *size = &g_array_index (sizes, Size, i);

      g_print ("%u articles:\n", size->n_articles);
      g_print ("  import: %.1f s in all; %.0f articles/s for the first %u, %.0f for the last; "
               "first progress after %.0f ms\n",
               figure (size->import, "import_seconds"), figure (size->import, "first_rate"),
               MIN (size->n_articles, CHUNK), figure (size->import, "last_rate"),
               figure (size->import, "first_progress_ms"));
      g_print ("  written: %.0f MB for a file of %.0f MB (%.2fx)\n",
               figure (size->import, "written_bytes") / 1e6,
               figure (size->import, "file_bytes") / 1e6,
               figure (size->import, "written_bytes") / MAX (1, figure (size->import, "file_bytes")));
      g_print ("  open and list %.0f articles (%.0f claims): %.1f ms; peak RSS after opening %.1f MB\n",
               figure (size->open, "articles"), figure (size->open, "claims"),
               figure (size->open, "open_ms"), figure (size->open, "rss_kb") / 1024);
      g_print ("  search \"%s\": first page of %d: %.2f ms; all %.0f matches: %.2f ms\n",
               COMMON_WORD, PAGE, figure (size->open, "word_page_ms"),
               figure (size->open, "word_found"), figure (size->open, "word_ms"));
      g_print ("  search \"%s\": first page of %d: %.2f ms; all %.0f matches: %.2f ms\n",
               WORDS, PAGE, figure (size->open, "words_page_ms"),
               figure (size->open, "words_found"), figure (size->open, "words_ms"));
      g_print ("  one article's text and claims on demand: %.2f ms; every claim: %.0f ms\n",
               figure (size->open, "read_ms"), figure (size->open, "all_claims_ms"));
      g_print ("  every claim on a worker, as the window reads them: %.0f ms; the main thread "
               "busy at most %.1f ms at a stretch\n",
               figure (size->open, "claims_async_ms"), figure (size->open, "claims_stall_ms"));
    }

  if (sizes->len > 1)
    {
      Size *small = &g_array_index (sizes, Size, 0);
      Size *large = &g_array_index (sizes, Size, sizes->len - 1);
      const char *open_figures[] = { "open_ms", "rss_kb", "word_page_ms", "word_ms",
                                     "words_page_ms", "words_ms", "read_ms" };

      g_print ("ratio %u / %u articles:", large->n_articles, small->n_articles);
      for (guint i = 0; i < G_N_ELEMENTS (open_figures); i++)
        g_print (" %s %.2f;", open_figures[i],
                 figure (large->open, open_figures[i]) / figure (small->open, open_figures[i]));
      g_print (" import rate (last 10,000) %.2f\n",
               figure (large->import, "last_rate") / figure (small->import, "last_rate"));
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      Size *size = &g_array_index (sizes, Size, i);

      g_hash_table_unref (size->import);
      g_hash_table_unref (size->open);
      g_free (size->import_text);
      g_free (size->db);
    }
  return 0;
}
