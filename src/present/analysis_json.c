#include "config.h"

#include "present/analysis_json.h"

#include <stdlib.h>
#include <string.h>

#include "analyse/timex.h"
#include "common/util.h"
#include "present/json.h"

static const char *const kind_names[] = {"direct", "indirect", "mixed"};
static const char *const precision_names[] = {"day", "week", "month", "year"};

/* Counts code points from byte 0 to byte pos, carrying on from the last
 * call (positions come in rising order, mostly): linear in the text
 * however many quotes there are. */
struct char_counter {
	const char *text;
	size_t byte;
	size_t chars;
};

static size_t chars_at(struct char_counter *c, size_t pos)
{
	/* Back or forth from the last offset asked for: quotes come in order
	 * of their starts, but one may end past the next one's start. */
	for (; c->byte > pos; c->byte--)
		if (((unsigned char)c->text[c->byte - 1] & 0xC0) != 0x80)
			c->chars--;
	for (; c->byte < pos; c->byte++)
		if (((unsigned char)c->text[c->byte] & 0xC0) != 0x80)
			c->chars++;
	return c->chars;
}

static char *span_text(const struct doc *d, struct span s)
{
	return xstrndup(d->text + s.start, s.end - s.start);
}

static const char *actor_name(const struct actors *a, int index)
{
	return a != NULL && index >= 0 ? actors_get(a, index)->name : NULL;
}

struct count {
	int actor;
	size_t n;
};

static int by_count(const void *x, const void *y)
{
	const struct count *a = x, *b = y;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return a->actor - b->actor;
}

static void write_actors(struct json *j, const struct analysis *an, const struct actors *a)
{
	size_t na = a != NULL ? actors_count(a) : 0;
	struct count *counts = xcalloc(na ? na : 1, sizeof(*counts));
	for (size_t i = 0; i < na; i++)
		counts[i].actor = (int)i;
	for (size_t i = 0; i < an->nmentions; i++)
		counts[an->mentions[i].actor].n++;
	qsort(counts, na, sizeof(*counts), by_count);
	json_key(j, "actors");
	json_array_begin(j);
	for (size_t i = 0; i < na && counts[i].n > 0; i++) {
		json_object_begin(j);
		json_key(j, "name");
		json_string(j, actor_name(a, counts[i].actor));
		json_key(j, "mentions");
		json_int(j, (int64_t)counts[i].n);
		json_object_end(j);
	}
	json_array_end(j);
	free(counts);
}

static void write_quotes(struct json *j, const struct doc *d, const struct analysis *an,
			 const struct actors *a, struct char_counter *cc)
{
	json_key(j, "quotes");
	json_array_begin(j);
	for (size_t i = 0; i < an->nquotes; i++) {
		const struct quote *q = &an->quotes[i];
		char *text = span_text(d, q->text);
		json_object_begin(j);
		json_key(j, "speaker");
		json_string(j, q->speaker);
		json_key(j, "actor");
		json_string(j, actor_name(a, q->actor));
		json_key(j, "kind");
		json_string(j, kind_names[q->kind]);
		json_key(j, "cue");
		json_string(j, q->cue);
		json_key(j, "text");
		json_string(j, text);
		json_key(j, "start");
		json_int(j, (int64_t)chars_at(cc, q->text.start));
		json_key(j, "end");
		json_int(j, (int64_t)chars_at(cc, q->text.end));
		json_object_end(j);
		free(text);
	}
	json_array_end(j);
}

static void write_events(struct json *j, const struct doc *d, const struct analysis *an,
			 const struct actors *a)
{
	json_key(j, "events");
	json_array_begin(j);
	for (size_t i = 0; i < an->nevents; i++) {
		const struct event *e = &an->events[i];
		char date[32];
		timex_format(&e->when, date, sizeof(date));
		char *expr = span_text(d, e->when.where);
		char *sentence = span_text(d, e->text);
		json_object_begin(j);
		json_key(j, "date");
		json_string(j, date);
		json_key(j, "precision");
		json_string(j, precision_names[e->when.precision]);
		json_key(j, "expr");
		json_string(j, expr);
		json_key(j, "text");
		json_string(j, sentence);
		json_key(j, "actors");
		json_array_begin(j);
		for (size_t k = 0; k < e->nactors; k++)
			json_string(j, actor_name(a, e->actors[k]));
		json_array_end(j);
		json_object_end(j);
		free(expr);
		free(sentence);
	}
	json_array_end(j);
}

struct citation {
	const char *name;
	size_t index; /* in an->docrefs */
};

static int by_name_then_place(const void *x, const void *y)
{
	const struct citation *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	return c != 0 ? c : (a->index > b->index) - (a->index < b->index);
}

/* Each document once, in the order of first citation: repeats are found
 * by sorting, as a hostile text may cite thousands. */
static void write_documents(struct json *j, const struct analysis *an)
{
	struct citation *sorted = xcalloc(an->ndocrefs + 1, sizeof(struct citation));
	bool *repeat = xcalloc(an->ndocrefs + 1, sizeof(bool));
	for (size_t i = 0; i < an->ndocrefs; i++)
		sorted[i] = (struct citation){an->docrefs[i].name, i};
	qsort(sorted, an->ndocrefs, sizeof(struct citation), by_name_then_place);
	for (size_t i = 1; i < an->ndocrefs; i++)
		if (strcmp(sorted[i - 1].name, sorted[i].name) == 0)
			repeat[sorted[i].index] = true;
	json_key(j, "documents");
	json_array_begin(j);
	for (size_t i = 0; i < an->ndocrefs; i++)
		if (!repeat[i])
			json_string(j, an->docrefs[i].name);
	json_array_end(j);
	free(repeat);
	free(sorted);
}

void analysis_json_print(FILE *out, const struct doc *d, const struct analysis *an,
			 const struct actors *a)
{
	struct json j;
	struct char_counter cc = {d->text, 0, 0};
	char date[16];

	snprintf(date, sizeof(date), "%04d-%02d-%02d", d->date.year, d->date.month, d->date.day);
	json_init(&j, out);
	json_object_begin(&j);
	json_key(&j, "date");
	json_string(&j, date);
	write_actors(&j, an, a);
	write_quotes(&j, d, an, a, &cc);
	write_events(&j, d, an, a);
	write_documents(&j, an);
	json_object_end(&j);
	fputc('\n', out);
}
