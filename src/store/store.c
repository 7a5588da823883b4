#include "config.h"

#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/paths.h"
#include "common/util.h"
#include "store/schema.h"
#include "store/store_db.h"

enum stmt_id {
	ST_FEED_SELECT,
	ST_FEED_INSERT,
	ST_FEED_CONF,
	ST_FEED_RESULT,
	ST_ART_BY_GUID,
	ST_ART_BY_LINK,
	ST_ART_INSERT,
	ST_ART_UPDATE,
	ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_FEED_SELECT] = "SELECT id, etag, last_modified, last_fetch FROM feeds WHERE url = ?1",
	[ST_FEED_INSERT] = "INSERT INTO feeds (url, name, actor, tags) VALUES (?1, ?2, ?3, ?4)",
	[ST_FEED_CONF] = "UPDATE feeds SET name = ?2, actor = ?3, tags = ?4 WHERE id = ?1"
			 " AND (name IS NOT ?2 OR actor IS NOT ?3 OR tags IS NOT ?4)",
	[ST_FEED_RESULT] = "UPDATE feeds SET last_fetch = ?2, last_status = ?3, last_error = ?4,"
			   " failures = CASE WHEN ?5 THEN 0 ELSE failures + 1 END,"
			   " last_success = CASE WHEN ?5 THEN ?2 ELSE last_success END,"
			   " etag = coalesce(?6, etag),"
			   " last_modified = coalesce(?7, last_modified),"
			   " title = coalesce(?8, title), link = coalesce(?9, link)"
			   " WHERE id = ?1",
	[ST_ART_BY_GUID] = "SELECT id FROM articles WHERE feed_id = ?1 AND guid = ?2",
	[ST_ART_BY_LINK] = "SELECT id FROM articles WHERE feed_id = ?1 AND link = ?2 LIMIT 1",
	[ST_ART_INSERT] = "INSERT INTO articles (feed_id, guid, link, title, author, published,"
			  " updated, summary, content, categories, first_seen, last_changed)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
	/* Writes only when something differs, so sqlite3_changes() says
	 * whether the entry changed. */
	[ST_ART_UPDATE] = "UPDATE articles SET guid = ?2, link = ?3, title = ?4, author = ?5,"
			  " published = ?6, updated = ?7, summary = ?8, content = ?9,"
			  " categories = ?10, last_changed = ?11"
			  " WHERE id = ?1 AND (guid IS NOT ?2 OR link IS NOT ?3 OR title IS NOT ?4"
			  " OR author IS NOT ?5 OR published IS NOT ?6 OR updated IS NOT ?7"
			  " OR summary IS NOT ?8 OR content IS NOT ?9 OR categories IS NOT ?10)",
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[ST_COUNT];
};

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

const char *store_error(const struct store *s)
{
	return sqlite3_errmsg(s->db);
}

/* "PATH: WHAT: WHY", or "PATH: WHY" without what. */
static char *error_with_path(const char *path, const char *what, const char *why)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, path);
	buf_puts(&b, ": ");
	if (what != NULL) {
		buf_puts(&b, what);
		buf_puts(&b, ": ");
	}
	buf_puts(&b, why);
	return buf_steal(&b);
}

/* Creates the file 0600 before SQLite does (SQLite would follow the
 * umask); its -wal and -shm files take the same mode. */
static bool create_private(const char *path, char **error)
{
	if (!make_parent_dirs(path)) {
		*error = error_with_path(path, _("cannot create the store's directory"),
					 strerror(errno));
		return false;
	}
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		*error = error_with_path(path, _("cannot create the store"), strerror(errno));
		return false;
	}
	close(fd);
	return true;
}

static bool exec_pragmas(sqlite3 *db)
{
	static const char pragmas[] = "PRAGMA journal_mode = WAL;"
				      "PRAGMA synchronous = NORMAL;"
				      "PRAGMA foreign_keys = ON;";
	return sqlite3_exec(db, pragmas, NULL, NULL, NULL) == SQLITE_OK;
}

void store_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *store_open(const char *path, bool create, char **error)
{
	struct store *s = xcalloc(1, sizeof(*s));
	char *why = NULL;

	if (create && !create_private(path, error)) {
		free(s);
		return NULL;
	}
	if (!create && access(path, F_OK) != 0 && errno == ENOENT) {
		*error = error_with_path(path, NULL, _("the store does not exist yet"));
		free(s);
		return NULL;
	}
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		*error = error_with_path(path, _("cannot open the store"),
					 s->db != NULL ? sqlite3_errmsg(s->db) : strerror(ENOMEM));
		store_close(s);
		return NULL;
	}
	/* Readers (the UI) never block a refresh in WAL mode; this covers a
	 * second writer, or a checkpoint, holding the lock for a moment. */
	sqlite3_busy_timeout(s->db, 10000);
	sqlite3_extended_result_codes(s->db, 1);
	if (!exec_pragmas(s->db) || !schema_migrate(s->db, &why)) {
		*error = error_with_path(path, NULL, why != NULL ? why : sqlite3_errmsg(s->db));
		free(why);
		store_close(s);
		return NULL;
	}
	for (int i = 0; i < ST_COUNT; i++)
		if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
				       &s->stmt[i], NULL) != SQLITE_OK) {
			*error = error_with_path(path, NULL, sqlite3_errmsg(s->db));
			store_close(s);
			return NULL;
		}
	return s;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s);
}

