/* test-importer-pdf.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports PDFs the test makes itself: the app's own export of each sample
 * article, which must give the same claims again; pages drawn with cairo
 * and Pango to check paragraphs, hyphens, running heads, the title and
 * the date; and PDFs that are refused (a scan without text, a locked one,
 * broken ones), through the importer, a library import and the command
 * line. */

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-importer.h"
#include "cc-library.h"
#include "cc-pdf-exporter.h"
#include "cc-store.h"
#include "cc-test-utils.h"

typedef struct
{
  char      *dir;
  CcStore   *store;
  CcLibrary *library;
} Library;

static void
library_open (Library    *lib,
              const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  lib->dir = g_strdup (dir);
  lib->store = cc_store_new (path, &error);
  g_assert_no_error (error);
  lib->library = cc_library_new (lib->store);
  g_assert_true (cc_library_load (lib->library, &error));
  g_assert_no_error (error);
}

static void
library_close (Library *lib)
{
  g_clear_object (&lib->library);
  g_clear_object (&lib->store);
  g_clear_pointer (&lib->dir, g_free);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cc-test-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The claims an extractor found, one "low–high claimant" line each, in
 * text order. */
static char *
describe_claims (CcArticle *article)
{
  GListModel *claims = cc_article_get_claims (article);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (cc_claim_get_rejected (claim))
        continue;
      g_string_append_printf (out, "%g–%g %s\n", cc_claim_get_low (claim),
                              cc_claim_get_high (claim),
                              cc_claim_get_claimant (claim) ? cc_claim_get_claimant (claim) : "-");
    }

  return g_string_free (out, FALSE);
}

/* @text without the paragraphs that hold only symbols such as emoji,
 * which the export draws as boxes that carry no text. */
static char *
without_symbol_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean symbols_only = TRUE;

      for (const char *p = lines[i]; *p != '\0' && symbols_only; p = g_utf8_next_char (p))
        symbols_only = g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_OTHER_SYMBOL ||
                       g_unichar_isspace (g_utf8_get_char (p));
      if (!symbols_only)
        g_ptr_array_add (kept, lines[i]);
    }
  g_ptr_array_add (kept, NULL);

  return g_strjoinv ("\n", (char **)kept->pdata);
}

static CcArticle *
find_by_title (CcLibrary  *library,
               const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (g_strcmp0 (cc_article_get_title (article), title) == 0)
        return article;
    }

  return NULL;
}

static void
add_note (CcLibrary  *library,
          CcArticle  *article,
          guint       start,
          guint       end,
          const char *note)
{
  g_autoptr(CcAnnotation) annotation = cc_annotation_new ();
  g_autoptr(GError) error = NULL;

  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_color (annotation, "#f9f06b");
  cc_annotation_set_note (annotation, note);
  g_assert_true (cc_library_add_annotation (library, article, annotation, &error));
  g_assert_no_error (error);
}

/* Exports the articles of @library from @first, @n of them, to @path. */
static char *
export_articles (CcLibrary  *library,
                 guint       first,
                 guint       n,
                 gboolean    report,
                 const char *dir,
                 const char *name)
{
  g_autoptr(CcPdfExporter) exporter = cc_pdf_exporter_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      cc_pdf_exporter_add_article (exporter, article);
    }
  cc_pdf_exporter_set_report (exporter, report);
  g_assert_true (cc_pdf_exporter_write (exporter, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* Imports @paths into a new library beside @original, and checks that it
 * holds @n of its articles, from @first, each as it was. */
static void
assert_imported_as (Library            *original,
                    const char * const *paths,
                    const char         *name,
                    guint               first,
                    guint               n)
{
  g_autoptr(CcImportReport) report = NULL;
  Library imported = { 0 };

  library_open (&imported, original->dir, name);
  report = cc_library_import (imported.library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_refused, ==, 0);
  g_assert_cmpuint (report->n_imported, ==, n);

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (original->library), i);
      CcArticle *copy = find_by_title (imported.library, cc_article_get_title (article));
      g_autofree char *expected = describe_claims (article);
      g_autofree char *text = without_symbol_lines (cc_article_get_text (article));
      g_autofree char *found = NULL;

      g_assert_nonnull (copy);
      /* The same paragraphs, word for word. */
      g_assert_cmpstr (cc_article_get_text (copy), ==, text);
      found = describe_claims (copy);
      g_assert_cmpstr (expected, !=, "");
      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpstr (cc_article_get_published (copy), ==, cc_article_get_published (article));
      g_assert_cmpstr (cc_article_get_outlet (copy), ==, cc_article_get_outlet (article));
      g_assert_cmpstr (cc_article_get_url (copy), ==, cc_article_get_url (article));
      g_assert_null (strstr (cc_article_get_text (copy), "4,000"));
      g_assert_null (strstr (cc_article_get_text (copy), "70,000"));
      g_assert_true ((strstr (cc_article_get_text (copy), cc_article_get_title (article)) != NULL) ==
                     (strstr (cc_article_get_text (article), cc_article_get_title (article)) != NULL));
    }

  library_close (&imported);
}

