/* Main-text extraction.  The page is decoded to UTF-8 (transport charset,
 * byte-order mark, <meta charset>, else UTF-8 when it is valid and
 * windows-1252 when not, as browsers do) and parsed into a tree by
 * libxml2's HTML parser.  Then:
 *
 *  1. One walk gives every element its text length, the part of it inside
 *     links, its "own" text (not inside a nested block) and hints from its
 *     class, id, itemprop and role.  Scripts, styles, forms' controls and
 *     hidden elements count for nothing.
 *  2. Each block of own text scores its container and the container's
 *     ancestors (more for longer text and more clauses), unless it sits in
 *     something that looks like boilerplate (navigation, comments, related
 *     stories, sidebars...).  A candidate's score is its credit plus hints,
 *     times the share of its text that is not links.
 *  3. The best candidate is widened to its parent when the parent holds
 *     it and little else, and its siblings join it when they score well or
 *     read like paragraphs: bodies split by ad slots stay whole.  When that
 *     finds next to nothing, the page is looked at again leniently, then
 *     for the element that holds most of its prose.
 *  4. The chosen subtrees are written out block by block, leaving out what
 *     is dense with links, hinted as boilerplate, pictures' figures and a
 *     standfirst that repeats the page's description; each paragraph is
 *     then judged by lines.c (the headline, a byline or date line at the
 *     top, labels such as "Advertisement", credits, end marks).
 *  5. A JSON-LD articleBody is preferred when the markup gave much less
 *     (pages that render their text with scripts).
 */
#include "config.h"

#include "parse/extract.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/util.h"
#include "parse/decode.h"
#include "parse/lines.h"
#include "parse/text.h"

/* ---- bytes to UTF-8 ----------------------------------------------------- */

/* Where a <meta> declares the charset, browsers look in the first 1024
 * bytes; real pages put long heads before it, so retl looks further. */
#define META_SCAN_BYTES 16384

static bool is_charset_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || c == ':';
}

