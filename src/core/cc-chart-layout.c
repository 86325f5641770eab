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
 * statements. This file holds the first two stages;
 * cc-chart-layout-geometry.c the last. */

#define G_LOG_DOMAIN "cc-chart-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "cc-article.h"
#include "cc-chart-layout-private.h"
#include "cc-claim-match.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-palette.h"

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

#define MAX_LABEL_CHARS 24

typedef struct
{
  const char *claimant;
  gint64      article_id;
  int         day;
  double      low;
  double      high;
} StatementKey;

static guint
statement_key_hash (gconstpointer data)
{
  const StatementKey *key = data;
  guint hash = g_direct_hash (key->claimant);

  hash = hash * 31 + (guint)key->article_id;
  hash = hash * 31 + (guint)key->day;
  hash = hash * 31 + g_double_hash (&key->low);
  hash = hash * 31 + g_double_hash (&key->high);
  return hash;
}

static gboolean
statement_key_equal (gconstpointer a,
                     gconstpointer b)
{
  const StatementKey *ka = a;
  const StatementKey *kb = b;

  return ka->claimant == kb->claimant
         && ka->article_id == kb->article_id
         && ka->day == kb->day
         && ka->low == kb->low
         && ka->high == kb->high;
}

static const char *
intern (CcChartLayout *self,
        const char    *str)
{
  char *interned;

  if (str == NULL)
    return NULL;
  if ((interned = g_hash_table_lookup (self->strings, str)))
    return interned;
  interned = g_strdup (str);
  g_hash_table_add (self->strings, interned);
  return interned;
}

static const char *
intern_take (CcChartLayout *self,
             char          *str)
{
  const char *interned = intern (self, str);

  g_free (str);
  return interned;
}

static void
clear_point (gpointer data)
{
  CcChartPoint *point = data;

  g_clear_pointer (&point->claims, g_ptr_array_unref);
}

static void
clear_series (gpointer data)
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
  gboolean was_clean = !self->infos_dirty && !self->points_dirty && !self->geometry_dirty;

  self->infos_dirty |= infos;
  self->points_dirty |= points || infos;
  self->geometry_dirty = TRUE;

  if (was_clean)
    _cc_chart_layout_changed (self);
}

static void
claim_notify_cb (CcChartLayout *self,
                 GParamSpec    *pspec,
                 CcClaim       *claim)
{
  invalidate (self, TRUE, TRUE);
}

static void
article_notify_cb (CcChartLayout *self,
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
  g_signal_handlers_disconnect_by_func (data, claim_notify_cb, user_data);
}

static void
claims_items_changed_cb (CcChartLayout *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  g_assert (CC_IS_CHART_LAYOUT (self));

  for (guint i = position; i < position + removed; i++)
    untrack_claim (g_ptr_array_index (self->mirror, i), self);
  g_ptr_array_remove_range (self->mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CcClaim *claim = g_list_model_get_item (model, position + i);

      /* A plain connection: a weak reference per claim would cost more
       * than the claim, and the mirror disconnects each one it drops. */
      g_signal_connect_swapped (claim, "notify", G_CALLBACK (claim_notify_cb), self);
      g_ptr_array_insert (self->mirror, position + i, claim);
    }

  invalidate (self, TRUE, TRUE);
}

