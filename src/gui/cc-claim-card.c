/* cc-claim-card.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The popover in which a user corrects a claim the extractor found, or
 * fills in one marked by hand. It edits nothing itself: "card.save"
 * checks the fields and emits ::save, and the reader makes the edit, so
 * that every change goes through one undoable route. */

#define G_LOG_DOMAIN "cc-claim-card"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cc-claim.h"
#include "cc-claim-card.h"
#include "cc-importer.h"
#include "cc-gui-utils.h"
#include "cc-reader-format.h"
#include "cc-utils.h"

struct _CcClaimCard
{
  GtkPopover      parent_instance;

  CcClaim        *claim;
  /* The article's publication date, the day of a claim without one. */
  char           *published;
  /* cc_claim_status_to_string() of the status chosen. */
  char           *status;
  /* A single number typed in the low field is the high one too, until
   * the high field is given a number of its own. */
  gboolean        high_follows_low;

  /* Template children */
  GtkLabel       *heading_label;
  GtkLabel       *origin_label;
  GtkEntry       *low_entry;
  GtkEntry       *high_entry;
  GtkEntry       *claimant_entry;
  GtkEntry       *country_entry;
  GtkMenuButton  *status_button;
  GtkSwitch      *hedged_switch;
  GtkEntry       *date_entry;
  GtkLabel       *error_label;
  GtkWidget      *reject_button;
  GtkWidget      *chart_button;
  GtkWidget      *save_button;
};

G_DEFINE_FINAL_TYPE (CcClaimCard, cc_claim_card, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CLAIM,
  PROP_STATUS,
  N_PROPS
};

enum {
  SAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Only the card's own messages: they are shown, never matched. */
#define CC_CLAIM_CARD_ERROR (g_quark_from_static_string ("cc-claim-card-error-quark"))

static void
date_changed_cb (CcClaimCard *self,
                 GtkEntry    *entry)
{
  g_assert (CC_IS_CLAIM_CARD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
low_changed_cb (CcClaimCard *self,
                GtkEditable *low_entry)
{
  g_assert (CC_IS_CLAIM_CARD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (low_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->high_follows_low)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->high_entry), gtk_editable_get_text (low_entry));
      self->high_follows_low = TRUE;
    }
}

static void
high_changed_cb (CcClaimCard *self,
                 GtkEditable *high_entry)
{
  g_assert (CC_IS_CLAIM_CARD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (high_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->high_follows_low = g_strcmp0 (gtk_editable_get_text (high_entry),
                                      gtk_editable_get_text (GTK_EDITABLE (self->low_entry))) == 0;
}

static char *
format_number (double value)
{
  return cc_format_count (value);
}

/* Reads a number as people type it, or as the card wrote it: "10,000",
 * "10 000", "1.5", and "10.000" where the locale groups digits with a
 * point. */
static gboolean
parse_number (const char *input,
              double     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *text = g_strdup (input);
  const char *separator = localeconv ()->thousands_sep;
  gboolean point = FALSE;
  char *end = NULL;

  if (separator != NULL && strcmp (separator, ".") == 0)
    {
      g_auto(GStrv) groups = g_strsplit (text, separator, -1);

      g_free (text);
      text = g_strjoinv ("", groups);
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) && c < 128)
        g_string_append_c (digits, (char)c);
      else if ((c == ',' || g_unichar_isspace (c) || c == 0x202F) && digits->len > 0)
        continue;
      else if (c == '.' && !point && digits->len > 0)
        {
          point = TRUE;
          g_string_append_c (digits, '.');
        }
      else if (!g_unichar_isspace (c))
        return FALSE;
    }

  if (digits->len == 0)
    return FALSE;

  *value = g_ascii_strtod (digits->str, &end);
  return end != NULL && *end == '\0';
}

static void
update_status_label (CcClaimCard *self)
{
  CcClaimStatus status = CC_CLAIM_STATUS_OTHER;

  cc_claim_status_from_string (self->status, &status);
  gtk_menu_button_set_label (self->status_button, cc_claim_status_label (status));
}

static void
fill_fields (CcClaimCard *self)
{
  g_autofree char *quoted = NULL;
  CcClaim *claim = self->claim;
  gboolean stored;

  g_assert (CC_IS_CLAIM_CARD (self));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->low_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->high_entry), "error");

  if (claim == NULL)
    return;

  stored = cc_claim_get_id (claim) > 0;

  /* Translators: the words of the article marked as a claim */
  quoted = g_strdup_printf (_("“%s”"), cc_claim_get_text (claim) ? cc_claim_get_text (claim) : "");
  gtk_label_set_label (self->heading_label, quoted);
  if (!stored)
    gtk_label_set_label (self->origin_label, _("A new claim: check its number and source"));
  else if (cc_claim_get_origin (claim) == CC_CLAIM_ORIGIN_USER)
    gtk_label_set_label (self->origin_label, _("Corrected by you"));
  else
    gtk_label_set_label (self->origin_label, _("Found by Crosscheck; correct what it got wrong"));

  {
    g_autofree char *low = format_number (cc_claim_get_low (claim));
    g_autofree char *high = format_number (MAX (cc_claim_get_high (claim), cc_claim_get_low (claim)));

    self->high_follows_low = FALSE;
    gtk_editable_set_text (GTK_EDITABLE (self->low_entry), low);
    gtk_editable_set_text (GTK_EDITABLE (self->high_entry), high);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->claimant_entry),
                         cc_claim_get_claimant (claim) ? cc_claim_get_claimant (claim) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->country_entry),
                         cc_claim_get_claimant_country (claim) ? cc_claim_get_claimant_country (claim) : "");
  g_object_set (self, "status", cc_claim_status_to_string (cc_claim_get_status (claim)), NULL);
  gtk_switch_set_active (self->hedged_switch, cc_claim_get_hedged (claim));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry),
                         cc_claim_get_event_date (claim) ? cc_claim_get_event_date (claim) : "");
  {
    g_autofree char *day = cc_format_published_day (self->published);
    g_autofree char *placeholder = NULL;

    /* An empty day is the article's: the chart places the claim there. */
    if (day != NULL)
      /* Translators: the day an empty date field stands for, then the
       * form a date is typed in */
      placeholder = g_strdup_printf (_("%s · YYYY-MM-DD"), day);
    gtk_entry_set_placeholder_text (self->date_entry, placeholder ? placeholder : _("YYYY-MM-DD"));
  }

  /* A claim not yet stored can be neither rejected nor charted. */
  gtk_widget_set_visible (self->reject_button, stored);
  gtk_widget_set_visible (self->chart_button, stored);
  if (stored)
    {
      /* Held here: a button given a target equal to the one it has
       * drops the new one at once, which would leave the second button
       * a freed value when the card opens on the same claim again. */
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_int64 (cc_claim_get_id (claim)));

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reject_button), target);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->chart_button), target);
    }
  gtk_button_set_label (GTK_BUTTON (self->save_button), stored ? _("_Save") : _("_Add Claim"));
}

