/* cc-cli-story.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stories on the command line: the scope `--story NAME|ID` gives the
 * other commands, `story list|new|rename|delete|add|remove`, and `remove`,
 * which deletes articles from the library. */

#define G_LOG_DOMAIN "cc-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-cli-private.h"
#include "cc-library.h"
#include "cc-story.h"

/**
 * _cc_cli_resolve_story:
 *
 * Finds the story --story names, making it for import. Says what is wrong
 * on stderr.
 *
 * Returns: %FALSE when --story names no story
 */
gboolean
_cc_cli_resolve_story (CliOptions *options,
                       CcLibrary  *library)
{
  g_autoptr(GError) error = NULL;

  if (options->story_name == NULL)
    return TRUE;

  if ((options->story = cc_library_find_story (library, options->story_name)))
    return TRUE;

  if (!options->make_story)
    {
      fprintf (stderr, _("crosscheck: no story “%s” (see “crosscheck story list”)\n"),
               options->story_name);
      return FALSE;
    }

  if (!(options->story = cc_library_add_story (library, options->story_name, NULL, &error)))
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * _cc_cli_scope_articles:
 *
 * Returns: (transfer full): the articles of the story --story names, in
 *   the library's order, or the whole library
 */
GListModel *
_cc_cli_scope_articles (CliOptions *options,
                        CcLibrary  *library)
{
  g_autoptr(GPtrArray) articles = NULL;
  GListStore *store;

  if (options->story == NULL)
    return g_object_ref (G_LIST_MODEL (library));

  articles = cc_library_list_story_articles (library, options->story);
  store = g_list_store_new (CC_TYPE_ARTICLE);
  g_list_store_splice (store, 0, 0, articles->pdata, articles->len);
  return G_LIST_MODEL (store);
}

/**
 * _cc_cli_scope_claims:
 *
 * Returns: (transfer full): the claims (not rejected) of the story
 *   --story names, or of the whole library
 */
GListModel *
_cc_cli_scope_claims (CliOptions *options,
                      CcLibrary  *library)
{
  GListModel *claims = cc_library_get_claims (library);
  g_autoptr(GPtrArray) kept = NULL;
  GListStore *store;
  guint n;

  if (options->story == NULL)
    return g_object_ref (claims);

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (claims);
  for (guint i = 0; i < n; i++)
    {
      CcClaim *claim = g_list_model_get_item (claims, i);

      if (cc_story_contains (options->story, cc_claim_get_article_id (claim)))
        g_ptr_array_add (kept, claim);
      else
        g_object_unref (claim);
    }

  store = g_list_store_new (CC_TYPE_CLAIM);
  g_list_store_splice (store, 0, 0, kept->pdata, kept->len);
  return G_LIST_MODEL (store);
}

/**
 * _cc_cli_lookup_article:
 *
 * Returns: (transfer none) (nullable): the article ID @arg names, when it
 *   is in the scope; says why not on stderr
 */
CcArticle *
_cc_cli_lookup_article (CliOptions *options,
                        CcLibrary  *library,
                        const char *arg)
{
  CcArticle *article;
  gint64 id = 0;

  if (!_cc_cli_parse_id (arg, &id) || !(article = cc_library_lookup_article (library, id)))
    {
      fprintf (stderr, _("crosscheck: no article with id %s\n"), arg);
      return NULL;
    }
  if (options->story != NULL && !cc_story_contains (options->story, id))
    {
      fprintf (stderr, _("crosscheck: article %s is not in the story “%s”\n"), arg,
               cc_story_get_title (options->story));
      return NULL;
    }
  return article;
}

static JsonNode *
story_to_json (CcStory *story)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) ids = cc_story_dup_article_ids (story);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cc_story_get_id (story));
  _cc_cli_add_string_or_null (builder, "title", cc_story_get_title (story));
  _cc_cli_add_string_or_null (builder, "description", cc_story_get_description (story));
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, cc_story_get_created (story));
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
story_list (CliOptions *options,
            CcLibrary  *library)
{
  GListModel *stories = cc_library_get_stories (library);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (stories, i);

      if (options->json)
        {
          g_autoptr(JsonNode) node = story_to_json (story);
          _cc_cli_print_json (node);
        }
      else
        printf ("%4" G_GINT64_FORMAT "  %5u  %s\n", cc_story_get_id (story),
                cc_story_get_n_articles (story), cc_story_get_title (story));
    }

  return CC_CLI_EXIT_OK;
}

static CcStory *
find_story_or_say (CcLibrary  *library,
                   const char *name)
{
  CcStory *story = cc_library_find_story (library, name);

  if (story == NULL)
    fprintf (stderr, _("crosscheck: no story “%s” (see “crosscheck story list”)\n"), name);
  return story;
}

/* The articles ID… of @args from @first on; NULL, naming every unknown id,
 * when some are not in the library. */
static GPtrArray *
collect_ids (CcLibrary  *library,
             GPtrArray  *args,
             guint       first)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  gboolean ok = TRUE;

  for (guint i = first; i < args->len; i++)
    {
      const char *arg = g_ptr_array_index (args, i);
      CcArticle *article = NULL;
      gint64 id;

      if (_cc_cli_parse_id (arg, &id))
        article = cc_library_lookup_article (library, id);
      if (article == NULL)
        {
          fprintf (stderr, _("crosscheck: no article with id %s\n"), arg);
          ok = FALSE;
        }
      else
        g_ptr_array_add (articles, article);
    }

  return ok ? g_steal_pointer (&articles) : NULL;
}

