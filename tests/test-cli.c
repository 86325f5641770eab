/* test-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the built `crosscheck` binary as a user would, and checks what it
 * prints, what it returns and what it leaves in the library file. */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cc-article.h"
#include "cc-extractor.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-test-utils.h"

typedef struct
{
  char *dir;
  char *library;
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

static const char *
binary (void)
{
  const char *path = g_getenv ("CROSSCHECK_BINARY");

  g_assert_nonnull (path);
  return path;
}

/* Runs crosscheck with the fixture's library and the given arguments. */
static void
run_cli (Fixture    *f,
         Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  GBytes *out = NULL, *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)binary ());
  if (f != NULL)
    {
      g_ptr_array_add (argv, "--library");
      g_ptr_array_add (argv, f->library);
    }
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_exit_status (proc);
  run->out = g_strndup (g_bytes_get_size (out) ? g_bytes_get_data (out, NULL) : "",
                        g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_size (err) ? g_bytes_get_data (err, NULL) : "",
                        g_bytes_get_size (err));
  g_bytes_unref (out);
  g_bytes_unref (err);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("cc-test-cli-XXXXXX", NULL);
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->library);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *line)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_import_sample_twice (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonParser) meta_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *meta_path = g_build_filename (cc_test_sample_dir (), "meta.json", NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *meta;
  Run run = { 0 };

  run_cli (f, &run, "import", cc_test_sample_dir (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 5 articles"));
  run_clear (&run);

  run_cli (f, &run, "import", cc_test_sample_dir (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "skipped 5 duplicates"));
  g_assert_nonnull (strstr (run.out, "Imported 0 articles"));
  run_clear (&run);

  run_cli (f, &run, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 5);

  /* Titles, outlets and dates are those of meta.json. */
  json_parser_load_from_file (meta_parser, meta_path, &error);
  g_assert_no_error (error);
  meta = json_node_get_array (json_parser_get_root (meta_parser));
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  for (guint i = 0; i < json_array_get_length (meta); i++)
    {
      JsonObject *entry = json_array_get_object_element (meta, i);
      gboolean found = FALSE;

      for (guint j = 0; lines[j] != NULL && !found; j++)
        {
          JsonObject *row = parse_object (parser, lines[j]);

          if (g_strcmp0 (json_object_get_string_member (row, "title"),
                         json_object_get_string_member (entry, "title")) == 0)
            {
              g_assert_cmpstr (json_object_get_string_member (row, "outlet"), ==,
                               json_object_get_string_member (entry, "outlet"));
              g_assert_cmpstr (json_object_get_string_member (row, "published"), ==,
                               json_object_get_string_member (entry, "published"));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
  run_clear (&run);
}

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
integrity (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *in = g_build_filename (f->dir, "in", NULL);
  g_autofree char *check = NULL;
  static const char binary_data[] = "PK\003\004\000\000\001\002binary\000data";
  Run run = { 0 };

  /* A library that already holds the sample must come out intact. */
  run_cli (f, &run, "import", cc_test_sample_dir (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  g_mkdir (in, 0700);
  write_file (in, "good-one.txt", "Protest in the capital\nAbout 20,000 protesters marched.\n", -1);
  write_file (in, "good-two.md", "# Refugees\n\nMore than 3,000 refugees crossed.\n", -1);
  write_file (in, "archive.txt", binary_data, sizeof binary_data);
  write_file (in, "empty.txt", "", 0);
  write_file (in, "latin1.txt", "Caf\xe9 owners said 40 workers \xff left.\n", -1);

  run_cli (f, &run, "import", in, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Imported 2 articles"));
  g_assert_nonnull (strstr (run.out, "refused 3 files"));
  g_assert_nonnull (strstr (run.err, "archive.txt"));
  g_assert_nonnull (strstr (run.err, "binary"));
  g_assert_nonnull (strstr (run.err, "empty.txt"));
  g_assert_nonnull (strstr (run.err, "empty"));
  g_assert_nonnull (strstr (run.err, "latin1.txt"));
  g_assert_nonnull (strstr (run.err, "UTF-8"));
  run_clear (&run);

  run_cli (f, &run, "list", "--json", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 7);
  run_clear (&run);

  check = integrity (f->library);
  g_assert_cmpstr (check, ==, "ok");
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *cases[][3] = {
    { "frobnicate", NULL, NULL },
    { "list", "--bogus", NULL },
    { "show", "abc", NULL },
    { "show", NULL, NULL },
    { "import", NULL, NULL },
    { "extract", "--published", "2024-02-30" },
    { "list", "extra", NULL },
    { "import", "--json", "x" },
  };
  Run run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      run_cli (f, &run, cases[i][0], cases[i][1], cases[i][2], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "crosscheck:"));
      run_clear (&run);
    }

  /* Usage errors never create or touch the library. */
  g_assert_false (g_file_test (f->library, G_FILE_TEST_EXISTS));

  run_cli (NULL, &run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "crosscheck " PACKAGE_VERSION));
  run_clear (&run);

  run_cli (NULL, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "extract"));
  run_clear (&run);

  /* A missing article is refused input, not a usage error. */
  run_cli (f, &run, "show", "999", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
}

static void
test_extract_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *file = g_build_filename (cc_test_sample_dir (), "004_22dfdd3a21497004.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  static const char * const keys[] = {
    "file", "start", "end", "text", "low", "high", "vague", "qualifier", "subject", "claimant",
    "claimant_country", "status", "hedged", "event_date",
  };
  Run run = { 0 };

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  run_cli (NULL, &run, "extract", "--json", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonObject *claim = parse_object (parser, lines[i]);
      gint64 start = json_object_get_int_member (claim, "start");
      gint64 end = json_object_get_int_member (claim, "end");
      const char *p = g_utf8_offset_to_pointer (text, start);
      const char *q = g_utf8_offset_to_pointer (text, end);
      g_autofree char *span = g_strndup (p, q - p);

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (claim, keys[k]));
      g_assert_cmpuint (json_object_get_size (claim), ==, G_N_ELEMENTS (keys));

      /* Offsets are Unicode characters into the file's text. */
      g_assert_cmpstr (span, ==, json_object_get_string_member (claim, "text"));
      g_assert_cmpfloat (json_object_get_double_member (claim, "low"), <=,
                         json_object_get_double_member (claim, "high"));
    }
  run_clear (&run);

  /* A file that cannot be read is named, the others still done. */
  run_cli (NULL, &run, "extract", "--json", "/nonexistent/file.txt", file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "file.txt"));
  g_assert_cmpuint (count_lines (run.out), ==, g_strv_length (lines));
  run_clear (&run);
}

/* `extract` reads a file once: the claims' offsets are characters of the
 * file as it is on disk, byte-order mark and carriage returns included,
 * and the folder's meta.json still gives the day "on Monday" is read
 * against. */
static void
test_extract_file_as_read (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "border.txt", NULL);
  g_autofree char *meta = g_build_filename (f->dir, "meta.json", NULL);
  const char *text = "\xef\xbb\xbfTroops near the border\r\n\r\n"
                     "The defence ministry said on Monday that 10,000 troops had been sent "
                     "to the border.\r\n";
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *claim;
  const char *p, *q;
  g_autofree char *span = NULL;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_true (g_file_set_contents (meta, "[{\"file\": \"border.txt\", "
                                      "\"published\": \"2024-10-18\"}]", -1, NULL));
  run_cli (NULL, &run, "extract", "--json", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);

  claim = parse_object (parser, g_strstrip (run.out));
  p = g_utf8_offset_to_pointer (text, json_object_get_int_member (claim, "start"));
  q = g_utf8_offset_to_pointer (text, json_object_get_int_member (claim, "end"));
  span = g_strndup (p, q - p);
  g_assert_cmpstr (span, ==, "10,000");
  g_assert_cmpstr (json_object_get_string_member (claim, "event_date"), ==, "2024-10-14");
  run_clear (&run);
}

static void
test_search_and_claims (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };

  run_cli (f, &run, "import", cc_test_sample_dir (), NULL);
  run_clear (&run);

  run_cli (f, &run, "search", "Pentagon", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), >=, 1);
  g_assert_cmpuint (count_lines (run.out), <, 5);
  run_clear (&run);

  run_cli (f, &run, "claims", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 10);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonObject *claim = parse_object (parser, lines[i]);

      g_assert_cmpint (json_object_get_int_member (claim, "article_id"), >, 0);
      g_assert_cmpstr (json_object_get_string_member (claim, "origin"), ==, "auto");
    }
  run_clear (&run);

  run_cli (f, &run, "show", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "claims"));
  run_clear (&run);
}

