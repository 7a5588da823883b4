/* retl --since: a dated summary of the store on standard output, as
 * text, Markdown, JSON, CSV or an SVG picture (retl(1), "SUMMARIES"). */
#ifndef RETL_SUMMARY_H
#define RETL_SUMMARY_H

#include <stdio.h>

#include "store/report.h"

enum summary_format { SUMMARY_TEXT, SUMMARY_MARKDOWN, SUMMARY_JSON, SUMMARY_CSV, SUMMARY_SVG };

struct summary_options {
	enum summary_format format;
	const char *since, *until; /* as the user wrote them */
	const char *actor_names;   /* "MOFCOM, USTR", for the heading */
	const struct report_query *query;
	int width;  /* columns of the text format */
	bool color; /* text on a terminal without NO_COLOR */
};

void summary_print(FILE *out, const struct report *r, const struct summary_options *o);

#endif
