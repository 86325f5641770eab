/* cc-pdf-exporter-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cc-pdf-exporter.h"

G_BEGIN_DECLS

/* A claim or a user highlight, copied from the library on the main thread
 * so that the worker reads nothing the window may change. */
typedef struct
{
  guint     start;        /* byte offsets into the article text, end exclusive */
  guint     end;
  double    rgb[3];
  char     *contents;     /* the PDF annotation's text: the note or the claim card */
  char     *note;         /* a margin note, or NULL */
  char     *tags;         /* the highlight's tags, shown with its note, or NULL */
  char     *name;         /* a name unique in the document (the annotation's /NM) */
  guint     note_number;  /* 1… for marks with a note or tags, else 0 */
  gboolean  is_claim;
} CcPdfMark;

typedef struct
{
  gint64     id;
  char      *title;
  char      *outlet;
  char      *url;
  char      *published;
  char      *text;
  GArray    *marks;       /* CcPdfMark, by start */
  GPtrArray *claims;      /* copies of the claims that are not rejected */
} CcPdfArticle;

/* One annotation to add to a page once cairo is done: a highlight, or a
 * link when @uri is set. */
typedef struct
{
  guint   page;           /* 0-based */
  double  rect[4];        /* x1 y1 x2 y2 in PDF user space (origin bottom left) */
  GArray *quads;          /* 8 doubles per quadrilateral: UL, UR, LL, LR corners */
  double  rgb[3];
  char   *contents;
  char   *name;
  char   *uri;            /* a link's target, percent-encoded ASCII */
} CcPdfAnnot;

/* The state of one rendering, owned by the thread that renders. Lengths
 * are in points, y going down as in cairo. */
typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           width;
  double           height;
  double           margin_left;
  double           margin_top;
  double           margin_bottom;
  double           text_width;
  double           gutter;
  double           notes_width;
  guint            page;        /* the page being drawn, 0-based */
  guint            page_open : 1;
  const char      *running_title;
  const char      *author;
  GPtrArray       *annots;      /* CcPdfAnnot */
  GCancellable    *cancellable;
} CcPdfRender;

/* Colours used across the pages. */
#define CC_PDF_INK        0.13, 0.13, 0.15
#define CC_PDF_MUTED      0.40, 0.40, 0.44
#define CC_PDF_RULE       0.75, 0.75, 0.78
#define CC_PDF_LINK       0.10, 0.32, 0.70
/* Opacity of a highlight annotation. */
#define CC_PDF_HIGHLIGHT_ALPHA 0.3

void         _cc_pdf_mark_clear         (CcPdfMark      *mark);
void         _cc_pdf_article_unref      (CcPdfArticle   *article);
void         _cc_pdf_annot_free         (CcPdfAnnot     *annot);
void         _cc_pdf_add_link           (CcPdfRender    *render,
                                         const char     *uri,
                                         double          x,
                                         double          y,
                                         double          width,
                                         double          height);
char        *_cc_pdf_encode_uri         (const char     *uri);
void         _cc_pdf_claim_rgb          (CcClaim        *claim,
                                         double          rgb[3]);
char        *_cc_pdf_format_claim_card  (CcClaim        *claim);
char        *_cc_pdf_status_label       (CcClaimStatus   status);

double       _cc_pdf_content_width      (CcPdfRender    *render);
double       _cc_pdf_body_bottom        (CcPdfRender    *render);
void         _cc_pdf_begin_page         (CcPdfRender    *render);
void         _cc_pdf_end_page           (CcPdfRender    *render);
PangoLayout *_cc_pdf_layout_new         (CcPdfRender    *render,
                                         const char     *font,
                                         const char     *text,
                                         double          width);
void         _cc_pdf_show_layout        (CcPdfRender    *render,
                                         PangoLayout    *layout,
                                         double          x,
                                         double          y);

gboolean     _cc_pdf_render_article     (CcPdfRender    *render,
                                         CcPdfArticle   *article,
                                         GError        **error);
gboolean     _cc_pdf_render_report      (CcPdfRender    *render,
                                         GPtrArray      *articles,
                                         const char     *title,
                                         GError        **error);

gboolean     _cc_pdf_add_annotations    (GByteArray     *pdf,
                                         GPtrArray      *annots,
                                         const char     *author,
                                         GError        **error);

G_END_DECLS