static void
cc_claim_card_save (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CcClaimCard *self = CC_CLAIM_CARD (widget);
  g_autoptr(CcClaim) values = NULL;
  g_autoptr(GError) error = NULL;

  if (self->claim == NULL)
    return;

  if (!(values = cc_claim_card_dup_values (self, &error)))
    {
      cc_claim_card_show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVE], 0);
}

static void
cc_claim_card_dispose (GObject *object)
{
  CcClaimCard *self = (CcClaimCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_CLAIM_CARD);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (cc_claim_card_parent_class)->dispose (object);
}

static void
cc_claim_card_finalize (GObject *object)
{
  CcClaimCard *self = (CcClaimCard *)object;

  g_free (self->status);
  g_free (self->published);

  G_OBJECT_CLASS (cc_claim_card_parent_class)->finalize (object);
}

static void
cc_claim_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcClaimCard *self = CC_CLAIM_CARD (object);

  switch (prop_id)
    {
    case PROP_CLAIM:
      g_value_set_object (value, cc_claim_card_get_claim (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_claim_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcClaimCard *self = CC_CLAIM_CARD (object);

  switch (prop_id)
    {
    case PROP_CLAIM:
      cc_claim_card_set_claim (self, g_value_get_object (value));
      break;

    case PROP_STATUS:
      if (g_value_get_string (value) != NULL && g_strcmp0 (self->status, g_value_get_string (value)) != 0)
        {
          g_free (self->status);
          self->status = g_value_dup_string (value);
          update_status_label (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_claim_card_class_init (CcClaimCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_claim_card_dispose;
  object_class->finalize = cc_claim_card_finalize;
  object_class->get_property = cc_claim_card_get_property;
  object_class->set_property = cc_claim_card_set_property;

  /**
   * CcClaimCard:claim:
   *
   * The claim shown; one with id 0 is a new claim not yet stored.
   */
  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL,
                         CC_TYPE_CLAIM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcClaimCard:status:
   *
   * The status chosen, as cc_claim_status_to_string() writes it.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "other",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcClaimCard::save:
   *
   * The user asked to store the fields, which are valid: take them with
   * cc_claim_card_dup_values().
   */
  signals[SAVE] =
    g_signal_new ("save",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-claim-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, chart_button);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, claimant_entry);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, country_entry);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, error_label);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, hedged_switch);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, high_entry);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, low_entry);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, origin_label);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, reject_button);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, save_button);
  gtk_widget_class_bind_template_child (widget_class, CcClaimCard, status_button);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, low_changed_cb);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, cc_claim_card_save);
  gtk_widget_class_install_property_action (widget_class, "card.status", "status");
}

