/* cc-pdf-exporter-report.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pages a report puts before its articles: a cover with the story's
 * title and period, the timeline chart, and the table of claim clusters.
 * The chart and the clusters are made here, on the worker, from articles
 * rebuilt out of the copies, so that nothing the window holds is read
 * off its thread. */

#define G_LOG_DOMAIN "cc-pdf-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cc-article-private.h"
#include "cc-chart-layout.h"
#include "cc-chart-renderer.h"
#include "cc-claim.h"
#include "cc-cluster-set.h"
#include "cc-cluster.h"
#include "cc-palette.h"
#include "cc-pdf-exporter-private.h"
#include "cc-subject.h"
#include "cc-utils.h"

#define COVER_TITLE_FONT "Sans Bold 32"
#define COVER_FONT       "Sans 14"
#define COVER_SMALL_FONT "Sans 10"
#define HEADING_FONT     "Sans Bold 16"
#define CHART_FONT       "Sans 8"
#define CELL_FONT        "Sans 9"
#define CELL_BOLD_FONT   "Sans Bold 9"
#define CELL_SMALL_FONT  "Sans 7.5"
#define CHART_HEIGHT     330.0
#define CELL_PADDING     4.0

enum {
  COLUMN_NUMBER,
  COLUMN_VALUE,
  COLUMN_CLAIMANT,
  COLUMN_SOURCES,
  COLUMN_DAY,
  N_COLUMNS
};

/* Shares of the content width. */
static const double column_shares[N_COLUMNS] = { 0.05, 0.24, 0.26, 0.22, 0.23 };

/* "10 October 2024" from "2024-10-10". */
static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !(date = g_date_time_new_utc (y, m, d, 0, 0, 0)))
    return g_strdup (day);

  /* Translators: a day as in "10 October 2024"; see strftime(3). */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
find_period (GPtrArray  *articles,
             char      **first,
             char      **last)
{
  const char *min = NULL;
  const char *max = NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      CcPdfArticle *article = g_ptr_array_index (articles, i);

      if (article->published == NULL)
        continue;
      if (min == NULL || strcmp (article->published, min) < 0)
        min = article->published;
      if (max == NULL || strcmp (article->published, max) > 0)
        max = article->published;
    }

  *first = format_day (min);
  *last = format_day (max);
}

static void
draw_cover (CcPdfRender *render,
            GPtrArray   *articles,
            const char  *title)
{
  double width = _cc_pdf_content_width (render);
  double x = render->margin_left;
  double y = render->height * 0.3;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) period_layout = NULL;
  g_autoptr(PangoLayout) count_layout = NULL;
  g_autoptr(GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *articles_text = NULL;
  g_autofree char *claims_text = NULL;
  g_autofree char *outlets_text = NULL;
  g_autofree char *today = NULL;
  g_autofree char *prepared = NULL;
  guint n_claims = 0;
  int height;

  for (guint i = 0; i < articles->len; i++)
    {
      CcPdfArticle *article = g_ptr_array_index (articles, i);

      n_claims += article->claims->len;
      if (article->outlet != NULL)
        g_hash_table_add (outlets, article->outlet);
    }

  _cc_pdf_begin_page (render);

  cairo_set_source_rgb (render->cr, CC_PDF_LINK);
  cairo_rectangle (render->cr, x, y - 24.0, 48.0, 4.0);
  cairo_fill (render->cr);

  title_layout = _cc_pdf_layout_new (render, COVER_TITLE_FONT,
                                     title ? title : _("Crosscheck Report"), width);
  pango_layout_set_wrap (title_layout, PANGO_WRAP_WORD);
  cairo_set_source_rgb (render->cr, CC_PDF_INK);
  _cc_pdf_show_layout (render, title_layout, x, y);
  pango_layout_get_pixel_size (title_layout, NULL, &height);
  y += height + 14.0;

  find_period (articles, &first, &last);
  if (first == NULL)
    period = g_strdup (_("Undated coverage"));
  else if (g_strcmp0 (first, last) == 0)
    period = g_strdup (first);
  else
    /* Translators: the period a report covers, from one day to another. */
    period = g_strdup_printf (_("%s – %s"), first, last);
  period_layout = _cc_pdf_layout_new (render, COVER_FONT, period, width);
  _cc_pdf_show_layout (render, period_layout, x, y);
  pango_layout_get_pixel_size (period_layout, NULL, &height);
  y += height + 6.0;

  {
    g_autofree char *n_articles_text = cc_format_count (articles->len);
    g_autofree char *n_claims_text = cc_format_count (n_claims);
    g_autofree char *n_outlets_text = cc_format_count (g_hash_table_size (outlets));

    /* Translators: %s is a count with its thousands separated, "1,204" */
    articles_text = g_strdup_printf (ngettext ("%s article", "%s articles", articles->len),
                                     n_articles_text);
    claims_text = g_strdup_printf (ngettext ("%s claim", "%s claims", n_claims), n_claims_text);
    outlets_text = g_strdup_printf (ngettext ("%s outlet", "%s outlets",
                                              g_hash_table_size (outlets)),
                                    n_outlets_text);
  }
  counts = g_strdup_printf ("%s  ·  %s  ·  %s", articles_text, claims_text, outlets_text);
  count_layout = _cc_pdf_layout_new (render, COVER_FONT, counts, width);
  cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
  _cc_pdf_show_layout (render, count_layout, x, y);

  /* Translators: a day as in "10 October 2024"; see strftime(3). */
  today = g_date_time_format (now, _("%-d %B %Y"));
  if (render->author != NULL)
    /* Translators: the last line of a report's cover: who made it and when. */
    prepared = g_strdup_printf (_("Prepared by %s with Crosscheck on %s"), render->author, today);
  else
    /* Translators: the last line of a report's cover, with the day it was made. */
    prepared = g_strdup_printf (_("Prepared with Crosscheck on %s"), today);
  {
    g_autoptr(PangoLayout) layout = _cc_pdf_layout_new (render, COVER_SMALL_FONT, prepared,
                                                        width);

    _cc_pdf_show_layout (render, layout, x, _cc_pdf_body_bottom (render) - 12.0);
  }

  _cc_pdf_end_page (render);
}

