/* cc-importer-meta.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* meta.json: a folder of articles may describe them in one file, an
 * array of { "file", "title", "outlet", "published", "url" } objects. The
 * importer reads it once per folder and applies an entry over whatever the
 * article's own file says. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cc-article.h"
#include "cc-importer-private.h"

void
_cc_importer_meta_entry_free (gpointer data)
{
  CcMetaEntry *entry = data;

  if (entry == NULL)
    return;

  g_free (entry->title);
  g_free (entry->outlet);
  g_free (entry->published);
  g_free (entry->url);
  g_free (entry);
}

static CcMetaEntry *
meta_entry_copy (const CcMetaEntry *entry)
{
  CcMetaEntry *copy = g_new0 (CcMetaEntry, 1);

  copy->title = g_strdup (entry->title);
  copy->outlet = g_strdup (entry->outlet);
  copy->published = g_strdup (entry->published);
  copy->url = g_strdup (entry->url);

  return copy;
}

static const char *
meta_string_member (JsonObject  *object,
                    const char  *member,
                    guint        index,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("entry %u: “%s” is not a string"), index, member);
      return NULL;
    }

  return json_node_get_string (node);
}

static char *
dup_stripped (const char *str)
{
  char *copy;

  if (str == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (str));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static GHashTable *
meta_parse (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_INVALID_UTF8,
                   _("not valid UTF-8"));
      return NULL;
    }

  if (!(root = _cc_importer_read_json (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("not an array of entries"));
      return NULL;
    }

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _cc_importer_meta_entry_free);
  array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(CcMetaEntry) entry = NULL;
      JsonObject *object;
      const char *file;
      const char *title = NULL;
      const char *outlet = NULL;
      const char *published = NULL;
      const char *url = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                       _("entry %u is not an object"), i);
          return NULL;
        }

      object = json_node_get_object (node);
      file = meta_string_member (object, "file", i, &local_error);
      if (local_error == NULL && file == NULL)
        g_set_error (&local_error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                     _("entry %u has no “file”"), i);
      if (local_error == NULL)
        title = meta_string_member (object, "title", i, &local_error);
      if (local_error == NULL)
        outlet = meta_string_member (object, "outlet", i, &local_error);
      if (local_error == NULL)
        published = meta_string_member (object, "published", i, &local_error);
      if (local_error == NULL)
        url = meta_string_member (object, "url", i, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      entry = g_new0 (CcMetaEntry, 1);
      entry->title = dup_stripped (title);
      entry->outlet = dup_stripped (outlet);
      entry->published = dup_stripped (published);
      entry->url = dup_stripped (url);

      g_hash_table_replace (entries, g_strdup (file), g_steal_pointer (&entry));
    }

  return g_steal_pointer (&entries);
}

/* Reads folder/meta.json, returning an empty table when there is none or
 * it is unusable (with one warning in the latter case). */
static GHashTable *
meta_read_folder (const char *folder,
                  GPtrArray  *warnings)
{
  g_autofree char *path = g_build_filename (folder, "meta.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  gsize length;

  if (g_stat (path, &buf) != 0)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _cc_importer_meta_entry_free);

  if (!S_ISREG (buf.st_mode) || buf.st_size > CC_IMPORT_MAX_SIZE)
    _cc_importer_add_warning (warnings,
                              _("%s: not a regular file of reasonable size; ignored"), path);
  else if (!g_file_get_contents (path, &contents, &length, &error))
    _cc_importer_add_warning (warnings,
                              _("%s: cannot be read (%s); ignored"), path, error->message);
  else if (!(entries = meta_parse (contents, length, &error)))
    _cc_importer_add_warning (warnings, _("%s: %s; ignored"), path, error->message);

  if (entries == NULL)
    entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _cc_importer_meta_entry_free);

  return g_steal_pointer (&entries);
}

void
_cc_importer_meta_ensure_folder (CcImporter *self,
                                 const char *folder,
                                 GPtrArray  *warnings)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->meta_lock);

  /* Reading under the lock keeps two threads from reading the same file;
   * meta.json is small. */
  if (!g_hash_table_contains (self->meta_cache, folder))
    g_hash_table_insert (self->meta_cache,
                         g_strdup (folder),
                         meta_read_folder (folder, warnings));
}

/* Returns a copy of the cached entry for @name, without touching the disk. */
CcMetaEntry *
_cc_importer_meta_lookup (CcImporter *self,
                          const char *name)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->meta_lock);
  g_autofree char *folder = g_path_get_dirname (name);
  g_autofree char *base = g_path_get_basename (name);
  GHashTable *entries;
  CcMetaEntry *entry;

  if (!(entries = g_hash_table_lookup (self->meta_cache, folder)))
    return NULL;

  if (!(entry = g_hash_table_lookup (entries, base)))
    return NULL;

  return meta_entry_copy (entry);
}

void
_cc_importer_meta_apply (CcArticle         *article,
                         const CcMetaEntry *entry,
                         const char        *name,
                         GPtrArray         *warnings)
{
  g_autofree char *base = g_path_get_basename (name);

  if (entry->title != NULL)
    cc_article_set_title (article, entry->title);
  if (entry->outlet != NULL)
    cc_article_set_outlet (article, entry->outlet);
  if (entry->url != NULL)
    cc_article_set_url (article, entry->url);

  if (entry->published != NULL)
    {
      if (cc_date_is_valid (entry->published))
        cc_article_set_published (article, entry->published);
      else
        _cc_importer_add_warning (warnings,
                                  _("meta.json: %s: published date %s is not a real date; "
                                    "left empty"),
                                  base, entry->published);
    }
}
