/* Fetching documents over HTTP(S) with libcurl's multi interface: many
 * at once, few per host, conditional, bounded in size and time. */
#ifndef RETL_FETCH_H
#define RETL_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "common/util.h"

struct fetch_options {
	int jobs;	       /* transfers at once */
	int per_host;	       /* transfers at once to one host */
	long connect_timeout;  /* seconds */
	long timeout;	       /* seconds for a whole transfer */
	long low_speed_time;   /* abort after this many seconds below 1 KB/s */
	size_t max_size;       /* bytes of (decoded) body */
	const char *user_agent; /* the default User-Agent */
	long host_delay_ms;    /* between starts of transfers to one host */
	bool web_only;	       /* web pages: http and https only, even for file:///
				  URLs, and messages about pages, not feeds */
};

void fetch_default_options(struct fetch_options *o);

/* One document to fetch, and what came of it. */
struct fetch_job {
	/* Filled in by the caller. */
	const char *url;
	const char *etag;	   /* validators from the last fetch, or NULL */
	const char *last_modified;
	const char *user_agent;	   /* NULL: the default */
	void *arg;

	/* Filled in by fetch_run before the done callback. */
	bool ok;		   /* a 2xx or 304 answer, body complete */
	bool not_modified;	   /* 304 */
	long http_status;	   /* 0 when no HTTP answer came */
	char *error;		   /* why it failed, NULL if ok */
	struct buf body;
	char *new_etag;		   /* validators of this answer, or NULL */
	char *new_last_modified;
	char *charset;		   /* from Content-Type, or NULL */
	char *final_url;	   /* after redirects */

	/* Private to fetch.c. */
	void *easy;
	void *headers;
	char *host;
	size_t host_slot;
	size_t limit;
	bool too_large;
	int state;
	char errbuf[256];
};

/* Called as each job ends, in the order they end.  The job's results
 * are freed after it returns. */
typedef void (*fetch_done_fn)(void *arg, struct fetch_job *job);
/* Polled often: returning true stops starting new transfers and aborts
 * those under way (their jobs end with an "interrupted" error). */
typedef bool (*fetch_stop_fn)(void *arg);

void fetch_run(struct fetch_job *jobs, size_t njobs, const struct fetch_options *opts,
	       fetch_done_fn done, fetch_stop_fn stop, void *arg);

/* A copy of url with any password replaced by "***", for messages. */
char *url_redact(const char *url);

#endif
