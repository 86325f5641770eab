/* cc-library-stories.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's stories: a list model of CcStory, oldest first, each
 * holding the ids of its articles. As everywhere in the library, every
 * change is stored first and reaches the objects only once stored. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-library-private.h"
#include "cc-store.h"
#include "cc-story-private.h"

void
_cc_library_init_stories (CcLibrary *self)
{
  self->stories = g_list_store_new (CC_TYPE_STORY);
  self->stories_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
_cc_library_dispose_stories (CcLibrary *self)
{
  g_clear_pointer (&self->stories_by_id, g_hash_table_unref);
  g_clear_object (&self->stories);
}

static void
track_story (CcLibrary *self,
             CcStory   *story)
{
  gint64 id = cc_story_get_id (story);

  g_hash_table_insert (self->stories_by_id, g_memdup2 (&id, sizeof id), story);
  g_list_store_append (self->stories, story);
}

gboolean
_cc_library_load_stories (CcLibrary  *self,
                          GError    **error)
{
  g_autoptr(GPtrArray) stories = NULL;

  if (!(stories = cc_store_load_stories (self->store, error)))
    return FALSE;

  for (guint i = 0; i < stories->len; i++)
    {
      CcStory *story = g_ptr_array_index (stories, i);
      gint64 id = cc_story_get_id (story);

      g_hash_table_insert (self->stories_by_id, g_memdup2 (&id, sizeof id), story);
    }
  g_list_store_splice (self->stories, g_list_model_get_n_items (G_LIST_MODEL (self->stories)),
                       0, stories->pdata, stories->len);
  return TRUE;
}

/* The story of that id, loaded when the store made it meanwhile (an
 * import naming stories). */
static CcStory *
story_or_load (CcLibrary *self,
               gint64     story_id)
{
  CcStory *story = cc_library_lookup_story (self, story_id);
  g_autoptr(CcStory) loaded = NULL;

  if (story != NULL)
    return story;
  if (!(loaded = cc_store_load_story (self->store, story_id, NULL)))
    return NULL;
  track_story (self, loaded);
  return loaded;
}

/* Puts the article in the stories of @story_ids the library knows. */
void
_cc_library_join_stories (CcLibrary *self,
                          gint64     article_id,
                          GArray    *story_ids)
{
  for (guint i = 0; i < story_ids->len; i++)
    {
      CcStory *story = story_or_load (self, g_array_index (story_ids, gint64, i));

      if (story != NULL)
        _cc_story_add_members (story, &article_id, 1);
    }
}

/* Imported articles join their stories, as stored, then the model: a
 * view of a story meets them as members, and each story changes once per
 * batch. */
void
_cc_library_append_imported (CcLibrary *self,
                             GPtrArray *articles)
{
  g_autoptr(GHashTable) by_story = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify)g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id = cc_article_get_id (g_ptr_array_index (articles, i));
      g_autoptr(GArray) story_ids = cc_store_list_article_stories (self->store, id, NULL);

      for (guint j = 0; story_ids != NULL && j < story_ids->len; j++)
        {
          gint64 story_id = g_array_index (story_ids, gint64, j);
          GArray *members = g_hash_table_lookup (by_story, &story_id);

          if (members == NULL)
            {
              members = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (by_story, g_memdup2 (&story_id, sizeof story_id), members);
            }
          g_array_append_val (members, id);
        }
    }

  g_hash_table_iter_init (&iter, by_story);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *members = value;
      CcStory *story = story_or_load (self, *(gint64 *)key);

      if (story != NULL)
        _cc_story_add_members (story, (gint64 *)members->data, members->len);
    }

  _cc_library_append_articles (self, articles);
}

void
_cc_library_forget_members (CcLibrary    *self,
                            const gint64 *article_ids,
                            guint         n_ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      _cc_story_remove_members (story, article_ids, n_ids);
    }
}

/**
 * cc_library_get_stories:
 *
 * Returns: (transfer none): a #GListModel of the #CcStory of the library,
 *   oldest first
 */
GListModel *
cc_library_get_stories (CcLibrary *self)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->stories);
}

/**
 * cc_library_lookup_story:
 *
 * Returns: (transfer none) (nullable): the story with that id
 */
CcStory *
cc_library_lookup_story (CcLibrary *self,
                         gint64     id)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return g_hash_table_lookup (self->stories_by_id, &id);
}

