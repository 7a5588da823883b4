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
#include "store/store_db.h"
#include "store/timeline.h"

/* Up to this many rows, a lookup per row; beyond, one pass over the
 * table: a summary of a year reads a third of a million-article store. */
#define FEW_ROWS 4096

static const char *column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t != NULL ? (const char *)t : "";
}

/* Column i cleaned (common/safetext.h), in the arena: every string of a
 * report is, so no output has to clean it again. */
static const char *arena_column(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *t = column(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *out = arena_text(a, n + 1);
	arena_trim(a, out, safe_text_copy(out, t, n) + 1);
	return out;
}

static char *dup_column(sqlite3_stmt *st, int i)
{
	return xstrdup(column(st, i));
}

/* The index of id in the n ascending ids, or -1. */
static long find_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id ? (long)lo : -1;
}

static int by_int64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* Sorts n ids and drops repeats; the new count. */
static size_t sort_unique(int64_t *ids, size_t n)
{
	if (n == 0)
		return 0;
	qsort(ids, n, sizeof(*ids), by_int64);
	size_t k = 1;
	for (size_t i = 1; i < n; i++)
		if (ids[i] != ids[k - 1])
			ids[k++] = ids[i];
	return k;
}

/* ---- the names of actors and feeds, read once ------------------------- */

/* Rows name their actors and feeds by id; each name is one string of the
 * arena, shared by every event (and compared by address when counting). */
struct names {
	int64_t *ids; /* ascending */
	const char **names;
	size_t *rank; /* the id's place in name order */
	size_t n;
};

static void names_free(struct names *n)
{
	free(n->ids);
	free(n->names);
	free(n->rank);
}

