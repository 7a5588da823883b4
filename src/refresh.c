#include "config.h"

#include "refresh.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/paths.h"
#include "common/queue.h"
#include "article_analysis.h"
#include "common/util.h"
#include "conf/feeds_conf.h"
#include "fetch/fetch.h"
#include "fulltext.h"
#include "parse/feed.h"
#include "store/analysis_store.h"
#include "store/pages.h"
#include "store/store.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* What the refresh of one feed needs while its transfer runs. */
struct feed_task {
	const struct feed_conf *conf;
	struct feed_state state;
	char *label; /* its name, else its URL without password */
	bool fetched; /* in this refresh */
	size_t pages_failed; /* of its full-text pages */
	char *page_error;    /* the first page's failure, with its URL */
};

/* A finished transfer, handed from the fetching thread to the storing
 * one: fetching goes on while a feed is parsed and stored. */
struct fetched {
	struct queue_item item;
	struct feed_task *task;
	bool ok, not_modified;
	long http_status;
	char *error;
	struct buf body;
	char *etag, *last_modified, *charset, *final_url;
};

/* Bodies waiting to be stored are bounded, so a slow disk slows the
 * fetching rather than filling memory. */
#define QUEUE_MAX_BYTES ((size_t)64 << 20)

struct refresh {
	const struct refresh_args *args;
	const char *db_path;
	struct queue queue;
	struct analyser *analyser;
	struct store *store;
	struct feed_task *tasks;
	size_t ntasks;
	bool progress; /* a progress line on a terminal */
	size_t done, failed, skipped;
	size_t inserted, updated;
	size_t pages, pages_total, page_texts, pages_unchanged, pages_failed;
	bool fetching_pages;
	int64_t now;
	size_t max_size;
	/* The feed being stored, for the entry callback. */
	struct feed_task *current;
	size_t feed_new, feed_updated;
	bool store_failed;
	/* Feeds that answered 304: recorded together at the end, so a feed
	 * that has not changed costs no parsing and no write of its own. */
	size_t *unchanged; /* indexes into tasks */
	size_t nunchanged;
};

char *refresh_config_path(const char *given)
{
	if (given != NULL)
		return xstrdup(given);
	const char *env = getenv("RETL_CONFIG");
	if (env != NULL && *env)
		return xstrdup(env);
	char *user = user_config_path("feeds.conf");
	if (access(user, F_OK) == 0)
		return user;
	free(user);
	return shipped_config_path("feeds.conf");
}

char *refresh_db_path(const char *given)
{
	if (given != NULL)
		return xstrdup(given);
	const char *env = getenv("RETL_DB");
	if (env != NULL && *env)
		return xstrdup(env);
	return default_db_path();
}

static void clear_progress(const struct refresh *r)
{
	if (r->progress)
		fputs("\r\033[K", stderr);
}

static void show_progress(const struct refresh *r)
{
	if (!r->progress)
		return;
	fprintf(stderr, "\r\033[K");
	if (r->fetching_pages)
		fprintf(stderr, _("Fetching full text: %zu of %zu pages, %zu errors"), r->pages,
			r->pages_total, r->pages_failed);
	else
		fprintf(stderr, _("Refreshing: %zu of %zu feeds, %zu new articles, %zu errors"),
			r->done + r->skipped, r->ntasks, r->inserted, r->failed);
	fflush(stderr);
}

/* Messages about one feed, always led by its name. */
__attribute__((format(printf, 3, 4))) static void feed_message(const struct refresh *r,
								const struct feed_task *t,
								const char *fmt, ...)
{
	va_list ap;
	clear_progress(r);
	fprintf(stderr, "retl: %s: ", t->label);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool store_entry(void *arg, const struct feed_entry *e, const struct feed_info *info)
{
	struct refresh *r = arg;
	int64_t article_id = 0;
	(void)info;
	enum store_change change = store_put_entry(r->store, r->current->state.id, e, r->now,
						   &article_id);
	/* fulltext=yes: the entry's page is wanted, fetched after the feeds. */
	if (change != STORE_FAILED && r->current->conf->fulltext && fulltext_link_ok(e->link) &&
	    !store_page_want(r->store, article_id, e->link, change != STORE_UNCHANGED))
		change = STORE_FAILED;
	switch (change) {
	case STORE_INSERTED:
		r->feed_new++;
		break;
	case STORE_UPDATED:
		r->feed_updated++;
		break;
	case STORE_UNCHANGED:
		break;
	case STORE_FAILED:
		r->store_failed = true;
		return false;
	}
	return true;
}

/* The store's last error after the store's path, so that a full disk or
 * a read-only store is named (the caller frees it). */
static char *store_why(const struct refresh *r)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, r->db_path);
	buf_puts(&b, ": ");
	buf_puts(&b, store_error(r->store));
	return buf_steal(&b);
}

