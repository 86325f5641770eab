/* test-importer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-importer"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-importer.h"
#include "cc-json-export.h"
#include "cc-test-utils.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-importer-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Loads @path, expecting exactly one article. */
static CcArticle *
load_one (CcImporter *importer,
          const char *path,
          GPtrArray  *warnings)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = cc_importer_load (importer, path, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
assert_error_names_file (const GError *error,
                         int           code,
                         const char   *path,
                         const char   *needle)
{
  g_autofree char *base = g_path_get_basename (path);

  g_assert_error (error, CC_IMPORT_ERROR, code);
  if (strstr (error->message, base) == NULL)
    g_error ("“%s” does not name %s", error->message, base);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);
}

static void
assert_load_fails (CcImporter *importer,
                   const char *path,
                   int         code,
                   const char *needle)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = cc_importer_load (importer, path, NULL, &error);
  g_assert_null (articles);
  assert_error_names_file (error, code, path, needle);
}

static void
assert_imported_now (CcArticle *article)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (cc_article_get_imported (article), <=, now);
  g_assert_cmpint (cc_article_get_imported (article), >=, now - 60);
}

static void
test_txt_title_line (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = fixture ("headline.txt");
  g_autoptr(CcArticle) article = load_one (importer, path, warnings);

  g_assert_cmpstr (cc_article_get_title (article), ==, "Troops gather at the border");
  g_assert_cmpstr (cc_article_get_text (article), ==,
                   "The ministry said 3,000 troops had arrived.\n"
                   "Officials said “several hundred” more were expected.");
  g_assert_null (cc_article_get_outlet (article));
  g_assert_null (cc_article_get_published (article));
  g_assert_null (cc_article_get_url (article));
  g_assert_null (cc_article_get_language (article));
  g_assert_cmpstr (cc_article_get_source_file (article), ==, path);
  g_assert_cmpint (cc_article_get_id (article), ==, 0);
  assert_imported_now (article);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_txt_bom_crlf (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char data[] = "\xef\xbb\xbfHeadline\r\n\r\nOne.\r\nTwo.\rThree.\r\n";
  CcArticle *article;

  articles = cc_importer_load_data (importer, "crlf.TXT", data, sizeof data - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);

  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (cc_article_get_title (article), ==, "Headline");
  g_assert_cmpstr (cc_article_get_text (article), ==, "One.\nTwo.\nThree.");
  g_assert_cmpstr (cc_article_get_source_file (article), ==, "crlf.TXT");
}

static void
test_txt_single_line (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char data[] = "Only one paragraph of 2,000 people.\n";
  CcArticle *article;

  /* With nothing after it, the only line is the text, not a headline. */
  articles = cc_importer_load_data (importer, "dir/one-line.txt", data, sizeof data - 1, NULL, &error);
  g_assert_no_error (error);

  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (cc_article_get_title (article), ==, "one-line");
  g_assert_cmpstr (cc_article_get_text (article), ==, "Only one paragraph of 2,000 people.");
}

static char *
sample_file (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (cc_test_sample_dir (), 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      if (g_str_has_prefix (name, prefix))
        return g_build_filename (cc_test_sample_dir (), name, NULL);
    }

  g_assert_not_reached ();
}

static void
test_txt_meta_title_differs (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = sample_file ("004_");
  g_autofree char *contents = NULL;
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  /* meta.json titles this file differently from its first line, so the
   * first line is text: nothing may be cut off. */
  article = load_one (importer, path, warnings);
  g_assert_cmpstr (cc_article_get_title (article), ==,
                   "North Korea sent 10,000 troops to train in Russia, US says");
  g_assert_cmpstr (cc_article_get_text (article), ==, g_strstrip (contents));
  g_assert_true (g_str_has_prefix (cc_article_get_text (article), "Seoul said Tuesday"));
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_txt_meta_title_matches (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autofree char *path = sample_file ("000_");
  g_autoptr(CcArticle) article = load_one (importer, path, NULL);

  /* Here the first line is the headline and meta.json agrees. */
  g_assert_cmpstr (cc_article_get_title (article), ==,
                   "Ukraine, South Korea warn of Pyongyang troops aiding Russia");
  g_assert_true (g_str_has_prefix (cc_article_get_text (article),
                                   "South Korea and Ukraine warned that North Korea"));
  g_assert_null (strstr (cc_article_get_text (article), "warn of Pyongyang troops aiding Russia"));
}

static void
test_meta_sample (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *meta_path = g_build_filename (cc_test_sample_dir (), "meta.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { cc_test_sample_dir (), NULL };
  JsonArray *meta;

  g_assert_true (cc_importer_collect (importer, paths, files, errors));
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (files->len, ==, 5);

  json_parser_load_from_file (parser, meta_path, &error);
  g_assert_no_error (error);
  meta = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (meta), ==, 5);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr(CcArticle) article = load_one (importer, path, warnings);
      JsonObject *entry = json_array_get_object_element (meta, i);

      /* Sorted by name, like meta.json. */
      g_assert_cmpstr (base, ==, json_object_get_string_member (entry, "file"));
      g_assert_cmpstr (cc_article_get_title (article), ==,
                       json_object_get_string_member (entry, "title"));
      g_assert_cmpstr (cc_article_get_outlet (article), ==,
                       json_object_get_string_member (entry, "outlet"));
      g_assert_cmpstr (cc_article_get_published (article), ==,
                       json_object_get_string_member (entry, "published"));
      if (json_object_get_null_member (entry, "url"))
        g_assert_null (cc_article_get_url (article));
      else
        g_assert_cmpstr (cc_article_get_url (article), ==,
                         json_object_get_string_member (entry, "url"));
      g_assert_cmpstr (cc_article_get_source_file (article), ==, path);
      g_assert_nonnull (cc_article_get_text (article));
      g_assert_cmpuint (strlen (cc_article_get_text (article)), >, 500);
    }

  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_meta_bad_date (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *meta = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CcArticle) article = NULL;

  meta = write_file (dir, "meta.json",
                     "[{\"file\": \"000.txt\", \"title\": \"Real title\", \"outlet\": \"Wire\","
                     " \"published\": \"2024-02-30\", \"url\": null, \"extra\": [1, 2]}]", -1);
  path = write_file (dir, "000.txt", "Some headline\nBody with 300 troops.\n", -1);

  article = load_one (importer, path, warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "meta.json: 000.txt: published date 2024-02-30 is not a real date; left empty");
  g_assert_null (cc_article_get_published (article));
  g_assert_cmpstr (cc_article_get_title (article), ==, "Real title");
  g_assert_cmpstr (cc_article_get_outlet (article), ==, "Wire");
  g_assert_null (cc_article_get_url (article));
  g_assert_cmpstr (cc_article_get_text (article), ==, "Some headline\nBody with 300 troops.");

  cc_test_remove_tree (dir);
}

static void
test_meta_malformed (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *meta = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(CcArticle) article_a = NULL;
  g_autoptr(CcArticle) article_b = NULL;

  meta = write_file (dir, "meta.json", "[{\"file\": \"a.txt\", \"title\": 5}]", -1);
  a = write_file (dir, "a.txt", "Headline A\nText A.\n", -1);
  b = write_file (dir, "b.txt", "Headline B\nText B.\n", -1);

  /* One warning for the folder, however many files it holds. */
  article_a = load_one (importer, a, warnings);
  article_b = load_one (importer, b, warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "meta.json"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "title"));
  g_assert_cmpstr (cc_article_get_title (article_a), ==, "Headline A");
  g_assert_cmpstr (cc_article_get_title (article_b), ==, "Headline B");

  cc_test_remove_tree (dir);
}

