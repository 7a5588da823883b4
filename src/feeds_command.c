#include "config.h"

#include "feeds_command.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/paths.h"
#include "common/safetext.h"
#include "common/util.h"
#include "conf/feeds_conf.h"
#include "conf/feeds_edit.h"
#include "fetch/fetch.h"
#include "parse/discover.h"
#include "parse/feed.h"
#include "parse/opml.h"
#include "present/opml_export.h"

/* The feeds.conf that an edit writes, and the list it starts from when
 * that file does not exist yet: the one retl was using. */
static char *edited_config_path(const char *given, char **base)
{
	*base = NULL;
	if (given != NULL)
		return xstrdup(given);
	const char *env = getenv("RETL_CONFIG");
	if (env != NULL && *env)
		return xstrdup(env);
	*base = shipped_config_path("feeds.conf");
	return user_config_path("feeds.conf");
}

static bool is_web_url(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
}

/* Other readers export sources that are not feeds: FreshRSS's page
 * scrapers (HTML+XPath, XML+XPath, JSON+DotNotation), links to other
 * lists, Liferea's search folders. */
static bool is_feed_type(const char *type)
{
	static const char *const not_feeds[] = {"xpath", "dotnotation", "link", "include",
						"vfolder"};
	if (type == NULL)
		return true;
	for (size_t i = 0; i < sizeof(not_feeds) / sizeof(not_feeds[0]); i++)
		if (strcasestr(type, not_feeds[i]) != NULL)
			return false;
	return true;
}

struct import {
	const char *shown; /* file, or "standard input" */
	enum verbosity verbosity;
	struct feeds_edit edit;
	size_t added, listed, refused;
};

static void refuse_feed(struct import *im, const struct opml_feed *f, const char *why)
{
	fprintf(stderr, _("retl: %s: line %d: skipped %s: %s\n"), im->shown, f->line, f->url, why);
	im->refused++;
}

static void import_feed(struct import *im, const struct opml_feed *f, const char *heading)
{
	if (!is_web_url(f->url)) {
		refuse_feed(im, f, _("not an http or https URL"));
		return;
	}
	if (!is_feed_type(f->type)) {
		char why[160];
		snprintf(why, sizeof(why), _("its type is %s: another reader's source, not a feed"),
			 f->type);
		refuse_feed(im, f, why);
		return;
	}
	if (feeds_edit_has(&im->edit, f->url)) {
		im->listed++;
		if (im->verbosity == VERBOSITY_VERBOSE)
			printf(_("already listed: %s\n"), f->url);
		return;
	}
	if (im->added == 0)
		feeds_edit_comment(&im->edit, heading);
	char *tags = opml_feed_tags(f);
	struct feed_line l = {.url = f->url, .name = f->name, .actor = f->actor, .tags = tags,
			      .interval = f->interval, .fulltext = f->fulltext,
			      .user_agent = f->user_agent};
	char *reason = NULL;
	if (feeds_edit_add(&im->edit, &l, &reason)) {
		im->added++;
		if (im->verbosity == VERBOSITY_VERBOSE)
			printf(_("added: %s\n"), f->url);
	} else {
		refuse_feed(im, f, reason);
	}
	free(reason);
	free(tags);
}

/* "Imported from FILE (TITLE) on YYYY-MM-DD", the comment above the feeds
 * an import adds. */
static char *import_heading(const struct import *im, const struct opml_doc *doc)
{
	char day[16];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "Imported from ");
	buf_puts(&b, im->shown);
	if (doc->title != NULL && *doc->title) {
		buf_puts(&b, " (");
		buf_puts(&b, doc->title);
		buf_putc(&b, ')');
	}
	buf_puts(&b, " on ");
	buf_puts(&b, day);
	return buf_steal(&b);
}

