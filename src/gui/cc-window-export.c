/* cc-window-export.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's Export menu: the current article or chosen articles as an
 * annotated PDF, the report, the library as JSON and the claims as CSV.
 * Each asks for a file, then writes it in the background with progress
 * and a Cancel button above the views, and ends with a toast. */

#define G_LOG_DOMAIN "cc-window-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-article-chooser.h"
#include "cc-article.h"
#include "cc-csv-export.h"
#include "cc-gui-utils.h"
#include "cc-json-export.h"
#include "cc-library.h"
#include "cc-output-file.h"
#include "cc-story.h"
#include "cc-pdf-exporter.h"
#include "cc-utils.h"
#include "cc-window-private.h"

typedef enum
{
  EXPORT_ARTICLE_PDF,
  EXPORT_ARTICLES_PDF,
  EXPORT_REPORT,
  EXPORT_JSON,
  EXPORT_CSV,
} ExportKind;

/* What to export, from the menu item to the end of the write. */
typedef struct
{
  ExportKind  kind;
  GPtrArray  *articles;  /* CcArticle */
  char       *title;
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->articles, g_ptr_array_unref);
  g_free (request->title);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static Request *
request_new (ExportKind kind)
{
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->articles = g_ptr_array_new_with_free_func (g_object_unref);

  return request;
}

static gboolean
is_pdf (ExportKind kind)
{
  return kind == EXPORT_ARTICLE_PDF || kind == EXPORT_ARTICLES_PDF || kind == EXPORT_REPORT;
}

static CcArticle *
current_article (CcWindow *self)
{
  /* The list is gone once the window is disposed. */
  if (self->source_list == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (cc_window_get_selection (self));
}

static void
add_library_articles (CcWindow *self,
                      Request  *request)
{
  g_autoptr(GPtrArray) articles = cc_scope_list_articles (self->scope);

  /* The story in view, as the search narrows it. */
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (request->articles, g_object_ref (g_ptr_array_index (articles, i)));
}

/* A file name from a title: no slashes, no control characters, not too
 * long for file systems. */
static char *
suggest_file_name (const char *title,
                   const char *suffix)
{
  GString *name = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0' && name->len < 80; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        g_string_append_c (name, ' ');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend (name, _("Export"));
  g_string_append (name, suffix);

  return g_string_free (name, FALSE);
}

static void
set_exporting (CcWindow   *self,
               gboolean    exporting,
               const char *label)
{
  self->exporting = !!exporting;
  if (label != NULL)
    gtk_label_set_label (self->export_label, label);
  gtk_progress_bar_set_fraction (self->export_progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->export_revealer, exporting);
  _cc_window_actions_update (self);
}

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  CcWindow *self = user_data;

  /* The window may be closing while the last pages are drawn. */
  if (self->export_progress_bar == NULL)
    return;

  gtk_progress_bar_set_fraction (self->export_progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
finish_export (CcWindow *self,
               GFile    *file,
               GError   *error)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_clear_object (&self->export_cancellable);
  if (self->toast_overlay == NULL)
    return;

  set_exporting (self, FALSE, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cc_window_add_toast (self, adw_toast_new (_("Export cancelled")));
      return;
    }

  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      title = g_strdup_printf (_("Could not export: %s"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 10);
      cc_window_add_toast (self, toast);
      return;
    }

  g_set_object (&self->exported_file, file);
  name = g_file_get_basename (file);
  title = g_markup_printf_escaped (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  cc_window_add_toast (self, toast);
  _cc_window_actions_update (self);
}

static void
pdf_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_object_get_data (object, "path"));

  cc_pdf_exporter_write_finish (CC_PDF_EXPORTER (object), result, &error);
  finish_export (self, file, error);
}

/* The window and the file of a data export being written. */
typedef struct
{
  CcWindow *self;
  GFile    *file;
} DataWrite;

static void
data_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DataWrite *write = user_data;
  g_autoptr(CcWindow) self = write->self;
  g_autoptr(GFile) file = write->file;
  g_autoptr(GError) error = NULL;

  g_free (write);
  cc_output_file_write_finish (result, &error);
  finish_export (self, file, error);
}

