/* cc-cli-chart.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `crosscheck chart`: the timeline of the library as PNG, SVG or PDF,
 * drawn by the same renderer as the window. */

#define G_LOG_DOMAIN "cc-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cc-chart-layout.h"
#include "cc-chart-renderer.h"
#include "cc-claim-match.h"
#include "cc-cli-private.h"
#include "cc-library.h"
#include "cc-subject.h"

#define CHART_USAGE "chart --output FILE.{png,svg,pdf} [--width W] [--height H] " \
                    "[--subject S] [--status STATUS] [--log]"
#define MIN_SIZE 100
#define MAX_SIZE 10000

typedef struct
{
  const char *output;
  int         width;
  int         height;
  const char *subject;
  int         status;
  gboolean    log_scale;
} ChartArgs;

static int
usage (const char *problem)
{
  g_autofree char *msg = g_strdup_printf ("%s\n%s %s", problem, _("usage: crosscheck"),
                                          CHART_USAGE);

  return _cc_cli_usage_error (msg);
}

static gboolean
parse_size (const char *value,
            int        *size)
{
  char *end = NULL;
  long parsed;

  if (value == NULL || *value == '\0')
    return FALSE;
  parsed = strtol (value, &end, 10);
  if (*end != '\0' || parsed < MIN_SIZE || parsed > MAX_SIZE)
    return FALSE;
  *size = (int)parsed;
  return TRUE;
}

static int
parse_args (CliOptions *options,
            ChartArgs  *args)
{
  for (guint i = 0; i < options->args->len; i++)
    {
      const char *arg = g_ptr_array_index (options->args, i);
      const char *value = NULL;
      const char *equals = strchr (arg, '=');
      g_autofree char *name = equals ? g_strndup (arg, equals - arg) : g_strdup (arg);

      if (strcmp (name, "--log") == 0)
        {
          args->log_scale = TRUE;
          continue;
        }
      if (!g_str_has_prefix (name, "--"))
        {
          g_autofree char *msg = g_strdup_printf (_("chart takes no argument “%s”"), arg);

          return usage (msg);
        }

      if (equals != NULL)
        value = equals + 1;
      else if (i + 1 < options->args->len)
        value = g_ptr_array_index (options->args, ++i);
      if (value == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("%s needs a value"), name);

          return usage (msg);
        }

      if (strcmp (name, "--output") == 0)
        args->output = value;
      else if (strcmp (name, "--subject") == 0)
        args->subject = value;
      else if (strcmp (name, "--width") == 0 || strcmp (name, "--height") == 0)
        {
          if (!parse_size (value, name[2] == 'w' ? &args->width : &args->height))
            {
              g_autofree char *msg = g_strdup_printf (_("%s takes a number of pixels from %d to %d"),
                                                      name, MIN_SIZE, MAX_SIZE);

              return usage (msg);
            }
        }
      else if (strcmp (name, "--status") == 0)
        {
          CcClaimStatus status;

          if (!cc_claim_status_from_string (value, &status))
            {
              g_autofree char *msg = g_strdup_printf (_("“%s” is not a claim status"), value);

              return usage (msg);
            }
          args->status = status;
        }
      else
        {
          g_autofree char *msg = g_strdup_printf (_("chart has no option “%s”"), name);

          return usage (msg);
        }
    }

  if (args->output == NULL)
    return usage (_("chart needs --output FILE"));

  return CC_CLI_EXIT_OK;
}

/* A subject as the user writes it ("soldiers") or a class key
 * ("troops"): both name the class. */
static char *
resolve_subject (CcChartLayout *layout,
                 const char    *subject)
{
  g_auto(GStrv) subjects = cc_chart_layout_dup_subjects (layout);

  if (g_strv_contains ((const char * const *)subjects, subject))
    return g_strdup (subject);
  return g_strdup (cc_subject_class (subject, CC_CLAIM_STATUS_OTHER));
}

int
_cc_cli_cmd_chart (CliOptions *options)
{
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcChartLayout) layout = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(CcChartRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject_label = NULL;
  g_autofree char *title = NULL;
  ChartArgs args = { NULL, 1200, 700, NULL, -1, FALSE };
  const char *subject;
  guint n_points;
  int status;

  if ((status = parse_args (options, &args)) != CC_CLI_EXIT_OK)
    return status;

  if (!(library = _cc_cli_open_library (options)))
    return CC_CLI_EXIT_REFUSED;

  claims = _cc_cli_scope_claims (options, library);
  layout = cc_chart_layout_new ();
  cc_chart_layout_set_claims (layout, claims, library);
  if (args.subject != NULL)
    {
      g_autofree char *key = resolve_subject (layout, args.subject);

      cc_chart_layout_set_subject (layout, key);
    }
  cc_chart_layout_set_status (layout, args.status);
  cc_chart_layout_set_log_scale (layout, args.log_scale);

  subject = cc_chart_layout_get_effective_subject (layout);
  if (subject != NULL)
    {
      subject_label = cc_subject_class_label (subject);
      /* Translators: the title of an exported chart; %s names what is
       * counted, as "Troops and forces" */
      title = g_strdup_printf (_("%s: estimates over time"), subject_label);
      cc_chart_layout_set_title (layout, title);
    }

  renderer = cc_chart_renderer_new ();
  if (!cc_chart_renderer_export (renderer, layout, args.output, args.width, args.height, &error))
    {
      fprintf (stderr, "crosscheck: %s\n", error->message);
      return g_error_matches (error, CC_CHART_RENDERER_ERROR, CC_CHART_RENDERER_ERROR_FORMAT)
             ? CC_CLI_EXIT_USAGE : CC_CLI_EXIT_REFUSED;
    }

  cc_chart_layout_get_points (layout, &n_points);
  if (n_points == 0)
    fprintf (stderr, "crosscheck: %s\n",
             args.subject ? _("no claims of that subject and status; the chart is empty")
                          : _("no dated claims; the chart is empty"));
  printf (ngettext ("Wrote %s (%u statement)\n", "Wrote %s (%u statements)\n", n_points),
          args.output, n_points);

  return CC_CLI_EXIT_OK;
}
