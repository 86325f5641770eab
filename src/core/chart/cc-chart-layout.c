/* cc-chart-layout.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline as data: which statements there are, where each one sits
 * and how big it is, the ticks and the legend. The renderer only draws
 * what this computes, and the tests read it instead of pixels.
 *
 * The work is cached in three stages, each redone only when its inputs
 * change: what each claim is (day, subject class, claimant) when the
 * claims change; the statements when the filter changes; the geometry
 * when the size, scale, time window or shown series change. Only the
 * last one runs while the user zooms, and it is linear in the number of
 * statements. This file holds the object, its inputs and its caches;
 * cc-chart-layout-statements.c the first two stages,
 * cc-chart-layout-geometry.c and -axes.c the last. */

#define G_LOG_DOMAIN "cc-chart-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cc-article.h"
#include "cc-chart-layout-private.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-utils.h"

G_DEFINE_FINAL_TYPE (CcChartLayout, cc_chart_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUBJECT,
  PROP_STATUS,
  PROP_LOG_SCALE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_cc_chart_series_clear (gpointer data)
{
  CcChartSeries *series = data;

  g_clear_pointer (&series->country, g_free);
  g_clear_pointer (&series->label, g_free);
}

static void
clear_tick (gpointer data)
{
  CcChartTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

void
_cc_chart_layout_changed (CcChartLayout *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
invalidate (CcChartLayout *self,
            gboolean       infos,
            gboolean       points)
{
  /* Said once per stage that goes stale: a view that asked for the
   * statements alone hears of the next change of them too. */
  gboolean news = (infos && !self->infos_dirty) ||
                  ((points || infos) && !self->points_dirty) ||
                  !self->geometry_dirty;

  if (infos || points)
    self->generation++;
  self->infos_dirty |= infos;
  self->points_dirty |= points || infos;
  self->geometry_dirty = TRUE;

  if (news)
    _cc_chart_layout_changed (self);
}

void
_cc_chart_layout_claim_notify_cb (CcChartLayout *self,
                                  GParamSpec    *pspec,
                                  CcClaim       *claim)
{
  invalidate (self, TRUE, TRUE);
}

void
_cc_chart_layout_article_notify_cb (CcChartLayout *self,
                                    GParamSpec    *pspec,
                                    CcArticle     *article)
{
  if (g_strcmp0 (pspec->name, "published") == 0)
    invalidate (self, TRUE, TRUE);
}

static void
untrack_claim (gpointer data,
               gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, _cc_chart_layout_claim_notify_cb, user_data);
}

static void
untrack_claim_key (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  untrack_claim (key, user_data);
}

static void
untrack_article (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (key, _cc_chart_layout_article_notify_cb, user_data);
}

/* A window's scope changes the claims as a whole at each search: the
 * mirror follows when the statements are next needed, which a hidden
 * chart never asks for. */
static void
claims_items_changed_cb (CcChartLayout *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  g_assert (CC_IS_CHART_LAYOUT (self));

  self->mirror_dirty = TRUE;
  invalidate (self, TRUE, TRUE);
}

/* Articles come and go with their claims, which the claims model
 * reports; what matters here is a change of publication date. */
static void
library_items_changed_cb (CcChartLayout *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *model)
{
  self->articles_dirty = TRUE;
}

/* Connects the claims new to the model and the articles new to the
 * library, and disconnects those gone, in one pass over each model. */
void
_cc_chart_layout_sync_mirror (CcChartLayout *self)
{
  if (self->mirror_dirty)
    {
      guint n = self->claims ? g_list_model_get_n_items (self->claims) : 0;
      g_autoptr(GHashTable) old = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) mirror = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < self->mirror->len; i++)
        g_hash_table_add (old, g_ptr_array_index (self->mirror, i));
      for (guint i = 0; i < n; i++)
        {
          CcClaim *claim = g_list_model_get_item (self->claims, i);

          /* A plain connection: a weak reference per claim would cost
           * more than the claim, and the mirror disconnects each one it
           * drops. */
          if (!g_hash_table_remove (old, claim))
            g_signal_connect_swapped (claim, "notify",
                                      G_CALLBACK (_cc_chart_layout_claim_notify_cb), self);
          g_ptr_array_add (mirror, claim);
        }
      g_hash_table_foreach (old, untrack_claim_key, self);

      g_ptr_array_unref (self->mirror);
      self->mirror = g_steal_pointer (&mirror);
      self->mirror_dirty = FALSE;
    }

  if (self->articles_dirty)
    {
      guint n = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;
      GHashTable *tracked = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

      for (guint i = 0; i < n; i++)
        {
          CcArticle *article = g_list_model_get_item (G_LIST_MODEL (self->library), i);

          if (!g_hash_table_steal (self->tracked_articles, article))
            g_signal_connect_swapped (article, "notify::published",
                                      G_CALLBACK (_cc_chart_layout_article_notify_cb), self);
          else
            g_object_unref (article);
          g_hash_table_add (tracked, article);
        }
      g_hash_table_foreach (self->tracked_articles, untrack_article, self);

      g_hash_table_unref (self->tracked_articles);
      self->tracked_articles = tracked;
      self->articles_dirty = FALSE;
    }
}

