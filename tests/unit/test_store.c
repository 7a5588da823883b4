/* The store: creation, forward migration from every older version, and
 * deduplication of entries. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "analyse/analysis.h"
#include "store/analysis_store.h"
#include "store/schema.h"
#include "store/store.h"

/* The schema as version 1 shipped it, written out here on purpose: the
 * test must not build old databases with the code under test. */
static const char v1_schema[] =
    "CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE,"
    " name TEXT, actor TEXT, tags TEXT, title TEXT, link TEXT, etag TEXT,"
    " last_modified TEXT, last_fetch INTEGER, last_success INTEGER,"
    " last_status INTEGER, last_error TEXT, failures INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE articles (id INTEGER PRIMARY KEY,"
    " feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
    " guid TEXT NOT NULL, link TEXT, title TEXT, author TEXT, published INTEGER,"
    " updated INTEGER, summary TEXT, content TEXT, categories TEXT,"
    " first_seen INTEGER NOT NULL, last_changed INTEGER NOT NULL,"
    " unread INTEGER NOT NULL DEFAULT 1, UNIQUE (feed_id, guid));"
    "CREATE INDEX articles_by_link ON articles(feed_id, link);"
    "CREATE INDEX articles_by_date ON articles(coalesce(published, updated, first_seen));"
    "INSERT INTO feeds (url, name) VALUES ('https://example.org/f', 'Old');"
    "INSERT INTO articles (feed_id, guid, title, summary, first_seen, last_changed)"
    " VALUES (1, 'g1', 'Rare earth export controls', 'MOFCOM announced', 1, 1);"
    "PRAGMA user_version = 1;";

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/retl-store-XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int remove_dir(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *path_in_dir(const char *name)
{
	static char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void test_create(void **state)
{
	(void)state;
	char *error = NULL;
	char path[128];
	snprintf(path, sizeof(path), "%s", path_in_dir("new/sub/retl.db"));
	struct store *s = store_open(path, true, &error);
	assert_non_null(s);
	store_close(s);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(path_in_dir("new/sub"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), schema_latest_version());
}

static void test_migrate_from_v0(void **state)
{
	(void)state;
	char *error = NULL;
	char *path = path_in_dir("v0.db");
	FILE *f = fopen(path, "w"); /* an empty file: version 0 */
	fclose(f);
	struct store *s = store_open(path, false, &error);
	assert_non_null(s);
	store_close(s);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), schema_latest_version());
}

static void test_migrate_from_v1(void **state)
{
	(void)state;
	char *error = NULL;
	char *path = path_in_dir("v1.db");
	raw_exec(path, v1_schema);
	struct store *s = store_open(path, false, &error);
	assert_non_null(s);
	store_close(s);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), schema_latest_version());
	assert_int_equal(raw_int(path, "SELECT count(*) FROM articles"), 1);
	/* The rows that were there wait for their analysis, which fills the
	 * search index (version 5) and the timeline. */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM analysis_pending WHERE article_id = 1"),
			 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search"), 0);
}

