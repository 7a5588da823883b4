/* Commands that edit or show the feed list: `retl --add-feed URL`,
 * `retl --import-opml FILE` and `retl --export-opml`. */
#ifndef RETL_FEEDS_COMMAND_H
#define RETL_FEEDS_COMMAND_H

#include "refresh.h"

/* Adds the feeds of an OPML file (- for standard input) to the user's
 * feeds.conf.  Returns the exit status: 0 all added or already listed,
 * 1 the file is unreadable or some outlines were refused, 2 feeds.conf
 * is broken. */
int import_opml_command(const char *file, const char *config_given, enum verbosity verbosity);

/* Appends URL, with the key=value settings given after it, to the user's
 * feeds.conf once a fetch has shown that it is a feed (or a page that
 * links to exactly one).  Returns the exit status: 0 added or already
 * listed, 1 not a feed or not reachable, 2 bad settings or feeds.conf. */
int add_feed_command(const char *url, char **settings, int nsettings,
		     const char *config_given, enum verbosity verbosity);

/* Prints the feeds of the feeds.conf in use as OPML 2.0. */
int export_opml_command(const char *config_given);

#endif
