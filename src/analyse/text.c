#include "config.h"

#include "analyse/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/util.h"

/* ---- HTML to text ----------------------------------------------------- */

static bool name_in(const xmlChar *name, const char *const *list)
{
	unsigned char first = (unsigned char)(name[0] | 0x20);
	for (; *list != NULL; list++)
		if ((unsigned char)(*list)[0] == first &&
		    strcasecmp((const char *)name, *list) == 0)
			return true;
	return false;
}

/* Elements whose content is never article text. */
static bool is_dropped(const xmlChar *name)
{
	static const char *const dropped[] = {
	    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
	    "button", "iframe", "svg", "template", "select", "object", "embed", NULL,
	};
	return name_in(name, dropped);
}

/* Elements that stand as paragraphs of their own. */
static bool is_block(const xmlChar *name)
{
	static const char *const blocks[] = {
	    "p",	  "div",	"li",	      "ul",	    "ol",     "h1",	"h2",
	    "h3",	  "h4",		"h5",	      "h6",	    "blockquote", "pre", "table",
	    "tr",	  "td",		"th",	      "section",    "article", "main",	"figure",
	    "figcaption", "dl",		"dt",	      "dd",	    "address", "hr",	"center",
	    NULL,
	};
	return name_in(name, blocks);
}

struct text_out {
	struct buf *b;
	bool space;	/* a space is owed before the next word */
	int breaks;	/* line breaks owed before the next word (2: paragraph) */
};

static void owe_break(struct text_out *t, int n)
{
	if (t->b->len > 0 && n > t->breaks)
		t->breaks = n;
}

/* Bytes that are, or may start, white space: 1 for blanks, 2 for the
 * lead byte of a no-break space (U+00A0 is C2 A0). */
static const unsigned char white_byte[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, [0xC2] = 2,
};

/* Is s (n bytes left) at white space (a no-break space counts)?  Its
 * length, or 0. */
