/* cc-gui-utils.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *cc_format_date                   (const char     *published);
char *cc_format_day_month              (const char     *published);
char *cc_format_published_day          (const char     *published);
char *cc_format_meta                   (const char     *outlet,
                                        const char     *published);
char *cc_format_claim_count            (guint           n_claims);
void  cc_gui_fix_button_names          (void);
void  cc_gui_make_one_tab_stop         (GtkWidget      *list);
guint cc_gui_add_frames_callback       (GtkWidget      *widget,
                                        guint           n_frames,
                                        GSourceFunc     func,
                                        gpointer        user_data);
void  cc_export_folder_restore         (GtkFileChooser *chooser);
void  cc_export_folder_remember        (GFile          *file);

G_END_DECLS
