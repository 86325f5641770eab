/* cc-chart-input.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the chart answers the user: the pointer hovers and clicks, a
 * drag or a horizontal scroll moves in time, a vertical scroll zooms
 * where the pointer is, and the keys walk the statements in time
 * order, open one, and zoom. */

#define G_LOG_DOMAIN "cc-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cc-chart-private.h"
#include "cc-claim.h"

#define ZOOM_STEP 1.25

/* Zoom and pan of the time axis */

static void
zoom (CcChart *self,
      double   factor,
      double   anchor_x)
{
  double start, end, day;

  cc_chart_layout_get_time_window (self->layout, &start, &end);
  day = cc_chart_layout_x_to_day (self->layout, anchor_x);
  cc_chart_layout_set_time_window (self->layout,
                                   day - (day - start) * factor,
                                   day + (end - day) * factor);
}

static double
pixels_per_day (CcChart *self)
{
  CcChartRect plot = cc_chart_layout_get_plot_area (self->layout);
  double start, end;

  cc_chart_layout_get_time_window (self->layout, &start, &end);
  return plot.width / MAX (end - start, 1e-3);
}

static double
anchor (CcChart *self)
{
  const CcChartPoint *point = _cc_chart_get_point (self, _cc_chart_resolve_selected (self));
  CcChartRect plot;

  if (point != NULL && point->visible)
    return point->x;
  plot = cc_chart_layout_get_plot_area (self->layout);
  return plot.x + plot.width / 2;
}

static gboolean
scroll_cb (CcChart                  *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Shift or a horizontal scroll pans; a vertical one zooms where the
   * pointer is. */
  if ((state & GDK_SHIFT_MASK) != 0 && dx == 0)
    dx = dy, dy = 0;

  if (dx != 0)
    {
      double start, end, shift = dx * 30 / pixels_per_day (self);

      cc_chart_layout_get_time_window (self->layout, &start, &end);
      cc_chart_layout_set_time_window (self->layout, start + shift, end + shift);
    }
  if (dy != 0)
    zoom (self, pow (ZOOM_STEP, dy), self->pointer_x);

  return GDK_EVENT_STOP;
}

static void
drag_begin_cb (CcChart        *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  cc_chart_layout_get_time_window (self->layout, &self->drag_start, &self->drag_end);
}

static void
drag_update_cb (CcChart        *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  double shift;

  if (fabs (offset_x) < 3)
    return;

  shift = -offset_x / pixels_per_day (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  cc_chart_layout_set_time_window (self->layout, self->drag_start + shift, self->drag_end + shift);
}

static void
drag_end_cb (CcChart        *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

/* Pointer */

static void
motion_cb (CcChart                  *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  int hover;
  gboolean on_legend;

  self->pointer_x = x;
  /* What is under the pointer waits for the claims to settle. */
  if (_cc_chart_is_deferred (self))
    return;

  hover = cc_chart_layout_hit_point (self->layout, x, y);
  on_legend = cc_chart_layout_hit_legend (self->layout, x, y) >= 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 || on_legend ? "pointer" : NULL);
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (CcChart                  *self,
          GtkEventControllerMotion *controller)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
released_cb (CcChart         *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  cc_chart_activate_at (self, x, y);
}

static gboolean
query_tooltip_cb (CcChart    *self,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  g_autofree char *markup = NULL;
  const CcChartPoint *point;
  int index;

  if (_cc_chart_is_deferred (self))
    return FALSE;

  index = keyboard_mode ? _cc_chart_resolve_selected (self) : cc_chart_layout_hit_point (self->layout, x, y);
  if (!(point = _cc_chart_get_point (self, index)) || !(markup = cc_chart_dup_summary (self, index, TRUE)))
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int)(point->x - point->radius - 2),
                              (int)(point->y_high - point->radius - 2),
                              (int)(2 * point->radius + 4),
                              (int)(point->y_low - point->y_high + 2 * point->radius + 4) });
  return TRUE;
}

/* Actions */

static void
step (CcChart *self,
      int      direction,
      gboolean to_end)
{
  int index = _cc_chart_resolve_selected (self);

  if (to_end)
    index = cc_chart_layout_step (self->layout, -1, direction);
  else
    index = cc_chart_layout_step (self->layout, index, direction);
  if (index >= 0)
    _cc_chart_set_selected (self, index, 0);
}

static void
cc_chart_action_next (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  step (CC_CHART (widget), 1, FALSE);
}

static void
cc_chart_action_previous (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  step (CC_CHART (widget), -1, FALSE);
}

static void
cc_chart_action_first (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  step (CC_CHART (widget), 1, TRUE);
}

static void
cc_chart_action_last (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  step (CC_CHART (widget), -1, TRUE);
}

void
_cc_chart_activate_point (CcChart *self,
                          int      index)
{
  const CcChartPoint *point = _cc_chart_get_point (self, index);

  if (point == NULL)
    return;

  _cc_chart_set_selected (self, index, 0);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-claim", "x",
                              cc_claim_get_id (g_ptr_array_index (point->claims, 0)));
}

static void
cc_chart_action_activate (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CcChart *self = CC_CHART (widget);

  _cc_chart_activate_point (self, _cc_chart_resolve_selected (self));
}

static void
cc_chart_action_zoom_in (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CcChart *self = CC_CHART (widget);

  zoom (self, 1 / ZOOM_STEP, anchor (self));
}

static void
cc_chart_action_zoom_out (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CcChart *self = CC_CHART (widget);

  zoom (self, ZOOM_STEP, anchor (self));
}

static void
cc_chart_action_zoom_reset (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  cc_chart_layout_reset_time_window (CC_CHART (widget)->layout);
}

/* "" stands for the series of claims without a country. */
static void
cc_chart_action_toggle_series (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  CcChart *self = CC_CHART (widget);
  const char *country = g_variant_get_string (param, NULL);
  const CcChartSeries *series;
  guint n_series;

  if (*country == '\0')
    country = NULL;

  series = cc_chart_layout_get_series (self->layout, &n_series);
  for (guint i = 0; i < n_series; i++)
    if (g_strcmp0 (series[i].country, country) == 0)
      {
        cc_chart_layout_set_series_visible (self->layout, country, !series[i].visible);
        break;
      }

  _cc_chart_update_accessible (self);
}

void
_cc_chart_class_input_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chart.next", NULL, cc_chart_action_next);
  gtk_widget_class_install_action (widget_class, "chart.previous", NULL, cc_chart_action_previous);
  gtk_widget_class_install_action (widget_class, "chart.first", NULL, cc_chart_action_first);
  gtk_widget_class_install_action (widget_class, "chart.last", NULL, cc_chart_action_last);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, cc_chart_action_activate);
  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, cc_chart_action_zoom_in);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, cc_chart_action_zoom_out);
  gtk_widget_class_install_action (widget_class, "chart.zoom-reset", NULL,
                                   cc_chart_action_zoom_reset);
  gtk_widget_class_install_action (widget_class, "chart.toggle-series", "s",
                                   cc_chart_action_toggle_series);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "chart.zoom-reset", NULL);
}

void
_cc_chart_input_init (CcChart *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
