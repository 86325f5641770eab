/* test-stories.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stories: the command line scoping every command to one story, the
 * story commands, the JSON round trip with stories, deleting articles
 * (with `remove`, and as an undoable step), and the migration that puts
 * the articles of an older library into one story. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <sqlite3.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-store-private.h"
#include "cc-story.h"
#include "cc-test-utils.h"
#include "cc-undo-stack.h"

#define SAMPLE_STORY "North Korean troops in Russia, October 2024"
#define OTHER_STORY  "Other coverage"

typedef struct
{
  char *dir;
  char *library;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("cc-test-stories-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
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

/* Another story than the sample's: ../shared/corpus-dev when present,
 * else two short reports of an earthquake written for this test. */
static char *
other_story_dir (Fixture *f)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "..", "..", "shared",
                                                   "corpus-dev", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_file_test (corpus, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&corpus);

  g_test_message ("../shared/corpus-dev is absent: using the test's own earthquake reports");
  dir = g_build_filename (f->dir, "quake", NULL);
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

/* The text of every page of a PDF, read with poppler, and its title. */
static char *
pdf_text (const char  *path,
          char       **title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *title = poppler_document_get_title (document);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* The ids of the articles of each story, from `story list --json`. */
static GHashTable *
story_members (Fixture    *f,
               const char *title)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *ids = NULL;

  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "story", "list",
                                    "--json", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;
      JsonArray *articles;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member (object, "title"), title) != 0)
        continue;
      g_assert_null (ids);
      ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      articles = json_object_get_array_member (object, "articles");
      for (guint j = 0; j < json_array_get_length (articles); j++)
        {
          gint64 id = json_array_get_int_element (articles, j);
          g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
        }
    }
  g_assert_nonnull (ids);
  return ids;
}

static void
import_two_stories (Fixture *f)
{
  g_autofree char *other = other_story_dir (f);
  g_autofree char *out = NULL;
  int status;

  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "import",
                                    "--story", SAMPLE_STORY, cc_test_sample_dir (), NULL), ==, 0);
  /* corpus-dev holds a README and its gold claims beside the articles:
   * the import refuses those, and says so with status 1. */
  status = cc_test_run_cli (&out, NULL, "--library", f->library, "import", "--story",
                            OTHER_STORY, other, NULL);
  g_assert_true (status == 0 || status == 1);
  g_assert_true (g_str_has_prefix (out, "Imported "));
}

