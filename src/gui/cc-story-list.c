/* cc-story-list.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The stories of the library above the article list: "All Articles",
 * then each story with its article count. Choosing one sets :story,
 * which the window's scope follows. A row takes articles dropped on it
 * from the article list (win.add-to-story). */

#define G_LOG_DOMAIN "cc-story-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-library.h"
#include "cc-story.h"
#include "cc-story-list.h"

struct _CcStoryList
{
  GtkWidget     parent_instance;

  CcLibrary    *library;
  CcStory      *story;
  /* "All Articles" as a story of id 0, then the library's stories. */
  CcStory      *all;
  GListStore   *sections;
  guint         selecting : 1;

  /* Template children */
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (CcStoryList, cc_story_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static void
update_row_accessible (GtkWidget *row)
{
  CcStory *story = g_object_get_data (G_OBJECT (row), "story");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title-label");
  GtkLabel *count = g_object_get_data (G_OBJECT (row), "count-label");
  g_autofree char *description = NULL;
  guint64 n = g_ascii_strtoull (gtk_label_get_label (count), NULL, 10);

  g_assert (story != NULL);

  description = g_strdup_printf (ngettext ("%u article", "%u articles", (guint)n), (guint)n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  CcStory *story = g_object_get_data (G_OBJECT (row), "story");
  CcArticle *article;

  if (!G_VALUE_HOLDS (value, CC_TYPE_ARTICLE) || story == NULL || cc_story_get_id (story) == 0)
    return FALSE;

  article = g_value_get_object (value);
  return gtk_widget_activate_action (row, "win.add-to-story", "(xx)",
                                     cc_article_get_id (article), cc_story_get_id (story));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CcStoryList *self = user_data;
  CcStory *story = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* As the article rows: long titles do not widen the sidebar. */
  gtk_label_set_width_chars (GTK_LABEL (title), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  /* The row speaks for both labels: its name and description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  g_object_set (title, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  g_object_set (count, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "story", g_object_ref (story), g_object_unref);
  g_object_set_data (G_OBJECT (row), "title-label", title);
  g_object_set_data (G_OBJECT (row), "count-label", count);

  if (cc_story_get_id (story) == 0)
    {
      gtk_label_set_label (GTK_LABEL (title), _("All Articles"));
      g_object_bind_property_full (self->library, "n-items", count, "label", G_BINDING_SYNC_CREATE,
                                   count_to_label, NULL, NULL, NULL);
    }
  else
    {
      GtkDropTarget *target = gtk_drop_target_new (CC_TYPE_ARTICLE, GDK_ACTION_COPY);

      g_object_bind_property (story, "title", title, "label", G_BINDING_SYNC_CREATE);
      g_object_bind_property (story, "title", title, "tooltip-text", G_BINDING_SYNC_CREATE);
      g_object_bind_property_full (story, "n-articles", count, "label", G_BINDING_SYNC_CREATE,
                                   count_to_label, NULL, NULL, NULL);
      g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), row, 0);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
    }

  g_signal_connect_swapped (title, "notify::label", G_CALLBACK (update_row_accessible), row);
  g_signal_connect_swapped (count, "notify::label", G_CALLBACK (update_row_accessible), row);
  update_row_accessible (row);

  return row;
}

static GtkListBoxRow *
find_row (CcStoryList *self,
          CcStory     *story)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return NULL;
      if (g_object_get_data (G_OBJECT (row), "story") == (story ? story : self->all))
        return row;
    }
}

static void
select_current (CcStoryList *self)
{
  GtkListBoxRow *row = find_row (self, self->story);

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  self->selecting = FALSE;
}

static void
row_selected_cb (CcStoryList   *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list_box)
{
  CcStory *story;

  g_assert (CC_IS_STORY_LIST (self));

  if (self->selecting)
    return;

  /* The list rebuilt under the selection: keep the story chosen. */
  if (row == NULL)
    {
      if (self->story == NULL || find_row (self, self->story) != NULL)
        select_current (self);
      else
        cc_story_list_set_story (self, NULL);
      return;
    }

  story = g_object_get_data (G_OBJECT (row), "story");
  cc_story_list_set_story (self, cc_story_get_id (story) == 0 ? NULL : story);
}

static void
stories_changed_cb (CcStoryList *self)
{
  g_assert (CC_IS_STORY_LIST (self));

  if (self->story != NULL && find_row (self, self->story) == NULL)
    cc_story_list_set_story (self, NULL);
  else
    select_current (self);
}

static void
rebind (CcStoryList *self)
{
  g_autoptr(GListStore) first = g_list_store_new (CC_TYPE_STORY);
  GtkFlattenListModel *flat;

  g_list_store_remove_all (self->sections);
  if (self->library == NULL)
    {
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      return;
    }

  g_list_store_append (first, self->all);
  g_list_store_append (self->sections, first);
  g_list_store_append (self->sections, cc_library_get_stories (self->library));
  flat = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->sections)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (flat), create_row_cb, self, NULL);
  g_signal_connect_object (flat, "items-changed", G_CALLBACK (stories_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_object_unref (flat);
  select_current (self);
}

static void
cc_story_list_dispose (GObject *object)
{
  CcStoryList *self = (CcStoryList *)object;
  GtkWidget *child;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_STORY_LIST);

  /* The template's outer box has no id, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->library);
  g_clear_object (&self->story);
  g_clear_object (&self->all);
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (cc_story_list_parent_class)->dispose (object);
}

static void
cc_story_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcStoryList *self = CC_STORY_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY: g_value_set_object (value, self->library); break;
    case PROP_STORY: g_value_set_object (value, self->story); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_story_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcStoryList *self = CC_STORY_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY: cc_story_list_set_library (self, g_value_get_object (value)); break;
    case PROP_STORY: cc_story_list_set_story (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_story_list_class_init (CcStoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_story_list_dispose;
  object_class->get_property = cc_story_list_get_property;
  object_class->set_property = cc_story_list_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, CC_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CcStoryList:story:
   *
   * The story chosen, or %NULL for All Articles.
   */
  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, CC_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-story-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CcStoryList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cc_story_list_init (CcStoryList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->all = cc_story_new (_("All Articles"));
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
}

GtkWidget *
cc_story_list_new (void)
{
  return g_object_new (CC_TYPE_STORY_LIST, NULL);
}

CcLibrary *
cc_story_list_get_library (CcStoryList *self)
{
  g_return_val_if_fail (CC_IS_STORY_LIST (self), NULL);
  return self->library;
}

void
cc_story_list_set_library (CcStoryList *self,
                           CcLibrary   *library)
{
  g_return_if_fail (CC_IS_STORY_LIST (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  cc_story_list_set_story (self, NULL);
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

CcStory *
cc_story_list_get_story (CcStoryList *self)
{
  g_return_val_if_fail (CC_IS_STORY_LIST (self), NULL);
  return self->story;
}

void
cc_story_list_set_story (CcStoryList *self,
                         CcStory     *story)
{
  g_return_if_fail (CC_IS_STORY_LIST (self));
  g_return_if_fail (!story || CC_IS_STORY (story));

  if (story != NULL && cc_story_get_id (story) == 0)
    story = NULL;
  if (g_set_object (&self->story, story))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
  select_current (self);
}
