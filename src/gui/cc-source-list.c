/* cc-source-list.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article list: the library's articles sorted newest first, then
 * kept to those of the window's scope by a CcScopeModel. Sorting comes
 * first so that a new search or story only judges the sorted articles'
 * ids again, a lookup per article, and never sorts. The titles' collation
 * keys are made on a worker before the library is first sorted, and that
 * first sort goes a step at a time from idles. Meanwhile the list shows
 * the first articles of the sort, which the worker finds before it makes
 * the keys; the whole sorted library then takes over below them, in one
 * change that keeps the selection and the scroll position.
 * The list view shows the selection's rows through a CcPacedSelection,
 * which a tick callback here lets through a page a frame after a change
 * of most of them. */

#define G_LOG_DOMAIN "cc-source-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-article-sort.h"
#include "cc-article.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-paced-selection.h"
#include "cc-scope-model.h"
#include "cc-scope.h"
#include "cc-source-list.h"
#include "cc-source-row.h"

/* The first articles of the library's sort, shown until it is done: more
 * than a window shows, and as many as a list view keeps rows for. */
#define NEWEST_ROWS 256

struct _CcSourceList
{
  GtkWidget           parent_instance;

  CcLibrary          *library;
  /* The window's scope: the story in view and the search, which the
   * search entry here sets. */
  CcScope            *scope;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  CcScopeModel       *filter_model;
  GtkSortListModel   *sort_model;
  GtkCustomSorter    *sorter;

  /* What the list view shows: the selection's rows, a page a frame
   * after a change of the rows at the top. */
  CcPacedSelection   *paced;
  guint               pace_tick;

  /* The sort keys of the library's titles, on their way. */
  GCancellable       *keys_cancellable;
  /* Shows the list once the library's first sort is done. */
  guint               sorted_idle;
  /* Selects the first of the newest articles once they are drawn. */
  guint               select_tick;
};

G_DEFINE_FINAL_TYPE (CcSourceList, cc_source_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SCOPE,
  PROP_SELECTION,
  PROP_SINGLE_CLICK_ACTIVATE,
  N_PROPS
};

