/* cc-article-chooser.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A dialog listing the library's articles with a check box each, for
 * exporting a chosen few as one PDF. It only chooses: the window does the
 * export when it hears "chosen". */

#define G_LOG_DOMAIN "cc-article-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article-chooser.h"
#include "cc-article.h"
#include "cc-library.h"
#include "cc-utils.h"

struct _CcArticleChooser
{
  AdwWindow       parent_instance;

  /* The articles to choose from: the story in view. */
  GListModel     *articles;
  /* The ids of the articles checked (gint64 *). */
  GHashTable     *chosen;

  AdwWindowTitle *window_title;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (CcArticleChooser, cc_article_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (CcArticleChooser *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *chosen_text = NULL;
  g_autofree char *articles_text = NULL;
  guint n_chosen = g_hash_table_size (self->chosen);
  guint n_articles = g_list_model_get_n_items (self->articles);

  /* Translators: in the title of the dialog choosing articles to export */
  chosen_text = cc_format_count (n_chosen);
  articles_text = cc_format_count (n_articles);
  /* Translators: the counts are as "12" or "1,200" */
  subtitle = g_strdup_printf (ngettext ("%s of %s article chosen", "%s of %s articles chosen",
                                        n_articles),
                              chosen_text, articles_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.export", n_chosen > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.select-all", n_chosen < n_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.select-none", n_chosen > 0);
}

static void
check_toggled_cb (CcArticleChooser *self,
                  GtkCheckButton   *check)
{
  CcArticle *article = g_object_get_data (G_OBJECT (check), "article");

  g_assert (CC_IS_ARTICLE_CHOOSER (self));
  g_assert (CC_IS_ARTICLE (article));

  cc_article_chooser_set_chosen (self, article, gtk_check_button_get_active (check));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CcArticleChooser *self = user_data;
  CcArticle *article = item;
  gint64 id = cc_article_get_id (article);
  const char *title = cc_article_get_title (article);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *check;

  subtitle = g_strdup_printf ("%s · %s",
                              cc_article_get_outlet (article) ? cc_article_get_outlet (article)
                                                              : _("Unknown outlet"),
                              cc_article_get_published (article)
                              ? cc_article_get_published (article) : _("Undated"));

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->chosen, &id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "article", g_object_ref (article), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);

  return row;
}

static void
set_all (CcArticleChooser *self,
         gboolean          active)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        gtk_check_button_set_active (check, active);
    }
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  set_all (CC_ARTICLE_CHOOSER (widget), TRUE);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  set_all (CC_ARTICLE_CHOOSER (widget), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CcArticleChooser *self = CC_ARTICLE_CHOOSER (widget);
  g_autoptr(GPtrArray) chosen = cc_article_chooser_dup_chosen (self);

  if (chosen->len == 0)
    return;

  g_signal_emit (self, signals[CHOSEN], 0, chosen);
  gtk_window_close (GTK_WINDOW (self));
}

static void
library_items_changed_cb (CcArticleChooser *self,
                          guint             position,
                          guint             removed,
                          guint             added,
                          GListModel       *model)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;

  /* Articles removed meanwhile are no longer chosen. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (model, i);
      gint64 id = cc_article_get_id (article);
      gint64 *stored;

      if (g_hash_table_lookup_extended (self->chosen, &id, (gpointer *)&stored, NULL))
        g_hash_table_add (present, stored);
    }
  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);

  update (self);
}

static void
cc_article_chooser_dispose (GObject *object)
{
  CcArticleChooser *self = (CcArticleChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_ARTICLE_CHOOSER);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (cc_article_chooser_parent_class)->dispose (object);
}

static void
cc_article_chooser_finalize (GObject *object)
{
  CcArticleChooser *self = (CcArticleChooser *)object;

  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (cc_article_chooser_parent_class)->finalize (object);
}

static void
cc_article_chooser_class_init (CcArticleChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_article_chooser_dispose;
  object_class->finalize = cc_article_chooser_finalize;

  /**
   * CcArticleChooser::chosen:
   * @self: the chooser
   * @articles: (element-type CcArticle): the articles checked, in the
   *   library's order
   *
   * Emitted when the user asks to export the articles checked; the
   * dialog closes right after.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-article-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CcArticleChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, CcArticleChooser, window_title);

  gtk_widget_class_install_action (widget_class, "chooser.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chooser.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "chooser.select-none", NULL,
                                   select_none_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "chooser.export", NULL);
}

static void
cc_article_chooser_init (CcArticleChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * cc_article_chooser_new:
 * @parent: the window the dialog belongs to
 * @articles: the articles to list (#CcArticle): the library's, or a
 *   story's
 *
 * Returns: (transfer full): a new chooser, with nothing chosen yet
 */
CcArticleChooser *
cc_article_chooser_new (GtkWindow  *parent,
                        GListModel *articles)
{
  CcArticleChooser *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (articles), NULL);

  self = g_object_new (CC_TYPE_ARTICLE_CHOOSER,
                       "transient-for", parent,
                       NULL);
  self->articles = g_object_ref (articles);
  gtk_list_box_bind_model (self->list_box, articles, create_row_cb, self, NULL);
  g_signal_connect_object (articles, "items-changed", G_CALLBACK (library_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

void
cc_article_chooser_set_chosen (CcArticleChooser *self,
                               CcArticle        *article,
                               gboolean          chosen)
{
  gint64 id;

  g_return_if_fail (CC_IS_ARTICLE_CHOOSER (self));
  g_return_if_fail (CC_IS_ARTICLE (article));

  id = cc_article_get_id (article);
  if (chosen == g_hash_table_contains (self->chosen, &id))
    return;

  if (chosen)
    g_hash_table_add (self->chosen, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->chosen, &id);

  /* Keep the row's check box in step when called from outside. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL && g_object_get_data (G_OBJECT (check), "article") == article)
        gtk_check_button_set_active (check, chosen);
    }

  update (self);
}

/**
 * cc_article_chooser_dup_chosen:
 *
 * Returns: (transfer container) (element-type CcArticle): the articles
 *   checked, in the library's order
 */
GPtrArray *
cc_article_chooser_dup_chosen (CcArticleChooser *self)
{
  GPtrArray *articles;

  g_return_val_if_fail (CC_IS_ARTICLE_CHOOSER (self), NULL);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (self->articles); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (self->articles, i);
      gint64 id = cc_article_get_id (article);

      if (g_hash_table_contains (self->chosen, &id))
        g_ptr_array_add (articles, g_steal_pointer (&article));
    }

  return articles;
}
