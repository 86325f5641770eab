/* cc-types.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cc-types.h"

static const char * const status_names[] = {
  [CC_CLAIM_STATUS_OTHER] = "other",
  [CC_CLAIM_STATUS_PREPARING] = "preparing",
  [CC_CLAIM_STATUS_SENT] = "sent",
  [CC_CLAIM_STATUS_TRAINING] = "training",
  [CC_CLAIM_STATUS_DEPLOYED] = "deployed",
  [CC_CLAIM_STATUS_FIGHTING] = "fighting",
  [CC_CLAIM_STATUS_KILLED] = "killed",
  [CC_CLAIM_STATUS_INJURED] = "injured",
  [CC_CLAIM_STATUS_CAPTURED] = "captured",
  [CC_CLAIM_STATUS_TOTAL] = "total",
};

static const char * const origin_names[] = {
  [CC_CLAIM_ORIGIN_AUTO] = "auto",
  [CC_CLAIM_ORIGIN_USER] = "user",
};

const char *
cc_claim_status_to_string (CcClaimStatus status)
{
  if ((guint)status >= G_N_ELEMENTS (status_names))
    return "other";
  return status_names[status];
}

gboolean
cc_claim_status_from_string (const char    *str,
                             CcClaimStatus *status)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (strcmp (str, status_names[i]) == 0)
        {
          if (status != NULL)
            *status = (CcClaimStatus)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cc_claim_origin_to_string (CcClaimOrigin origin)
{
  if ((guint)origin >= G_N_ELEMENTS (origin_names))
    return "auto";
  return origin_names[origin];
}

gboolean
cc_claim_origin_from_string (const char    *str,
                             CcClaimOrigin *origin)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (origin_names); i++)
    {
      if (strcmp (str, origin_names[i]) == 0)
        {
          if (origin != NULL)
            *origin = (CcClaimOrigin)i;
          return TRUE;
        }
    }

  return FALSE;
}
