/* cc-library.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CcLibrary is the one shared model every view looks at: a GListModel of
 * the stored articles, each carrying list models of its claims and
 * annotations, plus one flattened model of every claim that is not
 * rejected. Every mutation goes through here: it is written to the store
 * first and, once stored, reaches the views through items-changed and
 * property notifications. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-importer.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-utils.h"

struct _CcLibrary
{
  GObject      parent_instance;

  CcStore     *store;
  GPtrArray   *articles;
  GHashTable  *by_id;
  /* Flattened claims: each article's unrejected claims form one run, the
   * runs in the order of the articles. */
  GListStore  *claims;
  GHashTable  *run_length;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CcLibrary, cc_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
cc_import_report_free (CcImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  g_clear_pointer (&report->errors, g_ptr_array_unref);
  g_free (report);
}

static CcImportReport *
cc_import_report_new (void)
{
  CcImportReport *report = g_new0 (CcImportReport, 1);

  report->messages = g_ptr_array_new_with_free_func (g_free);
  report->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  return report;
}

static guint
run_start (CcLibrary *self,
           CcArticle *article)
{
  guint pos = 0;

  for (guint i = 0; i < self->articles->len; i++)
    {
      CcArticle *other = g_ptr_array_index (self->articles, i);

      if (other == article)
        break;
      pos += GPOINTER_TO_UINT (g_hash_table_lookup (self->run_length, other));
    }

  return pos;
}

/* Brings the article's run in the flattened claims up to date with one
 * items-changed covering exactly what changed. */
static void
sync_claims_run (CcLibrary *self,
                 CcArticle *article,
                 gboolean   present)
{
  g_autoptr(GPtrArray) run = g_ptr_array_new ();
  GListModel *claims = cc_article_get_claims (article);
  guint old_len = GPOINTER_TO_UINT (g_hash_table_lookup (self->run_length, article));
  guint n = g_list_model_get_n_items (claims);
  guint start;

  if (present)
    {
      for (guint i = 0; i < n; i++)
        {
          CcClaim *claim = g_list_model_get_item (claims, i);

          if (!cc_claim_get_rejected (claim))
            g_ptr_array_add (run, claim);
          g_object_unref (claim);
        }
    }

  start = run_start (self, article);
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

  g_list_store_splice (self->claims, start, old_len, run->pdata, run->len);

  if (present)
    g_hash_table_insert (self->run_length, article, GUINT_TO_POINTER (run->len));
  else
    g_hash_table_remove (self->run_length, article);
}

static void
on_claims_items_changed (CcLibrary  *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *claims)
{
  for (guint i = 0; i < self->articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (self->articles, i);

      if (cc_article_get_claims (article) == claims)
        {
          sync_claims_run (self, article, TRUE);
          return;
        }
    }
}

static void
on_n_claims_notify (CcLibrary  *self,
                    GParamSpec *pspec,
                    CcArticle  *article)
{
  sync_claims_run (self, article, TRUE);
}

