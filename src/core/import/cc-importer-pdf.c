/* cc-importer-pdf.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* PDF: the article text of a document, read with poppler in reading
 * order, line by line with each line's box and font size.
 *
 * The size that most characters have is the text's. Smaller lines are
 * small print (margin notes, captions, footers) and are left out, as are
 * lines repeated at the top or foot of most pages (running heads) and lone
 * page numbers there. cc-importer-pdf-header.c reads the title, date,
 * outlet and address from the head of the first page, and
 * cc-importer-pdf-text.c joins the lines into paragraphs.
 *
 * A document without any text (a scan) and one locked by a password are
 * refused, saying so. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "cc-article.h"
#include "cc-importer-pdf-private.h"
#include "cc-importer-private.h"

/* Against the text's font size: smaller is small print, larger a heading. */
#define SMALL_RATIO    0.88
#define HEADING_RATIO  1.15
/* The bands at the top and the foot of a page where running heads are. */
#define HEAD_BAND      0.12
/* Where a document may begin after stray bytes, as readers allow. */
#define MAGIC_REACH    1024
/* Against the line's size: smaller characters are superscripts. */
#define SUPERSCRIPT_RATIO 0.72
/* A line with more font sizes than this counts the first ones only. */
#define MAX_LINE_SIZES 8
/* More pages than this are no article. */
#define MAX_PAGES      5000

typedef struct
{
  double size;
  guint  count;
} SizeCount;

typedef struct
{
  gunichar c;
  float    size;             /* 0 when unknown */
  float    x0, y0, x1, y1;   /* x0 > x1 when unknown */
} Char;

typedef struct
{
  GArray   *chars;           /* Char */
  GString  *text;
  SizeCount sizes[MAX_LINE_SIZES];
  guint     n_sizes;
} LineBuilder;

static void
pdf_line_clear (gpointer data)
{
  PdfLine *line = data;

  g_free (line->text);
}

gboolean
_cc_importer_is_pdf (const char *data,
                     gsize       length)
{
  for (gsize i = 0; i + 5 <= length && i < MAGIC_REACH; i++)
    {
      if (memcmp (data + i, "%PDF-", 5) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
append_char (GString  *text,
             gunichar  c)
{
  /* Ligatures as their letters, so that the words are found. */
  static const char * const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };

  if (c >= 0xFB00 && c <= 0xFB06)
    g_string_append (text, ligatures[c - 0xFB00]);
  else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFD)
    g_string_append_c (text, ' ');
  else
    g_string_append_unichar (text, c);
}

static void
builder_reset (LineBuilder *b)
{
  g_array_set_size (b->chars, 0);
  g_string_truncate (b->text, 0);
  b->n_sizes = 0;
}

/* Makes the line's text and box of its characters, leaving out those far
 * smaller than the line's size: footnote marks and other superscripts,
 * which would run into the words and numbers beside them. */
static void
builder_build (LineBuilder *b,
               double       size,
               PdfLine     *line)
{
  line->x0 = line->y0 = G_MAXDOUBLE;
  line->x1 = line->y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < b->chars->len; i++)
    {
      Char *ch = &g_array_index (b->chars, Char, i);
      gboolean space = g_unichar_isspace (ch->c) || ch->c < 0x20;

      if (!space && ch->size > 0 && ch->size < size * SUPERSCRIPT_RATIO)
        continue;
      append_char (b->text, ch->c);
      if (space || ch->x0 > ch->x1)
        continue;
      line->x0 = MIN (line->x0, ch->x0);
      line->y0 = MIN (line->y0, ch->y0);
      line->x1 = MAX (line->x1, ch->x1);
      line->y1 = MAX (line->y1, ch->y1);
    }

  if (line->x0 > line->x1)
    line->x0 = line->y0 = line->x1 = line->y1 = 0;
}

static void
builder_count_size (LineBuilder *b,
                    double       size)
{
  for (guint i = 0; i < b->n_sizes; i++)
    {
      if (fabs (b->sizes[i].size - size) < 0.05)
        {
          b->sizes[i].count++;
          return;
        }
    }

  if (b->n_sizes < MAX_LINE_SIZES)
    b->sizes[b->n_sizes++] = (SizeCount) { size, 1 };
}

/* Ends the line being built, keeping it if it holds more than blanks.
 * @sizes counts the characters of each font size, in tenths of a point. */
