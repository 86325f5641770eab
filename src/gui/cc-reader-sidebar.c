/* cc-reader-sidebar.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reader's side panel: the article's claims, then its highlights and
 * notes, in text order. Rows are actionable: a claim row activates
 * reader.open-claim, a note row reader.edit-annotation, so the panel
 * itself changes nothing. */

#define G_LOG_DOMAIN "cc-reader-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-gui-utils.h"
#include "cc-palette.h"
#include "cc-reader-format.h"
#include "cc-reader-sidebar.h"

#define ITEM_KEY "cc-item"

struct _CcReaderSidebar
{
  GtkWidget          parent_instance;

  CcArticle         *article;
  CcClaim           *current_claim;
  /* Hides rejected claims and those of a repeated paragraph; evaluated
   * again whenever the article's count of claims shown changes, which a
   * rejection or its undo does. */
  GtkFilter         *shown_filter;

  /* Template children */
  GtkScrolledWindow *scroller;
  GtkListBox        *claims_list;
  GtkListBox        *notes_list;
};

G_DEFINE_FINAL_TYPE (CcReaderSidebar, cc_reader_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_CURRENT_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void select_current (CcReaderSidebar *self);

static GtkWidget *
make_swatch (const char *color)
{
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">\xe2\x97\x8f</span>", color);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "sidebar-swatch");
  return label;
}

static void
update_claim_row (AdwActionRow *row,
                  GParamSpec   *pspec,
                  CcClaim      *claim)
{
  g_autofree char *value = cc_format_claim_value (claim);
  g_autofree char *source = cc_format_claim_source (claim);
  g_autofree char *date = cc_format_date (cc_claim_get_event_date (claim));
  CcReaderSidebar *self = g_object_get_data (G_OBJECT (row), "sidebar");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *markup = NULL;
  const char *subject = cc_claim_get_subject (claim);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "swatch");

  title = subject != NULL && *subject != '\0'
          ? g_strdup_printf ("%s %s", value, subject)
          : g_strdup (value);

  /* Without a day of its own a claim is placed on the article's, as the
   * chart does: say so. */
  if (date == NULL && self != NULL && self->article != NULL)
    date = cc_format_published_day (cc_article_get_published (self->article));

  /* Translators: a claim's source, status and day, as
   * "Volodymyr Zelenskyy (Ukraine) · Sent · 17 Oct 2024" */
  subtitle = g_strdup_printf (C_("claim row", "%s · %s · %s%s"),
                              source,
                              cc_claim_status_label (cc_claim_get_status (claim)),
                              date ? date : _("no date"),
                              cc_claim_get_hedged (claim) ? _(" · hedged") : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);

  markup = g_strdup_printf ("<span foreground=\"%s\">\xe2\x97\x8f</span>",
                            cc_palette_country_color (cc_claim_get_claimant_country (claim)));
  gtk_label_set_markup (GTK_LABEL (swatch), markup);
}

static GtkWidget *
create_claim_row (gpointer item,
                  gpointer user_data)
{
  CcClaim *claim = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *swatch = make_swatch (cc_palette_country_color (cc_claim_get_claimant_country (claim)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  g_object_set_data (G_OBJECT (row), "sidebar", user_data);
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, g_object_ref (claim), g_object_unref);

  /* AdwActionRow is not activatable by itself. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "reader.open-claim");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (cc_claim_get_id (claim)));

  update_claim_row (ADW_ACTION_ROW (row), NULL, claim);
  g_signal_connect_object (claim, "notify", G_CALLBACK (update_claim_row), row, G_CONNECT_SWAPPED);

  return row;
}

static void
update_annotation_row (AdwActionRow *row,
                       GParamSpec   *pspec,
                       CcAnnotation *annotation)
{
  CcReaderSidebar *self = g_object_get_data (G_OBJECT (row), "sidebar");
  const char *note = cc_annotation_get_note (annotation);
  g_auto(GStrv) tags = cc_split_tags (cc_annotation_get_tags (annotation));
  g_autofree char *quote = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "swatch");
  const char *text;
  GString *subtitle;

  text = self->article ? cc_article_get_text (self->article) : NULL;
  if (text != NULL)
    {
      glong length = g_utf8_strlen (text, -1);
      guint start = MIN (cc_annotation_get_start (annotation), (guint)length);
      guint end = MIN (cc_annotation_get_end (annotation), (guint)length);
      const char *from = g_utf8_offset_to_pointer (text, start);
      const char *to = g_utf8_offset_to_pointer (text, end);

      quote = g_strndup (from, to - from);
    }
  /* Translators: highlighted words of an article */
  quoted = g_strdup_printf (_("“%s”"), quote ? quote : "");

  subtitle = g_string_new (NULL);
  if (note != NULL && *note != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note);
      g_string_append (subtitle, quoted);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quoted);
    }
  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (subtitle, "%s#%s", subtitle->len > 0 ? (i == 0 ? "\n" : " ") : "", tags[i]);
  adw_action_row_set_subtitle (row, subtitle->str);
  g_string_free (subtitle, TRUE);

  markup = g_strdup_printf ("<span foreground=\"%s\">\xe2\x97\x8f</span>",
                            cc_annotation_get_color (annotation) ? cc_annotation_get_color (annotation)
                                                                 : "#f6d32d");
  gtk_label_set_markup (GTK_LABEL (swatch), markup);
}

