/* cc-pdf-exporter-annots.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adds highlight and link annotations to the PDF that cairo wrote, as an
 * incremental update (PDF 1.7, section 7.5.6): the new objects, a new
 * version of each page that gets annotations, and a cross-reference
 * section pointing back at cairo's are appended; nothing cairo wrote is
 * changed. Each annotation carries its own appearance stream, so readers
 * that do not draw highlights themselves still show it.
 *
 * Reading cairo's output needs only a small part of PDF: the classic
 * cross-reference table that cairo writes for PDF 1.4, dictionaries,
 * arrays and references. Anything else is refused with an error rather
 * than guessed at. (Why not poppler: see cc-pdf-exporter.c.) */

#define G_LOG_DOMAIN "cc-pdf-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-pdf-exporter-private.h"

typedef struct
{
  const char *data;
  gsize       length;
  GArray     *offsets;   /* gsize per object number; 0 when free or unknown */
} Pdf;

/* A span of the file holding one value, as written. */
typedef struct
{
  gsize start;
  gsize end;
} Span;

static gboolean
is_white (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static gsize
skip_white (const Pdf *pdf,
            gsize      pos)
{
  while (pos < pdf->length)
    {
      if (pdf->data[pos] == '%')
        {
          while (pos < pdf->length && pdf->data[pos] != '\n' && pdf->data[pos] != '\r')
            pos++;
        }
      else if (is_white (pdf->data[pos]))
        pos++;
      else
        break;
    }

  return pos;
}

/* Moves past a regular token (a number, a keyword or a name's body). */
static gsize
skip_regular (const Pdf *pdf,
              gsize      pos)
{
  while (pos < pdf->length && !is_white (pdf->data[pos]) && !is_delimiter (pdf->data[pos]))
    pos++;
  return pos;
}

static gboolean
read_uint (const Pdf *pdf,
           gsize     *pos,
           guint64   *value)
{
  gsize start = skip_white (pdf, *pos);
  gsize end = skip_regular (pdf, start);
  g_autofree char *token = NULL;

  if (end == start || end - start > 19)
    return FALSE;
  token = g_strndup (pdf->data + start, end - start);
  if (!g_ascii_string_to_unsigned (token, 10, 0, G_MAXUINT64, value, NULL))
    return FALSE;
  *pos = end;
  return TRUE;
}

static gboolean
read_keyword (const Pdf  *pdf,
              gsize      *pos,
              const char *keyword)
{
  gsize start = skip_white (pdf, *pos);
  gsize len = strlen (keyword);

  if (start + len > pdf->length || memcmp (pdf->data + start, keyword, len) != 0)
    return FALSE;
  if (start + len < pdf->length && !is_white (pdf->data[start + len]) &&
      !is_delimiter (pdf->data[start + len]))
    return FALSE;
  *pos = start + len;
  return TRUE;
}

/* Moves past one value; "12 0 R" counts as one. */
static gboolean
skip_value (const Pdf *pdf,
            gsize     *pos,
            guint      depth)
{
  gsize p = skip_white (pdf, *pos);
  char c;

  if (p >= pdf->length || depth > 32)
    return FALSE;

  c = pdf->data[p];
  if (c == '<' && p + 1 < pdf->length && pdf->data[p + 1] == '<')
    {
      p += 2;
      for (;;)
        {
          p = skip_white (pdf, p);
          if (p + 1 < pdf->length && pdf->data[p] == '>' && pdf->data[p + 1] == '>')
            {
              *pos = p + 2;
              return TRUE;
            }
          if (!skip_value (pdf, &p, depth + 1) || !skip_value (pdf, &p, depth + 1))
            return FALSE;
        }
    }
  else if (c == '<')
    {
      const char *end = memchr (pdf->data + p, '>', pdf->length - p);

      if (end == NULL)
        return FALSE;
      *pos = end - pdf->data + 1;
      return TRUE;
    }
  else if (c == '[')
    {
      p++;
      for (;;)
        {
          p = skip_white (pdf, p);
          if (p < pdf->length && pdf->data[p] == ']')
            {
              *pos = p + 1;
              return TRUE;
            }
          if (!skip_value (pdf, &p, depth + 1))
            return FALSE;
        }
    }
  else if (c == '(')
    {
      int nesting = 0;

      for (; p < pdf->length; p++)
        {
          if (pdf->data[p] == '\\')
            p++;
          else if (pdf->data[p] == '(')
            nesting++;
          else if (pdf->data[p] == ')' && --nesting == 0)
            {
              *pos = p + 1;
              return TRUE;
            }
        }
      return FALSE;
    }
  else if (c == '/')
    {
      *pos = skip_regular (pdf, p + 1);
      return TRUE;
    }
  else if (!is_delimiter (c))
    {
      gsize end = skip_regular (pdf, p);
      gsize q = end;
      guint64 number;

      /* An indirect reference: two integers and R. */
      if (read_uint (pdf, &q, &number) && read_keyword (pdf, &q, "R"))
        {
          gsize first = p;
          guint64 unused;

          if (read_uint (pdf, &first, &unused))
            {
              *pos = q;
              return TRUE;
            }
        }
      *pos = end;
      return end > p;
    }

  return FALSE;
}

/* Finds @key in the dictionary starting at @dict. */
static gboolean
dict_lookup (const Pdf  *pdf,
             gsize       dict,
             const char *key,
             Span       *value)
{
  gsize p = skip_white (pdf, dict);
  gsize key_len = strlen (key);

  if (p + 1 >= pdf->length || pdf->data[p] != '<' || pdf->data[p + 1] != '<')
    return FALSE;
  p += 2;

  for (;;)
    {
      gsize key_start;
      gsize key_end;

      p = skip_white (pdf, p);
      if (p + 1 >= pdf->length || (pdf->data[p] == '>' && pdf->data[p + 1] == '>'))
        return FALSE;
      if (pdf->data[p] != '/')
        return FALSE;
      key_start = p + 1;
      key_end = skip_regular (pdf, key_start);
      p = key_end;
      value->start = skip_white (pdf, p);
      if (!skip_value (pdf, &p, 0))
        return FALSE;
      value->end = p;
      if (key_end - key_start == key_len && memcmp (pdf->data + key_start, key, key_len) == 0)
        return TRUE;
    }
}

static gboolean
span_to_ref (const Pdf *pdf,
             Span       span,
             guint     *number)
{
  gsize p = span.start;
  guint64 num, gen;

  if (!read_uint (pdf, &p, &num) || !read_uint (pdf, &p, &gen) || !read_keyword (pdf, &p, "R"))
    return FALSE;
  if (num >= G_MAXUINT)
    return FALSE;
  *number = (guint)num;
  return TRUE;
}

/* The offset of the value of object @number. */
static gboolean
find_object (const Pdf *pdf,
             guint      number,
             gsize     *value)
{
  gsize p;
  guint64 num, gen;

  if (number >= pdf->offsets->len || g_array_index (pdf->offsets, gsize, number) == 0)
    return FALSE;

  p = g_array_index (pdf->offsets, gsize, number);
  if (!read_uint (pdf, &p, &num) || num != number || !read_uint (pdf, &p, &gen) ||
      !read_keyword (pdf, &p, "obj"))
    return FALSE;

  *value = skip_white (pdf, p);
  return TRUE;
}

/* Reads the cross-reference table at @pos and the trailer after it. */
static gboolean
read_xref (Pdf   *pdf,
           gsize  pos,
           gsize *trailer)
{
  if (!read_keyword (pdf, &pos, "xref"))
    return FALSE;

  for (;;)
    {
      guint64 first, count;
      gsize save = pos;

      if (read_keyword (pdf, &pos, "trailer"))
        {
          *trailer = skip_white (pdf, pos);
          return TRUE;
        }
      pos = save;
      if (!read_uint (pdf, &pos, &first) || !read_uint (pdf, &pos, &count) ||
          first + count > 10000000)
        return FALSE;

      if (pdf->offsets->len < first + count)
        g_array_set_size (pdf->offsets, first + count);

      for (guint64 i = 0; i < count; i++)
        {
          guint64 offset, gen;
          gsize type;

          if (!read_uint (pdf, &pos, &offset) || !read_uint (pdf, &pos, &gen))
            return FALSE;
          type = skip_white (pdf, pos);
          if (type >= pdf->length || (pdf->data[type] != 'n' && pdf->data[type] != 'f'))
            return FALSE;
          pos = type + 1;
          /* Older sections do not override what a newer one said. */
          if (pdf->data[type] == 'n' && offset < pdf->length &&
              g_array_index (pdf->offsets, gsize, first + i) == 0)
            g_array_index (pdf->offsets, gsize, first + i) = offset;
        }
    }
}

static gboolean
collect_pages (const Pdf *pdf,
               guint      node,
               GArray    *pages,
               guint      depth)
{
  gsize value;
  Span type, kids;
  gsize p;

  if (depth > 16 || !find_object (pdf, node, &value) ||
      !dict_lookup (pdf, value, "Type", &type))
    return FALSE;

  if (type.end - type.start == 5 && memcmp (pdf->data + type.start, "/Page", 5) == 0)
    {
      g_array_append_val (pages, node);
      return TRUE;
    }

  if (!dict_lookup (pdf, value, "Kids", &kids) || pdf->data[kids.start] != '[')
    return FALSE;

  for (p = kids.start + 1;;)
    {
      Span ref;
      guint kid;

      p = skip_white (pdf, p);
      if (p >= kids.end || pdf->data[p] == ']')
        return TRUE;
      ref.start = p;
      if (!skip_value (pdf, &p, 0))
        return FALSE;
      ref.end = p;
      if (!span_to_ref (pdf, ref, &kid) || !collect_pages (pdf, kid, pages, depth + 1))
        return FALSE;
    }
}

static void
append_text_string (GString    *out,
                    const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  /* UTF-16BE with a byte order mark: the PDF encoding of any text. */
  utf16 = g_utf8_to_utf16 (text ? text : "", -1, NULL, &n, NULL);
  g_string_append (out, "<FEFF");
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
}

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  g_string_append (out, buf);
}

