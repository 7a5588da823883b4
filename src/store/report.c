#include "config.h"

#include "store/report.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/safetext.h"
#include "common/util.h"
#include "fetch/fetch.h"
#include "store/forward.h"
#include "store/report_events.h"
#include "store/store_db.h"
#include "store/timeline.h"

static char *dup_column(sqlite3_stmt *st, int i)
{
	return xstrdup(report_column(st, i));
}

/* ---- the names of actors and feeds, read once ------------------------- */

static void names_free(struct names *n)
{
	free(n->ids);
	free(n->names);
	free(n->rank);
}

static void names_push(struct names *n, size_t *cap, int64_t id, const char *name,
		       size_t rank)
{
	if (n->n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		n->ids = xrealloc(n->ids, *cap * sizeof(*n->ids));
		n->names = xrealloc(n->names, *cap * sizeof(*n->names));
		n->rank = xrealloc(n->rank, *cap * sizeof(*n->rank));
	}
	n->ids[n->n] = id;
	n->names[n->n] = name;
	n->rank[n->n++] = rank;
}

/* The actors, by id, with their rank by name. */
static bool read_actor_names(sqlite3 *db, struct arena *a, struct names *n)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT id, name, rank FROM (SELECT id, name, row_number()"
				   " OVER (ORDER BY name) AS rank FROM actors) ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		names_push(n, &cap, sqlite3_column_int64(st, 0), report_text_column(a, st, 1),
			   (size_t)sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

/* The feeds, by id, as a summary names them: their name, else their
 * title, else their address without a password. */
static bool read_feed_names(sqlite3 *db, struct arena *a, struct names *n)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT id, coalesce(name, title), url FROM feeds ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name;
		if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
			name = report_text_column(a, st, 1);
		} else {
			char *redacted = url_redact(report_column(st, 2));
			char *out = arena_text(a, strlen(redacted) + 1);
			arena_trim(a, out, safe_text_copy(out, redacted, strlen(redacted)) + 1);
			name = out;
			free(redacted);
		}
		names_push(n, &cap, sqlite3_column_int64(st, 0), name, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

static int by_article_day(const void *x, const void *y)
{
	const struct article_day *a = x, *b = y;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}


/* A quote read for ranking; its words are read only if it is shown. */
struct candidate {
	int64_t id, article_id, start, length;
	long day;  /* days since 1970-01-01 of its article */
	int month; /* year * 12 + month - 1 */
	bool direct, known;
};

/* Direct quotes, of known actors, longer ones (in bytes) first: the more
 * telling. */
static int by_telling(const void *x, const void *y)
{
	const struct candidate *a = x, *b = y;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->direct != b->direct)
		return a->direct ? -1 : 1;
	if (a->known != b->known)
		return a->known ? -1 : 1;
	if (a->length != b->length)
		return a->length > b->length ? -1 : 1;
	if (a->article_id != b->article_id)
		return a->article_id < b->article_id ? -1 : 1;
	return (a->start > b->start) - (a->start < b->start);
}

/* Days since 1970-01-01 into YYYY-MM-DD and year * 12 + month - 1. */
static int civil_day(long days, char out[11])
{
	int y, m, d;
	timeline_civil_from_days(days, &y, &m, &d);
	if (out != NULL)
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)((y % 10000 + 10000) % 10000),
			 (unsigned)m % 100u, (unsigned)d % 100u);
	return y * 12 + m - 1;
}

struct candidates {
	struct candidate *v;
	size_t n, cap;
};

/* Keeps the candidate if it is among the most telling of its month so
 * far: v holds, per month, at most REPORT_QUOTES_PER_MONTH. */
