/* cc-article-sort.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int      cc_compare_articles_newest_first  (gconstpointer        a,
                                            gconstpointer        b,
                                            gpointer             user_data);
void     cc_articles_make_sort_keys_async  (GListModel          *articles,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean cc_articles_make_sort_keys_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
