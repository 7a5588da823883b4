#include "config.h"

#include "fetch/fetch.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/i18n.h"
#include "common/util.h"

enum job_state { JOB_PENDING, JOB_RUNNING, JOB_DONE };

void fetch_default_options(struct fetch_options *o)
{
	o->jobs = 8;
	o->per_host = 2;
	o->connect_timeout = 15;
	o->timeout = 60;
	o->low_speed_time = 30;
	o->max_size = (size_t)32 << 20;
	o->host_delay_ms = 0;
	o->web_only = false;
	o->user_agent = "retl/" PACKAGE_VERSION " (+" PACKAGE_URL ")";
}

char *url_redact(const char *url)
{
	CURLU *u = curl_url();
	char *password = NULL, *out = NULL, *result;

	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PASSWORD, &password, 0) == CURLUE_OK) {
		curl_url_set(u, CURLUPART_PASSWORD, "***", 0);
		curl_url_get(u, CURLUPART_URL, &out, 0);
	}
	if (out != NULL)
		result = xstrdup(out);
	else if (password != NULL || strchr(url, '@') != NULL)
		result = xstrdup(_("(a URL with credentials)"));
	else
		result = xstrdup(url);
	curl_free(password);
	curl_free(out);
	curl_url_cleanup(u);
	return result;
}

/* The host of url, lower case, for the per-host limit. */
static char *host_of(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL, *result;

	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK)
		curl_url_get(u, CURLUPART_HOST, &host, 0);
	result = xstrdup(host != NULL ? host : "");
	for (char *p = result; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	curl_free(host);
	curl_url_cleanup(u);
	return result;
}

static size_t on_body(char *data, size_t size, size_t count, void *arg)
{
	struct fetch_job *job = arg;
	size_t n = size * count;

	/* The limit holds for the decoded body, so a gzip bomb stops here. */
	if (job->body.len + n > job->limit) {
		job->too_large = true;
		return 0; /* aborts the transfer */
	}
	buf_append(&job->body, data, n);
	return n;
}

/* A copy of a header's value, trimmed. */
static char *header_value(const char *line, size_t len, size_t name_len)
{
	const char *v = line + name_len;
	const char *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
		end--;
	return end > v ? xstrndup(v, (size_t)(end - v)) : NULL;
}

static void replace(char **field, char *value)
{
	free(*field);
	*field = value;
}

static char *charset_of(const char *content_type)
{
	const char *p = content_type != NULL ? strcasestr(content_type, "charset=") : NULL;
	if (p == NULL)
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	size_t n = strcspn(p, "\"; \t");
	return n > 0 && n < 40 ? xstrndup(p, n) : NULL;
}

static size_t on_header(char *data, size_t size, size_t count, void *arg)
{
	struct fetch_job *job = arg;
	size_t n = size * count;

	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new response (after a redirect): forget the last one's. */
		replace(&job->new_etag, NULL);
		replace(&job->new_last_modified, NULL);
		replace(&job->charset, NULL);
	} else if (n > 5 && strncasecmp(data, "ETag:", 5) == 0) {
		replace(&job->new_etag, header_value(data, n, 5));
	} else if (n > 14 && strncasecmp(data, "Last-Modified:", 14) == 0) {
		replace(&job->new_last_modified, header_value(data, n, 14));
	} else if (n > 13 && strncasecmp(data, "Content-Type:", 13) == 0) {
		char *type = header_value(data, n, 13);
		replace(&job->charset, charset_of(type));
		free(type);
	}
	return n;
}

static struct curl_slist *conditional_headers(const struct fetch_job *job)
{
	struct curl_slist *list = NULL;
	struct buf b;

	buf_init(&b);
	if (job->etag != NULL && strpbrk(job->etag, "\r\n") == NULL) {
		buf_puts(&b, "If-None-Match: ");
		buf_puts(&b, job->etag);
		list = curl_slist_append(list, b.data);
	}
	if (job->last_modified != NULL && strpbrk(job->last_modified, "\r\n") == NULL) {
		buf_reset(&b);
		buf_puts(&b, "If-Modified-Since: ");
		buf_puts(&b, job->last_modified);
		list = curl_slist_append(list, b.data);
	}
	buf_free(&b);
	return list;
}

static bool is_file_url(const char *url)
{
	return strncasecmp(url, "file:///", 8) == 0;
}