static void
cc_claim_card_init (CcClaimCard *self)
{
  /* The status action's state is this string: never NULL. */
  self->status = g_strdup ("other");

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->high_entry, "changed", G_CALLBACK (high_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_status_label (self);
}

GtkWidget *
cc_claim_card_new (void)
{
  return g_object_new (CC_TYPE_CLAIM_CARD, NULL);
}

/**
 * cc_claim_card_get_claim:
 *
 * Returns: (transfer none) (nullable): the claim shown
 */
CcClaim *
cc_claim_card_get_claim (CcClaimCard *self)
{
  g_return_val_if_fail (CC_IS_CLAIM_CARD (self), NULL);

  return self->claim;
}

/**
 * cc_claim_card_set_claim:
 *
 * Shows @claim's fields for correction, dropping whatever was typed.
 */
void
cc_claim_card_set_claim (CcClaimCard *self,
                         CcClaim     *claim)
{
  g_return_if_fail (CC_IS_CLAIM_CARD (self));
  g_return_if_fail (!claim || CC_IS_CLAIM (claim));

  if (g_set_object (&self->claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM]);

  fill_fields (self);
}

/**
 * cc_claim_card_dup_values:
 *
 * Reads the fields into a copy of the claim.
 *
 * Returns: (transfer full) (nullable): the claim as corrected, or %NULL
 *   with @error set when a field is invalid
 */
CcClaim *
cc_claim_card_dup_values (CcClaimCard  *self,
                          GError      **error)
{
  g_autoptr(CcClaim) values = NULL;
  g_autofree char *claimant = NULL;
  g_autofree char *country = NULL;
  g_autofree char *date = NULL;
  double low, high;

  g_return_val_if_fail (CC_IS_CLAIM_CARD (self), NULL);
  g_return_val_if_fail (self->claim != NULL, NULL);

  claimant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->claimant_entry))));
  country = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->country_entry))));
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->low_entry)), &low))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->low_entry), "error");
      g_set_error (error, CC_CLAIM_CARD_ERROR, 0,
                   _("“%s” is not a number: write the number of people, as 10000"),
                   gtk_editable_get_text (GTK_EDITABLE (self->low_entry)));
      return NULL;
    }

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->high_entry)), &high))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->high_entry), "error");
      g_set_error (error, CC_CLAIM_CARD_ERROR, 0,
                   _("“%s” is not a number: write the highest number claimed, or the same number again"),
                   gtk_editable_get_text (GTK_EDITABLE (self->high_entry)));
      return NULL;
    }

  if (*date != '\0' && !cc_date_is_valid (date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      g_set_error (error, CC_CLAIM_CARD_ERROR, 0,
                   _("“%s” is not a date: write the day as YYYY-MM-DD, as 2024-10-18"), date);
      return NULL;
    }

  if (high < low)
    {
      g_set_error (error, CC_CLAIM_CARD_ERROR, 0,
                   _("The highest number is below the lowest: write a single number in both"));
      return NULL;
    }

  values = cc_claim_copy (self->claim);
  cc_claim_set_low (values, low);
  cc_claim_set_high (values, high);
  cc_claim_set_claimant (values, *claimant ? claimant : NULL);
  cc_claim_set_claimant_country (values, *country ? country : NULL);
  {
    CcClaimStatus status = CC_CLAIM_STATUS_OTHER;

    cc_claim_status_from_string (self->status, &status);
    cc_claim_set_status (values, status);
  }
  cc_claim_set_hedged (values, gtk_switch_get_active (self->hedged_switch));
  cc_claim_set_event_date (values, *date ? date : NULL);

  return g_steal_pointer (&values);
}

/**
 * cc_claim_card_show_error:
 *
 * Shows why the fields were not stored, in the card itself.
 */
void
cc_claim_card_show_error (CcClaimCard *self,
                          const char  *message)
{
  g_return_if_fail (CC_IS_CLAIM_CARD (self));

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/**
 * cc_claim_card_set_published:
 * @published: (nullable): the publication date of the claim's article
 *
 * Gives the day a claim without a date of its own is placed on, shown in
 * the empty date field.
 */
void
cc_claim_card_set_published (CcClaimCard *self,
                             const char  *published)
{
  g_return_if_fail (CC_IS_CLAIM_CARD (self));

  if (cc_set_str (&self->published, published))
    fill_fields (self);
}
