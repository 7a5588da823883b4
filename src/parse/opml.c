/* OPML subscription lists, read with libxml2's SAX2 parser.
 *
 * An OPML file is the user's, but often made by another program or passed
 * around, so it is read as strictly as a feed: no DTD entities (an entity
 * declaration refuses the file), nothing loaded from outside it, libxml2's
 * depth limit, a size and feed-count bound.  A file that is not well formed
 * is refused with the line of its first error rather than half-read: a
 * recovered "&" would quietly change a URL. */
#include "config.h"

#include "parse/opml.h"

#include <libxml/SAX2.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "common/safetext.h"
#include "common/util.h"

#define MAX_TITLE 4096
/* Folders in folders: readers nest a few; libxml2's own limit does not
 * hold in push mode. */
#define MAX_DEPTH 256

/* An outline being read: a folder names a tag, a feed names none. */
struct frame {
	char *tag;
};

struct opml_reader {
	xmlParserCtxtPtr ctxt;
	struct opml_doc *doc;
	char *error;
	size_t depth;		/* elements open */
	bool in_head, in_body;
	bool in_title;
	bool saw_root;
	struct buf title;
	struct frame *frames; /* open outlines */
	size_t nframes, capframes;
	xmlHashTablePtr seen; /* URL -> index + 1 into doc->feeds */
};

__attribute__((format(printf, 2, 3))) static void refuse(struct opml_reader *r, const char *fmt,
							 ...)
{
	if (r->error != NULL)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	char where[48];
	snprintf(where, sizeof(where), _("line %d: "), xmlSAX2GetLineNumber(r->ctxt));
	struct buf b;
	buf_init(&b);
	buf_puts(&b, where);
	buf_puts(&b, msg);
	r->error = buf_steal(&b);
	xmlStopParser(r->ctxt);
}

/* ---- values --------------------------------------------------------------- */

/* An attribute's value, cleaned; NULL when nothing is left. */
static char *clean_value(const xmlChar *value, const xmlChar *end)
{
	size_t n = (size_t)(end - value);
	char *out = xmalloc(n + 1);
	if (safe_text_copy(out, (const char *)value, n) == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* A folder name or category as a tag: feeds.conf separates tags with
 * commas and retl matches them without blanks, so both become '-'. */
static char *tag_from_name(const char *name, size_t len)
{
	char *tag = xmalloc(len + 1);
	size_t n = safe_text_copy(tag, name, len), o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = tag[i] == ' ' || tag[i] == ',' ? '-' : tag[i];
		if (c == '-' && (o == 0 || tag[o - 1] == '-'))
			continue;
		tag[o++] = c;
	}
	while (o > 0 && tag[o - 1] == '-')
		o--;
	tag[o] = '\0';
	if (o == 0) {
		free(tag);
		return NULL;
	}
	return tag;
}

/* feed://host/x and feed:https://host/x are how some pages link feeds. */
static char *feed_url(char *url)
{
	if (strncasecmp(url, "feed:", 5) != 0)
		return url;
	const char *rest = url + 5;
	struct buf b;
	buf_init(&b);
	if (strncmp(rest, "//", 2) == 0)
		buf_puts(&b, "http:");
	buf_puts(&b, rest);
	free(url);
	return buf_steal(&b);
}

static void add_tag(struct opml_feed *f, char *tag)
{
	if (tag == NULL)
		return;
	for (size_t i = 0; i < f->ntags; i++) {
		if (strcmp(f->tags[i], tag) == 0) {
			free(tag);
			return;
		}
	}
	if (f->ntags == OPML_MAX_TAGS) {
		free(tag);
		return;
	}
	f->tags = xrealloc(f->tags, (f->ntags + 1) * sizeof(*f->tags));
	f->tags[f->ntags++] = tag;
}

/* A tag of retl's own list, as it was: only cleaned and trimmed. */
static char *exact_tag(const char *name, size_t len)
{
	char *tag = xmalloc(len + 1);
	if (safe_text_copy(tag, name, len) == 0) {
		free(tag);
		return NULL;
	}
	return tag;
}

/* Splits list at the separators in seps into tags, each made by make_tag;
 * with paths, each "/a/b" component is a tag of its own (OPML 2.0's
 * category). */
static void add_tag_list(struct opml_feed *f, const char *list, const char *seps,
			 char *(*make_tag)(const char *, size_t))
{
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, seps);
		if (n > 0)
			add_tag(f, make_tag(p, n));
		p += n;
		if (*p)
			p++;
	}
}

