/* cc-test-gui.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-application.h"
#include "cc-window.h"

G_BEGIN_DECLS

typedef gboolean (*CcTestCondition) (gpointer data);

/* Every widget of @type at or below @widget, depth first. */
GPtrArray *cc_test_find_all        (gpointer         widget,
                                    GType            type);
/* The first of them; fails the test when there is none. */
gpointer   cc_test_find_one        (gpointer         widget,
                                    GType            type);
/* The main window of @app, or NULL while it has none. */
CcWindow  *cc_test_find_window     (CcApplication   *app);
/* Iterates the main loop until @condition holds; FALSE when it still
 * does not after 30 seconds. */
gboolean   cc_test_wait_until      (CcTestCondition  condition,
                                    gpointer         data);
/* Lets layout, drawing and queued idles run for @ms milliseconds. */
void       cc_test_settle          (guint            ms);
/* Saves what @widget shows as PNG under G_TEST_BUILDDIR (else
 * @fallback_dir), and checks the image is not blank. */
void       cc_test_save_screenshot (GtkWidget       *widget,
                                    const char      *fallback_dir,
                                    const char      *name);

typedef void (*CcTestAppCheck) (CcApplication *app);

/* The start of a window test's main(): pins the environment, initialises
 * the test framework and makes the test's folder, which is also
 * XDG_DATA_HOME. Returns NULL when there is no display (exit 77 then). */
char      *cc_test_gui_init        (int             *argc,
                                    char          ***argv,
                                    const char      *name);
/* The end of a window test's main(): runs the tests added, removes the
 * folder cc_test_gui_init() made when they all passed (it stays to look
 * at otherwise) and frees @tmpdir. Returns the tests' status. */
int        cc_test_gui_run         (char            *tmpdir);
/* Runs the application on the library file @db_path; once it is
 * activated, @check runs from an idle (animations off), then every window
 * is closed and the application quits. Fails unless the check ran and the
 * application exited with 0. */
void       cc_test_run_app         (const char      *db_path,
                                    CcTestAppCheck   check);

G_END_DECLS
