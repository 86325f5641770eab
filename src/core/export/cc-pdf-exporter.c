/* cc-pdf-exporter.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Annotated PDFs of articles, and the report that puts the chart and the
 * claim clusters in front of them.
 *
 * The articles are copied when they are added, on the main thread; the
 * pages are drawn with cairo and Pango on a worker, into memory. The
 * highlights are drawn in the page content, so that every reader and
 * every printer shows them, and are then added once more as real PDF
 * highlight annotations, which PDF readers list and let one edit.
 *
 * cairo cannot write annotations, so they are appended to cairo's output
 * as an incremental update (cc-pdf-exporter-annots.c). poppler-glib could
 * add them too, but poppler 22.12 saves the highlight annotations it
 * creates without an appearance stream (/AP), so readers that do not draw
 * their own would show nothing; and linking poppler (with NSS, lcms,
 * OpenJPEG…) into cc-core would weigh on every program that uses the core.
 * Writing the few objects ourselves keeps the core on cairo and Pango and
 * lets each annotation carry its appearance. The tests read the result
 * back with poppler. */

#define G_LOG_DOMAIN "cc-pdf-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "cc-annotation.h"
#include "cc-article.h"
#include "cc-claim.h"
#include "cc-output-file.h"
#include "cc-palette.h"
#include "cc-pdf-exporter-private.h"

struct _CcPdfExporter
{
  GObject      parent_instance;

  CcPaperSize  paper_size;
  char        *title;
  char        *author;
  GPtrArray   *articles;  /* CcPdfArticle */
  guint        next_name;
  guint        report : 1;
};

G_DEFINE_FINAL_TYPE (CcPdfExporter, cc_pdf_exporter, G_TYPE_OBJECT)

G_DEFINE_QUARK (cc-pdf-export-error-quark, cc_pdf_export_error)

/* What the worker needs: a snapshot, shared with the exporter only by
 * reference to data that no longer changes. */
typedef struct
{
  GPtrArray  *articles;
  char       *path;
  char       *title;
  char       *author;
  CcPaperSize paper_size;
  gboolean    report;

  GMainContext        *context;
  CcPdfExportProgress  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_notify;
} Job;

typedef struct
{
  Job    *job;
  double  fraction;
} ProgressUpdate;

#define DEFAULT_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

void
_cc_pdf_mark_clear (CcPdfMark *mark)
{
  g_clear_pointer (&mark->contents, g_free);
  g_clear_pointer (&mark->note, g_free);
  g_clear_pointer (&mark->tags, g_free);
  g_clear_pointer (&mark->name, g_free);
}

static void
article_clear (CcPdfArticle *article)
{
  g_free (article->title);
  g_free (article->outlet);
  g_free (article->url);
  g_free (article->published);
  g_free (article->text);
  g_clear_pointer (&article->marks, g_array_unref);
  g_clear_pointer (&article->claims, g_ptr_array_unref);
}

/* Copied articles never change, so a running write shares them with the
 * exporter by reference. */
void
_cc_pdf_article_unref (CcPdfArticle *article)
{
  g_atomic_rc_box_release_full (article, (GDestroyNotify)article_clear);
}

void
_cc_pdf_annot_free (CcPdfAnnot *annot)
{
  g_clear_pointer (&annot->quads, g_array_unref);
  g_free (annot->contents);
  g_free (annot->name);
  g_free (annot->uri);
  g_free (annot);
}

/* A URI as PDF wants it (PDF 1.7, 12.6.4.7: 7-bit ASCII): every byte
 * outside RFC 3986's unreserved and reserved characters, and a "%" that
 * does not start an escape, percent-encoded. */
char *
_cc_pdf_encode_uri (const char *uri)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *)uri; *p != '\0'; p++)
    {
      if (*p == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        g_string_append_c (out, '%');
      else if (*p < 0x80 && (g_ascii_isalnum (*p) || strchr ("-._~:/?#[]@!$&'()*+,;=", *p)))
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }

  return g_string_free (out, FALSE);
}

/* A link over the box at @x, @y (top left, in cairo's space) on the page
 * being drawn. cairo 1.16's own links leave a dangling cross-reference
 * entry, so links are annotations of the incremental update too. */
