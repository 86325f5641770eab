/* cc-lexicon.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extractor's word lists live in data/lexicon.json so that they can be
 * read and extended without touching code. They are loaded once into
 * phrase sets: hash tables from a phrase's first word to the phrases that
 * start with it, longest first. */

#define G_LOG_DOMAIN "cc-lexicon"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cc-lexicon.h"
#include "cc-types.h"

typedef struct
{
  char          **words;
  /* the same words zero-padded, as a token's are; a word too long for a
   * token starts with 0xFF, which no UTF-8 text holds */
  char          (*padded)[CC_LEXICON_WORD];
  guint           n_words;
  /* written in capitals in the list: matches only capitals in the text */
  gboolean        capitals;
  /* the first 8 bytes of the padded second word, 0 for one word: a long
   * list of phrases with one first word is mostly passed over on them */
  guint64         second;
  CcPhraseValue   value;
} Phrase;

/* What a match tries of a phrase before it reads the phrase itself: the
 * phrases of one first word lie side by side, longest first, so that
 * those of more than one word come before the others. */
typedef struct
{
  Phrase  *phrase;
  guint16  n_words;
  guint16  capitals;
  /* in the first of a first word's phrases: how many of them have more
   * than one word */
  guint32  n_multi;
} PhraseRef;

/* The phrases of more than one word of a first word, again, by their
 * second word: a match looks its second word up among them instead of
 * trying them all ("south" starts dozens of countries' names). */
typedef struct
{
  guint64  second;
  guint64  third;    /* the first 8 bytes of the third word, 0 for none */
  guint32  ref;      /* the phrase's place among the first word's */
} SecondRef;

typedef struct
{
  char       word[CC_LEXICON_WORD];
  /* the word's phrases: refs[start] and the n_refs after it; an empty
   * slot has none */
  guint32    start;
  guint32    n_refs;
} FirstWord;

struct _CcPhraseSet
{
  /* this set's bits in the lexicon's marks: first words, last words */
  CcPhraseSetMarks head;
  /* first word → GPtrArray of Phrase, longest first */
  GHashTable *by_first;
  /* last word → GPtrArray of Phrase, longest first */
  GHashTable *by_last;
  GPtrArray  *phrases;
  /* the phrases' strings, one copy of each: a country's aliases share
   * its name, which a caller may compare as a pointer */
  GHashTable *strings;
  /* by_first again, keyed by the zero-padded word: the look-up of every
   * match, a hash of four 8-byte blocks and a compare of as many */
  FirstWord  *firsts;
  guint       n_firsts;
  PhraseRef  *refs;
  /* for the phrases of each first word at refs[start], their SecondRefs at
   * by_second[start], sorted by second word and then by place */
  SecondRef  *by_second;
  /* by the place of a word in the lexicon's words: the list of by_last
   * it ends, or NULL (sets matched backwards only) */
  GPtrArray **last_by_word;
  /* by the place of a word in the lexicon's words: the phrases it starts,
   * the first of refs (high 24 bits) and their number (low 8), 0 for
   * none; one look-up for a token, which knows its word's place */
  guint32    *range_by_word;
};

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->words);
  g_free (phrase->padded);
  g_free (phrase);
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const Phrase *pa = *(const Phrase **)a;
  const Phrase *pb = *(const Phrase **)b;

  return (int)pb->n_words - (int)pa->n_words;
}

static CcPhraseSet *
phrase_set_new (void)
{
  CcPhraseSet *set = g_new0 (CcPhraseSet, 1);

  set->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)g_ptr_array_unref);
  set->by_last = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify)g_ptr_array_unref);
  set->phrases = g_ptr_array_new_with_free_func (phrase_free);
  set->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return set;
}

static void
phrase_set_free (CcPhraseSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->by_first);
  g_hash_table_unref (set->by_last);
  g_ptr_array_unref (set->phrases);
  g_hash_table_unref (set->strings);
  g_free (set->firsts);
  g_free (set->refs);
  g_free (set->by_second);
  g_free (set->last_by_word);
  g_free (set->range_by_word);
  g_free ((gpointer)set->head.alone);
  g_free (set);
}

static void
index_phrase (GHashTable *table,
              const char *key,
              Phrase     *phrase)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer)key, list);
    }
  g_ptr_array_add (list, phrase);
  g_ptr_array_sort (list, longest_first);
}

