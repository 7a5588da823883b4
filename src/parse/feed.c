#include "config.h"

#include "parse/feed.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#include "common/i18n.h"
#include "common/util.h"
#include "parse/date.h"
#include "parse/decode.h"
#include "parse/text.h"

/* Namespaces, as far as they matter to the model. */
enum ns {
	NS_OTHER,
	NS_NONE,
	NS_RSS10,
	NS_RSS090,
	NS_ATOM10,
	NS_ATOM03,
	NS_RDF,
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_XHTML,
	NS_XML,
};

static const struct {
	const char *uri;
	enum ns ns;
} namespaces[] = {
	{"http://purl.org/rss/1.0/", NS_RSS10},
	{"http://my.netscape.com/rdf/simple/0.9/", NS_RSS090},
	{"http://www.w3.org/2005/Atom", NS_ATOM10},
	{"http://purl.org/atom/ns#", NS_ATOM03},
	{RDF_NS, NS_RDF},
	{"http://purl.org/dc/elements/1.1/", NS_DC},
	{"http://purl.org/dc/terms/", NS_DCTERMS},
	{"http://purl.org/rss/1.0/modules/content/", NS_CONTENT},
	{"http://www.w3.org/1999/xhtml", NS_XHTML},
	{"http://www.w3.org/XML/1998/namespace", NS_XML},
};

/* Families of namespaces that play the same part in the model. */
enum family { FAM_OTHER, FAM_RSS, FAM_ATOM, FAM_DC, FAM_DCTERMS, FAM_CONTENT, FAM_XHTML };

enum field {
	F_NONE,
	F_TITLE,
	F_LINK,
	F_SUBTITLE,
	F_UPDATED,
	F_PUBLISHED,
	F_ID,
	F_GUID,
	F_AUTHOR,
	F_AUTHOR_BOX, /* Atom's author element: a container for name */
	F_SUMMARY,
	F_CONTENT,
	F_CATEGORY,
};

/* Where an element stands: directly in the feed, in an entry, or in an
 * author container of either. */
enum place { AT_FEED, AT_ENTRY, AT_AUTHOR };

/* How the text of a field is written. */
enum kind {
	K_TEXT,	  /* plain text */
	K_HTML,	  /* escaped HTML (child elements serialised back) */
	K_XHTML,  /* inline XHTML, serialised back to markup */
	K_BASE64, /* Atom 0.3 mode="base64" */
	K_SKIP,	  /* out-of-line or binary content */
};

struct rule {
	const char *name;
	enum family family;
	enum place place;
	enum field field;
	int priority; /* among sources of the same field, higher wins */
};

static const struct rule rules[] = {
	{"title", FAM_RSS, AT_FEED, F_TITLE, 1},
	{"link", FAM_RSS, AT_FEED, F_LINK, 4},
	{"description", FAM_RSS, AT_FEED, F_SUBTITLE, 1},
	{"lastBuildDate", FAM_RSS, AT_FEED, F_UPDATED, 2},
	{"pubDate", FAM_RSS, AT_FEED, F_UPDATED, 1},
	{"title", FAM_RSS, AT_ENTRY, F_TITLE, 1},
	{"link", FAM_RSS, AT_ENTRY, F_LINK, 4},
	{"description", FAM_RSS, AT_ENTRY, F_SUMMARY, 1},
	{"author", FAM_RSS, AT_ENTRY, F_AUTHOR, 1},
	{"guid", FAM_RSS, AT_ENTRY, F_GUID, 2},
	{"pubDate", FAM_RSS, AT_ENTRY, F_PUBLISHED, 3},
	{"category", FAM_RSS, AT_ENTRY, F_CATEGORY, 1},
	{"title", FAM_ATOM, AT_FEED, F_TITLE, 1},
	{"link", FAM_ATOM, AT_FEED, F_LINK, 0},
	{"subtitle", FAM_ATOM, AT_FEED, F_SUBTITLE, 1},
	{"tagline", FAM_ATOM, AT_FEED, F_SUBTITLE, 1},
	{"updated", FAM_ATOM, AT_FEED, F_UPDATED, 2},
	{"modified", FAM_ATOM, AT_FEED, F_UPDATED, 2},
	{"author", FAM_ATOM, AT_FEED, F_AUTHOR_BOX, 1},
	{"title", FAM_ATOM, AT_ENTRY, F_TITLE, 1},
	{"link", FAM_ATOM, AT_ENTRY, F_LINK, 0},
	{"id", FAM_ATOM, AT_ENTRY, F_ID, 2},
	{"summary", FAM_ATOM, AT_ENTRY, F_SUMMARY, 1},
	{"content", FAM_ATOM, AT_ENTRY, F_CONTENT, 2},
	{"published", FAM_ATOM, AT_ENTRY, F_PUBLISHED, 3},
	{"issued", FAM_ATOM, AT_ENTRY, F_PUBLISHED, 2},
	{"created", FAM_ATOM, AT_ENTRY, F_PUBLISHED, 1},
	{"updated", FAM_ATOM, AT_ENTRY, F_UPDATED, 2},
	{"modified", FAM_ATOM, AT_ENTRY, F_UPDATED, 2},
	{"author", FAM_ATOM, AT_ENTRY, F_AUTHOR_BOX, 1},
	{"category", FAM_ATOM, AT_ENTRY, F_CATEGORY, 1},
	{"name", FAM_ATOM, AT_AUTHOR, F_AUTHOR, 1},
	{"date", FAM_DC, AT_FEED, F_UPDATED, 1},
	{"creator", FAM_DC, AT_FEED, F_AUTHOR, 1},
	{"date", FAM_DC, AT_ENTRY, F_PUBLISHED, 2},
	{"creator", FAM_DC, AT_ENTRY, F_AUTHOR, 1},
	{"subject", FAM_DC, AT_ENTRY, F_CATEGORY, 1},
	{"modified", FAM_DCTERMS, AT_FEED, F_UPDATED, 1},
	{"modified", FAM_DCTERMS, AT_ENTRY, F_UPDATED, 1},
	{"issued", FAM_DCTERMS, AT_ENTRY, F_PUBLISHED, 2},
	{"created", FAM_DCTERMS, AT_ENTRY, F_PUBLISHED, 1},
	{"encoded", FAM_CONTENT, AT_ENTRY, F_CONTENT, 3},
	{"body", FAM_XHTML, AT_ENTRY, F_CONTENT, 1},
};

