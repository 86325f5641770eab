/* cc-chart-layout-group.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Grouping the claims into statements off the calling thread. The
 * claims are copied into plain structs on the calling thread, a slice of
 * a few milliseconds at a time from idles, the mirror following them
 * (each claim new to it connected, each gone disconnected); a worker
 * then runs the two grouping stages over a layout of its own, and the
 * result replaces the layout's statements back on the calling thread,
 * unless the claims or the filters changed meanwhile. */

#define G_LOG_DOMAIN "cc-chart-layout"

#include "config.h"

#include "cc-article.h"
#include "cc-chart-layout-private.h"
#include "cc-claim.h"
#include "cc-library.h"

#define SLICE_USEC (6 * G_TIME_SPAN_MILLISECOND)

typedef enum
{
  PHASE_OLD,       /* the old mirror into a set */
  PHASE_CLAIMS,    /* copying the claims, connecting the new ones */
  PHASE_UNTRACK,   /* disconnecting the claims gone */
  PHASE_ARTICLES,  /* following the library's articles' dates */
  PHASE_WORKER,
} Phase;

typedef struct
{
  CcChartLayout *layout;
  guint          generation;
  Phase          phase;
  guint          position;
  guint          source;
  gboolean       sync_mirror;

  GHashTable    *old;
  /* The new mirror and, of its claims, those connected in this run. */
  GPtrArray     *mirror;
  GPtrArray     *added;
  GHashTable    *tracked;
  GArray        *copies;
  GHashTable    *strings;
  GHashTable    *published;

  /* The filters, for the worker. */
  char          *subject;
  int            status;
  GHashTable    *hidden;
} Grouping;

/* Lets go of the copies and the mirror's pieces; run on the calling
 * thread by cc_chart_layout_group_finish(), so that a worker dropping
 * the task last only frees memory. */
static void
grouping_release (Grouping *grouping)
{
  if (grouping->layout == NULL)
    return;
  g_clear_handle_id (&grouping->source, g_source_remove);
  /* Stopped before the mirror was replaced: the claims connected
   * meanwhile join the old one, which disconnects them when it next
   * follows the model. */
  if (grouping->added != NULL && grouping->added->len > 0)
    {
      for (guint i = 0; i < grouping->added->len; i++)
        g_ptr_array_add (grouping->layout->mirror, g_object_ref (g_ptr_array_index (grouping->added, i)));
    }
  if (grouping->tracked != NULL)
    {
      GHashTableIter iter;
      gpointer article;

      /* Likewise the articles connected so far. */
      g_hash_table_iter_init (&iter, grouping->tracked);
      while (g_hash_table_iter_next (&iter, &article, NULL))
        if (!g_hash_table_contains (grouping->layout->tracked_articles, article))
          g_hash_table_add (grouping->layout->tracked_articles, g_object_ref (article));
    }
  g_clear_pointer (&grouping->old, g_hash_table_unref);
  g_clear_pointer (&grouping->mirror, g_ptr_array_unref);
  g_clear_pointer (&grouping->added, g_ptr_array_unref);
  g_clear_pointer (&grouping->tracked, g_hash_table_unref);
  g_clear_pointer (&grouping->copies, g_array_unref);
  g_clear_pointer (&grouping->strings, g_hash_table_unref);
  g_clear_pointer (&grouping->published, g_hash_table_unref);
  g_clear_pointer (&grouping->hidden, g_hash_table_unref);
  g_clear_pointer (&grouping->subject, g_free);
  g_clear_object (&grouping->layout);
}

static void
grouping_free (gpointer data)
{
  grouping_release (data);
  g_free (data);
}

static void
copy_claim (Grouping *grouping,
            CcClaim  *claim)
{
  g_array_set_size (grouping->copies, grouping->copies->len + 1);
  _cc_chart_claim_copy_init (&g_array_index (grouping->copies, ClaimCopy, grouping->copies->len - 1),
                             claim, grouping->layout->library, grouping->published,
                             grouping->strings);
}

