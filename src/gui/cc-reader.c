/* cc-reader.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-gui-utils.h"
#include "cc-reader.h"

struct _CcReader
{
  GtkWidget          parent_instance;

  CcArticle         *article;
  GSignalGroup      *article_signals;
  GSignalGroup      *claims_signals;
  /* One tag per highlighted claim, "claim-<position>", in claim order. */
  GPtrArray         *claim_tags;
  GdkRGBA            highlight;

  /* Template children */
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkWidget         *page;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (CcReader, cc_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
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

static char *
format_claims (gpointer instance,
               guint    n_claims)
{
  return cc_format_claim_count (n_claims);
}

static char *
uri_or_empty (gpointer    instance,
              const char *uri)
{
  /* GtkLinkButton refuses a NULL uri; the button is hidden then anyway. */
  return g_strdup (uri ? uri : "");
}

static gboolean
has_text (gpointer    instance,
          const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
clear_claim_tags (CcReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < self->claim_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->claim_tags, i));
  g_ptr_array_set_size (self->claim_tags, 0);
}

static void
apply_claims (CcReader *self)
{
  GtkTextBuffer *buffer;
  GListModel *claims;
  guint n_chars;
  guint n_claims;

  g_assert (CC_IS_READER (self));

  clear_claim_tags (self);

  if (self->article == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  n_chars = gtk_text_buffer_get_char_count (buffer);
  claims = cc_article_get_claims (self->article);
  n_claims = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n_claims; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *name = NULL;
      GtkTextIter start, end;
      GtkTextTag *tag;
      guint claim_start = cc_claim_get_start (claim);
      guint claim_end = cc_claim_get_end (claim);

      if (cc_claim_get_rejected (claim) || claim_start >= claim_end || claim_end > n_chars)
        continue;

      name = g_strdup_printf ("claim-%u", i);
      tag = gtk_text_buffer_create_tag (buffer, name,
                                        "background-rgba", &self->highlight,
                                        "weight", PANGO_WEIGHT_SEMIBOLD,
                                        NULL);
      g_ptr_array_add (self->claim_tags, tag);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, claim_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, claim_end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static void
reload_text (CcReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  const char *text = NULL;

  g_assert (CC_IS_READER (self));

  clear_claim_tags (self);

  if (self->article != NULL)
    text = cc_article_get_text (self->article);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  apply_claims (self);
}

static void
article_notify_cb (CcReader   *self,
                   GParamSpec *pspec,
                   CcArticle  *article)
{
  g_assert (CC_IS_READER (self));

  if (g_strcmp0 (pspec->name, "text") == 0)
    reload_text (self);
  else if (g_strcmp0 (pspec->name, "n-claims") == 0)
    apply_claims (self);
}

static void
claims_items_changed_cb (CcReader   *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *claims)
{
  g_assert (CC_IS_READER (self));

  apply_claims (self);
}

/* The text view sits in a viewport with the title above it, so it cannot
 * scroll itself: follow the cursor when the keyboard moves it. */
static void
cursor_moved_cb (CcReader      *self,
                 GParamSpec    *pspec,
                 GtkTextBuffer *buffer)
{
  GtkAdjustment *vadj;
  GtkTextIter iter;
  GdkRectangle location;
  graphene_point_t point;
  double value, page_size, top, bottom;
  int x, y;

  g_assert (CC_IS_READER (self));

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), self->page,
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (vadj);
  page_size = gtk_adjustment_get_page_size (vadj);
  top = point.y - 24;
  bottom = point.y + location.height + 24;

  if (top < value)
    gtk_adjustment_set_value (vadj, top);
  else if (bottom > value + page_size)
    gtk_adjustment_set_value (vadj, bottom - page_size);
}

/* Text tags take colours, not CSS: derive the highlight from the theme's
 * accent so that it reads in the light and dark styles alike. */
static void
cc_reader_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  CcReader *self = (CcReader *)widget;
  GtkStyleContext *context;
  GdkRGBA accent;

  GTK_WIDGET_CLASS (cc_reader_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  accent.alpha = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.35 : 0.25;

  if (gdk_rgba_equal (&accent, &self->highlight))
    return;

  self->highlight = accent;
  for (guint i = 0; i < self->claim_tags->len; i++)
    g_object_set (g_ptr_array_index (self->claim_tags, i),
                  "background-rgba", &self->highlight,
                  NULL);
}

static void
cc_reader_dispose (GObject *object)
{
  CcReader *self = (CcReader *)object;
  GtkWidget *child;

  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  if (self->claims_signals != NULL)
    g_signal_group_set_target (self->claims_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_READER);

  /* Template children without an id are not bound, so not disposed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->article_signals);
  g_clear_object (&self->claims_signals);
  g_clear_object (&self->article);
  g_clear_pointer (&self->claim_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_reader_parent_class)->dispose (object);
}

static void
cc_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcReader *self = CC_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, cc_reader_get_article (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CcReader *self = CC_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cc_reader_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_class_init (CcReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_reader_dispose;
  object_class->get_property = cc_reader_get_property;
  object_class->set_property = cc_reader_set_property;

  widget_class->css_changed = cc_reader_css_changed;

  /**
   * CcReader:article:
   *
   * The article shown, or %NULL for the placeholder.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CC_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, CcReader, page);
  gtk_widget_class_bind_template_child (widget_class, CcReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, CcReader, stack);
  gtk_widget_class_bind_template_child (widget_class, CcReader, text_view);
  gtk_widget_class_bind_template_callback (widget_class, format_claims);
  gtk_widget_class_bind_template_callback (widget_class, format_meta);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, uri_or_empty);

  gtk_widget_class_set_css_name (widget_class, "cc-reader");
}

static void
cc_reader_init (CcReader *self)
{
  self->claim_tags = g_ptr_array_new ();
  gdk_rgba_parse (&self->highlight, "rgba(53,132,228,0.25)");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (CC_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals,
                                 "notify",
                                 G_CALLBACK (article_notify_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  self->claims_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->claims_signals,
                                 "items-changed",
                                 G_CALLBACK (claims_items_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view),
                           "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
cc_reader_new (void)
{
  return g_object_new (CC_TYPE_READER, NULL);
}

/**
 * cc_reader_get_article:
 * @self: a #CcReader
 *
 * Returns: (transfer none) (nullable): the article shown
 */
CcArticle *
cc_reader_get_article (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), NULL);

  return self->article;
}

void
cc_reader_set_article (CcReader  *self,
                       CcArticle *article)
{
  g_return_if_fail (CC_IS_READER (self));
  g_return_if_fail (!article || CC_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  g_signal_group_set_target (self->article_signals, article);
  g_signal_group_set_target (self->claims_signals,
                             article ? cc_article_get_claims (article) : NULL);

  reload_text (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, article ? "article" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cc_reader_count_claim_ranges:
 * @self: a #CcReader
 *
 * Counts the claim highlights present in the text, for tests and
 * diagnostics.
 *
 * Returns: the number of highlighted claim ranges
 */
guint
cc_reader_count_claim_ranges (CcReader *self)
{
  GtkTextBuffer *buffer;
  guint count = 0;

  g_return_val_if_fail (CC_IS_READER (self), 0);

  buffer = gtk_text_view_get_buffer (self->text_view);

  for (guint i = 0; i < self->claim_tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (self->claim_tags, i);
      GtkTextIter iter;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      if (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        count++;
    }

  return count;
}
