/* cc-scope.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the window's views show: the articles of the chosen story (or of
 * the whole library) that match the search, and their claims. One scope
 * per window, shared by every view as two filter models over the
 * library's own models, so that a view of a story or a search is the same
 * view as of the library. Whether an article is in scope is two
 * lookups: in the story's set of ids and in the search's. The search asks the
 * store's full-text index on a worker thread; a newer query cancels an
 * older one, and the filters change once the answer is back. */

#define G_LOG_DOMAIN "cc-scope"

#include "config.h"

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-scope.h"
#include "cc-store.h"
#include "cc-story.h"

struct _CcScope
{
  GObject             parent_instance;

  CcLibrary          *library;
  CcStory            *story;
  char               *query;
  /* Ids of the articles matching the query, or NULL without one. */
  CcIdSet            *matches;
  /* The search on its way, if any. */
  GCancellable       *search;
  /* Says ::changed again once the articles are all filtered. */
  guint               caught_up_idle;

  GtkCustomFilter    *article_filter;
  GtkCustomFilter    *claim_filter;
  GtkFilterListModel *articles;
  GtkFilterListModel *claims;
};

G_DEFINE_FINAL_TYPE (CcScope, cc_scope, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORY,
  PROP_QUERY,
  PROP_ARTICLES,
  PROP_CLAIMS,
  PROP_SEARCHING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_article (gpointer item,
                gpointer user_data)
{
  return cc_scope_contains (user_data, cc_article_get_id (item));
}

static gboolean
filter_claim (gpointer item,
              gpointer user_data)
{
  return cc_scope_contains (user_data, cc_claim_get_article_id (item));
}

/* Both filters change as a whole. Without a story or a search they have
 * no function, so they say that they match everything: a filter model
 * then shows its whole model at once, without a look at any item. */
static void
refilter (CcScope *self)
{
  gboolean whole;

  g_assert (CC_IS_SCOPE (self));

  whole = self->story == NULL && self->matches == NULL;
  gtk_custom_filter_set_filter_func (self->article_filter, whole ? NULL : filter_article,
                                     whole ? NULL : self, NULL);
  gtk_custom_filter_set_filter_func (self->claim_filter, whole ? NULL : filter_claim,
                                     whole ? NULL : self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* On a worker: the set of ids of the articles matching the query. */
static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CcStore *store = g_object_get_data (G_OBJECT (task), "store");
  g_autoptr(GError) error = NULL;
  CcIdSet *matches;

  /* A query the index cannot read is still being typed: it matches
   * nothing, quietly. */
  if (!(matches = cc_store_search_set (store, task_data, &error)))
    {
      g_debug ("Search “%s” failed: %s", (const char *)task_data, error->message);
      matches = cc_id_set_new ();
    }
  g_task_return_pointer (task, matches, (GDestroyNotify)cc_id_set_unref);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CcScope *self = CC_SCOPE (object);
  CcIdSet *matches;

  /* A newer query, or none, took this one's place. */
  if (!(matches = g_task_propagate_pointer (G_TASK (result), NULL)))
    return;

  g_clear_object (&self->search);
  g_clear_pointer (&self->matches, cc_id_set_unref);
  self->matches = matches;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* Asks the index for the query's articles, in place of any search on its
 * way; without a query, every article matches at once. */
static void
run_query (CcScope *self)
{
  gboolean was_searching;

  g_assert (CC_IS_SCOPE (self));

  was_searching = self->search != NULL;
  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);

  if (self->library != NULL && self->query != NULL)
    {
      g_autoptr(GTask) task = NULL;

      self->search = g_cancellable_new ();
      task = g_task_new (self, self->search, search_done_cb, NULL);
      g_task_set_source_tag (task, run_query);
      g_task_set_return_on_cancel (task, TRUE);
      g_task_set_task_data (task, g_strdup (self->query), g_free);
      g_object_set_data_full (G_OBJECT (task), "store",
                              g_object_ref (cc_library_get_store (self->library)),
                              g_object_unref);
      g_task_run_in_thread (task, search_thread);
    }
  else if (self->matches != NULL)
    {
      g_clear_pointer (&self->matches, cc_id_set_unref);
      refilter (self);
    }

  if (was_searching != (self->search != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* ::changed again once the articles model has caught up, from an idle
 * that waits for the model's own. */
static gboolean
caught_up_cb (gpointer data)
{
  CcScope *self = data;

  if (gtk_filter_list_model_get_pending (self->articles) > 0)
    return G_SOURCE_CONTINUE;

  self->caught_up_idle = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
articles_items_changed_cb (CcScope    *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *articles)
{
  if (self->caught_up_idle == 0)
    self->caught_up_idle = g_idle_add_full (G_PRIORITY_LOW, caught_up_cb, self, NULL);
}

/* New articles may match the search: the index is asked again. */
static void
library_items_changed_cb (CcScope    *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  g_assert (CC_IS_SCOPE (self));

  if (self->query != NULL && added > 0)
    run_query (self);
}

/* Articles joining the story before they join the library (an import)
 * are judged as they arrive: only those already listed need the filters
 * run again, over the whole library. */
static void
story_members_changed_cb (CcScope  *self,
                          GArray   *ids,
                          gboolean  added,
                          CcStory  *story)
{
  gboolean known = FALSE;
  GtkFilterChange change = added ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT;

  g_assert (CC_IS_SCOPE (self));

  for (guint i = 0; i < ids->len && !known; i++)
    known = self->library != NULL &&
            cc_library_lookup_article (self->library, g_array_index (ids, gint64, i)) != NULL;
  if (!known)
    return;

  gtk_filter_changed (GTK_FILTER (self->article_filter), change);
  gtk_filter_changed (GTK_FILTER (self->claim_filter), change);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A deleted story leaves the whole library in view. */
static void
stories_items_changed_cb (CcScope    *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *stories)
{
  g_assert (CC_IS_SCOPE (self));

  if (self->story != NULL && removed > 0 &&
      cc_library_lookup_story (self->library, cc_story_get_id (self->story)) != self->story)
    cc_scope_set_story (self, NULL);
}

static void
cc_scope_dispose (GObject *object)
{
  CcScope *self = (CcScope *)object;

  cc_scope_set_story (self, NULL);
  cc_scope_set_library (self, NULL);
  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  g_clear_handle_id (&self->caught_up_idle, g_source_remove);
  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_data (self->articles, self);
  g_clear_object (&self->articles);
  g_clear_object (&self->claims);
  g_clear_object (&self->article_filter);
  g_clear_object (&self->claim_filter);
  g_clear_pointer (&self->matches, cc_id_set_unref);

  G_OBJECT_CLASS (cc_scope_parent_class)->dispose (object);
}

static void
cc_scope_finalize (GObject *object)
{
  CcScope *self = (CcScope *)object;

  g_free (self->query);

  G_OBJECT_CLASS (cc_scope_parent_class)->finalize (object);
}

static void
cc_scope_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CcScope *self = CC_SCOPE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY: g_value_set_object (value, self->library); break;
    case PROP_STORY: g_value_set_object (value, self->story); break;
    case PROP_QUERY: g_value_set_string (value, self->query); break;
    case PROP_ARTICLES: g_value_set_object (value, self->articles); break;
    case PROP_CLAIMS: g_value_set_object (value, self->claims); break;
    case PROP_SEARCHING: g_value_set_boolean (value, cc_scope_get_searching (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_scope_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CcScope *self = CC_SCOPE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY: cc_scope_set_library (self, g_value_get_object (value)); break;
    case PROP_STORY: cc_scope_set_story (self, g_value_get_object (value)); break;
    case PROP_QUERY: cc_scope_set_query (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_scope_class_init (CcScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_scope_dispose;
  object_class->finalize = cc_scope_finalize;
  object_class->get_property = cc_scope_get_property;
  object_class->set_property = cc_scope_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, CC_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CcScope:story:
   *
   * The story in view, or %NULL for every article of the library.
   */
  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, CC_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CcScope:query:
   *
   * The search: every word must be in an article's title, outlet or text,
   * as a word or the start of one.
   */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLES] =
    g_param_spec_object ("articles", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIMS] =
    g_param_spec_object ("claims", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CcScope:searching:
   *
   * Whether a search is on its way: the articles in scope are still those
   * of the query before.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcScope::changed:
   *
   * Emitted after the set of articles in scope changed as a whole (a new
   * story, the answer of a search), and again once the articles model,
   * filtered a slice at a time, has caught up.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cc_scope_init (CcScope *self)
{
  /* Neither a story nor a search yet: the filters match everything. */
  self->article_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->claim_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->articles = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->article_filter)));
  self->claims = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->claim_filter)));
  /* The articles and the claims (several an article) are filtered a
   * slice at a time from idles, so that a search never holds up the
   * window; the article list filters the library on its own, at once. */
  gtk_filter_list_model_set_incremental (self->articles, TRUE);
  gtk_filter_list_model_set_incremental (self->claims, TRUE);
  g_signal_connect_swapped (self->articles, "items-changed", G_CALLBACK (articles_items_changed_cb), self);
}

CcScope *
cc_scope_new (void)
{
  return g_object_new (CC_TYPE_SCOPE, NULL);
}

CcLibrary *
cc_scope_get_library (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);
  return self->library;
}

void
cc_scope_set_library (CcScope   *self,
                      CcLibrary *library)
{
  g_return_if_fail (CC_IS_SCOPE (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (self->library == library)
    return;

  cc_scope_set_story (self, NULL);
  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->library, self);
      g_signal_handlers_disconnect_by_data (cc_library_get_stories (self->library), self);
    }

  g_set_object (&self->library, library);

  if (library != NULL)
    {
      g_signal_connect_object (library, "items-changed",
                               G_CALLBACK (library_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cc_library_get_stories (library), "items-changed",
                               G_CALLBACK (stories_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  run_query (self);
  gtk_filter_list_model_set_model (self->articles, library ? G_LIST_MODEL (library) : NULL);
  gtk_filter_list_model_set_model (self->claims, library ? cc_library_get_claims (library) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

CcStory *
cc_scope_get_story (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);
  return self->story;
}

void
cc_scope_set_story (CcScope *self,
                    CcStory *story)
{
  g_return_if_fail (CC_IS_SCOPE (self));
  g_return_if_fail (!story || CC_IS_STORY (story));

  if (self->story == story)
    return;

  if (self->story != NULL)
    g_signal_handlers_disconnect_by_func (self->story, story_members_changed_cb, self);
  g_set_object (&self->story, story);
  if (story != NULL)
    g_signal_connect_object (story, "members-changed",
                             G_CALLBACK (story_members_changed_cb), self, G_CONNECT_SWAPPED);

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

const char *
cc_scope_get_query (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);
  return self->query;
}

void
cc_scope_set_query (CcScope    *self,
                    const char *query)
{
  g_return_if_fail (CC_IS_SCOPE (self));

  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * cc_scope_get_searching:
 *
 * Returns: whether the answer of the search is still to come
 */
gboolean
cc_scope_get_searching (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), FALSE);
  return self->search != NULL;
}

static inline gboolean
in_scope (CcScope *self,
          gint64   article_id)
{
  return (self->story == NULL || cc_story_contains (self->story, article_id)) &&
         (self->matches == NULL || cc_id_set_contains (self->matches, article_id));
}

/**
 * cc_scope_contains:
 *
 * Returns: whether the article with id @article_id is in the story in
 *   view and matches the search
 */
gboolean
cc_scope_contains (CcScope *self,
                   gint64   article_id)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), FALSE);

  return in_scope (self, article_id);
}

/**
 * cc_scope_match_ids:
 * @ids: (array length=n_ids): article ids
 * @first: the position of the first of @ids
 * @positions: where the positions of those in scope are added
 *
 * Adds to @positions @first plus the index of each of @ids that
 * cc_scope_contains() holds, as ranges of consecutive ones: the judging of
 * a whole library at once, without a call per article.
 */
void
cc_scope_match_ids (CcScope      *self,
                    const gint64 *ids,
                    guint         n_ids,
                    guint         first,
                    GtkBitset    *positions)
{
  guint run = 0;
  gboolean in_run = FALSE;

  g_return_if_fail (CC_IS_SCOPE (self));

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean in = in_scope (self, ids[i]);

      if (in && !in_run)
        run = i;
      else if (!in && in_run)
        gtk_bitset_add_range (positions, first + run, i - run);
      in_run = in;
    }
  if (in_run)
    gtk_bitset_add_range (positions, first + run, n_ids - run);
}

/**
 * cc_scope_get_articles:
 *
 * Returns: (transfer none): the articles in scope, in the library's
 *   order; a #GtkFilterListModel that follows a change of scope a slice
 *   at a time (see cc_scope_list_articles())
 */
GListModel *
cc_scope_get_articles (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);
  return G_LIST_MODEL (self->articles);
}

/**
 * cc_scope_list_articles:
 *
 * The articles in scope now, whole, for work that takes them all at
 * once (an export), while the articles model may still be catching up.
 *
 * Returns: (transfer full) (element-type CcArticle): the articles in
 *   scope, in the library's order
 */
GPtrArray *
cc_scope_list_articles (CcScope *self)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);

  n_items = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      CcArticle *article = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (cc_scope_contains (self, cc_article_get_id (article)))
        g_ptr_array_add (articles, article);
      else
        g_object_unref (article);
    }
  return articles;
}

