/* test-undo.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The undo stack on its own, then every undoable edit of the library:
 * each reaches the models at once, is stored (a second library on the
 * same file sees it), and undo and redo give back exactly the earlier
 * state. Also the re-resolution of claim days when a date changes. */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-undo-stack.h"

typedef struct
{
  char        *dir;
  char        *path;
  CcStore     *store;
  CcLibrary   *library;
  CcUndoStack *undo;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cc-test-undo-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  f->library = cc_library_new (f->store);
  g_assert_true (cc_library_load (f->library, &error));
  f->undo = cc_undo_stack_new ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->undo);
  g_assert_finalize_object (f->library);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A second view of the same file, as after a restart. */
static CcLibrary *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_new (f->path, &error);
  CcLibrary *library;

  g_assert_no_error (error);
  library = cc_library_new (store);
  g_assert_true (cc_library_load (library, &error));
  g_assert_no_error (error);
  return library;
}

static void
import_sample (Fixture *f)
{
  const char *dir = g_getenv ("CROSSCHECK_SAMPLE_DIR");
  const char *paths[] = { dir, NULL };
  g_autoptr(CcImportReport) report = NULL;

  g_assert_nonnull (dir);
  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, >, 0);
}

static CcArticle *
article_with_claims (CcLibrary *library)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (cc_article_get_n_claims (article) >= 2)
        return article;
    }
  g_assert_not_reached ();
  return NULL;
}

