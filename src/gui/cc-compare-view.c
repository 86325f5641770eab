/* cc-compare-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Two to four articles side by side, with a matrix of the statements they
 * carry. The articles are chosen in a list of the view's own, a
 * GtkMultiSelection over the library where Ctrl-click adds an article:
 * the source list's single selection drives the reader, and making it
 * multiple would change what the reader (and every view bound to the
 * selected article) shows. */

#define G_LOG_DOMAIN "cc-compare-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-article-sort.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-compare-column.h"
#include "cc-compare-view-private.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-source-row.h"
#include "cc-utils.h"

#define TEMPLATE "/io/github/crosscheck/Crosscheck/ui/cc-compare-view.ui"

G_DEFINE_FINAL_TYPE (CcCompareView, cc_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SCROLL_TOGETHER,
  PROP_CLUSTERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (CcCompareView *self);

/* Oldest first, as the story unfolded and as the columns read left to
 * right; undated articles last. */
static int
compare_published (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const char *published_a = cc_article_get_published ((CcArticle *)a);
  const char *published_b = cc_article_get_published ((CcArticle *)b);
  gint64 id_a = cc_article_get_id ((CcArticle *)a);
  gint64 id_b = cc_article_get_id ((CcArticle *)b);
  int cmp;

  if ((published_a == NULL) != (published_b == NULL))
    return published_a == NULL ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  if (published_a != NULL && (cmp = strcmp (published_a, published_b)) != 0)
    return gtk_ordering_from_cmpfunc (cmp);
  return gtk_ordering_from_cmpfunc ((id_a > id_b) - (id_a < id_b));
}

static int
compare_published_ptr (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return compare_published (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  CcCompareView *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Edits of claims come in bursts (a re-extraction): rebuild once after. */
static void
queue_rebuild (CcCompareView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_cb, self, NULL);
}

static void
claims_changed_cb (CcCompareView *self,
                   guint          position,
                   guint          removed,
                   guint          added,
                   GListModel    *claims)
{
  queue_rebuild (self);
}

static void
stop_following_claims (CcCompareView *self)
{
  for (guint i = 0; i < self->chosen->len; i++)
    {
      CcArticle *article = g_ptr_array_index (self->chosen, i);

      g_signal_handlers_disconnect_by_func (cc_article_get_claims (article),
                                            claims_changed_cb, self);
    }
}

static void
update_actions (CcCompareView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.show-cluster",
                                 self->clusters != NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->clusters)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.scroll-together",
                                 self->columns->len >= 2);
}

/* The articles the picker has selected, in its order, at most the
 * limit; TRUE when more were selected than fit. */
static gboolean
selected_articles (CcCompareView *self,
                   GPtrArray     *articles)
{
  GListModel *model = G_LIST_MODEL (self->picker_selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (model));
  GtkBitsetIter iter;
  gboolean too_many = FALSE;
  guint position;

  if (!gtk_bitset_iter_init_first (&iter, selected, &position))
    return FALSE;

  do
    {
      if (articles->len < CC_COMPARE_VIEW_MAX_ARTICLES)
        g_ptr_array_add (articles, g_list_model_get_item (model, position));
      else
        too_many = TRUE;
    }
  while (gtk_bitset_iter_next (&iter, &position));

  /* The list is in the source list's order, newest first; the columns
   * read left to right as the story unfolded. */
  g_ptr_array_sort_with_data (articles, compare_published_ptr, NULL);

  return too_many;
}

static gboolean
same_articles (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

static gboolean
column_leads (CcCompareView   *self,
              CcCompareColumn *column)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The column the user scrolls: under the pointer, or else holding the
   * keyboard focus. Columns scrolled to a mention do not lead. */
  if (self->hovered_column != NULL)
    return self->hovered_column == GTK_WIDGET (column);
  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (column));
}

static void
column_scrolled_cb (CcCompareView *self,
                    GtkAdjustment *adjustment)
{
  CcCompareColumn *leader = NULL;
  double range, share;

  if (!self->scroll_together || self->syncing)
    return;

  for (guint i = 0; i < self->columns->len && leader == NULL; i++)
    if (cc_compare_column_get_vadjustment (g_ptr_array_index (self->columns, i)) == adjustment)
      leader = g_ptr_array_index (self->columns, i);

  if (leader == NULL || !column_leads (self, leader))
    return;

  /* The same share of each text: articles differ in length. */
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  share = range > 0 ? gtk_adjustment_get_value (adjustment) / range : 0;

  self->syncing = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      CcCompareColumn *column = g_ptr_array_index (self->columns, i);
      GtkAdjustment *other = cc_compare_column_get_vadjustment (column);

      if (other != adjustment)
        gtk_adjustment_set_value (other, share * (gtk_adjustment_get_upper (other) -
                                                  gtk_adjustment_get_page_size (other)));
    }
  self->syncing = FALSE;
}

