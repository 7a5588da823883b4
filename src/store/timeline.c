#include "config.h"

#include "store/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "fetch/fetch.h"
#include "store/store_db.h"

/* ---- the filter as SQL ------------------------------------------------ */

/* A WHERE clause over events e, and its parameters in order. */
struct where {
	struct buf sql;
	const char *texts[5];
	int ntexts;
	int64_t ints[TL_MAX_ACTORS];
	int nints;
};

char *timeline_fts_query(const char *words)
{
	struct buf b;
	buf_init(&b);
	for (const char *p = words; *p != '\0';) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_putc(&b, '"');
		for (; *p != '\0' && *p != ' ' && *p != '\t'; p++) {
			if (*p == '"')
				buf_putc(&b, '"');
			buf_putc(&b, *p);
		}
		buf_putc(&b, '"');
	}
	return buf_steal(&b);
}

/* Builds the conditions of f; the query text, if any, is owned by w. */
static char *where_of(const struct tl_filter *f, struct where *w)
{
	char *query = NULL;
	buf_init(&w->sql);
	w->ntexts = w->nints = 0;
	buf_puts(&w->sql, " 1");
	if (f->from[0] != '\0') {
		/* those starting in the range, and those of a week, month or
		 * year that started before it and reach into it */
		buf_puts(&w->sql, " AND (e.day_first >= ? OR (e.precision <> 'day' AND e.day_last >= ?))");
		w->texts[w->ntexts++] = f->from;
		w->texts[w->ntexts++] = f->from;
	}
	if (f->to[0] != '\0') {
		buf_puts(&w->sql, " AND e.day_first <= ?");
		w->texts[w->ntexts++] = f->to;
	}
	if (f->search[0] != '\0') {
		query = timeline_fts_query(f->search);
		buf_puts(&w->sql,
			 " AND e.article_id IN (SELECT rowid FROM search WHERE search MATCH ?)");
		w->texts[w->ntexts++] = query;
	}
	if (f->nactors > 0) {
		buf_puts(&w->sql, f->sparse_actors
				      ? " AND e.id IN (SELECT x.event_id FROM event_actors x WHERE"
					" x.actor_id IN ("
				      : " AND EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id"
					" AND x.actor_id IN (");
		for (size_t i = 0; i < f->nactors && i < TL_MAX_ACTORS; i++) {
			buf_puts(&w->sql, i > 0 ? ", ?" : "?");
			w->ints[w->nints++] = f->actors[i];
		}
		buf_puts(&w->sql, "))");
	}
	return query;
}

/* Binds the filter's parameters from index *at on. */
static void bind_where(sqlite3_stmt *st, const struct where *w, int *at)
{
	for (int i = 0; i < w->ntexts; i++)
		sqlite3_bind_text(st, (*at)++, w->texts[i], -1, SQLITE_STATIC);
	for (int i = 0; i < w->nints; i++)
		sqlite3_bind_int64(st, (*at)++, w->ints[i]);
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t != NULL ? (const char *)t : "");
}

/* The feed's name or title, else its URL without a password. */
static char *source_of(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) != SQLITE_NULL)
		return column_dup(st, i);
	const unsigned char *url = sqlite3_column_text(st, i + 1);
	return url_redact(url != NULL ? (const char *)url : "");
}

static void column_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(out, size, "%s", t != NULL ? (const char *)t : "");
}

/* ---- the timeline ----------------------------------------------------- */