static void
phrase_set_add (CcPhraseSet         *set,
                const char          *text,
                const CcPhraseValue *value)
{
  Phrase *phrase = g_new0 (Phrase, 1);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gboolean has_lower = FALSE, has_upper = FALSE;

  for (const char *p = text; *p; p++)
    {
      has_lower |= g_ascii_islower (*p);
      has_upper |= g_ascii_isupper (*p);
    }
  phrase->capitals = has_upper && !has_lower;

  phrase->words = g_strsplit (lower, " ", -1);
  phrase->n_words = g_strv_length (phrase->words);
  if (phrase->n_words == 0)
    {
      phrase_free (phrase);
      return;
    }
  phrase->padded = g_malloc0_n (phrase->n_words, CC_LEXICON_WORD);
  for (guint i = 0; i < phrase->n_words; i++)
    {
      gsize len = strlen (phrase->words[i]);

      if (len < CC_LEXICON_WORD)
        memcpy (phrase->padded[i], phrase->words[i], len);
      else
        phrase->padded[i][0] = (char)0xFF;
    }
  if (phrase->n_words > 1)
    phrase->second = cc_lexicon_chunk (phrase->padded[1], 0);
  phrase->value = *value;
  if (value->str != NULL)
    {
      char *shared = g_hash_table_lookup (set->strings, value->str);

      if (shared == NULL)
        g_hash_table_add (set->strings, shared = g_strdup (value->str));
      phrase->value.str = shared;
    }
  g_ptr_array_add (set->phrases, phrase);
  index_phrase (set->by_first, phrase->words[0], phrase);
  index_phrase (set->by_last, phrase->words[phrase->n_words - 1], phrase);
}

static CcPhraseSet *
load_list (JsonObject *root,
           const char *member)
{
  CcPhraseSet *set = phrase_set_new ();
  JsonArray *array;

  if (!json_object_has_member (root, member) ||
      !(array = json_object_get_array_member (root, member)))
    return set;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *word = json_array_get_string_element (array, i);
      CcPhraseValue value = { 0, 0, NULL, 0 };

      if (word != NULL)
        phrase_set_add (set, word, &value);
    }

  return set;
}

/* An object of phrase → number, [low, high], string or null. */
static CcPhraseSet *
load_map (JsonObject *root,
          const char *member)
{
  CcPhraseSet *set = phrase_set_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  JsonObject *object;

  if (!json_object_has_member (root, member) ||
      !(object = json_object_get_object_member (root, member)))
    return set;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      CcPhraseValue value = { 0, 0, NULL, 0 };

      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 2)
        {
          JsonArray *pair = json_node_get_array (node);

          value.low = json_array_get_double_element (pair, 0);
          value.high = json_array_get_double_element (pair, 1);
        }
      else if (JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_STRING)
        value.str = json_node_get_string (node);
      else if (JSON_NODE_HOLDS_VALUE (node))
        value.low = value.high = json_node_get_double (node);

      phrase_set_add (set, key, &value);
    }

  return set;
}

/* status name → list of words that signal it */
static CcPhraseSet *
load_status (JsonObject *root,
             const char *member)
{
  CcPhraseSet *set = phrase_set_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  JsonObject *object;

  if (!json_object_has_member (root, member) ||
      !(object = json_object_get_object_member (root, member)))
    return set;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      CcClaimStatus status;
      JsonArray *words;

      if (!JSON_NODE_HOLDS_ARRAY (node) || !cc_claim_status_from_string (key, &status))
        continue;

      words = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (words); i++)
        {
          CcPhraseValue value = { 0, 0, NULL, status };
          const char *word = json_array_get_string_element (words, i);

          if (word != NULL)
            phrase_set_add (set, word, &value);
        }
    }

  return set;
}

/* name → list of phrases that stand for it */
static CcPhraseSet *
load_names (JsonObject *root,
            const char *member)
{
  CcPhraseSet *set = phrase_set_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  JsonObject *object;

  if (!json_object_has_member (root, member) ||
      !(object = json_object_get_object_member (root, member)))
    return set;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      JsonArray *names;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;
      names = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (names); i++)
        {
          CcPhraseValue value = { 0, 0, key, 0 };
          const char *name = json_array_get_string_element (names, i);

          if (name != NULL && !g_str_has_suffix (name, "'s"))
            {
              g_autofree char *possessive = g_strconcat (name, "'s", NULL);

              /* "Poland's police" names Poland as "Poland" does */
              phrase_set_add (set, name, &value);
              phrase_set_add (set, possessive, &value);
            }
          else if (name != NULL)
            phrase_set_add (set, name, &value);
        }
    }

  return set;
}

static JsonObject *
parse_object (JsonParser  *parser,
              GBytes      *bytes,
              const char  *what,
              GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The %s is not an object", what);
      return NULL;
    }

  return json_node_get_object (json_parser_get_root (parser));
}

