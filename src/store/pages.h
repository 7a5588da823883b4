/* The pages of articles fetched for their full text (fulltext=yes in
 * feeds.conf): which are due, their validators, and the text extracted. */
#ifndef RETL_PAGES_H
#define RETL_PAGES_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* A page is fetched again after a failure at the next refreshes, until
 * it has failed this many times in a row (a 404 or 410 at once). */
#define PAGE_MAX_FAILURES 3

/* Wants the page at url for an article: a new page is due; a known one is
 * due again when the entry changed (fetched conditionally), or when its
 * address changed.  Returns false on a database error. */
bool store_page_want(struct store *s, int64_t article_id, const char *url, bool entry_changed);

struct page_due {
	int64_t article_id;
	char *url, *etag, *last_modified;
};

/* Up to max due pages of a feed, newest articles first; returns how many
 * were put in *out (to free with store_pages_free), -1 on error. */
int store_pages_due(struct store *s, int64_t feed_id, int max, struct page_due **out);
void store_pages_free(struct page_due *pages, int n);

/* The outcome of fetching a page. */
struct page_outcome {
	int64_t when;
	long http_status;     /* 0 if no HTTP answer */
	const char *error;    /* NULL when fetched (and text extracted, or none found) */
	bool not_modified;    /* 304: the text stays */
	const char *etag, *last_modified, *charset;
	const char *text;     /* the extracted text, NULL when none */
	const char *note;     /* why there is no text, though the fetch went well */
};

bool store_page_result(struct store *s, int64_t article_id, const struct page_outcome *o);

/* What the reader shows about an article's page, or false when it has
 * none: *text is set when a text was extracted, *error to the last
 * failure (both fresh, or NULL). */
bool store_page_state(struct store *s, int64_t article_id, char **text, char **error,
		      int64_t *fetched);

#endif
