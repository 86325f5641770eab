/* test-export-files.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The files the exports write, checked from outside: through the
 * command line, onto links, named pipes, devices, folders and private
 * files, on a full disk (a file size limit stands in for it), and read
 * back with tools nobody here wrote: qpdf, mutool and pdftotext for the
 * PDFs, pdftoppm for their pixels, Python's csv module for the CSV. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "cc-test-utils.h"

typedef struct
{
  char *dir;
  char *library;
} Fixture;

/* Sentences written for these tests, each with a claim of a number that
 * makes the articles differ. */
static const char *fixture_texts[][2] = {
  { "Officials in Seoul said on Monday that about ",
    " North Korean troops had arrived in Vladivostok for training." },
  { "The Ukrainian defence ministry said ",
    " soldiers were moved to the border region last week." },
  { "According to the Pentagon, at least ", " troops were sent to Russia." },
};

static char *
json_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* A Crosscheck JSON export of @n articles without claims, so that the
 * extractor finds them on import. */
static char *
write_articles_json (const char *dir,
                     const char *name,
                     guint       n,
                     const char *outlet,
                     const char *url,
                     gboolean    dated)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"crosscheck\", \"version\": 1, "
                                          "\"articles\": [");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Fixture article %u", i + 1);
      g_autofree char *title_json = json_string (title);
      g_autofree char *outlet_json = json_string (outlet);
      g_autofree char *url_json = url != NULL ? json_string (url) : g_strdup ("null");
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *text_json = NULL;
      g_autofree char *published = dated ? g_strdup_printf ("\"2024-10-%02u\"", 1 + i % 28)
                                         : g_strdup ("null");

      for (guint j = 0; j < G_N_ELEMENTS (fixture_texts); j++)
        {
          const char * const *sentence = fixture_texts[(i + j) % G_N_ELEMENTS (fixture_texts)];

          g_string_append_printf (text, "%s%u%s ", sentence[0], 1000 + 37 * i + j, sentence[1]);
        }
      text_json = json_string (text->str);

      g_string_append_printf (json, "%s{ \"title\": %s, \"outlet\": %s, \"url\": %s, "
                              "\"published\": %s, \"text\": %s }",
                              i > 0 ? ", " : "", title_json, outlet_json, url_json,
                              published, text_json);
    }
  g_string_append (json, "] }");

  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Imports @n fixture articles into the library @name in the fixture's
 * folder, and returns its path. */
static char *
make_library_with_url (Fixture    *f,
                       const char *name,
                       guint       n,
                       const char *url)
{
  g_autofree char *json_name = g_strdup_printf ("%s.json", name);
  g_autofree char *json = write_articles_json (f->dir, json_name, n,
                                               "=HYPERLINK(\"http://x\",\"y\")", url,
                                               strstr (name, "undated") == NULL);
  g_autofree char *err = NULL;
  char *library = g_build_filename (f->dir, name, NULL);

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", library, "import", json, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_unlink (json);
  return library;
}

