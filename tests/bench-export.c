/* bench-export.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures a report: a library of N articles (100 unless given), made
 * from the sample's texts, each a little different so that none is a
 * duplicate, imported as a user would and given a few highlights with
 * notes; then the report with the chart, the clusters and every article
 * is written, and the time it took is printed. It fails when the report
 * takes 5 seconds or more.
 *
 *   bench-export [ARTICLES] [SAMPLE-DIR]
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-library.h"
#include "cc-pdf-exporter.h"
#include "cc-store.h"
#include "cc-test-utils.h"

#define TARGET_SECONDS 5.0

static GPtrArray *
load_texts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    g_error ("Cannot open %s", dir);

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      char *text = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_file_get_contents (path, &text, NULL, NULL))
        g_ptr_array_add (texts, text);
    }

  if (texts->len == 0)
    g_error ("No articles found in %s", dir);
  return texts;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcPdfExporter) exporter = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  const char *sample_dir;
  const char *paths[2];
  guint n_articles = 100;
  guint n_claims = 0;
  double seconds;
  GStatBuf st;

  setlocale (LC_ALL, "");

  if (argc > 1)
    n_articles = (guint)g_ascii_strtoull (argv[1], NULL, 10);
  sample_dir = argc > 2 ? argv[2] : g_getenv ("CROSSCHECK_SAMPLE_DIR");
  if (sample_dir == NULL)
    sample_dir = SOURCE_DATADIR "/sample";
  if (n_articles == 0)
    g_error ("usage: bench-export [ARTICLES] [SAMPLE-DIR]");

  texts = load_texts (sample_dir);
  dir = g_dir_make_tmp ("crosscheck-bench-export-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/article-%03u.txt", dir, i);
      g_autofree char *text = g_strdup_printf ("Copy %u of the coverage\n%s\nEdition %u.\n", i,
                                               (char *)g_ptr_array_index (texts, i % texts->len),
                                               i);

      g_file_set_contents (name, text, -1, &error);
      g_assert_no_error (error);
    }

  db = g_build_filename (dir, "library.db", NULL);
  store = cc_store_new (db, &error);
  g_assert_no_error (error);
  library = cc_library_new (store);
  cc_library_load (library, &error);
  g_assert_no_error (error);
  paths[0] = dir;
  paths[1] = NULL;
  report = cc_library_import (library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, n_articles);

  exporter = cc_pdf_exporter_new ();
  cc_pdf_exporter_set_report (exporter, TRUE);
  cc_pdf_exporter_set_title (exporter, "Benchmark report");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);
      guint length = g_utf8_strlen (cc_article_get_text (article), -1);

      for (guint j = 0; j + 200 < length && j < 1600; j += 400)
        {
          g_autoptr(CcAnnotation) annotation = cc_annotation_new ();

          cc_annotation_set_start (annotation, j + 20);
          cc_annotation_set_end (annotation, j + 90);
          cc_annotation_set_color (annotation, "#f9f06b");
          cc_annotation_set_note (annotation, "A note to check this passage against "
                                              "the other reports of the same day.");
          cc_library_add_annotation (library, article, annotation, &error);
          g_assert_no_error (error);
        }
      n_claims += cc_article_get_n_claims (article);
    }

  pdf = g_build_filename (dir, "report.pdf", NULL);

  /* From the copies of the articles to the file on disk. */
  timer = g_timer_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      cc_pdf_exporter_add_article (exporter, article);
    }
  if (!cc_pdf_exporter_write (exporter, pdf, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  seconds = g_timer_elapsed (timer, NULL);

  g_stat (pdf, &st);
  g_print ("Report of %u articles (%u claims): %.2f s, %.1f MB (target: under %.0f s)\n",
           n_articles, n_claims, seconds, st.st_size / 1e6, TARGET_SECONDS);

  g_clear_object (&library);
  g_clear_object (&store);
  cc_test_remove_tree (dir);

  return seconds < TARGET_SECONDS ? EXIT_SUCCESS : EXIT_FAILURE;
}
