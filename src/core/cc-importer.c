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
 * FIXME: at some 2600 lines this file is far past the size the style guide
 * wants; the parsers (txt, Markdown, HTML, JSON export) should move to a
 * cc-importer-formats.c once src/core/meson.build lists it. */

#define G_LOG_DOMAIN "cc-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <math.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-importer.h"

/* Our export nests five levels deep. The limit stops json-glib's recursive
 * parser from overflowing the stack on "[[[[…". */
#define MAX_JSON_DEPTH 32
/* A folder tree deeper than this is more likely a symlink loop. */
#define MAX_FOLDER_DEPTH 64

typedef enum
{
  FORMAT_NONE,
  FORMAT_TXT,
  FORMAT_MARKDOWN,
  FORMAT_HTML,
  FORMAT_JSON,
} Format;

typedef struct
{
  char *title;
  char *outlet;
  char *published;
  char *url;
} MetaEntry;

struct _CcImporter
{
  GObject     parent_instance;

  /* Folder path → GHashTable of file name → MetaEntry. A folder without a
   * usable meta.json maps to an empty table, so it is read only once. */
  GMutex      meta_lock;
  GHashTable *meta_cache;
};

G_DEFINE_FINAL_TYPE (CcImporter, cc_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (cc-import-error-quark, cc_import_error)

static void
meta_entry_free (gpointer data)
{
  MetaEntry *entry = data;

  if (entry == NULL)
    return;

  g_free (entry->title);
  g_free (entry->outlet);
  g_free (entry->published);
  g_free (entry->url);
  g_free (entry);
}

static MetaEntry *
meta_entry_copy (const MetaEntry *entry)
{
  MetaEntry *copy = g_new0 (MetaEntry, 1);

  copy->title = g_strdup (entry->title);
  copy->outlet = g_strdup (entry->outlet);
  copy->published = g_strdup (entry->published);
  copy->url = g_strdup (entry->url);

  return copy;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MetaEntry, meta_entry_free)

/* Sets @error to "basename: message". */
static void G_GNUC_PRINTF (4, 5)
set_error (GError     **error,
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

static void G_GNUC_PRINTF (2, 3)
add_warning (GPtrArray  *warnings,
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
    set_error (error, CC_IMPORT_ERROR_UNSUPPORTED, name,
               _("unsupported file type (no extension; expected .txt, .md, .markdown, .html, .htm or .json)"));
  else
    set_error (error, CC_IMPORT_ERROR_UNSUPPORTED, name,
               _("unsupported file type “%s” (expected .txt, .md, .markdown, .html, .htm or .json)"),
               dot);
}

/* Rejects nesting deeper than MAX_JSON_DEPTH before json-glib sees it. */
static gboolean
json_depth_is_sane (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Parses a JSON document that has already passed the UTF-8 check. The
 * error message does not name the file. */
static JsonNode *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_depth_is_sane (data, length))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("malformed JSON: nested more than %d levels deep"), MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the offending bytes, which need not be UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("malformed JSON: %s"), reason);
      return NULL;
    }

  if (!(root = json_parser_get_root (parser)))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("malformed JSON: the document is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

/* meta.json */

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

  if (!(root = parse_json (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, CC_IMPORT_ERROR, CC_IMPORT_ERROR_MALFORMED,
                   _("not an array of entries"));
      return NULL;
    }

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, meta_entry_free);
  array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(MetaEntry) entry = NULL;
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

      entry = g_new0 (MetaEntry, 1);
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
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, meta_entry_free);

  if (!S_ISREG (buf.st_mode) || buf.st_size > CC_IMPORT_MAX_SIZE)
    add_warning (warnings, _("%s: not a regular file of reasonable size; ignored"), path);
  else if (!g_file_get_contents (path, &contents, &length, &error))
    add_warning (warnings, _("%s: cannot be read (%s); ignored"), path, error->message);
  else if (!(entries = meta_parse (contents, length, &error)))
    add_warning (warnings, _("%s: %s; ignored"), path, error->message);

  if (entries == NULL)
    entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, meta_entry_free);

  return g_steal_pointer (&entries);
}

static void
meta_ensure_folder (CcImporter *self,
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
static MetaEntry *
meta_lookup (CcImporter *self,
             const char *name)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->meta_lock);
  g_autofree char *folder = g_path_get_dirname (name);
  g_autofree char *base = g_path_get_basename (name);
  GHashTable *entries;
  MetaEntry *entry;

  if (!(entries = g_hash_table_lookup (self->meta_cache, folder)))
    return NULL;

  if (!(entry = g_hash_table_lookup (entries, base)))
    return NULL;

  return meta_entry_copy (entry);
}

static void
meta_apply (CcArticle       *article,
            const MetaEntry *entry,
            const char      *name,
            GPtrArray       *warnings)
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
        add_warning (warnings,
                     _("meta.json: %s: published date %s is not a real date; left empty"),
                     base, entry->published);
    }
}

/* The Crosscheck export (format described in cc-json-export.c) */