static void
column_enter_cb (GtkEventControllerMotion *motion,
                 double                    x,
                 double                    y,
                 CcCompareView            *self)
{
  self->hovered_column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));
}

static void
column_leave_cb (GtkEventControllerMotion *motion,
                 CcCompareView            *self)
{
  if (self->hovered_column == gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion)))
    self->hovered_column = NULL;
}

static void
set_columns (CcCompareView *self,
             GPtrArray     *articles)
{
  GtkWidget *child;

  stop_following_claims (self);

  self->hovered_column = NULL;
  g_ptr_array_set_size (self->columns, 0);
  while ((child = gtk_widget_get_first_child (self->columns_box)))
    gtk_box_remove (GTK_BOX (self->columns_box), child);

  g_ptr_array_set_size (self->chosen, 0);
  for (guint i = 0; i < articles->len; i++)
    {
      CcArticle *article = g_ptr_array_index (articles, i);
      GtkWidget *column = cc_compare_column_new ();
      GtkEventController *motion = gtk_event_controller_motion_new ();

      g_ptr_array_add (self->chosen, g_object_ref (article));
      g_signal_connect_object (cc_article_get_claims (article),
                               "items-changed",
                               G_CALLBACK (claims_changed_cb),
                               self,
                               G_CONNECT_SWAPPED);

      cc_compare_column_set_article (CC_COMPARE_COLUMN (column), article);
      g_signal_connect_object (cc_compare_column_get_vadjustment (CC_COMPARE_COLUMN (column)),
                               "value-changed",
                               G_CALLBACK (column_scrolled_cb),
                               self,
                               G_CONNECT_SWAPPED);
      g_signal_connect (motion, "enter", G_CALLBACK (column_enter_cb), self);
      g_signal_connect (motion, "leave", G_CALLBACK (column_leave_cb), self);
      gtk_widget_add_controller (column, motion);

      gtk_box_append (GTK_BOX (self->columns_box), column);
      g_ptr_array_add (self->columns, column);
    }
}

static void
update_notes (CcCompareView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      CcCompareColumn *column = g_ptr_array_index (self->columns, i);
      CcArticle *article = cc_compare_column_get_article (column);
      gint64 id = cc_article_get_id (article);
      gint64 origin = self->clusters ? cc_cluster_set_get_origin (self->clusters, id) : id;
      g_autofree char *note = NULL;

      if (origin != 0 && origin != id)
        {
          CcArticle *original = NULL;

          for (guint j = 0; j < self->chosen->len && original == NULL; j++)
            if (cc_article_get_id (g_ptr_array_index (self->chosen, j)) == origin)
              original = g_ptr_array_index (self->chosen, j);

          note = g_strdup_printf (_("Repeats the text of “%s”: counted as one source"),
                                  original && cc_article_get_title (original)
                                    ? cc_article_get_title (original) : _("another article"));
        }

      cc_compare_column_set_note (column, note);
    }
}

static void
update_hint (CcCompareView *self,
             gboolean       too_many)
{
  g_autofree char *hint = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");

  if (too_many)
    {
      hint = g_strdup_printf (ngettext ("At most %u article can be compared: showing the first",
                                        "At most %u articles can be compared: showing the first",
                                        CC_COMPARE_VIEW_MAX_ARTICLES),
                              CC_COMPARE_VIEW_MAX_ARTICLES);
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "warning");
    }
  else if (self->chosen->len < 2)
    hint = g_strdup (_("Tick or Ctrl-click two to four articles to compare them "
                        "(from the keyboard: Ctrl+arrows, then Ctrl+Space)"));
  else if (self->clusters != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clusters));
      g_autofree char *count = cc_format_count (n);

      /* Translators: %s is a count of claims, as "12" or "1,200" */
      hint = g_strdup_printf (ngettext ("%s claim across %u articles",
                                        "%s claims across %u articles",
                                        n),
                              count, self->chosen->len);
    }

  gtk_label_set_label (self->hint_label, hint ? hint : "");
}

static void
rebuild (CcCompareView *self)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (CC_TYPE_ARTICLE);
  gboolean too_many;

  g_assert (CC_IS_COMPARE_VIEW (self));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  too_many = selected_articles (self, articles);
  if (!same_articles (articles, self->chosen))
    set_columns (self, articles);

  g_clear_object (&self->clusters);
  if (self->chosen->len >= 2)
    {
      for (guint i = 0; i < self->chosen->len; i++)
        g_list_store_append (store, g_ptr_array_index (self->chosen, i));
      self->clusters = cc_cluster_set_new (G_LIST_MODEL (store));
    }

  update_notes (self);
  _cc_compare_view_matrix_update (self);
  update_hint (self, too_many);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, self->chosen->len >= 2 ? "compare" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTERS]);
}

