#include "config.h"

#include "store/report.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "fetch/fetch.h"
#include "store/store_db.h"
#include "store/timeline.h"

/* ---- the filter --------------------------------------------------------- */

/* " AND ..." conditions over events e, articles a and feeds f; the
 * parameters are bound by bind_filter in the same order. */
static void put_filter(struct buf *sql, const struct report_query *q)
{
	/* The events that start in the range (events_timeline), and those
	 * of a week, month or year that started before it and reach into it
	 * (events_spanning). */
	buf_puts(sql, " ((e.day_first >= ?1 AND e.day_first <= ?2) OR (e.precision <> 'day' AND"
		      " e.day_last >= ?1 AND e.day_first < ?1))");
	if (q->feed != NULL)
		buf_puts(sql, " AND f.name = ?");
	if (q->tag != NULL)
		buf_puts(sql, " AND (',' || replace(coalesce(f.tags, ''), ' ', '') || ',') LIKE"
			      " '%,' || ? || ',%'");
	if (q->grep != NULL)
		buf_puts(sql, " AND e.article_id IN (SELECT rowid FROM search WHERE search MATCH ?)");
	if (q->nactors > 0) {
		buf_puts(sql, " AND EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND"
			      " x.actor_id IN (");
		for (size_t i = 0; i < q->nactors; i++)
			buf_puts(sql, i > 0 ? ", ?" : "?");
		buf_puts(sql, "))");
	}
}

static int bind_filter(sqlite3_stmt *st, const struct report_query *q, const char *fts)
{
	int at = 1;
	sqlite3_bind_text(st, at++, q->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, at++, q->to, -1, SQLITE_STATIC);
	if (q->feed != NULL)
		sqlite3_bind_text(st, at++, q->feed, -1, SQLITE_STATIC);
	if (q->tag != NULL)
		sqlite3_bind_text(st, at++, q->tag, -1, SQLITE_STATIC);
	if (fts != NULL)
		sqlite3_bind_text(st, at++, fts, -1, SQLITE_STATIC);
	for (size_t i = 0; i < q->nactors; i++)
		sqlite3_bind_int64(st, at++, q->actors[i]);
	return at;
}

static char *dup_column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t != NULL ? (const char *)t : "");
}

/* ---- deduplication ------------------------------------------------------ */

/* The words of a sentence or title, folded: letters and digits only, in
 * lower case, at most 80 of them, for telling repeats apart. */
