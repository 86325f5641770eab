/* cc-importer-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files of CcImporter share: the instance struct, the error and
 * warning helpers, and one entry point per format. */

#pragma once

#include <json-glib/json-glib.h>

#include "cc-importer.h"

G_BEGIN_DECLS

struct _CcImporter
{
  GObject     parent_instance;

  /* Folder path → GHashTable of file name → CcMetaEntry. A folder without a
   * usable meta.json maps to an empty table, so it is read only once. */
  GMutex      meta_lock;
  GHashTable *meta_cache;
};

/* One article's entry in its folder's meta.json. */
typedef struct
{
  char *title;
  char *outlet;
  char *published;
  char *url;
} CcMetaEntry;

/* cc-importer.c */
void         _cc_importer_set_error          (GError          **error,
                                              int               code,
                                              const char       *name,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (4, 5);
void         _cc_importer_add_warning        (GPtrArray        *warnings,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (2, 3);
gboolean     _cc_importer_is_blank           (const char       *data,
                                              gsize             length);

/* cc-importer-meta.c */
void         _cc_importer_meta_entry_free    (gpointer          data);
void         _cc_importer_meta_ensure_folder (CcImporter       *self,
                                              const char       *folder,
                                              GPtrArray        *warnings);
CcMetaEntry *_cc_importer_meta_lookup        (CcImporter       *self,
                                              const char       *name);
void         _cc_importer_meta_apply         (CcArticle        *article,
                                              const CcMetaEntry *entry,
                                              const char       *name,
                                              GPtrArray        *warnings);

/* cc-importer-text.c */
CcArticle   *_cc_importer_parse_text         (const char       *name,
                                              const char       *text,
                                              const char       *meta_title,
                                              GError          **error);
CcArticle   *_cc_importer_parse_markdown     (const char       *name,
                                              const char       *text,
                                              GError          **error);

/* cc-importer-html.c */
CcArticle   *_cc_importer_parse_html         (const char       *name,
                                              const char       *text,
                                              gsize             length,
                                              GPtrArray        *warnings,
                                              GError          **error);

/* cc-importer-pdf.c */
gboolean     _cc_importer_is_pdf             (const char       *data,
                                              gsize             length);
GPtrArray   *_cc_importer_parse_pdf          (const char       *name,
                                              const char       *data,
                                              gsize             length,
                                              GError          **error);

/* cc-importer-json.c */
JsonNode    *_cc_importer_read_json          (const char       *data,
                                              gsize             length,
                                              GError          **error);
GPtrArray   *_cc_importer_parse_json         (const char       *name,
                                              const char       *data,
                                              gsize             length,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcMetaEntry, _cc_importer_meta_entry_free)

G_END_DECLS
