/* cc-test-gui.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the widget tests share: finding widgets, waiting on the main loop
 * without hanging, and screenshots for people to look at. */

#include "config.h"

#include <glib/gstdio.h>

#include "cc-test-gui.h"
#include "cc-test-utils.h"

#define WAIT_SECONDS 30

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

GPtrArray *
cc_test_find_all (gpointer widget,
                  GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (widget, type, found);
  return found;
}

gpointer
cc_test_find_one (gpointer widget,
                  GType    type)
{
  g_autoptr(GPtrArray) found = cc_test_find_all (widget, type);

  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

CcWindow *
cc_test_find_window (CcApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* A ticking source keeps the blocking iteration from sleeping past the
 * deadline. */
gboolean
cc_test_wait_until (CcTestCondition condition,
                    gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, tick_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return met;
}

static gboolean
settled_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

void
cc_test_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, settled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
cc_test_save_screenshot (GtkWidget  *widget,
                         const char *fallback_dir,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GStatBuf st;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A window in the middle of a relayout draws nothing for a frame. */
  for (guint i = 0; i < 50 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (i > 0)
        cc_test_settle (100);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_build_filename (builddir ? builddir : fallback_dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  /* A blank window compresses to a few kilobytes; text and icons do not. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 20000);
}

char *
cc_test_gui_init (int          *argc,
                  char       ***argv,
                  const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("crosscheck-%s-XXXXXX", name);
  char *dir;

  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);

  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run\n");
      return NULL;
    }

  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  return dir;
}

typedef struct
{
  CcApplication  *app;
  CcTestAppCheck  check;
  gboolean        checked;
} RunData;

static gboolean
run_check_cb (gpointer user_data)
{
  RunData *run = user_data;
  GList *windows;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  run->check (run->app);
  run->checked = TRUE;

  /* Destroyed here, so that nothing of this run is left for the next. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (run->app))))
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             RunData      *run)
{
  /* Activation may come again; the check runs once. */
  if (!run->checked)
    g_idle_add (run_check_cb, run);
}

void
cc_test_run_app (const char     *db_path,
                 CcTestAppCheck  check)
{
  char *argv[] = { (char *)"crosscheck", (char *)"--library", (char *)db_path, NULL };
  RunData run = { NULL, check, FALSE };
  int status;

  run.app = cc_application_new ();
  g_signal_connect_after (run.app, "activate", G_CALLBACK (activate_cb), &run);
  status = g_application_run (G_APPLICATION (run.app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);
  g_clear_object (&run.app);
}

int
cc_test_gui_run (char *tmpdir)
{
  int ret = g_test_run ();

  if (ret == 0)
    cc_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
