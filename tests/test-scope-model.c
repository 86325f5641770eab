/* test-scope-model.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article list's model of the articles in scope, as it gives way to a
 * whole library a slice at a time: the model shown stays until the new
 * one's ids are read, the new one then comes in one change below the
 * articles both begin with, and changes of the new model while its ids
 * are read are followed, as the scope (a story) shows by the ids. */

#include "config.h"

#include <gtk/gtk.h>

#include "cc-article.h"
#include "cc-scope-model.h"
#include "cc-story-private.h"
#include "cc-story.h"

#define N_ARTICLES 3000

typedef struct
{
  guint n_changes;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_changes++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static CcArticle *
make_article (gint64 id)
{
  CcArticle *article = cc_article_new ();

  cc_article_set_id (article, id);
  return article;
}

static GListStore *
make_store (guint n_items)
{
  GListStore *store = g_list_store_new (CC_TYPE_ARTICLE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcArticle) article = make_article (i + 1);

      g_list_store_append (store, article);
    }
  return store;
}

/* The model shows the articles of @expected with an odd id, the scope's
 * story, the same objects in order. */
static void
assert_shows (CcScopeModel *model,
              GListModel   *expected)
{
  guint n_shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (expected); i++)
    {
      g_autoptr(CcArticle) want = g_list_model_get_item (expected, i);
      g_autoptr(GObject) item = NULL;

      if (cc_article_get_id (want) % 2 == 0)
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (model), n_shown++);
      g_assert_true (item == (GObject *)want);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_shown);
}

/* A scope of the story of the articles with an odd id, up to @n_ids. */
static CcScope *
make_scope (guint n_ids)
{
  CcScope *scope = cc_scope_new ();
  g_autoptr(CcStory) story = cc_story_new ("Odd");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 id = 1; id <= n_ids; id += 2)
    g_array_append_val (ids, id);
  _cc_story_add_members (story, (const gint64 *)ids->data, ids->len);
  cc_scope_set_story (scope, story);
  return scope;
}

static void
test_sliced (void)
{
  g_autoptr(CcScopeModel) model = cc_scope_model_new ();
  g_autoptr(CcScope) scope = make_scope (N_ARTICLES + 2);
  g_autoptr(GListStore) library = make_store (N_ARTICLES);
  g_autoptr(GListStore) first = g_list_store_new (CC_TYPE_ARTICLE);
  Changes changes = { 0, };
  guint n_slices = 0;

  /* The first articles of the library, shown first. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_list_store_append (first, item);
    }
  cc_scope_model_set_scope (model, scope);
  cc_scope_model_set_model (model, G_LIST_MODEL (first));
  assert_shows (model, G_LIST_MODEL (first));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);
  cc_scope_model_set_model_sliced (model, G_LIST_MODEL (library), 0);
  while (cc_scope_model_get_model (model) != G_LIST_MODEL (library))
    {
      g_assert_true (g_main_context_iteration (NULL, FALSE));
      n_slices++;
      /* Until then, the first articles are shown, unchanged. */
      if (cc_scope_model_get_model (model) != G_LIST_MODEL (library))
        {
          g_assert_cmpuint (changes.n_changes, ==, 0);
          assert_shows (model, G_LIST_MODEL (first));
        }
      /* The library changes behind and ahead of the ids read so far. */
      if (n_slices == 4)
        {
          g_autoptr(CcArticle) added = make_article (N_ARTICLES + 1);

          g_list_store_remove (library, 99);
          g_list_store_insert (library, 2500, added);
        }
      if (n_slices == 6)
        {
          g_autoptr(CcArticle) added = make_article (N_ARTICLES + 2);

          g_list_store_insert (library, 30, added);
        }
    }

  /* Read a slice at a time, then shown in one change below the first
   * articles. */
  g_assert_cmpuint (n_slices, >, 6);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.position, ==, 10);
  g_assert_cmpuint (changes.removed, ==, 0);
  /* Half the library's ids are odd; one odd went, the two new are odd. */
  g_assert_cmpuint (changes.added, ==, N_ARTICLES / 2 - 1 + 2 - 10);
  assert_shows (model, G_LIST_MODEL (library));

  /* Then the model follows the library at once. */
  g_list_store_remove (library, 0);
  assert_shows (model, G_LIST_MODEL (library));
}

/* A model set at once, while another's ids are read, takes the place of
 * both. */
static void
test_sliced_replaced (void)
{
  g_autoptr(CcScopeModel) model = cc_scope_model_new ();
  g_autoptr(CcScope) scope = make_scope (N_ARTICLES);
  g_autoptr(GListStore) library = make_store (N_ARTICLES);
  g_autoptr(GListStore) other = make_store (5);

  cc_scope_model_set_scope (model, scope);
  cc_scope_model_set_model_sliced (model, G_LIST_MODEL (library), 0);
  g_assert_true (g_main_context_iteration (NULL, FALSE));
  g_assert_null (cc_scope_model_get_model (model));
  cc_scope_model_set_model (model, G_LIST_MODEL (other));
  assert_shows (model, G_LIST_MODEL (other));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (cc_scope_model_get_model (model) == G_LIST_MODEL (other));
  assert_shows (model, G_LIST_MODEL (other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scope-model/sliced", test_sliced);
  g_test_add_func ("/scope-model/sliced-replaced", test_sliced_replaced);

  return g_test_run ();
}
