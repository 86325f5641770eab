/* cc-pdf-exporter-article.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pages of one article: a header, then the text in one column with
 * its highlights, and the notes in a margin column beside it. The text is
 * laid out once by Pango, the lines are then split into pages, and each
 * page is drawn line by line; a highlight's rectangles become the
 * quadrilaterals of its PDF annotation. */

#define G_LOG_DOMAIN "cc-pdf-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-claim.h"
#include "cc-palette.h"
#include "cc-pdf-exporter-private.h"

/* Sizes in points: the Pango context works at 72 dpi. */
#define BODY_FONT       "Serif 10.5"
#define TITLE_FONT      "Sans Bold 18"
#define META_FONT       "Sans 9"
#define NOTE_FONT       "Sans 7.5"
#define MARKER_FONT     "Sans Bold 6"
#define FOOTER_FONT     "Sans 7.5"
#define LINE_SPACING    1.3
#define PARAGRAPH_GAP   5.0
#define NOTE_GAP        6.0
/* How many lines a page break may move up to keep a claim on one page. */
#define MAX_KEEP_LINES  3

typedef struct
{
  PangoLayoutLine *line;
  int              start;      /* byte indices into the text */
  int              end;
  double           top;        /* points, in the layout */
  double           bottom;
  double           baseline;
  double           ascent;     /* of the line's logical box */
  double           descent;
  gboolean         paragraph;  /* starts a paragraph */
  guint            page;       /* counted from the article's first page */
  double           y;          /* baseline on the page */
} Line;

typedef struct
{
  CcPdfMark *mark;
  double     anchor;           /* the top of its line on the page */
} PendingNote;

typedef struct
{
  CcPdfRender  *render;
  CcPdfArticle *article;
  PangoLayout  *layout;
  GArray       *lines;         /* Line */
  double        text_x;
  double        notes_x;
  double        first_top;     /* where the text begins below the header */
  CcPdfAnnot  **open_annots;   /* per mark: its annotation on the current page */
  GArray       *pending_notes; /* PendingNote, waiting for room in the margin */
  double        notes_top;     /* where the margin is free on this page */
} ArticleRender;

double
_cc_pdf_content_width (CcPdfRender *render)
{
  return render->text_width + render->gutter + render->notes_width;
}

double
_cc_pdf_body_bottom (CcPdfRender *render)
{
  return render->height - render->margin_bottom;
}

PangoLayout *
_cc_pdf_layout_new (CcPdfRender *render,
                    const char  *font,
                    const char  *text,
                    double       width)
{
  PangoLayout *layout = pango_layout_new (render->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* A hyphen that Pango adds where it breaks a long word, or a ligature
   * glyph (cairo maps "ff" to U+FB00), would land in the text that PDF
   * readers copy and search. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("liga=0, clig=0, dlig=0"));
  pango_layout_set_attributes (layout, attrs);

  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);

  return layout;
}

/* Draws @layout with its top left corner at @x, @y. */
void
_cc_pdf_show_layout (CcPdfRender *render,
                     PangoLayout *layout,
                     double       x,
                     double       y)
{
  cairo_move_to (render->cr, x, y);
  pango_cairo_show_layout (render->cr, layout);
}

void
_cc_pdf_begin_page (CcPdfRender *render)
{
  g_assert (!render->page_open);

  render->page_open = TRUE;
}

/* Draws the footer and closes the page. */
void
_cc_pdf_end_page (CcPdfRender *render)
{
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *text = NULL;
  double y = render->height - render->margin_bottom / 2.0 - 4.0;
  int width;

  g_assert (render->page_open);

  cairo_set_source_rgb (render->cr, CC_PDF_MUTED);

  if (render->running_title != NULL)
    {
      g_autoptr(PangoLayout) title = _cc_pdf_layout_new (render, FOOTER_FONT,
                                                         render->running_title, 0);

      pango_layout_set_width (title, (int)(render->text_width * PANGO_SCALE));
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      _cc_pdf_show_layout (render, title, render->margin_left, y);
    }

  text = g_strdup_printf ("%u", render->page + 1);
  number = _cc_pdf_layout_new (render, FOOTER_FONT, text, 0);
  pango_layout_get_pixel_size (number, &width, NULL);
  _cc_pdf_show_layout (render, number,
                       render->margin_left + _cc_pdf_content_width (render) - width, y);

  cairo_show_page (render->cr);
  render->page++;
  render->page_open = FALSE;
}