/* Picker rows ----------------------------------------------------------------- */

/* A row's tick adds its article to the choice or takes it out, as a
 * Ctrl-click does; a click elsewhere on the row chooses that article
 * alone. */
static void
pick_toggled_cb (CcCompareView  *self,
                 GtkCheckButton *check)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (check), "list-item");
  gboolean active = gtk_check_button_get_active (check);
  guint position;

  g_assert (CC_IS_COMPARE_VIEW (self));

  if (item == NULL || active == gtk_list_item_get_selected (item))
    return;

  position = gtk_list_item_get_position (item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (active)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->picker_selection), position, FALSE);
  else
    gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (self->picker_selection), position);
}

static void
setup_pick_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CcCompareView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row = cc_source_row_new ();

  /* The list is one Tab stop: Ctrl+Space adds the row at the cursor. */
  gtk_widget_set_focusable (check, FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Add to the comparison, or take out of it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen for comparison"),
                                  -1);
  g_object_set_data (G_OBJECT (check), "list-item", item);
  g_signal_connect_object (check, "toggled", G_CALLBACK (pick_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_hexpand (row, TRUE);

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), row);
  gtk_list_item_set_child (item, box);
}

static void
unbind_and_unref (gpointer binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
bind_pick_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CcCompareView            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GBinding *binding;

  cc_source_row_set_article (CC_SOURCE_ROW (gtk_widget_get_last_child (box)),
                             gtk_list_item_get_item (item));
  binding = g_object_bind_property (item, "selected", check, "active", G_BINDING_SYNC_CREATE);
  g_object_set_data_full (G_OBJECT (check), "binding", g_object_ref (binding), unbind_and_unref);
}

static void
unbind_pick_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CcCompareView            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "binding", NULL);
  cc_source_row_set_article (CC_SOURCE_ROW (gtk_widget_get_last_child (box)), NULL);
}

static void
picker_changed_cb (CcCompareView *self)
{
  g_assert (CC_IS_COMPARE_VIEW (self));

  rebuild (self);
}

static void
cc_compare_view_show_cluster (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);
  guint id = g_variant_get_uint32 (param);
  CcCluster *cluster;

  if (self->clusters == NULL || !(cluster = cc_cluster_set_lookup (self->clusters, id)))
    return;

  /* The columns go each to their own mention, so none leads. */
  self->hovered_column = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      CcCompareColumn *column = g_ptr_array_index (self->columns, i);
      CcArticle *article = cc_compare_column_get_article (column);
      CcClaim *claim = cc_cluster_get_mention_in (cluster, cc_article_get_id (article));
      CcCompareMention mention = CC_COMPARE_MENTION_ABSENT;

      if (claim != NULL && cc_claim_get_hedged (claim))
        mention = CC_COMPARE_MENTION_HEDGED;
      else if (claim != NULL)
        mention = CC_COMPARE_MENTION_CARRIED;
      cc_compare_column_show_mention (column, claim, mention);
    }

  /* Keep the matrix on the row, when the action came from elsewhere. */
  if (gtk_single_selection_get_selected (self->matrix_selection) != id - 1)
    gtk_single_selection_set_selected (self->matrix_selection, id - 1);
}

static void
cc_compare_view_dispose (GObject *object)
{
  CcCompareView *self = (CcCompareView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);

  if (self->chosen != NULL)
    stop_following_claims (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_COMPARE_VIEW);

  /* The template's outer box has no id, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->library);
  g_clear_object (&self->filter);
  g_clear_object (&self->clusters);
  g_clear_object (&self->matrix_selection);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->article_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_compare_view_parent_class)->dispose (object);
}

static void
cc_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcCompareView *self = CC_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_SCROLL_TOGETHER:
      g_value_set_boolean (value, self->scroll_together);
      break;

    case PROP_CLUSTERS:
      g_value_set_object (value, self->clusters);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcCompareView *self = CC_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cc_compare_view_set_library (self, g_value_get_object (value));
      break;

    case PROP_SCROLL_TOGETHER:
      cc_compare_view_set_scroll_together (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_compare_view_map (GtkWidget *widget)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (cc_compare_view_parent_class)->map (widget);

  if (self->library != NULL && gtk_sort_list_model_get_model (self->picker_sort) == NULL)
    gtk_sort_list_model_set_model (self->picker_sort, G_LIST_MODEL (self->library));
}

static void
cc_compare_view_class_init (CcCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_compare_view_dispose;
  object_class->get_property = cc_compare_view_get_property;
  object_class->set_property = cc_compare_view_set_property;
  widget_class->map = cc_compare_view_map;

  /**
   * CcCompareView:library:
   *
   * The library whose articles can be compared.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcCompareView:scroll-together:
   *
   * Whether scrolling one column scrolls the others by the same share.
   */
  properties[PROP_SCROLL_TOGETHER] =
    g_param_spec_boolean ("scroll-together", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcCompareView:clusters:
   *
   * The clusters of the articles shown, or %NULL when fewer than two are.
   */
  properties[PROP_CLUSTERS] =
    g_param_spec_object ("clusters", NULL, NULL,
                         CC_TYPE_CLUSTER_SET,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "compare.show-cluster", "u",
                                   cc_compare_view_show_cluster);
  /* A property action made by the class: a GPropertyAction in a group of
   * the view's own would hold a reference to the view and keep it alive. */
  gtk_widget_class_install_property_action (widget_class, "compare.scroll-together",
                                            "scroll-together");

  g_type_ensure (CC_TYPE_SOURCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, choose_button);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, claim_column);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, flap);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, matrix);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, picker_selection);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, picker_sort);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, picker_filter);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, picker_view);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, stack);

  gtk_widget_class_set_css_name (widget_class, "cc-compare-view");
}

