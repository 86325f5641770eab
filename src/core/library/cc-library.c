/* cc-library.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CcLibrary is the one shared model every view looks at: a GListModel of
 * the stored articles, each carrying list models of its claims and
 * annotations, plus one flattened model of every claim that is not
 * rejected. Every mutation goes through here: it is written to the store
 * first and, once stored, reaches the views through items-changed and
 * property notifications. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-importer.h"
#include "cc-library-private.h"
#include "cc-store.h"
#include "cc-utils.h"


static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CcLibrary, cc_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
track_article (CcLibrary *self,
               CcArticle *article)
{
  gint64 *key = g_new (gint64, 1);

  *key = cc_article_get_id (article);
  g_hash_table_insert (self->by_id, key, article);
}

static void
untrack_article (CcLibrary *self,
                 CcArticle *article)
{
  gint64 id = cc_article_get_id (article);

  _cc_library_claims_unwatch (self, article);
  g_hash_table_remove (self->by_id, &id);
}

void
_cc_library_append_articles (CcLibrary *self,
                             GPtrArray *articles)
{
  guint position = self->articles->len;

  if (articles->len == 0)
    return;

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);

      g_ptr_array_add (self->articles, g_object_ref (article));
      track_article (self, article);
    }
  _cc_library_claims_append (self, articles);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, articles->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
cc_library_get_item_type (GListModel *model)
{
  return CC_TYPE_ARTICLE;
}

static guint
cc_library_get_n_items (GListModel *model)
{
  return CC_LIBRARY (model)->articles->len;
}

static gpointer
cc_library_get_item (GListModel *model,
                     guint       position)
{
  CcLibrary *self = CC_LIBRARY (model);

  if (position >= self->articles->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->articles, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cc_library_get_item_type;
  iface->get_n_items = cc_library_get_n_items;
  iface->get_item = cc_library_get_item;
}

static void
cc_library_dispose (GObject *object)
{
  CcLibrary *self = (CcLibrary *)object;

  if (self->articles != NULL)
    {
      for (guint i = 0; i < self->articles->len; i++)
        untrack_article (self, g_ptr_array_index (self->articles, i));
      g_clear_pointer (&self->articles, g_ptr_array_unref);
    }
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  _cc_library_claims_dispose (self);
  _cc_library_dispose_stories (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cc_library_parent_class)->dispose (object);
}

static void
cc_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcLibrary *self = CC_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->articles->len);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_library_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcLibrary *self = CC_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_library_class_init (CcLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_library_dispose;
  object_class->get_property = cc_library_get_property;
  object_class->set_property = cc_library_set_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_library_init (CcLibrary *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  _cc_library_claims_init (self);
  _cc_library_init_stories (self);
}

CcLibrary *
cc_library_new (CcStore *store)
{
  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  return g_object_new (CC_TYPE_LIBRARY, "store", store, NULL);
}

/**
 * cc_library_load:
 *
 * Fills the model from the store. Call once, before the views attach.
 */
gboolean
cc_library_load (CcLibrary  *self,
                 GError    **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!(articles = cc_store_load_articles (self->store, error)))
    return FALSE;

  _cc_library_append_articles (self, articles);
  return _cc_library_load_stories (self, error);
}

CcStore *
cc_library_get_store (CcLibrary *self)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return self->store;
}

/**
 * cc_library_lookup_article:
 *
 * Returns: (transfer none) (nullable): the article with that id
 */
CcArticle *
cc_library_lookup_article (CcLibrary *self,
                           gint64     id)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

/* Edits ------------------------------------------------------------------- */

/* A field of an edit: %NULL keeps the current value, "" clears it. */
static const char *
edited_field (const char *given,
              const char *current)
{
  if (given == NULL)
    return current;
  return *given != '\0' ? given : NULL;
}

/**
 * cc_library_update_article:
 *
 * Changes an article's metadata; a %NULL field is left as it is.
 */
gboolean
cc_library_update_article (CcLibrary   *self,
                           CcArticle   *article,
                           const char  *title,
                           const char  *outlet,
                           const char  *url,
                           const char  *published,
                           GError     **error)
{
  g_autoptr(CcArticle) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  if (published != NULL && *published != '\0' && !cc_date_is_valid (published))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("“%s” is not a date of the form YYYY-MM-DD"), published);
      return FALSE;
    }

  /* Store first, so that a failed write leaves the model as stored. */
  copy = g_object_new (CC_TYPE_ARTICLE,
                       "id", cc_article_get_id (article),
                       "title", title ? title : cc_article_get_title (article),
                       "outlet", edited_field (outlet, cc_article_get_outlet (article)),
                       "url", edited_field (url, cc_article_get_url (article)),
                       "published", edited_field (published, cc_article_get_published (article)),
                       "language", cc_article_get_language (article),
                       NULL);
  if (!cc_store_update_article (self->store, copy, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (article));
  cc_article_set_title (article, cc_article_get_title (copy));
  cc_article_set_outlet (article, cc_article_get_outlet (copy));
  cc_article_set_url (article, cc_article_get_url (copy));
  cc_article_set_published (article, cc_article_get_published (copy));
  g_object_thaw_notify (G_OBJECT (article));
  return TRUE;
}