static void
test_markdown (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autofree char *path = fixture ("article.md");
  g_autoptr(CcArticle) article = load_one (importer, path, NULL);

  g_assert_cmpstr (cc_article_get_title (article), ==, "Thousands rally in the capital");
  g_assert_cmpstr (cc_article_get_text (article), ==,
                   "Police estimated the crowd at 12,000, while organisers put it at about 40,000.\n"
                   "Reactions\n"
                   "The mayor called it peaceful.\n"
                   "A spokesman_for_police said 2 * 3 arrests were made.\n"
                   "Quoted text continues here.\n"
                   "code stays *as is*\n"
                   "See https://example.org for more.");
  assert_imported_now (article);
}

static void
test_markdown_titles (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  const struct {
    const char *data;
    const char *title;
    const char *text;
  } cases[] = {
    { "Plain first line\n\nBody *text*.\n", "Plain first line", "Body text." },
    { "Big News\n========\n\nBody text.\n", "Big News", "Body text." },
    { "Intro paragraph.\n\n# Late heading\n\nMore.\n", "Late heading", "Intro paragraph.\nMore." },
    { "## Second level first\n\nBody.\n", "Second level first", "Body." },
    { "# Only a title\n", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) error = NULL;

      articles = cc_importer_load_data (importer, "case.markdown", cases[i].data,
                                        strlen (cases[i].data), NULL, &error);
      if (cases[i].text == NULL)
        {
          assert_error_names_file (error, CC_IMPORT_ERROR_EMPTY, "case.markdown", "no article text");
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpstr (cc_article_get_title (g_ptr_array_index (articles, 0)), ==, cases[i].title);
      g_assert_cmpstr (cc_article_get_text (g_ptr_array_index (articles, 0)), ==, cases[i].text);
    }
}

static void
test_html (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = fixture ("article.html");
  g_autoptr(CcArticle) article = load_one (importer, path, warnings);
  const char *text = cc_article_get_text (article);

  g_assert_cmpstr (cc_article_get_title (article), ==, "Troops seen near the border");
  g_assert_cmpstr (cc_article_get_outlet (article), ==, "Example News");
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-10-18");
  g_assert_cmpstr (cc_article_get_url (article), ==, "https://example.org/troops");
  g_assert_cmpstr (cc_article_get_language (article), ==, "en-GB");
  g_assert_cmpstr (text, ==,
                   "About 1,500 soldiers were seen near the border, officials said.\n"
                   "Rescuers & medics were on site.\n"
                   "A second line.\n"
                   "Direct text in a div\n"
                   "Nested paragraph.\n"
                   "First item\n"
                   "Second item\n"
                   "“We are watching,” he said.");
  g_assert_null (strstr (text, "LEAK"));
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_html_fallbacks (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char *data =
    "<html><head><title>\n  Fallback   title </title>"
    "<meta property=\"article:published_time\" content=\"soon\">"
    "<link rel=\"alternate canonical\" href=\"https://example.org/c\"></head>"
    "<body><p>OUTSIDE_MAIN</p><aside><article><p>TEASER</p></article></aside><main><h2>Fallback title</h2><p>In main.</p>"
    "<script>x()</script></main></body></html>";
  CcArticle *article;

  articles = cc_importer_load_data (importer, "page.HTM", data, strlen (data), warnings, &error);
  g_assert_no_error (error);

  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (cc_article_get_title (article), ==, "Fallback title");
  g_assert_cmpstr (cc_article_get_text (article), ==, "In main.");
  g_assert_cmpstr (cc_article_get_url (article), ==, "https://example.org/c");
  g_assert_null (cc_article_get_outlet (article));
  g_assert_null (cc_article_get_published (article));
  g_assert_null (cc_article_get_language (article));

  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "page.HTM"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "soon"));
}