static gboolean
json_get_member (JsonObject  *object,
                 const char  *member,
                 gboolean     required,
                 GType        type,
                 const char  *type_name,
                 JsonNode   **node,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  *node = json_object_get_member (object, member);

  if (*node == NULL || JSON_NODE_HOLDS_NULL (*node))
    {
      *node = NULL;
      if (!required)
        return TRUE;

      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s is missing"), where, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (*node) ||
      (json_node_get_value_type (*node) != type &&
       !(type == G_TYPE_DOUBLE && json_node_get_value_type (*node) == G_TYPE_INT64)))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s must be %s"), where, member, type_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_string (JsonObject  *object,
                 const char  *member,
                 gboolean     required,
                 const char **value,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  JsonNode *node;

  *value = NULL;

  if (!json_get_member (object, member, required, G_TYPE_STRING, _("a string"),
                        &node, name, where, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  /* json-glib decodes \u escapes without checking them. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s is not valid UTF-8"), where, member);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
json_get_int (JsonObject  *object,
              const char  *member,
              gboolean     required,
              gint64       max,
              gint64      *value,
              const char  *name,
              const char  *where,
              GError     **error)
{
  JsonNode *node;

  *value = 0;

  if (!json_get_member (object, member, required, G_TYPE_INT64, _("an integer"),
                        &node, name, where, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  *value = json_node_get_int (node);
  if (*value < 0 || *value > max)
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s is out of range"), where, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_double (JsonObject  *object,
                 const char  *member,
                 double      *value,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  JsonNode *node;

  *value = 0;

  if (!json_get_member (object, member, FALSE, G_TYPE_DOUBLE, _("a number"),
                        &node, name, where, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  /* Counts of people: never negative, and json-glib turns 1e400 into inf. */
  *value = json_node_get_double (node);
  if (!isfinite (*value) || *value < 0)
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s is out of range"), where, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_boolean (JsonObject  *object,
                  const char  *member,
                  gboolean    *value,
                  const char  *name,
                  const char  *where,
                  GError     **error)
{
  JsonNode *node;

  *value = FALSE;

  if (!json_get_member (object, member, FALSE, G_TYPE_BOOLEAN, _("true or false"),
                        &node, name, where, error))
    return FALSE;

  if (node != NULL)
    *value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
json_get_date (JsonObject  *object,
               const char  *member,
               const char **value,
               const char  *name,
               const char  *where,
               GError     **error)
{
  if (!json_get_string (object, member, FALSE, value, name, where, error))
    return FALSE;

  if (*value != NULL && !cc_date_is_valid (*value))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s is not a date (YYYY-MM-DD)"), where, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
json_get_array (JsonObject  *object,
                const char  *member,
                JsonArray  **value,
                const char  *name,
                const char  *where,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.%s must be an array"), where, member);
      return FALSE;
    }

  *value = json_node_get_array (node);

  return TRUE;
}

static JsonObject *
json_get_element_object (JsonArray   *array,
                         guint        index,
                         const char  *name,
                         const char  *where,
                         GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s must be an object"), where);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
json_get_span (JsonObject  *object,
               glong        n_chars,
               guint       *start,
               guint       *end,
               const char  *name,
               const char  *where,
               GError     **error)
{
  gint64 start64;
  gint64 end64;

  if (!json_get_int (object, "start", TRUE, G_MAXUINT, &start64, name, where, error) ||
      !json_get_int (object, "end", TRUE, G_MAXUINT, &end64, name, where, error))
    return FALSE;

  if (start64 > end64)
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s: start %u is after end %u"),
                 where, (guint)start64, (guint)end64);
      return FALSE;
    }

  if (end64 > n_chars)
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s: end %u is beyond the end of the text (%ld characters)"),
                 where, (guint)end64, n_chars);
      return FALSE;
    }

  *start = start64;
  *end = end64;

  return TRUE;
}

static CcClaim *
claim_from_json (JsonObject  *object,
                 glong        n_chars,
                 const char  *name,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(CcClaim) claim = cc_claim_new ();
  const char *text, *qualifier, *subject, *claimant, *country, *status, *event_date, *origin;
  CcClaimStatus status_value = CC_CLAIM_STATUS_OTHER;
  CcClaimOrigin origin_value = CC_CLAIM_ORIGIN_AUTO;
  gboolean vague, hedged, rejected;
  gint64 version;
  guint start, end;
  double low, high;

  if (!json_get_span (object, n_chars, &start, &end, name, where, error) ||
      !json_get_string (object, "text", FALSE, &text, name, where, error) ||
      !json_get_double (object, "low", &low, name, where, error) ||
      !json_get_double (object, "high", &high, name, where, error) ||
      !json_get_boolean (object, "vague", &vague, name, where, error) ||
      !json_get_string (object, "qualifier", FALSE, &qualifier, name, where, error) ||
      !json_get_string (object, "subject", FALSE, &subject, name, where, error) ||
      !json_get_string (object, "claimant", FALSE, &claimant, name, where, error) ||
      !json_get_string (object, "claimant_country", FALSE, &country, name, where, error) ||
      !json_get_string (object, "status", FALSE, &status, name, where, error) ||
      !json_get_boolean (object, "hedged", &hedged, name, where, error) ||
      !json_get_date (object, "event_date", &event_date, name, where, error) ||
      !json_get_string (object, "origin", FALSE, &origin, name, where, error) ||
      !json_get_boolean (object, "rejected", &rejected, name, where, error) ||
      !json_get_int (object, "extractor_version", FALSE, G_MAXUINT, &version, name, where, error))
    return NULL;

  if (status != NULL && !cc_claim_status_from_string (status, &status_value))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.status: unknown status “%s”"), where, status);
      return NULL;
    }

  if (origin != NULL && !cc_claim_origin_from_string (origin, &origin_value))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.origin: unknown origin “%s”"), where, origin);
      return NULL;
    }

  cc_claim_set_start (claim, start);
  cc_claim_set_end (claim, end);
  cc_claim_set_text (claim, text);
  cc_claim_set_low (claim, low);
  cc_claim_set_high (claim, high);
  cc_claim_set_vague (claim, vague);
  cc_claim_set_qualifier (claim, qualifier);
  cc_claim_set_subject (claim, subject);
  cc_claim_set_claimant (claim, claimant);
  cc_claim_set_claimant_country (claim, country);
  cc_claim_set_status (claim, status_value);
  cc_claim_set_hedged (claim, hedged);
  cc_claim_set_event_date (claim, event_date);
  cc_claim_set_origin (claim, origin_value);
  cc_claim_set_rejected (claim, rejected);
  cc_claim_set_extractor_version (claim, version);

  return g_steal_pointer (&claim);
}