static int raw_exec_rc(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* The analysis tables after the migrations that rebuild them: the stored
 * article waits for analysis, the checks still check and the cascades
 * still cascade. */
static void test_migrated_analysis_tables(void **state)
{
	(void)state;
	char *error = NULL;
	char *path = path_in_dir("v1-analysis.db");
	raw_exec(path, v1_schema);
	struct store *s = store_open(path, false, &error);
	assert_non_null(s);
	store_close(s);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM analysis_pending WHERE article_id = 1"
				       " AND fresh = 0"),
			 1);
	raw_exec(path, "PRAGMA foreign_keys = ON;"
		       "INSERT INTO actors (id, name, kind) VALUES (1, 'MOFCOM', 'agency');"
		       "INSERT INTO quotes (article_id, speaker, actor_id, kind, text, start, end)"
		       " VALUES (1, 'He Yadong', 1, 'direct', 'words', 0, 5);"
		       "INSERT INTO events (id, article_id, date, precision, day_first, day_last,"
		       " expr, sentence) VALUES (7, 1, '2025-11', 'month', '2025-11-01',"
		       " '2025-11-30', 'in November', 'In November, MOFCOM acted.');"
		       "INSERT INTO event_actors (event_id, actor_id) VALUES (7, 1);");
	assert_int_not_equal(raw_exec_rc(path, "INSERT INTO quotes (article_id, speaker, kind, text,"
					       " start, end) VALUES (1, 'x', 'rumour', 't', 0, 1)"),
			     SQLITE_OK);
	assert_int_not_equal(raw_exec_rc(path, "INSERT INTO events (article_id, date, precision,"
					       " day_first, day_last, expr, sentence) VALUES (1,"
					       " '2025', 'decade', '', '', '', '')"),
			     SQLITE_OK);
	raw_exec(path, "PRAGMA foreign_keys = ON; DELETE FROM articles WHERE id = 1;");
	assert_int_equal(raw_int(path, "SELECT (SELECT count(*) FROM quotes) + (SELECT count(*)"
				       " FROM events) + (SELECT count(*) FROM event_actors) +"
				       " (SELECT count(*) FROM analysis_pending)"),
			 0);
	/* a new article is queued as never analysed */
	raw_exec(path, "INSERT INTO articles (feed_id, guid, first_seen, last_changed)"
		       " VALUES (1, 'g2', 1, 1)");
	assert_int_equal(raw_int(path, "SELECT fresh FROM analysis_pending"), 1);
}

static void test_too_new(void **state)
{
	(void)state;
	char *error = NULL;
	char *path = path_in_dir("future.db");
	raw_exec(path, "PRAGMA user_version = 999");
	assert_null(store_open(path, false, &error));
	assert_non_null(strstr(error, "newer than this retl knows"));
	assert_non_null(strstr(error, path));
	free(error);
}

static void test_missing_without_create(void **state)
{
	(void)state;
	char *error = NULL;
	assert_null(store_open(path_in_dir("absent.db"), false, &error));
	assert_non_null(strstr(error, "absent.db"));
	free(error);
}

static struct feed_entry entry(const char *id, const char *link, const char *title)
{
	struct feed_entry e;
	memset(&e, 0, sizeof(e));
	e.id = (char *)id;
	e.link = (char *)link;
	e.title = (char *)title;
	return e;
}

static void test_dedup(void **state)
{
	(void)state;
	char *error = NULL;
	char *path = path_in_dir("dedup.db");
	struct store *s = store_open(path, true, &error);
	struct feed_conf conf = {.url = "https://example.org/feed", .name = "F"};
	struct feed_state fs;
	assert_true(store_feed_prepare(s, &conf, &fs));
	int64_t feed_id = fs.id;
	feed_state_free(&fs);
	assert_true(store_feed_prepare(s, &conf, &fs));
	assert_int_equal(fs.id, feed_id);
	feed_state_free(&fs);

	struct feed_entry a = entry("g1", "https://example.org/1", "One");
	assert_int_equal(store_put_entry(s, feed_id, &a, 100, NULL), STORE_INSERTED);
	assert_int_equal(store_put_entry(s, feed_id, &a, 101, NULL), STORE_UNCHANGED);
	a.title = "One, corrected";
	assert_int_equal(store_put_entry(s, feed_id, &a, 102, NULL), STORE_UPDATED);
	/* The same link under a new id is the same entry. */
	struct feed_entry b = entry("g1-new", "https://example.org/1", "One, corrected");
	assert_int_equal(store_put_entry(s, feed_id, &b, 103, NULL), STORE_UPDATED);
	struct feed_entry c = entry("g2", NULL, "Two");
	assert_int_equal(store_put_entry(s, feed_id, &c, 104, NULL), STORE_INSERTED);
	assert_int_equal(store_count(s, "articles"), 2);

	struct fetch_outcome o = {.when = 200, .http_status = 200, .success = true,
				  .etag = "\"abc\"", .last_modified = "Thu, 09 Oct 2025 08:00:00 GMT"};
	assert_true(store_feed_result(s, feed_id, &o));
	struct fetch_outcome fail = {.when = 300, .http_status = 500, .error = "HTTP status 500"};
	assert_true(store_feed_result(s, feed_id, &fail));
	assert_true(store_feed_prepare(s, &conf, &fs));
	assert_string_equal(fs.etag, "\"abc\""); /* a failure keeps the validators */
	assert_int_equal(fs.last_fetch, 300);
	feed_state_free(&fs);
	store_close(s);
	assert_int_equal(raw_int(path, "SELECT failures FROM feeds"), 1);
	assert_int_equal(raw_int(path, "SELECT last_success FROM feeds"), 200);
}