/* A DOCTYPE with an internal subset leaves nothing in the text, and text
 * nested thousands of elements deep is kept. */
static void
test_html_doctype_and_depth (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GString) deep = g_string_new ("<html><body>");
  const char *doctypes[] = {
    "<!DOCTYPE html [ <!ENTITY x \"y\"> ]>",
    "\xef\xbb\xbf<!-- saved --> <!doctype html [ <!ENTITY x \"]>\"> ]>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">",
  };

  for (guint i = 0; i < G_N_ELEMENTS (doctypes); i++)
    {
      g_autofree char *html = g_strdup_printf ("%s<html><body><p>About 1,500 troops arrived."
                                               "</p></body></html>", doctypes[i]);
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) error = NULL;

      articles = cc_importer_load_data (importer, "doctype.html", html, strlen (html), NULL,
                                        &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cc_article_get_text (g_ptr_array_index (articles, 0)), ==,
                       "About 1,500 troops arrived.");
    }

  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "<p>About 1,500 troops arrived.</p>");
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "</div>");
  g_string_append (deep, "<p>Later 2,000 more came.</p></body></html>");
  {
    g_autoptr(GPtrArray) articles = NULL;
    g_autoptr(GError) error = NULL;

    articles = cc_importer_load_data (importer, "deep.html", deep->str, deep->len, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cc_article_get_text (g_ptr_array_index (articles, 0)), ==,
                     "About 1,500 troops arrived.\nLater 2,000 more came.");
  }
}

static void
test_html_no_text (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = "<html><body><nav>Menu</nav><script>alert(1)</script></body></html>";

  articles = cc_importer_load_data (importer, "blank.html", data, strlen (data), NULL, &error);
  g_assert_null (articles);
  assert_error_names_file (error, CC_IMPORT_ERROR_EMPTY, "blank.html", "no article text found");
}

static CcArticle *
make_article (const char *title,
              const char *text)
{
  CcArticle *article = cc_article_new ();

  cc_article_set_title (article, title);
  cc_article_set_text (article, text);

  return article;
}

