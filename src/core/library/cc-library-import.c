/* cc-library-import.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing into the library: files are read, their claims extracted and
 * the articles stored on the calling thread (command line) or a worker
 * (window); stored articles join the model on the caller's main context.
 * Articles are stored in batches, one transaction for many articles
 * (each whole or not at all), which keeps the rate of a large import
 * flat and the bytes written near the size of the file. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-importer.h"
#include "cc-library-private.h"
#include "cc-store.h"
#include "cc-story.h"

void
cc_import_report_free (CcImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  g_clear_pointer (&report->errors, g_ptr_array_unref);
  g_clear_pointer (&report->article_ids, g_array_unref);
  g_free (report);
}

static CcImportReport *
cc_import_report_new (void)
{
  CcImportReport *report = g_new0 (CcImportReport, 1);

  report->messages = g_ptr_array_new_with_free_func (g_free);
  report->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  report->article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return report;
}

typedef struct
{
  CcLibrary        *self;
  char            **paths;
  GMainContext     *context;
  CcImportProgress  progress;
  gpointer          progress_data;
  GDestroyNotify    progress_notify;
  /* The story the articles go into, or 0. */
  gint64            story_id;
  /* Articles stored by the worker, waiting to join the model. */
  GMutex            mutex;
  GPtrArray        *pending;
  guint             flush_queued : 1;
  guint             threaded : 1;
  /* Articles read and not stored yet: each with its extractor version
   * and the file it came from; the time the first was read. */
  GPtrArray        *batch;
  GArray           *batch_versions;
  GPtrArray        *batch_paths;
  gint64            batch_started;
  guint             batch_limit;
} ImportJob;

/* A batch is stored when it holds as many articles as its limit or when
 * its first article was read this long ago, whichever comes first. The
 * limit starts small, so that the first articles reach the views soon,
 * and doubles with each batch: a large import writes fewer, larger
 * transactions, which write each page of the indexes fewer times. */
#define BATCH_FIRST    256
#define BATCH_MOST     4096
#define BATCH_USEC     G_USEC_PER_SEC

typedef struct
{
  ImportJob *job;
  double     fraction;
  char      *path;
} ProgressEvent;

static void
import_job_free (ImportJob *job)
{
  if (job->progress_notify != NULL)
    job->progress_notify (job->progress_data);
  g_clear_pointer (&job->pending, g_ptr_array_unref);
  g_clear_pointer (&job->batch, g_ptr_array_unref);
  g_clear_pointer (&job->batch_versions, g_array_unref);
  g_clear_pointer (&job->batch_paths, g_ptr_array_unref);
  g_mutex_clear (&job->mutex);
  g_strfreev (job->paths);
  g_main_context_unref (job->context);
  g_object_unref (job->self);
  g_free (job);
}

static gboolean
flush_pending (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(GPtrArray) batch = NULL;

  g_mutex_lock (&job->mutex);
  batch = g_steal_pointer (&job->pending);
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  job->flush_queued = FALSE;
  g_mutex_unlock (&job->mutex);

  _cc_library_append_imported (job->self, batch);
  return G_SOURCE_REMOVE;
}

static void
job_add_articles (ImportJob *job,
                  GPtrArray *articles)
{
  gboolean queue;

  if (articles->len == 0)
    return;

  if (!job->threaded)
    {
      _cc_library_append_imported (job->self, articles);
      return;
    }

  g_mutex_lock (&job->mutex);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (job->pending, g_object_ref (g_ptr_array_index (articles, i)));
  queue = !job->flush_queued;
  job->flush_queued = TRUE;
  g_mutex_unlock (&job->mutex);

  /* The job outlives the source: the task's callback flushes again
   * before the job is freed, and the flush is idempotent. */
  if (queue)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, flush_pending,
                                job, NULL);
}

static gboolean
emit_progress (gpointer data)
{
  ProgressEvent *ev = data;

  ev->job->progress (ev->fraction, ev->path, ev->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_event_free (gpointer data)
{
  ProgressEvent *ev = data;

  g_free (ev->path);
  g_free (ev);
}

static void
job_progress (ImportJob  *job,
              double      fraction,
              const char *path)
{
  ProgressEvent *ev;

  if (job->progress == NULL)
    return;

  if (!job->threaded)
    {
      job->progress (fraction, path, job->progress_data);
      return;
    }

  ev = g_new0 (ProgressEvent, 1);
  ev->job = job;
  ev->fraction = fraction;
  ev->path = g_strdup (path);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, emit_progress,
                              ev, progress_event_free);
}

static void
refuse (CcImportReport *report,
        GError         *error)
{
  g_ptr_array_add (report->messages, g_strdup (error->message));
  g_ptr_array_add (report->errors, error);
  report->n_refused++;
}

/* Gives the article its claims: the extractor's, unless it brought its
 * own (an export of this app). Returns the extractor version to record. */
static guint
prepare_claims (CcArticle *article)
{
  GListModel *claims = cc_article_get_claims (article);
  guint n = g_list_model_get_n_items (claims);
  g_autoptr(GPtrArray) found = NULL;
  guint version = CC_EXTRACTOR_VERSION;

  if (n > 0)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

          if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_AUTO)
            version = MIN (version, cc_claim_get_extractor_version (claim));
        }
      return version;
    }

  found = cc_extractor_extract (cc_extractor_get_default (),
                                cc_article_get_text (article),
                                cc_article_get_published (article));
  _cc_article_replace_claims (article, found);
  return CC_EXTRACTOR_VERSION;
}