static void
library_items_changed_cb (CcChartLayout *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *model)
{
  /* Articles come and go with their claims, which the claims model
   * reports; what matters here is a change of publication date. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (model, i);

      g_signal_connect_object (article, "notify::published", G_CALLBACK (article_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/* Stage one: what each claim is. */

static int
days_from_civil (int y,
                 int m,
                 int d)
{
  /* Howard Hinnant's algorithm: days since 1970-01-01, proleptic
   * Gregorian, without going through GDate for each of many claims. */
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/**
 * cc_chart_parse_day:
 * @date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: days since 1970-01-01, or %G_MININT for no valid date
 */
int
cc_chart_parse_day (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return G_MININT;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return G_MININT;

  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return G_MININT;

  return days_from_civil (y, m, d);
}

/* "Yonhap News (citing an official)" is "Yonhap News" on the chart. */
static char *
short_label (const char *claimant)
{
  g_autofree char *label = NULL;
  char *paren;

  if (claimant == NULL)
    return NULL;

  label = g_strdup (claimant);
  if ((paren = strchr (label, '(')) && paren > label)
    *paren = '\0';
  g_strstrip (label);

  if (g_utf8_strlen (label, -1) > MAX_LABEL_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (label, 0, MAX_LABEL_CHARS - 1);

      g_free (label);
      label = g_strconcat (g_strchomp (cut), "…", NULL);
    }

  return g_steal_pointer (&label);
}

static void
ensure_infos (CcChartLayout *self)
{
  GHashTable *classes[CC_CLAIM_STATUS_TOTAL + 1] = { NULL, };
  g_autoptr(GHashTable) claimant_keys = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) published = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (!self->infos_dirty)
    return;

  self->infos_dirty = FALSE;
  g_array_set_size (self->infos, 0);
  g_array_set_size (self->subjects, 0);
  self->n_undated = 0;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    classes[i] = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->mirror->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (self->mirror, i);
      CcClaimStatus status = cc_claim_get_status (claim);
      const char *subject = intern (self, cc_claim_get_subject (claim));
      const char *claimant = intern (self, cc_claim_get_claimant (claim));
      ClaimInfo info = { claim, cc_claim_get_article_id (claim), 0, NULL, NULL, NULL };
      gpointer day;

      info.day = cc_chart_parse_day (cc_claim_get_event_date (claim));
      if (info.day == G_MININT && self->library != NULL)
        {
          if (!g_hash_table_lookup_extended (published, &info.article_id, NULL, &day))
            {
              CcArticle *article = cc_library_lookup_article (self->library, info.article_id);

              day = GINT_TO_POINTER (article ? cc_chart_parse_day (cc_article_get_published (article))
                                             : G_MININT);
              g_hash_table_insert (published, g_memdup2 (&info.article_id, sizeof (gint64)), day);
            }
          info.day = GPOINTER_TO_INT (day);
        }
      if (info.day == G_MININT)
        {
          self->n_undated++;
          continue;
        }

      if ((guint)status >= G_N_ELEMENTS (classes))
        status = CC_CLAIM_STATUS_OTHER;
      /* Subjects repeat a lot: classify each (subject, status) once. */
      if (!g_hash_table_lookup_extended (classes[status], subject, NULL, (gpointer *)&info.subject))
        {
          info.subject = intern (self, cc_subject_class (subject, status));
          g_hash_table_insert (classes[status], (gpointer)subject, (gpointer)info.subject);
        }
      if (claimant != NULL
          && !g_hash_table_lookup_extended (claimant_keys, claimant, NULL, (gpointer *)&info.claimant))
        {
          g_autoptr(CcClaimantKey) folded = cc_claimant_key_new (claimant);
          const char *name = folded ? cc_claimant_key_get_name (folded) : NULL;

          info.claimant = name != NULL && *name != '\0' ? intern (self, name) : NULL;
          g_hash_table_insert (claimant_keys, (gpointer)claimant, (gpointer)info.claimant);
        }
      info.country = intern (self, cc_claim_get_claimant_country (claim));
      if (info.country != NULL && *info.country == '\0')
        info.country = NULL;

      g_array_append_val (self->infos, info);
      value = g_hash_table_lookup (counts, info.subject);
      g_hash_table_insert (counts, (gpointer)info.subject,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SubjectCount count = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (self->subjects, count);
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    g_hash_table_unref (classes[i]);
}

static int
compare_subject_counts (gconstpointer a,
                        gconstpointer b)
{
  const SubjectCount *ca = a;
  const SubjectCount *cb = b;

  if (ca->n_claims != cb->n_claims)
    return ca->n_claims > cb->n_claims ? -1 : 1;
  return strcmp (ca->key, cb->key);
}

/* Stage two: the statements of the chosen subject and status. */

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const CcChartPoint *pa = a;
  const CcChartPoint *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  if (pa->low != pb->low)
    return pa->low < pb->low ? -1 : 1;
  if (pa->high != pb->high)
    return pa->high < pb->high ? -1 : 1;
  return g_strcmp0 (pa->claimant, pb->claimant);
}

static int
compare_point_indices (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  GArray *points = data;

  return compare_points (&g_array_index (points, CcChartPoint, *(const guint *)a),
                         &g_array_index (points, CcChartPoint, *(const guint *)b));
}

/* Sorts indices, then moves each statement once: sorting the large
 * structs themselves would move each many times. */
static void
sort_points (CcChartLayout *self)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->points->len);
  GArray *sorted;

  for (guint i = 0; i < self->points->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_point_indices, self->points);

  sorted = g_array_sized_new (FALSE, TRUE, sizeof (CcChartPoint), self->points->len);
  for (guint i = 0; i < order->len; i++)
    g_array_append_val (sorted, g_array_index (self->points, CcChartPoint, g_array_index (order, guint, i)));

  /* The statements moved with their claims. */
  g_array_set_clear_func (self->points, NULL);
  g_array_unref (self->points);
  self->points = sorted;
  g_array_set_clear_func (self->points, clear_point);
}