/* Each sample article, with notes in the margin that hold numbers of
 * their own, exported alone and imported into a second library, has the
 * claims, title, outlet, date and address it had; so do the articles of
 * one PDF of them all, and of a report, which come back one by one. */
static void
test_sample_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new_with_free_func (g_free);
  const char *sample[] = { cc_test_sample_dir (), NULL };
  const char *paths[2] = { NULL };
  g_autofree char *all = NULL;
  g_autofree char *two = NULL;
  Library original = { 0 };
  guint n;

  library_open (&original, dir, "original.db");
  report = cc_library_import (original.library, sample, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_refused, ==, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (original.library));
  g_assert_cmpuint (n, ==, 5);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (original.library), i);
      g_autofree char *name = g_strdup_printf ("article-%u.pdf", i);
      guint length = g_utf8_strlen (cc_article_get_text (article), -1);

      /* Were the margin read as text, these would be claims too. */
      add_note (original.library, article, 10, 40,
                "Officials said 4,000 troops arrived, according to the ministry");
      add_note (original.library, article, length / 2, length / 2 + 30,
                "Up to 70,000 soldiers were sent, a spokesman said");
      g_ptr_array_add (pdfs, export_articles (original.library, i, 1, FALSE, dir, name));
    }
  g_ptr_array_add (pdfs, NULL);
  assert_imported_as (&original, (const char * const *)pdfs->pdata, "one-by-one.db", 0, n);

  paths[0] = all = export_articles (original.library, 0, n, FALSE, dir, "all.pdf");
  assert_imported_as (&original, paths, "all.db", 0, n);

  paths[0] = two = export_articles (original.library, 2, 2, TRUE, dir, "report.pdf");
  assert_imported_as (&original, paths, "report.db", 2, 2);

  library_close (&original);
  cc_test_remove_tree (dir);
}

/* Pages drawn line by line */

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  guint            page;
} Drawing;

static void
drawing_begin (Drawing    *d,
               const char *path,
               const char *property_title)
{
  d->surface = cairo_pdf_surface_create (path, 595, 842);
  if (property_title != NULL)
    cairo_pdf_surface_set_metadata (d->surface, CAIRO_PDF_METADATA_TITLE, property_title);
  d->cr = cairo_create (d->surface);
  d->context = pango_cairo_create_context (d->cr);
  pango_cairo_context_set_resolution (d->context, 72);
  d->page = 0;
}