static CcClaim *
first_claim (CcArticle *article)
{
  g_autoptr(CcClaim) claim = g_list_model_get_item (cc_article_get_claims (article), 0);

  g_assert_nonnull (claim);
  return claim;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

/* /undo/stack */

typedef struct
{
  int  value;
  int  fail_redo;
  guint n_freed;
} Counter;

static gboolean
increment (gpointer   data,
           GError   **error)
{
  Counter *counter = data;

  if (counter->fail_redo > 0)
    {
      counter->fail_redo--;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }
  counter->value++;
  return TRUE;
}

static gboolean
decrement (gpointer   data,
           GError   **error)
{
  Counter *counter = data;

  counter->value--;
  return TRUE;
}

static void
count_free (gpointer data)
{
  ((Counter *)data)->n_freed++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notify)
{
  (*n_notify)++;
}

static void
test_stack (void)
{
  g_autoptr(CcUndoStack) undo = cc_undo_stack_new ();
  g_autoptr(GError) error = NULL;
  Counter counter = { 0 };
  guint n_can_undo = 0;

  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (count_notify), &n_can_undo);
  g_assert_false (cc_undo_stack_get_can_undo (undo));
  g_assert_false (cc_undo_stack_undo (undo, &error));
  g_assert_no_error (error);

  g_assert_true (cc_undo_stack_run (undo, "One", increment, decrement, &counter, count_free, &error));
  g_assert_true (cc_undo_stack_run (undo, "Two", increment, decrement, &counter, count_free, &error));
  g_assert_cmpint (counter.value, ==, 2);
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_cmpstr (cc_undo_stack_get_undo_label (undo), ==, "Two");
  g_assert_null (cc_undo_stack_get_redo_label (undo));

  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_cmpint (counter.value, ==, 1);
  g_assert_cmpstr (cc_undo_stack_get_undo_label (undo), ==, "One");
  g_assert_cmpstr (cc_undo_stack_get_redo_label (undo), ==, "Two");
  g_assert_true (cc_undo_stack_get_can_redo (undo));

  g_assert_true (cc_undo_stack_redo (undo, &error));
  g_assert_cmpint (counter.value, ==, 2);
  g_assert_false (cc_undo_stack_get_can_redo (undo));

  /* A new edit drops what could be redone. */
  g_assert_true (cc_undo_stack_undo (undo, &error));
  g_assert_true (cc_undo_stack_run (undo, "Three", increment, decrement, &counter, count_free, &error));
  g_assert_cmpuint (counter.n_freed, ==, 1);
  g_assert_false (cc_undo_stack_get_can_redo (undo));

  /* An edit that fails is not pushed, and its data is freed. */
  counter.fail_redo = 1;
  g_assert_false (cc_undo_stack_run (undo, "Four", increment, decrement, &counter, count_free, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (counter.n_freed, ==, 2);
  g_assert_cmpstr (cc_undo_stack_get_undo_label (undo), ==, "Three");

  /* A redo that fails stays to be tried again. */
  g_assert_true (cc_undo_stack_undo (undo, &error));
  counter.fail_redo = 1;
  g_assert_false (cc_undo_stack_redo (undo, &error));
  g_clear_error (&error);
  g_assert_true (cc_undo_stack_get_can_redo (undo));
  g_assert_true (cc_undo_stack_redo (undo, &error));
  g_assert_cmpint (counter.value, ==, 2);

  n_can_undo = 0;
  cc_undo_stack_clear (undo);
  g_assert_false (cc_undo_stack_get_can_undo (undo));
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_cmpuint (counter.n_freed, ==, 4);
}

/* /undo/annotation */

static CcAnnotation *
find_annotation (CcLibrary *library,
                 gint64     article_id,
                 guint      start)
{
  CcArticle *article = cc_library_lookup_article (library, article_id);
  GListModel *annotations;

  g_assert_nonnull (article);
  annotations = cc_article_get_annotations (article);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (cc_annotation_get_start (annotation) == start)
        return annotation;
    }
  return NULL;
}

static void
test_annotation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CcAnnotation) annotation = cc_annotation_new ();
  g_autoptr(CcAnnotation) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcLibrary) other = NULL;
  CcArticle *article;
  GListModel *annotations;
  gint64 article_id;

  import_sample (f);
  article = article_with_claims (f->library);
  article_id = cc_article_get_id (article);
  annotations = cc_article_get_annotations (article);

  cc_annotation_set_start (annotation, 10);
  cc_annotation_set_end (annotation, 30);
  cc_annotation_set_color (annotation, "#f6d32d");
  g_assert_true (cc_undo_stack_add_annotation (f->undo, f->library, article, annotation, &error));
  g_assert_no_error (error);
  g_assert_true (model_contains (annotations, annotation));
  g_assert_cmpstr (cc_undo_stack_get_undo_label (f->undo), ==, "Highlight");

  values = cc_annotation_copy (annotation);
  cc_annotation_set_note (values, "Counts differ from the NIS figure");
  cc_annotation_set_tags (values, "disputed,casualties");
  g_assert_true (cc_undo_stack_update_annotation (f->undo, f->library, annotation, values, &error));
  g_assert_cmpstr (cc_annotation_get_note (annotation), ==, "Counts differ from the NIS figure");

  /* The same values again are no step. */
  g_assert_true (cc_undo_stack_update_annotation (f->undo, f->library, annotation, values, &error));
  g_assert_cmpstr (cc_undo_stack_get_undo_label (f->undo), ==, "Edit Note");

  other = reopen (f);
  {
    CcAnnotation *stored = find_annotation (other, article_id, 10);

    g_assert_nonnull (stored);
    g_assert_cmpstr (cc_annotation_get_note (stored), ==, "Counts differ from the NIS figure");
    g_assert_cmpstr (cc_annotation_get_tags (stored), ==, "disputed,casualties");
  }
  g_clear_object (&other);

  /* Undo the note, then the highlight; redo both. */
  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_null (cc_annotation_get_note (annotation));
  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_false (model_contains (annotations, annotation));
  other = reopen (f);
  g_assert_null (find_annotation (other, article_id, 10));
  g_clear_object (&other);

  g_assert_true (cc_undo_stack_redo (f->undo, &error));
  g_assert_true (cc_undo_stack_redo (f->undo, &error));
  g_assert_no_error (error);
  g_assert_true (model_contains (annotations, annotation));
  g_assert_cmpstr (cc_annotation_get_note (annotation), ==, "Counts differ from the NIS figure");

  /* Deleting, undone, brings back the note and tags. */
  g_assert_true (cc_undo_stack_remove_annotation (f->undo, f->library, annotation, &error));
  g_assert_false (model_contains (annotations, annotation));
  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_true (model_contains (annotations, annotation));

  other = reopen (f);
  {
    CcAnnotation *stored = find_annotation (other, article_id, 10);

    g_assert_nonnull (stored);
    g_assert_cmpstr (cc_annotation_get_note (stored), ==, "Counts differ from the NIS figure");
    g_assert_cmpstr (cc_annotation_get_tags (stored), ==, "disputed,casualties");
  }
}

