/* fuzz-extractor.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for cc_extractor_extract(). The input is the article
 * text; every claim found must lie inside it, in order, with the quantity
 * as written at its offsets and a sane value. */

#define G_LOG_DOMAIN "fuzz-extractor"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cc-claim.h"
#include "cc-extractor.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static CcExtractor *extractor;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  glong n_chars;
  guint previous_end = 0;

  if (extractor == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      extractor = cc_extractor_get_default ();
    }

  text = g_strndup ((const char *)data, size);
  /* Invalid UTF-8 gives no claims; valid text is what matters. */
  claims = cc_extractor_extract (extractor, text, "2024-10-18");
  if (!g_utf8_validate (text, -1, NULL))
    {
      if (claims->len != 0)
        g_error ("claims found in invalid UTF-8");
      return 0;
    }

  n_chars = g_utf8_strlen (text, -1);
  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (claims, i);
      guint start = cc_claim_get_start (claim);
      guint end = cc_claim_get_end (claim);
      const char *p, *q;

      if (start >= end || end > (guint)n_chars || start < previous_end)
        g_error ("claim %u has offsets %u–%u in a text of %ld characters", i, start, end, n_chars);
      p = g_utf8_offset_to_pointer (text, start);
      q = g_utf8_offset_to_pointer (text, end);
      if ((gsize)(q - p) != strlen (cc_claim_get_text (claim)) ||
          strncmp (p, cc_claim_get_text (claim), q - p) != 0)
        g_error ("claim %u is not written at its offsets", i);
      if (!(cc_claim_get_low (claim) <= cc_claim_get_high (claim)))
        g_error ("claim %u has low above high", i);
      previous_end = end;
    }

  return 0;
}