/* @text is Pango markup. */
static void
draw_text (Drawing    *d,
           const char *font,
           double      x,
           double      y,
           const char *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (d->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_markup (layout, text, -1);
  cairo_move_to (d->cr, x, y);
  pango_cairo_show_layout (d->cr, layout);
}

/* A running head at the top, the page number at the foot, both in the
 * size of the text, so that only where they stand tells them apart. */
static void
drawing_end_page (Drawing *d)
{
  g_autofree char *number = g_strdup_printf ("%u", ++d->page);

  draw_text (d, "Serif 11", 72, 30, "The Daily Example · World news");
  draw_text (d, "Serif 11", 290, 800, number);
  cairo_show_page (d->cr);
}

static void
drawing_end (Drawing *d)
{
  g_object_unref (d->context);
  cairo_destroy (d->cr);
  cairo_surface_finish (d->surface);
  g_assert_cmpint (cairo_surface_status (d->surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (d->surface);
}

/* Draws @lines of text from @y down, 14 points apart; an empty string is
 * a paragraph gap. */
static double
draw_lines (Drawing            *d,
            double              y,
            const char * const *lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        {
          y += 8;
          continue;
        }
      draw_text (d, "Serif 11", 72, y, lines[i]);
      y += 14;
    }

  return y;
}

static GPtrArray *
load (const char  *path,
      GError     **error)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();

  return cc_importer_load (importer, path, NULL, error);
}

static CcArticle *
load_one (const char *path)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
test_layout (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "layout.pdf", NULL);
  g_autoptr(CcArticle) article = NULL;
  const char *page1[] = {
    "Officials said on Monday that 3,000 troops had crossed the",
    "border overnight, and the local govern-",
    "ment called the move a well-known, old tactic of the army.<span size='6pt' rise='4pt'>12</span>",
    "",
    "A second paragraph begins here and runs on to the foot of the",
    "page, where the page break cuts it, and it goes on with well-",
    NULL
  };
  const char *page2[] = {
    "known words on the next page, said a spokesman for the army.",
    "",
    "The last paragraph has 500<span size='6pt' rise='4pt'>3</span> soldiers in it and one more line",
    "that ends it.",
    NULL
  };
  Drawing d;

  drawing_begin (&d, path, "A title from the properties");
  draw_text (&d, "Sans Bold 20", 72, 50, "Troops cross the border as North Korea-");
  draw_text (&d, "Sans Bold 20", 72, 74, "Russia ties deepen");
  draw_text (&d, "Sans 8", 72, 104, "By Jane Doe | March 5, 2024");
  draw_lines (&d, 130, page1);
  drawing_end_page (&d);
  draw_lines (&d, 60, page2);
  drawing_end_page (&d);
  drawing_end (&d);

  article = load_one (path);
  g_assert_cmpstr (cc_article_get_title (article), ==,
                   "Troops cross the border as North Korea-Russia ties deepen");
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-03-05");
  g_assert_null (cc_article_get_outlet (article));
  g_assert_cmpstr (cc_article_get_text (article), ==,
                   "Officials said on Monday that 3,000 troops had crossed the border "
                   "overnight, and the local government called the move a well-known, "
                   "old tactic of the army.\n"
                   "A second paragraph begins here and runs on to the foot of the page, "
                   "where the page break cuts it, and it goes on with well-known words on "
                   "the next page, said a spokesman for the army.\n"
                   "The last paragraph has 500 soldiers in it and one more line that ends it.");

  cc_test_remove_tree (dir);
}

/* A paragraph runs on from the foot of one column to the head of the
 * next, where the next paragraph begins indented. */
static void
test_columns (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "columns.pdf", NULL);
  g_autoptr(CcArticle) article = NULL;
  const char *left[] = {
    "The first paragraph tells of 2,000",
    "troops who crossed the river at dawn",
    "and moved on to the hills, where they",
    NULL
  };
  Drawing d;

  drawing_begin (&d, path, NULL);
  draw_text (&d, "Sans Bold 20", 50, 50, "Two columns");
  for (guint i = 0; left[i] != NULL; i++)
    draw_text (&d, "Serif 11", 50, 100 + 14 * i, left[i]);
  draw_text (&d, "Serif 11", 340, 100, "stayed the night, said the ministry.");
  draw_text (&d, "Serif 11", 352, 114, "A second paragraph is indented");
  draw_text (&d, "Serif 11", 340, 128, "and has more words than the first.");
  cairo_show_page (d.cr);
  drawing_end (&d);

  article = load_one (path);
  g_assert_cmpstr (cc_article_get_title (article), ==, "Two columns");
  g_assert_cmpstr (cc_article_get_text (article), ==,
                   "The first paragraph tells of 2,000 troops who crossed the river at dawn "
                   "and moved on to the hills, where they stayed the night, said the "
                   "ministry.\n"
                   "A second paragraph is indented and has more words than the first.");

  cc_test_remove_tree (dir);
}

