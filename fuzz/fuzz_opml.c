/* OPML subscription lists as other programs export them, or as an attacker
 * would write one.  Every feed that the parser returns is also written as
 * a feeds.conf line the way --import-opml writes it; a line that passes the
 * check must read back to the same URL, name and tags, or the import would
 * silently change what it was given. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "common/util.h"
#include "conf/feeds_conf.h"
#include "parse/opml.h"

static bool same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void check_round_trip(const struct opml_feed *f)
{
	char *tags = opml_feed_tags(f);
	struct feed_line l = {.url = f->url, .name = f->name, .actor = f->actor, .tags = tags,
			      .interval = f->interval, .fulltext = f->fulltext,
			      .user_agent = f->user_agent};
	struct buf line;
	buf_init(&line);
	feeds_conf_format_line(&line, &l);
	char *reason = NULL;
	struct feeds_conf conf;
	char *error = NULL;
	if (feeds_conf_check_line(line.data, &reason)) {
		if (!feeds_conf_parse("fuzz.conf", line.data, line.len, &conf, &error))
			abort(); /* checked alone, refused in a file */
		if (conf.nfeeds != 1 || !same(conf.feeds[0].url, f->url) ||
		    !same(conf.feeds[0].name, f->name) || !same(conf.feeds[0].tags, tags) ||
		    !same(conf.feeds[0].actor, f->actor))
			abort(); /* the line does not read back as written */
		feeds_conf_free(&conf);
	}
	free(reason);
	free(error);
	buf_free(&line);
	free(tags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml_doc doc;
	char *error = NULL;

	if (opml_parse((const char *)data, size, &doc, &error)) {
		for (size_t i = 0; i < doc.nfeeds; i++)
			check_round_trip(&doc.feeds[i]);
		opml_free(&doc);
	}
	free(error);
	return 0;
}