static void consider(struct candidates *c, const struct candidate *k)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n++] = *k;
	/* the month's candidates are the last ones while rows come in date
	 * order; otherwise they are all kept and pruned once, by sorting */
	size_t first = c->n - 1;
	while (first > 0 && c->v[first - 1].month == k->month)
		first--;
	if (c->n - first <= REPORT_QUOTES_PER_MONTH)
		return;
	size_t worst = first;
	for (size_t i = first + 1; i < c->n; i++)
		if (by_telling(&c->v[i], &c->v[worst]) > 0)
			worst = i;
	c->v[worst] = c->v[--c->n];
}

/* The quotes of the articles published in the range, the most telling
 * of each month, read article by article in order of their days. */
static bool read_candidates(sqlite3 *db, const struct report_query *q,
			    const struct article_day *articles, size_t narticles,
			    struct candidates *c)
{
	long from = timeline_day_number(q->from), to = timeline_day_number(q->to);
	struct article_day *in_range = xmalloc((narticles + 1) * sizeof(*in_range));
	size_t n = 0;
	for (size_t i = 0; i < narticles; i++)
		if (articles[i].day >= from && articles[i].day <= to)
			in_range[n++] = articles[i];
	qsort(in_range, n, sizeof(*in_range), by_article_day);
	struct forward quotes;
	if (!forward_open(db,
			  "SELECT article_id, id, kind = 'direct', actor_id IS NOT NULL,"
			  " end - start, start FROM quotes INDEXED BY quotes_ranking"
			  " WHERE article_id >= ?1 ORDER BY article_id",
			  &quotes)) {
		free(in_range);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (!forward_to(&quotes, in_range[i].id))
			continue;
		int month = civil_day(in_range[i].day, NULL);
		for (; quotes.at == in_range[i].id; forward_step(&quotes)) {
			struct candidate k = {.id = sqlite3_column_int64(quotes.st, 1),
					      .article_id = in_range[i].id,
					      .day = in_range[i].day,
					      .month = month,
					      .direct = sqlite3_column_int(quotes.st, 2) != 0,
					      .known = sqlite3_column_int(quotes.st, 3) != 0,
					      .length = sqlite3_column_int64(quotes.st, 4),
					      .start = sqlite3_column_int64(quotes.st, 5)};
			consider(c, &k);
		}
	}
	bool ok = forward_ok(&quotes);
	forward_close(&quotes);
	free(in_range);
	return ok;
}

/* The candidates kept, most telling first in each month, with words. */
static bool read_quotes(sqlite3 *db, const struct report_query *q,
			const struct article_day *articles, size_t narticles, struct report *r)
{
	struct candidates c = {0};
	if (!read_candidates(db, q, articles, narticles, &c)) {
		free(c.v);
		return false;
	}
	if (c.n > 1)
		qsort(c.v, c.n, sizeof(*c.v), by_telling);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT q.speaker, coalesce(ac.name, ''), q.kind, q.text FROM quotes q"
			       " LEFT JOIN actors ac ON ac.id = q.actor_id WHERE q.id = ?1",
			       -1, &st, NULL) != SQLITE_OK) {
		free(c.v);
		return false;
	}
	r->quotes = xcalloc(c.n + 1, sizeof(*r->quotes));
	int seen_in_month = 0;
	bool ok = true;
	for (size_t i = 0; i < c.n && ok; i++) {
		seen_in_month = i > 0 && c.v[i - 1].month == c.v[i].month ? seen_in_month + 1 : 0;
		if (seen_in_month >= REPORT_QUOTES_PER_MONTH)
			continue; /* from the unordered lookups */
		sqlite3_bind_int64(st, 1, c.v[i].id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			struct report_quote *k = &r->quotes[r->nquotes++];
			civil_day(c.v[i].day, k->day);
			k->speaker = report_text_column(r->arena, st, 0);
			k->actor = report_text_column(r->arena, st, 1);
			k->kind = report_text_column(r->arena, st, 2);
			k->text = report_text_column(r->arena, st, 3);
			k->article_id = c.v[i].article_id;
		}
		ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	free(c.v);
	return ok;
}

