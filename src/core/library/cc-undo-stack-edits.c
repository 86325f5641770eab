/* cc-undo-stack-edits.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The undoable edits of the library. Each keeps the object it edits and
 * copies of its fields before and after, so that undo and redo are the
 * same library call with the other copy; an object that is removed and
 * added back is the same object, so later steps still find it. */

#define G_LOG_DOMAIN "cc-undo-stack"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-library.h"
#include "cc-undo-stack.h"

enum { TITLE, OUTLET, URL, PUBLISHED, N_FIELDS };

typedef struct
{
  CcLibrary *library;
  CcArticle *article;
  /* The claim or annotation edited, and copies of its fields. */
  GObject   *target;
  GObject   *before;
  GObject   *after;
  /* An article's metadata before and after; "" for none. */
  char      *fields[2][N_FIELDS];
} Edit;

static Edit *
edit_new (CcLibrary *library,
          CcArticle *article,
          gpointer   target)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->library = g_object_ref (library);
  edit->article = article ? g_object_ref (article) : NULL;
  edit->target = target ? g_object_ref (target) : NULL;
  return edit;
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_clear_object (&edit->library);
  g_clear_object (&edit->article);
  g_clear_object (&edit->target);
  g_clear_object (&edit->before);
  g_clear_object (&edit->after);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < N_FIELDS; j++)
      g_free (edit->fields[i][j]);
  g_free (edit);
}

/* Annotations ------------------------------------------------------------- */

static gboolean
add_annotation (gpointer   data,
                GError   **error)
{
  Edit *edit = data;

  return cc_library_add_annotation (edit->library, edit->article,
                                    CC_ANNOTATION (edit->target), error);
}

static gboolean
remove_annotation (gpointer   data,
                   GError   **error)
{
  Edit *edit = data;

  return cc_library_remove_annotation (edit->library, CC_ANNOTATION (edit->target), error);
}

static gboolean
annotation_to_after (gpointer   data,
                     GError   **error)
{
  Edit *edit = data;

  return cc_library_update_annotation (edit->library, CC_ANNOTATION (edit->target),
                                       CC_ANNOTATION (edit->after), error);
}

static gboolean
annotation_to_before (gpointer   data,
                      GError   **error)
{
  Edit *edit = data;

  return cc_library_update_annotation (edit->library, CC_ANNOTATION (edit->target),
                                       CC_ANNOTATION (edit->before), error);
}

static gboolean
annotations_equal (CcAnnotation *a,
                   CcAnnotation *b)
{
  return cc_annotation_get_start (a) == cc_annotation_get_start (b)
         && cc_annotation_get_end (a) == cc_annotation_get_end (b)
         && g_strcmp0 (cc_annotation_get_color (a), cc_annotation_get_color (b)) == 0
         && g_strcmp0 (cc_annotation_get_note (a), cc_annotation_get_note (b)) == 0
         && g_strcmp0 (cc_annotation_get_tags (a), cc_annotation_get_tags (b)) == 0;
}

/**
 * cc_undo_stack_add_annotation:
 * @annotation: a new annotation (a highlight, with or without a note)
 *
 * Adds @annotation to @article as one undoable step.
 */
gboolean
cc_undo_stack_add_annotation (CcUndoStack   *self,
                              CcLibrary     *library,
                              CcArticle     *article,
                              CcAnnotation  *annotation,
                              GError       **error)
{
  const char *note;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  note = cc_annotation_get_note (annotation);
  return cc_undo_stack_run (self,
                            note != NULL && *note != '\0' ? _("Add Note") : _("Highlight"),
                            add_annotation, remove_annotation,
                            edit_new (library, article, annotation), edit_free,
                            error);
}

/**
 * cc_undo_stack_update_annotation:
 * @values: an annotation holding the new range, colour, note and tags
 *
 * Gives @annotation the fields of @values as one undoable step; nothing
 * happens, and no step is pushed, when they are the same.
 */
gboolean
cc_undo_stack_update_annotation (CcUndoStack   *self,
                                 CcLibrary     *library,
                                 CcAnnotation  *annotation,
                                 CcAnnotation  *values,
                                 GError       **error)
{
  Edit *edit;
  const char *label;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (values), FALSE);

  if (annotations_equal (annotation, values))
    return TRUE;

  if (g_strcmp0 (cc_annotation_get_note (annotation), cc_annotation_get_note (values)) != 0)
    label = _("Edit Note");
  else if (g_strcmp0 (cc_annotation_get_tags (annotation), cc_annotation_get_tags (values)) != 0)
    label = _("Edit Tags");
  else
    label = _("Change Highlight");

  edit = edit_new (library, NULL, annotation);
  edit->before = G_OBJECT (cc_annotation_copy (annotation));
  edit->after = G_OBJECT (cc_annotation_copy (values));

  return cc_undo_stack_run (self, label, annotation_to_after, annotation_to_before,
                            edit, edit_free, error);
}

