/* cc-application-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-application.h"
#include "cc-window.h"

G_BEGIN_DECLS

struct _CcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *library_path;
  CcStore        *store;
  CcLibrary      *library;
  /* Re-extraction of claims made by an older extractor, at start-up. */
  GCancellable   *refresh;

  /* Why the library could not be opened; shown instead of a window. */
  GError         *startup_error;
  /* What the check of the library found wrong, until a window shows it. */
  GError         *damage;

  /* Following the file as other processes (the command line) change it. */
  gint64          data_version;
  guint           follow_id;
};

CcWindow *_cc_application_get_main_window  (CcApplication *self);
void      _cc_application_actions_init     (CcApplication *self);
void      _cc_application_actions_track    (CcApplication *self,
                                            CcWindow      *window);

G_END_DECLS