/* One step of the phase; returns whether the phase is over. */
static gboolean
step (Grouping *grouping)
{
  CcChartLayout *self = grouping->layout;
  guint i = grouping->position++;

  switch (grouping->phase)
    {
    case PHASE_OLD:
      if (!grouping->sync_mirror || i >= self->mirror->len)
        return TRUE;
      g_hash_table_add (grouping->old, g_ptr_array_index (self->mirror, i));
      return FALSE;

    case PHASE_CLAIMS:
      if (!grouping->sync_mirror)
        {
          if (i >= self->mirror->len)
            return TRUE;
          copy_claim (grouping, g_ptr_array_index (self->mirror, i));
          return FALSE;
        }
      if (self->claims == NULL || i >= g_list_model_get_n_items (self->claims))
        return TRUE;
      {
        CcClaim *claim = g_list_model_get_item (self->claims, i);

        if (!g_hash_table_remove (grouping->old, claim))
          {
            g_signal_connect_swapped (claim, "notify",
                                      G_CALLBACK (_cc_chart_layout_claim_notify_cb), self);
            g_ptr_array_add (grouping->added, g_object_ref (claim));
          }
        g_ptr_array_add (grouping->mirror, claim);
        copy_claim (grouping, claim);
      }
      return FALSE;

    case PHASE_UNTRACK:
      if (!grouping->sync_mirror)
        return TRUE;
      if (i >= self->mirror->len)
        {
          g_ptr_array_unref (self->mirror);
          self->mirror = g_steal_pointer (&grouping->mirror);
          g_ptr_array_set_size (grouping->added, 0);
          self->mirror_dirty = FALSE;
          return TRUE;
        }
      if (g_hash_table_contains (grouping->old, g_ptr_array_index (self->mirror, i)))
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->mirror, i),
                                              _cc_chart_layout_claim_notify_cb, self);
      return FALSE;

    case PHASE_ARTICLES:
      if (!self->articles_dirty)
        return TRUE;
      if (self->library == NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (self->library)))
        {
          GHashTableIter iter;
          gpointer article;

          g_hash_table_iter_init (&iter, self->tracked_articles);
          while (g_hash_table_iter_next (&iter, &article, NULL))
            if (!g_hash_table_contains (grouping->tracked, article))
              g_signal_handlers_disconnect_by_func (article, _cc_chart_layout_article_notify_cb, self);
          g_hash_table_unref (self->tracked_articles);
          self->tracked_articles = g_steal_pointer (&grouping->tracked);
          self->articles_dirty = FALSE;
          return TRUE;
        }
      {
        CcArticle *article = g_list_model_get_item (G_LIST_MODEL (self->library), i);

        if (!g_hash_table_contains (self->tracked_articles, article)
            && !g_hash_table_contains (grouping->tracked, article))
          g_signal_connect_swapped (article, "notify::published",
                                    G_CALLBACK (_cc_chart_layout_article_notify_cb), self);
        if (!g_hash_table_add (grouping->tracked, article))
          g_object_unref (article);
      }
      return FALSE;

    case PHASE_WORKER:
    default:
      return TRUE;
    }
}

static void
group_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Grouping *grouping = task_data;
  g_autoptr(CcChartLayout) scratch = cc_chart_layout_new ();
  GHashTableIter iter;
  gpointer key;

  /* Of use to the copying only: large tables are freed here. */
  g_clear_pointer (&grouping->published, g_hash_table_unref);
  g_clear_pointer (&grouping->old, g_hash_table_unref);
  scratch->subject = g_strdup (grouping->subject);
  scratch->status = grouping->status;
  g_hash_table_iter_init (&iter, grouping->hidden);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (scratch->hidden, g_strdup (key));

  _cc_chart_layout_compute_infos (scratch, grouping->copies);
  if (g_task_return_error_if_cancelled (task))
    return;
  _cc_chart_layout_ensure_statements (scratch);
  /* The copies go here too: the statements hold the claims now. */
  g_clear_pointer (&grouping->copies, g_array_unref);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&scratch), g_object_unref);
}

static void
free_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_object_unref (task_data);
}

/* Drops @scratch, holding the statements replaced, on a worker. */
static void
free_on_worker (CcChartLayout *scratch)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, scratch, NULL);
  g_task_run_in_thread (task, free_thread);
}

