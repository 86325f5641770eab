/* cc-library-claims.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's flattened model of every claim that is not rejected. It
 * is filled the first time it is asked for, reading every claim in one
 * pass (on a worker with cc_library_load_claims_async(), which then adds
 * the runs to the model a slice at a time), and from then on follows the
 * articles' claims: each article's claims form one run, the runs in the
 * order of the articles, and a change of one article's claims is one
 * items-changed of exactly its run. Where a run starts is a prefix sum
 * over the runs before it, kept in a Fenwick tree, so that finding it
 * costs O(log n) in the library's size.
 *
 * While the model fills, the articles with a run are the first ones of
 * the library, as many as there are runs; they are followed like those
 * of a filled model, and the others get their runs, at the model's end,
 * when the fill reaches them. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-library-private.h"
#include "cc-store.h"

/* Fenwick tree over the run lengths, 1-based. */
static void
tree_add (CcLibrary *self,
          guint      position,
          gint       delta)
{
  for (guint i = position + 1; i <= self->tree->len; i += i & -i)
    g_array_index (self->tree, guint, i - 1) += delta;
}

static guint
tree_prefix (CcLibrary *self,
             guint      position)
{
  guint sum = 0;

  for (guint i = position; i > 0; i -= i & -i)
    sum += g_array_index (self->tree, guint, i - 1);
  return sum;
}

/* Appends one run at the end of the tree in O(log n). */
static void
tree_push (CcLibrary *self,
           guint      length)
{
  guint i = self->tree->len + 1;
  guint value = length;

  /* Node i covers (i - lowbit(i), i]: its own run and the nodes below. */
  for (guint j = 1; j < (i & -i); j <<= 1)
    value += g_array_index (self->tree, guint, i - j - 1);
  g_array_append_val (self->tree, value);
  g_array_append_val (self->runs, length);
}

static void
collect_run (CcArticle *article,
             GPtrArray *run)
{
  GListModel *claims = cc_article_get_claims (article);
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n; i++)
    {
      CcClaim *claim = g_list_model_get_item (claims, i);

      if (!cc_claim_get_rejected (claim))
        g_ptr_array_add (run, claim);
      g_object_unref (claim);
    }
}

/* Brings the article's run up to date with one items-changed covering
 * exactly what changed. */
static void
sync_run (CcLibrary *self,
          CcArticle *article)
{
  g_autoptr(GPtrArray) run = g_ptr_array_new ();
  gpointer value;
  guint position, start, old_len;

  if (!g_hash_table_lookup_extended (self->positions, article, NULL, &value))
    return;
  position = GPOINTER_TO_UINT (value);
  collect_run (article, run);
  start = tree_prefix (self, position);
  old_len = g_array_index (self->runs, guint, position);

  if (old_len == run->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < old_len; i++)
        {
          g_autoptr(CcClaim) current = g_list_model_get_item (G_LIST_MODEL (self->claims),
                                                              start + i);
          same = current == g_ptr_array_index (run, i);
        }
      if (same)
        return;
    }

  g_array_index (self->runs, guint, position) = run->len;
  tree_add (self, position, (gint)run->len - (gint)old_len);
  g_list_store_splice (self->claims, start, old_len, run->pdata, run->len);
}

static void
on_claims_changed (CcArticle *article,
                   gpointer   user_data)
{
  sync_run (user_data, article);
}

static void
watch (CcLibrary *self,
       CcArticle *article)
{
  _cc_article_set_observer (article, on_claims_changed, self);
}

/* Watching is for articles with a run only: a library listed and never
 * asked for its claims connects nothing to its articles. */
void
_cc_library_claims_unwatch (CcLibrary *self,
                            CcArticle *article)
{
  if (self->runs->len == 0)
    return;
  _cc_article_set_observer (article, NULL, NULL);
}

/* Runs for @articles, just appended to the library's articles; a model
 * still filling gives them theirs when it reaches them. */
