/* cc-palette.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One palette for every view that colours claims by claimant country
 * (the chart, the compare view, the exports), so a country keeps its
 * colour wherever the user meets it. The tones are mid-lightness
 * (close to the GNOME palette's "3" shades) so they read both as a
 * fill on a light background and as a highlight under white text on a
 * dark one. */

#define G_LOG_DOMAIN "cc-palette"

#include "config.h"

#include <string.h>

#include "cc-palette.h"

#define NEUTRAL_COLOR "#77767b"

typedef struct
{
  const char *name;
  const char *color;
} Entry;

static const Entry known[] = {
  { "Ukraine",        "#3584e4" },
  { "South Korea",    "#26a269" },
  { "United States",  "#9141ac" },
  { "NATO",           "#2190a4" },
  { "Russia",         "#e01b24" },
  { "North Korea",    "#c64600" },
  { "Europe",         "#c88800" },
  { "United Kingdom", "#c061cb" },
  /* Common short forms of the above, as a claimant field may hold them. */
  { "US",             "#9141ac" },
  { "USA",            "#9141ac" },
  { "UK",             "#c061cb" },
  { "EU",             "#c88800" },
  { "European Union", "#c88800" },
};

/* Other names draw from tones distinct from the fixed ones above. */
static const char *hashed[] = {
  "#865e3c", "#1a5fb4", "#2ec27e", "#a51d2d", "#613583", "#0b8a8a",
  "#986a44", "#e66100", "#5e5c64", "#3d9a3d", "#b5488a", "#4a6fa5",
};

const char *
cc_palette_neutral_color (void)
{
  return NEUTRAL_COLOR;
}

const char *
cc_palette_country_color (const char *country)
{
  g_autofree char *folded = NULL;

  if (country == NULL || *country == '\0')
    return NEUTRAL_COLOR;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (country, known[i].name) == 0)
      return known[i].color;

  if (g_ascii_strcasecmp (country, "other") == 0
      || g_ascii_strcasecmp (country, "unknown") == 0)
    return NEUTRAL_COLOR;

  /* Fold case so "poland" and "Poland" share a colour; g_str_hash is
   * a fixed function (djb2), so the colour is stable across runs. */
  folded = g_utf8_casefold (country, -1);
  return hashed[g_str_hash (folded) % G_N_ELEMENTS (hashed)];
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

void
cc_palette_parse (const char *hex,
                  double      rgb[3])
{
  gsize len;

  g_return_if_fail (rgb != NULL);

  rgb[0] = rgb[1] = rgb[2] = 0.0;
  if (hex == NULL || hex[0] != '#')
    return;
  hex++;
  len = strlen (hex);
  for (gsize i = 0; i < len; i++)
    if (hex_digit (hex[i]) < 0)
      return;

  if (len == 6)
    {
      for (guint i = 0; i < 3; i++)
        rgb[i] = (hex_digit (hex[2 * i]) * 16 + hex_digit (hex[2 * i + 1])) / 255.0;
    }
  else if (len == 3)
    {
      for (guint i = 0; i < 3; i++)
        rgb[i] = hex_digit (hex[i]) * 17 / 255.0;
    }
}
