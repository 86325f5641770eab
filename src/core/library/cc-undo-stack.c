/* cc-undo-stack.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The history of the user's edits. Every edit is stored the moment it is
 * made, so there is no document to revert: a step is a pair of closures,
 * one making the edit and one taking it back, each going through the
 * library like any other change. The stack knows nothing of what the
 * steps do; cc-undo-stack-edits.c makes the steps for the library. */

#define G_LOG_DOMAIN "cc-undo-stack"

#include "config.h"

#include "cc-undo-stack.h"

/* Far more than anyone undoes, few enough that old steps do not hold
 * deleted objects alive for the whole session. */
#define MAX_STEPS 500

typedef struct
{
  char           *label;
  CcUndoFunc      redo;
  CcUndoFunc      undo;
  gpointer        data;
  GDestroyNotify  destroy;
} Step;

struct _CcUndoStack
{
  GObject  parent_instance;

  /* Oldest first; the last of each is the next to undo or redo. */
  GQueue   undo_steps;
  GQueue   redo_steps;
};

G_DEFINE_FINAL_TYPE (CcUndoStack, cc_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  if (step->destroy != NULL)
    step->destroy (step->data);
  g_free (step->label);
  g_free (step);
}

static void
notify_all (CcUndoStack *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Notifies only what changed, so that bound widgets do not flicker. */
typedef struct
{
  gboolean  can_undo;
  gboolean  can_redo;
  char     *undo_label;
  char     *redo_label;
} State;

static void
get_state (CcUndoStack *self,
           State       *state)
{
  state->can_undo = cc_undo_stack_get_can_undo (self);
  state->can_redo = cc_undo_stack_get_can_redo (self);
  state->undo_label = g_strdup (cc_undo_stack_get_undo_label (self));
  state->redo_label = g_strdup (cc_undo_stack_get_redo_label (self));
}

/* Takes @before's labels. */
static void
notify_changes (CcUndoStack *self,
                State       *before)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (cc_undo_stack_get_can_undo (self) != before->can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (cc_undo_stack_get_can_redo (self) != before->can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (cc_undo_stack_get_undo_label (self), before->undo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (cc_undo_stack_get_redo_label (self), before->redo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));

  g_clear_pointer (&before->undo_label, g_free);
  g_clear_pointer (&before->redo_label, g_free);
}

static void
cc_undo_stack_finalize (GObject *object)
{
  CcUndoStack *self = (CcUndoStack *)object;

  g_queue_clear_full (&self->undo_steps, step_free);
  g_queue_clear_full (&self->redo_steps, step_free);

  G_OBJECT_CLASS (cc_undo_stack_parent_class)->finalize (object);
}

static void
cc_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcUndoStack *self = CC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cc_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, cc_undo_stack_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, cc_undo_stack_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, cc_undo_stack_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_undo_stack_class_init (CcUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_undo_stack_finalize;
  object_class->get_property = cc_undo_stack_get_property;

  /**
   * CcUndoStack:can-undo:
   *
   * Whether there is an edit to take back.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcUndoStack:can-redo:
   *
   * Whether there is an undone edit to make again.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcUndoStack:undo-label:
   *
   * What undo would take back, as "Add Note", or %NULL.
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcUndoStack:redo-label:
   *
   * What redo would make again, or %NULL.
   */
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_undo_stack_init (CcUndoStack *self)
{
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
}

CcUndoStack *
cc_undo_stack_new (void)
{
  return g_object_new (CC_TYPE_UNDO_STACK, NULL);
}

/**
 * cc_undo_stack_run:
 * @label: what the edit does, for menus ("Add Note")
 * @redo: makes the edit; called now, and again on each redo
 * @undo: takes it back
 * @data: (transfer full): passed to both
 * @destroy: (nullable): frees @data once the step is dropped
 *
 * Makes an edit and, if it succeeds, pushes it as the next step to undo,
 * dropping what could be redone. If it fails, nothing is pushed and @data
 * is freed at once.
 *
 * Returns: whether the edit was made
 */
gboolean
cc_undo_stack_run (CcUndoStack     *self,
                   const char      *label,
                   CcUndoFunc       redo,
                   CcUndoFunc       undo,
                   gpointer         data,
                   GDestroyNotify   destroy,
                   GError         **error)
{
  State before;
  Step *step;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (redo != NULL && undo != NULL, FALSE);

  if (!redo (data, error))
    {
      if (destroy != NULL)
        destroy (data);
      return FALSE;
    }

  get_state (self, &before);

  step = g_new0 (Step, 1);
  step->label = g_strdup (label);
  step->redo = redo;
  step->undo = undo;
  step->data = data;
  step->destroy = destroy;

  g_queue_clear_full (&self->redo_steps, step_free);
  g_queue_push_tail (&self->undo_steps, step);
  while (self->undo_steps.length > MAX_STEPS)
    step_free (g_queue_pop_head (&self->undo_steps));

  notify_changes (self, &before);
  return TRUE;
}

/* Moves the last step of @from to @to if taking it (undo or redo)
 * succeeds; a step that fails stays, so the user may try again. */
static gboolean
move_step (CcUndoStack  *self,
           GQueue       *from,
           GQueue       *to,
           gboolean      undo,
           GError      **error)
{
  State before;
  Step *step;

  if (!(step = g_queue_peek_tail (from)))
    return FALSE;

  if (!(undo ? step->undo : step->redo) (step->data, error))
    return FALSE;

  get_state (self, &before);
  g_queue_push_tail (to, g_queue_pop_tail (from));
  notify_changes (self, &before);
  return TRUE;
}

/**
 * cc_undo_stack_undo:
 *
 * Takes back the last edit.
 *
 * Returns: %FALSE if there was none, or it could not be taken back (then
 *   @error is set and the step stays)
 */
gboolean
cc_undo_stack_undo (CcUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return move_step (self, &self->undo_steps, &self->redo_steps, TRUE, error);
}

/**
 * cc_undo_stack_redo:
 *
 * Makes the last undone edit again.
 *
 * Returns: %FALSE if there was none, or it could not be made
 */
gboolean
cc_undo_stack_redo (CcUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return move_step (self, &self->redo_steps, &self->undo_steps, FALSE, error);
}

/**
 * cc_undo_stack_clear:
 *
 * Forgets every step, as when the library the steps edit goes away.
 */
void
cc_undo_stack_clear (CcUndoStack *self)
{
  g_return_if_fail (CC_IS_UNDO_STACK (self));

  g_queue_clear_full (&self->undo_steps, step_free);
  g_queue_clear_full (&self->redo_steps, step_free);
  notify_all (self);
}

gboolean
cc_undo_stack_get_can_undo (CcUndoStack *self)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->undo_steps);
}

gboolean
cc_undo_stack_get_can_redo (CcUndoStack *self)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->redo_steps);
}

/**
 * cc_undo_stack_get_undo_label:
 *
 * Returns: (nullable): what undo would take back
 */
const char *
cc_undo_stack_get_undo_label (CcUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), NULL);

  step = g_queue_peek_tail (&self->undo_steps);
  return step != NULL ? step->label : NULL;
}

/**
 * cc_undo_stack_get_redo_label:
 *
 * Returns: (nullable): what redo would make again
 */
const char *
cc_undo_stack_get_redo_label (CcUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), NULL);

  step = g_queue_peek_tail (&self->redo_steps);
  return step != NULL ? step->label : NULL;
}
