/* cc-application-actions.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-application-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-application-private.h"
#include "cc-window.h"

/* The import actions belong to the window, which shows their progress;
 * the application names them so menus and accelerators work from any
 * window, and creates the window first when there is none. */
static void
forward_to_window (CcApplication *self,
                   const char    *action_name)
{
  CcWindow *window;

  g_assert (CC_IS_APPLICATION (self));

  if (!(window = _cc_application_get_main_window (self)))
    {
      g_application_activate (G_APPLICATION (self));
      window = _cc_application_get_main_window (self);
    }

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), action_name, NULL);
}

static void
cc_application_actions_quit (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  CcApplication *self = user_data;

  g_assert (CC_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

static void
cc_application_actions_about (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  CcApplication *self = user_data;
  static const char *developers[] = { "The Crosscheck authors", NULL };
  GtkWindow *about;

  g_assert (CC_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", _cc_application_get_main_window (self),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Crosscheck"),
                        "developer-name", _("The Crosscheck authors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Follow a developing story across news reports: "
                                      "who said how many people, and when."),
                        "copyright", "© 2026 The Crosscheck authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
cc_application_actions_shortcuts (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  forward_to_window (user_data, "win.show-help-overlay");
}

static void
cc_application_actions_import (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  forward_to_window (user_data, "win.import");
}

static void
cc_application_actions_import_folder (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  forward_to_window (user_data, "win.import-folder");
}

static void
cc_application_actions_open_sample (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  forward_to_window (user_data, "win.open-sample");
}

static const GActionEntry actions[] = {
  { "quit", cc_application_actions_quit },
  { "about", cc_application_actions_about },
  { "shortcuts", cc_application_actions_shortcuts },
  { "import", cc_application_actions_import },
  { "import-folder", cc_application_actions_import_folder },
  { "open-sample", cc_application_actions_open_sample },
};

void
_cc_application_actions_init (CcApplication *self)
{
  g_assert (CC_IS_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   actions,
                                   G_N_ELEMENTS (actions),
                                   self);
}

/* Only one import runs at a time: the import actions are off while the
 * window is busy, which also makes their buttons insensitive. */
void
_cc_application_actions_track (CcApplication *self,
                               CcWindow      *window)
{
  static const char *busy_actions[] = { "import", "import-folder", "open-sample" };

  g_assert (CC_IS_APPLICATION (self));
  g_assert (CC_IS_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (busy_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), busy_actions[i]);

      g_object_bind_property (window, "importing",
                              action, "enabled",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
    }
}
