/* What a summary (retl --since) reads from the store: the events of a
 * date range under filters, with their actors and sources, deduplicated;
 * the quotes of their articles; the actors by events; the documents. */
#ifndef RETL_REPORT_H
#define RETL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

#define REPORT_MAX_ACTORS 16

struct report_query {
	char from[11], to[11]; /* YYYY-MM-DD, inclusive */
	int64_t actors[REPORT_MAX_ACTORS];
	size_t nactors;
	const char *feed; /* feed name, or NULL */
	const char *tag;  /* a tag of the feed, or NULL */
	const char *grep; /* words the article must hold (FTS5), or NULL */
	int limit;	  /* events at most; 0: all */
};

/* The quotes a summary shows under each month. */
#define REPORT_QUOTES_PER_MONTH 3

/* Every string of a report lives as long as the report (report_free) and
 * is clean (common/safetext.h): no control character, escape sequence or
 * bidirectional mark from a feed reaches an output through it. */
struct report_source {
	const char *feed, *title, *link;
	int64_t article_id;
};

/* A year of a large store is a million of these: kept small. */
struct report_event {
	const char *precision;
	const char *text;
	const char **actors;	       /* by name; one string per actor in the report */
	const struct report_source *sources; /* one per feed that reported it */
	uint32_t nactors, nsources;
	char day[11];  /* day_first */
	char date[16]; /* at its precision */
	bool published;
};

struct report_quote {
	char day[11]; /* of its article */
	const char *speaker, *actor, *kind, *text;
	int64_t article_id;
};

struct report_count {
	const char *name;
	int64_t n;
};

struct report {
	/* by date; those dated by the year alone first in their day */
	struct report_event *events;
	size_t nevents;
	/* of the events' articles published in the range: the most telling
	 * (direct, of a known actor, longer) REPORT_QUOTES_PER_MONTH of each
	 * month, by month, the most telling first */
	struct report_quote *quotes;
	size_t nquotes;
	struct report_count *actors; /* by events, most first */
	size_t nactors;
	const char **documents; /* referenced by the events' articles, by name */
	size_t ndocuments;
	struct arena *arena; /* owns every string above */
};

/* Reads the report; NULL on a database error (*error set). */
struct report *report_read(struct store *s, const struct report_query *q, char **error);
void report_free(struct report *r);

/* The actor a name or alias means, case-insensitively: its id, or 0; on
 * 0, *closest is set to up to three known names nearest to it (fresh,
 * comma-separated). */
int64_t report_find_actor(struct store *s, const char *name, char **closest);
/* The canonical name of an actor (fresh), or NULL. */
char *report_actor_name(struct store *s, int64_t id);

#endif
