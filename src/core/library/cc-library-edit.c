/* cc-library-edit.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Edits that replace every field of a claim or an annotation at once, so
 * that an edit and its undo are the same call with other values, and the
 * re-resolution of the days of an article's claims when its publication
 * date changes. Like every mutation of the library, each writes to the
 * store first and only then changes the objects the views show. */

#define G_LOG_DOMAIN "cc-library"

#include "config.h"

#include "cc-annotation.h"
#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-extractor.h"
#include "cc-library-private.h"
#include "cc-store.h"
#include "cc-utils.h"

static void
assign_claim (CcClaim *claim,
              CcClaim *values)
{
  g_object_freeze_notify (G_OBJECT (claim));
  cc_claim_set_start (claim, cc_claim_get_start (values));
  cc_claim_set_end (claim, cc_claim_get_end (values));
  cc_claim_set_text (claim, cc_claim_get_text (values));
  cc_claim_set_low (claim, cc_claim_get_low (values));
  cc_claim_set_high (claim, cc_claim_get_high (values));
  cc_claim_set_vague (claim, cc_claim_get_vague (values));
  cc_claim_set_qualifier (claim, cc_claim_get_qualifier (values));
  cc_claim_set_subject (claim, cc_claim_get_subject (values));
  cc_claim_set_claimant (claim, cc_claim_get_claimant (values));
  cc_claim_set_claimant_country (claim, cc_claim_get_claimant_country (values));
  cc_claim_set_status (claim, cc_claim_get_status (values));
  cc_claim_set_hedged (claim, cc_claim_get_hedged (values));
  cc_claim_set_event_date (claim, cc_claim_get_event_date (values));
  cc_claim_set_origin (claim, cc_claim_get_origin (values));
  cc_claim_set_extractor_version (claim, cc_claim_get_extractor_version (values));
  cc_claim_set_rejected (claim, cc_claim_get_rejected (values));
  g_object_thaw_notify (G_OBJECT (claim));
}

/**
 * cc_library_update_claim:
 * @claim: a stored claim
 * @values: a claim holding the fields @claim is to take (its id and
 *   article are ignored)
 *
 * Stores every field of @values as @claim's, origin and rejection
 * included, then gives them to @claim. Unlike cc_library_save_claim(), it
 * does not make the claim the user's by itself, so that restoring an
 * earlier state (an undo) restores its origin too.
 */
gboolean
cc_library_update_claim (CcLibrary  *self,
                         CcClaim    *claim,
                         CcClaim    *values,
                         GError    **error)
{
  g_autoptr(CcClaim) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (values), FALSE);

  copy = cc_claim_copy (values);
  cc_claim_set_id (copy, cc_claim_get_id (claim));
  cc_claim_set_article_id (copy, cc_claim_get_article_id (claim));
  if (!cc_store_update_claim (self->store, copy, error))
    return FALSE;

  assign_claim (claim, copy);
  return TRUE;
}

/**
 * cc_library_remove_claim:
 *
 * Deletes a claim from the store and its article. Rejecting is what a
 * user does to a wrong claim; this takes back one the user added.
 */
gboolean
cc_library_remove_claim (CcLibrary  *self,
                         CcClaim    *claim,
                         GError    **error)
{
  CcArticle *article;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_CLAIM (claim), FALSE);

  if (!cc_store_delete_claim (self->store, cc_claim_get_id (claim), error))
    return FALSE;

  article = cc_library_lookup_article (self, cc_claim_get_article_id (claim));
  if (article != NULL)
    _cc_article_remove_claim (article, claim);
  return TRUE;
}

/**
 * cc_library_update_annotation:
 * @annotation: a stored annotation
 * @values: an annotation holding the range, colour, note and tags
 *   @annotation is to take
 *
 * Stores the fields of @values as @annotation's, then gives them to it.
 */
gboolean
cc_library_update_annotation (CcLibrary     *self,
                              CcAnnotation  *annotation,
                              CcAnnotation  *values,
                              GError       **error)
{
  g_autoptr(CcAnnotation) copy = NULL;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (values), FALSE);

  copy = cc_annotation_copy (values);
  cc_annotation_set_id (copy, cc_annotation_get_id (annotation));
  cc_annotation_set_article_id (copy, cc_annotation_get_article_id (annotation));
  cc_annotation_set_created (copy, cc_annotation_get_created (annotation));
  cc_annotation_set_modified (copy, cc_now_seconds ());
  if (!cc_store_update_annotation (self->store, copy, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (annotation));
  cc_annotation_set_start (annotation, cc_annotation_get_start (copy));
  cc_annotation_set_end (annotation, cc_annotation_get_end (copy));
  cc_annotation_set_color (annotation, cc_annotation_get_color (copy));
  cc_annotation_set_note (annotation, cc_annotation_get_note (copy));
  cc_annotation_set_tags (annotation, cc_annotation_get_tags (copy));
  cc_annotation_set_modified (annotation, cc_annotation_get_modified (copy));
  g_object_thaw_notify (G_OBJECT (annotation));
  return TRUE;
}

/**
 * cc_library_resolve_event_dates:
 * @article: a stored article, already carrying its new publication date
 * @old_published: (nullable): the publication date it had before
 *
 * Moves the days of @article's claims with its publication date: every
 * claim whose day is the one its words gave for @old_published (or none,
 * when they gave none) gets the day they give for the new date. A day
 * that differs was typed by the user and stays. Claims keep their origin:
 * the extractor would have made the same change.
 *
 * Returns: %FALSE if a claim could not be stored; those before it are
 */
gboolean
cc_library_resolve_event_dates (CcLibrary   *self,
                                CcArticle   *article,
                                const char  *old_published,
                                GError     **error)
{
  CcExtractor *extractor;
  GListModel *claims;
  const char *text;
  const char *published;
  guint n_claims;

  g_return_val_if_fail (CC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CC_IS_ARTICLE (article), FALSE);

  published = cc_article_get_published (article);
  if (g_strcmp0 (published, old_published) == 0)
    return TRUE;

  extractor = cc_extractor_get_default ();
  text = cc_article_get_text (article);
  claims = cc_article_get_claims (article);
  n_claims = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n_claims; i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      g_autoptr(CcClaim) copy = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      guint start = cc_claim_get_start (claim);

      before = cc_extractor_resolve_date (extractor, text, start, old_published);
      if (g_strcmp0 (before, cc_claim_get_event_date (claim)) != 0)
        continue;

      after = cc_extractor_resolve_date (extractor, text, start, published);
      if (g_strcmp0 (before, after) == 0)
        continue;

      copy = cc_claim_copy (claim);
      cc_claim_set_event_date (copy, after);
      if (!cc_store_update_claim (self->store, copy, error))
        return FALSE;
      cc_claim_set_event_date (claim, after);
    }

  return TRUE;
}
