/* cc-tag-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every passage carrying a tag, across all articles, as qualitative
 * coding tools gather the segments coded alike: the tags on the left with
 * their counts, the passages of the chosen one on the right, each opening
 * in the reader (win.show-annotation). The lists are made again, at idle,
 * whenever an article, highlight or tag changes, while the page is shown;
 * hidden, it waits to be shown again, since going through every article
 * of a large library on each search would hold up the window. */

#define G_LOG_DOMAIN "cc-tag-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-reader-format.h"
#include "cc-tag-view.h"
#include "cc-utils.h"

typedef struct
{
  char      *name;
  /* Pairs of article and annotation, in library then text order. */
  GPtrArray *passages;
} Tag;

struct _CcTagView
{
  GtkWidget   parent_instance;

  CcLibrary  *library;
  /* The articles whose passages are gathered (a story's), when not all
   * the library's. */
  GListModel *articles;
  /* Articles and annotations whose changes we follow. */
  GPtrArray  *watched;
  /* Tag, sorted by name */
  GPtrArray  *tags;
  char       *selected;
  guint       rebuild_idle;
  /* A change came while the page was hidden. */
  gboolean    rebuild_pending;

  /* Template children */
  GtkStack   *stack;
  GtkListBox *tag_list;
  GtkListBox *passage_list;
  GtkLabel   *heading_label;
};

