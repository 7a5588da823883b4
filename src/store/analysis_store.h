/* Storing what the analysis found, and reading articles back to redo it. */
#ifndef RETL_ANALYSIS_STORE_H
#define RETL_ANALYSIS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "analyse/actors.h"
#include "analyse/analysis.h"
#include "store/store.h"

/* Brings the actors table in line with actors.conf (names, kinds,
 * aliases) and returns the database id of each actor, by index: an array
 * of actors_count(a) to free, or NULL on error (its reason in *error, to
 * free). */
int64_t *store_sync_actors(struct store *s, const struct actors *a, char **error);

/* Writes analyses, with its statements prepared once. */
struct analysis_writer;
struct analysis_writer *analysis_writer_new(struct store *s);
void analysis_writer_free(struct analysis_writer *w);
/* Replaces the analysis of an article (its quotes, events, actors and
 * documents) inside the caller's transaction, and marks it analysed.
 * fresh: the article was never analysed, there is nothing to replace. */
bool analysis_writer_put(struct analysis_writer *w, int64_t article_id, bool fresh,
			 const struct doc *d, const struct analysis *an, const int64_t *actor_ids);

/* An article as the analysis needs it. */
struct stored_article {
	int64_t id;
	int64_t date; /* published, else updated, else first seen (UTC) */
	char *html;   /* content, else summary, else title; or the page's text */
	bool fresh;   /* never analysed: no old analysis to delete */
	bool plain;   /* html is the plain text extracted from its page */
};

/* Reads up to max articles with an id above after, in id order; returns
 * how many (0 at the end, -1 on error).  Free each with
 * stored_article_free. */
int store_read_articles(struct store *s, int64_t after, struct stored_article *out, int max);
/* The same, only articles not analysed since they last changed. */
int store_read_pending(struct store *s, int64_t after, struct stored_article *out, int max);
/* The bytes of text waiting for analysis, -1 on error. */
int64_t store_pending_bytes(struct store *s);
void stored_article_free(struct stored_article *a);

#endif
