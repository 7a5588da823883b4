/* OPML 1.0 and 2.0 subscription lists: the feeds they hold, with the
 * folders around each feed as its tags. */
#ifndef RETL_OPML_H
#define RETL_OPML_H

#include <stdbool.h>
#include <stddef.h>

/* Bounds on what one document may hold. */
#define OPML_MAX_SIZE ((size_t)16 << 20)
#define OPML_MAX_FEEDS 100000
#define OPML_MAX_TAGS 32

/* The namespace of retl's own outline attributes (retl:tags, retl:actor,
 * retl:interval, retl:fulltext, retl:user-agent), which carry what feeds.conf
 * knows and OPML does not, so that an export reads back unchanged. */
#define OPML_RETL_NS "https://github.com/retl-project/retl/ns/opml"

/* One feed outline.  Strings are cleaned UTF-8 (no control characters,
 * blanks folded); NULL when the outline did not say. */
struct opml_feed {
	char *url;	/* xmlUrl, with feed: turned into http: */
	char *name;	/* title, else text, unless that is the URL itself */
	char **tags;	/* folders outermost first, then category components,
			 * or exactly retl:tags when present; no repeats */
	size_t ntags;
	char *actor;	/* retl:actor */
	char *interval; /* retl:interval, as written */
	char *fulltext; /* retl:fulltext, as written */
	char *user_agent; /* retl:user-agent */
	char *type;	/* type, e.g. "rss"; other programs' page scrapers
			 * have types of their own */
	int line;	/* where the outline starts */
};

struct opml_doc {
	char *title; /* head/title, or NULL */
	struct opml_feed *feeds;
	size_t nfeeds;
	size_t duplicates; /* outlines of a URL already seen: their tags merged */
};

/* Reads an OPML document of len bytes.  On error returns false with
 * *error set to "line N: what is wrong" (to free) and doc empty. */
bool opml_parse(const char *data, size_t len, struct opml_doc *doc, char **error);
void opml_free(struct opml_doc *doc);

/* f's tags as feeds.conf writes them, "a,b,c"; NULL when it has none.
 * Fresh. */
char *opml_feed_tags(const struct opml_feed *f);

#endif
