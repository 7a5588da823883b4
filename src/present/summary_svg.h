/* retl --since --format svg: the events of a summary as a picture, a time
 * axis with a lane per actor (the busiest eight, then the others), a mark
 * per event sized by its sources, the key events labelled without
 * overlapping, and a strip of events per week.  Standalone: no script,
 * no external resource. */
#ifndef RETL_SUMMARY_SVG_H
#define RETL_SUMMARY_SVG_H

#include <stdio.h>

#include "store/report.h"

void summary_svg(FILE *out, const struct report *r, const struct report_query *q,
		 const char *title);

#endif
