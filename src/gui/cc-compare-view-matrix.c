/* cc-compare-view-matrix.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The claim matrix: a row per cluster, a column per article, each cell
 * saying whether that article carries the claim, hedges it or leaves it
 * out. Its article columns come and go with the choice of articles, so
 * their cells are built here rather than in the template. */

#define G_LOG_DOMAIN "cc-compare-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-compare-view-private.h"
#include "cc-gui-utils.h"
#include "cc-palette.h"
#include "cc-reader-format.h"

/* The widths of an article's column: the matrix gives its columns what
 * the window allows between these, after the claim column's share. */
#define ARTICLE_COLUMN_MIN 76
#define ARTICLE_COLUMN_MAX 112
#define CLAIM_COLUMN_MIN 160

typedef struct
{
  CcCompareView *self;
  gint64         article_id;
} ArticleColumn;

static void
article_column_free (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static char *
describe_cluster (CcCluster *cluster)
{
  g_autofree char *value = cc_cluster_dup_value_label (cluster);
  const char *subject = cc_cluster_get_subject (cluster);

  if (subject == NULL)
    return g_steal_pointer (&value);
  /* Translators: a figure and who it counts, "10,000 troops". */
  return g_strdup_printf (C_("claim", "%s %s"), value, subject);
}

static char *
describe_source (CcCluster *cluster)
{
  const char *claimant = cc_cluster_get_claimant (cluster);
  const char *country = cc_cluster_get_claimant_country (cluster);
  const char *status = cc_claim_status_label (cc_cluster_get_status (cluster));
  g_autofree char *first = cc_format_date (cc_cluster_get_first_day (cluster));
  g_autofree char *last = cc_format_date (cc_cluster_get_last_day (cluster));
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  if (claimant != NULL && country != NULL && g_strcmp0 (claimant, country) != 0)
    /* Translators: a claimant and the country it speaks for */
    who = g_strdup_printf (C_("claimant", "%s (%s)"), claimant, country);
  else
    who = g_strdup (claimant ? claimant : _("Unattributed"));

  if (first != NULL && last != NULL && g_strcmp0 (first, last) != 0)
    /* Translators: the first and last day a claim was reported */
    when = g_strdup_printf (C_("claim days", "%s – %s"), first, last);
  else
    when = g_strdup (first ? first : last);

  if (when != NULL)
    /* Translators: who made a claim, its status ("sent") and when */
    return g_strdup_printf (C_("claim source", "%s · %s · %s"), who, status, when);
  /* Translators: who made a claim and its status ("sent") */
  return g_strdup_printf (C_("claim source", "%s · %s"), who, status);
}

static char *
describe_conflicts (CcCompareView *self,
                    CcCluster     *cluster)
{
  const guint *ids;
  guint n_ids;
  GString *text;

  ids = cc_cluster_get_conflicts (cluster, &n_ids);
  if (n_ids == 0)
    return NULL;

  text = g_string_new (_("Disagrees with:"));
  for (guint i = 0; i < n_ids; i++)
    {
      CcCluster *other = cc_cluster_set_lookup (self->clusters, ids[i]);
      g_autofree char *what = other ? describe_cluster (other) : NULL;

      if (what != NULL)
        g_string_append_printf (text, "\n• %s — %s", what,
                                cc_cluster_get_claimant (other)
                                  ? cc_cluster_get_claimant (other) : _("Unattributed"));
    }

  /* Only the nearest in value are named; the rest are counted. */
  if (cc_cluster_get_n_conflicts (cluster) > n_ids)
    {
      guint more = cc_cluster_get_n_conflicts (cluster) - n_ids;

      g_string_append (text, "\n• ");
      /* Translators: after the claims a claim disagrees with, the number
       * of the others that disagree with it too */
      g_string_append_printf (text, ngettext ("and %u more claim", "and %u more claims", more),
                              more);
    }

  return g_string_free (text, FALSE);
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  double rgb[3];

  cc_palette_parse (color ? color : cc_palette_neutral_color (), rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
setup_claim_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CcCompareView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);
  /* Translators: a short mark on a claim that a single source carries */
  GtkWidget *single = gtk_label_new (C_("matrix badge", "1 source"));
  GtkWidget *conflict = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (box, "compare-claim");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, NULL, NULL);

  gtk_widget_set_hexpand (text, TRUE);
  /* A narrow column wraps the claim onto a second line, rather than
   * cutting it to its first figures; the tooltip has it all. */
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_add_css_class (source, "dim-label");

  gtk_widget_set_valign (single, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (single, _("Only one source carries this claim"));
  gtk_widget_add_css_class (single, "caption");
  gtk_widget_add_css_class (single, "single-source-badge");
  gtk_widget_set_valign (conflict, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (conflict, "conflict-icon");

  /* The figure and the conflict mark; below, the single-source badge and
   * who said it, so that the badge never squeezes the figure away. */
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), conflict);
  gtk_box_append (GTK_BOX (text), head);
  {
    GtkWidget *below = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_append (GTK_BOX (below), single);
    gtk_box_append (GTK_BOX (below), source);
    gtk_box_append (GTK_BOX (text), below);
  }

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

static void
bind_claim_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CcCompareView            *self)
{
  CcCluster *cluster = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (dot);
  GtkWidget *head = gtk_widget_get_first_child (text);
  GtkWidget *title_label = gtk_widget_get_first_child (head);
  GtkWidget *conflict = gtk_widget_get_next_sibling (title_label);
  GtkWidget *below = gtk_widget_get_last_child (text);
  GtkWidget *single = gtk_widget_get_first_child (below);
  GtkWidget *source_label = gtk_widget_get_last_child (below);
  g_autofree char *title = describe_cluster (cluster);
  g_autofree char *source = describe_source (cluster);
  g_autofree char *conflicts = describe_conflicts (self, cluster);
  g_autofree char *full = NULL;
  /* "Only one source" says something where other claims have more. */
  gboolean only_one = cc_cluster_get_n_sources (cluster) == 1 && self->any_shared;
  const char *color;

  color = cc_palette_country_color (cc_cluster_get_claimant_country (cluster));
  g_object_set_data (G_OBJECT (dot), "color", (gpointer)color);
  gtk_widget_queue_draw (dot);

  gtk_label_set_label (GTK_LABEL (title_label), title);
  gtk_label_set_label (GTK_LABEL (source_label), source);
  /* Translators: a claim, then who made it, when and how */
  full = g_strdup_printf (C_("matrix row", "%s\n%s"), title, source);
  gtk_widget_set_tooltip_text (text, full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                  -1);

  /* A claim only one source makes stands out: nobody else confirms it. */
  gtk_widget_set_visible (single, only_one);
  if (only_one)
    gtk_widget_add_css_class (box, "single-source");
  else
    gtk_widget_remove_css_class (box, "single-source");

  gtk_widget_set_visible (conflict, conflicts != NULL);
  gtk_widget_set_tooltip_text (conflict, conflicts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (conflict),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conflicts ? conflicts : "",
                                  -1);
}

