/* test-pdf-exporter.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exports the sample as PDF, with highlights and notes added through the
 * library as the reader adds them, by the command line and by the API,
 * and reads the PDFs back with poppler. Pages of a report are rendered
 * to PNG in the build folder. */

#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-library.h"
#include "cc-pdf-exporter.h"
#include "cc-store.h"
#include "cc-test-utils.h"
#include "cc-utils.h"

/* poppler-glib 22.12 defines no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char      *dir;
  char      *library_path;
  CcStore   *store;
  CcLibrary *library;
  GPtrArray *notes;      /* the notes added, as written */
  guint      n_highlights;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs crosscheck on @library with the arguments up to NULL. */
#define run_cli(run, library, ...) \
  ((run)->status = cc_test_run_cli (&(run)->out, &(run)->err, "--library", (library), __VA_ARGS__))

/* Adds a highlight through the library, as the reader does. */
static void
add_highlight (Fixture    *f,
               CcArticle  *article,
               guint       start,
               guint       end,
               const char *color,
               const char *note,
               const char *tags)
{
  g_autoptr(CcAnnotation) annotation = cc_annotation_new ();
  g_autoptr(GError) error = NULL;

  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_color (annotation, color);
  cc_annotation_set_note (annotation, note);
  cc_annotation_set_tags (annotation, tags);
  g_assert_true (cc_library_add_annotation (f->library, article, annotation, &error));
  g_assert_no_error (error);

  if (note != NULL)
    g_ptr_array_add (f->notes, g_strdup (note));
  f->n_highlights++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcImportReport) report = NULL;
  const char *paths[] = { cc_test_sample_dir (), NULL };
  guint n;

  f->dir = g_dir_make_tmp ("crosscheck-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->library_path = g_build_filename (f->dir, "library.db", NULL);
  f->store = cc_store_new (f->library_path, &error);
  g_assert_no_error (error);
  f->library = cc_library_new (f->store);
  g_assert_true (cc_library_load (f->library, &error));
  g_assert_no_error (error);
  f->notes = g_ptr_array_new_with_free_func (g_free);

  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_refused, ==, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->library));
  g_assert_cmpuint (n, >, 1);

  /* A short highlight with a note, a long one over several lines with
   * tags only, and one near the end with a note in every article. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
      guint length = g_utf8_strlen (cc_article_get_text (article), -1);
      g_autofree char *first = g_strdup_printf ("First note of article %u, with “quotes”", i);
      g_autofree char *last = g_strdup_printf ("Check the last paragraph of %u against "
                                               "the wire copy; it differs", i);

      g_assert_cmpuint (length, >, 600);
      add_highlight (f, article, 10, 30, "#8ff0a4", first, NULL);
      add_highlight (f, article, 100, 420, "#f9f06b", NULL, "sourcing,numbers");
      add_highlight (f, article, length - 40, length - 5, "#dc8add", last, "follow-up");
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->library);
  g_clear_object (&f->store);
  cc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->library_path);
  g_ptr_array_unref (f->notes);
}

static guint
count_claims (Fixture *f)
{
  return g_list_model_get_n_items (cc_library_get_claims (f->library));
}

/* Compares a string poppler hands over (transfer full) and frees it. */
#define assert_info(doc, getter, expected) G_STMT_START {  \
    g_autofree char *value_ = getter (doc);                \
    g_assert_cmpstr (value_, ==, (expected));              \
  } G_STMT_END

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

/* Collapses every run of white space to one space, and drops a line
 * break after a hyphen, where a line was broken in "Seoul-based". Symbols
 * such as emoji are dropped: where no font has them, Pango draws a box
 * that carries no text. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  gboolean line_break = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL)
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          line_break |= c == '\n';
        }
      else
        {
          if (space && !(line_break && out->str[out->len - 1] == '-'))
            g_string_append_c (out, ' ');
          space = line_break = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/* The first page (0-based) of each bookmark under @iter, in order. */
