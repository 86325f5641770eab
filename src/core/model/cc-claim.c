/* cc-claim.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-claim"

#include "config.h"

#include "cc-claim.h"
#include "cc-enums.h"
#include "cc-utils.h"

struct _CcClaim
{
  GObject        parent_instance;

  gint64         id;
  gint64         article_id;
  guint          start;
  guint          end;
  char          *text;
  double         low;
  double         high;
  char          *qualifier;
  char          *subject;
  char          *claimant;
  char          *claimant_country;
  char          *event_date;
  CcClaimStatus  status;
  CcClaimOrigin  origin;
  guint          extractor_version;
  guint          vague : 1;
  guint          hedged : 1;
  guint          rejected : 1;
};

G_DEFINE_FINAL_TYPE (CcClaim, cc_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_LOW,
  PROP_HIGH,
  PROP_VAGUE,
  PROP_QUALIFIER,
  PROP_SUBJECT,
  PROP_CLAIMANT,
  PROP_CLAIMANT_COUNTRY,
  PROP_STATUS,
  PROP_HEDGED,
  PROP_EVENT_DATE,
  PROP_ORIGIN,
  PROP_REJECTED,
  PROP_EXTRACTOR_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_claim_finalize (GObject *object)
{
  CcClaim *self = (CcClaim *)object;

  g_free (self->text);
  g_free (self->qualifier);
  g_free (self->subject);
  g_free (self->claimant);
  g_free (self->claimant_country);
  g_free (self->event_date);

  G_OBJECT_CLASS (cc_claim_parent_class)->finalize (object);
}

static void
cc_claim_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CcClaim *self = CC_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ARTICLE_ID: g_value_set_int64 (value, self->article_id); break;
    case PROP_START: g_value_set_uint (value, self->start); break;
    case PROP_END: g_value_set_uint (value, self->end); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_LOW: g_value_set_double (value, self->low); break;
    case PROP_HIGH: g_value_set_double (value, self->high); break;
    case PROP_VAGUE: g_value_set_boolean (value, self->vague); break;
    case PROP_QUALIFIER: g_value_set_string (value, self->qualifier); break;
    case PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case PROP_CLAIMANT: g_value_set_string (value, self->claimant); break;
    case PROP_CLAIMANT_COUNTRY: g_value_set_string (value, self->claimant_country); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_HEDGED: g_value_set_boolean (value, self->hedged); break;
    case PROP_EVENT_DATE: g_value_set_string (value, self->event_date); break;
    case PROP_ORIGIN: g_value_set_enum (value, self->origin); break;
    case PROP_REJECTED: g_value_set_boolean (value, self->rejected); break;
    case PROP_EXTRACTOR_VERSION: g_value_set_uint (value, self->extractor_version); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_claim_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CcClaim *self = CC_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID: cc_claim_set_id (self, g_value_get_int64 (value)); break;
    case PROP_ARTICLE_ID: cc_claim_set_article_id (self, g_value_get_int64 (value)); break;
    case PROP_START: cc_claim_set_start (self, g_value_get_uint (value)); break;
    case PROP_END: cc_claim_set_end (self, g_value_get_uint (value)); break;
    case PROP_TEXT: cc_claim_set_text (self, g_value_get_string (value)); break;
    case PROP_LOW: cc_claim_set_low (self, g_value_get_double (value)); break;
    case PROP_HIGH: cc_claim_set_high (self, g_value_get_double (value)); break;
    case PROP_VAGUE: cc_claim_set_vague (self, g_value_get_boolean (value)); break;
    case PROP_QUALIFIER: cc_claim_set_qualifier (self, g_value_get_string (value)); break;
    case PROP_SUBJECT: cc_claim_set_subject (self, g_value_get_string (value)); break;
    case PROP_CLAIMANT: cc_claim_set_claimant (self, g_value_get_string (value)); break;
    case PROP_CLAIMANT_COUNTRY:
      cc_claim_set_claimant_country (self, g_value_get_string (value));
      break;
    case PROP_STATUS: cc_claim_set_status (self, g_value_get_enum (value)); break;
    case PROP_HEDGED: cc_claim_set_hedged (self, g_value_get_boolean (value)); break;
    case PROP_EVENT_DATE: cc_claim_set_event_date (self, g_value_get_string (value)); break;
    case PROP_ORIGIN: cc_claim_set_origin (self, g_value_get_enum (value)); break;
    case PROP_REJECTED: cc_claim_set_rejected (self, g_value_get_boolean (value)); break;
    case PROP_EXTRACTOR_VERSION:
      cc_claim_set_extractor_version (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_claim_class_init (CcClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cc_claim_finalize;
  object_class->get_property = cc_claim_get_property;
  object_class->set_property = cc_claim_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_LOW] = g_param_spec_double ("low", NULL, NULL, 0, G_MAXDOUBLE, 0, rw);
  properties[PROP_HIGH] = g_param_spec_double ("high", NULL, NULL, 0, G_MAXDOUBLE, 0, rw);
  properties[PROP_VAGUE] = g_param_spec_boolean ("vague", NULL, NULL, FALSE, rw);
  properties[PROP_QUALIFIER] = g_param_spec_string ("qualifier", NULL, NULL, NULL, rw);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, rw);
  properties[PROP_CLAIMANT] = g_param_spec_string ("claimant", NULL, NULL, NULL, rw);
  properties[PROP_CLAIMANT_COUNTRY] =
    g_param_spec_string ("claimant-country", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CC_TYPE_CLAIM_STATUS,
                                               CC_CLAIM_STATUS_OTHER, rw);
  properties[PROP_HEDGED] = g_param_spec_boolean ("hedged", NULL, NULL, FALSE, rw);
  properties[PROP_EVENT_DATE] = g_param_spec_string ("event-date", NULL, NULL, NULL, rw);
  properties[PROP_ORIGIN] = g_param_spec_enum ("origin", NULL, NULL, CC_TYPE_CLAIM_ORIGIN,
                                               CC_CLAIM_ORIGIN_AUTO, rw);
  properties[PROP_REJECTED] = g_param_spec_boolean ("rejected", NULL, NULL, FALSE, rw);
  properties[PROP_EXTRACTOR_VERSION] =
    g_param_spec_uint ("extractor-version", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_claim_init (CcClaim *self)
{
  self->status = CC_CLAIM_STATUS_OTHER;
  self->origin = CC_CLAIM_ORIGIN_AUTO;
}

CcClaim *
cc_claim_new (void)
{
  return g_object_new (CC_TYPE_CLAIM, NULL);
}

/**
 * cc_claim_new_found:
 * @found: the fields; its text, subject and event date are taken, and
 *   left %NULL
 *
 * Returns: (transfer full): a new claim, of automatic origin
 */