/* Finds "charset=NAME" inside the <meta> tag that starts at p. */
static bool meta_charset(const char *p, const char *end, char *name, size_t size)
{
	const char *close = memchr(p, '>', (size_t)(end - p));
	if (close == NULL)
		close = end;
	for (const char *q = p; q + 7 < close; q++) {
		if (strncasecmp(q, "charset", 7) != 0)
			continue;
		q += 7;
		while (q < close && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
			q++;
		if (q >= close || *q != '=')
			continue;
		q++;
		while (q < close && (*q == ' ' || *q == '"' || *q == '\''))
			q++;
		size_t n = 0;
		while (q < close && is_charset_char(*q) && n + 1 < size)
			name[n++] = *q++;
		name[n] = '\0';
		return n > 0;
	}
	return false;
}

/* The charset a <meta> element near the start declares, if any. */
static bool sniff_meta(const char *s, size_t len, char *name, size_t size)
{
	const char *end = s + (len < META_SCAN_BYTES ? len : META_SCAN_BYTES);
	for (const char *p = s; p + 5 < end; p++) {
		p = memchr(p, '<', (size_t)(end - p));
		if (p == NULL || p + 5 >= end)
			break;
		if (strncasecmp(p + 1, "meta", 4) == 0 && meta_charset(p + 5, end, name, size))
			return true;
	}
	return false;
}

/* The page as UTF-8; *charset gets the encoding it was read as. */
static char *page_to_utf8(const char *html, size_t len, const char *transport, size_t *outlen,
			  char **charset)
{
	char declared[40];
	const char *hint = transport;
	if (hint == NULL && sniff_meta(html, len, declared, sizeof(declared)))
		hint = declared;
	/* Undeclared bytes that are not UTF-8 are, on the web, windows-1252
	 * (a byte-order mark still wins: the decoder looks for one). */
	if (hint == NULL && !utf8_well_formed(html, len))
		hint = "windows-1252";
	struct decoder *d = decoder_new(hint);
	struct buf out;
	buf_init(&out);
	decoder_push(d, html, len, true, &out);
	*charset = xstrdup(decoder_charset(d));
	decoder_free(d);
	*outlen = out.len;
	if (out.data == NULL)
		buf_putc(&out, '\0');
	return buf_steal(&out);
}

/* ---- elements ------------------------------------------------------------ */

static bool name_is(const xmlNode *n, const char *name)
{
	return n->name != NULL && strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *list)
{
	if (n->name == NULL)
		return false;
	for (; *list != NULL; list++)
		if (n->name[0] == (xmlChar)(*list)[0] && strcmp((const char *)n->name, *list) == 0)
			return true;
	return false;
}

/* An attribute's value without a copy ("" when it has none). */
static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		if (strcasecmp((const char *)a->name, name) != 0)
			continue;
		if (a->children != NULL && a->children->content != NULL)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* Never text: code, styles, embedded objects, controls. */
static bool is_ignored_tag(const xmlNode *n)
{
	static const char *const ignored[] = {
	    "script", "style",	"noscript", "template", "svg",	  "math",   "canvas",
	    "iframe", "object", "embed",    "select",	"textarea", "button", "input",
	    "option", "link",	    "meta",	"title",    "audio",  "video",
	    "map",    "dialog", NULL,
	};
	return name_in(n, ignored);
}

static bool is_hidden(const xmlNode *n)
{
	if (attr(n, "hidden") != NULL)
		return true;
	const char *aria = attr(n, "aria-hidden");
	if (aria != NULL && strcmp(aria, "true") == 0)
		return true;
	const char *style = attr(n, "style");
	if (style == NULL)
		return false;
	for (const char *p = style; (p = strstr(p, "display")) != NULL; p += 7) {
		const char *q = p + 7;
		while (*q == ' ' || *q == ':')
			q++;
		if (strncasecmp(q, "none", 4) == 0)
			return true;
	}
	return strstr(style, "visibility:hidden") != NULL ||
	       strstr(style, "visibility: hidden") != NULL;
}

/* Elements that break the flow of text into paragraphs. */
static bool is_block(const xmlNode *n)
{
	static const char *const blocks[] = {
	    "p",       "div",	  "li",	     "ul",	   "ol",      "h1",	 "h2",	   "h3",
	    "h4",      "h5",	  "h6",	     "blockquote", "pre",     "table",	 "tbody",  "thead",
	    "tfoot",   "tr",	  "td",	     "th",	   "section", "article", "main",   "figure",
	    "figcaption", "dl",	  "dt",	     "dd",	   "address", "hr",	 "center", "header",
	    "footer",  "nav",	  "aside",   "form",	   "fieldset", "body",	 "html",   "details",
	    "summary", "caption", "hgroup",  "menu",	   NULL,
	};
	return name_in(n, blocks);
}

static bool is_heading(const xmlNode *n)
{
	return n->name != NULL && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	       n->name[2] == '\0';
}

/* Blocks that are paragraphs themselves, rather than containers: their
 * text scores the element around them. */
static bool is_paragraph(const xmlNode *n)
{
	static const char *const paras[] = {"p", "pre", "blockquote", "li", "dd", "dt", NULL};
	return name_in(n, paras) || is_heading(n);
}

/* Case-insensitive search for a hint word in a class or id. */
static bool has_word(const char *s, const char *word)
{
	return s != NULL && strcasestr(s, word) != NULL;
}

/* Short hints ("ad", "ads") count only as a whole token of a class: as a
 * substring they are in "header", "load", "read". */
static bool has_token(const char *s, const char *token)
{
	size_t n = strlen(token);
	for (const char *p = s; p != NULL && (p = strcasestr(p, token)) != NULL; p += n) {
		bool start = p == s || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_';
		bool end = p[n] == '\0' || p[n] == ' ' || p[n] == '-' || p[n] == '_';
		if (start && end)
			return true;
	}
	return false;
}

static const char *const negative_hints[] = {
    "comment",	   "related",	 "share",     "sharing",   "social",	"sidebar",
    "footer",	   "footnote",	 "masthead",  "menu",	   "breadcrumb", "newsletter",
    "subscribe",   "signup",	 "promo",     "advert",	   "sponsor",	"cookie",
    "consent",	   "gdpr",	 "banner",    "byline",	   "author",	"caption",
    "credit",	   "tags",	 "pullquote", "pull-quote", "recommend",  "trending",
    "popular",	   "most-read",	 "mostread",  "widget",	   "toolbar",	"pagination",
    "pager",	   "outbrain",  "taboola",   "teaser",	"more-stories",
    "read-more",   "readmore",	 "also-read", "disqus",	   "rss",	"skip",
    "modal",	   "popup",	 "nav",	      "dateline",  "timestamp", "meta",
    "disclaimer", "author-bio", "standfirst", "tweet", "embed",
    "instagram",   "tiktok", NULL,
};
static const char *const negative_tokens[] = {"ad", "ads", "adv", "date", "tag", "print",
					       "email", "header", "topbar", "aside", NULL};
static const char *const positive_hints[] = {"article", "body",	 "content", "entry", "main",
					     "post",	"story", "text",    "blog",  NULL};

/* Whether s holds one of the words, by match (has_word or has_token). */
static bool has_any(const char *s, const char *const *words,
		    bool (*match)(const char *, const char *))
{
	for (; *words != NULL; words++)
		if (match(s, *words))
			return true;
	return false;
}

/* "hidden", but not Drupal's "field--label-hidden" (on nearly every field,
 * the body's among them): there the label is hidden, not the element. */
static bool says_hidden(const char *s)
{
	for (const char *p = s; (p = strcasestr(p, "hidden")) != NULL; p += 6) {
		size_t before = (size_t)(p - s);
		bool label = (before >= 6 && strncasecmp(p - 6, "label-", 6) == 0) ||
			     (before >= 7 && strncasecmp(p - 7, "label--", 7) == 0) ||
			     (before >= 6 && strncasecmp(p - 6, "label_", 6) == 0);
		if (!label)
			return true;
	}
	return false;
}

static bool hint_negative(const char *s)
{
	return s != NULL && *s != '\0' &&
	       (has_any(s, negative_hints, has_word) || has_any(s, negative_tokens, has_token) ||
		says_hidden(s));
}

/* A heading's class saying "header" ("header-anchor-post") says what it
 * is, not that it is the page's header. */
static bool heading_hint_negative(const char *s)
{
	if (!hint_negative(s))
		return false;
	if (!has_token(s, "header"))
		return true;
	size_t n = strlen(s);
	char *copy = xmalloc(n + 1);
	memcpy(copy, s, n + 1);
	for (char *p = copy; (p = strcasestr(p, "header")) != NULL; p += 6)
		memset(p, '_', 6);
	bool negative = hint_negative(copy);
	free(copy);
	return negative;
}

static bool hint_positive(const char *s)
{
	return s != NULL && *s != '\0' && has_any(s, positive_hints, has_word);
}

static int hint_weight(const char *s)
{
	return (hint_negative(s) ? -25 : 0) + (hint_positive(s) ? 25 : 0);
}

/* ---- the first walk: measures and hints --------------------------------- */

struct node_info {
	uint32_t text, links; /* weighted characters in the subtree, in links */
	uint32_t own, own_commas;
	float credit;
	int16_t weight;	     /* hints of class, id, itemprop, role, tag */
	bool negative;	     /* its class or id hints at boilerplate */
	bool unlikely;	     /* it or an ancestor looks like boilerplate */
	bool scored;	     /* got credit: a candidate */
	bool quotes;	     /* it holds a block quotation of some length */
};

struct page {
	xmlDoc *doc;
	xmlNode **nodes; /* elements in document order; _private = index + 1 */
	struct node_info *info;
	size_t nnodes, cap;
	char *title;	   /* og:title, else <title> */
	char *ld_body;	   /* the longest JSON-LD articleBody */
	/* The page's descriptions (description, og: and twitter:), often
	 * the standfirst printed above the text: the first three. */
	char *desc[3];
	uint32_t desc_chars[3];
	size_t ndesc;
	uint32_t ld_chars;
	/* The second look, when the first found next to nothing: classes
	 * and ids mark nothing as boilerplate but comments (a page laid out
	 * in a "sidebar-grid" holds its story there). */
	bool lenient;
	/* A PDF converted by pdf2htmlEX: every printed line is a
	 * positioned <div class="t ...">, paragraphs are not marked. */
	bool pdf_lines;
};

static struct node_info *info_of(const struct page *p, const xmlNode *n)
{
	uintptr_t i = (uintptr_t)n->_private;
	return i == 0 ? NULL : &p->info[i - 1];
}

static bool is_element(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE;
}

static const xmlNode *element_parent(const xmlNode *n)
{
	const xmlNode *p = n->parent;
	return p != NULL && is_element(p) ? p : NULL;
}

/* Whether the element looks like something around an article rather
 * than in it; positive hints win ("article-comments" stays unlikely:
 * comments are checked first). */
static bool looks_unlikely(const struct page *p, const xmlNode *n, const char *cls,
			   const char *id)
{
	/* Not <form>: ASP.NET wraps whole pages in one; a small form (a
	 * newsletter box) is dropped when written. */
	static const char *const tags[] = {"nav", "aside", "footer", "header", "menu", NULL};
	if (name_in(n, tags))
		return true;
	/* The page's and the story's own containers: a "layout-newsletter"
	 * body or a "story newsletter" article is still the page; an article
	 * that is a comment is not. */
	if (name_is(n, "html") || name_is(n, "body") || name_is(n, "main"))
		return false;
	if (name_is(n, "article"))
		return has_word(cls, "comment") || has_word(id, "comment");
	const char *role = attr(n, "role");
	if (role != NULL && (strcmp(role, "navigation") == 0 || strcmp(role, "complementary") == 0 ||
			     strcmp(role, "banner") == 0 || strcmp(role, "contentinfo") == 0 ||
			     strcmp(role, "dialog") == 0 || strcmp(role, "alert") == 0))
		return true;
	static const char *const strong[] = {"comment", "related", "sidebar", "cookie", "consent",
					     "newsletter", "recommend", "popular", "trending",
					     "most-read", "social", "share", "breadcrumb", "promo",
					     "advert", "sponsor", "subscribe", NULL};
	/* As Readability: a strong hint beside a word of the story
	 * ("sidebar-grid__content article__content") is layout, not
	 * boilerplate; but comments stay comments. */
	if (has_word(cls, "comment") || has_word(id, "comment"))
		return true;
	if (p->lenient)
		return false;
	static const char *const story[] = {"article", "body", "content", "main", "column", NULL};
	for (const char *const *h = story; *h != NULL; h++)
		if (has_word(cls, *h) || has_word(id, *h))
			return false;
	for (const char *const *h = strong; *h != NULL; h++)
		if (has_word(cls, *h) || has_word(id, *h))
			return true;
	/* No "paywall" here: what a site marks so is as often the story it
	 * hides from those who have not paid (a wrapper, its paragraphs) as
	 * the prompt, which is small and dropped as negative. */
	return false;
}

static int tag_weight(const xmlNode *n)
{
	static const char *const plus5[] = {"div", "article", "main", "section", NULL};
	static const char *const plus3[] = {"pre", "td", "blockquote", NULL};
	static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd", "dt", "li", "form",
					     NULL};
	if (name_in(n, plus5))
		return 5;
	if (name_in(n, plus3))
		return 3;
	if (name_in(n, minus3))
		return -3;
	if (is_heading(n) || name_is(n, "th"))
		return -5;
	return 0;
}

/* Whether id is the anchor made from the heading that opens the element
 * ("policy-recommendations" for "Policy recommendations"): it names a
 * section of the text, not a part of the page. */