/* /undo/claim */

static void
test_claim (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) values = NULL;
  g_autoptr(CcClaim) added = cc_claim_new ();
  g_autoptr(CcLibrary) other = NULL;
  GListModel *all;
  CcArticle *article;
  CcClaim *claim;
  CcClaimOrigin origin;
  guint n_all;

  import_sample (f);
  all = cc_library_get_claims (f->library);
  n_all = g_list_model_get_n_items (all);
  article = article_with_claims (f->library);
  claim = first_claim (article);
  origin = cc_claim_get_origin (claim);
  g_assert_true (model_contains (all, claim));

  /* Not a Claim leaves the flattened model at once; undo restores it, and
   * its origin with it. */
  g_assert_true (cc_undo_stack_set_claim_rejected (f->undo, f->library, claim, TRUE, &error));
  g_assert_false (model_contains (all, claim));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all - 1);
  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_true (model_contains (all, claim));
  g_assert_cmpint (cc_claim_get_origin (claim), ==, origin);
  g_assert_true (cc_undo_stack_redo (f->undo, &error));
  g_assert_false (model_contains (all, claim));
  g_assert_true (cc_undo_stack_undo (f->undo, &error));

  /* A correction makes the claim the user's; undo gives back all. */
  values = cc_claim_copy (claim);
  cc_claim_set_low (values, 1234);
  cc_claim_set_high (values, 2345);
  cc_claim_set_claimant (values, "A corrected claimant");
  cc_claim_set_claimant_country (values, "Poland");
  cc_claim_set_event_date (values, "2024-01-02");
  g_assert_true (cc_undo_stack_save_claim (f->undo, f->library, claim, values, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cc_claim_get_low (claim), ==, 1234);
  g_assert_cmpint (cc_claim_get_origin (claim), ==, CC_CLAIM_ORIGIN_USER);

  other = reopen (f);
  {
    CcArticle *stored_article = cc_library_lookup_article (other, cc_article_get_id (article));
    CcClaim *stored = first_claim (stored_article);

    g_assert_cmpstr (cc_claim_get_claimant (stored), ==, "A corrected claimant");
    g_assert_cmpfloat (cc_claim_get_high (stored), ==, 2345);
    g_assert_cmpstr (cc_claim_get_event_date (stored), ==, "2024-01-02");
  }
  g_clear_object (&other);

  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_cmpstr (cc_claim_get_claimant (claim), !=, "A corrected claimant");
  g_assert_cmpint (cc_claim_get_origin (claim), ==, origin);

  /* A claim added from a selection; undo deletes it. */
  cc_claim_set_start (added, 0);
  cc_claim_set_end (added, 5);
  cc_claim_set_text (added, "added");
  cc_claim_set_low (added, 7);
  cc_claim_set_high (added, 7);
  g_assert_true (cc_undo_stack_add_claim (f->undo, f->library, article, added, &error));
  g_assert_true (model_contains (all, added));
  g_assert_cmpint (cc_claim_get_origin (added), ==, CC_CLAIM_ORIGIN_USER);
  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_false (model_contains (all, added));
  g_assert_false (model_contains (cc_article_get_claims (article), added));
  other = reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (other)), ==, n_all);
  g_clear_object (&other);
  g_assert_true (cc_undo_stack_redo (f->undo, &error));
  g_assert_true (model_contains (all, added));
  g_assert_no_error (error);
}

/* /undo/article-date */

static CcArticle *
import_text (Fixture    *f,
             const char *text,
             const char *published)
{
  g_autofree char *folder = g_build_filename (f->dir, "story", NULL);
  g_autofree char *file = g_build_filename (folder, "story.txt", NULL);
  g_autofree char *meta = g_build_filename (folder, "meta.json", NULL);
  g_autofree char *meta_text = NULL;
  g_autoptr(CcImportReport) report = NULL;
  const char *paths[] = { folder, NULL };

  meta_text = g_strdup_printf ("[{\"file\": \"story.txt\", \"title\": \"A story\", "
                               "\"published\": \"%s\"}]", published);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_true (g_file_set_contents (meta, meta_text, -1, NULL));

  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);
  return g_list_model_get_item (G_LIST_MODEL (f->library), 0);
}

