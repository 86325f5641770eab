/* cc-importer-html.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* HTML: the article text of a saved web page, and what its head says
 * about the title, outlet, date, address and language.
 *
 * libxml2 parses with recovery and without network access; the tree is then
 * walked without recursion, since a hostile page can nest arbitrarily. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "cc-article.h"
#include "cc-importer-private.h"


static const char * const html_skipped[] = {
  "aside", "button", "canvas", "footer", "form", "header", "iframe", "nav",
  "noscript", "object", "script", "select", "style", "svg", "template",
  "textarea", NULL
};

static const char * const html_blocks[] = {
  "address", "article", "blockquote", "body", "caption", "dd", "details",
  "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
  "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
  "td", "th", "tr", "ul", NULL
};

typedef struct
{
  GString   *line;
  GPtrArray *lines;
  gboolean   pending_space;
} TextSink;

static gboolean
html_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static gboolean
html_is_any (xmlNode           *node,
             const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (html_is (node, names[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
html_get_attribute (xmlNode    *node,
                    const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *)value);
  xmlFree (value);

  return copy;
}

/* Appends @text, collapsing runs of white space (NBSP included) into one
 * space and dropping any bytes that are not UTF-8. */
static void
sink_append (TextSink   *sink,
             const char *text)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p++;
          continue;
        }

      if (g_unichar_isspace (c) || c == 0xA0)
        sink->pending_space = TRUE;
      else
        {
          if (sink->pending_space && sink->line->len > 0)
            g_string_append_c (sink->line, ' ');
          sink->pending_space = FALSE;
          g_string_append_unichar (sink->line, c);
        }

      p = g_utf8_next_char (p);
    }
}

static void
sink_flush (TextSink *sink)
{
  if (sink->line->len > 0)
    g_ptr_array_add (sink->lines, g_strdup (sink->line->str));

  g_string_truncate (sink->line, 0);
  sink->pending_space = FALSE;
}

static char *
collapse_whitespace (const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  TextSink sink = { line, NULL, FALSE };

  sink_append (&sink, text);
  if (line->len == 0)
    return NULL;

  return g_strdup (line->str);
}

static void
html_collect_text (xmlNode  *top,
                   TextSink *sink)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (html_is_any (node, html_skipped) || xmlHasProp (node, (const xmlChar *)"hidden"))
            ;
          else if (html_is (node, "br"))
            sink_flush (sink);
          else
            {
              if (html_is_any (node, html_blocks))
                sink_flush (sink);
              descend = TRUE;
            }
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          sink_append (sink, (const char *)node->content);
        }

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      /* Leave this node, and every ancestor it was the last child of. */
      while (node != top)
        {
          if (html_is_any (node, html_blocks))
            sink_flush (sink);

          if (node->next != NULL)
            {
              node = node->next;
              break;
            }

          node = node->parent;
        }

      if (node == top)
        break;
    }

  sink_flush (sink);
}

typedef struct
{
  char    *title;
  char    *og_title;
  char    *site_name;
  char    *published_time;
  char    *og_url;
  char    *canonical;
  char    *language;
  xmlNode *article;
  xmlNode *main;
  xmlNode *body;
} HtmlHead;

static void
html_head_clear (HtmlHead *head)
{
  g_free (head->title);
  g_free (head->og_title);
  g_free (head->site_name);
  g_free (head->published_time);
  g_free (head->og_url);
  g_free (head->canonical);
  g_free (head->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HtmlHead, html_head_clear)

static void
html_take_meta (xmlNode  *node,
                HtmlHead *head)
{
  g_autofree char *property = html_get_attribute (node, "property");
  g_autofree char *content = NULL;
  char **slot = NULL;

  if (property == NULL)
    property = html_get_attribute (node, "name");
  if (property == NULL)
    return;

  if (g_ascii_strcasecmp (property, "og:title") == 0)
    slot = &head->og_title;
  else if (g_ascii_strcasecmp (property, "og:site_name") == 0)
    slot = &head->site_name;
  else if (g_ascii_strcasecmp (property, "article:published_time") == 0)
    slot = &head->published_time;
  else if (g_ascii_strcasecmp (property, "og:url") == 0)
    slot = &head->og_url;

  if (slot == NULL || *slot != NULL)
    return;

  content = html_get_attribute (node, "content");
  *slot = collapse_whitespace (content);
}

static gboolean
html_is_canonical (xmlNode *node)
{
  g_autofree char *rel = html_get_attribute (node, "rel");
  g_auto(GStrv) tokens = NULL;

  if (rel == NULL)
    return FALSE;

  tokens = g_strsplit_set (rel, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (tokens[i], "canonical") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
html_scan (xmlNode  *root,
           HtmlHead *head)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          if (html_is (node, "html") && head->language == NULL)
            {
              g_autofree char *lang = html_get_attribute (node, "lang");

              head->language = collapse_whitespace (lang);
            }
          else if (html_is (node, "title") && head->title == NULL)
            {
              xmlChar *content = xmlNodeGetContent (node);

              head->title = collapse_whitespace ((const char *)content);
              xmlFree (content);
            }
          else if (html_is (node, "meta"))
            html_take_meta (node, head);
          else if (html_is (node, "link") && head->canonical == NULL && html_is_canonical (node))
            {
              g_autofree char *href = html_get_attribute (node, "href");

              head->canonical = collapse_whitespace (href);
            }
          else if (html_is (node, "article") && head->article == NULL)
            head->article = node;
          else if (html_is (node, "main") && head->main == NULL)
            head->main = node;
          else if (html_is (node, "body") && head->body == NULL)
            head->body = node;
        }

      /* An <article> inside <aside> or <nav> is a teaser, not the story. */
      if (node->type == XML_ELEMENT_NODE && node->children != NULL &&
          !html_is_any (node, html_skipped))
        {
          node = node->children;
          continue;
        }

      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }
}

