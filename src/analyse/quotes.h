/* Quotes and reported speech, attributed to their speakers. */
#ifndef RETL_QUOTES_H
#define RETL_QUOTES_H

#include <stddef.h>

#include "analyse/actors.h"
#include "analyse/analysis.h"

/* Finds the direct, indirect and mixed quotes of d and who said them,
 * resolving speakers (titles cut, later "Ms. Zhang" or "she" to the full
 * name first given, a described source kept as written) and mapping them
 * to actors.  mentions are d's actor mentions (actors_find_mentions).
 * Appends in text order; the caller frees speaker and cue. */
void quotes_find(const struct doc *d, const struct actors *a, const struct mention *mentions,
		 size_t nmentions, struct quote **out, size_t *n);

#endif
