#include "config.h"

#include "store/analysis_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/timex.h"
#include "common/util.h"
#include "store/store_db.h"

static const char *const kind_names[] = {"country", "agency", "organisation", "person"};
static const char *const quote_kinds[] = {"direct", "indirect", "mixed"};
static const char *const precisions[] = {"day", "week", "month", "year"};

/* Prepared here, finalized before returning: the analysis statements run
 * once per article inside a refresh, a cost far below the analysis. */
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

/* Every parameter is bound again before the next step: no clearing. */
static bool step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

/* A span of the document's text, bound where it lies: the document
 * outlives the statement's step. */
static void bind_span(sqlite3_stmt *st, int i, const struct doc *d, struct span s)
{
	sqlite3_bind_text(st, i, d->text + s.start, (int)(s.end - s.start), SQLITE_STATIC);
}

/* Values are bound without a copy: each lives until its statement has
 * stepped and been reset, and is bound afresh before the next step. */
static bool sync_one(sqlite3_stmt *upsert, sqlite3_stmt *alias, const struct actor *actor,
		     int64_t *id)
{
	store_bind_text(upsert, 1, actor->name);
	store_bind_text(upsert, 2, kind_names[actor->kind]);
	store_bind_text(upsert, 3, actor->country);
	int rc = sqlite3_step(upsert);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(upsert, 0) : 0;
	sqlite3_reset(upsert);
	if (*id == 0)
		return false;
	for (size_t k = 0; k < actor->naliases; k++) {
		sqlite3_bind_int64(alias, 1, *id);
		store_bind_text(alias, 2, actor->aliases[k]);
		if (!step_done(alias))
			return false;
	}
	return true;
}

