/* cc-importer-text.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The two text formats: plain text, kept as written, and Markdown,
 * reduced to the same plain paragraphs. Both take the first line or
 * heading as the title. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-article.h"
#include "cc-importer-private.h"

/* Plain text */

/* A first line longer than this is a paragraph, not a headline. */
#define MAX_TITLE_LENGTH 300

/* Returns the start of the first line at or after @p that is not blank. */
static const char *
skip_blank_lines (const char *p,
                  const char *end)
{
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);

      if (eol == NULL)
        eol = end;
      if (!_cc_importer_is_blank (p, eol - p))
        break;
      p = eol < end ? eol + 1 : end;
    }

  return p;
}

/* Keeps the text byte for byte apart from the trimming, because claims
 * and the evaluation corpus quote it exactly. */
CcArticle *
_cc_importer_parse_text (const char  *name,
                         const char  *text,
                         const char  *meta_title,
                         GError     **error)
{
  g_autoptr(CcArticle) article = NULL;
  g_autofree char *first = NULL;
  g_autofree char *body = NULL;
  const char *start;
  const char *end;
  const char *first_end;
  const char *rest;

  end = text + strlen (text);
  start = skip_blank_lines (text, end);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  if (!(first_end = memchr (start, '\n', end - start)))
    first_end = end;
  first = g_strstrip (g_strndup (start, first_end - start));
  rest = skip_blank_lines (first_end, end);

  article = cc_article_new ();

  /* A meta.json title that differs from the first line means the file
   * has no headline: the first line is already the text. */
  if (rest == end ||
      g_utf8_strlen (first, -1) > MAX_TITLE_LENGTH ||
      (meta_title != NULL && strcmp (meta_title, first) != 0))
    {
      body = g_strndup (start, end - start);
    }
  else
    {
      cc_article_set_title (article, first);
      body = g_strndup (rest, end - rest);
    }

  cc_article_set_text (article, body);

  return g_steal_pointer (&article);
}

/* Markdown
 *
 * Not a CommonMark parser: enough to turn an article written in Markdown
 * into one paragraph per line, dropping the markup around the words. */

/* Bounds on how far a bracket or backtick looks for its partner, so a
 * line of 20 MB of "[" stays linear. */
#define MD_MAX_SPAN 2048

typedef struct
{
  const char *str;
  gsize       len;
} Line;

typedef struct
{
  gsize from;
  gsize to;
} Skip;

static gboolean
next_line (const char **pos,
           const char  *end,
           Line        *line)
{
  const char *eol;

  if (*pos >= end)
    return FALSE;

  if (!(eol = memchr (*pos, '\n', end - *pos)))
    eol = end;

  line->str = *pos;
  line->len = eol - *pos;
  *pos = eol < end ? eol + 1 : end;

  return TRUE;
}

static Line
line_lstrip (Line line)
{
  while (line.len > 0 && (line.str[0] == ' ' || line.str[0] == '\t'))
    {
      line.str++;
      line.len--;
    }

  return line;
}

static Line
line_strip (Line line)
{
  line = line_lstrip (line);
  while (line.len > 0 && g_ascii_isspace (line.str[line.len - 1]))
    line.len--;

  return line;
}

/* Removes "> " block quote markers. */
static Line
md_strip_quotes (Line line)
{
  for (;;)
    {
      Line stripped = line_lstrip (line);

      if (stripped.len == 0 || stripped.str[0] != '>')
        return line;

      line.str = stripped.str + 1;
      line.len = stripped.len - 1;
      if (line.len > 0 && line.str[0] == ' ')
        {
          line.str++;
          line.len--;
        }
    }
}

/* Returns the fence character and length of a ``` or ~~~ line, or 0. */
static guint
md_fence (Line  line,
          char *fence_char)
{
  guint n = 0;

  line = line_lstrip (line);
  if (line.len == 0 || (line.str[0] != '`' && line.str[0] != '~'))
    return 0;

  while (n < line.len && line.str[n] == line.str[0])
    n++;
  if (n < 3)
    return 0;

  *fence_char = line.str[0];

  return n;
}

static gboolean
md_closes_fence (Line  line,
                 char  fence_char,
                 guint fence_len)
{
  char c;
  guint n = md_fence (line, &c);

  return n >= fence_len && c == fence_char && line_strip (line).len == n;
}