/* Storing an analysis writes the article's publication event (its title,
 * on its day) and its plain text for search; analysing it again replaces
 * both; deleting the article takes its text out of the index. */
static void test_search_and_publication(void **state)
{
	(void)state;
	char *error = NULL;
	char path[128];
	snprintf(path, sizeof(path), "%s", path_in_dir("search.db"));
	struct store *s = store_open(path, true, &error);
	struct feed_conf conf = {.url = "https://example.org/search"};
	struct feed_state fs;
	assert_true(store_feed_prepare(s, &conf, &fs));
	struct feed_entry a = entry("g1", NULL, "Port fees on Chinese ships");
	a.published = 1760400000; /* 2025-10-14 */
	a.has_published = true;
	assert_int_equal(store_put_entry(s, fs.id, &a, 1, NULL), STORE_INSERTED);

	struct analysis_writer *w = analysis_writer_new(s);
	assert_non_null(w);
	struct analysis an;
	memset(&an, 0, sizeof(an));
	struct doc d = {.text = "Harbour fees start on Tuesday.", .len = 30};
	assert_true(store_begin(s));
	assert_true(analysis_writer_put(w, 1, true, &d, &an, NULL));
	assert_true(store_commit(s));
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'harbour'"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'port'"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM events WHERE kind = 'published'"
				       " AND day_first = '2025-10-14' AND precision = 'day'"
				       " AND sentence = 'Port fees on Chinese ships'"),
			 1);
	/* Again, with other words: one row each, the new words. */
	d.text = "Docking charges start on Tuesday.";
	d.len = strlen(d.text);
	assert_true(store_begin(s));
	assert_true(analysis_writer_put(w, 1, false, &d, &an, NULL));
	assert_true(store_commit(s));
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'harbour'"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'docking'"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM events WHERE kind = 'published'"), 1);
	/* A word a feed wraps in bidirectional isolates or marks is still a
	 * word (version 8). */
	d.text = "Curbs on \u2068rare\u2069 earths and \u202eexports\u202c, \u200ffees\u200e.";
	d.len = strlen(d.text);
	assert_true(store_begin(s));
	assert_true(analysis_writer_put(w, 1, false, &d, &an, NULL));
	assert_true(store_commit(s));
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'rare'"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'exports'"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search WHERE search MATCH 'fees'"), 1);
	analysis_writer_free(w);
	feed_state_free(&fs);
	store_close(s);
	raw_exec(path, "PRAGMA foreign_keys = ON; DELETE FROM feeds");
	assert_int_equal(raw_int(path, "SELECT count(*) FROM search"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM events"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_migrate_from_v0),
		cmocka_unit_test(test_migrate_from_v1),
		cmocka_unit_test(test_migrated_analysis_tables),
		cmocka_unit_test(test_too_new),
		cmocka_unit_test(test_missing_without_create),
		cmocka_unit_test(test_dedup),
		cmocka_unit_test(test_search_and_publication),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
