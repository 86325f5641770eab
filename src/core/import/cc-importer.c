/* cc-importer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The importer turns files into CcArticle objects that are not stored yet.
 * Every input is untrusted: the checks run from the cheapest (size) to the
 * most expensive (parsing), each failure names the file so a batch import
 * can list it next to the others, and cc_importer_load_data() must survive
 * whatever a fuzzer feeds it.
 *
 * This file holds the object, the checks every input passes and the
 * dispatch to the parsers, which live in one file per format:
 * cc-importer-text.c (plain text and Markdown), cc-importer-html.c,
 * cc-importer-json.c (our export), cc-importer-pdf.c and
 * cc-importer-meta.c (meta.json). A file that begins with "%PDF-" is read
 * as a PDF whatever its name. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "cc-article.h"
#include "cc-importer-private.h"

/* A folder tree deeper than this is more likely a symlink loop. */
#define MAX_FOLDER_DEPTH 64

typedef enum
{
  FORMAT_NONE,
  FORMAT_TXT,
  FORMAT_MARKDOWN,
  FORMAT_HTML,
  FORMAT_JSON,
  FORMAT_PDF,
} Format;

G_DEFINE_FINAL_TYPE (CcImporter, cc_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (cc-import-error-quark, cc_import_error)

/* Sets @error to "basename: message". */
void
_cc_importer_set_error (GError     **error,
                        int          code,
                        const char  *name,
                        const char  *format,
                        ...)
{
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  base = g_path_get_basename (name);
  g_set_error (error, CC_IMPORT_ERROR, code, "%s: %s", base, message);
}

void
_cc_importer_add_warning (GPtrArray  *warnings,
                          const char *format,
                          ...)
{
  va_list args;

  if (warnings == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static Format
format_from_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return FORMAT_NONE;

  dot++;

  if (g_ascii_strcasecmp (dot, "txt") == 0)
    return FORMAT_TXT;
  if (g_ascii_strcasecmp (dot, "md") == 0 || g_ascii_strcasecmp (dot, "markdown") == 0)
    return FORMAT_MARKDOWN;
  if (g_ascii_strcasecmp (dot, "html") == 0 || g_ascii_strcasecmp (dot, "htm") == 0)
    return FORMAT_HTML;
  if (g_ascii_strcasecmp (dot, "json") == 0)
    return FORMAT_JSON;
  if (g_ascii_strcasecmp (dot, "pdf") == 0)
    return FORMAT_PDF;

  return FORMAT_NONE;
}

static gboolean
is_meta_file (const char *name)
{
  return g_ascii_strcasecmp (name, "meta.json") == 0;
}

static void
set_unsupported_error (GError     **error,
                       const char  *name)
{
  g_autofree char *base = g_path_get_basename (name);
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base || dot[1] == '\0')
    _cc_importer_set_error (error, CC_IMPORT_ERROR_UNSUPPORTED, name,
                            _("unsupported file type (no extension; "
                              "expected .txt, .md, .markdown, .html, .htm, .json or .pdf)"));
  else
    _cc_importer_set_error (error, CC_IMPORT_ERROR_UNSUPPORTED, name,
                            _("unsupported file type “%s” "
                              "(expected .txt, .md, .markdown, .html, .htm, .json or .pdf)"),
                            dot);
}

/* Checks on raw bytes */

gboolean
_cc_importer_is_blank (const char *data,
                       gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize n_control = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  /* Text has tabs and line breaks but almost no other C0 controls; more
   * than one in 32 bytes means an image, an archive or similar. */
  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) ||
          c == 0x7f)
        n_control++;
    }

  return n_control * 32 > length;
}

/* Drops a BOM and turns CRLF and lone CR into LF. @data holds no NUL. */
static char *
normalize_text (const char *data,
                gsize       length,
                gsize      *out_length)
{
  char *text;
  gsize j = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  text = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\r')
        {
          text[j++] = '\n';
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        text[j++] = data[i];
    }

  text[j] = '\0';
  *out_length = j;

  return text;
}

/* "the file is too large (21.0 MB; the limit is 21.0 MB)" says nothing:
 * when the two sizes read the same, both are given in bytes. */
