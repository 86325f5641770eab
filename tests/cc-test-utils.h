/* cc-test-utils.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bundled sample folder (CROSSCHECK_SAMPLE_DIR, set by meson). */
const char *cc_test_sample_dir  (void);
/* Removes a folder the test made: plain files and folders only, no
 * links followed. */
void        cc_test_remove_tree (const char *path);
/* Runs the built crosscheck (CROSSCHECK_BINARY) with the arguments up to
 * NULL, and returns its exit status; what it printed goes to @out and
 * @err, either of which may be NULL to drop it. */
int         cc_test_run_cli     (char       **out,
                                 char       **err,
                                 const char  *first,
                                 ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
