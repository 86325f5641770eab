/* cc-window-actions.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-application.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-window-private.h"

static void
chooser_response_cb (CcWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GtkFileChooserNative) owned = NULL;

  g_assert (CC_IS_WINDOW (self));
  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_assert (self->chooser == chooser);

  owned = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      guint n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }

      g_ptr_array_add (paths, NULL);
      cc_window_import (self, (const char * const *)paths->pdata);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_and_import (CcWindow *self,
                   gboolean  folders)
{
  GtkFileChooserNative *chooser;

  g_assert (CC_IS_WINDOW (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  chooser = gtk_file_chooser_native_new (folders ? _("Import Folder") : _("Import Articles"),
                                         GTK_WINDOW (self),
                                         folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  if (!folders)
    {
      static const char *suffixes[] = { "txt", "md", "markdown", "html", "htm", "json", "pdf" };
      g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (articles, _("Articles"));
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        gtk_file_filter_add_suffix (articles, suffixes[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  g_signal_connect_object (chooser,
                           "response",
                           G_CALLBACK (chooser_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cc_window_actions_import (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  choose_and_import (CC_WINDOW (widget), FALSE);
}

static void
cc_window_actions_import_folder (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  choose_and_import (CC_WINDOW (widget), TRUE);
}

static void
cc_window_actions_open_sample (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *sample_dir = NULL;

  if (CC_IS_APPLICATION (app))
    sample_dir = cc_application_dup_sample_dir (CC_APPLICATION (app));

  if (sample_dir != NULL)
    cc_window_import_sample (self, sample_dir);
  else
    {
      cc_window_add_toast (self, adw_toast_new (_("The sample coverage is not installed")));
    }
}

static void
cc_window_actions_cancel_import (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);

  g_cancellable_cancel (self->import_cancellable);
}

static void
cc_window_actions_show_import_details (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *box;

  if (self->import_messages == NULL || self->import_messages->len == 0)
    return;

  /* One label per file, so that wrapped lines do not run together. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < self->import_messages->len; i++)
    gtk_box_append (GTK_BOX (box),
                    g_object_new (GTK_TYPE_LABEL,
                                  "label", g_ptr_array_index (self->import_messages, i),
                                  "wrap", TRUE,
                                  "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                  "xalign", 0.0f,
                                  NULL));

  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "child", box,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 320,
                           NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Files Not Imported"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cc_window_actions_search (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  cc_source_list_focus_search (self->source_list);
}

/* Alt+1 to Alt+4: a page of the window by name, brought into view when
 * the window is narrow and shows the list. */
static void
cc_window_actions_show_page (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->views, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->views, name);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
cc_window_actions_show_sources (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
undo_or_redo (CcWindow *self,
              gboolean  undo)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = undo ? cc_undo_stack_undo (self->undo_stack, &error)
              : cc_undo_stack_redo (self->undo_stack, &error);
  if (!done && error != NULL)
    {
      g_autofree char *title = g_strdup_printf (undo ? _("Could not undo: %s") : _("Could not redo: %s"),
                                                error->message);

      cc_window_add_toast (self, adw_toast_new (title));
    }
}

static void
cc_window_actions_undo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  undo_or_redo (CC_WINDOW (widget), TRUE);
}

static void
cc_window_actions_redo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  undo_or_redo (CC_WINDOW (widget), FALSE);
}

static gboolean
find_in_list (GListModel *model,
              gpointer    item,
              guint      *position)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Opens @article in the reader, selecting it in the list. An article the
 * search hides is shown by clearing the search (through its entry, as a
 * user would), one outside the story in view by showing All Articles. */
static void
show_article (CcWindow  *self,
              CcArticle *article)
{
  GtkSingleSelection *selection = cc_window_get_selection (self);
  guint position;

  adw_view_stack_set_visible_child_name (self->views, "read");

  if (!find_in_list (G_LIST_MODEL (selection), article, &position))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->source_list));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_SEARCH_ENTRY (child))
            gtk_editable_set_text (GTK_EDITABLE (child), "");
        }
    }

  if (!find_in_list (G_LIST_MODEL (selection), article, &position))
    cc_scope_set_story (self->scope, NULL);

  if (find_in_list (G_LIST_MODEL (selection), article, &position))
    gtk_single_selection_set_selected (selection, position);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