gboolean
cc_library_remove_article (CcLibrary  *self,
                           CcArticle  *article,
                           GError    **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(CcRemovedArticles) removed = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  g_ptr_array_add (one, article);
  removed = cc_library_remove_articles (self, one, error);
  return removed != NULL;
}

/* Removing and restoring articles ---------------------------------------- */

/* Beyond this many ranges of deleted articles, one change replaces them. */
#define MAX_RANGES 32

static guint
count_ranges (CcLibrary  *self,
              GHashTable *gone)
{
  gboolean in_range = FALSE;
  guint n = 0;

  for (guint i = 0; i < self->articles->len; i++)
    {
      gboolean removed = g_hash_table_contains (gone, g_ptr_array_index (self->articles, i));

      n += removed && !in_range;
      in_range = removed;
    }
  return n;
}

/* Takes the articles in @gone out of the models, not out of the store,
 * in one walk of the library. */
static void
take_out (CcLibrary  *self,
          GHashTable *gone)
{
  /* The claims' runs, in one walk. */
  _cc_library_claims_remove (self, gone);

  /* The articles, one range at a time from the end, so that the positions
   * of each items-changed hold when it is emitted; articles scattered
   * over many ranges go in one pass and one change from the first, so
   * that no deletion costs more than one walk of the library. */
  if (count_ranges (self, gone) > MAX_RANGES)
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
      guint old_len = self->articles->len;
      guint first = old_len;

      for (guint i = 0; i < old_len; i++)
        {
          CcArticle *article = g_ptr_array_index (self->articles, i);

          if (g_hash_table_contains (gone, article))
            {
              first = MIN (first, i);
              untrack_article (self, article);
            }
          else
            g_ptr_array_add (kept, g_object_ref (article));
        }
      g_ptr_array_unref (self->articles);
      self->articles = g_steal_pointer (&kept);
      g_list_model_items_changed (G_LIST_MODEL (self), first, old_len - first,
                                  self->articles->len - first);
    }
  else
    {
      for (guint end = self->articles->len; end > 0;)
        {
          guint start = end;

          while (start > 0 && g_hash_table_contains (gone, g_ptr_array_index (self->articles, start - 1)))
            start--;
          if (start == end)
            {
              end--;
              continue;
            }
          for (guint i = start; i < end; i++)
            untrack_article (self, g_ptr_array_index (self->articles, i));
          g_ptr_array_remove_range (self->articles, start, end - start);
          g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, 0);
          end = start;
        }
    }

  _cc_library_claims_reindex (self);
}

struct _CcRemovedArticles
{
  /* The articles as they were, with their claims and annotations. */
  GPtrArray *articles;
  /* For each article: its extractor version and its stories' ids. */
  GArray    *versions;
  GPtrArray *story_ids;
};

void
cc_removed_articles_free (CcRemovedArticles *removed)
{
  if (removed == NULL)
    return;
  g_clear_pointer (&removed->articles, g_ptr_array_unref);
  g_clear_pointer (&removed->versions, g_array_unref);
  g_clear_pointer (&removed->story_ids, g_ptr_array_unref);
  g_free (removed);
}

/**
 * cc_removed_articles_get_articles:
 *
 * Returns: (transfer none) (element-type CcArticle): the removed articles
 */
GPtrArray *
cc_removed_articles_get_articles (CcRemovedArticles *removed)
{
  g_return_val_if_fail (removed != NULL, NULL);
  return removed->articles;
}

/**
 * cc_library_remove_articles:
 * @articles: (element-type CcArticle): articles of the library
 *
 * Deletes the articles with their claims, annotations and places in
 * stories, in one transaction, then takes them out of every model in one
 * pass over the library. Articles not in the library are ignored.
 *
 * Returns: (transfer full) (nullable): what cc_library_restore_articles()
 *   needs to put them back, or %NULL with @error set
 */
