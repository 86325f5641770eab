/* cc-utils.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *dest by a copy of src; TRUE when the value changed.
 * (GLib 2.76's g_set_str, which Debian 12 lacks.) */
gboolean cc_set_str        (char       **dest,
                            const char  *src);
/* NULL for NULL or an empty string, else a copy. */
char    *cc_strdup_nonempty (const char *str);
gint64   cc_now_seconds    (void);
/* Folds the endings by which transliterations of one name differ
 * ("-yy", "-iy", "-ii", "-ij" become "-y": Zelenskyy, Zelenskiy, Zelensky)
 * in a lower-case word, in place. */
void     cc_fold_name_ending (char     *word);
/* A count of people or things as people read it: "12,000" with the
 * locale's thousands separator, a comma where the locale has none (the C
 * locale). Rounded to a whole number. */
char    *cc_format_count       (double      value);
/* Two counts as a range, "1,000–3,000", or one count when they are
 * equal. */
char    *cc_format_count_range (double      low,
                                double      high);
/* The user's real name, or NULL when the system knows none (GLib's
 * "Unknown", or only the login name, as "root"). */
const char *cc_get_real_name (void);

G_END_DECLS