static char *
make_library (Fixture    *f,
              const char *name,
              guint       n)
{
  return make_library_with_url (f, name, n, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crosscheck-export-files-XXXXXX", &error);
  g_assert_no_error (error);
  f->library = make_library (f, "library.db", 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cc_test_remove_tree (f->dir);
  g_free (f->library);
  g_free (f->dir);
}

static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit;

  /* A write past the limit fails with EFBIG, as on a full disk, instead
   * of killing the process. */
  limit.rlim_cur = limit.rlim_max = GPOINTER_TO_SIZE (user_data);
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs @argv; returns the exit status, or -1 when it did not exit. With
 * @max_file_size, the program cannot make a file larger than that. */
static int
run (const char * const  *argv,
     gsize                max_file_size,
     char               **out,
     char               **err)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT,
                max_file_size > 0 ? limit_file_size_cb : NULL,
                GSIZE_TO_POINTER (max_file_size), out, err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The names in @dir that start with a dot: left-over temporary files. */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

/* The export commands, each writing to the path given after them. */
static const char *formats[][3] = {
  { "export", "--json", NULL },
  { "export", "--csv", NULL },
  { "export", "--pdf", NULL },
  { "export", "--report", NULL },
  { "chart", "--output", NULL },
};

static const char *
format_suffix (guint i)
{
  return i == 0 ? ".json" : i == 1 ? ".csv" : i == 4 ? ".png" : ".pdf";
}

/* Runs export format @i onto @path; returns its status. */
static int
export_to (Fixture     *f,
           guint        i,
           const char  *path,
           gsize        max_file_size,
           char       **out,
           char       **err)
{
  const char *binary = g_getenv ("CROSSCHECK_BINARY");
  const char *argv[] = { binary, "--library", f->library, formats[i][0], formats[i][1], path,
                         NULL };

  return run (argv, max_file_size, out, err);
}

/* Content that only the export's own format would start with. */
static gboolean
is_export (guint       i,
           const char *contents)
{
  switch (i)
    {
    case 0:
      return g_str_has_prefix (contents, "{");
    case 1:
      return g_str_has_prefix (contents, "article,outlet,");
    case 4:
      return g_str_has_prefix (contents, "\x89PNG");
    default:
      return g_str_has_prefix (contents, "%PDF-");
    }
}

static void
test_onto_link (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("target%u%s", i, format_suffix (i));
      g_autofree char *target = g_build_filename (f->dir, name, NULL);
      g_autofree char *link = g_strdup_printf ("%s/link%u%s", f->dir, i, format_suffix (i));
      g_autofree char *contents = NULL;
      g_autofree char *err = NULL;
      GStatBuf st;

      g_assert_true (g_file_set_contents (target, "old content", -1, NULL));
      /* A relative link, as "ln -s" makes. */
      g_assert_cmpint (symlink (name, link), ==, 0);

      g_assert_cmpint (export_to (f, i, link, 0, NULL, &err), ==, 0);
      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
      contents = read_file (target);
      g_assert_true (is_export (i, contents));
    }

  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

/* Each export refuses @path, with one message naming it, and leaves it
 * as it was: @check says so. */
static void
assert_refused (Fixture    *f,
                const char *path,
                const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *expected = g_strdup_printf ("crosscheck: Cannot write “%s”: %s\n",
                                                   display, what);

      g_test_message ("%s %s onto %s", formats[i][0], formats[i][1], path);
      g_assert_cmpint (export_to (f, i, path, 0, &out, &err), ==, 1);
      g_assert_cmpstr (err, ==, expected);
      g_assert_null (strstr (out, "Wrote"));
      g_assert_null (strstr (out, "Exported"));
    }
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

static void
test_onto_fifo (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.pdf", NULL);
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (f, fifo, "it is a named pipe (FIFO), not a file");
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_onto_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "folder.pdf", NULL);
  g_autofree char *inside = g_build_filename (folder, "kept.txt", NULL);
  g_autofree char *kept = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));
  assert_refused (f, folder, "it is a folder");
  g_assert_cmpint (g_lstat (folder, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  kept = read_file (inside);
  g_assert_cmpstr (kept, ==, "kept");
}

static void
test_onto_device (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *device = g_build_filename (f->dir, "null.pdf", NULL);
  g_autofree char *link = g_build_filename (f->dir, "to-null.pdf", NULL);
  GStatBuf st;

  /* A device like /dev/null, made here rather than risking the real one. */
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_test_skip_printf ("cannot make a device node here: %s", g_strerror (errno));
      return;
    }

  assert_refused (f, device, "it is a device, not a file");
  g_assert_cmpint (g_lstat (device, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* A link to a device is refused by the path the user gave. */
  g_assert_cmpint (symlink (device, link), ==, 0);
  assert_refused (f, link, "it is a device, not a file");
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

static void
test_onto_private_file (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/private%u%s", f->dir, i, format_suffix (i));
      g_autofree char *fresh = g_strdup_printf ("%s/fresh%u%s", f->dir, i, format_suffix (i));
      g_autofree char *contents = NULL;
      g_autofree char *err = NULL;
      mode_t mask = umask (022);
      GStatBuf st;

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_assert_cmpint (g_chmod (path, 0600), ==, 0);
      g_assert_cmpint (export_to (f, i, path, 0, NULL, &err), ==, 0);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0600);
      contents = read_file (path);
      g_assert_true (is_export (i, contents));

      /* A new file gets what the umask allows, as any other would. */
      g_assert_cmpint (export_to (f, i, fresh, 0, NULL, &err), ==, 0);
      g_assert_cmpint (g_stat (fresh, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0644);
      umask (mask);
    }
}

/* On a full disk, every export fails with one message and the file that
 * stood at the path keeps its content; nothing is left beside it. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  const char *charts[] = { "chart.png", "chart.svg", "chart.pdf" };
  const char *binary = g_getenv ("CROSSCHECK_BINARY");
  /* Room for the library's shared-memory file (32 KiB), not for any of
   * the exports of 150 articles. */
  const gsize limit = 40 * 1024;

  g_free (f->library);
  f->library = make_library (f, "large.db", 150);

  for (guint i = 0; i < G_N_ELEMENTS (formats) + G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      if (i < G_N_ELEMENTS (formats))
        {
          path = g_strdup_printf ("%s/full%u%s", f->dir, i, format_suffix (i));
          g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
          status = export_to (f, i, path, limit, &out, &err);
        }
      else
        {
          const char *argv[] = { binary, "--library", f->library, "chart", "--output", NULL,
                                 NULL };

          path = g_build_filename (f->dir, charts[i - G_N_ELEMENTS (formats)], NULL);
          g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
          argv[5] = path;
          status = run (argv, limit, &out, &err);
        }

      g_test_message ("%s: %s", path, err);
      g_assert_cmpint (status, ==, 1);
      g_assert_true (g_str_has_prefix (err, "crosscheck: Cannot write “"));
      g_assert_nonnull (strstr (err, "File too large"));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_cmpstr (out, ==, "");
      contents = read_file (path);
      g_assert_cmpstr (contents, ==, "the old file");
      g_assert_cmpuint (count_hidden (f->dir), ==, 0);
    }
}

/* Runs the program found in PATH as @name with the arguments after it;
 * skips the test when it is not installed. */
static gboolean
find_tool (const char *name,
           char      **path)
{
  *path = g_find_program_in_path (name);
  if (*path == NULL)
    {
      g_test_skip_printf ("%s is not installed (build-aux/setup installs it)", name);
      return FALSE;
    }
  return TRUE;
}

/* qpdf finds nothing wrong, mutool draws every page without repairing
 * anything, and pdftotext reads @words. */
static void
assert_valid_pdf (Fixture    *f,
                  const char *pdf,
                  const char *words)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *mutool = g_find_program_in_path ("mutool");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text_path = g_build_filename (f->dir, "mutool.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_test_message ("checking %s", pdf);
  {
    const char *argv[] = { qpdf, "--check", pdf, NULL };

    g_assert_cmpint (run (argv, 0, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "No syntax or stream encoding errors found"));
    g_assert_null (strstr (out, "WARNING"));
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { mutool, "draw", "-F", "txt", "-o", text_path, pdf, NULL };

    g_assert_cmpint (run (argv, 0, &out, &err), ==, 0);
    g_assert_null (strstr (err, "repair"));
    g_assert_null (strstr (err, "error"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { pdftotext, "-q", pdf, "-", NULL };

    g_assert_cmpint (run (argv, 0, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, words));
  }
}

static void
test_pdf_tools (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *tool = NULL;
  g_autofree char *article = g_build_filename (f->dir, "article.pdf", NULL);
  g_autofree char *report = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *large = g_build_filename (f->dir, "large.pdf", NULL);
  g_autofree char *chart = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *large_library = NULL;
  g_autofree char *err = NULL;

  if (!find_tool ("qpdf", &tool) || !find_tool ("mutool", &tool) ||
      !find_tool ("pdftotext", &tool))
    return;

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "export", "--pdf",
                                    article, "1", NULL), ==, 0);
  assert_valid_pdf (f, article, "Fixture article 1");
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "export", "--report",
                                    report, NULL), ==, 0);
  assert_valid_pdf (f, report, "North Korean troops");
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "chart", "--output",
                                    chart, NULL), ==, 0);
  assert_valid_pdf (f, chart, "estimates over time");

  large_library = make_library (f, "large.db", 100);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", large_library, "export",
                                    "--report", large, NULL), ==, 0);
  assert_valid_pdf (f, large, "Fixture article 100");
}

