/* cc-annotation.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-annotation"

#include "config.h"

#include "cc-annotation.h"
#include "cc-utils.h"

struct _CcAnnotation
{
  GObject  parent_instance;

  gint64   id;
  gint64   article_id;
  guint    start;
  guint    end;
  char    *color;
  char    *note;
  char    *tags;
  gint64   created;
  gint64   modified;
};

G_DEFINE_FINAL_TYPE (CcAnnotation, cc_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_START,
  PROP_END,
  PROP_COLOR,
  PROP_NOTE,
  PROP_TAGS,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_annotation_finalize (GObject *object)
{
  CcAnnotation *self = (CcAnnotation *)object;

  g_free (self->color);
  g_free (self->note);
  g_free (self->tags);

  G_OBJECT_CLASS (cc_annotation_parent_class)->finalize (object);
}

static void
cc_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcAnnotation *self = CC_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ARTICLE_ID: g_value_set_int64 (value, self->article_id); break;
    case PROP_START: g_value_set_uint (value, self->start); break;
    case PROP_END: g_value_set_uint (value, self->end); break;
    case PROP_COLOR: g_value_set_string (value, self->color); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_TAGS: g_value_set_string (value, self->tags); break;
    case PROP_CREATED: g_value_set_int64 (value, self->created); break;
    case PROP_MODIFIED: g_value_set_int64 (value, self->modified); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcAnnotation *self = CC_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID: cc_annotation_set_id (self, g_value_get_int64 (value)); break;
    case PROP_ARTICLE_ID: cc_annotation_set_article_id (self, g_value_get_int64 (value)); break;
    case PROP_START: cc_annotation_set_start (self, g_value_get_uint (value)); break;
    case PROP_END: cc_annotation_set_end (self, g_value_get_uint (value)); break;
    case PROP_COLOR: cc_annotation_set_color (self, g_value_get_string (value)); break;
    case PROP_NOTE: cc_annotation_set_note (self, g_value_get_string (value)); break;
    case PROP_TAGS: cc_annotation_set_tags (self, g_value_get_string (value)); break;
    case PROP_CREATED: cc_annotation_set_created (self, g_value_get_int64 (value)); break;
    case PROP_MODIFIED: cc_annotation_set_modified (self, g_value_get_int64 (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_annotation_class_init (CcAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cc_annotation_finalize;
  object_class->get_property = cc_annotation_get_property;
  object_class->set_property = cc_annotation_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_TAGS] = g_param_spec_string ("tags", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_annotation_init (CcAnnotation *self)
{
}

CcAnnotation *
cc_annotation_new (void)
{
  return g_object_new (CC_TYPE_ANNOTATION, NULL);
}

/**
 * cc_annotation_copy:
 *
 * Returns: (transfer full): a new annotation with the same fields, id included
 */
CcAnnotation *
cc_annotation_copy (CcAnnotation *self)
{
  CcAnnotation *copy;

  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);

  copy = cc_annotation_new ();
  copy->id = self->id;
  copy->article_id = self->article_id;
  copy->start = self->start;
  copy->end = self->end;
  copy->color = g_strdup (self->color);
  copy->note = g_strdup (self->note);
  copy->tags = g_strdup (self->tags);
  copy->created = self->created;
  copy->modified = self->modified;

  return copy;
}

#define DEFINE_STR_PROP(name, PROP)                                       \
  const char *                                                            \
  cc_annotation_get_##name (CcAnnotation *self)                           \
  {                                                                       \
    g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);                 \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  cc_annotation_set_##name (CcAnnotation *self,                           \
                            const char   *value)                          \
  {                                                                       \
    g_return_if_fail (CC_IS_ANNOTATION (self));                           \
    if (cc_set_str (&self->name, value))                                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

#define DEFINE_VALUE_PROP(type, name, PROP)                               \
  type                                                                    \
  cc_annotation_get_##name (CcAnnotation *self)                           \
  {                                                                       \
    g_return_val_if_fail (CC_IS_ANNOTATION (self), (type)0);              \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  cc_annotation_set_##name (CcAnnotation *self,                           \
                            type          value)                          \
  {                                                                       \
    g_return_if_fail (CC_IS_ANNOTATION (self));                           \
    if (self->name != value)                                              \
      {                                                                   \
        self->name = value;                                               \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
      }                                                                   \
  }

DEFINE_STR_PROP (color, PROP_COLOR)
DEFINE_STR_PROP (note, PROP_NOTE)
DEFINE_STR_PROP (tags, PROP_TAGS)
DEFINE_VALUE_PROP (gint64, id, PROP_ID)
DEFINE_VALUE_PROP (gint64, article_id, PROP_ARTICLE_ID)
DEFINE_VALUE_PROP (guint, start, PROP_START)
DEFINE_VALUE_PROP (guint, end, PROP_END)
DEFINE_VALUE_PROP (gint64, created, PROP_CREATED)
DEFINE_VALUE_PROP (gint64, modified, PROP_MODIFIED)

#undef DEFINE_STR_PROP
#undef DEFINE_VALUE_PROP
