#include "config.h"

#include "present/opml_export.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/util.h"
#include "parse/opml.h"

#define X(s) ((const xmlChar *)(s))

/* The first tag of a comma-separated list, fresh; NULL when none. */
static char *first_tag(const char *tags)
{
	if (tags == NULL)
		return NULL;
	size_t n = strcspn(tags, ",");
	while (n > 0 && tags[n - 1] == ' ')
		n--;
	const char *s = tags;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	return n > 0 ? xstrndup(s, n) : NULL;
}

/* OPML 2.0's category: "/a,/b", one path per tag. */
static char *category(const char *tags)
{
	struct buf b;
	buf_init(&b);
	const char *p = tags;
	while (*p) {
		size_t n = strcspn(p, ",");
		const char *s = p;
		size_t len = n;
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len > 0) {
			if (b.len > 0)
				buf_putc(&b, ',');
			buf_putc(&b, '/');
			buf_append(&b, s, len);
		}
		p += n;
		if (*p)
			p++;
	}
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

static int write_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (value == NULL)
		return 0;
	return xmlTextWriterWriteAttribute(w, X(name), X(value));
}

static int write_retl_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (value == NULL)
		return 0;
	return xmlTextWriterWriteAttributeNS(w, X("retl"), X(name), NULL, X(value));
}

static int write_feed(xmlTextWriterPtr w, const struct feed_conf *f)
{
	int rc = xmlTextWriterStartElement(w, X("outline"));
	rc |= write_attr(w, "type", "rss");
	rc |= write_attr(w, "text", f->name != NULL ? f->name : f->url);
	rc |= write_attr(w, "title", f->name);
	rc |= write_attr(w, "xmlUrl", f->url);
	if (f->tags != NULL) {
		char *cat = category(f->tags);
		if (*cat)
			rc |= write_attr(w, "category", cat);
		free(cat);
	}
	rc |= write_retl_attr(w, "tags", f->tags);
	rc |= write_retl_attr(w, "actor", f->actor);
	if (f->interval_set) {
		char interval[32];
		snprintf(interval, sizeof(interval), "%ld", f->interval);
		rc |= write_retl_attr(w, "interval", interval);
	}
	if (f->fulltext_set)
		rc |= write_retl_attr(w, "fulltext", f->fulltext ? "yes" : "no");
	if (f->user_agent_set)
		rc |= write_retl_attr(w, "user-agent", f->user_agent);
	rc |= xmlTextWriterEndElement(w);
	return rc < 0 ? -1 : 0;
}

static bool same_folder(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The feeds in folders by first tag, folders in the order their first feed
 * comes in feeds.conf, feeds without tags last and outside any folder. */
static int write_body(xmlTextWriterPtr w, const struct feeds_conf *conf)
{
	char **folder = xcalloc(conf->nfeeds + 1, sizeof(*folder));
	bool *done = xcalloc(conf->nfeeds + 1, sizeof(*done));
	int rc = 0;

	for (size_t i = 0; i < conf->nfeeds; i++)
		folder[i] = first_tag(conf->feeds[i].tags);
	for (size_t i = 0; i < conf->nfeeds && rc >= 0; i++) {
		if (done[i] || folder[i] == NULL)
			continue;
		rc |= xmlTextWriterStartElement(w, X("outline"));
		rc |= write_attr(w, "text", folder[i]);
		rc |= write_attr(w, "title", folder[i]);
		for (size_t j = i; j < conf->nfeeds && rc >= 0; j++) {
			if (!done[j] && same_folder(folder[i], folder[j])) {
				rc |= write_feed(w, &conf->feeds[j]);
				done[j] = true;
			}
		}
		rc |= xmlTextWriterEndElement(w);
	}
	for (size_t i = 0; i < conf->nfeeds && rc >= 0; i++)
		if (!done[i])
			rc |= write_feed(w, &conf->feeds[i]);
	for (size_t i = 0; i < conf->nfeeds; i++)
		free(folder[i]);
	free(folder);
	free(done);
	return rc < 0 ? -1 : 0;
}

bool opml_export(const struct feeds_conf *conf, FILE *out)
{
	xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
	if (ob == NULL)
		return false;
	xmlTextWriterPtr w = xmlNewTextWriter(ob);
	if (w == NULL) {
		xmlOutputBufferClose(ob);
		return false;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, X("  "));

	char date[64];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	/* RFC 822, as OPML wants, in English whatever the locale. */
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	snprintf(date, sizeof(date), "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);

	int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	rc |= xmlTextWriterStartElement(w, X("opml"));
	rc |= write_attr(w, "version", "2.0");
	rc |= xmlTextWriterWriteAttribute(w, X("xmlns:retl"), X(OPML_RETL_NS));
	rc |= xmlTextWriterStartElement(w, X("head"));
	rc |= xmlTextWriterWriteElement(w, X("title"), X("retl feeds"));
	rc |= xmlTextWriterWriteElement(w, X("dateCreated"), X(date));
	rc |= xmlTextWriterWriteElement(w, X("docs"), X("http://opml.org/spec2.opml"));
	rc |= xmlTextWriterEndElement(w);
	rc |= xmlTextWriterStartElement(w, X("body"));
	if (rc >= 0)
		rc |= write_body(w, conf);
	rc |= xmlTextWriterEndDocument(w);
	rc |= xmlTextWriterFlush(w);
	xmlFreeTextWriter(w); /* closes ob */
	return rc >= 0 && fflush(out) == 0 && !ferror(out);
}