void
_cc_pdf_add_link (CcPdfRender *render,
                  const char  *uri,
                  double       x,
                  double       y,
                  double       width,
                  double       height)
{
  CcPdfAnnot *annot = g_new0 (CcPdfAnnot, 1);

  annot->page = render->page;
  annot->uri = _cc_pdf_encode_uri (uri);
  annot->rect[0] = x;
  annot->rect[1] = render->height - (y + height);
  annot->rect[2] = x + width;
  annot->rect[3] = render->height - y;
  g_ptr_array_add (render->annots, annot);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_free (job->path);
  g_free (job->title);
  g_free (job->author);
  if (job->progress_notify != NULL)
    job->progress_notify (job->progress_data);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

/* Claims are coloured by the country of their claimant, as in the
 * chart, so that one can tell sides apart on paper. */
void
_cc_pdf_claim_rgb (CcClaim *claim,
                   double   rgb[3])
{
  cc_palette_parse (cc_palette_country_color (cc_claim_get_claimant_country (claim)), rgb);
}

static char *
format_value (CcClaim *claim)
{
  GString *value = g_string_new (NULL);

  if (cc_claim_get_qualifier (claim) != NULL)
    g_string_append_printf (value, "%s ", cc_claim_get_qualifier (claim));
  g_string_append (value, cc_claim_get_text (claim) ? cc_claim_get_text (claim) : "");
  if (cc_claim_get_subject (claim) != NULL)
    g_string_append_printf (value, " %s", cc_claim_get_subject (claim));

  return g_string_free (value, FALSE);
}

/* The status as the reader's side panel names it, translated, in lower
 * case for the middle of a line: "preparing". */
char *
_cc_pdf_status_label (CcClaimStatus status)
{
  const char *label;

  switch (status)
    {
    case CC_CLAIM_STATUS_PREPARING: label = C_("claim status", "Preparing"); break;
    case CC_CLAIM_STATUS_SENT: label = C_("claim status", "Sent"); break;
    case CC_CLAIM_STATUS_TRAINING: label = C_("claim status", "Training"); break;
    case CC_CLAIM_STATUS_DEPLOYED: label = C_("claim status", "Deployed"); break;
    case CC_CLAIM_STATUS_FIGHTING: label = C_("claim status", "Fighting"); break;
    case CC_CLAIM_STATUS_KILLED: label = C_("claim status", "Killed"); break;
    case CC_CLAIM_STATUS_INJURED: label = C_("claim status", "Injured"); break;
    case CC_CLAIM_STATUS_CAPTURED: label = C_("claim status", "Captured"); break;
    case CC_CLAIM_STATUS_TOTAL: label = C_("claim status", "Total"); break;
    case CC_CLAIM_STATUS_OTHER:
    default: label = C_("claim status", "Other"); break;
    }
  return g_utf8_strdown (label, -1);
}

/* "10,000 troops — Volodymyr Zelenskyy (Ukraine), preparing, 2024-10-17":
 * what a reader of the PDF sees in the annotation's pop-up. */
char *
_cc_pdf_format_claim_card (CcClaim *claim)
{
  g_autofree char *value = format_value (claim);
  g_autofree char *status = NULL;
  GString *card = g_string_new (value);
  const char *claimant = cc_claim_get_claimant (claim);
  const char *country = cc_claim_get_claimant_country (claim);

  g_string_append (card, " — ");
  if (claimant != NULL && country != NULL)
    g_string_append_printf (card, "%s (%s)", claimant, country);
  else if (claimant != NULL || country != NULL)
    g_string_append (card, claimant ? claimant : country);
  else
    g_string_append (card, _("unattributed"));

  status = _cc_pdf_status_label (cc_claim_get_status (claim));
  g_string_append_printf (card, ", %s", status);
  if (cc_claim_get_hedged (claim))
    g_string_append_printf (card, ", %s", _("hedged"));
  if (cc_claim_get_event_date (claim) != NULL)
    g_string_append_printf (card, ", %s", cc_claim_get_event_date (claim));

  return g_string_free (card, FALSE);
}

/* Character offsets from the model, clamped to the text, as byte offsets. */
static gboolean
char_range_to_bytes (const char *text,
                     glong       n_chars,
                     guint       start,
                     guint       end,
                     guint      *byte_start,
                     guint      *byte_end)
{
  if (start >= end || start >= (guint)n_chars)
    return FALSE;
  end = MIN (end, (guint)n_chars);
  *byte_start = g_utf8_offset_to_pointer (text, start) - text;
  *byte_end = g_utf8_offset_to_pointer (text, end) - text;
  return TRUE;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const CcPdfMark *ma = a;
  const CcPdfMark *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return (int)ma->end - (int)mb->end;
}

static void
parse_color (const char *hex,
             double      rgb[3])
{
  /* A user highlight without a valid colour gets the usual yellow. */
  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7 ||
      strspn (hex + 1, "0123456789abcdefABCDEF") != 6)
    hex = "#f8e45c";

  cc_palette_parse (hex, rgb);
}

