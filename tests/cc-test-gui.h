/* cc-test-gui.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*CcTestCondition) (gpointer data);

/* Every widget of @type at or below @widget, depth first. */
GPtrArray *cc_test_find_all        (gpointer         widget,
                                    GType            type);
/* The first of them; fails the test when there is none. */
gpointer   cc_test_find_one        (gpointer         widget,
                                    GType            type);
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

G_END_DECLS
