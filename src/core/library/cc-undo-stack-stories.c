/* cc-undo-stack-stories.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Edits of stories as undoable steps: renaming, deleting (undo stores the
 * same story again, with the articles it held), and adding articles to a
 * story or taking them out. */

#define G_LOG_DOMAIN "cc-undo-stack"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-library.h"
#include "cc-story.h"
#include "cc-undo-stack.h"

typedef struct
{
  CcLibrary *library;
  CcStory   *story;
  char      *before;
  char      *after;
  /* The articles whose membership the step changes. */
  GPtrArray *articles;
  gboolean   member;
} StoryStep;

static void
story_step_free (gpointer data)
{
  StoryStep *step = data;

  g_clear_object (&step->library);
  g_clear_object (&step->story);
  g_free (step->before);
  g_free (step->after);
  g_clear_pointer (&step->articles, g_ptr_array_unref);
  g_free (step);
}

static StoryStep *
story_step_new (CcLibrary *library,
                CcStory   *story)
{
  StoryStep *step = g_new0 (StoryStep, 1);

  step->library = g_object_ref (library);
  step->story = g_object_ref (story);
  return step;
}

static gboolean
rename_to_after (gpointer   data,
                 GError   **error)
{
  StoryStep *step = data;

  return cc_library_rename_story (step->library, step->story, step->after, error);
}

static gboolean
rename_to_before (gpointer   data,
                  GError   **error)
{
  StoryStep *step = data;

  return cc_library_rename_story (step->library, step->story, step->before, error);
}

/**
 * cc_undo_stack_rename_story:
 *
 * Renames @story as one undoable step.
 */
gboolean
cc_undo_stack_rename_story (CcUndoStack  *self,
                            CcLibrary    *library,
                            CcStory      *story,
                            const char   *title,
                            GError      **error)
{
  StoryStep *step;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  step = story_step_new (library, story);
  step->before = g_strdup (cc_story_get_title (story));
  step->after = g_strdup (title);
  return cc_undo_stack_run (self, _("Rename Story"), rename_to_after, rename_to_before,
                            step, story_step_free, error);
}

static gboolean
remove_story (gpointer   data,
              GError   **error)
{
  StoryStep *step = data;

  return cc_library_remove_story (step->library, step->story, error);
}

static gboolean
restore_story (gpointer   data,
               GError   **error)
{
  StoryStep *step = data;

  return cc_library_restore_story (step->library, step->story, error);
}

/**
 * cc_undo_stack_remove_story:
 *
 * Deletes @story as one undoable step; its articles stay in the library,
 * and undo puts them back in it.
 */
gboolean
cc_undo_stack_remove_story (CcUndoStack  *self,
                            CcLibrary    *library,
                            CcStory      *story,
                            GError      **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  return cc_undo_stack_run (self, _("Delete Story"), remove_story, restore_story,
                            story_step_new (library, story), story_step_free, error);
}

static gboolean
set_members (gpointer   data,
             GError   **error)
{
  StoryStep *step = data;

  return cc_library_set_story_articles (step->library, step->story, step->articles,
                                        step->member, error);
}

static gboolean
unset_members (gpointer   data,
               GError   **error)
{
  StoryStep *step = data;

  return cc_library_set_story_articles (step->library, step->story, step->articles,
                                        !step->member, error);
}

/**
 * cc_undo_stack_set_story_articles:
 * @articles: (element-type CcArticle): articles of @library
 * @member: %TRUE to add them to @story, %FALSE to take them out
 *
 * Adds articles to @story, or takes them out, as one undoable step; undo
 * changes back only the articles the step changed.
 */
gboolean
cc_undo_stack_set_story_articles (CcUndoStack  *self,
                                  CcLibrary    *library,
                                  CcStory      *story,
                                  GPtrArray    *articles,
                                  gboolean      member,
                                  GError      **error)
{
  StoryStep *step;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);

  step = story_step_new (library, story);
  step->member = !!member;
  step->articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);

      if (cc_story_contains (story, cc_article_get_id (article)) != step->member)
        g_ptr_array_add (step->articles, g_object_ref (article));
    }

  if (step->articles->len == 0)
    {
      story_step_free (step);
      return TRUE;
    }

  return cc_undo_stack_run (self,
                            member ? ngettext ("Add Article to Story", "Add Articles to Story",
                                               step->articles->len)
                                   : ngettext ("Remove Article from Story",
                                               "Remove Articles from Story",
                                               step->articles->len),
                            set_members, unset_members, step, story_step_free, error);
}