/* A link is an annotation of its own, its URI percent-encoded. */
static void
test_pdf_link (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *pdfinfo = NULL;
  g_autofree char *library = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "link.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!find_tool ("pdfinfo", &pdfinfo))
    return;

  library = make_library_with_url (f, "link.db", 1,
                                   "https://example.org/news/North Korea’s troops?id=5%20x");
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", library, "export", "--pdf",
                                    pdf, NULL), ==, 0);
  {
    const char *argv[] = { pdfinfo, "-url", pdf, NULL };

    g_assert_cmpint (run (argv, 0, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "1  Annotation    https://example.org/news/"
                                   "North%20Korea%E2%80%99s%20troops?id=5%20x\n"));
  }
  assert_valid_pdf (f, pdf, "Fixture article 1");
}

/* TRUE when the PNG has a pixel of a clear colour, not only greys, left
 * of @max_x (the text column, not the margin's colour key). */
static gboolean
png_has_colour (const char *path,
                int         max_x)
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
    for (int x = 0; x < MIN (width, max_x) && !found; x++)
      {
        guint32 px = *(guint32 *)(pixels + y * stride + x * 4);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        found = MAX (MAX (abs (r - g), abs (g - b)), abs (r - b)) > 24;
      }

  cairo_surface_destroy (surface);
  return found;
}

