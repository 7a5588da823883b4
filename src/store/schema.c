#include "config.h"

#include "store/schema.h"

#include <stdio.h>
#include <stdlib.h>

#include "common/i18n.h"
#include "common/util.h"

/* Migration N takes a database from user_version N-1 to N.  Never edit
 * one that has shipped: add the next. */
static const char *const migrations[] = {
	/* 1: feeds and their fetch state; articles deduplicated per feed. */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  name TEXT, actor TEXT, tags TEXT,"
	"  title TEXT, link TEXT,"
	"  etag TEXT, last_modified TEXT,"
	"  last_fetch INTEGER, last_success INTEGER,"
	"  last_status INTEGER, last_error TEXT,"
	"  failures INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  guid TEXT NOT NULL,"
	"  link TEXT, title TEXT, author TEXT,"
	"  published INTEGER, updated INTEGER,"
	"  summary TEXT, content TEXT, categories TEXT,"
	"  first_seen INTEGER NOT NULL, last_changed INTEGER NOT NULL,"
	"  unread INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (feed_id, guid)"
	");"
	"CREATE INDEX articles_by_link ON articles(feed_id, link);"
	"CREATE INDEX articles_by_date ON articles(coalesce(published, updated, first_seen));",

	/* 2: full-text search over titles, summaries and contents.  Articles
	 * are indexed in batches (store_index_pending), not one by one as a
	 * refresh stores them: FTS5 merges far less that way.  indexed = 0
	 * marks the ones still to do; an indexed article whose text changes
	 * leaves the index and is marked again. */
	"ALTER TABLE articles ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX articles_unindexed ON articles(id) WHERE indexed = 0;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, summary, content,"
	"  content='articles', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_fts_update BEFORE UPDATE OF title, summary, content"
	"  ON articles WHEN old.indexed = 1 BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, summary, content)"
	"  VALUES ('delete', old.id, old.title, old.summary, old.content);"
	"END;"
	"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles"
	"  WHEN old.indexed = 1 BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, summary, content)"
	"  VALUES ('delete', old.id, old.title, old.summary, old.content);"
	"END;"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
	"UPDATE articles SET indexed = 1;",

	/* 3: the analysis: actors (from actors.conf), the actors each article
	 * mentions, quotes, dated events and their actors, documents cited.
	 * An event's day_first and day_last (ISO dates) bound the span its
	 * date covers at its precision, for range queries. */
	"CREATE TABLE actors ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL, country TEXT);"
	"CREATE TABLE actor_aliases ("
	"  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
	"  alias TEXT NOT NULL,"
	"  PRIMARY KEY (actor_id, alias)) WITHOUT ROWID;"
	"CREATE TABLE article_actors ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
	"  mentions INTEGER NOT NULL,"
	"  PRIMARY KEY (article_id, actor_id)) WITHOUT ROWID;"
	"CREATE INDEX article_actors_by_actor ON article_actors(actor_id, article_id);"
	"CREATE TABLE quotes ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  speaker TEXT NOT NULL,"
	"  actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),"
	"  cue TEXT, text TEXT NOT NULL,"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL);"
	"CREATE INDEX quotes_by_article ON quotes(article_id);"
	"CREATE INDEX quotes_by_actor ON quotes(actor_id);"
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL,"
	"  precision TEXT NOT NULL CHECK (precision IN ('day', 'week', 'month', 'year')),"
	"  day_first TEXT NOT NULL, day_last TEXT NOT NULL,"
	"  expr TEXT NOT NULL, sentence TEXT NOT NULL);"
	"CREATE INDEX events_by_article ON events(article_id);"
	"CREATE INDEX events_by_day ON events(day_first, day_last);"
	"CREATE TABLE event_actors ("
	"  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
	"  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (event_id, actor_id)) WITHOUT ROWID;"
	"CREATE INDEX event_actors_by_actor ON event_actors(actor_id, event_id);"
	"CREATE TABLE documents ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE article_documents ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (article_id, document_id)) WITHOUT ROWID;"
	"CREATE INDEX article_documents_by_document ON article_documents(document_id);"
	"ALTER TABLE articles ADD COLUMN analysed INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX articles_unanalysed ON articles(id) WHERE analysed = 0;",

	/* 4: the articles still to analyse, in a table of their own: marking
	 * one done in the articles table rewrote its whole row, text and all
	 * (a third of the cost of storing an analysis).  New articles, and
	 * stored ones whose text or dates change, are queued by triggers;
	 * fresh = 1 says that an article has never been analysed, so that
	 * there is no old analysis to delete. */
	"CREATE TABLE analysis_pending ("
	"  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	"  fresh INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO analysis_pending (article_id) SELECT id FROM articles WHERE analysed = 0;"
	"DROP INDEX articles_unanalysed;"
	"ALTER TABLE articles DROP COLUMN analysed;"
	"CREATE TRIGGER articles_analysis_insert AFTER INSERT ON articles BEGIN"
	"  INSERT OR IGNORE INTO analysis_pending (article_id, fresh) VALUES (new.id, 1);"
	"END;"
	"CREATE TRIGGER articles_analysis_update"
	"  AFTER UPDATE OF title, summary, content, published, updated ON articles BEGIN"
	"  INSERT OR IGNORE INTO analysis_pending (article_id) VALUES (new.id);"
	"END;"
	/* A CHECK with IN builds a temporary table on every insert (SQLite
	 * 3.40): quotes and events, the most inserted rows, are rebuilt
	 * with the same checks written as comparisons.  Foreign keys are
	 * off while migrating (schema_migrate), so nothing cascades. */
	"CREATE TABLE quotes_new ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  speaker TEXT NOT NULL,"
	"  actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,"
	"  kind TEXT NOT NULL"
	"    CHECK (kind = 'direct' OR kind = 'indirect' OR kind = 'mixed'),"
	"  cue TEXT, text TEXT NOT NULL,"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL);"
	"INSERT INTO quotes_new SELECT * FROM quotes;"
	"DROP TABLE quotes;"
	"ALTER TABLE quotes_new RENAME TO quotes;"
	"CREATE INDEX quotes_by_article ON quotes(article_id);"
	"CREATE INDEX quotes_by_actor ON quotes(actor_id);"
	"CREATE TABLE events_new ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL,"
	"  precision TEXT NOT NULL CHECK (precision = 'day' OR precision = 'week'"
	"    OR precision = 'month' OR precision = 'year'),"
	"  day_first TEXT NOT NULL, day_last TEXT NOT NULL,"
	"  expr TEXT NOT NULL, sentence TEXT NOT NULL);"
	"INSERT INTO events_new SELECT * FROM events;"
	"DROP TABLE events;"
	"ALTER TABLE events_new RENAME TO events;"
	"CREATE INDEX events_by_article ON events(article_id);"
	"CREATE INDEX events_by_day ON events(day_first, day_last);",

	/* 5: the timeline.  An article's publication is an event of its own
	 * (kind 'published', its title as the text, the actors of the
	 * article and of its feed), so the timeline is one table read in date
	 * order (events_timeline: day_first, then id) a window at a time.
	 * Search is over the plain text the analysis reads, not the HTML:
	 * the table search (FTS5) holds each analysed article's title and
	 * text, written with its analysis; the old index of HTML, which
	 * marked articles by rewriting their rows, goes.  Every article is
	 * analysed again to fill both. */
	"ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'text'"
	"  CHECK (kind = 'text' OR kind = 'published');"
	"DROP INDEX events_by_day;"
	"CREATE INDEX events_timeline ON events(day_first);"
	"DROP TRIGGER articles_fts_update;"
	"DROP TRIGGER articles_fts_delete;"
	"DROP TABLE articles_fts;"
	"DROP INDEX articles_unindexed;"
	"ALTER TABLE articles DROP COLUMN indexed;"
	"CREATE VIRTUAL TABLE search USING fts5(title, text,"
	"  tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM search WHERE rowid = old.id;"
	"END;"
	"CREATE INDEX articles_unread ON articles(id) WHERE unread = 1;"
	"INSERT OR IGNORE INTO analysis_pending (article_id) SELECT id FROM articles;",

	/* 6: the events that span more than a day, by their last day: a
	 * range of dates finds those that started before it without walking
	 * the timeline back a year. */
	"CREATE INDEX events_spanning ON events(day_last) WHERE precision <> 'day';",

	/* 7: an article's quotes with what ranks them (direct, of a known
	 * actor, longer): a summary ranks half a million quotes for a year
	 * of a large store from the index alone, and reads the words of the
	 * few it shows.  It serves lookups by article too. */
	"CREATE INDEX quotes_ranking ON quotes(article_id, kind, actor_id, start, end);"
	"DROP INDEX quotes_by_article;",

	/* 8: the bidirectional marks, embeddings, overrides and isolates
	 * separate words in the search index.  unicode61 counts the isolates
	 * (U+2066..U+2069) as letters, so a word a feed wraps in one, as
	 * "\u2068rare\u2069", could not be found; the index is rebuilt from
	 * the text it holds, without analysing anything again.  (The
	 * characters are in the literal on purpose, escaped: nothing in the
	 * source reorders.) */
	/* NOLINTNEXTLINE(misc-misleading-bidirectional) */
	"CREATE VIRTUAL TABLE search_new USING fts5(title, text,"
	"  tokenize='unicode61 remove_diacritics 2 separators "
	"\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff');"
	"INSERT INTO search_new (rowid, title, text) SELECT rowid, title, text FROM search;"
	"DROP TRIGGER articles_search_delete;"
	"DROP TABLE search;"
	"ALTER TABLE search_new RENAME TO search;"
	"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM search WHERE rowid = old.id;"
	"END;",

	/* 9: full text.  For a feed with fulltext=yes, each new or changed
	 * entry's page is fetched and its main text extracted; the page's
	 * row holds the fetch state (validators, the last outcome, failures
	 * in a row) and the text, which the analysis then reads instead of
	 * the feed's summary (kept in articles).  due = 1 marks the pages to
	 * fetch at the next refresh; a new text queues the article for
	 * analysis again. */
	"CREATE TABLE pages ("
	"  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	"  url TEXT NOT NULL,"
	"  etag TEXT, last_modified TEXT,"
	"  fetched INTEGER, status INTEGER, error TEXT,"
	"  failures INTEGER NOT NULL DEFAULT 0,"
	"  due INTEGER NOT NULL DEFAULT 1,"
	"  charset TEXT, text TEXT);"
	"CREATE INDEX pages_due ON pages(article_id) WHERE due = 1;"
	"CREATE TRIGGER pages_text_analysis AFTER UPDATE OF text ON pages"
	"  WHEN new.text IS NOT old.text BEGIN"
	"  INSERT OR IGNORE INTO analysis_pending (article_id) VALUES (new.article_id);"
	"END;",
};

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

