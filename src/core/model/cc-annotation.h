/* cc-annotation.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-types.h"

G_BEGIN_DECLS

#define CC_TYPE_ANNOTATION (cc_annotation_get_type ())

G_DECLARE_FINAL_TYPE (CcAnnotation, cc_annotation, CC, ANNOTATION, GObject)

CcAnnotation *cc_annotation_new            (void);
CcAnnotation *cc_annotation_copy           (CcAnnotation *self);
gint64        cc_annotation_get_id         (CcAnnotation *self);
void          cc_annotation_set_id         (CcAnnotation *self,
                                            gint64        id);
gint64        cc_annotation_get_article_id (CcAnnotation *self);
void          cc_annotation_set_article_id (CcAnnotation *self,
                                            gint64        article_id);
/* Unicode character offsets into the article text, end exclusive. */
guint         cc_annotation_get_start      (CcAnnotation *self);
void          cc_annotation_set_start      (CcAnnotation *self,
                                            guint         start);
guint         cc_annotation_get_end        (CcAnnotation *self);
void          cc_annotation_set_end        (CcAnnotation *self,
                                            guint         end);
/* A colour as "#rrggbb". */
const char   *cc_annotation_get_color      (CcAnnotation *self);
void          cc_annotation_set_color      (CcAnnotation *self,
                                            const char   *color);
const char   *cc_annotation_get_note       (CcAnnotation *self);
void          cc_annotation_set_note       (CcAnnotation *self,
                                            const char   *note);
/* Comma-separated tags, or NULL. */
const char   *cc_annotation_get_tags       (CcAnnotation *self);
void          cc_annotation_set_tags       (CcAnnotation *self,
                                            const char   *tags);
/* Seconds since the epoch (UTC). */
gint64        cc_annotation_get_created    (CcAnnotation *self);
void          cc_annotation_set_created    (CcAnnotation *self,
                                            gint64        created);
gint64        cc_annotation_get_modified   (CcAnnotation *self);
void          cc_annotation_set_modified   (CcAnnotation *self,
                                            gint64        modified);

G_END_DECLS