/* A cell: a tick, a dash, or for a hedged mention a tick with the word
 * "hedged" (a question mark icon reads as a broken character). */
static void
setup_article_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ArticleColumn            *column)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *image = gtk_image_new ();
  /* The image's accessible name says it already. */
  GtkWidget *hedged = g_object_new (GTK_TYPE_LABEL,
                                    "label", C_("matrix cell", "hedged"),
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    NULL);

  gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cell, "compare-cell");
  gtk_widget_add_css_class (hedged, "caption");
  gtk_widget_set_visible (hedged, FALSE);
  gtk_box_append (GTK_BOX (cell), image);
  gtk_box_append (GTK_BOX (cell), hedged);
  gtk_list_item_set_child (item, cell);
}

static void
bind_article_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ArticleColumn            *column)
{
  CcCompareView *self = column->self;
  CcCluster *cluster = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (cell);
  GtkWidget *hedged_label = gtk_widget_get_last_child (cell);
  CcClaim *claim = cc_cluster_get_mention_in (cluster, column->article_id);
  g_autofree char *quote = NULL;
  g_autofree char *tooltip = NULL;
  const char *state;

  gtk_widget_remove_css_class (cell, "carried");
  gtk_widget_remove_css_class (cell, "hedged");
  gtk_widget_remove_css_class (cell, "absent");
  gtk_widget_remove_css_class (cell, "single-source");
  gtk_widget_set_visible (hedged_label, claim != NULL && cc_claim_get_hedged (claim));

  if (claim == NULL)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "list-remove-symbolic");
      gtk_widget_add_css_class (cell, "absent");
      gtk_widget_set_tooltip_text (cell, _("Not in this article"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not in this article"),
                                      -1);
      return;
    }

  quote = self->clusters ? cc_cluster_set_dup_quote (self->clusters, claim) : NULL;
  if (cc_claim_get_hedged (claim))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "object-select-symbolic");
      gtk_widget_add_css_class (cell, "hedged");
      state = _("Carried, hedged");
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "object-select-symbolic");
      gtk_widget_add_css_class (cell, "carried");
      state = _("Carried");
    }
  if (cc_cluster_get_n_sources (cluster) == 1 && self->any_shared)
    gtk_widget_add_css_class (cell, "single-source");

  /* Translators: whether an article carries a claim, then its words */
  if (quote != NULL)
    tooltip = g_strdup_printf (C_("matrix cell", "%s: “%s”"), state, quote);
  else
    tooltip = g_strdup (state);
  gtk_widget_set_tooltip_text (cell, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static const char *
article_name (CcArticle *article)
{
  const char *name = cc_article_get_outlet (article);

  if (name == NULL || name[0] == '\0')
    name = cc_article_get_title (article) ? cc_article_get_title (article) : _("Untitled");
  return name;
}

/* The outlet and the day; a second article of one outlet on one day is
 * numbered, so that no two columns read alike. The header wraps it. */
static char *
column_title (CcCompareView *self,
              guint          index)
{
  CcArticle *article = g_ptr_array_index (self->chosen, index);
  const char *name = article_name (article);
  const char *published = cc_article_get_published (article);
  g_autofree char *date = NULL;
  gboolean one_year = published != NULL && strlen (published) >= 4;
  guint n_same = 1;

  /* Within one year the day and month tell the columns apart. */
  for (guint i = 0; i < self->chosen->len && one_year; i++)
    {
      const char *other = cc_article_get_published (g_ptr_array_index (self->chosen, i));

      one_year = other != NULL && strncmp (other, published, 4) == 0;
    }
  date = one_year ? cc_format_day_month (published) : cc_format_date (published);

  for (guint i = 0; i < index; i++)
    {
      CcArticle *other = g_ptr_array_index (self->chosen, i);

      if (g_strcmp0 (article_name (other), name) == 0
          && g_strcmp0 (cc_article_get_published (other), published) == 0)
        n_same++;
    }

  if (n_same > 1)
    {
      g_autofree char *numbered = NULL;

      /* Translators: the second (third…) article of one outlet on one day */
      numbered = g_strdup_printf (C_("matrix column", "%s (%u)"), name, n_same);
      return date ? g_strdup_printf ("%s\n%s", numbered, date) : g_steal_pointer (&numbered);
    }

  return date ? g_strdup_printf ("%s\n%s", name, date) : g_strdup (name);
}

/* GTK 4.8 offers no way to style a column's title: reach the labels of
 * the header row, the column view's first child, and let them wrap to
 * the column's width instead of being clipped. */
static void
wrap_header_titles (CcCompareView *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->matrix));
  GPtrArray *stack = g_ptr_array_new ();

  /* The claims' own title, first, keeps its one line. */
  if (header != NULL && gtk_widget_get_first_child (header) != NULL)
    for (GtkWidget *title = gtk_widget_get_next_sibling (gtk_widget_get_first_child (header));
         title != NULL;
         title = gtk_widget_get_next_sibling (title))
      g_ptr_array_add (stack, title);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget))
        {
          gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (widget), 3);
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
          gtk_label_set_justify (GTK_LABEL (widget), GTK_JUSTIFY_CENTER);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (!GTK_IS_LIST_VIEW (child))
          g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
}

