/* test-export-data.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's data leaving the app: the JSON export read back by
 * importing it into an empty library and exporting again, byte for byte,
 * and the claims as CSV read back with an RFC 4180 reader. Both through
 * the command line, on the sample with notes and edits made through the
 * library. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-test-utils.h"

typedef struct
{
  char      *dir;
  char      *library_path;
  CcStore   *store;
  CcLibrary *library;
  GPtrArray *notes;      /* the notes added, as written */
} Fixture;

/* Runs crosscheck on @library, which must succeed without a word on
 * the standard error. */
#define run_ok(library, ...) G_STMT_START {                                        \
    g_autofree char *err_ = NULL;                                               \
    g_assert_cmpint (cc_test_run_cli (NULL, &err_, "--library", (library), __VA_ARGS__), \
                     ==, 0);                                                    \
    g_assert_cmpstr (err_, ==, "");                                             \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcImportReport) report = NULL;
  const char *paths[] = { cc_test_sample_dir (), NULL };

  f->dir = g_dir_make_tmp ("crosscheck-export-data-XXXXXX", &error);
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
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), >, 1);

  /* In each article, a note written over two lines with quotes in it,
   * as the reader adds it, and a highlight with tags and no note. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
      g_autoptr(CcAnnotation) noted = cc_annotation_new ();
      g_autoptr(CcAnnotation) tagged = cc_annotation_new ();
      char *note = g_strdup_printf ("Article %u: the \"official\" count,\nnot the estimate", i);

      cc_annotation_set_start (noted, 5 + i);
      cc_annotation_set_end (noted, 40 + i);
      cc_annotation_set_color (noted, "#99c1f1");
      cc_annotation_set_note (noted, note);
      g_assert_true (cc_library_add_annotation (f->library, article, noted, &error));
      g_assert_no_error (error);
      g_ptr_array_add (f->notes, note);

      cc_annotation_set_start (tagged, 60);
      cc_annotation_set_end (tagged, 90);
      cc_annotation_set_tags (tagged, "numbers,sourcing");
      g_assert_true (cc_library_add_annotation (f->library, article, tagged, &error));
      g_assert_no_error (error);
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

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.json", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) claim = NULL;
  g_autoptr(CcClaim) rejected = NULL;
  g_autofree char *out = NULL;

  /* A claim the user corrected and one they rejected travel too. */
  claim = g_list_model_get_item (cc_library_get_claims (f->library), 0);
  rejected = g_list_model_get_item (cc_library_get_claims (f->library), 1);
  cc_claim_set_claimant (claim, "A corrected claimant");
  g_assert_true (cc_library_save_claim (f->library, claim, &error));
  g_assert_no_error (error);
  g_assert_true (cc_library_set_claim_rejected (f->library, rejected, TRUE, &error));
  g_assert_no_error (error);

  run_ok (f->library_path, "export", "--json", first, NULL);
  run_ok (empty, "import", first, NULL);
  run_ok (empty, "export", "--json", second, NULL);

  g_file_get_contents (first, &first_data, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (second, &second_data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_data, ==, second_data);

  g_assert_nonnull (strstr (first_data, "A corrected claimant"));
  g_assert_nonnull (strstr (first_data, "\"rejected\" : true"));
  g_assert_nonnull (strstr (first_data, "numbers,sourcing"));
  for (guint i = 0; i < f->notes->len; i++)
    {
      g_autofree char *escaped = g_strescape (g_ptr_array_index (f->notes, i), NULL);

      g_assert_nonnull (strstr (first_data, escaped));
    }

  /* To the standard output, the same document. */
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library_path,
                                    "export", "--json", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, first_data);
}

/* A small RFC 4180 reader: records of fields. */
static GPtrArray *
parse_csv (const char *data)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = data;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          /* A bare line feed or quote outside a quoted field is an error. */
          g_assert_cmpint (*p, !=, '\n');
          g_assert_cmpint (*p, !=, '"');
          g_string_append_c (field, *p++);
        }
    }

  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);

  return records;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "claims.csv", NULL);
  g_autofree char *csv_data = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) claim = NULL;
  const char *tricky = "The \"ministry\", in a statement,\nthen on TV";
  gboolean found = FALSE;
  GPtrArray *header;

  claim = g_list_model_get_item (cc_library_get_claims (f->library), 2);
  cc_claim_set_claimant (claim, tricky);
  g_assert_true (cc_library_save_claim (f->library, claim, &error));
  g_assert_no_error (error);

  run_ok (f->library_path, "export", "--csv", csv, NULL);

  g_file_get_contents (csv, &csv_data, NULL, &error);
  g_assert_no_error (error);
  records = parse_csv (csv_data);
  g_assert_cmpuint (records->len, ==, count_claims (f) + 1);

  header = g_ptr_array_index (records, 0);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "article");
  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (record->len, ==, header->len);
      if (i > 0 && g_strcmp0 (g_ptr_array_index (record, 12), tricky) == 0)
        found = TRUE;
    }
  g_assert_cmpstr (g_ptr_array_index (header, 12), ==, "claimant");
  g_assert_true (found);

  /* Every claim, with its value, in the order of the articles. */
  for (guint i = 0; i < count_claims (f); i++)
    {
      g_autoptr(CcClaim) c = g_list_model_get_item (cc_library_get_claims (f->library), i);
      GPtrArray *record = g_ptr_array_index (records, i + 1);

      g_assert_cmpstr (g_ptr_array_index (record, 6), ==, cc_claim_get_text (c));
      g_assert_cmpfloat (g_ascii_strtod (g_ptr_array_index (record, 8), NULL), ==,
                         cc_claim_get_low (c));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/json-round-trip", Fixture, NULL,
              fixture_set_up, test_json_round_trip, fixture_tear_down);
  g_test_add ("/export/csv", Fixture, NULL,
              fixture_set_up, test_csv, fixture_tear_down);

  return g_test_run ();
}