/**
 * cc_library_find_story:
 * @name_or_id: a story's id, or its title (letter case aside)
 *
 * Returns: (transfer none) (nullable): the story with that id, else the
 *   oldest with that title
 */
CcStory *
cc_library_find_story (CcLibrary  *self,
                       const char *name_or_id)
{
  g_autofree char *folded = NULL;
  guint64 id;
  guint n;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  if (g_ascii_string_to_unsigned (name_or_id, 10, 1, G_MAXINT64, &id, NULL) &&
      cc_library_lookup_story (self, (gint64)id) != NULL)
    return cc_library_lookup_story (self, (gint64)id);

  folded = g_utf8_casefold (name_or_id, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);
      g_autofree char *title = g_utf8_casefold (cc_story_get_title (story), -1);

      if (g_strcmp0 (title, folded) == 0)
        return story;
    }

  return NULL;
}

static char *
clean_title (const char  *title,
             GError     **error)
{
  g_autofree char *stripped = NULL;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A story needs a title"));
      return NULL;
    }
  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A story needs a title"));
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/**
 * cc_library_add_story:
 *
 * Makes and stores a new story, without articles.
 *
 * Returns: (transfer none) (nullable): the story, or %NULL with @error set
 */
CcStory *
cc_library_add_story (CcLibrary   *self,
                      const char  *title,
                      const char  *description,
                      GError     **error)
{
  g_autoptr(CcStory) story = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);

  if (!(clean = clean_title (title, error)))
    return NULL;

  story = cc_story_new (clean);
  if (description != NULL && *description != '\0')
    cc_story_set_description (story, description);
  if (!cc_store_add_story (self->store, story, error))
    return NULL;

  track_story (self, story);
  return story;
}

/**
 * cc_library_rename_story:
 *
 * Gives the story a new title.
 */
gboolean
cc_library_rename_story (CcLibrary   *self,
                         CcStory     *story,
                         const char  *title,
                         GError     **error)
{
  g_autoptr(CcStory) copy = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  if (!(clean = clean_title (title, error)))
    return FALSE;

  copy = g_object_new (CC_TYPE_STORY,
                       "id", cc_story_get_id (story),
                       "title", clean,
                       "description", cc_story_get_description (story),
                       NULL);
  if (!cc_store_update_story (self->store, copy, error))
    return FALSE;
  cc_story_set_title (story, clean);
  return TRUE;
}

/**
 * cc_library_remove_story:
 *
 * Deletes the story. Its articles stay in the library.
 */
gboolean
cc_library_remove_story (CcLibrary  *self,
                         CcStory    *story,
                         GError    **error)
{
  gint64 id;
  guint position;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  id = cc_story_get_id (story);
  if (cc_library_lookup_story (self, id) != story)
    return TRUE;
  if (!cc_store_delete_story (self->store, id, error))
    return FALSE;

  if (g_list_store_find (self->stories, story, &position))
    g_list_store_remove (self->stories, position);
  g_hash_table_remove (self->stories_by_id, &id);
  return TRUE;
}

/**
 * cc_library_restore_story:
 * @story: a story cc_library_remove_story() removed
 *
 * Stores the same story again, with a new id, holding those of its
 * articles still in the library.
 */
gboolean
cc_library_restore_story (CcLibrary  *self,
                          CcStory    *story,
                          GError    **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 old_id;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);

  old_id = cc_story_get_id (story);
  if (cc_library_lookup_story (self, old_id) == story)
    return TRUE;

  ids = cc_story_dup_article_ids (story);
  for (guint i = 0; i < ids->len; i++)
    if (cc_library_lookup_article (self, g_array_index (ids, gint64, i)) != NULL)
      g_array_append_val (present, g_array_index (ids, gint64, i));

  if (!cc_store_add_story (self->store, story, error))
    return FALSE;
  if (!cc_store_set_story_articles (self->store, cc_story_get_id (story),
                                    (gint64 *)present->data, present->len, TRUE, error))
    {
      cc_store_delete_story (self->store, cc_story_get_id (story), NULL);
      cc_story_set_id (story, old_id);
      return FALSE;
    }

  _cc_story_remove_members (story, (gint64 *)ids->data, ids->len);
  _cc_story_add_members (story, (gint64 *)present->data, present->len);
  track_story (self, story);
  return TRUE;
}

