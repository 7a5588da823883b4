#include "config.h"

#include "present/summary.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/safetext.h"
#include "common/util.h"
#include "present/json.h"
#include "present/summary_svg.h"

static const char *const month_names[] = {
    N_("January"), N_("February"), N_("March"),	    N_("April"),   N_("May"),	   N_("June"),
    N_("July"),	   N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
};

/* The month of YYYY-MM-DD, 1 to 12 (1 for anything else). */
static int month_of(const char *day)
{
	int m = (day[5] - '0') * 10 + (day[6] - '0');
	return m >= 1 && m <= 12 ? m : 1;
}

static bool same_month(const char *a, const char *b)
{
	return strncmp(a, b, 7) == 0;
}

/* Events are grouped by the month they start in; those dated by their
 * year alone ("later this year") by the year, ahead of its months. */
static bool by_year(const struct report_event *e)
{
	return strcmp(e->precision, "year") == 0;
}

static bool same_group(const struct report_event *a, const struct report_event *b)
{
	return by_year(a) == by_year(b) && strncmp(a->day, b->day, by_year(a) ? 4 : 7) == 0;
}

/* The heading of e's group: "October 2025", or "2025" for the year. */
static void group_heading(const struct report_event *e, char *out, size_t size)
{
	if (by_year(e))
		snprintf(out, size, _("%.4s, dated by the year only"), e->day);
	else
		/* TRANSLATORS: a month's heading, "October 2025": the month's
		 * name, then the year; reorder with %2$.4s and %1$s. */
		snprintf(out, size, _("%s %.4s"), _(month_names[month_of(e->day) - 1]), e->day);
}

/* A string literal onto a buffer, its length known at compile time. */
#define PUT_LITERAL(b, s) buf_append((b), (s), sizeof(s) - 1)

/* Scratch space reused from row to row (summary_print frees it): a
 * summary of a million events must not cost millions of allocations.
 * cleaned() writes one, the join_ functions the other. */
static struct buf scratch_clean, scratch_list;

/* s cleaned (safe_text), valid until the next call; its length in *len. */
static const char *cleaned(const char *s, size_t *len)
{
	buf_reset(&scratch_clean);
	safe_text_append(&scratch_clean, s);
	*len = scratch_clean.len;
	return scratch_clean.data != NULL ? scratch_clean.data : "";
}

static const char *list_done(void)
{
	return scratch_list.data != NULL ? scratch_list.data : "";
}

/* "MOFCOM, China", valid until the next join. */
static const char *join_actors(const struct report_event *e)
{
	buf_reset(&scratch_list);
	for (size_t i = 0; i < e->nactors; i++) {
		if (i > 0)
			buf_append(&scratch_list, ", ", 2);
		buf_puts(&scratch_list, e->actors[i]);
	}
	return list_done();
}

/* "feed-a, feed-b", or "[feed-a, feed-b]" with brackets. */
static const char *join_sources(const struct report_event *e, bool brackets)
{
	buf_reset(&scratch_list);
	if (brackets)
		buf_putc(&scratch_list, '[');
	for (size_t i = 0; i < e->nsources; i++) {
		if (i > 0)
			buf_append(&scratch_list, ", ", 2);
		buf_puts(&scratch_list, e->sources[i].feed);
	}
	if (brackets)
		buf_putc(&scratch_list, ']');
	return list_done();
}

/* The links of the sources, a space between. */
static const char *join_links(const struct report_event *e)
{
	buf_reset(&scratch_list);
	for (size_t i = 0; i < e->nsources; i++) {
		if (i > 0)
			buf_putc(&scratch_list, ' ');
		buf_puts(&scratch_list, e->sources[i].link);
	}
	return list_done();
}

static void spaces(FILE *out, int n)
{
	static const char blanks[] = "                                ";
	for (; n > 0; n -= (int)sizeof(blanks) - 1)
		fwrite(blanks, 1, n < (int)sizeof(blanks) - 1 ? (size_t)n : sizeof(blanks) - 1, out);
}

/* The heading's line of filters, empty when there are none. */
static void filters_line(const struct summary_options *o, struct buf *b)
{
	const struct report_query *q = o->query;
	if (o->actor_names != NULL && *o->actor_names)
		buf_puts(b, _("actors: ")), buf_puts(b, o->actor_names), buf_puts(b, "; ");
	if (q->feed != NULL)
		buf_puts(b, _("feed: ")), buf_puts(b, q->feed), buf_puts(b, "; ");
	if (q->tag != NULL)
		buf_puts(b, _("tag: ")), buf_puts(b, q->tag), buf_puts(b, "; ");
	if (q->grep != NULL)
		buf_puts(b, _("words: ")), buf_puts(b, q->grep), buf_puts(b, "; ");
	if (b->len >= 2)
		b->len -= 2;
	buf_putc(b, '\0');
}

