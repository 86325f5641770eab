/* bench-extract.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the extractor's speed on one thread. It builds a deterministic
 * corpus from the sentences of the sample articles, article by article
 * (each made, extracted and freed in turn, so memory does not grow with the
 * corpus), and prints the megabytes of text turned into claims per second
 * and the peak resident memory. A checksum of every field of every claim
 * found shows that a faster extractor still finds the same claims.
 *
 *   bench-extract [MEGABYTES] [SAMPLE-DIR]
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "cc-claim.h"
#include "cc-extractor.h"

#define ARTICLE_SENTENCES 24

/* The CPU time this thread has used, in microseconds. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* FNV-1a over the fields of @claim, folded into @sum; not timed. */
static guint32
checksum_claim (guint32  sum,
                CcClaim *claim)
{
  g_autofree char *line =
    g_strdup_printf ("%u|%u|%s|%.17g|%.17g|%d|%s|%s|%s|%s|%d|%d|%s",
                     cc_claim_get_start (claim), cc_claim_get_end (claim),
                     cc_claim_get_text (claim), cc_claim_get_low (claim),
                     cc_claim_get_high (claim), cc_claim_get_vague (claim),
                     cc_claim_get_qualifier (claim), cc_claim_get_subject (claim),
                     cc_claim_get_claimant (claim), cc_claim_get_claimant_country (claim),
                     cc_claim_get_status (claim), cc_claim_get_hedged (claim),
                     cc_claim_get_event_date (claim));

  for (const char *p = line; *p != '\0'; p++)
    sum = (sum ^ (guchar)*p) * 16777619u;
  return sum;
}

static GPtrArray *
load_sentences (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    g_error ("Cannot open %s", dir);

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!g_file_get_contents (path, &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_ptr_array_add (sentences, g_strdup (lines[i]));
    }

  if (sentences->len == 0)
    g_error ("No sentences found in %s", dir);
  return sentences;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 2 ? argv[2] : g_getenv ("CROSSCHECK_SAMPLE_DIR");
  double megabytes = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 64;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241018);
  g_autoptr(GString) article = g_string_new (NULL);
  CcExtractor *extractor;
  gint64 total_bytes = 0, target, claims = 0, elapsed = 0, cpu = 0;
  guint articles = 0;
  guint32 checksum = 2166136261u;
  struct rusage usage;

  setlocale (LC_ALL, "C.UTF-8");
  if (dir == NULL)
    dir = SOURCE_DATADIR "/sample";
  if (megabytes <= 0)
    megabytes = 64;

  sentences = load_sentences (dir);
  extractor = cc_extractor_get_default ();
  target = (gint64)(megabytes * 1024 * 1024);

  while (total_bytes < target)
    {
      g_autoptr(GPtrArray) found = NULL;
      gint64 start, cpu_start;

      /* A new article of random sample paragraphs; the time to make it is
       * not counted. */
      g_string_truncate (article, 0);
      for (guint i = 0; i < ARTICLE_SENTENCES; i++)
        {
          g_string_append (article, g_ptr_array_index (sentences,
                                                       g_rand_int_range (rand, 0, sentences->len)));
          g_string_append_c (article, '\n');
        }

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_time ();
      found = cc_extractor_extract (extractor, article->str, "2024-10-18");
      cpu += thread_cpu_time () - cpu_start;
      elapsed += g_get_monotonic_time () - start;

      claims += found->len;
      for (guint i = 0; i < found->len; i++)
        checksum = checksum_claim (checksum, g_ptr_array_index (found, i));
      total_bytes += article->len;
      articles++;
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("extracted %.1f MB in %u articles: %" G_GINT64_FORMAT " claims, checksum %08x\n",
           total_bytes / 1048576.0, articles, claims, checksum);
  g_print ("time: %.3f s, throughput: %.1f MB/s on one thread\n",
           elapsed / 1e6, (total_bytes / 1048576.0) / (elapsed / 1e6));
  g_print ("cpu time: %.3f s, throughput: %.1f MB/s of CPU time\n",
           cpu / 1e6, (total_bytes / 1048576.0) / (cpu / 1e6));
  g_print ("peak memory: %.1f MB\n", usage.ru_maxrss / 1024.0);

  return EXIT_SUCCESS;
}
