/* cc-subject.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-types.h"

G_BEGIN_DECLS

/* Reports word one subject many ways ("troops", "soldiers", "North
 * Korean infantry troops"); the views group them by the class of their
 * head noun. A class is a short stable key such as "military", "killed"
 * or "refugees"; a head noun outside every class is its own key. */
char       *cc_subject_classify     (const char    *subject,
                                     CcClaimStatus  status);
/* A name for a class key fit for a menu, translated. */
char       *cc_subject_class_label  (const char    *key);

G_END_DECLS
