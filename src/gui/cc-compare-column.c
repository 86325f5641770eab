/* cc-compare-column.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One article of the compare view: a light, read-only reader whose claims
 * are tinted by the claimant's country, so that the same colour in two
 * columns reads as the same side speaking. */

#define G_LOG_DOMAIN "cc-compare-column"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-compare-column.h"
#include "cc-gui-utils.h"
#include "cc-palette.h"
#include "cc-utils.h"

struct _CcCompareColumn
{
  GtkWidget          parent_instance;

  CcArticle         *article;
  char              *note;
  GSignalGroup      *claims_signals;
  /* One tag per highlighted claim, in claim order. */
  GPtrArray         *claim_tags;
  GtkTextTag        *current_tag;
  GtkTextMark       *mention_mark;
  gboolean           has_mention;

  /* Template children */
  GtkWidget         *header;
  GtkLabel          *mention_label;
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;
};

#define TEMPLATE "/io/github/crosscheck/Crosscheck/ui/cc-compare-column.ui"

G_DEFINE_FINAL_TYPE (CcCompareColumn, cc_compare_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_meta (gpointer    instance,
             const char *outlet,
             const char *published)
{
  return cc_format_meta (outlet, published);
}

static gboolean
has_text (gpointer    instance,
          const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Tags take colours, not CSS: a palette tone thinned enough for text to
 * stay legible on the light and the dark background alike. */
static void
country_rgba (const char *country,
              GdkRGBA    *rgba)
{
  double rgb[3];

  cc_palette_parse (cc_palette_country_color (country), rgb);
  rgba->red = rgb[0];
  rgba->green = rgb[1];
  rgba->blue = rgb[2];
  rgba->alpha = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.45 : 0.28;
}

static void
clear_claim_tags (CcCompareColumn *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < self->claim_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->claim_tags, i));
  g_ptr_array_set_size (self->claim_tags, 0);
}

static void
apply_claims (CcCompareColumn *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table;
  GListModel *claims;
  guint n_chars;

  clear_claim_tags (self);
  if (self->article == NULL)
    return;

  n_chars = gtk_text_buffer_get_char_count (buffer);
  claims = cc_article_get_claims (self->article);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      GtkTextIter start, end;
      GtkTextTag *tag;
      GdkRGBA rgba;

      if (cc_claim_get_rejected (claim) || cc_claim_get_start (claim) >= cc_claim_get_end (claim) ||
          cc_claim_get_end (claim) > n_chars)
        continue;

      country_rgba (cc_claim_get_claimant_country (claim), &rgba);
      tag = gtk_text_buffer_create_tag (buffer, NULL, "background-rgba", &rgba, NULL);
      g_object_set_data_full (G_OBJECT (tag), "country",
                              g_strdup (cc_claim_get_claimant_country (claim)), g_free);
      g_ptr_array_add (self->claim_tags, tag);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, cc_claim_get_start (claim));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, cc_claim_get_end (claim));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }

  /* The current mention stays on top of its claim's tint. */
  table = gtk_text_buffer_get_tag_table (buffer);
  gtk_text_tag_set_priority (self->current_tag, gtk_text_tag_table_get_size (table) - 1);
}

static void
reload_text (CcCompareColumn *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = self->article ? cc_article_get_text (self->article) : NULL;
  GtkTextIter start;

  clear_claim_tags (self);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_move_mark (buffer, self->mention_mark, &start);
  gtk_widget_set_visible (GTK_WIDGET (self->mention_label), FALSE);
  self->has_mention = FALSE;
  apply_claims (self);
}

static void
claims_items_changed_cb (CcCompareColumn *self,
                         guint            position,
                         guint            removed,
                         guint            added,
                         GListModel      *claims)
{
  g_assert (CC_IS_COMPARE_COLUMN (self));

  apply_claims (self);
}

static void
cc_compare_column_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  CcCompareColumn *self = (CcCompareColumn *)widget;

  GTK_WIDGET_CLASS (cc_compare_column_parent_class)->css_changed (widget, change);

  /* The dark style wants stronger tints. */
  for (guint i = 0; i < self->claim_tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (self->claim_tags, i);
      GdkRGBA rgba;

      country_rgba (g_object_get_data (G_OBJECT (tag), "country"), &rgba);
      g_object_set (tag, "background-rgba", &rgba, NULL);
    }
}

static void
cc_compare_column_dispose (GObject *object)
{
  CcCompareColumn *self = (CcCompareColumn *)object;

  if (self->claims_signals != NULL)
    g_signal_group_set_target (self->claims_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_COMPARE_COLUMN);

  g_clear_object (&self->claims_signals);
  g_clear_object (&self->article);
  g_clear_pointer (&self->claim_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_compare_column_parent_class)->dispose (object);
}

static void
cc_compare_column_finalize (GObject *object)
{
  CcCompareColumn *self = (CcCompareColumn *)object;

  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cc_compare_column_parent_class)->finalize (object);
}