static void
track_article (CcLibrary *self,
               CcArticle *article)
{
  gint64 *key = g_new (gint64, 1);

  *key = cc_article_get_id (article);
  g_hash_table_insert (self->by_id, key, article);
  g_signal_connect_object (cc_article_get_claims (article), "items-changed",
                           G_CALLBACK (on_claims_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (article, "notify::n-claims",
                           G_CALLBACK (on_n_claims_notify), self, G_CONNECT_SWAPPED);
}

static void
untrack_article (CcLibrary *self,
                 CcArticle *article)
{
  gint64 id = cc_article_get_id (article);

  g_signal_handlers_disconnect_by_data (cc_article_get_claims (article), self);
  g_signal_handlers_disconnect_by_data (article, self);
  g_hash_table_remove (self->by_id, &id);
}

static void
append_articles (CcLibrary *self,
                 GPtrArray *articles)
{
  guint position = self->articles->len;

  if (articles->len == 0)
    return;

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);

      g_ptr_array_add (self->articles, g_object_ref (article));
      track_article (self, article);
      sync_claims_run (self, article, TRUE);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, articles->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
cc_library_get_item_type (GListModel *model)
{
  return CC_TYPE_ARTICLE;
}

static guint
cc_library_get_n_items (GListModel *model)
{
  return CC_LIBRARY (model)->articles->len;
}

static gpointer
cc_library_get_item (GListModel *model,
                     guint       position)
{
  CcLibrary *self = CC_LIBRARY (model);

  if (position >= self->articles->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->articles, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cc_library_get_item_type;
  iface->get_n_items = cc_library_get_n_items;
  iface->get_item = cc_library_get_item;
}

static void
cc_library_dispose (GObject *object)
{
  CcLibrary *self = (CcLibrary *)object;

  if (self->articles != NULL)
    {
      for (guint i = 0; i < self->articles->len; i++)
        untrack_article (self, g_ptr_array_index (self->articles, i));
      g_clear_pointer (&self->articles, g_ptr_array_unref);
    }
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->run_length, g_hash_table_unref);
  g_clear_object (&self->claims);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cc_library_parent_class)->dispose (object);
}

static void
cc_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcLibrary *self = CC_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->articles->len);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_library_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcLibrary *self = CC_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_library_class_init (CcLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_library_dispose;
  object_class->get_property = cc_library_get_property;
  object_class->set_property = cc_library_set_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_library_init (CcLibrary *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->run_length = g_hash_table_new (NULL, NULL);
  self->claims = g_list_store_new (CC_TYPE_CLAIM);
}

CcLibrary *
cc_library_new (CcStore *store)
{
  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  return g_object_new (CC_TYPE_LIBRARY, "store", store, NULL);
}

/**
 * cc_library_load:
 *
 * Fills the model from the store. Call once, before the views attach.
 */
gboolean
cc_library_load (CcLibrary  *self,
                 GError    **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!(articles = cc_store_load_articles (self->store, error)))
    return FALSE;

  append_articles (self, articles);
  return TRUE;
}

CcStore *
cc_library_get_store (CcLibrary *self)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return self->store;
}

/**
 * cc_library_get_claims:
 *
 * Returns: (transfer none): a #GListModel of every #CcClaim of the library
 *   that is not rejected, article by article
 */
GListModel *
cc_library_get_claims (CcLibrary *self)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->claims);
}

/**
 * cc_library_lookup_article:
 *
 * Returns: (transfer none) (nullable): the article with that id
 */
CcArticle *
cc_library_lookup_article (CcLibrary *self,
                           gint64     id)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

/* Import ------------------------------------------------------------------ */

typedef struct
{
  CcLibrary        *self;
  char            **paths;
  GMainContext     *context;
  CcImportProgress  progress;
  gpointer          progress_data;
  GDestroyNotify    progress_notify;
  /* Articles stored by the worker, waiting to join the model. */
  GMutex            mutex;
  GPtrArray        *pending;
  guint             flush_queued : 1;
  guint             threaded : 1;
} ImportJob;

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

  append_articles (job->self, batch);
  return G_SOURCE_REMOVE;
}

static void
job_add_article (ImportJob *job,
                 CcArticle *article)
{
  gboolean queue;

  if (!job->threaded)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, article);
      append_articles (job->self, one);
      return;
    }

  g_mutex_lock (&job->mutex);
  g_ptr_array_add (job->pending, g_object_ref (article));
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

static void
import_one_file (ImportJob      *job,
                 CcImporter     *importer,
                 const char     *path,
                 CcImportReport *report)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) articles = NULL;
  GError *error = NULL;

  if (!(articles = cc_importer_load (importer, path, warnings, &error)))
    {
      refuse (report, error);
      return;
    }

  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (report->messages, g_strdup (g_ptr_array_index (warnings, i)));

  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      guint version = prepare_claims (article);

      if (!cc_store_add_article (job->self->store, article, version, &error))
        {
          if (g_error_matches (error, CC_STORE_ERROR, CC_STORE_ERROR_DUPLICATE))
            {
              g_autofree char *base = g_path_get_basename (path);

              g_ptr_array_add (report->messages,
                               g_strdup_printf (_("%s: skipped, %s"), base, error->message));
              report->n_duplicates++;
              g_clear_error (&error);
            }
          else
            {
              g_prefix_error (&error, "%s: ", path);
              refuse (report, error);
              error = NULL;
            }
          continue;
        }

      report->n_imported++;
      job_add_article (job, article);
    }
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
          break;
        }

      job_progress (job, (double)i / files->len, path);
      import_one_file (job, importer, path, report);
    }

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
  ImportJob *job;
  CcImportReport *report;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  job = import_job_new (self, paths);
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
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (CC_IS_LIBRARY (self));
  g_return_if_fail (paths != NULL);

  job = import_job_new (self, paths);
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