/* Thread-local articles for the clusters and the chart, with their own
 * copies of the claims. */
static GListStore *
rebuild_articles (GPtrArray *articles)
{
  GListStore *store = g_list_store_new (CC_TYPE_ARTICLE);

  for (guint i = 0; i < articles->len; i++)
    {
      CcPdfArticle *copy = g_ptr_array_index (articles, i);
      g_autoptr(CcArticle) article = cc_article_new ();
      g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);

      cc_article_set_id (article, copy->id);
      cc_article_set_title (article, copy->title);
      cc_article_set_outlet (article, copy->outlet);
      cc_article_set_url (article, copy->url);
      cc_article_set_published (article, copy->published);
      cc_article_set_text (article, copy->text);
      for (guint j = 0; j < copy->claims->len; j++)
        g_ptr_array_add (claims, cc_claim_copy (g_ptr_array_index (copy->claims, j)));
      _cc_article_replace_claims (article, claims);
      g_list_store_append (store, article);
    }

  return store;
}

static double
draw_heading (CcPdfRender *render,
              const char  *text,
              double       y)
{
  g_autoptr(PangoLayout) layout = _cc_pdf_layout_new (render, HEADING_FONT, text,
                                                      _cc_pdf_content_width (render));
  int height;

  cairo_set_source_rgb (render->cr, CC_PDF_INK);
  _cc_pdf_show_layout (render, layout, render->margin_left, y);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return y + height + 10.0;
}

