#include "config.h"

#include "parse/discover.h"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/util.h"

#define X(s) ((const xmlChar *)(s))

/* rel is a list of words; "alternate" must be one of them. */
static bool rel_has_alternate(const char *rel)
{
	const char *p = rel;
	while (*p) {
		p += strspn(p, " \t\n\r\f");
		size_t n = strcspn(p, " \t\n\r\f");
		if (n == 9 && strncasecmp(p, "alternate", 9) == 0)
			return true;
		p += n;
	}
	return false;
}

static bool is_feed_type(const char *type)
{
	static const char *const types[] = {"application/rss+xml", "application/atom+xml",
					    "application/rdf+xml"};
	size_t n = strcspn(type, " ;");
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (n == strlen(types[i]) && strncasecmp(type, types[i], n) == 0)
			return true;
	return false;
}

struct found {
	const char *base;
	char **urls;
	size_t n;
};

static void add_url(struct found *f, const xmlChar *href)
{
	xmlChar *abs = xmlBuildURI(href, X(f->base));
	if (abs == NULL)
		return;
	const char *s = (const char *)abs;
	bool web = strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
	for (size_t i = 0; web && i < f->n; i++)
		if (strcmp(f->urls[i], s) == 0)
			web = false;
	if (web && f->n < DISCOVER_MAX) {
		f->urls = xrealloc(f->urls, (f->n + 1) * sizeof(*f->urls));
		f->urls[f->n++] = xstrdup(s);
	}
	xmlFree(abs);
}

static void visit_link(struct found *f, xmlNodePtr node)
{
	xmlChar *rel = xmlGetProp(node, X("rel"));
	xmlChar *type = xmlGetProp(node, X("type"));
	xmlChar *href = xmlGetProp(node, X("href"));
	if (rel != NULL && type != NULL && href != NULL && *href &&
	    rel_has_alternate((const char *)rel) && is_feed_type((const char *)type))
		add_url(f, href);
	xmlFree(rel);
	xmlFree(type);
	xmlFree(href);
}

/* Walks the tree without recursion: a hostile page may nest deeply. */
static void walk(struct found *f, xmlNodePtr root)
{
	xmlNodePtr node = root;
	while (node != NULL) {
		if (node->type == XML_ELEMENT_NODE &&
		    xmlStrcasecmp(node->name, X("link")) == 0)
			visit_link(f, node);
		if (node->children != NULL && node->type == XML_ELEMENT_NODE) {
			node = node->children;
			continue;
		}
		while (node != NULL && node->next == NULL && node != root)
			node = node->parent;
		if (node == NULL || node == root)
			break;
		node = node->next;
	}
}

size_t discover_feeds(const char *html, size_t len, const char *base, char ***urls)
{
	struct found f = {base != NULL ? base : "", NULL, 0};
	*urls = NULL;
	if (len == 0 || len > 0x7fffffff)
		return 0;
	htmlDocPtr doc = htmlReadMemory(html, (int)len, base, NULL,
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc == NULL)
		return 0;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root != NULL)
		walk(&f, root);
	xmlFreeDoc(doc);
	*urls = f.urls;
	return f.n;
}

void discover_free(char **urls, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
}