static CURL *make_easy(struct fetch_job *job, const struct fetch_options *o)
{
	CURL *easy = curl_easy_init();
	if (easy == NULL)
		return NULL;
	job->headers = conditional_headers(job);
	curl_easy_setopt(easy, CURLOPT_URL, job->url);
	curl_easy_setopt(easy, CURLOPT_PRIVATE, job);
	curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
	/* A feed is read over the network, or from a local file when
	 * feeds.conf says file:///; never redirected to a file. */
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR,
			 is_file_url(job->url) && !o->web_only ? "file" : "http,https");
	curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); /* all curl can decode */
	curl_easy_setopt(easy, CURLOPT_USERAGENT,
			 job->user_agent != NULL ? job->user_agent : o->user_agent);
	curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(easy, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1024L);
	curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, o->low_speed_time);
	curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_size);
	curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(easy, CURLOPT_WRITEDATA, job);
	curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(easy, CURLOPT_HEADERDATA, job);
	curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job->errbuf);
	if (job->headers != NULL)
		curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job->headers);
	return easy;
}

static void set_error(struct fetch_job *job, const char *msg)
{
	replace(&job->error, xstrdup(msg));
}

/* What the user can do about a failed transfer, or NULL. */
static const char *transfer_hint(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return _("check the URL and the network");
	case CURLE_COULDNT_CONNECT:
		return _("check the URL, or try again later");
	case CURLE_OPERATION_TIMEDOUT:
		return _("try again later, or raise set timeout= in feeds.conf");
	default:
		return NULL;
	}
}

/* What an HTTP error status means for a page of an article, or NULL. */
static const char *page_status_hint(long status)
{
	if (status == 404 || status == 410)
		return _("the page is gone");
	if (status == 401 || status == 403)
		return _("access refused: the site may need a login or another user-agent=");
	if (status == 429)
		return _("too many requests: set host-delay= in feeds.conf");
	if (status >= 500 && status < 600)
		return _("the server failed: retried at the next refresh");
	return NULL;
}

/* What an HTTP error status means for a feed, or NULL. */
static const char *status_hint(long status)
{
	if (status == 404 || status == 410)
		return _("no feed at this address: check the URL in feeds.conf");
	if (status == 401 || status == 403)
		return _("access refused: the feed may need a login or another user-agent=");
	if (status == 429)
		return _("too many requests: set a longer interval= for this feed");
	if (status >= 500 && status < 600)
		return _("the server failed: try again later");
	return NULL;
}

/* Fills in the job's outcome from its finished transfer. */
static void finish_job(struct fetch_job *job, CURLcode rc, const struct fetch_options *o)
{
	size_t max_size = o->max_size;
	CURL *easy = job->easy;
	char *final = NULL;

	curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &job->http_status);
	curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &final);
	job->final_url = xstrdup(final != NULL ? final : job->url);
	if (job->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		char msg[192];
		snprintf(msg, sizeof(msg),
			 _("the document is larger than the limit of %zu bytes (raise set "
			   "max-size= in feeds.conf)"),
			 max_size);
		set_error(job, msg);
	} else if (rc != CURLE_OK) {
		const char *why = job->errbuf[0] ? job->errbuf : curl_easy_strerror(rc);
		const char *hint = transfer_hint(rc);
		char msg[CURL_ERROR_SIZE + 192];
		if (hint != NULL)
			snprintf(msg, sizeof(msg), "%s (%s)", why, hint);
		else
			snprintf(msg, sizeof(msg), "%s", why);
		set_error(job, msg);
	} else if (job->http_status == 304) {
		job->ok = true;
		job->not_modified = true;
	} else if ((job->http_status >= 200 && job->http_status < 300) ||
		   (job->http_status == 0 && is_file_url(job->url))) {
		job->ok = true;
	} else {
		const char *hint = o->web_only ? page_status_hint(job->http_status)
					       : status_hint(job->http_status);
		char msg[192];
		if (hint != NULL)
			snprintf(msg, sizeof(msg), _("HTTP status %ld: %s"), job->http_status,
				 hint);
		else
			snprintf(msg, sizeof(msg), _("HTTP status %ld"), job->http_status);
		set_error(job, msg);
	}
}

static void release_job(struct fetch_job *job)
{
	curl_easy_cleanup(job->easy);
	curl_slist_free_all(job->headers);
	job->easy = NULL;
	job->headers = NULL;
	job->state = JOB_DONE;
}

static void free_results(struct fetch_job *job)
{
	buf_free(&job->body);
	replace(&job->error, NULL);
	replace(&job->new_etag, NULL);
	replace(&job->new_last_modified, NULL);
	replace(&job->charset, NULL);
	replace(&job->final_url, NULL);
	replace(&job->host, NULL);
}

/* A host and what is under way to it: the per-host limit and delay. */
struct host {
	char *name;
	size_t running;
	int64_t next_start; /* ms, monotonic: no new transfer before it */
};