static void record_failure(struct refresh *r, struct feed_task *t, long status, const char *why)
{
	struct fetch_outcome o = {.when = r->now, .http_status = status, .error = why};
	store_rollback(r->store);
	if (!store_feed_result(r->store, t->state.id, &o))
		feed_message(r, t, _("cannot record the failure: %s: %s"), r->db_path,
			     store_error(r->store));
	r->failed++;
	feed_message(r, t, "%s", why);
}

static void report_damage(const struct refresh *r, const struct feed_task *t,
			  const struct feed_info *info)
{
	if (r->args->verbosity == VERBOSITY_QUIET || (!r->progress &&
						       r->args->verbosity != VERBOSITY_VERBOSE))
		return;
	for (size_t i = 0; i < info->nerrors; i++)
		feed_message(r, t, _("recovered: %s"), info->errors[i]);
}

/* Parses a fetched body and stores its entries, all in one transaction. */
static void store_body(struct refresh *r, struct feed_task *t, struct fetched *job)
{
	struct feed_options fo = {.url = job->final_url,
				  .charset_hint = job->charset,
				  .max_size = r->max_size};
	struct feed_parser *p = feed_parser_new(&fo, store_entry, r);

	r->current = t;
	r->feed_new = r->feed_updated = 0;
	r->store_failed = false;
	if (!store_begin(r->store)) {
		char *why = store_why(r);
		record_failure(r, t, job->http_status, why);
		free(why);
		feed_parser_free(p);
		return;
	}
	feed_parser_push(p, job->body.data != NULL ? job->body.data : "", job->body.len);
	enum feed_status status = feed_parser_finish(p);
	if (r->store_failed) {
		char *why = store_why(r);
		record_failure(r, t, job->http_status, why);
		free(why);
	} else if (status != FEED_OK) {
		record_failure(r, t, job->http_status, feed_parser_reason(p));
	} else {
		const struct feed_info *info = feed_parser_info(p);
		struct fetch_outcome o = {.when = r->now,
					  .http_status = job->http_status,
					  .success = true,
					  .etag = job->etag,
					  .last_modified = job->last_modified,
					  .info = info};
		if (!store_feed_result(r->store, t->state.id, &o) || !store_commit(r->store)) {
			char *why = store_why(r);
			record_failure(r, t, job->http_status, why);
			free(why);
		} else {
			r->inserted += r->feed_new;
			r->updated += r->feed_updated;
			report_damage(r, t, info);
			if (r->args->verbosity == VERBOSITY_VERBOSE)
				feed_message(r, t, _("%zu new, %zu updated"), r->feed_new,
					     r->feed_updated);
		}
	}
	feed_parser_free(p);
}

/* In the storing thread: one finished transfer into the store. */
static void store_fetched(struct refresh *r, struct fetched *f)
{
	struct feed_task *t = f->task;

	r->done++;
	if (!f->ok) {
		record_failure(r, t, f->http_status, f->error);
	} else if (f->not_modified) {
		r->unchanged[r->nunchanged++] = (size_t)(t - r->tasks);
		if (r->args->verbosity == VERBOSITY_VERBOSE)
			feed_message(r, t, _("not modified"));
	} else {
		store_body(r, t, f);
	}
	show_progress(r);
}

static void free_fetched(struct fetched *f)
{
	free(f->error);
	buf_free(&f->body);
	free(f->etag);
	free(f->last_modified);
	free(f->charset);
	free(f->final_url);
	free(f);
}

static void *storing_thread(void *arg)
{
	struct refresh *r = arg;
	struct queue_item *item;

	while ((item = queue_pop(&r->queue)) != NULL) {
		struct fetched *f = (struct fetched *)item;
		store_fetched(r, f);
		free_fetched(f);
	}
	return NULL;
}

/* Takes a string out of a finished job, leaving NULL behind. */
static char *take(char **field)
{
	char *s = *field;
	*field = NULL;
	return s;
}