void
_cc_chart_layout_ensure (CcChartLayout *self)
{
  _cc_chart_layout_ensure_statements (self);
  if (self->geometry_dirty)
    {
      self->geometry_dirty = FALSE;
      _cc_chart_layout_compute_geometry (self);
    }
}

PangoFontDescription *
_cc_chart_layout_font (CcChartLayout *self,
                       double         scale,
                       gboolean       bold)
{
  PangoFontDescription *font;
  int size;

  font = pango_font_description_copy (pango_context_get_font_description (
                                        cc_chart_layout_get_pango_context (self)));
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_size (font, (int)(size * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

/* A Pango layout for the chart's text at @scale of the context's font. */
PangoLayout *
_cc_chart_layout_new_text (CcChartLayout *self,
                           double         scale,
                           gboolean       bold)
{
  g_autoptr(PangoFontDescription) font = _cc_chart_layout_font (self, scale, bold);
  PangoLayout *text = pango_layout_new (cc_chart_layout_get_pango_context (self));

  pango_layout_set_font_description (text, font);
  return text;
}

static void
cc_chart_layout_dispose (GObject *object)
{
  CcChartLayout *self = (CcChartLayout *)object;

  cc_chart_layout_set_claims (self, NULL, NULL);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (cc_chart_layout_parent_class)->dispose (object);
}

static void
cc_chart_layout_finalize (GObject *object)
{
  CcChartLayout *self = (CcChartLayout *)object;

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->label_sizes, g_array_unref);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->time_ticks, g_array_unref);
  g_clear_pointer (&self->value_ticks, g_array_unref);
  g_clear_pointer (&self->infos, g_array_unref);
  g_clear_pointer (&self->subjects, g_array_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  g_clear_pointer (&self->tracked_articles, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (cc_chart_layout_parent_class)->finalize (object);
}

static void
cc_chart_layout_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcChartLayout *self = CC_CHART_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SUBJECT:
      g_value_set_string (value, cc_chart_layout_get_subject (self));
      break;

    case PROP_STATUS:
      g_value_set_int (value, cc_chart_layout_get_status (self));
      break;

    case PROP_LOG_SCALE:
      g_value_set_boolean (value, cc_chart_layout_get_log_scale (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_chart_layout_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcChartLayout *self = CC_CHART_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SUBJECT:
      cc_chart_layout_set_subject (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      cc_chart_layout_set_status (self, g_value_get_int (value));
      break;

    case PROP_LOG_SCALE:
      cc_chart_layout_set_log_scale (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_chart_layout_class_init (CcChartLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_chart_layout_dispose;
  object_class->finalize = cc_chart_layout_finalize;
  object_class->get_property = cc_chart_layout_get_property;
  object_class->set_property = cc_chart_layout_set_property;

  /**
   * CcChartLayout:subject:
   *
   * The subject class shown (a key of cc_subject_class()), or %NULL
   * for the one with most claims.
   */
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcChartLayout:status:
   *
   * The #CcClaimStatus shown, or -1 for all.
   */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, CC_CLAIM_STATUS_TOTAL, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcChartLayout:log-scale:
   *
   * Whether values run on a logarithmic axis.
   */
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcChartLayout::changed:
   *
   * Emitted when what the layout holds is out of date: the next getter
   * call computes it again. Views redraw on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cc_chart_layout_init (CcChartLayout *self)
{
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->tracked_articles = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->infos = g_array_new (FALSE, FALSE, sizeof (ClaimInfo));
  self->subjects = g_array_new (FALSE, FALSE, sizeof (SubjectCount));
  self->points = g_array_new (FALSE, TRUE, sizeof (CcChartPoint));
  g_array_set_clear_func (self->points, _cc_chart_point_clear);
  self->label_sizes = g_array_new (FALSE, TRUE, sizeof (CcChartRect));
  self->series = g_array_new (FALSE, TRUE, sizeof (CcChartSeries));
  g_array_set_clear_func (self->series, _cc_chart_series_clear);
  self->time_ticks = g_array_new (FALSE, TRUE, sizeof (CcChartTick));
  g_array_set_clear_func (self->time_ticks, clear_tick);
  self->value_ticks = g_array_new (FALSE, TRUE, sizeof (CcChartTick));
  g_array_set_clear_func (self->value_ticks, clear_tick);
  self->status = -1;
  self->width = 800;
  self->height = 500;
  self->infos_dirty = self->points_dirty = self->geometry_dirty = TRUE;
}

CcChartLayout *
cc_chart_layout_new (void)
{
  return g_object_new (CC_TYPE_CHART_LAYOUT, NULL);
}

/**
 * cc_chart_layout_set_claims:
 * @self: a #CcChartLayout
 * @claims: (nullable): a #GListModel of #CcClaim
 * @library: (nullable): the library the claims belong to, which knows
 *   their articles' publication dates
 *
 * Claims with neither an event date nor a dated article are left out.
 */
void
cc_chart_layout_set_claims (CcChartLayout *self,
                            GListModel    *claims,
                            CcLibrary     *library)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));
  g_return_if_fail (!claims || G_IS_LIST_MODEL (claims));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (self->claims != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->claims, claims_items_changed_cb, self);
      g_clear_object (&self->claims);
    }
  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->library, library_items_changed_cb, self);
      g_clear_object (&self->library);
    }

  if (library != NULL)
    {
      self->library = g_object_ref (library);
      g_signal_connect_object (library, "items-changed", G_CALLBACK (library_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  if (claims != NULL)
    {
      self->claims = g_object_ref (claims);
      g_signal_connect_object (claims, "items-changed", G_CALLBACK (claims_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  /* Without models, the handlers go at once. */
  self->mirror_dirty = TRUE;
  self->articles_dirty = TRUE;
  if (claims == NULL && library == NULL)
    _cc_chart_layout_sync_mirror (self);

  invalidate (self, TRUE, TRUE);
}

const char *
cc_chart_layout_get_subject (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);

  return self->subject;
}

void
cc_chart_layout_set_subject (CcChartLayout *self,
                             const char    *subject)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  if (g_strcmp0 (self->subject, subject) == 0)
    return;

  g_free (self->subject);
  self->subject = g_strdup (subject);
  invalidate (self, FALSE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

/**
 * cc_chart_layout_get_effective_subject:
 *
 * Returns: (nullable): the subject class shown: the one set, else the
 *   one with most claims
 */
const char *
cc_chart_layout_get_effective_subject (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);

  _cc_chart_layout_ensure_statements (self);
  return self->effective_subject;
}

/**
 * cc_chart_layout_dup_subjects:
 *
 * Returns: (transfer full): the subject classes of the claims, most
 *   claims first
 */
GStrv
cc_chart_layout_dup_subjects (CcChartLayout *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);

  _cc_chart_layout_ensure_statements (self);
  for (guint i = 0; i < self->subjects->len; i++)
    g_strv_builder_add (builder, g_array_index (self->subjects, SubjectCount, i).key);
  return g_strv_builder_end (builder);
}

int
cc_chart_layout_get_status (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), -1);

  return self->status;
}

void
cc_chart_layout_set_status (CcChartLayout *self,
                            int            status)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));
  g_return_if_fail (status >= -1 && status <= CC_CLAIM_STATUS_TOTAL);

  if (self->status == status)
    return;

  self->status = status;
  invalidate (self, FALSE, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
cc_chart_layout_get_log_scale (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), FALSE);

  return self->log_scale;
}

void
cc_chart_layout_set_log_scale (CcChartLayout *self,
                               gboolean       log_scale)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  log_scale = !!log_scale;
  if (self->log_scale == log_scale)
    return;

  self->log_scale = log_scale;
  invalidate (self, FALSE, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_SCALE]);
}

