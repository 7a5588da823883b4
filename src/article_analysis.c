#include "config.h"

#include "article_analysis.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "analyse/text.h"
#include "common/i18n.h"
#include "common/util.h"
#include "parse/date.h"
#include "parse/decode.h"
#include "present/analysis_json.h"
#include "refresh.h"
#include "store/analysis_store.h"

/* Articles analysed per transaction by --reanalyze. */
#define REANALYZE_BATCH 256
/* The largest plain-text article --analyze reads. */
#define MAX_ARTICLE_SIZE ((size_t)16 << 20)

/* Where the time of analysing stored articles goes, for --reanalyze -v. */
struct analysis_times {
	size_t articles, bytes; /* bytes of text, after HTML */
	double text, analysis, store; /* seconds */
};

struct analyser {
	struct actors *actors;
	int64_t *actor_ids;
	struct analysis_writer *writer;
	struct analysis_times times;
};

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct actors *load_actors(char **error)
{
	char **paths = actors_paths();
	struct actors *a = actors_load((const char *const *)paths, error);
	actors_paths_free(paths);
	return a;
}

struct analyser *analyser_new(struct store *s, char **error, bool *config_error)
{
	struct analyser *an = xcalloc(1, sizeof(*an));

	*config_error = false;
	an->actors = load_actors(error);
	if (an->actors == NULL) {
		*config_error = true;
		free(an);
		return NULL;
	}
	an->actor_ids = store_sync_actors(s, an->actors, error);
	an->writer = an->actor_ids != NULL ? analysis_writer_new(s) : NULL;
	if (an->writer == NULL) {
		if (an->actor_ids != NULL)
			*error = xstrdup(store_error(s));
		analyser_free(an);
		return NULL;
	}
	return an;
}

void analyser_free(struct analyser *an)
{
	if (an == NULL)
		return;
	analysis_writer_free(an->writer);
	free(an->actor_ids);
	actors_free(an->actors);
	free(an);
}

static struct ymd utc_date(int64_t t)
{
	char iso[DATE_ISO_LEN]; /* "YYYY-MM-DDTHH:MM:SSZ", always */
	struct ymd d;
	date_format_iso(t, iso);
	d.year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	d.month = (iso[5] - '0') * 10 + (iso[6] - '0');
	d.day = (iso[8] - '0') * 10 + (iso[9] - '0');
	return d;
}

bool analyser_run(struct analyser *an, int64_t article_id, bool fresh, const char *html,
		  bool plain, int64_t date)
{
	struct doc d = {0};
	size_t len;
	double t0 = seconds_now();
	/* A page's extracted text is plain already, its paragraphs apart. */
	char *text = plain ? xstrdup(html) : text_from_html(html, strlen(html), &len);
	if (plain)
		len = strlen(text);

	d.text = text;
	d.len = len;
	d.date = utc_date(date);
	double t1 = seconds_now();
	doc_split(&d);
	struct analysis *result = analyse_doc(&d, an->actors);
	double t2 = seconds_now();
	bool ok = analysis_writer_put(an->writer, article_id, fresh, &d, result, an->actor_ids);
	analysis_free(result);
	double t3 = seconds_now();
	an->times.articles++;
	an->times.bytes += len;
	an->times.text += t1 - t0;
	an->times.analysis += t2 - t1;
	an->times.store += t3 - t2;
	doc_free_spans(&d);
	free(text);
	return ok;
}

/* Reads "YYYY-MM-DD". */
static bool parse_day(const char *s, struct ymd *out)
{
	int64_t t;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !date_parse(s, &t))
		return false;
	*out = utc_date(t);
	return true;
}

static char *read_all(const char *path, size_t *len, char **error)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t n;

	if (f == NULL) {
		struct buf why;
		buf_init(&why);
		buf_puts(&why, _("cannot read it: "));
		buf_puts(&why, strerror(errno));
		*error = buf_steal(&why);
		return NULL;
	}
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len <= MAX_ARTICLE_SIZE)
		buf_append(&b, chunk, n);
	if (!is_stdin)
		fclose(f);
	if (b.len > MAX_ARTICLE_SIZE) {
		buf_free(&b);
		*error = xstrdup(_("the article is larger than 16 MiB"));
		return NULL;
	}
	*len = b.len;
	return buf_steal(&b);
}

int analyze_file_command(const char *path, const char *date)
{
	struct doc d = {0};
	char *error = NULL;
	size_t len = 0;

	if (date == NULL || !parse_day(date, &d.date)) {
		fprintf(stderr, _("retl: --analyze needs --date YYYY-MM-DD, the day the article "
				  "was written\n"));
		return 2;
	}
	struct actors *a = load_actors(&error);
	if (a == NULL) {
		fprintf(stderr, "retl: %s\n", error);
		free(error);
		return 2;
	}
	char *raw = read_all(path, &len, &error);
	if (raw == NULL) {
		fprintf(stderr, "retl: %s: %s\n", path, error);
		free(error);
		actors_free(a);
		return 1;
	}
	/* Plain text, but hostile bytes are still made valid UTF-8. */
	struct buf text;
	buf_init(&text);
	utf8_sanitize(&text, raw, len);
	free(raw);
	d.text = text.data != NULL ? text.data : "";
	d.len = text.len;
	doc_split(&d);
	struct analysis *an = analyse_doc(&d, a);
	analysis_json_print(stdout, &d, an, a);
	analysis_free(an);
	doc_free_spans(&d);
	buf_free(&text);
	actors_free(a);
	return fflush(stdout) == 0 ? 0 : 1;
}

