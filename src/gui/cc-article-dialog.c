/* cc-article-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The dialog in which a user corrects an article's title, outlet, date
 * and link. Nothing is stored until every field is valid; then the change
 * is one undoable step, which also moves the days of the claims. */

#define G_LOG_DOMAIN "cc-article-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-article-dialog.h"
#include "cc-importer.h"
#include "cc-library.h"

struct _CcArticleDialog
{
  AdwWindow    parent_instance;

  CcArticle   *article;
  CcLibrary   *library;
  CcUndoStack *undo_stack;

  /* Template children */
  GtkLabel    *error_label;
  AdwEntryRow *title_row;
  AdwEntryRow *outlet_row;
  AdwEntryRow *date_row;
  AdwEntryRow *url_row;
  GtkWidget   *save_button;
};

G_DEFINE_FINAL_TYPE (CcArticleDialog, cc_article_dialog, ADW_TYPE_WINDOW)

static void
field_changed_cb (CcArticleDialog *self,
                  GtkEditable     *editable)
{
  g_assert (CC_IS_ARTICLE_DIALOG (self));

  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static char *
dup_field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (CcArticleDialog *self,
            AdwEntryRow     *row,
            const char      *message)
{
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
cc_article_dialog_save (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CcArticleDialog *self = CC_ARTICLE_DIALOG (widget);
  g_autofree char *title = dup_field (self->title_row);
  g_autofree char *outlet = dup_field (self->outlet_row);
  g_autofree char *date = dup_field (self->date_row);
  g_autofree char *url = dup_field (self->url_row);
  g_autoptr(GError) error = NULL;

  if (*title == '\0')
    {
      show_error (self, self->title_row, _("An article needs a title."));
      return;
    }

  if (*date != '\0' && !cc_date_is_valid (date))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a date. Write it as YYYY-MM-DD, as 2024-10-18, "
                           "or leave it empty if the date is unknown."), date);

      show_error (self, self->date_row, message);
      return;
    }

  if (*url != '\0' && !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a web link. Write it in full, as https://example.com/story."),
                         url);

      show_error (self, self->url_row, message);
      return;
    }

  if (!cc_undo_stack_update_article (self->undo_stack, self->library, self->article,
                                     title, outlet, url, date, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not store the details: %s"),
                                                  error->message);

      show_error (self, NULL, message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
cc_article_dialog_dispose (GObject *object)
{
  CcArticleDialog *self = (CcArticleDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_ARTICLE_DIALOG);

  g_clear_object (&self->article);
  g_clear_object (&self->library);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (cc_article_dialog_parent_class)->dispose (object);
}

static void
cc_article_dialog_class_init (CcArticleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_article_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-article-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CcArticleDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CcArticleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CcArticleDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, CcArticleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CcArticleDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CcArticleDialog, url_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, cc_article_dialog_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_article_dialog_init (CcArticleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/**
 * cc_article_dialog_new:
 *
 * Returns: (transfer floating): a dialog to correct @article's details,
 *   storing the change through @undo_stack
 */
GtkWidget *
cc_article_dialog_new (CcArticle   *article,
                       CcLibrary   *library,
                       CcUndoStack *undo_stack)
{
  CcArticleDialog *self;

  g_return_val_if_fail (CC_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (CC_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (CC_IS_UNDO_STACK (undo_stack), NULL);

  self = g_object_new (CC_TYPE_ARTICLE_DIALOG, NULL);
  self->article = g_object_ref (article);
  self->library = g_object_ref (library);
  self->undo_stack = g_object_ref (undo_stack);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         cc_article_get_title (article) ? cc_article_get_title (article) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->outlet_row),
                         cc_article_get_outlet (article) ? cc_article_get_outlet (article) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         cc_article_get_published (article) ? cc_article_get_published (article) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row),
                         cc_article_get_url (article) ? cc_article_get_url (article) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  return GTK_WIDGET (self);
}
