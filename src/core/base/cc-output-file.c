/* cc-output-file.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing an export without harming what stood at its path. The data go
 * to a new file beside the target, which is renamed over the target only
 * once it is whole: a full disk or a killed process leaves the old file
 * as it was. A symbolic link is followed, so that its target gets the new
 * content and the link stays; an existing file keeps its permissions; a
 * device, a named pipe, a socket or a folder is refused rather than
 * replaced by a regular file. Every message names the path as given, never
 * the temporary file. */

#define G_LOG_DOMAIN "cc-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cc-output-file.h"

/* Links followed before giving up, as the kernel does (MAXSYMLINKS). */
#define MAX_LINKS 40

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Cannot write “%s”: %s"), display, g_strerror (errsv));
  return FALSE;
}

static gboolean
set_type_error (GError     **error,
                const char  *path,
                mode_t       mode)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *what;
  GIOErrorEnum code = G_IO_ERROR_NOT_REGULAR_FILE;

  if (S_ISDIR (mode))
    {
      what = _("it is a folder");
      code = G_IO_ERROR_IS_DIRECTORY;
    }
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    what = _("it is a device, not a file");
  else if (S_ISFIFO (mode))
    what = _("it is a named pipe (FIFO), not a file");
  else if (S_ISSOCK (mode))
    what = _("it is a socket, not a file");
  else
    what = _("it is not a regular file");

  g_set_error (error, G_IO_ERROR, code, _("Cannot write “%s”: %s"), display, what);
  return FALSE;
}

/* The file that writing to @path means: @path itself, or the end of the
 * chain of links it starts. *@st is filled in when that file exists. */
static char *
resolve (const char   *path,
         GStatBuf     *st,
         gboolean     *exists,
         GError      **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINKS; hops++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) link_error = NULL;

      if (g_lstat (current, st) != 0)
        {
          int errsv = errno;

          if (errsv != ENOENT)
            {
              set_errno_error (error, path, errsv);
              return NULL;
            }
          *exists = FALSE;
          return g_steal_pointer (&current);
        }

      if (!S_ISLNK (st->st_mode))
        {
          if (!S_ISREG (st->st_mode))
            {
              set_type_error (error, path, st->st_mode);
              return NULL;
            }
          *exists = TRUE;
          return g_steal_pointer (&current);
        }

      if (!(target = g_file_read_link (current, &link_error)))
        {
          set_errno_error (error, path, EINVAL);
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, target, NULL);

          g_free (current);
          current = g_steal_pointer (&joined);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  set_errno_error (error, path, ELOOP);
  return NULL;
}

/**
 * cc_output_file_check:
 * @path: where an export is to be written
 *
 * Says early, before any long work, whether cc_output_file_write() would
 * refuse @path for what stands there (a folder, a device, a named pipe, a
 * socket, a loop of links).
 *
 * Returns: %TRUE when @path may be written
 */
gboolean
cc_output_file_check (const char  *path,
                      GError     **error)
{
  g_autofree char *target = NULL;
  gboolean exists;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  target = resolve (path, &st, &exists, error);
  return target != NULL;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/**
 * cc_output_file_write:
 * @path: the file to write, as the user named it
 * @data: (array length=length): the new content
 *
 * Replaces the content of @path with @data, whole or not at all, as the
 * comment at the top of this file describes.
 *
 * Returns: %TRUE when @path holds @data
 */
gboolean
cc_output_file_write (const char  *path,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gboolean exists = FALSE;
  GStatBuf st;
  int fd;
  int errsv;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!(target = resolve (path, &st, &exists, error)))
    return FALSE;

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  /* A new file gets the permissions the umask allows, as any other. */
  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666)) < 0)
    return set_errno_error (error, path, errno);

  if (exists)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto failed;
      /* As root, writing someone else's file leaves it theirs. */
      if (fchown (fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
        goto failed;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmp, target) != 0)
    goto failed;

  return TRUE;

failed:
  errsv = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return set_errno_error (error, path, errsv);
}

typedef struct
{
  char   *path;
  GBytes *bytes;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;
  gsize length;
  const void *bytes = g_bytes_get_data (data->bytes, &length);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!cc_output_file_write (data->path, bytes, length, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cc_output_file_write_bytes_async:
 *
 * Runs cc_output_file_write() on a worker thread.
 */
void
cc_output_file_write_bytes_async (const char          *path,
                                  GBytes              *bytes,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (bytes != NULL);

  data = g_new0 (WriteData, 1);
  data->path = g_strdup (path);
  data->bytes = g_bytes_ref (bytes);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_output_file_write_bytes_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
cc_output_file_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