/* A date on a line of its own at the head of the text, in the text's
 * size, is the article's date and not its text; a sentence with a date
 * stays text. */
static void
test_dateline (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "dateline.pdf", NULL);
  g_autoptr(CcArticle) article = NULL;
  const char *lines[] = {
    "Updated Oct. 18, 2024 10:32",
    "",
    "The attack came on 17 October 2024.",
    "",
    "Officials said 300 soldiers had been wounded in the attack on the",
    "town, and that more were missing.",
    NULL
  };
  Drawing d;

  drawing_begin (&d, path, NULL);
  draw_text (&d, "Sans Bold 20", 72, 60, "A dated article");
  draw_lines (&d, 100, lines);
  cairo_show_page (d.cr);
  drawing_end (&d);

  article = load_one (path);
  g_assert_cmpstr (cc_article_get_title (article), ==, "A dated article");
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-10-18");
  g_assert_cmpstr (cc_article_get_text (article), ==,
                   "The attack came on 17 October 2024.\n"
                   "Officials said 300 soldiers had been wounded in the attack on the town, "
                   "and that more were missing.");

  cc_test_remove_tree (dir);
}

/* Writes a one-page PDF by hand, with @xmp as its metadata stream. */
static void
write_pdf_with_xmp (const char *path,
                    const char *xmp)
{
  const char *content = "BT /F1 11 Tf 72 700 Td (Officials said 300 soldiers were wounded.) Tj ET";
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;

  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                      "/Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>"));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream",
                                             strlen (content) + 1, content));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Metadata /Subtype /XML /Length %zu >>\n"
                                             "stream\n%s\nendstream", strlen (xmp) + 1, xmp));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));

  for (guint i = 0; i < objects->len; i++)
    {
      gsize offset = pdf->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1,
                              (char *)g_ptr_array_index (objects, i));
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          objects->len + 1, xref);

  g_assert_true (g_file_set_contents (path, pdf->str, pdf->len, NULL));
}

/* A publication date in the metadata is the article's date; the date the
 * file was made is not. */
static void
test_metadata_date (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.pdf", NULL);
  g_autofree char *created = g_build_filename (dir, "created.pdf", NULL);
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(CcArticle) undated = NULL;

  write_pdf_with_xmp (path,
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                      "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                      "<rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                      "xmlns:prism=\"http://prismstandard.org/namespaces/basic/2.0/\" "
                      "xmp:CreateDate=\"2025-03-01T10:00:00Z\">"
                      "<prism:publicationDate>2024-10-18</prism:publicationDate>"
                      "</rdf:Description></rdf:RDF></x:xmpmeta>");
  article = load_one (path);
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-10-18");
  g_assert_cmpstr (cc_article_get_text (article), ==,
                   "Officials said 300 soldiers were wounded.");

  write_pdf_with_xmp (created,
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                      "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                      "<rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                      "xmp:CreateDate=\"2025-03-01T10:00:00Z\"/></rdf:RDF></x:xmpmeta>");
  undated = load_one (created);
  g_assert_null (cc_article_get_published (undated));

  cc_test_remove_tree (dir);
}

/* Without a larger line at its head, a PDF takes its title from its
 * properties, and a PDF under another name is still read as one. */
static void
test_property_title (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "named.txt", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.pdf", NULL);
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(CcArticle) untitled = NULL;
  const char *lines[] = { "Only one line of text, with 200 people in it.", NULL };
  Drawing d;

  drawing_begin (&d, path, "The title of the document");
  draw_lines (&d, 100, lines);
  cairo_show_page (d.cr);
  drawing_end (&d);

  article = load_one (path);
  g_assert_cmpstr (cc_article_get_title (article), ==, "The title of the document");
  g_assert_cmpstr (cc_article_get_text (article), ==, lines[0]);
  g_assert_null (cc_article_get_published (article));

  drawing_begin (&d, bare, NULL);
  draw_lines (&d, 100, lines);
  cairo_show_page (d.cr);
  drawing_end (&d);

  untitled = load_one (bare);
  g_assert_cmpstr (cc_article_get_title (untitled), ==, "bare");

  cc_test_remove_tree (dir);
}