static void
builder_flush (LineBuilder *b,
               guint        page,
               GArray      *lines,
               GHashTable  *sizes)
{
  PdfLine line = { 0 };
  guint best = 0;

  for (guint i = 0; i < b->n_sizes; i++)
    {
      if (b->sizes[i].count > best)
        {
          best = b->sizes[i].count;
          line.size = b->sizes[i].size;
        }
    }

  builder_build (b, line.size, &line);
  g_strstrip (b->text->str);
  b->text->len = strlen (b->text->str);

  if (b->text->len > 0)
    {
      for (guint i = 0; i < b->n_sizes; i++)
        {
          gpointer key = GINT_TO_POINTER ((int)lround (b->sizes[i].size * 10));

          g_hash_table_insert (sizes, key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, key)) +
                                                 b->sizes[i].count));
        }

      line.text = g_strdup (b->text->str);
      line.page = page;
      line.kind = PDF_LINE_BODY;
      g_array_append_val (lines, line);
    }

  builder_reset (b);
}

/* Reads the lines of one page. Returns the number of bytes of text. */
static gsize
read_page (PopplerPage *page,
           guint        index,
           GArray      *lines,
           GHashTable  *sizes)
{
  g_autofree char *raw = poppler_page_get_text (page);
  g_autofree char *text = NULL;
  g_autofree double *char_sizes = NULL;
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *attributes;
  LineBuilder b = { 0 };
  Char ch;
  glong n_chars;
  glong i = 0;

  if (raw == NULL || *raw == '\0')
    return 0;

  text = g_utf8_make_valid (raw, -1);
  n_chars = g_utf8_strlen (text, -1);

  /* Both are indexed by the characters of the page's text. */
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  char_sizes = g_new0 (double, n_chars + 1);
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *attr = l->data;

      if (!isfinite (attr->font_size) || attr->font_size <= 0 || attr->font_size > 10000)
        continue;
      for (glong k = MAX (attr->start_index, 0); k <= attr->end_index && k < n_chars; k++)
        char_sizes[k] = attr->font_size;
    }
  poppler_page_free_text_attributes (attributes);

  b.text = g_string_new (NULL);
  b.chars = g_array_new (FALSE, FALSE, sizeof (Char));
  builder_reset (&b);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          builder_flush (&b, index, lines, sizes);
          continue;
        }

      ch.c = c;
      ch.size = char_sizes[i];
      ch.x0 = ch.y0 = 1;
      ch.x1 = ch.y1 = 0;
      if ((guint)i < n_rects &&
          isfinite (rects[i].x1) && isfinite (rects[i].y1) &&
          isfinite (rects[i].x2) && isfinite (rects[i].y2))
        {
          ch.x0 = MIN (rects[i].x1, rects[i].x2);
          ch.x1 = MAX (rects[i].x1, rects[i].x2);
          ch.y0 = MIN (rects[i].y1, rects[i].y2);
          ch.y1 = MAX (rects[i].y1, rects[i].y2);
        }
      g_array_append_val (b.chars, ch);

      if (!g_unichar_isspace (c) && c >= 0x20 && ch.size > 0)
        builder_count_size (&b, ch.size);
    }
  builder_flush (&b, index, lines, sizes);

  g_string_free (b.text, TRUE);
  g_array_unref (b.chars);
  g_free (rects);

  return strlen (text);
}

static double
most_common_size (GHashTable *sizes)
{
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  int size = 0;

  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int k = GPOINTER_TO_INT (key);

      if (GPOINTER_TO_UINT (value) > best || (GPOINTER_TO_UINT (value) == best && k < size))
        {
          best = GPOINTER_TO_UINT (value);
          size = k;
        }
    }

  return size / 10.0;
}

/* "7", "- 7 -", "Page 7", "7 of 12", "7/12". */
static gboolean
is_page_number (const char *text)
{
  const char *p = text;
  guint digits = 0;

  if (g_ascii_strncasecmp (p, "page ", 5) == 0)
    p += 5;
  else if (g_ascii_strncasecmp (p, "p. ", 3) == 0)
    p += 3;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++digits > 8)
            return FALSE;
        }
      else if (!(*p == ' ' || *p == '-' || *p == '/' ||
                 (g_ascii_strncasecmp (p, "of ", 3) == 0 && (p += 2)) ||
                 (g_str_has_prefix (p, "–") && (p += strlen ("–") - 1)) ||
                 (g_str_has_prefix (p, "—") && (p += strlen ("—") - 1))))
        return FALSE;
    }

  return digits > 0;
}