static int
compare_series_indices (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  GArray *series = data;
  const CcChartSeries *sa = &g_array_index (series, CcChartSeries, *(const guint *)a);
  const CcChartSeries *sb = &g_array_index (series, CcChartSeries, *(const guint *)b);

  /* Most statements first; claims without a country last. */
  if ((sa->country == NULL) != (sb->country == NULL))
    return sa->country == NULL ? 1 : -1;
  if (sa->n_points != sb->n_points)
    return sa->n_points > sb->n_points ? -1 : 1;
  return g_strcmp0 (sa->country, sb->country);
}

static gboolean
point_has_article (CcChartPoint *point,
                   gint64        article_id)
{
  for (guint i = 0; i < point->claims->len; i++)
    if (cc_claim_get_article_id (g_ptr_array_index (point->claims, i)) == article_id)
      return TRUE;
  return FALSE;
}

static CcChartRect
measure_label (PangoLayout  *layout,
               CcChartPoint *point)
{
  CcChartRect size = { 0, };
  int width, height;

  if (point->label == NULL)
    return size;

  pango_layout_set_text (layout, point->label, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  size.width = width;
  size.height = height;
  return size;
}

static void
ensure_points (CcChartLayout *self)
{
  g_autoptr(GHashTable) statements = NULL;
  g_autoptr(GHashTable) series_index = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) countries = NULL;
  g_autoptr(GArray) order = NULL;
  GArray *sorted;
  guint *remap;

  if (!self->points_dirty)
    return;

  ensure_infos (self);
  self->points_dirty = FALSE;
  self->geometry_dirty = TRUE;

  g_array_sort (self->subjects, compare_subject_counts);
  self->effective_subject = self->subject != NULL ? intern (self, self->subject)
                          : self->subjects->len > 0
                          ? g_array_index (self->subjects, SubjectCount, 0).key
                          : NULL;

  /* Room for a statement per claim up front: growing an array of a
   * hundred thousand statements step by step moves it many times. */
  g_array_unref (self->points);
  self->points = g_array_sized_new (FALSE, TRUE, sizeof (CcChartPoint), self->infos->len);
  g_array_set_clear_func (self->points, clear_point);
  g_array_set_size (self->series, 0);
  self->shown_first = self->shown_last = 0;
  self->n_visible = 0;

  /* Keys live in an array, the table maps them to point indices. */
  keys = g_array_sized_new (FALSE, FALSE, sizeof (StatementKey), self->infos->len);
  countries = g_array_new (FALSE, FALSE, sizeof (const char *));
  statements = g_hash_table_new (statement_key_hash, statement_key_equal);

  for (guint i = 0; i < self->infos->len; i++)
    {
      ClaimInfo *info = &g_array_index (self->infos, ClaimInfo, i);
      CcClaim *claim = info->claim;
      StatementKey key;
      gpointer found;
      CcChartPoint *point;

      if (info->subject != self->effective_subject)
        continue;
      if (self->status >= 0 && (int)cc_claim_get_status (claim) != self->status)
        continue;

      /* An unknown claimant is nobody in particular: such claims only
       * merge within one article (a text repeating itself). */
      key.claimant = info->claimant;
      key.article_id = info->claimant != NULL ? 0 : info->article_id;
      key.day = info->day;
      key.low = cc_claim_get_low (claim);
      key.high = MAX (cc_claim_get_high (claim), key.low);

      if (g_hash_table_lookup_extended (statements, &key, NULL, &found))
        {
          const char **country = &g_array_index (countries, const char *, GPOINTER_TO_UINT (found));

          point = &g_array_index (self->points, CcChartPoint, GPOINTER_TO_UINT (found));
          if (!point_has_article (point, info->article_id))
            point->n_sources++;
          point->hedged |= cc_claim_get_hedged (claim);
          point->range |= cc_claim_get_vague (claim);
          if (*country == NULL)
            *country = info->country;
          g_ptr_array_add (point->claims, g_object_ref (claim));
          continue;
        }

      g_array_set_size (self->points, self->points->len + 1);
      point = &g_array_index (self->points, CcChartPoint, self->points->len - 1);
      point->day = key.day;
      point->low = key.low;
      point->high = key.high;
      point->n_sources = 1;
      point->range = key.high > key.low || cc_claim_get_vague (claim);
      point->hedged = cc_claim_get_hedged (claim);
      point->claimant = intern (self, cc_claim_get_claimant (claim));
      point->label = intern_take (self, short_label (point->claimant));
      point->claims = g_ptr_array_new_full (1, g_object_unref);
      g_ptr_array_add (point->claims, g_object_ref (claim));

      /* keys was sized for every claim, so it never moves and the
       * table may point into it. */
      g_array_append_val (keys, key);
      g_array_append_val (countries, info->country);
      g_hash_table_insert (statements, &g_array_index (keys, StatementKey, keys->len - 1),
                           GUINT_TO_POINTER (keys->len - 1));
    }

  /* One series per country, most statements first. */
  series_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->points->len; i++)
    {
      const char *country = g_array_index (countries, const char *, i);
      gpointer index;

      if (!g_hash_table_lookup_extended (series_index, country, NULL, &index))
        {
          CcChartSeries series = { 0, };

          series.country = g_strdup (country);
          series.label = g_strdup (country ? country : _("No country"));
          series.color = cc_palette_country_color (country);
          series.visible = !g_hash_table_contains (self->hidden, country ? country : "");
          index = GUINT_TO_POINTER (self->series->len);
          g_array_append_val (self->series, series);
          g_hash_table_insert (series_index, (gpointer)country, index);
        }
      g_array_index (self->points, CcChartPoint, i).series = GPOINTER_TO_UINT (index);
      g_array_index (self->series, CcChartSeries, GPOINTER_TO_UINT (index)).n_points++;
    }

  /* Sorting the series renumbers them. */
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->series->len);
  for (guint i = 0; i < self->series->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_series_indices, self->series);
  remap = g_new (guint, self->series->len + 1);
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (CcChartSeries), self->series->len);
  for (guint i = 0; i < order->len; i++)
    {
      guint old = g_array_index (order, guint, i);

      remap[old] = i;
      g_array_append_val (sorted, g_array_index (self->series, CcChartSeries, old));
    }
  /* The structs moved to sorted with their strings. */
  g_array_set_clear_func (self->series, NULL);
  g_array_unref (self->series);
  self->series = sorted;
  g_array_set_clear_func (self->series, clear_series);
  for (guint i = 0; i < self->points->len; i++)
    {
      CcChartPoint *point = &g_array_index (self->points, CcChartPoint, i);

      point->series = remap[point->series];
    }
  g_free (remap);

  sort_points (self);

  /* Labels are measured when first placed: most statements of a crowd
   * never get one. */
  g_array_set_size (self->label_sizes, 0);
  g_array_set_size (self->label_sizes, self->points->len);
  for (guint i = 0; i < self->points->len; i++)
    g_array_index (self->label_sizes, CcChartRect, i).width = -1;
}

