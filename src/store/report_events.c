#include "config.h"

#include "store/report_events.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/safetext.h"
#include "common/util.h"
#include "store/forward.h"
#include "store/timeline.h"

const char *report_column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t != NULL ? (const char *)t : "";
}

const char *report_text_column(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *t = report_column(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *out = arena_text(a, n + 1);
	arena_trim(a, out, safe_text_copy(out, t, n) + 1);
	return out;
}

long report_find_id(const int64_t *ids, size_t n, int64_t id)
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

size_t report_sort_unique(int64_t *ids, size_t n)
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

const char *report_name_of(const struct names *n, int64_t id)
{
	long i = report_find_id(n->ids, n->n, id);
	return i >= 0 ? n->names[i] : NULL;
}

static long floor_div(int64_t a, int64_t b)
{
	return (long)(a / b - (a % b != 0 && (a < 0) != (b < 0)));
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

/* A date column (YYYY-MM-DD, 2025-W47, 2025-11, 2025) of at most size - 1
 * bytes into a fixed field, anything but digits, '-' and 'W' dropped. */
static void copy_column(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const char *t = report_column(st, i);
	size_t len = (size_t)sqlite3_column_bytes(st, i), n = 0;
	for (size_t k = 0; k < len && n + 1 < size; k++)
		if ((t[k] >= '0' && t[k] <= '9') || t[k] == '-' || t[k] == 'W')
			out[n++] = t[k];
	out[n] = '\0';
}

/* How the events are read: by a scan of the table or through the date
 * indexes. */
struct scan {
	bool table;	 /* a scan of the table */
	size_t estimate; /* the events expected, to allocate once */
	int64_t last_id; /* the highest id of all */
};

/* A range that holds so large a part of the events that reading the
 * table in its own order beats a lookup per event from the date index
 * (lookups cost some twenty times a row read in order) is scanned.  The
 * count stops at that share; beyond, the number is estimated from the
 * range's share of all days (it only sizes the arrays). */
static bool plan_scan(sqlite3 *db, const struct report_query *q, struct scan *scan)
{
	sqlite3_stmt *st;
	memset(scan, 0, sizeof(*scan));
	if (sqlite3_prepare_v2(db,
			       "SELECT (SELECT max(id) FROM events), (SELECT min(day_first) FROM"
			       " events), (SELECT max(day_first) FROM events)",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	int rc = sqlite3_step(st);
	long first = 0, last = 0;
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 1) == SQLITE_TEXT) {
		scan->last_id = sqlite3_column_int64(st, 0);
		char day[11];
		copy_column(st, 1, day, sizeof(day));
		first = strlen(day) == 10 ? timeline_day_number(day) : 0;
		copy_column(st, 2, day, sizeof(day));
		last = strlen(day) == 10 ? timeline_day_number(day) : 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return false;
	int64_t share = scan->last_id / 20 + 1, in_range = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT count(*) FROM (SELECT 1 FROM events WHERE day_first BETWEEN ?1"
			       " AND ?2 LIMIT ?3)",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, q->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, share);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		in_range = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	scan->estimate = (size_t)in_range;
	if (in_range >= share && last > first) { /* a large range */
		long from = timeline_day_number(q->from), to = timeline_day_number(q->to);
		from = from > first ? from : first;
		to = to < last ? to : last;
		double part = to >= from ? (double)(to - from + 1) / (double)(last - first + 1) : 0;
		int64_t guess = (int64_t)(part * 1.25 * (double)scan->last_id);
		scan->estimate = (size_t)(guess > in_range ? guess : in_range);
	}
	scan->table = q->nactors == 0 && q->grep == NULL && in_range > FEW_ROWS && in_range >= share;
	return rc == SQLITE_ROW;
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
	long i = report_find_id(actors->ids, actors->n, actor_id);
	if (i >= 0)
		add_rank(m, (uint32_t)actors->rank[i], a);
}

/* The event of the current row: its own columns (its article and actors
 * come later, from attach). */
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
	e->precision = precision_name(report_column(st, 3));
	if (e->precision[0] == 'd') /* a day's date is its first day */
		memcpy(e->date, e->day, sizeof(e->day));
	else
		copy_column(st, 2, e->date, sizeof(e->date));
	e->published = sqlite3_column_int(st, 4) != 0;
	e->text = report_text_column(a, st, 5);
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
			src->feed = report_name_of(g->feeds, sqlite3_column_int64(at, 1));
			if (src->feed == NULL)
				src->feed = "";
			src->title = report_text_column(a, at, 2);
			src->link = report_text_column(a, at, 3);
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

struct id_at {
	int64_t id;
	size_t at;
};

static int by_event_id(const void *x, const void *y)
{
	const struct id_at *a = x, *b = y;
	return (a->id > b->id) - (a->id < b->id);
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
		struct id_at *order = xmalloc((n + 1) * sizeof(*order));
		for (size_t i = 0; i < n; i++)
			order[i] = (struct id_at){g->meta[i].id, i};
		qsort(order, n, sizeof(*order), by_event_id);
		for (size_t i = 0; i < n; i++)
			attach(g, order[i].at);
		free(order);
	}
	bool ok = forward_ok(&articles) && forward_ok(&event_actors);
	forward_close(&articles);
	forward_close(&event_actors);
	g->articles = g->event_actors = NULL;
	return ok;
}

static bool read_rows(sqlite3 *db, const struct report_query *q, const char *fts,
		      const struct scan *scan, struct reading *g)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT e.id, e.day_first, e.date, e.precision, e.kind = 'published',"
		       " e.sentence, e.article_id FROM events e");
	/* No ORDER BY: the rows are sorted here, whichever way they came. */
	if (scan->table)
		buf_puts(&sql, " NOT INDEXED");
	if (q->nactors == 0 && q->grep == NULL && q->feed == NULL && q->tag == NULL &&
	    scan->estimate > g->cap) {
		g->cap = scan->estimate; /* one allocation, not a doubling copy */
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

/* Days since 1970-01-01 of YYYYMMDD. */
static long day_number_of(uint32_t ymd)
{
	return timeline_days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
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

/* ---- their articles -------------------------------------------------------- */

static int by_article_id(const void *x, const void *y)
{
	const struct article_day *a = x, *b = y;
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
	nids = report_sort_unique(ids, nids);
	k = 0;
	for (size_t i = 0; i < n; i++)
		if (report_find_id(ids, nids, d[i].id) >= 0)
			d[k++] = d[i];
	free(ids);
	return k;
}

bool report_read_events(sqlite3 *db, const struct report_query *q,
			const char *fts, const struct names *actors, const struct names *feeds,
			struct report *r, struct article_day **days, size_t *ndays)
{
	struct reading g = {.r = r, .ids_ascending = true, .feeds = feeds, .actors = actors};
	struct scan scan;
	bool ok = plan_scan(db, q, &scan);
	if (ok)
		ok = read_rows(db, q, fts, &scan, &g);
	if (ok) {
		name_actors(&g);
		keep_events(&g, q);
		*ndays = kept_articles(&g, q);
		*days = g.days;
		g.days = NULL;
	}
	free(g.days);
	free(g.meta);
	return ok;
}