/* The line's text with its digits as '#', with the band it stands in, or
 * NULL when it stands in neither. */
static char *
band_key (const PdfLine *line,
          const double  *heights)
{
  double height = heights[line->page];
  char *key;

  if (height <= 0 || line->x0 >= line->x1)
    return NULL;
  if (line->y1 <= height * HEAD_BAND)
    key = g_strconcat ("t", line->text, NULL);
  else if (line->y0 >= height * (1 - HEAD_BAND))
    key = g_strconcat ("b", line->text, NULL);
  else
    return NULL;

  for (char *p = key; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        *p = '#';
    }

  return key;
}

/* Drops page numbers and what is repeated at the top or the foot of most
 * pages: a running title, an outlet's name, "Page 3 of 7". */
static void
drop_running_heads (GArray       *lines,
                    const double *heights,
                    guint         n_text_pages)
{
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  /* How many pages each text stands on; lines come page by page. */
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      char *key = band_key (line, heights);
      gpointer last;

      g_ptr_array_add (keys, key);
      if (key == NULL)
        continue;
      last = g_hash_table_lookup (pages, key);
      if (last != NULL && GPOINTER_TO_UINT (last) == line->page + 1)
        continue;
      g_hash_table_insert (pages, g_strdup (key), GUINT_TO_POINTER (line->page + 1));
      g_hash_table_insert (counts, g_strdup (key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      const char *key = g_ptr_array_index (keys, i);
      guint count;

      if (key == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      if (is_page_number (line->text) || (count >= 2 && count * 2 >= n_text_pages))
        line->kind = PDF_LINE_DROPPED;
    }
}

static void
classify_sizes (GArray *lines,
                double  body_size)
{
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);

      if (line->kind == PDF_LINE_DROPPED || line->size <= 0 || body_size <= 0)
        continue;
      if (line->size < body_size * SMALL_RATIO)
        line->kind = PDF_LINE_DROPPED;
      else if (line->size > body_size * HEADING_RATIO)
        line->kind = PDF_LINE_HEADING;
    }
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* Adds the pages the bookmarks under @iter lead to; with @groups, only
 * those of bookmarks inside a group ("Articles" in a report). */
static void
add_bookmark_pages (PopplerDocument  *document,
                    PopplerIndexIter *iter,
                    gboolean          groups,
                    GArray           *pages)
{
  do
    {
      g_autoptr(PopplerIndexIter) child = poppler_index_iter_get_child (iter);
      PopplerAction *action;
      PopplerDest *dest = NULL;

      if (child != NULL)
        {
          if (groups)
            add_bookmark_pages (document, child, FALSE, pages);
          continue;
        }
      if (groups || pages->len >= MAX_PAGES)
        continue;

      action = poppler_index_iter_get_action (iter);
      if (action != NULL && action->type == POPPLER_ACTION_GOTO_DEST &&
          action->goto_dest.dest != NULL)
        {
          if (action->goto_dest.dest->type == POPPLER_DEST_NAMED)
            dest = poppler_document_find_dest (document, action->goto_dest.dest->named_dest);
          else
            dest = poppler_dest_copy (action->goto_dest.dest);
        }
      if (dest != NULL && dest->page_num >= 1)
        {
          int page = dest->page_num - 1;

          g_array_append_val (pages, page);
        }
      g_clear_pointer (&dest, poppler_dest_free);
      g_clear_pointer (&action, poppler_action_free);
    }
  while (poppler_index_iter_next (iter));
}

/* The first page of each article in a PDF the app exported, from its
 * bookmarks: one per article, grouped under one bookmark in a report,
 * whose first pages are not an article's. */
static GArray *
article_starts (PopplerDocument *document,
                int              n_pages)
{
  g_autoptr(PopplerIndexIter) iter = poppler_index_iter_new (document);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean groups = FALSE;

  if (iter == NULL)
    return starts;

  do
    {
      g_autoptr(PopplerIndexIter) child = poppler_index_iter_get_child (iter);

      groups |= child != NULL;
    }
  while (poppler_index_iter_next (iter));

  g_clear_pointer (&iter, poppler_index_iter_free);
  iter = poppler_index_iter_new (document);
  add_bookmark_pages (document, iter, groups, starts);
  g_array_sort (starts, compare_ints);

  /* In range, and each page once. */
  for (guint i = 0; i < starts->len;)
    {
      int page = g_array_index (starts, int, i);

      if (page >= n_pages || (i > 0 && page == g_array_index (starts, int, i - 1)))
        g_array_remove_index (starts, i);
      else
        i++;
    }

  return starts;
}

/* The lines of the pages from @from up to @to, sharing their texts.
 * Lines come page by page: @next is where to look, and moves past them. */
static GArray *
lines_between (GArray *lines,
               guint  *next,
               int     from,
               int     to)
{
  GArray *part = g_array_new (FALSE, FALSE, sizeof (PdfLine));

  for (; *next < lines->len; (*next)++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, *next);

      if ((int)line->page >= to)
        break;
      if ((int)line->page >= from)
        g_array_append_val (part, *line);
    }

  return part;
}