static void
append_numbers (GString      *out,
                const double *values,
                guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, values[i]);
    }
}

static void
begin_object (GString *out,
              GArray  *written,
              guint    number)
{
  gsize entry[2] = { number, out->len };

  g_array_append_vals (written, entry, 2);
  g_string_append_printf (out, "%u 0 obj\n", number);
}

/* The appearance: the quadrilaterals filled in the annotation's colour,
 * multiplied onto the page as a highlighter would. */
static void
append_appearance (GString    *out,
                   GArray     *written,
                   guint       number,
                   CcPdfAnnot *annot)
{
  g_autoptr(GString) stream = g_string_new ("/G0 gs\n");

  append_numbers (stream, annot->rgb, 3);
  g_string_append (stream, " rg\n");
  for (guint i = 0; i + 8 <= annot->quads->len; i += 8)
    {
      const double *q = &g_array_index (annot->quads, double, i);

      /* Upper left, upper right, lower right, lower left. */
      append_numbers (stream, q, 2);
      g_string_append (stream, " m ");
      append_numbers (stream, q + 2, 2);
      g_string_append (stream, " l ");
      append_numbers (stream, q + 6, 2);
      g_string_append (stream, " l ");
      append_numbers (stream, q + 4, 2);
      g_string_append (stream, " l h f\n");
    }

  begin_object (out, written, number);
  g_string_append (out, "<< /Type /XObject /Subtype /Form /BBox [ ");
  append_numbers (out, annot->rect, 4);
  g_string_append (out, " ] /Resources << /ExtGState << /G0 << /BM /Multiply /ca ");
  append_number (out, CC_PDF_HIGHLIGHT_ALPHA);
  g_string_append (out, " /CA ");
  append_number (out, CC_PDF_HIGHLIGHT_ALPHA);
  g_string_append_printf (out, " >> >> >> /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                          stream->len);
  g_string_append_len (out, stream->str, stream->len);
  g_string_append (out, "\nendstream\nendobj\n");
}

static void
append_annotation (GString    *out,
                   GArray     *written,
                   guint       number,
                   guint       appearance,
                   guint       page,
                   CcPdfAnnot *annot,
                   const char *author,
                   const char *date)
{
  begin_object (out, written, number);
  g_string_append (out, "<< /Type /Annot /Subtype /Highlight /F 4 /Rect [ ");
  append_numbers (out, annot->rect, 4);
  g_string_append (out, " ] /QuadPoints [ ");
  append_numbers (out, &g_array_index (annot->quads, double, 0), annot->quads->len);
  g_string_append (out, " ] /C [ ");
  append_numbers (out, annot->rgb, 3);
  g_string_append (out, " ] /CA ");
  append_number (out, CC_PDF_HIGHLIGHT_ALPHA);
  g_string_append_printf (out, " /P %u 0 R /M (%s) /CreationDate (%s) /NM ", page, date, date);
  append_text_string (out, annot->name);
  if (annot->contents != NULL)
    {
      g_string_append (out, " /Contents ");
      append_text_string (out, annot->contents);
    }
  if (author != NULL)
    {
      g_string_append (out, " /T ");
      append_text_string (out, author);
    }
  g_string_append_printf (out, " /AP << /N %u 0 R >> >>\nendobj\n", appearance);
}

/* A link: the box, no border, and the URI as a hex string, which needs
 * no escaping. */
static void
append_link (GString    *out,
             GArray     *written,
             guint       number,
             guint       page,
             CcPdfAnnot *annot)
{
  begin_object (out, written, number);
  g_string_append (out, "<< /Type /Annot /Subtype /Link /F 4 /Rect [ ");
  append_numbers (out, annot->rect, 4);
  g_string_append_printf (out, " ] /Border [ 0 0 0 ] /P %u 0 R /A << /S /URI /URI <", page);
  for (const char *p = annot->uri; *p != '\0'; p++)
    g_string_append_printf (out, "%02X", (guchar)*p);
  g_string_append (out, "> >> >>\nendobj\n");
}

/* A new version of page @number whose /Annots lists @refs after any
 * annotations it had (cairo's links). */
static gboolean
append_page (GString   *out,
             GArray    *written,
             const Pdf *pdf,
             guint      number,
             GString   *refs)
{
  gsize value;
  gsize p;

  if (!find_object (pdf, number, &value))
    return FALSE;

  begin_object (out, written, number);
  g_string_append (out, "<<");

  for (p = value + 2;;)
    {
      gsize key_start;
      Span entry;

      p = skip_white (pdf, p);
      if (p + 1 >= pdf->length)
        return FALSE;
      if (pdf->data[p] == '>' && pdf->data[p + 1] == '>')
        break;
      key_start = p;
      p = skip_regular (pdf, p + 1);
      entry.start = skip_white (pdf, p);
      if (pdf->data[key_start] != '/' || !skip_value (pdf, &p, 0))
        return FALSE;
      entry.end = p;

      if (p - key_start >= 7 && memcmp (pdf->data + key_start, "/Annots", 7) == 0 &&
          (is_white (pdf->data[key_start + 7]) || is_delimiter (pdf->data[key_start + 7])))
        {
          Span array = entry;
          guint ref;

          if (span_to_ref (pdf, entry, &ref))
            {
              gsize array_start;

              if (!find_object (pdf, ref, &array_start))
                return FALSE;
              array.start = array_start;
              array.end = array_start;
              if (!skip_value (pdf, &array.end, 0))
                return FALSE;
            }
          if (pdf->data[array.start] != '[')
            return FALSE;
          g_string_insert_len (refs, 0, pdf->data + array.start + 1,
                               array.end - array.start - 2);
          continue;
        }

      g_string_append_c (out, ' ');
      g_string_append_len (out, pdf->data + key_start, entry.end - key_start);
    }

  g_string_append_printf (out, " /Annots [ %s ] >>\nendobj\n", refs->str);
  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const gsize *ea = a;
  const gsize *eb = b;

  return ea[0] < eb[0] ? -1 : ea[0] > eb[0];
}

static void
append_xref (GString *out,
             GArray  *written)
{
  guint n = written->len / 2;
  guint i = 0;

  qsort (written->data, n, 2 * sizeof (gsize), compare_entries);

  g_string_append (out, "xref\n0 1\n0000000000 65535 f \n");
  while (i < n)
    {
      guint run = 1;

      while (i + run < n && ((gsize *)written->data)[2 * (i + run)] ==
                            ((gsize *)written->data)[2 * i] + run)
        run++;
      g_string_append_printf (out, "%" G_GSIZE_FORMAT " %u\n",
                              ((gsize *)written->data)[2 * i], run);
      for (guint j = 0; j < run; j++)
        g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n",
                                ((gsize *)written->data)[2 * (i + j) + 1]);
      i += run;
    }
}

