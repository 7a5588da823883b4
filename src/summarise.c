#include "config.h"

#include "summarise.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/util.h"
#include "present/summary.h"
#include "refresh.h"
#include "store/report.h"
#include "store/store.h"
#include "store/timeline.h"

static bool parse_format(const char *s, enum summary_format *f)
{
	static const struct {
		const char *name;
		enum summary_format format;
	} formats[] = {{"text", SUMMARY_TEXT},
		       {"markdown", SUMMARY_MARKDOWN},
		       {"json", SUMMARY_JSON},
		       {"csv", SUMMARY_CSV},
		       {"svg", SUMMARY_SVG}};
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(s, formats[i].name) == 0) {
			*f = formats[i].format;
			return true;
		}
	return false;
}

/* The width of the text: the terminal's, else 80. */
static int output_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}

/* The actors named, as ids; names them in *names.  false (message
 * printed) for an unknown one. */
static bool resolve_actors(struct store *s, const struct summarise_args *a,
			   struct report_query *q, struct buf *names)
{
	for (int i = 0; i < a->nactors && q->nactors < REPORT_MAX_ACTORS; i++) {
		char *closest = NULL;
		int64_t id = report_find_actor(s, a->actors[i], &closest);
		if (id == 0) {
			if (closest != NULL && *closest != '\0')
				fprintf(stderr, _("retl: unknown actor '%s'; the closest known: %s\n"),
					a->actors[i], closest);
			else
				fprintf(stderr,
					_("retl: unknown actor '%s' (retl --list-actors lists "
					  "them)\n"),
					a->actors[i]);
			free(closest);
			return false;
		}
		free(closest);
		q->actors[q->nactors++] = id;
		char *canonical = report_actor_name(s, id);
		if (names->len > 0)
			buf_puts(names, ", ");
		buf_puts(names, canonical != NULL ? canonical : a->actors[i]);
		free(canonical);
	}
	buf_putc(names, '\0');
	return true;
}

int summarise_run(const struct summarise_args *a)
{
	struct report_query q;
	struct summary_options o;
	char first[11], last[11];
	memset(&q, 0, sizeof(q));
	memset(&o, 0, sizeof(o));
	if (!timeline_day_range(a->since, first, last)) {
		fprintf(stderr, _("retl: --since: not a date (YYYY, YYYY-MM or YYYY-MM-DD): %s\n"),
			a->since);
		return 2;
	}
	memcpy(q.from, first, sizeof(first));
	snprintf(q.to, sizeof(q.to), "9999-12-31");
	if (a->until != NULL) {
		if (!timeline_day_range(a->until, first, last)) {
			fprintf(stderr,
				_("retl: --until: not a date (YYYY, YYYY-MM or YYYY-MM-DD): %s\n"),
				a->until);
			return 2;
		}
		memcpy(q.to, last, sizeof(last));
	}
	if (!parse_format(a->format != NULL ? a->format : "text", &o.format)) {
		fprintf(stderr,
			_("retl: --format: unknown format '%s' (try text, markdown, json, csv or "
			  "svg)\n"),
			a->format);
		return 2;
	}
	q.feed = a->feed;
	q.tag = a->tag;
	q.grep = a->grep;
	q.limit = a->limit;

	char *path = refresh_db_path(a->db_path);
	char *error = NULL;
	struct store *s = store_open(path, false, &error);
	if (s == NULL) {
		/* The error names the store already. */
		if (access(path, F_OK) != 0)
			fprintf(stderr, _("retl: %s (run retl --refresh first)\n"), error);
		else
			fprintf(stderr, "retl: %s\n", error);
		free(error);
		free(path);
		return 1;
	}
	struct buf names;
	buf_init(&names);
	int rc = 0;
	if (!resolve_actors(s, a, &q, &names)) {
		rc = 2;
	} else {
		struct report *r = report_read(s, &q, &error);
		if (r == NULL) {
			fprintf(stderr, "retl: %s: %s\n", path, error);
			free(error);
			rc = 1;
		} else {
			const char *no_color = getenv("NO_COLOR");
			o.since = a->since;
			o.until = a->until;
			o.actor_names = names.data;
			o.query = &q;
			o.width = output_width();
			bool tty = isatty(STDOUT_FILENO);
			o.color = tty && (no_color == NULL || *no_color == '\0');
			/* a summary for a file or a pipe can be hundreds of MB: large
			 * writes, not one per 4 KiB */
			if (!tty)
				setvbuf(stdout, NULL, _IOFBF, 1 << 20);
			summary_print(stdout, r, &o);
			report_free(r);
			if (fflush(stdout) != 0 || ferror(stdout))
				rc = 1;
		}
	}
	buf_free(&names);
	store_close(s);
	free(path);
	return rc;
}