/**
 * cc_chart_layout_set_series_visible:
 * @country: (nullable): the series' country, %NULL for claims without one
 *
 * Hides or shows a series; the choice outlives changes of the claims.
 */
void
cc_chart_layout_set_series_visible (CcChartLayout *self,
                                    const char    *country,
                                    gboolean       visible)
{
  const char *key = country ? country : "";

  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  if (visible == !g_hash_table_contains (self->hidden, key))
    return;

  if (visible)
    g_hash_table_remove (self->hidden, key);
  else
    g_hash_table_add (self->hidden, g_strdup (key));

  for (guint i = 0; i < self->series->len; i++)
    {
      CcChartSeries *series = &g_array_index (self->series, CcChartSeries, i);

      if (g_strcmp0 (series->country, country) == 0)
        series->visible = !!visible;
    }

  invalidate (self, FALSE, FALSE);
}

void
cc_chart_layout_set_size (CcChartLayout *self,
                          double         width,
                          double         height)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (self->width == width && self->height == height)
    return;

  self->width = width;
  self->height = height;
  invalidate (self, FALSE, FALSE);
}

/**
 * cc_chart_layout_set_pango_context:
 * @context: (nullable): the context to measure text with; %NULL for a
 *   default one (the default font at 96 dpi)
 */
