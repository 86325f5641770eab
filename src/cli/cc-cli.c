/* cc-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line: the same core as the window, without GTK. Each command
 * opens the library, does its work and reports on stdout; problems with
 * the input go to stderr, each naming its file. */

#define G_LOG_DOMAIN "cc-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-cli-private.h"
#include "cc-extractor.h"
#include "cc-importer.h"
#include "cc-json-export.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-utils.h"
#include "cc-story.h"



typedef int (*CommandFunc) (CliOptions *options);

typedef struct
{
  const char  *name;
  const char  *usage;
  const char  *summary;
  CommandFunc  func;
  gboolean     takes_json;
  gboolean     takes_published;
  int          min_args;
  int          max_args;
  /* Options other than the global ones go to the command in its
   * arguments, for it to read (chart --output FILE). */
  gboolean     own_options;
  /* Whether --story scopes the command. */
  gboolean     takes_story;
} Command;

static int cmd_import  (CliOptions *options);
static int cmd_list    (CliOptions *options);
static int cmd_show    (CliOptions *options);
static int cmd_search  (CliOptions *options);
static int cmd_extract (CliOptions *options);
static int cmd_claims  (CliOptions *options);
static int cmd_reindex (CliOptions *options);

static const Command commands[] = {
  { "import", "import [--story NAME|ID] PATH…",
    N_("Import article files and folders into the library, or into a story"),
    cmd_import, FALSE, FALSE, 1, -1, FALSE, TRUE },
  { "list", "list [--story NAME|ID] [--json]", N_("List the articles of the library"),
    cmd_list, TRUE, FALSE, 0, 0, FALSE, TRUE },
  { "show", "show ID", N_("Show one article with its claims"),
    cmd_show, TRUE, FALSE, 1, 1 },
  { "search", "search [--story NAME|ID] QUERY",
    N_("Find articles whose title, outlet or text holds every word of QUERY"),
    cmd_search, TRUE, FALSE, 1, -1, FALSE, TRUE },
  { "extract", "extract [--published YYYY-MM-DD] [--json] FILE…",
    N_("Find the claims in files without storing them"),
    cmd_extract, TRUE, TRUE, 1, -1 },
  { "claims", "claims [--story NAME|ID] [--json]", N_("List every claim of the library"),
    cmd_claims, TRUE, FALSE, 0, 0, FALSE, TRUE },
  { "export", "export [--story NAME|ID] (--pdf|--report|--json|--csv) OUT [ID…]",
    N_("Write articles as an annotated PDF or a report, or the library as JSON or CSV"),
    _cc_cli_cmd_export, TRUE, FALSE, 1, -1, TRUE, TRUE },
  { "compare", "compare [--story NAME|ID] [--json] [ID…]",
    N_("Group the claims of the library, or of articles ID…, into statements"),
    _cc_cli_cmd_compare, TRUE, FALSE, 0, -1, FALSE, TRUE },
  { "chart", "chart [--story NAME|ID] --output FILE.{png,svg,pdf} [--width W --height H] "
    "[--subject S]",
    N_("Draw the timeline of estimates as PNG, SVG or PDF"),
    _cc_cli_cmd_chart, FALSE, FALSE, 0, -1, TRUE, TRUE },
  { "remove", "remove ID…", N_("Delete articles, with their claims and notes, from the library"),
    _cc_cli_cmd_remove, FALSE, FALSE, 1, -1 },
  { "story", "story list|new|rename|delete|add|remove …",
    N_("List, make, rename or delete stories, or add articles to one or take them out"),
    _cc_cli_cmd_story, TRUE, FALSE, 1, -1, TRUE },
  { "reindex", "reindex", N_("Rebuild the library's search index"),
    cmd_reindex, FALSE, FALSE, 0, 0 },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* @text cut or padded to @width characters (not bytes, so that a column
 * of UTF-8 text lines up and no character is cut in two); a cut ends in
 * "…". */
static char *
column (const char *text,
        guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *out;

  if (length > (glong)width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);

      out = g_string_new_len (text, cut - text);
      g_string_append (out, "…");
      return g_string_free (out, FALSE);
    }

  out = g_string_new (text);
  for (glong i = length; i < (glong)width; i++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* One line of the help: a usage and what it does, in two columns; a usage
 * wider than its column has the text on a line of its own. */
static void
print_help_row (FILE       *out,
                const char *usage,
                const char *summary)
{
  if (g_utf8_strlen (usage, -1) > 52)
    fprintf (out, "  %s\n  %52s %s\n", usage, "", summary);
  else
    {
      g_autofree char *padded = column (usage, 52);

      fprintf (out, "  %s %s\n", padded, summary);
    }
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  crosscheck [--library PATH] [COMMAND [ARGS…]]\n"
           "  crosscheck [--library PATH] [FILE…]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Without a command, Crosscheck opens its window and imports the files "
                          "given into the story in view."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    print_help_row (out, commands[i].usage, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  print_help_row (out, "--library PATH", _("Use the library file PATH"));
  print_help_row (out, "--story NAME|ID", _("Keep to the articles of one story"));
  print_help_row (out, "--version", _("Print the version and exit"));
  print_help_row (out, "--help", _("Print this help and exit"));
  fprintf (out, "\n%s\n", _("Exit status: 0 when all went well, 1 when some input was refused, "
                            "2 on a usage error."));
}

int
_cc_cli_usage_error (const char *message)
{
  fprintf (stderr, "crosscheck: %s\n", message);
  fprintf (stderr, "%s\n", _("Try “crosscheck --help”."));
  return CC_CLI_EXIT_USAGE;
}

/**
 * cc_cli_wants:
 *
 * Returns: %TRUE when the arguments ask for the command line rather than
 *   the window: a command, --help or --version; files and URIs to open
 *   go to the window
 */
gboolean
cc_cli_wants (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--library") == 0)
        {
          i++;
          continue;
        }
      if (g_str_has_prefix (argv[i], "--library="))
        continue;
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0 ||
          strcmp (argv[i], "--version") == 0 || find_command (argv[i]) != NULL)
        return TRUE;
      /* Files and addresses to open are the window's (the desktop file's
       * Exec line, or a second launch handing them to the running
       * window); anything else that is not an option is an unknown
       * command. */
      if (argv[i][0] != '-')
        return !g_file_test (argv[i], G_FILE_TEST_EXISTS) && g_uri_peek_scheme (argv[i]) == NULL;
    }

  return FALSE;
}

/* Opens the library; @writing for commands that change it, which a
 * damaged or read-only library refuses; reading commands read a damaged
 * library after a warning, so that what it holds can be exported. */
static CcStore *
open_store (CliOptions *options,
            gboolean    writing)
{
  g_autofree char *default_path = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = options->library_path;

  if (path == NULL)
    path = default_path = cc_store_dup_default_path ();

  store = writing ? cc_store_new (path, &error) : cc_store_new_for_reading (path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return NULL;
    }

  if (!cc_store_check (store, NULL, &error))
    {
      if (writing)
        {
          fprintf (stderr, "crosscheck: %s\n", error->message);
          return NULL;
        }
      fprintf (stderr, _("crosscheck: warning: %s\n"), error->message);
    }

  return g_steal_pointer (&store);
}

static CcLibrary *
open_library (CliOptions *options,
              gboolean    writing)
{
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!(store = open_store (options, writing)))
    return NULL;
  path = cc_store_get_path (store);

  library = cc_library_new (store);
  if (!cc_library_load (library, &error))
    {
      fprintf (stderr, "crosscheck: %s: %s\n", path, error->message);
      return NULL;
    }

  if (!_cc_cli_resolve_story (options, library))
    return NULL;

  return g_steal_pointer (&library);
}