/* A string field filled from the best of several sources. */
struct ranked {
	char *value;
	int priority;
};

struct date_field {
	bool set;
	int priority;
	int64_t value;
};

/* The entry being read. */
struct entry_state {
	struct ranked id, title, link, summary, content;
	struct date_field published, updated;
	struct buf authors; /* ", "-joined, no repeats */
	char **categories;
	size_t ncategories, capcategories;
};

/* What an open element is to the model.  A field counts only as a direct
 * child of the feed, an entry or an author, so the title of an RSS image
 * or of an atom:source never leaks into the feed or the entry. */
enum role { ROLE_OTHER, ROLE_FEED, ROLE_ENTRY, ROLE_AUTHOR };

/* Per open element: its xml:base (owned when it set one) and its role. */
struct frame {
	xmlChar *base;
	bool owns_base;
	enum role role;
};

struct feed_parser {
	struct feed_options opts;
	feed_entry_cb cb;
	void *cb_arg;
	xmlParserCtxtPtr ctxt;
	xmlSAXHandler sax;
	struct decoder *decoder;
	struct buf utf8;
	size_t total;
	enum feed_status status;
	char *reason;
	bool root_seen;
	bool ended;
	bool bare_atom;	 /* an Atom feed whose elements are in no namespace */
	bool entry_seen; /* an item or entry has begun */
	/* The first bytes of the document as UTF-8, to say what it is when
	 * libxml2 finds no root element in it. */
	char head[32];
	size_t head_len;

	struct feed_info info;
	struct ranked feed_title, feed_link, feed_subtitle;
	struct date_field feed_updated;
	struct buf feed_authors;

	struct frame *frames;
	size_t depth, capframes;
	size_t feed_depth;   /* the channel's or feed's depth, 0 before */
	size_t entry_depth;  /* the open entry's depth, 0 outside */
	struct entry_state entry;

	/* The field being captured, if capture_depth > 0. */
	size_t capture_depth;
	enum field capture_field;
	enum kind capture_kind;
	int capture_priority;
	bool capture_permalink;
	bool capture_in_entry;
	bool capture_wrapped; /* Atom 1.0 xhtml: a wrapper div to skip */
	size_t wrapper_depth; /* the XHTML wrapper div, skipped */
	bool tag_open;	      /* a serialised start tag still lacks its '>' */
	struct buf text;

	/* Entities made for HTML names the document uses undeclared, for
	 * text and for attribute values (see html_entity). */
	xmlHashTablePtr html_entities;
	xmlHashTablePtr html_attr_entities;

	/* One-entry cache of the last namespace URI classified. */
	const xmlChar *last_uri;
	enum ns last_ns;
};

/* ---- small helpers ---------------------------------------------------- */

static enum ns classify_ns(struct feed_parser *p, const xmlChar *uri)
{
	if (uri == NULL)
		return NS_NONE;
	if (uri == p->last_uri)
		return p->last_ns;
	enum ns ns = NS_OTHER;
	for (size_t i = 0; i < sizeof(namespaces) / sizeof(namespaces[0]); i++)
		if (strcmp((const char *)uri, namespaces[i].uri) == 0) {
			ns = namespaces[i].ns;
			break;
		}
	p->last_uri = uri;
	p->last_ns = ns;
	return ns;
}

static enum family family_of(enum ns ns)
{
	switch (ns) {
	case NS_NONE:
	case NS_RSS10:
	case NS_RSS090:
		return FAM_RSS;
	case NS_ATOM10:
	case NS_ATOM03:
		return FAM_ATOM;
	case NS_DC:
		return FAM_DC;
	case NS_DCTERMS:
		return FAM_DCTERMS;
	case NS_CONTENT:
		return FAM_CONTENT;
	case NS_XHTML:
		return FAM_XHTML;
	default:
		return FAM_OTHER;
	}
}

/* The family of an element's namespace in this document. */
static enum family family_in(const struct feed_parser *p, enum ns ns)
{
	if (ns == NS_NONE && p->bare_atom)
		return FAM_ATOM;
	return family_of(ns);
}

static const struct rule *find_rule(enum family fam, const xmlChar *name, enum place place)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].family == fam && rules[i].place == place &&
		    strcmp(rules[i].name, (const char *)name) == 0)
			return &rules[i];
	return NULL;
}

/* The value of attribute name (in no namespace, or in ns when given) from
 * SAX2's five-pointer attribute array, as a fresh string. */
static char *attr_value(const xmlChar **attrs, int nattrs, const char *name, const char *ns)
{
	for (int i = 0; i < nattrs; i++) {
		const xmlChar **a = attrs + (size_t)i * 5;
		if (strcmp((const char *)a[0], name) != 0)
			continue;
		if (ns == NULL ? a[2] != NULL : (a[2] == NULL || strcmp((const char *)a[2], ns) != 0))
			continue;
		return xstrndup((const char *)a[3], (size_t)(a[4] - a[3]));
	}
	return NULL;
}

static void set_ranked(struct ranked *r, char *value, int priority)
{
	if (value == NULL)
		return;
	if (r->value == NULL || priority > r->priority) {
		free(r->value);
		r->value = value;
		r->priority = priority;
	} else {
		free(value);
	}
}

static void set_date(struct date_field *d, const char *text, int priority)
{
	int64_t t;
	if (text == NULL || !date_parse(text, &t))
		return;
	if (!d->set || priority > d->priority) {
		d->set = true;
		d->value = t;
		d->priority = priority;
	}
}

/* Adds name to a ", "-joined list unless it is there already. */
static void add_to_list(struct buf *list, const char *name)
{
	if (name == NULL || *name == '\0')
		return;
	size_t n = strlen(name);
	for (const char *s = list->data; s != NULL && *s;) {
		const char *end = strstr(s, ", ");
		size_t len = end != NULL ? (size_t)(end - s) : strlen(s);
		if (len == n && memcmp(s, name, n) == 0)
			return;
		s = end != NULL ? end + 2 : s + len;
	}
	if (list->len > 0)
		buf_puts(list, ", ");
	buf_puts(list, name);
}

static char *trimmed_copy(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
			   s[len - 1] == '\r'))
		len--;
	return len > 0 ? xstrndup(s, len) : NULL;
}