static void fold(const char *s, char *out, size_t size)
{
	size_t n = 0;
	for (; *s != '\0' && n + 1 < size && n < 80; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

/* The events already read, by their date, kind and folded words: a
 * repeat is found in one probe, not by comparing with its whole day. */
struct seen {
	uint64_t *hashes; /* 0: empty */
	size_t *index;
	size_t cap, n;
};

static uint64_t key_hash(const struct report_event *e, const char *folded)
{
	uint64_t h = 1469598103934665603u;
	for (const char *p = e->date; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	h = (h ^ (e->published ? 1u : 2u)) * 1099511628211u;
	for (const char *p = folded; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	return h != 0 ? h : 1;
}

static void seen_grow(struct seen *s)
{
	struct seen bigger = {.cap = s->cap ? 2 * s->cap : 1024};
	bigger.hashes = xcalloc(bigger.cap, sizeof(*bigger.hashes));
	bigger.index = xcalloc(bigger.cap, sizeof(*bigger.index));
	for (size_t i = 0; i < s->cap; i++) {
		if (s->hashes[i] == 0)
			continue;
		size_t k = s->hashes[i] & (bigger.cap - 1);
		while (bigger.hashes[k] != 0)
			k = (k + 1) & (bigger.cap - 1);
		bigger.hashes[k] = s->hashes[i];
		bigger.index[k] = s->index[i];
	}
	bigger.n = s->n;
	free(s->hashes);
	free(s->index);
	*s = bigger;
}

#define NOT_KEPT ((size_t)-1)

/* The index of the event already read with the same date, kind and
 * words as e, or -1; e is remembered as at when it is new (and kept). */
static long seen_or_add(struct seen *s, const struct report *r, const struct report_event *e,
			const char *folded, size_t at)
{
	if (2 * (s->n + 1) > s->cap)
		seen_grow(s);
	uint64_t h = key_hash(e, folded);
	char other[96];
	size_t k = h & (s->cap - 1);
	for (; s->hashes[k] != 0; k = (k + 1) & (s->cap - 1)) {
		if (s->hashes[k] != h)
			continue;
		const struct report_event *o = &r->events[s->index[k]];
		fold(o->text, other, sizeof(other));
		if (strcmp(o->date, e->date) == 0 && o->published == e->published &&
		    strcmp(other, folded) == 0)
			return (long)s->index[k];
	}
	if (at == NOT_KEPT)
		return -1; /* beyond --limit: merged into a kept one or left out */
	s->hashes[k] = h;
	s->index[k] = at;
	s->n++;
	return -1;
}

static void add_source(struct report_event *e, struct report_source src)
{
	for (size_t i = 0; i < e->nsources; i++)
		if (strcmp(e->sources[i].feed, src.feed) == 0) {
			free(src.feed);
			free(src.title);
			free(src.link);
			return;
		}
	e->sources = xrealloc(e->sources, (e->nsources + 1) * sizeof(*e->sources));
	e->sources[e->nsources++] = src;
}

static void add_actor(struct report_event *e, const char *name)
{
	for (size_t i = 0; i < e->nactors; i++)
		if (strcmp(e->actors[i], name) == 0)
			return;
	e->actors = xrealloc(e->actors, (e->nactors + 1) * sizeof(*e->actors));
	e->actors[e->nactors++] = xstrdup(name);
}

/* "MOFCOM\x1fChina": the actors as group_concat gives them. */
static void add_actors(struct report_event *e, const char *list)
{
	while (list != NULL && *list != '\0') {
		const char *sep = strchr(list, '\x1f');
		size_t len = sep != NULL ? (size_t)(sep - list) : strlen(list);
		char *name = xstrndup(list, len);
		add_actor(e, name);
		free(name);
		list = sep != NULL ? sep + 1 : NULL;
	}
}

static void free_event(struct report_event *e)
{
	free(e->precision);
	free(e->text);
	for (size_t i = 0; i < e->nactors; i++)
		free(e->actors[i]);
	free(e->actors);
	for (size_t i = 0; i < e->nsources; i++) {
		free(e->sources[i].feed);
		free(e->sources[i].title);
		free(e->sources[i].link);
	}
	free(e->sources);
}

/* ---- reading ------------------------------------------------------------ */

static bool read_events(sqlite3 *db, const struct report_query *q, const char *fts,
			struct report *r)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT e.day_first, e.date, e.precision, e.kind = 'published', e.sentence,"
		       " (SELECT group_concat(name, char(31)) FROM (SELECT ac.name FROM event_actors ea"
		       " JOIN actors ac ON ac.id = ea.actor_id WHERE ea.event_id = e.id"
		       " ORDER BY ac.name)),"
		       " coalesce(f.name, f.title), f.url, coalesce(a.title, ''), coalesce(a.link, ''),"
		       " a.id FROM events e JOIN articles a ON a.id = e.article_id"
		       " JOIN feeds f ON f.id = a.feed_id WHERE");
	put_filter(&sql, q);
	/* those dated by the year alone first: they are grouped apart */
	buf_puts(&sql, " ORDER BY e.day_first, e.precision <> 'year', e.id");
	buf_putc(&sql, '\0');
	sqlite3_stmt *st;
	bool ok = sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) == SQLITE_OK;
	buf_free(&sql);
	if (!ok)
		return false;
	bind_filter(st, q, fts);
	size_t cap = 0;
	struct seen seen = {0};
	char folded[96];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_event e;
		memset(&e, 0, sizeof(e));
		snprintf(e.day, sizeof(e.day), "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(e.date, sizeof(e.date), "%s", (const char *)sqlite3_column_text(st, 1));
		e.precision = dup_column(st, 2);
		e.published = sqlite3_column_int(st, 3) != 0;
		e.text = dup_column(st, 4);
		struct report_source src = {
		    .feed = sqlite3_column_type(st, 6) != SQLITE_NULL
				? dup_column(st, 6)
				: url_redact((const char *)sqlite3_column_text(st, 7)),
		    .title = dup_column(st, 8),
		    .link = dup_column(st, 9),
		    .article_id = sqlite3_column_int64(st, 10)};
		fold(e.text, folded, sizeof(folded));
		bool room = q->limit <= 0 || r->nevents < (size_t)q->limit;
		long same = seen_or_add(&seen, r, &e, folded, room ? r->nevents : NOT_KEPT);
		if (same >= 0) {
			add_source(&r->events[same], src);
			add_actors(&r->events[same], (const char *)sqlite3_column_text(st, 5));
			free_event(&e);
			continue;
		}
		if (!room) {
			free(src.feed);
			free(src.title);
			free(src.link);
			free_event(&e);
			continue;
		}
		add_actors(&e, (const char *)sqlite3_column_text(st, 5));
		add_source(&e, src);
		if (r->nevents == cap) {
			cap = cap ? 2 * cap : 64;
			r->events = xrealloc(r->events, cap * sizeof(*r->events));
		}
		r->events[r->nevents++] = e;
	}
	sqlite3_finalize(st);
	free(seen.hashes);
	free(seen.index);
	return rc == SQLITE_DONE;
}

/* The quotes of the range's articles: direct ones of known actors first,
 * then by length, as the more telling. */
/* The articles of the events read, in a temporary table that the quotes
 * and documents are then read through (the filter runs once). */
static bool note_articles(sqlite3 *db, const struct report *r)
{
	sqlite3_stmt *st;
	if (sqlite3_exec(db,
			 "CREATE TEMP TABLE IF NOT EXISTS report_articles (id INTEGER PRIMARY KEY);"
			 "DELETE FROM report_articles",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO report_articles (id) VALUES (?1)", -1,
			       &st, NULL) != SQLITE_OK)
		return false;
	bool ok = true;
	for (size_t i = 0; ok && i < r->nevents; i++)
		for (size_t k = 0; ok && k < r->events[i].nsources; k++) {
			sqlite3_bind_int64(st, 1, r->events[i].sources[k].article_id);
			ok = sqlite3_step(st) == SQLITE_DONE;
			sqlite3_reset(st);
		}
	sqlite3_finalize(st);
	return ok;
}

/* The quotes of the articles published in the range: direct ones of
 * known actors first, then by length, as the more telling. */
static bool read_quotes(sqlite3 *db, const struct report_query *q, struct report *r)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT date(coalesce(a.published, a.updated, a.first_seen),"
			       " 'unixepoch') AS d, q.speaker, coalesce(ac.name, ''), q.kind, q.text,"
			       " a.id FROM report_articles ra JOIN quotes q ON q.article_id = ra.id"
			       " JOIN articles a ON a.id = q.article_id"
			       " LEFT JOIN actors ac ON ac.id = q.actor_id WHERE d >= ?1 AND d <= ?2"
			       " ORDER BY d, q.kind <> 'direct', ac.name IS NULL, length(q.text) DESC,"
			       " a.id, q.start",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, q->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->to, -1, SQLITE_STATIC);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->nquotes == cap) {
			cap = cap ? 2 * cap : 64;
			r->quotes = xrealloc(r->quotes, cap * sizeof(*r->quotes));
		}
		struct report_quote *k = &r->quotes[r->nquotes++];
		snprintf(k->day, sizeof(k->day), "%s", (const char *)sqlite3_column_text(st, 0));
		k->speaker = dup_column(st, 1);
		k->actor = dup_column(st, 2);
		k->kind = dup_column(st, 3);
		k->text = dup_column(st, 4);
		k->article_id = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

