/* cc-subject.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-types.h"

G_BEGIN_DECLS

/* A name fit for a menu or a title for a subject class, the key that
 * cc_subject_class() (cc-claim-match.h) gives: "troops" is "Troops and
 * forces". Translated; a head noun outside every class is shown as the
 * word. */
char *cc_subject_class_label (const char *key);

G_END_DECLS
