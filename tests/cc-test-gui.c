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
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GStatBuf st;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
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
