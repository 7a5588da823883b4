#include "config.h"

#include "common/safetext.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "common/util.h"

/* The code point of the UTF-8 sequence at s (at most avail bytes) and its
 * length in *len; 0 with *len 1 for a byte that starts no valid one. */
static uint32_t decode(const unsigned char *s, size_t avail, size_t *len)
{
	uint32_t c = s[0];
	size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
	*len = 1;
	if (n == 0 || n > avail)
		return n == 1 ? c : 0;
	if (n == 1)
		return c;
	c &= 0xFF >> (n + 1);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0; /* overlong, beyond Unicode, or a surrogate */
	*len = n;
	return c;
}

static bool hidden(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
	       c == 0xFEFF;
}

static bool blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

size_t safe_text_copy(char *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	unsigned char *o = (unsigned char *)out;
	bool space = true; /* the last byte written is a space (or none is) */
	while (p < end) {
		unsigned char c = *p;
		if (c > 0x20 && c < 0x7F) { /* most text: printable ASCII */
			*o++ = c;
			p++;
			space = false;
			continue;
		}
		size_t len = 1;
		uint32_t cp = c == ' ' ? ' ' : decode(p, (size_t)(end - p), &len);
		if (blank(cp)) {
			if (!space)
				*o++ = ' ';
			space = true;
		} else if (cp != 0 && !hidden(cp)) {
			memcpy(o, p, len);
			o += len;
			space = false;
		}
		p += len;
	}
	while (o > (unsigned char *)out && o[-1] == ' ')
		o--;
	*o = '\0';
	return (size_t)(o - (unsigned char *)out);
}

void safe_text_append(struct buf *b, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	/* the cleaned text is never longer: it is written in place */
	buf_reserve(b, n + 1);
	b->len += safe_text_copy(b->data + b->len, s != NULL ? s : "", n);
}

char *safe_text(const char *s)
{
	struct buf b;
	buf_init(&b);
	safe_text_append(&b, s);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

static unsigned columns(uint32_t c)
{
	if ((c >= 0x300 && c <= 0x36F) || (c >= 0x200B && c <= 0x200D) || (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
	    (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

size_t safe_text_width(const char *s, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t c = decode((const unsigned char *)s + i, len - i, &n);
		w += columns(c);
		i += n;
	}
	return w;
}

size_t safe_text_fit(const char *s, size_t len, size_t cols)
{
	size_t w = 0, i = 0;
	while (i < len && i < cols && (unsigned char)s[i] < 0x80) /* a column a byte */
		i++, w++;
	while (i < len) {
		size_t n;
		uint32_t c = decode((const unsigned char *)s + i, len - i, &n);
		if (w + columns(c) > cols)
			break;
		w += columns(c);
		i += n;
	}
	return i;
}
