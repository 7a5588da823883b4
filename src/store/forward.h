/* A merge join done by hand: a statement over rows in the order of an
 * id, moved forward to the ids asked for, in (mostly) ascending order. */
#ifndef RETL_FORWARD_H
#define RETL_FORWARD_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

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
	bool failed; /* a step ended in an error, not in a row or the end */
};

/* sql: rows from the id ?1 on, ORDER BY that id (its column 0). */
bool forward_open(sqlite3 *db, const char *sql, struct forward *f);
void forward_close(struct forward *f);
/* Whether no step has failed (an error ends the rows like their end). */
bool forward_ok(const struct forward *f);
/* The next row (f->at is INT64_MAX past the last). */
void forward_step(struct forward *f);
/* Whether there is a row of id: then it is the current one (the first). */
bool forward_to(struct forward *f, int64_t id);

#endif