static void
test_cli_scope (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) sample = NULL;
  g_autoptr(GHashTable) other = NULL;
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *report = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *chart = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *report_text = NULL;
  g_autofree char *report_title = NULL;
  g_autoptr(GPtrArray) other_titles = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_claims = 0;
  guint n_clusters = 0;

  import_two_stories (f);
  sample = story_members (f, SAMPLE_STORY);
  other = story_members (f, OTHER_STORY);
  g_assert_cmpuint (g_hash_table_size (sample), ==, 5);
  g_assert_cmpuint (g_hash_table_size (other), >=, 2);
  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_false (g_hash_table_contains (sample, key));

  /* list and claims keep to the story. */
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "list", "--story",
                                    SAMPLE_STORY, NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 5);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "claims", "--json",
                                    "--story", SAMPLE_STORY, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gint64 id;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      id = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                       "article_id");
      g_assert_true (g_hash_table_contains (sample, &id));
      n_claims++;
    }
  g_assert_cmpuint (n_claims, >, 10);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);

  /* compare: every mention from the story, every conflict within it. */
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "compare", "--json",
                                    "--story", SAMPLE_STORY, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    n_clusters++;
  g_assert_cmpuint (n_clusters, >, 3);
  for (guint i = 0; i < n_clusters; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *cluster;
      JsonArray *mentions, *conflicts;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      cluster = json_node_get_object (json_parser_get_root (parser));
      mentions = json_object_get_array_member (cluster, "mentions");
      for (guint j = 0; j < json_array_get_length (mentions); j++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (mentions, j),
                                                  "article_id");
          g_assert_true (g_hash_table_contains (sample, &id));
        }
      conflicts = json_object_get_array_member (cluster, "conflicts_with");
      for (guint j = 0; j < json_array_get_length (conflicts); j++)
        {
          gint64 other_id = json_array_get_int_element (conflicts, j);
          g_assert_cmpint (other_id, >=, 1);
          g_assert_cmpint (other_id, <=, n_clusters);
        }
    }
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);

  /* The other story's titles, to look for. */
  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *show = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *)key);

      g_assert_cmpint (cc_test_run_cli (&show, NULL, "--library", f->library, "show", id, NULL),
                       ==, 0);
      *strchr (show, '\n') = '\0';
      g_ptr_array_add (other_titles, g_steal_pointer (&show));
    }

  /* CSV: one row per claim of the story, and none of the other's. */
  g_assert_cmpint (cc_test_run_cli (&csv, NULL, "--library", f->library, "export", "--csv",
                                    "-", "--story", SAMPLE_STORY, NULL), ==, 0);
  g_assert_cmpuint (count_lines (csv), ==, n_claims + 1);
  for (guint i = 0; i < other_titles->len; i++)
    g_assert_null (strstr (csv, g_ptr_array_index (other_titles, i)));

  /* The report: the story's title on its cover, no article of the other
   * story, and as many claims in its cluster table as compare found. */
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "export", "--report",
                                    report, "--story", SAMPLE_STORY, NULL), ==, 0);
  report_text = pdf_text (report, &report_title);
  g_assert_cmpstr (report_title, ==, SAMPLE_STORY);
  for (guint i = 0; i < other_titles->len; i++)
    {
      g_autofree char *start = g_strndup (g_ptr_array_index (other_titles, i), 30);

      g_assert_null (strstr (report_text, start));
    }

  /* The chart is drawn from the story alone. */
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "chart", "--output",
                                    chart, "--story", OTHER_STORY, NULL), ==, 0);

  /* A story that does not exist is refused, naming it. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, &out, "--library", f->library, "list", "--story",
                                    "No such story", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "No such story"));
}

static void
test_story_commands (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) members = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 one = 1, two = 2;

  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "import",
                                    cc_test_sample_dir (), NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "story", "new",
                                    "Drafts", "--description", "To read", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Drafts"));
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "story", "add",
                                    "drafts", "1", "2", "3", NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "story", "remove",
                                    "Drafts", "3", NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "story", "rename",
                                    "Drafts", "Read first", NULL), ==, 0);
  members = story_members (f, "Read first");
  g_assert_cmpuint (g_hash_table_size (members), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "show", "--json", "1",
                                    NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"stories\":[\"Read first\"]"));
  g_assert_true (g_hash_table_contains (members, &one));
  g_assert_true (g_hash_table_contains (members, &two));

  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "story", "add",
                                    "Read first", "4", "77", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "77"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "story", "new",
                                    "   ", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "title"));

  /* Deleting the story keeps its articles. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "story", "delete",
                                    "Read first", NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "story", "list",
                                    NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "list", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 5);

  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "show", "--story",
                                    "x", "1", NULL), ==, 2);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.json", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *stories = NULL;

  import_two_stories (f);
  /* One article in both stories. */
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "story", "add",
                                    OTHER_STORY, "2", NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "export", "--json",
                                    first, NULL), ==, 0);
  a = read_file (first);
  g_assert_nonnull (strstr (a, "\"stories\" : [\n        \"" SAMPLE_STORY "\",\n        \""
                               OTHER_STORY "\"\n      ]"));

  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", copy, "import", first, NULL), ==, 0);
  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", copy, "export", "--json", second,
                                    NULL), ==, 0);
  b = read_file (second);
  g_assert_cmpstr (a, ==, b);

  g_assert_cmpint (cc_test_run_cli (&stories, NULL, "--library", copy, "story", "list", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (stories, SAMPLE_STORY));
  g_assert_nonnull (strstr (stories, OTHER_STORY));
}

static void
test_cli_remove (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *claims = NULL;

  g_assert_cmpint (cc_test_run_cli (NULL, NULL, "--library", f->library, "import", "--story",
                                    SAMPLE_STORY, cc_test_sample_dir (), NULL), ==, 0);

  /* An unknown id is named, and nothing is removed. */
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "remove", "1", "9999",
                                    NULL), ==, 1);
  g_assert_nonnull (strstr (err, "9999"));
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "list", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 5);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cc_test_run_cli (NULL, &err, "--library", f->library, "remove", "one",
                                    NULL), ==, 2);

  /* Washington Post, article 3: its claims and its words leave too. */
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "search",
                                    "Washington Post", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "   3  "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "remove", "3", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "search",
                                    "Washington Post", NULL), ==, 0);
  g_assert_null (strstr (out, "   3  "));
  g_assert_cmpint (cc_test_run_cli (&claims, NULL, "--library", f->library, "claims", "--json",
                                    NULL), ==, 0);
  g_assert_null (strstr (claims, "\"article_id\":3,"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", f->library, "story", "list", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "    4  " SAMPLE_STORY));
}

static CcLibrary *
open_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (path, &error);
  g_autoptr(CcLibrary) library = NULL;

  g_assert_no_error (error);
  library = cc_library_new (store);
  cc_library_load (library, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&library);
}