static void import_report(const struct import *im)
{
	if (im->verbosity == VERBOSITY_QUIET)
		return;
	printf(ngettext("Added %zu feed to %s", "Added %zu feeds to %s", im->added), im->added,
	       im->edit.path);
	if (im->listed > 0)
		printf(ngettext("; %zu was already listed", "; %zu were already listed", im->listed),
		       im->listed);
	if (im->refused > 0)
		printf(ngettext("; %zu was skipped", "; %zu were skipped", im->refused), im->refused);
	printf(".\n");
	if (im->added > 0 && im->edit.from_shipped)
		printf(_("The file is new: it starts with the %zu feeds retl shipped, which it "
			 "used until now.\n"),
		       im->edit.conf.nfeeds);
}

static int load_opml(const char *file, const char *shown, struct opml_doc *doc)
{
	struct buf text;
	buf_init(&text);
	if (!read_file_limited(file, OPML_MAX_SIZE, &text)) {
		fprintf(stderr, "retl: %s: %s\n", shown, strerror(errno));
		buf_free(&text);
		return 1;
	}
	char *error = NULL;
	bool ok = opml_parse(text.data != NULL ? text.data : "", text.len, doc, &error);
	buf_free(&text);
	if (!ok) {
		fprintf(stderr, _("retl: %s: %s; nothing imported\n"), shown, error);
		free(error);
		return 1;
	}
	return 0;
}

int import_opml_command(const char *file, const char *config_given, enum verbosity verbosity)
{
	struct import im = {.verbosity = verbosity};
	im.shown = strcmp(file, "-") == 0 ? _("standard input") : file;
	struct opml_doc doc;
	if (load_opml(file, im.shown, &doc) != 0)
		return 1;

	char *base = NULL, *error = NULL;
	char *path = edited_config_path(config_given, &base);
	bool opened = feeds_edit_open(&im.edit, path, base, &error);
	free(path);
	free(base);
	if (!opened) {
		fprintf(stderr, _("retl: %s; fix it, then import again\n"), error);
		free(error);
		opml_free(&doc);
		return 2;
	}
	char *heading = import_heading(&im, &doc);
	for (size_t i = 0; i < doc.nfeeds; i++)
		import_feed(&im, &doc.feeds[i], heading);
	free(heading);
	int rc = im.refused > 0 ? 1 : 0;
	if (im.added > 0 && !feeds_edit_commit(&im.edit, &error)) {
		fprintf(stderr, _("retl: cannot write %s; nothing imported\n"), error);
		free(error);
		rc = 1;
	} else {
		import_report(&im);
	}
	feeds_edit_free(&im.edit);
	opml_free(&doc);
	return rc;
}

int export_opml_command(const char *config_given)
{
	char *path = refresh_config_path(config_given);
	struct feeds_conf conf;
	char *error = NULL;
	if (!feeds_conf_load(path, &conf, &error)) {
		fprintf(stderr, "retl: %s\n", error);
		free(error);
		free(path);
		return 2;
	}
	free(path);
	bool ok = opml_export(&conf, stdout);
	feeds_conf_free(&conf);
	if (!ok) {
		fprintf(stderr, _("retl: cannot write the output: %s\n"), strerror(errno));
		return 1;
	}
	return 0;
}

/* ---- --add-feed ------------------------------------------------------------ */

/* What one fetch of a URL gave. */
struct fetched_doc {
	bool ok;
	char *error;
	char *final_url;
	char *charset;
	struct buf body;
};

static void on_fetched(void *arg, struct fetch_job *job)
{
	struct fetched_doc *d = arg;
	d->ok = job->ok;
	d->error = job->error != NULL ? xstrdup(job->error) : NULL;
	d->final_url = xstrdup(job->final_url != NULL ? job->final_url : job->url);
	d->charset = job->charset != NULL ? xstrdup(job->charset) : NULL;
	d->body = job->body; /* taken over: the job's copy is forgotten */
	buf_init(&job->body);
}

static bool never_stop(void *arg)
{
	(void)arg;
	return false;
}

static void fetch_one(const char *url, const char *user_agent, struct fetched_doc *d)
{
	struct fetch_options opts;
	fetch_default_options(&opts);
	struct fetch_job job;
	memset(&job, 0, sizeof(job));
	job.url = url;
	job.user_agent = user_agent;
	memset(d, 0, sizeof(*d));
	buf_init(&d->body);
	fetch_run(&job, 1, &opts, on_fetched, never_stop, d);
}