/* Returns the level of an ATX heading ("## Title"), or 0. */
static guint
md_heading (Line  line,
            Line *content)
{
  guint level = 0;

  line = line_lstrip (line);
  while (level < line.len && line.str[level] == '#')
    level++;

  if (level == 0 || level > 6 || (level < line.len && line.str[level] != ' ' && line.str[level] != '\t'))
    return 0;

  content->str = line.str + level;
  content->len = line.len - level;
  *content = line_strip (*content);

  /* An optional closing run of hashes. */
  if (content->len > 0 && content->str[content->len - 1] == '#')
    {
      gsize n = content->len;

      while (n > 0 && content->str[n - 1] == '#')
        n--;
      if (n == 0 || content->str[n - 1] == ' ' || content->str[n - 1] == '\t')
        {
          content->len = n;
          *content = line_strip (*content);
        }
    }

  return level;
}

/* "---", "* * *", "___", and "===" (a setext underline). */
static gboolean
md_is_rule (Line line)
{
  guint n = 0;
  char c;

  line = line_strip (line);
  if (line.len == 0)
    return FALSE;

  c = line.str[0];
  if (c != '-' && c != '*' && c != '_' && c != '=')
    return FALSE;

  for (gsize i = 0; i < line.len; i++)
    {
      if (line.str[i] == c)
        n++;
      else if (line.str[i] != ' ' && line.str[i] != '\t')
        return FALSE;
    }

  return n >= 3;
}

static gboolean
md_is_setext_h1 (Line line)
{
  line = line_strip (line);

  return md_is_rule (line) && line.str[0] == '=';
}

/* "[label]: https://…" */
static gboolean
md_is_link_definition (Line line)
{
  const char *close;

  line = line_lstrip (line);
  if (line.len < 4 || line.str[0] != '[')
    return FALSE;

  close = memchr (line.str, ']', line.len);

  return close != NULL && close + 1 < line.str + line.len && close[1] == ':';
}

/* Returns the text of a list item ("- x", "* x", "+ x", "1. x", "2) x"). */
static gboolean
md_list_item (Line  line,
              Line *content)
{
  gsize i = 0;

  line = line_lstrip (line);

  if (line.len >= 2 && (line.str[0] == '-' || line.str[0] == '*' || line.str[0] == '+'))
    i = 1;
  else
    {
      while (i < line.len && i < 9 && g_ascii_isdigit (line.str[i]))
        i++;
      if (i == 0 || i >= line.len || (line.str[i] != '.' && line.str[i] != ')'))
        return FALSE;
      i++;
    }

  if (i >= line.len || (line.str[i] != ' ' && line.str[i] != '\t'))
    return FALSE;

  content->str = line.str + i;
  content->len = line.len - i;
  *content = line_strip (*content);

  return TRUE;
}

/* Returns the index of the bracket closing the one at @open, or -1. */
static gssize
md_match (const char *str,
          gsize       len,
          gsize       open,
          char        open_char,
          char        close_char)
{
  guint depth = 0;

  for (gsize i = open; i < len && i - open < MD_MAX_SPAN; i++)
    {
      if (str[i] == '\\')
        i++;
      else if (str[i] == open_char)
        depth++;
      else if (str[i] == close_char && --depth == 0)
        return i;
    }

  return -1;
}

/* Where the "](url)" or "][ref]" after a link text ends, or -1; @close
 * receives the index of the "]". */
static gssize
md_link_target_end (const char *str,
                    gsize       len,
                    gsize       open,
                    gssize     *close)
{
  gssize target;

  *close = md_match (str, len, open, '[', ']');
  if (*close < 0 || (gsize)*close + 1 >= len)
    return -1;

  if (str[*close + 1] == '(')
    target = md_match (str, len, *close + 1, '(', ')');
  else if (str[*close + 1] == '[')
    target = md_match (str, len, *close + 1, '[', ']');
  else
    return -1;

  return target < 0 ? -1 : target + 1;
}

static gboolean
has_prefix_len (const char *str,
                gsize       len,
                const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  return len >= prefix_len && memcmp (str, prefix, prefix_len) == 0;
}