static void
start_pdf (CcWindow    *self,
           Request     *request,
           GFile       *file,
           CcPaperSize  paper)
{
  g_autoptr(CcPdfExporter) exporter = cc_pdf_exporter_new ();
  g_autofree char *path = g_file_get_path (file);
  const char *author = cc_get_real_name ();
  const char *label;

  if (path == NULL)
    {
      cc_window_add_toast (self, adw_toast_new (_("PDFs can only be saved to local folders")));
      return;
    }

  cc_pdf_exporter_set_report (exporter, request->kind == EXPORT_REPORT);
  cc_pdf_exporter_set_title (exporter, request->title);
  cc_pdf_exporter_set_paper_size (exporter, paper);
  cc_pdf_exporter_set_author (exporter, author);
  for (guint i = 0; i < request->articles->len; i++)
    cc_pdf_exporter_add_article (exporter, g_ptr_array_index (request->articles, i));

  label = request->kind == EXPORT_REPORT ? _("Writing the report…") : _("Writing the PDF…");
  self->export_cancellable = g_cancellable_new ();
  set_exporting (self, TRUE, label);
  g_object_set_data_full (G_OBJECT (exporter), "path", g_steal_pointer (&path), g_free);
  cc_pdf_exporter_write_async (exporter, g_object_get_data (G_OBJECT (exporter), "path"),
                               self->export_cancellable,
                               export_progress_cb, g_object_ref (self), g_object_unref,
                               pdf_written_cb, g_object_ref (self));
}

static void
start_data (CcWindow *self,
            Request  *request,
            GFile    *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_file_get_path (file);
  DataWrite *write;
  char *data;
  gsize length;

  if (path == NULL)
    {
      cc_window_add_toast (self, adw_toast_new (_("Files can only be saved to local folders")));
      return;
    }

  /* Quick to make, from the objects on this thread; the writing, which
   * replaces the file whole or not at all, goes on in the background. */
  if (request->kind == EXPORT_JSON)
    {
      g_autoptr(GHashTable) stories = cc_library_dup_story_titles (self->library,
                                                                   request->articles, NULL);

      data = cc_json_export_articles_with_stories (request->articles, stories, &length);
    }
  else
    data = cc_csv_export_claims (request->articles, &length);
  bytes = g_bytes_new_take (data, length);

  self->export_cancellable = g_cancellable_new ();
  set_exporting (self, TRUE, _("Writing the file…"));
  write = g_new0 (DataWrite, 1);
  write->self = g_object_ref (self);
  write->file = g_object_ref (file);
  cc_output_file_write_bytes_async (path, bytes, self->export_cancellable,
                                    data_written_cb, write);
}

static void
chooser_response_cb (CcWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GtkFileChooserNative) owned = NULL;
  g_autoptr(Request) request = NULL;
  g_autoptr(GFile) file = NULL;
  CcPaperSize paper = CC_PAPER_SIZE_DEFAULT;
  const char *choice;

  g_assert (CC_IS_WINDOW (self));
  g_assert (self->export_chooser == chooser);

  owned = g_steal_pointer (&self->export_chooser);
  request = g_object_steal_data (G_OBJECT (chooser), "request");

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    cc_export_folder_remember (file);
  if (is_pdf (request->kind) &&
      (choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper")))
    cc_paper_size_from_string (choice, &paper);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));

  if (file == NULL || self->exporting)
    return;

  if (is_pdf (request->kind))
    start_pdf (self, request, file, paper);
  else
    start_data (self, request, file);
}

