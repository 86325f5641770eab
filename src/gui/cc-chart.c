/* cc-chart.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline widget: CcChartRenderer's drawing of a CcChartLayout,
 * kept as a texture until the claims, the size, the style or the time
 * window change, so that hovering and moving the focus redraw only a
 * ring. The mouse points, clicks, drags and scrolls; the keyboard walks
 * the statements in time order. */

#define G_LOG_DOMAIN "cc-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-chart-private.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-utils.h"

G_DEFINE_FINAL_TYPE (CcChart, cc_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_CLAIMS,
  PROP_LAYOUT,
  PROP_SELECTED_CLAIM,
  PROP_GROUPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const CcChartPoint *
_cc_chart_get_point (CcChart *self,
                     int      index)
{
  const CcChartPoint *points;
  guint n_points;

  points = cc_chart_layout_get_points (self->layout, &n_points);
  if (index < 0 || (guint)index >= n_points)
    return NULL;
  return &points[index];
}

static gboolean
point_has_claim (const CcChartPoint *point,
                 gint64              claim_id)
{
  for (guint i = 0; point != NULL && i < point->claims->len; i++)
    if (cc_claim_get_id (g_ptr_array_index (point->claims, i)) == claim_id)
      return TRUE;
  return FALSE;
}

/* Statements are renumbered when the claims change; the selection
 * follows its claim. */
int
_cc_chart_resolve_selected (CcChart *self)
{
  if (self->selected_claim == 0)
    self->selected = -1;
  else if (!point_has_claim (_cc_chart_get_point (self, self->selected), self->selected_claim))
    self->selected = cc_chart_layout_find_claim (self->layout, self->selected_claim);
  return self->selected;
}

void
_cc_chart_update_accessible (CcChart *self)
{
  g_autofree char *summary = NULL;
  guint n_visible;

  /* Counting the statements would group the claims, which a chart not
   * drawn yet leaves for its first frame: the description follows it. */
  if (!cc_chart_layout_has_statements (self->layout))
    {
      self->accessible_stale = TRUE;
      return;
    }
  self->accessible_stale = FALSE;
  n_visible = cc_chart_layout_count_visible (self->layout);

  if (_cc_chart_resolve_selected (self) >= 0)
    summary = cc_chart_dup_summary (self, self->selected, FALSE);
  else
    {
      g_autofree char *count = cc_format_count (n_visible);

      /* Translators: %s is a count, as "12" or "1,200" */
      summary = g_strdup_printf (ngettext ("%s statement shown. Use the arrow keys to move between them.",
                                           "%s statements shown. Use the arrow keys to move between them.",
                                           n_visible),
                                 count);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

/* Selects statement @index, remembering @claim_id (or, for 0, its first
 * claim) so that the selection survives a change of the claims. */
void
_cc_chart_set_selected (CcChart *self,
                        int      index,
                        gint64   claim_id)
{
  const CcChartPoint *point = _cc_chart_get_point (self, index);

  if (point != NULL && (claim_id == 0 || !point_has_claim (point, claim_id)))
    claim_id = cc_claim_get_id (g_ptr_array_index (point->claims, 0));
  if (point == NULL)
    claim_id = 0;

  self->selected = point ? index : -1;
  if (self->selected_claim != claim_id)
    {
      self->selected_claim = claim_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
    }

  _cc_chart_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the chart waits for its statements, as the "grouping"
 * property says. */
static void
sync_waiting (CcChart *self)
{
  gboolean waiting = !cc_chart_layout_has_statements (self->layout);

  if (waiting == self->waiting)
    return;
  self->waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
}

static gboolean
sync_waiting_cb (gpointer data)
{
  CcChart *self = data;

  self->waiting_source = 0;
  sync_waiting (self);
  return G_SOURCE_REMOVE;
}

static void
grouped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CcChart) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  gboolean current = self != NULL && g_task_get_cancellable (G_TASK (result)) == self->grouping;

  g_weak_ref_clear (user_data);
  g_free (user_data);

  /* Changes the statements and says so, when they are still those
   * wanted. */
  if (!cc_chart_layout_group_finish (CC_CHART_LAYOUT (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not group the claims: %s", error->message);
  if (!current)
    return;

  g_clear_object (&self->grouping);
  sync_waiting (self);
  /* Stale, the next frame groups the claims again. */
  if (!cc_chart_layout_has_statements (self->layout))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_grouping (CcChart *self)
{
  GWeakRef *ref;

  if (self->grouping != NULL)
    return;

  /* The chart may go first: a grouping stops at its next step. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->grouping = g_cancellable_new ();
  cc_chart_layout_group_async (self->layout, self->grouping, grouped_cb, ref);
}

static void
stop_grouping (CcChart *self)
{
  if (self->grouping == NULL)
    return;

  g_cancellable_cancel (self->grouping);
  g_clear_object (&self->grouping);
}

/* The claims are grouped on a worker: a library of many claims takes a
 * good part of a second. Meanwhile the chart shows what it had, under
 * the page's placeholder, and a change of the claims or of the filters
 * starts the grouping again from the next frame. Zooming, which only
 * lays out again, has the statements at once. */
static void
layout_changed_cb (CcChart       *self,
                   CcChartLayout *layout)
{
  g_assert (CC_IS_CHART (self));

  if (cc_chart_layout_has_statements (layout))
    {
      g_clear_object (&self->texture);
      self->hover = -1;
    }
  else
    stop_grouping (self);
  sync_waiting (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_cc_chart_is_deferred (CcChart *self)
{
  return !cc_chart_layout_has_statements (self->layout);
}

/* Colours and fonts from the theme */

static void
update_style (CcChart *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  CcChartStyle style;
  GdkRGBA fg, bg, accent;
  PangoContext *pango;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg)
      && !gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  style = (CcChartStyle) {
    { fg.red, fg.green, fg.blue, fg.alpha },
    { bg.red, bg.green, bg.blue, 1.0 },
    { accent.red, accent.green, accent.blue, 1.0 },
  };
  cc_chart_renderer_set_style (self->renderer, &style);

  /* A context of our own: the renderer sets its font options. */
  pango = gtk_widget_create_pango_context (GTK_WIDGET (self));
  cc_chart_layout_set_pango_context (self->layout, pango);
  g_object_unref (pango);

  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
cc_chart_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  CcChart *self = CC_CHART (widget);

  cc_chart_layout_set_size (self->layout, width, height);
}

static void
cc_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  /* Readable down to 600×400, less the toolbar. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static GdkTexture *
render_texture (CcChart *self,
                int      width,
                int      height,
                int      scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cc_chart_renderer_draw (self->renderer, self->layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The texture takes the pixels as they are: GDK_MEMORY_DEFAULT is
   * cairo's ARGB32 layout. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  return texture;
}

static void
cc_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  CcChart *self = CC_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cc_chart_layout_set_size (self->layout, width, height);
  /* Grouping, the chart shows its last drawing, if still of its size. */
  if (!cc_chart_layout_has_statements (self->layout))
    {
      start_grouping (self);
      if (self->texture != NULL
          && gdk_texture_get_width (self->texture) == width * scale
          && gdk_texture_get_height (self->texture) == height * scale)
        gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
      return;
    }
  /* Grouped meanwhile on this thread, when asked for. */
  if (self->waiting && self->waiting_source == 0)
    self->waiting_source = g_idle_add (sync_waiting_cb, self);

  if (self->texture == NULL
      || gdk_texture_get_width (self->texture) != width * scale
      || gdk_texture_get_height (self->texture) != height * scale)
    {
      g_clear_object (&self->texture);
      self->texture = render_texture (self, width, height, scale);
      if (self->accessible_stale)
        _cc_chart_update_accessible (self);
    }

  gtk_snapshot_append_texture (snapshot, self->texture, &bounds);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  if (self->hover >= 0 && self->hover != self->selected)
    cc_chart_renderer_draw_highlight (self->renderer, self->layout, cr, self->hover, FALSE);
  if (_cc_chart_resolve_selected (self) >= 0)
    cc_chart_renderer_draw_highlight (self->renderer, self->layout, cr, self->selected,
                                      gtk_widget_has_visible_focus (widget));
  cairo_destroy (cr);
}

static void
cc_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cc_chart_parent_class)->css_changed (widget, change);

  update_style (CC_CHART (widget));
}

static void
cc_chart_state_flags_changed (GtkWidget     *widget,
                              GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (cc_chart_parent_class)->state_flags_changed (widget, previous);

  /* The focus ring on the selected statement comes and goes. */
  gtk_widget_queue_draw (widget);
}

static void
cc_chart_dispose (GObject *object)
{
  CcChart *self = (CcChart *)object;

  if (self->layout != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->layout, layout_changed_cb, self);
      cc_chart_layout_set_claims (self->layout, NULL, NULL);
    }
  stop_grouping (self);
  g_clear_handle_id (&self->waiting_source, g_source_remove);
  g_clear_object (&self->layout);
  g_clear_object (&self->renderer);
  g_clear_object (&self->texture);
  g_clear_object (&self->library);
  g_clear_object (&self->claims);

  G_OBJECT_CLASS (cc_chart_parent_class)->dispose (object);
}

static void
cc_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CcChart *self = CC_CHART (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, cc_chart_get_library (self));
      break;

    case PROP_CLAIMS:
      g_value_set_object (value, cc_chart_get_claims (self));
      break;

    case PROP_LAYOUT:
      g_value_set_object (value, cc_chart_get_layout (self));
      break;

    case PROP_SELECTED_CLAIM:
      g_value_set_int64 (value, cc_chart_get_selected_claim (self));
      break;

    case PROP_GROUPING:
      g_value_set_boolean (value, cc_chart_get_grouping (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CcChart *self = CC_CHART (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cc_chart_set_library (self, g_value_get_object (value));
      break;

    case PROP_CLAIMS:
      cc_chart_set_claims (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_chart_class_init (CcChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_chart_dispose;
  object_class->get_property = cc_chart_get_property;
  object_class->set_property = cc_chart_set_property;

  widget_class->measure = cc_chart_measure;
  widget_class->size_allocate = cc_chart_size_allocate;
  widget_class->snapshot = cc_chart_snapshot;
  widget_class->css_changed = cc_chart_css_changed;
  widget_class->state_flags_changed = cc_chart_state_flags_changed;

  /**
   * CcChart:library:
   *
   * The library whose claims are charted.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcChart:claims:
   *
   * The claims charted (a story's), or %NULL for all the library's.
   */
  properties[PROP_CLAIMS] =
    g_param_spec_object ("claims", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcChart:layout:
   *
   * The layout drawn, whose subject, status and scale the filters set.
   */
  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         CC_TYPE_CHART_LAYOUT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CcChart:selected-claim:
   *
   * The id of the first claim of the selected statement, or 0.
   */
  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_int64 ("selected-claim", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcChart:grouping:
   *
   * Whether the chart waits for its claims to be grouped into
   * statements, which happens on a worker while it is shown.
   */
  properties[PROP_GROUPING] =
    g_param_spec_boolean ("grouping", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _cc_chart_class_input_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cc_chart_init (CcChart *self)
{
  self->hover = -1;
  self->selected = -1;
  self->waiting = TRUE;
  self->layout = cc_chart_layout_new ();
  self->renderer = cc_chart_renderer_new ();
  g_signal_connect_object (self->layout, "changed", G_CALLBACK (layout_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  _cc_chart_input_init (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of estimates"),
                                  -1);
  update_style (self);
}

GtkWidget *
cc_chart_new (void)
{
  return g_object_new (CC_TYPE_CHART, NULL);
}

CcLibrary *
cc_chart_get_library (CcChart *self)
{
  g_return_val_if_fail (CC_IS_CHART (self), NULL);

  return self->library;
}

void
cc_chart_set_library (CcChart   *self,
                      CcLibrary *library)
{
  g_return_if_fail (CC_IS_CHART (self));
  g_return_if_fail (!library || CC_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  cc_chart_layout_set_claims (self->layout,
                              self->claims ? self->claims
                                           : library ? cc_library_get_claims (library) : NULL,
                              library);
  _cc_chart_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * cc_chart_get_claims:
 *
 * Returns: (transfer none) (nullable): the claims charted, when set
 */
GListModel *
cc_chart_get_claims (CcChart *self)
{
  g_return_val_if_fail (CC_IS_CHART (self), NULL);

  return self->claims;
}

void
cc_chart_set_claims (CcChart    *self,
                     GListModel *claims)
{
  g_return_if_fail (CC_IS_CHART (self));
  g_return_if_fail (!claims || G_IS_LIST_MODEL (claims));

  if (!g_set_object (&self->claims, claims))
    return;

  cc_chart_layout_set_claims (self->layout,
                              claims ? claims
                                     : self->library ? cc_library_get_claims (self->library) : NULL,
                              self->library);
  _cc_chart_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIMS]);
}

/**
 * cc_chart_get_layout:
 *
 * Returns: (transfer none): the layout the chart draws
 */
CcChartLayout *
cc_chart_get_layout (CcChart *self)
{
  g_return_val_if_fail (CC_IS_CHART (self), NULL);

  return self->layout;
}

/**
 * cc_chart_get_grouping:
 *
 * Returns: whether the chart waits for its statements
 */
gboolean
cc_chart_get_grouping (CcChart *self)
{
  g_return_val_if_fail (CC_IS_CHART (self), FALSE);

  return self->waiting;
}

gint64
cc_chart_get_selected_claim (CcChart *self)
{
  g_return_val_if_fail (CC_IS_CHART (self), 0);

  return self->selected_claim;
}

/**
 * cc_chart_get_selected:
 *
 * Returns: the index of the selected statement in the layout, or -1
 */
int
cc_chart_get_selected (CcChart *self)
{
  g_return_val_if_fail (CC_IS_CHART (self), -1);

  return _cc_chart_resolve_selected (self);
}

/**
 * cc_chart_select_claim:
 *
 * Selects the statement holding the claim, if the current filters
 * show it, bringing it into the time window.
 *
 * Returns: whether the claim is on the chart
 */
gboolean
cc_chart_select_claim (CcChart *self,
                       gint64   claim_id)
{
  const CcChartSeries *series;
  const CcChartPoint *point;
  guint n_series;
  int index;

  g_return_val_if_fail (CC_IS_CHART (self), FALSE);

  index = cc_chart_layout_find_claim (self->layout, claim_id);
  if (!(point = _cc_chart_get_point (self, index)))
    return FALSE;

  if (!point->visible)
    {
      series = cc_chart_layout_get_series (self->layout, &n_series);
      cc_chart_layout_reset_time_window (self->layout);
      cc_chart_layout_set_series_visible (self->layout, series[point->series].country, TRUE);
    }

  _cc_chart_set_selected (self, index, claim_id);
  return TRUE;
}

/**
 * cc_chart_activate_at:
 *
 * What a click at (@x, @y) does: a legend entry shows or hides its
 * series; a statement is selected and its claim opened in the reader
 * (through `win.show-claim`).
 */
void
cc_chart_activate_at (CcChart *self,
                      double   x,
                      double   y)
{
  const CcChartSeries *series;
  guint n_series;
  int index;

  g_return_if_fail (CC_IS_CHART (self));

  if ((index = cc_chart_layout_hit_legend (self->layout, x, y)) >= 0)
    {
      series = cc_chart_layout_get_series (self->layout, &n_series);
      gtk_widget_activate_action (GTK_WIDGET (self), "chart.toggle-series", "s",
                                  series[index].country ? series[index].country : "");
      return;
    }

  if ((index = cc_chart_layout_hit_point (self->layout, x, y)) >= 0)
    _cc_chart_activate_point (self, index);
}
