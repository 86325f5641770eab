/* cc-pdf-exporter.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_PDF_EXPORT_ERROR (cc_pdf_export_error_quark ())

typedef enum
{
  CC_PDF_EXPORT_ERROR_NO_ARTICLES,
  CC_PDF_EXPORT_ERROR_RENDER,
  CC_PDF_EXPORT_ERROR_STRUCTURE,
  CC_PDF_EXPORT_ERROR_WRITE,
} CcPdfExportError;

typedef enum
{
  CC_PAPER_SIZE_DEFAULT,
  CC_PAPER_SIZE_A4,
  CC_PAPER_SIZE_LETTER,
} CcPaperSize;

/* Called on the thread-default main context of the caller with the share
 * of the work done (0..1). */
typedef void (*CcPdfExportProgress) (double   fraction,
                                     gpointer user_data);

#define CC_TYPE_PDF_EXPORTER (cc_pdf_exporter_get_type ())

G_DECLARE_FINAL_TYPE (CcPdfExporter, cc_pdf_exporter, CC, PDF_EXPORTER, GObject)

GQuark         cc_pdf_export_error_quark        (void);
CcPaperSize    cc_paper_size_from_locale        (void);
gboolean       cc_paper_size_from_string        (const char           *str,
                                                 CcPaperSize          *size);

CcPdfExporter *cc_pdf_exporter_new              (void);
void           cc_pdf_exporter_set_paper_size   (CcPdfExporter        *self,
                                                 CcPaperSize           size);
CcPaperSize    cc_pdf_exporter_get_paper_size   (CcPdfExporter        *self);
void           cc_pdf_exporter_set_title        (CcPdfExporter        *self,
                                                 const char           *title);
const char    *cc_pdf_exporter_get_title        (CcPdfExporter        *self);
void           cc_pdf_exporter_set_author       (CcPdfExporter        *self,
                                                 const char           *author);
void           cc_pdf_exporter_set_report       (CcPdfExporter        *self,
                                                 gboolean              report);
gboolean       cc_pdf_exporter_get_report       (CcPdfExporter        *self);
void           cc_pdf_exporter_add_article      (CcPdfExporter        *self,
                                                 CcArticle            *article);
guint          cc_pdf_exporter_get_n_articles   (CcPdfExporter        *self);
gboolean       cc_pdf_exporter_write            (CcPdfExporter        *self,
                                                 const char           *path,
                                                 GCancellable         *cancellable,
                                                 CcPdfExportProgress   progress,
                                                 gpointer              progress_data,
                                                 GError              **error);
void           cc_pdf_exporter_write_async      (CcPdfExporter        *self,
                                                 const char           *path,
                                                 GCancellable         *cancellable,
                                                 CcPdfExportProgress   progress,
                                                 gpointer              progress_data,
                                                 GDestroyNotify        progress_notify,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       cc_pdf_exporter_write_finish     (CcPdfExporter        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