static void
test_undo_remove (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CcLibrary) library = open_library (f->library);
  g_autoptr(CcLibrary) reopened = NULL;
  g_autoptr(CcUndoStack) undo = cc_undo_stack_new ();
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(CcClaim) rejected = NULL;
  g_autoptr(CcClaim) corrected = NULL;
  g_autoptr(CcClaim) values = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { cc_test_sample_dir (), NULL };
  CcArticle *again;
  CcStory *story;
  guint n_claims, n_all_claims, n_articles;
  gint64 old_id;

  story = cc_library_add_story (library, SAMPLE_STORY, NULL, &error);
  g_assert_no_error (error);
  report = cc_library_import_into (library, paths, story, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 5);
  g_assert_cmpuint (report->article_ids->len, ==, 5);
  g_assert_cmpuint (cc_story_get_n_articles (story), ==, 5);

  article = g_list_model_get_item (G_LIST_MODEL (library), 0);
  old_id = cc_article_get_id (article);
  n_claims = g_list_model_get_n_items (cc_article_get_claims (article));
  g_assert_cmpuint (n_claims, >=, 2);
  rejected = g_list_model_get_item (cc_article_get_claims (article), 0);
  corrected = g_list_model_get_item (cc_article_get_claims (article), 1);
  g_assert_true (cc_undo_stack_set_claim_rejected (undo, library, rejected, TRUE, &error));
  values = cc_claim_copy (corrected);
  cc_claim_set_claimant (values, "A corrected claimant");
  g_assert_true (cc_undo_stack_save_claim (undo, library, corrected, values, &error));
  cc_annotation_set_start (note, 0);
  cc_annotation_set_end (note, 5);
  cc_annotation_set_note (note, "Check this");
  g_assert_true (cc_undo_stack_add_annotation (undo, library, article, note, &error));
  g_assert_no_error (error);

  n_articles = g_list_model_get_n_items (G_LIST_MODEL (library));
  n_all_claims = g_list_model_get_n_items (cc_library_get_claims (library));

  g_ptr_array_add (chosen, article);
  g_assert_true (cc_undo_stack_remove_articles (undo, library, chosen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_articles - 1);
  g_assert_null (cc_library_lookup_article (library, old_id));
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==,
                    n_all_claims - (n_claims - 1));
  g_assert_cmpuint (cc_story_get_n_articles (story), ==, 4);
  found = cc_store_search (cc_library_get_store (library), cc_article_get_outlet (article),
                           &error);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (g_array_index (found, gint64, i), !=, old_id);
  g_clear_pointer (&found, g_array_unref);

  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_articles);
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==, n_all_claims);
  g_assert_true (cc_library_lookup_article (library, cc_article_get_id (article)) == article);
  g_assert_true (cc_story_contains (story, cc_article_get_id (article)));
  found = cc_store_search (cc_library_get_store (library), cc_article_get_outlet (article),
                           &error);
  g_assert_true (found->len > 0);

  /* What is stored, read again: the rejection, the correction, the note. */
  reopened = open_library (f->library);
  again = cc_library_lookup_article (reopened, cc_article_get_id (article));
  g_assert_nonnull (again);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (again)), ==, n_claims);
  {
    g_autoptr(CcClaim) first = g_list_model_get_item (cc_article_get_claims (again), 0);
    g_autoptr(CcClaim) second = g_list_model_get_item (cc_article_get_claims (again), 1);
    g_autoptr(CcAnnotation) annotation = g_list_model_get_item (cc_article_get_annotations (again), 0);
    CcStory *story_again = cc_library_find_story (reopened, SAMPLE_STORY);

    g_assert_true (cc_claim_get_rejected (first));
    g_assert_cmpstr (cc_claim_get_claimant (second), ==, "A corrected claimant");
    g_assert_cmpint (cc_claim_get_origin (second), ==, CC_CLAIM_ORIGIN_USER);
    g_assert_cmpstr (cc_annotation_get_note (annotation), ==, "Check this");
    g_assert_true (cc_story_contains (story_again, cc_article_get_id (again)));
  }

  /* Redo deletes it again; the earlier edits still undo after that. */
  g_assert_true (cc_undo_stack_redo (undo, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_articles - 1);
  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_annotations (article)), ==, 0);
}

