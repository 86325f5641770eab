/* cc-article.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-article"

#include "config.h"

#include "cc-article-private.h"
#include "cc-utils.h"

struct _CcArticle
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *outlet;
  char       *url;
  char       *published;
  char       *language;
  char       *text;
  char       *source_file;
  gint64      imported;

  /* Made on first use: an article listed but never read has none. */
  GListStore *claims;
  GListStore *annotations;
  guint       n_claims;
  char      **story_titles;

  /* A stored article is listed with its details only; its text and
   * annotations, and its claims, are read by @loader when first asked
   * for. An article made in memory has everything from the start. */
  CcArticleLoader loader;
  gpointer        loader_data;
  GDestroyNotify  loader_notify;
  guint           text_loaded : 1;
  guint           claims_loaded : 1;
  guint           annotations_loaded : 1;
  guint           loading : 1;

  /* Told after every change of the claims (the library's flattened
   * model), without the cost of two signal connections per article. */
  CcArticleObserver observer;
  gpointer          observer_data;
};

G_DEFINE_FINAL_TYPE (CcArticle, cc_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_LANGUAGE,
  PROP_TEXT,
  PROP_SOURCE_FILE,
  PROP_IMPORTED,
  PROP_CLAIMS,
  PROP_ANNOTATIONS,
  PROP_N_CLAIMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_article_update_n_claims (CcArticle *self)
{
  guint n = self->claims ? g_list_model_get_n_items (G_LIST_MODEL (self->claims)) : 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      if (!cc_claim_get_rejected (claim))
        count++;
    }

  if (count != self->n_claims)
    {
      self->n_claims = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLAIMS]);
    }
}

static void
tell_observer (CcArticle *self)
{
  if (self->observer != NULL)
    self->observer (self, self->observer_data);
}

static void
on_claim_rejected_notify (CcArticle  *self,
                          GParamSpec *pspec,
                          CcClaim    *claim)
{
  cc_article_update_n_claims (self);
  tell_observer (self);
}

/* A plain connection, not g_signal_connect_object(): that one puts a
 * weak reference on the article per claim, and letting go of hundreds of
 * thousands of them is quadratic. Every claim the article holds is
 * unwatched when it leaves the article or the article is disposed, so no
 * handler outlives the article. */
static void
cc_article_watch_claim (CcArticle *self,
                        CcClaim   *claim)
{
  g_signal_connect_swapped (claim, "notify::rejected",
                            G_CALLBACK (on_claim_rejected_notify), self);
}

static void
cc_article_unwatch_claim (CcArticle *self,
                          CcClaim   *claim)
{
  g_signal_handlers_disconnect_by_func (claim, on_claim_rejected_notify, self);
}

static void
cc_article_unwatch_all (CcArticle *self)
{
  guint n = self->claims ? g_list_model_get_n_items (G_LIST_MODEL (self->claims)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);
      cc_article_unwatch_claim (self, claim);
    }
}

static void
cc_article_dispose (GObject *object)
{
  CcArticle *self = (CcArticle *)object;

  if (self->claims != NULL)
    cc_article_unwatch_all (self);
  g_clear_object (&self->claims);
  g_clear_object (&self->annotations);
  if (self->loader_notify != NULL)
    g_clear_pointer (&self->loader_data, self->loader_notify);
  self->loader = NULL;

  G_OBJECT_CLASS (cc_article_parent_class)->dispose (object);
}

static void
cc_article_finalize (GObject *object)
{
  CcArticle *self = (CcArticle *)object;

  g_free (self->title);
  g_free (self->outlet);
  g_free (self->url);
  g_free (self->published);
  g_free (self->language);
  g_free (self->text);
  g_free (self->source_file);
  g_strfreev (self->story_titles);

  G_OBJECT_CLASS (cc_article_parent_class)->finalize (object);
}

