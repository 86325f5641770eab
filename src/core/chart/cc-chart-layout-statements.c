/* cc-chart-layout-statements.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first two stages of the chart layout: what each claim is (its
 * day, subject class and claimant, once per change of the claims), and
 * the statements of the chosen subject and status: one per claimant,
 * figure and day, however many articles carry it, in time order, in
 * one series per claimant country. */

#define G_LOG_DOMAIN "cc-chart-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cc-article.h"
#include "cc-chart-layout-private.h"
#include "cc-claim-match.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-palette.h"

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

void
_cc_chart_point_clear (gpointer data)
{
  CcChartPoint *point = data;

  g_clear_pointer (&point->claims, g_ptr_array_unref);
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

/* A string of @strings (a set owning its strings), added if new. */
static const char *
copy_string (GHashTable *strings,
             const char *str)
{
  char *copy;

  if (str == NULL)
    return NULL;
  if ((copy = g_hash_table_lookup (strings, str)))
    return copy;
  copy = g_strdup (str);
  g_hash_table_add (strings, copy);
  return copy;
}

/* Copies what the grouping reads of @claim, its strings into @strings
 * (they repeat a lot); @published caches the articles' publication days
 * by id. Main thread only. */
void
_cc_chart_claim_copy_init (ClaimCopy  *copy,
                           CcClaim    *claim,
                           CcLibrary  *library,
                           GHashTable *published,
                           GHashTable *strings)
{
  gpointer day;

  copy->claim = g_object_ref (claim);
  copy->article_id = cc_claim_get_article_id (claim);
  copy->status = cc_claim_get_status (claim);
  copy->low = cc_claim_get_low (claim);
  copy->high = cc_claim_get_high (claim);
  copy->hedged = cc_claim_get_hedged (claim);
  copy->vague = cc_claim_get_vague (claim);
  copy->subject = copy_string (strings, cc_claim_get_subject (claim));
  copy->claimant = copy_string (strings, cc_claim_get_claimant (claim));
  copy->country = copy_string (strings, cc_claim_get_claimant_country (claim));

  copy->day = cc_chart_parse_day (cc_claim_get_event_date (claim));
  if (copy->day == G_MININT && library != NULL)
    {
      if (!g_hash_table_lookup_extended (published, &copy->article_id, NULL, &day))
        {
          CcArticle *article = cc_library_lookup_article (library, copy->article_id);

          day = GINT_TO_POINTER (article ? cc_chart_parse_day (cc_article_get_published (article))
                                         : G_MININT);
          g_hash_table_insert (published, g_memdup2 (&copy->article_id, sizeof (gint64)), day);
        }
      copy->day = GPOINTER_TO_INT (day);
    }
}

void
_cc_chart_claim_copy_clear (gpointer data)
{
  ClaimCopy *copy = data;

  g_clear_object (&copy->claim);
}

/* Stage one from copies of the claims, which the claims outlive as long
 * as the layout's mirror holds them: reads no object, so that it may run
 * on a worker over a layout of its own. */
void
_cc_chart_layout_compute_infos (CcChartLayout *self,
                                GArray        *copies)
{
  GHashTable *classes[CC_CLAIM_STATUS_TOTAL + 1] = { NULL, };
  g_autoptr(GHashTable) claimant_keys = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  self->infos_dirty = FALSE;
  g_array_set_size (self->infos, 0);
  g_array_set_size (self->subjects, 0);
  self->n_undated = 0;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    classes[i] = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < copies->len; i++)
    {
      ClaimCopy *copy = &g_array_index (copies, ClaimCopy, i);
      int status = copy->status;
      const char *subject = intern (self, copy->subject);
      const char *claimant = intern (self, copy->claimant);
      ClaimInfo info = { copy->claim, copy->article_id, copy->day, status, copy->low, copy->high,
                         !!copy->hedged, !!copy->vague, NULL, NULL, claimant, NULL };

      if (info.day == G_MININT)
        {
          self->n_undated++;
          continue;
        }

      if (status < 0 || (guint)status >= G_N_ELEMENTS (classes))
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
      info.country = intern (self, copy->country);
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

/* Stage one on the calling thread, from the mirror. */
static void
ensure_infos (CcChartLayout *self)
{
  g_autoptr(GHashTable) published = NULL;
  g_autoptr(GHashTable) strings = NULL;
  g_autoptr(GArray) copies = NULL;

  if (!self->infos_dirty)
    return;

  strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  published = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  copies = g_array_sized_new (FALSE, TRUE, sizeof (ClaimCopy), self->mirror->len);
  g_array_set_clear_func (copies, _cc_chart_claim_copy_clear);
  g_array_set_size (copies, self->mirror->len);
  for (guint i = 0; i < self->mirror->len; i++)
    _cc_chart_claim_copy_init (&g_array_index (copies, ClaimCopy, i),
                               g_ptr_array_index (self->mirror, i), self->library, published,
                               strings);
  _cc_chart_layout_compute_infos (self, copies);
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
  g_array_set_clear_func (self->points, _cc_chart_point_clear);
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

/* Whether a statement's claims (their articles, in @articles, one
 * GArray of gint64 per statement) include @article_id. */
static gboolean
point_has_article (GPtrArray *articles,
                   guint      index,
                   gint64     article_id)
{
  GArray *ids = g_ptr_array_index (articles, index);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == article_id)
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

void
_cc_chart_layout_ensure_statements (CcChartLayout *self)
{
  g_autoptr(GHashTable) statements = NULL;
  g_autoptr(GHashTable) series_index = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) countries = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  GArray *sorted;
  guint *remap;

  _cc_chart_layout_sync_mirror (self);
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
  g_array_set_clear_func (self->points, _cc_chart_point_clear);
  g_array_set_size (self->series, 0);
  self->shown_first = self->shown_last = 0;
  self->n_visible = 0;

  /* Keys live in an array, the table maps them to point indices. */
  keys = g_array_sized_new (FALSE, FALSE, sizeof (StatementKey), self->infos->len);
  /* Interned claimant keys (or countries) to line numbers. */
  lines = g_hash_table_new (NULL, NULL);
  self->n_lines = 0;
  countries = g_array_new (FALSE, FALSE, sizeof (const char *));
  statements = g_hash_table_new (statement_key_hash, statement_key_equal);
  articles = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint i = 0; i < self->infos->len; i++)
    {
      ClaimInfo *info = &g_array_index (self->infos, ClaimInfo, i);
      CcClaim *claim = info->claim;
      StatementKey key;
      gpointer found;
      CcChartPoint *point;

      if (info->subject != self->effective_subject)
        continue;
      if (self->status >= 0 && info->status != self->status)
        continue;

      /* An unknown claimant is nobody in particular: such claims only
       * merge within one article (a text repeating itself). */
      key.claimant = info->claimant;
      key.article_id = info->claimant != NULL ? 0 : info->article_id;
      key.day = info->day;
      key.low = info->low;
      key.high = MAX (info->high, key.low);

      if (g_hash_table_lookup_extended (statements, &key, NULL, &found))
        {
          const char **country = &g_array_index (countries, const char *, GPOINTER_TO_UINT (found));

          point = &g_array_index (self->points, CcChartPoint, GPOINTER_TO_UINT (found));
          if (!point_has_article (articles, GPOINTER_TO_UINT (found), info->article_id))
            {
              point->n_sources++;
              g_array_append_val (g_ptr_array_index (articles, GPOINTER_TO_UINT (found)), info->article_id);
            }
          point->hedged |= info->hedged;
          point->range |= info->vague;
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
      point->range = key.high > key.low || info->vague;
      point->hedged = info->hedged;
      point->claimant = info->written_claimant;
      point->label = intern_take (self, short_label (point->claimant));
      point->claims = g_ptr_array_new_full (1, g_object_unref);
      g_ptr_array_add (point->claims, g_object_ref (claim));

      /* A step line follows one claimant's figures through time; claims
       * of nobody in particular share their country's. */
      {
        gconstpointer line_key = info->claimant != NULL ? (gconstpointer)info->claimant
                                                        : (gconstpointer)info->country;
        gpointer line;

        if (!g_hash_table_lookup_extended (lines, line_key, NULL, &line))
          {
            line = GUINT_TO_POINTER (self->n_lines++);
            g_hash_table_insert (lines, (gpointer)line_key, line);
          }
        point->line = GPOINTER_TO_UINT (line);
      }

      /* keys was sized for every claim, so it never moves and the
       * table may point into it. */
      g_array_append_val (keys, key);
      g_array_append_val (countries, info->country);
      g_ptr_array_add (articles, g_array_new (FALSE, FALSE, sizeof (gint64)));
      g_array_append_val (g_ptr_array_index (articles, articles->len - 1), info->article_id);
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
  g_array_set_clear_func (self->series, _cc_chart_series_clear);
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
      g_autoptr(PangoLayout) pango_layout = _cc_chart_layout_new_text (self, 0.85, FALSE);

      *size = measure_label (pango_layout, &g_array_index (self->points, CcChartPoint, index));
    }

  return *size;
}
