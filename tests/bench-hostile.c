/* bench-hostile.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the work that hostile input could make quadratic: one article
 * of 1, 2, 4 and 8 MB of one sentence repeated, each with its claim, is
 * stored; then opening the library (the store and the model) and
 * comparing its claims (the clusters) are timed, and a search of 4,000
 * words. A second article of the same size repeats the sentence with
 * another figure each time, from another source or from the same one,
 * some ranges, some counting a people of their own, so that every
 * statement contradicts nearly every other: its clusters are timed, and the whole
 * of `crosscheck compare --json` on it. Prints the seconds for each size
 * and the ratio to the size before, which stays near 2 when the work is
 * linear; the ratios of the comparisons are of processor time, which
 * others' work on the machine does not stretch. Fails when a 1 MB step
 * takes 2 seconds or more.
 *
 *   bench-hostile
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "cc-article-private.h"
#include "cc-claim.h"
#include "cc-clusters.h"
#include "cc-library.h"
#include "cc-store.h"
#include "cc-test-utils.h"

#define TARGET_SECONDS 2.0

/* A made-up people's name of its own for each @i: "Kbaaaa". */
static char *
people (guint i)
{
  char name[7] = "K";

  for (guint k = 1; k < 6; k++, i /= 26)
    name[k] = 'a' + i % 26;
  return g_strdup (name);
}

/* One article of @megabytes of a sentence repeated, each with its claim:
 * the Pentagon's 10,000 every time, or when @disagree, a figure of its
 * own each time, given by a source of its own or, every other time, by
 * the Pentagon again, every fifth time a range, and every third time
 * counting a people of its own ("Kbaaaa troops"). */
static CcArticle *
make_article (guint    megabytes,
              gboolean disagree)
{
  gsize size = megabytes * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  CcArticle *article = cc_article_new ();

  for (guint i = 0; ; i++)
    {
      g_autofree char *claimant = disagree && i % 2 ? g_strdup_printf ("Source %u", i)
                                                    : g_strdup ("the Pentagon");
      gboolean range = disagree && i % 5 == 4;
      g_autofree char *figure = range ? g_strdup_printf ("between %u and %u", 1000 + i, 1001 + i)
                                : disagree ? g_strdup_printf ("%u", 1000 + i)
                                : g_strdup ("10,000");
      g_autofree char *whose = disagree && i % 3 == 2 ? people (i) : NULL;
      g_autofree char *subject = g_strconcat (whose ? whose : "", whose ? " " : "", "troops",
                                              NULL);
      g_autofree char *sentence = g_strdup_printf ("According to %s, at least %s %s were "
                                                   "sent to Russia. ", claimant, figure, subject);
      CcClaim *claim;
      guint start;

      if (text->len + strlen (sentence) > size)
        break;
      start = text->len + strlen ("According to , at least ") + strlen (claimant);
      g_string_append (text, sentence);

      claim = cc_claim_new ();
      cc_claim_set_start (claim, start);
      cc_claim_set_end (claim, start + strlen (figure));
      cc_claim_set_text (claim, figure);
      cc_claim_set_low (claim, disagree ? 1000 + i : 10000);
      cc_claim_set_high (claim, disagree ? 1000 + i + range : 10000);
      cc_claim_set_subject (claim, subject);
      cc_claim_set_claimant (claim, claimant);
      cc_claim_set_claimant_country (claim, "United States");
      cc_claim_set_status (claim, CC_CLAIM_STATUS_SENT);
      g_ptr_array_add (claims, claim);
    }

  cc_article_set_title (article, disagree ? "Hostile article, disagreeing" : "Hostile article");
  cc_article_set_text (article, text->str);
  _cc_article_replace_claims (article, claims);
  return article;
}

/* The processor time of this process and of its children that have
 * ended, in seconds: on a machine others share, it tells the work from
 * the wait. */
