/* cc-story.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_STORY (cc_story_get_type ())

G_DECLARE_FINAL_TYPE (CcStory, cc_story, CC, STORY, GObject)

CcStory    *cc_story_new             (const char *title);
gint64      cc_story_get_id          (CcStory    *self);
void        cc_story_set_id          (CcStory    *self,
                                      gint64      id);
const char *cc_story_get_title       (CcStory    *self);
void        cc_story_set_title       (CcStory    *self,
                                      const char *title);
const char *cc_story_get_description (CcStory    *self);
void        cc_story_set_description (CcStory    *self,
                                      const char *description);
/* Seconds since the epoch (UTC). */
gint64      cc_story_get_created     (CcStory    *self);
void        cc_story_set_created     (CcStory    *self,
                                      gint64      created);
guint       cc_story_get_n_articles  (CcStory    *self);
gboolean    cc_story_contains        (CcStory    *self,
                                      gint64      article_id);
GArray     *cc_story_dup_article_ids (CcStory    *self);

G_END_DECLS
