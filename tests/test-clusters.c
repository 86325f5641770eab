/* test-clusters.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Claims across articles: the sample imported into a library as the app
 * does it, grouped into statements; the rules that decide what is one
 * statement; a reprinted article found as such; and `crosscheck compare`
 * agreeing with the library API. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cc-article.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-test-utils.h"

typedef struct
{
  char      *dir;
  char      *db_path;
  CcLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { cc_test_sample_dir (), NULL };

  f->dir = g_dir_make_tmp ("cc-test-clusters-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "library.db", NULL);

  store = cc_store_new (f->db_path, &error);
  g_assert_no_error (error);
  f->library = cc_library_new (store);
  g_assert_true (cc_library_load (f->library, &error));
  g_assert_no_error (error);

  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_refused, ==, 0);
  g_assert_cmpuint (report->n_imported, >=, 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  cc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* The clusters of @set that disagree with @cluster, one pair at a time. */
static guint
count_conflicts (CcClusterSet *set,
                 CcCluster    *cluster)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CcCluster) other = g_list_model_get_item (G_LIST_MODEL (set), i);

      n += other != cluster && cc_cluster_conflicts_with (cluster, other);
    }

  return n;
}

/* The distinct articles carrying a cluster. */
static guint
count_articles (CcCluster *cluster)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *mentions = cc_cluster_get_mentions (cluster);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, i);
      gint64 id = cc_claim_get_article_id (claim);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return g_hash_table_size (ids);
}

static CcCluster *
cluster_of_claim (CcClusterSet *set,
                  CcClaim      *claim)
{
  CcCluster *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);
      GListModel *mentions = cc_cluster_get_mentions (cluster);

      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(CcClaim) mention = g_list_model_get_item (mentions, j);

          if (mention == claim)
            {
              /* A claim is in one cluster only. */
              g_assert_null (found);
              found = cluster;
            }
        }
    }

  return found;
}

/* The one cluster holding every library claim of @value whose claimant
 * contains @name; NULL when no claim fits. */
static CcCluster *
find_cluster (CcLibrary    *library,
              CcClusterSet *set,
              const char   *name,
              double        value)
{
  GListModel *claims = cc_library_get_claims (library);
  CcCluster *cluster = NULL;
  guint n_found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      CcCluster *of_claim;

      if (cc_claim_get_low (claim) != value || cc_claim_get_claimant (claim) == NULL ||
          !strstr (cc_claim_get_claimant (claim), name))
        continue;

      of_claim = cluster_of_claim (set, claim);
      g_assert_nonnull (of_claim);
      if (cluster == NULL)
        cluster = of_claim;
      else
        g_assert_true (cluster == of_claim);
      n_found++;
    }

  g_test_message ("%u claims of %.0f by “%s”", n_found, value, name);
  return cluster;
}

/* A key for a claimant made independently of the product's rules: the
 * last word, lower case, transliteration endings folded. */
