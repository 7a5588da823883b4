/* Time expressions in an article, resolved against its date. */
#ifndef RETL_TIMEX_H
#define RETL_TIMEX_H

#include <stddef.h>

#include "analyse/analysis.h"

/* Finds and resolves every time expression of d (see DESIGN.md, "Dates"):
 * explicit dates, weekdays, months, years, weeks and relative phrases,
 * with tense deciding past or future where the sentence says so.
 * Durations are returned with is_duration set.  Appends in text order. */
void timex_find(const struct doc *d, struct timex **out, size_t *n);

/* Writes the TimeML value: "2025-11-20", "2025-W47", "2025-11", "2025". */
void timex_format(const struct timex *t, char *buf, size_t size);

#endif
