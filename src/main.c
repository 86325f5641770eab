/* main.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One binary: a command names the CLI, anything else starts the app. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cc-application.h"
#include "cc-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcApplication) app = NULL;
  /* The uninstalled build's catalogues, for build-aux/run and the tests */
  const char *localedir = g_getenv ("CROSSCHECK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (cc_cli_wants (argc, argv))
    return cc_cli_run (argc, argv);

  app = cc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