/* Asks where to save, then exports. Takes @request. */
static void
choose_file (CcWindow *self,
             Request  *request)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *title;

  g_assert (CC_IS_WINDOW (self));

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }

  switch (request->kind)
    {
    case EXPORT_ARTICLE_PDF:
    case EXPORT_ARTICLES_PDF:
      title = _("Export as PDF");
      name = suggest_file_name (request->title, ".pdf");
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
      break;

    case EXPORT_REPORT:
      title = _("Export Report");
      name = suggest_file_name (request->title, ".pdf");
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
      break;

    case EXPORT_JSON:
      title = _("Export Library as JSON");
      /* Translators: the suggested name of a library export, without extension */
      name = suggest_file_name (_("Crosscheck Library"), ".json");
      gtk_file_filter_set_name (filter, _("JSON Files"));
      gtk_file_filter_add_suffix (filter, "json");
      break;

    case EXPORT_CSV:
    default:
      title = _("Export Claims as CSV");
      /* Translators: the suggested name of a claims export, without extension */
      name = suggest_file_name (_("Claims"), ".csv");
      gtk_file_filter_set_name (filter, _("CSV Files"));
      gtk_file_filter_add_suffix (filter, "csv");
      break;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  cc_export_folder_restore (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (is_pdf (request->kind))
    {
      const char *ids[] = { "a4", "letter", NULL };
      const char *labels[] = { _("A4"), _("Letter"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"),
                                   ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper",
                                   cc_paper_size_from_locale () == CC_PAPER_SIZE_LETTER
                                   ? "letter" : "a4");
    }

  g_object_set_data_full (G_OBJECT (chooser), "request", request,
                          (GDestroyNotify)request_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->export_chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_article_pdf_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  CcArticle *article = current_article (self);
  Request *request;

  if (article == NULL)
    return;

  request = request_new (EXPORT_ARTICLE_PDF);
  request->title = g_strdup (cc_article_get_title (article));
  g_ptr_array_add (request->articles, g_object_ref (article));
  choose_file (self, request);
}

static void
articles_chosen_cb (CcWindow         *self,
                    GPtrArray        *articles,
                    CcArticleChooser *chooser)
{
  Request *request = request_new (EXPORT_ARTICLES_PDF);

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (request->articles, g_object_ref (g_ptr_array_index (articles, i)));
  if (articles->len == 1)
    request->title = g_strdup (cc_article_get_title (g_ptr_array_index (articles, 0)));
  else
    request->title = g_strdup (_("Annotated Articles"));
  choose_file (self, request);
}

static void
export_articles_pdf_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GListStore) store = NULL;
  CcArticleChooser *chooser;
  CcArticle *article = current_article (self);

  if (self->library == NULL)
    return;

  /* The articles in scope whole, even while the scope's model catches up. */
  articles = cc_scope_list_articles (self->scope);
  store = g_list_store_new (CC_TYPE_ARTICLE);
  g_list_store_splice (store, 0, 0, articles->pdata, articles->len);
  chooser = cc_article_chooser_new (GTK_WINDOW (self), G_LIST_MODEL (store));
  if (article != NULL)
    cc_article_chooser_set_chosen (chooser, article, TRUE);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (articles_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
report_title_response_cb (CcWindow         *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *title = NULL;
  Request *request;

  if (g_strcmp0 (response, "choose") != 0 || self->library == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_free (self->report_title);
  self->report_title = g_strdup (title);

  request = request_new (EXPORT_REPORT);
  request->title = *title != '\0' ? g_steal_pointer (&title) : g_strdup (_("Crosscheck Report"));
  add_library_articles (self, request);
  choose_file (self, request);
}

/* The report's cover names the story; the library does not know it, so
 * ask, offering the last title given. */
static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Report"),
                                   _("The report begins with a cover naming the story, then "
                                     "the timeline, the claims compared and every article "
                                     "with its highlights and notes."));
  entry = g_object_new (GTK_TYPE_ENTRY,
                        "text", cc_scope_get_story (self->scope)
                                  ? cc_story_get_title (cc_scope_get_story (self->scope))
                                  : self->report_title ? self->report_title : "",
                        "placeholder-text", _("Story title"),
                        "activates-default", TRUE,
                        NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story title"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (report_title_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  Request *request;

  if (self->library == NULL)
    return;

  request = request_new (g_str_equal (action_name, "win.export-json") ? EXPORT_JSON : EXPORT_CSV);
  add_library_articles (self, request);
  choose_file (self, request);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_cancellable_cancel (CC_WINDOW (widget)->export_cancellable);
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && self->toast_overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      g_autofree char *title = g_strdup_printf (_("Could not open the file: %s"), escaped);

      cc_window_add_toast (self, adw_toast_new (title));
    }
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  g_autofree char *uri = NULL;

  if (self->exported_file == NULL)
    return;

  uri = g_file_get_uri (self->exported_file);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launch_cb, g_object_ref (self));
}

void
_cc_window_export_update (CcWindow *self)
{
  gboolean idle = self->library != NULL && !self->exporting;
  gboolean has_articles = idle && cc_scope_has_articles (self->scope);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-article-pdf",
                                 idle && current_article (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-articles-pdf", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-json", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_articles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-export",
                                 self->exported_file != NULL);
}

void
_cc_window_export_init (CcWindow *self)
{
  /* The current article decides whether it can be exported. */
  g_signal_connect_object (cc_window_get_selection (self), "notify::selected-item",
                           G_CALLBACK (_cc_window_actions_update), self, G_CONNECT_SWAPPED);
}

void
_cc_window_export_dispose (CcWindow *self)
{
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
  g_clear_object (&self->exported_file);
  g_clear_pointer (&self->report_title, g_free);
}

void
_cc_window_class_export_init (CcWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, CcWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, export_progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, export_revealer);

  gtk_widget_class_install_action (widget_class, "win.export-article-pdf", NULL,
                                   export_article_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-articles-pdf", NULL,
                                   export_articles_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL,
                                   cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", NULL, open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-article-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
}