static int
story_usage (void)
{
  return _cc_cli_usage_error (_("usage: crosscheck story list [--json] | new TITLE "
                                "[--description TEXT] | rename STORY TITLE | delete STORY | "
                                "add STORY ID… | remove STORY ID…"));
}

int
_cc_cli_cmd_story (CliOptions *options)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *description = NULL;
  const char *verb;
  CcStory *story;

  for (guint i = 0; i < options->args->len; i++)
    {
      const char *arg = g_ptr_array_index (options->args, i);

      if (strcmp (arg, "--description") == 0 && i + 1 < options->args->len)
        description = g_ptr_array_index (options->args, ++i);
      else if (g_str_has_prefix (arg, "--description="))
        description = arg + strlen ("--description=");
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *msg = g_strdup_printf (_("unknown option “%s”"), arg);
          return _cc_cli_usage_error (msg);
        }
      else
        g_ptr_array_add (args, (gpointer)arg);
    }

  if (args->len == 0)
    return story_usage ();
  verb = g_ptr_array_index (args, 0);

  if (!((strcmp (verb, "list") == 0 && args->len == 1) ||
        (strcmp (verb, "new") == 0 && args->len == 2) ||
        (strcmp (verb, "rename") == 0 && args->len == 3) ||
        (strcmp (verb, "delete") == 0 && args->len == 2) ||
        ((strcmp (verb, "add") == 0 || strcmp (verb, "remove") == 0) && args->len >= 3)))
    return story_usage ();
  if (description != NULL && strcmp (verb, "new") != 0)
    return _cc_cli_usage_error (_("--description applies to “story new” only"));
  if (options->json && strcmp (verb, "list") != 0)
    return _cc_cli_usage_error (_("--json applies to “story list” only"));

  if (!(library = strcmp (verb, "list") == 0 ? _cc_cli_open_library (options)
                                              : _cc_cli_open_library_to_write (options)))
    return CC_CLI_EXIT_REFUSED;

  if (strcmp (verb, "list") == 0)
    return story_list (options, library);

  if (strcmp (verb, "new") == 0)
    {
      g_autofree char *id = NULL;

      if (!(story = cc_library_add_story (library, g_ptr_array_index (args, 1), description,
                                          &error)))
        {
          fprintf (stderr, "crosscheck: %s\n", error->message);
          return CC_CLI_EXIT_REFUSED;
        }
      id = g_strdup_printf ("%" G_GINT64_FORMAT, cc_story_get_id (story));
      /* Translators: the story's id, then its title. */
      printf (_("Made story %s, “%s”\n"), id, cc_story_get_title (story));
      return CC_CLI_EXIT_OK;
    }

  if (!(story = find_story_or_say (library, g_ptr_array_index (args, 1))))
    return CC_CLI_EXIT_REFUSED;

  if (strcmp (verb, "rename") == 0)
    {
      if (!cc_library_rename_story (library, story, g_ptr_array_index (args, 2), &error))
        {
          fprintf (stderr, "crosscheck: %s\n", error->message);
          return CC_CLI_EXIT_REFUSED;
        }
      return CC_CLI_EXIT_OK;
    }

  if (strcmp (verb, "delete") == 0)
    {
      g_autofree char *title = g_strdup (cc_story_get_title (story));
      guint n = cc_story_get_n_articles (story);

      if (!cc_library_remove_story (library, story, &error))
        {
          fprintf (stderr, "crosscheck: %s\n", error->message);
          return CC_CLI_EXIT_REFUSED;
        }
      printf (ngettext ("Deleted the story “%s”; its %u article stays in the library\n",
                        "Deleted the story “%s”; its %u articles stay in the library\n", n),
              title, n);
      return CC_CLI_EXIT_OK;
    }

  /* add, remove */
  {
    g_autoptr(GPtrArray) articles = collect_ids (library, args, 2);
    gboolean member = strcmp (verb, "add") == 0;

    if (articles == NULL)
      return CC_CLI_EXIT_REFUSED;
    if (!cc_library_set_story_articles (library, story, articles, member, &error))
      {
        fprintf (stderr, "crosscheck: %s\n", error->message);
        return CC_CLI_EXIT_REFUSED;
      }
  }

  return CC_CLI_EXIT_OK;
}

int
_cc_cli_cmd_remove (CliOptions *options)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(CcRemovedArticles) removed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < options->args->len; i++)
    {
      const char *arg = g_ptr_array_index (options->args, i);
      gint64 id;

      if (!_cc_cli_parse_id (arg, &id))
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not an article id"), arg);
          return _cc_cli_usage_error (msg);
        }
    }

  if (!(library = _cc_cli_open_library_to_write (options)))
    return CC_CLI_EXIT_REFUSED;

  /* Nothing is removed when one id is unknown. */
  if (!(articles = collect_ids (library, options->args, 0)))
    return CC_CLI_EXIT_REFUSED;

  if (!(removed = cc_library_remove_articles (library, articles, &error)))
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return CC_CLI_EXIT_REFUSED;
    }

  printf (ngettext ("Removed %u article\n", "Removed %u articles\n",
                    cc_removed_articles_get_articles (removed)->len),
          cc_removed_articles_get_articles (removed)->len);
  return CC_CLI_EXIT_OK;
}