/* The timeline as the window draws it, in vectors; returns the y below. */
static double
draw_chart (CcPdfRender *render,
            GListModel  *articles,
            double       y)
{
  g_autoptr(CcChartLayout) layout = cc_chart_layout_new ();
  g_autoptr(CcChartRenderer) renderer = cc_chart_renderer_new ();
  g_autoptr(GListStore) claims = g_list_store_new (CC_TYPE_CLAIM);
  PangoContext *context = pango_cairo_create_context (render->cr);
  PangoFontDescription *font = pango_font_description_from_string (CHART_FONT);
  double width = _cc_pdf_content_width (render);
  const char *subject;
  guint n_points;

  /* Without a library to ask, a claim without a day of its own takes
   * its article's, as the chart in the window does. */
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (articles, i);
      GListModel *article_claims = cc_article_get_claims (article);

      for (guint j = 0; j < g_list_model_get_n_items (article_claims); j++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (article_claims, j);
          g_autoptr(CcClaim) copy = cc_claim_copy (claim);

          if (cc_claim_get_event_date (copy) == NULL)
            cc_claim_set_event_date (copy, cc_article_get_published (article));
          g_list_store_append (claims, copy);
        }
    }

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);
  cc_chart_layout_set_pango_context (layout, context);
  cc_chart_layout_set_claims (layout, G_LIST_MODEL (claims), NULL);
  subject = cc_chart_layout_get_effective_subject (layout);
  if (subject != NULL)
    {
      g_autofree char *label = cc_subject_class_label (subject);
      /* Translators: the title of the chart in a report; %s names what
       * is counted, as "Troops and forces" */
      g_autofree char *title = g_strdup_printf (_("%s: estimates over time"), label);

      cc_chart_layout_set_title (layout, title);
    }
  cc_chart_layout_set_size (layout, width, CHART_HEIGHT);

  /* The timeline places claims by day: without any, it says why rather
   * than drawing an empty chart over a table full of claims. */
  cc_chart_layout_get_points (layout, &n_points);
  if (n_points == 0 && g_list_model_get_n_items (G_LIST_MODEL (claims)) > 0)
    {
      guint n_claims = g_list_model_get_n_items (G_LIST_MODEL (claims));
      g_autofree char *count = cc_format_count (n_claims);
      g_autofree char *why = NULL;
      g_autoptr(PangoLayout) message = NULL;
      int height;

      why = g_strdup_printf (ngettext ("No timeline: the claim has no day, neither its own nor "
                                       "its article’s. The table below lists it.",
                                       "No timeline: none of the %s claims has a day, neither "
                                       "its own nor its article’s. The table below lists them.",
                                       n_claims),
                             count);

      cc_chart_layout_set_claims (layout, NULL, NULL);
      g_object_unref (context);
      message = _cc_pdf_layout_new (render, CHART_FONT, why, width);
      cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
      _cc_pdf_show_layout (render, message, render->margin_left, y);
      pango_layout_get_pixel_size (message, NULL, &height);
      return y + height + 24.0;
    }

  cairo_save (render->cr);
  cairo_rectangle (render->cr, render->margin_left, y, width, CHART_HEIGHT);
  cairo_clip (render->cr);
  cairo_translate (render->cr, render->margin_left, y);
  cc_chart_renderer_draw (renderer, layout, render->cr);
  cairo_restore (render->cr);

  /* Let go of the claims before they go. */
  cc_chart_layout_set_claims (layout, NULL, NULL);
  g_object_unref (context);

  return y + CHART_HEIGHT + 24.0;
}

typedef struct
{
  PangoLayout *main;
  PangoLayout *detail;  /* a second, smaller line, or NULL */
  double       height;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->main);
  g_clear_object (&cell->detail);
}

static void
cell_set (CcPdfRender *render,
          Cell        *cell,
          const char  *font,
          const char  *main,
          const char  *detail,
          double       width)
{
  int height;

  cell->main = _cc_pdf_layout_new (render, font, main, width - 2 * CELL_PADDING);
  pango_layout_get_pixel_size (cell->main, NULL, &height);
  cell->height = height;
  if (detail != NULL && *detail != '\0')
    {
      cell->detail = _cc_pdf_layout_new (render, CELL_SMALL_FONT, detail,
                                         width - 2 * CELL_PADDING);
      pango_layout_get_pixel_size (cell->detail, NULL, &height);
      cell->height += 1.0 + height;
    }
}

static double
draw_table_header (CcPdfRender  *render,
                   const double *widths,
                   double        y)
{
  const char *titles[N_COLUMNS] = {
    /* Translators: the column of cluster numbers in a report's table */
    C_("cluster table", "No."),
    C_("cluster table", "Value"),
    C_("cluster table", "Claimant"),
    C_("cluster table", "Sources"),
    C_("cluster table", "Day"),
  };
  double x = render->margin_left;
  int height = 0;

  cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(PangoLayout) layout = _cc_pdf_layout_new (render, CELL_BOLD_FONT, titles[i],
                                                          widths[i]);

      _cc_pdf_show_layout (render, layout, x + CELL_PADDING, y);
      pango_layout_get_pixel_size (layout, NULL, &height);
      x += widths[i];
    }
  y += height + CELL_PADDING;

  cairo_set_source_rgb (render->cr, CC_PDF_RULE);
  cairo_set_line_width (render->cr, 0.75);
  cairo_move_to (render->cr, render->margin_left, y);
  cairo_line_to (render->cr, render->margin_left + _cc_pdf_content_width (render), y);
  cairo_stroke (render->cr);

  return y + 1.0;
}