static GPtrArray *
make_library (void)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcClaim) c1 = cc_claim_new ();
  g_autoptr(CcClaim) c2 = cc_claim_new ();
  g_autoptr(CcClaim) c3 = cc_claim_new ();
  g_autoptr(CcAnnotation) a1 = cc_annotation_new ();
  g_autoptr(CcAnnotation) a2 = cc_annotation_new ();
  CcArticle *article;

  article = make_article ("Ünïcode “quotes” and \"escapes\"",
                          "Pyongyang sent 10,000 troops — about 1,500 more.\n"
                          "Line two: “0.5 million”\tand\\backslashes.");
  cc_article_set_outlet (article, "Example Wire");
  cc_article_set_url (article, "https://example.org/a?b=c&d=e");
  cc_article_set_published (article, "2024-10-18");
  cc_article_set_language (article, "en");
  cc_article_set_source_file (article, "/tmp/source/a.txt");
  cc_article_set_imported (article, 1729000000);
  cc_article_set_id (article, 42);

  cc_claim_set_id (c1, 7);
  cc_claim_set_start (c1, 15);
  cc_claim_set_end (c1, 21);
  cc_claim_set_text (c1, "10,000");
  cc_claim_set_low (c1, 10000);
  cc_claim_set_high (c1, 10000);
  cc_claim_set_subject (c1, "troops");
  cc_claim_set_claimant (c1, "NIS");
  cc_claim_set_claimant_country (c1, "South Korea");
  cc_claim_set_status (c1, CC_CLAIM_STATUS_SENT);
  cc_claim_set_hedged (c1, TRUE);
  cc_claim_set_event_date (c1, "2024-10-17");
  cc_claim_set_extractor_version (c1, 3);

  /* Same start as c1: the order must survive the round trip too. */
  cc_claim_set_start (c2, 15);
  cc_claim_set_end (c2, 28);
  cc_claim_set_text (c2, "10,000 troops");
  cc_claim_set_low (c2, 0.1);
  cc_claim_set_high (c2, 1e300);
  cc_claim_set_vague (c2, TRUE);
  cc_claim_set_qualifier (c2, "about");
  cc_claim_set_status (c2, CC_CLAIM_STATUS_TOTAL);
  cc_claim_set_origin (c2, CC_CLAIM_ORIGIN_USER);
  cc_claim_set_rejected (c2, TRUE);

  cc_claim_set_start (c3, 37);
  cc_claim_set_end (c3, 42);
  cc_claim_set_text (c3, "1,500");
  cc_claim_set_low (c3, 1500);
  cc_claim_set_high (c3, 1500.25);
  cc_claim_set_status (c3, CC_CLAIM_STATUS_CAPTURED);

  _cc_article_append_claim (article, c1);
  _cc_article_append_claim (article, c2);
  _cc_article_append_claim (article, c3);

  cc_annotation_set_start (a1, 0);
  cc_annotation_set_end (a1, 9);
  cc_annotation_set_color (a1, "#ff00aa");
  cc_annotation_set_note (a1, "check\nthis “source”");
  cc_annotation_set_tags (a1, "a,b");
  cc_annotation_set_created (a1, 1);
  cc_annotation_set_modified (a1, 2);
  cc_annotation_set_start (a2, 3);
  cc_annotation_set_end (a2, 3);

  _cc_article_append_annotation (article, a1);
  _cc_article_append_annotation (article, a2);
  g_ptr_array_add (articles, article);

  /* Everything optional left unset. */
  g_ptr_array_add (articles, make_article (NULL, "Short."));

  return articles;
}

static void
test_json_round_trip (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) library = make_library ();
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = NULL;
  CcArticle *article;
  gsize first_length, second_length;

  first = cc_json_export_articles (library, &first_length);
  g_assert_cmpuint (strlen (first), ==, first_length);
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\" : \"crosscheck\",\n  \"version\" : 1,\n"));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  g_assert_null (strstr (first, "\"id\""));
  g_assert_null (strstr (first, "article_id"));

  path = write_file (dir, "library.json", first, first_length);
  imported = cc_importer_load (importer, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 2);

  second = cc_json_export_articles (imported, &second_length);
  g_assert_cmpuint (second_length, ==, first_length);
  g_assert_cmpstr (second, ==, first);

  /* The rebuilt objects, not just the bytes. */
  article = g_ptr_array_index (imported, 0);
  g_assert_cmpint (cc_article_get_id (article), ==, 0);
  g_assert_cmpstr (cc_article_get_title (article), ==, "Ünïcode “quotes” and \"escapes\"");
  g_assert_cmpstr (cc_article_get_source_file (article), ==, "/tmp/source/a.txt");
  g_assert_cmpint (cc_article_get_imported (article), ==, 1729000000);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (article)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_annotations (article)), ==, 2);
  g_assert_cmpuint (cc_article_get_n_claims (article), ==, 2);

  {
    g_autoptr(CcClaim) claim = g_list_model_get_item (cc_article_get_claims (article), 1);
    g_autoptr(CcAnnotation) annotation = g_list_model_get_item (cc_article_get_annotations (article), 0);

    g_assert_cmpstr (cc_claim_get_text (claim), ==, "10,000 troops");
    g_assert_cmpfloat (cc_claim_get_low (claim), ==, 0.1);
    g_assert_cmpfloat (cc_claim_get_high (claim), ==, 1e300);
    g_assert_true (cc_claim_get_rejected (claim));
    g_assert_true (cc_claim_get_vague (claim));
    g_assert_cmpint (cc_claim_get_status (claim), ==, CC_CLAIM_STATUS_TOTAL);
    g_assert_cmpint (cc_claim_get_origin (claim), ==, CC_CLAIM_ORIGIN_USER);
    g_assert_cmpint (cc_claim_get_id (claim), ==, 0);
    g_assert_cmpstr (cc_annotation_get_note (annotation), ==, "check\nthis “source”");
    g_assert_cmpint (cc_annotation_get_modified (annotation), ==, 2);
  }

  article = g_ptr_array_index (imported, 1);
  g_assert_null (cc_article_get_title (article));
  g_assert_cmpstr (cc_article_get_text (article), ==, "Short.");
  g_assert_null (cc_article_get_source_file (article));

  cc_test_remove_tree (dir);
}

#define EXPORT_HEAD "{\"format\": \"crosscheck\", \"version\": 1, \"articles\": "

