/* test-library.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-library-private.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-test-utils.h"

typedef struct
{
  char      *dir;
  char      *path;
  CcStore   *store;
  CcLibrary *library;
} Fixture;

/* What a view sees: every items-changed, replayed on a mirror list. */
typedef struct
{
  GPtrArray *mirror;
  guint      n_signals;
  guint      n_notify;
} View;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  View       *view)
{
  view->n_signals++;
  g_ptr_array_remove_range (view->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (view->mirror, position + i, item);
      g_object_unref (item);
    }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           View       *view)
{
  view->n_notify++;
}

static void
view_attach (View       *view,
             GListModel *model)
{
  view->mirror = g_ptr_array_new ();
  view->n_signals = view->n_notify = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), view);
  on_items_changed (model, 0, 0, g_list_model_get_n_items (model), view);
  view->n_signals = 0;
}

static void
view_assert_mirrors (View       *view,
                     GListModel *model)
{
  g_assert_cmpuint (view->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < view->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_true (item == g_ptr_array_index (view->mirror, i));
    }
}

static void
view_detach (View       *view,
             GListModel *model)
{
  g_signal_handlers_disconnect_by_data (model, view);
  g_ptr_array_unref (view->mirror);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cc-test-library-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  f->library = cc_library_new (f->store);
  g_assert_true (cc_library_load (f->library, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  /* A finished import's worker thread drops its reference to the library
   * just after the result reached the main loop. */
  for (guint i = 0; G_OBJECT (f->library)->ref_count > 1 && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (f->library);
  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_import_reaches_views (Fixture       *f,
                           gconstpointer  data)
{
  const char *paths[] = { cc_test_sample_dir (), NULL };
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcImportReport) again = NULL;
  View articles, claims;

  view_attach (&articles, G_LIST_MODEL (f->library));
  view_attach (&claims, cc_library_get_claims (f->library));
  g_signal_connect (f->library, "notify::n-items", G_CALLBACK (on_notify), &articles);

  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 5);
  g_assert_cmpuint (report->n_refused, ==, 0);

  /* The articles are stored in one batch, and join the view in one
   * signal once it is committed. */
  g_assert_cmpuint (articles.n_signals, ==, 1);
  g_assert_cmpuint (articles.n_notify, ==, 1);
  view_assert_mirrors (&articles, G_LIST_MODEL (f->library));
  view_assert_mirrors (&claims, cc_library_get_claims (f->library));
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (f->library)), >, 5);

  /* The same folder again: nothing changes, every file is a duplicate. */
  articles.n_signals = 0;
  again = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (again->n_imported, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, 5);
  g_assert_cmpuint (articles.n_signals, ==, 0);

  view_detach (&articles, G_LIST_MODEL (f->library));
  view_detach (&claims, cc_library_get_claims (f->library));
  g_signal_handlers_disconnect_by_data (f->library, &articles);
}

static CcArticle *
first_article_with_claims (CcLibrary *library)
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

static void
import_sample (Fixture *f)
{
  const char *paths[] = { cc_test_sample_dir (), NULL };
  g_autoptr(CcImportReport) report = cc_library_import (f->library, paths, NULL, NULL, NULL);

  g_assert_cmpuint (report->n_imported, ==, 5);
}