/* In the fetching thread: hands a finished transfer over, taking its
 * body and strings rather than copying them. */
static void on_fetched(void *arg, struct fetch_job *job)
{
	struct refresh *r = arg;
	struct fetched *f = xcalloc(1, sizeof(*f));

	f->task = job->arg;
	f->ok = job->ok;
	f->not_modified = job->not_modified;
	f->http_status = job->http_status;
	f->error = take(&job->error);
	f->body = job->body;
	buf_init(&job->body);
	f->etag = take(&job->new_etag);
	f->last_modified = take(&job->new_last_modified);
	f->charset = take(&job->charset);
	f->final_url = take(&job->final_url);
	f->item.bytes = f->body.len;
	queue_push(&r->queue, &f->item);
}

/* Records every 304 of this refresh in one transaction. */
static void record_unchanged(struct refresh *r)
{
	struct fetch_outcome o = {.when = r->now, .http_status = 304, .success = true};
	bool ok = r->nunchanged == 0 || store_begin(r->store);

	for (size_t i = 0; ok && i < r->nunchanged; i++)
		ok = store_feed_result(r->store, r->tasks[r->unchanged[i]].state.id, &o);
	if (ok && r->nunchanged > 0)
		ok = store_commit(r->store);
	if (!ok) {
		clear_progress(r);
		fprintf(stderr, _("retl: cannot record the feeds that did not change: %s: %s\n"),
			r->db_path, store_error(r->store));
		store_rollback(r->store);
		r->failed++;
	}
}

static bool should_stop(void *arg)
{
	(void)arg;
	return interrupted != 0;
}

/* One refresh at a time: an exclusive lock on a file beside the database.
 * Returns the lock's descriptor, -1 when another refresh holds it (and
 * wait is off), -2 on error. */
static int take_lock(const char *db_path, bool wait)
{
	struct buf path;
	buf_init(&path);
	buf_puts(&path, db_path);
	buf_puts(&path, ".lock");
	if (!make_parent_dirs(path.data)) {
		buf_free(&path);
		return -2;
	}
	int fd = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	buf_free(&path);
	if (fd < 0)
		return -2;
	while (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		if (errno == EINTR && !interrupted)
			continue;
		close(fd);
		return errno == EWOULDBLOCK ? -1 : -2;
	}
	return fd;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* "Name (URL)", or the URL: the password, if any, left out. */
static char *task_label(const struct feed_conf *c)
{
	char *url = url_redact(c->url);
	if (c->name == NULL)
		return url;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, c->name);
	buf_puts(&b, " (");
	buf_puts(&b, url);
	buf_putc(&b, ')');
	free(url);
	return buf_steal(&b);
}

/* Prepares a task per feed that is due; returns the jobs to fetch. */
static struct fetch_job *plan(struct refresh *r, const struct feeds_conf *conf, size_t *njobs)
{
	struct fetch_job *jobs = xcalloc(conf->nfeeds, sizeof(*jobs));
	size_t n = 0;

	r->tasks = xcalloc(conf->nfeeds, sizeof(*r->tasks));
	r->ntasks = conf->nfeeds;
	r->unchanged = xcalloc(conf->nfeeds, sizeof(*r->unchanged));
	/* One transaction for all the feeds' rows, not one each. */
	bool in_transaction = store_begin(r->store);
	for (size_t i = 0; i < conf->nfeeds; i++) {
		struct feed_task *t = &r->tasks[i];
		t->conf = &conf->feeds[i];
		t->label = task_label(t->conf);
		if (!store_feed_prepare(r->store, t->conf, &t->state)) {
			feed_message(r, t, _("cannot read its state: %s: %s"), r->db_path,
				     store_error(r->store));
			r->failed++;
			continue;
		}
		if (!r->args->force && t->conf->interval > 0 && t->state.last_fetch > 0 &&
		    r->now - t->state.last_fetch < t->conf->interval) {
			r->skipped++;
			continue;
		}
		struct fetch_job *j = &jobs[n++];
		t->fetched = true;
		j->url = t->conf->url;
		j->etag = t->state.etag;
		j->last_modified = t->state.last_modified;
		j->user_agent = t->conf->user_agent;
		j->arg = t;
	}
	/* Without their rows (a full disk, a read-only store), the feeds
	 * cannot be stored: fetching them would be in vain. */
	if (in_transaction && !store_commit(r->store)) {
		clear_progress(r);
		fprintf(stderr, _("retl: cannot record the feeds: %s: %s\n"), r->db_path,
			store_error(r->store));
		store_rollback(r->store);
		r->failed += n;
		n = 0;
	}
	*njobs = n;
	return jobs;
}