static void
test_json_invalid (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *fixture_path = fixture ("malformed.json");
  const struct {
    const char *json;
    int         code;
    const char *needle;
  } cases[] = {
    { "[1, 2, 3]", CC_IMPORT_ERROR_MALFORMED, "not a Crosscheck export" },
    { "{\"foo\": 1}", CC_IMPORT_ERROR_MALFORMED, "not a Crosscheck export" },
    { "{\"format\": \"other\", \"version\": 1, \"articles\": []}", CC_IMPORT_ERROR_MALFORMED, "not a Crosscheck export" },
    { "{\"format\": \"crosscheck\", \"version\": 2, \"articles\": []}", CC_IMPORT_ERROR_MALFORMED, "version" },
    { "{\"format\": \"crosscheck\", \"version\": 1}", CC_IMPORT_ERROR_MALFORMED, "articles" },
    { EXPORT_HEAD "[]}", CC_IMPORT_ERROR_EMPTY, "no articles" },
    { EXPORT_HEAD "[5]}", CC_IMPORT_ERROR_MALFORMED, "articles[0] must be an object" },
    { EXPORT_HEAD "[{\"title\": \"x\"}]}", CC_IMPORT_ERROR_MALFORMED, "articles[0].text is missing" },
    { EXPORT_HEAD "[{\"text\": 5}]}", CC_IMPORT_ERROR_MALFORMED, "articles[0].text must be a string" },
    { EXPORT_HEAD "[{\"text\": \"a\", \"imported\": \"now\"}]}", CC_IMPORT_ERROR_MALFORMED, "articles[0].imported must be an integer" },
    { EXPORT_HEAD "[{\"text\": \"a\", \"published\": \"2024-13-01\"}]}", CC_IMPORT_ERROR_MALFORMED, "articles[0].published" },
    { EXPORT_HEAD "[{\"text\": \"a\", \"claims\": {}}]}", CC_IMPORT_ERROR_MALFORMED, "articles[0].claims must be an array" },
    { EXPORT_HEAD "[{\"text\": \"a\"}, {\"text\": \"abc\", \"claims\": [{\"start\": 1, \"end\": 9}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "articles[1].claims[0]: end 9 is beyond the end of the text" },
    /* Offsets count characters, not bytes: "ééé" is 3 long, 6 bytes. */
    { EXPORT_HEAD "[{\"text\": \"ééé\", \"claims\": [{\"start\": 0, \"end\": 4}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "end 4 is beyond" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 2, \"end\": 1}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "start 2 is after end 1" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": -1, \"end\": 1}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "claims[0].start is out of range" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 0.5, \"end\": 1}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "claims[0].start must be an integer" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"end\": 1}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "claims[0].start is missing" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 0, \"end\": 1, \"status\": \"winning\"}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "unknown status “winning”" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 0, \"end\": 1, \"origin\": \"magic\"}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "unknown origin" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 0, \"end\": 1, \"low\": -5}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "claims[0].low is out of range" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 0, \"end\": 1, \"high\": 1e400}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "claims[0].high is out of range" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"claims\": [{\"start\": 0, \"end\": 1, \"vague\": 1}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "claims[0].vague must be true or false" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"annotations\": [{\"start\": 0, \"end\": 99}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "annotations[0]: end 99 is beyond" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"annotations\": [{\"start\": 0, \"end\": 1, \"color\": \"red\"}]}]}",
      CC_IMPORT_ERROR_MALFORMED, "annotations[0].color" },
    { EXPORT_HEAD "[{\"text\": \"abc\", \"annotations\": [\"x\"]}]}",
      CC_IMPORT_ERROR_MALFORMED, "annotations[0] must be an object" },
    { EXPORT_HEAD "[{\"text\": \"\\ud800\"}]}", CC_IMPORT_ERROR_MALFORMED, "malformed JSON" },
    { "{\"format\": ", CC_IMPORT_ERROR_MALFORMED, "malformed JSON" },
  };

  assert_load_fails (importer, fixture_path, CC_IMPORT_ERROR_MALFORMED, "malformed JSON");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("export-%u.json", i);
      g_autofree char *path = write_file (dir, name, cases[i].json, -1);

      assert_load_fails (importer, path, cases[i].code, cases[i].needle);
    }

  cc_test_remove_tree (dir);
}

static void
test_json_deep (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  gsize n = 1000000;
  g_autofree char *data = g_malloc (2 * n);

  /* json-glib would recurse once per level and overflow the stack. */
  memset (data, '[', n);
  memset (data + n, ']', n);
  articles = cc_importer_load_data (importer, "deep.json", data, 2 * n, NULL, &error);
  g_assert_null (articles);
  assert_error_names_file (error, CC_IMPORT_ERROR_MALFORMED, "deep.json", "nested");
}