/* Refused PDFs */

/* A scan: pages with an image and a drawn rectangle, and no text but
 * page numbers if @numbered. */
static void
make_scan (const char *path,
           gboolean    numbered)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 0.2, 0.3, 0.4);
  cairo_rectangle (cr, 8, 8, 40, 20);
  cairo_fill (cr);
  cairo_destroy (cr);

  cr = cairo_create (surface);
  cairo_set_source_surface (cr, image, 72, 72);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (numbered)
    {
      cairo_move_to (cr, 290, 810);
      cairo_show_text (cr, "1");
    }
  cairo_show_page (cr);
  cairo_rectangle (cr, 72, 72, 300, 400);
  cairo_stroke (cr);
  if (numbered)
    {
      cairo_move_to (cr, 290, 810);
      cairo_show_text (cr, "2");
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
}

static void
make_article_pdf (const char *path)
{
  const char *lines[] = { "The ministry said 3,000 troops had arrived.", NULL };
  Drawing d;

  drawing_begin (&d, path, NULL);
  draw_text (&d, "Sans Bold 20", 72, 60, "A short article");
  draw_lines (&d, 100, lines);
  cairo_show_page (d.cr);
  drawing_end (&d);
}

/* More than 20 MB of text in a file of a few hundred kilobytes: pages
 * of the largest size, full of euro signs, three bytes each. */
static void
make_crowded (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 14400, 14400);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GString) row = g_string_new (NULL);

  for (guint i = 0; i < 1500; i++)
    g_string_append (row, "€");
  cairo_set_font_size (cr, 12);
  for (guint page = 0; page < 6; page++)
    {
      for (guint i = 0; i < 1000; i++)
        {
          cairo_move_to (cr, 0, 14 + i * 12.5);
          cairo_show_text (cr, row->str);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Locks @in with a password into @out; FALSE when qpdf is missing. */
static gboolean
lock_pdf (const char *in,
          const char *out)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { NULL, "--encrypt", "user", "owner", "256", "--", in, out, NULL };

  if (qpdf == NULL)
    return FALSE;

  argv[0] = qpdf;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return TRUE;
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  articles = load (path, &error);
  g_assert_null (articles);
  g_assert_error (error, CC_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, base));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_refused (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *scan = g_build_filename (dir, "scan.pdf", NULL);
  g_autofree char *numbered = g_build_filename (dir, "numbered.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "good.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *fake = g_build_filename (dir, "fake.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  g_autofree char *crowded = g_build_filename (dir, "crowded.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  make_scan (scan, FALSE);
  assert_refused (scan, CC_IMPORT_ERROR_NO_TEXT, "no text");
  make_scan (numbered, TRUE);
  assert_refused (numbered, CC_IMPORT_ERROR_NO_TEXT, "no text besides page numbers");

  make_article_pdf (good);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, 200, NULL));
  assert_refused (cut, CC_IMPORT_ERROR_MALFORMED, "not a readable PDF");

  make_crowded (crowded);
  assert_refused (crowded, CC_IMPORT_ERROR_TOO_LARGE, "more than");

  g_assert_true (g_file_set_contents (fake, "Plain text, wrong name\n", -1, NULL));
  assert_refused (fake, CC_IMPORT_ERROR_MALFORMED, "not a PDF file");
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, CC_IMPORT_ERROR_EMPTY, "empty");

  if (lock_pdf (good, locked))
    assert_refused (locked, CC_IMPORT_ERROR_ENCRYPTED, "password");
  else
    g_test_message ("qpdf is not installed: the locked PDF is not tested");

  cc_test_remove_tree (dir);
}

static gpointer
load_many_cb (gpointer data)
{
  const char *path = data;
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autofree char *first = NULL;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) error = NULL;
      CcArticle *article;

      articles = cc_importer_load (importer, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 1);
      article = g_ptr_array_index (articles, 0);
      if (first == NULL)
        first = g_strdup (cc_article_get_text (article));
      g_assert_cmpstr (cc_article_get_text (article), ==, first);
    }

  return g_steal_pointer (&first);
}

