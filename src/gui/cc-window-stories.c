/* cc-window-stories.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's actions on stories and on articles as a whole: making,
 * renaming and deleting stories, adding the article in the reader to a
 * story or taking it out, deleting articles (undoable), undoing an import,
 * and the article list's context menu. */

#define G_LOG_DOMAIN "cc-window-stories"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-library.h"
#include "cc-source-row.h"
#include "cc-story.h"
#include "cc-story-match.h"
#include "cc-window-private.h"

/* The articles read to know the stories: each story's latest ones, at
 * most SUGGEST_SAMPLE of one story and about SUGGEST_TOTAL in all (but
 * SUGGEST_MIN of each), so that the copies on the main thread stay few
 * however large the library. */
#define SUGGEST_SAMPLE 200
#define SUGGEST_TOTAL  4000
#define SUGGEST_MIN    5

static CcArticle *
selected_article (CcWindow *self)
{
  return gtk_single_selection_get_selected_item (cc_window_get_selection (self));
}

static void
show_error (CcWindow     *self,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  cc_window_add_toast (self, adw_toast_new (escaped));
}

/* Asking for a title ------------------------------------------------------ */

typedef void (*TitleFunc) (CcWindow   *self,
                           const char *title);

static void
title_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CcWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  TitleFunc func = g_object_get_data (G_OBJECT (dialog), "func");

  if (g_strcmp0 (response, "ok") == 0)
    func (self, gtk_editable_get_text (entry));
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *title != '\0');
}

static void
ask_title (CcWindow   *self,
           const char *heading,
           const char *initial,
           const char *accept,
           TitleFunc   func)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  entry = g_object_new (GTK_TYPE_ENTRY,
                        "text", initial ? initial : "",
                        "placeholder-text", _("Story title"),
                        "activates-default", TRUE,
                        NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story title"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "func", func);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  entry_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (title_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Stories ----------------------------------------------------------------- */

static void
new_story (CcWindow   *self,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  CcStory *story;

  if (!(story = cc_library_add_story (self->library, title, NULL, &error)))
    {
      show_error (self, error);
      return;
    }
  cc_scope_set_story (self->scope, story);
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ask_title (CC_WINDOW (widget), _("New Story"), NULL, _("C_reate"), new_story);
}

static void
rename_story (CcWindow   *self,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  CcStory *story = cc_scope_get_story (self->scope);

  if (story != NULL &&
      !cc_undo_stack_rename_story (self->undo_stack, self->library, story, title, &error))
    show_error (self, error);
}

static void
rename_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  CcStory *story = cc_scope_get_story (self->scope);

  if (story != NULL)
    ask_title (self, _("Rename Story"), cc_story_get_title (story), _("_Rename"), rename_story);
}

/* Deleted at once, with Undo in the toast: the articles stay either way. */
static void
delete_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  CcStory *story = cc_scope_get_story (self->scope);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (story == NULL)
    return;

  escaped = g_markup_escape_text (cc_story_get_title (story), -1);
  if (!cc_undo_stack_remove_story (self->undo_stack, self->library, story, &error))
    {
      show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Deleted the story “%s”; its articles stay in the library"),
                             escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  cc_window_add_toast (self, toast);
}

/* (article id, story id): the article, 0 for the one in the reader, joins
 * the story. */
static void
add_to_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CcArticle *article;
  CcStory *story;
  gint64 article_id, story_id;

  g_variant_get (param, "(xx)", &article_id, &story_id);
  article = article_id != 0 ? cc_library_lookup_article (self->library, article_id)
                            : selected_article (self);
  story = cc_library_lookup_story (self->library, story_id);
  if (article == NULL || story == NULL)
    return;

  g_ptr_array_add (articles, article);
  if (!cc_undo_stack_set_story_articles (self->undo_stack, self->library, story, articles, TRUE,
                                         &error))
    {
      show_error (self, error);
      return;
    }

  title = g_markup_escape_text (cc_story_get_title (story), -1);
  {
    g_autofree char *message = g_strdup_printf (_("Added to “%s”"), title);
    cc_window_add_toast (self, adw_toast_new (message));
  }
}

static void
remove_from_story_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CcStory *story = cc_scope_get_story (self->scope);
  CcArticle *article = selected_article (self);

  if (story == NULL || article == NULL)
    return;

  g_ptr_array_add (articles, article);
  if (!cc_undo_stack_set_story_articles (self->undo_stack, self->library, story, articles, FALSE,
                                         &error))
    show_error (self, error);
}

/* Deleting articles ------------------------------------------------------- */