CcClaim *
cc_claim_new_found (CcClaimFound *found)
{
  CcClaim *self = cc_claim_new ();

  self->start = found->start;
  self->end = found->end;
  self->text = g_steal_pointer (&found->text);
  self->low = found->low;
  self->high = found->high;
  self->vague = !!found->vague;
  self->qualifier = g_strdup (found->qualifier);
  self->subject = g_steal_pointer (&found->subject);
  self->status = found->status;
  self->hedged = !!found->hedged;
  self->claimant = g_strdup (found->claimant);
  self->claimant_country = g_strdup (found->claimant_country);
  self->event_date = g_steal_pointer (&found->event_date);
  self->origin = CC_CLAIM_ORIGIN_AUTO;
  self->extractor_version = found->extractor_version;
  return self;
}

/**
 * cc_claim_copy:
 *
 * Returns: (transfer full): a new claim with the same fields, id included
 */
CcClaim *
cc_claim_copy (CcClaim *self)
{
  CcClaim *copy;

  g_return_val_if_fail (CC_IS_CLAIM (self), NULL);

  copy = cc_claim_new ();
  copy->id = self->id;
  copy->article_id = self->article_id;
  copy->start = self->start;
  copy->end = self->end;
  copy->text = g_strdup (self->text);
  copy->low = self->low;
  copy->high = self->high;
  copy->vague = self->vague;
  copy->qualifier = g_strdup (self->qualifier);
  copy->subject = g_strdup (self->subject);
  copy->claimant = g_strdup (self->claimant);
  copy->claimant_country = g_strdup (self->claimant_country);
  copy->status = self->status;
  copy->hedged = self->hedged;
  copy->event_date = g_strdup (self->event_date);
  copy->origin = self->origin;
  copy->rejected = self->rejected;
  copy->extractor_version = self->extractor_version;

  return copy;
}