/* Killing an import ------------------------------------------------------ */

#define N_KILL_FILES 2000
/* Killed after so few articles that even a starved poll sees the import
 * still running. */
#define KILL_AFTER 5

static char *
kill_file_text (guint i)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "Report number %u\n", i);
  g_string_append_printf (s, "Officials said about %u,%03u troops were sent, according to "
                             "the ministry of report %u.\n", 1 + i % 90, (i * 37) % 1000, i);
  for (guint k = 0; k < 12; k++)
    g_string_append_printf (s, "Paragraph %u of report %u says that %u civilians left the "
                               "town while %u soldiers stayed behind the line.\n",
                            k, i, 10 + k, 100 + i);
  return g_string_free (s, FALSE);
}

static int
count_articles (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return 0;
    }
  sqlite3_busy_timeout (db, 1000);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_kill_during_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *in = g_build_filename (f->dir, "many", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *check = NULL;
  gint64 deadline;
  int stored = 0;
  Run run = { 0 };

  g_mkdir (in, 0700);
  for (guint i = 0; i < N_KILL_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%04u.txt", i);
      g_autofree char *text = kill_file_text (i);

      write_file (in, name, text, -1);
    }

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           &error, binary (), "--library", f->library, "import", in, NULL);
  g_assert_no_error (error);

  /* Kill it once it has stored some articles, well before the end. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((stored = count_articles (f->library)) < KILL_AFTER && g_get_monotonic_time () < deadline)
    g_usleep (500);
  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (proc));
  g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);
  g_assert_cmpint (stored, >=, KILL_AFTER);

  /* The library opens, is sound, and holds only whole articles: each
   * with its full text and every claim the extractor finds in it. */
  check = integrity (f->library);
  g_assert_cmpstr (check, ==, "ok");
  store = cc_store_new (f->library, &error);
  g_assert_no_error (error);
  articles = cc_store_load_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >=, KILL_AFTER);
  g_assert_cmpuint (articles->len, <, N_KILL_FILES);

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *base = g_path_get_basename (cc_article_get_source_file (article));
      g_autofree char *expected = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      guint n;

      g_assert_true (sscanf (base, "report-%04u.txt", &n) == 1);
      expected = kill_file_text (n);
      /* The title line is the title; trailing blank space is trimmed. */
      g_assert_cmpstr (cc_article_get_text (article), ==, g_strchomp (strchr (expected, '\n') + 1));
      claims = cc_extractor_extract (cc_extractor_get_default (),
                                     cc_article_get_text (article), NULL);
      g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (article)), ==,
                        claims->len);
      g_assert_cmpuint (claims->len, >, 0);
    }
  g_clear_object (&store);

  /* Running the import again finishes the work. */
  run_cli (f, &run, "import", in, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (count_articles (f->library), ==, N_KILL_FILES);
  run_clear (&run);
}