static char *
surname (const char *claimant)
{
  g_autofree char *lower = NULL;
  const char *last;
  char *word;
  gsize len;

  if (claimant == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (claimant, -1);
  if (strchr (lower, '('))
    *strchr (lower, '(') = '\0';
  g_strstrip (lower);
  last = strrchr (lower, ' ') ? strrchr (lower, ' ') + 1 : lower;
  word = g_strdup (last);
  len = strlen (word);
  if (len > 3 && (g_str_has_suffix (word, "yy") || g_str_has_suffix (word, "iy")))
    word[len - 1] = '\0';
  return word;
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CcClusterSet) set = cc_cluster_set_new_for_library (f->library);
  GListModel *model = G_LIST_MODEL (set);
  guint n = g_list_model_get_n_items (model);
  guint n_mentions = 0;
  CcCluster *zelenskyy, *spy_agency;
  guint n_twelve = 0;

  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (model, i);
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GListModel *mentions = cc_cluster_get_mentions (cluster);
      const guint *conflicts;
      guint n_conflicts;

      /* Ids are 1… in order, and lookup finds them. */
      g_assert_cmpuint (cc_cluster_get_id (cluster), ==, i + 1);
      g_assert_true (cc_cluster_set_lookup (set, i + 1) == cluster);
      g_assert_cmpuint (cc_cluster_get_n_mentions (cluster), >, 0);
      g_assert_cmpuint (cc_cluster_get_n_sources (cluster), >=, 1);
      g_assert_cmpuint (cc_cluster_get_n_sources (cluster), <=, count_articles (cluster));
      if (cc_cluster_get_first_day (cluster) != NULL)
        g_assert_cmpstr (cc_cluster_get_first_day (cluster), <=, cc_cluster_get_last_day (cluster));

      /* No cluster mixes claimants. */
      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, j);

          g_hash_table_add (names, surname (cc_claim_get_claimant (claim)));
          g_assert_true (cc_values_compatible (cc_claim_get_low (claim), cc_claim_get_high (claim),
                                               cc_cluster_get_low (cluster),
                                               cc_cluster_get_high (cluster)));
          n_mentions++;
        }
      if (g_hash_table_size (names) != 1)
        g_error ("Cluster %u mixes %u claimants", cc_cluster_get_id (cluster),
                 g_hash_table_size (names));

      /* Conflicts go both ways and only between figures that differ;
       * the count is that of every other cluster that disagrees. */
      conflicts = cc_cluster_get_conflicts (cluster, &n_conflicts);
      g_assert_cmpuint (cc_cluster_get_n_conflicts (cluster), ==, count_conflicts (set, cluster));
      g_assert_cmpuint (n_conflicts, ==, MIN (cc_cluster_get_n_conflicts (cluster),
                                              CC_CLUSTER_MAX_LISTED_CONFLICTS));
      for (guint j = 0; j < n_conflicts; j++)
        {
          CcCluster *other = cc_cluster_set_lookup (set, conflicts[j]);

          g_assert_nonnull (other);
          g_assert_true (cc_cluster_conflicts_with (other, cluster));
          g_assert_true (cc_cluster_conflicts_with (cluster, other));
          g_assert_false (cc_values_compatible (cc_cluster_get_low (cluster),
                                                cc_cluster_get_high (cluster),
                                                cc_cluster_get_low (other),
                                                cc_cluster_get_high (other)));
        }
    }

  /* Every claim the library shows is in one cluster. */
  g_assert_cmpuint (n_mentions, ==, g_list_model_get_n_items (cc_library_get_claims (f->library)));

  /* Zelenskyy's 10,000, whatever the spelling, from at least three
   * articles. */
  zelenskyy = find_cluster (f->library, set, "Zelensk", 10000);
  g_assert_nonnull (zelenskyy);
  g_assert_cmpuint (count_articles (zelenskyy), >=, 3);
  g_assert_cmpuint (cc_cluster_get_n_sources (zelenskyy), >=, 3);
  g_assert_cmpfloat (cc_cluster_get_low (zelenskyy), ==, 10000);
  g_assert_nonnull (strstr (cc_cluster_get_claimant (zelenskyy), "Zelensk"));
  g_assert_cmpstr (cc_cluster_get_subject_class (zelenskyy), ==, "troops");

  /* The spy agency's 1,500, from at least two. */
  spy_agency = find_cluster (f->library, set, "Intelligence Service", 1500);
  g_assert_nonnull (spy_agency);
  g_assert_cmpuint (count_articles (spy_agency), >=, 2);
  g_assert_cmpstr (cc_cluster_get_subject_class (spy_agency), ==, "troops");

  /* 1,500 and 12,000 troops contradict each other. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (model, i);

      if (cc_cluster_get_low (cluster) != 12000 ||
          g_strcmp0 (cc_cluster_get_subject_class (cluster), "troops") != 0)
        continue;

      n_twelve++;
      g_assert_true (cc_cluster_conflicts_with (spy_agency, cluster));
      g_assert_true (cc_cluster_conflicts_with (cluster, spy_agency));
    }
  g_assert_cmpuint (n_twelve, >=, 1);

  /* The sample's five articles are five sources. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);

      g_assert_cmpint (cc_cluster_set_get_origin (set, cc_article_get_id (article)), ==,
                       cc_article_get_id (article));
    }

  /* A mention can be quoted in its sentence. */
  {
    g_autoptr(CcClaim) claim = g_list_model_get_item (cc_cluster_get_mentions (spy_agency), 0);
    g_autofree char *quote = cc_cluster_set_dup_quote (set, claim);

    g_assert_nonnull (quote);
    g_assert_nonnull (strstr (quote, "1,500"));
    g_assert_cmpuint (strlen (quote), <, 800);
  }

  /* Not one past the end of its text. */
  {
    g_autoptr(CcClaim) claim = g_list_model_get_item (cc_cluster_get_mentions (spy_agency), 0);
    g_autoptr(CcClaim) beyond = cc_claim_new ();
    g_autofree char *last = NULL;
    CcArticle *article = cc_library_lookup_article (f->library, cc_claim_get_article_id (claim));
    guint length = g_utf8_strlen (cc_article_get_text (article), -1);

    cc_claim_set_article_id (beyond, cc_claim_get_article_id (claim));
    cc_claim_set_start (beyond, length - 4);
    cc_claim_set_end (beyond, length + 1);
    g_assert_null (cc_cluster_set_dup_quote (set, beyond));
    cc_claim_set_end (beyond, length);
    last = cc_cluster_set_dup_quote (set, beyond);
    g_assert_nonnull (last);
  }

  g_assert_finalize_object (g_steal_pointer (&set));
}

