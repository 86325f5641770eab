/* cc-scope-model.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The articles of a model (the article list's sorted library) that are
 * in a scope, in the model's order. It keeps the ids of the model's
 * articles by position, so that a new search or story is judged on the
 * ids alone, with cc_scope_match_ids(), without a look at any article:
 * a pass over a hundred thousand articles then costs a few milliseconds,
 * and the list follows it at once, in one change. Which positions are in
 * scope is a bitset, as in a GtkFilterListModel. A new model that begins
 * with the articles shown changes only what comes after them. */

#define G_LOG_DOMAIN "cc-scope-model"

#include "config.h"

#include "cc-article.h"
#include "cc-scope-model.h"

struct _CcScopeModel
{
  GObject     parent_instance;

  GListModel *model;
  CcScope    *scope;
  /* The ids of the model's articles, by position. */
  GArray     *ids;
  /* The positions of the model in scope. */
  GtkBitset  *matches;

  /* The model to show next, whose ids are gathered a slice at a time. */
  GListModel *next_model;
  GArray     *next_ids;
  guint       next_source;
  guint       slice_usec;
};

static void cc_scope_model_list_model_init (GListModelInterface *iface);
static void stop_gathering                 (CcScopeModel        *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (CcScopeModel, cc_scope_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cc_scope_model_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
cc_scope_model_get_item_type (GListModel *model)
{
  return CC_TYPE_ARTICLE;
}

static guint
cc_scope_model_get_n_items (GListModel *model)
{
  return gtk_bitset_get_size (CC_SCOPE_MODEL (model)->matches);
}

static gpointer
cc_scope_model_get_item (GListModel *model,
                         guint       position)
{
  CcScopeModel *self = CC_SCOPE_MODEL (model);

  if (self->model == NULL || position >= gtk_bitset_get_size (self->matches))
    return NULL;
  return g_list_model_get_item (self->model, gtk_bitset_get_nth (self->matches, position));
}

static void
cc_scope_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cc_scope_model_get_item_type;
  iface->get_n_items = cc_scope_model_get_n_items;
  iface->get_item = cc_scope_model_get_item;
}

/* Adds to @matches the positions from @position on, @n_items of them,
 * whose articles are in scope. */
static void
match_range (CcScopeModel *self,
             GtkBitset    *matches,
             guint         position,
             guint         n_items)
{
  if (self->scope == NULL ||
      gtk_filter_get_strictness (cc_scope_get_filter (self->scope)) == GTK_FILTER_MATCH_ALL)
    {
      gtk_bitset_add_range (matches, position, n_items);
      return;
    }

  if (n_items > 0)
    cc_scope_match_ids (self->scope, &g_array_index (self->ids, gint64, position), n_items,
                        position, matches);
}

/* Judges every article again: one items-changed, from the first position
 * that changed to the last. */
static void
refilter (CcScopeModel *self)
{
  g_autoptr(GtkBitset) old = self->matches;
  g_autoptr(GtkBitset) changes = NULL;
  guint first, last;

  g_assert (CC_IS_SCOPE_MODEL (self));

  self->matches = gtk_bitset_new_empty ();
  match_range (self, self->matches, 0, self->ids->len);

  changes = gtk_bitset_copy (self->matches);
  gtk_bitset_difference (changes, old);
  if (gtk_bitset_is_empty (changes))
    return;

  first = gtk_bitset_get_minimum (changes);
  last = gtk_bitset_get_maximum (changes);
  g_list_model_items_changed (G_LIST_MODEL (self),
                              first > 0 ? gtk_bitset_get_size_in_range (self->matches, 0, first - 1) : 0,
                              gtk_bitset_get_size_in_range (old, first, last),
                              gtk_bitset_get_size_in_range (self->matches, first, last));
}

/* The model's articles from @position on, @removed of them, gave way
 * to those whose ids are @ids. */
static void
splice_ids (CcScopeModel *self,
            guint         position,
            guint         removed,
            const gint64 *ids,
            guint         added)
{
  guint shown_position, shown_removed, shown_added;

  shown_position = position > 0 ? gtk_bitset_get_size_in_range (self->matches, 0, position - 1) : 0;
  shown_removed = removed > 0 ? gtk_bitset_get_size_in_range (self->matches, position, position + removed - 1) : 0;

  g_array_remove_range (self->ids, position, removed);
  g_array_insert_vals (self->ids, position, ids, added);

  gtk_bitset_splice (self->matches, position, removed, added);
  match_range (self, self->matches, position, added);
  shown_added = added > 0 ? gtk_bitset_get_size_in_range (self->matches, position, position + added - 1) : 0;

  if (shown_removed > 0 || shown_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_position, shown_removed, shown_added);
}

/* Appends to @ids the ids of @model's articles from @position on,
 * @n_items of them. */
static void
append_ids (GArray     *ids,
            GListModel *model,
            guint       position,
            guint       n_items)
{
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (model, position + i);
      gint64 id = cc_article_get_id (article);

      g_array_append_val (ids, id);
    }
}

