/* cc-id-set.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A set of article ids, quick to fill from the store and quick to ask:
 * a search of a common word gives most of a library's ids, and a view
 * then asks for each of its articles whether it is in. The ids a store
 * gives are small and dense (SQLite numbers rows from 1 up), so an id
 * below DENSE_LIMIT is one bit of an array that grows to the largest id
 * added (12.5 kB for a library of 100,000 articles); any other, a
 * negative id or one far above, goes to a hash table. Adding and asking
 * are O(1). */

#include "config.h"

#include <string.h>

#include "cc-id-set.h"

/* Ids from 0 to DENSE_LIMIT - 1 are bits: at most 8 MB of them. */
#define DENSE_LIMIT (G_GINT64_CONSTANT (1) << 26)

struct _CcIdSet
{
  guint64    *words;
  gsize       n_words;
  GHashTable *other;
  guint       size;
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (CcIdSet, cc_id_set, cc_id_set_ref, cc_id_set_unref)

CcIdSet *
cc_id_set_new (void)
{
  CcIdSet *self = g_new0 (CcIdSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

CcIdSet *
cc_id_set_ref (CcIdSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_id_set_unref (CcIdSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->words);
  g_clear_pointer (&self->other, g_hash_table_unref);
  g_free (self);
}

void
cc_id_set_add (CcIdSet *self,
               gint64   id)
{
  g_return_if_fail (self != NULL);

  if (id >= 0 && id < DENSE_LIMIT)
    {
      gsize word = (gsize)id / 64;
      guint64 bit = G_GUINT64_CONSTANT (1) << (id % 64);

      if (word >= self->n_words)
        {
          gsize n_words = MAX (self->n_words * 2, MAX (word + 1, 64));

          self->words = g_renew (guint64, self->words, n_words);
          memset (self->words + self->n_words, 0, (n_words - self->n_words) * sizeof (guint64));
          self->n_words = n_words;
        }
      if (!(self->words[word] & bit))
        {
          self->words[word] |= bit;
          self->size++;
        }
      return;
    }

  if (self->other == NULL)
    self->other = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!g_hash_table_contains (self->other, &id))
    {
      g_hash_table_add (self->other, g_memdup2 (&id, sizeof id));
      self->size++;
    }
}

gboolean
cc_id_set_contains (const CcIdSet *self,
                    gint64         id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (id >= 0 && id < DENSE_LIMIT)
    return (gsize)id / 64 < self->n_words &&
           (self->words[id / 64] >> (id % 64) & 1) != 0;
  return self->other != NULL && g_hash_table_contains (self->other, &id);
}

guint
cc_id_set_get_size (const CcIdSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/* Calls @func for each id, until it returns TRUE; returns whether one
 * did. */
gboolean
cc_id_set_foreach (const CcIdSet *self,
                   CcIdSetFunc    func,
                   gpointer       user_data)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  for (gsize i = 0; i < self->n_words; i++)
    for (guint64 bits = self->words[i]; bits != 0; bits &= bits - 1)
      if (func ((gint64)(i * 64 + (gsize)__builtin_ctzll (bits)), user_data))
        return TRUE;

  if (self->other == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, self->other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (func (*(gint64 *)key, user_data))
      return TRUE;
  return FALSE;
}