static CcPdfArticle *
copy_article (CcPdfExporter *self,
              CcArticle     *article)
{
  CcPdfArticle *copy = g_atomic_rc_box_new0 (CcPdfArticle);
  GListModel *claims = cc_article_get_claims (article);
  GListModel *annotations = cc_article_get_annotations (article);
  const char *text = cc_article_get_text (article);
  glong n_chars;
  guint n_notes = 0;

  copy->id = cc_article_get_id (article);
  copy->title = g_strdup (cc_article_get_title (article));
  copy->outlet = g_strdup (cc_article_get_outlet (article));
  copy->url = g_strdup (cc_article_get_url (article));
  copy->published = g_strdup (cc_article_get_published (article));
  copy->text = g_strdup (text ? text : "");
  copy->marks = g_array_new (FALSE, TRUE, sizeof (CcPdfMark));
  copy->claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_array_set_clear_func (copy->marks, (GDestroyNotify)_cc_pdf_mark_clear);
  n_chars = g_utf8_strlen (copy->text, -1);

  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(CcClaim) claim = g_list_model_get_item (claims, i);
      CcPdfMark mark = { 0 };

      if (cc_claim_get_rejected (claim))
        continue;

      g_ptr_array_add (copy->claims, cc_claim_copy (claim));
      if (!char_range_to_bytes (copy->text, n_chars, cc_claim_get_start (claim),
                                cc_claim_get_end (claim), &mark.start, &mark.end))
        continue;

      mark.is_claim = TRUE;
      _cc_pdf_claim_rgb (claim, mark.rgb);
      mark.contents = _cc_pdf_format_claim_card (claim);
      mark.name = g_strdup_printf ("crosscheck-claim-%u", ++self->next_name);
      g_array_append_val (copy->marks, mark);
    }

  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(CcAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *note = cc_annotation_get_note (annotation);
      const char *tags = cc_annotation_get_tags (annotation);
      CcPdfMark mark = { 0 };

      if (!char_range_to_bytes (copy->text, n_chars, cc_annotation_get_start (annotation),
                                cc_annotation_get_end (annotation), &mark.start, &mark.end))
        continue;

      parse_color (cc_annotation_get_color (annotation), mark.rgb);
      if (note != NULL && *note != '\0')
        mark.note = g_strdup (note);
      if (tags != NULL && *tags != '\0')
        mark.tags = g_strdup (tags);
      if (mark.note != NULL && tags != NULL && *tags != '\0')
        mark.contents = g_strdup_printf ("%s\n\n%s: %s", note, _("Tags"), tags);
      else if (tags != NULL && *tags != '\0')
        mark.contents = g_strdup_printf ("%s: %s", _("Tags"), tags);
      else
        mark.contents = g_strdup (mark.note);
      mark.name = g_strdup_printf ("crosscheck-highlight-%u", ++self->next_name);
      g_array_append_val (copy->marks, mark);
    }

  g_array_sort (copy->marks, compare_marks);

  /* Notes are numbered in reading order. */
  for (guint i = 0; i < copy->marks->len; i++)
    {
      CcPdfMark *mark = &g_array_index (copy->marks, CcPdfMark, i);

      if (mark->note != NULL || mark->tags != NULL)
        mark->note_number = ++n_notes;
    }

  return copy;
}