/* The claims' tints are the annotations' alone: hidden, they take the
 * tint with them. (The fixture has no link, the only other colour.) */
static void
test_tints_in_annotations (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdftoppm = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "tints.pdf", NULL);
  g_autofree char *shown = g_build_filename (f->dir, "shown", NULL);
  g_autofree char *hidden = g_build_filename (f->dir, "hidden", NULL);
  g_autofree char *shown_png = g_build_filename (f->dir, "shown.png", NULL);
  g_autofree char *hidden_png = g_build_filename (f->dir, "hidden.png", NULL);
  g_autofree char *err = NULL;

  if (!find_tool ("pdftoppm", &pdftoppm))
    return;

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "export", "--pdf",
                                    pdf, "1", NULL), ==, 0);
  {
    const char *argv[] = { pdftoppm, "-png", "-r", "50", "-singlefile", pdf, shown, NULL };

    g_assert_cmpint (run (argv, 0, NULL, NULL), ==, 0);
  }
  {
    const char *argv[] = { pdftoppm, "-png", "-r", "50", "-singlefile", "-hide-annotations",
                           pdf, hidden, NULL };

    g_assert_cmpint (run (argv, 0, NULL, NULL), ==, 0);
  }

  /* At 50 dpi, the text column of an A4 page ends at 403 pt, 280 px. */
  g_assert_true (png_has_colour (shown_png, 280));
  g_assert_false (png_has_colour (hidden_png, 280));
}

/* Python's csv module reads the CSV as rows of equal length, and no
 * field starts as a formula would. */
static void
test_csv_python (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *python = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "claims.csv", NULL);
  g_autofree char *claims = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    print(json.dumps(list(csv.reader(f, strict=True))))\n";
  JsonArray *rows;
  guint n_claims = 0;
  guint outlet_column = G_MAXUINT;

  if (!find_tool ("python3", &python))
    return;

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "export", "--csv",
                                    csv, NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (&claims, &err, "--library", f->library, "claims", "--json",
                                    NULL), ==, 0);
  for (const char *p = claims; *p != '\0'; p++)
    n_claims += *p == '\n';
  g_assert_cmpuint (n_claims, >=, 3);

  {
    const char *argv[] = { python, "-c", script, csv, NULL };

    g_assert_cmpint (run (argv, 0, &out, &err), ==, 0);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, n_claims + 1);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpuint (json_array_get_length (row), ==,
                        json_array_get_length (json_array_get_array_element (rows, 0)));
      for (guint j = 0; j < json_array_get_length (row); j++)
        {
          const char *field = json_array_get_string_element (row, j);

          if (i == 0 && strcmp (field, "outlet") == 0)
            outlet_column = j;
          g_assert_null (strchr ("=+-@\t\r", field[0]) && field[0] != '\0' ? field : NULL);
        }
      if (i > 0)
        g_assert_cmpstr (json_array_get_string_element (row, outlet_column), ==,
                         "'=HYPERLINK(\"http://x\",\"y\")");
    }
}

/* A claim of 1e17, as an export brings it: the export is JSON that
 * Python reads, it imports again into an empty library and exports the
 * same bytes; claims --json prints the number whole. */
