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

#include <string.h>

#include <json-glib/json-glib.h>

#include "cc-lexicon.h"
#include "cc-types.h"

typedef struct
{
  char          **words;
  guint           n_words;
  CcPhraseValue   value;
} Phrase;

struct _CcPhraseSet
{
  /* first word → GPtrArray of Phrase, longest first */
  GHashTable *by_first;
  /* last word → GPtrArray of Phrase, longest first */
  GHashTable *by_last;
  GPtrArray  *phrases;
};

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->words);
  g_free ((char *)phrase->value.str);
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

  phrase->words = g_strsplit (lower, " ", -1);
  phrase->n_words = g_strv_length (phrase->words);
  if (phrase->n_words == 0)
    {
      phrase_free (phrase);
      return;
    }
  phrase->value = *value;
  phrase->value.str = g_strdup (value->str);
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

CcLexicon *
cc_lexicon_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  CcLexicon *lexicon;
  JsonObject *root;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The lexicon is not an object");
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  lexicon = g_new0 (CcLexicon, 1);
  lexicon->people_nouns = load_list (root, "people_nouns");
  lexicon->number_words = load_map (root, "number_words");
  lexicon->scales = load_map (root, "scales");
  lexicon->vague_amounts = load_map (root, "vague_amounts");
  lexicon->qualifiers = load_map (root, "qualifiers");
  lexicon->status_words = load_status (root, "status_words");
  lexicon->hedges = load_list (root, "hedges");
  lexicon->stop_words = load_list (root, "stop_words");
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
  g_free (lexicon);
}

const CcPhraseValue *
cc_phrase_set_match (CcPhraseSet *set,
                     CcWordAt     word_at,
                     gpointer     user_data,
                     guint        index,
                     guint       *n_words)
{
  const char *first = word_at (user_data, index);
  GPtrArray *list;

  if (first == NULL || !(list = g_hash_table_lookup (set->by_first, first)))
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (list, i);
      guint j;

      for (j = 1; j < phrase->n_words; j++)
        {
          const char *word = word_at (user_data, index + j);

          if (word == NULL || strcmp (word, phrase->words[j]) != 0)
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
cc_phrase_set_match_back (CcPhraseSet *set,
                          CcWordAt     word_at,
                          gpointer     user_data,
                          guint        last,
                          guint       *n_words)
{
  const char *word = word_at (user_data, last);
  GPtrArray *list;

  if (word == NULL || !(list = g_hash_table_lookup (set->by_last, word)))
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (list, i);
      guint j;

      if (phrase->n_words > last + 1)
        continue;

      for (j = 1; j < phrase->n_words; j++)
        {
          const char *other = word_at (user_data, last - j);

          if (other == NULL || strcmp (other, phrase->words[phrase->n_words - 1 - j]) != 0)
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

gboolean
cc_phrase_set_contains (CcPhraseSet *set,
                        const char  *word)
{
  GPtrArray *list;

  if (word == NULL || !(list = g_hash_table_lookup (set->by_first, word)))
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    if (((Phrase *)g_ptr_array_index (list, i))->n_words == 1)
      return TRUE;

  return FALSE;
}