static bool id_is_anchor(const xmlNode *n, const char *id)
{
	const xmlNode *h = n->children;
	while (h != NULL && !is_element(h))
		h = h->next;
	if (h == NULL || !is_heading(h))
		return false;
	xmlChar *text = xmlNodeGetContent(h);
	if (text == NULL)
		return false;
	/* the heading's slug: ASCII letters and digits, lowercase, each run
	 * of anything else one '-' between them */
	struct buf slug;
	buf_init(&slug);
	bool gap = false;
	for (const unsigned char *t = text; *t != '\0'; t++) {
		if ((*t >= 'A' && *t <= 'Z') || (*t >= 'a' && *t <= 'z') || (*t >= '0' && *t <= '9')) {
			if (gap && slug.len > 0)
				buf_putc(&slug, '-');
			buf_putc(&slug, (char)(*t >= 'A' && *t <= 'Z' ? *t + 32 : *t));
			gap = false;
		} else {
			gap = true;
		}
	}
	xmlFree(text);
	bool same = slug.len > 0 && strlen(id) == slug.len;
	for (size_t i = 0; same && i < slug.len; i++)
		same = (id[i] == '_' ? '-' : (id[i] >= 'A' && id[i] <= 'Z' ? id[i] + 32 : id[i])) ==
		       slug.data[i];
	buf_free(&slug);
	return same;
}

/* Adds the element n, whose parent element is up (NULL for the root).
 * The parent's facts are looked up after the arrays grow: a pointer taken
 * before would point into the freed ones. */
static void add_node(struct page *p, xmlNode *n, const xmlNode *up)
{
	if (p->nnodes == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->nodes = xrealloc(p->nodes, p->cap * sizeof(xmlNode *));
		p->info = xrealloc(p->info, p->cap * sizeof(*p->info));
	}
	struct node_info *in = &p->info[p->nnodes];
	memset(in, 0, sizeof(*in));
	p->nodes[p->nnodes++] = n;
	/* libxml2 leaves _private to the application: the element's index
	 * (plus one, so that 0 is "not walked"), not a pointer into the
	 * arrays, which move as they grow. */
	n->_private = (void *)(uintptr_t)p->nnodes; // NOLINT(performance-no-int-to-ptr)

	const char *cls = attr(n, "class"), *id = attr(n, "id");
	if (id != NULL && hint_negative(id) && id_is_anchor(n, id))
		id = NULL;
	in->weight = (int16_t)(hint_weight(cls) + hint_weight(id) + tag_weight(n));
	in->negative = hint_negative(cls) || hint_negative(id);
	if (in->negative && is_heading(n))
		in->negative = heading_hint_negative(cls) || heading_hint_negative(id);
	/* Script-built pages name their parts in data- attributes
	 * ("byline-block", "newsletter-signup"): hints against, never for
	 * ("text-block" is every paragraph's). */
	const char *part = attr(n, "data-component");
	if (part == NULL)
		part = attr(n, "data-testid");
	if (part != NULL && hint_negative(part)) {
		in->negative = true;
		in->weight -= 25;
	}
	if (!name_is(n, "p") && (has_word(cls, "paywall") || has_word(id, "paywall"))) {
		in->negative = true; /* see looks_unlikely() */
		in->weight -= 25;
	}
	const char *prop = attr(n, "itemprop");
	if (prop != NULL && strstr(prop, "articleBody") != NULL)
		in->weight += 50;
	if (name_is(n, "article"))
		in->weight += 10;
	const struct node_info *parent = up != NULL ? info_of(p, up) : NULL;
	in->unlikely = (parent != NULL && parent->unlikely) || looks_unlikely(p, n, cls, id) ||
		       (part != NULL && !name_is(n, "body") && looks_unlikely(p, n, part, NULL));
}

/* The text of an element's text children, for <title> and JSON-LD. */
static char *child_text(const xmlNode *n)
{
	struct buf b;
	buf_init(&b);
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content != NULL)
			buf_puts(&b, (const char *)c->content);
	if (b.data == NULL)
		buf_putc(&b, '\0');
	return buf_steal(&b);
}

static void read_json_ld(struct page *p, const xmlNode *script);

/* The page's title as plain text without controls (C0, DEL, C1), as the
 * text is: a hostile <title> must not carry escape sequences out. */
static char *plain_title(const char *s)
{
	char *t = text_plain(s, strlen(s), false);
	if (t == NULL)
		return NULL;
	char *w = t;
	for (const unsigned char *r = (const unsigned char *)t; *r != '\0'; r++) {
		if (*r < 0x20 || *r == 0x7f)
			continue;
		if (*r == 0xc2 && r[1] >= 0x80 && r[1] <= 0x9f) {
			r++;
			continue;
		}
		*w++ = (char)*r;
	}
	*w = '\0';
	return t;
}

/* Notes what the head and scripts tell: the title, a JSON-LD body. */
static void note_description(struct page *p, const char *content)
{
	if (p->ndesc == sizeof(p->desc) / sizeof(p->desc[0]))
		return;
	char *d = plain_title(content);
	if (d == NULL)
		return;
	struct measure m = measure_text((const unsigned char *)d, strlen(d));
	for (size_t i = 0; i < p->ndesc; i++)
		if (strcmp(p->desc[i], d) == 0)
			m.chars = 0; /* seen already (or the second look) */
	if (m.chars < 40) {
		free(d);
		return;
	}
	p->desc_chars[p->ndesc] = m.chars;
	p->desc[p->ndesc++] = d;
}

static void note_metadata(struct page *p, const xmlNode *n)
{
	if (name_is(n, "meta")) {
		const char *prop = attr(n, "property");
		const char *content = attr(n, "content");
		if (prop != NULL && content != NULL && strcmp(prop, "og:title") == 0 && *content) {
			free(p->title);
			p->title = plain_title(content);
		}
		const char *name = attr(n, "name");
		if (name != NULL && content != NULL && strcasecmp(name, "generator") == 0 &&
		    strstr(content, "pdf2htmlEX") != NULL)
			p->pdf_lines = true;
		const char *key = name != NULL ? name : prop;
		if (key != NULL && content != NULL &&
		    (strcasecmp(key, "description") == 0 || strcmp(key, "og:description") == 0 ||
		     strcmp(key, "twitter:description") == 0))
			note_description(p, content);
	} else if (name_is(n, "title") && p->title == NULL) {
		char *t = child_text(n);
		p->title = plain_title(t);
		free(t);
	} else if (name_is(n, "script")) {
		const char *type = attr(n, "type");
		if (type != NULL && strcasecmp(type, "application/ld+json") == 0)
			read_json_ld(p, n);
	}
}

/* Text of a text node goes to the block around it (its "own" text), and
 * is counted for every ancestor on the way out. */
static void count_text(struct page *p, const xmlNode *t)
{
	const xmlNode *parent = element_parent(t);
	if (parent == NULL || t->content == NULL)
		return;
	size_t n = strlen((const char *)t->content);
	struct measure m = measure_text(t->content, n);
	if (m.chars == 0)
		return;
	struct node_info *in = info_of(p, parent);
	in->text += m.chars;
	bool in_link = false;
	const xmlNode *b = parent;
	for (; b != NULL && !is_block(b); b = element_parent(b))
		if (name_is(b, "a"))
			in_link = true;
	if (in_link)
		in->links += m.chars;
	if (b != NULL) {
		struct node_info *bi = info_of(p, b);
		bi->own += m.chars;
		bi->own_commas += m.commas;
	}
}

/* Pre-order on the way down, sums on the way up, without recursion: a
 * hostile page may nest a million elements. */
static void measure_tree(struct page *p, xmlNode *root)
{
	xmlNode *n = root;
	while (n != NULL) {
		bool descend = false;
		if (is_element(n)) {
			note_metadata(p, n);
			const xmlNode *parent = element_parent(n);
			if (!is_ignored_tag(n) && !is_hidden(n)) {
				add_node(p, n, parent);
				descend = true;
			}
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			count_text(p, n);
		}
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			const xmlNode *parent = element_parent(n);
			if (n != root && is_element(n) && n->_private != NULL && parent != NULL) {
				struct node_info *in = info_of(p, n);
				struct node_info *pi = info_of(p, parent);
				pi->text += in->text;
				pi->links += name_is(n, "a") ? in->text : in->links;
				if (name_is(n, "blockquote") && in->text >= 80)
					in->quotes = true;
				pi->quotes = pi->quotes || in->quotes;
			}
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

/* ---- JSON-LD -------------------------------------------------------------- */

/* What hex4() returns for something that is not four hex digits. */
#define BAD_ESCAPE 0x110000u

static unsigned hex4(const char *s)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return BAD_ESCAPE;
	}
	return v;
}

