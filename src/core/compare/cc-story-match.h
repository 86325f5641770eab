/* cc-story-match.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A suggestion needs a cosine at least this high between the imported
 * articles and the story, and this many times the next story's; see
 * cc-story-match.c for the measurement behind both. */
#define CC_STORY_MATCH_MIN_SCORE 0.06
#define CC_STORY_MATCH_MIN_RATIO 2.0

typedef struct _CcStoryMatcher CcStoryMatcher;

CcStoryMatcher *cc_story_matcher_new          (void);
void            cc_story_matcher_free         (CcStoryMatcher *self);
void            cc_story_matcher_add_article  (CcStoryMatcher *self,
                                               gint64          story_id,
                                               const char     *title,
                                               const char     *text);
void            cc_story_matcher_add_query    (CcStoryMatcher *self,
                                               const char     *title,
                                               const char     *text);
double          cc_story_matcher_score        (CcStoryMatcher *self,
                                               gint64          story_id);
gint64          cc_story_matcher_suggest      (CcStoryMatcher *self,
                                               double         *best,
                                               double         *second);
char           *cc_story_match_dup_lead       (const char     *title,
                                               const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcStoryMatcher, cc_story_matcher_free)

G_END_DECLS