static gboolean
md_is_delimiter_side (char c)
{
  return g_ascii_isspace (c) || g_ascii_ispunct (c);
}

/* Strips inline markup from one paragraph: emphasis, code spans, links
 * (keeping their text), images, autolinks and backslash escapes. */
static char *
md_inline (const char *str,
           gsize       len)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  g_autoptr(GArray) skips = g_array_new (FALSE, FALSE, sizeof (Skip));
  gsize i = 0;

  while (i < len)
    {
      char c = str[i];
      gssize close = -1;
      gssize target = -1;

      /* The "](url)" of a link whose text has just been copied. */
      if (skips->len > 0 && i >= g_array_index (skips, Skip, skips->len - 1).from)
        {
          i = MAX (i, g_array_index (skips, Skip, skips->len - 1).to);
          g_array_set_size (skips, skips->len - 1);
          continue;
        }

      if (c == '\\' && i + 1 < len && g_ascii_ispunct (str[i + 1]))
        {
          g_string_append_c (out, str[i + 1]);
          i += 2;
        }
      else if (c == '`')
        {
          gsize n = 0;
          gsize j;

          while (i + n < len && str[i + n] == '`')
            n++;

          for (j = i + n; j < len && j - i < MD_MAX_SPAN; j++)
            {
              gsize m = 0;

              while (j + m < len && str[j + m] == '`')
                m++;
              if (m == n)
                break;
              j += m;
            }

          if (j < len && j - i < MD_MAX_SPAN)
            {
              g_string_append_len (out, str + i + n, j - i - n);
              i = j + n;
            }
          else
            {
              g_string_append_len (out, str + i, n);
              i += n;
            }
        }
      else if (c == '!' && i + 1 < len && str[i + 1] == '[' &&
               (target = md_link_target_end (str, len, i + 1, &close)) > 0)
        {
          i = target;
        }
      else if (c == '[' && (target = md_link_target_end (str, len, i, &close)) > 0)
        {
          Skip skip;

          skip.from = close;
          skip.to = target;

          /* Links nest inside their parent's text, never across it. */
          if (skips->len == 0 || skip.to <= g_array_index (skips, Skip, skips->len - 1).from)
            g_array_append_val (skips, skip);
          else
            g_string_append_c (out, c);
          i++;
        }
      else if (c == '<' &&
               (has_prefix_len (str + i, len - i, "<http://") ||
                has_prefix_len (str + i, len - i, "<https://") ||
                has_prefix_len (str + i, len - i, "<mailto:")))
        {
          gsize j = i + 1;

          while (j < len && j - i < MD_MAX_SPAN && str[j] != '>' && !g_ascii_isspace (str[j]))
            j++;

          if (j < len && str[j] == '>')
            {
              g_string_append_len (out, str + i + 1, j - i - 1);
              i = j + 1;
            }
          else
            {
              g_string_append_c (out, c);
              i++;
            }
        }
      else if (c == '*' || c == '_')
        {
          gsize n = 0;
          char before = i > 0 ? str[i - 1] : ' ';
          char after;

          while (i + n < len && str[i + n] == c)
            n++;
          after = i + n < len ? str[i + n] : ' ';

          /* A run opens or closes emphasis when it touches a word on one
           * side only; "snake_case" and "2 * 3" keep theirs. */
          if (!((!g_ascii_isspace (after) && md_is_delimiter_side (before)) ||
                (!g_ascii_isspace (before) && md_is_delimiter_side (after))))
            g_string_append_len (out, str + i, n);
          i += n;
        }
      else
        {
          g_string_append_c (out, c);
          i++;
        }
    }

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static void
append_line (GString    *out,
             const char *line)
{
  if (*line == '\0')
    return;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

static void
md_flush (GString *paragraph,
          GString *out)
{
  g_autofree char *line = NULL;

  if (paragraph->len == 0)
    return;

  line = md_inline (paragraph->str, paragraph->len);
  append_line (out, line);
  g_string_truncate (paragraph, 0);
}

/* Finds the title line: the first "# " heading (or "Title\n==="), else the
 * first line. Returns its text, and in @skip_a/@skip_b the lines to leave
 * out of the body (-1 for none). */
static char *
md_find_title (const char *text,
               const char *end,
               gssize     *skip_a,
               gssize     *skip_b)
{
  const char *pos = text;
  gboolean prev_starts_paragraph = FALSE;
  gboolean prev_blank = TRUE;
  gboolean in_fence = FALSE;
  gssize first = -1;
  Line first_line = { NULL, 0 };
  Line prev = { NULL, 0 };
  guint fence_len = 0;
  char fence_char = 0;
  Line line;

  *skip_a = *skip_b = -1;

  for (gssize i = 0; next_line (&pos, end, &line); i++)
    {
      Line content = md_strip_quotes (line);
      Line heading;

      if (in_fence)
        {
          in_fence = !md_closes_fence (content, fence_char, fence_len);
          prev_blank = TRUE;
          prev_starts_paragraph = FALSE;
          continue;
        }

      if (line_strip (content).len == 0)
        {
          prev_blank = TRUE;
          prev_starts_paragraph = FALSE;
          continue;
        }

      if ((fence_len = md_fence (content, &fence_char)) > 0)
        {
          in_fence = TRUE;
          continue;
        }

      if (md_heading (content, &heading) == 1 && heading.len > 0)
        {
          *skip_a = i;
          return md_inline (heading.str, heading.len);
        }

      if (prev_starts_paragraph && md_is_setext_h1 (content))
        {
          *skip_a = i - 1;
          *skip_b = i;
          return md_inline (prev.str, prev.len);
        }

      if (first < 0 && !md_is_rule (content) && !md_is_link_definition (content))
        {
          first = i;
          first_line = content;
        }

      prev_starts_paragraph = prev_blank;
      prev_blank = FALSE;
      prev = line_strip (content);
    }

  if (first >= 0)
    {
      Line content = first_line;
      g_autofree char *title = NULL;

      if (!md_heading (first_line, &content))
        md_list_item (first_line, &content);
      content = line_strip (content);

      title = md_inline (content.str, content.len);
      if (*title != '\0' && g_utf8_strlen (title, -1) <= MAX_TITLE_LENGTH)
        {
          *skip_a = first;
          return g_steal_pointer (&title);
        }
    }

  return NULL;
}

CcArticle *
_cc_importer_parse_markdown (const char  *name,
                             const char  *text,
                             GError     **error)
{
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *end = text + strlen (text);
  const char *pos = text;
  gboolean in_fence = FALSE;
  gssize skip_a, skip_b;
  guint fence_len = 0;
  char fence_char = 0;
  Line line;

  title = md_find_title (text, end, &skip_a, &skip_b);

  for (gssize i = 0; next_line (&pos, end, &line); i++)
    {
      Line content = md_strip_quotes (line);
      Line part;

      if (in_fence)
        {
          /* Code stays as written, one line each. */
          if (md_closes_fence (content, fence_char, fence_len))
            in_fence = FALSE;
          else if (line_strip (content).len > 0)
            {
              g_autofree char *code = NULL;

              while (content.len > 0 && g_ascii_isspace (content.str[content.len - 1]))
                content.len--;
              code = g_strndup (content.str, content.len);
              append_line (out, code);
            }
          continue;
        }

      if (i == skip_a || i == skip_b || line_strip (content).len == 0)
        {
          md_flush (paragraph, out);
        }
      else if ((fence_len = md_fence (content, &fence_char)) > 0)
        {
          md_flush (paragraph, out);
          in_fence = TRUE;
        }
      else if (md_heading (content, &part) > 0)
        {
          md_flush (paragraph, out);
          g_string_append_len (paragraph, part.str, part.len);
          md_flush (paragraph, out);
        }
      else if (md_is_rule (content) || md_is_link_definition (content))
        {
          /* A rule, or the underline of a setext heading, ends the paragraph. */
          md_flush (paragraph, out);
        }
      else if (md_list_item (content, &part))
        {
          md_flush (paragraph, out);
          g_string_append_len (paragraph, part.str, part.len);
        }
      else
        {
          part = line_strip (content);
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append_len (paragraph, part.str, part.len);
        }
    }

  md_flush (paragraph, out);

  if (out->len == 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  article = cc_article_new ();
  if (title != NULL && *title != '\0')
    cc_article_set_title (article, title);
  cc_article_set_text (article, out->str);

  return g_steal_pointer (&article);
}