static int base64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decodes base64 (white space ignored) into valid UTF-8. */
static char *base64_text(const char *s, size_t len)
{
	struct buf raw, out;
	unsigned int acc = 0;
	int bits = 0;

	buf_init(&raw);
	for (size_t i = 0; i < len; i++) {
		int v = base64_value((unsigned char)s[i]);
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned int)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(&raw, (char)((acc >> bits) & 0xFF));
		}
	}
	buf_init(&out);
	utf8_sanitize(&out, raw.data != NULL ? raw.data : "", raw.len);
	buf_free(&raw);
	char *r = trimmed_copy(out.data != NULL ? out.data : "", out.len);
	buf_free(&out);
	return r;
}

/* 64-bit FNV-1a: a stable, dependency-free fingerprint for fallback ids. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; s != NULL && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* ---- errors ----------------------------------------------------------- */

static void add_error(struct feed_parser *p, char *msg)
{
	if (p->info.nerrors >= FEED_MAX_ERRORS) {
		p->info.errors_dropped++;
		free(msg);
		return;
	}
	p->info.errors = xrealloc(p->info.errors, (p->info.nerrors + 1) * sizeof(char *));
	p->info.errors[p->info.nerrors++] = msg;
}

static void add_error_at(struct feed_parser *p, int line, int column, const char *msg)
{
	struct buf b;
	char head[64];
	size_t len = strlen(msg);

	/* Past the limit only counted: a document of a million broken
	 * references must not format a million messages. */
	if (p->info.nerrors >= FEED_MAX_ERRORS) {
		p->info.errors_dropped++;
		return;
	}
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		len--;
	buf_init(&b);
	snprintf(head, sizeof(head), _("line %d, column %d: "), line, column);
	buf_puts(&b, head);
	utf8_sanitize(&b, msg, len);
	add_error(p, buf_steal(&b));
}

static void on_text(void *arg, const xmlChar *s, int len);

static bool is_name_byte(xmlChar c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80;
}

/* A stray '&' in text ("AT&T", "?a=1&b=2", "Q & A") is the commonest damage
 * in real feeds, and libxml2 drops it with the name after it.  Put them
 * back as text, as a browser would.  Only in content: the error is raised
 * right after the '&' and the name, which are still in the input buffer. */
static void restore_stray_ampersand(struct feed_parser *p, const xmlError *err)
{
	xmlParserInputPtr in = p->ctxt->input;

	if (p->capture_depth == 0 || p->ctxt->instate != XML_PARSER_CONTENT || in == NULL ||
	    in->cur == NULL || in->base == NULL ||
	    (err->code != XML_ERR_ENTITYREF_SEMICOL_MISSING &&
	     err->code != XML_ERR_NAME_REQUIRED))
		return;
	const xmlChar *amp = in->cur;
	while (amp > in->base && is_name_byte(amp[-1]))
		amp--;
	if (amp == in->base || amp[-1] != '&')
		return;
	amp--;
	on_text(p, amp, (int)(in->cur - amp));
}

static void on_xml_error(void *arg, xmlErrorPtr err)
{
	struct feed_parser *p = arg;
	if (err == NULL || err->level < XML_ERR_ERROR)
		return;
	add_error_at(p, err->line, err->int2, err->message != NULL ? err->message : "?");
	if (err->domain == XML_FROM_PARSER)
		restore_stray_ampersand(p, err);
}

/* libxml2 stops expanding entity references, even &amp;, once a document
 * has had an error (xmlParseReference gives up when !wellFormed): every
 * "&amp;" after the first recovered damage would silently vanish.  retl
 * keeps its own record of the damage, so each callback tells libxml2 to
 * carry on as if the document were still well formed. */
static void keep_expanding(struct feed_parser *p)
{
	p->ctxt->wellFormed = 1;
}

/* ---- entities --------------------------------------------------------- */

static void free_entity(void *payload, const xmlChar *name)
{
	(void)name;
	xmlEntityPtr e = payload;
	free((xmlChar *)e->name);
	free(e->content);
	free(e);
}

/* The entity that stands for an HTML name, made once per name and kind.
 * In text, a "predefined" entity is handed over as it is, in one piece.
 * In an attribute value libxml2 copies only the first byte of those
 * (enough for XML's five, not for "é"), so there the same text comes as an
 * internal general entity, which it copies whole; its text never holds
 * '&' or '<', so there is nothing in it to expand. */
static xmlEntityPtr html_entity(xmlHashTablePtr *table, const xmlChar *name, unsigned int value,
				xmlEntityType etype)
{
	if (*table == NULL)
		*table = xmlHashCreate(16);
	xmlEntityPtr e = xmlHashLookup(*table, name);
	if (e != NULL)
		return e;
	struct buf utf8;
	buf_init(&utf8);
	buf_put_utf8(&utf8, value);
	e = xcalloc(1, sizeof(*e));
	e->type = XML_ENTITY_DECL;
	e->etype = etype;
	e->name = (const xmlChar *)xstrdup((const char *)name);
	e->length = (int)utf8.len;
	e->content = (xmlChar *)buf_steal(&utf8);
	xmlHashAddEntry(*table, name, e);
	return e;
}

/* libxml2 asks here for every entity that is not one of XML's five.  retl
 * never expands what a document declares (that is how XXE and billion
 * laughs work); an undeclared HTML name such as &nbsp; is decoded and
 * recorded as recovered damage, anything else is dropped. */
static xmlEntityPtr on_get_entity(void *arg, const xmlChar *name)
{
	struct feed_parser *p = arg;
	keep_expanding(p);
	xmlEntityPtr e = xmlGetPredefinedEntity(name);
	if (e != NULL)
		return e;
	const htmlEntityDesc *html = htmlEntityLookup(name);
	if (html == NULL)
		return NULL;
	if (p->ctxt->instate == XML_PARSER_ATTRIBUTE_VALUE)
		e = html_entity(&p->html_attr_entities, name, html->value,
				XML_INTERNAL_GENERAL_ENTITY);
	else
		e = html_entity(&p->html_entities, name, html->value,
				XML_INTERNAL_PREDEFINED_ENTITY);
	char msg[160];
	snprintf(msg, sizeof(msg), _("undeclared HTML entity '&%s;' decoded"), (const char *)name);
	add_error_at(p, xmlSAX2GetLineNumber(p->ctxt), xmlSAX2GetColumnNumber(p->ctxt), msg);
	return e;
}

