/* cc-cli.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define CC_CLI_EXIT_OK       0
#define CC_CLI_EXIT_REFUSED  1
#define CC_CLI_EXIT_USAGE    2

gboolean cc_cli_wants (int    argc,
                       char **argv);
int      cc_cli_run   (int    argc,
                       char **argv);

G_END_DECLS
