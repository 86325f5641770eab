/* cc-application.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_APPLICATION (cc_application_get_type ())

G_DECLARE_FINAL_TYPE (CcApplication, cc_application, CC, APPLICATION, AdwApplication)

CcApplication *cc_application_new            (void);
CcLibrary     *cc_application_get_library    (CcApplication *self);
GSettings     *cc_application_get_settings   (CcApplication *self);
char          *cc_application_dup_sample_dir (CcApplication *self);

G_END_DECLS
