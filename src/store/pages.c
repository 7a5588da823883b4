#include "config.h"

#include "store/pages.h"

#include <stdlib.h>

#include "common/util.h"
#include "store/store_db.h"

/* Prepared per call: a refresh stores at most a few hundred pages, each
 * after a network round trip. */
static sqlite3_stmt *prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static bool run(sqlite3_stmt *st)
{
	if (st == NULL)
		return false;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v != NULL ? xstrdup((const char *)v) : NULL;
}

bool store_page_want(struct store *s, int64_t article_id, const char *url, bool entry_changed)
{
	/* A changed entry, or a new address, makes the page due again (the
	 * failures forgiven); an unchanged entry only adds a missing row,
	 * as when fulltext=yes was just set on a feed. */
	sqlite3_stmt *st = prepare(
	    s, entry_changed
		   ? "INSERT INTO pages (article_id, url) VALUES (?1, ?2)"
		     " ON CONFLICT (article_id) DO UPDATE SET due = 1, failures = 0,"
		     " url = excluded.url,"
		     " etag = CASE WHEN url = excluded.url THEN etag END,"
		     " last_modified = CASE WHEN url = excluded.url THEN last_modified END"
		   : "INSERT INTO pages (article_id, url) VALUES (?1, ?2)"
		     " ON CONFLICT (article_id) DO UPDATE SET due = 1, failures = 0,"
		     " url = excluded.url, etag = NULL, last_modified = NULL"
		     " WHERE url IS NOT excluded.url");
	if (st == NULL)
		return false;
	sqlite3_bind_int64(st, 1, article_id);
	store_bind_text(st, 2, url);
	return run(st);
}

int store_pages_due(struct store *s, int64_t feed_id, int max, struct page_due **out)
{
	sqlite3_stmt *st = prepare(s, "SELECT p.article_id, p.url, p.etag, p.last_modified"
				      " FROM pages p JOIN articles a ON a.id = p.article_id"
				      " WHERE p.due = 1 AND a.feed_id = ?1"
				      " ORDER BY p.article_id DESC LIMIT ?2");
	int n = 0;
	*out = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int(st, 2, max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (size_t)(n + 1) * sizeof(**out));
		struct page_due *p = &(*out)[n++];
		p->article_id = sqlite3_column_int64(st, 0);
		p->url = column_dup(st, 1);
		p->etag = column_dup(st, 2);
		p->last_modified = column_dup(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_pages_free(*out, n);
		*out = NULL;
		return -1;
	}
	return n;
}

void store_pages_free(struct page_due *pages, int n)
{
	for (int i = 0; i < n; i++) {
		free(pages[i].url);
		free(pages[i].etag);
		free(pages[i].last_modified);
	}
	free(pages);
}

bool store_page_result(struct store *s, int64_t article_id, const struct page_outcome *o)
{
	sqlite3_stmt *st;
	if (o->error != NULL) {
		st = prepare(s, "UPDATE pages SET fetched = ?2, status = ?3, error = ?4,"
				" failures = failures + 1,"
				" due = (failures + 1 < ?5 AND ?3 <> 404 AND ?3 <> 410)"
				" WHERE article_id = ?1");
		if (st == NULL)
			return false;
		store_bind_text(st, 4, o->error);
		sqlite3_bind_int(st, 5, PAGE_MAX_FAILURES);
	} else if (o->not_modified) {
		st = prepare(s, "UPDATE pages SET fetched = ?2, status = ?3, error = NULL,"
				" failures = 0, due = 0 WHERE article_id = ?1");
		if (st == NULL)
			return false;
	} else {
		st = prepare(s, "UPDATE pages SET fetched = ?2, status = ?3, error = ?8,"
				" failures = 0, due = 0, etag = ?4, last_modified = ?5,"
				" charset = ?6, text = ?7 WHERE article_id = ?1");
		if (st == NULL)
			return false;
		store_bind_text(st, 8, o->note);
		store_bind_text(st, 4, o->etag);
		store_bind_text(st, 5, o->last_modified);
		store_bind_text(st, 6, o->charset);
		store_bind_text(st, 7, o->text);
	}
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, o->when);
	sqlite3_bind_int64(st, 3, o->http_status);
	return run(st);
}

bool store_page_state(struct store *s, int64_t article_id, char **text, char **error,
		      int64_t *fetched)
{
	sqlite3_stmt *st = prepare(s, "SELECT text, error, coalesce(fetched, 0) FROM pages"
				      " WHERE article_id = ?1");
	bool found = false;
	*text = *error = NULL;
	*fetched = 0;
	if (st == NULL)
		return false;
	sqlite3_bind_int64(st, 1, article_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		*text = column_dup(st, 0);
		*error = column_dup(st, 1);
		*fetched = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return found;
}