static void
cc_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcArticle *self = CC_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TEXT:
      g_value_set_string (value, cc_article_get_text (self));
      break;
    case PROP_SOURCE_FILE:
      g_value_set_string (value, self->source_file);
      break;
    case PROP_IMPORTED:
      g_value_set_int64 (value, self->imported);
      break;
    case PROP_CLAIMS:
      g_value_set_object (value, cc_article_get_claims (self));
      break;
    case PROP_ANNOTATIONS:
      g_value_set_object (value, cc_article_get_annotations (self));
      break;
    case PROP_N_CLAIMS:
      g_value_set_uint (value, self->n_claims);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcArticle *self = CC_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cc_article_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      cc_article_set_title (self, g_value_get_string (value));
      break;
    case PROP_OUTLET:
      cc_article_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_URL:
      cc_article_set_url (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      cc_article_set_published (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      cc_article_set_language (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      cc_article_set_text (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_FILE:
      cc_article_set_source_file (self, g_value_get_string (value));
      break;
    case PROP_IMPORTED:
      cc_article_set_imported (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_article_class_init (CcArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cc_article_dispose;
  object_class->finalize = cc_article_finalize;
  object_class->get_property = cc_article_get_property;
  object_class->set_property = cc_article_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE_FILE] = g_param_spec_string ("source-file", NULL, NULL, NULL, rw);
  properties[PROP_IMPORTED] = g_param_spec_int64 ("imported", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CLAIMS] = g_param_spec_object ("claims", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_N_CLAIMS] = g_param_spec_uint ("n-claims", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_article_init (CcArticle *self)
{
  self->text_loaded = TRUE;
  self->claims_loaded = TRUE;
  self->annotations_loaded = TRUE;
}

static GListStore *
claims_store (CcArticle *self)
{
  if (self->claims == NULL)
    self->claims = g_list_store_new (CC_TYPE_CLAIM);
  return self->claims;
}

static GListStore *
annotations_store (CcArticle *self)
{
  if (self->annotations == NULL)
    self->annotations = g_list_store_new (CC_TYPE_ANNOTATION);
  return self->annotations;
}

static gboolean
has_part (CcArticle     *self,
          CcArticlePart  part)
{
  switch (part)
    {
    case CC_ARTICLE_PART_TEXT:
      return self->text_loaded;
    case CC_ARTICLE_PART_CLAIMS:
      return self->claims_loaded;
    case CC_ARTICLE_PART_ANNOTATIONS:
      return self->annotations_loaded;
    default:
      g_assert_not_reached ();
    }
}

/* Reads one part, once; the loader fills the article through the
 * _cc_article_fill_*() calls. A loader that fails leaves the article as
 * it is, and the next use tries again. */
static void
ensure_loaded (CcArticle     *self,
               CcArticlePart  part)
{
  if (has_part (self, part) || self->loader == NULL || self->loading)
    return;

  self->loading = TRUE;
  self->loader (self, part, self->loader_data);
  self->loading = FALSE;
}

CcArticle *
cc_article_new (void)
{
  return g_object_new (CC_TYPE_ARTICLE, NULL);
}

#define DEFINE_STR_PROP(name, PROP)                                       \
  const char *                                                            \
  cc_article_get_##name (CcArticle *self)                                 \
  {                                                                       \
    g_return_val_if_fail (CC_IS_ARTICLE (self), NULL);                    \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  cc_article_set_##name (CcArticle  *self,                                \
                         const char *value)                               \
  {                                                                       \
    g_return_if_fail (CC_IS_ARTICLE (self));                              \
    if (cc_set_str (&self->name, value))                                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

DEFINE_STR_PROP (title, PROP_TITLE)
DEFINE_STR_PROP (outlet, PROP_OUTLET)
DEFINE_STR_PROP (url, PROP_URL)
DEFINE_STR_PROP (published, PROP_PUBLISHED)
DEFINE_STR_PROP (language, PROP_LANGUAGE)
DEFINE_STR_PROP (source_file, PROP_SOURCE_FILE)

#undef DEFINE_STR_PROP

const char *
cc_article_get_text (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), NULL);
  ensure_loaded (self, CC_ARTICLE_PART_TEXT);
  return self->text;
}

void
cc_article_set_text (CcArticle  *self,
                     const char *value)
{
  g_return_if_fail (CC_IS_ARTICLE (self));
  if (cc_set_str (&self->text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gint64
cc_article_get_id (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), 0);
  return self->id;
}

void
cc_article_set_id (CcArticle *self,
                   gint64     id)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
cc_article_get_imported (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), 0);
  return self->imported;
}

void
cc_article_set_imported (CcArticle *self,
                         gint64     imported)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->imported != imported)
    {
      self->imported = imported;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED]);
    }
}

/**
 * cc_article_get_claims:
 *
 * Returns: (transfer none): a #GListModel of #CcClaim, in text order
 */