static gboolean
color_is_valid (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}

static CcAnnotation *
annotation_from_json (JsonObject  *object,
                      glong        n_chars,
                      const char  *name,
                      const char  *where,
                      GError     **error)
{
  g_autoptr(CcAnnotation) annotation = cc_annotation_new ();
  const char *color, *note, *tags;
  gint64 created, modified;
  guint start, end;

  if (!json_get_span (object, n_chars, &start, &end, name, where, error) ||
      !json_get_string (object, "color", FALSE, &color, name, where, error) ||
      !json_get_string (object, "note", FALSE, &note, name, where, error) ||
      !json_get_string (object, "tags", FALSE, &tags, name, where, error) ||
      !json_get_int (object, "created", FALSE, G_MAXINT64, &created, name, where, error) ||
      !json_get_int (object, "modified", FALSE, G_MAXINT64, &modified, name, where, error))
    return NULL;

  if (color != NULL && !color_is_valid (color))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("%s.color must look like #rrggbb"), where);
      return NULL;
    }

  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_color (annotation, color);
  cc_annotation_set_note (annotation, note);
  cc_annotation_set_tags (annotation, tags);
  cc_annotation_set_created (annotation, created);
  cc_annotation_set_modified (annotation, modified);

  return g_steal_pointer (&annotation);
}

static CcArticle *
article_from_json (JsonObject  *object,
                   const char  *name,
                   const char  *where,
                   GError     **error)
{
  g_autoptr(CcArticle) article = cc_article_new ();
  const char *title, *outlet, *url, *published, *language, *text, *source_file;
  JsonArray *claims, *annotations;
  gboolean has_imported;
  gint64 imported;
  glong n_chars;

  if (!json_get_string (object, "title", FALSE, &title, name, where, error) ||
      !json_get_string (object, "outlet", FALSE, &outlet, name, where, error) ||
      !json_get_string (object, "url", FALSE, &url, name, where, error) ||
      !json_get_date (object, "published", &published, name, where, error) ||
      !json_get_string (object, "language", FALSE, &language, name, where, error) ||
      !json_get_string (object, "text", TRUE, &text, name, where, error) ||
      !json_get_string (object, "source_file", FALSE, &source_file, name, where, error) ||
      !json_get_int (object, "imported", FALSE, G_MAXINT64, &imported, name, where, error) ||
      !json_get_array (object, "claims", &claims, name, where, error) ||
      !json_get_array (object, "annotations", &annotations, name, where, error))
    return NULL;

  has_imported = json_object_has_member (object, "imported") &&
                 !json_object_get_null_member (object, "imported");

  cc_article_set_title (article, title);
  cc_article_set_outlet (article, outlet);
  cc_article_set_url (article, url);
  cc_article_set_published (article, published);
  cc_article_set_language (article, language);
  cc_article_set_text (article, text);
  /* An export keeps the file the article first came from, even when that
   * is unknown, so that import and export round-trip exactly. */
  cc_article_set_source_file (article, source_file);
  cc_article_set_imported (article,
                           has_imported ? imported : g_get_real_time () / G_USEC_PER_SEC);

  n_chars = g_utf8_strlen (text, -1);

  for (guint i = 0; claims != NULL && i < json_array_get_length (claims); i++)
    {
      g_autofree char *child = g_strdup_printf ("%s.claims[%u]", where, i);
      g_autoptr(CcClaim) claim = NULL;
      JsonObject *claim_object;

      if (!(claim_object = json_get_element_object (claims, i, name, child, error)) ||
          !(claim = claim_from_json (claim_object, n_chars, name, child, error)))
        return NULL;

      _cc_article_append_claim (article, claim);
    }

  for (guint i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
    {
      g_autofree char *child = g_strdup_printf ("%s.annotations[%u]", where, i);
      g_autoptr(CcAnnotation) annotation = NULL;
      JsonObject *annotation_object;

      if (!(annotation_object = json_get_element_object (annotations, i, name, child, error)) ||
          !(annotation = annotation_from_json (annotation_object, n_chars, name, child, error)))
        return NULL;

      _cc_article_append_annotation (article, annotation);
    }

  return g_steal_pointer (&article);
}

static GPtrArray *
load_export (const char  *name,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (!(root = parse_json (data, length, &local_error)))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name, "%s", local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(object = json_node_get_object (root)) ||
      !(node = json_object_get_member (object, "format")) ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), "crosscheck") != 0)
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("not a Crosscheck export (no \"format\": \"crosscheck\")"));
      return NULL;
    }

  if (!(node = json_object_get_member (object, "version")) ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != 1)
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("unsupported export version (this Crosscheck reads version 1)"));
      return NULL;
    }

  if (!(node = json_object_get_member (object, "articles")) || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name,
                 _("“articles” is missing or not an array"));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      set_error (error, CC_IMPORT_ERROR_EMPTY, name,
                 _("the export contains no articles"));
      return NULL;
    }

  articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("articles[%u]", i);
      JsonObject *article_object;
      CcArticle *article;

      if (!(article_object = json_get_element_object (array, i, name, where, error)) ||
          !(article = article_from_json (article_object, name, where, error)))
        return NULL;

      g_ptr_array_add (articles, article);
    }

  return g_steal_pointer (&articles);
}

/* Checks on raw bytes */