static void
cc_pdf_exporter_finalize (GObject *object)
{
  CcPdfExporter *self = (CcPdfExporter *)object;

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->author);

  G_OBJECT_CLASS (cc_pdf_exporter_parent_class)->finalize (object);
}

static void
cc_pdf_exporter_class_init (CcPdfExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_pdf_exporter_finalize;
}

static void
cc_pdf_exporter_init (CcPdfExporter *self)
{
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify)_cc_pdf_article_unref);
}

/**
 * cc_paper_size_from_locale:
 *
 * Returns: the paper of the LC_PAPER locale: Letter where the locale says
 *   216 × 279 mm, else A4
 */
CcPaperSize
cc_paper_size_from_locale (void)
{
#ifdef __GLIBC__
  int width = (int)(gintptr)nl_langinfo (_NL_PAPER_WIDTH);
  int height = (int)(gintptr)nl_langinfo (_NL_PAPER_HEIGHT);

  if (width == 216 && height == 279)
    return CC_PAPER_SIZE_LETTER;
#endif

  return CC_PAPER_SIZE_A4;
}

gboolean
cc_paper_size_from_string (const char  *str,
                           CcPaperSize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  if (g_ascii_strcasecmp (str, "a4") == 0)
    *size = CC_PAPER_SIZE_A4;
  else if (g_ascii_strcasecmp (str, "letter") == 0)
    *size = CC_PAPER_SIZE_LETTER;
  else
    return FALSE;

  return TRUE;
}

CcPdfExporter *
cc_pdf_exporter_new (void)
{
  return g_object_new (CC_TYPE_PDF_EXPORTER, NULL);
}

void
cc_pdf_exporter_set_paper_size (CcPdfExporter *self,
                                CcPaperSize    size)
{
  g_return_if_fail (CC_IS_PDF_EXPORTER (self));

  self->paper_size = size;
}

/**
 * cc_pdf_exporter_get_paper_size:
 *
 * Returns: the paper the pages will have, never %CC_PAPER_SIZE_DEFAULT
 */
CcPaperSize
cc_pdf_exporter_get_paper_size (CcPdfExporter *self)
{
  g_return_val_if_fail (CC_IS_PDF_EXPORTER (self), CC_PAPER_SIZE_A4);

  if (self->paper_size == CC_PAPER_SIZE_DEFAULT)
    return cc_paper_size_from_locale ();
  return self->paper_size;
}

/**
 * cc_pdf_exporter_set_title:
 *
 * Sets the document's title: the report's cover and the PDF metadata.
 */