_cc_window_show_article (CcWindow  *self,
                         CcArticle *article)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (CC_IS_ARTICLE (article));

  show_article (self, article);
}

/* The article holding the claim, or with @annotations the annotation,
 * whose id is @id; @item is set to it (owned by the article). */
static CcArticle *
find_item (CcWindow  *self,
           gint64     id,
           gboolean   annotations,
           gpointer  *item)
{
  guint n_articles;

  if (self->library == NULL)
    return NULL;

  n_articles = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (self->library), i);
      GListModel *items = annotations ? cc_article_get_annotations (article)
                                      : cc_article_get_claims (article);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (items, j);
          gint64 object_id = annotations ? cc_annotation_get_id (CC_ANNOTATION (object))
                                         : cc_claim_get_id (CC_CLAIM (object));

          if (object_id == id)
            {
              *item = object;
              return article;
            }
        }
    }

  return NULL;
}

static void
cc_window_actions_show_claim (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  CcArticle *article;
  gpointer claim = NULL;

  if (!(article = find_item (self, g_variant_get_int64 (param), FALSE, &claim)))
    {
      cc_window_add_toast (self, adw_toast_new (_("That claim is no longer in the library")));
      return;
    }

  show_article (self, article);
  cc_reader_set_current_claim (self->reader, claim);
}

/* The Timeline view's side of win.show-claim: the claim's statement,
 * selected, with the filters opened up to it if need be. */
static void
cc_window_actions_show_on_chart (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->views, "timeline");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  if (!cc_timeline_view_show_claim (self->timeline_view, g_variant_get_int64 (param)))
    cc_window_add_toast (self, adw_toast_new (_("That claim has no date, so it is not on the timeline")));
}

static void
cc_window_actions_show_annotation (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  CcArticle *article;
  gpointer annotation = NULL;

  if (!(article = find_item (self, g_variant_get_int64 (param), TRUE, &annotation)))
    {
      cc_window_add_toast (self, adw_toast_new (_("That highlight is no longer in the library")));
      return;
    }

  show_article (self, article);
  cc_reader_show_annotation (self->reader, annotation);
}

/* Both pages of the stack have a menu button; F10 opens the one shown. */
static void
cc_window_actions_primary_menu (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    gtk_menu_button_popup (self->empty_menu_button);
  else
    gtk_menu_button_popup (self->menu_button);
}

void
_cc_window_actions_update (CcWindow *self)
{
  gboolean has_articles = FALSE;
  gboolean can_import;

  g_assert (CC_IS_WINDOW (self));

  if (self->library != NULL)
    has_articles = g_list_model_get_n_items (G_LIST_MODEL (self->library)) > 0;
  can_import = self->library != NULL && !self->importing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->undo_stack != NULL && cc_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->undo_stack != NULL && cc_undo_stack_get_can_redo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-claim", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-on-chart", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-annotation", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-import-details",
                                 self->import_messages != NULL
                                 && self->import_messages->len > 0);
  _cc_window_stories_update (self);
  _cc_window_export_update (self);
}

void
_cc_window_class_actions_init (CcWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   cc_window_actions_import);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   cc_window_actions_import_folder);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL,
                                   cc_window_actions_open_sample);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   cc_window_actions_cancel_import);
  gtk_widget_class_install_action (widget_class, "win.show-import-details", NULL,
                                   cc_window_actions_show_import_details);
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   cc_window_actions_search);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL,
                                   cc_window_actions_show_sources);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   cc_window_actions_show_page);
  gtk_widget_class_install_action (widget_class, "win.primary-menu", NULL,
                                   cc_window_actions_primary_menu);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL,
                                   cc_window_actions_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL,
                                   cc_window_actions_redo);
  gtk_widget_class_install_action (widget_class, "win.show-claim", "x",
                                   cc_window_actions_show_claim);
  gtk_widget_class_install_action (widget_class, "win.show-on-chart", "x",
                                   cc_window_actions_show_on_chart);
  gtk_widget_class_install_action (widget_class, "win.show-annotation", "x",
                                   cc_window_actions_show_annotation);

  /* Ctrl+F finds in the article being read; outside the reader it
   * searches the library too, whose own key is Shift+Ctrl+F. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "read");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "tags");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0,
                                       "win.primary-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}
