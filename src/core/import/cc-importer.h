/* cc-importer.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_IMPORT_ERROR (cc_import_error_quark ())

/* Files larger than this are refused. */
#define CC_IMPORT_MAX_SIZE (20 * 1024 * 1024)

typedef enum
{
  CC_IMPORT_ERROR_IO,
  CC_IMPORT_ERROR_UNSUPPORTED,
  CC_IMPORT_ERROR_EMPTY,
  CC_IMPORT_ERROR_BINARY,
  CC_IMPORT_ERROR_INVALID_UTF8,
  CC_IMPORT_ERROR_TOO_LARGE,
  CC_IMPORT_ERROR_MALFORMED,
  CC_IMPORT_ERROR_ENCRYPTED,
  CC_IMPORT_ERROR_NO_TEXT,
} CcImportError;

#define CC_TYPE_IMPORTER (cc_importer_get_type ())

G_DECLARE_FINAL_TYPE (CcImporter, cc_importer, CC, IMPORTER, GObject)

GQuark      cc_import_error_quark (void);
CcImporter *cc_importer_new       (void);
gboolean    cc_importer_collect   (CcImporter          *self,
                                   const char * const  *paths,
                                   GPtrArray           *files,
                                   GPtrArray           *errors);
GPtrArray  *cc_importer_load      (CcImporter          *self,
                                   const char          *path,
                                   GPtrArray           *warnings,
                                   GError             **error);
GPtrArray  *cc_importer_load_contents (CcImporter      *self,
                                       const char      *path,
                                       GPtrArray       *warnings,
                                       GBytes         **contents,
                                       GError         **error);
GPtrArray  *cc_importer_load_data (CcImporter          *self,
                                   const char          *name,
                                   const char          *data,
                                   gsize                length,
                                   GPtrArray           *warnings,
                                   GError             **error);
gboolean    cc_date_is_valid      (const char          *date);

G_END_DECLS
