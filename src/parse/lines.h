/* What a line of extracted text is: measures, and the rules that tell page
 * furniture (labels, credits, plugs, contact lines, end marks) from the
 * story's text.  See lines.c. */
#ifndef RETL_LINES_H
#define RETL_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct measure {
	uint32_t chars;	 /* weighted characters that are not white space */
	uint32_t commas; /* clause marks: , ， 、 ； */
};

/* The character at s (n bytes left, valid UTF-8: libxml2's output) and its
 * length in *step. */
unsigned utf8_at(const unsigned char *s, size_t n, size_t *step);
/* Characters that are not white space (an ideograph counts two) and
 * clause marks. */
struct measure measure_text(const unsigned char *s, size_t n);
/* Words: spaced runs, or for unspaced scripts about two characters each. */
size_t count_words(const char *s);
bool starts_with_word(const char *s, const char *const *prefixes);
/* Whether s holds a year, 1900-2099, as a number of its own. */
bool has_year(const char *s);
bool ends_sentence(const char *s, size_t len);

/* Whether a paragraph is page furniture: a label, a credit, a plug, a
 * contact or a notice.  at_top: no long paragraph has been written yet
 * (bylines, date lines and update notes are furniture there). */
bool line_is_furniture(const char *s, size_t len, bool at_top);
/* Text after a picture, short and no sentence: its caption or credit. */
bool line_is_picture_label(const char *s, size_t len);
/* A heading that opens a release's boilerplate ("Notes to editors"). */
bool line_is_boilerplate_heading(const char *s);
/* "About X": the company's boilerplate, or an explainer's section. */
bool line_is_about_heading(const char *s);
/* Where a release or a letter ends: "###", "-30-", a closing salutation. */
bool line_is_end_mark(const char *s, size_t len);

#endif