static void fetched_free(struct fetched_doc *d)
{
	free(d->error);
	free(d->final_url);
	free(d->charset);
	buf_free(&d->body);
}

/* What a fetched document is as a feed. */
struct feed_check {
	enum feed_status status;
	char *reason; /* when not a feed */
	char *title;
	const char *format;
	size_t entries;
};

static bool count_entry(void *arg, const struct feed_entry *entry, const struct feed_info *info)
{
	(void)entry;
	(void)info;
	(*(size_t *)arg)++;
	return true;
}

static const char *format_label(enum feed_format f)
{
	switch (f) {
	case FEED_FORMAT_RSS20:
		return "RSS 2.0";
	case FEED_FORMAT_RSS10:
		return "RSS 1.0";
	case FEED_FORMAT_RSS09X:
		return "RSS 0.9x";
	case FEED_FORMAT_ATOM10:
		return "Atom 1.0";
	case FEED_FORMAT_ATOM03:
		return "Atom 0.3";
	default:
		return "?";
	}
}

static void check_feed(const struct fetched_doc *d, struct feed_check *c)
{
	struct feed_options fo = {.url = d->final_url, .charset_hint = d->charset};
	memset(c, 0, sizeof(*c));
	struct feed_parser *p = feed_parser_new(&fo, count_entry, &c->entries);
	feed_parser_push(p, d->body.data != NULL ? d->body.data : "", d->body.len);
	c->status = feed_parser_finish(p);
	if (c->status == FEED_OK) {
		const struct feed_info *info = feed_parser_info(p);
		c->title = info->title != NULL ? safe_text(info->title) : NULL;
		c->format = format_label(info->format);
	} else {
		c->reason = xstrdup(feed_parser_reason(p));
	}
	feed_parser_free(p);
}

/* The settings after the URL, as feeds.conf's key=value words. */
static bool read_settings(char **words, int nwords, struct feed_line *l)
{
	for (int i = 0; i < nwords; i++) {
		char *eq = strchr(words[i], '=');
		if (eq == NULL || eq == words[i]) {
			fprintf(stderr, _("retl: --add-feed: '%s' is not a setting: write key=value, "
					  "e.g. name=\"USTR press\"\n"),
				words[i]);
			return false;
		}
		*eq = '\0';
		const char *key = words[i], *value = eq + 1;
		if (strcmp(key, "name") == 0)
			l->name = value;
		else if (strcmp(key, "actor") == 0)
			l->actor = value;
		else if (strcmp(key, "tags") == 0)
			l->tags = value;
		else if (strcmp(key, "interval") == 0)
			l->interval = value;
		else if (strcmp(key, "fulltext") == 0)
			l->fulltext = value;
		else if (strcmp(key, "user-agent") == 0)
			l->user_agent = value;
		else {
			fprintf(stderr,
				_("retl: --add-feed: unknown setting '%s' (name, actor, tags, "
				  "interval, fulltext or user-agent; see feeds.conf(5))\n"),
				key);
			return false;
		}
	}
	return true;
}

/* "ustr.gov/rss.xml" means https://ustr.gov/rss.xml. */
static char *full_url(const char *url)
{
	if (strstr(url, "://") != NULL)
		return xstrdup(url);
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "https://");
	buf_puts(&b, url);
	return buf_steal(&b);
}

/* A page that is not a feed: the feeds it links to.  One is taken (and
 * checked in turn); several are listed for the user to choose. */
static int try_discovery(const char *url, struct fetched_doc *d, struct feed_check *c,
			 const char *user_agent, char **chosen)
{
	char **found = NULL;
	size_t n = discover_feeds(d->body.data != NULL ? d->body.data : "", d->body.len,
				  d->final_url, &found);
	*chosen = NULL;
	if (n == 0) {
		fprintf(stderr, _("retl: %s: %s, and the page links to no feed; nothing added\n"),
			url, c->reason);
		return 1;
	}
	if (n > 1) {
		fprintf(stderr,
			_("retl: %s is a web page that links to %zu feeds; add the one you want:\n"),
			url, n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "  retl --add-feed %s\n", found[i]);
		discover_free(found, n);
		return 1;
	}
	fetched_free(d);
	free(c->reason);
	free(c->title);
	memset(c, 0, sizeof(*c));
	fetch_one(found[0], user_agent, d);
	if (d->ok)
		check_feed(d, c);
	if (!d->ok || c->status != FEED_OK) {
		fprintf(stderr, _("retl: %s links to %s, which is not a feed either (%s); nothing "
				  "added\n"),
			url, found[0], d->ok ? c->reason : d->error);
		discover_free(found, n);
		return 1;
	}
	*chosen = found[0];
	found[0] = NULL;
	discover_free(found, n);
	return 0;
}

