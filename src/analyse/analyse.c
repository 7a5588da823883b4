#include "config.h"

#include "analyse/analyse.h"

#include <stdlib.h>
#include <string.h>

#include "analyse/docrefs.h"
#include "analyse/quotes.h"
#include "analyse/text.h"
#include "analyse/timex.h"
#include "common/paths.h"
#include "common/util.h"

/* The index of the first mention starting at or after pos (mentions are
 * in text order), by binary search: articles can be long. */
static size_t first_mention_at(const struct mention *m, size_t nm, size_t pos)
{
	size_t lo = 0, hi = nm;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m[mid].where.start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The actors mentioned in [start, end), each once, in order of first
 * mention. */
static void actors_within(const struct mention *m, size_t nm, size_t start, size_t end,
			  int **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	for (size_t i = first_mention_at(m, nm, start); i < nm && m[i].where.start < end; i++) {
		if (m[i].where.end > end)
			continue;
		bool seen = false;
		for (size_t j = 0; j < *n && !seen; j++)
			seen = (*out)[j] == m[i].actor;
		if (seen)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = m[i].actor;
	}
}

/* The text of an event: its sentence, or when that is longer than
 * EVENT_TEXT_MAX, the words around the expression. */
static struct span event_text(const struct doc *d, struct span sentence, struct span x)
{
	if (sentence.end - sentence.start <= EVENT_TEXT_MAX)
		return sentence;
	size_t side = (EVENT_TEXT_MAX - (x.end - x.start < EVENT_TEXT_MAX ? x.end - x.start : 0)) / 2;
	struct span r = {x.start - sentence.start > side ? x.start - side : sentence.start,
			 sentence.end - x.end > side ? x.end + side : sentence.end};
	/* whole words only: spaces are ASCII, so this never cuts a character */
	if (r.start > sentence.start) {
		while (r.start < x.start && d->text[r.start - 1] != ' ')
			r.start++;
	}
	if (r.end < sentence.end) {
		while (r.end > x.end && d->text[r.end] != ' ')
			r.end--;
	}
	return r;
}

/* Quotes beyond the bounds are dropped: one longer than QUOTE_TEXT_MAX,
 * and any once the quotes hold QUOTES_PER_TEXT times the article's bytes
 * (text that quotes itself over and over, as only hostile input does). */
static void bound_quotes(const struct doc *d, struct analysis *an)
{
	size_t kept = 0, bytes = 0, budget = QUOTES_PER_TEXT * d->len + QUOTE_TEXT_MAX;
	for (size_t i = 0; i < an->nquotes; i++) {
		struct quote *q = &an->quotes[i];
		size_t len = q->text.end - q->text.start;
		if (len > QUOTE_TEXT_MAX || bytes + len > budget) {
			free(q->speaker);
			free(q->cue);
			continue;
		}
		bytes += len;
		an->quotes[kept++] = *q;
	}
	an->nquotes = kept;
}

/* Every dated expression that is not a duration anchors an event: its
 * sentence says what happened, the actors in it who was involved. */
static void make_events(const struct doc *d, struct analysis *an)
{
	an->events = xcalloc(an->ntimexes ? an->ntimexes : 1, sizeof(*an->events));
	for (size_t i = 0; i < an->ntimexes; i++) {
		const struct time_expr *t = &an->timexes[i];
		if (t->is_duration)
			continue;
		struct event *e = &an->events[an->nevents++];
		e->when = *t;
		e->sentence = doc_sentence_at(d, t->where.start);
		e->text = event_text(d, d->sentences[e->sentence], t->where);
		actors_within(an->mentions, an->nmentions, e->text.start, e->text.end, &e->actors,
			      &e->nactors);
	}
}

struct analysis *analyse_doc(const struct doc *d, const struct actors *a)
{
	struct analysis *an = xcalloc(1, sizeof(*an));

	if (a != NULL)
		actors_find_mentions(a, d, &an->mentions, &an->nmentions);
	if (a != NULL)
		quotes_find(d, a, an->mentions, an->nmentions, &an->quotes, &an->nquotes);
	bound_quotes(d, an);
	timex_find(d, &an->timexes, &an->ntimexes);
	if (d->nsentences > 0)
		make_events(d, an);
	docrefs_find(d, &an->docrefs, &an->ndocrefs);
	return an;
}

void analysis_free(struct analysis *an)
{
	if (an == NULL)
		return;
	free(an->mentions);
	for (size_t i = 0; i < an->nquotes; i++) {
		free(an->quotes[i].speaker);
		free(an->quotes[i].cue);
	}
	free(an->quotes);
	free(an->timexes);
	for (size_t i = 0; i < an->nevents; i++)
		free(an->events[i].actors);
	free(an->events);
	for (size_t i = 0; i < an->ndocrefs; i++)
		free(an->docrefs[i].name);
	free(an->docrefs);
	free(an);
}

char **actors_paths(void)
{
	char **paths = xcalloc(3, sizeof(*paths));
	const char *env = getenv("RETL_ACTORS");
	paths[0] = env != NULL && *env ? xstrdup(env) : shipped_config_path("actors.conf");
	paths[1] = user_config_path("actors.conf");
	return paths;
}

void actors_paths_free(char **paths)
{
	for (size_t i = 0; paths != NULL && paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}