static int by_string(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The documents the events' articles refer to, by name. */
static bool read_documents(sqlite3 *db, const struct article_day *articles, size_t narticles,
			   struct report *r)
{
	struct forward refs;
	if (!forward_open(db,
			  "SELECT article_id, document_id FROM article_documents"
			  " WHERE article_id >= ?1 ORDER BY article_id",
			  &refs))
		return false;
	int64_t *docs = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < narticles; i++) {
		if (!forward_to(&refs, articles[i].id))
			continue;
		for (; refs.at == articles[i].id; forward_step(&refs)) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				docs = xrealloc(docs, cap * sizeof(*docs));
			}
			docs[n++] = sqlite3_column_int64(refs.st, 1);
		}
	}
	bool read = forward_ok(&refs);
	forward_close(&refs);
	n = docs != NULL ? report_sort_unique(docs, n) : 0;
	sqlite3_stmt *st;
	bool ok = read && sqlite3_prepare_v2(db, "SELECT name FROM documents WHERE id = ?1", -1,
					     &st, NULL) == SQLITE_OK;
	if (ok)
		r->documents = xcalloc(n + 1, sizeof(*r->documents));
	for (size_t i = 0; ok && i < n; i++) {
		sqlite3_bind_int64(st, 1, docs[i]);
		if (sqlite3_step(st) == SQLITE_ROW)
			r->documents[r->ndocuments++] = report_text_column(r->arena, st, 0);
		sqlite3_reset(st);
	}
	if (ok) {
		sqlite3_finalize(st);
		qsort(r->documents, r->ndocuments, sizeof(*r->documents), by_string);
	}
	free(docs);
	return ok;
}

static int by_count(const void *x, const void *y)
{
	const struct report_count *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The actors by the events (after deduplication) they are in; an actor
 * is one string of the report, so it is found by its address. */
static void count_actors(struct report *r)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->nevents; i++)
		for (size_t k = 0; k < r->events[i].nactors; k++) {
			const char *name = r->events[i].actors[k];
			size_t j = 0;
			while (j < r->nactors && r->actors[j].name != name)
				j++;
			if (j == r->nactors) {
				if (r->nactors == cap) {
					cap = cap ? 2 * cap : 16;
					r->actors = xrealloc(r->actors, cap * sizeof(*r->actors));
				}
				r->actors[r->nactors].name = name;
				r->actors[r->nactors++].n = 0;
			}
			r->actors[j].n++;
		}
	if (r->nactors > 1)
		qsort(r->actors, r->nactors, sizeof(*r->actors), by_count);
}

static bool read_report(sqlite3 *db, const struct report_query *q, const char *fts,
			struct report *r)
{
	struct names actors = {0}, feeds = {0};
	struct article_day *days = NULL;
	size_t ndays = 0;
	bool ok = read_actor_names(db, r->arena, &actors) &&
		  read_feed_names(db, r->arena, &feeds) &&
		  report_read_events(db, q, fts, &actors, &feeds, r, &days, &ndays) &&
		  read_quotes(db, q, days, ndays, r) && read_documents(db, days, ndays, r);
	free(days);
	names_free(&actors);
	names_free(&feeds);
	return ok;
}

struct report *report_read(struct store *s, const struct report_query *q, char **error)
{
	sqlite3 *db = store_db(s);
	struct report *r = xcalloc(1, sizeof(*r));
	r->arena = arena_new();
	char *fts = q->grep != NULL ? timeline_fts_query(q->grep) : NULL;
	/* A summary reads the rows of its range all over the file: mapped,
	 * they cost no copy through read(2), and a larger cache keeps them. */
	sqlite3_exec(db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536", NULL, NULL,
		     NULL);
	bool ok = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK; /* one snapshot */
	ok = ok && read_report(db, q, fts, r);
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
	free(r->events);
	free(r->quotes);
	free(r->actors);
	free(r->documents);
	arena_free(r->arena);
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
