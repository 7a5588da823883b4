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
		const struct span *s = &d->sentences[e->sentence];
		actors_within(an->mentions, an->nmentions, s->start, s->end, &e->actors,
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