CcChartRect
_cc_chart_layout_label_size (CcChartLayout *self,
                             guint          index)
{
  CcChartRect *size = &g_array_index (self->label_sizes, CcChartRect, index);

  if (size->width < 0)
    {
      g_autoptr(PangoLayout) pango_layout = pango_layout_new (cc_chart_layout_get_pango_context (self));
      g_autoptr(PangoFontDescription) font = _cc_chart_layout_font (self, 0.85, FALSE);

      pango_layout_set_font_description (pango_layout, font);
      *size = measure_label (pango_layout, &g_array_index (self->points, CcChartPoint, index));
    }

  return *size;
}

void
_cc_chart_layout_ensure (CcChartLayout *self)
{
  ensure_points (self);
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
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->infos = g_array_new (FALSE, FALSE, sizeof (ClaimInfo));
  self->subjects = g_array_new (FALSE, FALSE, sizeof (SubjectCount));
  self->points = g_array_new (FALSE, TRUE, sizeof (CcChartPoint));
  g_array_set_clear_func (self->points, clear_point);
  self->label_sizes = g_array_new (FALSE, TRUE, sizeof (CcChartRect));
  self->series = g_array_new (FALSE, TRUE, sizeof (CcChartSeries));
  g_array_set_clear_func (self->series, clear_series);
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
      g_ptr_array_foreach (self->mirror, untrack_claim, self);
      g_ptr_array_set_size (self->mirror, 0);
      g_clear_object (&self->claims);
    }
  if (self->library != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library));

      g_signal_handlers_disconnect_by_func (self->library, library_items_changed_cb, self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (self->library), i);

          g_signal_handlers_disconnect_by_func (article, article_notify_cb, self);
        }
      g_clear_object (&self->library);
    }

  if (library != NULL)
    {
      self->library = g_object_ref (library);
      g_signal_connect_object (library, "items-changed", G_CALLBACK (library_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      library_items_changed_cb (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (library)),
                                G_LIST_MODEL (library));
    }
  if (claims != NULL)
    {
      self->claims = g_object_ref (claims);
      g_signal_connect_object (claims, "items-changed", G_CALLBACK (claims_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      claims_items_changed_cb (self, 0, 0, g_list_model_get_n_items (claims), claims);
    }

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

  ensure_points (self);
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

  ensure_points (self);
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
 * cc_chart_layout_format_count:
 *
 * Formats a number of people with the locale's thousands separator.
 * The C locale has none; it stands for English there, so it gets a
 * comma.
 */
char *
cc_chart_format_count (double value)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 ? "-" : NULL);
  gsize len = strlen (digits);

  if (separator == NULL || *separator == '\0')
    separator = ",";

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
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
