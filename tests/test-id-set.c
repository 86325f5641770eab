/* test-id-set.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cc-id-set.h"

static gboolean
append_id (gint64   id,
           gpointer user_data)
{
  g_array_append_val ((GArray *)user_data, id);
  return FALSE;
}

static gboolean
stop_at_second (gint64   id,
                gpointer user_data)
{
  return ++*(guint *)user_data == 2;
}

/* Ids in the dense part, on both sides of a word's edge and far above
 * the first, and ids outside it (negative, huge), each counted once. */
static void
test_add_contains (void)
{
  g_autoptr(CcIdSet) set = cc_id_set_new ();
  const gint64 in[] = { 0, 1, 63, 64, 65, 127, 128, 100000, 5000000,
                        -1, -9000000000, G_MAXINT64, G_GINT64_CONSTANT (1) << 40 };
  const gint64 out[] = { 2, 62, 66, 99999, 100001, 4999999, 5000001, -2, G_MAXINT64 - 1,
                         (G_GINT64_CONSTANT (1) << 40) + 1, G_MININT64 };

  g_assert_cmpuint (cc_id_set_get_size (set), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    g_assert_false (cc_id_set_contains (set, out[i]));

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (in); i++)
      cc_id_set_add (set, in[i]);

  g_assert_cmpuint (cc_id_set_get_size (set), ==, G_N_ELEMENTS (in));
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    g_assert_true (cc_id_set_contains (set, in[i]));
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    g_assert_false (cc_id_set_contains (set, out[i]));
}

/* foreach gives every id once, the dense ones in increasing order, and
 * stops when asked. */
static void
test_foreach (void)
{
  g_autoptr(CcIdSet) set = cc_id_set_new ();
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) others = g_hash_table_new (g_int64_hash, g_int64_equal);
  const gint64 dense[] = { 3, 64, 200, 201, 70000 };
  const gint64 other[] = { -5, G_GINT64_CONSTANT (1) << 35 };
  guint calls = 0;

  for (guint i = G_N_ELEMENTS (dense); i > 0; i--)
    cc_id_set_add (set, dense[i - 1]);
  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    cc_id_set_add (set, other[i]);

  g_assert_false (cc_id_set_foreach (set, append_id, seen));
  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (dense) + G_N_ELEMENTS (other));
  for (guint i = 0; i < G_N_ELEMENTS (dense); i++)
    g_assert_cmpint (g_array_index (seen, gint64, i), ==, dense[i]);
  for (guint i = G_N_ELEMENTS (dense); i < seen->len; i++)
    g_hash_table_add (others, &g_array_index (seen, gint64, i));
  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    g_assert_true (g_hash_table_contains (others, &other[i]));

  g_assert_true (cc_id_set_foreach (set, stop_at_second, &calls));
  g_assert_cmpuint (calls, ==, 2);
}

/* A set shared by reference outlives its first owner. */
static void
test_ref (void)
{
  CcIdSet *set = cc_id_set_new ();
  CcIdSet *other = cc_id_set_ref (set);

  cc_id_set_add (set, 42);
  cc_id_set_unref (set);
  g_assert_true (cc_id_set_contains (other, 42));
  cc_id_set_unref (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-set/add-contains", test_add_contains);
  g_test_add_func ("/id-set/foreach", test_foreach);
  g_test_add_func ("/id-set/ref", test_ref);

  return g_test_run ();
}