static void
test_bad_inputs (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *binary = write_file (dir, "binary.txt", "Some text\0with a NUL", 20);
  g_autofree char *control = write_file (dir, "control.md", "\x01\x02\x03\x04\x05\x06 text", -1);
  g_autofree char *empty = write_file (dir, "empty.txt", "", 0);
  g_autofree char *blank = write_file (dir, "blank.html", " \n\t\r\n  \n", -1);
  g_autofree char *bom_only = write_file (dir, "bom.txt", "\xef\xbb\xbf\n", -1);
  g_autofree char *latin1 = write_file (dir, "latin1.txt", "Caf\xe9 au lait\nMore.", -1);
  g_autofree char *docx = write_file (dir, "report.docx", "Plain text, wrong name\n", -1);
  g_autofree char *noext = write_file (dir, "README", "Plain text\nNo extension\n", -1);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.txt", NULL);
  int fd;

  /* A sparse 21 MB file: the size check must come before reading it. */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 21 * 1024 * 1024), ==, 0);
  close (fd);

  assert_load_fails (importer, binary, CC_IMPORT_ERROR_BINARY, "binary");
  assert_load_fails (importer, control, CC_IMPORT_ERROR_BINARY, "binary");
  assert_load_fails (importer, empty, CC_IMPORT_ERROR_EMPTY, "the file is empty");
  assert_load_fails (importer, blank, CC_IMPORT_ERROR_EMPTY, "the file is empty");
  assert_load_fails (importer, bom_only, CC_IMPORT_ERROR_EMPTY, "the file is empty");
  assert_load_fails (importer, latin1, CC_IMPORT_ERROR_INVALID_UTF8, "offset 3");
  assert_load_fails (importer, huge, CC_IMPORT_ERROR_TOO_LARGE, "too large");
  assert_load_fails (importer, docx, CC_IMPORT_ERROR_UNSUPPORTED, "“.docx”");
  assert_load_fails (importer, noext, CC_IMPORT_ERROR_UNSUPPORTED, "no extension");
  assert_load_fails (importer, missing, CC_IMPORT_ERROR_IO, "no such file");
  assert_load_fails (importer, dir, CC_IMPORT_ERROR_IO, "folder");

  cc_test_remove_tree (dir);
}

static void
test_too_large_data (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = CC_IMPORT_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);

  memset (data, 'a', length);
  articles = cc_importer_load_data (importer, "big.txt", data, length, NULL, &error);
  g_assert_null (articles);
  assert_error_names_file (error, CC_IMPORT_ERROR_TOO_LARGE, "big.txt", NULL);
}

static void
test_collect (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "nope.txt", NULL);
  g_autofree char *pptx = NULL;
  g_autofree char *single = NULL;
  const char *expected[] = {
    "a.md", "b.TXT", "report.pdf", "single.markdown", "sub/c.html", "sub/d.JSON",
    "sub/deeper/e.htm"
  };
  const char *with_folder[] = { dir, NULL };
  const char *bad_paths[4] = { NULL };

  g_free (write_file (dir, "b.TXT", "x", -1));
  g_free (write_file (dir, "a.md", "x", -1));
  g_free (write_file (dir, ".hidden.txt", "x", -1));
  g_free (write_file (dir, "meta.json", "[]", -1));
  g_free (write_file (dir, "image.png", "x", -1));
  g_free (write_file (dir, "sub/d.JSON", "x", -1));
  g_free (write_file (dir, "sub/c.html", "x", -1));
  g_free (write_file (dir, "sub/notes.docx", "x", -1));
  g_free (write_file (dir, "sub/deeper/e.htm", "x", -1));
  g_free (write_file (dir, "sub/.git/f.txt", "x", -1));
  g_free (write_file (dir, ".cache/g.txt", "x", -1));
  g_free (write_file (dir, "report.pdf", "x", -1));
  pptx = write_file (dir, "slides.pptx", "x", -1);
  single = write_file (dir, "single.markdown", "x", -1);

  g_assert_true (cc_importer_collect (importer, with_folder, files, errors));
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (dir, expected[i], NULL);

      g_assert_cmpstr (g_ptr_array_index (files, i), ==, path);
    }

  /* Given explicitly, a wrong file is an error; the good ones still count. */
  g_ptr_array_set_size (files, 0);
  bad_paths[0] = missing;
  bad_paths[1] = single;
  bad_paths[2] = pptx;
  g_assert_false (cc_importer_collect (importer, bad_paths, files, errors));
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, single);
  g_assert_cmpuint (errors->len, ==, 2);
  assert_error_names_file (g_ptr_array_index (errors, 0), CC_IMPORT_ERROR_IO, missing, NULL);
  assert_error_names_file (g_ptr_array_index (errors, 1), CC_IMPORT_ERROR_UNSUPPORTED, pptx, ".pptx");

  cc_test_remove_tree (dir);
}

static void
drop_root_cb (gpointer user_data)
{
  /* Root searches any folder; the user nobody respects permissions. */
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (125);
}

/* Runs `crosscheck --library LIBRARY import PATHS…` as an ordinary user,
 * returning its status and what it printed on the standard error. */
static int
run_import (const char   *library,
            const char  **paths,
            gboolean      unprivileged,
            char        **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("CROSSCHECK_BINARY"));
  g_ptr_array_add (argv, (char *)"--library");
  g_ptr_array_add (argv, (char *)library);
  g_ptr_array_add (argv, (char *)"import");
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)paths[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                unprivileged ? drop_root_cb : NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 125);
  return WEXITSTATUS (status);
}

/* What a folder may hold besides articles: each is named, and a link is
 * followed only inside the folder. */