int timeline_page(struct store *s, const struct tl_filter *f, bool oldest_first,
		  const struct tl_key *key, bool reversed, int max, struct tl_row *out)
{
	struct where w;
	char *query = where_of(f, &w);
	/* Forward in the shown order is descending unless oldest_first;
	 * reversed walks the other way from the key. */
	bool descending = oldest_first == reversed;
	struct buf sql;
	buf_init(&sql);
	/* The actors of a row, those of the filter first. */
	char first[24 * TL_MAX_ACTORS + 8] = "0";
	for (size_t i = 0; i < f->nactors && i < TL_MAX_ACTORS; i++)
		snprintf(first + strlen(first), sizeof(first) - strlen(first), ", %lld",
			 (long long)f->actors[i]);
	buf_puts(&sql, "SELECT e.id, e.article_id, e.day_first, e.date, e.kind = 'published',"
		       " a.unread, (SELECT group_concat(name, ', ') FROM (SELECT ac.name FROM"
		       " event_actors ea JOIN actors ac ON ac.id = ea.actor_id"
		       " WHERE ea.event_id = e.id ORDER BY ac.id IN (");
	buf_puts(&sql, first);
	buf_puts(&sql, ") DESC, ac.name LIMIT 4)),"
		       " e.sentence, coalesce(f.name, f.title), f.url"
		       " FROM events e JOIN articles a ON a.id = e.article_id"
		       " JOIN feeds f ON f.id = a.feed_id WHERE");
	buf_append(&sql, w.sql.data, w.sql.len);
	if (key != NULL)
		buf_puts(&sql, descending ? " AND (e.day_first, e.id) < (?, ?)"
					  : " AND (e.day_first, e.id) > (?, ?)");
	buf_puts(&sql, descending ? " ORDER BY e.day_first DESC, e.id DESC LIMIT ?"
				  : " ORDER BY e.day_first, e.id LIMIT ?");
	buf_putc(&sql, '\0');

	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(store_db(s), sql.data, -1, &st, NULL) == SQLITE_OK) {
		int at = 1;
		bind_where(st, &w, &at);
		if (key != NULL) {
			sqlite3_bind_text(st, at++, key->day, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, at++, key->id);
		}
		sqlite3_bind_int(st, at, max);
		n = 0;
		while (n < max && sqlite3_step(st) == SQLITE_ROW) {
			struct tl_row *r = &out[n++];
			r->id = sqlite3_column_int64(st, 0);
			r->article_id = sqlite3_column_int64(st, 1);
			column_copy(st, 2, r->day, sizeof(r->day));
			column_copy(st, 3, r->date, sizeof(r->date));
			r->published = sqlite3_column_int(st, 4) != 0;
			r->unread = sqlite3_column_int(st, 5) != 0;
			r->actors = column_dup(st, 6);
			r->text = column_dup(st, 7);
			r->source = source_of(st, 8);
		}
		sqlite3_finalize(st);
	}
	buf_free(&sql);
	buf_free(&w.sql);
	free(query);
	return n;
}

void tl_row_free(struct tl_row *r)
{
	free(r->actors);
	free(r->text);
	free(r->source);
	r->actors = r->text = r->source = NULL;
}

int64_t timeline_count(struct store *s, const struct tl_filter *f)
{
	struct where w;
	char *query = where_of(f, &w);
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT count(*) FROM events e WHERE");
	buf_append(&sql, w.sql.data, w.sql.len);
	buf_putc(&sql, '\0');
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(store_db(s), sql.data, -1, &st, NULL) == SQLITE_OK) {
		int at = 1;
		bind_where(st, &w, &at);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	buf_free(&sql);
	buf_free(&w.sql);
	free(query);
	return n;
}

