/* cc-output-file.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  cc_output_file_check             (const char           *path,
                                            GError              **error);
gboolean  cc_output_file_write             (const char           *path,
                                            const void           *data,
                                            gsize                 length,
                                            GError              **error);
void      cc_output_file_write_bytes_async (const char           *path,
                                            GBytes               *bytes,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  cc_output_file_write_finish      (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