static const char *name_of(const struct names *n, int64_t id)
{
	long i = find_id(n->ids, n->n, id);
	return i >= 0 ? n->names[i] : NULL;
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
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n->n == cap) {
			cap = cap ? 2 * cap : 64;
			n->ids = xrealloc(n->ids, cap * sizeof(*n->ids));
			n->names = xrealloc(n->names, cap * sizeof(*n->names));
			n->rank = xrealloc(n->rank, cap * sizeof(*n->rank));
		}
		n->ids[n->n] = sqlite3_column_int64(st, 0);
		n->names[n->n] = arena_column(a, st, 1);
		n->rank[n->n++] = (size_t)sqlite3_column_int64(st, 2);
	}
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
		if (n->n == cap) {
			cap = cap ? 2 * cap : 64;
			n->ids = xrealloc(n->ids, cap * sizeof(*n->ids));
			n->names = xrealloc(n->names, cap * sizeof(*n->names));
		}
		n->ids[n->n] = sqlite3_column_int64(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
			n->names[n->n++] = arena_column(a, st, 1);
		} else {
			char *redacted = url_redact(column(st, 2));
			char *out = arena_text(a, strlen(redacted) + 1);
			arena_trim(a, out, safe_text_copy(out, redacted, strlen(redacted)) + 1);
			n->names[n->n++] = out;
			free(redacted);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

/* ---- the filter --------------------------------------------------------- */

/* The condition on events e; its parameters are bound by bind_filter in
 * the same order. */
static void put_filter(struct buf *sql, const struct report_query *q)
{
	/* The events that start in the range (events_timeline), and those
	 * of a week, month or year that started before it and reach into it
	 * (events_spanning). */
	buf_puts(sql, " ((e.day_first >= ?1 AND e.day_first <= ?2) OR (e.day_last >= ?1 AND"
		      " e.day_first < ?1 AND e.precision <> 'day'))");
	if (q->feed != NULL)
		buf_puts(sql, " AND e.article_id IN (SELECT id FROM articles WHERE feed_id IN"
			      " (SELECT id FROM feeds WHERE name = ?))");
	if (q->tag != NULL)
		buf_puts(sql, " AND e.article_id IN (SELECT id FROM articles WHERE feed_id IN"
			      " (SELECT id FROM feeds WHERE (',' || replace(coalesce(tags, ''), ' ', '')"
			      " || ',') LIKE '%,' || ? || ',%'))");
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

static void bind_filter(sqlite3_stmt *st, const struct report_query *q, const char *fts)
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
}

/* Whether the range holds so large a part of the events that reading the
 * table in its own order beats a lookup per event from the date index
 * (lookups cost some twenty times a row read in order). */
static bool range_is_large(sqlite3 *db, const struct report_query *q, size_t *estimate)
{
	sqlite3_stmt *st;
	int64_t in_range = 0, all = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT (SELECT count(*) FROM events WHERE day_first BETWEEN ?1 AND"
			       " ?2), (SELECT max(id) FROM events)",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, q->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->to, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		in_range = sqlite3_column_int64(st, 0);
		all = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	*estimate = (size_t)in_range;
	return in_range > FEW_ROWS && in_range * 20 > all;
}

/* ---- the events, as read ------------------------------------------------ */


/* A date column (YYYY-MM-DD, 2025-W47, 2025-11, 2025) of at most size - 1
 * bytes into a fixed field, anything but digits, '-' and 'W' dropped. */
static void copy_column(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const char *t = column(st, i);
	size_t len = (size_t)sqlite3_column_bytes(st, i), n = 0;
	for (size_t k = 0; k < len && n + 1 < size; k++)
		if ((t[k] >= '0' && t[k] <= '9') || t[k] == '-' || t[k] == 'W')
			out[n++] = t[k];
	out[n] = '\0';
}

/* ---- merge joins ------------------------------------------------------- */

/* A statement over rows in the order of an id (column 0, from ?1 on),
 * moved forward to the ids asked for.  The events come mostly in id
 * order, and so do their articles and actors: stepping on through a
 * table costs a tenth of a lookup per row (which is what a join in SQL
 * does).  An id behind, or far ahead, restarts it there: one lookup. */
struct forward {
	sqlite3_stmt *st;
	int64_t from; /* no row has an id from here up to the current one's */
	int64_t at;   /* the id of the current row; INT64_MAX past the last */
	bool started;
};

#define FORWARD_STEPS 32 /* rows to step before a lookup is the cheaper */

static bool forward_open(sqlite3 *db, const char *sql, struct forward *f)
{
	memset(f, 0, sizeof(*f));
	return sqlite3_prepare_v2(db, sql, -1, &f->st, NULL) == SQLITE_OK;
}

static void forward_close(struct forward *f)
{
	sqlite3_finalize(f->st);
}

static void forward_step(struct forward *f)
{
	f->at = sqlite3_step(f->st) == SQLITE_ROW ? sqlite3_column_int64(f->st, 0) : INT64_MAX;
}

/* Whether there is a row of id: then it is the current one (the first). */
static bool forward_to(struct forward *f, int64_t id)
{
	if (f->started && id >= f->from) {
		for (int k = 0; f->at < id && k < FORWARD_STEPS; k++)
			forward_step(f);
		if (f->at >= id) {
			f->from = id;
			return f->at == id;
		}
	}
	sqlite3_reset(f->st);
	sqlite3_bind_int64(f->st, 1, id);
	f->started = true;
	f->from = id;
	forward_step(f);
	return f->at == id;
}

/* An article of the events and the day it was published (days since
 * 1970-01-01): its quotes are shown when that day is in the range. */
struct article_day {
	int64_t id;
	long day;
};

static long floor_div(int64_t a, int64_t b)
{
	return (long)(a / b - (a % b != 0 && (a < 0) != (b < 0)));
}

/* What a read keeps of an event beside its report_event (r->events, in
 * the order read): where it sorts, its deduplication hash, its actors.
 * A year of a large store is a million events: this stays small. */
#define INLINE_RANKS 4
struct meta {
	uint32_t order; /* YYYYMMDD of its first day, twice; +1 unless by the year */
	uint32_t nranks;
	int64_t id;
	uint64_t hash;			/* of its date, kind and folded words */
	int64_t article_id;
	uint32_t ranks[INLINE_RANKS];	/* its actors' ranks by name, ascending */
	uint32_t *more;			/* all of them when more (in the arena) */
};

struct reading {
	struct report *r;
	struct meta *meta;
	size_t cap;
	bool ids_ascending; /* read in the table's order: sorted by id */
	const struct names *feeds, *actors;
	struct forward *articles, *event_actors;
	/* the source of the last event: an article's events come together */
	const struct report_source *source;
	/* the articles read, with the day each was published */
	struct article_day *days;
	size_t ndays, days_cap;
};

static const char *precision_name(const char *p)
{
	switch (p[0]) {
	case 'w':
		return "week";
	case 'm':
		return "month";
	case 'y':
		return "year";
	default:
		return "day";
	}
}

static uint32_t order_of(const char *day, const char *precision)
{
	uint32_t ymd = 0;
	for (int i = 0; i < 10; i++)
		if (day[i] >= '0' && day[i] <= '9')
			ymd = ymd * 10 + (uint32_t)(day[i] - '0');
	return 2 * ymd + (precision[0] != 'y');
}

/* Letters and digits in lower case, other ASCII 0; bytes of UTF-8
 * sequences as they are: what deduplication compares of a text. */
static unsigned char fold_byte(unsigned char c)
{
	if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
		return c;
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 'a' - 'A') : 0;
}

/* The hash of the event's date, kind and words, folded: letters and
 * digits only, in lower case, at most 80 of them (fold()). */
static uint64_t event_hash(const struct report_event *e)
{
	uint64_t h = 1469598103934665603u;
	for (const char *p = e->date; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	h = (h ^ (e->published ? 1u : 2u)) * 1099511628211u;
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)e->text; *p != '\0' && n < 80; p++) {
		unsigned char f = fold_byte(*p);
		if (f != 0) {
			h = (h ^ f) * 1099511628211u;
			n++;
		}
	}
	return h != 0 ? h : 1;
}

