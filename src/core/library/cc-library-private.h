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
  /* Flattened claims (cc-library-claims.c): each article's unrejected
   * claims form one run, the runs in the order of the articles; filled
   * on first use. While filled, each article's position, its run's
   * length and a Fenwick tree of the lengths. */
  GListStore  *claims;
  gboolean     claims_filled;
  guint        claims_reading;
  /* How a fill on a worker's claims goes: articles a step, and the
   * longest a slice of steps keeps the main context busy. */
  guint        fill_step;
  gint64       fill_slice_usec;
  GHashTable  *positions;
  GArray      *runs;
  GArray      *tree;
  /* Stories, oldest first, and by id (cc-library-stories.c). */
  GListStore  *stories;
  GHashTable  *stories_by_id;
};

void _cc_library_append_articles      (CcLibrary    *self,
                                       GPtrArray    *articles);

/* cc-library-claims.c */
void     _cc_library_claims_init      (CcLibrary    *self);
void     _cc_library_claims_dispose   (CcLibrary    *self);
void     _cc_library_claims_append    (CcLibrary    *self,
                                       GPtrArray    *articles);
void     _cc_library_claims_remove    (CcLibrary    *self,
                                       GHashTable   *gone);
void     _cc_library_claims_reindex   (CcLibrary    *self);
void     _cc_library_claims_set_slice (CcLibrary    *self,
                                       guint         n_articles,
                                       gint64        usec);
void     _cc_library_claims_unwatch   (CcLibrary    *self,
                                       CcArticle    *article);

/* cc-library-stories.c */
void     _cc_library_init_stories     (CcLibrary    *self);
void     _cc_library_dispose_stories  (CcLibrary    *self);
gboolean _cc_library_load_stories     (CcLibrary    *self,
                                       GError      **error);
void     _cc_library_append_imported  (CcLibrary    *self,
                                       GPtrArray    *articles);
void     _cc_library_forget_members   (CcLibrary    *self,
                                       const gint64 *article_ids,
                                       guint         n_ids);
void     _cc_library_join_stories     (CcLibrary    *self,
                                       gint64        article_id,
                                       GArray       *story_ids);

G_END_DECLS