/* Edits ------------------------------------------------------------------- */

/* A field of an edit: %NULL keeps the current value, "" clears it. */
static const char *
edited_field (const char *given,
              const char *current)
{
  if (given == NULL)
    return current;
  return *given != '\0' ? given : NULL;
}

/**
 * cc_library_update_article:
 *
 * Changes an article's metadata; a %NULL field is left as it is.
 */
gboolean
cc_library_update_article (CcLibrary   *self,
                           CcArticle   *article,
                           const char  *title,
                           const char  *outlet,
                           const char  *url,
                           const char  *published,
                           GError     **error)
{
  g_autoptr(CcArticle) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  if (published != NULL && *published != '\0' && !cc_date_is_valid (published))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("“%s” is not a date of the form YYYY-MM-DD"), published);
      return FALSE;
    }

  /* Store first, so that a failed write leaves the model as stored. */
  copy = g_object_new (CC_TYPE_ARTICLE,
                       "id", cc_article_get_id (article),
                       "title", title ? title : cc_article_get_title (article),
                       "outlet", edited_field (outlet, cc_article_get_outlet (article)),
                       "url", edited_field (url, cc_article_get_url (article)),
                       "published", edited_field (published, cc_article_get_published (article)),
                       "language", cc_article_get_language (article),
                       NULL);
  if (!cc_store_update_article (self->store, copy, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (article));
  cc_article_set_title (article, cc_article_get_title (copy));
  cc_article_set_outlet (article, cc_article_get_outlet (copy));
  cc_article_set_url (article, cc_article_get_url (copy));
  cc_article_set_published (article, cc_article_get_published (copy));
  g_object_thaw_notify (G_OBJECT (article));
  return TRUE;
}

gboolean
cc_library_remove_article (CcLibrary  *self,
                           CcArticle  *article,
                           GError    **error)
{
  guint position;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!g_ptr_array_find (self->articles, article, &position))
    return TRUE;
  if (!cc_store_delete_article (self->store, cc_article_get_id (article), error))
    return FALSE;

  sync_claims_run (self, article, FALSE);
  untrack_article (self, article);
  g_ptr_array_remove_index (self->articles, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

/**
 * cc_library_add_claim:
 *
 * Adds a claim the user made (from a selection, say) to @article.
 */
gboolean
cc_library_add_claim (CcLibrary  *self,
                      CcArticle  *article,
                      CcClaim    *claim,
                      GError    **error)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  cc_claim_set_article_id (claim, cc_article_get_id (article));
  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);
  if (!cc_store_add_claim (self->store, claim, error))
    return FALSE;
  _cc_article_append_claim (article, claim);
  return TRUE;
}

/**
 * cc_library_save_claim:
 *
 * Stores the fields the user changed on @claim. The claim becomes the
 * user's: re-extraction will not touch it.
 */
gboolean
cc_library_save_claim (CcLibrary  *self,
                       CcClaim    *claim,
                       GError    **error)
{
  g_autoptr(CcClaim) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  copy = cc_claim_copy (claim);
  cc_claim_set_origin (copy, CC_CLAIM_ORIGIN_USER);
  if (!cc_store_update_claim (self->store, copy, error))
    return FALSE;
  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);
  return TRUE;
}

/**
 * cc_library_set_claim_rejected:
 *
 * Marks a claim "not a claim" (or takes that back). A rejected claim stays
 * stored, so that re-extraction does not bring it back, but leaves the
 * flattened claims model at once.
 */
gboolean
cc_library_set_claim_rejected (CcLibrary  *self,
                               CcClaim    *claim,
                               gboolean    rejected,
                               GError    **error)
{
  g_autoptr(CcClaim) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  copy = cc_claim_copy (claim);
  cc_claim_set_rejected (copy, rejected);
  cc_claim_set_origin (copy, CC_CLAIM_ORIGIN_USER);
  if (!cc_store_update_claim (self->store, copy, error))
    return FALSE;

  cc_claim_set_origin (claim, CC_CLAIM_ORIGIN_USER);
  cc_claim_set_rejected (claim, rejected);
  return TRUE;
}