CcRemovedArticles *
cc_library_remove_articles (CcLibrary  *self,
                            GPtrArray  *articles,
                            GError    **error)
{
  g_autoptr(CcRemovedArticles) removed = g_new0 (CcRemovedArticles, 1);
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (articles != NULL, NULL);

  removed->articles = g_ptr_array_new_with_free_func (g_object_unref);
  removed->versions = g_array_new (FALSE, FALSE, sizeof (guint));
  removed->story_ids = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      gint64 id = cc_article_get_id (article);
      guint version;
      GArray *story_ids;

      if (cc_library_lookup_article (self, id) != article ||
          !g_hash_table_add (gone, article))
        continue;

      /* Undo stores the same text, claims and annotations again. */
      cc_article_get_text (article);
      cc_article_get_claims (article);
      cc_article_get_annotations (article);
      version = cc_store_get_extractor_version (self->store, id);
      if (!(story_ids = cc_store_list_article_stories (self->store, id, error)))
        return NULL;
      g_ptr_array_add (removed->articles, g_object_ref (article));
      g_array_append_val (removed->versions, version);
      g_ptr_array_add (removed->story_ids, story_ids);
      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return g_steal_pointer (&removed);

  if (!cc_store_delete_articles (self->store, (gint64 *)ids->data, ids->len, error))
    return NULL;

  take_out (self, gone);

  /* Out of the stories once out of the model: views of a story have
   * nothing left to drop. */
  _cc_library_forget_members (self, (gint64 *)ids->data, ids->len);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return g_steal_pointer (&removed);
}

/**
 * cc_library_restore_articles:
 *
 * Stores the removed articles again, each with its claims, annotations
 * and stories in one transaction (stories deleted since are skipped), and
 * puts the same objects back at the end of the library. They get new ids.
 */
gboolean
cc_library_restore_articles (CcLibrary          *self,
                             CcRemovedArticles  *removed,
                             GError            **error)
{
  g_autoptr(GPtrArray) restored = g_ptr_array_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (removed != NULL, FALSE);

  for (guint i = 0; ok && i < removed->articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (removed->articles, i);
      GArray *story_ids = g_ptr_array_index (removed->story_ids, i);

      if (cc_library_lookup_article (self, cc_article_get_id (article)) == article)
        continue;
      ok = cc_store_add_article_full (self->store, article,
                                      g_array_index (removed->versions, guint, i),
                                      (gint64 *)story_ids->data, story_ids->len, NULL, error);
      if (ok)
        g_ptr_array_add (restored, article);
    }

  /* Into their stories first, so that a view of a story meets them as
   * members when they join the model. */
  for (guint i = 0; i < removed->articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (removed->articles, i);

      if (g_ptr_array_find (restored, article, NULL))
        _cc_library_join_stories (self, cc_article_get_id (article),
                                  g_ptr_array_index (removed->story_ids, i));
    }
  _cc_library_append_articles (self, restored);

  return ok;
}

/**
 * cc_library_sync_with_store:
 *
 * Takes in what another process changed in the library file since the
 * model was filled: the articles it added are appended, with their claims
 * and annotations, and those it deleted leave the model. Reads the ids of
 * the articles, in time linear in the library, and loads only what is new.
 *
 * Returns: %TRUE when the model follows the file
 */
gboolean
cc_library_sync_with_store (CcLibrary  *self,
                            GError    **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) present = NULL;
  g_autoptr(GHashTable) gone = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  guint n_before = self->articles->len;
  gint64 last = 0;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!(ids = cc_store_list_article_ids (self->store, error)))
    return FALSE;

  present = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (present, &g_array_index (ids, gint64, i));

  gone = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (self->articles, i);
      gint64 id = cc_article_get_id (article);

      if (!g_hash_table_contains (present, &id))
        g_hash_table_add (gone, article);
      else
        last = MAX (last, id);
    }
  if (g_hash_table_size (gone) > 0)
    {
      g_autoptr(GArray) gone_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GHashTableIter iter;
      gpointer article;

      g_hash_table_iter_init (&iter, gone);
      while (g_hash_table_iter_next (&iter, &article, NULL))
        g_array_append_val (gone_ids, (gint64) { cc_article_get_id (article) });
      take_out (self, gone);
      _cc_library_forget_members (self, (gint64 *)gone_ids->data, gone_ids->len);
    }

  if (!(added = cc_store_load_articles_after (self->store, last, error)))
    return FALSE;
  for (guint i = 0; i < added->len; i++)
    {
      CcArticle *article = g_ptr_array_index (added, i);
      gint64 id = cc_article_get_id (article);

      if (!g_hash_table_contains (self->by_id, &id))
        g_ptr_array_add (fresh, article);
    }
  _cc_library_append_articles (self, fresh);

  if (fresh->len == 0 && self->articles->len != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

/**
 * cc_library_add_claim:
 *
 * Adds a claim the user made (from a selection, say) to @article.
 */
gboolean
cc_library_add_claim (CcLibrary  *self,
                      CcArticle  *article,
                      CcClaim    *claim,
                      GError    **error)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  /* Read first: the claims read later would hold this one again. */
  cc_article_get_claims (article);
  cc_claim_set_article_id (claim, cc_article_get_id (article));
  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);
  if (!cc_store_add_claim (self->store, claim, error))
    return FALSE;
  _cc_article_append_claim (article, claim);
  return TRUE;
}

