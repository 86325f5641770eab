/* cc-annotation-editor.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The popover in which a user writes the note of a highlight, changes its
 * colour and tags it. Like a paper note it needs no Save: the reader
 * stores what changed when the popover closes, as one undoable step. */

#define G_LOG_DOMAIN "cc-annotation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-annotation-editor.h"
#include "cc-reader-format.h"

struct _CcAnnotationEditor
{
  GtkPopover    parent_instance;

  CcAnnotation *annotation;
  char         *color;

  /* Template children */
  GtkLabel     *quote_label;
  GtkTextView  *note_view;
  GtkEntry     *tags_entry;
  GtkWidget    *delete_button;
  GtkWidget    *done_button;
};

G_DEFINE_FINAL_TYPE (CcAnnotationEditor, cc_annotation_editor, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_ANNOTATION,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_note (CcAnnotationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *note;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*note == '\0')
    g_clear_pointer (&note, g_free);
  return note;
}

static void
cc_annotation_editor_done (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gtk_popover_popdown (GTK_POPOVER (widget));
}

/* One opens a note to write it: the cursor starts in the note. */
static void
cc_annotation_editor_map (GtkWidget *widget)
{
  CcAnnotationEditor *self = (CcAnnotationEditor *)widget;

  GTK_WIDGET_CLASS (cc_annotation_editor_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
cc_annotation_editor_dispose (GObject *object)
{
  CcAnnotationEditor *self = (CcAnnotationEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_ANNOTATION_EDITOR);
  g_clear_object (&self->annotation);

  G_OBJECT_CLASS (cc_annotation_editor_parent_class)->dispose (object);
}

static void
cc_annotation_editor_finalize (GObject *object)
{
  CcAnnotationEditor *self = (CcAnnotationEditor *)object;

  g_free (self->color);

  G_OBJECT_CLASS (cc_annotation_editor_parent_class)->finalize (object);
}

static void
cc_annotation_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CcAnnotationEditor *self = CC_ANNOTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, cc_annotation_editor_get_annotation (self));
      break;

    case PROP_COLOR:
      g_value_set_string (value, cc_annotation_editor_get_color (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_annotation_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CcAnnotationEditor *self = CC_ANNOTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      cc_annotation_editor_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_annotation_editor_class_init (CcAnnotationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_annotation_editor_dispose;
  object_class->finalize = cc_annotation_editor_finalize;
  object_class->get_property = cc_annotation_editor_get_property;
  object_class->set_property = cc_annotation_editor_set_property;

  widget_class->map = cc_annotation_editor_map;

  /**
   * CcAnnotationEditor:annotation:
   *
   * The annotation edited; one with id 0 is new and not yet stored.
   */
  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL,
                         CC_TYPE_ANNOTATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcAnnotationEditor:color:
   *
   * The highlight colour chosen, "#rrggbb".
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-annotation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationEditor, done_button);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationEditor, tags_entry);

  gtk_widget_class_install_property_action (widget_class, "editor.color", "color");
  gtk_widget_class_install_action (widget_class, "editor.done", NULL, cc_annotation_editor_done);
}

static void
cc_annotation_editor_init (CcAnnotationEditor *self)
{
  /* The colour action's state is this string: never NULL. */
  self->color = g_strdup ("#f6d32d");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (GTK_POPOVER (self), self->done_button);
}

GtkWidget *
cc_annotation_editor_new (void)
{
  return g_object_new (CC_TYPE_ANNOTATION_EDITOR, NULL);
}

/**
 * cc_annotation_editor_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation edited
 */
CcAnnotation *
cc_annotation_editor_get_annotation (CcAnnotationEditor *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION_EDITOR (self), NULL);

  return self->annotation;
}

/**
 * cc_annotation_editor_set_annotation:
 * @annotation: (nullable): the annotation to edit
 * @quote: (nullable): the words it highlights
 *
 * Shows @annotation's colour, note and tags, dropping what was typed.
 */