static void
test_reject_reaches_views (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) claim = NULL;
  CcArticle *article;
  View claims;
  View counts;
  guint before;

  import_sample (f);
  article = first_article_with_claims (f->library);
  claim = g_list_model_get_item (cc_article_get_claims (article), 1);
  before = cc_article_get_n_claims (article);

  view_attach (&claims, cc_library_get_claims (f->library));
  counts.n_notify = 0;
  g_signal_connect (article, "notify::n-claims", G_CALLBACK (on_notify), &counts);

  g_assert_true (cc_library_set_claim_rejected (f->library, claim, TRUE, &error));
  g_assert_no_error (error);

  /* It leaves the flattened model at once, in one signal. */
  g_assert_cmpuint (claims.n_signals, ==, 1);
  view_assert_mirrors (&claims, cc_library_get_claims (f->library));
  g_assert_false (g_ptr_array_find (claims.mirror, claim, NULL));
  g_assert_cmpuint (counts.n_notify, ==, 1);
  g_assert_cmpuint (cc_article_get_n_claims (article), ==, before - 1);
  g_assert_cmpint (cc_claim_get_origin (claim), ==, CC_CLAIM_ORIGIN_USER);

  /* Taking it back brings it back at its place. */
  g_assert_true (cc_library_set_claim_rejected (f->library, claim, FALSE, &error));
  view_assert_mirrors (&claims, cc_library_get_claims (f->library));
  g_assert_true (g_ptr_array_find (claims.mirror, claim, NULL));

  g_signal_handlers_disconnect_by_data (article, &counts);
  view_detach (&claims, cc_library_get_claims (f->library));

  /* And it was stored: a second library on the same file agrees. */
  g_assert_true (cc_library_set_claim_rejected (f->library, claim, TRUE, &error));
  {
    g_autoptr(CcLibrary) other = cc_library_new (f->store);
    CcArticle *same;

    g_assert_true (cc_library_load (other, &error));
    same = cc_library_lookup_article (other, cc_article_get_id (article));
    g_assert_cmpuint (cc_article_get_n_claims (same), ==, before - 1);
    g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (other)), ==,
                      g_list_model_get_n_items (cc_library_get_claims (f->library)));
  }
}