gboolean
cc_library_add_annotation (CcLibrary     *self,
                           CcArticle     *article,
                           CcAnnotation  *annotation,
                           GError       **error)
{
  gint64 now = cc_now_seconds ();

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  cc_annotation_set_article_id (annotation, cc_article_get_id (article));
  if (cc_annotation_get_created (annotation) == 0)
    cc_annotation_set_created (annotation, now);
  cc_annotation_set_modified (annotation, now);
  if (!cc_store_add_annotation (self->store, annotation, error))
    return FALSE;
  _cc_article_append_annotation (article, annotation);
  return TRUE;
}

gboolean
cc_library_save_annotation (CcLibrary     *self,
                            CcAnnotation  *annotation,
                            GError       **error)
{
  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  cc_annotation_set_modified (annotation, cc_now_seconds ());
  return cc_store_update_annotation (self->store, annotation, error);
}

gboolean
cc_library_remove_annotation (CcLibrary     *self,
                              CcAnnotation  *annotation,
                              GError       **error)
{
  CcArticle *article;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);

  if (!cc_store_delete_annotation (self->store, cc_annotation_get_id (annotation), error))
    return FALSE;
  article = cc_library_lookup_article (self, cc_annotation_get_article_id (annotation));
  if (article != NULL)
    _cc_article_remove_annotation (article, annotation);
  return TRUE;
}

/**
 * cc_library_search:
 *
 * Returns: (transfer full): a set of the ids (gint64 keys) of the articles
 *   whose title or text hold every word of @query
 */
GHashTable *
cc_library_search (CcLibrary   *self,
                   const char  *query,
                   GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  GHashTable *set;

  g_return_val_if_fail (CC_IS_LIBRARY (self), NULL);

  if (!(ids = cc_store_search (self->store, query, error)))
    return NULL;

  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = g_array_index (ids, gint64, i);
      g_hash_table_add (set, key);
    }
  return set;
}

static gboolean
overlaps_user_claim (GListModel *claims,
                     CcClaim    *candidate)
{
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER &&
          cc_claim_get_start (claim) < cc_claim_get_end (candidate) &&
          cc_claim_get_start (candidate) < cc_claim_get_end (claim))
        return TRUE;
    }

  return FALSE;
}

/**
 * cc_library_refresh_claims:
 *
 * Makes again the auto claims of every article extracted by an older
 * extractor. The user's claims stay, and a new auto claim overlapping one
 * of them is dropped: a correction or a "not a claim" outlives a better
 * extractor.
 *
 * Returns: the number of articles refreshed
 */
guint
cc_library_refresh_claims (CcLibrary    *self,
                           GCancellable *cancellable)
{
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GError) error = NULL;
  guint done = 0;

  g_return_val_if_fail (CC_IS_LIBRARY (self), 0);

  if (!(stale = cc_store_list_stale (self->store, CC_EXTRACTOR_VERSION, &error)))
    {
      g_warning ("Cannot list articles to re-extract: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < stale->len; i++)
    {
      CcArticle *article = cc_library_lookup_article (self, g_array_index (stale, gint64, i));
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) fresh = NULL;
      g_autoptr(GPtrArray) merged = NULL;
      GListModel *claims;

      if (article == NULL || g_cancellable_is_cancelled (cancellable))
        continue;

      claims = cc_article_get_claims (article);
      found = cc_extractor_extract (cc_extractor_get_default (),
                                    cc_article_get_text (article),
                                    cc_article_get_published (article));
      fresh = g_ptr_array_new ();
      for (guint j = 0; j < found->len; j++)
        if (!overlaps_user_claim (claims, g_ptr_array_index (found, j)))
          g_ptr_array_add (fresh, g_ptr_array_index (found, j));

      if (!cc_store_replace_auto_claims (self->store, cc_article_get_id (article), fresh,
                                         CC_EXTRACTOR_VERSION, &error))
        {
          g_warning ("Cannot store new claims of article %" G_GINT64_FORMAT ": %s",
                     cc_article_get_id (article), error->message);
          g_clear_error (&error);
          continue;
        }

      merged = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          CcClaim *claim = g_list_model_get_item (claims, j);

          if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER)
            g_ptr_array_add (merged, claim);
          else
            g_object_unref (claim);
        }
      for (guint j = 0; j < fresh->len; j++)
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (fresh, j)));

      _cc_article_replace_claims (article, merged);
      done++;
    }

  return done;
}