static void
delete_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  CcArticle *article = selected_article (self);
  AdwToast *toast;

  if (article == NULL || self->library == NULL)
    return;

  g_ptr_array_add (articles, g_object_ref (article));
  escaped = g_markup_escape_text (cc_article_get_title (article), -1);
  if (!cc_undo_stack_remove_articles (self->undo_stack, self->library, articles, &error))
    {
      show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Deleted “%s”"), escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  cc_window_add_toast (self, toast);
}

void
_cc_window_undo_import (CcWindow *self)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_steal_pointer (&self->last_import);
  g_autoptr(GError) error = NULL;

  if (ids == NULL || self->library == NULL)
    return;

  for (guint i = 0; i < ids->len; i++)
    {
      CcArticle *article = cc_library_lookup_article (self->library, g_array_index (ids, gint64, i));

      if (article != NULL)
        g_ptr_array_add (articles, article);
    }

  /* One step on the undo stack: Ctrl+Z brings the import back. */
  if (!cc_undo_stack_remove_articles (self->undo_stack, self->library, articles, &error))
    show_error (self, error);
  _cc_window_actions_update (self);
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _cc_window_undo_import (CC_WINDOW (widget));
}

/* The story an import resembles ----------------------------------------- */

typedef struct
{
  GArray    *story_ids;   /* gint64, one per lead */
  GPtrArray *leads;       /* char *, the stories' articles */
  GPtrArray *queries;     /* char *, the imported articles */
} SuggestData;

static void
suggest_data_free (SuggestData *data)
{
  g_array_unref (data->story_ids);
  g_ptr_array_unref (data->leads);
  g_ptr_array_unref (data->queries);
  g_free (data);
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SuggestData *data = task_data;
  g_autoptr(CcStoryMatcher) matcher = cc_story_matcher_new ();

  for (guint i = 0; i < data->leads->len; i++)
    cc_story_matcher_add_article (matcher, g_array_index (data->story_ids, gint64, i), NULL,
                                  g_ptr_array_index (data->leads, i));
  for (guint i = 0; i < data->queries->len; i++)
    cc_story_matcher_add_query (matcher, NULL, g_ptr_array_index (data->queries, i));

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_int (task, cc_story_matcher_suggest (matcher, NULL, NULL));
}

static void
suggest_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  CcStory *story;
  gint64 story_id;

  story_id = g_task_propagate_int (G_TASK (result), NULL);
  if (story_id <= 0 || self->library == NULL || self->toast_overlay == NULL ||
      self->last_import == NULL ||
      !(story = cc_library_lookup_story (self->library, story_id)))
    return;

  escaped = g_markup_escape_text (cc_story_get_title (story), -1);
  title = g_strdup_printf (ngettext ("The article imported resembles “%s”",
                                     "The articles imported resemble “%s”",
                                     self->last_import->len),
                           escaped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Add to Story"));
  adw_toast_set_action_name (toast, "win.add-import-to-story");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (story_id));
  cc_window_add_toast (self, toast);
}

/**
 * _cc_window_suggest_story:
 * @import_story: (nullable): the story the import made, left out
 *
 * Finds, in the background, the story the last import's articles
 * resemble far more than the others, and offers it in a toast.
 */
void
_cc_window_suggest_story (CcWindow *self,
                          CcStory  *import_story)
{
  g_autoptr(GTask) task = NULL;
  SuggestData *data;
  GListModel *stories;
  guint n_stories, per_story;

  if (self->library == NULL || self->last_import == NULL)
    return;

  stories = cc_library_get_stories (self->library);
  n_stories = g_list_model_get_n_items (stories);
  per_story = CLAMP (SUGGEST_TOTAL / MAX (n_stories, 1), SUGGEST_MIN, SUGGEST_SAMPLE);
  data = g_new0 (SuggestData, 1);
  data->story_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->leads = g_ptr_array_new_with_free_func (g_free);
  data->queries = g_ptr_array_new_with_free_func (g_free);

  /* Copies of the leads, read on a worker. */
  for (guint i = 0; i < n_stories; i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (stories, i);
      g_autoptr(GArray) ids = NULL;
      gint64 story_id = cc_story_get_id (story);
      guint taken = 0;

      if (story == import_story)
        continue;
      ids = cc_story_dup_article_ids (story);
      for (guint j = ids->len; j > 0 && taken < per_story; j--)
        {
          CcArticle *article = cc_library_lookup_article (self->library,
                                                          g_array_index (ids, gint64, j - 1));

          if (article == NULL)
            continue;
          g_array_append_val (data->story_ids, story_id);
          g_ptr_array_add (data->leads, cc_story_match_dup_lead (cc_article_get_title (article),
                                                                 cc_article_get_text (article)));
          taken++;
        }
    }

  for (guint i = 0; i < self->last_import->len && i < SUGGEST_SAMPLE; i++)
    {
      CcArticle *article = cc_library_lookup_article (self->library,
                                                      g_array_index (self->last_import, gint64, i));

      if (article != NULL)
        g_ptr_array_add (data->queries, cc_story_match_dup_lead (cc_article_get_title (article),
                                                                 cc_article_get_text (article)));
    }

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  self->suggest_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->suggest_cancellable, suggest_cb, g_object_ref (self));
  g_task_set_source_tag (task, _cc_window_suggest_story);
  g_task_set_task_data (task, data, (GDestroyNotify)suggest_data_free);
  g_task_run_in_thread (task, suggest_thread);
}

