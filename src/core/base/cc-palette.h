/* cc-palette.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The colour of a claimant country (or body), "#rrggbb". Known names
 * get fixed colours, NULL or "" the neutral grey, any other name a
 * stable colour derived from its name. Never NULL. */
const char *cc_palette_country_color (const char *country);
/* The neutral grey used for claims without a country. */
const char *cc_palette_neutral_color (void);
/* Parses "#rrggbb" (or "#rgb") into components in 0..1; black on
 * malformed input. */
void        cc_palette_parse         (const char *hex,
                                      double      rgb[3]);

G_END_DECLS