static xmlParserInputPtr on_resolve_entity(void *arg, const xmlChar *public_id,
					   const xmlChar *system_id)
{
	(void)arg;
	(void)public_id;
	(void)system_id;
	return NULL; /* never load anything from outside the document */
}

/* ---- element frames and xml:base -------------------------------------- */

static const xmlChar *current_base(const struct feed_parser *p)
{
	if (p->depth == 0)
		return (const xmlChar *)p->opts.url;
	return p->frames[p->depth - 1].base;
}

static void push_frame(struct feed_parser *p, const xmlChar **attrs, int nattrs)
{
	const xmlChar *parent = current_base(p);
	char *xml_base = attr_value(attrs, nattrs, "base", "http://www.w3.org/XML/1998/namespace");

	if (p->depth == p->capframes) {
		p->capframes = p->capframes ? p->capframes * 2 : 32;
		p->frames = xrealloc(p->frames, p->capframes * sizeof(*p->frames));
	}
	struct frame *f = &p->frames[p->depth++];
	f->base = (xmlChar *)parent;
	f->owns_base = false;
	f->role = ROLE_OTHER;
	if (xml_base != NULL) {
		xmlChar *resolved = xmlBuildURI((const xmlChar *)xml_base, parent);
		if (resolved != NULL) {
			f->base = resolved;
			f->owns_base = true;
		}
		free(xml_base);
	}
}

static void set_role(struct feed_parser *p, enum role role)
{
	p->frames[p->depth - 1].role = role;
}

/* The role of the current element's parent. */
static enum role parent_role(const struct feed_parser *p)
{
	return p->depth >= 2 ? p->frames[p->depth - 2].role : ROLE_OTHER;
}

static void pop_frame(struct feed_parser *p)
{
	if (p->depth == 0)
		return;
	struct frame *f = &p->frames[--p->depth];
	if (f->owns_base)
		xmlFree(f->base);
}

/* libxml2 2.9's push parser, unlike its pull parser, never checks how deep
 * elements nest, and every open element costs memory (here and in libxml2)
 * many times the three bytes of "<a>": a document of nothing but start tags
 * would take gigabytes.  Apply libxml2's own limit and keep what came
 * before, as for any other damage. */
static void stop_too_deep(struct feed_parser *p)
{
	char msg[128];
	snprintf(msg, sizeof(msg), _("elements nested deeper than %u: the rest is ignored"),
		 xmlParserMaxDepth);
	add_error_at(p, xmlSAX2GetLineNumber(p->ctxt), xmlSAX2GetColumnNumber(p->ctxt), msg);
	xmlStopParser(p->ctxt);
}

/* Resolves a link against the base in force at the current element. */
static char *resolve_link(const struct feed_parser *p, const char *link)
{
	if (link == NULL)
		return NULL;
	char *trimmed = trimmed_copy(link, strlen(link));
	if (trimmed == NULL)
		return NULL;
	const xmlChar *base = current_base(p);
	if (base == NULL)
		return trimmed;
	xmlChar *abs = xmlBuildURI((const xmlChar *)trimmed, base);
	if (abs == NULL)
		return trimmed;
	free(trimmed);
	char *r = xstrdup((const char *)abs);
	xmlFree(abs);
	return r;
}

/* ---- the root: which format is this? ---------------------------------- */

static void refuse(struct feed_parser *p, enum feed_status status, char *reason)
{
	if (p->status == FEED_OK) {
		p->status = status;
		p->reason = reason;
	} else {
		free(reason);
	}
	xmlStopParser(p->ctxt);
}

/* Refuses the document as "not an RSS or Atom feed (why <element>)". */
static void refuse_not_a_feed(struct feed_parser *p, const char *why, const char *element)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, _("not an RSS or Atom feed"));
	buf_puts(&b, " (");
	buf_puts(&b, why);
	if (element != NULL) {
		buf_puts(&b, " <");
		utf8_sanitize(&b, element, strlen(element));
		buf_putc(&b, '>');
	}
	buf_putc(&b, ')');
	refuse(p, FEED_NOT_A_FEED, buf_steal(&b));
}

static void detect_format(struct feed_parser *p, enum ns ns, const xmlChar *name,
			  const xmlChar **attrs, int nattrs)
{
	enum feed_format f = FEED_FORMAT_UNKNOWN;

	if (ns == NS_NONE && strcmp((const char *)name, "rss") == 0) {
		char *version = attr_value(attrs, nattrs, "version", NULL);
		f = version != NULL && strncmp(version, "0.9", 3) == 0 ? FEED_FORMAT_RSS09X
								       : FEED_FORMAT_RSS20;
		free(version);
	} else if (ns == NS_RDF && strcmp((const char *)name, "RDF") == 0) {
		f = FEED_FORMAT_RSS10; /* 0.90 is told by its channel's namespace */
	} else if (strcmp((const char *)name, "feed") == 0 &&
		   (ns == NS_ATOM10 || ns == NS_ATOM03 || ns == NS_NONE)) {
		f = ns == NS_ATOM03 ? FEED_FORMAT_ATOM03 : FEED_FORMAT_ATOM10;
		p->bare_atom = ns == NS_NONE;
		p->feed_depth = 1;
		set_role(p, ROLE_FEED);
	}
	p->info.format = f;
	if (f == FEED_FORMAT_UNKNOWN)
		refuse_not_a_feed(p, _("root element"), (const char *)name);
}

/* ---- capturing the text of a field ------------------------------------ */

/* The kind of Atom text or content of a type (RFC 4287, 4.1.3.3; Atom 0.3
 * writes media types where 1.0 says "text" and "html"). */
static enum kind kind_of_type(const char *type)
{
	if (type == NULL || strcmp(type, "text") == 0 || strcmp(type, "text/plain") == 0)
		return K_TEXT;
	if (strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0)
		return K_HTML;
	/* xhtml, and any XML media type: inline markup. */
	if (strcmp(type, "xhtml") == 0 || strstr(type, "xml") != NULL)
		return K_XHTML;
	if (strncmp(type, "text/", 5) == 0)
		return K_TEXT;
	return K_SKIP; /* binary content is base64 of something we cannot show */
}