static void
test_metadata_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcArticle) article = NULL;
  View notes = { 0 };

  import_sample (f);
  article = g_list_model_get_item (G_LIST_MODEL (f->library), 0);
  g_signal_connect (article, "notify::title", G_CALLBACK (on_notify), &notes);

  g_assert_true (cc_library_update_article (f->library, article, "A new title", NULL, NULL,
                                            "2024-10-20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes.n_notify, ==, 1);
  g_assert_cmpstr (cc_article_get_published (article), ==, "2024-10-20");

  /* The same value again notifies nothing. */
  g_assert_true (cc_library_update_article (f->library, article, "A new title", NULL, NULL,
                                            NULL, &error));
  g_assert_cmpuint (notes.n_notify, ==, 1);

  /* An impossible date is refused and nothing changes. */
  g_assert_false (cc_library_update_article (f->library, article, "Other", NULL, NULL,
                                             "2024-02-30", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (cc_article_get_title (article), ==, "A new title");
  g_signal_handlers_disconnect_by_data (article, &notes);
}

static void
test_annotations (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  View view;

  import_sample (f);
  article = g_list_model_get_item (G_LIST_MODEL (f->library), 0);
  view_attach (&view, cc_article_get_annotations (article));

  cc_annotation_set_start (note, 10);
  cc_annotation_set_end (note, 20);
  cc_annotation_set_note (note, "Compare with the Pentagon figure");
  g_assert_true (cc_library_add_annotation (f->library, article, note, &error));
  g_assert_cmpint (cc_annotation_get_id (note), >, 0);
  g_assert_cmpint (cc_annotation_get_created (note), >, 0);
  view_assert_mirrors (&view, cc_article_get_annotations (article));
  g_assert_cmpuint (view.mirror->len, ==, 1);

  g_assert_true (cc_library_remove_annotation (f->library, note, &error));
  view_assert_mirrors (&view, cc_article_get_annotations (article));
  g_assert_cmpuint (view.mirror->len, ==, 0);
  view_detach (&view, cc_article_get_annotations (article));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) hits = NULL;

  import_sample (f);
  hits = cc_library_search (f->library, "Pentagon", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (hits), >=, 1);
  g_assert_cmpuint (g_hash_table_size (hits), <, 5);
  g_clear_pointer (&hits, g_hash_table_unref);

  hits = cc_library_search (f->library, "Korea", &error);
  g_assert_cmpuint (g_hash_table_size (hits), ==, 5);
  g_clear_pointer (&hits, g_hash_table_unref);

  hits = cc_library_search (f->library, "zzzunlikelyword", &error);
  g_assert_cmpuint (g_hash_table_size (hits), ==, 0);
  g_clear_pointer (&hits, g_hash_table_unref);

  /* Page by page, newest first, the same articles as the whole search. */
  hits = cc_library_search (f->library, "said", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (hits), >=, 3);
  {
    g_autoptr(GHashTable) paged = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
    gint64 before = 0;

    for (;;)
      {
        GArray *page = cc_library_search_page (f->library, "said", before, 2, &error);

        g_assert_no_error (error);
        g_ptr_array_add (pages, page);
        if (page->len == 0)
          break;
        g_assert_cmpuint (page->len, <=, 2);
        for (guint i = 0; i < page->len; i++)
          {
            gint64 *id = &g_array_index (page, gint64, i);

            g_assert_true (before == 0 || *id < before);
            before = *id;
            g_assert_true (g_hash_table_contains (hits, id));
            g_assert_true (g_hash_table_add (paged, id));
          }
      }
    g_assert_cmpuint (g_hash_table_size (paged), ==, g_hash_table_size (hits));
  }
}

typedef struct
{
  GMainLoop      *loop;
  CcImportReport *report;
  guint           n_progress;
  guint           n_items_at_progress;
  CcLibrary      *library;
} AsyncState;

static void
on_progress (double      fraction,
             const char *path,
             gpointer    user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  state->n_progress++;
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->report = cc_library_import_finish (CC_LIBRARY (object), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  const char *paths[] = { cc_test_sample_dir (), NULL };
  AsyncState state = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  state.loop = g_main_loop_new (NULL, FALSE);
  cc_library_import_async (f->library, paths, NULL, on_progress, &state, NULL,
                           on_imported, &state);
  /* Nothing joins the model until the main loop runs. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 0);
  g_main_loop_run (state.loop);

  g_assert_cmpuint (state.report->n_imported, ==, 5);
  g_assert_false (state.report->cancelled);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 5);
  g_assert_cmpuint (state.n_progress, >=, 5);
  g_clear_pointer (&state.report, cc_import_report_free);

  /* A cancelled import stops and says so. */
  g_cancellable_cancel (cancellable);
  cc_library_import_async (f->library, paths, cancellable, NULL, NULL, NULL,
                           on_imported, &state);
  g_main_loop_run (state.loop);
  g_assert_true (state.report->cancelled);
  g_assert_cmpuint (state.report->n_imported + state.report->n_duplicates, ==, 0);
  g_clear_pointer (&state.report, cc_import_report_free);

  g_main_loop_unref (state.loop);
}

static void
test_refresh_keeps_corrections (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) rejected = NULL;
  g_autoptr(CcClaim) corrected = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  CcArticle *article;
  gint64 id;
  guint n_auto_before;
  guint refreshed;

  import_sample (f);
  article = first_article_with_claims (f->library);
  id = cc_article_get_id (article);
  n_auto_before = g_list_model_get_n_items (cc_article_get_claims (article));

  rejected = g_list_model_get_item (cc_article_get_claims (article), 0);
  corrected = g_list_model_get_item (cc_article_get_claims (article), 1);
  g_assert_true (cc_library_set_claim_rejected (f->library, rejected, TRUE, &error));
  cc_claim_set_claimant (corrected, "Corrected Claimant");
  g_assert_true (cc_library_save_claim (f->library, corrected, &error));

  /* Pretend an older extractor made the article's claims. */
  g_assert_true (cc_store_replace_auto_claims (f->store, id, none, 0, &error));

  refreshed = cc_library_refresh_claims (f->library, NULL);
  g_assert_cmpuint (refreshed, ==, 1);

  /* The user's two claims are there once each, and no auto claim took
   * their place. */
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (article)), ==,
                    n_auto_before);
  g_assert_true (cc_claim_get_rejected (rejected));
  g_assert_cmpstr (cc_claim_get_claimant (corrected), ==, "Corrected Claimant");

  /* The same holds after a restart. */
  {
    g_autoptr(CcLibrary) other = cc_library_new (f->store);
    CcArticle *same;
    g_autoptr(CcClaim) first = NULL;
    g_autoptr(CcClaim) second = NULL;

    g_assert_true (cc_library_load (other, &error));
    same = cc_library_lookup_article (other, id);
    g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (same)), ==,
                      n_auto_before);
    first = g_list_model_get_item (cc_article_get_claims (same), 0);
    second = g_list_model_get_item (cc_article_get_claims (same), 1);
    g_assert_true (cc_claim_get_rejected (first));
    g_assert_cmpstr (cc_claim_get_claimant (second), ==, "Corrected Claimant");
    g_assert_cmpuint (cc_library_refresh_claims (other, NULL), ==, 0);
  }
}