/* ---- text --------------------------------------------------------------- */

struct pen {
	FILE *out;
	int width;
	bool color;
};

static void color(const struct pen *p, const char *sgr)
{
	if (p->color)
		fputs(sgr, p->out);
}

/* Writes s (clean, as every string of a report is) wrapped at the pen's
 * width, each line after an indent of indent spaces. */
static void wrapped(const struct pen *p, const char *s, int indent)
{
	size_t len = strlen(s);
	const char *c = s;
	size_t cols = p->width > indent + 20 ? (size_t)(p->width - indent) : 20;
	static const char blanks[] = "                                        ";
	size_t pad = (size_t)indent < sizeof(blanks) - 1 ? (size_t)indent : sizeof(blanks) - 1;
	buf_reset(&scratch_clean); /* the lines, written at once */
	while (len > 0) {
		size_t fit = safe_text_fit(c, len, cols);
		if (fit < len) { /* back to the last space that fits */
			size_t cut = fit;
			while (cut > 0 && c[cut] != ' ')
				cut--;
			if (cut > 0)
				fit = cut;
		}
		if (fit == 0)
			fit = len;
		buf_append(&scratch_clean, blanks, pad);
		buf_append(&scratch_clean, c, fit);
		buf_putc(&scratch_clean, '\n');
		c += fit;
		len -= fit;
		while (len > 0 && *c == ' ')
			c++, len--;
	}
	fwrite(scratch_clean.data, 1, scratch_clean.len, p->out);
}

static void text_quotes(const struct pen *p, const struct report *r, const char *month)
{
	int shown = 0;
	for (size_t i = 0; i < r->nquotes && shown < REPORT_QUOTES_PER_MONTH; i++) {
		const struct report_quote *q = &r->quotes[i];
		if (!same_month(q->day, month))
			continue;
		if (shown++ == 0)
			fprintf(p->out, "\n  %s\n", _("Quotes:"));
		struct buf b;
		buf_init(&b);
		buf_puts(&b, "\u201c");
		buf_puts(&b, q->text);
		buf_puts(&b, "\u201d \u2014 ");
		buf_puts(&b, q->speaker);
		if (q->actor[0] != '\0')
			buf_puts(&b, " ("), buf_puts(&b, q->actor), buf_puts(&b, ")");
		buf_puts(&b, ", ");
		buf_puts(&b, q->day);
		buf_putc(&b, '\0');
		wrapped(p, b.data, 4);
		buf_free(&b);
	}
}

/* "2025-04-01 to 2025-10-31", or "since 2025-04-01" without an end. */
static void range_words(const struct report_query *q, char *out, size_t size)
{
	if (strcmp(q->to, "9999-12-31") == 0)
		snprintf(out, size, _("since %s"), q->from);
	else
		snprintf(out, size, _("%s to %s"), q->from, q->to);
}