/* The length of a DOCTYPE declaration at the start of @text (after a byte
 * order mark, white space and comments), or 0. libxml2 keeps the end of
 * one with an internal subset ("<!DOCTYPE html [ … ]>") as text, so the
 * declaration is blanked before parsing; it carries nothing we read. */
static gsize
doctype_span (const char *text,
              gsize       length,
              gsize      *start)
{
  gsize p = 0;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    p = 3;
  for (;;)
    {
      while (p < length && g_ascii_isspace (text[p]))
        p++;
      if (p + 4 <= length && memcmp (text + p, "<!--", 4) == 0)
        {
          const char *end = g_strstr_len (text + p + 4, length - p - 4, "-->");

          if (end == NULL)
            return 0;
          p = end - text + 3;
          continue;
        }
      break;
    }

  if (p + 9 > length || g_ascii_strncasecmp (text + p, "<!doctype", 9) != 0)
    return 0;

  *start = p;
  {
    char quote = 0;
    guint brackets = 0;

    for (gsize q = p + 9; q < length; q++)
      {
        char c = text[q];

        if (quote != 0)
          quote = c == quote ? 0 : quote;
        else if (c == '"' || c == '\'')
          quote = c;
        else if (c == '[')
          brackets++;
        else if (c == ']' && brackets > 0)
          brackets--;
        else if (c == '>' && brackets == 0)
          return q + 1 - p;
      }
  }

  return length - p;
}

CcArticle *
_cc_importer_parse_html (const char  *name,
                         const char  *text,
                         gsize        length,
                         GPtrArray   *warnings,
                         GError     **error)
{
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_auto(HtmlHead) head = { NULL };
  TextSink sink = { line, lines, FALSE };
  g_autofree char *copy = NULL;
  htmlParserCtxtPtr ctxt;
  gsize doctype_start = 0;
  gsize doctype_length;
  gboolean too_deep;
  const char *title;
  xmlNode *root;
  xmlNode *top;
  htmlDocPtr doc;

  if ((doctype_length = doctype_span (text, length, &doctype_start)) > 0)
    {
      copy = g_memdup2 (text, length);
      memset (copy + doctype_start, ' ', doctype_length);
      text = copy;
    }

  /* Without XML_PARSE_HUGE libxml2 stops reading at 256 nested elements
   * and the rest of the page is lost; the walks below are not recursive,
   * so any depth is fine. Should libxml2 still stop for depth, that is
   * said rather than taken for a page without text. */
  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("could not be read as HTML"));
      return NULL;
    }
  doc = htmlCtxtReadMemory (ctxt, text, (int)length, NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                            HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | XML_PARSE_HUGE);
  too_deep = ctxt->lastError.code == XML_ERR_INTERNAL_ERROR &&
             ctxt->lastError.message != NULL &&
             strstr (ctxt->lastError.message, "Excessive depth") != NULL;
  htmlFreeParserCtxt (ctxt);

  if (too_deep)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("the HTML is nested too deeply to be read"));
      return NULL;
    }

  if (doc == NULL || !(root = xmlDocGetRootElement (doc)))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                              _("could not be read as HTML"));
      return NULL;
    }

  html_scan (root, &head);

  if (head.article != NULL)
    top = head.article;
  else if (head.main != NULL)
    top = head.main;
  else if (head.body != NULL)
    top = head.body;
  else
    top = root;

  html_collect_text (top, &sink);
  xmlFreeDoc (doc);

  title = head.og_title != NULL ? head.og_title : head.title;

  /* The page's own headline usually opens the article text. */
  if (title != NULL && lines->len > 0 && strcmp (g_ptr_array_index (lines, 0), title) == 0)
    g_ptr_array_remove_index (lines, 0);

  if (lines->len == 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  g_ptr_array_add (lines, NULL);
  body = g_strjoinv ("\n", (char **)lines->pdata);

  article = cc_article_new ();
  cc_article_set_title (article, title);
  cc_article_set_outlet (article, head.site_name);
  cc_article_set_url (article, head.og_url != NULL ? head.og_url : head.canonical);
  cc_article_set_language (article, head.language);
  cc_article_set_text (article, body);

  if (head.published_time != NULL)
    {
      g_autofree char *date = g_utf8_make_valid (head.published_time,
                                                 MIN (strlen (head.published_time), 10));

      if (cc_date_is_valid (date))
        cc_article_set_published (article, date);
      else
        {
          g_autofree char *base = g_path_get_basename (name);

          _cc_importer_add_warning (warnings,
                                    _("%s: published time “%s” is not a date; left empty"),
                                    base, head.published_time);
        }
    }

  return g_steal_pointer (&article);
}