/* Decodes the JSON string that starts after the quote at s; returns it,
 * or NULL when it does not end. */
static char *json_string(const char *s)
{
	struct buf b;
	buf_init(&b);
	for (;;) {
		const char *run = s;
		while (*s != '\0' && *s != '"' && *s != '\\')
			s++;
		buf_append(&b, run, (size_t)(s - run));
		if (*s == '"')
			break;
		if (*s == '\0' || s[1] == '\0') {
			buf_free(&b);
			return NULL;
		}
		char e = s[1];
		s += 2;
		switch (e) {
		case 'n':
			buf_putc(&b, '\n');
			break;
		case 't':
		case 'r':
		case 'b':
		case 'f':
			buf_putc(&b, ' ');
			break;
		case 'u': {
			if (strnlen(s, 4) < 4) {
				buf_free(&b);
				return NULL;
			}
			unsigned cp = hex4(s);
			if (cp == BAD_ESCAPE) {
				/* not an escape: what follows is text, maybe
				 * the start of a UTF-8 sequence */
				buf_put_utf8(&b, 0xfffd);
				break;
			}
			s += 4;
			if (cp >= 0xd800 && cp <= 0xdbff && s[0] == '\\' && s[1] == 'u' &&
			    strnlen(s + 2, 4) == 4) {
				unsigned lo = hex4(s + 2);
				if (lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					s += 6;
				}
			}
			if (cp >= 0xd800 && cp <= 0xdfff)
				cp = 0xfffd;
			if (cp >= 0x20 || cp == '\n')
				buf_put_utf8(&b, cp);
			break;
		}
		default:
			buf_putc(&b, e);
			break;
		}
	}
	if (b.data == NULL)
		buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* Keeps the longest "articleBody" string of a JSON-LD script.  Only the
 * key is looked for, at any depth (@graph, arrays): the rest of the
 * object does not matter here. */
static void read_json_ld(struct page *p, const xmlNode *script)
{
	char *json = child_text(script);
	for (const char *k = json; (k = strstr(k, "\"articleBody\"")) != NULL;) {
		k += 13;
		while (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\r')
			k++;
		if (*k != ':')
			continue;
		k++;
		while (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\r')
			k++;
		if (*k != '"')
			continue;
		char *body = json_string(k + 1);
		if (body == NULL)
			break;
		struct measure m = measure_text((const unsigned char *)body, strlen(body));
		if (m.chars > p->ld_chars) {
			free(p->ld_body);
			p->ld_body = body;
			p->ld_chars = m.chars;
		} else {
			free(body);
		}
	}
	free(json);
}

/* ---- scoring ------------------------------------------------------------- */

/* Blocks of own text shorter than this are captions, labels, buttons. */
#define MIN_PARAGRAPH 25

static void credit(struct page *p, const xmlNode *n, float amount)
{
	if (n == NULL)
		return;
	struct node_info *in = info_of(p, n);
	in->credit += amount;
	in->scored = true;
}

/* A picture's caption is not the story: it must not make its figure (a
 * "figure.article-figure" carries a positive hint) a candidate. */
static bool is_caption(const xmlNode *n)
{
	const xmlNode *up = element_parent(n);
	return name_is(n, "figcaption") || name_is(n, "caption") || name_is(n, "figure") ||
	       (up != NULL && name_is(up, "figcaption"));
}

/* The parent that a score goes up to: a table's rows and row groups are
 * no level of their own, so that a page laid out in a table (one cell a
 * paragraph: old sites, newsletters' web versions) credits the table as
 * a page of divs credits their container. */
static const xmlNode *scoring_parent(const xmlNode *n)
{
	const xmlNode *up = element_parent(n);
	while (up != NULL && (name_is(up, "tr") || name_is(up, "tbody") || name_is(up, "thead") ||
			      name_is(up, "tfoot")))
		up = element_parent(up);
	return up;
}

static void score_paragraphs(struct page *p)
{
	for (size_t i = 0; i < p->nnodes; i++) {
		const struct node_info *in = &p->info[i];
		if (in->unlikely || in->own < MIN_PARAGRAPH || is_caption(p->nodes[i]))
			continue;
		/* Clauses make prose; a comma every few characters makes a
		 * list ("BG, ES, CS, DA, ..."), which earns no more than a
		 * sentence of its length. */
		uint32_t commas = in->own_commas < in->own / 20 ? in->own_commas : in->own / 20;
		float unit = 1.0f + (float)commas + (float)(in->own / 100 < 3 ? in->own / 100 : 3);
		const xmlNode *n = p->nodes[i];
		/* A paragraph scores its container; a container with text
		 * of its own (paragraphs made with <br>) scores itself. */
		const xmlNode *c = is_paragraph(n) ? element_parent(n) : n;
		credit(p, c, unit);
		const xmlNode *up = c != NULL ? scoring_parent(c) : NULL;
		credit(p, up, unit / 2);
		credit(p, up != NULL ? scoring_parent(up) : NULL, unit / 6);
	}
}

static float link_density(const struct node_info *in)
{
	return in->text == 0 ? 0.0f : (float)in->links / (float)in->text;
}

/* A positive hint ("article-figure", "bottom-of-article") adds at most
 * what the element's own paragraphs earned: a hint on something with
 * little text is no reason to choose it. */
static float final_score(const struct node_info *in)
{
	float weight = (float)in->weight;
	if (weight > in->credit)
		weight = in->credit;
	return (in->credit + weight) * (1.0f - link_density(in));
}

static const xmlNode *best_candidate(const struct page *p, float *best_score)
{
	const xmlNode *best = NULL;
	*best_score = 0;
	for (size_t i = 0; i < p->nnodes; i++) {
		const struct node_info *in = &p->info[i];
		if (!in->scored || in->unlikely)
			continue;
		float s = final_score(in);
		if (best == NULL || s > *best_score) {
			best = p->nodes[i];
			*best_score = s;
		}
	}
	return best;
}

static size_t element_children(const xmlNode *n)
{
	size_t count = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (is_element(c) && c->_private != NULL)
			count++;
	return count;
}

/* Widens the best candidate: to a parent that scores better on the way up
 * (its text is spread over several children), and through wrappers that
 * hold nothing else. */
static const xmlNode *widen(const struct page *p, const xmlNode *top, float top_score)
{
	float last = top_score;
	for (const xmlNode *up = element_parent(top); up != NULL && !name_is(up, "body");
	     up = element_parent(up)) {
		const struct node_info *in = info_of(p, up);
		if (!in->scored)
			continue;
		float s = final_score(in);
		if (s < top_score / 3)
			break;
		if (s > last) {
			top = up;
			break;
		}
		last = s;
	}
	for (const xmlNode *up = element_parent(top);
	     up != NULL && !name_is(up, "body") && element_children(up) == 1;
	     up = element_parent(up))
		top = up;
	return top;
}

/* How far class-mates are looked for: blocks of a builder's page are a few
 * wrappers apart, and a hostile page may nest a million of one class. */
#define MATES_DEPTH 32
#define MATES_MAX 64

/* The nearest element holding both a and b, within MATES_DEPTH levels of
 * each; else NULL. */
static const xmlNode *common_parent(const xmlNode *a, const xmlNode *b)
{
	int i = 0;
	for (const xmlNode *x = a; x != NULL && i < MATES_DEPTH; x = element_parent(x), i++) {
		int j = 0;
		for (const xmlNode *y = b; y != NULL && j < MATES_DEPTH; y = element_parent(y), j++)
			if (x == y)
				return x;
	}
	return NULL;
}

/* Builders' pages (Wix, Squarespace) put a story in several blocks of one
 * class, each under wrappers of its own: the chosen block's class-mates
 * with text and few links, and what holds them all, when that is not the
 * whole page and is no more than a quarter links. */
static const xmlNode *class_mates(const struct page *p, const xmlNode *top, const char *cls)
{
	if (cls == NULL || *cls == '\0')
		return top;
	const xmlNode *all = top;
	uint32_t text = info_of(p, top)->text, mates = 0;
	for (size_t i = 0; i < p->nnodes; i++) {
		const xmlNode *n = p->nodes[i];
		const struct node_info *in = &p->info[i];
		const char *c;
		if (n == top || in->unlikely || in->text < 80 || link_density(in) > 0.25f ||
		    (c = attr(n, "class")) == NULL || strcmp(c, cls) != 0)
			continue;
		const xmlNode *up = common_parent(all, n);
		if (up == NULL || name_is(up, "body") || name_is(up, "html") || mates == MATES_MAX)
			return top;
		all = up;
		text += in->text;
		mates++;
	}
	if (mates < 2 || all == top)
		return top;
	const struct node_info *ai = info_of(p, all);
	/* the blocks are most of what holds them, with few links */
	if (ai == NULL || ai->unlikely || text * 3 < ai->text * 2 || link_density(ai) > 0.25f)
		return top;
	return all;
}

/* The element with only child: that child (a wrapper's content), else NULL. */
static const xmlNode *only_child(const xmlNode *n)
{
	const xmlNode *only = NULL;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (!is_element(c) || c->_private == NULL)
			continue;
		if (only != NULL)
			return NULL;
		only = c;
	}
	return only;
}

/* The chosen element, or its wrapped content down a few wrappers, may be
 * one of several blocks of one class. */
static const xmlNode *join_class_mates(const struct page *p, const xmlNode *top)
{
	const xmlNode *n = top;
	for (int depth = 0; n != NULL && depth < 5; depth++, n = only_child(n)) {
		const xmlNode *all = class_mates(p, n, attr(n, "class"));
		if (all != n)
			return all;
	}
	return top;
}

/* Whether a sibling of the chosen element is more of the article. */
static bool sibling_joins(const struct page *p, const xmlNode *s, const xmlNode *top,
			  float top_score)
{
	const struct node_info *in = info_of(p, s);
	if (in == NULL || in->unlikely || in->text == 0)
		return false;
	float bonus = 0;
	const char *sc = attr(s, "class"), *tc = attr(top, "class");
	if (sc != NULL && tc != NULL && *tc && strcmp(sc, tc) == 0)
		bonus = top_score * 0.2f;
	float threshold = top_score * 0.2f > 10 ? top_score * 0.2f : 10;
	if (in->scored && final_score(in) + bonus >= threshold)
		return true;
	/* A press release's "Quotes" after its body: statements, with few
	 * links, not marked as boilerplate (pull quotes and embedded posts
	 * are). */
	if (in->quotes && !in->negative && link_density(in) < 0.1f)
		return true;
	if (!name_is(s, "p") && !(name_is(s, "div") && in->own == in->text))
		return false;
	float density = link_density(in);
	if (in->text > 80 && density < 0.25f)
		return true;
	return density == 0 && in->text >= 40;
}

/* ---- writing the text out ------------------------------------------------- */

struct writer {
	const struct page *page;
	struct buf out;	    /* paragraphs so far */
	struct buf para;    /* the paragraph being built */
	struct buf heading; /* a heading held until text follows it */
	bool space;	    /* a space is owed before the next character */
	int breaks;	    /* <br>s since the last text */
	int in_link;	    /* depth of <a> elements around the text */
	bool ended;	    /* an end mark ("###") was written: nothing more */
	const xmlNode *link_list; /* the announced list of links being written */
	const xmlNode *run_parent; /* the last in_story_run() asked, and its answer */
	const char *run_class;
	bool run_answer;
	size_t about;	      /* 1 + the length of out at an "About X", else 0 */
	size_t about_written; /* paragraphs written before it */
	bool para_image;    /* the paragraph being built follows a picture */
	uint32_t para_chars, para_links; /* of the paragraph being built */
	uint32_t root_text; /* weighted characters of what was chosen */
	size_t written;	    /* paragraphs written */
	uint32_t long_paragraphs;
};

static bool is_space_at(const unsigned char *s, size_t n, size_t *step)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f' ||
	    s[0] == '\v') {
		*step = 1;
		return true;
	}
	if (s[0] < 0x80)
		return false;
	unsigned cp = utf8_at(s, n, step);
	return cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0x1680;
}