static gboolean
structure_error (GError **error)
{
  g_set_error (error, CC_PDF_EXPORT_ERROR, CC_PDF_EXPORT_ERROR_STRUCTURE,
               _("Could not add the highlights as annotations: the PDF that cairo wrote "
                 "has a structure this version of Crosscheck does not know"));
  return FALSE;
}

/**
 * _cc_pdf_add_annotations:
 * @pdf: a whole PDF file, to which the update is appended
 * @annots: (element-type CcPdfAnnot): the annotations, with their pages
 *
 * Returns: %TRUE when the annotations were added
 */
gboolean
_cc_pdf_add_annotations (GByteArray  *pdf_bytes,
                         GPtrArray   *annots,
                         const char  *author,
                         GError     **error)
{
  Pdf pdf = { (const char *)pdf_bytes->data, pdf_bytes->len, NULL };
  g_autoptr(GArray) offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) written = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) out = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "D:%Y%m%d%H%M%SZ");
  g_autofree GString **refs = NULL;
  const char *tail;
  gsize xref_pos, trailer;
  guint64 prev;
  Span root, info, id, size_span, pages_span;
  guint catalog, pages_root, next;
  gsize p, catalog_value, xref_start;
  guint64 size;

  if (annots->len == 0)
    return TRUE;

  pdf.offsets = offsets;

  /* "startxref N %%EOF" closes the file. */
  tail = g_strrstr_len (pdf.data + (pdf.length > 1024 ? pdf.length - 1024 : 0),
                        MIN (pdf.length, 1024), "startxref");
  if (tail == NULL)
    return structure_error (error);
  p = tail - pdf.data + strlen ("startxref");
  if (!read_uint (&pdf, &p, &prev) || prev >= pdf.length)
    return structure_error (error);
  xref_pos = prev;

  /* The newest table's trailer says where the document starts; cairo
   * writes one table, but follow /Prev in case there are older ones. */
  if (!read_xref (&pdf, xref_pos, &trailer))
    return structure_error (error);
  for (gsize older_trailer = trailer, hops = 0; hops < 8; hops++)
    {
      Span prev_span;
      guint64 older;

      if (!dict_lookup (&pdf, older_trailer, "Prev", &prev_span))
        break;
      p = prev_span.start;
      if (!read_uint (&pdf, &p, &older) || older >= pdf.length ||
          !read_xref (&pdf, older, &older_trailer))
        return structure_error (error);
    }

  if (!dict_lookup (&pdf, trailer, "Root", &root) || !span_to_ref (&pdf, root, &catalog) ||
      !dict_lookup (&pdf, trailer, "Size", &size_span) ||
      !find_object (&pdf, catalog, &catalog_value) ||
      !dict_lookup (&pdf, catalog_value, "Pages", &pages_span) ||
      !span_to_ref (&pdf, pages_span, &pages_root) ||
      !collect_pages (&pdf, pages_root, pages, 0))
    return structure_error (error);
  p = size_span.start;
  if (!read_uint (&pdf, &p, &size) || size >= G_MAXUINT / 2)
    return structure_error (error);

  out = g_string_new ("\n");
  refs = g_new0 (GString *, pages->len);
  next = (guint)size;

  for (guint i = 0; i < annots->len; i++)
    {
      CcPdfAnnot *annot = g_ptr_array_index (annots, i);
      guint page_ref;

      guint number;

      if (annot->page >= pages->len || (annot->uri == NULL && annot->quads->len < 8))
        return structure_error (error);
      page_ref = g_array_index (pages, guint, annot->page);

      if (annot->uri != NULL)
        {
          number = next;
          append_link (out, written, number, page_ref, annot);
          next += 1;
        }
      else
        {
          number = next + 1;
          append_appearance (out, written, next, annot);
          append_annotation (out, written, number, next, page_ref, annot, author, date);
          next += 2;
        }
      if (refs[annot->page] == NULL)
        refs[annot->page] = g_string_new (NULL);
      g_string_append_printf (refs[annot->page], "%s%u 0 R",
                              refs[annot->page]->len > 0 ? " " : "", number);
    }

  for (guint i = 0; i < pages->len; i++)
    {
      gboolean ok;

      if (refs[i] == NULL)
        continue;
      ok = append_page (out, written, &pdf, g_array_index (pages, guint, i), refs[i]);
      g_string_free (refs[i], TRUE);
      refs[i] = NULL;
      if (!ok)
        {
          for (guint j = i + 1; j < pages->len; j++)
            if (refs[j] != NULL)
              g_string_free (refs[j], TRUE);
          return structure_error (error);
        }
    }

  /* Offsets so far count from the start of @out; make them absolute. */
  for (guint i = 1; i < written->len; i += 2)
    g_array_index (written, gsize, i) += pdf.length;

  xref_start = pdf.length + out->len;
  append_xref (out, written);
  g_string_append_printf (out, "trailer\n<< /Size %u /Root ", next);
  g_string_append_len (out, pdf.data + root.start, root.end - root.start);
  if (dict_lookup (&pdf, trailer, "Info", &info))
    {
      g_string_append (out, " /Info ");
      g_string_append_len (out, pdf.data + info.start, info.end - info.start);
    }
  if (dict_lookup (&pdf, trailer, "ID", &id))
    {
      g_string_append (out, " /ID ");
      g_string_append_len (out, pdf.data + id.start, id.end - id.start);
    }
  g_string_append_printf (out, " /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", prev, xref_start);

  g_byte_array_append (pdf_bytes, (const guint8 *)out->str, out->len);

  return TRUE;
}
