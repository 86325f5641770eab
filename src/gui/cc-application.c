/* cc-application.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cc-application-private.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-window.h"

/* The schema keeps the stable id, so a .Devel build shares the settings. */
#define SCHEMA_ID "io.github.crosscheck.Crosscheck"

G_DEFINE_FINAL_TYPE (CcApplication, cc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "library", 'l', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the article library stored in PATH"), N_("PATH") },
  { NULL }
};

static void
refresh_claims_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n = cc_library_refresh_claims_finish (CC_LIBRARY (object), result, &error);

  if (error != NULL)
    g_warning ("Could not re-extract claims: %s", error->message);
  else if (n > 0)
    g_debug ("Re-extracted the claims of %u articles", n);
}

/* Says what is wrong with the library, over the main window. */
static void
show_damage (CcApplication *self,
             CcWindow      *window)
{
  g_autoptr(GError) damage = g_steal_pointer (&self->damage);
  GtkWidget *dialog;

  g_assert (CC_IS_APPLICATION (self));
  g_assert (CC_IS_WINDOW (window));

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The Library Is Damaged"),
                                   damage->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CcApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  CcWindow *window;

  if (cc_store_check_finish (CC_STORE (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("%s", error->message);
  g_clear_error (&self->damage);
  self->damage = g_steal_pointer (&error);
  if ((window = _cc_application_get_main_window (self)))
    show_damage (self, window);
}

/* Another process's commits change the file's data_version: the model
 * then takes in the articles added and drops those deleted. The check is
 * one pragma every FOLLOW_INTERVAL seconds. */
#define FOLLOW_INTERVAL 2

static gboolean
follow_library_cb (gpointer user_data)
{
  CcApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_assert (CC_IS_APPLICATION (self));

  version = cc_store_get_data_version (self->store);
  if (version < 0 || version == self->data_version)
    return G_SOURCE_CONTINUE;

  self->data_version = version;
  if (!cc_library_sync_with_store (self->library, &error))
    g_message ("Could not read the library’s changes: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
load_claims_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CcApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cc_library_load_claims_finish (CC_LIBRARY (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Could not read the library’s claims: %s", error->message);
    }

  if (self->library == NULL || g_cancellable_is_cancelled (self->refresh))
    return;

  /* A check of every page, off the main thread: a damaged library opens,
   * so that what it holds can be read and exported, and says so. After
   * the claims are read: one worker reads the whole file at a time, and
   * the other processor is left to the window. */
  cc_store_check_async (self->store, self->refresh, check_cb, g_object_ref (self));

  /* Claims an older extractor made are made again, off the main thread;
   * the user's corrections stay. After the claims are read, so that what
   * was read before is not put back over what is made again. */
  cc_library_refresh_claims_async (self->library, self->refresh, refresh_claims_cb, NULL);
}

static gboolean
open_library (CcApplication  *self,
              GError        **error)
{
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_assert (CC_IS_APPLICATION (self));

  if (self->library_path != NULL)
    path = g_strdup (self->library_path);
  else
    path = cc_store_dup_default_path ();

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (errsv));
      return FALSE;
    }

  if (!(store = cc_store_new (path, error)))
    return FALSE;

  library = cc_library_new (store);
  if (!cc_library_load (library, error))
    return FALSE;
  self->refresh = g_cancellable_new ();

  self->store = g_steal_pointer (&store);
  self->library = g_steal_pointer (&library);

  /* Every claim, for the chart and the scope, read off the main thread:
   * the window shows the list meanwhile, and the claims join the
   * library's claims model a slice at a time. */
  cc_library_load_claims_async (self->library, self->refresh, load_claims_cb,
                                g_object_ref (self));

  self->data_version = cc_store_get_data_version (self->store);
  self->follow_id = g_timeout_add_seconds (FOLLOW_INTERVAL, follow_library_cb, self);

  return TRUE;
}

CcWindow *
_cc_application_get_main_window (CcApplication *self)
{
  g_assert (CC_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (CC_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
startup_error_response_cb (CcApplication    *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  g_assert (CC_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

static void
show_startup_error (CcApplication *self)
{
  AdwMessageDialog *dialog;

  g_assert (CC_IS_APPLICATION (self));
  g_assert (self->startup_error != NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Could Not Open the Library"),
                                                       self->startup_error->message));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect_object (dialog,
                           "response",
                           G_CALLBACK (startup_error_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  /* Joining the application keeps it running until the dialog is answered. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
offer_sample (CcApplication *self,
              CcWindow      *window)
{
  g_autofree char *sample_dir = NULL;

  g_assert (CC_IS_APPLICATION (self));
  g_assert (CC_IS_WINDOW (window));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->library)) > 0
      || g_settings_get_boolean (self->settings, "sample-offered"))
    return;

  /* Offered once only: a user who empties the library keeps it empty. */
  g_settings_set_boolean (self->settings, "sample-offered", TRUE);

  if ((sample_dir = cc_application_dup_sample_dir (self)))
    cc_window_import_sample (window, sample_dir);
}

static int
cc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CcApplication *self = (CcApplication *)app;
  const char *library_path = NULL;

  g_assert (CC_IS_APPLICATION (self));

  if (g_variant_dict_lookup (options, "library", "^&ay", &library_path)
      && library_path[0] != '\0')
    {
      g_free (self->library_path);
      self->library_path = g_canonicalize_filename (library_path, NULL);

      /* Another library is another instance: do not hand the request to a
       * running Crosscheck that has its own library open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (cc_application_parent_class)->handle_local_options (app, options);
}

static void
cc_application_startup (GApplication *app)
{
  CcApplication *self = (CcApplication *)app;
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *import_accels[] = { "<Primary>o", NULL };
  static const char *import_folder_accels[] = { "<Primary><Shift>o", NULL };

  g_assert (CC_IS_APPLICATION (self));

  G_APPLICATION_CLASS (cc_application_parent_class)->startup (app);

  cc_gui_fix_button_names ();

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (SCHEMA_ID);

  _cc_application_actions_init (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.import-folder",
                                         import_folder_accels);

  if (!open_library (self, &self->startup_error))
    g_message ("Could not open the library: %s", self->startup_error->message);
}

/* Presents the main window, making it if there is none yet; a new window
 * says what is wrong with a damaged library and, with @offer_sample,
 * offers the sample to an empty one. Returns %NULL when the library could
 * not be opened, after saying so. */
static CcWindow *
present_window (CcApplication *self,
                gboolean       offer_sample_to_empty)
{
  CcWindow *window;

  if (self->startup_error != NULL)
    {
      show_startup_error (self);
      return NULL;
    }

  if ((window = _cc_application_get_main_window (self)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  window = cc_window_new (self);
  _cc_application_actions_track (self, window);
  gtk_window_present (GTK_WINDOW (window));
  if (offer_sample_to_empty)
    offer_sample (self, window);
  if (self->damage != NULL)
    show_damage (self, window);
  return window;
}

static void
cc_application_activate (GApplication *app)
{
  CcApplication *self = (CcApplication *)app;

  g_assert (CC_IS_APPLICATION (self));

  present_window (self, TRUE);
}

/* Files from the file manager ("Open With Crosscheck") or from a second
 * launch, which GApplication hands to the running instance: they are
 * imported into the story in view and the first is shown. */
static void
cc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CcApplication *self = (CcApplication *)app;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) remote = NULL;
  CcWindow *window;

  g_assert (CC_IS_APPLICATION (self));

  /* The files are what the user asked for: no sample is offered. */
  if (!(window = present_window (self, FALSE)))
    return;

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path != NULL)
        g_ptr_array_add (paths, path);
      else
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);

          if (remote == NULL)
            remote = g_string_new (name);
          else
            g_string_append_printf (remote, ", %s", name);
        }
    }

  if (remote != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (remote->str, -1);
      g_autofree char *title = NULL;

      /* Translators: %s names one or more addresses, such as https://… */
      title = g_strdup_printf (_("Only files on this computer can be imported, not %s"), escaped);
      cc_window_add_toast (window, adw_toast_new (title));
    }

  if (paths->len > 0)
    {
      g_ptr_array_add (paths, NULL);
      cc_window_open_files (window, (const char * const *)paths->pdata);
    }
}

static void
cc_application_dispose (GObject *object)
{
  CcApplication *self = (CcApplication *)object;

  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_cancellable_cancel (self->refresh);
  g_clear_object (&self->refresh);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->damage);

  G_OBJECT_CLASS (cc_application_parent_class)->dispose (object);
}

static void
cc_application_finalize (GObject *object)
{
  CcApplication *self = (CcApplication *)object;

  g_clear_pointer (&self->library_path, g_free);
  g_clear_error (&self->startup_error);

  G_OBJECT_CLASS (cc_application_parent_class)->finalize (object);
}

static void
cc_application_class_init (CcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cc_application_dispose;
  object_class->finalize = cc_application_finalize;

  app_class->handle_local_options = cc_application_handle_local_options;
  app_class->startup = cc_application_startup;
  app_class->activate = cc_application_activate;
  app_class->open = cc_application_open;
}

static void
cc_application_init (CcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Compare how news reports count people."));
}

/**
 * cc_application_new:
 *
 * Returns: (transfer full): a new #CcApplication
 */
CcApplication *
cc_application_new (void)
{
  return g_object_new (CC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * cc_application_get_library:
 * @self: a #CcApplication
 *
 * Returns: (transfer none) (nullable): the one article library of the
 *   application, or %NULL before startup or when it could not be opened
 */
CcLibrary *
cc_application_get_library (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);

  return self->library;
}

/**
 * cc_application_get_settings:
 * @self: a #CcApplication
 *
 * Returns: (transfer none) (nullable): the application settings, from
 *   startup on
 */
GSettings *
cc_application_get_settings (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * cc_application_dup_sample_dir:
 * @self: a #CcApplication
 *
 * Finds the bundled sample coverage: `CROSSCHECK_SAMPLE_DIR` when set, the
 * installed copy, or the one in the source tree for uninstalled builds.
 *
 * Returns: (transfer full) (nullable): a folder, or %NULL if none exists
 */
char *
cc_application_dup_sample_dir (CcApplication *self)
{
  const char *env;
  g_autofree char *installed = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);

  env = g_getenv ("CROSSCHECK_SAMPLE_DIR");
  if (env != NULL && env[0] != '\0' && g_file_test (env, G_FILE_TEST_IS_DIR))
    return g_strdup (env);

  installed = g_build_filename (PKGDATADIR, "sample", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);

  source = g_build_filename (SOURCE_DATADIR, "sample", NULL);
  if (g_file_test (source, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&source);

  return NULL;
}