/* The statement, reset and unbound, ready for new parameters. */
static sqlite3_stmt *stmt(struct store *s, enum stmt_id id)
{
	sqlite3_stmt *st = s->stmt[id];
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v != NULL)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_time(sqlite3_stmt *st, int i, bool set, int64_t t)
{
	if (set)
		sqlite3_bind_int64(st, i, t);
	else
		sqlite3_bind_null(st, i);
}

static char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t != NULL ? xstrdup((const char *)t) : NULL;
}

bool store_feed_prepare(struct store *s, const struct feed_conf *conf, struct feed_state *state)
{
	memset(state, 0, sizeof(*state));
	sqlite3_stmt *st = stmt(s, ST_FEED_SELECT);
	store_bind_text(st, 1, conf->url);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		state->id = sqlite3_column_int64(st, 0);
		state->etag = column_text(st, 1);
		state->last_modified = column_text(st, 2);
		state->last_fetch = sqlite3_column_int64(st, 3);
		sqlite3_reset(st);
		st = stmt(s, ST_FEED_CONF);
		sqlite3_bind_int64(st, 1, state->id);
	} else if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		st = stmt(s, ST_FEED_INSERT);
		store_bind_text(st, 1, conf->url);
	} else {
		return false;
	}
	store_bind_text(st, 2, conf->name);
	store_bind_text(st, 3, conf->actor);
	store_bind_text(st, 4, conf->tags);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return false;
	if (state->id == 0)
		state->id = sqlite3_last_insert_rowid(s->db);
	return true;
}

void feed_state_free(struct feed_state *state)
{
	free(state->etag);
	free(state->last_modified);
	memset(state, 0, sizeof(*state));
}

void store_begin_bulk(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA wal_autocheckpoint = 16384", NULL, NULL, NULL);
}

void store_end_bulk(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA wal_autocheckpoint = 1000", NULL, NULL, NULL);
	sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

bool store_begin(struct store *s)
{
	return sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
}

bool store_commit(struct store *s)
{
	return sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The id of the article a lookup statement finds, 0 if none, -1 on error. */
static int64_t find_article(struct store *s, enum stmt_id id, int64_t feed_id, const char *key)
{
	sqlite3_stmt *st = stmt(s, id);
	sqlite3_bind_int64(st, 1, feed_id);
	store_bind_text(st, 2, key);
	int rc = sqlite3_step(st);
	int64_t found = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
	return found;
}

static char *join_categories(const struct feed_entry *e)
{
	if (e->ncategories == 0)
		return NULL;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < e->ncategories; i++) {
		if (i > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, e->categories[i]);
	}
	return buf_steal(&b);
}

static void bind_entry(sqlite3_stmt *st, const struct feed_entry *e, const char *categories,
		       int64_t now)
{
	store_bind_text(st, 2, e->id);
	store_bind_text(st, 3, e->link);
	store_bind_text(st, 4, e->title);
	store_bind_text(st, 5, e->author);
	bind_time(st, 6, e->has_published, e->published);
	bind_time(st, 7, e->has_updated, e->updated);
	store_bind_text(st, 8, e->summary);
	store_bind_text(st, 9, e->content);
	store_bind_text(st, 10, categories);
	sqlite3_bind_int64(st, 11, now);
}

enum store_change store_put_entry(struct store *s, int64_t feed_id, const struct feed_entry *e,
				  int64_t now, int64_t *article_id)
{
	int64_t id = find_article(s, ST_ART_BY_GUID, feed_id, e->id);
	if (id == 0 && e->link != NULL)
		id = find_article(s, ST_ART_BY_LINK, feed_id, e->link);
	if (id < 0)
		return STORE_FAILED;

	char *categories = join_categories(e);
	sqlite3_stmt *st = stmt(s, id > 0 ? ST_ART_UPDATE : ST_ART_INSERT);
	sqlite3_bind_int64(st, 1, id > 0 ? id : feed_id);
	bind_entry(st, e, categories, now);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	free(categories);
	if (rc != SQLITE_DONE)
		return STORE_FAILED;
	if (article_id != NULL)
		*article_id = id > 0 ? id : sqlite3_last_insert_rowid(s->db);
	if (id == 0)
		return STORE_INSERTED;
	return sqlite3_changes(s->db) > 0 ? STORE_UPDATED : STORE_UNCHANGED;
}

bool store_feed_result(struct store *s, int64_t feed_id, const struct fetch_outcome *o)
{
	sqlite3_stmt *st = stmt(s, ST_FEED_RESULT);
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int64(st, 2, o->when);
	if (o->http_status > 0)
		sqlite3_bind_int64(st, 3, o->http_status);
	store_bind_text(st, 4, o->error);
	sqlite3_bind_int(st, 5, o->success);
	store_bind_text(st, 6, o->etag);
	store_bind_text(st, 7, o->last_modified);
	if (o->info != NULL) {
		store_bind_text(st, 8, o->info->title);
		store_bind_text(st, 9, o->info->link);
	}
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

int64_t store_count(struct store *s, const char *table)
{
	static const char *const counts[][2] = {
		{"articles", "SELECT count(*) FROM articles"},
		{"feeds", "SELECT count(*) FROM feeds"},
	};
	const char *sql = NULL;
	sqlite3_stmt *st;
	int64_t n = -1;

	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		if (strcmp(counts[i][0], table) == 0)
			sql = counts[i][1];
	if (sql == NULL || sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
