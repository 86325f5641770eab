/* cc-paced-selection.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The selection model a list view shows: the rows of another selection
 * model, the same at the same positions, with its selection, except that
 * after a change that replaces the rows at the top (a search, a story,
 * going back to every article) it shows them a page at a time, from the
 * top. A list view of GTK 4.8 keeps a row widget for each of up to 200
 * rows around its first shown, so a change of them all is 200 rows made,
 * bound and measured before the next frame; a page at a time, each frame
 * does one page. The rows it shows are always the first ones of the
 * model, as many as its limit lets through: a change below the limit
 * changes nothing shown, and a change above it is passed on, clipped.
 * Many rows added after the last near the top (an empty list filled)
 * come a page at a time the same way.
 * A change that keeps most of the rows shown at the top, only moved (a
 * search for a common word), is passed on whole: the list view finds
 * their widgets again, which costs less than a page at a time. The
 * owner calls cc_paced_selection_show_more() once a frame while
 * #CcPacedSelection:pending says rows are still to come.
 *
 * The selection model underneath sees every change whole, so it keeps
 * the selected item as it would without pacing. */

#define G_LOG_DOMAIN "cc-paced-selection"

#include "config.h"

#include "cc-paced-selection.h"

/* Rows shown from a change at once (a window's worth), then a step, and
 * the rows below which a change is paced: past them a list view at the
 * top of its rows keeps no widgets. */
#define FIRST_PAGE  24
#define PAGE        16
#define PACED_ROWS  256

struct _CcPacedSelection
{
  GObject            parent_instance;

  GtkSelectionModel *model;
  /* How many of the model's first rows are shown: G_MAXUINT for all. */
  guint              limit;
  guint              pending;
  /* The page a change showed has its frame to itself. */
  gboolean           paced;
  /* The rows shown at the top, up to PACED_ROWS of them. */
  GPtrArray         *head;
};

static void cc_paced_selection_list_model_init      (GListModelInterface        *iface);
static void cc_paced_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CcPacedSelection, cc_paced_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cc_paced_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      cc_paced_selection_selection_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_model_items (CcPacedSelection *self)
{
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static void
update_pending (CcPacedSelection *self)
{
  guint n_items = n_model_items (self);
  guint pending = n_items > self->limit ? n_items - self->limit : 0;

  if (pending == self->pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Reads the rows shown at the top again, from @position on. */
static void
update_head (CcPacedSelection *self,
             guint             position)
{
  guint n_shown = MIN (MIN (n_model_items (self), self->limit), PACED_ROWS);

  if (position < self->head->len)
    g_ptr_array_set_size (self->head, position);
  for (guint i = self->head->len; i < n_shown; i++)
    g_ptr_array_add (self->head, g_list_model_get_item (G_LIST_MODEL (self->model), i));
}

/* Whether the model's rows from @position on are mostly rows shown
 * before the change, somewhere at the top. */
static gboolean
keeps_most_rows (CcPacedSelection *self,
                 guint             position)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  guint n_items = MIN (n_model_items (self), PACED_ROWS);
  guint kept = 0;

  for (guint i = position; i < self->head->len; i++)
    g_hash_table_add (shown, g_ptr_array_index (self->head, i));
  for (guint i = position; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      kept += g_hash_table_contains (shown, item);
    }
  return n_items > position && kept * 2 >= n_items - position;
}

static GType
cc_paced_selection_get_item_type (GListModel *model)
{
  CcPacedSelection *self = CC_PACED_SELECTION (model);

  return self->model ? g_list_model_get_item_type (G_LIST_MODEL (self->model)) : G_TYPE_OBJECT;
}

static guint
cc_paced_selection_get_n_items (GListModel *model)
{
  CcPacedSelection *self = CC_PACED_SELECTION (model);

  return MIN (n_model_items (self), self->limit);
}

static gpointer
cc_paced_selection_get_item (GListModel *model,
                             guint       position)
{
  CcPacedSelection *self = CC_PACED_SELECTION (model);

  if (position >= self->limit || self->model == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->model), position);
}

static void
cc_paced_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cc_paced_selection_get_item_type;
  iface->get_n_items = cc_paced_selection_get_n_items;
  iface->get_item = cc_paced_selection_get_item;
}