static void flush(struct writer *w, bool heading);

/* Appends text to the paragraph: white space folded, controls dropped. */
static void put_text(struct writer *w, const unsigned char *s, size_t n)
{
	struct measure m = measure_text(s, n);
	if (m.chars > 0 && w->breaks >= 2 && w->para.len > 0)
		flush(w, false); /* <br><br>: a paragraph ends here */
	w->para_chars += m.chars;
	if (w->in_link > 0)
		w->para_links += m.chars;
	for (size_t i = 0; i < n;) {
		size_t step = 1;
		if (is_space_at(s + i, n - i, &step)) {
			w->space = w->para.len > 0;
			i += step;
			continue;
		}
		if (s[i] < 0x20 || s[i] == 0x7f) {
			i++;
			continue;
		}
		if (s[i] >= 0x80) {
			unsigned cp = utf8_at(s + i, n - i, &step);
			if ((cp >= 0x80 && cp < 0xa0) || cp == 0x200b || cp == 0xfeff || cp == 0xad) {
				i += step;
				continue;
			}
		}
		if ((w->space || w->breaks == 1) && w->para.len > 0) {
			buf_putc(&w->para, ' ');
		}
		w->breaks = 0;
		w->space = false;
		size_t run = 1;
		while (i + run < n && s[i + run] > ' ' && s[i + run] < 0x7f)
			run++;
		buf_append(&w->para, (const char *)s + i, s[i] < 0x80 ? run : step);
		i += s[i] < 0x80 ? run : step;
	}
}

static bool same_text(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

/* Whether a paragraph repeats the headline (a title may also carry the
 * site's name after a separator: "Headline | Site"). */
static bool is_headline(const struct writer *w, const char *s, size_t len)
{
	const char *title = w->page->title;
	if (title == NULL || w->long_paragraphs > 0 || len < 10)
		return false;
	if (same_text(s, title))
		return true;
	if (strncasecmp(title, s, len) != 0)
		return false;
	const char *rest = title + len;
	while (*rest == ' ')
		rest++;
	return *rest == '|' || *rest == '-' || *rest == '_' || strncmp(rest, "\xe2\x80\x93", 3) == 0 ||
	       strncmp(rest, "\xe2\x80\x94", 3) == 0 || *rest == ':' || *rest == '\0';
}

static void append_paragraph(struct writer *w, const char *s, size_t len)
{
	if (w->out.len > 0)
		buf_puts(&w->out, "\n\n");
	buf_append(&w->out, s, len);
	w->written++;
	if (count_words(s) >= 12 && ends_sentence(s, len))
		w->long_paragraphs++;
}

/* A notice signed at its end: the issuing bodies and a date, each a short
 * line ("商务部 海关总署", "2025年10月9日").  They go when the last line is
 * a date. */
static void trim_signature(struct buf *out)
{
	bool dated = false;
	for (int i = 0; i < 3 && out->len > 0; i++) {
		char *last = out->data;
		for (char *p = out->data; (p = strstr(p, "\n\n")) != NULL; p += 2)
			last = p + 2;
		size_t len = out->len - (size_t)(last - out->data);
		if (count_words(last) > 8 || ends_sentence(last, len))
			break;
		if (!dated && !has_year(last))
			break;
		dated = true;
		out->len = last > out->data ? (size_t)(last - out->data) - 2 : 0;
		out->data[out->len] = '\0';
		if (last == out->data)
			break;
	}
}

/* What follows "About X" is a release's boilerplate (the company, its
 * contacts) when it is short beside the text before it; a longer run is a
 * section of an explainer, and stays. */
static void cut_about(struct writer *w)
{
	if (w->about == 0)
		return;
	size_t at = w->about - 1, paragraphs = w->written - w->about_written;
	if (paragraphs > 4 && (w->out.len - at) * 3 >= at)
		return;
	while (at > 0 && w->out.data[at - 1] == '\n')
		at--;
	w->out.len = at;
	if (w->out.data != NULL)
		w->out.data[at] = '\0';
}

/* Ends the paragraph being built: written out unless it is furniture; a
 * heading waits for the text it heads. */
static void flush(struct writer *w, bool heading)
{
	uint32_t chars = w->para_chars, links = w->para_links;

	bool image = w->para_image;
	w->space = false;
	w->breaks = 0;
	w->para_chars = w->para_links = 0;
	w->para_image = false;
	if (w->para.len == 0)
		return;
	size_t len = w->para.len;
	while (len > 0 && w->para.data[len - 1] == ' ')
		len--;
	buf_putc(&w->para, '\0');
	char *line = w->para.data;
	line[len] = '\0';
	/* Links only ("Back | Print | Email"), or page furniture. */
	bool links_only = links * 2 > chars && count_words(line) < 40 && w->link_list == NULL;
	if (w->ended || len == 0 || links_only || is_headline(w, line, len)) {
		buf_reset(&w->para);
		return;
	}
	if (w->written > 1 && w->about == 0 && line_is_about_heading(line)) {
		w->about = w->out.len + 1;
		w->about_written = w->written;
	}
	/* The first of the notes under the text: "[1] Under Article IV ..." */
	bool notes = w->written > 3 && strncmp(line, "[1] ", 4) == 0;
	if (line_is_end_mark(line, len) || notes || (w->written > 1 && line_is_boilerplate_heading(line))) {
		w->ended = true;
		buf_reset(&w->para);
		return;
	}
	if (line_is_furniture(line, len, w->long_paragraphs == 0) || (image && !heading && line_is_picture_label(line, len))) {
		buf_reset(&w->para);
		return;
	}
	if (heading) {
		buf_reset(&w->heading);
		buf_append(&w->heading, line, len);
	} else {
		if (w->heading.len > 0) {
			append_paragraph(w, w->heading.data, w->heading.len);
			buf_reset(&w->heading);
		}
		append_paragraph(w, line, len);
	}
	buf_reset(&w->para);
}

/* The first characters of an element's text. */
static const char *first_text(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			const char *t = (const char *)c->content;
			while (*t == ' ' || *t == '\t' || *t == '\n')
				t++;
			if (*t != '\0')
				return t;
		} else if (is_element(c)) {
			const char *t = first_text(c);
			if (*t != '\0')
				return t;
		}
	}
	return "";
}