enum {
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_stack (CcSourceList *self)
{
  gboolean empty;
  const char *page = "list";

  g_assert (CC_IS_SOURCE_LIST (self));

  /* Only the whole library, sorted, says that nothing is in scope. */
  empty = self->scope != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
          (self->library == NULL ||
           cc_scope_model_get_model (self->filter_model) == G_LIST_MODEL (self->sort_model));
  if (empty && cc_scope_get_query (self->scope) != NULL)
    page = "no-results";
  else if (empty && cc_scope_get_story (self->scope) != NULL)
    page = "empty-story";
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
run_search (CcSourceList *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  if (self->scope != NULL)
    cc_scope_set_query (self->scope, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_stack (self);
}

static void
search_changed_cb (CcSourceList   *self,
                   GtkSearchEntry *entry)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  run_search (self);
}

static void
stop_search_cb (CcSourceList   *self,
                GtkSearchEntry *entry)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
list_view_activate_cb (CcSourceList *self,
                       guint         position,
                       GtkListView  *list_view)
{
  g_autoptr(CcArticle) article = NULL;

  g_assert (CC_IS_SOURCE_LIST (self));

  article = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (article != NULL)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

/* The rows are made in code, not from a builder template per list item:
 * a search makes a page of them at once. A row keeps its article when
 * unbound: GTK 4.8 unbinds and binds again every row a change moves, and
 * a row that shows the same article again is not measured again. */
static void
setup_row_cb (CcSourceList             *self,
              GtkListItem              *list_item,
              GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, cc_source_row_new ());
}

static void
bind_row_cb (CcSourceList             *self,
             GtkListItem              *list_item,
             GtkSignalListItemFactory *factory)
{
  cc_source_row_set_article (CC_SOURCE_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

static void
filter_model_items_changed_cb (CcSourceList *self,
                               guint         position,
                               guint         removed,
                               guint         added,
                               GListModel   *model)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  update_stack (self);
}

/* The selection chooses its first article again by itself, at once when
 * none is chosen. */
static void
stop_deferred_select (CcSourceList *self)
{
  if (self->select_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->select_tick);
  self->select_tick = 0;
  gtk_single_selection_set_autoselect (self->selection, TRUE);
}

/* The sorted library is shown. */
static void
filter_model_notify_model_cb (CcSourceList *self,
                              GParamSpec   *pspec,
                              CcScopeModel *filter_model)
{
  if (cc_scope_model_get_model (filter_model) != G_LIST_MODEL (self->sort_model))
    return;
  update_stack (self);
  stop_deferred_select (self);
}

static void
cc_source_list_dispose (GObject *object)
{
  CcSourceList *self = (CcSourceList *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->keys_cancellable);
  g_clear_object (&self->keys_cancellable);
  g_clear_handle_id (&self->sorted_idle, g_source_remove);
  if (self->scope != NULL)
    g_signal_handlers_disconnect_by_data (self->scope, self);
  /* The paced rows hold the selection: they go first, so that the
   * template's models go with the template. */
  if (self->pace_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->pace_tick);
  self->pace_tick = 0;
  if (self->select_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->select_tick);
  self->select_tick = 0;
  if (self->paced != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->paced, self);
      gtk_list_view_set_model (self->list_view, NULL);
      g_clear_object (&self->paced);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_SOURCE_LIST);

  /* Template children without an id are not bound, so not disposed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->library);
  g_clear_object (&self->scope);

  G_OBJECT_CLASS (cc_source_list_parent_class)->dispose (object);
}

static void
cc_source_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcSourceList *self = CC_SOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, cc_source_list_get_library (self));
      break;

    case PROP_SCOPE:
      g_value_set_object (value, self->scope);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, cc_source_list_get_selection (self));
      break;

    case PROP_SINGLE_CLICK_ACTIVATE:
      g_value_set_boolean (value, gtk_list_view_get_single_click_activate (self->list_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcSourceList *self = CC_SOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cc_source_list_set_library (self, g_value_get_object (value));
      break;

    case PROP_SCOPE:
      cc_source_list_set_scope (self, g_value_get_object (value));
      break;

    case PROP_SINGLE_CLICK_ACTIVATE:
      if (gtk_list_view_get_single_click_activate (self->list_view) != g_value_get_boolean (value))
        {
          gtk_list_view_set_single_click_activate (self->list_view, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_list_class_init (CcSourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_source_list_dispose;
  object_class->get_property = cc_source_list_get_property;
  object_class->set_property = cc_source_list_set_property;

  /**
   * CcSourceList:library:
   *
   * The library whose articles are listed.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcSourceList:scope:
   *
   * The articles listed: a story's, or the library's, matching the search
   * typed here.
   */
  properties[PROP_SCOPE] =
    g_param_spec_object ("scope", NULL, NULL,
                         CC_TYPE_SCOPE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcSourceList:selection:
   *
   * The selection over the searched, date-sorted articles.
   */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GTK_TYPE_SINGLE_SELECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CcSourceList:single-click-activate:
   *
   * Whether a single click activates a row, as when the window is too
   * narrow to show the reader beside the list.
   */
  properties[PROP_SINGLE_CLICK_ACTIVATE] =
    g_param_spec_boolean ("single-click-activate", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcSourceList::article-activated:
   * @self: a #CcSourceList
   * @article: the #CcArticle
   *
   * Emitted when the user activates a row (Enter or double click), asking
   * to read the article.
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, CC_TYPE_ARTICLE);

  g_type_ensure (CC_TYPE_ARTICLE);
  g_type_ensure (CC_TYPE_SOURCE_ROW);
  g_type_ensure (CC_TYPE_SCOPE_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-source-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, list_view);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, selection);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, sorter);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, stack);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* One page more of the list's rows each frame, until they are all in. */
static gboolean
pace_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CcSourceList *self = user_data;

  cc_paced_selection_show_more (self->paced);
  if (cc_paced_selection_get_pending (self->paced) > 0)
    return G_SOURCE_CONTINUE;

  self->pace_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
paced_pending_cb (CcSourceList     *self,
                  GParamSpec       *pspec,
                  CcPacedSelection *paced)
{
  if (cc_paced_selection_get_pending (paced) > 0 && self->pace_tick == 0)
    self->pace_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                    pace_tick_cb, self, NULL);
}

