/* cc-store-search.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Full-text search: what a person types made into an FTS5 query, and
 * the matches whole or a page at a time. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-store-private.h"

/* Turns what a person types into an FTS5 query: every word must occur,
 * as a word or the start of one. FTS syntax is not exposed, so no input
 * is a syntax error. A word joined by apostrophes or hyphens ("Russia's",
 * "agency’s", "North-Korean") is the phrase of its parts, as the index's
 * tokenizer splits the text, so that it finds the same spelling with any
 * apostrophe or with a space; its last part is a prefix, unless it is a
 * short ending. A word given twice counts once; more than
 * CC_STORE_MAX_SEARCH_WORDS different words are refused. */
static char *
make_fts_query (const char  *query,
                GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean joiner = FALSE;

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_QUERY,
                   _("The search is not valid UTF-8 text"));
      return NULL;
    }

  for (const char *p = query; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || (word->len > 0 && g_unichar_ismark (c))))
        {
          /* A joiner between two parts starts a new token of the phrase. */
          if (joiner)
            g_string_append_c (word, ' ');
          joiner = FALSE;
          g_string_append_unichar (word, c);
          continue;
        }
      if (c != 0 && word->len > 0 && (c == '\'' || c == 0x2019 || c == '-' || c == 0x2010))
        {
          joiner = TRUE;
          continue;
        }
      joiner = FALSE;

      if (word->len > 0)
        {
          char *key = g_utf8_casefold (word->str, -1);
          const char *last = strrchr (word->str, ' ');

          if (g_hash_table_add (seen, key))
            {
              if (g_hash_table_size (seen) > CC_STORE_MAX_SEARCH_WORDS)
                {
                  g_set_error (error, CC_STORE_ERROR, CC_STORE_ERROR_QUERY,
                               _("The search has more than %d different words; "
                                 "search for fewer"), CC_STORE_MAX_SEARCH_WORDS);
                  return NULL;
                }

              if (out->len > 0)
                g_string_append_c (out, ' ');
              /* "agency's" is not "agency said": the short ending of a
               * joined word ("s", "ll", "re") is a whole token. */
              g_string_append_printf (out, "\"%s\"%s", word->str,
                                      last != NULL && g_utf8_strlen (last + 1, -1) < 3 ? "" : "*");
            }
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return g_strdup (out->str);
}

/* Makes *@stmt the statement @which for @query, bound and ready to
 * step, with the store's mutex held in @locker; *@stmt stays %NULL for a
 * query without words. FALSE with @error set. */
static gboolean
prepare_search (CcStore        *self,
                const char     *query,
                StmtId          which,
                GMutexLocker  **locker,
                sqlite3_stmt  **stmt,
                GError        **error)
{
  g_autofree char *fts = NULL;

  *stmt = NULL;
  if (query == NULL)
    return TRUE;
  if (!(fts = make_fts_query (query, error)))
    return FALSE;
  if (*fts == '\0')
    return TRUE;

  *locker = g_mutex_locker_new (_cc_store_get_mutex (self));
  if (!(*stmt = _cc_store_get_stmt (self, which, error)))
    return FALSE;
  _cc_store_bind_text (*stmt, 1, fts);
  return TRUE;
}

/* The ids @which finds for @query: all of them ranked, or with
 * STMT_SEARCH_PAGE @limit of them below @before_id. */
static GArray *
search (CcStore     *self,
        const char  *query,
        StmtId       which,
        gint64       before_id,
        guint        limit,
        GError     **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!prepare_search (self, query, which, &locker, &stmt, error))
    return NULL;
  if (stmt == NULL)
    return g_steal_pointer (&ids);
  if (which == STMT_SEARCH_PAGE)
    {
      sqlite3_bind_int64 (stmt, 2, before_id > 0 ? before_id : G_MAXINT64);
      sqlite3_bind_int64 (stmt, 3, limit);
    }
  if (!_cc_store_collect_ids (self, stmt, ids, "searching", error))
    return NULL;

  return g_steal_pointer (&ids);
}

/* cc_collect_ids (SET, ID): an aggregate that adds each ID to the
 * CcIdSet bound as the pointer SET, and gives NULL. */
static void
collect_ids_step (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  CcIdSet *set = sqlite3_value_pointer (argv[0], "CcIdSet");

  if (set != NULL && sqlite3_value_type (argv[1]) == SQLITE_INTEGER)
    cc_id_set_add (set, sqlite3_value_int64 (argv[1]));
}

static void
collect_ids_final (sqlite3_context *context)
{
  sqlite3_result_null (context);
}

/* Adds to @db, a connection to a library, the functions its statements
 * call; FALSE with SQLite's error on @db. */
gboolean
_cc_store_add_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "cc_collect_ids", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                     NULL, NULL, collect_ids_step, collect_ids_final,
                                     NULL) == SQLITE_OK;
}

/**
 * cc_store_search:
 *
 * Full-text search of titles, outlets and texts: every word of @query must
 * occur, as a word or the start of one.
 *
 * Returns: (transfer full) (element-type gint64): matching article ids,
 *   best first; empty for a query without words
 */
GArray *
cc_store_search (CcStore     *self,
                 const char  *query,
                 GError     **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  return search (self, query, STMT_SEARCH, 0, 0, error);
}

/**
 * cc_store_search_set:
 *
 * As cc_store_search(), as a set: for a word most articles hold, ranking
 * every match costs twenty times the search, and reading the matches a
 * row at a time twice the search.
 *
 * Returns: (transfer full): the ids of the matching articles; empty for
 *   a query without words
 */
CcIdSet *
cc_store_search_set (CcStore     *self,
                     const char  *query,
                     GError     **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = NULL;
  g_autoptr(CcIdSet) set = cc_id_set_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  if (!prepare_search (self, query, STMT_SEARCH_SET, &locker, &stmt, error))
    return NULL;
  if (stmt == NULL)
    return g_steal_pointer (&set);
  sqlite3_bind_pointer (stmt, 2, set, "CcIdSet", NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  sqlite3_bind_null (stmt, 2);
  if (rc != SQLITE_DONE)
    {
      _cc_store_set_sql_error (self, error, "searching");
      return NULL;
    }
  return g_steal_pointer (&set);
}

/**
 * cc_store_search_page:
 * @before_id: the last id of the page before, or 0 for the first page
 * @limit: the most ids to return
 *
 * A page of what cc_store_search() finds, newest article first, read in
 * time that grows with the page rather than with the matches.
 *
 * Returns: (transfer full) (element-type gint64): matching article ids
 *   below @before_id, in decreasing order
 */
GArray *
cc_store_search_page (CcStore     *self,
                      const char  *query,
                      gint64       before_id,
                      guint        limit,
                      GError     **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  if (limit == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return search (self, query, STMT_SEARCH_PAGE, before_id, limit, error);
}

