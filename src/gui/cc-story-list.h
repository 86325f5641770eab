/* cc-story-list.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_STORY_LIST (cc_story_list_get_type ())

G_DECLARE_FINAL_TYPE (CcStoryList, cc_story_list, CC, STORY_LIST, GtkWidget)

GtkWidget *cc_story_list_new         (void);
CcLibrary *cc_story_list_get_library (CcStoryList *self);
void       cc_story_list_set_library (CcStoryList *self,
                                      CcLibrary   *library);
CcStory   *cc_story_list_get_story   (CcStoryList *self);
void       cc_story_list_set_story   (CcStoryList *self,
                                      CcStory     *story);

G_END_DECLS