#define DEFINE_STR_PROP(name, PROP)                                       \
  const char *                                                            \
  cc_claim_get_##name (CcClaim *self)                                     \
  {                                                                       \
    g_return_val_if_fail (CC_IS_CLAIM (self), NULL);                      \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  cc_claim_set_##name (CcClaim    *self,                                  \
                       const char *value)                                 \
  {                                                                       \
    g_return_if_fail (CC_IS_CLAIM (self));                                \
    if (cc_set_str (&self->name, value))                                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

#define DEFINE_VALUE_PROP(type, name, PROP)                               \
  type                                                                    \
  cc_claim_get_##name (CcClaim *self)                                     \
  {                                                                       \
    g_return_val_if_fail (CC_IS_CLAIM (self), (type)0);                   \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  cc_claim_set_##name (CcClaim *self,                                     \
                       type     value)                                    \
  {                                                                       \
    g_return_if_fail (CC_IS_CLAIM (self));                                \
    if (self->name != value)                                              \
      {                                                                   \
        self->name = value;                                               \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
      }                                                                   \
  }

DEFINE_STR_PROP (text, PROP_TEXT)
DEFINE_STR_PROP (qualifier, PROP_QUALIFIER)
DEFINE_STR_PROP (subject, PROP_SUBJECT)
DEFINE_STR_PROP (claimant, PROP_CLAIMANT)
DEFINE_STR_PROP (claimant_country, PROP_CLAIMANT_COUNTRY)
DEFINE_STR_PROP (event_date, PROP_EVENT_DATE)
DEFINE_VALUE_PROP (gint64, id, PROP_ID)
DEFINE_VALUE_PROP (gint64, article_id, PROP_ARTICLE_ID)
DEFINE_VALUE_PROP (guint, start, PROP_START)
DEFINE_VALUE_PROP (guint, end, PROP_END)
DEFINE_VALUE_PROP (double, low, PROP_LOW)
DEFINE_VALUE_PROP (double, high, PROP_HIGH)
DEFINE_VALUE_PROP (CcClaimStatus, status, PROP_STATUS)
DEFINE_VALUE_PROP (CcClaimOrigin, origin, PROP_ORIGIN)
DEFINE_VALUE_PROP (guint, extractor_version, PROP_EXTRACTOR_VERSION)

#undef DEFINE_STR_PROP
#undef DEFINE_VALUE_PROP

#define DEFINE_BOOL_PROP(name, PROP)                                      \
  gboolean                                                                \
  cc_claim_get_##name (CcClaim *self)                                     \
  {                                                                       \
    g_return_val_if_fail (CC_IS_CLAIM (self), FALSE);                     \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  cc_claim_set_##name (CcClaim  *self,                                    \
                       gboolean  value)                                   \
  {                                                                       \
    g_return_if_fail (CC_IS_CLAIM (self));                                \
    value = !!value;                                                      \
    if (self->name != value)                                              \
      {                                                                   \
        self->name = value;                                               \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
      }                                                                   \
  }

DEFINE_BOOL_PROP (vague, PROP_VAGUE)
DEFINE_BOOL_PROP (hedged, PROP_HEDGED)
DEFINE_BOOL_PROP (rejected, PROP_REJECTED)

#undef DEFINE_BOOL_PROP
