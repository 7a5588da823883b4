/* What the UI reads from the store: the timeline a window at a time
 * (keyset paging on day_first and id, never the whole table), one
 * article with its quotes, the quotes under a filter, the actors with
 * their counts. */
#ifndef RETL_TIMELINE_H
#define RETL_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

#define TL_MAX_ACTORS 16

/* What the timeline shows: events involving any of the actors (none: all),
 * whose dates meet [from, to] ("" for open), in articles matching the
 * FTS5 query search ("" for none). */
struct tl_filter {
	int64_t actors[TL_MAX_ACTORS];
	size_t nactors;
	/* The actors have few events (the UI knows from the picker's
	 * counts): read them through event_actors and sort, instead of
	 * walking the timeline for the rare row that involves them. */
	bool sparse_actors;
	char from[11], to[11]; /* YYYY-MM-DD or "" */
	char search[256];
};

struct tl_row {
	int64_t id, article_id;
	char day[11];  /* day_first: the sort key */
	char date[16]; /* at its precision: 2025-11-20, 2025-W47, 2025-11 */
	bool published; /* the article's own publication: text is its title */
	bool unread;
	char *actors;	/* "MOFCOM, USTR" */
	char *text;
	char *source;
};

/* The position of a row in the order, for paging. */
struct tl_key {
	char day[11];
	int64_t id;
};

/* Up to max rows after key (key NULL: from the start), newest first
 * unless oldest_first; reversed: the rows before key instead, nearest
 * first.  Returns the count, -1 on error. */
int timeline_page(struct store *s, const struct tl_filter *f, bool oldest_first,
		  const struct tl_key *key, bool reversed, int max, struct tl_row *out);
void tl_row_free(struct tl_row *r);

/* Events per ISO week for the filter, the weeks newest first from the
 * week of day, at most nweeks: counts[0] is that week.  false on error. */
bool timeline_weeks(struct store *s, const struct tl_filter *f, const char *day, int nweeks,
		    int *counts);
/* The week of a YYYY-MM-DD: the day number of the Sunday that ends it. */
long timeline_week_of(const char *day);
/* Events under the filter; -1 on error. */
int64_t timeline_count(struct store *s, const struct tl_filter *f);

struct tl_quote {
	char *speaker, *actor, *text;
	size_t start, end; /* bytes in the article's text */
};

struct tl_article {
	int64_t id;
	char *title, *link, *source, *date, *text;
	char *actors;	 /* "MOFCOM (4), China (2)" */
	char *documents; /* "Announcement No. 62 of 2025" */
	struct tl_quote *quotes;
	size_t nquotes;
	/* Full text (fulltext=yes): whether the article has a page, whether
	 * its text was extracted, the last failure, when it was fetched; and
	 * the feed's own text (HTML), to show instead of the page's. */
	bool has_page, page_text;
	char *page_error; /* NULL: none */
	int64_t page_fetched;
	char *feed_html;
};

/* The article, its plain text (the analysed text: the page's when one was
 * extracted; NULL while it waits for its analysis), actors, documents and
 * quotes.  NULL if gone. */
struct tl_article *timeline_article(struct store *s, int64_t id);
void tl_article_free(struct tl_article *a);
bool timeline_mark_read(struct store *s, int64_t article_id);

/* Quotes in articles of the filter (actor: the quote's speaker's actor),
 * newest article first, from offset. */
struct tl_quote_row {
	int64_t article_id;
	size_t start;
	char date[11];
	char *speaker, *actor, *text;
};
int timeline_quotes(struct store *s, const struct tl_filter *f, int offset, int max,
		    struct tl_quote_row *out);
void tl_quote_row_free(struct tl_quote_row *q);

struct tl_actor {
	int64_t id;
	char *name;
	int64_t events;
};
/* Every actor with its count of events in the filter's date range, most
 * first; *n set.  NULL on error. */
struct tl_actor *timeline_actors(struct store *s, const struct tl_filter *f, size_t *n);
void tl_actors_free(struct tl_actor *a, size_t n);

/* Of the feeds, how many were fetched at or after since. */
bool timeline_feeds_done(struct store *s, int64_t since, int *done, int *total);

/* When feeds were last fetched (0: never) and how many failed then. */
bool timeline_last_refresh(struct store *s, int64_t *when, int *failing);

/* An FTS5 query of the user's words, each a quoted string: no word can
 * be taken for FTS5 syntax, and all must match.  Fresh. */
char *timeline_fts_query(const char *words);

/* Days since 1970-01-01 of a valid YYYY-MM-DD. */
long timeline_day_number(const char *day);
/* The same of a year, month (1-12) and day, and back. */
long timeline_days_from_civil(long y, long m, long d);
void timeline_civil_from_days(long days, int *y, int *m, int *d);

/* "2025", "2025-04", "2025-04-09" into the first and last day they cover. */
bool timeline_day_range(const char *s, char first[11], char last[11]);

#endif