/* Gives @set the next two mark bits and records its first and last
 * words under them. */
static void
mark_set (GHashTable  *marks,
          CcPhraseSet *set,
          gboolean     backwards,
          guint       *bit)
{
  g_assert (*bit + (backwards ? 1 : 0) < 32);
  set->head.first_mark = 1u << (*bit)++;
  /* Only sets matched backwards need their last words marked. */
  set->head.last_mark = backwards ? 1u << (*bit)++ : 0;

  for (guint i = 0; i < set->phrases->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (set->phrases, i);
      const char *first = phrase->words[0];
      const char *last = phrase->words[phrase->n_words - 1];
      guint32 have;

      have = GPOINTER_TO_UINT (g_hash_table_lookup (marks, first));
      g_hash_table_insert (marks, g_strdup (first), GUINT_TO_POINTER (have | set->head.first_mark));
      if (set->head.last_mark != 0)
        {
          have = GPOINTER_TO_UINT (g_hash_table_lookup (marks, last));
          g_hash_table_insert (marks, g_strdup (last), GUINT_TO_POINTER (have | set->head.last_mark));
        }
    }
}

static int
by_second_word (const void *a,
                const void *b)
{
  const SecondRef *ra = a;
  const SecondRef *rb = b;

  if (ra->second != rb->second)
    return ra->second < rb->second ? -1 : 1;
  return ra->ref < rb->ref ? -1 : ra->ref > rb->ref;
}

/* Gives the words of quantities two more marks: a word that is a
 * quantity of one of @sets on its own ("one", "dozens"), and the second
 * word of a longer one ("few" of "a few hundred"). A word such as "a"
 * starts a quantity only before a word of the second mark. */
static void
mark_quantity_words (CcLexicon    *lexicon,
                     CcPhraseSet **sets,
                     guint         n_sets,
                     guint        *bit)
{
  g_assert (*bit + 1 < 32);
  lexicon->quantity_alone_mark = 1u << (*bit)++;
  lexicon->quantity_second_mark = 1u << (*bit)++;

  for (guint k = 0; k < n_sets; k++)
    for (guint i = 0; i < sets[k]->phrases->len; i++)
      {
        Phrase *phrase = g_ptr_array_index (sets[k]->phrases, i);
        const char *word = phrase->words[phrase->n_words == 1 ? 0 : 1];
        guint32 mark = phrase->n_words == 1 ? lexicon->quantity_alone_mark
                                            : lexicon->quantity_second_mark;
        guint32 have = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon->marks, word));

        g_hash_table_insert (lexicon->marks, g_strdup (word), GUINT_TO_POINTER (have | mark));
      }
}

/* Fills the set's table of first words, once all its phrases are in.
 * Words too long for a token are left to by_first alone. */
static void
index_first_words (CcPhraseSet *set)
{
  GHashTableIter iter;
  gpointer key, value;
  guint size = 4, n_refs = 0;

  while (size < g_hash_table_size (set->by_first) * 4)
    size <<= 1;
  set->n_firsts = size;
  set->firsts = g_new0 (FirstWord, size);
  set->refs = g_new0 (PhraseRef, MAX (set->phrases->len, 1));
  set->by_second = g_new0 (SecondRef, MAX (set->phrases->len, 1));

  g_hash_table_iter_init (&iter, set->by_first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char word[CC_LEXICON_WORD] = { 0 };
      GPtrArray *list = value;
      PhraseRef *run;
      SecondRef *seconds;
      guint i;

      if (strlen (key) >= CC_LEXICON_WORD)
        continue;
      memcpy (word, key, strlen (key));
      i = cc_lexicon_hash_word (word) & (size - 1);
      while (set->firsts[i].n_refs != 0)
        i = (i + 1) & (size - 1);
      memcpy (set->firsts[i].word, word, CC_LEXICON_WORD);
      set->firsts[i].start = n_refs;
      set->firsts[i].n_refs = list->len;
      run = set->refs + n_refs;
      seconds = set->by_second + n_refs;

      for (guint k = 0; k < list->len; k++)
        {
          Phrase *phrase = g_ptr_array_index (list, k);

          g_assert (phrase->n_words <= G_MAXUINT16);
          set->refs[n_refs++] = (PhraseRef) {
            .n_words = phrase->n_words,
            .capitals = phrase->capitals,
            .phrase = phrase,
          };
          if (phrase->n_words == 1)
            continue;
          /* longest first: the phrases of one word come last */
          g_assert (run[0].n_multi == k);
          seconds[run[0].n_multi++] = (SecondRef) {
            .second = phrase->second,
            .third = phrase->n_words > 2 ? cc_lexicon_chunk (phrase->padded[2], 0) : 0,
            .ref = k,
          };
        }
      qsort (seconds, run[0].n_multi, sizeof (SecondRef), by_second_word);
    }
}

