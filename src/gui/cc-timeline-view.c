/* cc-timeline-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Timeline page: the chart with its filters (subject, status, log
 * scale), zoom buttons, export, and a line telling the selected
 * statement in words. */

#define G_LOG_DOMAIN "cc-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-chart-layout.h"
#include "cc-chart-renderer.h"
#include "cc-claim-match.h"
#include "cc-claim.h"
#include "cc-gui-utils.h"
#include "cc-library.h"
#include "cc-subject.h"
#include "cc-timeline-view.h"
#include "cc-window.h"

#define EXPORT_MIN_WIDTH  1200
#define EXPORT_MIN_HEIGHT 700

struct _CcTimelineView
{
  GtkWidget             parent_instance;

  CcLibrary            *library;
  GtkFileChooserNative *chooser;
  /* The subject keys of the drop-down, in its order. */
  GStrv                 subjects;
  char                 *default_details;
  guint                 sync_source;
  guint                 sync_pending : 1;

  /* The subjects of the claims, rebuilt when they change. */
  GMenu                *subject_menu;

  /* Template children */
  GtkWidget            *toolbar;
  GtkMenuButton        *subject_button;
  GtkMenuButton        *status_button;
  GtkWidget            *chart_overlay;
  CcChart              *chart;
  GtkLabel             *details_label;
};