CcLibrary *
_cc_cli_open_library (CliOptions *options)
{
  return open_library (options, FALSE);
}

/* For the commands that read the claims of many articles: every claim
 * is read in one pass rather than article by article. */
CcLibrary *
_cc_cli_open_library_with_claims (CliOptions *options)
{
  g_autoptr(CcLibrary) library = open_library (options, FALSE);
  g_autoptr(GError) error = NULL;

  if (library == NULL)
    return NULL;
  if (!cc_library_load_claims (library, &error))
    {
      fprintf (stderr, "crosscheck: %s: %s\n",
               cc_store_get_path (cc_library_get_store (library)), error->message);
      return NULL;
    }
  return g_steal_pointer (&library);
}

/* For the commands that change the library: a file that cannot be
 * written is refused, not opened for reading. */
CcLibrary *
_cc_cli_open_library_to_write (CliOptions *options)
{
  return open_library (options, TRUE);
}

void
_cc_cli_print_json (JsonNode *node)
{
  g_autofree char *text = cc_json_export_to_data (node, FALSE, NULL);

  printf ("%s\n", text);
}

void
_cc_cli_add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
_cc_cli_add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  /* An integer when it is one that gint64 holds; -2^63 ≤ value < 2^63. */
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value >= -9223372036854775808.0 && value < 9223372036854775808.0 &&
           value == floor (value))
    json_builder_add_int_value (builder, (gint64)value);
  else
    json_builder_add_double_value (builder, value);
}