/* The sentence-level rules, one by one. */
static void
test_rules (void)
{
  /* Claimants across spellings and titles. */
  g_assert_true (cc_claimant_match ("Zelensky", "Volodymyr Zelenskyy"));
  g_assert_true (cc_claimant_match ("Mr Zelensky", "President Volodymyr Zelenskiy"));
  g_assert_true (cc_claimant_match ("Volodymyr Zelenskyy", "Volodymyr Zelensky"));
  g_assert_true (cc_claimant_match ("NIS", "National Intelligence Service"));
  g_assert_true (cc_claimant_match ("Yonhap News (citing an official)", "yonhap news"));
  g_assert_true (cc_claimant_match ("Mark Rutte", "NATO Secretary General Mark Rutte"));
  g_assert_true (cc_claimant_match (NULL, NULL));
  g_assert_false (cc_claimant_match ("Volodymyr Zelensky", "Oleksandr Zelensky"));
  g_assert_false (cc_claimant_match ("officials", "European government officials"));
  g_assert_false (cc_claimant_match ("South Korean media", "Ukrainian media"));
  g_assert_false (cc_claimant_match ("Kyrylo Budanov", NULL));
  g_assert_false (cc_claimant_match ("Washington", "Sabrina Singh"));

  /* Subjects by head noun. */
  g_assert_cmpstr (cc_subject_class ("troops", CC_CLAIM_STATUS_SENT), ==,
                   cc_subject_class ("North Korean infantry soldiers", CC_CLAIM_STATUS_SENT));
  g_assert_cmpstr (cc_subject_class ("special operation forces", CC_CLAIM_STATUS_SENT), ==,
                   cc_subject_class ("military personnel", CC_CLAIM_STATUS_PREPARING));
  g_assert_cmpstr (cc_subject_class ("dead", CC_CLAIM_STATUS_OTHER), ==,
                   cc_subject_class ("soldiers", CC_CLAIM_STATUS_KILLED));
  g_assert_cmpstr (cc_subject_class ("injured", CC_CLAIM_STATUS_OTHER), ==,
                   cc_subject_class ("wounded", CC_CLAIM_STATUS_OTHER));
  g_assert_cmpstr (cc_subject_class ("prisoners of war", CC_CLAIM_STATUS_OTHER), ==, "captured");
  g_assert_cmpstr (cc_subject_class ("workers", CC_CLAIM_STATUS_SENT), !=,
                   cc_subject_class ("troops", CC_CLAIM_STATUS_SENT));
  g_assert_cmpstr (cc_subject_class ("killed", CC_CLAIM_STATUS_OTHER), !=,
                   cc_subject_class ("wounded", CC_CLAIM_STATUS_OTHER));
  g_assert_true (cc_subject_compatible ("troops", "North Korean soldiers"));
  g_assert_true (cc_subject_compatible ("North Korea soldiers", "North Korean troops"));
  g_assert_false (cc_subject_compatible ("Russian soldiers", "North Korean troops"));
  g_assert_false (cc_subject_compatible ("South Korean troops", "North Korean troops"));

  /* Values: equal, overlapping, within rounding. */
  g_assert_true (cc_values_compatible (10000, 10000, 10000, 10000));
  g_assert_true (cc_values_compatible (10000, 10000, 10200, 10200));
  g_assert_true (cc_values_compatible (1500, 1500, 1000, 3000));
  g_assert_false (cc_values_compatible (10000, 10000, 11000, 11000));
  g_assert_false (cc_values_compatible (1500, 1500, 12000, 12000));
  g_assert_false (cc_values_compatible (12000, 12000, 1000, 3000));
  g_assert_false (cc_values_compatible (6, 6, 7, 7));
  g_assert_false (cc_values_compatible (1200000, 1200000, 1280000, 1280000));

  /* Statuses. */
  g_assert_true (cc_status_comparable (CC_CLAIM_STATUS_PREPARING, CC_CLAIM_STATUS_SENT));
  g_assert_false (cc_status_comparable (CC_CLAIM_STATUS_SENT, CC_CLAIM_STATUS_KILLED));
  g_assert_false (cc_status_comparable (CC_CLAIM_STATUS_TOTAL, CC_CLAIM_STATUS_DEPLOYED));

  /* The stem keys find exactly the words cc_subject_compatible() takes
   * for one country. */
  {
    static const char * const words[] = {
      "Korea", "Korean", "Koreans", "Ukraine", "Ukrainian", "Russia", "Russian", "Rus",
      "Abc", "Abcd", "Abcde", "Abcdef", "Abcdxy", "Abcdxyzw", "Abcdefghij", "Abcdefghxy",
      "Abcdefgh", "Abcdezz", "Wagner", "Wagnerite",
    };

    for (guint a = 0; a < G_N_ELEMENTS (words); a++)
      for (guint b = 0; b < G_N_ELEMENTS (words); b++)
        {
          g_autofree char *subject_a = g_strdup_printf ("%s troops", words[a]);
          g_autofree char *subject_b = g_strdup_printf ("%s troops", words[b]);
          g_autofree char *word_a = g_ascii_strdown (words[a], -1);
          g_autofree char *word_b = g_ascii_strdown (words[b], -1);
          g_autoptr(GPtrArray) filing = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) lookup = g_ptr_array_new_with_free_func (g_free);
          gboolean found = FALSE;

          cc_stem_add_filing_keys (word_b, filing);
          cc_stem_add_lookup_keys (word_a, lookup);
          for (guint i = 0; i < lookup->len; i++)
            for (guint j = 0; j < filing->len; j++)
              found = found || g_str_equal (g_ptr_array_index (lookup, i),
                                            g_ptr_array_index (filing, j));
          if (found != cc_subject_compatible (subject_a, subject_b))
            g_error ("“%s” and “%s”: keys say %d", words[a], words[b], found);
        }
  }
}

