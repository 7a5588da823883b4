/* Main-text extraction of a web page (parse/extract.c), as the refresh
 * runs it on a fetched page: with the charset the transport gave (taken
 * from the input's first byte, so that every decoding path is reached)
 * and without.  What comes out must hold what extract.h promises: valid
 * UTF-8, no control character but the newline, paragraphs apart. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "parse/extract.h"

static const char *const charsets[] = {NULL,        "utf-8",  "iso-8859-1",     "gb2312",
                                       "shift_jis", "utf-16", "no-such-charset"};

/* Whether s (len bytes) is UTF-8 without C0 or C1 controls but '\n'. */
static int clean_utf8(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		size_t n = c < 0x80             ? 1
		           : (c & 0xe0) == 0xc0 ? 2
		           : (c & 0xf0) == 0xe0 ? 3
		           : (c & 0xf8) == 0xf0 ? 4
		                                : 0;
		if (n == 0 || i + n > len)
			return 0;
		if (n == 1 && ((c < 0x20 && c != '\n') || c == 0x7f))
			return 0;
		for (size_t k = 1; k < n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		if (n == 2 && c == 0xc2 && s[i + 1] < 0xa0)
			return 0;
		i += n;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *charset = charsets[data[0] % (sizeof(charsets) / sizeof(charsets[0]))];
	struct extract_options o = {.charset = charset, .max_size = 0};
	struct extracted e;
	if (!extract_page((const char *)data + 1, size - 1, &o, &e))
		return 0;
	if (e.text != NULL) {
		if (strlen(e.text) != e.len || !clean_utf8((const unsigned char *)e.text, e.len) ||
		    strstr(e.text, "\n\n\n") != NULL || e.text[0] == '\n')
			abort();
	}
	if (e.title != NULL && !clean_utf8((const unsigned char *)e.title, strlen(e.title)))
		abort();
	extracted_free(&e);
	return 0;
}