/* The new and changed articles are analysed after they are stored: here
 * when they are few, as from an hourly cron job; when there are many (a
 * first refresh), by a detached process, so that the refresh does not
 * wait on the analysis. */
#define INLINE_ANALYSIS_BYTES ((int64_t)4 << 20)

static bool analyse_new_articles(struct refresh *r)
{
	int64_t pending = store_pending_bytes(r->store);
	if (pending <= 0 || interrupted)
		return pending > 0;
	if (pending > INLINE_ANALYSIS_BYTES)
		return true;
	if (!analyser_run_stored(r->analyser, r->store, true, false)) {
		clear_progress(r);
		fprintf(stderr, _("retl: cannot store the analysis: %s: %s\n"), r->db_path,
			store_error(r->store));
		r->failed++;
	}
	return false;
}

/* Fetches in this thread while another parses and stores.  The storing
 * thread takes no signals: they are for the fetching loop to notice. */
static bool run_threads(struct refresh *r, struct fetch_job *jobs, size_t njobs,
			const struct fetch_options *fo)
{
	pthread_t storer;
	sigset_t all, old;

	queue_init(&r->queue, QUEUE_MAX_BYTES);
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = pthread_create(&storer, NULL, storing_thread, r);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		fprintf(stderr, _("retl: cannot start a thread: %s\n"), strerror(rc));
		queue_destroy(&r->queue);
		return false;
	}
	fetch_run(jobs, njobs, fo, on_fetched, should_stop, r);
	queue_close(&r->queue);
	pthread_join(storer, NULL);
	queue_destroy(&r->queue);
	return true;
}

static void page_progress(void *arg, size_t done, size_t total)
{
	struct refresh *r = arg;
	r->pages = done;
	r->pages_total = total;
	show_progress(r);
}

/* A page that failed is told at once with -v; else each feed's failures
 * are told in one line at the end. */
static void page_failed(void *arg, void *feed_arg, const char *url, const char *why,
			bool failure)
{
	struct refresh *r = arg;
	struct feed_task *t = feed_arg;
	if (failure)
		r->pages_failed++;
	if (r->args->verbosity == VERBOSITY_VERBOSE) {
		char *shown = url_redact(url);
		feed_message(r, t, "%s: %s", shown, why);
		free(shown);
		return;
	}
	if (!failure)
		return;
	if (t->pages_failed++ == 0) {
		struct buf b;
		char *shown = url_redact(url);
		buf_init(&b);
		buf_puts(&b, shown);
		buf_puts(&b, ": ");
		buf_puts(&b, why);
		t->page_error = buf_steal(&b);
		free(shown);
	}
}

static void report_page_failures(const struct refresh *r)
{
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct feed_task *t = &r->tasks[i];
		if (t->pages_failed == 1)
			feed_message(r, t, _("full text: %s"), t->page_error);
		else if (t->pages_failed > 1)
			feed_message(r, t, _("full text: %zu pages failed; the first: %s"),
				     t->pages_failed, t->page_error);
	}
}

/* After the feeds: the pages of the entries of fulltext=yes feeds. */
static void fetch_pages(struct refresh *r, const struct fetch_options *fo)
{
	struct fulltext_run run = {.store = r->store,
				   .now = r->now,
				   .max_size = r->max_size,
				   .stop = should_stop,
				   .progress = page_progress,
				   .failed_page = page_failed,
				   .arg = r};

	for (size_t i = 0; i < r->ntasks && !interrupted; i++) {
		struct feed_task *t = &r->tasks[i];
		if (!t->fetched || !t->conf->fulltext || t->state.id <= 0)
			continue;
		if (!fulltext_add_feed(&run, t->state.id, t->conf->user_agent, t)) {
			feed_message(r, t, _("cannot read its pages to fetch: %s: %s"), r->db_path,
				     store_error(r->store));
			r->pages_failed++;
		}
	}
	if (run.ndue > 0) {
		r->fetching_pages = true;
		r->pages_total = run.ndue;
		show_progress(r);
		fulltext_fetch(&run, fo);
		r->page_texts = run.texts;
		r->pages_unchanged = run.unchanged;
		if (run.store_failed) {
			clear_progress(r);
			fprintf(stderr, _("retl: cannot store the full text of some pages: %s: %s\n"),
				r->db_path, store_error(r->store));
			r->pages_failed++;
		}
		report_page_failures(r);
	}
	fulltext_free(&run);
}