static void
on_refreshed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint *done = user_data;
  g_autoptr(GError) error = NULL;

  *done = cc_library_refresh_claims_finish (CC_LIBRARY (object), result, &error);
  g_assert_no_error (error);
}

/* The window's start-up path: the same guarantees, off the main thread. */
static void
test_refresh_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) rejected = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  CcArticle *article;
  guint done = G_MAXUINT;
  guint n_before;
  View claims;

  import_sample (f);
  article = first_article_with_claims (f->library);
  n_before = g_list_model_get_n_items (cc_article_get_claims (article));
  rejected = g_list_model_get_item (cc_article_get_claims (article), 0);
  g_assert_true (cc_library_set_claim_rejected (f->library, rejected, TRUE, &error));
  g_assert_true (cc_store_replace_auto_claims (f->store, cc_article_get_id (article), none, 0,
                                               &error));

  view_attach (&claims, cc_library_get_claims (f->library));
  cc_library_refresh_claims_async (f->library, NULL, on_refreshed, &done);
  while (done == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (article)), ==, n_before);
  g_assert_true (cc_claim_get_rejected (rejected));
  view_assert_mirrors (&claims, cc_library_get_claims (f->library));
  g_assert_false (g_ptr_array_find (claims.mirror, rejected, NULL));
  view_detach (&claims, cc_library_get_claims (f->library));
}

static void
test_remove_article (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcArticle) article = NULL;
  View articles, claims;

  import_sample (f);
  view_attach (&articles, G_LIST_MODEL (f->library));
  view_attach (&claims, cc_library_get_claims (f->library));
  article = g_list_model_get_item (G_LIST_MODEL (f->library), 2);

  g_assert_true (cc_library_remove_article (f->library, article, &error));
  view_assert_mirrors (&articles, G_LIST_MODEL (f->library));
  view_assert_mirrors (&claims, cc_library_get_claims (f->library));
  g_assert_cmpuint (articles.mirror->len, ==, 4);
  g_assert_null (cc_library_lookup_article (f->library, cc_article_get_id (article)));

  view_detach (&articles, G_LIST_MODEL (f->library));
  view_detach (&claims, cc_library_get_claims (f->library));
}


/* Re-extraction of articles whose text and claims were never read: the
 * worker reads them from the store, the article stays unread, and its
 * count follows the new claims at once. */