/* Whether the first text in n is outside links: a box's own label. */
static bool opens_with_label(const xmlNode *n)
{
	const xmlNode *c = n;
	while (c != NULL) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    c->content[strspn((const char *)c->content, " \t\r\n")] != '\0') {
			for (const xmlNode *a = c->parent; a != NULL && a != n; a = a->parent)
				if (name_is(a, "a"))
					return false;
			return true;
		}
		if (is_element(c) && c->_private != NULL && c->children != NULL) {
			c = c->children;
			continue;
		}
		while (c != n && c->next == NULL)
			c = c->parent;
		if (c == n)
			return false;
		c = c->next;
	}
	return false;
}

/* Whether a block opens with a sponsor's label: "TOGETHER WITH
 * CLEARDOCK", "Presented by ...", "A message from ...". */
static bool is_sponsored(const xmlNode *n)
{
	static const char *const labels[] = {"together with ", "presented by ", "sponsored by ",
					     "in partnership with ", "brought to you by ",
					     "a message from ", "paid post", "partner content", NULL};
	return starts_with_word(first_text(n), labels);
}

/* Whether a figure holds a quotation, rather than a picture. */
static bool is_quote_figure(const xmlNode *f)
{
	if (f == NULL || !name_is(f, "figure"))
		return false;
	bool quote = false;
	for (const xmlNode *c = f->children; c != NULL; c = c->next)
		if (is_element(c)) {
			if (name_is(c, "img") || name_is(c, "picture"))
				return false;
			quote = quote || name_is(c, "blockquote");
		}
	return quote;
}

/* Whether a figure shows a picture (a photo, a chart), not a quotation or
 * a table: all its text is then caption, title and source.  Only its first
 * elements are looked at: a figure is small, a hostile page is not. */
static bool is_picture_figure(const xmlNode *f)
{
	if (!name_is(f, "figure"))
		return false;
	bool picture = false;
	int seen = 0;
	const xmlNode *c = f->children;
	while (c != NULL && c != f && seen++ < 200) {
		if (is_element(c)) {
			if (name_is(c, "blockquote") || name_is(c, "table"))
				return false;
			picture = picture || name_is(c, "img") || name_is(c, "picture") ||
				  name_is(c, "svg") || name_is(c, "canvas");
			if (c->children != NULL) {
				c = c->children;
				continue;
			}
		}
		while (c != f && c->next == NULL)
			c = c->parent;
		if (c != f)
			c = c->next;
	}
	return picture;
}

/* Whether a list is announced by the sentence before it ("The following
 * documents were circulated before the meeting:"): its links are then the
 * text, not a box of related links ("Read more:" is too short to say so). */
