/* `retl --analyze`: one plain-text article's analysis as JSON. */
#ifndef RETL_ANALYSIS_JSON_H
#define RETL_ANALYSIS_JSON_H

#include <stdio.h>

#include "analyse/actors.h"
#include "analyse/analysis.h"

/* Writes the JSON of DESIGN.md for d and its analysis; offsets are in
 * characters (code points) of d's text, as other programs count them. */
void analysis_json_print(FILE *out, const struct doc *d, const struct analysis *an,
			 const struct actors *a);

#endif