static void
test_folder_oddities (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "articles", NULL);
  g_autofree char *outside = write_file (dir, "outside.txt", "Some 700 troops left.", -1);
  g_autofree char *outside_dir = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *good = write_file (folder, "good.txt", "About 1,500 troops arrived.", -1);
  g_autofree char *in_link = g_build_filename (folder, "sub/inside.txt", NULL);
  g_autofree char *out_link = g_build_filename (folder, "out.txt", NULL);
  g_autofree char *out_dir_link = g_build_filename (folder, "elsewhere", NULL);
  g_autofree char *dangling = g_build_filename (folder, "dangling.txt", NULL);
  g_autofree char *fifo = g_build_filename (folder, "pipe.txt", NULL);
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *err = NULL;
  const char *paths[] = { folder, NULL };

  g_free (write_file (outside_dir, "far.txt", "Some 900 troops left.", -1));
  g_free (write_file (folder, "sub/other.txt", "At least 3,000 soldiers moved.", -1));
  g_assert_cmpint (symlink ("../good.txt", in_link), ==, 0);
  g_assert_cmpint (symlink (outside, out_link), ==, 0);
  g_assert_cmpint (symlink ("../elsewhere", out_dir_link), ==, 0);
  g_assert_cmpint (symlink ("missing.txt", dangling), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_assert_cmpint (run_import (library, paths, FALSE, &err), ==, 1);
  expected = g_strdup_printf (
    "%s: a link to “missing.txt”, which does not exist; skipped\n"
    "%s: a link to “%s/elsewhere”, outside the imported folder; skipped\n"
    "%s: a link to “%s/outside.txt”, outside the imported folder; skipped\n"
    "%s: a named pipe (FIFO), not a file; skipped\n"
    "inside.txt: skipped, the same text is already in the library as “good”\n",
    dangling, out_dir_link, real_dir, out_link, real_dir, fifo);
  g_assert_cmpstr (err, ==, expected);

  cc_test_remove_tree (dir);
}

/* A file in a folder that may not be searched is refused for what it is;
 * a file just over the size limit says by how much; a broken meta.json is
 * reported even when the folder's first file is refused. */
static void
test_import_messages (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *library = g_build_filename (shared, "library.db", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *hidden = write_file (locked, "a.txt", "About 1,500 troops arrived.", -1);
  g_autofree char *large = g_build_filename (dir, "large.txt", NULL);
  g_autofree char *meta_folder = g_build_filename (dir, "with-meta", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *err = NULL;
  int fd;

  g_assert_cmpint (g_mkdir (shared, 0777), ==, 0);
  g_assert_cmpint (g_chmod (shared, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0600), ==, 0);
  {
    const char *paths[] = { hidden, NULL };

    g_assert_cmpint (run_import (library, paths, TRUE, &err), ==, 1);
    expected = g_strdup_printf ("%s: permission denied\n", hidden);
    g_assert_cmpstr (err, ==, expected);
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&expected, g_free);
  }

  fd = g_open (large, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, CC_IMPORT_MAX_SIZE + 1), ==, 0);
  close (fd);
  {
    const char *paths[] = { large, NULL };

    g_assert_cmpint (run_import (library, paths, FALSE, &err), ==, 1);
    g_assert_cmpstr (err, ==, "large.txt: the file is too large (20971521 bytes; "
                              "the limit is 20971520 bytes)\n");
    g_clear_pointer (&err, g_free);
  }

  g_free (write_file (meta_folder, "a.txt", "troops \xff\xfe", -1));
  g_free (write_file (meta_folder, "b.txt", "About 1,500 troops arrived.", -1));
  g_free (write_file (meta_folder, "meta.json", "{ not json", -1));
  {
    const char *paths[] = { meta_folder, NULL };

    g_assert_cmpint (run_import (library, paths, FALSE, &err), ==, 1);
    g_assert_true (g_str_has_prefix (err, meta_folder));
    g_assert_nonnull (strstr (err, "meta.json: "));
    g_assert_nonnull (strstr (err, "; ignored\na.txt: not valid UTF-8 text"));
  }

  g_chmod (locked, 0700);
  cc_test_remove_tree (dir);
}

static void
test_date_valid (void)
{
  g_assert_true (cc_date_is_valid ("2024-10-18"));
  g_assert_true (cc_date_is_valid ("2024-02-29"));
  g_assert_true (cc_date_is_valid ("1000-01-01"));
  g_assert_true (cc_date_is_valid ("9999-12-31"));
  g_assert_false (cc_date_is_valid (NULL));
  g_assert_false (cc_date_is_valid (""));
  g_assert_false (cc_date_is_valid ("2023-02-29"));
  g_assert_false (cc_date_is_valid ("2024-02-30"));
  g_assert_false (cc_date_is_valid ("2024-13-01"));
  g_assert_false (cc_date_is_valid ("2024-00-10"));
  g_assert_false (cc_date_is_valid ("2024-10-00"));
  g_assert_false (cc_date_is_valid ("0999-12-31"));
  g_assert_false (cc_date_is_valid ("2024-1-18"));
  g_assert_false (cc_date_is_valid ("2024/10/18"));
  g_assert_false (cc_date_is_valid ("2024-10-18T00:00"));
  g_assert_false (cc_date_is_valid (" 2024-10-1"));
  g_assert_false (cc_date_is_valid ("+024-10-18"));
}