static void
test_json_large_number (Fixture       *f,
                        gconstpointer  data)
{
  const char *json =
    "{ \"format\": \"crosscheck\", \"version\": 1, \"articles\": [ { \"title\": \"Large\", "
    "\"text\": \"A figure of 100000000000000000 people was given.\", \"claims\": [ "
    "{ \"start\": 12, \"end\": 30, \"low\": 1e17, \"high\": 1e17, \"subject\": \"people\" }, "
    "{ \"start\": 12, \"end\": 30, \"low\": 1.2345678901234568e+22, "
    "\"high\": 1.5e300, \"subject\": \"people\" } ] } ] }";
  g_autofree char *python = NULL;
  g_autofree char *source = g_build_filename (f->dir, "large-source.json", NULL);
  g_autofree char *first = g_build_filename (f->dir, "large-1.json", NULL);
  g_autofree char *second = g_build_filename (f->dir, "large-2.json", NULL);
  g_autofree char *library = g_build_filename (f->dir, "large.db", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.db", NULL);
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (source, json, -1, NULL));
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", library, "import", source, NULL),
                   ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", library, "export", "--json", first,
                                    NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", again, "import", first, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", again, "export", "--json", second,
                                    NULL), ==, 0);
  first_data = read_file (first);
  second_data = read_file (second);
  g_assert_cmpstr (first_data, ==, second_data);
  g_assert_nonnull (strstr (first_data, "\"low\" : 1e+17,"));
  g_assert_null (strstr (first_data, "e+17.0"));

  g_assert_cmpint (cc_test_run_cli (&claims, &err, "--library", again, "claims", "--json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (claims, "\"low\":100000000000000000,"));

  if (!find_tool ("python3", &python))
    return;

  /* Python's json reads both, numbers and all, with no loss. */
  {
    const char *script =
      "import json, sys\n"
      "doc = json.load(open(sys.argv[1]))\n"
      "claims = doc['articles'][0]['claims']\n"
      "assert claims[0]['low'] == 1e17 and claims[0]['high'] == 1e17, claims[0]\n"
      "assert claims[1]['low'] == 1.2345678901234568e+22, claims[1]\n"
      "assert claims[1]['high'] == 1.5e300, claims[1]\n"
      "for line in sys.argv[2].splitlines():\n"
      "    claim = json.loads(line)\n"
      "    assert claim['low'] <= claim['high'], claim\n"
      "print('ok')\n";
    const char *argv[] = { python, "-c", script, first, claims, NULL };

    g_assert_cmpint (run (argv, 0, &out, NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ok\n");
  }
}

/* Bad values in a JSON import are refused by field, and nothing of the
 * file is stored. */
static void
test_json_refused (Fixture       *f,
                   gconstpointer  data)
{
  const struct
  {
    const char *article;
    const char *message;
  } cases[] = {
    { "{ \"text\": \"\" }", "articles[0].text is empty" },
    { "{ \"text\": \" \\n \" }", "articles[0].text is empty" },
    { "{ \"text\": \"About 5 troops\\u0000 and 7,000 more\" }",
      "articles[0].text holds a NUL character (\\u0000)" },
    { "{ \"title\": \"x\\u0000\", \"text\": \"Some 5 troops\" }",
      "articles[0].title holds a NUL character (\\u0000)" },
    { "{ \"text\": \"Some 5,000 troops went.\", \"claims\": [ { \"start\": 5, \"end\": 10, "
      "\"low\": 9000, \"high\": 5000 } ] }",
      "articles[0].claims[0].low (9000) is greater than articles[0].claims[0].high (5000)" },
    { "{ \"text\": \"Some 5,000 troops went.\", \"claims\": [ { \"start\": 5, \"end\": 10, "
      "\"low\": -5, \"high\": 5000 } ] }",
      "articles[0].claims[0].low is out of range" },
    { "{ \"text\": \"Some 5,000 troops went.\", \"claims\": [ { \"start\": 5, \"end\": 10, "
      "\"low\": 5, \"high\": 1e400 } ] }",
      "articles[0].claims[0].high is out of range" },
  };
  g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *before = NULL;

  g_assert_cmpint (cc_test_run_cli (&before, NULL, "--library", f->library, "list", NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{ \"format\": \"crosscheck\", \"version\": 1, "
                                               "\"articles\": [ %s ] }", cases[i].article);
      g_autofree char *expected = g_strdup_printf ("bad.json: %s\n", cases[i].message);
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s", cases[i].article);
      g_assert_true (g_file_set_contents (path, json, -1, NULL));
      g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "import", path,
                                        NULL), ==, 1);
      g_assert_cmpstr (err, ==, expected);
      g_assert_cmpint (cc_test_run_cli (&after, NULL, "--library", f->library, "list", NULL),
                       ==, 0);
      g_assert_cmpstr (after, ==, before);
    }

  /* U+FFFF, written as an escape or as it is, is a character like any
   * other, not taken for a NUL. */
  {
    const char *json = "{ \"format\": \"crosscheck\", \"version\": 1, \"articles\": [ "
                       "{ \"text\": \"Some 5 troops \\uffff and \xef\xbf\xbf here\" } ] }";
    g_autofree char *err = NULL;

    g_assert_true (g_file_set_contents (path, json, -1, NULL));
    g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "import", path,
                                      NULL), ==, 0);
    g_assert_cmpstr (err, ==, "");
  }
}