/* The entry of @set's table of first words for @padded, a word
 * zero-padded to CC_LEXICON_WORD bytes, or NULL. */
static const FirstWord *
find_first_word (const CcPhraseSet *set,
                 const char        *padded)
{
  guint mask = set->n_firsts - 1;

  for (guint i = cc_lexicon_hash_word (padded) & mask; set->firsts[i].n_refs != 0;
       i = (i + 1) & mask)
    if (cc_lexicon_padded_equal (set->firsts[i].word, padded))
      return &set->firsts[i];
  return NULL;
}

/* The phrases of @set that start with @word, longest first; their number
 * goes to @n_refs. A word the lexicon knows is found by its place in it,
 * any other by its text, zero-padded to CC_LEXICON_WORD bytes. */
static inline const PhraseRef *
first_word_phrases (const CcPhraseSet *set,
                    const CcWord      *word,
                    guint             *n_refs)
{
  const FirstWord *first;

  if (word->word != 0 && set->range_by_word != NULL)
    {
      guint32 range;

      if (!(word->marks & set->head.first_mark))
        {
          *n_refs = 0;
          return NULL;
        }
      range = set->range_by_word[word->word - 1];
      *n_refs = range & 0xFF;
      return *n_refs != 0 ? set->refs + (range >> 8) : NULL;
    }

  if ((first = find_first_word (set, word->low)) == NULL)
    {
      *n_refs = 0;
      return NULL;
    }
  *n_refs = first->n_refs;
  return set->refs + first->start;
}

/* The value of the one-word phrase @word of @set, or NULL. */
static const CcPhraseValue *
one_word_phrase (const CcPhraseSet *set,
                 const CcWord      *word)
{
  guint n_refs;
  const PhraseRef *refs = first_word_phrases (set, word, &n_refs);

  /* the phrases of one word come after the others */
  if (refs != NULL && refs[0].n_multi < n_refs)
    return &refs[refs[0].n_multi].phrase->value;
  return NULL;
}

/* Fills the table of @set's last words by the place of a word in the
 * lexicon, once its table of marks is made: sets matched backwards only. */
static void
index_last_words (CcLexicon   *lexicon,
                  CcPhraseSet *set)
{
  guint n_words = lexicon->n_words;
  GHashTableIter iter;
  gpointer key, value;

  if (set->head.last_mark == 0)
    return;
  set->last_by_word = g_new0 (GPtrArray *, MAX (n_words, 1));
  g_hash_table_iter_init (&iter, set->by_last);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char padded[CC_LEXICON_WORD] = { 0 };
      gsize len = strlen (key);
      guint16 word;

      if (len >= CC_LEXICON_WORD)
        continue;
      memcpy (padded, key, len);
      cc_lexicon_find_hashed (lexicon, padded, len, cc_lexicon_hash_padded (padded, len), &word);
      if (word != 0)
        set->last_by_word[word - 1] = value;
    }
}

/* Lays out, for each word of the lexicon, the phrases of @set it starts,
 * once its table of marks is made. */
static void
index_word_ranges (CcLexicon   *lexicon,
                   CcPhraseSet *set)
{
  const CcPhraseValue **alone = g_new0 (const CcPhraseValue *, MAX (lexicon->n_words, 1));

  set->range_by_word = g_new0 (guint32, MAX (lexicon->n_words, 1));
  set->head.alone = alone;
  for (guint w = 0; w < lexicon->n_words; w++)
    {
      const FirstWord *first = NULL;
      const PhraseRef *refs;

      /* the set's table of first words holds none too long for a token */
      if ((lexicon->words[w].marks & set->head.first_mark) && lexicon->words[w].len < CC_LEXICON_WORD)
        first = find_first_word (set, lexicon->words[w].word);
      if (first == NULL)
        continue;
      g_assert (first->n_refs <= 0xFF && first->start < (1u << 24));
      set->range_by_word[w] = first->start << 8 | first->n_refs;
      /* what cc_phrase_set_match_words() finds for a word that starts
       * phrases of one word only, written in any case */
      refs = set->refs + first->start;
      if (refs[0].n_multi == 0 && !refs[0].capitals)
        alone[w] = &refs[0].phrase->value;
    }
}

