#include "config.h"

#include "extract_command.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "common/i18n.h"
#include "common/util.h"
#include "parse/extract.h"

static const char *source_name(enum extract_source s)
{
	switch (s) {
	case EXTRACT_DOM:
		return _("the page's markup");
	case EXTRACT_JSON_LD:
		return _("its JSON-LD articleBody");
	case EXTRACT_NONE:
		break;
	}
	return _("nothing");
}

int extract_command(const char *file, size_t max_size, enum verbosity verbosity)
{
	const char *name = strcmp(file, "-") == 0 ? _("standard input") : file;
	size_t limit = max_size > 0 ? max_size : EXTRACT_MAX_SIZE;
	struct buf page;
	struct extracted e;

	buf_init(&page);
	if (!read_file_limited(file, limit, &page)) {
		fprintf(stderr, _("retl: %s: cannot read it: %s\n"), name, strerror(errno));
		buf_free(&page);
		return 1;
	}
	struct extract_options o = {.charset = NULL, .max_size = limit};
	if (!extract_page(page.data != NULL ? page.data : "", page.len, &o, &e)) {
		fprintf(stderr, _("retl: %s: the page is larger than %zu bytes (raise --max-size)\n"),
			name, limit);
		buf_free(&page);
		return 1;
	}
	buf_free(&page);
	if (verbosity == VERBOSITY_VERBOSE)
		fprintf(stderr, _("retl: %s: read as %s; text from %s, %zu bytes\n"), name,
			e.charset, source_name(e.source), e.len);
	int status = 0;
	if (e.text == NULL) {
		fprintf(stderr, _("retl: %s: no article text found\n"), name);
		status = 1;
	} else {
		fwrite(e.text, 1, e.len, stdout);
		putchar('\n');
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, _("retl: cannot write the output: %s\n"), strerror(errno));
			status = 1;
		}
	}
	extracted_free(&e);
	return status;
}