/* Days from and to the civil calendar: Howard Hinnant's algorithms. */
long timeline_days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void timeline_civil_from_days(long days, int *y, int *m, int *d)
{
	days += 719468;
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

long timeline_day_number(const char *d)
{
	int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
	return timeline_days_from_civil(y, m, day);
}

long timeline_week_of(const char *day)
{
	long n = timeline_day_number(day);
	return n + (7 - ((n + 4) % 7 + 7) % 7) % 7; /* 1970-01-01 was a Thursday */
}

bool timeline_weeks(struct store *s, const struct tl_filter *f, const char *day, int nweeks,
		    int *counts)
{
	struct where w;
	char *query = where_of(f, &w);
	struct buf sql;
	buf_init(&sql);
	/* Counted by day in index order (no sort, no date arithmetic per
	 * row), then into weeks here: week k ends 7k days before the Sunday
	 * that ends day's week. */
	buf_puts(&sql, "SELECT e.day_first, count(*) FROM events e WHERE e.day_first <= date(?1,"
		       " 'weekday 0') AND e.day_first > date(?1, 'weekday 0', ?2) AND");
	buf_append(&sql, w.sql.data, w.sql.len);
	buf_puts(&sql, " GROUP BY e.day_first");
	buf_putc(&sql, '\0');
	char back[32];
	snprintf(back, sizeof(back), "-%d days", 7 * nweeks);
	memset(counts, 0, (size_t)nweeks * sizeof(*counts));
	long sunday = timeline_week_of(day);
	sqlite3_stmt *st;
	bool ok = false;
	if (sqlite3_prepare_v2(store_db(s), sql.data, -1, &st, NULL) == SQLITE_OK) {
		int at = 3;
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, back, -1, SQLITE_STATIC);
		bind_where(st, &w, &at);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 0);
			if (d == NULL || strlen(d) != 10)
				continue;
			long k = (sunday - timeline_day_number(d)) / 7;
			if (k >= 0 && k < nweeks)
				counts[k] += sqlite3_column_int(st, 1);
		}
		ok = rc == SQLITE_DONE;
		sqlite3_finalize(st);
	}
	buf_free(&sql);
	buf_free(&w.sql);
	free(query);
	return ok;
}

/* ---- one article ------------------------------------------------------ */

static char *joined(sqlite3 *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return xstrdup("");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		out = column_dup(st, 0);
	sqlite3_finalize(st);
	return out != NULL ? out : xstrdup("");
}

static void read_quotes(sqlite3 *db, struct tl_article *a)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT q.speaker, coalesce(ac.name, ''), q.text, q.start, q.end"
			       " FROM quotes q LEFT JOIN actors ac ON ac.id = q.actor_id"
			       " WHERE q.article_id = ?1 ORDER BY q.start",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, a->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (a->nquotes == cap) {
			cap = cap ? cap * 2 : 8;
			a->quotes = xrealloc(a->quotes, cap * sizeof(*a->quotes));
		}
		struct tl_quote *q = &a->quotes[a->nquotes++];
		q->speaker = column_dup(st, 0);
		q->actor = column_dup(st, 1);
		q->text = column_dup(st, 2);
		q->start = (size_t)sqlite3_column_int64(st, 3);
		q->end = (size_t)sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
}

struct tl_article *timeline_article(struct store *s, int64_t id)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT coalesce(a.title, ''), coalesce(a.link, ''),"
			       " coalesce(f.name, f.title), f.url,"
			       " date(coalesce(a.published, a.updated, a.first_seen), 'unixepoch'),"
			       " (SELECT text FROM search WHERE rowid = a.id),"
			       " p.article_id IS NOT NULL, p.text IS NOT NULL, p.error,"
			       " coalesce(p.fetched, 0), coalesce(a.content, a.summary, '')"
			       " FROM articles a JOIN feeds f ON f.id = a.feed_id"
			       " LEFT JOIN pages p ON p.article_id = a.id WHERE a.id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	struct tl_article *a = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		a = xcalloc(1, sizeof(*a));
		a->id = id;
		a->title = column_dup(st, 0);
		a->link = column_dup(st, 1);
		a->source = source_of(st, 2);
		a->date = column_dup(st, 4);
		a->text = sqlite3_column_type(st, 5) == SQLITE_NULL ? NULL : column_dup(st, 5);
		a->has_page = sqlite3_column_int(st, 6) != 0;
		a->page_text = sqlite3_column_int(st, 7) != 0;
		a->page_error = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : column_dup(st, 8);
		a->page_fetched = sqlite3_column_int64(st, 9);
		a->feed_html = column_dup(st, 10);
	}
	sqlite3_finalize(st);
	if (a == NULL)
		return NULL;
	a->actors = joined(db,
			   "SELECT group_concat(name || ' (' || mentions || ')', ', ') FROM"
			   " (SELECT ac.name, aa.mentions FROM article_actors aa JOIN actors ac"
			   " ON ac.id = aa.actor_id WHERE aa.article_id = ?1"
			   " ORDER BY aa.mentions DESC, ac.name)",
			   id);
	a->documents = joined(db,
			      "SELECT group_concat(name, '; ') FROM (SELECT d.name FROM"
			      " article_documents ad JOIN documents d ON d.id = ad.document_id"
			      " WHERE ad.article_id = ?1 ORDER BY d.name)",
			      id);
	read_quotes(db, a);
	return a;
}