/* `list` lines its columns up by characters: an outlet of many
 * multi-byte characters is cut whole with an ellipsis, never in the middle
 * of a character, and the title column starts at the same place on every
 * line. */
static void
test_list_columns (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  g_autofree char *meta = NULL;
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };
  glong title_at = -1;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (folder, "a.txt", "Rivers rise in the valley\n\n"
                      "About 300 residents left their homes, officials said.\n", -1);
  write_file (folder, "b.txt", "Roads close in the hills\n\n"
                      "Some 40 drivers were stranded, the police said.\n", -1);
  meta = g_strdup ("[{\"file\": \"a.txt\", \"outlet\": \"Українська правда — щоденні новини з регіонів\", "
                   "\"published\": \"2024-10-29\"},"
                   " {\"file\": \"b.txt\", \"outlet\": \"Kyiv Post\", \"published\": \"2024-10-30\"}]");
  write_file (folder, "meta.json", meta, -1);

  run_cli (f, &run, "import", folder, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (f, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  g_assert_nonnull (strstr (run.out, "Українська правда — щоденні…"));
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *title = strstr (lines[i], "R");
      glong at;

      g_assert_nonnull (title);
      at = g_utf8_pointer_to_offset (lines[i], title);
      if (title_at >= 0)
        g_assert_cmpint (at, ==, title_at);
      title_at = at;
    }
  g_assert_cmpint (title_at, >, 0);
  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/import-sample-twice", test_import_sample_twice);
  ADD ("/cli/bad-input", test_bad_input);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/extract-json", test_extract_json);
  ADD ("/cli/extract-file-as-read", test_extract_file_as_read);
  ADD ("/cli/search-and-claims", test_search_and_claims);
  ADD ("/cli/kill-during-import", test_kill_during_import);
  ADD ("/cli/list-columns", test_list_columns);

  return g_test_run ();
}