static bool read_documents(sqlite3 *db, struct report *r)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT d.name FROM documents d WHERE d.id IN (SELECT ad.document_id"
			       " FROM report_articles ra JOIN article_documents ad"
			       " ON ad.article_id = ra.id) ORDER BY d.name",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->documents = xrealloc(r->documents, (r->ndocuments + 1) * sizeof(*r->documents));
		r->documents[r->ndocuments++] = dup_column(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

static int by_count(const void *x, const void *y)
{
	const struct report_count *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The actors by the events (after deduplication) they are in. */
static void count_actors(struct report *r)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->nevents; i++)
		for (size_t k = 0; k < r->events[i].nactors; k++) {
			const char *name = r->events[i].actors[k];
			size_t j = 0;
			while (j < r->nactors && strcmp(r->actors[j].name, name) != 0)
				j++;
			if (j == r->nactors) {
				if (r->nactors == cap) {
					cap = cap ? 2 * cap : 16;
					r->actors = xrealloc(r->actors, cap * sizeof(*r->actors));
				}
				r->actors[r->nactors].name = xstrdup(name);
				r->actors[r->nactors++].n = 0;
			}
			r->actors[j].n++;
		}
	if (r->nactors > 1)
		qsort(r->actors, r->nactors, sizeof(*r->actors), by_count);
}

struct report *report_read(struct store *s, const struct report_query *q, char **error)
{
	sqlite3 *db = store_db(s);
	struct report *r = xcalloc(1, sizeof(*r));
	char *fts = q->grep != NULL ? timeline_fts_query(q->grep) : NULL;
	/* A summary reads the rows of its range all over the file: mapped,
	 * they cost no copy through read(2), and a larger cache keeps them. */
	sqlite3_exec(db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536", NULL, NULL,
		     NULL);
	bool ok = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK; /* one snapshot */
	ok = ok && read_events(db, q, fts, r) && note_articles(db, r) && read_quotes(db, q, r) &&
	     read_documents(db, r);
	if (!ok)
		*error = xstrdup(sqlite3_errmsg(db));
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	free(fts);
	if (!ok) {
		report_free(r);
		return NULL;
	}
	count_actors(r);
	return r;
}

void report_free(struct report *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nevents; i++)
		free_event(&r->events[i]);
	free(r->events);
	for (size_t i = 0; i < r->nquotes; i++) {
		free(r->quotes[i].speaker);
		free(r->quotes[i].actor);
		free(r->quotes[i].kind);
		free(r->quotes[i].text);
	}
	free(r->quotes);
	for (size_t i = 0; i < r->nactors; i++)
		free(r->actors[i].name);
	free(r->actors);
	for (size_t i = 0; i < r->ndocuments; i++)
		free(r->documents[i]);
	free(r->documents);
	free(r);
}

