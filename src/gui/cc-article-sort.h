/* cc-article-sort.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CcNewestFunc:
 * @newest: (element-type CcArticle): the first articles in order
 * @user_data: the data given with the function
 */
typedef void (*CcNewestFunc) (GPtrArray *newest,
                              gpointer   user_data);

int      cc_compare_articles_newest_first  (gconstpointer        a,
                                            gconstpointer        b,
                                            gpointer             user_data);
void     cc_articles_make_sort_keys_async  (GListModel          *articles,
                                            guint                n_newest,
                                            CcNewestFunc         newest_func,
                                            gpointer             newest_data,
                                            GDestroyNotify       newest_destroy,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean cc_articles_make_sort_keys_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