static void
test_refresh_unread (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcClaim) rejected = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(CcLibrary) other = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *text = NULL;
  CcArticle *article, *same;
  View counts = { 0 };
  guint n_user = 0, n_expected = 0;
  gint64 id;

  import_sample (f);
  article = first_article_with_claims (f->library);
  id = cc_article_get_id (article);
  rejected = g_list_model_get_item (cc_article_get_claims (article), 0);
  g_assert_true (cc_library_set_claim_rejected (f->library, rejected, TRUE, &error));
  /* An older extractor made its claims, and found none. */
  g_assert_true (cc_store_replace_auto_claims (f->store, id, none, 0, &error));

  other = cc_library_new (f->store);
  g_assert_true (cc_library_load (other, &error));
  same = cc_library_lookup_article (other, id);
  g_assert_cmpuint (cc_article_get_n_claims (same), ==, 0);
  g_signal_connect (same, "notify::n-claims", G_CALLBACK (on_notify), &counts);

  g_assert_cmpuint (cc_library_refresh_claims (other, NULL), ==, 1);
  g_assert_false (cc_article_is_loaded (same));
  g_assert_cmpuint (counts.n_notify, ==, 1);

  /* The count is what the store holds: the new auto claims and the
   * user's, the rejected one left out. */
  g_assert_true (cc_store_read_article (f->store, id, TRUE, &text, &claims, &annotations,
                                        &error));
  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (claims, i);

      n_user += cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER;
      n_expected += !cc_claim_get_rejected (claim);
    }
  g_assert_cmpuint (n_user, ==, 1);
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (cc_article_get_n_claims (same), ==, n_expected);

  /* Read now, the claims are those stored, and the count holds. */
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_claims (same)), ==, claims->len);
  g_assert_cmpuint (cc_article_get_n_claims (same), ==, n_expected);
  g_assert_cmpuint (counts.n_notify, ==, 1);
  g_signal_handlers_disconnect_by_data (same, &counts);
}

static void
assert_same_claims (GListModel *a,
                    GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CcClaim) x = g_list_model_get_item (a, i);
      g_autoptr(CcClaim) y = g_list_model_get_item (b, i);

      g_assert_true (x != y);
      g_assert_cmpint (cc_claim_get_id (x), ==, cc_claim_get_id (y));
      g_assert_cmpuint (cc_claim_get_start (x), ==, cc_claim_get_start (y));
      g_assert_cmpuint (cc_claim_get_end (x), ==, cc_claim_get_end (y));
      g_assert_cmpstr (cc_claim_get_text (x), ==, cc_claim_get_text (y));
      g_assert_cmpfloat (cc_claim_get_low (x), ==, cc_claim_get_low (y));
      g_assert_cmpfloat (cc_claim_get_high (x), ==, cc_claim_get_high (y));
      g_assert_cmpstr (cc_claim_get_claimant (x), ==, cc_claim_get_claimant (y));
      g_assert_cmpint (cc_claim_get_rejected (x), ==, cc_claim_get_rejected (y));
    }
}

/* A library opened on a file lists its articles without their texts,
 * claims or annotations, and reads each on first use: what it reads is
 * what was stored, and views see it arrive through the usual signals. */
