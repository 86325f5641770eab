/* cc-gui-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Display formatting shared by the source rows and the reader, so that an
 * article reads the same in both places. */

#define G_LOG_DOMAIN "cc-gui-utils"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include <gtk/gtk.h>

#include "cc-application.h"
#include "cc-article.h"
#include "cc-gui-utils.h"
#include "cc-utils.h"

static char *
format_day (const char *published,
            const char *format);

/**
 * cc_format_date:
 * @published: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for display in the current
 *   locale, or %NULL when @published is not a valid date
 */
char *
cc_format_date (const char *published)
{
  /* Translators: the publication date of an article, in
   * g_date_time_format() syntax; reorder for your language. */
  return format_day (published, C_("article date", "%-d %b %Y"));
}

/**
 * cc_format_day_month:
 * @published: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the day and month alone, where the
 *   year goes without saying
 */
char *
cc_format_day_month (const char *published)
{
  /* Translators: a day and month, in g_date_time_format() syntax */
  return format_day (published, C_("article day", "%-d %b"));
}

/**
 * cc_format_published_day:
 * @published: (nullable): an article's publication date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): "published 21 Oct", where a claim
 *   without a day of its own is placed
 */
char *
cc_format_published_day (const char *published)
{
  g_autofree char *day = cc_format_day_month (published);

  if (day == NULL)
    return NULL;
  /* Translators: the day of a claim that gives none, taken from its
   * article's publication date: "published 21 Oct" */
  return g_strdup_printf (_("published %s"), day);
}