void
_cc_library_claims_append (CcLibrary *self,
                           GPtrArray *articles)
{
  g_autoptr(GPtrArray) added = NULL;

  if (!self->claims_filled)
    return;

  added = g_ptr_array_new ();
  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      guint before = added->len;

      g_hash_table_insert (self->positions, article, GUINT_TO_POINTER (self->runs->len));
      collect_run (article, added);
      tree_push (self, added->len - before);
      watch (self, article);
    }

  g_list_store_splice (self->claims, g_list_model_get_n_items (G_LIST_MODEL (self->claims)),
                       0, added->pdata, added->len);
}

/* Takes the runs of the articles in @gone out of the flattened model, in
 * one walk, before they leave the library's articles. */
void
_cc_library_claims_remove (CcLibrary  *self,
                           GHashTable *gone)
{
  guint claim_pos = 0;

  /* Only the articles with a run, the first ones, are in the model. */
  for (guint i = 0; i < self->runs->len; i++)
    {
      CcArticle *article = g_ptr_array_index (self->articles, i);
      guint run = g_array_index (self->runs, guint, i);

      if (!g_hash_table_contains (gone, article))
        {
          claim_pos += run;
          continue;
        }
      if (run > 0)
        g_list_store_splice (self->claims, claim_pos, run, NULL, 0);
      g_array_index (self->runs, guint, i) = 0;
      g_hash_table_remove (self->positions, article);
      _cc_library_claims_unwatch (self, article);
    }
}

/* Makes the positions and the tree again once articles left, in O(n).
 * The articles that kept their runs are the first ones still, in the
 * same order. */
void
_cc_library_claims_reindex (CcLibrary *self)
{
  guint n_runs = g_hash_table_size (self->positions);

  if (self->runs->len == 0)
    return;

  g_array_set_size (self->runs, 0);
  g_array_set_size (self->tree, 0);
  g_hash_table_remove_all (self->positions);

  for (guint i = 0; i < n_runs; i++)
    {
      CcArticle *article = g_ptr_array_index (self->articles, i);
      g_autoptr(GPtrArray) run = g_ptr_array_new ();

      /* Kept articles keep their order: their runs are read again. */
      g_hash_table_insert (self->positions, article, GUINT_TO_POINTER (i));
      collect_run (article, run);
      tree_push (self, run->len);
    }
}

/* Gives the articles without a run theirs, in the library's order, from
 * @loaded, the claims of each article by id as cc_store_load_claims()
 * reads them, until @deadline (a monotonic time) has passed: one
 * items-changed at the model's end for them all. Returns whether the
 * model is filled. */
static gboolean
fill (CcLibrary  *self,
      GHashTable *loaded,
      gint64      deadline)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));

  while (self->runs->len < self->articles->len)
    {
      guint end = MIN (self->runs->len + self->fill_step, self->articles->len);

      for (guint i = self->runs->len; i < end; i++)
        {
          CcArticle *article = g_ptr_array_index (self->articles, i);
          gint64 id = cc_article_get_id (article);
          GPtrArray *claims = loaded ? g_hash_table_lookup (loaded, &id) : NULL;
          guint before = added->len;

          /* An article stored after the claims were read reads its own. */
          if (claims != NULL)
            _cc_article_fill_claims (article, claims);
          g_hash_table_insert (self->positions, article, GUINT_TO_POINTER (i));
          collect_run (article, added);
          tree_push (self, added->len - before);
          watch (self, article);
        }
      if (g_get_monotonic_time () >= deadline)
        break;
    }

  self->claims_filled = self->runs->len == self->articles->len;
  if (added->len > 0)
    g_list_store_splice (self->claims, n_claims, 0, added->pdata, added->len);
  return self->claims_filled;
}

void
_cc_library_claims_init (CcLibrary *self)
{
  self->claims = g_list_store_new (CC_TYPE_CLAIM);
  self->positions = g_hash_table_new (NULL, NULL);
  self->runs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->tree = g_array_new (FALSE, FALSE, sizeof (guint));
  _cc_library_claims_set_slice (self, 64, G_USEC_PER_SEC / 100);
}

/* Sets how the model fills from a worker's claims: @n_articles a step,
 * and steps until @usec have passed, each slice; the tests take a slice
 * of one article, to follow a fill that several slices make. */
