/* cc-cli-export.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `crosscheck export`: the library, or some of its articles, as an
 * annotated PDF, a report, JSON (which `import` reads back) or CSV. */

#define G_LOG_DOMAIN "cc-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-cli-private.h"
#include "cc-csv-export.h"
#include "cc-json-export.h"
#include "cc-library.h"
#include "cc-output-file.h"
#include "cc-pdf-exporter.h"
#include "cc-utils.h"
#include "cc-story.h"

typedef enum
{
  FORMAT_NONE,
  FORMAT_PDF,
  FORMAT_REPORT,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

typedef struct
{
  Format       format;
  const char  *output;
  const char  *title;
  CcPaperSize  paper;
  GPtrArray   *ids;     /* const char *, as given */
} ExportArgs;

#define EXPORT_USAGE "export (--pdf|--report|--json|--csv) [--paper a4|letter] " \
                     "[--title TITLE] OUT [ID…]"

static int
usage (void)
{
  g_autofree char *msg = g_strdup_printf (_("usage: crosscheck %s"), EXPORT_USAGE);

  return _cc_cli_usage_error (msg);
}

static gboolean
set_format (ExportArgs *args,
            Format      format)
{
  if (args->format != FORMAT_NONE && args->format != format)
    return FALSE;
  args->format = format;
  return TRUE;
}

/* Reads "--name VALUE" or "--name=VALUE" at @i; NULL when @arg is
 * another option. */
static const char *
option_value (CliOptions *options,
              guint      *i,
              const char *name,
              gboolean   *missing)
{
  const char *arg = g_ptr_array_index (options->args, *i);
  gsize len = strlen (name);

  *missing = FALSE;
  if (strncmp (arg, name, len) != 0)
    return NULL;
  if (arg[len] == '=')
    return arg + len + 1;
  if (arg[len] != '\0')
    return NULL;
  if (*i + 1 >= options->args->len)
    {
      *missing = TRUE;
      return NULL;
    }
  return g_ptr_array_index (options->args, ++*i);
}

static int
parse_args (CliOptions *options,
            ExportArgs *args)
{
  if (options->json)
    args->format = FORMAT_JSON;

  for (guint i = 0; i < options->args->len; i++)
    {
      const char *arg = g_ptr_array_index (options->args, i);
      const char *value;
      gboolean missing;

      if (strcmp (arg, "--pdf") == 0 || strcmp (arg, "--report") == 0 ||
          strcmp (arg, "--csv") == 0)
        {
          Format format = arg[2] == 'p' ? FORMAT_PDF : arg[2] == 'r' ? FORMAT_REPORT : FORMAT_CSV;

          if (!set_format (args, format))
            return _cc_cli_usage_error (_("export takes one of --pdf, --report, --json and --csv"));
        }
      else if ((value = option_value (options, &i, "--paper", &missing)) != NULL || missing)
        {
          if (missing || !cc_paper_size_from_string (value, &args->paper))
            return _cc_cli_usage_error (_("--paper takes “a4” or “letter”"));
        }
      else if ((value = option_value (options, &i, "--title", &missing)) != NULL || missing)
        {
          if (missing)
            return _cc_cli_usage_error (_("--title needs a title"));
          args->title = value;
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *msg = g_strdup_printf (_("unknown option “%s”"), arg);
          return _cc_cli_usage_error (msg);
        }
      else if (args->output == NULL)
        args->output = arg;
      else
        g_ptr_array_add (args->ids, (gpointer)arg);
    }

  if (args->format == FORMAT_NONE || args->output == NULL)
    return usage ();
  if ((args->format == FORMAT_PDF || args->format == FORMAT_REPORT) &&
      strcmp (args->output, "-") == 0)
    return _cc_cli_usage_error (_("a PDF cannot be written to the standard output"));
  if (args->title != NULL && args->format != FORMAT_PDF && args->format != FORMAT_REPORT)
    return _cc_cli_usage_error (_("--title applies to --pdf and --report only"));
  if (args->paper != CC_PAPER_SIZE_DEFAULT &&
      args->format != FORMAT_PDF && args->format != FORMAT_REPORT)
    return _cc_cli_usage_error (_("--paper applies to --pdf and --report only"));

  for (guint i = 0; i < args->ids->len; i++)
    {
      gint64 id;

      if (!_cc_cli_parse_id (g_ptr_array_index (args->ids, i), &id))
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not an article id"),
                                                  (char *)g_ptr_array_index (args->ids, i));
          return _cc_cli_usage_error (msg);
        }
    }

  return CC_CLI_EXIT_OK;
}