void
cc_annotation_editor_set_annotation (CcAnnotationEditor *self,
                                     CcAnnotation       *annotation,
                                     const char         *quote)
{
  g_autofree char *quoted = NULL;
  const char *note = NULL;
  const char *tags = NULL;

  g_return_if_fail (CC_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (!annotation || CC_IS_ANNOTATION (annotation));

  if (g_set_object (&self->annotation, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);

  if (annotation != NULL)
    {
      if (cc_annotation_get_color (annotation) != NULL)
        cc_annotation_editor_set_color (self, cc_annotation_get_color (annotation));
      note = cc_annotation_get_note (annotation);
      tags = cc_annotation_get_tags (annotation);
      gtk_widget_set_visible (self->delete_button, cc_annotation_get_id (annotation) > 0);
      if (cc_annotation_get_id (annotation) > 0)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button),
                                                g_variant_new_int64 (cc_annotation_get_id (annotation)));
    }

  /* Translators: the highlighted words of an article */
  quoted = g_strdup_printf (_("“%s”"), quote ? quote : "");
  gtk_label_set_label (self->quote_label, quoted);
  cc_annotation_editor_set_note (self, note);
  cc_annotation_editor_set_tags (self, tags);
}

const char *
cc_annotation_editor_get_color (CcAnnotationEditor *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION_EDITOR (self), NULL);

  return self->color;
}

void
cc_annotation_editor_set_color (CcAnnotationEditor *self,
                                const char         *color)
{
  g_return_if_fail (CC_IS_ANNOTATION_EDITOR (self));

  g_return_if_fail (color != NULL);

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/**
 * cc_annotation_editor_set_note:
 *
 * Replaces the note being written, as typing would.
 */
void
cc_annotation_editor_set_note (CcAnnotationEditor *self,
                               const char         *note)
{
  g_return_if_fail (CC_IS_ANNOTATION_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

void
cc_annotation_editor_set_tags (CcAnnotationEditor *self,
                               const char         *tags)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (CC_IS_ANNOTATION_EDITOR (self));

  /* Stored without spaces, shown with them, as people type them. */
  if (tags != NULL)
    {
      g_auto(GStrv) split = cc_split_tags (tags);

      shown = g_strjoinv (", ", split);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), shown ? shown : "");
}

/**
 * cc_annotation_editor_dup_values:
 *
 * Returns: (transfer full) (nullable): a copy of the annotation with the
 *   colour, note and tags as edited
 */
CcAnnotation *
cc_annotation_editor_dup_values (CcAnnotationEditor *self)
{
  g_autofree char *note = NULL;
  g_autofree char *tags = NULL;
  CcAnnotation *values;

  g_return_val_if_fail (CC_IS_ANNOTATION_EDITOR (self), NULL);

  if (self->annotation == NULL)
    return NULL;

  note = dup_note (self);
  tags = cc_join_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));

  values = cc_annotation_copy (self->annotation);
  if (self->color != NULL)
    cc_annotation_set_color (values, self->color);
  cc_annotation_set_note (values, note);
  cc_annotation_set_tags (values, tags);
  return values;
}

/**
 * cc_annotation_editor_get_modified:
 *
 * Returns: whether the colour, note or tags differ from the annotation's
 */
gboolean
cc_annotation_editor_get_modified (CcAnnotationEditor *self)
{
  g_autoptr(CcAnnotation) values = NULL;

  g_return_val_if_fail (CC_IS_ANNOTATION_EDITOR (self), FALSE);

  if (!(values = cc_annotation_editor_dup_values (self)))
    return FALSE;

  return g_strcmp0 (cc_annotation_get_color (values), cc_annotation_get_color (self->annotation)) != 0
         || g_strcmp0 (cc_annotation_get_note (values), cc_annotation_get_note (self->annotation)) != 0
         || g_strcmp0 (cc_annotation_get_tags (values), cc_annotation_get_tags (self->annotation)) != 0;
}