/* The kind of an Atom text construct or content element from its type
 * (and Atom 0.3's mode) attributes. */
static enum kind atom_kind(const xmlChar **attrs, int nattrs, bool is_content)
{
	char *type = attr_value(attrs, nattrs, "type", NULL);
	char *mode = attr_value(attrs, nattrs, "mode", NULL);
	char *src = attr_value(attrs, nattrs, "src", NULL);
	/* Content with src= is elsewhere: what the element holds is not it. */
	enum kind k = src != NULL && is_content ? K_SKIP : kind_of_type(type);

	/* Atom 0.3: the mode says how the content of that type is written. */
	if (mode != NULL && k != K_SKIP) {
		if (strcmp(mode, "escaped") == 0)
			k = k == K_TEXT ? K_TEXT : K_HTML;
		else if (strcmp(mode, "base64") == 0)
			k = K_BASE64;
		else if (strcmp(mode, "xml") == 0 && k == K_HTML)
			k = K_XHTML; /* inline markup, whose text is XML text */
	}
	free(type);
	free(mode);
	free(src);
	return k;
}

static void start_capture(struct feed_parser *p, enum field field, enum kind kind, int priority)
{
	p->capture_depth = p->depth;
	p->capture_wrapped = false;
	p->capture_field = field;
	p->capture_kind = kind;
	p->capture_priority = priority;
	p->capture_in_entry = p->entry_depth > 0;
	p->wrapper_depth = 0;
	p->tag_open = false;
	buf_reset(&p->text);
}

static void append_escaped(struct buf *b, const char *s, size_t len, bool in_attr)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = in_attr ? NULL : "&gt;";
			break;
		case '"':
			rep = in_attr ? "&quot;" : NULL;
			break;
		default:
			break;
		}
		if (rep != NULL) {
			buf_append(b, s + start, i - start);
			buf_puts(b, rep);
			start = i + 1;
		}
	}
	buf_append(b, s + start, len - start);
}

static bool serialises_markup(enum kind k)
{
	return k == K_HTML || k == K_XHTML;
}

static void close_open_tag(struct feed_parser *p)
{
	if (p->tag_open) {
		buf_putc(&p->text, '>');
		p->tag_open = false;
	}
}

/* A child element inside a captured field: written back as markup. */
static void capture_start_child(struct feed_parser *p, enum ns ns, const xmlChar *name,
				const xmlChar *prefix, const xmlChar **attrs, int nattrs)
{
	(void)prefix;
	if (!serialises_markup(p->capture_kind))
		return;
	if (p->capture_wrapped && p->depth == p->capture_depth + 1 &&
	    p->wrapper_depth == 0 && ns == NS_XHTML && strcmp((const char *)name, "div") == 0) {
		p->wrapper_depth = p->depth; /* Atom's xhtml wrapper is not content */
		return;
	}
	close_open_tag(p);
	buf_putc(&p->text, '<');
	buf_puts(&p->text, (const char *)name);
	for (int i = 0; i < nattrs; i++) {
		const xmlChar **a = attrs + (size_t)i * 5;
		buf_putc(&p->text, ' ');
		if (a[1] != NULL) {
			buf_puts(&p->text, (const char *)a[1]);
			buf_putc(&p->text, ':');
		}
		buf_puts(&p->text, (const char *)a[0]);
		buf_puts(&p->text, "=\"");
		append_escaped(&p->text, (const char *)a[3], (size_t)(a[4] - a[3]), true);
		buf_putc(&p->text, '"');
	}
	p->tag_open = true;
}

/* HTML's elements without content, the only ones an empty element may be
 * written as "<br/>": an HTML reader takes "<p/>" or "<script/>" as a
 * start tag whose end never comes. */
static bool is_void_element(const xmlChar *name)
{
	static const char *const names[] = {
	    "area", "base", "br", "col", "embed", "hr", "img", "input",
	    "link", "meta", "param", "source", "track", "wbr",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp((const char *)name, names[i]) == 0)
			return true;
	return false;
}

static void capture_end_child(struct feed_parser *p, const xmlChar *name)
{
	if (!serialises_markup(p->capture_kind))
		return;
	if (p->wrapper_depth == p->depth) {
		p->wrapper_depth = 0;
		return;
	}
	if (p->tag_open && is_void_element(name)) {
		buf_puts(&p->text, "/>");
		p->tag_open = false;
		return;
	}
	close_open_tag(p);
	buf_puts(&p->text, "</");
	buf_puts(&p->text, (const char *)name);
	buf_putc(&p->text, '>');
}

static void on_text(void *arg, const xmlChar *s, int len)
{
	struct feed_parser *p = arg;
	keep_expanding(p);
	if (p->capture_depth == 0 || len <= 0)
		return;
	close_open_tag(p);
	/* In HTML the field's own text is markup already; text inside child
	 * elements, and all text of inline XHTML, is XML text to escape. */
	bool escape = p->capture_kind == K_XHTML ||
		      (p->capture_kind == K_HTML && p->depth > p->capture_depth);
	if (escape)
		append_escaped(&p->text, (const char *)s, (size_t)len, false);
	else
		buf_append(&p->text, (const char *)s, (size_t)len);
}

/* ---- entries ---------------------------------------------------------- */

static void free_entry_state(struct entry_state *e)
{
	free(e->id.value);
	free(e->title.value);
	free(e->link.value);
	free(e->summary.value);
	free(e->content.value);
	buf_free(&e->authors);
	for (size_t i = 0; i < e->ncategories; i++)
		free(e->categories[i]);
	free(e->categories);
	memset(e, 0, sizeof(*e));
}

static void add_category(struct entry_state *e, char *cat)
{
	if (cat == NULL)
		return;
	for (size_t i = 0; i < e->ncategories; i++)
		if (strcmp(e->categories[i], cat) == 0) {
			free(cat);
			return;
		}
	if (e->ncategories == e->capcategories) {
		e->capcategories = e->capcategories ? e->capcategories * 2 : 4;
		e->categories = xrealloc(e->categories, e->capcategories * sizeof(char *));
	}
	e->categories[e->ncategories++] = cat;
}

/* An id for an entry that has none: the same entry gives the same id on
 * every fetch, since it depends only on what the entry says. */