void
cc_chart_layout_set_pango_context (CcChartLayout *self,
                                   PangoContext  *context)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  if (g_set_object (&self->pango, context))
    invalidate (self, FALSE, TRUE);
}

/**
 * cc_chart_layout_get_pango_context:
 *
 * Returns: (transfer none): the context text is measured with
 */
PangoContext *
cc_chart_layout_get_pango_context (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);

  if (self->pango == NULL)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");

      self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->pango, 96);
      pango_context_set_font_description (self->pango, font);
    }

  return self->pango;
}

/**
 * cc_chart_layout_set_title:
 * @title: (nullable): a title above the chart, for exports
 */
void
cc_chart_layout_set_title (CcChartLayout *self,
                           const char    *title)
{
  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  invalidate (self, FALSE, FALSE);
}

const char *
cc_chart_layout_get_title (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);

  return self->title;
}

/**
 * cc_chart_layout_get_points:
 * @n_points: (out): the number of statements
 *
 * Returns: (array length=n_points): the statements, by day then value;
 *   valid until the layout changes
 */
const CcChartPoint *
cc_chart_layout_get_points (CcChartLayout *self,
                            guint         *n_points)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  _cc_chart_layout_ensure (self);
  *n_points = self->points->len;
  return (const CcChartPoint *)(gpointer)self->points->data;
}

/**
 * cc_chart_layout_get_series:
 * @n_series: (out): the number of series
 *
 * Returns: (array length=n_series): the series, most statements first
 */
const CcChartSeries *
cc_chart_layout_get_series (CcChartLayout *self,
                            guint         *n_series)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), NULL);
  g_return_val_if_fail (n_series != NULL, NULL);

  _cc_chart_layout_ensure (self);
  *n_series = self->series->len;
  return (const CcChartSeries *)(gpointer)self->series->data;
}

/**
 * cc_chart_layout_get_n_lines:
 *
 * Returns: how many step lines the statements make: one per claimant,
 *   and one per country for claims without a claimant
 */
guint
cc_chart_layout_get_n_lines (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), 0);

  _cc_chart_layout_ensure_statements (self);
  return self->n_lines;
}

/**
 * cc_chart_layout_has_statements:
 *
 * Whether the statements are grouped for the current claims and
 * filters, so that asking for them costs no regrouping: a view may put
 * off a regrouping of many claims while claims keep changing.
 */
gboolean
cc_chart_layout_has_statements (CcChartLayout *self)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), FALSE);

  return !self->infos_dirty && !self->points_dirty;
}

/**
 * cc_chart_layout_find_claim:
 *
 * Returns: the index of the statement holding the claim, or -1
 */
int
cc_chart_layout_find_claim (CcChartLayout *self,
                            gint64         claim_id)
{
  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), -1);

  _cc_chart_layout_ensure (self);
  for (guint i = 0; i < self->points->len; i++)
    {
      CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);

      for (guint j = 0; j < point->claims->len; j++)
        if (cc_claim_get_id (g_ptr_array_index (point->claims, j)) == claim_id)
          return i;
    }

  return -1;
}

/**
 * cc_chart_format_count:
 *
 * Formats a number of people with the locale's thousands separator,
 * as cc_format_count() does everywhere else.
 */
char *
cc_chart_format_count (double value)
{
  return cc_format_count (value);
}

/**
 * cc_chart_format_value:
 *
 * Returns: (transfer full): "12,000" or "1,000–3,000"
 */
char *
cc_chart_format_value (const CcChartPoint *point)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  low = cc_chart_format_count (point->low);
  if (point->high <= point->low)
    return g_steal_pointer (&low);
  high = cc_chart_format_count (point->high);
  /* Translators: a range of numbers of people, "1,000–3,000" */
  return g_strdup_printf (C_("value range", "%s–%s"), low, high);
}

/**
 * cc_chart_format_day:
 *
 * Returns: (transfer full): the day as the locale writes a date
 */
char *
cc_chart_format_day (int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc ((gint64)day * 86400);

  if (date == NULL)
    return g_strdup ("");
  /* Translators: a day in a chart's tooltip; see strftime(3) */
  return g_strstrip (g_date_time_format (date, C_("chart day", "%e %B %Y")));
}