/* Gives the article columns what the matrix's width allows after the
 * claims' share, so that all of them fit; below their least width the
 * matrix scrolls sideways instead. The claims' least width is known only
 * once laid out: a first guess, then less for the articles while the
 * matrix is still wider than its window. */
static gboolean
fit_columns_cb (gpointer user_data)
{
  CcCompareView *self = user_data;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->matrix));
  double page = hadjustment ? gtk_adjustment_get_page_size (hadjustment) : 0;
  double overflow = hadjustment ? gtk_adjustment_get_upper (hadjustment) - page : 0;
  guint n = self->article_columns->len;
  int current, width;

  self->fit_source = 0;
  if (page <= 0 || n == 0)
    return G_SOURCE_REMOVE;

  current = gtk_column_view_column_get_fixed_width (g_ptr_array_index (self->article_columns, 0));
  if (page != self->fitted_page)
    width = (int)((page - CLAIM_COLUMN_MIN) / n);
  else if (overflow >= 1)
    width = current - (int)ceil (overflow / n);
  else
    return G_SOURCE_REMOVE;

  self->fitted_page = page;
  width = CLAMP (width, ARTICLE_COLUMN_MIN, ARTICLE_COLUMN_MAX);
  for (guint i = 0; i < self->article_columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->article_columns, i);

      if (gtk_column_view_column_get_fixed_width (column) != width)
        gtk_column_view_column_set_fixed_width (column, width);
    }

  return G_SOURCE_REMOVE;
}

