/* cc-doc-map.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A map of strings to pointers for what is learnt while one text is read
 * (a surname's full name, a body's country). The keys and values are the
 * caller's, strings of the text's pool that live as long as the text; the
 * map holds only pointers to them. It is emptied for the next text in one
 * step and keeps its room. No entry is ever removed alone, and nothing
 * iterates a map, so its order is of no account. */
typedef struct
{
  const char *key;
  gpointer    value;
  guint32     hash;
  /* the slot holds an entry only when this is the map's epoch */
  guint32     epoch;
} CcDocMapSlot;

/* All zero is an empty map with no room yet. */
typedef struct
{
  CcDocMapSlot *slots;
  guint32       mask;   /* the number of slots, a power of two, less one */
  guint32       used;
  guint32       epoch;
} CcDocMap;

guint32  _cc_doc_map_hash           (const char     *key,
                                     gsize           len);
gpointer _cc_doc_map_lookup_hashed  (const CcDocMap *map,
                                     const char     *key,
                                     gsize           len,
                                     guint32         hash);
void     _cc_doc_map_replace_hashed (CcDocMap       *map,
                                     const char     *key,
                                     guint32         hash,
                                     gpointer        value);
gpointer _cc_doc_map_lookup         (const CcDocMap *map,
                                     const char     *key);
void     _cc_doc_map_replace        (CcDocMap       *map,
                                     const char     *key,
                                     gpointer        value);
void     _cc_doc_map_empty          (CcDocMap       *map);
void     _cc_doc_map_clear          (CcDocMap       *map);

G_END_DECLS