/* "AP, Reuters" for the outlets of a cluster's mentions, each once. */
static char *
dup_outlets (CcCluster  *cluster,
             GHashTable *outlets)
{
  GListModel *mentions = cc_cluster_get_mentions (cluster);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Each outlet once, in the order of the mentions. */
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, i);
      gint64 id = cc_claim_get_article_id (claim);
      const char *outlet = g_hash_table_lookup (outlets, &id);

      if (outlet != NULL && g_hash_table_add (seen, (gpointer)outlet))
        g_ptr_array_add (names, (gpointer)outlet);
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **)names->pdata);
}

static char *
dup_conflicts (CcCluster *cluster)
{
  g_autoptr(GString) text = NULL;
  const guint *ids;
  guint n;

  ids = cc_cluster_get_conflicts (cluster, &n);
  if (n == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = cc_format_count (ids[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", id);
    }

  /* The nearest in value are named, the rest counted. */
  if (cc_cluster_get_n_conflicts (cluster) > n)
    {
      guint more = cc_cluster_get_n_conflicts (cluster) - n;
      g_autofree char *count = cc_format_count (more);

      /* Translators: under a value in the report's table, the numbers of
       * some statements it disagrees with, then how many others do */
      return g_strdup_printf (ngettext ("disagrees with %s and %s more",
                                        "disagrees with %s and %s more", more),
                              text->str, count);
    }

  /* Translators: under a value in the report's table, the numbers of
   * the statements it disagrees with */
  return g_strdup_printf (_("disagrees with %s"), text->str);
}

/* One row per statement; the table runs on over as many pages as it
 * needs, its header repeated. */
static void
draw_clusters (CcPdfRender  *render,
               CcClusterSet *set,
               GHashTable   *outlets,
               double        y)
{
  double width = _cc_pdf_content_width (render);
  double bottom = _cc_pdf_body_bottom (render);
  double widths[N_COLUMNS];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (set));

  for (guint i = 0; i < N_COLUMNS; i++)
    widths[i] = width * column_shares[i];

  if (n == 0)
    {
      g_autoptr(PangoLayout) layout = _cc_pdf_layout_new (render, CELL_FONT,
                                                          _("No claims to compare."), width);

      cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
      _cc_pdf_show_layout (render, layout, render->margin_left, y);
      return;
    }

  y = draw_table_header (render, widths, y);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);
      g_autofree char *number = cc_format_count (cc_cluster_get_id (cluster));
      g_autofree char *n_sources = cc_format_count (cc_cluster_get_n_sources (cluster));
      g_autofree char *value = cc_cluster_dup_value_label (cluster);
      g_autofree char *conflicts = dup_conflicts (cluster);
      g_autofree char *what = NULL;
      g_autofree char *status = NULL;
      g_autofree char *value_detail = NULL;
      g_autofree char *sources = NULL;
      g_autofree char *outlet_names = dup_outlets (cluster, outlets);
      g_autofree char *day = NULL;
      const char *subject = cc_cluster_get_subject (cluster);
      const char *claimant = cc_cluster_get_claimant (cluster);
      const char *country = cc_cluster_get_claimant_country (cluster);
      const char *first = cc_cluster_get_first_day (cluster);
      const char *last = cc_cluster_get_last_day (cluster);
      Cell cells[N_COLUMNS] = { { 0 } };
      double row_height = 0.0;
      double x = render->margin_left;
      double rgb[3];

      status = _cc_pdf_status_label (cc_cluster_get_status (cluster));
      what = g_strdup_printf ("%s%s%s%s", subject ? subject : "", subject ? " · " : "",
                              status,
                              cc_cluster_get_hedged (cluster) ? _(" · hedged") : "");
      value_detail = conflicts ? g_strdup_printf ("%s\n%s", what, conflicts) : g_strdup (what);
      sources = g_strdup_printf (ngettext ("%s source", "%s sources",
                                           cc_cluster_get_n_sources (cluster)),
                                 n_sources);
      if (first != NULL && last != NULL && strcmp (first, last) != 0)
        day = g_strdup_printf ("%s – %s", first, last);
      else
        day = g_strdup (first ? first : _("undated"));

      cell_set (render, &cells[COLUMN_NUMBER], CELL_FONT, number, NULL, widths[COLUMN_NUMBER]);
      cell_set (render, &cells[COLUMN_VALUE], CELL_BOLD_FONT, value, value_detail,
                widths[COLUMN_VALUE]);
      cell_set (render, &cells[COLUMN_CLAIMANT], CELL_FONT,
                claimant ? claimant : _("Unattributed"), country,
                widths[COLUMN_CLAIMANT] - 8.0);
      cell_set (render, &cells[COLUMN_SOURCES], CELL_FONT, sources, outlet_names,
                widths[COLUMN_SOURCES]);
      cell_set (render, &cells[COLUMN_DAY], CELL_FONT, day, NULL, widths[COLUMN_DAY]);
      for (guint c = 0; c < N_COLUMNS; c++)
        row_height = MAX (row_height, cells[c].height + 2 * CELL_PADDING);

      if (y + row_height > bottom)
        {
          _cc_pdf_end_page (render);
          _cc_pdf_begin_page (render);
          y = draw_table_header (render, widths, render->margin_top);
        }

      if (i % 2 == 1)
        {
          cairo_set_source_rgb (render->cr, 0.96, 0.96, 0.97);
          cairo_rectangle (render->cr, render->margin_left, y, width, row_height);
          cairo_fill (render->cr);
        }

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          double cell_x = x + CELL_PADDING;
          int main_height;

          if (c == COLUMN_CLAIMANT)
            {
              /* The claimant's colour, as in the chart and the highlights. */
              cc_palette_parse (cc_palette_country_color (country), rgb);
              cairo_set_source_rgb (render->cr, rgb[0], rgb[1], rgb[2]);
              cairo_new_path (render->cr);
              cairo_arc (render->cr, cell_x + 3.0, y + CELL_PADDING + 5.0, 3.0, 0, 2 * G_PI);
              cairo_fill (render->cr);
              cell_x += 8.0;
            }

          cairo_set_source_rgb (render->cr, CC_PDF_INK);
          _cc_pdf_show_layout (render, cells[c].main, cell_x, y + CELL_PADDING);
          if (cells[c].detail != NULL)
            {
              pango_layout_get_pixel_size (cells[c].main, NULL, &main_height);
              cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
              _cc_pdf_show_layout (render, cells[c].detail, cell_x,
                                   y + CELL_PADDING + main_height + 1.0);
            }
          x += widths[c];
          cell_clear (&cells[c]);
        }

      y += row_height;
    }
}

