/* cc-library-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-library.h"

G_BEGIN_DECLS

struct _CcLibrary
{
  GObject      parent_instance;

  CcStore     *store;
  GPtrArray   *articles;
  GHashTable  *by_id;
  /* Flattened claims: each article's unrejected claims form one run, the
   * runs in the order of the articles. */
  GListStore  *claims;
  GHashTable  *run_length;
};

void _cc_library_append_articles (CcLibrary *self,
                                  GPtrArray *articles);

G_END_DECLS
