/* bench-window-corpus.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A large library for the window's benchmark, made from the sample's
 * paragraphs. The sample is imported and its claims extracted once; each
 * new article is a few of its paragraphs in a random order, with the
 * claims found in them moved to their new places, a title from the
 * words of one of them and a date in 2023-2025. The store takes the
 * articles one transaction each, as an import does, without extracting
 * again. Every tenth article is in a story, "Every tenth dispatch". The file is written beside @path and renamed into place when
 * whole, so a run stopped half-way is not reused. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bench-window-corpus.h"
#include "cc-article-private.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-importer.h"
#include "cc-store.h"
#include "cc-story.h"

typedef struct
{
  char      *text;
  guint      length;    /* in characters */
  GPtrArray *claims;    /* CcClaim, offsets from the paragraph's start */
} Paragraph;

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->text);
  g_ptr_array_unref (paragraph->claims);
  g_free (paragraph);
}

/* Splits @article's text into its lines, each with the claims wholly in it. */
static void
add_paragraphs (GPtrArray *paragraphs,
                CcArticle *article)
{
  const char *text = cc_article_get_text (article);
  g_autoptr(GPtrArray) claims = cc_extractor_extract (cc_extractor_get_default (), text,
                                                      cc_article_get_published (article));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint offset = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (lines[i], -1);

      if (length > 40)
        {
          Paragraph *paragraph = g_new0 (Paragraph, 1);

          paragraph->text = g_strdup (lines[i]);
          paragraph->length = length;
          paragraph->claims = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint j = 0; j < claims->len; j++)
            {
              CcClaim *claim = g_ptr_array_index (claims, j);
              CcClaim *copy;

              if (cc_claim_get_start (claim) < offset || cc_claim_get_end (claim) > offset + length)
                continue;
              copy = cc_claim_copy (claim);
              cc_claim_set_start (copy, cc_claim_get_start (claim) - offset);
              cc_claim_set_end (copy, cc_claim_get_end (claim) - offset);
              g_ptr_array_add (paragraph->claims, copy);
            }
          g_ptr_array_add (paragraphs, paragraph);
        }
      offset += length + 1;
    }
}

static GPtrArray *
load_sample (const char  *sample_dir,
             GPtrArray   *outlets,
             GError     **error)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  const char *paths[] = { sample_dir, NULL };

  if (!cc_importer_collect (importer, paths, files, errors) || files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no sample articles in “%s”", sample_dir);
      return NULL;
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) articles = NULL;

      if (!(articles = cc_importer_load (importer, g_ptr_array_index (files, i), NULL, error)))
        return NULL;
      for (guint j = 0; j < articles->len; j++)
        {
          CcArticle *article = g_ptr_array_index (articles, j);

          add_paragraphs (paragraphs, article);
          if (cc_article_get_outlet (article) != NULL)
            g_ptr_array_add (outlets, g_strdup (cc_article_get_outlet (article)));
        }
    }
  if (outlets->len == 0)
    g_ptr_array_add (outlets, g_strdup ("Sample"));

  return g_steal_pointer (&paragraphs);
}

/* The first words of @text, up to about @max_chars bytes, at a space. */
static char *
make_title (const char *text,
            gsize       max_chars)
{
  const char *end = text;

  for (const char *p = text; *p != '\0' && (gsize)(p - text) < max_chars; p++)
    if (*p == ' ')
      end = p;
  if (end == text)
    return g_strdup (text);
  return g_strndup (text, end - text);
}