int add_feed_command(const char *url_arg, char **settings, int nsettings,
		     const char *config_given, enum verbosity verbosity)
{
	struct feed_line l = {0};
	if (!read_settings(settings, nsettings, &l))
		return 2;
	char *url = full_url(url_arg);
	l.url = url;
	struct buf line;
	buf_init(&line);
	feeds_conf_format_line(&line, &l);
	buf_putc(&line, '\0');
	char *reason = NULL;
	bool valid = feeds_conf_check_line(line.data, &reason);
	buf_free(&line);
	if (!valid) {
		fprintf(stderr, _("retl: --add-feed: %s\n"), reason);
		free(reason);
		free(url);
		return 2;
	}

	char *base = NULL, *error = NULL;
	char *path = edited_config_path(config_given, &base);
	struct feeds_edit edit;
	bool opened = feeds_edit_open(&edit, path, base, &error);
	free(path);
	free(base);
	if (!opened) {
		fprintf(stderr, _("retl: %s; fix it, then add the feed again\n"), error);
		free(error);
		free(url);
		return 2;
	}
	int rc = 0;
	struct fetched_doc d;
	struct feed_check c = {0};
	char *chosen = NULL;
	if (feeds_edit_has(&edit, url)) {
		if (verbosity != VERBOSITY_QUIET)
			printf(_("%s is already in %s.\n"), url, edit.path);
		feeds_edit_free(&edit);
		free(url);
		return 0;
	}
	if (verbosity != VERBOSITY_QUIET && isatty(STDERR_FILENO))
		fprintf(stderr, _("retl: checking %s...\n"), url);
	fetch_one(url, l.user_agent, &d);
	if (!d.ok) {
		fprintf(stderr, _("retl: cannot fetch %s: %s; nothing added\n"), url, d.error);
		rc = 1;
	} else {
		check_feed(&d, &c);
		if (c.status != FEED_OK)
			rc = try_discovery(url, &d, &c, l.user_agent, &chosen);
	}
	bool listed = false;
	if (rc == 0 && chosen != NULL) {
		listed = feeds_edit_has(&edit, chosen);
		if (listed && verbosity != VERBOSITY_QUIET)
			printf(_("%s is a web page; the feed it links to, %s, is already in %s.\n"),
			       url, chosen, edit.path);
		l.url = chosen;
	}
	if (rc == 0 && !listed) {
		char *why = NULL;
		if (!feeds_edit_add(&edit, &l, &why) || !feeds_edit_commit(&edit, &why)) {
			fprintf(stderr, _("retl: cannot add the feed: %s\n"), why);
			free(why);
			rc = 1;
		} else if (verbosity != VERBOSITY_QUIET) {
			if (chosen != NULL)
				printf(_("%s is a web page; it links to the feed %s.\n"), url,
				       chosen);
			printf(ngettext("Added \"%s\" (%s, %zu entry now) to %s.\n",
					"Added \"%s\" (%s, %zu entries now) to %s.\n", c.entries),
			       c.title != NULL ? c.title : l.url, c.format, c.entries, edit.path);
			if (edit.from_shipped)
				printf(_("The file is new: it starts with the %zu feeds retl shipped, "
					 "which it used until now.\n"),
				       edit.conf.nfeeds);
			printf(_("Run retl --refresh (or press R in retl) to fetch it.\n"));
		}
	}
	free(c.reason);
	free(c.title);
	free(chosen);
	fetched_free(&d);
	feeds_edit_free(&edit);
	free(url);
	return rc;
}