static void print_text(FILE *out, const struct report *r, const struct summary_options *o)
{
	struct pen p = {out, o->width, o->color};
	struct buf f;
	buf_init(&f);
	filters_line(o, &f);
	char range[64];
	range_words(o->query, range, sizeof(range));
	color(&p, "\033[1m");
	fprintf(out, _("Trade-policy summary, %s"), range);
	color(&p, "\033[0m");
	fputc('\n', out);
	if (f.data[0] != '\0') {
		char *clean = safe_text(f.data);
		fprintf(out, "%s\n", clean);
		free(clean);
	}
	fprintf(out, ngettext("%zu event\n", "%zu events\n", r->nevents), r->nevents);
	buf_free(&f);
	for (size_t i = 0; i < r->nevents; i++) {
		const struct report_event *e = &r->events[i];
		if (i == 0 || !same_group(e, &r->events[i - 1])) {
			if (i > 0 && !by_year(&r->events[i - 1]))
				text_quotes(&p, r, r->events[i - 1].day);
			char heading[64];
			group_heading(e, heading, sizeof(heading));
			fputc('\n', out);
			color(&p, "\033[1m");
			fputs(heading, out);
			color(&p, "\033[0m");
			fputc('\n', out);
		}
		const char *actors = join_actors(e);
		size_t len = strlen(actors);
		color(&p, "\033[36m");
		fputs("  ", out);
		fputs(e->date, out);
		color(&p, "\033[0m");
		if (len > 0) {
			spaces(out, 12 - (int)strlen(e->date));
			color(&p, "\033[32m");
			fwrite(actors, 1, len, out);
			color(&p, "\033[0m");
		}
		fputc('\n', out);
		wrapped(&p, e->text, 4);
		color(&p, "\033[2m");
		wrapped(&p, join_sources(e, true), 4);
		color(&p, "\033[0m");
	}
	if (r->nevents > 0 && !by_year(&r->events[r->nevents - 1]))
		text_quotes(&p, r, r->events[r->nevents - 1].day);
	if (r->nactors > 0) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, _("Actors by events: "));
		for (size_t i = 0; i < r->nactors; i++) {
			char n[32];
			snprintf(n, sizeof(n), " %lld", (long long)r->actors[i].n);
			if (i > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, r->actors[i].name);
			buf_puts(&b, n);
		}
		buf_putc(&b, '\0');
		fputc('\n', out);
		wrapped(&p, b.data, 0);
		buf_free(&b);
	}
	if (r->ndocuments > 0) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, _("Documents: "));
		for (size_t i = 0; i < r->ndocuments; i++) {
			if (i > 0)
				buf_puts(&b, "; ");
			buf_puts(&b, r->documents[i]);
		}
		buf_putc(&b, '\0');
		wrapped(&p, b.data, 0);
		buf_free(&b);
	}
}

/* ---- Markdown ----------------------------------------------------------- */

/* Whether c must be written after a backslash (md) or %-encoded in a
 * link (link) not to end or change what it is in. */
static bool md_special(unsigned char c, bool link)
{
	if (link)
		return c == '(' || c == ')' || c == ' ' || c == '<' || c == '>';
	return c != '\0' && strchr("\\`*_{}[]<>#|", c) != NULL;
}

/* s (clean) onto b, each special character escaped (link: %-encoded). */
static void md_append(struct buf *b, const char *s, bool link)
{
	static bool special[2][256];
	static bool ready;
	static const char hex[] = "0123456789ABCDEF";
	if (!ready) {
		for (int c = 0; c < 256; c++) {
			special[0][c] = md_special((unsigned char)c, false);
			special[1][c] = md_special((unsigned char)c, true);
		}
		ready = true;
	}
	const bool *table = special[link];
	size_t n = strlen(s);
	buf_reserve(b, 3 * n + 1); /* written in place */
	char *o = b->data + b->len;
	for (const char *c = s; *c != '\0'; c++) {
		unsigned char u = (unsigned char)*c;
		if (!table[u]) {
			*o++ = *c;
		} else if (link) {
			*o++ = '%';
			*o++ = hex[u >> 4];
			*o++ = hex[u & 15];
		} else {
			*o++ = '\\';
			*o++ = *c;
		}
	}
	*o = '\0';
	b->len = (size_t)(o - b->data);
}