/* Writes @text as one article of its own folder, with its details. */
static char *
write_article (Fixture    *f,
               const char *folder,
               const char *text,
               const char *title,
               const char *outlet,
               const char *published)
{
  g_autofree char *dir = g_build_filename (f->dir, folder, NULL);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "meta.json", NULL);
  g_autofree char *meta = g_strdup_printf ("[{\"file\": \"article.txt\", \"title\": \"%s\", "
                                           "\"outlet\": \"%s\", \"published\": \"%s\"}]",
                                           title, outlet, published);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (meta_path, meta, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

static CcArticle *
article_with_title (CcLibrary  *library,
                    const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (g_strcmp0 (cc_article_get_title (article), title) == 0)
        return article;
    }

  return NULL;
}

/* A wire story printed again by another site, under another title, with
 * a line of its own on top and its last paragraphs dropped. */
static void
test_same_origin (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CcClusterSet) before = cc_cluster_set_new_for_library (f->library);
  g_autoptr(CcClusterSet) after = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GString) reprint = g_string_new ("Reprinted with permission from the wire.\n\n");
  g_autofree char *folder = NULL;
  g_auto(GStrv) paragraphs = NULL;
  CcCluster *original_cluster, *reprint_cluster;
  CcArticle *original = NULL, *copy;
  const char *paths[2] = { NULL, NULL };
  guint n_paragraphs;

  /* The article that carries the spy agency's figure. */
  original_cluster = find_cluster (f->library, before, "Intelligence Service", 1500);
  g_assert_nonnull (original_cluster);
  {
    GListModel *mentions = cc_cluster_get_mentions (original_cluster);
    g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, 0);

    original = cc_library_lookup_article (f->library, cc_claim_get_article_id (claim));
  }
  g_assert_nonnull (original);

  paragraphs = g_strsplit (cc_article_get_text (original), "\n", -1);
  n_paragraphs = g_strv_length (paragraphs);
  g_assert_cmpuint (n_paragraphs, >, 4);
  for (guint i = 0; i < n_paragraphs - n_paragraphs / 5; i++)
    g_string_append_printf (reprint, "%s\n", paragraphs[i]);

  g_assert_cmpfloat (cc_same_origin_similarity (cc_article_get_text (original), reprint->str),
                     >=, CC_SAME_ORIGIN_JACCARD);

  folder = write_article (f, "reprint", reprint->str, "Seoul says Pyongyang shipped troops",
                          "Evening Courier", "2024-10-23");
  paths[0] = folder;
  report = cc_library_import (f->library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);
  copy = article_with_title (f->library, "Seoul says Pyongyang shipped troops");
  g_assert_nonnull (copy);

  after = cc_cluster_set_new_for_library (f->library);

  /* The reprint points at the original, which points at itself. */
  g_assert_cmpint (cc_cluster_set_get_origin (after, cc_article_get_id (copy)), ==,
                   cc_article_get_id (original));
  g_assert_cmpint (cc_cluster_set_get_origin (after, cc_article_get_id (original)), ==,
                   cc_article_get_id (original));
  g_assert_cmpint (cc_cluster_set_get_origin (after, 999999), ==, 0);

  /* Its claims join the same clusters, but as the same source. */
  reprint_cluster = find_cluster (f->library, after, "Intelligence Service", 1500);
  g_assert_nonnull (reprint_cluster);
  g_assert_nonnull (cc_cluster_get_mention_in (reprint_cluster, cc_article_get_id (copy)));
  g_assert_cmpuint (count_articles (reprint_cluster), ==, count_articles (original_cluster) + 1);
  g_assert_cmpuint (cc_cluster_get_n_sources (reprint_cluster), ==,
                    cc_cluster_get_n_sources (original_cluster));

  /* Unrelated articles stay apart. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->library)); i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);

      if (article != copy)
        g_assert_cmpint (cc_cluster_set_get_origin (after, cc_article_get_id (article)), ==,
                         cc_article_get_id (article));
    }
}

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_string_member_with_default (object, member, NULL);
}

/* Every line of `compare --json` against the cluster of the same id. */
static void
check_json_lines (const char   *out,
                  CcClusterSet *set)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      JsonArray *mentions, *conflicts;
      CcCluster *cluster;
      GListModel *model;
      const guint *ids;
      guint n_ids;

      if (lines[i][0] == '\0')
        continue;
      n_lines++;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));

      cluster = cc_cluster_set_lookup (set, json_object_get_int_member (object, "id"));
      g_assert_nonnull (cluster);
      g_assert_cmpfloat (json_object_get_double_member (object, "low"), ==,
                         cc_cluster_get_low (cluster));
      g_assert_cmpfloat (json_object_get_double_member (object, "high"), ==,
                         cc_cluster_get_high (cluster));
      g_assert_cmpstr (string_or_null (object, "claimant"), ==, cc_cluster_get_claimant (cluster));
      g_assert_cmpstr (string_or_null (object, "claimant_country"), ==,
                       cc_cluster_get_claimant_country (cluster));
      g_assert_cmpstr (string_or_null (object, "subject"), ==, cc_cluster_get_subject (cluster));
      g_assert_cmpstr (string_or_null (object, "status"), ==,
                       cc_claim_status_to_string (cc_cluster_get_status (cluster)));
      g_assert_cmpstr (string_or_null (object, "first_day"), ==,
                       cc_cluster_get_first_day (cluster));
      g_assert_cmpstr (string_or_null (object, "last_day"), ==, cc_cluster_get_last_day (cluster));

      mentions = json_object_get_array_member (object, "mentions");
      model = cc_cluster_get_mentions (cluster);
      g_assert_cmpuint (json_array_get_length (mentions), ==, g_list_model_get_n_items (model));
      for (guint j = 0; j < json_array_get_length (mentions); j++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, j);
          g_autoptr(CcClaim) claim = g_list_model_get_item (model, j);

          g_assert_cmpint (json_object_get_int_member (mention, "article_id"), ==,
                           cc_claim_get_article_id (claim));
          g_assert_cmpint (json_object_get_int_member (mention, "start"), ==,
                           cc_claim_get_start (claim));
          g_assert_cmpint (json_object_get_int_member (mention, "end"), ==,
                           cc_claim_get_end (claim));
        }

      g_assert_cmpint (json_object_get_int_member (object, "n_conflicts"), ==,
                       cc_cluster_get_n_conflicts (cluster));
      conflicts = json_object_get_array_member (object, "conflicts_with");
      ids = cc_cluster_get_conflicts (cluster, &n_ids);
      g_assert_cmpuint (json_array_get_length (conflicts), ==, n_ids);
      for (guint j = 0; j < n_ids; j++)
        g_assert_cmpint (json_array_get_int_element (conflicts, j), ==, ids[j]);
    }

  g_assert_cmpuint (n_lines, ==, g_list_model_get_n_items (G_LIST_MODEL (set)));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(CcClusterSet) set = cc_cluster_set_new_for_library (f->library);
  g_autoptr(GListStore) some = g_list_store_new (CC_TYPE_ARTICLE);
  g_autoptr(CcClusterSet) some_set = NULL;
  g_autofree char *out = NULL;
  g_autofree char *some_out = NULL;
  g_autofree char *table = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *missing_err = NULL;
  g_autofree char *id_a = NULL, *id_b = NULL;

  g_assert_cmpint (cc_test_run_cli (&out, NULL,
                                    "--library", f->db_path, "compare", "--json", NULL), ==, 0);
  check_json_lines (out, set);

  /* Some articles only. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CcArticle) article = g_list_model_get_item (G_LIST_MODEL (f->library), i);
      char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cc_article_get_id (article));

      g_list_store_append (some, article);
      if (i == 0)
        id_a = id;
      else
        id_b = id;
    }
  some_set = cc_cluster_set_new (G_LIST_MODEL (some));
  g_assert_cmpint (cc_test_run_cli (&some_out, NULL,
                                    "--library", f->db_path, "compare", "--json", id_a, id_b, NULL),
                   ==, 0);
  check_json_lines (some_out, some_set);

  /* The table has a line per cluster under its head. */
  g_assert_cmpint (cc_test_run_cli (&table, NULL, "--library", f->db_path, "compare", NULL),
                   ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (G_LIST_MODEL (set)) + 2);
  }

  /* Bad ids. */
  g_assert_cmpint (cc_test_run_cli (NULL, &bad,
                                    "--library", f->db_path, "compare", "twelve", NULL), ==, 2);
  g_assert_cmpint (cc_test_run_cli (&missing, &missing_err,
                                    "--library", f->db_path, "compare", "999999", NULL), ==, 1);
  g_assert_cmpstr (missing, ==, "");
  g_assert_nonnull (strstr (missing_err, "999999"));
  g_assert_nonnull (strstr (bad, "twelve"));
}