/* Puts the words of the lexicon in a table of marks of @size slots, each
 * in one of its two (cc_mark_table_other()), moving the words in the
 * way to their other slots as cuckoo hashing does. FALSE when some word
 * finds no room, or when the other slot of a word holds one of the same
 * tag: a look-up then takes the slot whose tag matches without a
 * branch. */
static gboolean
place_words (CcLexicon *lexicon,
             guint      size)
{
  guint bits = 1;

  while ((1u << bits) < size)
    bits++;
  lexicon->n_slots = size;
  lexicon->slot_shift = 32 - bits;
  g_free (lexicon->slots);
  lexicon->slots = g_new0 (guint32, size);

  for (guint n = 0; n < lexicon->n_words; n++)
    {
      guint32 e = ((guint32)cc_lexicon_tag (lexicon->words[n].hash) << 16) | n;
      guint i = lexicon->words[n].hash >> lexicon->slot_shift;
      guint kicks = 0;

      if (lexicon->slots[i] != 0)
        i = cc_mark_table_other (i, e >> 16, size - 1);
      while (lexicon->slots[i] != 0)
        {
          guint32 out = lexicon->slots[i];

          if (++kicks > 4 * size)
            return FALSE;
          lexicon->slots[i] = e;
          e = out;
          i = cc_mark_table_other (i, e >> 16, size - 1);
        }
      lexicon->slots[i] = e;
    }

  for (guint i = 0; i < size; i++)
    {
      guint32 e = lexicon->slots[i];

      if (e != 0 && lexicon->slots[cc_mark_table_other (i, e >> 16, size - 1)] >> 16 == e >> 16)
        return FALSE;
    }

  g_aligned_free (lexicon->short_slots);
  lexicon->short_slots = g_aligned_alloc0 (size, sizeof (CcShortSlot), 64);
  for (guint i = 0; i < size; i++)
    {
      const CcMarkSlot *word = &lexicon->words[lexicon->slots[i] & 0xFFFF];

      if (lexicon->slots[i] != 0 && word->len < sizeof lexicon->short_slots[i].word)
        {
          memcpy (lexicon->short_slots[i].word, word->word, sizeof lexicon->short_slots[i].word);
          lexicon->short_slots[i].marks = word->marks;
          lexicon->short_slots[i].place = (lexicon->slots[i] & 0xFFFF) + 1;
        }
    }
  return TRUE;
}

/* The marks live in a table keyed by the hash the tokenizer computes as
 * it folds a word: a look-up per word of text is the extractor's hottest
 * path. Its words are kept zero-padded, so that they are compared 8
 * bytes at a time. */
static void
build_mark_table (CcLexicon *lexicon)
{
  GHashTableIter iter;
  gpointer key, value;
  guint size = 2, n = 0;

  /* an index of 16 bits for each word */
  g_assert (g_hash_table_size (lexicon->marks) <= G_MAXUINT16 + 1u);
  lexicon->words = g_new0 (CcMarkSlot, MAX (g_hash_table_size (lexicon->marks), 1));

  g_hash_table_iter_init (&iter, lexicon->marks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len = strlen (key);
      CcMarkSlot *slot = &lexicon->words[n];

      /* a word too long to be kept is one no text's word can be */
      if (len >= CC_LEXICON_WORD_MARKED)
        continue;
      memcpy (slot->word, key, len);
      slot->len = len;
      slot->hash = cc_lexicon_hash_padded (slot->word, len);
      slot->marks = GPOINTER_TO_UINT (value);
      n++;
    }
  lexicon->n_words = n;

  /* half the slots in use or fewer, as two slots a word allow, with
   * more when the words do not fit; the index, the high bits of a hash,
   * leaves its low 16 to the tag */
  while (size < n * 2)
    size <<= 1;
  for (; !place_words (lexicon, size); size <<= 1)
    g_assert (size < G_MAXUINT16 + 1u);

  for (guint c = 1; c < G_N_ELEMENTS (lexicon->ascii_marks); c++)
    {
      char word[8] = { c };

      lexicon->ascii_marks[c] = cc_lexicon_find_hashed (lexicon, word, 1,
                                                        cc_lexicon_hash_padded (word, 1),
                                                        &lexicon->ascii_words[c]);
    }
}

guint32
cc_lexicon_marks (CcLexicon  *lexicon,
                  const char *word)
{
  gsize len = strlen (word);
  g_autofree char *padded = g_malloc0 (len + 8);
  guint16 place;

  memcpy (padded, word, len);
  return cc_lexicon_find_hashed (lexicon, padded, len, cc_lexicon_hash_padded (padded, len), &place);
}