static void
add_import_to_story_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CcStory *story = cc_library_lookup_story (self->library, g_variant_get_int64 (param));

  if (story == NULL || self->last_import == NULL)
    return;

  for (guint i = 0; i < self->last_import->len; i++)
    {
      CcArticle *article = cc_library_lookup_article (self->library,
                                                      g_array_index (self->last_import, gint64, i));

      if (article != NULL)
        g_ptr_array_add (articles, article);
    }

  if (!cc_undo_stack_set_story_articles (self->undo_stack, self->library, story, articles, TRUE,
                                         &error))
    {
      show_error (self, error);
      return;
    }
  cc_scope_set_story (self->scope, story);
}

/* The article list's context menu ---------------------------------------- */

static GMenuModel *
make_article_menu (CcWindow *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) stories = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GListModel *all = cc_library_get_stories (self->library);
  CcStory *current = cc_scope_get_story (self->scope);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (all, i);
      g_autoptr(GMenuItem) item = NULL;

      if (story == current)
        continue;
      item = g_menu_item_new (cc_story_get_title (story), NULL);
      g_menu_item_set_action_and_target_value (item, "win.add-to-story",
                                               g_variant_new ("(xx)", (gint64)0,
                                                              cc_story_get_id (story)));
      g_menu_append_item (stories, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (stories)) > 0)
    g_menu_append_submenu (menu, _("_Add to Story"), G_MENU_MODEL (stories));
  if (current != NULL)
    g_menu_append (menu, _("_Remove from Story"), "win.remove-from-story");
  g_menu_append (edit, _("_Delete Article"), "win.delete-article");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  return G_MENU_MODEL (menu);
}

static void
popup_article_menu (CcWindow *self,
                    double    x,
                    double    y)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (selected_article (self) == NULL)
    return;

  model = make_article_menu (self);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->source_list));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A right click chooses the article under the pointer, then opens the
 * menu for it. */
static void
source_list_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        CcWindow        *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->source_list), x, y, GTK_PICK_DEFAULT);
  GtkSingleSelection *selection = cc_window_get_selection (self);
  CcArticle *article = NULL;

  while (picked != NULL && !CC_IS_SOURCE_ROW (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL)
    return;

  g_object_get (picked, "article", &article, NULL);
  if (article == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(CcArticle) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (item == article)
        {
          gtk_single_selection_set_selected (selection, i);
          break;
        }
    }
  g_object_unref (article);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_article_menu (self, x, y);
}

static void
article_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  popup_article_menu (CC_WINDOW (widget), -1, -1);
}

void
_cc_window_stories_update (CcWindow *self)
{
  gboolean has_library = self->library != NULL;
  gboolean has_story = has_library && self->scope != NULL && cc_scope_get_story (self->scope);
  gboolean has_article = has_library && self->source_list != NULL && selected_article (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-story", has_library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-story", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-story", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-story", has_library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-from-story",
                                 has_story && has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-article", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.article-menu", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import",
                                 has_library && self->last_import != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-import-to-story",
                                 has_library && self->last_import != NULL);
}

void
_cc_window_stories_init (CcWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (source_list_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->source_list), GTK_EVENT_CONTROLLER (click));

  /* Delete and the menu keys act on the article list's article. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.delete-article")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                      gtk_named_action_new ("win.article-menu")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                      gtk_named_action_new ("win.article-menu")));
  gtk_widget_add_controller (GTK_WIDGET (self->source_list), keys);

  g_signal_connect_object (cc_window_get_selection (self), "notify::selected-item",
                           G_CALLBACK (_cc_window_stories_update), self, G_CONNECT_SWAPPED);
}

void
_cc_window_class_stories_init (CcWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-story", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "win.rename-story", NULL, rename_story_action);
  gtk_widget_class_install_action (widget_class, "win.delete-story", NULL, delete_story_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-story", "(xx)", add_to_story_action);
  gtk_widget_class_install_action (widget_class, "win.remove-from-story", NULL,
                                   remove_from_story_action);
  gtk_widget_class_install_action (widget_class, "win.delete-article", NULL,
                                   delete_article_action);
  gtk_widget_class_install_action (widget_class, "win.article-menu", NULL, article_menu_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.add-import-to-story", "x",
                                   add_import_to_story_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-story", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-story", NULL);
}