/* How far apart two clusters' values are, 0 when they overlap. */
static double
value_distance (CcCluster *a,
                CcCluster *b)
{
  double a_lo = MIN (cc_cluster_get_low (a), cc_cluster_get_high (a));
  double a_hi = MAX (cc_cluster_get_low (a), cc_cluster_get_high (a));
  double b_lo = MIN (cc_cluster_get_low (b), cc_cluster_get_high (b));
  double b_hi = MAX (cc_cluster_get_low (b), cc_cluster_get_high (b));

  return MAX (0, MAX (b_lo - a_hi, a_lo - b_hi));
}

/* An article where sources give many different figures, imported as the
 * app does: statements contradict many others, and each names the
 * nearest and counts the rest, in the library, `compare --json` and the
 * table alike. */
static void
test_many_conflicts (void)
{
  static const char * const subjects[] = {
    "North Korean troops", "Russian soldiers", "troops", "North Korean soldiers",
    "Korea's troops", "Ukrainian soldiers",
  };
  static const char * const verbs[] = {
    "were sent to Kursk", "are deployed in Kursk", "were killed in Kursk",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cc-test-clusters-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *text_path = g_build_filename (dir, "figures.txt", NULL);
  g_autoptr(GString) text = g_string_new ("Troop numbers disputed\n\n");
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcClusterSet) set = NULL;
  g_autofree char *json = NULL;
  g_autofree char *table = NULL;
  const char *paths[] = { text_path, NULL };
  guint n_capped = 0;
  guint n;

  g_assert_no_error (error);
  /* Figures 10 apart: 1,000 and 1,100 stand for ±50, so they agree with
   * their neighbours, the others do not; some sentences said twice. */
  for (guint i = 0; i < 48; i++)
    {
      guint k = i % 40;
      guint figure = 1000 + 10 * k;

      g_string_append_printf (text, "Agency %c%u said %u,%03u %s %s.\n\n", 'A' + k % 26, k,
                              figure / 1000, figure % 1000,
                              subjects[k % G_N_ELEMENTS (subjects)],
                              verbs[k % 7 == 6 ? 2 : k % 2]);
    }
  g_assert_true (g_file_set_contents (text_path, text->str, -1, &error));

  store = cc_store_new (db_path, &error);
  g_assert_no_error (error);
  library = cc_library_new (store);
  g_assert_true (cc_library_load (library, &error));
  report = cc_library_import (library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==, 48);

  set = cc_cluster_set_new_for_library (library);
  n = g_list_model_get_n_items (G_LIST_MODEL (set));
  g_assert_cmpuint (n, ==, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);
      guint n_conflicts = cc_cluster_get_n_conflicts (cluster);
      double farthest = 0;
      const guint *ids;
      guint n_ids;

      /* The count is exact, the list the nearest in value. */
      g_assert_cmpuint (n_conflicts, ==, count_conflicts (set, cluster));
      ids = cc_cluster_get_conflicts (cluster, &n_ids);
      g_assert_cmpuint (n_ids, ==, MIN (n_conflicts, CC_CLUSTER_MAX_LISTED_CONFLICTS));
      for (guint j = 0; j < n_ids; j++)
        {
          CcCluster *other = cc_cluster_set_lookup (set, ids[j]);

          g_assert_true (cc_cluster_conflicts_with (cluster, other));
          g_assert_true (j == 0 || ids[j - 1] < ids[j]);
          farthest = MAX (farthest, value_distance (cluster, other));
        }
      for (guint j = 1; j <= n; j++)
        {
          CcCluster *other = cc_cluster_set_lookup (set, j);
          gboolean listed = FALSE;

          for (guint k = 0; k < n_ids; k++)
            listed = listed || ids[k] == j;
          if (!listed && cc_cluster_conflicts_with (cluster, other))
            g_assert_cmpfloat (value_distance (cluster, other), >=, farthest);
        }
      n_capped += n_conflicts > n_ids;
    }
  g_assert_cmpuint (n_capped, >, n / 2);

  g_assert_cmpint (cc_test_run_cli (&json, NULL, "--library", db_path, "compare", "--json", NULL),
                   ==, 0);
  check_json_lines (json, set);

  /* The table names as many and says how many more. */
  g_assert_cmpint (cc_test_run_cli (&table, NULL, "--library", db_path, "compare", NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
    for (guint i = 0; i < n; i++)
      {
        CcCluster *cluster = cc_cluster_set_lookup (set, i + 1);
        guint n_ids;
        const guint *ids = cc_cluster_get_conflicts (cluster, &n_ids);
        g_autoptr(GString) expected = g_string_new (NULL);

        for (guint j = 0; j < n_ids; j++)
          g_string_append_printf (expected, "%s%u", j ? "," : "", ids[j]);
        if (cc_cluster_get_n_conflicts (cluster) > n_ids)
          g_string_append_printf (expected, " and %u more",
                                  cc_cluster_get_n_conflicts (cluster) - n_ids);
        else if (n_ids == 0)
          g_string_append (expected, "—");
        g_assert_true (g_str_has_suffix (lines[i + 1], expected->str));
      }
  }

  g_assert_finalize_object (g_steal_pointer (&set));
  g_assert_finalize_object (g_steal_pointer (&library));
  cc_test_remove_tree (dir);
}

