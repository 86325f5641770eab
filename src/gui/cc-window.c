/* cc-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-application.h"
#include "cc-compare-view.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-story.h"
#include "cc-tag-view.h"
#include "cc-utils.h"
#include "cc-window-private.h"

/* The sample's story. */
#define SAMPLE_STORY_TITLE N_("North Korean troops in Russia, October 2024")

G_DEFINE_FINAL_TYPE (CcWindow, cc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_IMPORTING,
  PROP_LIBRARY,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_view (CcWindow *self)
{
  g_autofree char *subtitle = NULL;
  CcStory *story;
  guint n_items = 0;

  g_assert (CC_IS_WINDOW (self));

  if (self->library != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->library));

  /* An import into an empty library shows the list at once, so its
   * progress and the articles arriving one by one are visible. */
  gtk_stack_set_visible_child_name (self->stack,
                                    n_items > 0 || self->importing ? "articles" : "empty");

  /* The story's name is in the story list, chosen, with its count. */
  story = cc_scope_get_story (self->scope);
  if (story != NULL)
    n_items = cc_story_get_n_articles (story);
  if (n_items > 0 || story != NULL)
    {
      g_autofree char *count = cc_format_count (n_items);

      /* Translators: %s is a count, as "12" or "1,200" */
      subtitle = g_strdup_printf (ngettext ("%s article", "%s articles", n_items), count);
    }
  adw_window_title_set_subtitle (self->sidebar_title, subtitle ? subtitle : "");

  _cc_window_actions_update (self);
}

static gboolean
mark_search_words_cb (gpointer user_data)
{
  CcWindow *self = user_data;
  g_auto(GStrv) words = NULL;

  self->search_words_tick = 0;
  words = cc_scope_dup_query_words (self->scope);
  cc_reader_set_search_words (self->reader, (const char * const *)words);
  return G_SOURCE_REMOVE;
}

/* The reader marks the words the search found, once the search is
 * answered, in the frame after the one that shows the list's new
 * articles: marking lays out the article's text again, which would hold
 * up the list's first page of results. */
static void
scope_query_cb (CcWindow   *self,
                GParamSpec *pspec,
                CcScope    *scope)
{
  g_assert (CC_IS_WINDOW (self));

  if (cc_scope_get_searching (scope))
    return;
  if (self->search_words_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->search_words_tick);
  self->search_words_tick = cc_gui_add_frames_callback (GTK_WIDGET (self), 2,
                                                        mark_search_words_cb, self);
}

static void
set_importing (CcWindow *self,
               gboolean  importing)
{
  g_assert (CC_IS_WINDOW (self));

  importing = !!importing;
  if (self->importing == importing)
    return;

  self->importing = importing;
  gtk_revealer_set_reveal_child (self->progress_revealer, importing);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
library_items_changed_cb (CcWindow   *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  g_assert (CC_IS_WINDOW (self));

  update_view (self);
}

static void
add_toast_printf (CcWindow   *self,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
add_toast_printf (CcWindow   *self,
                  const char *format,
                  ...)
{
  g_autofree char *title = NULL;
  va_list args;

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);

  cc_window_add_toast (self, adw_toast_new (title));
}

static void
show_report (CcWindow       *self,
             CcImportReport *report)
{
  g_autofree char *imported = NULL;
  g_autofree char *duplicates = NULL;

  g_assert (CC_IS_WINDOW (self));
  g_assert (report != NULL);

  if (report->n_imported > 0 || (report->n_duplicates == 0 && report->n_refused == 0))
    {
      if (report->cancelled)
        imported = g_strdup_printf (ngettext ("Import cancelled after %u article",
                                              "Import cancelled after %u articles",
                                              report->n_imported),
                                    report->n_imported);
      else if (report->n_imported == 0)
        imported = g_strdup (_("No articles found to import"));
      else
        imported = g_strdup_printf (ngettext ("Imported %u article",
                                              "Imported %u articles",
                                              report->n_imported),
                                    report->n_imported);
    }

  if (report->n_duplicates > 0)
    duplicates = g_strdup_printf (ngettext ("%u duplicate skipped",
                                            "%u duplicates skipped",
                                            report->n_duplicates),
                                  report->n_duplicates);

  g_clear_pointer (&self->last_import, g_array_unref);
  if (report->article_ids != NULL && report->article_ids->len > 0)
    self->last_import = g_array_ref (report->article_ids);

  if (imported != NULL || duplicates != NULL)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (imported != NULL && duplicates != NULL)
        /* Translators: joins two parts of an import summary, as in
         * "Imported 3 articles, 2 duplicates skipped" */
        title = g_strdup_printf (C_("import summary", "%s, %s"), imported, duplicates);
      else
        title = g_strdup (imported ? imported : duplicates);
      toast = adw_toast_new (title);
      /* Undo takes out what this import added. */
      if (self->last_import != NULL)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "win.undo-import");
        }
      cc_window_add_toast (self, toast);
    }

  g_clear_pointer (&self->import_messages, g_ptr_array_unref);

  if (report->n_refused > 0)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (report->messages != NULL)
        self->import_messages = g_ptr_array_ref (report->messages);

      /* One refusal is named in the toast itself, with its reason. */
      if (report->n_refused == 1 && self->import_messages != NULL
          && self->import_messages->len == 1)
        title = g_markup_escape_text (g_ptr_array_index (self->import_messages, 0), -1);
      else
        title = g_strdup_printf (ngettext ("%u file refused",
                                           "%u files refused",
                                           report->n_refused),
                                 report->n_refused);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 10);
      if (self->import_messages != NULL && self->import_messages->len > 0)
        {
          adw_toast_set_button_label (toast, _("_Details"));
          adw_toast_set_action_name (toast, "win.show-import-details");
        }
      cc_window_add_toast (self, toast);
    }

  _cc_window_actions_update (self);
}

