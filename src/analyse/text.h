/* Article text: HTML to plain text, and the text split into paragraphs
 * and sentences. */
#ifndef RETL_ANALYSE_TEXT_H
#define RETL_ANALYSE_TEXT_H

#include <stddef.h>

#include "analyse/analysis.h"

/* Plain text of an HTML article body: paragraphs (p, div, li, headings,
 * blockquote, br br...) separated by "\n\n", scripts, styles and
 * navigation dropped, entities decoded, white space folded.  Fresh. */
char *text_from_html(const char *html, size_t len, size_t *outlen);

/* Fills d->paragraphs and d->sentences from d->text.  Sentences end at
 * . ! ? (and their closing quotes), but not after abbreviations (Mr. Ms.
 * Dr. Prof. U.S. Jan. No. St. ...), initials, or inside decimals. */
void doc_split(struct doc *d);
void doc_free_spans(struct doc *d);

/* The index of the sentence that holds byte offset pos. */
size_t doc_sentence_at(const struct doc *d, size_t pos);

#endif
