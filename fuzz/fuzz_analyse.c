/* One article's text through every extractor, as "retl --analyze" runs
 * them, with the shipped actors.conf. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

#include "analyse/analyse.h"
#include "analyse/text.h"
#include "common/util.h"
#include "parse/decode.h"

/* Loaded once and kept for the whole run, as the program keeps it. */
static struct actors *shipped_actors(void)
{
	static struct actors *actors;
	if (actors == NULL) {
		const char *paths[] = {SRCDIR "/actors.conf", NULL};
		char *error = NULL;
		actors = actors_load(paths, &error);
		if (actors == NULL) {
			fprintf(stderr, "fuzz_analyse: %s\n", error);
			abort();
		}
	}
	return actors;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct actors *a = shipped_actors();
	struct buf text;
	struct doc d = {0};

	buf_init(&text);
	utf8_sanitize(&text, (const char *)data, size);
	d.text = text.data != NULL ? text.data : "";
	d.len = text.len;
	d.date.year = 2025;
	d.date.month = 4;
	d.date.day = 9;
	doc_split(&d);
	analysis_free(analyse_doc(&d, a));
	doc_free_spans(&d);
	buf_free(&text);
	return 0;
}
