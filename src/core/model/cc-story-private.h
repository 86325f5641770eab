/* cc-story-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-story.h"

G_BEGIN_DECLS

/* Members change only through CcLibrary (stored stories) and the store
 * (stories it loads): each call emits ::members-changed once. */
void _cc_story_add_members    (CcStory      *self,
                               const gint64 *article_ids,
                               guint         n_ids);
void _cc_story_remove_members (CcStory      *self,
                               const gint64 *article_ids,
                               guint         n_ids);

G_END_DECLS