static gpointer
load_samples_thread (gpointer data)
{
  CcImporter *importer = data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  const char *paths[] = { cc_test_sample_dir (), NULL };

  g_assert_true (cc_importer_collect (importer, paths, files, errors));

  for (guint round = 0; round < 5; round++)
    {
      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(CcArticle) article = load_one (importer, g_ptr_array_index (files, i), NULL);

          g_assert_nonnull (cc_article_get_outlet (article));
          g_assert_nonnull (cc_article_get_published (article));
        }
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  GThread *threads[4];

  /* One importer shared by workers: the meta.json cache must hold up. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("loader", load_samples_thread, importer);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
assert_survives (CcImporter *importer,
                 const char *name,
                 const char *data,
                 gsize       length)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = cc_importer_load_data (importer, name, data, length, NULL, &error);
  g_assert_true ((articles == NULL) != (error == NULL));

  if (error != NULL)
    g_assert_true (error->domain == CC_IMPORT_ERROR);

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);

      g_assert_nonnull (cc_article_get_text (article));
      g_assert_true (g_utf8_validate (cc_article_get_text (article), -1, NULL));
    }
}

static char *
repeat (const char *unit,
        guint       times,
        gsize      *length)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (str, unit);
  *length = str->len;

  return g_string_free (str, FALSE);
}

static void
test_hostile_inputs (void)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  static const char * const fragments[] = {
    "[", "]", "(", ")", "![", "](", "*", "_", "**", "`", "```", "~~~", "#", "# ", "\n", "\r\n",
    "> ", "- ", "1. ", "===", "---", "\\", "<", ">", "<p>", "</p>", "<div>", "<br>", "<script>",
    "</script>", "<article>", "<meta property=\"og:title\" content=\"", "\"", "{", "}", ":", ",",
    "\"format\": \"crosscheck\"", "\"version\": 1", "\"articles\": [", "\"text\": \"",
    "\"claims\": [", "\"start\": ", "\"end\": ", "99", "-1", "1e999", "null", "true", "é", "“",
    "\xef\xbb\xbf", "\xff", "\xc3", "\x01", " ", "\t", "word", "10,000 troops", "&amp;", "&#0;",
    "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->",
  };
  static const char * const names[] = { "f.txt", "f.md", "f.html", "f.json" };
  static const struct {
    const char *unit;
    guint       times;
  } floods[] = {
    { "[", 200000 }, { "![", 100000 }, { "`", 200000 }, { "*_", 100000 }, { "> ", 100000 },
    { "<div>", 100000 }, { "<p><b>", 50000 }, { "{\"a\":", 100000 }, { "#\n", 100000 },
    { "[a](", 50000 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241018);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) data = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 60);

      for (guint i = 0; i < n; i++)
        g_string_append (data, fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))]);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        assert_survives (importer, names[i], data->str, data->len);
    }

  for (guint i = 0; i < G_N_ELEMENTS (floods); i++)
    {
      gsize length;
      g_autofree char *data = repeat (floods[i].unit, floods[i].times, &length);

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        assert_survives (importer, names[j], data, length);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/txt/title-line", test_txt_title_line);
  g_test_add_func ("/importer/txt/bom-crlf", test_txt_bom_crlf);
  g_test_add_func ("/importer/txt/single-line", test_txt_single_line);
  g_test_add_func ("/importer/txt/meta-title-differs", test_txt_meta_title_differs);
  g_test_add_func ("/importer/txt/meta-title-matches", test_txt_meta_title_matches);
  g_test_add_func ("/importer/meta/sample", test_meta_sample);
  g_test_add_func ("/importer/meta/bad-date", test_meta_bad_date);
  g_test_add_func ("/importer/meta/malformed", test_meta_malformed);
  g_test_add_func ("/importer/markdown/article", test_markdown);
  g_test_add_func ("/importer/markdown/titles", test_markdown_titles);
  g_test_add_func ("/importer/html/article", test_html);
  g_test_add_func ("/importer/html/fallbacks", test_html_fallbacks);
  g_test_add_func ("/importer/html/no-text", test_html_no_text);
  g_test_add_func ("/importer/html/doctype-and-depth", test_html_doctype_and_depth);
  g_test_add_func ("/importer/json/round-trip", test_json_round_trip);
  g_test_add_func ("/importer/json/invalid", test_json_invalid);
  g_test_add_func ("/importer/json/deep", test_json_deep);
  g_test_add_func ("/importer/bad-inputs", test_bad_inputs);
  g_test_add_func ("/importer/too-large-data", test_too_large_data);
  g_test_add_func ("/importer/collect", test_collect);
  g_test_add_func ("/importer/folder-oddities", test_folder_oddities);
  g_test_add_func ("/importer/import-messages", test_import_messages);
  g_test_add_func ("/importer/date-valid", test_date_valid);
  g_test_add_func ("/importer/threads", test_threads);
  g_test_add_func ("/importer/hostile-inputs", test_hostile_inputs);

  return g_test_run ();
}