/* The articles named by @ids in their order, or all of the scope. */
static GPtrArray *
collect_articles (CliOptions *options,
                  CcLibrary  *library,
                  GPtrArray  *ids)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (ids->len == 0)
    {
      g_autoptr(GListModel) scope = _cc_cli_scope_articles (options, library);

      for (guint i = 0; i < g_list_model_get_n_items (scope); i++)
        g_ptr_array_add (articles, g_list_model_get_item (scope, i));
      return g_steal_pointer (&articles);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      CcArticle *article;

      if (!(article = _cc_cli_lookup_article (options, library, g_ptr_array_index (ids, i))))
        return NULL;
      /* An id given twice exports its article once, where it first came. */
      if (g_hash_table_add (seen, article))
        g_ptr_array_add (articles, g_object_ref (article));
    }

  return g_steal_pointer (&articles);
}

static void
print_progress (double   fraction,
                gpointer user_data)
{
  gboolean *tty = user_data;

  if (*tty)
    fprintf (stderr, "\r%3.0f%%\033[K%s", fraction * 100, fraction >= 1.0 ? "\r\033[K" : "");
}

static int
write_pdf (ExportArgs *args,
           CcStory    *story,
           GPtrArray  *articles)
{
  g_autoptr(CcPdfExporter) exporter = cc_pdf_exporter_new ();
  g_autoptr(GError) error = NULL;
  const char *author = cc_get_real_name ();
  gboolean tty = isatty (fileno (stderr));
  const char *title = args->title;

  if (args->format == FORMAT_REPORT && title == NULL && story != NULL)
    title = cc_story_get_title (story);
  else if (args->format == FORMAT_REPORT && title == NULL)
    title = _("Crosscheck Report");
  else if (title == NULL && articles->len == 1)
    title = cc_article_get_title (g_ptr_array_index (articles, 0));
  else if (title == NULL)
    title = _("Annotated Articles");

  cc_pdf_exporter_set_report (exporter, args->format == FORMAT_REPORT);
  cc_pdf_exporter_set_paper_size (exporter, args->paper);
  cc_pdf_exporter_set_title (exporter, title);
  cc_pdf_exporter_set_author (exporter, author);
  for (guint i = 0; i < articles->len; i++)
    cc_pdf_exporter_add_article (exporter, g_ptr_array_index (articles, i));

  if (!cc_pdf_exporter_write (exporter, args->output, NULL, print_progress, &tty, &error))
    {
      /* A write error names the file itself. */
      if (g_error_matches (error, CC_PDF_EXPORT_ERROR, CC_PDF_EXPORT_ERROR_WRITE))
        fprintf (stderr, "crosscheck: %s\n", error->message);
      else
        fprintf (stderr, "crosscheck: %s: %s\n", args->output, error->message);
      return CC_CLI_EXIT_REFUSED;
    }

  return CC_CLI_EXIT_OK;
}

static int
write_data (CliOptions *options,
            CcLibrary  *library,
            ExportArgs *args,
            GPtrArray  *articles)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (args->format == FORMAT_JSON)
    {
      g_autoptr(GHashTable) stories = cc_library_dup_story_titles (library, articles,
                                                                   options->story);

      data = cc_json_export_articles_with_stories (articles, stories, &length);
    }
  else
    data = cc_csv_export_claims (articles, &length);

  if (strcmp (args->output, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          int errsv = errno;

          fprintf (stderr, _("crosscheck: cannot write to the standard output: %s\n"),
                   g_strerror (errsv));
          return CC_CLI_EXIT_REFUSED;
        }
      return CC_CLI_EXIT_OK;
    }

  /* Written whole or not at all, never over a device or a folder. */
  if (!cc_output_file_write (args->output, data, length, &error))
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return CC_CLI_EXIT_REFUSED;
    }

  return CC_CLI_EXIT_OK;
}

int
_cc_cli_cmd_export (CliOptions *options)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ExportArgs args = { 0 };
  int status;

  args.ids = ids;
  if ((status = parse_args (options, &args)) != CC_CLI_EXIT_OK)
    return status;

  if (!(library = _cc_cli_open_library_with_claims (options)))
    return CC_CLI_EXIT_REFUSED;
  if (!(articles = collect_articles (options, library, ids)))
    return CC_CLI_EXIT_REFUSED;

  if (args.format == FORMAT_PDF || args.format == FORMAT_REPORT)
    {
      if (articles->len == 0)
        {
          fprintf (stderr, "crosscheck: %s\n", _("the library has no articles to export"));
          return CC_CLI_EXIT_REFUSED;
        }
      status = write_pdf (&args, options->story, articles);
    }
  else
    status = write_data (options, library, &args, articles);

  if (status == CC_CLI_EXIT_OK && strcmp (args.output, "-") != 0)
    printf (ngettext ("Exported %u article to %s\n", "Exported %u articles to %s\n",
                      articles->len),
            articles->len, args.output);

  return status;
}
