/* cc-story.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A story: a named set of the library's articles. An article may belong
 * to several stories, or to none. The story keeps the ids of its articles
 * in a hash set, so that a view filtering a library of any size asks one
 * O(1) question per article. */

#define G_LOG_DOMAIN "cc-story"

#include "config.h"

#include "cc-story-private.h"

struct _CcStory
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *description;
  gint64      created;
  GHashTable *members;
};

G_DEFINE_FINAL_TYPE (CcStory, cc_story, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CREATED,
  PROP_N_ARTICLES,
  N_PROPS
};

enum {
  MEMBERS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
cc_story_finalize (GObject *object)
{
  CcStory *self = (CcStory *)object;

  g_free (self->title);
  g_free (self->description);
  g_hash_table_unref (self->members);

  G_OBJECT_CLASS (cc_story_parent_class)->finalize (object);
}

static void
cc_story_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CcStory *self = CC_STORY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_CREATED: g_value_set_int64 (value, self->created); break;
    case PROP_N_ARTICLES: g_value_set_uint (value, cc_story_get_n_articles (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_story_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CcStory *self = CC_STORY (object);

  switch (prop_id)
    {
    case PROP_ID: cc_story_set_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: cc_story_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: cc_story_set_description (self, g_value_get_string (value)); break;
    case PROP_CREATED: cc_story_set_created (self, g_value_get_int64 (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_story_class_init (CcStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_story_finalize;
  object_class->get_property = cc_story_get_property;
  object_class->set_property = cc_story_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcStory::members-changed:
   * @self: the story
   * @ids: (element-type gint64): the ids of the articles that joined or
   *   left
   * @added: whether they joined
   *
   * Emitted once after articles joined or left the story.
   */
  signals[MEMBERS_CHANGED] =
    g_signal_new ("members-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_ARRAY, G_TYPE_BOOLEAN);
}

static void
cc_story_init (CcStory *self)
{
  self->members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

CcStory *
cc_story_new (const char *title)
{
  return g_object_new (CC_TYPE_STORY, "title", title, NULL);
}

gint64
cc_story_get_id (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), 0);
  return self->id;
}

void
cc_story_set_id (CcStory *self,
                 gint64   id)
{
  g_return_if_fail (CC_IS_STORY (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cc_story_get_title (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), NULL);
  return self->title;
}

void
cc_story_set_title (CcStory    *self,
                    const char *title)
{
  g_return_if_fail (CC_IS_STORY (self));
  if (replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cc_story_get_description (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), NULL);
  return self->description;
}

void
cc_story_set_description (CcStory    *self,
                          const char *description)
{
  g_return_if_fail (CC_IS_STORY (self));
  if (replace_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gint64
cc_story_get_created (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), 0);
  return self->created;
}

void
cc_story_set_created (CcStory *self,
                      gint64   created)
{
  g_return_if_fail (CC_IS_STORY (self));
  if (self->created == created)
    return;
  self->created = created;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

guint
cc_story_get_n_articles (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), 0);
  return g_hash_table_size (self->members);
}

/**
 * cc_story_contains:
 *
 * Returns: whether the article with id @article_id is in the story
 */
gboolean
cc_story_contains (CcStory *self,
                   gint64   article_id)
{
  g_return_val_if_fail (CC_IS_STORY (self), FALSE);
  return g_hash_table_contains (self->members, &article_id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/**
 * cc_story_dup_article_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the story's
 *   articles, in increasing order
 */
GArray *
cc_story_dup_article_ids (CcStory *self)
{
  GArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CC_IS_STORY (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->members));
  g_hash_table_iter_init (&iter, self->members);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);
  g_array_sort (ids, compare_ids);
  return ids;
}

static void
members_changed (CcStory *self,
                 GArray  *changed,
                 gboolean added)
{
  if (changed->len == 0)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARTICLES]);
  g_signal_emit (self, signals[MEMBERS_CHANGED], 0, changed, added);
}

void
_cc_story_add_members (CcStory      *self,
                       const gint64 *article_ids,
                       guint         n_ids)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_ids; i++)
    if (g_hash_table_add (self->members, g_memdup2 (&article_ids[i], sizeof (gint64))))
      g_array_append_val (changed, article_ids[i]);
  members_changed (self, changed, TRUE);
}

void
_cc_story_remove_members (CcStory      *self,
                          const gint64 *article_ids,
                          guint         n_ids)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_ids; i++)
    if (g_hash_table_remove (self->members, &article_ids[i]))
      g_array_append_val (changed, article_ids[i]);
  members_changed (self, changed, FALSE);
}