/* ---- outlines -------------------------------------------------------------- */

/* The attributes of one outline that retl reads. */
struct outline {
	char *xml_url, *text, *title, *category, *type;
	char *retl_tags, *actor, *interval, *fulltext, *user_agent;
};

static void free_outline(struct outline *o)
{
	free(o->xml_url);
	free(o->text);
	free(o->title);
	free(o->category);
	free(o->type);
	free(o->retl_tags);
	free(o->actor);
	free(o->interval);
	free(o->fulltext);
	free(o->user_agent);
}

static void set_attr(char **field, const xmlChar *value, const xmlChar *end)
{
	free(*field);
	*field = clean_value(value, end);
}

/* SAX2 hands attributes as (localname, prefix, URI, value, end) five at a
 * time.  OPML's own attributes are matched without regard to case: old
 * exporters write xmlurl and xmlURL. */
static void read_attributes(struct outline *o, int nattrs, const xmlChar **attrs)
{
	for (size_t i = 0; i < (size_t)nattrs; i++) {
		const xmlChar **a = attrs + 5 * i;
		const char *name = (const char *)a[0];
		const char *uri = (const char *)a[2];
		if (uri == NULL) {
			if (strcasecmp(name, "xmlUrl") == 0)
				set_attr(&o->xml_url, a[3], a[4]);
			else if (strcasecmp(name, "text") == 0)
				set_attr(&o->text, a[3], a[4]);
			else if (strcasecmp(name, "title") == 0)
				set_attr(&o->title, a[3], a[4]);
			else if (strcasecmp(name, "category") == 0)
				set_attr(&o->category, a[3], a[4]);
			else if (strcasecmp(name, "type") == 0)
				set_attr(&o->type, a[3], a[4]);
		} else if (strcmp(uri, OPML_RETL_NS) == 0) {
			if (strcmp(name, "tags") == 0)
				set_attr(&o->retl_tags, a[3], a[4]);
			else if (strcmp(name, "actor") == 0)
				set_attr(&o->actor, a[3], a[4]);
			else if (strcmp(name, "interval") == 0)
				set_attr(&o->interval, a[3], a[4]);
			else if (strcmp(name, "fulltext") == 0)
				set_attr(&o->fulltext, a[3], a[4]);
			else if (strcmp(name, "user-agent") == 0)
				set_attr(&o->user_agent, a[3], a[4]);
		}
	}
}

static void push_frame(struct opml_reader *r, char *tag)
{
	if (r->nframes == r->capframes) {
		r->capframes = r->capframes ? 2 * r->capframes : 16;
		r->frames = xrealloc(r->frames, r->capframes * sizeof(*r->frames));
	}
	r->frames[r->nframes++].tag = tag;
}

static void pop_frame(struct opml_reader *r)
{
	if (r->nframes > 0)
		free(r->frames[--r->nframes].tag);
}

/* The tags of a feed: retl's own list when it wrote the file, else the
 * folders around it, outermost first, then its categories. */
static void feed_tags(struct opml_reader *r, struct opml_feed *f, const struct outline *o)
{
	if (o->retl_tags != NULL) {
		add_tag_list(f, o->retl_tags, ",", exact_tag);
		return;
	}
	for (size_t i = 0; i < r->nframes; i++)
		if (r->frames[i].tag != NULL)
			add_tag(f, xstrdup(r->frames[i].tag));
	if (o->category != NULL)
		add_tag_list(f, o->category, ",/", tag_from_name);
}

/* A second outline of a URL already read adds its tags to the first. */
static void merge_duplicate(struct opml_reader *r, struct opml_feed *first,
			    const struct outline *o)
{
	struct opml_feed extra = {0};
	feed_tags(r, &extra, o);
	for (size_t i = 0; i < extra.ntags; i++)
		add_tag(first, extra.tags[i]);
	free(extra.tags);
	r->doc->duplicates++;
}