static size_t white_at(const char *s, size_t n)
{
	unsigned char w = white_byte[(unsigned char)*s];
	if (w != 2)
		return w;
	return n >= 2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

/* Appends text, its runs of white space folded into one space (owed, so
 * that none ends a paragraph).  Text between such runs, single spaces
 * included, is copied a run at a time.  The parser may hand one text over
 * in pieces: what is owed carries over from one to the next. */
static void put_text(struct text_out *t, const char *s, size_t len)
{
	const char *end = s + len;
	while (s < end) {
		size_t n = white_at(s, (size_t)(end - s));
		if (n > 0) {
			if (t->b->len > 0)
				t->space = true;
			s += n;
			continue;
		}
		const char *run = s;
		while (s < end) {
			if (white_byte[(unsigned char)*s] == 0) {
				s++; /* the common case: a byte of a word */
				continue;
			}
			if (white_at(s, (size_t)(end - s)) == 0 ||
			    (*s == ' ' && s + 1 < end && white_at(s + 1, (size_t)(end - s - 1)) == 0))
				s++;
			else
				break;
		}
		if (t->breaks > 0) {
			buf_append(t->b, "\n\n", t->breaks >= 2 ? 2 : 1);
			t->breaks = 0;
			t->space = false;
		} else if (t->space) {
			buf_putc(t->b, ' ');
			t->space = false;
		}
		buf_append(t->b, run, (size_t)(s - run));
	}
}

/* The HTML is read by libxml2's SAX interface: no tree is built, and no
 * depth of nesting costs stack. */
struct html_reader {
	struct text_out out;
	unsigned dropped; /* how deep inside dropped elements */
};

static struct html_reader *reader_of(void *ctx)
{
	return ((htmlParserCtxtPtr)ctx)->_private;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **attributes)
{
	struct html_reader *r = reader_of(ctx);
	(void)attributes;
	if (r->dropped > 0 || is_dropped(name)) {
		r->dropped++;
		return;
	}
	if (strcasecmp((const char *)name, "br") == 0)
		owe_break(&r->out, r->out.breaks >= 1 ? 2 : 1);
	else if (is_block(name))
		owe_break(&r->out, 2);
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct html_reader *r = reader_of(ctx);
	if (r->dropped > 0)
		r->dropped--;
	else if (is_block(name))
		owe_break(&r->out, 2);
}

static void on_text(void *ctx, const xmlChar *text, int len)
{
	struct html_reader *r = reader_of(ctx);
	if (r->dropped == 0 && len > 0)
		put_text(&r->out, (const char *)text, (size_t)len);
}

char *text_from_html(const char *html, size_t len, size_t *outlen)
{
	struct buf b;
	buf_init(&b);
	htmlParserCtxtPtr ctxt = len > 0 && len < (size_t)0x7fffffff ? htmlNewParserCtxt() : NULL;
	if (ctxt != NULL) {
		struct html_reader r = {{&b, false, 0}, 0};
		/* Blanks between elements (ignorable white space) are left out,
		 * as a tree would leave them out. */
		htmlSAXHandler sax;
		memset(&sax, 0, sizeof(sax));
		sax.startElement = on_start;
		sax.endElement = on_end;
		sax.characters = on_text;
		sax.cdataBlock = on_text;
		sax.initialized = 1;
		*ctxt->sax = sax; /* the context owns its handler: overwritten, not replaced */
		ctxt->_private = &r;
		htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
						    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
							HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
		if (doc != NULL)
			xmlFreeDoc(doc);
		htmlFreeParserCtxt(ctxt);
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_steal(&b);
}

/* ---- paragraphs and sentences ----------------------------------------- */

static void add_span(struct span **spans, size_t *n, size_t start, size_t end)
{
	if ((*n & (*n - 1)) == 0) /* grow at powers of two */
		*spans = xrealloc(*spans, (*n ? *n * 2 : 16) * sizeof(**spans));
	(*spans)[*n].start = start;
	(*spans)[*n].end = end;
	(*n)++;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Words after which a full stop does not end a sentence, by length. */
static bool is_abbreviation(const char *word, size_t len)
{
	static const char *const abbrevs[][40] = {
	    [2] = {"mr", "ms", "dr", "sr", "jr", "st", "mt", "no", "co", "vs", "lt", "op", "ch",
		   "pp", NULL},
	    [3] = {"mrs", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct",
		   "nov", "dec", "inc", "ltd", "etc", "gov", "sen", "rep", "gen", "col", "sgt",
		   "adm", "rev", "hon", "est", "fig", "vol", "art", "mon", "tue", "wed", "thu", "fri",
		   "sat", "sun", NULL},
	    [4] = {"prof", "sept", "corp", "capt", "pres", "tues", "thur", NULL},
	    [5] = {"thurs", NULL},
	    [6] = {"approx", "messrs", NULL},
	};
	if (len == 1 && word[0] >= 'A' && word[0] <= 'Z')
		return true; /* an initial: "J. Smith" */
	if (memchr(word, '.', len) != NULL)
		return true; /* U.S., e.g., i.e., U.K. */
	if (len < 2 || len > 6)
		return false;
	for (const char *const *a = abbrevs[len]; *a != NULL; a++)
		if (strncasecmp(*a, word, len) == 0)
			return true;
	return false;
}

/* The word that ends just before the full stop at dot. */
static bool abbreviation_before(const char *text, size_t start, size_t dot)
{
	size_t w = dot;
	while (w > start && !is_space(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"')
		w--;
	return dot > w && is_abbreviation(text + w, dot - w);
}

/* Length of a closing quotation mark or bracket at p (avail bytes), or 0. */
static size_t closer_len(const char *p, size_t avail)
{
	if (*p == '"' || *p == '\'' || *p == ')' || *p == ']')
		return 1;
	if (avail >= 3 &&
	    (memcmp(p, "\xE2\x80\x9D", 3) == 0 || memcmp(p, "\xE2\x80\x99", 3) == 0))
		return 3; /* ” ’ */
	return 0;
}

/* Does an opening curly quote start at p? */
static bool opens_quote(const char *p)
{
	return memcmp(p, "\xE2\x80\x9C", 3) == 0; /* “ */
}

static bool closes_quote(const char *p)
{
	return memcmp(p, "\xE2\x80\x9D", 3) == 0; /* ” */
}

#ifdef __SSE2__
/* The first byte at or after i that can end a sentence or open or close
 * a quotation (. ! ? " and the lead byte of curly quotes), or end: sixteen
 * bytes at a time (SSE2, in every x86-64), as most bytes are none of them. */
static size_t next_mark(const char *t, size_t i, size_t end)
{
	static const bool matters[256] = {['.'] = true, ['!'] = true, ['?'] = true,
					  ['"'] = true, [0xE2] = true};
	const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
		      ask = _mm_set1_epi8('?'), quote = _mm_set1_epi8('"'),
		      curly = _mm_set1_epi8((char)0xE2);
	while (i + 16 <= end) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i hit = _mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, bang)),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, ask), _mm_cmpeq_epi8(x, quote)),
				 _mm_cmpeq_epi8(x, curly)));
		unsigned mask = (unsigned)_mm_movemask_epi8(hit);
		if (mask != 0)
			return i + (size_t)__builtin_ctz(mask);
		i += 16;
	}
	while (i < end && !matters[(unsigned char)t[i]])
		i++;
	return i;
}
#else
/* Whether any of the eight bytes of x is b. */
static uint64_t has_byte(uint64_t x, unsigned char b)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t y = x ^ (ones * b);
	return (y - ones) & ~y & high;
}

