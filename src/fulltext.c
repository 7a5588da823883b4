#include "config.h"

#include "fulltext.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "common/util.h"
#include "parse/extract.h"
#include "store/pages.h"

struct fulltext_page {
	struct page_due due;
	const char *user_agent;
	void *feed_arg;
};

bool fulltext_link_ok(const char *link)
{
	return link != NULL && (strncasecmp(link, "http://", 7) == 0 ||
				strncasecmp(link, "https://", 8) == 0);
}

bool fulltext_add_feed(struct fulltext_run *run, int64_t feed_id, const char *user_agent,
		       void *feed_arg)
{
	struct page_due *due;
	int n = store_pages_due(run->store, feed_id, FULLTEXT_PAGES_PER_FEED, &due);
	if (n <= 0)
		return n == 0;
	run->due = xrealloc(run->due, (run->ndue + (size_t)n) * sizeof(*run->due));
	for (int i = 0; i < n; i++) {
		struct fulltext_page *p = &run->due[run->ndue++];
		p->due = due[i];
		p->user_agent = user_agent;
		p->feed_arg = feed_arg;
	}
	free(due); /* its strings moved to run->due */
	return true;
}

/* What came of a fetched page: its text, or why there is none. */
static void page_outcome(struct fulltext_run *run, const struct fetch_job *job,
			 struct extracted *e, struct page_outcome *o)
{
	struct extract_options eo = {.charset = job->charset, .max_size = run->max_size};

	memset(e, 0, sizeof(*e));
	o->when = run->now;
	o->http_status = job->http_status;
	if (!job->ok) {
		o->error = job->error != NULL ? job->error : _("the transfer failed");
	} else if (job->not_modified) {
		o->not_modified = true;
	} else if (!extract_page(job->body.data != NULL ? job->body.data : "", job->body.len,
				 &eo, e)) {
		o->error = _("the page is larger than the limit (raise set max-size= in feeds.conf)");
	} else {
		o->text = e->text;
		o->charset = e->charset;
		o->etag = job->new_etag;
		o->last_modified = job->new_last_modified;
		if (e->text == NULL)
			o->note = _("no article text found on the page");
	}
}

static void on_page(void *arg, struct fetch_job *job)
{
	struct fulltext_run *run = arg;
	struct fulltext_page *p = job->arg;
	struct page_outcome o = {0};
	struct extracted e;

	page_outcome(run, job, &e, &o);
	if (!store_page_result(run->store, p->due.article_id, &o))
		run->store_failed = true;
	if (o.error != NULL) {
		run->failed++;
		if (run->failed_page != NULL)
			run->failed_page(run->arg, p->feed_arg, p->due.url, o.error, true);
	} else if (o.not_modified) {
		run->unchanged++;
	} else if (o.text != NULL) {
		run->texts++;
	} else if (run->failed_page != NULL) {
		/* Reported, but not a failure: the page is there, only no
		 * article in it (an index page, a video). */
		run->failed_page(run->arg, p->feed_arg, p->due.url, o.note, false);
	}
	extracted_free(&e);
	run->pages++;
	if (run->progress != NULL)
		run->progress(run->arg, run->pages, run->ndue);
}

void fulltext_fetch(struct fulltext_run *run, const struct fetch_options *fo)
{
	struct fetch_job *jobs = xcalloc(run->ndue ? run->ndue : 1, sizeof(*jobs));
	struct fetch_options o = *fo;

	/* Pages come from the feeds' links: never anything but the web. */
	o.web_only = true;
	for (size_t i = 0; i < run->ndue; i++) {
		struct fulltext_page *p = &run->due[i];
		jobs[i].url = p->due.url;
		jobs[i].etag = p->due.etag;
		jobs[i].last_modified = p->due.last_modified;
		jobs[i].user_agent = p->user_agent;
		jobs[i].arg = p;
	}
	if (run->ndue > 0)
		fetch_run(jobs, run->ndue, &o, on_page, run->stop, run);
	free(jobs);
}

void fulltext_free(struct fulltext_run *run)
{
	for (size_t i = 0; i < run->ndue; i++) {
		free(run->due[i].due.url);
		free(run->due[i].due.etag);
		free(run->due[i].due.last_modified);
	}
	free(run->due);
	run->due = NULL;
	run->ndue = 0;
}