static void
test_article_date (Fixture       *f,
                   gconstpointer  data)
{
  /* Built here rather than taken from the sample, so the days asked for
   * follow from the weekday rules alone; each day dates its statement. */
  static const char text[] =
    "A story\n"
    "The defence ministry said on Thursday that 3,000 soldiers had been sent to the border.\n"
    "Officials said yesterday that another 500 troops had arrived in Kursk.\n";
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) typed = NULL;
  g_autoptr(CcClaim) values = NULL;
  GListModel *claims;
  CcExtractor *extractor = cc_extractor_get_default ();
  g_autofree char *expected_first = NULL;
  g_autofree char *expected_second = NULL;
  g_autofree char *moved_first = NULL;

  article = import_text (f, text, "2024-10-18");
  claims = cc_article_get_claims (article);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);

  /* The resolver agrees with the extraction it repeats. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *date = cc_extractor_resolve_date (extractor, text, cc_claim_get_start (claim),
                                                         "2024-10-18");

      g_assert_cmpstr (date, ==, cc_claim_get_event_date (claim));
    }

  /* Friday 18 October 2024: Thursday is the 17th, yesterday too. */
  {
    g_autoptr(CcClaim) first = g_list_model_get_item (claims, 0);
    g_autoptr(CcClaim) second = g_list_model_get_item (claims, 1);

    g_assert_cmpstr (cc_claim_get_event_date (first), ==, "2024-10-17");
    g_assert_cmpstr (cc_claim_get_event_date (second), ==, "2024-10-17");
    expected_first = cc_extractor_resolve_date (extractor, text, cc_claim_get_start (first), "2024-10-29");
    expected_second = cc_extractor_resolve_date (extractor, text, cc_claim_get_start (second), "2024-10-29");
    g_assert_cmpstr (expected_first, ==, "2024-10-24");
    g_assert_cmpstr (expected_second, ==, "2024-10-28");

    /* The user typed the second claim's day: it stays. */
    typed = g_object_ref (second);
    values = cc_claim_copy (second);
    cc_claim_set_event_date (values, "2024-10-01");
    g_assert_true (cc_undo_stack_save_claim (f->undo, f->library, second, values, &error));
    g_assert_no_error (error);
  }

  /* A bad date is refused and changes nothing. */
  g_assert_false (cc_undo_stack_update_article (f->undo, f->library, article,
                                                NULL, NULL, NULL, "2024-13-40", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-10-18");

  g_assert_true (cc_undo_stack_update_article (f->undo, f->library, article,
                                               "A new title", NULL, NULL, "2024-10-29", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cc_article_get_title (article), ==, "A new title");
  {
    g_autoptr(CcClaim) first = g_list_model_get_item (claims, 0);

    moved_first = g_strdup (cc_claim_get_event_date (first));
    g_assert_cmpstr (moved_first, ==, expected_first);
    g_assert_cmpstr (cc_claim_get_event_date (typed), ==, "2024-10-01");
  }

  /* Stored: another library on the file sees the new days. */
  {
    g_autoptr(CcLibrary) other = reopen (f);
    CcArticle *stored = cc_library_lookup_article (other, cc_article_get_id (article));
    g_autoptr(CcClaim) first = g_list_model_get_item (cc_article_get_claims (stored), 0);

    g_assert_cmpstr (cc_article_get_published (stored), ==, "2024-10-29");
    g_assert_cmpstr (cc_claim_get_event_date (first), ==, expected_first);
  }

  /* Undo moves the date and the days back. */
  g_assert_true (cc_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cc_article_get_title (article), ==, "A story");
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-10-18");
  {
    g_autoptr(CcClaim) first = g_list_model_get_item (claims, 0);

    g_assert_cmpstr (cc_claim_get_event_date (first), ==, "2024-10-17");
    g_assert_cmpstr (cc_claim_get_event_date (typed), ==, "2024-10-01");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/stack", test_stack);
  g_test_add ("/undo/annotation", Fixture, NULL, fixture_set_up, test_annotation, fixture_tear_down);
  g_test_add ("/undo/claim", Fixture, NULL, fixture_set_up, test_claim, fixture_tear_down);
  g_test_add ("/undo/article-date", Fixture, NULL, fixture_set_up, test_article_date,
              fixture_tear_down);

  return g_test_run ();
}