/**
 * cc_undo_stack_remove_annotation:
 *
 * Deletes @annotation as one undoable step; undo adds it back, note and
 * tags included.
 */
gboolean
cc_undo_stack_remove_annotation (CcUndoStack   *self,
                                 CcLibrary     *library,
                                 CcAnnotation  *annotation,
                                 GError       **error)
{
  CcArticle *article;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  article = cc_library_lookup_article (library, cc_annotation_get_article_id (annotation));
  if (article == NULL)
    return cc_library_remove_annotation (library, annotation, error);

  return cc_undo_stack_run (self, _("Delete Highlight"),
                            remove_annotation, add_annotation,
                            edit_new (library, article, annotation), edit_free,
                            error);
}

/* Claims ------------------------------------------------------------------ */

static gboolean
add_claim (gpointer   data,
           GError   **error)
{
  Edit *edit = data;

  return cc_library_add_claim (edit->library, edit->article, CC_CLAIM (edit->target), error);
}

static gboolean
remove_claim (gpointer   data,
              GError   **error)
{
  Edit *edit = data;

  return cc_library_remove_claim (edit->library, CC_CLAIM (edit->target), error);
}

static gboolean
claim_to_after (gpointer   data,
                GError   **error)
{
  Edit *edit = data;

  return cc_library_update_claim (edit->library, CC_CLAIM (edit->target),
                                  CC_CLAIM (edit->after), error);
}

static gboolean
claim_to_before (gpointer   data,
                 GError   **error)
{
  Edit *edit = data;

  return cc_library_update_claim (edit->library, CC_CLAIM (edit->target),
                                  CC_CLAIM (edit->before), error);
}

static gboolean
reject_claim (gpointer   data,
              GError   **error)
{
  Edit *edit = data;

  return cc_library_set_claim_rejected (edit->library, CC_CLAIM (edit->target),
                                        cc_claim_get_rejected (CC_CLAIM (edit->after)),
                                        error);
}

static gboolean
claims_equal (CcClaim *a,
              CcClaim *b)
{
  return cc_claim_get_start (a) == cc_claim_get_start (b)
         && cc_claim_get_end (a) == cc_claim_get_end (b)
         && g_strcmp0 (cc_claim_get_text (a), cc_claim_get_text (b)) == 0
         && cc_claim_get_low (a) == cc_claim_get_low (b)
         && cc_claim_get_high (a) == cc_claim_get_high (b)
         && cc_claim_get_vague (a) == cc_claim_get_vague (b)
         && g_strcmp0 (cc_claim_get_qualifier (a), cc_claim_get_qualifier (b)) == 0
         && g_strcmp0 (cc_claim_get_subject (a), cc_claim_get_subject (b)) == 0
         && g_strcmp0 (cc_claim_get_claimant (a), cc_claim_get_claimant (b)) == 0
         && g_strcmp0 (cc_claim_get_claimant_country (a), cc_claim_get_claimant_country (b)) == 0
         && cc_claim_get_status (a) == cc_claim_get_status (b)
         && cc_claim_get_hedged (a) == cc_claim_get_hedged (b)
         && g_strcmp0 (cc_claim_get_event_date (a), cc_claim_get_event_date (b)) == 0
         && cc_claim_get_rejected (a) == cc_claim_get_rejected (b);
}

/**
 * cc_undo_stack_add_claim:
 * @claim: a new claim the user marked in @article's text
 *
 * Adds @claim as one undoable step; undo deletes it again.
 */
gboolean
cc_undo_stack_add_claim (CcUndoStack  *self,
                         CcLibrary    *library,
                         CcArticle    *article,
                         CcClaim      *claim,
                         GError      **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  return cc_undo_stack_run (self, _("Add Claim"), add_claim, remove_claim,
                            edit_new (library, article, claim), edit_free,
                            error);
}

/**
 * cc_undo_stack_save_claim:
 * @values: a claim holding the corrected fields
 *
 * Gives @claim the fields of @values as one undoable step. The corrected
 * claim becomes the user's, so re-extraction leaves it alone; undo gives
 * back its fields and its origin. Nothing happens when nothing changed.
 */