static void
set_too_large_error (GError     **error,
                     const char  *name,
                     guint64      length)
{
  g_autofree char *size = g_format_size (length);
  g_autofree char *limit = g_format_size (CC_IMPORT_MAX_SIZE);

  if (g_strcmp0 (size, limit) == 0)
    {
      g_free (size);
      g_free (limit);
      size = g_strdup_printf (ngettext ("%" PRIu64 " byte", "%" PRIu64 " bytes", length), length);
      limit = g_strdup_printf (ngettext ("%" PRIu64 " byte", "%" PRIu64 " bytes", CC_IMPORT_MAX_SIZE),
                               (guint64)CC_IMPORT_MAX_SIZE);
    }

  _cc_importer_set_error (error, CC_IMPORT_ERROR_TOO_LARGE, name,
                          _("the file is too large (%s; the limit is %s)"), size, limit);
}

/* @text: whether the data must be UTF-8 text; a PDF is binary. */
static gboolean
check_data (const char  *name,
            const char  *data,
            gsize        length,
            gboolean     text,
            GError     **error)
{
  const char *end;

  if (length == 0 ||
      (length <= CC_IMPORT_MAX_SIZE && _cc_importer_is_blank (data, length)) ||
      (length >= 3 && length <= CC_IMPORT_MAX_SIZE &&
       memcmp (data, "\xef\xbb\xbf", 3) == 0 && _cc_importer_is_blank (data + 3, length - 3)))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("the file is empty"));
      return FALSE;
    }

  if (length > CC_IMPORT_MAX_SIZE)
    {
      set_too_large_error (error, name, length);
      return FALSE;
    }

  if (!text)
    return TRUE;

  if (looks_binary (data, length))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_BINARY, name,
                              _("this looks like a binary file, not text"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_INVALID_UTF8, name,
                              _("not valid UTF-8 text (byte 0x%02x at offset %lu); "
                                "save it as UTF-8 and try again"),
                              (guchar)*end, (gulong)(end - data));
      return FALSE;
    }

  return TRUE;
}

static void
cc_importer_finalize (GObject *object)
{
  CcImporter *self = (CcImporter *)object;

  g_clear_pointer (&self->meta_cache, g_hash_table_unref);
  g_mutex_clear (&self->meta_lock);

  G_OBJECT_CLASS (cc_importer_parent_class)->finalize (object);
}

static void
cc_importer_class_init (CcImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_importer_finalize;

  /* libxml2 2.9 sets up its globals on first use, which is not safe from
   * two threads at once. */
  xmlInitParser ();
}

static void
cc_importer_init (CcImporter *self)
{
  g_mutex_init (&self->meta_lock);
  self->meta_cache = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify)g_hash_table_unref);
}

/**
 * cc_importer_new:
 *
 * Returns: (transfer full): a new importer. One importer may be shared with
 *   a worker thread; it caches each folder's meta.json.
 */
CcImporter *
cc_importer_new (void)
{
  return g_object_new (CC_TYPE_IMPORTER, NULL);
}

static const char *
special_kind (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return _("not a regular file");
  if (S_ISFIFO (st.st_mode))
    return _("a named pipe (FIFO), not a file; skipped");
  if (S_ISSOCK (st.st_mode))
    return _("a socket, not a file; skipped");
  if (S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode))
    return _("a device, not a file; skipped");
  return _("not a regular file; skipped");
}

/* TRUE when @path, resolved, stands inside the folder @root (resolved). */
static gboolean
is_inside (const char *path,
           const char *root)
{
  gsize len = strlen (root);

  return strncmp (path, root, len) == 0 && (path[len] == '/' || path[len] == '\0' ||
                                             (len > 0 && root[len - 1] == '/'));
}

static int
compare_info_names (gconstpointer a,
                    gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo * const *)a;
  GFileInfo *info_b = *(GFileInfo * const *)b;

  return strcmp (g_file_info_get_name (info_a), g_file_info_get_name (info_b));
}