int schema_latest_version(void)
{
	return NMIGRATIONS;
}

static int user_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static bool exec(sqlite3 *db, const char *sql, char **error)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	*error = xstrdup(msg != NULL ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return false;
}

static bool too_new(int v, char **error)
{
	char msg[160];
	snprintf(msg, sizeof(msg), _("the store is of version %d, newer than this retl knows (%d): "
				       "upgrade retl"),
		 v, NMIGRATIONS);
	*error = xstrdup(msg);
	return false;
}

/* Runs the migration from version v inside the open transaction. */
static bool migrate_one(sqlite3 *db, int v, char **error)
{
	char bump[64];
	snprintf(bump, sizeof(bump), "PRAGMA user_version = %d", v + 1);
	return exec(db, migrations[v], error) && exec(db, bump, error);
}

static bool migrate_all(sqlite3 *db, int v, char **error);

/* No row refers to a row that is not there. */
static bool keys_hold(sqlite3 *db, char **error)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
		*error = xstrdup(sqlite3_errmsg(db));
		return false;
	}
	bool clean = sqlite3_step(st) == SQLITE_DONE;
	if (!clean) {
		char msg[256];
		snprintf(msg, sizeof(msg),
			 _("the store is damaged: a row of table %s refers to a missing row "
			   "(restore it from a backup)"),
			 (const char *)sqlite3_column_text(st, 0));
		*error = xstrdup(msg);
	}
	sqlite3_finalize(st);
	return clean;
}