static void summary(const struct refresh *r)
{
	clear_progress(r);
	if (r->args->verbosity == VERBOSITY_QUIET)
		return;
	if (!r->progress && r->args->verbosity != VERBOSITY_VERBOSE)
		return;
	fprintf(stderr, _("%zu feeds: %zu new articles, %zu updated, %zu failed, %zu not due\n"),
		r->ntasks, r->inserted, r->updated, r->failed, r->skipped);
	if (r->pages_total > 0)
		fprintf(stderr, _("%zu pages for full text: %zu with text, %zu not modified, "
				  "%zu failed\n"),
			r->pages, r->page_texts, r->pages_unchanged, r->pages_failed);
}

int refresh_run(const struct refresh_args *args)
{
	struct feeds_conf conf;
	char *error = NULL;
	char *config_path = refresh_config_path(args->config_path);
	char *db_path = refresh_db_path(args->db_path);
	struct refresh r = {.args = args, .db_path = db_path};
	int status = 0;

	if (!feeds_conf_load(config_path, &conf, &error)) {
		fprintf(stderr, "retl: %s\n", error);
		free(error);
		free(config_path);
		free(db_path);
		return 2;
	}
	free(config_path);
	install_signals();
	int lock = take_lock(db_path, args->wait);
	if (lock == -1) {
		if (args->verbosity != VERBOSITY_QUIET)
			fprintf(stderr, _("retl: another refresh is running; not starting a second "
					  "one (use --wait to wait for it)\n"));
		status = 0;
		goto out;
	}
	if (lock < 0) {
		fprintf(stderr, _("retl: %s: cannot take the refresh lock: %s\n"), db_path,
			strerror(errno));
		status = 1;
		goto out;
	}
	r.store = store_open(db_path, true, &error);
	if (r.store == NULL) {
		fprintf(stderr, "retl: %s\n", error);
		free(error);
		close(lock);
		status = 1;
		goto out;
	}
	bool config_error;
	r.analyser = analyser_new(r.store, &error, &config_error);
	if (r.analyser == NULL) {
		if (config_error)
			fprintf(stderr, "retl: %s\n", error);
		else
			fprintf(stderr, "retl: %s: %s\n", db_path, error);
		free(error);
		store_close(r.store);
		close(lock);
		status = config_error ? 2 : 1;
		goto out;
	}
	r.progress = isatty(STDERR_FILENO) && args->verbosity != VERBOSITY_QUIET;
	store_begin_bulk(r.store);
	r.now = (int64_t)time(NULL);

	size_t njobs;
	struct fetch_job *jobs = plan(&r, &conf, &njobs);
	struct fetch_options fo;
	fetch_default_options(&fo);
	fo.jobs = args->jobs > 0 ? args->jobs : conf.jobs;
	fo.host_delay_ms = conf.host_delay_ms;
	if (conf.timeout > 0)
		fo.timeout = conf.timeout;
	if (conf.max_size > 0)
		fo.max_size = conf.max_size;
	r.max_size = fo.max_size;
	show_progress(&r);
	if (!run_threads(&r, jobs, njobs, &fo))
		status = 1;
	record_unchanged(&r);
	if (!interrupted)
		fetch_pages(&r, &fo);
	bool analyse_later = analyse_new_articles(&r);
	store_end_bulk(r.store);
	free(jobs);
	summary(&r);
	if (interrupted) {
		fprintf(stderr, _("retl: interrupted; the feeds fetched so far are stored\n"));
		status = 1;
	} else if (r.failed > 0 || r.pages_failed > 0) {
		status = 1;
	}
	for (size_t i = 0; i < r.ntasks; i++) {
		feed_state_free(&r.tasks[i].state);
		free(r.tasks[i].label);
		free(r.tasks[i].page_error);
	}
	free(r.tasks);
	free(r.unchanged);
	analyser_free(r.analyser);
	store_close(r.store);
	close(lock);
	if (analyse_later)
		analyse_pending_detached(db_path);
out:
	feeds_conf_free(&conf);
	free(db_path);
	return status;
}