/* s (clean) with Markdown's special characters escaped. */
static void md_text(FILE *out, const char *s)
{
	struct buf b;
	buf_init(&b);
	md_append(&b, s, false);
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

static void md_quotes(FILE *out, const struct report *r, const char *month)
{
	int shown = 0;
	for (size_t i = 0; i < r->nquotes && shown < REPORT_QUOTES_PER_MONTH; i++) {
		const struct report_quote *q = &r->quotes[i];
		if (!same_month(q->day, month))
			continue;
		if (shown++ == 0)
			fputc('\n', out);
		fputs("> \u201c", out);
		md_text(out, q->text);
		fputs("\u201d\n> \u2014 ", out);
		md_text(out, q->speaker);
		if (q->actor[0] != '\0') {
			fputs(" (", out);
			md_text(out, q->actor);
			fputs(")", out);
		}
		fprintf(out, ", %s\n\n", q->day);
	}
}

static void print_markdown(FILE *out, const struct report *r, const struct summary_options *o)
{
	struct buf f;
	buf_init(&f);
	filters_line(o, &f);
	char range[64];
	range_words(o->query, range, sizeof(range));
	fputs("# ", out);
	fprintf(out, _("Trade-policy summary, %s"), range);
	fputs("\n\n", out);
	if (f.data[0] != '\0') {
		fputc('*', out);
		size_t len;
		md_text(out, cleaned(f.data, &len));
		fputs("*\n\n", out);
	}
	buf_free(&f);
	fprintf(out, ngettext("%zu event\n", "%zu events\n", r->nevents), r->nevents);
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < r->nevents; i++) {
		const struct report_event *e = &r->events[i];
		if (i == 0 || !same_group(e, &r->events[i - 1])) {
			if (i > 0 && !by_year(&r->events[i - 1]))
				md_quotes(out, r, r->events[i - 1].day);
			char heading[64];
			group_heading(e, heading, sizeof(heading));
			fprintf(out, "\n## %s\n\n", heading);
		}
		buf_reset(&line);
		buf_puts(&line, "- **");
		buf_puts(&line, e->date);
		buf_puts(&line, "**");
		if (e->nactors > 0) {
			buf_puts(&line, " \u2014 *");
			md_append(&line, join_actors(e), false);
			buf_putc(&line, '*');
		}
		buf_puts(&line, ": ");
		md_append(&line, e->text, false);
		buf_puts(&line, " (");
		for (size_t k = 0; k < e->nsources; k++) {
			const struct report_source *s = &e->sources[k];
			buf_puts(&line, k > 0 ? ", [" : "[");
			md_append(&line, s->feed, false);
			buf_puts(&line, "](");
			/* a link target: only http(s), with what would end it encoded */
			if (strncmp(s->link, "http://", 7) == 0 || strncmp(s->link, "https://", 8) == 0)
				md_append(&line, s->link, true);
			buf_putc(&line, ')');
		}
		buf_puts(&line, ")\n");
		fwrite(line.data, 1, line.len, out);
	}
	buf_free(&line);
	if (r->nevents > 0 && !by_year(&r->events[r->nevents - 1]))
		md_quotes(out, r, r->events[r->nevents - 1].day);
	if (r->nactors > 0) {
		fprintf(out, "\n## %s\n\n", _("Actors by events"));
		for (size_t i = 0; i < r->nactors; i++) {
			fputs("- ", out);
			md_text(out, r->actors[i].name);
			fprintf(out, ": %lld\n", (long long)r->actors[i].n);
		}
	}
	if (r->ndocuments > 0) {
		fprintf(out, "\n## %s\n\n", _("Documents"));
		for (size_t i = 0; i < r->ndocuments; i++) {
			fputs("- ", out);
			md_text(out, r->documents[i]);
			fputc('\n', out);
		}
	}
}

/* ---- JSON --------------------------------------------------------------- */

static void json_clean(struct json *j, const char *s)
{
	size_t len;
	json_string(j, cleaned(s, &len));
}

static void print_json(FILE *out, const struct report *r, const struct summary_options *o)
{
	const struct report_query *q = o->query;
	struct json j;
	json_init(&j, out);
	json_object_begin(&j);
	json_key(&j, "since");
	json_string(&j, q->from);
	json_key(&j, "until");
	json_string(&j, q->to);
	json_key(&j, "filters");
	json_object_begin(&j);
	json_key(&j, "actors");
	json_string(&j, o->actor_names != NULL && *o->actor_names ? o->actor_names : NULL);
	json_key(&j, "feed");
	json_string(&j, q->feed);
	json_key(&j, "tag");
	json_string(&j, q->tag);
	json_key(&j, "grep");
	json_string(&j, q->grep);
	json_object_end(&j);
	json_key(&j, "events");
	json_array_begin(&j);
	/* an event a line: a year of a large store is a million of them, and
	 * a line each suits grep and line-oriented tools */
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < r->nevents; i++) {
		const struct report_event *e = &r->events[i];
		buf_reset(&line);
		PUT_LITERAL(&line, "{\"date\": ");
		json_buf_string(&line, e->date);
		PUT_LITERAL(&line, ", \"precision\": ");
		json_buf_string(&line, e->precision);
		buf_puts(&line, e->published ? ", \"kind\": \"published\", \"text\": "
					     : ", \"kind\": \"text\", \"text\": ");
		json_buf_string(&line, e->text);
		PUT_LITERAL(&line, ", \"actors\": [");
		for (size_t k = 0; k < e->nactors; k++) {
			if (k > 0)
				buf_puts(&line, ", ");
			json_buf_string(&line, e->actors[k]);
		}
		PUT_LITERAL(&line, "], \"sources\": [");
		for (size_t k = 0; k < e->nsources; k++) {
			buf_puts(&line, k > 0 ? ", {\"feed\": " : "{\"feed\": ");
			json_buf_string(&line, e->sources[k].feed);
			PUT_LITERAL(&line, ", \"title\": ");
			json_buf_string(&line, e->sources[k].title);
			PUT_LITERAL(&line, ", \"link\": ");
			json_buf_string(&line, e->sources[k].link);
			buf_putc(&line, '}');
		}
		PUT_LITERAL(&line, "]}");
		json_raw_value(&j, line.data);
	}
	buf_free(&line);
	json_array_end(&j);
	json_key(&j, "quotes");
	json_array_begin(&j);
	const char *month = "";
	int in_month = 0;
	for (size_t i = 0; i < r->nquotes; i++) {
		const struct report_quote *k = &r->quotes[i];
		in_month = same_month(k->day, month) ? in_month + 1 : 1;
		month = k->day;
		if (in_month > REPORT_QUOTES_PER_MONTH)
			continue;
		json_object_begin(&j);
		json_key(&j, "date");
		json_string(&j, k->day);
		json_key(&j, "speaker");
		json_clean(&j, k->speaker);
		json_key(&j, "actor");
		if (k->actor[0] != '\0')
			json_clean(&j, k->actor);
		else
			json_null(&j);
		json_key(&j, "kind");
		json_string(&j, k->kind);
		json_key(&j, "text");
		json_clean(&j, k->text);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "actors");
	json_array_begin(&j);
	for (size_t i = 0; i < r->nactors; i++) {
		json_object_begin(&j);
		json_key(&j, "name");
		json_clean(&j, r->actors[i].name);
		json_key(&j, "events");
		json_int(&j, r->actors[i].n);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "documents");
	json_array_begin(&j);
	for (size_t i = 0; i < r->ndocuments; i++)
		json_clean(&j, r->documents[i]);
	json_array_end(&j);
	json_object_end(&j);
	fputc('\n', out);
}

