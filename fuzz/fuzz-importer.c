/* fuzz-importer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for cc_importer_load_data(), built once per format:
 * FUZZ_FILE_NAME (set by fuzz/meson.build) names the file, and so its
 * format. Build with -Dfuzz=true (clang), then run
 *   ./fuzz-importer-html -max_len=65536 CORPUS_DIR fuzz/corpus
 * Crashes, leaks (under ASan) and GLib criticals all count as findings, and
 * so does any article that does not survive an export and re-import. */

#define G_LOG_DOMAIN "fuzz-importer"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cc-importer.h"
#include "cc-json-export.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static CcImporter *importer;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length;

  /* One importer for the whole run, as the application keeps one. */
  if (importer == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      importer = cc_importer_new ();
    }

  warnings = g_ptr_array_new_with_free_func (g_free);
  articles = cc_importer_load_data (importer, FUZZ_FILE_NAME, (const char *)data, size,
                                    warnings, &error);

  /* Exactly one of a result and an error, always in our domain. */
  if ((articles == NULL) == (error == NULL) ||
      (error != NULL && error->domain != CC_IMPORT_ERROR))
    g_error ("inconsistent result from cc_importer_load_data()");

  if (articles == NULL)
    return 0;

  first = cc_json_export_articles (articles, &first_length);
  again = cc_importer_load_data (importer, "again.json", first, first_length, NULL, &error);
  if (again == NULL)
    g_error ("an export does not import: %s", error->message);

  second = cc_json_export_articles (again, NULL);
  if (strcmp (first, second) != 0)
    g_error ("export, import and export again changed the document");

  return 0;
}
