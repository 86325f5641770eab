/* cc-chart-layout-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-chart-layout.h"

G_BEGIN_DECLS

/* A claim's fields as copied on the main thread, so that the claims can
 * be grouped on a worker without reading the objects there. */
typedef struct
{
  /* A reference, handed on to the statements. */
  CcClaim    *claim;
  gint64      article_id;
  /* The event date, else the article's publication date: days since
   * 1970-01-01, or G_MININT. */
  int         day;
  int         status;
  double      low;
  double      high;
  gboolean    hedged;
  gboolean    vague;
  /* In the copies' own string table. */
  const char *subject;
  const char *claimant;
  const char *country;
} ClaimCopy;

/* What the layout needs of a claim, computed once per change of the
 * claims rather than once per filter or frame. */
typedef struct
{
  CcClaim    *claim;
  gint64      article_id;
  int         day;
  int         status;
  double      low;
  double      high;
  guint       hedged : 1;
  guint       vague : 1;
  /* Interned in the layout's string table: compared by pointer. */
  const char *subject;
  /* The claimant folded for grouping, and as written. */
  const char *claimant;
  const char *written_claimant;
  const char *country;
} ClaimInfo;

typedef enum
{
  KEY_HEDGED,
  KEY_RANGE,
  KEY_SOURCES,
  N_KEYS
} KeyItem;

struct _CcChartLayout
{
  GObject        parent_instance;

  GListModel    *claims;
  CcLibrary     *library;
  /* The claims of the model, in its order, each with a notify handler
   * (an edited claim moves on the chart), and the library's articles,
   * each with one for its date; made again from the models only when the
   * statements are next needed (_cc_chart_layout_sync_mirror()). */
  GPtrArray     *mirror;
  GHashTable    *tracked_articles;
  gboolean       mirror_dirty;
  gboolean       articles_dirty;
  GHashTable    *strings;

  GArray        *infos;
  /* Subject class keys with their claim counts, most claims first. */
  GArray        *subjects;
  guint          n_undated;

  char          *subject;
  const char    *effective_subject;
  int            status;
  gboolean       log_scale;
  GHashTable    *hidden;

  GArray        *points;
  /* The size of each statement's label text (CcChartRect, x and y
   * unused; a negative width until measured). */
  GArray        *label_sizes;
  GArray        *series;
  /* How many step lines the statements make (CcChartPoint.line). */
  guint          n_lines;
  GArray        *time_ticks;
  GArray        *value_ticks;

  PangoContext  *pango;
  char          *title;
  double         width;
  double         height;
  double         extent_start;
  double         extent_end;
  double         window_start;
  double         window_end;

  CcChartRect    plot;
  CcChartRect    title_rect;
  /* The value axis's title, read bottom to top: its box as drawn. */
  CcChartRect    value_title_rect;
  /* The band above the plot holding off-scale statements, or empty. */
  CcChartRect    over_band;
  CcChartRect    key_rects[N_KEYS];
  double         font_height;
  /* The value axis: values (log10 of them on a log scale) from y_min
   * at the bottom of the plot to y_max at its top; above cut (linear
   * only) a statement is off the scale. */
  double         y_min;
  double         y_max;
  double         cut;
  guint          n_visible;
  /* The statements of the time window, by index: those outside are not
   * visible. */
  guint          shown_first;
  guint          shown_last;

  /* Bumped whenever the statements go stale, so that a grouping made
   * on a worker is applied only if nothing changed meanwhile. */
  guint          generation;

  guint          infos_dirty : 1;
  guint          points_dirty : 1;
  guint          geometry_dirty : 1;
  guint          zoomed : 1;
};

typedef struct
{
  const char *key;
  guint       n_claims;
} SubjectCount;

void                  _cc_chart_layout_changed             (CcChartLayout *self);
void                  _cc_chart_layout_ensure              (CcChartLayout *self);
void                  _cc_chart_layout_sync_mirror         (CcChartLayout *self);
void                  _cc_chart_layout_ensure_statements   (CcChartLayout *self);
void                  _cc_chart_claim_copy_init            (ClaimCopy     *copy,
                                                            CcClaim       *claim,
                                                            CcLibrary     *library,
                                                            GHashTable    *published,
                                                            GHashTable    *strings);
void                  _cc_chart_claim_copy_clear           (gpointer      data);
void                  _cc_chart_layout_compute_infos       (CcChartLayout *self,
                                                            GArray        *copies);
void                  _cc_chart_layout_claim_notify_cb     (CcChartLayout *self,
                                                            GParamSpec    *pspec,
                                                            CcClaim       *claim);
void                  _cc_chart_layout_article_notify_cb   (CcChartLayout *self,
                                                            GParamSpec    *pspec,
                                                            CcArticle     *article);
void                  _cc_chart_layout_compute_geometry    (CcChartLayout *self);
gboolean              _cc_chart_layout_compute_value_axis  (CcChartLayout *self,
                                                            double        lo,
                                                            double        hi);
void                  _cc_chart_layout_compute_value_ticks (CcChartLayout *self);
void                  _cc_chart_layout_compute_time_ticks  (CcChartLayout *self);
CcChartRect           _cc_chart_layout_label_size          (CcChartLayout *self,
                                                            guint         index);
char                 *_cc_chart_layout_key_label           (KeyItem       item);
const char           *_cc_chart_layout_value_title         (void);
PangoFontDescription *_cc_chart_layout_font                (CcChartLayout *self,
                                                            double        scale,
                                                            gboolean      bold);
PangoLayout          *_cc_chart_layout_new_text            (CcChartLayout *self,
                                                            double        scale,
                                                            gboolean      bold);
void                  _cc_chart_layout_measure             (PangoLayout   *layout,
                                                            const char    *text,
                                                            double        *width,
                                                            double        *height);
void                  _cc_chart_point_clear                (gpointer      data);
void                  _cc_chart_series_clear               (gpointer      data);

G_END_DECLS