/**
 * cc_library_save_claim:
 *
 * Stores the fields the user changed on @claim. The claim becomes the
 * user's: re-extraction will not touch it.
 */
gboolean
cc_library_save_claim (CcLibrary  *self,
                       CcClaim    *claim,
                       GError    **error)
{
  g_autoptr(CcClaim) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  copy = cc_claim_copy (claim);
  cc_claim_set_origin (copy, CC_CLAIM_ORIGIN_USER);
  if (!cc_store_update_claim (self->store, copy, error))
    return FALSE;
  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);
  return TRUE;
}

/**
 * cc_library_set_claim_rejected:
 *
 * Marks a claim "not a claim" (or takes that back). A rejected claim stays
 * stored, so that re-extraction does not bring it back, but leaves the
 * flattened claims model at once.
 */
gboolean
cc_library_set_claim_rejected (CcLibrary  *self,
                               CcClaim    *claim,
                               gboolean    rejected,
                               GError    **error)
{
  g_autoptr(CcClaim) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  copy = cc_claim_copy (claim);
  cc_claim_set_rejected (copy, rejected);
  cc_claim_set_origin (copy, CC_CLAIM_ORIGIN_USER);
  if (!cc_store_update_claim (self->store, copy, error))
    return FALSE;

  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);
  cc_claim_set_rejected (claim, rejected);
  return TRUE;
}

gboolean
cc_library_add_annotation (CcLibrary     *self,
                           CcArticle     *article,
                           CcAnnotation  *annotation,
                           GError       **error)
{
  gint64 now = cc_now_seconds ();

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  cc_article_get_annotations (article);
  cc_annotation_set_article_id (annotation, cc_article_get_id (article));
  if (cc_annotation_get_created (annotation) == 0)
    cc_annotation_set_created (annotation, now);
  cc_annotation_set_modified (annotation, now);
  if (!cc_store_add_annotation (self->store, annotation, error))
    return FALSE;
  _cc_article_append_annotation (article, annotation);
  return TRUE;
}

gboolean
cc_library_save_annotation (CcLibrary     *self,
                            CcAnnotation  *annotation,
                            GError       **error)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  cc_annotation_set_modified (annotation, cc_now_seconds ());
  return cc_store_update_annotation (self->store, annotation, error);
}

gboolean
cc_library_remove_annotation (CcLibrary     *self,
                              CcAnnotation  *annotation,
                              GError       **error)
{
  CcArticle *article;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!cc_store_delete_annotation (self->store, cc_annotation_get_id (annotation), error))
    return FALSE;
  article = cc_library_lookup_article (self, cc_annotation_get_article_id (annotation));
  if (article != NULL)
    _cc_article_remove_annotation (article, annotation);
  return TRUE;
}

/**
 * cc_library_search:
 *
 * Returns: (transfer full): a set of the ids (gint64 keys) of the articles
 *   whose title or text hold every word of @query
 */
GHashTable *
cc_library_search (CcLibrary   *self,
                   const char  *query,
                   GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  GHashTable *set;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);

  if (!(ids = cc_store_search (self->store, query, error)))
    return NULL;

  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = g_array_index (ids, gint64, i);
      g_hash_table_add (set, key);
    }
  return set;
}

/**
 * cc_library_search_page:
 * @before_id: the last id of the page before, or 0 for the first page
 * @limit: the most articles to return
 *
 * A page of the articles cc_library_search() finds, newest first, read in
 * time that grows with the page rather than with the matches: for a
 * common word, the first results come at once.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the page
 */
GArray *
cc_library_search_page (CcLibrary   *self,
                        const char  *query,
                        gint64       before_id,
                        guint        limit,
                        GError     **error)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return cc_store_search_page (self->store, query, before_id, limit, error);
}

/**
 * cc_library_load_annotations:
 *
 * Reads the annotations of every article not read yet, in one pass: for
 * a view of the annotations of the whole library.
 *
 * Returns: %TRUE when read
 */
gboolean
cc_library_load_annotations (CcLibrary  *self,
                             GError    **error)
{
  g_autoptr(GHashTable) loaded = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!(loaded = cc_store_load_annotations (self->store, error)))
    return FALSE;
  for (guint i = 0; i < self->articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (self->articles, i);
      gint64 id = cc_article_get_id (article);
      GPtrArray *annotations = g_hash_table_lookup (loaded, &id);

      if (annotations != NULL)
        _cc_article_fill_annotations (article, annotations);
    }
  return TRUE;
}