/* The width is known once the matrix is allocated, when its scrolling
 * page changes; the columns change after that allocation, not in it. */
static void
page_size_cb (CcCompareView *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_cb, self, NULL);
}

static void
selected_row_cb (CcCompareView      *self,
                 GParamSpec         *pspec,
                 GtkSingleSelection *selection)
{
  CcCluster *cluster = gtk_single_selection_get_selected_item (selection);

  if (cluster != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "compare.show-cluster", "u",
                                cc_cluster_get_id (cluster));
}

/* Enter on a row shows it again, after the columns were scrolled away. */
static void
matrix_activate_cb (CcCompareView *self,
                    guint          position,
                    GtkColumnView *matrix)
{
  g_autoptr(CcCluster) cluster = NULL;

  if (self->clusters == NULL ||
      !(cluster = g_list_model_get_item (G_LIST_MODEL (self->clusters), position)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "compare.show-cluster", "u",
                              cc_cluster_get_id (cluster));
}

void
_cc_compare_view_matrix_init (CcCompareView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* The rows live in a list inside the column view, which screen readers
   * meet on its own: name it too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->matrix));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Claims"),
                                        -1);
        cc_gui_make_one_tab_stop (child);
      }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_claim_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_claim_cb), self);
  gtk_column_view_column_set_factory (self->claim_column, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->matrix,
                           "activate",
                           G_CALLBACK (matrix_activate_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->matrix)),
                           "notify::page-size",
                           G_CALLBACK (page_size_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->matrix)),
                           "notify::upper",
                           G_CALLBACK (page_size_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

void
_cc_compare_view_matrix_update (CcCompareView *self)
{
  GtkSingleSelection *selection;
  GListModel *model = NULL;

  for (guint i = 0; i < self->article_columns->len; i++)
    gtk_column_view_remove_column (self->matrix, g_ptr_array_index (self->article_columns, i));
  g_ptr_array_set_size (self->article_columns, 0);

  if (self->matrix_selection != NULL)
    g_signal_handlers_disconnect_by_func (self->matrix_selection, selected_row_cb, self);
  g_clear_object (&self->matrix_selection);

  self->any_shared = FALSE;
  if (self->clusters != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clusters));

      model = g_object_ref (G_LIST_MODEL (self->clusters));
      for (guint i = 0; i < n && !self->any_shared; i++)
        {
          g_autoptr(CcCluster) cluster = g_list_model_get_item (model, i);

          self->any_shared = cc_cluster_get_n_sources (cluster) > 1;
        }
    }
  selection = gtk_single_selection_new (model);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection,
                           "notify::selected",
                           G_CALLBACK (selected_row_cb),
                           self,
                           G_CONNECT_SWAPPED);
  self->matrix_selection = selection;
  gtk_column_view_set_model (self->matrix, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < self->chosen->len; i++)
    {
      CcArticle *article = g_ptr_array_index (self->chosen, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ArticleColumn *data = g_new0 (ArticleColumn, 1);
      g_autofree char *title = column_title (self, i);
      GtkColumnViewColumn *column;

      data->self = self;
      data->article_id = cc_article_get_id (article);
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_article_cb), data, NULL, 0);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_article_cb), data,
                             article_column_free, 0);

      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_fixed_width (column, ARTICLE_COLUMN_MAX);
      gtk_column_view_append_column (self->matrix, column);
      g_ptr_array_add (self->article_columns, column);
    }

  wrap_header_titles (self);
  self->fitted_page = 0;
  page_size_cb (self);
}
