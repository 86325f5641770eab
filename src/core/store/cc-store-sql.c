/* cc-store-sql.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* All the SQL of the store: the statements it prepares once, and the
 * migrations that take a file from one schema version to the next. */

#define G_LOG_DOMAIN "cc-store"

#include "config.h"

#include "cc-store-private.h"

#define CLAIM_COLUMNS \
  "article_id, start, end, text, low, high, vague, qualifier, subject, claimant, " \
  "claimant_country, status, hedged, event_date, origin, rejected, extractor_version"

#define ANNOTATION_COLUMNS "article_id, start, end, color, note, tags, created, modified"

#define LIST_COLUMNS \
  "id, title, outlet, url, published, language, source_file, imported, n_claims"

const char * const _cc_store_sql[N_STMTS] = {
  /* What the list shows, from the index that holds it rather than from
   * the rows, which hold the texts. */
  [STMT_ARTICLES] =
    "SELECT " LIST_COLUMNS " FROM articles INDEXED BY articles_list ORDER BY id",
  [STMT_CLAIMS] = "SELECT id, " CLAIM_COLUMNS " FROM claims ORDER BY article_id, start, id",
  [STMT_ANNOTATIONS] =
    "SELECT id, " ANNOTATION_COLUMNS " FROM annotations ORDER BY article_id, start, id",
  /* One article's text, claims and annotations, by the indexed columns. */
  [STMT_ARTICLE_TEXT] = "SELECT text FROM articles WHERE id = ?1",
  [STMT_ARTICLE_CLAIMS] =
    "SELECT id, " CLAIM_COLUMNS " FROM claims WHERE article_id = ?1 ORDER BY start, id",
  [STMT_ARTICLE_ANNOTATIONS] =
    "SELECT id, " ANNOTATION_COLUMNS " FROM annotations WHERE article_id = ?1 "
    "ORDER BY start, id",
  [STMT_RECOUNT_CLAIMS] =
    "UPDATE articles SET n_claims = "
    "(SELECT count(*) FROM claims WHERE article_id = ?1 AND rejected = 0) WHERE id = ?1",
  [STMT_CLAIM_ARTICLE] = "SELECT article_id FROM claims WHERE id = ?1",
  [STMT_HAS_HASH] = "SELECT title FROM articles WHERE text_hash = ?1",
  [STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (title, outlet, url, published, language, text, text_hash, "
    "source_file, imported, extractor_version, n_claims) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [STMT_UPDATE_ARTICLE] =
    "UPDATE articles SET title = ?2, outlet = ?3, url = ?4, published = ?5, language = ?6 "
    "WHERE id = ?1",
  [STMT_DELETE_ARTICLE] = "DELETE FROM articles WHERE id = ?1",
  [STMT_INSERT_CLAIM] =
    "INSERT INTO claims (" CLAIM_COLUMNS ") VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
  [STMT_UPDATE_CLAIM] =
    "UPDATE claims SET article_id = ?1, start = ?2, end = ?3, text = ?4, low = ?5, high = ?6, "
    "vague = ?7, qualifier = ?8, subject = ?9, claimant = ?10, claimant_country = ?11, "
    "status = ?12, hedged = ?13, event_date = ?14, origin = ?15, rejected = ?16, "
    "extractor_version = ?17 WHERE id = ?18",
  [STMT_DELETE_CLAIM] = "DELETE FROM claims WHERE id = ?1",
  [STMT_DELETE_AUTO_CLAIMS] = "DELETE FROM claims WHERE article_id = ?1 AND origin = 'auto'",
  [STMT_INSERT_ANNOTATION] =
    "INSERT INTO annotations (" ANNOTATION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_UPDATE_ANNOTATION] =
    "UPDATE annotations SET start = ?2, end = ?3, color = ?4, note = ?5, tags = ?6, "
    "modified = ?7 WHERE id = ?1",
  [STMT_DELETE_ANNOTATION] = "DELETE FROM annotations WHERE id = ?1",
  [STMT_SEARCH] =
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank",
  /* Every match, in no order, added to the CcIdSet bound as ?2 without
   * a step per row. */
  [STMT_SEARCH_SET] =
    "SELECT cc_collect_ids (?2, rowid) FROM articles_fts WHERE articles_fts MATCH ?1",
  /* A page of matches, newest first, from below an id: the index is
   * walked in rowid order and stops at the page's end. */
  [STMT_SEARCH_PAGE] =
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid < ?2 "
    "ORDER BY rowid DESC LIMIT ?3",
  [STMT_STALE] = "SELECT id FROM articles WHERE extractor_version < ?1 ORDER BY id",
  [STMT_SET_VERSION] = "UPDATE articles SET extractor_version = ?2 WHERE id = ?1",
  /* What another process added: the articles after the last one known. */
  [STMT_ARTICLES_AFTER] =
    "SELECT " LIST_COLUMNS " FROM articles INDEXED BY articles_list WHERE id > ?1 ORDER BY id",
  [STMT_ARTICLE_IDS] = "SELECT id FROM articles ORDER BY id",
  [STMT_STORIES] = "SELECT id, title, description, created FROM stories ORDER BY id",
  [STMT_STORY_MEMBERS] =
    "SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id",
  [STMT_STORY] = "SELECT id, title, description, created FROM stories WHERE id = ?1",
  [STMT_INSERT_STORY] = "INSERT INTO stories (title, description, created) VALUES (?1, ?2, ?3)",
  [STMT_UPDATE_STORY] = "UPDATE stories SET title = ?2, description = ?3 WHERE id = ?1",
  [STMT_DELETE_STORY] = "DELETE FROM stories WHERE id = ?1",
  [STMT_FIND_STORY_TITLE] = "SELECT id FROM stories WHERE title = ?1 ORDER BY id LIMIT 1",
  /* A story deleted since (an undone deletion of its article) is skipped. */
  [STMT_ADD_STORY_ARTICLE] =
    "INSERT OR IGNORE INTO story_articles (story_id, article_id) "
    "SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?1)",
  [STMT_REMOVE_STORY_ARTICLE] =
    "DELETE FROM story_articles WHERE story_id = ?1 AND article_id = ?2",
  [STMT_ARTICLE_STORIES] =
    "SELECT story_id FROM story_articles WHERE article_id = ?1 ORDER BY story_id",
  [STMT_ARTICLE_VERSION] = "SELECT extractor_version FROM articles WHERE id = ?1",
  /* A new article into the full-text index, with the values of its row. */
  [STMT_INDEX_ARTICLE] =
    "INSERT INTO articles_fts (rowid, title, outlet, text) VALUES (?1, ?2, ?3, ?4)",
};

/* The search index merges its segments eight at a time rather than
 * four, and holds up to 8 MB of new postings before it writes a segment:
 * a large import then writes its postings fewer times over. */
#define SEARCH_INDEX_MERGE \
  "INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);" \
  "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 8388608);"

/* The schema ladder: migrations[i] takes a file from user_version i to
 * i + 1. Version 1 was the first release's schema; version 2 added the
 * extractor version of articles and their auto claims, and tags on
 * annotations; version 3 added stories, each holding any number of
 * articles, and the outlet to the full-text index (the stories of the existing articles are made by
 * _cc_store_migrate_stories, which knows the file's name); version 4
 * added each article's count of claims not rejected and an index holding
 * what the article list shows, so that a library opens without reading
 * its texts; version 5 dropped the trigger that indexed a new article
 * for search, which the store now does itself: inside the savepoint of
 * each article of a batch, the trigger made the index write a segment
 * per article. */
const char * const _cc_store_migrations[CC_STORE_SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  outlet TEXT,"
  "  url TEXT,"
  "  published TEXT,"
  "  language TEXT,"
  "  text TEXT NOT NULL,"
  "  text_hash TEXT NOT NULL UNIQUE,"
  "  source_file TEXT,"
  "  imported INTEGER NOT NULL);"
  "CREATE TABLE claims ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  text TEXT,"
  "  low REAL NOT NULL,"
  "  high REAL NOT NULL,"
  "  vague INTEGER NOT NULL DEFAULT 0,"
  "  qualifier TEXT,"
  "  subject TEXT,"
  "  claimant TEXT,"
  "  claimant_country TEXT,"
  "  status TEXT NOT NULL DEFAULT 'other',"
  "  hedged INTEGER NOT NULL DEFAULT 0,"
  "  event_date TEXT,"
  "  origin TEXT NOT NULL DEFAULT 'auto',"
  "  rejected INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE annotations ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  color TEXT,"
  "  note TEXT,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, text, content = 'articles', content_rowid = 'id');"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "END;"
  "CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;",

  /* 1 → 2 */
  "ALTER TABLE claims ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE annotations ADD COLUMN tags TEXT;"
  "ALTER TABLE articles ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX claims_by_article ON claims (article_id, start);"
  "CREATE INDEX annotations_by_article ON annotations (article_id, start);",

  /* 2 → 3 */
  "CREATE TABLE stories ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  created INTEGER NOT NULL);"
  "CREATE TABLE story_articles ("
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (story_id, article_id)) WITHOUT ROWID;"
  "CREATE INDEX story_articles_by_article ON story_articles (article_id, story_id);"
  "CREATE INDEX stories_by_title ON stories (title);"
  /* The outlet joins the full-text index. */
  "DROP TRIGGER IF EXISTS articles_ai;"
  "DROP TRIGGER IF EXISTS articles_ad;"
  "DROP TRIGGER IF EXISTS articles_au;"
  "DROP TABLE IF EXISTS articles_fts;"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, outlet, text, content = 'articles', content_rowid = 'id');"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, outlet, text)"
  "    VALUES (new.id, new.title, new.outlet, new.text);"
  "END;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, outlet, text)"
  "    VALUES ('delete', old.id, old.title, old.outlet, old.text);"
  "END;"
  "CREATE TRIGGER articles_au AFTER UPDATE OF title, outlet, text ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, outlet, text)"
  "    VALUES ('delete', old.id, old.title, old.outlet, old.text);"
  "  INSERT INTO articles_fts (rowid, title, outlet, text)"
  "    VALUES (new.id, new.title, new.outlet, new.text);"
  "END;"
  "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');",

  /* 3 → 4 */
  "ALTER TABLE articles ADD COLUMN n_claims INTEGER NOT NULL DEFAULT 0;"
  "UPDATE articles SET n_claims = "
  "  (SELECT count(*) FROM claims WHERE article_id = articles.id AND rejected = 0);"
  "CREATE INDEX articles_list ON articles "
  "  (id, title, outlet, url, published, language, source_file, imported, n_claims);"
  SEARCH_INDEX_MERGE,

  /* 4 → 5 */
  "DROP TRIGGER IF EXISTS articles_ai;",
};

/* The full-text index made again from the articles (reindex), as the
 * latest migration made it: title, outlet and text. */
const char _cc_store_drop_search_index[] = "DROP TABLE IF EXISTS articles_fts;";
const char _cc_store_forget_search_index[] =
  "DELETE FROM sqlite_master WHERE name = 'articles_fts' OR "
  "name LIKE 'articles\\_fts\\_%' ESCAPE '\\';";
const char _cc_store_create_search_index[] =
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, outlet, text, content = 'articles', content_rowid = 'id');"
  SEARCH_INDEX_MERGE
  "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');";