static void
test_lazy_loading (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) other = NULL;
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  g_autoptr(CcAnnotation) read_note = NULL;
  CcArticle *article, *same;
  View texts = { 0 };
  guint n_claims = 0;

  import_sample (f);
  article = first_article_with_claims (f->library);
  cc_annotation_set_start (note, 4);
  cc_annotation_set_end (note, 30);
  cc_annotation_set_note (note, "check this");
  g_assert_true (cc_library_add_annotation (f->library, article, note, &error));

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  other = cc_library_new (store);
  g_assert_true (cc_library_load (other, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 5);

  /* Listed: details and claim counts, nothing read yet. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CcArticle) listed = g_list_model_get_item (G_LIST_MODEL (other), i);
      CcArticle *stored = cc_library_lookup_article (f->library, cc_article_get_id (listed));

      g_assert_false (cc_article_is_loaded (listed));
      g_assert_cmpstr (cc_article_get_title (listed), ==, cc_article_get_title (stored));
      g_assert_cmpstr (cc_article_get_published (listed), ==, cc_article_get_published (stored));
      g_assert_cmpuint (cc_article_get_n_claims (listed), ==, cc_article_get_n_claims (stored));
      n_claims += cc_article_get_n_claims (listed);
    }

  /* The text is read on demand, with notify::text, then the claims and
   * the note, each when asked for; the count, already right, does not
   * change. */
  same = cc_library_lookup_article (other, cc_article_get_id (article));
  g_signal_connect (same, "notify::text", G_CALLBACK (on_notify), &texts);
  g_signal_connect (same, "notify::n-claims", G_CALLBACK (on_notify), &texts.n_signals);
  g_assert_cmpstr (cc_article_get_text (same), ==, cc_article_get_text (article));
  g_assert_cmpuint (texts.n_notify, ==, 1);
  g_assert_false (cc_article_is_loaded (same));
  assert_same_claims (cc_article_get_claims (same), cc_article_get_claims (article));
  g_assert_false (cc_article_is_loaded (same));
  g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_annotations (same)), ==, 1);
  read_note = g_list_model_get_item (cc_article_get_annotations (same), 0);
  g_assert_true (cc_article_is_loaded (same));
  g_assert_cmpstr (cc_annotation_get_note (read_note), ==, "check this");
  g_assert_cmpuint (cc_annotation_get_end (read_note), ==, 30);
  g_assert_cmpuint (texts.n_signals, ==, 0);
  g_signal_handlers_disconnect_by_data (same, &texts);
  g_signal_handlers_disconnect_by_data (same, &texts.n_signals);

  /* The flattened model is filled on first use, every claim in order,
   * keeping the objects the article read already. */
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (other)), ==, n_claims);
  {
    g_autoptr(CcClaim) first = g_list_model_get_item (cc_article_get_claims (same), 0);
    g_assert_true (g_list_store_find (G_LIST_STORE (cc_library_get_claims (other)), first, NULL));
  }
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CcArticle) listed = g_list_model_get_item (G_LIST_MODEL (other), i);
      CcArticle *stored = cc_library_lookup_article (f->library, cc_article_get_id (listed));

      assert_same_claims (cc_article_get_claims (listed), cc_article_get_claims (stored));
    }
  assert_same_claims (cc_library_get_claims (other), cc_library_get_claims (f->library));

  /* A claim rejected through the lazily filled library leaves its view
   * in one signal, and the stored count follows for the next opening. */
  {
    g_autoptr(CcClaim) claim = g_list_model_get_item (cc_article_get_claims (same), 0);
    g_autoptr(CcLibrary) third = cc_library_new (store);
    View claims;

    view_attach (&claims, cc_library_get_claims (other));
    g_assert_true (cc_library_set_claim_rejected (other, claim, TRUE, &error));
    g_assert_cmpuint (claims.n_signals, ==, 1);
    view_assert_mirrors (&claims, cc_library_get_claims (other));
    view_detach (&claims, cc_library_get_claims (other));

    g_assert_true (cc_library_load (third, &error));
    g_assert_cmpuint (cc_article_get_n_claims (cc_library_lookup_article (third, cc_article_get_id (article))),
                      ==, cc_article_get_n_claims (same));
    g_assert_cmpuint (cc_article_get_n_claims (same), ==, cc_article_get_n_claims (article) - 1);
  }

  g_clear_object (&other);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The notes of the whole library, as the Tags page reads them: in one
 * pass, without reading any text. */
