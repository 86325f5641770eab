/* cc-reader.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article reader: the text at a comfortable measure with its title,
 * outlet, date and link above it, the claims highlighted by claimant
 * country and the user's highlights and notes, a side panel listing them,
 * and the tools to correct claims and mark up the text. This file holds
 * its life cycle and properties; cc-reader-marks.c draws the highlights
 * and handles the pointer, cc-reader-actions.c the actions and search. */

#define G_LOG_DOMAIN "cc-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-reader-private.h"

G_DEFINE_FINAL_TYPE (CcReader, cc_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_LIBRARY,
  PROP_UNDO_STACK,
  PROP_CURRENT_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_meta (gpointer    instance,
             const char *outlet,
             const char *published)
{
  return cc_format_meta (outlet, published);
}

static char *
format_claims (gpointer instance,
               guint    n_claims)
{
  return cc_format_claim_count (n_claims);
}

static char *
uri_or_empty (gpointer    instance,
              const char *uri)
{
  /* GtkLinkButton refuses a NULL uri; the button is hidden then anyway. */
  return g_strdup (uri ? uri : "");
}

static gboolean
has_text (gpointer    instance,
          const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
reload_text (CcReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  const char *text = NULL;

  g_assert (CC_IS_READER (self));

  if (self->article != NULL)
    text = cc_article_get_text (self->article);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  _cc_reader_apply_marks (self);
  _cc_reader_search_update (self);
  _cc_reader_words_update (self);
}

static void
article_notify_cb (CcReader   *self,
                   GParamSpec *pspec,
                   CcArticle  *article)
{
  g_assert (CC_IS_READER (self));

  if (g_strcmp0 (pspec->name, "text") == 0)
    reload_text (self);
  else if (g_strcmp0 (pspec->name, "n-claims") == 0)
    _cc_reader_apply_marks (self);
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }

  return FALSE;
}

static void
items_changed_cb (CcReader   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  g_assert (CC_IS_READER (self));

  /* A rejected or deleted claim can no longer be the current one. */
  if (self->current_claim != NULL
      && (cc_claim_get_rejected (self->current_claim)
          || !model_contains (cc_article_get_claims (self->article), self->current_claim)))
    cc_reader_set_current_claim (self, NULL);

  _cc_reader_apply_marks (self);
  _cc_reader_actions_update (self);
}

/* The text view sits in a viewport with the title above it, so it cannot
 * scroll itself: follow the cursor when the keyboard moves it. */
static void
cursor_moved_cb (CcReader      *self,
                 GParamSpec    *pspec,
                 GtkTextBuffer *buffer)
{
  GtkTextIter iter;
  guint offset;

  g_assert (CC_IS_READER (self));

  _cc_reader_actions_update (self);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&iter);
  _cc_reader_scroll_to_range (self, offset, offset);
}

static void
selection_changed_cb (CcReader      *self,
                      GParamSpec    *pspec,
                      GtkTextBuffer *buffer)
{
  g_assert (CC_IS_READER (self));

  _cc_reader_actions_update (self);
}

static void
cc_reader_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  CcReader *self = (CcReader *)widget;

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
cc_reader_get_request_mode (GtkWidget *widget)
{
  CcReader *self = (CcReader *)widget;

  return gtk_widget_get_request_mode (GTK_WIDGET (self->stack));
}

/* The popovers are the reader's children, so it places them. */
static void
cc_reader_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CcReader *self = (CcReader *)widget;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);

  if (self->claim_card != NULL && gtk_widget_get_visible (GTK_WIDGET (self->claim_card)))
    gtk_popover_present (GTK_POPOVER (self->claim_card));
  if (self->annotation_editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->annotation_editor)))
    gtk_popover_present (GTK_POPOVER (self->annotation_editor));
}

static void
cc_reader_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  CcReader *self = (CcReader *)widget;

  GTK_WIDGET_CLASS (cc_reader_parent_class)->css_changed (widget, change);

  _cc_reader_restyle (self);
}

static void
cc_reader_dispose (GObject *object)
{
  CcReader *self = (CcReader *)object;

  /* A note being written is kept, as if its popover had closed. */
  _cc_reader_close_popovers (self);

  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  if (self->claims_signals != NULL)
    g_signal_group_set_target (self->claims_signals, NULL);
  if (self->annotations_signals != NULL)
    g_signal_group_set_target (self->annotations_signals, NULL);

  _cc_reader_marks_dispose (self);

  if (self->claim_card != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->claim_card)));
  if (self->annotation_editor != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->annotation_editor)));

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_READER);

  g_clear_object (&self->article_signals);
  g_clear_object (&self->claims_signals);
  g_clear_object (&self->annotations_signals);
  g_clear_object (&self->article);
  g_clear_object (&self->editor_article);
  g_clear_weak_pointer (&self->card_return_focus);
  g_clear_object (&self->library);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->current_claim);

  G_OBJECT_CLASS (cc_reader_parent_class)->dispose (object);
}