static char *fallback_id(const struct entry_state *e)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = fnv1a(h, e->link.value);
	h = fnv1a(h, "\n");
	h = fnv1a(h, e->title.value);
	if (e->link.value == NULL && e->title.value == NULL) {
		h = fnv1a(h, e->summary.value);
		h = fnv1a(h, e->content.value);
	}
	char id[40];
	snprintf(id, sizeof(id), "urn:retl:%016llx", (unsigned long long)h);
	return xstrdup(id);
}

static void publish_info(struct feed_parser *p)
{
	p->info.title = p->feed_title.value;
	p->info.link = p->feed_link.value;
	p->info.subtitle = p->feed_subtitle.value;
	p->info.author = p->feed_authors.len > 0 ? p->feed_authors.data : NULL;
	p->info.has_updated = p->feed_updated.set;
	p->info.updated = p->feed_updated.value;
}

static void emit_entry(struct feed_parser *p)
{
	struct entry_state *e = &p->entry;
	struct feed_entry out;

	if (e->id.value == NULL)
		set_ranked(&e->id, fallback_id(e), 0);
	if (e->authors.len == 0 && p->feed_authors.len > 0)
		buf_puts(&e->authors, p->feed_authors.data);
	out.id = e->id.value;
	out.title = e->title.value;
	out.link = e->link.value;
	out.author = e->authors.len > 0 ? e->authors.data : NULL;
	out.summary = e->summary.value;
	out.content = e->content.value;
	out.has_published = e->published.set;
	out.published = e->published.value;
	out.has_updated = e->updated.set;
	out.updated = e->updated.value;
	out.categories = e->categories;
	out.ncategories = e->ncategories;
	publish_info(p);
	if (p->status == FEED_OK && !p->cb(p->cb_arg, &out, &p->info)) {
		p->status = FEED_STOPPED;
		xmlStopParser(p->ctxt);
	}
	free_entry_state(e);
}

/* ---- the end of a captured field -------------------------------------- */

static char *plain_value(const struct feed_parser *p)
{
	return text_plain(p->text.data != NULL ? p->text.data : "", p->text.len,
			  p->capture_kind != K_TEXT);
}

static char *body_value(const struct feed_parser *p)
{
	const char *s = p->text.data != NULL ? p->text.data : "";
	if (p->capture_kind == K_BASE64)
		return base64_text(s, p->text.len);
	return trimmed_copy(s, p->text.len);
}

static void finish_capture(struct feed_parser *p)
{
	bool in_entry = p->capture_in_entry;
	struct entry_state *e = &p->entry;
	int prio = p->capture_priority;
	char *v;

	p->capture_depth = 0;
	if (p->capture_kind == K_SKIP)
		return;
	switch (p->capture_field) {
	case F_TITLE:
		set_ranked(in_entry ? &e->title : &p->feed_title, plain_value(p), prio);
		break;
	case F_SUBTITLE:
		set_ranked(&p->feed_subtitle, plain_value(p), prio);
		break;
	case F_AUTHOR:
		v = plain_value(p);
		add_to_list(in_entry ? &e->authors : &p->feed_authors, v);
		free(v);
		break;
	case F_LINK:
		v = trimmed_copy(p->text.data != NULL ? p->text.data : "", p->text.len);
		set_ranked(in_entry ? &e->link : &p->feed_link, resolve_link(p, v), prio);
		free(v);
		break;
	case F_GUID:
		v = trimmed_copy(p->text.data != NULL ? p->text.data : "", p->text.len);
		if (v != NULL && p->capture_permalink)
			set_ranked(&e->link, resolve_link(p, v), 2);
		set_ranked(&e->id, v, prio);
		break;
	case F_ID:
		set_ranked(&e->id, trimmed_copy(p->text.data != NULL ? p->text.data : "", p->text.len),
			   prio);
		break;
	case F_PUBLISHED:
	case F_UPDATED:
		v = plain_value(p);
		if (!in_entry)
			set_date(&p->feed_updated, v, prio);
		else
			set_date(p->capture_field == F_PUBLISHED ? &e->published : &e->updated, v, prio);
		free(v);
		break;
	case F_SUMMARY:
		set_ranked(&e->summary, body_value(p), prio);
		break;
	case F_CONTENT:
		set_ranked(&e->content, body_value(p), prio);
		break;
	case F_CATEGORY:
		add_category(e, plain_value(p));
		break;
	default:
		break;
	}
}

/* ---- elements --------------------------------------------------------- */

/* The priority of an Atom link by its rel and type: the alternate HTML
 * page first, then other alternates, other relations, self last. */
static int link_priority(const char *rel, const char *type)
{
	if (rel == NULL || strcmp(rel, "alternate") == 0 ||
	    strcmp(rel, "http://www.iana.org/assignments/relation/alternate") == 0) {
		if (type == NULL || strstr(type, "html") != NULL)
			return 4;
		return 3;
	}
	if (strcmp(rel, "self") == 0 || strcmp(rel, "enclosure") == 0)
		return 1;
	return 2;
}

static void atom_link(struct feed_parser *p, const xmlChar **attrs, int nattrs, bool in_entry)
{
	char *href = attr_value(attrs, nattrs, "href", NULL);
	char *rel = attr_value(attrs, nattrs, "rel", NULL);
	char *type = attr_value(attrs, nattrs, "type", NULL);

	if (href != NULL)
		set_ranked(in_entry ? &p->entry.link : &p->feed_link, resolve_link(p, href),
			   link_priority(rel, type));
	free(href);
	free(rel);
	free(type);
}

static void atom_category(struct feed_parser *p, const xmlChar **attrs, int nattrs)
{
	char *term = attr_value(attrs, nattrs, "term", NULL);
	char *v = NULL;
	if (term != NULL)
		v = text_plain(term, strlen(term), false);
	if (v == NULL) {
		char *label = attr_value(attrs, nattrs, "label", NULL);
		if (label != NULL)
			v = text_plain(label, strlen(label), false);
		free(label);
	}
	free(term);
	add_category(&p->entry, v);
}