CcLexicon *
cc_lexicon_new_from_bytes (GBytes  *lexicon_bytes,
                           GBytes  *gazetteer_bytes,
                           GError **error)
{
  g_autoptr(JsonParser) lexicon_parser = json_parser_new ();
  g_autoptr(JsonParser) gazetteer_parser = json_parser_new ();
  CcLexicon *lexicon;
  JsonObject *root;
  JsonObject *places;

  if (!(root = parse_object (lexicon_parser, lexicon_bytes, "lexicon", error)) ||
      !(places = parse_object (gazetteer_parser, gazetteer_bytes, "gazetteer", error)))
    return NULL;

  lexicon = g_new0 (CcLexicon, 1);
  lexicon->people_nouns = load_list (root, "people_nouns");
  lexicon->number_words = load_map (root, "number_words");
  lexicon->scales = load_map (root, "scales");
  lexicon->vague_amounts = load_map (root, "vague_amounts");
  lexicon->qualifiers = load_map (root, "qualifiers");
  lexicon->status_words = load_status (root, "status_words");
  lexicon->hedges = load_list (root, "hedges");
  lexicon->stop_words = load_list (root, "stop_words");
  lexicon->attribution_verbs = load_list (root, "attribution_verbs");
  lexicon->attribution_adverbs = load_list (root, "attribution_adverbs");
  lexicon->source_words = load_list (root, "source_words");
  lexicon->source_org_words = load_list (root, "source_org_words");
  lexicon->source_phrase_stops = load_list (root, "source_phrase_stops");
  lexicon->people_verbs = load_list (root, "people_verbs");
  lexicon->non_agent_nouns = load_list (root, "non_agent_nouns");
  lexicon->count_nouns = load_list (root, "count_nouns");
  lexicon->count_links = load_list (root, "count_links");
  lexicon->day_words = load_list (root, "day_words");
  lexicon->document_nouns = load_list (root, "document_nouns");
  lexicon->withdraw_verbs = load_list (root, "withdraw_verbs");
  lexicon->countries = load_names (places, "countries");
  lexicon->bodies = load_names (places, "bodies");
  lexicon->demonyms = load_map (places, "demonyms");
  lexicon->titles = load_list (places, "titles");
  lexicon->adjectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (json_object_has_member (places, "adjectives"))
    {
      JsonObject *adjectives = json_object_get_object_member (places, "adjectives");
      JsonObjectIter iter;
      const char *country;
      JsonNode *node;

      json_object_iter_init (&iter, adjectives);
      while (adjectives != NULL && json_object_iter_next (&iter, &country, &node))
        if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
          g_hash_table_insert (lexicon->adjectives, g_strdup (country),
                               g_strdup (json_node_get_string (node)));
    }

  {
    CcPhraseSet *sets[] = {
      lexicon->people_nouns, lexicon->number_words, lexicon->scales, lexicon->vague_amounts,
      lexicon->status_words, lexicon->hedges, lexicon->stop_words, lexicon->attribution_verbs,
      lexicon->attribution_adverbs, lexicon->source_words, lexicon->source_org_words,
      lexicon->source_phrase_stops, lexicon->people_verbs, lexicon->non_agent_nouns, lexicon->count_nouns,
      lexicon->count_links, lexicon->day_words, lexicon->document_nouns, lexicon->withdraw_verbs,
      lexicon->countries, lexicon->bodies, lexicon->demonyms,
      lexicon->titles,
    };
    guint bit = 0;

    lexicon->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    /* Qualifiers are read backwards from the number: "as many as". */
    mark_set (lexicon->marks, lexicon->qualifiers, TRUE, &bit);
    index_first_words (lexicon->qualifiers);
    for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
      {
        mark_set (lexicon->marks, sets[i], FALSE, &bit);
        index_first_words (sets[i]);
      }
    mark_quantity_words (lexicon, (CcPhraseSet *[]) { lexicon->number_words, lexicon->vague_amounts },
                         2, &bit);
    build_mark_table (lexicon);
    index_last_words (lexicon, lexicon->qualifiers);
    index_word_ranges (lexicon, lexicon->qualifiers);
    for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
      {
        index_last_words (lexicon, sets[i]);
        index_word_ranges (lexicon, sets[i]);
      }
  }

  return lexicon;
}

