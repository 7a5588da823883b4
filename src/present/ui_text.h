/* Text for the terminal: feed text decoded to wide characters with every
 * control character, escape sequence and bidirectional override taken
 * out, measured and cut by display width (CJK and emoji take two
 * columns, combining marks none), never in the middle of a character. */
#ifndef RETL_UI_TEXT_H
#define RETL_UI_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* The characters of s, cleaned: newlines and tabs become spaces, and
 * runs of spaces one.  *n is set; the result is NUL-terminated. */
wchar_t *ui_text_clean(const char *s, size_t *n);

/* Is c a character that must never reach the terminal? */
int ui_char_hidden(wchar_t c);

/* The display width of a cleaned character (0 for combining marks). */
int ui_char_width(wchar_t c);

/* How many of the n characters of w fit in cols columns; *used is set to
 * their width. */
size_t ui_text_fit(const wchar_t *w, size_t n, int cols, int *used);

/* Where to break w (n characters) for a line of cols columns: after the
 * last space that fits, else where the columns run out; at least one
 * character. */
size_t ui_text_break(const wchar_t *w, size_t n, int cols);

#endif