/* What became of one article of a batch. */
static void
report_refusal (CcImportReport *report,
                const char     *path,
                GError         *error)
{
  if (g_error_matches (error, CC_STORE_ERROR, CC_STORE_ERROR_DUPLICATE))
    {
      g_autofree char *base = g_path_get_basename (path);

      g_ptr_array_add (report->messages,
                       g_strdup_printf (_("%s: skipped, %s"), base, error->message));
      report->n_duplicates++;
      g_error_free (error);
    }
  else
    {
      g_prefix_error (&error, "%s: ", path);
      refuse (report, error);
    }
}

/* Stores the batch in one transaction. Returns FALSE when the import must
 * stop (see stops_import()); the articles of the batch that were not
 * stored then count as refused. */
static gboolean
store_batch (ImportJob      *job,
             CcImportReport *report)
{
  g_autoptr(GPtrArray) refusals = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = g_ptr_array_new ();
  GError *error = NULL;
  guint n_done;

  if (job->batch->len == 0)
    return TRUE;

  n_done = cc_store_add_articles (job->self->store, job->batch,
                                  (const guint *)job->batch_versions->data, job->story_id,
                                  refusals, &error);

  for (guint i = 0; i < n_done; i++)
    {
      CcArticle *article = g_ptr_array_index (job->batch, i);
      GError *refusal = g_ptr_array_index (refusals, i);

      g_ptr_array_index (refusals, i) = NULL;
      if (refusal != NULL)
        {
          report_refusal (report, g_ptr_array_index (job->batch_paths, i), refusal);
          continue;
        }
      report->n_imported++;
      g_array_append_val (report->article_ids, (gint64) { cc_article_get_id (article) });
      /* The text is read again when a view asks for it: an import of
       * many files does not hold them all. */
      cc_store_forget_text (job->self->store, article);
      g_ptr_array_add (stored, article);
    }
  job_add_articles (job, stored);

  if (error != NULL)
    {
      guint left = job->batch->len - n_done;

      refuse (report, error);
      /* The article the error came with is counted with it. */
      report->n_refused += left > 0 ? left - 1 : 0;
    }

  g_ptr_array_set_size (job->batch, 0);
  g_array_set_size (job->batch_versions, 0);
  g_ptr_array_set_size (job->batch_paths, 0);
  return error == NULL;
}

/* Reads a file into the batch, storing the batch when it is full. Returns
 * FALSE when the import must stop. */
static gboolean
import_one_file (ImportJob      *job,
                 CcImporter     *importer,
                 const char     *path,
                 CcImportReport *report)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) articles = NULL;
  GError *error = NULL;

  articles = cc_importer_load (importer, path, warnings, &error);

  /* Said even when the file is refused: a broken meta.json, say. */
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (report->messages, g_strdup (g_ptr_array_index (warnings, i)));

  if (articles == NULL)
    {
      refuse (report, error);
      return TRUE;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      guint version = prepare_claims (article);

      if (job->batch->len == 0)
        job->batch_started = g_get_monotonic_time ();
      g_ptr_array_add (job->batch, g_object_ref (article));
      g_array_append_val (job->batch_versions, version);
      g_ptr_array_add (job->batch_paths, g_strdup (path));
    }

  if (job->batch->len >= job->batch_limit ||
      (job->batch->len > 0 && g_get_monotonic_time () - job->batch_started >= BATCH_USEC))
    {
      job->batch_limit = MIN (job->batch_limit * 2, BATCH_MOST);
      return store_batch (job, report);
    }
  return TRUE;
}