GListModel *
cc_article_get_claims (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), NULL);
  ensure_loaded (self, CC_ARTICLE_PART_CLAIMS);
  return G_LIST_MODEL (claims_store (self));
}

/**
 * cc_article_get_annotations:
 *
 * Returns: (transfer none): a #GListModel of #CcAnnotation
 */
GListModel *
cc_article_get_annotations (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), NULL);
  ensure_loaded (self, CC_ARTICLE_PART_ANNOTATIONS);
  return G_LIST_MODEL (annotations_store (self));
}

guint
cc_article_get_n_claims (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), 0);
  return self->n_claims;
}

char *
cc_article_dup_text_hash (CcArticle *self)
{
  const char *text;

  g_return_val_if_fail (CC_IS_ARTICLE (self), NULL);
  text = cc_article_get_text (self);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text ? text : "", -1);
}

/**
 * cc_article_is_loaded:
 *
 * Returns: whether the article's text, claims and annotations are in
 *   memory; any getter of them reads them when they are not
 */
gboolean
cc_article_is_loaded (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), FALSE);
  return self->text_loaded && self->claims_loaded && self->annotations_loaded;
}

static int
compare_claims (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  CcClaim *ca = (CcClaim *)a;
  CcClaim *cb = (CcClaim *)b;
  guint sa = cc_claim_get_start (ca);
  guint sb = cc_claim_get_start (cb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return 0;
}

void
_cc_article_append_claim (CcArticle *self,
                          CcClaim   *claim)
{
  g_return_if_fail (CC_IS_ARTICLE (self));
  g_return_if_fail (CC_IS_CLAIM (claim));

  ensure_loaded (self, CC_ARTICLE_PART_CLAIMS);
  cc_article_watch_claim (self, claim);
  g_list_store_insert_sorted (claims_store (self), claim, compare_claims, NULL);
  /* Counted as it comes, not by walking all the claims again. */
  if (!cc_claim_get_rejected (claim))
    {
      self->n_claims++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLAIMS]);
    }
  tell_observer (self);
}

void
_cc_article_remove_claim (CcArticle *self,
                          CcClaim   *claim)
{
  guint position;

  g_return_if_fail (CC_IS_ARTICLE (self));
  g_return_if_fail (CC_IS_CLAIM (claim));

  if (self->claims != NULL && g_list_store_find (self->claims, claim, &position))
    {
      cc_article_unwatch_claim (self, claim);
      g_list_store_remove (self->claims, position);
      cc_article_update_n_claims (self);
      tell_observer (self);
    }
}

static int
compare_claim_ptrs (gconstpointer a,
                    gconstpointer b)
{
  return compare_claims (*(CcClaim **)a, *(CcClaim **)b, NULL);
}

void
_cc_article_replace_claims (CcArticle *self,
                            GPtrArray *claims)
{
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_if_fail (CC_IS_ARTICLE (self));

  /* The copy would inherit the caller's free function: borrow instead. */
  sorted = g_ptr_array_sized_new (claims->len);
  for (guint i = 0; i < claims->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (claims, i));
  g_ptr_array_sort (sorted, compare_claim_ptrs);
  cc_article_unwatch_all (self);
  for (guint i = 0; i < sorted->len; i++)
    cc_article_watch_claim (self, g_ptr_array_index (sorted, i));
  self->claims_loaded = TRUE;
  claims_store (self);
  g_list_store_splice (self->claims, 0, g_list_model_get_n_items (G_LIST_MODEL (self->claims)),
                       sorted->pdata, sorted->len);
  cc_article_update_n_claims (self);
  tell_observer (self);
}

void
_cc_article_append_annotation (CcArticle    *self,
                               CcAnnotation *annotation)
{
  g_return_if_fail (CC_IS_ARTICLE (self));
  g_return_if_fail (CC_IS_ANNOTATION (annotation));

  ensure_loaded (self, CC_ARTICLE_PART_ANNOTATIONS);
  g_list_store_append (annotations_store (self), annotation);
}

void
_cc_article_remove_annotation (CcArticle    *self,
                               CcAnnotation *annotation)
{
  guint position;

  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->annotations != NULL && g_list_store_find (self->annotations, annotation, &position))
    g_list_store_remove (self->annotations, position);
}