static gboolean
slice_cb (gpointer data)
{
  GTask *task = data;
  Grouping *grouping = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;

  if (g_task_return_error_if_cancelled (task) || grouping->generation != grouping->layout->generation)
    {
      if (!g_task_had_error (task))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The claims changed");
      grouping->source = 0;
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }

  for (guint n = 0; g_get_monotonic_time () < deadline; )
    for (n = 0; n < 256; n++)
      if (step (grouping))
        {
          grouping->phase++;
          grouping->position = 0;
          if (grouping->phase == PHASE_WORKER)
            {
              grouping->source = 0;
              g_task_run_in_thread (task, group_thread);
              g_object_unref (task);
              return G_SOURCE_REMOVE;
            }
        }

  return G_SOURCE_CONTINUE;
}

/**
 * cc_chart_layout_group_async:
 * @self: a #CcChartLayout
 * @cancellable: (nullable): a #GCancellable
 *
 * Groups the claims into statements for the current filters, copying
 * the claims from idles of the thread-default main context and grouping
 * them on a worker. Finish with cc_chart_layout_group_finish(), which
 * replaces the statements; the grouping fails with %G_IO_ERROR_CANCELLED
 * when the claims or the filters change before it is done.
 */
void
cc_chart_layout_group_async (CcChartLayout       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Grouping *grouping;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (CC_IS_CHART_LAYOUT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_chart_layout_group_async);

  grouping = g_new0 (Grouping, 1);
  grouping->layout = g_object_ref (self);
  grouping->generation = self->generation;
  grouping->sync_mirror = self->mirror_dirty;
  grouping->old = g_hash_table_new (NULL, NULL);
  grouping->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  grouping->added = g_ptr_array_new_with_free_func (g_object_unref);
  grouping->tracked = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  grouping->copies = g_array_new (FALSE, TRUE, sizeof (ClaimCopy));
  g_array_set_clear_func (grouping->copies, _cc_chart_claim_copy_clear);
  grouping->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  grouping->published = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  grouping->subject = g_strdup (self->subject);
  grouping->status = self->status;
  grouping->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (grouping->hidden, g_strdup (key));
  g_task_set_task_data (task, grouping, grouping_free);

  grouping->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, slice_cb, g_object_ref (task), NULL);
  g_source_set_name_by_id (grouping->source, "[crosscheck] chart grouping");
}

#define TAKE(field) G_STMT_START { \
    __typeof__ (self->field) tmp_ = self->field; \
    self->field = scratch->field; \
    scratch->field = tmp_; \
  } G_STMT_END

/**
 * cc_chart_layout_group_finish:
 *
 * Returns: %TRUE if the layout has the grouping's statements, or had
 *   statements for the same claims and filters already
 */
gboolean
cc_chart_layout_group_finish (CcChartLayout  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_autoptr(CcChartLayout) scratch = NULL;
  Grouping *grouping;
  guint generation;

  g_return_val_if_fail (CC_IS_CHART_LAYOUT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  grouping = g_task_get_task_data (G_TASK (result));
  generation = grouping->generation;
  grouping_release (grouping);
  if (!(scratch = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (generation != self->generation || self->mirror_dirty)
    {
      free_on_worker (g_steal_pointer (&scratch));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The claims changed");
      return FALSE;
    }
  /* Asked for meanwhile, the statements were grouped on this thread. */
  if (!self->infos_dirty && !self->points_dirty)
    {
      free_on_worker (g_steal_pointer (&scratch));
      return TRUE;
    }

  TAKE (strings);
  TAKE (infos);
  TAKE (subjects);
  TAKE (n_undated);
  TAKE (effective_subject);
  TAKE (points);
  TAKE (label_sizes);
  TAKE (series);
  TAKE (n_lines);
  self->shown_first = self->shown_last = 0;
  self->n_visible = 0;
  for (guint i = 0; i < self->series->len; i++)
    {
      CcChartSeries *series = &g_array_index (self->series, CcChartSeries, i);

      series->visible = !g_hash_table_contains (self->hidden, series->country ? series->country : "");
    }

  self->infos_dirty = self->points_dirty = FALSE;
  self->geometry_dirty = TRUE;
  free_on_worker (g_steal_pointer (&scratch));
  _cc_chart_layout_changed (self);
  return TRUE;
}
