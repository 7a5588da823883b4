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
 * Appends in text order; the caller frees speaker and cue.
 *
 * What each quote holds:
 *   direct    text: the quoted words without their marks (and without
 *             the comma English puts inside the closing one); a quote
 *             that runs over paragraphs gives one quote per paragraph.
 *   indirect  text: the reported clause ("that" and the final full stop
 *             left out).
 *   mixed     text: the whole reported clause, its quoted fragments
 *             keeping their marks (X said the controls would "shock the
 *             system" by ...).
 *   cue       the verb in small letters ("said", "told", "according
 *             to"); "" for a paragraph that only goes on quoting the
 *             previous paragraph's speaker.
 * Thread-safe: any number of documents may be analysed at once. */
void quotes_find(const struct doc *d, const struct actors *a, const struct mention *mentions,
		 size_t nmentions, struct quote **out, size_t *n);

#endif