static GtkWidget *
create_annotation_row (gpointer item,
                       gpointer user_data)
{
  CcReaderSidebar *self = user_data;
  CcAnnotation *annotation = item;
  GVariant *target = g_variant_new_int64 (cc_annotation_get_id (annotation));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *swatch = make_swatch ("#f6d32d");
  GtkWidget *delete_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  g_object_set_data (G_OBJECT (row), "sidebar", self);
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, g_object_ref (annotation), g_object_unref);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "reader.edit-annotation");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);

  delete_button = g_object_new (GTK_TYPE_BUTTON,
                                "icon-name", "edit-delete-symbolic",
                                "valign", GTK_ALIGN_CENTER,
                                "tooltip-text", _("Delete Highlight"),
                                "action-name", "reader.delete-annotation",
                                "action-target", target,
                                NULL);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Highlight"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  update_annotation_row (ADW_ACTION_ROW (row), NULL, annotation);
  g_signal_connect_object (annotation, "notify", G_CALLBACK (update_annotation_row), row,
                           G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "sidebar-placeholder");
  return label;
}

/* The paragraph holding the character at @offset, as byte bounds. */
static void
paragraph_at (const char  *text,
              guint        offset,
              const char **start,
              const char **end)
{
  const char *at = g_utf8_offset_to_pointer (text, offset);
  const char *from = at;
  const char *to = strchr (at, '\n');

  while (from > text && from[-1] != '\n')
    from--;
  *start = from;
  *end = to ? to : at + strlen (at);
}

/* Whether @claim repeats one found earlier in a paragraph printed twice,
 * word for word (as some pages carry their lead again further down). */
static gboolean
repeats_earlier (CcReaderSidebar *self,
                 CcClaim         *claim)
{
  GListModel *claims = cc_article_get_claims (self->article);
  const char *text = cc_article_get_text (self->article);
  guint n_chars, n_items = g_list_model_get_n_items (claims);
  const char *start, *end;

  if (text == NULL)
    return FALSE;
  n_chars = g_utf8_strlen (text, -1);
  if (cc_claim_get_start (claim) >= n_chars)
    return FALSE;
  paragraph_at (text, cc_claim_get_start (claim), &start, &end);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcClaim) other = g_list_model_get_item (claims, i);
      const char *other_start, *other_end;

      if (other == claim || cc_claim_get_rejected (other)
          || cc_claim_get_start (other) >= cc_claim_get_start (claim)
          || cc_claim_get_low (other) != cc_claim_get_low (claim)
          || cc_claim_get_high (other) != cc_claim_get_high (claim)
          || cc_claim_get_status (other) != cc_claim_get_status (claim)
          || g_strcmp0 (cc_claim_get_claimant (other), cc_claim_get_claimant (claim)) != 0)
        continue;

      paragraph_at (text, cc_claim_get_start (other), &other_start, &other_end);
      if (other_end - other_start == end - start && other_start != start
          && memcmp (other_start, start, end - start) == 0
          && cc_claim_get_start (claim) - cc_claim_get_start (other)
             == (guint)g_utf8_pointer_to_offset (other_start, start))
        return TRUE;
    }

  return FALSE;
}

static gboolean
claim_shown (gpointer item,
             gpointer user_data)
{
  CcReaderSidebar *self = user_data;
  CcClaim *claim = item;

  return !cc_claim_get_rejected (claim) && !repeats_earlier (self, claim);
}

static void
n_claims_changed_cb (CcReaderSidebar *self,
                     GParamSpec      *pspec,
                     CcArticle       *article)
{
  g_assert (CC_IS_READER_SIDEBAR (self));

  /* A property filter is not told when its property changes. */
  if (self->shown_filter != NULL)
    gtk_filter_changed (self->shown_filter, GTK_FILTER_CHANGE_DIFFERENT);
  select_current (self);
}

static void
bind_models (CcReaderSidebar *self)
{
  g_autoptr(GtkFilterListModel) claims = NULL;
  g_autoptr(GtkSortListModel) annotations = NULL;
  GtkExpression *expression;
  GtkCustomFilter *filter;
  GtkNumericSorter *sorter;

  g_clear_object (&self->shown_filter);

  if (self->article == NULL)
    {
      gtk_list_box_bind_model (self->claims_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
      return;
    }

  /* Rejected claims leave the list as soon as they are rejected; a
   * paragraph printed twice lists its claims once. */
  filter = gtk_custom_filter_new (claim_shown, self, NULL);
  self->shown_filter = g_object_ref (GTK_FILTER (filter));
  claims = gtk_filter_list_model_new (g_object_ref (cc_article_get_claims (self->article)),
                                      GTK_FILTER (filter));
  gtk_list_box_bind_model (self->claims_list, G_LIST_MODEL (claims),
                           create_claim_row, self, NULL);

  expression = gtk_property_expression_new (CC_TYPE_ANNOTATION, NULL, "start");
  sorter = gtk_numeric_sorter_new (expression);
  annotations = gtk_sort_list_model_new (g_object_ref (cc_article_get_annotations (self->article)),
                                         GTK_SORTER (sorter));
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (annotations),
                           create_annotation_row, self, NULL);
}

