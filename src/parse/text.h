/* Plain text from the bits of HTML that feeds put in titles and names. */
#ifndef RETL_TEXT_H
#define RETL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "common/util.h"

/* Appends the text of an HTML fragment: tags dropped (script and style
 * with their content), entities decoded. */
void text_html_to_plain(struct buf *out, const char *html, size_t len);

/* Folds each run of white space (including no-break spaces) into one
 * space and trims both ends, in place. */
void text_fold_space(struct buf *b);

/* A fresh plain-text copy of s: markup stripped when is_html, white space
 * folded.  Returns NULL for an empty result. */
char *text_plain(const char *s, size_t len, bool is_html);

#endif