static void add_rank(struct meta *m, uint32_t rank, struct arena *a)
{
	uint32_t *ranks = m->more != NULL ? m->more : m->ranks;
	uint32_t at = 0;
	while (at < m->nranks && ranks[at] < rank)
		at++;
	if (at < m->nranks && ranks[at] == rank)
		return;
	if (m->nranks >= INLINE_RANKS) { /* rare: a copy per new one */
		uint32_t *grown = arena_alloc(a, (m->nranks + 1) * sizeof(*grown));
		memcpy(grown, ranks, m->nranks * sizeof(*grown));
		m->more = ranks = grown;
	}
	memmove(ranks + at + 1, ranks + at, (m->nranks - at) * sizeof(*ranks));
	ranks[at] = rank;
	m->nranks++;
}

static void add_actor_of(struct meta *m, const struct names *actors, int64_t actor_id,
			 struct arena *a)
{
	long i = find_id(actors->ids, actors->n, actor_id);
	if (i >= 0)
		add_rank(m, (uint32_t)actors->rank[i], a);
}

/* One event row (its first actor, if any, in column 10). */
static void read_event(struct reading *g, sqlite3_stmt *st, int64_t id)
{
	struct report *r = g->r;
	struct arena *a = r->arena;
	if (r->nevents == g->cap || g->meta == NULL || r->events == NULL) {
		g->cap = g->cap > r->nevents ? g->cap : r->nevents > 0 ? 2 * r->nevents : 256;
		r->events = xrealloc(r->events, g->cap * sizeof(*r->events));
		g->meta = xrealloc(g->meta, g->cap * sizeof(*g->meta));
	}
	if (r->nevents > 0 && id < g->meta[r->nevents - 1].id)
		g->ids_ascending = false;
	struct report_event *e = &r->events[r->nevents];
	struct meta *m = &g->meta[r->nevents++];
	m->id = id;
	m->nranks = 0;
	m->more = NULL;
	copy_column(st, 1, e->day, sizeof(e->day));
	copy_column(st, 2, e->date, sizeof(e->date));
	e->precision = precision_name(column(st, 3));
	e->published = sqlite3_column_int(st, 4) != 0;
	e->text = arena_column(a, st, 5);
	e->actors = NULL;
	e->nactors = 0;
	m->order = order_of(e->day, e->precision);
	m->hash = event_hash(e);
	/* its article, until attach() puts the article's source in its place */
	m->article_id = sqlite3_column_int64(st, 6);
	e->sources = NULL;
	e->nsources = 0;
}

/* Event i's source (its article's feed, title and link: one for all the
 * article's events) and its actors. */
