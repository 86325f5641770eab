/* cc-undo-stack-articles.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deleting articles as one undoable step: undo stores the same article
 * objects again, with their claims (corrections and rejections included),
 * annotations and stories, so later steps that hold them still apply. */

#define G_LOG_DOMAIN "cc-undo-stack"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-library.h"
#include "cc-undo-stack.h"

typedef struct
{
  CcLibrary         *library;
  GPtrArray         *articles;
  CcRemovedArticles *removed;
} RemoveStep;

static void
remove_step_free (gpointer data)
{
  RemoveStep *step = data;

  g_clear_object (&step->library);
  g_clear_pointer (&step->articles, g_ptr_array_unref);
  g_clear_pointer (&step->removed, cc_removed_articles_free);
  g_free (step);
}

static gboolean
remove_articles (gpointer   data,
                 GError   **error)
{
  RemoveStep *step = data;
  CcRemovedArticles *removed;

  if (!(removed = cc_library_remove_articles (step->library, step->articles, error)))
    return FALSE;
  g_clear_pointer (&step->removed, cc_removed_articles_free);
  step->removed = removed;
  return TRUE;
}

static gboolean
restore_articles (gpointer   data,
                  GError   **error)
{
  RemoveStep *step = data;

  g_return_val_if_fail (step->removed != NULL, FALSE);
  return cc_library_restore_articles (step->library, step->removed, error);
}

/**
 * cc_undo_stack_remove_articles:
 * @articles: (element-type CcArticle): articles of @library
 *
 * Deletes the articles as one undoable step; undo puts them back with
 * their claims, annotations and stories.
 */
gboolean
cc_undo_stack_remove_articles (CcUndoStack  *self,
                               CcLibrary    *library,
                               GPtrArray    *articles,
                               GError      **error)
{
  RemoveStep *step;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);

  if (articles->len == 0)
    return TRUE;

  step = g_new0 (RemoveStep, 1);
  step->library = g_object_ref (library);
  step->articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (step->articles, g_object_ref (g_ptr_array_index (articles, i)));

  return cc_undo_stack_run (self,
                            ngettext ("Delete Article", "Delete Articles", articles->len),
                            remove_articles, restore_articles, step, remove_step_free, error);
}