static void
test_load_annotations (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) note = cc_annotation_new ();
  g_autoptr(CcLibrary) other = NULL;
  g_autoptr(CcAnnotation) read_note = NULL;
  CcArticle *article, *same;
  View texts = { 0 };

  import_sample (f);
  article = first_article_with_claims (f->library);
  cc_annotation_set_start (note, 2);
  cc_annotation_set_end (note, 12);
  cc_annotation_set_tags (note, "casualties, sources");
  g_assert_true (cc_library_add_annotation (f->library, article, note, &error));

  other = cc_library_new (f->store);
  g_assert_true (cc_library_load (other, &error));
  same = cc_library_lookup_article (other, cc_article_get_id (article));
  g_signal_connect (same, "notify::text", G_CALLBACK (on_notify), &texts);

  g_assert_true (cc_library_load_annotations (other, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CcArticle) listed = g_list_model_get_item (G_LIST_MODEL (other), i);

      g_assert_cmpuint (g_list_model_get_n_items (cc_article_get_annotations (listed)), ==,
                        listed == same ? 1 : 0);
      g_assert_false (cc_article_is_loaded (listed));
    }
  g_assert_cmpuint (texts.n_notify, ==, 0);
  read_note = g_list_model_get_item (cc_article_get_annotations (same), 0);
  g_assert_cmpstr (cc_annotation_get_tags (read_note), ==, "casualties, sources");
  g_assert_cmpuint (cc_annotation_get_end (read_note), ==, 12);

  /* The text comes when asked for. */
  g_assert_cmpstr (cc_article_get_text (same), ==, cc_article_get_text (article));
  g_assert_cmpuint (texts.n_notify, ==, 1);
  g_signal_handlers_disconnect_by_data (same, &texts);
}

static void
on_claims_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_library_load_claims_finish (CC_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The claims read ahead on a worker reach the articles and the flattened
 * model on the main context. */
static void
test_load_claims_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcLibrary) other = NULL;
  gboolean done = FALSE;
  guint n_claims = 0;

  import_sample (f);
  other = cc_library_new (f->store);
  g_assert_true (cc_library_load (other, &error));
  cc_library_load_claims_async (other, NULL, on_claims_loaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CcArticle) listed = g_list_model_get_item (G_LIST_MODEL (other), i);
      CcArticle *stored = cc_library_lookup_article (f->library, cc_article_get_id (listed));

      /* The claims are in, the text is still to be read. */
      g_assert_false (cc_article_is_loaded (listed));
      n_claims += cc_article_get_n_claims (listed);
      assert_same_claims (cc_article_get_claims (listed), cc_article_get_claims (stored));
      g_assert_false (cc_article_is_loaded (listed));
    }
  g_assert_cmpuint (n_claims, >, 0);
  assert_same_claims (cc_library_get_claims (other), cc_library_get_claims (f->library));

  /* The worker lets go of the library just after its result arrived. */
  for (guint i = 0; G_OBJECT (other)->ref_count > 1 && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (g_steal_pointer (&other));
}

static gboolean
has_claims_of (GListModel *claims,
               CcArticle  *article)
{
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (cc_claim_get_article_id (claim) == cc_article_get_id (article))
        return TRUE;
    }
  return FALSE;
}

/* The model that a worker's claims fill a slice at a time (one article a
 * slice here) grows at its end, a change a slice, follows the articles
 * already in it while the others wait, and ends with every claim not
 * rejected, article after article, as the store has them. */
