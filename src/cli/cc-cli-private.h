/* cc-cli-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cc-cli.h"
#include "cc-types.h"

G_BEGIN_DECLS

/* What every command gets: the global options and its arguments.
 * Commands that take options of their own read them from @args. */
typedef struct
{
  const char *library_path;
  gboolean    json;
  const char *published;
  GPtrArray  *args;
  /* --story NAME|ID as given, and the story once the library is open. */
  const char *story_name;
  CcStory    *story;
  /* Whether opening the library makes the story when it has none of
   * that name (import). */
  gboolean    make_story;
} CliOptions;

CcLibrary *_cc_cli_open_library       (CliOptions  *options);
CcLibrary *_cc_cli_open_library_to_write (CliOptions *options);
CcLibrary *_cc_cli_open_library_with_claims (CliOptions *options);
void       _cc_cli_print_json         (JsonNode    *node);
void       _cc_cli_add_string_or_null (JsonBuilder *builder,
                                       const char  *name,
                                       const char  *value);
void       _cc_cli_add_number         (JsonBuilder *builder,
                                       const char  *name,
                                       double       value);
JsonNode  *_cc_cli_claim_to_json      (CcClaim     *claim,
                                       const char  *file,
                                       gboolean     library_fields);
JsonNode  *_cc_cli_article_to_json    (CcArticle   *article);
int        _cc_cli_usage_error        (const char  *message);
gboolean   _cc_cli_parse_id           (const char  *arg,
                                       gint64      *id);

/* cc-cli-story.c: the scope --story gives, and the story commands. */
gboolean   _cc_cli_resolve_story      (CliOptions  *options,
                                       CcLibrary   *library);
GListModel *_cc_cli_scope_articles    (CliOptions  *options,
                                       CcLibrary   *library);
GListModel *_cc_cli_scope_claims      (CliOptions  *options,
                                       CcLibrary   *library);
CcArticle *_cc_cli_lookup_article     (CliOptions  *options,
                                       CcLibrary   *library,
                                       const char  *arg);
int        _cc_cli_cmd_story          (CliOptions  *options);
int        _cc_cli_cmd_remove         (CliOptions  *options);

int        _cc_cli_cmd_chart          (CliOptions  *options);
int        _cc_cli_cmd_compare        (CliOptions  *options);
int        _cc_cli_cmd_export         (CliOptions  *options);

G_END_DECLS