static gboolean
is_blank (const char *data,
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

static gboolean
check_data (const char  *name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end;

  if (length == 0 ||
      (length <= CC_IMPORT_MAX_SIZE && is_blank (data, length)) ||
      (length >= 3 && length <= CC_IMPORT_MAX_SIZE &&
       memcmp (data, "\xef\xbb\xbf", 3) == 0 && is_blank (data + 3, length - 3)))
    {
      set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("the file is empty"));
      return FALSE;
    }

  if (length > CC_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CC_IMPORT_MAX_SIZE);

      set_error (error, CC_IMPORT_ERROR_TOO_LARGE, name,
                 _("the file is too large (%s; the limit is %s)"), size, limit);
      return FALSE;
    }

  if (looks_binary (data, length))
    {
      set_error (error, CC_IMPORT_ERROR_BINARY, name,
                 _("this looks like a binary file, not text"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      set_error (error, CC_IMPORT_ERROR_INVALID_UTF8, name,
                 _("not valid UTF-8 text (byte 0x%02x at offset %lu); save it as UTF-8 and try again"),
                 (guchar)*end, (gulong)(end - data));
      return FALSE;
    }

  return TRUE;
}

/* Plain text */

/* A first line longer than this is a paragraph, not a headline. */
#define MAX_TITLE_LENGTH 300

/* Returns the start of the first line at or after @p that is not blank. */
static const char *
skip_blank_lines (const char *p,
                  const char *end)
{
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);

      if (eol == NULL)
        eol = end;
      if (!is_blank (p, eol - p))
        break;
      p = eol < end ? eol + 1 : end;
    }

  return p;
}

/* Keeps the text byte for byte apart from the trimming, because claims
 * and the evaluation corpus quote it exactly. */