static void
select_current (CcReaderSidebar *self)
{
  GtkListBoxRow *selected = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child)
          && self->current_claim != NULL
          && g_object_get_data (G_OBJECT (child), ITEM_KEY) == self->current_claim)
        selected = GTK_LIST_BOX_ROW (child);
    }

  if (selected == NULL)
    {
      gtk_list_box_unselect_all (self->claims_list);
      return;
    }

  gtk_list_box_select_row (self->claims_list, selected);

  /* Keep the row in sight, as the reader moves from claim to claim. */
  {
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
    graphene_rect_t bounds;
    GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);

    if (gtk_widget_compute_bounds (GTK_WIDGET (selected), viewport, &bounds))
      {
        double value = gtk_adjustment_get_value (vadj);
        double page = gtk_adjustment_get_page_size (vadj);
        double top = bounds.origin.y + value;
        double bottom = top + bounds.size.height;

        if (top < value)
          gtk_adjustment_set_value (vadj, top - 12);
        else if (bottom > value + page)
          gtk_adjustment_set_value (vadj, bottom - page + 12);
      }
  }
}

static void
cc_reader_sidebar_dispose (GObject *object)
{
  CcReaderSidebar *self = (CcReaderSidebar *)object;

  if (self->claims_list != NULL)
    {
      gtk_list_box_bind_model (self->claims_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_READER_SIDEBAR);

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, n_claims_changed_cb, self);
  g_clear_object (&self->article);
  g_clear_object (&self->current_claim);
  g_clear_object (&self->shown_filter);

  G_OBJECT_CLASS (cc_reader_sidebar_parent_class)->dispose (object);
}

static void
cc_reader_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CcReaderSidebar *self = CC_READER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, cc_reader_sidebar_get_article (self));
      break;

    case PROP_CURRENT_CLAIM:
      g_value_set_object (value, cc_reader_sidebar_get_current_claim (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CcReaderSidebar *self = CC_READER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cc_reader_sidebar_set_article (self, g_value_get_object (value));
      break;

    case PROP_CURRENT_CLAIM:
      cc_reader_sidebar_set_current_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_sidebar_class_init (CcReaderSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_reader_sidebar_dispose;
  object_class->get_property = cc_reader_sidebar_get_property;
  object_class->set_property = cc_reader_sidebar_set_property;

  /**
   * CcReaderSidebar:article:
   *
   * The article whose claims and notes are listed.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CC_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcReaderSidebar:current-claim:
   *
   * The claim shown selected.
   */
  properties[PROP_CURRENT_CLAIM] =
    g_param_spec_object ("current-claim", NULL, NULL,
                         CC_TYPE_CLAIM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-reader-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CcReaderSidebar, claims_list);
  gtk_widget_class_bind_template_child (widget_class, CcReaderSidebar, notes_list);
  gtk_widget_class_bind_template_child (widget_class, CcReaderSidebar, scroller);

  gtk_widget_class_set_css_name (widget_class, "cc-reader-sidebar");
}

static void
cc_reader_sidebar_init (CcReaderSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->claims_list,
                                make_placeholder (_("No claims found in this article. Select "
                                                    "words and press Ctrl+K to add one.")));
  gtk_list_box_set_placeholder (self->notes_list,
                                make_placeholder (_("Select words, then press Ctrl+H to "
                                                    "highlight them or Ctrl+M to add a note.")));
}

/**
 * cc_reader_sidebar_get_article:
 *
 * Returns: (transfer none) (nullable): the article listed
 */
CcArticle *
cc_reader_sidebar_get_article (CcReaderSidebar *self)
{
  g_return_val_if_fail (CC_IS_READER_SIDEBAR (self), NULL);

  return self->article;
}

void
cc_reader_sidebar_set_article (CcReaderSidebar *self,
                               CcArticle       *article)
{
  g_return_if_fail (CC_IS_READER_SIDEBAR (self));
  g_return_if_fail (!article || CC_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, n_claims_changed_cb, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify::n-claims", G_CALLBACK (n_claims_changed_cb), self,
                             G_CONNECT_SWAPPED);

  bind_models (self);
  select_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cc_reader_sidebar_get_current_claim:
 *
 * Returns: (transfer none) (nullable): the claim shown selected
 */
CcClaim *
cc_reader_sidebar_get_current_claim (CcReaderSidebar *self)
{
  g_return_val_if_fail (CC_IS_READER_SIDEBAR (self), NULL);

  return self->current_claim;
}

void
cc_reader_sidebar_set_current_claim (CcReaderSidebar *self,
                                     CcClaim         *claim)
{
  g_return_if_fail (CC_IS_READER_SIDEBAR (self));
  g_return_if_fail (!claim || CC_IS_CLAIM (claim));

  if (!g_set_object (&self->current_claim, claim))
    return;

  select_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CLAIM]);
}