G_DEFINE_FINAL_TYPE (CcTagView, cc_tag_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_rebuild (CcTagView *self);

static void
tag_free (gpointer data)
{
  Tag *tag = data;

  g_free (tag->name);
  g_ptr_array_unref (tag->passages);
  g_free (tag);
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const Tag *ta = *(const Tag **)a;
  const Tag *tb = *(const Tag **)b;

  return g_utf8_collate (ta->name, tb->name);
}

static void
changed_cb (CcTagView *self)
{
  schedule_rebuild (self);
}

static void
unwatch_all (CcTagView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

/* A plain connection: unwatch_all() takes every one back, and a weak
 * reference per object would make that quadratic. */
static void
watch (CcTagView  *self,
       gpointer    object,
       const char *signal)
{
  g_signal_connect_swapped (object, signal, G_CALLBACK (changed_cb), self);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

static Tag *
find_tag (CcTagView  *self,
          GHashTable *by_key,
          const char *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  Tag *tag = g_hash_table_lookup (by_key, key);

  if (tag == NULL)
    {
      tag = g_new0 (Tag, 1);
      tag->name = g_strdup (name);
      tag->passages = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (by_key, g_steal_pointer (&key), tag);
      g_ptr_array_add (self->tags, tag);
    }

  return tag;
}

static char *
dup_quote (CcArticle    *article,
           CcAnnotation *annotation)
{
  const char *text = cc_article_get_text (article);
  glong length;
  guint start, end;
  const char *from, *to;

  if (text == NULL)
    return g_strdup ("");

  length = g_utf8_strlen (text, -1);
  start = MIN (cc_annotation_get_start (annotation), (guint)length);
  end = MIN (cc_annotation_get_end (annotation), (guint)length);
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (text, end);
  return g_strndup (from, to - from);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_passage_row (CcArticle    *article,
                  CcAnnotation *annotation)
{
  g_autofree char *meta = cc_format_meta (cc_article_get_outlet (article), cc_article_get_published (article));
  g_autofree char *quote = dup_quote (article, annotation);
  g_autofree char *quoted = NULL;
  const char *note = cc_annotation_get_note (annotation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *quote_label;

  /* Translators: highlighted words of an article */
  quoted = g_strdup_printf (_("“%s”"), quote);

  gtk_widget_add_css_class (box, "tag-passage");
  gtk_box_append (GTK_BOX (box), make_label (cc_article_get_title (article), "heading", FALSE));
  gtk_box_append (GTK_BOX (box), make_label (meta, "caption", FALSE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  quote_label = make_label (quoted, "tag-quote", TRUE);
  gtk_box_append (GTK_BOX (box), quote_label);
  if (note != NULL && *note != '\0')
    gtk_box_append (GTK_BOX (box), make_label (note, "tag-note", TRUE));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-annotation");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (cc_annotation_get_id (annotation)));
  gtk_widget_set_tooltip_text (row, _("Open in the reader"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, quoted,
                                  -1);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static Tag *
selected_tag (CcTagView *self)
{
  for (guint i = 0; i < self->tags->len; i++)
    {
      Tag *tag = g_ptr_array_index (self->tags, i);

      if (g_strcmp0 (tag->name, self->selected) == 0)
        return tag;
    }

  return NULL;
}

static void
show_passages (CcTagView *self)
{
  Tag *tag = selected_tag (self);
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;
  guint n_passages;

  clear_list (self->passage_list);
  if (tag == NULL)
    {
      gtk_label_set_label (self->heading_label, "");
      return;
    }

  n_passages = tag->passages->len / 2;
  /* Translators: a tag and how many passages carry it */
  count = cc_format_count (n_passages);
  /* Translators: a tag and how many passages carry it, as "12" or "1,200" */
  heading = g_strdup_printf (ngettext ("#%s: %s passage", "#%s: %s passages", n_passages),
                             tag->name, count);
  gtk_label_set_label (self->heading_label, heading);

  for (guint i = 0; i + 1 < tag->passages->len; i += 2)
    gtk_list_box_append (self->passage_list,
                         make_passage_row (g_ptr_array_index (tag->passages, i),
                                           g_ptr_array_index (tag->passages, i + 1)));
}

static void
tag_selected_cb (CcTagView     *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  const char *name;

  g_assert (CC_IS_TAG_VIEW (self));

  if (row == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "tag");
  if (g_strcmp0 (name, self->selected) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (name);
    }
  show_passages (self);
}

static void
rebuild (CcTagView *self)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *articles;
  GtkListBoxRow *to_select = NULL;
  guint n_articles;

  self->rebuild_pending = FALSE;
  unwatch_all (self);
  g_ptr_array_set_size (self->tags, 0);

  if (self->library != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Every article's annotations in one read, not one read each. */
      if (!cc_library_load_annotations (self->library, &error))
        g_message ("Cannot read the library’s notes: %s", error->message);
      articles = self->articles ? self->articles : G_LIST_MODEL (self->library);
      n_articles = g_list_model_get_n_items (articles);
      for (guint i = 0; i < n_articles; i++)
        {
          g_autoptr(CcArticle) article = g_list_model_get_item (articles, i);
          GListModel *annotations = cc_article_get_annotations (article);
          guint n_annotations = g_list_model_get_n_items (annotations);

          watch (self, annotations, "items-changed");
          watch (self, article, "notify");
          for (guint j = 0; j < n_annotations; j++)
            {
              g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, j);
              g_auto(GStrv) names = cc_split_tags (cc_annotation_get_tags (annotation));

              watch (self, annotation, "notify");
              for (guint k = 0; names[k] != NULL; k++)
                {
                  Tag *tag = find_tag (self, by_key, names[k]);

                  g_ptr_array_add (tag->passages, g_object_ref (article));
                  g_ptr_array_add (tag->passages, g_object_ref (annotation));
                }
            }
        }
    }

  g_ptr_array_sort (self->tags, compare_tags);

  /* The rows are made again; the tag chosen stays chosen. */
  g_signal_handlers_block_by_func (self->tag_list, tag_selected_cb, self);
  clear_list (self->tag_list);
  for (guint i = 0; i < self->tags->len; i++)
    {
      Tag *tag = g_ptr_array_index (self->tags, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *name = g_strdup_printf ("#%s", tag->name);
      g_autofree char *count = cc_format_count (tag->passages->len / 2);
      GtkWidget *count_label = make_label (count, "dim-label", FALSE);

      gtk_box_append (GTK_BOX (box), make_label (name, NULL, FALSE));
      gtk_widget_set_hexpand (gtk_widget_get_first_child (box), TRUE);
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_box_append (GTK_BOX (box), count_label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "tag", g_strdup (tag->name), g_free);
      gtk_list_box_append (self->tag_list, row);

      if (to_select == NULL || g_strcmp0 (tag->name, self->selected) == 0)
        to_select = GTK_LIST_BOX_ROW (row);
    }
  if (to_select != NULL)
    {
      g_free (self->selected);
      self->selected = g_strdup (g_object_get_data (G_OBJECT (to_select), "tag"));
      gtk_list_box_select_row (self->tag_list, to_select);
    }
  g_signal_handlers_unblock_by_func (self->tag_list, tag_selected_cb, self);

  gtk_stack_set_visible_child_name (self->stack, self->tags->len > 0 ? "tags" : "empty");
  show_passages (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CcTagView *self = user_data;

  /* Articles still being filtered into view: wait for the last slice. */
  if (GTK_IS_FILTER_LIST_MODEL (self->articles) &&
      gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (self->articles)) > 0)
    return G_SOURCE_CONTINUE;
  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (CcTagView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_pending = TRUE;
  else if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

static void
cc_tag_view_map (GtkWidget *widget)
{
  CcTagView *self = CC_TAG_VIEW (widget);

  GTK_WIDGET_CLASS (cc_tag_view_parent_class)->map (widget);

  if (self->rebuild_pending)
    {
      self->rebuild_pending = FALSE;
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      rebuild (self);
    }
}

static void
cc_tag_view_dispose (GObject *object)
{
  CcTagView *self = (CcTagView *)object;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->watched != NULL)
    unwatch_all (self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, changed_cb, self);
  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_func (self->articles, changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_TAG_VIEW);
  g_clear_object (&self->articles);

  g_clear_object (&self->library);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_tag_view_parent_class)->dispose (object);
}

static void
cc_tag_view_finalize (GObject *object)
{
  CcTagView *self = (CcTagView *)object;

  g_free (self->selected);

  G_OBJECT_CLASS (cc_tag_view_parent_class)->finalize (object);
}

static void
cc_tag_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcTagView *self = CC_TAG_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, cc_tag_view_get_library (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_tag_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CcTagView *self = CC_TAG_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cc_tag_view_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_tag_view_class_init (CcTagViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_tag_view_dispose;
  widget_class->map = cc_tag_view_map;
  object_class->finalize = cc_tag_view_finalize;
  object_class->get_property = cc_tag_view_get_property;
  object_class->set_property = cc_tag_view_set_property;

  /**
   * CcTagView:library:
   *
   * The library whose tagged passages are gathered.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-tag-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcTagView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CcTagView, passage_list);
  gtk_widget_class_bind_template_child (widget_class, CcTagView, stack);
  gtk_widget_class_bind_template_child (widget_class, CcTagView, tag_list);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);

  gtk_widget_class_set_css_name (widget_class, "cc-tag-view");
}

static void
cc_tag_view_init (CcTagView *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags = g_ptr_array_new_with_free_func (tag_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cc_tag_view_get_library:
 *
 * Returns: (transfer none) (nullable): the library shown
 */
CcLibrary *
cc_tag_view_get_library (CcTagView *self)
{
  g_return_val_if_fail (CC_IS_TAG_VIEW (self), NULL);

  return self->library;
}

void
cc_tag_view_set_library (CcTagView *self,
                         CcLibrary *library)
{
  g_return_if_fail (CC_IS_TAG_VIEW (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, changed_cb, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);

  schedule_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * cc_tag_view_set_articles:
 * @articles: (nullable): the articles to gather passages from (a story's),
 *   or %NULL for the library's
 */
void
cc_tag_view_set_articles (CcTagView  *self,
                          GListModel *articles)
{
  g_return_if_fail (CC_IS_TAG_VIEW (self));
  g_return_if_fail (!articles || G_IS_LIST_MODEL (articles));

  if (self->articles == articles)
    return;

  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_func (self->articles, changed_cb, self);
  g_set_object (&self->articles, articles);
  if (articles != NULL)
    g_signal_connect_object (articles, "items-changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
  schedule_rebuild (self);
}

/**
 * cc_tag_view_dup_tags:
 *
 * Returns: (transfer full): the tags shown, sorted
 */
char **
cc_tag_view_dup_tags (CcTagView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CC_IS_TAG_VIEW (self), NULL);

  /* What is shown may wait for an idle; the caller wants it now. */
  if (self->rebuild_idle != 0 || self->rebuild_pending)
    {
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      rebuild (self);
    }

  for (guint i = 0; i < self->tags->len; i++)
    g_strv_builder_add (builder, ((Tag *)g_ptr_array_index (self->tags, i))->name);
  return g_strv_builder_end (builder);
}

/**
 * cc_tag_view_get_selected_tag:
 *
 * Returns: (nullable): the tag whose passages are shown
 */
const char *
cc_tag_view_get_selected_tag (CcTagView *self)
{
  g_return_val_if_fail (CC_IS_TAG_VIEW (self), NULL);

  return self->selected;
}

void
cc_tag_view_select_tag (CcTagView  *self,
                        const char *tag)
{
  g_return_if_fail (CC_IS_TAG_VIEW (self));

  g_free (self->selected);
  self->selected = g_strdup (tag);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  rebuild (self);
}

/**
 * cc_tag_view_get_n_passages:
 *
 * Returns: how many passages carry the selected tag
 */
guint
cc_tag_view_get_n_passages (CcTagView *self)
{
  Tag *tag;

  g_return_val_if_fail (CC_IS_TAG_VIEW (self), 0);

  if (self->rebuild_idle != 0 || self->rebuild_pending)
    {
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      rebuild (self);
    }

  tag = selected_tag (self);
  return tag != NULL ? tag->passages->len / 2 : 0;
}