static bool is_introduced_list(const xmlNode *list)
{
	if (!name_is(list, "ul") && !name_is(list, "ol"))
		return false;
	const xmlNode *prev = list->prev;
	while (prev != NULL && !is_element(prev))
		prev = prev->prev;
	if (prev == NULL || !name_is(prev, "p"))
		return false;
	xmlChar *text = xmlNodeGetContent(prev);
	if (text == NULL)
		return false;
	size_t len = strlen((const char *)text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n' || text[len - 1] == '\t'))
		len--;
	bool introduced = len > 0 && text[len - 1] == ':' && count_words((const char *)text) >= 4;
	xmlFree(text);
	return introduced;
}

/* Whether an inline element holds less than half of its paragraph. */
static bool part_of_sentence(const struct page *p, const xmlNode *n, const struct node_info *in)
{
	const xmlNode *b = element_parent(n);
	while (b != NULL && !is_block(b))
		b = element_parent(b);
	if (b != NULL && name_is(b, "figcaption") && is_quote_figure(element_parent(b)))
		return true; /* <cite class=author>: the speaker */
	const struct node_info *bi = b != NULL ? info_of(p, b) : NULL;
	return bi != NULL && in->text * 2 < bi->own;
}

/* Whether n is one of a run of blocks of one class, siblings, that holds
 * half the chosen text or more: the story's own blocks, whatever their
 * class says (a page built of "article-widget article-widget-text"
 * blocks).  Siblings come one after another: the answer is kept for the
 * next one, so that a parent with many children is looked over once. */
static bool in_story_run(struct writer *w, const xmlNode *n)
{
	const char *cls = attr(n, "class");
	const xmlNode *up = element_parent(n);
	if (cls == NULL || *cls == '\0' || up == NULL)
		return false;
	if (w->run_parent == up && w->run_class != NULL && strcmp(w->run_class, cls) == 0)
		return w->run_answer;
	uint32_t text = 0, same = 0;
	for (const xmlNode *s = up->children; s != NULL; s = s->next) {
		const char *c;
		if (is_element(s) && s->_private != NULL && (c = attr(s, "class")) != NULL &&
		    strcmp(c, cls) == 0) {
			same++;
			text += info_of(w->page, s)->text;
		}
	}
	w->run_parent = up;
	w->run_class = cls;
	w->run_answer = same >= 3 && text * 2 >= w->root_text;
	return w->run_answer;
}

/* The next element after n that holds text and is no picture. */
static const xmlNode *next_text_sibling(const struct page *p, const xmlNode *n)
{
	for (const xmlNode *s = n->next; s != NULL; s = s->next) {
		if (!is_element(s) || s->_private == NULL || info_of(p, s)->text == 0 ||
		    name_is(s, "figure") || is_picture_figure(s))
			continue;
		const char *c = attr(s, "class");
		if (c != NULL && (strcasestr(c, "image") != NULL || strcasestr(c, "photo") != NULL ||
				  strcasestr(c, "media") != NULL || strcasestr(c, "picture") != NULL))
			continue;
		return s;
	}
	return NULL;
}

/* Whether n, above the text, says what the page's description says: the
 * standfirst printed over the story ("div.perex", "p.h3", a deck in an
 * h2).  The story's own first paragraph may say it too, but then the
 * paragraphs after it are of its kind (a <p> followed by <p>s). */
static bool is_standfirst(const struct writer *w, const xmlNode *n, const struct node_info *in)
{
	const struct page *p = w->page;
	if (w->long_paragraphs > 0 || !is_block(n))
		return false;
	bool same = false;
	for (size_t i = 0; i < p->ndesc && !same; i++) {
		if (in->text != p->desc_chars[i])
			continue;
		xmlChar *t = xmlNodeGetContent(n);
		char *plain = t != NULL ? plain_title((const char *)t) : NULL;
		same = plain != NULL && strcmp(plain, p->desc[i]) == 0;
		free(plain);
		xmlFree(t);
	}
	if (!same)
		return false;
	const xmlNode *next = next_text_sibling(p, n);
	if (next == NULL || !xmlStrEqual(next->name, n->name))
		return true;
	const char *a = attr(n, "class"), *b = attr(next, "class");
	return !(a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0);
}

/* Whether n only wraps a heading and says "header" of itself, not of the
 * page's header (Notion's "notion-header-block" around each h2). */
static bool heading_block(const xmlNode *n)
{
	if (heading_hint_negative(attr(n, "class")) || heading_hint_negative(attr(n, "id")))
		return false;
	const xmlNode *c = n;
	for (int depth = 0; c != NULL && depth < 4 && !is_heading(c); depth++)
		c = only_child(c);
	return c != NULL && is_heading(c);
}

/* Whether a block inside the chosen text is left out whole. */
static bool drop_block(struct writer *w, const xmlNode *n)
{
	const struct node_info *in = info_of(w->page, n);
	if (in == NULL)
		return true;
	if (in->text == 0)
		return is_block(n); /* an inline one may hold a space */
	if (name_is(n, "figcaption") && is_quote_figure(element_parent(n)))
		return false; /* the speaker of the quotation */
	const xmlNode *up = element_parent(n);
	if ((name_is(n, "footer") || name_is(n, "cite")) && up != NULL && name_is(up, "blockquote"))
		return false; /* the same, inside the quotation */
	if (name_is(n, "h1") || name_in(n, (const char *const[]){"nav", "aside", "footer",
								 "figcaption", "header", "form",
								 "address", "menu", NULL}))
		/* A form may wrap a whole old page (ASP.NET): only a small one
		 * is a form. */
		return !name_is(n, "form") || in->text * 2 < w->root_text;
	const char *prop = attr(n, "itemprop");
	if (prop != NULL && (strstr(prop, "author") != NULL || strstr(prop, "datePublished") != NULL))
		return true;
	float density = link_density(in);
	bool small = in->text * 3 < w->root_text;
	/* Inside a sentence ("...items.<sup class=footnote-ref>1</sup>",
	 * a dateline span) an inline element is part of the text, whatever
	 * its class says. */
	if (!is_block(n) && part_of_sentence(w->page, n, in))
		return false;
	/* A negative hint counts even beside a positive one: a
	 * "story__caption" or an "entry__meta" is no more of the story. */
	if (in->negative && small && !(is_block(n) && in_story_run(w, n)) && !heading_block(n))
		return true;
	if (small && is_block(n) && is_sponsored(n))
		return true;
	if (small && is_picture_figure(n))
		return true; /* a chart's title and subtitle, a photo's credit */
	if (small && is_standfirst(w, n, in))
		return true;
	if (is_introduced_list(n) || (w->link_list != NULL && element_parent(n) == w->link_list))
		return false;
	if (in->unlikely && small)
		return true;
	if (is_block(n) && density > 0.5f && (small || !is_paragraph(n)))
		return true;
	if ((name_is(n, "ul") || name_is(n, "ol") || name_is(n, "div") || name_is(n, "section")) &&
	    density > 0.3f && in->text < 400)
		return true;
	return false;
}

/* Writes the text of the subtree at root. */
/* A printed line of a converted PDF. */
static bool is_pdf_line(const struct page *p, const xmlNode *n)
{
	const char *cls;
	return p->pdf_lines && name_is(n, "div") && (cls = attr(n, "class")) != NULL &&
	       cls[0] == 't' && cls[1] == ' ';
}

/* Where a new printed line goes: on with the paragraph, or after a
 * sentence's end, a short title line ("Scope") or before a numbered
 * paragraph ("2. The ..."), into a new one. */
static void pdf_line_starts(struct writer *w, const xmlNode *line)
{
	if (w->para.len == 0)
		return;
	const char *next = first_text(line);
	bool numbered = next[0] >= '0' && next[0] <= '9' &&
			(next[1] == '.' || (next[1] >= '0' && next[1] <= '9' && next[2] == '.'));
	buf_putc(&w->para, '\0');
	w->para.len--;
	const char *s = w->para.data;
	bool title = count_words(s) <= 5 && s[0] >= 'A' && s[0] <= 'Z' &&
		     !ends_sentence(s, w->para.len);
	if (ends_sentence(s, w->para.len) || numbered)
		flush(w, false);
	else if (title)
		flush(w, true);
	else
		w->space = true;
}

/* A table row of two or more cells is one line of text: "(1) | By
 * Implementing Regulation ...", "Tariff | 25 % | 1 May".  So are a cell of
 * such a row and the paragraph that is all a cell holds, in wrappers or
 * not (a Notion cell's div in a div). */
static bool in_row_line(const xmlNode *n)
{
	/* the cell, up through wrappers that hold nothing else */
	const xmlNode *cell = n;
	for (int depth = 0; !name_is(cell, "td") && !name_is(cell, "th"); depth++) {
		const xmlNode *up = element_parent(cell);
		if (depth == 4 || up == NULL || only_child(up) != cell)
			return false;
		cell = up;
	}
	const xmlNode *row = element_parent(cell);
	return row != NULL && name_is(row, "tr") && element_children(row) >= 2;
}

static void write_subtree(struct writer *w, const xmlNode *root)
{
	const xmlNode *n = root;
	while (n != NULL) {
		bool descend = false;
		if (is_element(n)) {
			if (n->_private == NULL) {
				/* ignored or hidden */
			} else if (name_is(n, "br")) {
				w->breaks++;
			} else if (name_is(n, "img") || name_is(n, "picture")) {
				w->para_image = true;
			} else if (n != root && drop_block(w, n)) {
				/* The heading of a dropped list of links ("Related")
				 * goes too; not that of a pull quote or a picture,
				 * nor the story's own before a box with a label of
				 * its own ("Express Premium"). */
				if (is_block(n) && link_density(info_of(w->page, n)) > 0.3f &&
				    !opens_with_label(n))
					buf_reset(&w->heading);
			} else {
				if (w->link_list == NULL && is_introduced_list(n))
					w->link_list = n;
				if (is_pdf_line(w->page, n))
					pdf_line_starts(w, n);
				else if (in_row_line(n))
					w->space = w->para.len > 0;
				else if (is_block(n))
					flush(w, false);
				descend = true;
			}
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				put_text(w, n->content, strlen((const char *)n->content));
		}
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (is_element(n) && n->_private != NULL && is_block(n) && n != root &&
			    !is_pdf_line(w->page, n) && !in_row_line(n))
				flush(w, is_heading(n));
			if (n == w->link_list)
				w->link_list = NULL;
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

/* Writes the chosen element, with the siblings that belong to it. */
/* Whether the sibling s of the chosen element is written with it. */
static bool joins(const struct writer *w, const xmlNode *s, const xmlNode *top, float top_score)
{
	return is_element(s) && s->_private != NULL && sibling_joins(w->page, s, top, top_score) &&
	       !is_standfirst(w, s, info_of(w->page, s));
}

static void write_article(struct writer *w, const xmlNode *top, float top_score)
{
	const xmlNode *parent = element_parent(top);
	w->root_text = info_of(w->page, top)->text;
	if (parent == NULL) {
		write_subtree(w, top);
		flush(w, false);
		return;
	}
	for (const xmlNode *s = parent->children; s != NULL; s = s->next)
		if (s == top || joins(w, s, top, top_score))
			w->root_text += s == top ? 0 : info_of(w->page, s)->text;
	for (const xmlNode *s = parent->children; s != NULL; s = s->next) {
		if (s == top || joins(w, s, top, top_score)) {
			flush(w, false);
			write_subtree(w, s);
			flush(w, is_heading(s));
		}
	}
	flush(w, false);
}

/* ---- the JSON-LD body as text --------------------------------------------- */

static char *ld_text(const struct page *p, size_t *len)
{
	struct writer w;
	memset(&w, 0, sizeof(w));
	w.page = p;
	buf_init(&w.out);
	buf_init(&w.para);
	buf_init(&w.heading);
	const char *body = p->ld_body;
	/* Some sites put markup in articleBody. */
	struct buf plain;
	buf_init(&plain);
	if (strchr(body, '<') != NULL && strchr(body, '>') != NULL) {
		text_html_to_plain(&plain, body, strlen(body));
		buf_putc(&plain, '\0');
		body = plain.data;
	}
	for (const char *line = body, *nl; line != NULL; line = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		size_t n = nl != NULL ? (size_t)(nl - line) : strlen(line);
		put_text(&w, (const unsigned char *)line, n);
		flush(&w, false);
	}
	buf_free(&plain);
	buf_free(&w.para);
	buf_free(&w.heading);
	*len = w.out.len;
	return w.out.data;
}

/* ---- the whole -------------------------------------------------------------- */

static void page_free(struct page *p)
{
	free(p->nodes);
	free(p->info);
	free(p->title);
	free(p->ld_body);
	for (size_t i = 0; i < p->ndesc; i++)
		free(p->desc[i]);
	if (p->doc != NULL)
		xmlFreeDoc(p->doc);
}

/* A converted PDF's pages, all of them: its #page-container. */
static const xmlNode *pdf_pages(const struct page *p)
{
	for (size_t i = 0; p->pdf_lines && i < p->nnodes; i++) {
		const char *id = attr(p->nodes[i], "id");
		if (id != NULL && strcmp(id, "page-container") == 0)
			return p->nodes[i];
	}
	return NULL;
}

static char *write_text(const struct page *p, const xmlNode *top, float top_score, size_t *len);

static char *dom_text(struct page *p, size_t *len)
{
	float top_score;
	score_paragraphs(p);
	const xmlNode *top = pdf_pages(p);
	if (top != NULL) {
		top_score = final_score(info_of(p, top));
	} else {
		top = best_candidate(p, &top_score);
		if (top == NULL)
			return NULL;
		top = widen(p, top, top_score);
		top = join_class_mates(p, top);
	}
	return write_text(p, top, top_score, len);
}

/* The text of top, and of the siblings that join it. */
static char *write_text(const struct page *p, const xmlNode *top, float top_score, size_t *len)
{
	struct writer w;
	memset(&w, 0, sizeof(w));
	w.page = p;
	buf_init(&w.out);
	buf_init(&w.para);
	buf_init(&w.heading);
	write_article(&w, top, top_score);
	cut_about(&w);
	trim_signature(&w.out);
	buf_free(&w.para);
	buf_free(&w.heading);
	*len = w.out.len;
	return w.out.data;
}

/* Share of the page's prose that the last look's element must hold. */
#define BULK_SHARE 0.6

/* The last look, when scores found next to nothing (a title block with a
 * list of codes outscoring an act whose paragraphs are each in a table of
 * their own): the deepest element that holds most of the page's prose,
 * blocks of some length with few links, wherever they sit.  Elements that
 * each hold more than half of it are a chain of ancestors: the deepest is
 * the one with the least. */
static const xmlNode *bulk_candidate(const struct page *p)
{
	if (p->nnodes == 0)
		return NULL;
	uint32_t *prose = xcalloc(p->nnodes, sizeof(*prose));
	/* children come after their parents: backwards, sums go up */
	for (size_t i = p->nnodes; i-- > 0;) {
		const struct node_info *in = &p->info[i];
		const xmlNode *n = p->nodes[i];
		if (!in->unlikely && in->own >= MIN_PARAGRAPH && !is_caption(n) &&
		    link_density(in) < 0.5f)
			prose[i] += in->own;
		const xmlNode *up = element_parent(n);
		const struct node_info *pi = up != NULL ? info_of(p, up) : NULL;
		if (pi != NULL)
			prose[pi - p->info] += prose[i];
	}
	uint32_t need = (uint32_t)((double)prose[0] * BULK_SHARE);
	size_t best = 0;
	for (size_t i = 1; i < p->nnodes; i++)
		if (prose[i] >= need && prose[i] <= prose[best])
			best = i;
	free(prose);
	return need > 0 ? p->nodes[best] : NULL;
}

/* Article text shorter than this, on a page with much more, asks for a
 * second look (as Readability retries without its "unlikely" rules). */
#define SHORT_ARTICLE 500

/* Measures the page again leniently when the text found is short beside
 * the page's, and keeps the longer text. */
static char *second_look(struct page *p, xmlNode *root, char *text, size_t *len)
{
	uint32_t found = measure_text((const unsigned char *)(text != NULL ? text : ""), *len).chars;
	const struct node_info *all = info_of(p, root);
	if (found >= SHORT_ARTICLE || all == NULL || all->text < 2 * found + 100)
		return text;
	p->lenient = true;
	p->nnodes = 0;
	measure_tree(p, root);
	size_t again_len = 0;
	char *again = dom_text(p, &again_len);
	uint32_t more = measure_text((const unsigned char *)(again != NULL ? again : ""), again_len).chars;
	if (more > 2 * found) {
		free(text);
		*len = again_len;
		return again;
	}
	free(again);
	/* Scores were misled: what holds most of the prose. */
	const xmlNode *bulk = pdf_pages(p) == NULL ? bulk_candidate(p) : NULL;
	if (bulk == NULL)
		return text;
	again = write_text(p, bulk, final_score(info_of(p, bulk)), &again_len);
	more = measure_text((const unsigned char *)(again != NULL ? again : ""), again_len).chars;
	if (more > 2 * found) {
		free(text);
		*len = again_len;
		return again;
	}
	free(again);
	return text;
}

bool extract_page(const char *html, size_t len, const struct extract_options *o,
		  struct extracted *out)
{
	size_t max = o != NULL && o->max_size > 0 ? o->max_size : EXTRACT_MAX_SIZE;
	struct page p;

	memset(out, 0, sizeof(*out));
	if (len > max || len > (size_t)INT32_MAX)
		return false;
	size_t ulen;
	char *utf8 = page_to_utf8(html, len, o != NULL ? o->charset : NULL, &ulen, &out->charset);
	memset(&p, 0, sizeof(p));
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (ctxt != NULL && ulen > 0)
		p.doc = htmlCtxtReadMemory(ctxt, utf8, (int)ulen, NULL, "UTF-8",
					   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					       HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					       HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	if (ctxt != NULL)
		htmlFreeParserCtxt(ctxt);
	free(utf8);
	xmlNode *root = p.doc != NULL ? xmlDocGetRootElement(p.doc) : NULL;
	if (root != NULL)
		measure_tree(&p, root);

	size_t dom_len = 0;
	char *text = root != NULL ? dom_text(&p, &dom_len) : NULL;
	if (root != NULL)
		text = second_look(&p, root, text, &dom_len);
	out->source = text != NULL && dom_len > 0 ? EXTRACT_DOM : EXTRACT_NONE;
	if (p.ld_body != NULL) {
		struct measure dm = measure_text((const unsigned char *)(text ? text : ""), dom_len);
		/* The markup's text wins unless it is much shorter: an
		 * articleBody may be a teaser, or lack the paragraphs. */
		if (dm.chars * 10 < p.ld_chars * 6) {
			size_t ld_len;
			char *ld = ld_text(&p, &ld_len);
			if (ld != NULL && ld_len > 0) {
				free(text);
				text = ld;
				dom_len = ld_len;
				out->source = EXTRACT_JSON_LD;
			} else {
				free(ld);
			}
		}
	}
	if (out->source == EXTRACT_NONE) {
		free(text);
		text = NULL;
		dom_len = 0;
	}
	out->text = text;
	out->len = dom_len;
	out->title = p.title;
	p.title = NULL;
	page_free(&p);
	return true;
}

void extracted_free(struct extracted *e)
{
	free(e->text);
	free(e->title);
	free(e->charset);
	memset(e, 0, sizeof(*e));
}