/* ---- CSV ---------------------------------------------------------------- */

/* One field (clean: no line ends), RFC 4180, onto line: quoted when it
 * holds a comma or a quote, quotes doubled. */
static void csv_field(struct buf *line, const char *s, bool last)
{
	size_t n = strlen(s);
	buf_reserve(line, 2 * n + 5); /* written in place */
	char *o = line->data + line->len;
	if (strpbrk(s, ",\"") != NULL) {
		*o++ = '"';
		for (const char *c = s; *c != '\0'; c++) {
			if (*c == '"')
				*o++ = '"';
			*o++ = *c;
		}
		*o++ = '"';
	} else {
		memcpy(o, s, n);
		o += n;
	}
	if (last)
		*o++ = '\r', *o++ = '\n';
	else
		*o++ = ',';
	*o = '\0';
	line->len = (size_t)(o - line->data);
}

static void print_csv(FILE *out, const struct report *r)
{
	fputs("date,precision,kind,actors,text,sources,links\r\n", out);
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < r->nevents; i++) {
		const struct report_event *e = &r->events[i];
		buf_reset(&line);
		csv_field(&line, e->date, false);
		csv_field(&line, e->precision, false);
		csv_field(&line, e->published ? "published" : "text", false);
		csv_field(&line, join_actors(e), false);
		csv_field(&line, e->text, false);
		csv_field(&line, join_sources(e, false), false);
		csv_field(&line, join_links(e), true);
		fwrite(line.data, 1, line.len, out);
	}
	buf_free(&line);
}

void summary_print(FILE *out, const struct report *r, const struct summary_options *o)
{
	if (r->nevents == 0) {
		char range[64];
		range_words(o->query, range, sizeof(range));
		fprintf(stderr,
			_("retl: nothing in the store %s (try an earlier --since, fewer filters, "
			  "or retl --refresh)\n"),
			range);
		if (o->format == SUMMARY_JSON)
			fputs("[]\n", out);
		else if (o->format == SUMMARY_CSV)
			print_csv(out, r);
		return;
	}
	switch (o->format) {
	case SUMMARY_TEXT:
		print_text(out, r, o);
		break;
	case SUMMARY_MARKDOWN:
		print_markdown(out, r, o);
		break;
	case SUMMARY_JSON:
		print_json(out, r, o);
		break;
	case SUMMARY_CSV:
		print_csv(out, r);
		break;
	case SUMMARY_SVG: {
		char range[64], title[512];
		struct buf f;
		buf_init(&f);
		filters_line(o, &f);
		range_words(o->query, range, sizeof(range));
		snprintf(title, sizeof(title), _("Trade-policy timeline, %s%s%s"), range,
			 f.data[0] != '\0' ? "; " : "", f.data);
		buf_free(&f);
		summary_svg(out, r, o->query, title);
		break;
	}
	}
	buf_free(&scratch_clean);
	buf_free(&scratch_list);
}
