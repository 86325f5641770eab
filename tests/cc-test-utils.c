/* cc-test-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What several test programs need: the sample's folder and removal of
 * their temporary folders. */

#include "config.h"

#include <glib/gstdio.h>

#include "cc-test-utils.h"

const char *
cc_test_sample_dir (void)
{
  const char *dir = g_getenv ("CROSSCHECK_SAMPLE_DIR");

  g_assert_nonnull (dir);
  return dir;
}

void
cc_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if ((dir = g_dir_open (path, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            cc_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}
