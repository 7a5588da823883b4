#include "config.h"

#include "parse/text.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
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

/* Elements that separate words when a browser lays them out, so that
 * "<p>one</p><p>two</p>" reads "one two", not "onetwo". */
static bool is_breaking_element(const xmlChar *name)
{
	static const char *const names[] = {
	    "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote",
	    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dd", "dt", "pre",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp((const char *)name, names[i]) == 0)
			return true;
	return false;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	struct html_text *t = ctx;
	(void)attrs;
	if (is_hidden_element(name))
		t->hidden++;
	else if (is_breaking_element(name))
		buf_putc(t->out, ' ');
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct html_text *t = ctx;
	if (is_hidden_element(name) && t->hidden > 0)
		t->hidden--;
	else if (is_breaking_element(name))
		buf_putc(t->out, ' ');
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
	struct html_text *t = ctx;
	if (t->hidden == 0 && len > 0)
		buf_append(t->out, (const char *)s, (size_t)len);
}

void text_html_to_plain(struct buf *out, const char *html, size_t len)
{
	struct html_text t = {out, 0};

	/* The whole fragment is in memory, so the pull parser reads it: the
	 * push parser ends a fragment at its first stray end tag or at the
	 * close of its first top-level element, dropping the rest. */
	htmlParserCtxtPtr ctxt = len <= INT_MAX ? htmlNewParserCtxt() : NULL;
	if (ctxt == NULL || ctxt->sax == NULL) {
		htmlFreeParserCtxt(ctxt);
		buf_append(out, html, len);
		return;
	}
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->startElement = on_start;
	ctxt->sax->endElement = on_end;
	ctxt->sax->characters = on_text;
	/* The HTML parser calls white space between two elements "ignorable";
	 * it still separates their words. */
	ctxt->sax->ignorableWhitespace = on_text;
	ctxt->userData = &t;
	/* Implied <html><body><p> are harmless (the space of a <p> is trimmed); a <meta>
	 * charset in the fragment is not: the text is UTF-8 already. */
	htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
					    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
						HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
						HTML_PARSE_IGNORE_ENC);
	xmlFreeDoc(doc); /* none without tree-building callbacks; to be sure */
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