static void
cc_source_list_init (CcSourceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->paced = cc_paced_selection_new (GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->paced, "notify::pending",
                           G_CALLBACK (paced_pending_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->paced));

  gtk_custom_sorter_set_sort_func (self->sorter, cc_compare_articles_newest_first, NULL, NULL);
  cc_gui_make_one_tab_stop (GTK_WIDGET (self->list_view));

  g_signal_connect_object (self->filter_model, "notify::model",
                           G_CALLBACK (filter_model_notify_model_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model,
                           "items-changed",
                           G_CALLBACK (filter_model_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
cc_source_list_new (void)
{
  return g_object_new (CC_TYPE_SOURCE_LIST, NULL);
}

/**
 * cc_source_list_get_library:
 * @self: a #CcSourceList
 *
 * Returns: (transfer none) (nullable): the library
 */
CcLibrary *
cc_source_list_get_library (CcSourceList *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), NULL);

  return self->library;
}

/* How long the main thread spends at a time reading the sorted library's
 * ids, at idle priority, so that the window draws its frames between. */
#define SLICE_USEC 4000

/* The first sort is done: from now on the list follows the library,
 * sorting at once the few articles a change brings. The sorted library
 * begins with the newest articles shown so far: only what follows them
 * comes in, once the ids of the sorted articles are read. */
static gboolean
show_sorted_cb (gpointer data)
{
  CcSourceList *self = data;

  self->sorted_idle = 0;
  if (gtk_sort_list_model_get_pending (self->sort_model) > 0)
    return G_SOURCE_REMOVE;

  g_signal_handlers_disconnect_by_data (self->sort_model, self);
  gtk_sort_list_model_set_incremental (self->sort_model, FALSE);
  cc_scope_model_set_model_sliced (self->filter_model, G_LIST_MODEL (self->sort_model), SLICE_USEC);
  return G_SOURCE_REMOVE;
}


/* Said in the middle of the sort model's own changes: the list is shown
 * from an idle, once they are over. */
static void
sort_pending_cb (CcSourceList     *self,
                 GParamSpec       *pspec,
                 GtkSortListModel *sort_model)
{
  if (gtk_sort_list_model_get_pending (sort_model) == 0 && self->sorted_idle == 0)
    self->sorted_idle = g_idle_add (show_sorted_cb, self);
}

/* The first frame that ticks after the newest articles came has drawn
 * them: the next one selects the first, unless the user chose one. */
static gboolean
select_first_cb (gpointer user_data)
{
  CcSourceList *self = user_data;

  self->select_tick = 0;
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  return G_SOURCE_REMOVE;
}

/* The first articles of the sort, found before the keys are all made:
 * the list shows them until the library is sorted. Their first frame is
 * theirs: the reader's first article, which the selection chooses by
 * itself, comes in the next. */
static void
newest_cb (GPtrArray *newest,
           gpointer   user_data)
{
  CcSourceList *self = user_data;
  g_autoptr(GListStore) store = NULL;

  g_assert (CC_IS_SOURCE_LIST (self));

  if (cc_scope_model_get_model (self->filter_model) != NULL)
    return;

  store = g_list_store_new (CC_TYPE_ARTICLE);
  g_list_store_splice (store, 0, 0, newest->pdata, newest->len);
  if (newest->len > 0 && self->select_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      self->select_tick = cc_gui_add_frames_callback (GTK_WIDGET (self->list_view), 2,
                                                      select_first_cb, self);
    }
  cc_scope_model_set_model (self->filter_model, G_LIST_MODEL (store));
}

static void
sort_keys_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CcSourceList) self = user_data;

  if (!cc_articles_make_sort_keys_finish (result, NULL))
    return;

  g_clear_object (&self->keys_cancellable);
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  g_signal_connect_object (self->sort_model, "notify::pending", G_CALLBACK (sort_pending_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->library));
  sort_pending_cb (self, NULL, self->sort_model);
}

void
cc_source_list_set_library (CcSourceList *self,
                            CcLibrary    *library)
{
  g_return_if_fail (CC_IS_SOURCE_LIST (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  g_cancellable_cancel (self->keys_cancellable);
  g_clear_object (&self->keys_cancellable);
  g_signal_handlers_disconnect_by_func (self->sort_model, sort_pending_cb, self);
  g_clear_handle_id (&self->sorted_idle, g_source_remove);
  cc_scope_model_set_model (self->filter_model, NULL);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  stop_deferred_select (self);
  if (library != NULL)
    {
      self->keys_cancellable = g_cancellable_new ();
      /* The task holds the list until newest_cb() can no longer come. */
      cc_articles_make_sort_keys_async (G_LIST_MODEL (library), NEWEST_ROWS, newest_cb, self, NULL,
                                        self->keys_cancellable, sort_keys_cb, g_object_ref (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * cc_source_list_get_scope:
 * @self: a #CcSourceList
 *
 * Returns: (transfer none) (nullable): the scope whose articles are listed
 */
CcScope *
cc_source_list_get_scope (CcSourceList *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), NULL);

  return self->scope;
}

void
cc_source_list_set_scope (CcSourceList *self,
                          CcScope      *scope)
{
  g_return_if_fail (CC_IS_SOURCE_LIST (self));
  g_return_if_fail (!scope || CC_IS_SCOPE (scope));

  if (self->scope == scope)
    return;

  if (self->scope != NULL)
    g_signal_handlers_disconnect_by_data (self->scope, self);
  g_set_object (&self->scope, scope);

  cc_scope_model_set_scope (self->filter_model, scope);
  if (scope != NULL)
    g_signal_connect_object (scope, "changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  run_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

/**
 * cc_source_list_get_selection:
 * @self: a #CcSourceList
 *
 * Returns: (transfer none): the selection over the listed articles
 */
GtkSingleSelection *
cc_source_list_get_selection (CcSourceList *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), NULL);

  return self->selection;
}

void
cc_source_list_focus_search (CcSourceList *self)
{
  g_return_if_fail (CC_IS_SOURCE_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