G_DEFINE_FINAL_TYPE (CcTimelineView, cc_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SUBJECT,
  PROP_STATUS,
  PROP_LOG_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CcChartLayout *
get_layout (CcTimelineView *self)
{
  return cc_chart_get_layout (self->chart);
}

static const char *
status_label (int status)
{
  switch (status)
    {
    case -1:
      return _("All Statuses");
    case CC_CLAIM_STATUS_OTHER:
      return C_("claim status", "Other");
    case CC_CLAIM_STATUS_PREPARING:
      return C_("claim status", "Preparing");
    case CC_CLAIM_STATUS_SENT:
      return C_("claim status", "Sent");
    case CC_CLAIM_STATUS_TRAINING:
      return C_("claim status", "Training");
    case CC_CLAIM_STATUS_DEPLOYED:
      return C_("claim status", "Deployed");
    case CC_CLAIM_STATUS_FIGHTING:
      return C_("claim status", "Fighting");
    case CC_CLAIM_STATUS_KILLED:
      return C_("claim status", "Killed");
    case CC_CLAIM_STATUS_INJURED:
      return C_("claim status", "Injured");
    case CC_CLAIM_STATUS_CAPTURED:
      return C_("claim status", "Captured");
    case CC_CLAIM_STATUS_TOTAL:
      return C_("claim status", "Total");
    default:
      return "";
    }
}

/* The filter buttons follow the layout: the subjects change with the
 * claims, and the default subject is whichever has most claims. Run
 * from an idle, so that a burst of changes regroups the claims once. */
static gboolean
sync_filters_cb (gpointer data)
{
  CcTimelineView *self = data;
  CcChartLayout *layout = get_layout (self);
  g_auto(GStrv) subjects = NULL;
  const char *effective;
  g_autofree char *label = NULL;

  self->sync_source = 0;
  self->sync_pending = FALSE;
  /* The chart groups the claims on a worker, and the layout says when
   * it is done; meanwhile the buttons show the filters chosen. */
  if (!cc_chart_layout_has_statements (layout))
    {
      if (cc_chart_layout_get_subject (layout) != NULL)
        {
          label = cc_subject_class_label (cc_chart_layout_get_subject (layout));
          gtk_menu_button_set_label (self->subject_button, label);
        }
      else if (gtk_menu_button_get_label (self->subject_button) == NULL)
        gtk_menu_button_set_label (self->subject_button, _("Subject"));
      gtk_menu_button_set_label (self->status_button, status_label (cc_chart_layout_get_status (layout)));
      return G_SOURCE_REMOVE;
    }

  subjects = cc_chart_layout_dup_subjects (layout);
  effective = cc_chart_layout_get_effective_subject (layout);
  label = effective ? cc_subject_class_label (effective) : NULL;

  if (self->subjects == NULL || !g_strv_equal ((const char * const *)subjects,
                                               (const char * const *)self->subjects))
    {
      g_menu_remove_all (self->subject_menu);
      for (guint i = 0; subjects[i] != NULL; i++)
        {
          g_autofree char *item = cc_subject_class_label (subjects[i]);
          g_autoptr(GMenuItem) entry = g_menu_item_new (item, NULL);

          g_menu_item_set_action_and_target (entry, "timeline.subject", "s", subjects[i]);
          g_menu_append_item (self->subject_menu, entry);
        }
      g_strfreev (self->subjects);
      self->subjects = g_steal_pointer (&subjects);
    }

  gtk_menu_button_set_label (self->subject_button, label ? label : _("No Claims"));
  gtk_menu_button_set_label (self->status_button, status_label (cc_chart_layout_get_status (layout)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
  return G_SOURCE_REMOVE;
}

/* Hidden, the page leaves the claims ungrouped until it is shown: a
 * large library's claims take long to group, and the reader's edits
 * need not wait for a chart nobody sees. */
static void
layout_changed_cb (CcTimelineView *self,
                   CcChartLayout  *layout)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->sync_pending = TRUE;
  else if (self->sync_source == 0)
    self->sync_source = g_idle_add (sync_filters_cb, self);
}

static void
selected_claim_cb (CcTimelineView *self,
                   GParamSpec     *pspec,
                   CcChart        *chart)
{
  g_autofree char *summary = cc_chart_dup_summary (chart, cc_chart_get_selected (chart), FALSE);

  gtk_label_set_label (self->details_label, summary ? summary : self->default_details);
  gtk_widget_remove_css_class (GTK_WIDGET (self->details_label), summary ? "dim-label" : "none");
  if (summary == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
}

static void
layout_notify_cb (CcTimelineView *self,
                  GParamSpec     *pspec,
                  CcChartLayout  *layout)
{
  if (g_str_equal (pspec->name, "log-scale"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_SCALE]);
  else if (g_str_equal (pspec->name, "status"))
    {
      gtk_menu_button_set_label (self->status_button, status_label (cc_chart_layout_get_status (layout)));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  else if (g_str_equal (pspec->name, "subject"))
    sync_filters_cb (self);
}

/* Export */

static void
show_error (CcTimelineView *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CC_IS_WINDOW (root))
    cc_window_add_toast (CC_WINDOW (root), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
chooser_response_cb (CcTimelineView       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)))
      && (path = g_file_get_path (file)))
    {
      cc_export_folder_remember (file);
      if (!cc_timeline_view_export (self, path, &error))
        show_error (self, error->message);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

static void
cc_timeline_view_action_export (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcTimelineView *self = CC_TIMELINE_VIEW (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Export the Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  /* Translators: the file name an exported chart is offered under */
  name = g_strdup_printf ("%s.%s", _("timeline"), format);
  cc_export_folder_restore (GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_add_suffix (filter, format);
  gtk_file_filter_set_name (filter, g_str_equal (format, "png") ? _("PNG Images")
                                    : g_str_equal (format, "svg") ? _("SVG Drawings")
                                    : _("PDF Documents"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
forward_to_chart (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CcTimelineView *self = CC_TIMELINE_VIEW (widget);
  /* "timeline.zoom-in" is "chart.zoom-in" on the chart. */
  g_autofree char *name = g_strconcat ("chart", strchr (action_name, '.'), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->chart), name, NULL);
}

/* GtkWidget */

static void
cc_timeline_view_map (GtkWidget *widget)
{
  CcTimelineView *self = CC_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (cc_timeline_view_parent_class)->map (widget);

  /* A hidden layout is left ungrouped and says nothing of later changes
   * until it is grouped again: the filters catch up on every showing,
   * which costs nothing when the statements are there. */
  g_clear_handle_id (&self->sync_source, g_source_remove);
  sync_filters_cb (self);
}

static void
cc_timeline_view_dispose (GObject *object)
{
  CcTimelineView *self = (CcTimelineView *)object;

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_TIMELINE_VIEW);

  g_clear_object (&self->library);
  g_clear_object (&self->subject_menu);
  g_clear_pointer (&self->subjects, g_strfreev);
  g_clear_pointer (&self->default_details, g_free);

  G_OBJECT_CLASS (cc_timeline_view_parent_class)->dispose (object);
}

static void
cc_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CcTimelineView *self = CC_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, cc_timeline_view_get_library (self));
      break;

    /* The template's actions may ask before the chart exists. */
    case PROP_SUBJECT:
      g_value_set_string (value, self->chart ? cc_chart_layout_get_effective_subject (get_layout (self)) ?: ""
                                             : "");
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->chart ? cc_chart_layout_get_status (get_layout (self)) : -1);
      break;

    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->chart && cc_chart_layout_get_log_scale (get_layout (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CcTimelineView *self = CC_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cc_timeline_view_set_library (self, g_value_get_object (value));
      break;

    case PROP_SUBJECT:
      cc_chart_layout_set_subject (get_layout (self), g_value_get_string (value));
      break;

    case PROP_STATUS:
      cc_chart_layout_set_status (get_layout (self), g_value_get_int (value));
      break;

    case PROP_LOG_SCALE:
      cc_chart_layout_set_log_scale (get_layout (self), g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_timeline_view_class_init (CcTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_timeline_view_dispose;
  object_class->get_property = cc_timeline_view_get_property;
  object_class->set_property = cc_timeline_view_set_property;

  widget_class->map = cc_timeline_view_map;

  /**
   * CcTimelineView:library:
   *
   * The library charted.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CC_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcTimelineView:subject:
   *
   * The subject class shown: by default the one with most claims.
   */
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcTimelineView:status:
   *
   * The #CcClaimStatus shown, or -1 for all.
   */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, CC_CLAIM_STATUS_TOTAL, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcTimelineView:log-scale:
   *
   * Whether the value axis is logarithmic.
   */
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CC_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, CcTimelineView, chart_overlay);
  gtk_widget_class_bind_template_child (widget_class, CcTimelineView, details_label);
  gtk_widget_class_bind_template_child (widget_class, CcTimelineView, status_button);
  gtk_widget_class_bind_template_child (widget_class, CcTimelineView, subject_button);
  gtk_widget_class_bind_template_child (widget_class, CcTimelineView, toolbar);
  gtk_widget_class_bind_template_callback (widget_class, selected_claim_cb);

  gtk_widget_class_install_property_action (widget_class, "timeline.subject", "subject");
  gtk_widget_class_install_property_action (widget_class, "timeline.status", "status");
  gtk_widget_class_install_property_action (widget_class, "timeline.log-scale", "log-scale");
  gtk_widget_class_install_action (widget_class, "timeline.export", "s",
                                   cc_timeline_view_action_export);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, forward_to_chart);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, forward_to_chart);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, forward_to_chart);

  /* Anywhere on the page, not only on the chart: the menus and buttons
   * above it take no digits or signs. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
cc_timeline_view_init (CcTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->default_details = g_strdup (gtk_label_get_label (self->details_label));
  self->subject_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->subject_button, G_MENU_MODEL (self->subject_menu));
  g_signal_connect_object (get_layout (self), "changed", G_CALLBACK (layout_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (get_layout (self), "notify", G_CALLBACK (layout_notify_cb), self,
                           G_CONNECT_SWAPPED);
  sync_filters_cb (self);
}

GtkWidget *
cc_timeline_view_new (void)
{
  return g_object_new (CC_TYPE_TIMELINE_VIEW, NULL);
}

CcLibrary *
cc_timeline_view_get_library (CcTimelineView *self)
{
  g_return_val_if_fail (CC_IS_TIMELINE_VIEW (self), NULL);

  return self->library;
}

void
cc_timeline_view_set_library (CcTimelineView *self,
                              CcLibrary      *library)
{
  g_return_if_fail (CC_IS_TIMELINE_VIEW (self));

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * cc_timeline_view_get_chart:
 *
 * Returns: (transfer none): the chart
 */
CcChart *
cc_timeline_view_get_chart (CcTimelineView *self)
{
  g_return_val_if_fail (CC_IS_TIMELINE_VIEW (self), NULL);

  return self->chart;
}

static CcClaim *
find_claim (CcLibrary *library,
            gint64     claim_id)
{
  GListModel *claims = cc_library_get_claims (library);
  guint n_claims = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n_claims; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);

      if (cc_claim_get_id (claim) == claim_id)
        return g_steal_pointer (&claim);
    }

  return NULL;
}

/**
 * cc_timeline_view_show_claim:
 *
 * Selects the statement of a claim, switching the filters to its
 * subject and every status if they hide it.
 *
 * Returns: %FALSE when the claim is not charted (rejected, or without
 *   any date)
 */
gboolean
cc_timeline_view_show_claim (CcTimelineView *self,
                             gint64          claim_id)
{
  CcChartLayout *layout;
  g_autoptr(CcClaim) claim = NULL;

  g_return_val_if_fail (CC_IS_TIMELINE_VIEW (self), FALSE);

  layout = get_layout (self);
  if (cc_chart_layout_find_claim (layout, claim_id) < 0)
    {
      if (self->library == NULL || !(claim = find_claim (self->library, claim_id)))
        return FALSE;
      cc_chart_layout_set_subject (layout, cc_subject_class (cc_claim_get_subject (claim),
                                                             cc_claim_get_status (claim)));
      cc_chart_layout_set_status (layout, -1);
    }

  if (!cc_chart_select_claim (self->chart, claim_id))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  return TRUE;
}

/**
 * cc_timeline_view_export:
 * @path: a file name ending in .png, .svg or .pdf
 *
 * Writes the chart as shown (filters, hidden series, time window) on a
 * light background, at the size shown or larger, with a title.
 */
gboolean
cc_timeline_view_export (CcTimelineView  *self,
                         const char      *path,
                         GError         **error)
{
  CcChartLayout *shown;
  g_autoptr(CcChartLayout) layout = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(CcChartRenderer) renderer = NULL;
  GListModel *claims;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  const CcChartSeries *series;
  guint n_series;
  double start, end;
  int width, height;

  g_return_val_if_fail (CC_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A layout of its own: the one shown keeps its size and text metrics. */
  shown = get_layout (self);
  layout = cc_chart_layout_new ();
  /* Claims still being filtered into view, a slice at a time, are
   * filtered whole for the file. */
  claims = cc_chart_get_claims (self->chart);
  if (GTK_IS_FILTER_LIST_MODEL (claims) &&
      gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (claims)) > 0)
    {
      GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (claims);
      GtkFilter *filter = gtk_filter_list_model_get_filter (filtered);

      claims = whole = G_LIST_MODEL (gtk_filter_list_model_new (
        g_object_ref (gtk_filter_list_model_get_model (filtered)),
        filter ? g_object_ref (filter) : NULL));
    }
  if (claims != NULL)
    cc_chart_layout_set_claims (layout, claims, self->library);
  else if (self->library != NULL)
    cc_chart_layout_set_claims (layout, cc_library_get_claims (self->library), self->library);
  cc_chart_layout_set_subject (layout, cc_chart_layout_get_effective_subject (shown));
  cc_chart_layout_set_status (layout, cc_chart_layout_get_status (shown));
  cc_chart_layout_set_log_scale (layout, cc_chart_layout_get_log_scale (shown));
  series = cc_chart_layout_get_series (shown, &n_series);
  for (guint i = 0; i < n_series; i++)
    if (!series[i].visible)
      cc_chart_layout_set_series_visible (layout, series[i].country, FALSE);
  if (cc_chart_layout_is_zoomed (shown))
    {
      cc_chart_layout_get_time_window (shown, &start, &end);
      cc_chart_layout_set_time_window (layout, start, end);
    }

  if (cc_chart_layout_get_effective_subject (shown) != NULL)
    {
      label = cc_subject_class_label (cc_chart_layout_get_effective_subject (shown));
      title = g_strdup_printf (_("%s: estimates over time"), label);
      cc_chart_layout_set_title (layout, title);
    }

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->chart)), EXPORT_MIN_WIDTH);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self->chart)), EXPORT_MIN_HEIGHT);
  renderer = cc_chart_renderer_new ();
  return cc_chart_renderer_export (renderer, layout, path, width, height, error);
}
