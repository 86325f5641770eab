/* cc-reader-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article's text. Highlights are text tags, but a note has no place
 * in the text itself (offsets into it must stay those of the article),
 * so the view draws a marker for each note in its right margin, beside
 * the line where the note's passage starts, and says which marker lies
 * under the pointer. Drawing them on each frame keeps them beside their
 * lines however the text wraps. */

#define G_LOG_DOMAIN "cc-reader-view"

#include "config.h"

#include "cc-annotation.h"
#include "cc-palette.h"
#include "cc-reader-view.h"

#define MARKER_SIZE 16
#define MARKER_PAD 4

struct _CcReaderView
{
  GtkTextView   parent_instance;

  GListModel   *annotations;
  GSignalGroup *annotations_signals;
};

G_DEFINE_FINAL_TYPE (CcReaderView, cc_reader_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_note (CcAnnotation *annotation)
{
  const char *note = cc_annotation_get_note (annotation);

  return note != NULL && *note != '\0';
}

/* The marker of @annotation, in widget coordinates: in the right margin,
 * level with the first line of its passage. */
static gboolean
marker_area (CcReaderView *self,
             CcAnnotation *annotation,
             GdkRectangle *area)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle location;
  GtkTextIter iter;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int right = gtk_text_view_get_right_margin (view);
  int x, y;

  if (cc_annotation_get_start (annotation) >= (guint)gtk_text_buffer_get_char_count (buffer))
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cc_annotation_get_start (annotation));
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);

  area->width = MARKER_SIZE + 2 * MARKER_PAD;
  area->height = MARKER_SIZE + 2 * MARKER_PAD;
  area->x = width - right + MAX (0, (right - area->width) / 2);
  area->y = y + (location.height - area->height) / 2;
  return TRUE;
}

static void
annotations_changed_cb (CcReaderView *self)
{
  g_assert (CC_IS_READER_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cc_reader_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CcReaderView *self = (CcReaderView *)widget;
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkStyleContext *context;
  GdkRGBA fg;
  guint n_items;

  GTK_WIDGET_CLASS (cc_reader_view_parent_class)->snapshot (widget, snapshot);

  if (self->annotations == NULL || (n_items = g_list_model_get_n_items (self->annotations)) == 0)
    return;

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                     "cc-note-symbolic", NULL, MARKER_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      GskRoundedRect rounded;
      GdkRectangle area;
      double rgb[3];
      GdkRGBA tint;

      if (!has_note (annotation) || !marker_area (self, annotation, &area))
        continue;

      cc_palette_parse (cc_annotation_get_color (annotation), rgb);
      tint = (GdkRGBA) { rgb[0], rgb[1], rgb[2], 0.55 };

      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (area.x, area.y, area.width, area.height),
                                       area.width / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &tint,
                                 &GRAPHENE_RECT_INIT (area.x, area.y, area.width, area.height));
      gtk_snapshot_pop (snapshot);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (area.x + MARKER_PAD, area.y + MARKER_PAD));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                MARKER_SIZE, MARKER_SIZE, &fg, 1);
      gtk_snapshot_restore (snapshot);
    }
}

static void
cc_reader_view_dispose (GObject *object)
{
  CcReaderView *self = (CcReaderView *)object;

  if (self->annotations_signals != NULL)
    g_signal_group_set_target (self->annotations_signals, NULL);
  g_clear_object (&self->annotations_signals);
  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (cc_reader_view_parent_class)->dispose (object);
}

static void
cc_reader_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcReaderView *self = CC_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      g_value_set_object (value, cc_reader_view_get_annotations (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcReaderView *self = CC_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      cc_reader_view_set_annotations (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_view_class_init (CcReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_reader_view_dispose;
  object_class->get_property = cc_reader_view_get_property;
  object_class->set_property = cc_reader_view_set_property;

  widget_class->snapshot = cc_reader_view_snapshot;

  /**
   * CcReaderView:annotations:
   *
   * The article's annotations; those with a note get a marker.
   */
  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter corrects the claim at the cursor only in the text: in the side
   * panel it activates the row that has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "reader.edit-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "reader.edit-claim", NULL);
}

static void
cc_reader_view_init (CcReaderView *self)
{
  self->annotations_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->annotations_signals,
                                 "items-changed",
                                 G_CALLBACK (annotations_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);
}

/**
 * cc_reader_view_get_annotations:
 *
 * Returns: (transfer none) (nullable): the annotations whose notes are marked
 */
GListModel *
cc_reader_view_get_annotations (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), NULL);

  return self->annotations;
}

void
cc_reader_view_set_annotations (CcReaderView *self,
                                GListModel   *annotations)
{
  g_return_if_fail (CC_IS_READER_VIEW (self));
  g_return_if_fail (!annotations || G_IS_LIST_MODEL (annotations));

  if (!g_set_object (&self->annotations, annotations))
    return;

  g_signal_group_set_target (self->annotations_signals, annotations);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

/**
 * cc_reader_view_get_marker_at:
 * @x: widget coordinate
 * @y: widget coordinate
 * @area: (out) (optional): where the marker is drawn
 *
 * Returns: (transfer none) (nullable): the annotation whose note marker
 *   is at @x, @y
 */
CcAnnotation *
cc_reader_view_get_marker_at (CcReaderView *self,
                              double        x,
                              double        y,
                              GdkRectangle *area)
{
  guint n_items;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), NULL);

  if (self->annotations == NULL)
    return NULL;

  n_items = g_list_model_get_n_items (self->annotations);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      GdkRectangle marker;

      if (!has_note (annotation) || !marker_area (self, annotation, &marker))
        continue;

      if (x >= marker.x && x < marker.x + marker.width
          && y >= marker.y && y < marker.y + marker.height)
        {
          if (area != NULL)
            *area = marker;
          return annotation;
        }
    }

  return NULL;
}

/**
 * cc_reader_view_get_range_area:
 * @start: first character of a passage
 * @end: character after it
 * @area: (out): where the passage starts, in widget coordinates: its whole
 *   extent when it fits on one line, else its first line
 *
 * For pointing a popover at a passage.
 */
void
cc_reader_view_get_range_area (CcReaderView *self,
                               guint         start,
                               guint         end,
                               GdkRectangle *area)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer;
  GtkTextIter start_iter, end_iter;
  GdkRectangle first, last;

  g_return_if_fail (CC_IS_READER_VIEW (self));
  g_return_if_fail (area != NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_view_get_iter_location (view, &start_iter, &first);
  gtk_text_view_get_iter_location (view, &end_iter, &last);

  if (last.y == first.y && last.x > first.x)
    first.width = last.x - first.x;
  else
    first.width = MAX (first.width, 1);

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         first.x, first.y, &area->x, &area->y);
  area->width = first.width;
  area->height = first.height;
}
