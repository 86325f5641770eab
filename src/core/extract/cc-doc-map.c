/* cc-doc-map.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The string maps of one text: open addressing with linear probing over
 * slots that keep each key's hash, so that a look-up compares strings
 * only on a likely match and growing never hashes a key again. Emptying
 * moves the map to a new epoch rather than touching its slots, so that
 * the many short texts of a batch do not each pay for the room the
 * longest one made. */

#include "config.h"

#include <string.h>

#include "cc-doc-map.h"

/* Room a map makes at its first entry: most texts name fewer people. */
#define FIRST_SLOTS 32

/* A multiplicative hash of the @len bytes at @key, read eight at a time:
 * most keys are names of one to three words, a few such steps. The low
 * bits pick the slot, so the high ones are folded into them at the end. */
guint32
_cc_doc_map_hash (const char *key,
                  gsize       len)
{
  const guint64 mul = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 hash = len * mul;
  guint64 word = 0;
  guint32 part4;
  guint16 part2;

  for (; len >= 8; key += 8, len -= 8)
    {
      memcpy (&word, key, 8);
      hash = (hash ^ word) * mul;
      hash ^= hash >> 29;
    }
  /* the last bytes, in one word of their own */
  word = 0;
  if (len & 4)
    {
      memcpy (&part4, key, 4);
      word = part4;
      key += 4;
    }
  if (len & 2)
    {
      memcpy (&part2, key, 2);
      word = (word << 16) | part2;
      key += 2;
    }
  if (len & 1)
    word = (word << 8) | (guchar)*key;
  hash = (hash ^ word) * mul;
  return (guint32)(hash >> 32) ^ (guint32)hash;
}

/* The value of the key of @len bytes at @key, whose hash is @hash; NULL
 * when it is not in @map. @key need not end at @len. */
gpointer
_cc_doc_map_lookup_hashed (const CcDocMap *map,
                           const char     *key,
                           gsize           len,
                           guint32         hash)
{
  if (map->used == 0)
    return NULL;
  for (guint32 i = hash & map->mask;; i = (i + 1) & map->mask)
    {
      const CcDocMapSlot *slot = &map->slots[i];

      if (slot->epoch != map->epoch)
        return NULL;
      if (slot->hash == hash && strncmp (slot->key, key, len) == 0 && slot->key[len] == '\0')
        return slot->value;
    }
}

/* Puts @key in a slot of @slots, where it is not yet; slots of an epoch
 * other than @epoch are free. */
static CcDocMapSlot *
free_slot (CcDocMapSlot *slots,
           guint32       mask,
           guint32       epoch,
           guint32       hash)
{
  guint32 i = hash & mask;

  while (slots[i].epoch == epoch)
    i = (i + 1) & mask;
  return &slots[i];
}

/* Doubles the room of @map (or makes its first), keeping its entries; at
 * most half its slots are used, so that probes stay short. */
G_GNUC_NO_INLINE static void
grow (CcDocMap *map)
{
  guint32 size = map->slots != NULL ? (map->mask + 1) * 2 : FIRST_SLOTS;
  CcDocMapSlot *slots = g_new0 (CcDocMapSlot, size);

  /* the new slots are all of epoch 0, so the entries move to epoch 1 */
  for (guint32 i = 0; map->used > 0 && i <= map->mask; i++)
    if (map->slots[i].epoch == map->epoch)
      {
        CcDocMapSlot *slot = free_slot (slots, size - 1, 1, map->slots[i].hash);

        *slot = map->slots[i];
        slot->epoch = 1;
      }
  g_free (map->slots);
  map->slots = slots;
  map->mask = size - 1;
  map->epoch = 1;
}

/* Maps @key, whose hash is @hash, to @value, in place of what it mapped
 * to; @key, not an equal key put before, is the one kept, as with
 * g_hash_table_replace(). */
void
_cc_doc_map_replace_hashed (CcDocMap   *map,
                            const char *key,
                            guint32     hash,
                            gpointer    value)
{
  CcDocMapSlot *slot;

  if (map->slots == NULL || (map->used + 1) * 2 > map->mask + 1)
    grow (map);
  for (guint32 i = hash & map->mask;; i = (i + 1) & map->mask)
    {
      slot = &map->slots[i];
      if (slot->epoch != map->epoch)
        {
          map->used++;
          break;
        }
      if (slot->hash == hash && strcmp (slot->key, key) == 0)
        break;
    }
  slot->key = key;
  slot->value = value;
  slot->hash = hash;
  slot->epoch = map->epoch;
}

/* The value of @key, NULL when it is not in @map. */
gpointer
_cc_doc_map_lookup (const CcDocMap *map,
                    const char     *key)
{
  gsize len;

  if (map->used == 0)
    return NULL;
  len = strlen (key);
  return _cc_doc_map_lookup_hashed (map, key, len, _cc_doc_map_hash (key, len));
}

/* Maps @key to @value; see _cc_doc_map_replace_hashed(). */
void
_cc_doc_map_replace (CcDocMap   *map,
                     const char *key,
                     gpointer    value)
{
  _cc_doc_map_replace_hashed (map, key, _cc_doc_map_hash (key, strlen (key)), value);
}

/* Empties @map for another text, keeping its room. */
void
_cc_doc_map_empty (CcDocMap *map)
{
  if (map->used == 0)
    return;
  map->used = 0;
  /* the slots of the old epoch are free; should the count come round,
   * an old slot could pass for one of the new epoch, so all are freed */
  if (++map->epoch == 0)
    {
      memset (map->slots, 0, (map->mask + 1) * sizeof (CcDocMapSlot));
      map->epoch = 1;
    }
}

/* Frees the room of @map, leaving it empty. */
void
_cc_doc_map_clear (CcDocMap *map)
{
  g_free (map->slots);
  *map = (CcDocMap) { 0 };
}