/* One line of the claim contract. */
JsonNode *
_cc_cli_claim_to_json (CcClaim    *claim,
               const char *file,
               gboolean    library_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _cc_cli_add_string_or_null (builder, "file", file);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, cc_claim_get_start (claim));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, cc_claim_get_end (claim));
  _cc_cli_add_string_or_null (builder, "text", cc_claim_get_text (claim));
  _cc_cli_add_number (builder, "low", cc_claim_get_low (claim));
  _cc_cli_add_number (builder, "high", cc_claim_get_high (claim));
  json_builder_set_member_name (builder, "vague");
  json_builder_add_boolean_value (builder, cc_claim_get_vague (claim));
  _cc_cli_add_string_or_null (builder, "qualifier", cc_claim_get_qualifier (claim));
  _cc_cli_add_string_or_null (builder, "subject", cc_claim_get_subject (claim));
  _cc_cli_add_string_or_null (builder, "claimant", cc_claim_get_claimant (claim));
  _cc_cli_add_string_or_null (builder, "claimant_country", cc_claim_get_claimant_country (claim));
  _cc_cli_add_string_or_null (builder, "status", cc_claim_status_to_string (cc_claim_get_status (claim)));
  json_builder_set_member_name (builder, "hedged");
  json_builder_add_boolean_value (builder, cc_claim_get_hedged (claim));
  _cc_cli_add_string_or_null (builder, "event_date", cc_claim_get_event_date (claim));
  if (library_fields)
    {
      json_builder_set_member_name (builder, "article_id");
      json_builder_add_int_value (builder, cc_claim_get_article_id (claim));
      _cc_cli_add_string_or_null (builder, "origin",
                          cc_claim_origin_to_string (cc_claim_get_origin (claim)));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
_cc_cli_article_to_json (CcArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cc_article_get_id (article));
  _cc_cli_add_string_or_null (builder, "title", cc_article_get_title (article));
  _cc_cli_add_string_or_null (builder, "outlet", cc_article_get_outlet (article));
  _cc_cli_add_string_or_null (builder, "published", cc_article_get_published (article));
  _cc_cli_add_string_or_null (builder, "url", cc_article_get_url (article));
  _cc_cli_add_string_or_null (builder, "language", cc_article_get_language (article));
  _cc_cli_add_string_or_null (builder, "source_file", cc_article_get_source_file (article));
  json_builder_set_member_name (builder, "claims");
  json_builder_add_int_value (builder, cc_article_get_n_claims (article));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_claim_line (CcClaim *claim)
{
  g_autofree char *value = NULL;

  if (cc_claim_get_low (claim) == cc_claim_get_high (claim))
    value = cc_format_count (cc_claim_get_low (claim));
  else
    {
      g_autofree char *low = cc_format_count (cc_claim_get_low (claim));
      g_autofree char *high = cc_format_count (cc_claim_get_high (claim));

      value = g_strdup_printf ("%s–%s", low, high);
    }

  printf ("  [%u–%u] %-14s %s%s%s  %s%s%s%s\n",
          cc_claim_get_start (claim), cc_claim_get_end (claim), value,
          cc_claim_get_qualifier (claim) ? cc_claim_get_qualifier (claim) : "",
          cc_claim_get_qualifier (claim) ? " " : "",
          cc_claim_get_subject (claim) ? cc_claim_get_subject (claim) : "",
          cc_claim_status_to_string (cc_claim_get_status (claim)),
          cc_claim_get_hedged (claim) ? _(", hedged") : "",
          cc_claim_get_event_date (claim) ? ", " : "",
          cc_claim_get_event_date (claim) ? cc_claim_get_event_date (claim) : "");
  if (cc_claim_get_claimant (claim) != NULL)
    printf ("      %s %s%s%s%s\n", _("according to"), cc_claim_get_claimant (claim),
            cc_claim_get_claimant_country (claim) ? " (" : "",
            cc_claim_get_claimant_country (claim) ? cc_claim_get_claimant_country (claim) : "",
            cc_claim_get_claimant_country (claim) ? ")" : "");
}

static void
print_article_row (CcArticle *article)
{
  const char *published = cc_article_get_published (article);
  const char *outlet = cc_article_get_outlet (article);
  g_autofree char *date_column = column (published ? published : "—", 10);
  g_autofree char *outlet_column = column (outlet ? outlet : "—", 28);

  printf ("%4" G_GINT64_FORMAT "  %s  %s  %3u  %s\n",
          cc_article_get_id (article), date_column, outlet_column,
          cc_article_get_n_claims (article),
          cc_article_get_title (article));
}

static void
print_progress (double      fraction,
                const char *path,
                gpointer    user_data)
{
  gboolean *tty = user_data;

  if (*tty && path != NULL)
    fprintf (stderr, "\r%3.0f%% %s\033[K", fraction * 100, path);
  else if (*tty)
    fprintf (stderr, "\r\033[K");
}

static int
cmd_import (CliOptions *options)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcImportReport) report = NULL;
  gboolean tty = isatty (fileno (stderr));

  options->make_story = TRUE;
  library = open_library (options, TRUE);

  if (library == NULL)
    return CC_CLI_EXIT_REFUSED;

  g_ptr_array_add (options->args, NULL);
  report = cc_library_import_into (library, (const char * const *)options->args->pdata,
                                   options->story, NULL, print_progress, &tty);
  g_ptr_array_remove_index (options->args, options->args->len - 1);

  for (guint i = 0; i < report->messages->len; i++)
    fprintf (stderr, "%s\n", (char *)g_ptr_array_index (report->messages, i));

  printf (ngettext ("Imported %u article", "Imported %u articles", report->n_imported),
          report->n_imported);
  printf (", ");
  printf (ngettext ("skipped %u duplicate", "skipped %u duplicates", report->n_duplicates),
          report->n_duplicates);
  printf (", ");
  printf (ngettext ("refused %u file", "refused %u files", report->n_refused),
          report->n_refused);
  printf ("\n");

  return report->n_refused > 0 ? CC_CLI_EXIT_REFUSED : CC_CLI_EXIT_OK;
}