static void
model_items_changed_cb (CcScopeModel *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *model)
{
  g_autoptr(GArray) ids = NULL;

  g_assert (CC_IS_SCOPE_MODEL (self));

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), added);
  append_ids (ids, model, position, added);
  splice_ids (self, position, removed, (const gint64 *)ids->data, ids->len);
}

static void
filter_changed_cb (CcScopeModel    *self,
                   GtkFilterChange  change,
                   GtkFilter       *filter)
{
  refilter (self);
}

static void
cc_scope_model_dispose (GObject *object)
{
  CcScopeModel *self = (CcScopeModel *)object;

  stop_gathering (self);
  /* Quietly: whoever listens is going too. */
  if (self->scope != NULL)
    g_signal_handlers_disconnect_by_data (cc_scope_get_filter (self->scope), self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->scope);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cc_scope_model_parent_class)->dispose (object);
}

static void
cc_scope_model_finalize (GObject *object)
{
  CcScopeModel *self = (CcScopeModel *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->matches, gtk_bitset_unref);

  G_OBJECT_CLASS (cc_scope_model_parent_class)->finalize (object);
}

static void
cc_scope_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcScopeModel *self = CC_SCOPE_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL: g_value_set_object (value, self->model); break;
    case PROP_SCOPE: g_value_set_object (value, self->scope); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_scope_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcScopeModel *self = CC_SCOPE_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL: cc_scope_model_set_model (self, g_value_get_object (value)); break;
    case PROP_SCOPE: cc_scope_model_set_scope (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_scope_model_class_init (CcScopeModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_scope_model_dispose;
  object_class->finalize = cc_scope_model_finalize;
  object_class->get_property = cc_scope_model_get_property;
  object_class->set_property = cc_scope_model_set_property;

  /**
   * CcScopeModel:model:
   *
   * The articles, in the order the model shows them.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CcScopeModel:scope:
   *
   * The scope whose articles are kept, or %NULL for every article.
   */
  properties[PROP_SCOPE] =
    g_param_spec_object ("scope", NULL, NULL, CC_TYPE_SCOPE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_scope_model_init (CcScopeModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->matches = gtk_bitset_new_empty ();
}

CcScopeModel *
cc_scope_model_new (void)
{
  return g_object_new (CC_TYPE_SCOPE_MODEL, NULL);
}

GListModel *
cc_scope_model_get_model (CcScopeModel *self)
{
  g_return_val_if_fail (CC_IS_SCOPE_MODEL (self), NULL);

  return self->model;
}

/* How many articles @model begins with that the model shown begins with
 * too, the same objects at the same positions. */
static guint
count_same_first (CcScopeModel *self,
                  GListModel   *model)
{
  guint n_items = MIN (self->ids->len, g_list_model_get_n_items (model));
  guint same = 0;

  while (same < n_items)
    {
      g_autoptr(GObject) old_item = g_list_model_get_item (self->model, same);
      g_autoptr(GObject) new_item = g_list_model_get_item (model, same);

      if (old_item != new_item)
        break;
      same++;
    }
  return same;
}

/* Shows the articles of @model, whose ids are @ids (by position) or, if
 * %NULL, read from the articles. */
static void
set_model_with_ids (CcScopeModel *self,
                    GListModel   *model,
                    GArray       *ids)
{
  guint n_before, n_after, same = 0;

  g_assert (ids == NULL || (model != NULL && ids->len == g_list_model_get_n_items (model)));

  if (self->model == model)
    return;

  n_before = self->ids->len;
  n_after = model != NULL ? g_list_model_get_n_items (model) : 0;
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      if (model != NULL)
        same = count_same_first (self, model);
    }
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  if (ids != NULL)
    splice_ids (self, same, n_before - same, &g_array_index (ids, gint64, same), n_after - same);
  else if (n_before > same || n_after > same)
    model_items_changed_cb (self, same, n_before - same, n_after - same, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
stop_gathering (CcScopeModel *self)
{
  g_clear_handle_id (&self->next_source, g_source_remove);
  if (self->next_model != NULL)
    g_signal_handlers_disconnect_by_data (self->next_model, self);
  g_clear_object (&self->next_model);
  g_clear_pointer (&self->next_ids, g_array_unref);
}

/* A change of the next model while its ids are gathered: those from
 * @position on are gathered again. */
static void
next_model_items_changed_cb (CcScopeModel *self,
                             guint         position,
                             guint         removed,
                             guint         added,
                             GListModel   *model)
{
  if (self->next_ids->len > position)
    g_array_set_size (self->next_ids, position);
}

/* Gathers the next model's ids for a slice of time, the clock read
 * every 255 articles; then shows the model. */
static gboolean
gather_ids_cb (gpointer data)
{
  CcScopeModel *self = data;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GArray) ids = NULL;
  guint n_items = g_list_model_get_n_items (self->next_model);
  gint64 end = g_get_monotonic_time () + self->slice_usec;

  while (self->next_ids->len < n_items)
    {
      guint first = self->next_ids->len;

      append_ids (self->next_ids, self->next_model, first, MIN (n_items - first, 255));
      if (self->next_ids->len < n_items && g_get_monotonic_time () >= end)
        return G_SOURCE_CONTINUE;
    }

  self->next_source = 0;
  model = g_object_ref (self->next_model);
  ids = g_array_ref (self->next_ids);
  stop_gathering (self);
  set_model_with_ids (self, model, ids);
  return G_SOURCE_REMOVE;
}

/**
 * cc_scope_model_set_model:
 *
 * Shows the articles of @model. The articles it begins with that the
 * model shown before began with too stay, and the rest change in one
 * items-changed: the first articles of a list, shown before the whole,
 * give way to the whole without a change of what was shown of them, so
 * that a selection and a scroll position over them stay.
 */
void
cc_scope_model_set_model (CcScopeModel *self,
                          GListModel   *model)
{
  g_return_if_fail (CC_IS_SCOPE_MODEL (self));
  g_return_if_fail (!model || G_IS_LIST_MODEL (model));

  stop_gathering (self);
  set_model_with_ids (self, model, NULL);
}

/**
 * cc_scope_model_set_model_sliced:
 * @slice_usec: the longest the main thread spends at a time
 *
 * As cc_scope_model_set_model(), but first reads the ids of @model's
 * articles from idles, @slice_usec at a time, following @model's changes
 * meanwhile, so that a model of a whole library does not hold up the
 * window: reading a hundred thousand articles takes a tenth of a second.
 * The model shown stays until then; #CcScopeModel:model says when
 * @model takes its place.
 */
void
cc_scope_model_set_model_sliced (CcScopeModel *self,
                                 GListModel   *model,
                                 guint         slice_usec)
{
  g_return_if_fail (CC_IS_SCOPE_MODEL (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));

  stop_gathering (self);
  if (self->model == model)
    return;

  self->next_model = g_object_ref (model);
  self->next_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_list_model_get_n_items (model));
  self->slice_usec = slice_usec;
  g_signal_connect_object (model, "items-changed", G_CALLBACK (next_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->next_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, gather_ids_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->next_source),
                            "[crosscheck] scope model ids");
}

CcScope *
cc_scope_model_get_scope (CcScopeModel *self)
{
  g_return_val_if_fail (CC_IS_SCOPE_MODEL (self), NULL);

  return self->scope;
}

void
cc_scope_model_set_scope (CcScopeModel *self,
                          CcScope      *scope)
{
  g_return_if_fail (CC_IS_SCOPE_MODEL (self));
  g_return_if_fail (!scope || CC_IS_SCOPE (scope));

  if (self->scope == scope)
    return;

  if (self->scope != NULL)
    g_signal_handlers_disconnect_by_data (cc_scope_get_filter (self->scope), self);
  g_set_object (&self->scope, scope);
  if (scope != NULL)
    g_signal_connect_object (cc_scope_get_filter (scope), "changed",
                             G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}
