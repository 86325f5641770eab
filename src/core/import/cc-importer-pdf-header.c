/* cc-importer-pdf-header.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The head of a PDF article's first page: the lines before its text. The
 * first run of the largest lines is the title (else the document's
 * properties give one), and the small lines under it may give the date,
 * the outlet and the address, as they do in the app's own export
 * ("Outlet · 2024-10-18" over the address). Else a short line of the
 * date among the first lines of the text gives it, or the publication
 * date in the document's metadata. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cc-article.h"
#include "cc-importer-pdf-private.h"
#include "cc-importer-private.h"

/* How many lines at the head of the first page may be title and byline. */
#define MAX_HEADER   30
/* How many lines of the text may come before a dateline. */
#define MAX_DATELINE 3

static const char * const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static guint
month_number (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (g_ascii_strncasecmp (name, months[i], 3) == 0)
        return i + 1;
    }

  return 0;
}

/* A date in a header line: "2024-10-18", "18 October 2024" or
 * "Oct. 18, 2024", as YYYY-MM-DD. */
static char *
find_date (const char *text)
{
  static const char * const patterns[] = {
    "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
    "\\b(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b",
    "\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
  };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *a = g_match_info_fetch (match, 1);
          g_autofree char *b = g_match_info_fetch (match, 2);
          g_autofree char *c = g_match_info_fetch (match, 3);
          g_autofree char *date = NULL;
          guint month;

          if (i == 0)
            date = g_strdup_printf ("%s-%s-%s", a, b, c);
          else if (i == 1 && (month = month_number (b)) > 0)
            date = g_strdup_printf ("%s-%02u-%02d", c, month, atoi (a));
          else if (i == 2 && (month = month_number (a)) > 0)
            date = g_strdup_printf ("%s-%02u-%02d", c, month, atoi (b));

          if (cc_date_is_valid (date))
            return g_steal_pointer (&date);
        }
    }

  return NULL;
}

/* The address a link on the page gives to the area of @line. */
static char *
find_link (PopplerPage   *page,
           const PdfLine *line)
{
  GList *mapping = poppler_page_get_link_mapping (page);
  double width, height;
  char *uri = NULL;

  poppler_page_get_size (page, &width, &height);

  for (GList *l = mapping; l != NULL && uri == NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;
      /* Link areas count from the foot of the page. */
      double top = height - MAX (link->area.y1, link->area.y2);
      double bottom = height - MIN (link->area.y1, link->area.y2);
      const char *target;

      if (link->action == NULL || link->action->type != POPPLER_ACTION_URI)
        continue;
      target = link->action->uri.uri;
      if (target != NULL && bottom > line->y0 && top < line->y1 &&
          (g_str_has_prefix (target, "http://") || g_str_has_prefix (target, "https://")) &&
          g_utf8_validate (target, -1, NULL) && strpbrk (target, " \t\r\n") == NULL)
        uri = g_strdup (target);
    }

  poppler_page_free_link_mapping (mapping);

  return uri;
}

/* Reads a line under the title: an address, or "Outlet · date" as the
 * app's own export writes it. */
static void
read_header_line (CcArticle     *article,
                  PopplerPage   *page,
                  const PdfLine *line)
{
  g_autofree char *date = NULL;

  if (g_str_has_prefix (line->text, "http://") || g_str_has_prefix (line->text, "https://"))
    {
      g_autofree char *uri = find_link (page, line);

      /* A long address may be drawn cut short, with an ellipsis. */
      if (uri == NULL && strstr (line->text, "…") == NULL && strchr (line->text, ' ') == NULL)
        uri = g_strdup (line->text);
      if (uri != NULL && cc_article_get_url (article) == NULL)
        cc_article_set_url (article, uri);
      return;
    }

  if ((date = find_date (line->text)) == NULL || cc_article_get_published (article) != NULL)
    return;

  cc_article_set_published (article, date);

  if (cc_article_get_outlet (article) == NULL)
    {
      g_auto(GStrv) parts = g_strsplit (line->text, "·", 3);

      if (g_strv_length (parts) == 2)
        {
          g_autofree char *other = NULL;

          for (guint i = 0; i < 2; i++)
            {
              g_autofree char *part = find_date (parts[i]);

              if (part != NULL && g_strcmp0 (g_strstrip (parts[i]), date) == 0)
                other = g_strdup (g_strstrip (parts[1 - i]));
            }
          if (other != NULL && *other != '\0' && strcmp (other, _("Unknown outlet")) != 0)
            cc_article_set_outlet (article, other);
        }
    }
}