/* The selection is the model's: positions are the same. */
static gboolean
cc_paced_selection_is_selected (GtkSelectionModel *model,
                                guint              position)
{
  CcPacedSelection *self = CC_PACED_SELECTION (model);

  return position < self->limit && gtk_selection_model_is_selected (self->model, position);
}

static GtkBitset *
cc_paced_selection_get_selection_in_range (GtkSelectionModel *model,
                                           guint              position,
                                           guint              n_items)
{
  CcPacedSelection *self = CC_PACED_SELECTION (model);

  return gtk_selection_model_get_selection_in_range (self->model, position, n_items);
}

static gboolean
cc_paced_selection_select_item (GtkSelectionModel *model,
                                guint              position,
                                gboolean           unselect_rest)
{
  return gtk_selection_model_select_item (CC_PACED_SELECTION (model)->model, position, unselect_rest);
}

static gboolean
cc_paced_selection_unselect_item (GtkSelectionModel *model,
                                  guint              position)
{
  return gtk_selection_model_unselect_item (CC_PACED_SELECTION (model)->model, position);
}

static gboolean
cc_paced_selection_select_range (GtkSelectionModel *model,
                                 guint              position,
                                 guint              n_items,
                                 gboolean           unselect_rest)
{
  return gtk_selection_model_select_range (CC_PACED_SELECTION (model)->model, position, n_items,
                                           unselect_rest);
}

static gboolean
cc_paced_selection_unselect_range (GtkSelectionModel *model,
                                   guint              position,
                                   guint              n_items)
{
  return gtk_selection_model_unselect_range (CC_PACED_SELECTION (model)->model, position, n_items);
}

static gboolean
cc_paced_selection_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (CC_PACED_SELECTION (model)->model);
}

static gboolean
cc_paced_selection_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (CC_PACED_SELECTION (model)->model);
}

static gboolean
cc_paced_selection_set_selection (GtkSelectionModel *model,
                                  GtkBitset         *selected,
                                  GtkBitset         *mask)
{
  return gtk_selection_model_set_selection (CC_PACED_SELECTION (model)->model, selected, mask);
}

static void
cc_paced_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = cc_paced_selection_is_selected;
  iface->get_selection_in_range = cc_paced_selection_get_selection_in_range;
  iface->select_item = cc_paced_selection_select_item;
  iface->unselect_item = cc_paced_selection_unselect_item;
  iface->select_range = cc_paced_selection_select_range;
  iface->unselect_range = cc_paced_selection_unselect_range;
  iface->select_all = cc_paced_selection_select_all;
  iface->unselect_all = cc_paced_selection_unselect_all;
  iface->set_selection = cc_paced_selection_set_selection;
}

/* The rows above @position stay; those shown from it on are replaced by
 * those shown now. A change that takes many of the first rows away shows
 * one page from @position, and the rest a page a step. */
static void
model_items_changed_cb (CcPacedSelection *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *model)
{
  guint n_after = g_list_model_get_n_items (model);
  guint n_before = n_after - added + removed;
  guint shown_before, shown_after;

  g_assert (CC_IS_PACED_SELECTION (self));

  /* Nothing shown changes below the limit. */
  if (position >= self->limit)
    {
      update_pending (self);
      return;
    }

  shown_before = MIN (n_before, self->limit);
  /* Many rows after the last, near the top (an empty list filled), come
   * a page at a time too: none of them has a row widget yet. */
  if (position < PACED_ROWS &&
      ((removed >= PAGE && !keeps_most_rows (self, position)) ||
       (removed == 0 && position == n_before && added >= PAGE)))
    {
      self->limit = position + FIRST_PAGE;
      self->paced = TRUE;
    }
  shown_after = MIN (n_after, self->limit);
  update_pending (self);
  update_head (self, position);

  if (shown_before > position || shown_after > position)
    g_list_model_items_changed (G_LIST_MODEL (self), position,
                                shown_before - position, shown_after - position);
}

