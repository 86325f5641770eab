/* bench-window-corpus.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes a library of @n_articles articles at @path from the paragraphs of
 * the sample in @sample_dir, unless a whole one is there already. */
gboolean bench_window_ensure_library (const char  *path,
                                      const char  *sample_dir,
                                      guint        n_articles,
                                      GError     **error);

G_END_DECLS