static void attach(struct reading *g, size_t i)
{
	struct arena *a = g->r->arena;
	struct meta *m = &g->meta[i];
	if (g->source == NULL || m->article_id != g->source->article_id) {
		struct report_source *src = arena_alloc(a, sizeof(*src));
		*src = (struct report_source){"", "", "", m->article_id};
		if (forward_to(g->articles, m->article_id)) {
			sqlite3_stmt *at = g->articles->st;
			src->feed = name_of(g->feeds, sqlite3_column_int64(at, 1));
			if (src->feed == NULL)
				src->feed = "";
			src->title = arena_column(a, at, 2);
			src->link = arena_column(a, at, 3);
			if (g->ndays == g->days_cap) {
				g->days_cap = g->days_cap ? 2 * g->days_cap : 256;
				g->days = xrealloc(g->days, g->days_cap * sizeof(*g->days));
			}
			g->days[g->ndays++] = (struct article_day){
			    m->article_id, floor_div(sqlite3_column_int64(at, 4), 86400)};
		}
		g->source = src;
	}
	g->r->events[i].sources = g->source;
	g->r->events[i].nsources = 1;
	if (forward_to(g->event_actors, m->id))
		for (; g->event_actors->at == m->id; forward_step(g->event_actors))
			add_actor_of(m, g->actors, sqlite3_column_int64(g->event_actors->st, 1), a);
}

static const struct meta *by_id_meta;

static int by_event_id(const void *x, const void *y)
{
	int64_t a = by_id_meta[*(const uint32_t *)x].id, b = by_id_meta[*(const uint32_t *)y].id;
	return (a > b) - (a < b);
}

/* Every event's article and actors, read in event order: the articles
 * and the actors are stored in that order too (merge joins). */
static bool attach_all(sqlite3 *db, struct reading *g)
{
	if (g->r->nevents == 0 || g->meta == NULL)
		return true;
	struct forward articles, event_actors;
	if (!forward_open(db,
			  "SELECT id, feed_id, coalesce(title, ''), coalesce(link, ''),"
			  " coalesce(published, updated, first_seen) FROM articles"
			  " WHERE id >= ?1 ORDER BY id",
			  &articles)) {
		return false;
	}
	if (!forward_open(db,
			  "SELECT event_id, actor_id FROM event_actors WHERE event_id >= ?1"
			  " ORDER BY event_id",
			  &event_actors)) {
		forward_close(&articles);
		return false;
	}
	g->articles = &articles;
	g->event_actors = &event_actors;
	size_t n = g->r->nevents;
	if (g->ids_ascending) {
		for (size_t i = 0; i < n; i++)
			attach(g, i);
	} else { /* from the date index: by day */
		uint32_t *order = xmalloc((n + 1) * sizeof(*order));
		for (size_t i = 0; i < n; i++)
			order[i] = (uint32_t)i;
		by_id_meta = g->meta;
		qsort(order, n, sizeof(*order), by_event_id);
		for (size_t i = 0; i < n; i++)
			attach(g, order[i]);
		free(order);
	}
	forward_close(&articles);
	forward_close(&event_actors);
	g->articles = g->event_actors = NULL;
	return true;
}

static bool read_rows(sqlite3 *db, const struct report_query *q, const char *fts,
		      struct reading *g)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT e.id, e.day_first, e.date, e.precision, e.kind = 'published',"
		       " e.sentence, e.article_id FROM events e");
	/* No ORDER BY: the rows are sorted here, whichever way they came. */
	size_t estimate = 0;
	if (range_is_large(db, q, &estimate) && q->nactors == 0 && q->grep == NULL)
		buf_puts(&sql, " NOT INDEXED");
	if (q->nactors == 0 && q->grep == NULL && q->feed == NULL && q->tag == NULL &&
	    estimate > g->cap) {
		g->cap = estimate; /* one allocation, not a doubling copy */
		free(g->r->events);
		free(g->meta);
		g->r->events = big_alloc(g->cap * sizeof(*g->r->events));
		g->meta = big_alloc(g->cap * sizeof(*g->meta));
	}
	buf_puts(&sql, " WHERE");
	put_filter(&sql, q);
	buf_putc(&sql, '\0');
	sqlite3_stmt *st;
	bool ok = sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) == SQLITE_OK;
	buf_free(&sql);
	if (!ok)
		return false;
	bind_filter(st, q, fts);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_event(g, st, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && attach_all(db, g);
}