static gboolean
listed_in_scope (gint64   id,
                 gpointer user_data)
{
  CcScope *self = user_data;

  return in_scope (self, id) && cc_library_lookup_article (self->library, id) != NULL;
}

/**
 * cc_scope_has_articles:
 *
 * Returns: whether any article is in scope now, whether or not the
 *   articles model has caught up
 */
gboolean
cc_scope_has_articles (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), FALSE);

  if (self->library == NULL)
    return FALSE;

  /* The smaller set is walked, and the walk ends at the first article
   * found: the search's matches, the story's members, or the library. */
  if (self->matches != NULL)
    return cc_id_set_foreach (self->matches, listed_in_scope, self);
  if (self->story != NULL)
    {
      g_autoptr(GArray) ids = cc_story_dup_article_ids (self->story);

      for (guint i = 0; i < ids->len; i++)
        if (cc_library_lookup_article (self->library, g_array_index (ids, gint64, i)) != NULL)
          return TRUE;
      return FALSE;
    }
  return g_list_model_get_n_items (G_LIST_MODEL (self->library)) > 0;
}

/**
 * cc_scope_get_filter:
 *
 * Returns: (transfer none): the filter that keeps the articles in scope,
 *   for views that order the library's articles their own way before
 *   filtering them
 */
GtkFilter *
cc_scope_get_filter (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);
  return GTK_FILTER (self->article_filter);
}

/**
 * cc_scope_get_claims:
 *
 * Returns: (transfer none): the claims (not rejected) of the articles in
 *   scope, article by article; a #GtkFilterListModel that follows a
 *   change of scope a slice at a time (see
 *   gtk_filter_list_model_get_pending())
 */
GListModel *
cc_scope_get_claims (CcScope *self)
{
  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);
  return G_LIST_MODEL (self->claims);
}

/**
 * cc_scope_dup_query_words:
 *
 * Returns: (transfer full) (nullable): the words of the search, as the
 *   index splits them, for highlighting; %NULL without a search
 */
char **
cc_scope_dup_query_words (CcScope *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  g_return_val_if_fail (CC_IS_SCOPE (self), NULL);

  if (self->query == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (const char *p = self->query; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return g_strv_builder_end (builder);
}