static CcArticle *
parse_txt (const char  *name,
           const char  *text,
           const char  *meta_title,
           GError     **error)
{
  g_autoptr(CcArticle) article = NULL;
  g_autofree char *first = NULL;
  g_autofree char *body = NULL;
  const char *start;
  const char *end;
  const char *first_end;
  const char *rest;

  end = text + strlen (text);
  start = skip_blank_lines (text, end);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    {
      set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  if (!(first_end = memchr (start, '\n', end - start)))
    first_end = end;
  first = g_strstrip (g_strndup (start, first_end - start));
  rest = skip_blank_lines (first_end, end);

  article = cc_article_new ();

  /* A meta.json title that differs from the first line means the file
   * has no headline: the first line is already the text. */
  if (rest == end ||
      g_utf8_strlen (first, -1) > MAX_TITLE_LENGTH ||
      (meta_title != NULL && strcmp (meta_title, first) != 0))
    {
      body = g_strndup (start, end - start);
    }
  else
    {
      cc_article_set_title (article, first);
      body = g_strndup (rest, end - rest);
    }

  cc_article_set_text (article, body);

  return g_steal_pointer (&article);
}

/* Markdown
 *
 * Not a CommonMark parser: enough to turn an article written in Markdown
 * into one paragraph per line, dropping the markup around the words. */

/* Bounds on how far a bracket or backtick looks for its partner, so a
 * line of 20 MB of "[" stays linear. */
#define MD_MAX_SPAN 2048

typedef struct
{
  const char *str;
  gsize       len;
} Line;

typedef struct
{
  gsize from;
  gsize to;
} Skip;

static gboolean
next_line (const char **pos,
           const char  *end,
           Line        *line)
{
  const char *eol;

  if (*pos >= end)
    return FALSE;

  if (!(eol = memchr (*pos, '\n', end - *pos)))
    eol = end;

  line->str = *pos;
  line->len = eol - *pos;
  *pos = eol < end ? eol + 1 : end;

  return TRUE;
}

static Line
line_lstrip (Line line)
{
  while (line.len > 0 && (line.str[0] == ' ' || line.str[0] == '\t'))
    {
      line.str++;
      line.len--;
    }

  return line;
}

static Line
line_strip (Line line)
{
  line = line_lstrip (line);
  while (line.len > 0 && g_ascii_isspace (line.str[line.len - 1]))
    line.len--;

  return line;
}

/* Removes "> " block quote markers. */
static Line
md_strip_quotes (Line line)
{
  for (;;)
    {
      Line stripped = line_lstrip (line);

      if (stripped.len == 0 || stripped.str[0] != '>')
        return line;

      line.str = stripped.str + 1;
      line.len = stripped.len - 1;
      if (line.len > 0 && line.str[0] == ' ')
        {
          line.str++;
          line.len--;
        }
    }
}

/* Returns the fence character and length of a ``` or ~~~ line, or 0. */
static guint
md_fence (Line  line,
          char *fence_char)
{
  guint n = 0;

  line = line_lstrip (line);
  if (line.len == 0 || (line.str[0] != '`' && line.str[0] != '~'))
    return 0;

  while (n < line.len && line.str[n] == line.str[0])
    n++;
  if (n < 3)
    return 0;

  *fence_char = line.str[0];

  return n;
}

static gboolean
md_closes_fence (Line  line,
                 char  fence_char,
                 guint fence_len)
{
  char c;
  guint n = md_fence (line, &c);

  return n >= fence_len && c == fence_char && line_strip (line).len == n;
}

/* Returns the level of an ATX heading ("## Title"), or 0. */
static guint
md_heading (Line  line,
            Line *content)
{
  guint level = 0;

  line = line_lstrip (line);
  while (level < line.len && line.str[level] == '#')
    level++;

  if (level == 0 || level > 6 || (level < line.len && line.str[level] != ' ' && line.str[level] != '\t'))
    return 0;

  content->str = line.str + level;
  content->len = line.len - level;
  *content = line_strip (*content);

  /* An optional closing run of hashes. */
  if (content->len > 0 && content->str[content->len - 1] == '#')
    {
      gsize n = content->len;

      while (n > 0 && content->str[n - 1] == '#')
        n--;
      if (n == 0 || content->str[n - 1] == ' ' || content->str[n - 1] == '\t')
        {
          content->len = n;
          *content = line_strip (*content);
        }
    }

  return level;
}

/* "---", "* * *", "___", and "===" (a setext underline). */
static gboolean
md_is_rule (Line line)
{
  guint n = 0;
  char c;

  line = line_strip (line);
  if (line.len == 0)
    return FALSE;

  c = line.str[0];
  if (c != '-' && c != '*' && c != '_' && c != '=')
    return FALSE;

  for (gsize i = 0; i < line.len; i++)
    {
      if (line.str[i] == c)
        n++;
      else if (line.str[i] != ' ' && line.str[i] != '\t')
        return FALSE;
    }

  return n >= 3;
}

static gboolean
md_is_setext_h1 (Line line)
{
  line = line_strip (line);

  return md_is_rule (line) && line.str[0] == '=';
}

/* "[label]: https://…" */
static gboolean
md_is_link_definition (Line line)
{
  const char *close;

  line = line_lstrip (line);
  if (line.len < 4 || line.str[0] != '[')
    return FALSE;

  close = memchr (line.str, ']', line.len);

  return close != NULL && close + 1 < line.str + line.len && close[1] == ':';
}

/* Returns the text of a list item ("- x", "* x", "+ x", "1. x", "2) x"). */
static gboolean
md_list_item (Line  line,
              Line *content)
{
  gsize i = 0;

  line = line_lstrip (line);

  if (line.len >= 2 && (line.str[0] == '-' || line.str[0] == '*' || line.str[0] == '+'))
    i = 1;
  else
    {
      while (i < line.len && i < 9 && g_ascii_isdigit (line.str[i]))
        i++;
      if (i == 0 || i >= line.len || (line.str[i] != '.' && line.str[i] != ')'))
        return FALSE;
      i++;
    }

  if (i >= line.len || (line.str[i] != ' ' && line.str[i] != '\t'))
    return FALSE;

  content->str = line.str + i;
  content->len = line.len - i;
  *content = line_strip (*content);

  return TRUE;
}

/* Returns the index of the bracket closing the one at @open, or -1. */
static gssize
md_match (const char *str,
          gsize       len,
          gsize       open,
          char        open_char,
          char        close_char)
{
  guint depth = 0;

  for (gsize i = open; i < len && i - open < MD_MAX_SPAN; i++)
    {
      if (str[i] == '\\')
        i++;
      else if (str[i] == open_char)
        depth++;
      else if (str[i] == close_char && --depth == 0)
        return i;
    }

  return -1;
}

/* Where the "](url)" or "][ref]" after a link text ends, or -1; @close
 * receives the index of the "]". */
static gssize
md_link_target_end (const char *str,
                    gsize       len,
                    gsize       open,
                    gssize     *close)
{
  gssize target;

  *close = md_match (str, len, open, '[', ']');
  if (*close < 0 || (gsize)*close + 1 >= len)
    return -1;

  if (str[*close + 1] == '(')
    target = md_match (str, len, *close + 1, '(', ')');
  else if (str[*close + 1] == '[')
    target = md_match (str, len, *close + 1, '[', ']');
  else
    return -1;

  return target < 0 ? -1 : target + 1;
}

static gboolean
has_prefix_len (const char *str,
                gsize       len,
                const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  return len >= prefix_len && memcmp (str, prefix, prefix_len) == 0;
}

static gboolean
md_is_delimiter_side (char c)
{
  return g_ascii_isspace (c) || g_ascii_ispunct (c);
}

/* Strips inline markup from one paragraph: emphasis, code spans, links
 * (keeping their text), images, autolinks and backslash escapes. */
static char *
md_inline (const char *str,
           gsize       len)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  g_autoptr(GArray) skips = g_array_new (FALSE, FALSE, sizeof (Skip));
  gsize i = 0;

  while (i < len)
    {
      char c = str[i];
      gssize close = -1;
      gssize target = -1;

      /* The "](url)" of a link whose text has just been copied. */
      if (skips->len > 0 && i >= g_array_index (skips, Skip, skips->len - 1).from)
        {
          i = MAX (i, g_array_index (skips, Skip, skips->len - 1).to);
          g_array_set_size (skips, skips->len - 1);
          continue;
        }

      if (c == '\\' && i + 1 < len && g_ascii_ispunct (str[i + 1]))
        {
          g_string_append_c (out, str[i + 1]);
          i += 2;
        }
      else if (c == '`')
        {
          gsize n = 0;
          gsize j;

          while (i + n < len && str[i + n] == '`')
            n++;

          for (j = i + n; j < len && j - i < MD_MAX_SPAN; j++)
            {
              gsize m = 0;

              while (j + m < len && str[j + m] == '`')
                m++;
              if (m == n)
                break;
              j += m;
            }

          if (j < len && j - i < MD_MAX_SPAN)
            {
              g_string_append_len (out, str + i + n, j - i - n);
              i = j + n;
            }
          else
            {
              g_string_append_len (out, str + i, n);
              i += n;
            }
        }
      else if (c == '!' && i + 1 < len && str[i + 1] == '[' &&
               (target = md_link_target_end (str, len, i + 1, &close)) > 0)
        {
          i = target;
        }
      else if (c == '[' && (target = md_link_target_end (str, len, i, &close)) > 0)
        {
          Skip skip;

          skip.from = close;
          skip.to = target;

          /* Links nest inside their parent's text, never across it. */
          if (skips->len == 0 || skip.to <= g_array_index (skips, Skip, skips->len - 1).from)
            g_array_append_val (skips, skip);
          else
            g_string_append_c (out, c);
          i++;
        }
      else if (c == '<' &&
               (has_prefix_len (str + i, len - i, "<http://") ||
                has_prefix_len (str + i, len - i, "<https://") ||
                has_prefix_len (str + i, len - i, "<mailto:")))
        {
          gsize j = i + 1;

          while (j < len && j - i < MD_MAX_SPAN && str[j] != '>' && !g_ascii_isspace (str[j]))
            j++;

          if (j < len && str[j] == '>')
            {
              g_string_append_len (out, str + i + 1, j - i - 1);
              i = j + 1;
            }
          else
            {
              g_string_append_c (out, c);
              i++;
            }
        }
      else if (c == '*' || c == '_')
        {
          gsize n = 0;
          char before = i > 0 ? str[i - 1] : ' ';
          char after;

          while (i + n < len && str[i + n] == c)
            n++;
          after = i + n < len ? str[i + n] : ' ';

          /* A run opens or closes emphasis when it touches a word on one
           * side only; "snake_case" and "2 * 3" keep theirs. */
          if (!((!g_ascii_isspace (after) && md_is_delimiter_side (before)) ||
                (!g_ascii_isspace (before) && md_is_delimiter_side (after))))
            g_string_append_len (out, str + i, n);
          i += n;
        }
      else
        {
          g_string_append_c (out, c);
          i++;
        }
    }

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static void
append_line (GString    *out,
             const char *line)
{
  if (*line == '\0')
    return;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

static void
md_flush (GString *paragraph,
          GString *out)
{
  g_autofree char *line = NULL;

  if (paragraph->len == 0)
    return;

  line = md_inline (paragraph->str, paragraph->len);
  append_line (out, line);
  g_string_truncate (paragraph, 0);
}

/* Finds the title line: the first "# " heading (or "Title\n==="), else the
 * first line. Returns its text, and in @skip_a/@skip_b the lines to leave
 * out of the body (-1 for none). */
static char *
md_find_title (const char *text,
               const char *end,
               gssize     *skip_a,
               gssize     *skip_b)
{
  const char *pos = text;
  gboolean prev_starts_paragraph = FALSE;
  gboolean prev_blank = TRUE;
  gboolean in_fence = FALSE;
  gssize first = -1;
  Line first_line = { NULL, 0 };
  Line prev = { NULL, 0 };
  guint fence_len = 0;
  char fence_char = 0;
  Line line;

  *skip_a = *skip_b = -1;

  for (gssize i = 0; next_line (&pos, end, &line); i++)
    {
      Line content = md_strip_quotes (line);
      Line heading;

      if (in_fence)
        {
          in_fence = !md_closes_fence (content, fence_char, fence_len);
          prev_blank = TRUE;
          prev_starts_paragraph = FALSE;
          continue;
        }

      if (line_strip (content).len == 0)
        {
          prev_blank = TRUE;
          prev_starts_paragraph = FALSE;
          continue;
        }

      if ((fence_len = md_fence (content, &fence_char)) > 0)
        {
          in_fence = TRUE;
          continue;
        }

      if (md_heading (content, &heading) == 1 && heading.len > 0)
        {
          *skip_a = i;
          return md_inline (heading.str, heading.len);
        }

      if (prev_starts_paragraph && md_is_setext_h1 (content))
        {
          *skip_a = i - 1;
          *skip_b = i;
          return md_inline (prev.str, prev.len);
        }

      if (first < 0 && !md_is_rule (content) && !md_is_link_definition (content))
        {
          first = i;
          first_line = content;
        }

      prev_starts_paragraph = prev_blank;
      prev_blank = FALSE;
      prev = line_strip (content);
    }

  if (first >= 0)
    {
      Line content = first_line;
      g_autofree char *title = NULL;

      if (!md_heading (first_line, &content))
        md_list_item (first_line, &content);
      content = line_strip (content);

      title = md_inline (content.str, content.len);
      if (*title != '\0' && g_utf8_strlen (title, -1) <= MAX_TITLE_LENGTH)
        {
          *skip_a = first;
          return g_steal_pointer (&title);
        }
    }

  return NULL;
}

static CcArticle *
parse_markdown (const char  *name,
                const char  *text,
                GError     **error)
{
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *end = text + strlen (text);
  const char *pos = text;
  gboolean in_fence = FALSE;
  gssize skip_a, skip_b;
  guint fence_len = 0;
  char fence_char = 0;
  Line line;

  title = md_find_title (text, end, &skip_a, &skip_b);

  for (gssize i = 0; next_line (&pos, end, &line); i++)
    {
      Line content = md_strip_quotes (line);
      Line part;

      if (in_fence)
        {
          /* Code stays as written, one line each. */
          if (md_closes_fence (content, fence_char, fence_len))
            in_fence = FALSE;
          else if (line_strip (content).len > 0)
            {
              g_autofree char *code = NULL;

              while (content.len > 0 && g_ascii_isspace (content.str[content.len - 1]))
                content.len--;
              code = g_strndup (content.str, content.len);
              append_line (out, code);
            }
          continue;
        }

      if (i == skip_a || i == skip_b || line_strip (content).len == 0)
        {
          md_flush (paragraph, out);
        }
      else if ((fence_len = md_fence (content, &fence_char)) > 0)
        {
          md_flush (paragraph, out);
          in_fence = TRUE;
        }
      else if (md_heading (content, &part) > 0)
        {
          md_flush (paragraph, out);
          g_string_append_len (paragraph, part.str, part.len);
          md_flush (paragraph, out);
        }
      else if (md_is_rule (content) || md_is_link_definition (content))
        {
          /* A rule, or the underline of a setext heading, ends the paragraph. */
          md_flush (paragraph, out);
        }
      else if (md_list_item (content, &part))
        {
          md_flush (paragraph, out);
          g_string_append_len (paragraph, part.str, part.len);
        }
      else
        {
          part = line_strip (content);
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append_len (paragraph, part.str, part.len);
        }
    }

  md_flush (paragraph, out);

  if (out->len == 0)
    {
      set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  article = cc_article_new ();
  if (title != NULL && *title != '\0')
    cc_article_set_title (article, title);
  cc_article_set_text (article, out->str);

  return g_steal_pointer (&article);
}

/* HTML
 *
 * libxml2 parses with recovery and without network access; the tree is then
 * walked without recursion, since a hostile page can nest arbitrarily. */

static const char * const html_skipped[] = {
  "aside", "button", "canvas", "footer", "form", "header", "iframe", "nav",
  "noscript", "object", "script", "select", "style", "svg", "template",
  "textarea", NULL
};

static const char * const html_blocks[] = {
  "address", "article", "blockquote", "body", "caption", "dd", "details",
  "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
  "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
  "td", "th", "tr", "ul", NULL
};

typedef struct
{
  GString   *line;
  GPtrArray *lines;
  gboolean   pending_space;
} TextSink;

static gboolean
html_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static gboolean
html_is_any (xmlNode           *node,
             const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (html_is (node, names[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
html_get_attribute (xmlNode    *node,
                    const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *)value);
  xmlFree (value);

  return copy;
}

/* Appends @text, collapsing runs of white space (NBSP included) into one
 * space and dropping any bytes that are not UTF-8. */
static void
sink_append (TextSink   *sink,
             const char *text)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p++;
          continue;
        }

      if (g_unichar_isspace (c) || c == 0xA0)
        sink->pending_space = TRUE;
      else
        {
          if (sink->pending_space && sink->line->len > 0)
            g_string_append_c (sink->line, ' ');
          sink->pending_space = FALSE;
          g_string_append_unichar (sink->line, c);
        }

      p = g_utf8_next_char (p);
    }
}

static void
sink_flush (TextSink *sink)
{
  if (sink->line->len > 0)
    g_ptr_array_add (sink->lines, g_strdup (sink->line->str));

  g_string_truncate (sink->line, 0);
  sink->pending_space = FALSE;
}

static char *
collapse_whitespace (const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  TextSink sink = { line, NULL, FALSE };

  sink_append (&sink, text);
  if (line->len == 0)
    return NULL;

  return g_strdup (line->str);
}

static void
html_collect_text (xmlNode  *top,
                   TextSink *sink)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (html_is_any (node, html_skipped) || xmlHasProp (node, (const xmlChar *)"hidden"))
            ;
          else if (html_is (node, "br"))
            sink_flush (sink);
          else
            {
              if (html_is_any (node, html_blocks))
                sink_flush (sink);
              descend = TRUE;
            }
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          sink_append (sink, (const char *)node->content);
        }

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      /* Leave this node, and every ancestor it was the last child of. */
      while (node != top)
        {
          if (html_is_any (node, html_blocks))
            sink_flush (sink);

          if (node->next != NULL)
            {
              node = node->next;
              break;
            }

          node = node->parent;
        }

      if (node == top)
        break;
    }

  sink_flush (sink);
}

