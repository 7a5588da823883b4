/* One article through every stage of the analysis. */
#ifndef RETL_ANALYSE_H
#define RETL_ANALYSE_H

#include "analyse/actors.h"
#include "analyse/analysis.h"

/* Analyses d (already split by doc_split) with the actors a. */
struct analysis *analyse_doc(const struct doc *d, const struct actors *a);
void analysis_free(struct analysis *an);

/* The actors files in the order they load: RETL_ACTORS (or the shipped
 * one), then the user's.  A NULL-terminated array to free with
 * actors_paths_free. */
char **actors_paths(void);
void actors_paths_free(char **paths);

#endif