/* The ranks into names, in name order. */
static void name_actors(struct reading *g)
{
	if (g->meta == NULL)
		return; /* no events */
	const struct names *actors = g->actors;
	const char **by_rank = xcalloc(actors->n + 1, sizeof(*by_rank));
	for (size_t i = 0; i < actors->n; i++)
		if (actors->rank[i] <= actors->n)
			by_rank[actors->rank[i]] = actors->names[i];
	for (size_t i = 0; i < g->r->nevents; i++) {
		const struct meta *m = &g->meta[i];
		struct report_event *e = &g->r->events[i];
		if (m->nranks == 0)
			continue;
		const uint32_t *ranks = m->more != NULL ? m->more : m->ranks;
		e->actors = arena_alloc(g->r->arena, m->nranks * sizeof(*e->actors));
		for (size_t k = 0; k < m->nranks; k++)
			if (ranks[k] <= actors->n && by_rank[ranks[k]] != NULL)
				e->actors[e->nactors++] = by_rank[ranks[k]];
	}
	free(by_rank);
}

/* ---- in order, deduplicated --------------------------------------------- */

/* Days since 1970-01-01 of YYYYMMDD (as timeline_day_number). */
static long day_number_of(uint32_t ymd)
{
	long y = (long)(ymd / 10000), m = (long)(ymd / 100 % 100), d = (long)(ymd % 100);
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct order_key {
	uint32_t order;
	uint32_t at;
	int64_t id;
};

static int by_order(const void *x, const void *y)
{
	const struct order_key *a = x, *b = y;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* The events' places in order of (order, id).  Read in id order (a scan
 * of the table, or the date indexes joined by OR, which SQLite reads in
 * rowid order), a stable count by day sorts them in linear time. */
static uint32_t *sorted_places(const struct reading *g)
{
	size_t n = g->r->nevents;
	uint32_t *place = xmalloc((n + 1) * sizeof(*place));
	uint32_t lo = UINT32_MAX, hi = 0;
	for (size_t i = 0; i < n; i++) {
		lo = g->meta[i].order < lo ? g->meta[i].order : lo;
		hi = g->meta[i].order > hi ? g->meta[i].order : hi;
	}
	long first = n > 0 ? day_number_of(lo / 2) : 0, last = n > 0 ? day_number_of(hi / 2) : 0;
	size_t nbuckets = (size_t)(2 * (last - first + 1));
	if (g->ids_ascending && n > 0 && last - first < (1L << 21)) {
		size_t *count = xcalloc(nbuckets + 1, sizeof(*count));
		uint32_t *bucket = xmalloc(n * sizeof(*bucket));
		uint32_t prev = UINT32_MAX, prev_bucket = 0;
		for (size_t i = 0; i < n; i++) {
			uint32_t o = g->meta[i].order;
			if (o != prev) /* the rows of a day come together, mostly */
				prev_bucket =
				    (uint32_t)(2 * (day_number_of(o / 2) - first) + (o & 1));
			prev = o;
			bucket[i] = prev_bucket;
			count[prev_bucket + 1]++;
		}
		for (size_t b = 1; b <= nbuckets; b++)
			count[b] += count[b - 1];
		for (size_t i = 0; i < n; i++)
			place[count[bucket[i]]++] = (uint32_t)i;
		free(bucket);
		free(count);
		return place;
	}
	struct order_key *keys = xmalloc((n + 1) * sizeof(*keys));
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct order_key){g->meta[i].order, (uint32_t)i, g->meta[i].id};
	qsort(keys, n, sizeof(*keys), by_order);
	for (size_t i = 0; i < n; i++)
		place[i] = keys[i].at;
	free(keys);
	return place;
}

/* The words of a sentence or title, folded as event_hash folds them. */
static void fold(const char *s, char *out, size_t size)
{
	size_t n = 0;
	for (; *s != '\0' && n + 1 < size && n < 80; s++)
		if (fold_byte((unsigned char)*s) != 0)
			out[n++] = (char)fold_byte((unsigned char)*s);
	out[n] = '\0';
}