static gboolean
collect_folder (const char *folder,
                const char *root,
                guint       depth,
                GHashTable *visited,
                GPtrArray  *files,
                GPtrArray  *errors)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileInfo) folder_info = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ret = TRUE;
  const char *id;
  GFileInfo *info;

  folder_info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE,
                                   NULL, NULL);
  id = folder_info != NULL ? g_file_info_get_attribute_string (folder_info, G_FILE_ATTRIBUTE_ID_FILE) : NULL;

  /* Symbolic links can make a folder its own descendant. */
  if (depth > MAX_FOLDER_DEPTH || (id != NULL && !g_hash_table_add (visited, g_strdup (id))))
    return TRUE;

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    {
      g_ptr_array_add (errors,
                       g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                    _("%s: the folder cannot be read: %s"),
                                    folder, error->message));
      return FALSE;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)))
    g_ptr_array_add (infos, info);

  if (error != NULL)
    {
      g_ptr_array_add (errors,
                       g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                    _("%s: the folder cannot be read: %s"),
                                    folder, error->message));
      ret = FALSE;
    }

  /* By name, in O(n log n): a folder may hold 100,000 articles. Names in
   * one folder are distinct, so the order is total. */
  g_ptr_array_sort (infos, compare_info_names);

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *child = g_ptr_array_index (infos, i);
      const char *child_name = g_file_info_get_name (child);
      g_autofree char *path = NULL;
      GFileType type;

      if (child_name[0] == '.' || g_file_info_get_is_hidden (child))
        continue;

      path = g_build_filename (folder, child_name, NULL);
      type = g_file_info_get_file_type (child);

      /* A link is followed only to what stands inside the imported
       * folder: a link out of it brings in files nobody chose. */
      if (type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          g_autofree char *target = realpath (path, NULL);
          g_autofree char *link = g_file_read_link (path, NULL);

          if (target == NULL)
            {
              g_ptr_array_add (errors,
                               g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                            _("%s: a link to “%s”, which does not exist; "
                                              "skipped"), path, link ? link : "?"));
              ret = FALSE;
              continue;
            }
          if (!is_inside (target, root))
            {
              g_ptr_array_add (errors,
                               g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                            _("%s: a link to “%s”, outside the imported "
                                              "folder; skipped"), path, target));
              ret = FALSE;
              continue;
            }
          type = g_file_test (target, G_FILE_TEST_IS_DIR) ? G_FILE_TYPE_DIRECTORY
                 : g_file_test (target, G_FILE_TEST_IS_REGULAR) ? G_FILE_TYPE_REGULAR
                 : G_FILE_TYPE_SPECIAL;
        }

      if (type == G_FILE_TYPE_DIRECTORY)
        ret &= collect_folder (path, root, depth + 1, visited, files, errors);
      else if (type == G_FILE_TYPE_SPECIAL)
        {
          /* Reading a named pipe or a device could block forever. */
          g_ptr_array_add (errors,
                           g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                        "%s: %s", path, special_kind (path)));
          ret = FALSE;
        }
      else if (type == G_FILE_TYPE_REGULAR &&
               !is_meta_file (child_name) &&
               format_from_name (child_name) != FORMAT_NONE)
        g_ptr_array_add (files, g_steal_pointer (&path));
    }

  return ret;
}

/**
 * cc_importer_collect:
 * @self: a #CcImporter
 * @paths: (array zero-terminated=1): files and folders
 * @files: (element-type utf8): receives the importable files, in order
 * @errors: (element-type GError): receives one error per unusable path
 *
 * Expands folders recursively (sorted by name, hidden entries and files of
 * other types skipped, meta.json left out). A path given explicitly must
 * exist and have a supported extension.
 *
 * Returns: %FALSE if anything was added to @errors
 */
