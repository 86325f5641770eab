/* cc-test-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What several test programs need: the sample's folder, removal of
 * their temporary folders, and running the command line. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cc-test-utils.h"

/* The sample: CROSSCHECK_SAMPLE_DIR as meson sets it, or the source
 * tree's copy for a test or benchmark run by hand. */
const char *
cc_test_sample_dir (void)
{
  const char *dir = g_getenv ("CROSSCHECK_SAMPLE_DIR");

  if (dir == NULL || dir[0] == '\0')
    dir = SOURCE_DATADIR "/sample";
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
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

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = bytes ? g_bytes_get_size (bytes) : 0;

  return size > 0 ? g_strndup (g_bytes_get_data (bytes, NULL), size) : g_strdup ("");
}

int
cc_test_run_cli (char       **out,
                 char       **err,
                 const char  *first,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CROSSCHECK_BINARY");
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = bytes_to_string (out_bytes);
  if (err != NULL)
    *err = bytes_to_string (err_bytes);

  return g_subprocess_get_exit_status (proc);
}