/* The first byte at or after i that can end a sentence or open or close
 * a quotation (. ! ? " and the lead byte of curly quotes), or end: eight
 * bytes at a time, as most bytes are none of them. */
static size_t next_mark(const char *t, size_t i, size_t end)
{
	static const bool matters[256] = {['.'] = true, ['!'] = true, ['?'] = true,
					  ['"'] = true, [0xE2] = true};
	while (i + 8 <= end) {
		uint64_t x;
		memcpy(&x, t + i, 8);
		if (has_byte(x, '.') | has_byte(x, '!') | has_byte(x, '?') | has_byte(x, '"') |
		    has_byte(x, 0xE2))
			break;
		i += 8;
	}
	while (i < end && !matters[(unsigned char)t[i]])
		i++;
	return i;
}
#endif

/* Splits one paragraph [start, end) into sentences.  A sentence does not
 * end inside a quotation, so a quote of several sentences stays whole. */
static void split_sentences(struct doc *d, size_t start, size_t end)
{
	const char *t = d->text;
	size_t s = start;
	int in_quote = 0;
	bool straight_open = false;

	for (size_t i = start; i < end; i++) {
		i = next_mark(t, i, end);
		if (i >= end)
			break;
		if (end - i >= 3 && opens_quote(t + i))
			in_quote++;
		else if (end - i >= 3 && closes_quote(t + i) && in_quote > 0)
			in_quote--;
		else if (t[i] == '"')
			straight_open = !straight_open;
		if (t[i] != '.' && t[i] != '!' && t[i] != '?')
			continue;
		size_t j = i + 1;
		/* Closing marks belong to the sentence they close. */
		for (size_t n; j < end && (n = closer_len(t + j, end - j)) > 0; j += n) {
			if (end - j >= 3 && closes_quote(t + j) && in_quote > 0)
				in_quote--;
			else if (t[j] == '"')
				straight_open = !straight_open;
		}
		if (in_quote > 0 || straight_open)
			continue;
		if (j < end && !is_space(t[j]))
			continue; /* 3.5, U.S.-China, "...?" inside a word */
		if (t[i] == '.' && abbreviation_before(t, s, i))
			continue;
		add_span(&d->sentences, &d->nsentences, s, j);
		while (j < end && is_space(t[j]))
			j++;
		s = j;
		i = j > 0 ? j - 1 : j;
	}
	if (s < end)
		add_span(&d->sentences, &d->nsentences, s, end);
}

void doc_split(struct doc *d)
{
	const char *t = d->text;
	size_t i = 0;

	d->paragraphs = NULL;
	d->sentences = NULL;
	d->nparagraphs = d->nsentences = 0;
	while (i < d->len) {
		while (i < d->len && is_space(t[i]))
			i++;
		if (i >= d->len)
			break;
		size_t start = i;
		/* A paragraph ends at a blank line. */
		while (i < d->len) {
			const char *nl = memchr(t + i, '\n', d->len - i);
			if (nl == NULL) {
				i = d->len;
				break;
			}
			i = (size_t)(nl - t);
			size_t k = i + 1;
			while (k < d->len && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r'))
				k++;
			if (k >= d->len || t[k] == '\n')
				break;
			i++;
		}
		size_t end = i;
		while (end > start && is_space(t[end - 1]))
			end--;
		add_span(&d->paragraphs, &d->nparagraphs, start, end);
		split_sentences(d, start, end);
	}
}

void doc_free_spans(struct doc *d)
{
	free(d->paragraphs);
	free(d->sentences);
	d->paragraphs = d->sentences = NULL;
	d->nparagraphs = d->nsentences = 0;
}

size_t doc_sentence_at(const struct doc *d, size_t pos)
{
	size_t lo = 0, hi = d->nsentences;
	while (lo + 1 < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->sentences[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
