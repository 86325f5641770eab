/* cc-importer-pdf-text.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Joins the lines a PDF shows into the paragraphs of the article, one
 * paragraph per line of the text, as the other importers give it.
 *
 * A paragraph ends where the gap to the next line is wider than the
 * text's usual line spacing, where the next line is indented, or where a
 * line ending a sentence stops well short of the column's right edge;
 * across a page or column break only the last two tell. The columns of a
 * page are the lines whose boxes overlap side by side, so that indents
 * and edges are measured in the column a line stands in. A word split by a
 * hyphen at a line end is joined again, unless the document writes it
 * with the hyphen elsewhere ("well-known"), or the hyphen follows a number
 * or a compound ("15-year-old"). */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <string.h>

#include "cc-importer-pdf-private.h"

/* How far back a word split at a line end is looked for, in bytes. */
#define MAX_WORD 64

typedef struct
{
  double left;
  double right;
} Column;

typedef struct
{
  GArray     *lines;
  Column     *columns;     /* per line */
  double      pitch;       /* the usual distance between two lines' tops */
  GHashTable *compounds;   /* hyphenated words, lower case */
  gboolean    hyphenates;  /* whether a line-end hyphen may be a break */
} Joiner;

static gboolean
is_kept (const PdfLine *line)
{
  return line->kind != PDF_LINE_DROPPED;
}

static gboolean
has_box (const PdfLine *line)
{
  return line->x0 < line->x1;
}

typedef struct
{
  double left;
  double right;
  guint  count;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->left > y->left) - (x->left < y->left);
}

/* The columns of the page whose lines are @from to @to: the lines of text
 * whose boxes overlap side by side, merged, left to right. */
static GArray *
page_columns (GArray *lines,
              guint   from,
              guint   to)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  guint n = 0;

  for (guint i = from; i < to; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);
      Span span = { line->x0, line->x1, 1 };

      if (line->kind == PDF_LINE_BODY && has_box (line))
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span *last = n > 0 ? &g_array_index (spans, Span, n - 1) : NULL;

      if (last != NULL && span->left <= last->right)
        {
          last->right = MAX (last->right, span->right);
          last->count++;
        }
      else
        g_array_index (spans, Span, n++) = *span;
    }
  g_array_set_size (spans, n);

  return spans;
}

/* The column of @columns that @line begins in, if it holds a few lines. */
static const Span *
column_at (GArray        *columns,
           const PdfLine *line)
{
  guint lo = 0, hi = columns->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (columns, Span, mid).left <= line->x0)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0)
    {
      const Span *span = &g_array_index (columns, Span, lo - 1);

      if (line->x0 <= span->right && span->count >= 3)
        return span;
    }

  return NULL;
}

/* The left and right edges of the column each line stands in. A page
 * with little text takes the columns of the page with the most. */
static Column *
find_columns (GArray *lines)
{
  Column *columns = g_new0 (Column, MAX (lines->len, 1));
  g_autoptr(GArray) fullest = NULL;
  guint best = 0;

  for (guint from = 0, to; from < lines->len; from = to)
    {
      guint page = g_array_index (lines, PdfLine, from).page;
      guint count = 0;

      for (to = from; to < lines->len && g_array_index (lines, PdfLine, to).page == page; to++)
        count += g_array_index (lines, PdfLine, to).kind == PDF_LINE_BODY;
      if (count > best)
        {
          best = count;
          g_clear_pointer (&fullest, g_array_unref);
          fullest = page_columns (lines, from, to);
        }
    }

  for (guint from = 0, to; from < lines->len; from = to)
    {
      guint page = g_array_index (lines, PdfLine, from).page;
      g_autoptr(GArray) spans = NULL;

      for (to = from; to < lines->len && g_array_index (lines, PdfLine, to).page == page; to++)
        ;
      spans = page_columns (lines, from, to);

      for (guint i = from; i < to; i++)
        {
          const PdfLine *line = &g_array_index (lines, PdfLine, i);
          const Span *span = column_at (spans, line);

          if (span == NULL && fullest != NULL)
            span = column_at (fullest, line);
          if (span != NULL)
            columns[i] = (Column) { span->left, span->right };
          else
            columns[i] = (Column) { line->x0, line->x1 };
        }
    }

  return columns;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median distance between the tops of two lines of text in a row. */
static double
find_pitch (GArray *lines,
            double  body_size)
{
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  const PdfLine *prev = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);

      if (!is_kept (line))
        continue;
      if (prev != NULL && prev->kind == PDF_LINE_BODY && line->kind == PDF_LINE_BODY &&
          prev->page == line->page && has_box (prev) && has_box (line))
        {
          double pitch = line->y0 - prev->y0;

          if (pitch > 0 && pitch < 3 * body_size)
            g_array_append_val (pitches, pitch);
        }
      prev = line;
    }

  if (pitches->len == 0)
    return 1.2 * body_size;

  g_array_sort (pitches, compare_doubles);

  return g_array_index (pitches, double, pitches->len / 2);
}

/* @word without the punctuation around it: "(well-known," is well-known. */
static char *
trim_word (const char *word)
{
  const char *start = word;
  const char *end = word + strlen (word);

  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
    end = g_utf8_find_prev_char (start, end);

  return g_utf8_strdown (start, end - start);
}