void tl_article_free(struct tl_article *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->nquotes; i++) {
		free(a->quotes[i].speaker);
		free(a->quotes[i].actor);
		free(a->quotes[i].text);
	}
	free(a->quotes);
	free(a->title);
	free(a->link);
	free(a->source);
	free(a->date);
	free(a->text);
	free(a->actors);
	free(a->documents);
	free(a->page_error);
	free(a->feed_html);
	free(a);
}

bool timeline_mark_read(struct store *s, int64_t article_id)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "UPDATE articles SET unread = 0 WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, article_id);
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	return ok;
}

/* ---- quotes and actors ------------------------------------------------ */

int timeline_quotes(struct store *s, const struct tl_filter *f, int offset, int max,
		    struct tl_quote_row *out)
{
	char *query = f->search[0] != '\0' ? timeline_fts_query(f->search) : NULL;
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT q.article_id, q.start,"
		       " date(coalesce(a.published, a.updated, a.first_seen), 'unixepoch') AS d,"
		       " q.speaker, coalesce(ac.name, ''), q.text FROM quotes q"
		       " JOIN articles a ON a.id = q.article_id"
		       " LEFT JOIN actors ac ON ac.id = q.actor_id WHERE 1");
	if (f->from[0] != '\0')
		buf_puts(&sql, " AND d >= ?");
	if (f->to[0] != '\0')
		buf_puts(&sql, " AND d <= ?");
	if (query != NULL)
		buf_puts(&sql, " AND q.article_id IN (SELECT rowid FROM search WHERE search MATCH ?)");
	if (f->nactors > 0) {
		buf_puts(&sql, " AND q.actor_id IN (");
		for (size_t i = 0; i < f->nactors; i++)
			buf_puts(&sql, i > 0 ? ", ?" : "?");
		buf_puts(&sql, ")");
	}
	buf_puts(&sql, " ORDER BY d DESC, q.article_id DESC, q.start LIMIT ? OFFSET ?");
	buf_putc(&sql, '\0');
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(store_db(s), sql.data, -1, &st, NULL) == SQLITE_OK) {
		int at = 1;
		if (f->from[0] != '\0')
			sqlite3_bind_text(st, at++, f->from, -1, SQLITE_STATIC);
		if (f->to[0] != '\0')
			sqlite3_bind_text(st, at++, f->to, -1, SQLITE_STATIC);
		if (query != NULL)
			sqlite3_bind_text(st, at++, query, -1, SQLITE_STATIC);
		for (size_t i = 0; i < f->nactors; i++)
			sqlite3_bind_int64(st, at++, f->actors[i]);
		sqlite3_bind_int(st, at++, max);
		sqlite3_bind_int(st, at, offset);
		n = 0;
		while (n < max && sqlite3_step(st) == SQLITE_ROW) {
			struct tl_quote_row *q = &out[n++];
			q->article_id = sqlite3_column_int64(st, 0);
			q->start = (size_t)sqlite3_column_int64(st, 1);
			column_copy(st, 2, q->date, sizeof(q->date));
			q->speaker = column_dup(st, 3);
			q->actor = column_dup(st, 4);
			q->text = column_dup(st, 5);
		}
		sqlite3_finalize(st);
	}
	buf_free(&sql);
	free(query);
	return n;
}

void tl_quote_row_free(struct tl_quote_row *q)
{
	free(q->speaker);
	free(q->actor);
	free(q->text);
	q->speaker = q->actor = q->text = NULL;
}

