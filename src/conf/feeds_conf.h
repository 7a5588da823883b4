/* feeds.conf: the feeds to follow, one a line (see feeds.conf(5)). */
#ifndef RETL_FEEDS_CONF_H
#define RETL_FEEDS_CONF_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Config files are small; anything bigger is a mistake or an attack. */
#define FEEDS_CONF_MAX_SIZE ((size_t)4 << 20)

struct feed_conf {
	char *url;
	char *name;	  /* NULL: the feed's own title */
	char *actor;	  /* the actor the source speaks for, or NULL */
	char *tags;	  /* comma-separated, or NULL */
	char *user_agent; /* NULL: retl's own */
	long interval;	  /* seconds between refreshes, 0: every time */
	bool fulltext;
	/* Whether the line itself set these, rather than a "set" default. */
	bool fulltext_set, interval_set, user_agent_set;
	int line;
};

struct feeds_conf {
	char *path;
	struct feed_conf *feeds;
	size_t nfeeds;
	/* Settings from "set" lines, the defaults for every feed. */
	int jobs;
	long timeout;	  /* seconds for one transfer, 0: the default */
	size_t max_size;  /* bytes of one document, 0: the default */
	long interval;
	char *user_agent;
	bool fulltext;
	long host_delay_ms; /* between requests to one host, 0: none */
};

/* Reads the file at path.  On error returns false with *error set to
 * "PATH:LINE: what is wrong" (to free) and nothing loaded. */
bool feeds_conf_load(const char *path, struct feeds_conf *conf, char **error);
/* The same for text already in memory; path only names it in errors. */
bool feeds_conf_parse(const char *path, const char *text, size_t len, struct feeds_conf *conf,
		      char **error);
void feeds_conf_free(struct feeds_conf *conf);

/* The settings of one feed line, as text; NULL: not set. */
struct feed_line {
	const char *url, *name, *actor, *tags, *interval, *fulltext, *user_agent;
};

/* Appends to b the line (without its newline) that feeds_conf_parse reads
 * back as l: values quoted and escaped where they need it. */
void feeds_conf_format_line(struct buf *b, const struct feed_line *l);

/* Whether line reads as one feed line; if not, *reason (to free) says why,
 * without a file or line number. */
bool feeds_conf_check_line(const char *line, char **reason);

/* Reads "90", "90s", "30m", "2h" or "1d" as seconds. */
bool parse_interval(const char *s, long *seconds);
/* Reads "500ms", "2s", "1m" (or plain seconds) as milliseconds, at
 * most ten minutes. */
bool parse_delay_ms(const char *s, long *ms);
/* Reads "1048576", "512K", "32M" or "1G" as bytes. */
bool parse_size(const char *s, size_t *bytes);

#endif