static void
cc_compare_column_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CcCompareColumn *self = CC_COMPARE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_compare_column_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CcCompareColumn *self = CC_COMPARE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cc_compare_column_set_article (self, g_value_get_object (value));
      break;

    case PROP_NOTE:
      cc_compare_column_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_compare_column_class_init (CcCompareColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_compare_column_dispose;
  object_class->finalize = cc_compare_column_finalize;
  object_class->get_property = cc_compare_column_get_property;
  object_class->set_property = cc_compare_column_set_property;

  widget_class->css_changed = cc_compare_column_css_changed;

  /**
   * CcCompareColumn:article:
   *
   * The article shown.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CC_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcCompareColumn:note:
   *
   * A remark under the title, such as that the article repeats another.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, CcCompareColumn, header);
  gtk_widget_class_bind_template_child (widget_class, CcCompareColumn, mention_label);
  gtk_widget_class_bind_template_child (widget_class, CcCompareColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, CcCompareColumn, text_view);
  gtk_widget_class_bind_template_callback (widget_class, format_meta);
  gtk_widget_class_bind_template_callback (widget_class, has_text);

  gtk_widget_class_set_css_name (widget_class, "cc-compare-column");
}

static void
cc_compare_column_init (CcCompareColumn *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  self->claim_tags = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "current-mention",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->mention_mark = gtk_text_buffer_create_mark (buffer, "mention", &start, TRUE);

  self->claims_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->claims_signals,
                                 "items-changed",
                                 G_CALLBACK (claims_items_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);
}

GtkWidget *
cc_compare_column_new (void)
{
  return g_object_new (CC_TYPE_COMPARE_COLUMN, NULL);
}

/**
 * cc_compare_column_get_article:
 * @self: a #CcCompareColumn
 *
 * Returns: (transfer none) (nullable): the article shown
 */
CcArticle *
cc_compare_column_get_article (CcCompareColumn *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_COLUMN (self), NULL);

  return self->article;
}

void
cc_compare_column_set_article (CcCompareColumn *self,
                               CcArticle       *article)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CC_IS_COMPARE_COLUMN (self));
  g_return_if_fail (!article || CC_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  g_signal_group_set_target (self->claims_signals,
                             article ? cc_article_get_claims (article) : NULL);

  /* Several columns hold an "Article text": say which. */
  if (article != NULL && cc_article_get_title (article) != NULL)
    label = g_strdup_printf (_("Text of “%s”"), cc_article_get_title (article));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : _("Article text"),
                                  -1);

  reload_text (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

const char *
cc_compare_column_get_note (CcCompareColumn *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_COLUMN (self), NULL);

  return self->note;
}

void
cc_compare_column_set_note (CcCompareColumn *self,
                            const char      *note)
{
  g_return_if_fail (CC_IS_COMPARE_COLUMN (self));

  if (cc_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * cc_compare_column_get_text_view:
 * @self: a #CcCompareColumn
 *
 * Returns: (transfer none): the view of the article's text
 */
GtkTextView *
cc_compare_column_get_text_view (CcCompareColumn *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_COLUMN (self), NULL);

  return self->text_view;
}

/**
 * cc_compare_column_get_vadjustment:
 * @self: a #CcCompareColumn
 *
 * Returns: (transfer none): the vertical scrolling of the text
 */
GtkAdjustment *
cc_compare_column_get_vadjustment (CcCompareColumn *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_COLUMN (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * cc_compare_column_get_mention_mark:
 * @self: a #CcCompareColumn
 *
 * Returns: (transfer none) (nullable): the mark at the current mention
 */
GtkTextMark *
cc_compare_column_get_mention_mark (CcCompareColumn *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_COLUMN (self), NULL);

  return self->has_mention ? self->mention_mark : NULL;
}

void
cc_compare_column_show_mention (CcCompareColumn  *self,
                                CcClaim          *claim,
                                CcCompareMention  mention)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *label = NULL;

  g_return_if_fail (CC_IS_COMPARE_COLUMN (self));
  g_return_if_fail (!claim || CC_IS_CLAIM (claim));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  gtk_widget_remove_css_class (GTK_WIDGET (self->mention_label), "carried");
  gtk_widget_remove_css_class (GTK_WIDGET (self->mention_label), "absent");
  self->has_mention = FALSE;

  switch (mention)
    {
    case CC_COMPARE_MENTION_CARRIED:
      label = _("Carries this claim");
      break;

    case CC_COMPARE_MENTION_HEDGED:
      label = _("Carries this claim, hedged");
      break;

    case CC_COMPARE_MENTION_ABSENT:
      label = _("Leaves this claim out");
      break;

    case CC_COMPARE_MENTION_NONE:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->mention_label), label != NULL);
  if (label != NULL)
    gtk_label_set_label (self->mention_label, label);

  if (claim == NULL || cc_claim_get_end (claim) > (guint)gtk_text_buffer_get_char_count (buffer))
    {
      if (label != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->mention_label), "absent");
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self->mention_label), "carried");
  self->has_mention = TRUE;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, cc_claim_get_start (claim));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, cc_claim_get_end (claim));
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->mention_mark, &start);

  /* A third of the way down, so the sentence before shows too. The text
   * view scrolls once its lines are measured, even if that is later. */
  gtk_text_view_scroll_to_mark (self->text_view, self->mention_mark, 0.0, TRUE, 0.0, 0.33);
}
