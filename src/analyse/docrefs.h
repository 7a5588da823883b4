/* References to policy documents: announcements, orders, notices, acts. */
#ifndef RETL_DOCREFS_H
#define RETL_DOCREFS_H

#include <stddef.h>

#include "analyse/analysis.h"

/* Finds the document references of d, each with a normalised name so that
 * articles citing one document can be found together:
 *   "Announcement No. 62 of 2025", "Executive Order 14257",
 *   "Proclamation 10896", "90 FR 15041", "CHIPS and Science Act".
 * Appends in text order; the caller frees the names. */
void docrefs_find(const struct doc *d, struct docref **out, size_t *n);

#endif
