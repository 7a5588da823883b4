#include "config.h"

#include "parse/text.h"

#include <libxml/HTMLparser.h>
#include <string.h>
#include <strings.h>

struct html_text {
	struct buf *out;
	int hidden; /* depth inside script/style */
};

static bool is_hidden_element(const xmlChar *name)
{
	return strcasecmp((const char *)name, "script") == 0 ||
	       strcasecmp((const char *)name, "style") == 0;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	struct html_text *t = ctx;
	(void)attrs;
	if (is_hidden_element(name))
		t->hidden++;
	else if (strcasecmp((const char *)name, "br") == 0 ||
		 strcasecmp((const char *)name, "p") == 0)
		buf_putc(t->out, ' ');
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct html_text *t = ctx;
	if (is_hidden_element(name) && t->hidden > 0)
		t->hidden--;
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
	struct html_text *t = ctx;
	if (t->hidden == 0 && len > 0)
		buf_append(t->out, (const char *)s, (size_t)len);
}

void text_html_to_plain(struct buf *out, const char *html, size_t len)
{
	htmlSAXHandler sax;
	struct html_text t = {out, 0};

	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	htmlParserCtxtPtr ctxt =
	    htmlCreatePushParserCtxt(&sax, &t, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (ctxt == NULL) {
		buf_append(out, html, len);
		return;
	}
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
				     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
				     HTML_PARSE_NOIMPLIED);
	/* The HTML parser wants int lengths; titles are far smaller. */
	size_t done = 0;
	do {
		size_t n = len - done > 1u << 20 ? 1u << 20 : len - done;
		htmlParseChunk(ctxt, html + done, (int)n, done + n == len);
		done += n;
	} while (done < len);
	htmlFreeParserCtxt(ctxt);
}

static bool is_space_at(const char *s, size_t i, size_t len, size_t *width)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
		*width = 1;
		return true;
	}
	if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
		*width = 2; /* U+00A0 NO-BREAK SPACE */
		return true;
	}
	return false;
}

void text_fold_space(struct buf *b)
{
	size_t r = 0, w = 0, width;
	bool pending_space = false;

	while (r < b->len) {
		if (is_space_at(b->data, r, b->len, &width)) {
			pending_space = w > 0;
			r += width;
			continue;
		}
		if (pending_space) {
			b->data[w++] = ' ';
			pending_space = false;
		}
		b->data[w++] = b->data[r++];
	}
	b->len = w;
	if (b->data != NULL)
		b->data[w] = '\0';
}

char *text_plain(const char *s, size_t len, bool is_html)
{
	struct buf b;

	buf_init(&b);
	if (is_html && (memchr(s, '<', len) != NULL || memchr(s, '&', len) != NULL))
		text_html_to_plain(&b, s, len);
	else
		buf_append(&b, s, len);
	text_fold_space(&b);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}