struct runner {
	CURLM *multi;
	struct fetch_job *jobs;
	size_t njobs;
	const struct fetch_options *opts;
	size_t running;
	size_t first_pending; /* no pending job before this index */
	struct host *hosts;
	size_t nhosts;
	int64_t next_wakeup; /* ms: the earliest a delayed job may start, 0: none */
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One host entry per distinct host of the jobs, found by binary search. */
static void index_hosts(struct runner *r)
{
	char **names = xcalloc(r->njobs ? r->njobs : 1, sizeof(*names));
	for (size_t i = 0; i < r->njobs; i++)
		names[i] = r->jobs[i].host;
	qsort(names, r->njobs, sizeof(*names), compare_names);
	r->hosts = xcalloc(r->njobs ? r->njobs : 1, sizeof(*r->hosts));
	for (size_t i = 0; i < r->njobs; i++)
		if (r->nhosts == 0 || strcmp(r->hosts[r->nhosts - 1].name, names[i]) != 0)
			r->hosts[r->nhosts++].name = names[i];
	free(names);
	for (size_t i = 0; i < r->njobs; i++) {
		size_t lo = 0, hi = r->nhosts;
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(r->hosts[mid].name, r->jobs[i].host) <= 0)
				lo = mid;
			else
				hi = mid;
		}
		r->jobs[i].host_slot = lo;
	}
}

/* Starts pending jobs while there is room, overall and per host, and the
 * host's delay since its last start has passed. */
static void start_more(struct runner *r)
{
	int64_t now = r->opts->host_delay_ms > 0 ? now_ms() : 0;

	r->next_wakeup = 0;
	while (r->first_pending < r->njobs && r->jobs[r->first_pending].state != JOB_PENDING)
		r->first_pending++;
	for (size_t i = r->first_pending;
	     i < r->njobs && r->running < (size_t)r->opts->jobs; i++) {
		struct fetch_job *job = &r->jobs[i];
		struct host *h = &r->hosts[job->host_slot];
		if (job->state != JOB_PENDING || h->running >= (size_t)r->opts->per_host)
			continue;
		if (h->next_start > now) {
			if (r->next_wakeup == 0 || h->next_start < r->next_wakeup)
				r->next_wakeup = h->next_start;
			continue;
		}
		job->easy = make_easy(job, r->opts);
		if (job->easy == NULL) {
			set_error(job, _("cannot create a transfer"));
			job->state = JOB_DONE;
			continue;
		}
		job->limit = r->opts->max_size;
		curl_multi_add_handle(r->multi, job->easy);
		job->state = JOB_RUNNING;
		h->running++;
		h->next_start = now + r->opts->host_delay_ms;
		r->running++;
	}
}

/* How long to wait for the network: less when a delayed job is due. */
static int poll_timeout(const struct runner *r)
{
	if (r->next_wakeup == 0)
		return 250;
	int64_t wait = r->next_wakeup - now_ms();
	return wait < 1 ? 1 : wait > 250 ? 250 : (int)wait;
}

static void abort_running(struct runner *r, fetch_done_fn done, void *arg)
{
	for (size_t i = 0; i < r->njobs; i++) {
		struct fetch_job *job = &r->jobs[i];
		if (job->state != JOB_RUNNING)
			continue;
		curl_multi_remove_handle(r->multi, job->easy);
		release_job(job);
		r->hosts[job->host_slot].running--;
		set_error(job, _("interrupted"));
		done(arg, job);
		free_results(job);
	}
	r->running = 0;
}

void fetch_run(struct fetch_job *jobs, size_t njobs, const struct fetch_options *opts,
	       fetch_done_fn done, fetch_stop_fn stop, void *arg)
{
	struct runner r = {curl_multi_init(), jobs, njobs, opts, 0, 0, NULL, 0, 0};

	for (size_t i = 0; i < njobs; i++) {
		buf_init(&jobs[i].body);
		jobs[i].host = host_of(jobs[i].url);
		jobs[i].state = JOB_PENDING;
	}
	index_hosts(&r);
	/* start_more keeps to jobs and per_host itself; capping curl's total
	 * connections too would make it close a kept-alive connection to one
	 * host for every transfer to another. */
	curl_multi_setopt(r.multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)opts->per_host);
	for (;;) {
		if (stop(arg)) {
			abort_running(&r, done, arg);
			break;
		}
		start_more(&r);
		if (r.running == 0 && r.next_wakeup == 0)
			break;
		int still;
		curl_multi_perform(r.multi, &still);
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(r.multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			struct fetch_job *job = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&job);
			CURLcode rc = msg->data.result;
			curl_multi_remove_handle(r.multi, msg->easy_handle);
			finish_job(job, rc, opts);
			release_job(job);
			r.hosts[job->host_slot].running--;
			r.running--;
			done(arg, job);
			free_results(job);
			/* Refill the slot now, not after the next network event. */
			if (!stop(arg))
				start_more(&r);
		}
		curl_multi_poll(r.multi, NULL, 0, poll_timeout(&r), NULL);
	}
	/* The host names belong to the jobs: the table goes first. */
	free(r.hosts);
	for (size_t i = 0; i < njobs; i++)
		free_results(&jobs[i]);
	curl_multi_cleanup(r.multi);
}
