/* Feed text made safe for any output, whatever the locale: UTF-8 decoded
 * by hand, invalid sequences dropped, C0 and C1 controls, DEL and the
 * bidirectional marks, embeddings, overrides and isolates dropped (so no
 * escape sequence or reordering reaches a terminal or a file), blanks
 * folded to single spaces. */
#ifndef RETL_SAFETEXT_H
#define RETL_SAFETEXT_H

#include <stddef.h>

struct buf;

/* A fresh, cleaned copy of s. */
char *safe_text(const char *s);
/* s cleaned, appended to b (which stays NUL-terminated). */
void safe_text_append(struct buf *b, const char *s);
/* The n bytes at s cleaned into out (n + 1 bytes at least: cleaning never
 * lengthens), NUL-terminated; the cleaned length. */
size_t safe_text_copy(char *out, const char *s, size_t n);

/* The columns a cleaned string takes on a terminal: two for East Asian
 * wide characters, none for combining marks, one for the rest. */
size_t safe_text_width(const char *s, size_t len);

/* The bytes of s (cleaned, len bytes) that fit in cols columns, ending at
 * a character boundary. */
size_t safe_text_fit(const char *s, size_t len, size_t cols);

#endif
