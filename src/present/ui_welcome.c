#include "config.h"

#include "present/ui_welcome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/paths.h"
#include "common/util.h"
#include "conf/feeds_conf.h"
#include "refresh.h"

#define MAX_SOURCES 10

static void paragraph(struct buf *b, const char *text)
{
	if (b->len > 0)
		buf_puts(b, "\n\n");
	buf_puts(b, text);
}

/* "USTR, BIS, OFAC, ... and 3 more": who the feeds speak for (their
 * actor=, else their name), each once. */
static char *sources(const struct feeds_conf *conf)
{
	const char *seen[MAX_SOURCES];
	size_t nseen = 0, more = 0;
	for (size_t i = 0; i < conf->nfeeds; i++) {
		const char *who = conf->feeds[i].actor != NULL ? conf->feeds[i].actor
							       : conf->feeds[i].name;
		if (who == NULL)
			continue;
		bool known = false;
		for (size_t k = 0; k < nseen && !known; k++)
			known = strcmp(seen[k], who) == 0;
		if (known)
			continue;
		if (nseen < MAX_SOURCES)
			seen[nseen++] = who;
		else
			more++;
	}
	struct buf b;
	buf_init(&b);
	for (size_t k = 0; k < nseen; k++) {
		if (k > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, seen[k]);
	}
	if (more > 0) {
		char tail[64];
		snprintf(tail, sizeof(tail), ngettext(" and %zu more", " and %zu more", more), more);
		buf_puts(&b, tail);
	}
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

char *ui_welcome_text(const char *config_given)
{
	struct buf b;
	char line[1024];
	buf_init(&b);
	paragraph(&b, _("Welcome to retl. The timeline is empty: nothing has been fetched yet."));

	char *path = refresh_config_path(config_given);
	char *shipped = shipped_config_path("feeds.conf");
	char *user = user_config_path("feeds.conf");
	bool own = strcmp(path, shipped) != 0;
	const char *editable = own ? path : user;
	struct feeds_conf conf;
	char *error = NULL;
	if (!feeds_conf_load(path, &conf, &error)) {
		snprintf(line, sizeof(line),
			 _("The feed list has an error: %s. Fix it (see man feeds.conf), then press "
			   "R to fetch the feeds."),
			 error);
		paragraph(&b, line);
		free(error);
	} else {
		char *who = sources(&conf);
		if (own)
			snprintf(line, sizeof(line),
				 ngettext("Your feed list, %s, has %zu feed.",
					  "Your feed list, %s, has %zu feeds.", conf.nfeeds),
				 path, conf.nfeeds);
		else
			snprintf(line, sizeof(line),
				 ngettext("You have no feeds.conf of your own, so retl uses the list "
					  "it ships, %s: %zu feed, from %s.",
					  "You have no feeds.conf of your own, so retl uses the list "
					  "it ships, %s: %zu feeds, from %s.",
					  conf.nfeeds),
				 path, conf.nfeeds, who);
		paragraph(&b, line);
		free(who);
		feeds_conf_free(&conf);
		paragraph(&b, _("Press R to fetch them now, or run retl --refresh (from cron, "
				"say, every hour)."));
	}
	snprintf(line, sizeof(line),
		 _("To follow feeds of your own: retl --add-feed URL [name=NAME] checks a feed "
		   "and adds it to %s; retl --import-opml FILE brings your feeds from another "
		   "reader; or edit that file (see man feeds.conf)."),
		 editable);
	paragraph(&b, line);
	if (!own)
		paragraph(&b, _("That file starts as a copy of the shipped list, so no feed is "
				"lost."));
	paragraph(&b, _("To look around first, quit with q and run retl --demo. Press ? for "
			"every key."));
	free(path);
	free(shipped);
	free(user);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}