/* The properties' title, if it is a title and not a file name. */
static char *
property_title (PopplerDocument *document)
{
  g_autofree char *title = poppler_document_get_title (document);
  const char *start;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    return NULL;

  for (char *p = title; *p != '\0'; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7f)
        *p = ' ';
    }
  start = g_strstrip (title);
  if (g_str_has_prefix (start, "Microsoft Word - "))
    start += strlen ("Microsoft Word - ");
  if (*start == '\0' || g_ascii_strcasecmp (start, "untitled") == 0 ||
      g_utf8_strlen (start, -1) > 300)
    return NULL;

  return g_strdup (start);
}

/* TRUE when @text ends with a dash or slash stuck to a word, where a
 * line may break without a space. */
static gboolean
ends_glued_dash (GString *text)
{
  const char *last = g_utf8_find_prev_char (text->str, text->str + text->len);
  const char *before = last != NULL ? g_utf8_find_prev_char (text->str, last) : NULL;
  gunichar c = last != NULL ? g_utf8_get_char (last) : 0;

  return before != NULL && !g_unichar_isspace (g_utf8_get_char (before)) &&
         (c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014);
}

/* A date on a line of its own in the first lines of the text, in the
 * text's size: "Published 18 October 2024", "Updated Oct. 18, 2024 10:32".
 * A sentence that gives a date ends with a stop, and is longer. */
static void
read_dateline (CcArticle *article,
               GArray    *lines,
               guint      from,
               guint      first_page)
{
  for (guint i = from, n = 0; i < lines->len && n < MAX_DATELINE; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      g_autofree char *date = NULL;
      g_auto(GStrv) words = NULL;
      gsize length = strlen (line->text);

      if (line->page != first_page)
        break;
      if (line->kind != PDF_LINE_BODY)
        continue;
      n++;

      if (length == 0 || length > 60 || line->text[length - 1] == '.' ||
          (date = find_date (line->text)) == NULL)
        continue;
      words = g_strsplit (line->text, " ", -1);
      if (g_strv_length (words) > 8)
        continue;

      cc_article_set_published (article, date);
      line->kind = PDF_LINE_DROPPED;
      return;
    }
}

/* The date of publication publishers write in a document's XMP metadata.
 * The creation date is not one: it is when the file was made, printed
 * or exported, not when the article appeared. */
static char *
property_date (PopplerDocument *document)
{
  g_autofree char *xmp = poppler_document_get_metadata (document);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (xmp == NULL || !g_utf8_validate (xmp, -1, NULL))
    return NULL;

  regex = g_regex_new ("(?:prism:publicationDate|prism:coverDate|dc:date)[^0-9]{0,80}?"
                       "(\\d{4}-\\d{2}-\\d{2})", 0, 0, NULL);
  for (g_regex_match (regex, xmp, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *date = g_match_info_fetch (match, 1);

      if (cc_date_is_valid (date))
        return g_steal_pointer (&date);
    }

  return NULL;
}

/* Takes the title and what the lines under it say from the head of the
 * first page: the lines before the text begins. They are not text. */
void
_cc_pdf_read_header (CcArticle       *article,
                     PopplerDocument *document,
                     GArray          *lines)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(PopplerPage) page = NULL;
  double title_size = 0;
  gboolean title_done = FALSE;
  guint n_header = 0;
  guint first_page;

  if (lines->len == 0)
    return;

  first_page = g_array_index (lines, PdfLine, 0).page;
  while (n_header < lines->len)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, n_header);

      if (line->kind == PDF_LINE_BODY || line->page != first_page || n_header >= MAX_HEADER)
        break;
      if (line->kind == PDF_LINE_HEADING)
        title_size = MAX (title_size, line->size);
      n_header++;
    }

  page = poppler_document_get_page (document, first_page);

  for (guint i = 0; i < n_header; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);

      /* The title is the first run of lines of the largest size. */
      if (!title_done && title_size > 0 && fabs (line->size - title_size) < 0.05)
        {
          /* "North Korea-" over "Russia ties" is one word again. */
          if (title->len > 0 && !ends_glued_dash (title))
            g_string_append_c (title, ' ');
          g_string_append (title, line->text);
        }
      else
        {
          title_done = title->len > 0;
          if (page != NULL)
            read_header_line (article, page, line);
        }

      line->kind = PDF_LINE_DROPPED;
    }

  if (cc_article_get_published (article) == NULL)
    read_dateline (article, lines, n_header, first_page);
  if (cc_article_get_published (article) == NULL)
    {
      g_autofree char *date = property_date (document);

      if (date != NULL)
        cc_article_set_published (article, date);
    }

  if (title->len > 0 && g_utf8_strlen (title->str, -1) <= 300)
    cc_article_set_title (article, title->str);
  else
    {
      g_autofree char *property = property_title (document);

      if (property != NULL)
        cc_article_set_title (article, property);
    }
}