void
_cc_article_replace_annotations (CcArticle *self,
                                 GPtrArray *annotations)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  self->annotations_loaded = TRUE;
  annotations_store (self);
  g_list_store_splice (self->annotations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->annotations)),
                       annotations->pdata, annotations->len);
}

const char * const *
_cc_article_get_story_titles (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), NULL);
  return (const char * const *)self->story_titles;
}

void
_cc_article_set_story_titles (CcArticle          *self,
                              const char * const *titles)
{
  g_return_if_fail (CC_IS_ARTICLE (self));
  g_strfreev (self->story_titles);
  self->story_titles = g_strdupv ((char **)titles);
}

/* Lazily filled articles ------------------------------------------------- */

/**
 * _cc_article_new_listed:
 *
 * An article as the list of a library shows it: its details and the
 * number of its claims that are not rejected, without notifications.
 * Its text, claims and annotations are read by @loader on first use.
 */
CcArticle *
_cc_article_new_listed (gint64           id,
                        const char      *title,
                        const char      *outlet,
                        const char      *url,
                        const char      *published,
                        const char      *language,
                        const char      *source_file,
                        gint64           imported,
                        guint            n_claims,
                        CcArticleLoader  loader,
                        gpointer         loader_data,
                        GDestroyNotify   loader_notify)
{
  CcArticle *self = g_object_new (CC_TYPE_ARTICLE, NULL);

  self->id = id;
  self->title = g_strdup (title);
  self->outlet = g_strdup (outlet);
  self->url = g_strdup (url);
  self->published = g_strdup (published);
  self->language = g_strdup (language);
  self->source_file = g_strdup (source_file);
  self->imported = imported;
  self->n_claims = n_claims;
  self->text_loaded = FALSE;
  self->claims_loaded = FALSE;
  self->annotations_loaded = FALSE;
  self->loader = loader;
  self->loader_data = loader_data;
  self->loader_notify = loader_notify;
  return self;
}

gboolean
_cc_article_has_text (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), FALSE);
  return self->text_loaded;
}

gboolean
_cc_article_has_claims (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), FALSE);
  return self->claims_loaded;
}

gboolean
_cc_article_has_annotations (CcArticle *self)
{
  g_return_val_if_fail (CC_IS_ARTICLE (self), FALSE);
  return self->annotations_loaded;
}

/* The text as read from the store, with notify::text as for any change. */
void
_cc_article_fill_text (CcArticle  *self,
                       const char *text)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->text_loaded)
    return;
  self->text_loaded = TRUE;
  cc_article_set_text (self, text);
}

/* The annotations as read from the store, with items-changed; ignored
 * when they are in memory already. */
void
_cc_article_fill_annotations (CcArticle *self,
                              GPtrArray *annotations)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->annotations_loaded)
    return;
  _cc_article_replace_annotations (self, annotations);
}

/* The claims as read from the store; those of an article whose claims
 * are in memory already are ignored, so that the objects views hold
 * stay the article's. */
void
_cc_article_fill_claims (CcArticle *self,
                         GPtrArray *claims)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->claims_loaded)
    return;
  _cc_article_replace_claims (self, claims);
}

/* Lets go of the text of an article that is stored, so that a large
 * import does not hold every text it stored; @loader reads it again on
 * first use. Without notification: the text read is the same. */
void
_cc_article_forget_text (CcArticle       *self,
                         CcArticleLoader  loader,
                         gpointer         loader_data,
                         GDestroyNotify   loader_notify)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->loader_notify != NULL)
    g_clear_pointer (&self->loader_data, self->loader_notify);
  self->loader = loader;
  self->loader_data = loader_data;
  self->loader_notify = loader_notify;
  g_clear_pointer (&self->text, g_free);
  self->text_loaded = FALSE;
}

/* The count of claims not rejected of an article whose claims are not
 * read yet, after they changed in the store. */
void
_cc_article_set_stored_n_claims (CcArticle *self,
                                 guint      n_claims)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  if (self->claims_loaded || self->n_claims == n_claims)
    return;
  self->n_claims = n_claims;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLAIMS]);
}

/* One observer at most: the library the article is in. */
void
_cc_article_set_observer (CcArticle         *self,
                          CcArticleObserver  observer,
                          gpointer           user_data)
{
  g_return_if_fail (CC_IS_ARTICLE (self));

  self->observer = observer;
  self->observer_data = user_data;
}
