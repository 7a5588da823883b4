/* The events of a summary (store/report.c): read, sorted by date, their
 * repeats merged.  Shared by the report's two files only. */
#ifndef RETL_REPORT_EVENTS_H
#define RETL_REPORT_EVENTS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/report.h"

struct arena;

/* Up to this many rows, a lookup per row; beyond, one pass over the
 * table: a summary of a year reads a third of a million-article store. */
#define FEW_ROWS 4096

/* Rows name their actors and feeds by id; each name is one string of the
 * arena, shared by every event (and compared by address when counting). */
struct names {
	int64_t *ids; /* ascending */
	const char **names;
	size_t *rank; /* the id's place in name order (actors) */
	size_t n;
};

/* The name of id, or NULL. */
const char *report_name_of(const struct names *n, int64_t id);

/* An article of the events and the day it was published (days since
 * 1970-01-01): its quotes are shown when that day is in the range. */
struct article_day {
	int64_t id;
	long day;
};

/* Column i as text ("" for NULL). */
const char *report_column(sqlite3_stmt *st, int i);
/* Column i cleaned (common/safetext.h), in the arena: every string of a
 * report is, so no output has to clean it again. */
const char *report_text_column(struct arena *a, sqlite3_stmt *st, int i);
/* The index of id in the n ascending ids, or -1. */
long report_find_id(const int64_t *ids, size_t n, int64_t id);
/* Sorts n ids and drops repeats; the new count. */
size_t report_sort_unique(int64_t *ids, size_t n);

/* Reads the events of q into r->events (by date, those dated by the year
 * alone first in their day; repeats merged; at most q->limit), and the
 * articles of the events kept, by id with their days, into *days. */
bool report_read_events(sqlite3 *db, const struct report_query *q,
			const char *fts, const struct names *actors, const struct names *feeds,
			struct report *r, struct article_day **days, size_t *ndays);

#endif