static void
import_progress_cb (double      fraction,
                    const char *path,
                    gpointer    user_data)
{
  CcWindow *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_assert (CC_IS_WINDOW (self));

  /* The window may be closing while the last files are read. */
  if (self->progress_bar == NULL)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));

  if (path != NULL)
    {
      name = g_filename_display_basename (path);
      label = g_strdup_printf (_("Importing %s"), name);
      gtk_label_set_label (self->progress_label, label);
    }
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CcLibrary *library = (CcLibrary *)object;
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (CC_IS_LIBRARY (library));
  g_assert (CC_IS_WINDOW (self));

  report = cc_library_import_finish (library, result, &error);
  g_clear_object (&self->import_cancellable);

  if (self->toast_overlay == NULL)
    return;

  set_importing (self, FALSE);

  if (report != NULL)
    {
      show_report (self, report);
      if (self->show_first_import && report->article_ids->len > 0)
        {
          CcArticle *first = cc_library_lookup_article (self->library,
                                                        g_array_index (report->article_ids, gint64, 0));

          if (first != NULL)
            _cc_window_show_article (self, first);
        }
      if (!self->import_story_chosen && report->article_ids->len > 0)
        _cc_window_suggest_story (self, cc_scope_get_story (self->scope));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cc_window_add_toast (self, adw_toast_new (_("Import cancelled")));
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      add_toast_printf (self, _("Could not import: %s"), escaped);
    }

  self->show_first_import = FALSE;
  if (!g_queue_is_empty (&self->pending_opens))
    {
      g_auto(GStrv) next = g_queue_pop_head (&self->pending_opens);

      cc_window_open_files (self, (const char * const *)next);
    }
}

static gboolean
drop_cb (CcWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GPtrArray) paths = NULL;
  GSList *files;

  g_assert (CC_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  paths = g_ptr_array_new_with_free_func (g_free);
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = files; l; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_slist_free (files);

  if (paths->len == 0)
    {
      cc_window_add_toast (self, adw_toast_new (_("Only local files can be imported")));
      return FALSE;
    }

  g_ptr_array_add (paths, NULL);
  cc_window_import (self, (const char * const *)paths->pdata);

  return TRUE;
}

