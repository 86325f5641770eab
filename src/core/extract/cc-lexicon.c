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

#include "cc-lexicon-private.h"
#include "cc-types.h"

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
        first = _cc_phrase_set_find_first_word (set, lexicon->words[w].word);
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
