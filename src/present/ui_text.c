#include "config.h"

#include "present/ui_text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

/* Characters that change how the terminal draws what follows instead of
 * being drawn: C0 and C1 controls, DEL, and the bidirectional marks,
 * embeddings, overrides and isolates (a title could reverse a line). */
static bool is_control(wchar_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
	       c == 0xFEFF;
}

wchar_t *ui_text_clean(const char *s, size_t *n)
{
	size_t len = strlen(s);
	wchar_t *out = xmalloc((len + 1) * sizeof(*out));
	mbstate_t st;
	size_t k = 0;
	bool space = true; /* no leading space */

	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < len;) {
		wchar_t c;
		size_t r = mbrtowc(&c, s + i, len - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			/* not UTF-8 here: skip the byte, start afresh */
			memset(&st, 0, sizeof(st));
			i++;
			continue;
		}
		i += r;
		if (c == '\n' || c == '\t' || c == '\r' || c == ' ' || c == 0xA0) {
			if (!space)
				out[k++] = L' ';
			space = true;
			continue;
		}
		if (is_control(c) || wcwidth(c) < 0)
			continue; /* ESC and what follows it is text; the ESC is gone */
		out[k++] = c;
		space = false;
	}
	while (k > 0 && out[k - 1] == L' ')
		k--;
	out[k] = L'\0';
	*n = k;
	return out;
}

int ui_char_hidden(wchar_t c)
{
	return is_control(c) || wcwidth(c) < 0;
}

int ui_char_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 0 : w;
}

size_t ui_text_fit(const wchar_t *w, size_t n, int cols, int *used)
{
	int width = 0;
	size_t i = 0;
	for (; i < n; i++) {
		int cw = ui_char_width(w[i]);
		if (width + cw > cols)
			break;
		width += cw;
	}
	/* combining marks after the last character fitted go with it */
	while (i < n && ui_char_width(w[i]) == 0)
		i++;
	*used = width;
	return i;
}

size_t ui_text_break(const wchar_t *w, size_t n, int cols)
{
	int used;
	size_t fit = ui_text_fit(w, n, cols, &used);
	if (fit >= n)
		return n;
	/* before the last space that leaves the line its words whole */
	for (size_t i = fit; i > 1; i--) {
		if (w[i] == L' ')
			return i;
		if (w[i - 1] == L' ')
			return i - 1;
	}
	return fit > 0 ? fit : 1;
}
