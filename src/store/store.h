/* The timeline: an SQLite database in WAL mode (see schema.c). */
#ifndef RETL_STORE_H
#define RETL_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "conf/feeds_conf.h"
#include "parse/feed.h"

struct store;

/* Process-wide SQLite settings, before any store is opened: no memory
 * statistics, whose global mutex every allocation of SQLite takes. */
void store_init(void);

/* Opens (creating it mode 0600, and its folders 0700, when create is set)
 * and migrates the database at path.  On error returns NULL with *error
 * set (to free). */
struct store *store_open(const char *path, bool create, char **error);
void store_close(struct store *s);
/* The last SQLite error, for messages. */
const char *store_error(const struct store *s);

/* What a refresh needs to know about a feed before fetching it. */
struct feed_state {
	int64_t id;
	char *etag;
	char *last_modified;
	int64_t last_fetch; /* 0: never */
};

/* Finds or creates the feed of a feeds.conf line, updating its name, actor
 * and tags; fills state.  Returns false on a database error. */
bool store_feed_prepare(struct store *s, const struct feed_conf *conf, struct feed_state *state);
void feed_state_free(struct feed_state *state);

/* Around a refresh: fewer, larger WAL checkpoints while it writes, and
 * one when it ends. */
void store_begin_bulk(struct store *s);
void store_end_bulk(struct store *s);

bool store_begin(struct store *s);
bool store_commit(struct store *s);
void store_rollback(struct store *s);

enum store_change { STORE_UNCHANGED, STORE_INSERTED, STORE_UPDATED, STORE_FAILED };

/* Stores an entry of a feed: matched by id, then by link; a known entry is
 * updated when it changed, never duplicated. */
enum store_change store_put_entry(struct store *s, int64_t feed_id, const struct feed_entry *e,
				  int64_t now, int64_t *article_id);

/* The outcome of one fetch of a feed. */
struct fetch_outcome {
	int64_t when;
	long http_status; /* 0 if no HTTP answer */
	const char *error; /* NULL on success */
	bool success;
	const char *etag; /* new validators, NULL to keep the old */
	const char *last_modified;
	const struct feed_info *info; /* the parsed feed, or NULL */
};

bool store_feed_result(struct store *s, int64_t feed_id, const struct fetch_outcome *o);

/* Counts the rows of a table ("articles", "feeds"), -1 on error. */
int64_t store_count(struct store *s, const char *table);

#endif