static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles,
                 GArray           *pages)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      if (action->type == POPPLER_ACTION_GOTO_DEST && action->goto_dest.dest != NULL)
        {
          int page = action->goto_dest.dest->page_num - 1;

          g_ptr_array_add (titles, g_strdup (action->goto_dest.title));
          g_array_append_val (pages, page);
        }
      poppler_action_free (action);

      if (child != NULL)
        {
          collect_outline (child, titles, pages);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

/* Every highlight annotation's contents, NULL ones as "". */
static GPtrArray *
collect_highlights (PopplerDocument *doc)
{
  GPtrArray *contents = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *mappings = poppler_page_get_annot_mapping (page);

      for (GList *l = mappings; l != NULL; l = l->next)
        {
          PopplerAnnotMapping *mapping = l->data;
          char *text;

          if (poppler_annot_get_annot_type (mapping->annot) != POPPLER_ANNOT_HIGHLIGHT)
            continue;
          text = poppler_annot_get_contents (mapping->annot);
          g_ptr_array_add (contents, text ? text : g_strdup (""));
        }
      poppler_page_free_annot_mapping (mappings);
    }

  return contents;
}

static gboolean
contents_include (GPtrArray  *contents,
                  const char *text)
{
  for (guint i = 0; i < contents->len; i++)
    if (strstr (g_ptr_array_index (contents, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* Each highlight annotation object carries an appearance stream, and the
 * last cross-reference section points at the objects it names. */
static void
check_pdf_structure (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  const char *startxref;
  gsize length;
  guint n_highlights = 0;
  char *p;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  /* The file holds binary streams: search it with memmem(). */
  for (const char *at = data;
       (at = memmem (at, length - (at - data), "/Subtype /Highlight", 19)) != NULL;
       at++)
    {
      const char *end = memmem (at, length - (at - data), "endobj", 6);
      const char *start = at;

      g_assert_nonnull (end);
      while (start > data && memcmp (start, " obj", 4) != 0)
        start--;
      n_highlights++;
      g_assert_nonnull (memmem (start, end - start, "/AP << /N ", 10));
      g_assert_nonnull (memmem (start, end - start, "/QuadPoints [", 13));
    }
  g_assert_cmpuint (n_highlights, >, 0);

  startxref = g_strrstr_len (data + length - 64, 64, "startxref");
  g_assert_nonnull (startxref);
  p = data + g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  g_assert_true (g_str_has_prefix (p, "xref\n"));
  p += strlen ("xref\n");
  while (!g_str_has_prefix (p, "trailer"))
    {
      guint64 first = g_ascii_strtoull (p, &p, 10);
      guint64 count = g_ascii_strtoull (p, &p, 10);

      p++;
      for (guint64 i = 0; i < count; i++, p += 20)
        {
          g_autofree char *header = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj",
                                                     first + i);
          guint64 offset = g_ascii_strtoull (p, NULL, 10);

          if (p[17] == 'f')
            continue;
          g_assert_cmpuint (offset, <, length);
          g_assert_true (g_str_has_prefix (data + offset, header));
        }
    }
}

static void
test_pdf_articles (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "articles.pdf", NULL);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) contents = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *doc_title = NULL;
  PopplerIndexIter *iter;
  guint n_articles = g_list_model_get_n_items (G_LIST_MODEL (f->library));
  int n_pages;
  double width, height;
  Run run = { 0 };

  run_cli (&run, f->library_path, "export", "--pdf", pdf, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  doc = open_pdf (pdf);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >, (int)n_articles);
  assert_info (doc, poppler_document_get_creator, "Crosscheck " PACKAGE_VERSION);
  doc_title = poppler_document_get_title (doc);
  g_assert_nonnull (doc_title);

  /* The paper comes from the locale; the tests run in C, which is A4. */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 595.276, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  }

  /* One bookmark per article, in order, at its first page. */
  iter = poppler_index_iter_new (doc);
  g_assert_nonnull (iter);
  collect_outline (iter, titles, starts);
  poppler_index_iter_free (iter);
  g_assert_cmpuint (titles->len, ==, n_articles);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
      int first = g_array_index (starts, int, i);
      int last = i + 1 < n_articles ? g_array_index (starts, int, i + 1) : n_pages;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *pages_text = NULL;
      g_auto(GStrv) paragraphs = NULL;

      g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, i),
                                       cc_article_get_title (article)));
      g_assert_cmpint (first, <, last);

      for (int p = first; p < last; p++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
          g_autofree char *raw = poppler_page_get_text (page);
          g_autofree char *page_text = normalize (raw);
          g_autofree char *footer = g_strdup_printf (" %s %d", doc_title, p + 1);

          /* Margin notes sit beside the lines they belong to, so the
           * page's text may hold them anywhere: take them out, each with
           * its number. */
          for (guint j = 0; j < f->notes->len; j++)
            {
              g_autofree char *escaped = g_regex_escape_string (g_ptr_array_index (f->notes, j),
                                                                -1);
              g_autofree char *pattern = g_strdup_printf (" ?[0-9]+ %s", escaped);
              g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
              char *stripped = g_regex_replace_literal (regex, page_text, -1, 0, "", 0, NULL);

              g_free (page_text);
              page_text = stripped;
            }

          /* The tags stand under their note, or alone with a number. */
          {
            g_autoptr(GRegex) regex = g_regex_new (" ?([0-9]+ )?Tags: (sourcing,numbers|follow-up)",
                                                   0, 0, NULL);
            char *stripped = g_regex_replace_literal (regex, page_text, -1, 0, "", 0, NULL);

            g_free (page_text);
            page_text = stripped;
          }

          /* The footer, the document's title and the page number, would
           * come between two lines of a paragraph that runs on. */
          if (!g_str_has_suffix (page_text, footer))
            g_error ("page %d does not end with its footer “%s”: %s", p + 1, footer, page_text);
          page_text[strlen (page_text) - strlen (footer)] = '\0';
          g_string_append_printf (text, "%s\n", page_text);
        }
      pages_text = normalize (text->str);

      g_assert_nonnull (strstr (pages_text, cc_article_get_title (article)));
      if (cc_article_get_outlet (article) != NULL)
        g_assert_nonnull (strstr (pages_text, cc_article_get_outlet (article)));

      /* The whole text, paragraph by paragraph, on the article's pages. */
      paragraphs = g_strsplit (cc_article_get_text (article), "\n", -1);
      for (guint j = 0; paragraphs[j] != NULL; j++)
        {
          g_autofree char *paragraph = normalize (paragraphs[j]);

          if (strstr (pages_text, paragraph) == NULL)
            g_error ("article %u, paragraph %u not on pages %d–%d: %s\nThe pages read: %s",
                     i, j, first + 1, last, paragraph, pages_text);
        }
    }

  /* One highlight annotation per claim and per user highlight. */
  contents = collect_highlights (doc);
  g_assert_cmpuint (contents->len, ==, count_claims (f) + f->n_highlights);
  for (guint i = 0; i < f->notes->len; i++)
    g_assert_true (contents_include (contents, g_ptr_array_index (f->notes, i)));
  g_assert_true (contents_include (contents, "sourcing,numbers"));

  /* Each claim's card names its value and claimant. */
  for (guint i = 0; i < count_claims (f); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (cc_library_get_claims (f->library), i);
      g_autofree char *card = g_strdup_printf ("%s %s — %s",
                                               cc_claim_get_text (claim),
                                               cc_claim_get_subject (claim)
                                               ? cc_claim_get_subject (claim) : "",
                                               cc_claim_get_claimant (claim)
                                               ? cc_claim_get_claimant (claim) : "");

      if (cc_claim_get_qualifier (claim) == NULL && cc_claim_get_subject (claim) != NULL &&
          cc_claim_get_claimant (claim) != NULL)
        g_assert_true (contents_include (contents, card));
    }

  check_pdf_structure (pdf);
}

