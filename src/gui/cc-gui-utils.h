/* cc-gui-utils.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cc_format_date        (const char *published);
char *cc_format_day_month   (const char *published);
char *cc_format_meta        (const char *outlet,
                             const char *published);
char *cc_format_claim_count (guint       n_claims);
void  cc_gui_fix_button_names (void);

G_END_DECLS