static void
source_list_article_activated_cb (CcWindow     *self,
                                  CcArticle    *article,
                                  CcSourceList *source_list)
{
  g_assert (CC_IS_WINDOW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static gboolean
sync_single_click_cb (gpointer data)
{
  CcWindow *self = data;

  self->fold_source = 0;
  g_object_set (self->source_list,
                "single-click-activate", adw_leaflet_get_folded (self->leaflet),
                NULL);
  return G_SOURCE_REMOVE;
}

/* Folded, one click opens an article. The leaflet folds while it lays out
 * its children, and the list's rows change with the setting: it waits for
 * the layout to finish, or the list would ask for a new size in the middle
 * of it. */
static void
leaflet_folded_cb (CcWindow   *self,
                   GParamSpec *pspec,
                   AdwLeaflet *leaflet)
{
  g_assert (CC_IS_WINDOW (self));

  if (self->fold_source == 0)
    self->fold_source = g_idle_add (sync_single_click_cb, self);
}

/* GtkWindow:application is set after construction, so the window meets the
 * application's library and settings here rather than in constructed(). */
static void
notify_application_cb (CcWindow   *self,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  GtkApplication *app;
  GSettings *settings;
  CcLibrary *library;

  g_assert (CC_IS_WINDOW (self));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (self->library != NULL || !CC_IS_APPLICATION (app))
    return;

  if ((settings = cc_application_get_settings (CC_APPLICATION (app))))
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  if ((library = cc_application_get_library (CC_APPLICATION (app))))
    {
      self->library = g_object_ref (library);
      cc_scope_set_library (self->scope, library);
      g_signal_connect_object (library,
                               "items-changed",
                               G_CALLBACK (library_items_changed_cb),
                               self,
                               G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
    }

  update_view (self);
}

static void
cc_window_dispose (GObject *object)
{
  CcWindow *self = (CcWindow *)object;

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  if (self->search_words_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->search_words_tick);
  self->search_words_tick = 0;
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  _cc_window_export_dispose (self);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_WINDOW);

  g_clear_object (&self->library);
  if (self->scope != NULL)
    g_signal_handlers_disconnect_by_data (self->scope, self);
  g_clear_object (&self->scope);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->import_messages, g_ptr_array_unref);
  g_clear_pointer (&self->last_import, g_array_unref);
  g_queue_clear_full (&self->pending_opens, (GDestroyNotify)g_strfreev);

  G_OBJECT_CLASS (cc_window_parent_class)->dispose (object);
}

static void
cc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcWindow *self = CC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_IMPORTING:
      g_value_set_boolean (value, cc_window_get_importing (self));
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, cc_window_get_library (self));
      break;

    case PROP_SCOPE:
      g_value_set_object (value, cc_window_get_scope (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_window_class_init (CcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_window_dispose;
  object_class->get_property = cc_window_get_property;

  /**
   * CcWindow:importing:
   *
   * Whether an import is running; only one runs at a time.
   */
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcWindow:library:
   *
   * The application's article library, which the views wrap in their own
   * models.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcWindow:scope:
   *
   * The story in view and the search: the articles and claims every view
   * of the window shows.
   */
  properties[PROP_SCOPE] =
    g_param_spec_object ("scope", NULL, NULL,
                         CC_TYPE_SCOPE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CC_TYPE_COMPARE_VIEW);
  g_type_ensure (CC_TYPE_STORY_LIST);
  g_type_ensure (CC_TYPE_READER);
  g_type_ensure (CC_TYPE_SOURCE_LIST);
  g_type_ensure (CC_TYPE_TAG_VIEW);
  g_type_ensure (CC_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, views);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, tag_view);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, timeline_view);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_list_article_activated_cb);

  _cc_window_class_actions_init (klass);
  _cc_window_class_export_init (klass);
  _cc_window_class_stories_init (klass);
}