typedef struct
{
  char    *title;
  char    *og_title;
  char    *site_name;
  char    *published_time;
  char    *og_url;
  char    *canonical;
  char    *language;
  xmlNode *article;
  xmlNode *main;
  xmlNode *body;
} HtmlHead;

static void
html_head_clear (HtmlHead *head)
{
  g_free (head->title);
  g_free (head->og_title);
  g_free (head->site_name);
  g_free (head->published_time);
  g_free (head->og_url);
  g_free (head->canonical);
  g_free (head->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HtmlHead, html_head_clear)

static void
html_take_meta (xmlNode  *node,
                HtmlHead *head)
{
  g_autofree char *property = html_get_attribute (node, "property");
  g_autofree char *content = NULL;
  char **slot = NULL;

  if (property == NULL)
    property = html_get_attribute (node, "name");
  if (property == NULL)
    return;

  if (g_ascii_strcasecmp (property, "og:title") == 0)
    slot = &head->og_title;
  else if (g_ascii_strcasecmp (property, "og:site_name") == 0)
    slot = &head->site_name;
  else if (g_ascii_strcasecmp (property, "article:published_time") == 0)
    slot = &head->published_time;
  else if (g_ascii_strcasecmp (property, "og:url") == 0)
    slot = &head->og_url;

  if (slot == NULL || *slot != NULL)
    return;

  content = html_get_attribute (node, "content");
  *slot = collapse_whitespace (content);
}

static gboolean
html_is_canonical (xmlNode *node)
{
  g_autofree char *rel = html_get_attribute (node, "rel");
  g_auto(GStrv) tokens = NULL;

  if (rel == NULL)
    return FALSE;

  tokens = g_strsplit_set (rel, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (tokens[i], "canonical") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
html_scan (xmlNode  *root,
           HtmlHead *head)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          if (html_is (node, "html") && head->language == NULL)
            {
              g_autofree char *lang = html_get_attribute (node, "lang");

              head->language = collapse_whitespace (lang);
            }
          else if (html_is (node, "title") && head->title == NULL)
            {
              xmlChar *content = xmlNodeGetContent (node);

              head->title = collapse_whitespace ((const char *)content);
              xmlFree (content);
            }
          else if (html_is (node, "meta"))
            html_take_meta (node, head);
          else if (html_is (node, "link") && head->canonical == NULL && html_is_canonical (node))
            {
              g_autofree char *href = html_get_attribute (node, "href");

              head->canonical = collapse_whitespace (href);
            }
          else if (html_is (node, "article") && head->article == NULL)
            head->article = node;
          else if (html_is (node, "main") && head->main == NULL)
            head->main = node;
          else if (html_is (node, "body") && head->body == NULL)
            head->body = node;
        }

      /* An <article> inside <aside> or <nav> is a teaser, not the story. */
      if (node->type == XML_ELEMENT_NODE && node->children != NULL &&
          !html_is_any (node, html_skipped))
        {
          node = node->children;
          continue;
        }

      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }
}