static bool same_event(const struct report_event *a, const struct report_event *b)
{
	char fa[96], fb[96];
	if (a->published != b->published || strcmp(a->date, b->date) != 0)
		return false;
	fold(a->text, fa, sizeof(fa));
	fold(b->text, fb, sizeof(fb));
	return strcmp(fa, fb) == 0;
}

/* The events kept of one day, by hash: a repeat is found in one probe;
 * the table is per day (repeats share their day) so it stays small and
 * in cache. */
struct seen {
	uint64_t *hashes; /* 0: empty */
	uint32_t *at;	  /* the event's place in r->events as read */
	uint32_t *used;	  /* the slots taken, to empty them for the next day */
	size_t cap, nused;
};

/* Room for n events, empty. */
static void seen_start(struct seen *s, size_t n)
{
	for (size_t i = 0; i < s->nused; i++)
		s->hashes[s->used[i]] = 0;
	s->nused = 0;
	if (2 * n <= s->cap)
		return;
	free(s->hashes);
	free(s->at);
	free(s->used);
	s->cap = 64;
	while (s->cap < 2 * n)
		s->cap *= 2;
	s->hashes = xcalloc(s->cap, sizeof(*s->hashes));
	s->at = xcalloc(s->cap, sizeof(*s->at));
	s->used = xcalloc(s->cap, sizeof(*s->used));
}

static void seen_free(struct seen *s)
{
	free(s->hashes);
	free(s->at);
	free(s->used);
}

#define NONE UINT32_MAX

/* The place of the event kept that event i repeats, or NONE; i is
 * remembered when it is new and keep is set. */
static uint32_t seen_or_add(struct seen *s, const struct reading *g, uint32_t i, bool keep)
{
	uint64_t h = g->meta[i].hash;
	size_t k = h & (s->cap - 1);
	for (; s->hashes[k] != 0; k = (k + 1) & (s->cap - 1))
		if (s->hashes[k] == h && same_event(&g->r->events[s->at[k]], &g->r->events[i]))
			return s->at[k];
	if (keep) {
		s->hashes[k] = h;
		s->at[k] = i;
		s->used[s->nused++] = (uint32_t)k;
	}
	return NONE;
}

/* A repeat's source and actors into the event kept. */
static void merge(struct report_event *kept, const struct report_event *e, struct arena *a)
{
	const struct report_source *src = &e->sources[0];
	bool known = false;
	for (size_t i = 0; i < kept->nsources && !known; i++)
		known = strcmp(kept->sources[i].feed, src->feed) == 0;
	if (!known) {
		struct report_source *grown =
		    arena_alloc(a, (kept->nsources + 1) * sizeof(*grown));
		memcpy(grown, kept->sources, kept->nsources * sizeof(*grown));
		grown[kept->nsources++] = *src;
		kept->sources = grown;
	}
	for (size_t i = 0; i < e->nactors; i++) {
		bool has = false;
		for (size_t k = 0; k < kept->nactors && !has; k++)
			has = kept->actors[k] == e->actors[i];
		if (has)
			continue;
		const char **grown = arena_alloc(a, (kept->nactors + 1) * sizeof(*grown));
		if (kept->nactors > 0)
			memcpy(grown, kept->actors, kept->nactors * sizeof(*grown));
		grown[kept->nactors++] = e->actors[i];
		kept->actors = grown;
	}
}

/* r->events by date (those dated by the year alone first in their day),
 * a repeat merged into the first of its kind, at most q->limit kept:
 * the places are worked out first, then the events moved once, in place
 * (no second copy of a million events). */
