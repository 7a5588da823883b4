/* Time expressions in an article, resolved against its date. */
#ifndef RETL_TIMEX_H
#define RETL_TIMEX_H

#include <stddef.h>

#include "analyse/analysis.h"

/* Finds and resolves every time expression of d (see DESIGN.md, "Dates"):
 * explicit dates, weekdays, months, years, weeks and relative phrases,
 * with tense deciding past or future where the sentence says so.
 * Durations are returned with is_duration set.  Appends in text order
 * to *out (grown with xrealloc; the caller frees it), never overlapping.
 *
 * A span takes in "in" and "on" and the expression's modifiers: "on
 * Thursday", "in April", "last week", "later this month", "earlier on
 * Tuesday"; a duration everything that measures it: "within just over 20
 * days".  A duration's precision is its unit (day, week, month, year) and
 * value.day its count, 0 when the text gives none ("for months").
 * Expressions relative to another time of the story ("two days later",
 * "the previous year") and comparison yardsticks ("compared to a year
 * ago") are not returned.  d->sentences may be empty: sentence ends are
 * then looked for around each expression.  Without a valid d->date only
 * dates written in full are resolved. */
void timex_find(const struct doc *d, struct time_expr **out, size_t *n);

/* Writes the TimeML value: "2025-11-20", "2025-W47", "2025-11", "2025";
 * for a duration "P90D", "P2W", "P5Y", or "PXM" without a count. */
void timex_format(const struct time_expr *t, char *buf, size_t size);

/* "YYYY-MM-DD" and its NUL. */
#define TIMEX_DAY_SIZE 11

/* The first and last day a date (not a duration) covers, as ISO dates:
 * the Monday and Sunday of a week, the first and last of a month. */
void timex_days(const struct time_expr *t, char *first, char *last);

#endif