static void
cc_compare_view_init (CcCompareView *self)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->chosen = g_ptr_array_new_with_free_func (g_object_unref);
  self->columns = g_ptr_array_new ();
  self->article_columns = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of the source list, so that an article is found where
   * it was seen. */
  sorter = gtk_custom_sorter_new (cc_compare_articles_newest_first, NULL, NULL);
  gtk_sort_list_model_set_sorter (self->picker_sort, GTK_SORTER (sorter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_pick_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_pick_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_pick_cb), self, 0);
  gtk_list_view_set_factory (self->picker_view, factory);
  cc_gui_make_one_tab_stop (GTK_WIDGET (self->picker_view));

  g_object_bind_property (self->choose_button, "active",
                          self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->picker_selection,
                           "selection-changed",
                           G_CALLBACK (picker_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->picker_selection,
                           "items-changed",
                           G_CALLBACK (picker_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  _cc_compare_view_matrix_init (self);
  rebuild (self);
}

GtkWidget *
cc_compare_view_new (void)
{
  return g_object_new (CC_TYPE_COMPARE_VIEW, NULL);
}

/**
 * cc_compare_view_get_library:
 * @self: a #CcCompareView
 *
 * Returns: (transfer none) (nullable): the library
 */
CcLibrary *
cc_compare_view_get_library (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);

  return self->library;
}

void
cc_compare_view_set_library (CcCompareView *self,
                             CcLibrary     *library)
{
  g_return_if_fail (CC_IS_COMPARE_VIEW (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  /* Set here rather than bound in the template: the picker's models are
   * not widgets, and a binding from them to the view outlived it. The
   * library is sorted when the page is first shown, then filtered: a new
   * search or story filters the sorted list again and never sorts it. */
  gtk_sort_list_model_set_model (self->picker_sort,
                                 gtk_widget_get_mapped (GTK_WIDGET (self)) && library
                                 ? G_LIST_MODEL (library) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * cc_compare_view_set_filter:
 * @filter: (nullable): what keeps the articles to choose from (the
 *   window's scope: a story, a search), or %NULL for all the library's
 *
 * Articles the filter lets go leave the choice, and so the matrix.
 */
void
cc_compare_view_set_filter (CcCompareView *self,
                            GtkFilter     *filter)
{
  g_return_if_fail (CC_IS_COMPARE_VIEW (self));
  g_return_if_fail (!filter || GTK_IS_FILTER (filter));

  if (!g_set_object (&self->filter, filter))
    return;

  gtk_filter_list_model_set_filter (self->picker_filter, filter);
}

gboolean
cc_compare_view_get_scroll_together (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), FALSE);

  return self->scroll_together;
}

void
cc_compare_view_set_scroll_together (CcCompareView *self,
                                     gboolean       scroll_together)
{
  g_return_if_fail (CC_IS_COMPARE_VIEW (self));

  scroll_together = !!scroll_together;
  if (self->scroll_together == scroll_together)
    return;

  self->scroll_together = scroll_together;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLL_TOGETHER]);
}

/**
 * cc_compare_view_get_clusters:
 * @self: a #CcCompareView
 *
 * Returns: (transfer none) (nullable): the clusters of the articles shown
 */
CcClusterSet *
cc_compare_view_get_clusters (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);

  return self->clusters;
}

/**
 * cc_compare_view_get_columns:
 * @self: a #CcCompareView
 *
 * Returns: (transfer none) (element-type CcCompareColumn): the columns
 */
GPtrArray *
cc_compare_view_get_columns (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);

  return self->columns;
}