static char *
format_day (const char *published,
            const char *format)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  GString *formatted;
  int year, month, day;

  if (published == NULL
      || sscanf (published, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;

  text = g_date_time_format (date, format);
  if (text == NULL)
    return NULL;
  formatted = g_string_new (text);

  /* A date is read as one word: never wrap inside it. */
  g_string_replace (formatted, " ", "\xc2\xa0", 0);

  return g_string_free (formatted, FALSE);
}

/**
 * cc_format_meta:
 * @outlet: (nullable): the publisher
 * @published: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full): "Outlet · date", leaving out what is unknown
 */
char *
cc_format_meta (const char *outlet,
                const char *published)
{
  g_autofree char *date = cc_format_date (published);
  gboolean has_outlet = outlet != NULL && outlet[0] != '\0';

  if (has_outlet && date != NULL)
    /* Translators: an article's outlet and publication date */
    return g_strdup_printf (C_("article meta", "%s · %s"), outlet, date);
  else if (has_outlet)
    return g_strdup (outlet);
  else if (date != NULL)
    return g_steal_pointer (&date);
  else
    return g_strdup (_("Unknown outlet and date"));
}

/**
 * cc_format_claim_count:
 * @n_claims: the number of claims
 *
 * Returns: (transfer full): "12 claims", or a phrase for none
 */
char *
cc_format_claim_count (guint n_claims)
{
  g_autofree char *count = NULL;

  if (n_claims == 0)
    return g_strdup (_("No claims found"));

  count = cc_format_count (n_claims);
  /* Translators: %s is a count, as "12" or "1,200" */
  return g_strdup_printf (ngettext ("%s claim", "%s claims", n_claims), count);
}

/* GTK 4.8 names a button with a text label twice over the accessibility
 * bus: once from the label property, which GtkButton copies into its
 * accessible label (mnemonic mark included), and once from the label
 * child ("_Save Save"). Dropping the copied property leaves the name that
 * comes from the child, as later GTK versions do. */
static void
reset_button_label (GtkButton *button)
{
  if (gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_label_notify_cb (GtkButton  *button,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  reset_button_label (button);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_params,
          const GValue          *params,
          gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);
  GtkAccessibleRole role;

  if (!GTK_IS_BUTTON (object))
    return TRUE;

  /* A link button is named by its label alone already. */
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (object));
  if (role == GTK_ACCESSIBLE_ROLE_BUTTON)
    {
      if (g_object_get_data (object, "cc-button-name") == NULL)
        {
          g_object_set_data (object, "cc-button-name", GINT_TO_POINTER (TRUE));
          g_signal_connect (object, "notify::label", G_CALLBACK (button_label_notify_cb), NULL);
        }
      reset_button_label (GTK_BUTTON (object));
    }

  return TRUE;
}

/**
 * cc_gui_fix_button_names:
 *
 * Gives every text button of the process one accessible name, from the
 * moment it is shown. Call once.
 */
void
cc_gui_fix_button_names (void)
{
  /* The signal exists once the widget class is made; keep it made. */
  g_type_class_ref (GTK_TYPE_BUTTON);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
}

static GSettings *
app_settings (void)
{
  GApplication *app = g_application_get_default ();

  return CC_IS_APPLICATION (app) ? cc_application_get_settings (CC_APPLICATION (app)) : NULL;
}

/**
 * cc_export_folder_restore:
 *
 * Opens @chooser in the folder the last export went to, if it is still
 * there: exports of one story tend to go to one place.
 */
void
cc_export_folder_restore (GtkFileChooser *chooser)
{
  GSettings *settings = app_settings ();
  g_autofree char *path = settings ? g_settings_get_string (settings, "last-export-folder") : NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  if (path == NULL || *path == '\0' || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return;

  folder = g_file_new_for_path (path);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/**
 * cc_export_folder_remember:
 * @file: the file an export is being saved as
 *
 * Keeps @file's folder for the next export dialog.
 */
void
cc_export_folder_remember (GFile *file)
{
  GSettings *settings = app_settings ();
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (G_IS_FILE (file));

  if (settings == NULL || !(parent = g_file_get_parent (file)) || !(path = g_file_get_path (parent)))
    return;
  g_settings_set_string (settings, "last-export-folder", path);
}

/* Focus for the first widget after (or before) @widget in the direction
 * of Tab, outside it. */
static gboolean
focus_past (GtkWidget        *widget,
            GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkRoot *root = gtk_widget_get_root (widget);

  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (root); w = gtk_widget_get_parent (w))
    for (GtkWidget *sibling = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
         sibling != NULL;
         sibling = forward ? gtk_widget_get_next_sibling (sibling) : gtk_widget_get_prev_sibling (sibling))
      if (gtk_widget_get_visible (sibling) && gtk_widget_child_focus (sibling, direction))
        return TRUE;

  /* Past the window's last control: round to its first, as GTK does. */
  if (root != NULL)
    {
      gtk_root_set_focus (root, NULL);
      return gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  return FALSE;
}

static gboolean
tab_out_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return focus_past (widget, (GtkDirectionType)GPOINTER_TO_INT (user_data));
}

/**
 * cc_gui_make_one_tab_stop:
 * @list: a list whose rows take the focus one by one
 *
 * Makes @list one stop of the Tab key: Tab and Shift+Tab leave it for
 * the controls around it, the arrow keys move inside it. GTK 4.8's lists
 * give each row a Tab stop of its own (later versions do this).
 */
void
cc_gui_make_one_tab_stop (GtkWidget *list)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WIDGET (list));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Tab, 0)),
                                                          gtk_callback_action_new (tab_out_cb,
                                                                                   GINT_TO_POINTER (GTK_DIR_TAB_FORWARD),
                                                                                   NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_Tab, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (tab_out_cb,
                                                                                   GINT_TO_POINTER (GTK_DIR_TAB_BACKWARD),
                                                                                   NULL)));
  gtk_widget_add_controller (list, controller);
}

typedef struct
{
  guint       frames_left;
  GSourceFunc func;
  gpointer    user_data;
} FramesCallback;

static gboolean
frames_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  FramesCallback *callback = user_data;

  if (--callback->frames_left > 0)
    return G_SOURCE_CONTINUE;
  callback->func (callback->user_data);
  return G_SOURCE_REMOVE;
}

/**
 * cc_gui_add_frames_callback:
 * @n_frames: the frame to call @func in, 1 for the next one
 *
 * Calls @func once, in the @n_frames-th frame of @widget from now: with
 * 2, after the next frame has drawn what the widget shows now. Its
 * return value is not read.
 *
 * Returns: the tick callback's id, for gtk_widget_remove_tick_callback()
 *   before then
 */
guint
cc_gui_add_frames_callback (GtkWidget   *widget,
                            guint        n_frames,
                            GSourceFunc  func,
                            gpointer     user_data)
{
  FramesCallback *callback = g_new (FramesCallback, 1);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);
  g_return_val_if_fail (n_frames > 0, 0);

  callback->frames_left = n_frames;
  callback->func = func;
  callback->user_data = user_data;
  return gtk_widget_add_tick_callback (widget, frames_tick_cb, callback, g_free);
}
