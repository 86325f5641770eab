/* cc-source-row.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-source-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-gui-utils.h"
#include "cc-source-row.h"

struct _CcSourceRow
{
  GtkWidget     parent_instance;

  CcArticle    *article;
  /* Keeps the labels and accessible description in step with the
   * article. */
  GSignalGroup *article_signals;

  /* Template children */
  GtkLabel     *title_label;
  GtkLabel     *meta_label;
  GtkLabel     *claims_label;
};

G_DEFINE_FINAL_TYPE (CcSourceRow, cc_source_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The labels show the article's title, outlet and date, and claim
 * count; a screen reader announces the row as its title, then the
 * outlet, date and claim count, as a sighted user reads it. The labels
 * are set here rather than bound by expressions in the template: a
 * search makes a page of rows at once, and expression watches made most
 * of a row's cost. */
static void
update_row (CcSourceRow *self)
{
  g_autofree char *meta = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *description = NULL;

  g_assert (CC_IS_SOURCE_ROW (self));

  if (self->article == NULL)
    {
      gtk_label_set_label (self->title_label, NULL);
      gtk_label_set_label (self->meta_label, NULL);
      gtk_label_set_label (self->claims_label, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  meta = cc_format_meta (cc_article_get_outlet (self->article),
                         cc_article_get_published (self->article));
  claims = cc_format_claim_count (cc_article_get_n_claims (self->article));
  /* Translators: an article's outlet and date, then its claim count */
  description = g_strdup_printf (C_("article row", "%s, %s"), meta, claims);

  gtk_label_set_label (self->title_label, cc_article_get_title (self->article));
  gtk_label_set_label (self->meta_label, meta);
  gtk_label_set_label (self->claims_label, claims);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cc_article_get_title (self->article) ?: _("Untitled article"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  /* Screen readers announce the list's row, not what it holds; GTK 4.8
   * has no way to name a list item (gtk_list_item_set_accessible_label
   * came in 4.12), so the row names the list item widget holding it. */
  for (GtkWidget *ancestor = gtk_widget_get_parent (GTK_WIDGET (self));
       ancestor != NULL && GTK_IS_ACCESSIBLE (ancestor);
       ancestor = gtk_widget_get_parent (ancestor))
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (ancestor)) != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        {
          if (GTK_IS_LIST_VIEW (ancestor) || GTK_IS_ROOT (ancestor))
            break;
          continue;
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (ancestor),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cc_article_get_title (self->article) ?: _("Untitled article"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      break;
    }
}

/* The row drags its article, to drop on a story. */
static GdkContentProvider *
drag_prepare_cb (CcSourceRow   *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  if (self->article == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CC_TYPE_ARTICLE, self->article);
}

static void
cc_source_row_dispose (GObject *object)
{
  CcSourceRow *self = (CcSourceRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_SOURCE_ROW);

  /* Template children without an id are not bound, so not disposed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (cc_source_row_parent_class)->dispose (object);
}

static void
cc_source_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcSourceRow *self = CC_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, cc_source_row_get_article (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcSourceRow *self = CC_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cc_source_row_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_row_class_init (CcSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_source_row_dispose;
  object_class->get_property = cc_source_row_get_property;
  object_class->set_property = cc_source_row_set_property;

  /**
   * CcSourceRow:article:
   *
   * The article shown in the row.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CC_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcSourceRow, claims_label);
  gtk_widget_class_bind_template_child (widget_class, CcSourceRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CcSourceRow, title_label);

  gtk_widget_class_set_css_name (widget_class, "cc-source-row");
}

static void
cc_source_row_init (CcSourceRow *self)
{
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  self->article_signals = g_signal_group_new (CC_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals,
                                 "notify",
                                 G_CALLBACK (update_row),
                                 self,
                                 G_CONNECT_SWAPPED);
}

GtkWidget *
cc_source_row_new (void)
{
  return g_object_new (CC_TYPE_SOURCE_ROW, NULL);
}

/**
 * cc_source_row_get_article:
 * @self: a #CcSourceRow
 *
 * Returns: (transfer none) (nullable): the article shown
 */
CcArticle *
cc_source_row_get_article (CcSourceRow *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_ROW (self), NULL);

  return self->article;
}

void
cc_source_row_set_article (CcSourceRow *self,
                           CcArticle   *article)
{
  g_return_if_fail (CC_IS_SOURCE_ROW (self));
  g_return_if_fail (!article || CC_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  g_signal_group_set_target (self->article_signals, article);
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}