static CcArticle *
make_article (GPtrArray *paragraphs,
              GPtrArray *with_claims,
              GPtrArray *outlets,
              GRand     *rand,
              guint      number)
{
  CcArticle *article = cc_article_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2023, 1, 1, 0, 0, 0);
  guint n_paragraphs = g_rand_int_range (rand, 4, 9);
  Paragraph *first = NULL;
  guint offset;

  /* A line of its own makes every text unique. */
  g_string_append_printf (text, "Dispatch %u\n", number);
  offset = g_utf8_strlen (text->str, -1);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      /* Most paragraphs of a report on numbers hold one. */
      GPtrArray *from = g_rand_int_range (rand, 0, 3) != 0 ? with_claims : paragraphs;
      Paragraph *paragraph = g_ptr_array_index (from, g_rand_int_range (rand, 0, from->len));

      if (first == NULL)
        first = paragraph;
      g_string_append (text, paragraph->text);
      g_string_append_c (text, '\n');
      for (guint j = 0; j < paragraph->claims->len; j++)
        {
          g_autoptr(CcClaim) claim = cc_claim_copy (g_ptr_array_index (paragraph->claims, j));

          cc_claim_set_id (claim, 0);
          cc_claim_set_start (claim, cc_claim_get_start (claim) + offset);
          cc_claim_set_end (claim, cc_claim_get_end (claim) + offset);
          _cc_article_append_claim (article, claim);
        }
      offset += paragraph->length + 1;
    }

  {
    g_autofree char *title = make_title (first->text, g_rand_int_range (rand, 30, 80));

    cc_article_set_title (article, title);
  }
  cc_article_set_text (article, text->str);
  cc_article_set_outlet (article, g_ptr_array_index (outlets,
                                                     g_rand_int_range (rand, 0, outlets->len)));
  /* One article in fifty has no date. */
  if (g_rand_int_range (rand, 0, 50) != 0)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, g_rand_int_range (rand, 0, 3 * 365));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      cc_article_set_published (article, date);
    }
  cc_article_set_imported (article, g_get_real_time () / G_USEC_PER_SEC);

  return article;
}

static void
remove_library_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static gboolean
add_story (CcStore  *store,
           guint     n_articles,
           GError  **error)
{
  g_autoptr(CcStory) story = cc_story_new ("Every tenth dispatch");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(ids = cc_store_list_article_ids (store, error)) || !cc_store_add_story (store, story, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i += 10)
    g_array_append_val (members, g_array_index (ids, gint64, i));
  return cc_store_set_story_articles (store, cc_story_get_id (story),
                                      (const gint64 *)members->data, members->len, TRUE, error);
}

gboolean
bench_window_ensure_library (const char  *path,
                             const char  *sample_dir,
                             guint        n_articles,
                             GError     **error)
{
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GPtrArray) with_claims = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241018);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  CcStore *store;
  gint64 start = g_get_monotonic_time ();
  guint n_claims = 0;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (!(paragraphs = load_sample (sample_dir, outlets, error)))
    return FALSE;
  for (guint i = 0; i < paragraphs->len; i++)
    if (((Paragraph *)g_ptr_array_index (paragraphs, i))->claims->len > 0)
      g_ptr_array_add (with_claims, g_ptr_array_index (paragraphs, i));
  if (with_claims->len == 0)
    g_ptr_array_add (with_claims, g_ptr_array_index (paragraphs, 0));

  remove_library_files (part);
  if (!(store = cc_store_new (part, error)))
    return FALSE;

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(CcArticle) article = make_article (paragraphs, with_claims, outlets, rand, i + 1);

      if (!cc_store_add_article (store, article, CC_EXTRACTOR_VERSION, error))
        {
          g_object_unref (store);
          return FALSE;
        }
      n_claims += g_list_model_get_n_items (cc_article_get_claims (article));
      if ((i + 1) % 10000 == 0)
        g_printerr ("# made %u of %u articles\n", i + 1, n_articles);
    }
  if (!add_story (store, n_articles, error))
    {
      g_object_unref (store);
      return FALSE;
    }
  /* Closing the last connection folds the WAL into the file. */
  g_object_unref (store);

  if (g_rename (part, path) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "could not rename “%s”: %s", part, g_strerror (errsv));
      return FALSE;
    }
  g_printerr ("# made %u articles, %u claims in %.1f s\n", n_articles, n_claims,
              (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}