/* The search index is made again from the articles, for a library whose
 * index alone is damaged; it then passes the check again. */
static int
cmd_reindex (CliOptions *options)
{
  g_autofree char *default_path = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = options->library_path;

  if (path == NULL)
    path = default_path = cc_store_dup_default_path ();

  if (!(store = cc_store_new (path, &error)) ||
      !cc_store_rebuild_search_index (store, &error) ||
      !cc_store_check (store, NULL, &error))
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return CC_CLI_EXIT_REFUSED;
    }

  printf (_("Rebuilt the search index of %s\n"), path);
  return CC_CLI_EXIT_OK;
}

static int
cmd_list (CliOptions *options)
{
  g_autoptr(CcLibrary) library = _cc_cli_open_library (options);
  g_autoptr(GListModel) articles = NULL;
  guint n;

  if (library == NULL)
    return CC_CLI_EXIT_REFUSED;

  articles = _cc_cli_scope_articles (options, library);
  n = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (articles, i);

      if (options->json)
        {
          g_autoptr(JsonNode) node = _cc_cli_article_to_json (article);
          _cc_cli_print_json (node);
        }
      else
        print_article_row (article);
    }

  return CC_CLI_EXIT_OK;
}

gboolean
_cc_cli_parse_id (const char *arg,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (arg, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64)value;
  return TRUE;
}

static JsonArray *
story_titles_json (CcLibrary *library,
                   CcArticle *article)
{
  g_autoptr(GPtrArray) stories = cc_library_list_article_stories (library, article);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < stories->len; i++)
    json_array_add_string_element (array, cc_story_get_title (g_ptr_array_index (stories, i)));
  return array;
}