/* The cluster of @set whose first mention gives @value, or NULL. */
static CcCluster *
cluster_with_mention (CcClusterSet *set,
                      double        value)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (set), i);
      GListModel *mentions = cc_cluster_get_mentions (cluster);

      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(CcClaim) claim = g_list_model_get_item (mentions, j);

          if (cc_claim_get_low (claim) == value)
            return cluster;
        }
    }
  return NULL;
}

/* One source giving many figures, some of them round: a figure joins the
 * round one whose rounding covers it (1,480 is within 1,500's ±50),
 * however many other figures the source gave. */
static void
test_round_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cc-test-clusters-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *text_path = g_build_filename (dir, "figures.txt", NULL);
  g_autoptr(GString) text = g_string_new ("Pentagon figures\n\n");
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcLibrary) library = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcClusterSet) set = NULL;
  const char *paths[] = { text_path, NULL };
  static const guint figures[] = { 1500, 1480, 1430, 1549, 2000, 1960, 1901, 12000, 11500 };

  g_assert_no_error (error);
  /* Odd figures between, each a statement of its own. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "The Pentagon said %u,%03u troops were sent to Kursk.\n\n",
                            (3001 + 2 * i) / 1000, (3001 + 2 * i) % 1000);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    g_string_append_printf (text, "The Pentagon said %u,%03u troops were sent to Kursk.\n\n",
                            figures[i] / 1000, figures[i] % 1000);
  /* Ranges: a figure inside one joins it, and one inside a range. */
  g_string_append (text, "The Pentagon said between 20,000 and 30,000 troops were sent to "
                   "Kursk.\n\nThe Pentagon said 25,000 troops were sent to Kursk.\n\n"
                   "The Pentagon said 50,000 troops were sent to Kursk.\n\nThe Pentagon said "
                   "between 49,000 and 60,000 troops were sent to Kursk.\n\n");
  g_assert_true (g_file_set_contents (text_path, text->str, -1, &error));

  store = cc_store_new (db_path, &error);
  g_assert_no_error (error);
  library = cc_library_new (store);
  g_assert_true (cc_library_load (library, &error));
  report = cc_library_import (library, paths, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cc_library_get_claims (library)), ==,
                    200 + G_N_ELEMENTS (figures) + 4);

  set = cc_cluster_set_new_for_library (library);
  /* 1,480 joins 1,500; 1,430 is too far (70 > 50); 1,549 is near
   * enough to 1,500 but not to 1,480, which joined first. */
  g_assert_true (cluster_with_mention (set, 1480) == cluster_with_mention (set, 1500));
  g_assert_cmpuint (cc_cluster_get_n_mentions (cluster_with_mention (set, 1500)), ==, 2);
  g_assert_cmpuint (cc_cluster_get_n_mentions (cluster_with_mention (set, 1430)), ==, 1);
  g_assert_cmpuint (cc_cluster_get_n_mentions (cluster_with_mention (set, 1549)), ==, 1);
  /* 2,000 stands for 1,950–2,050: 1,960 joins, 1,901 does not. */
  g_assert_true (cluster_with_mention (set, 1960) == cluster_with_mention (set, 2000));
  g_assert_cmpuint (cc_cluster_get_n_mentions (cluster_with_mention (set, 1901)), ==, 1);
  /* 12,000 stands for 11,500–12,500, but 11,500 is as round: 500 apart is
   * not less than its ±50 or 12,000's ±500. */
  g_assert_cmpuint (cc_cluster_get_n_mentions (cluster_with_mention (set, 11500)), ==, 1);
  g_assert_true (cluster_with_mention (set, 25000) == cluster_with_mention (set, 20000));
  g_assert_true (cluster_with_mention (set, 49000) == cluster_with_mention (set, 50000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 200 + 7 + 2);

  g_assert_finalize_object (g_steal_pointer (&set));
  g_assert_finalize_object (g_steal_pointer (&library));
  cc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clusters/rules", test_rules);
  g_test_add ("/clusters/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/clusters/same-origin", Fixture, NULL,
              fixture_set_up, test_same_origin, fixture_tear_down);
  g_test_add ("/clusters/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/clusters/many-conflicts", test_many_conflicts);
  g_test_add_func ("/clusters/round-figures", test_round_figures);

  return g_test_run ();
}