void
cc_lexicon_free (CcLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  phrase_set_free (lexicon->people_nouns);
  phrase_set_free (lexicon->number_words);
  phrase_set_free (lexicon->scales);
  phrase_set_free (lexicon->vague_amounts);
  phrase_set_free (lexicon->qualifiers);
  phrase_set_free (lexicon->status_words);
  phrase_set_free (lexicon->hedges);
  phrase_set_free (lexicon->stop_words);
  phrase_set_free (lexicon->attribution_verbs);
  phrase_set_free (lexicon->attribution_adverbs);
  phrase_set_free (lexicon->source_words);
  phrase_set_free (lexicon->source_org_words);
  phrase_set_free (lexicon->source_phrase_stops);
  phrase_set_free (lexicon->people_verbs);
  phrase_set_free (lexicon->non_agent_nouns);
  phrase_set_free (lexicon->count_nouns);
  phrase_set_free (lexicon->count_links);
  phrase_set_free (lexicon->day_words);
  phrase_set_free (lexicon->document_nouns);
  phrase_set_free (lexicon->withdraw_verbs);
  phrase_set_free (lexicon->countries);
  phrase_set_free (lexicon->bodies);
  phrase_set_free (lexicon->demonyms);
  phrase_set_free (lexicon->titles);
  g_clear_pointer (&lexicon->adjectives, g_hash_table_unref);
  g_clear_pointer (&lexicon->marks, g_hash_table_unref);
  g_free (lexicon->slots);
  g_free (lexicon->words);
  g_aligned_free (lexicon->short_slots);
  g_free (lexicon);
}

/* The first of the @n SecondRefs at @seconds whose second word is
 * @second, or @n: they are sorted by it. The halving picks its half
 * without a branch, which the processor could not predict. */
static guint
first_with_second (const SecondRef *seconds,
                   guint            n,
                   guint64          second)
{
  const SecondRef *base = seconds;
  guint len = n;

  if (n == 0)
    return n;
  while (len > 1)
    {
      guint half = len / 2;

      /* arithmetic, which the compiler keeps free of a jump */
      base += half & -(guint)(base[half - 1].second < second);
      len -= half;
    }
  return base->second == second ? (guint)(base - seconds) : n;
}

/* How many words after the second a match keeps at hand, each fetched
 * once for all the phrases it tries. */
#define LATER_WORDS 6

typedef struct
{
  CcWordAt  word_at;
  gpointer  user_data;
  guint     index;       /* of the first word */
  guint     n_fetched;   /* words after the second fetched, or tried past the end */
  gboolean  at_end;      /* the last fetch found none */
  CcWord    later[LATER_WORDS];
} LaterWords;

/* The word @j places after the first (@j > 1), or NULL past the end;
 * inline, as it is mostly a word at hand. */
static inline const CcWord *
later_word (LaterWords *later,
            guint       j,
            CcWord     *scratch)
{
  guint k = j - 2;

  if (k < later->n_fetched)
    return later->at_end && k == later->n_fetched - 1 ? NULL : &later->later[k];
  if (later->at_end)
    return NULL;
  if (k >= LATER_WORDS)
    return later->word_at (later->user_data, later->index + j, scratch) ? scratch : NULL;
  /* the words before it are fetched first: k == n_fetched */
  if (!later->word_at (later->user_data, later->index + j, &later->later[k]))
    later->at_end = TRUE;
  later->n_fetched++;
  return later->at_end ? NULL : &later->later[k];
}

/* Whether the words after the first are those of @ref, whose second word
 * the caller has in @second. */
static gboolean
rest_matches (const PhraseRef *ref,
              const CcWord    *second,
              LaterWords      *later)
{
  const Phrase *phrase = ref->phrase;

  for (guint j = 1; j < ref->n_words; j++)
    {
      CcWord scratch;
      const CcWord *word = j == 1 ? second : later_word (later, j, &scratch);

      if (word == NULL || !cc_lexicon_padded_equal (word->low, phrase->padded[j]) ||
          (ref->capitals && !word->capitals))
        return FALSE;
    }
  return TRUE;
}

