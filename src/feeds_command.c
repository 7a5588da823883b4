#include "config.h"

#include "feeds_command.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/i18n.h"
#include "common/paths.h"
#include "common/util.h"
#include "conf/feeds_conf.h"
#include "conf/feeds_edit.h"
#include "parse/opml.h"
#include "present/opml_export.h"

/* Reads all of file ("-": standard input) up to limit + 1 bytes. */
static bool slurp(const char *file, size_t limit, struct buf *out)
{
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	if (f == NULL)
		return false;
	char chunk[65536];
	size_t n;
	while (out->len <= limit && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(out, chunk, n);
	bool failed = ferror(f) != 0;
	if (f != stdin)
		fclose(f);
	if (failed)
		errno = EIO;
	return !failed;
}

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

static char *join_tags(const struct opml_feed *f)
{
	if (f->ntags == 0)
		return NULL;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < f->ntags; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		buf_puts(&b, f->tags[i]);
	}
	return buf_steal(&b);
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
	char *tags = join_tags(f);
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
	if (!slurp(file, OPML_MAX_SIZE, &text)) {
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