static void
test_pdf_chosen (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "two.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir.pdf", NULL);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) contents = NULL;
  g_autoptr(CcArticle) second = g_list_model_get_item (G_LIST_MODEL (f->library), 1);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cc_article_get_id (second));
  g_autoptr(PopplerPage) page = NULL;
  double width, height;
  Run run = { 0 };

  run_cli (&run, f->library_path, "export", "--pdf", "--paper", "letter", pdf, id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  doc = open_pdf (pdf);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612.0, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792.0, 0.5);
  assert_info (doc, poppler_document_get_title, cc_article_get_title (second));

  contents = collect_highlights (doc);
  g_assert_cmpuint (contents->len, ==,
                    cc_article_get_n_claims (second)
                    + g_list_model_get_n_items (cc_article_get_annotations (second)));

  /* Refusals name what is wrong. */
  run_cli (&run, f->library_path, "export", "--pdf", pdf, "9999", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "9999"));
  run_clear (&run);

  run_cli (&run, f->library_path, "export", "--pdf", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "dir.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_cli (&run, f->library_path, "export", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (&run, f->library_path, "export", "--pdf", "--csv", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (&run, f->library_path, "export", "--pdf", "--paper", "a3", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "letter"));
  run_clear (&run);
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancel_on_progress;
  GArray       *fractions;
  GError       *error;
  gboolean      done;
} AsyncState;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_false (state->done);
  g_array_append_val (state->fractions, fraction);
  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  cc_pdf_exporter_write_finish (CC_PDF_EXPORTER (object), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_pdf_async (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "async.pdf", NULL);
  g_autoptr(CcPdfExporter) exporter = cc_pdf_exporter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  AsyncState state = { loop, NULL, fractions, NULL, FALSE };
  g_autoptr(PopplerDocument) doc = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);

      cc_pdf_exporter_add_article (exporter, article);
    }
  cc_pdf_exporter_set_title (exporter, "Async export");
  cc_pdf_exporter_set_author (exporter, "Test Author");

  /* Cancelled while it runs (the synchronous write reports progress on
   * its own thread, so the cancellation lands in the middle): an error,
   * and no file. */
  state.cancel_on_progress = cancellable;
  g_assert_false (cc_pdf_exporter_write (exporter, pdf, cancellable, progress_cb, &state,
                                         &state.error));
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fractions->len, >=, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 1.0);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&state.error);

  /* Cancelled before the worker starts, likewise. */
  state.cancel_on_progress = NULL;
  cc_pdf_exporter_write_async (exporter, pdf, cancellable, NULL, NULL, NULL, write_cb, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&state.error);

  /* Changes to the library after the articles were added do not reach
   * the export, which runs on copies. */
  {
    g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (cc_library_update_article (f->library, article, "Renamed meanwhile",
                                              NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  state.done = FALSE;
  g_array_set_size (fractions, 0);
  cc_pdf_exporter_write_async (exporter, pdf, NULL, progress_cb, &state, NULL,
                               write_cb, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  doc = open_pdf (pdf);
  assert_info (doc, poppler_document_get_title, "Async export");
  assert_info (doc, poppler_document_get_author, "Test Author");
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_null (strstr (text, "Renamed meanwhile"));
  }
}

/* TRUE when the PNG has pixels of a clear colour, not only greys. */
static gboolean
png_has_colour (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  gboolean found = FALSE;
  int width, height, stride;
  guchar *pixels;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height && !found; y++)
    for (int x = 0; x < width && !found; x++)
      {
        guint32 px = *(guint32 *)(pixels + y * stride + x * 4);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        found = MAX (MAX (abs (r - g), abs (g - b)), abs (r - b)) > 40;
      }

  cairo_surface_destroy (surface);
  return found;
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) contents = NULL;
  g_autoptr(PopplerPage) cover = NULL;
  g_autofree char *cover_text = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) front = g_string_new (NULL);
  g_autoptr(CcClusterSet) clusters = NULL;
  g_autofree char *front_text = NULL;
  const char *earliest_title = NULL;
  const char *earliest_day = NULL;
  PopplerIndexIter *iter;
  int first_article_page = -1;
  int chart_page;
  Run run = { 0 };
  int n_pages;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
      const char *day = cc_article_get_published (article);

      if (day != NULL && (earliest_day == NULL || strcmp (day, earliest_day) < 0))
        {
          earliest_day = day;
          earliest_title = cc_article_get_title (article);
        }
    }

  run_cli (&run, f->library_path, "export", "--report", "--title", "Troops abroad", pdf, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  doc = open_pdf (pdf);
  n_pages = poppler_document_get_n_pages (doc);
  assert_info (doc, poppler_document_get_title, "Troops abroad");

  /* The cover names the story and its period: the first and last days
   * of the articles. */
  cover = poppler_document_get_page (doc, 0);
  cover_text = poppler_page_get_text (cover);
  g_assert_nonnull (strstr (cover_text, "Troops abroad"));
  {
    g_autofree char *min = NULL;
    g_autofree char *max = NULL;
    g_autofree char *year = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)); i++)
      {
        g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
        const char *day = cc_article_get_published (article);

        if (day != NULL && (min == NULL || strcmp (day, min) < 0))
          cc_set_str (&min, day);
        if (day != NULL && (max == NULL || strcmp (day, max) > 0))
          cc_set_str (&max, day);
      }
    g_assert_nonnull (min);
    year = g_strndup (max, 4);
    g_assert_nonnull (strstr (cover_text, year));
  }

  contents = collect_highlights (doc);
  g_assert_cmpuint (contents->len, ==, count_claims (f) + f->n_highlights);
  check_pdf_structure (pdf);

  /* Bookmarks: the cover, the chart, the table, then the articles, the
   * earliest first. */
  iter = poppler_index_iter_new (doc);
  collect_outline (iter, titles, starts);
  poppler_index_iter_free (iter);
  for (guint i = 0; i < titles->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (titles, i), earliest_title))
      first_article_page = g_array_index (starts, int, i);
  g_assert_cmpint (first_article_page, >=, 2);
  chart_page = g_array_index (starts, int, 1);
  g_assert_cmpint (chart_page, ==, 1);

  /* The pages before the articles: the chart, as vectors, and a row per
   * cluster of claims naming its claimant and its sources. */
  for (int i = 1; i < first_article_page; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      GList *images = poppler_page_get_image_mapping (page);

      g_assert_null (images);
      g_string_append (front, page_text);
    }
  front_text = normalize (front->str);
  clusters = cc_cluster_set_new_for_library (f->library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clusters)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (clusters)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (clusters), i);
      g_autofree char *sources = g_strdup_printf ("%u source", cc_cluster_get_n_sources (cluster));

      g_autofree char *claimant = normalize (cc_cluster_get_claimant (cluster)
                                             ? cc_cluster_get_claimant (cluster) : "");

      g_assert_nonnull (strstr (front_text, claimant));
      g_assert_nonnull (strstr (front_text, sources));
    }

  if (pdftoppm == NULL)
    {
      g_test_message ("pdftoppm is not installed; the pages are not rendered");
      return;
    }

  /* The cover, the chart and clusters, and the first article page are
   * saved for a person to look at; the chart and the highlights are in
   * colour. */
  for (int i = 1; i <= MIN (n_pages, first_article_page + 2); i++)
    {
      g_autofree char *prefix = g_test_build_filename (G_TEST_BUILT, NULL, NULL);
      g_autofree char *base = g_strdup_printf ("%s/report-page-%d", prefix, i);
      g_autofree char *png = g_strdup_printf ("%s.png", base);
      g_autofree char *first = g_strdup_printf ("%d", i);
      const char *argv[] = { pdftoppm, "-png", "-r", "60", "-f", first, "-l", first,
                             "-singlefile", pdf, base, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
      if (i == chart_page + 1 || i == first_article_page + 1)
        g_assert_true (png_has_colour (png));
      g_test_message ("rendered %s", png);
    }
}