/**
 * cc_library_set_story_articles:
 * @articles: (element-type CcArticle): articles of the library
 * @member: %TRUE to add them to @story, %FALSE to take them out of it
 *
 * Adds articles to a story or takes them out of it; they stay in the
 * library either way.
 */
gboolean
cc_library_set_story_articles (CcLibrary  *self,
                               CcStory    *story,
                               GPtrArray  *articles,
                               gboolean    member,
                               GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_STORY (story), FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);

  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id = cc_article_get_id (g_ptr_array_index (articles, i));

      if (cc_library_lookup_article (self, id) != NULL &&
          cc_story_contains (story, id) != member)
        g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return TRUE;
  if (!cc_store_set_story_articles (self->store, cc_story_get_id (story),
                                    (gint64 *)ids->data, ids->len, member, error))
    return FALSE;

  if (member)
    _cc_story_add_members (story, (gint64 *)ids->data, ids->len);
  else
    _cc_story_remove_members (story, (gint64 *)ids->data, ids->len);
  return TRUE;
}

/**
 * cc_library_list_story_articles:
 * @story: (nullable): a story, or %NULL for the whole library
 *
 * Returns: (transfer container) (element-type CcArticle): the articles of
 *   the story, in the library's order
 */
GPtrArray *
cc_library_list_story_articles (CcLibrary *self,
                                CcStory   *story)
{
  GPtrArray *articles;
  guint n;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      CcArticle *article = g_list_model_get_item (G_LIST_MODEL (self), i);

      if (story == NULL || cc_story_contains (story, cc_article_get_id (article)))
        g_ptr_array_add (articles, article);
      else
        g_object_unref (article);
    }
  return articles;
}

/**
 * cc_library_list_article_stories:
 *
 * Returns: (transfer container) (element-type CcStory): the stories that
 *   hold @article, oldest first
 */
GPtrArray *
cc_library_list_article_stories (CcLibrary *self,
                                 CcArticle *article)
{
  GPtrArray *stories;
  gint64 id;
  guint n;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (CC_IS_ARTICLE (article), NULL);

  stories = g_ptr_array_new_with_free_func (g_object_unref);
  id = cc_article_get_id (article);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint i = 0; i < n; i++)
    {
      CcStory *story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      if (cc_story_contains (story, id))
        g_ptr_array_add (stories, story);
      else
        g_object_unref (story);
    }
  return stories;
}

/**
 * cc_library_dup_story_titles:
 * @articles: (element-type CcArticle): articles of the library
 * @only: (nullable): the one story to name, or %NULL for all
 *
 * The titles of the stories holding each article, oldest story first, as
 * cc_json_export_articles_with_stories() takes them.
 *
 * Returns: (transfer full) (element-type CcArticle GStrv): the titles by
 *   article; articles in no story are left out
 */
GHashTable *
cc_library_dup_story_titles (CcLibrary *self,
                             GPtrArray *articles,
                             CcStory   *only)
{
  g_autoptr(GHashTable) builders = NULL;
  GHashTable *titles;
  guint n;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (articles != NULL, NULL);

  /* One pass over each story's members, not one over the stories per
   * article: the cost is the memberships, whatever the number of stories. */
  builders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify)g_strv_builder_unref);
  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id = cc_article_get_id (g_ptr_array_index (articles, i));

      if (!g_hash_table_contains (builders, &id))
        g_hash_table_insert (builders, g_memdup2 (&id, sizeof id), g_strv_builder_new ());
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), j);
      g_autoptr(GArray) ids = NULL;

      if (only != NULL && story != only)
        continue;
      ids = cc_story_dup_article_ids (story);
      for (guint k = 0; k < ids->len; k++)
        {
          GStrvBuilder *builder = g_hash_table_lookup (builders, &g_array_index (ids, gint64, k));

          if (builder != NULL)
            g_strv_builder_add (builder, cc_story_get_title (story));
        }
    }

  titles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_strfreev);
  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      gint64 id = cc_article_get_id (article);
      GStrvBuilder *builder = g_hash_table_lookup (builders, &id);
      char **strv = g_strv_builder_end (builder);

      if (strv[0] != NULL)
        g_hash_table_insert (titles, article, strv);
      else
        g_strfreev (strv);
    }

  return titles;
}