/* ---- actor names -------------------------------------------------------- */

/* Edit distance of two short strings, case-insensitively (capped). */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return 99;
	int row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			int best = diag + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

int64_t report_find_actor(struct store *s, const char *name, char **closest)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int64_t id = 0;
	*closest = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE UNION ALL"
			       " SELECT actor_id FROM actor_aliases WHERE alias = ?1 COLLATE NOCASE"
			       " LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (id != 0)
		return id;
	/* the three nearest canonical names */
	const char *best[3] = {NULL, NULL, NULL};
	int dist[3] = {1000, 1000, 1000};
	char *names[512];
	int n = 0;
	if (sqlite3_prepare_v2(db, "SELECT name FROM actors ORDER BY name", -1, &st, NULL) ==
	    SQLITE_OK) {
		while (n < 512 && sqlite3_step(st) == SQLITE_ROW)
			names[n++] = dup_column(st, 0);
		sqlite3_finalize(st);
	}
	for (int i = 0; i < n; i++) {
		int d = distance(name, names[i]);
		if (strcasestr(names[i], name) != NULL)
			d = 0; /* a part of the name */
		for (int k = 0; k < 3; k++)
			if (d < dist[k]) {
				for (int m = 2; m > k; m--) {
					dist[m] = dist[m - 1];
					best[m] = best[m - 1];
				}
				dist[k] = d;
				best[k] = names[i];
				break;
			}
	}
	struct buf b;
	buf_init(&b);
	for (int k = 0; k < 3 && best[k] != NULL; k++) {
		if (k > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, best[k]);
	}
	*closest = buf_steal(&b);
	for (int i = 0; i < n; i++)
		free(names[i]);
	return 0;
}

char *report_actor_name(struct store *s, int64_t id)
{
	sqlite3_stmt *st;
	char *name = NULL;
	if (sqlite3_prepare_v2(store_db(s), "SELECT name FROM actors WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = dup_column(st, 0);
	sqlite3_finalize(st);
	return name;
}