typedef struct
{
  double y;
  char  *text;
} BodyLine;

static int
compare_body_lines (gconstpointer a,
                    gconstpointer b)
{
  const BodyLine *x = a, *y = b;

  return (x->y > y->y) - (x->y < y->y);
}

static void
body_line_clear (gpointer data)
{
  g_free (((BodyLine *)data)->text);
}

/* The lines of the article's text on @page, top to bottom: the
 * characters left of the margin column and above the footer, by the top
 * of their boxes. */
static GArray *
collect_body_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (BodyLine));
  guint n_rects = 0;
  double width, height;
  const char *p = text;

  g_array_set_clear_func (lines, body_line_clear);
  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));

  /* The text column ends 192 points from the right edge (margin, notes
   * and gutter); the body 64 points above the bottom. */
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      BodyLine *line = NULL;

      if (g_unichar_isspace (c) || rects[i].x2 > width - 188.0 || rects[i].y2 > height - 64.0)
        continue;
      for (guint j = 0; j < lines->len && line == NULL; j++)
        if (fabs (g_array_index (lines, BodyLine, j).y - rects[i].y1) < 2.0)
          line = &g_array_index (lines, BodyLine, j);
      if (line == NULL)
        {
          BodyLine added = { rects[i].y1, g_strdup ("") };

          g_array_append_val (lines, added);
          line = &g_array_index (lines, BodyLine, lines->len - 1);
        }
      else if (i > 0 && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
        {
          char *spaced = g_strconcat (line->text, " ", NULL);

          g_free (line->text);
          line->text = spaced;
        }
      {
        char *longer = g_strdup_printf ("%s%.*s", line->text,
                                        (int)(g_utf8_next_char (p) - p), p);

        g_free (line->text);
        line->text = longer;
      }
    }

  g_array_sort (lines, compare_body_lines);
  return lines;
}