static int
cmd_show (CliOptions *options)
{
  g_autoptr(CcLibrary) library = NULL;
  const char *arg = g_ptr_array_index (options->args, 0);
  GListModel *claims;
  CcArticle *article;
  gint64 id;

  if (!_cc_cli_parse_id (arg, &id))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not an article id"), arg);
      return _cc_cli_usage_error (msg);
    }

  if (!(library = _cc_cli_open_library (options)))
    return CC_CLI_EXIT_REFUSED;

  if (!(article = cc_library_lookup_article (library, id)))
    {
      fprintf (stderr, _("crosscheck: no article with id %s\n"), arg);
      return CC_CLI_EXIT_REFUSED;
    }

  claims = cc_article_get_claims (article);

  if (options->json)
    {
      g_autoptr(JsonNode) node = _cc_cli_article_to_json (article);
      JsonObject *object = json_node_get_object (node);
      JsonArray *array = json_array_new ();

      json_object_set_string_member (object, "text", cc_article_get_text (article));
      json_object_set_array_member (object, "stories", story_titles_json (library, article));
      for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

          if (!cc_claim_get_rejected (claim))
            json_array_add_element (array,
                                    _cc_cli_claim_to_json (claim, cc_article_get_source_file (article),
                                                   TRUE));
        }
      json_object_set_array_member (object, "claim_list", array);
      _cc_cli_print_json (node);
      return CC_CLI_EXIT_OK;
    }

  printf ("%s\n", cc_article_get_title (article));
  printf ("%s · %s\n",
          cc_article_get_outlet (article) ? cc_article_get_outlet (article) : _("Unknown outlet"),
          cc_article_get_published (article) ? cc_article_get_published (article) : _("Undated"));
  if (cc_article_get_url (article))
    printf ("%s\n", cc_article_get_url (article));
  {
    g_autoptr(GPtrArray) stories = cc_library_list_article_stories (library, article);

    for (guint i = 0; i < stories->len; i++)
      printf (_("Story: %s\n"), cc_story_get_title (g_ptr_array_index (stories, i)));
  }
  printf ("\n%s\n\n", cc_article_get_text (article));
  printf (ngettext ("%u claim:\n", "%u claims:\n", cc_article_get_n_claims (article)),
          cc_article_get_n_claims (article));
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (!cc_claim_get_rejected (claim))
        print_claim_line (claim);
    }

  return CC_CLI_EXIT_OK;
}

static int
cmd_search (CliOptions *options)
{
  g_autoptr(CcLibrary) library = _cc_cli_open_library (options);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (library == NULL)
    return CC_CLI_EXIT_REFUSED;

  g_ptr_array_add (options->args, NULL);
  query = g_strjoinv (" ", (char **)options->args->pdata);
  g_ptr_array_remove_index (options->args, options->args->len - 1);

  if (!(ids = cc_store_search (cc_library_get_store (library), query, &error)))
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return CC_CLI_EXIT_REFUSED;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      CcArticle *article = cc_library_lookup_article (library, id);

      if (article == NULL ||
          (options->story != NULL && !cc_story_contains (options->story, id)))
        continue;
      if (options->json)
        {
          g_autoptr(JsonNode) node = _cc_cli_article_to_json (article);
          _cc_cli_print_json (node);
        }
      else
        print_article_row (article);
    }

  return CC_CLI_EXIT_OK;
}

/* The text that claim offsets of `extract` refer to: the file itself for
 * plain text and Markdown, the article text for formats that need
 * parsing. The file is read and its UTF-8 checked once, by the importer;
 * the extractor decodes it as it cuts it into words. */
static char *
read_extract_text (CcImporter  *importer,
                   const char  *path,
                   char       **published,
                   GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  CcArticle *article;

  if (!(articles = cc_importer_load_contents (importer, path, NULL, &contents, error)))
    return NULL;
  if (articles->len == 0)
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_EMPTY,
                   _("%s: no article text found"), path);
      return NULL;
    }

  article = g_ptr_array_index (articles, 0);
  *published = g_strdup (cc_article_get_published (article));

  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".md") ||
      g_str_has_suffix (lower, ".markdown"))
    {
      gsize size;

      /* the bytes are followed by a NUL: a string without a copy */
      return g_bytes_unref_to_data (g_steal_pointer (&contents), &size);
    }

  return g_strdup (cc_article_get_text (article));
}

static int
cmd_extract (CliOptions *options)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  CcExtractor *extractor = cc_extractor_get_default ();
  int status = CC_CLI_EXIT_OK;

  for (guint i = 0; i < options->args->len; i++)
    {
      const char *path = g_ptr_array_index (options->args, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      g_autofree char *published = NULL;
      g_autofree char *text = read_extract_text (importer, path, &published, &error);

      if (text == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          status = CC_CLI_EXIT_REFUSED;
          continue;
        }

      claims = cc_extractor_extract (extractor, text,
                                     options->published ? options->published : published);

      if (!options->json)
        printf ("%s\n", path);

      for (guint j = 0; j < claims->len; j++)
        {
          CcClaim *claim = g_ptr_array_index (claims, j);

          if (options->json)
            {
              g_autoptr(JsonNode) node = _cc_cli_claim_to_json (claim, path, FALSE);
              _cc_cli_print_json (node);
            }
          else
            print_claim_line (claim);
        }
    }

  return status;
}