gboolean
cc_importer_collect (CcImporter         *self,
                     const char * const *paths,
                     GPtrArray          *files,
                     GPtrArray          *errors)
{
  g_autoptr(GHashTable) visited = NULL;
  gboolean ret = TRUE;

  g_return_val_if_fail (CC_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char *path = paths[i];
      g_autofree char *base = g_path_get_basename (path);
      GStatBuf st;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *root = realpath (path, NULL);

          ret &= collect_folder (path, root ? root : path, 0, visited, files, errors);
        }
      else if (g_stat (path, &st) != 0)
        {
          int errsv = errno;

          /* A file in a folder one may not search is there, unreadable. */
          if (errsv == EACCES)
            g_ptr_array_add (errors,
                             g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                          _("%s: permission denied"), path));
          else if (errsv == ENOENT || errsv == ENOTDIR)
            g_ptr_array_add (errors,
                             g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                          _("%s: no such file or folder"), path));
          else
            g_ptr_array_add (errors,
                             g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                          "%s: %s", path, g_strerror (errsv)));
          ret = FALSE;
        }
      else if (is_meta_file (base))
        {
          g_ptr_array_add (errors,
                           g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_UNSUPPORTED,
                                        _("%s: this is a folder’s metadata, not an article; "
                                          "import the folder or its articles instead"), path));
          ret = FALSE;
        }
      else if (format_from_name (path) == FORMAT_NONE)
        {
          g_autoptr(GError) error = NULL;

          set_unsupported_error (&error, path);
          g_ptr_array_add (errors, g_steal_pointer (&error));
          ret = FALSE;
        }
      else
        {
          g_ptr_array_add (files, g_strdup (path));
        }
    }

  return ret;
}

/**
 * cc_importer_load:
 * @self: a #CcImporter
 * @path: the file to read
 * @warnings: (nullable) (element-type utf8): receives non-fatal problems
 * @error: return location for a #CcImportError
 *
 * Reads one file, applying the meta.json of its folder if there is one.
 *
 * Returns: (transfer container) (element-type CcArticle): new articles
 */
GPtrArray *
cc_importer_load (CcImporter  *self,
                  const char  *path,
                  GPtrArray   *warnings,
                  GError     **error)
{
  return cc_importer_load_contents (self, path, warnings, NULL, error);
}

/**
 * cc_importer_load_contents:
 * @self: a #CcImporter
 * @path: the file to read
 * @warnings: (nullable) (element-type utf8): receives non-fatal problems
 * @contents: (out) (optional): the file's bytes as read, followed by a NUL
 *   that the size does not count; checked as UTF-8 text when articles are
 *   returned
 * @error: return location for a #CcImportError
 *
 * Like cc_importer_load(), for a caller that also needs the file itself,
 * which is then read once.
 *
 * Returns: (transfer container) (element-type CcArticle): new articles
 */
GPtrArray *
cc_importer_load_contents (CcImporter  *self,
                           const char  *path,
                           GPtrArray   *warnings,
                           GBytes     **contents_out,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *articles;
  Format format;
  gsize length;

  g_return_val_if_fail (CC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The folder's meta.json first, so that what is wrong with it is said
   * even when this file is refused. */
  format = format_from_name (path);
  if (format != FORMAT_NONE && format != FORMAT_JSON)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      _cc_importer_meta_ensure_folder (self, folder, warnings);
    }

  file = g_file_new_for_path (path);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _cc_importer_set_error (error, CC_IMPORT_ERROR_IO, path, _("no such file"));
      else
        _cc_importer_set_error (error, CC_IMPORT_ERROR_IO, path,
                                _("the file cannot be read: %s"), local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_IO, path, _("this is a folder, not a file"));
      return NULL;
    }

  /* Reading a FIFO or a device could block forever. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_IO, path, _("not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) == 0)
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_EMPTY, path, _("the file is empty"));
      return NULL;
    }

  if (g_file_info_get_size (info) > CC_IMPORT_MAX_SIZE)
    {
      set_too_large_error (error, path, g_file_info_get_size (info));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      _cc_importer_set_error (error, CC_IMPORT_ERROR_IO, path,
                              _("the file cannot be read: %s"), local_error->message);
      return NULL;
    }

  articles = cc_importer_load_data (self, path, contents, length, warnings, error);
  if (articles != NULL && contents_out != NULL)
    *contents_out = g_bytes_new_take (g_steal_pointer (&contents), length);
  return articles;
}

static void       stamp_article  (CcArticle  *article,
                                  const char *name);
static GPtrArray *finish_article (CcImporter *self,
                                  CcArticle  *article,
                                  const char *name,
                                  GPtrArray  *warnings);

/**
 * cc_importer_load_data:
 * @self: a #CcImporter
 * @name: the file name, which gives the format and is used in messages
 * @data: (array length=length): the file contents
 * @length: the length of @data
 * @warnings: (nullable) (element-type utf8): receives non-fatal problems
 * @error: return location for a #CcImportError
 *
 * Like cc_importer_load() on a buffer. Metadata applies only if the
 * importer has already read the meta.json of @name's folder.
 *
 * Returns: (transfer container) (element-type CcArticle): new articles
 */