/* The character offset of @line in the article, which must hold it
 * once. */
static guint
offset_of_line (CcArticle  *article,
                const char *line)
{
  const char *text = cc_article_get_text (article);
  const char *found = strstr (text, line);

  if (found == NULL)
    g_error ("“%s” is not in the article's text", line);
  g_assert_null (strstr (found + 1, line));
  return g_utf8_pointer_to_offset (text, found);
}

/* The page (0-based) whose text holds @text, or -1. */
static int
page_holding (PopplerDocument *doc,
              const char      *text)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *page_text = normalize (raw);

      if (strstr (page_text, text) != NULL)
        return i;
    }
  return -1;
}

/* A note on the last line of a page stands in that page's margin, even
 * when a long note on the line above leaves it no room below: the notes
 * move up together instead. */
static void
test_pdf_note_at_foot (Fixture       *f,
                       gconstpointer  data)
{
  static const char *above_note = "A long note on the line before the last one, written to "
                                  "take several lines of the narrow margin so that it reaches "
                                  "down past the foot of the page when it stands beside its "
                                  "own line";
  static const char *last_note = "Anchored on the last line";
  g_autofree char *pdf = g_build_filename (f->dir, "foot.pdf", NULL);
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *id = NULL;
  const char *last, *before;
  guint last_start, before_start;
  Run run = { 0 };

  /* An article of more than one page. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)) && doc == NULL; i++)
    {
      g_autoptr(PopplerDocument) candidate = NULL;

      g_clear_object (&article);
      g_clear_pointer (&id, g_free);
      article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
      id = g_strdup_printf ("%" G_GINT64_FORMAT, cc_article_get_id (article));
      run_cli (&run, f->library_path, "export", "--pdf", pdf, id, NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      candidate = open_pdf (pdf);
      if (poppler_document_get_n_pages (candidate) > 1)
        doc = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (doc);

  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);

    lines = collect_body_lines (page);
  }
  g_assert_cmpuint (lines->len, >, 3);
  last = g_array_index (lines, BodyLine, lines->len - 1).text;
  before = g_array_index (lines, BodyLine, lines->len - 2).text;
  last_start = offset_of_line (article, last);
  before_start = offset_of_line (article, before);
  g_clear_object (&doc);

  add_highlight (f, article, before_start, before_start + 8, "#99c1f1", above_note, NULL);
  add_highlight (f, article, last_start, last_start + 8, "#99c1f1", last_note, NULL);
  run_cli (&run, f->library_path, "export", "--pdf", pdf, id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  doc = open_pdf (pdf);
  g_assert_cmpint (page_holding (doc, last), ==, 0);
  g_assert_cmpint (page_holding (doc, before), ==, 0);
  g_assert_cmpint (page_holding (doc, last_note), ==, 0);
  g_assert_cmpint (page_holding (doc, above_note), ==, 0);
}

/* Sources that give many different figures: in the report's table, a
 * statement names the nearest it contradicts and counts the rest. */
static void
test_report_conflicts (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "conflicts.pdf", NULL);
  g_autofree char *text_path = g_build_filename (f->dir, "figures.txt", NULL);
  g_autoptr(GString) text = g_string_new ("Troop numbers disputed\n\n");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcClusterSet) set = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *all_text = NULL;
  const char *paths[] = { text_path, NULL };
  guint n_capped = 0;
  Run run = { 0 };

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "Agency %c%u said %u,%03u North Korean troops were sent "
                            "to Kursk.\n\n", 'A' + i % 26, i, (1000 + 10 * i) / 1000,
                            (1000 + 10 * i) % 1000);
  g_assert_true (g_file_set_contents (text_path, text->str, -1, &error));
  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);

  run_cli (&run, f->library_path, "export", "--report", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  doc = open_pdf (pdf);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *raw = poppler_page_get_text (page);

      g_string_append_printf (all, "%s\n", raw);
    }
  all_text = normalize (all->str);

  set = cc_cluster_set_new_for_library (f->library);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);
      g_autoptr(GString) expected = g_string_new ("disagrees with ");
      guint n_ids;
      const guint *ids = cc_cluster_get_conflicts (cluster, &n_ids);

      if (cc_cluster_get_n_conflicts (cluster) <= n_ids)
        continue;
      n_capped++;
      for (guint j = 0; j < n_ids; j++)
        g_string_append_printf (expected, "%s%u", j ? ", " : "", ids[j]);
      g_string_append_printf (expected, " and %u more",
                              cc_cluster_get_n_conflicts (cluster) - n_ids);
      if (strstr (all_text, expected->str) == NULL)
        g_error ("the report does not say “%s”", expected->str);
    }
  g_assert_cmpuint (n_capped, >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf-exporter/articles", Fixture, NULL,
              fixture_set_up, test_pdf_articles, fixture_tear_down);
  g_test_add ("/pdf-exporter/chosen", Fixture, NULL,
              fixture_set_up, test_pdf_chosen, fixture_tear_down);
  g_test_add ("/pdf-exporter/async", Fixture, NULL,
              fixture_set_up, test_pdf_async, fixture_tear_down);
  g_test_add ("/pdf-exporter/report", Fixture, NULL,
              fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/pdf-exporter/report-conflicts", Fixture, NULL,
              fixture_set_up, test_report_conflicts, fixture_tear_down);
  g_test_add ("/pdf-exporter/note-at-foot", Fixture, NULL,
              fixture_set_up, test_pdf_note_at_foot, fixture_tear_down);

  return g_test_run ();
}