struct tl_actor *timeline_actors(struct store *s, const struct tl_filter *f, size_t *n)
{
	struct buf sql;
	buf_init(&sql);
	/* Without dates, the index of event_actors alone counts them. */
	if (f->from[0] == '\0' && f->to[0] == '\0')
		buf_puts(&sql, "SELECT ac.id, ac.name, (SELECT count(*) FROM event_actors ea"
			       " WHERE ea.actor_id = ac.id");
	else
		buf_puts(&sql, "SELECT ac.id, ac.name, (SELECT count(*) FROM event_actors ea"
			       " JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = ac.id");
	if (f->from[0] != '\0')
		buf_puts(&sql, " AND e.day_last >= ?1");
	if (f->to[0] != '\0')
		buf_puts(&sql, f->from[0] != '\0' ? " AND e.day_first <= ?2" : " AND e.day_first <= ?1");
	buf_puts(&sql, ") AS c FROM actors ac ORDER BY c DESC, ac.name");
	buf_putc(&sql, '\0');
	sqlite3_stmt *st;
	struct tl_actor *out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_db(s), sql.data, -1, &st, NULL) == SQLITE_OK) {
		size_t cap = 0;
		int at = 1;
		if (f->from[0] != '\0')
			sqlite3_bind_text(st, at++, f->from, -1, SQLITE_STATIC);
		if (f->to[0] != '\0')
			sqlite3_bind_text(st, at, f->to, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 32;
				out = xrealloc(out, cap * sizeof(*out));
			}
			out[*n].id = sqlite3_column_int64(st, 0);
			out[*n].name = column_dup(st, 1);
			out[*n].events = sqlite3_column_int64(st, 2);
			(*n)++;
		}
		sqlite3_finalize(st);
	}
	buf_free(&sql);
	if (out == NULL)
		out = xcalloc(1, sizeof(*out));
	return out;
}

void tl_actors_free(struct tl_actor *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].name);
	free(a);
}

bool timeline_feeds_done(struct store *s, int64_t since, int *done, int *total)
{
	sqlite3_stmt *st;
	*done = *total = 0;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT count(*), count(CASE WHEN last_fetch >= ?1 THEN 1 END) FROM feeds",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, since);
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	if (ok) {
		*total = sqlite3_column_int(st, 0);
		*done = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return ok;
}

bool timeline_last_refresh(struct store *s, int64_t *when, int *failing)
{
	sqlite3_stmt *st;
	*when = 0;
	*failing = 0;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT coalesce(max(last_fetch), 0), count(last_error) FROM feeds", -1,
			       &st, NULL) != SQLITE_OK)
		return false;
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	if (ok) {
		*when = sqlite3_column_int64(st, 0);
		*failing = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return ok;
}

/* ---- dates ------------------------------------------------------------ */

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* YYYY-MM-DD of a valid date, without snprintf's width doubts. */
static void put_day(char out[11], int y, int m, int d)
{
	const int parts[3] = {y, m, d}, widths[3] = {4, 2, 2};
	char *p = out;
	for (int i = 0; i < 3; i++) {
		if (i > 0)
			*p++ = '-';
		for (int k = widths[i] - 1, v = parts[i]; k >= 0; k--, v /= 10)
			p[k] = (char)('0' + v % 10);
		p += widths[i];
	}
	*p = '\0';
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool timeline_day_range(const char *s, char first[11], char last[11])
{
	size_t len = strlen(s);
	if (len < 4 || !all_digits(s, 4))
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'), m, d;
	if (y < 1 || y > 9999)
		return false;
	if (len == 4) {
		put_day(first, y, 1, 1);
		put_day(last, y, 12, 31);
		return true;
	}
	if (len < 7 || s[4] != '-' || !all_digits(s + 5, 2))
		return false;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return false;
	if (len == 7) {
		put_day(first, y, m, 1);
		put_day(last, y, m, days_in_month(y, m));
		return true;
	}
	if (len != 10 || s[7] != '-' || !all_digits(s + 8, 2))
		return false;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d < 1 || d > days_in_month(y, m))
		return false;
	put_day(first, y, m, d);
	memcpy(last, first, 11);
	return true;
}