/* The title, the outlet and date, and the link; returns the height used. */
static double
draw_header (ArticleRender *ar,
             double         y)
{
  CcPdfRender *render = ar->render;
  CcPdfArticle *article = ar->article;
  double width = _cc_pdf_content_width (render);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autofree char *meta_text = NULL;
  double top = y;
  int height;

  title = _cc_pdf_layout_new (render, TITLE_FONT,
                              article->title ? article->title : _("Untitled article"), width);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  cairo_set_source_rgb (render->cr, CC_PDF_INK);
  _cc_pdf_show_layout (render, title, render->margin_left, y);
  pango_layout_get_pixel_size (title, NULL, &height);
  y += height + 6.0;

  meta_text = g_strdup_printf ("%s  ·  %s",
                               article->outlet ? article->outlet : _("Unknown outlet"),
                               article->published ? article->published : _("Undated"));
  meta = _cc_pdf_layout_new (render, META_FONT, meta_text, width);
  cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
  _cc_pdf_show_layout (render, meta, render->margin_left, y);
  pango_layout_get_pixel_size (meta, NULL, &height);
  y += height + 2.0;

  if (article->url != NULL)
    {
      g_autoptr(PangoLayout) link = _cc_pdf_layout_new (render, META_FONT, article->url, 0);
      PangoRectangle extents;

      pango_layout_set_width (link, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (link, PANGO_ELLIPSIZE_MIDDLE);
      cairo_set_source_rgb (render->cr, CC_PDF_LINK);
      _cc_pdf_show_layout (render, link, render->margin_left, y);
      pango_layout_get_pixel_extents (link, NULL, &extents);
      _cc_pdf_add_link (render, article->url, render->margin_left + extents.x, y + extents.y,
                        extents.width, extents.height);
      y += extents.y + extents.height;
    }

  y += 8.0;
  cairo_set_source_rgb (render->cr, CC_PDF_RULE);
  cairo_set_line_width (render->cr, 0.5);
  cairo_move_to (render->cr, render->margin_left, y);
  cairo_line_to (render->cr, render->margin_left + width, y);
  cairo_stroke (render->cr);
  y += 14.0;

  return y - top;
}

static void
collect_lines (ArticleRender *ar)
{
  PangoLayoutIter *iter = pango_layout_get_iter (ar->layout);

  do
    {
      Line line = { 0 };
      PangoRectangle logical;
      int y0, y1;

      line.line = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_line_get_extents (line.line, NULL, &logical);
      line.start = line.line->start_index;
      line.end = line.line->start_index + line.line->length;
      line.top = (double)y0 / PANGO_SCALE;
      line.bottom = (double)y1 / PANGO_SCALE;
      line.baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.ascent = (double)-logical.y / PANGO_SCALE;
      line.descent = (double)(logical.y + logical.height) / PANGO_SCALE;
      line.paragraph = line.line->is_paragraph_start;
      g_array_append_val (ar->lines, line);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* TRUE when a mark runs from line @index - 1 into line @index. */
static gboolean
mark_crosses (ArticleRender *ar,
              guint          index)
{
  int boundary = g_array_index (ar->lines, Line, index).start;

  for (guint i = 0; i < ar->article->marks->len; i++)
    {
      CcPdfMark *mark = &g_array_index (ar->article->marks, CcPdfMark, i);

      if ((int)mark->start < boundary && (int)mark->end > boundary)
        return TRUE;
    }

  return FALSE;
}

/* Gives each line a page and a baseline. A page break does not split a
 * claim or a short highlight when moving it up a few lines avoids that. */
static guint
paginate (ArticleRender *ar)
{
  CcPdfRender *render = ar->render;
  double bottom = _cc_pdf_body_bottom (render);
  double page_top = ar->first_top;
  double origin;
  double extra = 0.0;
  guint first_on_page = 0;
  guint page = 0;

  if (ar->lines->len == 0)
    return 1;

  origin = g_array_index (ar->lines, Line, 0).top;

  for (guint i = 0; i < ar->lines->len; i++)
    {
      Line *line = &g_array_index (ar->lines, Line, i);
      double top;

      if (line->paragraph && i > first_on_page)
        extra += PARAGRAPH_GAP;
      top = page_top + line->top - origin + extra;

      if (top + (line->bottom - line->top) > bottom && i > first_on_page)
        {
          guint k = i;

          while (k > first_on_page + 1 && i - k < MAX_KEEP_LINES && mark_crosses (ar, k))
            k--;
          if (mark_crosses (ar, k))
            k = i;

          page++;
          first_on_page = k;
          page_top = render->margin_top;
          origin = g_array_index (ar->lines, Line, k).top;
          extra = 0.0;
          i = k - 1;
          continue;
        }

      line->page = page;
      line->y = top + (line->baseline - line->top);
    }

  return page + 1;
}

static void
add_quad (ArticleRender *ar,
          guint          mark_index,
          double         x0,
          double         y0,
          double         x1,
          double         y1)
{
  CcPdfRender *render = ar->render;
  CcPdfMark *mark = &g_array_index (ar->article->marks, CcPdfMark, mark_index);
  CcPdfAnnot *annot = ar->open_annots[mark_index];
  double quad[8];

  /* A highlight that runs onto another page gets an annotation there. */
  if (annot == NULL || annot->page != render->page)
    {
      annot = g_new0 (CcPdfAnnot, 1);
      annot->page = render->page;
      annot->quads = g_array_new (FALSE, FALSE, sizeof (double));
      memcpy (annot->rgb, mark->rgb, sizeof annot->rgb);
      annot->contents = g_strdup (mark->contents);
      if (ar->open_annots[mark_index] == NULL)
        annot->name = g_strdup (mark->name);
      else
        annot->name = g_strdup_printf ("%s-page-%u", mark->name, render->page + 1);
      annot->rect[0] = x0;
      annot->rect[1] = render->height - y1;
      annot->rect[2] = x1;
      annot->rect[3] = render->height - y0;
      g_ptr_array_add (render->annots, annot);
      ar->open_annots[mark_index] = annot;
    }

  /* PDF space has its origin at the bottom left. */
  quad[0] = x0; quad[1] = render->height - y0;
  quad[2] = x1; quad[3] = render->height - y0;
  quad[4] = x0; quad[5] = render->height - y1;
  quad[6] = x1; quad[7] = render->height - y1;
  g_array_append_vals (annot->quads, quad, 8);

  annot->rect[0] = MIN (annot->rect[0], x0);
  annot->rect[1] = MIN (annot->rect[1], render->height - y1);
  annot->rect[2] = MAX (annot->rect[2], x1);
  annot->rect[3] = MAX (annot->rect[3], render->height - y0);
}

static void
draw_note_marker (ArticleRender *ar,
                  CcPdfMark     *mark,
                  Line          *line)
{
  CcPdfRender *render = ar->render;
  g_autofree char *text = g_strdup_printf ("%u", mark->note_number);
  g_autoptr(PangoLayout) marker = _cc_pdf_layout_new (render, MARKER_FONT, text, 0);
  double baseline = (double)pango_layout_get_baseline (marker) / PANGO_SCALE;
  int x;

  pango_layout_line_index_to_x (line->line, mark->end, FALSE, &x);

  /* A superscript whose foot sits just above the ascenders, in the gap
   * between the lines; as a path, so that the number stays out of the
   * text that readers copy and search. */
  cairo_set_source_rgb (render->cr, mark->rgb[0] * 0.55, mark->rgb[1] * 0.55,
                        mark->rgb[2] * 0.55);
  cairo_move_to (render->cr, ar->text_x + (double)x / PANGO_SCALE + 0.3,
                 line->y - line->ascent + 1.2 - baseline);
  pango_cairo_layout_path (render->cr, marker);
  cairo_fill (render->cr);
}

/* The text of one line, and the quadrilaterals of its highlights. */
static void
draw_line (ArticleRender *ar,
           Line          *line)
{
  CcPdfRender *render = ar->render;
  GArray *marks = ar->article->marks;
  double y0 = line->y - line->ascent;
  double y1 = line->y + line->descent;

  for (guint i = 0; i < marks->len; i++)
    {
      CcPdfMark *mark = &g_array_index (marks, CcPdfMark, i);
      int start = MAX ((int)mark->start, line->start);
      int end = MIN ((int)mark->end, line->end);
      int *ranges = NULL;
      int n_ranges = 0;

      if ((int)mark->start >= line->end)
        break;
      if (start >= end)
        continue;

      /* Drawn by the annotation alone, so that hiding or deleting it in a
       * reader takes the tint away. */
      pango_layout_line_get_x_ranges (line->line, start, end, &ranges, &n_ranges);
      for (int j = 0; j < n_ranges; j++)
        {
          double x0 = ar->text_x + (double)ranges[2 * j] / PANGO_SCALE;
          double x1 = ar->text_x + (double)ranges[2 * j + 1] / PANGO_SCALE;

          add_quad (ar, i, x0, y0, x1, y1);
        }
      g_free (ranges);
    }

  cairo_set_source_rgb (render->cr, CC_PDF_INK);
  cairo_move_to (render->cr, ar->text_x, line->y);
  pango_cairo_show_layout_line (render->cr, line->line);

  for (guint i = 0; i < marks->len; i++)
    {
      CcPdfMark *mark = &g_array_index (marks, CcPdfMark, i);

      if ((int)mark->start >= line->end)
        break;
      if (mark->note_number > 0 && (int)mark->end > line->start && (int)mark->end <= line->end)
        draw_note_marker (ar, mark, line);
    }
}

/* A note's number, its words and its tags, in the margin's width. */
static PangoLayout *
note_layout (ArticleRender *ar,
             CcPdfMark     *mark)
{
  CcPdfRender *render = ar->render;
  double bottom = _cc_pdf_body_bottom (render);
  g_autofree char *number = g_strdup_printf ("%u", mark->note_number);
  g_autofree char *tags = NULL;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  /* The tags under the note, in grey, as the window shows them. */
  if (mark->tags != NULL)
    tags = g_strdup_printf ("%s: %s", _("Tags"), mark->tags);
  text = g_strdup_printf ("%s  %s%s%s", number, mark->note ? mark->note : "",
                          mark->note && tags ? "\n" : "", tags ? tags : "");
  layout = _cc_pdf_layout_new (render, NOTE_FONT, text, render->notes_width - 6.0);
  attrs = pango_layout_get_attributes (layout);
  bold->end_index = strlen (number);
  pango_attr_list_insert (attrs, bold);
  if (tags != NULL)
    {
      PangoAttribute *grey = pango_attr_foreground_new (0x6666, 0x6666, 0x7000);

      grey->start_index = strlen (text) - strlen (tags);
      pango_attr_list_insert (attrs, grey);
    }
  pango_layout_set_attributes (layout, attrs);
  /* A note longer than a page is cut short rather than lost. */
  pango_layout_set_height (layout, (int)((bottom - render->margin_top) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

/* Places the margin notes that have been reached: as many, in order, as
 * the margin holds, each beside its line or below the note before; then
 * those that would run past the foot move up, pushing the ones above
 * up with them, so that a note on a page's last line stays on its page.
 * The rest wait for the next page. */
static void
draw_notes (ArticleRender *ar)
{
  CcPdfRender *render = ar->render;
  double bottom = _cc_pdf_body_bottom (render);
  double room = bottom - ar->notes_top;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *ys = g_new (double, ar->pending_notes->len + 1);
  g_autofree int *heights = g_new (int, ar->pending_notes->len + 1);
  double used = 0.0, limit = bottom;
  guint n;

  for (n = 0; n < ar->pending_notes->len; n++)
    {
      PendingNote *pending = &g_array_index (ar->pending_notes, PendingNote, n);
      PangoLayout *layout = note_layout (ar, pending->mark);

      pango_layout_get_pixel_size (layout, NULL, &heights[n]);
      /* The first always: on a page of its own it has all there is. */
      if (n > 0 && used + heights[n] > room)
        {
          g_object_unref (layout);
          break;
        }
      used += heights[n] + NOTE_GAP;
      g_ptr_array_add (layouts, layout);
      ys[n] = n == 0 ? MAX (pending->anchor, ar->notes_top)
                     : MAX (pending->anchor, ys[n - 1] + heights[n - 1] + NOTE_GAP);
    }

  for (guint i = n; i-- > 0; )
    {
      ys[i] = MIN (ys[i], limit - heights[i]);
      limit = ys[i] - NOTE_GAP;
    }
  if (n > 0)
    ys[0] = MAX (ys[0], ar->notes_top);

  for (guint i = 0; i < n; i++)
    {
      CcPdfMark *mark = g_array_index (ar->pending_notes, PendingNote, i).mark;

      cairo_set_source_rgb (render->cr, mark->rgb[0], mark->rgb[1], mark->rgb[2]);
      cairo_rectangle (render->cr, ar->notes_x, ys[i], 2.0, heights[i]);
      cairo_fill (render->cr);
      cairo_set_source_rgb (render->cr, CC_PDF_INK);
      _cc_pdf_show_layout (render, g_ptr_array_index (layouts, i), ar->notes_x + 6.0, ys[i]);
    }

  g_array_remove_range (ar->pending_notes, 0, n);
  for (guint i = 0; i < ar->pending_notes->len; i++)
    g_array_index (ar->pending_notes, PendingNote, i).anchor = render->margin_top;
  ar->notes_top = render->margin_top;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* A key to the claims' tints at the head of the margin: a swatch and the
 * name of each claimant country of the article. Returns the y below. */
static double
draw_colour_key (ArticleRender *ar,
                 double         y)
{
  CcPdfRender *render = ar->render;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  const char *unknown = _("Unknown country");

  for (guint i = 0; i < ar->article->claims->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (ar->article->claims, i);
      const char *country = cc_claim_get_claimant_country (claim);
      const char *name = country ? country : unknown;

      if (g_hash_table_add (seen, (gpointer)name))
        g_ptr_array_add (countries, (gpointer)name);
    }
  if (countries->len == 0)
    return y;
  g_ptr_array_sort (countries, compare_strings);

  for (guint i = 0; i < countries->len; i++)
    {
      const char *name = g_ptr_array_index (countries, i);
      g_autoptr(PangoLayout) layout = _cc_pdf_layout_new (render, NOTE_FONT, name,
                                                          render->notes_width - 14.0);
      double rgb[3];
      int height;

      cc_palette_parse (cc_palette_country_color (name == unknown ? NULL : name), rgb);
      pango_layout_get_pixel_size (layout, NULL, &height);
      cairo_set_source_rgba (render->cr, rgb[0], rgb[1], rgb[2], CC_PDF_HIGHLIGHT_ALPHA + 0.2);
      cairo_rectangle (render->cr, ar->notes_x, y + (height - 7.0) / 2, 10.0, 7.0);
      cairo_fill (render->cr);
      /* As a path, like the note markers: the key stays out of the text
       * that readers copy and search, which is the article's. */
      cairo_set_source_rgb (render->cr, CC_PDF_MUTED);
      cairo_move_to (render->cr, ar->notes_x + 14.0, y);
      pango_cairo_layout_path (render->cr, layout);
      cairo_fill (render->cr);
      y += height + 1.0;
    }

  return y + NOTE_GAP;
}

/* Queues the notes of the marks that begin on @line. */
static void
queue_notes (ArticleRender *ar,
             guint          line_index)
{
  Line *line = &g_array_index (ar->lines, Line, line_index);
  int next_start = G_MAXINT;

  if (line_index + 1 < ar->lines->len)
    next_start = g_array_index (ar->lines, Line, line_index + 1).start;

  for (guint i = 0; i < ar->article->marks->len; i++)
    {
      CcPdfMark *mark = &g_array_index (ar->article->marks, CcPdfMark, i);
      PendingNote pending = { mark, line->y - line->ascent };

      if ((int)mark->start >= next_start)
        break;
      if (mark->note_number > 0 && (int)mark->start >= line->start)
        g_array_append_val (ar->pending_notes, pending);
    }
}

gboolean
_cc_pdf_render_article (CcPdfRender   *render,
                        CcPdfArticle  *article,
                        GError       **error)
{
  ArticleRender ar = { 0 };
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (PendingNote));
  g_autofree CcPdfAnnot **open_annots = g_new0 (CcPdfAnnot *, article->marks->len + 1);
  guint n_pages;
  guint line_index = 0;

  ar.render = render;
  ar.article = article;
  ar.lines = lines;
  ar.open_annots = open_annots;
  ar.pending_notes = pending;
  ar.text_x = render->margin_left;
  ar.notes_x = render->margin_left + render->text_width + render->gutter;

  _cc_pdf_begin_page (render);
  ar.first_top = render->margin_top + draw_header (&ar, render->margin_top);
  ar.notes_top = draw_colour_key (&ar, ar.first_top);

  ar.layout = _cc_pdf_layout_new (render, BODY_FONT, article->text, render->text_width);
  pango_layout_set_wrap (ar.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (ar.layout, LINE_SPACING);
  collect_lines (&ar);
  n_pages = paginate (&ar);

  for (guint page = 0; page < n_pages; page++)
    {
      if (page > 0)
        {
          if (g_cancellable_set_error_if_cancelled (render->cancellable, error))
            {
              g_object_unref (ar.layout);
              return FALSE;
            }
          _cc_pdf_begin_page (render);
        }

      for (; line_index < lines->len; line_index++)
        {
          Line *line = &g_array_index (lines, Line, line_index);

          if (line->page != page)
            break;

          draw_line (&ar, line);
          queue_notes (&ar, line_index);
        }

      draw_notes (&ar);
      _cc_pdf_end_page (render);
    }

  /* Notes that found no room beside the text get pages of their own. */
  while (pending->len > 0)
    {
      guint before = pending->len;

      _cc_pdf_begin_page (render);
      draw_notes (&ar);
      _cc_pdf_end_page (render);
      g_assert (pending->len < before);
    }

  g_object_unref (ar.layout);

  return TRUE;
}