static void
cc_reader_finalize (GObject *object)
{
  CcReader *self = (CcReader *)object;

  g_clear_pointer (&self->matches, g_array_unref);
  g_free (self->highlight_color);
  g_strfreev (self->search_words);

  G_OBJECT_CLASS (cc_reader_parent_class)->finalize (object);
}

static void
cc_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcReader *self = CC_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, cc_reader_get_article (self));
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, cc_reader_get_library (self));
      break;

    case PROP_UNDO_STACK:
      g_value_set_object (value, cc_reader_get_undo_stack (self));
      break;

    case PROP_CURRENT_CLAIM:
      g_value_set_object (value, cc_reader_get_current_claim (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CcReader *self = CC_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cc_reader_set_article (self, g_value_get_object (value));
      break;

    case PROP_LIBRARY:
      cc_reader_set_library (self, g_value_get_object (value));
      break;

    case PROP_UNDO_STACK:
      cc_reader_set_undo_stack (self, g_value_get_object (value));
      break;

    case PROP_CURRENT_CLAIM:
      cc_reader_set_current_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_class_init (CcReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_reader_dispose;
  object_class->finalize = cc_reader_finalize;
  object_class->get_property = cc_reader_get_property;
  object_class->set_property = cc_reader_set_property;

  widget_class->measure = cc_reader_measure;
  widget_class->get_request_mode = cc_reader_get_request_mode;
  widget_class->size_allocate = cc_reader_size_allocate;
  widget_class->css_changed = cc_reader_css_changed;

  /**
   * CcReader:article:
   *
   * The article shown, or %NULL for the placeholder.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CC_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcReader:library:
   *
   * The library the article belongs to; edits go through it.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcReader:undo-stack:
   *
   * Where the reader's edits are pushed, to be undone.
   */
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL,
                         CC_TYPE_UNDO_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcReader:current-claim:
   *
   * The claim the reader is at: the one `n` and `p` move from, shown
   * selected in the side panel.
   */
  properties[PROP_CURRENT_CLAIM] =
    g_param_spec_object ("current-claim", NULL, NULL,
                         CC_TYPE_CLAIM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CC_TYPE_READER_SIDEBAR);
  g_type_ensure (CC_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, CcReader, flap);
  gtk_widget_class_bind_template_child (widget_class, CcReader, legend_label);
  gtk_widget_class_bind_template_child (widget_class, CcReader, page);
  gtk_widget_class_bind_template_child (widget_class, CcReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, CcReader, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CcReader, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcReader, search_label);
  gtk_widget_class_bind_template_child (widget_class, CcReader, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CcReader, stack);
  gtk_widget_class_bind_template_child (widget_class, CcReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, CcReader, toolbar);
  gtk_widget_class_bind_template_callback (widget_class, format_claims);
  gtk_widget_class_bind_template_callback (widget_class, format_meta);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, uri_or_empty);
  gtk_widget_class_bind_template_callback_full (widget_class, "query_tooltip_cb",
                                                G_CALLBACK (_cc_reader_query_tooltip_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_cc_reader_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_activate_cb",
                                                G_CALLBACK (_cc_reader_search_activate_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_next_cb",
                                                G_CALLBACK (_cc_reader_search_next_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_previous_cb",
                                                G_CALLBACK (_cc_reader_search_previous_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_stop_cb",
                                                G_CALLBACK (_cc_reader_search_stop_cb));

  gtk_widget_class_set_css_name (widget_class, "cc-reader");

  _cc_reader_class_actions_init (klass);
}

static void
cc_reader_init (CcReader *self)
{
  GtkTextBuffer *buffer;

  self->highlight_color = g_strdup ("#f6d32d");
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->current_match = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (CC_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals,
                                 "notify",
                                 G_CALLBACK (article_notify_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  self->claims_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->claims_signals,
                                 "items-changed",
                                 G_CALLBACK (items_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  self->annotations_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->annotations_signals,
                                 "items-changed",
                                 G_CALLBACK (items_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_signal_connect_object (buffer,
                           "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer,
                           "notify::has-selection",
                           G_CALLBACK (selection_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  _cc_reader_marks_init (self);
  _cc_reader_popovers_init (self);
  _cc_reader_actions_update (self);
}

/**
 * _cc_reader_show_toast:
 * @undoable: whether the toast offers to undo what it reports
 *
 * Tells what an action did, or why it failed, over the window.
 */
void
_cc_reader_show_toast (CcReader   *self,
                       const char *title,
                       gboolean    undoable)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
_cc_reader_show_error (CcReader   *self,
                       const char *what,
                       GError     *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);

  _cc_reader_show_toast (self, title, FALSE);
}

/**
 * _cc_reader_dup_range_text:
 *
 * Returns: (transfer full): the article's words from @start to @end
 */
char *
_cc_reader_dup_range_text (CcReader *self,
                           guint     start,
                           guint     end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  return gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
}

GtkWidget *
cc_reader_new (void)
{
  return g_object_new (CC_TYPE_READER, NULL);
}

/**
 * cc_reader_get_article:
 * @self: a #CcReader
 *
 * Returns: (transfer none) (nullable): the article shown
 */
CcArticle *
cc_reader_get_article (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), NULL);

  return self->article;
}

void
cc_reader_set_article (CcReader  *self,
                       CcArticle *article)
{
  g_return_if_fail (CC_IS_READER (self));
  g_return_if_fail (!article || CC_IS_ARTICLE (article));

  if (self->article == article)
    return;

  /* A note being written belongs to the article it was begun on. */
  _cc_reader_close_popovers (self);

  g_set_object (&self->article, article);
  cc_reader_set_current_claim (self, NULL);

  g_signal_group_set_target (self->article_signals, article);
  g_signal_group_set_target (self->claims_signals,
                             article ? cc_article_get_claims (article) : NULL);
  g_signal_group_set_target (self->annotations_signals,
                             article ? cc_article_get_annotations (article) : NULL);
  cc_reader_view_set_annotations (self->text_view,
                                  article ? cc_article_get_annotations (article) : NULL);

  reload_text (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, article ? "article" : "empty");
  _cc_reader_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cc_reader_get_library:
 *
 * Returns: (transfer none) (nullable): the library edits go through
 */
CcLibrary *
cc_reader_get_library (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), NULL);

  return self->library;
}

void
cc_reader_set_library (CcReader  *self,
                       CcLibrary *library)
{
  g_return_if_fail (CC_IS_READER (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  _cc_reader_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * cc_reader_get_undo_stack:
 *
 * Returns: (transfer none) (nullable): where edits are pushed
 */
CcUndoStack *
cc_reader_get_undo_stack (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), NULL);

  return self->undo_stack;
}

void
cc_reader_set_undo_stack (CcReader    *self,
                          CcUndoStack *undo_stack)
{
  g_return_if_fail (CC_IS_READER (self));
  g_return_if_fail (!undo_stack || CC_IS_UNDO_STACK (undo_stack));

  if (!g_set_object (&self->undo_stack, undo_stack))
    return;

  _cc_reader_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
}

/**
 * cc_reader_get_current_claim:
 *
 * Returns: (transfer none) (nullable): the claim the reader is at
 */
CcClaim *
cc_reader_get_current_claim (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), NULL);

  return self->current_claim;
}

/**
 * cc_reader_set_current_claim:
 * @claim: (nullable): a claim of the article shown
 *
 * Makes @claim the current one, marks it, and scrolls the text to it.
 */
void
cc_reader_set_current_claim (CcReader *self,
                             CcClaim  *claim)
{
  g_return_if_fail (CC_IS_READER (self));
  g_return_if_fail (!claim || CC_IS_CLAIM (claim));

  if (claim != NULL
      && (self->article == NULL
          || cc_claim_get_article_id (claim) != cc_article_get_id (self->article)))
    return;

  if (claim != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, cc_claim_get_start (claim));
      gtk_text_buffer_place_cursor (buffer, &iter);
      _cc_reader_scroll_to_range (self, cc_claim_get_start (claim), cc_claim_get_end (claim));
    }

  if (!g_set_object (&self->current_claim, claim))
    return;

  _cc_reader_restyle (self);
  _cc_reader_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CLAIM]);
}

/**
 * cc_reader_show_annotation:
 *
 * Scrolls the text to @annotation's passage and puts the cursor there.
 */
void
cc_reader_show_annotation (CcReader     *self,
                           CcAnnotation *annotation)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (CC_IS_READER (self));
  g_return_if_fail (CC_IS_ANNOTATION (annotation));

  if (self->article == NULL
      || cc_annotation_get_article_id (annotation) != cc_article_get_id (self->article))
    return;

  /* The passage already shows in its colour: the cursor goes to it. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, cc_annotation_get_start (annotation));
  gtk_text_buffer_place_cursor (buffer, &start);
  _cc_reader_scroll_to_range (self, cc_annotation_get_start (annotation),
                              cc_annotation_get_end (annotation));
}

static guint
count_ranges (CcReader  *self,
              GPtrArray *tags)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  guint count = 0;

  for (guint i = 0; i < tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (tags, i);
      GtkTextIter iter;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      if (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        count++;
    }

  return count;
}

/**
 * cc_reader_count_claim_ranges:
 * @self: a #CcReader
 *
 * Counts the claim highlights present in the text, for tests and
 * diagnostics.
 *
 * Returns: the number of highlighted claim ranges
 */
guint
cc_reader_count_claim_ranges (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), 0);

  return count_ranges (self, self->claim_tags);
}

/**
 * cc_reader_count_annotation_ranges:
 *
 * Counts the user's highlights present in the text.
 *
 * Returns: the number of highlighted annotation ranges
 */
guint
cc_reader_count_annotation_ranges (CcReader *self)
{
  g_return_val_if_fail (CC_IS_READER (self), 0);

  return count_ranges (self, self->annotation_tags);
}