static void
model_selection_changed_cb (CcPacedSelection  *self,
                            guint              position,
                            guint              n_items,
                            GtkSelectionModel *model)
{
  guint shown = cc_paced_selection_get_n_items (G_LIST_MODEL (self));

  g_assert (CC_IS_PACED_SELECTION (self));

  if (position < shown)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                           MIN (n_items, shown - position));
}

static void
cc_paced_selection_dispose (GObject *object)
{
  CcPacedSelection *self = (CcPacedSelection *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->head, 0);

  G_OBJECT_CLASS (cc_paced_selection_parent_class)->dispose (object);
}

static void
cc_paced_selection_finalize (GObject *object)
{
  CcPacedSelection *self = (CcPacedSelection *)object;

  g_ptr_array_unref (self->head);

  G_OBJECT_CLASS (cc_paced_selection_parent_class)->finalize (object);
}

static void
cc_paced_selection_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcPacedSelection *self = CC_PACED_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_paced_selection_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CcPacedSelection *self = CC_PACED_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      if (self->model != NULL)
        {
          g_signal_connect_object (self->model, "items-changed",
                                   G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->model, "selection-changed",
                                   G_CALLBACK (model_selection_changed_cb), self, G_CONNECT_SWAPPED);
          update_head (self, 0);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_paced_selection_class_init (CcPacedSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_paced_selection_dispose;
  object_class->finalize = cc_paced_selection_finalize;
  object_class->get_property = cc_paced_selection_get_property;
  object_class->set_property = cc_paced_selection_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * CcPacedSelection:pending:
   *
   * How many rows of the model are not shown yet.
   */
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_paced_selection_init (CcPacedSelection *self)
{
  self->limit = G_MAXUINT;
  self->head = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cc_paced_selection_new:
 * @model: the selection model whose rows are shown
 *
 * Returns: (transfer full): a new #CcPacedSelection
 */
CcPacedSelection *
cc_paced_selection_new (GtkSelectionModel *model)
{
  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);

  return g_object_new (CC_TYPE_PACED_SELECTION, "model", model, NULL);
}

/**
 * cc_paced_selection_get_model:
 *
 * Returns: (transfer none): the selection model whose rows are shown
 */
GtkSelectionModel *
cc_paced_selection_get_model (CcPacedSelection *self)
{
  g_return_val_if_fail (CC_IS_PACED_SELECTION (self), NULL);

  return self->model;
}

/**
 * cc_paced_selection_get_pending:
 *
 * Returns: how many rows of the model are not shown yet
 */
guint
cc_paced_selection_get_pending (CcPacedSelection *self)
{
  g_return_val_if_fail (CC_IS_PACED_SELECTION (self), 0);

  return self->pending;
}

/**
 * cc_paced_selection_show_more:
 *
 * Shows one more page of the rows not shown yet, or all of them once
 * those shown reach past the rows a list view keeps widgets for; the
 * first call after a change that was paced only lets its page be.
 */
void
cc_paced_selection_show_more (CcPacedSelection *self)
{
  guint shown_before, shown_after;

  g_return_if_fail (CC_IS_PACED_SELECTION (self));

  if (self->pending == 0)
    return;
  if (self->paced)
    {
      self->paced = FALSE;
      return;
    }

  shown_before = cc_paced_selection_get_n_items (G_LIST_MODEL (self));
  self->limit = self->limit + PAGE >= PACED_ROWS ? G_MAXUINT : self->limit + PAGE;
  shown_after = cc_paced_selection_get_n_items (G_LIST_MODEL (self));
  update_pending (self);
  update_head (self, shown_before);
  if (shown_after > shown_before)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_before, 0, shown_after - shown_before);
}