static gboolean
has_text (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      if (g_array_index (lines, PdfLine, i).kind != PDF_LINE_DROPPED)
        return TRUE;
    }

  return FALSE;
}

static PopplerDocument *
open_document (const char  *name,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document != NULL)
    return document;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    _cc_importer_set_error (error, CC_IMPORT_ERROR_ENCRYPTED, name,
                            _("the PDF is locked with a password; save an unlocked copy "
                              "from a PDF reader and import that"));
  else
    _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                            _("not a readable PDF file (%s)"), local_error->message);

  return NULL;
}

/* @data is the whole file and begins with the PDF magic. A PDF the app
 * exported gives back each of its articles; any other, one. */
GPtrArray *
_cc_importer_parse_pdf (const char  *name,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
  g_autoptr(GHashTable) sizes = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) starts = NULL;
  g_autofree double *heights = NULL;
  g_autofree char *creator = NULL;
  gboolean own;
  guint next = 0;
  double body_size;
  guint n_text_pages = 0;
  gsize text_length = 0;
  int n_pages;

  g_array_set_clear_func (lines, pdf_line_clear);

  if (!(document = open_document (name, data, length, error)))
    return NULL;

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages > MAX_PAGES)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_TOO_LARGE, name,
                              _("the PDF has %d pages; the limit is %d"), n_pages, MAX_PAGES);
      return NULL;
    }
  heights = g_new0 (double, MAX (n_pages, 1));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      guint before = lines->len;
      double width;

      if (page == NULL)
        continue;
      poppler_page_get_size (page, &width, &heights[i]);
      text_length += read_page (page, i, lines, sizes);
      n_text_pages += lines->len > before;

      /* Compressed streams can hold far more text than the file's size. */
      if (text_length > CC_IMPORT_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (CC_IMPORT_MAX_SIZE);

          _cc_importer_set_error (error, CC_IMPORT_ERROR_TOO_LARGE, name,
                                  _("the PDF holds more than %s of text"), limit);
          return NULL;
        }
    }

  if (lines->len == 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_NO_TEXT, name,
                              n_pages > 0
                              ? _("the PDF has no text, only images (a scan?); run text "
                                  "recognition (OCR) on it first")
                              : _("the PDF has no pages"));
      return NULL;
    }

  body_size = most_common_size (sizes);
  drop_running_heads (lines, heights, n_text_pages);
  classify_sizes (lines, body_size);

  /* A scanner may print the page numbers and nothing else. */
  if (!has_text (lines))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_NO_TEXT, name,
                              _("the PDF has no text besides page numbers and running heads "
                                "(a scan?); run text recognition (OCR) on it first"));
      return NULL;
    }

  creator = poppler_document_get_creator (document);
  own = creator != NULL && g_str_has_prefix (creator, "Crosscheck ");
  starts = own ? article_starts (document, n_pages) : g_array_new (FALSE, FALSE, sizeof (int));
  if (starts->len == 0)
    {
      int first = 0;

      g_array_append_val (starts, first);
    }

  for (guint k = 0; k < starts->len; k++)
    {
      int to = k + 1 < starts->len ? g_array_index (starts, int, k + 1) : n_pages;
      g_autoptr(GArray) part = lines_between (lines, &next, g_array_index (starts, int, k), to);
      g_autoptr(CcArticle) article = cc_article_new ();
      g_autofree char *text = NULL;

      _cc_pdf_read_header (article, document, part);
      /* The app's own export never breaks a word with a hyphen of its own. */
      text = _cc_pdf_join_lines (part, body_size, !own);
      if (*text == '\0')
        continue;
      cc_article_set_text (article, text);
      g_ptr_array_add (articles, g_steal_pointer (&article));
    }

  if (articles->len == 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  return g_steal_pointer (&articles);
}