/* Renaming and deleting a story, undone, as stored. */
static void
test_undo_story_edits (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CcLibrary) library = open_library (f->library);
  g_autoptr(CcUndoStack) undo = cc_undo_stack_new ();
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { cc_test_sample_dir (), NULL };
  CcStory *story;

  story = cc_library_add_story (library, "Draft", NULL, &error);
  g_assert_no_error (error);
  report = cc_library_import_into (library, paths, story, NULL, NULL, NULL);
  g_assert_cmpuint (cc_story_get_n_articles (story), ==, 5);

  g_assert_true (cc_undo_stack_rename_story (undo, library, story, SAMPLE_STORY, &error));
  g_assert_true (cc_undo_stack_remove_story (undo, library, story, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CcLibrary) reopened = open_library (f->library);

    g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_stories (reopened)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 5);
  }

  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  g_assert_true (cc_library_find_story (library, SAMPLE_STORY) == story);
  {
    g_autoptr(CcLibrary) reopened = open_library (f->library);
    CcStory *again = cc_library_find_story (reopened, SAMPLE_STORY);

    g_assert_nonnull (again);
    g_assert_cmpuint (cc_story_get_n_articles (again), ==, 5);
  }

  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_cmpstr (cc_story_get_title (story), ==, "Draft");
  {
    g_autoptr(CcLibrary) reopened = open_library (f->library);

    g_assert_nonnull (cc_library_find_story (reopened, "Draft"));
  }
}

/* The plan SQLite makes for @sql: the membership queries of a large
 * library must use an index, never a scan of the table. */
static char *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (plan, (const char *)sqlite3_column_text (stmt, 3));
      g_string_append_c (plan, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

static void
test_indexed_membership (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CcLibrary) library = open_library (f->library);
  const char *queries[] = {
    "SELECT story_id FROM story_articles WHERE article_id = 1 ORDER BY story_id",
    "SELECT article_id FROM story_articles WHERE story_id = 1",
    "DELETE FROM story_articles WHERE story_id = 1 AND article_id = 2",
    "DELETE FROM story_articles WHERE article_id = 2",
    "SELECT id FROM stories WHERE title = 'x' ORDER BY id LIMIT 1",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *plan = query_plan (db, queries[i]);

      g_test_message ("%s\n  %s", queries[i], plan);
      g_assert_null (strstr (plan, "SCAN"));
      g_assert_nonnull (strstr (plan, "USING"));
    }
  sqlite3_close (db);
}

/* A mirror of a list model kept by its items-changed alone: what a view
 * sees. */
static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListStore *mirror)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, position + i));
  g_list_store_splice (mirror, position, removed, items->pdata, items->len);
}

/* Deleting articles scattered over many ranges of the library keeps the
 * models and what their signals said the same. */
static void
test_remove_scattered (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GListStore) mirror = g_list_store_new (CC_TYPE_ARTICLE);
  g_autoptr(GListStore) claims_mirror = g_list_store_new (CC_TYPE_CLAIM);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(CcRemovedArticles) removed = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "many", NULL);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { dir, NULL };
  guint n, n_claims = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/report-%02u.txt", dir, i);
      g_autofree char *text = g_strdup_printf ("Report %u\n\nOfficials said %u soldiers were "
                                               "sent to the front on Monday.\n", i, 100 + i);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }

  library = open_library (f->library);
  report = cc_library_import (library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 80);
  n = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_list_store_append (mirror, article);
      if (i % 2 == 1)
        g_ptr_array_add (doomed, article);
    }
  for (guint i = 0; i < g_list_model_get_n_items (cc_library_get_claims (library)); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (cc_library_get_claims (library), i);
      g_list_store_append (claims_mirror, claim);
    }
  g_signal_connect (library, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
  g_signal_connect (cc_library_get_claims (library), "items-changed",
                    G_CALLBACK (mirror_items_changed_cb), claims_mirror);

  removed = cc_library_remove_articles (library, doomed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cc_removed_articles_get_articles (removed)->len, ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mirror)), ==, 40);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CcArticle) a = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autoptr(CcArticle) b = g_list_model_get_item (G_LIST_MODEL (mirror), i);

      g_assert_true (a == b);
      g_assert_false (g_ptr_array_find (doomed, a, NULL));
      n_claims += cc_article_get_n_claims (a);
    }
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==, n_claims);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (claims_mirror)), ==, n_claims);

  g_assert_true (cc_library_restore_articles (library, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 80);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mirror)), ==, 80);
  g_signal_handlers_disconnect_by_data (library, mirror);
  g_signal_handlers_disconnect_by_data (cc_library_get_claims (library), claims_mirror);
}

