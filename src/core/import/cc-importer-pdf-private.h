/* cc-importer-pdf-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files of the PDF importer share: the lines read from the
 * pages, with where they stand and how large their type is. */

#pragma once

#include <glib.h>
#include <poppler.h>

#include "cc-article.h"

G_BEGIN_DECLS

typedef enum
{
  PDF_LINE_BODY,      /* the article's text */
  PDF_LINE_HEADING,   /* larger than the text: a paragraph of its own */
  PDF_LINE_DROPPED,   /* small print, margin notes, running heads, page numbers */
} PdfLineKind;

typedef struct
{
  char        *text;      /* UTF-8, trimmed, never empty */
  guint        page;
  double       x0, y0;    /* the box of its characters, in points from */
  double       x1, y1;    /* the page's top left corner */
  double       size;      /* the font size most of its characters have */
  PdfLineKind  kind;
} PdfLine;

/* poppler-glib 22.12 defines no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerIndexIter, poppler_index_iter_free)

/* cc-importer-pdf-header.c */
void  _cc_pdf_read_header (CcArticle       *article,
                           PopplerDocument *document,
                           GArray          *lines);

/* cc-importer-pdf-text.c */
char *_cc_pdf_join_lines (GArray   *lines,
                          double    body_size,
                          gboolean  hyphenates);

G_END_DECLS