static void add_feed(struct opml_reader *r, struct outline *o)
{
	char *url = feed_url(o->xml_url);
	o->xml_url = NULL;
	const size_t *known = xmlHashLookup(r->seen, (const xmlChar *)url);
	if (known != NULL) {
		merge_duplicate(r, &r->doc->feeds[*known], o);
		free(url);
		return;
	}
	if (r->doc->nfeeds == OPML_MAX_FEEDS) {
		free(url);
		refuse(r, _("more than %d feeds"), OPML_MAX_FEEDS);
		return;
	}
	struct opml_doc *d = r->doc;
	d->feeds = xrealloc(d->feeds, (d->nfeeds + 1) * sizeof(*d->feeds));
	struct opml_feed *f = &d->feeds[d->nfeeds++];
	memset(f, 0, sizeof(*f));
	f->url = url;
	f->line = xmlSAX2GetLineNumber(r->ctxt);
	/* Many exporters write the URL where no name is known. */
	char *name = o->title != NULL ? o->title : o->text;
	if (name != NULL && strcmp(name, url) != 0) {
		f->name = name == o->title ? o->title : o->text;
		if (name == o->title)
			o->title = NULL;
		else
			o->text = NULL;
	}
	feed_tags(r, f, o);
	f->actor = o->actor;
	f->interval = o->interval;
	f->fulltext = o->fulltext;
	f->user_agent = o->user_agent;
	f->type = o->type;
	o->actor = o->interval = o->fulltext = o->user_agent = o->type = NULL;
	size_t *index = xmalloc(sizeof(*index));
	*index = d->nfeeds - 1;
	if (xmlHashAddEntry(r->seen, (const xmlChar *)url, index) != 0)
		free(index);
}

static void start_outline(struct opml_reader *r, int nattrs, const xmlChar **attrs)
{
	struct outline o = {0};
	read_attributes(&o, nattrs, attrs);
	if (o.xml_url != NULL) {
		add_feed(r, &o);
		push_frame(r, NULL);
	} else {
		const char *name = o.title != NULL ? o.title : o.text;
		push_frame(r, name != NULL ? tag_from_name(name, strlen(name)) : NULL);
	}
	free_outline(&o);
}

/* ---- SAX callbacks --------------------------------------------------------- */

static bool is_named(const xmlChar *name, const xmlChar *uri, const char *want)
{
	return uri == NULL && strcmp((const char *)name, want) == 0;
}

static void on_start(void *arg, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
		     int nns, const xmlChar **ns, int nattrs, int ndefaulted,
		     const xmlChar **attrs)
{
	struct opml_reader *r = arg;
	(void)prefix;
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	r->depth++;
	if (r->depth > MAX_DEPTH) {
		refuse(r, _("elements nested deeper than %d"), MAX_DEPTH);
		return;
	}
	if (r->depth == 1) {
		r->saw_root = true;
		if (is_named(name, uri, "opml"))
			return;
		if (strcmp((const char *)name, "rss") == 0 || strcmp((const char *)name, "feed") == 0 ||
		    strcmp((const char *)name, "RDF") == 0)
			refuse(r, _("this is a feed, not an OPML file: list its URL in feeds.conf"));
		else
			refuse(r, _("not an OPML file: the document is <%s>, not <opml>"),
			       (const char *)name);
		return;
	}
	if (r->depth == 2) {
		r->in_head = is_named(name, uri, "head");
		r->in_body = is_named(name, uri, "body");
		return;
	}
	if (r->in_head && r->depth == 3 && is_named(name, uri, "title")) {
		r->in_title = true;
		buf_reset(&r->title);
	} else if (r->in_body && is_named(name, uri, "outline")) {
		start_outline(r, nattrs, attrs);
	}
}

static void on_end(void *arg, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
	struct opml_reader *r = arg;
	(void)prefix;
	if (r->in_title && r->depth == 3) {
		r->in_title = false;
		free(r->doc->title);
		buf_putc(&r->title, '\0');
		r->doc->title = safe_text(r->title.data);
	} else if (r->in_body && is_named(name, uri, "outline")) {
		pop_frame(r);
	}
	if (r->depth == 2)
		r->in_head = r->in_body = false;
	r->depth--;
}

static void on_text(void *arg, const xmlChar *text, int len)
{
	struct opml_reader *r = arg;
	if (r->in_title && r->title.len + (size_t)len < MAX_TITLE)
		buf_append(&r->title, (const char *)text, (size_t)len);
}

/* Only XML's five predefined entities are ever expanded. */
static xmlEntityPtr on_get_entity(void *arg, const xmlChar *name)
{
	(void)arg;
	return xmlGetPredefinedEntity(name);
}

static void on_entity_decl(void *arg, const xmlChar *name, int type, const xmlChar *public_id,
			   const xmlChar *system_id, xmlChar *content)
{
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	refuse(arg, _("the document declares an entity ('%s'); OPML needs none"),
	       (const char *)name);
}