/* Collects the words written with a hyphen inside a line. */
static GHashTable *
find_compounds (GArray *lines)
{
  GHashTable *compounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);
      g_auto(GStrv) words = NULL;

      if (!is_kept (line) || strchr (line->text, '-') == NULL)
        continue;

      words = g_strsplit (line->text, " ", -1);
      for (guint j = 0; words[j] != NULL; j++)
        {
          char *word = trim_word (words[j]);
          const char *hyphen = strchr (word, '-');

          if (hyphen != NULL && hyphen != word && hyphen[1] != '\0')
            g_hash_table_add (compounds, word);
          else
            g_free (word);
        }
    }

  return compounds;
}

static gboolean
ends_sentence (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));

  if (last == NULL)
    return FALSE;

  return strchr (".!?:;\"')]", *last) != NULL ||
         g_str_has_prefix (last, "”") || g_str_has_prefix (last, "’");
}

static const Column *
column_of (Joiner        *j,
           const PdfLine *line)
{
  return &j->columns[line - &g_array_index (j->lines, PdfLine, 0)];
}

static gboolean
is_indented (Joiner        *j,
             const PdfLine *line)
{
  return line != NULL && has_box (line) &&
         line->x0 > column_of (j, line)->left + 0.6 * line->size;
}

static gboolean
is_short (Joiner        *j,
          const PdfLine *line)
{
  const Column *column = column_of (j, line);

  return has_box (line) &&
         line->x1 < column->right - MAX (0.1 * (column->right - column->left), 2 * line->size);
}

static gboolean
starts_paragraph (Joiner        *j,
                  const PdfLine *prev,
                  const PdfLine *line,
                  const PdfLine *next)
{
  gboolean flows_on;

  if (prev->kind != line->kind || (prev->kind == PDF_LINE_HEADING && prev->size != line->size))
    return TRUE;

  /* A first line indented, unlike the lines before or after it. */
  if (is_indented (j, line) && (!is_indented (j, prev) || (next != NULL && !is_indented (j, next))))
    return TRUE;

  if (is_short (j, prev) && ends_sentence (prev->text))
    return TRUE;

  /* The next line down on the same page, not a new page or column. */
  flows_on = prev->page == line->page && has_box (prev) && has_box (line) &&
             line->y0 > prev->y0 && line->y0 - prev->y0 < 4 * line->size;

  return flows_on && line->y0 - prev->y0 > j->pitch + 0.35 * line->size;
}

/* Whether the hyphen ending @out stays when the next line is added. */
static gboolean
keeps_hyphen (Joiner     *j,
              GString    *out,
              const char *next)
{
  g_autoptr(GString) compound = g_string_new (NULL);
  g_autofree char *lower = NULL;
  const char *start = out->str + out->len - 1;

  if (!j->hyphenates)
    return TRUE;

  /* A word, not a paragraph of letters with hyphens. */
  while (start > out->str && start[-1] != ' ' && start[-1] != '\n' &&
         out->str + out->len - start < MAX_WORD)
    start--;
  if (out->str + out->len - start >= MAX_WORD)
    return TRUE;
  g_string_append_len (compound, start, out->str + out->len - start);

  /* "15-year-" + "old" */
  for (gsize i = 0; i + 1 < compound->len; i++)
    {
      if (compound->str[i] == '-' || g_ascii_isdigit (compound->str[i]))
        return TRUE;
    }

  for (const char *p = next; *p != '\0' && g_unichar_isalpha (g_utf8_get_char (p));
       p = g_utf8_next_char (p))
    g_string_append_unichar (compound, g_utf8_get_char (p));
  lower = trim_word (compound->str);

  return g_hash_table_contains (j->compounds, lower);
}

/* Adds the next line of a paragraph to @out. */
static void
join_line (Joiner     *j,
           GString    *out,
           const char *text)
{
  const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
  const char *before = last != NULL ? g_utf8_find_prev_char (out->str, last) : NULL;
  gunichar c = last != NULL ? g_utf8_get_char (last) : 0;
  gunichar b = before != NULL ? g_utf8_get_char (before) : 0;
  gunichar next = g_utf8_get_char (text);

  if (c == 0xAD)
    {
      /* A soft hyphen is only ever a break. */
      g_string_truncate (out, last - out->str);
    }
  else if ((c == '-' || c == 0x2010) && g_unichar_isalpha (b))
    {
      if (g_unichar_islower (next) && !keeps_hyphen (j, out, text))
        g_string_truncate (out, last - out->str);
    }
  else if (!((c == 0x2014 || c == 0x2013 || c == '/') && b != 0 && !g_unichar_isspace (b)))
    g_string_append_c (out, ' ');

  g_string_append (out, text);
}

/* Returns the text of the lines that are not dropped, in paragraphs.
 * @hyphenates is FALSE when the document is known to break lines only
 * where the text has a space or a hyphen of its own. */
char *
_cc_pdf_join_lines (GArray   *lines,
                    double    body_size,
                    gboolean  hyphenates)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) compounds = find_compounds (lines);
  g_autofree Column *columns = find_columns (lines);
  Joiner j = { lines, columns, find_pitch (lines, body_size), compounds, hyphenates };
  const PdfLine *prev = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);
      const PdfLine *next = NULL;

      if (!is_kept (line))
        continue;

      for (guint k = i + 1; k < lines->len && next == NULL; k++)
        {
          const PdfLine *candidate = &g_array_index (lines, PdfLine, k);

          if (is_kept (candidate))
            next = candidate->page == line->page ? candidate : NULL;
          if (candidate->page != line->page)
            break;
        }

      if (prev == NULL)
        g_string_append (out, line->text);
      else if (starts_paragraph (&j, prev, line, next))
        {
          g_string_append_c (out, '\n');
          g_string_append (out, line->text);
        }
      else
        join_line (&j, out, line->text);

      prev = line;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