static void keep_events(struct reading *g, const struct report_query *q)
{
	struct report *r = g->r;
	size_t n = r->nevents;
	if (g->meta == NULL)
		return; /* no events */
	uint32_t *place = sorted_places(g);
	uint32_t *dest = xmalloc((n + 1) * sizeof(*dest)); /* where each one goes */
	struct seen seen = {0};
	uint32_t kept = 0;
	for (size_t day = 0, next; day < n; day = next) {
		for (next = day + 1;
		     next < n && g->meta[place[next]].order == g->meta[place[day]].order; next++)
			;
		seen_start(&seen, next - day);
		for (size_t k = day; k < next; k++) {
			uint32_t i = place[k];
			bool room = q->limit <= 0 || kept < (uint32_t)q->limit;
			uint32_t same = seen_or_add(&seen, g, i, room);
			dest[i] = NONE;
			if (same != NONE)
				merge(&r->events[same], &r->events[i], r->arena);
			else if (room)
				dest[i] = kept++;
		}
	}
	seen_free(&seen);
	free(place);
	/* each swap puts one event where it goes */
	for (size_t i = 0; i < n; i++)
		while (dest[i] != NONE && dest[i] != i) {
			uint32_t j = dest[i];
			struct report_event e = r->events[j];
			r->events[j] = r->events[i];
			r->events[i] = e;
			dest[i] = dest[j];
			dest[j] = j;
		}
	free(dest);
	r->nevents = kept;
}

/* ---- the articles of the events: quotes and documents ------------------- */

static int by_article_id(const void *x, const void *y)
{
	const struct article_day *a = x, *b = y;
	return (a->id > b->id) - (a->id < b->id);
}

static int by_article_day(const void *x, const void *y)
{
	const struct article_day *a = x, *b = y;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* The articles of the events kept, by id (g->days, narrowed to them);
 * their number. */
static size_t kept_articles(struct reading *g, const struct report_query *q)
{
	struct article_day *d = g->days;
	size_t n = g->ndays, k = 0;
	bool ascending = true;
	for (size_t i = 1; i < n && ascending; i++)
		ascending = d[i - 1].id <= d[i].id;
	if (!ascending)
		qsort(d, n, sizeof(*d), by_article_id);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || d[k - 1].id != d[i].id)
			d[k++] = d[i];
	n = k;
	if (q->limit <= 0)
		return n; /* every event read is kept, or merged into one kept */
	const struct report *r = g->r;
	size_t nids = 0;
	for (size_t i = 0; i < r->nevents; i++)
		nids += r->events[i].nsources;
	int64_t *ids = xmalloc((nids + 1) * sizeof(*ids));
	nids = 0;
	for (size_t i = 0; i < r->nevents; i++)
		for (size_t s = 0; s < r->events[i].nsources; s++)
			ids[nids++] = r->events[i].sources[s].article_id;
	nids = sort_unique(ids, nids);
	k = 0;
	for (size_t i = 0; i < n; i++)
		if (find_id(ids, nids, d[i].id) >= 0)
			d[k++] = d[i];
	free(ids);
	return k;
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
	days += 719468;
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);
	if (out != NULL)
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)((y % 10000 + 10000) % 10000),
			 (unsigned)m % 100u, (unsigned)d % 100u);
	return (int)(y * 12 + m - 1);
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
	forward_close(&quotes);
	free(in_range);
	return true;
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
			k->speaker = arena_column(r->arena, st, 0);
			k->actor = arena_column(r->arena, st, 1);
			k->kind = arena_column(r->arena, st, 2);
			k->text = arena_column(r->arena, st, 3);
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
	forward_close(&refs);
	n = sort_unique(docs, n);
	sqlite3_stmt *st;
	bool ok = sqlite3_prepare_v2(db, "SELECT name FROM documents WHERE id = ?1", -1, &st,
				     NULL) == SQLITE_OK;
	if (ok)
		r->documents = xcalloc(n + 1, sizeof(*r->documents));
	for (size_t i = 0; ok && i < n; i++) {
		sqlite3_bind_int64(st, 1, docs[i]);
		if (sqlite3_step(st) == SQLITE_ROW)
			r->documents[r->ndocuments++] = arena_column(r->arena, st, 0);
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
	struct reading g = {.r = r, .ids_ascending = true, .feeds = &feeds, .actors = &actors};
	bool ok = read_actor_names(db, r->arena, &actors) &&
		  read_feed_names(db, r->arena, &feeds) && read_rows(db, q, fts, &g);
	if (ok) {
		name_actors(&g);
		keep_events(&g, q);
		size_t narticles = kept_articles(&g, q);
		ok = read_quotes(db, q, g.days, narticles, r);
		ok = ok && read_documents(db, g.days, narticles, r);
	}
	free(g.days);
	free(g.meta);
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
