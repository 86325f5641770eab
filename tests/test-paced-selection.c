/* test-paced-selection.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rows the article list view shows, as the list goes from a story to
 * every article: a change that brings new rows to the top shows a page
 * of them at once and the rest a page a step, each step one change at
 * the end, the rows always those of the selection at the same positions,
 * with its selection; so does an empty list filled. A change that keeps
 * most rows, only moved, and a change below the rows shown pass on
 * whole. */

#include "config.h"

#include <gtk/gtk.h>

#include "cc-paced-selection.h"

#define N_ARTICLES 1000

/* What a list view would know of the rows, from the changes alone. */
typedef struct
{
  GPtrArray *rows;
  guint      n_changes;
} View;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  View       *view)
{
  g_assert_cmpuint (position + removed, <=, view->rows->len);
  view->n_changes++;
  g_ptr_array_remove_range (view->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (view->rows, position + i, g_list_model_get_item (model, position + i));
}

/* The rows are the selection's first ones, in order, with its state. */
static void
assert_view (View             *view,
             CcPacedSelection *paced)
{
  GListModel *model = G_LIST_MODEL (paced);
  GListModel *selection = G_LIST_MODEL (cc_paced_selection_get_model (paced));
  guint n_items = g_list_model_get_n_items (model);

  g_assert_cmpuint (view->rows->len, ==, n_items);
  g_assert_cmpuint (n_items + cc_paced_selection_get_pending (paced), ==,
                    g_list_model_get_n_items (selection));
  g_assert_null (g_list_model_get_item (model, n_items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = g_list_model_get_item (selection, i);

      g_assert_true (row == item);
      g_assert_true (g_ptr_array_index (view->rows, i) == row);
      g_assert_cmpint (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (paced), i), ==,
                       gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), i));
    }
}

static void
test_paced_selection (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) story = g_ptr_array_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(CcPacedSelection) paced = NULL;
  g_autoptr(GObject) selected = NULL;
  View view = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  guint steps = 0;

  /* A story of every tenth article, listed. */
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_ptr_array_add (articles, g_object_new (G_TYPE_OBJECT, NULL));
      if (i % 10 == 5)
        g_ptr_array_add (story, g_ptr_array_index (articles, i));
    }
  g_list_store_splice (store, 0, 0, story->pdata, story->len);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  paced = cc_paced_selection_new (GTK_SELECTION_MODEL (selection));
  on_items_changed (G_LIST_MODEL (paced), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (paced)), &view);
  g_signal_connect (paced, "items-changed", G_CALLBACK (on_items_changed), &view);
  g_assert_cmpuint (cc_paced_selection_get_pending (paced), ==, 0);
  assert_view (&view, paced);

  /* Selecting a row through the rows shown selects it underneath. */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (paced), 3, TRUE));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
  assert_view (&view, paced);

  /* Back to every article: new rows at the top, a page first. */
  view.n_changes = 0;
  g_list_store_splice (store, 0, story->len, articles->pdata, articles->len);
  g_assert_cmpuint (view.n_changes, ==, 1);
  g_assert_cmpuint (cc_paced_selection_get_pending (paced), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), >=, 20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), <, 64);
  assert_view (&view, paced);
  /* The selection saw the change whole: the article stays selected. */
  g_assert_true (gtk_single_selection_get_selected_item (selection) == selected);

  /* The first step leaves the page its frame, then a page a step. */
  cc_paced_selection_show_more (paced);
  g_assert_cmpuint (view.n_changes, ==, 1);
  while (cc_paced_selection_get_pending (paced) > 0)
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (paced));

      cc_paced_selection_show_more (paced);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), >, shown);
      assert_view (&view, paced);
      g_assert_cmpuint (++steps, <, 20);
    }
  g_assert_cmpuint (steps, >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, N_ARTICLES);
  assert_view (&view, paced);

  /* The same rows in another order pass on whole. */
  view.n_changes = 0;
  {
    g_autoptr(GPtrArray) moved = g_ptr_array_new ();

    g_ptr_array_add (moved, g_ptr_array_index (articles, 1));
    g_ptr_array_add (moved, g_ptr_array_index (articles, 0));
    for (guint i = 2; i < N_ARTICLES; i++)
      g_ptr_array_add (moved, g_ptr_array_index (articles, i));
    g_list_store_splice (store, 0, N_ARTICLES, moved->pdata, moved->len);
  }
  g_assert_cmpuint (view.n_changes, ==, 1);
  g_assert_cmpuint (cc_paced_selection_get_pending (paced), ==, 0);
  assert_view (&view, paced);

  /* A change far below the rows at the top passes on whole too. */
  g_list_store_splice (store, 900, 50, NULL, 0);
  g_assert_cmpuint (cc_paced_selection_get_pending (paced), ==, 0);
  assert_view (&view, paced);

  /* The story again, then every article, a change while paced. */
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       story->pdata, story->len);
  assert_view (&view, paced);
  g_list_store_splice (store, 0, story->len, articles->pdata, articles->len);
  g_assert_cmpuint (cc_paced_selection_get_pending (paced), >, 0);
  g_list_store_remove (store, 1);
  g_list_store_remove (store, 500);
  assert_view (&view, paced);
  while (cc_paced_selection_get_pending (paced) > 0)
    cc_paced_selection_show_more (paced);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, N_ARTICLES - 2);
  assert_view (&view, paced);

  g_signal_handlers_disconnect_by_data (paced, &view);
  g_ptr_array_unref (view.rows);
}

/* An empty list filled, as the article list is at the start: a page
 * first, then a page a step, the first row selected throughout. */
static void
test_paced_fill (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(CcPacedSelection) paced = NULL;
  View view = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  for (guint i = 0; i < N_ARTICLES; i++)
    g_ptr_array_add (articles, g_object_new (G_TYPE_OBJECT, NULL));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  paced = cc_paced_selection_new (GTK_SELECTION_MODEL (selection));
  g_signal_connect (paced, "items-changed", G_CALLBACK (on_items_changed), &view);

  g_list_store_splice (store, 0, 0, articles->pdata, articles->len);
  g_assert_cmpuint (view.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), >=, 20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), <, 64);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  assert_view (&view, paced);
  while (cc_paced_selection_get_pending (paced) > 0)
    cc_paced_selection_show_more (paced);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, N_ARTICLES);
  assert_view (&view, paced);

  /* A few rows more at the end pass on whole. */
  g_list_store_remove (store, N_ARTICLES - 1);
  g_list_store_append (store, g_ptr_array_index (articles, N_ARTICLES - 1));
  g_assert_cmpuint (cc_paced_selection_get_pending (paced), ==, 0);
  assert_view (&view, paced);

  g_signal_handlers_disconnect_by_data (paced, &view);
  g_ptr_array_unref (view.rows);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paced-selection/story-and-back", test_paced_selection);
  g_test_add_func ("/paced-selection/fill", test_paced_fill);

  return g_test_run ();
}