/* Several threads read PDFs at once, as imports on workers do, and each
 * reads the same text every time. */
static void
test_threads (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.pdf", NULL);
  GThread *threads[4];

  make_article_pdf (path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_many_cb, path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *text = g_thread_join (threads[i]);

      g_assert_cmpstr (text, ==, "The ministry said 3,000 troops had arrived.");
    }

  cc_test_remove_tree (dir);
}

/* In a folder, the refused PDFs are named and the rest is imported, with
 * what the folder's meta.json says of them. */
static void
test_batch (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "articles", NULL);
  g_autofree char *scan = g_build_filename (folder, "b-scan.pdf", NULL);
  g_autofree char *good = g_build_filename (folder, "a-good.pdf", NULL);
  g_autofree char *text = g_build_filename (folder, "c-text.txt", NULL);
  g_autofree char *meta = g_build_filename (folder, "meta.json", NULL);
  g_autoptr(CcImportReport) report = NULL;
  CcArticle *article;
  const char *paths[] = { folder, NULL };
  g_autofree char *messages = NULL;
  Library lib = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_scan (scan, FALSE);
  make_article_pdf (good);
  g_assert_true (g_file_set_contents (text, "Headline\n\nSome 200 people came.\n", -1, NULL));
  g_assert_true (g_file_set_contents (meta,
                                      "[{\"file\": \"a-good.pdf\", \"outlet\": \"The Example Times\","
                                      " \"published\": \"2024-01-02\"}]", -1, NULL));

  library_open (&lib, dir, "library.db");
  report = cc_library_import (lib.library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 2);
  g_assert_cmpuint (report->n_refused, ==, 1);
  g_ptr_array_add (report->messages, NULL);
  messages = g_strjoinv ("\n", (char **)report->messages->pdata);
  g_ptr_array_remove_index (report->messages, report->messages->len - 1);
  g_assert_nonnull (strstr (messages, "b-scan.pdf"));
  g_assert_nonnull (strstr (messages, "no text"));
  g_assert_nonnull (article = find_by_title (lib.library, "A short article"));
  g_assert_cmpstr (cc_article_get_outlet (article), ==, "The Example Times");
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-01-02");
  g_assert_nonnull (find_by_title (lib.library, "Headline"));

  library_close (&lib);
  cc_test_remove_tree (dir);
}

/* `crosscheck import` takes a PDF, and refuses a scan with the exit
 * status of any other refused file. */
static void
test_cli (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good.pdf", NULL);
  g_autofree char *scan = g_build_filename (dir, "scan.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int refused_text;
  int status;

  make_article_pdf (good);
  make_scan (scan, FALSE);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  status = cc_test_run_cli (&out, &err, "--library", library, "import", good, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Imported 1 article"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = cc_test_run_cli (&out, &err, "--library", library, "list", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "A short article"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  refused_text = cc_test_run_cli (NULL, NULL, "--library", library, "import", empty, NULL);
  g_assert_cmpint (refused_text, !=, 0);

  status = cc_test_run_cli (&out, &err, "--library", library, "import", scan, NULL);
  g_assert_cmpint (status, ==, refused_text);
  g_assert_nonnull (strstr (err, "scan.pdf"));
  g_assert_nonnull (strstr (err, "no text"));
  g_assert_nonnull (strstr (out, "refused 1 file"));

  cc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer-pdf/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/importer-pdf/layout", test_layout);
  g_test_add_func ("/importer-pdf/columns", test_columns);
  g_test_add_func ("/importer-pdf/dateline", test_dateline);
  g_test_add_func ("/importer-pdf/metadata-date", test_metadata_date);
  g_test_add_func ("/importer-pdf/property-title", test_property_title);
  g_test_add_func ("/importer-pdf/refused", test_refused);
  g_test_add_func ("/importer-pdf/batch", test_batch);
  g_test_add_func ("/importer-pdf/threads", test_threads);
  g_test_add_func ("/importer-pdf/cli", test_cli);

  return g_test_run ();
}
