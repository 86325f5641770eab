/* cc-id-set.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CC_TYPE_ID_SET (cc_id_set_get_type ())

typedef struct _CcIdSet CcIdSet;

/* Called for each id of a set, in increasing order for the ids of the
 * dense part; returns TRUE to stop. */
typedef gboolean (*CcIdSetFunc) (gint64   id,
                                 gpointer user_data);

GType     cc_id_set_get_type  (void) G_GNUC_CONST;
CcIdSet  *cc_id_set_new       (void);
CcIdSet  *cc_id_set_ref       (CcIdSet       *self);
void      cc_id_set_unref     (CcIdSet       *self);
void      cc_id_set_add       (CcIdSet       *self,
                               gint64         id);
gboolean  cc_id_set_contains  (const CcIdSet *self,
                               gint64         id);
guint     cc_id_set_get_size  (const CcIdSet *self);
gboolean  cc_id_set_foreach   (const CcIdSet *self,
                               CcIdSetFunc    func,
                               gpointer       user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcIdSet, cc_id_set_unref)

G_END_DECLS