void
cc_pdf_exporter_set_title (CcPdfExporter *self,
                           const char    *title)
{
  g_return_if_fail (CC_IS_PDF_EXPORTER (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
cc_pdf_exporter_get_title (CcPdfExporter *self)
{
  g_return_val_if_fail (CC_IS_PDF_EXPORTER (self), NULL);

  return self->title;
}

void
cc_pdf_exporter_set_author (CcPdfExporter *self,
                            const char    *author)
{
  g_return_if_fail (CC_IS_PDF_EXPORTER (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

/**
 * cc_pdf_exporter_set_report:
 *
 * With @report, the articles follow a cover, the timeline chart and the
 * table of claim clusters.
 */
void
cc_pdf_exporter_set_report (CcPdfExporter *self,
                            gboolean       report)
{
  g_return_if_fail (CC_IS_PDF_EXPORTER (self));

  self->report = !!report;
}

gboolean
cc_pdf_exporter_get_report (CcPdfExporter *self)
{
  g_return_val_if_fail (CC_IS_PDF_EXPORTER (self), FALSE);

  return self->report;
}

/**
 * cc_pdf_exporter_add_article:
 *
 * Copies @article with its claims and annotations, as they are now.
 */
void
cc_pdf_exporter_add_article (CcPdfExporter *self,
                             CcArticle     *article)
{
  g_return_if_fail (CC_IS_PDF_EXPORTER (self));
  g_return_if_fail (CC_IS_ARTICLE (article));

  g_ptr_array_add (self->articles, copy_article (self, article));
}

guint
cc_pdf_exporter_get_n_articles (CcPdfExporter *self)
{
  g_return_val_if_fail (CC_IS_PDF_EXPORTER (self), 0);

  return self->articles->len;
}

/* A report follows the story: by day of publication, undated articles
 * last, others in the order given. */
static int
compare_published (gconstpointer a,
                   gconstpointer b)
{
  const CcPdfArticle *aa = *(CcPdfArticle **)a;
  const CcPdfArticle *ab = *(CcPdfArticle **)b;

  if (aa->published == NULL || ab->published == NULL)
    return (aa->published == NULL) - (ab->published == NULL);
  return strcmp (aa->published, ab->published);
}

static Job *
job_new (CcPdfExporter *self,
         const char    *path)
{
  Job *job = g_new0 (Job, 1);

  job->articles = g_ptr_array_new_full (self->articles->len,
                                        (GDestroyNotify)_cc_pdf_article_unref);
  for (guint i = 0; i < self->articles->len; i++)
    g_ptr_array_add (job->articles, g_atomic_rc_box_acquire (g_ptr_array_index (self->articles, i)));
  job->path = g_strdup (path);
  job->title = g_strdup (self->title);
  job->author = g_strdup (self->author);
  job->paper_size = cc_pdf_exporter_get_paper_size (self);
  job->report = self->report;
  if (job->report)
    g_ptr_array_sort (job->articles, compare_published);

  return job;
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->job->progress (update->fraction, update->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Job    *job,
                 double  fraction)
{
  ProgressUpdate *update;

  if (job->progress == NULL)
    return;

  if (job->context == NULL)
    {
      job->progress (fraction, job->progress_data);
      return;
    }

  /* The job outlives the update: the task holds it until its callback,
   * which runs on the same context after these. */
  update = g_new (ProgressUpdate, 1);
  update->job = job;
  update->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb,
                              update, g_free);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
dup_article_outline_title (CcPdfArticle *article)
{
  const char *title = article->title ? article->title : _("Untitled article");

  if (article->outlet != NULL)
    return g_strdup_printf ("%s — %s", title, article->outlet);
  return g_strdup (title);
}

static gboolean
render_pages (Job         *job,
              GByteArray  *pdf,
              GPtrArray   *annots,
              GCancellable *cancellable,
              GError     **error)
{
  CcPdfRender render = { 0 };
  g_autofree char *creator = g_strdup_printf ("Crosscheck %s", PACKAGE_VERSION);
  cairo_status_t status;
  gboolean ok = TRUE;
  int articles_outline = CAIRO_PDF_OUTLINE_ROOT;

  if (job->paper_size == CC_PAPER_SIZE_LETTER)
    {
      render.width = 612.0;
      render.height = 792.0;
    }
  else
    {
      render.width = 595.276;
      render.height = 841.89;
    }
  render.margin_left = 56.0;
  render.margin_top = 56.0;
  render.margin_bottom = 64.0;
  render.gutter = 16.0;
  render.notes_width = 136.0;
  render.text_width = render.width - render.margin_left - 40.0 - render.gutter
                      - render.notes_width;
  render.annots = annots;
  render.cancellable = cancellable;
  render.running_title = job->title;
  render.author = job->author;

  render.surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, pdf,
                                                        render.width, render.height);
  /* PDF 1.4 keeps every object and the cross-reference table in the
   * open, where the annotations are added; cairo 1.17.6 and later would
   * otherwise pack them into object streams. */
  cairo_pdf_surface_restrict_to_version (render.surface, CAIRO_PDF_VERSION_1_4);
  if (job->title != NULL)
    cairo_pdf_surface_set_metadata (render.surface, CAIRO_PDF_METADATA_TITLE, job->title);
  if (job->author != NULL)
    cairo_pdf_surface_set_metadata (render.surface, CAIRO_PDF_METADATA_AUTHOR, job->author);
  cairo_pdf_surface_set_metadata (render.surface, CAIRO_PDF_METADATA_CREATOR, creator);

  render.cr = cairo_create (render.surface);
  render.context = pango_cairo_create_context (render.cr);
  /* Font sizes are then in points, the unit of the page. */
  pango_cairo_context_set_resolution (render.context, 72.0);

  if (job->report)
    {
      ok = _cc_pdf_render_report (&render, job->articles, job->title, error);
      if (ok)
        {
          g_autofree char *dest = g_strdup_printf ("page=%u pos=[0 0]", render.page + 1);

          articles_outline = cairo_pdf_surface_add_outline (render.surface,
                                                            CAIRO_PDF_OUTLINE_ROOT,
                                                            _("Articles"), dest,
                                                            CAIRO_PDF_OUTLINE_FLAG_OPEN);
        }
      report_progress (job, 0.1);
    }

  for (guint i = 0; ok && i < job->articles->len; i++)
    {
      CcPdfArticle *article = g_ptr_array_index (job->articles, i);
      g_autofree char *outline = dup_article_outline_title (article);
      g_autofree char *dest = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      dest = g_strdup_printf ("page=%u pos=[0 0]", render.page + 1);
      cairo_pdf_surface_add_outline (render.surface, articles_outline, outline, dest, 0);

      ok = _cc_pdf_render_article (&render, article, error);
      report_progress (job, (job->report ? 0.1 : 0.0) + 0.85 * (i + 1) / job->articles->len);
    }

  g_clear_object (&render.context);
  cairo_destroy (render.cr);
  cairo_surface_finish (render.surface);
  status = cairo_surface_status (render.surface);
  cairo_surface_destroy (render.surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CC_PDF_EXPORT_ERROR, CC_PDF_EXPORT_ERROR_RENDER,
                   _("Could not draw the pages: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return ok;
}

static gboolean
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GPtrArray) annots = g_ptr_array_new_with_free_func ((GDestroyNotify)_cc_pdf_annot_free);
  g_autoptr(GError) local_error = NULL;

  if (job->articles->len == 0)
    {
      g_set_error (error, CC_PDF_EXPORT_ERROR, CC_PDF_EXPORT_ERROR_NO_ARTICLES,
                   _("There are no articles to export"));
      return FALSE;
    }

  /* A folder or a device at the path is refused before the long work. */
  if (!cc_output_file_check (job->path, &local_error))
    {
      g_set_error (error, CC_PDF_EXPORT_ERROR, CC_PDF_EXPORT_ERROR_WRITE,
                   "%s", local_error->message);
      return FALSE;
    }

  report_progress (job, 0.0);

  if (!render_pages (job, pdf, annots, cancellable, error))
    return FALSE;

  if (!_cc_pdf_add_annotations (pdf, annots, job->author, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!cc_output_file_write (job->path, pdf->data, pdf->len, &local_error))
    {
      g_set_error (error, CC_PDF_EXPORT_ERROR, CC_PDF_EXPORT_ERROR_WRITE,
                   "%s", local_error->message);
      return FALSE;
    }

  report_progress (job, 1.0);

  return TRUE;
}

/**
 * cc_pdf_exporter_write:
 * @progress: (nullable): called on this thread as the pages are drawn
 *
 * Writes the PDF on the calling thread. The file is replaced only once
 * the whole document is ready.
 */
gboolean
cc_pdf_exporter_write (CcPdfExporter        *self,
                       const char           *path,
                       GCancellable         *cancellable,
                       CcPdfExportProgress   progress,
                       gpointer              progress_data,
                       GError              **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (CC_IS_PDF_EXPORTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = job_new (self, path);
  job->progress = progress;
  job->progress_data = progress_data;
  ok = run_job (job, cancellable, error);
  job_free (job);

  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_job (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cc_pdf_exporter_write_async:
 * @progress: (nullable): called on the caller's thread-default main context
 *
 * Draws and writes the PDF on a worker thread, from the articles added
 * so far; later changes to the exporter do not affect it.
 */
void
cc_pdf_exporter_write_async (CcPdfExporter        *self,
                             const char           *path,
                             GCancellable         *cancellable,
                             CcPdfExportProgress   progress,
                             gpointer              progress_data,
                             GDestroyNotify        progress_notify,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CC_IS_PDF_EXPORTER (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = job_new (self, path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_pdf_exporter_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
cc_pdf_exporter_write_finish (CcPdfExporter  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (CC_IS_PDF_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