static double
cpu_seconds (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return self.ru_utime.tv_sec + self.ru_stime.tv_sec + children.ru_utime.tv_sec +
         children.ru_stime.tv_sec + (self.ru_utime.tv_usec + self.ru_stime.tv_usec +
                                     children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e6;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const guint sizes[] = { 1, 2, 4, 8 };
  double open_before = 0, compare_before = 0, cli_before = 0;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  dir = g_dir_make_tmp ("crosscheck-bench-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  g_print ("%-6s %9s %8s %8s %9s %8s %8s\n", "MB", "claims", "open s", "ratio", "compare s",
           "cpu s", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("library-%u.db", sizes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(CcArticle) article = make_article (sizes[i], FALSE);
      guint n_claims = g_list_model_get_n_items (cc_article_get_claims (article));
      double open_seconds, compare_seconds, compare_cpu;
      gint64 start;

      {
        g_autoptr(CcStore) store = cc_store_new (path, &error);

        g_assert_no_error (error);
        g_assert_true (cc_store_add_article (store, article, 1, &error));
      }

      start = g_get_monotonic_time ();
      {
        g_autoptr(CcStore) store = cc_store_new (path, &error);
        g_autoptr(CcLibrary) library = NULL;

        g_assert_no_error (error);
        library = cc_library_new (store);
        g_assert_true (cc_library_load (library, &error));
        open_seconds = seconds_since (start);

        start = g_get_monotonic_time ();
        compare_cpu = cpu_seconds ();
        {
          g_autoptr(CcClusterSet) clusters = cc_cluster_set_new_for_library (library);

          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clusters)), ==, 1);
        }
        compare_seconds = seconds_since (start);
        compare_cpu = cpu_seconds () - compare_cpu;
      }

      g_print ("%-6u %9u %8.3f %8.2f %9.3f %8.3f %8.2f\n", sizes[i], n_claims, open_seconds,
               open_before > 0 ? open_seconds / open_before : 0, compare_seconds, compare_cpu,
               compare_before > 0 ? compare_cpu / compare_before : 0);
      if (sizes[i] == 1 && (open_seconds >= TARGET_SECONDS || compare_seconds >= TARGET_SECONDS))
        ok = FALSE;
      open_before = open_seconds;
      compare_before = compare_cpu;
    }

  /* Statements that contradict each other: the clusters, then the
   * command line's whole run. */
  g_print ("\n%-6s %9s %11s %9s %8s %8s %8s %8s %8s\n", "MB", "claims", "conflicts",
           "compare s", "cpu s", "ratio", "cli s", "cpu s", "ratio");
  compare_before = 0;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("disagree-%u.db", sizes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(CcArticle) article = make_article (sizes[i], TRUE);
      guint n_claims = g_list_model_get_n_items (cc_article_get_claims (article));
      g_autofree char *out = NULL;
      guint64 n_conflicts = 0;
      guint n_clusters = 0;
      double compare_seconds, cli_seconds, compare_cpu, cli_cpu;
      gint64 start;

      {
        g_autoptr(CcStore) store = cc_store_new (path, &error);

        g_assert_no_error (error);
        g_assert_true (cc_store_add_article (store, article, 1, &error));
      }

      {
        g_autoptr(CcStore) store = cc_store_new (path, &error);
        g_autoptr(CcLibrary) library = NULL;

        g_assert_no_error (error);
        library = cc_library_new (store);
        g_assert_true (cc_library_load (library, &error));

        start = g_get_monotonic_time ();
        compare_cpu = cpu_seconds ();
        {
          g_autoptr(CcClusterSet) clusters = cc_cluster_set_new_for_library (library);
          guint n = n_clusters = g_list_model_get_n_items (G_LIST_MODEL (clusters));

          /* A statement nearly per claim, each contradicting nearly all. */
          g_assert_cmpuint (n, >, n_claims * 3 / 4);
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CcCluster) cluster = g_list_model_get_item (G_LIST_MODEL (clusters), j);
              guint n_listed;

              n_conflicts += cc_cluster_get_n_conflicts (cluster);
              cc_cluster_get_conflicts (cluster, &n_listed);
              g_assert_cmpuint (n_listed, ==, CC_CLUSTER_MAX_LISTED_CONFLICTS);
            }
          g_assert_cmpuint (n_conflicts, >, (guint64)n_claims * (n_claims / 2));
        }
        compare_seconds = seconds_since (start);
        compare_cpu = cpu_seconds () - compare_cpu;
      }

      start = g_get_monotonic_time ();
      cli_cpu = cpu_seconds ();
      g_assert_cmpint (cc_test_run_cli (&out, NULL, "--library", path, "compare", "--json", NULL),
                       ==, 0);
      cli_seconds = seconds_since (start);
      cli_cpu = cpu_seconds () - cli_cpu;
      {
        guint n_lines = 0;

        for (const char *p = out; (p = strchr (p, '\n')); p++)
          n_lines++;
        g_assert_cmpuint (n_lines, ==, n_clusters);
      }

      g_print ("%-6u %9u %11" G_GUINT64_FORMAT " %9.3f %8.3f %8.2f %8.3f %8.3f %8.2f\n",
               sizes[i], n_claims, n_conflicts / 2, compare_seconds, compare_cpu,
               compare_before > 0 ? compare_cpu / compare_before : 0, cli_seconds, cli_cpu,
               cli_before > 0 ? cli_cpu / cli_before : 0);
      if (sizes[i] == 1 && (compare_seconds >= TARGET_SECONDS || cli_seconds >= TARGET_SECONDS))
        ok = FALSE;
      compare_before = compare_cpu;
      cli_before = cli_cpu;
    }

  /* A query of 4,000 different words is refused at once. */
  {
    g_autofree char *path = g_build_filename (dir, "library-1.db", NULL);
    g_autoptr(CcStore) store = cc_store_new (path, &error);
    g_autoptr(GString) query = g_string_new (NULL);
    g_autoptr(GArray) hits = NULL;
    g_autoptr(GError) search_error = NULL;
    gint64 start;
    double seconds;

    for (guint i = 0; i < 4000; i++)
      g_string_append_printf (query, "word%u ", i);
    start = g_get_monotonic_time ();
    hits = cc_store_search (store, query->str, &search_error);
    seconds = seconds_since (start);
    g_print ("search of 4,000 words: %.3f s (%s)\n", seconds,
             search_error ? search_error->message : "searched");
    if (seconds >= TARGET_SECONDS)
      ok = FALSE;
  }

  cc_test_remove_tree (dir);
  if (!ok)
    g_printerr ("A 1 MB input took %.0f seconds or more\n", TARGET_SECONDS);
  return ok ? 0 : 1;
}