static void
test_load_claims_sliced (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcLibrary) other = NULL;
  g_autoptr(CcLibrary) fresh = NULL;
  g_autoptr(CcClaim) rejected = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *claims;
  gboolean done = FALSE;
  guint n_items = 0;
  View view;

  import_sample (f);
  other = cc_library_new (f->store);
  g_assert_true (cc_library_load (other, &error));
  for (guint i = 0; i < 5; i++)
    {
      CcArticle *article = g_list_model_get_item (G_LIST_MODEL (other), i);

      g_assert_cmpuint (cc_article_get_n_claims (article), >, 0);
      g_ptr_array_add (articles, article);
    }

  _cc_library_claims_set_slice (other, 1, 0);
  cc_library_load_claims_async (other, NULL, on_claims_loaded, &done);
  claims = cc_library_get_claims (other);
  view_attach (&view, claims);
  g_assert_cmpuint (view.mirror->len, ==, 0);

  /* The first two articles in, the others to come, each slice one change
   * at the end. */
  while (!has_claims_of (claims, g_ptr_array_index (articles, 1)))
    {
      g_assert_false (done);
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (g_list_model_get_n_items (claims), >=, n_items);
      n_items = g_list_model_get_n_items (claims);
    }
  g_assert_false (done);
  g_assert_cmpuint (view.n_signals, ==, 2);
  g_assert_false (has_claims_of (claims, g_ptr_array_index (articles, 2)));

  /* Meanwhile a claim in the model is rejected, and an article in it and
   * one still to come are deleted. */
  rejected = g_list_model_get_item (cc_article_get_claims (g_ptr_array_index (articles, 0)), 0);
  g_assert_true (cc_library_set_claim_rejected (other, rejected, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cc_library_remove_article (other, g_ptr_array_index (articles, 4), &error));
  g_assert_true (cc_library_remove_article (other, g_ptr_array_index (articles, 1), &error));
  g_assert_no_error (error);
  view_assert_mirrors (&view, claims);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  view_assert_mirrors (&view, claims);
  g_assert_cmpuint (view.n_signals, >, 4);
  g_assert_false (has_claims_of (claims, g_ptr_array_index (articles, 1)));
  g_assert_false (has_claims_of (claims, g_ptr_array_index (articles, 4)));
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      g_assert_true (claim != rejected);
    }

  /* The same claims, in the same order, as a library reading them now. */
  fresh = cc_library_new (f->store);
  g_assert_true (cc_library_load (fresh, &error));
  assert_same_claims (claims, cc_library_get_claims (fresh));
  view_detach (&view, claims);

  /* The worker lets go of the library just after its result arrived. */
  for (guint i = 0; G_OBJECT (other)->ref_count > 1 && i < 5000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A duplicate in the middle of a batch leaves no row; the articles around
 * it are stored whole, with their claims. */
static void
test_import_batch_duplicate (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *in = g_build_filename (f->dir, "in", NULL);
  const char *paths[] = { in, NULL };
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  guint n_claims = 0;

  g_mkdir (in, 0700);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/report-%u.txt", in, i);
      g_autofree char *text = g_strdup_printf ("Report %u\nAbout %u,000 troops crossed the "
                                               "border on Monday, officials said.\n",
                                               i == 4 ? 2 : i, 10 + (i == 4 ? 2 : i));

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }

  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 5);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_cmpuint (report->article_ids->len, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 5);

  store = cc_store_new (f->path, &error);
  g_assert_no_error (error);
  stored = cc_store_load_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 5);
  for (guint i = 0; i < stored->len; i++)
    {
      CcArticle *article = g_ptr_array_index (stored, i);
      CcArticle *imported = cc_library_lookup_article (f->library, cc_article_get_id (article));

      g_assert_nonnull (imported);
      g_assert_cmpstr (cc_article_get_text (article), ==, cc_article_get_text (imported));
      assert_same_claims (cc_article_get_claims (article), cc_article_get_claims (imported));
      n_claims += g_list_model_get_n_items (cc_article_get_claims (article));
    }
  g_assert_cmpuint (n_claims, >=, 5);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
  cc_test_remove_tree (in);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/library/import-reaches-views", test_import_reaches_views);
  ADD ("/library/reject-reaches-views", test_reject_reaches_views);
  ADD ("/library/metadata-edit", test_metadata_edit);
  ADD ("/library/annotations", test_annotations);
  ADD ("/library/search", test_search);
  ADD ("/library/import-async", test_import_async);
  ADD ("/library/refresh-keeps-corrections", test_refresh_keeps_corrections);
  ADD ("/library/refresh-async", test_refresh_async);
  ADD ("/library/remove-article", test_remove_article);
  ADD ("/library/lazy-loading", test_lazy_loading);
  ADD ("/library/refresh-unread", test_refresh_unread);
  ADD ("/library/load-annotations", test_load_annotations);
  ADD ("/library/load-claims-async", test_load_claims_async);
  ADD ("/library/load-claims-sliced", test_load_claims_sliced);
  ADD ("/library/import-batch-duplicate", test_import_batch_duplicate);

  return g_test_run ();
}