GPtrArray *
cc_importer_load_data (CcImporter  *self,
                       const char  *name,
                       const char  *data,
                       gsize        length,
                       GPtrArray   *warnings,
                       GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(CcMetaEntry) meta = NULL;
  g_autofree char *text = NULL;
  Format format;
  gsize text_length;

  g_return_val_if_fail (CC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A PDF under another name is one when it begins as one. */
  format = format_from_name (name);
  if (format == FORMAT_PDF || (length >= 5 && memcmp (data, "%PDF-", 5) == 0))
    {
      if (!check_data (name, data, length, FALSE, error))
        return NULL;
      if (!_cc_importer_is_pdf (data, length))
        {
          _cc_importer_set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                                  _("not a PDF file: it does not begin with “%%PDF-”"));
          return NULL;
        }
      if (!(articles = _cc_importer_parse_pdf (name, data, length, error)))
        return NULL;
      if (articles->len == 1)
        return finish_article (self, g_object_ref (g_ptr_array_index (articles, 0)), name,
                               warnings);

      /* Several articles share the file, and none is its meta.json entry. */
      for (guint i = 0; i < articles->len; i++)
        stamp_article (g_ptr_array_index (articles, i), name);
      return g_steal_pointer (&articles);
    }

  if (!check_data (name, data, length, TRUE, error))
    return NULL;

  if (format == FORMAT_NONE)
    {
      set_unsupported_error (error, name);
      return NULL;
    }

  text = normalize_text (data, length, &text_length);

  if (format == FORMAT_JSON)
    return _cc_importer_parse_json (name, text, text_length, error);

  meta = _cc_importer_meta_lookup (self, name);

  switch (format)
    {
    case FORMAT_TXT:
      article = _cc_importer_parse_text (name, text, meta != NULL ? meta->title : NULL, error);
      break;

    case FORMAT_MARKDOWN:
      article = _cc_importer_parse_markdown (name, text, error);
      break;

    case FORMAT_HTML:
      article = _cc_importer_parse_html (name, text, text_length, warnings, error);
      break;

    case FORMAT_JSON:
    case FORMAT_PDF:
    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (article == NULL)
    return NULL;

  return finish_article (self, g_steal_pointer (&article), name, warnings);
}

/* Falls back on the file name for a title, and notes where and when the
 * article came from. */
static void
stamp_article (CcArticle  *article,
               const char *name)
{
  if (cc_article_get_title (article) == NULL)
    {
      g_autofree char *base = g_path_get_basename (name);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      cc_article_set_title (article, base);
    }

  cc_article_set_source_file (article, name);
  cc_article_set_imported (article, g_get_real_time () / G_USEC_PER_SEC);
}

/* Applies the folder's meta.json to the one article of a file. */
static GPtrArray *
finish_article (CcImporter *self,
                CcArticle  *article,
                const char *name,
                GPtrArray  *warnings)
{
  g_autoptr(CcMetaEntry) meta = _cc_importer_meta_lookup (self, name);
  GPtrArray *articles;

  if (meta != NULL)
    _cc_importer_meta_apply (article, meta, name, warnings);
  stamp_article (article, name);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (articles, article);

  return articles;
}

/**
 * cc_date_is_valid:
 * @date: (nullable): a string
 *
 * Returns: %TRUE if @date is exactly YYYY-MM-DD, a real calendar day in
 *   the years 1000 to 9999
 */
gboolean
cc_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
        return FALSE;
    }

  year = g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
         g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  month = g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  day = g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);

  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}
