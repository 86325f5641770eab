/* cc-chart-layout.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "cc-types.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CcChartRect;

/* One distinct statement: a claimant giving a figure on a day, however
 * many articles carry it. The fields are read-only. */
typedef struct
{
  /* Days since 1970-01-01: the claim's event date, else the article's
   * publication date. */
  int          day;
  double       low;
  double       high;
  /* Articles carrying the statement. */
  guint        n_sources;
  /* Index into cc_chart_layout_get_series(). */
  guint        series;
  /* The step line the statement is on: one per claimant (spellings of
   * one name together), or per country for claims without a claimant.
   * From 0 to cc_chart_layout_get_n_lines(). */
  guint        line;
  /* A range or a vague amount, drawn as a bar from low to high. */
  guint        range : 1;
  guint        hedged : 1;
  /* In a shown series and inside the time window. */
  guint        visible : 1;
  /* Above the linear axis, drawn as a marker on its top edge. */
  guint        off_scale : 1;
  /* Whether label_rect holds a placed label. */
  guint        labelled : 1;
  /* The claimant as first written, or NULL when unknown. */
  const char  *claimant;
  /* The claimant shortened for a label. */
  const char  *label;
  /* The claims making up the statement (CcClaim), by article. */
  GPtrArray   *claims;

  /* Geometry at the current size: centre, ends of the bar, marker
   * radius, label box. */
  double       x;
  double       y;
  double       y_low;
  double       y_high;
  double       radius;
  CcChartRect  label_rect;
} CcChartPoint;

/* The claims of one claimant country, coloured from the palette. */
typedef struct
{
  /* The country, or NULL for claims without one. */
  char        *country;
  char        *label;
  const char  *color;
  guint        n_points;
  gboolean     visible;
  /* The legend entry; clicking it toggles the series. */
  CcChartRect  legend_rect;
} CcChartSeries;

typedef struct
{
  double  value;
  /* x for time ticks, y for value ticks. */
  double  position;
  char   *label;
  /* A time tick starting a month or a year, labelled below the others. */
  guint   major : 1;
} CcChartTick;

#define CC_TYPE_CHART_LAYOUT (cc_chart_layout_get_type ())

G_DECLARE_FINAL_TYPE (CcChartLayout, cc_chart_layout, CC, CHART_LAYOUT, GObject)

CcChartLayout       *cc_chart_layout_new                 (void);
void                 cc_chart_layout_set_claims          (CcChartLayout  *self,
                                                          GListModel     *claims,
                                                          CcLibrary      *library);
const char          *cc_chart_layout_get_subject         (CcChartLayout  *self);
void                 cc_chart_layout_set_subject         (CcChartLayout  *self,
                                                          const char     *subject);
const char          *cc_chart_layout_get_effective_subject (CcChartLayout *self);
GStrv                cc_chart_layout_dup_subjects        (CcChartLayout  *self);
int                  cc_chart_layout_get_status          (CcChartLayout  *self);
void                 cc_chart_layout_set_status          (CcChartLayout  *self,
                                                          int             status);
gboolean             cc_chart_layout_get_log_scale       (CcChartLayout  *self);
void                 cc_chart_layout_set_log_scale       (CcChartLayout  *self,
                                                          gboolean        log_scale);
void                 cc_chart_layout_set_series_visible  (CcChartLayout  *self,
                                                          const char     *country,
                                                          gboolean        visible);
void                 cc_chart_layout_set_size            (CcChartLayout  *self,
                                                          double          width,
                                                          double          height);
void                 cc_chart_layout_set_pango_context   (CcChartLayout  *self,
                                                          PangoContext   *context);
PangoContext        *cc_chart_layout_get_pango_context   (CcChartLayout  *self);
void                 cc_chart_layout_set_title           (CcChartLayout  *self,
                                                          const char     *title);
const char          *cc_chart_layout_get_title           (CcChartLayout  *self);
void                 cc_chart_layout_get_time_extent     (CcChartLayout  *self,
                                                          double         *start,
                                                          double         *end);
void                 cc_chart_layout_get_time_window     (CcChartLayout  *self,
                                                          double         *start,
                                                          double         *end);
void                 cc_chart_layout_set_time_window     (CcChartLayout  *self,
                                                          double          start,
                                                          double          end);
void                 cc_chart_layout_reset_time_window   (CcChartLayout  *self);
gboolean             cc_chart_layout_is_zoomed           (CcChartLayout  *self);

const CcChartPoint  *cc_chart_layout_get_points          (CcChartLayout  *self,
                                                          guint          *n_points);
const CcChartSeries *cc_chart_layout_get_series          (CcChartLayout  *self,
                                                          guint          *n_series);
guint                cc_chart_layout_get_n_lines         (CcChartLayout  *self);
const CcChartTick   *cc_chart_layout_get_time_ticks      (CcChartLayout  *self,
                                                          guint          *n_ticks);
const CcChartTick   *cc_chart_layout_get_value_ticks     (CcChartLayout  *self,
                                                          guint          *n_ticks);
CcChartRect          cc_chart_layout_get_plot_area       (CcChartLayout  *self);
CcChartRect          cc_chart_layout_get_title_rect      (CcChartLayout  *self);
const char          *cc_chart_layout_get_value_title     (CcChartLayout  *self,
                                                          CcChartRect    *rect);
double               cc_chart_layout_value_to_y          (CcChartLayout  *self,
                                                          double          value);
double               cc_chart_layout_day_to_x            (CcChartLayout  *self,
                                                          double          day);
double               cc_chart_layout_x_to_day            (CcChartLayout  *self,
                                                          double          x);
int                  cc_chart_layout_hit_point           (CcChartLayout  *self,
                                                          double          x,
                                                          double          y);
int                  cc_chart_layout_hit_legend          (CcChartLayout  *self,
                                                          double          x,
                                                          double          y);
int                  cc_chart_layout_find_claim          (CcChartLayout  *self,
                                                          gint64          claim_id);
int                  cc_chart_layout_step                (CcChartLayout  *self,
                                                          int             from,
                                                          int             direction);
guint                cc_chart_layout_count_visible       (CcChartLayout  *self);
gboolean             cc_chart_layout_has_statements      (CcChartLayout  *self);
void                 cc_chart_layout_group_async         (CcChartLayout       *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean             cc_chart_layout_group_finish        (CcChartLayout  *self,
                                                          GAsyncResult   *result,
                                                          GError        **error);

char                *cc_chart_format_count               (double          value);
char                *cc_chart_format_value               (const CcChartPoint *point);
char                *cc_chart_format_day                 (int             day);
int                  cc_chart_parse_day                  (const char     *date);

G_END_DECLS