static void reanalyze_progress(bool show, size_t done, int64_t total)
{
	if (!show)
		return;
	fprintf(stderr, "\r\033[K");
	fprintf(stderr, _("Analysing: %zu of %lld articles"), done, (long long)total);
	fflush(stderr);
}

/* One batch of articles in one transaction; returns how many, -1 on a
 * store error. */
static int analyse_batch(struct store *s, struct analyser *an, bool pending_only, int64_t *after)
{
	struct stored_article batch[REANALYZE_BATCH];
	int n = pending_only ? store_read_pending(s, *after, batch, REANALYZE_BATCH)
			     : store_read_articles(s, *after, batch, REANALYZE_BATCH);
	bool ok = n >= 0 && (n == 0 || store_begin(s));

	for (int i = 0; i < n; i++) {
		if (ok)
			ok = analyser_run(an, batch[i].id, batch[i].fresh, batch[i].html,
					  batch[i].plain, batch[i].date);
		*after = batch[i].id;
		stored_article_free(&batch[i]);
	}
	if (ok && n > 0)
		ok = store_commit(s);
	if (!ok) {
		store_rollback(s);
		return -1;
	}
	return n;
}

bool analyser_run_stored(struct analyser *an, struct store *s, bool pending_only, bool progress)
{
	int64_t total = progress ? store_count(s, "articles") : 0, after = 0;
	size_t done = 0;
	int n;

	while ((n = analyse_batch(s, an, pending_only, &after)) > 0) {
		done += (size_t)n;
		reanalyze_progress(progress, done, total);
	}
	if (progress)
		fputs("\r\033[K", stderr);
	return n == 0;
}

/* Lets only one background analysis run per database. */
static int take_analysis_lock(const char *db_path)
{
	struct buf path;
	buf_init(&path);
	buf_puts(&path, db_path);
	buf_puts(&path, ".analysis.lock");
	int fd = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	buf_free(&path);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* In the child: analyse what is pending, then leave. */
static void analyse_in_background(const char *db_path)
{
	char *error = NULL;
	bool config_error;
	int lock = take_analysis_lock(db_path);
	if (lock < 0)
		_exit(0); /* another one is at it */
	struct store *s = store_open(db_path, false, &error);
	struct analyser *an = s != NULL ? analyser_new(s, &error, &config_error) : NULL;
	if (an != NULL)
		analyser_run_stored(an, s, true, false);
	analyser_free(an);
	store_close(s);
	free(error);
	close(lock);
	_exit(0);
}

void analyse_pending_detached(const char *db_path)
{
	pid_t pid = fork();
	if (pid != 0)
		return; /* the parent, or fork failed: the next run catches up */
	setsid();
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	/* A second fork: the analysis is nobody's child to wait for. */
	if (fork() != 0)
		_exit(0);
	analyse_in_background(db_path);
}

/* --reanalyze -v: how much text, and where the time went. */
static void print_times(const struct analysis_times *t)
{
	double mb = (double)t->bytes / 1e6;
	fprintf(stderr,
		_("retl: %zu articles, %.1f MB of text: HTML to text %.2f s, analysis %.2f s"
		  " (%.1f MB/s), storing %.2f s\n"),
		t->articles, mb, t->text, t->analysis, t->analysis > 0 ? mb / t->analysis : 0.0,
		t->store);
}

int reanalyze_command(const char *db_path, int verbosity)
{
	bool quiet = verbosity == VERBOSITY_QUIET;
	char *error = NULL;
	char *path = refresh_db_path(db_path);
	struct store *s = store_open(path, false, &error);
	bool config_error;
	int status = 0;

	if (s == NULL) {
		/* The error names the store already. */
		if (access(path, F_OK) != 0)
			fprintf(stderr, _("retl: %s (run retl --refresh first)\n"), error);
		else
			fprintf(stderr, "retl: %s\n", error);
		free(error);
		free(path);
		return 1;
	}
	struct analyser *an = analyser_new(s, &error, &config_error);
	if (an == NULL) {
		if (config_error)
			fprintf(stderr, "retl: %s\n", error);
		else
			fprintf(stderr, "retl: %s: %s\n", path, error);
		free(error);
		store_close(s);
		free(path);
		return config_error ? 2 : 1;
	}
	bool show = !quiet && isatty(STDERR_FILENO);
	int64_t total = store_count(s, "articles");
	if (!analyser_run_stored(an, s, false, show)) {
		fprintf(stderr, _("retl: %s: cannot store the analysis: %s\n"), path,
			store_error(s));
		status = 1;
	} else if (show) {
		fprintf(stderr, _("%lld articles analysed\n"), (long long)total);
	}
	if (status == 0 && verbosity == VERBOSITY_VERBOSE)
		print_times(&an->times);
	analyser_free(an);
	store_close(s);
	free(path);
	return status;
}