static CcImportReport *
run_import (ImportJob    *job,
            GCancellable *cancellable)
{
  g_autoptr(CcImporter) importer = cc_importer_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  CcImportReport *report = cc_import_report_new ();

  cc_importer_collect (importer, (const char * const *)job->paths, files, errors);
  while (errors->len > 0)
    refuse (report, g_ptr_array_steal_index (errors, 0));

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      if (g_cancellable_is_cancelled (cancellable))
        {
          report->cancelled = TRUE;
          /* What was read is stored. */
          store_batch (job, report);
          break;
        }

      job_progress (job, (double)i / files->len, path);
      if (!import_one_file (job, importer, path, report))
        {
          guint left = files->len - i - 1;

          /* One message for the library, not one for each file left. */
          if (left > 0)
            g_ptr_array_add (report->messages,
                             g_strdup_printf (ngettext ("The import stopped; %u more file "
                                                        "was not read",
                                                        "The import stopped; %u more files "
                                                        "were not read", left), left));
          report->n_refused += left;
          break;
        }
    }

  store_batch (job, report);
  job_progress (job, 1.0, NULL);
  return report;
}

static ImportJob *
import_job_new (CcLibrary          *self,
                const char * const *paths)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->self = g_object_ref (self);
  job->paths = g_strdupv ((char **)paths);
  job->context = g_main_context_ref_thread_default ();
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  job->batch = g_ptr_array_new_with_free_func (g_object_unref);
  job->batch_versions = g_array_new (FALSE, FALSE, sizeof (guint));
  job->batch_paths = g_ptr_array_new_with_free_func (g_free);
  job->batch_limit = BATCH_FIRST;
  g_mutex_init (&job->mutex);
  return job;
}

/**
 * cc_library_import:
 * @paths: files and folders to import
 *
 * Imports on the calling thread, for the command line and tests: the
 * window uses cc_library_import_async().
 *
 * Returns: (transfer full): what happened to each file
 */
CcImportReport *
cc_library_import (CcLibrary          *self,
                   const char * const *paths,
                   GCancellable       *cancellable,
                   CcImportProgress    progress,
                   gpointer            user_data)
{
  return cc_library_import_into (self, paths, NULL, cancellable, progress, user_data);
}

/**
 * cc_library_import_into:
 * @story: (nullable): the story the articles go into
 *
 * As cc_library_import(), putting each article stored into @story (and
 * into the stories an export names) in the article's transaction.
 */
CcImportReport *
cc_library_import_into (CcLibrary          *self,
                        const char * const *paths,
                        CcStory            *story,
                        GCancellable       *cancellable,
                        CcImportProgress    progress,
                        gpointer            user_data)
{
  ImportJob *job;
  CcImportReport *report;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (story == NULL || CC_IS_STORY (story), NULL);

  job = import_job_new (self, paths);
  job->story_id = story != NULL ? cc_story_get_id (story) : 0;
  job->progress = progress;
  job->progress_data = user_data;
  report = run_import (job, cancellable);
  import_job_free (job);
  return report;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_task_return_pointer (task, run_import (task_data, cancellable),
                         (GDestroyNotify)cc_import_report_free);
}

/**
 * cc_library_import_async:
 *
 * Reads, extracts and stores the files on a worker thread. Each stored
 * article joins the model on the caller's main context as soon as it is
 * stored; @progress is called there too. Cancelling stops after the file
 * being read: what was stored stays.
 */
void
cc_library_import_async (CcLibrary           *self,
                         const char * const  *paths,
                         GCancellable        *cancellable,
                         CcImportProgress     progress,
                         gpointer             progress_data,
                         GDestroyNotify       progress_notify,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  cc_library_import_into_async (self, paths, NULL, cancellable, progress, progress_data,
                                progress_notify, callback, user_data);
}

/**
 * cc_library_import_into_async:
 * @story: (nullable): the story the articles go into
 *
 * As cc_library_import_async(), putting the articles into @story.
 */
void
cc_library_import_into_async (CcLibrary           *self,
                              const char * const  *paths,
                              CcStory             *story,
                              GCancellable        *cancellable,
                              CcImportProgress     progress,
                              gpointer             progress_data,
                              GDestroyNotify       progress_notify,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (CC_IS_LIBRARY (self));
  g_return_if_fail (paths != NULL);
  g_return_if_fail (story == NULL || CC_IS_STORY (story));

  job = import_job_new (self, paths);
  job->story_id = story != NULL ? cc_story_get_id (story) : 0;
  job->threaded = TRUE;
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_library_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  /* Cancellation is reported in the report, not as an error. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

/**
 * cc_library_import_finish:
 *
 * Returns: (transfer full): the report; every stored article is in the
 *   model by now
 */
CcImportReport *
cc_library_import_finish (CcLibrary     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  /* Articles the worker stored after the last idle flush. */
  flush_pending (g_task_get_task_data (G_TASK (result)));
  return g_task_propagate_pointer (G_TASK (result), error);
}