int64_t *store_sync_actors(struct store *s, const struct actors *a, char **error)
{
	sqlite3 *db = store_db(s);
	size_t n = actors_count(a);
	int64_t *ids = xcalloc(n ? n : 1, sizeof(*ids));
	sqlite3_stmt *upsert = prepare(db, "INSERT INTO actors (name, kind, country) VALUES (?1, ?2, ?3)"
					   " ON CONFLICT (name) DO UPDATE SET kind = ?2, country = ?3"
					   " RETURNING id");
	sqlite3_stmt *alias = prepare(db, "INSERT OR IGNORE INTO actor_aliases (actor_id, alias)"
					  " VALUES (?1, ?2)");
	bool ok = upsert != NULL && alias != NULL &&
		  sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
	for (size_t i = 0; ok && i < n; i++)
		ok = sync_one(upsert, alias, actors_get(a, (int)i), &ids[i]);
	if (ok)
		ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
	/* The reason, before the rollback and the finalizing replace it. */
	if (!ok)
		*error = xstrdup(sqlite3_errmsg(db));
	if (!ok && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_finalize(upsert);
	sqlite3_finalize(alias);
	if (!ok) {
		free(ids);
		return NULL;
	}
	return ids;
}

struct statements {
	sqlite3_stmt *clear[5], *actor, *quote, *event, *event_actor, *doc, *doc_link, *published,
	    *published_actors, *search, *done;
};

#define NCLEAR 5
static const char *const clear_sql[NCLEAR] = {
    "DELETE FROM quotes WHERE article_id = ?1",
    "DELETE FROM events WHERE article_id = ?1",
    "DELETE FROM article_actors WHERE article_id = ?1",
    "DELETE FROM article_documents WHERE article_id = ?1",
    "DELETE FROM search WHERE rowid = ?1",
};

static bool prepare_all(sqlite3 *db, struct statements *st)
{
	memset(st, 0, sizeof(*st));
	for (int i = 0; i < NCLEAR; i++)
		st->clear[i] = prepare(db, clear_sql[i]);
	st->actor = prepare(db, "INSERT INTO article_actors (article_id, actor_id, mentions)"
				" VALUES (?1, ?2, ?3)");
	st->quote = prepare(db, "INSERT INTO quotes (article_id, speaker, actor_id, kind, cue, text,"
				" start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	st->event = prepare(db, "INSERT INTO events (article_id, date, precision, day_first,"
				" day_last, expr, sentence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	st->event_actor = prepare(db, "INSERT OR IGNORE INTO event_actors (event_id, actor_id)"
				      " VALUES (?1, ?2)");
	st->doc = prepare(db, "INSERT INTO documents (name) VALUES (?1) ON CONFLICT (name)"
			      " DO UPDATE SET name = name RETURNING id");
	st->doc_link = prepare(db, "INSERT OR IGNORE INTO article_documents (article_id,"
				   " document_id) VALUES (?1, ?2)");
	/* The article's own publication: an event on its day, its title
	 * the text, with the actors it mentions and the one its feed speaks
	 * for (feeds.conf's actor=). */
	st->published = prepare(db, "INSERT INTO events (article_id, date, precision, day_first,"
				    " day_last, expr, sentence, kind)"
				    " SELECT id, d, 'day', d, d, '', coalesce(title, ''), 'published'"
				    " FROM (SELECT id, title, date(coalesce(published, updated,"
				    " first_seen), 'unixepoch') AS d FROM articles WHERE id = ?1)");
	st->published_actors = prepare(db, "INSERT OR IGNORE INTO event_actors (event_id, actor_id)"
					   " SELECT ?2, actor_id FROM article_actors"
					   " WHERE article_id = ?1 UNION"
					   " SELECT ?2, actors.id FROM articles"
					   " JOIN feeds ON feeds.id = articles.feed_id"
					   " JOIN actors ON actors.name = feeds.actor"
					   " WHERE articles.id = ?1");
	st->search = prepare(db, "INSERT INTO search (rowid, title, text)"
				 " SELECT id, title, ?2 FROM articles WHERE id = ?1");
	st->done = prepare(db, "DELETE FROM analysis_pending WHERE article_id = ?1");
	sqlite3_stmt **all = &st->clear[0];
	for (size_t i = 0; i < sizeof(*st) / sizeof(sqlite3_stmt *); i++)
		if (all[i] == NULL)
			return false;
	return true;
}

static void finalize_all(struct statements *st)
{
	sqlite3_stmt **all = &st->clear[0];
	for (size_t i = 0; i < sizeof(*st) / sizeof(sqlite3_stmt *); i++)
		sqlite3_finalize(all[i]);
}

static int64_t actor_id(const int64_t *ids, int index)
{
	return index >= 0 ? ids[index] : 0;
}

static int by_actor(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* One row per actor with its count of mentions: the mentions come in text
 * order, so they are counted from a sorted copy of their actors. */
static bool put_actors(struct statements *st, int64_t article, const struct analysis *an,
		       const int64_t *ids)
{
	if (an->nmentions == 0)
		return true;
	int *actors = xmalloc(an->nmentions * sizeof(*actors));
	for (size_t i = 0; i < an->nmentions; i++)
		actors[i] = an->mentions[i].actor;
	qsort(actors, an->nmentions, sizeof(*actors), by_actor);
	bool ok = true;
	for (size_t i = 0, run; ok && i < an->nmentions; i += run) {
		for (run = 1; i + run < an->nmentions && actors[i + run] == actors[i]; run++)
			;
		if (actor_id(ids, actors[i]) <= 0)
			continue;
		sqlite3_bind_int64(st->actor, 1, article);
		sqlite3_bind_int64(st->actor, 2, actor_id(ids, actors[i]));
		sqlite3_bind_int64(st->actor, 3, (int64_t)run);
		ok = step_done(st->actor);
	}
	free(actors);
	return ok;
}

static bool put_quotes(struct statements *st, int64_t article, const struct doc *d,
		       const struct analysis *an, const int64_t *ids)
{
	bool ok = true;
	for (size_t i = 0; ok && i < an->nquotes; i++) {
		const struct quote *q = &an->quotes[i];
		sqlite3_bind_int64(st->quote, 1, article);
		store_bind_text(st->quote, 2, q->speaker != NULL ? q->speaker : "");
		if (actor_id(ids, q->actor) > 0)
			sqlite3_bind_int64(st->quote, 3, actor_id(ids, q->actor));
		else
			sqlite3_bind_null(st->quote, 3);
		store_bind_text(st->quote, 4, quote_kinds[q->kind]);
		store_bind_text(st->quote, 5, q->cue);
		bind_span(st->quote, 6, d, q->text);
		sqlite3_bind_int64(st->quote, 7, (int64_t)q->text.start);
		sqlite3_bind_int64(st->quote, 8, (int64_t)q->text.end);
		ok = step_done(st->quote);
	}
	return ok;
}

static bool put_events(sqlite3 *db, struct statements *st, int64_t article, const struct doc *d,
		       const struct analysis *an, const int64_t *ids)
{
	bool ok = true;
	for (size_t i = 0; ok && i < an->nevents; i++) {
		const struct event *e = &an->events[i];
		char date[16], first[TIMEX_DAY_SIZE], last[TIMEX_DAY_SIZE];
		timex_format(&e->when, date, sizeof(date));
		timex_days(&e->when, first, last);
		sqlite3_bind_int64(st->event, 1, article);
		store_bind_text(st->event, 2, date);
		store_bind_text(st->event, 3, precisions[e->when.precision]);
		store_bind_text(st->event, 4, first);
		store_bind_text(st->event, 5, last);
		bind_span(st->event, 6, d, e->when.where);
		bind_span(st->event, 7, d, e->text);
		ok = step_done(st->event);
		int64_t event_id = sqlite3_last_insert_rowid(db);
		for (size_t k = 0; ok && k < e->nactors; k++) {
			sqlite3_bind_int64(st->event_actor, 1, event_id);
			sqlite3_bind_int64(st->event_actor, 2, actor_id(ids, e->actors[k]));
			ok = step_done(st->event_actor);
		}
	}
	return ok;
}

/* The publication event and the text for search. */
static bool put_article(sqlite3 *db, struct statements *st, int64_t article, const struct doc *d)
{
	sqlite3_bind_int64(st->published, 1, article);
	if (!step_done(st->published))
		return false;
	sqlite3_bind_int64(st->published_actors, 1, article);
	sqlite3_bind_int64(st->published_actors, 2, sqlite3_last_insert_rowid(db));
	if (!step_done(st->published_actors))
		return false;
	sqlite3_bind_int64(st->search, 1, article);
	sqlite3_bind_text(st->search, 2, d->text != NULL ? d->text : "", (int)d->len, SQLITE_STATIC);
	return step_done(st->search);
}

static bool put_documents(struct statements *st, int64_t article, const struct analysis *an)
{
	bool ok = true;
	for (size_t i = 0; ok && i < an->ndocrefs; i++) {
		store_bind_text(st->doc, 1, an->docrefs[i].name);
		int rc = sqlite3_step(st->doc);
		int64_t doc_id = rc == SQLITE_ROW ? sqlite3_column_int64(st->doc, 0) : 0;
		sqlite3_reset(st->doc);
		if (doc_id == 0)
			return false;
		sqlite3_bind_int64(st->doc_link, 1, article);
		sqlite3_bind_int64(st->doc_link, 2, doc_id);
		ok = step_done(st->doc_link);
	}
	return ok;
}

struct analysis_writer {
	struct store *store;
	struct statements st;
};

struct analysis_writer *analysis_writer_new(struct store *s)
{
	struct analysis_writer *w = xcalloc(1, sizeof(*w));
	w->store = s;
	if (!prepare_all(store_db(s), &w->st)) {
		analysis_writer_free(w);
		return NULL;
	}
	return w;
}

void analysis_writer_free(struct analysis_writer *w)
{
	if (w == NULL)
		return;
	finalize_all(&w->st);
	free(w);
}

bool analysis_writer_put(struct analysis_writer *w, int64_t article_id, bool fresh,
			 const struct doc *d, const struct analysis *an, const int64_t *actor_ids)
{
	sqlite3 *db = store_db(w->store);
	struct statements st = w->st;
	bool ok = true;

	/* The deletes cost more than the inserts (their cascades need
	 * temporary tables): none for an article never analysed. */
	for (int i = 0; ok && !fresh && i < NCLEAR; i++) {
		sqlite3_bind_int64(st.clear[i], 1, article_id);
		ok = step_done(st.clear[i]);
	}
	ok = ok && put_actors(&st, article_id, an, actor_ids) && put_article(db, &st, article_id, d);
	ok = ok && put_quotes(&st, article_id, d, an, actor_ids) &&
	     put_events(db, &st, article_id, d, an, actor_ids) &&
	     put_documents(&st, article_id, an);
	if (ok) {
		sqlite3_bind_int64(st.done, 1, article_id);
		ok = step_done(st.done);
	}
	return ok;
}

static int read_articles(struct store *s, const char *sql, int64_t after,
			 struct stored_article *out, int max)
{
	sqlite3_stmt *st = prepare(store_db(s), sql);
	int n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		out[n].id = sqlite3_column_int64(st, 0);
		out[n].date = sqlite3_column_int64(st, 1);
		out[n].html = xstrdup((const char *)sqlite3_column_text(st, 2));
		out[n].fresh = sqlite3_column_int(st, 3) != 0;
		out[n].plain = sqlite3_column_int(st, 4) != 0;
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

int store_read_articles(struct store *s, int64_t after, struct stored_article *out, int max)
{
	return read_articles(s,
			     "SELECT id, coalesce(published, updated, first_seen),"
			     " coalesce(p.text, content, summary, title, ''),"
			     " coalesce(fresh, 0), p.text IS NOT NULL"
			     " FROM articles LEFT JOIN analysis_pending q ON q.article_id = id"
			     " LEFT JOIN pages p ON p.article_id = id"
			     " WHERE id > ?1 ORDER BY id LIMIT ?2",
			     after, out, max);
}

int store_read_pending(struct store *s, int64_t after, struct stored_article *out, int max)
{
	return read_articles(s,
			     "SELECT id, coalesce(published, updated, first_seen),"
			     " coalesce(p.text, content, summary, title, ''), fresh,"
			     " p.text IS NOT NULL FROM analysis_pending q"
			     " JOIN articles ON articles.id = q.article_id"
			     " LEFT JOIN pages p ON p.article_id = q.article_id"
			     " WHERE q.article_id > ?1 ORDER BY q.article_id LIMIT ?2",
			     after, out, max);
}

int64_t store_pending_bytes(struct store *s)
{
	sqlite3_stmt *st = prepare(store_db(s),
				   "SELECT coalesce(sum(length(coalesce(p.text, content, summary,"
				   " title))), 0) FROM analysis_pending q"
				   " JOIN articles ON articles.id = q.article_id"
				   " LEFT JOIN pages p ON p.article_id = q.article_id");
	int64_t n = -1;
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

void stored_article_free(struct stored_article *a)
{
	free(a->html);
	a->html = NULL;
}