gboolean
cc_undo_stack_save_claim (CcUndoStack  *self,
                          CcLibrary    *library,
                          CcClaim      *claim,
                          CcClaim      *values,
                          GError      **error)
{
  Edit *edit;
  CcClaim *after;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (values), FALSE);

  if (claims_equal (claim, values))
    return TRUE;

  after = cc_claim_copy (values);
  cc_claim_set_origin (after, CC_CLAIM_ORIGIN_USER);

  edit = edit_new (library, NULL, claim);
  edit->before = G_OBJECT (cc_claim_copy (claim));
  edit->after = G_OBJECT (after);

  return cc_undo_stack_run (self, _("Correct Claim"), claim_to_after, claim_to_before,
                            edit, edit_free, error);
}

/**
 * cc_undo_stack_set_claim_rejected:
 *
 * Marks @claim "not a claim" (or a claim again) as one undoable step.
 */
gboolean
cc_undo_stack_set_claim_rejected (CcUndoStack  *self,
                                  CcLibrary    *library,
                                  CcClaim      *claim,
                                  gboolean      rejected,
                                  GError      **error)
{
  Edit *edit;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  rejected = !!rejected;
  if (cc_claim_get_rejected (claim) == rejected)
    return TRUE;

  edit = edit_new (library, NULL, claim);
  edit->before = G_OBJECT (cc_claim_copy (claim));
  edit->after = G_OBJECT (cc_claim_copy (claim));
  cc_claim_set_rejected (CC_CLAIM (edit->after), rejected);

  return cc_undo_stack_run (self, rejected ? _("Mark Not a Claim") : _("Restore Claim"),
                            reject_claim, claim_to_before, edit, edit_free, error);
}

/* Articles ---------------------------------------------------------------- */

static gboolean
apply_fields (Edit     *edit,
              guint     to,
              GError  **error)
{
  char **fields = edit->fields[to];
  const char *old_published = edit->fields[!to][PUBLISHED];

  if (!cc_library_update_article (edit->library, edit->article,
                                  fields[TITLE], fields[OUTLET], fields[URL], fields[PUBLISHED],
                                  error))
    return FALSE;

  return cc_library_resolve_event_dates (edit->library, edit->article,
                                         *old_published != '\0' ? old_published : NULL,
                                         error);
}

static gboolean
article_to_after (gpointer   data,
                  GError   **error)
{
  return apply_fields (data, 1, error);
}

static gboolean
article_to_before (gpointer   data,
                   GError   **error)
{
  return apply_fields (data, 0, error);
}

/**
 * cc_undo_stack_update_article:
 * @title: (nullable): the new title, or %NULL to keep it
 * @outlet: (nullable): the new outlet, %NULL to keep it, "" for none
 * @url: (nullable): the new link, likewise
 * @published: (nullable): the new date (YYYY-MM-DD), likewise
 *
 * Changes an article's metadata as one undoable step. A new date moves
 * the days of the claims that were read from the text with it
 * (cc_library_resolve_event_dates()); undo moves them back.
 */
gboolean
cc_undo_stack_update_article (CcUndoStack  *self,
                              CcLibrary    *library,
                              CcArticle    *article,
                              const char   *title,
                              const char   *outlet,
                              const char   *url,
                              const char   *published,
                              GError      **error)
{
  const char *current[N_FIELDS];
  const char *given[N_FIELDS] = { title, outlet, url, published };
  gboolean changed = FALSE;
  Edit *edit;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  current[TITLE] = cc_article_get_title (article);
  current[OUTLET] = cc_article_get_outlet (article);
  current[URL] = cc_article_get_url (article);
  current[PUBLISHED] = cc_article_get_published (article);

  edit = edit_new (library, article, NULL);
  for (guint j = 0; j < N_FIELDS; j++)
    {
      const char *after = given[j] != NULL ? given[j] : current[j];

      edit->fields[0][j] = g_strdup (current[j] ? current[j] : "");
      edit->fields[1][j] = g_strdup (after ? after : "");
      changed |= strcmp (edit->fields[0][j], edit->fields[1][j]) != 0;
    }

  if (!changed)
    {
      edit_free (edit);
      return TRUE;
    }

  return cc_undo_stack_run (self, _("Edit Article Details"),
                            article_to_after, article_to_before, edit, edit_free, error);
}
