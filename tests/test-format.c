/* test-format.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* cc_format_count(), which every view and exporter shows counts with:
 * digits grouped in threes with the locale's separator, a comma in the C
 * locale, whole numbers, and a cluster's value read the same way. */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "cc-utils.h"

typedef struct
{
  double      value;
  const char *text;
} Case;

static void
check (double      value,
       const char *expected)
{
  g_autofree char *text = cc_format_count (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_count_c (void)
{
  static const Case cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 12000, "12,000" },
    { 100000, "100,000" },
    { 1280000, "1,280,000" },
    { 1499.6, "1,500" },
    { -2500, "-2,500" },
    { -0.2, "0" },
  };

  /* The C locale groups no digits: the helper does all the same. */
  g_assert_cmpstr (localeconv ()->thousands_sep, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check (cases[i].value, cases[i].text);
  check (NAN, "?");
}

static void
test_range (void)
{
  g_autofree char *range = cc_format_count_range (1000, 3000);
  g_autofree char *single = cc_format_count_range (10000, 10000);
  g_autofree char *reversed = cc_format_count_range (5000, 10);

  g_assert_cmpstr (range, ==, "1,000\u20133,000");
  g_assert_cmpstr (single, ==, "10,000");
  g_assert_cmpstr (reversed, ==, "5,000");
}

/* A locale grouping with a point, where one is installed. */
static void
test_count_locale (void)
{
  static const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "it_IT.UTF-8", "es_ES.UTF-8", NULL };
  const char *found = NULL;

  for (guint i = 0; locales[i] != NULL && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      g_test_skip ("No locale grouping digits with a point is installed");
      setlocale (LC_NUMERIC, "C.UTF-8");
      return;
    }

  check (1280000, "1.280.000");
  setlocale (LC_NUMERIC, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count-c", test_count_c);
  g_test_add_func ("/format/range", test_range);
  g_test_add_func ("/format/count-locale", test_count_locale);

  return g_test_run ();
}
