/* The feed model shared by every format, and the streaming parser that
 * fills it from RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents. */
#ifndef RETL_FEED_H
#define RETL_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum feed_format {
	FEED_FORMAT_UNKNOWN,
	FEED_FORMAT_RSS20,
	FEED_FORMAT_RSS10,
	FEED_FORMAT_RSS09X,
	FEED_FORMAT_ATOM10,
	FEED_FORMAT_ATOM03,
};

/* One entry (RSS item, Atom entry).  Strings are valid UTF-8 or NULL;
 * title and author are plain text, summary and content as the feed
 * carried them (decoded). */
struct feed_entry {
	char *id;
	char *title;
	char *link;
	char *author;
	char *summary;
	char *content;
	bool has_published;
	bool has_updated;
	int64_t published; /* seconds since the epoch, UTC */
	int64_t updated;
	char **categories;
	size_t ncategories;
};

/* What the document says about itself, complete once parsing ends. */
struct feed_info {
	enum feed_format format;
	char *title;
	char *link;
	char *subtitle;
	char *author; /* the feed's author, the entries' fallback */
	bool has_updated;
	int64_t updated;
	/* Damage recovered from, as "line L, column C: message". */
	char **errors;
	size_t nerrors;
	size_t errors_dropped; /* beyond FEED_MAX_ERRORS */
};

#define FEED_MAX_ERRORS 100
/* The default refusal size of a document. */
#define FEED_DEFAULT_MAX_SIZE ((size_t)32 * 1024 * 1024)

enum feed_status {
	FEED_OK,	  /* a feed (possibly with recovered damage) */
	FEED_NOT_A_FEED,  /* well or badly formed, but not RSS or Atom */
	FEED_TOO_LARGE,	  /* over the size limit: refused */
	FEED_STOPPED,	  /* the entry callback asked to stop */
};

struct feed_options {
	const char *url;	  /* the document's address, for relative links */
	const char *charset_hint; /* a transport's charset, or NULL */
	size_t max_size;	  /* 0 means FEED_DEFAULT_MAX_SIZE */
};

/* Called once for every complete entry, in document order.  The entry and
 * its strings belong to the parser and live until the callback returns.
 * Returning false stops the parse (status FEED_STOPPED). */
typedef bool (*feed_entry_cb)(void *arg, const struct feed_entry *entry,
			      const struct feed_info *info);

struct feed_parser;

struct feed_parser *feed_parser_new(const struct feed_options *opts, feed_entry_cb cb,
				    void *arg);
/* Feeds the next len bytes of the document; returns false once parsing
 * has ended early (not a feed, too large, stopped): see feed_parser_finish. */
bool feed_parser_push(struct feed_parser *p, const char *data, size_t len);
/* Ends the document and returns its status. */
enum feed_status feed_parser_finish(struct feed_parser *p);
/* Why the document was refused, for FEED_NOT_A_FEED and FEED_TOO_LARGE. */
const char *feed_parser_reason(const struct feed_parser *p);
const struct feed_info *feed_parser_info(const struct feed_parser *p);
void feed_parser_free(struct feed_parser *p);

/* Parses a whole file ("-" for standard input) with the parser above.
 * On an I/O error returns FEED_NOT_A_FEED with *reason set (static or
 * owned by p). */
enum feed_status feed_parse_file(struct feed_parser *p, const char *path);

const char *feed_format_name(enum feed_format format);

#endif