static char *
pdf_text (const char *pdf,
          const char *first_page,
          const char *last_page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, "-q", "-f", first_page, "-l", last_page, pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (run (argv, 0, &out, NULL), ==, 0);
  return out;
}

/* The report reads as a document: counts with thousands separated, no
 * login name for an author, a sentence instead of an empty timeline
 * when no claim has a day; an id given twice exports its article once. */
static void
test_report_document (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *tool = NULL;
  g_autofree char *report = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *undated_report = g_build_filename (f->dir, "undated.pdf", NULL);
  g_autofree char *twice = g_build_filename (f->dir, "twice.pdf", NULL);
  g_autofree char *undated = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *table = NULL;
  g_autofree char *root_author = g_strdup_printf ("Prepared by %s ", g_get_user_name ());
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!find_tool ("pdftotext", &tool))
    return;

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "export", "--report",
                                    report, NULL), ==, 0);
  cover = pdf_text (report, "1", "1");
  g_assert_nonnull (strstr (cover, "3 articles"));
  g_assert_null (strstr (cover, root_author));
  table = pdf_text (report, "2", "2");
  g_assert_nonnull (strstr (table, "1,000"));
  g_assert_null (strstr (table, "1000"));
  g_clear_pointer (&err, g_free);

  undated = make_library (f, "undated.db", 3);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", undated, "export", "--report",
                                    undated_report, NULL), ==, 0);
  g_clear_pointer (&table, g_free);
  table = pdf_text (undated_report, "2", "2");
  g_assert_nonnull (strstr (table, "No timeline: none of the 9 claims has a day"));
  g_assert_null (strstr (table, "No claims to show"));
  assert_valid_pdf (f, undated_report, "Fixture article 1");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cc_test_run_cli (&out, &err, "--library", f->library, "export", "--pdf",
                                    twice, "2", "1", "2", "2", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 2 articles to "));
  {
    g_autofree char *text = pdf_text (twice, "1", "99");
    const char *second = strstr (text, "Fixture article 2");

    g_assert_nonnull (second);
    g_assert_null (strstr (second + 1, "Fixture article 2\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export-files/onto-link", Fixture, NULL,
              fixture_set_up, test_onto_link, fixture_tear_down);
  g_test_add ("/export-files/onto-fifo", Fixture, NULL,
              fixture_set_up, test_onto_fifo, fixture_tear_down);
  g_test_add ("/export-files/onto-folder", Fixture, NULL,
              fixture_set_up, test_onto_folder, fixture_tear_down);
  g_test_add ("/export-files/onto-device", Fixture, NULL,
              fixture_set_up, test_onto_device, fixture_tear_down);
  g_test_add ("/export-files/onto-private-file", Fixture, NULL,
              fixture_set_up, test_onto_private_file, fixture_tear_down);
  g_test_add ("/export-files/full-disk", Fixture, NULL,
              fixture_set_up, test_full_disk, fixture_tear_down);

  g_test_add ("/export-files/pdf-tools", Fixture, NULL,
              fixture_set_up, test_pdf_tools, fixture_tear_down);
  g_test_add ("/export-files/pdf-link", Fixture, NULL,
              fixture_set_up, test_pdf_link, fixture_tear_down);
  g_test_add ("/export-files/tints-in-annotations", Fixture, NULL,
              fixture_set_up, test_tints_in_annotations, fixture_tear_down);
  g_test_add ("/export-files/csv-python", Fixture, NULL,
              fixture_set_up, test_csv_python, fixture_tear_down);

  g_test_add ("/export-files/report-document", Fixture, NULL,
              fixture_set_up, test_report_document, fixture_tear_down);
  g_test_add ("/export-files/json-large-number", Fixture, NULL,
              fixture_set_up, test_json_large_number, fixture_tear_down);
  g_test_add ("/export-files/json-refused", Fixture, NULL,
              fixture_set_up, test_json_refused, fixture_tear_down);

  return g_test_run ();
}