static void
cc_window_init (CcWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every view shows the scope: the story chosen, narrowed by the search. */
  self->scope = cc_scope_new ();
  cc_source_list_set_scope (self->source_list, self->scope);
  cc_chart_set_claims (cc_timeline_view_get_chart (self->timeline_view),
                       cc_scope_get_claims (self->scope));
  cc_compare_view_set_filter (self->compare_view, cc_scope_get_filter (self->scope));
  cc_tag_view_set_articles (self->tag_view, cc_scope_get_articles (self->scope));
  g_object_bind_property (self->story_list, "story", self->scope, "story",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->scope, "changed", G_CALLBACK (update_view), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scope, "notify::query", G_CALLBACK (scope_query_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scope, "notify::searching", G_CALLBACK (scope_query_cb), self,
                           G_CONNECT_SWAPPED);

  _cc_window_export_init (self);
  _cc_window_stories_init (self);

  self->undo_stack = cc_undo_stack_new ();
  cc_reader_set_undo_stack (self->reader, self->undo_stack);
  g_signal_connect_object (self->undo_stack, "notify::can-undo",
                           G_CALLBACK (_cc_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify::can-redo",
                           G_CALLBACK (_cc_window_actions_update), self, G_CONNECT_SWAPPED);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target,
                           "drop",
                           G_CALLBACK (drop_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_connect (self, "notify::application", G_CALLBACK (notify_application_cb), NULL);

  update_view (self);
}

/**
 * cc_window_new:
 * @application: the #CcApplication
 *
 * Returns: (transfer none): a new window showing the application's library
 */
CcWindow *
cc_window_new (CcApplication *application)
{
  g_return_val_if_fail (CC_IS_APPLICATION (application), NULL);

  return g_object_new (CC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * cc_window_get_library:
 * @self: a #CcWindow
 *
 * Returns: (transfer none) (nullable): the article library
 */
CcLibrary *
cc_window_get_library (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->library;
}

/**
 * cc_window_get_scope:
 * @self: a #CcWindow
 *
 * Returns: (transfer none): the story in view and the search, which every
 *   view of the window follows
 */
CcScope *
cc_window_get_scope (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->scope;
}

/**
 * cc_window_get_selection:
 * @self: a #CcWindow
 *
 * The selection over the filtered, sorted library. Its selected item is
 * the article in the reader.
 *
 * Returns: (transfer none): a #GtkSingleSelection of #CcArticle
 */
GtkSingleSelection *
cc_window_get_selection (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return cc_source_list_get_selection (self->source_list);
}

/**
 * cc_window_get_undo_stack:
 * @self: a #CcWindow
 *
 * The edits made in the window, which win.undo and win.redo take back and
 * make again. Views that edit the library push their edits here.
 *
 * Returns: (transfer none): the window's undo stack
 */
CcUndoStack *
cc_window_get_undo_stack (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->undo_stack;
}

gboolean
cc_window_get_importing (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);

  return self->importing;
}

/* The story an import goes into: @title's when given, else the one in
 * view, else a new story named after the folder imported; none for files
 * imported into All Articles. */
static CcStory *
import_story (CcWindow           *self,
              const char * const *paths,
              const char         *title)
{
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  CcStory *story;

  if (title == NULL && (story = cc_scope_get_story (self->scope)))
    return story;

  if (title == NULL)
    {
      for (guint i = 0; paths[i] != NULL && folder == NULL; i++)
        if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
          folder = g_filename_display_basename (paths[i]);
      if (folder == NULL)
        return NULL;
      title = folder;
    }

  if ((story = cc_library_find_story (self->library, title)))
    return story;
  if (!(story = cc_library_add_story (self->library, title, NULL, &error)))
    g_warning ("Could not make the story “%s”: %s", title, error->message);
  return story;
}

static void
import_into (CcWindow           *self,
             const char * const *paths,
             const char         *story_title)
{
  CcStory *story;

  if (self->library == NULL || paths[0] == NULL)
    return;

  if (self->importing)
    {
      cc_window_add_toast (self, adw_toast_new (_("Wait for the current import to finish")));
      return;
    }

  /* The articles arrive in view: the story they go into is shown. */
  self->import_story_chosen = story_title != NULL || cc_scope_get_story (self->scope) != NULL;
  story = import_story (self, paths, story_title);
  cc_scope_set_story (self->scope, story);

  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, _("Looking for articles…"));
  set_importing (self, TRUE);

  cc_library_import_into_async (self->library,
                                paths,
                                story,
                                self->import_cancellable,
                                import_progress_cb,
                                g_object_ref (self),
                                g_object_unref,
                                import_cb,
                                g_object_ref (self));
}

/**
 * cc_window_import:
 * @self: a #CcWindow
 * @paths: (array zero-terminated=1): files and folders to import
 *
 * Imports @paths into the library in the background, showing progress,
 * then a summary as toasts. The articles go into the story in view, or
 * into a new story named after the folder imported. Does nothing but say
 * so while another import runs.
 */
void
cc_window_import (CcWindow           *self,
                  const char * const *paths)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  import_into (self, paths, NULL);
}

/**
 * cc_window_open_files:
 * @self: a #CcWindow
 * @paths: (array zero-terminated=1): files handed to the application
 *
 * Imports @paths as cc_window_import() does, into the story in view, and
 * shows the first article stored. Files that arrive while an import runs
 * are imported after it.
 */
void
cc_window_open_files (CcWindow           *self,
                      const char * const *paths)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL)
    return;

  if (self->importing)
    {
      g_queue_push_tail (&self->pending_opens, g_strdupv ((char **)paths));
      return;
    }

  import_into (self, paths, NULL);
  self->show_first_import = self->importing;
}

/**
 * cc_window_import_sample:
 * @self: a #CcWindow
 * @sample_dir: the folder of the bundled sample
 *
 * Imports the sample into its own story.
 */
void
cc_window_import_sample (CcWindow   *self,
                         const char *sample_dir)
{
  const char *paths[] = { sample_dir, NULL };

  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (sample_dir != NULL);

  import_into (self, paths, _(SAMPLE_STORY_TITLE));
}

/**
 * cc_window_add_toast:
 * @self: a #CcWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
cc_window_add_toast (CcWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