/* A direct child of the feed, an entry or an author: begin what it holds. */
static void start_field(struct feed_parser *p, const struct rule *r, enum ns ns,
			const xmlChar **attrs, int nattrs)
{
	enum family fam = family_in(p, ns);
	bool in_entry = p->entry_depth > 0;

	if (r->field == F_AUTHOR_BOX) {
		set_role(p, ROLE_AUTHOR);
		return;
	}
	if (fam == FAM_ATOM && r->field == F_LINK) {
		atom_link(p, attrs, nattrs, in_entry);
		return;
	}
	if (fam == FAM_ATOM && r->field == F_CATEGORY) {
		atom_category(p, attrs, nattrs);
		return;
	}

	bool is_text_construct = r->field == F_TITLE || r->field == F_SUBTITLE ||
				 r->field == F_SUMMARY || r->field == F_CONTENT;
	enum kind kind = K_TEXT;
	if (fam == FAM_ATOM && is_text_construct)
		kind = atom_kind(attrs, nattrs, r->field == F_CONTENT);
	else if (fam == FAM_XHTML)
		kind = K_XHTML; /* xhtml:body: inline markup, no wrapper */
	else if (fam != FAM_ATOM && (is_text_construct || r->field == F_AUTHOR))
		kind = K_HTML; /* RSS and dc: HTML unless proven otherwise */
	start_capture(p, r->field, kind, r->priority);
	/* Atom 1.0 wraps xhtml in a div that is not part of the content. */
	p->capture_wrapped = kind == K_XHTML && ns == NS_ATOM10;
	if (r->field == F_GUID) {
		char *perma = attr_value(attrs, nattrs, "isPermaLink", NULL);
		p->capture_permalink = perma == NULL || strcmp(perma, "false") != 0;
		free(perma);
	}
}

/* RSS 1.0 and 0.90 put their items beside the channel, under the root;
 * the other formats inside the channel or feed. */
static bool starts_entry(const struct feed_parser *p, enum family fam, const xmlChar *name)
{
	if (p->entry_depth > 0)
		return false;
	if (fam == FAM_RSS && strcmp((const char *)name, "item") == 0)
		return p->depth == 2 || parent_role(p) == ROLE_FEED;
	if (fam == FAM_ATOM && strcmp((const char *)name, "entry") == 0)
		return parent_role(p) == ROLE_FEED;
	return false;
}

static void on_start(void *arg, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
		     int nns, const xmlChar **nss, int nattrs, int ndefaulted,
		     const xmlChar **attrs)
{
	struct feed_parser *p = arg;
	enum ns ns = classify_ns(p, uri);
	(void)nns;
	(void)nss;
	(void)ndefaulted;

	keep_expanding(p);
	push_frame(p, attrs, nattrs);
	if (p->depth > xmlParserMaxDepth) {
		stop_too_deep(p);
		return;
	}
	if (p->capture_depth > 0) {
		capture_start_child(p, ns, name, prefix, attrs, nattrs);
		return;
	}
	if (p->depth == 1) {
		p->root_seen = true;
		detect_format(p, ns, name, attrs, nattrs);
		return;
	}
	enum family fam = family_in(p, ns);
	if (p->depth == 2 && fam == FAM_RSS && strcmp((const char *)name, "channel") == 0 &&
	    p->feed_depth == 0) {
		p->feed_depth = 2;
		set_role(p, ROLE_FEED);
		if (ns == NS_RSS090)
			p->info.format = FEED_FORMAT_RSS09X;
		return;
	}
	if (starts_entry(p, fam, name)) {
		p->entry_depth = p->depth;
		p->entry_seen = true;
		set_role(p, ROLE_ENTRY);
		if (ns == NS_RSS090)
			p->info.format = FEED_FORMAT_RSS09X;
		char *about = attr_value(attrs, nattrs, "about", RDF_NS);
		set_ranked(&p->entry.id, about, 1);
		return;
	}

	enum place place;
	switch (parent_role(p)) {
	case ROLE_FEED:
		place = AT_FEED;
		break;
	case ROLE_ENTRY:
		place = AT_ENTRY;
		break;
	case ROLE_AUTHOR:
		place = AT_AUTHOR;
		break;
	default:
		return; /* deeper down: an image, a source, an extension */
	}
	const struct rule *r = find_rule(fam, name, place);
	if (r != NULL)
		start_field(p, r, ns, attrs, nattrs);
}

static void on_end(void *arg, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
	struct feed_parser *p = arg;
	(void)prefix;
	(void)uri;

	keep_expanding(p);
	if (p->capture_depth > 0) {
		if (p->depth == p->capture_depth)
			finish_capture(p);
		else
			capture_end_child(p, name);
	} else if (p->entry_depth > 0 && p->depth == p->entry_depth) {
		p->entry_depth = 0;
		emit_entry(p);
	}
	pop_frame(p);
}

/* ---- the parser's life ------------------------------------------------ */

struct feed_parser *feed_parser_new(const struct feed_options *opts, feed_entry_cb cb, void *arg)
{
	struct feed_parser *p = xcalloc(1, sizeof(*p));

	if (opts != NULL)
		p->opts = *opts;
	if (p->opts.max_size == 0)
		p->opts.max_size = FEED_DEFAULT_MAX_SIZE;
	p->cb = cb;
	p->cb_arg = arg;
	p->decoder = decoder_new(p->opts.charset_hint);
	buf_init(&p->utf8);
	buf_init(&p->text);
	buf_init(&p->feed_authors);

	xmlSAXHandler *sax = &p->sax;
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_text;
	sax->ignorableWhitespace = on_text;
	sax->cdataBlock = on_text;
	sax->getEntity = on_get_entity;
	sax->resolveEntity = on_resolve_entity;
	sax->serror = on_xml_error;
	p->ctxt = xmlCreatePushParserCtxt(sax, p, NULL, 0, NULL);
	if (p->ctxt == NULL) {
		fprintf(stderr, _("retl: cannot create an XML parser\n"));
		exit(EXIT_FAILURE);
	}
	/* NOENT makes libxml2 hand over decoded attribute values; it expands
	 * only what on_get_entity returns, which is never a declared entity. */
	xmlCtxtUseOptions(p->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOENT |
					   XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT);
	return p;
}