const CcPhraseValue *
cc_phrase_set_match_words (CcPhraseSet  *set,
                           const CcWord *first,
                           const CcWord *second,
                           CcWordAt      word_at,
                           gpointer      user_data,
                           guint         index,
                           guint        *n_words)
{
  const PhraseRef *refs;
  guint n_refs, n_multi;

  if (!(first->marks & set->head.first_mark) ||
      !(refs = first_word_phrases (set, first, &n_refs)))
    return NULL;

  /* the longest phrase that matches: of those with the second word that
   * follows, in their order, then of those of one word */
  n_multi = refs[0].n_multi;
  if (n_multi > 0 && second != NULL)
    {
      const SecondRef *seconds = set->by_second + (refs - set->refs);
      guint64 chunk = cc_lexicon_chunk (second->low, 0);
      LaterWords later;

      /* not the words themselves: they are fetched as they are asked */
      later.word_at = word_at;
      later.user_data = user_data;
      later.index = index;
      later.n_fetched = 0;
      later.at_end = FALSE;

      for (guint k = first_with_second (seconds, n_multi, chunk);
           k < n_multi && seconds[k].second == chunk; k++)
        {
          const PhraseRef *ref = &refs[seconds[k].ref];

          if (ref->capitals && !first->capitals)
            continue;
          /* most longer phrases part from the text at their third word */
          if (ref->n_words > 2)
            {
              CcWord scratch;
              const CcWord *third = later_word (&later, 2, &scratch);

              if (third == NULL || cc_lexicon_chunk (third->low, 0) != seconds[k].third)
                continue;
            }
          if (rest_matches (ref, second, &later))
            {
              *n_words = ref->n_words;
              return &ref->phrase->value;
            }
        }
    }

  for (guint i = n_multi; i < n_refs; i++)
    if (!refs[i].capitals || first->capitals)
      {
        *n_words = 1;
        return &refs[i].phrase->value;
      }
  return NULL;
}

const CcPhraseValue *
cc_phrase_set_match (CcPhraseSet *set,
                     CcWordAt     word_at,
                     gpointer     user_data,
                     guint        index,
                     guint       *n_words)
{
  CcWord first, second;
  guint dummy;

  if (!word_at (user_data, index, &first))
    return NULL;
  return cc_phrase_set_match_words (set, &first,
                                    word_at (user_data, index + 1, &second) ? &second : NULL,
                                    word_at, user_data, index, n_words != NULL ? n_words : &dummy);
}

const CcPhraseValue *
cc_phrase_set_match_back (CcPhraseSet *set,
                          CcWordAt     word_at,
                          gpointer     user_data,
                          guint        last,
                          guint       *n_words)
{
  CcWord word;
  GPtrArray *list;

  if (!word_at (user_data, last, &word) || !(word.marks & set->head.last_mark))
    return NULL;
  if (word.word != 0 && set->last_by_word != NULL)
    list = set->last_by_word[word.word - 1];
  else
    list = g_hash_table_lookup (set->by_last, word.low);
  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (list, i);
      guint j;

      if (phrase->n_words > last + 1 || (phrase->capitals && !word.capitals))
        continue;

      for (j = 1; j < phrase->n_words; j++)
        {
          CcWord other;

          if (!word_at (user_data, last - j, &other) ||
              strcmp (other.low, phrase->words[phrase->n_words - 1 - j]) != 0 ||
              (phrase->capitals && !other.capitals))
            break;
        }

      if (j == phrase->n_words)
        {
          if (n_words != NULL)
            *n_words = phrase->n_words;
          return &phrase->value;
        }
    }

  return NULL;
}

const CcPhraseValue *
cc_phrase_set_lookup (CcPhraseSet *set,
                      const char  *word)
{
  char padded[CC_LEXICON_WORD] = { 0 };
  gsize len = word != NULL ? strlen (word) : 0;

  if (word == NULL)
    return NULL;

  if (len < CC_LEXICON_WORD)
    {
      CcWord w = { .low = memcpy (padded, word, len) };

      return one_word_phrase (set, &w);
    }
  else
    {
      GPtrArray *list = g_hash_table_lookup (set->by_first, word);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          Phrase *phrase = g_ptr_array_index (list, i);

          if (phrase->n_words == 1)
            return &phrase->value;
        }
    }

  return NULL;
}

gboolean
cc_phrase_set_may_start (CcPhraseSet  *set,
                         const CcWord *first,
                         const CcWord *second)
{
  guint n_refs, n_multi;
  const PhraseRef *refs;

  if (!(first->marks & set->head.first_mark) ||
      !(refs = first_word_phrases (set, first, &n_refs)))
    return FALSE;
  n_multi = refs[0].n_multi;
  for (guint i = n_multi; i < n_refs; i++)
    if (!refs[i].capitals || first->capitals)
      return TRUE;
  if (second != NULL && n_multi > 0)
    {
      const SecondRef *seconds = set->by_second + (refs - set->refs);
      guint64 chunk = cc_lexicon_chunk (second->low, 0);

      for (guint k = first_with_second (seconds, n_multi, chunk);
           k < n_multi && seconds[k].second == chunk; k++)
        if (!refs[seconds[k].ref].capitals || first->capitals)
          return TRUE;
    }
  return FALSE;
}

gboolean
cc_phrase_set_has_word (CcPhraseSet  *set,
                        const CcWord *word)
{
  return one_word_phrase (set, word) != NULL;
}