/* A library of schema 2, made as that version made it. */
static void
make_schema_2 (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _cc_store_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _cc_store_migrations[1], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 2;"
    "INSERT INTO articles (id, title, outlet, text, text_hash, imported, extractor_version) VALUES"
    " (1, 'Troops sent', 'Outlet A', 'Officials said 1,500 troops were sent.', 'h1', 1, 3),"
    " (2, 'Troops training', 'Outlet B', 'About 3,000 soldiers are training.', 'h2', 2, 3);"
    "INSERT INTO claims (article_id, start, end, text, low, high, subject, status, origin,"
    " rejected, extractor_version) VALUES"
    " (1, 14, 19, '1,500', 1500, 1500, 'troops', 'sent', 'auto', 0, 3),"
    " (1, 14, 19, '1,500', 1500, 1500, 'troops', 'deployed', 'user', 0, 3),"
    " (2, 6, 11, '3,000', 3000, 3000, 'soldiers', 'training', 'auto', 1, 3);"
    "INSERT INTO annotations (article_id, start, end, color, note, tags, created, modified)"
    " VALUES (2, 0, 5, '#ffcc00', 'Which officials?', 'disputed', 10, 11);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GArray) found = NULL;
  GListModel *stories;
  g_autoptr(CcStory) story = NULL;
  CcArticle *a, *b;

  make_schema_2 (f->library);
  library = open_library (f->library);
  g_assert_cmpint (cc_store_get_schema_version (cc_library_get_store (library)), ==,
                   CC_STORE_SCHEMA_VERSION);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  a = cc_library_lookup_article (library, 1);
  b = cc_library_lookup_article (library, 2);
  g_assert_cmpstr (cc_article_get_title (a), ==, "Troops sent");
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (a)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (b)), ==, 1);
  {
    g_autoptr(CcClaim) user = g_list_model_get_item (cc_article_get_claims (a), 1);
    g_autoptr(CcClaim) rejected = g_list_model_get_item (cc_article_get_claims (b), 0);
    g_autoptr(CcAnnotation) note = g_list_model_get_item (cc_article_get_annotations (b), 0);

    g_assert_cmpint (cc_claim_get_origin (user), ==, CC_CLAIM_ORIGIN_USER);
    g_assert_cmpint (cc_claim_get_status (user), ==, CC_CLAIM_STATUS_DEPLOYED);
    g_assert_true (cc_claim_get_rejected (rejected));
    g_assert_cmpstr (cc_annotation_get_note (note), ==, "Which officials?");
    g_assert_cmpstr (cc_annotation_get_tags (note), ==, "disputed");
  }

  /* Both in one story, named after the library file. */
  stories = cc_library_get_stories (library);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  story = g_list_model_get_item (stories, 0);
  g_assert_cmpstr (cc_story_get_title (story), ==, "Library");
  g_assert_cmpuint (cc_story_get_n_articles (story), ==, 2);
  g_assert_true (cc_story_contains (story, 1));
  g_assert_true (cc_story_contains (story, 2));

  found = cc_store_search (cc_library_get_store (library), "soldiers", NULL);
  g_assert_cmpuint (found->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/stories/cli-scope", test_cli_scope);
  ADD ("/stories/story-commands", test_story_commands);
  ADD ("/stories/json-round-trip", test_json_round_trip);
  ADD ("/stories/cli-remove", test_cli_remove);
  ADD ("/stories/undo-remove", test_undo_remove);
  ADD ("/stories/migration", test_migration);
  ADD ("/stories/remove-scattered", test_remove_scattered);
  ADD ("/stories/undo-story-edits", test_undo_story_edits);
  ADD ("/stories/indexed-membership", test_indexed_membership);
#undef ADD

  return g_test_run ();
}