void feed_parser_free(struct feed_parser *p)
{
	if (p == NULL)
		return;
	while (p->depth > 0)
		pop_frame(p);
	free(p->frames);
	/* "For expat compatibility in SAX mode", libxml2 records the entity
	 * declarations of a DTD in a document of its own even with no entityDecl
	 * handler (retl never looks them up), and leaves it to its caller. */
	if (p->ctxt->myDoc != NULL)
		xmlFreeDoc(p->ctxt->myDoc);
	xmlFreeParserCtxt(p->ctxt);
	if (p->html_entities != NULL)
		xmlHashFree(p->html_entities, free_entity);
	if (p->html_attr_entities != NULL)
		xmlHashFree(p->html_attr_entities, free_entity);
	decoder_free(p->decoder);
	buf_free(&p->utf8);
	buf_free(&p->text);
	buf_free(&p->feed_authors);
	free_entry_state(&p->entry);
	free(p->feed_title.value);
	free(p->feed_link.value);
	free(p->feed_subtitle.value);
	for (size_t i = 0; i < p->info.nerrors; i++)
		free(p->info.errors[i]);
	free(p->info.errors);
	free(p->reason);
	free(p);
}

/* Hands UTF-8 to libxml2, keeping the first bytes for looks_like_html. */
static void parse_bytes(struct feed_parser *p, const char *s, size_t len, bool final)
{
	if (p->head_len < sizeof(p->head)) {
		size_t n = sizeof(p->head) - p->head_len < len ? sizeof(p->head) - p->head_len : len;
		memcpy(p->head + p->head_len, s, n);
		p->head_len += n;
	}
	/* xmlParseChunk takes an int; hand it at most 1 MiB at a time. */
	do {
		size_t n = len > 1u << 20 ? 1u << 20 : len;
		xmlParseChunk(p->ctxt, s, (int)n, final && n == len);
		s += n;
		len -= n;
	} while (len > 0 && p->status == FEED_OK);
}

static void parse_utf8(struct feed_parser *p, bool final)
{
	parse_bytes(p, p->utf8.data != NULL ? p->utf8.data : "", p->utf8.len, final);
	buf_reset(&p->utf8);
}

/* An HTML5 page starts "<!doctype html>", which XML cannot read: libxml2
 * gives up before the root element. */
static bool looks_like_html(const struct feed_parser *p)
{
	static const char doctype[] = "<!doctype html";
	size_t i = 0;

	while (i < p->head_len && (p->head[i] == ' ' || p->head[i] == '\t' ||
				   p->head[i] == '\r' || p->head[i] == '\n'))
		i++;
	return p->head_len - i >= sizeof(doctype) - 1 &&
	       strncasecmp(p->head + i, doctype, sizeof(doctype) - 1) == 0;
}

static void refuse_too_large(struct feed_parser *p)
{
	char msg[128];
	snprintf(msg, sizeof(msg), _("document larger than the limit of %zu bytes"),
		 p->opts.max_size);
	refuse(p, FEED_TOO_LARGE, xstrdup(msg));
}

bool feed_parser_push(struct feed_parser *p, const char *data, size_t len)
{
	if (p->status != FEED_OK || p->ended)
		return false;
	p->total += len;
	if (p->total > p->opts.max_size) {
		refuse_too_large(p);
		return false;
	}
	/* Valid UTF-8, the usual case, goes to libxml2 without a copy. */
	size_t direct = decoder_passthrough(p->decoder, data, len);
	if (direct > 0)
		parse_bytes(p, data, direct, false);
	if (direct < len && p->status == FEED_OK) {
		decoder_push(p->decoder, data + direct, len - direct, false, &p->utf8);
		if (p->utf8.len > 0)
			parse_utf8(p, false);
	}
	return p->status == FEED_OK;
}

enum feed_status feed_parser_finish(struct feed_parser *p)
{
	if (p->ended)
		return p->status;
	p->ended = true;
	if (p->status == FEED_OK) {
		decoder_push(p->decoder, NULL, 0, true, &p->utf8);
		parse_utf8(p, true);
	}
	if (p->status == FEED_OK && decoder_unknown_charset(p->decoder) != NULL) {
		char msg[160];
		snprintf(msg, sizeof(msg), _("unknown encoding '%s', read as UTF-8"),
			 decoder_unknown_charset(p->decoder));
		add_error_at(p, 1, 1, msg);
	}
	if (p->status == FEED_OK && decoder_replacements(p->decoder) > 0) {
		char msg[160];
		snprintf(msg, sizeof(msg),
			 ngettext("%zu invalid %s byte sequence or character replaced",
				  "%zu invalid %s byte sequences or characters replaced",
				  decoder_replacements(p->decoder)),
			 decoder_replacements(p->decoder), decoder_charset(p->decoder));
		add_error(p, xstrdup(msg));
	}
	if (p->status == FEED_OK && !p->root_seen)
		refuse_not_a_feed(p, looks_like_html(p) ? _("an HTML page") : _("no XML root element"),
				  NULL);
	/* RDF with neither an RSS channel nor an item is some other RDF (FOAF,
	 * DOAP...), not an empty feed. */
	if (p->status == FEED_OK && p->info.format == FEED_FORMAT_RSS10 && p->feed_depth == 0 &&
	    !p->entry_seen)
		refuse_not_a_feed(p, _("root element"), "RDF");
	publish_info(p);
	return p->status;
}

const char *feed_parser_reason(const struct feed_parser *p)
{
	return p->reason;
}

const struct feed_info *feed_parser_info(const struct feed_parser *p)
{
	return &p->info;
}

const char *feed_format_name(enum feed_format format)
{
	switch (format) {
	case FEED_FORMAT_RSS20:
		return "rss20";
	case FEED_FORMAT_RSS10:
		return "rss10";
	case FEED_FORMAT_RSS09X:
		return "rss09x";
	case FEED_FORMAT_ATOM10:
		return "atom10";
	case FEED_FORMAT_ATOM03:
		return "atom03";
	default:
		return NULL;
	}
}

enum feed_status feed_parse_file(struct feed_parser *p, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char chunk[65536];

	if (fd < 0) {
		refuse(p, FEED_NOT_A_FEED, xstrdup(strerror(errno)));
		return p->status;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > p->opts.max_size) {
		/* Refused without reading a byte of it. */
		refuse_too_large(p);
	}
	while (p->status == FEED_OK) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			refuse(p, FEED_NOT_A_FEED, xstrdup(strerror(errno)));
			break;
		}
		if (n == 0 || !feed_parser_push(p, chunk, (size_t)n))
			break;
	}
	if (!is_stdin)
		close(fd);
	return feed_parser_finish(p);
}