static CcArticle *
parse_html (const char  *name,
            const char  *text,
            gsize        length,
            GPtrArray   *warnings,
            GError     **error)
{
  g_autoptr(CcArticle) article = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_auto(HtmlHead) head = { NULL };
  TextSink sink = { line, lines, FALSE };
  const char *title;
  xmlNode *root;
  xmlNode *top;
  htmlDocPtr doc;

  doc = htmlReadMemory (text, (int)length, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
  if (doc == NULL || !(root = xmlDocGetRootElement (doc)))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      set_error (error, CC_IMPORT_ERROR_MALFORMED, name, _("could not be read as HTML"));
      return NULL;
    }

  html_scan (root, &head);

  if (head.article != NULL)
    top = head.article;
  else if (head.main != NULL)
    top = head.main;
  else if (head.body != NULL)
    top = head.body;
  else
    top = root;

  html_collect_text (top, &sink);
  xmlFreeDoc (doc);

  title = head.og_title != NULL ? head.og_title : head.title;

  /* The page's own headline usually opens the article text. */
  if (title != NULL && lines->len > 0 && strcmp (g_ptr_array_index (lines, 0), title) == 0)
    g_ptr_array_remove_index (lines, 0);

  if (lines->len == 0)
    {
      set_error (error, CC_IMPORT_ERROR_EMPTY, name, _("no article text found"));
      return NULL;
    }

  g_ptr_array_add (lines, NULL);
  body = g_strjoinv ("\n", (char **)lines->pdata);

  article = cc_article_new ();
  cc_article_set_title (article, title);
  cc_article_set_outlet (article, head.site_name);
  cc_article_set_url (article, head.og_url != NULL ? head.og_url : head.canonical);
  cc_article_set_language (article, head.language);
  cc_article_set_text (article, body);

  if (head.published_time != NULL)
    {
      g_autofree char *date = g_utf8_make_valid (head.published_time,
                                                 MIN (strlen (head.published_time), 10));

      if (cc_date_is_valid (date))
        cc_article_set_published (article, date);
      else
        {
          g_autofree char *base = g_path_get_basename (name);

          add_warning (warnings, _("%s: published time “%s” is not a date; left empty"),
                       base, head.published_time);
        }
    }

  return g_steal_pointer (&article);
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

static gboolean
collect_folder (const char *folder,
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
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
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

  for (guint i = 1; i < infos->len; i++)
    {
      /* Insertion sort by name: folders are short and this keeps it stable. */
      for (guint j = i; j > 0; j--)
        {
          GFileInfo *a = g_ptr_array_index (infos, j - 1);
          GFileInfo *b = g_ptr_array_index (infos, j);

          if (strcmp (g_file_info_get_name (a), g_file_info_get_name (b)) <= 0)
            break;

          infos->pdata[j - 1] = b;
          infos->pdata[j] = a;
        }
    }

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *child = g_ptr_array_index (infos, i);
      const char *child_name = g_file_info_get_name (child);
      g_autofree char *path = NULL;

      if (child_name[0] == '.' || g_file_info_get_is_hidden (child))
        continue;

      path = g_build_filename (folder, child_name, NULL);

      if (g_file_info_get_file_type (child) == G_FILE_TYPE_DIRECTORY)
        ret &= collect_folder (path, depth + 1, visited, files, errors);
      else if (g_file_info_get_file_type (child) == G_FILE_TYPE_REGULAR &&
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

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          ret &= collect_folder (path, 0, visited, files, errors);
        }
      else if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_ptr_array_add (errors,
                           g_error_new (CC_IMPORT_ERROR, CC_IMPORT_ERROR_IO,
                                        _("%s: no such file or folder"), path));
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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  Format format;
  gsize length;

  g_return_val_if_fail (CC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_error (error, CC_IMPORT_ERROR_IO, path, _("no such file"));
      else
        set_error (error, CC_IMPORT_ERROR_IO, path,
                   _("the file cannot be read: %s"), local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      set_error (error, CC_IMPORT_ERROR_IO, path, _("this is a folder, not a file"));
      return NULL;
    }

  /* Reading a FIFO or a device could block forever. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_error (error, CC_IMPORT_ERROR_IO, path, _("not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) == 0)
    {
      set_error (error, CC_IMPORT_ERROR_EMPTY, path, _("the file is empty"));
      return NULL;
    }

  if (g_file_info_get_size (info) > CC_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (CC_IMPORT_MAX_SIZE);

      set_error (error, CC_IMPORT_ERROR_TOO_LARGE, path,
                 _("the file is too large (%s; the limit is %s)"), size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      set_error (error, CC_IMPORT_ERROR_IO, path,
                 _("the file cannot be read: %s"), local_error->message);
      return NULL;
    }

  format = format_from_name (path);
  if (format != FORMAT_NONE && format != FORMAT_JSON)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      meta_ensure_folder (self, folder, warnings);
    }

  return cc_importer_load_data (self, path, contents, length, warnings, error);
}

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
  g_autoptr(MetaEntry) meta = NULL;
  g_autofree char *text = NULL;
  Format format;
  gsize text_length;

  g_return_val_if_fail (CC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_data (name, data, length, error))
    return NULL;

  if ((format = format_from_name (name)) == FORMAT_NONE)
    {
      set_unsupported_error (error, name);
      return NULL;
    }

  text = normalize_text (data, length, &text_length);

  if (format == FORMAT_JSON)
    return load_export (name, text, text_length, error);

  meta = meta_lookup (self, name);

  switch (format)
    {
    case FORMAT_TXT:
      article = parse_txt (name, text, meta != NULL ? meta->title : NULL, error);
      break;

    case FORMAT_MARKDOWN:
      article = parse_markdown (name, text, error);
      break;

    case FORMAT_HTML:
      article = parse_html (name, text, text_length, warnings, error);
      break;

    case FORMAT_JSON:
    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (article == NULL)
    return NULL;

  if (meta != NULL)
    meta_apply (article, meta, name, warnings);

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

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (articles, g_steal_pointer (&article));

  return g_steal_pointer (&articles);
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
