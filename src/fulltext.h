/* The full-text step of a refresh: for feeds with fulltext=yes, fetch the
 * pages of their new and changed entries (at most two at a time to a host,
 * conditionally, within the feeds' limits), extract each page's main text
 * and store it for the analysis to read instead of the feed's summary. */
#ifndef RETL_FULLTEXT_H
#define RETL_FULLTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fetch/fetch.h"
#include "parse/feed.h"
#include "store/store.h"

/* The pages of one feed fetched in one refresh, newest entries first. */
#define FULLTEXT_PAGES_PER_FEED 50

/* Whether an entry's link can be fetched for its text: http and https
 * only (a feed must not make retl read file: or other URLs). */
bool fulltext_link_ok(const char *link);

struct fulltext_run {
	/* Set by the caller. */
	struct store *store;
	int64_t now;
	size_t max_size; /* of one page */
	fetch_stop_fn stop;
	/* Called as pages end (done of total), and for each page that failed
	 * (failure set) or had no article text, with the feed's arg, the
	 * page's address and why. */
	void (*progress)(void *arg, size_t done, size_t total);
	void (*failed_page)(void *arg, void *feed_arg, const char *url, const char *why,
			    bool failure);
	void *arg;

	/* Results. */
	size_t pages, texts, unchanged, failed;
	bool store_failed; /* a result could not be stored */

	/* Private. */
	struct fulltext_page *due;
	size_t ndue;
};

/* Adds the due pages of a feed (fetched with its user_agent, NULL: the
 * default); feed_arg comes back in the failed callback.  Returns false on
 * a database error. */
bool fulltext_add_feed(struct fulltext_run *run, int64_t feed_id, const char *user_agent,
		       void *feed_arg);

/* Fetches, extracts and stores every page added; each page's outcome is
 * committed as it comes. */
void fulltext_fetch(struct fulltext_run *run, const struct fetch_options *fo);

void fulltext_free(struct fulltext_run *run);

#endif