static xmlParserInputPtr on_resolve_entity(void *arg, const xmlChar *public_id,
					   const xmlChar *system_id)
{
	(void)arg;
	(void)public_id;
	(void)system_id;
	return NULL; /* never load anything from outside the document */
}

static void on_xml_error(void *arg, xmlErrorPtr err)
{
	struct opml_reader *r = arg;
	if (err == NULL || err->level < XML_ERR_FATAL || r->error != NULL)
		return;
	char msg[400];
	snprintf(msg, sizeof(msg), "%s", err->message != NULL ? err->message : "?");
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	char *clean = safe_text(msg);
	struct buf b;
	buf_init(&b);
	char where[48];
	snprintf(where, sizeof(where), _("line %d: "), err->line);
	buf_puts(&b, where);
	/* libxml2's push parser calls a document that stops inside an element
	 * "extra content" */
	if (err->code == XML_ERR_DOCUMENT_END && r->depth > 0)
		buf_puts(&b, _("the file ends before its elements are closed (cut short?)"));
	else if (err->code == XML_ERR_DOCUMENT_EMPTY)
		buf_puts(&b, _("not an XML document: no element in it"));
	else
		buf_puts(&b, clean);
	free(clean);
	r->error = buf_steal(&b);
}

/* ---- the document ---------------------------------------------------------- */

static void free_index(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

static void init_sax(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_text;
	sax->cdataBlock = on_text;
	sax->getEntity = on_get_entity;
	sax->entityDecl = on_entity_decl;
	sax->resolveEntity = on_resolve_entity;
	sax->serror = on_xml_error;
}

static char *plain_error(const char *msg)
{
	return xstrdup(msg);
}

bool opml_parse(const char *data, size_t len, struct opml_doc *doc, char **error)
{
	memset(doc, 0, sizeof(*doc));
	*error = NULL;
	if (len == 0) {
		*error = plain_error(_("the file is empty"));
		return false;
	}
	if (len > OPML_MAX_SIZE) {
		*error = plain_error(_("larger than 16 MiB: not a subscription list"));
		return false;
	}
	struct opml_reader r = {.doc = doc};
	buf_init(&r.title);
	r.seen = xmlHashCreate(64);
	xmlSAXHandler sax;
	init_sax(&sax);
	r.ctxt = xmlCreatePushParserCtxt(&sax, &r, NULL, 0, NULL);
	if (r.ctxt == NULL || r.seen == NULL) {
		fprintf(stderr, _("retl: cannot create an XML parser\n"));
		exit(EXIT_FAILURE);
	}
	xmlCtxtUseOptions(r.ctxt, XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_COMPACT);
	/* xmlParseChunk takes an int; hand it at most 1 MiB at a time. */
	const char *p = data;
	size_t left = len;
	do {
		size_t n = left > 1u << 20 ? 1u << 20 : left;
		xmlParseChunk(r.ctxt, p, (int)n, n == left);
		p += n;
		left -= n;
	} while (left > 0 && r.error == NULL);
	if (r.error == NULL && !r.ctxt->wellFormed)
		r.error = plain_error(_("not well-formed XML"));
	if (r.error == NULL && !r.saw_root)
		r.error = plain_error(_("not an OPML file: no <opml> element"));
	while (r.nframes > 0)
		pop_frame(&r);
	free(r.frames);
	buf_free(&r.title);
	xmlHashFree(r.seen, free_index);
	if (r.ctxt->myDoc != NULL)
		xmlFreeDoc(r.ctxt->myDoc);
	xmlFreeParserCtxt(r.ctxt);
	if (r.error != NULL) {
		opml_free(doc);
		*error = r.error;
		return false;
	}
	return true;
}

void opml_free(struct opml_doc *doc)
{
	for (size_t i = 0; i < doc->nfeeds; i++) {
		struct opml_feed *f = &doc->feeds[i];
		free(f->url);
		free(f->name);
		for (size_t t = 0; t < f->ntags; t++)
			free(f->tags[t]);
		free(f->tags);
		free(f->actor);
		free(f->interval);
		free(f->fulltext);
		free(f->user_agent);
		free(f->type);
	}
	free(doc->feeds);
	free(doc->title);
	memset(doc, 0, sizeof(*doc));
}

char *opml_feed_tags(const struct opml_feed *f)
{
	if (f->ntags == 0)
		return NULL;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < f->ntags; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		buf_puts(&b, f->tags[i]);
	}
	return buf_steal(&b);
}