void
_cc_library_claims_set_slice (CcLibrary *self,
                              guint      n_articles,
                              gint64     usec)
{
  g_return_if_fail (CC_IS_LIBRARY (self));
  g_return_if_fail (n_articles > 0);

  self->fill_step = n_articles;
  self->fill_slice_usec = usec;
}

void
_cc_library_claims_dispose (CcLibrary *self)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->tree, g_array_unref);
  g_clear_object (&self->claims);
}

/**
 * cc_library_load_claims:
 *
 * Reads every claim of the library into its articles and the flattened
 * model, in one pass, unless that was done already.
 *
 * Returns: %TRUE when the claims are in memory
 */
gboolean
cc_library_load_claims (CcLibrary  *self,
                        GError    **error)
{
  g_autoptr(GHashTable) loaded = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (self->claims_filled)
    return TRUE;
  if (!(loaded = cc_store_load_claims (self->store, error)))
    return FALSE;
  fill (self, loaded, G_MAXINT64);
  return TRUE;
}

/**
 * cc_library_get_claims:
 *
 * The claims are read, every one in one pass, the first time this is
 * called, unless cc_library_load_claims_async() is reading them: the
 * model is then empty until they are read, and then fills a slice at a
 * time, article after article in the library's order, each slice one
 * items-changed at its end.
 *
 * Returns: (transfer none): a #GListModel of every #CcClaim of the library
 *   that is not rejected, article by article
 */
GListModel *
cc_library_get_claims (CcLibrary *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);

  /* While a worker reads them, the model is empty, or filling. */
  if (self->claims_reading == 0 && !cc_library_load_claims (self, &error))
    g_message ("Cannot read the library’s claims: %s", error->message);
  return G_LIST_MODEL (self->claims);
}

/* Reading every claim on a worker, then filling the articles and the
 * flattened model on the main context a slice at a time, so that the
 * views stay responsive. */
typedef struct
{
  GHashTable *loaded;
} FillJob;

static void
fill_job_free (FillJob *job)
{
  g_clear_pointer (&job->loaded, g_hash_table_unref);
  g_free (job);
}

static void
load_claims_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CcLibrary *self = source_object;
  GError *error = NULL;
  GHashTable *loaded;

  if (!(loaded = cc_store_load_claims (self->store, &error)))
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, loaded, (GDestroyNotify)g_hash_table_unref);
  else
    g_hash_table_unref (loaded);
}

static gboolean
fill_slice (gpointer user_data)
{
  GTask *task = user_data;
  CcLibrary *self = g_task_get_source_object (task);
  FillJob *job = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + self->fill_slice_usec;

  /* A model left half filled fills the rest when next asked for. */
  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  /* The runs of the articles as they are now, those that came since too. */
  if (!fill (self, job->loaded, deadline))
    return G_SOURCE_CONTINUE;

  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_claims_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FillJob *job = g_task_get_task_data (task);
  g_autoptr(GSource) source = NULL;
  GError *error = NULL;

  if (!(job->loaded = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Below the window's redraws: a frame comes between two slices. */
  source = g_idle_source_new ();
  g_task_attach_source (task, source, fill_slice);
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
}

/**
 * cc_library_load_claims_async:
 *
 * As cc_library_load_claims(), reading on a worker; the articles and the
 * flattened model are filled on the caller's main context a slice at a
 * time, the model growing at its end, article after article in the
 * library's order, and @callback is called once it is whole.
 */
void
cc_library_load_claims_async (CcLibrary           *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;

  g_return_if_fail (CC_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_library_load_claims_async);
  if (self->claims_filled)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Counted until the result is taken, so that the model waits. */
  self->claims_reading++;
  g_task_set_task_data (task, g_new0 (FillJob, 1), (GDestroyNotify)fill_job_free);
  read = g_task_new (self, cancellable, on_claims_read, g_object_ref (task));
  g_task_run_in_thread (read, load_claims_thread);
}

gboolean
cc_library_load_claims_finish (CcLibrary     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_get_task_data (G_TASK (result)) != NULL)
    self->claims_reading--;
  return g_task_propagate_boolean (G_TASK (result), error);
}