gboolean
_cc_pdf_render_report (CcPdfRender  *render,
                       GPtrArray    *articles,
                       const char   *title,
                       GError      **error)
{
  g_autoptr(GListStore) rebuilt = rebuild_articles (articles);
  g_autoptr(CcClusterSet) set = NULL;
  g_autoptr(GHashTable) outlets = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *chart_dest = NULL;
  g_autofree char *table_dest = NULL;
  double y;

  for (guint i = 0; i < articles->len; i++)
    {
      CcPdfArticle *article = g_ptr_array_index (articles, i);

      if (article->outlet != NULL)
        g_hash_table_insert (outlets, &article->id, article->outlet);
    }

  cairo_pdf_surface_add_outline (render->surface, CAIRO_PDF_OUTLINE_ROOT, _("Cover"),
                                 "page=1 pos=[0 0]", 0);
  draw_cover (render, articles, title);

  if (g_cancellable_set_error_if_cancelled (render->cancellable, error))
    return FALSE;

  /* The chart and the start of the table share a page. */
  chart_dest = g_strdup_printf ("page=%u pos=[0 0]", render->page + 1);
  cairo_pdf_surface_add_outline (render->surface, CAIRO_PDF_OUTLINE_ROOT, _("Timeline"),
                                 chart_dest, 0);
  _cc_pdf_begin_page (render);
  y = draw_heading (render, _("Timeline"), render->margin_top);
  y = draw_chart (render, G_LIST_MODEL (rebuilt), y);

  set = cc_cluster_set_new (G_LIST_MODEL (rebuilt));
  table_dest = g_strdup_printf ("page=%u pos=[0 %.0f]", render->page + 1, y);
  cairo_pdf_surface_add_outline (render->surface, CAIRO_PDF_OUTLINE_ROOT, _("Claims Compared"),
                                 table_dest, 0);
  y = draw_heading (render, _("Claims Compared"), y);
  draw_clusters (render, set, outlets, y);
  _cc_pdf_end_page (render);

  return !g_cancellable_set_error_if_cancelled (render->cancellable, error);
}