static int
cmd_claims (CliOptions *options)
{
  g_autoptr(CcLibrary) library = _cc_cli_open_library (options);
  g_autoptr(GListModel) claims = NULL;

  if (library == NULL)
    return CC_CLI_EXIT_REFUSED;

  claims = _cc_cli_scope_claims (options, library);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      CcArticle *article = cc_library_lookup_article (library, cc_claim_get_article_id (claim));
      const char *file = article ? cc_article_get_source_file (article) : NULL;

      if (options->json)
        {
          g_autoptr(JsonNode) node = _cc_cli_claim_to_json (claim, file, TRUE);
          _cc_cli_print_json (node);
        }
      else
        {
          printf ("%" G_GINT64_FORMAT " %s\n", cc_claim_get_article_id (claim),
                  article ? cc_article_get_title (article) : "");
          print_claim_line (claim);
        }
    }

  return CC_CLI_EXIT_OK;
}

/**
 * cc_cli_run:
 *
 * Runs the command named in @argv.
 *
 * Returns: the exit status
 */
int
cc_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  CliOptions options = { 0 };
  const Command *command = NULL;
  gboolean options_done = FALSE;

  options.args = args;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && strcmp (arg, "--") == 0)
        options_done = TRUE;
      else if (!options_done && (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0))
        {
          print_help (stdout);
          return CC_CLI_EXIT_OK;
        }
      else if (!options_done && strcmp (arg, "--version") == 0)
        {
          printf ("crosscheck %s\n", PACKAGE_VERSION);
          return CC_CLI_EXIT_OK;
        }
      else if (!options_done && strcmp (arg, "--library") == 0)
        {
          if (++i >= argc)
            return _cc_cli_usage_error (_("--library needs a file name"));
          options.library_path = argv[i];
        }
      else if (!options_done && g_str_has_prefix (arg, "--library="))
        options.library_path = arg + strlen ("--library=");
      else if (!options_done && strcmp (arg, "--json") == 0)
        options.json = TRUE;
      else if (!options_done && strcmp (arg, "--story") == 0)
        {
          if (++i >= argc)
            return _cc_cli_usage_error (_("--story needs a story’s title or id"));
          options.story_name = argv[i];
        }
      else if (!options_done && g_str_has_prefix (arg, "--story="))
        options.story_name = arg + strlen ("--story=");
      else if (!options_done && strcmp (arg, "--published") == 0)
        {
          if (++i >= argc)
            return _cc_cli_usage_error (_("--published needs a date"));
          options.published = argv[i];
        }
      else if (!options_done && g_str_has_prefix (arg, "--published="))
        options.published = arg + strlen ("--published=");
      else if (!options_done && arg[0] == '-' && arg[1] != '\0' && command != NULL &&
               command->own_options)
        g_ptr_array_add (args, (gpointer)arg);
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *msg = g_strdup_printf (_("unknown option “%s”"), arg);
          return _cc_cli_usage_error (msg);
        }
      else if (command == NULL)
        {
          if (!(command = find_command (arg)))
            {
              g_autofree char *msg = g_strdup_printf (_("unknown command “%s”"), arg);
              return _cc_cli_usage_error (msg);
            }
        }
      else
        g_ptr_array_add (args, (gpointer)arg);
    }

  if (command == NULL)
    return _cc_cli_usage_error (_("no command given"));

  if (options.json && !command->takes_json)
    return _cc_cli_usage_error (_("--json does not apply to this command"));
  if (options.story_name != NULL && !command->takes_story)
    return _cc_cli_usage_error (_("--story does not apply to this command"));
  if (options.story_name != NULL && *options.story_name == '\0')
    return _cc_cli_usage_error (_("--story needs a story’s title or id"));
  if (options.published != NULL && !command->takes_published)
    return _cc_cli_usage_error (_("--published applies to “extract” only"));
  if (options.published != NULL && !cc_date_is_valid (options.published))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a date of the form YYYY-MM-DD"),
                                              options.published);
      return _cc_cli_usage_error (msg);
    }
  if ((int)args->len < command->min_args ||
      (command->max_args >= 0 && (int)args->len > command->max_args))
    {
      g_autofree char *msg = g_strdup_printf (_("usage: crosscheck %s"), command->usage);
      return _cc_cli_usage_error (msg);
    }

  return command->func (&options);
}