bool schema_migrate(sqlite3 *db, char **error)
{
	int v = user_version(db);
	if (v < 0) {
		*error = xstrdup(sqlite3_errmsg(db));
		return false;
	}
	if (v > NMIGRATIONS)
		return too_new(v, error);
	if (v == NMIGRATIONS)
		return true;
	/* Tables are rebuilt by some migrations: foreign keys stay off until
	 * all are done (it cannot change inside a transaction), and are
	 * checked before each commit. */
	sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	bool ok = migrate_all(db, v, error);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return ok;
}

/* Runs the migrations from version v on, one transaction each. */
static bool migrate_all(sqlite3 *db, int v, char **error)
{
	while (v < NMIGRATIONS) {
		/* The version is read again under the write lock: another retl
		 * may have migrated since. */
		if (!exec(db, "BEGIN IMMEDIATE", error))
			return false;
		v = user_version(db);
		if (v < 0 || v > NMIGRATIONS) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return v < 0 ? (*error = xstrdup(sqlite3_errmsg(db)), false) : too_new(v, error);
		}
		if (v < NMIGRATIONS && (!migrate_one(db, v, error) || !keys_hold(db, error))) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return false;
		}
		if (!exec(db, "COMMIT", error))
			return false;
		v = user_version(db);
	}
	return true;
}
